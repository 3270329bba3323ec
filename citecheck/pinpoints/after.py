"""Pinpoints that follow a citation: ``, para. 66``, ``paras. 3 to 5``, ``, annex``, ``p. 13``.

Families call :func:`pinpoint_after` at the end of the citation they matched; it reads forward
with anchored matches only (no search), so the cost is proportional to the pinpoint's length.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from citecheck.lexicon import CHARACTERS, alternation
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart
from citecheck.pinpoints.numbers import parse_numbers, sub_letters
from citecheck.un_languages import pinpoint_lexicon

_H = CHARACTERS.hspace_class
# English words plus the French and Spanish ones of UN documents ("par. 66", "párrs. 3 a 5").
_L = pinpoint_lexicon()
_DASH = "[" + regex.escape(CHARACTERS.range_dashes) + "]"
# "115.4": UPR recommendations are numbered within a paragraph.
# "17(c)", "17 c)" and "17, al. c)" (French and Spanish letters close with ")" only).
_NUM = r"\d{1,4}(?:\.\d{1,3})?(?!\d)" + sub_letters(_L, _H) + "*"
_LIST_SEP = (
    rf"(?:{_H}*{_DASH}(?:{_H}*\r?\n){{0,2}}{_H}*|\s+(?:{_L.range_pattern}|{_L.list_pattern})\s+"
    rf"|,{_H}*(?:{_L.list_pattern}{_H}+)?)"
)

# An article of an instrument annexed to a resolution: "A/RES/61/295, annex, art. 32 (2)".
_ANUM = r"\d{1,3}[a-z]?(?![\d/])(?:" + _H + r"?\([a-z0-9]{1,4}\))*"
_KINDS = alternation(w for words in _L.paragraph_kinds.values() for w in words)
_ORDINAL = f"(?:{_L.ordinal_pattern})"
# "sixth and seventh", "fourth to sixth": ordinals listed like numbers
_ORDINAL_SEP = rf"(?:{_H}*,{_H}*|{_H}+(?:{_L.list_pattern}|{_L.range_pattern}){_H}+)"
_ORDINALS = rf"{_ORDINAL}(?:{_ORDINAL_SEP}{_ORDINAL})*"
_ORDINAL_WORD = regex.compile(_ORDINAL)
# "para. 5 (a) and (b)", "par. 5 a) et b)": a sub-division alone is another one of the number
# before it (French and Spanish letters close with ")" only)
_SUB_ONLY = r"(?:\([a-z]{1,4}\)|(?:[a-z]|[ivx]{1,4})\)(?![\w(]))"

_PART = regex.compile(
    rf"""
    # "sixth preambular para.", "operative paragraphs 1 and 2": paragraphs of a resolution by
    # kind; before "para" so the kind word is not left behind
    (?P<kord>{_ORDINALS}){_H}+(?P<kordword>{_KINDS}){_H}+{_L.unit_pattern("para")}
        (?!{_H}*\d)
  | (?P<kword>{_KINDS}){_H}+{_L.unit_pattern("para")}{_H}*
        (?P<knums>{_NUM}(?:{_LIST_SEP}(?:{_NUM}|{_SUB_ONLY}))*)
  | (?P<para>{_L.unit_pattern("para")}{_H}*
        (?P<pnums>{_NUM}(?:{_LIST_SEP}(?:{_NUM}|{_SUB_ONLY}))*))
  | (?P<art>{_L.unit_pattern("art")}{_H}*(?P<anums>{_ANUM}(?:{_LIST_SEP}{_ANUM})*))
  | (?P<annex>(?i:annexe(?!s)|anexo|annex)(?:{_H}+(?P<annexno>[IVXL]{{1,6}}|[A-Z])(?![\w]))?)
  | (?P<sect>(?P<sectword>{_L.unit_pattern("sect", "chap")}){_H}*
        (?P<sectno>[IVXL]{{1,6}}|[A-Z]|\d{{1,3}})(?![\w]))
  | (?P<fn>{_L.unit_pattern("footnote")}{_H}*(?P<fnno>\d{{1,4}})(?!\d))
  | (?P<page>{_L.unit_pattern("page")}{_H}*(?P<pnums2>\d{{1,5}}(?!\d)
        (?:{_H}*{_DASH}{_H}*\d{{1,5}}(?!\d))?))
    """,
    regex.VERBOSE,
)

# What may stand between a citation and its pinpoint, or between two pinpoint parts.
# A line break may follow the comma (PDF text), since a unit word must come next.
# Possessive runs of space: a word or comma must follow them, so giving some back never
# helps, and trying every split of a long run between two of them was quadratic.
_SEP = regex.compile(
    rf"(?:{_H}*+,?{_H}*+(?:{alternation(_L.at_words)}){_H}+|{_H}*+,(?:{_H}*+\r?\n){{0,2}}{_H}*"
    rf"|{_H}+)"
)
# "sixth preambular para. and operative para. 1", "annex I, para. 7, and annex II": a list word
# between two parts (never before the first one).
_AND_SEP = regex.compile(rf"{_H}*+,?{_H}*+{_L.list_pattern}{_H}+")
# "..., para. 3 and paragraph 5 of A/HRC/40/1": that second paragraph belongs to what follows.
_OF_NEXT = regex.compile(rf"\s{{1,3}}{alternation(_L.part_of_words)}\s")
# A short aside between a citation and its pinpoint: "A/HRC/52/7/Add.3 (visit to Chile), para. 12".
# No slash (it would be another citation) and no nested parentheses; bounded.
_ASIDE = regex.compile(rf"{_H}?\([^()/\n]{{1,100}}\)(?={_H}?,{_H}*)")
_OPEN = regex.compile(rf"{_H}?\({_H}?")
_CLOSE = regex.compile(rf"{_H}?\)")
# The title of a general comment: "on the right to ... (Participation ...)", up to a comma and a
# paragraph; bounded, on one line, no semicolon (a list of sources), no slash (another symbol).
_TITLE = regex.compile(
    rf"(?:{_H}?\((?:19|20)\d\d\))?{_H}+on{_H}+[^;\n/]{{1,200}}?"
    # "on article 4, paragraph 1, of the Convention": that paragraph is the article's
    rf"(?<!{_L.unit_pattern('art')}{_H}*\d{{1,3}}[a-z]?)"
    rf"(?={_H}?,{_H}*{_L.unit_pattern('para')})"
)
# A compilation's year and page before the paragraph: "A/55/18 (2000) 152 at para. 29".
_COMPILATION = regex.compile(
    rf"{_H}?\((?:19|20)\d\d\){_H}+(?P<page>\d{{1,4}})(?={_H}+{alternation(_L.at_words)}{_H})"
)


# Characters no pinpoint starts with (every reading below starts with a horizontal space, a
# parenthesis, a comma or a word): after them, and at the end of the text, nothing is tried.
_NEVER_FIRST = frozenset(("", "\n", "\r", ".", ";", ":", "]"))


def case_folded(text: str) -> str:
    """``text`` case-folded so that it starts with, or holds, a folded word wherever a
    case-insensitive pattern matches that word: "İ" matches "i" there but folds to two
    characters."""
    return text.replace("\u0130", "i").casefold()


def _heads(words: Iterable[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The folded beginnings of ``words``: those of one character (``§``), of two (``at``) and
    the first three characters of the longer ones (``ann`` of ``annex``, not ``and``). What
    the text after a citation must start with for a reading to follow."""
    pieces = {case_folded(word.split()[0])[:3] for word in words}
    one, two, three = (frozenset(p for p in pieces if len(p) == n) for n in (1, 2, 3))
    return one, two, three


