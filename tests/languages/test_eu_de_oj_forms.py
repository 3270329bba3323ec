# ruff: noqa: E501  (table rows hold whole sentences)
"""OJ references as German texts of EU acts write them: a comma before "vom", the month named
in the date, the Official Journal's name written in full, EUR-Lex's legacy header, the E
edition of the C series before the number. Made-up sentences in the shapes these texts use."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract

CASES = [
    # a comma before the opening word of the date
    ("gemäß der Richtlinie 2011/24/EU (ABl. L 88, vom 4.4.2011, S. 45) gilt",
     [("celex:32011L0024", "eu_act", ""), ("oj:L/2011/88/p45", "oj", "")]),
    ("(1) ABl. C 120, vom 5.5.2010, S. 7.",
     [("oj:C/2010/120/p7", "oj", "")]),
    # the month named: consolidated texts cite the act's own issue so in their title
    ("(Amtsblatt der Europäischen Union L 145 vom 30. April 2004)",
     [("oj:L/2004/145", "oj", "")]),
    ("(ABl. L 331 vom 15. Dezember 2010, S. 12)",
     [("oj:L/2010/331/p12", "oj", "")]),
    ("Amtsblatt der Europäischen Gemeinschaften Nr. L 12 vom 16. Januar 2001, S. 1",
     [("oj:L/2001/12/p1", "oj", "")]),
    # the name written in full, with the issue's date in figures
    ("veröffentlicht im Amtsblatt der Europäischen Union C 303 vom 14.12.2007, S. 17.",
     [("oj:C/2007/303/p17", "oj", "")]),
    # EUR-Lex's legacy header: the date with slashes, the page after a space, zero-padded
    ("Amtsblatt Nr. L 281 vom 23/11/1995 S. 0031 - 0050",
     [("oj:L/1995/281/p31", "oj", "")]),
    ("Amtsblatt Nr. C 364 vom 18/12/2000 S. 0001 - 0022\n\nCHARTA DER GRUNDRECHTE",
     [("oj:C/2000/364/p1", "oj", "")]),
    # the E edition of the C series written before the number
    ("(2) ABl. C E 240 vom 28.8.2001, S. 13.",
     [("oj:C/2001/240E/p13", "oj", "")]),
    ("(ABl. C 332 E vom 27.11.2001, S. 305; C E 25 vom 29.1.2002, S. 1)",
     [("oj:C/2001/332E/p305", "oj", ""), ("oj:C/2002/25E/p1", "oj", "")]),
    # "v." for "vom"; a corrigendum listed with "ber."; a listed issue wrapped after its series
    ("(ABl. L 57 v. 3.3.2012, S. 9)",
     [("oj:L/2012/57/p9", "oj", "")]),
    ("(ABl. L 57 vom 3.3.2012, S. 9, ber. L 80 vom 20.3.2012, S. 4)",
     [("oj:L/2012/57/p9", "oj", ""), ("oj:L/2012/80/p4", "oj", "")]),
    ("(ABl. L 57 vom 3.3.2012, S. 9; L 80 vom 20.3.2012, S. 4; L\n    91 vom 5.4.2014, S. 2)",
     [("oj:L/2012/57/p9", "oj", ""), ("oj:L/2012/80/p4", "oj", ""), ("oj:L/2014/91/p2", "oj", "")]),
    # the abbreviations of German courts and commentaries, "ABlEG"/"ABlEU", written closed up
    ("Richtlinie 93/13/EWG des Rates vom 5. April 1993 (ABlEG Nr. L 95 S. 29)",
     [("celex:31993L0013", "eu_act", ""), ("oj:L/1993/95/p29", "oj", "")]),
    ("vgl. ABlEU 2014 Nr. L 130, S. 1",
     [("oj:L/2014/130/p1", "oj", "")]),
    # an act published on its own, cited by its number without the date
    ("Verordnung (EU) 2024/1234 (ABl. L, 2024/1234) gilt",
     [("celex:32024R1234", "eu_act", ""), ("oj:L/2024/1234", "oj", "")]),
    ("siehe ABl. C 2023/1502.",
     [("oj:C/2023/1502", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_german_oj_forms_of_eu_acts(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_named_month_gives_the_date() -> None:
    (oj,) = [c for c in extract("(ABl. L 331 vom 15. Dezember 2010, S. 12)") if c.kind.value == "oj"]
    assert isinstance(oj.parts, OJParts)
    assert (oj.parts.date.isoformat() if oj.parts.date else None) == "2010-12-15"
    assert not oj.notes


def test_legacy_header_date_is_not_a_padded_date_finding() -> None:
    """EUR-Lex writes its header so ("18/07/2002"); a writer's "04.05.2016" still is one."""
    (legacy,) = extract("Amtsblatt Nr. L 190 vom 18/07/2002 S. 0001 - 0020")
    assert legacy.id == "oj:L/2002/190/p1"
    assert isinstance(legacy.parts, OJParts) and legacy.parts.last_page == 20
    assert not legacy.notes
    (padded,) = extract("ABl. L 119 vom 04.05.2016, S. 1")
    assert [n.code for n in padded.notes] == ["OJ104"]


