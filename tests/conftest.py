"""Shared fixtures: the real atlas, and editable copies of its geodata for breaking on purpose."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from mapcore import load_atlas
from mapcore.atlas import DEFAULT_GEODATA

# Hypothesis keeps its examples and caches outside the checkout, like all the tests write.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "atlas-hypothesis"))


@pytest.fixture(scope="session")
def atlas():
    return load_atlas(DEFAULT_GEODATA)


class Edition:
    """A copy of the real geodata in a temporary folder, with helpers to break it."""

    def __init__(self, path: Path):
        self.path = path

    def read(self, name: str) -> dict:
        return json.loads((self.path / name).read_text(encoding="utf-8"))

    def write(self, name: str, doc: dict) -> None:
        (self.path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    def edit_feature(self, file: str, index: int, **props) -> dict:
        doc = self.read(file)
        feature = doc["features"][index]
        for key, value in props.items():
            if value is None:
                feature["properties"].pop(key, None)
            else:
                feature["properties"][key] = value
        self.write(file, doc)
        return feature

    def set_geometry(self, file: str, index: int, geometry: dict | None, **props) -> dict:
        """Give a feature another geometry (and set or, with None, remove properties)."""
        doc = self.read(file)
        feature = doc["features"][index]
        feature["geometry"] = geometry
        for key, value in props.items():
            if value is None:
                feature["properties"].pop(key, None)
            else:
                feature["properties"][key] = value
        self.write(file, doc)
        return feature

    def find(self, name: str, **match) -> int:
        """The index of the first feature whose properties match."""
        for i, f in enumerate(self.read(name)["features"]):
            if all(f["properties"].get(k) == v for k, v in match.items()):
                return i
        raise LookupError(match)

    def text(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def write_text(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, shared by every browser test (skipped where it is missing,
    except in CI, where a missing browser is a failure)."""
    from atlasapp.testing import CHROMIUM, launch

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


@pytest.fixture(scope="session")
def pack(tmp_path_factory, atlas):
    """The classroom pack of the real atlas, made once: what a teacher opens from file://."""
    from mapcore.web.pack import export_pack

    out = tmp_path_factory.mktemp("pack") / "atlas.html"
    export_pack(atlas, out)
    return out


@pytest.fixture(scope="session")
def app_server():
    """The real app, started once for the browser tests on the project's geodata."""
    from atlasapp.testing import running_app

    with running_app() as app:
        yield app


@pytest.fixture
def edition(tmp_path):
    target = tmp_path / "geodata"
    shutil.copytree(DEFAULT_GEODATA, target)
    return Edition(target)
