"""Benchmark what a person sees after a keypress: the atlas app beside Streamlit's own floor.

Starts the atlas (app.py) and a bare page (benchmarks/floor_app.py: a Year slider and its value),
opens one page on each in Debian's Chromium (1280x720, outside requests blocked) and alternates
arrow keys on their sliders (the atlas scrubs 1890 -> 1930 and back), each page settled (all
shown, then 150 ms without a websocket frame) before the other's step. Then the day steps: the
atlas on 1945's days of change, `]` and `[` from one to the next (Python decides where each
goes), against the floor's arrow keys again, in the same run.

Timestamps are the browser's (`performance.timeOrigin + now()`: the map's frame shares the clock):
a capture-phase keydown; MutationObservers on the floor's value, the map frame's `data-map-year`,
the essay's and the notes' `data-year` (in the document or an open shadow root), or for the day
steps `data-map-date` and `data-date`; wrapped
history.pushState and replaceState (and `location.search` at every other event) for the address.
A figure is keydown to the first animation frame after the change (the frame painting it); the
whole page is the
last of map, essay, notes and address. A step not settled in 5 s is an error, not a sample. Then,
always, a cold start: a fresh atlas server, a new context, the ms from navigation to the frame
painting the first visible text ("Loading" anywhere, any text in the main block) and the map's
first year. Prints; asserts nothing. Run:

    python benchmarks/bench_page.py [--steps 40]
"""

from __future__ import annotations

import argparse
import statistics
import time

from figures import figures
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from atlasapp.testing import ROOT, AppServer, launch, map_frame, open_page, running_app
from mapcore import load_atlas

WATCH = r"""(kind) => {
  const W = window.__bench = {keys: [], events: [], last: {}};
  const days = kind === 'days';  // the day steps: dates, not years
  const attr = days ? 'data-date' : 'data-year', mapAttr = days ? 'data-map-date' : 'data-map-year';
  const param = days ? /[?&]date=([\d-]+)/ : /[?&]year=(\d+)/;
  const now = (win) => win.performance.timeOrigin + win.performance.now();
  // the window, capturing: before the page's key handlers (the controller's, on the document)
  window.addEventListener('keydown', () => W.keys.push(now(window)), true);
  W.record = (what, y, win = window) => {
    if (y == null || y === '' || W.last[what] === y) return;
    W.last[what] = y;
    const e = {what: what, y: y, t: now(win)};
    W.events.push(e);
    win.requestAnimationFrame(() => { e.paint = now(win); });
  };
  W.address = () => W.record('address', (param.exec(location.search) || [])[1]);
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (...args) { const out = original.apply(this, args); W.address();
      return out; };
  }
  addEventListener('popstate', W.address);
  const find = (root, selector) => root.querySelector(selector) ||  // or in open shadow roots
    [...root.querySelectorAll('*')].reduce((hit, el) => hit || (el.shadowRoot &&
      find(el.shadowRoot, selector)), null);
  const shown = () => {  // the floor's st.write output, not the slider's own labels
    const el = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stMarkdown]')]
      .find((e) => !e.closest('.st-key-year'));
    return el ? el.textContent.trim() : null;
  };
  W.arm = () => {  // before each keypress: the thumb focused, the observers on what is there
    document.querySelector('.st-key-year input[type=range]').focus();
    if (kind === 'floor') return;
    for (const [what, selector] of [['essay', '.essay'], ['notes', '.year-notes']]) {
      const el = find(document, selector);
      if (!el || el === W[what]) continue;
      W[what] = el;
      const value = () => el.getAttribute(attr);
      new MutationObserver(() => { W.record(what, value()); W.address(); })
        .observe(el, {attributes: true, attributeFilter: [attr]});
      W.record(what, value());
    }
    const iframe = find(document, 'iframe[src*="streamlit_folium"]');
    const win = iframe && iframe.contentWindow;
    if (win && !win.__benchWatched && win.document.querySelector('[data-map-year]')) {
      win.__benchWatched = true;
      const year = () => win.document.querySelector('[data-map-year]').getAttribute(mapAttr);
      const only = {subtree: true, attributes: true, attributeFilter: [mapAttr]};
      new win.MutationObserver(() => { W.record('map', year(), win); W.address(); })
        .observe(win.document, only);
      W.record('map', year(), win);
    }
  };
  if (kind === 'floor') {
    new MutationObserver(() => { W.record('value', shown()); W.address(); })
      .observe(document.body, {subtree: true, childList: true, characterData: true});
    W.record('value', shown());
  }
  W.address();
  W.arm();
}"""
# every shown thing on `y`, and painted (an animation frame since the change)
SETTLED = """([y, whats]) => whats.every((w) => window.__bench.last[w] === String(y)) &&
  window.__bench.events.every((e) => e.paint)"""
