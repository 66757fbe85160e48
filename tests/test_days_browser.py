"""To the day, as the browser shows it: a date link, the day steps, `[` and `]`, and the card of
each change crossed; the map, the essay, the notes, the day steps and the address agree on the
day. In the app and in the pack opened from file://."""

from __future__ import annotations

import pytest

from atlasapp.testing import map_frame, open_file, open_page
from mapcore.vocab import POWERS

pytestmark = pytest.mark.browser

DRAWN = """() => {  // each territory as the map drew it: its status and fill colours
  const out = {};
  L.Atlas.all()[0]._map.eachLayer(l => {
    if (l.__atlas && l.__atlas.territory) out[l.__atlas.territory] =
      { status: l.__atlas.status, colours: l.__atlas.colours };
  });
  return out;
}"""

AGREE = """() => {  // the day each part of the page shows ('' for a bare year)
  const find = sel => document.querySelector(sel) || [...document.querySelectorAll('*')]
    .map(e => e.shadowRoot && e.shadowRoot.querySelector(sel)).find(Boolean);
  return ['.essay', '.year-notes', '.day-steps'].map(s => find(s) && find(s).dataset.date);
}"""


@pytest.fixture
def opened(app_server, browser, pack):
    """The app and the pack, each on the same day: (page, the map's frame, the address)."""
    pages = []

    def opener(where: str, day: str, width: int = 1280, height: int = 720):
        if where == "app":
            page = open_page(browser, f"{app_server.url}/?date={day}", width, height)
            frame = map_frame(page)
        else:
            page = open_file(browser, pack, f"#date={day}", width, height)
            frame = page.main_frame
        pages.append(page)
        frame.wait_for_function(f"document.querySelector('[data-map-date]')?.dataset.mapDate "
                                f"=== '{day}'")  # fmt: skip
        return page, frame

    yield opener
    for page in pages:
        page.context.close()


def focus_page(page) -> None:
    """Click where nothing acts (the pack's title, the app's empty header): keys go to the page."""
    if page.url.startswith("file:"):
        page.locator("h1").click()
    else:
        page.mouse.click(640, 8)


def wait_day(page, frame, day: str) -> None:
    frame.wait_for_function(
        f"document.querySelector('[data-map-date]').dataset.mapDate === '{day}'"
    )
    page.wait_for_function(f"({AGREE})().every(d => d === '{day}')")


@pytest.mark.parametrize("where", ["app", "pack"])
def test_20_august_1945_and_the_next_dated_change(opened, where):
    """?date=1945-08-20: South Sakhalin and the northern Kurils still a war front, Manchuria
    under Soviet occupation, the day named in full; `]` reaches 22 August, where Port Arthur
    passes to the joint Sino-Soviet base, and a card names that change."""
    page, frame = opened(where, "1945-08-20")
    box = frame.locator("[data-map-year]")
    assert box.inner_text().split() == ["20", "August", "1945"]
    drawn = frame.evaluate(DRAWN)
    assert drawn["sakhalin-south"]["status"] == "contested"
    assert drawn["kurils-north"]["status"] == "contested"
    assert drawn["manchuria"]["status"] == "occupied"
    assert drawn["manchuria"]["colours"] == [POWERS["russia"].colour]
    assert page.evaluate(AGREE) == ["1945-08-20"] * 3
    assert frame.locator(".atlas-cards").is_hidden()  # 20 August is no day of change

    focus_page(page)  # keys from anywhere on the page
    page.keyboard.press("]")
    wait_day(page, frame, "1945-08-22")
    assert "22 August 1945" in box.inner_text()
    assert frame.evaluate(DRAWN)["kwantung"]["status"] == "joint"
    cards = frame.locator(".atlas-cards")
    cards.wait_for()
    assert cards.get_attribute("data-card-date") == "1945-08-22"
    seen = set()
    for _ in range(int(cards.locator(".atlas-card-count").inner_text().split()[-1])):
        seen.add(cards.get_attribute("data-card-territories"))
        assert "Instrument:" in cards.inner_text()
        assert "Source:" in cards.locator(".atlas-card-source").text_content()
        cards.locator("button[title='Next card']").click()
    assert "kwantung" in seen
    if where == "app":
        page.wait_for_function("location.search === '?date=1945-08-22'")
    else:
        assert page.evaluate("location.hash") == "#date=1945-08-22"
    page.keyboard.press("[")
    wait_day(page, frame, "1945-08-19")


