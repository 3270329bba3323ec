"""Boundaries of the pinpoint readers (issue #11, test strength): what they read and where
they stop, for passages written before and after a citation.

The English patterns and pre-check tables are built once at import; a caller's own lexicon
(``pinpoint_before(..., lexicon)``) has them built on first use. Tests that must reach the
builders (``paragraphs_pattern``, the before-pattern, its unit literals, the pre-check heads)
therefore call them directly or pass a lexicon of a new name, so a defect there shows here and
not only at import."""

from __future__ import annotations

import itertools

import attrs
import pytest
import regex

from citecheck.lexicon import ENGLISH, Lexicon, load
from citecheck.model import NO_PINPOINT
from citecheck.pinpoints import (
    after,
    paragraphs_pattern,
    pinpoint_after,
    pinpoint_at,
    pinpoint_before,
    read_paragraphs,
)
from citecheck.pinpoints.after import _PART_WORDS, _heads, _may_follow, case_folded
from citecheck.pinpoints.languages import read_before
from citecheck.pinpoints.numbers import canonical_number

_NAMES = itertools.count()


def _fresh_english() -> Lexicon:
    """The English lexicon under a name no reader has cached: its patterns are built anew."""
    return attrs.evolve(ENGLISH, language=f"en-test-{next(_NAMES)}")


def _named_anew(language: str) -> Lexicon:
    """The lexicon of ``language`` under a name no reader has cached."""
    return attrs.evolve(load(language), language=f"{language}-test-{next(_NAMES)}")


_SAMPLE = {
    "en": ("paragraph 4 of A/HRC/41/35", "A/HRC"),
    "es": ("p\u00e1rrafo 4 de A/HRC/41/35", "A/HRC"),
}


def _before(text: str, citation: str, lexicon: Lexicon = ENGLISH) -> str:
    return str(pinpoint_before(text, text.index(citation), lexicon))


# --- pinpoint written before a citation -------------------------------------------------------

BEFORE = [
    # (passage, where the citation starts, pinpoint)
    ("See paragraph 4 of A/HRC/41/35.", "A/HRC", "para. 4"),
    ("see paras. 3\u20135 of document A/HRC/41/35", "A/HRC", "paras. 3-5"),
    ("see paras. 3-5 of document A/HRC/41/35", "A/HRC", "paras. 3-5"),
    ("see paragraphs 3 to 5 and 7 of A/HRC/41/35", "A/HRC", "paras. 3-5; para. 7"),
    ("Para 7 of its judgment of 16 July 2020 in Case C-311/18", "C-311", "para. 7"),
    ("paragraph 4 of its general comment No. 34", "No. 34", "para. 4"),
    ("paragraph 4 of this report A/HRC/41/35", "A/HRC", "para. 4"),
    ("point 52 of the judgment in Case C-1/20", "C-1/20", "point 52"),
    ("points 52 and 53 of the judgment in Case C-1/20", "C-1/20", "point 52; point 53"),
    ("\u00a7 12 of A/HRC/41/35", "A/HRC", "para. 12"),
    ("PARAGRAPH 9 OF A/HRC/41/35", "A/HRC", "para. 9"),
    ("the fourth preambular paragraph of A/RES/61/295", "A/RES", "preambular para. 4"),
    # a dotted capital I (Turkish keyboards, OCR) folds to "in", as the pattern matches it
    ("paragraph 4 of the judgment \u0130N C-311/18", "C-311", "para. 4"),
    # every paragraph word close before the citation, the last one's paragraph is its pinpoint
    (
        "(par. 2, pars. 3-4, point 5, \u00a7 6, \u00b6 7) and paragraph 9 of A/HRC/41/35",
        "A/HRC",
        "para. 9",
    ),
]


@pytest.mark.parametrize(("text", "citation", "expected"), BEFORE)
def test_pinpoint_before_a_citation(text: str, citation: str, expected: str) -> None:
    assert _before(text, citation) == expected


