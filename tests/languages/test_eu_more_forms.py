# ruff: noqa: E501  (table rows hold citation sentences)
"""EU forms of issue 14 that were still missed, one table per language: old OJ references
(``JO n° L 256 du 7. 9. 1987``), back-references (``ledit règlement``, ``dicha Directiva``,
``der genannten Verordnung``), German ranges, Spanish reversed order, French sub-divisions.
Made-up sentences in the shapes of EU texts."""

from __future__ import annotations

import pytest
from eu_cases import check, found

OJ_CASES = [
    ("Voir JO n° L 256 du 7. 9. 1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(JO n° C 27 du 26.1.1998, p. 1)", [("oj:C/1998/27/p1", "oj", "")]),
    ("(JO nº L 148 du 5. 6. 1978, p. 1)", [("oj:L/1978/148/p1", "oj", "")]),
    ("(JO no L 356 du 27.12.1973, p. 79)", [("oj:L/1973/356/p79", "oj", "")]),
    ("Véase DO n° L 256 de 7.9.1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(DO nº C 112 de 27. 10. 1972, p. 14)", [("oj:C/1972/112/p14", "oj", "")]),
    ("Siehe ABl. Nr. L 256 vom 7. 9. 1987, S. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(ABl. Nr. C 27 vom 26.1.1998, S. 1)", [("oj:C/1998/27/p1", "oj", "")]),
    ("See OJ No L 256, 7. 9. 1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(OJ No. C 27, 26.1.1998, p. 1)", [("oj:C/1998/27/p1", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), OJ_CASES)
def test_old_oj_references(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "JO n° 129 du 28. 6. 1967, p. 2578/67",
        "DO n° 129 de 28. 6. 1967, p. 2578/67",
        "ABl. Nr. 129 vom 28. 6. 1967, S. 2578/67",
        "OJ No 129, 28. 6. 1967, p. 2578/67",
    ],
)
def test_pre_1968_reference_gets_the_id_of_its_english_form(text: str) -> None:
    # No series before 1968: the id is the one the English form has always had, in every language.
    assert found(text) == [("oj:1967/129/p2578", "oj", "")]
    assert found("OJ 129, 28.6.1967, p. 2578/67") == [("oj:1967/129/p2578", "oj", "")]
