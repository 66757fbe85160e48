"""Every contact with Streamlit's own page, in one place, each with why.

The app touches Streamlit's page only through these: the browser's page.js gets the selectors
in its data (it keeps none of its own), the presenter CSS is made from them, and
tests/test_page_browser.py checks each one on the running app and names the one an upgrade
broke. Streamlit is pinned (pyproject.toml) to the range these were checked on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hook:
    selector: str
    why: str
    documented: bool  # a documented Streamlit contract (st-key classes), or its page's markup


HOOKS: dict[str, Hook] = {
    "slider": Hook(
        ".st-key-{key} input[type=range]",
        "the Year slider's native range input: its value follows every key and drag at once, "
        "so the map redraws before the server answers (a keyed widget carries st-key-KEY)",
        documented=False,
    ),
    "sliderValue": Hook(
        "aria-valuetext",
        "the attribute of that input the server's moves (Next change, Play) change",
        documented=False,
    ),
    "fitBox": Hook(
        "[class*='st-key-fit-']",
        "our keyed containers (st-key-KEY is documented): page.js fits them to the window",
        documented=True,
    ),
    "fitFrame": Hook(
        "iframe",
        "streamlit-folium draws the map in an iframe inside its container: it takes the box",
        documented=False,
    ),
    "header": Hook(
        '[data-testid="stHeader"]',
        "presenter mode hides Streamlit's header: Streamlit has no per-session setting for it",
        documented=False,
    ),
    "main": Hook(
        '[data-testid="stMainBlockContainer"]',
        "presenter mode takes the space the header leaves (theme padding is per app, not per "
        "session)",
        documented=False,
    ),
}

PRESENTER_CSS = (
    f"{HOOKS['header'].selector} {{ display: none !important; }}\n"
    f"{HOOKS['main'].selector} {{ padding-top: 0.5rem !important; }}\n"
)


def browser_hooks() -> dict[str, str]:
    """What page.js gets: each hook's selector, by name."""
    return {name: hook.selector for name, hook in HOOKS.items()}
