"""CJEU and General Court case numbers and ECLIs.

Forms: ``C-293/12``, ``Case C‑293/12`` (Curia's non-breaking hyphen), suffixes (``C-132/18 P``,
BAILII's ``C-132/18P``), joined lists and ranges (``C‑501/12 to C‑503/12``: one id per case,
same span, so the scan keeps them all), pre-1989 numbers without a court letter (``Case 314/85``,
only after the word "Case(s)" or right before an ``EU:C:19yy`` ECLI), ``ECLI:EU:C:2014:238``,
the Court's short ``EU:C:2005:446``, national ECLIs, and the Court's recommended form
``Schempp, C-403/03, EU:C:2005:446, paragraph 19`` where case, ECLI and pinpoint make one span.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from citecheck import eu_words, language
from citecheck.eu_words import ActWords
from citecheck.families.base import (
    DASHES,
    MONTHS,
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    settle,
)
from citecheck.lexicon import CHARACTERS, ENGLISH, LANGUAGES, Lexicon, alternation
from citecheck.lexicon import load as lexicon_for
from citecheck.model import (
    NO_PINPOINT,
    Citation,
    Finding,
    Fix,
    Kind,
    Pinpoint,
    Severity,
)
from citecheck.patterns import lazy_compile, unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import parse_numbers, pinpoint_before
from citecheck.rules import Rule

MALFORMED_ECLI = Rule(
    "CJ101",
    "malformed-ecli",
    Severity.ERROR,
    "An ECLI does not follow ECLI:country:court:year:ordinal.",
    "An ECLI has five parts separated by colons: 'ECLI', a two-letter country code ('EU' for "
    "the EU courts), the court code ('C' Court of Justice, 'T' General Court, 'F' Civil "
    "Service Tribunal), a four-digit year and an ordinal. 'CJ' is a "
    "CELEX descriptor, not an ECLI court code.",
    bad="ECLI:EU:C:14:238; ECLI:EU:CJ:2014:238",
    good="ECLI:EU:C:2014:238",
    fixable=True,
)
CASE_YEAR_DIGITS = Rule(
    "CJ102",
    "case-year-four-digits",
    Severity.WARNING,
    "A case number writes the year with four digits; case numbers use two.",
    "Case numbers are court letter, hyphen, running number, '/', and the two-digit year in "
    "which the case was lodged (C-250/25).",
    bad="C-293/2012",
    good="C-293/12",
    fixable=True,
)
CASE_HYPHEN = Rule(
    "CJ103",
    "case-hyphen-missing",
    Severity.WARNING,
    "A case number lacks the hyphen after the court letter.",
    "Write the court letter, a hyphen and the number: 'C-293/12'.",
    bad="Case C 293/12",
    good="Case C-293/12",
    fixable=True,
)
JOINED_WORDING = Rule(
    "CJ104",
    "joined-cases-wording",
    Severity.WARNING,
    "Several case numbers follow the singular 'Case'.",
    "Joined cases are cited as 'Joined Cases C-293/12 and C-594/12'; several separate "
    "cases as 'Cases ...'. The singular 'Case' names one case.",
    bad="Case C-293/12 and C-594/12",
    good="Joined Cases C-293/12 and C-594/12",
)
ECLI_BEFORE_CASE = Rule(
    "CJ105",
    "ecli-year-before-case-year",
    Severity.ERROR,
    "The ECLI year is earlier than the year the cited case was lodged.",
    "A decision cannot be given before its case was brought: the ECLI year must be on or "
    "after the case year. One of the two is probably mistyped.",
    bad="C-293/12, EU:C:2011:238",
    good="C-293/12, EU:C:2014:238",
)
ECLI_COURT_MISMATCH = Rule(
    "CJ106",
    "ecli-court-mismatch",
    Severity.ERROR,
    "The ECLI court code differs from the court letter of the case number cited with it.",
    "Court of Justice cases (C-) have ECLIs EU:C:..., General Court cases (T-) EU:T:...; "
    "one of the two is probably mistyped.",
    bad="T-293/12, EU:C:2014:238",
    good="C-293/12, EU:C:2014:238",
)
SUFFIX_SPACING = Rule(
    "CJ107",
    "case-suffix-spacing",
    Severity.INFO,
    "A procedure suffix is written without a space (BAILII style).",
    "Curia writes a space between the case number and its suffix: 'C-132/18 P'.",
    bad="C-132/18P",
    good="C-132/18 P",
    fixable=True,
)
BAD_RANGE = Rule(
    "CJ108",
    "bad-case-range",
    Severity.WARNING,
    "A range of case numbers does not run upwards within one court and year.",
    "'C-501/12 to C-503/12' covers three cases; a range whose end is not after its start, or "
    "that changes court or year, cannot be expanded.",
    bad="C-503/12 to C-501/12",
    good="C-501/12 to C-503/12",
)

RULES = (
    MALFORMED_ECLI,
    CASE_YEAR_DIGITS,
    CASE_HYPHEN,
    JOINED_WORDING,
    ECLI_BEFORE_CASE,
    ECLI_COURT_MISMATCH,
    SUFFIX_SPACING,
    BAD_RANGE,
)

_MAX_RANGE = 60  # a range expanding to more cases than this is kept as its two ends

_D = "[" + DASHES + "]"
_SP = r"[ \u00a0\u202f]"
_DASH_RE = lazy_compile(_D)  # used per item: compiled once here, not per call
_DIGITS = lazy_compile(r"\d{1,6}")
_MONTHS = "|".join(MONTHS)
_SUFFIX = r"(?:PPU|P(?:" + _D + r"(?:R|DEP)|\(R\))?|R|AJ|DEP|REV|INTP|RENV|OP|TO|SA)"


# One case number. Lettered: C/T/F, a dash (or, flagged, a space), number, two- or (flagged)
# four-digit year, optional suffix. Bare (pre-1989): number and a 1952-1989 year.
def _lettered(prefix: str, *, space_dash: bool) -> str:
    dash = rf"{_D}\s?|{_SP}(?=\d)" if space_dash else rf"{_D}\s?"
    return rf"""
    (?<![\w/.{DASHES}])(?<!OJ{_SP})
    (?P<{prefix}court>[CTF])(?P<{prefix}dash>{dash})
    (?P<{prefix}num>[1-9]\d{{0,3}})/(?P<{prefix}yy>(?:19|20)\d\d|\d\d)(?!\d)
    (?:(?P<{prefix}sufsp>{_SP}?)(?P<{prefix}suf>{_SUFFIX})(?![\w]))?
    (?!{_SP}+(?:{_MONTHS})\b)
    """


_BARE = r"""
    (?<![\w/.\-])[1-9]\d{0,3}/(?:5[2-9]|[6-8]\d)(?![\d/])
