"""A class following its teacher: one console and 40 follower sessions against one server.

Opens the teacher's console on the shipped lesson, starts the class, then opens each follower
(`?class=CODE`, each in its own Chromium context: its own session) and measures the server's
memory as they join. Then the teacher presses PageDown through the stops, one at a time, and
each page records when its map took the new stop (`data-lesson-stop`). Times, per stop:
teacher's keypress -> the console's own map (and, as the same run's baseline, the same before
any follower joined: one server round trip), -> each follower's map, and -> the last
follower's. Also the server's CPU while the class only
follows (the followers' polls). Every follower must end on the teacher's stop. Prints
figures; asserts nothing. Run:

    python benchmarks/bench_follow.py [--followers 40] [--stops 8]
"""

from __future__ import annotations

import argparse
import os
import time

from bench_load import browser_cpu_seconds, cpu_seconds, rss_mb
from figures import figures
from playwright.sync_api import sync_playwright

from atlasapp.testing import launch, map_frame, running_app

LESSON = "shimoda-to-abe"
WATCH = """() => {  // when the map takes each stop: [stop, wall-clock ms]
  window.__stops = [];
  const box = document.querySelector('[data-map-year]');
  new MutationObserver(() => {
    const n = Number(box.dataset.lessonStop);
    requestAnimationFrame(() =>
      window.__stops.push([n, performance.timeOrigin + performance.now()]));
  }).observe(box, {attributes: true, attributeFilter: ['data-lesson-stop']});
}"""
KEYS = """() => { window.__keys = [];
  document.addEventListener('keydown', () =>
    window.__keys.push(performance.timeOrigin + performance.now()), true); }"""


