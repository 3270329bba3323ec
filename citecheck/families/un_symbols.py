"""UN document symbols: ``A/HRC/41/35``, ``CCPR/C/BGR/CO/3``, ``S/RES/2231 (2015)``, ...

One pass of one compiled tokeniser finds candidate symbols of the known series, tolerant of
case, of line breaks around ``/`` from PDF extraction and of a space before a parenthesised
session or year. Each token is then split into typed components and canonicalised:
components upper case except ``Add.``, ``Corr.``, ``Rev.``, ``Amend.``, ``Sub.`` and
``Summary``; no spaces. Lists sharing one head (``A/HRC/28/2 and Add.1``,
``CCPR/C/SR.131-133``) expand to one citation per document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import regex

from citecheck import knowledge
from citecheck.families.base import HSPACE, PATTERN_HORIZON, Document, compile_pattern
from citecheck.families.un_context import (
    HRC_MAX_RESOLUTION,
    current_year,
    ga_max_session,
    hrc_max_session,
    roman_to_int,
)
from citecheck.families.un_sections import (
    AND_WORD,
    ITEM_WORDS,
    LETTER_LIST,
    section_close,
    section_letters,
)
from citecheck.lexicon import CHARACTERS, ENGLISH
from citecheck.model import NO_PINPOINT, Citation, Finding, Fix, Kind, Severity
from citecheck.patterns import lazy_compile, unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import pinpoint_after, pinpoint_before
from citecheck.rules import Rule

#: First components of symbols. ``HRC`` and ``CESCR`` are not series but are
#: written as if they were; they are matched so that the mistake can be reported.
SERIES = (
    "A",
    "S",
    "E",
    "T",
    "ST",
    "CCPR",
    "CERD",
    "CEDAW",
    "CAT",
    "CRC",
    "CMW",
    "CRPD",
    "CED",
    "HRI",
    "DP",
    "TD",
    "UNEP",
    "FCCC",
    "ID",
    "AT",
    "WFC",
    "PCNICC",
    "TPNW",
    "ICCD",
    "UNW",
    "HS",
    "WFP",
    "JIU",
    "CEB",
    "ACC",
    "ISBA",
    "SPLOS",
    "CLCS",
    "CD",
    "CCW",
    "APLC",
    "BWC",
    "NPT",
    "ECE",
    "LC",
    "HRC",
    "CESCR",
)
NOT_A_SERIES = {"HRC": "A/HRC", "CESCR": "E/C.12"}
#: Document types only the body's own series holds: ``HRC/RES/...`` is unmistakably A/HRC/RES.
_NOT_SERIES_TYPES = frozenset(("RES", "DEC", "PRST", "GC"))
TREATY_BODY_SERIES = {
    b.series for b in knowledge.treaty_bodies().values() if "/" not in b.series
}  # CESCR's E/C.12 is an ECOSOC subsidiary body's series

MALFORMED = Rule(
    "UN101",
    "malformed-un-symbol",
    Severity.ERROR,
    "A UN document symbol is malformed.",
    "The symbol does not follow the structure of UN document symbols (ST/LIB/SER.B/5/Rev.5, "
    "UN Library guide): a component is missing its number, uses a two-letter country code, "
    "or is in the wrong order.",
    bad="E/CN.4/Sub2/1994/56",
    good="E/CN.4/Sub.2/1994/56",
)
NON_CANONICAL = Rule(
    "UN102",
    "non-canonical-un-symbol",
    Severity.WARNING,
    "A UN document symbol is written in a non-canonical form.",
    "Symbols are written with no internal spaces, upper case except Add., Corr., Rev., "
    "Amend., Sub. and Summary, and no line break inside. A volume or part is written as the "
    "UN writes it, 'A/51/40 (Vol. I)', and is not checked: only the id is written without "
    "spaces. The fix rewrites the symbol before it.",
    bad="e/cn.4/sub.2/2005/13",
    good="E/CN.4/Sub.2/2005/13",
    fixable=True,
)
NOT_SERIES = Rule(
    "UN103",
    "not-a-un-series",
    Severity.ERROR,
    "The first component is not a UN series symbol.",
    "The Human Rights Council has no series of its own: its documents are A/HRC/...; CESCR "
    "documents are E/C.12/... . 'HRC/RES/17/4' and 'CESCR/GC/16' are not UN symbols. The fix "
    "is offered only after a document type (RES, DEC, PRST, GC) or on an addendum, "
    "corrigendum, revision or draft (Add., Corr., Rev., L.); 'HRC/11/120' may be another "
    "document, such as a press release, so the finding names A/HRC/11/120 without rewriting it. "
    "Not reported when the index or the UN Digital Library holds the symbol as written.",
    bad="HRC/RES/17/4",
    good="A/HRC/RES/17/4",
    fixable=True,
    withdrawn_when_found=True,
)
IMPOSSIBLE = Rule(
    "UN104",
    "impossible-un-symbol",
    Severity.ERROR,
    "The symbol names a session, year or number that cannot exist.",
    "Checked offline: GA regular sessions up to the current one, HRC sessions up to the "
    "current one, legacy GA resolutions at most 3541 and sessions I-XXX, special sessions "
    "S-8 onwards in the new form, S/PRST from 1994, ECOSOC year numbering from 1978, "
    "HRC decisions numbered from 101.",
    bad="A/HRC/RES/64/1",
    good="A/HRC/RES/54/1",
)
NUMBERING_MIX = Rule(
    "UN105",
    "mixed-ga-numbering",
    Severity.ERROR,
    "A GA resolution mixes the legacy and the session/number forms.",
    "Up to the 30th session (1975) GA resolutions were numbered consecutively with the "
    "session in Roman numerals: 3379 (XXX). The session/number form starts at the 31st "
    "session. 'A/RES/30/3379' mixes the two.",
    bad="A/RES/30/3379",
    good="A/RES/3379(XXX)",
)
HYBRID_YEAR = Rule(
    "UN106",
    "ga-resolution-with-year",
    Severity.WARNING,
    "A GA resolution symbol carries a year in parentheses, which is Security Council style.",
    "GA symbols of the session/number form take no year; only SC resolutions do.",
    bad="A/RES/73/179 (2018)",
    good="A/RES/73/179",
)
SC_NO_YEAR = Rule(
    "UN107",
    "sc-resolution-without-year",
    Severity.WARNING,
    "A Security Council resolution is cited without its year.",
    "SC resolutions are cited with the year of adoption in parentheses, as a symbol or in "
    "words ('Security Council resolution 2231 (2015)'); a date after the number ('of 20 July "
    "2015') gives the year too. The year is not guessed: the id is the symbol as written "
    "(S/RES/2231).",
    bad="S/RES/2231",
    good="S/RES/2231 (2015)",
)
IMPLAUSIBLE_NUMBER = Rule(
    "UN108",
    "implausible-resolution-number",
    Severity.WARNING,
    "The resolution or decision number is outside the range used in its session.",
    "HRC sessions adopt at most a few dozen resolutions (numbered from 1) and decisions "
    "(numbered from 101). A number outside that range is probably a mix-up with a report "
    "number: A/HRC/RES/17/31 does not exist; A/HRC/17/31 is the report, A/HRC/RES/17/4 the "
    "resolution.",
    bad="A/HRC/RES/17/131",
    good="A/HRC/RES/17/4",
)

_BRK = r"(?:[ \t]*\r?\n[ \t]*)?"
_COMP = (
    r"(?:(?i:Add|Corr|Rev|Amend)\.[ \u00a0]\d{1,3}(?!\d)"  # "Add. 37": a space after the dot
    r"|[A-Za-z0-9](?:[A-Za-z0-9.\-\u2010\u2011]{0,30}[A-Za-z0-9])?)"
    r"(?:\([A-Za-z0-9][A-Za-z0-9 .\-]{0,18}\))?"
)
_SERIES_ALT = "|".join(sorted(SERIES, key=len, reverse=True))
_SERIES_UPPER = frozenset(SERIES)
#: The last letter of every series, both cases.
_SERIES_LAST = frozenset(c for s in SERIES for c in (s[-1], s[-1].lower()))
#: How far back the word before a slash is read (longer than every series).
_SERIES_REACH = 8

_TOKEN = compile_pattern(
    rf"""
    (?<![\w/.\-\u2010\u2011])
    (?P<series>(?i:{_SERIES_ALT}))
    (?P<rest>(?:{_BRK}/{_BRK}{_COMP}){{1,12}})
    (?P<star>\*)?
    # Volumes and parts are part of the symbol: "A/51/40 (Vol. I)", "A/CONF.157/24 (Part I)".
    (?:{HSPACE}?\({HSPACE}?(?P<vpword>(?i:Vol\.?|Part)){HSPACE}?(?P<vpnum>[IVXL]{{1,6}}|\d{{1,2}}|[A-Z])
        {HSPACE}?\))?
    (?:(?P<suffix>{HSPACE}?(?P<part>[A-Z])?{HSPACE}?\((?P<paren>(?:S-|ES-)?[IVXL]{{1,7}}|(?:19|20)\d\d)\))
    # The section of a GA resolution adopted in parts: "A/RES/59/284 B", closed as in prose.
      |(?P<spaced_section>{HSPACE}(?P<section>[A-Z])){section_close()}
    )?
    (?![\w/])
    """
)

#: A list of sections after a GA resolution's symbol ("A/RES/59/284 A and B", "A to C"),
#: closed as one section is.
_SECTION_LIST = compile_pattern(
    rf"{HSPACE}+(?P<letters>{LETTER_LIST}){section_close(bracket_closes=True)}"
)

_RANGE_DASH = "[" + str(regex.escape(CHARACTERS.range_dashes)) + "]"
_RANGE_SEPARATORS = frozenset((*CHARACTERS.range_dashes, *ENGLISH.range_words))
#: The first character of every continuation (the separators of ``_CONT``): after any other,
#: no continuation follows and the pattern is not tried.
_CONT_FIRST = frozenset((",", *CHARACTERS.horizontal_spaces, *CHARACTERS.range_dashes))
#: Components no press release has: an addendum, corrigendum, revision or draft (L.).
_NOT_A_PRESS_RELEASE = lazy_compile(rf"(?:{'|'.join(ITEM_WORDS)}|L)\.\d")
# Continuation of a list that shares the head: "and Add.1", "-133", ", 36", " to 133".
_CONT = compile_pattern(
    rf"""
    (?P<sep>,{HSPACE}?|{HSPACE}+{AND_WORD}{HSPACE}+|{HSPACE}*{_RANGE_DASH}{HSPACE}*
      |{HSPACE}+{ENGLISH.range_pattern}{HSPACE}+)
    (?P<item>(?:{"|".join(ITEM_WORDS)})\.\d{{1,3}}|\d{{1,5}})
    (?![\w/.]\w|\.\d|/)
    """
)
#: What :func:`_may_continue` skips: every character a separator of ``_CONT`` starts with.
_CONT_SKIPPED = "".join(sorted(_CONT_FIRST))
#: The ASCII letters a separator word or an item can start with after them (the range words
#: match in any case); digits and non-ASCII characters are left to the pattern.
_CONT_NEXT = frozenset(
    (
        *(w[0] for w in ITEM_WORDS),
        AND_WORD[0],
        *(w[0].lower() for w in ENGLISH.range_words),
        *(w[0].upper() for w in ENGLISH.range_words),
    )
)
#: How far :func:`_may_continue` reads; after a longer run of separator characters the
#: pattern decides.
_CONT_LOOK = 24


def _may_continue(text: str, pos: int) -> bool:
    """Can ``_CONT`` match at ``pos``? False only where it cannot: past the separators'
    characters comes neither a digit nor the first letter of a word it needs. Most symbols
    are followed by prose (", para.", " - Page", a run of spaces): the pattern is not tried."""
    window = text[pos : pos + _CONT_LOOK]
    rest = window.lstrip(_CONT_SKIPPED)
    if not rest:
        return len(window) == _CONT_LOOK
    first = rest[0]
    return first in _CONT_NEXT or first.isdigit() or not first.isascii()


_MIXED_CASE = {"ADD": "Add", "CORR": "Corr", "REV": "Rev", "AMEND": "Amend", "SUB": "Sub"}


class _Classifier:
    r"""A component classifier: the standard library's engine on ASCII components (a third of
    ``regex``'s cost per call; they run several times per token), ``regex`` on the others:
    its Unicode is newer than this Python's and reads more characters as ``\d``, so the
    answers stay ``regex``'s (and the same on every Python version)."""

    __slots__ = ("_ascii", "_unicode", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._ascii = re.compile(pattern)
        self._unicode = lazy_compile(pattern)  # rarely needed: compiled on first use

    def match(self, comp: str) -> re.Match[str] | regex.Match[str] | None:
        return (self._ascii if comp.isascii() else self._unicode).match(comp)

    def fullmatch(self, comp: str) -> re.Match[str] | regex.Match[str] | None:
        return (self._ascii if comp.isascii() else self._unicode).fullmatch(comp)

    def sub(self, repl: Callable[[Any], str], comp: str) -> str:
        return (self._ascii if comp.isascii() else self._unicode).sub(repl, comp)


_MOD = _Classifier(r"(Add|Corr|Rev|Amend)\.(\d{1,3})\Z|Summary\Z")
_TYPE_NUM = _Classifier(r"(L|CRP|PV|SR|WP|R|MISC|DP)\.(\d{1,5})(?:-(\d{1,5}))?\Z")
_TYPE_BARE = {"RES", "DEC", "PRST", "INF", "NGO", "PET", "GC", "CO", "Q", "QPR", "D"}
_BODY_NUM = _Classifier(r"(AC|C|CN|CONF|GC|SC|Sub|WG|PC|PCN|EA)\.(\d{1,4})\Z")
_BODY_BARE = {"HRC", "C", "B", "AC", "OP", "BUR", "MC", "ICM", "CORE", "GEN", "PC", "PCN", "OS"}
_SESSION = _Classifier(r"(?:S|ES)-\d{1,2}\Z")
_ROMAN = re.compile(r"^(?:S-|ES-)?[IVXL]+\Z")  # no \d: the same in both engines
_MISSING_DOT = _Classifier(r"(SUB|ADD|CORR|REV|AMEND|AC|CN|CONF|WG|SR|PV|CRP)(\d+)")
#: Series whose symbols may hold a country code (``CCPR/C/BGR/CO/3``).
_COUNTRY_SERIES = TREATY_BODY_SERIES | {"E"}


def _is_modifier(comp: str) -> bool:
    """``Add.1``, ``Corr.2``, ``Rev.3``, ``Amend.4`` or ``Summary`` (the pattern is tried only
    on components with a dot, or on ``Summary``)."""
    return ("." in comp or comp == "Summary") and _MOD.match(comp) is not None


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def canonical_component(comp: str) -> str:
    """Canonical case of one component: upper case except Add./Corr./Rev./Amend./Sub./Summary."""
    if comp.isascii() and comp.isalnum():  # the commonest: "HRC", "41", "co"
        upper = comp.upper()
        return "Summary" if upper == "SUMMARY" else upper
    if "(" in comp:
        base, _, paren = comp.partition("(")
        if (vol := _GLUED_VOLUME.match("(" + paren)) is not None:
            return canonical_component(base) + _volume_label(vol["vpword"], vol["vpnum"])
        return canonical_component(base) + "(" + paren
    # A non-breaking hyphen in "S\u201130" is typography: the symbol has a hyphen.
    comp = "".join(comp.split()).translate(_HYPHENS)
    head, dot, tail = comp.partition(".")
    if dot and head.upper() in _MIXED_CASE:
        return f"{_MIXED_CASE[head.upper()]}.{tail.upper()}"
    if comp.upper() == "SUMMARY":
        return "Summary"
    return comp.upper()


@attrs.frozen(slots=True)
class UNSymbol:
    """A UN document symbol split into its layers."""

    canonical: str
    series: str
    components: tuple[str, ...]
    bodies: tuple[str, ...] = ()
    session: str | None = None
    year: int | None = None
    doc_type: str | None = None
    number: str | None = None
    modifiers: tuple[str, ...] = ()
    country: str | None = None
    legacy_session: str | None = None
    sc_year: int | None = None
    part: str | None = None

    @property
    def is_resolution(self) -> bool:
        return self.doc_type == "RES"


#: The document types of GA symbols adopted in parts (GA resolutions and decisions).
_SECTIONED_TYPES = frozenset(("RES", "DEC"))


def takes_section(comps: list[str] | tuple[str, ...]) -> bool:
    """Can a section letter follow these components? Only a GA resolution or decision of the
    session/number form (``A/RES/59/284``, ``A/DEC/31/406``, ``A/RES/ES-10/2``) is adopted
    in lettered parts; reports and other bodies' symbols have none."""
    return (
        len(comps) == 4
        and comps[0] == "A"
        and comps[1] in _SECTIONED_TYPES
        and comps[3].isdigit()
        and (comps[2].isdigit() or _SESSION.fullmatch(comps[2]) is not None)
    )


def _tight_section(comps: list[str]) -> tuple[list[str], str] | None:
    """``[A, RES, 59, 284B]`` -> (``[A, RES, 59, 284]``, ``B``); None for any other symbol."""
    last = comps[-1]
    if len(last) < 2 or not ("A" <= last[-1] <= "Z") or not last[:-1].isdigit():
        return None
    bare = [*comps[:-1], last[:-1]]
    return (bare, last[-1]) if takes_section(bare) else None


def build_symbol(
    comps: list[str],
    part: str | None = None,
    paren: str | None = None,
    star: bool = False,
    volume: str = "",
) -> UNSymbol:
    """Classify canonical components (series first) into a :class:`UNSymbol`; ``volume`` is
    a canonical volume or part such as ``(Vol.I)`` / ``(PartI)``. ``part`` is the letter of a
    resolution adopted in parts: dropped before a Roman session (``217 A (III)`` is catalogued
    ``A/RES/217(III)``), kept as the section otherwise (``59/284 B`` -> ``A/RES/59/284B``)."""
    if part is None and not paren and (tight := _tight_section(comps)) is not None:
        comps, part = tight  # "A/RES/59/284B": number 284, section B
    section = part if part is not None and not paren else ""
    series = comps[0]
    bodies: list[str] = []
    modifiers: list[str] = []
    numbers: list[str] = []
    doc_type: str | None = None
    session: str | None = None
    year: int | None = None
    country: str | None = None
    type_number: str | None = None
    for i, comp in enumerate(comps[1:], start=1):
        # Numbers first: no pattern below matches digits alone. The patterns are tried only
        # on components with the dot or hyphen each of them needs.
        if comp.isdigit():
            numbers.append(comp)
            continue
        dotted = "." in comp
        if _is_modifier(comp):
            modifiers.append(comp)
        elif dotted and (m := _TYPE_NUM.match(comp)):
            doc_type = comp
            type_number = m.group(2)
        elif comp in _TYPE_BARE and doc_type is None:
            doc_type = comp
        elif (dotted and _BODY_NUM.match(comp)) or (
            comp in _BODY_BARE and not numbers and doc_type is None
        ):
            if comp == "OS":
                session = "OS"
            else:
                bodies.append(comp)
        elif "-" in comp and _SESSION.match(comp):
            session = comp if session in (None, "OS") else session
            if session == "OS":
                session = comp
        elif (
            len(comp) == 3
            and comp.isalpha()
            and series in _COUNTRY_SERIES
            and i >= 2
            and country is None
        ):
            country = comp
        else:
            bodies.append(comp)
    number: str | None = None
    if numbers:
        number = numbers[-1]
        lead = numbers[:-1]
        if doc_type == "D" and len(numbers) >= 2:
            # CCPR/C/127/D/2728/2016: session, communication number, registration year.
            number = numbers[-2]
            year = int(numbers[-1])
            lead = numbers[:-2]
        for n in lead:
            if len(n) == 4 and 1946 <= int(n) <= current_year() + 1 and year is None:
                year = int(n)
            elif session is None:
                session = n
    elif type_number is not None:
        number = type_number
    legacy: str | None = None
    sc_year: int | None = None
    if paren:
        if _ROMAN.match(paren):
            legacy = paren
        else:
            sc_year = int(paren)
    canonical = (
        "/".join(comps)
        + section
        + (f"({paren})" if paren else "")
        + volume
        + ("*" if star else "")
    )
    return UNSymbol(
        canonical=canonical,
        series=series,
        components=tuple(comps),
        bodies=tuple(bodies),
        session=session,
        year=year,
        doc_type=doc_type,
        number=number,
        modifiers=tuple(modifiers),
        country=country,
        legacy_session=legacy,
        sc_year=sc_year,
        part=part,
    )


def parse_symbol(symbol: str) -> UNSymbol | None:
    """Parse one symbol string (e.g. from a prose family); None if it is not a symbol."""
    m = _TOKEN.fullmatch(symbol.strip())
    if not m:
        return None
    comps = [canonical_component(m.group("series"))] + [
        canonical_component(c) for c in _split_rest(m.group("rest"))
    ]
    part = m.group("part")
    if m.group("section"):
        if m.group("vpword") or m.group("star") or not takes_section(comps):
            return None  # "A/HRC/41/35 A": a report has no sections
        part = m.group("section")
    return build_symbol(comps, part, m.group("paren"), bool(m.group("star")), _volume(m))


# Running page headers: a symbol alone on its line at a page break ("\f"), after the
# "United Nations" masthead, or right after the previous page's number or job number
# ("GE.14-23930 (E)"), barcode or distribution line ("Distr. GENERAL"). Decided from the
# line and the few lines before it only, so a windowed scan (``citecheck.stream``) decides
# as the whole text does.
_HEADER_BEFORE = regex.compile(r"[ \t\u00a0]*(?:\f|United[ \t]+Nations)?[ \t\u00a0\f]*\Z")
_PAGE_END = regex.compile(
    r"(?m:^)(?:[ \t\u00a0\f]*(?:\d{1,4}|GE\.\d{2}-\d{5}[^\n]{0,30}|[\ue000-\uf8ff]{4,30}"
    r"|[^\n]{0,160}(?:GENERAL|Distr\.?:?[ \t]+General))[ \t\u00a0]*\n"
    r"(?:[ \t\u00a0\f]*\n){0,3}[ \t\u00a0\f]*)\Z"
)
_PAGE_END_REACH = 240
_HEADER_INDENT_REACH = 200
# The rest of the line is blank: white space (``str.isspace``; ``\s`` lacks U+001C-U+001F).
_BLANK_TO_LINE_END = regex.compile(r"(?:[^\S\n]|[\x1c-\x1f])*+(?:\n|\Z)")


def _is_running_header(text: str, cit: Citation) -> bool:
    """Is ``cit`` a page header (the document's symbol alone on its line at a page break)?

    Looks only near the citation (never to the ends of its line), so a document of one long
    line costs no more per citation than any other."""
    return not cit.pinpoint and _is_header_at(text, cit.start, cit.end)


def _is_header_at(text: str, start: int, end: int) -> bool:
    """:func:`_is_running_header` for a symbol without pinpoint at ``[start, end)``, asked
    before its citation is built (a header's would be thrown away)."""
    after = text[end : end + 1]
    if after and not after.isspace():
        return False  # the commonest answer: the line goes on ("isspace" holds U+001C-U+001F)
    if _BLANK_TO_LINE_END.match(text, end) is None:
        return False
    lo = max(0, start - _HEADER_INDENT_REACH - 1)
    line_start = text.rfind("\n", lo, start) + 1
    if line_start == 0 and lo > 0:
        return False  # more than _HEADER_INDENT_REACH before it on its line
    before = text[line_start:start]
    if len(before) > _HEADER_INDENT_REACH or _HEADER_BEFORE.fullmatch(before) is None:
        return False
    if "\f" in before or "Nations" in before:
        return True
    lo = max(0, line_start - _PAGE_END_REACH)
    return _PAGE_END.search(text, lo, start) is not None


def _volume(m: regex.Match[str]) -> str:
    """``(Vol. I)`` -> ``(Vol.I)``, ``(part 2)`` -> ``(Part2)``: the canonical volume/part."""
    word = m.group("vpword")
    if not word:
        return ""
    return _volume_label(word, m.group("vpnum"))


def _volume_label(word: str, number: str) -> str:
    label = "Vol." if word.lower().startswith("vol") else "Part"
    return f"({label}{number})"


_VOLUME_PAREN = (
    rf"\({HSPACE}?(?P<vpword>(?i:Vol\.?|Part)){HSPACE}?"
    rf"(?P<vpnum>[IVXL]{{1,6}}|\d{{1,2}}|[A-Z]){HSPACE}?\)"
)
#: A volume or part glued to the last component: "40(Vol. I)".
_GLUED_VOLUME = regex.compile(rf"{_VOLUME_PAREN}\Z")
#: The volume or part that ends a written token, with the spaces before it: the UN writes
#: "A/51/40 (Vol. I)" (only the id is spaceless), so it is no business of UN102.
_WRITTEN_VOLUME = regex.compile(rf"{HSPACE}*{_VOLUME_PAREN}\Z")
#: The canonical volume or part inside a canonical symbol.
_CANONICAL_VOLUME = regex.compile(r"\((?:Vol\.|Part)[^)/]*\)")


_GLUED_WORD = regex.compile(r"(?<=/[^/]*\d)[a-z]{2,}\Z")
_GLUED_LETTERS = "abcdefghijklmnopqrstuvwxyz"  # ``[a-z]`` of ``_GLUED_WORD``


def _may_be_glued(token: str) -> bool:
    """Can ``_GLUED_WORD`` match at the end of ``token``? Its letters follow a digit: False
    where an ASCII character other than a digit comes before the token's last lower-case
    letters ("S/he", "A/HRC/xx" of a text without digits). Searching costs microseconds."""
    head = token.rstrip(_GLUED_LETTERS)
    last = head[-1:]
    return last.isdigit() or not last.isascii()


_DOT_BEFORE_MODIFIER = regex.compile(r"\.(?=(?i:add|corr|rev|amend)\.\d)")


def _split_rest(rest: str) -> list[str]:
    """Components between the slashes; ``19.Add.1`` (a dot for a slash) counts as two."""
    comps: list[str] = []
    for raw in rest.split("/"):
        comp = raw.strip()
        if comp.count(".") >= 2:  # a dot for a slash, and the modifier's own dot
            comps.extend(p for p in _DOT_BEFORE_MODIFIER.split(comp) if p)
        elif comp:
            comps.append(comp)
    return comps


def _surface_notes(
    raw: str, symbol: UNSymbol, canonical_text: str, start: int, end: int
) -> Iterator[Finding]:
    """Findings about how the symbol is written (they need the token's own span)."""
    ident = f"un:{canonical_text}"
    if (volume := _WRITTEN_VOLUME.search(raw)) is not None:
        # "A/51/40 (Vol. I)" is how the UN writes it: only the symbol before the volume
        # is checked, and a fix rewrites only that.
        raw = raw[: volume.start()]
        end = start + volume.start()
        canonical_text = _CANONICAL_VOLUME.sub("", canonical_text, count=1)
    if symbol.series in NOT_A_SERIES:
        fixed = NOT_A_SERIES[symbol.series] + canonical_text[len(symbol.series) :]
        second = symbol.components[1] if len(symbol.components) > 1 else ""
        # Rewritten only where no other document can carry the written symbol (HRC/RES/17/4);
        # "HRC/11/120" is named, not rewritten: it may be a press release of that symbol.
        # An addendum, corrigendum, revision or draft (L.) is a document of the body's own
        # series too: "HRC/17/31/Add.1" is A/HRC/17/31/Add.1.
        sure = second in _NOT_SERIES_TYPES or any(
            _NOT_A_PRESS_RELEASE.match(c) for c in symbol.components[2:]
        )
        advice = (
            f"; the symbol is {fixed}"
            if sure
            else f"; did you mean {fixed}?"
            if second.isdigit()
            else ""
        )
        yield NOT_SERIES.finding(
            f"'{symbol.series}/' is not a UN series{advice}",
            start,
            end,
            id=ident,
            fix=Fix(start, end, fixed, f"write {fixed}") if sure else None,
        )
        return
    missing_dot = [
        c
        for c in symbol.components[1:]
        if c[:1].isalpha() and c[-1:].isdigit() and _MISSING_DOT.fullmatch(c)
    ]
    if missing_dot:
        fixed = "/".join(
            _MISSING_DOT.sub(lambda mm: f"{canonical_component(mm[1] + '.x')[:-1]}{mm[2]}", c)
            for c in symbol.components
        )
        yield MALFORMED.finding(
            f"component '{missing_dot[0]}' lacks its dot; the symbol is {fixed}",
            start,
            end,
            id=f"un:{symbol.canonical}",
            fix=Fix(start, end, fixed, f"write {fixed}"),
        )
        return
    if raw == canonical_text:
        return
    # "A/RES/59/284 B": the UN's own way of writing a section
    sectioned = symbol.part and not (symbol.legacy_session or symbol.sc_year)
    if sectioned and raw[-1:] == symbol.part and raw[:-1].rstrip() == canonical_text[:-1]:
        return
    written = "".join(raw.split())
    if symbol.part:
        written = written.replace(f"{symbol.part}(", "(", 1)
    display = " ".join(raw.split())
    if written == canonical_text and "\n" in raw:
        why = "a line break inside the symbol"
    elif written == canonical_text:
        why = "a space before the parenthesis" if "(" in raw else "spaces inside"
    elif written.upper() == canonical_text.upper():
        why = "letter case"
    else:
        # More than case and spacing differs ("19.Add.1"): report, but a rewrite is
        # not safe enough to offer.
        yield MALFORMED.finding(
            f"'{display}' is not a well-formed symbol; did you mean {canonical_text}?",
            start,
            end,
            id=ident,
        )
        return
    spaced = symbol.sc_year is not None or symbol.legacy_session is not None
    if not (spaced and written == canonical_text and "\n" not in raw):
        # The fix keeps the author's space before a section letter: "A/RES/59/284 B" is UN style
        wanted = canonical_text
        gap = raw[len(raw[:-1].rstrip()) : -1] if sectioned and raw[-1:] == symbol.part else ""
        if gap:
            wanted = canonical_text[:-1] + (" " if "\n" in gap else gap) + raw[-1]
        yield NON_CANONICAL.finding(
            f"'{display}' differs from the canonical symbol {canonical_text} in {why}",
            start,
            end,
            id=ident,
            fix=Fix(start, end, wanted, f"write {wanted}"),
        )


@attrs.frozen(slots=True)
class _Token:
    """What the text of one matched token decides, offsets relative to its start: the symbol
    (and the ids of a range written inside it, ``SR.131-133``), where its span ends, the
    findings about how it is written, and what continuations (``and Add.1``, ``, 36``) reuse.
    """

    symbols: tuple[UNSymbol, ...]
    end: int
    notes: tuple[Finding, ...]
    #: the components before the last, the components less modifiers
    head: tuple[str, ...]
    stem: tuple[str, ...]
    #: the last component's document type and number when it is numbered (``SR.131``)
    label: str | None
    number: int | None


#: How many parsed token texts are kept (about 1 KB each, so a few megabytes at most): a
#: report cites the same symbols as the reports before it, and a session (the language
#: server, a batch) reads the same documents again. Only tokens naming one symbol are kept:
#: a range written inside a token (``CCPR/C/SR.1-201``) holds a symbol per number.
_PARSED_TOKENS_MAX = 8192
#: The parse of each token text without findings, for the year it was parsed in (a parse
#: reads the clock: four-digit numbers up to next year are years).
_PARSED_TOKENS: dict[int, dict[str, _Token | None]] = {}


def _parsed_tokens(year: int) -> dict[str, _Token | None]:
    """The token parses of this year; those of another year (a clock set by a test, a new
    year in a long session) are dropped."""
    tokens = _PARSED_TOKENS.get(year)
    if tokens is None:
        _PARSED_TOKENS.clear()
        tokens = _PARSED_TOKENS[year] = {}
    return tokens


def _parse_token(text: str, m: regex.Match[str]) -> _Token | None:
    """Parse one match of the tokeniser; None when it is not a symbol after all.

    The same token text always gives the same groups, so the same parse: it is kept for
    later documents (bounded), unless it carries findings (they hold this occurrence's
    offsets) or names more than one symbol (a range's symbols would make the bound one of
    entries, not of memory)."""
    key = m.group()
    kept = _parsed_tokens(current_year())
    try:
        return kept[key]  # one look-up: another thread may clear the cache between two
    except KeyError:
        pass
    token = _read_token(text, m)
    if token is None or (not token.notes and len(token.symbols) == 1):
        if len(kept) >= _PARSED_TOKENS_MAX:
            kept.clear()
        kept[key] = token
    return token


def _read_token(text: str, m: regex.Match[str]) -> _Token | None:
    """:func:`_parse_token` without the kept parses."""
    rest = m.group("rest")
    if not any(map(str.isdigit, rest)):
        return None
    raw_series = m.group("series")
    raw_comps = _split_rest(rest)
    if len(raw_comps) == 1 and not (
        raw_series.isupper()
        and (
            (raw_comps[0].isdigit() and len(raw_comps[0]) >= 3)
            or _TYPE_NUM.match(raw_comps[0].partition("(")[0])
        )
    ):
        return None
    # "a/res/59/284 B", "a/51/40 (Vol. I)": the case of the symbol itself decides, not its
    # section letter's or volume's
    bare = text[m.start() : m.start("spaced_section")] if m.group("section") else m.group(0)
    if m.group("vpword"):
        bare = text[m.start() : m.start("vpword")]
    if not raw_series.isupper() and not bare.islower():
        # Mixed case like "Id/..." or "Cat/..." is prose, not a symbol.
        return None
    comps = [canonical_component(raw_series)] + [canonical_component(c) for c in raw_comps]
    paren = m.group("paren")
    part = m.group("part")
    roman = bool(paren) and _ROMAN.match(paren) is not None
    if m.group("section"):
        part = m.group("section")
        if m.group("vpword") or m.group("star") or not takes_section(comps):
            # "A/HRC/41/35 A": a report has no sections; the letter belongs to the text
            end = m.start("spaced_section")
            part = None
        else:
            end = m.end()
    elif paren and "RES" not in comps:
        # "A/HRC/41/35 (2019)" is a symbol followed by a year, not part of the symbol; a
        # Roman session belongs only to a resolution.
        end = m.start("suffix")
        paren = part = None
    else:
        end = m.end()
    hybrid: Finding | None = None
    if paren and not roman and comps[:2] == ["A", "RES"] and len(comps) == 4:
        # "A/RES/73/179 (2018)": SC style on a GA symbol; the year is not part of the id,
        # a section letter before it is ("A/RES/59/284 B (2004)").
        if not (part and takes_section(comps)):
            part = None
        cut, cut_end = (m.end("part") if part else m.start("suffix")), m.end("suffix")
        bare = "/".join(comps) + (part or "")
        hybrid = HYBRID_YEAR.finding(
            f"{bare}: GA resolutions of the session/number form take no year; write '{bare}'",
            m.start(),
            cut_end,
            id="un:" + bare,
            fix=Fix(cut, cut_end, "", f"delete '{text[cut:cut_end].strip()}'"),
        )
        paren = None
    # A range written inside the last component: SR.131-133.
    last = comps[-1]
    range_m = _TYPE_NUM.match(last)
    range_to = range_m.group(3) if range_m else None
    if range_m and range_to:
        comps[-1] = f"{range_m.group(1)}.{range_m.group(2)}"
    symbol = build_symbol(comps, part, paren, bool(m.group("star")), _volume(m))
    start = m.start()
    token_text = text[start:end]
    written = symbol.canonical
    if range_m and range_to:
        written = "/".join([*comps[:-1], canonical_component(last)])
    head_notes = tuple(_surface_notes(token_text, symbol, written, start, end))
    if hybrid is not None:
        cut = m.end("part") if part else m.start("suffix")
        token_text = text[start:cut]
        head_notes = (
            *_surface_notes(token_text, symbol, written, start, cut),
            hybrid,
        )
    symbols = [symbol]
    if range_m and range_to:
        first_n, last_n = int(range_m.group(2)), int(range_to)
        if first_n < last_n <= first_n + 200:
            for n in range(first_n + 1, last_n + 1):
                symbols.append(build_symbol([*comps[:-1], f"{range_m.group(1)}.{n}"]))
    # The last component, less a range inside it, is numbered exactly when it held one.
    numbered = range_m
    return _Token(
        symbols=tuple(symbols),
        end=end - start,
        notes=head_notes,
        head=tuple(comps[:-1]),
        stem=tuple(c for c in comps if not _is_modifier(c)),
        label=numbered.group(1) if numbered else None,
        number=int(numbered.group(2)) if numbered else None,
    )


def _section_list(text: str, end: int, token: _Token) -> tuple[tuple[str, ...], int] | None:
    """The sections listed after a GA resolution's symbol that names none itself, and where
    the list ends; None where no list follows or the symbol takes no section."""
    head = token.symbols[0]
    if (
        not text[end : end + 1].isspace()
        or len(token.symbols) > 1
        or head.part is not None
        or head.canonical != "/".join(head.components)  # a star or a volume
        or not takes_section(head.components)
    ):
        return None
    found = _SECTION_LIST.match(text, end)
    if found is None:
        return None
    return section_letters(found.group("letters")), found.end()


class UNSymbolFamily:
    """Finds and parses UN document symbols."""

    name = "un_symbols"
    triggers = ("/",)
    anchors: tuple[str, ...] = ()
    priority = 10
    #: read past a citation: its pinpoint after it
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH)
    rules = (
        MALFORMED,
        NON_CANONICAL,
        NOT_SERIES,
        IMPOSSIBLE,
        NUMBERING_MIX,
        HYBRID_YEAR,
        SC_NO_YEAR,
        IMPLAUSIBLE_NUMBER,
    )

    def find(self, doc: Document) -> Iterator[Citation]:
        """Every symbol, less the running page headers that repeat the document's own."""
        return self._find(doc, drop_headers=True)

    def _find(self, doc: Document, *, drop_headers: bool = False) -> Iterator[Citation]:
        """Visit each '/' once (C-speed ``str.find``) and try the tokeniser just before it.

        Scanning every position with the tokeniser's alternation costs ~100x more than
        jumping between slashes; symbols cannot exist without one. What a token's text alone
        decides is parsed once per document (a report cites its sources again and again) and
        kept for the next ones (:func:`_parse_token`).
        """
        text = doc.text
        find = text.find
        tokens: dict[str, _Token | None] = {}
        pos = find("/")
        while pos != -1:
            m = None
            # The tokeniser can match only if the whole word before the slash is a series (the
            # word holds no space or slash to end one earlier): a series' last letter must come
            # just before the slash, and other words are refused with a set look-up. Non-ASCII
            # letters can match a series letter case-insensitively ("ſ" is "s"): those words
            # are tried.
            last = text[pos - 1 : pos]
            if last in _SERIES_LAST or (not last.isascii() and last.isalpha()):
                start = pos
                floor = max(0, pos - _SERIES_REACH)
                while start > floor and (text[start - 1].isalnum() or text[start - 1] == "."):
                    start -= 1
                while not text[start].isalpha():
                    start += 1
                word = text[start:pos]
                if word.upper() in _SERIES_UPPER or not word.isascii():
                    m = _TOKEN.match(text, start)
            if m is not None and "a" <= text[m.end() - 1] <= "z" and _may_be_glued(m.group()):
                glued = _GLUED_WORD.search(text, m.start(), m.end())
                if glued is not None:
                    # "CO/3para. 10": the symbol ends where the digits do.
                    m = _TOKEN.match(text, m.start(), glued.start())
            if m is not None:
                yield from self._citations(text, m, tokens, drop_headers)
                pos = find("/", m.end())
            else:
                pos = find("/", pos + 1)

    def _citations(
        self,
        text: str,
        m: regex.Match[str],
        tokens: dict[str, _Token | None],
        drop_headers: bool,
    ) -> Iterator[Citation]:
        # The same token text always gives the same groups: its parse is reused, unless it
        # carries findings (they hold this occurrence's offsets).
        key = m.group()
        if key in tokens:
            token = tokens[key]
        else:
            token = _parse_token(text, m)
            if token is None or not token.notes:
                tokens[key] = token
        if token is None:
            return
        start = m.start()
        end = start + token.end
        group = [(token.symbols[0], start, end, token.notes)]
        if len(token.symbols) > 1:
            group.extend((sibling, start, end, ()) for sibling in token.symbols[1:])
        sections = _section_list(text, end, token)
        if sections is not None:
            # "A/RES/59/284 A and B": each section is its own document, on one span
            letters, end = sections
            comps = list(token.symbols[0].components)
            group = [
                (build_symbol(comps, letter), start, end, token.notes if i == 0 else ())
                for i, letter in enumerate(letters)
            ]
        elif text[end : end + 1] in _CONT_FIRST:
            end = self._continuations(text, end, token, group)
        pin, pin_end = pinpoint_after(
            text, group[-1][2], start=group[-1][1], own_languages=True
        )
        if not pin and len(group) == 1:
            # "paragraphs 3 to 5 of document A/HRC/41/35": the span stays the symbol's
            pin = pinpoint_before(text, start, own_languages=True)
        last_span = group[-1][1:3]
        for sym, s, e, notes in group:
            # The pinpoint belongs to the last item, or to every id of a range ending there.
            pinned = bool(pin) and (s, e) == last_span
            if not pinned and drop_headers and _is_header_at(text, s, e):
                continue
            e2 = pin_end if pinned else e
            yield Citation(
                id=f"un:{sym.canonical}",
                kind=Kind.UN_DOCUMENT,
                text=text[s:e2],
                start=s,
                end=e2,
                pinpoint=pin if pinned else NO_PINPOINT,
                parts=sym,
                family=self.name,
                notes=notes,
            )

    def _continuations(
        self,
        text: str,
        pos: int,
        token: _Token,
        group: list[tuple[UNSymbol, int, int, tuple[Finding, ...]]],
    ) -> int:
        """Expand 'and Add.1' / ', 36' / '-133' items that reuse the head's stem."""
        prev_n = token.number
        while text[pos : pos + 1] in _CONT_FIRST and _may_continue(text, pos):
            c = _CONT.match(text, pos)
            if not c:
                return pos
            item, sep = c.group("item"), c.group("sep").strip()
            if item[0].isalpha():
                sym = build_symbol([*token.stem, canonical_component(item)])
                group.append((sym, c.start("item"), c.end(), ()))
            elif prev_n is not None and not unreadable_number(item):
                n = int(item)
                head, label = token.head, token.label
                if sep in _RANGE_SEPARATORS and prev_n < n <= prev_n + 200:
                    for k in range(prev_n + 1, n + 1):
                        sym = build_symbol([*head, f"{label}.{k}"])
                        group.append((sym, c.start("item"), c.end(), ()))
                elif sep in (",", "and") and n > 0:
                    group.append(
                        (build_symbol([*head, f"{label}.{n}"]), c.start("item"), c.end(), ())
                    )
                else:
                    return pos
                prev_n = n
            else:
                return pos
            pos = c.end()
        return pos

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        sym = citation.parts
        if not isinstance(sym, UNSymbol) or citation.short_form:
            return
        s, e, cid = citation.start, citation.end, citation.id
        # Each set of checks is about some series only: the others skip it unread.
        if sym.series in TREATY_BODY_SERIES:
            yield from _structure_checks(sym, s, e, cid)
        if sym.series in _CHECKED_SERIES:
            yield from _series_checks(sym, s, e, cid, _held_sessions(doc))


