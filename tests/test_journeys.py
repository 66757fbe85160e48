"""A class clicks in any order: seeded random walks through every widget of every view.

Each walk drives the real app with AppTest (the view switch, the sliders, Previous and Next
change, Play and Pause, Play's timer, presenter mode on and off, Esc, the settings, the page's
keys, `[` and `]`, a day step, a passage clicked, the Quiz asked, revealed and ended, and in
the Lesson view the stops' buttons, list and keys and the class started and ended) while a
small model says what the teacher chose. After every action the page must show no exception
and keep every choice: the view shown, each slider's year, the day, the year and day the map,
the essay and the notes are given, the label language, the lesson's stop, the quiz, the
class, and the address.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from apptest_kit import component, component_data, trigger
from streamlit.testing.v1 import AppTest
from test_app import map_state

from atlasapp.testing import app_copy
from mapcore import quiz
from mapcore.links import Link, link_params

APP = str(app_copy())
SEEDS = range(4)
STEPS = 70
SPEEDS = ["Slow: 2 s a year", "Normal: 1 s a year", "Fast: 0.4 s a year"]
LANGS = ["en", "ja", "ru", "zh", "ko", "off"]


@dataclass(frozen=True)
class Model:
    """What the teacher chose, as the test expects the app to keep it."""

    year: int = 1905
    left: int = 1904
    right: int = 1906
    view: str = "atlas"
    present: bool = False
    lang: str = "en"
    playing: bool = False
    day: dt.date | None = None  # a day of `year`; None: the bare year (its 31 December)
    stop: int = 0  # the lesson's stop (0: the Lesson view never opened)
    quiz: tuple[str, bool] | None = None  # the question asked, and whether it is revealed
    teach: bool = False  # a class begun: the console publishes to its code
    drafted: int = 0  # stops of the lesson being made

    @property
    def shown(self) -> str:
        if self.present:
            return "lesson" if self.view == "lesson" else "atlas"
        return self.view


class Walk:
    def __init__(self, atlas, seed: int):
        self.atlas, self.rng = atlas, random.Random(seed)
        self.at = AppTest.from_file(APP, default_timeout=60).run()
        slider = self.at.slider(key="year")
        self.first, self.last = int(slider.min), int(slider.max)
        self.model = Model()
        self.log: list[str] = [f"seed {seed}"]
        self.sent = 0  # page.js numbers what it sends (keys and days), rising
        self.done: set[str] = set()
        self.lesson = atlas.lessons[0]
        self.quiz_day: dt.date | None = None

    def number(self) -> int:
        self.sent += self.rng.randint(1, 1000)
        return self.sent

    # -- the model's rules ----------------------------------------------------------------

    def clamp(self, year: int) -> int:
        return min(max(year, self.first), self.last)

    def previous(self, year: int) -> int:
        earlier = [y for y in self.atlas.change_years() if y < year]
        return earlier[-1] if earlier else self.first

    def next(self, year: int) -> int:
        later = [y for y in self.atlas.change_years() if y > year]
        return later[0] if later else self.last

    def on_day(self, m: Model, day: dt.date | None) -> Model:
        """The model showing `day` (a year's 31 December is the bare year; None stays put)."""
        if day is None:
            return m
        bare = day == dt.date(day.year, 12, 31)
        return replace(m, year=day.year, day=None if bare else day)

    def when(self, m: Model) -> dt.date:
        return m.day or dt.date(m.year, 12, 31)

    def at_stop(self, m: Model, number: int) -> Model:
        """The model at the lesson's stop `number` (clamped), on the stop's own day."""
        number = min(max(number, 1), len(self.lesson.stops))
        if number == m.stop:  # before the first, after the last: nothing changes
            return m
        stop = self.lesson.stop(number)
        return replace(self.on_day(replace(m, year=stop.year, day=None), stop.day),
                       stop=number, playing=False)  # fmt: skip

    # -- the actions a class can take in the view shown ---------------------------------------

    def actions(self) -> list:
        m, acts = self.model, []
        if not m.present:
            acts += [self.switch_view, self.switch_view, self.presenter_on, self.speed,
                     self.language]  # fmt: skip
        if m.shown in ("atlas", "chart", "lesson"):
            acts += [self.slide, self.key]
        if m.shown == "lesson":
            acts += [self.stop_list, self.stop_key]
            if m.stop < len(self.lesson.stops):
                acts += [self.next_stop]
            if m.stop > 1:
                acts += [self.previous_stop]
        if (m.shown == "atlas" and not m.present) or m.shown == "lesson":
            acts += [self.quiz_end, self.quiz_reveal] * 3 if m.quiz else [self.quiz_ask] * 2
        if m.shown == "lesson":
            acts += [self.class_end if m.teach else self.class_start] * 2
        if m.shown in ("atlas", "lesson") and not m.present:
            acts += [self.draft_add] + ([self.draft_edit, self.draft_remove] if m.drafted else [])
        if m.shown in ("atlas", "lesson"):
            acts += [self.previous_change, self.next_change, self.play, self.timer, self.passage,
                     self.day_key]  # fmt: skip
            if self.atlas.day_steps(m.year):
                acts += [self.day_step] * 3  # a year of change: its days are often chosen
        if m.shown == "compare":
            acts += [self.slide_pair] * 2
        if m.present:
            acts += [self.exit_presenter, self.escape]
        return acts

    def switch_view(self):
        view = self.rng.choice(["atlas", "lesson", "compare", "chart"])
        self.at.segmented_control(key="view").set_value(view).run()
        stops = view != self.model.view
        m = replace(self.model, view=view, playing=self.model.playing and not stops)
        if view == "lesson" and not m.stop:  # the first time: the lesson's first stop
            m = self.at_stop(m, 1)
        return m, view

    def offered(self) -> list:
        """The Quiz's list: the stop's own question first (in a lesson, on its day), then the
        atlas's for the day shown and Compare's two years."""
        m, out = self.model, []
        if m.shown == "lesson":
            written = quiz.stop_question(self.atlas, self.lesson.stop(m.stop))
            if written is not None and written.day == self.when(m):
                out.append(written)
        return out + quiz.questions(self.atlas, self.when(m), (m.left, m.right))

    def quiz_ask(self):
        offered = self.offered()
        i = self.rng.randrange(len(offered))
        assert list(self.at.selectbox(key="quiz-pick").options) == [q.text for q in offered]
        self.at.selectbox(key="quiz-pick").set_value(i).run()
        self.at.button(key="quiz-ask").click().run()
        q = offered[i]
        m = replace(self.on_day(replace(self.model, year=q.day.year, day=None), q.day),
                    playing=False, quiz=(q.text, False))  # fmt: skip
        return m, f"quiz: {q.text}"

    def quiz_reveal(self):
        if self.model.quiz[1]:
            return self.quiz_end()
        self.at.button(key="quiz-reveal").click().run()
        return replace(self.model, quiz=(self.model.quiz[0], True)), "reveal"

    def quiz_end(self):
        self.at.button(key="quiz-end").click().run()
        return replace(self.model, quiz=None), "end quiz"

    def class_start(self):
        self.at.button(key="class-start").click().run()
        return replace(self.model, teach=True), "class start"

    def class_end(self):
        self.at.button(key="class-end").click().run()
        return replace(self.model, teach=False), "class end"

    def draft_add(self):
        trigger(self.at, "add-stop", "add", f"[[40,120],[52,146]]|{self.number()}")
        return replace(self.model, drafted=self.model.drafted + 1), "add this view"

    def draft_edit(self):
        text = self.rng.choice(["Karafuto", "Port Arthur", "<b>bold?</b>", ""])
        self.at.text_area(key="draft-caption").set_value(text).run()
        return self.model, f"caption {text!r}"

    def draft_remove(self):
        self.at.button(key="draft-remove").click().run()
        return replace(self.model, drafted=self.model.drafted - 1), "remove stop"

    def next_stop(self):
        self.at.button(key="stop-next").click().run()
        return self.at_stop(self.model, self.model.stop + 1), "next stop"

    def previous_stop(self):
        self.at.button(key="stop-previous").click().run()
        return self.at_stop(self.model, self.model.stop - 1), "previous stop"

    def stop_list(self):
        number = self.rng.randint(1, len(self.lesson.stops))
        self.at.selectbox(key="stop-list").set_value(number).run()
        moved = number != self.model.stop
        return (self.at_stop(self.model, number) if moved else self.model), f"stop {number}"

    def stop_key(self):
        key = self.rng.choice(["ArrowLeft", "ArrowRight", "PageUp", "PageDown"])
        trigger(self.at, "page", "key", f"{key}:{self.number()}")
        step = 1 if key in ("ArrowRight", "PageDown") else -1
        return self.at_stop(self.model, self.model.stop + step), f"{key} (stop)"

    def presenter_on(self):
        self.at.toggle(key="present").set_value(True).run()
        return replace(self.model, present=True, playing=False), "presenter on"

    def exit_presenter(self):
        self.at.button(key="exit").click().run()
        return replace(self.model, present=False, playing=False), "exit button"

    def escape(self):
        trigger(self.at, "page", "key", f"Escape:{self.number()}")
        return replace(self.model, present=False, playing=False), "Esc"

    def speed(self):
        self.at.selectbox(key="speed").set_value(self.rng.choice(SPEEDS)).run()
        return self.model, "speed"

    def language(self):
        lang = self.rng.choice(LANGS)
        self.at.selectbox(key="lang").set_value(lang).run()
        return replace(self.model, lang=lang), f"labels {lang}"

    def slide(self):
        year = self.rng.randint(self.first, self.last)
        self.at.slider(key="year").set_value(year).run()
        moved = year != self.model.year
        m = replace(self.model, year=year, playing=self.model.playing and not moved)
        return (replace(m, day=None) if moved else m), f"{year}"

    def slide_pair(self):
        side, year = self.rng.choice(["left", "right"]), self.rng.randint(self.first, self.last)
        self.at.slider(key=side).set_value(year).run()
        return replace(self.model, **{side: year}), f"{side} {year}"

    def key(self):
        if self.model.shown == "lesson":  # there the keys move between stops
            return self.stop_key()
        key = self.rng.choice(["ArrowLeft", "ArrowRight", "PageUp", "PageDown"])
        trigger(self.at, "page", "key", f"{key}:{self.number()}")
        y = self.model.year
        year = {"ArrowLeft": self.clamp(y - 1), "ArrowRight": self.clamp(y + 1),
                "PageUp": self.previous(y), "PageDown": self.next(y)}[key]  # fmt: skip
        return replace(self.model, year=year, day=None, playing=False), key

    def day_key(self):
        key = self.rng.choice(["[", "]"])
        trigger(self.at, "page", "key", f"{key}:{self.number()}")
        m, when = self.model, self.when(self.model)
        day = (self.atlas.previous_change_day(when) if key == "["
               else self.atlas.next_change_day(when))  # fmt: skip
        return replace(self.on_day(m, day), playing=False), f"{key} {day}"

    def day_step(self):
        step = self.rng.choice(self.atlas.day_steps(self.model.year))
        bare = step == dt.date(step.year, 12, 31)
        trigger(self.at, "page", "day", f"{step.year if bare else step}:{self.number()}")
        return replace(self.on_day(self.model, step), playing=False), f"day {step}"

    def previous_change(self):
        self.at.button(key="previous").click().run()
        year = self.previous(self.model.year)
        return replace(self.model, year=year, day=None, playing=False), "previous"

    def next_change(self):
        self.at.button(key="next").click().run()
        year = self.next(self.model.year)
        return replace(self.model, year=year, day=None, playing=False), "next"

    def play(self):
        self.at.button(key="play").click().run()
        m = self.model
        playing = not m.playing
        if playing and m.year >= self.last and m.day is None:
            return replace(m, playing=True, year=self.first), "play (from the start)"
        return replace(m, playing=playing), "play/pause"

    def timer(self):
        """Play's timer firing: a run with no action, a whole interval after the last tick."""
        self.at.session_state["atlas:tick"] = 0.0
        self.at.run()
        m = self.model
        if not m.playing:
            return m, "timer (paused)"
        later = [d for d in self.atlas.day_steps(m.year) if m.day and d > m.day]
        if later:  # on a day of a year of change: its next day step
            return self.on_day(m, later[0]), f"timer {later[0]}"
        if m.year >= self.last:
            return replace(m, playing=False), "timer (end)"
        return replace(m, year=m.year + 1, day=None), "timer"

    def passage(self):
        p = self.rng.choice(self.atlas.passages(None))
        trigger(self.at, "essay", "clicked", p.id)
        return replace(self.model, year=p.jump, day=None, playing=False), f"passage {p.id}"

    # -- what the page must show ---------------------------------------------------------------

    def check(self) -> None:
        at, m = self.at, self.model
        where = " → ".join(self.log[-8:])
        assert not at.exception, f"{where}: {at.exception}"
        assert not at.error, f"{where}: {[e.value for e in at.error]}"
        c = at.session_state["atlas:choices"]
        kept = (c.year, c.left, c.right, c.view, c.present, c.lang, c.playing, c.day, c.stop,
                bool(c.teach))  # fmt: skip
        assert kept == (m.year, m.left, m.right, m.view, m.present, m.lang, m.playing, m.day,
                        m.stop, m.teach), where  # fmt: skip
        assert ((c.quiz.question.text, c.quiz.revealed) if c.quiz else None) == m.quiz, where
        made = at.session_state["atlas:draft"].stops if "atlas:draft" in at.session_state else []
        assert len(made) == m.drafted, where
        date = m.day.isoformat() if m.day else None
        if m.shown in ("atlas", "lesson"):
            asked = component_data(at, "page")["shared"]["quiz"]
            assert ((asked["question"], asked["revealed"]) if asked else None) == m.quiz, where
            stop = component_data(at, "page")["shared"]["stop"]
            assert (stop["number"] if stop else None) == (m.stop if m.shown == "lesson"
                                                          else None), where  # fmt: skip
            if m.shown == "lesson":
                assert component_data(at, "lesson")["stop"]["number"] == m.stop, where
                assert at.selectbox(key="stop-list").value == m.stop, where
            assert at.slider(key="year").value == m.year, where
            assert map_state(at)["year"] == m.year and map_state(at)["lang"] == m.lang, where
            assert map_state(at)["date"] == date, where
            for panel in ("essay", "days", "page"):
                assert component_data(at, panel).get("date") == date, (where, panel)
            assert component_data(at, "essay")["year"] == m.year, where
            assert (component(at, "year_notes") is None) == m.present, where
            assert at.button(key="play").label == ("Pause" if m.playing else "Play"), where
        elif m.shown == "compare":
            assert (at.slider(key="left").value, at.slider(key="right").value) == (
                m.left, m.right), where  # fmt: skip
            assert len(at.get("component_instance")) == 2, where
        else:
            assert at.slider(key="year").value == m.year, where
            assert at.get("vega_lite_chart"), where
        if not m.present:
            assert at.segmented_control(key="view").value == m.view, where
        lesson = self.lesson.id if m.stop else None
        link = link_params(Link(m.year, m.left, m.right, m.view, m.present, m.lang, m.day,
                                lesson=lesson, stop=m.stop, teach=c.teach))  # fmt: skip
        shown = {k: at.query_params[k] for k in at.query_params}
        assert {k: (v if isinstance(v, str) else v[0]) for k, v in shown.items()} == link, where

    def run(self, steps: int) -> None:
        self.check()
        for _ in range(steps):
            action = self.rng.choice(self.actions())
            self.model, what = action()
            if action == self.quiz_ask:
                self.quiz_day = self.when(self.model)
            if self.model.quiz and self.quiz_day != self.when(self.model):
                self.model = replace(self.model, quiz=None)  # a quiz asks of its day only
            self.log.append(what)
            self.done.add(action.__name__)
            self.check()


def test_random_walks_through_every_widget_keep_every_choice(atlas):
    """Hundreds of actions in all; and the walks are only as good as what they reach: every
    action, in every view."""
    done: set[str] = set()
    for seed in SEEDS:
        walk = Walk(atlas, seed)
        walk.run(STEPS)
        done |= walk.done
    every = {"switch_view", "presenter_on", "speed", "language", "slide", "key", "timer",
             "previous_change", "next_change", "play", "passage", "slide_pair",
             "exit_presenter", "escape", "day_key", "day_step", "next_stop",
             "previous_stop", "stop_list", "stop_key", "quiz_ask", "quiz_reveal", "quiz_end",
             "class_start", "class_end", "draft_add", "draft_edit", "draft_remove"}  # fmt: skip
    assert every <= done, f"never reached: {every - done}"
