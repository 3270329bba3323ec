"""Back-references to an EU act cited earlier: "Article 5 of the Regulation", "that Directive".

"art. 1, par. c, iii and iv of the Decision" after "Council Decision (CFSP) 2020/1999" cites
that decision again. The finder yields placeholders (kind ``short_form``) with the act type
and name they use; the short-form stage (:mod:`citecheck.shortforms`) gives each one the id of
the act it names, or drops it. Capitalised nouns count ("the decision" is prose); in lower
case only a demonstrative after a preposition or "said" ("Article 5 of that directive", "the
said regulation"). Never "this/the present Regulation" (the text itself), nor a noun followed
by what makes it another act's name ("the Decision of 12 May", "the Regulation on ...", "the
Directive 2002/58").

A definition ("Council Directive 90/232/EEC (OJ 1990 L 129, p. 33; 'the Third Directive')",
"(hereinafter 'the Regulation')") names the act of its type cited last before its bracket in
the same sentence; later uses of the name ("Article 1 of the Third Directive", "the
Directive") carry that act's id, and a later definition of the name rebinds it. A name that
was never defined ("the Fourth Directive") is not guessed; a definition that follows no such
act (a national law, an act citecheck does not know) leaves its name unresolved. "that
Directive" is always the nearest directive. In an act's own text "the Regulation" may be the
act itself: there only "that Regulation" counts. A title without a number ("the Regulation on
markets in crypto-assets") names another act: until the next citation of that type, "that
Regulation" is not resolved.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from citecheck import eu_words, knowledge
from citecheck.anchors import find_all
from citecheck.families.anchored import matches_at_hits
from citecheck.families.base import HSPACE, PATTERN_HORIZON, Document, compile_pattern, matches_near
from citecheck.families.eu_pinpoints import read_after, read_before
from citecheck.language import abbreviation_stop, detect
from citecheck.lexicon import alternation
from citecheck.lexicon import load as load_lexicon
from citecheck.model import NO_PINPOINT, Citation, Finding, Kind
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import languages
from citecheck.pinpoints.articles import parse_body
from citecheck.rules import Rule

#: The act noun as written -> the ``act_type`` of :class:`EUActParts` it refers back to.
ACT_NOUNS = {
    "Regulation": "regulation",
    "Directive": "directive",
    "Decision": "decision",
    "Framework Decision": "framework decision",
}

_NOUN = r"(?P<noun>Framework" + HSPACE + r"{1,2}Decision|Regulation|Directive|Decision)"
#: A word of a defined name before its act noun: "Third", "VAT", "Dublin III", "Parent-Subsidiary".
_NAME_WORD = r"(?:[A-Z][\w\-]*|\d{1,2}(?:st|nd|rd|th))"
_QUOTE_OPEN = "[\u2018'\u201c\"]"
_QUOTE_CLOSE = "[\u2019'\u201d\"]"
# Another act's name or number follows: not a back-reference.
_NUMBER_FOLLOWS = rf"{HSPACE}{{0,2}}(?:\[|No\b|n[°o]\b|\d|\(?(?:EU|EC|EEC|CFSP|JHA|Euratom)\b)"
_BACKREF = compile_pattern(
    rf"""
    # A definition: "(OJ 1990 L 129, p. 33; 'the Third Directive')", "(hereinafter 'the
    # Regulation')", "('Unfair Commercial Practices Directive')".
    (?P<lead>[(;,]){HSPACE}{{0,2}}
        (?:(?:hereinafter|hereafter)(?:\s{{1,3}}(?:referred\s{{1,3}}to\s{{1,3}}as|called))?
            \s{{1,3}})?
        {_QUOTE_OPEN}(?:the{HSPACE}{{1,2}})?
        (?P<dterm>(?:{_NAME_WORD}{HSPACE}{{1,2}}){{0,4}}?
            (?P<dnoun>Framework{HSPACE}{{1,2}}Decision|Regulation|Directive|Decision))
        {_QUOTE_CLOSE}{HSPACE}{{0,2}}\)
    # An act with its number ("Regulation [No 1234/2007]"): when the EU acts family does
    # not read it, it is still the nearest regulation, so it blocks back-references.
  | (?<![\w])(?P<numbered>Framework{HSPACE}{{1,2}}Decision|Regulation|Directive|Decision)
        (?={HSPACE}{{0,2}}(?:\[|No\b|n[°o]\b|\d|\((?:EU|EC|EEC|CFSP|JHA|Euratom)\b))
  | (?<![\w])(?P<det>the|that|said|The|That)(?P<said>{HSPACE}{{1,2}}said)?{HSPACE}{{1,2}}
    {_NOUN}
    (?![\w\-])
    (?!{_NUMBER_FOLLOWS})
    (?:(?P<other>\s{{1,3}}(?:on|establishing|laying|amending|implementing|concerning
        |supplementing|repealing)\b)
      # "the Decision of 12 May 2020", "the Regulation of the Council": another act's title.
      | (?!\s{{1,3}}of\s{{1,3}}(?:\d|the\s{{1,3}}(?:European|Council|Commission))))
    # In lower case only a demonstrative after a preposition or "said" ("Article 5 of that
    # directive", "under the said regulation"): "it follows that regulation of ..." is prose.
  | (?<![\w])(?P<ldet>(?<=(?<![\w])(?:of|under|in|by|to|from|with|within|for|on)\s{{1,3}})that
        |the{HSPACE}{{1,2}}said|said)
    {HSPACE}{{1,2}}(?P<lnoun>framework{HSPACE}{{1,2}}decision|regulation|directive|decision)
    (?![\w\-])(?!{_NUMBER_FOLLOWS})
    (?!\s{{1,3}}(?:on|establishing|laying|amending|implementing|concerning|supplementing
        |repealing)\b)
    (?!\s{{1,3}}of\s{{1,3}}(?:\d|the\s{{1,3}}(?:European|Council|Commission)))
    # A name a definition may have given: "the Third Directive", "the VAT Directive".
  | (?<![\w])(?:the|The){HSPACE}{{1,2}}
    (?!Framework{HSPACE}{{1,2}}Decision(?![\w]))
    (?P<uterm>(?:{_NAME_WORD}{HSPACE}{{1,2}}){{1,4}}
        (?P<unoun>Framework{HSPACE}{{1,2}}Decision|Regulation|Directive|Decision))
    (?![\w\-])(?!{_NUMBER_FOLLOWS})
    """
)
# An acronym defined for the act just cited: "(OJ 2016 L 119, p. 1; 'the GDPR')". Its uses
# ("Article 5 of the GDPR") name that act, whatever its type.
_ACRONYM_DEFINITION = compile_pattern(
    rf"""(?P<lead>[(;,]){HSPACE}{{0,2}}
    (?:(?:hereinafter|hereafter)(?:\s{{1,3}}(?:referred\s{{1,3}}to\s{{1,3}}as|called))?
        \s{{1,3}})?
    {_QUOTE_OPEN}(?:the{HSPACE}{{1,2}})?(?P<acronym>[A-Z][A-Z0-9]{{1,7}})
    {_QUOTE_CLOSE}\)\Z"""
)
#: Acronyms of the instruments (the instruments family cites "the ECHR" itself).
_INSTRUMENT_ABBREVIATIONS = frozenset(
    a for entry in knowledge.load("instruments.json")["instruments"] for a in entry["abbreviations"]
)
#: The literals a definition of an acronym ends with (its closing quote and bracket).
_ACRONYM_CLOSERS = ("\u2019)", "')", "\u201d)", '")')
#: How far before its closing bracket a definition of an acronym starts.
_ACRONYM_REACH = 64
_THE_BEFORE = compile_pattern(rf"(?<![\w])(?i:the){HSPACE}{{1,2}}\Z")

#: A match starts at most this far before its noun ("(hereinafter referred to as 'the
#: Unfair Commercial Practices Directive')") and looks this far past it; the pattern is
#: tried only there.
_REACH = 96
_AFTER = 48

#: How far back a definition's bracket and sentence are looked for (code points).
_BRACKET_REACH = 400
_SENTENCE_REACH = 800
# Where a sentence ends: a full stop before a capital, or a blank line. "p. 33" and "No. 5"
# (a digit follows) do not end one, nor an abbreviation's period ("OJ No. L 281", "cf. Directive
# ...": ``language.abbreviation_stop``).
_SENTENCE_END = regex.compile(r"[.!?][\u2019\u201d\"']?\s+(?=[A-Z\u2018\u201c(])|\n[ \t]*\n")


def term_key(written: str) -> str:
    """A defined name as a key: its words in lower case, single spaces ("third directive")."""
    return " ".join(written.split()).lower()


def _bracket_start(text: str, lead: int) -> int:
    """The "(" of the bracket group a definition closes ("(OJ ...; 'the Directive')")."""
    if text[lead] == "(":
        return lead
    depth = 0
    for i in range(lead - 1, max(-1, lead - _BRACKET_REACH), -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return i
            depth -= 1
    return lead


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` starts (bounded look-back)."""
    lo = max(0, at - _SENTENCE_REACH)
    start = lo
    lang = detect(text, lo, at)  # the passage's own abbreviations: "art." is no English one
    for m in _SENTENCE_END.finditer(text, lo, at):
        if not abbreviation_stop(text, m.start(), lo, lang):
            start = m.end()
    return start


# The title of an EU act at the top of its own text: "REGULATION (EC) No 1185/2009 OF ...",
# "COMMISSION IMPLEMENTING DECISION (EU) 2021/914".
_OWN_TITLE = compile_pattern(
    r"""(?m)^[ \t\u00a0#*]{0,20}(?:(?:COUNCIL|COMMISSION)[ \t\u00a0]+)?
    (?:(?:IMPLEMENTING|DELEGATED)[ \t\u00a0]+)?
    (?P<type>FRAMEWORK[ \t\u00a0]+DECISION|REGULATION|DIRECTIVE|DECISION)\b"""
)
#: How far from the top of a text its own title is looked for (code points).
OWN_TITLE_REACH = 2000


def own_act_type(text: str) -> str | None:
    """The act type of the document itself when it is an EU act (its title at the top)."""
    m = _OWN_TITLE.search(text, 0, OWN_TITLE_REACH)
    if m is None:
        return None
    return ACT_NOUNS[" ".join(m.group("type").split()).title()]


#: The act nouns a back-reference in another language names, lower-case -> act type
#: (``règlement`` -> ``regulation``). Plurals name several acts; a decision is left out, as
#: ``ladite décision``, ``dicha decisión``, ``die genannte Entscheidung`` are as often a
#: court's or an authority's (the act types are written in lower case or, in German, as
#: every noun is, so case does not tell them apart).
_LANG_NOUNS = {
    word: kind
    for words in eu_words.load().values()
    for word, kind in words.act_types.items()
    if kind in ("regulation", "directive", "framework decision")
    and word not in words.plural_act_types
}
_LANG_TABLES = tuple(load_lexicon(lang) for lang in sorted(eu_words.load()))
#: back-reference word, lower-case -> the language whose table holds it
_LANG_OF_WORD = {
    " ".join(w.lower().split()): lex.language
    for lex in _LANG_TABLES
    for w in (*lex.back_reference_words, *lex.back_reference_after, *lex.demonstratives)
}
_NO_WORDS = alternation(w for words in eu_words.load().values() for w in words.no_words)


#: The words of a back-reference in another language that stand right before its noun
#: ("dudit", "dicha", "der genannten", "cette") and right after it ("précité", "citada").
_LANG_STRONG = alternation(w for lex in _LANG_TABLES for w in lex.back_reference_words)
_LANG_DEMONSTRATIVES = alternation(w for lex in _LANG_TABLES for w in lex.demonstratives)
_LANG_AFTER = alternation(w for lex in _LANG_TABLES for w in lex.back_reference_after)


def _language_pattern() -> str:
    nouns = alternation(_LANG_NOUNS)
    strong, after, demonstratives = _LANG_STRONG, _LANG_AFTER, _LANG_DEMONSTRATIVES
    dets = alternation(w for lex in _LANG_TABLES for w in (*lex.of_words, *lex.determiners))
    return rf"""
    (?<![\w'’])
    (?:(?:{dets}){HSPACE}{{1,2}})?
    (?:(?P<pre>{strong}){HSPACE}{{1,2}}(?P<noun>{nouns})
      | (?P<dem>{demonstratives}){HSPACE}{{1,2}}(?P<dnoun>{nouns})
      | (?P<anoun>{nouns}){HSPACE}{{1,2}}(?P<post>{after}))
    (?![\w\-])
    # a number follows: an act citation ("dicho Reglamento (UE) 2016/679"), not a back-reference
    (?!{HSPACE}{{0,2}}(?:\(|\[|\d|{_NO_WORDS}))
    """


_LANG_BACKREF = compile_pattern(_language_pattern())
_LANG_HITS = tuple(sorted(_LANG_NOUNS))
#: What a match of ``_LANG_BACKREF`` needs around its noun, the pattern's own parts: the
#: word before it ending right before the noun (searched right to left from the noun), or
#: the word after it.
_LANG_LEAD_IN = compile_pattern(rf"(?r)(?:{_LANG_STRONG}|{_LANG_DEMONSTRATIVES}){HSPACE}{{1,2}}\Z")
_LANG_FOLLOWER = compile_pattern(_LANG_AFTER)
#: The first words of nouns of several words that are not nouns themselves ("decisión marco"):
#: written with a line break inside, such a noun holds no hit.
_LANG_LOOSE = tuple(sorted({n.split()[0] for n in _LANG_NOUNS if " " in n} - set(_LANG_NOUNS)))
#: Every word of what may stand before a noun in another language ("de dicha", "der genannten").
_LANG_LEAD_WORDS = frozenset(
    word.lower()
    for lex in _LANG_TABLES
    for phrase in (*lex.back_reference_words, *lex.demonstratives, *lex.of_words, *lex.determiners)
    for word in phrase.split()
)
_LANG_TAIL = regex.compile(r"[\w'\u2019]+\Z")


def _lang_earliest(text: str, start: int, lo: int) -> int:
    """Where, at the earliest (from ``lo``), a back-reference in another language can start
    with its noun at ``start``: at the noun, unless one of the words that may lead in to it
    stands right before ("dicha", "ladite", "der genannten")."""
    i = start
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == start:
        return start
    tail = _LANG_TAIL.search(text, max(lo, i - 24), i)
    if tail is not None and tail.group().lower() in _LANG_LEAD_WORDS:
        return lo
    return start


@attrs.frozen(slots=True)
class BackReferenceParts:
    """What a back-reference names, for the short-form stage.

    ``act_type``: the act noun's type. ``term``: the name it uses ("third directive";
    "directive" for the bare noun). ``definition``: "('the Third Directive')", which names the
    act cited just before its bracket: ``bracket_back`` and ``sentence_back`` say how far
    before the definition its bracket and its sentence start. ``demonstrative``: "that
    Directive", "the said Directive", the nearest act of that type rather than a defined name.
    ``other``: the noun names another act, by its title ("the Regulation on ...") or by a
    number the EU acts family did not read (placeholders it did read are dropped by the scan).
    """

    act_type: str
    definition: bool = False
    other: bool = False
    term: str = ""
    demonstrative: bool = False
    bracket_back: int = 0
    sentence_back: int = 0

    @property
    def plain(self) -> bool:
        """Is the name the act noun alone ("the Directive")?"""
        return self.term in ("", self.act_type)


def _noun_hits(doc: Document) -> list[tuple[int, int]]:
    """The act nouns a back-reference can be made of: capitalised ("the Directive"), or in
    lower case after "that" or "said" ("of that directive", "the said framework decision").
    Most lower-case nouns of a text ("a decision on") are neither, and no window is searched
    around them."""
    text = doc.text
    hits = doc.hits(("regulation", "directive", "decision"))
    kept = []
    for start, end in hits:
        first = text[start]
        if first in "RD" or (
            first in "rd"
            and (
                text.find("that", max(0, start - _DEMONSTRATIVE_REACH), start) != -1
                or text.find("said", max(0, start - _DEMONSTRATIVE_REACH), start) != -1
            )
        ):
            kept.append((start, end))
    return kept


#: Words after which a back-reference may start a word or two back: "the Regulation", "the
#: said Regulation", "that said Directive", "of that directive".
_DETERMINERS = frozenset(("the", "that", "said"))
_QUOTES = frozenset("\u2018'\u201c\"")
_NAME_TOKEN = regex.compile(rf"{_NAME_WORD}|[Ff]ramework")
_NAME_TOKEN_END = regex.compile(rf"(?<![\w])(?:{_NAME_WORD}|[Ff]ramework)\Z")
_TRAILING_WORD = regex.compile(r"\w+\Z")
#: A match starts at most this many words before its noun: "the" and four name words
#: ("the Dublin III Asylum Procedures Directive"), and the word before "the".
_WORDS_BEFORE = 6


def _backref_earliest(text: str, start: int, lo: int) -> int:
    """Where, at the earliest (from ``lo``), a match can start with its first act noun at
    ``start``: at the noun or the name words right before it ("Framework Decision", "The
    Third Directive"), or a word before "the", "that" or "said" ("the said Regulation", "of
    that directive"); a quote (a definition) leaves the whole window to search."""
    i = start
    if i > lo and text[i - 1] in _QUOTES:
        return lo  # "('Directive')"
    while i > lo and not text[i - 1].isspace():
        i -= 1  # the noun ends a longer name word ("EuropeanDirective"): from that word on
    if i < start and (
        (i == lo and i > 0 and not text[i - 1].isspace()) or not _QUOTES.isdisjoint(text[i:start])
    ):
        return lo
    for _ in range(_WORDS_BEFORE):
        j = i
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j == i:
            return i  # no space run leads to the noun (or the window starts here)
        k = j
        while k > lo and not text[k - 1].isspace():
            k -= 1
        if k == lo and k > 0 and not text[k - 1].isspace():
            return lo  # the run goes on before the window
        token = text[k:j]
        if not _QUOTES.isdisjoint(token):
            return lo  # "(hereinafter 'the Regulation')"
        if _NAME_TOKEN.fullmatch(token) is not None:
            i = k  # a name word ("Third", "The", "Framework"): the match may go on before it
            continue
        tail = _TRAILING_WORD.search(token)
        if tail is not None and tail.group().lower() in _DETERMINERS:
            # "the said Regulation", "of that directive": the word before may be part of it
            while k > lo and text[k - 1].isspace():
                k -= 1
            while k > lo and not text[k - 1].isspace():
                k -= 1
            return k
        if _NAME_TOKEN_END.search(token) is not None:
            return k  # "warrant –Framework Decision": from within this run
        return i  # "Council Framework Decision": from the name words walked over
    return lo


#: "that" / "said" ends at most this far before a lower-case noun: "said" + two spaces +
#: "framework" + two spaces, with room to spare.
_DEMONSTRATIVE_REACH = 24


#: "Article 88 GDPR", "Articles 5 and 6 GDPR": an article written right before an acronym.
_ARTICLE_REACH = 60
_ARTICLE_RIGHT_BEFORE = compile_pattern(
    r"(?<![\w])(?P<body>(?:Articles?|Art\.)[ \u00a0]{1,2}\d{1,3}[a-z]?(?:\(\w{1,4}\))*"
    r"(?:(?:,[ \u00a0]|[ \u00a0]and[ \u00a0])\d{1,3}[a-z]?(?:\(\w{1,4}\))*)*)[ \u00a0]{1,2}\Z"
)


def _matches(doc: Document) -> Iterator[regex.Match[str]]:
    """The matches of the windows around the act nouns that can be part of one
    (:func:`matches_near`), found with less searching."""
    return matches_at_hits(
        _BACKREF, _noun_hits(doc), doc.text, before=_REACH, after=_AFTER,
        earliest=_backref_earliest,
    )  # fmt: skip


def _lang_matches(doc: Document) -> Iterator[regex.Match[str]]:
    """The matches of the windows around the act nouns (:func:`matches_near`), found with
    less searching; all windows searched where a noun of several words may hold no hit
    ("decisión marco" across a line break)."""
    text = doc.text
    hits = doc.hits(_LANG_HITS)
    if doc.has_any(_LANG_LOOSE):
        return matches_near(_LANG_BACKREF, hits, text, before=_REACH, after=_AFTER)
    return matches_at_hits(
        _LANG_BACKREF, _lang_nouns(text, hits), text, before=_REACH, after=_AFTER,
        earliest=_lang_earliest,
    )  # fmt: skip


def _lang_nouns(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The hits where a back-reference in another language can have its noun: a word of
    the pattern ends right before them or follows within reach. Why: "directive" is also an
    English word, and an English text's every "Directive" was a window searched for nothing.
    The hits at one offset (a noun and a longer one) are kept or dropped together."""
    kept: list[tuple[int, int]] = []
    i, count = 0, len(hits)
    while i < count:
        start = hits[i][0]
        j = i
        while j < count and hits[j][0] == start:
            j += 1
        end = max(hit[1] for hit in hits[i:j])
        if (
            _LANG_LEAD_IN.search(text, max(0, start - _REACH), start) is not None
            or _LANG_FOLLOWER.search(text, start, end + _AFTER) is not None
        ):
            kept.extend(hits[i:j])
        i = j
    return kept


class BackReferencesFamily:
    """Finds "the Decision" / "that Directive" back-references to EU acts cited before."""

    name = "backrefs"
    triggers: tuple[str, ...] = ("regulation", "directive", "decision", *_LANG_HITS)
    anchors = (*triggers, *_ACRONYM_CLOSERS, *_LANG_LOOSE)
    #: runs, even without its triggers, where acronyms were defined before the text
    reads_acronyms = True
    priority = 0
    #: read past a citation: its pinpoint and language; what its pattern reads past a hit
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH, _AFTER)
    rules: tuple[Rule, ...] = ()

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        yield from self._in_other_languages(doc)
        yield from self._acronyms(doc)
        own = own_act_type(doc.head)
        for m in _matches(doc):
            if m.group("dterm"):
                yield self._definition(text, m)
                continue
            if m.group("numbered"):
                kind = ACT_NOUNS[" ".join(m.group("numbered").split())]
                parts = BackReferenceParts(kind, other=True)
                yield self._placeholder(text, m.start(), m.end(), parts)
                continue
            if m.group("uterm"):
                act_type = ACT_NOUNS[" ".join(m.group("unoun").split())]
                term = term_key(m.group("uterm"))
                yield self._use(text, m.start(), m.end(), BackReferenceParts(act_type, term=term))
                continue
            if m.group("lnoun"):
                act_type = ACT_NOUNS[" ".join(m.group("lnoun").split()).title()]
                parts = BackReferenceParts(act_type, term=act_type, demonstrative=True)
                yield self._use(text, m.start(), m.end(), parts)
                continue
            act_type = ACT_NOUNS[" ".join(m.group("noun").split())]
            det = m.group("det").lower()
            if act_type == own and det == "the" and not m.group("said"):
                continue  # in a regulation, "the Regulation" may be the text itself
            start, end = m.start(), m.end("noun")
            if m.group("other"):
                # "the Regulation on markets in crypto-assets": another act, by its title.
                yield self._placeholder(text, start, end, BackReferenceParts(act_type, other=True))
                continue
            demonstrative = det != "the" or bool(m.group("said"))
            parts = BackReferenceParts(act_type, term=act_type, demonstrative=demonstrative)
            yield self._use(text, start, end, parts)

    def _acronyms(self, doc: Document) -> Iterator[Citation]:
        """Definitions of acronyms ("('the GDPR')") and their later uses ("Article 5 of the
        GDPR", "the GDPR"); the short-form stage binds each to the act cited just before the
        definition, or drops it. The uses of all defined acronyms are found in one pass."""
        text = doc.text
        # acronym -> end of its first definition (those defined before the text: anywhere)
        defined: dict[str, int] = dict.fromkeys(doc.acronyms, 0)
        for _, end in doc.hits(_ACRONYM_CLOSERS):
            m = _ACRONYM_DEFINITION.search(text, max(0, end - _ACRONYM_REACH), end)
            if m is None or m.group("acronym") in _INSTRUMENT_ABBREVIATIONS:
                continue
            acronym = m.group("acronym")
            start = m.start("acronym")
            bracket = _bracket_start(text, m.start("lead"))
            parts = BackReferenceParts(
                "",
                definition=True,
                term=acronym.lower(),
                bracket_back=start - bracket,
                sentence_back=start - _sentence_start(text, bracket),
            )
            yield self._placeholder(text, start, m.end("acronym"), parts)
            defined.setdefault(acronym, m.end())
        if not defined:
            return
        # one acronym per case-insensitive key (the last defined), found as written: case
        # matters, and the text need not be lower-cased
        written = frozenset({a.lower(): a for a in defined}.values())
        found = find_all(text, written)  # all acronyms in one pass
        for start, acronym in sorted((s, a) for a, ss in found.items() for s in ss):
            end = start + len(acronym)
            if start < defined[acronym]:
                continue  # uses follow the definition
            if _joined(text, start - 1, -1) or _joined(text, end, 1):
                continue  # inside a word or a compound ("GDPR-compliant")
            if text[end : end + 2] in _ACRONYM_CLOSERS:
                continue  # another definition of it
            the = _THE_BEFORE.search(text, max(0, start - 6), start)
            if the is not None and read_before(text, start) is None:
                start = the.start()
            yield self._use(text, start, end, BackReferenceParts("", term=acronym.lower()))

    def _definition(self, text: str, m: regex.Match[str]) -> Citation:
        """A placeholder for "('the Third Directive')" over the name inside the quotes."""
        start, end = m.start("dterm"), m.end("dterm")
        bracket = _bracket_start(text, m.start("lead"))
        parts = BackReferenceParts(
            ACT_NOUNS[" ".join(m.group("dnoun").split())],
            definition=True,
            term=term_key(m.group("dterm")),
            bracket_back=start - bracket,
            sentence_back=start - _sentence_start(text, bracket),
        )
        return self._placeholder(text, start, end, parts)

    def _use(self, text: str, start: int, end: int, parts: BackReferenceParts) -> Citation:
        """A back-reference with the pinpoint written before or after it."""
        pinpoint = NO_PINPOINT
        own = start
        before = read_before(text, start)
        # "Article 88 GDPR": an acronym right after the article, as "Article 267 TFEU"
        bare = (
            _ARTICLE_RIGHT_BEFORE.search(text, max(0, start - _ARTICLE_REACH), start)
            if before is None and parts.term and not parts.act_type
            else None
        )
        if before is not None:
            pinpoint, start = before.pinpoint, before.start
        elif bare is not None:
            pinpoint, start = parse_body(bare.group("body")), bare.start()
        else:
            after = read_after(text, end)
            if after is not None:
                pinpoint, end = after.pinpoint, after.end
        return Citation(
            id="",
            kind=Kind.SHORT_FORM,
            text=text[start:end],
            start=start,
            end=end,
            pinpoint=pinpoint,
            parts=parts,
            short_form=True,
            family=self.name,
            lead=own - start if before is not None else 0,
        )

    def give_way(self, doc: Document, ref: Citation, floor: int) -> Citation:
        """``ref`` with its pinpoint read before it again, from ``floor`` on: another family's
        citation ends there, and a pinpoint never reaches back over it (none if what is left
        is no pinpoint)."""
        text = doc.text
        own = ref.start + ref.lead
        m = _LANG_BACKREF.match(text, own)
        word = m and (m.group("pre") or m.group("dem") or m.group("post"))
        if word:
            lang = _LANG_OF_WORD[" ".join(word.lower().split())]
            found = languages.read_just_before(lang, text, own, floor)
        else:
            found = read_before(text, own, floor)
        pinpoint, start = (found.pinpoint, found.start) if found is not None else (NO_PINPOINT, own)
        return attrs.evolve(
            ref, start=start, text=text[start : ref.end], pinpoint=pinpoint, lead=own - start
        )

    def _in_other_languages(self, doc: Document) -> Iterator[Citation]:
        """``article 6 dudit règlement``, ``dicha Directiva``, ``der genannten Verordnung``:
        placeholders for the short-form stage, with the pinpoint written before them (or
        after them with a possessive or a verb of providing: ``ledit règlement prévoit, à son
        article 5``)."""
        text = doc.text
        for m in _lang_matches(doc):
            noun = m.group("noun") or m.group("dnoun") or m.group("anoun")
            word = m.group("pre") or m.group("dem") or m.group("post")
            act_type = _LANG_NOUNS[" ".join(noun.lower().split())]
            lang = _LANG_OF_WORD[" ".join(word.lower().split())]
            start, end = m.start(), m.end()
            found = languages.read_just_before(lang, text, start)
            pinpoint = NO_PINPOINT
            words_start = start  # where the back-reference's own words start
            if found is not None:
                pinpoint, start = found.pinpoint, found.start
            else:
                # "ledit règlement prévoit, à son article 5,", "dicho Reglamento establece en
                # su artículo 5"
                own = languages.read_in_own(lang, text, start, end)
                if own is not None:
                    pinpoint, end = own.pinpoint, own.end
            yield Citation(
                id="",
                kind=Kind.SHORT_FORM,
                text=text[start:end],
                start=start,
                end=end,
                pinpoint=pinpoint,
                parts=BackReferenceParts(act_type),
                short_form=True,
                family=self.name,
                lead=words_start - start,
            )

    def _placeholder(self, text: str, start: int, end: int, parts: BackReferenceParts) -> Citation:
        return Citation(
            id="",
            kind=Kind.SHORT_FORM,
            text=text[start:end],
            start=start,
            end=end,
            parts=parts,
            short_form=True,
            family=self.name,
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


def _joined(text: str, i: int, step: int) -> bool:
    """Does the character at offset ``i`` join a word to another (a letter or digit; a hyphen,
    slash or colon with a letter or digit beyond it: "GDPR-compliant", "CE:ECHR:2019")?"""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum() or text[i] == "_":
        return True
    beyond = i + step
    return text[i] in "-\u2010\u2011/:" and 0 <= beyond < len(text) and text[beyond].isalnum()


FAMILY = BackReferencesFamily()
