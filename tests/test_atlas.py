"""The public API: snapshots, a year's reference day, changes, and the dates it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

import mapcore
from mapcore import reference_day
from mapcore.story import change_lines
from mapcore.vocab import EQUAL_AREA_CRS


def test_snapshot_is_one_row_per_territory_in_wgs84(atlas):
    snap = atlas.snapshot(dt.date(1940, 6, 1))
    assert snap.crs.to_epsg() == 4326
    for column in (
        "territory",
        "name",
        "controller",
        "status",
        "start",
        "end",
        "instrument",
        "source",
        "geometry",
    ):
        assert column in snap.columns
    assert snap.territory.is_unique
    gone_or_not_yet = {"korea-north", "korea-south", "jehol", "liaodong"}
    assert set(snap.territory) == set(atlas.territories) - gone_or_not_yet
    assert not snap.geometry.is_empty.any() and snap.geometry.is_valid.all()
    for row in snap.itertuples():
        assert row.start <= dt.date(1940, 6, 1) and (
            row.end is None or dt.date(1940, 6, 1) < row.end
        )


def test_snapshot_is_a_copy_the_caller_may_change(atlas):
    snap = atlas.snapshot(1905)
    snap.loc[:, "controller"] = "nobody"
    assert "nobody" not in set(atlas.snapshot(1905).controller)


def test_a_year_means_its_31_december(atlas):
    assert reference_day(1905) == dt.date(1905, 12, 31)
    by_year = atlas.snapshot(1905).set_index("territory").controller
    by_day = atlas.snapshot(dt.date(1905, 12, 31)).set_index("territory").controller
    assert by_year.equals(by_day)
    assert atlas.controller("sakhalin-south", 1905) == "japan"
    assert atlas.controller("kurils-north", 1945) == "russia"


def test_every_year_covers_the_same_land_with_no_hole(atlas):
    """Carving out railways, absorbing Jehol, dividing Korea: the map never opens a hole."""
    laea = EQUAL_AREA_CRS
    first = atlas.snapshot(1850).to_crs(laea).area.sum()
    assert len(atlas.snapshot(1850)) == 15  # no railway zones yet; Korea whole
    for year in range(1850, dt.date.today().year + 1):
        snap = atlas.snapshot(year)
        assert snap.controller.notna().all() and snap.status.notna().all()
        assert abs(snap.to_crs(laea).area.sum() - first) / first < 1e-4, year


@pytest.mark.parametrize("when", [1849, dt.date.today().year + 1, dt.date(1849, 12, 31)])
def test_dates_outside_the_atlas_are_refused_plainly(atlas, when):
    with pytest.raises(ValueError, match="outside the atlas"):
        atlas.snapshot(when)


@pytest.mark.parametrize("when", ["1905", 1905.0, True, None])
def test_wrong_types_are_refused(atlas, when):
    with pytest.raises(TypeError):
        atlas.snapshot(when)


def test_changes_of_1905_are_dated_and_ordered(atlas):
    changes = atlas.changes(1905)
    days = [c.date for c in changes]
    assert days == sorted(days) and all(d.year == 1905 for d in days)
    lines = [line.text() for line in change_lines(changes)]
    assert any(
        line.startswith("15 Oct 1905, Treaty of Portsmouth") and "Karafuto" in line
        for line in lines
    )
    assert any(line.startswith("2 Jan 1905, Capitulation of Port Arthur") for line in lines)
    assert any(c.territory == "kwantung" and c.date == dt.date(1905, 12, 22) for c in changes)


def test_changes_cover_the_division_of_korea_and_new_railways(atlas):
    t1945 = {(c.territory, c.date) for c in atlas.changes(1945)}
    assert ("korea-north", dt.date(1945, 8, 10)) in t1945
    assert ("korea-south", dt.date(1945, 8, 10)) not in t1945  # still Japanese until 9 Sep
    assert ("korea-south", dt.date(1945, 9, 9)) in t1945
    t1896 = atlas.changes(1896)
    assert [(c.territory, c.before.territory) for c in t1896] == [
        ("chinese-eastern-railway", "manchuria")
    ]
    jehol = [c for c in atlas.changes(1933) if c.territory == "jehol"]
    assert [(c.date, c.after.territory, c.after.name) for c in jehol][-1] == (
        dt.date(1933, 3, 4),
        "manchuria",
        "Manchukuo",
    )


def test_a_year_without_changes_lists_none(atlas):
    assert atlas.changes(1880) == []
    assert 1880 not in atlas.change_years()
    assert {1855, 1905, 1945} - set(atlas.change_years()) == {1855}  # Shimoda took effect in 1856


def test_only_changes_of_control_are_listed(atlas):
    for year in atlas.change_years():
        for c in atlas.changes(year):
            if c.before and c.after and c.before.territory == c.after.territory:
                assert (c.before.controller, c.before.status) != (
                    c.after.controller,
                    c.after.status,
                )


def test_the_public_api_answers_from_its_exports(tmp_path):
    """What the README shows, through `mapcore`'s own exports only: load, ask, validate."""
    atlas = mapcore.load_atlas()
    assert isinstance(atlas, mapcore.Atlas)
    assert atlas.controller("iturup", dt.date(1950, 6, 1)) == "russia"
    assert all(isinstance(p, mapcore.Passage) for p in atlas.passages(1905))
    assert all(isinstance(e, mapcore.Event) for e in atlas.events(1905))
    assert all(isinstance(c, mapcore.Change) for c in atlas.changes(1905))
    assert mapcore.validate(mapcore.default_geodata()) == []
    with pytest.raises(mapcore.AtlasError, match="geodata folder not found"):
        mapcore.load_atlas(tmp_path / "nowhere")
    assert set(mapcore.__all__) <= set(dir(mapcore))
