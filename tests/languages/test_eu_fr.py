# ruff: noqa: E501  (table rows hold real citation sentences)
"""EU citations written in French: acts of both eras, lists, pinpoints, OJ, CJEU, treaty articles; fixes in French."""

from __future__ import annotations

import datetime

import pytest
from eu_cases import check, fixes

from citecheck.families.eu_acts import EUActParts
from citecheck.pipeline import extract

CASES = [
    ("Vu le règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 relatif à la protection des personnes physiques",
     [("celex:32016R0679", "eu_act", "")]),
    ("vu la directive 95/46/CE du Parlement européen et du Conseil",
     [("celex:31995L0046", "eu_act", "")]),
    ("vu le règlement (CEE) n° 2913/92 du Conseil du 12 octobre 1992 établissant le code des douanes",
     [("celex:31992R2913", "eu_act", "")]),
    ("la décision 2002/584/JAI du Conseil relative au mandat d'arrêt européen",
     [("celex:32002D0584", "eu_act", "")]),
    ("la décision-cadre 2002/584/JAI du Conseil",
     [("celex:32002F0584", "eu_act", "")]),
    ("la décision (PESC) 2020/1999 du Conseil du 7 décembre 2020",
     [("celex:32020D1999", "eu_act", "")]),
    ("le règlement d'exécution (UE) 2019/947 de la Commission",
     [("celex:32019R0947", "eu_act", "")]),
    ("la position commune 2008/944/PESC du Conseil",
     [("celex:32008E0944", "eu_act", "")]),
    ("modifiant les règlements (CEE) n° 1362/87 et (CEE) n° 1158/91 en ce qui concerne",
     [("celex:31987R1362", "eu_act", ""), ("celex:31991R1158", "eu_act", "")]),
    ("conformément à l'article 6, paragraphe 1, sous b), du règlement (UE) 2016/679, le traitement",
     [("celex:32016R0679", "eu_act", "art. 6(1)(b)")]),
    ("l'article 1er paragraphe 2 du règlement (CEE) n° 447/68 du Conseil",
     [("celex:31968R0447", "eu_act", "art. 1(2)")]),
    ("satisfaire aux exigences de l'article 5, paragraphe 1, points a) et b), et paragraphe 2, point b), de la directive 91/414/CEE.",
     [("celex:31991L0414", "eu_act", "art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)")]),
    ("les articles 12 et 19 de la directive 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 12; art. 19")]),
    ("modifiant les annexes des directives 86/362/CEE, 86/363/CEE et 90/642/CEE du Conseil",
     [("celex:31986L0362", "eu_act", "annex"), ("celex:31986L0363", "eu_act", "annex"), ("celex:31990L0642", "eu_act", "annex")]),
    ("vu le règlement (CEE) n° 804/68 du Conseil du 27 juin 1968 portant organisation commune des marchés dans le secteur du lait (1), modifié en dernier lieu par le règlement (CE) n° 2931/95 de la Commission (2), et notamment son article 7, paragraphe 5, et son article 28,",
     [("celex:31968R0804", "eu_act", "art. 7(5); art. 28"), ("celex:31995R2931", "eu_act", "")]),
    ("vu la directive 97/79/CE du Conseil, et notamment son article 11,",
     [("celex:31997L0079", "eu_act", "art. 11")]),
    ("(JO L 119 du 4.5.2016, p. 1)",
     [("oj:L/2016/119/p1", "oj", "")]),
    ("arrêt du 16 juillet 2020, Facebook Ireland et Schrems, C‑311/18, EU:C:2020:559, point 42",
     [("case:C-311/18", "cjeu_case", "para. 42"), ("ecli:EU:C:2020:559", "ecli", "para. 42")]),
    ("le droit garanti à l'article 47 de la Charte des droits fondamentaux de l'Union européenne",
     [("instrument:cfr", "instrument", "art. 47")]),
    ("au sens de l'article 47 de la Charte, le juge national",
     [("instrument:cfr", "instrument", "art. 47")]),
    ("une demande de décision préjudicielle au titre de l'article 267 TFUE",
     [("instrument:tfeu", "instrument", "art. 267")]),
    ("l'article 267 du traité sur le fonctionnement de l'Union européenne",
     [("instrument:tfeu", "instrument", "art. 267")]),
    ("l'article 6, paragraphe 1, de la CEDH",
     [("instrument:echr", "instrument", "art. 6(1)")]),
    ("l'article 12 de la Charte sociale européenne", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_french_citations(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_author_and_date_are_read_in_french() -> None:
    (cit,) = extract("vu le règlement (CEE) n° 2913/92 du Conseil du 12 octobre 1992 établissant")
    assert isinstance(cit.parts, EUActParts)
    assert cit.parts.author == "Council"
    assert cit.parts.date == datetime.date(1992, 10, 12)
    assert cit.parts.language == "fr"
    assert cit.text.endswith("du 12 octobre 1992")


def test_oj_reference_is_linked_to_the_french_act() -> None:
    cits = extract("le règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 (JO L 119 du 4.5.2016, p. 1)")
    assert [c.id for c in cits] == ["celex:32016R0679", "oj:L/2016/119/p1"]
    assert cits[1].parts.act_id == "celex:32016R0679"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le règlement (UE) n° 2016/679", [("EU103", "(UE) 2016/679")]),
        ("la directive 2016/680/UE", [("EU106", "(UE) 2016/680")]),
        ("le règlement (CE) n° 1049/01", [("EU104", "(CE) n° 1049/2001")]),
        ("la décision PESC 2020/1999 du Conseil", [("EU102", "(PESC) 2020/1999")]),
        ("la directive (CE) 95/46 du Parlement européen", [("EU110", "95/46/CE")]),
        ("le règlement (CE) n° 1049/2001 du Parlement européen", []),
        ("(JO L 119 du 04.05.2016, p. 1)", [("OJ104", "4.5.2016")]),
    ],
)
def test_fixes_are_written_in_french(text: str, expected: list[tuple[str, str]]) -> None:
    assert fixes(text) == expected
