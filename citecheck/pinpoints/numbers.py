"""The one range/list splitter: ``23–25 and 73``, ``3-5, 7``, ``3 to 5``, ``12 and 14``.

Every pinpoint reader hands the numbers it matched to :func:`split_numbers` and builds its
parts with :func:`number_parts`, so a range is a range everywhere (``3-5`` keeps paragraph 4)
and a list is a list: each item is one part, joined by ``; `` in the canonical string
(``paras. 23-25; para. 73``).
"""

from __future__ import annotations

import attrs
import regex

from citecheck.lexicon import CHARACTERS, ENGLISH, Lexicon, alternation
from citecheck.model import PinpointPart

#: The unit of a range, where the canonical label changes with the number (``para.``/``paras.``).
RANGE_UNIT = {
    "para": "paras",
    "page": "pages",
    "recital": "recitals",
    "preambular_para": "preambular_paras",
    "operative_para": "operative_paras",
}


def descending(start: str, end: str) -> bool:
    """Is ``start``-``end`` a range of numbers whose end is below its start (``5 to 3``)? Such a
    range names no articles or recitals, and no telling which were meant."""
    return start.isdigit() and end.isdigit() and int(end) < int(start)


@attrs.frozen(slots=True)
class NumberItem:
    """One item of a list: a number (``17(c)``) or a range (``first`` to ``last``)."""

    first: str
    last: str = ""

    @property
    def value(self) -> str:
        return f"{self.first}-{self.last}" if self.last else self.first


def sub_letters(lexicon: Lexicon, space: str = r"\s") -> str:
    """The sub-divisions of a paragraph number: ``(c)``, French and Spanish ``c)`` (a closing
    parenthesis only) and ``, al. c)`` / ``, apartado c)`` (the lexicon's letter words)."""
    worded = (
        rf"|{space}?,?{space}{{0,2}}{alternation(lexicon.letter_words)}{space}{{1,2}}"
        rf"(?:[a-z]|[ivx]{{1,4}})\)"
        if lexicon.letter_words
        else ""
    )
    return (
        rf"(?:{space}?\({space}?[a-z0-9]{{1,4}}{space}?\)"
        rf"|{space}(?:[a-z]|[ivx]{{1,4}})\)(?![\w(]){worded})"
    )


def bare_letter(lexicon: Lexicon, space: str = r"\s") -> str:
    """A letter after one of the lexicon's letter words without its bracket (``17 Buchst.
    c``), the word in group 1 and the letter in group 2: substituted as ``\\1 \\2)`` it is
    the worded form :func:`sub_letters` reads (``Buchst. c)``)."""
    return (
        rf"{space}?,?{space}{{0,2}}({alternation(lexicon.letter_words)}){space}{{1,2}}"
        r"([a-z])(?![\w)])"
    )


def _tokens(lexicon: Lexicon) -> regex.Pattern[str]:
    dashes = "[" + regex.escape(CHARACTERS.range_dashes) + "]"
    return regex.compile(
        rf"""
        (?P<num>\d{{1,5}}(?:\.\d{{1,3}})?[a-z]?(?![a-z]){sub_letters(lexicon)}*)
      | (?P<sub>\(\s?[a-z0-9]{{1,4}}\s?\)|(?<=[\s,])(?:[a-z]|[ivx]{{1,4}})\)(?![\w(]))
      | (?P<range>{dashes}|{alternation(lexicon.range_words)})
      | (?P<list>[,;&]|{alternation(lexicon.list_words)})
      | \s+
        """,
        regex.VERBOSE,
    )


_TOKENS = {ENGLISH.language: _tokens(ENGLISH)}
# "(c)", or "c)" after a space or a letter word ("al. c)"): one sub-division each
_SUB = regex.compile(r"(?:\s*\(\s*|(?<=\s))([a-z0-9]{1,4})\s*\)")
# The last sub-division of a number, which a sibling replaces: ``5(a)`` -> ``5``.
_SIBLING = regex.compile(r"\([a-z0-9]{1,4}\)\Z")
# Two sub-divisions of one kind in a row at the end (``(a)(b)``, ``(1)(2)``): not a hierarchy
# whose last level a sibling could replace.
_RUN = regex.compile(r"\([a-z]{1,2}\)\([a-z]{1,2}\)\Z|\(\d{1,4}\)\(\d{1,4}\)\Z")


