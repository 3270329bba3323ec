# ruff: noqa: E501  (table rows hold citation sentences)
"""EU forms of issue 14 that were still missed, one table per language: old OJ references
(``JO n° L 256 du 7. 9. 1987``), back-references (``ledit règlement``, ``dicha Directiva``,
``der genannten Verordnung``), German ranges, Spanish reversed order, French sub-divisions.
Made-up sentences in the shapes of EU texts."""

from __future__ import annotations

import pytest
from eu_cases import check, found

OJ_CASES = [
    ("Voir JO n° L 256 du 7. 9. 1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(JO n° C 27 du 26.1.1998, p. 1)", [("oj:C/1998/27/p1", "oj", "")]),
    ("(JO nº L 148 du 5. 6. 1978, p. 1)", [("oj:L/1978/148/p1", "oj", "")]),
    ("(JO no L 356 du 27.12.1973, p. 79)", [("oj:L/1973/356/p79", "oj", "")]),
    ("Véase DO n° L 256 de 7.9.1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(DO nº C 112 de 27. 10. 1972, p. 14)", [("oj:C/1972/112/p14", "oj", "")]),
    ("Siehe ABl. Nr. L 256 vom 7. 9. 1987, S. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(ABl. Nr. C 27 vom 26.1.1998, S. 1)", [("oj:C/1998/27/p1", "oj", "")]),
    ("See OJ No L 256, 7. 9. 1987, p. 1.", [("oj:L/1987/256/p1", "oj", "")]),
    ("(OJ No. C 27, 26.1.1998, p. 1)", [("oj:C/1998/27/p1", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), OJ_CASES)
def test_old_oj_references(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "JO n° 129 du 28. 6. 1967, p. 2578/67",
        "DO n° 129 de 28. 6. 1967, p. 2578/67",
        "ABl. Nr. 129 vom 28. 6. 1967, S. 2578/67",
        "OJ No 129, 28. 6. 1967, p. 2578/67",
        "OJ 129, 28.6.1967, p. 2578/67",
    ],
)
def test_an_issue_before_the_series_gets_no_made_up_id(text: str) -> None:
    # ids name a series (oj:L/...); issues before 1968 had none
    assert found(text) == []


FR_PINPOINTS = [
    ("conformément à l'article 6, paragraphe 1, point e), du règlement (UE) 2016/679, le traitement",
     [("celex:32016R0679", "eu_act", "art. 6(1)(e)")]),
    ("le point e) du paragraphe 1 de l'article 6 du règlement (UE) 2016/679 prévoit",
     [("celex:32016R0679", "eu_act", "art. 6(1)(e)")]),
    ("au sens du point c) du paragraphe 2 de l’article 9 de la directive 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 9(2)(c)")]),
    ("l'article 8, paragraphe 2, sous a), de la directive 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 8(2)(a)")]),
    ("l'article 6, paragraphe 1, premier alinéa, du règlement (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 6(1)")]),
    ("l'article 4, deuxième alinéa, de la directive 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 4")]),
    ("les articles 13 à 16 du règlement (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "arts. 13-16")]),
    ("l'article 27 bis du règlement (CE) n° 1049/2001",
     [("celex:32001R1049", "eu_act", "art. 27a")]),
    ("l'annexe III du règlement (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "annex III")]),
    ("le point b) de l'annexe II de la directive 95/46/CE",
     [("celex:31995L0046", "eu_act", "annex II(b)")]),
]
ES_PINPOINTS = [
    ("de conformidad con la letra e) del apartado 1 del artículo 6 del Reglamento (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 6(1)(e)")]),
    ("según el apartado 2 del artículo 9 del Reglamento (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 9(2)")]),
    ("la letra e) del anexo III del Reglamento (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "annex III(e)")]),
    ("en el anexo III de la Directiva 95/46/CE",
     [("celex:31995L0046", "eu_act", "annex III")]),
    ("los artículos 13 a 16 del Reglamento (UE) 2016/679",
     [("celex:32016R0679", "eu_act", "arts. 13-16")]),
    ("los apartados 1 a 3 del artículo 5 de la Directiva 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 5(1)-(3)")]),
    ("el artículo 27 bis del Reglamento (CE) n.º 1049/2001",
     [("celex:32001R1049", "eu_act", "art. 27a")]),
    ("los requisitos de las letras a) y b) del apartado 1 y en la letra b) del apartado 2 del artículo 5 de la Directiva 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)")]),
    ("las letras a), b) o c) del artículo 7 de la Directiva 95/46/CE",
     [("celex:31995L0046", "eu_act", "art. 7(a); art. 7(b); art. 7(c)")]),
    ("Vista la Directiva 95/46/CE del Parlamento Europeo y del Consejo, y, en particular, el apartado 1 de su artículo 23, su artículo 24, el apartado 2 de su artículo 26 y sus artículos 27 bis y 34,",
     [("celex:31995L0046", "eu_act", "art. 23(1); art. 24; art. 26(2); art. 27a; art. 34")]),
    # the act named before its pinpoint, with a comma only
    ("Véase el Reglamento (UE) 2016/679, letra e) del apartado 1 del artículo 6.",
     [("celex:32016R0679", "eu_act", "art. 6(1)(e)")]),
    ("la Directiva 95/46/CE, apartado 2 del artículo 8, prohíbe",
     [("celex:31995L0046", "eu_act", "art. 8(2)")]),
]
DE_PINPOINTS = [
    ("gemäß Artikel 14 Absatz 1 bis 4 der Verordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 14(1)-(4)")]),
    ("die Artikel 13 bis 16, 19 und 21 der Verordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "arts. 13-16; art. 19; art. 21")]),
    # "Nummer" numbers the points of a paragraph ("point (150) of Article 4(1)")
    ("im Sinne des Artikels 4 Absatz 1 Nummer 150 der Verordnung (EU) Nr. 575/2013",
     [("celex:32013R0575", "eu_act", "art. 4(1)(150)")]),
    ("Artikel 3 Nummer 2 der Richtlinie 95/46/EG",
     [("celex:31995L0046", "eu_act", "art. 3(2)")]),
    ("nach Artikel 5 Absatz 1 Buchstaben a bis c der Richtlinie 95/46/EG",
     [("celex:31995L0046", "eu_act", "art. 5(1)(a)-(c)")]),
    ("die Artikel 7–9 der Richtlinie 95/46/EG",
     [("celex:31995L0046", "eu_act", "arts. 7-9")]),
    ("nach Artikel 6 Absatz 1 Unterabsatz 2 der Verordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 6(1)")]),
    ("nach Artikel 6 Absatz 1 Satz 2 der Verordnung (EU) 2016/679",
     [("celex:32016R0679", "eu_act", "art. 6(1)")]),
    ("Artikel 27a der Verordnung (EG) Nr. 1049/2001",
     [("celex:32001R1049", "eu_act", "art. 27a")]),
]


