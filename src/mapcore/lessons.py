"""Lessons: readable files of dated stops a teacher walks a class through.

A lesson is `lessons/<id>.toml` in the edition: a title and its `[[stop]]`s. A stop has a
title, a day or a year, what to frame (ids, or bounds), what to highlight, the passages to
show, a caption for the class, an optional question with its answer, and a note for the
teacher only. Reading keeps what it can and reports the rest; `check_lessons` reports each
id, day or passage the atlas does not have, with the file, the stop's number and the problem.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from .model import Problem

LESSONS_DIR = "lessons"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TEXTS = ("title", "caption", "question", "answer", "note")
Box = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Stop:
    """One moment of a lesson. `when` is a day, or a year (its 31 December, as on the slider)."""

    number: int  # 1-based, as the teacher and the link (`stop=3`) count
    title: str
    when: dt.date | int
    caption: str
    frame: tuple[str, ...] = ()  # ids framed together (territories, groups, places, events)
    bounds: Box | None = None  # [[south, west], [north, east]]
    highlight: tuple[str, ...] = ()
    passages: tuple[str, ...] = ()
    question: str = ""
    answer: str = ""
    note: str = ""  # the teacher's only: never on the projector

    @property
    def year(self) -> int:
        return self.when if isinstance(self.when, int) else self.when.year

    @property
    def day(self) -> dt.date | None:
        """The stop's day, or None for a bare year."""
        return self.when if isinstance(self.when, dt.date) else None


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    stops: tuple[Stop, ...]
    file: str = ""  # as problems name it: lessons/<id>.toml

    def stop(self, number: int) -> Stop | None:
        return self.stops[number - 1] if 1 <= number <= len(self.stops) else None


@dataclass
class _Report:
    file: str
    problems: list[Problem] = field(default_factory=list)

    def __call__(self, message: str, stop: int | None = None) -> None:
        where = f"stop {stop}: " if stop is not None else ""
        self.problems.append(Problem(self.file, where + message))


def read_lessons(folder: Path) -> tuple[list[Lesson], list[Problem]]:
    """Every lesson in `folder/lessons/` (none is no problem), and what could not be read."""
    lessons, problems = [], []
    for path in sorted((folder / LESSONS_DIR).glob("*.toml")):
        lesson, found = read_lesson(path, f"{LESSONS_DIR}/{path.name}")
        problems += found
        if lesson is not None:
            lessons.append(lesson)
    return lessons, problems


def read_lesson(path: Path, name: str) -> tuple[Lesson | None, list[Problem]]:
    """One lesson file: the lesson (its readable stops), and each problem found reading it."""
    return read_lesson_bytes(path.read_bytes(), path.stem, name)


def read_lesson_bytes(content: bytes, lesson_id: str, name: str
                      ) -> tuple[Lesson | None, list[Problem]]:  # fmt: skip
    """A lesson file's content (a file on disk, or one a teacher uploads), read as a lesson
    named `lesson_id`; problems name the file as `name`."""
    report = _Report(name)
    try:
        doc = tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        report(f"file is not UTF-8 text ({exc.reason})")
        return None, report.problems
    except tomllib.TOMLDecodeError as exc:
        report(f"not valid TOML: {exc}")
        return None, report.problems
    if not _ID.match(lesson_id):
        report(f"the file's name {lesson_id!r} is no lesson id (lowercase letters, digits, -)")
    title = doc.get("title")
    if not isinstance(title, str) or not title.strip():
        report("the lesson has no 'title'")
        title = lesson_id
    entries = doc.get("stop")
    if not isinstance(entries, list) or not entries:
        report("the lesson has no [[stop]]")
        return None, report.problems
    stops = [s for i, e in enumerate(entries, 1) if (s := _stop(e, i, report)) is not None]
    return Lesson(lesson_id, title.strip(), tuple(stops), name), report.problems


def _stop(entry: object, number: int, report: _Report) -> Stop | None:
    if not isinstance(entry, dict):
        report("is not a table", number)
        return None
    if not any(entry.get(k) for k in ("title", "caption", "passages", "frame", "highlight")):
        report("the stop is empty", number)
        return None
    texts: dict[str, str] = {}
    for key in TEXTS:
        value = entry.get(key, "")
        if not isinstance(value, str):
            report(f"'{key}' is not text", number)
            value = ""
        texts[key] = value.strip()
    for key in ("title", "caption"):
        if not texts[key]:
            report(f"'{key}' is missing", number)
    if texts["question"] and not texts["answer"]:
        report("the question has no 'answer'", number)
    when = _when(entry, number, report)
    bounds = _bounds(entry.get("bounds"), number, report)
    lists = {k: _ids(entry.get(k, []), k, number, report)
             for k in ("frame", "highlight", "passages")}  # fmt: skip
    unknown = sorted(set(entry) - {*TEXTS, "date", "frame", "bounds", "highlight", "passages"})
    if unknown:
        report(f"unknown field(s) {', '.join(map(repr, unknown))}", number)
    if when is None or not texts["title"] or not texts["caption"]:
        return None
    return Stop(number, texts["title"], when, texts["caption"], lists["frame"], bounds,
                lists["highlight"], lists["passages"], texts["question"], texts["answer"],
                texts["note"])  # fmt: skip


