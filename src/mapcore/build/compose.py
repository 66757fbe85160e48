"""Turn the readable definitions (`data/`) and the built geography into `geodata/` features.

Residual territories (Manchuria) are what is left of their outline once the territories carved
out of it on the same days (the Kwantung lease, the railway zones) are taken away; a residual
period is split wherever one of those begins, ends or changes shape, so the map never shows a
railway zone twice or a hole where nothing is.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..geojson import write_geometry
from ..model import in_force, slug
from ..vocab import LANGUAGES as VOCAB_LANGUAGES

RESIDUAL = ("manchuria",)
PERIOD_COLUMNS = (
    "territory",
    "start",
    "end",
    "controller",
    "status",
    "name",
    "controller_name",
    "claimant",
    "instrument",
    "source",
    "notes",
    "geometry",
    "origin",
    "successors",
)
LANGUAGES = tuple(VOCAB_LANGUAGES)
NAME_COLUMNS = (
    "name", "ja", "ru", "zh", "ko", "short", *(f"short_{k}" for k in LANGUAGES[1:]),
    "in_use_from", "in_use_until",  # the days the name was in use, where the record says
)  # fmt: skip
PLACE_COLUMNS = ("key", "start", "end", "lat", "lon", *LANGUAGES, "source")
EVENT_COLUMNS = (
    "date",
    "end",
    "name",
    "kind",
    "place",
    "lat",
    "lon",
    "description",
    "source",
    "notes",
)


@dataclass(frozen=True)
class Row:
    """One row of `periods.csv`, with its dates parsed for the residual split."""

    values: dict[str, str]
    start: dt.date
    end: dt.date | None

    @property
    def territory(self) -> str:
        return self.values["territory"]

    @property
    def key(self) -> str:
        return self.values["geometry"] or self.territory

    def covers(self, day: dt.date) -> bool:
        return in_force(self.start, self.end, day)


def read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a definitions table; its header must be exactly `columns`."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != columns:
            raise ValueError(f"{path}: header must be {','.join(columns)}")
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_periods(path: Path) -> list[Row]:
    rows = []
    for values in read_csv(path, PERIOD_COLUMNS):
        end = dt.date.fromisoformat(values["end"]) if values["end"] else None
        rows.append(Row(values, dt.date.fromisoformat(values["start"]), end))
    return rows


@dataclass(frozen=True)
class Piece:
    """A period as written: its row, its dates (a residual row is cut in pieces) and its shape."""

    row: Row
    shape: str  # the key of its geometry in shapes.geojson
    geometry: BaseGeometry
    start: dt.date
    end: dt.date | None


def residual_split(rows: list[Row], shapes: dict[str, BaseGeometry]) -> list[Piece]:
    """Each row with its shape; residual rows cut at every day their carve-outs change.

    A residual piece's shape key names what was taken out of it
    (`manchuria - kwantung - south-manchuria-railway@1898`), so pieces with the same carve-outs
    share one shape.
    """
    out = []
    for row in rows:
        geom = shapes[row.key]
        if row.territory not in RESIDUAL:
            out.append(Piece(row, row.key, geom, row.start, row.end))
            continue
        others = [
            r
            for r in rows
            if r.territory != row.territory and shapes[r.key].intersection(geom).area > 0
        ]
        days = sorted(
            {row.start}
            | {
                d
                for r in others
                for d in (r.start, r.end)
                if d and row.start < d and (row.end is None or d < row.end)
            }
        )
        pieces: list[tuple[frozenset[str], dt.date]] = []
        for day in days:
            keys = frozenset(r.key for r in others if r.covers(day))
            if not pieces or pieces[-1][0] != keys:
                pieces.append((keys, day))
        for i, (keys, start) in enumerate(pieces):
            end = pieces[i + 1][1] if i + 1 < len(pieces) else row.end
            cut = shapely.union_all([shapes[k] for k in sorted(keys)]) if keys else None
            piece = geom.difference(cut) if cut is not None else geom
            key = " - ".join((row.key, *sorted(keys)))
            out.append(Piece(row, key, shapely.set_precision(piece, 1e-5), start, end))
    return out


def read_names(path: Path) -> dict[str, dict[str, Any]]:
    """Each English period name's names in every language, the short forms a map label falls
    back on where it has one (empty cells left out), and when it was in use, if known."""
    names = {}
    for v in read_csv(path, NAME_COLUMNS):
        short = {"en": v["short"], **{k: v[f"short_{k}"] for k in LANGUAGES[1:]}}
        names[v["name"]] = {
            "names": {"en": v["name"], **{k: v[k] for k in LANGUAGES[1:] if v[k]}},
            "short_names": {k: name for k, name in short.items() if name},
            "in_use": {"from": v["in_use_from"] or None, "until": v["in_use_until"] or None},
        }
    return names


def territory_features(pieces: list[Piece], names: dict[str, dict[str, Any]]) -> list[dict]:
    """One feature per period (piece): its properties, a null geometry and its `shape` key."""
    features: list[dict[str, Any]] = []
    for piece in pieces:
        row, start, end = piece.row, piece.start, piece.end
        v = row.values
        props: dict[str, Any] = {
            "territory": row.territory,
            "name": v["name"],
            "controller": v["controller"],
            "status": v["status"],
            "start": start.isoformat(),
            "end": end.isoformat() if end else None,
            "instrument": v["instrument"],
            "source": v["source"],
        }
        for key in ("controller_name", "claimant", "notes", "origin"):
            if v[key]:
                props[key] = v[key]
        # successors belong to the row's last day, so only to the last piece of a split row
        if v["successors"] and end == row.end:
            props["successors"] = v["successors"].split()
        named = names.get(v["name"], {"names": {"en": v["name"]}})
        props["names"] = named["names"]
        if named.get("short_names"):
            props["short_names"] = named["short_names"]
        if any((named.get("in_use") or {}).values()):
            props["name_in_use"] = named["in_use"]
        props["shape"] = piece.shape
        features.append({"type": "Feature", "properties": props, "geometry": None})
    features.sort(key=lambda f: (f["properties"]["territory"], f["properties"]["start"]))
    return features


def shape_features(pieces: list[Piece]) -> list[dict]:
    """One feature per distinct shape the periods name, by territory and key."""
    first: dict[str, Piece] = {}
    for piece in pieces:
        first.setdefault(piece.shape, piece)
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "properties": {"key": key, "territory": piece.row.territory},
            "geometry": write_geometry(piece.geometry),
        }
        for key, piece in first.items()
    ]
    features.sort(key=lambda f: (f["properties"]["territory"], f["properties"]["key"]))
    return features


def event_features(path: Path) -> list[dict]:
    features: list[dict[str, Any]] = []
    for v in read_csv(path, EVENT_COLUMNS):
        props = {
            k: v[k]
            for k in ("date", "end", "name", "kind", "place", "description", "source", "notes")
            if v[k]
        }
        props["key"] = slug(v["name"])  # what the essay's mentions point at
        point = Point(float(v["lon"]), float(v["lat"]))
        features.append({"type": "Feature", "properties": props, "geometry": write_geometry(point)})
    features.sort(key=lambda f: (f["properties"]["date"], f["properties"]["name"]))
    return features


def place_features(path: Path) -> list[dict]:
    """Map labels for places, one feature per place and naming period."""
    features: list[dict[str, Any]] = []
    for v in read_csv(path, PLACE_COLUMNS):
        props = {
            "key": v["key"],
            "start": v["start"] or None,
            "end": v["end"] or None,
            "names": {k: v[k] for k in LANGUAGES if v[k]},
            "source": v["source"],
        }
        point = Point(float(v["lon"]), float(v["lat"]))
        features.append({"type": "Feature", "properties": props, "geometry": write_geometry(point)})
    features.sort(key=lambda f: (f["properties"]["key"], f["properties"]["start"] or ""))
    return features


def plain_feature(props: dict, geom: BaseGeometry) -> dict:
    """A feature for the lines and context files: only the properties that have a value."""
    clean = {k: v for k, v in props.items() if v not in (None, "")}
    return {"type": "Feature", "properties": clean, "geometry": write_geometry(geom)}
