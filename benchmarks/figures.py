"""How every benchmark prints its samples: median, p95 and max, with the count."""

from __future__ import annotations

import statistics


def figures(
    label: str, samples: list[float], unit: str = "ms", width: int = 40, digits: int = 2
) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(0.95 * len(s)))]
    f = f"8.{digits}f"
    return (f"{label:<{width}} median {statistics.median(s):{f}} {unit}  p95 {p95:{f}} {unit}  "
            f"max {s[-1]:{f}} {unit}  (n={len(s)})")  # fmt: skip
