"""The app's page and its three views: the atlas (one year), two years compared, control over
time. Each view is a Streamlit fragment, so a slider step reruns only the view, not the page;
the views only arrange what mapcore computes and what the teacher chose (atlasapp.state).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import mapcore
from mapcore.links import VIEWS
from mapcore.vocab import LABEL_CHOICES
from mapcore.web import elements
from mapcore.web.assets import AssetError

from .. import classroom, lessons, state
from ..edition import Edition, edition_for
from ..page_hooks import PRESENTER_CSS
from .atlas import atlas_view
from .chart import chart_view
from .common import Settings
from .compare import compare_view
from .teaching import follower_bar

TILES = [state.OFFLINE, *elements.ONLINE_TILES]


def problems_panel(geodata: str, problems, drawn: bool) -> None:
    """The validator's list, one line per problem: file, feature, problem."""
    shown = "The map leaves out what they concern" if drawn else "Nothing can be drawn"
    st.warning(f"The atlas data in {geodata} has {len(problems)} problem(s). {shown} until they "
               "are fixed; each line names the file, the feature and the problem. Fix the files "
               "and reload the page.", icon=":material/report:")  # fmt: skip
    with st.expander("The problems", expanded=not drawn):
        st.code("\n".join(str(p) for p in problems), language=None)


def settings_sidebar(edition: Edition) -> None:
    """The settings (not drawn in presenter mode: no sidebar, nothing to open by mistake)."""
    with st.sidebar:
        st.header("Settings")
        st.toggle("Presenter mode: large type, map and passage only", **state.bound("present"))
        st.selectbox("Play speed", list(state.SPEEDS), **state.bound("speed"))
        st.selectbox("Map labels", list(LABEL_CHOICES), format_func=LABEL_CHOICES.__getitem__,
                     **state.bound("lang"))  # fmt: skip
        st.selectbox("Background map", TILES, **state.bound("tiles"))
        st.caption("Online tiles need the internet; with the network gone the atlas's own land "
                   "layer stays on the map.")  # fmt: skip
        st.subheader("Take it with you")
        st.download_button("Classroom pack (one HTML file, works offline)", data=edition.pack,
                           file_name="russo-japanese-atlas.html", mime="text/html",
                           icon=":material/download:", on_click="ignore",
                           key="download-pack")  # fmt: skip
        st.caption("The year's map as GeoJSON or CSV: under the map.")
        st.caption(f"Data: {mapcore.default_geodata()}")


def page(static: Path, loading) -> None:
    """The whole page for one rerun: the edition (or what is wrong with it), then the view."""
    geodata = str(mapcore.default_geodata())
    try:
        edition = edition_for(geodata, static)
    except mapcore.AtlasError as err:
        loading.empty()
        problems_panel(geodata, err.problems, drawn=False)
        st.stop()
    except AssetError as err:
        loading.empty()
        st.error(f"A file the map needs is missing. {err}", icon=":material/error:")
        st.stop()
    loading.empty()
    if edition.problems:
        problems_panel(geodata, edition.problems, drawn=not edition.note)
    if edition.note:
        st.info(edition.note, icon=":material/info:")

    choices = state.choices()
    lessons.settle(edition.atlas)
    classroom.catch_up()
    state.say_notes()
    if choices.follow:
        st.fragment(classroom.poll, run_every=classroom.FOLLOW_POLL)(edition, choices.following)
    if choices.present:
        st.html(f"<style>{PRESENTER_CSS}</style>")  # our own CSS, no data in it
        view = state.shown_view(choices)
    else:
        settings_sidebar(edition)
        if not (choices.follow and choices.following):  # a follower's view is the teacher's
            st.segmented_control("View", list(VIEWS), format_func=VIEWS.__getitem__,
                                 required=True, label_visibility="collapsed",
                                 **state.bound("view"))  # fmt: skip
        view = choices.view
    settings = Settings(lang=choices.lang, tiles=elements.tiles_option(choices.tiles),
                        present=choices.present, view=view,
                        following=bool(choices.follow and choices.following))  # fmt: skip
    follower_bar(settings)
    if view == "compare":
        st.fragment(compare_view)(edition, settings)
    elif view == "chart":
        st.fragment(chart_view)(edition, settings)
    else:  # the atlas, or a lesson's stops over it
        run_every = state.SPEEDS.get(choices.speed, 1.0) if choices.playing else None
        st.fragment(atlas_view, run_every=run_every)(edition, settings)
