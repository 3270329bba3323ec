# ruff: noqa: E501  (table rows hold whole statute sentences)
"""EU citations as German federal statutes write them: OJ references without a year or page
comma, issue lists continued after a comma, abbreviated and line-wrapped pinpoints, sections of
annexes, "zu der"/"zur" before the act. Made-up sentences in the shapes statutes use."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract

CASES = [
    # the OJ's year is left out where it is the year of the act's date: the act gives it
    ("1. Richtlinie 2002/61/EG des Rates vom 14. März 2002 über die Zusammenarbeit der Behörden (ABl. EG Nr. L 88 S. 17),",
     [("celex:32002L0061", "eu_act", ""), ("oj:L/2002/88/p17", "oj", "")]),
    ("Richtlinie 2004/17/EG des Rates vom 9. Februar 2004 über die Einreise (ABl. EU Nr. L 45\n    S. 22),",
     [("celex:32004L0017", "eu_act", ""), ("oj:L/2004/45/p22", "oj", "")]),
    ("nach dem Beschluss 2008/615/JI des Rates vom 23. Juni\n2008 über die Vertiefung der Zusammenarbeit (ABl. L 210, S.\n1), die",
     [("celex:32008D0615", "eu_act", ""), ("oj:L/2008/210/p1", "oj", "")]),
    # the act's author and date wrapped onto indented lines; a date inside the title
    ("    10\\.                                    Richtlinie 2004/38/EG des\n    Rates vom 13. Dezember 2004 über die Bedingungen (ABl. EU Nr. L 375\n    S. 7),",
     [("celex:32004L0038", "eu_act", ""), ("oj:L/2004/375/p7", "oj", "")]),
    ("    2\\.                                    Richtlinie 2001/23/EG des Rates\n    vom 28. Juni 2001 zur Ergänzung der Regelungen des Übereinkommens vom\n    14\\. Juni 1985 (ABl. EG Nr. L 187 S. 40),",
     [("celex:32001L0023", "eu_act", ""), ("oj:L/2001/187/p40", "oj", "")]),
    # "Nr." at the end of a line
    ("Auf das Verfahren zur Überstellung nach der Verordnung (EU) Nr.\n343/2003 finden die Vorschriften",
     [("celex:32003R0343", "eu_act", "")]),
    # the year written where it differs from the act's; a page after it without a comma
    ("Richtlinie 2005/85/EG des Rates vom 1. Dezember 2005 über Mindestnormen (ABl. EU 2006 Nr. L 326\n    S. 13),",
     [("celex:32005L0085", "eu_act", ""), ("oj:L/2006/326/p13", "oj", "")]),
    # act and corrigenda: issues continued after a semicolon or a comma
    ("Verordnung (EU) Nr. 648/2012 des Europäischen Parlaments und des Rates vom 4. Juli 2012 über OTC-Derivate (ABl. L 201 vom 27.7.2012, S. 1, L 321 vom 30.11.2013, S. 6) in der jeweils geltenden Fassung",
     [("celex:32012R0648", "eu_act", ""), ("oj:L/2012/201/p1", "oj", ""), ("oj:L/2013/321/p6", "oj", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 338; L 208 vom 2.8.2013, S. 73; L 20 vom 25.1.2017, S. 1), die zuletzt durch die Richtlinie (EU) 2019/2034 geändert worden ist",
     [("oj:L/2013/176/p338", "oj", ""), ("oj:L/2013/208/p73", "oj", ""), ("oj:L/2017/20/p1", "oj", ""), ("celex:32019L2034", "eu_act", "")]),
    # abbreviated statute pinpoints
    ("nach Art. 9 Abs. 2 Nr. 3 Buchst. c der Verordnung (EU) Nr. 909/2014",
     [("celex:32014R0909", "eu_act", "art. 9(2)(3)(c)")]),
    ("im Sinne des Art. 2 Nr. 5 der Richtlinie 2013/36/EU",
     [("celex:32013L0036", "eu_act", "art. 2(5)")]),
    ("nach Artikel 3 Absatz 1 Nrn. 4 und 5 der Verordnung (EU) Nr. 596/2014",
     [("celex:32014R0596", "eu_act", "art. 3(1)(4); art. 3(1)(5)")]),
    # "S." after a paragraph is a sentence (left out, as "Satz"); in an OJ reference a page
    ("nach Art. 17 Abs. 3 S. 2 der Verordnung (EU) 2016/679 (ABl. L 119 vom 4.5.2016, S. 1)",
     [("celex:32016R0679", "eu_act", "art. 17(3)"), ("oj:L/2016/119/p1", "oj", "")]),
    # roman points of a lettered point: "Ziffer ii"
    ("nach Artikel 4 Absatz 1 Nummer 3 Buchstabe b Ziffer ii der Verordnung (EU) Nr. 600/2014",
     [("celex:32014R0600", "eu_act", "art. 4(1)(3)(b)(ii)")]),
    ("im Sinne des Artikels 2 Buchstabe c Ziffern i bis iii der Richtlinie 2013/34/EU",
     [("celex:32013L0034", "eu_act", "art. 2(c)(i)-(iii)")]),
    # a line break inside the pinpoint or between it and the act
    ("bei einem Institut im Sinne des Artikels\n        4 Nummer 7 der Richtlinie (EU) 2015/2366 des Europäischen Parlaments",
     [("celex:32015L2366", "eu_act", "art. 4(7)")]),
    ("die in Artikel 3 Absatz 4 des\n    Rahmenbeschlusses 2008/909/JI des Rates genannten Straftaten",
     [("celex:32008F0909", "eu_act", "art. 3(4)")]),
    # a section of an annex is one place with the annex
    ("Tätigkeiten nach Anhang I Abschnitt C Nummer 4 der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. C, point 4")]),
    ("die in Anhang II Abschnitt B der Richtlinie 2014/65/EU genannten Kunden",
     [("celex:32014L0065", "eu_act", "annex II, sect. B")]),
    # ranges of an annex's points
    ("Wertpapierdienstleistungen nach Anhang I Abschnitt A Nummer 1 bis 7 der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. A, points 1-7")]),
    ("die Angaben nach Anhang IV Buchstabe b bis d der Richtlinie 2013/34/EU",
     [("celex:32013L0034", "eu_act", "annex IV(b)-(d)")]),
    # a type word, its number and the words of a type wrapped onto indented lines
    ("1.  nach Artikel 4 Absatz 1 Nummer 3 der Verordnung\n    (EU) Nr. 909/2014 und der Richtlinie\n    2013/36/EU,",
     [("celex:32014R0909", "eu_act", "art. 4(1)(3)"), ("celex:32013L0036", "eu_act", "")]),
    ("    2.  Artikel 5 Absatz 2 Nummer 4\n        Buchstabe c der Delegierten\n        Verordnung (EU) 2017/589 der Kommission",
     [("celex:32017R0589", "eu_act", "art. 5(2)(4)(c)")]),
    # "zu der", "zur" join an annex to its act
    ("Staaten, die in Anhang I zu der Verordnung (EU) 2018/1806 aufgeführt sind",
     [("celex:32018R1806", "eu_act", "annex I")]),
    ("die in Anhang III zur Richtlinie 2009/50/EG genannten Berufe",
     [("celex:32009L0050", "eu_act", "annex III")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_german_statute_citations(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_yearless_reference_without_a_dated_act_keeps_the_year_open() -> None:
    """No date of the act: the year is not guessed from the act's number."""
    (oj,) = [c for c in extract("nach der Richtlinie 2002/61/EG (ABl. EG Nr. L 88 S. 17)") if c.kind.value == "oj"]
    assert oj.id == "oj:L/?/88/p17"
    assert oj.ambiguous
    assert isinstance(oj.parts, OJParts) and oj.parts.year is None and oj.parts.act_id == "celex:32002L0061"


