"""A pinpoint before a citation is looked for only where a paragraph word is in reach (speed,
issue #12): the refusal never drops a pinpoint the pattern would read."""

from __future__ import annotations

import sys
from typing import Any

import pytest
import regex

from citecheck.lexicon import ENGLISH, LANGUAGES, load
from citecheck.model import NO_PINPOINT
from citecheck.pinpoints import before
from citecheck.pinpoints.before import pinpoint_before

# (text before the citation, pinpoint read): every case and spelling of the unit words
READ = [
    ("paragraph 3 of document ", "para. 3"),
    ("PARAGRAPH 3 OF DOCUMENT ", "para. 3"),
    ("Paras. 3 to 5 of the report ", "paras. 3-5"),
    ("pars. 7 and 8 of ", "para. 7; para. 8"),
    ("§ 4 of ", "para. 4"),
    ("¶¶ 4-6 of ", "paras. 4-6"),
    ("point 2 of ", "point 2"),
    ("the fourth preambular paragraph of ", "preambular para. 4"),
    ("para.\u00a012 of ", "para. 12"),
]


@pytest.mark.parametrize(("prose", "pinpoint"), READ)
def test_pinpoints_before_in_any_case_are_read(prose: str, pinpoint: str) -> None:
    text = "As noted in " + prose + "A/HRC/41/35."
    assert str(pinpoint_before(text, text.index("A/HRC"))) == pinpoint


class _Refusing:
    """Stands for the pinpoint pattern: fails the test if it is tried."""

    def search(self, *args: Any) -> Any:
        raise AssertionError("the pinpoint pattern was tried")


NOT_TRIED = [
    "the report of the Special Rapporteur on the right to food ",
    "see the views of the Committee in ",
    "See paragraph 3 of the text. " + "x" * 300 + " and then ",
]


@pytest.mark.parametrize("prose", NOT_TRIED)
def test_the_pattern_is_not_tried_without_a_paragraph_word_in_reach(
    prose: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(before._BEFORE, ENGLISH.language, _Refusing())
    text = prose + "A/HRC/41/35"
    assert pinpoint_before(text, text.index("A/HRC")) is NO_PINPOINT


class _Spying:
    """Stands for the pinpoint pattern: records that it was tried."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.tried = pattern, 0

    def search(self, *args: Any) -> Any:
        self.tried += 1
        return self.pattern.search(*args)


@pytest.mark.parametrize(
    "prose", ["paragraph 3 of ", "PARA 3 OF ", "PO\u0130NT 2 of ", "Pars. 2 of ", "\u00a7 2 of "]
)
def test_the_pattern_is_tried_where_a_paragraph_word_may_be(
    prose: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spying(before._BEFORE[ENGLISH.language])
    monkeypatch.setitem(before._BEFORE, ENGLISH.language, spy)
    text = "As noted in " + prose + "A/HRC/41/35"
    pinpoint_before(text, text.index("A/HRC"))
    assert spy.tried == 1


def test_the_literals_hold_every_unit_word() -> None:
    for lexicon in map(load, LANGUAGES):
        literals = before._unit_literals(lexicon)
        for word in lexicon.words("para", "point"):
            assert any(lit in word.casefold() for lit in literals), (lexicon.language, word)


def test_case_folding_keeps_what_the_case_insensitive_words_match() -> None:
    """The refusal folds the window (``str.casefold``); the pattern matches the unit words
    case-insensitively (simple case folding). Every character the pattern takes for a letter
    of a literal must fold to that letter, or a pinpoint could be refused ("İ" is "i")."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    letters = {ch for lang in LANGUAGES for lit in before._unit_literals(load(lang)) for ch in lit}
    for letter in sorted(letters):
        for m in regex.finditer("(?i)" + regex.escape(letter), every):
            assert before.case_folded(m.group()) == letter, (letter, m.group())
