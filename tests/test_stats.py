"""Control over time: the chart's figures are the snapshot's areas, shared as they should be."""

from __future__ import annotations

import pytest

from mapcore import stats
from mapcore.vocab import EQUAL_AREA_CRS

EQUAL_AREA = EQUAL_AREA_CRS  # the vocabulary's, as the chart measures


@pytest.fixture(scope="module")
def areas(atlas):
    return stats.area_by_power(atlas)


def held(snapshot) -> dict[str, float]:
    """km² per power from a snapshot, computed here independently of mapcore.stats."""
    km2 = snapshot.to_crs(EQUAL_AREA).area / 1e6
    out: dict[str, float] = {}
    for row, area in zip(snapshot.itertuples(), km2, strict=True):
        holders = ["contested"] if row.status == "contested" else row.controller.split("+")
        for power in holders:
            out[power] = out.get(power, 0.0) + area / len(holders)
    return out


@pytest.mark.parametrize("year", [1850, 1860, 1905, 1933, 1940, 1945, 1951, 2020])
def test_the_charts_figures_match_the_snapshot(atlas, areas, year):
    expected = held(atlas.snapshot(year))
    got = areas[areas.year == year].set_index("power").km2.to_dict()
    assert set(got) == set(expected)
    for power, km2 in expected.items():
        assert got[power] == pytest.approx(km2, rel=1e-9), power


def test_every_year_adds_up_to_the_same_land(areas):
    totals = areas.groupby("year").km2.sum()
    assert len(totals) == totals.index.max() - 1850 + 1
    assert totals.max() - totals.min() < 0.01 * totals.mean() / 100


def test_japan_held_most_in_1940_and_none_of_it_in_1950(areas):
    year_1940 = areas[areas.year == 1940].set_index("power").km2
    assert year_1940.idxmax() == "japan"
    assert "japan" not in set(areas[areas.year == 1950].power)


def test_joint_land_is_shared_equally(atlas, areas):
    """1860: Sakhalin is held jointly, so Japan is credited half of it plus its own islands."""
    snap = atlas.snapshot(1860).to_crs(EQUAL_AREA)
    km2 = snap.area / 1e6
    joint = km2[snap.controller == "japan+russia"].sum()
    alone = km2[snap.controller == "japan"].sum()
    y1860 = areas[areas.year == 1860].set_index("power").km2
    assert joint > 70_000
    assert y1860["japan"] == pytest.approx(alone + joint / 2)
