"""What a year brings, in words: the changes grouped by day and instrument."""

from __future__ import annotations

from mapcore.story import change_lines


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
