"""Dated events: the battles, treaties, conferences and meetings the essay names or implies."""

from __future__ import annotations

import datetime as dt

from mapcore.validate import EVENT_KINDS


def test_events_from_putyatin_at_nagasaki_to_abe_and_putin(atlas):
    events = atlas.all_events()
    assert len(events) >= 40
    assert events[0].name.startswith("Putyatin") and events[0].date == dt.date(1853, 8, 22)
    shimoda = next(e for e in events if e.name == "Treaty of Shimoda")
    assert shimoda.date == dt.date(1855, 2, 7)
    assert any("Abe" in e.name and "Putin" in e.name for e in events)
    assert {e.kind for e in events} <= set(EVENT_KINDS)
    assert {"battle", "treaty", "conference", "meeting"} <= {e.kind for e in events}


def test_events_the_essay_names(atlas):
    names = " | ".join(e.name for e in atlas.all_events())
    for what in (
        "Tsushima",
        "Portsmouth",
        "Port Arthur",
        "Yalta",
        "Potsdam",
        "Khalkhin Gol",
        "Neutrality Pact",
        "Mukden",
    ):
        assert what in names, what


def test_a_years_events_and_a_days_events(atlas):
    y1905 = atlas.events(1905)
    assert all(e.in_year(1905) for e in y1905)
    assert any(e.name == "Treaty of Portsmouth" for e in y1905)
    day = atlas.events(dt.date(1905, 5, 27))
    assert [e.name for e in day if e.kind == "battle"] == ["Battle of Tsushima"]
    assert atlas.events(dt.date(1905, 5, 26)) == [
        e for e in atlas.events(dt.date(1905, 5, 26)) if e.on(dt.date(1905, 5, 26))
    ]


def test_multi_day_events_count_on_each_day(atlas):
    siege = next(e for e in atlas.all_events() if e.name == "Siege of Port Arthur")
    assert siege in atlas.events(dt.date(1904, 10, 1)) and siege in atlas.events(1904)
    assert siege in atlas.events(1905)


def test_events_are_at_real_places(atlas):
    by_name = {e.name: e for e in atlas.all_events()}
    portsmouth = by_name["Treaty of Portsmouth"]
    assert -71 < portsmouth.lon < -70 and 43 < portsmouth.lat < 43.2  # New Hampshire, off-map
    tsushima = by_name["Battle of Tsushima"]
    assert 129 < tsushima.lon < 131 and 33.5 < tsushima.lat < 35
    for e in atlas.all_events():
        assert e.description and e.source and -180 <= e.lon <= 180 and -90 <= e.lat <= 90