def test_yearless_reference_takes_the_year_of_the_act_it_documents() -> None:
    (oj,) = [c for c in extract("Richtlinie 2002/61/EG des Rates vom 14. März 2002 über X (ABl. EG Nr. L 88 S. 17)") if c.kind.value == "oj"]
    assert not oj.ambiguous
    assert isinstance(oj.parts, OJParts)
    assert (oj.parts.style, oj.parts.year, oj.parts.page) == ("statute", 2002, 17)


@pytest.mark.parametrize(
    "text",
    [
        "ABl. EG Nr. L 88",  # no page: nothing to tell it from a bare number
        "ABl. L 201 vom 27.7.2012, S. 1, 2 und 3",  # pages, not a continued issue
    ],
)
def test_no_yearless_reference_or_continuation(text: str) -> None:
    ids = [c.id for c in extract(text) if c.kind.value == "oj"]
    assert all("?" not in i for i in ids)
    assert len(ids) <= 1


def test_yearless_reference_after_a_sentence_break_is_not_linked() -> None:
    """A full stop before a capital ends the act's sentence, unless it is a date's ("14. Juni")."""
    cits = extract("Richtlinie 2001/23/EG des Rates vom 28. Juni 2001. Die Liste steht im Amtsblatt (ABl. EG Nr. L 187 S. 40).")
    (oj,) = [c for c in cits if c.kind.value == "oj"]
    assert oj.id == "oj:L/?/187/p40" and oj.ambiguous


