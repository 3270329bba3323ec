"""The pre-checks of the pinpoint readers (speed, issue #12) change no answer: the reader after
a citation gives, at every position, what it gives with its pre-checks forced to accept, and
the pre-checks accept wherever that full reader reads a pinpoint. Texts are built from the
words of the pinpoint lexicon, in every case, with the separators the readers skip."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citecheck.lexicon import LANGUAGES, Lexicon, load
from citecheck.model import NO_PINPOINT
from citecheck.pinpoints import after, before
from citecheck.pinpoints.after import pinpoint_after
from citecheck.pinpoints.before import pinpoint_before
from citecheck.pinpoints.numbers import split_numbers

_L = after._L
#: every word a pinpoint after a citation is written with, and words that look like them
_WORDS = sorted(
    {
        *after._PART_WORDS,
        *_L.list_words,
        *_L.range_words,
        *_L.letter_words,
        *_L.part_of_words,
        "and", "annual", "the", "third", "thirty", "case", "page", "for", "forty", "on",
        "secretary", "note", "not", "pa", "p", "n", "ann", "art", "at", "atlas",
    }
)  # fmt: skip
_PIECES = [
    " ", ", ", ",", ",\n", " \n", "\u00a0", "\u2009", "\t", "(", ")", " (", ".", ";", "-",
    "\u2013", "5", "12", "3.1", "(a)", " b)", "II", "A", "2000", "(2001)", "/", "\u0130",
    "\u017f", "\u212a", "x",
]  # fmt: skip
_CASES = [str, str.lower, str.upper, str.title, lambda w: w[:1].swapcase() + w[1:]]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            pieces.append(draw(st.sampled_from(_CASES))(draw(st.sampled_from(_WORDS))))
        else:
            pieces.append(draw(st.sampled_from(_PIECES)))
    return "".join(pieces)


@contextmanager
def _without_prechecks() -> Iterator[None]:
    """The reader as it was before its pre-checks: every pattern tried."""
    with (
        mock.patch.object(after, "_may_follow", lambda *args: True),
        mock.patch.object(after, "_paren_at", lambda *args: True),
    ):
        yield


_OPTIONS: list[dict[str, object]] = [
    {},
    {"articles": True},
    {"titled": True},
    {"max_parts": 2},
]


def _answers(text: str, start: int | None, options: dict[str, object]) -> list[object]:
    return [
        pinpoint_after(text, pos, start=start, **options)  # type: ignore[arg-type]
        for pos in range(len(text) + 1)
    ]


@settings(max_examples=300, deadline=None)
@given(text=_texts(), options=st.sampled_from(_OPTIONS), lead=st.sampled_from(["", "(", "x "]))
@example(text=", para. 5", options={}, lead="")
@example(text=" " * 150 + "para. 5", options={}, lead="")
@example(text="\u00a0\u00a0\u00a0", options={}, lead="")
def test_prechecks_change_no_answer(text: str, options: dict[str, object], lead: str) -> None:
    text = lead + text
    start = len(lead) if lead else None
    fast = _answers(text, start, options)
    with _without_prechecks():
        full = _answers(text, start, options)
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(text=_texts())
def test_prechecks_accept_where_the_full_reader_reads(text: str) -> None:
    with _without_prechecks():
        read = [pos for pos in range(len(text) + 1) if pinpoint_after(text, pos)[0]]
    for pos in read:
        assert after._paren_at(text, pos) or after._may_follow(text, pos, after._FIRST_HEADS)


# (text after the citation, pinpoint read): each kind of element, in any case and spacing
READ = [
    (", para. 5", "para. 5"),
    (", PARAS. 3 to 5", "paras. 3-5"),
    (",\n paragraph 12", "para. 12"),
    (" at para. 29", "para. 29"),
    (" (para. 5)", "para. 5"),
    (", annex I", "annex I"),
    (", Annex", "annex"),
    (", sixth preambular para.", "preambular para. 6"),
    (", operative paragraphs 1 and 2", "operative para. 1; operative para. 2"),
    (", \u00a7 4", "para. 4"),
    (", p. 13", "p. 13"),
    (", footnote 7", "footnote 7"),
    (", sect. II", "sect. II"),
    (", párr. 66", "para. 66"),
    (", annex, para. 2, and annex II", "annex; para. 2; annex II"),
    (", para. 3, and para. 5", "para. 3; para. 5"),
    (" " * 200 + "para. 8", "para. 8"),
]


@pytest.mark.parametrize(("after_text", "pinpoint"), READ)
def test_pinpoints_after_are_read(after_text: str, pinpoint: str) -> None:
    text = "A/HRC/41/35" + after_text
    pin, end = pinpoint_after(text, len("A/HRC/41/35"))
    assert str(pin) == pinpoint
    with _without_prechecks():
        assert pinpoint_after(text, len("A/HRC/41/35")) == (pin, end)


@pytest.mark.parametrize(
    "after_text", [", and the Council", " of 2001", ", the report", ", case No. 4", "  \n", ""]
)
def test_prose_after_a_citation_is_refused_before_any_pattern(after_text: str) -> None:
    text = "A/HRC/41/35" + after_text
    with (
        mock.patch.object(after, "_PART", None),
        mock.patch.object(after, "_SEP", None),
    ):
        assert pinpoint_after(text, len("A/HRC/41/35")) == (NO_PINPOINT, len("A/HRC/41/35"))


def test_case_folding_keeps_what_the_case_insensitive_words_match() -> None:
    """The pre-check folds the text (``case_folded``); the patterns match the words
    case-insensitively. Every character they take for a letter of a word's beginning must
    fold to that letter, or a pinpoint could be refused ("İ" is "i", "ſ" is "s")."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    letters = {ch for heads in after._NEXT_HEADS for head in heads for ch in head}
    for letter in sorted(letters):
        for m in regex.finditer("(?i)" + regex.escape(letter), every):
            assert after.case_folded(m.group()) == letter, (letter, m.group())


