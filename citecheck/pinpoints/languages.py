"""Article pinpoints written in French, Spanish and German next to an EU act, in canonical
form: ``article 6, paragraphe 1, sous b), du``, ``la letra b) del apartado 1 del artículo 6
del``, ``Artikel 6 Absatz 1 Buchstabe b der`` -> ``art. 6(1)(b)``; ``Anhang I der`` ->
``annex I``; ``, et notamment son article 7, paragraphe 5`` after the act.

Built from the lexicon tables (unit, list, "of", determiner and emphasis words), so a language
is a table, not code. Like :mod:`citecheck.pinpoints.articles`, each reader looks at a bounded
window next to one citation, so a scan stays linear.
"""

from __future__ import annotations

import functools

import attrs
import regex

from citecheck.lexicon import alternation, load
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart
from citecheck.pinpoints.articles import WINDOW, ArticlePinpoint

_NUM = r"\d{1,3}(?:er(?!\w)|[a-z](?![\w]))?(?!\d)(?:[ \u00a0](?:bis|ter|quater)(?!\w))?"
#: ``27 bis`` is ``27a`` in the English text of the same act.
_LATIN_LETTER = {"bis": "a", "ter": "b", "quater": "c"}
_LETTER = r"\(?[a-z]{1,2}\)(?!\w)|[a-z](?![\w])"
_ROMAN = r"[IVXLC]{1,7}(?![\w])|[A-Z](?![\w])"


@attrs.frozen(slots=True)
class _Grammar:
    """The compiled patterns of one language."""

    token: regex.Pattern[str]
    #: a pinpoint body as a pattern (``article 6, paragraphe 1, sous b)``)
    body: str
    before: regex.Pattern[str]
    conn_tail: regex.Pattern[str]
    after: regex.Pattern[str]


@functools.cache
def _grammar(language: str) -> _Grammar:
    lex = load(language)
    units = {
        "artw": alternation(lex.words("art")),
        "parw": alternation(lex.words("para")),
        "letw": alternation(lex.letter_words),
        "annw": alternation(lex.words("annex")),
        "recw": alternation(lex.words("recital")),
    }
    joiner = alternation((*lex.list_words, *lex.part_of_words, *lex.determiners))
    token = (
        "(?:"
        + "|".join(f"(?P<{name}>{pattern})" for name, pattern in units.items())
        + rf"|(?P<num>{_NUM})|(?P<let>{_LETTER})|(?P<roman>{_ROMAN})"
        + rf"|(?P<join>{joiner})|(?P<comma>,))"
    )
    unit = "(?:" + "|".join(units.values()) + ")"
    # bounded: a reader tries it at many places, so a long chain must not make a scan quadratic
    body = rf"{unit}(?:[\s\u00a0]{{0,3}}{token}){{0,60}}+"
    conn = (
        rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{1,3}}{alternation(lex.of_words)}"
        rf"(?:[\s\u00a0]{{1,3}}{alternation(lex.determiners)})?[\s\u00a0]{{0,3}}"
    )
    emphasis = alternation(lex.emphasis_words)
    return _Grammar(
        token=regex.compile(token),
        body=body,
        before=regex.compile(rf"(?<!\w)(?P<body>{body})\Z"),
        conn_tail=regex.compile(rf"{conn}\Z"),
        after=regex.compile(
            rf"[\s\u00a0]{{0,3}}(?:\(\d{{1,3}}\))?[\s\u00a0]{{0,3}},[\s\u00a0]{{0,3}}"
            rf"(?:{alternation(lex.list_words)}[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}})?"
            rf"{emphasis}[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}"
            rf"(?:{alternation(lex.determiners)}[\s\u00a0]{{1,3}})?(?P<body>{body})"
        ),
    )


