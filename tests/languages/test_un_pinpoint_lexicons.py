"""UN pinpoint words per language: the shared lexicon (English, French, Spanish) reads as it
always did, German keeps its own words (its range word ``bis`` is an article's suffix in
English, ``article 8 bis``) and they are read after a UN citation only in German text."""

from __future__ import annotations

import pytest

from citecheck import un_languages
from citecheck.lexicon import load
from citecheck.pinpoints import after
from citecheck.pinpoints.after import pinpoint_after


def test_the_shared_lexicon_is_english_french_and_spanish_words() -> None:
    shared = un_languages.pinpoint_lexicon()
    tables = [load(code) for code in ("en", "fr", "es")]
    assert shared.range_words == tuple(w for t in tables for w in t.range_words)
    assert shared.list_words == tuple(w for t in tables for w in t.list_words)
    assert shared.part_of_words == load("en").part_of_words
    assert {"par.", "párr.", "paragraphe", "párrafos"} <= set(shared.words("para"))


def test_no_german_word_is_in_the_shared_lexicon() -> None:
    shared = un_languages.pinpoint_lexicon()
    assert "bis" not in shared.range_words
    assert not {"Ziff.", "Abs.", "Rn.", "Ziffer"} & set(shared.words("para"))
    assert "Anhang" not in shared.words("annex")
    assert "und" not in shared.list_words


def test_the_german_lexicon_is_english_and_german_words() -> None:
    german = un_languages.pinpoint_lexicon("de")
    assert german.range_words == (*load("en").range_words, "bis")
    assert {"Ziff.", "Ziffer", "Abs.", "Rn.", "para."} <= set(german.words("para"))
    assert not {"párr.", "paragraphe"} & set(german.words("para"))  # the shared lexicon's
    assert {"der", "des"} <= set(german.part_of_words)
    assert german.language != un_languages.pinpoint_lexicon().language  # cached apart


def test_a_language_with_no_table_is_refused() -> None:
    with pytest.raises(ValueError, match="'xx'"):
        un_languages.pinpoint_lexicon("xx")


def test_german_is_the_one_language_that_keeps_its_words() -> None:
    assert un_languages.own_pinpoint_languages() == ("de",)


def test_the_own_words_checked_first_are_only_those_the_shared_lexicon_lacks() -> None:
    _, two, three = after._own_heads("de")
    assert {"zif", "abs", "rn.", "anh"} <= three and "s." in two
    assert not {"par", "pár", "ann", "pag"} & three


ENGLISH_FRENCH_SPANISH = [
    ("A/HRC/41/35, para. 8 bis 9", "para. 8"),
    ("A/HRC/41/35, paras. 3 to 5", "paras. 3-5"),
    ("A/HRC/41/35, par. 3 à 5", "paras. 3-5"),
    ("A/HRC/41/35, párrs. 3 a 5", "paras. 3-5"),
    ("A/HRC/41/35, annex II, sect. A", "annex II, sect. A"),
    ("A/HRC/41/35, s. 13 of the Act", ""),
    ("A/HRC/41/35, S. 13 of the Act", ""),
    ("A/HRC/41/35, Abs. 13 of the Act", ""),
    ("A/HRC/41/35 (Ziff. 7) of the report", ""),
    ("A/HRC/41/35, p. 13", "p. 13"),
]


@pytest.mark.parametrize(("text", "pinpoint"), ENGLISH_FRENCH_SPANISH)
def test_other_texts_read_as_before(text: str, pinpoint: str) -> None:
    """Asking for the own words changes no English, French or Spanish reading."""
    assert pinpoint_after(text, 11, own_languages=True) == pinpoint_after(text, 11)
    assert str(pinpoint_after(text, 11)[0]) == pinpoint


GERMAN = [
    ("A/HRC/41/35, Ziff. 66 und die", "para. 66"),
    ("A/HRC/41/35, Abs. 66 und die", "para. 66"),
    ("A/HRC/41/35, Rn. 12 und 15 und die", "para. 12; para. 15"),
    ("A/HRC/41/35, Ziff. 8 bis 9 und die", "paras. 8-9"),
    ("A/HRC/41/35, Ziffern 8–9 und die", "paras. 8-9"),
    ("A/HRC/41/35, S. 13 und die", "p. 13"),
    ("A/HRC/41/35, Anhang II, Abschnitt A, und die", "annex II, sect. A"),
    ("A/HRC/41/35 (Ziff. 7) und die", "para. 7"),
    ("A/HRC/41/35, Fußnote 4, und die", "footnote 4"),
    ("A/HRC/41/35, Ziff. 17 Buchstabe c) und die", "para. 17(c)"),
    # the shared words come first: "para. 8", whatever the language
    ("A/HRC/41/35, para. 8 bis 9 und die", "para. 8"),
]


