"""A whole class at once: 25 browser sessions against one server, all scrubbing together.

Opens the sessions one after another (each in its own Chromium context), measures the
server's memory, then presses the Year slider's arrow key in every session, round after round,
without waiting. Times, in each page: keypress to the year's colours drawn, and keypress to
the server's reply (the address bar's year updated by the rerun). At the end every session must
show, in its map and in its address, the year it asked for; the server log must hold no error.
Prints figures; asserts nothing. Run:

    python benchmarks/bench_load.py [--sessions 25] [--steps 12]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from figures import figures
from playwright.sync_api import sync_playwright

from atlasapp.testing import launch, map_frame, running_app, slider_thumb

INIT = """
window.__keys = []; window.__urls = [];
document.addEventListener('keydown', () =>
  window.__keys.push(performance.timeOrigin + performance.now()), true);
for (const name of ['pushState', 'replaceState']) {
  const original = history[name].bind(history);
  history[name] = function (state, title, url) {
    const m = /year=(\\d+)/.exec(String(url || ''));
    if (m) window.__urls.push([Number(m[1]), performance.timeOrigin + performance.now()]);
    return original(state, title, url);
  };
}
"""
WATCH_MAP = """() => {
  window.__drawn = [];
  const box = document.querySelector('[data-map-year]');
  new MutationObserver(() => {
    const y = Number(box.dataset.mapYear);
    requestAnimationFrame(() =>
      window.__drawn.push([y, performance.timeOrigin + performance.now()]));
  }).observe(box, {attributes: true, attributeFilter: ['data-map-year']});
}"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def browser_cpu_seconds() -> float:
    """CPU time of every Chromium process on the machine (the class's browsers)."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if "chrom" in (proc / "comm").read_text():
                    total += cpu_seconds(int(proc.name))
            except OSError:
                pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--steps", type=int, default=12)
    args = parser.parse_args()
    start_years = [1880 + 4 * i for i in range(args.sessions)]
    with running_app() as server, sync_playwright() as pw:
        browser = launch(pw)
        pid = server.process.pid
        idle = rss_mb(pid)
        pages, frames = [], []
        for i, year in enumerate(start_years):
            context = browser.new_context(viewport={"width": 1400, "height": 850})
            context.add_init_script(INIT)
            page = context.new_page()
            page.goto(f"{server.url}/?year={year}")
            frames.append(map_frame(page, timeout=120))
            pages.append(page)
            if i == 0:
                one = rss_mb(pid)
        loaded = rss_mb(pid)
        for page, frame in zip(pages, frames, strict=True):
            frame.evaluate(WATCH_MAP)
            page.evaluate("window.__keys = []; window.__urls = []")
            slider_thumb(page).focus()
        t0 = time.monotonic()
        server_cpu, browsers_cpu = cpu_seconds(pid), browser_cpu_seconds()
        for _ in range(args.steps):  # every session presses once per round, nobody waits
            for page in pages:
                page.keyboard.press("ArrowRight")
            pages[0].wait_for_timeout(60)
        pressed = time.monotonic() - t0
        wanted = [y + args.steps for y in start_years]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until every address shows its last year
            if all(p.evaluate("window.__urls.length && window.__urls.at(-1)[0]") == w
                   for p, w in zip(pages, wanted, strict=True)):  # fmt: skip
                break
            pages[0].wait_for_timeout(200)
        settled = time.monotonic() - t0
        server_cpu = cpu_seconds(pid) - server_cpu
        browsers_cpu = browser_cpu_seconds() - browsers_cpu
        drawn_ms, server_ms, right, wrong = [], [], 0, []
        for page, frame, first, want in zip(pages, frames, start_years, wanted, strict=True):
            keys = page.evaluate("window.__keys")
            drawn = {}
            for y, t in frame.evaluate("window.__drawn"):
                drawn.setdefault(y, t)
            urls = {}
            for y, t in page.evaluate("window.__urls"):
                urls.setdefault(y, t)
            for k, key_time in enumerate(keys):
                year = first + k + 1
                if year in drawn:
                    drawn_ms.append(drawn[year] - key_time)
                if year in urls:
                    server_ms.append(urls[year] - key_time)
            on_map = int(
                frame.evaluate("document.querySelector('[data-map-year]').dataset.mapYear")
            )
            in_url = page.evaluate("Number(new URL(location.href).searchParams.get('year'))")
            on_slider = int(slider_thumb(page).input_value())
            if on_map == in_url == on_slider == want:
                right += 1
            else:
                wrong.append((want, on_map, in_url, on_slider))
            if page.locator("[data-testid=stException]").count():
                wrong.append(("exception shown", want))
        after = rss_mb(pid)
        log = server.log.read_text()
        browser.close()
    per_session = (loaded - one) / max(1, args.sessions - 1)
    print(f"sessions: {args.sessions}, steps each: {args.steps}, presses sent in {pressed:.1f} s, "
          f"all settled {settled:.1f} s after the first press")  # fmt: skip
    print(
        f"CPU used while scrubbing: server {server_cpu:.1f} s, the {args.sessions} browsers "
        f"{browsers_cpu:.1f} s, on {os.cpu_count()} cores over {settled:.1f} s"
    )
    print(figures("keypress -> year's colours drawn", drawn_ms))
    print(figures("keypress -> server's reply (address)", server_ms))
    print(f"sessions on the year they asked for (map, address, slider): {right}/{args.sessions}"
          + (f"; wrong: {wrong[:5]}" if wrong else ""))  # fmt: skip
    print(f"server memory: idle {idle:.0f} MB, 1 session {one:.0f} MB, {args.sessions} sessions "
          f"{loaded:.0f} MB, after scrubbing {after:.0f} MB -> {per_session:.1f} MB per extra "
          "session")  # fmt: skip
    errors = [line for line in log.splitlines() if "Traceback" in line or "Error" in line]
    print(f"errors in the server log: {len(errors)}" + (f": {errors[:3]}" if errors else ""))


if __name__ == "__main__":
    main()
