"""Back-references in other languages are looked for only at the act nouns a word of the
pattern stands next to (``backrefs._lang_nouns``): the pre-check never drops the noun of a
match, and drops the English "Directive" that no such word is next to.

The phrases are generated from the lexicon tables the pattern is built from, so a word added
to a table is covered here too.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citecheck.families import FAMILIES, Document, backrefs, base
from citecheck.lexicon import CHARACTERS
from citecheck.scan import _anchor_literals


def _indexed(text: str) -> Document:
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    return doc


def _phrases(field: str) -> list[str]:
    return sorted({w for lex in backrefs._LANG_TABLES for w in getattr(lex, field)})


#: Nouns whose first word is a noun too: the ones matched at a hit (the others make the
#: family search every window, whatever the pre-check says).
_NOUNS = sorted(n for n in backrefs._LANG_NOUNS if n.split()[0] in backrefs._LANG_NOUNS)
_SPACES = [c * k for c in CHARACTERS.horizontal_spaces for k in (1, 2)]


def _written(noun: str) -> list[str]:
    return [noun, noun[0].upper() + noun[1:]]


def _generated() -> list[str]:
    """Every word before a noun and every word after one, with every noun (as written in
    lower case and capitalised) and every space the pattern allows between them."""
    texts = []
    for i, noun in enumerate(_NOUNS):
        space = _SPACES[i % len(_SPACES)]
        for lead in (*_phrases("back_reference_words"), *_phrases("demonstratives")):
            texts += [f"Vu l'article 5 {lead}{space}{n} et" for n in _written(noun)]
        for after in _phrases("back_reference_after"):
            texts += [f"Vu la {n}{space}{after}, art. 3" for n in _written(noun)]
    return texts


def _matches_in_windows(doc: Document) -> list[tuple[int, int]]:
    near = base.matches_near(
        backrefs._LANG_BACKREF, doc.hits(backrefs._LANG_HITS), doc.text,
        before=backrefs._REACH, after=backrefs._AFTER,
    )  # fmt: skip
    return [m.span() for m in near]


GENERATED = _generated()


def test_every_phrase_of_the_tables_is_a_match_and_keeps_its_noun() -> None:
    assert len(GENERATED) > 1000
    for text in GENERATED:
        doc = _indexed(text)
        found = [m.span() for m in backrefs._LANG_BACKREF.finditer(text)]
        assert found, text  # each generated phrase is a back-reference
        kept = {start for start, _ in backrefs._lang_nouns(text, doc.hits(backrefs._LANG_HITS))}
        assert kept, text
        assert [m.span() for m in backrefs._lang_matches(doc)] == found, text


@pytest.mark.parametrize(
    "text",
    [
        "Council Directive 2000/78/EC of 27 November 2000",
        "the Directive requires; that Directive applies",
        "Directive (EU) 2016/680 and the said Directive",
        "la directive 2016/680 du Parlement",  # a number follows: an act, not a back-reference
        "die Richtlinie (EU) 2016/680",
        "el Reglamento (UE) 2016/679",
    ],
)
def test_nouns_no_word_of_the_pattern_stands_next_to_are_dropped(text: str) -> None:
    doc = _indexed(text)
    hits = doc.hits(backrefs._LANG_HITS)
    assert hits
    assert backrefs._lang_nouns(text, hits) == []
    assert list(backrefs._lang_matches(doc)) == []


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("l'article 6 dudit règlement", "règlement"),
        ("ladite directive d'exécution s'applique", "directive"),
        ("la directive\u00a0précitée", "directive"),
        ("der genannten Verordnung", "Verordnung"),
        ("dicha Directiva", "Directiva"),
    ],
)
def test_nouns_a_word_of_the_pattern_stands_next_to_are_kept(text: str, noun: str) -> None:
    doc = _indexed(text)
    kept = backrefs._lang_nouns(text, doc.hits(backrefs._LANG_HITS))
    assert text.index(noun) in {start for start, _ in kept}
    assert [m.span() for m in backrefs._lang_matches(doc)] == _matches_in_windows(doc)


_TOKENS = [
    "Directive", "directive", "Règlement", "Verordnung", "reglamento", "directive d'exécution",
    "dudit ", "ladite ", "de la même ", "der genannten ", "dicha ", "cette ", "ce ", "esta ",
    " précitée", " citada", " susvisé", " antes citado", " 2016/679", " (UE)", "the ", "of ",
    " ", "  ", "\u00a0", "\n", "x", "(", "'",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
@example(text="Directive " * 30 + "dudit règlement")
@example(text="directive précitée " + "Directive " * 30)
def test_matches_at_the_kept_nouns_are_those_of_every_window(text: str) -> None:
    doc = _indexed(text)
    assert [m.span() for m in backrefs._lang_matches(doc)] == _matches_in_windows(doc)
