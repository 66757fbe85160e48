"""Build `geodata/` from Natural Earth and the project's readable definitions in `data/`.

Same input, same bytes: features are sorted, coordinates rounded and JSON written with a fixed
layout, so a rebuild that changes nothing shows no diff. Each distinct shape is written once, to
`shapes.geojson`; the periods of `territories.geojson` name theirs by key.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ..atlas import editable_project
from ..geojson import dumps, feature_collection
from .compose import (
    event_features,
    place_features,
    plain_feature,
    read_names,
    read_periods,
    residual_split,
    shape_features,
    territory_features,
)

# The build works in a checkout: the editable install's project, else the current folder.
PROJECT = editable_project() or Path.cwd()
DATA = PROJECT / "data"
GEODATA = PROJECT / "geodata"
NATURAL_EARTH_NOTE = "Made with Natural Earth (1:10m, public domain); historical lines from data/"


def build(ne_dir: Path, data_dir: Path = DATA, out_dir: Path = GEODATA) -> dict[str, int]:
    """Write the GeoJSON files of `out_dir`; return the feature count of each file written."""
    from .geography import build_geography  # heavy: only the build needs it

    geo = build_geography(Path(ne_dir), Path(data_dir) / "lines.toml")
    pieces = residual_split(read_periods(Path(data_dir) / "periods.csv"), geo.territories)
    docs = {
        "territories.geojson": territory_features(pieces, read_names(Path(data_dir) / "names.csv")),
        "shapes.geojson": shape_features(pieces),
        "places.geojson": place_features(Path(data_dir) / "places.csv"),
        "lines.geojson": [_plain(f) for f in geo.lines],
        "context.geojson": [_plain(f) for f in geo.context],
        "events.geojson": event_features(Path(data_dir) / "events.csv"),
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, features in docs.items():
        doc = feature_collection(features, name=name.split(".")[0], note=NATURAL_EARTH_NOTE)
        (out_dir / name).write_text(dumps(doc), encoding="utf-8")
    return {name: len(features) for name, features in docs.items()}


def _plain(feature) -> dict:
    props = asdict(feature)
    geom = props.pop("geometry")
    return plain_feature(props, geom)
