"""The classroom app: scrub a year, the map redraws beside the passages that speak of it.

A thin Streamlit shell over mapcore: it reads the link and the widgets, asks mapcore for the
year's state, and hands it to the map and the essay panel. The geometry and the essay's text go
to the browser once, as static files; a slider step sends only the year's small state.
"""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st
from streamlit_folium import st_folium

import appkit
import mapcore
from mapcore import layers, links, mapdata
from mapcore.assets import AssetError

FIRST, LAST = mapcore.ATLAS_START.year, dt.date.today().year
DEFAULT_YEAR = 1905  # the war, Portsmouth, the protectorate: the atlas's most telling year
MAP_HEIGHT = 660
SPEEDS = {"Slow: 2 s a year": 2.0, "Normal: 1 s a year": 1.0, "Fast: 0.4 s a year": 0.4}
TILES = ["Off: the atlas's own land (works offline)", *layers.ONLINE_TILES]

st.set_page_config(
    page_title="Russo-Japanese relations: an atlas, 1850–today",
    layout="wide",
    initial_sidebar_state="collapsed",
)


def fail(title: str, lines: list[str]) -> None:
    st.error(title)
    st.code("\n".join(lines), language=None)
    st.stop()


try:
    edition = appkit.load(str(mapcore.default_geodata()))
except mapcore.AtlasError as err:
    fail(
        f"The atlas data in {mapcore.default_geodata()} has {len(err.problems)} problem(s). "
        "Nothing is shown until they are fixed; each line names the file, the feature and "
        "the problem:",
        [str(p) for p in err.problems],
    )
except AssetError as err:
    fail("A file the map needs is missing.", [str(err)])
atlas = edition.atlas
STATE = st.session_state
essay_panel = appkit.module_component("atlas_essay", edition.essay_module)
key_listener = appkit.module_component("atlas_keys", edition.keys_module)
year_notes = appkit.module_component("atlas_year_notes", edition.notes_module)

# -- the year: from the link on first load, then from the widgets ----------------------------
if "year" not in STATE:
    link = links.parse_year(st.query_params.get_all("year"), FIRST, LAST)
    STATE.year = link.year or DEFAULT_YEAR
    STATE.notes = [n for n in (link.note, links.unknown_params(list(st.query_params))) if n]
    STATE.playing = False
    STATE.speed = "Normal: 1 s a year"


def step_to(year: int) -> None:
    STATE.year = min(max(year, FIRST), LAST)


def previous_change() -> None:
    earlier = [y for y in atlas.change_years() if y < STATE.year]
    step_to(earlier[-1] if earlier else FIRST)


def next_change() -> None:
    later = [y for y in atlas.change_years() if y > STATE.year]
    step_to(later[0] if later else LAST)


def toggle_play() -> None:
    STATE.playing = not STATE.playing
    if STATE.playing and STATE.year >= LAST:
        STATE.year = FIRST


def passage_clicked() -> None:
    chosen = STATE["essay"].clicked if "essay" in STATE else None
    passage = next((p for p in atlas.passages(None) if p.id == chosen), None)
    if passage is not None:
        STATE.playing = False
        step_to(mapdata.jump_year(passage))


def key_pressed() -> None:
    key = (STATE["keys"].key or "") if "keys" in STATE else ""  # STATE.keys is dict.keys
    if key.startswith("ArrowLeft"):
        step_to(STATE.year - 1)
    elif key.startswith("ArrowRight"):
        step_to(STATE.year + 1)


with st.sidebar:
    st.header("Settings")
    st.selectbox("Play speed", list(SPEEDS), key="speed")
    tiles = st.selectbox("Background map", TILES, index=0)
    st.caption(
        "Online tiles need the internet; with the network gone the atlas's own land layer "
        "stays on the map."
    )
    st.caption(f"Data: {mapcore.default_geodata()}")

for note in STATE.notes:
    st.info(note, icon="🔗")


@st.fragment(run_every=SPEEDS[STATE.speed] if STATE.playing else None)
def year_view() -> None:
    """The slider, the map, the changes and the essay: all a step reruns (one fragment).

    While playing, the fragment reruns every interval and moves on one year before the slider
    is drawn; toggling play reruns the whole app once, to start or stop that timer.
    """
    if STATE.playing != STATE.get("timer_on", False):
        STATE.timer_on = STATE.playing
        st.rerun(scope="app")
    if STATE.playing and time.monotonic() - STATE.get("tick", 0.0) >= 0.75 * SPEEDS[STATE.speed]:
        STATE.tick = time.monotonic()
        if STATE.year >= LAST:
            STATE.playing = False
        else:
            STATE.year += 1
    controls = st.columns([1.3, 1.1, 1.3, 9], vertical_alignment="bottom")
    controls[0].button(
        "Previous change",
        icon=":material/skip_previous:",
        on_click=previous_change,
        width="stretch",
        help="Jump back to the last year in which control changed",
    )
    controls[1].button(
        "Pause" if STATE.playing else "Play",
        icon=":material/pause:" if STATE.playing else ":material/play_arrow:",
        on_click=toggle_play,
        width="stretch",
        help="Advance year by year (speed: ☰ Settings)",
    )
    controls[2].button(
        "Next change",
        icon=":material/skip_next:",
        on_click=next_change,
        width="stretch",
        help="Jump to the next year in which control changes",
    )
    with controls[3]:
        year = st.slider(
            "Year", FIRST, LAST, key="year", on_change=lambda: STATE.update(playing=False)
        )
    st.query_params["year"] = str(year)

    left, right = st.columns([3, 2], gap="medium")
    state = {**edition.state(year), "tiles": layers.tiles_option(tiles)}
    with left:
        st_folium(
            layers.base_map(edition.map_assets),
            feature_group_to_add=layers.YearLayer(state),
            returned_objects=[],
            height=MAP_HEIGHT,
            use_container_width=True,
            key="atlas-map",
        )
        year_notes(
            data={"url": edition.notes_url, "style": edition.notes_style, "year": year},
            key="notes",
        )
    with right:
        passages = atlas.passages(year)
        essay_panel(
            data={
                "url": edition.essay_url,
                "style": edition.essay_style,
                "year": year,
                "active": [p.id for p in passages],
                "primary": [p.id for p in passages if not mapdata.general(p)],
                "focus": mapdata.focus(passages),
                "height": MAP_HEIGHT + 40,
            },
            key="essay",
            on_clicked_change=passage_clicked,
        )

    key_listener(key="keys", on_key_change=key_pressed)


year_view()
