"""The classroom app: scrub a year, the map redraws beside the passages that speak of it.

A thin Streamlit shell over mapcore: it reads the link and the settings and shows one of three
views (views.py). The geometry and the essay go to the browser once, as static files; a slider
step sends only the year's small state, and the map redraws without waiting even for that.
"""

from __future__ import annotations

import streamlit as st

import appkit
import mapcore
import views
from mapcore import layers, links
from mapcore.assets import AssetError

DEFAULT_YEAR = 1905  # the war, Portsmouth, the protectorate: the atlas's most telling year
VIEWS = {"atlas": "Atlas", "compare": "Compare two years", "chart": "Control over time"}
LANGUAGES = {"en": "English", "ja": "日本語", "ru": "Русский", "zh": "中文", "ko": "한국어",
             "off": "No labels"}  # fmt: skip
TILES = ["Off: the atlas's own land (works offline)", *layers.ONLINE_TILES]
STATE = st.session_state

st.set_page_config(
    page_title="Russo-Japanese relations: an atlas, 1850–today",
    layout="wide",
    initial_sidebar_state="collapsed",
)


def problems_panel(geodata: str, problems, drawn: bool) -> None:
    """The validator's list, one line per problem: file, feature, problem."""
    shown = "The map leaves out what they concern" if drawn else "Nothing can be drawn"
    st.warning(f"The atlas data in {geodata} has {len(problems)} problem(s). {shown} until they "
               "are fixed; each line names the file, the feature and the problem. Fix the files "
               "and reload the page.", icon=":material/report:")  # fmt: skip
    with st.expander("The problems", expanded=not drawn):
        st.code("\n".join(str(p) for p in problems), language=None)


GEODATA = str(mapcore.default_geodata())
try:
    edition = appkit.edition_for(GEODATA)
except mapcore.AtlasError as err:
    problems_panel(GEODATA, err.problems, drawn=False)
    st.stop()
except AssetError as err:
    st.error(f"A file the map needs is missing. {err}", icon=":material/error:")
    st.stop()
if edition.problems:
    problems_panel(GEODATA, edition.problems, drawn=not edition.note)
if edition.note:
    st.info(edition.note, icon=":material/info:")

# -- first load: the link decides the year, the view and presenter mode ----------------------
if "year" not in STATE:
    params = st.query_params
    link = links.parse_year(params.get_all("year"), views.FIRST, views.LAST)
    STATE.year = link.year or DEFAULT_YEAR
    STATE.year_a, STATE.year_b = 1904, 1906
    STATE.notes = [n for n in (link.note, links.unknown_params(list(params))) if n]
    STATE.playing = False
    STATE.speed = "Normal: 1 s a year"
    STATE.present = params.get("present") in ("1", "true", "yes")
    STATE.view = params.get("view") if params.get("view") in VIEWS else "atlas"

with st.sidebar:
    st.header("Settings")
    st.toggle("Presenter mode: large type, map and passage only", key="present")
    st.selectbox("Play speed", list(views.SPEEDS), key="speed")
    lang = st.selectbox("Map labels", list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
    tiles = st.selectbox("Background map", TILES, index=0)
    st.caption(
        "Online tiles need the internet; with the network gone the atlas's own land layer "
        "stays on the map."
    )
    st.subheader("Take it with you")
    st.download_button(
        "Classroom pack (one HTML file, works offline)",
        data=edition.pack,
        file_name="russo-japanese-atlas.html",
        mime="text/html",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption("The year's map as GeoJSON or CSV: under the map.")
    st.caption(f"Data: {mapcore.default_geodata()}")

settings = views.Settings(lang=lang, tiles=layers.tiles_option(tiles), present=STATE.present)
view = (STATE.view or "atlas") if not settings.present else "atlas"
views.link_param("present", "1" if settings.present else None)
views.link_param("view", view if view != "atlas" else None)
if settings.present:
    st.markdown(views.PRESENTER_CSS, unsafe_allow_html=True)  # our own CSS, no data in it
else:
    st.segmented_control("View", list(VIEWS), format_func=VIEWS.get, key="view",
                         label_visibility="collapsed")  # fmt: skip
    for note in STATE.notes:
        st.info(note, icon=":material/link:")

if view == "compare":
    st.fragment(views.compare_view)(edition, settings)
elif view == "chart":
    st.fragment(views.chart_view)(edition, settings)
else:
    run_every = views.SPEEDS[STATE.speed] if STATE.playing else None
    st.fragment(views.atlas_view, run_every=run_every)(edition, settings)
