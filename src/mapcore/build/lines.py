"""Read `data/lines.toml`: the historical lines and places that Natural Earth lacks.

The file is written by hand and reviewed by historians, so this module only turns it into small
frozen dataclasses and checks what a typo could break (missing keys, bad dates, too few points).
Turning the lines into geometry is `geography.py`'s job; keeping the two apart lets the data be
validated and tested without shapely.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Place:
    """A named point: a station, a town used as a seed, a vertex of a limit."""

    name: str
    lon: float
    lat: float

    @property
    def xy(self) -> tuple[float, float]:
        return (self.lon, self.lat)


@dataclass(frozen=True)
class Railway:
    """A railway line, stations in order; `zones` are the geometry keys its corridor feeds."""

    key: str
    name: str
    territory: str
    zones: tuple[str, ...]
    start: str
    source: str
    stations: tuple[Place, ...]


@dataclass(frozen=True)
class Boundary:
    """A line drawn on the map: by points (closed through `sea`), a parallel, or NE countries."""

    key: str
    name: str
    start: str
    end: str | None
    source: str
    points: tuple[Place, ...] = ()
    sea: tuple[Place, ...] = ()
    latitude: float | None = None
    natural_earth: tuple[str, ...] = ()
    between: tuple[str, ...] = ()  # the two territories it separates (the validator checks
    # that the line's dates agree with their periods)


@dataclass(frozen=True)
class Limit:
    """A construction line cutting today's provinces; `inside` marks the side that is kept."""

    key: str
    name: str
    source: str
    points: tuple[Place, ...]
    inside: tuple[Place, ...] = ()
    outside: tuple[Place, ...] = ()
    islands: tuple[float, ...] = ()  # bbox (west, south, east, north) of islands kept with it


@dataclass(frozen=True)
class Province:
    """A first-level division of today, found as the admin-1 face containing `seed`."""

    key: str
    country: str
    seed: Place


@dataclass(frozen=True)
class IslandGroup:
    """Land-layer parts whose representative point lies in `bbox` (west, south, east, north)."""

    key: str
    name: str
    bbox: tuple[float, float, float, float]
    source: str


@dataclass(frozen=True)
class LinesData:
    """Everything in `lines.toml`, keyed for lookup by the geography build."""

    railways: tuple[Railway, ...]
    boundaries: dict[str, Boundary]
    limits: dict[str, Limit]
    provinces: dict[str, Province]
    islands: tuple[IslandGroup, ...]


def _date(value: Any, where: str) -> str:
    """Keep dates as ISO strings (what the GeoJSON carries) but refuse malformed ones."""
    text = str(value)
    try:
        date.fromisoformat(text)
    except ValueError as err:
        raise ValueError(f"{where}: bad date {text!r}") from err
    return text


def _places(items: list[dict[str, Any]], where: str, minimum: int = 0) -> tuple[Place, ...]:
    places = tuple(Place(str(p.get("name", "")), float(p["lon"]), float(p["lat"])) for p in items)
    if len(places) < minimum:
        raise ValueError(f"{where}: needs at least {minimum} points, has {len(places)}")
    for p in places:
        if not (-180 <= p.lon <= 180 and -90 <= p.lat <= 90):
            raise ValueError(f"{where}: coordinate out of range {p.xy}")
    return places


def _bbox(values: list[Any], where: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(v) for v in values)
    if not (west < east and south < north):
        raise ValueError(f"{where}: bbox must be west, south, east, north")
    return (west, south, east, north)


def _source(entry: dict[str, Any], where: str) -> str:
    source = str(entry.get("source", "")).strip()
    if not source:
        raise ValueError(f"{where}: every entry needs a source")
    return source


def load_lines(path: Path) -> LinesData:
    """Parse `lines.toml`; raise ValueError naming the entry when something is missing."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    railways = tuple(
        Railway(
            key=r["key"],
            name=r["name"],
            territory=r["territory"],
            zones=tuple(r["zones"]),
            start=_date(r["start"], r["key"]),
            source=_source(r, r["key"]),
            stations=_places(r["stations"], r["key"], minimum=2),
        )
        for r in raw.get("railway", [])
    )
    boundaries = {
        b["key"]: Boundary(
            key=b["key"],
            name=b["name"],
            start=_date(b["start"], b["key"]),
            end=_date(b["end"], b["key"]) if "end" in b else None,
            source=_source(b, b["key"]),
            points=_places(b.get("points", []), b["key"]),
            sea=_places(b.get("sea", []), b["key"]),
            latitude=float(b["latitude"]) if "latitude" in b else None,
            natural_earth=tuple(b.get("natural_earth", ())),
            between=tuple(b.get("between", ())),
        )
        for b in raw.get("boundary", [])
    }
    limits = {
        m["key"]: Limit(
            key=m["key"],
            name=m["name"],
            source=_source(m, m["key"]),
            points=_places(m["points"], m["key"], minimum=2),
            inside=_places(m.get("inside", []), m["key"]),
            outside=_places(m.get("outside", []), m["key"]),
            islands=tuple(float(v) for v in m.get("islands", ())),
        )
        for m in raw.get("limit", [])
    }
    provinces = {
        p["key"]: Province(p["key"], p["country"], _places([p["seed"]], p["key"])[0])
        for p in raw.get("province", [])
    }
    islands = tuple(
        IslandGroup(i["key"], i["name"], _bbox(i["bbox"], i["key"]), _source(i, i["key"]))
        for i in raw.get("islands", [])
    )
    return LinesData(railways, boundaries, limits, provinces, islands)
