"""French and Spanish UN forms beyond the basic ones: instrument acronyms and definitions in
brackets, sub-letters closed by ")" only, "précité"/"antes citado", "supra, note 12", "infra".

Passages written for these tests in the style of UN French and Spanish texts (treaty-body
views, reports, letters); each row failed before the forms were read.
"""

from __future__ import annotations

import pytest
from un_language_cases import Expected, ascii_id, found

import citecheck

DOC, RES, GC, INS = "un_document", "un_resolution", "general_comment", "instrument"

FRENCH: list[tuple[str, list[Expected]]] = [
    # acronyms of the instruments, cited with an article
    (
        "L'auteur invoque la DUDH, art. 12, et le PIDESC, art. 11.",
        [("instrument:udhr", INS, "art. 12", False), ("instrument:icescr", INS, "art. 11", False)],
    ),
    (
        "L'État partie a violé la CEDEF, art. 2, et la CDE, art. 3.",
        [("instrument:cedaw", INS, "art. 2", False), ("instrument:crc", INS, "art. 3", False)],
    ),
    (
        "Le PIDCP, art. 19, protège la liberté d'expression.",
        [("instrument:iccpr", INS, "art. 19", False)],
    ),
    # the acronym defined in brackets: the pinpoint stays on the instrument
    (
        "Voir le Pacte international relatif aux droits civils et politiques (PIDCP), art. 19.",
        [("instrument:iccpr", INS, "art. 19", False)],
    ),
    (
        "La DUDH consacre le droit à la vie privée.",
        [("instrument:udhr", INS, "", False)],
    ),
    # sub-paragraph letters take a closing parenthesis only
    (
        "Le Comité renvoie à ses observations finales (CCPR/C/FRA/CO/5, par. 17 c)).",
        [("un:CCPR/C/FRA/CO/5", DOC, "para. 17(c)", False)],
    ),
    (
        "Voir A/HRC/40/50, par. 17, al. c), et A/HRC/40/51, par. 8, alinéa b).",
        [
            ("un:A/HRC/40/50", DOC, "para. 17(c)", False),
            ("un:A/HRC/40/51", DOC, "para. 8(b)", False),
        ],
    ),
    (
        "Voir A/HRC/40/52, par. 8 a) ii).",
        [("un:A/HRC/40/52", DOC, "para. 8(a)(ii)", False)],
    ),
    (
        "Le Pacte international relatif aux droits civils et politiques est en vigueur. "
        "L'article 14, par. 3 b), du Pacte garantit le temps nécessaire à la défense.",
        [("instrument:iccpr", INS, "", False), ("instrument:iccpr", INS, "art. 14(3)(b)", True)],
    ),
    (
        "Rappelant le paragraphe 8 a) de la résolution 60/251 de l'Assemblée générale,",
        [("un:A/RES/60/251", RES, "para. 8(a)", False)],
    ),
    # the paragraph in brackets after the article (UN French treaty-body style)
    (
        "Le Pacte international relatif aux droits civils et politiques est en vigueur. "
        "L'auteur invoque l'article 14 (par. 3 b)) du Pacte.",
        [("instrument:iccpr", INS, "", False), ("instrument:iccpr", INS, "art. 14(3)(b)", True)],
    ),
    # "précité(e)": a repeat of the citation just before, with the pinpoint after the word
    (
        "Voir l'observation générale no 34 (2011) du Comité des droits de l'homme, par. 5, et "
        "A/HRC/38/35, par. 4. Voir aussi l'observation générale no 34 précitée, par. 9.",
        [
            ("gc:CCPR/34", GC, "para. 5", False),
            ("un:A/HRC/38/35", DOC, "para. 4", False),
            ("gc:CCPR/34", GC, "para. 9", True),
        ],
    ),
    (
        "Voir A/HRC/41/35, par. 3. Le rapport A/HRC/41/35 précité, par. 12, le confirme.",
        [("un:A/HRC/41/35", DOC, "para. 3", False), ("un:A/HRC/41/35", DOC, "para. 12", True)],
    ),
    # "précité" after no citation names nothing citecheck can tell: dropped
    (
        "Voir A/HRC/41/35, par. 3. Voir l'arrêt précité, point 4.",
        [("un:A/HRC/41/35", DOC, "para. 3", False)],
    ),
    # "infra" points forward: no citation, and its pinpoint is nobody's
    (
        "Voir A/HRC/41/35, par. 3. Voir infra, par. 12.",
        [("un:A/HRC/41/35", DOC, "para. 3", False)],
    ),
]

