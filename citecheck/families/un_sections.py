"""The one rule for the section letter of a GA resolution ("59/284 B"), shared by the symbol
and prose families so that both forms of a citation read the same."""

from __future__ import annotations

import regex

from citecheck.families.base import HSPACE
from citecheck.lexicon import ENGLISH, LANGUAGES, load

#: The word of a listed item ("and Add.1"): GA resolutions have no addenda, so a letter before
#: one is no section.
ITEM_WORDS = ("Add", "Corr", "Rev", "Amend")
#: Words that go on the citation after a section ("B of 15 June 2000", "B adopted", "B entitled").
GOES_ON_WORDS = ("of", "adopted", "entitled")
#: The English word that joins two citations or a citation and its addendum ("B and
#: 54/261", "A/HRC/41/35 and Add.1").
AND_WORD = ENGLISH.section_list_words[0]


def _words(words: tuple[str, ...]) -> str:
    """A case-sensitive alternation of whole words: a lone capital is a section only between
    the lower-case words of a list ("A and B"), not in a heading's "A AND B"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in ordered) + r")(?!\w)"


#: The words that join two section letters or a section and the next citation, in every
#: language of the lexicon ("A and B", "A et B", "A y B", "A und B", "B and 54/261").
JOIN_WORDS = _words(tuple(w for lang in LANGUAGES for w in load(lang).section_list_words))
#: The words of a range of letters in every language ("A to D", "A à D", "A a D", "A bis D").
RANGE_WORDS = _words(tuple(w for lang in LANGUAGES for w in load(lang).range_words))

_ITEM = "|".join(ITEM_WORDS)
_GOES_ON = "|".join(GOES_ON_WORDS)
#: A space, or a line break and the next line's indentation (hard-wrapped text).
GAP = rf"(?:{HSPACE}+|{HSPACE}*\r?\n[ \t]*)"
#: A pinpoint word after a section ("B annex", "B para. 2").
_PINPOINT_WORD = ENGLISH.unit_pattern("para", "annex", "sect", "chap")
#: What closes any section letter: "'s", punctuation, the end of the text, or a pinpoint.
_FIRM_CLOSE = rf"""(?:['\u2019]s(?!\w)|{HSPACE}*(?:[;.:)\]]|\Z|,)|{GAP}{_PINPOINT_WORD})"""
#: A letter of a list of sections ("A and B", "A, B and C", "A and\nB of 2004", "A and B
#: (2004)"): a lone capital closed as a section is, or by a bracket.
_LIST_LETTER = rf"""[A-Z](?![\w/])(?={_FIRM_CLOSE}|{HSPACE}*\r?\n|{HSPACE}*[(\[]
  |{GAP}(?:{_GOES_ON}|{JOIN_WORDS})(?!\w))"""
#: One section letter or a list of them ("A and B", "A to D", "A, B and C", "A,B", wrapped).
_JOINED_LETTER = (
    rf"(?:,[\s\u00a0]*(?:{JOIN_WORDS}[\s\u00a0]+)?"
    rf"|[\s\u00a0]+(?:{JOIN_WORDS}|{RANGE_WORDS})[\s\u00a0]+)[A-Z](?![\w/])"
)
LETTERS = rf"[A-Z](?:{_JOINED_LETTER})*"
#: A list of two or more section letters ("A and B", "A to C", "A, B et C").
LETTER_LIST = rf"[A-Z](?:{_JOINED_LETTER})+"
#: What closes a section letter (a lookahead to put right after it): punctuation, the end of
#: the text, "'s", a pinpoint ("B annex", "B, para. 2"), a word that goes on the citation
#: ("of", "adopted", "entitled", "and" before anything but another letter or "Add.1", as GA
#: resolutions have no addenda), or a line break not followed by a lower-case word: in
#: hard-wrapped text "A/RES/59/284 A\nnumber of States" the letter is an article of the
#: sentence. "A" and "I" are also English words (the article, the pronoun: "A\nNumber of
#: States rose", "I and my colleagues", "I adopted", "I of course"): "A" is closed by a line
#: break only before a blank line or the end, and "I" only by punctuation, a pinpoint, or "of"
#: and a date. A letter followed by ", B" is the start of a list, never a section alone.
_SECTION_CLOSE = rf"""(?=
    (?<=I)(?:(?!{HSPACE}*,{GAP}?{_LIST_LETTER}){_FIRM_CLOSE}|{GAP}of{GAP}\d)
  | (?<=[^I])(?:(?!{HSPACE}*,{GAP}?{_LIST_LETTER}){_FIRM_CLOSE}
      |(?<=A){HSPACE}*\r?\n[ \t]*(?:\r?\n|\Z)
      |(?<=[^AI]){HSPACE}*\r?\n(?![ \t]*\p{{Ll}})
      |{GAP}(?:(?:{_GOES_ON})(?!\w)
        |{AND_WORD}(?!\w)(?!{GAP}{_LIST_LETTER})(?!{GAP}(?:{_ITEM})\.))))"""


def section_close(*, bracket_closes: bool = False) -> str:
    """The lookahead both families put right after a section letter. ``bracket_closes``: an
    opening bracket closes it too ("217 A (III)", "59/284 B (2004)", "B [1]"), for the prose
    pattern, which reads the bracket itself; the symbol reads "B (2004)" in its own suffix."""
    if bracket_closes:
        return rf"(?:{_SECTION_CLOSE}|(?={HSPACE}*[(\[<]))"
    return _SECTION_CLOSE


_CAPITAL = regex.compile(r"[A-Z]")
_RANGE = regex.compile(rf"[\s\u00a0]{RANGE_WORDS}[\s\u00a0]")
#: A range of letters longer than the alphabet is no range.
_MAX_LETTERS = 26


def section_letters(written: str | None) -> tuple[str, ...]:
    """The sections a matched :data:`LETTERS` names: ``A and B`` -> (A, B), ``A to D`` ->
    (A, B, C, D), ``A et C`` -> (A, C); a range that runs backwards keeps its two ends."""
    if not written:
        return ()
    found = _CAPITAL.findall(written)
    if len(found) == 2 and _RANGE.search(written):
        lo, hi = ord(found[0]), ord(found[1])
        if lo < hi < lo + _MAX_LETTERS:
            return tuple(chr(c) for c in range(lo, hi + 1))
    return tuple(found)
