"""The follow backend's contract, on its in-memory form: a class's latest moment under its
code, a version that rises only with news, codes a class can read off a projector."""

from __future__ import annotations

import datetime as dt
import threading

from atlasapp.follow import ALPHABET, CODE_LENGTH, InMemory, Moment


def test_the_latest_moment_and_a_version_that_rises_only_with_news():
    backend = InMemory(clock=lambda: 100.0)
    code = backend.new_code()
    assert backend.latest(code) is None  # not begun: a follower waits
    first = backend.publish(code, Moment(1905, dt.date(1905, 10, 15), "shimoda-to-abe", 7))
    again = backend.publish(code, Moment(1905, dt.date(1905, 10, 15), "shimoda-to-abe", 7))
    assert first.version == again.version == 1  # the same moment is no news
    moved = backend.publish(code, Moment(1920, None, "shimoda-to-abe", 8))
    assert moved.version == 2 and backend.latest(code) == moved
    assert backend.latest("ZZZZZZ") is None


def test_codes_are_short_unambiguous_and_distinct():
    backend = InMemory()
    codes = {backend.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert not set(ALPHABET) & set("O0I1")  # nothing to misread from the back of the room


def test_sessions_publishing_at_once_lose_no_version():
    backend = InMemory()
    code = backend.new_code()

    def teach(start: int) -> None:
        for year in range(start, start + 50):
            backend.publish(code, Moment(year))

    threads = [threading.Thread(target=teach, args=(1850 + 50 * i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert backend.latest(code).version == 200
