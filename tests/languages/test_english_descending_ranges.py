"""English article and recital ranges whose end is below their start (``recitals 5 to 3``,
``Articles 8 to 6``) name no range and no telling which was meant: no pinpoint, as the French,
Spanish and German readers give. Equal ends, letters and roman numerals are kept as written."""

from __future__ import annotations

import pytest
from eu_cases import found

from citecheck.pinpoints.articles import parse_body
from citecheck.pinpoints.numbers import descending

GDPR = "of Regulation (EU) 2016/679"

ROWS = [
    # descending numbers: no pinpoint
    (f"recitals 5 to 3 {GDPR} are", ""),
    (f"Articles 8 to 6 {GDPR} are", ""),
    (f"Articles 8-6 {GDPR} are", ""),
    (f"Articles 10 to 9 {GDPR} are", ""),
    (f"recitals 10 to 9 {GDPR} are", ""),
    (f"Articles 8 to 6 and 9 {GDPR} are", ""),
    # negative: ranges in order (also where the text of the end sorts first)
    (f"recitals 3 to 5 {GDPR} are", "recitals 3-5"),
    (f"Articles 6 to 8 {GDPR} are", "arts. 6-8"),
    (f"Articles 9 to 10 {GDPR} are", "arts. 9-10"),
    (f"recitals 9 to 10 {GDPR} are", "recitals 9-10"),
    # boundary: equal ends, letters, roman numerals, inserted articles are kept as written
    (f"recitals 5 to 5 {GDPR} are", "recitals 5-5"),
    (f"Articles 5 to 5 {GDPR} are", "arts. 5-5"),
    (f"Article 5(c) to (a) {GDPR} is", "art. 5(c)-(a)"),
    (f"Article 5(1)(ii) to (i) {GDPR} is", "art. 5(1)(ii)-(i)"),
    (f"Articles 10a to 10 {GDPR} are", "arts. 10a-10"),
    (f"Annexes III to I {GDPR} are", "annex III-I"),
]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_english_descending_ranges(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("recitals 5 to 3", ""),
        ("Articles 8 to 6", ""),
        ("recitals 3 to 5", "recitals 3-5"),
        ("recitals 5 to 5", "recitals 5-5"),
        ("Articles 6 to 8", "arts. 6-8"),
        ("points (c) to (a) of Article 5", "art. 5(c)-(a)"),
        ("Article 2(ii) to (i)", "art. 2(ii)-(i)"),
    ],
)
def test_parse_body_descending(body: str, expected: str) -> None:
    assert str(parse_body(body)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("5", "3", True),
        ("10", "9", True),
        ("5", "5", False),
        ("3", "5", False),
        ("9", "10", False),
        ("c", "a", False),
        ("ii", "i", False),
        ("10a", "10", False),
    ],
)
def test_descending(start: str, end: str, expected: bool) -> None:
    assert descending(start, end) is expected
