"""The Cellar harvest's pieces: the strict SPARQL JSON parser, queries, and row reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.index.cellar_harvest import (
    ACT_VARS,
    act_from_row,
    acts_by_celex_query,
    acts_query,
    case_numbers,
    derived_case_number,
    parse_results,
    repeals_query,
)
from citecheck.index.http import HarvestError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "cellar-sparql"
RECORDED_VARS = ["cellarURIs", "manif", "format", "expr"]


def recorded(name: str) -> bytes:
    path = SHARED / name
    if not path.exists():
        pytest.skip("recorded Cellar SPARQL replies (../shared/fixtures) not present")
    return path.read_bytes()


def reply(variables: list[str], bindings: list[object]) -> bytes:
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


def test_a_recorded_cellar_reply_parses() -> None:
    rows = parse_results(recorded("sparql_json_fmx4_items_32008R1137_tulit.json"), RECORDED_VARS)

    assert len(rows) == 4
    assert rows[0]["format"] == "fmx4"
    assert rows[3]["cellarURIs"].endswith("/DOC_4")


def test_a_recorded_reply_with_other_variables_is_an_error() -> None:
    with pytest.raises(HarvestError, match="variables"):
        parse_results(recorded("sparql_json_fmx4_items_32024R1689_tulit.json"), list(ACT_VARS))


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><body>Service Unavailable</body></html>",
        b"",
        b'{"head": {"vars": ["celex"]}, "results": {"bindings": [{"celex": {"type": "lit',
        b"[]",
        b'{"head": {"vars": ["celex"]}}',
        b'{"head": {"vars": ["celex"]}, "results": {"bindings": {}}}',
        b'{"head": {"vars": ["celex"]}, "results": {"bindings": [1]}}',
        reply(["celex"], [{"celex": {"type": "literal"}}]),
        reply(["celex"], [{"celex": {"type": "x", "value": "1"}}]),
        reply(["celex"], [{"celex": {"type": "literal", "value": 5}}]),
        reply(["celex"], [{"other": {"type": "literal", "value": "5"}}]),
        b"[" * 100_000,
    ],
)
def test_malformed_replies_are_errors_never_empty(body: bytes) -> None:
    with pytest.raises(HarvestError):
        parse_results(body, ["celex"])


def test_an_empty_result_is_no_rows() -> None:
    assert parse_results(reply(["celex"], []), ["celex"]) == []


def test_a_reply_over_the_size_limit_is_an_error() -> None:
    body = reply(["celex"], [{"celex": {"type": "literal", "value": "3" * 100}}])
    with pytest.raises(HarvestError, match="exceeds"):
        parse_results(body, ["celex"], max_bytes=50)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_ever_raise_harvest_error(data: bytes) -> None:
    try:
        rows = parse_results(data, ["celex"])
    except HarvestError:
        return
    assert all(isinstance(v, str) for row in rows for v in row.values())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(bindings=_JSON, variables=st.sampled_from([["celex"], ["celex", "title"], "celex", None]))
def test_random_json_shapes_only_ever_raise_harvest_error(
    bindings: object, variables: object
) -> None:
    body = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()
    try:
        rows = parse_results(body, ["celex"])
    except HarvestError:
        return
    assert variables == ["celex"] and isinstance(bindings, list)
    assert all(set(row) <= {"celex"} for row in rows)


def test_queries_page_by_key_and_never_embed_an_unsafe_key() -> None:
    query = acts_query("32016R0678", 1000)
    assert 'FILTER(STR(?celex) > "32016R0678")' in query
    assert "ORDER BY STR(?celex)" in query and "LIMIT 1000" in query
    assert "OFFSET" not in query.upper()
    assert "OFFSET" not in repeals_query("32016R0679", 10).upper()
    for key in ('3" } UNION { ?s ?p ?o', "3\\u0022", "3\nx", ""):
        with pytest.raises(HarvestError):
            acts_by_celex_query([key])
    with pytest.raises(HarvestError):
        acts_query('1" || true || "', 10)


@pytest.mark.parametrize(
    ("force", "expected"),
    [
        ("1", True),
        ("true", True),
        ("0", False),
        ("false", False),
        ("1 0", None),
        ("", None),
        ("yes", None),
    ],
)
def test_in_force_flag(force: str, expected: bool | None) -> None:
    parsed = act_from_row({"celex": "32016R0679", "force": force})
    assert parsed is not None and parsed[0].in_force is expected


def test_row_reading() -> None:
    parsed = act_from_row(
        {
            "celex": "32016R0679",
            "type": "http://publications.europa.eu/resource/authority/resource-type/REG",
            "date": "2016-04-27",
            "eov": "9999-12-31",
            "force": "1",
            "title": "  Regulation (EU)\n 2016/679 ",
            "eli": "javascript:alert(1)",
        }
    )
    assert parsed is not None
    act, cases = parsed
    assert (act.type, act.date, act.end_of_validity, act.title, act.eli) == (
        "REG",
        "2016-04-27",
        None,
        "Regulation (EU) 2016/679",
        None,
    )
    assert cases == []
    assert act_from_row({"celex": "not a celex"}) is None
    assert act_from_row({"celex": "32016R0679", "date": "27/04/2016"})[0].date is None  # type: ignore[index]


def test_case_numbers_as_cellar_prints_them() -> None:
    assert case_numbers("Joined Cases C\u2011293/12 and C\u2011594/12") == ["C-293/12", "C-594/12"]
    assert case_numbers("Case C-50/00 P|Case C-50/00 P") == ["C-50/00 P"]
    assert case_numbers("Judgment of the Court") == []


@pytest.mark.parametrize(
    ("celex", "case"),
    [
        ("62018CJ0311", "C-311/18"),
        ("62019TJ0012", "T-12/19"),
        ("61985CJ0314", "314/85"),
        ("62012CO0293", "C-293/12"),
        ("62012CC0293", None),  # an opinion: its number is not derived
        ("32016R0679", None),
    ],
)
def test_case_number_from_a_decision_celex(celex: str, case: str | None) -> None:
    assert derived_case_number(celex) == case
