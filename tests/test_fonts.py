"""The committed CJK font subsets draw every Japanese, Chinese and Korean name the atlas shows.

They read the committed `src/mapcore/static/fonts/` only: no network, no source font.
"""

from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from mapcore.build import DATA
from mapcore.build.fonts import CJK_RANGES, UI_TEXT, WEIGHTS, atlas_characters, unicode_range_css
from mapcore.web.fonts import FONT_DIR

FONTS = FONT_DIR
REBUILD = (
    "run `cd /tmp && apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto-cjk`"
    " then `mapcore fonts /tmp/noto-cjk/usr/share/fonts/opentype/noto`"
    " and commit src/mapcore/static/fonts/"
)


@pytest.mark.parametrize("weight", WEIGHTS)
def test_committed_fonts_are_small_woff2(weight):
    path = FONTS / f"AtlasCJK-{weight}.woff2"
    assert path.is_file(), f"{path} is missing: {REBUILD}"
    assert path.read_bytes()[:4] == b"wOF2"
    assert path.stat().st_size < 600_000
    assert TTFont(path).flavor == "woff2"


def test_the_licence_ships_with_the_fonts():
    text = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "mapcore fonts" in text


@pytest.mark.parametrize("weight", WEIGHTS)
def test_fonts_cover_the_data_and_the_interface(weight):
    cmap = TTFont(FONTS / f"AtlasCJK-{weight}.woff2").getBestCmap()
    chars = atlas_characters(DATA)
    assert set(UI_TEXT.replace(" ", "")) <= set(chars)
    missing = "".join(char for char in chars if ord(char) not in cmap)
    assert not missing, f"AtlasCJK-{weight}.woff2 has no glyph for {missing}: {REBUILD}"


def test_unicode_range_covers_every_atlas_character():
    ranges = [
        (int(first, 16), int(last or first, 16))
        for first, last in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", unicode_range_css())
    ]
    assert tuple(ranges) == CJK_RANGES
    assert unicode_range_css().count(",") == len(ranges) - 1
    for char in atlas_characters(DATA):
        assert any(first <= ord(char) <= last for first, last in ranges), f"U+{ord(char):04X}"


def test_atlas_characters_ignores_latin_and_cyrillic(tmp_path):
    (tmp_path / "names.csv").write_text(
        "name,ja,ru,zh,ko\nPort Arthur,旅順,Порт-Артур,旅顺,뤼순\nKurils · «Курилы»,,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "places.csv").write_text(
        "key,en,ja\nsakhalin,Sakhalin (Lüshun) – 1905,樺太（からふと）・サハリン\n",
        encoding="utf-8",
    )
    chars = atlas_characters(tmp_path, extra="Москва東京")
    expected = set("旅順旅顺뤼순樺太（からふと）・サハリン東京") | set(UI_TEXT.replace(" ", ""))
    assert chars == "".join(sorted(expected))
    assert not re.search(r"[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF\u00B7«»–() ]", chars)