"""
#: "and" and the other languages' words for it ("und", "et", "y"): a list of case numbers is
#: one citation whatever its language, its paragraph after the last case every case's.
_CASE_LIST_WORDS = {w for words in eu_words.load().values() for w in words.case_list_words}
_AND = "(?:" + "|".join(regex.escape(word) for word in ("and", *sorted(_CASE_LIST_WORDS))) + ")"
_LSEP = (
    rf"(?:\s{{0,3}},\s{{0,3}}(?:{_AND}\s{{1,3}})?|\s{{1,3}}(?:{_AND}|to)\s{{1,3}}"
    r"|\s{0,2}&\s{0,2})"
)
# A full stop may end the sentence after the ordinal ("..., EU:C:2019:300."); a digit or a
# letter after it would make the ordinal something else.
_ECLI_SHORT = r"(?:ECLI:)?EU:(?P<ecourt>[CTF]):(?P<eyear>\d{4}):(?P<eord>\d{1,6})(?![\w:]|\.\w)"
_ECLI_TAIL = rf"(?P<ecli>\s{{0,3}},\s{{0,3}}{_ECLI_SHORT})?"
#: The judgment's own ECLI written after its party names, before its paragraph (read by
#: ``_pin_after_name``; found again in the span it read).
_OWN_ECLI = lazy_compile(rf"(?<![\w:]){_ECLI_SHORT}")


def _list(first: str, more: str) -> str:
    """A list of case numbers; the repeated ``item``/``sep`` groups keep every capture."""
    return rf"(?P<item>{first})(?:(?P<sep>{_LSEP})(?P<item>{more})){{0,40}}"


_ANY = "(?:" + _lettered("a_", space_dash=True) + "|" + _BARE + ")"
_STRICT = "(?:" + _lettered("s_", space_dash=False) + ")"

#: The characters every citation starts with: a court letter, "Joined", "Case(s)", "case(s)",
#: "ECLI"/"EU:"/"ecli", "CE:ECHR", a case number without a court letter.
_OPENERS = "CTFJEce123456789"
_CASES = compile_pattern(
    rf"""
    # Every shape starts with one of these characters; the guard skips other positions fast.
    (?=[{_OPENERS}])
    (?:
    (?P<kwlist>
        # Capitalised keywords may follow a glued Curia header ("...0004ENGJoined Cases").
        (?P<kw>(?P<joined>Joined\s{{1,3}}Cases)|Cases|Case)\s{{1,3}}
        {_list(_ANY, _ANY)}
        {_ECLI_TAIL}
    )
  | (?P<lkwlist>
        # "showcase C-5/19": a lower-case keyword must start a word.
        (?<![\w])(?P<lkw>cases|case)\s{{1,3}}
        {_list(_STRICT, _STRICT)}
        {_ECLI_TAIL}
    )
  | (?P<plain>
        {_list(_STRICT, _STRICT)}
        {_ECLI_TAIL}
    )
  | (?P<old>
        {_list(_BARE, _BARE)}
        (?=\s{{0,3}},\s{{0,3}}(?:ECLI:)?EU:C:19)
        {_ECLI_TAIL}
    )
  | (?P<ecli_full>
        (?<![\w])(?P<prefix>ECLI|ecli)(?P<s1>:|{_SP})(?P<cc>[A-Z]{{2}})(?P<s2>:|{_SP})
        (?P<fcourt>[A-Z][A-Z0-9]{{0,6}})(?P<s3>:|{_SP})(?P<fyear>\d{{2,4}})(?P<s4>:|{_SP})
        (?P<ford>[A-Za-z0-9]{{1,25}}(?:\.[A-Za-z0-9]{{1,25}}){{0,4}})(?![\w])
    )
  | (?P<ecli_short>(?<![\w:]){_ECLI_SHORT})
    # The European Court of Human Rights' ECLI written without "ECLI:", as Curia and HUDOC do.
  | (?P<ecli_ce>(?<![\w:])CE:ECHR:(?P<ceyear>(?:19|20)\d\d):(?P<ceord>\d{{4}}[A-Z]{{3}}\d{{9}})
        (?![\w:]))
    )
    """
)


_ANCHORS = ("/", "ecli", "eu:", "ce:echr:")

#: At a digit only the pre-1989 shape (``old``) can start, and its first item is a bare
#: number: where this does not match, neither does ``_CASES``.
_BARE_AT_NUMBER = compile_pattern(_BARE)


#: The "/" after a case number: one to four digits that follow no letter, digit, "/" or "."
#: (a dash, a space, or nothing: "C-293/12", "Case 6/64"). Most digit/digit pairs of UN texts
#: are segments of document symbols ("A/HRC/53/25"), where no case number can start.
_CASE_NUMBER_SLASH = lazy_compile(r"(?<=(?<![\w/.])\d{1,4})/")


def _case_hits(doc: Document) -> list[tuple[int, int]]:
    """Every shape holds a digit/digit (case numbers), "ECLI" or "EU:C:" at most ~30
    characters after its start ("Joined Cases C-293/12"); the grammar runs only near those.
    The digit/digit pairs come from the document's digit slashes, shared with the act family."""
    text = doc.text
    slash_after_number = _CASE_NUMBER_SLASH.match
    numbers = [
        (slash - 1, slash + 2)
        for slash in doc.digit_slashes
        if slash_after_number(text, slash) is not None
    ]
    # A word anchor cannot start just before a number's "/" (a digit stands there), so the
    # spans sort as the hits they come from did.
    return sorted([*numbers, *doc.hits(_WORD_ANCHORS)])


