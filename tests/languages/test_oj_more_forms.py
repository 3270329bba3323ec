# ruff: noqa: E501  (table rows hold whole sentences)
"""Official Journal forms in the four languages: the Journal's running page heading on one line
(not a reference), the C series published act by act since October 2023 (``OJ C,
C/2024/1234, 5.3.2024``), tokenized corpus text (JRC-Acquis: ``ABl . Nr . L 160 vom 12 . 6 .
1989, S . 1 .``, ``DO n ºC 83``). Made-up passages in the shapes these texts use."""

from __future__ import annotations

import pytest
import regex
from eu_cases import check

from citecheck.families.oj import OJParts
from citecheck.lexicon import alternation
from citecheck.pipeline import extract

HEADINGS = [
    # the running heading on one line: the date, the language's code, the name, issue/page
    "4.5.2016 EN Official Journal of the European Union L 119/1",
    "4.5.2016\tDE\tAmtsblatt der Europäischen Union\tL 119/1",
    "Text davor.\n4.5.2016 DE Amtsblatt der Europäischen Union L 119/1\nText danach.",
    "4.5.2016 FR Journal officiel de l'Union européenne L 119/1",
    "4.5.2016 ES Diario Oficial de la Unión Europea L 119/1",
    # the two-line form stays refused
    "4.5.2016\nEN\nOfficial Journal of the European Union\nL 119/1",
]


@pytest.mark.parametrize("text", HEADINGS)
def test_page_heading_is_no_reference(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "oj"] == []


NOT_HEADINGS = [
    # a reference in prose, or a heading line followed by more text on the same line
    ("published in the Official Journal of the European Union L 119/1.", "oj:L/?/119/p1"),
    ("4.5.2016 EN Official Journal of the European Union L 119/1, as amended", "oj:L/?/119/p1"),
    ("am 4.5.2016 im Amtsblatt der Europäischen Union L 119/1", "oj:L/?/119/p1"),
    ("4.5.2016 EN Official Journal of the European Union L 119, 4.5.2016, p. 1", "oj:L/2016/119/p1"),
]


@pytest.mark.parametrize(("text", "oid"), NOT_HEADINGS)
def test_reference_that_is_no_heading_is_read(text: str, oid: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "oj"] == [oid]


