"""The geodata build: same input, same bytes; each shape written once; a clean edition out.

CI has no Natural Earth, so most tests build a toy world: a few rectangles in the same layer
files, with the properties the build reads (`ADM0_A3`, lake names), and a `data/` folder whose
lines, provinces and island groups fit it. Where the real Natural Earth folder is present
(`../shared/naturalearth`), one more test rebuilds the committed geodata byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Polygon, box, mapping

from mapcore import load_atlas, validate
from mapcore.atlas import DEFAULT_GEODATA
from mapcore.build import build
from mapcore.build.compose import (
    NAME_COLUMNS,
    PERIOD_COLUMNS,
    PLACE_COLUMNS,
    Row,
    residual_split,
    shape_features,
    territory_features,
)
from mapcore.geojson import dumps, feature_collection

REAL_NATURAL_EARTH = Path(__file__).resolve().parents[2] / "shared" / "naturalearth"
MAX_TERRITORIES_BYTES = 600_000

# -- a toy Natural Earth ----------------------------------------------------------------------

COUNTRIES = {
    "CHN": box(110, 30, 130, 50),
    "RUS": Polygon([(110, 50), (130, 50), (130, 40), (140, 40), (140, 60), (110, 60)]),
    "MNG": box(100, 40, 110, 60),
    "PRK": Polygon([(130, 36), (134, 37.5), (134, 40), (130, 40)]),
    "KOR": Polygon([(130, 32), (134, 32), (134, 37.5), (130, 36)]),
    "JPN": box(136, 30, 140, 34),
}
ADMIN_1_LINES = [
    [(120, 30), (120, 50)],  # China: Hebei and Inner Mongolia west, the north-east east
    [(110, 40), (130, 40)],
    [(120, 45), (130, 45)],
    [(125, 50), (125, 60)],  # Russia: Amur oblast | Jewish AO | Khabarovsk, Primorsky south
    [(130, 50), (130, 60)],
    [(130, 50), (140, 50)],
]
ISLANDS = {  # group -> parts, inside the bboxes of LINES_TOML
    "habomai": [box(145.1, 43.1, 145.3, 43.3), box(145.5, 43.5, 145.7, 43.7)],
    "shikotan": [box(146.2, 43.2, 146.5, 43.5)],
    "kunashir": [box(145.2, 44.2, 145.6, 44.6)],
    "iturup": [box(146.1, 44.1, 146.8, 44.5)],
    "urup": [box(147.2, 45.2, 147.6, 45.5)],
    "kurils-north": [box(148.2, 46.2, 148.6, 46.5), box(149.2, 47.2, 149.8, 47.6)],
    "sakhalin": [box(141.5, 46, 142.5, 53)],  # off the coast, as it is
}
LAKES = [  # name, name_en, ne_id, geometry: one big enough for the map, one too small
    ("Big Lake", "Big Lake", 1, box(103, 50, 104, 51)),
    ("Pond", None, 2, box(104.5, 55, 104.55, 55.05)),
]

LINES_TOML = """
[[railway]]
key = "smr-main"
name = "Main line"
territory = "south-manchuria-railway"
zones = ["south-manchuria-railway@1898", "south-manchuria-railway"]
start = "1898-03-27"
source = "a convention"
stations = [{ lon = 123, lat = 34.5 }, { lon = 125, lat = 38 }, { lon = 125, lat = 44 }]

[[railway]]
key = "smr-branch"
name = "Branch line"
territory = "south-manchuria-railway"
zones = ["south-manchuria-railway"]
start = "1904-08-01"
source = "a treaty"
stations = [{ lon = 128, lat = 36 }, { lon = 125, lat = 38 }]

[[railway]]
key = "cer-main"
name = "Eastern line"
territory = "chinese-eastern-railway"
zones = ["chinese-eastern-railway"]
start = "1898-03-27"
source = "a contract"
stations = [{ lon = 121, lat = 47 }, { lon = 129, lat = 47 }]

[[boundary]]
key = "kwantung-lease"
name = "Lease boundary"
start = "1898-03-27"
end = "1945-08-22"
source = "an agreement"
points = [{ lon = 122, lat = 34 }, { lon = 124, lat = 34 }]
sea = [{ lon = 124, lat = 32 }, { lon = 122, lat = 32 }]

