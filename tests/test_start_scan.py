"""The instruments family's start-word scan (a prefix tree) finds exactly what the flat
alternation, longest word first, finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.anchors import prefix_tree_pattern as _prefix_tree_pattern

_WORDS = st.frozensets(st.text(alphabet="abcé", min_size=1, max_size=5), min_size=1, max_size=8)


def _flat(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abcé ", max_size=60))
def test_prefix_tree_matches_like_the_flat_alternation(words: frozenset[str], text: str) -> None:
    tree = re.compile(_prefix_tree_pattern(words))
    flat = _flat(words)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_longest_word_wins_at_a_position() -> None:
    words = frozenset({"Conv", "Convention", "Convención", "Pacto"})
    tree = re.compile(_prefix_tree_pattern(words))
    assert [m.group() for m in tree.finditer("Convention, Convención, Conva, Pacto")] == [
        "Convention", "Convención", "Conv", "Pacto"
    ]
