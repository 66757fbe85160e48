"""The validator: each kind of broken data is reported with file, feature and problem."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mapcore import AtlasError, load_atlas, validate
from mapcore.atlas import DEFAULT_GEODATA

T = "territories.geojson"
S = "shapes.geojson"


def messages(path) -> list[str]:
    return [str(p) for p in validate(path)]


def only(path) -> str:
    found = messages(path)
    assert len(found) == 1, found
    return found[0]


def test_the_real_geodata_is_clean():
    assert validate(DEFAULT_GEODATA) == []


def test_bad_json_names_the_file_and_line(edition):
    edition.write_text(T, edition.text(T)[:5000])
    assert only(edition.path).startswith("territories.geojson: not valid JSON:")
    assert "at line" in only(edition.path)


def test_a_missing_file(edition):
    (edition.path / "events.geojson").unlink()
    assert only(edition.path) == "events.geojson: file is missing"


def test_not_a_feature_collection(edition):
    edition.write(T, {"type": "Feature"})
    problems = messages(edition.path)
    assert "territories.geojson: not a GeoJSON FeatureCollection" in problems


def test_a_crs_member_breaks_rfc_7946(edition):
    doc = edition.read("lines.geojson")
    doc["crs"] = {"type": "name", "properties": {"name": "EPSG:3857"}}
    edition.write("lines.geojson", doc)
    assert "has a 'crs' member" in only(edition.path)


@pytest.mark.parametrize("prop", ["instrument", "source", "controller", "name"])
def test_a_missing_property(edition, prop):
    i = edition.find(T, territory="iturup", start="1946-02-02")
    edition.edit_feature(T, i, **{prop: None})
    assert only(edition.path) == f"territories.geojson: feature {i} (iturup): '{prop}' is missing"


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ({"territory": "atlantis"}, "unknown territory 'atlantis'"),
        ({"controller": "ussr"}, "unknown controller 'ussr'"),
        ({"controller": "russia+japan"}, "must list ids alphabetically: 'japan+russia'"),
        ({"status": "owned"}, "unknown status 'owned'"),
        ({"claimant": None}, "status 'disputed' needs a 'claimant'"),
        ({"start": "2 Feb 1946"}, "'start' is not an ISO date (YYYY-MM-DD): '2 Feb 1946'"),
    ],
)
def test_unknown_ids_and_unreadable_dates(edition, props, expected):
    i = edition.find(T, territory="iturup", start="1946-02-02")
    edition.edit_feature(T, i, **props)
    found = messages(edition.path)
    assert any(f"feature {i}" in m and expected in m for m in found), found


def test_end_before_start(edition):
    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, end="1945-08-31")
    found = messages(edition.path)
    assert (
        f"territories.geojson: feature {i} (urup): end 1945-08-31 is not after start 1945-08-31"
        in found
    )


def test_a_gap_between_periods(edition):
    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, end="1946-01-01")
    found = messages(edition.path)
    assert any("(urup): gap: nothing covers 1946-01-01 to 1946-02-02" in m for m in found), found


def test_overlapping_periods(edition):
    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, end="1946-03-01")
    found = messages(edition.path)
    assert any(
        "(urup): overlap: starts 1946-02-02, before the previous period ends (1946-03-01" in m
        for m in found
    ), found


def test_a_territory_left_without_periods(edition):
    doc = edition.read(T)
    doc["features"] = [f for f in doc["features"] if f["properties"]["territory"] != "habomai"]
    edition.write(T, doc)
    assert only(edition.path) == "territories.geojson: habomai: territory has no periods"


def test_coverage_that_stops(edition):
    i = edition.find(T, territory="habomai", end=None)
    edition.edit_feature(T, i, end="2000-01-01")
    assert "coverage stops on 2000-01-01" in only(edition.path)


BROKEN_GEOMETRY = [
    (
        {"type": "Polygon", "coordinates": [[[146, 43], [146.2, 43], [146.2, 95], [146, 43]]]},
        "latitude 95 is outside -90..90",
    ),
    (
        {
            "type": "Polygon",
            "coordinates": [[[146, 43], [146, 43.2], [146.2, 43.2], [146, 43]]],
        },
        "exterior ring is clockwise",
    ),
    (
        {
            "type": "Polygon",
            "coordinates": [[[146, 43], [146.2, 43.2], [146.2, 43], [146, 43.2], [146, 43]]],
        },
        "geometry is not valid (Self-intersection",
    ),
    ({"type": "Polygon", "coordinates": []}, "geometry is empty"),
    ({"type": "Point", "coordinates": [146, 43]}, "geometry type 'Point' is not one of"),
    (None, "geometry is missing"),
]
SQUARE = {"type": "Polygon", "coordinates": [[[146, 43], [146.1, 43], [146.1, 43.1], [146, 43]]]}


@pytest.mark.parametrize(("geometry", "expected"), BROKEN_GEOMETRY)
def test_broken_inline_geometry(edition, geometry, expected):
    """A period may carry its own geometry instead of a shape: it is read just as strictly."""
    i = edition.find(T, territory="habomai", end=None)
    edition.set_geometry(T, i, geometry, shape=None)
    found = messages(edition.path)
    assert any(
        m.startswith(f"territories.geojson: feature {i} (habomai): {expected}") for m in found
    ), found


@pytest.mark.parametrize(("geometry", "expected"), BROKEN_GEOMETRY)
def test_a_broken_shape_leaves_out_the_periods_that_use_it(edition, geometry, expected):
    j = edition.find(S, key="habomai")
    edition.set_geometry(S, j, geometry)
    users = [
        i
        for i, f in enumerate(edition.read(T)["features"])
        if f["properties"]["shape"] == "habomai"
    ]
    found = messages(edition.path)
    assert found[0].startswith(f"shapes.geojson: feature {j} (habomai): {expected}"), found
    assert found[1:] == [
        f"territories.geojson: feature {i} (habomai): shape 'habomai' cannot be read "
        f"(shapes.geojson: feature {j})"
        for i in users
    ]
    atlas = load_atlas(edition.path, strict=False)
    assert "habomai" not in atlas.territories and "shikotan" in atlas.territories


def test_a_valid_inline_geometry_is_clean_and_its_own_shape(edition):
    i = edition.find(T, territory="habomai", end=None)
    edition.set_geometry(T, i, SQUARE, shape=None)
    assert messages(edition.path) == []
    period = load_atlas(edition.path).period("habomai", 2000)
    assert period.shape == f"habomai@{period.start.isoformat()}"
    assert period.geometry.bounds == (146, 43, 146.1, 43.1)


def test_periods_of_one_shape_share_one_geometry_object(atlas):
    by_shape: dict[str, set[int]] = {}
    for p in atlas.periods:
        by_shape.setdefault(p.shape, set()).add(id(p.geometry))
    assert all(len(ids) == 1 for ids in by_shape.values())
    assert len({id(p.geometry) for p in atlas.periods}) == len(by_shape) < len(atlas.periods)


def test_an_unknown_shape(edition):
    i = edition.find(T, territory="iturup", start="1946-02-02")
    edition.edit_feature(T, i, shape="iturup@1946")
    assert only(edition.path) == (
        f"territories.geojson: feature {i} (iturup): unknown shape 'iturup@1946': "
        "no feature of shapes.geojson has that key"
    )
    assert "iturup" in load_atlas(edition.path, strict=False).territories  # its other periods


def test_both_a_geometry_and_a_shape(edition):
    i = edition.find(T, territory="habomai", end=None)
    edition.set_geometry(T, i, SQUARE)
    assert only(edition.path) == (
        f"territories.geojson: feature {i} (habomai): "
        "has both an inline geometry and a 'shape': give one of them"
    )


def test_neither_a_geometry_nor_a_shape(edition):
    i = edition.find(T, territory="habomai", end=None)
    edition.edit_feature(T, i, shape=None)
    assert only(edition.path) == (
        f"territories.geojson: feature {i} (habomai): geometry is missing: give a 'shape' "
        "(a key of shapes.geojson) or an inline Polygon or MultiPolygon"
    )


def test_a_shape_that_is_not_text(edition):
    i = edition.find(T, territory="habomai", end=None)
    edition.edit_feature(T, i, shape=["habomai"])
    assert only(edition.path) == f"territories.geojson: feature {i} (habomai): 'shape' is not text"


def test_another_territorys_shape(edition):
    i = edition.find(T, territory="iturup", start="1946-02-02")
    edition.edit_feature(T, i, shape="kunashir")
    assert only(edition.path) == (
        f"territories.geojson: feature {i} (iturup): "
        "shape 'kunashir' is the shape of 'kunashir', not of 'iturup'"
    )


def test_a_shape_key_twice(edition):
    doc = edition.read(S)
    j = edition.find(S, key="habomai")
    doc["features"].append(doc["features"][j])
    edition.write(S, doc)
    n = len(doc["features"]) - 1
    assert only(edition.path) == (
        f"shapes.geojson: feature {n} (habomai): key 'habomai' repeats feature {j}"
    )


def test_a_shape_of_an_unknown_territory(edition):
    j = edition.find(S, key="habomai")
    edition.edit_feature(S, j, territory="atlantis")
    found = messages(edition.path)
    assert found[0] == f"shapes.geojson: feature {j} (atlantis): unknown territory 'atlantis'"
    assert all("shape 'habomai' cannot be read" in m for m in found[1:]) and found[1:]


def test_an_inline_key_that_is_also_a_shape_key(edition):
    i = edition.find(T, territory="habomai", end=None)
    start = edition.read(T)["features"][i]["properties"]["start"]
    edition.set_geometry(T, i, SQUARE, shape=None)
    doc = edition.read(S)
    doc["features"][edition.find(S, key="habomai")]["properties"]["key"] = f"habomai@{start}"
    edition.write(S, doc)
    found = messages(edition.path)
    assert (
        f"territories.geojson: feature {i} (habomai): its inline geometry's key "
        f"'habomai@{start}' is also a key of shapes.geojson"
    ) in found


def test_shapes_file_missing_is_one_line(edition):
    (edition.path / S).unlink()
    assert only(edition.path) == "shapes.geojson: file is missing"
    assert load_atlas(edition.path, strict=False).periods == ()


def test_a_broken_event(edition):
    doc = edition.read("events.geojson")
    doc["features"][3]["properties"]["kind"] = "party"
    doc["features"][7]["properties"].pop("source")
    edition.write("events.geojson", doc)
    found = messages(edition.path)
    assert "events.geojson: feature 3: unknown event kind 'party'" in found[0]
    assert found[1] == "events.geojson: feature 7: 'source' is missing"


def test_every_problem_in_one_run(edition):
    i = edition.find(T, territory="iturup", start="1946-02-02")
    edition.edit_feature(T, i, status="owned", source=None)
    (edition.path / "lines.geojson").write_text("{", encoding="utf-8")
    text = edition.text("passages.toml").replace('years = ["1904-1905"]', 'years = ["1905-1904"]')
    edition.write_text("passages.toml", text)
    found = messages(edition.path)
    assert len(found) == 4, found


# -- passages -----------------------------------------------------------------------------


def _passages(edition, old, new):
    text = edition.text("passages.toml")
    assert old in text
    edition.write_text("passages.toml", text.replace(old, new, 1))


def test_passages_bad_toml(edition):
    _passages(edition, 'id = "yalta"', 'id = "yalta')
    assert only(edition.path).startswith("passages.toml: not valid TOML:")


def test_passages_unreadable_years(edition):
    _passages(edition, 'years = ["1904-1905"]', 'years = ["the war"]')
    assert only(edition.path) == (
        "passages.toml: passage 4 (war-1904): years 'the war' are not "
        "YYYY, YYYY-YYYY or YYYY- (to the present)"
    )


def test_passages_edited_text_is_not_the_authors(edition):
    _passages(edition, "a far superior Japanese Navy", "a superior Japanese Navy")
    assert "do not rebuild the author's text word for word" in only(edition.path)


def test_passages_a_paragraph_twice(edition):
    text = edition.text("passages.toml")
    block = text[text.index('[[passage]]\nid = "yalta"') :]
    block = block[: block.index("\n\n")]
    edition.write_text("passages.toml", text + "\n" + block.replace('"yalta"', '"yalta-2"') + "\n")
    found = messages(edition.path)
    assert any("(yalta-2): text repeats passage 8: a paragraph appears twice" in m for m in found)


def test_passages_a_paragraph_missing(edition):
    text = edition.text("passages.toml")
    start = text.index('[[passage]]\nid = "yalta"')
    end = text.index("\n\n", start)
    edition.write_text("passages.toml", text[:start] + text[end:])
    found = messages(edition.path)
    assert "17 passages but the essay has 18 paragraphs" in found[1]
    # the shipped lesson cites it: that is a problem of the lesson's own
    assert found[0] == "lessons/shimoda-to-abe.toml: stop 12: passage 'yalta' is not in the essay"
    assert len(found) == 2


# -- load_atlas and the command line ---------------------------------------------------------


def test_load_atlas_raises_one_error_with_the_same_list(edition):
    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, end="1946-01-01", status="owned")
    with pytest.raises(AtlasError) as err:
        load_atlas(edition.path)
    assert [str(p) for p in err.value.problems] == messages(edition.path)
    assert len(err.value.problems) == 2
    lenient = load_atlas(edition.path, strict=False)  # the same list, and what could be read
    assert [str(p) for p in lenient.problems] == messages(edition.path) and lenient.periods


def count_reads(monkeypatch) -> list[str]:
    """Every time an edition's files are read (the essay is read once per read)."""
    import mapcore.read

    reads: list[str] = []
    real = mapcore.read.read_passages

    def counted(file, name):
        reads.append(str(file))
        return real(file, name)

    monkeypatch.setattr(mapcore.read, "read_passages", counted)
    return reads


