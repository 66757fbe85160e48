"""What the browser needs to draw the atlas: everything once, then a small state per year.

`static_data` is sent once (as a file the map fetches): every distinct geometry, the context
layer, the lines, the events, and each period's tooltip text. `year_state` is sent on every
slider step: which period each territory is in, its colours and status, the year's events.
All text from the data is HTML-escaped here, so the browser can insert it as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from html import escape
from typing import Any

from shapely.geometry import mapping

from . import mapview
from .atlas import Atlas
from .model import Area, Event, Period
from .palette import COLOURS, LAND, colours
from .story import change_lines
from .timeline import resolve
from .vocab import ATLAS_START, LANGUAGES, STATUSES, controller_name

EVENT_KINDS = {
    "battle": "Battle",
    "treaty": "Treaty",
    "conference": "Conference",
    "meeting": "Meeting",
    "declaration": "Declaration",
    "operation": "Military operation",
}
STATUS_LABELS = {
    "sovereign": "sovereign",
    "joint": "held jointly",
    "leased": "leased",
    "concession": "railway concession",
    "occupied": "military occupation",
    "protectorate": "protectorate",
    "puppet": "client (puppet) state",
    "contested": "contested: a war front",
    "disputed": "disputed (fine lines: the claim)",
}


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "today"


def _geometry(geom) -> dict:
    return mapping(geom)


def static_data(atlas: Atlas) -> dict[str, Any]:
    """Geometry, context, lines, events and period texts: sent to the browser once."""
    geoms: dict[str, int] = {}
    geometries: list[dict] = []
    label_points: list[dict] = []
    periods = []
    for p in atlas.periods:
        key = p.shape
        if key not in geoms:
            geoms[key] = len(geometries)
            geometries.append(_geometry(p.geometry))
            label_points.append({"at": _label_point(p.geometry)})
        periods.append(
            {
                "g": geoms[key],
                "names": {lang: _e(name) for lang, name in p.names.items()},
                "short": _shorts({lang: p.short_name_in(lang) for lang in LANGUAGES}, p.names),
                "rank": mapview.territory_rank(p.territory),
                "territory": p.territory,
                "name": _e(p.name),
                "since": _e(_day(p.start)),
                "until": _e(_day(p.end)),
                "instrument": _e(p.instrument),
                "source": _e(p.source),
                "notes": _e(p.notes),
            }
        )
    context = [
        {"kind": f.kind, "name": _e(f.name), "geometry": _geometry(f.geometry)}
        for f in atlas.context
    ]
    lines = [
        {
            "kind": f.kind,
            "name": _e(f.name),
            "territory": f.territory,
            "geometry": _geometry(f.geometry),
        }
        for f in atlas.lines
    ]
    places = [
        {"key": _e(f.key), "lat": f.lat, "lon": f.lon,
         "start": f.start.isoformat() if f.start else None,
         "end": f.end.isoformat() if f.end else None,
         "names": {lang: _e(name) for lang, name in f.names.items()},
         "short": _shorts({k: mapview.short_label(n) for k, n in f.names.items()}, f.names),
         "rank": mapview.place_rank(f.key),
         "minZoom": mapview.place_min_zoom(f.key),
         "maxZoom": mapview.PLACE_MAX_ZOOM.get(f.key)}
        for f in atlas.places
    ]  # fmt: skip
    return {
        "view": mapview.view(),
        "geometries": geometries,
        "labelPoints": label_points,
        "places": places,
        "years": year_table(atlas),
        "periods": periods,
        "context": context,
        "lines": lines,
        "events": [_event(e) for e in atlas.all_events()],
        "statuses": {k: _e(v) for k, v in STATUS_LABELS.items()},
        "eventKinds": EVENT_KINDS,
        "colours": {**COLOURS, "land": LAND},
    }


def _shorts(short: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    """The short forms that differ from the names (escaped), by language."""
    return {k: _e(v) for k, v in short.items() if v and v != names.get(k)}


def year_table(atlas: Atlas) -> dict[str, Any]:
    """Every year's state, so the map can redraw the moment the slider moves.

    Years that share a state (most do) share one entry; `year_state` is still sent on each
    step and stays the authority: the map applies it when it arrives.
    """
    states: dict[str, int] = {}
    table: list[dict] = []
    years: dict[int, list] = {}
    for year in range(ATLAS_START.year, dt.date.today().year + 1):
        state = year_state(atlas, year)
        body = {k: v for k, v in state.items() if k not in ("year", "e", "legend")}
        body["legend"] = {k: v for k, v in state["legend"].items() if k != "events"}
        key = dumps(body)
        if key not in states:
            states[key] = len(table)
            table.append(body)
        years[year] = [states[key], state["e"], state["legend"]["events"]]
    return {"states": table, "years": years}


def _label_point(geom) -> list[float]:
    """Where a territory's name goes: inside its largest part (not on a small island)."""
    parts = getattr(geom, "geoms", [geom])
    point = max(parts, key=lambda g: g.area).representative_point()
    return [round(point.y, 4), round(point.x, 4)]


def _event(e: Event) -> dict:
    when = _day(e.date) + (f" – {_day(e.end)}" if e.end and e.end != e.date else "")
    return {
        "kind": e.kind,
        "lat": e.lat,
        "lon": e.lon,
        "name": _e(e.name),
        "when": _e(when),
        "place": _e(e.place),
        "description": _e(e.description),
        "source": _e(e.source),
    }


