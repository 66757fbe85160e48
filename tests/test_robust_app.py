"""Never fails in front of a class: broken data, bad links, missing files, hostile text.

Each case ends in a clear message and, wherever anything can be drawn, a working map.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apptest_kit import component_data
from editions import copy_geodata, edit_feature, make_hostile
from streamlit.testing.v1 import AppTest

from atlasapp import edition as appkit
from atlasapp.testing import app_copy

APP = str(app_copy())
T = "territories.geojson"
S = "shapes.geojson"


def run_on(monkeypatch, geodata: Path | None, **params) -> AppTest:
    if geodata is not None:
        monkeypatch.setenv("MAPCORE_GEODATA", str(geodata))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def drawn_territories(at: AppTest) -> set[int]:
    """The periods the map draws for the step's year, from the timeline the app published."""
    import re

    args = json.loads(at.get("component_instance")[0].proto.json_args)
    year = json.loads(re.search(r"\.show\((\{.*\})\);", args["feature_group"], re.S)[1])["year"]
    url = re.search(r'"dataUrl": "([^"]+)"', args["script"])[1]
    data = json.loads((Path(APP).parent / url.removeprefix("/app/")).read_text(encoding="utf-8"))
    timeline = data["timeline"]
    state = timeline["states"][timeline["years"][str(year)]["state"]]
    return {timeline["territories"][i]["period"] for i in state["territories"]}


def problems_listed(at: AppTest) -> str:
    assert any("problem(s)" in w.value for w in at.warning), [w.value for w in at.warning]
    return at.code[0].value


