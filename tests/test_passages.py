"""The essay's passages: word for word, every paragraph once, each keyed to its years."""

from __future__ import annotations

import datetime as dt

from mapcore.passages import original_lines, parse_years, text_digest

# SHA-256 of the author's file (../shared/essay/russo-japanese-relations.txt), its non-blank lines
# stripped of surrounding spaces and joined with "\n": computed once from the original.
AUTHORS_TEXT_SHA256 = "f263376eab67bf5ea8fc350ef95f8fd12ba792e5e6ed45be179ba450c963c1f6"


def test_passages_rebuild_the_authors_text_exactly(atlas):
    lines = original_lines(atlas.essay_title, atlas.essay_heading, atlas.passages(None))
    assert text_digest(lines) == AUTHORS_TEXT_SHA256
    assert len(lines) == 20


def test_the_authors_typos_are_kept(atlas):
    """Down to the no-break space the author typed after 'gave'."""
    text = "\n".join(p.text for p in atlas.passages(None))
    for typo in (
        "sewing the seeds",
        "The ultimately humiliation",
        "Tsushima Straights",
        "sure up their footing",
        "gave \u00a0Japan",
        "Sakharin",
        "overwhelming Communist",
    ):
        assert typo in text


def test_every_passage_once_in_essay_order(atlas):
    passages = atlas.passages(None)
    assert len(passages) == 18
    assert [p.part for p in passages] == ["essay"] * 12 + ["comment"] * 6
    assert len({p.text for p in passages}) == len(passages)
    assert passages[0].text.startswith("I’m going to keep this brief.")
    assert passages[-1].text.startswith("I think Japan only wants the kuriles")


def test_the_war_of_1904_5_is_found_for_1905(atlas):
    texts = [p.text for p in atlas.passages(1905)]
    assert any("1904-5 Russo-Japanese War" in t for t in texts)
    assert not any("In July 1945 the Big Three" in t for t in texts)


def test_1945_brings_yalta_and_potsdam(atlas):
    ids = {p.id for p in atlas.passages(dt.date(1945, 8, 9))}
    assert {"yalta", "potsdam-august-storm", "border-war-pact"} <= ids


def test_a_passage_for_each_decade(atlas):
    general = {p.id for p in atlas.passages(None) if p.start == 1850 and p.end is None}
    for decade in range(1850, dt.date.today().year + 1, 10):
        years = range(decade, min(decade + 10, dt.date.today().year + 1))
        specific = {p.id for y in years for p in atlas.passages(y)} - general
        assert specific, f"no passage speaks of the {decade}s"


def test_the_comments_speak_of_todays_dispute(atlas):
    comments = [p for p in atlas.passages(None) if p.part == "comment"]
    assert all(p.speaks_of(dt.date.today().year) for p in comments)
    assert all(p in atlas.passages(2016) for p in comments)


def test_year_ranges_read_as_written():
    assert (parse_years("1904-1905").start, parse_years("1904-1905").end) == (1904, 1905)
    assert parse_years("1945").end == 1945
    assert parse_years("1991-").end is None
    assert 2016 in parse_years("1991-")


def test_the_essays_mentions_name_the_atlas_features_in_the_authors_words(atlas):
    """Each mention is an exact phrase of its passage (the text unchanged: the essay's digest
    still holds) and names a territory, group, place or event of the atlas."""
    from mapcore.vocab import GROUPS, TERRITORIES

    keys = set(TERRITORIES) | set(GROUPS) | {f.key for f in atlas.places}
    keys |= {e.key for e in atlas.all_events()}
    mentions = [(p, m) for p in atlas.passages(None) for m in p.mentions]
    assert len(mentions) >= 40
    for p, m in mentions:
        assert m.phrase in p.text and m.ref in keys, (p.id, m)
    by_passage = {p.id: {m.phrase: m.ref for m in p.mentions} for p in atlas.passages(None)}
    assert by_passage["war-1904"]["Port Arthur"] == "kwantung"
    assert by_passage["comment-yalta"]["Sakharin"] == "sakhalin"  # the author's typo, kept
    assert by_passage["potsdam-august-storm"]["the 38th parallel"] == "korea-38n"
