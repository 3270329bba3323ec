"""French and Spanish letters that close with ")" only list like English "(a) and (b)"."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.pinpoints import split_numbers
from citecheck.un_languages import pinpoint_lexicon

CASES = [
    ("A/HRC/41/35, par. 5 a) et b).", "para. 5(a); para. 5(b)"),
    ("A/HRC/41/35, párr. 5 a) y b).", "para. 5(a); para. 5(b)"),
    ("A/HRC/41/35, par. 17 a), b) et c).", "para. 17(a); para. 17(b); para. 17(c)"),
    ("E/C.12/GC/24, párr. 8 c), d) y e).", "para. 8(c); para. 8(d); para. 8(e)"),
    ("A/HRC/41/35, párrs. 5 a) y 7 b).", "para. 5(a); para. 7(b)"),
    # the English form, for comparison: the same list
    ("A/HRC/41/35, para. 5 (a) and (b).", "para. 5(a); para. 5(b)"),
    # a letter alone after the number is still one sub-division
    ("A/HRC/41/35, par. 5 a).", "para. 5(a)"),
]


@pytest.mark.parametrize(("text", "pinpoint"), CASES)
def test_letter_list_pinpoints(text: str, pinpoint: str) -> None:
    (cit,) = citecheck.extract(text)
    assert str(cit.pinpoint) == pinpoint


@pytest.mark.parametrize(
    ("raw", "values"),
    [
        ("5 a) et b)", ["5(a)", "5(b)"]),
        ("17 a), b) et c)", ["17(a)", "17(b)", "17(c)"]),
        ("3 ii) y iii)", ["3(ii)", "3(iii)"]),
        ("5 (a) and (b)", ["5(a)", "5(b)"]),
    ],
)
def test_split_numbers_reads_closing_paren_letters(raw: str, values: list[str]) -> None:
    items = split_numbers(raw, pinpoint_lexicon())
    assert [item.value for item in items] == values
