"""Everything the browser loads, served by the app itself, so the map draws with no internet.

Leaflet comes from the `xstatic-leaflet` package (installed by pip with mapcore); the atlas's
own script and style ship inside mapcore; the atlas data is written from the loaded atlas. All
of it is copied, once, into the app's `static/` folder, which Streamlit serves at
`/app/static/`. File names carry a content hash, so a browser never keeps a stale copy. Nothing
is downloaded and nothing third-party is committed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

STATIC_URL = "/app/static"
PACKAGE_STATIC = Path(__file__).parent / "static"


class AssetError(RuntimeError):
    """A static asset the map needs is missing: says what to reinstall."""


@dataclass(frozen=True)
class Assets:
    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]


def leaflet_source() -> tuple[Path, str]:
    """The folder of Leaflet's dist files inside the installed xstatic package, and its version."""
    try:
        import xstatic.pkg.leaflet as leaflet
    except ImportError:
        raise AssetError(
            "Leaflet is missing: reinstall the app's packages with `pip install -e .` "
            "(it installs xstatic-leaflet)"
        ) from None
    return Path(leaflet.BASE_DIR), leaflet.VERSION


def ensure_leaflet(static_dir: Path) -> Assets:
    """Copy Leaflet into `static_dir/vendor/leaflet-VERSION/` if it is not there yet."""
    source, version = leaflet_source()
    target = Path(static_dir) / "vendor" / f"leaflet-{version}"
    needed = ("leaflet.js", "leaflet.css", "images/layers.png")
    if not all((target / name).is_file() for name in needed):
        if not all((source / name).is_file() for name in needed):
            raise AssetError(
                f"Leaflet's files are missing from {source}: reinstall xstatic-leaflet "
                "(`pip install --force-reinstall xstatic-leaflet`)"
            )
        shutil.copytree(source, target, dirs_exist_ok=True)
    url = f"{STATIC_URL}/vendor/leaflet-{version}"
    return Assets(
        js=(("leaflet", f"{url}/leaflet.js"),), css=(("leaflet_css", f"{url}/leaflet.css"),)
    )


def publish(static_dir: Path, name: str, content: bytes) -> str:
    """Write `content` as `static_dir/atlas/STEM-HASH.EXT` (once) and return its URL."""
    stem, ext = name.rsplit(".", 1)
    tag = hashlib.sha256(content).hexdigest()[:16]
    target = Path(static_dir) / "atlas" / f"{stem}-{tag}.{ext}"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{ext}.{os.getpid()}.part")  # one per process
        partial.write_bytes(content)
        partial.replace(target)  # atomic: a browser never reads half a file
    return f"{STATIC_URL}/atlas/{target.name}"


def publish_fonts(static_dir: Path) -> str:
    """Copy the CJK fonts to `static_dir/fonts/` under their own names (Streamlit's theme in
    .streamlit/config.toml names them there) and publish the @font-face CSS; its URL."""
    from .fonts import WEIGHTS, font_face_css, font_file

    target = Path(static_dir) / "fonts"
    for weight in WEIGHTS:
        source = font_file(weight)
        if not source.is_file():
            raise AssetError(f"{source} is missing: reinstall mapcore (`pip install -e .`)")
        copy = target / source.name
        if not copy.is_file() or copy.stat().st_size != source.stat().st_size:
            target.mkdir(parents=True, exist_ok=True)
            partial = copy.with_suffix(f".{os.getpid()}.part")
            shutil.copyfile(source, partial)
            partial.replace(copy)
    css = font_face_css(lambda path: f"{STATIC_URL}/fonts/{path.name}")
    return publish(static_dir, "atlas-fonts.css", css.encode("utf-8"))


def publish_package_file(static_dir: Path, name: str) -> str:
    """Publish one of mapcore's own browser files (the map's script, the essay panel...)."""
    source = PACKAGE_STATIC / name
    if not source.is_file():
        raise AssetError(f"{source} is missing: reinstall mapcore (`pip install -e .`)")
    return publish(static_dir, name, source.read_bytes())