#: OJ shapes of hurried or older statute text: each row read nothing before.
STATUTE_OJ_SHAPES = [
    # an act published on its own, with the Community's mark after the name
    ("Verordnung (EU) 2024/1183 (ABl. EU L 2024/1183 vom 30.4.2024) gilt",
     [("celex:32024R1183", "eu_act", ""), ("oj:L/2024/1183", "oj", "")]),
    ("nach der Richtlinie (EU) 2024/1760 (ABl. EU L, 2024/1760, 5.7.2024)",
     [("celex:32024L1760", "eu_act", ""), ("oj:L/2024/1760", "oj", "")]),
    ("(ABl. EG C, C/2024/3016, 22.5.2024)",
     [("oj:C/2024/3016", "oj", "")]),
    # the name in capitals, without its dot, closed up on the series, or "Amtsbl."
    ("Richtlinie 2014/49/EU vom 16. April 2014 (ABL. L 173 vom 12.6.2014, S. 149)",
     [("celex:32014L0049", "eu_act", ""), ("oj:L/2014/173/p149", "oj", "")]),
    ("(ABl.L 331 vom 15.12.2010, S. 12)",
     [("oj:L/2010/331/p12", "oj", "")]),
    ("Richtlinie 2009/110/EG vom 16. September 2009 (ABl EU L 267 S. 7)",
     [("celex:32009L0110", "eu_act", ""), ("oj:L/2009/267/p7", "oj", "")]),
    ("Richtlinie 2005/60/EG vom 26. Oktober 2005 (Amtsbl. EU L 309 S. 15)",
     [("celex:32005L0060", "eu_act", ""), ("oj:L/2005/309/p15", "oj", "")]),
    ("(ABl.EG Nr. L 281 S. 31)",
     [("oj:L/?/281/p31", "oj", "")]),
    # the date with the year in two figures after "vom": issues are of 1968 to 2023
    ("(ABl. L 302 vom 17.11.09, S. 32)",
     [("oj:L/2009/302/p32", "oj", "")]),
    ("(ABl. EG Nr. L 166 vom 28.6.91, S. 77)",
     [("oj:L/1991/166/p77", "oj", "")]),
    ("(ABl. L 1 vom 4.1.03, S. 1)",
     [("oj:L/2003/1/p1", "oj", "")]),
    # the date written first, after the name
    ("veröffentlicht im Amtsblatt der Europäischen Union vom 26. Juni 2013, L 176, S. 1",
     [("oj:L/2013/176/p1", "oj", "")]),
    ("(ABl. vom 30.4.2004, L 166, S. 1)",
     [("oj:L/2004/166/p1", "oj", "")]),
    ("(ABl. EG vom 18.7.2002, Nr. L 190, S. 1)",
     [("oj:L/2002/190/p1", "oj", "")]),
    # the page after a semicolon
    ("(ABl. L 158 vom 27.5.2014; S. 77)",
     [("oj:L/2014/158/p77", "oj", "")]),
    ("(ABl. L 141 vom 5.6.2015; S. 73; L 156 vom 19.6.2018, S. 43)",
     [("oj:L/2015/141/p73", "oj", ""), ("oj:L/2018/156/p43", "oj", "")]),
    # acts published on their own, listed by their numbers alone
    ("(ABl. L 2024/1183, L 2025/2160)",
     [("oj:L/2024/1183", "oj", ""), ("oj:L/2025/2160", "oj", "")]),
    ("(ABl. L 2024/1183; L 2024/1184 und C 2024/3016)",
     [("oj:L/2024/1183", "oj", ""), ("oj:L/2024/1184", "oj", ""), ("oj:C/2024/3016", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), STATUTE_OJ_SHAPES)
def test_statute_oj_shapes(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a federal gazette, a date or a page alone is no OJ reference
        ("(BGBl. I S. 2097; S. 5)", []),
        ("am 4.5.16, S. 1 des Berichts", []),
        ("ABl. vom 4.5.2016, S. 1", []),  # no series, no issue
        ("ABl. vom 4.5.2016", []),
        ("ABl.L 149", []),  # no page: nothing tells it from a bare number
        # the gazettes of the Länder and the EPO share the abbreviations: no series L or C
        ("(Amtsbl. I S. 1234)", []),
        ("(Amtsbl. 2013 S. 123)", []),
        ("ABl EPA 2013, 111", []),
        ("ABL. Berlin S. 5", []),
        ("ABl EU L 2019/2033", []),  # a number before October 2023 without its date names no issue
        # two figures that cannot be an issue's year are not read as one
        ("(ABl. L 119 vom 4.5.24, S. 1)", []),
        ("(ABl. L 119 vom 4.5.45, S. 1)", []),
        # two figures only after the German word opening the date
        ("(ABl. L 119, 4.5.16, S. 1)", []),
        # the year stays open where the text gives none
        ("(Amtsbl. EU L 119 S. 1)", [("oj:L/?/119/p1", "oj", "")]),
        ("(ABl EG Nr. L 88 S. 17)", [("oj:L/?/88/p17", "oj", "")]),
        # a semicolon then a page word of something else ends the reference before it
        ("(ABl. L 158 vom 27.5.2014; vgl. S. 77)", [("oj:L/2014/158", "oj", "")]),
        # a number before October 2023 listed without its date names no issue
        ("(ABl. L 2024/1183, L 2019/2033)", [("oj:L/2024/1183", "oj", "")]),
        ("(ABl. L 119 vom 4.5.2016, S. 1, L 2019/2033)", [("oj:L/2016/119/p1", "oj", "")]),
    ],
)
def test_statute_oj_shapes_negative(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


#: An act named by a German compound ending on its act word, with its bracketed domain: the
#: compound names what its last word names.
COMPOUND_NAMES = [
    ("nach der Datenschutz-Grundverordnung (EU) 2016/679 gilt",
     [("celex:32016R0679", "eu_act", "")]),
    ("die EU-Datenschutz-Grundverordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "")]),
    ("Artikel 6 Absatz 1 Buchstabe c der Datenschutz-Grundverordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 6(1)(c)")]),
    ("gemäß der Marktmissbrauchsverordnung (EU) Nr. 596/2014",
     [("celex:32014R0596", "eu_act", "")]),
    ("die Ratingagenturverordnung (EG) Nr. 1060/2009 und (EU) Nr. 462/2013",
     [("celex:32009R1060", "eu_act", ""), ("celex:32013R0462", "eu_act", "")]),
    ("die Geldwäscherichtlinie (EU) 2015/849",
     [("celex:32015L0849", "eu_act", "")]),
    ("der Angemessenheitsbeschluss (EU) 2023/1795",
     [("celex:32023D1795", "eu_act", "")]),
    # the domain closing the number
    ("die EU-Datenschutzrichtlinie 95/46/EG von 1995",
     [("celex:31995L0046", "eu_act", "")]),
    ("nach der Bauproduktenrichtlinie 89/106/EWG",
     [("celex:31989L0106", "eu_act", "")]),
    # an act word of its own is that word, not a compound of a shorter one
    ("der Rahmenbeschluss 2009/299/JI des Rates",
     [("celex:32009F0299", "eu_act", "")]),
    ("der Rahmenbeschluss (JI) 2009/299",
     [("celex:32009F0299", "eu_act", "")]),
    # the compound wrapped before its domain
    ("nach der Marktmissbrauchsverordnung\n    (EU) Nr. 596/2014",
     [("celex:32014R0596", "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), COMPOUND_NAMES)
def test_compound_act_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "die Rechtsverordnung 2016/679",  # no bracketed domain: a German ordinance's number
        "die Rechtsverordnung (BGBl. I S. 2097)",
        "die Rechtsverordnung nach § 5 (EU) 2016/679",  # the domain is not after the compound
        "die Geschäftsordnung (EU) 2016/679",  # no act word at its end
        "die Geldwäscherichtlinie 2015/849",  # no domain at all
        "die Rechtsverordnung 12/2005/BY",  # no EU domain closing the number
    ],
)
def test_no_compound_act_name(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "eu_act"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statute laid out in columns stretches the blank before the list word
        ("zur Aufhebung der Richtlinien\n    77/91/EWG                    und 82/891/EWG des Rates",
         [("celex:31977L0091", "eu_act", ""), ("celex:31982L0891", "eu_act", "")]),
        ("der Richtlinien 2009/65/EG          sowie 2011/61/EU",
         [("celex:32009L0065", "eu_act", ""), ("celex:32011L0061", "eu_act", "")]),
        # without a list word the next column is not the list's
        ("der Richtlinie 77/91/EWG                    82/891",
         [("celex:31977L0091", "eu_act", "")]),
    ],
)
def test_act_list_with_column_blanks(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)
