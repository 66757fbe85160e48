"""The atlas: who held each territory on any day, the essay's passages and the dated events."""

from __future__ import annotations

import datetime as dt
import json
import os
from bisect import bisect_left, bisect_right
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote, urlparse

import geopandas as gpd

from .lessons import Lesson, usable
from .model import (
    Area,
    AtlasError,
    Change,
    Difference,
    Event,
    Line,
    Passage,
    Period,
    Place,
    Problem,
    Selection,
)
from .read import (
    CONTEXT_FILE,
    EVENTS_FILE,
    LINES_FILE,
    PLACES_FILE,
    TERRITORIES_FILE,
    Read,
    read_edition,
)
from .timeline import Timeline, reference_day, resolve
from .validate import check, known_refs
from .vocab import ATLAS_START

R = TypeVar("R")

ENV_GEODATA = "MAPCORE_GEODATA"
DISTRIBUTION = "atlasapp"


def editable_project() -> Path | None:
    """The project folder of an editable install (from its PEP 610 record), else None."""
    try:
        record = json.loads(distribution(DISTRIBUTION).read_text("direct_url.json") or "{}")
    except PackageNotFoundError:
        return None
    url = urlparse(record.get("url", ""))
    if url.scheme == "file" and record.get("dir_info", {}).get("editable"):
        return Path(unquote(url.path))
    return None


def packaged_geodata() -> Path:
    """The atlas's own edition: inside the installed package (a wheel ships `geodata/` as
    mapcore/geodata), or, for an editable install, the project's `geodata/` (found through the
    install's record, not through the source tree's layout)."""
    inside = Path(__file__).parent / "geodata"
    project = editable_project()
    if inside.is_dir() or project is None:
        return inside  # if it is not there, load_atlas says "geodata folder not found"
    return project / "geodata"


DEFAULT_GEODATA = packaged_geodata()

COLUMNS = (
    "territory",
    "name",
    "controller",
    "controller_name",
    "status",
    "claimant",
    "start",
    "end",
    "instrument",
    "source",
    "notes",
)


def default_geodata() -> Path:
    """The folder the atlas reads: $MAPCORE_GEODATA if set, else the atlas's own edition."""
    return Path(os.environ.get(ENV_GEODATA) or DEFAULT_GEODATA)


def read_atlas(path: str | os.PathLike | None = None) -> tuple[Atlas, list[Problem]]:
    """Read and check an edition once: the atlas of everything that could be read, and every
    problem (empty when the edition is clean). A feature with a problem is left out."""
    reading = read_edition(Path(path) if path is not None else default_geodata())
    checked = check(reading)

    def kept(file: str, entries: list[Read[R]]) -> list[R]:
        return [e.record for e in entries if e.record is not None and checked.keeps(file, e)]

    atlas = Atlas(
        kept(TERRITORIES_FILE, reading.periods),
        kept(EVENTS_FILE, reading.events),
        list(reading.essay.passages),
        kept(LINES_FILE, reading.lines),
        kept(CONTEXT_FILE, reading.context),
        reading.path,
        places=kept(PLACES_FILE, reading.places),
        essay_title=reading.essay.title,
        essay_heading=reading.essay.heading,
        problems=checked.problems,
        lessons=usable(reading.lessons, known_refs(reading),
                       {p.id for p in reading.essay.passages}, ATLAS_START.year,
                       dt.date.today().year),
    )  # fmt: skip
    return atlas, checked.problems


def load_atlas(path: str | os.PathLike | None = None, *, strict: bool = True) -> Atlas:
    """Read and check an edition; raise AtlasError listing every problem if it has any.

    With `strict=False` a broken edition still loads: every feature that could be read is kept,
    and `Atlas.problems` lists what is wrong (and so what was left out). The app uses this to
    keep a map on the screen while it shows the problems.
    """
    atlas, problems = read_atlas(path)
    if problems and strict:
        raise AtlasError(problems)
    return atlas


