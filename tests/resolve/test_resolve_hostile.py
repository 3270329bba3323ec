"""Hostile upstreams (a real loopback server, `hostile_server.py`): trickling, hanging,
answering about another act, broken redirects, endless bodies.

Each test that could hang if the defence were missing is bounded by `asyncio.wait_for` or a
subprocess timeout, so a regression fails instead of stalling the suite.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hostile_server import HostileServer

from citecheck.resolve.engine import Resolver, Settings
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, NetConfig, Unavailable

MakeSettings = Callable[..., Settings]
T = TypeVar("T")
GUARD = 20.0  # seconds after which a test counts as hung (the defences act within ~2 s)
#: A CLI run counts as hung when the upstream holds one of its connections this long (its
#: deadline is 1 s: only a client that never gives up gets near), or, whatever it does,
#: after ``CLI_CEILING`` s, far beyond any slow machine's run (a last resort, not a measure).
HELD_LIMIT = 60.0
CLI_CEILING = 600.0
REPO = Path(__file__).resolve().parents[2]


async def bounded(step: Awaitable[T]) -> T:
    """`step`, or a failure if it has not finished within GUARD seconds."""
    try:
        return await asyncio.wait_for(step, GUARD)
    except TimeoutError:
        pytest.fail(f"no answer within {GUARD} s: the run hung on a hostile upstream")


async def get(server: HostileServer, path: str = "/resource/celex/X", **kw: Any) -> object:
    config = NetConfig(
        allowed_hosts=frozenset({server.host}),
        rate_per_host=0.0,
        retries=kw.pop("retries", 0),
        timeout=kw.pop("timeout", 1.0),
        max_bytes=kw.pop("max_bytes", 1024 * 1024),
        backoff_base=0.0,
    )
    async with Fetcher(config) as fetcher:
        try:
            return await bounded(fetcher.get(server.base + path, **kw))
        except Unavailable as exc:
            return exc


async def resolve(settings: Settings, ids: list[str]) -> dict[str, Resolution]:
    resolver = Resolver(settings)
    try:
        return await bounded(resolver.aresolve(ids))
    finally:
        resolver.close()


async def test_trickling_server_is_cut_at_the_overall_deadline() -> None:
    """One byte every 0.2 s would restart a read timeout forever; the deadline holds."""
    with HostileServer("trickle", interval=0.2) as server:
        result = await get(server, timeout=1.0)
        assert isinstance(result, Unavailable)
        assert result.reason == f"{server.host} did not answer within 1 s"
        assert 0 < server.bytes_sent < 600  # it was cut while the body was still coming


async def test_hanging_host_opens_the_circuit_after_a_few_requests(
    make_settings: MakeSettings,
) -> None:
    """Timeouts count towards the breaker at once, not after every id's retries."""
    ids = [f"celex:3201{n}R0001" for n in range(10)]
    with HostileServer("hang") as server:
        settings = make_settings(
            server, timeout=0.3, retries=2, concurrency=2, breaker_threshold=5, suggest=False
        )
        out = await resolve(settings, ids)
        assert len(server.paths) <= settings.breaker_threshold + settings.concurrency
    assert {r.status for r in out.values()} == {Status.UNVERIFIED}
    reasons = [r.reason or "" for r in out.values()]
    assert all("not asked again" in r or "did not answer within" in r for r in reasons)
    assert any("not asked again" in r for r in reasons)


async def test_network_budget_ends_the_network_phase(make_settings: MakeSettings) -> None:
    """With a long per-request timeout, the run's budget still ends the waiting."""
    ids = ["celex:32016R0680", "un:A/HRC/99/1", "ecli:EU:C:2099:1"]
    with HostileServer("hang") as server:
        settings = make_settings(server, timeout=60.0, network_budget=1.0, suggest=False)
        out = await resolve(settings, ids)
    assert set(out) == set(ids)
    for res in out.values():
        assert res.status is Status.UNVERIFIED
        assert "network time budget used up (1 s per run)" in (res.reason or ""), res


async def test_budget_used_up_refuses_new_requests_at_once() -> None:
    with HostileServer("hang") as server:
        config = NetConfig(
            allowed_hosts=frozenset({server.host}), rate_per_host=0.0, timeout=30, budget=0.5
        )
        async with Fetcher(config) as fetcher:
            reasons = []
            for _ in range(3):
                with pytest.raises(Unavailable) as err:
                    await bounded(fetcher.get(server.base + "/x"))
                reasons.append(err.value.reason)
        assert len(server.paths) == 1  # the later two were never sent
    assert all(r.startswith("network time budget used up") for r in reasons)


