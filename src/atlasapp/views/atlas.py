"""The atlas view: the controls, the map, the year's notes and the essay, all a step reruns."""

from __future__ import annotations

import functools
import time

import streamlit as st
from streamlit_folium import st_folium

from mapcore.web import elements

from .. import components, state
from ..edition import Edition
from ..state import LAST, SPEEDS
from .common import MAP_HEIGHT, Settings, follow_app_level, page_bridge, step
from .lesson import lesson_bar

DAYS_HEIGHT = 44  # the day steps' row, kept whether the year has days or not: nothing moves


def tick(edition: Edition) -> None:
    """While playing, move on one step per interval (before the slider exists in this run): a
    year, or in a year of change once a day is chosen, its next day; a run the teacher caused
    is not a tick, so Play never adds a step to a click."""
    c = state.choices()
    if c.playing != c.timer:
        c.timer = c.playing
        st.rerun(scope="app")  # start or stop the fragment's timer
    interval = SPEEDS.get(c.speed, 1.0)
    now = time.monotonic()
    if not state.timer_step():
        st.session_state["atlas:tick"] = now
        return
    if c.playing and now - st.session_state.get("atlas:tick", 0.0) >= 0.75 * interval:
        st.session_state["atlas:tick"] = now
        state.play_step(edition.atlas)


def controls(edition: Edition, settings: Settings) -> int:
    """Previous change, Play, Next change and the Year slider in one row that never truncates;
    in presenter mode also the way out."""
    atlas = edition.atlas
    c = state.choices()
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small", key="controls"):
        st.button("Previous change", icon=":material/skip_previous:", key="previous",
                  on_click=state.previous_change, args=(atlas,),
                  help="The last year in which control changed (PageUp; [ : the last day "
                       "of a change)")  # fmt: skip
        st.button("Pause" if c.playing else "Play", key="play",
                  icon=":material/pause:" if c.playing else ":material/play_arrow:",
                  on_click=state.toggle_play,
                  help="Advance year by year, or day of change by day once a day is chosen "
                       "(speed: Settings)")  # fmt: skip
        st.button("Next change", icon=":material/skip_next:", key="next",
                  on_click=state.next_change, args=(atlas,),
                  help="The next year in which control changes (PageDown; ] : the next day "
                       "of a change)")  # fmt: skip
        year = st.slider("Year", state.FIRST, LAST, width="stretch",
                         label_visibility="collapsed", **state.bound("year"))  # fmt: skip
        if settings.present:
            st.button("Exit presenter mode", icon=":material/close_fullscreen:", key="exit",
                      on_click=state.set_present, args=(False,), type="primary",
                      help="Back to the full page (Esc)")  # fmt: skip
    return year


def atlas_view(edition: Edition, settings: Settings) -> None:
    """The controls, the map, the year's notes and the essay: all a step reruns. The Lesson
    view is this view with the stops' bar over it and the stop's caption beside the map."""
    follow_app_level(settings)
    tick(edition)
    in_lesson = settings.view == "lesson"
    stop = lesson_bar(edition, settings) if in_lesson else None
    year = controls(edition, settings)
    day = state.choices().day if state.choices().year == year else None
    state.write_link()
    with st.container(height=DAYS_HEIGHT, border=False, key="days-row"):  # held before it draws
        components.days_panel(edition, year, day)
    map_column, essay_column = st.columns([3, 2], gap="medium")
    with map_column:
        with st.container(key="fit-map"):
            st_folium(elements.base_map(edition.map_assets, cards=True),
                      feature_group_to_add=elements.YearLayer(step(year, day, settings)),
                      returned_objects=[], height=MAP_HEIGHT, use_container_width=True,
                      key="atlas-map")  # fmt: skip
        if not settings.present:
            components.notes_panel(edition, year, day)
            downloads(edition, year)
    with essay_column:
        if in_lesson:
            components.lesson_panel(edition, dict(stop) if stop else None, None, console=False,
                                    class_code=None, since=None)  # fmt: skip
        with st.container(key="fit-essay"):
            components.essay_panel(
                edition,
                year,
                day,
                settings.present,
                on_click=functools.partial(passage_clicked, edition),
            )
    page_bridge(edition, ["year"], settings.present, day=day,
                shared={"stop": dict(stop) if stop else None}, lesson=in_lesson)  # fmt: skip


@state.guarded
def passage_clicked(edition: Edition) -> None:
    chosen = components.triggered("essay", "clicked")
    passage = next((p for p in edition.atlas.passages(None) if p.id == chosen), None)
    if passage is not None:
        state.choices().playing = False
        state.step_to(passage.jump)


def downloads(edition: Edition, year: int) -> None:
    """The year's map to take away, as GeoJSON and CSV (one button: a step stays small)."""
    st.download_button(f"The map of {year} (GeoJSON and CSV, zipped)",
                       data=lambda: edition.snapshot_zip(year), file_name=f"atlas-{year}.zip",
                       mime="application/zip", icon=":material/download:",
                       on_click="ignore", key="download-year")  # fmt: skip
