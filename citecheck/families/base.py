"""What every citation family implements, and the document view families scan.

A family is an object with a name, a literal prefilter, its rules, a ``find`` that makes one
linear pass over the text and yields candidate citations, and a ``validate`` that checks one
parsed citation offline. Families never do I/O.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, Protocol

import regex

from citecheck.anchors import find_all, find_folded
from citecheck.lexicon import CHARACTERS, ENGLISH
from citecheck.model import Citation, Finding
from citecheck.patterns import lazy_compile
from citecheck.rules import Rule


class WindowCarry:
    """What a family's pass hands from one stream window to the next, so a window reads a
    short name ("the Charter") as the whole text would: ``before`` is each family's state at
    the window's start (from the window before), ``after`` its state where the next window
    starts (``next_start``, an offset in this window; None for the last window)."""

    __slots__ = ("after", "before", "next_start")

    def __init__(self, before: dict[str, object], next_start: int | None) -> None:
        self.before = before
        self.next_start = next_start
        self.after: dict[str, object] = {}


class Document:
    """The text being scanned, with cheap derived views computed once and shared by families."""

    __slots__ = ("__dict__", "carry", "head", "text")

    def __init__(
        self,
        text: str,
        head: str | None = None,
        carry: WindowCarry | None = None,
        acronyms: Iterable[str] = (),
    ) -> None:
        self.text = text
        #: the opening of the whole document (its title): for a window of a stream, the
        #: opening of the first window, so each window knows what kind of text it is in
        self.head = text if head is None else head
        #: for a window of a stream, the families' state carried across windows
        self.carry = carry
        #: acronyms defined for an act before this text ("('the GDPR')"): for a window of a
        #: stream, those the earlier windows defined, so their uses here are found
        self.acronyms = frozenset(acronyms)

    @functools.cached_property
    def lower(self) -> str:
        # "İ" is the one character whose lower case is longer ("i̇"): offsets found in the
        # lower-cased text must stay offsets in the text
        return self.text.replace("\u0130", "i").lower()

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Offsets where lines start; a lone CR (old Mac files) ends a line, as editors and
        the language server count it, and CRLF is one break."""
        if "\r" in self.text:
            return [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset (code points)."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def index_anchors(
        self, literals: Iterable[str], chars: frozenset[str] = frozenset()
    ) -> list[int] | None:
        """Find every occurrence of these lower-case literals in one pass over the text
        (:mod:`citecheck.anchors`); :meth:`hits`, :meth:`has_any` and :meth:`has_each` then
        answer from it instead of reading the text again.

        The offsets of the non-ASCII characters ``chars`` as written are found in the same
        pass where the compiled engine reads the text as written, and returned (in order);
        None where they were not looked for (the caller looks for them itself)."""
        wanted = frozenset(literals)
        folded = find_folded(self.text, wanted, chars)
        if folded is None:
            self.__dict__["_anchors"] = (wanted, find_all(self.lower, wanted))
            return None
        starts, singles = folded
        self.__dict__["_anchors"] = (wanted, starts)
        return singles

    def hits(self, literals: Iterable[str], *, exact: bool = False) -> list[tuple[int, int]]:
        """Spans of every occurrence of any of the literals, in order (start, then end).

        The literals are lower-case and matched in the lower-cased text, unless ``exact``:
        then they are matched as written, case and all. Literals not indexed by
        :meth:`index_anchors` are looked for here (same answer, one more pass each)."""
        indexed, starts = self.__dict__.get("_anchors", (frozenset(), {}))
        text = self.text
        spans: list[tuple[int, int]] = []
        for group in _by_key(tuple(literals), exact):
            # ``lower`` keeps every offset ("İ" is read as "i"), so the index serves both.
            key = group.key
            found = starts.get(key, ()) if key in indexed else _find_each(self.lower, key)
            if not found:
                continue
            for n in group.lengths:
                spans += [(s, s + n) for s in found]
            if group.written:
                n, forms = group.written_length, group.written
                spans += [(s, s + n) for s in found if text[s : s + n] in forms]
            for lit in group.others:
                n = len(lit)
                spans += [(s, s + n) for s in found if text.startswith(lit, s)]
        spans.sort()
        return spans

    @functools.cached_property
    def digit_slashes(self) -> list[int]:
        """Offsets of every "/" with a digit (``str.isdigit``) on each side ("93/13",
        "C-293/12"), in order: the EU families read their numbers from these, once per text."""
        indexed, starts = self.__dict__.get("_anchors", (frozenset(), {}))
        # "/" has no case: its offsets in the lower-cased text are those in the text.
        slashes = starts.get("/", ()) if "/" in indexed else _find_each(self.lower, "/")
        text = self.text
        last = len(text) - 1
        return [
            s for s in slashes if 0 < s < last and text[s - 1].isdigit() and text[s + 1].isdigit()
        ]

    def count(self, literal: str) -> int:
        """``self.lower.count(literal)`` (occurrences that do not overlap), from the anchor
        index when the literal is in it."""
        indexed, starts = self.__dict__.get("_anchors", (frozenset(), {}))
        if literal not in indexed:
            return self.lower.count(literal)
        n, end = 0, -1
        for start in starts.get(literal, ()):
            if start >= end:
                n += 1
                end = start + len(literal)
        return n

    def has_any(self, literals: Sequence[str]) -> bool:
        """Literal prefilter over the lower-cased text: does any of these appear at all?"""
        indexed, starts = self.__dict__.get("_anchors", (frozenset(), {}))
        return any(lit in starts if lit in indexed else lit in self.lower for lit in literals)

    def has_each(self, literal_sets: Sequence[Sequence[str]]) -> list[bool]:
        """``[self.has_any(s) for s in literal_sets]``, plain-ASCII literals tried first.

        Why: each absent literal costs a read of the whole text, and an English text holds
        few of the French, Spanish and German trigger words (``résolution``): trying the
        ASCII words first settles most sets before those are tried, and a text that is all
        ASCII cannot hold a word that is not. One alternation of every literal (``re``)
        measured slower than these ``in`` tests once the triggers passed a hundred words."""
        indexed, starts = self.__dict__.get("_anchors", (frozenset(), {}))
        ascii_only = self.text.isascii()
        return [
            any(
                lit in starts if lit in indexed else lit in self.lower
                for lit in _ascii_first(tuple(literals))
                if not ascii_only or lit.isascii()
            )
            for literals in literal_sets
        ]


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _find_each(haystack: str, lit: str) -> list[int]:
    """Start offsets of every occurrence of ``lit`` (overlapping ones too)."""
    found = []
    find = haystack.find
    pos = find(lit)
    while pos != -1:
        found.append(pos)
        pos = find(lit, pos + 1)
    return found


