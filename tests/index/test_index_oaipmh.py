"""The OAI-PMH / MARCXML parser: records as the index keeps them, and every failure loud."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oai_fake import _envelope, _error, _record_xml
from undl_records import FakeRecord, marc_record, sample_records

from citecheck.index.errors import HarvestError
from citecheck.index.oaipmh import (
    BadResumptionToken,
    canonical_symbol,
    parse_identify,
    parse_list_records,
)


def _page(records: list[FakeRecord], token: str = "") -> bytes:
    body = "".join(_record_xml(r) for r in records)
    if token:
        body += f'<resumptionToken completeListSize="99" cursor="0">{token}</resumptionToken>'
    return _envelope(f"<ListRecords>{body}</ListRecords>")


@pytest.fixture(scope="module")
def parsed() -> dict[int, object]:
    page = parse_list_records(_page(sample_records()))
    assert page.deleted == (720005,)
    return {r.recid: r for r in page.records}


def test_report_record(parsed: dict[int, object]) -> None:
    rec = parsed[700001]
    assert rec.symbols == (("A/HRC/17/31", "own"), ("A/HRC/RES/17/4", "related"))
    assert rec.title.startswith("Report of the Special Representative")
    assert rec.title.endswith("Guiding Principles on Business and Human Rights")
    assert rec.date == "2011-03-21"
    assert rec.body == "UN. Human Rights Council. Special Representative"
    assert rec.type == "Reports"
    assert rec.languages == ("ar", "zh", "en", "fr", "ru", "es")
    assert rec.datestamp == "2011-03-14T10:00:00Z"


def test_alt_joint_and_sectioned_symbols(parsed: dict[int, object]) -> None:
    assert parsed[720001].symbols == (("HRC/11/120", "own"), ("GA/11120", "alt"))
    assert parsed[720001].languages == ("en",)
    sectioned = parsed[720002]
    assert sectioned.symbols == (("A/RES/59/284A", "own"),)
    assert sectioned.date == "2005-06-13"  # a resolution: the date of adoption (992)
    assert sectioned.languages == ("en", "fr")  # no 041: from the 856 files
    assert parsed[720004].symbols == (("A/51/40(Vol.I)", "own"), ("CCPR/C/51/40", "joint"))
    assert parsed[720003].symbols == (("A/HRC/17/L.30", "own"), ("A/HRC/RES/17/31", "related"))


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("A/RES/59/284 A", "A/RES/59/284A"),
        ("A/51/40 (Vol. I)", "A/51/40(Vol.I)"),
        ("S/RES/2231 (2015)", "S/RES/2231(2015)"),
        ("[ST/]DPI/2315", "ST/DPI/2315"),
        ("a/hrc/res/17/4", "A/HRC/RES/17/4"),
        ("  ", None),
    ],
)
def test_canonical_symbol(raw: str, canonical: str | None) -> None:
    assert canonical_symbol(raw) == canonical


def test_record_id_from_oai_identifier_when_001_is_missing() -> None:
    marc = marc_record(5, ["A/HRC/1/1"]).replace('<controlfield tag="001">5</controlfield>', "")
    page = parse_list_records(_page([FakeRecord(424242, "2020-01-01T00:00:00Z", marc)]))
    assert [r.recid for r in page.records] == [424242]


def test_token_and_size() -> None:
    page = parse_list_records(_page(sample_records()[:2], token="___abc"))
    assert page.token == "___abc"
    assert page.size == 99


def test_no_records_match_is_an_empty_last_page() -> None:
    page = parse_list_records(_error("noRecordsMatch", "No records"))
    assert page.records == () and page.deleted == () and page.token is None


def test_bad_resumption_token_is_its_own_error() -> None:
    with pytest.raises(BadResumptionToken):
        parse_list_records(_error("badResumptionToken", "expired"))


@pytest.mark.parametrize(
    "content",
    [
        _error("badArgument", "bad from"),
        _error("cannotDisseminateFormat", "no marcxml"),
        b"<!DOCTYPE html><html><body>Service unavailable</body></html>",
        b"<html><body>challenge</body></html>",
        _page(sample_records()[:2])[:-40],
        b"",
        b'<?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim"/>',
        _envelope("<GetRecord/>"),
    ],
)
def test_failures_are_harvest_errors(content: bytes) -> None:
    with pytest.raises(HarvestError):
        parse_list_records(content)


def test_entities_are_not_expanded() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + _page(
        sample_records()[:1]
    ).split(b"?>", 1)[1].replace(b"Report of", b"&e; Report of")
    try:
        page = parse_list_records(evil)
    except HarvestError:
        return
    assert "root:" not in (page.records[0].title or "")


def test_identify() -> None:
    ident = parse_identify(
        _envelope(
            "<Identify><repositoryName>UNDL</repositoryName>"
            "<earliestDatestamp>2008-04-14T10:01:02Z</earliestDatestamp>"
            "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>"
        )
    )
    assert ident.earliest == "2008-04-14"
    assert ident.granularity == "YYYY-MM-DDThh:mm:ssZ"
    with pytest.raises(HarvestError):
        parse_identify(_envelope("<Identify><repositoryName>x</repositoryName></Identify>"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_harvest_error(data: bytes) -> None:
    with contextlib.suppress(HarvestError):
        parse_list_records(data)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 3000), st.binary(max_size=40))
def test_mangled_pages_raise_only_harvest_error(cut: int, junk: bytes) -> None:
    page = _page(sample_records()[:3], token="___t")
    with contextlib.suppress(HarvestError):
        parse_list_records(page[:cut] + junk + page[cut + len(junk) :])
