"""The English article pinpoint readers (``pinpoints/articles.py``) give the same answers as the
plain steps they replaced (issue #12, speed): ``_body_before`` as ``_BEFORE.search`` over the
window, ``parse_body`` as the token-by-token loop, on generated passages (the lexicon's unit
words, ranges, lists, parentheses, ``§``, odd case, line breaks, characters no body holds).
The pre-checks are proven never to refuse a passage the full pattern reads."""

from __future__ import annotations

import random
import string

import pytest
import regex

from citecheck.lexicon import ENGLISH
from citecheck.model import NO_PINPOINT, Pinpoint
from citecheck.pinpoints import articles
from citecheck.pinpoints.articles import (
    _BEFORE,
    _FOREIGN_LAST,
    _ORDINAL_HOLDERS,
    _ORDINAL_OPENINGS,
    _ORDINAL_UNITS,
    _ORDINAL_WORDS,
    _TOKEN,
    WINDOW,
    ArticlePinpoint,
    parse_body,
    read_after,
    read_before,
)


# --- the replaced steps, kept as they were -----------------------------------------------------
def old_parse_body(body: str) -> Pinpoint:
    """``parse_body`` before it read its tokens with one ``finditer`` (and before its cache)."""
    builder = articles._Builder()
    pos = 0
    while pos < len(body):
        m = _TOKEN.match(body, pos)
        if m is None or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        kind = m.lastgroup
        if kind is not None:
            builder.feed(kind, m.group(kind))
    parts = builder.parts()
    return Pinpoint(parts) if parts else NO_PINPOINT


def old_read_before(text: str, start: int) -> ArticlePinpoint | None:
    """``read_before`` with the whole-window search and the old tokeniser."""
    lo = max(0, start - WINDOW)
    m = _BEFORE.search(text, lo, start)
    if m is None:
        return None
    body = m.group("body")
    pin = old_parse_body(body)
    if m.group("also") is not None:
        also = old_parse_body(m.group("also"))
        pin = Pinpoint(pin.parts + also.parts) if pin and also else NO_PINPOINT
        body = f"{body} {m.group('also')}"
    if not pin:
        return None
    return ArticlePinpoint(pin, m.start(), start, articles._styles.__wrapped__(body))


# --- generated passages --------------------------------------------------------------------------
def _unit(rng: random.Random, unit: str) -> str:
    word = rng.choice(ENGLISH.words(unit))
    return rng.choice([word, word.capitalize(), word.upper(), _odd_case(rng, word)])


def _odd_case(rng: random.Random, word: str) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def _gap(rng: random.Random) -> str:
    return rng.choice([" ", " ", " ", "  ", "\n", " \n", "\u00a0", "\t"])


def _sub(rng: random.Random) -> str:
    inner = rng.choice(["1", "2", "12", "3a", "a", "b", "i", "iv", "xii", "aa"])
    return rng.choice([f"({inner})", f"( {inner} )", f" ({inner})"])


def _number(rng: random.Random, kind: str = "art") -> str:
    """Mostly a number the unit takes (roman and letters name annexes and chapters), at times
    one it does not."""
    if rng.random() < 0.1:
        return rng.choice(["1234", "I", "IV", "B", "12", "x"])
    if kind in ("art", "recital"):
        return rng.choice(["1", "3", "12", "123", "5a", "8 bis", "2 ter", "4\u00a0quater"])
    return rng.choice(["I", "IV", "XII", "B", "2", "12"])


