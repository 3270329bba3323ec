# ruff: noqa: E501  (table rows hold real citation sentences)
"""German pinpoints and short forms the readers missed: a letter list inside one paragraph
written before its article, declined unit words, German pinpoints before a UN symbol, the
body's full name before a pinpoint, German "ebd." and compound ordinals. Made-up sentences
in the shapes German drafting writes; negative rows keep each rule from reading too much."""

from __future__ import annotations

import pytest
from eu_cases import check

import citecheck
from citecheck.lexicon import load

GDPR = "celex:32016R0679"

#: a list of letters inside the paragraph written before it keeps the paragraph (FR and ES
#: wrote the same shape right already; they are rows so the three stay alike)
LETTER_LISTS = [
    ("nach Absatz 1 Buchstaben a und b des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("Absatz 1 Buchstabe a und Buchstabe b des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("Absatz 2 Buchstaben c bis e des Artikels 9 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 9(2)(c)-(e)")]),
    ("Absatz 1 Buchstaben a und b und Absatz 2 Buchstabe c des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b); art. 6(2)(c)")]),
    ("Nummer 1 Buchstaben a und b des Anhangs I der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "annex I, point 1(a); annex I, point 1(b)")]),
    ("les points a) et b) du paragraphe 1 de l'article 6 du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("le paragraphe 1, points a) et b) de l'article 6 du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("las letras a) y b) del apartado 1 del artículo 6 del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("el apartado 1, letras a) y b) del artículo 6 del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    # negative rows: a letter naming its own paragraph after it is that paragraph's
    ("Buchstabe a des Absatzes 1 und Buchstabe b des Absatzes 2 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(2)(b)")]),
    ("la letra a) del apartado 1 y la letra b) del apartado 2 del artículo 6 del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(2)(b)")]),
    ("Buchstaben a und b des Absatzes 3 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(3)(a); art. 6(3)(b)")]),
]