async def test_wrong_id_notice_does_not_resolve(make_settings: MakeSettings) -> None:
    with HostileServer("wrong-id") as server:
        out = await resolve(make_settings(server, suggest=False), ["celex:32016R0680"])
    res = out["celex:32016R0680"]
    assert res.status is Status.UNVERIFIED and res.title is None
    assert "names celex '32016R0679', not the asked celex '32016R0680'" in (res.reason or "")


async def test_redirect_to_another_id_does_not_resolve(make_settings: MakeSettings) -> None:
    with HostileServer("redirect-other") as server:
        out = await resolve(make_settings(server, suggest=False), ["celex:32016R0680"])
        assert "/resource/celex/32016R0679" in server.paths
    res = out["celex:32016R0680"]
    assert res.status is Status.UNVERIFIED and res.title is None
    assert "redirected the asked celex '32016R0680' to celex '32016R0679'" in (res.reason or "")


async def test_redirect_without_location() -> None:
    with HostileServer("no-location") as server:
        result = await get(server, follow=True)
    assert isinstance(result, Unavailable)
    assert result.reason == f"{server.host} answered 302 without a Location"


async def test_redirect_loop_is_detected() -> None:
    with HostileServer("loop") as server:
        result = await get(server, "/start", follow=True)
        assert server.paths == ["/start", "/loop-b", "/loop-a"]
    assert isinstance(result, Unavailable) and "redirects in a loop" in result.reason


async def test_oversized_chunked_body_is_cut_at_the_limit() -> None:
    """No Content-Length to refuse up front: the limit applies while reading."""
    with HostileServer("oversized") as server:
        result = await get(server, timeout=10.0, max_bytes=1024 * 1024)
        assert server.bytes_sent < 16 * 1024 * 1024  # stopped reading soon after the limit
    assert isinstance(result, Unavailable) and "larger than 1048576 bytes" in result.reason


@pytest.mark.parametrize("mode", ["trickle", "hang"])
def test_check_cli_finishes_against_a_stalling_upstream(tmp_path: Path, mode: str) -> None:
    """`citecheck check --timeout 1` ends with unverified answers and exit 0, not never."""
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "See Regulation (EU) 2016/679 (CELEX 32016R0679) and Directive (EU) 2019/1937.\n",
        encoding="utf-8",
    )
    # the server must never end the stall itself, or a client with no deadline would finish
    with HostileServer(mode, max_seconds=CLI_CEILING + 60) as server:
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
            "CITECHECK_RATE_PER_HOST": "0",
            "CITECHECK_BACKOFF": "0",
            "CITECHECK_RETRIES": "1",
            **{f"CITECHECK_{k.upper()}": v for k, v in server.urls().items()},
        }
        args = ["check", "--format", "json", "--timeout", "1", str(letter)]
        proc = subprocess.Popen(
            [sys.executable, "-m", "citecheck", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        hung, stdout, stderr = _finish(proc, server)
    if hung:
        pytest.fail(f"`citecheck check --timeout 1` hung: {hung}")
    assert proc.returncode == 0, stderr
    assert '"status": "unverified"' in stdout
    assert '"status": "resolved"' not in stdout


def _finish(proc: subprocess.Popen[str], server: HostileServer) -> tuple[str, str, str]:
    """Wait for ``proc`` to end: why it counts as hung ("" when it ended by itself), its
    standard output and error. A slow, loaded machine delays the run but does not keep a
    connection open past its 1 s deadline."""
    started = time.monotonic()
    while True:
        try:
            # the pipes are read while waiting, so a full pipe cannot stall the run
            stdout, stderr = proc.communicate(timeout=0.5)
            return "", stdout, stderr
        except subprocess.TimeoutExpired:
            pass
        held = server.longest_held()
        if held > HELD_LIMIT:
            hung = f"the upstream has held one of its connections {held:.0f} s"
        elif time.monotonic() - started > CLI_CEILING:
            hung = f"still running after {CLI_CEILING:.0f} s"
        else:
            continue
        proc.kill()
        stdout, stderr = proc.communicate()
        return hung, stdout, stderr
