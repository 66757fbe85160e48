"""Control over time in numbers: the area each power held within the atlas, year by year.

Areas are measured once per distinct geometry in an equal-area projection centred on the
atlas. Land held jointly is shared equally between the holders; a war front (`contested`)
is counted apart, since nobody held it.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from .atlas import Atlas
from .timeline import resolve
from .vocab import (
    ATLAS_START,
    CONTESTED,
    CONTESTED_LABEL,
    EQUAL_AREA_CRS,
    POWERS,
    split_controller,
)

# The chart's powers, in stacking order (Japan at the bottom), and a war front apart.
LABELS = {**{p.id: p.label for p in POWERS.values()}, CONTESTED: CONTESTED_LABEL}
RANK = {power: i for i, power in enumerate(LABELS)}


def period_areas(atlas: Atlas) -> list[float]:
    """The area of each of `atlas.periods` in km², each distinct shape measured once."""
    distinct: dict[str, int] = {}
    geoms: list[BaseGeometry] = []
    keys: list[int] = []
    for p in atlas.periods:
        if p.shape not in distinct:
            distinct[p.shape] = len(geoms)
            geoms.append(p.geometry)
        keys.append(distinct[p.shape])
    km2 = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6
    return [float(km2[k]) for k in keys]


def area_by_power(atlas: Atlas, first: int | None = None, last: int | None = None) -> pd.DataFrame:
    """Columns year, power (id), label, rank, km2: one row per power holding land that year."""
    first = first or ATLAS_START.year
    last = last or dt.date.today().year
    area = dict(zip((id(p) for p in atlas.periods), period_areas(atlas), strict=True))
    rows = []
    for year in range(first, last + 1):
        held: dict[str, float] = {}
        for p in atlas.timeline.state(resolve(year)):
            holders = [CONTESTED] if p.status == CONTESTED else split_controller(p.controller)
            for power in holders:
                held[power] = held.get(power, 0.0) + area[id(p)] / len(holders)
        rows += [(year, power, LABELS[power], RANK[power], km2) for power, km2 in held.items()]
    frame = pd.DataFrame(rows, columns=["year", "power", "label", "rank", "km2"])
    return frame.sort_values(["year", "rank"], ignore_index=True)
