"""The cheap paths of the UN-symbol family read what the full ones read (issue #12, speed).

A token's parse is reused within a document (keyed by its text), the tokeniser is tried only
after a series word, the commonest components skip the patterns they cannot match. These
tests pin what each shortcut relies on, and that it is taken.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck import knowledge
from citecheck.families import Document, un_symbols
from citecheck.families.un_symbols import FAMILY, UNSymbol, canonical_component
from citecheck.model import Citation


def _find(text: str) -> list[Citation]:
    return list(FAMILY.find(Document(text)))


class _CountingPattern:
    """A compiled pattern that counts the calls of ``match``."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.starts: list[int] = []

    def match(self, text: str, *args: int) -> Any:
        self.starts.append(args[0] if args else 0)
        return self.pattern.match(text, *args)


def test_the_tokeniser_is_tried_only_after_a_series_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "and/or on 12/05/2019 at http://www.ohchr.org/en/x.pdf, see A/HRC/41/35 and e/cn.4/1"
    counting = _CountingPattern(un_symbols._TOKEN)
    monkeypatch.setattr(un_symbols, "_TOKEN", counting)
    ids = [c.id for c in _find(text)]
    assert ids == ["un:A/HRC/41/35", "un:E/CN.4/1"]
    assert [text[s : s + 2] for s in counting.starts] == ["A/", "e/"]


def test_a_token_cited_again_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = un_symbols._parse_token

    def counting(text: str, m: regex.Match[str]) -> Any:
        parsed.append(m.group())
        return real(text, m)

    monkeypatch.setattr(un_symbols, "_parse_token", counting)
    text = "A/HRC/41/35, para. 3; A/HRC/41/35 (para. 4) and A/HRC/41/35. Also A/HRC/41/36."
    found = _find(text)
    assert [(c.id, c.text, str(c.pinpoint)) for c in found] == [
        ("un:A/HRC/41/35", "A/HRC/41/35, para. 3", "para. 3"),
        ("un:A/HRC/41/35", "A/HRC/41/35 (para. 4)", "para. 4"),
        ("un:A/HRC/41/35", "A/HRC/41/35", ""),
        ("un:A/HRC/41/36", "A/HRC/41/36", ""),
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert parsed == ["A/HRC/41/35", "A/HRC/41/36"]


# Tokens with findings, each twice: the findings of each occurrence carry its own offsets.
NOTED = [
    "a/hrc/41/35",  # letter case
    "HRC/RES/17/4",  # not a series
    "E/CN.4/SUB2/1994/56",  # a dot missing
    "A/RES/73/179 (2018)",  # a GA resolution with a year
    "A/HRC/\n41/35",  # a line break inside
]


@pytest.mark.parametrize("token", NOTED)
def test_findings_of_a_token_written_twice_are_at_each_occurrence(token: str) -> None:
    text = f"See {token}; and again, later, {token}."
    found = _find(text)
    assert len(found) == 2
    first, second = found
    assert first.notes and len(first.notes) == len(second.notes)
    shift = second.start - first.start
    assert shift > 0
    for a, b in zip(first.notes, second.notes, strict=True):
        assert (a.code, a.message) == (b.code, b.message)
        assert (b.start, b.end) == (a.start + shift, a.end + shift)
        assert first.start <= a.start < a.end <= first.end + 8
        if a.fix is not None:
            assert b.fix is not None
            assert (b.fix.start, b.fix.end) == (a.fix.start + shift, a.fix.end + shift)


def _relative_spans(m: regex.Match[str], start: int) -> list[tuple[int, int]]:
    spans = [m.span(i) for i in range(len(m.groups()) + 1)]
    return [(a - start, b - start) if a >= 0 else (a, b) for a, b in spans]


# Pieces of text around symbols: what the reuse of a parse by token text must survive.
PIECES = [
    "A/HRC/41/35",
    "S/RES/2231",
    "CCPR/C/SR.131-133",
    "e/cn.4/sub.2/2005/13",
    "A/RES/73/179",
    "/Add.1",
    "/",
    " (2015)",
    " (XXX)",
    " A",
    "(Vol. I)",
    "*",
    "para",
    ".",
    "-",
    " ",
    "\n",
    ", ",
    "and Add.2",
    "x",
    "7",
    "é",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
    st.lists(st.sampled_from(PIECES), max_size=4),
    st.lists(st.sampled_from(PIECES), max_size=4),
    st.lists(st.sampled_from(PIECES), max_size=4),
    st.lists(st.sampled_from(PIECES), max_size=4),
)
def test_the_same_token_text_gives_the_same_parse_anywhere(
    body: list[str], before1: list[str], after1: list[str], before2: list[str], after2: list[str]
) -> None:
    """What the per-document reuse relies on: wherever the tokeniser matches the same text,
    its groups, and so the parse, are the same (offsets apart)."""
    token = "".join(body)
    parses = []
    for before, after in ((before1, after1), (before2, after2)):
        lead = " " + "".join(before) + " "
        text = lead + token + "".join(after)
        m = un_symbols._TOKEN.match(text, len(lead))
        if m is None:
            return
        parses.append((m, text, len(lead)))
    (m1, t1, s1), (m2, t2, s2) = parses
    if m1.group() != m2.group():
        return
    assert m1.groupdict() == m2.groupdict()
    assert _relative_spans(m1, s1) == _relative_spans(m2, s2)
    p1, p2 = un_symbols._parse_token(t1, m1), un_symbols._parse_token(t2, m2)
    if p1 is None or p2 is None:
        assert p1 is p2
        return
    assert attrs.evolve(p1, notes=()) == attrs.evolve(p2, notes=())
    assert [(f.code, f.message, f.start - s1, f.end - s1) for f in p1.notes] == [
        (f.code, f.message, f.start - s2, f.end - s2) for f in p2.notes
    ]


def _canonical_component_as_first_written(comp: str) -> str:
    if "(" in comp:
        base, _, paren = comp.partition("(")
        return _canonical_component_as_first_written(base) + "(" + paren
    comp = "".join(comp.split()).translate(un_symbols._HYPHENS)
    head, dot, tail = comp.partition(".")
    if dot and head.upper() in un_symbols._MIXED_CASE:
        return f"{un_symbols._MIXED_CASE[head.upper()]}.{tail.upper()}"
    if comp.upper() == "SUMMARY":
        return "Summary"
    return comp.upper()


COMPONENT = st.text(alphabet="aAcCdDmMrRsSuUyY019. -(\u2011\u00a0\u00df\u0131", max_size=9)


@settings(max_examples=500, deadline=None)
@given(COMPONENT)
def test_canonical_component_shortcut_gives_the_full_answer(comp: str) -> None:
    assert canonical_component(comp) == _canonical_component_as_first_written(comp)


@pytest.mark.parametrize("comp", ["summary", "SUMMARY", "Summary", "hrc", "41", "Sub2", "x1y"])
def test_canonical_component_of_plain_words(comp: str) -> None:
    assert canonical_component(comp) == _canonical_component_as_first_written(comp)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["A", "HRC", "RES", "41", "1994", "S-4", "OS", "Add.1", "Summary",
    "SR.131", "C.12", "GC", "BGR", "D", "2728", "2016", "Sub.2", "CN.4", "WP.4", "x-y", "CO"]),
    min_size=1, max_size=7))  # fmt: skip
