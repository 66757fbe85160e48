"""Who held what, on days taken from the record: treaty dates and a day either side.

Each row is (territory, day, controller, status). A controller of None means the territory did
not exist that day (before a railway concession, after Korea's division).
"""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date

RECORD = [
    # Sakhalin: undivided under Shimoda (in force 7 Dec 1856), Russian from St Petersburg
    ("sakhalin-south", D(1850, 1, 1), "japan", "disputed"),
    ("sakhalin-south", D(1856, 12, 6), "japan", "disputed"),
    ("sakhalin-south", D(1856, 12, 7), "japan+russia", "joint"),
    ("sakhalin-north", D(1856, 12, 7), "japan+russia", "joint"),
    ("sakhalin-south", D(1875, 8, 21), "japan+russia", "joint"),
    ("sakhalin-south", D(1875, 8, 22), "russia", "sovereign"),
    ("sakhalin-north", D(1875, 8, 23), "russia", "sovereign"),
    # 1905: invasion, surrender, Portsmouth in force 15 Oct
    ("sakhalin-south", D(1905, 7, 6), "russia", "sovereign"),
    ("sakhalin-south", D(1905, 7, 7), "japan+russia", "contested"),
    ("sakhalin-south", D(1905, 9, 5), "japan", "occupied"),
    ("sakhalin-south", D(1905, 10, 14), "japan", "occupied"),
    ("sakhalin-south", D(1905, 10, 15), "japan", "sovereign"),
    ("sakhalin-north", D(1905, 7, 23), "russia", "sovereign"),
    ("sakhalin-north", D(1905, 7, 24), "japan+russia", "contested"),
    ("sakhalin-north", D(1905, 10, 15), "russia", "sovereign"),
    # North Sakhalin occupied 1920-1925
    ("sakhalin-north", D(1920, 4, 21), "russia", "sovereign"),
    ("sakhalin-north", D(1920, 4, 22), "japan", "occupied"),  # Aleksandrovsk taken (E10)
    ("sakhalin-north", D(1925, 5, 14), "japan", "occupied"),
    ("sakhalin-north", D(1925, 5, 15), "russia", "sovereign"),
    # 1945-46
    ("sakhalin-south", D(1945, 8, 10), "japan", "sovereign"),
    ("sakhalin-south", D(1945, 8, 11), "japan+russia", "contested"),
    ("sakhalin-south", D(1945, 8, 25), "russia", "occupied"),
    ("sakhalin-south", D(1946, 2, 1), "russia", "occupied"),
    ("sakhalin-south", D(1946, 2, 2), "russia", "sovereign"),
    # The Kurils
    ("kurils-north", D(1856, 12, 7), "russia", "sovereign"),
    ("kurils-north", D(1875, 8, 21), "russia", "sovereign"),
    ("kurils-north", D(1875, 8, 22), "japan", "sovereign"),
    ("urup", D(1875, 8, 22), "japan", "sovereign"),
    ("kurils-north", D(1945, 8, 17), "japan", "sovereign"),
    ("kurils-north", D(1945, 8, 18), "japan+russia", "contested"),
    ("kurils-north", D(1945, 8, 23), "russia", "occupied"),
    ("urup", D(1945, 8, 30), "japan", "sovereign"),
    ("urup", D(1945, 8, 31), "russia", "occupied"),
    ("iturup", D(1855, 2, 7), "japan", "sovereign"),
    ("iturup", D(1945, 8, 27), "japan", "sovereign"),
    ("iturup", D(1945, 8, 28), "russia", "occupied"),
    ("iturup", D(1950, 6, 1), "russia", "disputed"),
    ("kunashir", D(1945, 8, 31), "japan", "sovereign"),
    ("kunashir", D(1945, 9, 1), "russia", "occupied"),
    ("shikotan", D(1945, 9, 1), "russia", "occupied"),
    ("shikotan", D(1956, 12, 12), "russia", "disputed"),
    ("habomai", D(1945, 9, 2), "japan", "sovereign"),
    ("habomai", D(1945, 9, 3), "russia", "occupied"),
    ("habomai", D(2016, 12, 15), "russia", "disputed"),
    ("urup", D(2016, 12, 15), "russia", "sovereign"),
    # Port Arthur and the Kwantung lease
    ("kwantung", D(1894, 11, 5), "china", "sovereign"),
    ("kwantung", D(1894, 11, 6), "china+japan", "contested"),  # Jinzhou; Port Arthur falls 21 Nov
    ("kwantung", D(1894, 11, 20), "china+japan", "contested"),
    ("kwantung", D(1894, 11, 21), "japan", "occupied"),
    ("kwantung", D(1895, 5, 8), "japan", "sovereign"),
    ("kwantung", D(1895, 12, 25), "china", "sovereign"),
    ("kwantung", D(1898, 3, 26), "china", "sovereign"),
    ("kwantung", D(1898, 3, 27), "russia", "leased"),
    ("kwantung", D(1905, 1, 1), "japan+russia", "contested"),
    ("kwantung", D(1905, 1, 2), "japan", "occupied"),
    ("kwantung", D(1905, 12, 21), "japan", "occupied"),
    ("kwantung", D(1905, 12, 22), "japan", "leased"),
    ("kwantung", D(1945, 8, 21), "japan", "leased"),
    ("kwantung", D(1945, 8, 22), "china+russia", "joint"),
    ("kwantung", D(1955, 5, 25), "china+russia", "joint"),
    ("kwantung", D(1955, 5, 26), "china", "sovereign"),
    # Railway zones: absent before their concessions
    ("chinese-eastern-railway", D(1896, 9, 7), None, None),
    ("chinese-eastern-railway", D(1896, 9, 8), "russia", "concession"),
    # joint management in force in Manchuria with the Mukden agreement (20 Sep 1924)
    ("chinese-eastern-railway", D(1924, 5, 31), "china", "sovereign"),
    ("chinese-eastern-railway", D(1924, 9, 19), "china", "sovereign"),
    ("chinese-eastern-railway", D(1924, 9, 20), "china+russia", "joint"),
    # the Boxer war: the railway zones a front like Manchuria, Jul to Oct 1900
    ("chinese-eastern-railway", D(1900, 7, 16), "russia", "concession"),
    ("chinese-eastern-railway", D(1900, 8, 1), "china+russia", "contested"),
    ("chinese-eastern-railway", D(1900, 10, 1), "russia", "concession"),
    ("south-manchuria-railway", D(1900, 8, 1), "china+russia", "contested"),
    ("south-manchuria-railway", D(1900, 10, 1), "russia", "concession"),
    ("chinese-eastern-railway", D(1935, 3, 22), "japan+russia", "joint"),
    ("chinese-eastern-railway", D(1935, 3, 23), "japan", "puppet"),
    ("south-manchuria-railway", D(1898, 3, 26), None, None),
    ("south-manchuria-railway", D(1898, 3, 27), "russia", "concession"),
    ("south-manchuria-railway", D(1905, 12, 22), "japan", "concession"),
    ("south-manchuria-railway", D(1952, 12, 30), "china+russia", "joint"),
    ("south-manchuria-railway", D(1952, 12, 31), "china", "sovereign"),
    # Manchuria, Manchukuo and Jehol
    ("manchuria", D(1900, 7, 16), "china", "sovereign"),
    ("manchuria", D(1900, 7, 17), "china+russia", "contested"),  # a war front until Mukden falls
    ("manchuria", D(1900, 9, 30), "china+russia", "contested"),
    ("manchuria", D(1900, 10, 1), "russia", "occupied"),
    ("manchuria", D(1904, 2, 8), "japan+russia", "contested"),
    ("manchuria", D(1931, 9, 17), "china", "sovereign"),
    ("manchuria", D(1931, 9, 18), "china+japan", "contested"),
    ("manchuria", D(1932, 3, 1), "japan", "puppet"),
    ("manchuria", D(1945, 8, 9), "japan+russia", "contested"),
    ("manchuria", D(1945, 8, 19), "russia", "occupied"),
    ("manchuria", D(1949, 10, 1), "china", "sovereign"),
    ("jehol", D(1933, 3, 3), "china+japan", "contested"),
    ("jehol", D(1933, 3, 4), None, None),
    # Korea
    # 1894: the palace seized (23 Jul), a war front to Pyongyang (15-16 Sep), then occupation
    ("korea", D(1894, 7, 22), "korea", "sovereign"),
    ("korea", D(1894, 7, 23), "china+japan", "contested"),
    ("korea", D(1894, 9, 15), "china+japan", "contested"),
    ("korea", D(1894, 9, 16), "japan", "occupied"),
    ("korea", D(1895, 5, 7), "japan", "occupied"),
    ("korea", D(1895, 5, 8), "korea", "sovereign"),
    # 1904: Japanese troops in Seoul from 9 Feb (the protocol of 23 Feb)
    ("korea", D(1904, 2, 8), "korea", "sovereign"),
    ("korea", D(1904, 2, 9), "japan", "occupied"),
    ("korea", D(1905, 11, 16), "japan", "occupied"),
    ("korea", D(1905, 11, 17), "japan", "protectorate"),
    ("korea", D(1910, 8, 28), "japan", "protectorate"),
    ("korea", D(1910, 8, 29), "japan", "sovereign"),
    ("korea", D(1945, 8, 9), "japan", "sovereign"),
    ("korea", D(1945, 8, 10), None, None),
    ("korea-north", D(1945, 8, 9), None, None),
    ("korea-north", D(1945, 8, 10), "japan+russia", "contested"),
    ("korea-north", D(1945, 8, 24), "russia", "occupied"),
    ("korea-south", D(1945, 9, 8), "japan", "sovereign"),
    ("korea-south", D(1945, 9, 9), "usa", "occupied"),
    ("korea-south", D(1948, 8, 15), "south-korea", "sovereign"),
    ("korea-north", D(1948, 9, 9), "north-korea", "sovereign"),
    ("korea-north", D(1950, 6, 25), "north-korea+south-korea", "contested"),
    ("korea-north", D(1953, 7, 27), "north-korea", "sovereign"),
    # Amur, Primorye, Kiautschou
    ("amur", D(1858, 5, 27), "china", "disputed"),
    ("amur", D(1858, 5, 28), "russia", "sovereign"),
    ("primorye", D(1858, 5, 28), "china+russia", "joint"),
    ("primorye", D(1860, 11, 13), "china+russia", "joint"),
    ("primorye", D(1860, 11, 14), "russia", "sovereign"),
    ("primorye", D(1922, 10, 24), "japan", "occupied"),
    ("primorye", D(1922, 10, 25), "far-eastern-republic", "sovereign"),
    ("primorye", D(1922, 11, 15), "russia", "sovereign"),
    # the war opens at Port Arthur on the night of 8-9 Feb 1904
    ("kwantung", D(1904, 2, 7), "russia", "leased"),
    ("kwantung", D(1904, 2, 8), "japan+russia", "contested"),
    # the Ussuri front until Khabarovsk falls (5 Sep 1918)
    ("primorye", D(1918, 8, 11), "japan+russia", "contested"),
    ("primorye", D(1918, 9, 4), "japan+russia", "contested"),
    ("primorye", D(1918, 9, 5), "japan", "occupied"),
    ("kiautschou", D(1898, 3, 6), "germany", "leased"),
    ("kiautschou", D(1914, 11, 7), "japan", "occupied"),
    ("kiautschou", D(1922, 12, 10), "china", "sovereign"),
    # Saint Petersburg in force (ratifications exchanged 22 Aug 1875): all Sakhalin Russian
    ("sakhalin-north", D(1875, 8, 22), "russia", "sovereign"),
    # the Russian garrison's surrender (31 Jul 1905): Japan holds the whole island until
    # Portsmouth returns the north
    ("sakhalin-north", D(1905, 7, 31), "japan", "occupied"),
    ("sakhalin-south", D(1905, 7, 31), "japan", "occupied"),
    # the Soviet decree of 2 Feb 1946: the Kurils annexed; Japan claims the southern four
    ("kurils-north", D(1946, 2, 2), "russia", "sovereign"),
    ("urup", D(1946, 2, 2), "russia", "sovereign"),
    ("iturup", D(1946, 2, 2), "russia", "disputed"),
    ("kunashir", D(1946, 2, 2), "russia", "disputed"),
    ("shikotan", D(1946, 2, 2), "russia", "disputed"),
    ("habomai", D(1946, 2, 2), "russia", "disputed"),
]
ISLANDS = (
    "sakhalin-south",
    "sakhalin-north",
    "kurils-north",
    "urup",
    "iturup",
    "kunashir",
    "shikotan",
    "habomai",
)


