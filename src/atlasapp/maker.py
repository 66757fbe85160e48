"""A lesson made in the app: the teacher's draft, built stop by stop from what the map shows.

"Add this view as a stop" takes the day shown and the map's frame (the browser reports it);
each stop's texts are edited in place, stops are moved and removed, and the draft downloads as
a lesson file (`lessons/<id>.toml`, read back by the same reader as the atlas's own). A file
loaded back is checked first, as `mapcore validate` checks one: with problems it is not taken,
and each is listed with the file, the stop and the problem. The draft shows in the Lesson view
as "Your lesson", and can be taught like any other.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

import mapcore
from mapcore.lessons import Lesson, Stop, check_lessons, lesson_id, read_lesson_bytes
from mapcore.model import Problem
from mapcore.story import full_day
from mapcore.web.wire import all_refs

from . import state

DRAFT_ID = "your-lesson"  # the draft's id in the Lesson view (never a file's)
DRAFT_KEY = "atlas:draft"  # the draft lives under a key of ours: it outlives every widget
TEXTS = ("title", "caption", "question", "answer", "note")


@dataclass
class Draft:
    title: str = "My lesson"
    stops: list[Stop] = field(default_factory=list)
    selected: int = 1  # the stop being edited, 1-based
    problems: list[Problem] = field(default_factory=list)  # of the file last loaded
    loaded: str = ""  # what the last load said
    revision: int = 0  # rises when the stops change other than by their own fields

    def lesson(self) -> Lesson:
        stops = tuple(replace(s, number=i) for i, s in enumerate(self.stops, 1))
        return Lesson(DRAFT_ID, self.title.strip() or "My lesson", stops,
                      f"lessons/{self.file_id()}.toml")  # fmt: skip

    def file_id(self) -> str:
        return lesson_id(self.title)


def draft() -> Draft:
    if DRAFT_KEY not in state.STATE:
        state.STATE[DRAFT_KEY] = Draft()
    return state.STATE[DRAFT_KEY]


def draft_lesson() -> Lesson | None:
    """The draft as a lesson the Lesson view can show (None while it has no stop)."""
    d = state.STATE.get(DRAFT_KEY)
    return d.lesson() if d is not None and d.stops else None


def _bounds(value: str) -> tuple[tuple[float, float], tuple[float, float]] | None:
    try:
        (s, w), (n, e) = json.loads(value)
        box = (round(float(s), 2), round(float(w), 2)), (round(float(n), 2), round(float(e), 2))
    except (TypeError, ValueError):
        return None
    return box if -90 <= box[0][0] < box[1][0] <= 90 and box[0][1] < box[1][1] else None


@state.guarded
def add_view(atlas: mapcore.Atlas, view: str) -> None:
    """A stop of what the map shows: its day, the map's frame (`view`: the browser's
    [[south, west], [north, east]]), and the year's first passage, ready to be captioned."""
    c, d = state.choices(), draft()
    when: dt.date | int = c.day or c.year
    focus = atlas.selection(c.year).focus
    title = full_day(c.day) if c.day else str(c.year)
    d.stops.append(Stop(len(d.stops) + 1, title, when, "", bounds=_bounds(view),
                        passages=(focus,) if focus else ()))  # fmt: skip
    d.selected = len(d.stops)
    d.revision += 1


def selected() -> Stop | None:
    d = draft()
    return d.stops[d.selected - 1] if 1 <= d.selected <= len(d.stops) else None


@state.guarded
def edit(key: str) -> None:
    """A field of the stop being edited changed (its widget is `draft-<key>`)."""
    d, stop = draft(), selected()
    if stop is None:
        return
    value = state.STATE[f"draft-{key}"]
    changes: dict[str, object] = {}
    if key in TEXTS:
        changes[key] = str(value).strip()
    elif key in ("highlight", "passages"):
        changes[key] = tuple(value)
    d.stops[d.selected - 1] = replace(stop, **changes)  # type: ignore[arg-type]


@state.guarded
def move(by: int) -> None:
    d = draft()
    i, j = d.selected - 1, d.selected - 1 + by
    if 0 <= i < len(d.stops) and 0 <= j < len(d.stops):
        d.stops[i], d.stops[j] = d.stops[j], d.stops[i]
        d.selected = j + 1
        d.revision += 1


@state.guarded
def remove() -> None:
    d = draft()
    if 1 <= d.selected <= len(d.stops):
        del d.stops[d.selected - 1]
        d.selected = max(1, min(d.selected, len(d.stops)))
        d.revision += 1


@state.guarded
def pick() -> None:
    d = draft()
    d.selected = int(state.STATE["draft-pick"])
    d.revision += 1


@state.guarded
def retitle() -> None:
    draft().title = str(state.STATE["draft-lesson-title"]).strip() or "My lesson"


@state.guarded
def teach() -> None:
    """Open the draft in the Lesson view, at the stop being edited."""
    c, d = state.choices(), draft()
    stop = selected()
    if stop is None:
        return
    c.view, c.lesson, c.stop, c.playing, c.quiz = "lesson", DRAFT_ID, d.selected, False, None
    state.step_to(stop.year)
    state.show_day(stop.day)


def check_file(atlas: mapcore.Atlas, name: str, content: bytes
               ) -> tuple[Lesson | None, list[Problem]]:  # fmt: skip
    """A lesson file a teacher loads, read and checked as the validator checks one."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".toml")
    lesson, problems = read_lesson_bytes(content, lesson_id(stem), f"lessons/{stem}.toml")
    if lesson is not None:
        problems += check_lessons([lesson], set(all_refs(atlas)),
                                  {p.id for p in atlas.passages(None)}, state.FIRST,
                                  state.LAST)  # fmt: skip
    return lesson, problems


def load_file(atlas: mapcore.Atlas, name: str, content: bytes) -> None:
    """Take a loaded file as the draft, if it is clean; else list its problems."""
    d = draft()
    lesson, problems = check_file(atlas, name, content)
    d.problems = problems
    if problems or lesson is None:
        d.loaded = f"{name} was not loaded: fix its problems and load it again."
        return
    d.title, d.stops, d.selected = lesson.title, list(lesson.stops), 1
    d.revision += 1
    d.loaded = f"Loaded {name}: “{lesson.title}”, {len(lesson.stops)} stops."
