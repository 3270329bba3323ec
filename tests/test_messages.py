"""Finding messages are written for the reader: no Python escapes, no source tags or internal
names, and they say what to write instead."""

from __future__ import annotations

import re

import pytest

import citecheck
from citecheck.batch import resolution_findings
from citecheck.rules import Rule, all_rules

TEXT_RULES = [r for r in all_rules() if r.code not in {"CC101", "RS101", "RS102"}]
JARGON = re.compile(r"\\x[0-9a-f]{2}|\[S\d+|GRAMMAR|CONTRACT|circuit|\bundl\b|sector-3")


@pytest.mark.parametrize("rule", TEXT_RULES, ids=[r.code for r in TEXT_RULES])
def test_messages_of_the_bad_examples_carry_no_jargon(rule: Rule) -> None:
    for finding in citecheck.check(rule.bad).findings:
        assert not JARGON.search(finding.message), finding


def test_no_break_space_is_shown_as_a_space_not_an_escape() -> None:
    (finding,) = citecheck.check("Regulation No\xa01/2003").findings
    assert "'No 1/2003'" in finding.message and "\\xa0" not in finding.message
    assert "e.g. '(EC) No 1/2003'" in finding.message


@pytest.mark.parametrize(
    ("text", "write"),
    [
        ("art. 1, par. d of Regulation (EU) 2016/679", "write 'Article 1(d)'"),
        ("Article 3 (1) (a) of Regulation (EU) 2016/679", "write 'Article 3(1)(a)'"),
        ("article 54 of the ICCPR", "check the number (1 to 53)"),
        ("Guiding Principle 32", "check the number (1 to 31)"),
        ("C-293/2012", "write 'C-293/12'"),
        ("OJ L 119, 04.05.2016, p. 1", "'4.5.2016'"),
        ("32016R679", "write '32016R0679'"),
    ],
)
def test_messages_say_what_to_write(text: str, write: str) -> None:
    messages = [f.message for f in citecheck.check(text).findings]
    assert any(write in m for m in messages), messages


def test_rs_messages_name_sources_in_words_and_ids_as_written() -> None:
    cits = citecheck.extract("A/HRC/RES/17/31 and ECLI:EU:C:2014:999")
    found = resolution_findings(
        cits,
        {
            "un:A/HRC/RES/17/31": {
                "status": "not_found",
                "source": "undl",
                "suggestions": ["un:A/HRC/17/31", "un:A/HRC/RES/17/4"],
            },
            "ecli:EU:C:2014:999": {"status": "unverified", "reason": "timed out"},
        },
    )
    assert [f.message for f in found] == [
        "A/HRC/RES/17/31 was not found in the UN Digital Library: did you mean A/HRC/17/31 "
        "or A/HRC/RES/17/4?",
        "ECLI:EU:C:2014:999 could not be checked (timed out); it is not reported missing: "
        "run again later",
    ]
