"""The static classroom pack: one HTML file that works from a USB stick, with no Python and no
internet. Leaflet, the atlas's data, its scripts and the essay are all inlined; the year slider
runs in the browser. The same file can be served by any static host to any number of classes.
"""

from __future__ import annotations

from pathlib import Path

from .assets import PACKAGE_STATIC, leaflet_source
from .atlas import Atlas
from .fonts import data_uri, font_face_css
from .layers import MAP_SCRIPTS
from .mapdata import dumps, essay_data, static_data, year_notes


def _script_json(data: dict) -> str:
    """JSON that cannot end its <script> element early (no '<' left in it)."""
    return dumps(data).replace("<", "\\u003c")


def _as_function(module: str, name: str) -> str:
    """An ES module of ours as a classic script: its default export becomes window[name]."""
    body = module.replace("export default function", f"window.{name} = function", 1)
    return f"(function () {{\n{body}\n}})();"


def render_pack(atlas: Atlas) -> str:
    """The pack's HTML for `atlas`."""
    leaflet, _version = leaflet_source()
    own = {name: (PACKAGE_STATIC / name).read_text(encoding="utf-8")
           for name in ("pack.html", *MAP_SCRIPTS, "atlasmap.css", "essay.js", "essay.css",
                        "year.js", "year.css", "pack.js")}  # fmt: skip
    parts = {
        "/*LEAFLET_CSS*/": (leaflet / "leaflet.css").read_text(encoding="utf-8"),
        "/*ATLAS_CSS*/": font_face_css(data_uri) + "\n" + own["atlasmap.css"],
        "/*ESSAY_CSS*/": own["essay.css"],
        "/*YEAR_CSS*/": own["year.css"],
        "/*ATLAS_DATA*/": _script_json(static_data(atlas)),
        "/*ESSAY_DATA*/": _script_json(essay_data(atlas)),
        "/*NOTES_DATA*/": _script_json(year_notes(atlas)),
        "/*LEAFLET_JS*/": (leaflet / "leaflet.js").read_text(encoding="utf-8"),
        "/*ATLAS_JS*/": "\n".join(own[name] for name in MAP_SCRIPTS),
        "/*ESSAY_JS*/": _as_function(own["essay.js"], "AtlasEssay"),
        "/*YEAR_JS*/": _as_function(own["year.js"], "AtlasYearNotes"),
        "/*PACK_JS*/": own["pack.js"],
    }
    html = own["pack.html"]
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
