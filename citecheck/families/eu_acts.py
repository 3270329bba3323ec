"""EU acts cited by type and number: ``Regulation (EU) 2016/679``, ``Directive 95/46/EC``,
``Council Decision (CFSP) 2020/1999``, ``Framework Decision 2002/584/JHA``.

One compiled pattern finds the act type and a permissive numbering; the numbering is then read
in Python (which number is the year, where the domain stands), mapped to its CELEX number, and
compared with the canonical form of its era, so wrong-but-common forms (``Council Decision
CFSP 2020/1999``, ``Regulation (EU) No 2016/679``, ``Directive 2016/680/EU``) still resolve
and are reported with a safe fix. Lists (``Regulations (EC) No 1060/2009, (EU) No 648/2012 and
(EU) 2016/1011``) give one citation per act, each with its own span.

The scan is shared with the OJ family (which links an OJ reference to the act it follows) via
:func:`scan_acts`, computed once per document.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import unicodedata
from collections.abc import Iterable, Iterator

import attrs
import regex

from citecheck import eu_words, language
from citecheck.families.base import (
    HSPACE,
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    matches_near,
    quoted,
    settle,
)
from citecheck.lexicon import LANGUAGES, alternation, month_number
from citecheck.lexicon import load as load_lexicon
from citecheck.model import Citation, Finding, Fix, Kind, Pinpoint, Severity
from citecheck.patterns import lazy_compile, unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import languages
from citecheck.pinpoints.articles import read_after, read_before
from citecheck.rules import Rule

_H = HSPACE
_S = r"\s{1,3}"  # a space that PDF extraction may have turned into a line break
#: also a line break with the next line's indentation (plain text of laws: "des Rates\n    vom")
_SW = r"(?:[ \t]{0,3}\r?\n[ \t]{0,12}+|\s{1,3})"

#: CELEX descriptor (sector 3) per act type.
DESCRIPTORS: dict[str, str] = {
    "regulation": "R",
    "directive": "L",
    "decision": "D",
    "framework decision": "F",
    "common position": "E",
    "joint action": "E",
    "recommendation": "H",
}

#: Act types whose descriptor follows the pillar: a joint action of Title VI (JHA, police and
#: judicial cooperation) is filed under F like a framework decision (Joint Action 98/699/JHA is
#: 31998F0699), one of the CFSP under E.
DESCRIPTORS_BY_DOMAIN: dict[tuple[str, str], str] = {("joint action", "JHA"): "F"}

#: Domain an act of sector 3 carries by year of adoption, latest first: (EU) from the Treaty
#: of Lisbon (acts of 2010 on), (EC) after Maastricht (1994-2009), (EEC) before.
DOMAIN_FROM_YEAR: tuple[tuple[int, str], ...] = ((2010, "EU"), (1994, "EC"), (0, "EEC"))
_CELEX_ACT = lazy_compile(r"3(\d{4})([A-Z])(\d{4})")


def citation_for_celex(celex: str) -> str | None:
    """`32016R0679` -> `Regulation (EU) 2016/679`, `31995L0046` -> `Directive 95/46/EC`.

    For naming an act a source points to (a repealing act) in the form a text would cite it;
    None for CELEX numbers that are not regulations, directives or decisions.
    """
    m = _CELEX_ACT.fullmatch(celex)
    names = {code: kind for kind, code in DESCRIPTORS.items() if kind in _NAMED_TYPES}
    if m is None or m.group(2) not in names:
        return None
    year, kind, number = int(m.group(1)), names[m.group(2)], int(m.group(3))
    domain = next(d for since, d in DOMAIN_FROM_YEAR if year >= since)
    numbering = canonical_numbering(kind, (domain,), year, number, legislative_no=False)
    return f"{kind.capitalize()} {numbering}"


_NAMED_TYPES = ("regulation", "directive", "decision")


#: The act words of the other languages (``data/eu_words.json``).
_WORDS = eu_words.load()
_LANG_DOMAINS = sorted({d for w in _WORDS.values() for d in w.domains}, key=lambda d: (-len(d), d))
_DOM1 = "(?:EU|EC|EEC|Euratom|EAEC|ECSC|CFSP|JHA|" + "|".join(_LANG_DOMAINS) + ")"
_DOM = rf"(?i:{_DOM1}(?:{_H}?,{_H}?{_DOM1}){{0,2}})"
_BARE_DOM = "(?:CFSP|EU|EC|EEC|JHA|Euratom|" + "|".join(_LANG_DOMAINS) + ")"
_NO_WORDS = alternation(w for words in _WORDS.values() for w in words.no_words)
_NUMBERING = rf"""
    (?P<dom1>\({_H}?{_DOM}{_H}?\){_SW}|(?P<baredom>{_BARE_DOM}){_S})?
    (?P<no>(?:(?i:No|Nr|n°)\.?|{_NO_WORDS})(?:{_H}{{0,2}}|[ \t]{{0,3}}\r?\n[ \t]{{0,12}}+))?
    (?P<lbr>\\?\[)?
    (?P<a>\d{{1,5}})/(?P<b>\d{{1,5}})(?!\d)
    (?:/(?P<dom2>{_DOM})(?![\w]))?
    (?(lbr)\\?\])
    (?![/\d]|\.\d)
