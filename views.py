"""The app's three views: the atlas (one year), two years compared, control over time.

Each view is a Streamlit fragment, so a slider step reruns only the view, not the page. The
views only arrange what mapcore computes and what the teacher chose (appstate); text from the
data reaches the page escaped (as HTML entities here, or through textContent in the browser).
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from html import escape
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

import appkit
import appstate
from appstate import FIRST, LAST, SPEEDS
from mapcore import layers, mapdata, story
from mapcore.palette import COLOURS
from mapcore.stats import CONTESTED, POWERS

MAP_HEIGHT = 560  # before page.js fits the map to the window (and in AppTest)


@dataclass(frozen=True)
class Settings:
    """What the app-level run decided, handed to the view's fragment."""

    lang: str = "en"
    tiles: dict | None = None
    present: bool = False
    view: str = "atlas"


def follow_app_level(settings: Settings) -> None:
    """A key or button in the fragment changed an app-level choice: rerun the whole page."""
    c = appstate.choices()
    view = "atlas" if c.present else c.view
    if c.present != settings.present or view != settings.view:
        st.rerun(scope="app")
    appstate.say_notes()


def page_bridge(edition: appkit.Edition, sliders: list[str], present: bool, keys: bool = True
                ) -> None:  # fmt: skip
    """page.js: sliders followed in the browser, boxes fitted to the window, keys forwarded
    (`keys`: the atlas's keys step the Year; Compare has two years and leaves them alone)."""
    appkit.module_component("atlas_page", edition.page_module)(
        data={"sliders": sliders, "present": present, "keys": keys},
        key="page",
        on_key_change=functools.partial(_key, edition),
    )


def _key(edition: appkit.Edition) -> None:
    value = _triggered("page", "key")
    if value:
        appstate.key_pressed(edition.atlas, value.split(":", 1)[0])


def _triggered(key: str, name: str):
    """The value a v2 component sent with trigger `name` (None if it has not yet)."""
    return getattr(st.session_state[key], name, None) if key in st.session_state else None


# -- the atlas view --------------------------------------------------------------------------


def tick() -> None:
    """While playing, move on one year per interval (before the slider exists in this run); a
    run the teacher caused is not a tick, so Play never adds a step to a click."""
    c = appstate.choices()
    if c.playing != c.timer:
        c.timer = c.playing
        st.rerun(scope="app")  # start or stop the fragment's timer
    interval = SPEEDS.get(c.speed, 1.0)
    now = time.monotonic()
    if not appstate.timer_step():
        st.session_state["atlas:tick"] = now
        return
    if c.playing and now - st.session_state.get("atlas:tick", 0.0) >= 0.75 * interval:
        st.session_state["atlas:tick"] = now
        if c.year >= LAST:
            c.playing = False
        else:
            c.year += 1


def controls(edition: appkit.Edition, settings: Settings) -> int:
    """Previous change, Play, Next change and the Year slider in one row that never truncates;
    in presenter mode also the way out."""
    atlas = edition.atlas
    c = appstate.choices()
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small", key="controls"):
        st.button("Previous change", icon=":material/skip_previous:", key="previous",
                  on_click=appstate.previous_change, args=(atlas,),
                  help="The last year in which control changed (PageUp)")  # fmt: skip
        st.button("Pause" if c.playing else "Play", key="play",
                  icon=":material/pause:" if c.playing else ":material/play_arrow:",
                  on_click=appstate.toggle_play,
                  help="Advance year by year (speed: Settings)")  # fmt: skip
        st.button("Next change", icon=":material/skip_next:", key="next",
                  on_click=appstate.next_change, args=(atlas,),
                  help="The next year in which control changes (PageDown)")  # fmt: skip
        year = st.slider("Year", FIRST, LAST, width="stretch", label_visibility="collapsed",
                         **appstate.bound("year"))  # fmt: skip
        if settings.present:
            st.button("Exit presenter mode", icon=":material/close_fullscreen:", key="exit",
                      on_click=appstate.set_present, args=(False,), type="primary",
                      help="Back to the full page (Esc)")  # fmt: skip
    return year


def atlas_view(edition: appkit.Edition, settings: Settings) -> None:
    """The controls, the map, the year's notes and the essay: all a step reruns."""
    follow_app_level(settings)
    atlas = edition.atlas
    tick()
    year = controls(edition, settings)
    appstate.write_link()
    state = {**edition.state(year), "tiles": settings.tiles, "lang": settings.lang}
    map_column, essay_column = st.columns([3, 2], gap="medium")
    with map_column:
        with st.container(key="fit-map"):
            st_folium(layers.base_map(edition.map_assets),
                      feature_group_to_add=layers.YearLayer(state), returned_objects=[],
                      height=MAP_HEIGHT, use_container_width=True, key="atlas-map")  # fmt: skip
        if not settings.present:
            appkit.module_component("atlas_year_notes", edition.notes_module)(
                data={"url": edition.notes_url, "style": edition.notes_style, "year": year},
                key="year_notes",
            )
            downloads(edition, year)
    with essay_column, st.container(key="fit-essay"):
        appkit.module_component("atlas_essay", edition.essay_module)(
            data={
                "url": edition.essay_url,
                "style": edition.essay_style,
                "year": year,
                **mapdata.passage_selection(atlas, year),
                "present": settings.present,
            },
            key="essay",
            on_clicked_change=functools.partial(passage_clicked, edition),
        )
    page_bridge(edition, ["year"], settings.present)