SPANISH: list[tuple[str, list[Expected]]] = [
    (
        "El autor invoca la DUDH, art. 12, y el PIDESC, art. 11.",
        [("instrument:udhr", INS, "art. 12", False), ("instrument:icescr", INS, "art. 11", False)],
    ),
    (
        "El Estado parte vulneró la CDN, art. 3, y la CEDAW, art. 2.",
        [("instrument:crc", INS, "art. 3", False), ("instrument:cedaw", INS, "art. 2", False)],
    ),
    (
        "Véase el Pacto Internacional de Derechos Civiles y Políticos (PIDCP), art. 19.",
        [("instrument:iccpr", INS, "art. 19", False)],
    ),
    (
        "Véanse las observaciones finales (CCPR/C/ESP/CO/6, párr. 17 c)).",
        [("un:CCPR/C/ESP/CO/6", DOC, "para. 17(c)", False)],
    ),
    (
        "Véase A/HRC/40/50, párr. 8, apartado c).",
        [("un:A/HRC/40/50", DOC, "para. 8(c)", False)],
    ),
    (
        "Recordando el párrafo 8 a) ii) de la resolución 986 (1995) del Consejo de Seguridad,",
        [("un:S/RES/986(1995)", RES, "para. 8(a)(ii)", False)],
    ),
    (
        "Véase la resolución 8/8 del Consejo de Derechos Humanos y el informe A/HRC/40/50. "
        "La resolución 8/8 antes citada, párr. 3, lo reitera.",
        [
            ("un:A/HRC/RES/8/8", RES, "", False),
            ("un:A/HRC/40/50", DOC, "", False),
            ("un:A/HRC/RES/8/8", RES, "para. 3", True),
        ],
    ),
    (
        "Véase A/HRC/41/35, párr. 3. Véase infra, párr. 12.",
        [("un:A/HRC/41/35", DOC, "para. 3", False)],
    ),
]


@pytest.mark.parametrize(("passage", "expected"), FRENCH, ids=[ascii_id(c[0]) for c in FRENCH])
def test_french_forms(passage: str, expected: list[Expected]) -> None:
    assert found(passage) == expected


@pytest.mark.parametrize(("passage", "expected"), SPANISH, ids=[ascii_id(c[0]) for c in SPANISH])
def test_spanish_forms(passage: str, expected: list[Expected]) -> None:
    assert found(passage) == expected


@pytest.mark.parametrize(
    "passage",
    [
        "Voir A/HRC/41/35, par. 3. Voir supra, note 12.",
        "Voir A/HRC/41/35, par. 3. Voir supra note 12.",
        "Véase A/HRC/41/35, párr. 3. Véase supra, nota 12.",
    ],
)
def test_supra_note_names_a_footnote_with_or_without_comma(passage: str) -> None:
    """'supra, note 12' is 'supra note 12': the first citation of footnote 12, never the last
    citation with a 'footnote 12' pinpoint; the text has no notes citecheck recognises, so it
    cannot tell that note 12 does not exist: info SF104, no error."""
    result = citecheck.check(passage)
    supra = [c for c in result.citations if c.short_form]
    assert len(supra) == 1 and supra[0].id == ""
    assert [f.message for f in result.findings if f.code in ("SF101", "SF104")] == [
        "supra note 12: citecheck recognises no footnotes in this text"
    ]


def test_supra_note_resolves_to_the_footnote_it_names() -> None:
    text = (
        "Texte.[^1] Suite.[^2]\n\n[^1]: A/HRC/41/35, par. 3.\n\n[^2]: Voir supra, note 1, par. 7.\n"
    )
    result = citecheck.check(text)
    short = [c for c in result.citations if c.short_form]
    assert [(c.id, str(c.pinpoint)) for c in short] == [("un:A/HRC/41/35", "para. 7")]
    assert [f.message for f in result.findings if f.code == "SF103"] == [
        "'supra' is not UN editorial style; repeat the reference or use 'ibid.'"
    ]