BROKEN = {
    "bad JSON in the events": (
        lambda d: (d / "events.geojson").write_text("{not json", encoding="utf-8"),
        "events.geojson: not valid JSON: Expecting property name enclosed in double quotes",
    ),
    "a missing property": (
        lambda d: edit_feature(d, T, {"territory": "urup", "start": "1945-08-31"}, source=None),
        "(urup): 'source' is missing",
    ),
    "an invalid shape": (
        lambda d: edit_feature(d, S, {"key": "habomai"}, geometry={
            "type": "Polygon", "coordinates": [[[146, 43], [146.2, 43.2], [146.2, 43],
                                                [146, 43.2], [146, 43]]]}),
        "(habomai): geometry is not valid (Self-intersection",
    ),
    "an invalid inline geometry": (
        lambda d: edit_feature(d, T, {"territory": "habomai", "end": None}, shape=None, geometry={
            "type": "Polygon", "coordinates": [[[146, 43], [146.2, 43.2], [146.2, 43],
                                                [146, 43.2], [146, 43]]]}),
        "(habomai): geometry is not valid (Self-intersection",
    ),
    "an empty geometry": (
        lambda d: edit_feature(d, S, {"key": "habomai"},
                               geometry={"type": "MultiPolygon", "coordinates": []}),
        "(habomai): geometry is empty",
    ),
    "an unknown shape": (
        lambda d: edit_feature(d, T, {"territory": "iturup", "start": "1946-02-02"},
                               shape="iturup-1946"),
        "(iturup): unknown shape 'iturup-1946'",
    ),
    "overlapping periods": (
        lambda d: edit_feature(d, T, {"territory": "urup", "start": "1945-08-31"},
                               end="1946-03-01"),
        "(urup): overlap: starts 1946-02-02, before the previous period ends (1946-03-01",
    ),
    "an unknown id": (
        lambda d: edit_feature(d, T, {"territory": "iturup", "start": "1946-02-02"},
                               controller="ussr"),
        "(iturup): unknown controller 'ussr'",
    ),
    "an unreadable date": (
        lambda d: edit_feature(d, T, {"territory": "iturup", "start": "1946-02-02"},
                               end="sometime in 1990"),
        "(iturup): 'end' is not an ISO date (YYYY-MM-DD): 'sometime in 1990'",
    ),
    "a missing file": (
        lambda d: (d / "places.geojson").unlink(),
        "places.geojson: file is missing",
    ),
    "a broken passages file": (
        lambda d: (d / "passages.toml").write_text("title = 'unterminated", encoding="utf-8"),
        "passages.toml: not valid TOML",
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_data_gets_the_list_of_problems_and_a_working_map(kind, tmp_path, monkeypatch):
    break_it, expected = BROKEN[kind]
    edition = copy_geodata(tmp_path / "geodata")
    break_it(edition)
    at = run_on(monkeypatch, edition, year="1950")
    assert not at.exception
    listed = problems_listed(at)
    assert expected in listed, listed
    assert len(drawn_territories(at)) >= 15  # the map is still there


def test_a_broken_feature_is_listed_not_silently_dropped(tmp_path, monkeypatch):
    edition = copy_geodata(tmp_path / "geodata")
    i = edit_feature(edition, T, {"territory": "iturup", "start": "1946-02-02"}, status="owned")
    at = run_on(monkeypatch, edition, year="1950")
    assert f"territories.geojson: feature {i} (iturup): unknown status 'owned'" in problems_listed(
        at
    )
    assert at.expander[0].label == "The problems"


def test_the_app_reads_a_broken_edition_once(tmp_path, monkeypatch):
    import mapcore.read

    edition = copy_geodata(tmp_path / "geodata")
    edit_feature(edition, T, {"territory": "iturup", "start": "1946-02-02"}, status="owned")
    reads = []
    real = mapcore.read.read_passages
    monkeypatch.setattr(mapcore.read, "read_passages", lambda *a: reads.append(a) or real(*a))
    atlas, problems, note = appkit.read(str(edition))
    assert len(reads) == 1
    assert [p.message.split(" (")[0] for p in problems] == ["unknown status 'owned'"]
    assert atlas.periods and not note


def test_nothing_drawable_falls_back_to_the_original_atlas_and_says_so(tmp_path, monkeypatch):
    edition = copy_geodata(tmp_path / "geodata")
    (edition / T).write_text("[]", encoding="utf-8")
    at = run_on(monkeypatch, edition, year="1905")
    assert not at.exception
    assert "territories.geojson: not a GeoJSON FeatureCollection" in problems_listed(at)
    assert any("showing the original atlas" in i.value for i in at.info)
    assert len(drawn_territories(at)) >= 15


def test_the_original_broken_too_gives_the_list_and_no_traceback(tmp_path, monkeypatch):
    import mapcore.atlas

    edition = copy_geodata(tmp_path / "geodata")
    (edition / T).write_text("[]", encoding="utf-8")
    monkeypatch.setattr(mapcore.atlas, "DEFAULT_GEODATA", edition)
    at = run_on(monkeypatch, edition, year="1905")
    assert not at.exception
    assert "Nothing can be drawn" in at.warning[0].value
    assert "not a GeoJSON FeatureCollection" in at.code[0].value


def test_a_fixed_file_is_read_again_without_restarting(tmp_path, monkeypatch):
    edition = copy_geodata(tmp_path / "geodata")
    original = (edition / "events.geojson").read_text(encoding="utf-8")
    (edition / "events.geojson").write_text("{", encoding="utf-8")
    assert run_on(monkeypatch, edition).warning
    (edition / "events.geojson").write_text(original, encoding="utf-8")
    assert not run_on(monkeypatch, edition).warning


@pytest.mark.parametrize(("value", "note"), [
    ("1" * 5000, "is not a year"),
    ("一九〇五", "is not a year"),
    ("１９０５", None),  # full-width digits are 1905
    ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "is not a year"),
])  # fmt: skip
def test_bad_links_give_the_nearest_sensible_view(value, note, monkeypatch):
    at = run_on(monkeypatch, None, year=value)
    assert not at.exception
    assert at.slider(key="year").value == 1905
    if note:
        assert any(note in i.value for i in at.toast)
        assert all(len(i.value) < 300 for i in at.toast)


def test_unknown_and_repeated_parameters(monkeypatch):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["year"] = ["1939", "1945"]
    at.query_params["zoom"] = "9"
    at.query_params["<b>"] = "x"
    at.run()
    assert not at.exception and at.slider(key="year").value == 1939
    notes = " ".join(i.value for i in at.toast)
    assert "names 2 years" in notes and "“zoom”" in notes and "“<b>”" in notes


def test_a_missing_package_asset_says_what_to_reinstall(monkeypatch):
    from mapcore.web import assets

    def gone():
        raise assets.AssetError(
            "Leaflet is missing: reinstall the app's packages with `pip install -e .` "
            "(it installs xstatic-leaflet)"
        )

    appkit.load.clear()
    monkeypatch.setattr(assets.Publisher, "leaflet", lambda self: gone())
    at = run_on(monkeypatch, None)
    appkit.load.clear()
    assert not at.exception
    assert "reinstall" in at.error[0].value and "xstatic-leaflet" in at.error[0].value


def test_static_files_removed_while_running_are_published_again(monkeypatch):
    appkit.load.clear()
    at = run_on(monkeypatch, None)
    data = Path(APP).parent / "static" / "atlas"  # beside the script, as Streamlit serves it
    for f in data.glob("atlas-*.json"):
        f.unlink()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert list(data.glob("atlas-*.json"))


def test_hostile_text_reaches_streamlit_only_escaped(tmp_path, monkeypatch):
    edition = make_hostile(tmp_path / "geodata")
    at = run_on(monkeypatch, edition, year="1905", view="compare")
    assert not at.exception and not at.warning
    listed = at.get("html")[0].proto.body
    assert "<script" not in listed and "&lt;script&gt;" in listed
    assert "<img" not in listed and "&lt;img" in listed


def test_hostile_lesson_text_shows_as_text(tmp_path, monkeypatch):
    """A lesson's texts reach the page as data (the lesson panel sets textContent) and in
    Streamlit's own widgets as plain labels."""
    edition = make_hostile(tmp_path / "geodata")
    at = run_on(monkeypatch, edition, lesson="shimoda-to-abe", stop="2")
    assert not at.exception and not at.warning
    assert "<script>" in at.selectbox(key="stop-list").options[0]  # a label: plain text
    data = component_data(at, "lesson")["stop"]
    assert "<a href=" in data["caption"] or "<script>" in data["caption"] or "<img" in data[
        "caption"]  # fmt: skip
    assert not [m for m in at.markdown if "<script" in m.value]


def test_a_broken_lesson_in_the_edition_is_listed_and_still_opens(tmp_path, monkeypatch):
    """A lesson file put in an edition (MAPCORE_GEODATA) is checked with the rest: its problem
    is listed (file, stop, problem) and the lesson opens without what the atlas lacks."""
    edition = copy_geodata(tmp_path / "geodata")
    lesson = edition / "lessons" / "shimoda-to-abe.toml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        'highlight = ["iturup", "urup"]', 'highlight = ["iturup", "atlantis"]', 1),
        encoding="utf-8")  # fmt: skip
    at = run_on(monkeypatch, edition, lesson="shimoda-to-abe", stop="1")
    assert not at.exception
    listed = "\n".join(c.value for c in at.code)
    assert ("lessons/shimoda-to-abe.toml: stop 1: highlight names 'atlantis', which is no "
            "territory, place or event of the atlas") in listed  # fmt: skip
    stop = component_data(at, "lesson")["stop"]
    assert stop["number"] == 1 and stop["highlight"]["territories"] == ["iturup"]
