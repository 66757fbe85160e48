"""The static classroom pack: one HTML file that works from a USB stick, with no Python and no
internet. Leaflet, the atlas's data, its scripts and the essay are all inlined; the same
browser controller as the app's (controller.js) runs the year slider, and the lessons run in
it as in the app (stops, keys, captions, quiz), without the server's console and following.
The same file can be served by any static host to any number of classes.
"""

from __future__ import annotations

from pathlib import Path

from ..atlas import Atlas
from .assets import leaflet_source, package_file
from .elements import MAP_SCRIPTS
from .fonts import data_uri, font_face_css
from .stops import lessons_data
from .wire import dumps, essay_data, static_data, year_notes

PANEL_SCRIPTS = ("controller.js", "essay.js", "year.js", "days.js", "lesson.js")


def _script_json(data) -> str:
    """JSON that cannot end its <script> element early (no '<' left in it)."""
    return dumps(data).replace("<", "\\u003c")


def _text(name: str) -> str:
    return package_file(name).read_text(encoding="utf-8")


def render_pack(atlas: Atlas) -> str:
    """The pack's HTML for `atlas`."""
    leaflet, _version = leaflet_source()
    parts = {
        "/*LEAFLET_CSS*/": (leaflet / "leaflet.css").read_text(encoding="utf-8"),
        "/*ATLAS_CSS*/": font_face_css(data_uri) + "\n" + _text("atlasmap.css"),
        "/*ESSAY_CSS*/": _text("essay.css"),
        "/*YEAR_CSS*/": _text("year.css"),
        "/*DAYS_CSS*/": _text("days.css"),
        "/*LESSON_CSS*/": _text("lesson.css"),
        "/*ATLAS_DATA*/": _script_json(static_data(atlas)),
        "/*ESSAY_DATA*/": _script_json(essay_data(atlas)),
        "/*NOTES_DATA*/": _script_json(year_notes(atlas)),
        "/*LESSONS_DATA*/": _script_json(lessons_data(atlas)),
        "/*LEAFLET_JS*/": (leaflet / "leaflet.js").read_text(encoding="utf-8"),
        "/*ATLAS_JS*/": "\n".join(_text(name) for name in MAP_SCRIPTS),
        "/*PANELS_JS*/": "\n".join(_text(name) for name in PANEL_SCRIPTS),
        "/*PACK_JS*/": _text("pack.js"),
    }
    html = _text("pack.html")
    for marker, content in parts.items():
        if marker not in html:
            raise ValueError(f"pack.html has no {marker}")
        html = html.replace(marker, content.replace("</script", "<\\/script"), 1)
    return html


def export_pack(atlas: Atlas, out: Path) -> int:
    """Write the pack to `out`; return its size in bytes."""
    html = render_pack(atlas).encode("utf-8")
    Path(out).write_bytes(html)
    return len(html)