@pytest.mark.parametrize(("text", "pinpoint"), GERMAN)
def test_german_words_are_read_in_german_text(text: str, pinpoint: str) -> None:
    assert str(pinpoint_after(text, 11, own_languages=True)[0]) == pinpoint


@pytest.mark.parametrize(("text", "_"), GERMAN[:-1])
def test_german_words_are_read_only_when_asked(text: str, _: str) -> None:
    assert pinpoint_after(text, 11) == (pinpoint_after(text, 11)[0], 11)
    assert not pinpoint_after(text, 11)[0]


def test_the_german_pinpoint_ends_where_its_last_element_does() -> None:
    text = "A/HRC/41/35, Ziff. 8 bis 9 und die"
    assert pinpoint_after(text, 11, own_languages=True)[1] == text.index(" und die")


REACH = after._LANGUAGE_REACH


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("und der", True),  # German only
        ("und der of the", True),  # as German as English
        ("und der of the the", False),  # more English
        ("xx yy", False),  # no language at all
        ("le la les", False),  # French
        ("des des", False),  # shared by French and German
        ("in an in", False),  # shared by English and German
    ],
)
def test_german_words_need_german_text_at_least_as_much_as_english(
    words: str, read: bool
) -> None:
    text = f"{words} A/HRC/41/35, Ziff. 66."
    pos = text.index(",")
    assert bool(pinpoint_after(text, pos, own_languages=True)[0]) is read


@pytest.mark.parametrize(("gap", "read"), [(REACH - 7, True), (REACH - 6, False)])
def test_the_language_is_told_from_the_words_within_reach_before(gap: int, read: bool) -> None:
    """``und`` starts the text, ``REACH`` characters before the comma at most to count against
    the English ``the`` near the citation."""
    text = "und " + " " * gap + "the, Ziff. 66."
    pos = text.index(",")
    assert (pos <= REACH) is read
    assert bool(pinpoint_after(text, pos, own_languages=True)[0]) is read


@pytest.mark.parametrize(("gap", "read"), [(REACH - 14, True), (REACH - 13, False)])
def test_the_language_is_told_from_the_words_within_reach_after(gap: int, read: bool) -> None:
    """``und`` ends the text, ``REACH`` characters after the comma at most to count."""
    text = "the A/HRC/41/35, Ziff. 66" + " " * gap + " und"
    pos = text.index(",")
    assert (len(text) <= pos + REACH) is read
    assert bool(pinpoint_after(text, pos, own_languages=True)[0]) is read


WIDER = after._WIDER_REACH


