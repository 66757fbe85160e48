"""Lessons and quizzes on the wire: each stop as the browser shows it, its ids already resolved
to what the map draws (territories, places, events), and a quiz's question; texts plain (the
browser sets textContent).

The app sends the stop shown with each run (page.js hands it to the controller); the pack
carries every lesson. Either way the map frames and marks what the stop names, the essay
marks the stop's passages and the lesson panel shows its caption, from the same `StopWire`.
"""

from __future__ import annotations

from typing import TypedDict

from ..atlas import Atlas
from ..lessons import Lesson, Stop
from ..quiz import Question, holder_question, stop_question, stop_territories
from ..story import full_day
from .wire import RefWire, all_refs


class StopWire(TypedDict):
    lesson: str  # the lesson's id
    number: int  # 1-based
    of: int  # how many stops the lesson has
    title: str
    year: int
    date: str | None  # YYYY-MM-DD; None: the bare year (its 31 December)
    when: str  # "8 May 1895", or "1905"
    caption: str
    frame: RefWire  # what the map frames (empty with `bounds`)
    bounds: list[list[float]] | None  # [[south, west], [north, east]]
    highlight: RefWire
    passages: list[str]
    question: str
    answer: str
    note: str  # the teacher's: the console shows it, the projector and the pack's class view not
    next: str  # the next stop's title ("" at the last)
    quizzes: list[QuizWire]  # what the pack's Quiz offers at the stop (the app asks Python)


class LessonWire(TypedDict):
    id: str
    title: str
    stops: list[StopWire]


def _resolved(table: dict[str, RefWire], ids: tuple[str, ...]) -> RefWire:
    """What `ids` name together, each once, in the order named."""
    found = [table[ref] for ref in ids if ref in table]
    return {
        "territories": list(dict.fromkeys(t for r in found for t in r["territories"])),
        "places": list(dict.fromkeys(i for r in found for i in r["places"])),
        "events": list(dict.fromkeys(i for r in found for i in r["events"])),
    }


def stop_wire(atlas: Atlas, lesson: Lesson, stop: Stop,
              table: dict[str, RefWire] | None = None) -> StopWire:  # fmt: skip
    """One stop, as the map, the essay and the lesson panel show it."""
    table = table if table is not None else all_refs(atlas)
    following = lesson.stop(stop.number + 1)
    return {
        "lesson": lesson.id,
        "number": stop.number,
        "of": len(lesson.stops),
        "title": stop.title,
        "year": stop.year,
        "date": stop.day.isoformat() if stop.day else None,
        "when": full_day(stop.day) if stop.day else str(stop.year),
        "caption": stop.caption,
        "frame": _resolved(table, stop.frame),
        "bounds": [list(corner) for corner in stop.bounds] if stop.bounds else None,
        "highlight": _resolved(table, stop.highlight),
        "passages": list(stop.passages),
        "question": stop.question,
        "answer": stop.answer,
        "note": stop.note,
        "next": following.title if following else "",
        "quizzes": [quiz_wire(q, False) for q in stop_quizzes(atlas, stop)],
    }


STOP_HOLDERS = 3  # "who held it?" questions a stop offers, besides its own


def stop_quizzes(atlas: Atlas, stop: Stop) -> list[Question]:
    """A stop's questions: its own, then who held each territory it highlights, on its day."""
    own = stop_question(atlas, stop)
    hidden = own.hidden if own else stop_territories(atlas, stop)
    held = [q for t in hidden[:STOP_HOLDERS] if (q := holder_question(atlas, t, stop.when))]
    return ([own] if own else []) + held


def lessons_data(atlas: Atlas) -> list[LessonWire]:
    """Every lesson of the atlas, stop by stop (the pack carries them all)."""
    table = all_refs(atlas)
    return [{"id": lesson.id, "title": lesson.title,
             "stops": [stop_wire(atlas, lesson, s, table) for s in lesson.stops]}
            for lesson in atlas.lessons]  # fmt: skip


class QuizWire(TypedDict):
    question: str
    day: str  # YYYY-MM-DD: the day the map shows while it is asked
    hidden: list[str]  # territories drawn grey, "?", until revealed
    choices: list[str]
    answer: str
    detail: str
    revealed: bool
    card: str | None  # YYYY-MM-DD: the change whose card the reveal shows


def quiz_wire(question: Question, revealed: bool) -> QuizWire:
    return {
        "question": question.text,
        "day": question.day.isoformat(),
        "hidden": list(question.hidden),
        "choices": list(question.choices),
        "answer": question.answer,
        "detail": question.detail,
        "revealed": revealed,
        "card": question.card.isoformat() if question.card else None,
    }
