"""The real app in headless Chromium (Debian's), with every request off this machine blocked.

What a class sees: the map drawn offline, the colours on the map for a year, scrubbing with no
remount and the zoom kept, deep links, passages that move the slider, play, arrow keys, and
online tiles that fail gracefully. Screenshots go to harness.SHOTS.
"""

from __future__ import annotations

import pytest

from atlasapp.testing import (
    map_frame,
    map_year,
    open_page,
    slider_thumb,
    wait_map_year,
)
from mapcore.vocab import LAND, POWERS

COLOURS = {p.id: p.colour for p in POWERS.values()}

pytestmark = pytest.mark.browser


@pytest.fixture
def open_app(app_server, browser):
    pages = []

    def opener(query: str = "", width: int = 1600, height: int = 900):
        page = open_page(browser, f"{app_server.url}/{query}", width, height)
        pages.append(page)
        return page, map_frame(page)

    yield opener
    for page in pages:
        page.context.close()


def pixel(page, frame, lat: float, lon: float) -> tuple[int, int, int]:
    """The colour the browser drew at a place on the map (labels off: only the fills)."""
    frame.evaluate("void L.Atlas.all()[0].setLanguage('off')")
    frame.evaluate(
        "([lat, lon]) => { window.map.setView([lat, lon], 6, {animate: false}); }", [lat, lon]
    )  # fmt: skip  (close in: a coast or a border is never sampled)
    page.wait_for_timeout(100)
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
        [lat, lon],
    )
    box = page.locator("iframe[title*=streamlit_folium]").bounding_box()
    from io import BytesIO

    from PIL import Image

    shot = Image.open(BytesIO(page.screenshot(clip={"x": box["x"] + x - 1, "y": box["y"] + y - 1,
                                                    "width": 3, "height": 3})))  # fmt: skip
    return shot.convert("RGB").getpixel((1, 1))


def close_to(rgb: tuple[int, int, int], hex_colour: str, opacity: float = 0.85) -> bool:
    """Is `rgb` the colour `hex_colour` drawn at `opacity` over the atlas's land?"""
    fill = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    land = [int(LAND[i : i + 2], 16) for i in (1, 3, 5)]
    expected = [opacity * f + (1 - opacity) * g for f, g in zip(fill, land, strict=True)]
    return max(abs(a - b) for a, b in zip(rgb, expected, strict=True)) < 24


def test_1905_offline_its_passages_and_the_keys_and_passages_that_move_it(open_app):
    """1905 drawn with nothing fetched from outside; its passages highlighted and scrolled to,
    the others dimmed; an arrow key from anywhere steps the year; a passage clicked shows its
    year (one page, one step after another, as a class would)."""
    page, frame = open_app("?year=1905")
    assert map_year(frame) == "1905"
    assert page.blocked == []  # nothing even tried to leave the machine
    assert frame.evaluate("typeof L") == "object"  # Leaflet, served by the app itself
    drawn = frame.evaluate(
        "document.querySelectorAll('.leaflet-atlas-territories-pane path').length"
    )
    assert drawn >= 15
    assert frame.evaluate("document.querySelectorAll('.leaflet-atlas-land-pane path').length") > 0

    war = page.locator("article.passage.primary[data-id=war-1904]")
    war.wait_for()  # highlighted (locators see into the panel's shadow root)
    assert "dim" in page.locator("article.passage[data-id=yalta]").get_attribute("class")
    page.wait_for_function(  # the year's passage scrolled into the panel's view
        "() => { const host = document.querySelector('.st-key-essay');"
        " const root = [...host.querySelectorAll('*')].find(e => e.shadowRoot).shadowRoot;"
        " const panel = root.querySelector('.essay');"
        " const war = root.querySelector('[data-id=war-1904]');"
        " const top = war.getBoundingClientRect().top - panel.getBoundingClientRect().top;"
        " return top >= 0 && top < panel.clientHeight; }",
        timeout=5000,
    )

    page.locator("h4", has_text="What changed in 1905").first.wait_for()
    page.mouse.click(5, 400)  # focus the page, not the slider
    page.keyboard.press("ArrowRight")
    wait_map_year(frame, 1906)

    page.locator("article.passage[data-id=yalta]").click()
    wait_map_year(frame, 1943)  # Yalta's passage speaks of 1943-1945
    assert slider_thumb(page).input_value() == "1943"
    page.locator("article.passage.primary[data-id=yalta]").wait_for()


PLACES = [  # (year, lat, lon, the power whose colour is drawn there)
    (1930, 47.3, 142.6, "japan"),  # Karafuto
    (1950, 47.3, 142.6, "russia"),  # South Sakhalin, Soviet
    (1890, 52.5, 142.9, "russia"),  # North Sakhalin
    (1920, 46.5, 127.5, "china"),  # Manchuria, Republic of China
    (1930, 36.6, 128.0, "japan"),  # Korea, Chosen
    (2016, 36.6, 128.0, "south-korea"),
    (2016, 40.0, 127.0, "north-korea"),
]


