"""What the browser gets: everything once, then each year's small state, all text escaped."""

from __future__ import annotations

import json

import pytest

from mapcore import mapdata
from mapcore.palette import COLOURS


@pytest.fixture(scope="module")
def static(atlas):
    return mapdata.static_data(atlas)


def by_territory(atlas, year: int) -> dict[str, list]:
    state = mapdata.year_state(atlas, year)
    return {atlas.periods[item[0]].territory: item for item in state["t"]}


def test_the_browsers_table_is_the_servers_state_for_every_year(atlas, static):
    """The map draws from its table the moment the slider moves: it must match the server."""
    table = static["years"]
    for year in range(1850, 2027):
        state = mapdata.year_state(atlas, year)
        s, events, kinds = table["years"][year]
        body = table["states"][s]
        assert body["t"] == state["t"] and body["h"] == state["h"] and body["l"] == state["l"]
        assert events == state["e"] and kinds == state["legend"]["events"]


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
def test_colours_and_status_for_a_year(atlas, year, territory, fill, status):
    item = by_territory(atlas, year)[territory]
    assert item[2] == [COLOURS[c] for c in fill]
    assert item[3] == status


def test_disputed_islands_carry_the_claimants_colour_and_name(atlas):
    item = by_territory(atlas, 2016)["kunashir"]
    assert item[4] == [COLOURS["japan"], "Japan"]
    assert item[1] == "Russian Federation"


def test_the_legend_lists_what_is_on_the_map(atlas):
    legend = mapdata.year_state(atlas, 1945)["legend"]
    names = [name for _, name in legend["powers"]]
    assert {"Empire of Japan", "Soviet Union", "United States", "Republic of China"} <= set(names)
    assert "German Empire" not in names
    assert legend["statuses"][0] == "sovereign" and "occupied" in legend["statuses"]
    assert {"battle", "treaty"} <= set(legend["events"])


def test_text_from_the_data_is_escaped_for_html(atlas, static):
    period = static["periods"][0]
    assert "<" not in json.dumps(static["periods"]).replace("\\u003c", "")
    hostile = mapdata._e('<img src=x onerror="alert(1)">')
    assert hostile == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert period["name"] and period["instrument"] and period["source"]


def test_the_essay_file_keeps_the_text_as_written(atlas):
    essay = mapdata.essay_data(atlas)
    assert [p["id"] for p in essay["passages"]] == [p.id for p in atlas.passages(None)]
    assert essay["passages"][4]["text"] == atlas.passages(None)[4].text  # not escaped: textContent
    assert essay["passages"][4]["jump"] == 1904


def test_the_year_notes_hold_each_years_changes_and_events(atlas):
    notes = mapdata.year_notes(atlas)
    assert any(
        line.startswith("15 Oct 1905, Treaty of Portsmouth") for line in notes["changes"][1905]
    )
    assert 1880 not in notes["changes"]
    assert any(e["name"] == "Battle of Tsushima" for e in notes["events"][1905])


def test_focus_is_the_most_specific_passage(atlas):
    assert mapdata.focus(atlas.passages(1905)) == "war-1904"
    assert mapdata.focus(atlas.passages(1945)) == "potsdam-august-storm"
    assert mapdata.focus(atlas.passages(2016)) == "frozen-peace"
