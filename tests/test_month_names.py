"""Month names of dates inside citations: every shipped language, any case. The patterns that
find them are case-insensitive, so a name the lexicon does not spell exactly (``ſeptember``,
``SEPTEMBER``) must give its month or no date, never a crash."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.lexicon import month_number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("September", 9), ("SEPTEMBER", 9), ("ſeptember", 9), ("décembre", 12), ("DÉCEMBRE", 12),
        ("März", 3), ("MÄRZ", 3), ("diciembre", 12), ("Juni", 6), ("Smarch", None), ("", None),
    ],
)
def test_month_number(name: str, number: int | None) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ABl. L 12 vom 3. ſeptember 2001, S. 5.", "oj:L/2001/12/p5"),
        ("ABl. L 331 vom 15. DEZEMBER 2010, S. 12", "oj:L/2010/331/p12"),
        ("Directive 93/13/EEC of 5 ſeptember 1993", "celex:31993L0013"),
        ("Council Directive 93/13/EEC of 5 APRIL 1993", "celex:31993L0013"),
    ],
)
def test_a_month_in_any_case_never_stops_the_check(text: str, expected: str) -> None:
    result = citecheck.check(text)
    assert expected in [c.id for c in result.citations]
