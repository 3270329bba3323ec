"""UN resolutions in prose, as a demanding user wrote them in FR/ES/DE and English: the
date after a named body, a non-UN organ's resolution, a Security Council resolution without
its year, and the characters of "no" (made-up rows in the shapes of real texts)."""

from __future__ import annotations

import pytest

import citecheck

# (text, id, pinpoint, finding codes): a date after the body, then the pinpoint
DATED_AFTER_BODY: list[tuple[str, str, str, list[str]]] = [
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2006, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2007, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "la resolución 60/251 de la Asamblea General, de 15 de marzo de 2006, párr. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "la resolución 60/251 de la Asamblea General, de 15 de marzo de 2007, párr. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "die Resolution 60/251 der Generalversammlung vom 15. März 2006, Ziff. 5 Buchst. e.",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "die Resolution 60/251 der Generalversammlung vom 15. März 2007, Ziff. 5 Buchst. e.",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "resolution 60/251 of the General Assembly of 15 March 2007, para. 5 (e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    # a date without a pinpoint is still read; no date, no finding
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2007.",
        "un:A/RES/60/251",
        "",
        ["UN207"],
    ),
    (
        "la résolution 60/251 de l'Assemblée générale, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    # a date further on is another thing's
    (
        "la résolution 60/251 de l'Assemblée générale et le rapport du 15 mars 2007.",
        "un:A/RES/60/251",
        "",
        [],
    ),
]


@pytest.mark.parametrize(("text", "cid", "pinpoint", "codes"), DATED_AFTER_BODY)
def test_a_date_after_the_body_is_the_resolutions(
    text: str, cid: str, pinpoint: str, codes: list[str]
) -> None:
    result = citecheck.check(text)
    assert [(c.id, str(c.pinpoint)) for c in result.citations] == [(cid, pinpoint)]
    assert [f.code for f in result.findings] == codes


# (text, ids): a resolution of a body outside the UN named next to it is that body's
NON_UN_BODY: list[tuple[str, list[str]]] = [
    ("Resolution 12/3 of the board of directors of the company.", []),
    ("Resolution 12/3 of the Board of Directors of the company.", []),
    ("resolution 12/3 of the General Assembly of Shareholders.", []),
    ("Resolution 7/2 of the general meeting of shareholders.", []),
    ("resolution 12/3 of the municipal council.", []),
    ("resolution 12/3 adopted by the court.", []),
    ("La résolution 12/3 du conseil d'administration de la société.", []),
    ("la résolution 12/3 de l'assemblée générale des actionnaires.", []),
    ("la résolution 7/2 du conseil municipal.", []),
    ("El consejo de administración adoptó la resolución 12/3.", []),
    ("La resolución 12/3 del consejo de administración.", []),
    ("la resolución 7/2 de la junta general de accionistas.", []),
    ("Resolution 12/3 des Verwaltungsrats.", []),
    # FR/ES: an organ named before a bare resolution is its author only when it adopted it
    ("Le conseil d'administration a adopté la résolution 12/3.", []),
    ("Le conseil municipal a approuvé la résolution 12/3.", []),
    ("La junta general de accionistas aprobó la resolución 12/3.", []),
    ("Le conseil d'administration a rappelé la résolution 60/251.", ["un:A/RES/60/251"]),
    (
        "El consejo de administración recordó la resolución 60/251 y la resolución 5/1 del "
        "Consejo de Derechos Humanos.",
        ["un:A/RES/60/251", "un:A/HRC/RES/5/1"],
    ),
    ("El consejo de administración tomó nota de la resolución 60/251.", ["un:A/RES/60/251"]),
    (
        "Le conseil d'administration a rappelé la résolution 60/251.\n"
        "El consejo de administración recordó la resolución 60/251.",
        ["un:A/RES/60/251", "un:A/RES/60/251"],
    ),
    (
        "Le conseil municipal a rappelé la résolution 60/251, puis le conseil "
        "d'administration a adopté la résolution 12/3.",
        ["un:A/RES/60/251"],
    ),
    # the UN's bodies, and a bare resolution the text's context decides, stay
    ("resolution 12/3 of the Human Rights Council.", ["un:A/HRC/RES/12/3"]),
    ("resolution 60/251 of the General Assembly.", ["un:A/RES/60/251"]),
    ("resolution 12/3.", ["un:A/HRC/RES/12/3"]),
    ("resolution 12/3, the board decided to act.", ["un:A/HRC/RES/12/3"]),
    ("la résolution 60/251 de l'Assemblée générale.", ["un:A/RES/60/251"]),
    ("la résolution 12/3 du Conseil des droits de l'homme.", ["un:A/HRC/RES/12/3"]),
    ("la résolution 12/3.", ["un:A/HRC/RES/12/3"]),
    ("la resolución 60/251 de la Asamblea General.", ["un:A/RES/60/251"]),
    ("la resolución 12/3 del Consejo de Derechos Humanos.", ["un:A/HRC/RES/12/3"]),
]


@pytest.mark.parametrize(("text", "ids"), NON_UN_BODY)
def test_a_resolution_of_a_body_outside_the_un_is_not_mapped(text: str, ids: list[str]) -> None:
    assert [c.id for c in citecheck.extract(text) if c.family == "un_prose"] == ids


