"""Lessons as the browser shows them: a stop opened by its link, PageDown to the next; the
console, the projector window it opens and a student's page following it; the quiz hiding
then revealing; the same lesson in the pack from file://. Screenshots go to SHOTS."""

from __future__ import annotations

import time

import pytest

from atlasapp.testing import (
    SHOTS,
    layout_problems,
    map_frame,
    map_layout,
    open_file,
    open_page,
)

pytestmark = pytest.mark.browser

LESSON = "shimoda-to-abe"
BOX = "document.querySelector('[data-map-year]')"
FOLLOW_WITHIN = 1.0  # seconds: the bar for the projector following the console

TERRITORY = """t => {  // how the map drew a territory: its style, and whether it is in view
  const m = L.Atlas.all()[0]._map;
  let found = null;
  m.eachLayer(l => { if (l.__atlas && l.__atlas.territory === t && l.getBounds) found = l; });
  if (!found) return null;
  const o = Object.values(found._layers)[0].options;
  return { fill: o.fillColor, weight: o.weight, inView: m.getBounds().contains(found.getBounds()) };
}"""


PAGE = """() => {  // where the lesson's parts are in the window
  const box = e => { if (!e) return null; const r = e.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const find = sel => document.querySelector(sel) || [...document.querySelectorAll('*')]
    .map(e => e.shadowRoot && e.shadowRoot.querySelector(sel)).find(Boolean);  // the panels'
  return {window: [innerWidth, innerHeight], scroll: document.scrollingElement.scrollHeight,
    map: box(find('.st-key-fit-map iframe')), caption: box(find('.lesson-caption')),
    passage: box(find('article.passage.focus')), bar: box(find('.st-key-lesson-bar')),
    note: box(find('.lesson-note'))};
}"""


def screen_problems(page, frame, projector: bool) -> list[str]:
    """What a class would see wrong in a lesson's page at its window size: a part outside the
    window (the projector's: the map, the caption, the passage; the console's: the map, the
    stops' bar, the caption and the teacher's note), a map that does not fill it, labels that
    overlap or sit under the legend."""
    shown = page.evaluate(PAGE)
    w, h = shown["window"]
    out = []
    parts = ["map", "caption"] + (["passage"] if projector else ["bar", "note"])
    for part in parts:
        b = shown[part]
        if not b or b["x"] < -0.5 or b["y"] < -0.5 or b["x"] + b["w"] > w + 0.5 or (
                b["y"] + (b["h"] if part == "map" else 20) > h + 0.5):  # fmt: skip
            out.append(f"{w}x{h}: the {part} is not in the window ({b})")
    if shown["map"] and shown["map"]["h"] < 0.55 * (h - shown["map"]["y"]):
        out.append(f"{w}x{h}: the map does not fill the window ({shown['map']})")
    if projector and shown["scroll"] > h + 1:
        out.append(f"{w}x{h}: the projector's page scrolls ({shown['scroll']})")
    return out + [f"{w}x{h}: {p}" for p in layout_problems(map_layout(frame))]


def stop_of(frame) -> str | None:
    return frame.evaluate(f"{BOX}.dataset.lessonStop || null")


def wait_stop(frame, number: int, timeout: float = 10) -> None:
    frame.wait_for_function(f"{BOX}.dataset.lessonStop === '{number}'", timeout=timeout * 1000)


def test_a_stop_opens_from_its_link_pagedown_reaches_the_next_and_its_quiz_reveals(
    app_server, browser
):
    page = open_page(browser, f"{app_server.url}/?lesson={LESSON}&stop=3", 1280, 720)
    try:
        frame = map_frame(page)
        wait_stop(frame, 3)
        assert frame.evaluate(f"{BOX}.dataset.mapDate") == "1895-05-08"
        page.locator(".lesson-title", has_text="Shimonoseki").wait_for()
        assert "cedes the Liaodong peninsula" in page.locator(".lesson-caption").inner_text()
        assert "stop-passage" in page.locator("article[data-id='manchuria-korea']").get_attribute(
            "class")  # fmt: skip
        frame.wait_for_function(f"({TERRITORY})('liaodong')?.weight === 4")  # marked on the map
        page.keyboard.press("PageDown")  # what a clicker sends
        wait_stop(frame, 4)
        assert frame.evaluate(f"{BOX}.dataset.mapDate") == "1898-03-27"
        page.locator(".lesson-title", has_text="Port Arthur leased").wait_for()
        frame.wait_for_function(f"({TERRITORY})('kwantung')?.inView === true")  # flown to
        page.wait_for_function("location.search.includes('stop=4')")
        assert "date=1898-03-27" in page.url and page.blocked == []

        # the quiz: the stop's own question, Kwantung grey with a "?" until revealed
        page.get_by_role("button", name="Quiz").click()
        page.get_by_role("button", name="Ask: hide the answer on the map").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'asked'")
        assert frame.evaluate(f"({TERRITORY})('kwantung')")["fill"] == "#9e9e9e"
        assert "?" in frame.locator(".atlas-label-quiz").all_inner_texts()
        assert page.locator(".lesson-quiz-question").inner_text() == (
            "Why did Japan take the lease of Port Arthur as a betrayal?")  # fmt: skip
        assert frame.locator("[data-card-date]:visible").count() == 0  # no card gives it away
        page.get_by_role("button", name="Reveal").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'revealed'")
        assert frame.evaluate(f"({TERRITORY})('kwantung')")["fill"] != "#9e9e9e"
        assert frame.locator(".atlas-label-quiz").count() == 0
        frame.wait_for_function("document.querySelector('[data-card-date]')?.dataset.cardDate "
                                "=== '1898-03-27'")  # the lease's card  # fmt: skip
        assert "took its tip for itself" in page.locator(".lesson-quiz-answer").inner_text()
        page.get_by_role("button", name="End quiz").click()
        frame.wait_for_function(f"!{BOX}.dataset.quiz")

        # make a lesson: this view as a stop; a broken file loaded back is checked first
        page.get_by_text("Make a lesson").click()
        page.locator("button.atlas-add-stop").click()
        page.get_by_text("Your lesson has 1 stop(s).").wait_for()
        assert page.locator(".st-key-draft-title input").input_value() == "27 March 1898"
        broken = {"name": "mine.toml", "mimeType": "application/toml",
                  "buffer": b'title = "Mine"\n[[stop]]\ntitle = "A"\ndate = 1905\n'
                            b'caption = "c"\nhighlight = ["atlantis"]\n'}  # fmt: skip
        page.locator(".st-key-draft-upload input[type=file]").set_input_files(files=[broken])
        page.get_by_text("mine.toml was not loaded").wait_for()
        assert "lessons/mine.toml: stop 1: highlight names 'atlantis'" in page.locator(
            "[data-testid=stCode]").last.inner_text()  # fmt: skip
    finally:
        page.context.close()