def _structure_checks(sym: UNSymbol, s: int, e: int, cid: str) -> Iterator[Finding]:
    if sym.series in TREATY_BODY_SERIES:
        comps = sym.components
        # "CO" opens the legacy concluding-observation series (CCPR/CO/76/TGO).
        legal_second = ("C", "OP", "SP", "CO")
        if len(comps) > 1 and comps[1] not in legal_second and not comps[1].startswith("C."):
            yield MALFORMED.finding(
                f"treaty-body symbols start with '{sym.series}/C/' (e.g. {sym.series}/C/GC/34)",
                s,
                e,
                id=cid,
            )
        if sym.doc_type == "D" and sym.year is not None and sym.year < 100:
            yield MALFORMED.finding(
                f"{sym.canonical}: the registration year of a communication has four digits "
                f"(…/D/{sym.number}/20{sym.year:02d} or 19{sym.year:02d})",
                s,
                e,
                id=cid,
            )
        for comp in comps[2:3]:
            if len(comp) == 2 and comp.isalpha() and comp not in ("CO", "GC"):
                yield MALFORMED.finding(
                    f"country code '{comp}' has two letters; treaty-body symbols use ISO "
                    "3166-1 alpha-3 codes (BGR, not BG)",
                    s,
                    e,
                    id=cid,
                )


