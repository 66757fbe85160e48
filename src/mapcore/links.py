"""Deep links: `?year=1905` opens that year, `?date=1945-08-20` that day, `?lesson=<id>&stop=3`
a lesson's stop, `?class=<code>` follows a teacher; anything else gets the nearest sensible
view.

A link is typed by hand, pasted from a chat, cut short by a mail client: it is never an error.
`parse_link` reads every parameter the atlas knows and returns what to show, with a short
note for each value it could not take as it stands; `link_params` writes a view back as the
parameters that reopen it (defaults left out), so the address always says where you are.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .timeline import reference_day
from .vocab import LABEL_CHOICES

DEFAULT_YEAR = 1905  # the war, Portsmouth, the protectorate: the atlas's most telling year
DEFAULT_PAIR = (1904, 1906)  # compare: before and after the war
VIEWS = {"atlas": "Atlas", "lesson": "Lesson", "compare": "Compare", "chart": "Over time"}
KNOWN_PARAMS = ("year", "date", "view", "present", "lang", "left", "right", "lesson", "stop",
                "class", "teach")  # fmt: skip
_CODE = re.compile(r"^[A-Z0-9]{4,8}$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d*)?$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class YearLink:
    year: int | None  # None: the link names no usable year; show the default
    note: str | None = None


@dataclass(frozen=True)
class Link:
    """What a link opens: every choice it names, taken or replaced by the nearest sensible."""

    year: int = DEFAULT_YEAR
    left: int = DEFAULT_PAIR[0]
    right: int = DEFAULT_PAIR[1]
    view: str = "atlas"
    present: bool = False
    lang: str = "en"
    day: dt.date | None = None  # a day of `year` (not its 31 December, which the year is)
    lesson: str | None = None  # a lesson's id, as the link names it (the app checks it)
    stop: int | None = None  # its stop (1-based); None: the lesson's first
    dated: bool = field(default=False, compare=False)  # the link names a year or day itself
    # (else a lesson's stop shows its own)
    follow: str | None = None  # `class`: the class code of a teacher this page follows
    teach: str | None = None  # the class code this page (a teacher's console) leads
    notes: tuple[str, ...] = field(default=(), compare=False)


def _shown(text: str, limit: int = 24) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_year(values: list[str], first: int, last: int, default: str = "the default year"
               ) -> YearLink:  # fmt: skip
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
        return YearLink(None, note_many + f"The link's year is empty; showing {default}.")
    if len(text) > 12 or not _NUMBER.match(text):
        return YearLink(None, note_many + f"“{_shown(raw)}” is not a year; showing {default}.")
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


@dataclass(frozen=True)
class DateLink:
    day: dt.date | None  # None: the link names no usable day
    problem: str | None = None  # why the day was not taken (the note adds what is shown)
    year: int | None = None  # a day outside the atlas: the nearest year it has


def parse_date(values: list[str], first: int, last: int) -> DateLink:
    """The day a link asks for (YYYY-MM-DD), or none with a note saying why."""
    values = [v for v in values if v is not None]
    if not values:
        return DateLink(None)
    raw = values[0]
    text = unicodedata.normalize("NFKC", raw).strip()
    match = _DATE.match(text)
    try:
        day = dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        day = None
    if day is None:
        return DateLink(None, f"“{_shown(raw)}” is not a day (write it as 1945-08-20)")
    if not first <= day.year <= last:
        near = first if day.year < first else last
        return DateLink(None, f"{day.isoformat()} is outside the atlas ({first}–{last})", near)
    return DateLink(day)


def _choice(name: str, values: list[str], known: Mapping[str, str], default: str
            ) -> tuple[str, str | None]:  # fmt: skip
    """One of `known`'s keys (case and spaces forgiven), or the default with a note."""
    if not values:
        return default, None
    text = unicodedata.normalize("NFKC", values[0]).strip().lower()
    if text in known:
        return text, None
    options = ", ".join(f"“{k}”" for k in known)
    return default, (f"“{_shown(values[0])}” is not a {name} the atlas knows ({options}); "
                     f"showing “{default}”.")  # fmt: skip


def _flag(name: str, values: list[str]) -> tuple[bool, str | None]:
    if not values:
        return False, None
    text = unicodedata.normalize("NFKC", values[0]).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE, None
    return False, f"“{_shown(values[0])}” is not on or off for {name}; leaving it off."


def parse_stop(values: list[str]) -> tuple[int | None, str | None]:
    """A lesson's stop number (1-based), or None with a note."""
    if not values:
        return None, None
    text = unicodedata.normalize("NFKC", values[0]).strip()
    if text.isdigit() and 0 < int(text) < 1000:
        return int(text), None
    return None, f"“{_shown(values[0])}” is not a stop number; showing the lesson's first stop."


