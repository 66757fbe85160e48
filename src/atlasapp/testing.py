"""Drive the real app in headless Chromium: start the server, block the world, find the map.

Shared by the browser tests and the benchmarks (as Streamlit ships `streamlit.testing`); it
works in a checkout, whose `app.py` and `.streamlit/` it runs from a temporary copy. Chromium
is Debian's (`/usr/bin/chromium`); Playwright only drives it, it never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mapcore.atlas import editable_project

ROOT = editable_project() or Path.cwd()  # the checkout whose app is driven
CHROMIUM = os.environ.get("MAPCORE_CHROMIUM", "/usr/bin/chromium")
# Screenshots to look at after a run: outside the checkout (tests never write into it).
SHOTS = Path(os.environ.get("ATLAS_SCREENSHOTS") or Path(tempfile.gettempdir()) / "atlas-shots")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL = (
    "http://127.0.0.1",
    "http://localhost",
    "ws://127.0.0.1",
    "ws://localhost",
    "data:",
    "blob:",
    "about:",
)


def app_copy() -> Path:
    """app.py and .streamlit/ copied into a temporary folder: the app publishes its browser
    files into the folder beside its script, so tests never write into the checkout."""
    folder = Path(tempfile.mkdtemp(prefix="atlas-app-"))
    shutil.copy(ROOT / "app.py", folder / "app.py")
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
    return folder / "app.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class AppServer:
    """`streamlit run app.py` on a free port, optionally on another geodata folder."""

    geodata: Path | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    log: Path | None = None
    script: Path | None = None  # another Streamlit script to run instead of app.py

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> AppServer:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        script = self.script or app_copy()
        if self.geodata is not None:
            env["MAPCORE_GEODATA"] = str(self.geodata)
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ]
        self.log = Path(tempfile.mkstemp(prefix="mapcore-app-", suffix=".log")[1])
        with self.log.open("w") as out:  # a file, not a pipe: a full pipe would stall the app
            self.process = subprocess.Popen(
                cmd, cwd=script.parent, env=env, stdout=out, stderr=subprocess.STDOUT, text=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"streamlit did not start on {self.url}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@contextmanager
def running_app(geodata: Path | None = None):
    server = AppServer(geodata).start()
    try:
        yield server
    finally:
        server.stop()


def launch(playwright):
    """Debian's Chromium, headless. Wait with page.wait_for_timeout, never time.sleep: the
    route that blocks outside requests is served by this process while Playwright waits."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_page(browser, url: str, width: int = 1600, height: int = 900):
    """A page on `url` with every request that would leave the machine blocked (and listed)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.blocked = []

    def route(request_route):
        target = request_route.request.url
        if target.startswith(LOCAL):
            request_route.continue_()
        else:
            page.blocked.append(target)
            request_route.abort()

    context.route("**/*", route)
    page.goto(url)
    return page


def open_file(browser, path: Path, fragment: str = "", width: int = 1600, height: int = 900):
    """A page on a local file (the classroom pack) with every other request blocked and listed."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.blocked = []

    def route(request_route):
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            page.blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page.goto(Path(path).as_uri() + fragment)
    return page


def map_frame(page, timeout: float = 30):
    """The st_folium iframe's frame, once the atlas map has drawn its first year."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.evaluate("!!document.querySelector('[data-map-year]')"):
                        drawn = frame.evaluate(
                            "document.querySelector('[data-map-year]').dataset.mapYear"
                        )
                        if drawn:
                            return frame
                except Exception:  # the frame is still loading
                    pass
        page.wait_for_timeout(50)  # not time.sleep: Playwright must keep serving the routes
    raise TimeoutError("the map never drew a year")


def map_year(frame) -> str | None:
    return frame.evaluate("document.querySelector('[data-map-year]').dataset.mapYear")


def wait_map_year(frame, year: int, timeout: float = 15) -> None:
    frame.wait_for_function(
        f"document.querySelector('[data-map-year]').dataset.mapYear === '{year}'",
        timeout=timeout * 1000,
    )


def slider_thumb(page):
    """The Year slider's (visually hidden) range input: focus it, then press the arrow keys."""
    return page.locator(".st-key-year input[type=range]")


def fills(frame) -> list[str]:
    """The fill of every territory drawn on the map (colours and pattern references)."""
    return frame.evaluate(
        "[...document.querySelectorAll('.leaflet-atlas-territories-pane path')]"
        ".map(p => p.getAttribute('fill'))"
    )


# What the map drew, measured from the DOM of its frame: every visible label's box, the
# markers, the legend and the other controls, in the frame's pixels. `layout_problems` turns it
# into the list of what a class would see wrong (empty when all is well).
MAP_LAYOUT_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const shown = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden';
  const map = document.querySelector('.leaflet-container');
  const legend = document.querySelector('.atlas-legend');
  const legendOpen = legend && !legend.classList.contains('atlas-legend-closed') &&
    !legend.classList.contains('atlas-legend-empty');
  return {
    frame: box(map), zoom: window.map.getZoom(),
    year: document.querySelector('[data-map-year]').dataset.mapYear,
    labels: [...document.querySelectorAll('.atlas-label span')].filter(shown)
      .map(s => Object.assign(box(s), {text: s.textContent, ref: s.dataset.ref})),
    dots: [...document.querySelectorAll('.atlas-dot')].filter(shown).map(box),
    markers: [...document.querySelectorAll('.atlas-event')].filter(shown).map(box),
    legend: legend && shown(legend) ? Object.assign(box(legend), {open: legendOpen,
      text: legend.innerText}) : null,
    controls: [...document.querySelectorAll('.leaflet-control')].filter(shown)
      .filter(c => !c.classList.contains('atlas-legend')).map(box),
  };
}"""


def map_layout(frame) -> dict:
    return frame.evaluate(MAP_LAYOUT_JS)


def _overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["w"] - 0.5 and b["x"] < a["x"] + a["w"] - 0.5
            and a["y"] < b["y"] + b["h"] - 0.5 and b["y"] < a["y"] + a["h"] - 0.5)  # fmt: skip


def layout_problems(layout: dict) -> list[str]:
    """Overlapping labels, labels under the legend, a marker or a control, labels cut off."""
    problems = []
    labels, f = layout["labels"], layout["frame"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if _overlap(a, b):
                problems.append(f"labels {a['text']!r} and {b['text']!r} overlap")
        if layout["legend"] and _overlap(a, layout["legend"]):
            problems.append(f"label {a['text']!r} is under the legend")
        for m in layout["markers"]:
            if _overlap(a, m):
                problems.append(f"label {a['text']!r} is under a marker")
        for c in layout["controls"]:
            if _overlap(a, c):
                problems.append(f"label {a['text']!r} is under a map control")
        if (
            a["x"] < f["x"]
            or a["y"] < f["y"]
            or a["x"] + a["w"] > f["x"] + f["w"] + 0.5
            or (a["y"] + a["h"] > f["y"] + f["h"] + 0.5)
        ):
            problems.append(f"label {a['text']!r} is cut off by the frame's edge")
    return problems
