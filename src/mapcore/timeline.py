"""Who held what, on any day: the periods cut into states between the days anything changes.

There are only a few hundred such days in 176 years, so the states are computed once and a
date is answered by a binary search; the slider never scans the periods.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from .model import Change, Period
from .vocab import ATLAS_START, TERRITORIES, name_change_dates

REFERENCE_MONTH_DAY = (12, 31)
"""A year stands for its last day: 1905 shows Portsmouth's settlement, 1945 the occupation."""


def reference_day(year: int) -> dt.date:
    """The day a bare year stands for (31 December: the year's outcome)."""
    return dt.date(year, *REFERENCE_MONTH_DAY)


def resolve(when: dt.date | int) -> dt.date:
    """A date from a date or a year, within the atlas's span (1850 to the end of this year)."""
    if isinstance(when, bool) or not isinstance(when, dt.date | int):
        raise TypeError(f"expected a datetime.date or a year (int), got {type(when).__name__}")
    if isinstance(when, dt.datetime):
        when = when.date()
    last = dt.date.today().year
    year = when if isinstance(when, int) else when.year
    if not ATLAS_START.year <= year <= last:
        raise ValueError(f"{when} is outside the atlas ({ATLAS_START.year}–{last})")
    return reference_day(when) if isinstance(when, int) else when


@dataclass(frozen=True)
class Timeline:
    """The states between consecutive days of change, and the changes themselves."""

    days: tuple[dt.date, ...]  # the first day of each state, ascending
    states: tuple[tuple[Period, ...], ...]  # the periods in force in each state
    changes: tuple[Change, ...]

    @classmethod
    def build(cls, periods: list[Period]) -> Timeline:
        bounds = {ATLAS_START, *name_change_dates()}
        for p in periods:
            bounds.add(p.start)
            if p.end is not None:
                bounds.add(p.end)
        days = tuple(sorted(d for d in bounds if d >= ATLAS_START))
        rank = {t: i for i, t in enumerate(TERRITORIES)}
        ordered = sorted(periods, key=lambda p: (rank.get(p.territory, len(rank)), p.start))
        states = []
        for day in days:
            states.append(tuple(p for p in ordered if p.covers(day)))
        return cls(days, tuple(states), tuple(_changes(periods)))

    def state_index(self, day: dt.date) -> int:
        return max(bisect_right(self.days, day) - 1, 0)

    def state(self, day: dt.date) -> tuple[Period, ...]:
        return self.states[self.state_index(day)]

    def changes_in(self, year: int) -> list[Change]:
        return [c for c in self.changes if c.date.year == year]

    def change_days(self) -> list[dt.date]:
        return sorted({c.date for c in self.changes})

    def change_years(self) -> list[int]:
        return sorted({c.date.year for c in self.changes})


def _changes(periods: list[Period]) -> list[Change]:
    """Every day a territory's controller or status changes, or it passes to a successor."""
    by_territory: dict[str, list[Period]] = defaultdict(list)
    for p in periods:
        by_territory[p.territory].append(p)
    starts = {t: {p.start: p for p in ps} for t, ps in by_territory.items()}
    out = []
    for plist in by_territory.values():
        plist.sort(key=lambda p: p.start)
        first = plist[0]
        if first.origin:  # carved out of another territory: its first day is a change
            # .get: in a broken edition the origin may have no periods left (never add one here)
            origins = by_territory.get(first.origin, [])
            before = next((p for p in origins if p.covers(first.start)), None)
            out.append(Change(first.start, first.territory, before, first))
        for prev, nxt in itertools.pairwise(plist):
            if (prev.controller, prev.status) != (nxt.controller, nxt.status):
                out.append(Change(nxt.start, nxt.territory, prev, nxt))
        last = plist[-1]
        end = last.end
        if end is None:
            continue
        for succ in last.successors:
            after = starts.get(succ, {}).get(end)
            if after is None:
                continue
            if (after.controller, after.status) == (last.controller, last.status):
                continue  # divided or absorbed, but held as before
            if min(p.start for p in by_territory[succ]) == end:
                # a territory born of the division (korea -> korea-north): its first day
                out.append(Change(end, succ, last, after))
            else:
                # a territory absorbed by one that grows (jehol -> manchuria)
                out.append(Change(end, last.territory, last, after))
    return sorted(out, key=lambda c: (c.date, c.territory))