class _KeyGroup(NamedTuple):
    """The literals :meth:`Document.hits` reads at the occurrences of one lower-case key."""

    key: str
    #: lengths of the literals matched in the lower-cased text (one per literal)
    lengths: tuple[int, ...]
    #: literals matched as written, all of one length and each once: one slice of the text
    #: and one set test per occurrence tell which of them (if any) it is
    written: frozenset[str]
    written_length: int
    #: the other literals matched as written, each tested on its own
    others: tuple[str, ...]


@functools.lru_cache(maxsize=256)
def _by_key(literals: tuple[str, ...], exact: bool) -> tuple[_KeyGroup, ...]:
    """``literals`` grouped by the key looked up in the index, built once per literal tuple.

    Why: a family asks for a hundred or so literals, most absent from a given text (their
    cost was a few steps each), and several spell one key in different cases ("Article",
    "ARTICLE", "article"): each key's occurrences are now read once."""
    keys: dict[str, list[str]] = {}
    for lit in literals:
        keys.setdefault(lit.lower() if exact else lit, []).append(lit)
    groups = []
    for key, lits in keys.items():
        as_written = [lit for lit in lits if exact and not _caseless(lit)]
        lengths = tuple(len(lit) for lit in lits if not (exact and not _caseless(lit)))
        written: frozenset[str] = frozenset()
        distinct = len(set(as_written)) == len(as_written)
        if as_written and distinct and len({len(lit) for lit in as_written}) == 1:
            written, as_written = frozenset(as_written), []
        n = len(next(iter(written))) if written else 0
        groups.append(_KeyGroup(key, lengths, written, n, tuple(as_written)))
    return tuple(groups)


@functools.lru_cache(maxsize=512)
def _caseless(literal: str) -> bool:
    """Is every match of ``literal`` in the lower-cased text one as written? True for ASCII
    without letters ("/", "19"): no character lower-cases to one of those."""
    return literal.isascii() and not any(c.isalpha() for c in literal)


@functools.lru_cache(maxsize=512)
def _ascii_first(literals: tuple[str, ...]) -> tuple[str, ...]:
    """``literals`` with the plain-ASCII ones first (stable)."""
    return tuple(sorted(literals, key=lambda lit: not lit.isascii()))


