"""GeoJSON in and out, held to RFC 7946.

Reading checks what shapely would accept silently (rings wound the wrong way, coordinates out of
range, a `crs` member) so that the validator can name the feature; writing orients rings and
rounds coordinates so that a rebuild gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

PRECISION = 5  # decimal places: about one metre

_POSITIONS_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


class GeometryError(ValueError):
    """A geometry that breaks RFC 7946 or is not a valid shape."""


def _positions(coords: Any, depth: int) -> Iterator[Any]:
    if depth == 0:
        yield coords
        return
    if not isinstance(coords, list):
        raise GeometryError("coordinates are not nested arrays as the geometry type requires")
    for item in coords:
        yield from _positions(item, depth - 1)


def _check_position(pos: Any) -> None:
    if not isinstance(pos, list) or len(pos) not in (2, 3):
        raise GeometryError(f"position {pos!r} is not [longitude, latitude]")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos):
        raise GeometryError(f"position {pos!r} has a value that is not a number")
    lon, lat = pos[0], pos[1]
    if not -180 <= lon <= 180:
        raise GeometryError(f"longitude {lon} is outside -180..180 (are lon/lat swapped?)")
    if not -90 <= lat <= 90:
        raise GeometryError(f"latitude {lat} is outside -90..90 (are lon/lat swapped?)")


def _polygons(geom: dict) -> Iterable[list]:
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    return []


def read_geometry(geom: Any, allowed: tuple[str, ...]) -> BaseGeometry:
    """A shapely geometry from a GeoJSON geometry object, or GeometryError saying what is wrong."""
    if not isinstance(geom, dict):
        raise GeometryError("geometry is missing")
    kind = geom.get("type")
    if kind not in allowed:
        raise GeometryError(f"geometry type {kind!r} is not one of {', '.join(allowed)}")
    coords = geom.get("coordinates")
    if coords is None or coords == []:
        raise GeometryError("geometry is empty")
    for pos in _positions(coords, _POSITIONS_DEPTH[kind]):
        _check_position(pos)
    for rings in _polygons(geom):
        if not rings:
            raise GeometryError("polygon has no rings")
        for i, ring in enumerate(rings):
            if len(ring) < 4 or ring[0][:2] != ring[-1][:2]:
                raise GeometryError("a polygon ring is not closed or has fewer than 4 positions")
            ccw = shapely.is_ccw(shapely.linearrings([p[:2] for p in ring]))
            if i == 0 and not ccw:
                raise GeometryError("exterior ring is clockwise (RFC 7946 wants counter-clockwise)")
            if i > 0 and ccw:
                raise GeometryError("a hole is counter-clockwise (RFC 7946 wants clockwise)")
    try:
        shp = shape(geom)
    except Exception as exc:  # shapely raises several types for malformed input
        raise GeometryError(f"geometry cannot be read: {exc}") from None
    if shp.is_empty:
        raise GeometryError("geometry is empty")
    if not shp.is_valid:
        reason = shapely.is_valid_reason(shp)
        raise GeometryError(f"geometry is not valid ({reason})")
    return shp


def write_geometry(geom: BaseGeometry, places: int = PRECISION) -> dict:
    """A GeoJSON geometry with RFC 7946 winding and coordinates rounded to `places`."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    return _round(mapping(geom), places)


def _round(obj: Any, places: int = PRECISION) -> Any:
    if isinstance(obj, float):
        value = round(obj, places)
        return 0.0 if value == 0 else value
    if isinstance(obj, list | tuple):
        return [_round(v, places) for v in obj]
    if isinstance(obj, dict):
        return {k: _round(v, places) for k, v in obj.items()}
    return obj


def feature_collection(features: list[dict], **members: Any) -> dict:
    return {"type": "FeatureCollection", **members, "features": features}


def dumps(doc: dict) -> str:
    """Compact but diffable: one feature per line, keys in the order given."""
    head = {k: v for k, v in doc.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in doc["features"]]
    body = ",\n".join(lines)
    head_json = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    sep = "," if head else ""
    return f'{head_json}{sep}"features":[\n{body}\n]}}\n'