@pytest.mark.parametrize(("gap", "read"), [(WIDER - 18, True), (WIDER - 17, False)])
def test_a_stretch_with_no_words_takes_the_language_of_the_wider_text(
    gap: int, read: bool
) -> None:
    """A footnote of symbols alone is read in the language of the text ``WIDER`` around."""
    text = "und" + " " * gap + "\n12 A/HRC/41/35, Ziff. 5."
    pos = text.index(",")
    assert (pos <= WIDER) is read
    assert bool(pinpoint_after(text, pos, own_languages=True)[0]) is read


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        # a footnote opens with its lead-in and has no other word (M4)
        ("Vgl. A/HRC/41/35, Ziff. 5.", "para. 5"),
        ("Siehe A/HRC/41/35, Ziff. 5.", "para. 5"),
        ("s. A/HRC/41/35, Ziff. 5.", "para. 5"),
        ("Vgl. A/HRC/41/35, Rn. 5 ff.", "para. 5"),
        ("Vgl. A/HRC/41/35, S. 5, Fn. 12.", "p. 5; footnote 12"),
        ("Der Bericht und die Empfehlungen.\n\n12 A/HRC/41/35, Ziff. 5.", "para. 5"),
        # the words of German citation forms are German evidence, their English ones none
        ("Menschenrechtsrat: A/HRC/41/35, Ziff. 3.", "para. 3"),
        ("Allgemeine Bemerkung des A/HRC/41/35, Ziff. 3.", "para. 3"),
        ("Human Rights Council: A/HRC/41/35, Ziff. 3.", ""),
        ("menschenrechtsrat: A/HRC/41/35, Ziff. 3.", ""),
        # words German shares with English or French are no evidence (M5)
        ("Cited in A/HRC/41/35, s. 13.", ""),
        ("Cited in an A/HRC/41/35, S. 13.", ""),
        ("Voir les rapports des États : A/HRC/41/35, Kap. 4.", ""),
        ("Voir les rapports des États (A/HRC/41/35), S. 4.", ""),
        ("The report of the Council.\n\n12 A/HRC/41/35, Ziff. 5.", ""),
        # a capital S. is a page, no lead-in; a lead-in inside a word is none
        ("S. A/HRC/41/35, Ziff. 5.", ""),
        ("Avgl. A/HRC/41/35, Ziff. 5.", ""),
    ],
)
def test_footnotes_and_shared_words(text: str, pinpoint: str) -> None:
    pos = text.index("35") + 2
    assert str(pinpoint_after(text, pos, own_languages=True)[0]) == pinpoint


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        ("A/RES/61/295, Anhang, Art. 32 Abs. 2 und die", "annex; art. 32(2)"),
        ("A/RES/61/295, Anhang, Art. 32 Abs. 2 und 3 und die", "annex; art. 32(2); art. 32(3)"),
        # a range, an article already subdivided, a paragraph after no article: as read
        ("A/RES/61/295, Anhang, Art. 32 Abs. 2 bis 4 und die", "annex; art. 32; paras. 2-4"),
        ("A/RES/61/295, Anhang, Art. 32 (1) Abs. 2 und die", "annex; art. 32(1); para. 2"),
        ("A/RES/61/295, Anhang, Abs. 2 und die", "annex; para. 2"),
        # English keeps the paragraph of the resolution apart
        ("A/RES/61/295, annex, art. 32, para. 2 and the", "annex; art. 32; para. 2"),
    ],
)
def test_a_german_paragraph_right_after_an_article_is_the_articles(
    text: str, pinpoint: str
) -> None:
    assert str(pinpoint_after(text, 12, own_languages=True)[0]) == pinpoint


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        ("CCPR/C/GC/36 (2018) zum Recht auf Leben, Ziff. 12 und die", "para. 12"),
        ("CCPR/C/GC/36 (2018) über das Recht auf Leben, Ziff. 12 und die", "para. 12"),
        ("CCPR/C/GC/36 (2018) nach dem Recht auf Leben, Ziff. 12 und die", ""),
    ],
)
def test_a_german_title_opens_with_its_words(text: str, pinpoint: str) -> None:
    got = pinpoint_after(text, 12, titled=True, own_languages=True)[0]
    assert str(got) == pinpoint
    assert not pinpoint_after(text, 12, titled=False, own_languages=True)[0]


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        ("A/HRC/41/35 (2019), Ziff. 12 und die", "para. 12"),
        ("A/HRC/41/35 (Bericht über Chile), Ziff. 12 und die", "para. 12"),
        ("A/HRC/41/35 (Ziff. 12) und die", "para. 12"),
        ("A/HRC/41/35 (2019) und die Ziff. 12", ""),
    ],
)
def test_german_words_after_an_aside_in_parentheses(text: str, pinpoint: str) -> None:
    assert str(pinpoint_after(text, 11, own_languages=True)[0]) == pinpoint


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        ("A/HRC/41/35, Ziff. 17 Buchst. c und die", "para. 17(c)"),
        ("A/HRC/41/35, Ziff. 17 Buchstabe c und die", "para. 17(c)"),
        ("A/HRC/41/35, Ziff. 17 lit. c und 18 und die", "para. 17(c); para. 18"),
        ("A/HRC/41/35, Ziff. 17 Buchstabe c) und die", "para. 17(c)"),
        ("A/HRC/41/35, Ziff. 17 Buchst. cc und die", "para. 17"),
    ],
)
def test_a_german_letter_stands_without_its_bracket(text: str, pinpoint: str) -> None:
    assert str(pinpoint_after(text, 11, own_languages=True)[0]) == pinpoint


def test_the_shared_words_keep_their_letters_bracketed() -> None:
    assert after._SHARED.bare_letter is None
    text = "A/HRC/41/35, par. 17, al. c et la"
    assert str(pinpoint_after(text, 11, own_languages=True)[0]) == "para. 17"


_GRAMMAR_PATTERNS = ["part", "sep", "and_sep", "of_next", "title", "compilation", "bare_letter"]


@pytest.mark.parametrize("name", _GRAMMAR_PATTERNS)
@pytest.mark.parametrize("unit", [" ", "\u00a0", "\t", "\n", " \n", ",", "Ziff. 1 "])
def test_the_german_patterns_read_a_long_run_linearly(name: str, unit: str) -> None:
    """As ``tests/test_pattern_runs.py`` does for the module's patterns (these are built on
    first use, so it does not find them)."""
    pattern = getattr(after._own_grammar("de"), name)
    pattern.match(unit * 20_000, timeout=30.0)