"""
_AUTHOR = (
    r"(?i:(?:European"
    + _S
    + r")?Parliament"
    + _S
    + r"and"
    + _S
    + r"(?:of"
    + _S
    + r"the"
    + _S
    + r")?Council|(?<!(?:Social|Rights|Security|Governing|Executive|Trusteeship)"
    + _S
    + r")Council|Commission|European"
    + _S
    + r"Central"
    + _S
    + r"Bank|ECB)"
)
_ORDINAL_WORDS = (
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
    "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
)  # fmt: skip
_ORDINALS = "(?:" + "|".join(_ORDINAL_WORDS) + ")"
_ENGLISH_TYPES = (
    r"(?:Regulation|Directive|Decision|Common" + _S + r"Position|Joint" + _S + r"Action"
    r"|Recommendation)s?"
)
_TYPE = (
    "(?:"
    + _ENGLISH_TYPES
    + "|"
    + alternation(t for w in _WORDS.values() for t in w.act_types)
    + ")"
)
_ENGLISH_TYPE = lazy_compile(rf"(?i:{_ENGLISH_TYPES})")
#: Older German texts name the institution between the type and the number ("Richtlinie des
#: Rates 70/156/EWG", "Entscheidung der Kommission 2002/79/EG").
_INSTITUTION_BETWEEN = (
    rf"(?:{_SW}(?P<mauthor>"
    + alternation(i for w in _WORDS.values() if w.language == "de" for i in w.institutions)
    + "))?"
)
#: The words that end a compound name of an act (``Datenschutz-Grundverordnung``), and how
#: long what stands before them may be.
_COMPOUND_REACH = 40
_COMPOUND_HEADS = tuple(sorted({h for w in _WORDS.values() for h in w.compound_act_heads}))
#: A compound name of an act before its last word, the act word (``Datenschutz-Grund`` of
#: ``Datenschutz-Grundverordnung (EU) 2016/679``): German names what its last word names, and
#: only a domain after it, bracketed ("(EU)", "(EG)") or closing the number ("95/46/EG"),
#: makes it an EU act's name. An act word of its own ("Rahmenbeschluss",
#: "Durchführungsverordnung") is read as that word, not as a compound of a shorter one.
#: The act words a compound may end on: the heads and the longer act words ending in one
#: ("EU-Rahmenbeschluss" ends on "Rahmenbeschluss", a framework decision, not on "beschluss").
_COMPOUND_ENDS = (
    *_COMPOUND_HEADS,
    *(
        t
        for w in _WORDS.values()
        for t in w.act_types
        if " " not in t and t.endswith(_COMPOUND_HEADS)
    ),
)
#: The first parts of national acts' compound names ("Landesverordnung (EU) 12/2019" is none).
_NATIONAL_COMPOUND = (
    "(?i:" + "|".join(
        regex.escape(s) for w in _WORDS.values() for s in sorted(w.national_compound_starts)
    ) + ")"
)
_COMPOUND = (
    rf"(?!(?i:{_TYPE})(?!\w)|{_NATIONAL_COMPOUND})"
    rf"(?P<compound>\p{{Lu}}[\p{{L}}-]{{0,{_COMPOUND_REACH}}}?)"
    rf"(?={alternation(_COMPOUND_ENDS)}{_SW}"
    rf"(?:\({_H}?{_DOM}{_H}?\)|\d{{2,4}}/\d{{1,5}}/{_DOM}(?![\w])))"
) if _COMPOUND_HEADS else r"(?!)"
_ACT_BEFORE_COMPOUND = rf"""
    (?<![\w/])
    (?:(?P<author>{_AUTHOR}){_S})?
    (?:(?P<ordinal>{_ORDINALS}){_S})?
    (?:(?P<author2>(?i:Council|Commission)){_S})?
    (?:(?P<mod>(?i:Delegated|Implementing|Framework)){_S})?
    """
_ACT_FROM_TYPE = rf"""
    (?P<type>(?i:{_TYPE})){_INSTITUTION_BETWEEN}
    {_SW}
    {_NUMBERING}
    """
_ACT = compile_pattern(_ACT_BEFORE_COMPOUND + rf"(?:{_COMPOUND})?" + _ACT_FROM_TYPE)
#: ``_ACT`` less its compound names, for a text where none can stand (no act word right after
#: a letter or "-"): the same matches there, as English texts pay nothing for German compounds
#: (the compound's group stays, never set).
_ACT_WITHOUT_COMPOUND = compile_pattern(
    _ACT_BEFORE_COMPOUND + r"(?P<compound>(?!))?" + _ACT_FROM_TYPE
)
_AND = alternation(("and", *(load_lexicon(lang).list_words[0] for lang in _WORDS)))
_AND_OR = alternation(w for lang in LANGUAGES for w in load_lexicon(lang).list_words if w != "&")
# A further act of a list: ", (EU) No 648/2012", " and 2011/61/EU"; after the footnote call of
# the act before it ("64/433/CEE (7), 71/118/CEE (8)"). Text laid out in columns (statutes
# converted from their printed layout) may stretch the blank before the list word: "78/660/EWG
# <twenty blanks> und 83/349/EWG".
_LIST_ITEM = compile_pattern(
    rf"""
    (?P<sep>(?:{_H}?\(\d{{1,2}}\))?(?:{_H}{{0,2}},{_S}(?:{_AND}{_S})?
      |(?:{_S}|{_H}{{4,40}}+){_AND_OR}{_S}))
    (?=\(|\d|(?i:No)\b|{_NO_WORDS})
    {_NUMBERING}
    """
)
_INSTITUTIONS = {i.lower(): a for w in _WORDS.values() for i, a in w.institutions.items()}
#: "des Rates", "des\n    Rates": the institutions after an act, their words apart as text wraps
_INSTITUTION_WORDS = "|".join(
    _SW.join(regex.escape(piece) for piece in name.split())
    for name in sorted(_INSTITUTIONS, key=lambda n: (-len(n), n))
)
_POST_AUTHOR_PATTERN = (
    rf"""(?:{_S}of{_S}the{_S}(?P<pauthor>(?:European{_S}Parliament{_S}and{_S}of{_S}the{_S}Council
        |Council|Commission|European{_S}Central{_S}Bank))(?!\w)
        |{_SW}(?P<lauthor>(?i:{_INSTITUTION_WORDS})(?!\w)))"""
)
_POST_AUTHOR = compile_pattern(_POST_AUTHOR_PATTERN)
_MONTH_NUMBER = {
    name: number for lang in LANGUAGES for name, number in load_lexicon(lang).month_number.items()
}
_DATE_OPENING = alternation(("of", *(o for w in _WORDS.values() for o in w.date_opening)))
#: "vom", "du", "de": the statutes of those languages wrap a date onto an indented line
_WRAPPED_DATE_OPENING = alternation(o for w in _WORDS.values() for o in w.date_opening)
_DATE_PATTERN = (
    rf"""{_H}?,?(?:{_S}{_DATE_OPENING}|{_SW}{_WRAPPED_DATE_OPENING}){_SW}(?P<day>\d{{1,2}})(?:er|\\?\.)?{_SW}(?:de{_S})?
    (?P<month>{alternation(_MONTH_NUMBER)}){_SW}(?:de{_S})?(?P<year>(?:19|20)\d\d)(?!\d)"""
)
_DATE = compile_pattern(_DATE_PATTERN)
# UN bodies whose decisions look like EU ones ("Economic and Social Council decision 2005/256").
_UN_BODY_BEFORE = compile_pattern(
    r"(?i:economic\s+and\s+social\s+council|human\s+rights\s+council|security\s+council"
    r"|general\s+assembly|commission\s+on\s+human\s+rights|governing\s+council)\s+"
    r"(?i:council\s+)?\Z"
)


@attrs.frozen(slots=True)
class EUActParts:
    """The typed parse of an EU act citation.

    ``form`` names the numbering style as written: ``new`` (``(EU) 2016/679``), ``old-reg``
    (``(EC) No 1186/2009``), ``old-suffix`` (``95/46/EC``), ``old-no-suffix``
    (``No 284/2010/EU``), ``bare`` (``2016/679``, no domain).
    """

    author: str | None
    modifier: str | None
    act_type: str
    domains: tuple[str, ...]
    year: int
    number: int
    date: datetime.date | None
    celex: str
    form: str
    ordinal: str | None = None
    #: the language the citation is written in (``en``, ``fr``, ``es``, ``de``)
    language: str = "en"


DOMAIN_MISSING = Rule(
    "EU101",
    "eu-act-domain-missing",
    Severity.WARNING,
    "An EU act is cited without its domain marker ((EU), (EC), /EEC, (CFSP), ...).",
    "The domain is part of the act's number (Interinstitutional Style Guide 1.2.2). Without "
    "it a reader cannot tell e.g. a CFSP decision from an EU one. The CELEX number was derived "
    "from the type, year and number alone. Not reported for an act the document already cited "
    "with its domain (the Court's style: full title once, then 'Directive 2008/94').",
    bad="Regulation 2016/679",
    good="Regulation (EU) 2016/679",
)
DOMAIN_UNBRACKETED = Rule(
    "EU102",
    "eu-act-domain-not-bracketed",
    Severity.WARNING,
    "Since 2015 the domain of an act stands in brackets before the number.",
    "Acts numbered from 1 January 2015 are written '(domain) YYYY/N' (Style Guide 1.2.2).",
    bad="Council Decision CFSP 2020/1999",
    good="Council Decision (CFSP) 2020/1999",
    fixable=True,
)
NO_WITH_NEW_NUMBERING = Rule(
    "EU103",
    "eu-act-no-with-year-first",
    Severity.WARNING,
    "'No' is written only when the number comes before the year (acts before 2015).",
    "From 2015 the year comes first and 'No' is dropped: 'Regulation (EU) 2016/679'.",
    bad="Regulation (EU) No 2016/679",
    good="Regulation (EU) 2016/679",
    fixable=True,
)
TWO_DIGIT_YEAR = Rule(
    "EU104",
    "eu-act-two-digit-year-after-1999",
    Severity.WARNING,
    "From 1 January 1999 the year in an act number has four digits.",
    "Two-digit years are used only for acts before 1999 (Style Guide 1.2.2).",
    bad="Regulation (EC) No 1049/01",
    good="Regulation (EC) No 1049/2001",
    fixable=True,
)
FOUR_DIGIT_YEAR = Rule(
    "EU105",
    "eu-act-four-digit-year-before-1999",
    Severity.INFO,
    "Before 1999 the year in an act number is written with two digits.",
    "The act's official number has a two-digit year; write it as printed in the OJ.",
    bad="Council Regulation (EC) No 2820/1998",
    good="Council Regulation (EC) No 2820/98",
    fixable=True,
)
OLD_FORM_AFTER_2015 = Rule(
    "EU106",
    "eu-act-old-numbering-after-2015",
    Severity.WARNING,
    "An act numbered from 2015 is written with the old 'year/number/domain' pattern.",
    "Since 1 January 2015 every act is numbered '(domain) YYYY/N'.",
    bad="Directive 2016/680/EU",
    good="Directive (EU) 2016/680",
    fixable=True,
)
DOMAIN_DATE_MISMATCH = Rule(
    "EU107",
    "eu-act-domain-does-not-fit-date",
    Severity.ERROR,
    "The domain marker was not in use in the act's year.",
    "EEC until 31 October 1993, EC and JHA from 1 November 1993 to 30 November 2009, EU from "
    "1 December 2009, ECSC until 23 July 2002. The number is probably wrong. A fix of the "
    "same numbering's form (EU105, EU110...) writes the era's domain ('(EU) 1995/46' -> "
    "'95/46/EC'), and only where exactly one domain fits: none for 1993 or 2009 without a "
    "date, nor before 1958.",
    bad="Regulation (EC) No 1/2010",
    good="Regulation (EU) No 1/2010",
)
REVERSED_NUMBER = Rule(
    "EU108",
    "eu-act-number-and-year-reversed",
    Severity.ERROR,
    "The number and the year of an act from 2015 on are reversed.",
    "Acts numbered from 2015 put the year first: '(EU) 2016/679', not '(EU) 679/2016'.",
    bad="Regulation (EU) 679/2016",
    good="Regulation (EU) 2016/679",
    fixable=True,
)
NO_MISSING = Rule(
    "EU109",
    "eu-act-regulation-no-missing",
    Severity.INFO,
    "A regulation numbered before 2015 is written '(domain) No N/YYYY'.",
    "Before 2015 a regulation's number comes before the year and is preceded by 'No'.",
    bad="Regulation (EU) 1025/2012",
    good="Regulation (EU) No 1025/2012",
    fixable=True,
)
NEW_FORM_BEFORE_2015 = Rule(
    "EU110",
    "eu-act-new-numbering-before-2015",
    Severity.WARNING,
    "A directive or decision numbered before 2015 is written 'year/number/domain'.",
    "Pre-2015 directives and decisions put the domain last, without brackets.",
    bad="Directive (EC) 95/46",
    good="Directive 95/46/EC",
    fixable=True,
)
PINPOINT_STYLE = Rule(
    "EU111",
    "eu-pinpoint-style",
    Severity.INFO,
    "The article pinpoint is not in EU style ('Article 1(1)(d)', 'point (d) of Article 1').",
    "EU style spells out 'Article' in running text and closes up numbered subdivisions: "
    "'Article 3(1)(a)', not 'art. 3, par. 1, a' or 'Article 3 (1) (a)' (Style Guide 2.7, 10.8).",
    bad="art. 1, par. d, iii and iv of Council Decision (CFSP) 2020/1999",
    good="Article 1(d)(iii) and (iv) of Council Decision (CFSP) 2020/1999",
)
DOMAIN_TYPE_MISMATCH = Rule(
    "EU112",
    "eu-act-domain-does-not-fit-type",
    Severity.WARNING,
    "An act of a former pillar is cited with the domain of the Communities or the Union.",
    "Framework decisions were adopted only under Title VI of the EU Treaty (May 1999 to "
    "November 2009) and carry JHA; common positions and joint actions carry CFSP or JHA, "
    "never EC, EEC or EU. Either the type or the domain is wrong, which the number alone "
    "does not tell ('Framework Decision 2000/520/EC' is Commission Decision 2000/520/EC): "
    "no fix is offered, the message names the form the type asks for.",
    bad="Council Framework Decision 2002/584/EC",
    good="Council Framework Decision 2002/584/JHA",
)
RULES: tuple[Rule, ...] = (
    DOMAIN_MISSING,
    DOMAIN_UNBRACKETED,
    NO_WITH_NEW_NUMBERING,
    TWO_DIGIT_YEAR,
    FOUR_DIGIT_YEAR,
    OLD_FORM_AFTER_2015,
    DOMAIN_DATE_MISMATCH,
    REVERSED_NUMBER,
    NO_MISSING,
    NEW_FORM_BEFORE_2015,
    PINPOINT_STYLE,
    DOMAIN_TYPE_MISMATCH,
)

_CANON_DOMAIN: dict[str, str] = {
    **{d.lower(): c for w in _WORDS.values() for d, c in w.domains.items()},
    "eu": "EU",
    "ec": "EC",
    "eec": "EEC",
    "euratom": "Euratom",
    "eaec": "Euratom",
    "ecsc": "ECSC",
    "cfsp": "CFSP",
    "jha": "JHA",
}


def _domains(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    inner = raw.strip().strip("()").strip()
    return tuple(_canon_domain(d) for d in inner.split(",") if d.strip())


@functools.cache
def _canon_domain(written: str) -> str:
    """The canonical domain of a written one, folded as type words are (``(CFſP)``)."""
    folded = {_fold(d): c for d, c in _CANON_DOMAIN.items()}
    return folded.get(_fold(written), written.strip())


def _year4(digits: str) -> int | None:
    """A plausible act year written with four digits."""
    if len(digits) == 4 and 1952 <= int(digits) <= 2099:
        return int(digits)
    return None


def _expand_year(digits: str) -> int:
    """``95`` -> 1995, ``01`` -> 2001 (a two-digit year after 1999 is an error, still read)."""
    if len(digits) == 4:
        return int(digits)
    yy = int(digits)
    return 2000 + yy if yy < 50 else 1900 + yy


def domain_fits(domain: str, year: int, date: datetime.date | None) -> bool:
    """Was this domain marker in use for an act of this year/date?"""
    when = date or datetime.date(year, 6, 30)
    lisbon, maastricht = datetime.date(2009, 12, 1), datetime.date(1993, 11, 1)
    if domain == "EU":
        # An act adopted in 2009 and cited by year only may still be EU (December 2009).
        return when >= lisbon or (date is None and year == 2009)
    if domain in ("EC", "JHA"):
        return maastricht <= when < lisbon or (date is None and year in (1993, 2009))
    if domain == "EEC":
        return when < maastricht or (date is None and year == 1993)
    if domain == "ECSC":
        return when <= datetime.date(2002, 7, 23)
    if domain == "CFSP":
        return when >= maastricht or (date is None and year == 1993)
    return True


def era_domains(
    domains: tuple[str, ...], year: int, date: datetime.date | None
) -> tuple[str, ...] | None:
    """The domains as the act's era wrote them: an EU, EC or EEC not in use then (EU107, by
    :func:`domain_fits`) becomes the one that was (``95/46/EU`` -> ``95/46/EC``), so a fix never
    writes what EU107 calls wrong; None where another domain (ECSC, CFSP, JHA) does not fit, or
    where not exactly one community domain existed and fits (1993 and 2009 cited by year only,
    or a year before the EEC): a fix then would be a guess."""
    era: list[str] = []
    for domain in domains:
        if not domain_fits(domain, year, date):
            if domain not in _COMMUNITY_DOMAINS:
                return None
            fitting = [
                d
                for _, d in DOMAIN_FROM_YEAR
                if domain_fits(d, year, date) and (date or datetime.date(year, 12, 31)) >= _EEC_FROM
            ]
            if len(fitting) != 1:
                return None
            domain = fitting[0]
        if domain not in era:
            era.append(domain)
    return tuple(era)


_COMMUNITY_DOMAINS = frozenset(d for _, d in DOMAIN_FROM_YEAR)
#: The Treaty of Rome came into force on 1 January 1958: no act carries a community domain before.
_EEC_FROM = datetime.date(1958, 1, 1)


@attrs.frozen(slots=True)
class _Numbering:
    """What a numbering match says, before it becomes a citation."""

    start: int  # offset of the numbering (after the type word)
    end: int
    domains: tuple[str, ...]
    bracketed: bool
    suffix_domain: bool
    has_no: bool
    year: int
    number: int
    year_text: str
    reversed: bool  # number/year where year/number is due (2015+)
    year_first: bool = False  # "No" written before a year-first number ("No 2016/679")
    order_unsure: bool = False  # both numbers read as years and nothing tells them apart
    inherited: bool = False  # a list item without its own domain: the head's domains


#: The latest year an act number can carry (a later "year" is the act's number).
_LATEST_YEAR = datetime.date.today().year + 1


def _as_year(digits: str) -> int | None:
    """The act year these digits can be: four digits in range, or two digits."""
    if len(digits) == 2:
        return _expand_year(digits)
    year = _year4(digits)
    return year if year is not None and year <= _LATEST_YEAR else None


def _order_with_no(
    a: str, b: str, act_type: str, domains: tuple[str, ...], bracketed: bool
) -> tuple[bool, bool]:
    """``(year_first, unsure)`` for ``No a/b``: 'No' says number first, but texts also write it
    before a year-first number (``(EU) No 2019/2088``, ``Directive No. 2000/31/EC``)."""
    yb = _as_year(b)
    ya = _year4(a) if len(a) == 4 and int(a) <= _LATEST_YEAR else None
    if ya is None or yb is None:
        return ya is not None, False
    # Both readable: the one whose domain fits, then no late two-digit year, then the
    # canonical pre-2015 regulation "(EU) No N/YYYY", then a bracketed domain from 2015 on.
    fit_a = all(domain_fits(d, ya, None) for d in domains)
    fit_b = all(domain_fits(d, yb, None) for d in domains)
    if fit_a != fit_b:
        return fit_a, False
    if len(b) == 2 and yb >= 1999:
        return True, False
    if act_type == "regulation" and bracketed and yb < 2015:
        return False, False
    if bracketed and ya >= 2015:
        return True, False
    return False, True


def _read_numbering(m: regex.Match[str], act_type: str) -> _Numbering | None:
    """What a numbering match says (None: no act number): read once per distinct numbering
    (:func:`_read_numbering_groups`; a text repeats the acts it cites), placed at the match."""
    read = _read_numbering_groups(*m.group("a", "b", "dom1", "dom2", "baredom", "no"), act_type)
    if read is None:
        return None
    return _Numbering(min(x for x in m.start("dom1", "no", "lbr", "a") if x >= 0), m.end(), *read)


#: What a numbering says apart from where it stands: the fields of :class:`_Numbering`
#: from ``domains`` to ``order_unsure``.
_NumberingFields = tuple[tuple[str, ...], bool, bool, bool, int, int, str, bool, bool, bool]


@functools.lru_cache(maxsize=4096)
def _read_numbering_groups(
    a: str,
    b: str,
    dom_pre: str | None,
    dom_suf: str | None,
    bare: str | None,
    no: str | None,
    act_type: str,
) -> _NumberingFields | None:
    """The numbering written with these groups, read (a pure function of them)."""
    if unreadable_number(a, b):
        return None
    domains = _domains(bare or dom_pre) + _domains(dom_suf)
    bracketed = bool(dom_pre) and not bare
    has_no = bool(no)
    reversed_ = year_first = unsure = False
    if has_no:
        year_first, unsure = _order_with_no(a, b, act_type, domains, bracketed)
        if year_first:
            number, year_text = int(b), a
        elif _as_year(b) is not None:
            number, year_text = int(a), b
        else:
            return None
    elif dom_suf:
        if len(a) not in (2, 4):
            return None
        number, year_text = int(b), a
    elif _year4(a):
        number, year_text = int(b), a
    elif _year4(b) or (len(b) == 2 and act_type == "regulation"):
        number, year_text = int(a), b
        reversed_ = _expand_year(b) >= 2015
    elif len(a) == 2 and (domains or act_type != "regulation"):
        number, year_text = int(b), a
    else:
        return None
    if number == 0 or number > 99999:
        return None
    year = _expand_year(year_text)
    if year > 2099 or year < 1952:
        return None
    return (
        domains,
        bracketed,
        bool(dom_suf),
        has_no,
        year,
        number,
        year_text,
        reversed_,
        year_first,
        unsure,
    )


def _fold(word: str) -> str:
    """``word`` in the form the act-type table is looked up in: a case-insensitive match may
    have read it with letters that lower-case to something else ("Regulatİon",
    "Durchführungſverordnung", the Kelvin sign, full-width letters)."""
    return " ".join(unicodedata.normalize("NFKC", word).replace("\u0130", "i").casefold().split())


@functools.cache
def _folded_act_types() -> dict[str, str]:
    """Every language's written act types, folded (the first language's reading wins)."""
    folded: dict[str, str] = {}
    for words in _WORDS.values():
        for written, act_type in words.act_types.items():
            folded.setdefault(_fold(written), act_type)
    return folded


def _act_type(raw: str, modifier: str | None) -> str | None:
    """The canonical type of a written type word; None for a word that names no known type
    (an odd spelling the match let through is no act)."""
    written = _fold(raw)
    known = _folded_act_types().get(written)
    if known is not None:
        return known
    t = written.removesuffix("s")
    if modifier and _fold(modifier) == "framework" and t == "decision":
        return "framework decision"
    return t if t in DESCRIPTORS else None


def canonical_numbering(
    act_type: str,
    domains: tuple[str, ...],
    year: int,
    number: int,
    legislative_no: bool,
    language: str = "en",
) -> str:
    """The numbering as the Style Guide writes it for this act (domains must be known), in
    ``language``: ``(EC) No 1049/2001``, ``(CE) n° 1049/2001``, ``(EG) Nr. 1049/2001``."""
    words = _WORDS.get(language)
    no = words.no_canonical if words else "No"
    dom = ", ".join(words.canonical_domains.get(d, d) if words else d for d in domains)
    if year >= 2015:
        return f"({dom}) {year}/{number}"
    yy = f"{year % 100:02d}" if year < 1999 else str(year)
    if act_type == "regulation":
        return f"({dom}) {no} {number}/{yy}"
    if legislative_no:
        return f"{no} {number}/{yy}/{dom}"
    return f"{yy}/{number}/{dom}"


def _same(a: str, b: str) -> bool:
    return " ".join(a.replace("\u00a0", " ").split()) == b


def _form(n: _Numbering) -> str:
    if not n.domains or n.inherited:
        return "bare"
    legislative_no = n.has_no and not n.year_first
    if n.suffix_domain:
        return "old-no-suffix" if legislative_no else "old-suffix"
    if legislative_no:
        return "old-reg"
    return "new"


def _notes(
    text: str,
    n: _Numbering,
    act_type: str,
    act_id: str,
    date: datetime.date | None,
    *,
    cited_in_full: bool = False,
    language: str = "en",
) -> list[Finding]:
    """Surface findings for a numbering, each with a fix of the numbering span if safe.

    No EU101 for an act already cited with its domain (the Court's style: full title once,
    then ``Directive 2008/94``), and nothing for a list item that takes the head's domain."""
    notes: list[Finding] = []
    written = text[n.start : n.end]
    s, e = n.start, n.end
    if n.inherited:
        return notes
    if not n.domains:
        if cited_in_full or _titled_without_domain(act_type, n.year):
            return notes
        example = _domain_example(n, act_type, date)
        notes.append(
            DOMAIN_MISSING.finding(
                f"{quoted(written)} does not say which domain (EU, EC, Euratom, CFSP...) the "
                "act belongs to: add it as the act's title does"
                + (f", e.g. {example}" if example else ""),
                s,
                e,
                id=act_id,
            )
        )
    elif (pillar := _pillar_mismatch(text, n, act_type, date, language, act_id)) is not None:
        notes.append(pillar)
        return notes
    else:
        for dom in n.domains:
            if not domain_fits(dom, n.year, date):
                notes.append(
                    DOMAIN_DATE_MISMATCH.finding(
                        f"the domain {dom} was not in use for an act of {date or n.year}: "
                        "check the year and the domain against the act's title",
                        s,
                        e,
                        id=act_id,
                    )
                )
                break
    if not n.domains:
        return notes
    legislative_no = n.has_no and not n.year_first
    domains = era_domains(n.domains, n.year, date)
    canon = canonical_numbering(
        act_type, domains or n.domains, n.year, n.number, legislative_no, language
    )
    if _same(written, canon):
        return notes
    # The domain of some acts from 2015 (e.g. the rare "(EU, Euratom)") comes from the text.
    fix: Fix | None = None
    if not n.order_unsure and domains is not None:
        fix = Fix(s, e, canon, f"write {quoted(canon)}")
    if n.year_first:
        rule = NO_WITH_NEW_NUMBERING
    elif n.year >= 2015:
        if n.reversed:
            rule = REVERSED_NUMBER
        elif n.suffix_domain:
            rule = OLD_FORM_AFTER_2015
        elif n.has_no:
            rule = NO_WITH_NEW_NUMBERING
        elif not n.bracketed:
            rule = DOMAIN_UNBRACKETED
        else:
            return notes
    elif len(n.year_text) == 2 and n.year >= 1999:
        rule = TWO_DIGIT_YEAR
    elif len(n.year_text) == 4 and n.year < 1999:
        rule = FOUR_DIGIT_YEAR
    elif act_type == "regulation" and not n.has_no and not n.suffix_domain:
        rule = NO_MISSING if _year4(n.year_text) or len(n.year_text) == 2 else NEW_FORM_BEFORE_2015
        if rule is NO_MISSING and n.reversed:
            rule = REVERSED_NUMBER
    elif act_type != "regulation" and not n.suffix_domain:
        rule = NEW_FORM_BEFORE_2015
    else:
        return notes
    # no era domain to write (1993, 2009 by year only, CFSP in 1991): the form without one
    message = f"{quoted(written)}: {rule.summary}" + (
        f" Write {quoted(canon)}." if domains is not None else ""
    )
    notes.append(rule.finding(message, s, e, id=act_id, fix=fix))
    return notes


