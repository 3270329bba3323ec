"""EU101's example domain fits the act's era (EEC / EC / EU), or no example is given."""

from __future__ import annotations

import re

import pytest

import citecheck

EXAMPLE = re.compile(r"e\.g\. (.*)$")
ACT_WORDS = re.compile(r".*?(?:Regulation|Directive|Decision|Position|Action)")

# text, the example EU101 gives (None: no example, the era has no such form)
ROWS = [
    # regulations of 1963-1967 wrote the domain after the number and the year
    ("Regulation No 1009/67 applies.", "'No 1009/67/EEC'"),
    ("Regulation No 99/63 applies.", "'No 99/63/EEC'"),
    ("Regulation No 1470/68 applies.", "'(EEC) No 1470/68'"),
    ("Regulation No 4064/89 applies.", "'(EEC) No 4064/89'"),
    ("Regulation No 5/93 applies.", "'(EEC) No 5/93' or '(EC) No 5/93'"),
    ("Regulation No 1/2003 applies.", "'(EC) No 1/2003'"),
    ("Regulation No 1/2010 applies.", "'(EU) No 1/2010'"),
    ("Regulation 2016/679 applies.", "'(EU) 2016/679'"),
    ("Directive 2009/12 applies.", "'2009/12/EC' or '2009/12/EU'"),
    ("Directive 2010/24 applies.", "'2010/24/EU'"),
    ("Decision No 284/2010 applies.", "'No 284/2010/EU'"),
    # a former pillar's act takes its own domain (JHA, CFSP), never EC
    ("Framework Decision 2002/584 applies.", "'2002/584/JHA'"),
    ("Council Framework Decision 2008/977 applies.", "'2008/977/JHA'"),
    ("Council Common Position 2008/944 applies.", "'2008/944/CFSP' or '2008/944/JHA'"),
    ("Council Joint Action 2008/124 applies.", "'2008/124/CFSP' or '2008/124/JHA'"),
    ("Common Position 1996/697 applies.", "'96/697/CFSP' or '96/697/JHA'"),
    # negative rows: a plain decision keeps the era's domain
    ("Council Decision 2008/124 applies.", "'2008/124/EC'"),
]

# a former pillar's act of a year its domain was not in use: no example, and no word about
# regulations numbered before 1968
PILLAR_WITHOUT_EXAMPLE = [
    "Framework Decision 2012/584 applies.",
    "Council Joint Action 1990/124 applies.",
]


def _eu101(text: str) -> str:
    [finding] = [f for f in citecheck.check(text).findings if f.code == "EU101"]
    return finding.message


@pytest.mark.parametrize(("text", "example"), ROWS)
def test_example_domain_fits_the_era(text: str, example: str | None) -> None:
    message = _eu101(text)
    m = EXAMPLE.search(message)
    assert (m.group(1) if m else None) == example


# Regulations of 1958-1962 were titled without year or domain ("Regulation No 17"): cited
# without a domain they are cited as titled; from 1963 the domain is part of the title.
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Council Regulation No 17/62 applies.", []),
        ("Regulation No 3/58 applies.", []),
        ("Regulation No 141/62 applies.", []),
        ("Regulation No 45/64/EEC applies.", []),
        ("Regulation No 45/64 applies.", ["EU101"]),
        ("Regulation No 1612/68 applies.", ["EU101"]),
        # other acts of those years are not regulations: the rule is about regulations only
        ("Council Directive 64/221 applies.", ["EU101"]),
    ],
)
def test_regulations_titled_without_a_domain_raise_no_eu101(text: str, codes: list[str]) -> None:
    assert [f.code for f in citecheck.check(text).findings if f.code == "EU101"] == codes


@pytest.mark.parametrize("text", PILLAR_WITHOUT_EXAMPLE)
def test_pillar_act_out_of_its_era_gets_no_example(text: str) -> None:
    message = _eu101(text)
    assert "e.g." not in message and "1968" not in message
    assert message.endswith("add it as the act's title does")


@pytest.mark.parametrize(("text", "example"), [r for r in ROWS if r[1]])
def test_the_example_itself_raises_no_domain_finding(text: str, example: str) -> None:
    """Written as suggested (each alternative), the act gets neither EU101 nor EU107."""
    for form in re.findall(r"'([^']+)'", example):
        word = ACT_WORDS.match(text)
        assert word is not None
        fixed = f"{word.group(0)} {form} applies."
        codes = {f.code for f in citecheck.check(fixed).findings}
        assert not codes & {"EU101", "EU107"}, (fixed, codes)
