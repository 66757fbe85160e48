"""The wire format: what the browser gets, with named fields, typed here and described in
docs/architecture.md.

Python decides everything the browser shows and ships the answers as tables; the browser only
looks them up. `static_data` (the map's file, sent once) holds the vocabulary, the geometry,
each period's texts and every year's state (years that look alike share one state);
`essay_data` the essay and each year's passages; `year_notes` each year's changes and events.
A slider step sends only the year and the settings (`StepMessage`). Text from the data is
HTML-escaped here where the browser inserts markup (the map) and left plain where it sets
textContent (the essay and the notes).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from html import escape
from typing import Any, TypedDict

from ..atlas import Atlas
from ..geojson import write_geometry
from ..model import Area, Event, Line, Period, Place
from ..story import ChangeCard, change_cards, change_lines, full_day
from ..timeline import REFERENCE_MONTH_DAY, resolve
from ..vocab import (
    ATLAS_START,
    EVENT_KINDS,
    GROUPS,
    LABEL_CHOICES,
    LAND,
    LANGUAGES,
    POWERS,
    SEA,
    STATUSES,
    TERRITORIES,
    colours,
    controller_name,
)
from . import mapview

# -- the vocabulary, as the browser gets it ---------------------------------------------------


class PowerWire(TypedDict):
    colour: str
    label: str


class PatternWire(TypedDict):
    kind: str
    angle: int
    width: float
    gap: str
    gapWidth: float
    pair: bool
    repeat: bool
    cross: bool
    claimWidth: float


class OutlineWire(TypedDict):
    colour: str
    weight: float
    dash: str


class StatusWire(TypedDict):
    label: str
    pattern: PatternWire
    outline: OutlineWire


class EventKindWire(TypedDict):
    label: str
    icon: str


class VocabWire(TypedDict):
    powers: dict[str, PowerWire]
    statuses: dict[str, StatusWire]
    eventKinds: dict[str, EventKindWire]
    languages: dict[str, str]
    land: str
    sea: str


def vocab_data() -> VocabWire:
    return {
        "powers": {p.id: {"colour": p.colour, "label": _e(p.label)} for p in POWERS.values()},
        "statuses": {
            s.id: {
                "label": _e(s.label),
                "pattern": {"kind": s.pattern.kind, "angle": s.pattern.angle,
                            "width": s.pattern.width, "gap": s.pattern.gap,
                            "gapWidth": s.pattern.gap_width, "pair": s.pattern.pair,
                            "repeat": s.pattern.repeat, "cross": s.pattern.cross,
                            "claimWidth": s.pattern.claim_width},
                "outline": {"colour": s.outline.colour, "weight": s.outline.weight,
                            "dash": s.outline.dash},
            }
            for s in STATUSES.values()
        },
        "eventKinds": {k.id: {"label": _e(k.label), "icon": k.icon} for k in EVENT_KINDS.values()},
        "languages": dict(LABEL_CHOICES),
        "land": LAND,
        "sea": SEA,
    }  # fmt: skip


# -- the map's file ---------------------------------------------------------------------------


class PeriodWire(TypedDict):
    """A period's texts (escaped) and how its label is placed."""

    shape: int  # index into `shapes` (and `labelPoints`)
    territory: str
    name: str
    names: dict[str, str]
    short: dict[str, str]  # only where a short form differs from the name
    rank: int
    since: str
    until: str
    instrument: str
    source: str
    notes: str


class FeatureWire(TypedDict):
    kind: str
    name: str
    geometry: dict


class LineWire(FeatureWire):
    territory: str | None


class PlaceWire(TypedDict):
    key: str
    lat: float
    lon: float
    names: dict[str, str]
    short: dict[str, str]
    rank: int
    minZoom: float | None
    maxZoom: float | None


class EventWire(TypedDict):
    kind: str
    lat: float
    lon: float
    name: str
    when: str
    place: str
    description: str
    source: str


class ClaimWire(TypedDict):
    colour: str
    name: str


class TerritoryState(TypedDict):
    period: int  # index into `periods`
    holder: str  # the controller's name that day
    colours: list[str]
    status: str
    claim: ClaimWire | None


class HomeState(TypedDict):
    area: int  # index into `context`
    colour: str


class LineState(TypedDict):
    line: int  # index into `lines`
    colours: list[str]
    status: str


class LegendPower(TypedDict):
    colour: str
    name: str


