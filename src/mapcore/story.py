"""What a year brings, in words: the changes of control and the year's events, for display."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from itertools import groupby

from .model import Change, Event, Period
from .timeline import resolve
from .vocab import STATUSES, TERRITORIES


@dataclass(frozen=True)
class ChangeLine:
    """One dated line of "What changed in YEAR": one instrument, every territory it moved."""

    date: dt.date
    instrument: str
    outcomes: tuple[str, ...]

    @property
    def day(self) -> str:
        return f"{self.date.day} {self.date:%b %Y}"

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
        lines.append(ChangeLine(day, instrument, outcomes))
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


def full_day(day: dt.date) -> str:
    """'20 August 1945': how the map and a card name a day."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class ChangeCard:
    """One change of control as its card names it: quotable, one change to a card."""

    day: dt.date
    territories: tuple[str, ...]  # one change, or several alike (Sakhalin's two halves)
    name: str
    was: str
    now: str
    instrument: str
    source: str
    events: tuple[str, ...]

    @property
    def day_text(self) -> str:
        return full_day(self.day)

    def text(self) -> str:
        """The card as one line to paste into a worksheet or a slide."""
        events = f" That day: {'; '.join(self.events)}." if self.events else ""
        return (f"{self.day_text}. {self.name}: {self.was} → {self.now}. "
                f"Instrument: {self.instrument}. Source: {self.source}.{events}")  # fmt: skip


def _holding(period: Period | None, day: dt.date) -> str:
    if period is None:
        return "not yet a territory of its own"
    who = period.controller_name(day)
    if period.status == "sovereign" or period.controller_label:  # the label says it already
        return who
    return f"{who} ({STATUSES[period.status].label})"


def change_card(change: Change, events: list[Event]) -> ChangeCard:
    """The card of a change: who held the territory the day before, who from that day, by
    what instrument and on what source, and the events that began or ended that day."""
    after, before = change.after, change.before
    shown = after or before
    assert shown is not None  # a change has a period on one side at least
    day = change.date
    return ChangeCard(
        day=day,
        territories=(change.territory,),
        name=shown.name,
        was=_holding(before, day - dt.timedelta(days=1)),
        now=_holding(after, day) if after else "no longer a territory of its own",
        instrument=shown.instrument,
        source=shown.source,
        events=tuple(e.name for e in events if day in (e.date, e.end)),
    )


def change_cards(atlas) -> list[ChangeCard]:
    """A card for every change of control in the atlas, in date order; changes that read the
    same (one instrument moving both halves of Sakhalin alike) share one card."""
    events = atlas.all_events()
    cards: dict[str, ChangeCard] = {}
    for change in atlas.timeline.changes:
        card = change_card(change, events)
        same = cards.get(card.text())
        if same is None:
            cards[card.text()] = card
        elif change.territory not in same.territories:
            cards[card.text()] = replace(same, territories=(*same.territories, change.territory))
    return list(cards.values())