@pytest.mark.parametrize(("text", "citation", "expected"), BEFORE)
def test_a_callers_lexicon_builds_the_same_reader(text: str, citation: str, expected: str) -> None:
    """The same passages through the English words under a new name: the unit literals of the
    cheap refusal, the endings, the ``of`` and the whole pattern are built from the lexicon and
    must read what the English reader reads (``para`` and ``point`` words, ``its``/``this``)."""
    assert _before(text, citation, _fresh_english()) == expected


@pytest.mark.parametrize(
    ("language", "text", "citation", "expected"),
    [
        ("en", "paragraph 4 of A/HRC/41/35", "A/HRC", "para. 4"),
        ("es", "p\u00e1rrafo 4 de A/HRC/41/35", "A/HRC", "para. 4"),
        ("fr", "paragraphes 3 \u00e0 5 du document A/HRC/41/35", "A/HRC", "paras. 3-5"),
        ("es", "p\u00e1rrafos 3 a 5 del documento A/HRC/41/35", "A/HRC", "paras. 3-5"),
        ("en", "paras. 3 to 5 of document A/HRC/41/35", "A/HRC", "paras. 3-5"),
        # each language's determiner, date word and case words before a judgment's case;
        # a word before the paragraph word is not taken into it ("Vgl. Rn. 42")
        ("de", "Vgl. Rn. 42 des Urteils C-311/18", "C-311", "para. 42"),
        ("de", "Rn. 42 des Urteils vom 16. Juli 2020, Schrems (C-311/18)", "C-311", "para. 42"),
        ("de", "Rn. 42 des Urteils in den verbundenen Rechtssachen C-311/18", "C-311", "para. 42"),
        ("fr", "point 42 de l’arrêt C-311/18", "C-311", "point 42"),
        (
            "fr",
            "point 42 de l'arrêt du 1er juillet 2020 dans l'affaire C-311/18",
            "C-311",
            "point 42",
        ),
        (
            "es",
            "apartado 4 de la sentencia de 6 de julio de 2020, Schrems (C-1/18)",
            "C-1",
            "para. 4",
        ),
        ("es", "apartado 42 de la sentencia en el asunto C-311/18", "C-311", "para. 42"),
        # and none where the window goes on past those words
        ("de", "Rn. 42 des Urteils und C-311/18", "C-311", ""),
        ("de", "Rn. 42 des Urteils vom Juli 2020 C-311/18", "C-311", ""),
        ("fr", "point 42 de l'arrêt rendu C-311/18", "C-311", ""),
        ("fr", "point 42 de l C-311/18", "C-311", ""),
        ("es", "apartado 42 de la sentencia de julio C-311/18", "C-311", ""),
        # another language's words are not read by this one
        ("en", "Rn. 42 des Urteils C-311/18", "C-311", ""),
        ("en", "paragraph 42 of the judgment in der Rechtssache C-311/18", "C-311", ""),
        ("de", "Rn. 42 des Urteils in Case C-311/18", "C-311", ""),
    ],
)
def test_each_lexicon_reads_with_its_own_words(
    language: str, text: str, citation: str, expected: str
) -> None:
    """A caller's lexicon keeps its own words: after another language's reader was built, this
    one still reads its words (``p\u00e1rrafo ... de``, ``paragraph ... of``)."""
    other = "en" if language == "es" else "es"
    assert _before(*_SAMPLE[other], _named_anew(other)) == "para. 4"
    assert _before(text, citation, _named_anew(language)) == expected


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("para. 4 and report A/HRC/41/35", "A/HRC"),  # no "of": the paragraph is another's
        ("paragraph 4, in A/HRC/41/35", "A/HRC"),  # prose, not "of", before the citation
        ("paragraph 4 of the annual report A/HRC/41/35", "A/HRC"),  # "annual" is no document word
        ("No. 5 of A/HRC/41/35", "A/HRC"),  # "No." is no paragraph word
    ],
)
def test_no_pinpoint_before_a_citation(text: str, citation: str) -> None:
    assert pinpoint_before(text, text.index(citation)) == NO_PINPOINT
    assert pinpoint_before(text, text.index(citation), _fresh_english()) == NO_PINPOINT


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("paras. 3\u20135", "paras. 3-5"),
        ("paras. 3-5", "paras. 3-5"),
        ("paragraphs 3 \u2013 5, 7", "paras. 3-5; para. 7"),
        ("para. 12 (a)", "para. 12(a)"),
        ("operative paragraph 2", "operative para. 2"),
        ("the sixth and seventh preambular paragraphs", "preambular para. 6; preambular para. 7"),
    ],
)
def test_paragraphs_pattern_matches_whole_and_reads(written: str, expected: str) -> None:
    """The pattern families embed for a pinpoint before a citation takes ranges with any dash
    and lists, whole; what it matched reads to the canonical pinpoint."""
    pattern = regex.compile(paragraphs_pattern(ENGLISH))
    m = pattern.search(written)
    assert m is not None and m.group(0) == written.removeprefix("the ")
    assert str(read_paragraphs(m.group(0))) == expected