class YearState(TypedDict):
    """Everything the map draws on a day but its events: shared by the days alike."""

    territories: list[int]  # indices into the timeline's `territories` (each drawn once)
    homes: list[HomeState]
    lines: list[LineState]
    places: list[int]  # indices into `places` named that year
    powers: list[LegendPower]  # the legend's powers, named as on the year's 31 December
    statuses: list[str]


class YearEntry(TypedDict):
    date: str  # the day a bare year stands for (its 31 December), YYYY-MM-DD
    state: int  # index into `states`
    events: list[int]  # indices into `events`
    eventKinds: list[str]  # the legend's event kinds


class DayEntry(TypedDict):
    """From `date` until the next entry of its year, the map draws this (a lookup by day)."""

    date: str  # YYYY-MM-DD
    state: int
    events: list[int]  # the year's events begun by that day
    eventKinds: list[str]


class StepWire(TypedDict):
    """Where Previous change and Next change go from a year."""

    previous: int
    next: int


class YearsWire(TypedDict):
    first: int
    last: int
    default: int
    states: list[YearState]
    territories: list[TerritoryState]  # a territory as drawn: shared by the states alike
    years: dict[int, YearEntry]
    days: dict[int, list[DayEntry]]  # years whose map differs within the year; from 1 January
    steps: dict[int, StepWire]


class CardWire(TypedDict):
    """One change of control, as its card names it (plain text: set with textContent)."""

    date: str  # YYYY-MM-DD
    day: str  # "22 August 1945"
    territories: list[str]
    name: str
    was: str
    now: str
    instrument: str
    source: str
    events: list[str]  # the events that began or ended that day


class RefWire(TypedDict):
    """What an essay mention names, as the map finds it."""

    territories: list[str]
    places: list[int]  # indices into `places` (every naming period of the place)
    events: list[int]  # indices into `events`


class StaticData(TypedDict):
    vocab: VocabWire
    view: mapview.ViewWire
    shapes: list[dict]
    labelPoints: list[list[float]]
    periods: list[PeriodWire]
    context: list[FeatureWire]
    lines: list[LineWire]
    places: list[PlaceWire]
    events: list[EventWire]
    timeline: YearsWire
    cards: list[CardWire]  # every change of control, by date
    refs: dict[str, RefWire]


class StepMessage(TypedDict):
    """What a step sends the map: the year (and the day, if one is chosen) and the settings."""

    year: int
    date: str | None  # YYYY-MM-DD within `year`; None: the bare year (its 31 December)
    lang: str
    tiles: dict | None


# The browser's copy of the geometry: 4 decimal places (about 10 m, under a twentieth of a pixel at
# the map's closest zoom), a tenth smaller than the data's 5.
SCREEN_PLACES = 4


