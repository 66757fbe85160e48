"""What the browser gets (mapcore.web.wire): named fields, every year's state as a table, the
vocabulary it draws with, and all text escaped."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from mapcore.vocab import EVENT_KINDS, POWERS, STATUSES
from mapcore.web import wire

COLOURS = {p.id: p.colour for p in POWERS.values()}
STATIC = Path(wire.__file__).parent / "static"


@pytest.fixture(scope="module")
def static(atlas):
    return wire.static_data(atlas)


def drawn(static, atlas, year: int) -> dict[str, dict]:
    """What the browser draws for a year: its entry in the table, by territory."""
    timeline = static["timeline"]
    state = timeline["states"][timeline["years"][year]["state"]]
    return {atlas.periods[t["period"]].territory: t for t in wire.territories_of(timeline, state)}


def test_every_years_entry_is_that_years_state(atlas, static):
    """The table the map draws from holds, for every year, the periods in force on its
    31 December and the events of the year."""
    events = atlas.all_events()
    for year in range(1850, dt.date.today().year + 1):
        entry = static["timeline"]["years"][year]
        territories = drawn(static, atlas, year)
        assert set(territories) == {p.territory for p in atlas.state(year)}, year
        for p in atlas.state(year):
            assert atlas.periods[territories[p.territory]["period"]] is p, (year, p.territory)
        assert [events[i] for i in entry["events"]] == atlas.events(year), year


def test_previous_and_next_change_are_the_years_of_change(atlas, static):
    steps = static["timeline"]["steps"]
    years = atlas.change_years()
    assert steps[1880] == {"previous": 1875, "next": 1894}
    assert steps[1850]["previous"] == 1850
    assert steps[dt.date.today().year]["next"] == dt.date.today().year
    for year, step in steps.items():
        assert step["next"] == min((y for y in years if y > year), default=dt.date.today().year)
        assert step["previous"] == max((y for y in years if y < year), default=1850)


@pytest.mark.parametrize(
    ("year", "territory", "fill", "status"),
    [
        (1860, "sakhalin-south", ["japan", "russia"], "joint"),
        (1930, "sakhalin-south", ["japan"], "sovereign"),
        (1950, "sakhalin-south", ["russia"], "sovereign"),
        (1940, "manchuria", ["japan"], "puppet"),
        (1930, "kwantung", ["japan"], "leased"),
        (1950, "iturup", ["russia"], "disputed"),
        (1904, "kwantung", ["japan", "russia"], "contested"),
        (1946, "korea-south", ["usa"], "occupied"),
    ],
)
def test_colours_and_status_for_a_year(atlas, static, year, territory, fill, status):
    item = drawn(static, atlas, year)[territory]
    assert item["colours"] == [COLOURS[c] for c in fill]
    assert item["status"] == status


def test_disputed_islands_carry_the_claimants_colour_and_name(atlas, static):
    item = drawn(static, atlas, 2016)["kunashir"]
    assert item["claim"] == {"colour": COLOURS["japan"], "name": "Japan"}
    assert item["holder"] == "Russian Federation"


def test_the_legend_lists_what_is_on_the_map(atlas):
    state = wire.year_state(atlas, 1945)
    names = [p["name"] for p in state["powers"]]
    assert {"Empire of Japan", "Soviet Union", "United States", "Republic of China"} <= set(names)
    assert "German Empire" not in names
    assert state["statuses"][0] == "sovereign" and "occupied" in state["statuses"]


def test_places_are_named_in_the_years_they_bear_that_name(atlas, static):
    timeline = static["timeline"]

    def named(year: int) -> set[str]:
        state = timeline["states"][timeline["years"][year]["state"]]
        return {static["places"][i]["names"]["en"] for i in state["places"]}

    assert any("Dalny" in n for n in named(1902)) and not any("Dalny" in n for n in named(1930))


def test_the_vocabulary_is_shipped_whole(static):
    vocab = static["vocab"]
    assert set(vocab["powers"]) == set(POWERS) and set(vocab["statuses"]) == set(STATUSES)
    assert set(vocab["eventKinds"]) == set(EVENT_KINDS)
    assert vocab["statuses"]["leased"]["pattern"]["kind"] == "stripes"


def test_text_from_the_data_is_escaped_for_html(atlas, static):
    period = static["periods"][0]
    assert "<" not in json.dumps(static["periods"]).replace("\\u003c", "")
    hostile = wire._e('<img src=x onerror="alert(1)">')
    assert hostile == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert period["name"] and period["instrument"] and period["source"]


def test_the_essay_file_keeps_the_text_as_written(atlas):
    essay = wire.essay_data(atlas)
    assert [p["id"] for p in essay["passages"]] == [p.id for p in atlas.passages(None)]
    assert essay["passages"][4]["text"] == atlas.passages(None)[4].text  # not escaped: textContent
    assert essay["passages"][4]["jump"] == 1904
    assert essay["years"][1905]["focus"] == "war-1904"
    assert essay["years"][1945]["focus"] == "potsdam-august-storm"
    assert essay["years"][2016]["focus"] == "frozen-peace"


def test_the_year_notes_hold_each_years_changes_and_events(atlas):
    notes = wire.year_notes(atlas)
    assert any(
        c["text"].startswith("15 Oct 1905, Treaty of Portsmouth") and c["date"] == "1905-10-15"
        for c in notes["changes"][1905]
    )
    assert 1880 not in notes["changes"]
    assert any(e["name"] == "Battle of Tsushima" for e in notes["events"][1905])


READERS = {  # which browser files read which part of the wire format
    "StaticData": ("atlasmap.js", "pack.js"),
    "VocabWire": ("atlasmap.js", "atlas-style.js", "atlas-legend.js", "pack.js"),
    "PowerWire": (),  # the chart's and the legend's: read in Python (the powers' names by year)
    "PatternWire": ("atlas-style.js",),
    "OutlineWire": ("atlas-style.js",),
    "StatusWire": ("atlas-style.js", "atlas-legend.js", "atlasmap.js"),
    "EventKindWire": ("atlas-style.js", "atlas-legend.js"),
    "PeriodWire": ("atlasmap.js",),
    "FeatureWire": ("atlasmap.js",),
    "LineWire": ("atlasmap.js",),
    "PlaceWire": ("atlasmap.js",),
    "EventWire": ("atlasmap.js",),
    "ClaimWire": ("atlasmap.js",),
    "TerritoryState": ("atlasmap.js",),
    "HomeState": ("atlasmap.js",),
    "LineState": ("atlasmap.js",),
    "LegendPower": ("atlas-legend.js",),
    "YearState": ("atlasmap.js",),
    "YearEntry": ("atlasmap.js",),
    "DayEntry": ("atlasmap.js",),
    "CardWire": ("atlas-cards.js",),
    "StepWire": ("pack.js",),
    "YearsWire": ("atlasmap.js", "pack.js"),
    "StepMessage": ("atlasmap.js",),
    "PassageWire": ("essay.js",),
    "MentionWire": ("essay.js",),
    "RefWire": ("atlasmap.js",),
    "SelectionWire": ("essay.js",),
    "EssayData": ("essay.js",),
    "NoteEvent": ("year.js",),
    "NoteChange": ("year.js",),
    "DayStep": ("days.js", "pack.js"),
    "NotesData": ("year.js", "days.js", "pack.js"),
    "ViewWire": ("atlasmap.js", "pack.js"),
    "StopWire": ("lesson.js", "atlasmap.js", "essay.js", "pack.js"),
    "LessonWire": ("pack.js",),
    "QuizWire": ("lesson.js", "atlasmap.js", "pack.js"),
}
UNREAD = {  # fields the browser has no use for, and why they are still sent
    ("PowerWire", "colour"),
    ("PowerWire", "label"),  # the vocabulary, whole, for any reader
    ("PlaceWire", "key"),
    ("EventWire", "kind"),  # ids, for labels' refs and CSS classes
    ("VocabWire", "languages"),  # read by the pack's menu (pack.js), as "languages"
}


def test_the_browser_reads_every_field_python_writes():
    """Each field of each wire type is read by the browser code that receives it."""
    from mapcore.web import mapview, stops

    types = {name: getattr(wire, name, None) or getattr(stops, name, None)
             or getattr(mapview, name) for name in READERS}  # fmt: skip
    missing = []
    for name, cls in types.items():
        code = "\n".join((STATIC / f).read_text(encoding="utf-8") for f in READERS[name])
        for field in cls.__annotations__:
            if (name, field) in UNREAD or not READERS[name]:
                continue
            if not re.search(rf"\.{field}\b|\[\"{field}\"\]|{field}:", code):
                missing.append(f"{name}.{field}")
    assert not missing, f"written by Python, read by no browser file: {missing}"


def drawn_on(static, atlas, day: dt.date) -> dict[str, dict]:
    """What the browser draws on a day: the last of its year's day entries on or before it (as
    atlasmap.js looks it up), or the year's own entry."""
    timeline = static["timeline"]
    entry = timeline["years"][day.year]
    for d in timeline["days"].get(day.year, []):
        if d["date"] <= day.isoformat():
            entry = d
    state = timeline["states"][entry["state"]]
    return {atlas.periods[t["period"]].territory: t for t in wire.territories_of(timeline, state)}


