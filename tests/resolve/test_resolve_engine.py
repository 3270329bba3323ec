"""End to end against the loopback fake server: batching, suggestions, faults, cache, offline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakeserver import SPARQL_PATH, FakeServer

from citecheck.resolve import NoNetworkTransport, Resolver, Status, resolve_ids
from citecheck.resolve.engine import Settings, aresolve_ids, settings_from_env

MakeSettings = Callable[..., Settings]

UN_IDS = [
    "un:A/HRC/41/35",
    "un:A/HRC/17/31",
    "un:A/HRC/RES/17/4",
    "un:A/RES/68/167",
    "un:S/RES/2231(2015)",
    "un:A/RES/217(III)",
    "un:A/HRC/38/35/Add.2",
    "un:E/CN.4/Sub.2/2005/13",
]
EU_IDS = [
    "celex:32016R0679",
    "celex:32020D1999",
    "ecli:EU:C:2014:238",
    "case:C-293/12",
    "oj:L/2023/2131",
]


def test_everything_resolves_in_few_requests(fake: FakeServer, make_settings: MakeSettings) -> None:
    ids = UN_IDS + EU_IDS + ["gc:CCPR/34", "instrument:iccpr"]
    out = resolve_ids(ids + ids[:3], make_settings(fake))
    assert list(out) == ids  # one answer per distinct id, in order
    assert {i: r.status for i, r in out.items() if r.status is not Status.RESOLVED} == {}
    assert len(fake.requests_to("/search")) == 1  # all UN symbols in one search
    assert len(fake.requests_to(SPARQL_PATH)) == 2  # one CELEX query, one ECLI query
    assert fake.requests_to("/api/symbol/access") == []
    assert out["un:S/RES/2231(2015)"].date == "2015-07-20"
    assert out["case:C-293/12"].get_extra("ecli") == "EU:C:2014:238"
    assert out["oj:L/2023/2131"].get_extra("celex") == "32023R2131"


def test_res_inserted_gets_suggestion(fake: FakeServer, make_settings: MakeSettings) -> None:
    out = resolve_ids(["un:A/HRC/RES/17/31", "un:A/HRC/17/4"], make_settings(fake))
    wrong_res = out["un:A/HRC/RES/17/31"]
    assert wrong_res.status is Status.NOT_FOUND
    assert wrong_res.suggestions[0] == "un:A/HRC/17/31"
    missing_res = out["un:A/HRC/17/4"]
    assert missing_res.status is Status.NOT_FOUND
    assert missing_res.suggestions == ("un:A/HRC/RES/17/4",)
    # first search for both ids, ODS confirmation for both, one search for all candidates
    assert len(fake.requests_to("/search")) == 2


def test_addendum_dropped_and_celex_descriptor_suggestions(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    out = resolve_ids(["un:A/HRC/41/35/Add.7", "celex:32016L0679"], make_settings(fake))
    assert out["un:A/HRC/41/35/Add.7"].suggestions == ("un:A/HRC/41/35",)
    assert out["celex:32016L0679"].status is Status.NOT_FOUND
    assert out["celex:32016L0679"].suggestions == ("celex:32016R0679",)


def test_ods_only_document_resolves(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.data.ods_only.add("a/hrc/56/1")
    out = resolve_ids(["un:A/HRC/56/1"], make_settings(fake, suggest=False))
    assert out["un:A/HRC/56/1"].status is Status.RESOLVED
    assert out["un:A/HRC/56/1"].source == "ods"


def test_cellar_303_then_notice_and_404(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.fault("status", prefix=SPARQL_PATH, times=-1, status=503)
    out = resolve_ids(
        ["celex:32016R0679", "celex:32023L9999", "celex:32019R9999"],
        make_settings(fake, suggest=False),
    )
    assert out["celex:32016R0679"].status is Status.RESOLVED
    assert out["celex:32016R0679"].source == "cellar"
    assert out["celex:32016R0679"].date == "2016-04-27"
    assert len(fake.requests_to("/resource/cellar/")) == 1  # the 303 was followed
    assert out["celex:32023L9999"].status is Status.NOT_FOUND
    assert out["celex:32019R9999"].status is Status.RESOLVED  # "no content datastream"


@pytest.mark.parametrize(
    ("fault", "kwargs", "words"),
    [
        ("status", {"status": 500}, "HTTP 500"),
        ("status", {"status": 429, "retry_after": "0"}, "HTTP 429"),
        ("empty202", {}, "202 with an empty body"),
        ("waf", {}, "WAF challenge"),
        ("truncate", {}, "malformed or truncated XML"),
        ("reset", {}, "connection to 127.0.0.1"),
        ("html200", {}, "not a MARC collection"),
    ],
)
def test_undl_faults_are_unverified(
    fake: FakeServer, make_settings: MakeSettings, fault: str, kwargs: dict[str, str], words: str
) -> None:
    fake.fault(fault, prefix="/search", times=-1, **kwargs)
    fake.fault("html200", prefix="/api/symbol/access", times=-1)
    out = resolve_ids(["un:A/HRC/41/35", "un:A/HRC/99/99"], make_settings(fake))
    for res in out.values():
        assert res.status is Status.UNVERIFIED, res
        assert words in (res.reason or ""), res.reason


def test_timeout_is_unverified(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.fault("slow", prefix="/search", times=-1, delay=1.0)
    fake.fault("html200", prefix="/api/symbol/access", times=-1)
    out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake, timeout=0.2, retries=0))
    res = out["un:A/HRC/41/35"]
    assert res.status is Status.UNVERIFIED and "did not answer within 0.2 s" in (res.reason or "")


def test_transient_429_then_success(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.fault("status", prefix="/search", times=1, status=429, retry_after="0")
    out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake))
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED
    assert len(fake.requests_to("/search")) == 2


def test_cellar_faults(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.fault("truncate", prefix=SPARQL_PATH, times=-1)
    fake.fault("offhost", prefix="/resource/celex/", times=-1)
    out = resolve_ids(["celex:32016R0679"], make_settings(fake, suggest=False))
    res = out["celex:32016R0679"]
    assert res.status is Status.UNVERIFIED
    assert "elsewhere.invalid" in (res.reason or "") and "malformed or truncated JSON" in (
        res.reason or ""
    )


def test_circuit_breaker_spans_the_run(fake: FakeServer, make_settings: MakeSettings) -> None:
    fake.fault("status", prefix="/search", times=-1, status=500)
    settings = make_settings(
        fake, retries=0, breaker_threshold=2, undl_batch=1, ods_fallback=False, concurrency=1
    )
    resolver = Resolver(settings)
    try:
        out = resolver.resolve([f"un:A/HRC/1/{n}" for n in range(1, 6)])
        later = resolver.resolve(["un:A/HRC/2/1"])
    finally:
        resolver.close()
    assert len(fake.log) == 3  # robots.txt, then two searches before the circuit opens
    reasons = [r.reason or "" for r in (*out.values(), *later.values())]
    assert sum("not asked again" in r for r in reasons) == 4


def test_cache_warm_run_makes_no_request(fake: FakeServer, make_settings: MakeSettings) -> None:
    settings = make_settings(fake)
    first = resolve_ids([*UN_IDS, "un:A/HRC/RES/17/31"], settings)
    asked = len(fake.log)
    second = resolve_ids([*UN_IDS, "un:A/HRC/RES/17/31"], settings)
    assert len(fake.log) == asked
    assert all(r.source == "cache" for r in second.values())
    assert second["un:A/HRC/41/35"].title == first["un:A/HRC/41/35"].title
    assert second["un:A/HRC/41/35"].get_extra("cached_from") == "undl"
    assert second["un:A/HRC/RES/17/31"].suggestions == first["un:A/HRC/RES/17/31"].suggestions


def test_unverified_is_not_cached(fake: FakeServer, make_settings: MakeSettings) -> None:
    settings = make_settings(fake)
    fake.fault("status", prefix="/", times=-1, status=503)
    assert resolve_ids(["un:A/HRC/41/35"], settings)["un:A/HRC/41/35"].status is Status.UNVERIFIED
    fake.faults.clear()
    assert resolve_ids(["un:A/HRC/41/35"], settings)["un:A/HRC/41/35"].status is Status.RESOLVED


def test_refresh_ignores_and_overwrites_cache(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    resolve_ids(["un:A/HRC/41/35"], make_settings(fake))
    before = len(fake.log)
    out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake, refresh=True))
    # robots.txt and the search
    assert len(fake.log) == before + 2 and out["un:A/HRC/41/35"].source == "undl"


def test_offline_makes_zero_connections(fake: FakeServer, make_settings: MakeSettings) -> None:
    resolve_ids(["un:A/HRC/41/35"], make_settings(fake))
    tripwire = NoNetworkTransport()
    out = resolve_ids(
        ["un:A/HRC/41/35", "un:A/HRC/17/31", "celex:32016R0679", "gc:CCPR/34"],
        make_settings(fake, offline=True, transport=tripwire),
    )
    assert tripwire.calls == 0
    assert (
        out["un:A/HRC/41/35"].status is Status.RESOLVED and out["un:A/HRC/41/35"].source == "cache"
    )
    assert out["un:A/HRC/17/31"].status is Status.NOT_CHECKED
    assert out["un:A/HRC/17/31"].reason == "offline, not in cache"
    assert out["celex:32016R0679"].status is Status.NOT_CHECKED
    assert out["gc:CCPR/34"].status is Status.RESOLVED  # shipped table, no network needed


def test_tripwire_transport_catches_requests(make_settings: MakeSettings) -> None:
    tripwire = NoNetworkTransport()
    out = resolve_ids(["un:A/HRC/41/35"], make_settings(transport=tripwire, retries=0))
    assert tripwire.calls >= 1
    assert out["un:A/HRC/41/35"].status is Status.UNVERIFIED


def test_resolver_asks_each_id_once_per_run(fake: FakeServer, make_settings: MakeSettings) -> None:
    resolver = Resolver(make_settings(fake, use_cache=False))
    try:
        resolver.resolve(["un:A/HRC/41/35", "un:A/HRC/17/31"])
        resolver.resolve(["un:A/HRC/17/31", "un:A/HRC/41/35"])
    finally:
        resolver.close()
    assert len(fake.log) == 2 and resolver.requests == 2  # robots.txt, one search


async def test_async_api(fake: FakeServer, make_settings: MakeSettings) -> None:
    out = await aresolve_ids(["un:A/RES/68/167"], make_settings(fake))
    assert out["un:A/RES/68/167"].date == "2013-12-18"


def test_unknown_scheme_is_not_checked(make_settings: MakeSettings) -> None:
    out = resolve_ids(["zz:1", "no-colon"], make_settings(transport=NoNetworkTransport()))
    assert {r.status for r in out.values()} == {Status.NOT_CHECKED}


def test_settings_from_env_order() -> None:
    env = {"CITECHECK_UNDL_URL": "http://127.0.0.1:9/", "CITECHECK_CACHE_DIR": "/tmp/cc"}
    s = settings_from_env(env=env, offline=True, timeout=None)
    assert s.undl_url == "http://127.0.0.1:9" and str(s.cache_dir) == "/tmp/cc" and s.offline
    assert s.timeout == 20.0  # None means "not given"
    assert "127.0.0.1:9" in s.allowed_hosts() and "documents.un.org" in s.allowed_hosts()
    assert settings_from_env(env=env, undl_url="http://x.test").undl_url == "http://x.test"


def test_forget_unverified_lets_a_long_lived_resolver_ask_again(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    from citecheck.resolve.engine import Resolver

    fake.fault("status", times=-1, status=503)
    resolver = Resolver(make_settings(fake, breaker_threshold=100))
    try:
        first = resolver.resolve(["un:A/HRC/41/35"])
        assert first["un:A/HRC/41/35"].status.value == "unverified"
        fake.faults.clear()
        assert resolver.resolve(["un:A/HRC/41/35"])["un:A/HRC/41/35"].status.value == "unverified"
        resolver.forget_unverified(["un:A/HRC/41/35"])
        again = resolver.resolve(["un:A/HRC/41/35"])
        assert again["un:A/HRC/41/35"].status.value == "resolved"
    finally:
        resolver.close()
