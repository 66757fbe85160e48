"""Lessons: a lesson file is read and checked like the rest of the edition; each broken stop
is reported with the file, the stop's number and the problem."""

from __future__ import annotations

import datetime as dt

import pytest

from mapcore import load_atlas, validate
from mapcore.lessons import read_lesson

GOOD = """
title = "From Shimoda to Portsmouth"

[[stop]]
title = "Shimoda: a border through the Kurils"
date = 1855-02-07
frame = ["kurils-north", "iturup"]
highlight = ["iturup"]
passages = ["sakhalin-kuriles"]
caption = "Russia and Japan draw their first border between Iturup and Urup."
question = "Who held Sakhalin after Shimoda?"
answer = "Both: it was left undivided."
note = "Point at the line between Iturup and Urup."

[[stop]]
title = "Portsmouth"
date = 1905
bounds = [[40.0, 125.0], [52.0, 145.0]]
passages = ["war-1904"]
caption = "The war ends; Japan takes Karafuto and the Kwantung lease."
"""


def write(edition, text: str, name: str = "essay-walk") -> None:
    (edition.path / "lessons").mkdir(exist_ok=True)
    edition.write_text(f"lessons/{name}.toml", text)


def messages(edition) -> list[str]:
    return [str(p) for p in validate(edition.path)]


def test_a_good_lesson_is_read_stop_by_stop_and_is_clean(edition):
    write(edition, GOOD)
    assert messages(edition) == []
    lesson, problems = read_lesson(edition.path / "lessons/essay-walk.toml", "lessons/x.toml")
    assert problems == [] and lesson is not None
    assert (lesson.id, lesson.title) == ("essay-walk", "From Shimoda to Portsmouth")
    assert len(lesson.stops) == 2
    first, second = lesson.stops
    assert first.day == dt.date(1855, 2, 7) and first.year == 1855
    assert first.frame == ("kurils-north", "iturup") and first.answer.startswith("Both")
    assert second.day is None and second.year == 1905  # a bare year: its 31 December
    assert second.bounds == ((40.0, 125.0), (52.0, 145.0))
    assert lesson.stop(2) is second and lesson.stop(3) is None


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'highlight = ["iturup"]',
            'highlight = ["iturop"]',
            "stop 1: highlight names 'iturop', which is no territory, place or event of the atlas",
        ),
        (
            'frame = ["kurils-north", "iturup"]',
            'frame = ["atlantis"]',
            "stop 1: frame names 'atlantis'",
        ),
        (
            "date = 1855-02-07",
            "date = 1805-02-07",
            "stop 1: the date 1805-02-07 is outside the atlas (1850–",
        ),
        ("date = 1905", "date = 2999", "stop 2: the date 2999 is outside the atlas"),
        ("date = 1855-02-07", 'date = "1855-02-30"', "stop 1: 'date' '1855-02-30' is no day"),
        (
            'passages = ["war-1904"]',
            'passages = ["war-1905"]',
            "stop 2: passage 'war-1905' is not in the essay",
        ),
        ('answer = "Both: it was left undivided."', "", "stop 1: the question has no 'answer'"),
        (
            'caption = "The war ends; Japan takes Karafuto and the Kwantung lease."',
            "",
            "stop 2: 'caption' is missing",
        ),
        (
            "bounds = [[40.0, 125.0], [52.0, 145.0]]",
            "bounds = [[52.0, 125.0], [40.0, 145.0]]",
            "stop 2: 'bounds'",
        ),
        (
            'note = "Point at the line between Iturup and Urup."',
            'notes = "typo"',
            "stop 1: unknown field(s) 'notes'",
        ),
    ],
)
def test_each_kind_of_broken_stop_is_named_with_its_file_and_number(edition, old, new, problem):
    assert old in GOOD
    write(edition, GOOD.replace(old, new, 1))
    found = messages(edition)
    assert len(found) == 1 and found[0].startswith("lessons/essay-walk.toml: "), found
    assert problem in found[0], found


