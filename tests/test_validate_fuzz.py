"""Whatever a hand edit does to the data, the answer is problems listed, never a crash.

Every mutation must give either a valid atlas or the atlas error with a readable list; and since
the app then draws what could be read, a lenient load of it must also make the map's data. The
properties run on a small edition written from scratch (read in milliseconds); one pass of
fixed edits runs on the real geodata.
"""

from __future__ import annotations

import json
import shutil

import pytest
from editions import small_edition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapcore import AtlasError, load_atlas, read_atlas, validate
from mapcore.atlas import DEFAULT_GEODATA
from mapcore.web import wire

pytestmark = pytest.mark.fuzz
T = "territories.geojson"

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                               max_size=3),
    max_leaves=6,
)  # fmt: skip
FILES = {
    "territories.geojson": ["territory", "controller", "status", "start", "end", "name",
                            "instrument", "source", "claimant", "successors", "origin",
                            "controller_name", "notes", "names", "short_names", "shape"],
    "shapes.geojson": ["key", "territory"],
    "events.geojson": ["date", "end", "name", "kind", "place", "description", "source"],
    "places.geojson": ["key", "start", "end", "names", "source"],
    "lines.geojson": ["key", "kind", "name", "territory", "start", "end", "source"],
    "context.geojson": ["key", "kind", "name", "controller", "start", "source"],
}  # fmt: skip
SETTINGS = settings(max_examples=10, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small edition, and its files' text to restore before each example."""
    path = small_edition(tmp_path_factory.mktemp("fuzz") / "geodata")
    assert validate(path) == []  # a clean start: every problem found comes from the edit
    original = {f.name: f.read_text(encoding="utf-8") for f in path.iterdir()}
    return path, original


def restore(small) -> tuple:
    path, original = small
    for name, text in original.items():
        (path / name).write_text(text, encoding="utf-8")
    return path, original


def answer(path) -> None:
    """Read the edition: it must not raise, whatever the data; every problem reads as
    "file: feature: problem"; the browser's data still builds from what could be read; and a
    strict load, a lenient one and `validate` agree, one read each.
    """
    atlas, problems = read_atlas(path)
    assert all(str(p) and ": " in str(p) for p in problems)
    assert [str(p) for p in validate(path)] == [str(p) for p in problems]
    if problems:
        with pytest.raises(AtlasError):
            load_atlas(path)
        wire.static_data(atlas)
        wire.year_state(atlas, 1905)
        wire.essay_data(atlas)
    shapes = {p.shape: id(p.geometry) for p in atlas.periods}
    assert all(shapes[p.shape] == id(p.geometry) for p in atlas.periods)  # one object per shape
    assert_nothing_dropped_silently(path, atlas, problems)


def assert_nothing_dropped_silently(path, atlas, problems) -> None:
    """Each period feature is in the atlas or named by a problem, unless a whole file is."""
    whole_file = [p for p in problems if p.feature is None and p.territory is None]
    if any(p.file in (T, "shapes.geojson") for p in whole_file):
        return
    kept = {p.index for p in atlas.periods}
    named = {p.feature for p in problems if p.file == T}
    count = len(json.loads((path / T).read_text(encoding="utf-8"))["features"])
    assert set(range(count)) <= kept | named


@SETTINGS
@given(data=st.data(), file=st.sampled_from(list(FILES)), value=JSON)
def test_any_value_in_any_property_or_geometry(small, data, file, value):
    path, original = restore(small)
    doc = json.loads(original[file])
    feature = doc["features"][data.draw(st.integers(0, len(doc["features"]) - 1))]
    key = data.draw(st.sampled_from([*FILES[file], "geometry", "properties"]))
    if key in ("geometry", "properties"):
        feature[key] = value
    else:
        feature["properties"][key] = value
    (path / file).write_text(json.dumps(doc), encoding="utf-8")
    answer(path)


@SETTINGS
@given(data=st.data(), file=st.sampled_from([f for f in FILES if f != "territories.geojson"]))
def test_coordinates_out_of_place(small, data, file):
    path, original = restore(small)
    doc = json.loads(original[file])
    feature = doc["features"][data.draw(st.integers(0, len(doc["features"]) - 1))]
    numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-400, max_value=400)
    coords = feature["geometry"]["coordinates"]
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[data.draw(st.integers(0, len(coords) - 1))]
    if isinstance(coords, list) and coords:
        coords[data.draw(st.integers(0, len(coords) - 1))] = data.draw(numbers | JSON)
    (path / file).write_text(json.dumps(doc), encoding="utf-8")
    answer(path)


@SETTINGS
@given(data=st.data())
def test_a_period_given_its_geometry_inline(small, data):
    """Hand-made editions may draw a period inline instead of naming a shape, or do both."""
    path, original = restore(small)
    doc = json.loads(original["territories.geojson"])
    feature = doc["features"][data.draw(st.integers(0, len(doc["features"]) - 1))]
    shapes = json.loads(original["shapes.geojson"])["features"]
    feature["geometry"] = data.draw(st.sampled_from(shapes))["geometry"]
    if data.draw(st.booleans()):
        feature["properties"].pop("shape")
    (path / "territories.geojson").write_text(json.dumps(doc), encoding="utf-8")
    answer(path)


@SETTINGS
@given(data=st.data())
def test_hand_edits_to_the_passages(small, data):
    path, original = restore(small)
    text = original["passages.toml"]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 400)))
    tricky = ["'", '"', "[[passage]]", "\n", 'years = ["1999-1"]', "]"]
    insert = data.draw(st.text(max_size=30) | st.sampled_from(tricky))
    (path / "passages.toml").write_text(text[:start] + insert + text[end:], encoding="utf-8")
    answer(path)


@SETTINGS
@given(data=st.data(), file=st.sampled_from([*FILES, "passages.toml"]))
def test_a_file_cut_short_or_doubled(small, data, file):
    path, original = restore(small)
    text = original[file]
    cut = data.draw(st.integers(0, len(text)))
    edited = text[:cut] if data.draw(st.booleans()) else text + text[:cut]
    (path / file).write_text(edited, encoding="utf-8")
    answer(path)


# -- one pass on the real geodata ------------------------------------------------------------


REAL_EDITS = [
    ("territories.geojson", 5, "names", {"en": ["not", "text"]}),
    ("territories.geojson", 40, "shape", None),
    ("territories.geojson", 70, "start", 1905),
    ("shapes.geojson", 3, "geometry", {"type": "Polygon", "coordinates": [[[0, 0]]]}),
    ("events.geojson", 10, "date", "10 Feb 1904"),
    ("places.geojson", 2, "names", "Dalny"),
    ("lines.geojson", 0, "territory", ["kwantung"]),
    ("context.geojson", 1, "properties", None),
]


def test_the_real_geodata_edited_by_hand(tmp_path):
    """One feature of every file broken at once: each is named, the rest still drawn."""
    path = tmp_path / "geodata"
    shutil.copytree(DEFAULT_GEODATA, path)
    for file, index, key, value in REAL_EDITS:
        doc = json.loads((path / file).read_text(encoding="utf-8"))
        feature = doc["features"][index]
        if key in ("geometry", "properties"):
            feature[key] = value
        else:
            feature["properties"][key] = value
        (path / file).write_text(json.dumps(doc), encoding="utf-8")
    answer(path)
    problems = validate(path)
    for file, index, _, _ in REAL_EDITS:
        assert any(p.file == file and p.feature == index for p in problems), (file, index)
