"""A short form's own pinpoint, in every language, read as after a full citation.

``Ibid., artículo 7, apartado 2`` repeats the act with article 7(2), not the previous
citation's pinpoint; ``Ibid., point 45`` after a judgment is its paragraph 45; an article
chain after a short form is one pinpoint (``Ebd., Art. 7 Abs. 2``: art. 7(2)), as after the
act itself. With no pinpoint of its own, a short form repeats the antecedent's (as English
``Ibid.`` always has). Spanish writes ``Ibíd.``, ``Ibídem``, ``Íd.`` and ``Ídem`` for it.
"""

from __future__ import annotations

import pytest

import citecheck

# Antecedents: an act with a pinpoint, a judgment with a paragraph, a UN document.
_ACT = {
    "en": "See Article 6(1)(b) of Regulation (EU) 2016/679.",
    "fr": "Voir l'article 6, paragraphe 1, sous b), du règlement (UE) 2016/679.",
    "es": "Véase el artículo 6, apartado 1, letra b), del Reglamento (UE) 2016/679.",
    "de": "Siehe Artikel 6 Absatz 1 Buchstabe b der Verordnung (EU) 2016/679.",
}
_JUDGMENT = {
    "en": "Judgment of 16 July 2020, Facebook Ireland and Schrems, C-311/18, EU:C:2020:559, "
    "paragraph 42.",
    "fr": "Arrêt du 16 juillet 2020, Facebook Ireland et Schrems, C-311/18, EU:C:2020:559, "
    "point 42.",
    "es": "Sentencia de 16 de julio de 2020, Facebook Ireland y Schrems, C-311/18, "
    "EU:C:2020:559, apartado 42.",
    "de": "Urteil vom 16. Juli 2020, Facebook Ireland und Schrems, C-311/18, EU:C:2020:559, "
    "Rn. 42.",
}

ROWS = [
    # (antecedent, short form, the short form's span, its pinpoint)
    (_ACT["es"], "Ibid., artículo 7, apartado 2.", "Ibid., artículo 7, apartado 2", "art. 7(2)"),
    (_ACT["es"], "Ibid., artículo 5.", "Ibid., artículo 5", "art. 5"),
    (_ACT["es"], "Ibid., considerando 4.", "Ibid., considerando 4", "recital 4"),
    (_ACT["fr"], "Ibid., article 7, paragraphe 2.", "Ibid., article 7, paragraphe 2", "art. 7(2)"),
    (_ACT["fr"], "Ibid., article 8, paragraphe 1, sous c).",
     "Ibid., article 8, paragraphe 1, sous c)", "art. 8(1)(c)"),
    (_ACT["de"], "Ebd., Art. 7 Abs. 2.", "Ebd., Art. 7 Abs. 2", "art. 7(2)"),
    (_ACT["de"], "Ebd., Artikel 8 Absatz 1 Buchstabe c.", "Ebd., Artikel 8 Absatz 1 Buchstabe c",
     "art. 8(1)(c)"),
    (_ACT["en"], "Ibid., Article 7, paragraph 2.", "Ibid., Article 7, paragraph 2", "art. 7(2)"),
    (_ACT["en"], "Ibid., Article 7(2)(a).", "Ibid., Article 7(2)(a)", "art. 7(2)(a)"),
    (_JUDGMENT["fr"], "Ibid., point 45.", "Ibid., point 45", "para. 45"),
    (_JUDGMENT["fr"], "Ibid., points 45 à 47.", "Ibid., points 45 à 47", "paras. 45-47"),
    (_JUDGMENT["es"], "Ibid., apartado 45.", "Ibid., apartado 45", "para. 45"),
    (_JUDGMENT["de"], "Ebd., Rn. 45.", "Ebd., Rn. 45", "para. 45"),
    (_JUDGMENT["en"], "Ibid., paragraph 45.", "Ibid., paragraph 45", "para. 45"),
    # the UN readings stay as they were
    ("Véase A/HRC/41/35, párr. 4.", "Ibid., párrs. 5 y 6.", "Ibid., párrs. 5 y 6",
     "para. 5; para. 6"),
    ("Voir A/HRC/41/35, par. 4.", "Ibid., par. 5.", "Ibid., par. 5", "para. 5"),
    ("Vgl. A/HRC/41/35, Ziff. 4.", "Ebd., Ziff. 5 und 6.", "Ebd., Ziff. 5 und 6",
     "para. 5; para. 6"),
    ("See A/RES/61/295, annex, art. 3.", "Ibid., art. 3 (m).", "Ibid., art. 3 (m)", "art. 3(m)"),
    ("See A/HRC/41/35, para. 4.", "Ibid., annex, para. 3.", "Ibid., annex, para. 3",
     "annex; para. 3"),
    # negative rows: no pinpoint of its own repeats the antecedent's, and what names
    # another source after the short form is not its pinpoint
    (_ACT["es"], "Ibid.", "Ibid.", "art. 6(1)(b)"),
    (_JUDGMENT["fr"], "Ibid.", "Ibid.", "para. 42"),
    (_ACT["de"], "Ebd.", "Ebd.", "art. 6(1)(b)"),
    (_ACT["es"], "Ibid., y el artículo 7 del Tratado.", "Ibid.", "art. 6(1)(b)"),
    (_JUDGMENT["fr"], "Ibid., point de vue partagé.", "Ibid.", "para. 42"),
    (_ACT["es"], "Ibid., artículo.", "Ibid.", "art. 6(1)(b)"),
    (_ACT["es"], "Ibid., artículo 7, apartado 2, del Tratado.", "Ibid.", "art. 6(1)(b)"),
    # boundaries: the end of the text, a line break after the comma, lists
    (_JUDGMENT["es"], "Ibid., apartado 45", "Ibid., apartado 45", "para. 45"),
    (_JUDGMENT["es"], "Ibid.,\napartado 45.", "Ibid.,\napartado 45", "para. 45"),
    (_JUDGMENT["es"], "Ibid., apartados 45 y 46.", "Ibid., apartados 45 y 46",
     "para. 45; para. 46"),
    (_ACT["es"], "Ibid., artículo 7, apartado 2 y artículo 9.",
     "Ibid., artículo 7, apartado 2 y artículo 9", "art. 7(2); art. 9"),
    (_ACT["es"], "Ibid., artículos 7 y 8.", "Ibid., artículos 7 y 8", "art. 7; art. 8"),
]


