"""One colour per power, the same everywhere, safe for colour-blind viewers (Okabe–Ito)."""

from __future__ import annotations

from .vocab import split_controller

COLOURS: dict[str, str] = {
    "japan": "#D55E00",  # vermillion
    "russia": "#0072B2",  # blue
    "china": "#E69F00",  # orange
    "korea": "#009E73",  # bluish green
    "north-korea": "#CC79A7",  # reddish purple
    "south-korea": "#56B4E9",  # sky blue
    "usa": "#5A5A5A",  # dark grey
    "germany": "#1A1A1A",  # black
    "far-eastern-republic": "#8FB8DE",  # light blue: a Russian state
    "mongolia": "#F0E442",  # yellow
}
LAND = "#F4F1EA"
SEA = "#DCE8F2"
OUTLINE = "#333333"


def colours(controller: str) -> list[str]:
    """The colours of a controller id, one per state in a joint id."""
    return [COLOURS[c] for c in split_controller(controller)]