@pytest.mark.parametrize(
    ("territory", "day", "controller", "status"), RECORD, ids=[f"{t}-{d}" for t, d, _, _ in RECORD]
)
def test_controller_and_status_on_the_day(atlas, territory, day, controller, status):
    assert atlas.controller(territory, day) == controller
    period = atlas.period(territory, day)
    assert (period.status if period else None) == status


def test_every_change_on_sakhalin_and_the_kurils_is_pinned_by_the_record(atlas):
    """Each day the atlas changes who holds Sakhalin or a Kuril group is a day the record above
    (taken from the treaties and the reference works) checks: no change goes unchecked."""
    pinned = {(t, day) for t, day, _, _ in RECORD}
    unchecked = [(c.territory, str(c.date)) for c in atlas.timeline.changes
                 if c.territory in ISLANDS and (c.territory, c.date) not in pinned]  # fmt: skip
    assert not unchecked


def test_iturup_on_1_june_1950(atlas):
    period = atlas.period("iturup", dt.date(1950, 6, 1))
    assert period.controller_name(dt.date(1950, 6, 1)) == "Soviet Union"
    assert period.claimant == "japan"
    assert "1946" in period.instrument


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (1900, "Russian Empire"),
        (1917, "Soviet Russia"),
        (1950, "Soviet Union"),
        (2016, "Russian Federation"),
    ],
)
def test_russia_is_named_for_the_date(atlas, year, name):
    row = atlas.snapshot(year).set_index("territory").loc["sakhalin-north"]
    assert row.controller == "russia"
    assert row.controller_name == name


@pytest.mark.parametrize(
    ("territory", "year", "name"),
    [
        ("sakhalin-south", 1930, "Karafuto"),
        ("manchuria", 1940, "Manchukuo"),
        ("kwantung", 1930, "Kwantung Leased Territory (Kantōshū)"),
        ("korea", 1930, "Chōsen"),
    ],
)
def test_territories_carry_the_name_of_their_period(atlas, territory, year, name):
    assert atlas.period(territory, year).name == name


def test_manchukuo_counts_as_japans_puppet(atlas):
    row = atlas.snapshot(1940).set_index("territory").loc["manchuria"]
    assert (row.controller, row.status, row["name"]) == ("japan", "puppet", "Manchukuo")


def test_southern_kurils_are_disputed_by_japan_today(atlas):
    today = atlas.snapshot(dt.date.today()).set_index("territory")
    for t in ("iturup", "kunashir", "shikotan", "habomai"):
        assert (today.loc[t].controller, today.loc[t].status) == ("russia", "disputed")
        assert today.loc[t].claimant == "japan"
    assert today.loc["urup"].status == "sovereign"
