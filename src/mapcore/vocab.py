"""The atlas's one vocabulary: territories, powers, statuses, event kinds, languages, the CRS.

What the app, the chart, the map and the pack call a thing, and how they draw it, is defined
here once; the browser gets it in its data (mapcore.web.wire) and keeps no list of its own.

The ids are part of the public API (the app, tests and outside checks use them), so they live in
code; the data may only use ids listed here, and the validator says so when it does not.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

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
    "liaodong": "Southern Fengtian north of Kwantung (the Liaodong cession of 1895)",
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


@dataclass(frozen=True)
class Pattern:
    """How the map fills a status: plain, stripes or dots in the holders' colours.

    Stripes are bands of `width` px in each holder's colour, each followed by `gap_width` px of
    `gap`, turned by `angle`; `pair` gives a single holder a white partner band, `repeat` a
    second band of its own colour; `cross` adds the bands at right angles (a hatch);
    `claim_width` ends each repeat with a thread of the claimant's colour.
    """

    kind: str = "plain"  # plain, stripes, dots
    angle: int = 0
    width: float = 0
    gap: str = ""
    gap_width: float = 0
    pair: bool = False
    repeat: bool = False
    cross: bool = False
    claim_width: float = 0


@dataclass(frozen=True)
class Outline:
    """A status's outline: `colour` "" means the holder's own colour, darkened."""

    colour: str = ""
    weight: float = 1.2
    dash: str = ""


@dataclass(frozen=True)
class Status:
    """A kind of control: what it means, what the legend calls it, and how the map draws it."""

    id: str
    meaning: str
    label: str
    pattern: Pattern = Pattern()
    outline: Outline = Outline()


# Names that take in several territories, for the essay's mentions ("Sakhalin", "the Kuriles").
GROUPS: dict[str, tuple[str, ...]] = {
    "sakhalin": ("sakhalin-south", "sakhalin-north"),
    "kurils": ("kurils-north", "urup", "iturup", "kunashir", "shikotan", "habomai"),
    "korea-38n": ("korea-north", "korea-south"),
}

STATUSES: dict[str, Status] = {
    s.id: s
    for s in (
        Status("sovereign", "held in its own right", "sovereign"),
        Status("joint", "held jointly", "held jointly",
               Pattern("stripes", 45, 7, repeat=True)),
        Status("leased", "leased from the sovereign", "leased",
               Pattern("stripes", 45, 6, "#ffffff", 3)),
        Status("concession", "railway concession", "railway concession", Pattern("dots")),
        Status("occupied", "military occupation", "military occupation",
               Pattern("stripes", -45, 5, "#e6e6e6", 5), Outline("#222222", 1.6, "7 4")),
        Status("protectorate", "protectorate", "protectorate",
               Pattern("stripes", 90, 4, "#ffffff", 4)),
        Status("puppet", "ruled through a client state", "client (puppet) state",
               Pattern("stripes", 0, 4, "#ffffff", 3)),
        Status("contested", "war front, no settled control", "contested: a war front",
               Pattern("stripes", 45, 3, pair=True, cross=True), Outline("#000000", 2.5, "3 4")),
        # the administrator's colour, with the claimant's as a fine thread: it reads as held
        # by the one that administers it, and the legend names the claim
        Status("disputed", "administered, claimed by another state",
               "disputed (fine lines: the claim)",
               Pattern("stripes", -30, 10, claim_width=1.5)),
    )
}  # fmt: skip
CONTESTED = "contested"  # a war front: nobody held it (the chart counts it apart)


@dataclass(frozen=True)
class Power:
    """A state that held or claimed land: its names by date, its colour, its chart label.

    Colours are Okabe–Ito, safe for colour-blind viewers, one per power everywhere.
    """

    id: str
    names: tuple[tuple[dt.date, str], ...]
    colour: str
    label: str  # the chart's name for it, across all its names

    def name_on(self, when: dt.date) -> str:
        starts = [start for start, _ in self.names]
        return self.names[max(bisect_right(starts, when) - 1, 0)][1]


POWERS: dict[str, Power] = {
    p.id: p
    for p in (
        Power("japan", ((ATLAS_START, "Tokugawa Japan"), (dt.date(1868, 1, 3), "Empire of Japan"),
                        (dt.date(1947, 5, 3), "Japan")), "#D55E00", "Japan"),
        Power("russia", ((ATLAS_START, "Russian Empire"),
                         # the Provisional Government; the republic was proclaimed
                         # on 1 (14) Sep 1917
                         (dt.date(1917, 3, 15), "Russia (Provisional Government)"),
                         (dt.date(1917, 9, 14), "Russian Republic"),
                         (dt.date(1917, 11, 7), "Soviet Russia"),
                         (dt.date(1922, 12, 30), "Soviet Union"),
                         (dt.date(1991, 12, 26), "Russian Federation")), "#0072B2",
              "Russia / USSR"),
        Power("china", ((ATLAS_START, "Qing China"), (dt.date(1912, 2, 12), "Republic of China"),
                        (dt.date(1949, 10, 1), "People's Republic of China")), "#E69F00",
              "China"),
        Power("korea", ((ATLAS_START, "Joseon"), (dt.date(1897, 10, 13), "Korean Empire")),
              "#009E73", "Korea (Joseon, Korean Empire)"),
        Power("north-korea", ((ATLAS_START, "Democratic People's Republic of Korea"),),
              "#CC79A7", "North Korea"),
        Power("south-korea", ((ATLAS_START, "Republic of Korea"),), "#56B4E9", "South Korea"),
        Power("usa", ((ATLAS_START, "United States"),), "#5A5A5A", "United States"),
        Power("germany", ((ATLAS_START, "German Empire"),), "#1A1A1A", "Germany"),
        # light blue: a Russian state
        Power("far-eastern-republic", ((ATLAS_START, "Far Eastern Republic"),), "#8FB8DE",
              "Far Eastern Republic"),
        Power("mongolia", ((ATLAS_START, "Mongolia"),), "#F0E442", "Mongolia"),
    )
}  # fmt: skip
CONTROLLERS: tuple[str, ...] = tuple(POWERS)
# The map's own colours (no power's).
LAND = "#F4F1EA"
SEA = "#DCE8F2"
CONTESTED_COLOUR = "#9e9e9e"  # the chart's colour for a war front
CONTESTED_LABEL = "Contested (war front)"


@dataclass(frozen=True)
class EventKind:
    """A kind of event: its name in the lists and the legend, and its marker (22x22 SVG)."""

    id: str
    label: str
    icon: str


_WHITE = "stroke='#fff' stroke-width='1.5'"
EVENT_KINDS: dict[str, EventKind] = {
    k.id: k
    for k in (
        EventKind("battle", "Battle",
                  "<path d='M11 1l2.6 6.4 6.9.5-5.3 4.4 1.7 6.7L11 15.3 5.1 19l1.7-6.7L1.5 "
                  "7.9l6.9-.5z' fill='#b30000' stroke='#fff' stroke-width='1.2'/>"),
        EventKind("treaty", "Treaty",
                  f"<rect x='3' y='2' width='16' height='18' rx='2' fill='#1f3b73' {_WHITE}/>"
                  "<path d='M6.5 8h9M6.5 12h9M6.5 16h6' stroke='#fff' stroke-width='1.6'/>"),
        EventKind("conference", "Conference",
                  f"<circle cx='11' cy='11' r='9' fill='#2e7d32' {_WHITE}/>"
                  "<circle cx='11' cy='11' r='3.5' fill='#fff'/>"),
        EventKind("meeting", "Meeting", f"<circle cx='11' cy='11' r='9' fill='#2e7d32' {_WHITE}/>"),
        EventKind("declaration", "Declaration",
                  f"<path d='M11 1.5l9.5 18H1.5z' fill='#6a1b9a' {_WHITE}/>"),
        EventKind("operation", "Military operation",
                  f"<path d='M11 1.5l9.5 9.5-9.5 9.5-9.5-9.5z' fill='#455a64' {_WHITE}/>"),
    )
}  # fmt: skip

# Areas are measured in this projection: Lambert equal-area, centred on the atlas.
EQUAL_AREA_CRS = "+proj=laea +lat_0=45 +lon_0=135 +datum=WGS84 +units=m"


def split_controller(controller: str) -> list[str]:
    """The single ids in a controller id (`japan+russia` -> ['japan', 'russia'])."""
    return controller.split("+")


def controller_problem(controller: str) -> str | None:
    """Why a controller id is not acceptable, or None when it is."""
    parts = split_controller(controller)
    unknown = [p for p in parts if p not in POWERS]
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
    names = [POWERS[part].name_on(when) for part in split_controller(controller)]
    return (" vs " if status == "contested" else " and ").join(names)


def name_change_dates() -> list[dt.date]:
    """Every day on which some controller's display name changes."""
    return sorted({start for p in POWERS.values() for start, _ in p.names[1:]})


def colours(controller: str) -> list[str]:
    """The colours of a controller id, one per state in a joint id."""
    return [POWERS[c].colour for c in split_controller(controller)]