@pytest.mark.parametrize("written", ["No. 5", "item 5", "Case 5"])
def test_read_paragraphs_reads_only_paragraph_words(written: str) -> None:
    assert read_paragraphs(written) == NO_PINPOINT


@pytest.mark.parametrize(
    ("language", "written", "expected"),
    [
        ("es", "p\u00e1rrafos 3 a 5", "paras. 3-5"),
        ("fr", "paragraphes 3 \u00e0 5", "paras. 3-5"),
        ("fr", "paragraphes 3 et 7", "para. 3; para. 7"),
        ("de", "Randnummern 3 bis 5", "paras. 3-5"),
    ],
)
def test_read_paragraphs_splits_with_the_lexicons_words(
    language: str, written: str, expected: str
) -> None:
    """``3 a 5`` is a range in Spanish (``a`` is no English range word)."""
    assert str(read_paragraphs(written, load(language))) == expected


# --- pinpoint read from a position --------------------------------------------------------------

_FIVE = "para. 1, footnote 2, p. 3, footnote 4, p. 5"


def test_pinpoint_at_reads_at_most_four_elements_by_default() -> None:
    pin, end = pinpoint_at(_FIVE, 0)
    assert [str(part) for part in pin.parts] == ["para. 1", "footnote 2", "p. 3", "footnote 4"]
    assert _FIVE[end:] == ", p. 5"


@pytest.mark.parametrize(("max_parts", "read"), [(1, "para. 1"), (2, "para. 1, footnote 2")])
def test_pinpoint_at_counts_its_first_element(max_parts: int, read: str) -> None:
    pin, end = pinpoint_at(_FIVE, 0, max_parts=max_parts)
    assert len(pin.parts) == max_parts
    assert _FIVE[:end] == read


def test_pinpoint_at_needs_an_element_right_at_the_position() -> None:
    assert pinpoint_at("see para. 4", 0) == (NO_PINPOINT, 0)
    assert str(pinpoint_at("see para. 4", 4)[0]) == "para. 4"


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("17 (c)", "17(c)"), ("17 c)", "17(c)"), ("115.4", "115.4"), ("5(a) (ii)", "5(a)(ii)")],
)
def test_canonical_number(raw: str, canonical: str) -> None:
    assert canonical_number(raw) == canonical


# --- the pre-check after a citation -------------------------------------------------------------


def test_heads_are_the_folded_beginnings_by_length() -> None:
    """One character (``§``), two (``at``), and the first three of longer words (``par`` of
    ``paragraph``, ``ann`` of ``Annex``), of the first word only (``general comment``)."""
    one, two, three = _heads(("\u00a7", "at", "Paragraph", "Annex", "general comment", "p."))
    assert one == frozenset({"\u00a7"})
    assert two == frozenset({"at", "p."})
    assert three == frozenset({"par", "ann", "gen"})


