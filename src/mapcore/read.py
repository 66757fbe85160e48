"""Read an edition of the atlas (a geodata folder) into typed records, noting what cannot be read.

Reading is about form only: each file is there and parses, each feature is a GeoJSON Feature
with a valid RFC 7946 geometry (or, for a period, the key of a shape), and its properties are
present, of the right type, with readable dates. Whether the values make sense (ids known to the
vocabulary, the claimant rules, coverage, shape references, the essay's text) is for the checker
(`validate.py`), which works on this same read: an edition is read once, whoever asks.

Every feature keeps the values it was read with, even a broken one, so that the checker can
report all of a feature's problems in one run; only a feature read whole gets a record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from shapely.geometry.base import BaseGeometry

from .geojson import GeometryError, read_geometry
from .lessons import Lesson, read_lessons
from .model import Area, Event, Line, Period, Place, Problem, in_force
from .passages import Essay, read_passages
from .vocab import LANGUAGES

TERRITORIES_FILE = "territories.geojson"
SHAPES_FILE = "shapes.geojson"
EVENTS_FILE = "events.geojson"
LINES_FILE = "lines.geojson"
CONTEXT_FILE = "context.geojson"
PLACES_FILE = "places.geojson"
PASSAGES_FILE = "passages.toml"
FILES = (
    SHAPES_FILE,
    TERRITORIES_FILE,
    EVENTS_FILE,
    LINES_FILE,
    CONTEXT_FILE,
    PLACES_FILE,
    PASSAGES_FILE,
)  # the order problems are listed in: a shape's before the periods that use it

POLYGONS = ("Polygon", "MultiPolygon")
LINES = ("LineString", "MultiLineString")

R = TypeVar("R")
Report = Callable[[str], None]


@dataclass(frozen=True)
class Shape:
    """A distinct geometry of shapes.geojson: every period naming its key shares this object."""

    key: str
    territory: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    index: int = -1


@dataclass(frozen=True)
class Span:
    """What coverage needs of a period feature: read even when its other properties are broken."""

    territory: str
    start: dt.date
    end: dt.date | None
    index: int
    origin: str | None = None
    successors: tuple[str, ...] = ()

    def covers(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


@dataclass(frozen=True)
class Read(Generic[R]):
    """One feature as read: its properties' values (typed; "" or None where they could not be
    read) and its record, which is None when reading found a problem in it, or when a period
    names a shape that could not be read (the checker says which)."""

    index: int
    values: dict[str, Any]
    record: R | None


@dataclass
class Reading:
    """Everything read from one geodata folder, and what could not be read."""

    path: Path
    shapes: list[Read[Shape]] = field(default_factory=list)
    periods: list[Read[Period]] = field(default_factory=list)
    spans: list[Span] | None = None  # None: territories.geojson could not be read at all
    shape_keys: dict[str, int] | None = None  # key -> feature; None: shapes.geojson unreadable
    events: list[Read[Event]] = field(default_factory=list)
    lines: list[Read[Line]] = field(default_factory=list)
    context: list[Read[Area]] = field(default_factory=list)
    places: list[Read[Place]] = field(default_factory=list)
    essay: Essay = field(default_factory=Essay)
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_edition(path: str | Path) -> Reading:
    """Read every file of the edition at `path` once; nothing is checked against the vocabulary."""
    reading = Reading(path=Path(path))
    if not reading.path.is_dir():
        reading.problems.append(Problem(str(path), "geodata folder not found"))
        return reading
    reading.shapes, raw_shapes = _read_features(reading, SHAPES_FILE, _shape, POLYGONS)
    if raw_shapes is not None:
        reading.shape_keys = {}
        for entry in reading.shapes:  # a key given twice names its first feature
            reading.shape_keys.setdefault(entry.values["key"], entry.index)
        reading.shape_keys.pop("", None)
    first = reading.shape_keys or {}
    shapes = {
        s.record.key: s.record
        for s in reading.shapes
        if s.record is not None and first.get(s.record.key) == s.index
    }

    def period(props: dict, geometry: BaseGeometry | None, index: int, report: Report):
        return _period(props, geometry, index, report, shapes)

    reading.periods, raw = _read_features(reading, TERRITORIES_FILE, period, POLYGONS, inline=True)
    if raw is not None:  # a file that cannot be read has no coverage to check
        reading.spans = [s for i, f in enumerate(raw) if (s := _span(f, i)) is not None]
    reading.events, _ = _read_features(reading, EVENTS_FILE, _event, ("Point",))
    reading.lines, _ = _read_features(reading, LINES_FILE, _line, LINES)
    reading.context, _ = _read_features(reading, CONTEXT_FILE, _area, POLYGONS)
    reading.places, _ = _read_features(reading, PLACES_FILE, _place, ("Point",))
    reading.essay, problems = read_passages(reading.path / PASSAGES_FILE, PASSAGES_FILE)
    reading.problems += problems
    reading.lessons, problems = read_lessons(reading.path)
    reading.problems += problems
    return reading


# -- files and features ----------------------------------------------------------------------


def _read_features(
    reading: Reading,
    name: str,
    parse: Callable[[dict, BaseGeometry | None, int, Report], tuple[dict, Any]],
    allowed: tuple[str, ...],
    inline: bool = False,
) -> tuple[list[Read], list | None]:
    """What each feature of a GeoJSON file says, and its raw features (None if unreadable).

    With `inline`, a feature may have a null geometry (a period naming its shape instead).
    """
    problems = reading.problems
    file = reading.path / name
    if not file.is_file():
        problems.append(Problem(name, "file is missing"))
        return [], None
    try:
        doc = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, f"file is not UTF-8 text ({exc.reason})"))
        return [], None
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, f"not valid JSON: {exc.msg} at line {exc.lineno}"))
        return [], None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        problems.append(Problem(name, "not a GeoJSON FeatureCollection"))
        return [], None
    if "crs" in doc:
        problems.append(Problem(name, "has a 'crs' member (RFC 7946: coordinates are WGS84)"))
    features = doc.get("features")
    if not isinstance(features, list):
        problems.append(Problem(name, "'features' is not a list"))
        return [], None
    out: list[Read] = []
    for i, feat in enumerate(features):
        props = feat.get("properties") if isinstance(feat, dict) else None
        label = props.get("territory") if isinstance(props, dict) else None
        label = label if isinstance(label, str) else None

        def report(msg: str, i: int = i, label: str | None = label) -> None:
            problems.append(Problem(name, msg, feature=i, territory=label))

        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            report("not a GeoJSON Feature")
            continue
        if not isinstance(props, dict):
            report("has no properties")
            continue
        geometry: BaseGeometry | None = None
        bad = _Problems(report)
        given = feat.get("geometry") is not None
        if inline and given and _given(props.get("shape")):
            bad("has both an inline geometry and a 'shape': give one of them")
        elif inline and not given and not _given(props.get("shape")):
            bad(
                "geometry is missing: give a 'shape' (a key of shapes.geojson) "
                "or an inline Polygon or MultiPolygon"
            )
        if given or not inline:
            try:
                geometry = read_geometry(feat.get("geometry"), allowed)
            except GeometryError as exc:
                bad(str(exc))
        values, record = parse(props, geometry, i, bad)
        out.append(Read(i, values, record if bad.ok else None))
    return out, features


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


class _Problems:
    """Passes a feature's problems on, and remembers whether there were any."""

    def __init__(self, report: Report):
        self.report = report
        self.ok = True

    def __call__(self, message: str) -> None:
        self.ok = False
        self.report(message)


