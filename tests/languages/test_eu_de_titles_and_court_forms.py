# ruff: noqa: E501  (table rows hold whole sentences)
"""German forms of EU acts and OJ references found in German texts: an act's own number closing
its title, the page of German courts' OJ references written without its word (``ABlEU Nr. L
157, 49``, ``ABlEU L 157/49``), a no-break space written as a character reference (Formex XML
read as text), inflected act words, the institution between type and number. Made-up sentences in the shapes of those
texts; the negative rows are German prose around numbers and dates that cites nothing."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract

TITLES = [
    # the title on one line, its type word opening it (EUR-Lex's sentence files)
    ("ENTSCHEIDUNG DER KOMMISSION vom 3. März 1995 über die Einfuhr von Fischereierzeugnissen (95/41/EG)\ngestützt auf die Richtlinie 91/493/EWG des Rates,",
     [("celex:31995D0041", "eu_act", ""), ("celex:31991L0493", "eu_act", "")]),
    ("RICHTLINIE DER KOMMISSION vom 4. Mai 1979 zur Anpassung an den technischen Fortschritt (79/488/EWG)\nauf Vorschlag der Kommission,",
     [("celex:31979L0488", "eu_act", "")]),
    ("Entscheidung der Kommission\n(2003/12/EG)\ngestützt auf die Richtlinie 93/43/EWG des Rates,",
     [("celex:32003D0012", "eu_act", ""), ("celex:31993L0043", "eu_act", "")]),
    # an ordinal before the type word opening the title
    ("ZWEITE RICHTLINIE DES RATES vom 13. Dezember 1976 zur Koordinierung der Schutzbestimmungen (77/91/EWG)\nauf Vorschlag der Kommission,",
     [("celex:31977L0091", "eu_act", "")]),
    ("DEUXIÈME DIRECTIVE DU CONSEIL du 13 décembre 1976 tendant à coordonner (77/91/CEE)\nvu le traité,",
     [("celex:31977L0091", "eu_act", "")]),
    # the title over several paragraphs (HTML): typed by the words the act names itself with
    ("Rahmenbeschluss des Rates\n\nvom 13. Juni 2002\n\nüber die gemeinsamen Ermittlungsgruppen\n\n(2002/465/JI)\n\n\nDER RAT DER EUROPÄISCHEN UNION -\n\ngestützt auf den Vertrag über die Europäische Union,\n\nHAT FOLGENDEN RAHMENBESCHLUSS ERLASSEN:\n\nArtikel 1",
     # the Treaty named in full without an article, as French "vu le traité sur l'Union européenne"
     [("celex:32002F0465", "eu_act", ""), ("instrument:teu", "instrument", "")]),
    ("Richtlinie des Rates\n\nvom 8. Juni 1993\n\nüber bestimmte Auskünfte\n\n(93/22/EWG)\n\nDER RAT DER EUROPÄISCHEN GEMEINSCHAFTEN -\ngestützt auf den Vertrag,\n\n(1) Diese Richtlinie gilt für Wertpapierfirmen.",
     [("celex:31993L0022", "eu_act", "")]),
    # a regulation's title names it "Nr." or "(EU)": a bare number with "diese Verordnung" is none
    ("Verordnung des Rates\n\nvom 8. Juni 1993\n\n(93/22/EWG)\n\nDER RAT DER EUROPÄISCHEN GEMEINSCHAFTEN -\ngestützt auf den Vertrag,\n\nDiese Verordnung gilt ab morgen.",
     []),
    # a number in brackets at a line's end with no title above and no act opening after it
    ("Die Zahl der Anträge stieg deutlich (2002/584/JI)\nDanach sank sie wieder.",
     []),
]

COURT_FORMS = [
    # German courts and commentaries: the page after a comma, no "S."; the year from the act's date
    ("Richtlinie 2004/48/EG vom 29. April 2004 (ABlEU Nr. L 157, 45)",
     [("celex:32004L0048", "eu_act", ""), ("oj:L/2004/157/p45", "oj", "")]),
    ("Richtlinie 93/13/EWG des Rates vom 5. April 1993 (ABlEG Nr. L 95, 29).",
     [("celex:31993L0013", "eu_act", ""), ("oj:L/1993/95/p29", "oj", "")]),
    ("vgl. ABlEU Nr. L 157, 49",
     [("oj:L/?/157/p49", "oj", "")]),
    ("vgl. ABlEU 2004 Nr. L 157, 45 f.",
     [("oj:L/2004/157/p45", "oj", "")]),
    # the page after a slash, statute style without the year
    ("Richtlinie 2004/48/EG vom 29. April 2004 (ABlEU L 157/45)",
     [("celex:32004L0048", "eu_act", ""), ("oj:L/2004/157/p45", "oj", "")]),
    ("siehe ABl. EU L 157/49",
     [("oj:L/?/157/p49", "oj", "")]),
    # an issue of January cannot be the year of an act of December: the year stays open
    ("Verordnung (EG) Nr. 1/2003 vom 16. Dezember 2002 (ABlEG L 1/1)",
     [("celex:32003R0001", "eu_act", ""), ("oj:L/?/1/p1", "oj", "")]),
    # after a comma a date, or a year, is no page
    ("siehe ABl. L 157, 30.4.2004",
     [("oj:L/2004/157", "oj", "")]),
    ("siehe ABl. L 157, 30. April 2004",
     [("oj:L/2004/157", "oj", "")]),
    ("siehe ABl. L 157, 2004",
     []),
    ("siehe ABl. L 157, 45-47 und ABl. L 157, 12, 14",
     []),
    # an act's number after a slash is no issue and page
    ("siehe ABl. L 2019/49",
     []),
]

CHARACTER_REFERENCES = [
    # Formex XML read as text: the no-break space as a character reference
    ("<NOTE>ABl. C&#160;318 vom 23.12.2006, S.&#160;56.</NOTE>",
     [("oj:C/2006/318/p56", "oj", "")]),
    ("(ABl.&#160;L&#160;119 vom 4.5.2016, S.&#160;1; L&#xA0;127 vom 23.5.2018, S.&nbsp;2)",
     [("oj:L/2016/119/p1", "oj", ""), ("oj:L/2018/127/p2", "oj", "")]),
    # another character reference is no space
    ("ABl. L&#8211;119 vom 4.5.2016",
     []),
]

INFLECTIONS = [
    # the spelling before 1996: "Beschluß"
    ("durch den Beschluß 75/320/EWG eingesetzt; nach dem Rahmenbeschluß 2002/584/JI",
     [("celex:31975D0320", "eu_act", ""), ("celex:32002F0584", "eu_act", "")]),
    # plural and genitive forms of the act words: each listed act takes the word and its pinpoint
    ("zur Änderung der Rahmenbeschlüsse 2002/584/JI, 2005/214/JI und 2008/947/JI gilt",
     [("celex:32002F0584", "eu_act", ""), ("celex:32005F0214", "eu_act", ""), ("celex:32008F0947", "eu_act", "")]),
    ("Artikel 3 der Rahmenbeschlüsse 2002/584/JI und 2005/214/JI gilt",
     [("celex:32002F0584", "eu_act", "art. 3"), ("celex:32005F0214", "eu_act", "art. 3")]),
    ("in den Rahmenbeschlüssen 2002/584/JI und 2005/214/JI und den Beschlüssen 2010/300/EU und 2011/12/EU",
     [("celex:32002F0584", "eu_act", ""), ("celex:32005F0214", "eu_act", ""), ("celex:32010D0300", "eu_act", ""), ("celex:32011D0012", "eu_act", "")]),
    ("nach Artikel 2 des Durchführungsbeschlusses (EU) 2019/1765 der Kommission gilt",
     [("celex:32019D1765", "eu_act", "art. 2")]),
    ("nach Artikel 2 der Delegierten Richtlinie (EU) 2017/593 der Kommission gilt",
     [("celex:32017L0593", "eu_act", "art. 2")]),
    ("nach den Durchführungsrichtlinien 2014/97/EU und 2014/98/EU und den Delegierten Verordnungen (EU) 2017/565 und (EU) 2017/567",
     [("celex:32014L0097", "eu_act", ""), ("celex:32014L0098", "eu_act", ""), ("celex:32017R0565", "eu_act", ""), ("celex:32017R0567", "eu_act", "")]),
]

INSTITUTION_BETWEEN = [
    # older German texts name the institution between the type and the number
    ("nach Artikel 10 der Richtlinie des Rates 70/156/EWG vom 6. Februar 1970 vorgesehen",
     [("celex:31970L0156", "eu_act", "art. 10")]),
    ("Entscheidung der Kommission 2002/79/EG gilt; Verordnung der Kommission (EG) Nr. 1234/2000",
     [("celex:32002D0079", "eu_act", ""), ("celex:32000R1234", "eu_act", "")]),
    # an institution and a year with no act number
    ("die Richtlinie des Rates 2004 wurde geändert; der Beschluss des Rates vom 4.5.2016",
     []),
]

PROSE = [
    # German prose around numbers and dates
    ("die VO-Nummer 12/2004 und die RL-Nr. 3/2005 vom 4. Mai 2005",
     []),
    ("Am 13. Juni 2002 wurden 584 Anträge gestellt (Nr. 12, S. 4).",
     []),
    ("Im Jahr 2002 (2002/584) stieg die Zahl; vgl. Bericht 2004, 157, 45.",
     []),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_german_act_numbers_closing_their_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), COURT_FORMS)
def test_german_court_forms_of_oj_references(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CHARACTER_REFERENCES)
def test_no_break_space_as_a_character_reference(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), INFLECTIONS)
def test_german_inflections_of_act_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), INSTITUTION_BETWEEN)
def test_institution_between_type_and_number(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_institution_between_is_the_author() -> None:
    (act,) = extract("Entscheidung der Kommission 2002/79/EG gilt")
    assert act.text == "Entscheidung der Kommission 2002/79/EG"
    assert act.parts is not None and getattr(act.parts, "author", None) == "Commission"


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_german_prose_cites_nothing(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_page_without_its_word_is_read_as_the_page() -> None:
    (oj,) = [c for c in extract("Richtlinie 2004/48/EG vom 29. April 2004 (ABlEU Nr. L 157, 45)") if c.kind.value == "oj"]
    assert isinstance(oj.parts, OJParts)
    assert (oj.parts.style, oj.parts.year, oj.parts.issue, oj.parts.page) == ("statute", 2004, "157", 45)
    assert oj.parts.act_id == "celex:32004L0048"
    assert oj.text == "ABlEU Nr. L 157, 45"
