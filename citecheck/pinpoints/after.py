"""Pinpoints that follow a citation: ``, para. 66``, ``paras. 3 to 5``, ``, annex``, ``p. 13``.

Families call :func:`pinpoint_after` at the end of the citation they matched; it reads forward
with anchored matches only (no search), so the cost is proportional to the pinpoint's length.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs
import regex

from citecheck import language as text_language
from citecheck.lexicon import CHARACTERS, ENGLISH, Lexicon, alternation
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart
from citecheck.pinpoints.numbers import bare_letter, parse_numbers, sub_letters
from citecheck.un_languages import (
    article_paragraphs,
    bare_letters,
    citation_words,
    footnote_leads,
    other_document_words,
    own_pinpoint_languages,
    pinpoint_lexicon,
    title_words,
)

_H = CHARACTERS.hspace_class
_DASH = "[" + regex.escape(CHARACTERS.range_dashes) + "]"
# An article of an instrument annexed to a resolution: "A/RES/61/295, annex, art. 32 (2)".
_ANUM = r"\d{1,3}[a-z]?(?![\d/])(?:" + _H + r"?\([a-z0-9]{1,4}\))*"
# "para. 5 (a) and (b)", "par. 5 a) et b)": a sub-division alone is another one of the number
# before it (French and Spanish letters close with ")" only)
_SUB_ONLY = r"(?:\([a-z]{1,4}\)|(?:[a-z]|[ivx]{1,4})\)(?![\w(]))"
#: The annex words of the shared UN lexicon, as the reader has always written them.
_ANNEX = "annexe(?!s)|anexo|annex"
# A short aside between a citation and its pinpoint: "A/HRC/52/7/Add.3 (visit to Chile), para. 12".
# No slash (it would be another citation) and no nested parentheses; bounded.
_ASIDE = regex.compile(rf"{_H}?\([^()/\n]{{1,100}}\)(?={_H}?,{_H}*)")
#: The Latin suffixes of an inserted article ("art. 8 bis").
_LATIN = "(?i:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)"
_OPEN = regex.compile(rf"{_H}?\({_H}?")
_CLOSE = regex.compile(rf"{_H}?\)")


@attrs.frozen(slots=True, eq=False)
class _Grammar:
    """The patterns of one UN pinpoint lexicon (see :func:`_grammar`)."""

    lexicon: Lexicon
    part: regex.Pattern[str]
    sep: regex.Pattern[str]
    and_sep: regex.Pattern[str]
    of_next: regex.Pattern[str]
    title: regex.Pattern[str]
    compilation: regex.Pattern[str]
    ordinal_word: regex.Pattern[str]
    part_words: tuple[str, ...]
    #: a paragraph right after an article is the article's ("Art. 32 Abs. 2": art. 32(2))
    article_paragraphs: bool
    #: a letter without its bracket after a letter word ("Buchst. c"), or None
    bare_letter: regex.Pattern[str] | None
    #: what shows that the element before it is another document's ("Ziffer 3 der
    #: Verordnung", "Art. 6 Abs. 1 DSGVO"), or None
    other_document: regex.Pattern[str] | None
    first_heads: tuple[frozenset[str], frozenset[str], frozenset[str]]
    next_heads: tuple[frozenset[str], frozenset[str], frozenset[str]]


def _grammar(
    lex: Lexicon,
    title_words: tuple[str, ...] = (),
    *,
    article_paragraphs: bool = False,
    bare_letters: bool = False,
    other_documents: tuple[str, ...] = (),
) -> _Grammar:
    """The reader's patterns built from ``lex``'s words: the shared UN lexicon (English,
    French, Spanish) or one language's own (German: its ``bis`` is a range there), whose
    ``title_words`` open a title as English "on" does."""
    # "115.4": UPR recommendations are numbered within a paragraph.
    # "17(c)", "17 c)" and "17, al. c)" (French and Spanish letters close with ")" only).
    num = r"\d{1,4}(?:\.\d{1,3})?(?!\d)" + sub_letters(lex, _H) + "*"
    bare = None
    if bare_letters and lex.letter_words:
        # "17 Buchst. c": the letter without its bracket (given one before the numbers are read)
        worded = bare_letter(lex, _H)
        num = rf"\d{{1,4}}(?:\.\d{{1,3}})?(?!\d)(?:{sub_letters(lex, _H)}|{worded})*"
        bare = regex.compile(worded)
    list_sep = (
        rf"(?:{_H}*{_DASH}(?:{_H}*\r?\n){{0,2}}{_H}*|\s+(?:{lex.range_pattern}|{lex.list_pattern})\s+"
        rf"|,{_H}*(?:{lex.list_pattern}{_H}+)?)"
    )
    kinds = alternation(w for words in lex.paragraph_kinds.values() for w in words)
    ordinal = f"(?:{lex.ordinal_pattern})"
    # "sixth and seventh", "fourth to sixth": ordinals listed like numbers
    ordinal_sep = rf"(?:{_H}*,{_H}*|{_H}+(?:{lex.list_pattern}|{lex.range_pattern}){_H}+)"
    ordinals = rf"{ordinal}(?:{ordinal_sep}{ordinal})*"
    other_annex = [w for w in lex.words("annex") if w.lower() not in ("annexe", "anexo", "annex")]
    annex = _ANNEX + ("|" + alternation(other_annex) if other_annex else "")
    part = regex.compile(
        rf"""
        # "sixth preambular para.", "operative paragraphs 1 and 2": paragraphs of a resolution by
        # kind; before "para" so the kind word is not left behind
        (?P<kord>{ordinals}){_H}+(?P<kordword>{kinds}){_H}+{lex.unit_pattern("para")}
            (?!{_H}*\d)
      | (?P<kword>{kinds}){_H}+{lex.unit_pattern("para")}{_H}*
            (?P<knums>{num}(?:{list_sep}(?:{num}|{_SUB_ONLY}))*)
      | (?P<para>{lex.unit_pattern("para")}{_H}*
            (?P<pnums>{num}(?:{list_sep}(?:{num}|{_SUB_ONLY}))*))
      | (?P<art>{lex.unit_pattern("art")}{_H}*(?P<anums>{_ANUM}(?:{list_sep}{_ANUM})*)
            # "art. 8 bis": the article's Latin suffix, not a range ("Art. 8 bis 10")
            (?:(?<=\d){_H}(?P<alatin>{_LATIN})(?!\w)(?!{_H}*\d))?)
      | (?P<annex>(?i:{annex})(?:{_H}+(?P<annexno>[IVXL]{{1,6}}|[A-Z])(?![\w]))?)
      | (?P<sect>(?P<sectword>{lex.unit_pattern("sect", "chap")}){_H}*
            (?P<sectno>[IVXL]{{1,6}}|[A-Z]|\d{{1,3}})(?![\w]))
      | (?P<fn>{lex.unit_pattern("footnote")}{_H}*(?P<fnno>\d{{1,4}})(?!\d))
      | (?P<page>{lex.unit_pattern("page")}{_H}*(?P<pnums2>\d{{1,5}}(?!\d)
            (?:{_H}*{_DASH}{_H}*\d{{1,5}}(?!\d))?))
        """,
        regex.VERBOSE,
    )
    # What may stand between a citation and its pinpoint, or between two pinpoint parts.
    # A line break may follow the comma (PDF text), since a unit word must come next.
    # Possessive runs of space: a word or comma must follow them, so giving some back never
    # helps, and trying every split of a long run between two of them was quadratic.
    sep = regex.compile(
        rf"(?:{_H}*+,?{_H}*+(?:{alternation(lex.at_words)}){_H}+|{_H}*+,(?:{_H}*+\r?\n){{0,2}}{_H}*"
        rf"|{_H}+)"
    )
    # "sixth preambular para. and operative para. 1", "annex I, para. 7, and annex II": a list
    # word between two parts (never before the first one).
    and_sep = regex.compile(rf"{_H}*+,?{_H}*+{lex.list_pattern}{_H}+")
    # "..., para. 3 and paragraph 5 of A/HRC/40/1": that second paragraph belongs to what follows.
    of_next = regex.compile(rf"\s{{1,3}}{alternation(lex.part_of_words)}\s")
    # The title of a general comment: "on the right to ... (Participation ...)", up to a comma
    # and a paragraph; bounded, on one line, no semicolon (a list of sources), no slash.
    title_opening = "(?:on|" + alternation(title_words) + ")" if title_words else "on"
    title = regex.compile(
        rf"(?:{_H}?\((?:19|20)\d\d\))?{_H}+{title_opening}{_H}+[^;\n/]{{1,200}}?"
        # "on article 4, paragraph 1, of the Convention": that paragraph is the article's
        rf"(?<!{lex.unit_pattern('art')}{_H}*\d{{1,3}}[a-z]?)"
        rf"(?={_H}?,{_H}*{lex.unit_pattern('para')})"
    )
    # A compilation's year and page before the paragraph: "A/55/18 (2000) 152 at para. 29".
    compilation = regex.compile(
        rf"{_H}?\((?:19|20)\d\d\){_H}+(?P<page>\d{{1,4}})(?={_H}+{alternation(lex.at_words)}{_H})"
    )
    # The words a pinpoint element or a separator before it starts with, and, after a first
    # element, those of a list word too.
    part_words = (
        *lex.words("para", "art", "annex", "sect", "chap", "footnote", "page"),
        *(w for words in lex.paragraph_kinds.values() for w in words),
        *lex.ordinals,
        *lex.numbered_ordinals,
        *lex.tens,
        *lex.tens_ordinals,
        *lex.at_words,
    )
    return _Grammar(
        lexicon=lex,
        part=part,
        sep=sep,
        and_sep=and_sep,
        of_next=of_next,
        title=title,
        compilation=compilation,
        ordinal_word=regex.compile(ordinal),
        part_words=part_words,
        article_paragraphs=article_paragraphs,
        bare_letter=bare,
        other_document=_other_document(lex, other_documents),
        first_heads=_heads(part_words),
        next_heads=_heads((*part_words, *lex.list_words)),
    )


def _other_document(lex: Lexicon, own_words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """What shows that the pinpoint element before it is another document's: "of (the)" and a
    noun of one (the lexicon's, "paragraph 3 of the Regulation", and a language's own, "Ziffer
    3 der Verordnung"), or, in a language with its own such nouns, a statute's abbreviation
    ("Art. 6 Abs. 1 DSGVO")."""
    if not lex.other_document_words and not own_words:
        return None
    determiner = rf"(?:{alternation(lex.determiners)}{_H}+)?" if lex.determiners else ""
    nouns = [_whole_name(lex)] if lex.other_document_words else []
    if own_words:
        nouns.append(alternation(own_words))  # a language's own: "der Verordnung"
    # a statute's abbreviation right after: "DSGVO", "GG", "AufenthG"
    abbreviation = r"|(?-i:[A-ZÄÖÜ][A-Za-zäöü]{0,6}[A-Z])(?![\w-])" if own_words else ""
    return regex.compile(
        rf"{_H}{{1,3}}(?:(?:{alternation(lex.part_of_words)}){_H}+{determiner}"
        rf"(?:{'|'.join(nouns)}){abbreviation})"
    )


def _whole_name(lex: Lexicon) -> str:
    """The lexicon's noun of another document as that document's name, as a reader takes
    it: capitalised as written (or all capitals) and not the first word of a longer noun.
    It is one where a capitalised word follows ("the Law Society submission"; not "No."),
    ``'s`` ("the Act's preamble"), a lower-case word with ``'s`` or ``s'`` ("the Treaty
    body's comment", "the Treaty bodies' practice"), or "of", a capitalised word and a
    lower-case word that is no stop word ("the Statute of Limitations study"). Anything
    else after it ("the Treaty establishing ...", "the Directive as amended", "the
    Constitution of Kenya") goes on the other document's name: the pinpoint is that
    document's. A common noun ("the regulation") names no other document."""
    words = sorted(
        {v for w in lex.other_document_words for v in (w, w.upper())}, key=lambda w: (-len(w), w)
    )
    names = "|".join(rf"{_H}+".join(regex.escape(piece) for piece in w.split()) for w in words)
    # the nouns are English ones (the pinpoint lexicon's are English plus UN words)
    plain = rf"(?:{alternation(ENGLISH.stop_words)})(?!\w)"
    number = "|".join(regex.escape(word) for word in ENGLISH.number_words) or "(?!)"
    longer = (
        rf"{_H}+(?!{number})\p{{Lu}}\p{{Ll}}"
        rf"|['’]s(?!\w)"
        rf"|{_H}+\p{{Ll}}+(?:['’]s|s['’])(?!\w)"
        rf"|{_H}+{alternation(ENGLISH.part_of_words)}{_H}+\p{{Lu}}\p{{Ll}}+{_H}+(?!{plain})\p{{Ll}}"
    )
    return rf"(?-i:{names})(?!\w)(?-i:(?!{longer}))"


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


# English words plus the French and Spanish ones of UN documents ("par. 66", "párrs. 3 a 5"):
# read after every citation. The names below are its patterns.
_SHARED = _grammar(pinpoint_lexicon())
_L = _SHARED.lexicon
_PART = _SHARED.part
_SEP = _SHARED.sep
_PART_WORDS = _SHARED.part_words
_FIRST_HEADS = _SHARED.first_heads
_NEXT_HEADS = _SHARED.next_heads


@functools.cache
def _own_grammar(language: str) -> _Grammar:
    """The reader of a language whose UN pinpoint words are its own (built on first use)."""
    return _grammar(
        pinpoint_lexicon(language),
        title_words(language),
        article_paragraphs=article_paragraphs(language),
        bare_letters=bare_letters(language),
        other_documents=other_document_words(language),
    )


@functools.cache
def _own_heads(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What a pinpoint in ``language``'s own words starts with (``Ziff.``, ``Abs.``); the
    shared words are read before, so only where these follow is the language asked for."""
    shared = {case_folded(w) for w in _SHARED.part_words}
    own = (*_own_grammar(language).part_words, *title_words(language))
    return _heads(w for w in own if case_folded(w) not in shared)


# What a separator skips before the word that must follow it (more than it skips: a pre-check).
_SKIPPED = CHARACTERS.horizontal_spaces + ",\r\n"
_HSPACES = frozenset(CHARACTERS.horizontal_spaces)
# How far the pre-check reads past ``pos``; after a longer run of space it lets the reader decide.
_LOOK = 96


def _may_follow(
    text: str,
    pos: int,
    heads: tuple[frozenset[str], frozenset[str], frozenset[str]],
    skipped: str = _SKIPPED,
) -> bool:
    """Can a separator and a pinpoint element start at ``pos``? False only where no reading
    can: the first word after the spaces and commas starts none of the words they start with.
    A few hundred nanoseconds, where the patterns take microseconds each."""
    window = text[pos : pos + _LOOK]
    rest = window.lstrip(skipped)
    if len(rest) < 3 and len(window) == _LOOK:
        return True  # a long run of space: the reader decides
    head = case_folded(rest[:3])
    return head[:1] in heads[0] or head[:2] in heads[1] or head[:3] in heads[2]


def _paren_at(text: str, pos: int) -> bool:
    """Does an opening parenthesis follow, after at most one space? (``_OPEN``, ``_ASIDE``
    and ``_COMPILATION`` all start so.)"""
    first = text[pos : pos + 1]
    return first == "(" or (first in _HSPACES and text[pos + 1 : pos + 2] == "(")


def parse_part(match: regex.Match[str], grammar: _Grammar = _SHARED) -> tuple[PinpointPart, ...]:
    """Turn one matched pinpoint element into its canonical parts (a list gives several)."""
    # One branch of ``_PART`` matched, so the groups of the others are empty: the most
    # frequent one ("para. 12") is asked for first.
    lex = grammar.lexicon
    if match.group("para"):
        numbers = match.group("pnums")
        if grammar.bare_letter is not None:
            numbers = grammar.bare_letter.sub(r" \1 \2)", numbers)
        return parse_numbers("para", numbers, lex)
    if match.group("kord"):
        unit = lex.paragraph_kind_of(match.group("kordword")) or "para"
        numbers = grammar.ordinal_word.sub(
            lambda word: str(lex.ordinal_number(word.group(0)) or ""), match.group("kord")
        )
        return parse_numbers(unit, numbers, lex)
    if match.group("kword"):
        unit = lex.paragraph_kind_of(match.group("kword")) or "para"
        return parse_numbers(unit, match.group("knums"), lex)
    if match.group("art"):
        articles = parse_numbers("art", match.group("anums"), lex)
        latin = match.group("alatin")
        if latin and articles:
            last = articles[-1]
            return (*articles[:-1], PinpointPart("art", f"{last.value} {latin.lower()}"))
        return articles
    if match.group("annex"):
        return (PinpointPart("annex", match.group("annexno") or ""),)
    if match.group("sect"):
        unit = lex.unit_of(match.group("sectword")) or "sect"
        return (PinpointPart(unit, match.group("sectno")),)
    if match.group("fn"):
        return (PinpointPart("footnote", match.group("fnno")),)
    return parse_numbers("page", match.group("pnums2"), lex)


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


def _of_article(new: tuple[PinpointPart, ...], parts: list[PinpointPart]) -> bool:
    """Are ``new`` paragraphs (no range) right after one article ("Art. 32 Abs. 2 und 3")?"""
    return (
        all(part.unit == "para" for part in new)
        and bool(new)
        and bool(parts)
        and parts[-1].unit == "art"
        and "(" not in parts[-1].value
    )


def pinpoint_after(
    text: str,
    pos: int,
    *,
    max_parts: int = 4,
    start: int | None = None,
    titled: bool = False,
    articles: bool = False,
    own_languages: bool = False,
    written: str | None = None,
) -> tuple[Pinpoint, int]:
    """Read a pinpoint starting at ``pos`` (just after a citation).

    Returns the pinpoint and the offset where it ends; ``(NO_PINPOINT, pos)`` if none follows.
    Separators are consumed only when a pinpoint element follows them. With the citation's
    ``start``, a citation alone in parentheses takes the pinpoint after them ("Zambia
    (CCPR/ZMB/CO/3), para. 25"); ``titled`` lets a title follow first ("general comment No. 34
    (2011) on the freedoms of opinion and expression, paras. 18 and 40"). An article is read
    after an annex ("annex, art. 32 (2)": the instrument annexed) or, with ``articles``, first
    ("Ibid., art. 3 (m)": whatever was cited before has articles). With ``own_languages``
    (a UN citation), where the shared words read nothing, the words a language keeps to
    itself are read too if the text around is written in it ("A/HRC/41/35, Ziff. 66 bis 68"),
    or, with ``written``, in that language without asking the text (after German "ebd.").
    """
    pin, end = _read(_SHARED, text, pos, max_parts, start, titled, articles)
    if pin or not own_languages or text[pos : pos + 1] in _NEVER_FIRST:
        return pin, _outer_close_kept(text, start, end)
    # a title may follow a year first: "(2018) zum Recht auf Leben, Ziff. 12"
    year = _TITLE_YEAR.match(text, pos) if titled else None
    probe = year.end() if year is not None else pos
    for language in own_pinpoint_languages():
        heads = _own_heads(language)
        if (
            _paren_at(text, probe) or _may_follow(text, probe, heads, _SKIPPED_AROUND)
        ) and (language == written or written_in(language, text, pos)):
            pin, end = _read(
                _own_grammar(language), text, pos, max_parts, start, titled, articles
            )
            return pin, _outer_close_kept(text, start, end)
    return pin, end


def _outer_close_kept(text: str, start: int | None, end: int) -> int:
    """Where a pinpoint of a citation in parentheses ends: a letter's ``)`` the reading took
    ("(A/HRC/41/35, Ziff. 5 lit. a bis c) und") closes the parenthesis opened before the
    citation when the span holds more closing than opening ones and no other ``)`` closes it
    later on the line; it is left outside the span then."""
    if (
        start is None
        or start == 0
        or text[start - 1] != "("
        or end <= start
        or text[end - 1] != ")"
    ):
        return end
    span = text[start:end]
    if span.count(")") <= span.count("("):
        return end
    later = _NEXT_PAREN.search(text, end, min(len(text), end + _CLOSE_REACH))
    return end if later is not None and later.group() == ")" else end - 1


#: The next parenthesis or line break after a pinpoint: a ")" there closes the one opened
#: before the citation.
_NEXT_PAREN = regex.compile(r"[()\n]")
#: How far that closing parenthesis is looked for.
_CLOSE_REACH = 200


def written_in(language: str, text: str, pos: int) -> bool:
    """Is the text around ``pos`` written in ``language``? Its own pinpoint words are read
    only then: they clash with other readings (``s. 13`` is a section in English; ``8 bis``
    an article; ``Kap.`` nothing in French). Evidence is the words no other language shares
    (``und``, ``der``; not ``in``, ``an``, ``des``) and the words that open a footnote
    (``Vgl.``): the language needs some and at least as many as any other. A stretch with
    none (a footnote ``5 A/HRC/41/35, Ziff. 5.``) takes the language of the wider text around."""
    counts = _told(language, text, pos)
    return counts is not None and counts[language] > 0 and counts[language] == max(counts.values())


def _told(language: str, text: str, pos: int) -> dict[str, int] | None:
    """The evidence :func:`written_in` weighs, per language; None where nothing tells. The
    paragraph holding ``pos`` is asked first (a German note in a Spanish text), then the text
    around it, nearer and wider."""
    lo, hi = max(0, pos - _LANGUAGE_REACH), min(len(text), pos + _LANGUAGE_REACH)
    opened = text.rfind("\n\n", lo, pos)
    closed = text.find("\n\n", pos, hi)
    paragraph = (lo if opened < 0 else opened, hi if closed < 0 else closed)
    nearer = (lo, hi)
    wider = (max(0, pos - _WIDER_REACH), min(len(text), pos + _WIDER_REACH))
    for start, end in (paragraph, nearer, wider):
        counts = text_language.own_words(text, start, end)
        counts[language] += len(_lead_pattern(language).findall(text, start, pos))
        counts[language] += len(_citation_words(language).findall(text, start, end))
        if any(counts.values()):
            return counts
    return None


@functools.cache
def _citation_words(language: str) -> regex.Pattern[str]:
    """The words of ``language``'s own UN citation forms (``des Menschenrechtsrats``), as
    written: a German resolution sentence may have no other word of its own."""
    words = citation_words(language)
    return regex.compile(rf"(?<!\w)(?-i:{alternation(words)[len('(?i:') :]}" if words else "(?!)")


@functools.cache
def _lead_pattern(language: str) -> regex.Pattern[str]:
    """The words that open a footnote in ``language`` ("Vgl.", "Siehe"), as whole words and
    as written (a capital ``S.`` is a page)."""
    leads = "|".join(regex.escape(lead) for lead in footnote_leads(language)) or "(?!)"
    return regex.compile(rf"(?<!\w)(?:{leads})(?=\s)")


#: What the pre-check of a language's own words skips: a pinpoint may also follow a closing
#: parenthesis or stand in parentheses of its own.
_SKIPPED_AROUND = CHARACTERS.horizontal_spaces + ",\r\n()"
#: The year a title may follow (as the title pattern reads it).
_TITLE_YEAR = regex.compile(rf"{_H}?\((?:19|20)\d\d\)")
#: The longest title with its year, spaces and the paragraph word after it (200 characters
#: of title and a margin).
_TITLE_SPAN = 400
#: How much text on each side of a pinpoint tells the language it is written in.
_LANGUAGE_REACH = 160
#: How much, where the nearer text has no word of any language (a footnote of symbols).
_WIDER_REACH = 1200
#: How far past a citation's end this module reads: the pinpoint after it, a title before the
#: pinpoint, the parenthesis closing one opened before the citation, its language.
REACH_AFTER = max(_CLOSE_REACH, _TITLE_SPAN, _LANGUAGE_REACH, _WIDER_REACH)


def _read(
    g: _Grammar,
    text: str,
    pos: int,
    max_parts: int,
    start: int | None,
    titled: bool,
    articles: bool,
) -> tuple[Pinpoint, int]:
    """:func:`pinpoint_after` with the patterns of ``g``."""
    if text[pos : pos + 1] in _NEVER_FIRST:
        return NO_PINPOINT, pos
    if start is not None and start > 0 and text[start - 1 : start] == "(":
        closed = _CLOSE.match(text, pos)
        if closed is not None:
            pin, end = _read(g, text, closed.end(), max_parts, None, titled, articles)
            if pin:
                return pin, end
    paren = _paren_at(text, pos)
    opened = _OPEN.match(text, pos) if paren else None
    if opened is not None:
        # "CCPR/C/GC/34 (para. 5)": the pinpoint in parentheses of its own
        pin, end = _read_at(g, text, opened.end(), max_parts)
        closed = _CLOSE.match(text, end) if pin else None
        # "A/HRC/41/35 (Fn. 1), Ziff. 15", "(note 1)": a note alone in brackets is a
        # cross-reference to where the document was cited in full, not a place in it; the
        # pinpoint after it (read as after an aside) is the document's
        if closed is not None and not all(part.unit == "footnote" for part in pin.parts):
            return pin, closed.end()
    if titled:
        # Bounded: the engine looks for the title's word ("on") before matching, and in a
        # text with none after ``pos`` it read to the end each time (quadratic on a long text).
        title = g.title.match(text, pos, min(len(text), pos + _TITLE_SPAN))
        if title is not None:
            pin, end = _read(g, text, title.end(), max_parts, None, False, False)
            if pin:
                return pin, end
    if not paren and not _may_follow(text, pos, g.first_heads):
        return NO_PINPOINT, pos  # the common case: prose goes on after the citation
    parts: list[PinpointPart] = []
    # The parts and end before each element not merged into the one before it: where the
    # element after turns out to be another document's, the reading ends before it.
    before: list[tuple[list[PinpointPart], int]] = []
    end = pos
    elements = 0
    while elements < max_parts:
        at = end
        lead: list[PinpointPart] = []
        if parts and not _may_follow(text, end, g.next_heads):
            break
        if not parts and _paren_at(text, end):
            compilation = g.compilation.match(text, end)
            aside = _ASIDE.match(text, end) if compilation is None else None
            if compilation is not None:
                lead = [PinpointPart("page", compilation.group("page"))]
                at = compilation.end()
            elif aside is not None:
                at = aside.end()
        sep = g.sep.match(text, at)
        if not parts and not sep:
            break
        listed = g.and_sep.match(text, at) if parts else None
        m = g.part.match(text, listed.end()) if listed is not None else None
        if m is not None and g.of_next.match(text, m.end()) is not None:
            m = None
        if m is None:
            at = sep.end() if sep else at
            m = g.part.match(text, at)
        if not m:
            break
        if m.group("art") and not (articles or (parts and parts[-1].unit == "annex")):
            break  # an article only of an instrument in the annex; others are the instrument's
        new = parse_part(m, g)
        merged = g.article_paragraphs and _of_article(new, parts)
        if not merged:
            before.append((list(parts), end))
        if merged:
            article = parts.pop().value
            parts.extend(PinpointPart("art", f"{article}({para.value})") for para in new)
        else:
            parts.extend(_nest((*lead, *new), parts))
        elements += 1
        end = m.end()
    if before and g.other_document is not None and g.other_document.match(text, end):
        parts, end = before[-1]
    return (Pinpoint(tuple(parts)) if parts else NO_PINPOINT), end


def pinpoint_at(text: str, pos: int, *, max_parts: int = 4) -> tuple[Pinpoint, int]:
    """Like :func:`pinpoint_after` but the first element must start exactly at ``pos``."""
    return _read_at(_SHARED, text, pos, max_parts)


def _read_at(g: _Grammar, text: str, pos: int, max_parts: int) -> tuple[Pinpoint, int]:
    m = g.part.match(text, pos)
    if not m:
        return NO_PINPOINT, pos
    first = parse_part(m, g)
    rest, end = _read(g, text, m.end(), max_parts - 1, None, False, False)
    return Pinpoint((*first, *rest.parts)), end