@pytest.mark.parametrize(("text", "expected"), FR_PINPOINTS + ES_PINPOINTS + DE_PINPOINTS)
def test_pinpoints(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Véase el Reglamento (UE) 2016/679, artículo 6 del Tratado",
        "le règlement (UE) 2016/679, article 16 du traité sur le fonctionnement de l'Union européenne",
    ],
)
def test_a_pinpoint_after_the_act_that_names_another_source_is_not_the_acts(text: str) -> None:
    (act,) = [c for c in found(text) if c[1] == "eu_act"]
    assert act == ("celex:32016R0679", "eu_act", "")


@pytest.mark.parametrize(
    "text",
    [
        "El Pacto Internacional de Derechos Civiles y Políticos protege la vida. Reglamento (UE) 2016/679, letra e) del apartado 1 del artículo 6.",
        "El artículo 6 del Pacto Internacional de Derechos Civiles y Políticos protege la vida. Véase también el Reglamento (UE) 2016/679. Según el artículo 6, el tratamiento es lícito.",
        "L’article 6 du Pacte international relatif aux droits civils et politiques protège la vie. Voir aussi le règlement (UE) 2016/679. Selon l’article 6, le traitement est licite.",
    ],
)
def test_a_bare_article_after_an_eu_act_is_not_the_covenants(text: str) -> None:
    covenant = [c for c in found(text) if c[0] == "instrument:iccpr"]
    # the Covenant is cited once (with its own article when written so), never for the later article
    assert len(covenant) == 1


