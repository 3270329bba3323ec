"""One pass over the text that finds every anchor literal of every family.

Why: each family's grammar is tried only near its anchors (``Document.hits``). Looking for
each literal with its own ``str.find`` loop, or testing ``lit in text`` per trigger word, read
the whole text once per literal: about ten whole-text passes per document. Here all literals
are found together, overlapping occurrences included, and each family reads its own.

Two engines give the same answer: a compiled Aho-Corasick automaton (``ahocorasick-rs``, a
dependency on every platform it ships wheels for; about 3x the cost of one ``/[0-9]`` regex
pass), and, where it is missing or ``CITECHECK_PURE_SCAN=1`` is set, one standard-library
``re`` pass of the literals as a prefix tree in a lookahead, which finds the longest literal
at each position; the others there are the literals that are prefixes of it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import Any

#: Set to 1 to use the pure-Python engine even where the compiled one is installed.
PURE_ENV = "CITECHECK_PURE_SCAN"

#: literal -> ascending start offsets of its occurrences (every one, overlapping included)
Starts = dict[str, list[int]]


def engine() -> str:
    """``"compiled"`` or ``"pure"``: which engine :func:`find_all` uses now."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return "pure"
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        return "pure"
    return "compiled"


def find_all(haystack: str, literals: frozenset[str]) -> Starts:
    """Where each literal occurs in ``haystack``, all in one pass (absent literals omitted)."""
    if not literals:
        return {}
    return _finder(literals, engine())(haystack)


@functools.lru_cache(maxsize=16)
def _finder(literals: frozenset[str], kind: str) -> Callable[[str], Starts]:
    ordered = tuple(sorted(literals))
    if kind == "compiled":
        return _compiled(ordered)
    return _pure(ordered)


def _compiled(literals: tuple[str, ...]) -> Callable[[str], Starts]:
    import ahocorasick_rs

    # The DFA costs a little more to build (once per process) and scans about 3x faster
    # than the default NFA with overlapping matches.
    automaton = ahocorasick_rs.AhoCorasick(
        list(literals), implementation=ahocorasick_rs.Implementation.DFA
    )

    pure = _pure(literals)

    def find(haystack: str) -> Starts:
        starts: Starts = {}
        try:
            matches = automaton.find_matches_as_indexes(haystack, overlapping=True)
        except UnicodeEncodeError:
            return pure(haystack)  # a lone surrogate (undecodable bytes read with surrogateescape)
        for index, start, _end in matches:
            lit = literals[index]
            found = starts.get(lit)
            if found is None:
                starts[lit] = [start]
            else:
                found.append(start)
        # Overlapping matches come in order of their ends: sort each literal's starts.
        for found in starts.values():
            found.sort()
        return starts

    return find


def _pure(literals: tuple[str, ...]) -> Callable[[str], Starts]:
    scan = re.compile("(?=(" + prefix_tree_pattern(literals) + "))").finditer
    wanted = frozenset(literals)
    # The literals that occur wherever a given one does: itself and its prefixes.
    prefixes = {
        lit: tuple(lit[:n] for n in range(1, len(lit) + 1) if lit[:n] in wanted) for lit in literals
    }

    def find(haystack: str) -> Starts:
        starts: Starts = {}
        for m in scan(haystack):
            start = m.start()
            for lit in prefixes[m.group(1)]:
                found = starts.get(lit)
                if found is None:
                    starts[lit] = [start]
                else:
                    found.append(start)
        return starts

    return find


def prefix_tree_pattern(words: tuple[str, ...] | frozenset[str]) -> str:
    """An alternation of ``words`` as a prefix tree that, like the flat alternation longest
    first, matches the longest word at each position (siblings differ in their first
    character, and going on is tried before stopping)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
