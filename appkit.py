"""The Streamlit pieces the app builds on, defined once per process rather than on every rerun.

app.py runs top to bottom on each rerun, so anything decorated there (Streamlit's caches, the
v2 components) would be rebuilt each time; imported from here, it is built once. The loaded
atlas is shared by every session: one copy of the geodata per process.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import streamlit as st

import mapcore
from mapcore import layers, mapdata, stats
from mapcore.assets import (
    STATIC_URL,
    ensure_leaflet,
    publish,
    publish_fonts,
    publish_package_file,
)
from mapcore.fonts import WEIGHTS, font_file
from mapcore.pack import render_pack

STATIC = Path(__file__).parent / "static"
# Presenter mode hides Streamlit's header and its space: Streamlit has no per-session setting
# for that, so these two selectors are the app's only CSS on Streamlit's own elements
# (tests/test_page_browser.py checks that they still match).
PRESENTER_CSS = """
[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.5rem !important; }
"""


@dataclass(frozen=True)
class Edition:
    """A loaded atlas and the URLs of what the browser fetches for it.

    A broken edition still loads what it can: `problems` lists what is wrong (and left out);
    `note` says what is shown instead when nothing of it could be drawn.
    """

    atlas: mapcore.Atlas
    map_assets: layers.MapAssets
    essay_url: str
    essay_style: str
    essay_module: str
    notes_url: str
    notes_style: str
    notes_module: str
    page_module: str
    problems: tuple = ()
    note: str = ""

    @cache  # noqa: B019 - a handful of Editions per process, each kept by Streamlit's cache
    def state(self, year: int) -> dict:
        """The map's state for a year: computed once per year, then shared by all sessions."""
        return mapdata.year_state(self.atlas, year)

    @cache  # noqa: B019
    def areas(self) -> pd.DataFrame:
        """Control over time: km² per power per year, computed once."""
        return stats.area_by_power(self.atlas)

    @cache  # noqa: B019
    def pack(self) -> bytes:
        """The static classroom pack (one HTML file), built once when first asked for."""
        return render_pack(self.atlas).encode("utf-8")

    def missing_files(self) -> list[Path]:
        """Published files that have gone from static/ (someone cleaned it while we ran)."""
        urls = [*self.map_assets.script_urls, self.map_assets.style_url, self.map_assets.data_url,
                self.map_assets.fonts_url,
                *(f"{STATIC_URL}/fonts/{font_file(w).name}" for w in WEIGHTS),
                *(u for _, u in self.map_assets.leaflet.js + self.map_assets.leaflet.css),
                self.essay_url, self.essay_style, self.essay_module, self.notes_url,
                self.notes_style, self.notes_module, self.page_module]  # fmt: skip
        files = [STATIC / u.removeprefix(STATIC_URL + "/") for u in urls]
        return [f for f in files if not f.is_file()]

    def snapshot_geojson(self, year: int) -> bytes:
        snap = self.atlas.snapshot(year)
        snap[["start", "end"]] = snap[["start", "end"]].astype(str).replace("None", "")
        return snap.to_json(drop_id=True).encode("utf-8")

    def snapshot_csv(self, year: int) -> bytes:
        snap = self.atlas.snapshot(year).drop(columns="geometry")
        return snap.to_csv(index=False).encode("utf-8")

    def snapshot_zip(self, year: int) -> bytes:
        """The year's map as atlas-YEAR.geojson and atlas-YEAR.csv, in one zip."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(f"atlas-{year}.geojson", self.snapshot_geojson(year))
            z.writestr(f"atlas-{year}.csv", self.snapshot_csv(year))
        return out.getvalue()


def stamp(geodata: str) -> tuple:
    """The data files' names, sizes and times: an edited file makes a new cache entry."""
    folder = Path(geodata)
    if not folder.is_dir():
        return ()
    return tuple(sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns)
                        for f in folder.iterdir() if f.is_file()))  # fmt: skip


def read(geodata: str) -> tuple[mapcore.Atlas, tuple, str]:
    """The atlas to show for a data folder, its problems, and a note if it is another one."""
    atlas, found = mapcore.read_atlas(geodata)  # read once: what could be read, and what not
    problems = tuple(found)
    if not problems or atlas.periods:
        return atlas, problems, ""
    original = mapcore.atlas.DEFAULT_GEODATA
    if Path(geodata).resolve() == original.resolve():
        raise mapcore.AtlasError(list(problems))  # nothing of it can be drawn, and no other
    note = f"Nothing of {geodata} can be drawn: showing the original atlas ({original})."
    return mapcore.load_atlas(original), problems, note


@st.cache_resource(show_spinner="Loading the atlas…", max_entries=4)
def load(geodata: str, files: tuple = ()) -> Edition:
    """Read and check the atlas once per process (and per edit), and publish its browser files.

    `files` is `stamp(geodata)`: it only keys the cache, so that an edited file is read again.
    """
    atlas, problems, note = read(geodata)
    data = mapdata.dumps(mapdata.static_data(atlas)).encode("utf-8")
    essay = mapdata.dumps(mapdata.essay_data(atlas)).encode("utf-8")
    notes = mapdata.dumps(mapdata.year_notes(atlas)).encode("utf-8")
    map_assets = layers.MapAssets(
        leaflet=ensure_leaflet(STATIC),
        script_urls=tuple(publish_package_file(STATIC, name) for name in layers.MAP_SCRIPTS),
        style_url=publish_package_file(STATIC, "atlasmap.css"),
        data_url=publish(STATIC, "atlas.json", data),
        fonts_url=publish_fonts(STATIC),
    )
    return Edition(
        atlas,
        map_assets,
        essay_url=publish(STATIC, "essay.json", essay),
        essay_style=publish_package_file(STATIC, "essay.css"),
        essay_module=publish_package_file(STATIC, "essay.js"),
        notes_url=publish(STATIC, "notes.json", notes),
        notes_style=publish_package_file(STATIC, "year.css"),
        notes_module=publish_package_file(STATIC, "year.js"),
        page_module=publish_package_file(STATIC, "page.js"),
        problems=problems,
        note=note,
    )


def edition_for(geodata: str) -> Edition:
    """The edition to show, its static files in place (published again if they went missing)."""
    edition = load(geodata, stamp(geodata))
    if edition.missing_files():
        load.clear()
        edition = load(geodata, stamp(geodata))
    return edition


@st.cache_resource
def module_component(name: str, module: str):
    """A v2 component whose code is one of mapcore's static files, fetched once and cached."""
    return st.components.v2.component(
        name,
        # a newline marks the string as inline code, not a path
        js=f"export default function (c) {{\n  const url = new URL({module!r}, document.baseURI);\n"
        "  return import(url.href).then(function (m) { return m.default(c); });\n}\n",
    )
