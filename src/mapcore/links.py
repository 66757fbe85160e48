"""Deep links: `?year=1905` opens that year; anything else gets the nearest sensible view.

A link is typed by hand, pasted from a chat, cut short by a mail client: it is never an error.
Each function returns what to show and, when the link was not taken as it stands, a short
note saying why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KNOWN_PARAMS = ("year", "view", "present")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d*)?$")


@dataclass(frozen=True)
class YearLink:
    year: int | None  # None: the link names no usable year; show the default
    note: str | None = None


def _shown(text: str, limit: int = 24) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_year(values: list[str], first: int, last: int) -> YearLink:
    """The year a link asks for, clamped to `first`..`last`, with a note if it was not exact."""
    values = [v for v in values if v is not None]
    if not values:
        return YearLink(None)
    raw = values[0]
    note_many = (
        f"The link names {len(values)} years; showing the first. " if len(values) > 1 else ""
    )
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return YearLink(None, note_many + "The link's year is empty; showing the default year.")
    if len(text) > 12 or not _NUMBER.match(text):
        return YearLink(
            None, note_many + f"“{_shown(raw)}” is not a year; showing the default year."
        )
    number = float(text) if "." in text else int(text)
    year = int(number)
    note = note_many
    if year != number:
        note += f"{_shown(raw)} is not a whole year; showing {year}. "
    if year < first:
        note += f"{_shown(raw)} is before {first}, when the atlas begins; showing {first}."
        year = first
    elif year > last:
        note += f"{_shown(raw)} is after {last}; showing {last}."
        year = last
    return YearLink(year, note.strip() or None)


def unknown_params(keys: list[str]) -> str | None:
    """A note naming link parameters the atlas does not know (they are ignored)."""
    unknown = sorted({k for k in keys if k not in KNOWN_PARAMS})
    if not unknown:
        return None
    names = ", ".join(f"“{_shown(k, 16)}”" for k in unknown[:5])
    more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
    known = ", ".join(f"“{k}”" for k in KNOWN_PARAMS)
    return f"Ignored link parameter(s) {names}{more}: the atlas reads only {known}."
