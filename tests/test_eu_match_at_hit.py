"""The EU act and CJEU grammars tried only where a citation can start next to an anchor hit
find exactly what the window searches they replace found (and, where those equal a whole-text
``finditer``, what that finds)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.pinpoints import articles


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