def test_every_day_of_a_change_and_the_days_around_it_draw_that_days_state(atlas, static):
    """The browser's lookup by day gives the periods in force on that day, to the day: on each
    day of a change, the day before and the day after."""
    days = {d + dt.timedelta(days=k) for d in atlas.change_days() for k in (-1, 0, 1)}
    for day in sorted(d for d in days if 1850 <= d.year <= dt.date.today().year):
        territories = drawn_on(static, atlas, day)
        assert set(territories) == {p.territory for p in atlas.state(day)}, day
        for p in atlas.state(day):
            assert atlas.periods[territories[p.territory]["period"]] is p, (day, p.territory)


def test_20_august_1945_is_drawn_as_it_was(atlas, static):
    drawn = drawn_on(static, atlas, dt.date(1945, 8, 20))
    assert drawn["sakhalin-south"]["status"] == "contested"
    assert drawn["kurils-north"]["status"] == "contested"
    assert (drawn["manchuria"]["status"], drawn["manchuria"]["colours"]) == (
        "occupied", [COLOURS["russia"]])  # fmt: skip


def test_a_days_events_are_those_begun_by_then(atlas, static):
    timeline = static["timeline"]
    events = atlas.all_events()
    for year, entries in timeline["days"].items():
        for entry in entries:
            day = dt.date.fromisoformat(entry["date"])
            assert [events[i] for i in entry["events"]] == atlas.events_by(day), day
        assert entries[0]["date"] == f"{year}-01-01"
    assert timeline["years"][1945]["date"] == "1945-12-31"


