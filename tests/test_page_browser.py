"""The whole page in the browser: after a step the map, the essay, the notes and the address
agree; every script renders with no CJK font installed; Streamlit's page still has what the
app relies on (page.js's HOOKS and the presenter CSS), named when an upgrade breaks it."""

from __future__ import annotations

import pytest

from atlasapp.testing import SHOTS, map_frame, open_page, slider_thumb

pytestmark = pytest.mark.browser

PAGE_YEARS = """() => {
  const inShadow = sel => [...document.querySelectorAll('*')].map(e => e.shadowRoot)
    .filter(Boolean).map(r => r.querySelector(sel)).find(Boolean);
  const essay = document.querySelector('.essay') || inShadow('.essay');
  const notes = document.querySelector('.year-notes') || inShadow('.year-notes');
  const iframe = document.querySelector('.st-key-fit-map iframe');
  const drawn = iframe && iframe.contentDocument &&
    iframe.contentDocument.querySelector('[data-map-year]');
  const slider = document.querySelector('.st-key-year input[type=range]');
  return {map: drawn && drawn.dataset.mapYear,
          essay: essay && essay.dataset.year, notes: notes && notes.dataset.year,
          address: new URLSearchParams(location.search).get('year'),
          slider: slider && slider.value};
}"""


def agree(page, year: int) -> None:
    page.wait_for_function(
        f"""() => {{ const y = ({PAGE_YEARS})();
        return Object.values(y).every(v => v === '{year}'); }}""",
        timeout=15000,
    )


def test_after_each_step_the_map_essay_notes_and_address_agree(app_server, browser, atlas):
    page = open_page(browser, f"{app_server.url}/?year=1900", 1280, 720)
    try:
        map_frame(page)
        agree(page, 1900)
        slider_thumb(page).focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        agree(page, 1903)
        page.keyboard.press("PageDown")  # a clicker, on the focused slider: the next change
        agree(page, min(y for y in atlas.change_years() if y > 1903))
        page.locator("article.passage[data-id=yalta]").click()
        agree(page, 1943)
        page.get_by_role("button", name="Previous change").click()
        agree(page, max(y for y in atlas.change_years() if y < 1943))
        assert page.blocked == []
    finally:
        page.context.close()


GLYPH_JS = """async ([family, text]) => {
  // draw `text` in the atlas's CJK font and in a font that does not exist: the same pixels
  // mean the browser had no glyphs (empty boxes either way)
  await document.fonts.load('700 28px "' + family + '"', text);
  const draw = f => { const c = document.createElement('canvas'); c.width = 240; c.height = 40;
    const g = c.getContext('2d'); g.font = '700 28px ' + f; g.fillText(text, 4, 30);
    return c.toDataURL(); };
  return draw('"' + family + '"') !== draw('"no such font"');
}"""


def test_every_script_renders_with_no_cjk_font_installed(app_server, browser):
    page = open_page(browser, f"{app_server.url}/?year=1930&lang=ja", 1280, 720)
    try:
        frame = map_frame(page)
        frame.wait_for_function(
            "[...document.querySelectorAll('.atlas-label span')]"
            ".some(s => s.textContent === '樺太')"
        )
        for lang, text in (("ja", "樺太"), ("zh", "东三省"), ("ko", "조선")):
            frame.evaluate(f"void L.Atlas.all()[0].setLanguage('{lang}')")
            assert frame.evaluate(GLYPH_JS, ["Atlas CJK", text]), f"{lang}: no glyphs for {text}"
            labels = frame.evaluate(
                "[...document.querySelectorAll('.atlas-label span')].map(s => s.textContent)"
            )
            assert any(text in label for label in labels), (lang, labels)
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"cjk-1930-{lang}.png"))
        # the label menu's own entries, in Streamlit's page (its theme's font faces)
        assert page.evaluate(GLYPH_JS, ["Atlas CJK", "日本語 中文 한국어"])
        assert page.blocked == []
    finally:
        page.context.close()


def hook_selectors() -> dict[str, str]:
    """Each of atlasapp.page_hooks.HOOKS as a selector to find on the page, and why."""
    from atlasapp.page_hooks import HOOKS

    out = {}
    for name, hook in HOOKS.items():
        if name == "sliderValue":  # an attribute of the slider's input
            selector = f"{HOOKS['slider'].selector.format(key='year')}[{hook.selector}]"
        elif name == "fitFrame":  # the map's frame inside a fitted box
            selector = f"{HOOKS['fitBox'].selector} {hook.selector}"
        else:
            selector = hook.selector.format(key="year")
        out[selector] = f"page_hooks.{name}: {hook.why}"
    return out


