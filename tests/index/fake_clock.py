"""A clock for tests of pacing and back-off: it moves only when slept on."""

from __future__ import annotations


class FakeClock:
    """A clock that only moves when slept on: pacing and Retry-After need no real waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
