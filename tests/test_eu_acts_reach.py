"""The EU act grammar places the type words only in reach of a hit, lower-casing only the
words it compares (no whole-text ``str.lower``): it finds what the window search it replaces
finds, also where capitals lower-case oddly ("İ", the Kelvin sign) or "ſ" stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import anchors
from citecheck.families import FAMILIES, Document, base, eu_acts
from citecheck.pinpoints import articles
from citecheck.scan import _anchor_literals


def _indexed(text: str) -> Document:
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    return doc


def _all_type_word_starts(doc: Document) -> list[int]:
    """Every type word start of the text, in or out of reach (the places before the reach was
    applied): the reach may leave out only those."""
    low = doc.lower
    starts = [start for start, _ in eu_acts._english_type_hits(doc)]
    for stem_start, stem_end in eu_acts._stem_hits(doc):
        for offset, word in eu_acts._WORDS_OF_STEM[low[stem_start:stem_end]]:
            start = stem_start - offset
            if start >= 0 and low.startswith(word, start):
                starts.append(start)
    text = doc.text
    return [
        s
        for s in sorted(set(starts))
        if not ((b := text[s - 1] if s else " ").isascii() and (b.isalnum() or b in "_/"))
    ]


CASES = [
    "Council Regulation (EC) No 1049/2001 and the action plan",
    "COUNCİL DIRECTIVE 95/46/EC; İmplementing Decision (EU) 2019/1",
    "Council Framework Decision 2002/584/JHA of 13 June 2002",
    "the Kelvin \u212a sign, then Commission Implementing Regulation (EU) 2019/947",
    "Durchführungsverordnung (EU) 2019/947 der Kommission",
    "DURCHFÜHRUNGSVERORDNUNG (EU) 2019/947 and the Verordnung (EG) Nr. 1049/2001",
    "Reglamento de Ejecución (UE) 2019/947; la directive 2016/680/UE",
    "Deci\u017fion 2/102 of the Human Rights Council, then Regulation (EU) 2016/679",
    "an action taken in 2019/20; a position 12/3; a decision no. 5/2 of the Council",
    "Common Position 2003/444/CFSP, Joint Action 2008/124/CFSP",
    "x" * 300 + " Regulation (EU) 2016/679 " + "action " * 60 + "Directive 93/13/EEC",
    "the règlement délégué (UE) 2019/980 et la DÉCISION 94/77/CE",
    # a word in reach whose stem ("verordnung") is not: it starts just before the reach ends
    "Regulation (EU) 2016/679 " + "y" * 44 + " Durchführungsverordnungen der Kommission",
]


@pytest.mark.parametrize("text", CASES)
def test_act_matches_as_window_search(text: str) -> None:
    doc = _indexed(text)
    old = base.matches_near(eu_acts._ACT, eu_acts._type_word_hits(doc), text, before=100, after=64)
    got = [(m.span(), m.groupdict()) for m in eu_acts._act_matches(doc)]
    assert got == [(m.span(), m.groupdict()) for m in old]
    assert got  # each case holds an act


@pytest.mark.parametrize("text", [t for t in CASES if "\u017f" not in t])
def test_reach_keeps_every_start_in_reach(text: str) -> None:
    doc = _indexed(text)
    hits = eu_acts._type_word_hits(doc)
    stretches = eu_acts._reach(hits)
    expected = [s for s in _all_type_word_starts(doc) if any(lo <= s < hi for lo, hi in stretches)]
    assert eu_acts._type_word_starts(doc, hits) == expected
    # and each hit's own window lies in one stretch
    for start, end in hits:
        assert any(lo <= max(0, start - 100) and end + 64 <= hi for lo, hi in stretches)


def test_words_before_reads_odd_capitals() -> None:
    text = "COUNCİL Regulation"
    assert eu_acts._words_before(text, text.index("Regulation"))
    assert not eu_acts._words_before("the Regulation", 4)


@pytest.mark.parametrize("name", ["eu_acts", "cjeu", "general_comments"])
def test_family_does_not_lower_case_the_whole_text(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Document.lower`` (a whole-text ``str.lower``) is left to whoever needs it: the
    compiled anchor pass reads the text as written, and so do these families."""
    pytest.importorskip("ahocorasick_rs", reason="the pure anchor pass lower-cases the text")
    monkeypatch.delenv(anchors.PURE_ENV, raising=False)
    text = (
        "Council Regulation (EC) No 1049/2001, Case C-293/12, EU:C:2014:238, general comment "
        "No. 24 and observation générale no 3; Common Position 2003/444/CFSP; la directive "
        "2016/680/UE et la Durchführungsverordnung (EU) 2019/947. "
    ) * 3
    family = next(f for f in FAMILIES if f.name == name)
    doc = _indexed(text)
    assert list(family.find(doc))
    assert "lower" not in doc.__dict__


