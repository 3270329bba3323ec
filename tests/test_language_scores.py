"""``language.scores`` reads an all-ASCII stretch without its regex pass: it counts the same
words as the pass over the text between ``start`` and ``end`` (``_WORD.findall``), words cut
at either edge included, and adds their shares in the same order (the same floats)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import language
from citecheck.lexicon import LANGUAGES


def _scores_of_the_pass(text: str, start: int, end: int) -> dict[str, float]:
    """What ``scores`` answered before: the regex words of the window, lower-cased."""
    owners = language._language_of_word()
    counts = dict.fromkeys(LANGUAGES, 0.0)
    for word in language._WORD.findall(text, start, end):
        for lang in owners.get(word.lower(), ()):
            counts[lang] += 1.0 / len(owners[word.lower()])
    return counts


#: stop words of every table (shared ones too), words that hold one, ASCII punctuation and
#: controls, and non-ASCII letters, marks and spaces that send a window to the regex pass
_TOKENS = [
    *sorted(language._language_of_word())[:60], "The", "DE", "Der", "la", "x", "_", "7",
    " ", "\n", "\t", "\x1c", "\x0b", "-", "'", ".", "/", "(", "thé", "é", "\u0301", "İ",
    "\u00a0", "de_la", "ofthe", "the1",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(st.sampled_from(_TOKENS), max_size=40),
    start=st.integers(0, 120),
    length=st.integers(0, 400),
)
def test_scores_as_the_regex_pass(words: list[str], start: int, length: int) -> None:
    text = "".join(words)
    assert language.scores(text, start, start + length) == _scores_of_the_pass(
        text, start, start + length
    )


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_whole_text_scores_as_the_regex_pass(words: list[str]) -> None:
    text = " ".join(words)
    assert language.scores(text) == _scores_of_the_pass(text, 0, len(text))


def test_words_cut_at_the_edges_count_as_cut() -> None:
    text = "xthe of the lax"
    # "the" cut from "xthe" counts, "la" cut from "lax" counts (French/Spanish), "x" alone not
    assert language.scores(text, 1, 14) == _scores_of_the_pass(text, 1, 14)
    assert language.scores(text, 1, 14)["en"] == 3.0
    assert language.scores(text, 1, 14)["fr"] == 0.5