#: The series :func:`_series_checks` has checks for.
_CHECKED_SERIES = frozenset(("A", "S", "E"))


@attrs.frozen(slots=True)
class _HeldSessions:
    """The latest GA and HRC regular sessions by the clock (``citecheck.knowledge``)."""

    ga: int
    hrc: int


def _held_sessions(doc: Document) -> _HeldSessions:
    """Read once per document: reading the clock costs more than a symbol's checks."""
    held = doc.__dict__.get("_un_held_sessions")
    if not isinstance(held, _HeldSessions):
        held = _HeldSessions(ga_max_session(), hrc_max_session())
        doc.__dict__["_un_held_sessions"] = held
    return held


def _series_checks(
    sym: UNSymbol, s: int, e: int, cid: str, held: _HeldSessions
) -> Iterator[Finding]:
    comps = sym.components
    series = sym.series
    # General Assembly resolutions.
    if series == "A" and sym.doc_type == "RES" and len(comps) >= 3 and comps[1] == "RES":
        if sym.legacy_session:
            yield from _legacy_ga_checks(sym, s, e, cid)
        elif sym.session:
            yield from _ga_session_checks(sym, s, e, cid, held.ga)
        elif sym.number and len(comps) == 3:
            yield MALFORMED.finding(
                f"{sym.canonical}: a GA resolution needs a session (73/179) or, before 1976, a "
                "Roman session numeral (3379 (XXX))",
                s,
                e,
                id=cid,
            )
    # Security Council.
    if series == "S" and len(comps) >= 3 and comps[1] == "RES":
        if sym.sc_year is None and sym.legacy_session is None:
            yield SC_NO_YEAR.finding(
                f"{sym.canonical}: cite SC resolutions with their year, e.g. S/RES/2231 (2015)",
                s,
                e,
                id=cid,
            )
        elif sym.sc_year is not None and sym.number and sym.number.isdigit():
            yield from _sc_year_checks(int(sym.number), sym.sc_year, s, e, cid)
    if series == "S" and len(comps) >= 3 and comps[1] == "PRST" and sym.year and sym.year < 1994:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: the S/PRST series starts in 1994; earlier presidential "
            "statements are ordinary S/ documents",
            s,
            e,
            id=cid,
        )
    # ECOSOC resolutions and decisions.
    ecosoc = series == "E" and len(comps) >= 3 and comps[1] in ("RES", "DEC")
    if ecosoc and (sym.year or 9999) < 1978:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: year-numbered ECOSOC {comps[1].lower()}s start in 1978",
            s,
            e,
            id=cid,
        )
    # Human Rights Council.
    if series == "A" and "HRC" in sym.bodies:
        yield from _hrc_checks(sym, s, e, cid, held.hrc)
    # GA documents by session.
    ga_session = sym.session if series == "A" and not sym.bodies and not sym.doc_type else None
    if ga_session and ga_session.isdigit() and int(ga_session) > held.ga:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: the General Assembly has held {held.ga} sessions",
            s,
            e,
            id=cid,
        )


