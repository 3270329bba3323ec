"""The EU families' speed work (issue #12) changes no answer: each replaced step is checked
against the step it replaced, kept here, on generated text."""

from __future__ import annotations

import random

import pytest
import regex

from citecheck.lexicon import load
from citecheck.pinpoints import languages

LANGUAGES = ("de", "es", "fr")

#: What the pinpoint grammar's number token read before a digit was required first.
_LINE_START_CHECK = r"(?:(?<![\r\n][ \t\u00a0]{0,12})"


def _old(pattern: str) -> str:
    """The pattern as it was: the number's look-behinds tried before its first digit."""
    assert pattern.count("(?=\\d)" + _LINE_START_CHECK) == 1
    return pattern.replace("(?=\\d)" + _LINE_START_CHECK, _LINE_START_CHECK)


def _pieces(language: str) -> list[str]:
    """The words and values a pinpoint body is made of in ``language``, and what breaks one."""
    lex = load(language)
    words = [
        *lex.words("art", "para", "annex", "recital", "title", "chap", "sect"),
        *lex.words("subparagraph", "indent", "sentence"),
        *lex.letter_words,
        *lex.subpoint_words,
        *lex.part_words,
        *lex.list_words,
        *lex.range_words,
        *lex.at_words,
        *lex.of_words,
        *lex.determiners,
        *lex.ordinals[:4],
    ]
    values = ["1", "12", "3a", "1er", "27 bis", "2.1", "7)", "a)", "(b)", "b", "ii)", "iii", "IV"]
    return [*words, *(w.upper() for w in words[:6]), *values, "A", "x", "Die", "-", "–", ","]


_GAPS = (" ", " ", " ", ", ", "\n", "\n    ", "\r\n  ", "\u00a0", "  ", "")


def _texts(language: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = _pieces(language)
    texts = []
    for _ in range(count):
        parts = [rng.choice(pieces) for _ in range(rng.randint(2, 10))]
        texts.append("".join(p + rng.choice(_GAPS) for p in parts))
    return texts


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int] | None]:
    return [
        None if (m := pattern.match(text, pos)) is None else m.span()
        for pos in range(len(text) + 1)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_number_token_reads_what_it_read(language: str) -> None:
    """``(?=\\d)`` before the number's look-behinds: every number opens with a digit, so the
    token and the body match where and as far as before, only without trying the
    look-behinds where no digit follows."""
    grammar = languages._grammar(language)
    new_token, new_body = grammar.token, regex.compile(grammar.body)
    old_token = regex.compile(_old(grammar.token.pattern))
    old_body = regex.compile(_old(grammar.body))
    for text in _texts(language, 150, seed=12):
        assert _spans(new_body, text) == _spans(old_body, text), text
        for pos in range(len(text) + 1):
            new, old = new_token.match(text, pos), old_token.match(text, pos)
            assert (new and (new.span(), new.lastgroup)) == (old and (old.span(), old.lastgroup))


#: Rows the generated text may miss: a number opening a line after its unit word ("des
#: Artikels\n    3"), after another word ("article 3 Les\n    7) y"), at the text's start, after
#: a bracket or a comma, and no digit at all.
_ROWS = (
    "{art}\n    3.",
    "{art}\r\n 3.",
    "{art}  \n            12.",
    "{art} 5 Les\n    7) y",
    "{art} 5,\n 7.",
    "{art} 5 (\n 7.",
    "{art} 5\n7.",
    "{art} 5 {para} 2\n    3",
    "{art} {art}",
    "{art} .",
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("row", _ROWS)
def test_rows_at_line_starts_read_as_before(language: str, row: str) -> None:
    lex = load(language)
    text = row.format(art=lex.words("art")[0], para=lex.words("para")[0])
    body = languages._grammar(language).body
    assert _spans(regex.compile(body), text) == _spans(regex.compile(_old(body)), text)
