"""Compare two years: two maps side by side, each with its own year; they pan and zoom
together, and under them is what changed between the two years."""

from __future__ import annotations

from html import escape

import streamlit as st
from streamlit_folium import st_folium

from mapcore import story
from mapcore.web import elements

from .. import state
from ..edition import Edition
from .common import MAP_HEIGHT, Settings, follow_app_level, page_bridge, step


def compare_view(edition: Edition, settings: Settings) -> None:
    follow_app_level(settings)
    atlas = edition.atlas
    years = []
    for column, side in zip(st.columns(2, gap="medium"), ("left", "right"), strict=True):
        with column:
            year = st.slider("Year", state.FIRST, state.LAST, **state.bound(side))
            with st.container(key=f"fit-{side}"):
                st_folium(elements.base_map(edition.map_assets, slider_key=side, sync="compare"),
                          feature_group_to_add=elements.YearLayer(step(year, None, settings)),
                          returned_objects=[], height=MAP_HEIGHT, use_container_width=True,
                          key=f"compare-{side}")  # fmt: skip
            years.append(year)
    state.write_link()
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