def test_a_broken_edition_is_read_once_by_each_caller(edition, monkeypatch, capsys):
    from mapcore import read_atlas
    from mapcore.cli import main

    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, status="owned")
    reads = count_reads(monkeypatch)
    atlas, problems = read_atlas(edition.path)
    assert len(reads) == 1 and len(problems) == 1 and atlas.problems == tuple(problems)
    with pytest.raises(AtlasError):
        load_atlas(edition.path)
    assert len(reads) == 2
    assert load_atlas(edition.path, strict=False).periods
    assert len(reads) == 3
    assert main(["validate", str(edition.path)]) == 1
    assert len(reads) == 4 and "unknown status 'owned'" in capsys.readouterr().out


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "mapcore.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_cli_clean_exits_0():
    run = _cli("validate", str(DEFAULT_GEODATA))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "clean" in run.stdout


def test_cli_broken_exits_1_with_one_line_per_problem_and_no_traceback(edition):
    i = edition.find(T, territory="urup", start="1945-08-31")
    edition.edit_feature(T, i, end="1946-01-01", controller="ussr")
    edition.write_text("events.geojson", "not json")
    run = _cli("validate", str(edition.path))
    assert run.returncode == 1
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 3, lines
    assert all(line.split(":")[0] in (T, "events.geojson") for line in lines)
    assert "Traceback" not in run.stdout + run.stderr


