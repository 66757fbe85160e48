"""Control over time: who held how much of the atlas's land, year by year, stacked; the
slider's year marked. Labels and colours come from the vocabulary, so every power the data may
use has them."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from mapcore.stats import LABELS
from mapcore.vocab import CONTESTED, CONTESTED_COLOUR, POWERS

from .. import state
from ..edition import Edition
from .common import MAP_HEIGHT, Settings, follow_app_level, page_bridge


def chart_colour(power: str) -> str:
    return CONTESTED_COLOUR if power == CONTESTED else POWERS[power].colour


def chart_view(edition: Edition, settings: Settings) -> None:
    follow_app_level(settings)
    year = st.slider("Year", state.FIRST, state.LAST, **state.bound("year"))
    state.write_link()
    areas = edition.areas()
    present = set(areas.power)
    shown = [p for p in LABELS if p in present]
    labels = [LABELS[p] for p in shown]
    colours = [chart_colour(p) for p in shown]
    axis: dict[str, Any] = {"labelFontSize": 15, "titleFontSize": 16, "labelColor": "#111",
                            "titleColor": "#111", "titleLimit": 0}  # fmt: skip
    stack = (
        alt.Chart(areas)
        .transform_calculate(million="datum.km2 / 1000000")
        .mark_area()
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", **axis),
                    scale=alt.Scale(domain=[state.FIRST, state.LAST], nice=False)),
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
