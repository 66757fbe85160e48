"""Names in their languages: kept with the territories and places, shown on the map's labels."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mapcore import mapdata


def test_every_period_and_place_is_named_in_all_five_languages(atlas):
    for p in atlas.periods:
        assert {"en", "ja", "ru", "zh", "ko"} <= set(p.names), (p.territory, p.start)
    for f in atlas.places:
        assert {"en", "ja", "ru", "zh", "ko"} <= set(f.names), (f.key, f.start)


@pytest.mark.parametrize(
    ("territory", "year", "language", "expected"),
    [
        ("sakhalin-south", 1930, "ja", "樺太"),
        ("sakhalin-south", 1930, "ru", "Карафуто"),
        ("kurils-north", 1930, "ja", "千島"),
        ("kurils-north", 1960, "ru", "Курильские острова"),
        ("iturup", 2016, "ja", "択捉島"),
        ("iturup", 2016, "ru", "Итуруп"),
        ("kwantung", 1930, "ja", "関東州"),
        ("kwantung", 1930, "zh", "关东州"),
        ("manchuria", 1940, "ja", "満洲国"),
        ("manchuria", 1940, "zh", "满洲国"),
        ("korea", 1930, "ko", "조선"),
        ("korea-south", 2016, "ko", "대한민국"),
    ],
)
def test_territory_names_in_their_languages(atlas, territory, year, language, expected):
    assert expected in atlas.period(territory, year).name_in(language)


def test_a_missing_language_falls_back_to_english_and_a_short_form_to_the_name(atlas):
    period = dataclasses.replace(atlas.period("sakhalin-south", 1930), names={"en": "Karafuto"})
    assert period.name_in("ko") == "Karafuto"
    long = atlas.period("sakhalin-south", 1930)
    assert long.short_name_in("ko") == "가라후토" and long.short_name_in("ja") == "樺太"


def places_on(atlas, day: dt.date) -> dict[str, dict]:
    on = {}
    for f in atlas.places:
        if (f.start or dt.date.min) <= day < (f.end or dt.date.max):
            on[f.key] = f.names
    return on


def test_port_arthur_in_every_language(atlas):
    names = {n["en"]: n for n in places_on(atlas, dt.date(1930, 1, 1)).values()}
    port_arthur = next(n for en, n in names.items() if "Port Arthur" in en)
    assert "旅順" in port_arthur["ja"] and "Порт-Артур" in port_arthur["ru"]
    assert "旅顺" in port_arthur["zh"]


def test_place_names_follow_the_period(atlas):
    def dalian(year: int) -> str:
        return places_on(atlas, dt.date(year, 6, 1))["dalian"]["en"]

    assert "Dalny" in dalian(1902) and "Dairen" in dalian(1930) and "Dalian" in dalian(1990)
    southern_kurils = [n for n in places_on(atlas, dt.date(2016, 1, 1)).values()
                       if n["ja"] == "北方領土"]  # fmt: skip
    assert southern_kurils and southern_kurils[0]["ru"] == "Южные Курилы"
    assert not [n for n in places_on(atlas, dt.date(1930, 1, 1)).values() if n["ja"] == "北方領土"]


def test_the_map_gets_every_language_escaped(atlas):
    static = mapdata.static_data(atlas)
    karafuto = next(p for p in static["periods"] if p["names"]["en"] == "Karafuto")
    assert karafuto["names"]["ja"] == "樺太" and karafuto["names"]["ru"].startswith("Карафуто")
    assert len(static["places"]) == len(atlas.places)
    assert all(len(spot["at"]) == 2 for spot in static["labelPoints"])
