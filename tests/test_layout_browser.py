"""The page on a projector, measured from the DOM in headless Chromium.

At 1024x768, 1280x720, 1366x768 and 1920x1080 (presenter mode on the three projectors), in
several years and two languages: the slider, the whole map and the year's passage are in the
window without scrolling; presenter mode fills the window and has a visible way out; no two
map labels overlap, none sits under the legend, a marker or a control, none is cut off; the
open legend leaves the subject free; the key places are named at the opening zoom. On a tablet
and a phone the map comes near the top and fits the window. Screenshots go to harness.SHOTS
(outside the checkout).
"""

from __future__ import annotations

import re

import pytest

from atlasapp.testing import (
    SHOTS,
    layout_problems,
    map_frame,
    map_layout,
    open_file,
    open_page,
)
from mapcore.web.mapview import HOME

pytestmark = pytest.mark.browser

PROJECTORS = {"1024x768": (1024, 768), "1280x720": (1280, 720), "1366x768": (1366, 768),
              "1920x1080": (1920, 1080)}  # fmt: skip
YEARS = (1905, 1945, 2016)  # the fullest maps: 17 territories, the most labels
LANGS = ("en", "ja")
CJK_YEARS = (1945,)  # the most Japanese label text of the years (most territories)
KEY_PLACES = ({"sakhalin-south"}, {"sakhalin-north"}, {"port-arthur"},
              {"kurils-north", "urup", "iturup", "kunashir", "southern-kurils"})  # fmt: skip
SETTLE = "document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => " \
         "requestAnimationFrame(r))))"  # fmt: skip
PAGE_JS = """() => {
  const box = s => { const e = document.querySelector(s); if (!e) return null;
    const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const essay = document.querySelector('.st-key-fit-essay [data-year]')
    || [...document.querySelectorAll('.st-key-fit-essay *')].map(e => e.shadowRoot)
       .filter(Boolean).map(r => r.querySelector('.essay')).find(Boolean);
  const focus = essay && essay.querySelector('article.passage.focus');
  const rect = e => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width,
    h: r.height}; };
  const cut = [...document.querySelectorAll('.st-key-controls button')].filter(b =>
    [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(b => b.innerText);
  return {window: [innerWidth, innerHeight], scroll: document.scrollingElement.scrollHeight, cut,
    slider: box('.st-key-year [data-testid=stSlider], .st-key-year'),
    map: box('.st-key-fit-map iframe'), exit: box('.st-key-exit button'),
    essay: essay ? rect(essay) : null, focus: focus ? rect(focus) : null};
}"""


def inside(box: dict | None, width: int, height: int) -> bool:
    return bool(box) and box["x"] >= -0.5 and box["y"] >= -0.5 and (
        box["x"] + box["w"] <= width + 0.5 and box["y"] + box["h"] <= height + 0.5)  # fmt: skip


def legend_on_subject(frame) -> bool:
    """Does the open legend reach into the subject's frame (the starting view's bounds)?"""
    return frame.evaluate(
        """([sw, ne]) => {
          const legend = document.querySelector('.atlas-legend');
          if (legend.classList.contains('atlas-legend-closed') ||
              legend.classList.contains('atlas-legend-empty')) return false;
          const o = map.getContainer().getBoundingClientRect(), r = legend.getBoundingClientRect();
          const a = map.latLngToContainerPoint([ne[0], sw[1]]);
          const b = map.latLngToContainerPoint([sw[0], ne[1]]);
          return r.left - o.left < b.x && r.right - o.left > a.x && r.top - o.top < b.y &&
                 r.bottom - o.top > a.y;
        }""",
        [list(HOME[0]), list(HOME[1])],
    )


def legend_colours_on_screen(page, frame, target) -> None:
    """A screenshot of the whole page, on which every power the legend names shows in its
    colour (more than a few pixels of it)."""
    from PIL import Image

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    legend = frame.locator(".atlas-legend .atlas-swatch[style]").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)")  # fmt: skip
    pixels = Image.open(target).convert("RGB")
    counts = {rgb: n for n, rgb in pixels.getcolors(pixels.size[0] * pixels.size[1])}
    for css in legend:
        want = tuple(int(v) for v in re.findall(r"\d+", css)[:3])
        near = sum(n for rgb, n in counts.items()
                   if max(abs(a - b) for a, b in zip(rgb, want, strict=True)) < 40)  # fmt: skip
        assert near > 50, (target.name, css)


def open_at(app_server, browser, query: str, width: int, height: int):
    page = open_page(browser, f"{app_server.url}/{query}", width, height)
    return page, settled(page)


def settled(page):
    """The map's frame, once the page has drawn and fitted its parts."""
    frame = map_frame(page)
    page.locator("article.passage.focus").first.wait_for()
    page.wait_for_timeout(300)  # page.js fits the boxes, the map frames its subject
    frame.evaluate(SETTLE)
    return frame


@pytest.mark.parametrize("size", list(PROJECTORS))
def test_on_a_projector_everything_fits_and_the_map_reads(app_server, browser, size):
    """Each projector's page, then the same window in presenter mode (one browser context:
    the second load is the class's reload, its files cached); 1920x1080 is not a projector."""
    width, height = PROJECTORS[size]
    page, frame = open_at(app_server, browser, "?year=1905", width, height)
    try:
        for present in (False, True) if size != "1920x1080" else (False,):
            if present:
                page.goto(f"{app_server.url}/?year=1905&present=1")
                frame = settled(page)
            check_screen(page, frame, size, present)
        assert page.blocked == []
    finally:
        page.context.close()