def test_build_symbol_reads_the_same_parts_whatever_the_order(comps: list[str]) -> None:
    """The shortcuts of :func:`build_symbol` (numbers first, patterns only on components
    with a dot or hyphen) classify every component as the patterns do."""
    sym = un_symbols.build_symbol(["A", *comps])
    assert isinstance(sym, UNSymbol)
    for comp in comps:
        if un_symbols._MOD.match(comp):
            assert comp in sym.modifiers
        elif comp.isdigit():
            assert comp not in sym.bodies and comp not in sym.modifiers
        elif un_symbols._SESSION.match(comp):
            assert sym.session is not None and comp not in sym.bodies
    assert sym.components == ("A", *comps)


def test_the_sessions_held_are_read_once_per_document_and_follow_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "A/HRC/41/35, A/HRC/64/2, A/RES/82/1 and A/82/100, A/HRC/63/1."
    reads: list[str] = []
    for name in ("ga_max_session", "hrc_max_session"):
        real = getattr(un_symbols, name)
        monkeypatch.setattr(
            un_symbols, name, lambda real=real, name=name: reads.append(name) or real()
        )

    def impossible(today: datetime.date) -> list[str]:
        with knowledge.use_clock(today):
            found = citecheck.check(text).findings
        return [text[f.start : f.end] for f in found if f.code == "UN104"]

    assert impossible(datetime.date(2026, 11, 28)) == ["A/HRC/64/2", "A/RES/82/1", "A/82/100"]
    assert sorted(reads) == ["ga_max_session", "hrc_max_session"]
    assert impossible(datetime.date(2027, 9, 20)) == []