FR_REG = "Le règlement (UE) 2016/679 s'applique au traitement. "
FR_DIR = "La directive 95/46/CE est abrogée. "
ES_REG = "El Reglamento (UE) 2016/679 se aplica al tratamiento. "
ES_DIR = "La Directiva 95/46/CE queda derogada. "
DE_REG = "Die Verordnung (EU) 2016/679 gilt für die Verarbeitung. "
DE_DIR = "Die Richtlinie 95/46/EG wird aufgehoben. "
REG, DIR = "celex:32016R0679", "celex:31995L0046"

BACK_REFERENCES = [
    (FR_REG + "L'article 6 dudit règlement prévoit que", "article 6 dudit règlement", REG, "art. 6"),
    (FR_DIR + "L'article 7 de ladite directive dispose que", "article 7 de ladite directive", DIR, "art. 7"),
    (FR_REG + "Le même règlement prévoit que", "Le même règlement", REG, ""),
    (FR_REG + "L'article 5 du règlement précité dispose que", "article 5 du règlement précité", REG, "art. 5"),
    (FR_DIR + "L'article 2, sous a), de la directive précitée définit", "article 2, sous a), de la directive précitée", DIR, "art. 2(a)"),
    (FR_REG + "Ce règlement prévoit que", "Ce règlement", REG, ""),
    (FR_DIR + "Cette directive prévoyait que", "Cette directive", DIR, ""),
    (ES_REG + "El artículo 5 de dicho Reglamento dispone que", "artículo 5 de dicho Reglamento", REG, "art. 5"),
    (ES_DIR + "Dicha Directiva preveía que", "Dicha Directiva", DIR, ""),
    (ES_REG + "El citado Reglamento prevé que", "El citado Reglamento", REG, ""),
    (ES_REG + "El mismo Reglamento prevé que", "El mismo Reglamento", REG, ""),
    (ES_DIR + "La citada Directiva preveía que", "La citada Directiva", DIR, ""),
    (ES_DIR + "Esta Directiva preveía que", "Esta Directiva", DIR, ""),
    (ES_REG + "La letra e) del apartado 1 del artículo 6 de dicho Reglamento dispone", "letra e) del apartado 1 del artículo 6 de dicho Reglamento", REG, "art. 6(1)(e)"),
    (DE_REG + "Artikel 5 der genannten Verordnung bestimmt", "Artikel 5 der genannten Verordnung", REG, "art. 5"),
    (DE_REG + "Artikel 5 Absatz 2 derselben Verordnung bestimmt", "Artikel 5 Absatz 2 derselben Verordnung", REG, "art. 5(2)"),
    (DE_DIR + "Artikel 7 der vorgenannten Richtlinie bestimmt", "Artikel 7 der vorgenannten Richtlinie", DIR, "art. 7"),
]


@pytest.mark.parametrize(("text", "span", "oid", "pinpoint"), BACK_REFERENCES)
def test_back_references(text: str, span: str, oid: str, pinpoint: str) -> None:
    from citecheck.pipeline import extract

    first, back = extract(text)
    assert (back.text, back.id, str(back.pinpoint), back.short_form) == (span, oid, pinpoint, True)
    assert back.antecedent == 0 and first.id == oid


@pytest.mark.parametrize(
    "text",
    [
        # the act's own text names itself: not a citation
        "La présente directive modifie la directive 95/46/CE. La présente directive entre en vigueur",
        "La presente Directiva modifica la Directiva 95/46/CE. La presente Directiva entrará en vigor",
        "Diese Richtlinie ändert die Richtlinie 95/46/EG. Diese Richtlinie tritt in Kraft",
        # no act of that type before
        FR_REG + "Ladite directive prévoyait que",
        ES_DIR + "Dicho Reglamento prevé que",
        # a decision is as often a court's or an authority's
        "La décision 2002/584/JAI est en vigueur. Cette décision du tribunal est définitive",
        "Vista la Decisión 1999/468/CE. La Comisión publicará dicha decisión de clasificación",
        "Der Beschluss 1999/468/EG gilt. Die genannte Entscheidung des Gerichts ist endgültig",
        # "in Absatz 3 genannten": what paragraph 3 names
        DE_REG + "Die in Absatz 3 genannte Verordnung der Kommission muss enthalten",
    ],
)
def test_not_back_references(text: str) -> None:
    assert [c for c in found(text) if c[0] == ""] == []
    assert len(found(text)) == 1


