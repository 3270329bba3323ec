"""The SP communication family reads the "/" of the document's anchor index, and refuses a
slash with no digit before it first (issue #12, speed): the anchors stay those the full
checks give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import Document
from citecheck.families.base import literal_hits
from citecheck.families.spcomm import _anchors, candidates


def _anchors_read_in_full(text: str) -> Iterator[tuple[int, int]]:
    """The anchor checks without the digit pre-check, at every "/" found in the text."""
    for start, end in literal_hits(text, ("/",)):
        if text[end : end + 2] not in ("19", "20") and not (
            text[start - 4 : start - 2] in ("19", "20") and text[start - 2 : start].isdigit()
        ):
            continue
        i = start - 1
        while i > start - 5 and i >= 0 and text[i].isdecimal():
            i -= 1
        if i == start - 1 or i < 1:
            continue
        if text[i] == "/":
            i -= 1
        else:
            stop = i - 6
            while i > stop and i >= 0 and text[i].isspace():
                i -= 1
        if i >= 1 and "A" <= text[i] <= "Z" and "A" <= text[i - 1] <= "Z":
            yield start, end


@pytest.mark.parametrize(
    ("text", "anchors"),
    [
        ("AL ISR 7/2021", [8]),
        ("UA EGY 2020/3", [11]),
        ("AL/ISR/8/2021", [8]),
        ("AL ISR \u0667/2021", [8]),  # a running number in another script's digits
        ("/2021 at the start", []),
        ("and/or 2021", []),
        ("AL ISR x/2021", []),
        ("AL ISR 7/abcd", []),
    ],
)
def test_anchor_table(text: str, anchors: list[int]) -> None:
    slashes = Document(text).hits(("/",))
    assert [start for start, _ in _anchors(text, slashes)] == anchors
    assert list(_anchors(text, slashes)) == list(_anchors_read_in_full(text))


_FRAGMENTS = st.sampled_from(
    ["AL ", "UA ", "ISR ", "7/2021", "2021/7", "/", "/20", "/19", "20", "19", "x", " ",
     "\u00a0", "\n", "MRT1/2020", "AL/ISR/7/2021", "a/", "\u0667", "\u00b2", "İ"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=20))
def test_the_index_and_the_pre_check_give_the_anchors_of_the_full_checks(
    parts: list[str],
) -> None:
    text = "".join(parts)
    slashes = Document(text).hits(("/",))
    assert list(_anchors(text, slashes)) == list(_anchors_read_in_full(text))
    found = [(m.start(), m.end()) for m in candidates(text, slashes)]
    assert found == [(m.start(), m.end()) for m in candidates(text)]
