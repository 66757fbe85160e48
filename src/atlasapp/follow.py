"""The class following its teacher: a teacher's console publishes the moment it shows under a
short class code; every page that follows the code (the projector, the students' devices)
reads the latest moment and shows it.

The mechanism is this small interface. `InMemory` serves one process (a laptop in class): the
console and every follower are sessions of the same server. Several replicas behind a load
balancer need a backend they share (README, "Several servers"): a teacher's session and a
student's may be served by different replicas, so no replica's memory holds both.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from mapcore.quiz import Question

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 6
KEPT = 256  # classes kept at once; the oldest quiet one goes first
QUIET_AFTER = 12 * 3600  # seconds after which a class nobody published to may be forgotten


@dataclass(frozen=True)
class Quiz:
    """A quiz on the map: the question asked, and whether the teacher has revealed it."""

    question: Question
    revealed: bool = False


@dataclass(frozen=True)
class Moment:
    """What the teacher's console shows, as the class follows it."""

    year: int
    day: dt.date | None = None
    lesson: str | None = None
    stop: int | None = None
    quiz: Quiz | None = None


@dataclass(frozen=True)
class Published:
    version: int  # rises with each new moment of the class
    moment: Moment
    at: float  # time.time() of the publishing


class FollowBackend(Protocol):
    """Where a class's latest moment is kept, for every page that follows it."""

    def new_code(self) -> str: ...

    def publish(self, code: str, moment: Moment) -> Published: ...

    def latest(self, code: str) -> Published | None: ...


class InMemory:
    """One process's classes, shared by its sessions (thread-safe: Streamlit runs each
    session's script in a thread of its own)."""

    def __init__(self, clock=time.time) -> None:
        self._lock = threading.Lock()
        self._classes: dict[str, Published] = {}
        self._clock = clock

    def new_code(self) -> str:
        with self._lock:
            while True:
                code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
                if code not in self._classes:
                    return code

    def publish(self, code: str, moment: Moment) -> Published:
        """Keep `moment` as the class's latest (the same moment again is no new version)."""
        with self._lock:
            now = self._clock()
            last = self._classes.get(code)
            if last is not None and last.moment == moment:
                return last
            published = Published((last.version if last else 0) + 1, moment, now)
            self._classes[code] = published
            self._forget(now)
            return published

    def latest(self, code: str) -> Published | None:
        with self._lock:
            return self._classes.get(code)

    def _forget(self, now: float) -> None:
        if len(self._classes) <= KEPT:
            return
        for code, p in sorted(self._classes.items(), key=lambda item: item[1].at):
            if len(self._classes) <= KEPT or now - p.at < QUIET_AFTER:
                break
            del self._classes[code]
