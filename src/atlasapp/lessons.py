"""The Lesson view's choices: which lesson, which stop, and the actions that move between stops.

A stop opens at its day (the map, the essay, the notes follow); the Year slider still moves
inside a stop, and the stop stays until the teacher goes to another. → and ← (PageDown and
PageUp, from a clicker) go to the next and previous stop here, where they step the year
elsewhere.
"""

from __future__ import annotations

import mapcore
from mapcore.lessons import Lesson, Stop

from . import maker, state

NEXT_KEYS = ("ArrowRight", "PageDown")
PREVIOUS_KEYS = ("ArrowLeft", "PageUp")


def lesson(atlas: mapcore.Atlas) -> Lesson | None:
    """The lesson shown (the first of the atlas's when none is chosen; the teacher's draft,
    made in the app, by its id), or None if there is none."""
    c = state.choices()
    if c.lesson == maker.DRAFT_ID and (made := maker.draft_lesson()) is not None:
        return made
    found = atlas.lesson(c.lesson) if c.lesson else None
    return found or (atlas.lessons[0] if atlas.lessons else None)


def choosable(atlas: mapcore.Atlas) -> list[Lesson]:
    """The lessons the Lesson view offers: the atlas's, and the draft once it has a stop."""
    made = maker.draft_lesson()
    return [*atlas.lessons, *([made] if made else [])]


def stop(atlas: mapcore.Atlas) -> Stop | None:
    chosen = lesson(atlas)
    return chosen.stop(state.choices().stop) if chosen else None


def settle(atlas: mapcore.Atlas) -> None:
    """Once per session: the link's lesson and stop checked against the atlas, with a note for
    what it does not have; a stop opens at its own day unless the link names one."""
    c = state.choices()
    if c.settled:
        return
    c.settled = True
    link = state.STATE.get(state.LINKED)
    if c.lesson and atlas.lesson(c.lesson) is None:
        known = ", ".join(f"“{x.id}”" for x in atlas.lessons) or "none"
        c.notes.append(f"The atlas has no lesson “{c.lesson[:40]}” (its lessons: {known}); "
                       "showing the first.")  # fmt: skip
        c.lesson = None
    chosen = lesson(atlas)
    if chosen is None:
        if c.view == "lesson":
            c.notes.append("This atlas has no lessons; showing the atlas.")
            c.view = "atlas"
        c.lesson = None
        return
    if c.view != "lesson":
        return
    c.lesson = chosen.id
    if c.stop > len(chosen.stops):
        c.notes.append(f"The lesson has {len(chosen.stops)} stops; showing the last.")
    number = min(max(c.stop, 1), len(chosen.stops))
    if link is not None and link.dated:
        c.stop = number  # the link's own day, within its stop
    else:
        open_stop(atlas, number)


def open_stop(atlas: mapcore.Atlas, number: int) -> None:
    """Show stop `number` (clamped to the lesson's): its day, with Play and any quiz stopped."""
    chosen = lesson(atlas)
    if chosen is None:
        return
    c = state.choices()
    c.lesson = chosen.id
    c.stop = min(max(number, 1), len(chosen.stops))
    found = chosen.stop(c.stop)
    assert found is not None
    c.playing = False
    c.quiz = None
    state.step_to(found.year)
    state.show_day(found.day)


@state.guarded
def next_stop(atlas: mapcore.Atlas) -> None:
    """The next stop; at the last, nothing (a clicker pressed once too often changes nothing)."""
    chosen = lesson(atlas)
    if chosen is not None and state.choices().stop < len(chosen.stops):
        open_stop(atlas, state.choices().stop + 1)


@state.guarded
def previous_stop(atlas: mapcore.Atlas) -> None:
    if state.choices().stop > 1:
        open_stop(atlas, state.choices().stop - 1)


@state.guarded
def stop_chosen(atlas: mapcore.Atlas) -> None:
    """The stop list's choice (its widget holds the number)."""
    open_stop(atlas, int(state.STATE["stop-list"]))


@state.guarded
def lesson_chosen(atlas: mapcore.Atlas) -> None:
    state.choices().lesson = state.STATE["lesson-list"]
    open_stop(atlas, 1)


def stop_key(atlas: mapcore.Atlas, key: str) -> bool:
    """A key in the Lesson view: → / ← and the clicker's keys move between stops (True);
    every other key is the atlas's."""
    if key in NEXT_KEYS:
        next_stop(atlas)
        return True
    if key in PREVIOUS_KEYS:
        previous_stop(atlas)
        return True
    return False
