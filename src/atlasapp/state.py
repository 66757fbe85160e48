"""What the teacher chose, kept under the app's own session key, so that it outlives widgets.

Streamlit drops a widget's key from the session in any run that does not draw the widget (the
atlas's slider while Compare is shown, the view switch in presenter mode), and two elements may
never share a key. So every choice lives in one `Choices` under a key of ours, and each widget
is only a view of one field: `bound(field)` hands the widget its value before it is drawn and
copies it back when the teacher changes it. The actions below are the widgets' callbacks; none
of them can put a traceback in front of a class.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict

import streamlit as st

import mapcore
from mapcore.links import Link, link_params, parse_link

from . import SESSION_KEY
from .follow import Quiz

FIRST, LAST = mapcore.ATLAS_START.year, dt.date.today().year
SPEEDS = {"Slow: 2 s a year": 2.0, "Normal: 1 s a year": 1.0, "Fast: 0.4 s a year": 0.4}
OFFLINE = "Off: the atlas's own land (works offline)"
STATE = st.session_state
ACTED = "atlas:acted"  # set by every callback, so a timer tick knows a run was the teacher's
LINKED = "atlas:link"  # the link the session opened with (the lesson view settles it)
LOG = logging.getLogger("atlas")


@dataclass
class Choices:
    """Everything the teacher chose, from the link and the widgets."""

    year: int
    left: int
    right: int
    view: str
    present: bool
    lang: str
    speed: str = "Normal: 1 s a year"
    tiles: str = OFFLINE
    playing: bool = False
    timer: bool = False  # whether the atlas view's fragment is running on a timer
    day: dt.date | None = None  # a day of `year` chosen (None: the bare year, its 31 December)
    handled: list[float] = field(default_factory=list)  # numbers of the keys and days page.js
    # sent lately that were acted on (page.js sends again those it does not see here)
    notes: list[str] = field(default_factory=list)  # the link's notes, and any failed action
    lesson: str | None = None  # the lesson shown in the Lesson view (an id of the atlas's)
    stop: int = 1  # its stop, 1-based
    quiz: Quiz | None = None  # a quiz on the map: controllers hidden until revealed
    teach: str | None = None  # the class code this console publishes to
    since: float | None = None  # when the console's class began (time.time())
    follow: str | None = None  # the class code this page follows
    following: bool = False  # False: a follower exploring on their own
    seen: int = 0  # the version of the class's moment this page last showed
    settled: bool = False  # the link's lesson and class checked against the atlas

    def link(self) -> Link:
        return Link(self.year, self.left, self.right, self.view, self.present, self.lang,
                    self.day, lesson=self.lesson, stop=self.stop, teach=self.teach,
                    follow=self.follow if self.following else None)  # fmt: skip

    def when(self) -> dt.date:
        """The day shown: the chosen day, or the year's reference day."""
        return self.day or mapcore.reference_day(self.year)


def shown_view(c: Choices) -> str:
    """The view drawn: presenter mode shows the atlas, or the lesson if one is open."""
    if c.present:
        return "lesson" if c.view == "lesson" else "atlas"
    return c.view


def choices() -> Choices:
    """This session's choices, made from the link on its first run."""
    if SESSION_KEY not in STATE:
        params = {k: st.query_params.get_all(k) for k in st.query_params}
        link = parse_link(params, FIRST, LAST)
        STATE[SESSION_KEY] = Choices(link.year, link.left, link.right, link.view, link.present,
                                     link.lang, day=link.day, notes=list(link.notes),
                                     lesson=link.lesson, stop=link.stop or 0,
                                     teach=link.teach, follow=link.follow,
                                     following=link.follow is not None)  # fmt: skip
        STATE[LINKED] = link
    return STATE[SESSION_KEY]


HANDLED_KEPT = 32  # far more than can be on the way at once


def first_time(sent: str | None) -> str | None:
    """What a key or day page.js sent says ("value:number:try"), the first time its number
    comes; None for one already acted on (page.js sends again what it thinks was lost)."""
    if not sent:
        return None
    parts = sent.split(":")
    what, numbers = parts[0], parts[1:2]
    try:
        seq = float(numbers[0]) if numbers else None
    except ValueError:
        seq = None
    if seq is None:
        return sent  # no number: take it as it is
    c = choices()
    if seq in c.handled:
        return None
    c.handled = [*c.handled[-(HANDLED_KEPT - 1) :], seq]
    return what


def say_notes() -> None:
    """Show the link's notes, and any action that failed, once each (a toast: no layout shift)."""
    notes = choices().notes
    for note in notes:
        st.toast(note, icon=":material/info:", duration="long")
    notes.clear()


