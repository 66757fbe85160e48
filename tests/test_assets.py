"""Publishing the browser's files (mapcore.web.assets): content-hashed names, written once,
atomically, into the folder a server serves; a missing file says what to reinstall."""

from __future__ import annotations

import pytest

from mapcore.web.assets import AssetError, Publisher, package_file


def test_a_file_is_named_by_its_content_and_written_once(tmp_path):
    out = Publisher(tmp_path, "/app/static")
    url = out.bytes("atlas.json", b'{"a": 1}')
    assert url.startswith("/app/static/atlas/atlas-") and url.endswith(".json")
    target = tmp_path / url.removeprefix("/app/static/")
    assert target.read_bytes() == b'{"a": 1}'
    mtime = target.stat().st_mtime_ns
    assert out.bytes("atlas.json", b'{"a": 1}') == url  # same content, same name, not rewritten
    assert target.stat().st_mtime_ns == mtime
    other = out.bytes("atlas.json", b'{"a": 2}')
    assert other != url  # new content, new name: no browser keeps a stale copy
    assert not list(tmp_path.rglob("*.part"))  # nothing half-written is left
    assert out.written == [target, target, tmp_path / other.removeprefix("/app/static/")]


def test_leaflet_comes_from_its_package_and_is_served_locally(tmp_path):
    out = Publisher(tmp_path, "/app/static")
    leaflet = out.leaflet()
    (_, js), (_, css) = leaflet.js[0], leaflet.css[0]
    assert js.startswith("/app/static/vendor/leaflet-") and js.endswith("/leaflet.js")
    assert (tmp_path / js.removeprefix("/app/static/")).is_file()
    assert (tmp_path / css.removeprefix("/app/static/")).is_file()
    assert all(f.is_file() for f in out.written)


def test_the_atlas_own_files_and_a_missing_one(tmp_path):
    out = Publisher(tmp_path, "/static")
    url = out.package_file("atlasmap.js")
    assert (tmp_path / url.removeprefix("/static/")).read_bytes() == package_file(
        "atlasmap.js"
    ).read_bytes()
    with pytest.raises(AssetError, match="reinstall"):
        package_file("no-such-file.js")
    with pytest.raises(AssetError, match="reinstall"):
        out.copy(tmp_path / "gone.woff2", "fonts/gone.woff2")