def test_the_wire_has_every_days_of_change_and_a_card_for_each(atlas, static):
    notes = wire.year_notes(atlas)
    assert notes["changeDays"] == [d.isoformat() for d in atlas.change_days()]
    assert notes["yearEnd"] == "12-31"
    cards = static["cards"]
    assert [c["date"] for c in cards] == sorted(c["date"] for c in cards)
    on_cards = {(c["date"], t) for c in cards for t in c["territories"]}
    assert on_cards == {(c.date.isoformat(), c.territory) for c in atlas.timeline.changes}
    first = next(c for c in cards if c["date"] == "1945-08-09")
    assert first["territories"] == ["manchuria"]  # the most prominent of the day first
    quoted = next(c for c in cards if "'" in c["source"])  # plain text: set with textContent
    assert "&#x27;" not in quoted["source"] and "&amp;" not in json.dumps(cards)


def test_a_year_of_change_offers_its_day_steps(atlas):
    steps = wire.year_notes(atlas)["steps"]
    assert 1906 not in steps
    labels = [s["label"] for s in steps[1945]]
    assert labels[:3] == ["1 Jan", "9 Aug", "10 Aug"] and labels[-1] == "31 Dec"
    assert [s["end"] for s in steps[1945]] == [False] * (len(labels) - 1) + [True]
    assert "Soviet invasion of Manchuria" in steps[1945][1]["title"]