def first_at(stops: list, number: int) -> float | None:
    return next((t for n, t in stops if n == number), None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--followers", type=int, default=40)
    parser.add_argument("--stops", type=int, default=8)
    args = parser.parse_args()
    with running_app() as server, sync_playwright() as pw:
        browser = launch(pw)
        pid = server.process.pid
        idle = rss_mb(pid)
        teacher = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        teacher.goto(f"{server.url}/?lesson={LESSON}&stop=1")
        console = map_frame(teacher, timeout=120)
        teacher.get_by_role("button", name="Teach (console)").click()
        teacher.locator(".lesson-class-code").wait_for()
        code = teacher.locator(".lesson-class-code").inner_text()
        with_teacher = rss_mb(pid)
        alone_ms = []  # the baseline, in the same run: the console's own stop, no class yet
        teacher.evaluate(KEYS)
        for key, number in [("PageDown", n) for n in (2, 3, 4)] + [("PageUp", n)
                                                                  for n in (3, 2, 1)]:  # fmt: skip
            console.evaluate(WATCH)
            teacher.evaluate("window.__keys = []")
            teacher.keyboard.press(key)
            console.wait_for_function(f"window.__stops.some(s => s[0] === {number})")
            alone_ms.append(console.evaluate(f"window.__stops.find(s => s[0] === {number})[1]")
                            - teacher.evaluate("window.__keys[0]"))  # fmt: skip
        pages, frames, joined = [], [], time.monotonic()
        for _ in range(args.followers):
            # each follower is a device of its own in class; here all share this machine's
            # cores, so they draw as a phone would, without the frame's flight
            page = browser.new_context(viewport={"width": 390, "height": 844},
                                       reduced_motion="reduce").new_page()  # fmt: skip
            page.goto(f"{server.url}/?class={code}")
            frames.append(map_frame(page, timeout=120))
            pages.append(page)
        joined = time.monotonic() - joined
        for frame in frames:
            frame.wait_for_function(
                "document.querySelector('[data-map-year]').dataset.lessonStop === '1'",
                timeout=60_000)  # fmt: skip
        loaded = rss_mb(pid)
        cpu0, b0, t0 = cpu_seconds(pid), browser_cpu_seconds(), time.monotonic()
        teacher.wait_for_timeout(5000)  # the class only follows: what its polls cost
        polling = (cpu_seconds(pid) - cpu0) / (time.monotonic() - t0)
        idle_browsers = (browser_cpu_seconds() - b0) / (time.monotonic() - t0)
        for frame in [console, *frames]:
            frame.evaluate(WATCH)
        teacher.evaluate("window.__keys = []")
        teacher.bring_to_front()
        server_cpu, browsers_cpu, stepping = (
            cpu_seconds(pid),
            browser_cpu_seconds(),
            time.monotonic(),
        )
        remounts = 0

        def has(i: int, number: int) -> bool:
            nonlocal remounts
            try:
                return frames[i].evaluate(f"window.__stops.some(s => s[0] === {number})")
            except Exception:  # its map was drawn again (a websocket reconnected under load)
                remounts += 1
                try:
                    frames[i] = map_frame(pages[i], timeout=60)
                except TimeoutError:
                    pages[i].screenshot(path=f"/tmp/follower-{i}.png")
                    print(server.log.read_text()[-3000:])
                    raise
                frames[i].evaluate(WATCH)
                return False

        for number in range(2, args.stops + 2):
            teacher.keyboard.press("PageDown")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # every follower on the stop, then the next
                if all([has(i, number) for i in range(len(frames))]):
                    break
                teacher.wait_for_timeout(50)
        stepping = time.monotonic() - stepping
        server_cpu, browsers_cpu = (
            cpu_seconds(pid) - server_cpu,
            browser_cpu_seconds() - browsers_cpu,
        )
        keys = teacher.evaluate("window.__keys")
        own_ms, each_ms, last_ms, missed = [], [], [], 0
        console_stops = console.evaluate("window.__stops")
        follower_stops = [f.evaluate("window.__stops") for f in frames]
        for k, pressed in enumerate(keys):
            number = k + 2
            mine = first_at(console_stops, number)
            if mine is not None:
                own_ms.append(mine - pressed)
            times = [first_at(s, number) for s in follower_stops]
            missed += sum(t is None for t in times)
            drawn = [t - pressed for t in times if t is not None]
            each_ms += drawn
            if drawn:
                last_ms.append(max(drawn))
        final = args.stops + 1
        on_stop = sum(
            f.evaluate("document.querySelector('[data-map-year]').dataset.lessonStop") == str(final)
            for f in frames
        )
        errors = [x for x in server.log.read_text().splitlines() if "Traceback" in x]
        browser.close()
    per = (loaded - with_teacher) / max(1, args.followers)
    print(f"followers: {args.followers} (joined in {joined:.0f} s), stops stepped: {args.stops}, "
          f"on {os.cpu_count()} cores")  # fmt: skip
    print(figures("keypress -> console's map, no class", alone_ms))
    print(figures("keypress -> the console's own map", own_ms))
    print(figures("keypress -> each follower's map", each_ms))
    print(figures("keypress -> the last follower's map", last_ms))
    print(f"followers on the teacher's last stop: {on_stop}/{args.followers}; stops a follower "
          f"never showed: {missed}")  # fmt: skip
    print(f"server memory: idle {idle:.0f} MB, with the console {with_teacher:.0f} MB, with "
          f"{args.followers} followers {loaded:.0f} MB -> {per:.1f} MB per follower")  # fmt: skip
    print(f"CPU while the class only follows (their polls): the server {100 * polling:.0f}% of "
          f"one core, the browsers {100 * idle_browsers:.0f}%")  # fmt: skip
    print(f"CPU while stepping ({stepping:.1f} s): the server {server_cpu:.1f} s, the "
          f"{args.followers + 1} browsers {browsers_cpu:.1f} s")  # fmt: skip
    print(f"errors in the server log: {len(errors)}; follower maps drawn again mid-run: "
          f"{remounts}")  # fmt: skip


if __name__ == "__main__":
    main()
