"""Cellar SPARQL + REST verdicts on every reply type (respx), and notice parsing."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import respx
from fakeserver import FIXTURES, shared

from citecheck.resolve.engine import Settings
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher
from citecheck.resolve.sources.cellar import (
    CellarSource,
    case_to_celex,
    celex_query,
    ecli_query,
    oj_act_candidates,
    parse_bindings,
    parse_notice,
)

SPARQL = "https://publications.europa.eu/webapi/rdf/sparql"
CELLAR = "http://publications.europa.eu"
SPARQL_REPLY = (FIXTURES / "sparql_celex_32016R0679_32020D1999.json").read_bytes()
NOTICE = (FIXTURES / "notice_object_32016R0679.xml").read_bytes()
NO_BINDINGS = b'{"head": {"vars": ["celex"]}, "results": {"bindings": []}}'


def cellar_404(system: str, ident: str) -> httpx.Response:
    return httpx.Response(
        404, content=f"Resource [system '{system}' - id '{ident}'] not found.".encode()
    )


async def run(settings: Settings, ids: list[str]) -> dict[str, Resolution]:
    async with Fetcher(settings.net_config()) as f:
        return await CellarSource(f, settings).resolve(ids)


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(retries=1)


def test_case_and_oj_mappings() -> None:
    assert case_to_celex("C-293/12") == ["62012CJ0293", "62012CO0293"]
    assert case_to_celex("T-12/99") == ["61999TJ0012", "61999TO0012"]
    assert case_to_celex("314/85") == ["61985CJ0314", "61985CO0314"]
    assert case_to_celex("C-132/18 P") == ["62018CJ0132", "62018CO0132"]
    assert case_to_celex("nonsense") is None
    assert oj_act_candidates("L/2023/2131") == (
        ["32023R2131", "32023L2131", "32023D2131"],
        "/2023/2131/oj",
    )
    assert oj_act_candidates("L/2020/410I/p13") is None


def test_queries_use_values_and_str() -> None:
    q = celex_query(["32020D1999", "32016R0679"])
    assert 'VALUES ?celex { "32020D1999"^^xsd:string "32016R0679"^^xsd:string }' in q
    assert "cdm:resource_legal_id_celex ?celex" in q and "language/ENG" in q
    e = ecli_query(["ECLI:EU:C:2014:238"])
    assert "FILTER(STR(?ecli) = ?key)" in e and '"ECLI:EU:C:2014:238"' in e


def test_parse_bindings_rejects_malformed() -> None:
    assert len(parse_bindings(SPARQL_REPLY)) == 3
    for bad in (b"", b"{", b'{"results": {}}', b"<html/>", b'{"results": {"bindings": {}}}'):
        with pytest.raises(Exception, match="malformed or truncated JSON"):
            parse_bindings(bad)


def test_recorded_sparql_replies_parse() -> None:
    rows = parse_bindings(
        shared("cellar-sparql/sparql_json_fmx4_items_32008R1137_tulit.json").read_bytes()
    )
    assert len(rows) == 4 and rows[0]["format"] == "fmx4"


def test_parse_own_notice_ignores_embedded_acts() -> None:
    meta = parse_notice(NOTICE)
    assert meta.celex == "32016R0679" and meta.date == "2016-04-27"
    assert meta.eli == "http://data.europa.eu/eli/reg/2016/679/oj" and meta.in_force == "true"
    assert meta.title is None  # the embedded Directive 95/46 title must not leak in


def test_parse_recorded_notices() -> None:
    work = parse_notice(
        shared("cellar/notice_object_32014R0001_michalovadek-eurlex.xml").read_bytes()
    )
    assert work.celex == "32014R0001" and work.date == "2013-08-28"
    assert work.eli == "http://data.europa.eu/eli/reg_del/2014/1/oj" and work.in_force == "true"
    assert work.title is None
    assert work.end_of_validity is None  # Cellar's open end 9999-12-31
    assert work.repealed_by == () and work.in_force_flag() is True
    expr = parse_notice(
        shared(
            "cellar/notice_object_expression_32014R0001.ENG_michalovadek-eurlex.xml"
        ).read_bytes()
    )
    assert expr.title is not None and expr.title.startswith(
        "Commission Delegated Regulation (EU) No\xa01/2014"
    )


def _link(tag: str, celex: str) -> str:
    return (
        f'<{tag} type="link"><URI><VALUE>http://publications.europa.eu/resource/cellar/x</VALUE>'
        "<IDENTIFIER>x</IDENTIFIER><TYPE>cellar</TYPE></URI><SAMEAS><URI>"
        f"<VALUE>http://publications.europa.eu/resource/celex/{celex}</VALUE>"
        f"<IDENTIFIER>{celex}</IDENTIFIER><TYPE>celex</TYPE></URI></SAMEAS></{tag}>"
    )


REPEALED_NOTICE = (
    '<NOTICE decoding="eng" type="object"><WORK>'
    '<RESOURCE_LEGAL_ID_CELEX type="data"><VALUE>31995L0046</VALUE></RESOURCE_LEGAL_ID_CELEX>'
    '<RESOURCE_LEGAL_IN-FORCE type="data"><VALUE>false</VALUE></RESOURCE_LEGAL_IN-FORCE>'
    '<RESOURCE_LEGAL_DATE_END-OF-VALIDITY type="date"><VALUE>2018-05-24</VALUE>'
    "<YEAR>2018</YEAR></RESOURCE_LEGAL_DATE_END-OF-VALIDITY>"
    + _link("RESOURCE_LEGAL_REPEALED_BY_RESOURCE_LEGAL", "32016R0679")
    + _link("RESOURCE_LEGAL_AMENDED_BY_RESOURCE_LEGAL", "31999L0001")
    + "</WORK><INVERSE>"
    + _link("RESOURCE_LEGAL_IMPLICITLY_REPEALED_BY_RESOURCE_LEGAL", "32018R1725")
    + '<RESOURCE_LEGAL_CONSOLIDATED_BY_ACT_CONSOLIDATED type="link"><EMBEDDED_NOTICE><WORK>'
    + _link("RESOURCE_LEGAL_REPEALED_BY_RESOURCE_LEGAL", "32099R0001")
    + "</WORK></EMBEDDED_NOTICE></RESOURCE_LEGAL_CONSOLIDATED_BY_ACT_CONSOLIDATED>"
    "</INVERSE></NOTICE>"
).encode()


def test_notice_status_fields_come_from_the_own_work_and_its_links() -> None:
    """End of validity and repealers (explicit, implicit; in WORK or INVERSE) are read;
    amendments and the links inside embedded notices are not repeals of this act."""
    meta = parse_notice(REPEALED_NOTICE)
    assert meta.end_of_validity == "2018-05-24" and meta.in_force_flag() is False
    assert meta.repealed_by == ("32016R0679", "32018R1725")


@respx.mock
async def test_sparql_batch_resolves_with_metadata(settings: Settings) -> None:
    route = respx.get(SPARQL).mock(return_value=httpx.Response(200, content=SPARQL_REPLY))
    out = await run(settings, ["celex:32016R0679", "celex:32020D1999"])
    assert route.call_count == 1  # both CELEX numbers in one VALUES query
    gdpr, dec = out["celex:32016R0679"], out["celex:32020D1999"]
    assert gdpr.status is Status.RESOLVED and gdpr.source == "sparql"
    assert (
        gdpr.date == "2016-04-27"
        and gdpr.title
        and "General Data Protection Regulation" in gdpr.title
    )
    assert gdpr.get_extra("eli") == "http://data.europa.eu/eli/reg/2016/679/oj"
    assert gdpr.url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"
    assert dec.title and dec.title.startswith("Council Decision (CFSP) 2020/1999")  # merged rows
    assert route.calls[0].request.headers["accept"] == "application/sparql-results+json"


@respx.mock
async def test_missing_in_sparql_is_confirmed_by_rest_404(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    rest = respx.get(f"{CELLAR}/resource/celex/32023L9999").mock(
        return_value=cellar_404("celex", "32023L9999")
    )
    out = await run(settings, ["celex:32023L9999"])
    res = out["celex:32023L9999"]
    assert res.status is Status.NOT_FOUND and "not found" in (res.reason or "")
    req = rest.calls[0].request
    assert req.headers["accept"] == "application/xml;notice=object"
    assert req.headers["accept-language"] == "eng"


@respx.mock
async def test_recorded_cellar_404_body_is_not_found(settings: Settings) -> None:
    raw = shared(
        "cellar-http/cellar-404-unknown-celex_32023L9999_paytransparency.http.txt"
    ).read_text()
    body = raw.split("\n\n", 1)[1]
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32023L9999").mock(
        return_value=httpx.Response(404, text=body)
    )
    out = await run(settings, ["celex:32023L9999"])
    assert out["celex:32023L9999"].status is Status.NOT_FOUND


@respx.mock
async def test_recorded_cellar_400_is_unverified(settings: Settings) -> None:
    raw = shared(
        "cellar-http/cellar-400-no-language_32023L0970_paytransparency.http.txt"
    ).read_text()
    body = raw.split("\n\n", 1)[1]
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32023L0970").mock(
        return_value=httpx.Response(400, text=body)
    )
    res = (await run(settings, ["celex:32023L0970"]))["celex:32023L0970"]
    assert res.status is Status.UNVERIFIED and "HTTP 400" in (res.reason or "")


@respx.mock
async def test_304_and_unknown_404_bodies_are_unverified(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32023L0970").mock(
        return_value=httpx.Response(304, headers={"etag": '"Con-20231213063525000"'})
    )
    respx.get(f"{CELLAR}/resource/celex/32023L0971").mock(
        return_value=httpx.Response(404, text="<html>gateway</html>")
    )
    out = await run(settings, ["celex:32023L0970", "celex:32023L0971"])
    assert out["celex:32023L0970"].status is Status.UNVERIFIED
    assert out["celex:32023L0971"].status is Status.UNVERIFIED


@respx.mock
async def test_no_content_datastream_means_it_exists(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32019R0001").mock(
        return_value=httpx.Response(
            404, text="The work does not hold a content datastream for format x"
        )
    )
    res = (await run(settings, ["celex:32019R0001"]))["celex:32019R0001"]
    assert res.status is Status.RESOLVED and res.source == "cellar"


@respx.mock
async def test_sparql_down_falls_back_to_rest_303_notice(settings: Settings) -> None:
    respx.get(SPARQL).mock(
        return_value=httpx.Response(200, content=b'{"head": {"vars": ["celex"]}, "resul')
    )
    respx.get(f"{CELLAR}/resource/celex/32016R0679").mock(
        return_value=httpx.Response(
            303, headers={"Location": "/resource/cellar/3e485e15-11bd-11e6-ba9a-01aa75ed71a1"}
        )
    )
    respx.get(f"{CELLAR}/resource/cellar/3e485e15-11bd-11e6-ba9a-01aa75ed71a1").mock(
        return_value=httpx.Response(200, content=NOTICE)
    )
    res = (await run(settings, ["celex:32016R0679"]))["celex:32016R0679"]
    assert res.status is Status.RESOLVED and res.source == "cellar"
    assert res.date == "2016-04-27" and res.get_extra("in_force") == "true"


@respx.mock
async def test_offhost_303_is_refused(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32016R0679").mock(
        return_value=httpx.Response(303, headers={"Location": "https://elsewhere.example/x"})
    )
    res = (await run(settings, ["celex:32016R0679"]))["celex:32016R0679"]
    assert res.status is Status.UNVERIFIED and "not a configured source host" in (res.reason or "")


@respx.mock
async def test_sparql_and_rest_down_is_unverified_with_both_reasons(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(503))
    respx.get(f"{CELLAR}/resource/celex/32016R0679").mock(return_value=httpx.Response(502))
    res = (await run(settings, ["celex:32016R0679"]))["celex:32016R0679"]
    assert res.status is Status.UNVERIFIED
    assert "502" in (res.reason or "") and "SPARQL" in (res.reason or "")


@respx.mock
async def test_percent_encoding_of_parentheses_and_colons(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    route = respx.route(host="publications.europa.eu", path__startswith="/resource/").mock(
        return_value=httpx.Response(404, text="Resource [system 'x' - id 'y'] not found.")
    )
    await run(settings, ["celex:52012XC1031(01)", "ecli:EU:C:2014:238"])
    raw = sorted(call.request.url.raw_path.decode() for call in route.calls)
    assert raw == [
        "/resource/celex/52012XC1031%2801%29",
        "/resource/ecli/ECLI%3AEU%3AC%3A2014%3A238",
    ]


@respx.mock
async def test_case_number_is_a_guess_miss_is_unverified(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    res = (await run(settings, ["case:C-594/12"]))["case:C-594/12"]
    assert res.status is Status.UNVERIFIED
    assert "62012CJ0594" in (res.reason or "") and "joined" in (res.reason or "")


async def test_oj_issue_reference_is_not_checked(settings: Settings) -> None:
    res = (await run(settings, ["oj:L/2020/410I/p13"]))["oj:L/2020/410I/p13"]
    assert res.status is Status.NOT_CHECKED
    assert res.url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2020:410I:TOC"


async def test_malformed_ids_are_not_checked(settings: Settings) -> None:
    out = await run(settings, ["celex:hello", "ecli:nope", "case:what"])
    assert {r.status for r in out.values()} == {Status.NOT_CHECKED}


@respx.mock
async def test_notice_about_another_act_is_not_an_answer(settings: Settings) -> None:
    """A 200 notice naming another CELEX must not resolve the asked id with its title."""
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32016R0680").mock(
        return_value=httpx.Response(200, content=NOTICE)  # the notice of 32016R0679
    )
    res = (await run(settings, ["celex:32016R0680"]))["celex:32016R0680"]
    assert res.status is Status.UNVERIFIED and res.title is None
    assert "'32016R0679', not the asked celex '32016R0680'" in (res.reason or "")


@respx.mock
async def test_redirect_to_another_celex_is_refused(settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32016R0680").mock(
        return_value=httpx.Response(303, headers={"Location": "/resource/celex/32016R0679"})
    )
    target = respx.get(f"{CELLAR}/resource/celex/32016R0679").mock(
        return_value=httpx.Response(200, content=NOTICE)
    )
    res = (await run(settings, ["celex:32016R0680"]))["celex:32016R0680"]
    assert target.call_count == 1  # followed, then judged by where it ended
    assert res.status is Status.UNVERIFIED and res.title is None
    assert "redirected the asked celex '32016R0680' to celex '32016R0679'" in (res.reason or "")


@respx.mock
async def test_ecli_notice_must_name_the_ecli(settings: Settings) -> None:
    """A notice for an ECLI that names no ECLI, or another one, resolves nothing."""
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    own = NOTICE.replace(
        b"<WORK>",
        b'<WORK><CASE-LAW_ECLI type="data"><VALUE>ECLI:EU:C:2014:238</VALUE></CASE-LAW_ECLI>',
        1,
    )
    assert own != NOTICE
    respx.get(f"{CELLAR}/resource/ecli/ECLI%3AEU%3AC%3A2014%3A238").mock(
        return_value=httpx.Response(200, content=own)
    )
    respx.get(f"{CELLAR}/resource/ecli/ECLI%3AEU%3AC%3A2014%3A239").mock(
        return_value=httpx.Response(200, content=own)
    )
    respx.get(f"{CELLAR}/resource/ecli/ECLI%3AEU%3AC%3A2014%3A240").mock(
        return_value=httpx.Response(200, content=NOTICE)  # names no ECLI at all
    )
    out = await run(settings, ["ecli:EU:C:2014:238", "ecli:EU:C:2014:239", "ecli:EU:C:2014:240"])
    assert out["ecli:EU:C:2014:238"].status is Status.RESOLVED
    assert out["ecli:EU:C:2014:239"].status is Status.UNVERIFIED
    assert "not the asked ecli" in (out["ecli:EU:C:2014:239"].reason or "")
    assert out["ecli:EU:C:2014:240"].status is Status.UNVERIFIED
    assert "does not name" in (out["ecli:EU:C:2014:240"].reason or "")
