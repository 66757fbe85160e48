"""The atlas's fixed vocabulary: territory, controller and status ids, and dated display names.

The ids are part of the public API (the app, tests and outside checks use them), so they live in
code; the data may only use ids listed here, and the validator says so when it does not.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

ATLAS_START = dt.date(1850, 1, 1)

# The languages names are kept in, each named in itself (the label menu shows these).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ja": "日本語",
    "ru": "Русский",
    "zh": "中文",
    "ko": "한국어",
}
# What the map's labels can show: a language, or none.
LABEL_CHOICES: dict[str, str] = {**LANGUAGES, "off": "No labels"}

TERRITORIES: dict[str, str] = {
    "sakhalin-south": "Sakhalin south of 50°N",
    "sakhalin-north": "Sakhalin north of 50°N",
    "kurils-north": "Northern Kurils (Shumshu to Brat Chirpoyev)",
    "urup": "Urup",
    "iturup": "Iturup",
    "kunashir": "Kunashir",
    "shikotan": "Shikotan",
    "habomai": "Habomai Islands",
    "kwantung": "Kwantung (Port Arthur and Dalny)",
    "south-manchuria-railway": "South Manchuria Railway zone",
    "chinese-eastern-railway": "Chinese Eastern Railway zone",
    "manchuria": "Manchuria",
    "jehol": "Jehol (Rehe)",
    "korea": "Korea",
    "korea-north": "Korea north of the dividing line",
    "korea-south": "Korea south of the dividing line",
    "primorye": "Primorye (Ussuri krai)",
    "amur": "Amur (left bank)",
    "kiautschou": "Kiautschou Bay (Qingdao)",
}

STATUSES: dict[str, str] = {
    "sovereign": "held in its own right",
    "joint": "held jointly",
    "leased": "leased from the sovereign",
    "concession": "railway concession",
    "occupied": "military occupation",
    "protectorate": "protectorate",
    "puppet": "ruled through a client state",
    "contested": "war front, no settled control",
    "disputed": "administered, claimed by another state",
}

# Each controller's display names, as (first day, name) in date order.
_NAMES: dict[str, tuple[tuple[dt.date, str], ...]] = {
    "japan": (
        (ATLAS_START, "Tokugawa Japan"),
        (dt.date(1868, 1, 3), "Empire of Japan"),
        (dt.date(1947, 5, 3), "Japan"),
    ),
    "russia": (
        (ATLAS_START, "Russian Empire"),
        (dt.date(1917, 3, 15), "Russian Republic"),
        (dt.date(1917, 11, 7), "Soviet Russia"),
        (dt.date(1922, 12, 30), "Soviet Union"),
        (dt.date(1991, 12, 26), "Russian Federation"),
    ),
    "china": (
        (ATLAS_START, "Qing China"),
        (dt.date(1912, 2, 12), "Republic of China"),
        (dt.date(1949, 10, 1), "People's Republic of China"),
    ),
    "korea": ((ATLAS_START, "Joseon"), (dt.date(1897, 10, 13), "Korean Empire")),
    "north-korea": ((ATLAS_START, "Democratic People's Republic of Korea"),),
    "south-korea": ((ATLAS_START, "Republic of Korea"),),
    "usa": ((ATLAS_START, "United States"),),
    "germany": ((ATLAS_START, "German Empire"),),
    "far-eastern-republic": ((ATLAS_START, "Far Eastern Republic"),),
    "mongolia": ((ATLAS_START, "Mongolia"),),
}

CONTROLLERS: tuple[str, ...] = tuple(_NAMES)


def split_controller(controller: str) -> list[str]:
    """The single ids in a controller id (`japan+russia` -> ['japan', 'russia'])."""
    return controller.split("+")


def controller_problem(controller: str) -> str | None:
    """Why a controller id is not acceptable, or None when it is."""
    parts = split_controller(controller)
    unknown = [p for p in parts if p not in _NAMES]
    if unknown:
        return f"unknown controller {', '.join(map(repr, unknown))}"
    if len(set(parts)) != len(parts):
        return f"controller {controller!r} repeats an id"
    if parts != sorted(parts):
        expected = "+".join(sorted(parts))
        return f"joint controller {controller!r} must list ids alphabetically: {expected!r}"
    return None


def controller_name(controller: str, when: dt.date, status: str | None = None) -> str:
    """The display name of a controller on a date: the Russian Empire in 1900, the USSR in 1950.

    Joint controllers are joined with "and"; the sides of a war front with "vs".
    """
    names = []
    for part in split_controller(controller):
        dated = _NAMES[part]
        starts = [start for start, _ in dated]
        names.append(dated[max(bisect_right(starts, when) - 1, 0)][1])
    return (" vs " if status == "contested" else " and ").join(names)


def name_change_dates() -> list[dt.date]:
    """Every day on which some controller's display name changes."""
    return sorted({start for dated in _NAMES.values() for start, _ in dated[1:]})