def test_cli_a_folder_that_does_not_exist(tmp_path):
    run = _cli("validate", str(tmp_path / "nowhere"))
    assert run.returncode == 1 and "geodata folder not found" in run.stdout


L = "lines.geojson"


@pytest.mark.parametrize(
    ("key", "props", "expected"),
    [
        # E7 as it was: the 50th parallel from the signature, while Japan held the whole island
        ("sakhalin-50n", {"start": "1905-09-05"},
         "lines.geojson: feature {i} (sakhalin-50n): starts 1905-09-05, a day no period of "
         "sakhalin-south or sakhalin-north begins (nearest: 1905-07-07, 1905-07-24, "
         "1905-07-31, 1905-10-15)"),
        ("korea-38n", {"start": "1945-08-12"},
         "lines.geojson: feature {i} (korea-38n): starts 1945-08-12, a day no period of "
         "korea-north or korea-south begins (nearest: 1945-08-10, 1945-08-24, 1945-09-09)"),
        ("korea-38n", {"start": "1940-01-01", "end": "1945-08-24"},
         "lines.geojson: feature {i} (korea-38n): is drawn 1940-01-01 to 1945-08-24, but "
         "korea-north is not in force all that time"),
        ("sakhalin-50n", {"between": ["sakhalin-south", "atlantis"]},
         "lines.geojson: feature {i} (sakhalin-50n): 'between' must name two known territories: "
         "['sakhalin-south', 'atlantis']"),
    ],
)  # fmt: skip
def test_a_boundarys_dates_must_agree_with_the_periods_it_bounds(edition, key, props, expected):
    i = edition.find(L, key=key)
    edition.edit_feature(L, i, **props)
    assert expected.format(i=i) in messages(edition.path)


