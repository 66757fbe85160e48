"""The loaded atlas and its browser files, once per process and shared by every session.

app.py runs top to bottom on each rerun, so anything built there would be rebuilt each time;
built here under Streamlit's resource cache, it is built once (and again only when a data file
changes or a published file goes missing).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd
import streamlit as st

import mapcore
from mapcore import quiz, stats
from mapcore.lessons import LESSONS_DIR
from mapcore.quiz import Question
from mapcore.web import elements, publish
from mapcore.web.assets import Publisher
from mapcore.web.pack import render_pack
from mapcore.web.publish import PanelFiles
from mapcore.web.stops import StopWire, lessons_data

# Streamlit serves the folder `static/` beside the app's script at this URL (static serving
# is switched on in .streamlit/config.toml); the app publishes its browser files there.
STATIC_URL = "/app/static"


@dataclass(frozen=True)
class Edition:
    """A loaded atlas and the URLs of what the browser fetches for it.

    A broken edition still loads what it can: `problems` lists what is wrong (and left out);
    `note` says what is shown instead when nothing of it could be drawn.
    """

    atlas: mapcore.Atlas
    map_assets: elements.MapAssets
    essay: PanelFiles
    notes: PanelFiles
    days: PanelFiles
    lesson: PanelFiles
    controller: str
    published: tuple[Path, ...]
    problems: tuple = ()
    note: str = ""

    @cache  # noqa: B019 - a handful of Editions per process, each kept by Streamlit's cache
    def areas(self) -> pd.DataFrame:
        """Control over time: km² per power per year, computed once."""
        return stats.area_by_power(self.atlas)

    @cache  # noqa: B019
    def stops(self) -> dict[tuple[str, int], StopWire]:
        """Each lesson's stops as the browser shows them, by (lesson id, number): made once."""
        return {(s["lesson"], s["number"]): s for lesson in lessons_data(self.atlas)
                for s in lesson["stops"]}  # fmt: skip

    @lru_cache(maxsize=512)  # noqa: B019 - a slider step shows it again and again
    def questions(self, day: dt.date, pair: tuple[int, int]) -> tuple[Question, ...]:
        """The atlas's quiz questions for a day (and Compare's two years), made once each:
        the Quiz is drawn on every step, and making them costs as much as the step."""
        return tuple(quiz.questions(self.atlas, day, pair))

    @cache  # noqa: B019
    def pack(self) -> bytes:
        """The static classroom pack (one HTML file), built once when first asked for."""
        return render_pack(self.atlas).encode("utf-8")

    def missing_files(self) -> list[Path]:
        """Published files that have gone from static/ (someone cleaned it while we ran)."""
        return [f for f in self.published if not f.is_file()]

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
    """The data files' names, sizes and times (the lessons' too): an edited file makes a new
    cache entry."""
    folder = Path(geodata)
    if not folder.is_dir():
        return ()
    files = [*folder.iterdir(), *(folder / LESSONS_DIR).glob("*.toml")]
    return tuple(sorted((str(f.relative_to(folder)), f.stat().st_size, f.stat().st_mtime_ns)
                        for f in files if f.is_file()))  # fmt: skip


def read(geodata: str) -> tuple[mapcore.Atlas, tuple, str]:
    """The atlas to show for a data folder, its problems, and a note if it is another one."""
    atlas, problems = mapcore.read_atlas(geodata)
    if atlas.periods:
        return atlas, tuple(problems), ""
    original = mapcore.packaged_geodata()
    if Path(geodata).resolve() == original.resolve():
        raise mapcore.AtlasError(list(problems))  # nothing of it can be drawn, and no other
    note = f"Nothing of {geodata} can be drawn: showing the original atlas ({original})."
    return mapcore.load_atlas(original), tuple(problems), note


@st.cache_resource(show_spinner="Loading the atlas…", max_entries=4)
def load(geodata: str, static: str, files: tuple = ()) -> Edition:
    """Read and check the atlas once per process (and per edit), and publish its browser files
    into `static` (the folder Streamlit serves at STATIC_URL).

    `files` is `stamp(geodata)`: it only keys the cache, so that an edited file is read again.
    """
    atlas, problems, note = read(geodata)
    out = Publisher(Path(static), STATIC_URL)
    web = publish.edition_files(atlas, out)
    return Edition(atlas, web.map_assets, web.essay, web.notes, web.days, web.lesson,
                   web.controller, tuple(out.written), problems=problems,
                   note=note)  # fmt: skip


def edition_for(geodata: str, static: Path) -> Edition:
    """The edition to show, its static files in place (published again if they went missing)."""
    edition = load(geodata, str(static), stamp(geodata))
    if edition.missing_files():
        load.clear()
        edition = load(geodata, str(static), stamp(geodata))
    return edition
