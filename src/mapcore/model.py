"""The atlas's records: periods of control, lines, areas, places, changes, passages, events,
and data problems. Every dated record is in force by the same half-open rule, `in_force`."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from .vocab import ATLAS_START, controller_name


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: "Soviet–Japanese Neutrality Pact" ->
    "soviet-japanese-neutrality-pact" (accents dropped, any other mark a hyphen)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "-", plain.lower()).strip("-")


def in_force(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """The atlas's one rule for dates: from `start` (inclusive; None: from the beginning) to
    `end` (exclusive; None: still in force)."""
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True)
class Period:
    """One territory under one controller and status, from `start` to `end` (exclusive)."""

    territory: str
    start: dt.date
    end: dt.date | None
    controller: str
    status: str
    name: str
    instrument: str
    source: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    shape: str = ""  # the geometry's key: periods with one shape share one geometry object
    claimant: str | None = None
    controller_label: str | None = None
    notes: str = ""
    origin: str | None = None
    successors: tuple[str, ...] = ()
    index: int = -1
    names: dict[str, str] = field(default_factory=dict, compare=False)  # by language code
    short_names: dict[str, str] = field(default_factory=dict, compare=False)  # where long

    def name_in(self, language: str) -> str:
        """The period's name in a language (en, ja, ru, zh, ko), or in English if it has none."""
        return self.names.get(language) or self.name

    def short_name_in(self, language: str) -> str:
        """What a crowded map label shows: the short form where the name has one."""
        return self.short_names.get(language) or self.name_in(language)

    def covers(self, when: dt.date) -> bool:
        return in_force(self.start, self.end, when)

    def controller_name(self, when: dt.date) -> str:
        """The controller's name on that day, unless the period names it more exactly."""
        if self.controller_label:
            return self.controller_label
        return controller_name(self.controller, when, self.status)


@dataclass(frozen=True)
class Line:
    """A line drawn on the map: a railway (belonging to a `territory`) or a boundary."""

    key: str
    kind: str  # "railway" | "boundary"
    name: str
    source: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    start: dt.date | None = None
    end: dt.date | None = None
    territory: str | None = None
    between: tuple[str, ...] = ()  # a boundary: the two territories it separates

    def covers(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


@dataclass(frozen=True)
class Area:
    """A context area under the territories: land, a lake, or a power's home territory."""

    key: str
    kind: str  # "land" | "lake" | "home"
    name: str
    source: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    controller: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


@dataclass(frozen=True)
class Place:
    """A place label for one naming period (Dalny, Dairen, Dalian...)."""

    key: str
    names: dict[str, str] = field(compare=False)  # by language code
    lon: float
    lat: float
    start: dt.date | None
    end: dt.date | None
    source: str

    def covers(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


@dataclass(frozen=True)
class Change:
    """A change of control (controller or status) that takes effect on `date`."""

    date: dt.date
    territory: str
    before: Period | None
    after: Period | None

    @property
    def instrument(self) -> str:
        return self.after.instrument if self.after else self.before.instrument  # type: ignore[union-attr]


@dataclass(frozen=True)
class Difference:
    """A territory held differently on two days (or existing on only one of them)."""

    territory: str
    before: Period | None
    after: Period | None


@dataclass(frozen=True)
class YearRange:
    """Inclusive years; `end` None means 'to the present'."""

    start: int
    end: int | None

    def __contains__(self, year: object) -> bool:
        return (
            isinstance(year, int) and self.start <= year and (self.end is None or year <= self.end)
        )

    def __str__(self) -> str:
        if self.end == self.start:
            return str(self.start)
        return f"{self.start}–{self.end if self.end is not None else 'today'}"


@dataclass(frozen=True)
class Mention:
    """A phrase of a passage (the author's exact words) that names a feature of the atlas:
    a territory, a group of them (vocab.GROUPS), a place, or an event (by its key)."""

    phrase: str
    ref: str


@dataclass(frozen=True)
class Passage:
    """A passage of the essay (or a reader comment), word for word, and the years it speaks of."""

    id: str
    text: str
    ranges: tuple[YearRange, ...]
    part: str = "essay"  # "essay" or "comment"
    marker: str = ""  # the comment's list marker in the original ("1.", "•")
    order: int = 0
    mentions: tuple[Mention, ...] = ()

    @property
    def start(self) -> int:
        return min(r.start for r in self.ranges)

    @property
    def end(self) -> int | None:
        ends = [r.end for r in self.ranges]
        return None if None in ends else max(e for e in ends if e is not None)

    def speaks_of(self, year: int) -> bool:
        return any(year in r for r in self.ranges)

    @property
    def span(self) -> int:
        """How many years it speaks of."""
        return sum((r.end or dt.date.today().year) - r.start + 1 for r in self.ranges)

    @property
    def general(self) -> bool:
        """It speaks of every year (the essay's opening): it is never the one scrolled to."""
        return any(r.start <= ATLAS_START.year and r.end is None for r in self.ranges)

    @property
    def jump(self) -> int:
        """The year a click on it shows: the first year it speaks of."""
        return self.ranges[0].start


@dataclass(frozen=True)
class Selection:
    """A year's passages: all that speak of it, the specific ones, and the one to show."""

    active: tuple[str, ...]
    primary: tuple[str, ...]
    focus: str | None

    @classmethod
    def of(cls, passages: list[Passage]) -> Selection:
        focus = min(passages, key=lambda p: p.span).id if passages else None
        return cls(tuple(p.id for p in passages),
                   tuple(p.id for p in passages if not p.general), focus)  # fmt: skip


@dataclass(frozen=True)
class Event:
    """A dated event at a real place: a battle, treaty, conference, meeting, declaration..."""

    name: str
    date: dt.date
    kind: str
    lon: float
    lat: float
    description: str
    source: str
    place: str = ""
    end: dt.date | None = None  # last day of a multi-day event (inclusive)
    notes: str = ""
    id: str = ""  # the data's key; an edited name keeps what points at it

    @property
    def key(self) -> str:
        """The event's id for references (a mention in the essay): its key, or its name slugged."""
        return self.id or slug(self.name)

    def on(self, day: dt.date) -> bool:
        return self.date <= day <= (self.end or self.date)

    def in_year(self, year: int) -> bool:
        return self.date.year <= year <= (self.end or self.date).year


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data: which file, which feature, what is wrong."""

    file: str
    message: str
    feature: int | None = None
    territory: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.feature is not None:
            where += f": feature {self.feature}"
            if self.territory:
                where += f" ({self.territory})"
        elif self.territory:
            where += f": {self.territory}"
        return f"{where}: {self.message}"


class AtlasError(Exception):
    """The atlas's data has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the atlas data:\n{lines}")
