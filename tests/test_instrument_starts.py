"""Every place the instrument grammar can match begins with one of the start words the anchored
matching tries it at; where the grammar is tried at each start word, the small checks before
it reject no match, and the shapes that can begin with the word match as the whole grammar.

The phrases tried are generated, not listed: every word the grammar's source spells out
(``[Aa]rticles?`` as each of its forms) and every name, abbreviation and short name of the
catalog in ``citecheck/data/instruments.json``, in every language, in the shapes a citation
takes around them."""

from __future__ import annotations

import itertools

import pytest
import regex
from family_helpers import instrument_catalog_phrases
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import FAMILIES, Document, instruments
from citecheck.scan import _anchor_literals

#: a word of the grammar's source: letters and one-letter classes, each perhaps optional
_SOURCE_WORD = regex.compile(r"(?:(?:\[[^\]\\]{2,3}\]|[A-Za-z\u00c0-\u00ff])\??)+")
_ELEMENT = regex.compile(r"(?:\[(?P<chars>[^\]\\]{2,3})\]|(?P<char>.))(?P<optional>\?)?")


def _forms(word: str) -> list[str]:
    """``[Aa]rt[íi]culos?`` as each word it stands for."""
    choices = []
    for m in _ELEMENT.finditer(word):
        chars = list(m.group("chars") or m.group("char"))
        choices.append(["", *chars] if m.group("optional") else chars)
    return ["".join(p) for p in itertools.product(*choices)]


def _grammar_words() -> list[str]:
    source = instruments._pattern().pattern
    words = {f for w in _SOURCE_WORD.findall(source) for f in _forms(w) if len(f) > 1}
    return sorted(words)


GRAMMAR_WORDS = _grammar_words()
PHRASES = instrument_catalog_phrases()
LITERALS = _anchor_literals(FAMILIES)


def _uncovered(text: str) -> list[int]:
    """Where the grammar matches in ``text`` (``finditer``) but no start word begins."""
    starts = {start for start, _word in instruments._start_hits(Document(text))}
    words = instruments._ALL_START_WORDS
    return [
        m.start()
        for m in instruments._pattern().finditer(text)
        if m.start() not in starts and not text.startswith(words, m.start())
    ]


def _anchored(text: str) -> list[tuple[int, int]]:
    doc = Document(text)
    doc.index_anchors(LITERALS)
    return [m.span() for m in instruments.InstrumentsFamily._matches(doc)]


def _shapes_differ(text: str) -> bool:
    """Does the grammar of a start word's shapes match otherwise than the whole grammar
    there (span, or any group)?"""
    whole = instruments._pattern()
    for start, word in instruments._start_hits(Document(text)):
        got, expected = instruments._grammar_at(word).match(text, start), whole.match(text, start)
        if (got is None) != (expected is None):
            return True
        if got is not None and expected is not None:
            spans = {g: got.span(g) for g in expected.groupdict()}
            if got.span() != expected.span() or spans != {
                g: expected.span(g) for g in expected.groupdict()
            }:
                return True
    return False


def _at_every_start(text: str) -> list[tuple[int, int]]:
    """The grammar tried at every start word, with no check before it."""
    pattern, end, spans = instruments._pattern(), 0, []
    for start in instruments._start_positions(Document(text)):
        if start >= end and (m := pattern.match(text, start)) is not None:
            end = m.end()
            spans.append(m.span())
    return spans


def test_the_sources_are_read() -> None:
    # the generation finds the grammar's shapes and the catalog's names, not nothing
    assert {"Article", "articles", "ARTICLES", "Arts", "artículo", "Commentary"} <= set(
        GRAMMAR_WORDS
    )
    assert {"Guiding", "Principles", "Covenant", "Protocol", "Statute"} <= set(GRAMMAR_WORDS)
    assert "International Covenant on Civil and Political Rights" in PHRASES
    assert "ICCPR" in PHRASES and len(PHRASES) > 200


_SHAPES = (
    "{} 5",
    "{}, art. 5",
    "{}, article 5 (b)",
    "{}, principle 5",
    "{} Principle 5",
    "{} to Principle 5",
    "{} on the Guiding Principle 5",
    "{} (ICCPR), art. 5",
    "article 5 of the {}",
    "articles 5 and 6 of {}",
    "The {} also",
    "these {} say",
    "{} on the Rights of Persons",
    "{} No. 5",
    "{}\n7",
    "x{} 5",
)


