"""Benchmark the atlas core: load cold and warm, and snapshot(year) for every year 1850-today.

Prints figures; asserts nothing (speed is measured here, never in a timed test). Run:

    python benchmarks/bench_atlas.py [GEODATA]

"Cold" load is the first load in a fresh interpreter (mapcore imported, nothing read yet);
"warm" loads repeat it in the same process (the OS file cache is warm). Snapshot figures are
per call; the first pass over the years fills the per-state cache, later passes are warm.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from figures import figures

COLD = """
import sys, time
t0 = time.perf_counter()
import mapcore
t1 = time.perf_counter()
mapcore.load_atlas(sys.argv[1] if len(sys.argv) > 1 else None)
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.1f} {(t2 - t1) * 1000:.1f}")
"""


def summary(label: str, samples: list[float]) -> None:
    print(figures(label, [x * 1000 for x in samples], width=34, digits=3))


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else None
    runs = [
        subprocess.run(
            [sys.executable, "-c", COLD, *([path] if path else [])],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for _ in range(3)
    ]
    imports = [float(r[0]) / 1000 for r in runs]
    colds = [float(r[1]) / 1000 for r in runs]
    summary("import mapcore (fresh process)", imports)
    summary("load_atlas cold (fresh process)", colds)

    import mapcore

    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        atlas = mapcore.load_atlas(path)
        warm.append(time.perf_counter() - t0)
    summary("load_atlas warm", warm)

    years = list(range(1850, dt.date.today().year + 1))
    first = []
    for year in years:
        t0 = time.perf_counter()
        atlas.snapshot(year)
        first.append(time.perf_counter() - t0)
    summary(f"snapshot(year) first pass ({len(years)}y)", first)
    warm_snap = []
    for _ in range(5):
        for year in years:
            t0 = time.perf_counter()
            atlas.snapshot(year)
            warm_snap.append(time.perf_counter() - t0)
    summary("snapshot(year) warm", warm_snap)
    for label, call in [
        ("controller(t, year)", lambda y: atlas.controller("iturup", y)),
        ("passages(year)", atlas.passages),
        ("events(year)", atlas.events),
        ("changes(year)", atlas.changes),
    ]:
        samples = []
        for year in years:
            t0 = time.perf_counter()
            call(year)
            samples.append(time.perf_counter() - t0)
        summary(label, samples)
    geodata = Path(path) if path else mapcore.default_geodata()
    size = sum(f.stat().st_size for f in geodata.iterdir() if f.is_file())
    print(
        f"states: {len(atlas.timeline.days)}  periods: {len(atlas.periods)}  "
        f"geodata: {size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