# The number a pinpoint item starts with (compiled once: ``regex.match`` with a pattern string
# looks it up in the module's cache on every call, ten times the cost of the match).
_HEAD = regex.compile(r"\d+(?:\.\d+)?[a-z]?")


def canonical_number(raw: str) -> str:
    """``17 (c)`` -> ``17(c)``: sub-divisions closed up, as the contract writes them. Decimal
    numbers (``115.4``, UPR recommendations) are one number."""
    head = _HEAD.match(raw)
    if head is None:
        return raw.strip()
    subs = "".join(f"({m.group(1)})" for m in _SUB.finditer(raw, head.end()))
    return str(head.group(0)) + subs


def split_numbers(raw: str, lexicon: Lexicon = ENGLISH) -> tuple[NumberItem, ...]:
    """Items of a written list of numbers, ranges kept whole, in one left-to-right pass.

    A range word or dash joins the number before it and the one after it; a list word or comma
    starts a new item; a sub-division alone is another of the number before it (``5 (a) and
    (b)`` is ``5(a)`` and ``5(b)``). Anything else (a stray word) ends the list.
    """
    if len(raw) <= 5 and raw.isdigit() and raw.isascii():
        return (NumberItem(raw),)  # the most frequent list: one number ("para. 12")
    pattern = _TOKENS.get(lexicon.language) or _TOKENS.setdefault(
        lexicon.language, _tokens(lexicon)
    )
    items: list[NumberItem] = []
    range_open = False
    pos = 0
    while pos < len(raw):
        m = pattern.match(raw, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group("num") is not None:
            number = canonical_number(m.group("num"))
            if range_open and items and not items[-1].last:
                items[-1] = NumberItem(items[-1].first, number)
            else:
                items.append(NumberItem(number))
            range_open = False
        elif m.group("sub") is not None and items:
            sub = "(" + m.group("sub").strip("() ") + ")"
            previous = items[-1].last or items[-1].first
            if previous.startswith("("):
                # the end of "5(a)-(c)" is 5(c): a sibling after it is 5(e), not a bare "(e)"
                previous = _SIBLING.sub("", items[-1].first) + previous
            if range_open and not items[-1].last:
                items[-1] = NumberItem(items[-1].first, sub)
            elif _SIBLING.search(previous) and not _RUN.search(previous):
                items.append(NumberItem(_SIBLING.sub("", previous) + sub))
            # else: "34(a) (b) (c) and (d)" was read as one nested number; whose sibling
            # "(d)" is would be a guess, so it is left out
            range_open = False
        elif m.group("range") is not None:
            range_open = True
        elif m.group("list") is not None:
            range_open = False
    return tuple(items)


def number_parts(unit: str, items: tuple[NumberItem, ...]) -> tuple[PinpointPart, ...]:
    """Canonical parts of ``items`` of ``unit``: one part per item, a range under the plural
    unit where the label has one (``paras. 3-5``; articles print as ``arts. 2-4``)."""
    plural = RANGE_UNIT.get(unit, unit)
    return tuple(PinpointPart(plural if item.last else unit, item.value) for item in items)


def parse_numbers(unit: str, raw: str, lexicon: Lexicon = ENGLISH) -> tuple[PinpointPart, ...]:
    """:func:`split_numbers` then :func:`number_parts`."""
    return number_parts(unit, split_numbers(raw, lexicon))


__all__ = [
    "RANGE_UNIT",
    "NumberItem",
    "bare_letter",
    "canonical_number",
    "number_parts",
    "parse_numbers",
    "split_numbers",
    "sub_letters",
]
