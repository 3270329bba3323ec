"""Fixtures: a running loopback OAI-PMH server, a fake clock, clients and index files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_clock import FakeClock
from oai_fake import FakeOai

from citecheck.index.db import IndexDB
from citecheck.index.http import PoliteClient


@pytest.fixture
def fake() -> Iterator[FakeOai]:
    with FakeOai().running() as server:
        yield server


@pytest.fixture
def env(fake: FakeOai, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An index path under the test's directory, with the UN source pointed at the fake and
    no politeness delays (the CLI reads these from the environment)."""
    index = tmp_path / "data" / "index.sqlite3"
    monkeypatch.setenv("CITECHECK_UNDL_URL", fake.base_url)
    monkeypatch.setenv("CITECHECK_RATE_PER_HOST", "0")
    monkeypatch.setenv("CITECHECK_BACKOFF", "0")
    monkeypatch.setenv("CITECHECK_INDEX", str(index))
    return index


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
