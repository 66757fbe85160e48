"""Deep links: ?year= gives the nearest sensible year and a short note, never an error."""

from __future__ import annotations

import pytest

from mapcore.links import parse_year, unknown_params

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
