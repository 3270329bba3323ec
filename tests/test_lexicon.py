"""The lexicon: a table of words per language, one of characters, and patterns built from them."""

from __future__ import annotations

import pytest
import regex

from citecheck.families import base
from citecheck.lexicon import CHARACTERS, ENGLISH, LANGUAGES, alternation, from_table, load
from citecheck.model import Pinpoint
from citecheck.pinpoints import parse_numbers, split_numbers


def test_every_shipped_language_loads_with_the_same_units() -> None:
    units = {lang: set(load(lang).units) for lang in LANGUAGES}
    assert all(u == units["en"] for u in units.values())


def test_months_and_numbers() -> None:
    assert ENGLISH.months[0] == "January" and len(ENGLISH.months) == 12
    assert ENGLISH.month_number["september"] == 9


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("para.", "para"),
        ("Paras.", "para"),
        ("paragraph", "para"),
        ("para", "para"),
        ("\u00a7\u00a7", "para"),
        ("Article", "art"),
        ("arts.", "art"),
        ("subparagraph", "subparagraph"),
        ("Annex", "annex"),
        ("pp.", "page"),
        ("fn.", "footnote"),
        ("points", "point"),
    ],
)
def test_unit_of_a_word(word: str, unit: str) -> None:
    assert ENGLISH.unit_of(word) == unit


def test_plural_words() -> None:
    assert ENGLISH.is_plural("Paragraphs") and ENGLISH.is_plural("paras.")
    assert not ENGLISH.is_plural("paragraph") and not ENGLISH.is_plural("para.")
    assert ENGLISH.plurals <= {w for words in ENGLISH.units.values() for w in words}


def test_unit_of_an_unknown_word() -> None:
    assert ENGLISH.unit_of("parallel") is None


def test_unit_pattern_matches_whole_words_only() -> None:
    para = regex.compile(ENGLISH.unit_pattern("para"))
    assert para.match("Paragraphs 3").group(0) == "Paragraphs"
    assert para.match("para 3").group(0) == "para"
    assert para.match("para. 3").group(0) == "para."
    assert para.match("parallel") is None


def test_alternation_reads_a_space_as_white_space() -> None:
    emphasis = regex.compile(alternation(["in particular"]))
    assert emphasis.match("in\u00a0 particular")
    assert emphasis.match("in particularly") is None


def test_thereof_opening_and_closing() -> None:
    opening = regex.compile(ENGLISH.thereof_opening)
    assert opening.match(", and in particular ").group(0) == ", and in particular "
    assert opening.match(", in particular ").group(0) == ", in particular "
    assert regex.match(ENGLISH.thereof_closing, " thereof,")


def test_characters() -> None:
    assert "\u2013" in CHARACTERS.dashes and "\u2212" in CHARACTERS.range_dashes
    assert regex.fullmatch(CHARACTERS.hspace_class, "\u202f")
    assert CHARACTERS.look_alike("\u0410") == "A"
    assert CHARACTERS.look_alike("\uff0f") == "/"  # fullwidth block, by offset
    assert CHARACTERS.look_alike("A") is None
    assert CHARACTERS.invisible["\u00ad"] == "soft hyphen"


def test_families_read_the_lexicon() -> None:
    """The old names in families.base are the lexicon's, not a second definition."""
    assert ENGLISH.months == base.MONTHS
    assert CHARACTERS.dashes == base.DASHES
    assert CHARACTERS.hspace_class == base.HSPACE


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no lexicon"):
        load("xx")


FRENCH = {
    "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre"],
    "units": {"para": ["paragraphes", "paragraphe", "par."], "art": ["articles", "article"],
              "point": ["points", "point"]},
    "plurals": ["paragraphes", "articles", "points"],
    "list_words": ["et", "ou"],
    "range_words": ["à"],
    "at_words": ["au"],
    "of_words": ["de", "du"],
    "this_act_words": ["de celui-ci"],
    "part_of_words": ["de", "du"],
    "document_words": ["document", "rapport", "arrêt"],
    "emphasis_words": ["notamment", "en particulier"],
    "ordinals": ["premier", "deuxième"],
}  # fmt: skip


def test_a_second_language_is_one_more_table() -> None:
    """The splitter and the unit words work from any table: French ranges and lists."""
    fr = from_table("fr-test", FRENCH)
    assert fr.unit_of("Paragraphes") == "para" and fr.is_plural("paragraphes")
    assert fr.month_number["août"] == 8
    assert [i.value for i in split_numbers("3 à 5 et 7", fr)] == ["3-5", "7"]
    assert str(Pinpoint(parse_numbers("para", "12 et 14", fr))) == "para. 12; para. 14"
    assert regex.match(fr.thereof_opening, ", et en particulier ")


@pytest.mark.parametrize("key", ["units", "months", "list_words", "plurals"])
def test_a_malformed_table_is_refused_by_key(key: str) -> None:
    broken = {**FRENCH, key: "not a list"}
    with pytest.raises(ValueError, match=key):
        from_table("fr-test", broken)
