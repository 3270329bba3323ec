"""Official Journal references.

Forms: ``OJ L 410I, 7.12.2020, p. 13`` / ``OJ L 410 I, ...`` -> ``oj:L/2020/410I/p13``;
act-by-act publication (from 1 October 2023) ``OJ L, 2023/2131, 11.10.2023`` ->
``oj:L/2023/2131``, the C series with its letter in the number (``OJ C, C/2024/1234,
5.3.2024`` -> ``oj:C/2024/1234``); court style ``OJ 1987 L 256, p. 1``, ``JO 2016, L 119, p. 1``,
``ABl. 2008 Nr. L 354/34``, ``ABl. EU 2004 Nr. L 16`` (no page: ``oj:L/2004/16``); academic
``[2004] OJ L 158/77``; German statute style without the year, ``ABl. EG Nr. L 149 S. 34``:
the year is the one of the date of the act it documents (German statutes write the OJ's year
only where it differs: ``… vom 25. November 2003 … (ABl. EU 2004 Nr. L 16 S. 44)``), and
``oj:L/?/149/p34`` (ambiguous) where no dated act is linked to it; ``OJ L 328, p. 7``,
``JO L 328, p. 7`` are read so too.

Each reference is linked to the act it documents (``act_id`` in the parts) in the same pass:
the act citations of the document (computed once by :func:`scan_acts`) are walked with a
pointer, and an OJ reference takes the last act before it when nothing but a title separates
them, or when the reference opens the footnote whose marker followed the act.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs
import regex

from citecheck import eu_words
from citecheck.families.base import (
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    matches_near,
    quoted,
)
from citecheck.families.eu_acts import REACH_AFTER as ACTS_REACH_AFTER
from citecheck.families.eu_acts import EUActParts, scan_acts
from citecheck.lexicon import alternation, load, month_number
from citecheck.model import Citation, Finding, Fix, Kind, Severity
from citecheck.patterns import unreadable_number
from citecheck.rules import Rule

# Spaces inside a reference; a line break with the next line's indentation may stand for
# them (plain text of laws wraps "ABl. L\n    243 vom 15.9.2009, S.\n    1").
_BLANK = r"[ \t\u00a0\u202f]"
#: Formex XML read as text writes a no-break space as a character reference ("ABl.
#: C&#160;318", "S.&#160;56"): where the text holds one, the patterns read it as a blank too
#: (a second compiled form, as the alternation costs English texts time they never need).
#: Written in lower case: ``has_any`` reads the lower-cased text, and the pattern reads them in
#: any case (``&#XA0;``). U+202F, the narrow one, is a blank too.
_CHAR_REFS = ("&#160;", "&#xa0;", "&nbsp;", "&#8239;", "&#x202f;")
#: Words whose presence anywhere in a text changes how the family reads it (character
#: references standing for spaces).
WHOLE_TEXT_WORDS = (_CHAR_REFS,)
_BLANK_OR_REF = (
    r"(?:[ \t\u00a0\u202f]|(?i:" + "|".join(regex.escape(ref) for ref in _CHAR_REFS) + "))"
)
_SP = rf"(?:{_BLANK}{{0,3}}\r?\n)?+{_BLANK}{{0,12}}+"
_S1 = rf"(?:{_BLANK}{{0,3}}\r?\n{_BLANK}{{0,12}}+|{_BLANK}{{1,3}}+)"
_DASH = r"[-\u2010\u2011\u2013\u2014]"
_WORDS = eu_words.load()
#: The names written in full ("Amtsblatt der Europäischen Union"), only with a series letter.
_LONG_NAMES = frozenset(n for w in (*_WORDS.values(), eu_words.english()) for n in w.oj_long_names)
#: "OJ" and its names in the other languages ("JO", "DO", "ABl.", "Amtsblatt …").
_NAMES = ("OJ", *(n for w in _WORDS.values() for n in w.oj_names), *sorted(_LONG_NAMES))
#: The names written in full may wrap inside (``Amtsblatt der Europäischen\n    Union``).
_LONG = alternation(_LONG_NAMES)
_OJ = "(?:" + "|".join(regex.escape(n) for n in _NAMES if n not in _LONG_NAMES) + f"|{_LONG})"
_PAGE_WORDS = alternation(
    ("p.", "pp.", "page", "pages", *(p for w in _WORDS.values() for p in w.page_words))
)
#: Between an issue number and its date: ", " in English, " du "/" de "/" vom " elsewhere, and
#: " of " where English prose names the Journal in full (``L 119 of 4 May 2016``).
#: Some write a comma before the opening word too: ``ABl. L 176, vom 27.6.2013``.
_DATE_OPENING = alternation(("of", *(o for w in _WORDS.values() for o in w.date_opening)))
_DATE_SEP = rf"(?:{_SP},{_SP}(?:{_DATE_OPENING}{_S1})?|{_S1}{_DATE_OPENING}{_S1})"
#: The page follows a comma (one blank before it in tokenized text: ``12 . 6 . 1989 , S . 1``),
#: or only a space in EUR-Lex's legacy header (``Amtsblatt Nr. L 190
#: vom 18/07/2002 S. 0001 - 0020``), or a semicolon in German statutes (``ABl. L 119 vom
#: 4.5.2016; S. 1``): the page word after it still says what the number is.
#: After a semicolon "S. 2" is a page only where the reference ends with it (a bracket, a
#: stop, a comma, a semicolon, the line's end), not where a word goes on ("; S. 2 gilt
#: entsprechend": "S." is then the sentence of a provision).
_PAGE_AFTER_SEMICOLON = r"(?=[ \t\u00a0\u202f]*(?:[).,;\]]|\r?\n|\Z))"
_PAGES = (
    rf"(?:(?:{_BLANK}?(?:,|(?P<semi>;)){_SP}|{_S1}){_PAGE_WORDS}{_SP}(?P<p>\d{{1,5}})(?:/(?P<pyy>\d{{2}}))?"
    rf"(?:{_SP}{_DASH}{_SP}(?P<p2>\d{{1,5}}))?(?(semi){_PAGE_AFTER_SEMICOLON}))?"
)
#: The month names of every language: "vom 14. Juni 1985" in a title is no sentence break.
_MONTHS = alternation(m for lang in ("en", "fr", "es", "de") for m in load(lang).months)
#: A year in two figures in a German statute's date (``vom 4.5.16``): an issue of the L and C
#: series is dated from 1968 to September 2023 (then issues end), so ``68``-``99`` are 19xx and
#: ``00``-``23`` 20xx, and no other two figures are read as a year. Only after the German word
#: opening the date: English, French and Spanish references write the year in full.
_DATE_DOT = r"[ \t\u00a0\u202f]?\\?\.[ \t\u00a0\u202f]?"
_SHORT_YEAR = (
    rf"(?<=(?<!\w){alternation(_WORDS['de'].date_opening)}[ \t\u00a0\u202f\n]{{1,12}}"
    rf"\d{{1,2}}{_DATE_DOT}\d{{1,2}}{_DATE_DOT})(?:[01]\d|2[0-3]|6[89]|[7-9]\d)"
)
#: ``7.9.1987``; older issues space it: ``7. 9. 1987``; German titles name the month (``vom
#: 12. Juni 2014``), English, French and Spanish prose without the dot (``4 May 2016``, ``4 de
#: mayo de 2016``); EUR-Lex's legacy header writes ``18/07/2002``; a tokenized corpus (JRC-Acquis)
#: a blank before every dot: ``12 . 6 . 1989``.
# "30\\.11.2013": text converted from Markdown keeps its escapes; a reader sees a dot
_DATE = (
    rf"(?P<d>\d{{1,2}})(?:{_BLANK}?\\?\.{_SP}(?:(?P<m>\d{{1,2}}){_BLANK}?\\?\.{_SP}|(?P<mname>{_MONTHS}){_S1})"
    rf"|{_S1}(?:{_DATE_OPENING}{_S1})?(?P<mname>{_MONTHS}){_S1}(?:{_DATE_OPENING}{_S1})?"
    rf"|/(?P<m>\d{{1,2}})/)(?P<y>\d{{4}}|{_SHORT_YEAR})"
)
#: The names written without the year in statute style: ``ABl. EG Nr. L 149 S. 34``.
_OJ_WITHOUT_YEAR = alternation(
    n for w in (*_WORDS.values(), eu_words.english()) for n in w.oj_names_without_year
)
#: The names written in full read as the abbreviation does, without the year too
#: (``Amtsblatt der Europäischen Union Nr. L 314 S. 1``, ``Official Journal of the European
#: Union L 314, p. 1``), and English writes a comma after them (``Official Journal of the
#: European Union, L 314, 5.12.2019, p. 1``).
#: After a name ending in a dot the next word may follow without a blank (``ABl.L 119``).
_AFTER_DOT = rf"(?:{_S1}|(?<=\.)(?=[A-Z]))"
_NAME_WITHOUT_YEAR = rf"(?:{_OJ_WITHOUT_YEAR}{_AFTER_DOT}|(?P<lname>{_LONG})(?:{_S1}|{_SP},{_SP}))"
_AFTER_NAME = rf"(?:{_AFTER_DOT}|(?<={_LONG}){_SP},{_SP})"
#: The Community's initials some older references write after the name: ``ABl. EG Nr. L 281``.
_MARK = alternation(m for w in _WORDS.values() for m in w.oj_marks)
#: The number word of older references: ``OJ No L 256``, ``JO n° L 256``, ``ABl. Nr. L 256``.
_NO = (
    r"(?:(?i:No|Nr|n°)\.?|"
    + alternation(n for w in _WORDS.values() for n in w.no_words)
    + rf"){_SP}"
)

#: An issue with its date and page: ``L 281 vom 23.11.1995, S. 31``; the E edition of the C
#: series is also written before the number (``C E 12`` for ``C 12 E``).
_ISSUE = (
    rf"(?:{_NO})?(?:(?P<series>[LC])(?:(?<=C){_S1}(?P<presub>E)(?={_S1}\d))?(?:{_S1}|(?=\d)))?"
    rf"(?P<no>\d{{1,4}})"
    rf"(?:{_SP}(?P<sub>[AEI]))?(?![\w]){_DATE_SEP}{_DATE}(?!\d){_PAGES}"
)

#: The date written first, after the name (``Amtsblatt der Europäischen Union vom 4. Mai 2016,
#: L 119, S. 1``, ``ABl. vom 4.5.2016, L 119, S. 1``): the series letter is then required.
_DATE_FIRST = (
    rf"{_DATE_OPENING}{_S1}{_DATE}(?!\d){_SP},{_SP}(?:{_NO})?(?P<series>[LC]){_S1}"
    rf"(?P<no>\d{{1,4}})(?:{_SP}(?P<sub>[AEI]))?(?![\w/]){_PAGES}"
)

#: The date of an act published on its own written first (``ABl. vom 12.7.2024, L 2024/1689``).
_DATE_FIRST_OPENING = rf"(?P<nfirst>{_DATE_OPENING}){_S1}{_DATE}(?!\d){_SP},{_SP}"

#: A page written after a comma without its word, as German courts write (``ABlEU Nr. L 157,
#: 49``): a number that no date's month, a list's next number or a paragraph's dot follows,
#: and no year (``L 157, 2004`` reads as the issue's year as much as a page).
_NOT_A_DATE = (
    rf"(?!\d|\\?\.{_SP}(?:\d|{_MONTHS})|{_S1}(?:{_DATE_OPENING}{_S1})?{_MONTHS}"
    rf"|{_SP}(?:{_DASH}|/|,{_SP}\d))"
)
_NOT_A_YEAR = r"(?!(?:19|20)\d\d(?!\d))"

_PATTERN_SOURCE = (
    rf"""
    (?<![\w])(?=[OJDA\[])
    (?:
      (?P<new>{_OJ}(?:{_AFTER_DOT}(?:{_MARK}{_S1})?|{_AFTER_NAME}{_DATE_FIRST_OPENING})(?P<nseries>[LC])(?:{_SP},{_SP}|{_S1})(?:(?P=nseries)/)?(?P<nyear>20\d\d)/(?P<nno>\d{{1,5}})
          (?!\d)(?:{_DATE_SEP}{_DATE}(?!\d))?{_PAGES})
    | (?P<court>{_OJ}{_AFTER_DOT}(?:{_MARK}{_S1})?(?P<cyear>(?:19|20)\d\d)(?:,{_SP}|{_S1})(?:{_NO})?
          (?P<cseries>[LC]){_S1}(?P<cno>\d{{1,4}})(?:{_SP}(?P<csub>[AEI]))?(?![\w])
          (?:(?:,{_SP}|{_S1}){_PAGE_WORDS}{_SP}(?P<cp>\d{{1,5}})(?:{_SP}{_DASH}{_SP}(?P<cp2>\d{{1,5}}))?
          |/(?P<cslash>\d{{1,5}})|,{_SP}{_NOT_A_YEAR}(?P<cbare>\d{{1,5}}){_NOT_A_DATE})?)
    | (?P<yslash>{_OJ}{_AFTER_DOT}(?:{_MARK}{_S1})?(?:{_NO})?(?P<yseries>[LC]){_S1}
          (?P<yno>\d{{1,4}})
          (?:{_SP}(?P<ysub>[AEI]))?/(?P<yyear>(?:19|20)\d\d)(?!\d)
          (?:(?:,{_SP}|{_S1}){_PAGE_WORDS}{_SP}(?P<yp>\d{{1,5}})(?:{_SP}{_DASH}{_SP}(?P<yp2>\d{{1,5}}))?)?)
    | (?P<old>(?P<oname>{_OJ}){_AFTER_NAME}(?:{_MARK}{_S1})?(?:{_ISSUE}|{_DATE_FIRST}))
    | (?P<statute>{_NAME_WITHOUT_YEAR}(?:{_MARK}{_S1})?(?:{_NO})?(?P<sseries>[LC]){_S1}
          (?P<sno>\d{{1,4}})(?:{_SP}(?P<ssub>[AEI]))?(?![\w])
          (?:(?:,{_SP}|{_S1}){_PAGE_WORDS}{_SP}(?P<sp>\d{{1,5}})(?:{_SP}{_DASH}{_SP}(?P<sp2>\d{{1,5}}))?
          (?:{_DATE_SEP}{_DATE}(?!\d))?
          |,{_SP}{_NOT_A_YEAR}(?P<sbare>\d{{1,5}}){_NOT_A_DATE}|(?<!\d{{4}})/{_NOT_A_YEAR}(?P<sslash>\d{{1,5}})
          (?:{_SP}{_DASH}{_SP}(?P<sp2>\d{{1,5}}))?(?:{_DATE_SEP}{_DATE}(?!\d))?))
    )
    (?!\d)
  | (?P<acad>\[(?P<ayear>(?:19|20)\d\d)\]{_S1}OJ{_S1}(?P<aseries>[LC]){_SP}(?P<ano>\d{{1,4}})
          (?:{_SP}(?P<asub>[AEI]))?/(?P<ap>\d{{1,5}})(?!\d))
    """
)
_PATTERN = compile_pattern(_PATTERN_SOURCE)
_PATTERN_WITH_REFS = compile_pattern(_PATTERN_SOURCE.replace(_BLANK, _BLANK_OR_REF))
#: A list of issues goes on without repeating the name: ``ABl. L 176 vom 27.6.2013, S. 1;
#: L 208 vom 2.8.2013, S. 73``, also after a comma (``S. 1, L 314 vom 22.11.2016, S. 72``: an
#: issue with its date, so not a page or a number); each issue is its own reference.
#: A corrigendum is listed so too: ``S. 1, ber. L 314 vom 22.11.2016, S. 72``.
_LIST_WORDS = alternation(
    (
        *(w for lang in ("en", "fr", "es", "de") for w in load(lang).list_words),
        *(c for w in _WORDS.values() for c in w.corrigendum_words),
    )
)


def _listed_page(page: str, last: str) -> str:
    """A listed issue's page and last page, in groups named ``page`` and ``last``."""
    return (
        rf"(?:,{_SP}|{_S1}){_PAGE_WORDS}{_SP}(?P<{page}>\d{{1,5}})"
        rf"(?:{_SP}{_DASH}{_SP}(?P<{last}>\d{{1,5}}))?"
    )


#: The last issue of a list may follow a list word alone (``S. 68 und L 321 vom 30.11.2013,
#: S. 6``); an act published on its own is listed with its date (``; L 2024/1234 vom
#: 17.5.2024``, ``; L, 2024/1234, 17.5.2024``), as a statute lists the acts amending one
#: since October 2023, or by its number alone where that is of 2023 on (``, L 2026/1744``).
#: German statute lists write the issue's year only where it is not the one before
#: (``ABl. L 176 S. 1; L 208 S. 68``, ``ABl. EU 2004 Nr. L 16 S. 44; 2005 Nr. L 289 S. 15``):
#: an issue listed without its date needs its page then, so that a bare ``L 1`` or ``C 3``
#: after a reference (a licence class, an annex) is never read as one.
_LIST_SEP = rf"(?:{_SP}[;,]{_SP}(?:{_LIST_WORDS}{_S1})?|{_S1}{_LIST_WORDS}{_S1})"
_CONTINUED_SOURCE = (
    _LIST_SEP
    +     rf"(?:(?P<old>(?=(?:{_NO})?[LC]{_SP}(?:E{_S1})?\d){_ISSUE})"
    rf"|(?P<new>(?P<nseries>[LC])(?:{_SP},{_SP}|{_S1})(?:(?P=nseries)/)?(?P<nyear>20\d\d)/"
    rf"(?P<nno>\d{{1,5}})(?!\d)(?:{_DATE_SEP}{_DATE})?)"
    rf"|(?P<court>(?P<cyear>(?:19|20)\d\d)(?:,{_SP}|{_S1})(?:{_NO})?(?P<cseries>[LC]){_S1}"
    rf"(?P<cno>\d{{1,4}})(?:{_SP}(?P<csub>[AEI]))?(?![\w])"
    + _listed_page("cp", "cp2")
    + rf")|(?P<statute>(?:{_NO})?(?P<sseries>[LC]){_S1}(?P<sno>\d{{1,4}})(?:{_SP}(?P<ssub>[AEI]))?"
    rf"(?![\w])"
    + _listed_page("sp", "sp2")
    + r"))(?!\d)"
)
_CONTINUED = compile_pattern(_CONTINUED_SOURCE)
_CONTINUED_WITH_REFS = compile_pattern(_CONTINUED_SOURCE.replace(_BLANK, _BLANK_OR_REF))
#: what separates two issues of one list where the next repeats the name (``ABl. L 176 vom
#: 27.6.2013, S. 1; ABl. L 208 S. 68``): the next never takes the year of the one before
#: (nor the act's), as a corrigendum or amendment is often of a later year
_LIST_GAP = compile_pattern(_LIST_SEP)
_LIST_GAP_WITH_REFS = compile_pattern(_LIST_SEP.replace(_BLANK, _BLANK_OR_REF))
#: Every reference holds one of these (case-sensitive): found by ``str.find``, the pattern
#: is tried only next to them. A name written in full by its first word, as it may wrap
#: after it (``Official\n    Journal``).
_OJ_LITERALS = (
    *(n for n in _NAMES if n not in _LONG_NAMES),
    *sorted({n.split()[0] for n in _LONG_NAMES}),
)
#: "[2004] OJ": how far before "OJ" a reference may start; how far after it the window goes.
_ACAD_REACH = 8
_OJ_AFTER = 64
#: past a name written in full's first word (its hit), the rest of the name too
_WINDOW_AFTER = _OJ_AFTER + max(len(n) - len(n.split()[0]) for n in _LONG_NAMES)
_FOOTNOTE_MARK_AFTER = compile_pattern(
    r"\[\^(?P<a>\d{1,4})\]|<sup>(?P<b>\d{1,4})</sup>|\^(?P<c>\d{1,4})"
    r"|[ \t\u00a0]?\((?P<d>\d{1,3})\)|(?P<e>[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3})"
)
_FOOTNOTE_OPEN_BEFORE = compile_pattern(
    r"(?:^|\n)[ \t]{0,4}(?:\[\^(?P<a>\d{1,4})\]:|<sup>(?P<b>\d{1,4})</sup>|\^(?P<c>\d{1,4})"
    r"|\((?P<d>\d{1,3})\)|(?P<f>\d{1,4})\.?)[ \t\u00a0]{0,4}\Z"
)
_SENTENCE_BREAK = compile_pattern(
    r"\n[ \t]*\n|(?<!\b(?:No|Nos|p|pp|arts?|Arts?|paras?|cf|vol|Vol|e\.g|i\.e|St))"
    rf"(?:[!?;]|(?<!\d\\?)\.|\.(?![ \t\u00a0\n]+{_MONTHS}))"
    r"[ \t\u00a0\n]+[A-Z]|\bOJ\b"
)
#: What the Journal's page heading prints before its name on the same line: the issue's date
#: and the language's code (``4.5.2016 EN``).
_HEADING_LEAD = compile_pattern(r"[ \t]*\d{1,2}\.\d{1,2}\.\d{4}[ \t]+[A-Z]{2}[ \t]+")
_SUPERSCRIPTS = str.maketrans(
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789"
)
#: how far an OJ reference may follow the act it documents in the same sentence (title length)
LINK_WINDOW = 700
#: Footnote markers remembered with their act (the most recent kept): bounds what a stream
#: window hands the next, and the whole-text pass keeps as many, so both read alike.
MARKS_KEPT = 512
_CARRY_KEY = "oj"

ACT_BY_ACT_START = datetime.date(2023, 10, 1)
SERIES_START = datetime.date(1968, 1, 1)


@attrs.frozen(slots=True)
class OJParts:
    """An OJ reference. ``issue`` is None for act-by-act references, ``number`` set instead."""

    style: str  # "issue", "act-by-act", "court", "academic", "statute"
    series: str | None
    #: None for a statute-style reference no dated act gives a year to
    year: int | None
    issue: str | None
    number: int | None
    date: datetime.date | None
    page: int | None
    last_page: int | None
    #: the canonical id of the act this reference documents, when the text makes it clear
    act_id: str | None = None


PAGE_ON_ACT_BY_ACT = Rule(
    "OJ101",
    "oj-page-on-act-by-act",
    Severity.ERROR,
    "An OJ reference to an act published from 1 October 2023 has a page.",
    "Since 1 October 2023 acts are published one by one; a reference gives the series, the "
    "document number and the date, with no page.",
    bad="OJ L, 2023/2131, 11.10.2023, p. 1",
    good="OJ L, 2023/2131, 11.10.2023",
    fixable=True,
)
SPECIAL_ISSUE_AFTER_2023 = Rule(
    "OJ102",
    "oj-issue-reference-after-september-2023",
    Severity.ERROR,
    "An issue-based OJ reference (L … I, or L/C with an issue number) dated after 30 Sep 2023.",
    "The L…I and C…I series and numbered issues were discontinued with act-by-act "
    "publication on 1 October 2023; cite 'OJ L, YYYY/N, d.m.yyyy'.",
    bad="OJ L 410I, 7.12.2023, p. 13",
    good="OJ L, 2023/2131, 11.10.2023",
)
SERIES_BEFORE_1968 = Rule(
    "OJ103",
    "oj-series-before-1968",
    Severity.ERROR,
    "An OJ reference with an L or C series letter dated before 1968.",
    "The L and C series began on 1 January 1968; earlier issues are cited 'OJ 106, "
    "30.10.1962, p. 2553/62'.",
    bad="OJ L 106, 30.10.1962, p. 2553",
    good="OJ 106, 30.10.1962, p. 2553/62",
)
PADDED_DATE = Rule(
    "OJ104",
    "oj-zero-padded-date",
    Severity.INFO,
    "OJ dates are written d.m.yyyy without leading zeros.",
    "Interinstitutional Style Guide 3.1: '4.5.2016', not '04.05.2016'.",
    bad="OJ L 119, 04.05.2016, p. 1",
    good="OJ L 119, 4.5.2016, p. 1",
    fixable=True,
)
BAD_DATE = Rule(
    "OJ105",
    "oj-invalid-date",
    Severity.ERROR,
    "The OJ reference has an impossible date, or its number year differs from its date.",
    "The date is the date of publication; for act-by-act references it is in the year of the "
    "document number.",
    bad="OJ L, 2023/2131, 11.10.2024",
    good="OJ L, 2023/2131, 11.10.2023",
)
RULES: tuple[Rule, ...] = (
    PAGE_ON_ACT_BY_ACT,
    SPECIAL_ISSUE_AFTER_2023,
    SERIES_BEFORE_1968,
    PADDED_DATE,
    BAD_DATE,
)


def _mark(m: regex.Match[str]) -> str:
    raw: str = next(g for g in m.groups() if g)
    return raw.translate(_SUPERSCRIPTS)


def _year(m: regex.Match[str]) -> int:
    """The year of the date written; two figures (:data:`_SHORT_YEAR`) in the years of issues."""
    written = int(m.group("y"))
    if len(m.group("y")) == 2:
        return written + (1900 if written >= SERIES_START.year % 100 else 2000)
    return written


def _date(m: regex.Match[str]) -> datetime.date | None:
    if m.group("y") is None:
        return None
    name = m.group("mname")
    month = month_number(name) if name else int(m.group("m"))
    if month is None:
        return None
    try:
        return datetime.date(_year(m), month, int(m.group("d")))
    except ValueError:
        return None


class OJFamily:
    """Official Journal references, linked to the act they document."""

    name = "oj"
    triggers: tuple[str, ...] = tuple(n.lower() for n in _NAMES)
    anchors = (*(lit.lower() for lit in _OJ_LITERALS), *_CHAR_REFS)
    priority = 30
    #: read past a citation: its issue's name and page; the acts it links to (``scan_acts``)
    reach_after = max(PATTERN_HORIZON, _WINDOW_AFTER, ACTS_REACH_AFTER)
    rules: tuple[Rule, ...] = RULES
    #: a stream window runs it even without an OJ reference: the footnote markers of its acts
    #: are handed on to the reference that a later window holds
    hands_on = True

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        acts = scan_acts(doc)
        carry = doc.carry
        before = None if carry is None else carry.before.get(_CARRY_KEY)
        # footnote marker -> (act id, the date written with that act), as markers are met
        marks: dict[str, tuple[str, datetime.date | None]] = (
            dict(before) if isinstance(before, tuple) else {}
        )
        # where the next stream window starts: the markers met before it are handed on
        pending = None if carry is None else carry.next_start
        i = 0
        last_act = None

        def advance(to: int) -> None:
            nonlocal i, last_act
            while i < len(acts) and acts[i].end <= to:
                act = acts[i]
                mark = _FOOTNOTE_MARK_AFTER.match(text, act.end)
                if mark is not None:
                    key = _mark(mark)
                    marks.pop(key, None)
                    marks[key] = (act.id, _act_date(act.parts))
                    if len(marks) > MARKS_KEPT:
                        del marks[next(iter(marks))]
                last_act = act
                i += 1

        def hand_on(at: int) -> None:
            advance(at)
            if carry is not None:
                carry.after[_CARRY_KEY] = tuple(marks.items())

        refs = doc.has_any(_CHAR_REFS)
        pattern, continued, gap = (
            (_PATTERN_WITH_REFS, _CONTINUED_WITH_REFS, _LIST_GAP_WITH_REFS)
            if refs
            else (_PATTERN, _CONTINUED, _LIST_GAP)
        )
        listed: Citation | None = None  # the last issue read, for a list repeating the name
        hits = doc.hits(_OJ_LITERALS, exact=True)
        for m in matches_near(pattern, hits, text, before=_ACAD_REACH, after=_WINDOW_AFTER):
            if pending is not None and m.start() >= pending:
                hand_on(pending)
                pending = None
            advance(m.start())
            linked: tuple[str, datetime.date | None] | None = None
            opener = _FOOTNOTE_OPEN_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if opener is not None:
                linked = marks.get(_mark(opener))
            if (
                linked is None
                and last_act is not None
                and m.start() - last_act.end <= LINK_WINDOW
                and _SENTENCE_BREAK.search(text, last_act.end, m.start()) is None
            ):
                linked = (last_act.id, _act_date(last_act.parts))
            if _without_id(m) or unreadable_number(m.group()):
                continue
            act_id, act_date = linked if linked is not None else (None, None)
            in_list = listed is not None and gap.fullmatch(text, listed.end, m.start())
            first = self._citation(
                m,
                act_id,
                act_date=act_date,
                listed_after=bool(in_list),
            )
            yield first
            listed = first
            if not m.group("acad"):
                for more in self._continued(continued, text, m.end(), act_id, first, act_date):
                    yield more
                    listed = more
        if pending is not None:
            hand_on(pending)

    def _continued(
        self,
        continued: regex.Pattern[str],
        text: str,
        end: int,
        act_id: str | None,
        first: Citation,
        act_date: datetime.date | None,
    ) -> Iterator[Citation]:
        """The issues listed after a reference without the name (one pass: each starts where
        the previous ended); they document the same act."""
        before = first
        while (more := continued.match(text, end, min(len(text), end + _OJ_AFTER))) is not None:
            if unreadable_number(more.group()) or _undated_act_in_list(more, before):
                return
            style = next(s for s in ("old", "new", "court", "statute") if more.group(s))
            before = self._citation(
                more, act_id, more.start(style), act_date=act_date, listed_after=True
            )
            yield before
            end = more.end()

    def _citation(
        self,
        m: regex.Match[str],
        act_id: str | None,
        start: int | None = None,
        act_date: datetime.date | None = None,
        listed_after: bool = False,
    ) -> Citation:
        """``act_date``: the date written with the act documented, for a statute-style
        reference written without its year; ``listed_after``: an issue listed after another,
        whose year is never guessed."""
        notes: list[Finding] = []
        ambiguous = False
        date: datetime.date | None = None
        start, end = m.start() if start is None else start, m.end()
        style = m.groupdict()  # a continued issue has the "old" group only
        if style.get("new"):
            series, year, number = m.group("nseries"), int(m.group("nyear")), int(m.group("nno"))
            date = _date(m)
            oid = f"oj:{series}/{year}/{number}"
            parts = OJParts("act-by-act", series, year, None, number, date, *_pages(m))
            if m.group("p"):
                ps = m.start("p")
                cut = m.group(0).rfind(",", 0, ps - start) + start
                notes.append(
                    PAGE_ON_ACT_BY_ACT.finding(
                        "an act published from 1 October 2023 has no page in the OJ: drop "
                        f"{quoted(m.group(0)[cut - start :].lstrip(', '))}",
                        cut,
                        end,
                        id=oid,
                        fix=Fix(cut, end, "", "drop the page"),
                    )
                )
            if m.group("y") is not None and (date is None or date.year != year):
                notes.append(
                    BAD_DATE.finding(
                        f"the date does not fit the document number {year}/{number}: the act "
                        f"was published in {year}; check the date or the number",
                        start,
                        end,
                        id=oid,
                    )
                )
        elif style.get("court"):
            series, year = m.group("cseries"), int(m.group("cyear"))
            issue = m.group("cno") + (m.group("csub") or "")
            written_page = style["cp"] or style.get("cslash") or style.get("cbare")
            cpage = int(written_page) if written_page else None
            clast = int(m.group("cp2")) if m.group("cp2") else None
            oid = f"oj:{series}/{year}/{issue}" + (f"/p{cpage}" if cpage is not None else "")
            parts = OJParts("court", series, year, issue, None, None, cpage, clast)
        elif style.get("yslash"):
            # "ABl. L 119/2016, S. 1": the issue's year after a slash, where a page cannot be
            # (a page is never written as a year of the Journal's life)
            series, year = m.group("yseries"), int(m.group("yyear"))
            issue = m.group("yno") + (m.group("ysub") or "")
            ypage = int(m.group("yp")) if m.group("yp") else None
            ylast = int(m.group("yp2")) if m.group("yp2") else None
            oid = f"oj:{series}/{year}/{issue}" + (f"/p{ypage}" if ypage is not None else "")
            parts = OJParts("court", series, year, issue, None, None, ypage, ylast)
        elif style.get("statute"):
            series = m.group("sseries")
            issue = m.group("sno") + (m.group("ssub") or "")
            spage = int(style["sp"] or style.get("sbare") or style.get("sslash"))
            slast = int(m.group("sp2")) if m.group("sp2") else None
            # "ABl. L 157/49 vom 30.4.2004": the issue's own date gives its year
            issue_date = _date(m)
            if m.group("y") is not None:
                act_year: int | None = _year(m)
            elif listed_after:
                # a listed issue without its own year: a corrigendum or amendment is often of
                # a later year, so the one before's is no answer
                act_year = None
            else:
                act_year = _statute_year(int(m.group("sno")), act_date)
            ambiguous = act_year is None
            oid = f"oj:{series}/{'?' if act_year is None else act_year}/{issue}/p{spage}"
            parts = OJParts("statute", series, act_year, issue, None, issue_date, spage, slast)
            if m.group("y") is not None and issue_date is None:
                notes.append(
                    BAD_DATE.finding("the date does not exist; check it", start, end, id=oid)
                )
        elif style.get("acad"):
            series, year = m.group("aseries"), int(m.group("ayear"))
            issue = m.group("ano") + (m.group("asub") or "")
            apage = int(m.group("ap"))
            oid = f"oj:{series}/{year}/{issue}/p{apage}"
            parts = OJParts("academic", series, year, issue, None, None, apage, None)
        else:
            series = m.group("series")
            issue = m.group("no") + (m.group("sub") or m.group("presub") or "")
            date = _date(m)
            year = _year(m)
            page, last = _pages(m)
            prefix = f"{series}/" if series else ""
            oid = f"oj:{prefix}{year}/{issue}" + (f"/p{page}" if page is not None else "")
            parts = OJParts("issue", series, year, issue, None, date, page, last)
            if date is None:
                notes.append(
                    BAD_DATE.finding("the date does not exist; check it", start, end, id=oid)
                )
            elif date >= ACT_BY_ACT_START:
                notes.append(
                    SPECIAL_ISSUE_AFTER_2023.finding(
                        f"from 1 October 2023 the OJ has no issues or pages: cite the act as "
                        f"'OJ {series or 'L'}, YYYY/N, {date.day}.{date.month}.{date.year}' "
                        "with its document number",
                        start,
                        end,
                        id=oid,
                    )
                )
            if series and date is not None and date < SERIES_START:
                notes.append(
                    SERIES_BEFORE_1968.finding(
                        f"the OJ had no series {series} on {date.day}.{date.month}.{date.year} "
                        "(series L and C began in 1968): leave the series out",
                        start,
                        end,
                        id=oid,
                    )
                )
        # the legacy header's "18/07/2002" is EUR-Lex's own way, not the writer's
        dotted = m.group("m") is not None and m.string[m.end("d")] != "/"
        if dotted and (m.group("d").startswith("0") or m.group("m").startswith("0")):
            ds, de = m.start("d"), m.end("y")
            fixed = f"{int(m.group('d'))}.{int(m.group('m'))}.{m.group('y')}"
            notes.append(
                PADDED_DATE.finding(
                    f"write the date without leading zeros: {quoted(fixed)}",
                    ds,
                    de,
                    id=oid,
                    fix=Fix(ds, de, fixed, f"write {quoted(fixed)}"),
                )
            )
        parts = attrs.evolve(parts, act_id=act_id)
        return Citation(
            id=oid,
            kind=Kind.OJ,
            text=m.string[start:end],
            start=start,
            end=end,
            parts=parts,
            family=self.name,
            notes=tuple(notes),
            ambiguous=ambiguous,
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


def _act_date(parts: object) -> datetime.date | None:
    """The date written with an act, when it can be the act's: in the year of its number or
    the year before (``Regulation No 1/2003 of 16 December 2002``); ``Nr. 575/2013 ... vom
    28. Mai 2001`` is another act's date."""
    if not isinstance(parts, EUActParts) or parts.date is None:
        return None
    return parts.date if parts.year - 1 <= parts.date.year <= parts.year else None


def _statute_year(issue: int, act_date: datetime.date | None) -> int | None:
    """The year of an OJ issue cited without one (German statute style, ``ABl. L 16 S. 44``):
    the year of the act's date, as German drafting writes the year only when it differs; None
    where that cannot be, since issues are numbered from January on, well over one a day for
    every four: ``L 16`` cannot come out in 2003 after an act of 25 November 2003."""
    if act_date is None:
        return None
    day_of_year = act_date.timetuple().tm_yday
    return act_date.year if issue * 4 >= day_of_year else None


def _without_id(m: regex.Match[str]) -> bool:
    """An issue before the L and C series (``JO n° 129 du 28. 6. 1967, p. 2578/67``): ids name a
    series, and these issues have none, so the reference gets no id rather than a made-up one.
    From 1968 on every issue has its series, so one without (``Amtsbl. Nr. 12 vom 3.4.2005``,
    ``ABl. Nr. 12 vom 4.5.16``) is some other gazette's: no citation either. Nor the Journal's
    running page heading (:func:`_page_heading`)."""
    if m.group("statute"):
        return _page_heading(m)
    if m.group("new"):
        # an act's number without the date that makes it an act-by-act reference; before
        # October 2023 "L 2019/2033" names no issue, nor does one dated before then
        # ("ABl. vom 4.5.2016, L 2016/119")
        if m.group("nfirst") is not None:
            date = _date(m)
            return date is None or date < ACT_BY_ACT_START
        return _number_without_issue(m)
    return bool(m.group("old")) and not m.group("series")


def _undated_act_in_list(m: regex.Match[str], before: Citation) -> bool:
    """An act's number listed without its date where it may name no act published on its
    own: these began on 1 October 2023, so a number of 2023 (``ABl. L 176 S. 1; L 2023/5``)
    is one only after an item dated from then on; a number of 2024 on always is."""
    if _number_without_issue(m):
        return True
    if m.group("new") is None or m.group("y") is not None or int(m.group("nyear")) > 2023:
        return False
    parts = before.parts
    date = parts.date if isinstance(parts, OJParts) else None
    return date is None or date < ACT_BY_ACT_START


def _number_without_issue(m: regex.Match[str]) -> bool:
    """An act's number listed without its date (``L 2019/2033``): before October 2023 it names
    no issue; from then on (``ABl. L 2024/1689, L 2026/1744``) it is an act published on its
    own."""
    return (
        m.group("new") is not None
        and m.group("y") is None
        and int(m.group("nyear")) < ACT_BY_ACT_START.year
    )


def _page_heading(m: regex.Match[str]) -> bool:
    """The Journal's running page heading (``26.11.2019 / EN / Official Journal of the
    European Union / L 305/17``), where the text itself is printed, not a reference it makes:
    the name alone on its line and the issue and page alone on the next, or all on one line
    after the issue's date and the language's code (``4.5.2016 EN Official Journal of the
    European Union L 119/1``)."""
    if m.group("lname") is None or m.group("sslash") is None:
        return False
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    if text[m.end() : len(text) if line_end < 0 else line_end].strip():
        return False
    lead = text[line_start : m.start()]
    if _HEADING_LEAD.fullmatch(lead) is not None:
        return True
    return not lead.strip() and "\n" in text[m.end("lname") : m.start("sseries")]


def _pages(m: regex.Match[str]) -> tuple[int | None, int | None]:
    page = int(m.group("p")) if m.group("p") else None
    last = int(m.group("p2")) if m.group("p2") else None
    return page, last


FAMILY = OJFamily()