def digest(data: dict) -> str:
    """A short content hash: the file name changes whenever the data does."""
    return hashlib.sha256(dumps(data).encode("utf-8")).hexdigest()[:16]


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def year_state(atlas: Atlas, year: int) -> dict[str, Any]:
    """The per-step state: for each territory in force, its period, colours and status."""
    day = resolve(year)
    index = {id(p): i for i, p in enumerate(atlas.periods)}
    territories = []
    for p in atlas.state(day):
        territories.append(_territory(p, index[id(p)], day))
    homes = []
    for i, f in enumerate(atlas.context):
        if f.kind == "home" and f.covers(day):
            homes.append([i, COLOURS.get(f.controller or "", LAND)])
    lines = []
    in_force = {p.territory: p for p in atlas.state(day)}
    for i, line in enumerate(atlas.lines):
        if not line.covers(day):
            continue
        owner = in_force.get(line.territory or "")
        if line.kind == "railway" and owner is None:
            continue
        lines.append([i, colours(owner.controller) if owner else [], owner.status if owner else ""])
    events = [i for i, e in enumerate(atlas.all_events()) if e.in_year(day.year)]
    legend = _legend(atlas, day, events, [atlas.context[i] for i, _ in homes])
    return {
        "year": day.year,
        "t": territories,
        "h": homes,
        "l": lines,
        "e": events,
        "legend": legend,
    }


def _legend(atlas: Atlas, day: dt.date, events: list[int], homes: list[Area]) -> dict:
    """The powers, statuses and event kinds on the map that year, in a fixed order."""
    state = atlas.state(day)
    ids = {c for p in state for c in (*p.controller.split("+"), p.claimant) if c}
    ids |= {f.controller for f in homes if f.controller}
    powers = [[COLOURS[c], escape(controller_name(c, day))] for c in COLOURS if c in ids]
    statuses = [s for s in STATUSES if any(p.status == s for p in state)]
    all_events = atlas.all_events()
    kinds = [k for k in EVENT_KINDS if any(all_events[i].kind == k for i in events)]
    return {"powers": powers, "statuses": statuses, "events": kinds}


def _territory(p: Period, index: int, day: dt.date) -> list:
    """[period, controller's name that day, colours, status, claimant's colour and name]."""
    claimant = [COLOURS[p.claimant], _e(controller_name(p.claimant, day))] if p.claimant else []
    return [index, _e(p.controller_name(day)), colours(p.controller), p.status, claimant]


assert set(STATUS_LABELS) == set(STATUSES)


def essay_data(atlas: Atlas) -> dict[str, Any]:
    """The essay for its panel: the browser sets this text with textContent, never as HTML."""
    return {
        "title": atlas.essay_title,
        "heading": atlas.essay_heading,
        "passages": [
            {
                "id": p.id,
                "part": p.part,
                "marker": p.marker,
                "text": p.text,
                "years": ", ".join(str(r) for r in p.ranges),
                "ranges": [[r.start, r.end] for r in p.ranges],
                "general": general(p),
                "span": span(p),
                "jump": jump_year(p),
            }
            for p in atlas.passages(None)
        ],
        "years": passage_table(atlas),
    }


def passage_selection(atlas: Atlas, year: int) -> dict[str, Any]:
    """The passages that speak of a year: all of them, the specific ones, the one to show."""
    passages = atlas.passages(year)
    return {
        "active": [p.id for p in passages],
        "primary": [p.id for p in passages if not general(p)],
        "focus": focus(passages),
    }


def passage_table(atlas: Atlas) -> dict[int, list]:
    """Every year's selection, so the essay panel can follow the slider without the server:
    year -> [active ids, primary ids, focus id]."""
    table = {}
    for year in range(ATLAS_START.year, dt.date.today().year + 1):
        s = passage_selection(atlas, year)
        table[year] = [s["active"], s["primary"], s["focus"]]
    return table


def year_notes(atlas: Atlas) -> dict[str, Any]:
    """Each year's changes of control and events, as plain text (the browser sets textContent)."""
    changes, events = {}, {}
    for year in range(ATLAS_START.year, dt.date.today().year + 1):
        lines = [line.text() for line in change_lines(atlas.changes(year))]
        if lines:
            changes[year] = lines
        happened = [
            {"kind": e.kind, "name": e.name, "when": _day(e.date) + (f" – {_day(e.end)}"
             if e.end and e.end != e.date else ""), "place": e.place}
            for e in atlas.events(year)
        ]  # fmt: skip
        if happened:
            events[year] = happened
    return {"changes": changes, "events": events, "kinds": EVENT_KINDS}


def span(passage) -> int:
    """How many years a passage speaks of."""
    return sum((r.end or dt.date.today().year) - r.start + 1 for r in passage.ranges)


def focus(passages: list) -> str | None:
    """The passage to scroll to: the one that speaks of the fewest years (the most specific)."""
    return min(passages, key=span).id if passages else None


def general(passage) -> bool:
    """A passage that speaks of every year (the essay's opening): it never needs scrolling to."""
    return any(r.start <= ATLAS_START.year and r.end is None for r in passage.ranges)


def jump_year(passage) -> int:
    """The year a click on a passage shows: the first year it speaks of."""
    return passage.ranges[0].start