def _item(rng: random.Random, kind: str = "art") -> str:
    out = _number(rng, kind)
    if kind != "art":
        return out
    out += "".join(_sub(rng) for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.2:
        out += rng.choice([", paragraph 2", ", par. d", " § 3", ", para. 1, b and c", ", paras 1"])
    return out


def _sep(rng: random.Random) -> str:
    return rng.choice([", ", " and ", " or ", " to ", "-", "\u2013", " \u2013 ", ",and ", ", and "])


def _prefix(rng: random.Random) -> str:
    ordinal = rng.choice([*_ORDINAL_WORDS, "eleventh"])
    unit = rng.choice([*_ORDINAL_UNITS, "paragraph", "item"])
    return rng.choice(
        [
            "",
            "",
            f"the{_gap(rng)}{ordinal}{_gap(rng)}{unit}{rng.choice(['s', ''])} of ",
            f"{ordinal.upper()} {unit} of the ",
            f"{_unit(rng, 'point')} {_sub(rng)}{_sep(rng)}{_sub(rng)} of ",
            f"point {_number(rng)} of ",
            f"{_unit(rng, 'para')} {_number(rng)} of ",
            f"the {ordinal} {unit}, of ",
        ]
    )


#: ordinals counting recitals ("the third and fifth recitals"), and some no table numbers
_RECITAL_ORDINALS = ["first", "third", "Twelfth", "twenty-first", "thirtieth", "last", "tenth"]


def _ordinal_recitals(rng: random.Random) -> str:
    ordinals = [rng.choice(_RECITAL_ORDINALS) for _ in range(rng.randint(1, 3))]
    listed = ordinals[0] + "".join(_sep(rng) + x for x in ordinals[1:])
    return f"{rng.choice(['the ', 'The ', ''])}{listed}{_gap(rng)}{_unit(rng, 'recital')}"


def _body(rng: random.Random) -> str:
    kind = rng.choice(["art", "art", "art", "recital", "annex", "title", "chap", "sect", "ord"])
    if kind == "ord":
        return _ordinal_recitals(rng)
    items = [_item(rng, kind) for _ in range(rng.randint(1, 4))]
    listed = items[0] + "".join(_sep(rng) + x for x in items[1:])
    tail = ""
    if kind == "art" and rng.random() < 0.2:
        tail = f" of {_unit(rng, 'chap')} {rng.choice(['II', '3', 'B'])}"
    return f"{_prefix(rng)}{_unit(rng, kind)}{_gap(rng)}{listed}{tail}"


_NOISE = [
    "Regulation (EU) 2016/679; ",
    "the Member State\u2019s ",
    "\u201cArticle 4\u201d ",
    "as amended: ",
    "see # 4 and ",
    "of the Treaty, ",
    "third countries ",
    "Article 5 of Directive 95/46 and ",
    "the first time, ",
    "in particular ",
    "[",
    "(",
]


_CONNECTORS = (" of ", " of the ", ", of the ", " to ", " in ", " under ", " of the \\[", " of [ ")
_CONNECTORS += ("of, and ", " of\n", " by ")


def _passage(rng: random.Random) -> tuple[str, int]:
    """A passage and where the (made-up) citation after its pinpoint starts."""
    connector = rng.choice(_CONNECTORS)
    if connector == "of, and ":
        connector = f" of, and {_body(rng)} to, the "
    head = "".join(rng.choice(_NOISE) for _ in range(rng.randint(0, 3)))
    body = _body(rng)
    if rng.random() < 0.1:  # a character no body holds, somewhere inside it
        at = rng.randint(0, len(body))
        body = body[:at] + rng.choice("/;:\u2019\u201c#*%") + body[at:]
    if rng.random() < 0.1:
        body = body.replace(" ", "\n", 1)
    passage = f"{head}{body}{connector}"
    return passage + "Directive 2008/50/EC.", len(passage)


def _key(found: ArticlePinpoint | None) -> object:
    return None if found is None else (found.pinpoint, found.start, found.end, found.styles)


ROWS = [_passage(random.Random(seed)) for seed in range(3000)]


def test_generated_rows_reach_every_kind_of_answer() -> None:
    """The rows are worth comparing: many read a pinpoint, many do not, some by the window's
    characters no body holds, some open with an ordinal."""
    found = [old_read_before(text, start) for text, start in ROWS]
    assert sum(f is not None for f in found) > 1000
    assert sum(f is None for f in found) > 300
    assert any(
        f is not None and any(o in text[f.start : start].lower() for o in _ORDINAL_WORDS)
        for f, (text, start) in zip(found, ROWS, strict=True)
    )
    assert any(
        f is not None
        and f.pinpoint.parts[0].unit.startswith("recital")
        and text[f.start : start].lower().removeprefix("the").lstrip().startswith(_ORDINAL_OPENINGS)
        for f, (text, start) in zip(found, ROWS, strict=True)
    )
    assert any(
        _FOREIGN_LAST.search(text, max(0, start - WINDOW), start) is not None and f is not None
        for f, (text, start) in zip(found, ROWS, strict=True)
    )


@pytest.mark.parametrize("chunk", range(6))
def test_read_before_equals_the_whole_window_search(chunk: int) -> None:
    for text, start in ROWS[chunk::6]:
        assert _key(read_before(text, start)) == _key(old_read_before(text, start)), text


@pytest.mark.parametrize("chunk", range(3))
def test_body_before_equals_the_search_at_every_window(chunk: int) -> None:
    """Any window, also one cut inside a word or a body (not only where the citation starts)."""
    rng = random.Random(chunk)
    for text, _ in ROWS[chunk::3]:
        for _ in range(3):
            start = rng.randint(0, len(text))
            lo = max(0, start - rng.choice([WINDOW, 40, 7]))
            window = text[lo:start].lower()
            got = articles._body_before(text, lo, start, window)
            want = _BEFORE.search(text, lo, start)
            assert (got and got.span(), got and got.groupdict()) == (
                want and want.span(),
                want and want.groupdict(),
            ), text


def test_parse_body_equals_the_token_loop() -> None:
    rng = random.Random(7)
    bodies = [_body(rng) for _ in range(1500)]
    # bodies with characters no token starts at (skipped one by one by the old loop)
    bodies += [b.replace(" ", rng.choice([" ;", "/", " \u2019 ", "**"]), 1) for b in bodies[:300]]
    for body in bodies:
        assert parse_body(body) == old_parse_body(body), body


def old_read_after(text: str, end: int) -> ArticlePinpoint | None:
    """``read_after`` with the old token loop (its steps are otherwise unchanged)."""
    hi = min(len(text), end + WINDOW)
    opened = articles._THEREOF_OPEN.match(text, end, hi)
    if opened is not None:
        m = articles._AFTER_BODY_ANY.match(text, opened.end(), hi)
        close = None if m is None else articles._THEREOF_CLOSE.match(text, m.end(), hi)
        if m is not None and close is not None:
            pin = old_parse_body(m.group("body"))
            if pin:
                return ArticlePinpoint(pin, end, close.end(), articles._styles(m.group("body")))
    opened = articles._AFTER_OPEN.match(text, end, hi)
    if opened is None:
        return None
    m = articles._AFTER_BODY.match(text, opened.end(), hi)
    if m is None:
        return None
    stop = m.end()
    if "(" in opened.group(0):
        close = articles._CLOSE.match(text, stop, hi)
        if close is None:
            return None
        stop = close.end()
    pin = old_parse_body(m.group("body"))
    if not pin:
        return None
    return ArticlePinpoint(pin, end, stop, articles._styles(m.group("body")))


def test_read_after_equals_with_the_old_tokeniser() -> None:
    found = 0
    for seed in range(1500):
        rng = random.Random(seed)
        opening = rng.choice([", ", " (", ", at ", " ( ", ", and in particular ", " "])
        closing = rng.choice([")", " thereof", "", " of the Treaty", " working"])
        text = f"Directive 2008/50/EC{opening}{_body(rng)}{closing} and so on"
        end = len("Directive 2008/50/EC")
        want = old_read_after(text, end)
        found += want is not None
        assert _key(read_after(text, end)) == _key(want), text
    assert found > 300


# --- the character cut: no body or connector holds one of these ----------------------------------
_MARKS = [c for c in string.punctuation + "\u2019\u2018\u201c\u201d\u00ab\u00bb\u2022\u00b7\u00b6"]


def test_foreign_characters_are_never_inside_a_match() -> None:
    """Every mark the cut stops at, put anywhere inside a passage the pattern reads, ends the
    match before it: the pattern never consumes it (so no match starts before it)."""
    foreign = [c for c in _MARKS if _FOREIGN_LAST.search(c)]
    assert "/" in foreign and ";" in foreign and "\u2019" in foreign
    assert not any(_FOREIGN_LAST.search(c) for c in "(),.[\\\u00a7-\u2013 \n\u00a0aZ9_")
    rng = random.Random(11)
    matched = [(t, s) for t, s in ROWS[:1200] if _BEFORE.search(t, 0, s) is not None]
    assert len(matched) > 300
    for text, start in matched:
        for mark in foreign:
            at = rng.randint(1, start - 1)
            spoilt = text[:at] + mark + text[at:]
            m = _BEFORE.search(spoilt, 0, start + 1)
            assert m is None or m.start() > at, (mark, spoilt)


def test_ordinals_open_a_body_only_before_their_unit_words() -> None:
    """The ordinal openings are looked for only in a window holding an ordinal unit word or
    "recital": a body opening with an ordinal (or "the" and an ordinal) always holds one."""
    rows = [(t, s) for t, s in ROWS if any(o in t.lower() for o in _ORDINAL_OPENINGS)]
    assert len(rows) > 200
    opened = 0
    for text, start in rows:
        lo = max(0, start - WINDOW)
        for pos in range(lo, start):
            low = text[pos:start].lower()
            if not (low.startswith(_ORDINAL_OPENINGS) or low.startswith("the")):
                continue
            m = _BEFORE.match(text, pos, start)
            if m is not None:
                opened += 1
                assert any(unit in m.group(0).lower() for unit in _ORDINAL_HOLDERS), text
    assert opened > 50


# --- the cheap refusals --------------------------------------------------------------------------
def test_connector_tail_searched_backwards_finds_what_the_forward_search_finds() -> None:
    forward = regex.compile(articles._CONN_TAIL.pattern.removeprefix("(?r)"))
    assert forward.pattern != articles._CONN_TAIL.pattern
    rng = random.Random(3)
    pieces = ["of", "OF", "to", "in", "under", "the", "The", " ", "  ", "\n", ",", "[", "\\", "x"]
    hits = 0
    for _ in range(20000):
        tail = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        text = f"Article 5{tail}Directive 2008/50"
        start = len(text) - len("Directive 2008/50")
        lo = max(0, start - 24)
        want = forward.search(text, lo, start) is not None
        hits += want
        assert (articles._CONN_TAIL.search(text, lo, start) is not None) == want, text
    assert hits > 1000


@pytest.mark.parametrize(
    ("after", "pinpoint"),
    [
        (", Article 3(1)(a)", "art. 3(1)(a)"),
        ("   , Article 3", "art. 3"),  # three spaces before the comma: read
        ("    , Article 3", None),  # four: not
        ("   (art. 17)", "art. 17"),
        ("    (art. 17)", None),
        (" \n (Article 2)", "art. 2"),
        (", and in particular Article 5 thereof", "art. 5"),
        ("   , and in particular Article 5 thereof", "art. 5"),
        ("    , and in particular Article 5 thereof", None),
        (" Article 3", None),
        (" at Article 3", None),
    ],
)
def test_read_after_opening_boundaries(after: str, pinpoint: str | None) -> None:
    text = f"Directive 2008/50/EC{after} applies."
    found = read_after(text, len("Directive 2008/50/EC"))
    assert (None if found is None else str(found.pinpoint)) == pinpoint


def test_after_marks_are_in_every_opening() -> None:
    """The refusal of ``read_after`` (no comma or bracket in the next four characters) never
    refuses a place where an opening matches."""
    thereof = regex.compile(ENGLISH.thereof_opening)
    rng = random.Random(9)
    pieces = [" ", "  ", "\n", "\t", "\u00a0", ",", "(", "at ", "and ", "in particular ", "x"]
    opened = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + "Article 5"
        if articles._AFTER_OPEN.match(text) or thereof.match(text):
            opened += 1
            assert any(mark in text[:4] for mark in articles._AFTER_MARKS), repr(text)
    assert opened > 3000
