"""UN resolutions and decisions cited in words: "General Assembly resolution 73/179".

UN texts cite resolutions by body and short number, not by symbol. This family reads the
body (named just before, distributed over a list, or inferred by the disambiguation rules
below), each number of a list, a pinpoint before ("paragraph 22 of") or after (", annex"),
and a date clause ("of 19 October 1999"), and maps each item to its symbol id
(``un:A/RES/73/179``, docs/ids-and-formats.md); an undeterminable body gives
``un:?/43/16``, ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from citecheck import un_languages as un
from citecheck.families import un_context as ctx
from citecheck.families.anchored import matches_at_hits
from citecheck.families.base import (
    DASH_CLASS,
    HSPACE,
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    hits_followed_by,
)
from citecheck.families.un_context import Body
from citecheck.families.un_sections import LETTERS, section_close, section_letters
from citecheck.families.un_symbols import SC_NO_YEAR
from citecheck.lexicon import ENGLISH, month_number
from citecheck.model import (
    Citation,
    Finding,
    Fix,
    Kind,
    Pinpoint,
    Severity,
)
from citecheck.patterns import lazy_compile, unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import paragraphs_pattern, pinpoint_after, read_paragraphs
from citecheck.rules import Rule

_H = HSPACE
_W = r"[\s\u00a0]+"
_D = DASH_CLASS


@attrs.frozen(slots=True)
class UNResolutionRef:
    """One resolution or decision cited in prose, parsed.

    ``form`` is how it is numbered: ``session`` (``73/179``), ``year`` (``2005/69``),
    ``special`` / ``emergency`` (``S-30/1``, ``ES-10/2``), ``legacy`` (``217 (III)``) or
    ``sc`` (``1325 (2000)``). ``body_source`` says how the body was found: ``named``,
    ``list``, ``format``, ``context``, ``date``, ``document`` or ``none``.
    """

    body: Body | None
    kind: str  # "resolution" | "decision"
    form: str
    session: str  # "73", "S-30", "ES-10", "III", "S-VI", "2005" (year form), "" (sc)
    number: int
    year: int | None = None  # SC year in parentheses; year-numbered forms
    letters: tuple[str, ...] = ()
    date: str | None = None
    body_source: str = "none"
    symbol: str = ""


# --- patterns -----------------------------------------------------------------------------

#: What closes a part letter: the rule of GA symbols, and the bracket read next.
_CLOSE = section_close(bracket_closes=True)
_REF = rf"""
    (?P<legacy>(?P<lnum>\d{{1,4}})(?:{_H}+(?P<lletters>{LETTERS}){_CLOSE})?
        {_H}*\({_H}*(?P<lspecial>(?:S|ES){_D})?(?P<lroman>[IVXL]{{1,8}}){_H}*\))
  | (?P<sc>(?P<scnum>\d{{1,4}}){_H}*\({_H}*(?P<scyear>19[4-9]\d|20\d\d){_H}*\))
  | (?P<new>(?P<nspecial>(?:S|ES){_D})?(?P<nsess>\d{{1,4}})/(?P<nnum>\d{{1,4}})
        (?![\d/])(?!{_H}*\([A-Z]{{3}}\))
        (?:{_H}+(?P<nletters>{LETTERS}){_CLOSE})?
        (?:{_H}*\({_H}*(?P<nyear>(?:19|20)\d\d){_H}*\))?)
    # "Security Council resolution 2231": kept only when the Security Council is named
  | (?P<scbare>\d{{1,4}})(?![\w/\-\u2010\u2011]|\.\d|{_H}*\()
"""
#: "UNSCR 2292 (2016)", "UNSCRs 2292 (2016) and 2473 (2019)": Security Council resolutions.
_SC_KW = r"UNSCRs?(?![\w/\-])"
_KW = (
    rf"(?P<kw>[Rr]esolutions?|[Dd]ecisions?|RESOLUTIONS?|DECISIONS?|{_SC_KW}"
    rf"|{un.resolution_keywords()})"
)
#: The lower-case literals that find a keyword: English, then the other languages' own.
_LITERALS = (
    "resolution", "decision", "unscr", "résolution", "resoluci", "décision", "decisión",
    "beschluss", "beschlüsse",
)  # fmt: skip
_BODY_ADJ = rf"""(?P<body>
    General{_W}Assembly|Assembly|Security{_W}Council|Economic{_W}and{_W}Social{_W}Council
  | ECOSOC|Human{_W}Rights{_W}Council|HRC|Council|Commission{_W}on{_W}Human{_W}Rights
  | Commission|Sub[-\u2010\u2011\u2013]?Commission(?:{_W}on{_W}(?:the{_W}Promotion{_W}and
        {_W}Protection{_W}of{_W}Human{_W}Rights|Prevention{_W}of{_W}Discrimination{_W}and
        {_W}Protection{_W}of{_W}Minorities))?
)(?:['’]s)?{_W}"""
_PIN_WORDS = un.pinpoint_lexicon()
#: German's own pinpoint words ("Ziffer 5 der Resolution 60/251"), read before a German
#: connector only: its range word "bis" is no range in the shared words.
_PIN_WORDS_DE = un.pinpoint_lexicon("de")
_PIN_BEFORE = rf"""(?P<pin>(?P<pinpart>{paragraphs_pattern(_PIN_WORDS)})
    {_W}(?:of{_W}(?:(?:the|its){_W})?|(?:de{_W}la|de{_W}sa|de{_W}su|de{_W}l['’]|del|du){_W})
  | (?P<depart>{paragraphs_pattern(_PIN_WORDS_DE)}){_W}(?:der|seiner|ihrer){_W})"""

_HEAD = compile_pattern(rf"(?<![\w/]){_PIN_BEFORE}?(?:{_BODY_ADJ})?{_KW}{_W}(?:{_REF})")
#: What follows a keyword literal in every head: the rest of the keyword ("resoluci|ones"),
#: a space, and the first character of a number ("60/251", "1325 (2000)", "S-30/1", "ES-10/2").
_KW_THEN_NUMBER = lazy_compile(r"\w{0,6}[\s\u00a0]+[\dSE]")
#: How far before its keyword a head can start (a pinpoint and a long body name); the head
#: grammar is tried only that close to "resolution"/"decision".
_HEAD_REACH = 240
#: The last word of what may stand before a keyword in a head: a body ("General Assembly",
#: "Council's", "Sub-Commission on ... Minorities") or a pinpoint's connector ("paragraph 3
#: of", "of its", "de la", "du"); a whitespace run then leads to the keyword.
_LEAD_IN_WORD = lazy_compile(
    r"(?i:assembly|council|ecosoc|hrc|rights|commission|minorities|of|the|its|la|sa|su"
    r"|l['\u2019]|del|du|der|seiner|ihrer)(?:['\u2019]s)?\Z"
)
#: Every word the pinpoint and body before a keyword are written with (lower case, taken
#: from their patterns: a few pattern names come along, which only makes the set larger).
#: Other words of up to four letters may stand in a pinpoint ("(a)", "(iii)", "(bis)").
_LEAD_IN_WORDS = frozenset(
    w.lower() for w in regex.findall(r"[^\W\d_]+", _PIN_BEFORE + _BODY_ADJ)
)
_WORD = lazy_compile(r"[^\W\d_]+")


def _head_earliest(text: str, start: int, lo: int) -> int:
    """Where, at the earliest (from ``lo``), a head can start with its keyword at ``start``:
    the keyword itself unless a body or a pinpoint's connector stands right before it; else
    the start of the nearest run of non-spaces before it holding a word no pinpoint or body
    is written with ("In the preamble of the Human Rights Council resolution")."""
    i = start
    while i > lo and text[i - 1].isspace():  # str.isspace holds for every \s
        i -= 1
    if i == start or _LEAD_IN_WORD.search(text, max(0, i - 12), i) is None:
        return start
    while i > lo:
        chunk = i
        while chunk > lo and not text[chunk - 1].isspace():
            chunk -= 1
        for word in _WORD.findall(text, chunk, i):
            if len(word) > 4 and word.lower() not in _LEAD_IN_WORDS:
                return chunk
        i = chunk
        while i > lo and text[i - 1].isspace():
            i -= 1
    return lo


_DATE_AFTER = compile_pattern(
    rf",?{_W}(?:(?:of|adopted{_W}on){_W}(?P<date>{ctx.DATE})|{un.date_pattern()})"
)
_FOOTNOTE = compile_pattern(r"\[\[fn:\d{1,4}\]\]|<sup>\d{1,4}</sup>")
_CONT = compile_pattern(
    rf"(?:{_H}*,{_H}*(?:(?:and|{un.list_words()}){_W})?|,?{_W}(?:and|{un.list_words()}){_W}"
    rf"|,?{_W}as{_W}well{_W}as{_W}"
    # "resolutions 17/1 to 17/3", "résolutions 17/1 à 17/3": a range of one session
    rf"|(?P<rng>{_W}(?:{ENGLISH.range_pattern}|{un.range_words()}){_W}(?=\d))"
    rf")"
    rf"(?:(?:(?:its|{un.own_words()}){_W})?"
    rf"(?P<kw>[Rr]esolutions?|[Dd]ecisions?|{_SC_KW}|{un.resolution_keywords()}){_W})?(?:{_REF})"
)

# What may sit between two items of a list: a subject ("on sport"), a title ("entitled
# '...'"), or a relative clause ("by which it established the Council"), each bounded.
_ASIDE = compile_pattern(
    rf"""(?:{_W}on{_W}(?!(?:[Rr]esolution|[Dd]ecision)s?\b)[^,;:().\n\d]{{1,100}}?(?=,|{_W}and{_W}\d)
      | ,?{_W}entitled{_W}[“"‘'][^”"’\n]{{1,200}}[”"’],?
      | ,{_W}(?:by|in|under|through|with){_W}which{_W}[^;:().\n\d]{{1,160}}?
        (?=,{_H}*(?:and{_W})?\d|{_W}and{_W}\d))"""
)

# A body named right after the list: "resolution S-8/1 of the General Assembly",
# "In its resolution 1986/20 the Commission decided"; or another organ ("resolution 10/5 of
# the Assembly of States Parties"), whose resolution this family does not map.
_BODY_AFTER = compile_pattern(
    rf"""(?:,?{_W}(?P<conn>of|by|adopted{_W}by|in{_W}which|by{_W}which|whereby))?,?{_W}the{_W}
    (?:(?P<other>{ctx.NONUN_NAMES}|{ctx.OTHER_NAMES})
    # before the UN's names: "the general assembly of shareholders" is a company's
    |(?P<anycase>{ctx.BODIES_ANY_CASE})(?![\w-])
    |(?:(?:U\.N\.|UN|United{_W}Nations){_W})?(?P<name>General{_W}Assembly
    |Security{_W}Council|Economic{_W}and{_W}Social{_W}Council|Human{_W}Rights{_W}Council
    |Commission{_W}on{_W}Human{_W}Rights|Sub[-\u2010\u2011\u2013]?Commission
    |Assembly(?!{_W}of{_W}(?:the{_W})?[A-Z])|Council|Commission)
    # "the Human Rights Council of the United Nations, para. 3": the UN's name is the body's
    (?:{_W}of{_W}the{_W}United{_W}Nations)?|(?P<otherbody>{ctx.OTHER_BODY}))\b
  | ,?{_W}(?:{un.body_connectors()}){_H}*
    # another organ first: "de l'assemblée générale des actionnaires" is no General Assembly
    (?:(?P<lother>{un.non_un_organs()})
    |(?P<lname>{un.body_pattern()})(?:{_W}(?:{un.un_names()})(?![\w-]))?
    |(?P<lbody>{un.other_bodies()}))"""
)
_ITS = lazy_compile(rf"(?<![\w])(?:[Ii]ts|{un.own_words()})[\s\u00a0]+\Z")
# The last clause boundary before a citation: "." ";" ":", a comma ending a line (the end
# of a preambular paragraph) or a line break before a capital (after a heading). The regex
# module's reverse search finds the nearest one.
_CLAUSE_END = lazy_compile(r"(?r)[.;:]|,[ \t\u00a0]*\n|\n[ \t\u00a0]*(?=[A-Z])")
_SPACES = lazy_compile(r"[\s\u00a0]+")

_BODY_WORDS: dict[str, tuple[Body, ...]] = {
    "general assembly": (Body.GA,),
    "assembly": (Body.GA,),
    "security council": (Body.SC,),
    "economic and social council": (Body.ECOSOC,),
    "ecosoc": (Body.ECOSOC,),
    "human rights council": (Body.HRC,),
    "hrc": (Body.HRC,),
    "council": (Body.HRC, Body.SC, Body.ECOSOC),
    "commission on human rights": (Body.CHR,),
    "commission": (Body.CHR,),
}

# --- rules --------------------------------------------------------------------------------

AMBIGUOUS = Rule(
    "UN201",
    "ambiguous-resolution-body",
    Severity.WARNING,
    "The body that adopted a resolution or decision cited in prose cannot be determined.",
    "`43/16` fits both a General Assembly resolution (43rd session, 1988) and a Human Rights "
    "Council one (2020). Name the body, as UN style does.",
    bad="pursuant to resolution 43/16",
    good="pursuant to Human Rights Council resolution 43/16",
)
NOT_STARTED = Rule(
    "UN202",
    "session-not-started",
    Severity.ERROR,
    "The resolution is dated before its session began.",
    "GA regular session N opens in September of 1945 + N; HRC session s falls in "
    "2006 + (s - 1) // 3. A resolution cannot be adopted before its session opens.",
    bad="General Assembly resolution 60/251 of 15 March 2004",
    good="General Assembly resolution 60/251 of 15 March 2006",
)
OUT_OF_RANGE = Rule(
    "UN203",
    "resolution-number-out-of-range",
    Severity.WARNING,
    "The resolution or decision number is implausible for its body.",
    "HRC resolutions per session stay well under 100 and HRC decisions are numbered from 101; "
    "GA decisions use the 300-599 series. A number outside these ranges is usually a typo or "
    "a document number taken for a resolution.",
    bad="Human Rights Council resolution 17/131",
    good="Human Rights Council resolution 17/4",
)
FUTURE = Rule(
    "UN204",
    "session-beyond-current",
    Severity.ERROR,
    "The session or year of the cited resolution has not been held yet.",
    "The Human Rights Council holds three regular sessions a year since 2006 and the General "
    "Assembly opens one each September; later sessions and years have not been held yet.",
    bad="Human Rights Council resolution 92/1",
    good="Human Rights Council resolution 52/1",
)
MIXED = Rule(
    "UN205",
    "mixed-resolution-numbering",
    Severity.ERROR,
    "A GA resolution of the first 30 sessions is written with the post-1976 numbering.",
    "Until the 30th session GA resolutions were numbered consecutively with the session in "
    "Roman numerals: `3379 (XXX)`, not `30/3379`.",
    bad="resolution 30/3379",
    good="resolution 3379 (XXX)",
    fixable=True,
)
YEAR_NUMBERING = Rule(
    "UN206",
    "year-numbering-out-of-period",
    Severity.WARNING,
    "A year-numbered resolution falls outside the period its body used that numbering.",
    "ECOSOC numbers resolutions by year only from 1978 (before: `1503 (XLVIII)`); the "
    "Commission on Human Rights and its Sub-Commission ended in 2006.",
    bad="Economic and Social Council resolution 1975/3",
    good="Economic and Social Council resolution 1503 (XLVIII)",
)
DATE_MISMATCH = Rule(
    "UN207",
    "resolution-date-mismatch",
    Severity.WARNING,
    "The date given for a resolution does not fit its number.",
    "A Security Council resolution's year in parentheses is its year of adoption; a GA "
    "session ends before the next one opens a year later; an HRC session's resolutions carry "
    "the dates of that session's year.",
    bad="resolution 1269 (1999) of 19 October 2001",
    good="resolution 1269 (1999) of 19 October 1999",
)

RULES = (
    AMBIGUOUS, NOT_STARTED, OUT_OF_RANGE, FUTURE, MIXED, YEAR_NUMBERING, DATE_MISMATCH, SC_NO_YEAR,
)  # fmt: skip


# --- parsing ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class _Raw:
    """A matched reference before body inference."""

    form: str
    session: str
    number: int
    year: int | None
    letters: tuple[str, ...]
    start: int
    end: int
    #: a year in parentheses after a session number: "55/12 (2012)"
    year_hint: int | None = None
    #: a section after the first of a list ("B" of "59/284 A and B")
    later_section: bool = False


def _sections(raw: _Raw) -> list[_Raw]:
    """One item per section of a resolution adopted in parts ("59/284 A and B"): each
    section is its own document; a resolution without sections is one item, and so is one
    of the first sessions, catalogued whole ("217 A and B (III)" is ``A/RES/217(III)``)."""
    if len(raw.letters) < 2 or raw.form == "legacy":
        return [raw]
    return [
        attrs.evolve(raw, letters=(letter,), later_section=i > 0)
        for i, letter in enumerate(raw.letters)
    ]


#: A range of resolutions longer than this is kept as its two ends.
_MAX_RANGE = 60


def _between(lo: _Raw, hi: _Raw) -> list[_Raw]:
    """The resolutions strictly between the ends of "17/1 to 17/3": one session (or year)
    numbered upwards, no part letters; anything else is kept as its two ends."""
    if (
        lo.form != hi.form
        or lo.form not in ("session", "year", "special", "emergency")
        or lo.session != hi.session
        or lo.letters
        or hi.letters
        or not 0 < hi.number - lo.number <= _MAX_RANGE
    ):
        return []
    return [attrs.evolve(hi, number=n) for n in range(lo.number + 1, hi.number)]


def _raw(m: regex.Match[str]) -> _Raw | None:
    """Read the REF groups of a head or continuation match."""
    if unreadable_number(m.group("legacy"), m.group("sc"), m.group("new"), m.group("scbare")):
        return None
    if m.group("legacy"):
        special = (m.group("lspecial") or "")[:-1]
        roman = m.group("lroman")
        if ctx.roman_to_int(roman) is None:
            return None
        session = f"{special}-{roman}" if special else roman
        return _Raw(
            "legacy", session, int(m.group("lnum")), None, section_letters(m.group("lletters")),
            m.start("legacy"), m.end("legacy"),
        )  # fmt: skip
    if m.group("sc"):
        return _Raw(
            "sc", "", int(m.group("scnum")), int(m.group("scyear")), (),
            m.start("sc"), m.end("sc"),
        )  # fmt: skip
    if m.group("scbare"):
        if int(m.group("scbare")) == 0:
            return None  # the Security Council numbers its resolutions from 1
        # the year is not written and cannot be known offline: the symbol as far as written
        return _Raw("sc", "", int(m.group("scbare")), None, (), m.start("scbare"), m.end("scbare"))
    special = (m.group("nspecial") or "")[:-1]
    sess_text, num = m.group("nsess"), int(m.group("nnum"))
    letters = section_letters(m.group("nletters"))
    if special:
        form = "special" if special == "S" else "emergency"
        return _Raw(form, f"{special}-{int(sess_text)}", num, None, letters,
                    m.start("new"), m.end("new"))  # fmt: skip
    sess = int(sess_text)
    hint = int(m.group("nyear")) if m.group("nyear") else None
    if len(sess_text) == 4:
        if not 1946 <= sess <= ctx.current_year() + 5:
            return None
        return _Raw("year", str(sess), num, sess, letters, m.start("new"), m.end("new"))
    if sess == 0 or len(sess_text) > 3 or num == 0:
        return None
    if sess <= 99 and 1946 <= num <= ctx.current_year() and len(m.group("nnum")) == 4:
        return None  # "1/2021": a number/year pair (EU decisions, communications), not UN
    return _Raw("session", str(sess), num, None, letters, m.start("new"), m.end("new"), hint)


def _compatible(body: Body, raw: _Raw, kind: str) -> bool:
    """Can this body have adopted a resolution/decision numbered like this?"""
    form = raw.form
    if body is Body.SC:
        return form == "sc" and kind == "resolution"
    if body is Body.GA:
        if form == "session":
            return int(raw.session) >= 31
        return form in ("legacy", "special", "emergency")
    if body is Body.HRC:
        if form == "session":
            return int(raw.session) <= ctx.hrc_max_session()
        return form == "special"
    if body is Body.ECOSOC:
        return form == "year" or (form == "legacy" and "-" not in raw.session)
    return form == "year"  # CHR, Sub-Commission


def _plausible_own(body: Body, raw: _Raw, kind: str) -> bool:
    """Can the document's own body have numbered this item so (an HRC text's "its
    resolution 61/177" is a slip for the Assembly's, which the list's own rules then find)?
    """
    if not _compatible(body, raw, kind) and not (
        body in (Body.CHR, Body.SUBCOM) and raw.form == "legacy"
    ):
        return False
    return not (body is Body.HRC and kind == "resolution" and raw.number > ctx.HRC_MAX_RESOLUTION)


def _form_fits(body: Body, raw: _Raw, kind: str) -> bool:
    """Is the numbering form one this body uses at all (session ranges aside: a too-high
    session is a finding, UN204, not another body)?
    """
    form = raw.form
    if body is Body.SC:
        return form == "sc" and kind == "resolution"
    if body is Body.GA:
        return form in ("session", "legacy", "special", "emergency")
    if body is Body.HRC:
        return form in ("session", "special")
    if body is Body.ECOSOC:
        return form == "year" or (form == "legacy" and "-" not in raw.session)
    # CHR, Sub-Commission: by year from 1978; before, "20 (XXXVI)"; special sessions "S-5/1".
    return form in ("year", "legacy", "special")


#: The capitalised word right before a body's name, and what stands before that word.
_WORD_BEFORE = lazy_compile(
    r"(?P<lead>[^\s]*)[ \t\u00a0]*(?<![\w.'’])(?P<word>\p{Lu}[\w.'’]*)[ \t\u00a0]+\Z"
)
_UN_COUNCIL_QUALIFIERS = frozenset(w.replace("’", "'") for w in ENGLISH.un_council_qualifiers)


def _other_council(text: str, m: regex.Match[str]) -> bool:
    """Is the "Security Council" named before a number another council ("The National
    Security Council resolution 45")? So when a capitalised word other than the UN's own
    stands right before it and does not open the sentence ("In Security Council resolution")."""
    if not m.group("body") or m.start("body") > m.start("kw"):
        return False
    start = m.start("body")
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before is None or before.group("word").replace("’", "'") in _UN_COUNCIL_QUALIFIERS:
        return False
    lead = before.group("lead")
    return bool(lead) and not lead.endswith((".", "!", "?", ":", ";", "(", "[", '"', "“", "‘"))


def _bodies_of(word: str) -> tuple[Body, ...]:
    key = _SPACES.sub(" ", word).lower().replace("’", "'")
    if key.startswith(("sub", "sous")):
        return (Body.SUBCOM,)
    if key in _BODY_WORDS:
        return _BODY_WORDS[key]
    code = un.body_names().get(key)
    return (Body[code],) if code else ()


def _kind(keyword: str) -> str:
    """``resolution`` or ``decision``, whatever the language of the keyword."""
    low = keyword.lower()
    if low.startswith(("res", "unscr")) or un.is_resolution_word(low):
        return "resolution"
    return "decision"


def _date_of(m: regex.Match[str] | None) -> str | None:
    """The date of a date clause, in the English form the checks read."""
    if m is None:
        return None
    if m.group("date"):
        return str(m.group("date"))
    return un.english_date(m.group("lday"), m.group("lmonth"), m.group("lyear"))


def _date_year(date: str | None) -> tuple[int, int] | None:
    """(year, month) of a ``19 October 1999`` date clause."""
    if not date or unreadable_number(date):
        return None
    parts = date.split()
    month = month_number(parts[-2])
    return None if month is None else (int(parts[-1]), month)


def _item_year(raw: _Raw, date: str | None) -> int | None:
    """The year an item says it was adopted: its date clause, or ``(2012)`` after it."""
    ym = _date_year(date)
    return ym[0] if ym else raw.year_hint


def _fits_date(body: Body, raw: _Raw, date: str | None) -> bool:
    """Is a session-numbered item's date consistent with this body's calendar?"""
    year = _item_year(raw, date)
    if year is None or raw.form != "session":
        return False
    sess = int(raw.session)
    if body is Body.GA:
        return ctx.ga_session_year(sess) <= year <= ctx.ga_session_year(sess) + 1
    return ctx.hrc_session_year(sess) <= year <= ctx.hrc_session_year(sess) + 1


def _infer(
    raw: _Raw,
    kind: str,
    named: tuple[Body, ...],
    named_source: str,
    lookback: list[tuple[tuple[Body, ...], bool]],
    date: str | None,
    hrc_context: bool,
    year_body: Body | None = None,
    own: Body | None = None,
) -> tuple[Body | None, str]:
    """The body of one item and how it was found, by the rules of UN editorial practice.

    ``(None, "drop")`` when the item is not a resolution of a body this family maps: the
    named body cannot have numbered it so, or another organ is named nearer.
    """
    if named:
        fitting = [b for b in named if _compatible(b, raw, kind)]
        if fitting:
            return fitting[0], named_source
        usable = [b for b in named if _form_fits(b, raw, kind)]
        return (usable[0], named_source) if usable else (None, "drop")
    form = raw.form
    if form == "sc":
        return Body.SC, "format"
    if form in ("legacy", "emergency"):
        return Body.GA, "format"
    if form == "session":
        sess = int(raw.session)
        if sess > ctx.hrc_max_session():
            return Body.GA, "format"
        if sess < 31:
            return Body.HRC, "format"
        if kind == "resolution" and (raw.number > ctx.HRC_MAX_RESOLUTION or raw.letters):
            return Body.GA, "format"  # HRC resolutions never run that high, nor have parts
        if kind == "decision":
            if raw.number >= 200:
                return Body.GA, "format"  # GA decisions: 300-, 400-, 500-series
            if raw.number >= 101:
                return Body.HRC, "format"  # HRC decisions are numbered from 101
    for bodies, generic in lookback:
        if not bodies:
            return None, "drop"  # another organ is named nearer: its resolution, not ours
        if generic and kind == "decision":
            continue
        fitting = [b for b in bodies if _compatible(b, raw, kind)]
        if len(fitting) == 1 or (fitting and len(bodies) == 1):
            return fitting[0], "context"
    if form == "year":
        if int(raw.session) > 2006:
            return Body.ECOSOC, "format"  # the only year-numbering body after 2006
        if year_body is not None and _compatible(year_body, raw, kind):
            return year_body, "document"
        return None, "none"
    if form == "special":
        return (Body.HRC, "document") if hrc_context else (None, "none")
    dated = [b for b in (Body.GA, Body.HRC) if _fits_date(b, raw, date)]
    if len(dated) == 1:
        return dated[0], "date"
    if own is not None and _plausible_own(own, raw, kind) and _item_year(raw, date) is None:
        return own, "document"  # a text the body adopted cites its own resolutions
    if _item_year(raw, date) is not None:
        return None, "none"  # dated, but neither GA's nor HRC's calendar fits: another organ
    if hrc_context:
        return Body.HRC, "document"
    return None, "none"


_SERIES = {
    Body.GA: "A",
    Body.SC: "S",
    Body.ECOSOC: "E",
    Body.HRC: "A/HRC",
    Body.CHR: "E/CN.4",
    Body.SUBCOM: "E/CN.4/Sub.2",
}


def _symbol(body: Body | None, raw: _Raw, kind: str) -> str:
    """The canonical symbol of a resolution/decision, ``?/…`` if no body."""
    if raw.form == "sc":
        return f"S/RES/{raw.number}" + (f"({raw.year})" if raw.year is not None else "")
    if raw.form == "legacy":
        series = _SERIES[body] if body in (Body.ECOSOC, Body.CHR, Body.SUBCOM) else "A"
        return f"{series}/RES/{raw.number}({raw.session})"
    doc_type = "RES" if kind == "resolution" else "DEC"
    # "resolution 59/284 A": one part of a resolution adopted in parts is its own document.
    part = raw.letters[0] if len(raw.letters) == 1 else ""
    if body is None:
        return f"?/{raw.session}/{raw.number}{part}"
    return f"{_SERIES[body]}/{doc_type}/{raw.session}/{raw.number}{part}"


_LAST_NUMBER = lazy_compile(
    rf"(?:,|(?<!\w)(?:{ENGLISH.list_pattern}|{ENGLISH.range_pattern}))[\s\u00a0]*\d{{1,4}}\Z"
)


# "resolution 35/8 on the safety of journalists, para. 5": a subject before the pinpoint,
# within one clause (no full stop, parenthesis, quotation or other symbol).
_TITLE = compile_pattern(rf"{_W}on{_W}[^;\n/().\"“”]{{1,200}}?(?=,)")


def _of_other_body(after: regex.Match[str]) -> bool:
    """Is the body named after the number another body, in the genitive ("of the Board",
    "adopted by the Board", "des Vorstands")? Not the subject of what follows ("resolution
    17/4, the Committee decided", "Resolution 17/4, der Ausschuss hat").
    """
    if after.group("otherbody") or after.group("anycase"):
        return (after.group("conn") or "").lower().startswith(("of", "adopted"))
    return bool(after.group("lbody")) and "," not in after.group(0)


def _pinpoint(text: str, pos: int) -> tuple[Pinpoint, int]:
    """:func:`pinpoint_after`, minus a list item it took for a paragraph number.

    "resolutions 2001/62, para. 9 and 2002/38" must not read "paras. 9 and 2002".
    """
    pin, end = pinpoint_after(text, pos, own_languages=True)
    if pin and text[end : end + 1] == "/":
        cut = _LAST_NUMBER.search(text, pos, end)
        if cut is not None:
            pin, end = pinpoint_after(text[: cut.start()], pos, own_languages=True)
    return pin, end


def _pin_before(m: regex.Match[str]) -> Pinpoint:
    """``paragraph 22 of`` -> para. 22, ``Ziffer 5 der`` -> para. 5 (re-using the shared
    pinpoint reader)."""
    if m.group("depart"):
        return read_paragraphs(m.group("depart"), _PIN_WORDS_DE)
    return read_paragraphs(m.group("pinpart"), _PIN_WORDS)


def _heads(doc: Document) -> Iterator[regex.Match[str]]:
    """The matches of the windows around the keywords followed by a number
    (:func:`matches_near`), found with less searching."""
    text = doc.text
    hits = hits_followed_by(doc, doc.hits(_LITERALS), _KW_THEN_NUMBER)
    # The hits are offsets of the text: ``Document.lower`` keeps every offset (no need to
    # lower-case the whole text to check: most texts never need it lower-cased).
    return matches_at_hits(_HEAD, hits, text, before=_HEAD_REACH, after=64, earliest=_head_earliest)


class UNProseFamily:
    """Resolutions and decisions of UN organs cited in words."""

    name = "un_prose"
    triggers: tuple[str, ...] = _LITERALS
    anchors = (*_LITERALS, *ctx.PROFILE_ANCHORS)
    priority = 10
    #: read past a citation: its pinpoint after it
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH)
    rules: tuple[Rule, ...] = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        # What the whole text says about itself is read once, and only for a text with an
        # item to build: most texts that trigger the family cite no resolution.
        hrc_context: bool | None = None
        own = ctx.own_body(doc)
        consumed = 0
        for m in _heads(doc):
            if m.start() < consumed:
                continue
            body_word = m.group("body")
            named: tuple[Body, ...] = _bodies_of(body_word) if body_word else ()
            generic = bool(body_word) and body_word.lower() in ("council", "commission")
            kind = _kind(m.group("kw"))
            items, pos = self._items(text, m, kind)
            if not items:
                continue
            if not named and m.group("kw").startswith("UNSCR"):
                named = (Body.SC,)
            if (
                not named
                and own is not None
                and _plausible_own(own, items[0][0], kind)
                and self._own_reference(text, m)
            ):
                named = (own,)  # "Recalling its resolutions" in a text the body adopted
            consumed = pos
            if ctx.other_organ_before(text, m.start("kw")):
                continue  # "World Health Assembly resolution 72/6": another organ's
            lookback = []
            if not named:
                after = _BODY_AFTER.match(text, pos)
                if after and (after.group("other") or after.group("lother")):
                    continue  # "resolution 10/5 of the Assembly of States Parties"
                if after and _of_other_body(after):
                    continue  # "resolution 17/4 of the Board", "Resolution 17/4 des Vorstands"
                if after and not (after.group("name") or after.group("lname")):
                    after = None  # "resolution 17/4, the Committee decided": a subject
                if after:
                    name = after.group("name") or after.group("lname")
                    named = _bodies_of(name)
                    generic = name.lower() in ("council", "commission")
                    items = self._pinpoint_after_body(text, items, after.end())
                else:
                    lookback = ctx.bodies_before(text, m.start())
                    # "le conseil ... a rappelé la résolution": each such organ is no author
                    reach = m.start()
                    while lookback[:1] == [((), True)] and (
                        (organ := ctx.organ_not_author(text, reach)) is not None
                    ):
                        lookback, reach = lookback[1:], organ
            for index, (raw, item_kind, start, end, pin, date, capital) in enumerate(items):
                if raw.form == "sc" and raw.year is None and (
                    generic or named != (Body.SC,) or _other_council(text, m)
                ):
                    continue  # a number alone is a Security Council resolution only if named
                if item_kind == "decision" and capital and (not named or generic):
                    continue  # EU style "Decision 89/534"; UN texts write "decision 17/119"
                if (
                    not named
                    and raw.form == "session"
                    and int(raw.session) > ctx.ga_max_session()
                ):
                    continue  # "95/46", "89/534": EU numbering, no UN session that high yet
                if hrc_context is None:
                    hrc_context = ctx.profile(doc).hrc_context
                cit = self._citation(
                    doc, raw, item_kind, named, generic, lookback, date, hrc_context, start,
                    end, pin, index == 0,
                )  # fmt: skip
                if cit is not None:
                    yield cit

    @staticmethod
    def _pinpoint_after_body(
        text: str, items: list[tuple[_Raw, str, int, int, Pinpoint, str | None, bool]], pos: int
    ) -> list[tuple[_Raw, str, int, int, Pinpoint, str | None, bool]]:
        """"resolution 5/1 of the Human Rights Council, annex, para. 3": the pinpoint after the
        body named last is the last item's, which then ends there; so is a date between them
        ("résolution 60/251 de l'Assemblée générale du 15 mars 2006, par. 5")."""
        if not items:
            return items
        raw, kind, start, end, pin, date, capital = items[-1]
        date_m = _DATE_AFTER.match(text, pos) if date is None else None
        if date_m is not None:
            date, pos = _date_of(date_m), date_m.end()
        if not pin:
            pin, after = _pinpoint(text, pos)
            if pin:
                end = after
        if date_m is None and end == items[-1][3]:
            return items
        return [*items[:-1], (raw, kind, start, end, pin, date, capital)]

    @staticmethod
    def _own_reference(text: str, m: regex.Match[str]) -> bool:
        """"its resolutions" with no body named earlier in the same clause ("adopted by the
        General Assembly in its resolution 61/177" is the Assembly's): the document's body.
        """
        if not _ITS.search(text, max(0, m.start() - 8), m.start("kw")):
            return False
        lo = max(0, m.start() - ctx.LOOKBACK)
        boundary = _CLAUSE_END.search(text, lo, m.start())
        start = boundary.end() if boundary is not None else lo
        return not ctx.bodies_before(text, m.start(), m.start() - start)

    @staticmethod
    def _items(
        text: str, m: regex.Match[str], kind: str
    ) -> tuple[list[tuple[_Raw, str, int, int, Pinpoint, str | None, bool]], int]:
        """Every item of the list a head match starts, and where the list ends.

        Each item: (ref, kind, start, end, pinpoint, date, keyword capitalised).
        """
        items: list[tuple[_Raw, str, int, int, Pinpoint, str | None, bool]] = []
        capital = m.group("kw")[:1].isupper()
        current = m
        pos = m.end()
        range_from: _Raw | None = None
        for _ in range(40):
            raw = _raw(current)
            if raw is None:
                break
            if items and raw.form == "sc" and raw.year is None and items[0][0].form != "sc":
                break  # "resolutions 17/1 and 5 other texts": a number alone goes on SC lists only
            if not items:
                start = m.start()
            elif current.group("kw"):
                start = current.start("kw")
            else:
                start = raw.start
            pin, end = _pinpoint(text, raw.end)
            if not items and m.group("pin"):
                pin = _pin_before(m) + pin
            date_m = _DATE_AFTER.match(text, end)
            date = _date_of(date_m)
            if not pin:
                # "resolution 43/4 of 19 June 2020, para. 5", "resolution 35/8 on the safety
                # of journalists, para. 5": the pinpoint after the date or a title
                later = date_m.end() if date_m else end
                title = _TITLE.match(text, later)
                pin, after = _pinpoint(text, title.end() if title else later)
                if pin:
                    end = after
                    date_m = None
            if range_from is not None:
                # the numbers between share the span of the range's end
                items.extend(
                    (mid, kind, start, end, pin, date, capital)
                    for mid in _between(range_from, raw)
                )
            # "resolutions 59/284 A and B": each section is its own document, on one span
            items.extend(
                (section, kind, start, end, pin, date, capital) for section in _sections(raw)
            )
            pos = date_m.end() if date_m else end
            fn = _FOOTNOTE.match(text, pos)
            nxt = _CONT.match(text, fn.end() if fn else pos)
            if nxt is None:
                # "73/327 of 25 July 2019 on sport, 76/13", "60/251 of 15 March 2006, by
                # which it established the Council, and 65/281": the list goes on after a
                # subject, a title or a relative clause.
                aside = _ASIDE.match(text, fn.end() if fn else pos)
                nxt = _CONT.match(text, aside.end()) if aside is not None else None
            if nxt is None:
                break
            range_from = raw if nxt.group("rng") else None
            if nxt.group("kw"):
                kind = _kind(nxt.group("kw"))
                capital = nxt.group("kw")[:1].isupper()
            current = nxt
        return items, pos

    def _citation(
        self,
        doc: Document,
        raw: _Raw,
        kind: str,
        named: tuple[Body, ...],
        generic: bool,
        lookback: list[tuple[tuple[Body, ...], bool]],
        date: str | None,
        hrc_context: bool,
        start: int,
        end: int,
        pin: Pinpoint,
        first: bool,
    ) -> Citation | None:
        text = doc.text
        if not named and lookback and lookback[0] == ((), True):
            return None  # "Council of Europe, ..., resolution 2509 (2023)": not a UN text
        source = "named" if first else "list"
        notes: list[Finding] = []
        # "30/3379": the old consecutive numbering written the new way.
        if (
            raw.form == "session"
            and int(raw.session) <= 30
            and raw.number >= 1000
            and kind == "resolution"
            and (not named or Body.GA in named)
        ):
            roman = ctx.int_to_roman(int(raw.session))
            fixed = attrs.evolve(raw, form="legacy", session=roman)
            symbol = f"A/RES/{raw.number}({roman})"
            wrong = text[raw.start : raw.end]
            good = f"{raw.number} ({roman})"
            notes.append(
                MIXED.finding(
                    f"GA resolutions of the first 30 sessions are numbered `{good}`, not `{wrong}`",
                    raw.start,
                    raw.end,
                    id=f"un:{symbol}",
                    fix=Fix(raw.start, raw.end, good, f"write {good}"),
                )
            )
            ref = UNResolutionRef(
                Body.GA, kind, "legacy", roman, raw.number, None, raw.letters, date,
                "format", symbol,
            )  # fmt: skip
            raw = fixed
        else:
            # EU "Decision 2000/520", "Decision 1/80 of the Association Council": UN
            # decisions are 101- (HRC) or 300-series (GA), or name their body.
            if (
                kind == "decision"
                and (not named or generic)
                and (raw.form == "year" or (raw.form == "session" and raw.number < 101))
            ):
                return None
            body, how = _infer(
                raw, kind, named, source, lookback, date, hrc_context,
                ctx.profile(doc).year_body, ctx.own_body(doc),
            )  # fmt: skip
            if how == "drop":
                return None
            if body is None and raw.form == "legacy":
                body = Body.GA
            if body is Body.SC and kind == "decision":
                return None  # SC decisions are unnumbered (A.6.2)
            if raw.form == "sc" and raw.year is None and (dated := _date_year(date)):
                raw = attrs.evolve(raw, year=dated[0])  # "of 20 July 2015" gives the year
            if raw.letters and body not in (Body.GA, None):
                # Only the General Assembly adopts resolutions in sections: "Human Rights
                # Council resolution 17/4 A and B" cites 17/4, once.
                if raw.later_section:
                    return None
                raw = attrs.evolve(raw, letters=())
            symbol = _symbol(body, raw, kind)
            ref = UNResolutionRef(
                body, kind, raw.form, raw.session, raw.number, raw.year, raw.letters, date,
                how, symbol,
            )  # fmt: skip
        return Citation(
            id=f"un:{symbol}",
            kind=Kind.UN_RESOLUTION,
            text=text[start:end],
            start=start,
            end=end,
            pinpoint=pin,
            parts=ref,
            ambiguous=ref.body is None,
            family=self.name,
            notes=tuple(notes),
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        ref = citation.parts
        if not isinstance(ref, UNResolutionRef):
            return
        s, e, cid = citation.start, citation.end, citation.id
        if ref.body is None:
            yield AMBIGUOUS.finding(
                f"cannot tell which body adopted {ref.kind} {ref.session}/{ref.number}; "
                "name it (e.g. 'Human Rights Council resolution …')",
                s, e, id=cid,
            )  # fmt: skip
            return
        ym = _date_year(ref.date)
        if ref.form == "session":
            sess = int(ref.session)
            if ref.body is Body.GA:
                yield from self._check_ga(ref, sess, ym, s, e, cid)
            elif ref.body is Body.HRC:
                yield from self._check_hrc(ref, sess, ym, s, e, cid)
        elif ref.form == "sc" and ref.year is not None:
            if ref.year > ctx.current_year():
                yield FUTURE.finding(f"Security Council resolution dated {ref.year}", s, e,
                                     id=cid)  # fmt: skip
            if ym and ym[0] != ref.year:
                yield DATE_MISMATCH.finding(
                    f"resolution {ref.number} ({ref.year}) is dated {ref.date}", s, e, id=cid
                )
        elif ref.form == "sc":
            yield SC_NO_YEAR.finding(
                f"Security Council resolution {ref.number}: cite it with its year, e.g. "
                "Security Council resolution 2231 (2015)",
                s, e, id=cid,
            )  # fmt: skip
        elif ref.form == "year" and ref.year is not None:
            if ref.year > ctx.current_year():
                yield FUTURE.finding(f"{ref.kind} of {ref.year} has not been adopted yet", s, e,
                                     id=cid)  # fmt: skip
            if ref.body is Body.ECOSOC and ref.year < 1978:
                yield YEAR_NUMBERING.finding(
                    f"ECOSOC numbered by year only from 1978; {ref.year}/{ref.number} "
                    "does not exist in that form",
                    s, e, id=cid,
                )  # fmt: skip
            if ref.body in (Body.CHR, Body.SUBCOM) and ref.year > 2006:
                yield YEAR_NUMBERING.finding(
                    f"the Commission on Human Rights and its Sub-Commission ended in 2006; "
                    f"no {ref.kind} {ref.year}/{ref.number}",
                    s, e, id=cid,
                )  # fmt: skip

    def _check_ga(
        self, ref: UNResolutionRef, sess: int, ym: tuple[int, int] | None, s: int, e: int,
        cid: str,
    ) -> Iterator[Finding]:  # fmt: skip
        if sess > ctx.ga_max_session():
            yield FUTURE.finding(
                f"GA session {sess} has not opened yet (current: {ctx.ga_max_session()})",
                s, e, id=cid,
            )  # fmt: skip
        opens = ctx.ga_session_year(sess)
        if ym and (ym[0] < opens or (ym[0] == opens and ym[1] < 9)):
            yield NOT_STARTED.finding(
                f"GA session {sess} opened in September {opens}; {ref.kind} {sess}/"
                f"{ref.number} cannot be dated {ref.date}",
                s, e, id=cid,
            )  # fmt: skip
        elif ym and ym[0] > opens + 1:
            yield DATE_MISMATCH.finding(
                f"GA session {sess} ended in {opens + 1}; {ref.kind} {sess}/{ref.number} "
                f"cannot be dated {ref.date}",
                s, e, id=cid,
            )  # fmt: skip
        if ref.kind == "decision" and not 300 <= ref.number <= 599:
            yield OUT_OF_RANGE.finding(
                f"GA decisions are numbered in the 300-599 series, not {ref.number}",
                s, e, id=cid,
            )  # fmt: skip

    def _check_hrc(
        self, ref: UNResolutionRef, sess: int, ym: tuple[int, int] | None, s: int, e: int,
        cid: str,
    ) -> Iterator[Finding]:  # fmt: skip
        if sess > ctx.hrc_max_session():
            yield FUTURE.finding(
                f"the Human Rights Council has held {ctx.hrc_max_session()} sessions; "
                f"session {sess} has not been held; check the session number",
                s, e, id=cid,
            )  # fmt: skip
        year = ctx.hrc_session_year(sess)
        if ym and ym[0] < year:
            yield NOT_STARTED.finding(
                f"HRC session {sess} was held in {year}; {ref.kind} {sess}/{ref.number} "
                f"cannot be dated {ref.date}",
                s, e, id=cid,
            )  # fmt: skip
        elif ym and ym[0] > year + 1:
            yield DATE_MISMATCH.finding(
                f"HRC session {sess} was held in {year}, not {ym[0]}", s, e, id=cid
            )
        if ref.kind == "resolution" and ref.number > ctx.HRC_MAX_RESOLUTION:
            yield OUT_OF_RANGE.finding(
                f"no HRC session has adopted {ref.number} resolutions; check the number "
                f"(a report symbol such as A/HRC/{sess}/{ref.number}?)",
                s, e, id=cid,
            )  # fmt: skip
        if ref.kind == "decision" and not 101 <= ref.number <= 199:
            yield OUT_OF_RANGE.finding(
                f"HRC decisions are numbered from 101; {sess}/{ref.number} is implausible",
                s, e, id=cid,
            )  # fmt: skip


FAMILY = UNProseFamily()

__all__ = ["FAMILY", "RULES", "UNProseFamily", "UNResolutionRef"]
