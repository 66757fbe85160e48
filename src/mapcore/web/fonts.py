"""The atlas's own CJK font: the glyphs its Japanese, Chinese and Korean names need.

A machine with no CJK font (CI's browser, many school PCs) would draw those names as empty
boxes, so the atlas ships subsets of Noto Sans CJK (SIL OFL; made at build time by
`mapcore fonts`, see mapcore.build.fonts) and every page that shows a name declares them with
the same @font-face rules: the app's map, the classroom pack (inlined) and Streamlit's own page
(`[[theme.fontFaces]]` in .streamlit/config.toml, checked against these by a test).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

FAMILY = "Atlas CJK"
WEIGHTS = ("Regular", "Bold")
CSS_WEIGHT = {"Regular": 400, "Bold": 700}
FONT_DIR = Path(__file__).parent / "static" / "fonts"
# The code points the font serves; the browser uses it for these characters only.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana, with the middle dot U+30FB
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7AF),  # Hangul Syllables
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)


def is_cjk(char: str) -> bool:
    """Whether `char` is one the CJK font must draw."""
    code = ord(char)
    return any(first <= code <= last for first, last in CJK_RANGES)


def unicode_range_css() -> str:
    """`CJK_RANGES` as the value of a CSS @font-face `unicode-range`."""
    return ", ".join(f"U+{first:04X}-{last:04X}" for first, last in CJK_RANGES)


def font_file(weight: str) -> Path:
    return FONT_DIR / f"AtlasCJK-{weight}.woff2"


def font_face_css(url: Callable[[Path], str]) -> str:
    """The @font-face rules, each font at `url(path)` (a served URL, or a data: URI)."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{url(font_file(w))}") '
        f'format("woff2"); font-weight: {CSS_WEIGHT[w]}; font-display: swap; '
        f"unicode-range: {unicode_range_css()}; }}"
        for w in WEIGHTS
    )


def data_uri(path: Path) -> str:
    """A font as a data: URI, for the classroom pack (one file, nothing fetched)."""
    return "data:font/woff2;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