def test_a_boundary_drawn_where_the_two_are_held_alike(edition):
    i = edition.find(L, key="sakhalin-50n")
    edition.edit_feature(L, i, start="1905-07-31")  # Japan occupies both halves that day
    assert (f"lines.geojson: feature {i} (sakhalin-50n): starts 1905-07-31, when sakhalin-south "
            "and sakhalin-north are held alike") in messages(edition.path)  # fmt: skip


def named(edition, territory: str, name: str) -> int:
    """The feature of `territory`'s period called `name`."""
    return next(i for i, f in enumerate(edition.read(T)["features"])
                if f["properties"]["territory"] == territory
                and f["properties"]["name"] == name)  # fmt: skip


def test_a_name_used_outside_its_days(edition):
    i = named(edition, "primorye", "Primorsky Krai")
    edition.edit_feature(T, i, start="1926-01-04")  # the krai was formed on 20 Oct 1938
    j = named(edition, "primorye", "Primorye (Far Eastern Krai)")
    edition.edit_feature(T, j, end="1926-01-04")
    assert (
        f"territories.geojson: feature {i} (primorye): is named 'Primorsky Krai' from "
        "1926-01-04, but that name was in use only from 1938-10-20"
    ) in messages(edition.path)


def test_a_name_used_after_its_days(edition):
    i = named(edition, "kwantung", "Lüshun-Dalian (Lüda)")
    edition.edit_feature(T, i, end=None)  # as it was: Lüda to this day
    found = messages(edition.path)
    assert (
        f"territories.geojson: feature {i} (kwantung): is named 'Lüshun-Dalian (Lüda)' to "
        "today, but that name was in use only until 1981-03-05"
    ) in found


