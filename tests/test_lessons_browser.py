"""Lessons as the browser shows them: a stop opened by its link, PageDown to the next; the
console, the projector window it opens and a student's page following it; the quiz hiding
then revealing; the same lesson in the pack from file://. Screenshots go to SHOTS."""

from __future__ import annotations

import time

import pytest

from atlasapp.testing import SHOTS, map_frame, open_file, open_page

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


def stop_of(frame) -> str | None:
    return frame.evaluate(f"{BOX}.dataset.lessonStop || null")


def wait_stop(frame, number: int, timeout: float = 10) -> None:
    frame.wait_for_function(f"{BOX}.dataset.lessonStop === '{number}'", timeout=timeout * 1000)


def test_a_stop_opens_from_its_link_and_pagedown_reaches_the_next(app_server, browser):
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

        console.bring_to_front()
        console.keyboard.press("PageDown")
        wait_stop(frame, 4)
        changed = time.monotonic()
        wait_stop(pframe, 4, timeout=FOLLOW_WITHIN)  # no clicks on it
        followed = time.monotonic() - changed
        assert followed < FOLLOW_WITHIN, followed
        assert pframe.evaluate(f"{BOX}.dataset.mapDate") == "1898-03-27"
        wait_stop(sframe, 4, timeout=FOLLOW_WITHIN)

        student.get_by_role("button", name="Explore on my own").click()
        student.get_by_role("button", name="Follow again").wait_for()
        console.keyboard.press("PageDown")
        wait_stop(frame, 5)
        wait_stop(pframe, 5)
        student.wait_for_timeout(1000)  # time to have followed, had it still been following
        assert stop_of(sframe) == "4"
        student.get_by_role("button", name="Follow again").click()
        wait_stop(sframe, 5)

        SHOTS.mkdir(parents=True, exist_ok=True)
        console.bring_to_front()
        console.wait_for_timeout(900)  # the frame flown to, the card placed
        console.screenshot(path=str(SHOTS / "console-1280x720.png"))
        projector.bring_to_front()
        projector.wait_for_timeout(300)
        projector.screenshot(path=str(SHOTS / "projector-1280x720.png"))
    finally:
        context.close()


def test_the_quiz_hides_the_holder_then_reveals_it(app_server, browser):
    page = open_page(browser, f"{app_server.url}/?date=1906-01-01", 1280, 720)
    try:
        frame = map_frame(page)
        page.get_by_role("button", name="Quiz").click()
        page.get_by_role("button", name="Ask: hide the answer on the map").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'asked'")
        drawn = frame.evaluate(f"({TERRITORY})('kwantung')")
        assert drawn["fill"] == "#9e9e9e"
        assert "?" in frame.locator(".atlas-label-quiz").all_inner_texts()
        question = page.locator(".lesson-quiz-question").inner_text()
        assert question == "Who held Kwantung (Port Arthur and Dalny) on 1 January 1906?"
        assert "Empire of Japan" in page.locator(".lesson-quiz-choices").inner_text()
        assert frame.locator("[data-card-date]:visible").count() == 0  # no card gives it away
        page.get_by_role("button", name="Reveal").click()
        frame.wait_for_function(f"{BOX}.dataset.quiz === 'revealed'")
        assert frame.evaluate(f"({TERRITORY})('kwantung')")["fill"] != "#9e9e9e"
        assert frame.locator(".atlas-label-quiz").count() == 0
        frame.wait_for_function("document.querySelector('[data-card-date]')?.dataset.cardDate "
                                "=== '1905-12-22'")  # fmt: skip
        assert "leased" in page.locator(".lesson-quiz-answer").inner_text()
        page.get_by_role("button", name="End quiz").click()
        frame.wait_for_function(f"!{BOX}.dataset.quiz")
    finally:
        page.context.close()


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    from mapcore import load_atlas
    from mapcore.web.pack import export_pack

    out = tmp_path_factory.mktemp("pack") / "atlas.html"
    export_pack(load_atlas(), out)
    return out


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
