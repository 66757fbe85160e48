"""The Lesson view in the app (AppTest): a stop opens at its day with its passages and
caption; the stops' buttons, list and keys move between stops; the slider still moves inside
a stop; the link says where the lesson is."""

from __future__ import annotations

import pytest
from apptest_kit import component_data, trigger
from test_app import map_state, run

import mapcore

LESSON = "shimoda-to-abe"


@pytest.fixture(scope="module")
def lesson():
    found = mapcore.load_atlas().lesson(LESSON)
    assert found is not None
    return found


def shown(at) -> dict:
    """What the page shows of the lesson: the stop shared with the browser, the map's day."""
    stop = component_data(at, "page")["shared"]["stop"]
    return {"stop": stop["number"] if stop else None, "year": at.slider(key="year").value,
            "date": map_state(at)["date"]}  # fmt: skip


def address(at) -> dict:
    return {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}


def test_every_stop_opens_at_its_day_with_its_passages_and_caption(lesson):
    """The shipped lesson, stop by stop: the first opened from its link, each next one from
    the stops' list (as a teacher jumps), each at its day with its passages and caption."""
    at = run(lesson=LESSON, stop="1")
    for stop in lesson.stops:
        if stop.number > 1:
            at.selectbox(key="stop-list").set_value(stop.number).run()
        assert not at.exception and not at.toast, stop.title
        assert shown(at) == {
            "stop": stop.number,
            "year": stop.year,
            "date": stop.day.isoformat() if stop.day else None,
        }, stop.title
        essay = component_data(at, "essay")
        assert essay["year"] == stop.year
        panel = component_data(at, "lesson")["stop"]
        assert panel["caption"] == stop.caption and panel["passages"] == list(stop.passages)
        assert panel["note"] == stop.note  # the console shows it; the panel decides where
        assert address(at) == {
            "date": stop.day.isoformat(),
            "lesson": LESSON,
            "stop": str(stop.number),
        }  # the link that reopens it


def test_next_previous_the_list_and_the_keys_move_between_stops(lesson):
    at = run(lesson=LESSON, stop="3")
    assert shown(at)["stop"] == 3 and shown(at)["date"] == "1895-05-08"
    at.button(key="stop-next").click().run()
    assert shown(at) == {"stop": 4, "year": 1898, "date": "1898-03-27"}
    trigger(at, "page", "key", "PageDown:1")
    assert shown(at)["stop"] == 5
    trigger(at, "page", "key", "ArrowLeft:2")
    assert shown(at)["stop"] == 4
    trigger(at, "page", "key", "PageUp:3")
    assert shown(at)["stop"] == 3
    at.selectbox(key="stop-list").set_value(12).run()
    assert shown(at) == {"stop": 12, "year": 1945, "date": "1945-02-11"}
    at.button(key="stop-previous").click().run()
    assert shown(at)["stop"] == 11
    assert address(at) == {"date": "1941-04-13", "lesson": LESSON, "stop": "11"}


def test_the_slider_moves_inside_a_stop_and_the_link_reopens_it():
    at = run(lesson=LESSON, stop="7")
    at.slider(key="year").set_value(1910).run()
    assert shown(at) == {"stop": 7, "year": 1910, "date": None}
    trigger(at, "page", "key", "]:1")  # [ and ] still step the days of change
    assert shown(at)["stop"] == 7 and shown(at)["date"] > "1910"
    link = address(at)
    again = run(**link)
    assert shown(again) == shown(at)


def test_the_first_and_last_stop_and_a_bad_link():
    at = run(lesson=LESSON, stop="1")
    assert at.button(key="stop-previous").disabled and not at.button(key="stop-next").disabled
    trigger(at, "page", "key", "ArrowLeft:1")  # nothing before the first: it stays
    assert shown(at)["stop"] == 1 and not at.exception
    at = run(lesson=LESSON, stop="99")
    assert shown(at)["stop"] == 16 and at.button(key="stop-next").disabled
    assert any("16 stops" in t.value for t in at.toast)
    at = run(lesson="atlantis")
    assert shown(at)["stop"] == 1 and any("no lesson “atlantis”" in t.value for t in at.toast)
    at = run(view="lesson")
    assert shown(at) == {"stop": 1, "year": 1855, "date": "1855-02-07"}


def test_leaving_the_lesson_for_the_atlas_keeps_the_year_and_drops_the_stop():
    at = run(lesson=LESSON, stop="13")
    at.segmented_control(key="view").set_value("atlas").run()
    assert shown(at) == {"stop": None, "year": 1945, "date": "1945-08-22"}
    assert "lesson" not in address(at)
    trigger(at, "page", "key", "ArrowRight:1")  # the atlas's keys step the year again
    assert shown(at)["year"] == 1946
    at.segmented_control(key="view").set_value("lesson").run()
    assert shown(at)["stop"] == 13  # the lesson where it was left, at the year now shown
