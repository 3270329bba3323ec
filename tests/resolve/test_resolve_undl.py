"""UN Digital Library parsing and the UN source's verdicts, on every reply type (respx)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import attrs
import httpx
import pytest
import respx
from fakeserver import FIXTURES, shared

from citecheck.resolve.engine import Settings, aresolve_ids
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.sources.undl import (
    parse_collection,
    search_variants,
    split_languages,
    symbol_key,
)

UNDL = "https://digitallibrary.un.org"
ODS = "https://documents.un.org"
MARC = (FIXTURES / "undl_records.xml").read_bytes()
SOFT404 = (FIXTURES / "ods_not_found.html").read_bytes()
EMPTY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Search-Engine-Total-Number-Of-Results: 0 -->\n'
    b'<collection xmlns="http://www.loc.gov/MARC21/slim">\n</collection>\n'
)


async def run(settings: Settings, ids: list[str]) -> dict[str, Resolution]:
    """The `un:` chain (UNDL, then ODS) with a robots.txt that allows everything."""
    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    quiet = attrs.evolve(settings, suggest=False, use_cache=False, use_index=False)
    return await aresolve_ids(ids, quiet)


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(undl_url=UNDL, ods_url=ODS, retries=1)


def test_languages_run_together() -> None:
    assert split_languages("arachiengfrerusspa") == ["ar", "zh", "en", "fr", "ru", "es"]
    assert split_languages("eng") == ["en"]


def test_symbol_key_and_variants() -> None:
    assert symbol_key("S/RES/2231 (2015)") == symbol_key("s/res/2231(2015)")
    assert symbol_key("[ST/]DPI/2315") == symbol_key("ST/DPI/2315")
    assert search_variants("S/RES/2231(2015)") == [
        "S/RES/2231(2015)",
        "S/RES/2231 (2015)",
        "S/RES/2231",  # the library may catalogue it without its year
    ]
    assert search_variants("A/HRC/41/35") == ["A/HRC/41/35"]


def test_parse_own_collection() -> None:
    total, records = parse_collection(MARC)
    assert total is None and len(records) == 10
    by_symbol = {r.symbols[0]: r for r in records}
    report = by_symbol["A/HRC/41/35"]
    assert report.title is not None and report.title.startswith(
        "Surveillance and human rights : report"
    )
    assert report.date == "2019-05-28"
    assert report.languages == ("ar", "zh", "en", "fr", "ru", "es")
    assert any(f.endswith("A_HRC_41_35-EN.pdf") for f in report.files)
    res = by_symbol["A/HRC/RES/17/4"]
    assert res.date == "2011-06-16"  # 992 (adoption) wins over 269 for resolutions
    assert (
        res.title
        == "Human rights and transnational corporations and other business enterprises : resolution"
    )


def test_parse_recorded_undl_search() -> None:
    content = shared("undl/search_of-xm_rg200_mixed-records_ClementSicard-undl.xml").read_bytes()
    total, records = parse_collection(content)
    assert total == 200 and len(records) == 200
    by_id = {r.recid: r for r in records}
    resolution = by_id["545583"]
    assert resolution.symbols == ("A/RES/59/284A",)
    assert resolution.date == "2005-04-13"
    assert resolution.languages == ("ar", "zh", "en", "fr", "ru", "es")
    report = by_id["3978674"]
    assert report.date == "2022-06-01" and report.languages == ("en",)
    assert report.title is not None and report.title.endswith(
        "report of the Office of Internal Oversight Services"
    )
    keys = {symbol_key(s) for r in records for s in r.symbols}
    assert "s/res/2538(2020)" in keys  # catalogued as "S/RES/2538 (2020)"


def test_recorded_tind_api_empty_page_is_not_a_marc_search_reply() -> None:
    content = shared(
        "tind-generic/tind_api_v1_search_xml_last-page-empty_berkeley.xml"
    ).read_bytes()
    with pytest.raises(Exception, match="not a MARC collection"):
        parse_collection(content)


@respx.mock
async def test_batch_in_one_request_with_exact_match(settings: Settings) -> None:
    route = respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=MARC))
    ids = ["un:A/HRC/41/35", "un:S/RES/2231(2015)", "un:A/RES/217(III)", "un:A/HRC/RES/17/4"]
    out = await run(settings, ids)
    assert route.call_count == 1
    query = parse_qs(urlsplit(str(route.calls[0].request.url)).query)
    p = query["p"][0]
    # the documentsymbol field covers 191 $a, 191 $z and 791 $a; a year-less spelling too
    assert p.count(" OR ") == 6 and 'documentsymbol:"S/RES/2231 (2015)"' in p
    assert 'documentsymbol:"S/RES/2231" ' in p
    assert query["of"] == ["xm"] and query["rg"] == ["200"]
    assert {r.status for r in out.values()} == {Status.RESOLVED}
    assert out["un:S/RES/2231(2015)"].date == "2015-07-20"
    assert out["un:A/HRC/41/35"].url == "https://undocs.org/A/HRC/41/35"
    assert out["un:A/HRC/41/35"].get_extra("record_url") == f"{UNDL}/record/900101"
    assert out["un:A/HRC/41/35"].source == "undl"


@respx.mock
async def test_fuzzy_hit_is_not_a_match(settings: Settings) -> None:
    only_add = MARC.replace(
        b'<subfield code="a">A/HRC/41/35</subfield>', b'<subfield code="a">X/0</subfield>'
    )
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=only_add))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"})
    )
    out = await run(settings, ["un:A/HRC/41/35"])
    assert out["un:A/HRC/41/35"].status is Status.NOT_FOUND  # A/HRC/41/35/Add.1 does not count


@respx.mock
async def test_empty_collection_is_not_found_and_ods_soft404_keeps_it(settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=EMPTY))
    ods = respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(
            200, content=SOFT404, headers={"content-type": "text/html; charset=utf-8"}
        )
    )
    out = await run(settings, ["un:A/HRC/99/1"])
    assert out["un:A/HRC/99/1"].status is Status.NOT_FOUND
    assert "document symbol search" in (out["un:A/HRC/99/1"].reason or "")
    assert dict(ods.calls[0].request.url.params) == {"s": "A/HRC/99/1", "l": "en", "t": "pdf"}


@respx.mock
async def test_ods_file_overrides_a_lagging_catalogue(settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=EMPTY))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(
            302, headers={"Location": "/doc/UNDOC/GEN/G24/001/01/PDF/G2400101.pdf"}
        )
    )
    out = await run(settings, ["un:A/HRC/99/1"])
    assert out["un:A/HRC/99/1"].status is Status.RESOLVED
    assert out["un:A/HRC/99/1"].source == "ods"


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (httpx.Response(202, content=b""), "202 with an empty body"),
        (httpx.Response(429, headers={"Retry-After": "0"}), "HTTP 429"),
        (httpx.Response(503), "HTTP 503"),
        (httpx.Response(200, content=MARC[: len(MARC) // 2]), "malformed or truncated XML"),
        (
            httpx.Response(200, content=b"<html><body>maintenance</body></html>"),
            "not a MARC collection",
        ),
        (httpx.Response(200, content=b""), "empty body"),
        (
            httpx.Response(
                500, content=b'{"success": false, "error": "need more than 0 values to unpack"}'
            ),
            "HTTP 500",
        ),
        (httpx.Response(403, content=b"forbidden"), "HTTP 403"),
    ],
)
@respx.mock
async def test_undl_trouble_is_unverified_never_not_found(
    settings: Settings, reply: httpx.Response, words: str
) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=reply)
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"})
    )
    out = await run(settings, ["un:A/HRC/41/35", "un:A/HRC/99/1"])
    for res in out.values():
        assert res.status is Status.UNVERIFIED
        assert words in (res.reason or "")
        assert "ODS sent an HTML page" in (res.reason or "")


@respx.mock
async def test_undl_down_ods_pdf_resolves(settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(503))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(
            200,
            content=b"%PDF-1.7\n" + b"0" * 5000,
            headers={"content-type": "application/octet-stream"},
        )
    )
    out = await run(settings, ["un:A/HRC/41/35"])
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED and out["un:A/HRC/41/35"].source == "ods"


@respx.mock
async def test_ods_offhost_redirect_is_refused(settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(503))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(
            302, headers={"Location": "https://files.elsewhere.example/a.pdf"}
        )
    )
    out = await run(settings, ["un:A/HRC/41/35"])
    res = out["un:A/HRC/41/35"]
    assert res.status is Status.UNVERIFIED
    assert "ODS redirected to files.elsewhere.example" in (res.reason or "")


async def test_body_unknown_and_malformed_are_not_checked(settings: Settings) -> None:
    out = await run(settings, ["un:?/43/4", "un:not a symbol"])
    assert out["un:?/43/4"].status is Status.NOT_CHECKED
    assert "body" in (out["un:?/43/4"].reason or "")
    assert out["un:not a symbol"].status is Status.NOT_CHECKED


@respx.mock
async def test_paging_with_jrec_until_total(settings: Settings) -> None:
    def page(start: int, n: int, total: int) -> bytes:
        recs = "".join(
            f'<record><controlfield tag="001">{i}</controlfield>'
            '<datafield tag="191" ind1=" " ind2=" ">'
            f'<subfield code="a">A/FUZZ/{i}</subfield></datafield></record>'
            for i in range(start, start + n)
        )
        return (
            f"<!-- Search-Engine-Total-Number-Of-Results: {total} -->"
            f'<collection xmlns="http://www.loc.gov/MARC21/slim">{recs}</collection>'
        ).encode()

    route = respx.get(f"{UNDL}/search").mock(
        side_effect=[
            httpx.Response(200, content=page(1, 200, 250)),
            httpx.Response(200, content=page(201, 50, 250)),
        ]
    )
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(200, content=SOFT404, headers={"content-type": "text/html"})
    )
    out = await run(settings, ["un:A/FUZZ/230", "un:A/FUZZ/999"])
    assert route.call_count == 2
    assert route.calls[1].request.url.params["jrec"] == "201"
    assert out["un:A/FUZZ/230"].status is Status.RESOLVED
    assert out["un:A/FUZZ/999"].status is Status.NOT_FOUND
