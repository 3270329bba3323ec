# ruff: noqa: E501  (table rows hold citation sentences)
"""One table of the French and Spanish pinpoint forms of EU acts, row by row through the
article, paragraph, point, indent, sentence and annex words: both orders (``article 3,
paragraphe 2, point a)`` and ``au point a) du paragraphe 2 de l'article 3``), lists and ranges,
inserted numbers (``bis``), ordinals written out past the tenth, pinpoints after the act
(``et notamment l'article``, ``prévoit, à son article 6,``), and words that must give no
pinpoint. Made-up sentences in the shapes of EU acts; each gives the act cited first and its
canonical pinpoint."""

from __future__ import annotations

import pytest
from eu_cases import ES_ACT, FR_ACT, found

R = FR_ACT
VU = "vu le règlement (CE) n° 1234/2007 du Conseil (1),"
ES_R = ES_ACT
VISTO = "Visto el Reglamento (CE) n° 1234/2007 del Consejo (1),"

FR = [
    # article, paragraph, subparagraph, point: both orders
    (f"conformément à l'article 3, paragraphe 2, deuxième alinéa, point a), {R}, les", "art. 3(2)(a)"),
    (f"au point a) du deuxième alinéa du paragraphe 2 de l'article 3 {R}, les", "art. 3(2)(a)"),
    (f"le premier alinéa de l'article 5 {R} s'applique", "art. 5"),
    (f"l'article 1er {R} est remplacé", "art. 1"),
    (f"les articles 3 à 7 {R} sont", "arts. 3-7"),
    (f"les articles 6 et 7 {R} sont", "art. 6; art. 7"),
    (f"l'article 6 bis {R} est", "art. 6a"),
    (f"l'article 4 paragraphe 1 sous a) {R} est", "art. 4(1)(a)"),
    (f"l'article 4, paragraphe 1, sous b), {R} est", "art. 4(1)(b)"),
    (f"l'article 4, paragraphe 1, point a), troisième tiret, {R} est", "art. 4(1)(a)"),
    (f"l'article 4, paragraphe 1, phrase introductive, {R} est", "art. 4(1)"),
    # a point, then its paragraph, before the article
    (f"le paragraphe 1, sous b), de l'article 4 {R} est", "art. 4(1)(b)"),
    (f"le point a) de l'article 12, paragraphe 3, {R} est", "art. 12(3)(a)"),
    (f"le point a) ii) de l'article 12, paragraphe 3, {R} est", "art. 12(3)(a)(ii)"),
    (f"le point i) du point a) du paragraphe 1 de l'article 6 {R} est", "art. 6(1)(a)(i)"),
    (f"les points h) et i) du paragraphe 1 de l'article 6 {R} sont", "art. 6(1)(h); art. 6(1)(i)"),
    (f"le point a) ii) de l'article 12 {R} est", "art. 12(a)(ii)"),
    # lists and ranges of paragraphs and points
    (f"l'article 4, paragraphes 1 et 2, {R} est", "art. 4(1); art. 4(2)"),
    (f"l'article 4, paragraphes 1 à 3, {R} est", "art. 4(1)-(3)"),
    (f"les paragraphes 1 et 2 de l'article 4 {R} sont", "art. 4(1); art. 4(2)"),
    (f"les paragraphes 1 à 3 de l'article 4 {R} sont", "art. 4(1)-(3)"),
    (f"les points a) à c) de l'article 12 {R} sont", "art. 12(a)-(c)"),
    (f"l'article 12, paragraphe 1, sous a) et c), {R} est", "art. 12(1)(a); art. 12(1)(c)"),
    (f"l'article 43, paragraphe 3 ou 4, {R} est", "art. 43(3); art. 43(4)"),
    # several articles, each with its paragraph: a singular "paragraphe" names one
    (f"aux articles 6, paragraphe 1, et 7, paragraphe 2, {R}, les", "art. 6(1); art. 7(2)"),
    (f"aux articles 6, paragraphe 1, et 7 {R}, les", "art. 6(1); art. 7"),
    (f"à l'article 6, paragraphes 1 et 3, et à l'article 7 {R}, les", "art. 6(1); art. 6(3); art. 7"),
    (f"aux articles 6 à 8 et 10 {R}, les", "arts. 6-8; art. 10"),
    # ordinals written out past the tenth: unnumbered subdivisions, left out
    (f"l'article 12, paragraphe 3, douzième alinéa, {R} est", "art. 12(3)"),
    (f"au point a) du point 2 de l'article 5 {R}, les", "art. 5(2)(a)"),
    (f"l'article 6, paragraphe 1, vingt et unième alinéa, {R} est", "art. 6(1)"),
    (f"l'article 6, paragraphe 1, vingt-deuxième alinéa, {R} est", "art. 6(1)"),
    (f"l'article 6, paragraphe 1, quinzième tiret, {R} est", "art. 6(1)"),
    (f"l'article 6, paragraphe 1, dix-septième tiret, {R} est", "art. 6(1)"),
    (f"le troisième tiret du paragraphe 3 de l'article 12 {R} est", "art. 12(3)"),
    (f"la deuxième phrase du paragraphe 3 de l'article 12 {R} est", "art. 12(3)"),
    # inserted points and annexes
    (f"l'article 6, paragraphe 1, point a bis), {R} est", "art. 6(1)(aa)"),
    (f"l'article 6, point c ter), {R} est", "art. 6(cb)"),
    (f"à l'annexe I bis {R}, les", "annex Ia"),
    (f"à l'annexe IV ter {R}, les", "annex IVb"),
    # annexes, their parts, points and appendices
    (f"l'annexe II, partie A, point 3, {R} est", "annex II"),
    (f"le point 3 de l'annexe II {R} est", "annex II, point 3"),
    (f"à l'annexe II, point 1, sous a), {R}, les", "annex II, point 1(a)"),
    (f"l'annexe I, points 3 et 4, {R} est", "annex I, point 3; annex I, point 4"),
    (f"à l'annexe I, appendice 1, {R}, les", "annex I"),
    (f"à l'appendice 1 de l'annexe I {R}, les", "annex I"),
    (f"à l'article 6 et aux annexes II et III {R}, les", "art. 6; annex II; annex III"),
    (f"à l'article 6 et à l'annexe II {R}, les", "art. 6; annex II"),
    # a range of annexes, as "Annexes I to III"
    (f"les annexes I à III {R} sont", "annex I-III"),
    (f"les annexes I et III {R} sont", "annex I; annex III"),
    # after the act: "et notamment"
    (f"{VU} et notamment l'article 43, paragraphe 3,", "art. 43(3)"),
    (f"{VU} et notamment son article 43 bis,", "art. 43a"),
    (f"{VU} et notamment son article 43 ter, paragraphe 2,", "art. 43b(2)"),
    (f"{VU} et notamment le troisième alinéa de son article 43,", "art. 43"),
    (f"{VU} et notamment le premier tiret de l'article 43,", "art. 43"),
    (f"{VU} et notamment son article 43, paragraphe 3, et son article 45,", "art. 43(3); art. 45"),
    (f"{VU} et notamment le paragraphe 3 de son article 43,", "art. 43(3)"),
    # after the act and its verb, the act's own article (a possessive says so)
    ("le règlement (CE) n° 1234/2007 prévoit, en son article 6, que", "art. 6"),
    ("le règlement (CE) n° 1234/2007 prévoit, à son article 6, paragraphe 2, que", "art. 6(2)"),
    ("le règlement (CE) n° 1234/2007 prévoit, dans son article 6, que", "art. 6"),
    ("le règlement (CE) n° 1234/2007 dispose en son article 6 paragraphe 2 que", "art. 6(2)"),
    ("la directive 2000/31/CE (2) dispose, à son annexe II, que", "annex II"),
    ("la directive 2000/31/CE, en ses articles 12 à 15, exclut", "arts. 12-15"),
    # a verb saying what the act provides: its own article, possessive or not
    ("le règlement (CE) n° 1234/2007 prévoit, à l'article 6, que", "art. 6"),
    (
        "considérant que le règlement (CE) n° 785/95 susvisé prévoit, à l'article 15, point b), la communication",
        "art. 15(b)",
    ),
    # an ordinal of the act's title between the connector and the act
    (
        "du paragraphe 2 de l'article 6 de la première directive 79/267/CEE du Conseil, du 5 mars 1979,",
        "art. 6(2)",
    ),
    ("l'article 3 de la deuxième directive 77/91/CEE du Conseil", "art. 3"),
    # after an amending act, the verb's subject is the clause's first act
    (
        "considérant que le règlement (CE) n° 785/95 de la Commission portant modalités d'application du règlement (CE) n° 603/95 susvisé (3), modifié en dernier lieu par le règlement (CE) n° 1794/97 (4), prévoit dans son article 2, point 2 a), premier tiret, que",
        "art. 2(2)(a)",
    ),
    (f"{VU[:-1]} et, notamment, son article 3,", "art. 3"),
]