def test_name_in_use_must_be_dates(edition):
    i = named(edition, "primorye", "Primorsky Krai")
    edition.edit_feature(T, i, name_in_use={"from": "20 Oct 1938"})
    assert any("'from' is not an ISO date" in m and f"feature {i} " in m
               for m in messages(edition.path))  # fmt: skip


def test_a_mention_whose_phrase_is_not_in_its_passage(edition):
    text = edition.text("passages.toml").replace(
        '{ phrase = "Tsushima Straights", ref = "battle-of-tsushima" }',
        '{ phrase = "Tsushima Strait", ref = "battle-of-tsushima" }', 1)  # fmt: skip
    edition.write_text("passages.toml", text.replace('Tsushima Strait"', 'the Sea of Japan"', 1))
    assert only(edition.path) == (
        "passages.toml: passage 4 (war-1904): mention 'the Sea of Japan' does not occur in the "
        "passage's text"
    )


def test_a_mention_that_points_at_an_unknown_id(edition):
    old = '{ phrase = "Port Arthur", ref = "kwantung" }'
    text = edition.text("passages.toml").replace(old, old.replace("kwantung", "kwantong"), 1)
    edition.write_text("passages.toml", text)
    assert only(edition.path) == (
        "passages.toml: passage 4 (war-1904): mention 'Port Arthur' points at 'kwantong', which "
        "is no territory, place or event of the atlas"
    )


def test_a_mention_without_its_ref(edition):
    text = edition.text("passages.toml").replace(
        '{ phrase = "Port Arthur", ref = "kwantung" }', '{ phrase = "Port Arthur" }', 1
    )
    edition.write_text("passages.toml", text)
    assert "a mention must give a 'phrase' and a 'ref'" in only(edition.path)
