"""Areas in an equal-area projection: the geodata is real geography, not a sketch.

Reference figures are the usual published areas. Natural Earth's 1:10m coastline is generalised:
it inflates small islands a little (Kunashir +5%) and, on Sakhalin, fills the north-eastern
lagoons while trimming the southern peninsulas (the island +4%, its south -6.4%), so islands get
a wider tolerance than the mainland.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mapcore.vocab import EQUAL_AREA_CRS

EQUAL_AREA = EQUAL_AREA_CRS  # the vocabulary's, as the chart measures


def km2(atlas, territories, when):
    snap = atlas.snapshot(when)
    rows = snap[snap.territory.isin(territories)]
    assert set(rows.territory) == set(territories)
    return rows.to_crs(EQUAL_AREA).area.sum() / 1e6


@pytest.mark.parametrize(
    ("what", "territories", "when", "expected", "tolerance"),
    [
        ("Sakhalin", ["sakhalin-south", "sakhalin-north"], 2000, 72_492, 0.06),
        ("South Sakhalin (Karafuto)", ["sakhalin-south"], 1930, 36_090, 0.07),
        ("Iturup", ["iturup"], 2000, 3_174, 0.08),
        ("Kunashir", ["kunashir"], 2000, 1_490, 0.08),
        ("Kwantung Leased Territory", ["kwantung"], 1930, 3_462, 0.08),
        ("Korea", ["korea"], 1930, 220_750, 0.03),
        ("Korea, both halves", ["korea-north", "korea-south"], 2000, 220_750, 0.03),
    ],
)
def test_area(atlas, what, territories, when, expected, tolerance):
    area = km2(atlas, territories, when)
    assert abs(area - expected) <= tolerance * expected, f"{what}: {area:,.0f} km²"


def test_sakhalin_is_cut_at_exactly_50_degrees(atlas):
    snap = atlas.snapshot(1930).set_index("territory")
    assert snap.loc["sakhalin-south"].geometry.bounds[3] == pytest.approx(50.0, abs=1e-5)
    assert snap.loc["sakhalin-north"].geometry.bounds[1] == pytest.approx(50.0, abs=1e-5)


def test_korea_is_cut_at_the_38th_parallel_until_the_armistice(atlas):
    before = atlas.snapshot(dt.date(1950, 1, 1)).set_index("territory")
    assert before.loc["korea-north"].geometry.bounds[1] == pytest.approx(38.0, abs=1e-5)
    assert before.loc["korea-south"].geometry.bounds[3] == pytest.approx(38.0, abs=1e-5)
    after = atlas.snapshot(dt.date(1954, 1, 1)).set_index("territory")
    # the armistice line gave the Ongjin peninsula (south of 38°N) to the north ...
    assert after.loc["korea-north"].geometry.bounds[1] < 37.9
    # ... and the land east of Kaesong's meridian north of 38°N to the south
    assert after.loc["korea-south"].geometry.bounds[3] > 38.2


def test_manchukuo_takes_jehol_in_1933(atlas):
    from shapely.geometry import Point

    chengde = Point(117.94, 40.97)
    manchuria_1932 = atlas.period("manchuria", dt.date(1932, 6, 1)).geometry
    manchuria_1934 = atlas.period("manchuria", dt.date(1934, 6, 1)).geometry
    assert not manchuria_1932.contains(chengde)
    assert atlas.period("jehol", dt.date(1932, 6, 1)).geometry.contains(chengde)
    assert manchuria_1934.contains(chengde)


def test_territories_in_force_together_do_not_overlap(atlas):
    for year in (1850, 1900, 1910, 1934, 1946, 1950, 2020):
        snap = atlas.snapshot(year).to_crs(EQUAL_AREA)
        geoms = list(zip(snap.territory, snap.geometry, strict=True))
        for i, (a, ga) in enumerate(geoms):
            for b, gb in geoms[i + 1 :]:
                assert ga.intersection(gb).area / 1e6 < 1.0, (year, a, b)


def test_railway_zones_are_carved_out_of_manchuria(atlas):
    from shapely.geometry import Point

    harbin_station = Point(126.63, 45.76)
    assert atlas.period("manchuria", dt.date(1890, 1, 1)).geometry.contains(harbin_station)
    assert not atlas.period("manchuria", dt.date(1910, 1, 1)).geometry.contains(harbin_station)
    assert atlas.period("chinese-eastern-railway", dt.date(1910, 1, 1)).geometry.contains(
        harbin_station
    )


def test_each_kuril_group_is_its_own_real_islands(atlas):
    snap = atlas.snapshot(2000).set_index("territory")
    north = snap.loc["kurils-north"].geometry
    assert north.geom_type == "MultiPolygon" and len(north.geoms) >= 10
    assert north.bounds[3] > 50.5  # Shumshu
    assert snap.loc["habomai"].geometry.geom_type == "MultiPolygon"
    iturup, urup = snap.loc["iturup"].geometry, snap.loc["urup"].geometry
    assert iturup.bounds[2] < urup.bounds[0] + 0.5  # the Shimoda border runs between them