@pytest.mark.parametrize(("antecedent", "short", "span", "pinpoint"), ROWS)
def test_a_short_forms_own_pinpoint(antecedent: str, short: str, span: str, pinpoint: str) -> None:
    cits = citecheck.extract(f"{antecedent} {short}")
    last = cits[-1]
    assert last.short_form, [c.text for c in cits]
    assert (last.text, str(last.pinpoint)) == (span, pinpoint)
    assert last.id == cits[-2].id


SPANISH_IBID = [
    ("Véase A/HRC/41/35, párr. 4. Ibíd., párr. 5.", "Ibíd., párr. 5", "para. 5"),
    ("Véase A/HRC/41/35, párr. 4. Ibídem, párr. 5.", "Ibídem, párr. 5", "para. 5"),
    ("Véase A/HRC/41/35, párr. 4. Íd., párr. 5.", "Íd., párr. 5", "para. 5"),
    ("Véase A/HRC/41/35, párr. 4. Ídem, párr. 5.", "Ídem, párr. 5", "para. 5"),
    ("Véase A/HRC/41/35, párr. 4.\n\n5 Ibíd.", "Ibíd.", "para. 4"),
    ("1. Véase A/HRC/41/35, párr. 4.\n2. Ídem.", "Ídem", "para. 4"),
]


@pytest.mark.parametrize(("text", "span", "pinpoint"), SPANISH_IBID)
def test_spanish_accented_ibid(text: str, span: str, pinpoint: str) -> None:
    last = citecheck.extract(text)[-1]
    assert (last.short_form, last.id, last.text, str(last.pinpoint)) == (
        True, "un:A/HRC/41/35", span, pinpoint
    )


@pytest.mark.parametrize(
    "text",
    [
        # "ídem" in running prose ("the same") and words that only begin like it
        "Véase A/HRC/41/35, párr. 4. Y lo ídem que se dijo antes fue claro.",
        "Véase A/HRC/41/35, párr. 4. La idempotencia del Ídemo es otra cosa.",
        "Véase A/HRC/41/35, párr. 4. El ibídemismo no existe.",
    ],
)
def test_spanish_ibid_words_in_prose_are_no_short_form(text: str) -> None:
    assert [c.short_form for c in citecheck.extract(text)] == [False]


