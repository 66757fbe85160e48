"""Check what was read of an edition: every problem in it, one line each.

`read.py` reads the files; this module checks the values read against the vocabulary and the
atlas's rules: ids are known, a claimant goes with a dispute, each territory is covered from its
first day to today with no gap and no overlap, every shape a period names is there, and the
passages rebuild the essay. `mapcore validate` and `load_atlas` both work on one read.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lessons import check_lessons
from .model import Problem
from .passages import check_essay
from .read import (
    CONTEXT_FILE,
    EVENTS_FILE,
    FILES,
    LINES_FILE,
    PASSAGES_FILE,
    PLACES_FILE,
    SHAPES_FILE,
    TERRITORIES_FILE,
    Read,
    Reading,
    Span,
    read_edition,
)
from .vocab import (
    ATLAS_START,
    EVENT_KINDS,
    GROUPS,
    LANGUAGES,
    STATUSES,
    TERRITORIES,
    controller_problem,
)

__all__ = ["EVENT_KINDS", "Checked", "Span", "check", "check_coverage", "validate"]

REQUIRED_LANGUAGES = tuple(LANGUAGES)  # every label the map shows, in every language

Report = Callable[[str], None]


@dataclass(frozen=True)
class Checked:
    """Every problem of an edition, in file and feature order, and the features they leave out.

    A feature with a problem of its own is left out of the atlas; a coverage problem (a gap, an
    overlap) leaves the periods in, since each of them could be read and drawn.
    """

    problems: list[Problem]
    left_out: frozenset[tuple[str, int]]

    def keeps(self, file: str, entry: Read) -> bool:
        return entry.record is not None and (file, entry.index) not in self.left_out


def validate(path: str | Path) -> list[Problem]:
    """Every problem in the edition at `path` (empty when it is clean)."""
    return check(read_edition(path)).problems


def check(reading: Reading) -> Checked:
    """Check what was read; the problems found reading it come first within each feature."""
    found: list[Problem] = []
    left_out: set[tuple[str, int]] = set()

    def each(file: str, entries: list[Read], rule: Callable[[dict[str, Any], Report], None],
             names: tuple[str, ...] = ("territory",)):  # fmt: skip
        for entry in entries:
            label = next((entry.values[n] for n in names if entry.values.get(n)), None)

            def report(msg: str, entry: Read = entry, label: str | None = label) -> None:
                found.append(Problem(file, msg, feature=entry.index, territory=label))
                left_out.add((file, entry.index))

            rule(entry.values, report)

    each(SHAPES_FILE, reading.shapes, _shape)
    shape_owner = _shape_owners(reading, found, left_out)
    each(TERRITORIES_FILE, reading.periods, lambda v, bad: _period(v, bad, reading, shape_owner))
    if reading.spans is not None:
        found += check_coverage([s for s in reading.spans if s.territory in TERRITORIES])
    each(EVENTS_FILE, reading.events, _event)
    each(LINES_FILE, reading.lines, _controller)
    each(LINES_FILE, reading.lines, lambda v, bad: _bounds(v, bad, reading), ("territory", "key"))
    each(CONTEXT_FILE, reading.context, _controller)
    each(PLACES_FILE, reading.places, _place)
    found += check_essay(reading.essay, PASSAGES_FILE)
    found += check_mentions(reading)
    # a passage the essay's file names but could not read is its problem, not each lesson's;
    # an essay not read at all cannot say which passages a lesson may cite
    cited = set(reading.essay.named) or None
    known = known_refs(reading) if events_read(reading) else None
    found += check_lessons(reading.lessons, known, cited, ATLAS_START.year,
                           dt.date.today().year)  # fmt: skip
    for p in reading.problems:
        if p.feature is not None:
            left_out.add((p.file, p.feature))
    return Checked(_in_order([*reading.problems, *found]), frozenset(left_out))


def _in_order(problems: list[Problem]) -> list[Problem]:
    """File by file, then feature by feature (a file's own problems first); stable within."""

    def key(p: Problem) -> tuple[int, int]:
        rank = FILES.index(p.file) if p.file in FILES else -1
        return (rank, -1 if p.feature is None else p.feature)

    return sorted(problems, key=key)


# -- records -------------------------------------------------------------------------------


def _shape_owners(
    reading: Reading, found: list[Problem], left_out: set[tuple[str, int]]
) -> dict[str, str]:
    """Each usable shape's territory, by key; a key given twice is a problem."""
    owners: dict[str, str] = {}
    first: dict[str, int] = {}
    for entry in reading.shapes:
        key = entry.values["key"]
        if not key:
            continue
        if key in first:
            found.append(
                Problem(
                    SHAPES_FILE,
                    f"key {key!r} repeats feature {first[key]}",
                    feature=entry.index,
                    territory=entry.values["territory"] or None,
                )
            )
            left_out.add((SHAPES_FILE, entry.index))
            continue
        first[key] = entry.index
        if entry.record is not None and (SHAPES_FILE, entry.index) not in left_out:
            owners[key] = entry.record.territory
    return owners


def _shape(v: dict[str, Any], bad: Report) -> None:
    if v["territory"] and v["territory"] not in TERRITORIES:
        bad(f"unknown territory {v['territory']!r}")


def _period(v: dict[str, Any], bad: Report, reading: Reading, owners: dict[str, str]) -> None:
    territory, controller, status, claimant = (
        v["territory"],
        v["controller"],
        v["status"],
        v["claimant"],
    )
    if territory and territory not in TERRITORIES:
        bad(f"unknown territory {territory!r}")
    if controller and (why := controller_problem(controller)):
        bad(why)
    if status and status not in STATUSES:
        bad(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    if status == "disputed" and not claimant:
        bad("status 'disputed' needs a 'claimant'")
    if isinstance(claimant, str):
        if controller_problem(claimant):
            bad(f"unknown claimant {claimant!r}")
        elif status in STATUSES and status != "disputed":
            bad(f"a claimant is named but the status is {status!r}, not 'disputed'")
    start = v["start"]
    if start and start < ATLAS_START:
        bad(f"start {start} is before the atlas begins ({ATLAS_START})")
    if v["origin"] is not None and v["origin"] not in TERRITORIES:
        bad(f"'origin' must be a known territory id: {v['origin']!r}")
    if not all(s in TERRITORIES for s in v["successors"]):
        bad(f"'successors' must list known territory ids: {v['successors']!r}")
    _names(v["names"], bad)
    _names(v["short_names"], bad, "short_names", required=())
    _name_in_use(v, bad)
    _shape_reference(v, bad, reading, owners)


def _name_in_use(v: dict[str, Any], bad: Report) -> None:
    """A period's name is used only while it was the name (names.csv says when, where known)."""
    use, start, end = v.get("name_in_use"), v["start"], v["end"]
    if not use or start is None:
        return
    first, last = use
    if first is not None and start < first:
        bad(f"is named {v['name']!r} from {start}, but that name was in use only from {first}")
    if last is not None and (end is None or end > last):
        bad(f"is named {v['name']!r} to {end or 'today'}, but that name was in use only until "
            f"{last}")  # fmt: skip


def _shape_reference(
    v: dict[str, Any], bad: Report, reading: Reading, owners: dict[str, str]
) -> None:
    """The shape a period names is in shapes.geojson, readable, and its territory's."""
    key, territory = v["shape"], v["territory"]
    if v.get("inline"):
        if reading.shape_keys and key in reading.shape_keys:
            bad(f"its inline geometry's key {key!r} is also a key of {SHAPES_FILE}")
        return
    if not key or reading.shape_keys is None:
        return  # no shape named (already reported), or shapes.geojson itself is unreadable
    if key not in reading.shape_keys:
        bad(f"unknown shape {key!r}: no feature of {SHAPES_FILE} has that key")
    elif key not in owners:
        bad(f"shape {key!r} cannot be read ({SHAPES_FILE}: feature {reading.shape_keys[key]})")
    elif territory and owners[key] != territory:
        bad(f"shape {key!r} is the shape of {owners[key]!r}, not of {territory!r}")


def _names(
    names: dict | None,
    bad: Report,
    key: str = "names",
    required: tuple[str, ...] = REQUIRED_LANGUAGES,
) -> None:
    """A feature's names by language: the map labels it in each of them."""
    if names is None:
        return  # missing altogether: already reported
    clean = {k for k, v in names.items() if k in LANGUAGES and isinstance(v, str) and v.strip()}
    unknown = sorted(k for k in names if k not in LANGUAGES)
    if unknown:
        bad(f"'{key}' has unknown languages {unknown!r} (known: {', '.join(LANGUAGES)})")
    missing = [k for k in required if k not in clean]
    if missing:
        bad(f"'{key}' lacks {', '.join(missing)}")


def _bounds(v: dict[str, Any], bad: Report, reading: Reading) -> None:
    """A boundary's dates agree with the periods of the two territories it separates: both are
    in force all the while it is drawn, it starts and ends on days a period of one of them
    begins, and on its first day they are held apart (by controller or status)."""
    between = v.get("between") or ()
    if not between:
        return
    if len(between) != 2 or not all(t in TERRITORIES for t in between):
        bad(f"'between' must name two known territories: {list(between)!r}")
        return
    start, end = v["start"], v["end"]
    if start is None or reading.spans is None:
        return  # no territories to hold it against: their file's problems say why
    spans = {t: sorted((s for s in reading.spans if s.territory == t), key=lambda s: s.start)
             for t in between}  # fmt: skip
    for t, ts in spans.items():
        if not ts:
            return  # the territory's own problems say why
        last = ts[-1].end
        if ts[0].start > start or (last is not None and (end is None or last < end)):
            bad(f"is drawn {start} to {end or 'today'}, but {t} is not in force all that time")
            return
    begins = sorted({s.start for ts in spans.values() for s in ts})
    for label, day in (("starts", start), ("ends", end)):
        if day is not None and day not in begins:
            near = [d for d in begins if abs((d - day).days) <= 400]
            hint = f" (nearest: {', '.join(map(str, near))})" if near else ""
            bad(f"{label} {day}, a day no period of {' or '.join(between)} begins{hint}")
    held = [next((e.record for e in reading.periods if e.record is not None
                  and e.record.territory == t and e.record.covers(start)), None)
            for t in between]  # fmt: skip
    if (
        held[0]
        and held[1]
        and (held[0].controller, held[0].status)
        == (
            held[1].controller,
            held[1].status,
        )
    ):
        bad(f"starts {start}, when {between[0]} and {between[1]} are held alike")


def known_refs(reading: Reading) -> set[str]:
    """The ids a mention or a lesson may name: territories, groups, places and events."""
    known = set(TERRITORIES) | set(GROUPS)
    known |= {e.values.get("key") or "" for e in reading.places}
    known |= {e.record.key for e in reading.events if e.record is not None}
    return known


def events_read(reading: Reading) -> bool:
    """Whether every event was read: else an id may name one that was not (and which is
    reported with it), so ids are not checked against them."""
    return bool(reading.events) and all(e.record is not None for e in reading.events)


def check_mentions(reading: Reading) -> list[Problem]:
    """Each mention in the essay points at a territory, a group, a place or an event."""
    known = known_refs(reading)
    read_all = events_read(reading)
    problems = []
    for p in reading.essay.passages:
        for m in p.mentions:
            if m.ref in known or not read_all:  # (an unread event is reported with it)
                continue
            problems.append(Problem(PASSAGES_FILE, f"passage {p.order} ({p.id}): mention "
                                f"{m.phrase!r} points at {m.ref!r}, which is no territory, "
                                "place or event of the atlas"))  # fmt: skip
    return problems


def _event(v: dict[str, Any], bad: Report) -> None:
    if v["kind"] and v["kind"] not in EVENT_KINDS:
        bad(f"unknown event kind {v['kind']!r} (one of: {', '.join(EVENT_KINDS)})")


def _controller(v: dict[str, Any], bad: Report) -> None:
    if v["controller"] is not None and controller_problem(v["controller"]):
        bad(f"unknown controller {v['controller']!r}")


def _place(v: dict[str, Any], bad: Report) -> None:
    _names(v["names"], bad)


# -- coverage ------------------------------------------------------------------------------


def check_coverage(periods: list[Span]) -> list[Problem]:
    """Each territory covered from its first day to today, with no gap and no overlap."""
    problems: list[Problem] = []
    by_territory: dict[str, list[Span]] = defaultdict(list)
    for p in periods:
        by_territory[p.territory].append(p)

    def report(p: Span, msg: str) -> None:
        problems.append(Problem(TERRITORIES_FILE, msg, feature=p.index, territory=p.territory))

    successor_starts: dict[str, dt.date] = {}
    for plist in by_territory.values():
        last = max(plist, key=lambda p: p.start)
        for s in last.successors:
            if last.end is not None:
                successor_starts[s] = last.end

    for territory in TERRITORIES:
        if territory not in by_territory:
            problems.append(
                Problem(TERRITORIES_FILE, "territory has no periods", territory=territory)
            )
    for territory, plist in by_territory.items():
        plist.sort(key=lambda p: (p.start, p.index))
        first = plist[0]
        carved = first.origin is not None and any(
            p.covers(first.start) for p in by_territory.get(first.origin, [])
        )
        born = first.start == ATLAS_START or successor_starts.get(territory) == first.start
        if not (born or carved):
            report(
                first,
                f"territory begins on {first.start}, not {ATLAS_START}, but names "
                "no 'origin' in force that day and is no territory's successor",
            )
        for p in plist[1:]:
            if p.origin is not None:
                report(p, "only a territory's first period can name an 'origin'")
        for prev, nxt in itertools.pairwise(plist):
            if prev.end is None:
                report(prev, f"period has no end but another period starts on {nxt.start}")
            elif prev.end < nxt.start:
                report(nxt, f"gap: nothing covers {prev.end} to {nxt.start}")
            elif prev.end > nxt.start:
                report(
                    nxt,
                    f"overlap: starts {nxt.start}, before the previous period ends "
                    f"({prev.end}, feature {prev.index})",
                )
            if prev.successors:
                report(prev, "only a territory's last period can name successors")
        last = plist[-1]
        if last.end is not None and not last.successors:
            report(
                last,
                f"coverage stops on {last.end}: the last period must be open "
                "(no end) or name the successors that take the territory over",
            )
        if last.end is None and last.successors:
            report(last, "names successors but never ends")
        for s in last.successors if last.end else ():
            starts = [p.start for p in by_territory.get(s, [])]
            if last.end not in starts:
                report(last, f"successor {s!r} has no period starting on {last.end}")
    return problems
