"""Which language a text, or each paragraph of it, is written in: cheap and offline.

Why: a citation's fix is written in the language of the sentence it stands in (a French act
citation is fixed with ``(UE)`` and ``n°``). Counting the frequent words of each lexicon table
(``stop_words``: ``the``/``of``, ``le``/``du``, ``el``/``del``, ``der``/``und``) tells the four
languages apart on a few lines of running text; no model, one linear pass.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

import attrs
import regex

from citecheck.lexicon import LANGUAGES, load

#: What :func:`detect` answers when no language has a frequent word in the text.
DEFAULT = "en"

_WORD = regex.compile(r"\w+")
#: Frequent words a paragraph needs before its own language is trusted.
_ENOUGH = 2
#: Paragraphs are separated by a blank line.
_PARAGRAPH = regex.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")


@attrs.frozen(slots=True)
class Span:
    """A stretch of text ``[start, end)`` in one language."""

    start: int
    end: int
    language: str


@functools.cache
def _language_of_word() -> Mapping[str, tuple[str, ...]]:
    """Each stop word -> the languages it is frequent in (``de`` is French and Spanish)."""
    owners: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for word in load(lang).stop_words:
            owners.setdefault(word.lower(), []).append(lang)
    return {word: tuple(langs) for word, langs in owners.items()}


#: Every ASCII character that is not a word character (``_WORD``) -> a space: in an all-ASCII
#: stretch, the words are what ``str.split`` leaves of it then.
_ASCII_NON_WORD = str.maketrans(
    dict.fromkeys((c for c in map(chr, range(128)) if not _WORD.fullmatch(c)), " ")
)


def scores(text: str, start: int = 0, end: int | None = None) -> dict[str, float]:
    """Stop-word hits per language in ``text[start:end]``; a word shared by several
    languages counts for each a share."""
    owners = _language_of_word()
    counts = dict.fromkeys(LANGUAGES, 0.0)
    end = len(text) if end is None else end
    window = text[start:end] if start >= 0 and end >= 0 else None
    if window is not None and window.isascii():
        # The same words, lower-cased, at a third of the cost of the regex pass (an EU act
        # citation's language is told from the ~320 characters around it, hundreds a text).
        words = window.lower().translate(_ASCII_NON_WORD).split()
    else:
        words = list(map(str.lower, _WORD.findall(text, start, end)))
    # The words' owners in text order (the shares add up in the same order as word by word).
    for langs in filter(None, map(owners.get, words)):
        for lang in langs:
            counts[lang] += 1.0 / len(langs)
    return counts


#: A word, or a symbol ("A/HRC/41/35") whose parts are no words (the ``A`` is no Spanish ``a``).
_WORD_OR_SYMBOL = regex.compile(r"[\w/]+")
#: The same, less one letter before a period: an initial or an abbreviation's letter (German
#: "a. a. O.", "D. Kaye"), not a word (Spanish "a", "y" end no sentence).
_OWN_TOKEN = regex.compile(r"[\w/]{2,}|[\w/](?!\.)")


@functools.cache
def _own_language_of_word() -> Mapping[str, str]:
    """Each stop word only one language has -> that language."""
    return {word: langs[0] for word, langs in _language_of_word().items() if len(langs) == 1}


def own_words(text: str, start: int = 0, end: int | None = None) -> dict[str, int]:
    """Per language, the frequent words in ``text[start:end]`` that no other language shares
    (``der``, ``the``, ``les``; not ``in``/``an``/``des``), symbols' parts left out: evidence
    that a short stretch is written in it, not merely words it has in common with another."""
    owner = _own_language_of_word()
    counts = dict.fromkeys(LANGUAGES, 0)
    end = len(text) if end is None else end
    # The window is cut at word boundaries: a word the window cuts in two is no word.
    while start > 0 and start < end and _WORD_OR_SYMBOL.match(text[start - 1]):
        start += 1
    while end < len(text) and end > start and _WORD_OR_SYMBOL.match(text[end]):
        end -= 1
    for token in _OWN_TOKEN.findall(text[start:end].lower()):
        lang = owner.get(token)
        if lang is not None:
            counts[lang] += 1
    return counts


#: A word right before a period: an abbreviation ("para.", "Art.") more often than a word
#: ending a sentence.
_BEFORE_PERIOD = regex.compile(r"[\w/]+(?=\.)")


def evidence(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The language ``text[start:end]`` shows real evidence of: at least two of its own
    frequent words (:func:`own_words`), more than any other language has; words before a
    period left out ("para." is a pinpoint word, not the Spanish "para").  None when nothing
    tells, where :func:`detect` would fall back to a guess."""
    counts = own_words(text, start, end)
    end = len(text) if end is None else end
    owner = _own_language_of_word()
    for token in _BEFORE_PERIOD.findall(text, max(0, start), end):
        lang = owner.get(token.lower())
        if lang is not None and counts[lang] > 0:
            counts[lang] -= 1
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    if counts[best] < _ENOUGH or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return best


#: What bounds the phrase leading up to a citation: the end of a sentence (a full stop,
#: question or exclamation mark, closing quotes or brackets French-spaced or not, then the
#: capital opening the next one), a blank line, a spaced dash, an opening or closing bracket.
_PHRASE_MARK = regex.compile(
    r"(?P<stop>[.!?](?:\s?[\"'»”’)\]])*\s+(?=[\p{Lu}«\"“(]))|(?P<blank>\n[ \t]*\n)"
    r"|(?P<open>[(\[])|(?P<close>[)\]])|(?P<dash>\s[—–-]\s)"
)


