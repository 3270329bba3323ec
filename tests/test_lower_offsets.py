"""``Document.lower`` keeps every offset: the families and the short-form stage read offsets
found in the lower-cased text as offsets of the text without lower-casing it to check."""

from __future__ import annotations

import sys

import pytest

from citecheck.families import Document
from citecheck.shortforms import notes_heading


def test_lower_keeps_every_offset_of_every_code_point() -> None:
    text = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert len(Document(text).lower) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Body İİ text\nNotes\n1. A/HRC/1/1\n", "Body İİ text\nNotes"),
        ("İSTANBUL notes that\nNOTES\n1 x\n", "İSTANBUL notes that\nNOTES"),
        ("ẞ Kelvin \u212a notes\n  Endnotes:\n1. x", "ẞ Kelvin \u212a notes\n  Endnotes:"),
        ("the Committee notes\nthat it notes\n", None),
    ],
)
def test_notes_heading_found_in_texts_with_odd_case(text: str, expected: str | None) -> None:
    """The heading line is found in the text itself, whatever its non-ASCII capitals."""
    doc = Document(text)
    found = notes_heading(doc)
    assert (None if found is None else text[:found]) == expected
