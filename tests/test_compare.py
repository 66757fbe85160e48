"""Comparing two years: what differs, and the dated changes in between."""

from __future__ import annotations

import datetime as dt

from mapcore.story import difference_lines


def test_1904_vs_1906_lists_what_the_war_changed(atlas):
    differ = {d.territory: d for d in atlas.compare(1904, 1906)}
    assert set(differ) == {"sakhalin-south", "kwantung", "south-manchuria-railway", "manchuria",
                           "korea"}  # fmt: skip
    south = differ["sakhalin-south"]
    assert (south.before.controller, south.after.controller) == ("russia", "japan")
    assert "sakhalin-north" not in differ  # Russian in both years
    lines = difference_lines(atlas, 1904, 1906)
    assert "Sakhalin south of 50°N: Russian Empire → Empire of Japan (Karafuto)" in lines


def test_the_order_of_the_years_does_not_matter_for_the_changes_between(atlas):
    forward = atlas.changes_between(1904, 1906)
    assert forward == atlas.changes_between(1906, 1904)
    assert all(dt.date(1905, 1, 1) <= c.date <= dt.date(1906, 12, 31) for c in forward)
    assert any(c.date == dt.date(1905, 10, 15) and c.territory == "sakhalin-south" for c in forward)


def test_a_territory_that_did_not_exist_in_one_year_is_listed(atlas):
    differ = {d.territory: d for d in atlas.compare(1940, 1950)}
    assert differ["korea"].after is None and differ["korea-north"].before is None
    assert differ["korea-north"].after.controller == "north-korea+south-korea"  # war in 1950


def test_the_same_year_twice_differs_in_nothing(atlas):
    assert atlas.compare(1930, 1930) == []
