# ruff: noqa: E501  (table rows hold citation sentences)
"""EU pinpoints in English, French, Spanish and German: titles, chapters and sections of an act;
the citing act's own article headings (not pinpoints); points of an annex; OJ references with
the Community's initials, corrigenda and lists continued without the Journal's name.

Made-up sentences in the shapes of EU acts (numbers changed), one row per form."""

from __future__ import annotations

import pytest
from eu_cases import check, found

PLACES = [
    # titles, chapters, sections of the act cited
    ("le titre IV du règlement (CEE) n° 1234/82 est remplacé", "celex:31982R1234", "title IV"),
    ("el título IV del Reglamento (CEE) n° 1234/82 queda sustituido", "celex:31982R1234", "title IV"),
    ("Titel IV der Verordnung (EWG) Nr. 1234/82 wird ersetzt", "celex:31982R1234", "title IV"),
    ("Title IV of Regulation (EEC) No 1234/82 is replaced", "celex:31982R1234", "title IV"),
    ("conformément au chapitre V du règlement (UE) 2018/1725", "celex:32018R1725", "chap. V"),
    ("con arreglo al capítulo V del Reglamento (UE) 2018/1725", "celex:32018R1725", "chap. V"),
    ("nach Kapitel V der Verordnung (EU) 2018/1725", "celex:32018R1725", "chap. V"),
    ("under Chapter V of Regulation (EU) 2018/1725", "celex:32018R1725", "chap. V"),
    ("la section 3 de la directive 2009/138/CE", "celex:32009L0138", "sect. 3"),
    ("la sección 3 de la Directiva 2009/138/CE", "celex:32009L0138", "sect. 3"),
    ("Abschnitt 3 der Richtlinie 2009/138/EG", "celex:32009L0138", "sect. 3"),
    ("Section 3 of Directive 2009/138/EC", "celex:32009L0138", "sect. 3"),
    # one place written as a chain, outermost first in the pinpoint
    ("set out in Chapter IV, Section 1, of Regulation (EU) 2018/1725", "celex:32018R1725", "chap. IV, sect. 1"),
    ("in accordance with Chapter II of Title 3 of Directive 2009/138/EC", "celex:32009L0138", "title 3, chap. II"),
    ("le chapitre IV, section 1, du règlement (UE) 2018/1725", "celex:32018R1725", "chap. IV, sect. 1"),
    ("la section 1 du chapitre IV du règlement (UE) 2018/1725", "celex:32018R1725", "chap. IV, sect. 1"),
    ("el capítulo II del título 3 de la Directiva 2009/138/CE", "celex:32009L0138", "title 3, chap. II"),
    # an article names the place; its chapter adds nothing
    ("Article 9 of Chapter II of Regulation (EU) 2018/1725", "celex:32018R1725", "art. 9"),
]

HEADINGS = [
    # the citing act's own article heading, then a sentence citing another act
    ("Article 4 Les annexes II et III du règlement (CEE) n° 1234/82 sont remplacées par le texte suivant",
     "celex:31982R1234", "annex II; annex III"),
    ("Article 3\nArticle 4 Les annexes II et III du règlement (CEE) n° 1234/82 sont remplacées",
     "celex:31982R1234", "annex II; annex III"),
    ("Article 4 Le point f) de l'annexe II du règlement (CEE) n° 1234/82 est supprimé",
     "celex:31982R1234", "annex II(f)"),
    ("Artículo 3 El Anexo del Reglamento n° 171/67/CEE se sustituye por el anexo del presente Reglamento",
     "celex:31967R0171", "annex"),
    ("Artikel 3 Anhang II der Verordnung (EWG) Nr. 1234/82 wird durch den Anhang dieser Verordnung ersetzt",
     "celex:31982R1234", "annex II"),
    ("Article 3 Annex II to Regulation (EEC) No 1234/82 is replaced by the Annex to this Regulation",
     "celex:31982R1234", "annex II"),
    # an article joined by "of" words, or a list of them, stays the pinpoint
    ("Article 7 of Regulation (EEC) No 1234/82 is deleted", "celex:31982R1234", "art. 7"),
    ("l'article 7 du règlement (CEE) n° 1234/82 est supprimé", "celex:31982R1234", "art. 7"),
    ("les articles 7 et 8 du règlement (CEE) n° 1234/82 sont supprimés", "celex:31982R1234", "art. 7; art. 8"),
    ("los artículos 7 y 8 del Reglamento (CEE) n° 1234/82", "celex:31982R1234", "art. 7; art. 8"),
    ("Artikel 7 Absatz 2 der Verordnung (EWG) Nr. 1234/82", "celex:31982R1234", "art. 7(2)"),
]

ANNEX_POINTS = [
    ("l'annexe IV point f) deuxième phrase du règlement (CEE) n° 1234/82", "celex:31982R1234", "annex IV(f)"),
    ("le point f) de l'annexe IV du règlement (CEE) n° 1234/82", "celex:31982R1234", "annex IV(f)"),
    ("l'annexe IV, points a) et c), du règlement (CEE) n° 1234/82", "celex:31982R1234", "annex IV(a); annex IV(c)"),
    ("l'annexe IV point 2 du règlement (CEE) n° 1234/82", "celex:31982R1234", "annex IV, point 2"),
    ("point (f) of Annex IV to Regulation (EEC) No 1234/82", "celex:31982R1234", "annex IV(f)"),
    ("points (a) and (c) of Annex IV to Regulation (EEC) No 1234/82", "celex:31982R1234", "annex IV(a); annex IV(c)"),
    ("point 2 of Annex IV to Regulation (EEC) No 1234/82", "celex:31982R1234", "annex IV, point 2"),
    ("Anhang IV Buchstabe f der Verordnung (EWG) Nr. 1234/82", "celex:31982R1234", "annex IV(f)"),
    ("Anhang IV Nummer 2 Buchstabe a der Verordnung (EWG) Nr. 1234/82", "celex:31982R1234", "annex IV, point 2(a)"),
    ("las letras a) y c) del anexo IV del Reglamento (CEE) n° 1234/82", "celex:31982R1234", "annex IV(a); annex IV(c)"),
]


