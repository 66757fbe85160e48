"""Read an edition of the atlas (a geodata folder) and list every problem in it.

One pass reads and checks everything, so `mapcore validate` reports all problems at once and
`load_atlas` builds from the records this pass already parsed. Nothing is dropped silently: a
feature that cannot be read is a problem, never a gap on the map.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .geojson import GeometryError, read_geometry
from .model import Event, Passage, Period, Problem
from .passages import Essay, read_passages
from .vocab import (
    ATLAS_START,
    EVENT_KINDS,
    LANGUAGES,
    STATUSES,
    TERRITORIES,
    controller_problem,
)

TERRITORIES_FILE = "territories.geojson"
EVENTS_FILE = "events.geojson"
LINES_FILE = "lines.geojson"
CONTEXT_FILE = "context.geojson"
PLACES_FILE = "places.geojson"
REQUIRED_LANGUAGES = tuple(LANGUAGES)  # every label the map shows, in every language
PASSAGES_FILE = "passages.toml"

POLYGONS = ("Polygon", "MultiPolygon")
LINES = ("LineString", "MultiLineString")


@dataclass
class Edition:
    """Everything read from one geodata folder, and what was wrong with it."""

    path: Path
    periods: list[Period] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    context: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    essay: Essay = field(default_factory=Essay)
    problems: list[Problem] = field(default_factory=list)


def read_edition(path: Path) -> Edition:
    """Read and check every file of the edition at `path`."""
    ed = Edition(path=Path(path))
    if not ed.path.is_dir():
        ed.problems.append(Problem(str(path), "geodata folder not found"))
        return ed
    ed.periods, raw = _read_features(ed, TERRITORIES_FILE, _period, POLYGONS)
    if raw is not None:  # a file that cannot be read has no coverage to check
        spans = [s for i, f in enumerate(raw) if (s := _span(f, i)) is not None]
        ed.problems += check_coverage(spans)
    ed.events, _ = _read_features(ed, EVENTS_FILE, _event, ("Point",))
    lines_parser = _plain(("kind", "name", "start", "source"))
    ed.lines, _ = _read_features(ed, LINES_FILE, lines_parser, LINES)
    ed.context, _ = _read_features(ed, CONTEXT_FILE, _plain(("kind", "name", "source")), POLYGONS)
    ed.places, _ = _read_features(ed, PLACES_FILE, _place, ("Point",))
    ed.essay, problems = read_passages(ed.path / PASSAGES_FILE, PASSAGES_FILE)
    ed.passages = list(ed.essay.passages)
    ed.problems += problems
    return ed


def validate(path: Path) -> list[Problem]:
    """Every problem in the edition at `path` (empty when it is clean)."""
    return read_edition(path).problems


# -- features ------------------------------------------------------------------------------


def _read_features(ed: Edition, name: str, parse, allowed: tuple[str, ...]):
    """The records parsed from a GeoJSON file, and its raw features (None if unreadable)."""
    file = ed.path / name
    if not file.is_file():
        ed.problems.append(Problem(name, "file is missing"))
        return [], None
    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        ed.problems.append(Problem(name, f"file is not UTF-8 text ({exc.reason})"))
        return [], None
    except json.JSONDecodeError as exc:
        ed.problems.append(Problem(name, f"not valid JSON: {exc.msg} at line {exc.lineno}"))
        return [], None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        ed.problems.append(Problem(name, "not a GeoJSON FeatureCollection"))
        return [], None
    if "crs" in doc:
        ed.problems.append(Problem(name, "has a 'crs' member (RFC 7946: coordinates are WGS84)"))
    features = doc.get("features")
    if not isinstance(features, list):
        ed.problems.append(Problem(name, "'features' is not a list"))
        return [], None
    out = []
    for i, feat in enumerate(features):
        props = feat.get("properties") if isinstance(feat, dict) else None
        label = props.get("territory") if isinstance(props, dict) else None
        label = label if isinstance(label, str) else None

        def report(msg: str, i: int = i, label: str | None = label) -> None:
            ed.problems.append(Problem(name, msg, feature=i, territory=label))

        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            report("not a GeoJSON Feature")
            continue
        if not isinstance(props, dict):
            report("has no properties")
            continue
        try:
            geometry = read_geometry(feat.get("geometry"), allowed)
        except GeometryError as exc:
            report(str(exc))
            geometry = None
        record = parse(props, geometry, i, report)
        if record is not None and geometry is not None:
            out.append(record)
    return out, features


def _text(props: dict, key: str, report, required: bool = True) -> str:
    value = props.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            report(f"'{key}' is missing")
        return ""
    if not isinstance(value, str):
        report(f"'{key}' is not text")
        return ""
    return value


def _date(props: dict, key: str, report, required: bool = True) -> dt.date | None:
    value = props.get(key)
    if value is None:
        if required:
            report(f"'{key}' date is missing")
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        report(f"'{key}' is not an ISO date (YYYY-MM-DD): {value!r}")
        return None


class _Problems:
    """Passes a feature's problems on, and remembers whether there were any."""

    def __init__(self, report):
        self.report = report
        self.ok = True

    def __call__(self, message: str) -> None:
        self.ok = False
        self.report(message)


