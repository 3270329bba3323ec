"""EU-style article pinpoints written next to an act: ``Article 3(1)(a) of``, ``point (d) of
Article 1(1) of``, ``Articles 12 and 19 of``, ``art. 1, par. d, iii and iv of``, ``recital 4 of``,
``Annex II to`` (before the act) and ``, Article 3(1)(a)`` / ``(art. 17)`` (after it).

Shared by the EU act families and the instruments family, so it is written as a pair of small
functions over offsets. Both only look at a bounded window next to the citation (at most
``WINDOW`` characters), so calling them once per citation keeps a scan linear.

Canonical values: ``art. 3(1)(a)``, ``art. 1(1)(d)``, ``art. 8 bis``,
``art. 2-4`` (a range is kept whole: it takes in inserted articles such as 3a),
``art. 5(1)-(3)``, ``recital 4``, ``recital 4; recital 5``, ``recitals 4-6``, ``annex II``,
``annex II, point 3``.
"""

from __future__ import annotations

import functools

import attrs
import regex

from citecheck.lexicon import ENGLISH
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart
from citecheck.patterns import lazy_compile
from citecheck.pinpoints.numbers import NumberItem, descending, number_parts


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Verbose, compiled at first use, as the family patterns (this package must not import
    the families)."""
    return lazy_compile(pattern, regex.VERBOSE)


#: How far before/after a citation a pinpoint may reach.
WINDOW = 300
#: How far past an act or instrument this module reads its pinpoint.
REACH_AFTER = WINDOW

_LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)"
_SUB = r"\(\s?(?:\d{1,3}[a-z]?|[a-z]{1,2}|[ivxlc]{1,6})\s?\)"
_CHAIN = rf"(?:\s?{_SUB}){{0,6}}"
_ARTNO = rf"\d{{1,3}}(?:[a-z](?![a-z]))?(?![\d])(?:[ \u00a0]{_LATIN}\b)?"
_ARTW = r"(?i:articles?|arts?\.|art(?=[ \u00a0]\d))"
_LSEP = (
    r"(?:\s{0,3},\s{0,3}(?:(?:and|or)\s{1,3})?|\s{1,3}(?:and|or|to)\s{1,3}"
    r"|\s{0,3}[-\u2010\u2011\u2013]\s{0,3})"
)
#: "the first subparagraph of": the words that say which subparagraph, indent or sentence
_ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "last",
)  # fmt: skip
#: what an ordinal counts; an ordinal opens a body only before one of these
_ORDINAL_UNITS = ("subparagraph", "indent", "sentence")
_ORD = (
    "(?i:" + "|".join(_ORDINAL_WORDS) + ")"
    r"\s{1,3}(?i:" + "|".join(f"{unit}s?" for unit in _ORDINAL_UNITS) + ")"
)
_BARE = r"(?:[ivx]{1,6}|[a-z])(?=\s{0,3}[,;.)\]]|\s{1,3}(?:and|or|of|to|in)\b|\s*\Z)"
_PAR = (
    rf"(?:\s{{0,3}},?\s{{0,3}}(?i:paragraphs?|paras?\.|pars?\.)|\s{{0,3}}§)\s{{0,3}}"
    rf"(?:\d{{1,3}}|[a-z]{{1,2}})(?!\w){_CHAIN}"
    rf"(?:\s{{0,3}},\s{{0,3}}{_BARE}(?:{_LSEP}{_BARE}){{0,8}})?"
)
_POST = rf"(?:\s{{0,3}},?\s{{0,3}}(?:{_ORD}|(?i:points?)\s{{0,3}}{_SUB}{_CHAIN})){{0,3}}"
_ITEM = rf"{_ARTNO}{_CHAIN}(?:{_PAR})?{_POST}"
_ARTLIST = (
    rf"{_ARTW}\s{{0,3}}{_ITEM}"
    rf"(?:{_LSEP}(?:(?:{_ARTW}\s{{0,3}})?{_ITEM}|{_SUB}{_CHAIN})){{0,20}}"
)
#: "the third recital", "the twenty-first recital", "the 12th recital": an ordinal counting
#: recitals, in words or in digits
_RECITAL_ORDINAL = (
    f"(?:{ENGLISH.ordinal_opening}(?:{ENGLISH.compact_ordinal_pattern})"
    f"|{ENGLISH.digit_ordinal_pattern})"
)
#: Where an ordinal in digits opens a body ("12th recital"): no word of the openings.
_DIGIT_ORDINAL = regex.compile(ENGLISH.digit_ordinal_pattern)
_RECITALS = (
    r"(?:(?i:recitals?)\s{1,3}\d{1,3}(?!\d)"
    rf"(?:{_LSEP}\d{{1,3}}(?!\d)){{0,20}}"
    # "the first recital of", "the third and fifth recitals of", "the second to fourth recitals"
    rf"|(?:(?i:the)\s{{1,3}})?{_RECITAL_ORDINAL}(?:{_LSEP}{_RECITAL_ORDINAL}){{0,20}}"
    r"\s{1,3}(?i:recitals?)(?!\w))"
)
_ANNEXNO = r"(?:[IVXLC]{1,7}|[A-Z]|\d{1,2})(?![\w])"
_ANNEX = rf"(?i:annex(?:es)?)(?:\s{{1,3}}{_ANNEXNO}(?:{_LSEP}{_ANNEXNO}){{0,5}})?(?![\w])"
_PREFIX = (
    rf"(?:(?:(?:(?i:the)\s{{1,3}})?{_ORD}"
    rf"|(?i:points?)\s{{0,3}}(?:{_SUB}{_CHAIN}|\d{{1,3}}(?!\d){_CHAIN})"
    rf"(?:{_LSEP}(?:{_SUB}{_CHAIN}|\d{{1,3}}(?!\d))){{0,10}}"
    rf"|(?i:paragraphs?)\s{{1,3}}\d{{1,3}}(?!\d){_CHAIN}"
    rf")\s{{0,3}},?\s{{0,3}}(?i:of)\s{{1,3}}(?:(?i:the)\s{{1,3}})?){{0,3}}"
)
#: the parts of an act that hold articles: ``Title III``, ``Chapter II``, ``Section 2``
_CONTAINER_WORDS = ENGLISH.unit_pattern("title", "chap", "sect")
_CONTAINER = rf"{_CONTAINER_WORDS}\s{{1,3}}(?:[IVXLC]{{1,7}}|[A-Z]|\d{{1,3}})(?![\w])"
#: "Article 5 of Chapter II of": the article says where; the chapter adds nothing
_OF_CONTAINER = rf"\s{{1,3}}(?i:of|in)\s{{1,3}}(?:(?i:the)\s{{1,3}})?{_CONTAINER}"
#: "Chapter III, Section 2" / "Chapter III of Title 1": one place, nested
_CONTAINERS = rf"{_CONTAINER}(?:\s{{0,3}},\s{{0,3}}{_CONTAINER}|{_OF_CONTAINER}){{0,2}}"
_BODY = rf"{_PREFIX}(?:{_ARTLIST}(?:{_OF_CONTAINER})?|{_RECITALS}|{_ANNEX}|{_CONTAINERS})"
#: A pinpoint body as a pattern other readers embed ("the second subparagraph of Article 8(2)").
BODY = _BODY
#: ``, and in particular <body> thereof``: the pinpoint of the act named just before.
THEREOF = rf"{ENGLISH.thereof_opening}(?P<thereof_body>{_BODY}){ENGLISH.thereof_closing}"

_BEFORE = compile_pattern(
    rf"""(?<![\w.])(?P<body>{_BODY})
    (?:
      # "of [the GDPR]", and in Markdown "of the \\[GDPR\\]"
      (?P<conn>\s{{0,3}},?\s{{1,3}}(?i:of|to|in|under)\s{{1,3}}(?:(?i:the)\s{{1,3}})?
        (?:\\?\[\s{{0,2}})?)
      # "Article 13(1) of, and Annex XI to, Directive 2008/50": two pinpoints of one act
    | \s{{0,3}}(?i:of)\s{{0,3}},\s{{1,3}}(?i:and)\s{{1,3}}(?:(?i:of)\s{{1,3}})?(?P<also>{_BODY})
      \s{{0,3}}(?i:to)\s{{0,3}},\s{{1,3}}(?:(?i:the)\s{{1,3}})?
    )
    \Z"""
)
#: The connector ending a window, searched backwards (``(?r)``) from the citation: whether there
#: is one is all that counts, and the backward search starts where it must end.
_CONN_TAIL = compile_pattern(
    r"(?r)(?i:of|to|in|under)\s{0,3},?\s{1,3}(?:(?i:the)\s{1,3})?(?:\\?\[\s{0,2})?\Z"
)
_AFTER_OPEN = compile_pattern(r"\s{0,3},\s{0,3}(?:(?i:at)\s{1,3})?|\s{0,3}\(\s{0,2}")
#: What every opening after an act (``_AFTER_OPEN``, ``ENGLISH.thereof_opening``) holds within
#: its first four characters: a comma or a bracket after at most three spaces.
_AFTER_MARKS = (",", "(")
_AFTER_BODY_ANY = compile_pattern(rf"(?P<body>{_BODY})(?!\w)")
_AFTER_BODY = compile_pattern(rf"(?P<body>{_BODY})(?!\w)(?!\s{{0,3}}(?i:working|of\b|to\b))")
_CLOSE = compile_pattern(r"\s{0,2}\)")
# "Regulation X, and in particular Articles 42(4) and 43(2) thereof": the act just named.
_THEREOF_OPEN = compile_pattern(ENGLISH.thereof_opening)
_THEREOF_CLOSE = compile_pattern(ENGLISH.thereof_closing)

_TOKEN = compile_pattern(
    rf"""
      (?P<artw>(?i:articles?|arts?\.|art)(?=[\s\d]))
    | (?P<recw>(?i:recitals?)(?!\w))
    | (?P<annw>(?i:annex(?:es)?)(?!\w))
    | (?P<contw>{_CONTAINER_WORDS})
    | (?P<pointw>(?i:points?)(?!\w))
    | (?P<parw>(?i:paragraphs?(?!\w)|paras?\.|pars?\.)|§)
    | (?P<ord>{_ORD})
    | (?P<record>{_RECITAL_ORDINAL})
    | (?P<num>\d{{1,3}}(?:[a-z](?![a-z]))?(?!\d)(?:[ \u00a0]{_LATIN}\b)?)
    | \(\s?(?P<paren>[0-9a-z]{{1,6}})\s?\)
    | (?P<roman>[IVXLC]{{1,7}}(?!\w))
    | (?P<upper>[A-Z](?!\w))
    | (?P<word>[a-z]{{1,6}}(?!\w))
    | (?P<dash>[-\u2010\u2011\u2013])
    | (?P<comma>,)
    | \s+
    """
)
_ROMAN = regex.compile(r"[ivxl]{1,6}")


@attrs.frozen(slots=True)
class ArticlePinpoint:
    """A pinpoint read next to a citation: the parts, its span, and style observations.

    ``styles`` names non-EU-style surface forms a family may report: ``abbreviated``
    (``Art.``/``art.`` for ``Article``), ``spaced`` (``3 (1) (a)``), ``treaty-paragraph``
    (``Article 1, par. d`` instead of ``Article 1(d)``), ``section-sign`` (``§``).
    """

    pinpoint: Pinpoint
    start: int
    end: int
    styles: tuple[str, ...] = ()


_ABBREVIATED = regex.compile(r"(?i)(?<!\w)arts?\.|(?<!\w)art[ \u00a0]\d")
_SPACED = regex.compile(r"[\d)]\s\(")
_PARAGRAPH_WORD = regex.compile(r"(?i)(?<!\w)(?:paragraphs?|paras?\.|pars?\.)[\s\d]")
_ARTICLE_WORD = regex.compile(r"(?i)(?<!\w)(?:art|article)")
_PARAGRAPH_FIRST = regex.compile(r"(?i)\s*paragraphs?\s")


@functools.lru_cache(maxsize=4096)
def _styles(body: str) -> tuple[str, ...]:
    """Non-EU-style surface forms of a pinpoint body (patterns compiled once, at import;
    cached: a document repeats its pinpoints)."""
    found: list[str] = []
    if _ABBREVIATED.search(body):
        found.append("abbreviated")
    if _SPACED.search(body):
        found.append("spaced")
    # "paragraph 2 of Article 1" is EU style; "Article 1, paragraph 2" is treaty style.
    if (
        _PARAGRAPH_WORD.search(body)
        and _ARTICLE_WORD.search(body)
        and not _PARAGRAPH_FIRST.match(body)
    ):
        found.append("treaty-paragraph")
    if "§" in body:
        found.append("section-sign")
    return tuple(found)


class _Builder:
    """Turns the tokens of a matched pinpoint body into canonical parts (one left-to-right pass)."""

    def __init__(self) -> None:
        self.unit = ""
        self.items: list[list[str]] = []  # articles: [number, "(1)", "(a)", ...]
        self.cur: list[str] | None = None
        self.prefixes: list[list[str]] = []
        self.pref_cur: list[str] | None = None
        self.pref_open = False
        self.mode = ""  # "", "prefix", "art", "par", "sub", "point", "recital", "annex"
        self.sep = False  # a list separator (comma, and, or) came last
        self.range = False  # "to" or a dash came last
        self.last_class = ""
        self.last_bare = ""
        self.ranges: set[int] = set()
        self.values: list[str] = []  # recitals / annexes
        # "Article 14, paragraphs 1 and 2": the plural runs to the item after "and"
        self.par_plural = False
        self.par_level = 0  # where the paragraph number sits in ``cur``
        self.list_word = False  # the last separator was "and" / "or"
        self.comma = False  # a comma came since the last value
        # titles, chapters and sections, outermost first; "of" since the last one
        self.places: list[PinpointPart] = []
        self.outer = False
        self.of_since = False
        # a range whose end is below its start ("Articles 8 to 6"): no pinpoint at all
        self.backwards = False

    # --- tokens -------------------------------------------------------------------------
    def feed(self, kind: str, tok: str) -> None:
        if kind == "artw":
            self.unit, self.mode, self.sep, self.range = "art", "art", False, False
            return
        if kind == "recw":
            self.unit, self.mode = "recital", "recital"
            return
        if kind == "annw":
            self.unit, self.mode = "annex", "annex"
            return
        if kind == "contw":
            if self.unit == "art":
                self.mode = "container"  # the chapter of an article named: left out
            else:
                self.unit = "container"
                self.mode = ENGLISH.unit_of(tok) or "sect"
                self.outer = self.of_since
                self.of_since = False
            return
        if kind == "pointw":
            self.mode = "point" if self.cur is not None else "prefix"
            if self.mode == "prefix":
                self.pref_open = True
            self.sep = False
            return
        if kind == "parw":
            if self.cur is None:
                self.mode, self.pref_open = "prefix", True
                self.pref_cur = None
            else:
                self.mode = "par"
                self.par_plural = ENGLISH.is_plural(tok)
            self.sep = False
            return
        if kind == "ord":
            return
        if kind == "record":
            # "the third and fifth recitals": the ordinals come before their unit word
            self.unit, self.mode = "recital", "recital"
            number = ENGLISH.ordinal_number(tok)
            if number is not None:
                self._value("num", str(number))
            return
        if kind == "comma" or (kind == "word" and tok.lower() in ENGLISH.list_words):
            self.sep = True
            self.list_word = kind == "word"
            self.comma = self.comma or kind == "comma"
            return
        if kind == "dash" or (kind == "word" and tok.lower() in ENGLISH.range_words):
            self.range = True
            return
        if kind == "word" and tok.lower() in ("of", "in") and self.unit == "container":
            self.of_since = True
            return
        if kind == "word" and tok.lower() in ("of", "the"):
            if tok.lower() == "of" and self.mode == "prefix":
                self.mode, self.pref_open = "", False
            return
        self._value(kind, tok)

    def _value(self, kind: str, tok: str) -> None:
        mode = self.mode
        if mode == "prefix":
            self._prefix_value(kind, tok)
        elif self.unit == "container" and mode != "container":
            # "Chapter III, Section 2": inner; "Section 2 of Chapter III": outer
            place = PinpointPart(mode, tok)
            self.places.insert(0 if self.outer else len(self.places), place)
        elif mode in ("recital", "annex"):
            if self.range and self.values:
                self.backwards = self.backwards or (
                    mode == "recital" and descending(self.values[-1], tok)
                )
                self.values[-1] = f"{self.values[-1]}-{tok}"
            else:
                self.values.append(tok)
        elif mode == "art" and kind == "num":
            num = " ".join(tok.split())
            if self.range and self.cur is not None and len(self.cur) == 1:
                self.backwards = self.backwards or descending(self.cur[0], num)
                self.cur[0] = f"{self.cur[0]}-{num}"
            else:
                self.cur = [num]
                self.items.append(self.cur)
        elif kind == "paren" and self.cur is not None:
            sub = f"({tok})"
            if self.range and len(self.cur) > 1:
                # "Article 5(1) to (3)": a range of sub-divisions, kept whole
                self.cur[-1] = f"{self.cur[-1]}-{sub}"
            elif self.sep and len(self.cur) > 1:
                self._sibling(sub, self._level_of(tok))
            else:
                self.cur.append(sub)
                self.last_class = self._class(tok)
        elif mode == "sub" and self.sep and kind == "num" and self.cur:
            if self.par_plural or (self.list_word and not self.comma):
                # another paragraph of the same article ("paragraphs 1 and 2", "paragraph 1
                # and 3"); the plural runs to the item after "and"
                self.cur = [*self.cur[: self.par_level], f"({tok})"]
                self.items.append(self.cur)
                self.par_plural = self.par_plural and not self.list_word
            else:
                # "Article 9, paragraph 3, and 14": another article
                self.cur = [" ".join(tok.split())]
                self.items.append(self.cur)
                self.mode, self.par_plural = "art", False
        elif mode == "par" and self.cur is not None and kind in ("num", "word"):
            self.par_level = len(self.cur)
            self.cur.append(f"({tok})")
            self.last_class, self.last_bare = self._class(tok), tok
            self.mode = "sub"
        elif mode == "sub" and self.cur is not None and kind == "word":
            cls = self._class(tok)
            if self.last_class == "letter" and cls == "roman" and not self._next_letter(tok):
                self.cur.append(f"({tok})")
            else:
                self._sibling(f"({tok})")
            self.last_class, self.last_bare = cls, tok
        self.sep = self.range = self.list_word = self.comma = False

    def _prefix_value(self, kind: str, tok: str) -> None:
        if kind not in ("paren", "num", "word"):
            return
        sub = f"({tok})" if kind == "paren" or self.unit == "" else tok
        if self.range and self.pref_cur and not self.sep:
            # "points 1 to 3", "points (a) to (c)": one range, as "Article 5(1) to (3)"
            self.pref_cur[-1] = f"{self.pref_cur[-1]}-{sub}"
        elif self.pref_cur is None or (self.sep and kind != "paren") or kind == "num":
            self.pref_cur = [sub]
            self.prefixes.append(self.pref_cur)
        elif self.sep:
            self.pref_cur = [*self.pref_cur[:-1], sub]
            self.prefixes.append(self.pref_cur)
        else:
            self.pref_cur.append(sub)
        self.sep = self.range = False

    def _sibling(self, sub: str, level: int | None = None) -> None:
        """Another sub-division listed after ``cur``, at ``level`` (default: the last)."""
        assert self.cur is not None
        keep = len(self.cur) - 1 if level is None else level
        self.cur = [*self.cur[:keep], sub]
        self.items.append(self.cur)

    def _level_of(self, tok: str) -> int | None:
        """Where a listed sub-division goes: a number or a letter after deeper levels of
        another kind replaces the deepest level of its own kind ("Article 1(2)(b) to (d) and
        (3)" lists paragraph 3, not point (3) of paragraph 2); otherwise the last level."""
        assert self.cur is not None
        if tok.isdigit():
            wanted = "num"
        elif tok.isalpha() and not _ROMAN.fullmatch(tok):
            wanted = "letter"
        else:
            return None
        kinds: list[str] = []
        for level in self.cur[1:]:
            value = level.lstrip("(").split(")")[0]
            if value.isdigit():
                kinds.append("num")
            elif _ROMAN.fullmatch(value) and (len(value) > 1 or kinds[-1:] == ["letter"]):
                kinds.append("roman")  # nested under a letter, "(i)" is a roman numeral
            else:
                kinds.append("letter")
        for i in range(len(kinds) - 1, -1, -1):
            if kinds[i] == wanted:
                return i + 1
        return None

    def _next_letter(self, tok: str) -> bool:
        prev = self.last_bare
        return len(tok) == 1 and len(prev) == 1 and ord(tok) == ord(prev) + 1

    @staticmethod
    def _class(tok: str) -> str:
        if tok.isdigit():
            return "num"
        if _ROMAN.fullmatch(tok) and len(tok) > 1:
            return "roman"
        if _ROMAN.fullmatch(tok):
            return "roman"  # "i", "v", "x": decided against the previous level by the caller
        return "letter"

    # --- result -------------------------------------------------------------------------
    def parts(self) -> tuple[PinpointPart, ...]:
        if self.backwards:
            return ()
        if self.unit == "art":
            out: list[PinpointPart] = []
            alts = self.prefixes or [[]]
            for item in self.items:
                for alt in alts:
                    subs = [s if s.startswith("(") else f"({s})" for s in alt]
                    out.append(PinpointPart("art", item[0] + "".join(item[1:] + subs)))
            return tuple(out)
        if self.unit == "recital":
            items = (NumberItem(*v.split("-", 1)) for v in self.values)
            return number_parts("recital", tuple(items))
        if self.unit == "annex":
            return self._annex_parts()
        if self.unit == "container" and self.places:
            outer, *inner = self.places
            return (PinpointPart(outer.unit, ", ".join([outer.value, *map(str, inner)])),)
        return ()

    def _annex_parts(self) -> tuple[PinpointPart, ...]:
        """``point (e) of Annex III`` -> ``annex III(e)`` (closed up, as an article's letters);
        a numbered point is named: ``point 3 of Annex II`` -> ``annex II, point 3``."""
        lettered = self.prefixes and all(
            alt and not alt[0].strip("()")[:1].isdigit() for alt in self.prefixes
        )
        if lettered and self.values:
            return tuple(
                PinpointPart("annex", v + "".join(alt))
                for v in self.values
                for alt in self.prefixes
            )
        # one part per point, as "annexe I, points 3 et 4" and "los puntos 1 a 3 del anexo I"
        # the point's own number unbracketed, its letters closed up: "point 3(a)"
        points = [
            alt[0].removeprefix("(").removesuffix(")").replace(")-(", "-") + "".join(alt[1:])
            for alt in self.prefixes
        ]
        # one point: "point 1(a)-(c)"; a range of points: "points 1-3" (as "art." and "arts.")
        tails = [
            f"{'points' if '-' in alt[0] else 'point'} {p}"
            for alt, p in zip(self.prefixes, points, strict=True)
        ] or [""]
        return tuple(
            PinpointPart("annex", ", ".join(x for x in (v, tail) if x))
            for v in self.values or [""]
            for tail in tails
        )


@functools.lru_cache(maxsize=4096)
def parse_body(body: str) -> Pinpoint:
    """Canonical pinpoint of a matched body such as ``point (d) of Article 1(1)``. Cached (a
    document repeats its pinpoints; the result is immutable). The tokens are read by one
    ``finditer``: no token is empty, so it skips exactly the characters no token starts at."""
    builder = _Builder()
    feed = builder.feed
    for m in _TOKEN.finditer(body):
        kind = m.lastgroup
        if kind is not None:
            feed(kind, m.group(kind))
    parts = builder.parts()
    return Pinpoint(parts) if parts else NO_PINPOINT


#: One of these (lower case) is in every pinpoint body.
_BEFORE_WORDS = ("art", "recital", "annex", "title", "chap", "sect")
#: The one word opening a body only before an ordinal ("the first subparagraph of").
_THE = "the"
#: The words an ordinal opens with: the subdivision ordinals and those counting recitals
#: ("twenty-first" opens with "twenty").
_ORDINAL_OPENINGS = tuple(
    sorted(
        {
            *_ORDINAL_WORDS,
            *(w.lower() for w in ENGLISH.numbered_ordinals),
            *(w.lower() for w in ENGLISH.tens),
            *(w.lower() for w in ENGLISH.tens_ordinals),
        }
    )
)
#: The words an ordinal opening a body goes on with ("first subparagraph", "third recital").
_ORDINAL_HOLDERS = (*_ORDINAL_UNITS, "recital")
_OPENING_WORDS = {
    _THE,
    *_ORDINAL_OPENINGS,
    "point",
    "paragraph",
    "art",
    "recital",
    "annex",
    *(word.lower() for word in ENGLISH.words("title", "chap", "sect")),
}
#: Every pinpoint body opens with one of these (lower case): a prefix ("the first
#: subparagraph of", "point (d) of", "paragraph 2 of") or its unit word ("chapters" is
#: found as "chapter").
_BODY_OPENINGS = tuple(
    sorted(w for w in _OPENING_WORDS if not any(w != o and w.startswith(o) for o in _OPENING_WORDS))
)
#: The openings looked for in a window: "the" (the most frequent word) is found from the
#: ordinal after it instead.
_SEARCHED_OPENINGS = tuple(w for w in _BODY_OPENINGS if w != _THE)
#: The openings but the ordinals, which are looked for only in a window holding an
#: ``_ORDINAL_HOLDERS`` word (a body opening with an ordinal goes on with one: "first
#: subparagraph", "third recital").
_WORD_OPENINGS = tuple(w for w in _SEARCHED_OPENINGS if w not in _ORDINAL_OPENINGS)
#: A character no part of ``_BEFORE`` consumes (it takes letters, digits, spaces, brackets,
#: commas, full stops, dashes, ``§``, ``\[``; any ``\w`` is let through here). A match ends at
#: the citation, so it starts after the window's last such character ("2016/679", "’", ";").
_FOREIGN_LAST = regex.compile(r"(?r)[^\w\s(),.\[\\§\-\u2010\u2011\u2013]")


def read_before(text: str, start: int, floor: int = 0) -> ArticlePinpoint | None:
    """The pinpoint written just before a citation starting at ``start``, with its connector
    (``Article 3(1) of``, ``Annex II to``, ``... of [``), starting at ``floor`` or after; None
    if there is none."""
    lo = max(floor, start - WINDOW)
    # Cheap refusals first: almost no act is preceded by "... of [the]" and an article word;
    # trying _BEFORE at each of WINDOW positions is the costly part.
    if _CONN_TAIL.search(text, max(lo, start - 24), start) is None:
        return None
    foreign = _FOREIGN_LAST.search(text, lo, start)
    if foreign is not None:
        lo = foreign.end()  # a match reaches ``start``: it cannot hold this character
    window = text[lo:start].lower()
    if not any(word in window for word in _BEFORE_WORDS):
        return None
    m = _body_before(text, lo, start, window)
    if m is None:
        return None
    body = m.group("body")
    pin = parse_body(body)
    if m.group("also") is not None:
        also = parse_body(m.group("also"))
        pin = Pinpoint(pin.parts + also.parts) if pin and also else NO_PINPOINT
        body = f"{body} {m.group('also')}"
    if not pin:
        return None
    return ArticlePinpoint(pin, m.start(), start, _styles(body))


def _body_before(text: str, lo: int, start: int, window: str) -> regex.Match[str] | None:
    """``_BEFORE.search(text, lo, start)``, tried only where a body can open: the window's
    ``_BODY_OPENINGS`` ("the" only before an ordinal), leftmost first (the search's answer is
    its leftmost match). Why: the search tries the whole grammar at each of ``WINDOW``
    positions; a window holds a handful of these words. ``window`` is
    ``text[lo:start].lower()``; a window where lower-casing moved offsets, or holding "ſ"
    (which ``(?i:s)`` matches), is searched as before."""
    if len(window) != start - lo or "\u017f" in window:
        return _BEFORE.search(text, lo, start)
    opens: set[int] = set()
    find = window.find
    ordinals = any(unit in window for unit in _ORDINAL_HOLDERS)
    for word in _SEARCHED_OPENINGS if ordinals else _WORD_OPENINGS:
        pos = find(word)
        while pos != -1:
            opens.add(pos)
            pos = find(word, pos + 1)
    digit_ordinals: set[int] = set()
    if ordinals:
        digit_ordinals = {m.start() for m in _DIGIT_ORDINAL.finditer(window)}
        opens |= digit_ordinals
    for pos in [
        pos
        for pos in opens
        if ordinals and (pos in digit_ordinals or window.startswith(_ORDINAL_OPENINGS, pos))
    ]:
        # "the" and one to three spaces before an ordinal
        gap = pos
        while gap > 0 and pos - gap < 3 and window[gap - 1].isspace():
            gap -= 1
        if gap < pos and window.endswith(_THE, 0, gap):
            opens.add(gap - len(_THE))
    match = _BEFORE.match
    for pos in sorted(opens):
        m = match(text, lo + pos, start)
        if m is not None:
            return m
    return None


def read_after(text: str, end: int) -> ArticlePinpoint | None:
    """The pinpoint written just after a citation ending at ``end``: ``, Article 3(1)(a)``,
    ``, recital 4``, `` (art. 17)``; None if there is none."""
    head = text[end : end + 4]
    if _AFTER_MARKS[0] not in head and _AFTER_MARKS[1] not in head:
        return None  # the cheap refusal: no opening here
    hi = min(len(text), end + WINDOW)
    thereof = _read_thereof(text, end, hi)
    if thereof is not None:
        return thereof
    opened = _AFTER_OPEN.match(text, end, hi)
    if opened is None:
        return None
    m = _AFTER_BODY.match(text, opened.end(), hi)
    if m is None:
        return None
    stop = m.end()
    if "(" in opened.group(0):
        close = _CLOSE.match(text, stop, hi)
        if close is None:
            return None
        stop = close.end()
    pin = parse_body(m.group("body"))
    if not pin:
        return None
    return ArticlePinpoint(pin, end, stop, _styles(m.group("body")))


def _read_thereof(text: str, end: int, hi: int) -> ArticlePinpoint | None:
    """``, and in particular Article 5 thereof`` after the act ending at ``end``."""
    opened = _THEREOF_OPEN.match(text, end, hi)
    if opened is None:
        return None
    m = _AFTER_BODY_ANY.match(text, opened.end(), hi)
    if m is None:
        return None
    close = _THEREOF_CLOSE.match(text, m.end(), hi)
    if close is None:
        return None
    pin = parse_body(m.group("body"))
    if not pin:
        return None
    return ArticlePinpoint(pin, end, close.end(), _styles(m.group("body")))


def article_pinpoint_before(text: str, start: int) -> tuple[Pinpoint, int]:
    """``(pinpoint, new_start)`` for a pinpoint written before the citation at ``start``;
    ``(NO_PINPOINT, start)`` if none."""
    found = read_before(text, start)
    if found is None:
        return NO_PINPOINT, start
    return found.pinpoint, found.start


def article_pinpoint_after(text: str, end: int) -> tuple[Pinpoint, int]:
    """``(pinpoint, new_end)`` for a pinpoint written after the citation ending at ``end``;
    ``(NO_PINPOINT, end)`` if none."""
    found = read_after(text, end)
    if found is None:
        return NO_PINPOINT, end
    return found.pinpoint, found.end


__all__ = [
    "BODY",
    "THEREOF",
    "ArticlePinpoint",
    "article_pinpoint_after",
    "article_pinpoint_before",
    "parse_body",
    "read_after",
    "read_before",
]
