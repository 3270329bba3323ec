"""CJEU case numbers and ECLIs: one table of forms (GRAMMAR.md E.8), near misses, findings."""

from __future__ import annotations

import pytest

from citecheck.families import FAMILIES_BY_NAME, Document
from citecheck.families.cjeu import CjeuParts
from citecheck.pipeline import check, extract


def _cjeu(text: str) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text) if c.family == "cjeu"]


# (text, [(id, span text, pinpoint)])
POSITIVES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("see Case C\u2011293/12.", [("case:C-293/12", "Case C\u2011293/12", "")]),
    ("in C-293/12 the Court", [("case:C-293/12", "C-293/12", "")]),
    ("Case T\u20101077/23 R was", [("case:T-1077/23 R", "Case T\u20101077/23 R", "")]),
    ("F\u201316/05 and", [("case:F-16/05", "F\u201316/05", "")]),
    ("C-132/18 P,", [("case:C-132/18 P", "C-132/18 P", "")]),
    ("C\u2011357/14\u00a0P", [("case:C-357/14 P", "C\u2011357/14\u00a0P", "")]),
    ("C-132/18P", [("case:C-132/18 P", "C-132/18P", "")]),
    ("C\u2011237/15 PPU,", [("case:C-237/15 PPU", "C\u2011237/15 PPU", "")]),
    ("T-1077/23 R", [("case:T-1077/23 R", "T-1077/23 R", "")]),
    ("order in T-346/06 DEP,", [("case:T-346/06 DEP", "T-346/06 DEP", "")]),
    (
        "Joined Cases C-293/12 and C-594/12",
        [
            ("case:C-293/12", "Joined Cases C-293/12 and C-594/12", ""),
            ("case:C-594/12", "Joined Cases C-293/12 and C-594/12", ""),
        ],
    ),
    (
        "C\u2011501/12 to C\u2011503/12",
        [
            ("case:C-501/12", "C\u2011501/12 to C\u2011503/12", ""),
            ("case:C-502/12", "C\u2011501/12 to C\u2011503/12", ""),
            ("case:C-503/12", "C\u2011501/12 to C\u2011503/12", ""),
        ],
    ),
    (
        "Joined Cases C-313/23, C-316/23 and C-332/23",
        [
            ("case:C-313/23", "Joined Cases C-313/23, C-316/23 and C-332/23", ""),
            ("case:C-316/23", "Joined Cases C-313/23, C-316/23 and C-332/23", ""),
            ("case:C-332/23", "Joined Cases C-313/23, C-316/23 and C-332/23", ""),
        ],
    ),
    ("Case 314/85 Foto-Frost", [("case:314/85", "Case 314/85", "")]),
    (
        "Joined Cases 56/64 and 58/64",
        [
            ("case:56/64", "Joined Cases 56/64 and 58/64", ""),
            ("case:58/64", "Joined Cases 56/64 and 58/64", ""),
        ],
    ),
    (
        "van Gend en Loos, 26/62, EU:C:1963:1",
        [("case:26/62", "26/62, EU:C:1963:1", ""), ("ecli:EU:C:1963:1", "26/62, EU:C:1963:1", "")],
    ),
    ("ECLI:EU:C:2014:238", [("ecli:EU:C:2014:238", "ECLI:EU:C:2014:238", "")]),
    ("ECLI:EU:T:2012:426.", [("ecli:EU:T:2012:426", "ECLI:EU:T:2012:426", "")]),
    ("(EU:C:2005:446)", [("ecli:EU:C:2005:446", "EU:C:2005:446", "")]),
    ("ECLI:NL:HR:2015:472 held", [("ecli:NL:HR:2015:472", "ECLI:NL:HR:2015:472", "")]),
    (
        "judgment of 12 July 2005, Schempp, C-403/03, EU:C:2005:446, paragraph 19",
        [
            ("case:C-403/03", "C-403/03, EU:C:2005:446, paragraph 19", "para. 19"),
            ("ecli:EU:C:2005:446", "C-403/03, EU:C:2005:446, paragraph 19", "para. 19"),
        ],
    ),
    (
        # Curia XML rendering: line breaks and NBSP between every token.
        "Ketel\u00e4,\nC\u2011592/11\n,\nEU:C:2012:673\n, paragraph\u00a0\n37\n, and of",
        [
            ("case:C-592/11", "C\u2011592/11\n,\nEU:C:2012:673\n, paragraph\u00a0\n37", "para. 37"),
            (
                "ecli:EU:C:2012:673",
                "C\u2011592/11\n,\nEU:C:2012:673\n, paragraph\u00a0\n37",
                "para. 37",
            ),
        ],
    ),
    (
        "C\u2011293/12 and C\u2011594/12, EU:C:2014:238, paragraphs 38 to 40",
        [
            (
                cid,
                "C\u2011293/12 and C\u2011594/12, EU:C:2014:238, paragraphs 38 to 40",
                "paras. 38-40",
            )
            for cid in ("case:C-293/12", "case:C-594/12", "ecli:EU:C:2014:238")
        ],
    ),
    (
        "Opinion in Schrems, EU:C:2015:627, point 45",
        [("ecli:EU:C:2015:627", "EU:C:2015:627, point 45", "point 45")],
    ),
    ("Case C 293/12", [("case:C-293/12", "Case C 293/12", "")]),
    ("C-293/2012", [("case:C-293/12", "C-293/2012", "")]),
    # A keyword inside a longer word is not the keyword: the span starts at the number.
    ("the showcase C-5/19 was", [("case:C-5/19", "C-5/19", "")]),
    ("a Showcase C-5/19 was", [("case:C-5/19", "C-5/19", "")]),
    # Curia text glues the document header to the title: the keyword still counts.
    (
        "62015CJ0004ENGJoined Cases C-1/15 and C-2/15",
        [
            ("case:C-1/15", "Joined Cases C-1/15 and C-2/15", ""),
            ("case:C-2/15", "Joined Cases C-1/15 and C-2/15", ""),
        ],
    ),
    (
        "the briefcases C-5/19 and C-6/19",
        [
            ("case:C-5/19", "C-5/19 and C-6/19", ""),
            ("case:C-6/19", "C-5/19 and C-6/19", ""),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _cjeu(text) == expected


NEGATIVES = [
    "print it on C-3 paper",
    "a T-shirt and an F-16 and a C-130 aircraft",
    "on 12/05 and 3/4 of the members",
    "the meeting of C-19/20 July 2021",
    "see pages 293/12 to 300/12",
    "OJ C 115/47",
    "in case 1/10 of them",
    "Directive 95/46/EC and Regulation (EU) 2016/679",
    "ABC-12/05 and IT-95/14",
    "in Case 12/05",  # a post-1989 number without its court letter is not read
    "ECLI is an identifier",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_near_misses(text: str) -> None:
    assert _cjeu(text) == []


def test_offsets_hold_for_every_citation() -> None:
    text = "x Joined Cases C\u2011293/12 and C\u2011594/12, EU:C:2014:238, paragraph 52 y"
    for cit in extract(text):
        assert text[cit.start : cit.end] == cit.text


def test_range_parts_are_typed() -> None:
    cits = [c for c in extract("Cases C\u201166/16 P to C\u201169/16 P were joined")]
    assert [c.id for c in cits] == [f"case:C-{n}/16 P" for n in (66, 67, 68, 69)]
    parts = cits[0].parts
    assert isinstance(parts, CjeuParts)
    assert [c.number for c in parts.cases] == [66, 67, 68, 69]


# Findings: (code, text that triggers it, text that does not)
FINDINGS = [
    ("CJ101", "ECLI:EU:C:14:238", "ECLI:EU:C:2014:238"),
    ("CJ101", "ECLI:EU:CJ:2014:238", "EU:C:2014:238"),
    ("CJ101", "ECLI EU C 2014 238", "ECLI:NL:HR:2015:472"),
    ("CJ102", "C-293/2012", "C-293/12"),
    ("CJ103", "Case C 293/12", "Case C\u2011293/12"),
    ("CJ104", "Case C-293/12 and C-594/12", "Joined Cases C-293/12 and C-594/12"),
    ("CJ105", "C-293/12, EU:C:2011:238", "C-293/12, EU:C:2014:238"),
    ("CJ106", "T-293/12, EU:C:2014:238", "T-293/12, EU:T:2014:238"),
    ("CJ107", "C-132/18P", "C-132/18 P"),
    ("CJ108", "C-503/12 to C-501/12", "C-501/12 to C-503/12"),
]


@pytest.mark.parametrize(("code", "bad", "good"), FINDINGS)
def test_finding_triggers_and_not(code: str, bad: str, good: str) -> None:
    assert code in [f.code for f in check(bad).findings]
    assert code not in [f.code for f in check(good).findings]


@pytest.mark.parametrize(
    ("text", "replacement", "new_id"),
    [
        ("C-293/2012", "C-293/12", "case:C-293/12"),
        ("Case C 293/12", "C-293/12", "case:C-293/12"),
        ("C-132/18P", "C-132/18 P", "case:C-132/18 P"),
        ("ECLI:EU:CJ:2014:238", "ECLI:EU:C:2014:238", "ecli:EU:C:2014:238"),
        ("ECLI EU C 2014 238", "ECLI:EU:C:2014:238", "ecli:EU:C:2014:238"),
    ],
)
def test_fixes_are_safe(text: str, replacement: str, new_id: str) -> None:
    result = check(text)
    fixes = [f.fix for f in result.findings if f.fix is not None]
    assert len(fixes) == 1
    fix = fixes[0]
    assert fix.replacement == replacement
    fixed = text[: fix.start] + fix.replacement + text[fix.end :]
    assert check(fixed).findings == ()
    assert new_id in [c.id for c in extract(fixed)]


def test_two_digit_ecli_year_has_no_fix() -> None:
    (finding,) = check("ECLI:EU:C:14:238").findings
    assert finding.fix is None


def test_ecli_glued_letters_are_cut() -> None:
    # metadata lines in the corpus glue the language code onto the ECLI
    (cit,) = extract("ecli:ECLI:EU:C:2017:1007ENGJudgment")
    assert cit.id == "ecli:EU:C:2017:1007"
    assert cit.text == "ECLI:EU:C:2017:1007"


def test_validate_only_reports_cross_checks_once_per_group() -> None:
    findings = check("Joined Cases C-293/12 and C-594/12, EU:C:2011:238").findings
    assert [f.code for f in findings] == ["CJ105"]


def test_family_is_registered_with_rules() -> None:
    family = FAMILIES_BY_NAME["cjeu"]
    assert {r.code for r in family.rules} >= {"CJ101", "CJ106"}
    assert list(family.find(Document("nothing here"))) == []
