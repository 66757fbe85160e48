"""Benchmark the classroom app in headless Chromium: step latency, bursts, bytes, first paint.

Starts the real app, opens it in Debian's Chromium with every outside request blocked, and
presses the slider's arrow keys. Timestamps are taken in the browser: the keydown in the page,
and in the map's frame the moment `data-map-year` changes and the next animation frame (the
colours drawn). Prints figures; asserts nothing. Run:

    python benchmarks/bench_app.py [--steps 80]
"""

from __future__ import annotations

import argparse
import base64
import time
from pathlib import Path

from figures import figures
from playwright.sync_api import sync_playwright

from atlasapp.testing import launch, map_frame, open_page, running_app, slider_thumb, wait_map_year

WATCH_MAP = """() => {
  window.__drawn = []; window.__minPaths = Infinity;
  const box = document.querySelector('[data-map-year]');
  new MutationObserver(() => {
    const t = performance.timeOrigin + performance.now();
    const y = box.dataset.mapYear;
    const paths = document.querySelectorAll('.leaflet-atlas-territories-pane path').length;
    window.__minPaths = Math.min(window.__minPaths, paths);
    requestAnimationFrame(() => window.__drawn.push({y: y, t: t,
      paint: performance.timeOrigin + performance.now()}));
  }).observe(box, {attributes: true, attributeFilter: ['data-map-year']});
  window.__mark = 'same map';
}"""
WATCH_KEYS = """() => {
  window.__keys = [];
  document.addEventListener('keydown', () =>
    window.__keys.push(performance.timeOrigin + performance.now()), true);
}"""


def frame_bytes(response: dict) -> int:
    """A websocket frame's size: CDP gives binary frames (opcode 2) base64-encoded."""
    payload = response["payloadData"]
    return len(base64.b64decode(payload)) if response.get("opcode") == 2 else len(payload.encode())


def quiet(page, received: list, gap: float = 0.15) -> None:
    """Wait until no websocket frame has arrived for `gap` seconds."""
    page.wait_for_timeout(gap * 1000)
    while received and time.monotonic() - received[-1][0] < gap:
        page.wait_for_timeout(30)


def first_paint(page) -> tuple[float, float]:
    """First contentful paint and the map's first drawn year, in ms after navigation."""
    frame = map_frame(page)
    drawn = frame.evaluate("performance.timeOrigin + performance.now()") - page.evaluate(
        "performance.timeOrigin"
    )
    fcp = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    return fcp, drawn


def server_rerun(runs: int = 177) -> list[float]:
    """The app script's own time per slider step, in AppTest (warm: after ten warm-up steps)."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    samples: list[float] = []
    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):
        t0 = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            samples.append((time.perf_counter() - t0) * 1000)

    script_runner.exec_func_with_error_handling = timed
    try:
        at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"),
                               default_timeout=60).run()  # fmt: skip
        for year in range(1900, 1910):
            at.slider(key="year").set_value(year).run()
        samples.clear()
        for year in range(1850, 1850 + runs):
            at.slider(key="year").set_value(year).run()
    finally:
        script_runner.exec_func_with_error_handling = original
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=80)
    parser.add_argument("--start", type=int, default=1890)
    args = parser.parse_args()
    with running_app() as server, sync_playwright() as pw:
        browser = launch(pw)
        page = open_page(browser, f"{server.url}/?year={args.start}")
        frame = map_frame(page)
        map_at = frame.evaluate("performance.timeOrigin + performance.now()") - page.evaluate(
            "performance.timeOrigin"
        )
        fcp = page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
        )
        frame.evaluate(WATCH_MAP)
        page.evaluate(WATCH_KEYS)
        frame.evaluate("void window.map.setZoom(5)")  # a teacher's zoom, to be kept
        page.wait_for_timeout(500)
        received: list[tuple[float, int]] = []
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on(
            "Network.webSocketFrameReceived",
            lambda e: received.append((time.monotonic(), frame_bytes(e["response"]))),
        )
        thumb = slider_thumb(page)
        thumb.focus()
        # -- single steps, each waited for -------------------------------------------------
        step_bytes, year = [], args.start
        for _ in range(args.steps):
            before = len(received)
            year += 1
            page.keyboard.press("ArrowRight")
            wait_map_year(frame, year)
            quiet(page, received)  # the rerun's last messages, so they count for this step
            step_bytes.append(sum(n for _, n in received[before:]))
        keys = page.evaluate("window.__keys")
        drawn = frame.evaluate("window.__drawn")
        by_year = {}
        for d in drawn:  # the first time each year was drawn
            by_year.setdefault(d["y"], d)
        paint = [by_year[str(args.start + i + 1)]["paint"] - k for i, k in enumerate(keys)]
        applied = [by_year[str(args.start + i + 1)]["t"] - k for i, k in enumerate(keys)]
        # -- a burst: 10 presses 50 ms apart ----------------------------------------------
        settles = []
        for _ in range(3):
            page.wait_for_timeout(1000)
            page.evaluate("window.__keys = []")
            frame.evaluate("window.__drawn = []")
            for _ in range(10):
                page.keyboard.press("ArrowRight")
                page.wait_for_timeout(50)
            year += 10
            wait_map_year(frame, year)
            page.wait_for_timeout(500)
            last_key = page.evaluate("window.__keys")[-1]
            final = [d for d in frame.evaluate("window.__drawn") if d["y"] == str(year)]
            settles.append(final[0]["paint"] - last_key)
        zoom = frame.evaluate("window.map.getZoom()")
        same_map = frame.evaluate("window.__mark") == "same map"
        min_paths = frame.evaluate("window.__minPaths")
        blocked = list(page.blocked)
        page.context.close()
        fresh = open_page(browser, f"{server.url}/?year={args.start}")  # a new, empty cache
        fcp_new, map_new = first_paint(fresh)
        fresh.reload()
        fcp_warm, map_warm = first_paint(fresh)
        warm = fresh
        browser.close()
    print("first paint (ms):                      page  map drawn")
    print(f"  first load after the server starts   {fcp:6.0f} {map_at:9.0f}")
    print(f"  a new browser, server running        {fcp_new:6.0f} {map_new:9.0f}")
    print(f"  reload (browser cache warm)          {fcp_warm:6.0f} {map_warm:9.0f}")
    print(figures("server rerun per step (AppTest, warm)", server_rerun()))
    print(figures("keypress -> year's colours drawn", paint))
    print(figures("keypress -> state applied (no paint)", applied))
    print(figures("burst of 10 at 50 ms: settle after last", settles))
    print(figures("websocket bytes received per step", [b / 1024 for b in step_bytes], "KB"))
    print(
        f"map kept (no remount): {same_map}; zoom kept: {zoom == 5} (zoom {zoom}); "
        f"fewest territory paths during scrubbing: {min_paths}; outside requests blocked: "
        f"{len(blocked) + len(warm.blocked)}"
    )


if __name__ == "__main__":
    main()
