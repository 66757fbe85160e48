"""What the map frames first and what it names first: the rules the browser only looks up.

The starting view is the subject (Sakhalin and every Kuril island, Korea, Manchuria and Jehol,
Port Arthur, Japan's north), fitted to whatever frame the map has; the map never zooms out
past the land layer's edges. Labels are placed by rank: when two would collide, the lower one
is moved, shortened or left out, so the places the essay turns on are named first.
"""

from __future__ import annotations

import re
from typing import TypedDict

HOME = ((33.6, 116.0), (54.6, 156.6))  # south-west, north-east: the subject
CLIP = ((25.0, 95.0), (63.0, 170.0))  # the land layer's extent (Natural Earth, clipped)
# North of the clip, 63–69°N from 95°E to 170°E is all land (the Arctic coast lies further
# north): drawn as plain land, it lets a tall frame stay full of land without a straight edge.
BEYOND = (((63.0, 95.0), (69.0, 170.0)),)
LAND = ((CLIP[0][0], CLIP[0][1]), (BEYOND[0][1][0], CLIP[1][1]))  # where the frame may go
MIN_ZOOM, MAX_ZOOM = 2, 9

TERRITORY_RANK = {
    "sakhalin-south": 92,
    "sakhalin-north": 90,
    "korea": 88,
    "korea-north": 88,
    "korea-south": 88,
    "manchuria": 86,
    "kurils-north": 84,
    "iturup": 80,
    "primorye": 74,
    "amur": 72,
    "urup": 66,
    "kunashir": 64,
    "jehol": 62,
    "kwantung": 58,
    "liaodong": 56,
    "shikotan": 40,
    "habomai": 38,
    "kiautschou": 30,
    "south-manchuria-railway": 20,
    "chinese-eastern-railway": 20,
}
PLACE_RANK = {
    "port-arthur": 96,  # the war's prize: named before anything near it
    "southern-kurils": 82,
    "vladivostok": 60,
    "seoul": 58,
    "tokyo": 58,
    "dalian": 52,
    "harbin": 50,
    "mukden": 50,
    "beijing": 48,
    "changchun": 46,
    "yuzhno-sakhalinsk": 44,
    "pyongyang": 44,
    "hakodate": 40,
}
DEFAULT_RANK = 30
NAMED_FROM = 44  # places ranked lower are named only from zoom 5 on (no clutter at the start)
# A label for a group of islands gives way to the islands' own names when zoomed in.
PLACE_MAX_ZOOM = {"southern-kurils": 6.0}
_PARENTHESIS = re.compile(r"\s*[(（].*?[)）]\s*|\s+/\s+.*$")


CENTER = (45.5, 131.0)  # before the map is fitted: Lake Baikal's meridian to Kamchatka
ZOOM = 4


class ViewWire(TypedDict):
    center: list[float]
    zoom: float
    home: list[list[float]]
    land: list[list[float]]
    beyond: list[list[list[float]]]
    minZoom: float
    maxZoom: float


def view() -> ViewWire:
    """The map's starting view and zoom limits, as the browser takes them."""
    return {
        "center": list(CENTER),
        "zoom": ZOOM,
        "home": [list(HOME[0]), list(HOME[1])],
        "land": [list(LAND[0]), list(LAND[1])],
        "beyond": [[list(sw), list(ne)] for sw, ne in BEYOND],
        "minZoom": MIN_ZOOM,
        "maxZoom": MAX_ZOOM,
    }


def territory_rank(territory: str) -> int:
    return TERRITORY_RANK.get(territory, DEFAULT_RANK)


def place_rank(key: str) -> int:
    return PLACE_RANK.get(key, DEFAULT_RANK)


def place_min_zoom(key: str) -> float | None:
    return None if place_rank(key) >= NAMED_FROM else 5.0


def short_label(name: str) -> str:
    """A name without its parenthesis or its second form ("Ryojun (Port Arthur)" -> "Ryojun",
    "Southern Kurils / Northern Territories" -> "Southern Kurils"), for a crowded map."""
    short = _PARENTHESIS.sub(" ", name).strip()
    return short or name
