"""The Lesson view's own part: the stops' bar (previous, the list, next) over the atlas view,
and the stop's caption beside the map. The map, the essay and the notes are the atlas view's,
framed and marked for the stop (the browser follows the stop page.js shares)."""

from __future__ import annotations

import streamlit as st

from mapcore.web.stops import StopWire, stop_wire

from .. import lessons, maker, state
from ..edition import Edition
from .common import Settings
from .teaching import class_controls, quiz_controls


def lesson_stop(edition: Edition) -> StopWire | None:
    """The stop shown, as the browser gets it (opening the lesson's first, or the stop kept,
    if the view has none yet); None: the atlas has no lessons."""
    atlas = edition.atlas
    chosen = lessons.lesson(atlas)
    if chosen is None:
        return None
    c = state.choices()
    if c.lesson != chosen.id or not 1 <= c.stop <= len(chosen.stops):
        lessons.open_stop(atlas, c.stop if c.lesson == chosen.id else 1)
    if chosen.id == maker.DRAFT_ID:  # the teacher's draft: made for this run
        shown = chosen.stop(c.stop)
        return stop_wire(atlas, chosen, shown) if shown else None
    return edition.stops()[(chosen.id, c.stop)]


def lesson_bar(edition: Edition, settings: Settings) -> None:
    """Previous stop, the list of stops, Next stop (and the lesson, if there are several),
    then the Quiz and the class; greyed on a follower's page."""
    atlas = edition.atlas
    chosen = lessons.lesson(atlas)
    if chosen is None:
        st.info("This atlas has no lessons: add one as lessons/<id>.toml (docs/data.md).",
                icon=":material/school:")  # fmt: skip
        return
    c = state.choices()
    count, off = len(chosen.stops), settings.following
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small",
                      key="lesson-bar"):  # fmt: skip
        offered = lessons.choosable(atlas)
        if len(offered) > 1 and not settings.present:
            titles = {x.id: ("Your lesson: " if x.id == maker.DRAFT_ID else "") + x.title
                      for x in offered}  # fmt: skip
            state.STATE["lesson-list"] = chosen.id
            st.selectbox("Lesson", list(titles), format_func=titles.__getitem__,
                         key="lesson-list", on_change=lessons.lesson_chosen, args=(atlas,),
                         label_visibility="collapsed", disabled=off)  # fmt: skip
        st.button("Previous stop", icon=":material/arrow_back:", key="stop-previous",
                  on_click=lessons.previous_stop, args=(atlas,), disabled=off or c.stop <= 1,
                  help="The lesson's previous stop (← or PageUp)")  # fmt: skip
        state.STATE["stop-list"] = c.stop
        st.selectbox("Stop", list(range(1, count + 1)), key="stop-list",
                     format_func=lambda n: f"{n}/{count}. {chosen.stops[n - 1].title}",
                     on_change=lessons.stop_chosen, args=(atlas,), width=270, disabled=off,
                     label_visibility="collapsed")  # fmt: skip
        st.button("Next stop", icon=":material/arrow_forward:", key="stop-next",
                  on_click=lessons.next_stop, args=(atlas,), disabled=off or c.stop >= count,
                  help="The lesson's next stop (→ or PageDown)")  # fmt: skip
        quiz_controls(edition, settings)
        if not off:
            class_controls()
