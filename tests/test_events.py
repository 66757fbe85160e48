"""Dated events: the battles, treaties, conferences and meetings the essay names or implies."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest

from mapcore.validate import EVENT_KINDS


def test_events_from_putyatin_at_nagasaki_to_abe_and_putin(atlas):
    events = atlas.all_events()
    assert len(events) >= 40
    assert events[0].name.startswith("Putyatin") and events[0].date == dt.date(1853, 8, 22)
    shimoda = next(e for e in events if e.name == "Treaty of Shimoda")
    assert shimoda.date == dt.date(1855, 2, 7)
    assert any("Abe" in e.name and "Putin" in e.name for e in events)
    assert {e.kind for e in events} <= set(EVENT_KINDS)
    assert {"battle", "treaty", "conference", "meeting"} <= {e.kind for e in events}


def test_events_the_essay_names(atlas):
    names = " | ".join(e.name for e in atlas.all_events())
    for what in (
        "Tsushima",
        "Portsmouth",
        "Port Arthur",
        "Yalta",
        "Potsdam",
        "Khalkhin Gol",
        "Neutrality Pact",
        "Mukden",
    ):
        assert what in names, what


def test_a_years_events_and_a_days_events(atlas):
    y1905 = atlas.events(1905)
    assert all(e.in_year(1905) for e in y1905)
    assert any(e.name == "Treaty of Portsmouth" for e in y1905)
    day = atlas.events(dt.date(1905, 5, 27))
    assert [e.name for e in day if e.kind == "battle"] == ["Battle of Tsushima"]
    assert atlas.events(dt.date(1905, 5, 26)) == [
        e for e in atlas.events(dt.date(1905, 5, 26)) if e.on(dt.date(1905, 5, 26))
    ]


def test_multi_day_events_count_on_each_day(atlas):
    siege = next(e for e in atlas.all_events() if e.name == "Siege of Port Arthur")
    assert siege in atlas.events(dt.date(1904, 10, 1)) and siege in atlas.events(1904)
    assert siege in atlas.events(1905)


def test_events_are_at_real_places(atlas):
    by_name = {e.name: e for e in atlas.all_events()}
    portsmouth = by_name["Treaty of Portsmouth"]
    assert -71 < portsmouth.lon < -70 and 43 < portsmouth.lat < 43.2  # New Hampshire, off-map
    tsushima = by_name["Battle of Tsushima"]
    assert 129 < tsushima.lon < 131 and 33.5 < tsushima.lat < 35
    for e in atlas.all_events():
        assert e.description and e.source and -180 <= e.lon <= 180 and -90 <= e.lat <= 90


# -- the events of issue 10 -------------------------------------------------------------------

MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def by_name(atlas, name: str):
    found = [e for e in atlas.all_events() if e.name == name]
    assert len(found) == 1, f"{name!r}: {len(found)} events"
    return found[0]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Julian calendar date, through the Julian day number."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


def test_the_julian_helper_knows_the_gap_of_each_century():
    assert julian_to_gregorian(1855, 1, 26) == dt.date(1855, 2, 7)  # 12 days in the 19th century
    assert julian_to_gregorian(1900, 2, 29) == dt.date(
        1900, 3, 13
    )  # a Julian leap day, not Gregorian
    assert julian_to_gregorian(1917, 10, 25) == dt.date(1917, 11, 7)  # 13 days in the 20th
    assert km_between(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)


def test_at_least_165_events_each_once(atlas):
    events = atlas.all_events()
    assert len(events) >= 165
    assert len({e.name for e in events}) == len(events)
    for e in events:
        assert e.end is None or e.end > e.date, e.name
        assert e.place and e.description and e.source, e.name


# Where each event happened, from a reference other than data/events.csv (the source is noted).
REAL_PLACES = [
    # Wikipedia, 'Harbin railway station': 45°45′28″N 126°37′28″E
    ("Assassination of Itō Hirobumi", 45.75778, 126.62444),
    # Wikipedia, 'Battle of Chemulpo Bay', infobox: 37°20.8′N 126°31.37′E
    ("Battle of Chemulpo Bay", 37.3467, 126.52283),
    # Wikipedia, 'Kasatka Bay' (Hitokappu Bay): 44°57′54″N 147°40′19″E
    ("Kido Butai sails from Hitokappu Bay", 44.965, 147.672),
    # Pacific War Online Encyclopedia, 'Hittokapu Bay': 147.63E 44.93N
    ("Kido Butai sails from Hitokappu Bay", 44.93, 147.63),
    # Wikipedia, 'Ōtsu incident': 35°00′25″N 135°51′53″E
    ("Ōtsu incident", 35.00694, 135.86472),
    # Wikipedia, 'Assassination of Empress Myeongseong' (Okhoru, Geoncheonggung)
    ("Murder of Queen Min (Eulmi incident)", 37.583138, 126.977239),
    # Wikipedia, 'Korean Air Lines Flight 007', site: 46°34′N 141°17′E
    ("Korean Air Lines Flight 007 shot down", 46.567, 141.283),
    # GlobalSecurity, 'Nuclear Weapons Test - 9 October 2006': USGS epicentre 41.311°N 129.114°E
    ("North Korea's first nuclear test", 41.311, 129.114),
    # Wikipedia, 'Mukden incident': 41.834610°N 123.465984°E
    ("Mukden Incident", 41.834610, 123.465984),
    # Wikipedia, 'Battle of Lüshunkou', infobox (research notes, events.csv): 38.835, 121.28
    ("Battle of Lüshunkou", 38.835, 121.28),
    # Wikipedia, 'Battles of Khalkhin Gol', infobox: 47.73028°N 118.59°E
    ("Battles of Khalkhin Gol", 47.73028, 118.59),
    # Wikipedia, 'Battle of Shumshu', infobox: 50.733°N 156.317°E
    ("Battle of Shumshu", 50.733, 156.317),
    # German Wikipedia, 'Chassansee' (Lake Khasan): 42°26′55″N 130°36′29″E
    ("Battle of Lake Khasan", 42.44861, 130.60806),
    # Wikipedia, 'Livadiya, Crimea' (Livadia Palace, Yalta Conference): 44°28′15″N 34°8′38″E
    ("Yalta Conference", 44.47083, 34.14389),
    # Wikipedia, 'Battle of Tsushima', infobox (research notes, events.csv): 34.566283, 130.150933
    ("Battle of Tsushima", 34.566283, 130.150933),
]


@pytest.mark.parametrize(("name", "lat", "lon"), REAL_PLACES)
def test_events_lie_within_5_km_of_the_real_place(atlas, name, lat, lon):
    e = by_name(atlas, name)
    assert km_between(e.lat, e.lon, lat, lon) <= 5.0, (name, e.lat, e.lon)


def test_the_cer_contract_note_gives_the_right_chinese_dates(atlas):
    e = by_name(atlas, "Chinese Eastern Railway contract")
    assert e.date == dt.date(1896, 9, 8)
    # 27 Aug 1896 in the Julian calendar is the event's Gregorian day.
    assert "27 Aug 1896 (Julian)" in e.notes
    assert julian_to_gregorian(1896, 8, 27) == e.date
    # 8 Sep 1896 is the 2nd day of the 8th moon; the 25th day of the 7th moon is 2 Sep.
    assert "8 Sep 1896, the 2nd day of the 8th moon of Guangxu 22" in e.notes
    assert "25th day of the 7th moon of Guangxu 22, which is 2 Sep 1896" in e.notes


def test_rehe_note_and_chengde_fall_on_the_day_the_map_changes(atlas):
    rehe = by_name(atlas, "Battle of Rehe")
    assert (rehe.date, rehe.end) == (dt.date(1933, 2, 21), dt.date(1933, 3, 1))
    assert "late Feb to early Mar" not in rehe.notes
    assert "Chengde" in rehe.notes and "4 Mar 1933" in rehe.notes
    # The atlas's map adds Jehol to Manchukuo the day Chengde fell.
    contested = atlas.period("jehol", dt.date(1933, 3, 1))
    assert contested is not None and contested.end == dt.date(1933, 3, 4)
    assert atlas.period("jehol", dt.date(1933, 3, 4)) is None
    chengde = [e for e in atlas.events(dt.date(1933, 3, 4)) if "Chengde" in e.name]
    assert [e.name for e in chengde] == ["Japanese troops enter Chengde"]


def test_manchukuo_was_not_proclaimed_at_hsinking(atlas):
    e = by_name(atlas, "Manchukuo proclaimed")
    assert e.date == dt.date(1932, 3, 1)
    assert "Hsinking" not in e.place and "Mukden" in e.place
    assert "Changchun" in e.notes and "14 Mar 1932" in e.notes
    # Mukden's own coordinates (Wikipedia, 'Shenyang': 41°48′N 123°26′E), not Changchun's.
    assert km_between(e.lat, e.lon, 41.80, 123.43) < 5
    # Nothing is placed at "Hsinking" before the city had that name.
    for other in atlas.all_events():
        if "Hsinking" in other.place:
            assert other.date >= dt.date(1932, 3, 14), other.name


def test_the_retrocession_is_dated_in_the_meiji_and_guangxu_calendars(atlas):
    e = by_name(atlas, "Liaodong retrocession convention")
    assert "Julian" not in e.notes
    meiji = re.search(r"(\d+)th day of the (\d+)th month of Meiji (\d+)", e.notes)
    assert meiji, e.notes
    day, month, year = map(int, meiji.groups())
    # Japan has counted Gregorian months since 1873; Meiji 1 is 1868.
    assert dt.date(1867 + year, month, day) == e.date
    assert "22nd day of the 9th moon of Guangxu 21" in e.notes


def test_north_sakhalin_1920_event_and_period_agree(atlas):
    e = by_name(atlas, "Japanese occupation of North Sakhalin begins")
    period = atlas.period("sakhalin-north", e.date)
    assert period is not None and period.controller == "japan" and period.start == e.date
    for notes in (e.notes, period.notes):
        assert "21 Apr 1920" in notes and "22 Apr" in notes and "3 Jul 1920" in notes
        assert "Aleksandrovsk" in notes
    # The period no longer says the landing was on the 21st.
    assert "landing at Aleksandrovsk 21 Apr" not in period.notes


def test_julian_dates_in_the_notes_convert_to_the_events_days(atlas):
    pattern = re.compile(r"(\d{1,2}) ([A-Z][a-z]{2})[a-z]* (\d{4}) \(Julian\)")
    checked = 0
    for e in atlas.all_events():
        for day, month, year in pattern.findall(e.notes):
            new_style = julian_to_gregorian(int(year), MONTHS[month], int(day))
            assert new_style in (e.date, e.end), (e.name, new_style)
            checked += 1
    assert checked >= 20


ESSAY_EVENTS = [
    ("Putyatin's squadron arrives at Nagasaki", dt.date(1853, 8, 22), None),
    ("Tsushima (Posadnik) incident", dt.date(1861, 3, 13), dt.date(1861, 9, 19)),
    ("Provisional Sakhalin Arrangement", dt.date(1867, 3, 30), None),
    ("Japan–Korea Treaty of 1876 (Ganghwa Treaty)", dt.date(1876, 2, 26), None),
    ("Ōtsu incident", dt.date(1891, 5, 11), None),
    ("Battle of Pungdo", dt.date(1894, 7, 25), None),
    ("Japan and China declare war", dt.date(1894, 8, 1), None),
    ("Battle of Pyongyang (1894)", dt.date(1894, 9, 15), None),
    ("Battle of the Yalu River (1894)", dt.date(1894, 9, 17), None),
    ("Murder of Queen Min (Eulmi incident)", dt.date(1895, 10, 8), None),
    (
        "King Gojong takes refuge in the Russian legation",
        dt.date(1896, 2, 11),
        dt.date(1897, 2, 20),
    ),
    ("Komura–Weber Memorandum", dt.date(1896, 5, 14), None),
    ("Yamagata–Lobanov Protocol", dt.date(1896, 6, 9), None),
    ("Nishi–Rosen Agreement", dt.date(1898, 4, 25), None),
    ("Blagoveshchensk massacre", dt.date(1900, 7, 17), dt.date(1900, 7, 21)),
    ("Japan breaks off relations with Russia", dt.date(1904, 2, 6), None),
    ("Battle of Chemulpo Bay", dt.date(1904, 2, 9), None),
    ("Battle of Nanshan", dt.date(1904, 5, 24), dt.date(1904, 5, 26)),
    ("Battle of the Yellow Sea", dt.date(1904, 8, 10), None),
    ("Battle of Liaoyang", dt.date(1904, 8, 24), dt.date(1904, 9, 4)),
    ("Bloody Sunday", dt.date(1905, 1, 22), None),
    ("Taft–Katsura memorandum", dt.date(1905, 7, 27), None),
    ("Hibiya riots", dt.date(1905, 9, 5), dt.date(1905, 9, 7)),
    ("Assassination of Itō Hirobumi", dt.date(1909, 10, 26), None),
    ("Karakhan Manifesto", dt.date(1919, 7, 25), None),
    ("Japanese attack in Primorye (April 1920)", dt.date(1920, 4, 4), dt.date(1920, 4, 5)),
    ("Far Eastern Republic proclaimed", dt.date(1920, 4, 6), None),
    ("Japan announces its withdrawal from Siberia", dt.date(1922, 6, 24), None),
    ("Japan gives notice of leaving the League of Nations", dt.date(1933, 3, 27), None),
    ("Anti-Comintern Pact", dt.date(1936, 11, 25), None),
    ("Molotov–Ribbentrop Pact", dt.date(1939, 8, 23), None),
    ("Tripartite Pact", dt.date(1940, 9, 27), None),
    ("Kido Butai sails from Hitokappu Bay", dt.date(1941, 11, 26), None),
    ("Attack on Pearl Harbor", dt.date(1941, 12, 7), None),
    ("Truman sends General Order No. 1 to Stalin", dt.date(1945, 8, 15), None),
    ("Stalin asks for northern Hokkaido", dt.date(1945, 8, 16), None),
    ("Truman refuses Stalin northern Hokkaido", dt.date(1945, 8, 18), None),
    ("Incheon landing", dt.date(1950, 9, 15), dt.date(1950, 9, 19)),
    ("Chinese People's Volunteers cross the Yalu", dt.date(1950, 10, 19), None),
    ("Japan joins the United Nations", dt.date(1956, 12, 18), None),
    ("Soviet memorandum on the islands", dt.date(1960, 1, 27), None),
    ("Tanaka–Brezhnev summit", dt.date(1973, 10, 7), dt.date(1973, 10, 10)),
    ("Treaty of Peace and Friendship between Japan and China", dt.date(1978, 8, 12), None),
    ("Korean Air Lines Flight 007 shot down", dt.date(1983, 9, 1), None),
    ("Krasnoyarsk summit", dt.date(1997, 11, 1), dt.date(1997, 11, 2)),
    ("Kawana summit", dt.date(1998, 4, 18), dt.date(1998, 4, 19)),
    ("Putin in Pyongyang", dt.date(2000, 7, 19), dt.date(2000, 7, 20)),
    ("North Korea's first nuclear test", dt.date(2006, 10, 9), None),
    ("Abe in Moscow", dt.date(2013, 4, 29), None),
    ("Russia's constitution bans giving up territory", dt.date(2020, 7, 4), None),
    (
        "Russia–North Korea Treaty on Comprehensive Strategic Partnership",
        dt.date(2024, 6, 19),
        None,
    ),
]


@pytest.mark.parametrize(("name", "first", "last"), ESSAY_EVENTS)
def test_the_essays_events_are_on_their_days(atlas, name, first, last):
    e = by_name(atlas, name)
    assert (e.date, e.end) == (first, last)
    assert e in atlas.events(first) and e in atlas.events(last or first)
    assert e not in atlas.events(first - dt.timedelta(days=1))
    assert e not in atlas.events((last or first) + dt.timedelta(days=1))


def test_shimonoseki_signed_once_and_in_force_at_chefoo(atlas):
    signed = [e for e in atlas.events(dt.date(1895, 4, 17)) if "Shimonoseki" in e.name]
    assert [e.name for e in signed] == ["Treaty of Shimonoseki"]
    chefoo = by_name(atlas, "Treaty of Shimonoseki: ratifications exchanged at Chefoo")
    assert chefoo.date == dt.date(1895, 5, 8) and "Art. 11" in chefoo.source