def test_the_heads_of_the_pinpoint_words_accept_each_of_them() -> None:
    """Built again from the reader's words, the pre-check accepts every word after a comma
    and refuses prose."""
    heads = _heads(_PART_WORDS)
    for word in _PART_WORDS:
        for written in (word, word.upper(), word.capitalize()):
            assert _may_follow(", " + written + " 5", 0, heads), written
    for prose in ("; which", " the Council", ", which", " 2019"):
        assert not _may_follow(prose, 0, heads), prose
    assert case_folded("\u0130") == "i"


# --- pinpoint after a citation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after_text", "expected"),
    [
        (", annex II, chap. III", "annex II, chap. III"),
        (", annex II, CHAPTER III", "annex II, chap. III"),
        (", annex VI, sect. A", "annex VI, sect. A"),
        (", annex, chap. III", "annex; chap. III"),  # an annex without a number holds nothing
        (", chap. III", "chap. III"),
        ("(para. 66)", "para. 66"),  # in parentheses, no space (lost in PDF text)
        (" (para. 66)", "para. 66"),
    ],
)
def test_pinpoint_after_a_citation(after_text: str, expected: str) -> None:
    text = "A/RES/61/295" + after_text
    pin, end = pinpoint_after(text, len("A/RES/61/295"))
    assert str(pin) == expected
    assert end == len(text)


_SEPARATORS = sorted({*after._L.list_words, *after._L.range_words} - {"&"})


@pytest.mark.parametrize("word", _SEPARATORS)
def test_every_separator_the_reader_accepts_is_split_with_the_same_words(word: str) -> None:
    """The reader after a citation takes the English, French and Spanish list and range words
    (``par. 3 et 4``, ``párrs. 3 a 5``); the numbers it matched are split with those same words,
    so no number it read is dropped, whatever the kind of paragraph, or an article."""
    citation = "A/RES/61/295"
    for written, unit in (
        (f", operative paragraphs 3 {word} 4", "operative_para"),
        (f", annex, art. 3 {word} 4", "art"),
        (f", sixth {word} seventh preambular paragraphs", "preambular_para"),
    ):
        text = citation + written
        pin, end = pinpoint_after(text, len(citation))
        assert end == len(text), written
        numbers = [p.value for p in pin.parts if p.unit.startswith(unit.split("_")[0])]
        assert numbers in (["3", "4"], ["3-4"], ["6", "7"], ["6-7"]), (written, str(pin))


_CITED = "A/HRC/41/35"


def test_pinpoint_after_reads_at_most_four_elements_by_default() -> None:
    text = _CITED + ", " + _FIVE
    pin, end = pinpoint_after(text, len(_CITED))
    assert len(pin.parts) == 4
    assert text[end:] == ", p. 5"


def test_a_citation_alone_in_parentheses_takes_the_pinpoint_after_them() -> None:
    """``Zambia (CCPR/ZMB/CO/3), para. 25``, also where the parenthesis opens the text, and with
    the options passed on: a title first, an article, the number of elements."""
    text = "(" + _CITED + "), para. 25"
    assert str(pinpoint_after(text, 1 + len(_CITED), start=1)[0]) == "para. 25"
    titled = "(CCPR/C/GC/34) on the freedoms of opinion and expression, paras. 18 and 40"
    assert str(pinpoint_after(titled, 13, start=1, titled=True)[0]) == "para. 18; para. 40"
    assert pinpoint_after(titled, 13, start=1)[0] == NO_PINPOINT
    article = "(" + _CITED + "), art. 3 (m)"
    assert str(pinpoint_after(article, 1 + len(_CITED), start=1, articles=True)[0]) == "art. 3(m)"
    assert pinpoint_after(article, 1 + len(_CITED), start=1)[0] == NO_PINPOINT
    listed = "(" + _CITED + "), para. 3, footnote 4"
    pin, _ = pinpoint_after(listed, 1 + len(_CITED), start=1, max_parts=1)
    assert str(pin) == "para. 3"