_WORD_ANCHORS = tuple(anchor for anchor in _ANCHORS if anchor != "/")


#: The bounds of the window the grammar was once searched in around each hit.
_BEFORE, _AFTER = 40, 64
#: How far before an "EU:" hit an ECLI starts ("ECLI:").
_ECLI_PREFIX = len("ECLI:")


def _keyword_starts(text: str, item: int) -> list[int]:
    """Where a keyword list's "Case", "Cases", "Joined Cases", "case" or "cases" would start
    if one stood before the case number at ``item`` (one to three spaces apart)."""
    gap = item
    while gap > 0 and item - gap < 4 and text[gap - 1].isspace():
        gap -= 1
    if not 1 <= item - gap <= 3:
        return []
    starts = []
    if text.endswith(("Case", "case"), 0, gap):
        starts.append(gap - 4)
    if text.endswith(("Cases", "cases"), 0, gap):
        starts.append(gap - 5)
        joined = gap - 5
        while joined > 0 and gap - 5 - joined < 4 and text[joined - 1].isspace():
            joined -= 1
        if 1 <= gap - 5 - joined <= 3 and text.endswith("Joined", 0, joined):
            starts.append(joined - 6)
    return starts


def _openings(text: str, hit_start: int, hit_end: int) -> list[int]:
    """Where a citation holding this hit can start: for a case number's "/", its number (1 to 4
    digits before the "/", the first 1-9 and following no ASCII letter or digit), its court
    letter (a dash and maybe a space before the number) and the keyword before either; for an
    ECLI hit, the hit or "ECLI:" before it."""
    if hit_end - hit_start != 3 or text[hit_start + 1] != "/":
        first = max(0, hit_start - _ECLI_PREFIX)
        return [pos for pos in range(first, hit_start + 1) if text[pos] in _OPENERS]
    slash = hit_start + 1
    starts: list[int] = []
    for num in range(max(0, slash - 4), slash):
        before = text[num - 1] if num else ""
        if text[num] not in "123456789" or (before.isascii() and before.isalnum()):
            continue
        courts = (court for court in (num - 3, num - 2) if court >= 0 and text[court] in "CTF")
        for item in (num, *courts):
            starts.append(item)
            starts.extend(_keyword_starts(text, item))
    return starts