def test_an_empty_stop_and_a_lesson_without_stops(edition):
    write(edition, GOOD + "\n[[stop]]\n")
    assert messages(edition) == ["lessons/essay-walk.toml: stop 3: the stop is empty"]
    write(edition, 'title = "Nothing yet"\n', "empty")
    assert "lessons/empty.toml: the lesson has no [[stop]]" in messages(edition)


def test_a_file_that_is_not_toml_is_named_and_the_rest_still_reads(edition):
    write(edition, GOOD)
    write(edition, "title = [unclosed\n", "broken")
    found = messages(edition)
    assert len(found) == 1 and found[0].startswith("lessons/broken.toml: not valid TOML")


def test_a_broken_stop_still_opens_without_what_the_atlas_lacks(edition):
    """The problem is listed; the atlas keeps the stop, less the unknown id, and leaves out a
    stop it cannot show (the rest renumbered, as the teacher counts them)."""
    text = GOOD.replace('highlight = ["iturup"]', 'highlight = ["iturup", "atlantis"]')
    text = text.replace("date = 1905", "date = 2999")
    write(edition, text)
    atlas = load_atlas(edition.path, strict=False)
    assert len(atlas.problems) == 2
    lesson = atlas.lesson("essay-walk")
    assert lesson is not None and len(lesson.stops) == 1
    assert lesson.stops[0].highlight == ("iturup",) and lesson.stops[0].number == 1


# -- the atlas's own lesson ------------------------------------------------------------------

SHIPPED = "shimoda-to-abe"


@pytest.fixture(scope="module")
def shipped():
    atlas = load_atlas()  # strict: the edition and its lesson are clean
    lesson = atlas.lesson(SHIPPED)
    assert lesson is not None
    return atlas, lesson


def test_the_shipped_lesson_walks_from_shimoda_to_abe_and_putin(shipped):
    atlas, lesson = shipped
    assert 12 <= len(lesson.stops) <= 16
    first, last = lesson.stops[0], lesson.stops[-1]
    assert first.day == dt.date(1855, 2, 7) and "Shimoda" in first.title
    assert "Abe" in last.title and last.year >= 2016
    days = [s.day or dt.date(s.year, 12, 31) for s in lesson.stops]
    assert days == sorted(days), "the stops go forward in time"
    events = {e.key: e for e in atlas.all_events()}
    assert events["treaty-of-shimoda"].date == first.day
    assert any(k.startswith("abe-putin") and e.date == last.day for k, e in events.items())


def test_each_stop_has_a_question_an_answer_a_frame_and_passages_of_its_year(shipped):
    atlas, lesson = shipped
    for stop in lesson.stops:
        assert stop.question.endswith("?") and stop.answer, stop.title
        assert stop.caption and stop.note, stop.title
        assert stop.frame or stop.bounds, stop.title
        assert stop.passages, stop.title
        spoken = {p.id for p in atlas.passages(stop.when)}
        assert set(stop.passages) <= spoken, (stop.title, stop.passages, spoken)


def test_the_shipped_stops_show_what_their_captions_say(shipped):
    """A few stops checked against the map: the caption and the answer agree with who held
    what on the stop's day."""
    atlas, lesson = shipped
    by_title = {s.title: s for s in lesson.stops}
    shimoda = by_title["Shimoda: the first border"]
    assert atlas.controller("iturup", shimoda.when) == "japan"
    assert atlas.controller("urup", shimoda.when) == "russia"
    spb = by_title["Saint Petersburg: Sakhalin for the Kurils"]
    assert atlas.controller("sakhalin-south", spb.when) == "russia"
    assert atlas.controller("kurils-north", spb.when) == "japan"
    portsmouth = by_title["The Peace of Portsmouth"]
    assert atlas.controller("sakhalin-south", portsmouth.when) == "japan"
    assert atlas.controller("sakhalin-north", portsmouth.when) == "russia"
    storm = by_title["August Storm"]
    assert atlas.controller("kwantung", storm.when) == "china+russia"
    assert atlas.controller("kwantung", dt.date(1945, 8, 1)) == "japan"
    manchukuo = by_title["Manchukuo"]
    assert atlas.period("manchuria", manchukuo.when).status == "puppet"