# A note in brackets after a citation points to where it was cited in full: a cross-reference,
# not a place in the document. The pinpoint after it is the document's.
CROSS_REFERENCES = [
    ("Vgl. A/HRC/41/35 (Fn. 1), Ziff. 15.", "A/HRC/41/35 (Fn. 1), Ziff. 15", "para. 15"),
    ("Vgl. A/HRC/41/35 (Fußnote 1), Ziff. 16.", "A/HRC/41/35 (Fußnote 1), Ziff. 16", "para. 16"),
    ("See A/HRC/41/35 (note 1), para. 15.", "A/HRC/41/35 (note 1), para. 15", "para. 15"),
    ("See A/HRC/41/35 (n 1), para. 15.", "A/HRC/41/35 (n 1), para. 15", "para. 15"),
    ("Voir A/HRC/41/35 (note 1), par. 15.", "A/HRC/41/35 (note 1), par. 15", "para. 15"),
    ("Véase A/HRC/41/35 (nota 1), párr. 15.", "A/HRC/41/35 (nota 1), párr. 15", "para. 15"),
    # negative rows: alone, the note is no pinpoint; a paragraph in brackets still is one;
    # a footnote written after a comma is the document's own footnote
    ("Vgl. A/HRC/41/35 (Fn. 1).", "A/HRC/41/35", ""),
    ("See A/HRC/41/35 (note 3).", "A/HRC/41/35", ""),
    ("See A/HRC/41/35 (para. 5).", "A/HRC/41/35 (para. 5)", "para. 5"),
    ("See A/HRC/41/35, footnote 3.", "A/HRC/41/35, footnote 3", "footnote 3"),
    ("See A/HRC/41/35 (para. 5, footnote 3).", "A/HRC/41/35 (para. 5, footnote 3)",
     "para. 5; footnote 3"),
]


@pytest.mark.parametrize(("text", "span", "pinpoint"), CROSS_REFERENCES)
def test_a_note_in_brackets_is_a_cross_reference(text: str, span: str, pinpoint: str) -> None:
    [cit] = citecheck.extract(text)
    assert (cit.id, cit.text, str(cit.pinpoint)) == ("un:A/HRC/41/35", span, pinpoint)


# "précité", "préc. note 1", "cit. nota 1", "op. cit." between commas after a citation say it
# was cited before: one citation, with the pinpoint after them.
_FIRST = {"fr": "Voir A/HRC/41/35, par. 12. ", "es": "Véase A/HRC/41/35, párr. 12. ",
          "en": "See A/HRC/41/35, para. 12. "}
CITED_BEFORE = [
    ("fr", "Voir A/HRC/41/35, préc. note 1, par. 15.", "A/HRC/41/35, préc. note 1, par. 15",
     "para. 15"),
    ("fr", "Voir A/HRC/41/35, précité, par. 16.", "A/HRC/41/35, précité, par. 16", "para. 16"),
    ("fr", "Voir A/HRC/41/35, précité, note 1, par. 16.",
     "A/HRC/41/35, précité, note 1, par. 16", "para. 16"),
    ("fr", "Voir A/HRC/41/35 précité, par. 16.", "A/HRC/41/35 précité, par. 16", "para. 16"),
    ("es", "Véase A/HRC/41/35, cit. nota 1, párr. 15.", "A/HRC/41/35, cit. nota 1, párr. 15",
     "para. 15"),
    ("fr", "Voir A/HRC/41/35, op. cit., par. 20.", "A/HRC/41/35, op. cit., par. 20", "para. 20"),
    ("en", "See A/HRC/41/35, op. cit., para. 20.", "A/HRC/41/35, op. cit., para. 20",
     "para. 20"),
]


@pytest.mark.parametrize(("lang", "second", "span", "pinpoint"), CITED_BEFORE)
def test_cited_before_between_commas(lang: str, second: str, span: str, pinpoint: str) -> None:
    cits = citecheck.extract(_FIRST[lang] + second)
    assert [(c.id, c.text, str(c.pinpoint)) for c in cits[1:]] == [
        ("un:A/HRC/41/35", span, pinpoint)
    ]
    assert cits[1].short_form