@pytest.mark.parametrize(
    "passage",
    [
        "Rappelant les résolutions 17/1 à 17/3 du Conseil des droits de l'homme,",
        "Recordando las resoluciones 17/1 a 17/3 del Consejo de Derechos Humanos,",
        "Recalling Human Rights Council resolutions 17/1 to 17/3,",
    ],
)
def test_a_range_of_resolutions_cites_each_one(passage: str) -> None:
    assert [f[0] for f in found(passage)] == [
        "un:A/HRC/RES/17/1",
        "un:A/HRC/RES/17/2",
        "un:A/HRC/RES/17/3",
    ]


@pytest.mark.parametrize(
    ("passage", "ids"),
    [
        # not upwards, or across sessions: the two ends only
        (
            "Rappelant les résolutions 17/3 à 17/1 du Conseil des droits de l'homme,",
            ["un:A/HRC/RES/17/3", "un:A/HRC/RES/17/1"],
        ),
        (
            "Rappelant les résolutions 16/4 à 17/1 du Conseil des droits de l'homme,",
            ["un:A/HRC/RES/16/4", "un:A/HRC/RES/17/1"],
        ),
    ],
)
def test_a_range_that_is_not_one_upward_session_keeps_its_ends(
    passage: str, ids: list[str]
) -> None:
    assert [f[0] for f in found(passage)] == ids


@pytest.mark.parametrize(
    ("passage", "ids"),
    [
        (
            "Rappelant la résolution 2/4 du Conseil des droits de l'homme et sa décision 2/102,",
            ["un:A/HRC/RES/2/4", "un:A/HRC/DEC/2/102"],
        ),
        (
            "Rappelant la résolution 1503 (XLVIII) du Conseil économique et social,",
            ["un:E/RES/1503(XLVIII)"],
        ),
        (
            "Rappelant la résolution 2005/69 de la Commission des droits de l'homme,",
            ["un:E/CN.4/RES/2005/69"],
        ),
        ("Rappelant la résolution 2334 (2016) du Conseil de sécurité,", ["un:S/RES/2334(2016)"]),
        (
            "Rappelant les résolutions 5/1 et 5/2 du Conseil des droits de l'homme,",
            ["un:A/HRC/RES/5/1", "un:A/HRC/RES/5/2"],
        ),
        (
            "Recordando la resolución 1503 (XLVIII) del Consejo Económico y Social,",
            ["un:E/RES/1503(XLVIII)"],
        ),
        (
            "Recordando la resolución 2005/69 de la Comisión de Derechos Humanos,",
            ["un:E/CN.4/RES/2005/69"],
        ),
        (
            "Recordando las resoluciones 5/1 y 5/2 del Consejo de Derechos Humanos,",
            ["un:A/HRC/RES/5/1", "un:A/HRC/RES/5/2"],
        ),
    ],
)
def test_bodies_named_in_the_language(passage: str, ids: list[str]) -> None:
    assert [f[0] for f in found(passage)] == ids


@pytest.mark.parametrize(
    "passage",
    [
        "Le Pacte international relatif aux droits civils et politiques s'applique. "
        "Voir le Pacte, art. 14, par. 3 b).",
        "El Pacto Internacional de Derechos Civiles y Políticos se aplica. "
        "Véase el Pacto, art. 14, párr. 3 b).",
        "The International Covenant on Civil and Political Rights applies. "
        "See the Covenant, art. 14(3)(b).",
    ],
)
def test_a_short_name_then_its_article(passage: str) -> None:
    """'le Pacte, art. 14': the short name points back to the instrument named before."""
    assert found(passage) == [
        ("instrument:iccpr", INS, "", False),
        ("instrument:iccpr", INS, "art. 14(3)(b)", True),
    ]


def test_a_short_name_with_nothing_named_before_is_no_citation() -> None:
    assert found("Under the Convention, article 3 applies.") == []
