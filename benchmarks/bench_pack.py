"""Benchmark the static classroom pack: its size, and a slider step in headless Chromium.

Exports the pack, opens it from a file:// address with every other request blocked, presses
the slider's arrow key and times, in the page, from the keydown to the map's year applied and
to the frame after it (rAF, then a task: the frame has been painted). Prints figures; asserts
nothing. Run:

    python benchmarks/bench_pack.py [--steps 150]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from figures import figures
from playwright.sync_api import sync_playwright

import mapcore
from atlasapp.testing import launch, open_file
from mapcore.web.pack import export_pack

WATCH = """() => {
  window.__steps = [];
  const box = document.querySelector('[data-map-year]');
  let key = 0;
  document.addEventListener('keydown', () => { key = performance.now(); }, true);
  new MutationObserver(() => {
    const applied = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__steps.push(
      {applied: applied - key, painted: performance.now() - key}), 0));
  }).observe(box, {attributes: true, attributeFilter: ['data-map-year']});
}"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=150)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp()) / "russo-japanese-atlas.html"
    t0 = time.perf_counter()
    size = export_pack(mapcore.load_atlas(), out)
    built = time.perf_counter() - t0
    with sync_playwright() as pw:
        browser = launch(pw)
        t0 = time.perf_counter()
        page = open_file(browser, out, "#year=1850")
        page.wait_for_function("document.querySelector('[data-map-year]')?.dataset.mapYear")
        opened = time.perf_counter() - t0
        page.evaluate(WATCH)
        page.locator("#year-slider").focus()
        for _ in range(args.steps):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(40)
        page.wait_for_timeout(300)
        steps = page.evaluate("window.__steps")
        browser.close()
    print(f"pack size                          {size / 1e6:7.2f} MB  (built in {built:.2f} s)")
    print(f"opened from file://, map drawn     {opened * 1000:7.0f} ms")
    print(figures("keydown -> year applied", [s["applied"] for s in steps]))
    print(figures("keydown -> frame painted", [s["painted"] for s in steps]))
    print(f"requests outside the file: {len(page.blocked)}")


if __name__ == "__main__":
    main()