# The words a pinpoint element (``_PART``) or a separator before it (``_SEP``) starts with,
# and, after a first element, those of a list word (``_AND_SEP``) too.
_PART_WORDS = (
    *_L.words("para", "art", "annex", "sect", "chap", "footnote", "page"),
    *(w for words in _L.paragraph_kinds.values() for w in words),
    *_L.ordinals,
    *_L.numbered_ordinals,
    *_L.tens,
    *_L.tens_ordinals,
    *_L.at_words,
)
_FIRST_HEADS = _heads(_PART_WORDS)
_NEXT_HEADS = _heads((*_PART_WORDS, *_L.list_words))
# What a separator skips before the word that must follow it (more than it skips: a pre-check).
_SKIPPED = CHARACTERS.horizontal_spaces + ",\r\n"
_HSPACES = frozenset(CHARACTERS.horizontal_spaces)
# How far the pre-check reads past ``pos``; after a longer run of space it lets the reader decide.
_LOOK = 96


def _may_follow(
    text: str, pos: int, heads: tuple[frozenset[str], frozenset[str], frozenset[str]]
) -> bool:
    """Can a separator and a pinpoint element start at ``pos``? False only where no reading
    can: the first word after the spaces and commas starts none of the words they start with.
    A few hundred nanoseconds, where the patterns take microseconds each."""
    window = text[pos : pos + _LOOK]
    rest = window.lstrip(_SKIPPED)
    if len(rest) < 3 and len(window) == _LOOK:
        return True  # a long run of space: the reader decides
    head = case_folded(rest[:3])
    return head[:1] in heads[0] or head[:2] in heads[1] or head[:3] in heads[2]


