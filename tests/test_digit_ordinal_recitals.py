"""Recitals counted by an ordinal in digits ("the 12th recital of Regulation (EU) 2016/679"):
read as the ordinal words are ("the twelfth recital"), with the suffixes of the lexicon
(``digit_ordinal_suffixes``), into the canonical recital pinpoint."""

from __future__ import annotations

import pytest

from citecheck import extract
from citecheck.lexicon import ENGLISH, load
from citecheck.pinpoints.articles import read_before


def _eu(text: str) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text) if c.id.startswith("celex:")]


# (text, [(id, span, pinpoint)])
DIGIT_RECITALS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("See the 12th recital of Regulation (EU) 2016/679.",
     [("celex:32016R0679", "the 12th recital of Regulation (EU) 2016/679", "recital 12")]),
    ("the 21st recital of Directive 95/46/EC",
     [("celex:31995L0046", "the 21st recital of Directive 95/46/EC", "recital 21")]),
    ("The 2nd and 3rd recitals of Directive 93/42/EEC state:",
     [("celex:31993L0042", "The 2nd and 3rd recitals of Directive 93/42/EEC",
       "recital 2; recital 3")]),
    ("the 5th to 7th recitals of Directive 93/42/EEC",
     [("celex:31993L0042", "the 5th to 7th recitals of Directive 93/42/EEC", "recitals 5-7")]),
    ("12th recital of Directive 93/42/EEC",
     [("celex:31993L0042", "12th recital of Directive 93/42/EEC", "recital 12")]),
    ("the 12TH RECITAL OF Directive 93/42/EEC",
     [("celex:31993L0042", "the 12TH RECITAL OF Directive 93/42/EEC", "recital 12")]),
    # the word and the numbered forms read the same
    ("the twelfth recital of Directive 93/42/EEC",
     [("celex:31993L0042", "the twelfth recital of Directive 93/42/EEC", "recital 12")]),
    ("recital 12 of Directive 93/42/EEC",
     [("celex:31993L0042", "recital 12 of Directive 93/42/EEC", "recital 12")]),
    # negative rows: no recital word after the ordinal, a date, a zero, four digits, a comma
    ("on the 12th of June Directive 93/42/EEC", [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 1st of the recitals of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 3rd Council Directive 93/42/EEC",
     [("celex:31993L0042", "Council Directive 93/42/EEC", "")]),
    ("the 0th recital of Directive 93/42/EEC", [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 1200th recital of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 5th recital, of course, in Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 12st recital of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 2th recital of Directive 93/42/EEC", [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 12thly recital of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the 2nd subparagraph of Article 3 of Directive 93/42/EEC",
     [("celex:31993L0042", "Article 3 of Directive 93/42/EEC", "art. 3")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DIGIT_RECITALS)
def test_digit_ordinal_recitals_before_an_act(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _eu(text) == expected


def test_digit_ordinal_recitals_of_an_act_named_before() -> None:
    text = (
        "Directive 93/42/EEC applies. The 5th recital of that directive says so. "
        "The 3rd and 5th recitals of the Directive say so."
    )
    found = [(c.text, str(c.pinpoint), c.short_form) for c in extract(text)]
    assert found == [
        ("Directive 93/42/EEC", "", False),
        ("The 5th recital of that directive", "recital 5", True),
        ("The 3rd and 5th recitals of the Directive", "recital 3; recital 5", True),
    ]


@pytest.mark.parametrize(
    ("word", "number"),
    [("12th", 12), ("21st", 21), ("2nd", 2), ("3rd", 3), ("101st", 101), ("12TH", 12),
     ("twelfth", 12), ("0th", None), ("12", None), ("12ab", None), ("th", None), ("12e", None),
     # the suffix agrees with the number: 1st, 2nd, 3rd, nth, and 11th to 13th
     ("11th", 11), ("13th", 13), ("111th", 111), ("112th", 112), ("22nd", 22), ("23rd", 23),
     ("12st", None), ("11st", None), ("13rd", None), ("2th", None), ("21th", None),
     ("4st", None), ("12nd", None), ("101th", None), ("1th", None)],
)  # fmt: skip
def test_ordinal_number_reads_digits_with_a_suffix(word: str, number: int | None) -> None:
    assert ENGLISH.ordinal_number(word) == number


def test_a_table_of_endings_must_name_the_rest() -> None:
    from citecheck.lexicon import _endings

    assert _endings({}) == {}
    assert _endings({"1": "st", "": "th"}) == {"1": "st", "": "th"}
    for bad in ({"1": "st"}, {"x": "st", "": "th"}, {"": ""}, ["st"]):
        with pytest.raises(ValueError, match="digit_ordinal_endings"):
            _endings(bad)


def test_only_a_lexicon_with_suffixes_reads_digit_ordinals() -> None:
    """French has no suffixes in its table: ``12e`` is no English-style ordinal there."""
    assert load("fr").digit_ordinal_suffixes == ()
    assert load("fr").ordinal_number("12th") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 12th recital of Directive 93/42/EEC", "recital 12"),
        ("the 4th, 5th and 6th recitals of Directive 93/42/EEC",
         "recital 4; recital 5; recital 6"),
        ("the 12th recital to Directive 93/42/EEC", "recital 12"),
        ("the 12th recital and Directive 93/42/EEC", ""),
        ("the 12th recital, Directive 93/42/EEC", ""),
        ("the 12th of Directive 93/42/EEC", ""),
    ],
)  # fmt: skip
def test_the_reader_before_a_citation_stops_at_the_digit_ordinal(text: str, expected: str) -> None:
    found = read_before(text, text.index("Directive"))
    assert (str(found.pinpoint) if found is not None else "") == expected
    assert found is None or found.start == 0