def _text(props: dict, key: str, report: Report, required: bool = True) -> str:
    value = props.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            report(f"'{key}' is missing")
        return ""
    if not isinstance(value, str):
        report(f"'{key}' is not text")
        return ""
    return value


def _date(props: dict, key: str, report: Report, required: bool = True) -> dt.date | None:
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


def _dates(props: dict, report: Report, required: bool = True) -> tuple[dt.date | None, ...]:
    """`start` and `end` (exclusive, optional); the end must come after the start."""
    start = _date(props, "start", report, required)
    end = _date(props, "end", report, required=False)
    if start and end and not start < end:
        report(f"end {end} is not after start {start}")
    return start, end


def _names(props: dict, report: Report, key: str = "names") -> dict | None:
    """A feature's names by language as written (the checker knows which languages count);
    None when they are missing."""
    names = props.get(key)
    if not isinstance(names, dict):
        report(f"'{key}' is missing (the name in {', '.join(LANGUAGES)})")
        return None
    return names


def clean_names(names: dict | None) -> dict[str, str]:
    """The names the map can show: in a known language, as non-blank text."""
    return {
        k: v
        for k, v in (names or {}).items()
        if k in LANGUAGES and isinstance(v, str) and v.strip()
    }


# -- records -----------------------------------------------------------------------------------