class Atlas:
    """Answers questions about the atlas on a date; a year stands for its 31 December."""

    def __init__(
        self,
        periods: list[Period],
        events: list[Event],
        passages: list[Passage],
        lines: list[Line] | None = None,
        context: list[Area] | None = None,
        path: Path | None = None,
        essay_title: str = "",
        essay_heading: str = "",
        places: list[Place] | None = None,
        problems: list[Problem] | None = None,
        lessons: list[Lesson] | None = None,
    ):
        self.path = path
        self.essay_title = essay_title
        self.essay_heading = essay_heading
        self.places = tuple(places or ())
        self.problems = tuple(problems or ())  # empty unless loaded with strict=False
        self.lessons = tuple(lessons or ())  # the edition's lessons/*.toml, by file name
        self.periods = tuple(sorted(periods, key=lambda p: (p.territory, p.start)))
        self.lines = tuple(lines or ())
        self.context = tuple(context or ())
        self.timeline = Timeline.build(list(self.periods))
        self._events = tuple(sorted(events, key=lambda e: (e.date, e.name)))
        self._passages = tuple(sorted(passages, key=lambda p: p.order))
        self._frames: dict[int, gpd.GeoDataFrame] = {}

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    @property
    def territories(self) -> list[str]:
        return sorted({p.territory for p in self.periods})

    def state(self, when: dt.date | int) -> tuple[Period, ...]:
        """The periods in force on that day (or the year's reference day)."""
        return self.timeline.state(resolve(when))

    def snapshot(self, when: dt.date | int) -> gpd.GeoDataFrame:
        """One row per territory in force on that day, EPSG:4326 (a copy: change it freely)."""
        day = resolve(when)
        i = self.timeline.state_index(day)
        frame = self._frames.get(i)
        if frame is None:
            frame = self._frames[i] = self._frame(self.timeline.states[i], day)
        return frame.copy()

    def _frame(self, periods: tuple[Period, ...], day: dt.date) -> gpd.GeoDataFrame:
        rows = {
            "territory": [p.territory for p in periods],
            "name": [p.name for p in periods],
            "controller": [p.controller for p in periods],
            "controller_name": [p.controller_name(day) for p in periods],
            "status": [p.status for p in periods],
            "claimant": [p.claimant for p in periods],
            "start": [p.start for p in periods],
            "end": [p.end for p in periods],
            "instrument": [p.instrument for p in periods],
            "source": [p.source for p in periods],
            "notes": [p.notes for p in periods],
        }
        geometry = [p.geometry for p in periods]
        return gpd.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")

    def period(self, territory: str, when: dt.date | int) -> Period | None:
        """The period of `territory` in force on that day, or None if it did not exist then."""
        return next((p for p in self.state(when) if p.territory == territory), None)

    def controller(self, territory: str, when: dt.date | int) -> str | None:
        """The controller id of `territory` on that day (None if the territory did not exist)."""
        period = self.period(territory, when)
        return period.controller if period else None

    def passages(self, when: dt.date | int | None = None) -> list[Passage]:
        """The passages that speak of that year, in essay order; None gives every passage."""
        if when is None:
            return list(self._passages)
        year = resolve(when).year
        return [p for p in self._passages if p.speaks_of(year)]

    def events(self, when: dt.date | int) -> list[Event]:
        """A year's events (int), or the events under way on one day (date)."""
        day = resolve(when)
        if isinstance(when, int):
            return [e for e in self._events if e.in_year(day.year)]
        return [e for e in self._events if e.on(day)]

    def all_events(self) -> list[Event]:
        return list(self._events)

    def changes(self, year: int) -> list[Change]:
        """The changes of control that take effect within `year`, in date order."""
        return self.timeline.changes_in(resolve(year).year)

    def changes_between(self, first: dt.date | int, second: dt.date | int) -> list[Change]:
        """The changes of control after `first`'s day, up to and including `second`'s."""
        a, b = sorted((resolve(first), resolve(second)))
        return [c for c in self.timeline.changes if a < c.date <= b]

    def compare(self, first: dt.date | int, second: dt.date | int) -> list[Difference]:
        """Each territory whose controller or status differs between two days, in map order."""
        before = {p.territory: p for p in self.state(first)}
        after = {p.territory: p for p in self.state(second)}
        out = []
        for territory in [*before, *(t for t in after if t not in before)]:
            a, b = before.get(territory), after.get(territory)
            if a is None or b is None or (a.controller, a.status) != (b.controller, b.status):
                out.append(Difference(territory, a, b))
        return out

    def change_years(self) -> list[int]:
        """The years in which control of some territory changes (for 'next change')."""
        return self.timeline.change_years()

    def previous_change(self, year: int) -> int:
        """Where Previous change goes from `year`: the last earlier year of a change (or 1850)."""
        earlier = [y for y in self.change_years() if y < year]
        return earlier[-1] if earlier else ATLAS_START.year

    def next_change(self, year: int) -> int:
        """Where Next change goes from `year`: the next year of a change (or this year)."""
        later = [y for y in self.change_years() if y > year]
        return later[0] if later else dt.date.today().year

    # -- to the day: the dated changes, stepped through within a year and across years -------

    def change_days(self) -> list[dt.date]:
        """Every day on which control of some territory changes, ascending."""
        return self.timeline.change_days()

    def previous_change_day(self, when: dt.date | int) -> dt.date | None:
        """The last day of a change before `when`'s day (`[`), or None before the first."""
        days = self.change_days()
        i = bisect_left(days, resolve(when))
        return days[i - 1] if i else None

    def next_change_day(self, when: dt.date | int) -> dt.date | None:
        """The first day of a change after `when`'s day (`]`), or None after the last."""
        days = self.change_days()
        i = bisect_right(days, resolve(when))
        return days[i] if i < len(days) else None

    def day_steps(self, year: int) -> list[dt.date]:
        """The days a year of change is stepped through: 1 January (the year as it began),
        each day of a change, and 31 December (the year's outcome, which a bare year shows).
        A year with no change has none."""
        changes = [d for d in self.change_days() if d.year == resolve(year).year]
        if not changes:
            return []
        return sorted({dt.date(year, 1, 1), *changes, reference_day(year)})

    def events_by(self, day: dt.date) -> list[Event]:
        """The events a day's map shows: those of its year that have begun by that day (its
        31 December shows them all, as the bare year does)."""
        return [e for e in self._events if e.in_year(day.year) and e.date <= day]

    def selection(self, when: dt.date | int) -> Selection:
        """The passages of a year: all, the specific ones, and the one the panel shows first."""
        return Selection.of(self.passages(when))