def test_the_projector_and_a_student_follow_the_console(app_server, browser):
    console = open_page(browser, f"{app_server.url}/?lesson={LESSON}&stop=3", 1280, 720)
    context = console.context
    try:
        frame = map_frame(console)
        wait_stop(frame, 3)
        console.get_by_role("button", name="Teach (console)").click()
        console.locator(".lesson-class-code").wait_for()
        code = console.locator(".lesson-class-code").inner_text()
        assert console.locator(".lesson-note").inner_text().startswith("Note: Signed 17 April")
        assert (
            "Next: 4. Port Arthur leased to Russia" in console.locator(".lesson-next").inner_text()
        )
        with context.expect_page() as opened:
            console.locator("button.lesson-projector").click()
        projector = opened.value
        projector.set_viewport_size({"width": 1280, "height": 720})
        pframe = map_frame(projector)
        wait_stop(pframe, 3)
        assert f"class={code}" in projector.url
        projector.locator(".lesson-caption").wait_for()
        for chrome in (".st-key-year", ".st-key-lesson-bar", ".lesson-note", ".lesson-console"):
            assert projector.locator(chrome).count() == 0, chrome  # map, caption, passage only
        student = context.new_page()
        student.goto(f"{app_server.url}/?class={code}")
        sframe = map_frame(student)
        wait_stop(sframe, 3)

        projector.bring_to_front()  # on its screen; the clicker's key goes to the console
        console.keyboard.press("PageDown")
        wait_stop(frame, 4)
        changed = time.monotonic()
        wait_stop(pframe, 4, timeout=FOLLOW_WITHIN)  # no clicks on it
        followed = time.monotonic() - changed
        assert followed < FOLLOW_WITHIN, followed
        assert pframe.evaluate(f"{BOX}.dataset.mapDate") == "1898-03-27"
        wait_stop(sframe, 4, timeout=2 * FOLLOW_WITHIN)  # a page in the background here

        student.get_by_role("button", name="Explore on my own").click()
        student.get_by_role("button", name="Follow again").wait_for()
        student.locator(".st-key-year").wait_for()  # its own controls now (the map drawn anew)
        sframe = map_frame(student)
        console.keyboard.press("PageDown")
        wait_stop(frame, 5)
        wait_stop(pframe, 5)
        student.wait_for_timeout(800)  # time to have followed, had it still been following
        assert stop_of(sframe) == "4"
        student.get_by_role("button", name="Follow again").click()
        student.locator(".st-key-year").wait_for(state="detached")
        sframe = map_frame(student)
        wait_stop(sframe, 5)

        SHOTS.mkdir(parents=True, exist_ok=True)
        shots = [
            (1280, 720, console, frame, False),
            (1280, 720, projector, pframe, True),
            (1024, 768, projector, pframe, True),
        ]  # the tightest projector too
        for width, height, page, map_of, on_projector in shots:
            page.set_viewport_size({"width": width, "height": height})
            page.bring_to_front()
            page.wait_for_timeout(700)  # the boxes fitted, the frame flown to, the card
            name = "projector" if on_projector else "console"
            page.screenshot(path=str(SHOTS / f"{name}-{width}x{height}.png"))
            assert screen_problems(page, map_of, on_projector) == []
    finally:
        context.close()


def test_the_same_lesson_runs_in_the_pack_from_file(browser, pack):
    page = open_file(browser, pack, f"#lesson={LESSON}&stop=3", 1280, 720)
    try:
        frame = page.main_frame
        wait_stop(frame, 3)
        assert frame.evaluate(f"{BOX}.dataset.mapDate") == "1895-05-08"
        assert "Stop 3 of 16" in page.locator("#stop-name").inner_text()
        page.keyboard.press("PageDown")
        wait_stop(frame, 4)
        assert "stop=4" in page.url and "date=1898-03-27" in page.url
        assert page.locator(".lesson-note").count() == 0  # the teacher's: the app's console
        page.locator("#quiz-ask").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'asked'")
        assert frame.evaluate(f"({TERRITORY})('kwantung')")["fill"] == "#9e9e9e"
        page.locator("#quiz-reveal").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'revealed'")
        assert "took its tip for itself" in page.locator(".lesson-quiz-answer").inner_text()
        page.keyboard.press("ArrowLeft")
        wait_stop(frame, 3)
        assert frame.evaluate(f"!{BOX}.dataset.quiz")  # another stop: the quiz is over
        assert page.blocked == []
    finally:
        page.context.close()
