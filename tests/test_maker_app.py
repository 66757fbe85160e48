"""Making a lesson in the app (AppTest): add the view shown as a stop, edit its texts, reorder,
teach it, download it as a file that reads back as the same lesson; a file loaded back is
checked first, each problem named with the file, the stop and the problem."""

from __future__ import annotations

import dataclasses
import datetime as dt

from apptest_kit import component_data, trigger
from test_app import run

import mapcore
from atlasapp import maker
from mapcore.lessons import lesson_toml, read_lesson_bytes

VIEW_1905 = "[[40.5,120.25],[52.75,146.5]]"


def add(at, view: str, n: int):
    return trigger(at, "add-stop", "add", f"{view}|{n}")


def draft(at) -> maker.Draft:
    return at.session_state[maker.DRAFT_KEY]


def test_a_lesson_made_in_the_app_downloads_as_a_file_that_reads_back():
    at = run(date="1905-10-15")
    add(at, VIEW_1905, 1)
    first = draft(at).stops[0]
    assert first.when == dt.date(1905, 10, 15) and first.title == "15 October 1905"
    assert first.bounds == ((40.5, 120.25), (52.75, 146.5))
    assert first.passages == ("war-1904",)  # the year's first passage, to start with
    at.text_input(key="draft-title").set_value("Portsmouth in force").run()
    at.text_area(key="draft-caption").set_value("Japan takes Karafuto.").run()
    at.text_input(key="draft-question").set_value("Who held Karafuto?").run()
    at.text_input(key="draft-answer").set_value("Japan").run()
    at.multiselect(key="draft-highlight").set_value(["sakhalin-south"]).run()
    at.slider(key="year").set_value(1945).run()
    add(at, "null", 2)  # no frame reported: the stop frames the whole map
    assert any("'caption' is missing" in w.value for w in at.warning)  # said before the file
    at.text_area(key="draft-caption").set_value("The Soviet Union takes the islands.").run()
    assert not any("caption" in w.value for w in at.warning)
    at.text_input(key="draft-lesson-title").set_value("Two moments").run()
    assert [s.title for s in draft(at).stops] == ["Portsmouth in force", "1945"]
    at.button(key="draft-up").click().run()  # the 1945 stop first
    assert [s.year for s in draft(at).stops] == [1945, 1905]
    assert at.text_input(key="draft-title").value == "1945"  # the fields follow the stop
    at.button(key="draft-down").click().run()
    assert [s.year for s in draft(at).stops] == [1905, 1945] and not at.exception

    made = draft(at).lesson()
    text = lesson_toml(made)
    back, problems = read_lesson_bytes(text.encode(), made.id, made.file)
    assert problems == [] and back == dataclasses.replace(made, file=back.file)
    assert "Two moments" in text and 'caption = "Japan takes Karafuto."' in text

    at.button(key="draft-teach").click().run()  # taught in the Lesson view, as it is
    stop = component_data(at, "page")["shared"]["stop"]
    assert (stop["lesson"], stop["number"], stop["title"]) == ("your-lesson", 2, "1945")
    assert "Your lesson: Two moments" in at.selectbox(key="lesson-list").options
    trigger(at, "page", "key", "ArrowLeft:1")
    stop = component_data(at, "page")["shared"]["stop"]
    assert stop["title"] == "Portsmouth in force" and stop["highlight"]["territories"] == [
        "sakhalin-south"]  # fmt: skip


def test_a_file_loaded_back_is_checked_first():
    atlas = mapcore.load_atlas()
    good = lesson_toml(atlas.lesson("shimoda-to-abe")).encode()
    lesson, problems = maker.check_file(atlas, "shimoda-to-abe.toml", good)
    assert problems == [] and len(lesson.stops) == 16
    broken = good.replace(b'"iturup",', b'"atlantis",', 1).replace(
        b"date = 2016-12-15", b"date = 2999", 1
    )
    lesson, problems = maker.check_file(atlas, "mine.toml", broken)
    assert [str(p) for p in problems] == [
        "lessons/mine.toml: stop 1: highlight names 'atlantis', which is no territory, place or "
        "event of the atlas",
        f"lessons/mine.toml: stop 16: the date 2999 is outside the atlas (1850–"
        f"{dt.date.today().year})",
    ]
    _, problems = maker.check_file(atlas, "bad.toml", b"title = [")
    assert str(problems[0]).startswith("lessons/bad.toml: not valid TOML")