# keydown -> the paint of the first change to `y` after it, per shown thing
SAMPLE = """([y, whats]) => { const W = window.__bench, key = W.keys[W.keys.length - 1];
  return Object.fromEntries(whats.map((w) => { const e = W.events.find((e) =>
    e.what === w && e.y === String(y) && e.t >= key); return [w, e ? e.paint - key : null]; }));
}"""
COLD = r"""(() => {
  if (window !== window.top) return;
  const C = window.__cold = {}, since = () => performance.now();  // ms after navigation
  let dirty = true;
  new MutationObserver(() => { dirty = true; })
    .observe(document, {subtree: true, childList: true, characterData: true});
  const seen = (node) => {  // a text node whose element is drawn and in the viewport
    const el = node.parentElement, box = el && el.getBoundingClientRect();
    return box && box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0 &&
      box.top < innerHeight && box.left < innerWidth && el.checkVisibility({visibilityProperty: 1});
  };
  const text = () => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const s = n.textContent.trim(), el = n.parentElement;  // an icon's name is not text
      const main = el.closest('[data-testid=stMain]') && !el.closest('[data-testid*=Icon]');
      if (s && (main || /loading/i.test(s)) && seen(n)) return s.slice(0, 40);
    }
  };
  const frame = () => {  // each animation frame: what it paints
    if (!C.text && dirty && document.body) {
      dirty = false;
      if ((C.what = text())) C.text = since();
    }
    const map = document.querySelector('iframe[src*="streamlit_folium"]');
    const box = map && map.contentDocument && map.contentDocument.querySelector('[data-map-year]');
    if (!C.map && box && box.dataset.mapYear) C.map = since();
    if (!C.text || !C.map) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();"""
RUNNING = "!!document.querySelector('[data-test-script-state=running]')"
WHATS = {"floor": ["value"], "atlas": ["map", "essay", "notes", "address"],
         "days": ["map", "essay", "notes", "address"]}  # fmt: skip


def watch(page, kind: str) -> list[float]:
    """Install the watchers; returns the list that gets the time of each websocket frame."""
    page.evaluate(WATCH, kind)
    frames: list[float] = []
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    for event in ("Network.webSocketFrameReceived", "Network.webSocketFrameSent"):
        cdp.on(event, lambda _: frames.append(time.monotonic()))
    return frames


def quiet(page, frames: list, gap: float = 0.15) -> None:
    """Wait until no websocket frame came or went for `gap` seconds, and no rerun is running."""
    page.wait_for_timeout(gap * 1000)
    while (frames and time.monotonic() - frames[-1] < gap) or page.evaluate(RUNNING):
        page.wait_for_timeout(20)


def step(page, kind: str, frames: list, key: str, year: int) -> dict | str:
    """One keypress and the page settled: its samples, or what went wrong."""
    page.evaluate("window.__bench.arm()")
    page.keyboard.press(key)
    try:
        page.wait_for_function(SETTLED, arg=[year, WHATS[kind]], timeout=5000)
    except PlaywrightError:
        return "timeout"  # the caller waits for it to finish
    quiet(page, frames)
    got = page.evaluate(SAMPLE, [year, WHATS[kind]])
    if not page.evaluate(SETTLED, [year, WHATS[kind]]) or None in got.values():
        return "wrong"  # a late change turned something away from the year
    return got


def slider_value(page) -> int:
    return int(page.locator(".st-key-year input[type=range]").input_value())


def cold_start(browser) -> dict:
    """A fresh atlas server, a new context (empty cache), the page opened with COLD watching."""
    server = AppServer().start()
    try:
        page = open_page(browser, "about:blank", 1280, 720)
        page.context.add_init_script(COLD)
        page.goto(f"{server.url}/?year=1905")
        page.wait_for_function("window.__cold && window.__cold.text && window.__cold.map",
                               timeout=60000)  # fmt: skip
        cold = page.evaluate("window.__cold")
        page.context.close()
        return cold
    finally:
        server.stop()


def ratio(label: str, samples: list[float], floor: list[float]) -> str:
    def p95(s: list[float]) -> float:  # as figures() takes it
        return sorted(s)[min(len(s) - 1, int(0.95 * len(s)))]

    median = statistics.median(samples) / statistics.median(floor)
    return f"{label + ' / floor:':<40} {median:.1f}x median, {p95(samples) / p95(floor):.1f}x p95"


def report(steps: int, samples: dict, errors: dict, blocked: int, kind: str = "atlas") -> None:
    floor = [got["value"] for got in samples["floor"]]
    atlas = {what: [got[what] for got in samples[kind]] for what in WHATS[kind]}
    atlas["whole page"] = [max(got.values()) for got in samples[kind]]  # the last of all
    how = "arrow keys" if kind == "atlas" else "] and [ through 1945's days of change"
    print(f"{steps} steps each, alternating floor and atlas pages (1280x720), the atlas by {how}; "
          f"keydown -> the animation frame after the change")  # fmt: skip
    print(figures("floor: value shown", floor))
    attr = "data-year" if kind == "atlas" else "data-date"
    wheres = [f"data-map-{attr[5:]}", f".essay {attr}", f".year-notes {attr}", "location.search",
              "the last of them"]  # fmt: skip
    for what, where in zip(atlas, wheres, strict=True):
        print(figures(f"{kind}: {what} ({where})", atlas[what]))
    for what, ms in atlas.items():
        print(ratio(f"{kind}: {what}", ms, floor))
    print(f"steps on the wrong {'year' if kind == 'atlas' else 'day'}: floor "
          f"{errors['floor']['wrong']}, atlas {errors[kind]['wrong']}; timed out (5 s): floor "
          f"{errors['floor']['timeout']}, atlas {errors[kind]['timeout']}; outside requests "
          f"blocked: {blocked}")  # fmt: skip


