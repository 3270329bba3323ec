"""Treaty-body general comments and general recommendations cited in prose.

"general comment No. 34 of the Human Rights Committee" -> ``gc:CCPR/34``; "CEDAW general
recommendation No. 35" -> ``gc:CEDAW/35``; "General Recommendation XXV (2000)" (CERD's early
Roman numbering) -> ``gc:CERD/25``. The committee comes, in this order, from
the words right before or right after, Roman numbering, a committee named in the 160
characters before, the citing document's own committee, and a year in parentheses checked
against the few facts F.2 gives. Otherwise the id is ``gc:?/16``, flagged ambiguous.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

import attrs
import regex

from citecheck import knowledge, lexicon
from citecheck import un_languages as un
from citecheck.families import un_context as ctx
from citecheck.families.base import (
    HSPACE,
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    hits_followed_by,
    matches_near,
)
from citecheck.language import abbreviation_stop, detect
from citecheck.lexicon import CHARACTERS
from citecheck.model import NO_PINPOINT, Citation, Finding, Fix, Kind, Pinpoint, Severity
from citecheck.patterns import unreadable_number
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import pinpoint_after, pinpoint_before
from citecheck.rules import Rule

_H = HSPACE
_W = r"[\s\u00a0]+"

#: Adoption years of the general comments; used to resolve and to check.
KNOWN_YEARS: dict[tuple[str, int], int] = {
    (body.code, number): year
    for body in knowledge.treaty_bodies().values()
    for number, year in body.adopted
}


@attrs.frozen(slots=True)
class GeneralCommentRef:
    """A general comment or recommendation: committee (None if unknown), number, year."""

    committee: str | None
    number: int
    term: str  # "comment" | "recommendation"
    year: int | None = None
    roman: bool = False
    joint: bool = False
    committee_source: str = "none"  # named, joint, roman, context, sentence, document, year, none


_TREATIES = "|".join(
    rf"\b{regex.escape(abbr)}\b"
    for abbr in sorted(knowledge.treaty_abbreviations(), key=len, reverse=True)
)
_TERMS = un.spaced(un.general_terms("comment") + un.general_terms("recommendation"))
#: The signs after "n" that make it "number": "n°", "nº", "nᵒ" (the characters table).
_SIGN = CHARACTERS.number_sign_class
# "no", "nos", "n°", "nº", "n.º", "núm.", "No.", "Nº": French and Spanish number markers;
# "Nr.", "Nrn.": German ones.
_NUMBER_MARK = rf"(?:[nN](?:{_SIGN}|\.[\s\u00a0]?[ºo]|os?\.?|úms?\.)|N{_SIGN}|Nrn?\.)(?!\w)"
# A slash after the number only before the joint text's other number: "joint general
# recommendation No. 31/general comment No. 18", "joint general comment No. 3/No. 22".
_ITEM = (
    r"(?P<num>\d{1,3}|[IVXL]{1,7})(?!\w|\.\d|/(?!" + _H + r"*(?:[Gg]eneral|GENERAL|[Nn]o\.)))"
    r"(?:" + _H + r"*\((?P<year>(?:19|20)\d\d)\))?"
)
# "Observación general No. 31 [80]": the session in brackets (UN Spanish compilations).
_ITEM += r"(?:" + _H + r"*\[\d{1,3}\])?"
#: "HRC General Comment No. 31": abbreviations that name a committee only before its term.
_BY_TERM = knowledge.abbreviations_by_term()
_ABBRS = "|".join(rf"\b{regex.escape(a)}\b" for a in sorted(_BY_TERM, key=len, reverse=True))
_HEAD = compile_pattern(
    rf"""(?<!\w)
    # "CEDAW general recommendation", and the treaty naming its committee: "ICCPR General
    # Comment 20" (the ICCPR is no separate citation here).
    (?:(?P<pre>{ctx.COMMITTEE_NAMES_EN})(?:['’]s)?{_W}|(?P<treaty>{_TREATIES}){_W}
      |(?P<abbr>{_ABBRS}){_W})?
    (?P<joint>[Jj]oint{_W})?
    (?:(?P<general>[Gg]eneral|GENERAL){_W}
       (?P<term>[Cc]omments?|COMMENTS?|[Rr]ecommendations?|RECOMMENDATIONS?)
      # "CESCR GC 24", "GC No. 34 of the Human Rights Committee": kept only with the
      # committee named next to it.
      |(?P<short>G[CR])(?=[\s\u00a0]))
    (?:,?{_W}(?:including|in{_W}particular|notably|especially|such{_W}as),?{_W}
        (?:[Nn]os?\.?|[Nn]umbers?|N{_SIGN}){_H}*   # "general comments, including Nos. 16, 27"
      # "general comment No. 34", "general recommendation, No. 30 (2013)"
      | (?:,?{_W}(?:[Nn]os?\.?|[Nn]umbers?|N{_SIGN}))?{_H}*)
    {_ITEM}"""
)
# "observation générale no 34", "observación general núm. 34": the term in the language. Its
# own pattern, run only on texts holding one of its words, keeps English scans as fast as they
# were; the groups the English head has and these forms lack never match.
# The groups stand last: leading optional groups kept the engine from scanning for the term.
_HEAD_LANG = compile_pattern(
    rf"""(?<!\w)(?P<term>{_TERMS}){_W}(?:{_NUMBER_MARK}{_H}*)?{_ITEM}
    (?P<pre>(?!))?(?P<treaty>(?!))?(?P<abbr>(?!))?(?P<joint>(?!))?(?P<general>(?!))?
    (?P<short>(?!))?"""
)
_LANG_LITERALS = ("générale", "observaci", "recomendaci", "bemerkung", "empfehlung", "kommentar")
#: Every English head holds "general" and its term after a space run; the committee or treaty
#: before it (at most 94 characters, with the spaces around) stays well within the reach.
_GENERAL = ("general", "General", "GENERAL")
_TERM_STARTS = ("comment", "recommendation")
_HEAD_REACH = 400
_HEAD_AFTER = 100


def _lang_heads(doc: Document) -> Iterator[regex.Match[str]]:
    """The French and Spanish heads, as ``_HEAD_LANG.finditer`` gives them, found near the
    words every one holds ("observaci", "générale"): a whole-text pass of the pattern cost
    as much as all the rest of the family on a long French text.

    The words are found in the lower-cased text; where the text holds a long s (which the
    pattern's case folding reads as "s"), the whole text is searched as before."""
    text = doc.text
    if "\u017f" in text:
        everywhere: Iterator[regex.Match[str]] = _HEAD_LANG.finditer(text)
        return everywhere
    return matches_near(
        _HEAD_LANG, doc.hits(_LANG_LITERALS), text, before=_LANG_REACH, after=_HEAD_AFTER
    )


#: How far before its word a French or Spanish head starts: "observations" and a space run
#: before "générale".
_LANG_REACH = 40


def _general_hits(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans from each "general" to the end of the term word that follows it (the anchor of
    every English head), found by the anchor pass."""
    text = doc.text
    n = len(text)
    for start, end in doc.hits(_GENERAL, exact=True):
        j = end
        while j < n and (text[j].isspace() or text[j] == "\u00a0"):
            j += 1
        if j > end:
            word = text[j : j + 14].lower()
            if word.startswith(_TERM_STARTS):
                yield start, j + (7 if word.startswith("comment") else 14)


#: "CESCR GC 24": the abbreviated term, found written as is and followed by a space.
_SHORT = ("GC ", "GR ")


#: What follows "GC"/"GR" in every abbreviated head: a number, perhaps after a number mark
#: ("GC No. 25") or "including Nos." (a loose superset of the head's own forms).
_SHORT_THEN_NUMBER = compile_pattern(
    rf"""{_W}(?:(?:including|in{_W}particular|notably|especially|such{_W}as),?{_W})?
    (?:(?:[Nn]os?\.?|[Nn]umbers?|N{_SIGN}){_H}*)?[\dIVXL]"""
)


def _short_hits(doc: Document) -> list[tuple[int, int]]:
    """Spans of "GC"/"GR" before a space and a number (the anchor of an abbreviated head).

    Why the number is checked here: each anchor costs a search of the head pattern over a
    window of some 500 characters; "GC" alone is common (gas chromatography, "GC analysis")."""
    hits = [(start, end - 1) for start, end in doc.hits(_SHORT, exact=True)]
    return hits_followed_by(doc, hits, _SHORT_THEN_NUMBER)


_SHORT_LOWER = tuple(w.lower() for w in _SHORT)


#: Joint general comments: (number, term) -> the committee that gave the joint text that
#: number ("joint general recommendation No. 31/general comment No. 18": CEDAW's No. 31, the
#: CRC's No. 18).
_JOINT: dict[tuple[int, str], str] = {
    (number, knowledge.treaty_bodies()[code].term): code
    for pair in knowledge.joint_general_comments()
    for code, number in pair
}


_CONT = compile_pattern(
    rf"(?:{_H}*,{_H}*(?:(?:and|{un.list_words()}){_W})?|,?{_W}(?:and|or|{un.list_words()}){_W}"
    rf"|{_H}*/{_H}*)"
    rf"(?:(?:[Nn]o\.?|{_NUMBER_MARK}){_H}*)?{_ITEM}"
)
_AFTER = compile_pattern(
    rf"""(?:,?{_W}(?:of|by|adopted{_W}by|issued{_W}by|du|de{_W}la|del|des)|,)?(?:{_W}the)?{_W}
    (?P<name>{ctx.COMMITTEE_NAMES})"""
)

# "the Committee on the Elimination of Discrimination against Women, general comment No. 35":
# the committee named right before, outside the citation's span, whatever the document's own.
# "Committee on Migrant Workers ... (CMW), general comment No. 1": its abbreviation between.
_NAMED_BEFORE = compile_pattern(
    rf"(?:{ctx.COMMITTEE_NAMES})(?:['’]s)?(?:{_H}*\([A-Z]{{2,8}}\))?,{_W}\Z"
)
_NAMED_REACH = 122  # the longest committee name, its abbreviation, and the comma

# Where a sentence or a note starts: a line break, a full stop or semicolon before a capital
# or a note marker ("No. 16" and "para. 5" go on; nor does an abbreviation's period, "e.g.
# General comment ...": ``language.abbreviation_stop``), or a brace (a record of structured data).
_SENTENCE_START = compile_pattern(r"\n|[{}]|[.;][\s\u00a0]+(?=[A-Z\[])")
_SENTENCE_REACH = 400

# "the Convention on the Elimination of All Forms of Discrimination against Women, general
# recommendation No. 28": the treaty names its committee, and is part of the citation.
_TREATY_NAMES = knowledge.treaty_names()
_TREATY_BEFORE = compile_pattern(
    r"(?<![\w])(?P<treaty>"
    + "|".join(
        _W.join(regex.escape(w) for w in name.split())
        for name in sorted(_TREATY_NAMES, key=len, reverse=True)
    )
    + rf"),{_W}\Z"
)
_TREATY_REACH = 20 + max(map(len, _TREATY_NAMES))
# "article 2 of the Convention ..., general recommendation No. 28": the treaty is cited there
# for its article; the general recommendation does not take its name into its span.
_ARTICLE_OF = compile_pattern(
    rf"(?i:art(?:icles?|s?\.)){_H}*\d[^,;.\n]{{0,30}}?{_W}of{_W}(?:the{_W})?\Z"
)

# "the Committee's general comment", "in its general comment", "The Committee, in its".
_OWN = compile_pattern(rf"(?:\bCommittee['’]s|\bits|\bthe{_W}Committee\b)[^.;\n]{{0,40}}\Z")

AMBIGUOUS = Rule(
    "GC101",
    "ambiguous-general-comment",
    Severity.WARNING,
    "The committee of a general comment or recommendation cannot be determined.",
    "'General comment No. 16' exists for the Human Rights Committee (1988), CESCR (2005) and "
    "CRC (2013). Name the committee or give the year.",
    bad="general comment No. 16",
    good="general comment No. 16 (2013) of the Committee on the Rights of the Child",
)
YEAR_MISMATCH = Rule(
    "GC102",
    "general-comment-year-mismatch",
    Severity.WARNING,
    "The year given for a general comment is not the year that committee adopted it.",
    "The adoption year of every general comment and recommendation of the nine committees is "
    "known (as each committee lists them). Checked where the text names the committee, or is "
    "that committee's own document; a committee only guessed from the surroundings whose year "
    "differs is left open instead (GC101).",
    bad="general comment No. 34 (2005) of the Human Rights Committee",
    good="general comment No. 34 (2011) of the Human Rights Committee",
)
WRONG_TERM = Rule(
    "GC103",
    "general-comment-term",
    Severity.INFO,
    "CEDAW and CERD issue general recommendations; the other committees general comments.",
    "The term is part of the title; using the other one makes the citation harder to find.",
    bad="CEDAW general comment No. 35",
    good="CEDAW general recommendation No. 35",
    fixable=True,
)
IMPLAUSIBLE = Rule(
    "GC104",
    "general-comment-number",
    Severity.WARNING,
    "The general comment number is implausible (0, or above the committee's latest).",
    "Committees number their general comments from 1; citecheck knows each committee's latest "
    "number and its date (CESCR No. 27 in September 2025, CEDAW No. 40 in October 2024). A "
    "higher number is a typo or newer than citecheck's data.",
    bad="general comment No. 340",
    good="general comment No. 34",
)

RULES = (AMBIGUOUS, YEAR_MISMATCH, WRONG_TERM, IMPLAUSIBLE)


#: The words of "general recommendation" in each language, lower-cased, single-spaced.
_RECOMMENDATION_TERMS = frozenset(
    " ".join(w.lower().split()) for w in un.general_terms("recommendation")
)


def _counterparts() -> dict[str, tuple[str, bool]]:
    """Each language's term (lower-cased, single-spaced) -> the other term in the same
    grammatical form ("observation générale" -> "recommandation générale"), and whether the
    language elides a determiner before a vowel (its lexicon has "l'"). The table lists both
    terms' forms in the same order; a form the other term lacks ("Allgemeiner Kommentar":
    masculine, no "Empfehlung" in that form) has no counterpart."""
    out: dict[str, tuple[str, bool]] = {}
    for lang in un.languages():
        determiners = lexicon.load(lang.language).document_determiners
        elides = any(w[-1:] in "'’" for w in determiners)
        terms = dict(lang.general_terms)
        comments, recommendations = terms.get("comment", ()), terms.get("recommendation", ())
        for comment, recommendation in zip(comments, recommendations, strict=False):
            out[" ".join(comment.lower().split())] = (recommendation, elides)
            out[" ".join(recommendation.lower().split())] = (comment, elides)
    return out


_COUNTERPART = _counterparts()
_VOWELS = "aeiouyàâéèêëîïôöùûüh"


def _right_term(word: str, committee: str) -> str | None:
    """The committee's term in the words of ``word`` (the term as written), in its case:
    "comment" -> "recommendation", "Observation générale" -> "Recommandation générale".
    None where the language has no such form, or where the word before would have to change
    with it ("l'observation" / "la recommandation", "sa" / "son")."""
    folded = " ".join(word.lower().split())
    if folded.startswith(("comment", "recommendation")):
        good = "recommendation" if committee in ctx.RECOMMENDATION_COMMITTEES else "comment"
        good += "s" if folded.endswith("s") else ""
    else:
        found = _COUNTERPART.get(folded)
        if found is None:
            return None
        good, elides = found
        if elides and (folded[:1] in _VOWELS) != (good[:1].lower() in _VOWELS):
            return None
    if word.isupper():
        return good.upper()
    if word[:1].isupper():
        return good[:1].upper() + good[1:]
    return good[:1].lower() + good[1:]


def _recommends(word: str) -> bool:
    """Is the head's term a recommendation ("general recommendation", "GR", "Allgemeine
    Empfehlung"), not a comment?"""
    folded = word.lower()
    return folded.startswith(("rec", "gr")) or " ".join(folded.split()) in _RECOMMENDATION_TERMS


def _joint(text: str, m: regex.Match[str]) -> bool:
    """Is the head part of a joint general comment ("joint", or "/" right before it)?"""
    before = text[max(0, m.start() - 50) : m.start()]
    return bool(m.group("joint")) or "joint" in before.lower() or before.endswith("/")


def _fits(committee: str, term: str) -> bool:
    return (committee in ctx.RECOMMENDATION_COMMITTEES) == (term == "recommendation")


def _contradicts(committee: str, num: int, year: int | None) -> bool:
    """Does the given year contradict the year ``committee`` adopted ``num`` in? The year
    after is none: texts, the committees' own among them, often give the year of
    publication ("general comment No. 36 (2019)", adopted in October 2018)."""
    known = KNOWN_YEARS.get((committee, num))
    return year is not None and known is not None and year not in (known, known + 1)


#: How a committee was found when the text itself says which one it is, or the document is
#: that committee's own (GC102 checks those only: a committee guessed from the surroundings
#: whose year differs is left open instead).
_STATED = ("named", "joint", "roman", "document")


def _named(m: regex.Match[str], group: str) -> str | None:
    """Committee named by the COMMITTEE_NAMES groups of a match (first set group)."""
    if not m.group(group):
        return None
    for code in ctx.COMMITTEES:
        if m.group(code):
            return code
    return None


def _own_pinpoint_before(text: str, start: int) -> Pinpoint:
    """The pinpoint before a citation in the words a language keeps to itself ("Ziff. 4 der
    Allgemeinen Bemerkung Nr. 34"), where the shared words read none."""
    for language in un.own_pinpoint_languages():
        pin = pinpoint_before(text, start, un.pinpoint_lexicon(language))
        if pin:
            return pin
    return NO_PINPOINT


class GeneralCommentsFamily:
    """General comments and general recommendations of the treaty bodies."""

    name = "general_comments"
    triggers: tuple[str, ...] = (
        "general comment", "general recommendation", *_LANG_LITERALS, *_SHORT_LOWER,
    )
    anchors = (*_LANG_LITERALS, "general", *_SHORT_LOWER, *ctx.PROFILE_ANCHORS)
    priority = 10
    #: read past a citation: its pinpoint; the committee or language named after the head
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH, _HEAD_AFTER)
    rules: tuple[Rule, ...] = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        prof = ctx.profile(doc)
        # A document's own committee: clear dominance, or any lead when the words before
        # say "its" / "the Committee's" general comment.
        # Which committee a text mentions most is known only from the whole text: a window
        # of a stream counts its own mentions only, so it gives no answer ("?") rather than
        # a wrong one.
        whole = doc.carry is None
        own = {
            (term, relaxed): ctx.document_committee(prof, allowed, relaxed=relaxed)
            if whole
            else None
            for term, allowed in (
                ("comment", set(ctx.COMMITTEES) - ctx.RECOMMENDATION_COMMITTEES),
                ("recommendation", set(ctx.RECOMMENDATION_COMMITTEES)),
            )
            for relaxed in (False, True)
        }
        header = ctx.own_committee(doc)
        anchors: Iterator[tuple[int, int]] = _general_hits(doc)
        if doc.has_any(_SHORT_LOWER):
            anchors = heapq.merge(anchors, _short_hits(doc))
        heads: Iterator[regex.Match[str]] = matches_near(
            _HEAD, anchors, text, before=_HEAD_REACH, after=_HEAD_AFTER
        )
        if doc.has_any(_LANG_LITERALS):
            heads = heapq.merge(heads, _lang_heads(doc), key=lambda h: h.start())
        for m in heads:
            word = m.group("term") or m.group("short")
            term = "recommendation" if _recommends(word) else "comment"
            roman = not m.group("num").isdigit()
            # (num, year, start, end) per item; the head's first item starts at the match.
            items: list[tuple[int, int | None, int, int]] = []
            current: regex.Match[str] = m
            pos = m.end()
            for _ in range(30):
                raw = current.group("num")
                if raw.isdigit() == roman:
                    break
                num = ctx.roman_to_int(raw) if roman else int(raw)
                if num is None or unreadable_number(current.group("year")):
                    break
                year = int(current.group("year")) if current.group("year") else None
                items.append((num, year, current.start("num"), current.end()))
                pos = current.end()
                nxt = _CONT.match(text, pos)
                if nxt is None:
                    break
                current = nxt
            if not items:
                continue
            named = _named(m, "pre")
            if named is None and m.group("treaty"):
                named = knowledge.treaty_abbreviations()[m.group("treaty")]
            if named is None and m.group("abbr"):
                named = _BY_TERM[m.group("abbr")]
            if named is None:
                before = _NAMED_BEFORE.search(text, max(0, m.start() - _NAMED_REACH), m.start())
                named = ctx.committee_from_match(before) if before is not None else None
            head_start = m.start()
            if named is None:
                treaty = _TREATY_BEFORE.search(text, max(0, m.start() - _TREATY_REACH), m.start())
                if treaty is not None:
                    named = _TREATY_NAMES[" ".join(treaty.group("treaty").split())]
                    cited = _ARTICLE_OF.search(text, max(0, treaty.start() - 60), treaty.start())
                    head_start = treaty.start() if cited is None else head_start
            source = "named"
            after = _AFTER.match(text, pos)
            if after and named is None:
                named = _named(after, "name")
                pos = after.end()
            if named is None and m.group("short"):
                continue  # "GC 24" with no committee next to it: not read as a citation
            joint = _joint(text, m)
            lookback, wide = (
                self._committees_before(text, m.start()) if named is None else ([], False)
            )
            resolved: list[tuple[str | None, str]] = []
            for num, year, _, _ in items:
                committee, how = named, source
                if joint and (num, term) in _JOINT:
                    committee, how = _JOINT[(num, term)], "joint"
                if committee is None:
                    own_ref = self._own_reference(text, m.start())
                    committee, how = self._infer(
                        num, year, term, roman, lookback, header, own[(term, own_ref)]
                    )
                    if how == "context" and wide:
                        how = "sentence"
                    dated = self._by_year(num, year, term)
                    known = KNOWN_YEARS.get((committee or "", num))
                    far = how == "sentence"  # a committee named further back in the sentence
                    if dated and (committee is None or far or (known and known != year)):
                        # A sourced adoption year outweighs a guess from the surroundings.
                        committee, how = dated, "year"
                    elif how != "document" and committee is not None and _contradicts(
                        committee, num, year
                    ):
                        # A guess from the surroundings that the given year contradicts is no
                        # answer: left open. The document's own committee stays ("The Committee
                        # recalls its general comment No. 1 (1996)"): its year is what is wrong.
                        committee, how = None, "none"
                resolved.append((committee, how))
            resolved = self._share_committee(resolved, [(n, y) for n, y, _, _ in items], term)
            for index, (num, year, item_start, item_end) in enumerate(items):
                committee, how = resolved[index]
                last = index == len(items) - 1
                start = head_start if index == 0 else item_start
                end = pos if last else item_end
                pin, end = pinpoint_after(
                    text, end, start=start, titled=last, own_languages=True
                )
                if not pin and len(items) == 1:
                    # "paragraph 4 of general comment No. 34", "Ziff. 4 der Allgemeinen ..."
                    pin = pinpoint_before(text, start) or _own_pinpoint_before(text, start)
                yield self._citation(
                    text, m, committee, how, num, year, term, roman, start, end, pin
                )

    @staticmethod
    def _share_committee(
        resolved: list[tuple[str | None, str]], items: list[tuple[int, int | None]], term: str
    ) -> list[tuple[str | None, str]]:
        """One list, one committee: "Nos. 16 (2005) and 20 (2009)" are both CESCR's once the
        year has placed No. 16. Only when the resolved items agree on a single committee.
        """
        known = {c for c, _ in resolved if c is not None}
        if len(known) != 1 or all(c is not None for c, _ in resolved):
            return resolved
        (code,) = known
        if not _fits(code, term):
            return resolved
        return [
            (c, how) if c is not None or _contradicts(code, num, year) else (code, "list")
            for (c, how), (num, year) in zip(resolved, items, strict=True)
        ]

    @staticmethod
    def _committees_before(text: str, pos: int) -> tuple[list[str], bool]:
        """Committees named close before, nearest first; none there, then those named
        earlier in the same sentence or note ("Committee on ..., concluding observations on
        ... (symbol), para. 5, and general comment No. 16"), with True: weaker than a year."""
        near = ctx.committees_before(text, pos)
        if near:
            return near, False
        lo = max(0, pos - _SENTENCE_REACH)
        start = lo
        lang = detect(text, lo, pos)  # the passage's own abbreviations: "art." is no English one
        for start_match in _SENTENCE_START.finditer(text, lo, pos):
            if not abbreviation_stop(text, start_match.start(), lo, lang):
                start = start_match.end()
        return ctx.committees_before(text, pos, pos - start), True

    @staticmethod
    def _own_reference(text: str, pos: int) -> bool:
        """Do the words just before say "its" / "the Committee's" (the document's own)?"""
        return bool(_OWN.search(text, max(0, pos - 60), pos))

    @staticmethod
    def _infer(
        num: int,
        year: int | None,
        term: str,
        roman: bool,
        lookback: list[str],
        header: str | None,
        own: str | None,
    ) -> tuple[str | None, str]:
        """Committee of an item whose committee is not named next to it (F.2 order), then
        the committee whose symbol heads the document, then the one it mentions most."""
        if roman and term == "recommendation":
            return "CERD", "roman"
        for code in lookback:
            if _fits(code, term):
                return code, "context"
        if header and _fits(header, term):
            return header, "document"
        if own and _fits(own, term):
            return own, "document"
        return None, "none"

    @staticmethod
    def _by_year(num: int, year: int | None, term: str) -> str | None:
        """The one committee whose general comment ``num`` F.2 dates to ``year``."""
        if year is None:
            return None
        dated = [
            c for (c, n), y in KNOWN_YEARS.items() if n == num and y == year and _fits(c, term)
        ]
        return dated[0] if len(dated) == 1 else None

    def _citation(
        self,
        text: str,
        m: regex.Match[str],
        committee: str | None,
        how: str,
        num: int,
        year: int | None,
        term: str,
        roman: bool,
        start: int,
        end: int,
        pin: Pinpoint,
    ) -> Citation:
        ref = GeneralCommentRef(committee, num, term, year, roman, _joint(text, m), how)
        cid = f"gc:{committee or '?'}/{num}"
        notes: list[Finding] = []
        # The term as a word, in any language ("general comment", "observation générale");
        # not "GC"/"GR", which name no term to correct.
        if committee and not _fits(committee, term) and not ref.joint and m.group("term"):
            right = "recommendation" if committee in ctx.RECOMMENDATION_COMMITTEES else "comment"
            good = _right_term(m.group("term"), committee)
            fix = None
            if good is not None:
                fix = Fix(m.start("term"), m.end("term"), good, f"write '{good}'")
            notes.append(
                WRONG_TERM.finding(
                    f"{committee} issues general {right}s, not general {term}s",
                    m.start("term"),
                    m.end("term"),
                    id=cid,
                    fix=fix,
                )
            )
        return Citation(
            id=cid,
            kind=Kind.GENERAL_COMMENT,
            text=text[start:end],
            start=start,
            end=end,
            pinpoint=pin,
            parts=ref,
            ambiguous=committee is None,
            family=self.name,
            notes=tuple(notes),
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        ref = citation.parts
        if not isinstance(ref, GeneralCommentRef):
            return
        s, e, cid = citation.start, citation.end, citation.id
        if ref.committee is None:
            yield AMBIGUOUS.finding(
                f"which committee's general {ref.term} No. {ref.number}? Name the committee "
                "or give the year",
                s, e, id=cid,
            )  # fmt: skip
        elif ref.year is not None and ref.committee_source in _STATED:
            known = KNOWN_YEARS.get((ref.committee, ref.number))
            if known is not None and known != ref.year:
                yield YEAR_MISMATCH.finding(
                    f"{ref.committee} general {ref.term} No. {ref.number} was adopted in "
                    f"{known}, not {ref.year}; write ({known})",
                    s, e, id=cid,
                )  # fmt: skip
        body = knowledge.treaty_bodies().get(ref.committee or "")
        highest = body.highest_comment if body else knowledge.highest_general_comment()
        if ref.number == 0 or ref.number > highest:
            who = f"{body.code} had adopted" if body else "no committee had adopted more than"
            as_of = body.comments_as_of if body else "the latest data"
            yield IMPLAUSIBLE.finding(
                f"general {ref.term} No. {ref.number}: as of {as_of} {who} {highest}",
                s, e, id=cid,
            )  # fmt: skip


FAMILY = GeneralCommentsFamily()

__all__ = ["FAMILY", "KNOWN_YEARS", "RULES", "GeneralCommentRef", "GeneralCommentsFamily"]