def parse_code(name: str, values: list[str]) -> tuple[str | None, str | None]:
    """A class code (4 to 8 letters and digits, case forgiven), or None with a note."""
    if not values:
        return None, None
    text = unicodedata.normalize("NFKC", values[0]).strip().upper().replace("-", "")
    if _CODE.match(text):
        return text, None
    return None, f"“{_shown(values[0])}” is not a class code (like K7Q3MZ); ignoring {name}."


def parse_link(params: Mapping[str, Sequence[str]], first: int, last: int) -> Link:
    """Everything a link asks for (`params`: each name's values, as the address has them)."""
    get = lambda name: [v for v in params.get(name, []) if v is not None]  # noqa: E731
    notes: list[str] = []
    year = parse_year(get("year"), first, last, f"{DEFAULT_YEAR}")
    date = parse_date(get("date"), first, last)
    pair = [parse_year(get(side), first, last, f"{default}")
            for side, default in zip(("left", "right"), DEFAULT_PAIR, strict=True)]  # fmt: skip
    view, view_note = _choice("view", get("view"), VIEWS, "atlas")
    present, present_note = _flag("presenter mode", get("present"))
    lang, lang_note = _choice("label language", get("lang"), LABEL_CHOICES, "en")
    lesson = next((unicodedata.normalize("NFKC", v).strip() for v in get("lesson")), None)
    stop, stop_note = parse_stop(get("stop"))
    follow, follow_note = parse_code("the class link", get("class"))
    teach, teach_note = parse_code("the console's code", get("teach"))
    if lesson is not None or get("stop"):
        view = "lesson"  # a stop is shown in the lesson view, whatever `view` says
    for link in (year, *pair):
        if link.note:
            notes.append(link.note)
    if date.year is not None and year.year is None:
        year = YearLink(date.year)
    if date.problem:
        notes.append(f"{date.problem}; showing {year.year or DEFAULT_YEAR}.")
    day = date.day
    if day is not None and year.year is not None and year.year != day.year:
        notes.append(f"The link names the year {year.year} and the day {day.isoformat()}; "
                     "showing the day.")  # fmt: skip
    notes += [n for n in (view_note, present_note, lang_note, stop_note, follow_note, teach_note)
              if n]  # fmt: skip
    unknown = unknown_params(list(params))
    if unknown:
        notes.append(unknown)
    shown = day.year if day else year.year if year.year is not None else DEFAULT_YEAR
    return Link(
        year=shown,
        left=pair[0].year if pair[0].year is not None else DEFAULT_PAIR[0],
        right=pair[1].year if pair[1].year is not None else DEFAULT_PAIR[1],
        view=view,
        present=present,
        lang=lang,
        day=day if day is not None and day != reference_day(day.year) else None,
        lesson=lesson or None,
        stop=stop,
        dated=day is not None or year.year is not None,
        follow=follow,
        teach=teach,
        notes=tuple(notes),
    )


def link_params(link: Link) -> dict[str, str]:
    """The parameters that reopen `link`'s view; what is at its default is left out, except
    the year (or the day), which a shared link always names. A lesson's stop names the lesson
    and the stop (`view` goes without saying), a follower its class code only: what it shows
    is the teacher's."""
    if link.follow:
        params = {"class": link.follow}
        if link.present:
            params["present"] = "1"
        return params
    days = link.view in ("atlas", "lesson") or link.present
    if link.day is not None and days:
        params = {"date": link.day.isoformat()}
    else:
        params = {"year": str(link.year)}
    if link.view == "lesson" and link.lesson:
        params["lesson"] = link.lesson
        params["stop"] = str(link.stop or 1)
        if link.teach:
            params["teach"] = link.teach
    elif link.view != "atlas" and not link.present:
        params["view"] = link.view
    if link.view == "compare" and not link.present:
        params["left"], params["right"] = str(link.left), str(link.right)
    if link.present:
        params["present"] = "1"
    if link.lang != "en":
        params["lang"] = link.lang
    return params


def unknown_params(keys: list[str]) -> str | None:
    """A note naming link parameters the atlas does not know (they are ignored)."""
    unknown = sorted({k for k in keys if k not in KNOWN_PARAMS})
    if not unknown:
        return None
    names = ", ".join(f"“{_shown(k, 16)}”" for k in unknown[:5])
    more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
    known = ", ".join(f"“{k}”" for k in KNOWN_PARAMS)
    return f"Ignored link parameter(s) {names}{more}: the atlas reads only {known}."
