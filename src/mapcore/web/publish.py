"""An edition's browser files, published once: the map's data, scripts, style and fonts, the
essay and the year's notes, each at a content-hashed URL a server serves."""

from __future__ import annotations

from dataclasses import dataclass

from ..atlas import Atlas
from . import wire
from .assets import Publisher
from .elements import MAP_SCRIPTS, MapAssets
from .fonts import WEIGHTS, font_face_css, font_file


@dataclass(frozen=True)
class PanelFiles:
    """A panel beside the map: its data, its style and its script."""

    url: str
    style: str
    module: str


@dataclass(frozen=True)
class EditionFiles:
    map_assets: MapAssets
    essay: PanelFiles
    notes: PanelFiles
    days: PanelFiles  # the day steps: the notes' data, their own style and script
    lesson: PanelFiles  # a lesson's stop and quiz (no file of data: each run sends its stop)
    controller: str  # controller.js: what the page's parts follow


def fonts(out: Publisher) -> str:
    """The CJK fonts under their own names in `fonts/` (Streamlit's theme in
    .streamlit/config.toml names them there), and the URL of their @font-face CSS."""
    for weight in WEIGHTS:
        out.copy(font_file(weight), f"fonts/{font_file(weight).name}")
    css = font_face_css(lambda path: f"{out.url}/fonts/{path.name}")
    return out.bytes("atlas-fonts.css", css.encode("utf-8"))


def edition_files(atlas: Atlas, out: Publisher) -> EditionFiles:
    """Publish everything the browser fetches for `atlas`."""
    map_assets = MapAssets(
        leaflet=out.leaflet(),
        script_urls=tuple(out.package_file(name) for name in MAP_SCRIPTS),
        style_url=out.package_file("atlasmap.css"),
        data_url=out.bytes("atlas.json", wire.dumps(wire.static_data(atlas)).encode("utf-8")),
        fonts_url=fonts(out),
    )
    essay = PanelFiles(out.bytes("essay.json", wire.dumps(wire.essay_data(atlas)).encode()),
                       out.package_file("essay.css"), out.package_file("essay.js"))  # fmt: skip
    notes = PanelFiles(out.bytes("notes.json", wire.dumps(wire.year_notes(atlas)).encode()),
                       out.package_file("year.css"), out.package_file("year.js"))  # fmt: skip
    days = PanelFiles(notes.url, out.package_file("days.css"), out.package_file("days.js"))
    lesson = PanelFiles("", out.package_file("lesson.css"), out.package_file("lesson.js"))
    return EditionFiles(map_assets, essay, notes, days, lesson, out.package_file("controller.js"))
