"""A class clicks in any order: seeded random walks through every widget of every view.

Each walk drives the real app with AppTest (the view switch, the sliders, Previous and Next
change, Play and Pause, Play's timer, presenter mode on and off, Esc, the settings, the page's
keys and a passage clicked) while a small model says what the teacher chose. After every action
the page must show no exception and keep every choice: the view shown, each slider's year, the
year the map, the essay and the notes are given, the label language, and the address.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from apptest_kit import component, component_data, trigger
from streamlit.testing.v1 import AppTest
from test_app import map_state

from atlasapp.testing import app_copy
from mapcore.links import Link, link_params

APP = str(app_copy())
SEEDS = range(4)
STEPS = 60
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

    @property
    def shown(self) -> str:
        return "atlas" if self.present else self.view


class Walk:
    def __init__(self, atlas, seed: int):
        self.atlas, self.rng = atlas, random.Random(seed)
        self.at = AppTest.from_file(APP, default_timeout=60).run()
        slider = self.at.slider(key="year")
        self.first, self.last = int(slider.min), int(slider.max)
        self.model = Model()
        self.log: list[str] = [f"seed {seed}"]
        self.done: set[str] = set()

    # -- the model's rules ----------------------------------------------------------------

    def clamp(self, year: int) -> int:
        return min(max(year, self.first), self.last)

    def previous(self, year: int) -> int:
        earlier = [y for y in self.atlas.change_years() if y < year]
        return earlier[-1] if earlier else self.first

    def next(self, year: int) -> int:
        later = [y for y in self.atlas.change_years() if y > year]
        return later[0] if later else self.last

    # -- the actions a class can take in the view shown ---------------------------------------

    def actions(self) -> list:
        m, acts = self.model, []
        if not m.present:
            acts += [self.switch_view, self.presenter_on, self.speed, self.language]
        if m.shown in ("atlas", "chart"):
            acts += [self.slide, self.key]
        if m.shown == "atlas":
            acts += [self.previous_change, self.next_change, self.play, self.timer, self.passage]
        if m.shown == "compare":
            acts += [self.slide_pair]
        if m.present:
            acts += [self.exit_presenter, self.escape]
        return acts

    def switch_view(self):
        view = self.rng.choice(["atlas", "compare", "chart"])
        self.at.segmented_control(key="view").set_value(view).run()
        stops = view != self.model.view
        return replace(self.model, view=view, playing=self.model.playing and not stops), view

    def presenter_on(self):
        self.at.toggle(key="present").set_value(True).run()
        return replace(self.model, present=True, playing=False), "presenter on"

    def exit_presenter(self):
        self.at.button(key="exit").click().run()
        return replace(self.model, present=False, playing=False), "exit button"

    def escape(self):
        trigger(self.at, "page", "key", f"Escape:{self.rng.random()}")
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
        return replace(self.model, year=year, playing=self.model.playing and not moved), f"{year}"

    def slide_pair(self):
        side, year = self.rng.choice(["left", "right"]), self.rng.randint(self.first, self.last)
        self.at.slider(key=side).set_value(year).run()
        return replace(self.model, **{side: year}), f"{side} {year}"

    def key(self):
        key = self.rng.choice(["ArrowLeft", "ArrowRight", "PageUp", "PageDown"])
        trigger(self.at, "page", "key", f"{key}:{self.rng.random()}")
        y = self.model.year
        year = {"ArrowLeft": self.clamp(y - 1), "ArrowRight": self.clamp(y + 1),
                "PageUp": self.previous(y), "PageDown": self.next(y)}[key]  # fmt: skip
        return replace(self.model, year=year, playing=False), key

    def previous_change(self):
        self.at.button(key="previous").click().run()
        return replace(self.model, year=self.previous(self.model.year), playing=False), "previous"

    def next_change(self):
        self.at.button(key="next").click().run()
        return replace(self.model, year=self.next(self.model.year), playing=False), "next"

    def play(self):
        self.at.button(key="play").click().run()
        playing = not self.model.playing
        year = self.first if playing and self.model.year >= self.last else self.model.year
        return replace(self.model, playing=playing, year=year), "play/pause"

    def timer(self):
        """Play's timer firing: a run with no action, a whole interval after the last tick."""
        self.at.session_state["atlas:tick"] = 0.0
        self.at.run()
        m = self.model
        if not m.playing:
            return m, "timer (paused)"
        if m.year >= self.last:
            return replace(m, playing=False), "timer (end)"
        return replace(m, year=m.year + 1), "timer"

    def passage(self):
        p = self.rng.choice(self.atlas.passages(None))
        trigger(self.at, "essay", "clicked", p.id)
        return replace(self.model, year=p.jump, playing=False), f"passage {p.id}"

    # -- what the page must show ---------------------------------------------------------------

    def check(self) -> None:
        at, m = self.at, self.model
        where = " → ".join(self.log[-8:])
        assert not at.exception, f"{where}: {at.exception}"
        assert not at.error, f"{where}: {[e.value for e in at.error]}"
        c = at.session_state["atlas:choices"]
        kept = (c.year, c.left, c.right, c.view, c.present, c.lang, c.playing)
        assert kept == (m.year, m.left, m.right, m.view, m.present, m.lang, m.playing), where
        if m.shown == "atlas":
            assert at.slider(key="year").value == m.year, where
            assert map_state(at)["year"] == m.year and map_state(at)["lang"] == m.lang, where
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
        link = link_params(Link(m.year, m.left, m.right, m.view, m.present, m.lang))
        shown = {k: at.query_params[k] for k in at.query_params}
        assert {k: (v if isinstance(v, str) else v[0]) for k, v in shown.items()} == link, where

    def run(self, steps: int) -> None:
        self.check()
        for _ in range(steps):
            action = self.rng.choice(self.actions())
            self.model, what = action()
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
             "exit_presenter", "escape"}  # fmt: skip
    assert every <= done, f"never reached: {every - done}"
