"""``Document.hits`` reads each key's occurrences once for all the literals spelling it: it
gives what looking for each literal on its own gives, case and all, from the anchor index or
without it, for the literal sets the families ask for and for made-up ones (duplicates, case
forms of one key, literals of other lengths once lower-cased, caseless ones)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import FAMILIES, Document, instruments
from citecheck.families.base import _find_each
from citecheck.scan import _anchor_literals


def _each_on_its_own(
    doc: Document, literals: tuple[str, ...], exact: bool
) -> list[tuple[int, int]]:
    """Every literal looked for by itself in the lower-cased text, then kept where it is
    written so (``exact``): what ``hits`` answered before it grouped the literals."""
    spans = []
    for lit in literals:
        n = len(lit)
        for start in _find_each(doc.lower, lit.lower() if exact else lit):
            caseless = lit.isascii() and not any(c.isalpha() for c in lit)
            if not exact or caseless or doc.text.startswith(lit, start):
                spans.append((start, start + n))
    return sorted(spans)


_LITERALS = _anchor_literals(FAMILIES)
#: literals of the kinds a family asks for, and odd ones: case forms of one key, a duplicate,
#: a caseless literal, "İ" (two code points once lower-cased), a literal no one indexes
_ASKED = (
    "UN", "Un", "un", "EU", "eu", "Article", "ARTICLE", "article", "Article", "/", "19",
    "İstanbul", "art.", "Arts.", "cat", "CAT", "zz", "Zz",
)  # fmt: skip
_TOKENS = [
    "UN", "un", "Un", "uN", "EU", "Eu", "Article", "ARTICLE", "article", "aRTICLE", "İ",
    "İstanbul", "istanbul", "/", "19", "art.", "Arts.", "CAT", "cat", "zz", "ZZ", "x", " ",
    "_", "ſ", "K", "\u212a",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join),
    literals=st.lists(st.sampled_from(_ASKED), max_size=8).map(tuple),
    exact=st.booleans(),
    indexed=st.booleans(),
)
def test_hits_as_each_literal_on_its_own(
    text: str, literals: tuple[str, ...], exact: bool, indexed: bool
) -> None:
    doc = Document(text)
    if indexed:
        doc.index_anchors(_LITERALS)
    asked = literals if exact else tuple(lit.lower() for lit in literals)
    assert doc.hits(asked, exact=exact) == _each_on_its_own(doc, asked, exact)


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_TOKENS + list(instruments._ALL_START_WORDS)), max_size=30))
def test_instrument_start_words_as_each_on_its_own(text: list[str]) -> None:
    doc = Document(" ".join(text))
    doc.index_anchors(_LITERALS)
    words = instruments._ALL_START_WORDS
    assert doc.hits(words, exact=True) == _each_on_its_own(doc, words, True)


def test_case_forms_of_one_key_each_found() -> None:
    doc = Document("Article 5, ARTICLE 6 and article 7; UN, Un")
    doc.index_anchors(_LITERALS)
    assert doc.hits(("Article", "ARTICLE", "UN"), exact=True) == [(0, 7), (11, 18), (36, 38)]
    # asked twice, found twice (as before the grouping)
    assert doc.hits(("UN", "UN"), exact=True) == [(36, 38), (36, 38)]