def _case_matches(doc: Document) -> Iterator[regex.Match[str]]:
    """The matches ``matches_near(_CASES, _case_hits(doc), ...)`` gives: for each hit the
    leftmost citation in the window ``[hit - 40, hit end + 64)``, found by matching ``_CASES``
    only where a citation holding one of the window's hits can start (:func:`_openings`; every
    citation holds one), in order, instead of at each of the window's positions: a "/" of a
    date or a resolution number costs one small check (``_BARE_AT_NUMBER``), not an attempt
    of the whole grammar."""
    text = doc.text
    hits = list(_case_hits(doc))
    openings: dict[int, list[int]] = {}
    match, bare_number = _CASES.match, _BARE_AT_NUMBER.match
    last_end = 0
    for i, (hit_start, hit_end) in enumerate(hits):
        if hit_start < last_end:
            continue
        lo, hi = max(last_end, hit_start - _BEFORE), hit_end + _AFTER
        first = i
        while first > 0 and hits[first - 1][0] >= lo:
            first -= 1  # an earlier hit whose citation did not fit its own window may fit here
        starts: set[int] = set()
        j = first
        while j < len(hits) and hits[j][0] < hi:
            if j not in openings:
                openings[j] = _openings(text, *hits[j])
            starts.update(openings[j])
            j += 1
        m = None
        for pos in sorted(starts):
            if lo <= pos < hi:
                if text[pos].isdigit() and bare_number(text, pos, hi) is None:
                    continue  # most openings: a resolution's or a decision's number
                m = match(text, pos, hi)
                if m is not None:
                    break
        m = settle(_CASES, text, m, hi)
        if m is None:
            continue
        yield m
        last_end = max(m.end(), m.start() + 1)


# Pieces of one matched case item, re-read from the item's text.
_ITEM_PARSE = lazy_compile(
    rf"""(?x)
    (?P<court>[CTF])?(?P<dash>{_D}\s?|{_SP})?
    (?P<num>\d{{1,4}})/(?P<yy>\d{{2,4}})
    (?:(?P<sufsp>{_SP}?)(?P<suf>\S.*))?\Z
    """
)

# ``, paragraph 19``, ``, paragraphs 38 to 40``, ``, point 45`` after a case or ECLI; PDF and
# XML line breaks may sit between any two tokens.
_PIN_NUMS = (
    r"\d{1,4}(?!\d)(?:\s{0,3}(?:,|" + ENGLISH.list_pattern + "|" + ENGLISH.range_pattern
    + "|[" + regex.escape(CHARACTERS.range_dashes) + r"])\s{0,3}\d{1,4}(?!\d)){0,20}"
)
_PIN = compile_pattern(
    rf"""
    \s{{0,3}},\s{{0,3}}
    (?P<word>{ENGLISH.unit_pattern("para", "point")})\s{{0,3}}
    (?P<nums>{_PIN_NUMS})
    (?![\w/])
    """
)


def _own_judgment(own: tuple[str, ...]) -> str:
    """What, after a paragraph's "of", points back to the judgment just cited: "which", or
    "the judgment" closing the clause ("paragraph 73 of the judgment.", not "... of the
    judgment in Case C-311/18")."""
    closes = r"(?=\s{0,3}(?:[.,;:)]|\Z))"
    return rf"(?:which(?![\w])|(?:{alternation([w for w in own if w != 'which'])}){closes})"


#: "paragraph 2 of Article 5", "paragraph 79 of the judgment in": a paragraph followed by "of"
#: belongs to what follows, not to the case or ECLI before it; "paragraph 73 of which",
#: "paragraph 73 of the judgment." to the judgment just cited.
_OF_NEXT = compile_pattern(
    rf"\s{{1,3}}{alternation(ENGLISH.part_of_words)}\s"
    rf"(?!\s{{0,2}}{_own_judgment(eu_words.english().own_judgment_words)})"
)


@attrs.frozen(slots=True)
class CaseNumber:
    """One case number: ``court`` is "" for cases before 1989."""

    court: str
    number: int
    year: int  # four digits
    suffix: str = ""

    @property
    def canonical(self) -> str:
        core = (
            f"{self.court}-{self.number}/{self.year % 100:02d}"
            if self.court
            else (f"{self.number}/{self.year % 100:02d}")
        )
        return f"{core} {self.suffix}" if self.suffix else core


@attrs.frozen(slots=True)
class Ecli:
    """A European Case Law Identifier, as parsed (``year`` may be malformed)."""

    country: str
    court: str
    year: str
    ordinal: str

    @property
    def canonical(self) -> str:
        return f"{self.country}:{self.court}:{self.year}:{self.ordinal}"


@attrs.frozen(slots=True)
class CjeuParts:
    """The whole citation group: its cases, its ECLI (if cited with them), the keyword used."""

    cases: tuple[CaseNumber, ...] = ()
    ecli: Ecli | None = None
    keyword: str = ""


def _year4(yy: str) -> int:
    """Two-digit lodging year to four digits: the Court's first cases date from 1953."""
    y = int(yy)
    if len(yy) == 4:
        return y
    return 1900 + y if y >= 50 else 2000 + y


