"""EU-style article pinpoints before and after an act (GRAMMAR.md E.5)."""

from __future__ import annotations

import pytest

from citecheck.pinpoints.articles import (
    article_pinpoint_after,
    article_pinpoint_before,
    read_after,
    read_before,
)

# (text before the act, expected pinpoint, expected consumed prefix)
BEFORE = [
    ("Article 3(1)(a) of ", "art. 3(1)(a)", "Article 3(1)(a) of "),
    ("point (d) of Article 1(1) of ", "art. 1(1)(d)", "point (d) of Article 1(1) of "),
    ("Articles 12 and 19 of ", "art. 12; art. 19", "Articles 12 and 19 of "),
    (
        "(art. 1, par. d, iii and iv of [",
        "art. 1(d)(iii); art. 1(d)(iv)",
        "art. 1, par. d, iii and iv of [",
    ),
    ("Art. 8 bis of ", "art. 8 bis", "Art. 8 bis of "),
    ("recital 4 of ", "recital 4", "recital 4 of "),
    ("recitals 4 and 5 of ", "recital 4; recital 5", "recitals 4 and 5 of "),
    ("Annex II to ", "annex II", "Annex II to "),
    ("point 3 of Annex II to ", "annex II, point 3", "point 3 of Annex II to "),
    ("Articles 2 to 4 of ", "arts. 2-4", "Articles 2 to 4 of "),
    ("Article 2 and Article 3(1) of ", "art. 2; art. 3(1)", "Article 2 and Article 3(1) of "),
    ("Article 3(1)(a) and (b) of ", "art. 3(1)(a); art. 3(1)(b)", "Article 3(1)(a) and (b) of "),
    ("paragraph 2 of Article 1 of ", "art. 1(2)", "paragraph 2 of Article 1 of "),
    ("points (a) and (b) of Article 6(1) of ", "art. 6(1)(a); art. 6(1)(b)", None),
    ("Article 6(1), first subparagraph, point (f), of ", "art. 6(1)(f)", None),
    ("Article 3 (1) (a) of ", "art. 3(1)(a)", None),
    ("article 17 of the ", "art. 17", "article 17 of the "),
    ("Article 3a of ", "art. 3a", "Article 3a of "),
    ("point (2)(a)(i) of Article 4 of ", "art. 4(2)(a)(i)", None),
    ("as laid down in Regulation X and Article 3\u00a0of ", "art. 3", "Article 3\u00a0of "),
]
BEFORE_NONE = [
    "Article 29 Working Party of ",  # a body, not a pinpoint
    "in 2016 of ",
    "the Council of ",
    "Article of ",
    "paragraph 5 of the report and ",
]
AFTER = [
    (", Article 3(1)(a), and so on", "art. 3(1)(a)", ", Article 3(1)(a)"),
    (" (art. 17).", "art. 17", " (art. 17)"),
    (", Articles 12 and 19.", "art. 12; art. 19", ", Articles 12 and 19"),
    (", recital 4", "recital 4", ", recital 4"),
    (", Annex II", "annex II", ", Annex II"),
]
AFTER_NONE = [" (art. 1 of X)", ", Article 29 Working Party", ", a report", " and Article 5", ""]


@pytest.mark.parametrize(("before", "pin", "consumed"), BEFORE)
def test_before(before: str, pin: str, consumed: str | None) -> None:
    text = before + "ACT"
    start = len(before)
    pinpoint, new_start = article_pinpoint_before(text, start)
    assert str(pinpoint) == pin
    if consumed is not None:
        assert text[new_start:start] == consumed


@pytest.mark.parametrize("before", BEFORE_NONE)
def test_before_none(before: str) -> None:
    text = before + "ACT"
    pinpoint, new_start = article_pinpoint_before(text, len(before))
    assert not pinpoint
    assert new_start == len(before)


@pytest.mark.parametrize(("after", "pin", "consumed"), AFTER)
def test_after(after: str, pin: str, consumed: str) -> None:
    text = "ACT" + after
    pinpoint, new_end = article_pinpoint_after(text, 3)
    assert str(pinpoint) == pin
    assert text[3:new_end] == consumed


@pytest.mark.parametrize("after", AFTER_NONE)
def test_after_none(after: str) -> None:
    pinpoint, new_end = article_pinpoint_after("ACT" + after, 3)
    assert not pinpoint
    assert new_end == 3


def test_styles_reported() -> None:
    found = read_before("art. 1, par. d of ACT", 18)
    assert found is not None
    assert "abbreviated" in found.styles and "treaty-paragraph" in found.styles
    clean = read_before("Article 1(d) of ACT", 16)
    assert clean is not None and clean.styles == ()
    spaced = read_after("ACT, Article 3 (1)", 3)
    assert spaced is not None and spaced.styles == ("spaced",)


def test_window_is_bounded() -> None:
    # A long run of list items further back than the window is not read.
    text = "Articles " + ", ".join(str(i) for i in range(1, 200)) + " of ACT"
    found = read_before(text, text.index("ACT"))
    assert found is None or text.index("ACT") - found.start <= 300


def test_styles_use_precompiled_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    # review perf item: no pattern is compiled per call (module-level regex.search/match).
    import regex

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pattern compiled per call")

    for name in ("search", "match", "fullmatch", "compile"):
        monkeypatch.setattr(regex, name, refuse)
    found = read_before("art. 1, par. d of ACT", 18)
    assert found is not None and found.styles == ("abbreviated", "treaty-paragraph")
    spaced = read_after("ACT, Article 3 (1) \u00a7 2", 3)
    assert spaced is not None and "spaced" in spaced.styles