@pytest.mark.parametrize("shape", _SHAPES)
def test_every_phrase_in_every_shape(shape: str) -> None:
    missed = []
    # the grammar's words come in each case they are written; names in lower case too
    for written in dict.fromkeys((*PHRASES, *(p.lower() for p in PHRASES), *GRAMMAR_WORDS)):
        text = shape.format(written)
        if _uncovered(text) or _anchored(text) != _at_every_start(text) or _shapes_differ(text):
            missed.append(text)
    assert missed == []


_GLUE = [" ", " ", "  ", "\n", ", ", ". ", "(", ")", "5", "12", "3 (b)", "x", "the ", "of "]


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(
        st.one_of(st.sampled_from(GRAMMAR_WORDS), st.sampled_from(PHRASES), st.sampled_from(_GLUE)),
        max_size=16,
    )
)
def test_every_match_begins_at_a_start_word(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert _uncovered(text) == []
    assert _anchored(text) == _at_every_start(text)
    assert not _shapes_differ(text)


def _flat_names(names: list[tuple[str, bool]]) -> regex.Pattern[str]:
    """The names as one alternation, longest first: what the prefix tree replaces."""
    ordered = sorted(names, key=lambda item: -len(item[0]))
    alts = "|".join(
        instruments._words(n) + (instruments._QUALIFIER if is_open else "")
        for n, is_open in ordered
    )
    return regex.compile(r"(?i:" + alts + r")(?![^\W\d])")


_NAMES = [
    (n, n in inst.open_names) for inst in instruments._CAT.instruments.values() for n in inst.names
]
# made-up names in the shapes that make a tree differ from a list: one name inside another,
# a last word inside a longer one, an open name and a closed one of the same words
_MADE_UP = [
    ("Alpha Beta", False),
    ("Alpha Beta-Gamma", False),
    ("Alpha Beta Gamma Delta", True),
    ("Alpha Bet", False),
    ("ALPHA beta gamma", False),
    ("Alpha Beta Gamma", True),
]
_NAME_WORDS = sorted({w for n, _ in (*_NAMES, *_MADE_UP) for w in n.split()})


@pytest.mark.parametrize("names", [_NAMES, _MADE_UP], ids=["catalog", "made-up"])
@settings(max_examples=150, deadline=None)
@given(
    tokens=st.lists(
        st.one_of(
            st.sampled_from(_NAME_WORDS),
            st.sampled_from([n for n, _ in (*_NAMES, *_MADE_UP)]),
            st.sampled_from([" ", " ", "\n", "-", " on ", " of the ", "x", "5"]),
        ),
        max_size=12,
    ),
    upper=st.booleans(),
)
def test_name_tree_matches_as_the_list(
    names: list[tuple[str, bool]], tokens: list[str], upper: bool
) -> None:
    text = "".join(tokens)
    text = text.upper() if upper else text
    tree = regex.compile(r"(?i:" + instruments._name_tree(names) + r")(?![^\W\d])")
    flat = _flat_names(names)
    for start in range(len(text)):
        got, expected = tree.match(text, start), flat.match(text, start)
        assert (got and got.span()) == (expected and expected.span()), text[start:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alpha Beta-Gamma 5", "Alpha Beta-Gamma"),  # the longer last word first
        ("alpha beta gamma delta 5", "alpha beta gamma delta"),  # going on first
        ("Alpha Beta Gamma Delta on x", "Alpha Beta Gamma"),  # an open name, qualified
        ("ALPHA BETA GAMMA on x", "ALPHA BETA GAMMA"),  # closed as well: no qualifier
        ("Alpha Bet 5", "Alpha Bet"),
        ("Alpha Betas", None),
    ],
)
def test_name_tree_known_cases(text: str, expected: str | None) -> None:
    tree = regex.compile(r"(?i:" + instruments._name_tree(_MADE_UP) + r")(?![^\W\d])")
    for pattern in (tree, _flat_names(_MADE_UP)):
        m = pattern.match(text)
        assert (m and m.group(0)) == expected