def _shape(props: dict, geometry: BaseGeometry | None, index: int, bad: Report):
    values = {"key": _text(props, "key", bad), "territory": _text(props, "territory", bad)}
    if geometry is None or not (values["key"] and values["territory"]):
        return values, None
    return values, Shape(values["key"], values["territory"], geometry, index)


def _period(
    props: dict,
    geometry: BaseGeometry | None,
    index: int,
    bad: Report,
    shapes: dict[str, Shape],
):
    v: dict[str, Any] = {
        key: _text(props, key, bad) for key in ("territory", "controller", "status")
    }
    claimant = props.get("claimant") or None
    if claimant is not None and not isinstance(claimant, str):
        bad(f"unknown claimant {claimant!r}")  # kept in the values: a claimant was named
    v["claimant"] = claimant
    for key in ("name", "instrument", "source"):
        v[key] = _text(props, key, bad)
    v["start"], v["end"] = _dates(props, bad)
    origin = props.get("origin") or None
    if origin is not None and not isinstance(origin, str):
        bad(f"'origin' must be a known territory id: {origin!r}")
        origin = None
    v["origin"] = origin
    successors = props.get("successors") or []
    if not isinstance(successors, list) or not all(isinstance(s, str) for s in successors):
        bad(f"'successors' must list known territory ids: {successors!r}")
        successors = []
    v["successors"] = successors
    v["names"] = _names(props, bad)
    v["short_names"] = _names(props, bad, "short_names") if "short_names" in props else {}
    v["controller_name"] = _text(props, "controller_name", bad, required=False) or None
    v["notes"] = _text(props, "notes", bad, required=False)
    v["name_in_use"] = _in_use(props, bad)
    v["shape"], geometry = _where(props, geometry, v, bad, shapes)
    if geometry is None or v["start"] is None:
        return v, None
    return v, Period(
        territory=v["territory"],
        start=v["start"],
        end=v["end"],
        controller=v["controller"],
        status=v["status"],
        name=v["name"],
        instrument=v["instrument"],
        source=v["source"],
        geometry=geometry,
        shape=v["shape"],
        claimant=claimant,
        controller_label=v["controller_name"],
        notes=v["notes"],
        origin=origin,
        successors=tuple(successors),
        index=index,
        names=clean_names(v["names"]),
        short_names=clean_names(v["short_names"]),
    )


def _in_use(props: dict, bad: Report) -> tuple[dt.date | None, dt.date | None] | None:
    """When the period's name was in use, where the data says (`name_in_use`: from, until)."""
    use = props.get("name_in_use")
    if use is None:
        return None
    if not isinstance(use, dict) or set(use) - {"from", "until"}:
        bad(f"'name_in_use' must be {{'from': date, 'until': date}}: {use!r}")
        return None
    days = [_date(use, k, bad) if use.get(k) is not None else None for k in ("from", "until")]
    return days[0], days[1]


def inline_key(territory: str, start: dt.date | None) -> str:
    """The shape key of a period's inline geometry: stable while its territory and start are."""
    return f"{territory}@{start.isoformat() if start else '?'}"