def mapping(geom) -> dict:
    return write_geometry(geom, SCREEN_PLACES)


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def day_text(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "today"


def years() -> range:
    return range(ATLAS_START.year, dt.date.today().year + 1)


def static_data(atlas: Atlas) -> StaticData:
    """The map's file: the vocabulary, geometry, texts and every year's state, sent once."""
    shapes: dict[str, int] = {}  # periods of one shape share it
    geometries: list[dict] = []
    label_points: list[list[float]] = []
    periods: list[PeriodWire] = []
    for p in atlas.periods:
        key = p.shape
        if key not in shapes:
            shapes[key] = len(geometries)
            geometries.append(mapping(p.geometry))
            label_points.append(_label_point(p.geometry))
        periods.append(_period(p, shapes[key]))
    return {
        "vocab": vocab_data(),
        "view": mapview.view(),
        "shapes": geometries,
        "labelPoints": label_points,
        "periods": periods,
        "context": [{"kind": f.kind, "name": _e(f.name), "geometry": mapping(f.geometry)}
                    for f in atlas.context],
        "lines": [{"kind": f.kind, "name": _e(f.name), "territory": f.territory,
                   "geometry": mapping(f.geometry)} for f in atlas.lines],
        "places": [_place(f) for f in atlas.places],
        "events": [_event(e) for e in atlas.all_events()],
        "timeline": timeline(atlas),
        "cards": cards(atlas),
        "refs": refs(atlas),
    }  # fmt: skip


def refs(atlas: Atlas) -> dict[str, RefWire]:
    """What each id the essay's mentions name resolves to on the map."""
    used = {m.ref for p in atlas.passages(None) for m in p.mentions}
    return {k: v for k, v in all_refs(atlas).items() if k in used}


def all_refs(atlas: Atlas) -> dict[str, RefWire]:
    """Every id a mention or a lesson may name: territories, groups, places and events."""
    out: dict[str, RefWire] = {}
    for t in TERRITORIES:
        out[t] = {"territories": [t], "places": [], "events": []}
    for g, members in GROUPS.items():
        out[g] = {"territories": list(members), "places": [], "events": []}
    for i, f in enumerate(atlas.places):
        out.setdefault(f.key, {"territories": [], "places": [], "events": []})["places"].append(i)
    for i, e in enumerate(atlas.all_events()):
        out.setdefault(e.key, {"territories": [], "places": [], "events": []})["events"].append(i)
    return out


def _period(p: Period, shape: int) -> PeriodWire:
    return {
        "shape": shape,
        "territory": p.territory,
        "name": _e(p.name),
        "names": {lang: _e(name) for lang, name in p.names.items()},
        "short": _shorts({lang: p.short_name_in(lang) for lang in LANGUAGES}, p.names),
        "rank": mapview.territory_rank(p.territory),
        "since": _e(day_text(p.start)),
        "until": _e(day_text(p.end)),
        "instrument": _e(p.instrument),
        "source": _e(p.source),
        "notes": _e(p.notes),
    }


def _place(f) -> PlaceWire:
    return {
        "key": _e(f.key),
        "lat": f.lat,
        "lon": f.lon,
        "names": {lang: _e(name) for lang, name in f.names.items()},
        "short": _shorts({k: mapview.short_label(n) for k, n in f.names.items()}, f.names),
        "rank": mapview.place_rank(f.key),
        "minZoom": mapview.place_min_zoom(f.key),
        "maxZoom": mapview.PLACE_MAX_ZOOM.get(f.key),
    }


def _shorts(short: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    """The short forms that differ from the names (escaped), by language."""
    return {k: _e(v) for k, v in short.items() if v and v != names.get(k)}


def _label_point(geom) -> list[float]:
    """Where a territory's name goes: inside its largest part (not on a small island)."""
    parts = getattr(geom, "geoms", [geom])
    point = max(parts, key=lambda g: g.area).representative_point()
    return [round(point.y, 4), round(point.x, 4)]


def _event(e: Event) -> EventWire:
    return {
        "kind": e.kind,
        "lat": e.lat,
        "lon": e.lon,
        "name": _e(e.name),
        "when": _e(event_when(e)),
        "place": _e(e.place),
        "description": _e(e.description),
        "source": _e(e.source),
    }


def event_when(e: Event) -> str:
    return day_text(e.date) + (f" – {day_text(e.end)}" if e.end and e.end != e.date else "")


# -- every year's state, and every day's where a year changes within -----------------------


def year_state(atlas: Atlas, when: int | dt.date, items: Table | None = None) -> YearState:
    """What the map draws on a day (a bare year: its 31 December) but the events; each
    territory as drawn goes into `items` (a table of its own if none is given)."""
    items = items if items is not None else Table()
    day = resolve(when)
    index = {id(p): i for i, p in enumerate(atlas.periods)}
    state = atlas.state(day)
    in_force = {p.territory: p for p in state}
    homes = [a for a in enumerate(atlas.context) if a[1].kind == "home" and a[1].covers(day)]
    lines: list[LineState] = []
    for i, f in enumerate(atlas.lines):
        owner = in_force.get(f.territory or "")
        if not f.covers(day) or (f.kind == "railway" and owner is None):
            continue
        lines.append({"line": i, "colours": colours(owner.controller) if owner else [],
                      "status": owner.status if owner else ""})  # fmt: skip
    held = {c for p in state for c in (*p.controller.split("+"), p.claimant) if c}
    held |= {a.controller for _, a in homes if a.controller}
    return {
        "territories": [items.index(_territory(p, index[id(p)], day)) for p in state],
        "homes": [{"area": i, "colour": POWERS[a.controller].colour if a.controller else LAND}
                  for i, a in homes],
        "lines": lines,
        "places": [i for i, f in enumerate(atlas.places) if f.covers(day)],
        "powers": [{"colour": p.colour, "name": _e(p.name_on(day))}
                   for p in POWERS.values() if p.id in held],
        "statuses": [s for s in STATUSES if any(p.status == s for p in state)],
    }  # fmt: skip


def _territory(p: Period, index: int, day: dt.date) -> TerritoryState:
    claim: ClaimWire | None = None
    if p.claimant:
        claim = {"colour": POWERS[p.claimant].colour, "name": _e(controller_name(p.claimant, day))}
    return {"period": index, "holder": _e(p.controller_name(day)),
            "colours": colours(p.controller), "status": p.status, "claim": claim}  # fmt: skip


def territories_of(timeline: YearsWire, state: YearState) -> list[TerritoryState]:
    """A state's territories as drawn (the browser looks them up the same way)."""
    return [timeline["territories"][i] for i in state["territories"]]


def moments(atlas: Atlas, year: int) -> list[dt.date]:
    """The days of `year` from which what the map draws may differ from the day before: its
    1 January, and each day a period, name, place, line, area or event begins or ends."""
    bounds = {dt.date(year, 1, 1), *(d for d in atlas.timeline.days if d.year == year)}
    dated: list[Place | Line | Area] = [*atlas.places, *atlas.lines, *atlas.context]
    for f in dated:
        bounds |= {d for d in (f.start, f.end) if d is not None and d.year == year}
    bounds |= {e.date for e in atlas.all_events() if e.date.year == year}
    return sorted(bounds)


class Table:
    """A table of distinct rows: days alike share one state, states one territory drawn."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.rows: list[Any] = []

    def index(self, row: Any) -> int:
        key = dumps(row)
        if key not in self.keys:
            self.keys[key] = len(self.rows)
            self.rows.append(row)
        return self.keys[key]


@dataclass
class _States:
    states: Table = field(default_factory=Table)
    territories: Table = field(default_factory=Table)
    events: dict[int, int] | None = None  # id(event) -> its index in `events`

    def index(self, atlas: Atlas, day: dt.date) -> int:
        return self.states.index(year_state(atlas, day, self.territories))


def _entry(atlas: Atlas, table: _States, day: dt.date, happened: list[Event]) -> DayEntry:
    if table.events is None:  # each event's index, once per build
        table.events = {id(e): i for i, e in enumerate(atlas.all_events())}
    shown = [table.events[id(e)] for e in happened]
    kinds = [k for k in EVENT_KINDS if any(e.kind == k for e in happened)]
    return {"date": day.isoformat(), "state": table.index(atlas, day),
            "events": shown, "eventKinds": kinds}  # fmt: skip


def timeline(atlas: Atlas) -> YearsWire:
    """Every year's state and events, every day's where a year changes within, and where
    Previous/Next change and `[`/`]` go."""
    from ..links import DEFAULT_YEAR

    table = _States()
    entries: dict[int, YearEntry] = {}
    days: dict[int, list[DayEntry]] = {}
    for year in years():
        end = resolve(year)
        whole = _entry(atlas, table, end, atlas.events(year))
        entries[year] = {"date": end.isoformat(), "state": whole["state"],
                         "events": whole["events"], "eventKinds": whole["eventKinds"]}  # fmt: skip
        within: list[DayEntry] = []
        for day in moments(atlas, year):
            entry = _entry(atlas, table, day, atlas.events_by(day))
            if within and (within[-1]["state"], within[-1]["events"]) == (
                entry["state"], entry["events"]):  # fmt: skip
                continue
            within.append(entry)
        if len(within) > 1 or (within[0]["state"], within[0]["events"]) != (
            whole["state"], whole["events"]):  # fmt: skip
            days[year] = within
    steps: dict[int, StepWire] = {
        y: {"previous": atlas.previous_change(y), "next": atlas.next_change(y)} for y in years()
    }
    first, last = years()[0], years()[-1]
    return {"first": first, "last": last, "default": DEFAULT_YEAR,
            "states": table.states.rows, "territories": table.territories.rows,
            "years": entries, "days": days, "steps": steps}  # fmt: skip


def cards(atlas: Atlas) -> list[CardWire]:
    """A card for every change of control in the atlas, in date order; within a day, the
    territory most prominent on the map first (as its labels are ranked)."""

    def prominence(card: ChangeCard) -> tuple[dt.date, int]:
        return card.day, -max(map(mapview.territory_rank, card.territories))

    ordered = sorted(change_cards(atlas), key=prominence)
    return [{"date": c.day.isoformat(), "day": c.day_text,
             "territories": list(c.territories),
             "name": c.name, "was": c.was, "now": c.now, "instrument": c.instrument,
             "source": c.source, "events": list(c.events)}
            for c in ordered]  # fmt: skip


# -- the essay and the notes (plain text: the browser sets textContent) -------------------------


class MentionWire(TypedDict):
    phrase: str  # the author's exact words
    ref: str  # what they name: a territory, a group, a place or an event key


class PassageWire(TypedDict):
    id: str
    part: str
    marker: str
    text: str
    years: str  # the years it speaks of, as the panel shows them
    jump: int  # the year a click on it shows
    mentions: list[MentionWire]


class SelectionWire(TypedDict):
    active: list[str]
    primary: list[str]
    focus: str | None


class EssayData(TypedDict):
    title: str
    heading: str
    passages: list[PassageWire]
    years: dict[int, SelectionWire]
    mentioning: dict[str, list[str]]  # territory -> the passages that mention it


def essay_data(atlas: Atlas) -> EssayData:
    """The essay for its panel, and each year's passages (Atlas.selection decides which)."""
    return {
        "title": atlas.essay_title,
        "heading": atlas.essay_heading,
        "passages": [{"id": p.id, "part": p.part, "marker": p.marker, "text": p.text,
                      "years": ", ".join(str(r) for r in p.ranges), "jump": p.jump,
                      "mentions": [{"phrase": m.phrase, "ref": m.ref} for m in p.mentions]}
                     for p in atlas.passages(None)],
        "years": {year: selection(atlas, year) for year in years()},
        "mentioning": mentioning(atlas),
    }  # fmt: skip


def mentioning(atlas: Atlas) -> dict[str, list[str]]:
    """For each territory, the passages that mention it (by itself or in a group)."""
    table = refs(atlas)
    out: dict[str, list[str]] = {}
    for p in atlas.passages(None):
        for m in p.mentions:
            for t in table.get(m.ref, {"territories": []})["territories"]:
                if p.id not in out.setdefault(t, []):
                    out[t].append(p.id)
    return out


def selection(atlas: Atlas, year: int) -> SelectionWire:
    s = atlas.selection(year)
    return {"active": list(s.active), "primary": list(s.primary), "focus": s.focus}


class NoteChange(TypedDict):
    date: str  # YYYY-MM-DD: the panel marks what is still to come on the day shown
    text: str


class NoteEvent(TypedDict):
    kind: str
    name: str
    date: str  # YYYY-MM-DD, its first day
    when: str
    place: str


class DayStep(TypedDict):
    """A step of a year of change: 1 January, each day of a change, 31 December."""

    date: str  # YYYY-MM-DD
    label: str  # "9 Aug"
    title: str  # what the step shows, for its tooltip
    end: bool  # the year's 31 December: the bare year


class NotesData(TypedDict):
    changes: dict[int, list[NoteChange]]
    events: dict[int, list[NoteEvent]]
    kinds: dict[str, str]
    steps: dict[int, list[DayStep]]  # only the years of change
    changeDays: list[str]  # every day of a change, ascending: where `[` and `]` go
    yearEnd: str  # "MM-DD": the day a bare year stands for


def year_notes(atlas: Atlas) -> NotesData:
    """Each year's changes of control and events, and its day steps, as plain text (the
    browser sets textContent)."""
    changes: dict[int, list[NoteChange]] = {}
    events: dict[int, list[NoteEvent]] = {}
    steps: dict[int, list[DayStep]] = {}
    for year in years():
        lines: list[NoteChange] = [{"date": line.date.isoformat(), "text": line.text()}
                                   for line in change_lines(atlas.changes(year))]  # fmt: skip
        if lines:
            changes[year] = lines
        happened: list[NoteEvent] = [
            {
                "kind": e.kind,
                "name": e.name,
                "date": e.date.isoformat(),
                "when": event_when(e),
                "place": e.place,
            }
            for e in atlas.events(year)
        ]
        if happened:
            events[year] = happened
        if atlas.day_steps(year):
            steps[year] = day_steps(atlas, year)
    return {"changes": changes, "events": events, "steps": steps,
            "changeDays": [d.isoformat() for d in atlas.change_days()],
            "yearEnd": "{:02d}-{:02d}".format(*REFERENCE_MONTH_DAY),
            "kinds": {k.id: k.label for k in EVENT_KINDS.values()}}  # fmt: skip


def day_steps(atlas: Atlas, year: int) -> list[DayStep]:
    out: list[DayStep] = []
    for day in atlas.day_steps(year):
        changed = [c for c in atlas.timeline.changes if c.date == day]
        if changed:
            title = f"{full_day(day)}: " + "; ".join(
                dict.fromkeys(c.instrument for c in changed))  # fmt: skip
        elif day.month == 1 and day.day == 1:
            title = f"1 January {year}: the year as it began"
        else:
            title = f"31 December {year}: the year's outcome"
        out.append({"date": day.isoformat(), "label": f"{day.day} {day:%b}", "title": title,
                    "end": day == resolve(year)})  # fmt: skip
    return out


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