#: What follows an abbreviation that cites a number where it does cite one: a number, a
#: letter with a number ("No. L 281", "p. I-3633"), a Roman numeral ("Art. IV"), a letter
#: alone ("Buchst. c"), a bracketed number ("Art. (2)").
_NUMBERING = regex.compile(
    r"[\s\u00a0]*(?:\d|\p{Lu}[\s\u00a0-]?\d|[IVXLC]+[-\u2013]\w|(?:[IVXLC]{2,}|[VX])(?!\w)"
    r"|\p{Ll}(?!\w)|\(\w{1,4}\))"
)


#: What ends a sentence after "et seq.": a word written as a sentence opens ("The", "La",
#: "Die"); a name in capitals ("et seq. GDPR", "et s. C. civ."), a bracket or a lower-case
#: word goes on.
_ENDS_AFTER_SEQUEL = regex.compile(r"[\s\u00a0]*\p{Lu}\p{Ll}")


@functools.cache
def _abbreviations(
    lang: str | None,
) -> tuple[regex.Pattern[str], frozenset[str], frozenset[str]]:
    """The abbreviations of ``lang``'s lexicon table (of every table when None) ending where
    a search stops ("Commission v", "cf", "No"), those of them that cite a number, and those
    that follow one ("seq")."""
    tables = [load(lang)] if lang is not None else [load(code) for code in LANGUAGES]
    plain = {word for table in tables for word in table.sentence_abbreviations}
    numbered = {word for table in tables for word in table.number_abbreviations} - plain
    sequel = {word for table in tables for word in table.sequel_abbreviations} - plain
    words = sorted(plain | numbered | sequel, key=len, reverse=True)
    alternatives = "|".join(regex.escape(word) for word in words)
    pattern = regex.compile(rf"(?<![\w.])(?:{alternatives})\Z")
    return pattern, frozenset(numbered), frozenset(sequel)


def abbreviation_stop(text: str, mark: int, lo: int = 0, lang: str | None = None) -> bool:
    """Is the full stop at ``mark`` the end of an abbreviation of ``lang``'s lexicon table
    (of any table when None): "cf.", "v.", "Mr.", one that cites a number with its number
    after ("No. L 281", "Art. 5", "Abs. 2"), or "et seq." not followed by a word opening a
    sentence ("et seq. of the Directive", "et seq. GDPR")?  It ends no sentence then ("OJ
    No. L 281", "cf. Directive ...").  "state of the art.", "dieser Art." and "Art. 5 et seq.
    The" end one.  Nothing before ``lo`` is read."""
    if text[mark : mark + 1] != ".":
        return False
    ending, numbered, sequel = _abbreviations(lang)
    word = ending.search(text, max(lo, mark - 16), mark)
    if word is None:
        return False
    if word.group() in numbered:
        return _NUMBERING.match(text, mark + 1) is not None
    if word.group() in sequel:
        return _ENDS_AFTER_SEQUEL.match(text, mark + 1) is None
    return True


def phrase_spans(text: str, start: int, lo: int = 0) -> list[tuple[int, int]]:
    """The stretches of the phrase leading up to offset ``start`` (not before ``lo``): its
    sentence, or the bracketed or dash-set phrase it stands in, less the brackets closed
    before ``start`` (an aside: "The Council (le Conseil) recalls ..." is English).  The words
    there tell the language a citation is written in when a paragraph mixes languages.  An
    abbreviation's period ("v.", "cf.", "No.") ends no sentence."""
    begin = lo
    asides: list[tuple[int, int]] = []  # brackets closed since ``begin``
    opened: list[tuple[int, int, list[tuple[int, int]]]] = []  # each bracket still open
    for m in _PHRASE_MARK.finditer(text, lo, start):
        kind = m.lastgroup
        if kind == "open":
            opened.append((m.start(), begin, asides))
            begin, asides = m.end(), []
        elif kind == "close":
            if opened:
                at, begin, asides = opened.pop()
                asides.append((at, m.end()))
        elif kind == "stop":
            if abbreviation_stop(text, m.start(), lo):
                continue
            del opened[max(0, len(opened) - m.group().count(")") - m.group().count("]")) :]
            begin, asides = m.end(), []
        else:
            if kind == "blank":
                opened.clear()
            begin, asides = m.end(), []
    spans, at = [], begin
    for aside_start, aside_end in asides:
        spans.append((at, aside_start))
        at = aside_end
    spans.append((at, start))
    return spans


def detect(text: str, start: int = 0, end: int | None = None, default: str = DEFAULT) -> str:
    """The language of ``text[start:end]`` (a code of the lexicon tables), ``default`` when
    nothing tells."""
    counts = scores(text, start, end)
    best = max(counts, key=lambda lang: (counts[lang], lang == default))
    return best if counts[best] > 0 else default


def paragraphs(text: str, default: str | None = None) -> Iterator[Span]:
    """Each paragraph with its language. A paragraph too short to tell (a heading such as
    ``Artikel 5``, a citation alone) takes the language of the next paragraph that tells,
    else of the last one, else the document's."""
    fallback = default or detect(text)
    told: list[tuple[int, int, str | None]] = []
    for m in _PARAGRAPH.finditer(text):
        counts = scores(text, m.start(), m.end())
        best = max(counts, key=lambda lang: (counts[lang], lang == fallback))
        told.append((m.start(), m.end(), best if counts[best] >= _ENOUGH else None))
    following: str | None = None
    langs: list[str] = []
    for _, _, lang in reversed(told):
        following = lang or following
        langs.append(following or "")
    langs.reverse()
    previous = fallback
    for (start, end, lang), ahead in zip(told, langs, strict=True):
        chosen = lang or ahead or previous
        previous = chosen
        yield Span(start, end, chosen)


def language_at(spans: list[Span], offset: int, default: str = DEFAULT) -> str:
    """The language of the paragraph holding ``offset`` (spans as :func:`paragraphs` gives)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo].start <= offset:
        return spans[lo].language
    return default
