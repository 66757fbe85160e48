"""The essay's passages: read `passages.toml`, check them, and prove the text is the author's.

The file keeps each paragraph word for word (typos too) with the years it speaks of. It also
records how many paragraphs the essay has and a SHA-256 of the whole text rebuilt from the
passages, so a lost, repeated or edited paragraph is reported instead of shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Mention, Passage, Problem, YearRange
from .vocab import ATLAS_START

PARTS = ("essay", "comment")
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:([-–])\s*(\d{4})?)?\s*$")


def parse_years(text: str) -> YearRange:
    """'1904-1905' -> 1904..1905; '1945' -> 1945; '1991-' -> 1991 to the present."""
    m = _YEARS.match(text) if isinstance(text, str) else None
    if not m:
        raise ValueError(f"years {text!r} are not YYYY, YYYY-YYYY or YYYY- (to the present)")
    start = int(m.group(1))
    end = int(m.group(3)) if m.group(3) else (None if m.group(2) else start)
    today = dt.date.today().year
    if start < ATLAS_START.year or start > today:
        raise ValueError(f"years {text!r} start outside {ATLAS_START.year}-{today}")
    if end is not None and not start <= end <= today:
        raise ValueError(f"years {text!r} end before they start or after {today}")
    return YearRange(start, end)


def original_lines(title: str, heading: str, passages: list[Passage]) -> list[str]:
    """The essay's paragraphs as the author's file has them, in order."""
    lines = [title]
    for p in passages:
        if p.part == "comment" and heading and heading not in lines:
            lines.append(heading)
        lines.append(f"{p.marker} {p.text}" if p.marker else p.text)
    return lines


def text_digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Essay:
    """The essay's passages in order, with its title and the heading over the comments, and
    what the file says of the whole: its paragraph count and the SHA-256 of its text."""

    title: str = ""
    heading: str = ""
    passages: tuple[Passage, ...] = ()
    paragraphs: int | None = None
    sha256: str | None = None
    whole: bool = False  # every entry and the file's own fields were read: the text can be checked
    named: tuple[str, ...] = ()  # every id the file names, read or not (what lessons may cite)


def read_passages(file: Path, name: str) -> tuple[Essay, list[Problem]]:
    """The essay in passages, and every problem found reading it (`check_essay` checks it)."""
    problems: list[Problem] = []
    if not file.is_file():
        return Essay(), [Problem(name, "file is missing")]
    try:
        doc = tomllib.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return Essay(), [Problem(name, f"file is not UTF-8 text ({exc.reason})")]
    except tomllib.TOMLDecodeError as exc:
        return Essay(), [Problem(name, f"not valid TOML: {exc}")]
    entries = doc.get("passage")
    if not isinstance(entries, list) or not entries:
        return Essay(), [Problem(name, "has no [[passage]] entries")]

    passages: list[Passage] = []
    named: list[str] = []
    for i, entry in enumerate(entries):

        def report(msg: str, i: int = i, entry: dict = entry) -> None:
            problems.append(Problem(name, f"{_label(i, entry)}: {msg}"))

        if not isinstance(entry, dict):
            report("is not a table")
            continue
        pid, text = entry.get("id"), entry.get("text")
        if isinstance(pid, str) and pid.strip():
            named.append(pid.strip())
        part, marker = entry.get("part", "essay"), entry.get("marker", "")
        ok = True
        if not isinstance(pid, str) or not pid.strip():
            report("'id' is missing")
            ok = False
        if not isinstance(text, str) or not text.strip():
            report("'text' is missing or empty")
            ok = False
        if part not in PARTS:
            report(f"'part' must be one of {', '.join(PARTS)}, not {part!r}")
            ok = False
        if not isinstance(marker, str):
            report("'marker' is not text")
            ok = False
        ranges = []
        years = entry.get("years")
        if not isinstance(years, list) or not years:
            report("'years' must list the years it speaks of, e.g. ['1904-1905']")
            ok = False
        else:
            for y in years:
                try:
                    ranges.append(parse_years(y))
                except ValueError as exc:
                    report(str(exc))
                    ok = False
        mentions = _mentions(entry.get("mentions", []), text, report)
        if ok and isinstance(pid, str) and isinstance(text, str):
            passages.append(Passage(pid, text, tuple(ranges), part, marker, order=i,
                                    mentions=mentions))  # fmt: skip

    title, heading = doc.get("title"), doc.get("comments_heading", "")
    expected, digest = doc.get("paragraphs"), doc.get("sha256")
    fields_ok = False
    if not isinstance(title, str) or not isinstance(heading, str):
        problems.append(Problem(name, "'title' and 'comments_heading' must be text"))
        title, heading = "", ""
    elif not isinstance(expected, int) or not isinstance(digest, str):
        problems.append(
            Problem(name, "'paragraphs' (a count) and 'sha256' (of the essay) are missing")
        )
    else:
        fields_ok = True
    return Essay(
        title,
        heading,
        tuple(passages),
        paragraphs=expected if isinstance(expected, int) else None,
        sha256=digest if isinstance(digest, str) else None,
        whole=fields_ok and len(passages) == len(entries),
        named=tuple(named),
    ), problems


def _label(i: int, entry: object) -> str:
    pid = entry.get("id") if isinstance(entry, dict) else None
    return f"passage {i}" + (f" ({pid})" if isinstance(pid, str) else "")


def _mentions(raw: Any, text: Any, report) -> tuple[Mention, ...]:
    """A passage's mentions: each an exact phrase of its text and the id it points at."""
    if not isinstance(raw, list):
        report("'mentions' must be a list of { phrase = ..., ref = ... }")
        return ()
    out = []
    for m in raw:
        phrase = m.get("phrase") if isinstance(m, dict) else None
        ref = m.get("ref") if isinstance(m, dict) else None
        if not isinstance(phrase, str) or not phrase or not isinstance(ref, str) or not ref:
            report(f"a mention must give a 'phrase' and a 'ref': {m!r}")
            continue
        if isinstance(text, str) and phrase not in text:
            report(f"mention {phrase!r} does not occur in the passage's text")
            continue
        out.append(Mention(phrase, ref))
    return tuple(out)


def check_essay(essay: Essay, name: str) -> list[Problem]:
    """Every paragraph once, and the passages, in order, rebuild the essay exactly."""
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    seen_text: dict[str, int] = {}
    for p in essay.passages:
        label = _label(p.order, {"id": p.id})
        if p.id in seen_ids:
            problems.append(Problem(name, f"{label}: id repeats passage {seen_ids[p.id]}"))
        if p.text in seen_text:
            problems.append(
                Problem(
                    name,
                    f"{label}: text repeats passage {seen_text[p.text]}: a paragraph appears twice",
                )
            )
        seen_ids.setdefault(p.id, p.order)
        seen_text.setdefault(p.text, p.order)
    if not essay.whole:
        return problems  # what could not be read says what is wrong
    parts = [p.part for p in essay.passages]
    if parts != sorted(parts, key=PARTS.index):
        return [*problems, Problem(name, "comments must follow the essay's passages")]
    if len(essay.passages) != essay.paragraphs:
        return [
            *problems,
            Problem(
                name,
                f"{len(essay.passages)} passages but the essay has {essay.paragraphs} "
                "paragraphs: a paragraph is missing or split",
            ),
        ]
    lines = original_lines(essay.title, essay.heading, list(essay.passages))
    if text_digest(lines) != essay.sha256:
        return [
            *problems,
            Problem(
                name,
                "the passages do not rebuild the author's text word for word "
                "(a paragraph was edited or moved)",
            ),
        ]
    return problems
