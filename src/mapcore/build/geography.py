"""Build the atlas's geometries from Natural Earth 1:10m and `data/lines.toml`.

Every territory is cut from today's borders (countries, admin-1 faces, land-layer islands) by
the historical lines of `lines.toml`, so neighbours share their edges exactly. These pieces
("atoms") form one polygonal coverage, simplified in a single `shapely.coverage_simplify` call:
neighbours stay edge-matched after simplification, which is what keeps
`manchuria ∪ jehol == manchuria@1933` and the home territories free of slivers. Territories are
unions of atoms; the railway zones are schematic corridors drawn on top.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from ..vocab import EQUAL_AREA_CRS
from .lines import Limit, LinesData, Place, load_lines

GRID = 1e-5  # output precision in degrees: deterministic coordinates with 5 decimals
TOL_BIG = 0.01  # coverage simplification of the mainland, Sakhalin and Korea (degrees)
TOL_SMALL = 0.002  # for the Kurils and Habomai, so that small islands keep their shape
SMALL_ISLAND_DEG2 = 1.0  # context land parts below this area get TOL_SMALL
RAIL_HALF_WIDTH_M = 1000.0  # railway zone: 1 km each side of the centreline (schematic)
RAIL_CRS = "+proj=laea +lat_0=44 +lon_0=125 +datum=WGS84 +units=m"  # metric, centred on Manchuria
AREA_CRS = EQUAL_AREA_CRS  # equal-area, for sizes
LAKE_MIN_KM2 = 500.0  # smaller lakes are left out of the context layer
ISLAND_ATTACH_DEG = 0.25  # an island joins the nearest seeded province within this distance
MIN_PART_DEG2 = 1e-6  # ~0.01 km²: smaller parts of a lease are crumbs of the ring, not land
NE = "Natural Earth 1:10m (public domain), clipped to 95–170°E, 25–63°N"

# Territory geometry key -> the atoms it is the union of (docs/data.md, "Geometry keys").
UNIONS: dict[str, tuple[str, ...]] = {
    "manchuria@1933": ("manchuria-rest", "kwantung", "jehol"),
    "manchuria": ("manchuria-rest", "kwantung"),
    "korea": ("prk-n38", "prk-s38", "kor-n38", "kor-s38"),
    "korea-north@1945": ("prk-n38", "kor-n38"),
    "korea-south@1945": ("prk-s38", "kor-s38"),
    "korea-north": ("prk-n38", "prk-s38"),
    "korea-south": ("kor-n38", "kor-s38"),
}
ORDER = (
    "sakhalin-south",
    "sakhalin-north",
    "kurils-north",
    "urup",
    "iturup",
    "kunashir",
    "shikotan",
    "habomai",
    "kwantung",
    "south-manchuria-railway@1898",
    "south-manchuria-railway",
    "chinese-eastern-railway@1896",
    "chinese-eastern-railway",
    "liaodong",
    "manchuria@1933",
    "jehol",
    "manchuria",
    "korea",
    "korea-north@1945",
    "korea-south@1945",
    "korea-north",
    "korea-south",
    "primorye",
    "amur",
    "kiautschou",
)
# Boundary line key -> the two geometry keys (or atoms) whose common edge it is.
SHARED_EDGES = {
    "kwantung-lease": ("kwantung", "manchuria-rest"),
    "sakhalin-50n": ("sakhalin-south", "sakhalin-north"),
    "korea-38n": ("korea-north@1945", "korea-south@1945"),
    "korea-armistice": ("korea-north", "korea-south"),
}


@dataclass(frozen=True)
class LineFeature:
    key: str
    kind: str  # "railway" | "boundary"
    name: str
    territory: str | None
    start: str
    end: str | None
    source: str
    geometry: BaseGeometry
    between: list[str] | None = None  # a boundary: the two territories it separates


@dataclass(frozen=True)
class ContextFeature:
    key: str
    kind: str  # "land" | "lake" | "home"
    name: str
    controller: str | None
    start: str | None
    end: str | None
    source: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class Geography:
    territories: dict[str, BaseGeometry]
    lines: list[LineFeature]
    context: list[ContextFeature]


def _polygonal(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Keep only the polygons of an overlay result (it may carry stray points and lines)."""
    polys: list[Polygon] = []
    for part in shapely.get_parts(geom):
        polys += list(part.geoms) if isinstance(part, MultiPolygon) else [part]
    polys = [p for p in polys if isinstance(p, Polygon) and not p.is_empty]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _union(*geoms: BaseGeometry, grid: float | None = None) -> BaseGeometry:
    return shapely.union_all([g for g in geoms if not g.is_empty], grid_size=grid)