def _other_pin(lexicon: Lexicon) -> regex.Pattern[str]:
    """``, point 42`` / ``, apartado 42`` / ``, Rn. 42``: a paragraph of a judgment or opinion
    in another language (French numbers a judgment's paragraphs in "points", an Advocate
    General's opinion is cited by "point"/"punto"/"Nr."), always ``para.``."""
    words = lexicon.words("para", "point")
    nums = (
        r"\d{1,4}(?!\d)(?:\s{0,3}(?:,|" + lexicon.list_pattern + "|" + lexicon.range_pattern
        + "|[" + regex.escape(CHARACTERS.range_dashes) + r"])\s{0,3}\d{1,4}(?!\d)){0,20}"
    )
    return compile_pattern(
        rf"""\s{{0,3}},\s{{0,3}}(?P<word>{alternation(words)})\s{{0,3}}(?P<nums>{nums})(?![\w/])"""
    )


_OTHER_PINS = {lang: _other_pin(lexicon_for(lang)) for lang in LANGUAGES if lang != "en"}


def _pin_after_name(lexicon: Lexicon, words: ActWords) -> regex.Pattern[str]:
    """``, Schrems, Rn. 73`` / `` (Schrems), Rn. 73`` / ``, Slg. 2007, I-3633, Rn. 45`` /
    `` Digital Rights Ireland and Others, EU:C:2014:238, paragraph 52`` / ``, not published,
    EU:C:2015:356, paragraph 25``: a judgment's paragraph after what may stand between its case
    number and it: the party names (also in brackets, in English right after the number), the
    Reports reference (``[1990] ECR I-2433``), the note that it is not published, the
    judgment's own ECLI. One judgment: the paragraph is the case's and the ECLI's. Only the
    words numbering a judgment's paragraphs close it (``Rn.``, not ``Nr.`` or ``Abs.``), and
    none followed by "of" (``paragraph 2 of Article 5``, ``Rn. 5 des Urteils``): that
    paragraph belongs to what follows, so ordinary prose after a case keeps no pinpoint."""
    nums = (
        r"\d{1,4}(?!\d)(?:\s{0,3}(?:,|" + lexicon.list_pattern + "|" + lexicon.range_pattern
        + "|[" + regex.escape(CHARACTERS.range_dashes) + r"])\s{0,3}\d{1,4}(?!\d)){0,20}"
    )
    dash = "[" + regex.escape(CHARACTERS.range_dashes) + "-]"
    # "Slg. 2007, I-3633", "Slg. I-3633"; after the year in brackets "[1990] ECR I-2433" and,
    # before 1989, "[1986] ECR 89"
    names = alternation(words.reports_names)
    page = rf"(?:{alternation(words.page_words)}\s{{0,3}})?"
    series = rf"I{{1,2}}\s{{0,2}}{dash}\s{{0,2}}"
    reports = (
        rf"(?:\[(?:19|20)\d\d\]\s{{0,3}}{names}\s{{0,3}}{page}(?:{series})?\d{{1,5}}"
        rf"|{names}\s{{0,3}}(?:\d{{4}}\s{{0,3}},?\s{{0,3}})?{page}{series}\d{{1,5}})(?!\d)"
    )
    # one to six words without digits, the first capitalised ("Facebook Ireland und Schrems",
    # "Kommission/Belgien", "Commission v. Council"); a full stop before a space ends the
    # sentence, not the name
    letter = r"(?:[\p{L}'\u2019&-]|\.(?![ \u00a0\n])|(?<=(?<!\w)v)\.)"
    word = rf"\p{{L}}{letter}{{0,30}}"
    # not an Advocate General's Opinion ("Advocate General Bot, paragraph 73" is its point)
    opinion = rf"(?!(?:{alternation(words.opinion_words)})(?![\w]))" if words.opinion_words else ""
    capital = rf"{opinion}\p{{Lu}}{letter}{{0,30}}"
    gap = r"(?:[ \u00a0]{1,2}|[ \u00a0]?/[ \u00a0]?)"
    party = rf"{capital}(?:{gap}{word}){{0,5}}"
    # right after the number, with no comma: capitalised words and a name's connectors
    # ("Digital Rights Ireland and Others"), not a clause ("Ireland argued")
    if words.party_connectors:
        connector = rf"(?:{alternation(words.party_connectors)})(?![\w])"
        named = rf"{capital}(?:{gap}(?:{capital}|{connector})){{0,5}}"
    else:
        named = party
    unpublished = alternation(words.unpublished_words) if words.unpublished_words else "(?!)"
    ecli = r"(?:ECLI:)?EU:[CTF]:\d{4}:\d{1,6}(?![\w:]|\.\w)"
    between = (
        rf"\s{{0,3}},\s{{0,3}}(?:{reports}|{party}|{unpublished}|{ecli})(?![\w/])"
        rf"|\s{{0,3}}\(\s{{0,2}}(?:{party}|{ecli})\s{{0,2}}\)"
        rf"|\s{{1,3}}(?:(?=\[){reports}|{ecli})(?![\w/])"
    )
    # "Case C-293/12 Digital Rights Ireland and Others, ...": the names right after the number
    first = rf"\s{{1,3}}{named}(?![\w/])"
    of_next = alternation(lexicon.part_of_words)
    if words.own_judgment_words:
        # "paragraph 73 of which", "paragraph 73 of the judgment.": the judgment just cited
        of_next += rf"(?!\s{{0,2}}{_own_judgment(words.own_judgment_words)})"
    return compile_pattern(
        rf"""(?:{between}|{first})(?:{between}){{0,2}}"""
        rf"""\s{{0,3}},\s{{0,3}}(?P<word>{alternation(words.judgment_paragraph_words)})"""
        rf"""\s{{0,3}}(?P<nums>(?>{nums}))(?![\w/])(?!\s{{1,3}}{of_next}\s)"""
    )


