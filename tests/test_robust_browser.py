"""Hostile text shows as plain text and never runs; a broken edition still draws its map."""

from __future__ import annotations

import pytest
from editions import copy_geodata, edit_feature, make_hostile
from editions import hostile as hostile_text

from atlasapp.testing import map_frame, map_year, open_file, open_page, running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return make_hostile(tmp_path_factory.mktemp("hostile") / "geodata")


def no_script_ran(page) -> None:
    assert page.evaluate("window.__xss") is None
    for frame in page.frames:
        assert frame.evaluate("window.top.__xss") is None
    asked = [u for u in page.blocked if u.rstrip("/").endswith("/x")]
    local_x = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => /\\/x$/.test(e.name)).length"
    )
    assert asked == [] and local_x == 0  # no <img src=x> was ever made


def test_hostile_text_in_the_app_shows_as_text_and_never_runs(browser, hostile):
    with running_app(hostile) as server:
        page = open_page(browser, f"{server.url}/?year=1905")
        frame = map_frame(page)
        assert map_year(frame) == "1905"
        page.locator("article.passage.focus").wait_for()
        essay = page.locator("article.passage.focus").inner_text()
        assert hostile_text(4) in essay  # war-1904 is the essay's fifth passage, payload #4
        labels = " ".join(frame.locator(".atlas-label span").all_inner_texts())
        assert "<script>" in labels or "<img" in labels  # the names, as text
        notes = page.locator(".year-notes").inner_text()
        assert "#" in notes and ("<a href=" in notes or "<script>" in notes or "<img" in notes)
        # hover every territory: their tooltips carry names, instruments and sources
        for x, y in frame.evaluate(
            "() => [...document.querySelectorAll('.leaflet-atlas-territories-pane path')]"
            ".map(p => { const b = p.getBoundingClientRect(); return [b.x + b.width / 2,"
            " b.y + b.height / 2]; })"
        ):
            box = page.locator("iframe[title*=streamlit_folium]").bounding_box()
            page.mouse.move(box["x"] + x, box["y"] + y)
        tips = " ".join(frame.locator(".atlas-tooltip").all_inner_texts())
        assert "Source:" in tips
        assert (
            frame.locator(".atlas-tooltip img, .atlas-tooltip script, .atlas-label img").count()
            == 0
        )
        no_script_ran(page)
        compare = open_page(browser, f"{server.url}/?view=compare")
        compare.locator(".compare").wait_for()
        assert "&lt;" not in compare.locator(".compare").inner_text()  # entities render as text
        assert "<script>" in compare.locator(".compare").inner_text() or "<img" in (
            compare.locator(".compare").inner_text()
        )
        no_script_ran(compare)


def test_hostile_text_in_the_pack_shows_as_text_and_never_runs(browser, hostile, tmp_path):
    from mapcore import load_atlas
    from mapcore.web.pack import export_pack

    out = tmp_path / "pack.html"
    export_pack(load_atlas(hostile), out)
    page = open_file(browser, out, "#lesson=shimoda-to-abe&stop=1")
    page.wait_for_function("document.querySelector('[data-map-year]')?.dataset.lessonStop")
    assert "<script>" in page.locator("#essay").inner_text()
    assert "<img src=x" in page.locator("#lesson").inner_text()  # the stop's texts, as text
    assert "<script>" in page.locator("#stop-name").inner_text()
    assert "<a href=" in page.locator("#quiz-pick").inner_text()
    page.locator("#quiz-ask").click()
    assert page.locator("#essay img, #notes img, #lesson img, .atlas-label img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert page.blocked == []
    page.context.close()


def test_a_broken_edition_still_draws_its_map_under_the_list(browser, tmp_path):
    edition = copy_geodata(tmp_path / "geodata")
    edit_feature(edition, "territories.geojson", {"territory": "urup", "start": "1945-08-31"},
                 start="31/08/1945")  # fmt: skip
    with running_app(edition) as server:
        page = open_page(browser, f"{server.url}/?year=1950")
        frame = map_frame(page)
        assert map_year(frame) == "1950"
        warning = page.get_by_text("has 2 problem(s)")
        warning.wait_for()
        page.get_by_text("The problems").click()
        listed = page.locator("[data-testid=stCode]").inner_text()
        assert "(urup): 'start' is not an ISO date (YYYY-MM-DD): '31/08/1945'" in listed
        assert "(urup): gap: nothing covers" in listed
        assert "Traceback" not in page.content()