def _other_type_hits_searched(doc: Document) -> list[tuple[int, int]]:
    """The other languages' act words before each number as a search of the whole reach
    finds them (what the step did before it matched at the stems only)."""
    text = doc.text
    found: list[tuple[int, int]] = []
    last = -1
    for number_start in eu_acts._slashed_numbers(doc):
        lo = max(0, number_start - eu_acts._NUMBER_REACH, last)
        first = number_start
        while first > 0 and text[first - 1].isdigit():
            first -= 1
        if first > 0 and text[first - 1] in "/.":
            continue
        for m in eu_acts._OTHER_TYPES.finditer(text, lo, number_start):
            found.append(m.span())
            last = m.end()
    return found


#: Every act word of another language, as written in running text and in capitals.
_OTHER_WORDS = sorted({t for w in eu_acts._WORDS.values() for t in w.act_types})
_WORD_FORMS = [
    *_OTHER_WORDS,
    *(w.upper() for w in _OTHER_WORDS),
    *(w.title() for w in _OTHER_WORDS),
]
_JUNK = [
    "Vorschlags", "Durchführungs", "de ", "la ", "x", " ", "İ", "\u212a", "ẞ", "y" * 30,
    "A/HRC/17/", "1.", "(", "de\n   ",
]  # fmt: skip
_GAPS = [
    "",
    " ",
    "  ",
    "\n",
    "\u00a0",
    " (UE) ",
    " (EU) n° ",
    " Nr. ",
    " de la Comisión ",
    "y" * 40,
]
_NUMBERS = ["2019/947", "94/77/CE", "2016/679", "17/31", "3/2"]


@st.composite
def _other_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        parts += [
            "".join(draw(st.lists(st.sampled_from(_JUNK), max_size=3))),
            draw(st.sampled_from(_WORD_FORMS)),
            draw(st.sampled_from(_GAPS)),
            draw(st.sampled_from(_NUMBERS)),
        ]
    return "".join(parts)


@settings(max_examples=1500, deadline=None)
@given(text=_other_texts())
def test_other_type_hits_as_search(text: str) -> None:
    doc = _indexed(text)
    assert list(eu_acts._other_type_hits(doc)) == _other_type_hits_searched(doc)


@pytest.mark.parametrize(
    "text",
    [
        "la Durchführungsverordnung (EU) 2019/947",
        "DÉCISION DE LA COMMISSION 94/77/CE et le règlement délégué 2019/980",
        "Reglamento de\n   Ejecución (UE) 2019/947 y la Directiva de Ejecución 2014/1",
        "die Gemeinsamen Standpunkts 2003/444, der Vorschlagsverordnung 2016/679",
    ],
)
def test_other_type_hits_found(text: str) -> None:
    doc = _indexed(text)
    got = list(eu_acts._other_type_hits(doc))
    assert got
    assert got == _other_type_hits_searched(doc)


_THE_JUNK = ["the", "The ", "other", " ", "\n", "x", ".", "(", ", ", "point (a) of ", "İ"]
_THE_WORDS = ["the", "The", "THE", "other", "bathe", ".the", "x", ""]
_THE_GAPS = ["", " ", "  ", "   ", "    ", "\n", "\u00a0", "\x1c", " \n "]
_ORDINALS = ["first", "Last", "SECOND", "tenth", "firsts", "forth"]
_UNITS = [" subparagraph", " sentence", "  indent", " paragraph", ""]
_TAILS = [
    " of Article 5 of ",
    " of ",
    " of Article 2(1) of the ",
    " of Annex II to ",
    " of \\[",
    ", ",
]


