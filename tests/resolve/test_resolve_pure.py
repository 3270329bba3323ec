"""Exact answers of the resolver's pure parts: the JSON form of a resolution (CLI output and
cache rows) and every "did you mean" rule, pinned value by value."""

from __future__ import annotations

from typing import Any

import pytest

from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.suggest import candidates, celex_to_case, related

FULL = Resolution(
    id="un:A/HRC/41/35",
    status=Status.NOT_FOUND,
    title="Report of the Special Rapporteur",
    date="2019-05-28",
    url="https://undocs.org/A/HRC/41/35",
    languages=("en", "fr"),
    source="undl",
    reason="no record",
    suggestions=("un:A/HRC/41/36",),
    extra=(("related", "A/HRC/RES/41/1"),),
)


def test_json_form_has_every_field_and_round_trips() -> None:
    data = FULL.to_json()
    assert data == {
        "id": "un:A/HRC/41/35",
        "status": "not_found",
        "title": "Report of the Special Rapporteur",
        "date": "2019-05-28",
        "url": "https://undocs.org/A/HRC/41/35",
        "languages": ["en", "fr"],
        "source": "undl",
        "reason": "no record",
        "suggestions": ["un:A/HRC/41/36"],
        "extra": [["related", "A/HRC/RES/41/1"]],
    }
    assert Resolution.from_json(data) == FULL
    bare = Resolution.from_json({"id": "celex:32016R0679", "status": "resolved"})
    assert bare == Resolution(id="celex:32016R0679", status=Status.RESOLVED)


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (["not", "an", "object"], TypeError, "resolution must be a JSON object"),
        ({"id": "no-scheme", "status": "resolved"}, ValueError, "bad id 'no-scheme'"),
        ({"id": 5, "status": "resolved"}, ValueError, "bad id 5"),
        *(
            ({"id": "un:A/1", "status": "resolved", key: 7}, TypeError, f"{key} must be a string")
            for key in ("title", "date", "url", "source", "reason")
        ),
        (
            {"id": "un:A/1", "status": "resolved", "extra": [["only-a-key"]]},
            ValueError,
            "extra must be a list of [key, value] pairs",
        ),
        (
            {"id": "un:A/1", "status": "resolved", "extra": ["ab"]},
            ValueError,
            "extra must be a list of [key, value] pairs",
        ),
    ],
)
def test_bad_json_is_refused_with_a_reason(data: Any, error: type, message: str) -> None:
    with pytest.raises(error) as err:
        Resolution.from_json(data)
    assert str(err.value).startswith(message)


CANDIDATES = [
    ("un:A/HRC/41/35/Add.1/Corr.2", ["un:A/HRC/41/35/Add.1", "un:A/HRC/41/35"]),
    ("un:A/RES/68/1", ["un:A/68/1", "un:A/RES/1/68", "un:A/RES/68/2"]),
    (
        "un:A/HRC/RES/17/31",
        ["un:A/HRC/17/31", "un:A/HRC/RES/31/17", "un:A/HRC/RES/17/30", "un:A/HRC/RES/17/32"],
    ),
    ("un:A/HRC/DEC/7/1", ["un:A/HRC/7/1", "un:A/HRC/DEC/1/7", "un:A/HRC/DEC/7/2"]),
    ("un:RES/12/12", ["un:RES/12/11", "un:RES/12/13"]),  # no body left to drop RES from
    ("un:E/12/2", ["un:E/RES/12/2", "un:E/2/12", "un:E/12/1", "un:E/12/3"]),
    ("un:A/3/2", ["un:A/RES/3/2", "un:A/2/3", "un:A/3/1", "un:A/3/3"]),
    ("un:A/2/1", ["un:A/RES/2/1", "un:A/1/2", "un:A/2/2"]),  # no number 0
    ("un:12/12", []),  # too short to be session/number
    ("un:A/HRC/17/L", []),
    ("un:A/HRC/17", []),
    ("un:S/RES/2231(2015)", []),
    ("celex:32016R0679", ["celex:32016L0679", "celex:32016D0679"]),
    ("celex:32016D0679", ["celex:32016R0679", "celex:32016L0679"]),
    ("celex:3201R0679", []),
    ("ecli:EU:C:2014:238", []),
]


@pytest.mark.parametrize(("ident", "expected"), CANDIDATES)
def test_candidates_in_order(ident: str, expected: list[str]) -> None:
    assert candidates(ident) == expected


@pytest.mark.parametrize(
    ("celex", "case"),
    [
        ("62012CJ0293", "C-293/12"),
        ("62012TJ0293", "T-293/12"),
        ("61988CJ0001", "1/88"),  # before 1989 the Court of Justice had no letter
        ("61989CJ0001", "C-1/89"),
        ("32016R0679", None),
    ],
)
def test_celex_to_case(celex: str, case: str | None) -> None:
    assert celex_to_case(celex) == case


CASE_ECLI = [("ecli", "EU:C:2014:238"), ("celex", "62012CJ0293")]


@pytest.mark.parametrize(
    ("ident", "status", "neighbours", "expected"),
    [
        # a case number that failed gets the case of a resolved neighbouring CELEX/ECLI
        ("case:C-293/12", "not_found", [("celex:62012CJ0294", "resolved", [])], ["case:C-294/12"]),
        ("case:C-293/12", "unverified", [("celex:62012CJ0294", "resolved", [])], ["case:C-294/12"]),
        ("case:C-293/12", "resolved", [("celex:62012CJ0294", "resolved", [])], []),
        (
            "case:C-293/12",
            "not_found",
            [("ecli:EU:C:2014:238", "resolved", [("celex", "62012CJ0294")])],
            ["case:C-294/12"],
        ),
        # only resolved case-law neighbours count; skipping one goes on to the next
        (
            "case:C-293/12",
            "not_found",
            [
                ("celex:62012CJ0295", "not_found", [("celex", "62012CJ0295")]),
                ("un:A/1/2", "resolved", []),
                ("celex:62012CJ0294", "resolved", []),
            ],
            ["case:C-294/12"],
        ),
        # another case number says nothing about this one
        (
            "case:C-293/12",
            "not_found",
            [("case:C-294/12", "resolved", [("celex", "62012CJ0294")])],
            [],
        ),
        # a not_found ECLI gets what a resolved neighbouring case records
        (
            "ecli:EU:C:2014:239",
            "not_found",
            [("case:C-293/12", "resolved", CASE_ECLI)],
            ["ecli:EU:C:2014:238", "celex:62012CJ0293"],
        ),
        ("ecli:EU:C:2014:239", "unverified", [("case:C-293/12", "resolved", CASE_ECLI)], []),
        ("ecli:EU:C:2014:239", "not_found", [("celex:62012CJ0293", "resolved", [])], []),
        # legislation is not case law
        ("celex:32016R0679", "not_found", [("case:C-293/12", "resolved", CASE_ECLI)], []),
    ],
)
def test_related_suggestions(
    ident: str, status: str, neighbours: list[Any], expected: list[str]
) -> None:
    assert related(ident, status, neighbours) == expected
