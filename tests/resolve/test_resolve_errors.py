"""Resolver error paths: definite answers survive `forget_unverified`, a source that raises
leaves its ids unverified with the reason, and ODS's odd replies are never `not_found`."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import httpx
import pytest
import respx
from fakeserver import FIXTURES, FakeServer

from citecheck.resolve import Resolution, Resolver, Status, resolve_ids
from citecheck.resolve.engine import Settings
from citecheck.resolve.net import Fetcher, Unavailable
from citecheck.resolve.sources import ods
from citecheck.resolve.sources.undl import UndlSource

MakeSettings = Callable[..., Settings]


# ---- the resolver keeps definite answers ---------------------------------------------------


def test_forget_unverified_keeps_not_found_answers(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    missing = "un:A/HRC/99/99"
    resolver = Resolver(make_settings(fake, suggest=False, use_cache=False, breaker_threshold=100))
    try:
        assert resolver.resolve([missing])[missing].status is Status.NOT_FOUND
        asked = len(fake.log)
        fake.fault("status", times=-1, status=503)  # a new question would now be unverified
        resolver.forget_unverified([missing])
        again = resolver.resolve([missing])[missing]
        assert again.status is Status.NOT_FOUND
        assert len(fake.log) == asked  # answered from memory, nothing asked
    finally:
        resolver.close()


def test_a_source_that_raises_leaves_its_ids_unverified(
    fake: FakeServer, make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(self: UndlSource, ids: object) -> object:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(UndlSource, "resolve", broken)
    out = resolve_ids(
        ["un:A/HRC/41/35", "celex:32016R0679", "un:A/HRC/17/31"],
        make_settings(fake, ods_fallback=False),  # ODS would answer after the broken source
    )
    assert list(out) == ["un:A/HRC/41/35", "celex:32016R0679", "un:A/HRC/17/31"]
    assert out["celex:32016R0679"].status is Status.RESOLVED  # the run went on
    for ident in ("un:A/HRC/41/35", "un:A/HRC/17/31"):
        assert out[ident].status is Status.UNVERIFIED
        assert out[ident].reason == (
            "internal error in the undl source: RuntimeError('parser bug')"
        )


# ---- ODS's odd replies ---------------------------------------------------------------------

UNDL = "https://digitallibrary.un.org"
ODS = "https://documents.un.org"
ACCESS = f"{ODS}/api/symbol/access"
SOFT404 = (FIXTURES / "ods_not_found.html").read_bytes()
EMPTY_COLLECTION = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Search-Engine-Total-Number-Of-Results: 0 -->\n'
    b'<collection xmlns="http://www.loc.gov/MARC21/slim">\n</collection>\n'
)
PDF = b"%PDF-1.7\n" + b"0" * 3000


@pytest.fixture
def un_settings(make_settings: MakeSettings) -> Settings:
    return make_settings(undl_url=UNDL, ods_url=ODS, retries=1)


async def ask_ods(settings: Settings, symbol: str = "A/HRC/99/1") -> ods.OdsAnswer:
    async with Fetcher(settings.net_config()) as fetcher:
        return await ods.check(fetcher, settings.ods_url, symbol)


@pytest.mark.parametrize(
    ("reply", "verdict", "location"),
    [
        (
            httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"}),
            ods.OdsVerdict.NO_FILE,
            None,
        ),
        (
            httpx.Response(200, content=PDF, headers={"content-type": "application/pdf"}),
            ods.OdsVerdict.FILE,
            f"{ACCESS}?s=A%2FHRC%2F99%2F1&l=en&t=pdf",
        ),
        (  # a PDF sent as octet-stream is still a PDF: the bytes say so
            httpx.Response(200, content=PDF, headers={"content-type": "application/octet-stream"}),
            ods.OdsVerdict.FILE,
            f"{ACCESS}?s=A%2FHRC%2F99%2F1&l=en&t=pdf",
        ),
        (
            httpx.Response(302, headers={"Location": "/doc/UNDOC/GEN/G24/001/01/PDF/G2400101.pdf"}),
            ods.OdsVerdict.FILE,
            f"{ODS}/doc/UNDOC/GEN/G24/001/01/PDF/G2400101.pdf",
        ),
        (
            httpx.Response(303, headers={"Location": f"{ODS}/files/G2400101.DOCX"}),
            ods.OdsVerdict.FILE,
            f"{ODS}/files/G2400101.DOCX",
        ),
        (httpx.Response(404, content=b"not here"), ods.OdsVerdict.NO_FILE, None),
    ],
)
@respx.mock
async def test_ods_verdicts(
    un_settings: Settings, reply: httpx.Response, verdict: ods.OdsVerdict, location: str | None
) -> None:
    route = respx.get(ACCESS).mock(return_value=reply)
    answer = await ask_ods(un_settings)
    assert answer == ods.OdsAnswer(verdict, location)
    assert route.call_count == 1  # a redirect is read, never followed
    assert dict(route.calls[0].request.url.params) == {"s": "A/HRC/99/1", "l": "en", "t": "pdf"}


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (httpx.Response(202, content=b""), "202"),
        (httpx.Response(503), "HTTP 503"),
        (httpx.Response(500, content=b"oops"), "HTTP 500"),
        (httpx.Response(302), "ODS answered 302 without a Location"),
        (
            httpx.Response(302, headers={"Location": "https://elsewhere.example/x.pdf"}),
            "ODS redirected to elsewhere.example, which is not a configured source host",
        ),
        (
            httpx.Response(302, headers={"Location": "/en/search?q=A/HRC/99/1"}),
            "ODS redirected to /en/search, which does not look like a file",
        ),
        (
            httpx.Response(200, content=b"{}", headers={"content-type": "application/json"}),
            "ODS answered 200 with unexpected content type 'application/json'",
        ),
    ],
)
@respx.mock
async def test_ods_odd_replies_say_nothing(
    un_settings: Settings, reply: httpx.Response, reason: str
) -> None:
    respx.get(ACCESS).mock(return_value=reply)
    with pytest.raises(Unavailable) as err:
        await ask_ods(un_settings)
    assert reason in err.value.reason


async def _through_the_chain(settings: Settings) -> Resolution:
    """Ask the resolver (the UN Digital Library, then ODS) with no index and no cache."""
    settings = attrs.evolve(settings, use_cache=False, use_index=False, suggest=False)
    resolver = Resolver(settings)
    try:
        return (await resolver.aresolve(["un:A/HRC/99/1"]))["un:A/HRC/99/1"]
    finally:
        resolver.close()


@pytest.mark.parametrize(
    ("reply", "status"),
    [
        # the library is definite (empty); ODS's odd replies leave it so, its file overrides
        (httpx.Response(503), Status.NOT_FOUND),
        (httpx.Response(202, content=b""), Status.NOT_FOUND),
        (httpx.Response(302), Status.NOT_FOUND),
        (
            httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"}),
            Status.NOT_FOUND,
        ),
        (
            httpx.Response(200, content=PDF, headers={"content-type": "application/pdf"}),
            Status.RESOLVED,
        ),
    ],
)
@respx.mock
async def test_ods_after_a_definite_empty_catalogue(
    un_settings: Settings, reply: httpx.Response, status: Status
) -> None:
    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=EMPTY_COLLECTION))
    respx.get(ACCESS).mock(return_value=reply)
    assert (await _through_the_chain(un_settings)).status is status


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(503),
        httpx.Response(202, content=b""),
        httpx.Response(302),
        httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"}),
    ],
)
@respx.mock
async def test_ods_odd_replies_while_the_library_is_down_stay_unverified(
    un_settings: Settings, reply: httpx.Response
) -> None:
    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(503))
    respx.get(ACCESS).mock(return_value=reply)
    res = await _through_the_chain(un_settings)
    assert res.status is Status.UNVERIFIED and res.reason
