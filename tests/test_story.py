"""What a year brings, in words: the changes grouped by day and instrument."""

from __future__ import annotations

import datetime as dt

from mapcore.story import change_cards, change_lines, full_day


def test_1875_lists_the_exchange_on_its_day(atlas):
    lines = [line.text() for line in change_lines(atlas.changes(1875))]
    assert all(line.startswith("22 Aug 1875, Treaty of Saint Petersburg") for line in lines)
    assert any("Sakhalin to Russian Empire" in line for line in lines)
    assert any("Chishima (Kuril Islands) to Empire of Japan" in line for line in lines)


def test_one_instrument_moving_two_territories_is_one_line(atlas):
    lines = change_lines(atlas.changes(1856))  # Shimoda in force: both halves of Sakhalin
    assert len(lines) == 1
    assert lines[0].outcomes == ("Sakhalin (undivided): Tokugawa Japan and Russian Empire, joint",)
    railway = [
        line for line in change_lines(atlas.changes(1945)) if "Changchun Railway" in line.text()
    ]
    assert len(railway) == 1  # both railway zones under one agreement


def test_war_fronts_and_occupations_read_plainly(atlas):
    text = " | ".join(line.text() for line in change_lines(atlas.changes(1905)))
    assert "Sakhalin: war front, Empire of Japan vs Russian Empire" in text
    assert "15 Oct 1905, Treaty of Portsmouth (1905), Art. IX" in text


def test_every_change_of_control_has_a_card(atlas):
    """Each change in the atlas is on one card, with its instrument and its source."""
    cards = change_cards(atlas)
    on_cards = {(c.day, t) for c in cards for t in c.territories}
    assert on_cards == {(c.date, c.territory) for c in atlas.timeline.changes}
    assert all(c.instrument and c.source and c.was and c.now for c in cards)


def test_a_card_names_who_held_it_before_and_after_with_the_article(atlas):
    portsmouth = dt.date(1905, 10, 15)
    card = next(c for c in change_cards(atlas)
                if c.day == portsmouth and "sakhalin-south" in c.territories)  # fmt: skip
    assert card.day_text == "15 October 1905"
    assert card.was == "Empire of Japan (military occupation)" and card.now == "Empire of Japan"
    assert "Art. IX" in card.instrument and "Portsmouth" in card.source
    assert "Treaty of Portsmouth comes into force" in card.events
    text = card.text()
    assert text.startswith("15 October 1905. Karafuto: Empire of Japan (military occupation) → ")
    assert "Instrument: Treaty of Portsmouth (1905), Art. IX" in text


def test_a_card_says_a_front_and_a_client_state_once(atlas):
    card = next(c for c in change_cards(atlas)
                if c.day == dt.date(1945, 8, 9) and "manchuria" in c.territories)  # fmt: skip
    assert card.was == "Manchukuo (Japanese client state)"  # its label says it: no "(puppet)"
    assert card.now == "Empire of Japan vs Soviet Union (contested: a war front)"


def test_changes_that_read_alike_share_a_card(atlas):
    """One instrument moving both railway zones alike is one card naming both."""
    cards = [c for c in change_cards(atlas) if c.day == dt.date(1945, 8, 22)]
    railway = [c for c in cards if "Changchun Railway" in c.name]
    assert len(railway) == 1
    assert set(railway[0].territories) == {"chinese-eastern-railway", "south-manchuria-railway"}


def test_a_day_in_full():
    assert full_day(dt.date(1945, 8, 20)) == "20 August 1945"
