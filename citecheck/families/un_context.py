"""Shared UN context: which body or committee a prose citation belongs to, and session years.

Prose citations ("resolution 43/16", "general comment No. 16") often leave the issuing body
implicit; UN practice resolves it from the words just before the citation (a
160-character look-back, as public citation-graph code does), from the citing document, and
from dates. Everything here is pure and bounded: the look-back reads at most ``LOOKBACK``
characters, the document profile is computed once per document.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs
import regex

from citecheck import knowledge
from citecheck import un_languages as un
from citecheck.families.base import MONTHS, Document, compile_pattern
from citecheck.lexicon import ENGLISH
from citecheck.patterns import lazy_compile

#: Highest plausible number of an HRC resolution within a session: sessions adopt well under
#: this many; above it "43/61" is more likely a report symbol's number. Shared by un_prose
#: (UN203) and un_symbols so the two families agree.
HRC_MAX_RESOLUTION = knowledge.hrc_max_resolutions()
#: How far back to look for a named body or committee.
LOOKBACK = 160


class Body(str, enum.Enum):
    """A UN organ whose resolutions and decisions are cited in prose."""

    GA = "GA"
    SC = "SC"
    ECOSOC = "ECOSOC"
    HRC = "HRC"
    CHR = "CHR"
    SUBCOM = "SUBCOM"


COMMITTEES: tuple[str, ...] = tuple(knowledge.treaty_bodies())
#: Committees that call their texts "general recommendations" (F.2); the others "comments".
RECOMMENDATION_COMMITTEES = frozenset(
    b.code for b in knowledge.treaty_bodies().values() if b.term == "recommendation"
)


def current_year() -> int:
    """This year, from the settable clock (``citecheck.knowledge.use_clock``)."""
    return knowledge.current_year()


def hrc_max_session() -> int:
    """Highest regular HRC session held this year."""
    return knowledge.hrc_max_session()


def ga_max_session() -> int:
    """Latest GA regular session opened by today."""
    return knowledge.ga_max_session()


def hrc_session_year(session: int) -> int:
    """Year of a regular HRC session: three a year since 2006 (A.6.4)."""
    return 2006 + (session - 1) // 3


def ga_session_year(session: int) -> int:
    """Year a regular GA session opens (September), from the 1st in 1946 (A.6.1)."""
    return 1945 + session


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    """Value of a Roman numeral such as ``XXV``; None if it is not a well-formed one."""
    text = text.upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total) == text else None


def int_to_roman(value: int) -> str:
    """``30`` -> ``XXX`` (1..399)."""
    out = []
    for num, sym in (
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
        (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while value >= num:
            out.append(sym)
            value -= num
    return "".join(out)


# --- named bodies ---------------------------------------------------------------------------

_W = r"[\s\u00a0]+"
#: Words after which a bare "Assembly" is still the General Assembly ("In Assembly
#: resolution 61/161", "The Assembly"); after any other capitalised word it is another
#: assembly ("World Health Assembly", "National Assembly", "Parliamentary Assembly").
ASSEMBLY_OK_BEFORE = (
    r"(?:General|The|In|See|Cf|By|And|Also|Under|As|Its|With|Per|Both|Recalling|Noting"
    r"|Welcoming|Reaffirming|Pursuant|Following|Further|Moreover|That|This|These|Where|When)"
)
#: Organs outside the UN system: their resolutions are not this package's to map.
NONUN_NAMES = rf"""Council{_W}of{_W}Europe|Parliamentary{_W}Assembly|European{_W}Parliament
        |Council{_W}of{_W}the{_W}European{_W}Union|European{_W}Council|African{_W}Commission
        |Inter-American{_W}Commission|Organization{_W}of{_W}American{_W}States
        |African{_W}Union|Inter-Parliamentary{_W}Union|{un.non_un_organs()}"""
#: Other organs (UN or not) whose resolutions share the ``ss/N`` forms but that the prose
#: family does not map: a citation next to one of these names is theirs, not the GA's.
OTHER_NAMES = rf"""(?<!Sub[-\u2010\u2011\u2013]?)Commission{_W}(?:on|for){_W}(?!Human{_W}Rights)
            (?:the{_W})?[A-Z][a-z]+
            (?:{_W}(?:(?:of|and|on|for|the){_W}){{0,2}}[A-Z][a-z]+){{0,4}}
        |World{_W}Health{_W}Assembly|Conference{_W}of{_W}(?:the{_W})?(?:States{_W})?Parties
        |Assembly{_W}of{_W}(?:the{_W})?States{_W}Parties|Meeting{_W}of{_W}States{_W}Parties
        |Environment{_W}Assembly|General{_W}Conference|Executive{_W}(?:Board|Committee)
        |Governing{_W}(?:Council|Body)|UNESCO|UNEP|UNICEF
        |(?!{ASSEMBLY_OK_BEFORE}\b)[A-Z][\w'’-]{{0,30}}{_W}Assembly"""


def _literals(words: Iterable[str]) -> str:
    """``words`` as an alternation in their table's order, as written (English body names
    are capitalised)."""
    return "|".join(regex.escape(w) for w in words)


#: Any other body named by a noun phrase ("the Board", "the Supervisory Board", "the City
#: Council"): not one of the names above, so not a UN body this package maps; "the Council",
#: "the Commission", "the Assembly" alone are the generic UN bodies of the text.
OTHER_BODY = (
    rf"(?!(?:{_literals(ENGLISH.generic_bodies)})\b)(?:[A-Z][\w'’-]*{_W}){{0,3}}?"
    rf"(?:{_literals(ENGLISH.body_heads)})"
)
#: Bodies outside the UN named in any case ("the board of directors", "the general meeting
#: of shareholders"): a resolution "of" one is that body's.
BODIES_ANY_CASE = un.spaced(ENGLISH.bodies_any_case) if ENGLISH.bodies_any_case else "(?!)"
BODY_NAMES = rf"""
    (?P<nonun>{NONUN_NAMES})
  | (?P<other>{OTHER_NAMES})
  | (?P<ga>General{_W}Assembly|Assembly|{un.body_pattern("GA")})
  | (?P<sc>Security{_W}Council|{un.body_pattern("SC")})
  | (?P<ecosoc>Economic{_W}and{_W}Social{_W}Council|ECOSOC|{un.body_pattern("ECOSOC")})
  | (?P<hrc>Human{_W}Rights{_W}Council|{un.body_pattern("HRC")})
  | (?P<chr>Commission{_W}on{_W}Human{_W}Rights|{un.body_pattern("CHR")})
  | (?P<subcom>{un.body_pattern("SUBCOM")}|Sub[-\u2010\u2011\u2013]?Commission
        |(?<=Sub[-\u2010\u2011\u2013]?)Commission)  # a look-back window may start inside
  | (?P<council>Council)
  | (?P<commission>Commission)
"""
_BODY_ANY = compile_pattern(rf"\b(?:{BODY_NAMES})\b")
#: Where a match of :data:`_BODY_ANY` can start: a word starting with a capital (the English
#: names, and the other organs', are written capitalised) or with the first letter, in either
#: case, of a name in a language table (those match case-insensitively). Why: trying the
#: ~4 KB alternation only there, not at every character of a look-back window, costs a third.
_BODY_START = lazy_compile(
    r"\b(?:\p{Lu}|(?i:["
    + "".join(sorted(regex.escape(initial) for initial in un.lower_case_body_initials()))
    + "]))"
)

#: Which bodies a bare "Council" / "Commission" may stand for.
_GENERIC = {
    "council": (Body.HRC, Body.SC, Body.ECOSOC),
    "commission": (Body.CHR,),
}


def body_from_match(match: regex.Match[str]) -> tuple[Body, ...]:
    """The body or bodies a match of :data:`BODY_NAMES` can name (several for "Council").

    Empty for another organ ("Commission on the Status of Women"), whose resolutions share
    the ``ss/N`` form: it blocks the look-back.
    """
    for group in ("ga", "sc", "ecosoc", "hrc", "chr", "subcom"):
        if match.group(group):
            return (Body[group.upper()],)
    for group, bodies in _GENERIC.items():
        if match.group(group):
            return bodies
    return ()


# Another organ's name ending right before a citation: "World Health Assembly resolution",
# "Commission on the Status of Women, in its resolution", "Parliamentary Assembly's".
# Matched right to left ``(?r)``: the search starts at the end the name must touch, instead of
# trying the whole alternation at each of the ~100 positions before it (same answer, ~8x less).
_OTHER_ADJACENT = compile_pattern(
    rf"""(?r)(?<![\w-])(?:{NONUN_NAMES}|{OTHER_NAMES})(?:['’]s)?[\s\u00a0,]{{0,4}}
    (?:(?:in|by|through|under){_W}its{_W})?\Z"""
)
#: How far back an adjacent organ name can start (the longest names are ~60 characters).
_ADJACENT_REACH = 100


def other_organ_before(text: str, pos: int) -> bool:
    """Does another organ's name (not GA/SC/ECOSOC/HRC/CHR/Sub-Commission) end just before
    ``pos``? Then the citation at ``pos`` is that organ's, not one this package maps.
    """
    start = max(0, pos - _ADJACENT_REACH)
    return _OTHER_ADJACENT.search(text, start, pos) is not None


_ORGAN_NEEDING_ADOPTION = compile_pattern(rf"(?<![\w-])(?:{un.organs_needing_adoption()})(?!\w)")
_ADOPTION_VERB = compile_pattern(rf"(?<![\w-])(?:{un.adoption_verbs()})(?!\w)")


def organ_not_author(text: str, pos: int, size: int = LOOKBACK) -> int | None:
    """Where the organ outside the UN named nearest before ``pos`` starts, if it must adopt a
    resolution to be its author (French, Spanish) and no verb of adoption stands between
    them: "Le conseil d'administration a rappelé la résolution 60/251" is the Assembly's."""
    start, end = window_before(text, pos, size)
    organs = list(_ORGAN_NEEDING_ADOPTION.finditer(text, start, end))
    if not organs or _ADOPTION_VERB.search(text, organs[-1].end(), end) is not None:
        return None
    return int(organs[-1].start())


def window_before(text: str, pos: int, size: int = LOOKBACK) -> tuple[int, int]:
    """The look-back window ``[start, pos)``: at most ``size`` characters, same paragraph."""
    start = max(0, pos - size)
    cut = text.rfind("\n\n", start, pos)
    if cut != -1:
        start = cut + 2
    return start, pos


def bodies_before(text: str, pos: int, size: int = LOOKBACK) -> list[tuple[tuple[Body, ...], bool]]:
    """Bodies named in the look-back window, nearest first, each with "was a bare word".

    A bare "Council" or "Commission" is generic: in EU texts it is the EU institution.
    Another UN organ gives ``((), False)``; a non-UN one (Council of Europe, European
    Parliament) ``((), True)``.
    """
    start, end = window_before(text, pos, size)
    found = []
    resume = start  # matches do not overlap: the next starts after the last one's end
    for candidate in _BODY_START.finditer(text, start, end):
        if candidate.start() < resume:
            continue
        m = _BODY_ANY.match(text, candidate.start(), end)
        if m is not None:
            generic = bool(m.group("council") or m.group("commission") or m.group("nonun"))
            found.append((body_from_match(m), generic))
            resume = m.end()
    found.reverse()
    return found


# --- treaty-body committees -----------------------------------------------------------------


def _name_pattern(name: str, *, exact: bool = False) -> str:
    """A committee name as a pattern: any spacing, optional commas, and (unless ``exact``)
    case-insensitive after its first two words ("Committee on the rights of the child").
    """
    words = [
        regex.escape(w.rstrip(",")).replace("'", "['’]") + (",?" if w.endswith(",") else "")
        for w in name.split()
    ]
    head, tail = _W.join(words[:2]), _W.join(words[2:])
    if not tail:
        return head
    return head + _W + (tail if exact else f"(?i:{tail})")


def _alternatives(names: list[str]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


#: Named groups (one per committee code) matching how English texts name each treaty body.
#: A head pattern scanned over whole texts uses this one: French and Spanish names at every
#: position would slow the English scan several times.
COMMITTEE_NAMES_EN = "\n  | ".join(
    f"(?P<{b.code}>{_alternatives([_name_pattern(n) for n in b.names])}|\\b{b.code}\\b)"
    for b in knowledge.treaty_bodies().values()
)
#: The same groups with the French and Spanish names too (read near a citation, bounded).
COMMITTEE_NAMES = "\n  | ".join(
    f"(?P<{b.code}>"
    f"{_alternatives([_name_pattern(n) for n in (*b.names, *b.names_by_language)])}"
    f"|\\b{b.code}\\b)"
    for b in knowledge.treaty_bodies().values()
)
_COMMITTEE_ANY = compile_pattern(rf"(?:{COMMITTEE_NAMES})")

# Names, symbol stems and treaty titles counted to tell which committee a document is from.
_DOC_COMMITTEE = compile_pattern(
    "|".join(
        f"(?P<{b.code}>"
        + "|".join(
            (
                _alternatives([_name_pattern(n, exact=True) for n in b.names]),
                regex.escape(b.stem),
                _alternatives([_name_pattern(n, exact=True) for n in b.signals]),
            )
        )
        + ")"
        for b in knowledge.treaty_bodies().values()
    )
)


# French and Spanish committee names, counted only in texts that hold "comit".
_DOC_COMMITTEE_LANG = compile_pattern(
    "|".join(
        f"(?P<{b.code}>"
        + _alternatives([_name_pattern(n, exact=True) for n in b.names_by_language])
        + ")"
        for b in knowledge.treaty_bodies().values()
        if b.names_by_language
    )
)


def _first_words(names: Iterable[str]) -> frozenset[str]:
    """The words the names start with, as written: every match of a name pattern starts
    with one (where the counting patterns above are tried)."""
    words = {name.split()[0].rstrip(",") for name in names}
    assert not any("'" in w for w in words), words  # "'" matches "’" too: not a literal
    return frozenset(words)


_DOC_COMMITTEE_STARTS = tuple(
    sorted(
        _first_words(
            n for b in knowledge.treaty_bodies().values() for n in (*b.names, b.stem, *b.signals)
        )
    )
)
_DOC_COMMITTEE_LANG_STARTS = tuple(
    sorted(_first_words(n for b in knowledge.treaty_bodies().values() for n in b.names_by_language))
)
#: What :func:`profile` counts without a pattern: how often the text names each body.
_HRC_WORDS = ("human rights council", "a/hrc/")
_GA_WORDS = ("general assembly",)
_YEAR_BODY_WORDS = {
    Body.CHR.value: "commission on human rights",
    Body.ECOSOC.value: "economic and social council",
    Body.SUBCOM.value: "sub-commission",
}
#: Lower-case literals :func:`profile` reads: families that use it declare them as anchors.
PROFILE_ANCHORS = (
    *(w.lower() for w in (*_DOC_COMMITTEE_STARTS, *_DOC_COMMITTEE_LANG_STARTS)),
    "comit",
    *_HRC_WORDS,
    *_GA_WORDS,
    *_YEAR_BODY_WORDS.values(),
)


def _count_matches(
    doc: Document, pattern: regex.Pattern[str], starts: tuple[str, ...], counts: dict[str, int]
) -> None:
    """Count ``pattern.finditer(doc.text)`` matches by their group name, trying the pattern
    only where one of the words every match starts with occurs (a superset of the starts,
    tried in order after the previous match's end: the same matches)."""
    text = doc.text
    last_end = tried = -1
    for start, _ in doc.hits(starts, exact=True):
        if start < last_end or start == tried:
            continue
        tried = start
        m = pattern.match(text, start)
        if m is not None:
            last_end = m.end()
            code = m.lastgroup
            if code:
                counts[code] = counts.get(code, 0) + 1


def committee_from_match(match: regex.Match[str]) -> str | None:
    """Committee code named by a match of :data:`COMMITTEE_NAMES`."""
    for code in COMMITTEES:
        if match.group(code):
            return code
    return None


def committees_before(text: str, pos: int, size: int = LOOKBACK) -> list[str]:
    """Committees named in the look-back window, nearest first."""
    start, end = window_before(text, pos, size)
    found = [committee_from_match(m) for m in _COMMITTEE_ANY.finditer(text, start, end)]
    return [c for c in reversed(found) if c]


@attrs.frozen(slots=True)
class DocumentProfile:
    """What the citing document as a whole says about itself (computed once per document)."""

    #: how often each committee (by name, symbol stem or treaty title) is mentioned
    committee_counts: tuple[tuple[str, int], ...] = ()
    #: the document is clearly a Human Rights Council text (mentions it far more than the GA)
    hrc_context: bool = False
    #: the body a year-numbered resolution ("1994/37") of this document most likely is
    year_body: Body | None = None


def _dominant(counts: dict[str, int], *, relaxed: bool = False) -> str | None:
    """The key with at least 2 hits and more than twice any other's, else None.

    ``relaxed``: at least 1 hit and more than any other's (when the text itself says the
    reference is to "its" / "the Committee's" own general comment).
    """
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    best, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if relaxed:
        return best if n >= 1 and n > second else None
    return best if n >= 2 and n > 2 * second else None


def document_committee(
    prof: DocumentProfile, allowed: frozenset[str] | set[str], *, relaxed: bool = False
) -> str | None:
    """The committee the document clearly belongs to, among ``allowed`` ones (or None)."""
    return _dominant({c: n for c, n in prof.committee_counts if c in allowed}, relaxed=relaxed)


#: The words :func:`counted_readings` reads the counts of, in its order.
COUNTED_WORDS = (*_HRC_WORDS, *_GA_WORDS, *_YEAR_BODY_WORDS.values())


def counted_readings(counts: Sequence[int]) -> tuple[bool, Body | None]:
    """Whether the text is in the Human Rights Council's context (3 mentions and 3 times the
    General Assembly's) and the body its year resolutions belong to, from the counts of
    `COUNTED_WORDS` (a language server compares them across an edit)."""
    bodies = len(_HRC_WORDS) + len(_GA_WORDS)
    hrc = sum(counts[: len(_HRC_WORDS)])
    ga = sum(counts[len(_HRC_WORDS) : bodies])
    year_counts = dict(zip(_YEAR_BODY_WORDS, counts[bodies:], strict=True))
    year_body = _dominant(year_counts)
    return hrc >= 3 and hrc >= 3 * ga, Body(year_body) if year_body else None


def profile(doc: Document) -> DocumentProfile:
    """Profile the document: one linear pass for committees, two counts for HRC vs GA."""
    cached = doc.__dict__.get("_un_profile")
    if isinstance(cached, DocumentProfile):
        return cached
    counts: dict[str, int] = {}
    _count_matches(doc, _DOC_COMMITTEE, _DOC_COMMITTEE_STARTS, counts)
    if doc.has_any(("comit",)):  # "Comité des droits de l'homme", "Comité de Derechos Humanos"
        _count_matches(doc, _DOC_COMMITTEE_LANG, _DOC_COMMITTEE_LANG_STARTS, counts)
    hrc_context, year_body = counted_readings([doc.count(w) for w in COUNTED_WORDS])
    result = DocumentProfile(
        committee_counts=tuple(sorted(counts.items())),
        hrc_context=hrc_context,
        year_body=year_body,
    )
    doc.__dict__["_un_profile"] = result
    return result


# --- the body a document is adopted by ------------------------------------------------------

# The document's own symbol at the top ("E/CN.4/RES/1993/45", "A/HRC/RES/52/9") or a
# heading line naming the body ("Commission on Human Rights").
_OWN_SYMBOL = compile_pattern(
    r"""(?m)^[ \t\u00a0]{0,10}(?P<series>A/HRC|E/CN\.4/Sub\.2|E/CN\.4|A|S|E)/(?:RES|DEC)/
    [^\s]{1,30}[ \t\u00a0]*$"""
)
_OWN_HEADING = compile_pattern(
    rf"""(?m)^[ \t\u00a0#*]{{0,10}}(?P<name>General{_W}Assembly|Human{_W}Rights{_W}Council
    |Commission{_W}on{_W}Human{_W}Rights|Security{_W}Council|Economic{_W}and{_W}Social{_W}Council
    |Sub-Commission{_W}on{_W}the{_W}Promotion{_W}and{_W}Protection{_W}of{_W}Human{_W}Rights)
    [ \t\u00a0*]*$"""
)
_OWN_SERIES = {
    "A/HRC": Body.HRC, "E/CN.4/Sub.2": Body.SUBCOM, "E/CN.4": Body.CHR, "A": Body.GA,
    "S": Body.SC, "E": Body.ECOSOC,
}  # fmt: skip
_OWN_NAMES = {
    "general assembly": Body.GA, "human rights council": Body.HRC,
    "commission on human rights": Body.CHR, "security council": Body.SC,
    "economic and social council": Body.ECOSOC,
}  # fmt: skip
#: The document's own symbol and heading stand in its first lines.
OWN_HEAD = 600


def own_body(doc: Document) -> Body | None:
    """The body that adopted the document, from its symbol or heading in the first lines;
    None when they say nothing or disagree. What "its resolutions" means in the text.
    """
    if "_un_own_body" in doc.__dict__:
        cached: Body | None = doc.__dict__["_un_own_body"]
        return cached
    found: set[Body] = set()
    for m in _OWN_SYMBOL.finditer(doc.head, 0, OWN_HEAD):
        found.add(_OWN_SERIES[m.group("series")])
    for m in _OWN_HEADING.finditer(doc.head, 0, OWN_HEAD):
        name = " ".join(m.group("name").split()).lower()
        found.add(_OWN_NAMES.get(name, Body.SUBCOM))
    result = found.pop() if len(found) == 1 else None
    doc.__dict__["_un_own_body"] = result
    return result


# A treaty body's document symbol alone on a line of the header ("CEDAW/C/GC/35",
# "CCPR/C/JPN/CO/7"): the committee the document is from.
_OWN_COMMITTEE_SYMBOL = compile_pattern(
    r"(?m)^[ \t\u00a0]{0,10}(?:"
    + "|".join(f"(?P<{b.code}>{regex.escape(b.stem)})" for b in knowledge.treaty_bodies().values())
    + r")[^\s]{1,40}[ \t\u00a0]*$"
)


# A heading line that is a committee's name ("Committee on the Rights of the Child").
_OWN_COMMITTEE_HEADING = compile_pattern(
    rf"(?m)^[ \t\u00a0#*]{{0,10}}(?:{COMMITTEE_NAMES_EN})[ \t\u00a0*]*$"
)


def own_committee(doc: Document) -> str | None:
    """The committee whose symbol or name heads the document (first lines); None when none
    stands there or several disagree. Whose general comment "general comment No. 3" is when
    the text names no committee near it."""
    # the head, not the text: a later window of a stream starts with a note, not the title
    found = {m.lastgroup for m in _OWN_COMMITTEE_SYMBOL.finditer(doc.head, 0, OWN_HEAD)}
    for m in _OWN_COMMITTEE_HEADING.finditer(doc.head, 0, OWN_HEAD):
        found.add(committee_from_match(m))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


# --- dates ----------------------------------------------------------------------------------

DATE = rf"\d{{1,2}}{_W}(?:{'|'.join(MONTHS)}){_W}(?:19|20)\d\d"
