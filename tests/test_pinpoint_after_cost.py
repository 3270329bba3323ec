"""After a character no pinpoint starts with, ``pinpoint_after`` tries nothing (speed, issue
#12): every reading it tries first fails there anyway."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from citecheck.model import NO_PINPOINT
from citecheck.pinpoints import after
from citecheck.pinpoints.after import pinpoint_after

# What a pinpoint reading could take after the first character.
TAILS = ["", "para. 3", " para. 3", "at para. 3", " (2019) on x, para. 1", ") para. 4", "(para. 5)"]
FIRST_READINGS = ["_CLOSE", "_OPEN", "_ASIDE"]
#: The readings each lexicon's grammar builds (the shared one and German's own).
GRAMMAR_READINGS = ["title", "compilation", "sep", "and_sep"]
GRAMMARS = {"shared": after._SHARED, "de": after._own_grammar("de")}


@pytest.mark.parametrize("first", sorted(after._NEVER_FIRST - {""}))
@pytest.mark.parametrize("tail", [*TAILS, "Ziff. 3", " Abs. 3 bis 5"])
def test_no_first_reading_starts_with_a_never_first_character(first: str, tail: str) -> None:
    for name in FIRST_READINGS:
        assert getattr(after, name).match(first + tail) is None, (name, first + tail)
    for language, grammar in GRAMMARS.items():
        for name in GRAMMAR_READINGS:
            pattern = getattr(grammar, name)
            assert pattern.match(first + tail) is None, (language, name, first + tail)


class _Refusing:
    def match(self, *args: Any) -> Any:
        raise AssertionError("a pinpoint reading was tried")


@pytest.mark.parametrize("first", sorted(after._NEVER_FIRST))
def test_nothing_is_tried_after_a_never_first_character(
    first: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in FIRST_READINGS:
        monkeypatch.setattr(after, name, _Refusing())
    refusing = {name: _Refusing() for name in (*GRAMMAR_READINGS, "part")}
    monkeypatch.setattr(after, "_SHARED", attrs.evolve(after._SHARED, **refusing))
    german = attrs.evolve(after._own_grammar("de"), **refusing)
    monkeypatch.setattr(after, "_own_grammar", lambda language: german)
    text = "(A/HRC/41/35" + first + (" para. 3 Ziff. 4" if first else "")
    assert pinpoint_after(text, 12, start=1, titled=True, own_languages=True) == (NO_PINPOINT, 12)


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        ("A/HRC/41/35, para. 3", "para. 3"),
        ("A/HRC/41/35 (para. 3)", "para. 3"),
        ("A/HRC/41/35 at para. 3", "para. 3"),
        ("A/HRC/41/35\u00a0para. 3", "para. 3"),
        ("A/HRC/41/35. Para. 3", ""),
        ("A/HRC/41/35\npara. 3", ""),
        ("A/HRC/41/35; para. 3", ""),
    ],
)
def test_pinpoints_after_a_citation_are_read_as_before(text: str, pinpoint: str) -> None:
    assert str(pinpoint_after(text, 11)[0]) == pinpoint


class _Recording:
    """A title pattern that records the span each match is asked over."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.spans: list[tuple[int, int]] = []

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        self.spans.append((pos, end))
        return self.pattern.match(text, pos, end)


@pytest.mark.parametrize("language", ["shared", "de"])
def test_a_title_is_read_within_a_bounded_span(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine looks for the title's word ("on") before matching: asked over the rest of
    a long text with none, it read to the end at each general comment (quadratic)."""
    grammar = GRAMMARS[language]
    recording = _Recording(grammar.title)
    evolved = attrs.evolve(grammar, title=recording)
    if language == "shared":
        monkeypatch.setattr(after, "_SHARED", evolved)
    else:
        monkeypatch.setattr(after, "_own_grammar", lambda _: evolved)
    text = "Allgemeine Bemerkung Nr. 36 (2018) zum Recht auf Leben, Ziff. 12. " * 50
    pinpoint_after(text, 27, start=0, titled=True, own_languages=True)
    assert recording.spans
    assert all(end - pos <= after._TITLE_SPAN for pos, end in recording.spans)


@pytest.mark.parametrize(("extra", "read"), [(0, True), (1, False)])
def test_the_longest_title_fits_the_span(extra: int, read: bool) -> None:
    """A title of 200 characters after its year and ``on`` is read where the paragraph word
    after it ends within the span (spaces after the comma fill it up)."""
    head = "CCPR/C/GC/36 (2019) on " + "x" * 200 + ","
    spaces = 12 + after._TITLE_SPAN - len(head) - len("para") + extra
    text = head + " " * spaces + "para. 1 and more"
    assert (text.index("para") + len("para") - 12 <= after._TITLE_SPAN) is read
    assert bool(pinpoint_after(text, 12, titled=True)[0]) is read