_PINS_AFTER_NAME = {
    lang: _pin_after_name(lexicon_for(lang), words)
    for lang, words in (*eu_words.load().items(), ("en", eu_words.english()))
    if words.judgment_paragraph_words and words.reports_names
}
#: How much text before a case tells the language its "point 42" is written in.
_LANGUAGE_REACH = 300


_CLOSE_PAREN = regex.compile(r"\s{0,2}\)")
#: A French judgment word ("arrêt", "affaire"): French text where no frequent word tells.
_FRENCH_JUDGMENT = regex.compile(
    rf"(?i)(?<!\w)(?:{alternation(lexicon_for('fr').judgment_words)})(?!\w)"
)


def _pinpoint(text: str, pos: int, start: int | None = None) -> tuple[Pinpoint, int]:
    """The paragraphs after a case or ECLI; of the languages' readings, the one reading furthest
    ("points 40 à 42" is French to its end, English only to "points 40"); English on a tie.
    A citation in parentheses takes the pinpoint after them ("(C-311/18, EU:C:2019:1145),
    point 42"), given its ``start``."""
    if start and text[start - 1] == "(":
        closed = _CLOSE_PAREN.match(text, pos)
        if closed is not None:
            pin, end = _pinpoint(text, closed.end())
            if pin:
                return pin, end
    m = _PIN.match(text, pos)
    best: tuple[Pinpoint, int] = (NO_PINPOINT, pos)
    unit = (ENGLISH.unit_of(m.group("word")) or "para") if m is not None else ""
    if m is not None and unit == "para" and _OF_NEXT.match(text, m.end()) is not None:
        m = None  # "C-362/14, paragraph 2 of Article 5": the paragraph is the article's
    if m is not None:
        lo = max(0, pos - _LANGUAGE_REACH)
        told = language.detect(text, lo, pos, default="")
        if unit == "point" and (
            told == "fr" or (not told and _FRENCH_JUDGMENT.search(text, lo, pos) is not None)
        ):
            # "arrêt ..., C-311/18, point 42": the judgment's paragraph 42 in French text, or
            # where no frequent word tells but a French judgment word does ("Voir l'arrêt
            # Schrems, ..."); elsewhere "point" numbers an Advocate General's Opinion
            # ("C-311/18, EU:C:2019:1145, point 42": the ECLI may be the Opinion's)
            unit = "para"
        best = Pinpoint(parse_numbers(unit, m.group("nums"))), m.end()
    for lang, pattern in (*_OTHER_PINS.items(), *_PINS_AFTER_NAME.items()):
        m = pattern.match(text, pos)
        if m is not None and m.end() > best[1]:
            nums = parse_numbers("para", m.group("nums"), lexicon_for(lang))
            best = Pinpoint(nums), m.end()
    return best


def judgment_paragraphs_after(text: str, pos: int) -> tuple[Pinpoint, int]:
    """A judgment's paragraphs written at ``pos`` in any language (``, point 45``,
    ``, apartado 45``, ``, Rn. 45``), as after a case: what a short form repeating a judgment
    reads (``Ibid., point 45``); ``(NO_PINPOINT, pos)`` if none."""
    return _pinpoint(text, pos)


def _pinpoint_before(text: str, start: int) -> Pinpoint:
    """The judgment's paragraphs written before its case: English, else each other language
    ("Rn. 42 des Urteils C-311/18", "point 42 de l'arrêt C-311/18"); a judgment numbers its
    paragraphs, so "points" are paragraphs too.  An Advocate General's opinion numbers its
    own: "point 42 des conclusions" is no paragraph of the judgment."""
    pin = pinpoint_before(text, start, judgment=True)
    for lang in _BEFORE_LANGUAGES:
        if pin:
            break
        pin = pinpoint_before(text, start, lexicon_for(lang), unit="para", judgment=True)
    return pin


_BEFORE_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != "en")


def _case_id(case: CaseNumber) -> str:
    return f"case:{case.canonical}"