def _line(places: tuple[Place, ...]) -> LineString:
    return LineString([p.xy for p in places])


def _project(geom: BaseGeometry, src: str, dst: str) -> BaseGeometry:
    tr = Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(geom, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))


def km2(geom: BaseGeometry) -> float:
    """Area in an equal-area projection centred on the atlas (square kilometres)."""
    return _project(geom, "EPSG:4326", AREA_CRS).area / 1e6


def _faces(region: BaseGeometry, lines: BaseGeometry) -> list[Polygon]:
    """Cut `region` by `lines`, noded with its boundary; dangling line ends are ignored."""
    edges = shapely.union(region.boundary, lines)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(edges))))
    pts = shapely.point_on_surface(faces)
    shapely.prepare(region)
    inside = shapely.contains_xy(region, shapely.get_x(pts), shapely.get_y(pts))
    return [f for f, keep in zip(faces, inside, strict=True) if keep]


def _pick(faces: list[Polygon], seeds: tuple[Place, ...]) -> BaseGeometry:
    """The union of the faces holding at least one of the seed places."""
    return _union(*(f for f in faces if any(f.contains(shapely.Point(s.xy)) for s in seeds)))


def _cession(region: BaseGeometry, limit: Limit) -> BaseGeometry:
    """The part of `region` on the kept side of `limit`, with the islands in its bbox."""
    kept = _pick(_faces(region, _line(limit.points)), limit.inside)
    islands = []
    if limit.islands:
        bbox = box(*limit.islands)
        parts = list(shapely.get_parts(region))
        mainland = max(range(len(parts)), key=lambda i: parts[i].area)
        islands = [g for i, g in enumerate(parts)
                   if i != mainland and bbox.contains(g.representative_point())]  # fmt: skip
    return _polygonal(shapely.set_precision(_union(kept, *islands), GRID))


def _provinces(
    country: BaseGeometry, admin1: BaseGeometry, data: LinesData, iso: str
) -> dict[str, BaseGeometry]:
    """Today's first-level divisions: admin-1 faces picked by seed, plus their nearby islands."""
    lines = shapely.clip_by_rect(admin1, *country.bounds)
    faces = _faces(country, lines)
    found = {p.key: _pick(faces, (p.seed,)) for p in data.provinces.values() if p.country == iso}
    for part in shapely.get_parts(country):
        if shapely.intersects(part, lines):
            continue  # a mainland part: its faces were picked by seed
        dist = {k: shapely.distance(part, g) for k, g in found.items()}
        nearest = min(dist, key=dist.__getitem__)
        if 0 < dist[nearest] < ISLAND_ATTACH_DEG:
            found[nearest] = _union(found[nearest], part)
    return found


def _islands(land_parts: list[Polygon], data: LinesData) -> dict[str, BaseGeometry]:
    """Island groups from the land layer, which has the Habomai islets the countries lack."""
    groups: dict[str, list[Polygon]] = {g.key: [] for g in data.islands}
    for part in land_parts:
        if part.area > 15.0:  # continents and Honshu are never part of a group
            continue
        pt = part.point_on_surface()
        for g in data.islands:
            if g.bbox[0] <= pt.x <= g.bbox[2] and g.bbox[1] <= pt.y <= g.bbox[3]:
                groups[g.key].append(part)
                break
    return {k: _union(*v) for k, v in groups.items()}


def _less_islands(geom: BaseGeometry, islands: BaseGeometry) -> BaseGeometry:
    """A country less the atlas's islands, dropping whole the parts that are those islands.

    The countries and land layers draw the same islands with slightly different coasts, so a
    plain difference would leave coastline slivers.
    """
    keep = []
    for part in shapely.get_parts(geom):
        overlap = shapely.intersection(part, islands).area
        if overlap <= 0.5 * part.area:
            keep.append(shapely.difference(part, islands) if overlap > 0 else part)
    return _polygonal(_union(*keep))


