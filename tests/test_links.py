"""Deep links: ?year= and ?date= give the nearest sensible view and a short note, never an
error; a view is written back as the link that reopens it."""

from __future__ import annotations

import datetime as dt

import pytest

from mapcore.links import Link, link_params, parse_link, parse_year, unknown_params

FIRST, LAST = 1850, 2026


@pytest.mark.parametrize(
    ("values", "year", "note"),
    [
        ([], None, None),
        (["1905"], 1905, None),
        ([" 1905 "], 1905, None),
        (["1945", "1905"], 1945, "names 2 years; showing the first"),
        (["abc"], None, "“abc” is not a year"),
        ([""], None, "empty"),
        (["-5"], 1850, "before 1850"),
        (["99999"], 2026, "after 2026"),
        (["1905.5"], 1905, "not a whole year"),
        (["١٩٠٥"], 1905, None),  # Arabic-Indic digits are still 1905
        (["1" * 500], None, "is not a year"),
        (["19<script>05"], None, "is not a year"),
    ],
)
def test_year_links(values, year, note):
    link = parse_year(values, FIRST, LAST)
    assert link.year == year
    if note is None:
        assert link.note is None
    else:
        assert note in link.note


def test_a_long_value_is_cut_short_in_the_note():
    note = parse_year(["x" * 500], FIRST, LAST).note
    assert len(note) < 120 and "…" in note


def test_unknown_parameters_are_named():
    assert unknown_params(["year"]) is None
    note = unknown_params(["year", "zoom", "utm_source"])
    assert "“utm_source”" in note and "“zoom”" in note and "year" in note


@pytest.mark.parametrize(
    ("params", "year", "day", "note"),
    [
        ({"date": ["1945-08-20"]}, 1945, dt.date(1945, 8, 20), None),
        ({"date": [" 1945-8-20 "]}, 1945, dt.date(1945, 8, 20), None),
        ({"date": ["1945-12-31"]}, 1945, None, None),  # a year's 31 December is the year
        ({"date": ["1945-08-20"], "year": ["1905"]}, 1945, dt.date(1945, 8, 20), "showing the day"),
        ({"date": ["1945-02-30"]}, 1905, None, "“1945-02-30” is not a day"),
        ({"date": ["20/08/1945"], "year": ["1950"]}, 1950, None, "is not a day"),
        ({"date": ["1800-01-01"]}, 1850, None, "outside the atlas (1850–2026); showing 1850"),
        ({"date": ["2999-01-01"]}, 2026, None, "showing 2026"),
        ({"date": ["<b>1945</b>"]}, 1905, None, "is not a day"),
    ],
)
def test_date_links(params, year, day, note):
    link = parse_link(params, FIRST, LAST)
    assert (link.year, link.day) == (year, day)
    if note is None:
        assert not link.notes
    else:
        assert any(note in n for n in link.notes), link.notes


def test_a_day_is_written_as_the_date_a_bare_year_as_the_year():
    assert link_params(Link(year=1945, day=dt.date(1945, 8, 20))) == {"date": "1945-08-20"}
    assert link_params(Link(year=1945)) == {"year": "1945"}
    # compare shows two years, not the atlas's day: its link names the year and the pair
    assert link_params(Link(year=1945, view="compare", day=dt.date(1945, 8, 20)))["year"] == "1945"
    for link in (Link(year=1945, day=dt.date(1945, 8, 20)), Link(year=1905, present=True)):
        params = {k: [v] for k, v in link_params(link).items()}
        assert parse_link(params, FIRST, LAST) == link  # the address reopens the view


def test_a_lesson_link_names_the_lesson_and_the_stop_and_opens_the_lesson_view():
    link = parse_link({"lesson": ["shimoda-to-abe"], "stop": ["3"]}, FIRST, LAST)
    assert (link.view, link.lesson, link.stop, link.dated) == ("lesson", "shimoda-to-abe", 3,
                                                                False)  # fmt: skip
    assert link.notes == ()
    moved = Link(year=1896, view="lesson", lesson="shimoda-to-abe", stop=3)
    params = link_params(moved)
    assert params == {"year": "1896", "lesson": "shimoda-to-abe", "stop": "3"}
    again = parse_link({k: [v] for k, v in params.items()}, FIRST, LAST)
    assert again == moved and again.dated  # the slider moved within the stop: kept
    bad = parse_link({"lesson": ["x"], "stop": ["three"]}, FIRST, LAST)
    assert bad.stop is None and "not a stop number" in bad.notes[0]


def test_a_class_link_follows_a_code_and_says_nothing_else():
    link = parse_link({"class": [" k7q-3mz "]}, FIRST, LAST)
    assert link.follow == "K7Q3MZ" and link.notes == ()
    assert link_params(Link(follow="K7Q3MZ", year=1950)) == {"class": "K7Q3MZ"}
    assert link_params(Link(follow="K7Q3MZ", present=True)) == {"class": "K7Q3MZ", "present": "1"}
    bad = parse_link({"class": ["<script>"]}, FIRST, LAST)
    assert bad.follow is None and "is not a class code" in bad.notes[0]
