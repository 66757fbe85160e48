"""Everything the browser loads, served by the app itself, so the map draws with no internet.

Leaflet comes from the `xstatic-leaflet` package (installed by pip with the atlas); the atlas's
own scripts and styles ship inside mapcore.web; the data is written from the loaded atlas. A
`Publisher` copies each of them, once, into a folder some server serves at a URL (the
Streamlit app's `static/`); file names carry a content hash, so a browser never keeps a stale
copy. Nothing is downloaded and nothing third-party is committed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

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


def package_file(name: str) -> Path:
    """One of mapcore.web's own browser files (the map's script, the essay panel...)."""
    source = PACKAGE_STATIC / name
    if not source.is_file():
        raise AssetError(f"{source} is missing: reinstall the atlas (`pip install -e .`)")
    return source


@dataclass
class Publisher:
    """Writes browser files into `folder`, served at `url`; remembers what it wrote."""

    folder: Path
    url: str
    written: list[Path] = field(default_factory=list)

    def bytes(self, name: str, content: bytes) -> str:
        """`content` as `atlas/STEM-HASH.EXT` (written once, atomically); its URL."""
        stem, ext = name.rsplit(".", 1)
        tag = hashlib.sha256(content).hexdigest()[:16]
        target = self.folder / "atlas" / f"{stem}-{tag}.{ext}"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{ext}.{os.getpid()}.part")  # one per process
            partial.write_bytes(content)
            partial.replace(target)  # atomic: a browser never reads half a file
        self.written.append(target)
        return f"{self.url}/atlas/{target.name}"

    def package_file(self, name: str) -> str:
        return self.bytes(name, package_file(name).read_bytes())

    def copy(self, source: Path, relative: str) -> str:
        """`source` under its own name at `relative` (fonts: Streamlit's theme names them)."""
        if not source.is_file():
            raise AssetError(f"{source} is missing: reinstall the atlas (`pip install -e .`)")
        copy = self.folder / relative
        if not copy.is_file() or copy.stat().st_size != source.stat().st_size:
            copy.parent.mkdir(parents=True, exist_ok=True)
            partial = copy.with_suffix(f".{os.getpid()}.part")
            shutil.copyfile(source, partial)
            partial.replace(copy)
        self.written.append(copy)
        return f"{self.url}/{relative}"

    def leaflet(self) -> Assets:
        """Leaflet at `vendor/leaflet-VERSION/` (copied once)."""
        source, version = leaflet_source()
        target = self.folder / "vendor" / f"leaflet-{version}"
        needed = ("leaflet.js", "leaflet.css", "images/layers.png")
        if not all((target / name).is_file() for name in needed):
            if not all((source / name).is_file() for name in needed):
                raise AssetError(
                    f"Leaflet's files are missing from {source}: reinstall xstatic-leaflet "
                    "(`pip install --force-reinstall xstatic-leaflet`)"
                )
            shutil.copytree(source, target, dirs_exist_ok=True)
        self.written += [target / name for name in needed]
        url = f"{self.url}/vendor/leaflet-{version}"
        return Assets(js=(("leaflet", f"{url}/leaflet.js"),),
                      css=(("leaflet_css", f"{url}/leaflet.css"),))  # fmt: skip