def _atoms(ne_dir: Path, data: LinesData) -> dict[str, BaseGeometry]:
    """The unsimplified coverage: every territory piece and home territory, edge-matched."""
    countries = gpd.read_file(ne_dir / "ne_10m_admin_0_countries_ne_asia.geojson")
    country = dict(zip(countries["ADM0_A3"], countries.geometry, strict=True))
    land_parts = list(
        shapely.get_parts(gpd.read_file(ne_dir / "ne_10m_land_ne_asia.geojson").geometry)
    )
    admin1 = gpd.read_file(ne_dir / "ne_10m_admin_1_lines_ne_asia.geojson").geometry.union_all()
    limits, bounds = data.limits, data.boundaries
    # Land-layer islands in no country polygon (the Changshan islands off the Kwantung coast).
    every_country = shapely.union_all(countries.geometry.values)
    orphans = _union(*(p for p in land_parts if not shapely.intersects(p, every_country)))

    def lease(places: tuple[Place, ...]) -> BaseGeometry:
        """Land inside a ring drawn through the sea; crumbs where the ring meets the coast go."""
        ring = Polygon([p.xy for p in places])
        land = _union(shapely.intersection(chn, ring), shapely.intersection(orphans, ring))
        return _union(*(p for p in shapely.get_parts(land) if p.area > MIN_PART_DEG2))

    chn = country["CHN"]
    cp = _provinces(chn, admin1, data, "CHN")
    west, east = limits["manchukuo-west"], limits["jehol-east"]
    beyond = _pick(
        _faces(_union(cp["inner-mongolia"], cp["hebei"]), _line(west.points)), west.inside
    )
    kwantung = lease((*bounds["kwantung-lease"].points, *bounds["kwantung-lease"].sea))
    m33 = _union(cp["liaoning"], cp["jilin"], cp["heilongjiang"], beyond, kwantung)
    jehol = _pick(_faces(m33, _line(east.points)), east.inside)
    kiautschou = lease(limits["kiautschou-lease"].points)

    rus = country["RUS"]
    rp = _provinces(rus, admin1, data, "RUS")
    river, north = limits["lower-amur"], limits["amur-north"]
    pieces = _faces(rp["khabarovsk"], _union(_line(river.points), _line(north.points)))
    amur = _union(rp["amur-oblast"], rp["jewish-ao"], _pick(pieces, river.inside + north.inside))
    primorye = _union(rp["primorsky"], _pick(pieces, river.outside))

    islands = _islands(land_parts, data)
    sakhalin = islands.pop("sakhalin")
    cut50 = bounds["sakhalin-50n"].latitude
    cut38 = bounds["korea-38n"].latitude
    every_island = _union(sakhalin, *islands.values())
    north_k, south_k = (country[c] for c in bounds["korea-armistice"].natural_earth)
    return {
        "kwantung": kwantung,
        "kiautschou": kiautschou,
        "jehol": jehol,
        "manchuria-rest": (rest := shapely.difference(m33, _union(jehol, kwantung))),
        # Less the pieces themselves, not m33: their edges carry the nodes where the limits cross.
        "china-home": shapely.difference(chn, _union(rest, jehol, kwantung, kiautschou)),
        "amur": amur,
        "primorye": primorye,
        "russia-home": _less_islands(shapely.difference(rus, _union(amur, primorye)), every_island),
        "prk-n38": north_k & box(120, cut38, 135, 45),
        "prk-s38": north_k & box(120, 30, 135, cut38),
        "kor-n38": south_k & box(120, cut38, 135, 45),
        "kor-s38": south_k & box(120, 30, 135, cut38),
        "mongolia-home": country["MNG"],
        "japan-home": _less_islands(country["JPN"], every_island),
        "sakhalin-south": sakhalin & box(140, 40, 146, cut50),
        "sakhalin-north": sakhalin & box(140, cut50, 146, 56),
        **islands,
    }


def _simplify(atoms: dict[str, BaseGeometry], small: set[str]) -> dict[str, BaseGeometry]:
    """Coverage-simplify the atoms (one coverage per tolerance) and snap them to the grid.

    `coverage_clean` first makes shared edges identical where two cuts met at nearly the same
    point (overlay arithmetic leaves vertices a hair apart); simplification needs that.
    """
    out: dict[str, BaseGeometry] = {}
    for tol in (TOL_BIG, TOL_SMALL):  # the small islands share no edge with anything
        keys = [k for k in atoms if (k in small) == (tol == TOL_SMALL)]
        raw = np.array([_polygonal(shapely.set_precision(atoms[k], GRID / 100)) for k in keys])
        clean = shapely.coverage_clean(raw, snapping_distance=GRID / 10)
        simple = shapely.coverage_simplify(clean, tol)
        out |= {
            k: _polygonal(shapely.set_precision(g, GRID)) for k, g in zip(keys, simple, strict=True)
        }
    return out


def _corridor(lines: list[LineString], within: BaseGeometry, minus: BaseGeometry) -> BaseGeometry:
    """A railway zone: ~1 km each side of the centrelines, inside `within`, less `minus`."""
    metric = _project(MultiLineString(lines), "EPSG:4326", RAIL_CRS)
    band = _project(metric.buffer(RAIL_HALF_WIDTH_M, quad_segs=4), RAIL_CRS, "EPSG:4326")
    band = shapely.difference(band, minus, grid_size=GRID)
    return _polygonal(shapely.intersection(band, within, grid_size=GRID))