@pytest.mark.parametrize(
    "text",
    [
        # negative rows: "précité" after a word that is no citation names nothing; a note
        # number is not read past the word's own phrase
        "Voir A/HRC/41/35, par. 12. Le texte précité, par. 3.",
        "Voir A/HRC/41/35, par. 12. Comme il a été précité, la note 1 suffit.",
    ],
)
def test_cited_before_after_no_citation_adds_nothing(text: str) -> None:
    assert [(c.text, str(c.pinpoint)) for c in citecheck.extract(text)] == [
        ("A/HRC/41/35, par. 12", "para. 12")
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("See A/HRC/41/35, para. 12. Op. cit., para. 20.", "'Op. cit.'"),
        ("See A/HRC/41/35, para. 12. Loc. cit., para. 20.", "'Loc. cit.'"),
        ("See A/HRC/41/35, para. 12. Id., para. 20.", "'Id.'"),
    ],
)
def test_sf103_quotes_the_whole_device(text: str, quoted: str) -> None:
    [finding] = [f for f in citecheck.check(text).findings if f.code == "SF103"]
    assert finding.message.startswith(quoted + " is not UN editorial style")


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        # "point" after a judgment is its paragraph in French text, or where no frequent word
        # tells but a French judgment word does ("arrêt"), whatever the length of the text
        ("Voir l'arrêt Schrems, C-311/18, EU:C:2020:559, point 42.", "para. 42"),
        ("Voir l'affaire C-311/18, point 42.", "para. 42"),
        # where nothing tells, "point" stays a point: the ECLI may be an Opinion's
        ("C-311/18, EU:C:2020:559, point 42.", "point 42"),
        ("See C-311/18, EU:C:2019:1145, point 42.", "point 42"),
        ("Case C-311/18, point 42.", "point 42"),
        ("See C-311/18, EU:C:2020:559, point 42 of the Opinion of the Advocate General.",
         "point 42"),
        ("La Cour a jugé, dans son arrêt du 16 juillet 2020, Facebook Ireland et Schrems, "
         "C-311/18, EU:C:2020:559, point 42, que le transfert était illicite.", "para. 42"),
        # negative row: in English text "point" numbers an Advocate General's Opinion
        ("See the Opinion of Advocate General Bot in C-311/18, EU:C:2019:1145, point 42.",
         "point 42"),
    ],
)
def test_point_after_a_judgment_alone_or_in_french(text: str, pinpoint: str) -> None:
    assert {str(c.pinpoint) for c in citecheck.extract(text)} == {pinpoint}


@pytest.mark.parametrize(
    ("text", "pinpoints"),
    [
        # a German note between Spanish and French ones: its own paragraph tells its language
        ("4. Observación general núm. 34 del Comité de Derechos Humanos, párr. 12.\n\n"
         "5. Allgemeine Bemerkung Nr. 34 des Menschenrechtsausschusses, Ziff. 12.\n\n"
         "6. Observation générale no 34 du Comité des droits de l'homme, par. 12.",
         ["para. 12", "para. 12", "para. 12"]),
        # negative row: a Spanish paragraph keeps German words out even with German around
        ("5. Allgemeine Bemerkung Nr. 34 des Menschenrechtsausschusses und der Rat.\n\n"
         "6. Véase la observación general núm. 34 del Comité de Derechos Humanos y el "
         "documento A/HRC/41/35, Ziff. 12, que se cita.\n\n"
         "7. Allgemeine Bemerkung Nr. 35 des Menschenrechtsausschusses und der Rat.",
         ["", "", "", ""]),
    ],
)
def test_a_paragraph_tells_its_own_language(text: str, pinpoints: list[str]) -> None:
    assert [str(c.pinpoint) for c in citecheck.extract(text)] == pinpoints


# (text, the short form's pinpoint, its text): a judgment's paragraph words after "Ibid." read
# as paragraphs only when it repeats a judgment; after an act what the other readers give, or
# nothing (an act has no paragraph 45, and the writer did not mean its article 6 either)
AFTER_AN_ACT = [
    ("See Regulation (EU) 2016/679, Article 6. Ibid., point 45.", "", "Ibid."),
    ("Voir le règlement (UE) 2016/679, article 6. Ibid., point 45.", "", "Ibid."),
    ("Véase el Reglamento (UE) 2016/679, artículo 6. Ibid., apartado 45.", "", "Ibid."),
    # the act's own pinpoints are still read
    ("See Regulation (EU) 2016/679, Article 6. Ibid., Article 7.", "art. 7", "Ibid., Article 7"),
    ("Véase el Reglamento (UE) 2016/679, artículo 6. Ibid., artículo 7, apartado 2.",
     "art. 7(2)", "Ibid., artículo 7, apartado 2"),
    # after a judgment the paragraph words stay paragraphs
    ("Voir l'arrêt C-311/18, point 4. Ibid., point 45.", "para. 45", "Ibid., point 45"),
    ("Véase la sentencia C-311/18, apartado 4. Ibid., apartado 45.", "para. 45",
     "Ibid., apartado 45"),
    ("Siehe Urteil C-311/18, Rn. 4. Ebd., Rn. 45.", "para. 45", "Ebd., Rn. 45"),
    ("See A/HRC/41/35, para. 4. Ibid., para. 45.", "para. 45", "Ibid., para. 45"),
]


@pytest.mark.parametrize(("text", "pinpoint", "span"), AFTER_AN_ACT)
def test_judgment_paragraph_words_only_after_a_judgment(
    text: str, pinpoint: str, span: str
) -> None:
    [short] = [c for c in citecheck.extract(text) if c.short_form]
    assert (str(short.pinpoint), short.text) == (pinpoint, span)
