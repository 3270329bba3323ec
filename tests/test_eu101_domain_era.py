"""EU101's example domain fits the act's era (EEC / EC / EU), or no example is given."""

from __future__ import annotations

import re

import pytest

import citecheck

EXAMPLE = re.compile(r"e\.g\. (.*)$")
ACT_WORDS = re.compile(r".*?(?:Regulation|Directive|Decision)")

# text, the example EU101 gives (None: no example, the era has no such form)
ROWS = [
    ("Council Regulation No 17/62 applies.", None),
    ("Regulation No 1009/67 applies.", None),
    ("Regulation No 1470/68 applies.", "'(EEC) No 1470/68'"),
    ("Regulation No 4064/89 applies.", "'(EEC) No 4064/89'"),
    ("Regulation No 5/93 applies.", "'(EEC) No 5/93' or '(EC) No 5/93'"),
    ("Regulation No 1/2003 applies.", "'(EC) No 1/2003'"),
    ("Regulation No 1/2010 applies.", "'(EU) No 1/2010'"),
    ("Regulation 2016/679 applies.", "'(EU) 2016/679'"),
    ("Directive 2009/12 applies.", "'2009/12/EC' or '2009/12/EU'"),
    ("Directive 2010/24 applies.", "'2010/24/EU'"),
    ("Decision No 284/2010 applies.", "'No 284/2010/EU'"),
]


def _eu101(text: str) -> str:
    [finding] = [f for f in citecheck.check(text).findings if f.code == "EU101"]
    return finding.message


@pytest.mark.parametrize(("text", "example"), ROWS)
def test_example_domain_fits_the_era(text: str, example: str | None) -> None:
    message = _eu101(text)
    m = EXAMPLE.search(message)
    assert (m.group(1) if m else None) == example
    if example is None:
        assert "before 1968" in message


@pytest.mark.parametrize(("text", "example"), [r for r in ROWS if r[1]])
def test_the_example_itself_raises_no_domain_finding(text: str, example: str) -> None:
    """Written as suggested (each alternative), the act gets neither EU101 nor EU107."""
    for form in re.findall(r"'([^']+)'", example):
        word = ACT_WORDS.match(text)
        assert word is not None
        fixed = f"{word.group(0)} {form} applies."
        codes = {f.code for f in citecheck.check(fixed).findings}
        assert not codes & {"EU101", "EU107"}, (fixed, codes)
