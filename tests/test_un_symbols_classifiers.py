"""The component classifiers of the UN-symbol family run on the standard library's engine for
ASCII components (issue #12, speed: a third of ``regex``'s cost per call): they must answer
exactly as the ``regex`` patterns they replaced, kept here, on every component the tokeniser can
hand them, also those holding the digits ``regex``'s newer Unicode knows and ``re`` does not.
And a token's parse asks each question once: the rows below pin what the merged branches
decide (a parenthesis after a symbol, a range inside its last component)."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.families import un_sections, un_symbols
from citecheck.lexicon import CHARACTERS, ENGLISH

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
#: Decimal digits for ``regex`` (Unicode 15 and later: Kawi, Garay...) that this Python's ``re``
#: does not read as ``\d``; empty on a Python whose Unicode is as new as ``regex``'s.
_NEWER_DIGITS = tuple(
    c for c in map(chr, range(0x110000)) if regex.match(r"\d", c) and not re.match(r"\d", c)
)
if _NEWER_DIGITS:
    _PIECES = st.one_of(_PIECES, st.sampled_from(_NEWER_DIGITS))
_COMPONENTS = st.lists(_PIECES, max_size=6).map("".join)


@pytest.mark.parametrize("name", sorted(_REFERENCE))
@settings(max_examples=400, deadline=None)
@given(component=_COMPONENTS)
def test_each_classifier_answers_as_the_regex_pattern(name: str, component: str) -> None:
    reference = regex.compile(_REFERENCE[name])
    fast = getattr(un_symbols, name)
    assert fast.pattern == _REFERENCE[name]
    for method in ("match", "fullmatch") if hasattr(fast, "fullmatch") else ("match",):
        want = getattr(reference, method)(component)
        got = getattr(fast, method)(component)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # a Unicode 15 digit (Kawi) after "Add.": a modifier, and "Corr.1" is the base's
        (
            "See A/HRC/41/35/Add. \U00011f51 and Corr.1.",
            ["un:A/HRC/41/35/Add.\U00011f51", "un:A/HRC/41/35/Corr.1"],
        ),
        (
            "See A/HRC/41/35/Add. \U00011f51 and Add.2.",
            ["un:A/HRC/41/35/Add.\U00011f51", "un:A/HRC/41/35/Add.2"],
        ),
        (
            "E/CN.4/Sub.2/Add. \U00010d42 and Rev.1",
            ["un:E/CN.4/Sub.2/Add.\U00010d42", "un:E/CN.4/Sub.2/Rev.1"],
        ),
        # negative rows: ASCII and Arabic-Indic digits read as before
        ("See A/HRC/41/35/Add. 1 and Corr.1.", ["un:A/HRC/41/35/Add.1", "un:A/HRC/41/35/Corr.1"]),
        (
            "See A/HRC/41/35/Add. \u0663 and Corr.1.",
            ["un:A/HRC/41/35/Add.\u0663", "un:A/HRC/41/35/Corr.1"],
        ),
    ],
)
def test_a_newer_unicode_digit_is_classified_as_regex_does(text: str, ids: list[str]) -> None:
    assert [c.id for c in citecheck.extract(text)] == ids


def test_parse_symbol_reads_a_newer_digit_modifier_as_a_modifier() -> None:
    sym = un_symbols.parse_symbol("A/HRC/41/35/Add. \U00011f51")
    assert sym is not None
    assert (sym.bodies, sym.modifiers) == (("HRC",), ("Add.\U00011f51",))


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


# --- the continuation pre-check ----------------------------------------------------------------

_SPACES = st.lists(st.sampled_from(sorted(CHARACTERS.horizontal_spaces)), max_size=3).map("".join)
_WORDS_AFTER = (*un_sections.ITEM_WORDS, un_sections.AND_WORD, *ENGLISH.range_words)
#: A separator as the pattern reads it, or close to it: a comma, a dash or a word between runs
#: of spaces (the words in any case, cut short).
_SEPARATOR = st.tuples(
    _SPACES,
    st.one_of(
        st.sampled_from((",", "", *CHARACTERS.range_dashes)),
        st.sampled_from(_WORDS_AFTER).flatmap(
            lambda w: st.sampled_from((w, w.upper(), w.title(), w[:1], w[1:]))
        ),
    ),
    _SPACES,
).map("".join)
#: An item or a near miss: numbers of any script, the item words with their number, prose.
_ITEM = st.one_of(
    st.integers(0, 999999).map(str),
    st.sampled_from(_WORDS_AFTER).flatmap(
        lambda w: st.sampled_from((f"{w}.1", f"{w}.12", w.upper() + ".3", w, f"{w}1"))
    ),
    st.sampled_from(("\u0663", "\uff11", "\u00b2", "\u0130", "Page", "para.", "\n", "/", ".")),
    st.text(max_size=3),
)
_AFTER = st.one_of(
    st.tuples(_SEPARATOR, _ITEM, st.sampled_from(("", " ", ".", "/", "a"))),
    st.tuples(_SEPARATOR, _SEPARATOR, _ITEM, st.text(max_size=3)),
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(after=_AFTER, lead=st.integers(0, 30))
def test_the_continuation_pre_check_never_refuses_a_match(after: str, lead: int) -> None:
    # a long run of spaces first, sometimes: the window the pre-check reads may end in it
    text = "A/HRC/28/2" + " " * lead + after
    pos = len("A/HRC/28/2")
    if un_symbols._CONT.match(text, pos) is not None:
        assert un_symbols._may_continue(text, pos)


def test_the_range_words_are_all_the_continuation_pattern_reads() -> None:
    """The pre-check takes the first letters of the lexicon's range words: the pattern's range
    alternative must match no other word."""
    pattern = regex.compile(ENGLISH.range_pattern)
    for word in ENGLISH.range_words:
        assert pattern.fullmatch(word) and pattern.fullmatch(word.upper())
    assert not pattern.fullmatch("and") and not pattern.fullmatch("A")


@pytest.mark.parametrize(
    ("after", "tried"),
    [
        (", 36", True),
        (" and Add.1", True),
        (" - 133", True),
        ("\u2013133", True),
        (" to 133", True),
        (" TO 133", True),
        (",\u00a0Corr.1", True),
        ("," + " " * 40 + "36", True),  # a run longer than the window: the pattern decides
        (", \u0663", True),  # a digit of another script: the pattern decides
        (", para. 3", False),
        (" - Page 4", False),
        ("    \n", False),
        (" ,", False),  # the text ends within the separators
        (" by the Council", False),
    ],
)
def test_where_the_continuation_pattern_is_tried(after: str, tried: bool) -> None:
    text = "A/HRC/28/2" + after
    assert un_symbols._may_continue(text, len("A/HRC/28/2")) is tried