@settings(max_examples=2000, deadline=None)
@given(
    junk=st.lists(st.sampled_from(_THE_JUNK), max_size=4).map("".join),
    the=st.sampled_from(_THE_WORDS),
    gap=st.sampled_from(_THE_GAPS),
    ordinal=st.sampled_from(_ORDINALS),
    unit=st.sampled_from(_UNITS),
    tail=st.sampled_from(_TAILS),
)
def test_body_before_finds_the_before_an_ordinal(
    junk: str, the: str, gap: str, ordinal: str, unit: str, tail: str
) -> None:
    """A body opening with "the" is found from the ordinal after it, as the search finds it."""
    text = junk + the + gap + ordinal + unit + tail + "Directive 2008/50/EC"
    start = text.rindex("Directive")
    lo = max(0, start - articles.WINDOW)
    window = text[lo:start].lower()
    got = articles._body_before(text, lo, start, window)
    want = articles._BEFORE.search(text, lo, start)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def _type_word_hits_unfiltered(doc: Document) -> list[tuple[int, int]]:
    """The type words followed by the start of a numbering, whether or not a slash between
    digits stands in their window (what the step gave before it ruled those out)."""
    text = doc.text
    found = sorted([*eu_acts._english_type_hits(doc), *eu_acts._other_type_hits(doc)])
    return [
        (start, m.end())
        for start, end in found
        if (m := eu_acts._NUMBERING_START.match(text, end)) is not None
    ]


def _acts_in_windows(doc: Document) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    old = base.matches_near(
        eu_acts._ACT,
        _type_word_hits_unfiltered(doc),
        doc.text,
        before=eu_acts._ACT_REACH,
        after=eu_acts._ACT_AFTER,
    )
    return [(m.span(), m.groupdict()) for m in old]


#: A digit of a later Unicode than ``str.isdigit`` knows (Kawi), which ``regex`` reads as
#: ``\d``: an act matched with it is refused later, but it still ends its window's search.
_KAWI = "\U00011f52"
_SLASH_JUNK = [
    "x", " ", "\n", "y" * 40, "y" * 97, "A/HRC/", "1/", "/2", "a/b", "é/", "/é", "2",
    f"{_KAWI}/{_KAWI}", f"{_KAWI}{_KAWI}/1", "(", "no ", "Decision ", "Council ",
]  # fmt: skip
_SLASH_WORDS = ["Regulation", "Directive", "decision", "Common Position", "Verordnung",
                "règlement", "action", "DECISIONS"]  # fmt: skip
_SLASH_GAPS = [" ", " (EU) ", " No ", "\n", " (", " No. ", " des Rates ", "  "]
_SLASH_NUMBERS = ["2016/679", "95/46/EC", "17/31", "12", "(a)", "1 of 2", "", "2016 /679"]


@st.composite
def _slash_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        parts += [
            "".join(draw(st.lists(st.sampled_from(_SLASH_JUNK), max_size=4))),
            draw(st.sampled_from(_SLASH_WORDS)),
            draw(st.sampled_from(_SLASH_GAPS)),
            draw(st.sampled_from(_SLASH_NUMBERS)),
        ]
    return "".join(parts)


@settings(max_examples=1500, deadline=None)
@given(text=_slash_texts())
def test_windows_without_a_slash_between_digits_hold_no_act(text: str) -> None:
    """Leaving out the type words with no slash between digits in their window never loses
    an act the window search finds (nor changes where the next window starts)."""
    doc = _indexed(text)
    assert [(m.span(), m.groupdict()) for m in eu_acts._act_matches(doc)] == _acts_in_windows(doc)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Regulation (EU) 2016/679", 1),
        ("Decision No 12 of the Council", 0),
        ("the action (a) of A/HRC and decision no. 4", 0),
        # the slash may stand anywhere in the window: up to _ACT_AFTER past the numbering's
        # start ("Decision (" ends at 10: the window ends at 74) ...
        ("Decision (" + "y" * 40 + " 2016/679", 1),
        ("Decision (" + "y" * 61 + " 1/2", 1),
        ("Decision (" + "y" * 62 + " 1/2", 0),
        # ... and from _ACT_REACH before the type word
        ("1/2" + "y" * 97 + " Decision No 4", 1),
        ("1/2" + "y" * 98 + " Decision No 4", 0),
        # a slash between digits regex reads but str.isdigit does not ("Directive" is an
        # English and a French act word: two hits)
        (f"Regulation (EU) {_KAWI}{_KAWI}/{_KAWI} " + "y" * 70 + " Directive 95/46/EC", 3),
        ("Regulation (EU) é/é", 1),
        ("Regulation (EU) x/é", 0),
    ],
)
def test_type_word_hits_need_a_slash_between_digits(text: str, kept: int) -> None:
    doc = _indexed(text)
    assert len(eu_acts._type_word_hits(doc)) == kept
    assert len(_type_word_hits_unfiltered(doc)) >= 1
    got = [(m.span(), m.groupdict()) for m in eu_acts._act_matches(doc)]
    assert got == _acts_in_windows(doc)
