"""The atlas view: the controls, the map, the year's notes and the essay, all a step reruns."""

from __future__ import annotations

import functools
import time

import streamlit as st
from streamlit_folium import st_folium

from mapcore.web import elements
from mapcore.web.stops import quiz_wire

from .. import classroom, components, state
from ..edition import Edition
from ..state import LAST, SPEEDS
from .common import MAP_HEIGHT, Settings, follow_app_level, page_bridge, step
from .lesson import lesson_bar, lesson_stop
from .maker import maker_panel
from .teaching import quiz_controls

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
    in presenter mode also the way out. A follower sees them, greyed: the teacher moves them."""
    atlas = edition.atlas
    c = state.choices()
    off = settings.following
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small", key="controls"):
        st.button("Previous change", icon=":material/skip_previous:", key="previous",
                  on_click=state.previous_change, args=(atlas,), disabled=off,
                  help="The last year in which control changed (PageUp; [ : the last day "
                       "of a change)")  # fmt: skip
        st.button("Pause" if c.playing else "Play", key="play",
                  icon=":material/pause:" if c.playing else ":material/play_arrow:",
                  on_click=state.toggle_play, disabled=off,
                  help="Advance year by year, or day of change by day once a day is chosen "
                       "(speed: Settings)")  # fmt: skip
        st.button("Next change", icon=":material/skip_next:", key="next",
                  on_click=state.next_change, args=(atlas,), disabled=off,
                  help="The next year in which control changes (PageDown; ] : the next day "
                       "of a change)")  # fmt: skip
        year = st.slider("Year", state.FIRST, LAST, width="stretch", disabled=off,
                         label_visibility="collapsed", **state.bound("year"))  # fmt: skip
        if settings.present and not off:
            st.button("Exit presenter mode", icon=":material/close_fullscreen:", key="exit",
                      on_click=state.set_present, args=(False,), type="primary",
                      help="Back to the full page (Esc)")  # fmt: skip
    return year


def atlas_view(edition: Edition, settings: Settings) -> None:
    """The controls, the map, the year's notes and the essay: all a step reruns. The Lesson
    view is this view with the stops' bar over it and the stop's caption beside the map; the
    pages that follow a class show no controls: the teacher moves them (follow.js hands them
    each moment in the browser), and the projector only the map, caption and passage."""
    follow_app_level(settings)
    tick(edition)
    classroom.drop_stale_quiz()  # Play may have moved on
    c = state.choices()
    in_lesson = settings.view == "lesson"
    following = settings.following
    stop = (classroom.followed_stop(edition) if following
            else lesson_stop(edition) if in_lesson else None)  # fmt: skip
    if in_lesson and not following:
        lesson_bar(edition, settings)
    year = c.year if following else controls(edition, settings)
    day = c.day if c.year == year else None
    state.write_link()
    classroom.publish()
    if not (settings.present and following):  # not on the projector; a follower's shows
        # the teacher's day and cannot choose one
        with st.container(height=DAYS_HEIGHT, border=False, key="days-row"):  # held before
            components.days_panel(edition, year, day, readonly=following)  # it draws
    shared = {"stop": dict(stop) if stop else None, "quiz": quiz_shown(c)}
    map_column, essay_column = st.columns([3, 2], gap="medium")
    with map_column:
        with st.container(key="fit-map"):
            st_folium(elements.base_map(edition.map_assets, cards=True),
                      feature_group_to_add=elements.YearLayer(step(year, day, settings)),
                      returned_objects=[], height=MAP_HEIGHT, use_container_width=True,
                      key="atlas-map")  # fmt: skip
        if not settings.present:
            with st.container(horizontal=True, key="under-map"):
                if not in_lesson:
                    quiz_controls(edition, settings)
                downloads(edition, year)
            if not settings.following:
                maker_panel(edition)
            components.notes_panel(edition, year, day)
    with essay_column:
        if in_lesson or shared["quiz"] or following:  # a follower's: the teacher may begin one
            components.lesson_panel(edition, shared["stop"], shared["quiz"],
                                    console=bool(c.teach) and not settings.following,
                                    class_code=c.teach, since=c.since)  # fmt: skip
        with st.container(key="fit-essay"):
            components.essay_panel(
                edition,
                year,
                day,
                settings.present,
                on_click=functools.partial(passage_clicked, edition),
            )
    page_bridge(edition, [] if following else ["year"], settings.present,
                keys=not settings.following, day=day, shared=shared, lesson=in_lesson,
                year=year)  # fmt: skip


def quiz_shown(c: state.Choices) -> dict | None:
    return dict(quiz_wire(c.quiz.question, c.quiz.revealed)) if c.quiz else None


@state.guarded
def passage_clicked(edition: Edition) -> None:
    if state.choices().following:
        return  # read-only: the teacher moves the map
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
