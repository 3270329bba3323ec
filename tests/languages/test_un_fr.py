"""French UN citation forms: the same language-neutral ids and canonical pinpoints as English.

Passages written for these tests in the style of UN French texts (reports of the Human Rights
Council, treaty-body documents, Special Procedures letters); the corpus has no French UN text.
"""

from __future__ import annotations

import pytest
from un_language_cases import Expected, ascii_id, found, scores

DOC, RES, GC = "un_document", "un_resolution", "general_comment"
SP, INS = "sp_communication", "instrument"

CASES: list[tuple[str, list[Expected]]] = [
    # documents and their pinpoints
    (
        "Le Rapporteur spécial l'a déjà souligné (A/HRC/41/35, par. 66).",
        [("un:A/HRC/41/35", DOC, "para. 66", False)],
    ),
    (
        "Voir le rapport du Secrétaire général (E/1988/14, par. 366 et 367).",
        [("un:E/1988/14", DOC, "para. 366; para. 367", False)],
    ),
    (
        "Ces principes sont rappelés dans le document A/HRC/38/35, paragraphe 12.",
        [("un:A/HRC/38/35", DOC, "para. 12", False)],
    ),
    (
        "Voir A/71/373, par. 3 à 5, et A/HRC/53/25, annexe I.",
        [("un:A/71/373", DOC, "paras. 3-5", False), ("un:A/HRC/53/25", DOC, "annex I", False)],
    ),
    # resolutions and decisions in prose, the body after the number
    (
        "Rappelant la résolution 73/179 de l'Assemblée générale, en date du 17 décembre 2018,",
        [("un:A/RES/73/179", RES, "", False)],
    ),
    (
        "Rappelant également les résolutions 43/4 et 44/15 du Conseil des droits de l'homme,",
        [("un:A/HRC/RES/43/4", RES, "", False), ("un:A/HRC/RES/44/15", RES, "", False)],
    ),
    (
        "conformément à la résolution 1325 (2000) du Conseil de sécurité sur les femmes,",
        [("un:S/RES/1325(2000)", RES, "", False)],
    ),
    (
        "Prenant note de la résolution 1987/5 du Conseil économique et social,",
        [("un:E/RES/1987/5", RES, "", False)],
    ),
    (
        "La Commission des droits de l'homme, dans sa résolution 2005/69, a prié le Secrétaire "
        "général de nommer un représentant spécial.",
        [("un:E/CN.4/RES/2005/69", RES, "", False)],
    ),
    (
        "Le mandat a été établi par l'Assemblée générale (résolution 42/102).",
        [("un:A/RES/42/102", RES, "", False)],
    ),
    (
        "Rappelant le paragraphe 3 de la résolution 60/251 de l'Assemblée générale,",
        [("un:A/RES/60/251", RES, "para. 3", False)],
    ),
    (
        "Réaffirmant la résolution ES-11/4 de l'Assemblée générale,",
        [("un:A/RES/ES-11/4", RES, "", False)],
    ),
    (
        "Voir la décision 2/102 du Conseil des droits de l'homme.",
        [("un:A/HRC/DEC/2/102", RES, "", False)],
    ),
    # general comments and recommendations with their committees
    (
        "Voir l'observation générale no 34 (2011) du Comité des droits de l'homme, par. 22.",
        [("gc:CCPR/34", GC, "para. 22", False)],
    ),
    (
        "Voir la recommandation générale no 35 du Comité pour l'élimination de la "
        "discrimination à l'égard des femmes.",
        [("gc:CEDAW/35", GC, "", False)],
    ),
    (
        "Le Comité des droits économiques, sociaux et culturels rappelle ses observations "
        "générales nos 16 et 20.",
        [("gc:CESCR/16", GC, "", False), ("gc:CESCR/20", GC, "", False)],
    ),
    (
        "Voir la recommandation générale XXV du Comité pour l'élimination de la discrimination "
        "raciale.",
        [("gc:CERD/25", GC, "", False)],
    ),
    (
        "Le Comité des droits de l'enfant, observation générale n° 14 (2013), par. 6.",
        [("gc:CRC/14", GC, "para. 6", False)],
    ),
    # Special Procedures communications
    (
        "Référence : AL FRA 5/2020. Le Rapporteur spécial a adressé un appel urgent "
        "(UA FRA 2/2021).",
        [("spcomm:FRA 5/2020", SP, "", False), ("spcomm:FRA 2/2021", SP, "", False)],
    ),
    # instruments by their French names
    (
        "L'article 19 du Pacte international relatif aux droits civils et politiques protège "
        "la liberté d'expression.",
        [("instrument:iccpr", INS, "art. 19", False)],
    ),
    (
        "Les articles 2 à 4 de la Convention relative aux droits de l'enfant s'appliquent.",
        [("instrument:crc", INS, "arts. 2-4", False)],
    ),
    (
        "La Déclaration universelle des droits de l'homme a été adoptée en 1948.",
        [("instrument:udhr", INS, "", False)],
    ),
    (
        "Voir l'article 7 de la Convention contre la torture et autres peines ou traitements "
        "cruels, inhumains ou dégradants.",
        [("instrument:cat", INS, "art. 7", False)],
    ),
    (
        "Le Pacte international relatif aux droits civils et politiques est ratifié. L'article 17 "
        "du Pacte protège la vie privée.",
        [("instrument:iccpr", INS, "", False), ("instrument:iccpr", INS, "art. 17", True)],
    ),
    (
        "Voir les Principes directeurs relatifs aux entreprises et aux droits de l'homme.",
        [("instrument:ungp", INS, "", False)],
    ),
    (
        "L'article 8 bis du Statut de Rome de la Cour pénale internationale définit l'agression.",
        [("instrument:rome-statute", INS, "art. 8 bis", False)],
    ),
    # short forms
    (
        "Voir A/HRC/41/35, par. 12. Ibid., par. 14.",
        [("un:A/HRC/41/35", DOC, "para. 12", False), ("un:A/HRC/41/35", DOC, "para. 14", True)],
    ),
    (
        "Voir A/HRC/38/35, par. 4. Op. cit., par. 3 à 5.",
        [("un:A/HRC/38/35", DOC, "para. 4", False), ("un:A/HRC/38/35", DOC, "paras. 3-5", True)],
    ),
]


@pytest.mark.parametrize(("passage", "expected"), CASES, ids=[ascii_id(c[0]) for c in CASES])
def test_french_passage(passage: str, expected: list[Expected]) -> None:
    assert found(passage) == expected


def test_french_goals() -> None:
    precision, recall, pinpoints = scores(CASES)
    assert precision >= 0.95 and recall >= 0.90 and pinpoints >= 0.85


def test_committee_council_and_commission_are_three_bodies() -> None:
    """Comité (CCPR), Conseil (HRC) and Commission (CHR) des droits de l'homme: one word."""
    text = (
        "l'observation générale no 36 du Comité des droits de l'homme, la résolution 31/32 du "
        "Conseil des droits de l'homme et la résolution 2003/72 de la Commission des droits de "
        "l'homme"
    )
    assert [f[0] for f in found(text)] == [
        "gc:CCPR/36", "un:A/HRC/RES/31/32", "un:E/CN.4/RES/2003/72",
    ]
