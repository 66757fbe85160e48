"""The one vocabulary: every power, status and event kind the validator accepts works in every
view (the map's data, the legend, the chart, the notes), with no list kept anywhere else."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from atlasapp.views.chart import chart_colour
from mapcore import Atlas, Period, stats, story
from mapcore.vocab import (
    CONTROLLERS,
    EVENT_KINDS,
    POWERS,
    STATUSES,
    controller_name,
    controller_problem,
    name_change_dates,
)
from mapcore.web import wire


def one_territory(controller: str, status: str = "sovereign", claimant: str | None = None):
    """An atlas of one territory held by `controller` from 1850 (the real ids, a made-up shape)."""
    period = Period("korea", dt.date(1850, 1, 1), None, controller, status, "Test land",
                    "An act", "A source", box(126, 36, 128, 38), claimant=claimant,
                    names={"en": "Test land"})  # fmt: skip
    return Atlas([period], [], [])


@pytest.mark.parametrize("controller", CONTROLLERS)
def test_every_accepted_controller_works_in_every_view(controller):
    assert controller_problem(controller) is None
    atlas = one_territory(controller)
    areas = stats.area_by_power(atlas, 1850, 1851)  # the chart (Mongolia raised KeyError here)
    assert set(areas.power) == {controller} and areas.label.iloc[0] == stats.LABELS[controller]
    assert chart_colour(controller) == POWERS[controller].colour
    drawn = wire.Table()  # the map and its legend
    state = wire.year_state(atlas, 1900, drawn)
    assert drawn.rows[state["territories"][0]]["colours"] == [POWERS[controller].colour]
    assert [p["colour"] for p in state["powers"]] == [POWERS[controller].colour]
    assert wire.static_data(atlas)["vocab"]["powers"][controller]["colour"].startswith("#")


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_has_a_label_a_pattern_and_a_chart_place(status):
    claimant = "japan" if status == "disputed" else None
    atlas = one_territory("russia", status, claimant)
    shipped = wire.vocab_data()["statuses"][status]
    assert shipped["label"] and shipped["pattern"]["kind"] in ("plain", "stripes", "dots")
    assert wire.year_state(atlas, 1900)["statuses"] == [status]
    assert not stats.area_by_power(atlas, 1850, 1850).empty


def test_every_event_kind_has_a_label_and_a_marker():
    for kind in EVENT_KINDS.values():
        assert kind.label and kind.icon.startswith("<")
    assert wire.year_notes(one_territory("japan"))["kinds"] == {
        k: v.label for k, v in EVENT_KINDS.items()
    }


def test_a_powers_name_follows_the_date():
    assert controller_name("russia", dt.date(1900, 1, 1)) == "Russian Empire"
    assert controller_name("russia", dt.date(1950, 1, 1)) == "Soviet Union"
    assert (
        controller_name("japan+russia", dt.date(1860, 1, 1)) == "Tokugawa Japan and Russian Empire"
    )
    assert controller_name("japan+russia", dt.date(1904, 6, 1), "contested") == (
        "Empire of Japan vs Russian Empire"
    )
    assert dt.date(1922, 12, 30) in name_change_dates()


@pytest.mark.parametrize(
    ("controller", "why"),
    [("atlantis", "unknown controller"), ("japan+japan", "repeats"),
     ("russia+japan", "alphabetically")],
)  # fmt: skip
def test_bad_controller_ids_say_why(controller, why):
    assert why in controller_problem(controller)


def test_the_colours_are_distinct_and_story_names_them():
    colours = [p.colour for p in POWERS.values()]
    assert len(set(colours)) == len(colours)
    atlas = one_territory("mongolia")
    assert story.difference_lines(atlas, 1850, 1900) == []


@settings(max_examples=40, deadline=None)
@given(
    holders=st.lists(st.sampled_from(CONTROLLERS), min_size=1, max_size=3, unique=True),
    status=st.sampled_from(list(STATUSES)),
    claimant=st.sampled_from(CONTROLLERS),
)
def test_any_controller_the_validator_accepts_draws_and_charts(holders, status, claimant):
    """Joint holders, any status, any claimant: whatever the validator lets through, the map's
    data, the legend, the chart and the notes take it."""
    controller = "+".join(sorted(holders))
    assert controller_problem(controller) is None
    atlas = one_territory(controller, status, claimant if status == "disputed" else None)
    drawn = wire.Table()
    state = wire.year_state(atlas, 1900, drawn)
    assert drawn.rows[state["territories"][0]]["colours"] == [
        POWERS[h].colour for h in sorted(holders)
    ]
    areas = stats.area_by_power(atlas, 1850, 1850)
    expected = {"contested"} if status == "contested" else set(holders)
    assert set(areas.power) == expected
    assert abs(areas.km2.sum() - stats.period_areas(atlas)[0]) < 1e-6  # shared, not lost
    assert all(chart_colour(p).startswith("#") for p in areas.power)
    assert story.change_lines(atlas.changes(1850)) == []
