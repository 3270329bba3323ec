"""The EU families' speed work (issue #12) changes no answer: each replaced step is checked
against the step it replaced, kept here, on generated text."""

from __future__ import annotations

import random

import pytest
import regex

from citecheck.families.base import Document
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


# --- cjeu: a digit opens a citation only as a bare (pre-1989) case number -----------------

_CASE_PIECES = (
    "C-293/12", "T-1/99 P", "F-16/05", "C\u2011411/17", "C 5/19", "C-132/18P", "Case 6/64",
    "Cases 12/68 and 13/68", "Joined Cases C-293/12 and C-594/12", "case C-5/19", "cases C-1/90",
    "12/68", "6/64, EU:C:1964:66", "8/55, 9/55, ECLI:EU:C:1956:7", "26/62 , EU:C:1963:1",
    "60/251", "2005/256", "2016/679", "95/46", "12/05/2020", "1/2019", "3/123", "C-293/2012",
    "EU:C:2014:238", "ECLI:EU:T:2019:10", "CE:ECHR:2019:0101JUD001234567", "A/HRC/53/25",
    "resolution 60/251", "No 1049/2001", "OJ C 5/1", "1958/59", "52/52", "89/89",
)  # fmt: skip
_CASE_GAPS = (" ", ", ", " and ", " to ", "\n", "; ", "", " (", ") ", " & ")


def _case_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(_CASE_PIECES) for _ in range(rng.randint(1, 8))]
        texts.append("".join(p + rng.choice(_CASE_GAPS) for p in parts))
    return texts


def test_a_citation_at_a_digit_opens_with_a_bare_case_number() -> None:
    """Where ``_BARE_AT_NUMBER`` refuses a digit, ``_CASES`` matches nothing there either, in
    any window end."""
    from citecheck.families import cjeu

    for text in _case_texts(300, seed=7):
        for pos, char in enumerate(text):
            if not char.isdigit():
                continue
            for hi in (len(text), *range(pos + 1, min(len(text), pos + 12))):
                if cjeu._CASES.match(text, pos, hi) is not None:
                    assert cjeu._BARE_AT_NUMBER.match(text, pos, hi) is not None, (text, pos, hi)


def _old_case_matches(doc: Document) -> list[regex.Match[str]]:
    """:func:`citecheck.families.cjeu._case_matches` before the bare-number check."""
    from citecheck.families import cjeu
    from citecheck.families.base import settle

    text = doc.text
    hits = list(cjeu._case_hits(doc))
    openings: dict[int, list[int]] = {}
    found = []
    last_end = 0
    for i, (hit_start, hit_end) in enumerate(hits):
        if hit_start < last_end:
            continue
        lo, hi = max(last_end, hit_start - cjeu._BEFORE), hit_end + cjeu._AFTER
        first = i
        while first > 0 and hits[first - 1][0] >= lo:
            first -= 1
        starts: set[int] = set()
        j = first
        while j < len(hits) and hits[j][0] < hi:
            if j not in openings:
                openings[j] = cjeu._openings(text, *hits[j])
            starts.update(openings[j])
            j += 1
        m = None
        for pos in sorted(starts):
            if lo <= pos < hi:
                m = cjeu._CASES.match(text, pos, hi)
                if m is not None:
                    break
        m = settle(cjeu._CASES, text, m, hi)
        if m is None:
            continue
        found.append(m)
        last_end = max(m.end(), m.start() + 1)
    return found


def test_case_matches_are_those_found_before() -> None:
    from citecheck.families import cjeu

    for text in _case_texts(400, seed=11):
        new = [(m.span(), m.groupdict()) for m in cjeu._case_matches(Document(text))]
        old = [(m.span(), m.groupdict()) for m in _old_case_matches(Document(text))]
        assert new == old, text