class Family(Protocol):
    """A citation family (UN symbols, EU acts, ...). Register it in ``citecheck.families``."""

    name: str
    #: lower-case literals; the family runs only if one occurs in the text (empty = always)
    triggers: tuple[str, ...]

    @property
    def anchors(self) -> tuple[str, ...]:
        """Lower-case literals whose occurrences the family reads (``Document.hits``,
        ``has_any``): the anchors and triggers of all families are found in one pass."""
        ...

    #: higher wins when two candidates from different families cover the same span
    priority: int
    rules: tuple[Rule, ...]
    @property
    def reach_after(self) -> int:
        """How many characters past a citation's end the family reads to settle it (its id,
        finding, fix): the largest of its windows after a citation, from the constants its
        code reads with.  Why: the editor reuses an older answer only when every edit lies
        further after it (``citecheck.lsp.reuse``); a window left out shows stale answers."""
        ...

    def find(self, doc: Document) -> Iterator[Citation]:
        """Yield candidate citations in any order; spans must satisfy text == doc.text[s:e]."""
        ...

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        """Offline checks of one citation this family produced (beyond its parse notes)."""
        ...


#: English month names (from the lexicon): dates inside citations use them; their numbers come
#: from :func:`citecheck.lexicon.month_number`.
MONTHS = ENGLISH.months

#: Dash characters that real texts put where an ASCII hyphen belongs (PDF, Curia, Word).
DASHES = CHARACTERS.dashes
DASH_CLASS = CHARACTERS.dash_class

#: A horizontal space as texts write it, non-breaking and narrow spaces included.
HSPACE = CHARACTERS.hspace_class


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Verbose, Unicode, compiled at first use (:mod:`citecheck.patterns`: import stays fast);
    every family pattern goes through here."""
    return lazy_compile(pattern, regex.VERBOSE)


#: How far the family patterns look ahead past a match's end (``(?![/\d])`` and the like).
PATTERN_HORIZON = 32


def literal_hits(haystack: str, literals: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Spans of every occurrence of any literal, in order, found with ``str.find``.

    Several single-literal scans merged by position are an order of magnitude faster than one
    regex alternation of the same literals (measured: 12 ms vs 112 ms on 4.5 MB). Pass
    ``doc.lower`` and lower-case literals for a case-insensitive scan.
    """

    def scan(lit: str) -> Iterator[tuple[int, int]]:
        find, n = haystack.find, len(lit)
        pos = find(lit)
        while pos != -1:
            yield pos, pos + n
            pos = find(lit, pos + 1)

    if len(literals) == 1:
        return scan(literals[0])  # nothing to merge: the merge's bookkeeping per hit is saved
    return heapq.merge(*(scan(lit) for lit in literals))


def settle(
    pattern: regex.Pattern[str], text: str, m: regex.Match[str] | None, hi: int
) -> regex.Match[str] | None:
    """``m`` found in a window ending at ``hi``, matched again unbounded when it ends near
    that end: a lookahead there saw a false end of text (a list cut short)."""
    if m is not None and m.end() > hi - PATTERN_HORIZON:
        return pattern.match(text, m.start())
    return m


def matches_near(
    pattern: regex.Pattern[str],
    hits: Iterable[tuple[int, int]],
    text: str,
    *,
    before: int,
    after: int,
) -> Iterator[regex.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, found by trying ``pattern`` only near
    ``hits``: spans of a cheap anchor (a literal every match contains), in order.

    Correct when every match contains a hit that starts at most ``before`` code points after
    the match's start. ``after`` bounds the search window past the hit; a match ending near
    that bound is matched again unbounded, so long matches (lists) are not cut. Trying a big
    alternation only in those windows instead of at every position is what keeps extraction
    fast; the cost stays linear (each window is bounded).
    """
    last_end = 0
    for hit_start, hit_end in hits:
        if hit_start < last_end:
            continue
        lo = max(last_end, hit_start - before)
        hi = hit_end + after
        m = settle(pattern, text, pattern.search(text, lo, hi), hi)
        if m is None:
            continue
        yield m
        last_end = max(m.end(), m.start() + 1)


def hits_followed_by(
    doc: Document, hits: list[tuple[int, int]], follows: regex.Pattern[str]
) -> list[tuple[int, int]]:
    """The hits that ``follows`` matches right after (at each hit's end, in ``doc.text``).

    Why: a keyword hit ("resolution") starts a window that :func:`matches_near` searches
    with a big pattern; most keywords in prose are not followed by what every match needs
    after them (a number), and this small anchored check drops them first. ``follows`` must
    match after every hit that is part of a match (``Document.lower`` keeps offsets).
    """
    text = doc.text
    match = follows.match
    return [hit for hit in hits if match(text, hit[1]) is not None]


def quoted(text: str) -> str:
    """Text as a reader sees it, in quotes: runs of spaces of any kind (no-break, thin) become
    one space, where ``repr`` would show ``'No\\xa01/2003'``."""
    return "'" + " ".join(text.split()) + "'"
