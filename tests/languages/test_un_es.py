"""Spanish UN citation forms: the same language-neutral ids and canonical pinpoints as English.

Passages written for these tests in the style of UN Spanish texts (General Assembly and Human
Rights Council documents, treaty-body texts); the corpus has no Spanish UN text.
"""

from __future__ import annotations

import pytest
from un_language_cases import Expected, ascii_id, found, scores

DOC, RES, GC = "un_document", "un_resolution", "general_comment"
SP, INS = "sp_communication", "instrument"

CASES: list[tuple[str, list[Expected]]] = [
    # documents and their pinpoints
    (
        "El Relator Especial ya lo señaló (véase A/HRC/41/35, párr. 66).",
        [("un:A/HRC/41/35", DOC, "para. 66", False)],
    ),
    (
        "Véanse A/71/373, párrs. 3 a 5, y A/HRC/53/25, párrs. 3 y 5.",
        [
            ("un:A/71/373", DOC, "paras. 3-5", False),
            ("un:A/HRC/53/25", DOC, "para. 3; para. 5", False),
        ],
    ),
    (
        "Véase el informe A/HRC/38/35, párrafo 12, y su anexo (A/79/182, anexo II).",
        [("un:A/HRC/38/35", DOC, "para. 12", False), ("un:A/79/182", DOC, "annex II", False)],
    ),
    # resolutions and decisions in prose
    (
        "Recordando la resolución 73/179 de la Asamblea General,",
        [("un:A/RES/73/179", RES, "", False)],
    ),
    (
        "Recordando también su resolución 77/247, de 30 de diciembre de 2022,",
        [("un:A/RES/77/247", RES, "", False)],
    ),
    (
        "de conformidad con la resolución 8/8 del Consejo de Derechos Humanos,",
        [("un:A/HRC/RES/8/8", RES, "", False)],
    ),
    (
        "Tomando nota de las resoluciones 43/4 y 44/15 del Consejo de Derechos Humanos,",
        [("un:A/HRC/RES/43/4", RES, "", False), ("un:A/HRC/RES/44/15", RES, "", False)],
    ),
    (
        "La Comisión de Derechos Humanos, en su resolución 1985/33, nombró un relator especial.",
        [("un:E/CN.4/RES/1985/33", RES, "", False)],
    ),
    (
        "Recordando la resolución 2334 (2016) del Consejo de Seguridad, de 23 de diciembre de "
        "2016,",
        [("un:S/RES/2334(2016)", RES, "", False)],
    ),
    (
        "Recordando su resolución 913 (X) de 3 de diciembre de 1955,",
        [("un:A/RES/913(X)", RES, "", False)],
    ),
    (
        "En el párrafo 8 de la resolución 986 (1995) del Consejo de Seguridad se dispone que",
        [("un:S/RES/986(1995)", RES, "para. 8", False)],
    ),
    (
        "Tomando nota de la resolución 2019/4 del Consejo Económico y Social,",
        [("un:E/RES/2019/4", RES, "", False)],
    ),
    # general comments and recommendations with their committees
    (
        "Véase la observación general núm. 34 (2011) del Comité de Derechos Humanos, párr. 12.",
        [("gc:CCPR/34", GC, "para. 12", False)],
    ),
    (
        "Véase la Observación general No. 31 [80] del Comité de Derechos Humanos, párr. 8.",
        [("gc:CCPR/31", GC, "para. 8", False)],
    ),
    (
        "Véase la recomendación general núm. 35 del Comité para la Eliminación de la "
        "Discriminación contra la Mujer.",
        [("gc:CEDAW/35", GC, "", False)],
    ),
    (
        "El Comité de los Derechos del Niño, en su observación general Nº 14, párr. 6.",
        [("gc:CRC/14", GC, "para. 6", False)],
    ),
    (
        "Véanse las observaciones generales núms. 16 y 20 del Comité de Derechos Económicos, "
        "Sociales y Culturales.",
        [("gc:CESCR/16", GC, "", False), ("gc:CESCR/20", GC, "", False)],
    ),
    # Special Procedures communications
    (
        "Referencia: UA MEX 3/2022. Los titulares de mandatos enviaron una comunicación "
        "(AL ESP 1/2021).",
        [("spcomm:MEX 3/2022", SP, "", False), ("spcomm:ESP 1/2021", SP, "", False)],
    ),
    # instruments by their Spanish names
    (
        "El artículo 19 del Pacto Internacional de Derechos Civiles y Políticos protege la "
        "libertad de expresión.",
        [("instrument:iccpr", INS, "art. 19", False)],
    ),
    (
        "Los artículos 9 y 14 de la Convención sobre los Derechos del Niño son aplicables.",
        [("instrument:crc", INS, "art. 9; art. 14", False)],
    ),
    (
        "La Declaración Universal de Derechos Humanos fue aprobada en 1948.",
        [("instrument:udhr", INS, "", False)],
    ),
    (
        "Véase el artículo 7 de la Convención contra la Tortura y Otros Tratos o Penas Crueles, "
        "Inhumanos o Degradantes.",
        [("instrument:cat", INS, "art. 7", False)],
    ),
    (
        "Véase el Artículo 55 de la Carta de las Naciones Unidas.",
        [("instrument:un-charter", INS, "art. 55", False)],
    ),
    (
        "Véanse los Principios Rectores sobre las empresas y los derechos humanos.",
        [("instrument:ungp", INS, "", False)],
    ),
    (
        "El Pacto Internacional de Derechos Económicos, Sociales y Culturales está en vigor. "
        "Los artículos 2 a 4 del Pacto se aplican.",
        [("instrument:icescr", INS, "", False), ("instrument:icescr", INS, "arts. 2-4", True)],
    ),
    # short forms
    (
        "Véase A/HRC/38/35, párr. 4. Ibid., párrs. 5 a 7.",
        [("un:A/HRC/38/35", DOC, "para. 4", False), ("un:A/HRC/38/35", DOC, "paras. 5-7", True)],
    ),
    (
        "Véase A/HRC/41/35, párr. 12. Op. cit., párr. 14.",
        [("un:A/HRC/41/35", DOC, "para. 12", False), ("un:A/HRC/41/35", DOC, "para. 14", True)],
    ),
]


@pytest.mark.parametrize(("passage", "expected"), CASES, ids=[ascii_id(c[0]) for c in CASES])
def test_spanish_passage(passage: str, expected: list[Expected]) -> None:
    assert found(passage) == expected


def test_spanish_goals() -> None:
    precision, recall, pinpoints = scores(CASES)
    assert precision >= 0.95 and recall >= 0.90 and pinpoints >= 0.85


def test_committee_council_and_commission_are_three_bodies() -> None:
    """Comité (CCPR), Consejo (HRC) and Comisión (CHR) de Derechos Humanos: one word."""
    text = (
        "la observación general núm. 36 del Comité de Derechos Humanos, la resolución 31/32 del "
        "Consejo de Derechos Humanos y la resolución 2003/72 de la Comisión de Derechos Humanos"
    )
    assert [f[0] for f in found(text)] == [
        "gc:CCPR/36", "un:A/HRC/RES/31/32", "un:E/CN.4/RES/2003/72",
    ]