def _paren_at(text: str, pos: int) -> bool:
    """Does an opening parenthesis follow, after at most one space? (``_OPEN``, ``_ASIDE``
    and ``_COMPILATION`` all start so.)"""
    first = text[pos : pos + 1]
    return first == "(" or (first in _HSPACES and text[pos + 1 : pos + 2] == "(")


def parse_part(match: regex.Match[str]) -> tuple[PinpointPart, ...]:
    """Turn one matched pinpoint element into its canonical parts (a list gives several)."""
    # One branch of ``_PART`` matched, so the groups of the others are empty: the most
    # frequent one ("para. 12") is asked for first.
    if match.group("para"):
        return parse_numbers("para", match.group("pnums"), _L)
    if match.group("kord"):
        unit = _L.paragraph_kind_of(match.group("kordword")) or "para"
        numbers = _ORDINAL_WORD.sub(
            lambda word: str(_L.ordinal_number(word.group(0)) or ""), match.group("kord")
        )
        return parse_numbers(unit, numbers, _L)
    if match.group("kword"):
        unit = _L.paragraph_kind_of(match.group("kword")) or "para"
        return parse_numbers(unit, match.group("knums"), _L)
    if match.group("art"):
        return parse_numbers("art", match.group("anums"), _L)
    if match.group("annex"):
        return (PinpointPart("annex", match.group("annexno") or ""),)
    if match.group("sect"):
        unit = _L.unit_of(match.group("sectword")) or "sect"
        return (PinpointPart(unit, match.group("sectno")),)
    if match.group("fn"):
        return (PinpointPart("footnote", match.group("fnno")),)
    return parse_numbers("page", match.group("pnums2"), _L)


def _nest(new: tuple[PinpointPart, ...], parts: list[PinpointPart]) -> tuple[PinpointPart, ...]:
    """A section right after a numbered annex is inside it: ``annex VI, sect. A`` is one place.

    Pops the annex from ``parts`` and returns it merged; otherwise returns ``new`` unchanged."""
    if (
        len(new) == 1
        and new[0].unit in ("sect", "chap")
        and parts
        and parts[-1].unit == "annex"
        and parts[-1].value
    ):
        annex = parts.pop()
        return (PinpointPart("annex", f"{annex.value}, {new[0]}"),)
    return new