def _when(entry: dict, number: int, report: _Report) -> dt.date | int | None:
    value = entry.get("date")
    if isinstance(value, bool) or value is None:
        report("'date' is missing (a day, 1945-08-20, or a year, 1945)", number)
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # a TOML date: date = 1945-08-20
    if isinstance(value, str) and _DAY.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    report(f"'date' {value!r} is no day (1945-08-20) or year (1945)", number)
    return None


def _bounds(value: object, number: int, report: _Report) -> Box | None:
    if value is None:
        return None
    try:
        corners: list = list(value)  # type: ignore[call-overload]
        s, w, n, e = (float(v) for corner in corners for v in corner)
        if len(corners) != 2:
            raise ValueError(value)
    except (TypeError, ValueError):
        report("'bounds' is not [[south, west], [north, east]]", number)
        return None
    if not (-90 <= s < n <= 90 and -180 <= w < e <= 180):
        report(f"'bounds' {value!r} is no box of latitudes and longitudes", number)
        return None
    return (s, w), (n, e)


def _ids(value: object, key: str, number: int, report: _Report) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(f"'{key}' is not a list of ids", number)
        return ()
    return tuple(v.strip() for v in value if v.strip())


def check_lessons(lessons: Iterable[Lesson], known: set[str] | None, passages: set[str] | None,
                  first: int, last: int) -> list[Problem]:  # fmt: skip
    """Each stop's day within the atlas (`first`..`last`), its ids among `known` (territories,
    groups, places, events) and its passages among `passages` (None: not known, so not
    checked: an edition whose events or essay could not be read)."""
    problems = []
    for lesson in lessons:
        report = _Report(lesson.file)
        for stop in lesson.stops:
            for message in _stop_problems(stop, known, passages, first, last):
                report(message, stop.number)
        problems += report.problems
    return problems


def _stop_problems(stop: Stop, known: set[str] | None, passages: set[str] | None, first: int,
                   last: int) -> list[str]:  # fmt: skip
    found = []
    if not first <= stop.year <= last:
        found.append(f"the date {stop.when} is outside the atlas ({first}–{last})")
    for key, ids in (("frame", stop.frame), ("highlight", stop.highlight)):
        for ref in ids:
            if known is not None and ref not in known:
                found.append(f"{key} names {ref!r}, which is no territory, place or event "
                             "of the atlas")  # fmt: skip
    for pid in stop.passages:
        if passages is not None and pid not in passages:
            found.append(f"passage {pid!r} is not in the essay")
    return found


def usable(lessons: Iterable[Lesson], known: set[str], passages: set[str], first: int,
           last: int) -> list[Lesson]:  # fmt: skip
    """The lessons as the atlas can show them (their problems are reported by check_lessons):
    a stop outside the atlas is left out and the rest renumbered; an id or passage the atlas
    does not have is left out of its stop, which still opens at its day with its caption."""
    out = []
    for lesson in lessons:
        kept = [s for s in lesson.stops if first <= s.year <= last]
        stops = tuple(
            replace(s, number=i, frame=tuple(r for r in s.frame if r in known),
                    highlight=tuple(r for r in s.highlight if r in known),
                    passages=tuple(p for p in s.passages if p in passages))
            for i, s in enumerate(kept, 1)
        )  # fmt: skip
        if stops:
            out.append(replace(lesson, stops=stops))
    return out


def lesson_id(text: str) -> str:
    """An id for a lesson's file from its title ("From Shimoda…" -> "from-shimoda")."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].strip("-")
    return slug or "my-lesson"


def lesson_toml(lesson: Lesson) -> str:
    """The lesson as its file (`lessons/<id>.toml`): what read_lesson reads back as the same
    lesson. Empty fields are left out."""
    stops = []
    for s in lesson.stops:
        entry: dict = {"title": s.title, "date": s.when}
        if s.frame:
            entry["frame"] = list(s.frame)
        if s.bounds:
            entry["bounds"] = [list(corner) for corner in s.bounds]
        for key in ("highlight", "passages"):
            if getattr(s, key):
                entry[key] = list(getattr(s, key))
        entry["caption"] = s.caption
        for key in ("question", "answer", "note"):
            if getattr(s, key):
                entry[key] = getattr(s, key)
        stops.append(entry)
    return tomli_w.dumps({"title": lesson.title, "stop": stops})
