"""The one range/list splitter every pinpoint reader uses (citecheck.pinpoints.numbers)."""

from __future__ import annotations

import attrs
import pytest
import regex

from citecheck.lexicon import ENGLISH, load
from citecheck.model import Pinpoint, PinpointPart
from citecheck.pinpoints import (
    NumberItem,
    canonical_number,
    number_parts,
    parse_numbers,
    pinpoint_before,
    split_numbers,
    sub_letters,
)
from citecheck.pinpoints import numbers as numbers_module
from citecheck.pinpoints.after import pinpoint_after


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("66", [("66", "")]),
        ("3-5", [("3", "5")]),
        ("3\u20135", [("3", "5")]),  # en dash
        ("3\u22125", [("3", "5")]),  # minus sign, as PDF text has it
        ("3 \u2014 5", [("3", "5")]),
        ("3 to 5", [("3", "5")]),
        ("3 and 5", [("3", ""), ("5", "")]),
        ("3, 5", [("3", ""), ("5", "")]),
        ("3, 4 and 5", [("3", ""), ("4", ""), ("5", "")]),
        ("3-5, 7", [("3", "5"), ("7", "")]),
        ("23\u201325 and 73", [("23", "25"), ("73", "")]),
        ("6 and 11-13", [("6", ""), ("11", "13")]),
        ("3 to 5 and 7 to 9", [("3", "5"), ("7", "9")]),
        ("3 or 4", [("3", ""), ("4", "")]),
        ("17 (c) and 18", [("17(c)", ""), ("18", "")]),
        ("5 (a) and (b)", [("5(a)", ""), ("5(b)", "")]),
        ("5 (a), (b) and (d)", [("5(a)", ""), ("5(b)", ""), ("5(d)", "")]),
        ("5(a)-(c)", [("5(a)", "(c)")]),
        ("5(1)(a) and (b)", [("5(1)(a)", ""), ("5(1)(b)", "")]),
        # letters after letters are read as one number already; a sibling would be a guess
        ("34(a) (b) (c) and (d), and 74 (c)", [("34(a)(b)(c)", ""), ("74(c)", "")]),
    ],
)
def test_split(raw: str, items: list[tuple[str, str]]) -> None:
    assert split_numbers(raw) == tuple(NumberItem(a, b) for a, b in items)


def test_a_dash_is_a_range_and_a_comma_a_list() -> None:
    assert [i.value for i in split_numbers("3-5")] == ["3-5"]
    assert [i.value for i in split_numbers("3, 5")] == ["3", "5"]


def test_a_range_after_a_range_starts_a_new_item() -> None:
    # "3-5-7" is not a range of ranges: the second dash has no single number before it.
    assert [i.value for i in split_numbers("3-5-7")] == ["3-5", "7"]


@pytest.mark.parametrize(
    ("unit", "raw", "canonical"),
    [
        ("para", "3-5", "paras. 3-5"),
        ("para", "23\u201325 and 73", "paras. 23-25; para. 73"),
        ("para", "12 and 14", "para. 12; para. 14"),
        ("page", "13-15", "pp. 13-15"),
        ("point", "3 and 5", "point 3; point 5"),
        ("recital", "4 to 6", "recitals 4-6"),
    ],
)
def test_canonical_parts(unit: str, raw: str, canonical: str) -> None:
    assert str(Pinpoint(parse_numbers(unit, raw))) == canonical


def test_canonical_number_closes_up_subdivisions() -> None:
    assert canonical_number("17 (c)") == "17(c)"
    assert canonical_number("17( c )") == "17(c)"


