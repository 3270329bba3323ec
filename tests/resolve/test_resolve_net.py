"""The HTTP client: retries, Retry-After, breaker, allow-list, redirects, size limit, offline."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx
from fakeserver import shared

from citecheck.resolve.net import (
    USER_AGENT,
    Fetcher,
    NetConfig,
    NoNetworkTransport,
    Unavailable,
    parse_retry_after,
    parse_xml,
)

HOST = "src.test"
URL = f"https://{HOST}/x"


def config(**kw: object) -> NetConfig:
    values: dict[str, object] = {
        "allowed_hosts": frozenset({HOST, "other.test"}),
        "rate_per_host": 0.0,
        "retries": 2,
        "backoff_base": 0.01,
    }
    values.update(kw)
    return NetConfig(**values)  # type: ignore[arg-type]


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


async def fetch(cfg: NetConfig, url: str = URL, **kw: object) -> tuple[Fetcher, Sleeps, object]:
    sleeps = Sleeps()
    async with Fetcher(cfg, sleep=sleeps, rng=lambda: 1.0) as f:
        try:
            result: object = await f.get(url, **kw)  # type: ignore[arg-type]
        except Unavailable as exc:
            result = exc
    return f, sleeps, result


@respx.mock
async def test_429_retry_after_is_honoured_then_success() -> None:
    route = respx.get(URL).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(200, text="ok"),
        ]
    )
    f, sleeps, reply = await fetch(config())
    assert route.call_count == 2
    assert sleeps.calls == [3.0]
    assert getattr(reply, "status", None) == 200
    assert f.requests == 2


@respx.mock
async def test_retry_after_too_long_gives_up_without_waiting() -> None:
    respx.get(URL).mock(return_value=httpx.Response(503, headers={"Retry-After": "3600"}))
    _, sleeps, result = await fetch(config(max_retry_after=60))
    assert isinstance(result, Unavailable)
    assert "3600" in result.reason and "503" in result.reason
    assert sleeps.calls == []


@respx.mock
async def test_5xx_exhausts_retries_with_backoff() -> None:
    route = respx.get(URL).mock(return_value=httpx.Response(500))
    _, sleeps, result = await fetch(config(retries=2, backoff_base=0.5))
    assert route.call_count == 3
    assert sleeps.calls == [0.5, 1.0]  # exponential (jitter pinned to its maximum)
    assert isinstance(result, Unavailable)
    assert "HTTP 500" in result.reason and "3 attempts" in result.reason


@respx.mock
async def test_empty_202_is_retried_and_never_a_reply() -> None:
    route = respx.get(URL).mock(return_value=httpx.Response(202, content=b""))
    _, _, result = await fetch(config(retries=1))
    assert route.call_count == 2
    assert isinstance(result, Unavailable) and "202" in result.reason


@respx.mock
async def test_waf_challenge_is_not_retried() -> None:
    headers = {"x-amzn-waf-action": "challenge", "content-type": "text/html; charset=UTF-8"}
    route = respx.get(URL).mock(return_value=httpx.Response(202, headers=headers))
    _, sleeps, result = await fetch(config())
    assert route.call_count == 1 and sleeps.calls == []
    assert isinstance(result, Unavailable) and "WAF challenge" in result.reason


@respx.mock
async def test_recorded_eurlex_waf_reply_is_unavailable() -> None:
    raw = shared(
        "eurlex/eurlex-frontend-202-waf-challenge-empty_paytransparency.http.txt"
    ).read_text()
    head = raw.split("\n\n", 1)[0].splitlines()
    status = int(head[0].split()[1])
    headers = [(k, v) for k, _, v in (h.partition(": ") for h in head[1:] if ": " in h)]
    respx.get(URL).mock(return_value=httpx.Response(status, headers=headers, content=b""))
    _, _, result = await fetch(config())
    assert isinstance(result, Unavailable) and "WAF" in result.reason


@respx.mock
async def test_timeouts_and_resets_are_unavailable_after_retries() -> None:
    route = respx.get(URL).mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.ConnectError("x")]
    )
    _, _, result = await fetch(config(retries=2))
    assert route.call_count == 3
    assert isinstance(result, Unavailable) and "connection to src.test failed" in result.reason


@respx.mock
async def test_timeout_reason() -> None:
    respx.get(URL).mock(side_effect=httpx.ReadTimeout("slow"))
    _, _, result = await fetch(config(retries=0, timeout=7))
    assert isinstance(result, Unavailable) and "did not answer within 7 s" in result.reason


@respx.mock
async def test_circuit_opens_after_consecutive_failures() -> None:
    route = respx.get(URL).mock(return_value=httpx.Response(500))
    failures: dict[str, int] = {}
    async with Fetcher(config(retries=0, breaker_threshold=3), failures=failures) as f:
        reasons = []
        for _ in range(5):
            with pytest.raises(Unavailable) as err:
                await f.get(URL)
            reasons.append(err.value.reason)
    assert route.call_count == 3
    assert "not asked again" in reasons[3] and "not asked again" in reasons[4]
    assert failures == {HOST: 3}


@respx.mock
async def test_success_resets_the_breaker_count() -> None:
    respx.get(URL).mock(
        side_effect=[
            httpx.Response(500),
            httpx.Response(500),
            httpx.Response(200),
            httpx.Response(500),
        ]
    )
    failures: dict[str, int] = {}
    async with Fetcher(config(retries=0, breaker_threshold=3), failures=failures) as f:
        for _ in range(2):
            with pytest.raises(Unavailable):
                await f.get(URL)
        assert (await f.get(URL)).status == 200
        with pytest.raises(Unavailable):
            await f.get(URL)
    assert failures[HOST] == 1


@respx.mock
async def test_host_not_allowed_is_never_contacted() -> None:
    route = respx.get("https://evil.test/x").mock(return_value=httpx.Response(200))
    _, _, result = await fetch(config(), url="https://evil.test/x")
    assert route.call_count == 0
    assert isinstance(result, Unavailable) and "not a configured source host" in result.reason


@respx.mock
async def test_redirect_to_allowed_host_is_followed_offhost_refused() -> None:
    respx.get(URL).mock(
        return_value=httpx.Response(303, headers={"Location": "https://other.test/y"})
    )
    respx.get("https://other.test/y").mock(return_value=httpx.Response(200, text="there"))
    _, _, reply = await fetch(config(), follow=True)
    assert getattr(reply, "text", None) == "there"

    respx.get("https://src.test/z").mock(
        return_value=httpx.Response(303, headers={"Location": "https://evil.test/y"})
    )
    evil = respx.get("https://evil.test/y").mock(return_value=httpx.Response(200))
    _, _, result = await fetch(config(), url="https://src.test/z", follow=True)
    assert evil.call_count == 0
    assert isinstance(result, Unavailable) and "redirected to evil.test" in result.reason


@respx.mock
async def test_redirect_not_followed_unless_asked() -> None:
    respx.get(URL).mock(return_value=httpx.Response(302, headers={"Location": "/file.pdf"}))
    _, _, reply = await fetch(config())
    assert getattr(reply, "status", None) == 302


@respx.mock
async def test_body_size_limit() -> None:
    respx.get(URL).mock(return_value=httpx.Response(200, content=b"x" * 5000))
    _, _, result = await fetch(config(max_bytes=1000))
    assert isinstance(result, Unavailable) and "larger than 1000 bytes" in result.reason


@respx.mock
async def test_user_agent_is_sent() -> None:
    route = respx.get(URL).mock(return_value=httpx.Response(200))
    await fetch(config())
    ua = route.calls[0].request.headers["user-agent"]
    assert ua == USER_AGENT and ua.startswith("citecheck/") and "+https://" in ua


async def test_no_network_transport_refuses_everything() -> None:
    transport = NoNetworkTransport()
    _, _, result = await fetch(config(transport=transport))
    assert transport.calls == 1
    assert isinstance(result, Unavailable) and result.reason.startswith("offline")


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past


def test_parse_xml_is_safe_and_strict() -> None:
    bomb = (
        b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>"""
    )
    root = parse_xml(bomb, "test")
    assert "root:" not in (root.text or "")  # external entity not resolved
    with pytest.raises(Unavailable, match="malformed or truncated"):
        parse_xml(b"<collection><record>", "test")
    with pytest.raises(Unavailable, match="empty body"):
        parse_xml(b"  ", "test")
    with pytest.raises(Unavailable, match="larger than"):
        parse_xml(b"<a/>" * 10, "test", max_bytes=8)


