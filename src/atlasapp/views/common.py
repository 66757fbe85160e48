"""What the views share: the settings the page decided, and the page's bridge and keys."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import streamlit as st

from mapcore.web.wire import StepMessage

from .. import classroom, components, lessons, state
from ..edition import Edition

MAP_HEIGHT = 560  # before page.js fits the map to the window (and in AppTest)


@dataclass(frozen=True)
class Settings:
    """What the app-level run decided, handed to the view's fragment."""

    lang: str = "en"
    tiles: dict | None = None
    present: bool = False
    view: str = "atlas"
    following: bool = False  # a follower's page: read-only, the teacher moves it


def follow_app_level(settings: Settings) -> None:
    """A key or button in the fragment changed an app-level choice: rerun the whole page."""
    classroom.drop_stale_quiz()  # whichever view moved the day
    c = state.choices()
    if c.present != settings.present or state.shown_view(c) != settings.view:
        st.rerun(scope="app")
    state.say_notes()


def page_bridge(edition: Edition, sliders: list[str], present: bool, keys: bool = True,
                day: dt.date | None = None, shared: dict | None = None,
                lesson: bool = False, year: int | None = None) -> None:  # fmt: skip
    """The browser's controller bound to the page (`keys`: the atlas's keys and day steps
    move the Year; Compare has two years and leaves them alone; `day`: the Year's day;
    `shared`: the stop and quiz the page follows; `lesson`: → and ← move between stops;
    `year`: the Year's year where no slider shows it, the projector's)."""
    components.page_bridge(edition, sliders, present, keys, day, state.choices().handled,
                           on_key=functools.partial(_key, edition, lesson), on_day=_day,
                           shared=shared, year=year)  # fmt: skip


def _key(edition: Edition, lesson: bool) -> None:
    what = state.first_time(components.triggered("page", "key"))
    if what is None:
        return
    if lesson and lessons.stop_key(edition.atlas, what):
        return
    state.key_pressed(edition.atlas, what)


def _day() -> None:
    what = state.first_time(components.triggered("page", "day"))
    if what is not None:
        state.day_chosen(what)


def step(year: int, day: dt.date | None, settings: Settings) -> StepMessage:
    """The map's step message: the year, the day (if one is chosen) and the settings."""
    return {"year": year, "date": day.isoformat() if day else None, "lang": settings.lang,
            "tiles": settings.tiles}  # fmt: skip