class CjeuFamily:
    """Case numbers and ECLIs in one linear pass (see the module docstring)."""

    name = "cjeu"
    triggers = (
        *(f"{letter}{dash}" for letter in "ctf" for dash in DASHES),
        "case",
        "ecli",
        "eu:c:",
        "eu:t:",
        "eu:f:",
        "ce:echr:",
    )
    anchors = _ANCHORS
    priority = 20
    #: read past a citation: the language of the text before its pinpoint, which may lie
    #: past the case's number; the language around a pinpoint before it (``pinpoint_before``)
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH, _LANGUAGE_REACH)
    rules = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        for m in _case_matches(doc):
            if m.group("ecli_full"):
                yield from self._full_ecli(m, text)
            elif m.group("ecli_ce"):
                ecli = Ecli("CE", "ECHR", m.group("ceyear"), m.group("ceord"))
                pin, end = _pinpoint(text, m.end())
                yield self._citation(
                    f"ecli:{ecli.canonical}", Kind.ECLI, text, m.start(), end, pin,
                    CjeuParts(ecli=ecli),
                )  # fmt: skip
            elif m.group("ecli_short"):
                ecli = Ecli("EU", m.group("ecourt"), m.group("eyear"), m.group("eord"))
                pin, end = _pinpoint(text, m.end())
                yield self._citation(
                    f"ecli:{ecli.canonical}",
                    Kind.ECLI,
                    text,
                    m.start(),
                    end,
                    pin,
                    CjeuParts(ecli=ecli),
                )
            else:
                yield from self._cases(m, text)

    # --- case lists -------------------------------------------------------------------

    def _cases(self, m: regex.Match[str], text: str) -> Iterator[Citation]:
        start, end = m.start(), m.end()
        ecli: Ecli | None = None
        if m.group("ecli"):
            ecli = Ecli("EU", m.group("ecourt"), m.group("eyear"), m.group("eord"))
        pin, end = _pinpoint(text, end, start)
        if ecli is None and pin:
            # "Case C-293/12 Digital Rights Ireland, EU:C:2014:238, paragraph 52": the ECLI
            # read on the way to the paragraph is the case's own (one judgment, one span)
            own = _OWN_ECLI.search(text, m.end(), end)
            if own is not None:
                ecli = Ecli("EU", own.group("ecourt"), own.group("eyear"), own.group("eord"))
        if not pin and (len(m.captures("item")) == 1 or m.group("joined") or ecli is not None):
            # "in paragraph 179 of the judgment in C-411/17": one judgment, its paragraph (cases
            # sharing one ECLI, "C-402/05 P and C-415/05 P, EU:C:2008:461", are one judgment)
            pin = _pinpoint_before(text, start)
        keyword = m.group("kw") or m.group("lkw") or ""
        items = m.captures("item")
        item_starts = m.starts("item")
        seps = m.captures("sep")
        cases: list[CaseNumber] = []
        case_notes: list[list[Finding]] = []
        notes: list[Finding] = []
        for i, (raw, istart) in enumerate(zip(items, item_starts, strict=True)):
            parsed = self._parse_item(raw, istart)
            if parsed is None:
                continue
            case, item_notes = parsed
            if i > 0 and cases and seps[i - 1].strip() == "to":
                lo = cases[-1]
                expanded = self._expand(lo, case)
                if expanded is None:
                    notes.append(
                        BAD_RANGE.finding(
                            f"'{text[item_starts[i - 1] : istart + len(raw)]}' is not an "
                            "upward range of one court and year",
                            item_starts[i - 1],
                            istart + len(raw),
                        )
                    )
                else:
                    for mid in expanded:
                        cases.append(mid)
                        case_notes.append([])
            cases.append(case)
            case_notes.append(item_notes)
        if not cases:
            return
        if keyword == "Case" and len(items) > 1:
            notes.append(
                JOINED_WORDING.finding(
                    f"'{keyword}' is followed by {len(items)} case numbers; write 'Joined Cases' "
                    "(or 'Cases' if they were not joined)",
                    m.start("kw"),
                    m.end("kw"),
                    id=_case_id(cases[0]),
                )
            )
        parts = CjeuParts(tuple(cases), ecli, keyword)
        for i, case in enumerate(cases):
            extra = tuple(notes) if i == 0 else ()
            yield self._citation(
                _case_id(case),
                Kind.CJEU_CASE,
                text,
                start,
                end,
                pin,
                parts,
                (*extra, *case_notes[i]),
            )
        if ecli is not None:
            yield self._citation(f"ecli:{ecli.canonical}", Kind.ECLI, text, start, end, pin, parts)

    def _parse_item(self, raw: str, start: int) -> tuple[CaseNumber, list[Finding]] | None:
        p = _ITEM_PARSE.match(raw) if not unreadable_number(raw) else None
        if p is None:  # pragma: no cover - the scanner only captures parseable items
            return None
        court = p.group("court") or ""
        yy = p.group("yy")
        suffix = p.group("suf") or ""
        suffix = _DASH_RE.sub("-", suffix)
        case = CaseNumber(court, int(p.group("num")), _year4(yy), suffix)
        notes: list[Finding] = []
        end = start + len(raw)
        canonical_text = case.canonical
        cid = _case_id(case)
        if court and p.group("dash") and not _DASH_RE.match(p.group("dash")):
            notes.append(
                CASE_HYPHEN.finding(
                    f"'{raw}': a hyphen belongs after the court letter; write '{canonical_text}'",
                    start,
                    end,
                    id=cid,
                    fix=Fix(start, end, canonical_text, f"write {canonical_text}"),
                )
            )
        if len(yy) == 4:
            notes.append(
                CASE_YEAR_DIGITS.finding(
                    f"'{raw}': case numbers give the year in two digits; write '{canonical_text}'",
                    start,
                    end,
                    id=cid,
                    fix=Fix(start, end, canonical_text, f"write {canonical_text}"),
                )
            )
        if suffix and not p.group("sufsp"):
            notes.append(
                SUFFIX_SPACING.finding(
                    f"'{raw}': put a space before the suffix '{suffix}'; write '{canonical_text}'",
                    start,
                    end,
                    id=cid,
                    fix=Fix(start, end, canonical_text, f"write {canonical_text}"),
                )
            )
        return case, notes

    @staticmethod
    def _expand(lo: CaseNumber, hi: CaseNumber) -> list[CaseNumber] | None:
        """The cases strictly between ``lo`` and ``hi``; None if the range is not sound."""
        if (lo.court, lo.year, lo.suffix) != (hi.court, hi.year, hi.suffix):
            return None
        if hi.number <= lo.number:
            return None
        if hi.number - lo.number > _MAX_RANGE:
            return []
        return [attrs.evolve(lo, number=n) for n in range(lo.number + 1, hi.number)]

    # --- ECLIs --------------------------------------------------------------------------

    def _full_ecli(self, m: regex.Match[str], text: str) -> Iterator[Citation]:
        start = m.start()
        cc, court, year, ordinal = m.group("cc", "fcourt", "fyear", "ford")
        mend = m.end()
        if cc == "EU":
            # EU ordinals are numbers; letters glued on (``2017:1007ENG``) are not part of it.
            digits = _DIGITS.match(ordinal)
            if digits is not None and digits.end() < len(ordinal):
                ordinal = digits.group(0)
                mend = m.start("ford") + len(ordinal)
        problems: list[str] = []
        fixed_court = court
        if any(m.group(s) != ":" for s in ("s1", "s2", "s3", "s4")):
            problems.append("its parts must be separated by colons")
        if len(year) != 4:
            problems.append(f"the year '{year}' must have four digits")
        if cc == "EU" and court not in ("C", "T", "F"):
            if court[0] in "CTF" and court[1:] in ("J", "O", "C", "S"):
                fixed_court = court[0]
                problems.append(
                    f"'{court}' is a CELEX descriptor; the ECLI court code is '{court[0]}'"
                )
            else:
                problems.append(f"'{court}' is not an EU court code (C, T or F)")
        ecli = Ecli(cc, fixed_court, year, ordinal)
        pin, end = _pinpoint(text, mend)
        notes: tuple[Finding, ...] = ()
        cid = f"ecli:{ecli.canonical}"
        if problems:
            fix = None
            if len(year) == 4 and (cc != "EU" or fixed_court in ("C", "T", "F")):
                replacement = f"ECLI:{ecli.canonical}"
                fix = Fix(start, mend, replacement, f"write {replacement}")
            notes = (
                MALFORMED_ECLI.finding(
                    f"'{text[start:mend]}' is not a well-formed ECLI: " + "; ".join(problems),
                    start,
                    mend,
                    id=cid,
                    fix=fix,
                ),
            )
        yield self._citation(cid, Kind.ECLI, text, start, end, pin, CjeuParts(ecli=ecli), notes)

    def _citation(
        self,
        cid: str,
        kind: Kind,
        text: str,
        start: int,
        end: int,
        pin: Pinpoint,
        parts: CjeuParts,
        notes: tuple[Finding, ...] = (),
    ) -> Citation:
        return Citation(
            id=cid,
            kind=kind,
            text=text[start:end],
            start=start,
            end=end,
            pinpoint=pin,
            parts=parts,
            family=self.name,
            notes=notes,
        )

    # --- offline checks -----------------------------------------------------------------

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        """Cross-checks between a case number and the ECLI cited with it (on the ECLI only)."""
        parts = citation.parts
        if citation.kind is not Kind.ECLI or not isinstance(parts, CjeuParts):
            return
        ecli = parts.ecli
        if ecli is None or not parts.cases or not ecli.year.isdigit() or len(ecli.year) != 4:
            return
        eyear = int(ecli.year)
        late = max(parts.cases, key=lambda c: c.year)
        if eyear < late.year:
            yield ECLI_BEFORE_CASE.finding(
                f"the ECLI's year {eyear} is before {late.canonical} was lodged ({late.year}): "
                "a judgment cannot predate its case; check the ECLI or the case number",
                citation.start,
                citation.end,
                id=citation.id,
            )
        for case in parts.cases:
            if case.court and case.court != ecli.court:
                yield ECLI_COURT_MISMATCH.finding(
                    f"{case.canonical} is a case of court '{case.court}' but the ECLI "
                    f"{ecli.canonical} names court '{ecli.court}' ('C' Court of Justice, 'T' "
                    "General Court): check which of the two is mistyped",
                    citation.start,
                    citation.end,
                    id=citation.id,
                )
                break


FAMILY = CjeuFamily()