def _celex(act_type: str, year: int, number: int, domains: tuple[str, ...] = ()) -> str:
    descriptor = DESCRIPTORS[act_type]
    for domain in domains:
        descriptor = DESCRIPTORS_BY_DOMAIN.get((act_type, domain), descriptor)
    return f"3{year}{descriptor}{number:04d}"


def _date(m: regex.Match[str] | None) -> datetime.date | None:
    if m is None:
        return None
    month = month_number(m.group("month"))
    if month is None:
        return None
    try:
        return datetime.date(int(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None


def _stems(words: Iterable[str]) -> tuple[str, ...]:
    """The words holding no other of them ("règlements" and "durchführungsverordnung" are
    found by "règlement" and "verordnung")."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(o != w and o in w for o in unique)))


#: "ſ", which ``(?i:s)`` matches and lower-casing keeps: a text holding it may hold act words
#: that the lower-cased anchors miss.
_LONG_S = "\u017f"


class EUActsFamily:
    """Regulations, directives, decisions, framework decisions, common positions, joint actions."""

    name = "eu_acts"
    triggers: tuple[str, ...] = (
        *_stems(
            (
                "regulation",
                "directive",
                "decision",
                "position",
                "action",
                "recommendation",
                *(t.split()[0] for w in _WORDS.values() for t in w.act_types),
            )
        ),
        # "Beſchluss": lower-casing keeps the long s, so no type word is found in it
        _LONG_S,
    )
    priority = 30
    @property
    def reach_after(self) -> int:
        """How far past an act this family reads: see ``REACH_AFTER``."""
        return REACH_AFTER
    rules: tuple[Rule, ...] = RULES

    @property
    def anchors(self) -> tuple[str, ...]:
        return (*_TYPE_WORDS, "/", _LONG_S)

    def find(self, doc: Document) -> Iterator[Citation]:
        return iter(scan_acts(doc))

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())

    def give_way(self, doc: Document, act: Citation, floor: int) -> Citation:
        """``act`` with its pinpoint read before it again, from ``floor`` on: another family's
        citation ends there, and a pinpoint never reaches back over it (none if what is left
        is no pinpoint)."""
        own = act.start + act.lead
        text = doc.text
        lang = act.parts.language if isinstance(act.parts, EUActParts) else "en"
        notes = [f for f in act.notes if f.start >= own]
        pinpoint, start = Pinpoint(), own
        if lang != "en":
            found = languages.read_before(lang, text, own, floor)
            if found is not None:
                pinpoint, start = found.pinpoint, found.start
        else:
            before = read_before(text, own, floor)
            if before is not None:
                pinpoint, start = before.pinpoint, before.start
                notes[:0] = _pinpoint_notes(
                    before.styles, before.pinpoint, before.start, before.end, act.id
                )
        return attrs.evolve(
            act,
            start=start,
            text=text[start : act.end],
            pinpoint=pinpoint,
            notes=tuple(notes),
            lead=own - start,
        )


def _citation(
    doc: Document,
    n: _Numbering,
    *,
    start: int,
    end: int,
    act_type: str,
    author: str | None,
    modifier: str | None,
    ordinal: str | None,
    ambiguous: bool,
    with_pinpoints: bool,
    type_word: str,
    cited_in_full: bool = False,
    head_start: int | None = None,
) -> Citation:
    """One act citation; a list item gives `head_start`, where its list's type word stands."""
    text = doc.text
    date_m = _DATE.match(text, end)
    post = _POST_AUTHOR.match(text, end) if date_m is None else None
    if post is not None:
        if post.group("pauthor"):
            author = author or " ".join(post.group("pauthor").split())
        else:
            author = author or _institution(post.group("lauthor"))
        date_m = _DATE.match(text, post.end())
        end = post.end()
    date = _date(date_m)
    if date_m is not None:
        end = date_m.end()
    celex = _celex(act_type, n.year, n.number, n.domains)
    act_id = f"celex:{celex}"
    lang = _language(doc, type_word, n, start, start if head_start is None else head_start)
    notes = _notes(text, n, act_type, act_id, date, cited_in_full=cited_in_full, language=lang)
    pinpoint = Pinpoint()
    own = start  # where the act's own words start, before a pinpoint read before them
    if with_pinpoints and lang != "en":
        found = languages.read_before(lang, text, start)
        if found is not None:
            pinpoint, start = found.pinpoint, found.start
        elif _AMENDED_BY.search(text, max(0, start - _AMENDED_REACH), start) is None:
            # After an amending act, "et notamment son article 7" is the amended act's.
            found = (
                languages.read_after(lang, text, end)
                or languages.read_after_comma(lang, text, end, eu_words.short_names_of(lang, celex))
                or languages.read_in_own(lang, text, start, end)
            )
            if found is not None:
                pinpoint, end = found.pinpoint, found.end
    elif with_pinpoints:
        before = read_before(text, start)
        if before is not None:
            pinpoint, start = before.pinpoint, before.start
            notes += _pinpoint_notes(
                before.styles, before.pinpoint, before.start, before.end, act_id
            )
        after = read_after(text, end) if before is None else None
        if after is not None:
            pinpoint, end = pinpoint + after.pinpoint, after.end
            notes += _pinpoint_notes(after.styles, after.pinpoint, after.start, after.end, act_id)
    parts = EUActParts(
        author=" ".join(author.split()) if author else None,
        modifier=modifier.capitalize() if modifier else None,
        act_type=act_type,
        domains=n.domains,
        year=n.year,
        number=n.number,
        date=date,
        celex=celex,
        form=_form(n),
        ordinal=ordinal,
        language=lang,
    )
    return Citation(
        id=act_id,
        kind=Kind.EU_ACT,
        text=text[start:end],
        start=start,
        end=end,
        pinpoint=pinpoint,
        parts=parts,
        ambiguous=ambiguous,
        family=EUActsFamily.name,
        notes=tuple(notes),
        lead=own - start,
    )


_ENGLISH_DOMAINS = frozenset(("EU", "EC", "EEC", "Euratom", "EAEC", "ECSC", "CFSP", "JHA"))
_DOMAIN_TOKEN = lazy_compile(r"[^\W\d_]+")
#: How much text around a citation tells its language when its words do not.
_LANGUAGE_REACH = 160


def _language(doc: Document, type_word: str, n: _Numbering, start: int, said: int) -> str:
    """The language an act citation is written in: its type word (``Verordnung``), else the
    words leading up to it in its sentence (less the brackets closed before it), or in the
    bracketed or dash-set phrase it stands in (``Le Conseil rappelle la directive
    2016/680/EU`` is French, and fixed in French, even in a paragraph that goes on in
    English; the words after it may quote a title in another language), else the text
    around it, else its domain (``/CE``).  ``said`` is where the act's type word stands (a
    list item's phrase is its list's: "Directives 72/166 et 84/5")."""
    candidates = _type_languages(type_word)
    if len(candidates) <= 1:
        return candidates[0] if candidates else "en"
    writers: set[str] = set()
    for token in _DOMAIN_TOKEN.findall(doc.text, n.start, n.end):
        writers.update(eu_words.languages_of_domain(token))
        if token in _ENGLISH_DOMAINS:
            writers.add("en")
    lo, hi = max(0, start - _LANGUAGE_REACH), n.end + _LANGUAGE_REACH
    sentence = dict.fromkeys(candidates, 0.0)
    for phrase_from, phrase_to in language.phrase_spans(doc.text, said, lo):
        for lang, count in language.scores(doc.text, phrase_from, phrase_to).items():
            sentence[lang] = sentence.get(lang, 0.0) + count
    ranked = sorted(candidates, key=lambda lang: sentence[lang], reverse=True)
    if sentence[ranked[0]] > sentence[ranked[1]]:  # the sentence tells one of them
        return ranked[0]
    counts = language.scores(doc.text, lo, hi)
    return max(candidates, key=lambda lang: (counts[lang], lang in writers))


@functools.lru_cache(maxsize=1024)
def _type_languages(type_word: str) -> tuple[str, ...]:
    """The languages an act's type word is written in, English last (once per spelling)."""
    candidates = eu_words.languages_of_type(type_word)
    return (*candidates, "en") if _ENGLISH_TYPE.fullmatch(type_word) else candidates


#: What each non-EU pinpoint style looks like, in a reader's words.
_STYLE_WORDS = {
    "abbreviated": "'art.'/'par.' abbreviated",
    "spaced": "spaces before the brackets",
    "treaty-paragraph": "'Article 1, paragraph 2' (treaty style)",
    "section-sign": "'§'",
}


def _pinpoint_notes(
    styles: tuple[str, ...], pinpoint: Pinpoint, start: int, end: int, act_id: str
) -> list[Finding]:
    if not styles:
        return []
    eu_style = " and ".join(
        f"Article {part.value}" if part.unit == "art" else str(part) for part in pinpoint.parts
    )
    written = ", ".join(_STYLE_WORDS.get(style, style) for style in styles)
    return [
        PINPOINT_STYLE.finding(
            f"the pinpoint is not written in EU style ({written}): write '{eu_style}'",
            start,
            end,
            id=act_id,
        )
    ]


#: Regulations numbered before 1968 had no bracketed domain: "Regulation No 1009/67/EEC";
#: the bracketed "(EEC) No 1470/68" came with 1968.
_FIRST_BRACKETED_REGULATION_YEAR = 1968
#: Regulations of 1958 to 1962 were numbered without year or domain ("Regulation No 17",
#: 1962; "Regulation No 3", 1958); the year and the domain after it ("No 99/63/EEC") came
#: with 1963.
_FIRST_SUFFIXED_REGULATION_YEAR = 1963
#: The domain of the regulations numbered "No 45/64/EEC" (1963-1967), for EU101's example.
_SUFFIXED_REGULATION_DOMAIN = "EEC"
#: The first year of the EEC's acts (the Treaty of Rome took effect on 1 January 1958).
_FIRST_EEC_YEAR = 1958
#: The domains that followed one another for acts of every kind, oldest first.
_ERA_DOMAINS = ("EEC", "EC", "EU")
#: Act types of the former pillars, adopted only under their own domains: framework
#: decisions under Title VI (JHA), common positions and joint actions under the CFSP or
#: Title VI ("Framework Decision 2002/584/JHA", "Common Position 2008/944/CFSP").
_PILLAR_DOMAINS: dict[str, tuple[str, ...]] = {
    "framework decision": ("JHA",),
    "common position": ("CFSP", "JHA"),
    "joint action": ("CFSP", "JHA"),
}

#: When each former pillar's act types were adopted: framework decisions from the Treaty of
#: Amsterdam (1 May 1999), common positions and joint actions from Maastricht (1 November
#: 1993), all until Lisbon (1 December 2009). Outside these, the type word is wrong.
_PILLAR_ERAS: dict[str, tuple[datetime.date, datetime.date]] = {
    "framework decision": (datetime.date(1999, 5, 1), datetime.date(2009, 12, 1)),
    "common position": (datetime.date(1993, 11, 1), datetime.date(2009, 12, 1)),
    "joint action": (datetime.date(1993, 11, 1), datetime.date(2009, 12, 1)),
}


def _in_pillar_era(act_type: str, year: int, date: datetime.date | None) -> bool:
    """Could an act of this former-pillar type have been adopted on this date (in this year,
    where only the year is known)?"""
    first, last = _PILLAR_ERAS[act_type]
    if date is not None:
        return first <= date < last
    return first.year <= year <= last.year


def _pillar_mismatch(
    text: str,
    n: _Numbering,
    act_type: str,
    date: datetime.date | None,
    language: str,
    act_id: str,
) -> Finding | None:
    """EU112 for an act of a former pillar written with an era's domain ("Framework Decision
    2002/584/EC"). Either the type word or the domain is wrong, and nothing offline tells
    which ("Framework Decision 2000/520/EC" is Commission Decision 2000/520/EC), so there is
    no fix: the message names the form the type asks for, where the type fits the year."""
    own = _PILLAR_DOMAINS.get(act_type)
    if own is None or not all(d in _ERA_DOMAINS for d in n.domains):
        return None
    written = text[n.start : n.end]
    domains = " or ".join(own)
    written_domains = ", ".join(n.domains)
    head = f"{quoted(written)}: a {act_type} carries the domain {domains}, not {written_domains}"
    if not _in_pillar_era(act_type, n.year, date):
        first, last = _PILLAR_ERAS[act_type]
        message = (
            f"{head}, and {act_type}s were adopted only from {first:%B %Y} to "
            f"{last - datetime.timedelta(days=1):%B %Y}, not in {date or n.year}: "
            "the type is likely wrong; check it against the act's title"
        )
    elif len(own) == 1 and not n.order_unsure:
        legislative_no = n.has_no and not n.year_first
        canon = canonical_numbering(act_type, own, n.year, n.number, legislative_no, language)
        message = (
            f"{head}: if the type is right, the act is {quoted(canon)}; if the number is "
            "right, the type is not; check both against the act's title"
        )
    else:
        message = f"{head}: check the type and the number against the act's title"
    return DOMAIN_TYPE_MISMATCH.finding(message, n.start, n.end, id=act_id)


def _titled_without_domain(act_type: str, year: int) -> bool:
    """Is this a regulation of 1958-1962, whose title has no domain ("Regulation No 17")?
    Citing it without one is right: no EU101."""
    return act_type == "regulation" and _FIRST_EEC_YEAR <= year < _FIRST_SUFFIXED_REGULATION_YEAR


def _domain_example(n: _Numbering, act_type: str, date: datetime.date | None) -> str | None:
    """How this act's number reads with the domain in use in its year (or on its date): EEC
    before November 1993, EC until November 2009, EU after, both where the year alone
    allows both; a former pillar's act with its own (JHA, CFSP); a regulation of 1963-1967
    with the domain after the number ("No 1009/67/EEC"). None where no such form fits (an
    act from before the EEC)."""
    if n.year < _FIRST_EEC_YEAR:
        return None
    if act_type == "regulation" and n.year < _FIRST_BRACKETED_REGULATION_YEAR:
        return f"'No {n.number}/{n.year % 100:02d}/{_SUFFIXED_REGULATION_DOMAIN}'"
    if act_type in _PILLAR_ERAS and not _in_pillar_era(act_type, n.year, date):
        return None
    domains = _PILLAR_DOMAINS.get(act_type, _ERA_DOMAINS)
    fitting = [d for d in domains if domain_fits(d, n.year, date)]
    legislative_no = n.has_no and not n.year_first
    forms = [
        canonical_numbering(act_type, (d,), n.year, n.number, legislative_no) for d in fitting
    ]
    return " or ".join(f"'{form}'" for form in forms) or None


# Every act citation holds its type word followed by its numbering; the full grammar runs
# only near such a word.
_TYPE_WORDS = ("regulation", "directive", "decision", "position", "action", "recommendation")
#: The act words of the languages that name a text's own act (``la présente décision``).
_TYPE_WORDS_OTHER = tuple(t for w in _WORDS.values() if w.own_act_words for t in w.act_types)
#: The act words of the other languages, found by looking back from each ``digit/digit``
#: (one fast pass) rather than by one ``str.find`` pass per word.
_OTHER_TYPES = lazy_compile(alternation(t for w in _WORDS.values() for t in w.act_types))
#: How far before its number a type word of another language stands ("Reglamento de
#: Ejecución (UE, Euratom) n.º 2019/947").
_NUMBER_REACH = 48
_NUMBERING_START = lazy_compile(
    r"s?"
    + _INSTITUTION_BETWEEN
    + r"(?:[ \t]{0,3}\r?\n[ \t]{0,12}+|[\s\u00a0]{1,3})"
    r"(?:[(\[\\\d]|(?i:no|nr|n°|cfsp|eu|ec|eec|jha|euratom"
    + "".join("|" + d.lower() for d in _LANG_DOMAINS)
    + r")\b|"
    + _NO_WORDS
    + ")"
)


#: How far before its type word an act citation can start: "European Parliament and of the
#: Council" plus an ordinal and a modifier stay well under this.
_ACT_REACH = 100


def _type_word_hits(doc: Document) -> list[tuple[int, int]]:
    """Type words followed by the start of a numbering, in order: English ones found by
    literal search, the other languages' ones looked up just before each ``N/N``. Only those
    with a slash between digits in their window (``[start - _ACT_REACH, numbering start +
    _ACT_AFTER)``, where :func:`_act_matches` reads): every act's number holds one, and the
    type words of prose ("a decision no longer...", "action (a)") have none near."""
    text = doc.text
    match = _NUMBERING_START.match
    slashes = doc.digit_slashes
    hits = []
    # One sort of both lists gives what merging them would (equal spans are equal tuples).
    for start, end in sorted([*_english_type_hits(doc), *_other_type_hits(doc)]):
        m = match(text, end)
        if m is not None and _slash_between(
            text, slashes, max(0, start - _ACT_REACH), m.end() + _ACT_AFTER
        ):
            hits.append((start, m.end()))
    return hits


def _any_between(offsets: list[int], lo: int, hi: int) -> bool:
    """Does the sorted ``offsets`` hold one in ``[lo, hi)``?"""
    i = bisect.bisect_left(offsets, lo)
    return i < len(offsets) and offsets[i] < hi


def _slash_between(text: str, slashes: list[int], lo: int, hi: int) -> bool:
    """May ``text[lo:hi]`` hold a slash between two digits of the grammar (``\\d/\\d``)?
    Yes where ``slashes`` (``Document.digit_slashes``: ``str.isdigit`` on each side) has one
    there; else where a "/" there stands between characters that are digits or not ASCII, as
    ``regex`` knows digits of a later Unicode than ``str.isdigit``. A window without one
    holds no act."""
    if _any_between(slashes, lo, hi):
        return True
    at = text.find("/", max(lo, 1), hi)
    while at != -1:
        before, after = text[at - 1], text[at + 1 : at + 2]
        if (before.isdigit() or not before.isascii()) and (after.isdigit() or not after.isascii()):
            return True
        at = text.find("/", at + 1, hi)
    return False


def _bracketed_numbers(doc: Document) -> Iterator[int]:
    """Where a bracket opens right before a slashed number, or one space before it
    (``(94/77/CE)``, ``( 77/91/CEE )`` in older texts): the titles' numbers start there."""
    text = doc.text
    for number_start in _slashed_numbers(doc):
        first = number_start
        while first > 0 and text[first - 1].isdigit():
            first -= 1
        bracket = first - 1 if first and text[first - 1] == "(" else first - 2
        if bracket >= 0 and text[bracket] == "(":
            yield bracket


def _slashed_numbers(doc: Document) -> list[int]:
    """Where ``\\d/\\d`` matches, without overlaps (a digit, "/", a digit), read from the
    document's digit slashes (``Document.digit_slashes``) instead of a pass of its own; once
    per document, as the act words and the titles' numbers both read them."""
    cached = doc.__dict__.get(_SLASHED_KEY)
    if isinstance(cached, list):
        return cached
    text = doc.text
    found = []
    last_end = 0
    for slash in doc.digit_slashes:
        start = slash - 1
        if start >= last_end and text[start].isdecimal() and text[slash + 1].isdecimal():
            last_end = slash + 2
            found.append(start)
    doc.__dict__[_SLASHED_KEY] = found
    return found


_SLASHED_KEY = "_eu_acts_slashed_numbers"


def _english_type_hits(doc: Document) -> list[tuple[int, int]]:
    """``doc.hits(_TYPE_WORDS)``, once per document (read by two steps)."""
    return _hits_once(doc, "_eu_acts_type_hits", _TYPE_WORDS)


def _stem_hits(doc: Document) -> list[tuple[int, int]]:
    """``doc.hits(_OTHER_TYPE_STEMS)``, once per document (read by two steps)."""
    return _hits_once(doc, "_eu_acts_stem_hits", _OTHER_TYPE_STEMS)


def _hits_once(doc: Document, key: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    cached = doc.__dict__.get(key)
    if isinstance(cached, list):
        return cached
    hits = doc.hits(literals)
    doc.__dict__[key] = hits
    return hits


def _other_type_hits(doc: Document) -> Iterator[tuple[int, int]]:
    """The other languages' act words (``_OTHER_TYPES``) in reach before each number that is
    no segment of a UN symbol or a date, as ``finditer`` from the reach's start gives them."""
    text = doc.text
    stems = _other_stem_hits(doc)
    last = -1
    for number_start in _slashed_numbers(doc):
        lo = max(0, number_start - _NUMBER_REACH, last)
        if stems is not None:
            i = bisect.bisect_left(stems, (lo,))
            if i == len(stems) or stems[i][0] >= number_start:
                continue  # no act word of another language before this number
        first = number_start
        while first > 0 and text[first - 1].isdigit():
            first -= 1
        if first > 0 and text[first - 1] in "/.":
            continue  # a segment of a UN symbol or a date ("A/HRC/17/31"), not an act number
        if stems is None:
            found: Iterable[regex.Match[str]] = _OTHER_TYPES.finditer(text, lo, number_start)
        else:
            found = _words_at_stems(text, stems, i, lo, number_start)
        for m in found:
            yield m.start(), m.end()
            last = m.end()


def _words_at_stems(
    text: str, stems: list[tuple[int, int]], i: int, lo: int, hi: int
) -> Iterator[regex.Match[str]]:
    """``_OTHER_TYPES.finditer(text, lo, hi)``, matched only where a word holding one of the
    stems ``stems[i:]`` in ``[lo, hi)`` starts (every act word holds one, its first word at a
    known offset), instead of searched at each position: a dozen of these words per number
    cost more than the rest of the step."""
    starts: set[int] = set()
    while i < len(stems) and stems[i][0] < hi:
        stem_start, stem_end = stems[i]
        for offset, _word in _WORDS_OF_STEM[_lowered(text, stem_start, stem_end)]:
            if stem_start - offset >= lo:
                starts.add(stem_start - offset)
        i += 1
    match = _OTHER_TYPES.match
    end = lo
    for start in sorted(starts):
        if start >= end:
            m = match(text, start, hi)
            if m is not None:
                yield m
                end = m.end()


def _other_stem_hits(doc: Document) -> list[tuple[int, int]] | None:
    """Where the triggers found in the other languages' act words occur (every such word holds
    one: "verordnung" in "Durchführungsverordnung"), from the anchor pass; a number with none
    in reach before it needs no look for those words. None where these offsets cannot be
    trusted: the text holds "ſ"."""
    if doc.has_any((_LONG_S,)):
        return None
    return _stem_hits(doc)


@attrs.frozen(slots=True)
class _Found:
    """One act match and the further acts of its list, read but not yet accepted."""

    m: regex.Match[str]
    act_type: str
    n: _Numbering
    items: tuple[tuple[regex.Match[str], _Numbering], ...]


#: How far past its hit the grammar reads an act (the window once searched ended there).
_ACT_AFTER = 64
#: The last words of what may stand before an act's type word, lower case: an author
#: ("Council", "European Central Bank", "ECB"), an ordinal ("Third"), a modifier
#: ("Implementing"), or the first word of "Common Position" and "Joint Action".
_WORDS_BEFORE_TYPE = tuple(
    sorted(
        {
            "council",
            "commission",
            "bank",
            "ecb",
            *(o.lower() for o in _ORDINAL_WORDS),
            "delegated",
            "implementing",
            "framework",
            "common",
            "joint",
        }
    )
)


def _lowered(text: str, start: int, end: int) -> str:
    """``doc.lower[start:end]`` without lower-casing the whole text (the families' scans need
    only a few words of it): Latin words lower-case alike in a slice and in the whole."""
    return text[start:end].replace("\u0130", "i").lower()


def _words_before(text: str, start: int) -> bool:
    """Does a word that may stand before a type word (``_WORDS_BEFORE_TYPE``) end one to three
    spaces before ``start``? Then an act may start before its type word ("Council
    Regulation", "Common Position")."""
    gap = start
    while gap > 0 and start - gap < 4 and text[gap - 1].isspace():
        gap -= 1
    if gap == 0 or not 1 <= start - gap <= 3:
        return False
    return _lowered(text, max(0, gap - 20), gap).endswith(_WORDS_BEFORE_TYPE)


def _type_word_starts(doc: Document, hits: list[tuple[int, int]]) -> list[int]:
    """Every place in reach of a hit (``[hit start - _ACT_REACH, hit end + _ACT_AFTER)``, where
    :func:`_act_matches` reads them) where a type word of an act can start, in order: the
    English type words (anchors) and the other languages' act words, placed from the stems
    they hold (anchors: "verordnung" of "Durchführungsverordnung"); those that follow an ASCII
    letter, digit, "_" or "/" are left out, as neither an act nor its type word can start
    there. Why in reach only: most act words of a text ("action", "decision") are no act's,
    and the words of each stretch in reach are found by bisection, not read one by one."""
    text = doc.text
    english, stems = _english_type_hits(doc), _stem_hits(doc)
    starts = []
    for lo, hi in _reach(hits):
        first = bisect.bisect_left(english, (lo,))
        starts += [start for start, _ in english[first : bisect.bisect_left(english, (hi,))]]
        # A word holding a stem starts at most _LONGEST_STEM_OFFSET before it.
        first = bisect.bisect_left(stems, (lo,))
        last = bisect.bisect_left(stems, (hi + _LONGEST_STEM_OFFSET,))
        for stem_start, stem_end in stems[first:last]:
            for offset, word in _WORDS_OF_STEM[_lowered(text, stem_start, stem_end)]:
                start = stem_start - offset
                if lo <= start < hi and _lowered(text, start, start + len(word)) == word:
                    starts.append(start)
                    if (
                        word in _COMPOUND_HEADS
                        and start > lo
                        and (text[start - 1].isalpha() or text[start - 1] == "-")
                    ):
                        starts += _compound_starts(text, start, lo)
    kept = []
    for start in sorted(set(starts)):
        before = text[start - 1] if start else " "
        if not (before.isascii() and (before.isalnum() or before in "_/")):
            kept.append(start)
    return kept


def _compound_starts(text: str, head: int, lo: int) -> list[int]:
    """Where a compound name ending on the act word at ``head`` can start: its word's start
    and each place after a hyphen in it (``_ACT`` starts after no word character; letters and
    hyphens, at most ``_COMPOUND_REACH`` of them, not before ``lo``)."""
    start = head
    while start > max(lo, head - _COMPOUND_REACH - 1) and (
        text[start - 1].isalpha() or text[start - 1] == "-"
    ):
        start -= 1
    return [i for i in range(start, head) if text[i] != "-" and (i == start or text[i - 1] == "-")]


def _reach(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches ``[hit start - _ACT_REACH, hit end + _ACT_AFTER)`` of the hits (in
    order), those that overlap or touch merged: where :func:`_act_matches` reads."""
    stretches: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        lo, hi = max(0, hit_start - _ACT_REACH), hit_end + _ACT_AFTER
        if stretches and lo <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(hi, stretches[-1][1]))
        else:
            stretches.append((lo, hi))
    return stretches


def _act_matches(doc: Document) -> Iterator[regex.Match[str]]:
    """The matches ``matches_near(_ACT, _type_word_hits(doc), ...)`` gives: for each hit the
    leftmost act in the window ``[hit - _ACT_REACH, hit end + _ACT_AFTER)``, found by matching
    ``_ACT`` at the window's type words (:func:`_type_word_starts`) in order, rather than at
    each of its 170 positions; an act starts at its type word unless an author, ordinal or
    modifier stands before it ("Council Regulation"), and only then is the window searched."""
    text = doc.text
    if doc.has_any((_LONG_S,)):
        # Type words may hide from the lower-cased anchors: search as before.
        yield from matches_near(
            _ACT, _type_word_hits(doc), text, before=_ACT_REACH, after=_ACT_AFTER
        )
        return
    hits = _type_word_hits(doc)
    if not hits:
        return
    starts = _type_word_starts(doc, hits)
    pattern = _ACT if _compound_may_stand(doc) else _ACT_WITHOUT_COMPOUND
    match, search = pattern.match, pattern.search
    last_end = 0
    for hit_start, hit_end in hits:
        if hit_start < last_end:
            continue
        lo, hi = max(last_end, hit_start - _ACT_REACH), hit_end + _ACT_AFTER
        m = None
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            if _words_before(text, starts[i]):
                m = search(text, lo, hi)
                break
            m = match(text, starts[i], hi)
            if m is not None:
                break
            i += 1
        m = settle(pattern, text, m, hi)
        if m is None:
            continue
        yield m
        last_end = max(m.end(), m.start() + 1)


def _compound_may_stand(doc: Document) -> bool:
    """Whether a compound act name can stand anywhere in the text: it ends on an act word
    right after a letter or "-" ("Grundverordnung", "EU-Richtlinie"); none in English."""
    text = doc.text
    for start, _ in doc.hits(_COMPOUND_HEADS):
        if start and (text[start - 1].isalpha() or text[start - 1] == "-"):
            return True
    return False


def _read_all(doc: Document) -> Iterator[_Found]:
    text = doc.text
    for m in _act_matches(doc):
        act_type = _act_type(m.group("type"), m.group("mod"))
        if act_type is None:
            continue
        n = _read_numbering(m, act_type)
        if n is None:
            continue
        items: list[tuple[regex.Match[str], _Numbering]] = []
        pos = m.end()
        for _ in range(50):
            item = _LIST_ITEM.match(text, pos)
            if item is None:
                break
            ni = _read_numbering(item, act_type)
            if ni is None or (
                not ni.domains and not n.domains and act_type not in ("regulation", "directive")
            ):
                break
            if not ni.domains and n.domains:
                # "Decisions (EU, Euratom) 2015/443 and 2015/444": the head's domains.
                ni = attrs.evolve(ni, domains=n.domains, inherited=True)
            items.append((item, ni))
            pos = item.end()
        items.extend(_items_after_titles(text, m, act_type, pos))
        yield _Found(m, act_type, n, tuple(items))


#: A further act of a list after the title of the one before it: "des règlements (CEE)
#: n° 613/91 du Conseil du 4 mars 1991 relatif au ... (9), (CE) n° 2978/94 du Conseil ...".
_TITLED_ITEM = compile_pattern(
    rf"""
    (?P<sep>(?:\(\d{{1,2}}\))?(?:{_H}{{0,2}},{_S}(?:{_AND}{_S})?|{_S}{_AND}{_S}))
    (?=\()
    {_NUMBERING}
    """
)
_PLURAL_TYPES = frozenset(t for w in _WORDS.values() for t in w.plural_act_types)
#: Where such a list ends: the sentence's end, or the next act word (another citation).
_LIST_END = lazy_compile(rf"[;\n]|\.[\s\u00a0]+(?=\p{{Lu}})|(?<!\w){_TYPE}(?!\w)")
_TITLED_LIST_REACH = 1500


def _items_after_titles(
    text: str, m: regex.Match[str], act_type: str, pos: int
) -> Iterator[tuple[regex.Match[str], _Numbering]]:
    """After a plural act word (``règlements``, ``Reglamentos``), the further acts of its list
    each written with their domain and number word after the title of the one before, up to
    the sentence's end or the next act word; not in English."""
    if " ".join(m.group("type").lower().split()) not in _PLURAL_TYPES:
        return
    end = _LIST_END.search(text, pos, min(len(text), pos + _TITLED_LIST_REACH))
    stop = end.start() if end is not None else min(len(text), pos + _TITLED_LIST_REACH)
    for item in _TITLED_ITEM.finditer(text, pos, stop):
        if not item.group("dom1") or item.group("baredom") or not item.group("no"):
            continue
        ni = _read_numbering(item, act_type)
        if ni is not None:
            yield item, ni


def _acts(doc: Document) -> Iterator[Citation]:
    """Two passes over the matches: the first learns which acts the document cites with a
    domain somewhere, so a short form (``Directive 93/13``) of one of them is accepted and an
    act cited in full earlier raises no EU101 when later cited without its domain."""
    found = list(_read_all(doc))
    with_domain = {
        _celex(f.act_type, x.year, x.number, x.domains)
        for f in found
        for x in (f.n, *(ni for _, ni in f.items))
        if x.domains
    }
    cited_in_full: set[str] = set()
    # A stream window: the acts earlier windows cited with a domain count as cited here too.
    carry = doc.carry
    before = None if carry is None else carry.before.get(_CARRY_KEY)
    if isinstance(before, _CarriedActs):
        with_domain |= before.with_domain
        cited_in_full |= before.cited_in_full
    handed = carry is None or carry.next_start is None
    for f in found:
        m, act_type, n = f.m, f.act_type, f.n
        if not handed and carry is not None and m.start() >= (carry.next_start or 0):
            carry.after[_CARRY_KEY] = _CarriedActs(frozenset(with_domain), frozenset(cited_in_full))
            handed = True
        celex = _celex(act_type, n.year, n.number, n.domains)
        if not n.domains and not _domainless_ok(doc, m, act_type, n, celex in with_domain):
            continue
        modifier = m.group("mod")
        author = m.group("author") or m.group("author2") or _institution(m.group("mauthor"))
        head = _citation(
            doc,
            n,
            start=m.start(),
            end=m.end(),
            act_type=act_type,
            author=author,
            modifier=modifier,
            ordinal=m.group("ordinal"),
            ambiguous=_ambiguous(n, act_type, celex in with_domain),
            with_pinpoints=True,
            type_word=m.group("type"),
            cited_in_full=celex in cited_in_full,
        )
        yield head
        if n.domains:
            cited_in_full.add(celex)
        shared = _shared_pinpoint(head, m)
        for item, ni in f.items:
            item_celex = _celex(act_type, ni.year, ni.number, ni.domains)
            cit = _citation(
                doc,
                ni,
                start=item.end("sep"),
                end=item.end(),
                act_type=act_type,
                author=author,
                modifier=modifier,
                ordinal=None,
                ambiguous=_ambiguous(ni, act_type, item_celex in with_domain),
                with_pinpoints=False,
                type_word=m.group("type"),
                cited_in_full=item_celex in cited_in_full,
                head_start=m.start(),
            )
            yield attrs.evolve(cit, pinpoint=shared) if shared else cit
            if ni.domains:
                cited_in_full.add(item_celex)
    if not handed and carry is not None:
        carry.after[_CARRY_KEY] = _CarriedActs(frozenset(with_domain), frozenset(cited_in_full))


_CARRY_KEY = "eu_acts"


def _institution(written: str | None) -> str | None:
    """The canonical author of an institution written in another language ("des Rates")."""
    if not written:
        return None
    return _folded_institutions().get(_fold(written), " ".join(written.split()))


@functools.cache
def _folded_institutions() -> dict[str, str]:
    """The institutions' written names, folded as type words are (:func:`_fold`)."""
    return {_fold(name): author for name, author in _INSTITUTIONS.items()}


@attrs.frozen(slots=True)
class _CarriedActs:
    """What a stream window hands the next: the acts cited with their domain so far (and in
    the window), which makes a later ``Directive 97/66`` one of them, and those already cited
    in full."""

    with_domain: frozenset[str]
    cited_in_full: frozenset[str]


def _shared_pinpoint(head: Citation, m: regex.Match[str]) -> Pinpoint:
    """The pinpoint written before a plural act word, which each act of the list shares
    (``les annexes des directives 86/362/CEE, 86/363/CEE et 90/642/CEE``); not in English,
    whose list items keep none."""
    parts = head.parts
    if not isinstance(parts, EUActParts) or parts.language == "en" or head.start >= m.start():
        return Pinpoint()
    written = " ".join(m.group("type").lower().split())
    if written not in _WORDS[parts.language].plural_act_types:
        return Pinpoint()
    return head.pinpoint


def _ambiguous(n: _Numbering, act_type: str, known: bool) -> bool:
    """A decision without a domain (EU or CFSP?) unless cited with one elsewhere, or a number
    whose year could be either of its two halves."""
    return n.order_unsure or (not n.domains and act_type == "decision" and not known)


def _domainless_ok(
    doc: Document, m: regex.Match[str], act_type: str, n: _Numbering, known: bool
) -> bool:
    """Accept ``Regulation 2016/679`` but not look-alikes from UN texts (``decision 2/102``,
    ``Economic and Social Council decision 2005/256``). A two-digit year needs 'No'
    (``Regulation No 2658/87``) or the same act cited with its domain elsewhere
    (``Directive 93/13`` next to ``Directive 93/13/EEC``) or, for a directive, the institution
    that adopted it (``Council Directive 80/779``); 'No' is not enough for a decision
    (``Decision No 1/80`` of the EEC-Turkey Association Council is no EU act)."""
    if (
        not _year4(n.year_text)
        and not (m.group("lbr") and act_type == "directive")
        # "Council Directives 80/779 and 85/203": the EU institution is named.
        and not (act_type == "directive" and (m.group("author") or m.group("author2")))
        and not (n.has_no and act_type in ("regulation", "directive"))
        and not known
    ):
        return False
    if act_type in ("regulation", "directive"):
        return True
    if not m.group("type")[0].isupper():
        return False
    type_start = m.start("type")
    if _UN_BODY_BEFORE.search(doc.text, max(0, type_start - 60), type_start) is not None:
        return False
    return n.has_no or _eu_author(m) or not _other_author(doc.text, m.end())


#: Bodies other than the EU's that adopt numbered decisions (``data/eu_words.json``), written
#: right after the decision as its author: "of the board", "des Vorstands" (whole words, a German
#: genitive ending at most).
_OTHER_AUTHOR_AFTER = compile_pattern(
    r"\A[\s,]{0,3}(?i:of|des|der|du|de|del)(?:\s+(?i:the|la|l'|los|las))?\s+(?<!\w)(?i:"
    + "|".join(
        regex.escape(word).replace(r"\ ", r"\s+")
        for word in sorted(eu_words.other_decision_authors(), key=lambda w: (-len(w), w))
    )
    + r")(?:e?s)?(?!\w)"
)


def _eu_author(m: regex.Match[str]) -> bool:
    return bool(m.group("author") or m.group("author2") or m.group("mauthor"))


def _other_author(text: str, end: int) -> bool:
    """A decision numbered without any EU mark is another body's where it is "of" that body
    right after it ("Decision 2019/12 of the board"). A body named earlier in the sentence is
    not enough: "The company must comply with Decision 2019/12" cites the EU's."""
    return _OTHER_AUTHOR_AFTER.match(text[end : end + 60]) is not None


_AMENDED_BY = lazy_compile(
    alternation(p for w in _WORDS.values() for p in w.amended_by)
    + r"[\s\u00a0]{1,3}(?:\w{1,3}[\s\u00a0]{1,3})?\Z"
)
_AMENDED_REACH = 60
#: How far after the act it amends an amending act may stand (a title between them).
_AMENDED_TITLE_REACH = 700


def _hand_over(doc: Document, found: list[Citation]) -> list[Citation]:
    """Give "et notamment son article 7" written after an amending act ("modifié en dernier
    lieu par le règlement (CE) n° 2931/95, et notamment son article 7") to the act amended,
    the act cited just before; French, Spanish and German (English says "thereof"). So too
    "..., cuya última modificación la constituye el Reglamento X, establece en su artículo 82"
    to the verb's subject, the first act of the clause."""
    text = doc.text
    for i, cit in enumerate(found):
        parts = cit.parts
        if not isinstance(parts, EUActParts) or parts.language == "en":
            continue
        if not cit.pinpoint:
            _after_title(text, found, i)
        if i == 0:
            continue
        if _AMENDED_BY.search(text, max(0, cit.start - _AMENDED_REACH), cit.start) is None:
            continue
        after = languages.read_after(parts.language, text, cit.end)
        j = _amended_index(text, found, i)
        if after is None:
            # "establece en su artículo 82": the verb's subject, the clause's first act
            j = _subject_index(text, found, i, parts.language)
            after = languages.read_in_own(parts.language, text, found[j].start, cit.end)
        amended = found[j]
        if after is None or amended.pinpoint or cit.start - amended.end > _AMENDED_TITLE_REACH:
            continue
        found[j] = attrs.evolve(amended, pinpoint=after.pinpoint)
    return found


#: "vu le", "Visto el", "gestützt auf die": what opens a citation of a preamble, just before
#: its act.
_CITING = regex.compile(
    r"(?<!\w)"
    + alternation(w for words in _WORDS.values() for w in words.citing_words)
    + r"[\s\u00a0]{1,3}(?:\w{1,3}[\s\u00a0]{1,3})?\Z"
)
#: A preamble's citations end at ";" or a line break: the act amended is in the same one.
_CLAUSE_BREAK = regex.compile(r"[;\n]")


def _after_title(text: str, found: list[Citation], i: int) -> None:
    """``Visto el Reglamento X, de 17 de mayo de 1999, por el que ... lácteos(1), y, en
    particular, su artículo 15,``: in a preamble citation the pinpoint after the title is the
    act's the citation opens with (up to the next act cited, the clause's end, or 700 code
    points)."""
    cit = found[i]
    parts = cit.parts
    assert isinstance(parts, EUActParts)
    if _CITING.search(text, max(0, cit.start - 24), cit.start) is None:
        return
    stop = min(len(text), cit.end + _AMENDED_TITLE_REACH)
    if i + 1 < len(found):
        stop = min(stop, found[i + 1].start)
    brk = _CLAUSE_BREAK.search(text, cit.end, stop)
    if brk is not None:
        stop = brk.start()
    after = languages.find_after(parts.language, text, cit.end, stop)
    if after is not None:
        found[i] = attrs.evolve(cit, pinpoint=after.pinpoint)


def _amended_index(text: str, found: list[Citation], i: int) -> int:
    """The act the amending act ``found[i]`` amends: the act the citation opens with ("Visto
    el Reglamento X ..., por el que ... la Directiva Y ..., cuya última modificación la
    constituye el Reglamento Z, y, en particular, su artículo 7": X's), else the act just
    before."""
    for j in range(i - 1, -1, -1):
        before = found[j]
        if found[i].start - before.end > _AMENDED_TITLE_REACH:
            break
        if _CLAUSE_BREAK.search(text, before.end, found[i].start) is not None:
            break
        if _CITING.search(text, max(0, before.start - 24), before.start) is not None:
            return j
    return i - 1


def _subject_index(text: str, found: list[Citation], i: int, language: str) -> int:
    """The first act of the clause holding ``found[i]`` ("considérant que le règlement X
    portant ... du règlement Y, modifié en dernier lieu par le règlement Z, prévoit dans son
    article 2": X), within the reach of a title; an act after a list word opens a subject of
    its own ("vu le règlement X, et le règlement Y, modifié par ..., prévoit": Y)."""
    subject = i - 1
    for j in range(i - 2, -1, -1):
        if languages.opens_coordinate(language, text, found[subject].start):
            break
        before = found[j]
        if found[i].start - before.end > _AMENDED_TITLE_REACH:
            break
        if _CLAUSE_BREAK.search(text, before.end, found[subject].start) is not None:
            break
        subject = j
    return subject


#: An act's own number closing its title line: "... originaires du Chili\n(2000/61/CE)\n".
_HEADING_NUMBER = regex.compile(
    # (the numbering's other groups, never matched here, for _read_numbering)
    r"(?P<dom1>(?!))?(?P<baredom>(?!))?(?P<no>(?!))?(?P<lbr>(?!))?"
    rf"\([ \u00a0]?(?P<a>\d{{2}}|\d{{4}})/(?P<b>\d{{1,4}})/(?P<dom2>{_DOM})[ \u00a0]?\)"
    r"[ \t\u00a0]*(?:\n|\Z)"
)
_OWN_TYPES = {
    lang: regex.compile(
        rf"(?<!\w){alternation(w.own_act_words)}[\s\u00a0]{{1,3}}(?P<type>{alternation(w.act_types)})"
    )
    for lang, w in _WORDS.items()
    if w.own_act_words
}
#: The act's enacting formula with its type ("HAT FOLGENDE ENTSCHEIDUNG ERLASSEN"): read
#: before the other own-act words, which may point back at an act cited ("Artikel 10 dieser
#: Richtlinie").
_ENACTING_TYPES = tuple(
    regex.compile(
        rf"(?<!\w){alternation(w.enacting_words)}[\s\u00a0]{{1,3}}(?P<type>{alternation(w.act_types)})"
    )
    for w in _WORDS.values()
    if w.enacting_words
)
#: A title's first words: its type, after an ordinal ("ZWEITE RICHTLINIE DES RATES").
_OPENING_TYPE = regex.compile(
    rf"[\s\u00a0]*(?:{alternation(o for lang in _OWN_TYPES for o in load_lexicon(lang).ordinals)}"
    rf"[\s\u00a0]{{1,3}})?(?P<type>{alternation(_TYPE_WORDS_OTHER)})"
)
#: The types whose own number closes their title as ``(YYYY/N/XX)``: regulations carry "Nr."
#: or "(EU)" before theirs.
_HEADING_TYPES = frozenset({"directive", "decision", "framework decision"})
#: The lines of a title read upwards from its number for the type word opening it.
_TITLE_LINES = 6
#: The act's opening after its title: its citations ("vu le traité", "Visto el Tratado"),
#: after the institution's line at most.
_CITATIONS_OPENING = regex.compile(
    r"[\s\u00a0]{0,8}(?:[^\n]{0,120}\n[\s\u00a0]{0,8})?"
    + alternation(w for lang in _OWN_TYPES for w in _WORDS[lang].citing_words)
)
#: How far after its title the act names itself ("A ARRÊTÉ LA PRÉSENTE DÉCISION"): well
#: within a stream window's overlap (``stream.DEFAULT_OVERLAP``), so a window reads it too.
_OWN_TYPE_REACH = 2048


def _title_type(text: str, number_start: int) -> str | None:
    """The type word opening the title the number at ``number_start`` closes: the title is the
    lines above it up to a blank line or another title's number; it begins with its type
    (``DÉCISION DE LA COMMISSION\ndu 7 février 1994\nmodifiant ...\n(94/77/CE)``)."""
    end = number_start
    for _ in range(_TITLE_LINES):
        line = text.rfind("\n", 0, end) + 1
        if _HEADING_NUMBER.search(text, line, end + 1) is not None or (
            end < number_start and not text[line:end].strip()
        ):
            return None  # another act's title, or a blank line above the title's first
        opening = _OPENING_TYPE.match(text, line, end)
        if opening is not None:
            return str(opening.group("type"))
        if line == 0:
            return None
        end = line - 1
    return None


def _own_type(text: str, number_end: int) -> str | None:
    """The type an act gives itself in its enacting words (``A ARRÊTÉ LA PRÉSENTE DÉCISION``)
    after the number closing its title, when the act's opening (its citations, ``vu le
    traité``) follows the number, and before another title's number (a number closing a line
    that an opening follows too; a cited act closing a line of the citations is no title).
    The enacting formula (``HAT FOLGENDE ENTSCHEIDUNG ERLASSEN``) wins over other own-act words,
    which may point back at an act cited (``Artikel 10 dieser Richtlinie``)."""
    if _CITATIONS_OPENING.match(text, number_end) is None:
        return None
    stop = min(len(text), number_end + _OWN_TYPE_REACH)
    for other in _HEADING_NUMBER.finditer(text, number_end, stop):
        if _CITATIONS_OPENING.match(text, other.end()) is not None:
            stop = other.start()
            break
    for own in (*_ENACTING_TYPES, *_OWN_TYPES.values()):
        found = own.search(text, number_end, stop)
        if found is not None:
            return str(found.group("type"))
    return None


def _heading_acts(doc: Document) -> Iterator[Citation]:
    """The number closing an act's title line (``DÉCISION DE LA COMMISSION du 7 février 1994
    modifiant ... (94/77/CE)``), typed by the title's first word, else by the type the act gives
    itself after it (``la présente décision``, ``dieser Rahmenbeschluss``); French, Spanish and
    German. A directive, a decision and a framework decision share this numbering, so with
    none of them there is no citation."""
    text = doc.text
    for bracket in _bracketed_numbers(doc):
        m = _HEADING_NUMBER.match(text, bracket)
        if m is None:
            continue
        type_word = _title_type(text, m.start()) or _own_type(text, m.end())
        if type_word is None:
            continue
        act_type = _act_type(type_word, None)
        if act_type is None or act_type not in _HEADING_TYPES:
            continue
        n = _read_numbering(m, act_type)
        if n is None:
            continue
        yield _bracketed_number(doc, n, m, act_type, type_word)


def _bracketed_number(
    doc: Document, n: _Numbering, m: regex.Match[str], act_type: str, type_word: str
) -> Citation:
    """The act whose number in brackets ends its title (a title line, or a dated title in
    running text): the span is the number; the title carries no author or pinpoint to read."""
    return _citation(
        doc,
        n,
        start=m.start("a"),
        end=m.end("dom2"),
        act_type=act_type,
        author=None,
        modifier=None,
        ordinal=None,
        ambiguous=False,
        with_pinpoints=False,
        type_word=type_word,
    )


#: An act cited by its type, author and date, its title, then its number in brackets (the
#: older way, for acts without a number in their title: "Council Directive of 12 June 1989 on
#: ... (89/391/EEC)", "la directive du Conseil du 12 juin 1989 concernant ... (89/391/CEE)").
_DATED_TYPE = compile_pattern(
    rf"""(?<![\w/])(?:(?P<mod>(?i:Delegated|Implementing|Framework)){_S})?
    (?P<type>(?i:{_TYPE}))(?!\w)(?:{_POST_AUTHOR_PATTERN})?{_DATE_PATTERN}"""
)
#: A number in brackets, closing such a title.
_BRACKETED_NUMBER = regex.compile(
    r"(?P<dom1>(?!))?(?P<baredom>(?!))?(?P<no>(?!))?(?P<lbr>(?!))?"
    rf"\([ \u00a0]?(?P<a>\d{{2}}|\d{{4}})/(?P<b>\d{{1,4}})/(?P<dom2>{_DOM})[ \u00a0]?\)"
)
#: A type word just before a bracketed number ("amending the Directive (77/187/EEC)"): the
#: number is that act's, not the one closing the title around it.
_TYPE_JUST_BEFORE = regex.compile(rf"(?<!\w)(?i:{_TYPE})[\s\u00a0]{{1,3}}\Z")
#: What ends a title before its number: a sentence's end, a clause's, a blank line.
_TITLE_BREAK = regex.compile(r"\.[\s\u00a0]+(?=\p{Lu}|\()|;|\n[ \t\u00a0]*\n")


def _dated_opening(text: str, number_start: int) -> regex.Match[str] | None:
    """The dated type word whose title the bracketed number at ``number_start`` closes: the
    last one within a title's reach before it, with no sentence's end between its date and
    the number."""
    lo = max(0, number_start - _AMENDED_TITLE_REACH)
    opening = None
    for m in _DATED_TYPE.finditer(text, lo, number_start):
        opening = m
    if opening is None or _TITLE_BREAK.search(text, opening.end(), number_start + 1):
        return None
    return opening


def _dated_title_acts(doc: Document, known: list[Citation]) -> Iterator[Citation]:
    """The number in brackets closing the title of an act cited by type, author and date
    (``Council Directive of 12 June 1989 on ... (89/391/EEC)``, ``Commission Decision of 19
    December 2008 ... (2009/17/EC)``): a directive's, a decision's or a framework decision's
    (a regulation's number carries "No" in its title), in any language. Of several bracketed
    numbers after one opening the last closes its title (the others are acts its title
    names); the number carries the year of the date or the next (a decision is numbered when
    published), else it is another act's."""
    text = doc.text
    taken = [(c.start, c.end) for c in known]
    closing: list[tuple[regex.Match[str], regex.Match[str]]] = []
    for bracket in _bracketed_numbers(doc):
        m = _BRACKETED_NUMBER.match(text, bracket)
        if m is None or _TYPE_JUST_BEFORE.search(text, max(0, bracket - 40), bracket):
            continue
        opening = _dated_opening(text, m.start())
        if opening is None:
            continue
        if closing and closing[-1][1].start() == opening.start():
            closing.pop()  # an act the title names: the last number closes the title
        closing.append((m, opening))
    for m, opening in closing:
        i = bisect.bisect_left(taken, (m.end(),))
        if any(start < m.end() and m.start() < end for start, end in taken[max(0, i - 1) : i]):
            continue  # read already (a title line's own number)
        type_word = opening.group("type")
        act_type = _act_type(type_word, opening.group("mod"))
        if act_type not in _HEADING_TYPES:
            continue
        n = _read_numbering(m, act_type)
        date = _date(opening)
        if n is None or date is None or n.year not in (date.year, date.year + 1):
            continue
        yield _bracketed_number(doc, n, m, act_type, type_word)


def scan_acts(doc: Document) -> list[Citation]:
    """Every EU act citation of the document, in order; computed once and cached on ``doc``."""
    cache = doc.__dict__
    found = cache.get("_citecheck_eu_acts")
    if found is None:
        acts = list(_acts(doc))
        headings = list(_heading_acts(doc)) if _OWN_TYPES else []
        if headings:
            acts = sorted([*acts, *headings], key=lambda c: (c.start, c.end))
        titled = list(_dated_title_acts(doc, acts))
        if titled:
            acts = sorted([*acts, *titled], key=lambda c: (c.start, c.end))
        found = _hand_over(doc, acts)
        cache["_citecheck_eu_acts"] = found
    assert isinstance(found, list)
    return found


#: The first words of the other languages' act words ("reglamento" of "Reglamento de
#: Ejecución"): an act word of those languages starts with one.
_OTHER_FIRST_WORDS = frozenset(t.split()[0] for w in _WORDS.values() for t in w.act_types)


def _words_of_stems(stems: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """Each stem held by one of ``_OTHER_FIRST_WORDS`` -> (where it stands, the word)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for stem in stems:
        for word in sorted(_OTHER_FIRST_WORDS):
            at = word.find(stem)
            while at != -1:
                found.setdefault(stem, []).append((at, word))
                at = word.find(stem, at + 1)
    return found


#: The triggers those words hold (all are indexed anchors), and where each word holds which.
_WORDS_OF_STEM = _words_of_stems(EUActsFamily.triggers)
_OTHER_TYPE_STEMS = tuple(_WORDS_OF_STEM)
#: How far before a stem the word holding it starts, at most.
_LONGEST_STEM_OFFSET = max(offset for words in _WORDS_OF_STEM.values() for offset, _ in words)

#: How far past an act the family reads: its pinpoint and the language around it, the type
#: word of the text's own act after its number, a list of titled acts, an amended act's title,
#: what its pattern reads past a type word.
REACH_AFTER = max(
    PATTERN_HORIZON,
    PINPOINT_REACH,
    _ACT_AFTER,
    _LANGUAGE_REACH,
    _OWN_TYPE_REACH,
    _TITLED_LIST_REACH,
    _AMENDED_TITLE_REACH,
)

FAMILY = EUActsFamily()