def test_a_title_is_skipped_only_where_the_family_allows_one() -> None:
    text = _CITED + " on the rights of older persons, para. 5"
    assert pinpoint_after(text, len(_CITED)) == (NO_PINPOINT, len(_CITED))
    assert str(pinpoint_after(text, len(_CITED), titled=True)[0]) == "para. 5"


def test_parentheses_hold_no_more_elements_than_asked_for() -> None:
    text = _CITED + " (para. 1, footnote 2)"
    assert str(pinpoint_after(text, len(_CITED), max_parts=2)[0]) == "para. 1; footnote 2"
    pin, _ = pinpoint_after(text, len(_CITED), max_parts=1)
    assert len(pin.parts) <= 1


def test_empty_parentheses_after_a_citation_are_left_alone() -> None:
    text = _CITED + " () and more"
    assert pinpoint_after(text, len(_CITED)) == (NO_PINPOINT, len(_CITED))


def test_a_pinpoint_beyond_the_reach_before_a_citation_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader looks back at most ``REACH`` characters: a paragraph whose word starts
    further back (a long list and a long case name) is not read, though it would be with a
    longer reach."""
    from citecheck.pinpoints import before

    numbers = ", ".join(f"{n} (a) (b) (c) (d)" for n in range(1, 6))
    # "Point" in the name: a paragraph word within reach, so the whole reader runs
    name = "Point Lisas v " + " ".join(["Federal Republic of Somewhere"] * 3)
    text = f"paragraphs {numbers} of the judgment of 16 July 2020, {name} (C-1/20"
    start = text.index("C-1/20")
    assert start > before.REACH
    assert pinpoint_before(text, start) == NO_PINPOINT
    monkeypatch.setattr(before, "REACH", 1000)
    assert str(pinpoint_before(text, start)).startswith("para. 1(a)")


@pytest.mark.parametrize(
    ("after_text", "expected"),
    [
        (" (visit to Chile), para. 12", "para. 12"),  # an aside before the first element
        (" (visit to Chile), and para. 12", ""),  # a list word never opens the pinpoint
        (", para. 3 (emphasis added), para. 5", "para. 3"),  # an aside only before the first
    ],
)
def test_an_aside_and_a_list_word_only_where_they_belong(after_text: str, expected: str) -> None:
    text = _CITED + after_text
    assert str(pinpoint_after(text, len(_CITED))[0]) == expected


def test_a_title_passes_the_number_of_elements_on() -> None:
    text = _CITED + " on the rights of older persons, para. 5, footnote 6"
    pin, _ = pinpoint_after(text, len(_CITED), titled=True, max_parts=1)
    assert str(pin) == "para. 5"


@pytest.mark.parametrize(
    ("language", "written", "unit", "expected"),
    [
        ("fr", "points 40 \u00e0 42", "para", "paras. 40-42"),
        ("fr", "point 42", "para", "para. 42"),
        ("fr", "point 42", None, "point 42"),
        ("de", "Rn. 42", "para", "para. 42"),
        # the unit is given to numbers after a paragraph or point word only
        ("de", "Vgl. 42", "para", ""),
        ("en", "fourth preambular paragraph", "para", "preambular para. 4"),
    ],
)
def test_read_paragraphs_reads_numbers_as_the_unit_given(
    language: str, written: str, unit: str | None, expected: str
) -> None:
    assert str(read_paragraphs(written, load(language), unit)) == expected


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_lexicon_without_paragraph_kinds_matches_no_space_before_the_word(language: str) -> None:
    """With no kinds of paragraph the pattern opens at the paragraph word, not at a space."""
    assert not load(language).paragraph_kinds
    pattern = regex.compile(paragraphs_pattern(load(language)))
    m = pattern.search("Vgl. " + load(language).words("para")[0] + " 42")
    assert m is not None and not m.group().startswith(" ")


@pytest.mark.parametrize(
    ("written", "bare", "expected"),
    [
        ("Ziff. 5 Buchst. c", True, "para. 5(c)"),
        ("Ziffer 5 Buchstabe c", True, "para. 5(c)"),
        ("Ziff. 5 Buchst. c)", True, "para. 5(c)"),
        ("Ziffern 5 Buchst. c und 6", True, "para. 5(c); para. 6"),
        # only where the language writes letters bare; one letter, not a word
        ("Ziff. 5 Buchst. c", False, "para. 5"),
        ("Ziff. 5 Buchst. cd", True, "para. 5"),
    ],
)
def test_a_bare_letter_before_a_citation(written: str, bare: bool, expected: str) -> None:
    """The before-pattern with ``bare_letters`` takes ``Buchst. c`` whole, and
    :func:`read_paragraphs` reads it as ``(c)``; without, the letter is left outside."""
    from citecheck.un_languages import pinpoint_lexicon

    lexicon = pinpoint_lexicon("de")
    m = regex.match(paragraphs_pattern(lexicon, "para", bare_letters=bare), written)
    assert m is not None
    assert str(read_paragraphs(m.group(), lexicon, bare_letters=bare)) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a judgment's or an order's paragraph, or the case's, is the case's pinpoint
        ("en", "paragraph 42 of the judgment in Case C-311/18", "para. 42"),
        ("en", "paragraph 42 of the order in Case C-311/18", "para. 42"),
        ("en", "paragraph 42 of Case C-311/18", "para. 42"),
        ("de", "Rn. 42 des Beschlusses C-311/18", "para. 42"),
        ("fr", "point 42 de l'ordonnance C-311/18", "para. 42"),
        ("es", "apartado 42 del auto C-311/18", "para. 42"),
        # another document of the case numbers its own paragraphs
        ("en", "paragraph 42 of the Opinion in Case C-311/18", ""),
        ("en", "paragraph 42 of the report in Case C-311/18", ""),
        ("de", "Rn. 42 der Schlussanträge in der Rechtssache C-311/18", ""),
        ("de", "Rn. 42 des Gutachtens in der Rechtssache C-311/18", ""),
        ("fr", "point 42 des conclusions dans l'affaire C-311/18", ""),
        ("fr", "point 42 de l'avis dans l'affaire C-311/18", ""),
        ("es", "apartado 42 de las conclusiones en el asunto C-311/18", ""),
        ("es", "apartado 42 del dictamen en el asunto C-311/18", ""),
    ],
)
def test_only_a_judgments_words_give_its_paragraph_to_a_case(
    language: str, text: str, expected: str
) -> None:
    start = text.index("C-311")
    pin = pinpoint_before(text, start, load(language), unit="para", judgment=True)
    assert str(pin) == expected


def test_a_document_word_still_names_a_un_document_before_its_symbol() -> None:
    """Without ``judgment`` every document word stands between: the report's paragraph."""
    text = "paragraph 42 of the report A/HRC/41/35"
    assert str(pinpoint_before(text, text.index("A/HRC"))) == "para. 42"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # a subparagraph and its "of" right before the body: written innermost first
        ("Unterabsatz 2 des ", "art. 6(1)"),
        ("Satz 2 des ", "art. 6(1)"),
        ("UAbs. 2 des ", "art. 6(1)"),
        # negative rows: no subparagraph, no number, no "of", or words between
        ("", "art. 6(1); art. 6"),
        ("Seite 2 des ", "art. 6(1); art. 6"),
        ("Unterabsatz des ", "art. 6(1); art. 6"),
        ("Unterabsatz 2 und ", "art. 6(1); art. 6"),
        ("Unterabsatz 2 des Textes und ", "art. 6(1); art. 6"),
        ("Satz 22222 des ", "art. 6(1); art. 6"),
    ],
)
def test_a_subparagraph_before_a_body_keeps_the_next_in_its_paragraph(
    before: str, expected: str
) -> None:
    text = "Vgl. " + before + "Absatzes 1 und Unterabsatz 3 des Artikels 6 der Verordnung"
    pin = read_before("de", text, text.index("Verordnung"))
    assert pin is not None and str(pin.pinpoint) == expected
