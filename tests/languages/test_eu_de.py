# ruff: noqa: E501  (table rows hold real citation sentences)
"""EU citations written in German: acts of both eras, lists, pinpoints, OJ, CJEU, treaty articles; fixes in German."""

from __future__ import annotations

import datetime

import pytest
from eu_cases import check, fixes

from citecheck.families.eu_acts import EUActParts
from citecheck.pipeline import extract

CASES = [
    ("gestützt auf die Verordnung (EU) 2016/679 des Europäischen Parlaments und des Rates vom 27. April 2016 zum Schutz natürlicher Personen",
     [("celex:32016R0679", "eu_act", "")]),
    ("nach der Richtlinie 95/46/EG des Europäischen Parlaments und des Rates",
     [("celex:31995L0046", "eu_act", "")]),
    ("der Verordnung (EWG) Nr. 2913/92 des Rates vom 12. Oktober 1992 zur Festlegung des Zollkodex",
     [("celex:31992R2913", "eu_act", "")]),
    ("der Rahmenbeschluss 2002/584/JI des Rates",
     [("celex:32002F0584", "eu_act", "")]),
    ("der Beschluss (GASP) 2020/1999 des Rates vom 7. Dezember 2020",
     [("celex:32020D1999", "eu_act", "")]),
    ("die Entscheidung 93/436/EWG der Kommission",
     [("celex:31993D0436", "eu_act", "")]),
    ("die Durchführungsverordnung (EU) 2019/947 der Kommission",
     [("celex:32019R0947", "eu_act", "")]),
    ("mit den Richtlinien 2001/103/EG(7), 2000/66/EG(8) bzw. 2001/99/EG(9) der Kommission",
     [("celex:32001L0103", "eu_act", ""), ("celex:32000L0066", "eu_act", ""), ("celex:32001L0099", "eu_act", "")]),
    ("gemäß Artikel 6 Absatz 1 Buchstabe b der Verordnung (EU) 2016/679 ist die Verarbeitung",
     [("celex:32016R0679", "eu_act", "art. 6(1)(b)")]),
    ("nach Maßgabe des Artikels 12 Absatz 6 der Verordnung (EWG) Nr. 2913/92 des Rates",
     [("celex:31992R2913", "eu_act", "art. 12(6)")]),
    ("die in Artikel 5 Absatz 1 Buchstaben a und b und Artikel 5 Absatz 2 Buchstabe b) der Richtlinie 91/414/EWG genannten",
     [("celex:31991L0414", "eu_act", "art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)")]),
    ("in Anhang I der Richtlinie 91/414/EWG aufgenommen",
     [("celex:31991L0414", "eu_act", "annex I")]),
    ("gestützt auf die Verordnung (EWG) Nr. 804/68 des Rates vom 27. Juni 1968 über die gemeinsame Marktorganisation für Milch (1), zuletzt geändert durch die Verordnung (EG) Nr. 2931/95 der Kommission (2), insbesondere auf Artikel 7 Absatz 5 und Artikel 28,",
     [("celex:31968R0804", "eu_act", "art. 7(5); art. 28"), ("celex:31995R2931", "eu_act", "")]),
    ("(ABl. L 119 vom 4.5.2016, S. 1)",
     [("oj:L/2016/119/p1", "oj", "")]),
    ("Urteil vom 16. Juli 2020, Facebook Ireland und Schrems, C‑311/18, EU:C:2020:559, Rn. 42 und 43",
     [("case:C-311/18", "cjeu_case", "para. 42; para. 43"), ("ecli:EU:C:2020:559", "ecli", "para. 42; para. 43")]),
    ("ein Vorabentscheidungsersuchen nach Art. 267 AEUV",
     [("instrument:tfeu", "instrument", "art. 267")]),
    ("Artikel 47 der Charta der Grundrechte der Europäischen Union",
     [("instrument:cfr", "instrument", "art. 47")]),
    ("gemäß Artikel 6 Absatz 1 EUV",
     [("instrument:teu", "instrument", "art. 6(1)")]),
    ("Artikel 8 der EMRK",
     [("instrument:echr", "instrument", "art. 8")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_german_citations(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_author_and_date_are_read_in_german() -> None:
    (cit,) = extract("der Verordnung (EWG) Nr. 2913/92 des Rates vom 12. Oktober 1992 zur Festlegung")
    assert isinstance(cit.parts, EUActParts)
    assert (cit.parts.author, cit.parts.date, cit.parts.language) == ("Council", datetime.date(1992, 10, 12), "de")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("die Verordnung (EU) Nr. 2016/679", [("EU103", "(EU) 2016/679")]),
        ("die Verordnung (EG) Nr. 1049/01", [("EU104", "(EG) Nr. 1049/2001")]),
        ("die Richtlinie 2016/680/EU", [("EU106", "(EU) 2016/680")]),
        ("der Beschluss GASP 2020/1999 des Rates", [("EU102", "(GASP) 2020/1999")]),
        ("die Verordnung (EG) Nr. 1049/2001 des Europäischen Parlaments", []),
    ],
)
def test_fixes_are_written_in_german(text: str, expected: list[tuple[str, str]]) -> None:
    assert fixes(text) == expected
