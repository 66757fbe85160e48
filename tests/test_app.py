"""The app's logic, run by Streamlit's AppTest (no browser): slider, links, passages, colours."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from apptest_kit import component, component_data, trigger
from streamlit.testing.v1 import AppTest

from atlasapp.testing import app_copy
from mapcore.vocab import POWERS
from mapcore.web import wire

APP = str(app_copy())
COLOURS = {p.id: p.colour for p in POWERS.values()}
THIS_YEAR = dt.date.today().year


def run(year: str | list[str] | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if year is not None:
        at.query_params["year"] = year
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def map_state(at: AppTest) -> dict:
    """The step the map component was given (the feature group's message)."""
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    found = re.search(r"L\.Atlas\.of\(map_div\)\.show\((\{.*\})\);", args["feature_group"],
                      re.S)  # fmt: skip
    return json.loads(found.group(1))


def published(at: AppTest, url: str) -> dict:
    """A file the app published for the browser, as the browser fetches it."""
    static = Path(APP).parent / "static"
    return json.loads((static / url.removeprefix("/app/static/")).read_text(encoding="utf-8"))


def fills(at: AppTest, atlas) -> dict[str, tuple[list[str], str]]:
    """What the map draws for the step's year: its entry in the published timeline."""
    data_url = re.search(
        r'"dataUrl": "([^"]+)"',
        json.loads(at.get("component_instance")[0].proto.json_args)["script"],
    )
    timeline = published(at, data_url.group(1))["timeline"]
    state = timeline["states"][timeline["years"][str(map_state(at)["year"])]["state"]]
    return {atlas.periods[t["period"]].territory: (t["colours"], t["status"])
            for t in wire.territories_of(timeline, state)}  # fmt: skip


def test_the_year_slider_spans_1850_to_this_year_and_opens_on_1905():
    at = run()
    assert not at.exception
    slider = at.slider(key="year")
    assert slider.label == "Year"
    assert (slider.min, slider.max, slider.value) == (1850, THIS_YEAR, 1905)
    assert map_state(at)["year"] == 1905


def test_a_deep_link_opens_its_year_and_the_address_follows_the_slider():
    at = run("1945")
    assert at.slider(key="year").value == 1945 and map_state(at)["year"] == 1945
    assert not at.toast  # a good link gets no note
    at.slider(key="year").set_value(1910).run()
    assert at.query_params["year"] in ("1910", ["1910"])
    assert map_state(at)["year"] == 1910


@pytest.mark.parametrize(
    ("value", "year", "note"),
    [
        ("abc", 1905, "is not a year"),
        ("-5", 1850, "before 1850"),
        ("99999", THIS_YEAR, f"after {THIS_YEAR}"),
        ("1905.5", 1905, "not a whole year"),
        ("", 1905, "empty"),
        (["1939", "1945"], 1939, "names 2 years"),
    ],
)
def test_bad_year_links_are_tolerated_with_a_short_note(value, year, note):
    at = run(value)
    assert not at.exception
    assert at.slider(key="year").value == year
    assert any(note in i.value for i in at.toast)


def test_unknown_link_parameters_get_a_note():
    at = run("1905", zoom="9")
    assert not at.exception and any("“zoom”" in i.value for i in at.toast)


def test_the_map_is_given_the_right_colours_for_a_year(atlas):
    at = run("1905")
    year_1905 = fills(at, atlas)
    assert year_1905["sakhalin-south"] == ([COLOURS["japan"]], "sovereign")
    assert year_1905["sakhalin-north"] == ([COLOURS["russia"]], "sovereign")
    assert year_1905["korea"] == ([COLOURS["japan"]], "protectorate")
    assert year_1905["kwantung"] == ([COLOURS["japan"]], "leased")
    at.slider(key="year").set_value(1860).run()
    assert fills(at, atlas)["sakhalin-south"] == ([COLOURS["japan"], COLOURS["russia"]], "joint")
    at.slider(key="year").set_value(2016).run()
    assert fills(at, atlas)["iturup"] == ([COLOURS["russia"]], "disputed")


def highlighted(at: AppTest) -> dict:
    essay = component_data(at, "essay")
    return {"year": essay["year"], **published(at, essay["url"])["years"][str(essay["year"])]}


def test_the_passages_for_a_year_are_highlighted(atlas):
    at = run("1905")
    essay = highlighted(at)
    assert essay["year"] == 1905
    assert "war-1904" in essay["active"] and essay["focus"] == "war-1904"
    assert "yalta" not in essay["active"]
    assert essay["active"] == [p.id for p in atlas.passages(1905)]
    at.slider(key="year").set_value(1945).run()
    essay = highlighted(at)
    assert {"yalta", "potsdam-august-storm"} <= set(essay["active"])
    assert essay["focus"] == "potsdam-august-storm"


def test_the_changes_panel_follows_the_year():
    at = run("1905")
    notes = component_data(at, "year_notes")
    assert notes["year"] == 1905 and notes["url"].startswith("/app/static/atlas/notes-")
    at.slider(key="year").set_value(1875).run()
    assert component_data(at, "year_notes")["year"] == 1875


def test_next_and_previous_change_jump_to_years_of_change(atlas):
    at = run("1880")
    at.button(key="next").click().run()
    years = atlas.change_years()
    assert at.slider(key="year").value == min(y for y in years if y > 1880) == 1894
    at.button(key="previous").click().run()
    assert at.slider(key="year").value == max(y for y in years if y < 1894) == 1875


def playing(at: AppTest) -> bool:
    return at.session_state["atlas:choices"].playing


def test_play_starts_and_pause_stops():
    at = run("1905")
    assert at.button(key="play").label == "Play"
    at.button(key="play").click().run()
    assert playing(at) is True and at.button(key="play").label == "Pause"
    at.button(key="play").click().run()
    assert playing(at) is False and at.button(key="play").label == "Play"


def test_compare_mode_lists_the_changes_between_the_two_years():
    at = run("1905", view="compare")
    assert not at.exception
    assert (at.slider(key="left").value, at.slider(key="right").value) == (1904, 1906)
    assert len(at.get("component_instance")) == 2  # two maps
    assert any(m.value == "#### 1904 vs 1906" for m in at.markdown)
    listed = at.get("html")[0].proto.body
    assert "Sakhalin south of 50°N: Russian Empire → Empire of Japan (Karafuto)" in listed
    assert "15 Oct 1905, Treaty of Portsmouth" in listed
    at.slider(key="right").set_value(1946).run()
    assert "1904 vs 1946" in [m.value[5:] for m in at.markdown]


def test_control_over_time_is_a_stacked_chart_with_the_year_marked():
    at = run("1940", view="chart")
    assert not at.exception
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    marks = json.dumps(spec)
    assert '"area"' in marks and '"rule"' in marks
    assert any("1940: Japan" in c.value for c in at.caption)


def test_presenter_mode_keeps_the_slider_map_and_passage_only():
    at = run("1905", present="1")
    assert not at.exception
    assert any("stHeader" in h.proto.body for h in at.get("html"))  # the chrome hidden by CSS
    assert at.button(key="exit").label == "Exit presenter mode"  # a visible way out
    assert not at.sidebar.children  # no sidebar at all: nothing to open by mistake
    assert component(at, "year_notes") is None  # no "what changed" list
    assert component_data(at, "essay")["present"] is True
    assert not at.get("segmented_control")
    assert at.slider(key="year").value == 1905


def test_the_map_labels_follow_the_language_setting():
    at = run("1930")
    assert map_state(at)["lang"] == "en"
    at.selectbox(key="lang").set_value("ja").run()
    assert map_state(at)["lang"] == "ja"


def test_a_date_link_opens_that_day_and_the_address_keeps_it():
    at = run(date="1945-08-20")
    assert not at.exception and not at.toast
    assert at.slider(key="year").value == 1945
    assert map_state(at)["date"] == "1945-08-20"
    assert component_data(at, "essay")["date"] == component_data(at, "days")["date"]
    assert component_data(at, "days")["date"] == "1945-08-20"
    assert dict(at.query_params) in ({"date": "1945-08-20"}, {"date": ["1945-08-20"]})


def test_next_dated_change_from_20_august_1945_is_22_august():
    at = run(date="1945-08-20")
    trigger(at, "page", "key", "]:1")
    assert map_state(at)["date"] == "1945-08-22"
    trigger(at, "page", "key", "[:2")
    assert map_state(at)["date"] == "1945-08-19"
    assert at.query_params["date"] in ("1945-08-19", ["1945-08-19"])


def test_a_day_step_shows_its_day_and_the_slider_goes_back_to_the_year():
    at = run("1945")
    assert map_state(at)["date"] is None  # the bare year: its 31 December
    trigger(at, "page", "day", "1945-08-09:1")
    assert map_state(at)["date"] == "1945-08-09" and at.slider(key="year").value == 1945
    trigger(at, "page", "day", "1945:2")  # the year's last step: the bare year again
    assert map_state(at)["date"] is None
    trigger(at, "page", "day", "1945-08-09:3")
    at.slider(key="year").set_value(1946).run()
    assert map_state(at)["date"] is None and at.query_params["year"] in ("1946", ["1946"])


def test_play_from_a_day_runs_through_the_years_days_of_change():
    at = run(date="1945-08-19")
    at.button(key="play").click().run()
    shown = []
    for _ in range(3):
        at.session_state["atlas:tick"] = 0.0  # an interval has passed: Play's timer fires
        at.run()
        shown.append(map_state(at)["date"])
    assert shown == ["1945-08-22", "1945-08-23", "1945-08-24"]


def test_a_broken_date_link_opens_the_year_with_a_note():
    at = run(date="1945-02-30")
    assert not at.exception
    assert at.slider(key="year").value == 1905 and map_state(at)["date"] is None
    assert any("“1945-02-30” is not a day" in t.value for t in at.toast)


def test_a_key_sent_twice_is_acted_on_once():
    """page.js sends a key again when it cannot tell it arrived; Python acts once on each."""
    at = run("1880")
    trigger(at, "page", "key", "PageDown:100")
    assert at.slider(key="year").value == 1894
    assert component_data(at, "page")["handled"] == [100]  # what page.js may forget
    trigger(at, "page", "key", "PageDown:100:2")  # the same key, sent again
    assert at.slider(key="year").value == 1894
    trigger(at, "page", "key", "PageDown:101")
    assert at.slider(key="year").value > 1894
