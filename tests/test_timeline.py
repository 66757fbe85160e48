"""The timeline: a year's reference day, the dates it refuses, the states between change days,
and the changes of control, on a handful of made-up periods."""

from __future__ import annotations

import datetime as dt

import pytest
from shapely.geometry import box

from mapcore.model import Period
from mapcore.timeline import Timeline, reference_day, resolve
from mapcore.vocab import ATLAS_START, name_change_dates

D = dt.date
SHAPE = box(0, 0, 1, 1)


def period(territory, start, end, controller, status="sovereign", **more) -> Period:
    name, instrument = f"{territory} {start.year}", f"instrument {start.year}"
    return Period(territory, start, end, controller, status, name, instrument, "a source", SHAPE,
                  shape=territory, **more)  # fmt: skip


PERIODS = [
    period("sakhalin-south", ATLAS_START, D(1875, 8, 22), "japan+russia", "joint"),
    period("sakhalin-south", D(1875, 8, 22), D(1905, 10, 15), "russia"),
    period("sakhalin-south", D(1905, 10, 15), None, "japan"),
    period("manchuria", ATLAS_START, D(1900, 1, 1), "china"),
    period("manchuria", D(1900, 1, 1), None, "china", notes="same holder, new outline"),
    period("chinese-eastern-railway", D(1898, 3, 27), None, "russia", "concession",
           origin="manchuria"),
    period("jehol", ATLAS_START, D(1933, 3, 4), "china", successors=("manchuria",)),
    period("korea", ATLAS_START, D(1945, 8, 10), "korea", successors=("korea-north",)),
    period("korea-north", D(1945, 8, 10), None, "north-korea"),
]  # fmt: skip


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.build(list(PERIODS))


def test_a_year_stands_for_its_last_day():
    assert reference_day(1905) == D(1905, 12, 31)
    assert resolve(1905) == D(1905, 12, 31)
    assert resolve(D(1905, 6, 1)) == D(1905, 6, 1)
    assert resolve(dt.datetime(1905, 6, 1, 12, 30)) == D(1905, 6, 1)


@pytest.mark.parametrize("when", ["1905", 1905.0, True, None, [1905]])
def test_resolve_refuses_what_is_not_a_date_or_a_year(when):
    with pytest.raises(TypeError, match=r"expected a datetime\.date or a year"):
        resolve(when)


@pytest.mark.parametrize(
    "when", [1849, D(1849, 12, 31), dt.date.today().year + 1, D(dt.date.today().year + 1, 1, 1)]
)
def test_resolve_refuses_dates_outside_the_atlas(when):
    with pytest.raises(ValueError, match="is outside the atlas"):
        resolve(when)


def test_resolve_accepts_the_atlas_first_and_last_years():
    assert resolve(ATLAS_START) == ATLAS_START
    assert resolve(dt.date.today().year) == D(dt.date.today().year, 12, 31)


def test_the_states_begin_on_every_day_anything_changes(timeline):
    days = set(timeline.days)
    assert {ATLAS_START, D(1875, 8, 22), D(1898, 3, 27), D(1933, 3, 4), D(1945, 8, 10)} <= days
    assert set(name_change_dates()) <= days  # a controller's name changes the legend
    assert list(timeline.days) == sorted(days) and len(timeline.states) == len(days)


def test_state_index_is_half_open_on_each_change_day(timeline):
    i = timeline.state_index(D(1875, 8, 22))
    assert timeline.days[i] == D(1875, 8, 22)
    assert timeline.state_index(D(1875, 8, 21)) == i - 1
    assert timeline.state_index(D(1600, 1, 1)) == 0  # before the atlas: its first state
    held = {p.territory: p.controller for p in timeline.state(D(1875, 8, 22))}
    assert held["sakhalin-south"] == "russia"
    before = {p.territory: p.controller for p in timeline.state(D(1875, 8, 21))}
    assert before["sakhalin-south"] == "japan+russia"


def test_a_state_holds_each_territory_in_force_once(timeline):
    for day, state in zip(timeline.days, timeline.states, strict=True):
        territories = [p.territory for p in state]
        assert len(territories) == len(set(territories))
        assert all(p.covers(day) for p in state)
    assert "korea" not in {p.territory for p in timeline.state(D(1950, 1, 1))}
    assert "chinese-eastern-railway" not in {p.territory for p in timeline.state(D(1897, 1, 1))}


