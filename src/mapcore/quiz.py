"""Predict, then reveal: questions a class answers before the map shows the answer.

A question names the territories whose holders the map hides (grey, "?") until the teacher
reveals them, the day the map shows, the choices (for "who held it?"), the answer, and the day
of the change whose card then shows it. Questions come from the atlas for any day ("Who held
Kwantung on 1 January 1906?") or pair of years ("What changed between 1904 and 1906?"), or from
a lesson's stop, written by its author.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .atlas import Atlas
from .lessons import Stop
from .story import full_day
from .timeline import resolve
from .vocab import GROUPS, POWERS, STATUSES, TERRITORIES

# The territories a question may ask about, in the order a teacher meets them on the map.
ASKED = ("kwantung", "sakhalin-south", "sakhalin-north", "kurils-north", "urup", "iturup",
         "kunashir", "shikotan", "habomai", "south-manchuria-railway", "chinese-eastern-railway",
         "manchuria", "korea", "korea-north", "korea-south", "liaodong", "primorye", "amur",
         "jehol", "kiautschou")  # fmt: skip
MAX_CHOICES = 4
FILLERS = ("china", "japan", "russia")  # powers offered when a territory had fewer holders


@dataclass(frozen=True)
class Question:
    text: str
    day: dt.date  # the day the map shows while it is asked
    hidden: tuple[str, ...]  # the territories whose holders are hidden until revealed
    answer: str  # one of `choices`, or the whole answer to an open question
    choices: tuple[str, ...] = ()  # the holders to choose from (empty: an open question)
    detail: str = ""  # what the reveal adds: the status, since when, the instrument
    card: dt.date | None = None  # the day of the change whose card shows the answer


def _last_change(atlas: Atlas, territories: tuple[str, ...], day: dt.date) -> dt.date | None:
    days = [c.date for c in atlas.timeline.changes if c.territory in territories and c.date <= day]
    return max(days) if days else None


def holder_question(atlas: Atlas, territory: str, when: dt.date | int) -> Question | None:
    """ "Who held it on that day?", with its holders over time as the choices (None if the
    territory was not on the map that day)."""
    day = resolve(when)
    period = atlas.period(territory, day)
    if period is None:
        return None
    answer = period.controller_name(day)
    names = [answer]
    for p in atlas.periods:
        name = p.controller_name(max(p.start, dt.date(1850, 1, 1)))
        if p.territory == territory and name not in names:
            names.append(name)
    for power in FILLERS:
        name = POWERS[power].name_on(day)
        if len(names) >= 3:
            break
        if name not in names:
            names.append(name)
    choices = tuple(sorted(names[:MAX_CHOICES]))  # in no order that gives the answer away
    status = STATUSES[period.status].label if period.status in STATUSES else period.status
    detail = f"{answer}: {status}, since {full_day(period.start)} ({period.instrument})."
    return Question(f"Who held {TERRITORIES[territory]} on {full_day(day)}?", day, (territory,),
                    answer, choices, detail, _last_change(atlas, (territory,), day))  # fmt: skip


def _held(period, day: dt.date) -> str:
    status = STATUSES[period.status].label if period.status in STATUSES else period.status
    return f"{period.controller_name(day)} ({status})"


def change_question(atlas: Atlas, first: int, second: int) -> Question:
    """ "What changed between the two years?": every territory whose holder or status differs
    is hidden on the later year's map until the answer is revealed."""
    a, b = sorted((first, second))
    differences = atlas.compare(a, b)
    day = resolve(b)
    hidden = tuple(d.territory for d in differences if d.after is not None)
    lines = []
    for d in differences:
        before = _held(d.before, resolve(a)) if d.before else "not on the map"
        after = _held(d.after, day) if d.after else "not on the map"
        lines.append(f"{TERRITORIES.get(d.territory, d.territory)}: {before} → {after}")
    answer = "; ".join(lines) if lines else "Nothing: every territory was held as before."
    return Question(f"What changed between {a} and {b}?", day, hidden, answer,
                    card=_last_change(atlas, hidden, day))  # fmt: skip


def stop_question(atlas: Atlas, stop: Stop) -> Question | None:
    """A lesson stop's own question, hiding the territories the stop highlights."""
    if not stop.question:
        return None
    day = resolve(stop.when)
    hidden = stop_territories(atlas, stop)
    return Question(stop.question, day, hidden, stop.answer,
                    card=_last_change(atlas, hidden, day))  # fmt: skip


def stop_territories(atlas: Atlas, stop: Stop) -> tuple[str, ...]:
    """The territories a stop highlights (its groups' members), on the map on its day."""
    day = resolve(stop.when)
    out: list[str] = []
    for ref in stop.highlight:
        for t in GROUPS.get(ref, (ref,)):
            if t in TERRITORIES and t not in out and atlas.period(t, day) is not None:
                out.append(t)
    return tuple(out)


def questions(atlas: Atlas, when: dt.date | int, pair: tuple[int, int] | None = None
              ) -> list[Question]:  # fmt: skip
    """The questions the atlas can ask of a day: who held each territory that ever changed
    hands, then (given a pair of years) what changed between them."""
    day = resolve(when)
    out = []
    for territory in ASKED:
        holders = {p.controller for p in atlas.periods if p.territory == territory}
        question = holder_question(atlas, territory, day) if len(holders) > 1 else None
        if question is not None:
            out.append(question)
    if pair is not None and pair[0] != pair[1]:
        out.append(change_question(atlas, *pair))
    return out
