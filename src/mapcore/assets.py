"""Leaflet served by the app itself, so the map draws with no internet.

Leaflet's files come from the `xstatic-leaflet` package (installed by pip with mapcore) and are
copied, once, into the app's `static/` folder, which Streamlit serves at `/app/static/`. Nothing
is downloaded and nothing third-party is committed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

STATIC_URL = "/app/static"


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
            "Leaflet is not installed: run `pip install -e .` (it installs xstatic-leaflet)"
        ) from None
    return Path(leaflet.BASE_DIR), leaflet.VERSION


def ensure_leaflet(static_dir: Path) -> Assets:
    """Copy Leaflet into `static_dir/vendor/leaflet-VERSION/` if it is not there yet."""
    source, version = leaflet_source()
    target = Path(static_dir) / "vendor" / f"leaflet-{version}"
    needed = ("leaflet.js", "leaflet.css", "images/layers.png")
    if not all((target / name).is_file() for name in needed):
        if not (source / "leaflet.js").is_file():
            raise AssetError(f"{source} has no leaflet.js: reinstall xstatic-leaflet")
        shutil.copytree(source, target, dirs_exist_ok=True)
    url = f"{STATIC_URL}/vendor/leaflet-{version}"
    return Assets(
        js=(("leaflet", f"{url}/leaflet.js"),), css=(("leaflet_css", f"{url}/leaflet.css"),)
    )