FR_NONE = [
    # no possessive and no verb of providing: the article may be the citing text's own
    "le règlement (CE) n° 1234/2007 s'applique, à l'article 6, aux",
    "le règlement (CE) n° 1234/2007 s'applique à l'article 6 du présent règlement",
    "le règlement (CE) n° 1234/2007 est modifié conformément à son article 6 du traité",
    # more than one word between the act and the pinpoint
    "le règlement (CE) n° 1234/2007 est abrogé et, à son article 6, le",
    # not a pinpoint at all
    "l'article 6 du présent règlement et le règlement (CE) n° 1234/2007 s'appliquent",
    "du point de vue du règlement (CE) n° 1234/2007, les",
    "le 5 mars 2007, le règlement (CE) n° 1234/2007 est",
    f"un montant de 5 euros {R}, les",
    f"au titre {R}, les",
    f"en application du point 3 du présent article et {R}, les",
    f"les 2 et 3 mai {R}, les",
    f"en 2007 {R}, les",
    "conformément à l'article 6 du présent règlement et au règlement (CE) n° 1234/2007",
    "au sens de l'article 6 du traité et du règlement (CE) n° 1234/2007",
    "Article 6\nLe règlement (CE) n° 1234/2007 est modifié",
    "1. Le règlement (CE) n° 1234/2007 est modifié",
    "le règlement (CE) n° 1234/2007, en son temps, a prévu",
    "le règlement (CE) n° 1234/2007 en vigueur à sa date",
]

