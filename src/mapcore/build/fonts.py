"""Subset Noto Sans CJK to the characters the atlas shows: mapcore/static/fonts/AtlasCJK-*.woff2.

A machine with no CJK font (CI's headless Chromium, many school PCs) draws the Japanese, Chinese
and Korean names as empty boxes. The app ships these subsets instead; like `geodata/` they are
generated (`mapcore fonts`) and committed, and nothing is fetched at run time. Same input, same
bytes: the source font's timestamps are kept, so a rebuild that changes nothing shows no diff.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from ..vocab import LANGUAGES
from ..web.fonts import CJK_RANGES, FAMILY, WEIGHTS, is_cjk, unicode_range_css

__all__ = ["CJK_RANGES", "UI_TEXT", "atlas_characters", "build_fonts", "unicode_range_css"]

SOURCES = ("names.csv", "places.csv")
PREFERRED_FACE = "Noto Sans CJK JP"


# CJK text of the app's own interface, not in data/: the label menu names each language in itself.
UI_TEXT = "".join(c for c in "".join(LANGUAGES.values()) if is_cjk(c))


def atlas_characters(data_dir: Path, extra: str = "") -> str:
    """The sorted CJK characters of every cell of the names and places, `UI_TEXT` and `extra`."""
    texts = [UI_TEXT, extra]
    for name in SOURCES:
        with (Path(data_dir) / name).open(encoding="utf-8", newline="") as file:
            texts.extend(cell for row in csv.reader(file) for cell in row)
    return "".join(sorted({char for text in texts for char in text if is_cjk(char)}))


def build_fonts(source_dir: Path, out_dir: Path, chars: str) -> list[Path]:
    """Write the WOFF2 subsets of `chars` (and space) and OFL.txt; return the files written.

    `source_dir` holds NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc (Debian's
    fonts-noto-cjk). Raises FileNotFoundError without them, ValueError if they lack a character.
    """
    from fontTools import subset  # heavy, and only this build needs it

    source_dir, out_dir = Path(source_dir), Path(out_dir)
    wanted = {ord(char) for char in chars} | {ord(" ")}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for weight in WEIGHTS:
        source = source_dir / f"NotoSansCJK-{weight}.ttc"
        if not source.is_file():
            raise FileNotFoundError(
                f"{source}: not found (get it with `apt-get download fonts-noto-cjk` and "
                "`dpkg -x`; its fonts are in usr/share/fonts/opentype/noto/)"
            )
        options = subset.Options(
            font_number=_pick_face(source, wanted),
            flavor="woff2",
            layout_features=["kern"],  # horizontal labels: no vertical forms, no locl variants
            hinting=False,
            notdef_outline=True,  # a character missing from the subset shows as a box, not blank
            desubroutinize=True,  # WOFF2's Brotli compresses plain charstrings better
            drop_tables=[*subset.Options().drop_tables, "BASE", "VORG", "vhea", "vmtx"],
            name_IDs=[0, 1, 2, 3, 4, 5, 6, 13, 14],  # keep the copyright and licence
            recalc_timestamp=False,
        )
        font = subset.load_font(source, options)
        face = f"{font['name'].getDebugName(1)} {font['head'].fontRevision:.3f}"
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(wanted))
        subsetter.subset(font)
        _rename(font, weight, f"{face} {weight}")
        path = out_dir / f"AtlasCJK-{weight}.woff2"
        subset.save_font(font, path, options)
        written.append(path)
    notice = f"Copyright: {font['name'].getDebugName(0)}"
    licence = _licence_text(source_dir) or "\n\n".join(
        str(font["name"].getDebugName(i)) for i in (13, 14)
    )
    path = out_dir / "OFL.txt"
    path.write_text(
        f"{', '.join(p.name for p in written)}: subsets of {face}, made by `mapcore fonts`.\n\n"
        f"{notice}\n\n{licence.strip()}\n",
        encoding="utf-8",
    )
    return [*written, path]


def _pick_face(source: Path, wanted: set[int]) -> int:
    """The collection's Japanese face if it covers `wanted`, else the one that covers it."""
    from fontTools.ttLib import TTCollection

    faces = []
    for number, face in enumerate(TTCollection(source, lazy=True).fonts):
        family = str(face["name"].getDebugName(1))
        if "Mono" not in family:
            missing = wanted - face.getBestCmap().keys()
            faces.append((len(missing), family != PREFERRED_FACE, number, family, missing))
    _, _, number, family, missing = min(faces, key=lambda face: face[:3])
    if missing:
        listed = " ".join(f"{chr(code)} (U+{code:04X})" for code in sorted(missing))
        raise ValueError(f"{source.name}: no face has {listed}; the best, {family}, lacks them")
    return number


def _rename(font, weight: str, origin: str) -> None:
    """Name the subset for what it is, a modified version, not Noto Sans CJK itself."""
    ps_name = f"AtlasCJK-{weight}"
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    names = {1: FAMILY, 2: weight, 3: f"{ps_name}; subset of {origin}", 4: full, 6: ps_name}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FamilyName, top.FullName = FAMILY, full


def _licence_text(source_dir: Path) -> str | None:
    """The OFL as shipped beside the source font, or in Debian's copyright file for it."""
    for name in ("OFL.txt", "LICENSE"):
        if (source_dir / name).is_file():
            return (source_dir / name).read_text(encoding="utf-8")
    for up in [source_dir, *source_dir.parents][:4]:
        copyright_file = up / "doc" / "fonts-noto-cjk" / "copyright"
        if copyright_file.is_file():
            lines = copyright_file.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                body = list(itertools.takewhile(lambda s: s.startswith(" "), lines[i + 1 :]))
                if line.strip() == "License: SIL-1.1" and body:
                    return "\n".join("" if s.strip() == "." else s[1:] for s in body)
    return None