def _period(props: dict, geometry, index: int, report) -> Period | None:
    bad = _Problems(report)

    territory = _text(props, "territory", bad)
    if territory and territory not in TERRITORIES:
        bad(f"unknown territory {territory!r}")
    controller = _text(props, "controller", bad)
    if controller and (why := controller_problem(controller)):
        bad(why)
    status = _text(props, "status", bad)
    if status and status not in STATUSES:
        bad(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    claimant = props.get("claimant") or None
    if status == "disputed" and not claimant:
        bad("status 'disputed' needs a 'claimant'")
    if claimant is not None:
        if not isinstance(claimant, str) or controller_problem(claimant):
            bad(f"unknown claimant {claimant!r}")
        elif status in STATUSES and status != "disputed":
            bad(f"a claimant is named but the status is {status!r}, not 'disputed'")
    name = _text(props, "name", bad)
    instrument = _text(props, "instrument", bad)
    source = _text(props, "source", bad)
    start = _date(props, "start", bad)
    end = _date(props, "end", bad, required=False)
    if start and start < ATLAS_START:
        bad(f"start {start} is before the atlas begins ({ATLAS_START})")
    if start and end and not start < end:
        bad(f"end {end} is not after start {start}")
    origin = props.get("origin") or None
    if origin is not None and not (isinstance(origin, str) and origin in TERRITORIES):
        bad(f"'origin' must be a known territory id: {origin!r}")
    successors = props.get("successors") or []
    if not isinstance(successors, list) or not all(
        isinstance(s, str) and s in TERRITORIES for s in successors
    ):
        bad(f"'successors' must list known territory ids: {successors!r}")
        successors = []
    names = _names(props, bad)
    short_names = _names(props, bad, "short_names", required=()) if "short_names" in props else {}
    label = _text(props, "controller_name", bad, required=False) or None
    notes = _text(props, "notes", bad, required=False)
    if not bad.ok or geometry is None or start is None:
        return None
    return Period(
        territory=territory,
        start=start,
        end=end,
        controller=controller,
        status=status,
        name=name,
        instrument=instrument,
        source=source,
        geometry=geometry,
        claimant=claimant,
        controller_label=label,
        notes=notes,
        origin=origin,
        successors=tuple(successors),
        index=index,
        names=names,
        short_names=short_names,
    )


def _names(props: dict, bad, key: str = "names", required=REQUIRED_LANGUAGES) -> dict[str, str]:
    """A feature's names by language: the map labels it in each of them."""
    names = props.get(key)
    if not isinstance(names, dict):
        bad(f"'{key}' is missing (the name in {', '.join(LANGUAGES)})")
        return {}
    clean = {k: v for k, v in names.items() if k in LANGUAGES and isinstance(v, str) and v.strip()}
    unknown = sorted(k for k in names if k not in LANGUAGES)
    if unknown:
        bad(f"'{key}' has unknown languages {unknown!r} (known: {', '.join(LANGUAGES)})")
    missing = [k for k in required if k not in clean]
    if missing:
        bad(f"'{key}' lacks {', '.join(missing)}")
    return clean


def _place(props: dict, geometry, index: int, report) -> dict | None:
    bad = _Problems(report)
    _text(props, "key", bad)
    _text(props, "source", bad)
    names = _names(props, bad)
    start = _date(props, "start", bad, required=False)
    end = _date(props, "end", bad, required=False)
    if start and end and not start < end:
        bad(f"end {end} is not after start {start}")
    if not bad.ok or geometry is None:
        return None
    return {**props, "names": names, "lon": geometry.x, "lat": geometry.y}


def _event(props: dict, geometry, index: int, report) -> Event | None:
    bad = _Problems(report)

    name = _text(props, "name", bad)
    kind = _text(props, "kind", bad)
    if kind and kind not in EVENT_KINDS:
        bad(f"unknown event kind {kind!r} (one of: {', '.join(EVENT_KINDS)})")
    description = _text(props, "description", bad)
    source = _text(props, "source", bad)
    date = _date(props, "date", bad)
    end = _date(props, "end", bad, required=False)
    if date and end and end < date:
        bad(f"end {end} is before date {date}")
    if not bad.ok or geometry is None or date is None:
        return None
    return Event(
        name=name,
        date=date,
        kind=kind,
        lon=geometry.x,
        lat=geometry.y,
        description=description,
        source=source,
        place=_text(props, "place", bad, required=False),
        end=end,
        notes=_text(props, "notes", bad, required=False),
    )


def _plain(required: tuple[str, ...]):
    """A parser for features the atlas only draws: the properties must name what they are."""

    def parse(props: dict, geometry, index: int, report) -> dict[str, Any] | None:
        bad = _Problems(report)
        for key in required:
            _text(props, key, bad)
        for key in ("start", "end"):
            if props.get(key) is not None:
                _date(props, key, bad)
        controller = props.get("controller")
        if controller is not None and (
            not isinstance(controller, str) or controller_problem(controller)
        ):
            bad(f"unknown controller {controller!r}")
        return {**props, "geometry": geometry} if bad.ok else None

    return parse


# -- coverage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """What coverage needs of a feature: read even when its other properties are broken."""

    territory: str
    start: dt.date
    end: dt.date | None
    index: int
    origin: str | None = None
    successors: tuple[str, ...] = ()

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def _span(feature: Any, index: int) -> Span | None:
    """The territory and dates of a feature, or None if they cannot be read (already reported)."""
    props = feature.get("properties") if isinstance(feature, dict) else None
    territory = props.get("territory") if isinstance(props, dict) else None
    if not isinstance(territory, str) or territory not in TERRITORIES:
        return None
    try:
        start = dt.date.fromisoformat(props["start"])
        end = dt.date.fromisoformat(props["end"]) if props.get("end") is not None else None
    except (KeyError, TypeError, ValueError):
        return None
    successors = props.get("successors") or []
    if not isinstance(successors, list) or not all(isinstance(x, str) for x in successors):
        successors = []
    origin = props.get("origin") if isinstance(props.get("origin"), str) else None
    return Span(territory, start, end, index, origin, tuple(successors))


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