def pinpoint_after(
    text: str,
    pos: int,
    *,
    max_parts: int = 4,
    start: int | None = None,
    titled: bool = False,
    articles: bool = False,
) -> tuple[Pinpoint, int]:
    """Read a pinpoint starting at ``pos`` (just after a citation).

    Returns the pinpoint and the offset where it ends; ``(NO_PINPOINT, pos)`` if none follows.
    Separators are consumed only when a pinpoint element follows them. With the citation's
    ``start``, a citation alone in parentheses takes the pinpoint after them ("Zambia
    (CCPR/ZMB/CO/3), para. 25"); ``titled`` lets a title follow first ("general comment No. 34
    (2011) on the freedoms of opinion and expression, paras. 18 and 40"). An article is read
    after an annex ("annex, art. 32 (2)": the instrument annexed) or, with ``articles``, first
    ("Ibid., art. 3 (m)": whatever was cited before has articles).
    """
    if text[pos : pos + 1] in _NEVER_FIRST:
        return NO_PINPOINT, pos
    if start is not None and start > 0 and text[start - 1 : start] == "(":
        closed = _CLOSE.match(text, pos)
        if closed is not None:
            pin, end = pinpoint_after(
                text, closed.end(), max_parts=max_parts, titled=titled, articles=articles
            )
            if pin:
                return pin, end
    paren = _paren_at(text, pos)
    opened = _OPEN.match(text, pos) if paren else None
    if opened is not None:
        # "CCPR/C/GC/34 (para. 5)": the pinpoint in parentheses of its own
        pin, end = pinpoint_at(text, opened.end(), max_parts=max_parts)
        closed = _CLOSE.match(text, end) if pin else None
        if closed is not None:
            return pin, closed.end()
    if titled:
        title = _TITLE.match(text, pos)
        if title is not None:
            pin, end = pinpoint_after(text, title.end(), max_parts=max_parts)
            if pin:
                return pin, end
    if not paren and not _may_follow(text, pos, _FIRST_HEADS):
        return NO_PINPOINT, pos  # the common case: prose goes on after the citation
    parts: list[PinpointPart] = []
    end = pos
    elements = 0
    while elements < max_parts:
        at = end
        lead: list[PinpointPart] = []
        if parts and not _may_follow(text, end, _NEXT_HEADS):
            break
        if not parts and _paren_at(text, end):
            compilation = _COMPILATION.match(text, end)
            aside = _ASIDE.match(text, end) if compilation is None else None
            if compilation is not None:
                lead = [PinpointPart("page", compilation.group("page"))]
                at = compilation.end()
            elif aside is not None:
                at = aside.end()
        sep = _SEP.match(text, at)
        if not parts and not sep:
            break
        listed = _AND_SEP.match(text, at) if parts else None
        m = _PART.match(text, listed.end()) if listed is not None else None
        if m is not None and _OF_NEXT.match(text, m.end()) is not None:
            m = None
        if m is None:
            at = sep.end() if sep else at
            m = _PART.match(text, at)
        if not m:
            break
        if m.group("art") and not (articles or (parts and parts[-1].unit == "annex")):
            break  # an article only of an instrument in the annex; others are the instrument's
        parts.extend(_nest((*lead, *parse_part(m)), parts))
        elements += 1
        end = m.end()
    return (Pinpoint(tuple(parts)) if parts else NO_PINPOINT), end


def pinpoint_at(text: str, pos: int, *, max_parts: int = 4) -> tuple[Pinpoint, int]:
    """Like :func:`pinpoint_after` but the first element must start exactly at ``pos``."""
    m = _PART.match(text, pos)
    if not m:
        return NO_PINPOINT, pos
    first = parse_part(m)
    rest, end = pinpoint_after(text, m.end(), max_parts=max_parts - 1)
    return Pinpoint((*first, *rest.parts)), end