@pytest.mark.parametrize(
    ("text", "canonical", "consumed"),
    [
        (", para. 66.", "para. 66", ", para. 66"),
        (", para 66.", "para. 66", ", para 66"),
        (", paras. 3-5, 7 of", "paras. 3-5; para. 7", ", paras. 3-5, 7"),
        (", paragraphs 3 to 5.", "paras. 3-5", ", paragraphs 3 to 5"),
        (
            " (visit to Chile), paras. 12 and 14.",
            "para. 12; para. 14",
            " (visit to Chile), paras. 12 and 14",
        ),
        (", p. 13, at para. 9.", "p. 13; para. 9", ", p. 13, at para. 9"),
        (", annex I, sect. II", "annex I, sect. II", ", annex I, sect. II"),
        (", annex, sect. II", "annex; sect. II", ", annex, sect. II"),
        (" (visit to Chile) and more", "", ""),
        (" (para. 38), requested", "para. 38", " (para. 38)"),
        (" (para. 5 of which)", "", ""),
        (", parallel to", "", ""),
    ],
)
def test_reader_after_a_citation(text: str, canonical: str, consumed: str) -> None:
    pin, end = pinpoint_after(text, 0)
    assert str(pin) == canonical
    assert text[:end] == consumed


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("in paragraph 179 of the judgment in ", "para. 179"),
        ("paragraphs 45 to 47 of the judgment of 16 July 2020 in Case ", "paras. 45-47"),
        ("paragraph 12 of document ", "para. 12"),
        ("paragraph 12 of the report (", "para. 12"),
        ("point 3 of the order in ", "point 3"),
        ("paragraph 4 of ", "para. 4"),
        # Not a pinpoint of what follows:
        ("paragraph 12 of the report of the Special Rapporteur (", ""),
        ("paragraph 12 of resolution 5/1 and ", ""),
        ("paragraph 12, see ", ""),
        ("paragraph 12 of the", ""),
    ],
)
def test_reader_before_a_citation(text: str, canonical: str) -> None:
    assert str(pinpoint_before(text, len(text))) == canonical


# --- Behaviour the mutation run showed untested (issue #11) ---------------------------------