ES = [
    (f"la letra a) del apartado 2 del artículo 3 {ES_R} es", "art. 3(2)(a)"),
    (f"el artículo 3, apartado 2, párrafo segundo, letra a), {ES_R} es", "art. 3(2)(a)"),
    (f"la letra a) del párrafo segundo del apartado 2 del artículo 3 {ES_R} es", "art. 3(2)(a)"),
    (f"el párrafo primero del artículo 5 {ES_R} es", "art. 5"),
    (f"los artículos 3 a 7 {ES_R} son", "arts. 3-7"),
    (f"el artículo 6 bis {ES_R} es", "art. 6a"),
    (f"el tercer guion del apartado 3 del artículo 12 {ES_R} es", "art. 12(3)"),
    (f"el tercer guión de la letra a) del artículo 12 {ES_R} es", "art. 12(a)"),
    (f"los incisos i) y ii) de la letra a) del apartado 1 del artículo 4 {ES_R} son", "art. 4(1)(a)(i); art. 4(1)(a)(ii)"),
    (f"el artículo 4, apartados 1 a 3, {ES_R} es", "art. 4(1)-(3)"),
    (f"las letras a) a c) del artículo 4 {ES_R} son", "art. 4(a)-(c)"),
    (f"el apartado 2 del artículo 4 ter {ES_R} es", "art. 4b(2)"),
    (f"en los artículos 6, apartado 1, y 7, apartado 2, {ES_R}, los", "art. 6(1); art. 7(2)"),
    (f"en los artículos 6 u 8 {ES_R}, los", "art. 6; art. 8"),
    (f"en la letra b) del apartado 1 y en el apartado 2 del artículo 6 {ES_R}, los", "art. 6(1)(b); art. 6(2)"),
    # a list of points under one paragraph, then another paragraph
    (
        f"en el apartado 1, letras a) y b), y en el apartado 2 del artículo 5 {ES_R}, los",
        "art. 5(1)(a); art. 5(1)(b); art. 5(2)",
    ),
    (
        f"en el apartado 1, letra a), y la letra b) del apartado 2 del artículo 5 {ES_R}, los",
        "art. 5(1)(a); art. 5(2)(b)",
    ),
    # a lettered point of a numbered point, written before it
    (f"en la letra a) del punto 2 del artículo 5 {ES_R}, los", "art. 5(2)(a)"),
    (f"en las letras a) y b) del punto 2 del artículo 5 {ES_R}, los", "art. 5(2)(a); art. 5(2)(b)"),
    (f"en el párrafo vigésimo primero del apartado 2 del artículo 6 {ES_R}, los", "art. 6(2)"),
    (f"en el artículo 6, apartado 2, párrafo undécimo, {ES_R}, los", "art. 6(2)"),
    (f"en el artículo 6, apartado 1, letra a bis), {ES_R}, los", "art. 6(1)(aa)"),
    (f"en la letra a bis) del apartado 1 del artículo 6 {ES_R}, los", "art. 6(1)(aa)"),
    (f"en el anexo I bis {ES_R}, los", "annex Ia"),
    (f"en el apéndice 1 del anexo I {ES_R}, los", "annex I"),
    (f"los anexos I a III {ES_R} son", "annex I-III"),
    # "del 5 al 7": a range
    (f"en los artículos 5 al 7 {ES_R}, los", "arts. 5-7"),
    (f"en los apartados 1 al 3 del artículo 4 {ES_R}, los", "art. 4(1)-(3)"),
    (f"{VISTO} y, en particular, su artículo 43 bis,", "art. 43a"),
    (f"{VISTO} y, en particular, el segundo guión del apartado 2 de su artículo 43,", "art. 43(2)"),
    (f"{VISTO} y, en particular, el apartado 3 de su artículo 43 y su artículo 45,", "art. 43(3); art. 45"),
    ("el Reglamento (CE) n° 1234/2007 establece, en su artículo 6, que", "art. 6"),
    ("el Reglamento (CE) n° 1234/2007 establece en su artículo 6, apartado 2, que", "art. 6(2)"),
    ("el Reglamento (CE) n° 1234/2007 dispone, en el apartado 2 de su artículo 6, que", "art. 6(2)"),
    ("la Directiva 2000/31/CE (2) dispone, en sus artículos 12 a 15, que", "arts. 12-15"),
    ("el Reglamento (CE) n° 1234/2007 establece, en el artículo 6, que", "art. 6"),
    ("el citado Reglamento (CE) n° 785/95 establece en la letra b) del artículo 15 que", "art. 15(b)"),
    # after an amending act, the amended act is the subject
    (
        "la Directiva 70/156/CEE (3), cuya última modificación la constituye el Reglamento (CE) n° 1794/97 (4), dispone en el primer guión de la letra a) del apartado 2 de su artículo 5 que",
        "art. 5(2)(a)",
    ),
    (
        "el Reglamento (CEE) n° 2913/92 del Consejo, por el que se aprueba el Código Aduanero Comunitario(10), cuya última modificación la constituye el Reglamento (CE) n° 955/1999(11), establece en su artículo 82 la vigilancia",
        "art. 82",
    ),
    # the comma after the list word only
    (
        "Visto el Reglamento n º 171/67/CEE del Consejo , de 27 de junio de 1967 , sobre las restituciones (4) , cuya última modificación la constituye el Reglamento ( CEE ) n º 2429/72 (5) y , en particular , su artículo 11 ,",
        "art. 11",
    ),
    (
        "Visto el Reglamento (CEE) n° 2081/92 del Consejo, de 14 de julio de 1992, relativo a la protección(1), cuya última modificación la constituye el Reglamento (CE) n° 2796/2000 de la Comisión(2) y, en particular, los apartados 3 y 4 de su artículo 6,",
        "art. 6(3); art. 6(4)",
    ),
    (f"{VISTO} y, en particular, el párrafo 4 de su artículo 12,", "art. 12(4)"),
    # an ordinal of the act's title, and a text typed without accents
    ("del artículo 6 de la Primera Directiva 79/267/CEE del Consejo, de 5 de marzo de 1979,", "art. 6"),
    ("de conformidad con el articulo 13 de la Directiva 70/156/CEE.", "art. 13"),
    ("los articulos 13 y 14 de la Directiva 70/156/CEE.", "art. 13; art. 14"),
]