def _where(
    props: dict,
    geometry: BaseGeometry | None,
    values: dict[str, Any],
    bad: Report,
    shapes: dict[str, Shape],
) -> tuple[str, BaseGeometry | None]:
    """A period's shape key and geometry: its inline geometry, or the shape it names.

    A key that names no readable shape gives no geometry: the checker says why.
    """
    key = _text(props, "shape", bad, required=False)
    values["inline"] = geometry is not None
    if geometry is not None:
        return inline_key(values["territory"], values["start"]), geometry
    shape = shapes.get(key)
    return key, shape.geometry if shape is not None else None


def _event(props: dict, geometry: BaseGeometry | None, index: int, bad: Report):
    v: dict[str, Any] = {
        key: _text(props, key, bad) for key in ("name", "kind", "description", "source")
    }
    v["date"] = _date(props, "date", bad)
    v["end"] = _date(props, "end", bad, required=False)
    if v["date"] and v["end"] and v["end"] < v["date"]:
        bad(f"end {v['end']} is before date {v['date']}")
    v["place"] = _text(props, "place", bad, required=False)
    v["notes"] = _text(props, "notes", bad, required=False)
    v["key"] = _text(props, "key", bad, required=False)
    if geometry is None or v["date"] is None:
        return v, None
    return v, Event(
        name=v["name"],
        date=v["date"],
        kind=v["kind"],
        lon=geometry.x,  # a Point
        lat=geometry.y,
        description=v["description"],
        source=v["source"],
        place=v["place"],
        end=v["end"],
        notes=v["notes"],
        id=v["key"],
    )


def _plain(props: dict, required: tuple[str, ...], bad: Report) -> dict[str, Any]:
    """What the features the atlas only draws must say: what they are, and when."""
    v: dict[str, Any] = {key: _text(props, key, bad) for key in required}
    for key in ("start", "end"):
        v[key] = _date(props, key, bad) if props.get(key) is not None else None
    v["key"] = _text(props, "key", bad, required=False)
    return v


def _line(props: dict, geometry: BaseGeometry | None, index: int, bad: Report):
    v = _plain(props, ("kind", "name", "start", "source"), bad)
    v["territory"] = _text(props, "territory", bad, required=False) or None
    v["controller"] = _controller(props, bad)
    between = props.get("between") or []
    if not isinstance(between, list) or not all(isinstance(t, str) for t in between):
        bad(f"'between' must list the two territory ids the line separates: {between!r}")
        between = []
    v["between"] = tuple(between)
    if geometry is None:
        return v, None
    return v, Line(
        key=v["key"],
        kind=v["kind"],
        name=v["name"],
        source=v["source"],
        geometry=geometry,
        start=v["start"],
        end=v["end"],
        territory=v["territory"],
        between=v["between"],
    )


def _area(props: dict, geometry: BaseGeometry | None, index: int, bad: Report):
    v = _plain(props, ("kind", "name", "source"), bad)
    v["controller"] = _controller(props, bad)
    if geometry is None:
        return v, None
    return v, Area(
        key=v["key"],
        kind=v["kind"],
        name=v["name"],
        source=v["source"],
        geometry=geometry,
        controller=v["controller"],
        start=v["start"],
        end=v["end"],
    )


def _controller(props: dict, bad: Report) -> str | None:
    controller = props.get("controller")
    if controller is not None and not isinstance(controller, str):
        bad(f"unknown controller {controller!r}")
        return None
    return controller


def _place(props: dict, geometry: BaseGeometry | None, index: int, bad: Report):
    v: dict[str, Any] = {key: _text(props, key, bad) for key in ("key", "source")}
    v["names"] = _names(props, bad)
    v["start"], v["end"] = _dates(props, bad, required=False)
    if geometry is None:
        return v, None
    return v, Place(
        key=v["key"],
        names=clean_names(v["names"]),
        lon=geometry.x,  # a Point
        lat=geometry.y,
        start=v["start"],
        end=v["end"],
        source=v["source"],
    )


def _span(feature: Any, index: int) -> Span | None:
    """The territory and dates of a feature, or None if they cannot be read (already reported)."""
    props = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(props, dict) or not isinstance(props.get("territory"), str):
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
    return Span(props["territory"], start, end, index, origin, tuple(successors))