@pytest.mark.parametrize(
    ("text", "span_end"),
    [
        # the letter's ")" closes the parenthesis opened before the citation (review L9)
        ("(A/HRC/41/35, Ziff. 5 lit. a bis c) und die", "c"),
        ("(A/HRC/41/35, Ziff. 5 lit. a und c) und die", "c"),
        ("(A/HRC/41/35, par. 5 a) à c) et", "c"),
        # another ")" closes it later on the line: the letter keeps its own
        ("(A/HRC/41/35, par. 5 a) à c)) et", "c)"),
        ("(A/HRC/41/35, Ziff. 5 lit. c) sowie A/HRC/40/1) und die", "c)"),
        # balanced, or no parenthesis before the citation: as read
        ("(A/HRC/41/35, para. 5 (a) to (c)) and the", "(c)"),
        ("A/HRC/41/35, Ziff. 17 Buchstabe c) und die", "c)"),
        # a "(" comes first on the line: the ")" after it is that one's
        ("(A/HRC/41/35, Ziff. 5 lit. c) und die (Bericht) und", "c"),
        ("(A/HRC/41/35, Ziff. 5 lit. c) und\ndie) und", "c"),
    ],
)
def test_a_letters_bracket_may_close_the_parenthesis_before_the_citation(
    text: str, span_end: str
) -> None:
    start = 1 if text.startswith("(") else 0
    pin, end = pinpoint_after(text, start + 11, start=start, own_languages=True)
    assert pin
    assert text[:end].endswith(span_end) and not text[:end].endswith(span_end + ")")


@pytest.mark.parametrize(
    ("gap", "kept"), [(after._CLOSE_REACH - 1, True), (after._CLOSE_REACH, False)]
)
def test_the_closing_parenthesis_is_looked_for_within_reach(gap: int, kept: bool) -> None:
    text = "Vgl. (A/HRC/41/35, Ziff. 5 lit. a bis c)" + " " * gap + ")"
    end = pinpoint_after(text, 17, start=6, own_languages=True)[1]
    assert text[:end].endswith("c)") is kept


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        # an inserted article keeps its Latin suffix (review L10)
        ("A/RES/61/106, annex, art. 8 bis.", "annex; art. 8 bis"),
        ("A/RES/61/106, annex, arts. 7 and 8 ter, and the", "annex; art. 7; art. 8 ter"),
        ("A/RES/61/106, annexe, art. 8 quater et", "annex; art. 8 quater"),
        ("Vgl. A/RES/61/106, Anhang, Art. 8 bis.", "annex; art. 8 bis"),
        # a number after it: a German range, no suffix in English; no suffix inside a word
        ("Vgl. A/RES/61/106, Anhang, Art. 8 bis 10.", "annex; arts. 8-10"),
        ("A/RES/61/106, annex, art. 8 bis 9", "annex; art. 8"),
        ("A/RES/61/106, annex, art. 8 bisected", "annex; art. 8"),
        ("A/RES/61/106, annex, art. 8 (2) bis", "annex; art. 8(2)"),
    ],
)
def test_an_articles_latin_suffix(text: str, pinpoint: str) -> None:
    assert str(pinpoint_after(text, text.index(",", 12), own_languages=True)[0]) == pinpoint


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        # a German pinpoint followed by another document in the genitive is that one's (L8)
        ("Vgl. A/HRC/41/35, Ziffer 3 der Verordnung.", ""),
        ("Vgl. A/HRC/41/35, S. 3 des Kommentars von Nowak.", ""),
        ("Vgl. A/HRC/41/35, Ziff. 3 und 4 der Verordnung.", ""),
        ("Vgl. A/RES/61/106, Anhang, Art. 6 Abs. 1 DSGVO.", "annex"),
        ("Vgl. A/RES/61/106, Anhang, Art. 8 GG.", "annex"),
        ("Vgl. A/HRC/41/35, Anhang, Ziff. 3   der Verordnung.", "annex"),
        # the citation's own document, a word that is none, too far: the pinpoint stays
        ("Vgl. A/HRC/41/35, Ziff. 3 des Berichts.", "para. 3"),
        ("Vgl. A/HRC/41/35, Ziff. 3 UN-Dokument.", "para. 3"),
        ("Vgl. A/HRC/41/35, Ziff. 3 Ende.", "para. 3"),
        ("Vgl. A/HRC/41/35, Ziff. 3    der Verordnung.", "para. 3"),
        ("Vgl. A/RES/61/106, Anhang, Art. 6 Abs. 1 und die.", "annex; art. 6(1)"),
        ("Vgl. A/HRC/41/35, Ziff. 3 der Verordnungsbegründung.", "para. 3"),
    ],
)
def test_a_german_pinpoint_of_another_document(text: str, pinpoint: str) -> None:
    pos = text.index(",")
    assert str(pinpoint_after(text, pos, own_languages=True)[0]) == pinpoint
