"""What a year brings, in words: the changes of control and the year's events, for display."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from .model import Change
from .timeline import resolve
from .vocab import TERRITORIES


@dataclass(frozen=True)
class ChangeLine:
    """One dated line of "What changed in YEAR": one instrument, every territory it moved."""

    day: str
    instrument: str
    outcomes: tuple[str, ...]

    def text(self) -> str:
        return f"{self.day}, {self.instrument}: {'; '.join(self.outcomes)}"


def _outcome(change: Change) -> str:
    after = change.after
    if after is None:
        return change.territory
    who = after.controller_name(change.date)
    if after.status == "sovereign":
        return f"{after.name} to {who}"
    if after.status == "contested":
        return f"{after.name}: war front, {who}"
    if after.status == "disputed" and after.claimant:
        return f"{after.name}: {who}, disputed"
    return f"{after.name}: {who}, {after.status}"


def change_lines(changes: list[Change]) -> list[ChangeLine]:
    """The year's changes, grouped by day and instrument, in date order."""
    lines = []
    ordered = sorted(changes, key=lambda c: (c.date, c.instrument))
    for (day, instrument), group in groupby(ordered, key=lambda c: (c.date, c.instrument)):
        outcomes = tuple(dict.fromkeys(_outcome(c) for c in group))  # Sakhalin N and S: once
        lines.append(ChangeLine(f"{day.day} {day:%b %Y}", instrument, outcomes))
    return lines


def _held(period, day) -> str:
    if period is None:
        return "—"
    who = period.controller_name(day)
    return who if period.status == "sovereign" else f"{who}, {period.status}"


def difference_lines(atlas, first: int, second: int) -> list[str]:
    """'Sakhalin south of 50°N: Russian Empire → Empire of Japan (Karafuto)', first to second."""
    a, b = resolve(first), resolve(second)
    lines = []
    for d in atlas.compare(first, second):
        label = TERRITORIES.get(d.territory, d.territory)
        named = f" ({d.after.name})" if d.after and d.after.name not in label else ""
        lines.append(f"{label}: {_held(d.before, a)} → {_held(d.after, b)}{named}")
    return lines