[[boundary]]
key = "sakhalin-50n"
name = "50th parallel"
start = "1905-10-15"
end = "1945-08-25"
source = "a treaty"
latitude = 50.0

[[boundary]]
key = "korea-38n"
name = "Dividing line"
start = "1945-08-10"
end = "1953-07-27"
source = "an order"
latitude = 37.0

[[boundary]]
key = "korea-armistice"
name = "Armistice line"
start = "1953-07-27"
source = "an armistice"
natural_earth = ["PRK", "KOR"]

[[limit]]
key = "manchukuo-west"
name = "West limit"
source = "a reference work"
points = [{ lon = 115, lat = 51 }, { lon = 115, lat = 40 }, { lon = 121, lat = 40 }]
inside = [{ lon = 117, lat = 45 }]

[[limit]]
key = "jehol-east"
name = "Jehol limit"
source = "a reference work"
points = [{ lon = 114, lat = 45 }, { lon = 120, lat = 45 }, { lon = 120, lat = 39 }]
inside = [{ lon = 117, lat = 42 }]

[[limit]]
key = "liaodong-cession"
name = "Cession limit"
source = "a treaty"
points = [{ lon = 119.5, lat = 36 }, { lon = 130.5, lat = 36 }]
inside = [{ lon = 125, lat = 35 }]

[[limit]]
key = "lower-amur"
name = "A river"
source = "a treaty"
points = [{ lon = 137, lat = 49 }, { lon = 137, lat = 61 }]
inside = [{ lon = 133, lat = 52 }]
outside = [{ lon = 138.5, lat = 55 }]

[[limit]]
key = "amur-north"
name = "North limit"
source = "a treaty"
points = [{ lon = 129, lat = 55 }, { lon = 137, lat = 55 }]