@respx.mock
async def test_unreachable_host_is_given_up_after_one_refused_connection() -> None:
    """No network at all must not cost every id its back-off schedule: one probe settles it."""
    route = respx.get(URL).mock(side_effect=httpx.ConnectError("name resolution failed"))
    failures: dict[str, int] = {}
    sleeps = Sleeps()
    async with Fetcher(config(retries=3), failures=failures, sleep=sleeps) as f:
        with pytest.raises(Unavailable) as first:
            await f.get(URL)
        with pytest.raises(Unavailable) as second:
            await f.get(URL)
        assert f.unreachable == {"src.test"}
    assert route.call_count == 1
    assert first.value.reason == second.value.reason == "cannot connect to src.test"


@respx.mock
async def test_a_host_that_answered_before_gets_a_second_connection_attempt() -> None:
    route = respx.get(URL).mock(
        side_effect=[
            httpx.Response(200, text="ok"),
            httpx.ConnectError("reset"),
            httpx.Response(200),
        ]
    )
    async with Fetcher(config(retries=3), sleep=Sleeps()) as f:
        await f.get(URL)
        reply = await f.get(URL)
        assert f.unreachable == set()
    assert reply.status == 200 and route.call_count == 3


@respx.mock
async def test_first_request_to_a_host_has_a_short_connect_timeout() -> None:
    seen: list[dict[str, float | None]] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, text="ok")

    respx.get(URL).mock(side_effect=record)
    async with Fetcher(config(timeout=20.0, connect_timeout=2.0)) as f:
        await f.get(URL)
        await f.get(URL)
    assert seen[0]["connect"] == 2.0 and seen[0]["read"] == 20.0
    assert seen[1]["connect"] == 20.0