#: genitive unit words ("des Absatzes", "des Unterabsatzes", "des Satzes")
DECLINED = [
    ("Buchstabe b des Absatzes 1 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(b)")]),
    ("Unterabsatz 2 des Absatzes 1 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)")]),
    ("Satz 2 des Unterabsatzes 1 des Absatzes 4 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(4)")]),
    ("Buchstabe c Satz 2 des Absatzes 3 des Artikels 6 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(3)(c)")]),
    ("im Sinne des Erwägungsgrundes 12 der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "recital 12")]),
    ("Nummer 2 des Anhanges I der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "annex I, point 2")]),
    # negative rows: a declined word with no number names nothing
    ("die Sätze des Absatzes der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "")]),
    ("der Inhalt des Satzes ist klar; siehe die Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), LETTER_LISTS + DECLINED)
def test_german_pinpoints_before_the_act(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


#: a German pinpoint before a UN symbol, the document named in the genitive or not at all;
#: the span stays the symbol's, as after English "para. 66 of A/HRC/41/35"
BEFORE_SYMBOLS = [
    ("Vgl. Ziff. 66 des Berichts A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 66")]),
    ("Ziffer 5 des Dokuments E/CN.4/1998/53/Add.2", [("un:E/CN.4/1998/53/Add.2", "un_document", "para. 5")]),
    ("Siehe Ziffern 3 bis 5 des Berichts A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "paras. 3-5")]),
    ("Die Kommission verweist auf Randnr. 12 des Dokumentes A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 12")]),
    ("Siehe Ziff. 4 des A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 4")]),
    ("See para. 66 of A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 66")]),
    # a letter of the paragraph after its letter word, without a bracket as German writes it
    ("Ziff. 5 Buchst. c des Berichts A/HRC/41/35", [("un:A/HRC/41/35", "un_document", "para. 5(c)")]),
    ("Vgl. Ziffer 5 Buchstabe c des Dokuments A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 5(c)")]),
    ("Siehe Ziff. 12 lit. a des A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "para. 12(a)")]),
    ("Ziff. 5 Buchst. c) des Berichts A/HRC/41/35", [("un:A/HRC/41/35", "un_document", "para. 5(c)")]),
    # ... a word, not a letter, after the letter word; English text keeps English words
    ("Ziff. 5 Buchst. cd des Berichts A/HRC/41/35", [("un:A/HRC/41/35", "un_document", "")]),
    ("See para. 5 Buchst. c of A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "")]),
    # a paragraph word English shares is read before German "des" in German text only
    ("Die Kommission verweist auf para. 5 des Berichts A/HRC/41/35 und die Empfehlungen.",
     [("un:A/HRC/41/35", "un_document", "para. 5")]),
    ("The Commission refers to para. 5 des Berichts A/HRC/41/35 and the other.",
     [("un:A/HRC/41/35", "un_document", "")]),
    # negative rows: another document's paragraph, an English paragraph word before German
    # "des" outside German text, a German word that is no "of"
    ("Ziffer 5 der Verordnung A/HRC/41/35", [("un:A/HRC/41/35", "un_document", "")]),
    ("See paragraph 5 des A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "")]),
    ("Siehe Ziffer 5 und A/HRC/41/35.", [("un:A/HRC/41/35", "un_document", "")]),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE_SYMBOLS)
def test_german_pinpoints_before_a_un_symbol(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_a_german_pinpoint_before_a_symbol_leaves_the_span_the_symbols() -> None:
    text = "Vgl. Ziff. 66 des Berichts A/HRC/41/35."
    (cit,) = citecheck.extract(text)
    assert (cit.text, str(cit.pinpoint)) == ("A/HRC/41/35", "para. 66")


#: a judgment's paragraph written before its case in German, French or Spanish, as English
#: "paragraph 42 of the judgment in C-311/18": the case with "para." (French "points" are a
#: judgment's paragraphs); the span stays the case's
CASE = "case:C-311/18"
CASE_PARAGRAPHS_BEFORE = [
    ("Rn. 42 des Urteils C-311/18", [(CASE, "cjeu_case", "para. 42")]),
    ("Vgl. Rn. 42 des Urteils vom 16. Juli 2020, Facebook Ireland und Schrems (C-311/18).",
     [(CASE, "cjeu_case", "para. 42")]),
    ("Siehe Randnrn. 40 bis 42 des Urteils in der Rechtssache C-311/18.", [(CASE, "cjeu_case", "paras. 40-42")]),
    ("Randnummer 42 des Urteils C‑311/18", [(CASE, "cjeu_case", "para. 42")]),
    ("point 42 de l'arrêt C-311/18", [(CASE, "cjeu_case", "para. 42")]),
    ("voir points 40 à 42 de l’arrêt du 16 juillet 2020, Facebook Ireland et Schrems (C-311/18)",
     [(CASE, "cjeu_case", "paras. 40-42")]),
    ("au point 42 de l'arrêt du 1er octobre 2020 dans l'affaire C-311/18", [(CASE, "cjeu_case", "para. 42")]),
    ("apartado 42 de la sentencia C-311/18", [(CASE, "cjeu_case", "para. 42")]),
    ("véase el apartado 42 de la sentencia de 16 de julio de 2020, Facebook Ireland y Schrems (C-311/18)",
     [(CASE, "cjeu_case", "para. 42")]),
    ("apartados 40 a 42 de la sentencia en el asunto C-311/18", [(CASE, "cjeu_case", "paras. 40-42")]),
    ("paragraph 42 of the judgment of 16 July 2020, Facebook Ireland and Schrems (C-311/18)",
     [(CASE, "cjeu_case", "para. 42")]),
    # negative rows: another document's paragraph, prose between, two names (two judgments)
    ("Rn. 42 der Verordnung und das Urteil C-311/18", [(CASE, "cjeu_case", "")]),
    ("Rn. 42 des Urteils wird in C-311/18 bestätigt", [(CASE, "cjeu_case", "")]),
    ("point 42 de la directive, voir C-311/18", [(CASE, "cjeu_case", "")]),
    ("apartado 42 de la sentencia que cita el asunto C-311/18", [(CASE, "cjeu_case", "")]),
    ("point 42 de l'arrêt du 16 juillet 2020, Schrems, précité, et Facebook (C-311/18)", [(CASE, "cjeu_case", "")]),
]


@pytest.mark.parametrize(("text", "expected"), CASE_PARAGRAPHS_BEFORE)
def test_a_judgments_paragraph_before_its_case(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_a_paragraph_before_a_case_leaves_the_span_the_cases() -> None:
    (cit,) = citecheck.extract("Rn. 42 des Urteils C-311/18")
    assert (cit.text, str(cit.pinpoint)) == ("C-311/18", "para. 42")


#: the UN's name after a body's is part of the body's name: the pinpoint after it is the
#: resolution's, in every language
UN_NAME_AFTER_BODY = [
    ("Resolution 5/1 des Menschenrechtsrats der Vereinten Nationen, Ziffer 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "para. 3")]),
    ("Resolution 5/1 des Menschenrechtsrats der UN, Ziff. 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "para. 3")]),
    ("Resolution 2625 (XXV) der Generalversammlung der Vereinten Nationen, Ziff. 2",
     [("un:A/RES/2625(XXV)", "un_resolution", "para. 2")]),
    ("résolution 5/1 du Conseil des droits de l'homme des Nations Unies, par. 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "para. 3")]),
    ("resolución 5/1 del Consejo de Derechos Humanos de las Naciones Unidas, párr. 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "para. 3")]),
    ("resolution 5/1 of the Human Rights Council of the United Nations, para. 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "para. 3")]),
    # negative rows: a sentence ends after the name; the name goes on into another one's
    ("Resolution 5/1 des Menschenrechtsrats der Vereinten Nationen. Ziffer 3 regelt das.",
     [("un:A/HRC/RES/5/1", "un_resolution", "")]),
    ("Resolution 5/1 des Menschenrechtsrats der Vereinten Nationenorganisation, Ziffer 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "")]),
    ("resolution 5/1 of the Council of the United Nations Office, para. 3",
     [("un:A/HRC/RES/5/1", "un_resolution", "")]),
]


@pytest.mark.parametrize(("text", "expected"), UN_NAME_AFTER_BODY)
def test_the_uns_name_is_part_of_the_bodys(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


# --- German short forms -------------------------------------------------------------------

def _short_forms(text: str) -> list[tuple[str, str, str, int | None]]:
    """(id, pinpoint, text, antecedent) of every short form of ``text``."""
    return [
        (c.id, str(c.pinpoint), c.text, c.antecedent)
        for c in citecheck.extract(text)
        if c.short_form
    ]


#: "ebd." / "Ebenda" is German "ibid.", "a. a. O." German "op. cit.": the same antecedent
#: rules, German pinpoint words read after them
GERMAN_SHORT_FORMS = [
    ("Siehe A/HRC/41/35, Ziff. 12. Ebd., Ziff. 14.",
     [("un:A/HRC/41/35", "para. 14", "Ebd., Ziff. 14", 0)]),
    ("Vgl. A/HRC/41/35, Ziff. 12. ebd., Ziff. 14 bis 16.",
     [("un:A/HRC/41/35", "paras. 14-16", "ebd., Ziff. 14 bis 16", 0)]),
    ("Urteil vom 16. Juli 2020, Facebook Ireland und Schrems, C‑311/18, EU:C:2020:559, Rn. 42. Ebenda, Rn. 5.",
     [("ecli:EU:C:2020:559", "para. 5", "Ebenda, Rn. 5", 1)]),
    ("Siehe A/HRC/41/35, Ziff. 12; Ebda. Ziff. 3",
     [("un:A/HRC/41/35", "para. 3", "Ebda. Ziff. 3", 0)]),
    ("Vgl. A/HRC/41/35, Ziff. 12. A. a. O., Ziff. 3.",
     [("un:A/HRC/41/35", "para. 3", "A. a. O., Ziff. 3", 0)]),
    ("Vgl. A/HRC/41/35, Ziff. 12. Siehe a.a.O., Ziff. 3.",
     [("un:A/HRC/41/35", "para. 3", "a.a.O., Ziff. 3", 0)]),
    ("Siehe A/HRC/41/35. Ebenda.",
     [("un:A/HRC/41/35", "", "Ebenda", 0)]),
    # negative rows: the letters inside a word or a web address; the first note has nothing
    ("Die Webseite ebd.de und Hebd. sowie Ebendaher; A/HRC/41/35", []),
    ("Siehe A/HRC/41/35 sowie Schwebd. und die Daten a.a.Ort", []),
    ("[^1]: Ebd., Ziff. 5.\n", [("", "para. 5", "Ebd., Ziff. 5", None)]),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN_SHORT_FORMS)
def test_german_short_forms(text: str, expected: list[tuple[str, str, str, int | None]]) -> None:
    assert _short_forms(text) == expected


def _codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in citecheck.check(text).findings if f.code.startswith("SF")]


def test_ebd_follows_the_ibid_rules_of_notes() -> None:
    several = "[^1]: A/HRC/41/35; A/HRC/38/35.\n[^2]: Ebd., Ziff. 5.\n"
    assert [code for code, _ in _codes(several)] == ["SF102"]
    first = "[^1]: Ebd., Ziff. 5.\n"
    assert _codes(first) == [("SF101", "'Ebd., Ziff. 5' in the first footnote has nothing to repeat")]
    book = "[^1]: A/HRC/41/35, Ziff. 4.\n[^2]: D. Kaye, Speech Police (2019), S. 3.\n[^3]: Ebenda, S. 4.\n"
    assert [code for code, _ in _codes(book)] == ["SF104"]
    (ebd,) = [c for c in citecheck.extract(book) if c.short_form]
    assert (ebd.id, str(ebd.pinpoint)) == ("", "p. 4")


def test_a_a_o_is_op_cit_and_named_as_written() -> None:
    text = "Siehe A/HRC/41/35, Ziff. 4. Siehe a. a. O., Ziff. 9. Ebd., Ziff. 3."
    assert _codes(text) == [
        ("SF103", "'a. a. O.' is not UN editorial style; repeat the reference or use 'ebd.'")
    ]
    opcit, ebd = [c for c in citecheck.extract(text) if c.short_form]
    assert (opcit.ambiguous, ebd.ambiguous) == (True, False)


def test_an_abbreviation_in_a_nearby_note_does_not_make_the_notes_spanish() -> None:
    """The letters of "a. a. O." are no Spanish "a": the German pinpoints around are read."""
    text = "[^1]: Siehe A/HRC/41/35, Ziff. 4.\n[^2]: Siehe A/HRC/38/35, Ziff. 4.\n[^3]: Müller, a. a. O., Ziff. 9.\n"
    assert [(c.id, str(c.pinpoint)) for c in citecheck.extract(text)] == [
        ("un:A/HRC/41/35", "para. 4"),
        ("un:A/HRC/38/35", "para. 4"),
        ("un:A/HRC/38/35", "para. 9"),
    ]


#: German compound ordinals in one word, built from the lexicon's parts (unit + "und" + tens,
#: "hundert" before any of them) up to 199
COMPOUND_ORDINALS = [
    ("im einundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 21")]),
    ("im zweiundvierzigsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 42")]),
    ("im hundertsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 100")]),
    ("im dreißigsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 30")]),
    ("im hunderteinundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 121")]),
    ("der hundertzweite Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "recital 102")]),
    ("im zwanzigsten und einundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "recital 20; recital 21")]),
    ("im einundzwanzigsten bis dreiundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "recitals 21-23")]),
    # negative rows: beyond the tables (200), a cardinal, a compound with no unit
    ("im zweihundertsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "")]),
    ("im einundzwanzig Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "")]),
    ("im undzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), COMPOUND_ORDINALS)
def test_german_compound_ordinals(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("einundzwanzigste", 21), ("neunundneunzigsten", 99), ("siebenundsiebzigstem", 77),
        ("dreißigster", 30), ("hunderterste", 101), ("hundertelften", 111),
        ("einhundertzwanzigste", 120), ("hundertneunundneunzigstes", 199), ("hundertstem", 100),
        ("zweihundertste", None), ("einundzwanzig", None), ("zwanzigundeinste", None),
    ],
)
def test_german_ordinal_numbers(word: str, number: int | None) -> None:
    assert load("de").ordinal_number(word) == number


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("a.a.O.", True), ("a. a. O.", True), ("a.a. O.", True), ("a. a.O.", True),
        ("A.A.O.", True),
        # a no-break space (U+00A0, U+202F) or thin space after a period as a plain one
        ("a.\u00a0a.\u00a0O.", True), ("a.\u202fa.\u202fO.", True), ("A.\u00a0a. O.", True),
        ("a.\u2009a.\u2009O.", True),
        # a line break where a wrapped line cuts it, as a space
        ("a. a.\nO.", True), ("a.\na. O.", True),
        # two of them, or a tab, are no longer one abbreviation
        ("a.\u00a0\u00a0a. O.", False), ("a.\ta.\tO.", False), ("a. \u202fa. O.", False),
        # one space at most after each period; no letter glued before; no word after "ebd."
        ("a.  a. O.", False), ("xa.a.O.", False), ("ebd.-Angabe", False),
        # a blank line, or a break and a space, is no line cutting one
        ("a. a.\n\nO.", False), ("a. a.\n O.", False),
    ],
)
def test_the_spellings_of_a_a_o(written: str, read: bool) -> None:
    text = f"Siehe A/HRC/41/35. Vgl. {written}, Ziff. 3."
    found = [(c.text, str(c.pinpoint)) for c in citecheck.extract(text) if c.short_form]
    assert found == ([(f"{written}, Ziff. 3", "para. 3")] if read else [])
