"""Named human-rights and EU instruments with article and principle pinpoints.

``article 17 of the ICCPR``, ``articles 12 and 19 of the Universal Declaration of Human Rights``,
``Article 267 TFEU``, ``ICCPR, art. 17``, ``Guiding Principle 21``, ``commentary to Guiding
Principle 19``, and short references resolved from the text: ``article 17 of the Covenant``,
``articles 1 and 2 of the Declaration`` (the declaration named last), ``Principle 18`` once the
Guiding Principles are named, and a bare lower-case ``article 6 (b) and c)`` right after an
article citation of a named instrument (UN treaty style refers to the instrument under
discussion). One citation per mention, carrying all its pinpoints.

A bare mention of an instrument by its full name or an unambiguous abbreviation ("the ICCPR")
is a citation too, with an empty pinpoint: texts cite instruments that way, and a list of the
instruments a text relies on is useful. A bare short reference ("The Covenant also protects
...", words in the catalog's ``bare_short``) is found too; the short-form stage keeps it, as a
short form, only when exactly one instrument so called was cited by name shortly before. A
parenthesised abbreviation or short name that defines a name just cited ("... Human Rights
(UDHR)", '("the Covenant")') is not counted twice.

The catalog (names, abbreviations, article counts and their sources) is package data,
``citecheck/data/instruments.json``, loaded once. Treaty-style article lists (``article 5 (4)``,
``article 6 (b) and c)``, ``article 14, paragraphs 1 and 3 (d)``) are read by the reader below;
``, and in particular Article 16 thereof`` after a name by :mod:`citecheck.pinpoints.articles`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import regex

from citecheck import eu_words, knowledge, un_languages
from citecheck.families.base import PATTERN_HORIZON, Document, compile_pattern
from citecheck.lexicon import CHARACTERS, ENGLISH, alternation
from citecheck.model import NO_PINPOINT, Citation, Finding, Kind, Pinpoint, PinpointPart, Severity
from citecheck.patterns import lazy_compile, unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints.articles import THEREOF, parse_body
from citecheck.rules import Rule

ARTICLE_OUT_OF_RANGE = Rule(
    "IN101",
    "article-out-of-range",
    Severity.ERROR,
    "The cited article does not exist in the instrument.",
    "Each instrument has a fixed number of articles: the ICCPR "
    "has 53, the UDHR 30, the EU Charter 54. Inserted articles such as 'Article 8 bis' of the "
    "Rome Statute are accepted where they exist. Protocols are separate instruments: 'Article 1 "
    "of Protocol No. 1' is not checked against the ECHR.",
    bad="article 54 of the ICCPR",
    good="article 17 of the ICCPR",
)
PRINCIPLE_OUT_OF_RANGE = Rule(
    "IN102",
    "principle-out-of-range",
    Severity.ERROR,
    "The cited Guiding Principle does not exist (there are 31).",
    "The UN Guiding Principles on Business and Human Rights number 1 to 31 (A/HRC/17/31, "
    "annex). The 2010 draft used other numbers.",
    bad="Guiding Principle 32",
    good="Guiding Principle 31",
)
AMBIGUOUS_REFERENCE = Rule(
    "IN103",
    "ambiguous-instrument-reference",
    Severity.WARNING,
    "A short reference ('the Charter', 'the Covenant') was not named earlier in the text.",
    "'The Charter' may be the Charter of the United Nations or the EU Charter of Fundamental "
    "Rights; 'the Covenant' either International Covenant. Name the instrument in full at its "
    "first mention so readers (and citecheck) know which is meant.",
    bad="Article 55 of the Charter",
    good="Article 55 of the Charter of the United Nations",
)

RULES = (ARTICLE_OUT_OF_RANGE, PRINCIPLE_OUT_OF_RANGE, AMBIGUOUS_REFERENCE)


# --- the catalog --------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Instrument:
    """One catalog entry: names, short references and structure (last unit and its sources)."""

    slug: str
    name: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    bare_abbreviations: tuple[str, ...]
    short: tuple[str, ...]
    open_names: tuple[str, ...]
    unit: str
    count: int
    extra: tuple[str, ...]
    sources: tuple[str, ...]
    #: language -> {"names"|"abbreviations"|"short": words} ("TFUE", "AEUV", "Charte")
    languages: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(factory=dict)

    @property
    def label(self) -> str:
        return self.abbreviations[0] if self.abbreviations else self.name


@attrs.frozen(slots=True)
class Catalog:
    instruments: dict[str, Instrument]
    sources: dict[str, str]


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Lookup key of a name as written: lower case, single spaces, no leading 'the'.

    Cached: texts write the same few names and short names again and again."""
    key = " ".join(text.split()).lower().replace("\u2019", "'")
    return key[4:] if key.startswith("the ") else key