async def test_rate_limit_waiters_leave_when_the_circuit_opens() -> None:
    from citecheck.resolve.net import TokenBucket

    bucket = TokenBucket(rate=0.01)  # one token now, the next in 100 s
    await bucket.acquire()
    opened = True
    # Without give_up this would wait 100 s; the test would hang, not pass.
    await asyncio.wait_for(bucket.acquire(lambda: opened), timeout=5)


@respx.mock
async def test_a_timeout_is_retried_once_and_counts_towards_the_breaker() -> None:
    route = respx.get(URL).mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.ReadTimeout("slow"), httpx.Response(200)]
    )
    failures: dict[str, int] = {}
    async with Fetcher(config(retries=3), failures=failures, sleep=Sleeps()) as f:
        with pytest.raises(Unavailable) as err:
            await f.get(URL)
    assert route.call_count == 2  # not four full waits for one request
    assert err.value.reason.endswith("did not answer within 20 s (after 2 attempts)")
    assert failures == {HOST: 2}  # each timed-out request counted, none twice


@respx.mock
async def test_timeouts_open_the_circuit() -> None:
    """A host that accepts and then hangs is given up after `breaker_threshold` timeouts."""
    route = respx.get(URL).mock(side_effect=httpx.ReadTimeout("hangs"))
    failures: dict[str, int] = {}
    async with Fetcher(
        config(retries=3, breaker_threshold=3), failures=failures, sleep=Sleeps()
    ) as f:
        reasons = []
        for _ in range(4):
            with pytest.raises(Unavailable) as err:
                await f.get(URL)
            reasons.append(err.value.reason)
    assert route.call_count == 3
    assert "did not answer" in reasons[0]
    assert [("not asked again" in r) for r in reasons[1:]] == [True, True, True]
