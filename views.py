"""The app's three views: the atlas (one year), two years compared, control over time.

Each view is a Streamlit fragment, so a slider step reruns only the view, not the page. The
views only arrange what mapcore computes; text from the data reaches the page escaped (as
HTML entities here, or through textContent in the browser modules).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import time
from dataclasses import dataclass
from html import escape

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

import appkit
import mapcore
from mapcore import layers, mapdata, story
from mapcore.palette import COLOURS
from mapcore.stats import CONTESTED, POWERS

FIRST, LAST = mapcore.ATLAS_START.year, dt.date.today().year
MAP_HEIGHT = 660
SPEEDS = {"Slow: 2 s a year": 2.0, "Normal: 1 s a year": 1.0, "Fast: 0.4 s a year": 0.4}
STATE = st.session_state
LOG = logging.getLogger("atlas")


@dataclass(frozen=True)
class Settings:
    """What the teacher chose in the settings and the link."""

    lang: str = "en"
    tiles: dict | None = None
    present: bool = False


def link_param(name: str, value: str | None) -> None:
    """Keep a setting in the page's address (None: leave it out), so a link reopens it."""
    if value is not None:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


# -- moving the year ------------------------------------------------------------------------


def guarded(callback):
    """A widget callback that never shows a traceback to the class: it logs and leaves a note."""

    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            callback(*args, **kwargs)
        except Exception:
            LOG.exception("callback %s failed", callback.__name__)
            STATE.notes = [*STATE.get("notes", []), "That did not work; the map is as it was."]

    return run


@guarded
def step_to(year: int, key: str = "year") -> None:
    STATE[key] = min(max(year, FIRST), LAST)


@guarded
def previous_change(atlas: mapcore.Atlas) -> None:
    earlier = [y for y in atlas.change_years() if y < STATE.year]
    step_to(earlier[-1] if earlier else FIRST)


@guarded
def next_change(atlas: mapcore.Atlas) -> None:
    later = [y for y in atlas.change_years() if y > STATE.year]
    step_to(later[0] if later else LAST)


@guarded
def toggle_play() -> None:
    STATE.playing = not STATE.playing
    if STATE.playing and STATE.year >= LAST:
        STATE.year = FIRST


@guarded
def passage_clicked(atlas: mapcore.Atlas) -> None:
    chosen = STATE["essay"].clicked if "essay" in STATE else None
    passage = next((p for p in atlas.passages(None) if p.id == chosen), None)
    if passage is not None:
        STATE.playing = False
        step_to(mapdata.jump_year(passage))


@guarded
def key_pressed() -> None:
    key = (STATE["keys"].key or "") if "keys" in STATE else ""  # STATE.keys is dict.keys
    if key.startswith("ArrowLeft"):
        step_to(STATE.year - 1)
    elif key.startswith("ArrowRight"):
        step_to(STATE.year + 1)


def tick() -> None:
    """While playing, move on one year per interval (before the slider exists in this run)."""
    if STATE.playing != STATE.get("timer_on", False):
        STATE.timer_on = STATE.playing
        st.rerun(scope="app")  # start or stop the fragment's timer
    interval = SPEEDS[STATE.speed]
    if STATE.playing and time.monotonic() - STATE.get("tick", 0.0) >= 0.75 * interval:
        STATE.tick = time.monotonic()
        if STATE.year >= LAST:
            STATE.playing = False
        else:
            STATE.year += 1


# -- the atlas view --------------------------------------------------------------------------