@appstate.guarded
def passage_clicked(edition: appkit.Edition) -> None:
    chosen = _triggered("essay", "clicked")
    passage = next((p for p in edition.atlas.passages(None) if p.id == chosen), None)
    if passage is not None:
        appstate.choices().playing = False
        appstate.step_to(mapdata.jump_year(passage))


def downloads(edition: appkit.Edition, year: int) -> None:
    """The year's map to take away, as GeoJSON and CSV (one button: a step stays small)."""
    st.download_button(f"The map of {year} (GeoJSON and CSV, zipped)",
                       data=lambda: edition.snapshot_zip(year), file_name=f"atlas-{year}.zip",
                       mime="application/zip", icon=":material/download:",
                       on_click="ignore", key="download-year")  # fmt: skip


# -- compare two years -------------------------------------------------------------------------


def compare_view(edition: appkit.Edition, settings: Settings) -> None:
    """Two maps side by side, each with its own year; they pan and zoom together."""
    follow_app_level(settings)
    atlas = edition.atlas
    years = []
    for column, side in zip(st.columns(2, gap="medium"), ("left", "right"), strict=True):
        with column:
            year = st.slider("Year", FIRST, LAST, **appstate.bound(side))
            state = {**edition.state(year), "tiles": settings.tiles, "lang": settings.lang}
            with st.container(key=f"fit-{side}"):
                st_folium(layers.base_map(edition.map_assets, slider_key=side, sync="compare"),
                          feature_group_to_add=layers.YearLayer(state), returned_objects=[],
                          height=MAP_HEIGHT, use_container_width=True,
                          key=f"compare-{side}")  # fmt: skip
            years.append(year)
    appstate.write_link()
    page_bridge(edition, ["left", "right"], settings.present, keys=False)
    first, second = sorted(years)
    st.markdown(f"#### {first} vs {second}")
    if first == second:
        st.caption("The same year on both maps.")
        return
    differences = story.difference_lines(atlas, first, second)
    changes = story.change_lines(atlas.changes_between(first, second))
    st.html(
        "<div class='compare'>"
        + (_list(differences) if differences else f"<p>No change of control from {first} "
           f"to {second}.</p>")
        + (f"<p><b>Dated changes from {first + 1} to {second}</b></p>" + _list(
           [c.text() for c in changes]) if changes else "")
        + "</div>"
    )  # fmt: skip


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


# -- control over time -----------------------------------------------------------------------


def chart_view(edition: appkit.Edition, settings: Settings) -> None:
    """Who held how much of the atlas's land, year by year, stacked; the year marked."""
    follow_app_level(settings)
    year = st.slider("Year", FIRST, LAST, **appstate.bound("year"))
    appstate.write_link()
    areas = edition.areas()
    present = set(areas.power)
    labels = [POWERS[p] for p in POWERS if p in present]
    colours = [COLOURS.get(p, "#bdbdbd") if p != CONTESTED else "#9e9e9e"
               for p in POWERS if p in present]  # fmt: skip
    axis: dict[str, Any] = {"labelFontSize": 15, "titleFontSize": 16, "labelColor": "#111",
                            "titleColor": "#111", "titleLimit": 0}  # fmt: skip
    stack = (
        alt.Chart(areas)
        .transform_calculate(million="datum.km2 / 1000000")
        .mark_area()
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", **axis),
                    scale=alt.Scale(domain=[FIRST, LAST], nice=False)),
            y=alt.Y("million:Q", stack="zero", title="Area held (million km²)",
                    axis=alt.Axis(format=".1f", **axis)),
            color=alt.Color("label:N", title="Held by", sort=labels,
                            scale=alt.Scale(domain=labels, range=colours),
                            legend=alt.Legend(orient="bottom", columns=4, labelLimit=0,
                                              labelFontSize=15, titleFontSize=15,
                                              labelColor="#111", titleColor="#111",
                                              symbolSize=220)),
            order=alt.Order("rank:Q"),
            tooltip=[alt.Tooltip("year:Q", title="Year"), alt.Tooltip("label:N", title="Held by"),
                     alt.Tooltip("km2:Q", title="km²", format=",.0f")],
        )
    )  # fmt: skip
    marker = alt.Chart(pd.DataFrame({"year": [year]})).mark_rule(color="#111", strokeWidth=2)
    st.altair_chart((stack + marker.encode(x="year:Q")).properties(height=MAP_HEIGHT - 160),
                    width="stretch")  # fmt: skip
    held = areas[areas.year == year].sort_values("km2", ascending=False)
    st.caption(
        f"{year}: "
        + "; ".join(f"{row.label} {row.km2:,.0f} km²" for row in held.itertuples())
        + ". Land held jointly is shared equally; areas in an equal-area projection."
    )
    page_bridge(edition, ["year"], settings.present)
