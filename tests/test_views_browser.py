"""Compare, chart, presenter mode, labels and the static pack, as a browser shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlasapp.testing import map_frame, map_year, open_file, open_page, wait_map_year

pytestmark = pytest.mark.browser


@pytest.fixture
def page_at(app_server, browser):
    pages = []

    def opener(query: str, width: int = 1600, height: int = 900):
        page = open_page(browser, f"{app_server.url}/{query}", width, height)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.context.close()


def test_presenter_mode_hides_the_chrome_and_keeps_map_slider_and_passage(page_at):
    page = page_at("?year=1905&present=1")
    frame = map_frame(page)
    assert map_year(frame) == "1905"
    page.locator("article.passage.focus[data-id=war-1904]").wait_for()
    assert not page.get_by_test_id("stHeader").is_visible()
    assert not page.get_by_test_id("stExpandSidebarButton").is_visible()
    assert page.locator(".st-key-year input[type=range]").count() == 1
    visible = page.locator("article.passage:visible")
    assert visible.count() == 1 and visible.get_attribute("data-id") == "war-1904"
    size = visible.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 20  # large type for the back of the room...
    fits = visible.evaluate("e => e.offsetHeight <= e.closest('.essay').clientHeight")
    assert fits  # ...as large as fits: it never runs off the bottom
    assert page.get_by_role("button", name="Exit presenter mode").is_visible()  # the way out
    assert page.blocked == []


def test_map_labels_switch_to_japanese(page_at):
    page = page_at("?year=1930")
    frame = map_frame(page)
    labels = frame.locator(".atlas-label-territory span")
    labels.first.wait_for()
    assert "Karafuto" in labels.all_inner_texts()
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("combobox", name="Map labels").click()
    page.get_by_role("option", name="日本語").click()
    frame.wait_for_function(
        "[...document.querySelectorAll('.atlas-label-territory span')]"
        ".some(s => s.textContent === '樺太')"
    )
    assert "朝鮮" in labels.all_inner_texts()  # Korea, Chōsen
    assert map_year(frame) == "1930"


def test_compare_mode_shows_two_years_whose_maps_move_together(page_at):
    page = page_at("?view=compare")
    page.locator("iframe[title*=streamlit_folium]").nth(1).wait_for()
    frames = []
    for _ in range(100):
        frames = [f for f in page.frames if "streamlit_folium" in f.url]
        ready = [f for f in frames if f.evaluate("!!document.querySelector('[data-map-year]')"
                                                 " && document.querySelector('[data-map-year]')"
                                                 ".dataset.mapYear")]  # fmt: skip
        if len(ready) == 2:
            break
        page.wait_for_timeout(100)
    years = sorted(map_year(f) for f in frames)
    assert years == ["1904", "1906"]
    a, b = frames
    a.evaluate("void map.setView([50, 142], 6, {animate: false})")
    b.wait_for_function("map.getZoom() === 6")
    center = b.evaluate("[map.getCenter().lat, map.getCenter().lng]")
    assert abs(center[0] - 50) < 0.01 and abs(center[1] - 142) < 0.01
    b.evaluate("void map.setView([40, 125], 5, {animate: false})")  # and the other way round
    a.wait_for_function("map.getZoom() === 5")
    assert abs(a.evaluate("map.getCenter().lng") - 125) < 0.01
    text = page.locator(".compare").inner_text()
    assert "Sakhalin south of 50°N: Russian Empire → Empire of Japan (Karafuto)" in text


def test_control_over_time_draws_the_chart_with_the_year_marked(page_at):
    page = page_at("?view=chart&year=1940")
    chart = page.locator("[data-testid=stVegaLiteChart]")
    chart.wait_for()
    chart.locator("canvas, svg").first.wait_for()
    assert "1940: Japan" in page.get_by_text("1940: Japan").inner_text()


def test_the_pack_opens_offline_draws_the_map_and_its_slider_moves_the_year(browser, pack, atlas):
    page = open_file(browser, pack)
    page.wait_for_function("document.querySelector('[data-map-year]')?.dataset.mapYear === '1905'")
    assert page.locator(".leaflet-atlas-territories-pane path").count() >= 15
    page.locator("article.passage.focus[data-id=war-1904]").wait_for()
    page.locator("#year-slider").fill("1945")
    wait_map_year(page.main_frame, 1945)
    page.locator("article.passage.focus[data-id=potsdam-august-storm]").wait_for()
    assert "What changed in 1945" in page.locator("#notes").inner_text()
    page.locator("#language").select_option("ru")
    page.wait_for_function(
        "[...document.querySelectorAll('.atlas-label span')]"
        ".some(s => /[А-Яа-я]/.test(s.textContent))"
    )
    page.locator("article.passage[data-id=yalta]").click()
    wait_map_year(page.main_frame, 1943)
    assert page.locator("#year-slider").input_value() == "1943"
    page.locator("h1").click()  # keys from anywhere on the page, as a clicker sends them
    page.keyboard.press("ArrowRight")
    wait_map_year(page.main_frame, 1944)
    page.keyboard.press("PageDown")  # the next change of control: 1945
    wait_map_year(page.main_frame, 1945)
    page.keyboard.press("PageUp")
    before = max(y for y in atlas.change_years() if y < 1945)
    wait_map_year(page.main_frame, before)
    assert page.url.endswith(f"#year={before}&lang=ru")  # the address says where you are
    page.evaluate("location.hash = '#year=1875'")  # an edited address is followed
    wait_map_year(page.main_frame, 1875)
    page.evaluate("location.hash = '#year=3000'")  # and a bad one gets a note
    wait_map_year(page.main_frame, 1905)  # the timeline's default year (Python's)
    assert "“3000” is not a year of the atlas" in page.locator("#link-note").inner_text()
    assert page.blocked == []  # nothing was fetched from anywhere
    page.context.close()


def test_downloads_the_years_map_and_the_classroom_pack(page_at, tmp_path):
    import io
    import json
    import zipfile

    page = page_at("?year=1905")
    map_frame(page)
    with page.expect_download() as got:
        page.get_by_role("button", name="The map of 1905 (GeoJSON and CSV, zipped)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(got.value.path()).read_bytes()))
    assert sorted(archive.namelist()) == ["atlas-1905.csv", "atlas-1905.geojson"]
    features = json.loads(archive.read("atlas-1905.geojson"))["features"]
    karafuto = next(f for f in features if f["properties"]["territory"] == "sakhalin-south")
    assert karafuto["properties"]["controller"] == "japan"
    assert karafuto["properties"]["start"] == "1905-10-15"
    assert (
        "sakhalin-south,Karafuto,japan,Empire of Japan,sovereign"
        in archive.read("atlas-1905.csv").decode()
    )
    page.get_by_test_id("stExpandSidebarButton").click()
    with page.expect_download() as got:
        page.get_by_role("button", name="Classroom pack").click()
    pack = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename == "russo-japanese-atlas.html"
    assert 'id="atlas-data"' in pack and len(pack.encode()) < 3_000_000


def test_the_essays_mentions_are_marked_in_the_app_and_the_pack(page_at, browser, pack):
    """Each mention is an element with data-ref naming its feature; the text reads as written."""
    for page in (page_at("?year=1905"), open_file(browser, pack)):
        war = page.locator("article.passage[data-id=war-1904]")
        war.wait_for()
        mention = war.locator("span.mention[data-ref=kwantung]")
        assert mention.first.inner_text() == "Port Arthur"
        assert war.locator("span.mention[data-ref=battle-of-tsushima]").inner_text() == (
            "Tsushima Straights"  # the author's spelling
        )
        text = war.locator("p.passage-text").inner_text()
        assert "Japan invaded the Russian outpost of Port Arthur and a bitter struggle" in text
        typo = page.locator(
            "article.passage[data-id=comment-yalta] span.mention[data-ref=sakhalin]"
        )
        assert "Sakharin" in typo.all_inner_texts()
        if page.url.startswith("file:"):
            page.context.close()


def test_hovering_a_mention_highlights_its_feature_on_the_map(page_at, browser, pack):
    """In 1905, "Port Arthur" in the war passage lights Kwantung on the map; leaving lets go;
    a click frames it. The same in the pack."""
    for page in (page_at("?year=1905", 1280, 720), open_file(browser, pack)):
        frame = map_frame(page) if not page.url.startswith("file:") else page.main_frame
        wait_map_year(frame, 1905)
        box = frame.locator("[data-map-year]")
        mention = page.locator("article.passage[data-id=war-1904] span.mention[data-ref=kwantung]")
        mention.first.hover()
        frame.wait_for_function(
            "document.querySelector('[data-map-year]').dataset.highlight === 'kwantung'"
        )
        widths = frame.evaluate(
            "[...document.querySelectorAll('.leaflet-atlas-territories-pane path')]"
            ".map(p => p.getAttribute('stroke-width'))"
        )
        assert "4" in widths  # Kwantung drawn bold
        assert frame.locator(".atlas-ring").count() == 1  # and ringed: it is a few pixels wide
        sakhalin = page.locator("article.passage span.mention[data-ref=sakhalin]").first
        sakhalin.hover()  # a drawn label of a highlighted feature is marked too
        frame.wait_for_function(
            "document.querySelector('[data-map-year]').dataset.highlight === 'sakhalin'"
        )
        marked = frame.evaluate("[...document.querySelectorAll('.atlas-label-on')]"
                                ".map(s => s.dataset.ref)")  # fmt: skip
        assert marked and set(marked) <= {"sakhalin-south", "sakhalin-north"}, marked
        page.locator("h3.essay-title").first.hover()  # away from the mention
        frame.wait_for_function("!document.querySelector('[data-map-year]').dataset.highlight")
        assert box.get_attribute("data-highlight") is None
        assert frame.locator(".atlas-label-on, .atlas-ring").count() == 0
        if page.url.startswith("file:"):
            page.context.close()


CLICK_AT = """([lat, lon]) => {
  const p = L.Atlas.all()[0]._map.latLngToContainerPoint([lat, lon]);
  return [p.x, p.y];
}"""


def test_clicking_sakhalin_shows_the_passages_that_mention_it(page_at, browser, pack, atlas):
    expected = {p.id for p in atlas.passages(None)
                if any(m.ref in ("sakhalin", "sakhalin-south") for m in p.mentions)}  # fmt: skip
    assert {"sakhalin-kuriles", "war-1904", "yalta"} <= expected
    for page in (page_at("?year=1905", 1280, 720), open_file(browser, pack)):
        frame = map_frame(page) if not page.url.startswith("file:") else page.main_frame
        wait_map_year(frame, 1905)
        inland = max(atlas.period("sakhalin-south", 1905).geometry.geoms, key=lambda g: g.area)
        spot = inland.representative_point()  # Karafuto itself, not an islet
        x, y = frame.evaluate(CLICK_AT, [spot.y, spot.x])
        frame.locator(".leaflet-container").click(position={"x": x, "y": y})
        page.wait_for_function(
            "[...document.querySelectorAll('*')].some(e => e.shadowRoot ? "
            "e.shadowRoot.querySelector('.essay[data-mentioned=sakhalin-south]') : "
            "e.matches && e.matches('.essay[data-mentioned=sakhalin-south]'))"
        )
        shown = set(page.locator("article.passage.mentioned").evaluate_all(
            "els => els.map(e => e.dataset.id)"))  # fmt: skip
        assert shown == expected
        if page.url.startswith("file:"):
            page.context.close()
