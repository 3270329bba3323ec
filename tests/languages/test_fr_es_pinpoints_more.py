# ruff: noqa: E501  (table rows hold citation sentences)
"""French and Spanish pinpoints of EU acts not read before (issue #14): an article numbered by
an ordinal word (``l'article premier``, ``el artículo primero``), recitals named by an ordinal
(``le cinquième considérant``, ``el quinto considerando``), ranges of recitals and of annex
points (``considérants 3 à 5``, ``points 1 à 3 de l'annexe I``), and the act's own article
joined by ``en liaison avec son article 4`` / ``en relación con su artículo 4``. Made-up
sentences in the shapes of EU acts, with rows that must not change (negative and boundary
rows) next to each rule."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from eu_cases import ES_ACT, FR_ACT, found

from citecheck.lexicon import from_table, load
from citecheck.pinpoints.languages import _before_heading, _grammar, parse

R = FR_ACT
ES_R = ES_ACT
VU = "vu le règlement (CE) n° 1234/2007 du Conseil (1), et notamment"
VISTO = "Visto el Reglamento (CE) n° 1234/2007 del Consejo (1) y, en particular,"

ROWS = [
    # an article numbered by an ordinal word, before the act and after "et notamment"
    (f"l'article premier {R} est", "art. 1"),
    (f"l'article premier, paragraphe 2, point a), {R} est", "art. 1(2)(a)"),
    (f"les articles premier et 3 {R} sont", "art. 1; art. 3"),
    (f"{VU} son article premier,", "art. 1"),
    (f"el artículo primero {ES_R} es", "art. 1"),
    (f"el artículo primero, apartado 2, {ES_R} es", "art. 1(2)"),
    (f"el artículo segundo {ES_R} es", "art. 2"),
    (f"{VISTO} su artículo primero,", "art. 1"),
    # the ordinal only right after the article word: "premier alinéa" stays unnumbered
    (f"le premier alinéa de l'article 5 {R} s'applique", "art. 5"),
    (f"l'article 5, premier alinéa, {R} s'applique", "art. 5"),
    (f"el párrafo primero del artículo 5 {ES_R} se aplica", "art. 5"),
    (f"el artículo 5, párrafo primero, {ES_R} se aplica", "art. 5"),
    # recitals named by an ordinal before the recital word
    (f"le cinquième considérant {R} est", "recital 5"),
    (f"le premier considérant {R} est", "recital 1"),
    (f"la première considérant {R} est", "recital 1"),
    (f"le dix-septième considérant {R} est", "recital 17"),
    (f"le vingtième considérant {R} est", "recital 20"),
    (f"les cinquième et sixième considérants {R} sont", "recital 5; recital 6"),
    (f"les quatrième, cinquième et sixième considérants {R} sont", "recital 4; recital 5; recital 6"),
    (f"le premier considérant et l'article 3 {R} sont", "recital 1; art. 3"),
    (f"el quinto considerando {ES_R} es", "recital 5"),
    (f"el tercer considerando {ES_R} es", "recital 3"),
    (f"la primera considerando {ES_R} es", "recital 1"),
    (f"el decimoquinto considerando {ES_R} es", "recital 15"),
    (f"los considerandos 3 y 4 {ES_R} son", "recital 3; recital 4"),
    # or after the unit word, listed
    (f"el considerando quinto {ES_R} es", "recital 5"),
    (f"los considerandos quinto y sexto {ES_R} son", "recital 5; recital 6"),
    (f"los considerandos cuarto, quinto y sexto {ES_R} son", "recital 4; recital 5; recital 6"),
    (f"los artículos primero y segundo {ES_R} son", "art. 1; art. 2"),
    (f"el considerando    quinto {ES_R} es", ""),
    (f"el artículo 5, párrafo primero y segundo, {ES_R} es", "art. 5"),
    (f"le considérant premier {R} est", "recital 1"),
    # the ordinal and the recital word one to three spaces apart; no more
    (f"le cinquième   considérant {R} est", "recital 5"),
    (f"le cinquième    considérant {R} est", ""),
    # an ordinal before another unit word is no recital
    (f"le cinquième alinéa de l'article 4 {R} est", "art. 4"),
    (f"le deuxième tiret {R} est", ""),
    # numbered recitals, one, a list, a range
    (f"le considérant 5 {R} est", "recital 5"),
    (f"au considérant 12 {R}, les", "recital 12"),
    (f"les considérants 3 et 4 {R} sont", "recital 3; recital 4"),
    (f"les considérants 3 à 5 {R} sont", "recitals 3-5"),
    (f"les considérants 3, 4 et 5 {R} sont", "recital 3; recital 4; recital 5"),
    (f"el considerando 5 {ES_R} es", "recital 5"),
    (f"los considerandos 3 a 5 {ES_R} son", "recitals 3-5"),
    (f"los considerandos 3 al 5 {ES_R} son", "recitals 3-5"),
    # a range after an annex is no range of recitals
    (f"le considérant 3 et les annexes I à III {R} sont", "recital 3; annex I-III"),
    # ranges of annex points, as "Anhang I Nummern 1 bis 3" and "annexe I, points 1 à 3"
    ("les points 1 à 3 de l'annexe I du règlement (UE) 2016/679 sont", "annex I, points 1-3"),
    ("l'annexe I, points 1 à 3, du règlement (UE) 2016/679 est", "annex I, points 1-3"),
    ("les points a) à c) de l'annexe I du règlement (UE) 2016/679 sont", "annex I(a)-(c)"),
    ("les points 1 et 3 de l'annexe I du règlement (UE) 2016/679 sont", "annex I, point 1; annex I, point 3"),
    ("los puntos 1 a 3 del anexo I del Reglamento (UE) 2016/679 son", "annex I, points 1-3"),
    ("el anexo I, puntos 1 a 3, del Reglamento (UE) 2016/679 es", "annex I, points 1-3"),
    ("las letras a) a c) del anexo I del Reglamento (UE) 2016/679 son", "annex I(a)-(c)"),
    ("Anhang I Nummern 1 bis 3 der Verordnung (EU) 2016/679 sind", "annex I, points 1-3"),
    ("points 1 to 3 of Annex I to Regulation (EU) 2016/679 are", "annex I, points 1-3"),
    ("points 1 and 3 of Annex I to Regulation (EU) 2016/679 are", "annex I, point 1; annex I, point 3"),
    ("points (a) to (c) of Annex I to Regulation (EU) 2016/679 are", "annex I(a)-(c)"),
    ("point 3 of Annex I to Regulation (EU) 2016/679 is", "annex I, point 3"),
    # a range of points before an article, in English as in French
    ("points (a) to (c) of Article 5 of Regulation (EU) 2016/679 are", "art. 5(a)-(c)"),
    ("points 1 to 3 of Article 4 of Regulation (EU) 2016/679 are", "art. 4(1)-(3)"),
    ("points (a) and (c) of Article 5 of Regulation (EU) 2016/679 are", "art. 5(a); art. 5(c)"),
    (f"les points a) à c) de l'article 12 {R} sont", "art. 12(a)-(c)"),
    ("points (2) to (23) of Article 2(5) of Directive 2013/36/EU are", "art. 2(5)(2)-(23)"),
    ("points (a) to (c) and (e) of Article 5 of Regulation (EU) 2016/679 are", "art. 5(a)-(c); art. 5(e)"),
    ("points (a), (b) and (c) of Article 5 of Regulation (EU) 2016/679 are", "art. 5(a); art. 5(b); art. 5(c)"),
    ("points (a)-(c) of Article 5 of Regulation (EU) 2016/679 are", "art. 5(a)-(c)"),
    ("point (a)(ii) of Article 5(1) of Regulation (EU) 2016/679 is", "art. 5(1)(a)(ii)"),
    ("points 1 to 3 and 5 of Annex I to Regulation (EU) 2016/679 are", "annex I, points 1-3; annex I, point 5"),
    ("point 3(a) of Annex I to Regulation (EU) 2016/679 is", "annex I, point 3(a)"),
    ("points 3(a) and 4 of Annex I to Regulation (EU) 2016/679 are", "annex I, point 3(a); annex I, point 4"),
    # the parts of an annex are read and left out (no canonical form for them)
    ("visée à l'annexe II, partie B, de la directive 2000/60/CE est", "annex II"),
    # the act's own article joined by "en liaison avec son", "en relación con su"
    (f"{VU} son article 43, en liaison avec son article 4,", "art. 43; art. 4"),
    (f"{VU} son article 43, paragraphe 2, lu en combinaison avec son article 4,", "art. 43(2); art. 4"),
    (f"{VU} son article 43, en liaison avec l'article 4 du traité,", "art. 43"),
    (f"{VU} son article 43, en liaison avec le traité,", "art. 43"),
    (f"{VU} son article 43, en liaison avec   son article 4,", "art. 43; art. 4"),
    (f"{VU} son article 43, en liaison avec    son article 4,", "art. 43"),
    (f"{VU} son article 43, en liaison avec l'article 4,", "art. 43"),
    (f"{VISTO} su artículo 43, en relación con el artículo 4,", "art. 43"),
    (f"{VISTO} su artículo 43, leído en relación con su artículo 4,", "art. 43; art. 4"),
    (f"{VISTO} su artículo 43 en relación con el artículo 4 del Tratado,", "art. 43"),
    ("el Reglamento (CE) n° 1234/2007 establece, en su artículo 6, en relación con su artículo 4, que", "art. 6; art. 4"),
    # a numbered point of a lettered point, written before it: the letter holds the point
    (f"en el punto 3 de la letra c) del apartado 1 del artículo 11 {ES_R}, los", "art. 11(1)(c)(3)"),
    (f"en el primer y cuarto guión del punto 3 de la letra c) del apartado 1 del artículo 11 {ES_R}, los", "art. 11(1)(c)(3)"),
    (f"au point 3 du point c) du paragraphe 1 de l'article 11 {R}, les", "art. 11(1)(c)(3)"),
    (f"à l'article 11 paragraphe 1 point c) 3 {R}, les", "art. 11(1)(c)(3)"),
    (f"au point 45 sous c) de l'annexe I {R}, les", "annex I, point 45(c)"),
    (f"au point 1, sous a), de l'annexe I {R}, les", "annex I, point 1(a)"),
    (f"en la letra c) del punto 45 del anexo I {ES_R}, los", "annex I, point 45(c)"),
    # the citing text's next article heading ends the pinpoint after the act (texts of one
    # sentence a line: "son article 4," closes a citation, "Article 2 Les" opens an article)
    (f"{VU} son article 4,\nArticle 2 Les États membres sont destinataires", "art. 4"),
    (f"{VU} son article 4, paragraphe 2, Article 2 Les États membres sont destinataires", "art. 4(2)"),
    (f"{VISTO} la letra b) del apartado 2 de su artículo 4,\nArtículo 2 Los destinatarios", "art. 4(2)(b)"),
    (f"{VISTO} su artículo 4,\nArtículo 2 El presente Reglamento", "art. 4"),
    # a lower-case article word, or no sentence opener after it, goes on with the list
    (f"{VU} ses articles 4 et 5 Les", "art. 4; art. 5"),
    (f"{VU} son article 4, Article 2, Les", "art. 4; art. 2"),
    (f"{VU} son article 4, article 2 les", "art. 4; art. 2"),
    # the systematic walk of the grammar: rows that already read right, kept
    (f"conformément à l'article 3, paragraphe 1, point a) i), {R}, les", "art. 3(1)(a)(i)"),
    (f"l'article 5, paragraphes 2 à 4, {R} est", "art. 5(2)-(4)"),
    (f"les articles 3, 4 et 5 {R} sont", "art. 3; art. 4; art. 5"),
    (f"l'article 9, paragraphe 1, points a) et b), {R} est", "art. 9(1)(a); art. 9(1)(b)"),
    (f"l'article 7, paragraphes 1 et 2, et l'article 8 {R} sont", "art. 7(1); art. 7(2); art. 8"),
    (f"l'article 4, premier alinéa, deuxième tiret {R} est", "art. 4"),
    (f"l'article 3 {R} du Conseil du 22 octobre 2007 portant organisation commune des marchés est", "art. 3"),
    ("vu le règlement (CE) n° 1234/2007 du Conseil du 22 octobre 2007 portant organisation commune des marchés (1), et notamment son article 43, point a),", "art. 43(a)"),
    (f"el artículo 9, apartado 1, letras a) a c), {ES_R} es", "art. 9(1)(a)-(c)"),
    (f"los apartados 1 y 2 del artículo 5 {ES_R} son", "art. 5(1); art. 5(2)"),
    (f"el artículo 6, apartado 1, párrafo segundo, {ES_R} es", "art. 6(1)"),
    (f"el punto 3 del anexo II {ES_R} es", "annex II, point 3"),
    (f"{VISTO} el apartado 1 de su artículo 4,", "art. 4(1)"),
]

NONE = [
    f"du point de vue {R}, les",
    "à ce point, le règlement (CE) n° 1234/2007 est",
    "le 5 mars 2007, le règlement (CE) n° 1234/2007 est",
    f"un montant de 5 euros {R} est",
    "l'article 6 du présent règlement et le règlement (CE) n° 1234/2007 sont",
    "considérant que le règlement (CE) n° 1234/2007 prévoit",
    "(5) considérant que le règlement (CE) n° 1234/2007 prévoit que",
    "Considérant premier: le règlement (CE) n° 1234/2007 prévoit que",
    f"le premier {R} est",
    "le premier règlement et le règlement (CE) n° 1234/2007 sont",
    f"desde el punto de vista {ES_R}, los",
    "considerando que el Reglamento (CE) n° 1234/2007 establece",
    "el primer Reglamento y el Reglamento (CE) n° 1234/2007 son",
    "el artículo 6 del presente Reglamento y el Reglamento (CE) n° 1234/2007 son",
]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_the_pinpoint_of_the_act(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


@pytest.mark.parametrize("text", NONE)
def test_no_pinpoint(text: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert all(pin == "" for _, _, pin in got), got


# --- the readers, one body at a time -----------------------------------------------------------

BODIES = [
    ("fr", "article premier", "art. 1"),
    ("fr", "article  premier", "art. 1"),
    ("fr", "article   premier", "art. 1"),
    ("fr", "articles premier et 2", "art. 1; art. 2"),
    ("fr", "article 5, premier alinéa", "art. 5"),
    ("fr", "article 5 premier", "art. 5"),
    ("fr", "considérant 3 à 5", "recitals 3-5"),
    ("fr", "considérant 3 et 5", "recital 3; recital 5"),
    ("fr", "considérants 3, 4 à 6", "recital 3; recitals 4-6"),
    ("fr", "annexe I, considérant 4", "annex I; recital 4"),
    ("fr", "seconde considérant", "recital 2"),
    ("es", "artículo primero", "art. 1"),
    ("es", "artículo décimo", "art. 10"),
    ("es", "artículo 4, párrafo primero", "art. 4"),
    ("es", "cuarta considerando", "recital 4"),
    ("es", "vigésima considerando", "recital 20"),
    ("es", "considerandos 2 al 4", "recitals 2-4"),
    ("es", "considerandos quinto, sexto", "recital 5; recital 6"),
    ("es", "artículos primero, segundo y tercero", "art. 1; art. 2; art. 3"),
    ("es", "artículo 4 y quinto", "art. 4"),
    ("es", "apartado primero", ""),
    # at most five ordinals listed after the unit word (more: see the review rows); one to
    # three spaces around them
    ("es", "artículos primero, segundo, tercero, cuarto y quinto", "art. 1; art. 2; art. 3; art. 4; art. 5"),
    ("es", "considerandos primero   y segundo", "recital 1; recital 2"),
    # a list read only in part gives nothing (review LOW: all or nothing), not "recital 1"
    ("es", "considerandos primero    y segundo", ""),
    ("es", "considerando   quinto", "recital 5"),
    ("es", "considerando    quinto", ""),
    # "en liaison avec" only right before a possessive, one to three spaces on
    ("fr", "article 43, en liaison avec son article 4", "art. 43; art. 4"),
    ("fr", "article 43, en liaison avec   son article 4", "art. 43; art. 4"),
    ("es", "artículo 43, en relación con su artículo 4", "art. 43; art. 4"),
]


@pytest.mark.parametrize(("language", "body", "expected"), BODIES)
def test_parse(language: str, body: str, expected: str) -> None:
    assert str(parse(language, body)) == expected


@pytest.mark.parametrize(
    ("language", "word", "number"),
    [
        ("fr", "premier", 1),
        ("fr", "Première", 1),
        ("fr", "second", 2),
        ("fr", "seconde", 2),
        ("fr", "deuxième", 2),
        ("fr", "dix-septième", 17),
        ("fr", "dix septième", 17),
        ("fr", "vingtième", 20),
        ("fr", "vingt et unième", 21),
        ("fr", "dernier", None),
        ("es", "primero", 1),
        ("es", "primer", 1),
        ("es", "primera", 1),
        ("es", "tercer", 3),
        ("es", "decimonoveno", 19),
        ("es", "vigésimo", 20),
        ("es", "último", None),
        ("de", "ersten", 1),
        ("de", "einundzwanzigsten", 21),
        ("de", "zweihundertsten", None),
        ("de", "letzten", None),
    ],
)
def test_ordinal_numbers_of_the_tables(language: str, word: str, number: int | None) -> None:
    assert load(language).ordinal_number(word) == number


def test_an_ordinal_variant_must_name_a_numbered_ordinal() -> None:
    french = json.loads((resources.files("citecheck") / "data/lexicon/fr.json").read_text("utf-8"))
    table = {**french, "numbered_ordinals": ["premier"], "ordinal_variants": {"première": "premier"}}
    assert from_table("xx", table).ordinal_number("première") == 1
    assert from_table("xx", table).ordinal_number("deuxième") is None
    with pytest.raises(ValueError, match="ordinal_variants"):
        from_table("xx", {**table, "ordinal_variants": {"seconde": "second"}})
    with pytest.raises(ValueError, match="ordinal_variants"):
        from_table("xx", {**table, "ordinal_variants": ["première"]})


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("article 4, Article 2 Les", "article 4, "),
        ("article 4, Article 2 Le point", "article 4, "),
        ("article 4,\nArticle 2 Les", "article 4,\n"),
        # each of the four conditions, missing, keeps the body whole
        ("article 4, Article 2 les", "article 4, Article 2 les"),
        ("article 4, article 2 Les", "article 4, article 2 Les"),
        ("article 4, Article 2, Les", "article 4, Article 2, Les"),
        ("article 4, Article a) Les", "article 4, Article a) Les"),
        ("article 4 et Annexe 2 Les", "article 4 et Annexe 2 Les"),
        # a heading at the start of the body is cut by the reader of bodies before an act
        ("Article 2 Les", "Article 2 Les"),
    ],
)
def test_a_pinpoint_stops_before_the_next_article_heading(body: str, kept: str) -> None:
    assert _before_heading(_grammar("fr"), body) == kept


# --- review findings (fix wave): each row failed before its fix, or is a negative row ----------

RG = "du règlement (UE) 2016/679"
ES_RG = "del Reglamento (UE) 2016/679"
REVIEW_ROWS = [
    # H2: an ordinal followed by a subdivision word is the subdivision's, not one more article
    (f"l'article premier, deuxième alinéa, {R} est", "art. 1"),
    (f"l'article premier, second alinéa, {R} est", "art. 1"),
    (f"l'article premier, troisième phrase, {R} est", "art. 1"),
    (f"l'article premier, premier tiret, {R} est", "art. 1"),
    (f"l'article premier, deuxième\nalinéa, {R} est", "art. 1"),
    (f"el artículo primero, segundo párrafo, {ES_RG} es", "art. 1"),
    (f"el artículo primero, segunda frase, {ES_RG} es", "art. 1"),
    (f"el artículo segundo, tercer párrafo, {ES_RG} es", "art. 2"),
    (f"el artículo primero, segundo guion, {ES_RG} es", "art. 1"),
    (f"l'article premier, deuxième et troisième alinéas, {R} sont", "art. 1"),
    (f"l'article premier, premier et deuxième alinéas, {R} sont", "art. 1"),
    (f"el artículo primero, párrafos segundo y tercero, {ES_RG} son", "art. 1"),
    (f"les articles premier, deuxième et troisième {R} sont", "art. 1; art. 2; art. 3"),
    # negative: a listed ordinal with no subdivision word is still an article
    (f"les articles premier et deuxième {R} sont", "art. 1; art. 2"),
    (f"los artículos primero, segundo y tercero {ES_RG} son", "art. 1; art. 2; art. 3"),
    # H3: compound ordinals are read whole (tens + unit, from the tables), or not at all
    (f"le vingt-cinquième considérant {R} est", "recital 25"),
    (f"le trente-deuxième considérant {R} est", "recital 32"),
    (f"le quarante-troisième considérant {R} est", "recital 43"),
    (f"le vingt cinquième considérant {R} est", "recital 25"),
    (f"les vingt-cinquième et vingt-sixième considérants {R} sont", "recital 25; recital 26"),
    (f"el vigésimo quinto considerando {ES_RG} es", "recital 25"),
    (f"el trigésimo segundo considerando {ES_RG} es", "recital 32"),
    (f"la vigésima quinta considerando {ES_RG} es", "recital 25"),
    (f"el vigésimo tercer considerando {ES_RG} es", "recital 23"),
    # compounds with "et" and the teens of "soixante"/"quatre-vingt" are read whole (issue #14)
    (f"le vingt et unième considérant {R} est", "recital 21"),
    (f"le quatre-vingt-cinquième considérant {R} est", "recital 85"),
    (f"le soixante et onzième considérant {R} est", "recital 71"),
    # a hyphen of another kind: a compound the tables do not hold, no pinpoint
    (f"le vingt\u2011cinquième considérant {R} est", ""),
    (f"le vingt\u2013cinquième considérant {R} est", ""),
    (f"les cinquième et sixième considérants {R} sont", "recital 5; recital 6"),
    (f"le soixante-dix-septième considérant {R} est", "recital 77"),
    (f"el vigesimoquinto considerando {ES_RG} es", "recital 25"),
    (f"el centésimo quinto considerando {ES_RG} es", ""),
    (f"le cent cinquième considérant {R} est", ""),
    (f"le cent-cinquième considérant {R} est", ""),
    # negative: the single ordinals are unchanged
    (f"le cinquième considérant {R} est", "recital 5"),
    (f"le vingtième considérant {R} est", "recital 20"),
    (f"el vigésimo considerando {ES_RG} es", "recital 20"),
    # M2: a range of letters of an annex point as an article's, "(a)-(c)"; one point, "point"
    (f"les points 1 a) à c) de l'annexe I {RG} sont", "annex I, point 1(a)-(c)"),
    (f"le point 1, sous a) à c), de l'annexe I {RG} est", "annex I, point 1(a)-(c)"),
    (f"el punto 1, letras a) a c), del anexo I {ES_RG} es", "annex I, point 1(a)-(c)"),
    ("Anhang I Nr. 1 Buchst. a bis c der Verordnung (EU) 2016/679 gilt", "annex I, point 1(a)-(c)"),
    ("points 1(a) to (c) of Annex I to Regulation (EU) 2016/679 are", "annex I, point 1(a)-(c)"),
    # negative: a range of points is still "points", a single point "point"
    (f"les points 1 à 3 de l'annexe I {RG} sont", "annex I, points 1-3"),
    ("Anhang I Nummern 1 bis 3 der Verordnung (EU) 2016/679 sind", "annex I, points 1-3"),
    ("points 1 to 3 of Annex I to Regulation (EU) 2016/679 are", "annex I, points 1-3"),
    (f"le point 1, sous a), de l'annexe I {RG} est", "annex I, point 1(a)"),
    ("point 3(a) of Annex I to Regulation (EU) 2016/679 is", "annex I, point 3(a)"),
    # LOW: a range whose end is below its start is no range: no pinpoint
    (f"les considérants 5 à 3 {R} sont", ""),
    (f"los considerandos 5 a 3 {ES_R} son", ""),
    (f"les articles 8 à 6 {R} sont", ""),
    # negative: ranges in order, and a range of one, are unchanged
    (f"les considérants 3 à 5 {R} sont", "recitals 3-5"),
    (f"les articles 6 à 8 {R} sont", "arts. 6-8"),
]


@pytest.mark.parametrize(("text", "pinpoint"), REVIEW_ROWS)
def test_review_findings(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # LOW: an ordinal list longer than the reader takes gives nothing, not its first five
        ("es", "artículos primero, segundo, tercero, cuarto, quinto y sexto", ""),
        ("es", "considerandos primero, segundo, tercero, cuarto, quinto y sexto", ""),
        ("fr", "articles premier, deuxième, troisième, quatrième, cinquième et sixième", ""),
        # negative: five are read; a subdivision's ordinal after them ends the list
        ("es", "artículos primero, segundo, tercero, cuarto y quinto", "art. 1; art. 2; art. 3; art. 4; art. 5"),
        ("fr", "article premier, deuxième alinéa", "art. 1"),
        ("es", "artículo primero, segundo párrafo", "art. 1"),
        # compound ordinals
        ("fr", "vingt-cinquième considérant", "recital 25"),
        ("es", "vigésimo quinto considerando", "recital 25"),
        ("es", "considerando vigésimo quinto", "recital 25"),
        ("fr", "considérants 5 à 3", ""),
    ],
)
def test_parse_review_findings(language: str, body: str, expected: str) -> None:
    assert str(parse(language, body)) == expected


@pytest.mark.parametrize(
    ("language", "word", "number"),
    [
        ("fr", "vingt-cinquième", 25),
        ("fr", "trente-deuxième", 32),
        ("fr", "quarante-troisième", 43),
        ("fr", "soixante-neuvième", 69),
        ("es", "vigésimo quinto", 25),
        ("es", "vigésima quinta", 25),
        ("es", "trigésimo segundo", 32),
        ("es", "trigésimo", 30),
        ("es", "vigésimo tercer", 23),
    ],
)
def test_compound_ordinals_of_the_tables(language: str, word: str, number: int | None) -> None:
    assert load(language).ordinal_number(word) == number