[[limit]]
key = "kiautschou-lease"
name = "Bay lease"
source = "a convention"
points = [{ lon = 112, lat = 32 }, { lon = 113, lat = 32 }, { lon = 113, lat = 33 }, { lon = 112, lat = 33 }]
"""  # noqa: E501
PROVINCES = {
    "hebei": ("CHN", 115, 35),
    "inner-mongolia": ("CHN", 112, 45),
    "liaoning": ("CHN", 125, 35),
    "jilin": ("CHN", 125, 42.5),
    "heilongjiang": ("CHN", 125, 47.5),
    "amur-oblast": ("RUS", 115, 55),
    "jewish-ao": ("RUS", 127, 55),
    "khabarovsk": ("RUS", 138.5, 55),
    "primorsky": ("RUS", 137, 45),
}
ISLAND_BBOXES = {
    "habomai": (145.0, 43.0, 145.9, 43.9),
    "shikotan": (146.0, 43.0, 146.9, 43.9),
    "kunashir": (145.0, 44.0, 145.9, 44.9),
    "iturup": (146.0, 44.0, 146.9, 44.9),
    "urup": (147.0, 45.0, 147.9, 45.9),
    "kurils-north": (148.0, 46.0, 150.0, 48.0),
    "sakhalin": (141.0, 45.5, 143.0, 54.0),
}
# territory, start, end, controller, status, claimant, geometry key, origin, successors
PERIODS = [
    ("sakhalin-south", "1850-01-01", "1875-08-22", "japan+russia", "joint", "", "", "", ""),
    ("sakhalin-south", "1875-08-22", "", "russia", "sovereign", "", "", "", ""),
    ("sakhalin-north", "1850-01-01", "", "russia", "sovereign", "", "", "", ""),
    ("kurils-north", "1850-01-01", "", "japan", "sovereign", "", "", "", ""),
    ("urup", "1850-01-01", "", "japan", "sovereign", "", "", "", ""),
    ("iturup", "1850-01-01", "1945-09-01", "japan", "sovereign", "", "", "", ""),
    ("iturup", "1945-09-01", "", "russia", "disputed", "japan", "", "", ""),
    ("kunashir", "1850-01-01", "", "japan", "sovereign", "", "", "", ""),
    ("shikotan", "1850-01-01", "", "japan", "sovereign", "", "", "", ""),
    ("habomai", "1850-01-01", "", "japan", "sovereign", "", "", "", ""),
    ("kwantung", "1850-01-01", "1898-03-27", "china", "sovereign", "", "", "", ""),
    ("kwantung", "1898-03-27", "", "russia", "leased", "", "", "", ""),
    ("liaodong", "1894-10-24", "1895-12-25", "japan", "occupied", "", "", "manchuria",
     "manchuria"),
    ("south-manchuria-railway", "1898-03-27", "1905-10-15", "russia", "concession", "",
     "south-manchuria-railway@1898", "manchuria", ""),
    ("south-manchuria-railway", "1905-10-15", "", "japan", "concession", "", "", "", ""),
    ("chinese-eastern-railway", "1898-03-27", "", "russia", "concession", "", "", "manchuria",
     ""),
    ("manchuria", "1850-01-01", "1933-03-04", "china", "sovereign", "", "", "", ""),
    ("manchuria", "1933-03-04", "", "japan", "puppet", "", "manchuria@1933", "", ""),
    ("jehol", "1850-01-01", "1933-03-04", "china", "sovereign", "", "", "", "manchuria"),
    ("korea", "1850-01-01", "1945-08-10", "korea", "sovereign", "", "", "",
     "korea-north korea-south"),
    ("korea-north", "1945-08-10", "1953-07-27", "north-korea", "sovereign", "",
     "korea-north@1945", "", ""),
    ("korea-north", "1953-07-27", "", "north-korea", "sovereign", "", "", "", ""),
    ("korea-south", "1945-08-10", "1953-07-27", "south-korea", "sovereign", "",
     "korea-south@1945", "", ""),
    ("korea-south", "1953-07-27", "", "south-korea", "sovereign", "", "", "", ""),
    ("primorye", "1850-01-01", "1860-11-14", "china", "sovereign", "", "", "", ""),
    ("primorye", "1860-11-14", "", "russia", "sovereign", "", "", "", ""),
    ("amur", "1850-01-01", "1858-05-28", "china", "sovereign", "", "", "", ""),
    ("amur", "1858-05-28", "", "russia", "sovereign", "", "", "", ""),
    ("kiautschou", "1850-01-01", "1898-03-06", "china", "sovereign", "", "", "", ""),
    ("kiautschou", "1898-03-06", "", "germany", "leased", "", "", "", ""),
]  # fmt: skip


def _geojson(path: Path, rows: list[tuple[dict, object]]) -> None:
    features = [{"type": "Feature", "properties": p, "geometry": mapping(g)} for p, g in rows]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")


def _csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def toy_natural_earth(folder: Path) -> Path:
    """The four layers the build reads, in the toy world."""
    folder.mkdir(parents=True)
    _geojson(
        folder / "ne_10m_admin_0_countries_ne_asia.geojson",
        [({"ADM0_A3": iso}, g) for iso, g in COUNTRIES.items()],
    )
    mainland = shapely.union_all([g for iso, g in COUNTRIES.items() if iso != "JPN"])
    parts = [mainland, COUNTRIES["JPN"], *(p for ps in ISLANDS.values() for p in ps)]
    _geojson(folder / "ne_10m_land_ne_asia.geojson", [({}, p) for p in parts])
    _geojson(
        folder / "ne_10m_admin_1_lines_ne_asia.geojson",
        [({}, shapely.LineString(line)) for line in ADMIN_1_LINES],
    )
    _geojson(
        folder / "ne_10m_lakes_ne_asia.geojson",
        [({"name": n, "name_en": en, "ne_id": i}, g) for n, en, i, g in LAKES],
    )
    return folder


def toy_data(folder: Path) -> Path:
    """A `data/` folder for the toy world: periods of every territory, names, places, events."""
    folder.mkdir(parents=True)
    provinces = "".join(
        f'\n[[province]]\nkey = "{k}"\ncountry = "{c}"\nseed = {{ lon = {x}, lat = {y} }}\n'
        for k, (c, x, y) in PROVINCES.items()
    )
    islands = "".join(
        f'\n[[islands]]\nkey = "{k}"\nname = "{k}"\nbbox = {list(b)}\nsource = "an atlas"\n'
        for k, b in ISLAND_BBOXES.items()
    )
    (folder / "lines.toml").write_text(LINES_TOML + provinces + islands, encoding="utf-8")
    periods, names = [], {}
    for territory, start, end, controller, status, claimant, key, origin, succ in PERIODS:
        name = f"{territory} from {start[:4]}"
        names[name] = {"name": name, **{k: f"{name} [{k}]" for k in ("ja", "ru", "zh", "ko")}}
        periods.append(
            dict(zip(PERIOD_COLUMNS, (territory, start, end, controller, status, name, "",
                                      claimant, f"instrument of {start[:4]}", "a source", "",
                                      key, origin, succ), strict=True))
        )  # fmt: skip
    _csv(folder / "periods.csv", PERIOD_COLUMNS, periods)
    _csv(folder / "names.csv", NAME_COLUMNS, list(names.values()))
    place = {"key": "port", "lat": "33", "lon": "123", "source": "a gazetteer"}
    _csv(
        folder / "places.csv",
        PLACE_COLUMNS,
        [
            {**place, "start": "", "end": "1905-01-02", **_langs("Old Port")},
            {**place, "start": "1905-01-02", "end": "", **_langs("New Port")},
        ],
    )
    events = "date,end,name,kind,place,lat,lon,description,source,notes\n"
    events += "1905-09-05,,A peace,treaty,Portsmouth,43.07,-70.76,Peace signed.,the treaty,\n"
    events += "1904-02-08,1905-01-02,A siege,battle,Port,33,123,A long siege.,a history,\n"
    (folder / "events.csv").write_text(events, encoding="utf-8")
    return folder


def _langs(name: str) -> dict[str, str]:
    return {"en": name, **{k: f"{name} [{k}]" for k in ("ja", "ru", "zh", "ko")}}


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    """The toy inputs, and the geodata built from them once."""
    root = tmp_path_factory.mktemp("toy")
    ne, data = toy_natural_earth(root / "ne"), toy_data(root / "data")
    out = root / "geodata"
    build(ne, data, out)
    # the essay, without its mentions: they point at the real atlas's places and events
    essay = (DEFAULT_GEODATA / "passages.toml").read_text(encoding="utf-8")
    essay = re.sub(r"^mentions = \[\n(?:  .*\n)*\]\n", "", essay, flags=re.M)
    (out / "passages.toml").write_text(essay, encoding="utf-8")
    return ne, data, out


def _files(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.glob("*.geojson"))}


def test_two_builds_are_byte_identical(toy, tmp_path):
    ne, data, first = toy
    build(ne, data, tmp_path)
    assert set(_files(tmp_path)) == {
        "territories.geojson",
        "shapes.geojson",
        "events.geojson",
        "places.geojson",
        "lines.geojson",
        "context.geojson",
    }
    assert _files(tmp_path) == _files(first)


def test_the_toy_build_is_a_clean_edition(toy):
    *_, out = toy
    assert [str(p) for p in validate(out)] == []
    atlas = load_atlas(out)
    assert atlas.controller("iturup", 1950) == "russia"
    assert atlas.period("manchuria", 1940).name == "manchuria from 1933"
    assert {line.kind for line in atlas.lines} == {"railway", "boundary"}
    assert [a.key for a in atlas.context if a.kind == "lake"] == ["lake-big-lake"]


def shape_rules(folder: Path) -> tuple[list[dict], list[dict]]:
    """What the format promises of every built edition; its period and shape features."""
    periods = json.loads((folder / "territories.geojson").read_text("utf-8"))["features"]
    shapes = json.loads((folder / "shapes.geojson").read_text("utf-8"))["features"]
    keys = [f["properties"]["key"] for f in shapes]
    geometries = [json.dumps(f["geometry"]) for f in shapes]
    assert len(set(keys)) == len(keys) and len(set(geometries)) == len(geometries)
    assert all(f["geometry"] is None for f in periods)
    assert {f["properties"]["shape"] for f in periods} == set(keys)  # every shape is used
    owner = {f["properties"]["key"]: f["properties"]["territory"] for f in shapes}
    assert all(owner[f["properties"]["shape"]] == f["properties"]["territory"] for f in periods)
    return periods, shapes


def test_each_shape_is_written_once_and_named_by_its_periods(toy):
    *_, out = toy
    periods, shapes = shape_rules(out)
    assert len(shapes) < len(periods)
    sakhalin = {f["properties"]["shape"] for f in periods if "sakhalin-south" in json.dumps(f)}
    assert sakhalin == {"sakhalin-south"}  # two periods, one shape


def test_residual_pieces_are_keyed_by_what_was_carved_out_of_them(toy):
    *_, out = toy
    periods, _ = shape_rules(out)
    manchuria = [
        (f["properties"]["start"], f["properties"]["shape"])
        for f in periods
        if f["properties"]["territory"] == "manchuria"
    ]
    assert manchuria == [
        ("1850-01-01", "manchuria - kwantung"),
        ("1894-10-24", "manchuria - kwantung - liaodong"),
        ("1895-12-25", "manchuria - kwantung"),
        ("1898-03-27", "manchuria - chinese-eastern-railway - kwantung - "
                       "south-manchuria-railway@1898"),
        ("1905-10-15", "manchuria - chinese-eastern-railway - kwantung - south-manchuria-railway"),
        ("1933-03-04", "manchuria@1933 - chinese-eastern-railway - kwantung - "
                       "south-manchuria-railway"),
    ]  # fmt: skip
    atlas = load_atlas(out)
    zone = atlas.period("south-manchuria-railway", 1910).geometry
    rest = atlas.period("manchuria", 1910).geometry
    assert zone.intersection(rest).area < 1e-9 and zone.area > 0


def test_the_writers_do_not_depend_on_the_order_of_the_rows():
    """territory_features and shape_features sort what they write: shuffled rows, same bytes."""
    shapes = {"manchuria": box(0, 0, 4, 4), "kwantung": box(0, 0, 1, 1), "zone": box(2, 0, 3, 4)}
    values = dict.fromkeys(PERIOD_COLUMNS, "")

    def row(territory: str, start: str, end: str, key: str = "") -> Row:
        v = {**values, "territory": territory, "start": start, "end": end, "geometry": key}
        v |= {"name": territory, "controller": "china", "status": "sovereign"}
        stop = dt.date.fromisoformat(end) if end else None
        return Row(v, dt.date.fromisoformat(start), stop)

    rows = [
        row("manchuria", "1850-01-01", ""),
        row("kwantung", "1850-01-01", ""),
        row("south-manchuria-railway", "1898-03-27", "", "zone"),
    ]

    def written(rows: list[Row]) -> tuple[str, str]:
        pieces = residual_split(rows, shapes)
        return (
            dumps(feature_collection(territory_features(pieces, {}))),
            dumps(feature_collection(shape_features(pieces))),
        )

    first = written(rows)
    for seed in range(3):
        random.Random(seed).shuffle(rows)
        assert written(rows) == first
    assert '"shape":"manchuria - kwantung - zone"' in first[0]
    assert first[1].count('"type":"Feature"') == 4  # manchuria cut twice, kwantung, the zone


# -- the committed geodata -----------------------------------------------------------------------


def test_the_committed_geodata_keeps_each_shape_once_and_is_small():
    size = (DEFAULT_GEODATA / "territories.geojson").stat().st_size
    assert size < MAX_TERRITORIES_BYTES, f"territories.geojson is {size / 1e6:.2f} MB"
    shape_rules(DEFAULT_GEODATA)


@pytest.mark.skipif(
    not REAL_NATURAL_EARTH.is_dir(),
    reason=f"Natural Earth is not at {REAL_NATURAL_EARTH} (the toy build tests still run)",
)
def test_the_real_build_gives_the_committed_geodata_byte_for_byte(tmp_path):
    build(REAL_NATURAL_EARTH, out_dir=tmp_path)
    assert _files(tmp_path) == _files(DEFAULT_GEODATA)