ACT_BY_ACT_C = [
    ("OJ C, C/2024/1234, 5.3.2024.", [("oj:C/2024/1234", "oj", "")]),
    ("JO C, C/2024/1234, 5.3.2024.", [("oj:C/2024/1234", "oj", "")]),
    ("(ABl. C, C/2024/1234, 5.3.2024)", [("oj:C/2024/1234", "oj", "")]),
    ("(DO C, C/2024/1234, de 5.3.2024)", [("oj:C/2024/1234", "oj", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; C, C/2024/1234, 5.3.2024)",
     [("oj:L/2013/176/p1", "oj", ""), ("oj:C/2024/1234", "oj", "")]),
    # the series letter of the number must be the series': no reference otherwise
    ("OJ C, L/2024/1234, 5.3.2024.", []),
    # the Commission's document number alone is no OJ reference
    ("Commission notice C/2024/1234 of 5.3.2024.", []),
]


@pytest.mark.parametrize(("text", "expected"), ACT_BY_ACT_C)
def test_c_series_act_by_act(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_c_series_act_by_act_parts_and_page_finding() -> None:
    (oj,) = extract("OJ C, C/2024/1234, 5.3.2024, p. 3")
    assert isinstance(oj.parts, OJParts)
    assert (oj.parts.style, oj.parts.series, oj.parts.year, oj.parts.number) == ("act-by-act", "C", 2024, 1234)
    assert [n.code for n in oj.notes] == ["OJ101"]


TOKENIZED = [
    ("( 1 ) ABl . Nr . L 160 vom 12 . 6 . 1989, S . 1 .", [("oj:L/1989/160/p1", "oj", "")]),
    ("( 2 ) ABl . Nr . C 105 vom 25 . 4 . 1990, S . 9 . ( 3 ) ABl . Nr . L 5 vom 7 . 1 . 1991, S . 2 .",
     [("oj:C/1990/105/p9", "oj", ""), ("oj:L/1991/5/p2", "oj", "")]),
    # a blank before the comma too, as tokenized text writes every comma
    ("( 1 ) ABl . Nr . L 160 vom 12 . 6 . 1989 , S . 1 .", [("oj:L/1989/160/p1", "oj", "")]),
    ("(ABl. L 160 vom 12.6.1989 , S. 1)", [("oj:L/1989/160/p1", "oj", "")]),
    ("( 4 ) DO n ºC 83 de 11.10.1973, p. 24. ( 5 )", [("oj:C/1973/83/p24", "oj", "")]),
    ("( 4 ) JO n ºL 83 du 11.10.1973, p. 24.", [("oj:L/1973/83/p24", "oj", "")]),
    # French and Spanish tokenized text writes the page word "p ." (JRC-Acquis)
    ("JO L 119 du 4.5.2016 , p . 1", [("oj:L/2016/119/p1", "oj", "")]),
    ("( 1 ) JO L 119 du 4 . 5 . 2016 , p . 1 .", [("oj:L/2016/119/p1", "oj", "")]),
    ("( 2 ) JO L 119 du 4.5.2016 , pp . 1 - 3 .", [("oj:L/2016/119/p1", "oj", "")]),
    ("( 3 ) DO L 119 de 4.5.2016 , p . 1 .", [("oj:L/2016/119/p1", "oj", "")]),
    ("( 3 ) DO L 119 de 4.5.2016 , pág . 1 .", [("oj:L/2016/119/p1", "oj", "")]),
    # ... and no page where no number follows it, or the letter ends another word
    ("JO L 119 du 4.5.2016 , p . a", [("oj:L/2016/119", "oj", "")]),
    ("JO L 119 du 4.5.2016 , chap . 1", [("oj:L/2016/119", "oj", "")]),
    # negative rows: a sentence's dots are no date, a word after "nº" closed up is no series
    ("ABl . Nr . L 160 vom 12 . Dezember wurde S . 1 .", []),
    ("DO n ºCarta 83 de 11.10.1973", []),
    # two blanks before the comma: the page is not read (the issue is)
    ("(ABl. L 160 vom 12.6.1989  , S. 1)", [("oj:L/1989/160", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENIZED)
def test_tokenized_corpus_text(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_ordinal_sign_closes_no_word() -> None:
    """``nº`` is ``n°`` typed with the ordinal sign: a word may follow it closed up, as after
    ``°``; a word ending in a letter still does not match inside a longer one."""
    assert regex.match(alternation(["n º"]), "n ºC 83") is not None
    assert regex.match(alternation(["n °"]), "n °C 83") is not None
    assert regex.match(alternation(["para"]), "parallel") is None


UNDATED = [
    # a reference without its date reads as the German statute form does: the year is the act's
    # where it can be, else left open
    ("see OJ L 328, p. 7.", [("oj:L/?/328/p7", "oj", "")]),
    ("see OJ C 364, p. 1.", [("oj:C/?/364/p1", "oj", "")]),
    ("voir JO L 328, p. 7.", [("oj:L/?/328/p7", "oj", "")]),
    ("véase DO L 328, p. 7.", [("oj:L/?/328/p7", "oj", "")]),
    ("Directive 2004/38/EC of 29 April 2004 (OJ L 158, p. 77)",
     [("celex:32004L0038", "eu_act", ""), ("oj:L/2004/158/p77", "oj", "")]),
    ("(OJ L 176, p. 1; L 208, p. 68)", [("oj:L/?/176/p1", "oj", ""), ("oj:L/?/208/p68", "oj", "")]),
    # negative rows: no page, or a year where the page would be
    ("see OJ L 328.", []),
    ("see OJ L 328, 2004.", []),
    ("the OJ L 1 licence", []),
]


@pytest.mark.parametrize(("text", "expected"), UNDATED)
def test_undated_reference_in_every_language(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)