def scrub(pages: dict, steps: int, low: int = 1890, high: int = 1930) -> tuple[dict, dict]:
    """Alternate one arrow key on each page, the atlas between `low` and `high`."""
    frames = {kind: watch(page, kind) for kind, page in pages.items()}
    years = {kind: slider_value(page) for kind, page in pages.items()}
    samples: dict[str, list[dict]] = {kind: [] for kind in WHATS}  # each step's figures
    errors = {kind: {"timeout": 0, "wrong": 0} for kind in WHATS}
    direction = 1
    for _ in range(steps):
        if not low <= years["atlas"] + direction <= high:
            direction = -direction
        for kind, page in pages.items():
            years[kind] += direction
            key = "ArrowRight" if direction > 0 else "ArrowLeft"
            got = step(page, kind, frames[kind], key, years[kind])
            if isinstance(got, str):
                errors[kind][got] += 1
                page.wait_for_timeout(2000)  # let it finish, then go on from where it is
                quiet(page, frames[kind])
                years[kind] = slider_value(page)
            else:
                samples[kind].append(got)
    return samples, errors


def scrub_days(pages: dict, steps: int, days: list[str]) -> tuple[dict, dict]:
    """Alternate a step on each page: the floor's arrow key, the atlas's `]` (or `[` on the
    way back) from one of `days` (1945's days of change, where the atlas page starts) to the
    next."""
    pages = {"floor": pages["floor"], "days": pages["atlas"]}
    frames = {kind: watch(page, kind) for kind, page in pages.items()}
    year = slider_value(pages["floor"])
    samples: dict[str, list[dict]] = {kind: [] for kind in WHATS}
    errors = {kind: {"timeout": 0, "wrong": 0} for kind in WHATS}
    at, direction, floor_direction = 0, 1, 1
    for _ in range(steps):
        if not 0 <= at + direction < len(days):
            direction = -direction
        if not 1890 <= year + floor_direction <= 1930:
            floor_direction = -floor_direction
        at += direction
        year += floor_direction
        arrow = "ArrowRight" if floor_direction > 0 else "ArrowLeft"
        for kind, key, to in (("floor", arrow, year),
                              ("days", "]" if direction > 0 else "[", days[at])):  # fmt: skip
            got = step(pages[kind], kind, frames[kind], key, to)
            if isinstance(got, str):
                errors[kind][got] += 1
                pages[kind].wait_for_timeout(2000)
                quiet(pages[kind], frames[kind])
                if kind == "floor":
                    year = slider_value(pages[kind])
            else:
                samples[kind].append(got)
    return samples, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    floor_server = AppServer(script=ROOT / "benchmarks" / "floor_app.py").start()
    try:
        with running_app() as atlas_server, sync_playwright() as pw:
            browser = launch(pw)
            urls = {"floor": floor_server.url, "atlas": f"{atlas_server.url}/?year=1890"}
            pages = {kind: open_page(browser, url, 1280, 720) for kind, url in urls.items()}
            for page in pages.values():  # the slider's code loads after the first elements
                page.wait_for_selector(".st-key-year input[type=range]")
            pages["floor"].wait_for_selector("[data-testid=stMain] [data-testid=stMarkdown]")
            map_frame(pages["atlas"])  # the map has drawn its first year
            pages["atlas"].wait_for_timeout(1000)  # the essay and the rest of the first run
            samples, errors = scrub(pages, args.steps)
            blocked = sum(len(p.blocked) for p in pages.values())
            report(args.steps, samples, errors, blocked)
            days = [d.isoformat() for d in load_atlas().change_days() if d.year == 1945]
            pages["atlas"].goto(f"{atlas_server.url}/?date={days[0]}")
            map_frame(pages["atlas"])
            pages["atlas"].wait_for_timeout(1000)
            samples, errors = scrub_days(pages, args.steps, days)
            floor_server.stop()
            print()
            report(args.steps, samples, errors, sum(len(p.blocked) for p in pages.values()),
                   "days")  # fmt: skip
            cold = cold_start(browser)
            browser.close()
    finally:
        floor_server.stop()
    print(f"cold start (a fresh atlas server, a new context): first text ({cold['what']!r}) "
          f"{cold['text']:.0f} ms, map drawn {cold['map']:.0f} ms after navigation")  # fmt: skip


if __name__ == "__main__":
    main()
