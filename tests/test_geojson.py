"""GeoJSON held to RFC 7946: what reading refuses (and says why), what writing guarantees."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from mapcore.geojson import GeometryError, dumps, feature_collection, read_geometry, write_geometry

POLYGONS = ("Polygon", "MultiPolygon")
CCW = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
CW = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]
HOLE_CW = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]


def polygon(*rings) -> dict:
    return {"type": "Polygon", "coordinates": list(rings)}


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        (None, "geometry is missing"),
        ("Polygon", "geometry is missing"),
        ({"type": "Point", "coordinates": [0, 0]}, "geometry type 'Point' is not one of"),
        ({"type": "Polygon"}, "geometry is empty"),
        (polygon(), "geometry is empty"),
        ({"type": "MultiPolygon", "coordinates": [[]]}, "polygon has no rings"),
        (polygon(CW), "exterior ring is clockwise (RFC 7946 wants counter-clockwise)"),
        (polygon(CCW, HOLE_CW[::-1]), "a hole is counter-clockwise (RFC 7946 wants clockwise)"),
        (polygon(CCW[:-1]), "a polygon ring is not closed or has fewer than 4 positions"),
        (polygon([[0, 0], [1, 0], [0, 0]]), "a polygon ring is not closed"),
        (polygon([[0, 0], [1, 0], [1, 1], [0, 91], [0, 0]]), "latitude 91 is outside -90..90"),
        (polygon([[0, 0], [181, 0], [1, 1], [0, 0]]), "longitude 181 is outside -180..180"),
        (polygon([[0, 0], [1, 0], [1, True], [0, 0]]), "has a value that is not a number"),
        (polygon([[0, 0], [1, 0], [1], [0, 0]]), "position [1] is not [longitude, latitude]"),
        (polygon(0, 0), "coordinates are not nested arrays as the geometry type requires"),
        (
            {"type": "MultiPolygon", "coordinates": [[CCW], [[[c[0] + 0.5, c[1]] for c in CCW]]]},
            "geometry is not valid (Self-intersection",
        ),
    ],
)
def test_what_reading_refuses(geometry, expected):
    with pytest.raises(GeometryError) as err:
        read_geometry(geometry, POLYGONS)
    assert expected in str(err.value)


def test_a_self_intersecting_ring_is_named_invalid():
    ring = [[146, 43], [146.2, 43.2], [146.2, 43], [146, 43.2], [146, 43]]  # a bow tie
    with pytest.raises(GeometryError, match=r"geometry is not valid \(Self-intersection"):
        read_geometry(polygon(ring), POLYGONS)


def test_what_reading_accepts():
    with_hole = read_geometry(polygon(CCW, HOLE_CW), POLYGONS)
    assert with_hole.area == pytest.approx(1 - 0.36)
    multi = read_geometry({"type": "MultiPolygon", "coordinates": [[CCW]]}, POLYGONS)
    assert multi.geom_type == "MultiPolygon"
    point = read_geometry({"type": "Point", "coordinates": [179.5, -89, 12]}, ("Point",))
    assert (point.x, point.y) == (179.5, -89)  # an altitude is allowed and ignored
    line = read_geometry({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, ("LineString",))
    assert line.length == pytest.approx(2**0.5)


def test_writing_winds_rings_as_rfc_7946_wants():
    clockwise = Polygon(CW, holes=[HOLE_CW[::-1]])  # exterior clockwise, hole counter-clockwise
    assert not shapely.is_ccw(clockwise.exterior) and shapely.is_ccw(clockwise.interiors[0])
    written = write_geometry(clockwise)
    exterior, hole = written["coordinates"]
    assert shapely.is_ccw(shapely.linearrings(exterior))
    assert not shapely.is_ccw(shapely.linearrings(hole))
    assert read_geometry(written, POLYGONS).equals(clockwise)  # and reading accepts it back


def test_writing_rounds_to_five_decimals_and_has_no_negative_zero():
    written = write_geometry(Point(123.456789012, -0.000001))
    assert written == {"type": "Point", "coordinates": [123.45679, 0.0]}
    assert json.dumps(written["coordinates"]) == "[123.45679, 0.0]"
    square = write_geometry(box(0.123456, 1.000004, 2.999996, 3))
    values = {v for ring in square["coordinates"] for pos in ring for v in pos}
    assert values == {0.12346, 1.0, 3.0}


def test_dumps_writes_one_feature_per_line_in_the_given_key_order():
    features = [
        {"type": "Feature", "properties": {"n": "樺太", "b": 1, "a": 2}, "geometry": None},
        {"type": "Feature", "properties": {}, "geometry": write_geometry(Point(1, 2))},
    ]
    text = dumps(feature_collection(features, name="test", note="a note"))
    lines = text.split("\n")
    assert lines[0] == '{"type":"FeatureCollection","name":"test","note":"a note","features":['
    assert lines[1] == '{"type":"Feature","properties":{"n":"樺太","b":1,"a":2},"geometry":null},'
    assert lines[2].startswith('{"type":"Feature","properties":{},"geometry":{"type":"Point"')
    assert lines[3:] == ["]}", ""]  # and a final newline
    assert json.loads(text)["features"] == features
    assert dumps(feature_collection(features, name="test", note="a note")) == text
