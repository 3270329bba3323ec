"""Shared fixtures: a running fake server and fast settings pointing at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer

from citecheck.resolve.settings import Settings, settings_from_env

FAST: dict[str, Any] = {
    "timeout": 2.0,
    "retries": 2,
    "backoff_base": 0.0,
    "rate_per_host": 0.0,
    "concurrency": 8,
}


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with FakeServer().running() as server:
        yield server


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings with no waiting and a private cache; `fake=` points URLs at a fake server."""

    def make(fake: FakeServer | None = None, **overrides: Any) -> Settings:
        # no index unless a test gives one: a developer's own index must not change answers
        values: dict[str, Any] = {**FAST, "cache_dir": tmp_path / "cache", "use_index": False}
        if fake is not None:
            values.update(fake.urls())
        values.update(overrides)
        return settings_from_env(env={}, **values)

    return make
