"""The classroom: the teacher's console, the class that follows it, and the quiz.

A console is a Lesson view with a class code: after each run it publishes what it shows (the
day, the stop, the quiz) to the follow backend. A follower (the projector window, a student's
device, opened with `?class=CODE`) shows the class's latest moment: a small fragment looks
every FOLLOW_POLL seconds and reruns the page when the teacher has moved on. It is read-only
while it follows; "Explore on my own" lets go, "Follow again" returns to the teacher.
"""

from __future__ import annotations

import dataclasses
import time

import streamlit as st

from mapcore import quiz
from mapcore.web.stops import StopWire, quiz_wire

from . import components, lessons, state
from .edition import Edition
from .follow import FollowBackend, InMemory, Moment, Quiz

FOLLOW_POLL = 0.3  # seconds between a follower's looks: a stop reaches it well within 1 s


@st.cache_resource
def backend() -> FollowBackend:
    """This process's classes (one server: in memory; README, "Several servers")."""
    return InMemory()


def moment(c: state.Choices) -> Moment:
    in_lesson = c.view == "lesson" and c.lesson is not None
    return Moment(c.year, c.day, c.lesson if in_lesson else None, c.stop if in_lesson else None,
                  c.quiz)  # fmt: skip


def publish() -> None:
    """A console's run: the class sees what it shows (the same moment again is no news)."""
    c = state.choices()
    if c.teach and not c.following:
        backend().publish(c.teach, moment(c))


def catch_up() -> None:
    """A follower's run: take the class's latest moment, if it is new."""
    c = state.choices()
    if not (c.follow and c.following):
        return
    latest = backend().latest(c.follow)
    if latest is None or latest.version == c.seen:
        return
    m = latest.moment
    c.seen, c.year, c.day, c.playing, c.quiz = latest.version, m.year, m.day, False, m.quiz
    c.view = "lesson" if m.lesson else "atlas"
    if m.lesson:
        c.lesson, c.stop = m.lesson, m.stop or 1


def waiting() -> bool:
    """A follower whose class has not begun (or that this server does not have)."""
    c = state.choices()
    return bool(c.follow and c.following and backend().latest(c.follow) is None)


# -- the console ------------------------------------------------------------------------------


@state.guarded
def start_class() -> None:
    c = state.choices()
    c.teach = backend().new_code()
    c.since = time.time()
    publish()


@state.guarded
def end_class() -> None:
    state.choices().teach = None


# -- a follower --------------------------------------------------------------------------------


@state.guarded
def explore() -> None:
    state.choices().following = False


@state.guarded
def follow_again() -> None:
    c = state.choices()
    c.following, c.seen = True, 0  # the teacher's moment, at once


def poll(edition: Edition, following: bool) -> None:
    """The follower's fragment (run every FOLLOW_POLL s): a new moment of the teacher's is
    taken (catch_up) and handed to the browser at once (follow.js: the map, the essay, the
    caption and the day redraw there; a follower's page has no controls for Python to move,
    so the page does not rerun). The bridge is drawn at every look, the same until the
    teacher moves on (one removed between looks could go before a busy browser ran it). The
    page reruns only when it stopped or began following (`following`: as it was drawn), or
    when the class began."""
    c = state.choices()
    if c.following != following:
        st.rerun(scope="app")
    before = c.seen
    catch_up()
    if not before and c.seen:  # the class has begun: the page says so
        st.rerun(scope="app")
    m = moment(c)
    stop = edition.stops().get((m.lesson, m.stop)) if m.lesson and m.stop else None
    quiz_data = dict(quiz_wire(m.quiz.question, m.quiz.revealed)) if m.quiz else None
    components.follow_bridge(edition, c.seen, m.year, m.day, dict(stop) if stop else None,
                             quiz_data)  # fmt: skip


def followed_stop(edition: Edition) -> StopWire | None:
    """The stop a follower shows: the teacher's (the atlas's lessons; a teacher's own draft
    is theirs alone, so its stops show by their day only)."""
    c = state.choices()
    if c.view != "lesson" or not c.lesson:
        return None
    return edition.stops().get((c.lesson, c.stop))


# -- the quiz ----------------------------------------------------------------------------------


def offered(edition: Edition) -> list[quiz.Question]:
    """The questions the Quiz offers now: the stop's own first (in a lesson), then who held
    each territory on the day shown, then what changed between Compare's two years."""
    c = state.choices()
    found = []
    stop = lessons.stop(edition.atlas) if c.view == "lesson" else None
    written = quiz.stop_question(edition.atlas, stop) if stop is not None else None
    if written is not None and written.day == c.when():
        found.append(written)
    return found + list(edition.questions(c.when(), (c.left, c.right)))


@state.guarded
def ask(edition: Edition) -> None:
    """Ask the question chosen in the Quiz's list: the map shows its day, holders hidden."""
    chosen = offered(edition)[int(state.STATE["quiz-pick"])]
    c = state.choices()
    c.playing = False
    state.step_to(chosen.day.year)
    state.show_day(chosen.day)
    c.quiz = Quiz(chosen)


@state.guarded
def reveal() -> None:
    c = state.choices()
    if c.quiz is not None:
        c.quiz = dataclasses.replace(c.quiz, revealed=True)


@state.guarded
def end_quiz() -> None:
    state.choices().quiz = None


def drop_stale_quiz() -> None:
    """A quiz asks of one day: once the map shows another, it is over."""
    c = state.choices()
    if c.quiz is not None and c.quiz.question.day != c.when():
        c.quiz = None
