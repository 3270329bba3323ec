"""The per-document hit lists the EU families share give what reading the text directly gives.

Why: the act and case families read their numbers from one cached list of "/" between digits
(``Document.digit_slashes``) and ``Document.hits`` skips the as-written check for literals
without letters; these compare each against a plain pass over the text, with and without the
anchor index, on made-up texts holding the odd characters (superscript digits, "İ", Arabic
digits, "/" at the text's edges).
"""

from __future__ import annotations

import re

import pytest

from citecheck.families import FAMILIES, Document, cjeu, eu_acts
from citecheck.hidden import CANDIDATES
from citecheck.scan import _anchor_literals

TEXTS = [
    "",
    "/",
    "1/",
    "/2",
    "1/2",
    "Directive 93/13/EEC and Regulation (EU) 2016/679",
    "A/HRC/53/25 and resolution 60/251 of 2006",
    "Case C-293/12 and Joined Cases C-293/12 and C-594/12, Case 6/64",
    "superscript ²/³ and 1²/3 and ²/2 and Arabic ٣/٤",
    "İstanbul 12/34 İİ 5/6 and 1/2/3/4 and 10//20",
    "ECLI:EU:C:2014:238 and eu: 19/20 ce:echr:2014",
    "text ending in a number 2016/",
]


def _documents(text: str) -> list[Document]:
    """The text as the scan sees it (anchors indexed) and without an index."""
    indexed = Document(text)
    indexed.index_anchors(_anchor_literals(tuple(FAMILIES)), CANDIDATES)
    return [indexed, Document(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_digit_slashes_are_every_slash_between_digits(text: str) -> None:
    expected = [
        i
        for i, c in enumerate(text)
        if c == "/" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    ]
    for doc in _documents(text):
        assert doc.digit_slashes == expected


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("literals", [("/",), ("19", "20"), ("/", "eu:"), ("ecli", "2")])
def test_exact_hits_are_the_written_occurrences(text: str, literals: tuple[str, ...]) -> None:
    expected = sorted(
        (m.start(), m.start() + len(lit))
        for lit in literals
        for m in re.finditer(f"(?={re.escape(lit)})", text)
    )
    for doc in _documents(text):
        assert doc.hits(literals, exact=True) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_act_numbers_are_the_digit_slash_digit_matches(text: str) -> None:
    expected = [m.start() for m in re.finditer(r"\d/\d", text)]
    for doc in _documents(text):
        assert eu_acts._slashed_numbers(doc) == expected
        # read twice: the second answer comes from the document and is the same
        assert eu_acts._slashed_numbers(doc) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_case_hits_are_the_case_numbers_and_word_anchors(text: str) -> None:
    low = text.replace("\u0130", "i").lower()  # as Document.lower: offsets kept
    slash_after_number = cjeu._CASE_NUMBER_SLASH.match
    expected = sorted(
        [
            (i - 1, i + 2)
            for i, c in enumerate(text)
            if c == "/"
            and 0 < i < len(text) - 1
            and text[i - 1].isdigit()
            and text[i + 1].isdigit()
            and slash_after_number(text, i) is not None
        ]
        + [
            (m.start(), m.start() + len(word))
            for word in ("ecli", "eu:", "ce:echr:")
            for m in re.finditer(f"(?={re.escape(word)})", low)
        ]
    )
    for doc in _documents(text):
        assert cjeu._case_hits(doc) == expected
