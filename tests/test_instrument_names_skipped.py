"""Where no full name can be read, the instrument grammar is tried without its names
(``instruments._match_at``): the match must be the whole grammar's, span and every group.

The texts are generated from the grammar's words and the catalog's names, abbreviations and
short names (``tests/test_instrument_starts.py``), in the shapes around which a name is read
at the start of a match or after an article or principle list, and where it is not."""

from __future__ import annotations

import pytest
import regex
from family_helpers import instrument_catalog_phrases
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import Document, instruments

PHRASES = instrument_catalog_phrases()
#: every start word of the grammar as written ("Article", "arts.", "Commentary", "CRC")
GRAMMAR_WORDS = sorted(instruments._ALL_START_WORDS)


def _differences(text: str) -> list[str]:
    """The start words where the match tried without names differs from the whole grammar's."""
    whole = instruments._pattern()
    missed = []
    for start, word in instruments._start_hits(Document(text)):
        got, expected = instruments._match_at(text, start, word), whole.match(text, start)
        if _read(got) != _read(expected):
            missed.append(f"{word!r} at {start} in {text!r}")
    return missed


def _read(m: regex.Match[str] | None) -> object:
    return None if m is None else (m.span(), {g: m.span(g) for g in m.re.groupindex})


_SHAPES = (
    "{}",
    "{}, art. 5",
    "{},art. 5",
    "{} (ICCPR), article 5 (b)",
    "{}, principle 5",
    "{}.",
    "{}  on the Rights",
    "the {} also",
    "article 5 of the {}",
    "article 5 of the {}, art. 6",
    "Articles 5 and 6 of {}",
    "art. 5 under the  {}",
    "article 5 of the\n{}",
    "article 5 of the                       {}",
    "article 5 de la {}",
    "article 5 du {}",
    "Principle 5 of the {}",
    "commentary to Principle 5 of the {}",
    "Guiding Principle 5 of the {}",
    "article 5 {}",
    "principle 5 {} on",
)


def test_the_shapes_read_names_both_ways() -> None:
    # the shapes exercise both paths: names left out, and the whole grammar after all
    text = "article 5 of the International Covenant on Civil and Political Rights"
    m = instruments._match_at(text, 0, "article")
    assert m is not None and m.group("rname") is not None
    text = "article 5 of this Regulation"
    m = instruments._match_at(text, 0, "article")
    assert m is not None and m.group("rother") is not None
    text = "CRC, art. 5"
    m = instruments._match_at(text, 0, "CRC")
    assert m is not None and m.group("nf_list") == "5"


@pytest.mark.parametrize("shape", _SHAPES)
def test_every_phrase_in_every_shape(shape: str) -> None:
    missed = []
    for written in dict.fromkeys((*PHRASES, *(p.lower() for p in PHRASES), *GRAMMAR_WORDS)):
        missed += _differences(shape.format(written))
    assert missed == []


_GLUE = [" ", "  ", "\n", ", ", ". ", "(", ")", "5", "3 (b)", "x", "the ", "of the ", " of "]


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(
        st.one_of(st.sampled_from(GRAMMAR_WORDS), st.sampled_from(PHRASES), st.sampled_from(_GLUE)),
        max_size=16,
    )
)
def test_generated_texts(tokens: list[str]) -> None:
    assert _differences("".join(tokens)) == []