def parse(language: str, body: str) -> Pinpoint:
    """Canonical pinpoint of a body such as ``apartado 6 del artículo 12``."""
    g = _grammar(language)
    parts: list[PinpointPart] = []
    unit = ""
    art: str | None = None
    subs: list[tuple[str, str]] = []  # (unit, value) of the current article
    pending: list[tuple[str, str]] = []  # subdivisions written before their article (es)
    listed = False  # a list word or comma since the last value

    def flush() -> None:
        if art is not None:
            parts.append(PinpointPart("art", art + "".join(f"({v})" for _, v in subs)))

    for m in g.token.finditer(body):
        kind = m.lastgroup
        value = _canonical_number(m.group().strip("()"))
        if kind in ("artw", "parw", "letw", "annw", "recw"):
            unit = kind
            if kind == "annw":
                flush()
                art, subs = None, []
                parts.append(PinpointPart("annex", ""))
        elif kind in ("join", "comma"):
            word = m.group().lower()
            if kind == "comma" or word in (w.lower() for w in load(language).list_words):
                listed = True
        elif unit == "artw" and kind == "num":
            flush()
            art, subs = value, [sub for sub in reversed(pending)]
            pending = []
        elif unit in ("parw", "letw") and kind in ("num", "let"):
            sub_unit = "para" if unit == "parw" else "letter"
            if art is None or (pending and not subs):
                pending.append((sub_unit, value))
            elif listed and any(u == sub_unit for u, _ in subs):
                flush()
                last = max(i for i, (u, _) in enumerate(subs) if u == sub_unit)
                subs = [*subs[:last], (sub_unit, value)]
            else:
                subs.append((sub_unit, value))
        elif unit == "annw" and kind in ("roman", "num") and parts and parts[-1].unit == "annex":
            if parts[-1].value:
                parts.append(PinpointPart("annex", value))
            else:
                parts[-1] = PinpointPart("annex", value)
        elif unit == "recw" and kind == "num":
            parts.append(PinpointPart("recital", value))
        else:
            continue
        if kind not in ("join", "comma"):
            listed = False if kind in ("num", "let", "roman") else listed
    flush()
    return Pinpoint(tuple(parts)) if parts else NO_PINPOINT


def body_pattern(language: str) -> str:
    """A pinpoint body in ``language`` as a pattern other readers embed (``Artikel 6 Absatz
    1``); :func:`parse` turns what it matched into a pinpoint."""
    return _grammar(language).body


def _canonical_number(written: str) -> str:
    """``1er`` -> ``1``, ``3 bis`` -> ``3a``."""
    number = str(regex.sub(r"(?<=\d)er$", "", written))
    parts = number.split()
    if len(parts) == 2 and parts[1] in _LATIN_LETTER:
        return parts[0] + _LATIN_LETTER[parts[1]]
    return number


def read_before(language: str, text: str, start: int) -> ArticlePinpoint | None:
    """The pinpoint written just before the act at ``start`` with its connector (``de l'``,
    ``del``, ``der``), in ``language``; None if there is none."""
    g = _grammar(language)
    conn = g.conn_tail.search(text, max(0, start - 24), start)
    if conn is None:
        return None
    m = g.before.search(text, max(0, start - WINDOW), conn.start())
    if m is None:
        return None
    pin = parse(language, m.group("body"))
    if not pin:
        return None
    return ArticlePinpoint(pin, m.start(), start)


def read_after(language: str, text: str, end: int) -> ArticlePinpoint | None:
    """``, et notamment son article 7`` / ``, insbesondere auf Artikel 7`` after the act
    ending at ``end``; None if there is none."""
    m = _grammar(language).after.match(text, end, min(len(text), end + WINDOW))
    if m is None:
        return None
    # A body ends on a value, not on a trailing "et"/"de la" that opens the next phrase.
    body = _value_end(m.group("body"))
    pin = parse(language, body)
    if not pin:
        return None
    return ArticlePinpoint(pin, end, m.start("body") + len(body))


def _value_end(body: str) -> str:
    """``body`` up to its last number, letter or bracket (drops trailing joiners)."""
    m = regex.search(r"^.*(?:\d|\)|[IVXLC]\b|\b[a-z]\b)", body, regex.DOTALL)
    return m.group() if m else body
