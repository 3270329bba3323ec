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

The compiled engine also reads the text as written (:func:`find_folded`): lower-casing only its
ASCII letters (a byte-wise pass, a third of the cost of ``str.lower``) and looking for each
literal in every case its other letters can take gives the offsets a search of the
lower-cased text gives, and single characters asked for as written (the invisible and
look-alike ones :mod:`citecheck.hidden` reads through) are found in the same pass. It reads
the text as Latin-1 bytes (one byte per code point, "?" for the others), checking the few
"?" against the text.
"""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

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
    owners = [(lit,) for lit in literals]

    def find(haystack: str) -> Starts:
        try:
            matches = automaton.find_matches_as_indexes(haystack, overlapping=True)
        except UnicodeEncodeError:
            return pure(haystack)  # a lone surrogate (undecodable bytes read with surrogateescape)
        return _by_literal(_by_pattern(matches), owners)

    return find


#: The characters whose lower case is not found by lower-casing ASCII letters and trying each
#: other letter as itself and in upper case: "İ" (two code points), the Kelvin sign, the ohm
#: and angstrom signs, title-case digraphs, Greek letters with a subscript. A text holding one
#: is lower-cased as a whole (``tests/test_anchor_scan.py`` derives this set from Unicode).
ODD_CASE = frozenset(
    "\u0130\u01c5\u01c8\u01cb\u01f2\u03f4\u1e9e\u1f88\u1f89\u1f8a\u1f8b\u1f8c\u1f8d\u1f8e\u1f8f"
    "\u1f98\u1f99\u1f9a\u1f9b\u1f9c\u1f9d\u1f9e\u1f9f\u1fa8\u1fa9\u1faa\u1fab\u1fac\u1fad\u1fae"
    "\u1faf\u1fbc\u1fcc\u1ffc\u2126\u212a\u212b"
)


def case_forms(char: str) -> tuple[str, ...]:
    """The characters of a text that ``str.lower`` turns into ``char``, but for ASCII letters
    (lower-cased before) and :data:`ODD_CASE`: ``char`` itself and its upper case."""
    if char.isascii():
        return (char,) if not char.isupper() else ()
    forms = [c for c in dict.fromkeys((char, char.upper())) if len(c) == 1 and c.lower() == char]
    return tuple(forms)


def _written_forms(literal: str) -> list[str]:
    """``literal`` in every case a text can write its non-ASCII letters."""
    forms = [""]
    for char in literal:
        forms = [f + c for f in forms for c in case_forms(char)]
    return forms


def find_folded(
    text: str, literals: frozenset[str], chars: frozenset[str]
) -> tuple[Starts, list[int]] | None:
    """:func:`find_all` of the lower-case ``literals`` in ``text`` lower-cased, and the offsets
    of the single characters ``chars`` as written, in one pass over ``text``; None where the
    compiled engine is not used or the text holds an :data:`ODD_CASE` character (the caller
    then lower-cases the text)."""
    if engine() != "compiled" or not (literals or chars):
        return None
    return _folded_finder(literals, chars)(text)


#: What a code point outside Latin-1 becomes in the bytes the folded pass reads (and real "?").
_REPLACED = b"?"


def _unread(char: str) -> bool:
    """Does the folded pass find ``char`` as :data:`_REPLACED`, to be checked in the text?"""
    return ord(char) > 0xFF or char == "?"


class _Form(NamedTuple):
    """A pattern of the folded pass as found in the bytes: what it is found for (a literal, or
    "" for a single character asked for as written) and the code points outside Latin-1 it
    stands for (offset in the pattern, character), to be checked in the text."""

    owner: str
    checks: tuple[tuple[int, str], ...]


@functools.lru_cache(maxsize=16)
def _folded_finder(
    literals: frozenset[str], chars: frozenset[str]
) -> Callable[[str], tuple[Starts, list[int]] | None]:
    """The folded pass over the text encoded as Latin-1, one byte per code point.

    Why: the automaton reads bytes faster than a ``str`` (no offsets to convert back to code
    points), and a one-byte encoding keeps every byte offset a code point offset. Code
    points outside Latin-1 (curly quotes, dashes: about one in two hundred) become "?":
    a pattern holding one is found as "?" there and kept where the text holds that
    character; a single such character (an invisible one, an :data:`ODD_CASE` one) is
    read from the text at each "?"."""
    import ahocorasick_rs

    # pattern as found in the bytes -> what it is found for
    forms: dict[bytes, list[_Form]] = defaultdict(list)
    # a single character found as "?" -> what it is found for
    outside: dict[str, list[str]] = defaultdict(list)
    wanted = [
        *((form, lit) for lit in sorted(literals) for form in _written_forms(lit)),
        *((char, "") for char in sorted(chars | ODD_CASE)),
    ]
    for form, owner in dict.fromkeys(wanted):
        if len(form) == 1 and _unread(form):
            outside[form].append(owner)
            continue
        checks = tuple((i, c) for i, c in enumerate(form) if _unread(c))
        forms[form.encode("latin-1", "replace")].append(_Form(owner, checks))
    outside = dict(outside)
    patterns = sorted(forms.keys() | {_REPLACED})
    replaced_index = patterns.index(_REPLACED)
    # what each pattern is found for where the bytes say so, and the forms to check in the
    # text where they do not (a pattern holding "?")
    owners = [tuple(f.owner for f in forms[p] if not f.checks) for p in patterns]
    checked = [[f for f in forms[p] if f.checks] for p in patterns]
    odd = frozenset(i for i, p in enumerate(patterns) if p.decode("latin-1") in ODD_CASE)
    automaton = ahocorasick_rs.BytesAhoCorasick(
        patterns, implementation=ahocorasick_rs.Implementation.DFA
    )

    def find(text: str) -> tuple[Starts, list[int]] | None:
        # ``bytes.lower`` lower-cases the ASCII letters only, as the patterns expect
        data = text.encode("latin-1", "replace").lower()
        by_pattern = _by_pattern(automaton.find_matches_as_indexes(data, overlapping=True))
        if not odd.isdisjoint(by_pattern):
            return None
        extra: defaultdict[str, list[int]] = defaultdict(list)
        # most "?" are dashes and quotes no one asked for: one quick filter drops them
        for at in [at for at in by_pattern.pop(replaced_index, ()) if text[at] in outside]:
            if text[at] in ODD_CASE:
                return None
            for owner in outside[text[at]]:
                extra[owner].append(at)
        for index, found in by_pattern.items():
            for form in checked[index]:
                kept = [s for s in found if all(text[s + i] == c for i, c in form.checks)]
                if kept:
                    extra[form.owner] += kept
        starts = _by_literal(by_pattern, owners)
        for owner, found in extra.items():
            have = starts.get(owner)
            starts[owner] = sorted(found if have is None else have + found)
        singles = starts.pop("", [])
        return starts, singles

    return find


def _by_pattern(matches: list[tuple[int, int, int]]) -> defaultdict[int, list[int]]:
    """The starts of the automaton's matches (pattern index, start, end) by pattern.

    Why by pattern index first: the hottest loop of the pass then does one append per match.
    A pattern has one length, so its overlapping matches, which come in order of their ends,
    come in order of their starts."""
    by_pattern: defaultdict[int, list[int]] = defaultdict(list)
    for index, start, _end in matches:
        by_pattern[index].append(start)
    return by_pattern


def _by_literal(by_pattern: dict[int, list[int]], owners: Sequence[tuple[str, ...]]) -> Starts:
    """The starts of each literal the patterns are found for (``owners[index]``), in order:
    a literal found by several patterns (its case forms) has their starts merged."""
    starts: Starts = {}
    merged: set[str] = set()
    for index, found in by_pattern.items():
        for lit in owners[index]:
            have = starts.get(lit)
            if have is None:
                starts[lit] = found if len(owners[index]) == 1 else list(found)
            else:
                starts[lit] = have + found
                merged.add(lit)
    for lit in merged:
        starts[lit].sort()
    return starts


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
