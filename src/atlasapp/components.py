"""The app's v2 components, each defined once per process by path (Streamlit serves their files
from the asset_dir declared in atlasapp/pyproject.toml): page.js, the bridge to Streamlit's
page, and panel.js, which draws one of mapcore.web's panels (the essay, the year's notes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from .edition import Edition
from .page_hooks import browser_hooks


@st.cache_resource
def _component(name: str, js: str):
    return st.components.v2.component(f"atlasapp.{name}", js=js)


def page_bridge(edition: Edition, sliders: list[str], present: bool, keys: bool,
                on_key: Callable[[], None]) -> None:  # fmt: skip
    """page.js: the sliders followed in the browser, boxes fitted to the window, keys sent
    here (`keys`: the atlas's keys step the Year; Compare has two years and leaves them)."""
    _component("page", "page.js")(
        data={"sliders": sliders, "present": present, "keys": keys, "hooks": browser_hooks(),
              "controller": edition.controller},
        key="page",
        on_key_change=on_key,
    )  # fmt: skip


def essay_panel(edition: Edition, year: int, present: bool, on_click: Callable[[], None]) -> None:
    panel = edition.essay
    _component("panel", "panel.js")(
        data={"panel": "essay", "module": panel.module, "controller": edition.controller,
              "url": panel.url, "style": panel.style, "year": year, "present": present},
        key="essay",
        on_clicked_change=on_click,
    )  # fmt: skip


def notes_panel(edition: Edition, year: int) -> None:
    panel = edition.notes
    _component("panel", "panel.js")(
        data={"panel": "notes", "module": panel.module, "controller": edition.controller,
              "url": panel.url, "style": panel.style, "year": year},
        key="year_notes",
    )  # fmt: skip


def triggered(key: str, name: str) -> Any:
    """The value a v2 component sent with trigger `name` (None if it has not yet)."""
    return getattr(st.session_state[key], name, None) if key in st.session_state else None