def _shared(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """The common edge of two neighbours, merged into as few lines as possible."""
    inter = shapely.intersection(a.boundary, b.boundary, grid_size=GRID)
    parts = [g for g in shapely.get_parts(inter) if g.geom_type == "LineString" and not g.is_empty]
    return shapely.line_merge(MultiLineString(parts))


def build_geography(ne_dir: Path, lines_path: Path) -> Geography:
    """Build every geometry key of docs/data.md, the lines to draw and the context layers."""
    data = load_lines(lines_path)
    ne_dir = Path(ne_dir)
    atoms = _atoms(ne_dir, data)
    a = _simplify(atoms, {g.key for g in data.islands})
    geo = dict(a) | {
        k: _polygonal(_union(*(a[n] for n in v), grid=GRID)) for k, v in UNIONS.items()
    }

    def zone(key: str, minus: BaseGeometry) -> BaseGeometry:
        lines = [_line(r.stations) for r in data.railways if key in r.zones]
        return _corridor(lines, geo["manchuria@1933"], minus)

    geo["south-manchuria-railway@1898"] = zone("south-manchuria-railway@1898", geo["kwantung"])
    geo["south-manchuria-railway"] = zone("south-manchuria-railway", geo["kwantung"])
    if "liaodong-cession" in data.limits:  # an edition without the 1895 cession has no such key
        geo["liaodong"] = _cession(geo["manchuria-rest"], data.limits["liaodong-cession"])
    geo["chinese-eastern-railway@1896"] = zone("chinese-eastern-railway@1896", geo["kwantung"])
    geo["chinese-eastern-railway"] = zone("chinese-eastern-railway", geo["south-manchuria-railway"])
    territories = {k: geo[k] for k in ORDER if k in geo}

    lines = [
        LineFeature(
            r.key,
            "railway",
            r.name,
            r.territory,
            r.start,
            None,
            r.source,
            shapely.set_precision(_line(r.stations), GRID),
        )
        for r in data.railways
    ]
    for key, (left, right) in SHARED_EDGES.items():
        b = data.boundaries[key]
        edge = _shared(geo[left], geo[right])
        lines.append(LineFeature(key, "boundary", b.name, None, b.start, b.end, b.source, edge,
                                 list(b.between) or None))  # fmt: skip
    lakes = gpd.read_file(ne_dir / "ne_10m_lakes_ne_asia.geojson")
    land = gpd.read_file(ne_dir / "ne_10m_land_ne_asia.geojson").geometry
    return Geography(territories, lines, _context(land, lakes, a))


def _context(land: gpd.GeoSeries, lakes: gpd.GeoDataFrame, a: dict) -> list[ContextFeature]:
    """Land, big lakes, and the home territories (today's countries less every territory)."""
    parts = shapely.get_parts(land.values)
    tol = np.where(shapely.area(parts) > SMALL_ISLAND_DEG2, TOL_BIG, TOL_SMALL)
    simple = shapely.simplify(parts, tol, preserve_topology=True)
    land_geom = _polygonal(shapely.set_precision(shapely.union_all(simple), GRID))
    out = [ContextFeature("land", "land", "Land", None, None, None, f"{NE}: land", land_geom)]
    lakes = lakes.assign(km2=[km2(g) for g in lakes.geometry]).sort_values("km2", ascending=False)
    for row in lakes[lakes["km2"] >= LAKE_MIN_KM2].itertuples():
        name = str(row.name_en if isinstance(row.name_en, str) else row.name)
        geom = _polygonal(shapely.set_precision(shapely.simplify(row.geometry, TOL_SMALL), GRID))
        key = "lake-" + "-".join(name.lower().replace(".", "").split())
        if any(f.key == key for f in out):  # two lakes of one name: tell them apart by NE id
            key = f"{key}-{row.ne_id}"
        out.append(ContextFeature(key, "lake", name, None, None, None, f"{NE}: lakes", geom))
    src = f"{NE}: admin-0 countries of today, less every atlas territory"
    homes = [
        ("home-japan", "Japan", "japan", "1850-01-01", None, "japan-home"),
        ("home-russia", "Russia", "russia", "1850-01-01", None, "russia-home"),
        ("home-china", "China", "china", "1850-01-01", None, "china-home"),
        ("home-mongolia-qing", "Mongolia", "china", "1850-01-01", "1911-12-29", "mongolia-home"),
        ("home-mongolia", "Mongolia", "mongolia", "1911-12-29", None, "mongolia-home"),
    ]
    out += [ContextFeature(k, "home", n, c, s, e, src, a[g]) for k, n, c, s, e, g in homes]
    return out