def test_streamlit_still_has_what_the_app_relies_on(app_server, browser):
    page = open_page(browser, f"{app_server.url}/?year=1905", 1280, 720)
    try:
        map_frame(page)
        broken = [f"{selector} ({why})" for selector, why in hook_selectors().items()
                  if page.locator(selector).count() == 0]  # fmt: skip
        assert not broken, "after a Streamlit upgrade these no longer match: " + "; ".join(broken)
        assert page.locator(".st-key-year input[type=range]").input_value() == "1905"
        fitted = page.evaluate(
            "getComputedStyle(document.querySelector('.st-key-fit-map')).getPropertyValue('--fit-h')"
        )
        assert fitted.strip().endswith("px"), "page.js did not fit the map to the window"
    finally:
        page.context.close()
    present = open_page(browser, f"{app_server.url}/?year=1905&present=1", 1280, 720)
    try:
        map_frame(present)
        assert not present.get_by_test_id("stHeader").is_visible(), "PRESENTER_CSS no longer hides"
    finally:
        present.context.close()


def test_a_teachers_clicks_switch_views_at_once_and_keep_the_year(app_server, browser):
    """Atlas -> Compare -> Over time -> Atlas, presenter on and off: every first click works,
    nothing is lost, and the address says where the page is."""
    page = open_page(browser, f"{app_server.url}/?year=1945", 1280, 720)
    try:
        map_frame(page)
        switch = page.get_by_test_id("stButtonGroup")
        switch.get_by_text("Compare").click()
        page.wait_for_function("location.search.includes('view=compare')")
        page.locator(".st-key-left input[type=range]").wait_for()
        switch.get_by_text("Over time").click()  # one click, from Compare
        page.wait_for_function("location.search.includes('view=chart')")
        assert page.locator(".st-key-year input[type=range]").input_value() == "1945"
        switch.get_by_text("Atlas").click()
        page.wait_for_function("!location.search.includes('view=')")
        agree(page, 1945)  # the atlas comes back on the teacher's year
        switch.get_by_text("Atlas").click()  # the selected view stays selected
        page.wait_for_timeout(300)
        assert page.locator(".st-key-fit-map iframe").count() == 1
        page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_text("Presenter mode").click()
        page.get_by_role("button", name="Exit presenter mode").wait_for()
        page.wait_for_function("location.search.includes('present=1')")
        page.keyboard.press("Escape")  # Esc leaves presenter mode
        page.get_by_test_id("stButtonGroup").wait_for()
        page.wait_for_function("!location.search.includes('present')")
        agree(page, 1945)
        assert page.blocked == []
    finally:
        page.context.close()


def test_disputed_land_shows_its_administrators_colour(app_server, browser):
    """2016: Iturup, administered by Russia and claimed by Japan, reads as Russian as soon as
    it is a few pixels wide: the claim is a fine thread, not a fill or a bold outline."""
    from io import BytesIO

    from PIL import Image

    from mapcore.vocab import POWERS

    COLOURS = {p.id: p.colour for p in POWERS.values()}

    page = open_page(browser, f"{app_server.url}/?year=2016", 1280, 720)
    try:
        frame = map_frame(page)
        frame.evaluate("void L.Atlas.all()[0].setLanguage('off')")
        # zoom 5: one level in from the opening view, the island a few pixels wide
        frame.evaluate("() => { map.setView([44.977, 147.834], 5, {animate: false}); }")
        page.wait_for_timeout(200)
        x, y = frame.evaluate("() => { const p = map.latLngToContainerPoint([44.977, 147.834]);"
                              " return [p.x, p.y]; }")  # fmt: skip
        box = page.locator(".st-key-fit-map iframe").bounding_box()
        clip = {"x": box["x"] + x - 1, "y": box["y"] + y - 1, "width": 3, "height": 3}
        shot = Image.open(BytesIO(page.screenshot(clip=clip)))
        rgb = shot.convert("RGB")
        pixels = [rgb.getpixel((i, j)) for i in range(3) for j in range(3)]
        mean = [sum(p[i] for p in pixels) / len(pixels) for i in range(3)]
        russia = [int(COLOURS["russia"][i : i + 2], 16) for i in (1, 3, 5)]
        japan = [int(COLOURS["japan"][i : i + 2], 16) for i in (1, 3, 5)]
        to_russia = sum((a - b) ** 2 for a, b in zip(mean, russia, strict=True))
        to_japan = sum((a - b) ** 2 for a, b in zip(mean, japan, strict=True))
        assert to_russia < to_japan / 2, (mean, russia, japan)  # it reads as Russian
    finally:
        page.context.close()


def test_a_key_lost_on_the_way_is_sent_again(app_server, browser, atlas):
    """A key sent while the page was being redrawn (entering presenter mode) can be lost on
    the way; page.js keeps it until Python says it was handled, and sends it again."""
    page = open_page(browser, f"{app_server.url}/?year=1880", 1280, 720)
    try:
        map_frame(page)
        agree(page, 1880)
        lost = "{kind: 'key', value: 'PageDown', seq: Date.now(), tries: 1, at: 0}"
        page.evaluate(f"window.__atlasPage.pending.push({lost})")  # it never arrived
        page.keyboard.press("PageDown")  # the next key arrives: the page is drawn again
        agree(page, atlas.next_change(atlas.next_change(1880)))  # both steps, none lost
        page.wait_for_timeout(500)
        agree(page, atlas.next_change(atlas.next_change(1880)))  # and only once
        assert page.evaluate("window.__atlasPage.pending.length") == 0
    finally:
        page.context.close()