def test_changes_are_changes_of_control_carve_outs_and_successions(timeline):
    got = [(c.date, c.territory, c.before and c.before.territory, c.after.controller)
           for c in timeline.changes]  # fmt: skip
    assert got == [
        (D(1875, 8, 22), "sakhalin-south", "sakhalin-south", "russia"),
        (D(1898, 3, 27), "chinese-eastern-railway", "manchuria", "russia"),  # carved out
        (D(1905, 10, 15), "sakhalin-south", "sakhalin-south", "japan"),
        (D(1945, 8, 10), "korea-north", "korea", "north-korea"),  # born of the division
    ]  # manchuria's new outline (same holder) and jehol's absorption (same holder) are none


def test_changes_in_a_year_and_the_years_with_changes(timeline):
    assert [c.territory for c in timeline.changes_in(1905)] == ["sakhalin-south"]
    assert timeline.changes_in(1900) == []
    assert timeline.change_years() == [1875, 1898, 1905, 1945]


def test_an_absorption_by_another_holder_is_a_change_of_the_absorbed():
    manchuria = [
        period("manchuria", D(1900, 1, 1), D(1933, 3, 4), "china"),
        period("manchuria", D(1933, 3, 4), None, "japan", "puppet"),
    ]
    periods = [*PERIODS[:4], *manchuria, *PERIODS[5:7]]  # fmt: skip
    absorbed = [c for c in Timeline.build(periods).changes if c.date == D(1933, 3, 4)]
    assert [(c.territory, c.before.territory, c.after.territory) for c in absorbed] == [
        ("jehol", "jehol", "manchuria"),  # the absorbed passes to the new holder
        ("manchuria", "manchuria", "manchuria"),  # and so does the one that absorbs it
    ]


def test_a_carve_out_whose_origin_has_no_periods_is_still_a_change():
    """A broken edition may lose every period of the origin: the carve-out keeps its day."""
    timeline = Timeline.build([PERIODS[5]])
    assert [(c.territory, c.before, c.after.territory) for c in timeline.changes] == [
        ("chinese-eastern-railway", None, "chinese-eastern-railway")
    ]


def test_the_days_of_change_step_across_years(atlas):
    """`[` and `]`: from 20 August 1945 the next dated change is 22 August, the last 19 August;
    from a bare year (its 31 December) they go to the next year's first and its own last."""
    assert atlas.next_change_day(dt.date(1945, 8, 20)) == dt.date(1945, 8, 22)
    assert atlas.previous_change_day(dt.date(1945, 8, 20)) == dt.date(1945, 8, 19)
    assert atlas.next_change_day(dt.date(1945, 8, 22)) == dt.date(1945, 8, 23)  # after, not on
    assert atlas.previous_change_day(1945) == dt.date(1945, 10, 25)
    assert atlas.next_change_day(1945).year == 1946
    days = atlas.change_days()
    assert days == sorted({c.date for c in atlas.timeline.changes})
    assert atlas.previous_change_day(days[0]) is None
    assert atlas.next_change_day(days[-1]) is None


def test_a_year_of_change_is_stepped_from_its_first_day_to_its_last(atlas):
    steps = atlas.day_steps(1945)
    assert steps[0] == dt.date(1945, 1, 1) and steps[-1] == dt.date(1945, 12, 31)
    assert dt.date(1945, 8, 9) in steps and dt.date(1945, 8, 22) in steps
    assert steps[1:-1] == [d for d in atlas.change_days() if d.year == 1945]
    assert atlas.day_steps(1906) == []  # no change within: the year has one map


def test_a_days_map_shows_the_years_events_begun_by_then(atlas):
    names = {e.name for e in atlas.events_by(dt.date(1945, 8, 20))}
    assert "Yalta Conference" in names or any("Yalta" in n for n in names)
    assert not any("Pyongyang" in n for n in names)  # 24 August: still to come
    assert atlas.events_by(dt.date(1945, 12, 31)) == atlas.events(1945)