def test_a_numbered_act_after_a_back_reference_word_is_a_citation() -> None:
    assert found(ES_DIR + "dicho Reglamento (UE) 2016/679 se aplica") == [
        (DIR, "eu_act", ""),
        (REG, "eu_act", ""),
    ]


HAND_OVER = [
    ("Visto el Reglamento (CEE) n° 2092/91 del Consejo, de 24 de junio de 1991, sobre las normas de aplicación del artículo 8 de la Directiva 91/414/CEE del Consejo relativa a los productos, cuya última modificación la constituye el Reglamento (CE) n° 1804/1999, y, en particular, la letra b) del apartado 3 bis de su artículo 7,",
     [("celex:31991R2092", "eu_act", "art. 7(3a)(b)"), ("celex:31991L0414", "eu_act", "art. 8"), ("celex:31999R1804", "eu_act", "")]),
    ("vu le règlement (CEE) n° 2092/91 du Conseil du 24 juin 1991 portant application de l'article 8 de la directive 91/414/CEE du Conseil, modifié en dernier lieu par le règlement (CE) n° 1804/1999, et notamment son article 13,",
     [("celex:31991R2092", "eu_act", "art. 13"), ("celex:31991L0414", "eu_act", "art. 8"), ("celex:31999R1804", "eu_act", "")]),
    ("gestützt auf die Verordnung (EWG) Nr. 2092/91 des Rates vom 24. Juni 1991 zur Durchführung des Artikels 8 der Richtlinie 91/414/EWG des Rates, zuletzt geändert durch die Verordnung (EG) Nr. 1804/1999, insbesondere auf Artikel 13,",
     [("celex:31991R2092", "eu_act", "art. 13"), ("celex:31991L0414", "eu_act", "art. 8"), ("celex:31999R1804", "eu_act", "")]),
    # a title between the act and its pinpoint, no amending act
    ("Visto el Reglamento (CE) n° 1493/1999 del Consejo, de 17 de mayo de 1999, por el que se establece la organización común del mercado vitivinícola(1), y, en particular, su artículo 33,\n",
     [("celex:31999R1493", "eu_act", "art. 33")]),
    ("vu le règlement (CE) n° 1493/1999 du Conseil du 17 mai 1999 portant organisation commune du marché vitivinicole (1), et notamment son article 33,\n",
     [("celex:31999R1493", "eu_act", "art. 33")]),
    ("gestützt auf die Verordnung (EG) Nr. 1493/1999 des Rates vom 17. Mai 1999 über die gemeinsame Marktorganisation für Wein(1), insbesondere auf Artikel 33,\n",
     [("celex:31999R1493", "eu_act", "art. 33")]),
    # the clause ends first: the next clause's "en particular" is not this act's
    ("Visto el Reglamento (CE) n° 1493/1999 del Consejo, de 17 de mayo de 1999, por el que se establece la organización común del mercado vitivinícola;\nConsiderando que, en particular, el artículo 5 establece",
     [("celex:31999R1493", "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), HAND_OVER)
def test_in_particular_after_an_amending_act_is_the_pinpoint_of_the_act_the_citation_opens_with(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    check(text, expected)


@pytest.mark.parametrize("key", ["back_reference_words", "back_reference_after", "demonstratives"])
def test_back_reference_words_are_optional_and_checked_in_a_table(key: str) -> None:
    from citecheck.lexicon import from_table

    table = {
        "months": [str(i) for i in range(12)],
        "units": {"para": ["para."]},
        **{k: ["x"] for k in ("plurals", "list_words", "range_words", "at_words", "of_words", "this_act_words",
                              "part_of_words", "document_words", "emphasis_words", "ordinals")},
    }
    assert getattr(from_table("xx", table), key) == ()
    assert getattr(from_table("xx", {**table, key: ["ledit"]}), key) == ("ledit",)
    with pytest.raises(ValueError, match=key):
        from_table("xx", {**table, key: [""]})