def test_the_browser_draws_the_right_power_in_its_place(open_app):
    """The pixels the browser painted, year after year, on one page (the map's own layer
    drawn for each year, as a step draws it)."""
    page, frame = open_app("?year=1930")
    wrong = []
    for year, lat, lon, power in PLACES:
        frame.evaluate(f"void L.Atlas.all()[0].showWhen({year}, null)")
        wait_map_year(frame, year)
        rgb = pixel(page, frame, lat, lon)
        if not close_to(rgb, COLOURS[power]):
            wrong.append((year, lat, lon, power, rgb))
    assert not wrong, wrong


def test_tooltip_legend_and_event_markers(open_app):
    page, frame = open_app("?year=1930")
    x, y = frame.evaluate(
        "() => { const p = map.latLngToContainerPoint([47.3, 142.6]); return [p.x, p.y]; }"
    )
    box = page.locator("iframe[title*=streamlit_folium]").bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    tip = frame.locator(".atlas-tooltip").first
    tip.wait_for()
    text = tip.inner_text()
    for part in (
        "Karafuto",
        "Empire of Japan",
        "sovereign",
        "since 15 Oct 1905",
        "Treaty of Portsmouth",
        "Source:",
    ):
        assert part in text, (part, text)
    legend = frame.locator(".atlas-legend").inner_text()
    assert "Held by" in legend and "Empire of Japan" in legend and "leased" in legend
    frame2 = frame  # the same map, drawn for 1905 as a step draws it
    frame.evaluate("void L.Atlas.all()[0].showWhen(1905, null)")
    wait_map_year(frame, 1905)
    battles = frame2.locator(".atlas-event-battle").count()
    treaties = frame2.locator(".atlas-event-treaty").count()
    assert battles >= 3 and treaties >= 3  # Port Arthur, Mukden, Tsushima; Portsmouth...
    star = frame2.locator(".atlas-event-battle path").first.get_attribute("fill")
    paper = frame2.locator(".atlas-event-treaty rect").first.get_attribute("fill")
    assert star != paper
    assert frame2.locator(".leaflet-atlas-lines-pane path").count() > 0  # the railways
    assert frame2.locator(".atlas-year-number").inner_text() == "1905"


def test_scrubbing_changes_colours_without_remounting_or_losing_the_zoom(open_app):
    """A link opens its year; the arrow keys on the slider scrub, the map is never remounted,
    the teacher's zoom is kept and the address follows."""
    page, frame = open_app("?year=1903")
    assert map_year(frame) == "1903" and slider_thumb(page).input_value() == "1903"
    frame.evaluate("window.__same_map = true; void map.setView([47, 142.7], 6, {animate: false})")
    page.locator("iframe[title*=streamlit_folium]").evaluate("e => { e.__same_iframe = true; }")
    before = pixel(page, frame, 47.3, 142.6)
    slider_thumb(page).focus()
    for year in range(1904, 1907):
        page.keyboard.press("ArrowRight")
        wait_map_year(frame, year)
    page.wait_for_timeout(800)  # let the server's reruns land too
    assert map_year(frame) == "1906"
    assert close_to(before, COLOURS["russia"])
    assert close_to(pixel(page, frame, 47.3, 142.6), COLOURS["japan"])  # Karafuto from 1905
    assert frame.evaluate("window.__same_map") is True  # the same map document: no remount
    assert frame.evaluate("map.getZoom()") == 6  # the teacher's zoom kept
    assert page.locator("iframe[title*=streamlit_folium]").evaluate("e => e.__same_iframe") is True
    assert page.locator(".st-key-year input[type=range]").input_value() == "1906"
    page.wait_for_function("location.search.includes('year=1906')")  # the address follows


def test_a_bad_link_gets_a_note_and_a_working_map(open_app):
    page, frame = open_app("?year=abc")
    assert map_year(frame) == "1905"
    assert "is not a year" in page.get_by_text("is not a year").first.inner_text()  # a toast


def test_play_advances_the_year(open_app):
    page, frame = open_app("?year=1900")
    page.get_by_role("button", name="Play").click()
    wait_map_year(frame, 1901, timeout=12)
    page.get_by_role("button", name="Pause").click()
    page.wait_for_timeout(1200)  # a step already under way may land
    stopped = int(map_year(frame))
    page.wait_for_timeout(1600)  # more than a year's time at the normal speed
    assert int(map_year(frame)) == stopped  # paused means paused


def test_online_tiles_that_cannot_load_leave_the_atlas_land_and_a_note(open_app):
    page, frame = open_app("?year=1905")
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("combobox", name="Background map").click()
    page.get_by_role("option", name="OpenStreetMap").click()
    frame.wait_for_function("document.querySelector('.atlas-note').style.display === 'block'")
    note = frame.evaluate("document.querySelector('.atlas-note').textContent")
    assert "could not be loaded" in note
    assert any("tile.openstreetmap.org" in url for url in page.blocked)
    assert frame.evaluate("document.body.classList.contains('atlas-tiles-on')") is False
    assert map_year(frame) == "1905"
