"""The app's v2 components, each defined once per process by path (Streamlit serves their files
from the asset_dir declared in atlasapp/pyproject.toml): page.js, the bridge to Streamlit's
page, and panel.js, which draws one of mapcore.web's panels (the essay, the year's notes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from mapcore.web.publish import PanelFiles

from .edition import Edition
from .page_hooks import browser_hooks


@st.cache_resource
def _component(name: str, js: str):
    return st.components.v2.component(f"atlasapp.{name}", js=js)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def page_bridge(edition: Edition, sliders: list[str], present: bool, keys: bool,
                day: dt.date | None, handled: list[float], on_key: Callable[[], None],
                on_day: Callable[[], None], shared: dict | None = None,
                year: int | None = None) -> None:  # fmt: skip
    """page.js: the sliders followed in the browser, boxes fitted to the window, keys and day
    steps sent here (`keys`: the atlas's keys step the Year; Compare has two years and leaves
    them); `day` the Year's day that Python keeps (None: the bare year); `handled` the numbers
    of the keys and days handled lately (page.js sends again what is not among them);
    `shared` what every part of the page follows besides the year (a lesson's "stop", a
    "quiz"; none: neither); `year` the Year's year where no slider shows it."""
    _component("page", "page.js")(
        data={"sliders": sliders, "present": present, "keys": keys, "hooks": browser_hooks(),
              "controller": edition.controller, "date": _iso(day), "notes": edition.notes.url,
              "handled": handled, "shared": {"stop": None, "quiz": None, **(shared or {})},
              "year": year},
        key="page",
        on_key_change=on_key,
        on_day_change=on_day,
    )  # fmt: skip


def _panel(panel: PanelFiles, edition: Edition, name: str, year: int, day: dt.date | None,
           **data) -> dict:  # fmt: skip
    return {
        "panel": name,
        "module": panel.module,
        "controller": edition.controller,
        "url": panel.url,
        "style": panel.style,
        "year": year,
        "date": _iso(day),
        **data,
    }


def essay_panel(edition: Edition, year: int, day: dt.date | None, present: bool,
                on_click: Callable[[], None]) -> None:  # fmt: skip
    _component("panel", "panel.js")(
        data=_panel(edition.essay, edition, "essay", year, day, present=present),
        key="essay",
        on_clicked_change=on_click,
    )


def notes_panel(edition: Edition, year: int, day: dt.date | None) -> None:
    _component("panel", "panel.js")(
        data=_panel(edition.notes, edition, "notes", year, day), key="year_notes"
    )


def days_panel(edition: Edition, year: int, day: dt.date | None, readonly: bool = False) -> None:
    """The day steps of the Year's year, under the controls (one row: nothing moves);
    `readonly`: shown, not chosen (a follower's page)."""
    _component("panel", "panel.js")(
        data=_panel(edition.days, edition, "days", year, day, readonly=readonly), key="days"
    )


def lesson_panel(edition: Edition, stop: dict | None, quiz: dict | None, console: bool,
                 class_code: str | None, since: float | None) -> None:  # fmt: skip
    """The stop's caption (and a quiz); on the teacher's console also the note, the next stop,
    a clock and the class code (`since`: when the class began, seconds since the epoch)."""
    _component("panel", "panel.js")(
        data={"panel": "lesson", "module": edition.lesson.module, "style": edition.lesson.style,
              "controller": edition.controller, "stop": stop, "quiz": quiz,
              "console": console, "classCode": class_code,
              "since": int(since * 1000) if since else None},
        key="lesson",
    )  # fmt: skip


def follow_bridge(edition: Edition, version: int, year: int, day: dt.date | None,
                  stop: dict | None, quiz: dict | None) -> None:  # fmt: skip
    """follow.js: a follower's browser takes the teacher's moment (version `version`) at once."""
    _component("follow", "follow.js")(
        data={"controller": edition.controller, "version": version, "year": year,
              "date": _iso(day), "stop": stop, "quiz": quiz},
        key="follow",
    )  # fmt: skip


def add_stop_button(edition: Edition, label: str, on_add: Callable[[], None]) -> None:
    """addstop.js: a button that sends the map's frame ("view") with its click."""
    _component("addstop", "addstop.js")(
        data={"controller": edition.controller, "label": label}, key="add-stop",
        on_add_change=on_add,
    )  # fmt: skip


def triggered(key: str, name: str) -> Any:
    """The value a v2 component sent with trigger `name` (None if it has not yet)."""
    return getattr(st.session_state[key], name, None) if key in st.session_state else None
