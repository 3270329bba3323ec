"""The EU act and CJEU grammars tried only where a citation can start next to an anchor hit
find exactly what the window searches they replace found (and, where those equal a whole-text
``finditer``, what that finds)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import FAMILIES, Document, base, cjeu, eu_acts
from citecheck.pinpoints import articles
from citecheck.scan import _anchor_literals


def _texts(tokens: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


def _same(a: regex.Match[str] | None, b: regex.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


_JUNK = [
    "x", "3", ".", " ", "\n", "(", ")", ", ", " and ", "party", "the", "The ", "İ", "\u00a0", "[",
    "Article", "of ", "art",
]  # fmt: skip
_PREFIXES = [
    "", "the first subparagraph of ", "The Last sentence of ", "THE SECOND INDENT of ",
    "tenth subparagraph of ", "point (d) of ", "points (a) and (b) of the ", "paragraph 2 of ",
    "Point 3 of ", "\u017fecond subparagraph of ",
]  # fmt: skip
_BODIES = [
    "Article 3(1)", "Articles 12 and 19", "art. 1, par. d, iii and iv", "Art 5", "recital 4",
    "Recitals 4 to 6", "Annex II", "annexes", "Chapter II", "Title III", "Section 2",
    "chap. 4", "sect. 2", "Chapters II and III", "Article 5 of Chapter II", "\u017fection 2",
    "Article 13(1) of, and Annex XI to,",
]  # fmt: skip
_CONNECTORS = [" of ", " to ", " in ", " under ", " of the ", ", of ", " of \\[", "", " "]


@settings(max_examples=1500, deadline=None)
@given(
    junk=_texts(_JUNK, max_size=12),
    prefix=st.sampled_from(_PREFIXES),
    body=st.sampled_from(_BODIES),
    connector=st.sampled_from(_CONNECTORS),
    trim=st.integers(min_value=0, max_value=3),
)
def test_pinpoint_body_before_as_search(
    junk: str, prefix: str, body: str, connector: str, trim: int
) -> None:
    text = junk + prefix + body + connector + "Directive 2008/50/EC"
    start = len(junk + prefix + body + connector) - trim
    lo = max(0, start - articles.WINDOW)
    window = text[lo:start].lower()
    assert _same(
        articles._body_before(text, lo, start, window), articles._BEFORE.search(text, lo, start)
    )


def _indexed(text: str) -> Document:
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    return doc


_CASE_TOKENS = [
    "C-293/12", "T-1/99", "F-12/05", "C\u2011501/12", "C- 5/19", "C 293/12", "C-132/18P",
    "C-132/18 P", "Case", "Cases", "case", "cases", "Joined", "Joined Cases ", "Joined  \nCases",
    "showcase", "6/64", "314/85", "12/3456", "12345/12", "A/HRC/53/25", "1/2", "3", "0", "/",
    ".", "-", "\u2011", " ", "  ", "   ", "    ", "\n", "\u00a0", "\u202f", "\x1c", ", ",
    " and ", " to ", " & ", "EU:C:2014:238", "EU:C:1985:1", "ECLI:", "ECLI:EU:C:2019:1",
    "ecli:eu:c:2019:1", "ECLI EU C 2014 238", "CE:ECHR:2010:0101JUD001234509", "x", "P",
    "\u0663", "OJ ", "March", "\u017f",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(text=_texts(_CASE_TOKENS))
def test_case_matches_as_window_search(text: str) -> None:
    doc = _indexed(text)
    old = base.matches_near(cjeu._CASES, cjeu._case_hits(doc), text, before=40, after=64)
    got = [(m.span(), m.groupdict()) for m in cjeu._case_matches(doc)]
    assert got == [(m.span(), m.groupdict()) for m in old]
    assert [span for span, _ in got] == [m.span() for m in cjeu._CASES.finditer(text)]


_ACT_JUNK = [
    "the ", "of ", " ", "  ", "\n", "(", ")", "-", "'", "/", "x", "3", ", ", " and ", "made ",
    "2/102", "\u017f", "İ", "Council", "de",
]  # fmt: skip
_ACT_BEFORE = [
    "", "Council", "Commission", "European Parliament and of the Council", "Parliament and Council",
    "European Central Bank", "ECB", "Third", "Seventeenth", "Delegated", "Implementing",
    "Commission Implementing", "Council Framework", "Human Rights Council", "Security Council",
    "Common", "Joint", "Reglamento de", "règlement", "Vorschlags", "décision-", "x", "(",
]  # fmt: skip
_ACT_TYPES = [
    "Regulation", "regulations", "Directive", "DECISION", "Decision", "Recommendation",
    "Position", "Action", "Règlement", "règlement délégué", "Reglamento de Ejecución",
    "Ejecución", "Durchführungsverordnung", "verordnung", "cadre", "Beschluss", "Richtlinie",
    "deregulation", "Deci\u017fion", "REGULATIONS", "DIRECTIVES", "Regulations", "DECISIONS",
    "Durchführungsverordnungen", "Delegierte Verordnung", "transaction", "/Regulation",
]  # fmt: skip
_ACT_NUMBERS = [
    "(EU) 2016/679", "(EC) No 1049/2001", "95/46/EC", "2016/679", "(UE, Euratom) n° 2019/947",
    "CFSP 2020/1999", "No 2/102", "Nr. 1234/2011", "[2016/679]", "(EU) xxxx/xxx",
    "(EU, Euratom, CFSP) No 2019/947",
]  # fmt: skip
_GAPS = ["", " ", "  ", "   ", "    ", "\n", "\u00a0", " \n "]


@st.composite
def _act_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        parts += [
            draw(_texts(_ACT_JUNK, max_size=4)),
            draw(st.sampled_from(_ACT_BEFORE)),
            draw(st.sampled_from(_GAPS)),
            draw(st.sampled_from(_ACT_TYPES)),
            draw(st.sampled_from(_GAPS)),
            draw(st.sampled_from(_ACT_NUMBERS)),
        ]
    return "".join(parts)


@settings(max_examples=2000, deadline=None)
@given(text=_act_texts())
def test_act_matches_as_window_search(text: str) -> None:
    doc = _indexed(text)
    old = base.matches_near(eu_acts._ACT, eu_acts._type_word_hits(doc), text, before=100, after=64)
    got = [(m.span(), m.groupdict()) for m in eu_acts._act_matches(doc)]
    assert got == [(m.span(), m.groupdict()) for m in old]


@pytest.mark.parametrize(
    "text",
    [
        # A list longer than the window after its first "/" is one citation from its first
        # number, as finditer reads it (the window search found it from a later "/").
        "judgment in Suiker Unie,\n40/73 to\u00a048/73, 50/73, 54/73 to\u00a056/73, 111/73, "
        "113/73 and\u00a0114/73\n,\nEU:C:1975:174\n, paragraph 612",
        "Cases 1/80, 2/80, 3/80, 4/80, 5/80, 6/80, 7/80, 8/80, 9/80, 10/80, 11/80 and 12/80, "
        "EU:C:1981:1",
    ],
)
def test_case_list_longer_than_its_window(text: str) -> None:
    doc = _indexed(text)
    old = base.matches_near(cjeu._CASES, cjeu._case_hits(doc), text, before=40, after=64)
    got = [m.span() for m in cjeu._case_matches(doc)]
    assert got == [m.span() for m in old] == [m.span() for m in cjeu._CASES.finditer(text)]
    assert len(got) == 1
