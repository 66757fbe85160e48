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
from html import escape
from typing import Any, TypedDict

from ..atlas import Atlas
from ..geojson import write_geometry
from ..model import Event, Period
from ..story import change_lines
from ..timeline import resolve
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
    """Everything the map draws for a year but its events: shared by the years alike."""

    territories: list[TerritoryState]
    homes: list[HomeState]
    lines: list[LineState]
    places: list[int]  # indices into `places` named that year
    powers: list[LegendPower]  # the legend's powers, named as on the year's 31 December
    statuses: list[str]


class YearEntry(TypedDict):
    state: int  # index into `states`
    events: list[int]  # indices into `events`
    eventKinds: list[str]  # the legend's event kinds


class StepWire(TypedDict):
    """Where Previous change and Next change go from a year."""

    previous: int
    next: int


class YearsWire(TypedDict):
    first: int
    last: int
    default: int
    states: list[YearState]
    years: dict[int, YearEntry]
    steps: dict[int, StepWire]


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
    refs: dict[str, RefWire]


class StepMessage(TypedDict):
    """What a slider step sends the map: the year and the settings, nothing else."""

    year: int
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
        "refs": refs(atlas),
    }  # fmt: skip


def refs(atlas: Atlas) -> dict[str, RefWire]:
    """Every id an essay mention may name: territories, groups, places and events."""
    out: dict[str, RefWire] = {}
    for t in TERRITORIES:
        out[t] = {"territories": [t], "places": [], "events": []}
    for g, members in GROUPS.items():
        out[g] = {"territories": list(members), "places": [], "events": []}
    for i, f in enumerate(atlas.places):
        out.setdefault(f.key, {"territories": [], "places": [], "events": []})["places"].append(i)
    for i, e in enumerate(atlas.all_events()):
        out.setdefault(e.key, {"territories": [], "places": [], "events": []})["events"].append(i)
    used = {m.ref for p in atlas.passages(None) for m in p.mentions}
    return {k: v for k, v in out.items() if k in used}  # only what the essay names


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


# -- every year's state ---------------------------------------------------------------------


def year_state(atlas: Atlas, year: int) -> YearState:
    """What the map draws for `year` (its 31 December) but the events."""
    day = resolve(year)
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
        "territories": [_territory(p, index[id(p)], day) for p in state],
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


def timeline(atlas: Atlas) -> YearsWire:
    """Every year's state (years alike share one), events and Previous/Next change targets."""
    from ..links import DEFAULT_YEAR

    keys: dict[str, int] = {}
    states: list[YearState] = []
    entries: dict[int, YearEntry] = {}
    events = atlas.all_events()
    for year in years():
        state = year_state(atlas, year)
        key = dumps(state)
        if key not in keys:
            keys[key] = len(states)
            states.append(state)
        happened = [i for i, e in enumerate(events) if e.in_year(year)]
        kinds = [k for k in EVENT_KINDS if any(events[i].kind == k for i in happened)]
        entries[year] = {"state": keys[key], "events": happened, "eventKinds": kinds}
    steps: dict[int, StepWire] = {
        y: {"previous": atlas.previous_change(y), "next": atlas.next_change(y)} for y in years()
    }
    first, last = years()[0], years()[-1]
    return {"first": first, "last": last, "default": DEFAULT_YEAR, "states": states,
            "years": entries, "steps": steps}  # fmt: skip


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


class NoteEvent(TypedDict):
    kind: str
    name: str
    when: str
    place: str


class NotesData(TypedDict):
    changes: dict[int, list[str]]
    events: dict[int, list[NoteEvent]]
    kinds: dict[str, str]


def year_notes(atlas: Atlas) -> NotesData:
    """Each year's changes of control and events, as plain text (the browser sets textContent)."""
    changes: dict[int, list[str]] = {}
    events: dict[int, list[NoteEvent]] = {}
    for year in years():
        lines = [line.text() for line in change_lines(atlas.changes(year))]
        if lines:
            changes[year] = lines
        happened: list[NoteEvent] = [
            {"kind": e.kind, "name": e.name, "when": event_when(e), "place": e.place}
            for e in atlas.events(year)
        ]
        if happened:
            events[year] = happened
    return {"changes": changes, "events": events,
            "kinds": {k.id: k.label for k in EVENT_KINDS.values()}}  # fmt: skip


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
