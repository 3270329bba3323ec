"""Fixtures: a running loopback OAI-PMH server, a fake clock, clients and index files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from oai_fake import FakeOai

from citecheck.index.db import IndexDB
from citecheck.index.http import PoliteClient


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


@pytest.fixture
def fake() -> Iterator[FakeOai]:
    with FakeOai().running() as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_client(fake: FakeOai, clock: FakeClock) -> Iterator[Callable[..., PoliteClient]]:
    made: list[PoliteClient] = []

    def make(**kw: Any) -> PoliteClient:
        kw.setdefault("min_interval", 0.0)
        kw.setdefault("retries", 3)
        kw.setdefault("timeout", 10.0)
        client = PoliteClient(fake.base_url, sleep=clock.sleep, clock=clock, **kw)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[IndexDB]:
    with IndexDB(tmp_path / "index.sqlite3", write=True) as index:
        yield index