@pytest.mark.parametrize(("text", "cid", "pinpoint"), PLACES + HEADINGS + ANNEX_POINTS)
def test_pinpoint(text: str, cid: str, pinpoint: str) -> None:
    check(text, [(cid, "eu_act", pinpoint)])


@pytest.mark.parametrize(("text", "cid", "pinpoint"), HEADINGS[:6])
def test_heading_is_left_out_of_the_span(text: str, cid: str, pinpoint: str) -> None:
    from citecheck.pipeline import extract

    (cit,) = [c for c in extract(text) if c.id == cid]
    assert not cit.text.lower().startswith(("article", "artículo", "artikel"))


OJ = [
    ("ABl. EG Nr. L 275 vom 12.11.1994, S. 17", ["oj:L/1994/275/p17"]),
    # plain text of a law wraps a reference onto an indented next line
    ("(ABl. L\n    243 vom 15.9.2009, S. 1)", ["oj:L/2009/243/p1"]),
    ("(ABl. L 77 vom\n    23.3.2016, S.\n    1) und", ["oj:L/2016/77/p1"]),
    # a Markdown escape left in converted text: the reader sees a dot
    ("ABl. L 321 vom 30\\.11.2013, S. 6", ["oj:L/2013/321/p6"]),
    ("OJ L 119, 4\\.5.2016, p. 1", ["oj:L/2016/119/p1"]),
    ("JO CE n° L 275 du 12.11.1994, p. 17", ["oj:L/1994/275/p17"]),
    ("ABl. L 130 vom 8.5.2015, S. 1, berichtigt durch ABl. L 140 vom 3.6.2017, S. 4",
     ["oj:L/2015/130/p1", "oj:L/2017/140/p4"]),
    ("ABl. L 150 vom 20.5.2014, S. 1; L 222 vom 5.8.2014, S. 60", ["oj:L/2014/150/p1", "oj:L/2014/222/p60"]),
    ("JO L 150 du 20.5.2014, p. 1; L 222 du 5.8.2014, p. 60", ["oj:L/2014/150/p1", "oj:L/2014/222/p60"]),
    ("OJ L 150, 20.5.2014, p. 1; L 222, 5.8.2014, p. 60", ["oj:L/2014/150/p1", "oj:L/2014/222/p60"]),
    ("DO L 150 de 20.5.2014, p. 1; L 222 de 5.8.2014, p. 60", ["oj:L/2014/150/p1", "oj:L/2014/222/p60"]),
    ("ABl. C 133 E vom 8.6.2004, S. 3", ["oj:C/2004/133E/p3"]),
    ("JO L 130 du 8.5.2015, p. 1, et rectificatif JO L 140 du 3.6.2017, p. 4", ["oj:L/2015/130/p1", "oj:L/2017/140/p4"]),
    ("OJ L 130, 8.5.2015, p. 1, and corrigendum OJ L 140, 3.6.2017, p. 4", ["oj:L/2015/130/p1", "oj:L/2017/140/p4"]),
    ("(ABl. L 130 vom 8.5.2015, S. 1)", ["oj:L/2015/130/p1"]),
    # the Court's style, with a comma after the year, in every language
    ("(JO 2015, L 130, p. 1)", ["oj:L/2015/130/p1"]),
    ("(DO 2015, L 130, p. 1)", ["oj:L/2015/130/p1"]),
    ("(ABl. 2015, L 130, S. 1)", ["oj:L/2015/130/p1"]),
    ("(OJ 2015 L 130, p. 1)", ["oj:L/2015/130/p1"]),
    # German statute and commercial styles: year first with "Nr.", page after a slash or none
    ("ABl. EU 2005 Nr. L 19", ["oj:L/2005/19"]),
    ("ABl. 2009 Nr. L 348/98", ["oj:L/2009/348/p98"]),
    ("ABl. L 2024/1183 vom 30.4.2024", ["oj:L/2024/1183"]),
]


@pytest.mark.parametrize(("text", "ids"), OJ)
def test_oj(text: str, ids: list[str]) -> None:
    check(text, [(i, "oj", "") for i in ids])


def test_continued_issue_spans_only_itself() -> None:
    text = "ABl. L 150 vom 20.5.2014, S. 1; L 222 vom 5.8.2014, S. 60"
    from citecheck.pipeline import extract

    spans = [c.text for c in extract(text)]
    assert spans == ["ABl. L 150 vom 20.5.2014, S. 1", "L 222 vom 5.8.2014, S. 60"]


def test_a_list_goes_on_only_with_an_issue() -> None:
    # "; L 222" needs its date: a bare series letter after a semicolon is not a reference
    assert [i for i, _, _ in found("ABl. L 150 vom 20.5.2014, S. 1; L 222 ist")] == ["oj:L/2014/150/p1"]
