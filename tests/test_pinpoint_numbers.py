"""The one range/list splitter every pinpoint reader uses (citecheck.pinpoints.numbers)."""

from __future__ import annotations

import pytest

from citecheck.model import Pinpoint
from citecheck.pinpoints import (
    NumberItem,
    canonical_number,
    parse_numbers,
    pinpoint_before,
    split_numbers,
)
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