class Bound(TypedDict):
    """What `bound` hands a widget: its key, and the callback that keeps the choice."""

    key: str
    on_change: Callable[..., None]
    args: tuple[str]


def bound(name: str) -> Bound:
    """The key and callback for the widget of choice `name` (its key is the field's name; the
    browser finds the Year sliders by theirs), its value set from the choice.

    Setting a widget's key before the widget is drawn is how Streamlit lets an app move it;
    a key that was dropped while the widget was away is restored the same way.
    """
    value = getattr(choices(), name)
    if name not in STATE or STATE[name] != value:
        STATE[name] = value
    return {"key": name, "on_change": _commit, "args": (name,)}


def write_link() -> None:
    """Make the page's address the link that reopens what is shown (only if it differs)."""
    params = link_params(choices().link())
    if {k: st.query_params.get_all(k) for k in st.query_params} != {
        k: [v] for k, v in params.items()
    }:
        st.query_params.from_dict(params)


# -- actions: the widgets' callbacks ---------------------------------------------------------


def guarded(action):
    """A callback that never shows a traceback to the class: it logs and leaves a note."""

    @functools.wraps(action)
    def run(*args, **kwargs):
        STATE[ACTED] = True  # this run answers the teacher: Play does not step in it
        try:
            action(*args, **kwargs)
        except Exception:
            LOG.exception("action %s failed", action.__name__)
            choices().notes.append("That did not work; the map is as it was.")

    return run


@guarded
def _commit(name: str) -> None:
    """A widget changed: its value becomes the choice."""
    value = STATE[name]
    if value is None:  # a switch with nothing selected keeps the last choice
        return
    setattr(choices(), name, value)
    if name == "year":  # the slider shows a year: its outcome, not a day of it
        choices().day = None
    if name in ("year", "view", "present"):  # the teacher moved on: Play stops
        choices().playing = False


@guarded
def step_to(year: int) -> None:
    c = choices()
    c.year = min(max(int(year), FIRST), LAST)
    c.day = None


def show_day(day: dt.date | None) -> None:
    """Show `day` (None: stay on the year's outcome); a year's 31 December is the bare year."""
    if day is None:
        return
    c = choices()
    c.year = min(max(day.year, FIRST), LAST)
    c.day = day if day.year == c.year and day != mapcore.reference_day(day.year) else None


@guarded
def day_chosen(value: str) -> None:
    """A day step chosen on the page (page.js sends "YYYY-MM-DD", or "YYYY" for the bare year)."""
    c = choices()
    c.playing = False
    if value.isdigit():
        step_to(int(value))
    else:
        show_day(dt.date.fromisoformat(value))


@guarded
def previous_change_day(atlas: mapcore.Atlas) -> None:
    choices().playing = False
    show_day(atlas.previous_change_day(choices().when()))


@guarded
def next_change_day(atlas: mapcore.Atlas) -> None:
    choices().playing = False
    show_day(atlas.next_change_day(choices().when()))


def play_step(atlas: mapcore.Atlas) -> None:
    """Play's step: on a day, the year's next day step (the last is the bare year); from the
    bare year, the next year (the pack's Play, in pack.js, does the same)."""
    c = choices()
    later = [d for d in atlas.day_steps(c.year) if c.day and d > c.day]
    if later:
        show_day(later[0])
    elif c.year >= LAST:
        c.playing = False
    else:
        c.year += 1
        c.day = None


@guarded
def previous_change(atlas: mapcore.Atlas) -> None:
    choices().playing = False
    step_to(atlas.previous_change(choices().year))


@guarded
def next_change(atlas: mapcore.Atlas) -> None:
    choices().playing = False
    step_to(atlas.next_change(choices().year))


@guarded
def toggle_play() -> None:
    c = choices()
    c.playing = not c.playing
    if c.playing and c.year >= LAST and c.day is None:
        step_to(FIRST)


@guarded
def set_present(on: bool) -> None:
    choices().present = on
    choices().playing = False


def timer_step() -> bool:
    """Whether this run is Play's timer (not the teacher acting): then it moves one year on."""
    return not STATE.pop(ACTED, False)


@guarded
def key_pressed(atlas: mapcore.Atlas, key: str) -> None:
    """A key pressed anywhere on the page (or in the map): page.js names it."""
    c = choices()
    if key == "ArrowLeft":
        c.playing = False
        step_to(c.year - 1)
    elif key == "ArrowRight":
        c.playing = False
        step_to(c.year + 1)
    elif key == "PageUp":  # what presentation clickers send
        previous_change(atlas)
    elif key == "PageDown":
        next_change(atlas)
    elif key == "[":
        previous_change_day(atlas)
    elif key == "]":
        next_change_day(atlas)
    elif key == "Escape" and c.present:
        set_present(False)
