"""The French, Spanish and German pinpoint grammars are built only for a text that needs them,
and their ordinals are written compactly (a trie) yet match exactly what the flat
alternations of every word matched."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import regex

from citecheck.lexicon import WORD_GAP, alternation, load, trie_alternation

# ---------------------------------------------------------------------------------------------
# 1. which grammars a first extract builds (counted in a fresh process: the builds are cached;
# a language's grammar with and without its one-word compound ordinals counts once)

_COUNT_BUILDS = """
import functools, json, sys
from citecheck.pinpoints import languages
build = languages._grammar.__wrapped__
built = []
@functools.cache
def counting(language, compounds=True):
    built.append(language)
    return build(language, compounds)
languages._grammar = counting
import citecheck
citecheck.extract(sys.stdin.read())
print(json.dumps(sorted(set(built))))
"""

BUILD_ROWS = [
    # English: no grammar of another language, even with "article", "Art." and a trigger word
    # of the treaties family (" tue" in "Tuesday")
    (
        "On Tuesday the Court held that Article 47 of the Charter and Art. 6 TEU apply, as "
        "does Article 6(1)(c) of Regulation (EU) 2016/679 and A/RES/60/1, article 5.",
        [],
    ),
    ("See Case C-311/18, paragraph 94, and Article 267 TFEU.", []),
    # each language builds its own, and only its own
    ("Conformément à l'article 6 du TUE et au règlement (UE) 2016/679, article 5.", ["fr"]),
    ("De conformidad con el artículo 6 del TUE y el Reglamento (UE) 2016/679.", ["es"]),
    ("Nach Art. 6 Abs. 1 EUV und Artikel 5 der Verordnung (EU) 2016/679 gilt.", ["de"]),
]


@pytest.mark.parametrize(("text", "built"), BUILD_ROWS)
def test_a_first_extract_builds_only_the_grammars_its_languages_need(
    text: str, built: list[str]
) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _COUNT_BUILDS],
        input=text,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == built


# ---------------------------------------------------------------------------------------------
# 2. the tries match what the flat alternations of every word match, at the same length


def _written_forms(word: str) -> list[str]:
    """``word`` as texts write it and the near misses around it."""
    spaced = " ".join(word.split())
    forms = {spaced, spaced.replace(" ", "-"), spaced.replace(" ", "  "), spaced.upper()}
    forms |= {spaced.capitalize(), spaced + "s", spaced[:-1], spaced + " considérant"}
    forms |= {spaced + ",", spaced + "-", "x" + spaced, spaced.replace(" ", "\n  ")}
    return sorted(forms)


def _span(pattern: regex.Pattern[str], text: str) -> tuple[int, int] | None:
    m = pattern.match(text)
    return m.span() if m else None


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
def test_every_ordinal_of_the_tables_reads_as_before(language: str) -> None:
    lex = load(language)
    new = regex.compile(lex.compact_ordinal_pattern)
    old = regex.compile(lex.ordinal_pattern)
    words = {
        *lex._ordinal_by_word,
        *lex.numbered_ordinals,
        *lex.ordinal_variants,
        *lex.tens,
        *lex.tens_ordinals,
        *lex.joined_tens,
        *lex.compound_openers,
    }
    assert len(words) > 20
    checked = 0
    for word in sorted(words):
        for text in _written_forms(word):
            assert _span(new, text) == _span(old, text), (language, text)
            checked += _span(new, text) is not None
    assert checked > len(words) / 2  # most forms are read, not all missed alike


TRIE_WORDS = [
    ("art", "art.", "arts.", "article", "articles", "Art."),
    ("premier alinéa", "premier", "premiers", "premier alinéa bis"),
    ("erste", "ersten", "erster", "erstes", "erstem", "e", "er"),
    ("und", "oder", "sowie", "und/oder", "bzw."),
]
TRIE_TEXTS = [
    "art. 5",
    "art 5",
    "arts. 5",
    "Article 5",
    "articles",
    "articlesx",
    "premier alinéa",
    "premier\n   alinéa bis",
    "premier  alinéas",
    "premiers",
    "ersten Absatz",
    "erstens",
    "ERSTEM",
    "e)",
    "er,",
    "und/oder",
    "undoder",
    "bzw.",
    "bzw",
    "",
]


@pytest.mark.parametrize("words", TRIE_WORDS)
def test_the_trie_matches_what_the_alternation_matches(words: tuple[str, ...]) -> None:
    flat = regex.compile(alternation(words))
    trie = regex.compile(trie_alternation(words))
    for text in TRIE_TEXTS:
        assert _span(trie, text) == _span(flat, text), text
    # inside a longer pattern, with backtracking into the words
    flat_then = regex.compile(rf"(?:{alternation(words)})(?:{WORD_GAP}\d|\.)")
    trie_then = regex.compile(rf"(?:{trie_alternation(words)})(?:{WORD_GAP}\d|\.)")
    for text in TRIE_TEXTS:
        assert _span(trie_then, text) == _span(flat_then, text), text


def test_the_trie_is_smaller_for_declined_words() -> None:
    german = load("de")
    words = (*german.numbered_ordinals, *german.ordinal_variants)
    assert len(trie_alternation(words)) * 2 < len(alternation(words))
    assert len(german.compact_ordinal_pattern) * 2 < len(german.ordinal_pattern)