def atlas_view(edition: appkit.Edition, settings: Settings) -> None:
    """The slider, the map, the year's notes and the essay: all a step reruns."""
    atlas = edition.atlas
    tick()
    widths = [1.3, 1.1, 1.3, 9] if not settings.present else [1.1, 12]
    controls = st.columns(widths, vertical_alignment="bottom")
    if not settings.present:
        controls[0].button("Previous change", icon=":material/skip_previous:", width="stretch",
                           on_click=previous_change, args=(atlas,),
                           help="Jump back to the last year in which control changed")  # fmt: skip
    controls[-3 if not settings.present else 0].button(
        "Pause" if STATE.playing else "Play",
        icon=":material/pause:" if STATE.playing else ":material/play_arrow:",
        on_click=toggle_play, width="stretch", help="Advance year by year (speed: Settings)",
    )  # fmt: skip
    if not settings.present:
        controls[2].button("Next change", icon=":material/skip_next:", width="stretch",
                           on_click=next_change, args=(atlas,),
                           help="Jump to the next year in which control changes")  # fmt: skip
    with controls[-1]:
        year = st.slider("Year", FIRST, LAST, key="year", on_change=STATE.update,
                         kwargs={"playing": False})  # fmt: skip
    st.query_params["year"] = str(year)

    height = MAP_HEIGHT + (90 if settings.present else 0)
    left, right = st.columns([3, 2], gap="medium")
    state = {**edition.state(year), "tiles": settings.tiles, "lang": settings.lang}
    passages = atlas.passages(year)
    with left:
        st_folium(layers.base_map(edition.map_assets), feature_group_to_add=layers.YearLayer(state),
                  returned_objects=[], height=height, use_container_width=True,
                  key="atlas-map")  # fmt: skip
        if not settings.present:
            appkit.module_component("atlas_year_notes", edition.notes_module)(
                data={"url": edition.notes_url, "style": edition.notes_style, "year": year},
                key="notes",
            )
            downloads(edition, year)
    with right:
        appkit.module_component("atlas_essay", edition.essay_module)(
            data={
                "url": edition.essay_url,
                "style": edition.essay_style,
                "year": year,
                "active": [p.id for p in passages],
                "primary": [p.id for p in passages if not mapdata.general(p)],
                "focus": mapdata.focus(passages),
                "height": height + 40,
                "present": settings.present,
            },
            key="essay",
            on_clicked_change=functools.partial(passage_clicked, atlas),
        )
    appkit.module_component("atlas_keys", edition.keys_module)(
        key="keys", on_key_change=key_pressed
    )


def downloads(edition: appkit.Edition, year: int) -> None:
    """The year's map to take away, as GeoJSON and CSV (one button: a step stays small)."""
    st.download_button(f"The map of {year} (GeoJSON and CSV, zipped)",
                       data=lambda: edition.snapshot_zip(year), file_name=f"atlas-{year}.zip",
                       mime="application/zip", icon=":material/download:",
                       on_click="ignore")  # fmt: skip


# -- compare two years -------------------------------------------------------------------------


def compare_view(edition: appkit.Edition, settings: Settings) -> None:
    """Two maps side by side, each with its own year; they pan and zoom together."""
    atlas = edition.atlas
    columns = st.columns(2, gap="medium")
    years = []
    for column, key in zip(columns, ("year_a", "year_b"), strict=True):
        with column:
            year = st.slider("Year", FIRST, LAST, key=key)
            state = {**edition.state(year), "tiles": settings.tiles, "lang": settings.lang}
            st_folium(layers.base_map(edition.map_assets, slider_key=key, sync="compare"),
                      feature_group_to_add=layers.YearLayer(state), returned_objects=[],
                      height=MAP_HEIGHT - 80, use_container_width=True,
                      key=f"compare-{key}")  # fmt: skip
            years.append(year)
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
    year = st.slider("Year", FIRST, LAST, key="year")
    st.query_params["year"] = str(year)
    areas = edition.areas()
    labels = [POWERS[p] for p in POWERS if p in set(areas.power)]
    colours = [COLOURS.get(p, "#bdbdbd") if p != CONTESTED else "#9e9e9e"
               for p in POWERS if p in set(areas.power)]  # fmt: skip
    stack = (
        alt.Chart(areas)
        .mark_area()
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"),
                    scale=alt.Scale(domain=[FIRST, LAST], nice=False)),
            y=alt.Y("km2:Q", stack="zero", title="Area held within the atlas (km²)"),
            color=alt.Color("label:N", title="Held by", sort=labels,
                            scale=alt.Scale(domain=labels, range=colours)),
            order=alt.Order("rank:Q"),
            tooltip=[alt.Tooltip("year:Q", title="Year"), alt.Tooltip("label:N", title="Held by"),
                     alt.Tooltip("km2:Q", title="km²", format=",.0f")],
        )
    )  # fmt: skip
    marker = alt.Chart(pd.DataFrame({"year": [year]})).mark_rule(color="#111", strokeWidth=2)
    st.altair_chart((stack + marker.encode(x="year:Q")).properties(height=MAP_HEIGHT - 120),
                    width="stretch")  # fmt: skip
    held = areas[areas.year == year].sort_values("km2", ascending=False)
    st.caption(
        f"{year}: "
        + "; ".join(f"{row.label} {row.km2:,.0f} km²" for row in held.itertuples())
        + ". Land held jointly is shared equally; areas in an equal-area projection."
    )


PRESENTER_CSS = """
<style>
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
  [data-testid="stExpandSidebarButton"], [data-testid="stDecoration"] { display: none !important; }
  .block-container { padding-top: 0.6rem !important; padding-bottom: 0 !important; }
  [data-testid="stSlider"] label p { font-size: 1.5rem !important; font-weight: 700; }
  [data-testid="stSliderThumbValue"] p { font-size: 1.3rem !important; }
</style>
"""
