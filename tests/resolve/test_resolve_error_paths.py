"""Error paths that had no test: the resolver's memory, a source that raises, the cache's lock
retries and rollbacks, and ODS's odd replies."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
import respx
from fakeserver import FakeServer

from citecheck.resolve import cache as cache_mod
from citecheck.resolve.cache import Cache
from citecheck.resolve.engine import Resolver, Settings
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, NetConfig, Unavailable
from citecheck.resolve.sources import ods

MakeSettings = Callable[..., Settings]


def test_forget_unverified_keeps_definite_answers(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    """Only `unverified` answers are forgotten: a `not_found` or `resolved` one is not asked
    again (forgetting them would make a language server hammer the sources)."""
    resolver = Resolver(make_settings(fake, use_cache=False, suggest=False))
    ids = ["un:A/HRC/RES/17/31", "un:A/HRC/41/35"]
    try:
        first = resolver.resolve(ids)
        assert first["un:A/HRC/RES/17/31"].status is Status.NOT_FOUND
        assert first["un:A/HRC/41/35"].status is Status.RESOLVED
        asked = len(fake.log)
        resolver.forget_unverified(ids)
        assert resolver.resolve(ids) == first
        assert len(fake.log) == asked
    finally:
        resolver.close()


class Exploding:
    """A source whose code fails: its ids must be unverified, the others unaffected."""

    name: ClassVar[str] = "exploding"
    schemes: ClassVar[tuple[str, ...]] = ("boom",)
    needs_network: ClassVar[bool] = True
    enabled_by: ClassVar[str | None] = None

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        pass

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        raise RuntimeError("bug in the source")


def test_a_source_that_raises_makes_its_ids_unverified(
    make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.resolve import engine
    from citecheck.resolve.sources import sources_for_scheme

    registry = {**sources_for_scheme(), "boom": (Exploding,)}
    monkeypatch.setattr(engine, "sources_for_scheme", lambda: registry)
    resolver = Resolver(make_settings(suggest=False))
    try:
        out = resolver.resolve(["boom:1", "gc:CCPR/34"])
    finally:
        resolver.close()
    assert out["boom:1"].status is Status.UNVERIFIED
    assert "internal error in the exploding source" in (out["boom:1"].reason or "")
    assert "bug in the source" in (out["boom:1"].reason or "")
    assert out["gc:CCPR/34"].status is Status.RESOLVED


# ---- cache: lock retries and rollbacks ------------------------------------------------------


class Flaky:
    def __init__(self, failures: list[Exception]) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)


def test_setup_step_is_retried_while_the_database_is_locked() -> None:
    step = Flaky([sqlite3.OperationalError("database is locked")] * 2)
    cache_mod.retry_locked(step)
    assert step.calls == 3


def test_setup_step_gives_up_after_its_attempts_and_on_other_errors() -> None:
    locked = Flaky([sqlite3.OperationalError("database is busy")] * 5)
    with pytest.raises(sqlite3.OperationalError, match="busy"):
        cache_mod.retry_locked(locked, attempts=3)
    assert locked.calls == 3
    other = Flaky([sqlite3.OperationalError("disk I/O error")])
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        cache_mod.retry_locked(other)
    assert other.calls == 1


def test_a_failed_write_rolls_back_the_whole_batch(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        rows = [
            ("un:A/1", "", "resolved", "{}", 0.0, 1e12),
            ("un:A/2", "", None, "{}", 0.0, 1e12),  # NOT NULL violated half-way
        ]
        with pytest.raises(sqlite3.IntegrityError):
            cache._write(cache_mod._UPSERT, rows)
        assert cache._db.execute("SELECT COUNT(*) FROM answers").fetchone() == (0,)
        assert not cache._db.in_transaction
        good = Resolution(id="un:A/3", status=Status.RESOLVED, source="undl")
        assert cache.put_many([good]) == 1  # the connection is usable again
        assert set(cache.get_many(["un:A/1", "un:A/3"])) == {"un:A/3"}


# ---- ODS's odd replies ----------------------------------------------------------------------

ODS = "https://documents.un.org"
ACCESS = f"{ODS}/api/symbol/access"


async def ask_ods(reply: httpx.Response) -> ods.OdsAnswer | Unavailable:
    config = NetConfig(allowed_hosts=frozenset({"documents.un.org"}), rate_per_host=0.0, retries=0)
    respx.get(ACCESS).mock(return_value=reply)
    async with Fetcher(config) as fetcher:
        try:
            return await ods.check(fetcher, ODS, "A/HRC/41/35")
        except Unavailable as exc:
            return exc


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        (httpx.Response(302, headers={"Location": "/doc/UNDOC/GEN/G19/148/76/PDF"}), "file"),
        (httpx.Response(302, headers={"Location": "/api/x.pdf"}), "file"),
        (httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=b"x"), "file"),
        (httpx.Response(200, headers={"Content-Type": "text/plain"}, content=b"%PDF-1.7"), "file"),
        (httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>"), "no_file"),
        (httpx.Response(404), "no_file"),
    ],
)
@respx.mock
async def test_ods_verdicts(reply: httpx.Response, verdict: str) -> None:
    answer = await ask_ods(reply)
    assert isinstance(answer, ods.OdsAnswer) and answer.verdict.value == verdict
    if verdict == "file":
        assert answer.location and answer.location.startswith(ODS)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (httpx.Response(302), "ODS answered 302 without a Location"),
        (
            httpx.Response(302, headers={"Location": "https://evil.test/a.pdf"}),
            "ODS redirected to evil.test, which is not a configured source host",
        ),
        (
            httpx.Response(302, headers={"Location": "/login?next=x"}),
            "ODS redirected to /login, which does not look like a file",
        ),
        (
            httpx.Response(200, headers={"Content-Type": "application/json"}, content=b"{}"),
            "ODS answered 200 with unexpected content type 'application/json'",
        ),
        (httpx.Response(403), "ODS answered HTTP 403"),
        (httpx.Response(503), "documents.un.org answered HTTP 503 (server error)"),
    ],
)
@respx.mock
async def test_ods_odd_replies_are_unavailable(reply: httpx.Response, reason: str) -> None:
    answer = await ask_ods(reply)
    assert isinstance(answer, Unavailable) and answer.reason == reason