def _legacy_ga_checks(sym: UNSymbol, s: int, e: int, cid: str) -> Iterator[Finding]:
    legacy = sym.legacy_session or ""
    roman = legacy.split("-")[-1]
    value = roman_to_int(roman) or 0
    if sym.number and sym.number.isdigit() and int(sym.number) > 3541:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: legacy GA resolutions were numbered up to 3541",
            s,
            e,
            id=cid,
        )
    if legacy.startswith("S-") and value > 7:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: special sessions after the 7th use the S-n/N form",
            s,
            e,
            id=cid,
        )
    elif legacy.startswith("ES-") and value > 5:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: emergency special sessions after the 5th use the ES-n/N form",
            s,
            e,
            id=cid,
        )
    elif not legacy.startswith(("S-", "ES-")) and value > 30:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: Roman session numerals ran only to XXX (1975); from the 31st "
            "session resolutions are numbered session/number",
            s,
            e,
            id=cid,
        )


def _ga_session_checks(sym: UNSymbol, s: int, e: int, cid: str, ga_held: int) -> Iterator[Finding]:
    session = sym.session or ""
    if session.isdigit():
        n = int(session)
        if n < 31:
            yield NUMBERING_MIX.finding(
                f"{sym.canonical}: the session/number form starts at the 31st session; "
                "earlier resolutions are cited as number (Roman session), e.g. 3379 (XXX)",
                s,
                e,
                id=cid,
            )
        elif n > ga_held:
            yield IMPOSSIBLE.finding(
                f"{sym.canonical}: the General Assembly has held {ga_held} sessions",
                s,
                e,
                id=cid,
            )
    elif session.startswith("S-") and int(session[2:]) < 8:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: special sessions up to the 7th used the (S-VII) form",
            s,
            e,
            id=cid,
        )
    elif session.startswith("ES-") and int(session[3:]) < 6:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: emergency special sessions up to the 5th used the (ES-V) form",
            s,
            e,
            id=cid,
        )