def check_screen(page, frame, size: str, present: bool) -> None:
    width, height = PROJECTORS[size]
    mode = "presenter" if present else "normal"
    shown = page.evaluate(PAGE_JS)
    assert inside(shown["slider"], width, height), shown
    assert not shown["cut"], f"{size} {mode}: buttons cut short: {shown['cut']}"
    assert inside(shown["map"], width, height), shown  # the whole map, no scrolling
    assert shown["map"]["h"] >= 0.55 * (height - shown["map"]["y"]), shown  # it fills
    assert shown["focus"] and 0 <= shown["focus"]["y"] < height - 60, shown  # the passage
    assert shown["essay"]["y"] + shown["essay"]["h"] <= height + 0.5, shown
    if present:
        assert shown["scroll"] <= height + 1, shown  # the page itself does not scroll
        assert inside(shown["exit"], width, height), shown  # a visible way out
    assert frame.evaluate(f"map.getBounds().contains(L.latLngBounds({[list(c) for c in HOME]}))"
                          ), f"{size} {mode}: the opening view cuts the subject"  # fmt: skip
    opening = map_layout(frame)
    named = {label["ref"] for label in opening["labels"]}
    for places in KEY_PLACES:
        assert named & places, f"{size} {mode}: none of {places} named at the opening zoom"
    for lang in LANGS:
        frame.evaluate(f"void L.Atlas.all()[0].setLanguage('{lang}')")
        for year in YEARS if lang == "en" else CJK_YEARS:
            frame.evaluate(f"void L.Atlas.all()[0].showWhen({year}, null)")
            frame.evaluate(SETTLE)
            layout = map_layout(frame)
            assert layout["year"] == str(year)
            assert not layout_problems(layout), (size, mode, lang, year)
            assert not legend_on_subject(frame), (size, mode, lang, year)
            if size in ("1280x720", "1024x768") and not present and (lang == "en" or year == 1905):
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"layout-{size}-{mode}-{year}-{lang}.png"))
            if size == "1920x1080" and lang == "en":  # the record: the whole page
                legend_colours_on_screen(page, frame, SHOTS / f"app-{year}.png")


@pytest.mark.parametrize("size", [(768, 1024), (390, 844)], ids=["tablet", "phone"])
def test_on_a_tablet_or_phone_the_map_comes_first_and_fits(app_server, browser, size):
    width, height = size
    page, frame = open_at(app_server, browser, "?year=1945", width, height)
    try:
        shown = page.evaluate(PAGE_JS)
        assert inside(shown["map"], width, height), shown
        assert shown["map"]["y"] < 0.4 * height, shown  # the controls above it stay compact
        assert not shown["cut"], f"{size}: buttons cut short: {shown['cut']}"
        assert not layout_problems(map_layout(frame))
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"layout-{width}x{height}-1945.png"))
    finally:
        page.context.close()


def test_zoom_steps_by_whole_levels_within_limits_and_home_returns(browser, pack):
    """The map's own behaviour (atlasmap.js, the same in the app's frame): measured in the
    pack at a projector's size, which opens without a server."""
    page = open_file(browser, pack, "#year=1905", 1280, 720)
    try:
        page.wait_for_function("document.querySelector('[data-map-year]')?.dataset.mapYear")
        frame = page.main_frame
        frame.evaluate("window.map = L.Atlas.all()[0]._map")
        frame.evaluate(SETTLE)
        start = frame.evaluate("[map.getZoom(), map.getCenter().lat, map.getCenter().lng]")
        lowest, highest = frame.evaluate("[map.getMinZoom(), map.getMaxZoom()]")
        box = page.locator("#map").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -100)  # one notch in
        frame.wait_for_function(f"map.getZoom() !== {start[0]}")
        page.wait_for_timeout(400)
        assert frame.evaluate("map.getZoom()") == start[0] + 1  # one notch, one whole level
        for _ in range(6):  # far out: it stops at the limit, where land still fills the frame
            page.mouse.wheel(0, 100)
            page.wait_for_timeout(270)
        assert frame.evaluate("map.getZoom()") == lowest
        assert frame.evaluate("map.getBounds().getNorth()") <= 69.5
        for _ in range(7):
            page.mouse.wheel(0, -100)
            page.wait_for_timeout(270)
        assert frame.evaluate("map.getZoom()") == highest <= 9
        frame.locator(".atlas-home-button").click()  # back to the starting view
        back = frame.evaluate("[map.getZoom(), map.getCenter().lat, map.getCenter().lng]")
        assert back[0] == start[0] and abs(back[1] - start[1]) < 0.05
        assert abs(back[2] - start[2]) < 0.05
        legend = frame.locator(".atlas-legend-toggle")
        legend.click()  # the legend opens and closes
        expanded = legend.get_attribute("aria-expanded")
        legend.click()
        assert legend.get_attribute("aria-expanded") != expanded
        tabbable = frame.evaluate(
            "[...map.getContainer().querySelectorAll('a[href], button, [tabindex]')]"
            ".filter(e => e.tabIndex >= 0 && e.getClientRects().length).length"
        )
        assert tabbable <= 6  # the map, its zoom and home buttons, the legend: no marker stops
        assert page.blocked == []
    finally:
        page.context.close()
