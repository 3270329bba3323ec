"""The pre-checks and kept parses of the UN-symbol family give what the full reads give
(issue #12, speed).

A slash's word is read back only after a series' last letter (``_SERIES_LAST``),
``_GLUED_WORD`` is searched only where letters can be glued to a number (``_may_be_glued``),
and a token text's parse is kept for later documents (``_parse_token``). Each is checked
here against the read it saves, on tables with negative rows and on generated texts.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import knowledge
from citecheck.families import Document, un_symbols
from citecheck.families.un_symbols import FAMILY, SERIES
from citecheck.model import Citation


def _find(text: str) -> list[Citation]:
    return list(FAMILY.find(Document(text)))


def _word_is_tried(text: str, pos: int) -> bool:
    """The read back over the word before the slash at ``pos`` that the set look-up saves:
    is the tokeniser tried there?"""
    if not (pos > 0 and text[pos - 1].isalpha()):
        return False
    start = pos
    floor = max(0, pos - 8)
    while start > floor and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    while not text[start].isalpha():
        start += 1
    word = text[start:pos]
    return word.upper() in frozenset(SERIES) or not word.isascii()


def _tokens_read_in_full(text: str) -> list[tuple[int, int]]:
    """The tokeniser's matches, each slash's word read back (no set look-up first)."""
    spans = []
    pos = text.find("/")
    while pos != -1:
        m = None
        if _word_is_tried(text, pos):
            start = pos
            while start > max(0, pos - 8) and (text[start - 1].isalnum() or text[start - 1] == "."):
                start -= 1
            while not text[start].isalpha():
                start += 1
            m = un_symbols._TOKEN.match(text, start)
        if m is not None and "a" <= text[m.end() - 1] <= "z":
            glued = un_symbols._GLUED_WORD.search(text, m.start(), m.end())
            if glued is not None:
                m = un_symbols._TOKEN.match(text, m.start(), glued.start())
        if m is not None:
            spans.append(m.span())
            pos = text.find("/", m.end())
        else:
            pos = text.find("/", pos + 1)
    return spans


class _RecordingPattern:
    """The tokeniser, recording where it is tried and the spans of its matches."""

    def __init__(self) -> None:
        self.pattern = un_symbols._TOKEN
        self.tried: list[int] = []
        self.spans: list[tuple[int, int]] = []

    def match(self, text: str, pos: int, *endpos: int) -> Any:
        m = self.pattern.match(text, pos, *endpos)
        if endpos:  # the glued word cut off: the first match's span is replaced
            self.spans[-1] = m.span()
        else:
            self.tried.append(pos)
            if m is not None:
                self.spans.append(m.span())
        return m


def _tokenised(text: str) -> _RecordingPattern:
    recording = _RecordingPattern()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(un_symbols, "_TOKEN", recording)
        _find(text)
    return recording


@pytest.mark.parametrize(
    ("before", "tried"),
    [
        ("A", True),
        ("see A", True),
        ("1A", True),  # a digit ends the word: "A"
        (".s", True),
        ("HRC", True),
        ("ccpr", True),
        ("\u017f", True),  # "ſ" is "s" for the tokeniser
        ("caf\u00e9 A", True),
        ("and", False),
        ("www.ohchr.org", False),
        ("xx", False),
        ("Data", False),  # ends as "A" does, but is no series
        ("http:", False),
        ("caf\u00e9x", False),  # no series ends in "x": not tried, though not ASCII
    ],
)
def test_the_tokeniser_is_tried_only_after_a_series_last_letter(before: str, tried: bool) -> None:
    text = before + "/41/35"
    recording = _tokenised(text)
    assert bool(recording.tried) is tried
    assert recording.spans == _tokens_read_in_full(text)


_WORD_PIECES = st.sampled_from(
    [*SERIES, *(s.lower() for s in SERIES), "a", "and", "x", "1", "42", ".", "-", " ", "\n",
     "/", "/41", "/Add.1", "\u017f", "\u0131", "\u00e9", "\u212a", "\u0667", "(", "ab", "Q"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=14))
def test_the_set_look_up_finds_the_tokens_the_full_read_finds(pieces: list[str]) -> None:
    text = "".join(pieces) + "/1"
    assert _tokenised(text).spans == _tokens_read_in_full(text)


def _glued(token: str) -> bool:
    return un_symbols._GLUED_WORD.search(token) is not None


@pytest.mark.parametrize(
    ("token", "may"),
    [
        ("CCPR/C/CO/3para", True),
        ("A/HRC/41/35and", True),
        ("A/HRC/41/5\u0667ab", True),  # a digit of another script
        ("S/he", False),
        ("A/HRC/xx/xx", False),
        ("A/HRC/Add.xx", False),
        ("A/x", False),
    ],
)
def test_the_glued_word_is_searched_only_after_a_digit(token: str, may: bool) -> None:
    assert un_symbols._may_be_glued(token) is may
    if not may:
        assert not _glued(token)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AaHRCxyz019/.-\u0667\u00e9 ", min_size=1, max_size=16))
def test_the_glued_pre_check_never_refuses_what_the_pattern_finds(token: str) -> None:
    if _glued(token):
        assert un_symbols._may_be_glued(token)


class _CountingReader:
    """``_read_token`` that records each token text it reads."""

    def __init__(self) -> None:
        self.read: list[str] = []
        self.real = un_symbols._read_token

    def __call__(self, text: str, m: regex.Match[str]) -> Any:
        self.read.append(m.group())
        return self.real(text, m)


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> _CountingReader:
    counting = _CountingReader()
    monkeypatch.setattr(un_symbols, "_read_token", counting)
    monkeypatch.setattr(un_symbols, "_PARSED_TOKENS", {})
    return counting


def test_a_token_parsed_in_one_document_is_not_read_again_in_the_next(
    reader: _CountingReader,
) -> None:
    first = _find("See A/HRC/41/35, para. 3 and CCPR/C/GC/34.")
    second = _find("Later: CCPR/C/GC/34 (para. 5); A/HRC/41/35.")
    assert reader.read == ["A/HRC/41/35", "CCPR/C/GC/34"]
    assert [c.id for c in first] == ["un:A/HRC/41/35", "un:CCPR/C/GC/34"]
    assert [(c.id, c.text, str(c.pinpoint)) for c in second] == [
        ("un:CCPR/C/GC/34", "CCPR/C/GC/34 (para. 5)", "para. 5"),
        ("un:A/HRC/41/35", "A/HRC/41/35", ""),
    ]


def test_a_token_with_findings_is_read_at_each_document(reader: _CountingReader) -> None:
    texts = ["See a/hrc/41/35 here.", "And again: a/hrc/41/35 there."]
    found = [_find(text) for text in texts]
    assert reader.read == ["a/hrc/41/35", "a/hrc/41/35"]
    for text, (cit,) in zip(texts, found, strict=True):
        (note,) = cit.notes
        assert text[note.start : note.end] == "a/hrc/41/35"


def test_the_kept_parses_are_those_of_the_year_of_the_clock(reader: _CountingReader) -> None:
    # A four-digit number up to next year is a year, a later one a session: the parse of
    # "E/2027/10" changes with the clock, and is read again when the year changes.
    with knowledge.use_clock(datetime.date(2020, 6, 1)):
        (early,) = _find("See E/2027/10.")
    with knowledge.use_clock(datetime.date(2026, 6, 1)):
        (late,) = _find("See E/2027/10.")
        (again,) = _find("See E/2027/10 again.")
    assert (early.parts.session, early.parts.year) == ("2027", None)
    assert (late.parts.session, late.parts.year) == (None, 2027)
    assert again.parts == late.parts
    assert reader.read == ["E/2027/10", "E/2027/10"]


def test_the_kept_parses_are_bounded(
    reader: _CountingReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(un_symbols, "_PARSED_TOKENS_MAX", 2)
    text = " ".join(f"A/HRC/41/{n}" for n in range(1, 6)) + " A/HRC/41/1"
    found = _find(text)
    assert [c.id for c in found] == [*(f"un:A/HRC/41/{n}" for n in range(1, 6)), "un:A/HRC/41/1"]
    (kept,) = un_symbols._PARSED_TOKENS.values()
    assert 0 < len(kept) <= 2
    # the first document kept its own parse of A/HRC/41/1; a new one reads it again
    _find("A/HRC/41/1")
    assert reader.read == [*(f"A/HRC/41/{n}" for n in range(1, 6)), "A/HRC/41/1"]


def test_a_token_naming_a_range_of_symbols_is_not_kept(reader: _CountingReader) -> None:
    # "SR.1-201" holds 201 symbols: kept, a bound of 8,192 entries would be hundreds of MB.
    texts = ["See CCPR/C/SR.1-201 and A/HRC/41/35.", "Again CCPR/C/SR.1-201 and A/HRC/41/35."]
    found = [_find(text) for text in texts]
    assert [len(f) for f in found] == [202, 202]
    assert reader.read == ["CCPR/C/SR.1-201", "A/HRC/41/35", "CCPR/C/SR.1-201"]
    (kept,) = un_symbols._PARSED_TOKENS.values()
    assert list(kept) == ["A/HRC/41/35"]


_PIECES = st.sampled_from(
    ["A/HRC/41/35", "S/RES/2231", "CCPR/C/SR.131-133", "e/cn.4/sub.2/2005/13", "/Add.1",
     "/", " (2015)", " (XXX)", " A", "(Vol. I)", "*", "para", ".", "-", " ", "\n", "x", "7",
     "\u00e9"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6), st.lists(_PIECES, max_size=4))
def test_a_kept_parse_is_the_parse_of_the_token_where_it_is_met_again(
    body: list[str], before: list[str]
) -> None:
    """What keeping a parse across documents relies on: the token text met elsewhere reads
    to the same parse (offsets apart)."""
    token = "".join(body)
    first = un_symbols._TOKEN.match(" " + token + " ", 1)
    lead = " " + "".join(before) + " "
    text = lead + token + "."
    second = un_symbols._TOKEN.match(text, len(lead))
    if first is None or second is None or first.group() != second.group():
        return
    p1 = un_symbols._read_token(" " + token + " ", first)
    p2 = un_symbols._read_token(text, second)
    if p1 is None or p2 is None:
        assert p1 is p2
        return
    assert attrs.evolve(p1, notes=()) == attrs.evolve(p2, notes=())
    shift = len(lead) - 1
    assert [(f.code, f.message, f.start + shift) for f in p1.notes] == [
        (f.code, f.message, f.start) for f in p2.notes
    ]