@pytest.fixture
def first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each language's token pattern as a fresh process builds it on its first read: the
    per-language cache starts empty (an earlier test in this process may have filled it)."""
    monkeypatch.setattr(numbers_module, "_TOKENS", {})


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        # the end of "5(a)-(c)" is 5(c): a sibling after it belongs to 5, not a bare "(e)"
        ("5(a)-(c) and (e)", [("5(a)", "(c)"), ("5(e)", "")]),
        ("5(1)(a)-(c) and (e)", [("5(1)(a)", "(c)"), ("5(1)(e)", "")]),
        ("5-6(b) and (c)", [("5", "6(b)"), ("6(c)", "")]),
        # a number right after a complete item is a new item, never the end of a range
        ("3 5", [("3", ""), ("5", "")]),
        ("5 (a) and (b) 7", [("5(a)", ""), ("5(b)", ""), ("7", "")]),
        # a stray word ends the list; what follows it is not read
        ("3 of the report, 9", [("3", "")]),
        ("annex 5", []),
        # a dangling range word or dash leaves the number alone
        ("3 to", [("3", "")]),
        ("3-", [("3", "")]),
        # a sub-division with no number before it is nobody's
        ("(a) 5", [("5", "")]),
        # decimals (UPR recommendations) and letter suffixes are one number each
        ("115.4 and 115.12", [("115.4", ""), ("115.12", "")]),
        ("5a-5c", [("5a", "5c")]),
        # French/Spanish letters closed by one parenthesis, and the English letter words
        ("5 c)", [("5(c)", "")]),
        ("5 iv)", [("5(iv)", "")]),
        ("5, point c)", [("5(c)", "")]),
        ("5 letter c)", [("5(c)", "")]),
        ("5(1)(2) and (3)", [("5(1)(2)", "")]),
    ],
)
@pytest.mark.usefixtures("first_read")
def test_split_more(raw: str, items: list[tuple[str, str]]) -> None:
    assert split_numbers(raw) == tuple(NumberItem(a, b) for a, b in items)


@pytest.mark.parametrize(
    ("language", "raw", "items"),
    [
        ("fr", "5 à 7 et 9", [("5", "7"), ("9", "")]),
        ("fr", "5 c) et d)", [("5(c)", ""), ("5(d)", "")]),
        ("es", "5 a 7 y 9", [("5", "7"), ("9", "")]),
        ("es", "5 letra c)", [("5(c)", "")]),
        ("de", "5 bis 7 und 9", [("5", "7"), ("9", "")]),
    ],
)
@pytest.mark.usefixtures("first_read")
def test_split_in_other_languages(language: str, raw: str, items: list[tuple[str, str]]) -> None:
    lexicon = load(language)
    assert split_numbers(raw, lexicon) == tuple(NumberItem(a, b) for a, b in items)
    # read twice: the second read uses the pattern built by the first
    assert split_numbers(raw, lexicon) == tuple(NumberItem(a, b) for a, b in items)


@pytest.mark.usefixtures("first_read")
def test_a_language_without_letter_words_still_reads_letters() -> None:
    lexicon = attrs.evolve(ENGLISH, language="xx-no-letter-words", letter_words=())
    assert split_numbers("5 c) and 7", lexicon) == (NumberItem("5(c)"), NumberItem("7"))
    assert split_numbers("5, point c)", lexicon) == (NumberItem("5"),)
    # without a letter word, "c)" after a comma is no sub-division of the number before it
    assert split_numbers("5, c) and 7", lexicon) == (NumberItem("5"), NumberItem("7"))


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("(c)", True),
        (" (c)", True),
        ("( 12 )", True),
        (" c)", True),
        (" iv)", True),
        (", point c)", True),
        (" letter c)", True),
        (" c)d", False),
        ("c)", False),
        ("(abcde)", False),
    ],
)
def test_sub_letters_matches_one_subdivision(text: str, whole: bool) -> None:
    pattern = regex.compile(sub_letters(ENGLISH))
    assert (pattern.fullmatch(text) is not None) is whole


def test_sub_letters_takes_the_caller_s_space() -> None:
    # a reader that allows only a plain blank passes it; a newline is then no space
    pattern = regex.compile(sub_letters(ENGLISH, " "))
    assert pattern.fullmatch(" c)") is not None
    assert pattern.fullmatch("\nc)") is None
    assert regex.compile(sub_letters(ENGLISH)).fullmatch("\nc)") is not None


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("17 (c)", "17(c)"),
        ("5 (1) (a)", "5(1)(a)"),
        ("5 c)", "5(c)"),
        ("5, point c)", "5(c)"),
        ("115.4", "115.4"),
        ("12a (ii)", "12a(ii)"),
        ("  iv ", "iv"),
    ],
)
def test_canonical_number(raw: str, canonical: str) -> None:
    assert canonical_number(raw) == canonical


@pytest.mark.parametrize(
    ("unit", "plural"),
    [
        ("para", "paras"),
        ("page", "pages"),
        ("recital", "recitals"),
        ("preambular_para", "preambular_paras"),
        ("operative_para", "operative_paras"),
        ("article", "article"),
        ("point", "point"),
    ],
)
def test_number_parts_labels_a_range_with_the_plural(unit: str, plural: str) -> None:
    items = (NumberItem("3", "5"), NumberItem("7"))
    assert number_parts(unit, items) == (PinpointPart(plural, "3-5"), PinpointPart(unit, "7"))


@pytest.mark.usefixtures("first_read")
def test_parse_numbers_reads_the_language_given() -> None:
    # one process reading English, then French, then German, then English again: each
    # language keeps its own words
    assert parse_numbers("para", "3 bis 5") == (PinpointPart("para", "3"),)
    assert parse_numbers("para", "3 à 5 et 9", load("fr")) == (
        PinpointPart("paras", "3-5"),
        PinpointPart("para", "9"),
    )
    assert parse_numbers("para", "3 bis 5", load("de")) == (PinpointPart("paras", "3-5"),)
    assert parse_numbers("para", "3 to 5 and 9") == (
        PinpointPart("paras", "3-5"),
        PinpointPart("para", "9"),
    )
