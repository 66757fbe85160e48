"""The classroom app: scrub a year, the map redraws beside the passages that speak of it.

A thin Streamlit shell over mapcore: it reads the link (appstate), draws the settings and the
view switch, and shows one of three views (views.py). The geometry and the essay go to the
browser once, as static files; a slider step sends only the year's small state, and the page
redraws in the browser without waiting even for that (page.js).
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(
    page_title="Russo-Japanese relations: an atlas, 1850–today",
    layout="wide",
    initial_sidebar_state="collapsed",
)
# A cold start spends seconds importing the geography stack: say so at once, not a white page.
loading = st.empty()
if "atlas:choices" not in st.session_state:
    loading.info("Loading the atlas…", icon=":material/hourglass_top:")

import appkit  # noqa: E402 - after the loading note, on purpose
import appstate  # noqa: E402
import mapcore  # noqa: E402
import views  # noqa: E402
from mapcore import layers  # noqa: E402
from mapcore.assets import AssetError  # noqa: E402
from mapcore.links import VIEWS  # noqa: E402
from mapcore.vocab import LABEL_CHOICES  # noqa: E402

TILES = [appstate.OFFLINE, *layers.ONLINE_TILES]


def problems_panel(geodata: str, problems, drawn: bool) -> None:
    """The validator's list, one line per problem: file, feature, problem."""
    shown = "The map leaves out what they concern" if drawn else "Nothing can be drawn"
    st.warning(f"The atlas data in {geodata} has {len(problems)} problem(s). {shown} until they "
               "are fixed; each line names the file, the feature and the problem. Fix the files "
               "and reload the page.", icon=":material/report:")  # fmt: skip
    with st.expander("The problems", expanded=not drawn):
        st.code("\n".join(str(p) for p in problems), language=None)


def settings_sidebar(edition: appkit.Edition) -> None:
    """The settings (not drawn in presenter mode: no sidebar, nothing to open by mistake)."""
    with st.sidebar:
        st.header("Settings")
        st.toggle("Presenter mode: large type, map and passage only", **appstate.bound("present"))
        st.selectbox("Play speed", list(appstate.SPEEDS), **appstate.bound("speed"))
        st.selectbox("Map labels", list(LABEL_CHOICES), format_func=LABEL_CHOICES.__getitem__,
                     **appstate.bound("lang"))  # fmt: skip
        st.selectbox("Background map", TILES, **appstate.bound("tiles"))
        st.caption("Online tiles need the internet; with the network gone the atlas's own land "
                   "layer stays on the map.")  # fmt: skip
        st.subheader("Take it with you")
        st.download_button("Classroom pack (one HTML file, works offline)", data=edition.pack,
                           file_name="russo-japanese-atlas.html", mime="text/html",
                           icon=":material/download:", on_click="ignore",
                           key="download-pack")  # fmt: skip
        st.caption("The year's map as GeoJSON or CSV: under the map.")
        st.caption(f"Data: {mapcore.default_geodata()}")


GEODATA = str(mapcore.default_geodata())
try:
    edition = appkit.edition_for(GEODATA)
except mapcore.AtlasError as err:
    loading.empty()
    problems_panel(GEODATA, err.problems, drawn=False)
    st.stop()
except AssetError as err:
    loading.empty()
    st.error(f"A file the map needs is missing. {err}", icon=":material/error:")
    st.stop()
loading.empty()
if edition.problems:
    problems_panel(GEODATA, edition.problems, drawn=not edition.note)
if edition.note:
    st.info(edition.note, icon=":material/info:")

choices = appstate.choices()
appstate.say_notes()

if choices.present:
    st.html(f"<style>{appkit.PRESENTER_CSS}</style>")  # our own CSS, no data in it
    view = "atlas"
else:
    settings_sidebar(edition)
    st.segmented_control("View", list(VIEWS), format_func=VIEWS.__getitem__, required=True,
                         label_visibility="collapsed", **appstate.bound("view"))  # fmt: skip
    view = choices.view
settings = views.Settings(lang=choices.lang, tiles=layers.tiles_option(choices.tiles),
                          present=choices.present, view=view)  # fmt: skip

if view == "compare":
    st.fragment(views.compare_view)(edition, settings)
elif view == "chart":
    st.fragment(views.chart_view)(edition, settings)
else:
    run_every = appstate.SPEEDS.get(choices.speed, 1.0) if choices.playing else None
    st.fragment(views.atlas_view, run_every=run_every)(edition, settings)