@settings(max_examples=300, deadline=None)
@given(raw=st.text(alphabet="0123456789.,-() a\u0663", max_size=8))
@example(raw="7")
@example(raw="12345")
@example(raw="123456")
@example(raw="\u0663")
def test_one_plain_number_is_split_as_the_tokens_split_it(raw: str) -> None:
    """The shortcut for one plain number gives what the token pass gives: a space after the
    numbers changes no item but keeps the shortcut out."""
    assert split_numbers(raw) == split_numbers(raw + " ")


def _before_words(lexicon: Lexicon) -> list[str]:
    return sorted(
        {
            *lexicon.words("para", "point"),
            *lexicon.part_of_words,
            *lexicon.document_words,
            *lexicon.list_words,
            *lexicon.ordinals,
            *(w for words in lexicon.paragraph_kinds.values() for w in words),
            "the", "its", "this", "in", "case", "joined cases", "of", "July", "Commission v Poland",
            "Schrems", "cited above", "report", "x",
        }
    )  # fmt: skip


_BEFORE_PIECES = [
    " ", "  ", "\n", "\u00a0", ", ", ",", " (", "(", "( ", "5", "12", "3 to 5", "16", "2020",
    "\u0663\u0660\u0662\u0660", ".", ";", "\u0130", "\u017f", "-",
]  # fmt: skip


@st.composite
def _before_texts(draw: st.DrawFn, lexicon: Lexicon) -> str:
    words = _before_words(lexicon)
    pieces = []
    for _ in range(draw(st.integers(1, 14))):
        if draw(st.booleans()):
            pieces.append(draw(st.sampled_from(_CASES))(draw(st.sampled_from(words))))
        else:
            pieces.append(draw(st.sampled_from(_BEFORE_PIECES)))
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), language=st.sampled_from(LANGUAGES))
@example(data=None, language="en")
def test_the_ending_precheck_accepts_every_match(data: st.DataObject | None, language: str) -> None:
    """Wherever the pattern of a pinpoint before a citation matches, the window's end passes
    :func:`before._may_end`, so the pinpoint read is the one read without it."""
    lexicon = load(language)
    text = (
        "paragraph 4 of the judgment of 16 July 2020, Commission v Poland ("
        if data is None
        else data.draw(_before_texts(lexicon))
    )
    pattern = before._pattern(lexicon)
    last = before._last_words(lexicon)
    for end in {len(text), len(text) - 1, len(text) // 2}:
        lo = max(0, end - before.REACH)
        if pattern.search(text, lo, end) is not None:
            assert before._may_end(before.case_folded(text[lo:end]), last), text[lo:end]
        with mock.patch.object(before, "_may_end", lambda *args: True):
            full = pinpoint_before(text, end, lexicon)
        assert pinpoint_before(text, end, lexicon) == full


# (text before the citation, pinpoint read): each way the pattern ends
READ_BEFORE = [
    ("paragraph 3 of ", "para. 3"),
    ("paragraph 3 of the ", "para. 3"),
    ("paragraphs 3 to 5 of document ", "paras. 3-5"),
    ("paragraph 179 of the judgment in ", "para. 179"),
    ("paragraph 179 of the judgment in Case ", "para. 179"),
    ("paragraph 2 of the judgment of 16 July 2020, ", "para. 2"),
    ("paragraph 2 of the judgment of 16 July 2020, Commission v Poland (", "para. 2"),
    ("point 4 of the Opinion in Joined Cases ", "point 4"),
    ("paragraph 3 of ( ", "para. 3"),
]


@pytest.mark.parametrize(("prose", "pinpoint"), READ_BEFORE)
def test_pinpoints_before_are_read(prose: str, pinpoint: str) -> None:
    text = "As noted in " + prose + "C-311/18."
    assert str(pinpoint_before(text, text.index("C-311"))) == pinpoint


@pytest.mark.parametrize(
    "prose",
    ["paragraph 3 of the text. See also ", "para. 3 of 2001, as noted ", "see paragraph 9 "],
)
def test_prose_before_a_citation_is_refused_before_the_pattern(prose: str) -> None:
    text = prose + "A/HRC/41/35"
    with mock.patch.dict(before._BEFORE, {"en": None}):
        assert pinpoint_before(text, text.index("A/HRC")) is NO_PINPOINT