@pytest.mark.parametrize("where", ["app", "pack"])
def test_the_day_steps_of_1945_move_the_whole_page(opened, where, atlas):
    """A day step is drawn at once and kept; the year's end is the bare year again, and from
    there `]` goes on to the next year's first change, the slider with it."""
    page, frame = opened(where, "1945-08-20")
    steps = page.locator(".day-step")
    labels = steps.all_inner_texts()
    assert labels[:3] == ["1 Jan", "9 Aug", "10 Aug"] and labels[-1] == "31 Dec"
    assert page.locator(".day-step-between").inner_text() == "20 August 1945"
    page.locator(".day-step[data-date='1945-08-09']").click()
    wait_day(page, frame, "1945-08-09")
    assert page.locator(".day-step[data-date='1945-08-09']").get_attribute("aria-pressed") == "true"
    card = frame.locator(".atlas-cards")
    assert card.get_attribute("data-card-date") == "1945-08-09"
    assert "Manchukuo" in card.inner_text()  # the day's most prominent change comes first
    notes = page.locator(".year-notes")
    assert "The map shows 9 August 1945; still to come:" in notes.inner_text()
    page.locator(".day-step[data-date='1945-12-31']").click()
    frame.wait_for_function(
        "document.querySelector('[data-map-date]').dataset.mapDate === '1945-12-31'"
    )
    assert frame.locator("[data-map-year]").inner_text().strip() == "1945"  # the bare year
    page.wait_for_function(f"({AGREE})().every(d => d === '')")
    after = atlas.next_change_day(1945).isoformat()  # `]` goes on into the next year
    focus_page(page)
    page.keyboard.press("]")
    wait_day(page, frame, after)
    slider = "#year-slider" if where == "pack" else ".st-key-year input[type=range]"
    assert page.locator(slider).input_value() == after[:4]  # the slider follows


def test_a_card_can_be_copied_and_closed(browser, pack):
    page = open_file(browser, pack, "#date=1905-10-14", 1280, 720)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.wait_for_function("document.querySelector('[data-map-date]')?.dataset.mapDate")
    focus_page(page)
    page.keyboard.press("]")  # 15 October 1905: Portsmouth in force
    card = page.locator(".atlas-cards")
    card.wait_for()
    assert "15 October 1905" in card.inner_text()
    card.locator("summary").click()  # the source, unfolded
    sizes = card.evaluate("c => [...c.querySelectorAll('*')].filter(e => e.childNodes.length && "
                          "[...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
                          ".map(e => parseFloat(getComputedStyle(e).fontSize))")  # fmt: skip
    assert sizes and min(sizes) >= 14, sizes  # readable from a classroom's back row
    assert card.locator(".atlas-card-source").is_visible()
    card.locator(".atlas-card-copy").click()
    page.wait_for_function("document.querySelector('.atlas-card-copy').textContent !== 'Copy'")
    assert page.locator(".atlas-card-copy").inner_text() == "Copied"
    copied = page.evaluate("navigator.clipboard.readText()").splitlines()
    assert copied[:2] == ["15 October 1905", "Karafuto"]  # the day's most prominent first
    assert "Instrument: Treaty of Portsmouth (1905), Art. IX" in copied[3]
    assert copied[4].startswith("Source: ")  # folded on the card, still in the quote
    card.locator("button[title='Close the card']").click()
    assert card.is_hidden()
    page.context.close()


CARD_HIDES = """(territories) => {  // does the card's box reach into what it names?
  const map = L.Atlas.all()[0]._map, card = document.querySelector('.atlas-cards');
  const r = card.getBoundingClientRect(), o = map.getContainer().getBoundingClientRect();
  let hides = false;
  map.eachLayer(l => {
    if (!l.__atlas || territories.indexOf(l.__atlas.territory) < 0) return;
    const a = map.latLngToContainerPoint(l.getBounds().getNorthWest());
    const z = map.latLngToContainerPoint(l.getBounds().getSouthEast());
    hides = hides || (o.left + a.x < r.right && r.left < o.left + z.x &&
                      o.top + a.y < r.bottom && r.top < o.top + z.y);
  });
  return hides;
}"""


def test_a_card_keeps_clear_of_the_territory_it_names(opened):
    """The northern Kurils' card and South Korea's leave them in sight (at 1280x720 the map
    has room for that: bottom right for the one, top right for the other)."""
    page, frame = opened("app", "1945-08-17")
    cards = frame.locator(".atlas-cards")
    for day in ("1945-08-18", "1945-09-09"):
        page.locator(f".day-step[data-date='{day}']").click()
        wait_day(page, frame, day)
        cards.wait_for()
        assert cards.get_attribute("data-card-date") == day
        named = cards.get_attribute("data-card-territories").split()
        assert not frame.evaluate(CARD_HIDES, named), (day, named)
