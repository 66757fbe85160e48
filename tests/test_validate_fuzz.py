"""Whatever a hand edit does to the data, the answer is problems listed, never a crash.

Every mutation must give either a valid atlas or the atlas error with a readable list; and since
the app then draws what could be read, a lenient load of it must also make the map's data.
"""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapcore import load_atlas, mapdata
from mapcore.atlas import DEFAULT_GEODATA

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                               max_size=3),
    max_leaves=6,
)  # fmt: skip
FILES = {
    "territories.geojson": ["territory", "controller", "status", "start", "end", "name",
                            "instrument", "source", "claimant", "successors", "origin",
                            "controller_name", "notes", "names", "shape"],
    "shapes.geojson": ["key", "territory"],
    "events.geojson": ["date", "end", "name", "kind", "place", "description", "source"],
    "places.geojson": ["key", "start", "end", "names", "source"],
    "lines.geojson": ["kind", "name", "start", "end", "source"],
    "context.geojson": ["kind", "name", "controller", "start", "source"],
}  # fmt: skip
ORIGINAL = {name: (DEFAULT_GEODATA / name).read_text(encoding="utf-8") for name in FILES}
PASSAGES = (DEFAULT_GEODATA / "passages.toml").read_text(encoding="utf-8")
SETTINGS = settings(max_examples=15, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "geodata"
    shutil.copytree(DEFAULT_GEODATA, path)
    return path


def restore(path) -> None:
    for name, text in ORIGINAL.items():
        (path / name).write_text(text, encoding="utf-8")
    (path / "passages.toml").write_text(PASSAGES, encoding="utf-8")


def answer(path) -> None:
    """Read the edition leniently: it must not raise, whatever the data; every problem reads
    as "file: feature: problem"; and the browser's data still builds from what could be read.

    (`validate` and a strict load are this same read: test_validate checks that they agree.)
    """
    atlas = load_atlas(path, strict=False)
    assert all(str(p) and ": " in str(p) for p in atlas.problems)
    if atlas.problems:
        mapdata.static_data(atlas)
        mapdata.year_state(atlas, 1905)
        mapdata.essay_data(atlas)


@SETTINGS
@given(data=st.data(), file=st.sampled_from(list(FILES)), value=JSON)
def test_any_value_in_any_property_or_geometry(copy, data, file, value):
    restore(copy)
    doc = json.loads(ORIGINAL[file])
    feature = doc["features"][data.draw(st.integers(0, len(doc["features"]) - 1))]
    key = data.draw(st.sampled_from([*FILES[file], "geometry", "properties"]))
    if key in ("geometry", "properties"):
        feature[key] = value
    else:
        feature["properties"][key] = value
    (copy / file).write_text(json.dumps(doc), encoding="utf-8")
    answer(copy)


@SETTINGS
@given(data=st.data(), file=st.sampled_from([f for f in FILES if f != "territories.geojson"]))
def test_coordinates_out_of_place(copy, data, file):
    restore(copy)
    doc = json.loads(ORIGINAL[file])
    feature = doc["features"][data.draw(st.integers(0, len(doc["features"]) - 1))]
    numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-400, max_value=400)
    coords = feature["geometry"]["coordinates"]
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[data.draw(st.integers(0, len(coords) - 1))]
    if isinstance(coords, list) and coords:
        coords[data.draw(st.integers(0, len(coords) - 1))] = data.draw(numbers | JSON)
    (copy / file).write_text(json.dumps(doc), encoding="utf-8")
    answer(copy)


@SETTINGS
@given(data=st.data())
def test_hand_edits_to_the_passages(copy, data):
    restore(copy)
    text = PASSAGES
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 400)))
    tricky = ["'", '"', "[[passage]]", "\n", 'years = ["1999-1"]', "]"]
    insert = data.draw(st.text(max_size=30) | st.sampled_from(tricky))
    (copy / "passages.toml").write_text(text[:start] + insert + text[end:], encoding="utf-8")
    answer(copy)


@SETTINGS
@given(data=st.data(), file=st.sampled_from(list(FILES)))
def test_a_file_cut_short_or_doubled(copy, data, file):
    restore(copy)
    text = ORIGINAL[file]
    cut = data.draw(st.integers(0, len(text)))
    edited = text[:cut] if data.draw(st.booleans()) else text + text[:cut]
    (copy / file).write_text(edited, encoding="utf-8")
    answer(copy)
