# ruff: noqa: E501  (table rows hold citation sentences)
"""French, Spanish and German pinpoint leftovers of issue #14, each a rule:

1. lists and ranges of ordinals after the article or recital word are lists and ranges
   (``les articles premier à troisième``, ``los considerandos primero a tercero``); a singular
   subdivision word takes only the ordinal right before it (``les articles premier et
   deuxième, deuxième alinéa``: articles 1 and 2), a plural one the ordinals listed before it;
2. compound ordinals the tables describe are read whole: French ``vingt et unième``,
   ``soixante et onzième``, ``quatre-vingt-cinquième``, Spanish ``vigesimoprimero``;
3. recitals named by an ordinal in German as in French and Spanish (``im ersten
   Erwägungsgrund``);
4. JRC-Acquis spacing inside brackets (``Artikel 75 Absatz ( 1 )``, ``point a ) ,``);
5. a pinpoint after an act's title ending on the act's own acronym is the act's
   (``…, Art. 6 Abs. 1 lit. c DSGVO``, ``…, point c), du RGPD``); any other acronym or
   "of" phrase still names another source.

Made-up sentences in the shapes of EU acts; negative and boundary rows next to each rule."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from eu_cases import ES_ACT, FR_ACT, found

from citecheck import eu_words
from citecheck.lexicon import from_table, load
from citecheck.pinpoints.languages import parse, read_after_comma

R = FR_ACT
ES_R = ES_ACT
DE_R = "der Verordnung (EG) Nr. 1234/2007"
GDPR_FR = "règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016"
GDPR_ES = "Reglamento (UE) 2016/679 del Parlamento Europeo y del Consejo, de 27 de abril de 2016"
GDPR_DE = "Verordnung (EU) 2016/679 des Europäischen Parlaments und des Rates vom 27. April 2016"

ROWS = [
    # 1. lists and ranges of ordinals
    (f"les articles premier et deuxième, deuxième alinéa, {R} sont", "art. 1; art. 2"),
    (f"les articles premier et deuxième, second alinéa, {R} sont", "art. 1; art. 2"),
    (f"les articles premier à troisième {R} sont", "arts. 1-3"),
    (f"les articles premier au troisième {R} sont", "arts. 1-3"),
    (f"los artículos primero a tercero {ES_R} son", "arts. 1-3"),
    (f"los artículos primero al tercero {ES_R} son", "arts. 1-3"),
    (f"los artículos primero y segundo, párrafo segundo, {ES_R} son", "art. 1; art. 2"),
    (f"les premier à troisième considérants {R} sont", "recitals 1-3"),
    (f"les considérants premier à troisième {R} sont", "recitals 1-3"),
    (f"los considerandos primero a tercero {ES_R} son", "recitals 1-3"),
    (f"im dritten bis fünften Erwägungsgrund {DE_R} heißt es", "recitals 3-5"),
    # negative: one article and the ordinals of its subdivisions; a descending range
    (f"l'article premier, deuxième alinéa, {R} est", "art. 1"),
    (f"l'article premier, deuxième et troisième alinéas, {R} sont", "art. 1"),
    (f"l'article premier, premier et deuxième alinéas, {R} sont", "art. 1"),
    (f"les articles premier et deuxième {R} sont", "art. 1; art. 2"),
    (f"les articles troisième à premier {R} sont", ""),
    (f"los considerandos tercero a primero {ES_R} son", ""),
    # 2. compound ordinals
    (f"le vingt et unième considérant {R} est", "recital 21"),
    (f"le vingt-et-unième considérant {R} est", "recital 21"),
    (f"au trente et unième considérant {R}, il", "recital 31"),
    (f"le soixante et onzième considérant {R} est", "recital 71"),
    (f"le soixante-dixième considérant {R} est", "recital 70"),
    (f"le quatre-vingt-onzième considérant {R} est", "recital 91"),
    (f"les vingt et unième et vingt-deuxième considérants {R} sont", "recital 21; recital 22"),
    (f"el vigesimoprimero considerando {ES_R} es", "recital 21"),
    (f"el vigesimoprimer considerando {ES_R} es", "recital 21"),
    (f"la vigesimaprimera considerando {ES_R} es", "recital 21"),
    (f"el considerando vigesimoprimero {ES_R} es", "recital 21"),
    (f"el vigésimo primero considerando {ES_R} es", "recital 21"),
    (f"el trigesimosegundo considerando {ES_R} es", "recital 32"),
    (f"le quatre-vingtième considérant {R} est", "recital 80"),
    (f"les soixante-dixième et quatre-vingtième considérants {R} sont", "recital 70; recital 80"),
    (f"el considerando vigesimoctavo {ES_R} es", "recital 28"),
    (f"la vigesimoctava considerando {ES_R} es", "recital 28"),
    (f"im einundzwanzigsten Erwägungsgrund {DE_R} heißt es", "recital 21"),
    # negative: compounds the tables do not hold give nothing, never their last part
    (f"le cent vingt et unième considérant {R} est", ""),
    (f"le cent et unième considérant {R} est", ""),
    (f"le unième considérant {R} est", ""),
    (f"el centésimo vigesimoprimero considerando {ES_R} es", ""),
    (f"im zweihundertsten Erwägungsgrund {DE_R} heißt es", ""),
    # 3. recitals named by an ordinal, in all three languages
    (f"le premier considérant {R} est", "recital 1"),
    (f"el considerando primero {ES_R} es", "recital 1"),
    (f"el primer considerando {ES_R} es", "recital 1"),
    (f"im ersten Erwägungsgrund {DE_R} heißt es", "recital 1"),
    (f"der erste Erwägungsgrund {DE_R} lautet", "recital 1"),
    (f"den zweiten und dritten Erwägungsgrund {DE_R} betrifft", "recital 2; recital 3"),
    (f"im siebenten Erwägungsgrund {DE_R} heißt es", "recital 7"),
    (f"im zwanzigsten Erwägungsgrund {DE_R} heißt es", "recital 20"),
    ("Verordnung (EG) Nr. 1234/2007, erster Erwägungsgrund", "recital 1"),
    # negative: an ordinal before another word, or of the act itself
    (f"Artikel 6 Absatz 1 erster Satz {DE_R} gilt", "art. 6(1)"),
    (f"Artikel 6 erster Unterabsatz {DE_R} gilt", "art. 6"),
    ("die erste Verordnung (EG) Nr. 1234/2007 gilt", ""),
    (f"im ersten    Erwägungsgrund {DE_R} heißt es", ""),
    # 4. JRC-Acquis spacing inside brackets
    (f"gemäß Artikel 75 Absatz ( 1 ) {DE_R} gilt", "art. 75(1)"),
    (f"gemäß Artikel 75 Absatz (1) {DE_R} gilt", "art. 75(1)"),
    (f"gemäß Artikel 75 Absatz ( 1 ) Buchstabe a {DE_R} gilt", "art. 75(1)(a)"),
    (f"gemäß Artikel 75 Absatz ( 1 ) Buchstabe a ) {DE_R} gilt", "art. 75(1)(a)"),
    (f"gemäß Artikel 75 Absatz ( 1 ) Buchstabe ( a ) {DE_R} gilt", "art. 75(1)(a)"),
    (f"à l'article 5 , paragraphe 2 , point a ) , {R}, les", "art. 5(2)(a)"),
    (f"à l'article 5 , paragraphe 2 , {R}, les", "art. 5(2)"),
    (f"en el artículo 6 , apartado 1 , letra b ) , {ES_R}, los", "art. 6(1)(b)"),
    (f"en la letra b ) del apartado 1 del artículo 6 {ES_R}, los", "art. 6(1)(b)"),
    ("Article 75 ( 1 ) ( a ) of Regulation (EC) No 1234/2007 applies", "art. 75(1)(a)"),
    # negative: a bracketed number right after an article may be a footnote call; more than
    # one space inside the bracket is no JRC spacing
    (f"l'article 5 (1) {R} est", ""),
    (f"gemäß Artikel 75 (1) {DE_R} gilt", ""),
    (f"gemäß Artikel 75 Absatz   (1) {DE_R} gilt", "art. 75(1)"),
    (f"gemäß Artikel 75 Absatz    (1) {DE_R} gilt", ""),
    (f"gemäß Artikel 75 Absatz ( 1a ) {DE_R} gilt", "art. 75(1a)"),
    (f"gemäß Artikel 75 Absatz ( 1234 ) {DE_R} gilt", ""),
    (f"gemäß Artikel 75 Absatz ( 1 )1 {DE_R} gilt", ""),
    (f"à l'article 5, paragraphe 2, point ( a ) {R}, les", "art. 5(2)(a)"),
    (f"à l'article 5, paragraphe 2, point (  a ) {R}, les", ""),
    (f"gemäß Artikel 75 Absatz (  1 ) {DE_R} gilt", ""),
    (f"à l'article 5, point a  ) {R}, les", ""),
]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_the_pinpoint_of_the_act(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


GESTUETZT = "gestützt auf die Verordnung (EWG) Nr. 1898/87 des Rates, insbesondere auf"
VU = "vu le règlement (CEE) n° 1898/87 du Conseil, et notamment"
HEADING_ROWS = [
    # a capitalised article word opening a line, its number and a sentence: the citing text's
    # own heading (JRC-Acquis: "Buchstabe b ),\nArtikel 2 Diese Entscheidung")
    (f"{GESTUETZT} Artikel 4 Absatz 2 Buchstabe b ),\nArtikel 2 Diese Entscheidung gilt.", "art. 4(2)(b)"),
    (f"{GESTUETZT} Artikel 4,\n  Artikel 2 Diese Entscheidung gilt.", "art. 4"),
    (f"{VU} son article 4,\nArticle 2 Cette décision est applicable.", "art. 4"),
    # negative: a line broken inside the list, a lower-case word or an acronym after the number
    (f"{GESTUETZT} Artikel 4 und\nArtikel 5 der", "art. 4; art. 5"),
    (f"{GESTUETZT} Artikel 4 und Artikel 5 Diese", "art. 4; art. 5"),
    (f"{GESTUETZT} Artikel 4,\nArtikel 5 sowie", "art. 4; art. 5"),
    (f"{GESTUETZT} Artikel 4,\nArtikel 5 Absatz 2", "art. 4; art. 5(2)"),
    (f"{GESTUETZT} Artikel 4,\nArtikel 5 ABC", "art. 4; art. 5"),
    # negative: a list word ends the line, the list goes on (no heading after "und", "oder")
    (f"{GESTUETZT} Artikel 4 Absatz 2 und\nArtikel 6 Anwendung finden.", "art. 4(2); art. 6"),
    (f"{GESTUETZT} Artikel 4 oder\nArtikel 6 Anwendung finden.", "art. 4; art. 6"),
    (f"{VU} son article 4 et\nArticle 6 Cette décision", "art. 4; art. 6"),
]


@pytest.mark.parametrize(("text", "pinpoint"), HEADING_ROWS)
def test_a_heading_at_the_start_of_a_line_ends_the_pinpoint(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


ACRONYM_ROWS = [
    # 5. the act's own acronym after a pinpoint written after its title
    (f"{GDPR_DE}, Art. 6 Abs. 1 lit. c DSGVO", "art. 6(1)(c)"),
    (f"{GDPR_DE}, Art. 6 Abs. 1 lit. c DSGVO.", "art. 6(1)(c)"),
    ("Verordnung (EU) 2016/679, Art. 6 Abs. 1 lit. c DS-GVO", "art. 6(1)(c)"),
    (f"{GDPR_FR}, article 6, paragraphe 1, point c) du RGPD", "art. 6(1)(c)"),
    (f"{GDPR_FR}, article 6, paragraphe 1, point c), du RGPD", "art. 6(1)(c)"),
    (f"{GDPR_ES}, artículo 6, apartado 1, letra c), del RGPD", "art. 6(1)(c)"),
    # negative: another act's acronym, another source's, an unknown one, "of the Treaty"
    ("Richtlinie 95/46/EG, Art. 6 Abs. 1 lit. c DSGVO", ""),
    ("Verordnung (EU) 2016/679, Art. 3 GG", ""),
    ("Verordnung (EU) 2016/679, Art. 6 Abs. 1 lit. c BDSG", ""),
    ("Verordnung (EU) 2016/679, Art. 6 Abs. 1 lit. c DSGVOX", ""),
    ("règlement (UE) 2016/679, article 6 du traité", ""),
    ("directive 95/46/CE, article 6, paragraphe 1, point c), du RGPD", ""),
    # negative: the acronym alone is never a citation
    ("Nach der DSGVO gilt Art. 6 Abs. 1 lit. c DSGVO.", None),
]


@pytest.mark.parametrize(("text", "pinpoint"), ACRONYM_ROWS)
def test_a_pinpoint_ending_on_the_acts_own_acronym(text: str, pinpoint: str | None) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    if pinpoint is None:
        assert got == []
        return
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint


def test_the_treaty_article_after_an_act_keeps_its_treaty() -> None:
    got = found("Verordnung (EU) 2016/679, Art. 267 AEUV")
    assert ("instrument:tfeu", "instrument", "art. 267") in got
    assert ("celex:32016R0679", "eu_act", "") in got


def test_short_names_are_data_per_language() -> None:
    assert eu_words.short_names_of("de", "32016R0679") == {"DSGVO", "DS-GVO"}
    assert eu_words.short_names_of("fr", "32016R0679") == {"RGPD"}
    assert eu_words.short_names_of("fr", "31995L0046") == frozenset()
    assert eu_words.short_names_of("xx", "32016R0679") == frozenset()


# --- the readers, one body at a time (boundaries) ----------------------------------------------

BODIES = [
    ("fr", "articles premier et deuxième, deuxième alinéa", "art. 1; art. 2"),
    ("fr", "articles premier   et   deuxième", "art. 1; art. 2"),
    # a list read only in part gives nothing
    ("fr", "articles premier    et deuxième", ""),
    ("fr", "articles premier à troisième", "arts. 1-3"),
    ("fr", "articles premier   à   troisième", "arts. 1-3"),
    ("fr", "articles premier à    troisième", "art. 1"),
    ("fr", "articles premier à 3", "arts. 1-3"),
    ("fr", "articles premier, deuxième et troisième alinéas", "art. 1"),
    ("fr", "premier à troisième considérants", "recitals 1-3"),
    ("fr", "premier et troisième considérants", "recital 1; recital 3"),
    ("es", "considerandos primero a tercero", "recitals 1-3"),
    ("es", "artículos primero a tercero", "arts. 1-3"),
    ("de", "dritten bis fünften Erwägungsgrund", "recitals 3-5"),
    ("de", "ersten Erwägungsgrund", "recital 1"),
    # one or two hyphens or spaces inside a compound; not three
    ("fr", "vingt et unième considérant", "recital 21"),
    ("fr", "vingt  et  unième considérant", "recital 21"),
    ("fr", "vingt-et-unième considérant", "recital 21"),
    ("fr", "vingt   et unième considérant", ""),
    ("fr", "quatre-vingt-cinquième considérant", "recital 85"),
    ("fr", "quatre vingt cinquième considérant", "recital 85"),
    ("es", "vigesimoprimero considerando", "recital 21"),
    # a one-word tens written apart gives no number, never its unit's
    ("es", "vigesimo primero considerando", ""),
    # JRC spacing: one space at most inside a bracket, one to three before it
    ("de", "Artikel 75 Absatz ( 1 )", "art. 75(1)"),
    ("de", "Artikel 75 Absatz   (1)", "art. 75(1)"),
    ("de", "Artikel 75 Absatz ( 1 ) Buchstabe a )", "art. 75(1)(a)"),
    ("fr", "article 5, paragraphe 2, point a )", "art. 5(2)(a)"),
    ("fr", "article 5, paragraphe 2, point ( a )", "art. 5(2)(a)"),
]


@pytest.mark.parametrize(("language", "body", "expected"), BODIES)
def test_parse(language: str, body: str, expected: str) -> None:
    assert str(parse(language, body)) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("X, Art. 6 Abs. 1 lit. c DSGVO", {"DSGVO"}, "art. 6(1)(c)"),
        ("X, Art. 6 Abs. 1 lit. c   DSGVO", {"DSGVO"}, "art. 6(1)(c)"),
        ("X, Art. 6 Abs. 1 lit. c, DSGVO", {"DSGVO"}, "art. 6(1)(c)"),
        ("X, Art. 6 Abs. 1 lit. c GG", {"DSGVO"}, None),
        ("X, Art. 6 Abs. 1 lit. c DSGVO", set(), None),
        ("X, Art. 6 Abs. 1 lit. c DSGVO", {"RGPD"}, None),
        ("X, Art. 6 Abs. 1 lit. c dsgvo", {"DSGVO"}, "art. 6(1)(c)"),
        ("X, Art. 6 Abs. 1 lit. c", set(), "art. 6(1)(c)"),
    ],
)
def test_read_after_comma_with_the_acts_names(
    text: str, names: set[str], expected: str | None
) -> None:
    got = read_after_comma("de", text, 1, frozenset(names))
    assert (str(got.pinpoint) if got is not None else None) == expected


@pytest.mark.parametrize(
    ("language", "word", "number"),
    [
        ("fr", "vingt et unième", 21),
        ("fr", "trente-et-unième", 31),
        ("fr", "soixante et onzième", 71),
        ("fr", "soixante-dix-neuvième", 79),
        ("fr", "quatre-vingtième", 80),
        ("fr", "quatre-vingt-dixième", 90),
        ("fr", "soixante-dixième", 70),
        ("fr", "quatre-vingtièmes", None),
        ("fr", "quatre-cent-vingtième", None),
        ("fr", "quatre-vingt-dix-neuvième", 99),
        ("fr", "unième", None),
        ("fr", "vingt et unième et", None),
        ("fr", "cinquante et unième", 51),
        ("fr", "soixante-onzième", 71),
        ("fr", "vingt-onzième", None),
        ("fr", "quatre-vingt-vingtième", None),
        ("fr", "trente et et unième", None),
        ("es", "vigesimoundécimo", None),
        ("es", "vigesimo primero", None),
        ("es", "trigesimanovena", 39),
        ("es", "vigesimoprimero", 21),
        ("es", "nonagesimonoveno", 99),
        ("es", "vigesimo", None),
        # the joined tens word's vowel elided before the unit's
        ("es", "vigesimoctavo", 28),
        ("es", "vigesimoctava", 28),
        ("es", "nonagesimoctavo", 98),
        ("es", "vigesimsegundo", None),
        ("es", "vigesimctavo", None),
        ("de", "ersten", 1),
        ("de", "zwölften", 12),
        ("de", "siebente", 7),
        ("de", "letzten", None),
        ("en", "twenty-first", 21),
        ("en", "twenty and first", None),
    ],
)
def test_compound_ordinals_of_the_tables(language: str, word: str, number: int | None) -> None:
    assert load(language).ordinal_number(word) == number


def test_compound_tables_are_checked() -> None:
    french = json.loads((resources.files("citecheck") / "data/lexicon/fr.json").read_text("utf-8"))
    assert from_table("xx", french).ordinal_number("vingt et unième") == 21
    no_joiner = {k: v for k, v in french.items() if k != "compound_joiners"}
    assert from_table("xx", no_joiner).ordinal_number("vingt et unième") is None
    assert from_table("xx", no_joiner).ordinal_number("vingt unième") == 21
    for field, bad in [
        ("compound_units", {"unième": "un"}),
        ("compound_units", ["unième"]),
        ("teen_tens", {"soixante": "60"}),
        ("teen_tens", {"soixante": 6}),
        ("teen_tens", {"soixante": True}),
        ("joined_tens", {"vingto": "vingtième"}),
    ]:
        with pytest.raises(ValueError, match=field):
            from_table("xx", {**french, field: bad})