@pytest.mark.parametrize(
    "text",
    [
        # a name written in full without a series: some other gazette's number
        "Amtsblatt Nr. 12 vom 3.4.2005, S. 20",
        # the name alone, as acts' closing words write it: no reference
        "Diese Verordnung tritt am Tag nach ihrer Veröffentlichung im Amtsblatt der Europäischen Union in Kraft.",
        "Siehe Seite 338 dieses Amtsblatts.",
        # "E" before a number only in the C series
        "ABl. L E 12 vom 15.1.2001, S. 10",
        # an act's number without a date before act-by-act publication names no issue
        "ABl. L 2019/2033",
    ],
)
def test_no_reference(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "oj"] == []


def test_corrigendum_word_lists_only_an_issue_with_its_date() -> None:
    ids = [c.id for c in extract("ABl. L 57 vom 3.3.2012, S. 9, ber. S. 12") if c.kind.value == "oj"]
    assert ids == ["oj:L/2012/57/p9"]


_WRAPPED = [
    (
        "Verordnung (EU) 2016/680 des Europäischen Parlaments und des Rates vom 12. Mai 2016 über X (ABl. L 118 vom 3.5.2016, S. 4; L 301 vom 20.11.2016, S. 7; L 126 vom 22.5.2018, S. 9) in der jeweils geltenden Fassung",
        ["celex:32016R0680", "oj:L/2016/118/p4", "oj:L/2016/301/p7", "oj:L/2018/126/p9"],
    ),
    (
        "Richtlinie 2014/66/EU des Europäischen Parlaments und des Rates vom 14. Mai 2014 über Y (ABl. L 172 vom 11.6.2014, S. 300, ber. L 70 vom 16.3.2015, S. 30), die zuletzt durch die Richtlinie (EU) 2019/2178 (ABl. L 330 vom 20.12.2019, S. 150) geändert worden ist",
        ["celex:32014L0066", "oj:L/2014/172/p300", "oj:L/2015/70/p30", "celex:32019L2178", "oj:L/2019/330/p150"],
    ),
]


@pytest.mark.parametrize(("sentence", "ids"), _WRAPPED)
def test_a_line_break_with_indentation_anywhere_changes_nothing(sentence: str, ids: list[str]) -> None:
    """Plain text of statutes wraps lines at any space, indenting the next line."""
    for at in [i for i, ch in enumerate(sentence) if ch == " "]:
        wrapped = sentence[:at] + "\n    " + sentence[at + 1 :]
        assert [c.id for c in extract(wrapped)] == ids, repr(wrapped[max(0, at - 25) : at + 25])


@pytest.mark.parametrize(
    ("text", "oj_id"),
    [
        # EUR-Lex's legacy header is the same in French and Spanish
        ("Journal officiel n° L 281 du 23/11/1995 p. 0031 - 0050", "oj:L/1995/281/p31"),
        ("Diario Oficial n° C 364 de 18/12/2000 p. 0001 - 0022", "oj:C/2000/364/p1"),
        ("(Journal officiel de l’Union européenne L 145 du 30.4.2004)", "oj:L/2004/145"),
        ("Diario Oficial de las Comunidades Europeas L 12 de 16.1.2001, p. 1", "oj:L/2001/12/p1"),
    ],
)
def test_french_and_spanish_long_names_and_legacy_header(text: str, oj_id: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "oj"] == [oj_id]


@pytest.mark.parametrize(
    "text",
    [
        "publié au Journal officiel n° 12 du 3.4.2005, p. 20",  # no series: the French JORF
        "publicado en el Diario Oficial de la Unión Europea el 3 de marzo de 2005",
    ],
)
def test_long_names_without_an_issue_are_no_reference(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "oj"] == []
