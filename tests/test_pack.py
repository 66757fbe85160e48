"""The static classroom pack: one self-contained HTML file, small enough for any USB stick."""

from __future__ import annotations

import re

import pytest

from mapcore.web.pack import export_pack, render_pack


@pytest.fixture(scope="module")
def html(atlas):
    return render_pack(atlas)


def test_the_pack_is_one_file_under_3_mb(atlas, tmp_path):
    size = export_pack(atlas, tmp_path / "pack.html")
    assert size == (tmp_path / "pack.html").stat().st_size
    assert size <= 3_000_000


def test_everything_is_inlined_nothing_is_referenced(html):
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "fetch(" not in html.split("/*")[0]  # no fetch before the inlined scripts begin
    for part in ("L.map(", "L.atlas({ data: data, cards: true })", "window.AtlasPanels.essay =",
                 "window.AtlasPanels.notes =", "window.AtlasPage = page", 'id="atlas-data"',
                 'id="essay-data"'):  # fmt: skip
        assert part in html, part


def test_inlined_data_cannot_end_its_script_early(html):
    for name in ("atlas-data", "essay-data", "notes-data"):
        body = html.split(f'id="{name}">', 1)[1].split("</script>", 1)[0]
        assert "<" not in body  # every '<' in the JSON is written \\u003c
