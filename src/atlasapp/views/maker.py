"""Make a lesson: under the map, the teacher's draft (atlasapp.maker) built from the views
shown, each stop's texts edited, moved, removed, taught, downloaded as a file or loaded back."""

from __future__ import annotations

import streamlit as st

from mapcore.lessons import lesson_toml
from mapcore.vocab import GROUPS, TERRITORIES

from .. import components, maker, state
from ..edition import Edition

HIGHLIGHTS = {**{g: f"{g} (group)" for g in GROUPS}, **TERRITORIES}


def _added(edition: Edition) -> None:
    sent = components.triggered("add-stop", "add")
    if sent:
        maker.add_view(edition.atlas, str(sent).rsplit("|", 1)[0])


def _field(name: str, value) -> dict:
    """A field of the stop edited: its value set before it is drawn, kept when changed."""
    key, d = f"draft-{name}", maker.draft()
    if state.STATE.get(f"{key}:for") != d.revision or key not in state.STATE:
        state.STATE[key] = value
        state.STATE[f"{key}:for"] = d.revision
    return {"key": key, "on_change": maker.edit, "args": (name,)}


def maker_panel(edition: Edition) -> None:
    """Make a lesson: add the view, edit the stop, order, download, load a file back."""
    d = maker.draft()
    # one label always: an expander whose label changes is a new one, and closes
    with st.expander("Make a lesson", icon=":material/edit_note:"):
        st.caption(f"Your lesson has {len(d.stops)} stop(s). Show the day and frame you want "
                   "on the map, then add it.")  # fmt: skip
        state.STATE["draft-lesson-title"] = d.title
        st.text_input("Lesson title", key="draft-lesson-title", on_change=maker.retitle)
        components.add_stop_button(edition, "Add this view as a stop",
                                   on_add=lambda: _added(edition))  # fmt: skip
        stop = maker.selected()
        if stop is not None:
            count = len(d.stops)
            state.STATE["draft-pick"] = d.selected
            st.selectbox("Stop to edit", list(range(1, count + 1)), key="draft-pick",
                         format_func=lambda n: f"{n}. {d.stops[n - 1].title}",
                         on_change=maker.pick)  # fmt: skip
            st.caption(f"Its day: {stop.when}; its frame: "
                       f"{stop.bounds or ', '.join(stop.frame) or 'the whole map'}")  # fmt: skip
            st.text_input("Title", **_field("title", stop.title))
            st.text_area("Caption for the class", **_field("caption", stop.caption), height=80)
            st.text_input("Question (optional)", **_field("question", stop.question))
            st.text_input("Its answer", **_field("answer", stop.answer))
            st.text_area("Note for the teacher only", **_field("note", stop.note), height=68)
            passages = [p.id for p in edition.atlas.passages(None)]
            st.multiselect("Passages", passages, **_field("passages", list(stop.passages)))
            st.multiselect("Highlight", list(HIGHLIGHTS), format_func=HIGHLIGHTS.__getitem__,
                           **_field("highlight", list(stop.highlight)))  # fmt: skip
            with st.container(horizontal=True, key="draft-actions"):
                st.button(
                    "Earlier",
                    icon=":material/arrow_upward:",
                    key="draft-up",
                    on_click=maker.move,
                    args=(-1,),
                    disabled=d.selected <= 1,
                )
                st.button(
                    "Later",
                    icon=":material/arrow_downward:",
                    key="draft-down",
                    on_click=maker.move,
                    args=(1,),
                    disabled=d.selected >= count,
                )
                st.button("Remove", icon=":material/delete:", key="draft-remove",
                          on_click=maker.remove)  # fmt: skip
                st.button("Teach it", icon=":material/school:", key="draft-teach",
                          on_click=maker.teach)  # fmt: skip
            text = lesson_toml(d.lesson())
            _, problems = maker.check_file(edition.atlas, f"{d.file_id()}.toml", text.encode())
            if problems:  # what loading it back would say
                st.warning("To finish before the file loads back:\n\n" + "\n".join(
                    f"- {p.message}" for p in problems), icon=":material/rule:")  # fmt: skip
            st.download_button("Download the lesson file", icon=":material/download:",
                               data=text, mime="application/toml",
                               file_name=f"{d.file_id()}.toml", on_click="ignore",
                               key="draft-download")  # fmt: skip
        upload = st.file_uploader("Load a lesson file (.toml): it is checked first", type="toml",
                                  key="draft-upload")  # fmt: skip
        if upload is not None and state.STATE.get("draft-upload:seen") != upload.file_id:
            state.STATE["draft-upload:seen"] = upload.file_id
            maker.load_file(edition.atlas, upload.name, upload.getvalue())
        if d.loaded:
            (st.warning if d.problems else st.success)(d.loaded)
        if d.problems:
            st.code("\n".join(str(p) for p in d.problems), language=None)
        st.caption("A file in the edition's lessons/ folder (MAPCORE_GEODATA) is checked by "
                   "`mapcore validate` and shown in the Lesson view.")  # fmt: skip