def _by_language(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    """The names of ``key`` in every language (``{"fr": [...], "es": [...]}``), in order."""
    return tuple(n for names in dict(entry.get(key, {})).values() for n in names)


@functools.cache
def catalog() -> Catalog:
    """The instrument catalog shipped as package data, loaded once."""
    raw: dict[str, Any] = knowledge.load("instruments.json")
    instruments: dict[str, Instrument] = {}
    for entry in raw["instruments"]:
        structure = entry["structure"]
        instruments[entry["slug"]] = Instrument(
            slug=entry["slug"],
            name=entry["name"],
            names=tuple(entry["names"]) + _by_language(entry, "names_by_language"),
            abbreviations=tuple(entry["abbreviations"])
            + _by_language(entry, "abbreviations_by_language"),
            bare_abbreviations=tuple(entry["bare_abbreviations"])
            + _by_language(entry, "bare_abbreviations_by_language"),
            short=tuple(entry["short"]) + _by_language(entry, "short_by_language"),
            open_names=tuple(entry.get("open_names", ())),
            unit=structure["unit"],
            count=int(structure["count"]),
            extra=tuple(structure["extra"]),
            sources=tuple(structure["sources"]),
            languages={
                lang: {key: tuple(words) for key, words in block.items()}
                for lang, block in entry.get("languages", {}).items()
            },
        )
    return Catalog(instruments, dict(raw["sources"]))


# --- patterns built from the catalog --------------------------------------------------------

_H = r"[ \u00a0\u202f]"
_QUALIFIER = r"(?!\s{1,3}(?:on|of|for|against|relating|to|between)\b)"


def _words(name: str) -> str:
    """A name as a pattern: its words joined by up to three spaces or line breaks, or by a
    line break and the indentation of the next line."""
    return CHARACTERS.word_gap.join(regex.escape(w, special_only=True) for w in name.split())


def _catalog_names(cat: Catalog) -> list[tuple[str, bool]]:
    """Every full name of the catalog, and whether it is open (a qualifier must not follow)."""
    return [(n, n in inst.open_names) for inst in cat.instruments.values() for n in inst.names]


def _name_guard(names: list[tuple[str, bool]]) -> str:
    """What a name must begin with: the first word of one, as written or in capitals, and a
    space. A cheap guard on the first word keeps the long alternation off most positions."""
    firsts = {n.split()[0] for n, _ in names}
    firsts |= {f.upper() for f in firsts}
    ordered = sorted(firsts, key=len, reverse=True)
    return r"(?<![\w])(?=(?:" + "|".join(regex.escape(f) for f in ordered) + r")\s)"


def _name_alternation(names: list[tuple[str, bool]]) -> str:
    # A footnote marker may be glued on: "... Political Rights3 as well".
    return (
        _name_guard(names)
        + r"(?i:"
        + _name_tree(names)
        + r")(?![^\W\d])(?!\d{1,3}+\w)(?!\d{4})"
    )


class _NameNode:
    """A word of the names' prefix tree: the words that may follow it, and whether a name
    ends there (``open`` when every name ending there is open: a qualifier must not follow)."""

    __slots__ = ("ends", "next", "open", "word")

    def __init__(self, word: str) -> None:
        self.word = word
        self.next: dict[str, _NameNode] = {}
        self.ends = False
        self.open = True


def _name_tree(names: list[tuple[str, bool]]) -> str:
    """The names (case-insensitive) as a prefix tree of words.

    Why: tried one after the other, a hundred names cost the grammar most of its time at
    every "article 6 of the"; a tree reads each word once. It matches what the alternation
    longest first matched: where two names match at one place, one is the other with more
    words (the tree tries going on first) or with a longer last word (siblings are tried
    longest first), and a name is followed by a qualifier only where it ends."""
    root = _NameNode("")
    for name, is_open in names:
        node = root
        for word in name.split():
            node = node.next.setdefault(word.lower(), _NameNode(word))
        node.ends = True
        node.open = node.open and is_open

    def longest_first(node: _NameNode) -> list[_NameNode]:
        return [child for _key, child in sorted(node.next.items(), key=_longer_first)]

    def emit(node: _NameNode) -> str:
        branches = [emit(child) for child in longest_first(node)]
        word: str = regex.escape(node.word, special_only=True)
        if not branches:
            return word + (_QUALIFIER if node.open else "")
        going_on = CHARACTERS.word_gap + "(?:" + "|".join(branches) + ")"
        if not node.ends:
            return word + going_on
        if node.open:
            return word + "(?:" + going_on + "|" + _QUALIFIER + ")"
        return word + "(?:" + going_on + ")?"

    return "|".join(emit(child) for child in longest_first(root))


def _longer_first(item: tuple[str, _NameNode]) -> tuple[int, str]:
    return -len(item[0]), item[0]


def _abbr_alternation(abbrs: set[str]) -> str:
    ordered = sorted(abbrs, key=lambda a: -len(a))
    return r"(?<![\w/])(?:" + "|".join(_words(a) for a in ordered) + r")(?![\w/\u2011-])"


def _short_alternation(cat: Catalog) -> str:
    shorts = {s for inst in cat.instruments.values() for s in inst.short}
    ordered = sorted(shorts, key=lambda s: -len(s))
    others = un_languages.spaced(un_languages.other_instrument_words())
    another = rf"(?!\s{{1,3}}(?i:{others})(?!\w))" if others else ""
    return r"(?:" + "|".join(_words(s) for s in ordered) + r")(?![\w])" + _QUALIFIER + another


_CAT = catalog()
_NAMES = _name_alternation(_catalog_names(_CAT))


def _name_start(names: list[tuple[str, bool]]) -> str:
    """What a name read by :data:`_NAMES` begins with: its guard, and its first two words
    (in any case) with the gap between them, or its only word."""
    heads = {tuple(regex.escape(w, special_only=True) for w in n.split()[:2]) for n, _ in names}
    alternatives = sorted(CHARACTERS.word_gap.join(words) for words in heads)
    return _name_guard(names) + r"(?i:" + "|".join(alternatives) + r")"


#: where no name can begin, the grammar is tried without them (:func:`_match_at`)
_NAME_START = compile_pattern(_name_start(_catalog_names(_CAT)))
_NO_NAME = "(?!)"
_ABBRS = _abbr_alternation({a for i in _CAT.instruments.values() for a in i.abbreviations})
_BARE_ABBRS = _abbr_alternation(
    {a for i in _CAT.instruments.values() for a in i.bare_abbreviations}
)
_SHORTS = _short_alternation(_CAT)
#: Short references that cite an instrument on their own ("The Guiding Principles also ...").
_BARE_SHORTS = (
    r"(?:"
    + "|".join(
        _words(w)
        for w in sorted(knowledge.load("instruments.json")["bare_short"]["words"], key=len)[::-1]
    )
    + r")"
)
#: "the Convention against Torture Initiative", "the ICESCR Committee": a name or acronym
#: followed by one of these names a body or an initiative, not the instrument.
_BODY_AFTER = lazy_compile(
    rf"{_H}{{1,3}}(?:"
    + "|".join(regex.escape(w) for w in knowledge.load("instruments.json")["body_words"]["words"])
    + r")(?![\w])"
)
# "(the 'Covenant')", "(hereinafter 'the Covenant')": the definition of the short name.
_DEFINES_SHORT = regex.compile(
    r"""\(\s{0,2}(?:(?:hereinafter|hereafter)(?:\s{1,3}(?:referred\s{1,3}to\s{1,3}as|called))?
    \s{1,3})?[\u2018'\u201c"]?(?:the|The|these|These)\s{1,3}\Z""",
    regex.VERBOSE,
)

_NAME_KEYS: dict[str, str] = {
    _key(n): inst.slug for inst in _CAT.instruments.values() for n in (*inst.names, inst.name)
}
_ABBR_KEYS: dict[str, str] = {
    a: inst.slug for inst in _CAT.instruments.values() for a in inst.abbreviations
}
_SHORT_KEYS: dict[str, tuple[str, ...]] = {}
for _inst in _CAT.instruments.values():
    for _s in _inst.short:
        _SHORT_KEYS[_key(_s)] = (*_SHORT_KEYS.get(_key(_s), ()), _inst.slug)


#: each instrument's short names, as keys
_SHORT_KEYS_OF = {inst.slug: tuple(map(_key, inst.short)) for inst in _CAT.instruments.values()}


def instruments_called(short: str) -> tuple[str, ...]:
    """The slugs of every instrument a short name ("Convention") may stand for."""
    return tuple(dict.fromkeys(_SHORT_KEYS.get(_key(short), ())))


# Short references that name a protocol: only meant as that protocol when its parent
# instrument is the one the text named last.
_CONTEXT_SHORTS: dict[str, tuple[str, ...]] = {
    "optional protocol": ("iccpr", "iccpr-op1"),
    "first optional protocol": ("iccpr", "iccpr-op1"),
    "protocol no. 1": ("echr", "echr-p1"),
    "protocol no 1": ("echr", "echr-p1"),
}

# Article numbers, sub-divisions, lists and ranges, in treaty and EU style.
# "article 19, paragraph 3" and "art. 19, para. 3": the paragraph of an article (treaty style).
_PARA_WORD = un_languages.pinpoint_lexicon().unit_pattern("para")
# "(b)", and French/Spanish "b)": letters close with ")" only ("article 14, par. 3 b)")
_SUBDIV = (
    r"(?:" + _H + r"?\(" + _H + r"?(?:\d{1,2}|[a-z]{1,2}|[ivx]{1,5})" + _H + r"?\)"
    r"|" + _H + r"(?:[a-z]|[ivx]{1,5})\)(?![\w(]))"
)
_ANUM = r"\d{1,3}(?![\d/])(?:" + _H + r"?(?:bis|ter|quater)(?![\w]))?"
_AITEM = (
    _ANUM
    + _SUBDIV
    + r"{0,4}(?:"
    + _H
    + r"{0,2},"
    + _H
    + r"{0,2}"
    + _PARA_WORD
    + _H
    + r"{0,2}\d{1,2}(?!\d)"
    + _SUBDIV
    + r"{0,2}"
    # UN French "article 5 (par. 4)", "article 14 (par. 3 b))": the paragraph in brackets
    + r"|"
    + _H
    + r"?\("
    + _H
    + r"?"
    + _PARA_WORD
    + _H
    + r"{0,2}\d{1,2}(?!\d)"
    + _SUBDIV
    + r"{0,2}"
    + _H
    + r"?\))?"
)
_SUBONLY = r"(?:\(" + _H + r"?(?:\d{1,2}|[a-z]{1,2})" + _H + r"?\)|(?<![\w])[a-z]\))"
_LIST_WORDS = un_languages.pinpoint_lexicon().list_pattern
_LSEP = (
    rf"(?:{_H}{{0,2}},{_H}{{0,2}}(?:{_LIST_WORDS}{_H}{{1,3}})?"
    rf"|\s{{1,3}}(?:{_LIST_WORDS}|{un_languages.pinpoint_lexicon().range_pattern})\s{{1,3}}"
    rf"|{_H}{{0,2}}[{regex.escape(CHARACTERS.range_dashes)}]{_H}{{0,2}})"
)
_ALIST = _AITEM + r"(?:" + _LSEP + r"(?:" + _AITEM + r"|" + _SUBONLY + r")){0,20}"
_PNUM = r"\d{1,2}(?!\d)(?:" + _H + r"?\([a-z]{1,2}\))?"
_PLIST = _PNUM + r"(?:" + _LSEP + _PNUM + r"){0,10}"

def _ref(names: str, *, plural: bool = False) -> str:
    """What may follow an article or principle list: "of the" and an instrument (``names``
    the alternation of its full names), or another source. ``plural``: the instrument's name
    may be plural ("principe 31 des Principes directeurs", "de los Principios Rectores")."""
    plural_of = r"(?:des|de\s{1,3}l[oa]s)\s{1,3}|" if plural else ""
    return rf"""
    (?P<ref>
        # "of the" may end a line padded with spaces (PDF text)
        {_H}{{0,3}},?\s{{1,3}}(?:(?:of|under)\s{{1,3}}(?:the\s{{1,20}})?
            |{plural_of}(?:du|de\s{{1,3}}la|del|de)\s{{1,3}}|de\s{{1,3}}l['’])
        (?:(?P<rname>{names})(?:{_H}{{0,2}}\((?P<rparen>{_ABBRS})\))?
          |(?P<rabbr>{_ABBRS})
          |(?P<rshort>{_SHORTS})
          |(?P<rother>(?=\S)))
    )
"""


_REF = _ref(_NAMES)
_DIRECT = rf"(?P<direct>{_H}{{1,3}}(?P<dname>{_ABBRS}|Rome\s{{1,3}}Statute(?![\w])))"


#: The words the grammar's article and principle shapes begin with, in every case it accepts.
_ART_WORDS = frozenset(
    {"Article", "Articles", "article", "articles", "ARTICLE", "ARTICLES"}
    | {"Art.", "art.", "Arts.", "arts."}
    | {"Artículo", "Artículos", "artículo", "artículos", "ARTÍCULO", "ARTÍCULOS"}
)
#: "Principle", French "principe", Spanish "principio", singular and plural, either case.
_PRINCIPLE_WORDS = frozenset(
    w
    for stem in ("Principle", "Principe", "Principio")
    for w in (stem, stem + "s", stem.lower(), stem.lower() + "s")
)
_PRINCIPLE_WORD = r"[Pp]rincip(?:les?|es?|ios?)"
#: The kinds of instrument the grammar's ``unknown`` shape reads ("Convention on the ..."),
#: and the ``Guiding Principles`` its ``gp`` shape reads.
_KIND_WORDS = ("Convention", "Covenant", "Charter", "Declaration", "Statute", "Protocol")


#: The kinds of instrument whose other treaties are often named by a word before the kind
#: ("the Istanbul Convention"), and, for each, the words that never make such a name:
#: determiners and prepositions (the lexicon's), and every capitalised word of a catalog name
#: holding the kind ("International Convention", "Torture Convention", "United Nations
#: Charter"). "Covenant" is none: other covenants are rare in these texts, and a slip
#: ("Athe Covenant") would cancel the ICCPR or ICESCR named before.
_OTHER_KINDS = ENGLISH.other_treaty_kinds
_NOT_NAMES = ENGLISH.not_treaty_names


def _not_other(kind: str) -> str:
    words = {
        word.strip("(),")
        for instrument in catalog().instruments.values()
        for name in (*instrument.names, *instrument.short, *instrument.abbreviations)
        if kind in name.split()
        for word in name.split()
        if word[:1].isupper()
    }
    return "|".join(regex.escape(w) for w in sorted({*words, *_NOT_NAMES}, key=len, reverse=True))


#: An ILO convention's number in its title form: "No. 143", "No.143", "C143", "C 143".
_ILO_NUMBER = rf"(?:No\.?{_H}{{0,2}}|C{_H}?)\d{{1,3}}(?![\w])"
#: The word before the year of an ILO title: " of 1975" (as ", 1975").
_ILO_OF = rf"{_H}{{1,3}}{alternation(ENGLISH.part_of_words)}{_H}{{1,3}}"
#: The year of an ILO title: ", 1975", " of 1975".
_ILO_YEAR = rf"(?:,?{_H}{{1,3}}|{_ILO_OF})(?:19|20)\d\d"

_OTHER_NAMED = "|".join(
    rf"(?<=(?<![\w])(?:(?:19|20)\d\d|(?!(?:{_not_other(kind)})\s)"
    rf"[A-Z][\w'’-]*)\s{{1,3}}"
    # "the Domestic Workers Convention": a word of a catalog name ("Workers") after one
    # that is in none ("Domestic") names another treaty too; "the Migrant Workers
    # Convention" (every word a catalog name's) is the catalog's
    rf"(?:(?:{_not_other(kind)})\s{{1,3}}){{0,2}})"
    rf"(?P<named_head>{kind})(?![\w])"
    for kind in _OTHER_KINDS
    # "Convention No. 169": an ILO convention (the ILO numbers them past 100); "Migrant
    # Workers Convention, 1975 (No. 143)", "... Convention of 1975 (No. 143)", "... Convention,
    # 1975 (C143)", "... Convention (C143)": the ILO's title form (year, number in brackets),
    # whatever the words before it
) + (
    rf"|(?P<named_head>Convention)(?=\s{{1,3}}No\.?{_H}{{0,2}}\d{{3}}(?![\w]))"
    rf"|(?P<named_head>Convention)(?={_ILO_YEAR}{_H}{{0,3}}\({_ILO_NUMBER}\))"
    rf"|(?P<named_head>Convention)(?={_H}{{1,3}}\(C{_H}?\d{{1,3}}\))"
)


def _shapes(names: str, ref: str) -> tuple[tuple[str, str], ...]:
    """The shapes of the grammar, in the order it tries them: (name, pattern), with ``names``
    the alternation of the full names a match may begin with, ``ref`` what may follow a list."""
    return (
        (
            "comm",
            rf"""
(?P<comm>
    (?<![\w])[Cc]ommentary\s{{1,3}}(?:to|on|of)\s{{1,3}}(?:the\s{{1,3}})?
    (?P<comm_gp>Guiding\s{{1,3}})?[Pp]rinciple\s{{1,3}}(?P<comm_list>{_PLIST})
    (?:{ref})?
)
""",
        ),
        (
            "gp",
            rf"""
(?P<gp>
    # "Guiding Principle 11", and in notes "Guiding Principles, principle 11".
    (?<![\w])Guiding\s{{1,3}}Principles?(?:{_H}{{0,2}},{_H}{{0,2}}[Pp]rinciples?)?
    \s{{1,3}}(?P<gp_list>{_PLIST})
)
""",
        ),
        (
            "pr",
            rf"""
(?P<pr>
    (?<![\w])(?P<pr_word>{_PRINCIPLE_WORD})\s{{1,3}}(?P<pr_list>{_PLIST})
    (?:{_ref(names, plural=True)}|{_DIRECT})?
)
""",
        ),
        (
            "art",
            rf"""
(?P<art>
    (?<![\w])
    # "the arts." is a noun ending a sentence; "arts." never reaches across a line
    # break to the next paragraph number.
    (?:(?P<art_word>[Aa]rticles?|ARTICLES?|[Aa]rtículos?)\s{{0,3}}
      |(?<!\b[Tt]he\s{{1,3}})(?P<art_word>[Aa]rts?\.){_H}{{0,3}})
    (?P<art_list>{_ALIST})
    (?:{ref}|{_DIRECT})?
)
""",
        ),
        (
            "nf",
            rf"""
(?P<nf>
    (?:(?P<nf_ref>{names}|{_ABBRS}
        # "Guiding Principles, principle 11": the short name with a principle is a
        # citation of the Guiding Principles (checked against the last one named)
        |(?P<nf_gp>Guiding\s{{1,3}}Principles)(?={_H}{{0,2}},?{_H}{{0,2}}(?i:principle|commentary)))
      # "Covenant on Civil and Political Rights (ICCPR), art. 19": defined, then cited
      (?:{_H}{{0,2}}\({_H}?{_ABBRS}{_H}?\))?
      # "Guiding Principles ...: Implementing the ... Framework (A/HRC/17/31), principle
      # 11": a subtitle and a parenthesis (a symbol, an abbreviation) before the pinpoint
      (?P<nf_sub>:{_H}{{1,3}}[A-Z][^():;\n]{{0,150}}?)?
      (?P<nf_paren>{_H}{{0,2}}\([^()\n]{{1,40}}\))?
      {_H}{{0,2}},?
      # "le Pacte, art. 14": a short name, then its article after a comma
     |(?P<nf_short>{_SHORTS}){_H}{{0,2}},)
    {_H}{{0,2}}
    (?:(?:arts?\.|articles?|art[íi]culos?){_H}{{0,3}}(?P<nf_list>{_ALIST})
      |[Pp]rinciples?{_H}{{0,3}}(?P<nf_plist>{_PLIST})
        (?P<nf_and_comm>\s{{1,3}}and\s{{1,3}}(?:its\s{{1,3}}|the\s{{1,3}})?commentary)?
      |[Cc]ommentary\s{{1,3}}(?:to|on)\s{{1,3}}[Pp]rinciples?{_H}{{0,3}}
        (?P<nf_clist>{_PLIST}))
    # "Name, article 33 of the Convention" cites the instrument after "of", not Name.
    (?!{_H}{{0,3}},?\s{{1,3}}(?:of|under)\s)
)
""",
        ),
        (
            "bare",
            rf"""
(?P<bare>{names}|{_BARE_ABBRS})(?:{THEREOF})?
""",
        ),
        (
            "unknown",
            rf"""
(?P<unknown>
    (?<![\w])(?P<unknown_head>{"|".join(_KIND_WORDS)}|Guiding\s{{1,3}}Principles)
    \s{{1,3}}
    # Another instrument has a capitalised name: "the Covenant on the basis of sex"
    # is prose about the Covenant already named, and must not unset it.
    (?:(?:on|of|for|against|relating\s{{1,3}}to)\s{{1,3}}(?:the\s{{1,3}})?(?=[A-Z])
      |No\.?{_H}{{0,2}}\d{{1,2}}(?![\w]))
  # "the Istanbul Convention", "the 1951 Refugee Convention", "the European Social Charter":
  # a capitalised word or a year before the kind word, which no catalog name of that kind
  # has there ("the Torture Convention" may still be the catalog's).
  |(?P<unknown_named>{_OTHER_NAMED})
)
""",
        ),
        (
            "sbare",
            rf"""
(?P<sbare>
    # "The Guiding Principles also require": the instrument of that kind named
    # before; not another instrument's name going on ("the Charter Review", "the
    # Convention No. 87", "the Covenant on ...").
    (?<=(?<![\w])(?:[Tt]he|[Tt]hese)\s{{1,3}})(?P<sbare_key>{_BARE_SHORTS})(?![\w])
    {_QUALIFIER}(?!{_H}{{1,3}}(?:[A-Z]\w|No\b|\d))
)
""",
        ),
    )


_SHAPES = _shapes(_NAMES, _REF)


#: a named group of a shape's pattern
_GROUP_NAME = regex.compile(r"\(\?P<(\w+)>")


@functools.cache
def _pattern(shapes: frozenset[str] | None = None, names: bool = True) -> regex.Pattern[str]:
    """The instrument grammar, compiled on first use: 38 KB of alternations cost ~0.1 s.

    With ``shapes``, only those shapes, in the same order: what the whole grammar matches
    where no other shape can. The other shapes' groups are there, never set, so a match
    reads as one of the whole grammar. Without ``names``, no full name is read (the groups
    that hold one are never set): what the whole grammar matches where no name can begin
    (:func:`_match_at`). Why: the engine's cost to start a match grows with the pattern
    (each repeat of each name), whatever the text."""
    source_shapes = _SHAPES if names else _shapes(_NO_NAME, _ref(_NO_NAME))
    pieces, groups, missing = [], set(), []
    for name, source in source_shapes:
        if shapes is None or name in shapes:
            pieces.append(source)
            groups.update(_GROUP_NAME.findall(source))
        else:
            missing.extend(_GROUP_NAME.findall(source))
    absent = [g for g in dict.fromkeys(missing) if g not in groups]
    if absent:
        pieces.append("(?!)" + "".join(f"(?P<{g}>)" for g in absent) + "\n")
    # Every shape starts a word; this guard lets the engine skip most positions at once.
    return compile_pattern(r"(?<![\w])(?:" + "|".join(pieces) + ")")


#: (the first word as the grammar accepts it, in every case it accepts, the words after it)
_Phrase = tuple[frozenset[str], tuple[str, ...]]


def _phrases(cat: Catalog) -> tuple[_Phrase, ...]:
    """Everything but an article or principle list that a match can begin with: full names
    (their first word as written or in capitals, as the grammar's guard accepts them),
    abbreviations and short names (as written), and the heads of the other shapes.

    The checks of what follows a start word are read from it; the start words themselves
    from :func:`_shape_heads`, from the same catalog fields (``tests/test_instrument_starts.py``
    checks that every match of the grammar begins at a start word)."""
    phrases: set[_Phrase] = {
        (frozenset({"Commentary", "commentary"}), ()),
        (frozenset({"Guiding"}), ("Principle",)),
        *((frozenset({head}), ()) for head in _KIND_WORDS),
    }
    for inst in cat.instruments.values():
        for name in inst.names:
            first, *rest = name.split()
            phrases.add((frozenset({first, first.upper()}), tuple(rest)))
        # an abbreviation is one token however many words it has ("HRD Declaration")
        phrases.update(
            (frozenset({a}), ()) for a in (*inst.abbreviations, *inst.bare_abbreviations)
        )
        for phrase in inst.short:
            first, *rest = phrase.split()
            phrases.add((frozenset({first}), tuple(rest)))
    for phrase in knowledge.load("instruments.json")["bare_short"]["words"]:
        first, *rest = phrase.split()
        phrases.add((frozenset({first}), tuple(rest)))
    return tuple(sorted(phrases, key=lambda p: (sorted(p[0]), p[1])))


def _shape_heads(cat: Catalog) -> dict[str, frozenset[str]]:
    """Each shape of the grammar (:data:`_SHAPES`) -> the words a match of it begins with,
    in every case the grammar accepts: the first word of a name as written or in capitals
    (the names' guard), an abbreviation whole, the first word of a short name as written."""
    names = {w for i in cat.instruments.values() for n in i.names for w in _first_forms(n)}
    abbreviations = {a for i in cat.instruments.values() for a in i.abbreviations}
    bare_abbreviations = {a for i in cat.instruments.values() for a in i.bare_abbreviations}
    shorts = {s.split()[0] for i in cat.instruments.values() for s in i.short}
    bare_shorts = {w.split()[0] for w in knowledge.load("instruments.json")["bare_short"]["words"]}
    heads = {
        "comm": {"Commentary", "commentary"},
        "gp": {"Guiding"},
        "pr": set(_PRINCIPLE_WORDS),
        "art": set(_ART_WORDS),
        "nf": names | abbreviations | shorts | {"Guiding"},
        "bare": names | bare_abbreviations,
        "unknown": {*_KIND_WORDS, "Guiding"},
        "sbare": bare_shorts,
    }
    return {shape: frozenset(words) for shape, words in heads.items()}


def _first_forms(name: str) -> tuple[str, str]:
    first = name.split()[0]
    return first, first.upper()


# Candidate starts, found by the one anchor pass (:mod:`citecheck.anchors`); the full pattern
# is then matched anchored at each candidate that lies after the previous match (one
# left-to-right pass in all). Start words of every language: English, French and Spanish.
_PHRASES = _phrases(_CAT)
_SHAPE_HEADS = _shape_heads(_CAT)
#: the start words as written (their case matters), and lower-cased for the anchor pass
_ALL_START_WORDS = tuple(sorted(frozenset().union(*_SHAPE_HEADS.values())))
_START_ANCHORS = tuple(sorted({w.lower() for w in _ALL_START_WORDS}))


def _start_positions(doc: Document) -> Iterator[int]:
    """Offsets where a start word (exact case) begins a word, in order, each once."""
    return (start for start, _word in _start_hits(doc))


def _start_hits(doc: Document) -> Iterator[tuple[int, str]]:
    """(offset, start word) where a start word (exact case) begins a word, in order, each once.

    As a scan for the longest start word from left to right would find them: a word found
    inside a longer one found before it is skipped."""
    text = doc.text
    hits = doc.hits(_ALL_START_WORDS, exact=True)
    last_end = 0
    for i, (start, end) in enumerate(hits):
        if start < last_end or (i + 1 < len(hits) and hits[i + 1][0] == start):
            continue  # inside the word before, or a longer word starts here too
        last_end = end
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        yield start, text[start:end]


# Most start words found in a text begin no citation: "International" of "International
# Organization", "articles" of prose, "European" of "European Commission". The grammar, 38 KB of
# alternations, costs about 20 us to fail at each. A start word that can only begin an article
# or principle list, or an instrument's full name, is first checked with a small pattern of what
# must follow it: a number, or the second word of a name that begins with it. The check only
# rejects positions where no shape of the grammar can match, so the matches stay the same.
_SP = r"[\s\u00a0\u202f]"
#: what must follow at the position where the grammar's article shape starts
_ART_NEXT = rf"(?:[Aa]rticles?|ARTICLES?|[Aa]rt[íi]culos?|ART[ÍI]CULOS?|[Aa]rts?\.){_SP}{{0,3}}\d"
_WORD_CHAR = regex.compile(r"\w")
_START_WORD_SET = frozenset(_ALL_START_WORDS)
_PRINCIPLE_NEXT = rf"{_PRINCIPLE_WORD}\s{{1,3}}\d"


def _precheck_source(word: str, phrases: tuple[_Phrase, ...]) -> str | None:
    """A pattern that every match of the grammar beginning at the start word ``word`` also
    matches there, or None where the grammar must always be tried.

    ``word`` is the longest start word at its offset, and every shape ends its first word
    with a space or a word boundary. So a phrase can only match there if its first word is
    ``word`` (any case), or a prefix of it that ends before a non-word character; not if its
    first word is longer and, in every case the grammar accepts, a start word itself (it
    would then be the longest start word there)."""
    low = word.lower()
    if len(low) != len(word):
        return None
    alternatives = []
    if word in _ART_WORDS:
        alternatives.append(_ART_NEXT)
    if word in _PRINCIPLE_WORDS:
        alternatives.append(_PRINCIPLE_NEXT)
    nexts = set()
    for forms, rest in phrases:
        head = next(iter(forms)).lower()
        if head == low and rest:
            # the next two words, the last cut short: enough to reject most positions
            words = (*rest[:1], rest[1][:4]) if len(rest) > 1 else (rest[0][:4],)
            nexts.add(r"\s{1,3}".join(regex.escape(w, special_only=True) for w in words))
        elif head == low:
            return None  # a one-word phrase: the grammar decides
        elif low.startswith(head) and _WORD_CHAR.match(word, len(head)):
            continue  # "EU" cannot match inside "European"
        elif head.startswith(low) and forms <= _START_WORD_SET:
            continue  # "EUCFR" would be the start word here, not "EU"
        elif head.startswith(low) or low.startswith(head):
            return None
    if nexts:
        alternatives.append(
            r"(?i:"
            + regex.escape(word, special_only=True)
            + r"\s{1,3}(?:"
            + "|".join(sorted(nexts))
            + r"))"
        )
    if not alternatives:
        return None
    return "|".join(alternatives)


@functools.cache
def _prechecks() -> dict[str, regex.Pattern[str]]:
    """start word -> the small pattern checked before the grammar (see above), built once."""
    checks = {}
    for word in _ALL_START_WORDS:
        source = _precheck_source(word, _PHRASES)
        if source is not None:
            checks[word] = regex.compile(source)
    return checks


#: Shapes compiled together: each grammar costs a compile once (the names make it long),
#: so the shapes that begin with a name share one.
_SHAPE_GROUPS = (
    frozenset({"comm"}),
    frozenset({"pr"}),
    frozenset({"art"}),
    frozenset({"gp", "nf", "bare", "unknown", "sbare"}),
)


# Words that tell which instrument a short name nobody named means: "the Charter" in a text
# about the European Union, "the Covenant" in one about civil and political rights.
_EU_WORDS = ("european union", "tfeu")
_ICCPR_WORDS = ("civil and political", "ccpr")
_ICESCR_WORDS = ("economic, social and cultural", "cescr")


@functools.cache
def _grammar_at(word: str, names: bool = True) -> regex.Pattern[str]:
    """The grammar with the shapes that can match where ``word`` is the longest start word:
    those with a head that ``word`` begins with (every head is a start word, so a match
    that begins with one begins with the longest start word there), and the shapes
    compiled with them; without ``names``, with no full name in them (:func:`_match_at`)."""
    shapes = {shape for shape, heads in _SHAPE_HEADS.items() if word.startswith(tuple(heads))}
    return _pattern(
        frozenset().union(*(group for group in _SHAPE_GROUPS if group & shapes)), names
    )


def _match_at(text: str, start: int, word: str) -> regex.Match[str] | None:
    """``_grammar_at(word).match(text, start)``, the names left out where none can be read.

    A full name is read at the start (the ``nf`` and ``bare`` shapes) or after an article
    or principle list ("of the", ``ref``). Where none can be read at the start (of the
    names ``word`` can begin, :func:`_names_from`), the grammar without names goes as the
    whole one would up to the reference; where that reads its reference (another source,
    an abbreviation, a short name) where no name begins either (:func:`_name_start`), or
    none (there was only space where the whole grammar would have tried a name), the match
    is the whole grammar's. Otherwise the whole grammar is tried."""
    names = _names_from(word)
    if names is None or names.match(text, start) is None:
        m = _grammar_at(word, names=False).match(text, start)
        if m is None or m.group("ref") is None:
            return m
        read = next(g for g in ("rabbr", "rshort", "rother") if m.group(g) is not None)
        if _NAME_START.match(text, m.start(read)) is None:
            return m
    return _grammar_at(word).match(text, start)


#: the first words of the names as the names' guard accepts them (as written, in capitals)
_NAME_FIRST_FORMS = tuple(
    sorted({form for name, _open in _catalog_names(_CAT) for form in _first_forms(name)})
)


@functools.cache
def _names_from(word: str) -> regex.Pattern[str] | None:
    """The names that can be read where ``word`` is the longest start word (None: none).

    The guard wants a first word of a name, as written or in capitals, then a space: a
    start word, so ``word`` begins with it; the names read there (in any case) are those
    with that first word. Compiled once per first word, a fraction of all the names."""
    firsts = frozenset(form.lower() for form in _NAME_FIRST_FORMS if word.startswith(form))
    return _names_beginning(firsts) if firsts else None


@functools.cache
def _names_beginning(firsts: frozenset[str]) -> regex.Pattern[str]:
    """:data:`_NAMES` with only the names whose first word (lower-cased) is one of ``firsts``."""
    names = [n for n in _catalog_names(_CAT) if n[0].split()[0].lower() in firsts]
    return compile_pattern(_name_alternation(names))


# Pieces of an article list: an item, a bare sub-division ("c)"), or a separator.
_ITEM_TOKEN = lazy_compile(
    r"(?P<item>" + _AITEM + r")|(?P<sub>" + _SUBONLY + r")|(?P<sep>" + _LSEP + r")"
)
_SUB_VALUE = lazy_compile(r"\(?\s*([0-9a-z]{1,5})\s*\)")
_HEAD = lazy_compile(r"(\d{1,3})(?:" + _H + r"?(bis|ter|quater))?")
_PARA_IN_ITEM = lazy_compile(r"[,(]\s*" + _PARA_WORD + r"\s*(\d{1,2})")

# "Guiding Principle 6 of the Guiding Principles on ...": the UNGP when "on Business and Human
# Rights" follows (``business``), other principles (Internal Displacement...) otherwise.
_GUIDING_PRINCIPLES_AFTER = lazy_compile(
    r",?\s{1,3}(?:of|in)\s{1,3}the\s{1,3}(?:UN\s{1,3}|United\s{1,3}Nations\s{1,3})?"
    r"Guiding\s{1,3}Principles\s{1,3}on\s{1,3}"
    r"(?P<business>Business\s{1,3}and\s{1,3}Human\s{1,3}Rights\b)?"
)
_PROTOCOL_TO = lazy_compile(r"Protocol\s{1,3}(?:to|of)\s{1,3}(?:the\s{1,3})?\Z")
_ALIAS = lazy_compile(r"(?:known\s+as|hereinafter(?:\s+referred\s+to\s+as)?)(?:\s+the)?\s+\Z")
_JUST_NAMED = lazy_compile(r"\s{0,3}\(\s{0,3}")
#: What makes a treaty named by a word before its kind unmistakably a treaty, not an
#: assembly ("the Youth Convention"): its year before it ("the 1951 Convention"), the ILO
#: before it, or an ILO number after it ("Convention No. 182", "Convention, 1999 (No. 182)").
_TREATY_YEAR_BEFORE = lazy_compile(
    r"(?<![\w])(?:(?:19|20)\d\d|ILO(?:\s{1,3}[\w'’-]{1,30}){0,4})\s{1,3}\Z"
)
_TREATY_NUMBER_AFTER = lazy_compile(
    rf"(?:{_H}{{0,2}},?{_H}{{0,3}}(?:19|20)\d\d|{_ILO_OF}(?:19|20)\d\d)?"
    rf"{_H}{{0,3}}\(?{_ILO_NUMBER}"
)


def _unmistakable(text: str, m: regex.Match[str]) -> bool:
    """Is the other treaty just named (``named_head``) unmistakably one (see above)?"""
    head = m.start("named_head")
    if _TREATY_NUMBER_AFTER.match(text, m.end("named_head")) is not None:
        return True
    return _TREATY_YEAR_BEFORE.search(text, max(0, head - 80), head) is not None


#: The end of a sentence: a full stop (or "!"/"?"), maybe a closing quote or bracket, then the
#: next sentence's capital or paragraph number (a footnote call, "12" or "[12]", may stand
#: between); not the full stop of an abbreviated unit ("art. 5", "para. 3", "No. 34").
_ABBREVIATED = sorted(
    {w[:-1] for unit in ENGLISH.units.values() for w in unit if w.endswith(".")} | {"No", "no"}
)
_SENTENCE_END = lazy_compile(
    r"(?<!(?<![\w.])(?:" + "|".join(regex.escape(w) for w in _ABBREVIATED) + r"))"
    r"[.!?][\"”’)\]]?(?:\[?\d{1,3}\]?)?\s+[A-Z\d]"
)
#: A sentence that opens with an instrument's name ("The Convention on ... obliges"), and a
#: word or acronym naming an instrument (another one named after it in the sentence).
_OPENING_REACH = 12
_SENTENCE_OPENING = lazy_compile(r"(?:The\s{1,3})?")
_NAMES_INSTRUMENT = lazy_compile(rf"(?<![\w])(?:{_BARE_SHORTS}|{_BARE_ABBRS})(?![\w])")
_OTHER_WINDOW = 150  # a bare article this close after another instrument's name is not ours
#: "the Convention" this close after "the Istanbul Convention" means that one; further on, the
#: instrument named before it again (a passing mention of another treaty in a long text).
_OTHER_NAMED_WINDOW = 400
_CONTEXT_WINDOW = 2000  # a bare "article 6" refers to an instrument cited at most this far back
# Another source named between an instrument's citation and a bare "article 6": the article is
# that source's ("the Penal Code of Qatar, art. 136"), not the instrument's; so is an EU
# regulation or directive named in another language ("el Reglamento (UE) 2016/679").
_OTHER_SOURCE = lazy_compile(
    r"(?<![\w])(?:Code|Act|Law|Constitution|Decree|Ordinance|Regulations?|Directive|Rules)(?![\w])"
    r"|(?<![\w])"
    + alternation(
        word
        for words in eu_words.load().values()
        for word, kind in words.act_types.items()
        if kind in ("regulation", "directive")
    )
)
# "Refugees, art. 31" after something that is not the instrument's citation: name-first of an
# unknown source. A comma right after the instrument's citation is a list and still chains, and
# so does one after a connective ("Furthermore, article 6") or the short name ("the Covenant,").
_COMMA_BEFORE = lazy_compile(r"(?:(?<![\w])(?P<word>\w{1,30}))?[\s)\]\u201d\"']{0,3},\s{0,3}\(?\Z")
_CONNECTIVES = frozenset(
    (  # noqa: SIM905 - a word list reads better as text
        "furthermore moreover however particular addition similarly likewise accordingly thus "
        "therefore hence example instance also specifically notably turn regard respect contrast "
        "fact especially finally first second third lastly further indeed instead consequently "
        "firstly secondly thirdly ibid covenant convention charter declaration statute principles "
        "protocol"
    ).split()
)

# The treaty body that issued the document, when the document says so: its general comment
# symbol alone on a line of the header, or "the Committee on ... (the Committee)". Its treaty
# is what "the Convention" / "the Covenant" means there, whatever other treaty was named last.
_TREATY_OF_BODY = {b.series: b.treaty for b in knowledge.treaty_bodies().values()}
_OWN_SYMBOL = lazy_compile(
    r"(?m)^[ \t\u00a0]{0,10}(?P<body>"
    + "|".join(regex.escape(series) for series in _TREATY_OF_BODY)
    + r")/C/(?:GC|GR)/\d{1,3}[^\n]{0,20}$"
)
_S = r"\s{1,3}"
_COMMITTEES = {
    b.treaty: "|".join(_S.join(regex.escape(w) for w in name.split()) for name in b.names)
    for b in knowledge.treaty_bodies().values()
}
_OWN_COMMITTEE = lazy_compile(
    r"(?:"
    + "|".join(f"(?P<{slug}>{pat})" for slug, pat in _COMMITTEES.items())
    + r")\s{0,3}\((?:hereinafter\s{1,3})?(?:the\s{1,3})?[\u201c\"']?(?:the\s{1,3})?"
    r"Committee[\u201d\"']?\)"
)
_OWN_HEAD = 600  # the header holding the document's own symbol
_OWN_INTRO = 6000  # where a committee introduces itself
#: How much of the document's head ``own_treaty`` reads.
HEAD_REACH = max(_OWN_HEAD, _OWN_INTRO)


def own_treaty(text: str) -> str | None:
    """The treaty of the committee that issued the document, if it says so unambiguously."""
    found = {_TREATY_OF_BODY[m.group("body")] for m in _OWN_SYMBOL.finditer(text, 0, _OWN_HEAD)}
    for m in _OWN_COMMITTEE.finditer(text, 0, _OWN_INTRO):
        found.add(next(slug for slug in _COMMITTEES if m.group(slug) is not None))
    return found.pop() if len(found) == 1 else None


# An instrument named inside the title of another work is not cited: "OHCHR, 75 Years of
# Legacy and Impact of the Universal Declaration of Human Rights (New York, 2023)", "J. Doe, A
# Commentary on the Convention on the Rights of the Child (Oxford, 2019)". The rule: the name
# directly follows "of the" / "on the" that ends a title-cased phrase (every word
# capitalised, a number or a short function word, at least one capitalised), and the title
# goes on to a publication parenthesis "(Place, year)" on the same line.
_TITLE_WORD = r"(?:[A-Z0-9][\w'’.-]*|of|and|on|the|in|for|to|a|an|at|its|from|with|by)"
_TITLE_BEFORE = regex.compile(
    rf"(?:^|(?<=[,;:(\[“\"‘]))[ \t]*(?P<phrase>(?:{_TITLE_WORD}[ \t]{{1,3}}){{1,14}}?)"
    rf"(?:of|on)[ \t]{{1,3}}the[ \t]{{1,3}}\Z",
    regex.MULTILINE,
)
_PUBLICATION_AFTER = regex.compile(
    rf"(?:[:,]?[ \t]{{1,3}}{_TITLE_WORD}){{0,14}}?[ \t]{{0,3}}"
    r"\([A-Z][^()\n]{0,100}?,[ \t]{0,3}(?:19|20)\d\d\)"
)
_TITLE_REACH = 160


def _inside_title(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` part of another work's title (see above)?

    The publication after it is looked for first: one try where it is, where the title
    before it is searched for at every place of its reach (~50 us a name)."""
    if _PUBLICATION_AFTER.match(text, end, min(len(text), end + _TITLE_REACH)) is None:
        return False
    before = _TITLE_BEFORE.search(text, max(0, start - _TITLE_REACH), start)
    return before is not None and regex.search(r"[A-Z0-9]", before.group("phrase")) is not None


# "general comment No. 27 (1999) on article 12": the article names the comment's subject, in
# its title; it is not a citation of the article.
_COMMENT_TITLE_HEAD = (
    r"(?i:general)\s{1,3}(?i:comment|recommendation)s?\s{1,3}(?:(?i:No)\.?\s{0,2})?"
    r"(?:\d{1,3}|[IVXL]{1,7})(?:\s{0,2}\((?:19|20)\d\d\))?"
)
_COMMENT_TITLE_BEFORE = regex.compile(
    _COMMENT_TITLE_HEAD + r"\s{1,3}on\s{1,3}(?:the\s{1,3})?\Z"
)
#: "general comment No. 34 of the Human Rights Committee on article 19": its committee named
#: between. Only for a bare article: "... on article 19 of the Covenant" names its instrument,
#: a citation of the article (as before the committee form was read).
_COMMENT_TITLE_COMMITTEE_BEFORE = regex.compile(
    _COMMENT_TITLE_HEAD
    + r"\s{1,3}of\s{1,3}the(?:,?\s{1,3}(?:[A-Z][\w'’-]{0,30}|on|of|the|and|against|for)){1,12}"
    r"\s{1,3}on\s{1,3}(?:the\s{1,3})?\Z"
)
_COMMENT_TITLE_REACH = 160


_DEFINITION_WINDOW = 300  # "(UDHR)" this close after a UDHR citation only defines the abbreviation


@attrs.frozen(slots=True)
class InstrumentParts:
    """Which instrument, how the text referred to it, and how citecheck decided."""

    slug: str
    reference: str = ""
    # name | abbreviation | short | context (continues the last article citation) | named (a
    # bare "(art. 33)" right after the instrument's name)
    resolved_by: str = "name"


def _canonical_item(raw: str) -> tuple[str, str]:
    """``6 (b)`` -> (``6``, ``6(b)``); ``1, paragraph 3`` -> (``1``, ``1(3)``)."""
    head = _HEAD.match(raw)
    assert head is not None
    base = head.group(1) + (f" {head.group(2)}" if head.group(2) else "")
    rest = raw[head.end() :]
    para = _PARA_IN_ITEM.search(rest)
    before, after = (rest[: para.start()], rest[para.end() :]) if para else (rest, "")
    subs = "".join(f"({s})" for s in _SUB_VALUE.findall(before))
    if para:
        subs += f"({para.group(1)})" + "".join(f"({s})" for s in _SUB_VALUE.findall(after))
    return base, base + subs


_ANY_SUB = lazy_compile(r"\(([0-9a-z]{1,5})\)")


def _sibling(previous: str, base: str, sub: str) -> str:
    """``218(5)`` and ``(6)`` -> ``218(6)``; ``8(2)(a)`` and ``(b)`` -> ``8(2)(b)``: a bare
    sub-division replaces the last one of the item before it at the same level (number or
    letter)."""
    same = [m for m in _ANY_SUB.finditer(previous) if m.group(1).isdigit() == sub.isdigit()]
    if not same:
        return f"{base}({sub})"
    return f"{previous[: same[-1].start()]}({sub})"


_RANGE_SEPARATORS = frozenset(
    (*un_languages.pinpoint_lexicon().range_words, *CHARACTERS.range_dashes)
)


@functools.lru_cache(maxsize=4096)
def _article_parts(text: str, unit: str = "art") -> tuple[PinpointPart, ...]:
    """Parts of an article (or principle) list: ``12 and 19``, ``6 (b) and c)``, ``2 to 4``,
    ``14, paragraphs 1 and 3 (d)``, ``9, paragraph 3, and 14``.

    Cached: a pure function of the list as written, and texts repeat the same few lists
    ("article 19", "article 2 (1)"): three calls in four are repeats on the UN and EU texts."""
    parts: list[PinpointPart] = []
    base = ""
    range_open = False
    paragraphs = _Paragraphs()
    sep = ""
    for tok in _ITEM_TOKEN.finditer(text):
        if tok.group("sep") is not None:
            sep = tok.group("sep").strip()
            range_open = sep in _RANGE_SEPARATORS
            continue
        if tok.group("item") is not None:
            raw = tok.group("item")
            if paragraphs.continues(sep, raw):
                _, number = _canonical_item(raw)
                if range_open and parts:  # "paragraphs 1 to 4": one range, kept whole
                    parts[-1] = PinpointPart(unit, f"{parts[-1].value}-({_paren_head(number)}")
                else:
                    parts.append(PinpointPart(unit, f"{base}({_paren_head(number)}"))
                range_open, sep = False, ""
                continue
            base, value = _canonical_item(raw)
            paragraphs.after_item(raw)
            if range_open and parts:
                prev = parts.pop()
                value = f"{prev.value}-{value}"
            parts.append(PinpointPart(unit, value))
        elif tok.group("sub") is not None and base:
            sub = _SUB_VALUE.search(tok.group("sub"))
            if sub is not None and range_open and parts:
                # "article 9 (1)-(4)": one range of sub-divisions, kept whole like "2 to 4"
                parts[-1] = PinpointPart(unit, f"{parts[-1].value}-({sub.group(1)})")
            elif sub is not None:
                parts.append(PinpointPart(unit, _sibling(parts[-1].value, base, sub.group(1))))
        range_open, sep = False, ""
    return tuple(parts)


def _paren_head(number: str) -> str:
    """``3(d)`` -> ``3)(d)``: the paragraph number closed as a sub-division, its own kept."""
    head = _HEAD.match(number)
    assert head is not None
    return f"{head.group(1)}){number[head.end():]}"


_PARA_WORD_IN_ITEM = lazy_compile(r",\s*(" + _PARA_WORD + r")")


class _Paragraphs:
    """Whether a number in an article list is another paragraph of the article before it.

    "article 14, paragraphs 1 and 3": the plural runs to the list's last item (the one after
    "and"), so 3 is a paragraph; "article 9, paragraph 3, and 14": the singular is closed by
    its comma, so 14 is an article; "paragraph 3(b) and 3(d)" (no comma) continues it.
    """

    __slots__ = ("state",)

    def __init__(self) -> None:
        self.state = ""  # "", "plural", "singular"

    def after_item(self, raw: str) -> None:
        word = _PARA_WORD_IN_ITEM.search(raw)
        if word is None:
            self.state = ""
        else:
            self.state = "plural" if ENGLISH.is_plural(word.group(1)) else "singular"

    def continues(self, sep: str, raw: str) -> bool:
        if not self.state or _PARA_WORD_IN_ITEM.search(raw) is not None:
            return False
        last = any(regex.fullmatch(ENGLISH.list_pattern, w) for w in sep.split())
        if self.state == "plural":
            if last:
                self.state = ""  # the list's last item: what follows is an article again
            return True
        self.state = ""
        return last and "," not in sep


class _State:
    """What the pass has seen so far: which instrument each short reference means now."""

    __slots__ = (
        "at",
        "eu",
        "last_art",
        "last_bare",
        "last_bare_start",
        "last_cited",
        "last_named",
        "other_end",
        "other_named",
        "other_treaty",
        "own",
        "short_last",
        "short_named",
    )

    def __init__(self, own: str | None = None, eu: bool = False) -> None:
        self.own = own  # the issuing treaty body's treaty (see own_treaty)
        self.eu = eu  # an EU text (see _eu_text)
        self.short_last: dict[str, str] = {}
        self.short_named: dict[str, set[str]] = {}  # every instrument named per short name
        self.last_named: str | None = None
        self.last_art: tuple[str, int] | None = None
        self.last_bare: tuple[str, int] | None = None  # last instrument named without article
        self.last_bare_start = -1  # where its name starts
        self.other_end = -1  # end of the last naming of an instrument other than last_art's
        self.last_cited: tuple[str, int] | None = None
        #: short name -> end of the last other treaty of that kind named by a word before
        #: it ("the Istanbul Convention"), and where the match being read starts
        self.other_named: dict[str, int] = {}
        #: the same for a treaty named unmistakably ("ILO Convention No. 182", "the 1951
        #: Convention"): it wins over the EU Charter's reading of "the Charter" too (not over
        #: the issuing body's own treaty)
        self.other_treaty: dict[str, int] = {}
        self.at = 0

    def named(self, slug: str) -> None:
        self.last_named = slug
        for key in _SHORT_KEYS_OF[slug]:
            self.other_named.pop(key, None)
            self.other_treaty.pop(key, None)
            self.short_last[key] = slug
            self.short_named.setdefault(key, set()).add(slug)

    def carried(self, shift: int = 0) -> _State:
        """What the next stream window starts from: which instrument each short name means,
        whether the text is an EU text, and the instruments just cited ("article 6"
        continuing them), their offsets moved to the next window's, which starts at
        ``shift`` here (so they lie before its start)."""
        st = _State(self.own, self.eu)
        st.short_last = dict(self.short_last)
        st.short_named = {key: set(slugs) for key, slugs in self.short_named.items()}
        st.last_named = self.last_named
        if self.last_art is not None:
            st.last_art = (self.last_art[0], self.last_art[1] - shift)
        if self.last_bare is not None:
            st.last_bare = (self.last_bare[0], self.last_bare[1] - shift)
            st.last_bare_start = self.last_bare_start - shift
        if self.last_cited is not None:
            st.last_cited = (self.last_cited[0], self.last_cited[1] - shift)
        st.other_end = self.other_end - shift if self.other_end >= 0 else -1
        st.other_named = {key: end - shift for key, end in self.other_named.items()}
        st.other_treaty = {key: end - shift for key, end in self.other_treaty.items()}
        return st


#: Words only EU texts use: the treaty, the Court's identifiers, the Official Journal.
_EU_MARKERS = ("tfeu", "ecli:eu:", "official journal of the european", "charter of fundamental")
#: Words whose presence anywhere in a text changes how the family reads it: an EU text, which
#: charter or covenant an unnamed "the Charter" / "the Covenant" is.
WHOLE_TEXT_WORDS = (_EU_MARKERS, _EU_WORDS, _ICCPR_WORDS, _ICESCR_WORDS)


def _eu_text(doc: Document) -> bool:
    """Is the document an EU text (a CJEU judgment, an EU act, a text on EU law)?"""
    return doc.has_any(_EU_MARKERS)


def _short_head(short_key: str) -> str:
    return short_key.split()[-1] if short_key != "guiding principles" else short_key


#: the kind of instrument a short name is ("optional protocol" -> "protocol") -> the short names
_SHORT_KEYS_BY_HEAD: dict[str, tuple[str, ...]] = {}
for _short in _SHORT_KEYS:
    _head = _short_head(_short)
    _SHORT_KEYS_BY_HEAD[_head] = (*_SHORT_KEYS_BY_HEAD.get(_head, ()), _short)


#: Acronyms as lower-case literals: any of them in a text wakes the family up.
_ACRONYM_TRIGGERS = tuple(
    sorted({a.lower() for inst in _CAT.instruments.values() for a in inst.abbreviations})
)


class InstrumentsFamily:
    """Instrument citations in one linear pass; short references resolved as the pass goes."""

    name = "instruments"
    triggers = (
        "article",
        "art.",
        "arts.",
        "principle",
        "covenant",
        "convention",
        "declaration",
        "charter",
        "statute",
        "treaty",
        "protocol",
        # French and Spanish (data/instruments.json names_by_language)
        "artículo",
        "pacte",
        "pacto",
        "déclaration",
        "declaración",
        "convención",
        "charte",
        "carta",
        "principe",  # "principe 31", "Principes directeurs"
        "principio",
        "statut",
        "estatuto",
        # every acronym of the catalog, in every language ("ICCPR", "PIDCP", "CDN")
        *_ACRONYM_TRIGGERS,
    )
    anchors = (*_START_ANCHORS, *_EU_MARKERS, *_EU_WORDS, *_ICCPR_WORDS, *_ICESCR_WORDS)
    priority = 10
    #: read past a citation: its article pinpoint; a publication after a title
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH, _TITLE_REACH)
    rules = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        carry = doc.carry
        before = None if carry is None else carry.before.get(self.name)
        if isinstance(before, _State):
            st = before.carried()
            st.eu = st.eu or _eu_text(doc)
        else:
            st = _State(own_treaty(text), _eu_text(doc))
        handed = carry is None or carry.next_start is None
        covered = 0  # a citation may take in the name after it: matches inside it are its own
        for m in self._matches(doc):
            if m.start() < covered:
                continue
            if not handed and carry is not None and m.start() >= (carry.next_start or 0):
                carry.after[self.name] = st.carried(carry.next_start or 0)
                handed = True
            st.at = m.start()
            if m.group("unknown_named") is not None:
                st.other_end = m.end()
                treaty = _unmistakable(text, m)
                for key in _SHORT_KEYS_BY_HEAD.get(_key(m.group("named_head")), ()):
                    st.other_named[key] = m.end()  # "the Convention" just after means it
                    if treaty:
                        st.other_treaty[key] = m.end()
                continue
            if m.group("unknown") is not None:
                st.other_end = m.end()  # a bare "article 6" just after it is that instrument's
                for key in _SHORT_KEYS_BY_HEAD.get(_key(m.group("unknown_head")), ()):
                    st.short_last[key] = ""  # another instrument of that kind was named
                continue
            if m.group("bare") is not None:
                cit = self._bare(m, text, st)
            elif m.group("nf") is not None:
                cit = self._name_first(m, text, doc, st)
            elif m.group("art") is not None:
                cit = self._articles(m, text, doc, st)
            elif m.group("sbare") is not None:
                cit = self._bare_short(m, text, doc, st)
            else:
                cit = self._principles(m, text, st)
            if cit is None:
                continue
            covered = cit.end
            st.last_cited = (cit.id, cit.end)
            if cit.parts.resolved_by != "named" and any(
                p.unit == "art" for p in cit.pinpoint.parts
            ):
                st.last_art = (cit.parts.slug, cit.end)
            yield cit
        if not handed and carry is not None:
            carry.after[self.name] = st.carried(carry.next_start or 0)

    @staticmethod
    def _matches(doc: Document) -> Iterator[regex.Match[str]]:
        """Like ``finditer`` of the grammar, but only tried where a start word occurs, and
        there only the shapes that can begin with it."""
        prechecks = _prechecks()
        text = doc.text
        end = 0
        for start, word in _start_hits(doc):
            if start < end:
                continue
            check = prechecks.get(word)
            if check is not None and check.match(text, start) is None:
                continue
            m = _match_at(text, start, word)
            if m is not None:
                end = m.end()
                yield m

    # --- resolution ---------------------------------------------------------------------

    def _resolve(
        self, m: regex.Match[str], st: _State, doc: Document
    ) -> tuple[str, str, bool] | None:
        """(slug, resolved_by, ambiguous) of the reference after an article list."""
        name = m.group("rname")
        if name is not None:
            slug = _NAME_KEYS.get(_key(name))
            if slug is None:
                return None
            st.named(slug)
            return slug, "name", False
        abbr = m.group("rabbr") or m.group("dname")
        if abbr is not None:
            slug = _ABBR_KEYS.get(abbr) or _NAME_KEYS.get(_key(abbr))
            if slug is None:
                return None
            st.named(slug)
            return slug, "abbreviation", False
        short = m.group("rshort")
        if short is not None:
            return self._resolve_short(_key(short), st, doc)
        return None

    def _resolve_short(self, key: str, st: _State, doc: Document) -> tuple[str, str, bool] | None:
        candidates = _SHORT_KEYS.get(key, ())
        if key in _CONTEXT_SHORTS:
            context = _CONTEXT_SHORTS[key]
            if st.last_named in context:
                return context[-1], "short", False
            return None
        if len(candidates) == 1:
            return candidates[0], "short", False
        if st.own in candidates:
            # a committee's text: "the Convention" is its own treaty, even just after "ILO
            # Convention No. 182" (its concluding observations cite both side by side)
            assert st.own is not None
            return st.own, "short", False
        treaty = st.other_treaty.get(key)
        if treaty is not None and st.at - treaty <= _OTHER_NAMED_WINDOW:
            return None  # "ILO Convention No. 182 ... article 3 of the Convention": that treaty
        if key == "charter" and "cfr" in candidates and st.eu:
            # In a CJEU judgment or an EU act "the Charter" is the EU Charter, even after a
            # passing mention of the Charter of the United Nations.
            return "cfr", "short", False
        other = st.other_named.get(key)
        if other is not None and st.at - other <= _OTHER_NAMED_WINDOW:
            return None  # "the Istanbul Convention. Article 36 of the Convention"
        slug = st.short_last.get(key)
        if slug in candidates:
            assert slug is not None
            return slug, "short", False
        if slug == "":
            return None  # the text last named another instrument of this kind
        # Nothing named before: guess from the document, and say it is a guess, once: the
        # guess then stands for the short name as if the text had named it.
        guess: str | None = None
        if key == "charter":
            guess = "cfr" if doc.has_any(_EU_WORDS) else "un-charter"
        elif key == "covenant":
            if doc.has_any(_ICCPR_WORDS):
                guess = "iccpr"
            elif doc.has_any(_ICESCR_WORDS):
                guess = "icescr"
        if guess is None:
            return None
        st.short_last[key] = guess
        return guess, "short", True

    # --- the four shapes ----------------------------------------------------------------

    def _bare(self, m: regex.Match[str], text: str, st: _State) -> Citation | None:
        written = m.group("bare")
        slug = _ABBR_KEYS.get(written) or _NAME_KEYS.get(_key(written))
        if slug is None or _PROTOCOL_TO.search(text, max(0, m.start() - 40), m.start()):
            return None  # "Optional Protocol to the ICCPR" cites the protocol, not the ICCPR
        if m.group("thereof_body") is None and _BODY_AFTER.match(text, m.end("bare")):
            return None  # "the Convention against Torture Initiative" is not the Convention
        if _inside_title(text, m.start(), m.end("bare")):
            return None  # "... of the Universal Declaration of Human Rights (New York, 2023)"
        st.named(slug)
        if st.last_art is not None and st.last_art[0] != slug:
            st.other_end = m.end()  # another instrument named: see _OTHER_WINDOW
        st.last_bare = (slug, m.end())
        st.last_bare_start = m.start("bare")
        start = m.start()
        # "(UDHR)" just after a UDHR citation defines the abbreviation; do not count it again.
        if (
            m.group("thereof_body") is None
            and st.last_cited is not None
            and st.last_cited[0] == f"instrument:{slug}"
            and start - st.last_cited[1] <= _DEFINITION_WINDOW
            and (
                text[start - 1 : start] in ("(", "\u2018", "'", '"', "\u201c")
                or _ALIAS.search(text, max(0, start - 40), start) is not None
            )
        ):
            return None
        by = "abbreviation" if written in _ABBR_KEYS else "name"
        if m.group("thereof_body") is not None:
            pin = parse_body(m.group("thereof_body"))
            return self._citation(text, start, m.end(), slug, pin, written, by)
        return self._citation(text, start, m.end("bare"), slug, NO_PINPOINT, written, by)

    def _bare_short(
        self, m: regex.Match[str], text: str, doc: Document, st: _State
    ) -> Citation | None:
        """A short name on its own ("the Covenant"), read as the instrument of that kind named
        last (the EU Charter in an EU text). Whether it stands for one instrument only is
        decided by the short-form stage, which sees every instrument cited before (also in a
        stream's earlier windows): it keeps the name only then, and never guesses."""
        written = m.group("sbare_key")
        key = _key(written)
        if _DEFINES_SHORT.search(text, max(0, m.start() - 48), m.start()) is not None:
            return None  # ("the Covenant"): the definition of the short name
        if _PROTOCOL_TO.search(text, max(0, m.start() - 40), m.start()) is not None:
            return None  # "the Optional Protocol to the Covenant" names the protocol
        last = st.short_last.get(key)
        if last == "":
            return None  # another instrument of that kind, one citecheck lacks, was named
        other = st.other_named.get(key)
        if other is not None and m.start() - other <= _OTHER_NAMED_WINDOW:
            return None  # "the Refugee Convention ... The Convention defines a refugee"
        candidates = _SHORT_KEYS[key]
        if key == "charter" and "cfr" in candidates and st.eu:
            slug = "cfr"
        else:
            slug = last or candidates[0]
        return self._citation(text, m.start(), m.end(), slug, NO_PINPOINT, written, "short")

    def _name_first(
        self, m: regex.Match[str], text: str, doc: Document, st: _State
    ) -> Citation | None:
        short = m.group("nf_short")
        if short is not None:
            if m.group("nf_list") is None:
                return None  # a short name with a principle is not a citation of anything
            resolved = self._resolve_short(_key(short), st, doc)
            if resolved is None:
                return None
            pin = Pinpoint(_article_parts(m.group("nf_list")))
            return self._citation(text, m.start(), m.end(), resolved[0], pin, short, *resolved[1:])
        written = m.group("nf_ref")
        slug = _ABBR_KEYS.get(written) or _NAME_KEYS.get(_key(written))
        if m.group("nf_gp") is not None:
            if st.short_last.get("guiding principles", "ungp") != "ungp":
                return None  # other Guiding Principles were named last
            slug = "ungp"
        if slug is None:
            return None
        if m.group("nf_list") is not None:
            parts = _article_parts(m.group("nf_list"))
        elif m.group("nf_plist") is not None:
            parts = _article_parts(m.group("nf_plist"), "principle")
            if m.group("nf_and_comm") is not None:  # "principle 11 and commentary"
                parts += tuple(PinpointPart("commentary", p.value) for p in parts)
        else:
            parts = _article_parts(m.group("nf_clist"), "commentary")
        end = m.end()
        if m.group("nf_sub") is not None or m.group("nf_paren") is not None:
            end = m.end("nf_ref")  # the symbol in the parenthesis is a citation of its own
        if parts and parts[0].unit != "art" and slug != "ungp":
            parts, end = (), m.end("nf_ref")  # only the Guiding Principles have principles
        st.named(slug)
        by = "abbreviation" if written in _ABBR_KEYS else "name"
        return self._citation(text, m.start(), end, slug, Pinpoint(parts), written, by)

    def _articles(
        self, m: regex.Match[str], text: str, doc: Document, st: _State
    ) -> Citation | None:
        parts = _article_parts(m.group("art_list"))
        if not parts or _COMMENT_TITLE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            return None
        referenced = m.group("ref") is not None or m.group("direct") is not None
        if not referenced and _COMMENT_TITLE_COMMITTEE_BEFORE.search(
            text, max(0, m.start() - _COMMENT_TITLE_REACH), m.start()
        ):
            return None
        if referenced:
            resolved = self._resolve(m, st, doc)
            if resolved is None:
                st.last_art = None  # "article 5 of the Regulation": a different instrument now
                return None
            slug, by, ambiguous = resolved
            reference = (
                m.group("rname") or m.group("rabbr") or m.group("rshort") or m.group("dname")
            )
            if slug == "ungp":
                return None  # the Guiding Principles have principles, not articles
            return self._citation(
                text, m.start(), m.end(), slug, Pinpoint(parts), reference, by, ambiguous
            )
        if not m.group("art_word").startswith("a"):
            return None
        # "Convention on the Rights of the Child (art. 33)": the instrument just named. It does
        # not become the instrument a later bare article continues.
        if st.last_bare is not None and _JUST_NAMED.fullmatch(text, st.last_bare[1], m.start()):
            slug = st.last_bare[0]
            return self._citation(text, m.start(), m.end(), slug, Pinpoint(parts), "", "named")
        # A bare lower-case "article 6 (b)" continues the instrument just cited (UN style).
        if st.last_art is None:
            return None
        slug, last_end = st.last_art
        if m.start() - last_end > _CONTEXT_WINDOW:
            return None
        if (
            last_end < st.other_end
            and _SENTENCE_END.search(text, st.other_end, m.start()) is None
            and _SENTENCE_END.search(text, last_end, st.other_end) is not None
        ):
            # "The Convention on the Rights of the Child obliges States parties to ensure ...
            # (art. 17)": the instrument this sentence names, not the one whose article an
            # earlier sentence cited
            if st.last_bare is None or st.last_bare[1] != st.other_end:
                return None  # a treaty outside the catalog
            if self._sentence_subject(text, st, m.start()):
                slug = st.last_bare[0]
                return self._citation(text, m.start(), m.end(), slug, Pinpoint(parts), "", "named")
        if last_end < st.other_end and m.start() - st.other_end <= _OTHER_WINDOW:
            return None  # "the American Convention on Human Rights. Its articles 12 and 13"
        comma = _COMMA_BEFORE.search(text, max(last_end, m.start() - 40), m.start())
        if comma is not None and text[last_end : comma.start()].strip():
            word = comma.group("word") or ""
            # "Refugees, art. 31": name-first of a source citecheck does not know. Prose
            # ("persons, article 21") keeps the chain; footnote style abbreviates or
            # capitalises.
            if word.lower() not in _CONNECTIVES and (
                m.group("art_word").startswith("art.")
                or m.group("art_word").startswith("arts.")
                or word[:1].isupper()
            ):
                return None
        if _OTHER_SOURCE.search(text, last_end, m.start()) is not None:
            return None
        return self._citation(text, m.start(), m.end(), slug, Pinpoint(parts), "", "context")

    @staticmethod
    def _sentence_subject(text: str, st: _State, end: int) -> bool:
        """Does the sentence open with the instrument just named (``st.last_bare``) and name
        no other before ``end``? ("The Convention on the Rights of the Child obliges ...";
        not "Like the Convention ..., the Covenant ...", "The CRC and the CAT ...", "States,
        which have ratified the CRC, ...")"""
        name = st.last_bare_start
        opening = _SENTENCE_END.search(text, max(0, name - _OPENING_REACH), name + 1)
        if opening is None or _SENTENCE_OPENING.fullmatch(text, opening.end() - 1, name) is None:
            return False
        return _NAMES_INSTRUMENT.search(text, st.other_end, end) is None

    def _principles(self, m: regex.Match[str], text: str, st: _State) -> Citation | None:
        if m.group("comm") is not None:
            parts = _article_parts(m.group("comm_list"), "commentary")
            explicit = bool(m.group("comm_gp"))
            has_ref = m.group("ref") is not None
        elif m.group("gp") is not None:
            parts = _article_parts(m.group("gp_list"), "principle")
            explicit, has_ref = True, False
        else:
            parts = _article_parts(m.group("pr_list"), "principle")
            explicit = False
            has_ref = m.group("ref") is not None or m.group("direct") is not None
        if has_ref:
            written = m.group("rname") or m.group("rabbr") or m.group("dname") or ""
            short = m.group("rshort") or ""
            if written:
                slug = _ABBR_KEYS.get(written) or _NAME_KEYS.get(_key(written))
            elif _key(short) == "guiding principles":
                slug = st.short_last.get("guiding principles", "ungp")
            else:
                slug = None
            if slug != "ungp":
                return None
            by = "name" if written else "short"
        elif explicit:
            if st.short_last.get("guiding principles", "ungp") != "ungp":
                return None
            by = "name"
            tail = _GUIDING_PRINCIPLES_AFTER.match(text, m.end())
            if tail is not None:
                if tail.group("business") is None:
                    return None  # "Guiding Principle 6 of the Guiding Principles on Internal ..."
                # one citation, the name included (not a second one for the name)
                st.named("ungp")
                return self._citation(text, m.start(), tail.end(), "ungp", Pinpoint(parts), "", by)
        else:
            # "Principle 18" alone: only once the Guiding Principles have been named.
            if m.group("comm") is None and not m.group("pr_word")[0].isupper():
                return None
            if st.short_last.get("guiding principles") != "ungp":
                return None
            by = "context"
        st.named("ungp")
        return self._citation(text, m.start(), m.end(), "ungp", Pinpoint(parts), "", by)

    def _citation(
        self,
        text: str,
        start: int,
        end: int,
        slug: str,
        pin: Pinpoint,
        reference: str,
        by: str,
        ambiguous: bool = False,
    ) -> Citation:
        cid = f"instrument:{slug}"
        notes: tuple[Finding, ...] = ()
        if ambiguous:
            notes = (
                AMBIGUOUS_REFERENCE.finding(
                    f"'the {reference}' is not named earlier in the text; read as "
                    f"{_CAT.instruments[slug].name}",
                    start,
                    end,
                    id=cid,
                ),
            )
        return Citation(
            id=cid,
            kind=Kind.INSTRUMENT,
            text=text[start:end],
            start=start,
            end=end,
            pinpoint=pin,
            parts=InstrumentParts(slug, reference, by),
            ambiguous=ambiguous,
            family=self.name,
            notes=notes,
        )

    # --- offline checks -----------------------------------------------------------------

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return pinpoint_findings(citation)


def pinpoint_findings(citation: Citation) -> Iterator[Finding]:
    """Every article / principle pinpoint must exist in the instrument (catalog counts).

    One function for every family that reads an instrument, whatever the language it was
    written in (the French, Spanish and German forms of ``eu_treaties`` too)."""
    parts = citation.parts
    if not isinstance(parts, InstrumentParts):
        return
    inst = _CAT.instruments.get(parts.slug)
    if inst is None:
        return
    for part in citation.pinpoint.parts:
        for value in part.value.split("-"):
            head = _HEAD.match(value)
            if head is None or unreadable_number(head.group(1)):
                continue
            number = int(head.group(1))
            label = f"{head.group(1)} {head.group(2)}" if head.group(2) else head.group(1)
            if part.unit == "art" and inst.unit == "art":
                ok = 1 <= number <= inst.count and not head.group(2)
                if not ok and label not in inst.extra:
                    extra = f" (plus {', '.join(inst.extra)})" if inst.extra else ""
                    yield ARTICLE_OUT_OF_RANGE.finding(
                        f"article {label} of the {inst.label} does not exist: the "
                        f"{inst.name} has {inst.count} articles{extra}; check the number "
                        f"(1 to {inst.count})",
                        citation.start,
                        citation.end,
                        id=citation.id,
                    )
            elif (
                part.unit in ("principle", "commentary")
                and inst.unit == "principle"
                and not 1 <= number <= inst.count
            ):
                yield PRINCIPLE_OUT_OF_RANGE.finding(
                    f"Guiding Principle {number} does not exist: there are "
                    f"{inst.count} Guiding Principles; check the number (1 to {inst.count})",
                    citation.start,
                    citation.end,
                    id=citation.id,
                )


FAMILY = InstrumentsFamily()