# Sourced anchors: SC resolution number -> year of adoption.
_SC_ANCHORS = (
    (955, 1994),
    (1019, 1995),
    (1325, 2000),
    (1373, 2001),
    (1440, 2002),
    (1612, 2005),
    (1730, 2006),
    (2223, 2015),
    (2231, 2015),
)


def _sc_year_checks(number: int, year: int, s: int, e: int, cid: str) -> Iterator[Finding]:
    for anchor_n, anchor_y in _SC_ANCHORS:
        if (number < anchor_n and year > anchor_y) or (number > anchor_n and year < anchor_y):
            yield IMPOSSIBLE.finding(
                f"S/RES/{number} ({year}): resolution {anchor_n} was adopted in {anchor_y}; "
                "numbers grow with the year",
                s,
                e,
                id=cid,
            )
            return


def _hrc_checks(sym: UNSymbol, s: int, e: int, cid: str, hrc_held: int) -> Iterator[Finding]:
    session = sym.session
    if session and session.isdigit() and int(session) > hrc_held:
        yield IMPOSSIBLE.finding(
            f"{sym.canonical}: the Human Rights Council has held {hrc_held} regular "
            "sessions",
            s,
            e,
            id=cid,
        )
    if sym.doc_type in ("RES", "DEC") and sym.number and sym.number.isdigit():
        n = int(sym.number)
        if sym.doc_type == "DEC" and not 101 <= n <= 199:
            yield IMPLAUSIBLE_NUMBER.finding(
                f"{sym.canonical}: HRC decisions are numbered from 101 in each session",
                s,
                e,
                id=cid,
            )
        elif sym.doc_type == "RES" and n > HRC_MAX_RESOLUTION:
            yield IMPLAUSIBLE_NUMBER.finding(
                f"{sym.canonical}: no HRC session has adopted {n} resolutions; is this a "
                f"report number (A/HRC/{session}/{n})?",
                s,
                e,
                id=cid,
            )


FAMILY = UNSymbolFamily()