ES_NONE = [
    "el Reglamento (CE) n° 1234/2007 se aplica, en el artículo 6, a los",
    "el Reglamento (CE) n° 1234/2007 se aplica en el artículo 6 del presente Reglamento",
    "el artículo 6 del presente Reglamento y el Reglamento (CE) n° 1234/2007 se aplican",
    f"desde el punto de vista {ES_R}, los",
    "el 5 de marzo de 2007, el Reglamento (CE) n° 1234/2007 es",
    f"un importe de 5 euros {ES_R}, los",
    "de conformidad con el artículo 6 del presente Reglamento y con el Reglamento (CE) n° 1234/2007",
    "el Reglamento (CE) n° 1234/2007, en su caso, se aplica",
    "1. El Reglamento (CE) n° 1234/2007 se modifica",
    # a list word with no comma: the next words are the sentence's own
    "el Reglamento (CE) n° 1234/2007 y en particular el artículo 6 del Tratado",
]


@pytest.mark.parametrize(("text", "pinpoint"), FR + ES)
def test_the_pinpoint_of_the_act(text: str, pinpoint: str) -> None:
    got = found(text)
    assert got, f"no citation in {text!r}"
    assert got[0][1] == "eu_act"
    assert got[0][2] == pinpoint


@pytest.mark.parametrize("text", FR_NONE + ES_NONE)
def test_no_pinpoint(text: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert all(pin == "" for _, _, pin in got), got


BACK_REFERENCES = [
    # the pinpoint written before a back-reference, or after it with a possessive or a verb of
    # providing
    ("le règlement (CEE) n° 1408/71 du Conseil s'applique. L'article 5, paragraphe 2, du règlement précité dispose", "art. 5(2)"),
    ("le règlement (CEE) n° 1408/71 du Conseil s'applique. Le paragraphe 2 de l'article 5 dudit règlement dispose", "art. 5(2)"),
    ("le règlement (CEE) n° 1408/71 du Conseil s'applique. Ledit règlement prévoit, à son article 5, que", "art. 5"),
    ("le règlement (CEE) n° 1408/71 du Conseil s'applique. Ce règlement prévoit, à l'article 5, paragraphe 2, que", "art. 5(2)"),
    ("el Reglamento (CEE) n° 1408/71 del Consejo se aplica. Dicho Reglamento establece, en su artículo 5, que", "art. 5"),
    ("el Reglamento (CEE) n° 1408/71 del Consejo se aplica. El apartado 2 del artículo 5 del citado Reglamento dispone", "art. 5(2)"),
    # no possessive, no verb of providing: nothing read after it
    ("le règlement (CEE) n° 1408/71 du Conseil s'applique. Ledit règlement s'applique, à l'article 5, aux produits", ""),
]


@pytest.mark.parametrize(("text", "pinpoint"), BACK_REFERENCES)
def test_the_pinpoint_of_a_back_reference(text: str, pinpoint: str) -> None:
    got = found(text)
    assert len(got) == 2, got
    assert got[1][:2] == ("celex:31971R1408", "eu_act")
    assert got[1][2] == pinpoint