# (text, ids, codes): a Security Council resolution without its year; the year is not
# guessed (the id is the symbol as written, as for S/RES/2231), a date gives it
SC_WITHOUT_YEAR: list[tuple[str, list[str], list[str]]] = [
    ("Security Council resolution 2231.", ["un:S/RES/2231"], ["UN107"]),
    ("resolution 2231 of the Security Council.", ["un:S/RES/2231"], ["UN107"]),
    ("la résolution 2231 du Conseil de sécurité.", ["un:S/RES/2231"], ["UN107"]),
    ("la resolución 2231 del Consejo de Seguridad.", ["un:S/RES/2231"], ["UN107"]),
    ("die Resolution 2231 des Sicherheitsrats.", ["un:S/RES/2231"], ["UN107"]),
    ("UNSCR 1325.", ["un:S/RES/1325"], ["UN107"]),
    (
        "Security Council resolutions 1325 and 1820 (2008).",
        ["un:S/RES/1325", "un:S/RES/1820(2008)"],
        ["UN107"],
    ),
    ("Security Council resolution 2231 of 20 July 2015.", ["un:S/RES/2231(2015)"], []),
    ("Security Council resolution 2231 (2015).", ["un:S/RES/2231(2015)"], []),
    # a number alone is no SC resolution without the Council named
    ("resolution 2231.", [], []),
    ("General Assembly resolution 2231.", [], []),
    ("Council resolution 5.", [], []),
    ("resolution 12 of the Board.", [], []),
    ("la résolution 2231.", [], []),
    # another council whose name ends in "Security Council": a capitalised word before it
    # mid-sentence that is not the UN's ("National", "State", "Supreme")
    ("The National Security Council resolution 45 of Turkey was criticised.", [], []),
    ("The State Security Council resolution 45 was adopted.", [], []),
    ("It annulled the Supreme Security Council resolution 7.", [], []),
    # the UN's council: named by the UN, or the capital opens the sentence
    ("The UN Security Council resolution 1325 applies.", ["un:S/RES/1325"], ["UN107"]),
    ("See United Nations Security Council resolution 1325.", ["un:S/RES/1325"], ["UN107"]),
    ("It recalls U.N. Security Council resolution 1325.", ["un:S/RES/1325"], ["UN107"]),
    ("In Security Council resolution 1325, the Council acts.", ["un:S/RES/1325"], ["UN107"]),
    ("Under the Security Council resolution 1325, states act.", ["un:S/RES/1325"], ["UN107"]),
    # the Security Council numbers its resolutions from 1
    ("Security Council resolution 0.", [], []),
    ("Security Council resolution 1.", ["un:S/RES/1"], ["UN107"]),
    # a number alone goes on a list of SC resolutions only
    (
        "Human Rights Council resolutions 17/4 and 2 other texts.",
        ["un:A/HRC/RES/17/4"],
        [],
    ),
    (
        "Security Council resolutions 1325 (2000) and 1820.",
        ["un:S/RES/1325(2000)", "un:S/RES/1820"],
        ["UN107"],
    ),
]


@pytest.mark.parametrize(("text", "ids", "codes"), SC_WITHOUT_YEAR)
def test_a_security_council_resolution_without_its_year(
    text: str, ids: list[str], codes: list[str]
) -> None:
    result = citecheck.check(text)
    assert [c.id for c in result.citations if c.family == "un_prose"] == ids
    assert [f.code for f in result.findings] == codes


# (text, ids): every sign the characters table gives for "number" after "n"
NUMBER_SIGNS: list[tuple[str, list[str]]] = [
    ("observation générale n\u1d52 34 du Comité", ["gc:?/34"]),  # modifier letter small o
    ("observation générale n\u02da 34 du Comité", ["gc:?/34"]),  # ring above
    ("observation générale n\u00b0 34 du Comité", ["gc:?/34"]),
    ("observación general n\u1d52 34 del Comité", ["gc:?/34"]),
    ("General Comment N\u1d52 34 of the Committee", ["gc:?/34"]),
    # another letter after "n" is no number sign
    ("observation générale n\u1d43 34 du Comité", []),
    ("observation générale nu 34 du Comité", []),
]


@pytest.mark.parametrize(("text", "ids"), NUMBER_SIGNS)
def test_number_signs_of_the_characters_table(text: str, ids: list[str]) -> None:
    assert [c.id for c in citecheck.extract(text) if c.family == "general_comments"] == ids


# (text, pinpoint, codes): a Guiding Principle's number before the French or Spanish name
PRINCIPLE_BEFORE_NAME: list[tuple[str, str, list[str]]] = [
    (
        "le principe 31 des Principes directeurs relatifs aux entreprises et aux droits de l'homme",
        "principle 31",
        [],
    ),
    (
        "le principe 32 des Principes directeurs relatifs aux entreprises et aux droits de l'homme",
        "principle 32",
        ["IN102"],
    ),
    (
        "les principes 1 et 2 des Principes directeurs relatifs aux entreprises et aux droits de "
        "l'homme",
        "principle 1; principle 2",
        [],
    ),
    (
        "el principio 31 de los Principios Rectores sobre las Empresas y los Derechos Humanos",
        "principle 31",
        [],
    ),
    (
        "el principio 40 de los Principios Rectores sobre las Empresas y los Derechos Humanos",
        "principle 40",
        ["IN102"],
    ),
]


@pytest.mark.parametrize(("text", "pinpoint", "codes"), PRINCIPLE_BEFORE_NAME)
def test_a_principle_number_before_the_name(text: str, pinpoint: str, codes: list[str]) -> None:
    result = citecheck.check(text)
    assert [(c.id, str(c.pinpoint)) for c in result.citations] == [("instrument:ungp", pinpoint)]
    assert [f.code for f in result.findings] == codes


# another instrument's principle is not the Guiding Principles'
@pytest.mark.parametrize(
    "text",
    [
        "le principe 5 de la Déclaration de Rio",
        "le principe 3 des Principes de Paris",
        "el principio 3 de los Principios de París",
        "le principe 31 des statuts",
    ],
)
def test_another_instruments_principle_is_not_read(text: str) -> None:
    assert [c.id for c in citecheck.extract(text) if c.family == "instruments"] == []
