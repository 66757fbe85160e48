"""The classroom app: a thin Streamlit shell over mapcore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

import mapcore
from mapcore.assets import AssetError, ensure_leaflet
from mapcore.palette import COLOURS, LAND, OUTLINE, SEA, colours

st.set_page_config(page_title="Russo-Japanese relations: an atlas", layout="wide")


@st.cache_resource
def atlas() -> mapcore.Atlas:
    return mapcore.load_atlas()


@st.cache_resource
def assets():
    return ensure_leaflet(Path(__file__).parent / "static")


try:
    a, leaflet = atlas(), assets()
except mapcore.AtlasError as err:
    st.error("The atlas data has problems; fix them and reload:")
    st.code("\n".join(str(p) for p in err.problems))
    st.stop()
except AssetError as err:
    st.error(str(err))
    st.stop()

year = st.slider("Year", 1850, dt.date.today().year, 1905)
snap = a.snapshot(year)
m = folium.Map(location=[45, 130], zoom_start=4, tiles=None, control_scale=True)
m.default_js, m.default_css = list(leaflet.js), list(leaflet.css)
m.get_root().header.add_child(
    folium.Element(f"<style>.leaflet-container{{background:{SEA}}}</style>")
)
land = [f for f in a.context if f["kind"] in ("land", "home")]
for f in land:
    fill = COLOURS.get(f.get("controller") or "", LAND) if f["kind"] == "home" else LAND
    folium.GeoJson(
        f["geometry"].__geo_interface__,
        style_function=lambda _, c=fill: {
            "fillColor": c,
            "fillOpacity": 0.35 if c != LAND else 1,
            "color": "#999",
            "weight": 0.5,
        },
    ).add_to(m)
for row in snap.itertuples():
    fill = colours(row.controller)[0]
    tip = f"{row.name}<br>{row.controller_name}, {row.status}<br>since {row.start}"
    folium.GeoJson(
        row.geometry.__geo_interface__,
        tooltip=tip,
        style_function=lambda _, c=fill: {
            "fillColor": c,
            "fillOpacity": 0.75,
            "color": OUTLINE,
            "weight": 1,
        },
    ).add_to(m)

left, right = st.columns([3, 2])
with left:
    st_folium(m, height=640, use_container_width=True, returned_objects=[])
with right:
    st.subheader(f"The essay on {year}")
    for p in a.passages(year):
        st.markdown(p.text)
