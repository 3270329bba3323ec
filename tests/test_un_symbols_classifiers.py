"""The component classifiers of the UN-symbol family run on the standard library's engine
(issue #12, speed: a third of ``regex``'s cost per call): they must answer exactly as the
``regex`` patterns they replaced, kept here, on every component the tokeniser can hand them.
And a token's parse asks each question once: the rows below pin what the merged branches
decide (a parenthesis after a symbol, a range inside its last component)."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.families import un_symbols

#: The patterns as they were compiled with ``regex`` (the reference).
_REFERENCE = {
    "_MOD": r"(Add|Corr|Rev|Amend)\.(\d{1,3})\Z|Summary\Z",
    "_TYPE_NUM": r"(L|CRP|PV|SR|WP|R|MISC|DP)\.(\d{1,5})(?:-(\d{1,5}))?\Z",
    "_BODY_NUM": r"(AC|C|CN|CONF|GC|SC|Sub|WG|PC|PCN|EA)\.(\d{1,4})\Z",
    "_SESSION": r"(?:S|ES)-\d{1,2}\Z",
    "_ROMAN": r"^(?:S-|ES-)?[IVXL]+\Z",
    "_MISSING_DOT": r"(SUB|ADD|CORR|REV|AMEND|AC|CN|CONF|WG|SR|PV|CRP)(\d+)",
}

#: The words the patterns name, cut and joined so that near misses are generated too.
_WORDS = sorted(
    {w for p in _REFERENCE.values() for w in regex.findall(r"[A-Za-z]{2,}", p)} | {"Summary"}
)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(lambda w: w[: len(w) // 2]),
    st.sampled_from(_WORDS).map(str.lower),
    st.sampled_from((".", "-", "(", ")", "S-", "ES-", "I", "V", "X", "L", "\n", " ")),
    st.integers(0, 999999).map(str),
    st.sampled_from(("\u0663", "\uff11", "\u00b2", "\u0130", "\u017f")),  # digits, look-alikes
    st.text(max_size=3),
)
_COMPONENTS = st.lists(_PIECES, max_size=6).map("".join)


@pytest.mark.parametrize("name", sorted(_REFERENCE))
@settings(max_examples=400, deadline=None)
@given(component=_COMPONENTS)
def test_each_classifier_answers_as_the_regex_pattern(name: str, component: str) -> None:
    reference = regex.compile(_REFERENCE[name])
    fast = getattr(un_symbols, name)
    assert isinstance(fast, re.Pattern)
    assert fast.pattern == _REFERENCE[name]
    for method in ("match", "fullmatch", "search"):
        want = getattr(reference, method)(component)
        got = getattr(fast, method)(component)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # a range inside the last component, then a list item that continues its numbering
        (
            "CCPR/C/SR.131-133 and 134",
            [
                ("un:CCPR/C/SR.131", "CCPR/C/SR.131-133"),
                ("un:CCPR/C/SR.132", "CCPR/C/SR.131-133"),
                ("un:CCPR/C/SR.133", "CCPR/C/SR.131-133"),
                ("un:CCPR/C/SR.134", "134"),
            ],
        ),
        (
            "CCPR/C/SR.131, 132",
            [("un:CCPR/C/SR.131", "CCPR/C/SR.131"), ("un:CCPR/C/SR.132", "132")],
        ),
        # an unnumbered last component: a bare number after it continues nothing
        ("A/HRC/28/2, 36", [("un:A/HRC/28/2", "A/HRC/28/2")]),
        (
            "A/HRC/28/2 and Add.1",
            [("un:A/HRC/28/2", "A/HRC/28/2"), ("un:A/HRC/28/2/Add.1", "Add.1")],
        ),
        # parentheses: a Roman session or a year belongs to a resolution only
        ("A/RES/3379 (XXX)", [("un:A/RES/3379(XXX)", "A/RES/3379 (XXX)")]),
        ("A/HRC/RES/S-1/1 (XXX)", [("un:A/HRC/RES/S-1/1(XXX)", "A/HRC/RES/S-1/1 (XXX)")]),
        ("S/RES/2231 (2015)", [("un:S/RES/2231(2015)", "S/RES/2231 (2015)")]),
        ("E/CN.4/1994/7 (XXX)", [("un:E/CN.4/1994/7", "E/CN.4/1994/7")]),
        ("A/HRC/41/35 (2019)", [("un:A/HRC/41/35", "A/HRC/41/35")]),
        ("A/51/40 (Vol. I)", [("un:A/51/40(Vol.I)", "A/51/40 (Vol. I)")]),
        # a GA resolution with a year: the year is cut off the id, and reported
        ("A/RES/73/179 (2018)", [("un:A/RES/73/179", "A/RES/73/179 (2018)")]),
    ],
)
def test_what_a_token_decides(text: str, cited: list[tuple[str, str]]) -> None:
    assert [(c.id, c.text) for c in citecheck.extract(text)] == cited
