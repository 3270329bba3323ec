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

from citecheck.lexicon import CHARACTERS, Lexicon, alternation, load, trie_alternation
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart
from citecheck.patterns import lazy_compile
from citecheck.pinpoints.articles import WINDOW, ArticlePinpoint
from citecheck.pinpoints.numbers import descending

#: ``27 bis`` is ``27a`` in the English text of the same act, ``20 quinquies`` is ``20d``.
_LATIN_LETTER = {
    "bis": "a",
    "ter": "b",
    "quater": "c",
    "quinquies": "d",
    "sexies": "e",
    "septies": "f",
    "octies": "g",
    "nonies": "h",
    "decies": "i",
}
#: A Latin suffix of an inserted article, annex or point (``27 bis``, ``annexe I bis``, ``a bis)``).
_LATIN = "(?:" + "|".join(_LATIN_LETTER) + r")(?!\w)"
#: A lower-case roman numeral written as a point: ``point b), ii)`` is point (b)(ii).
_SMALL_ROMAN = regex.compile(r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})")
#: The footnote call after an act, ``(2)``, in older texts ``( 2 )``.
_FOOTNOTE_CALL = r"\([\s\u00a0]?\d{1,3}[\s\u00a0]?\)"
#: ``e)``, ``(e)``, ``e``, ``iii)``; not the ``l`` of ``l'article``.
#: (JRC-Acquis texts space their brackets: ``point a ) ,``, ``Buchstabe ( a )``)
_BRACKETED = (
    r"(?:\([ \u00a0]?)?(?:[a-z][ \u00a0]" + _LATIN + r"|[a-z]{1,2}|[ivx]{3,4})[ \u00a0]?\)(?!\w)"
)
_LETTER = _BRACKETED + r"|[a-z](?![\w'\u2019])"
_ROMAN = r"[IVXLC]{1,7}(?![\w])|[A-Z](?![\w])"
#: White space between the words of a pinpoint and its connector: a few spaces, or a line
#: break with the next line's indentation (plain text of laws wraps "des Artikels\n    3").
_GAP0 = r"(?:[ \t\u00a0]{0,3}\r?\n[ \t\u00a0]{0,12}+|[\s\u00a0]{0,3})"
_GAP1 = r"(?:[ \t\u00a0]{0,3}\r?\n[ \t\u00a0]{0,12}+|[\s\u00a0]{1,3})"


def _number(range_words: tuple[str, ...]) -> str:
    """An article or paragraph number: ``6``, ``1er``, ``6a``, ``27 bis``. A Latin suffix that
    is also the language's range word (German ``bis``: ``Absatz 1 bis 4``) is the range word."""
    latin = [w for w in _LATIN_LETTER if w not in {r.lower() for r in range_words}]
    suffix = rf"(?:[ \u00a0](?:{'|'.join(latin)})(?!\w))?" if latin else ""
    # "point 7)": a numbered point closed by its bracket; "point 2.1": a point of point 2
    return (
        r"(?:\d{1,3}\)(?!\w)|\d{1,3}(?:\.\d{1,3}){1,3}(?![\d.])"
        r"|\d{1,3}(?:er(?!\w)|[a-z](?![\w]))?(?!\d)" + suffix + ")"
    )


def _roman(range_words: tuple[str, ...]) -> str:
    """An annex or title number: ``II``, ``A``, ``I bis`` (an inserted annex), unless the Latin
    word is the language's range word (German ``Anhang I bis III``)."""
    ranges = {r.lower() for r in range_words}
    latin = [w for w in _LATIN_LETTER if w not in ranges]
    if not latin:
        return _ROMAN
    return rf"[IVXLC]{{1,7}}(?![\w])(?:[ \u00a0](?:{'|'.join(latin)})(?!\w))?|[A-Z](?![\w])"


def _letter(list_words: tuple[str, ...]) -> str:
    """A letter; a bare one-letter list word (Spanish ``y``, ``e``, ``o``) is the list word
    (``letras a) y b)``), written with its bracket it is a letter (``letra e)``)."""
    single = "".join(sorted({w.lower() for w in list_words if len(w) == 1 and w.isalpha()}))
    if not single:
        return _LETTER
    return _BRACKETED + rf"|(?![{single}](?![\w)]))[a-z](?![\w'\u2019])"


@attrs.frozen(slots=True)
class _Grammar:
    """The compiled patterns of one language."""

    token: regex.Pattern[str]
    #: a pinpoint body as a pattern (``article 6, paragraphe 1, sous b)``)
    body: str
    before: regex.Pattern[str]
    conn_tail: regex.Pattern[str]
    after: regex.Pattern[str]
    #: a pinpoint written after the act with a comma only (``Reglamento X, letra e) del
    #: apartado 1 del artículo 6``)
    after_comma: regex.Pattern[str]
    #: what makes a body the pinpoint of something named after it (``..., artículo 6 del Tratado``)
    of_next: regex.Pattern[str]
    #: an acronym right after a body, with "of" words before it or none (``DSGVO``, ``du
    #: RGPD``): the act's own when it is one of the act's short names
    own_name_next: regex.Pattern[str]
    #: an abbreviation or a name right after a body (``Art. 267 AEUV``, ``Art. 3 GG``,
    #: ``Art. 3 Grundgesetz``): the article is that source's; a unit word is not one
    named_next: regex.Pattern[str]
    list_words: frozenset[str]
    of_words: frozenset[str]
    #: unit words that name several (``points``, ``letras``, ``Buchstaben``)
    plurals: frozenset[str]
    #: a body ending just before a back-reference (``artículo 5`` + `` de dicho Reglamento``)
    body_then_space: regex.Pattern[str]
    #: a pinpoint of the act just named after its verb: ``prévoit, à son article 6,``,
    #: ``dispone en el apartado 2 de su artículo 6``
    in_own: regex.Pattern[str] | None
    #: a possessive before a unit word (``son article``, ``su artículo``)
    own_unit: regex.Pattern[str] | None
    #: ``prévoit``, ``establece``: after one of these the article is the act's own, possessive
    #: or not (``le règlement X prévoit, à l'article 15, que``)
    provision_verbs: frozenset[str]
    #: ``qui``, ``que``: a word opening a relative clause (``qui abroge la directive X``)
    relative_words: frozenset[str]
    #: ``à``, ``par``, ``con``: a word whose object an act right after it is
    prepositions: frozenset[str]
    #: the words a noun phrase opens with (``le``, ``cette``): the act's own, before it
    noun_openers: frozenset[str]
    list_word_set: frozenset[str]


def _units(lex: Lexicon) -> dict[str, str]:
    """The unit words of a language as patterns, by token name."""
    return {
        "artw": alternation(lex.words("art")),
        "parw": alternation(lex.words("para")),
        # before the letter words: "sous-point ii)" is not "sous" + "-point"
        **({"subw": alternation(lex.subpoint_words)} if lex.subpoint_words else {}),
        "letw": alternation(lex.letter_words),
        "annw": alternation(lex.words("annex")),
        "recw": alternation(lex.words("recital")),
        # the act's titles, chapters and sections: ``titre III du``, ``Kapitel II der``
        "titw": alternation(lex.words("title")),
        "chapw": alternation(lex.words("chap")),
        "sectw": alternation(lex.words("sect")),
        # unnumbered subdivisions ("premier alinéa", "Satz 2") are left out of pinpoints
        "skipw": alternation((*lex.ordinals, *lex.words("subparagraph", "indent", "sentence"))),
        # the parts of an annex ("annexe II, partie A"): read, left out of the pinpoint
        **({"partw": alternation(lex.part_words)} if lex.part_words else {}),
    }


#: The unit words that are read but never open a pinpoint body.
_NOT_HEADS = ("skipw", "partw")


@functools.cache
def _head(language: str) -> regex.Pattern[str]:
    """What every pinpoint body of ``language`` opens with: a unit word, or the first letters
    of an ordinal (``le cinquième considérant``). Cheap to build, unlike :func:`_grammar`."""
    lex = load(language)
    heads = "|".join(v for k, v in _units(lex).items() if k not in _NOT_HEADS)
    opening = lex.ordinal_opening if lex.numbered_ordinals else ""
    return regex.compile(f"{opening}|{heads}" if opening else heads)


def may_open_body(language: str, text: str, pos: int) -> bool:
    """Could a pinpoint body of ``language`` start at ``pos``? False settles it without
    building that language's grammar (an English "Article 5" is no Spanish body)."""
    return _head(language).match(text, pos) is not None


@functools.cache
def _joined_compound_start(language: str) -> regex.Pattern[str] | None:
    """The first part of a one-word compound ordinal (``einund``zwanzigste, ``hundert``ste),
    in a language that joins them; None in one that does not."""
    lex = load(language)
    starts = (*lex.joined_units, *lex.hundreds)
    if not starts:
        return None
    return regex.compile("(?i:" + "|".join(regex.escape(w) for w in starts) + ")")


#: How far a grammar's look-behinds reach before the place it is tried at (an article's word
#: and four listed ordinals), well below this.
_LOOK_BEHIND = 300


def _grammar_for(language: str, text: str, start: int, end: int) -> _Grammar:
    """The grammar for reading ``text[start:end]``: without the one-word compound ordinals
    where no compound starts there (nor as far before as a look-behind reaches), which gives
    the same readings; the compounds make the patterns' search much slower (German)."""
    starts = _joined_compound_start(language)
    if starts is None or starts.search(text, max(0, start - _LOOK_BEHIND), end) is not None:
        return _grammar(language)
    return _grammar(language, compounds=False)


@functools.cache
def _grammar(language: str, compounds: bool = True) -> _Grammar:
    """``compounds``: with the one-word compound ordinals (see :func:`_grammar_for`)."""
    lex = load(language)
    if not compounds:
        lex = attrs.evolve(lex, joined_units={}, hundreds=(), hundredths=())
    units = _units(lex)
    # roman points of a lettered point written without a bracket ("Buchstabe a Ziffer ii")
    small_roman = roman_after_range = ""
    if lex.subpoint_words:
        small_roman = r"|(?P<lroman>[ivx]{2,5}(?![\w]))"
        roman_after_range = r"|[ivx]{2,5}(?![\w])"
    joiner = alternation((*lex.list_words, *lex.part_of_words, *lex.determiners, *lex.filler_words))
    if lex.conjunction_words and lex.possessives:
        # "son article 43, en liaison avec son article 4": the act's own article too
        joiner += (
            rf"|{alternation(lex.conjunction_words)}"
            rf"(?=[\s\u00a0]{{1,3}}{alternation(lex.possessives)}[\s\u00a0])"
        )
    if lex.at_words:
        # "à", "en", "dans" are prepositions: they join what follows a list word ("et aux
        # annexes II et III", "ainsi qu'à l'annexe II", "y en el artículo 7") or a unit word
        # ("l'article 5, au paragraphe 2,", "en son point 3", "dans l'annexe II"); "article 5
        # en 2" is no list
        at = alternation(lex.at_words)
        any_unit = "|".join(f"(?:{u})" for u in units.values())
        joiner += (
            rf"|(?<=(?<!\w){alternation(lex.list_words)}[\s\u00a0]{{0,3}}){at}"
            rf"|{at}(?=[\s\u00a0]{{1,3}}(?:{alternation(lex.determiners)}"
            rf"(?:(?<=['\u2019])|[\s\u00a0]{{1,3}}))?(?:{any_unit}))"
        )
    dash = "[" + regex.escape(CHARACTERS.range_dashes) + "]"
    # "articles premier à troisième", "considerandos primero a tercero": an ordinal too
    ordinal_after_range = (
        f"|(?:{lex.compact_ordinal_pattern})(?!\\w)" if lex.numbered_ordinals else ""
    )
    # a range word only before a number or a letter ("Absatz 1 bis 4", "Buchstaben a bis c"):
    # Spanish "a" is also a letter and a preposition
    span = (
        rf"(?:{alternation(lex.range_words)}|{dash})"
        # "annexes I à III": an annex number too
        rf"(?=[\s\u00a0]{{0,3}}(?:\d|\(?[a-z]\)|[a-z](?![\w'\u2019]){roman_after_range}"
        rf"|[IVXLC]{{1,7}}(?![\w'\u2019]){ordinal_after_range}))"
    )
    # a number starting a line is the number of a unit word ending the line before ("des
    # Artikels\n    3"); after anything else it starts a new numbered item ("article 3\n    7) Les")
    # (a digit first: every number opens with one, and the look-behinds cost more than it)
    unit_then_line = (
        r"(?=\d)(?:(?<![\r\n][ \t\u00a0]{0,12})"
        rf"|(?<=(?:{'|'.join(units.values())})[\s\u00a0]{{0,16}}))"
    )
    # a paragraph or point number in brackets right after its word, as JRC-Acquis texts write
    # it ("Artikel 75 Absatz ( 1 )"); after an article it may be a footnote call
    sub_word = "|".join(units[k] for k in ("parw", "letw"))
    bracketed_number = (
        rf"(?=\()(?<=(?<!\w)(?:{sub_word})[\s\u00a0]{{1,3}})"
        r"\([ \u00a0]?\d{1,3}[a-z]?[ \u00a0]?\)(?!\w)"
    )
    # a number written as an ordinal word after its unit word: "l'article premier", "el
    # artículo primero", "los considerandos quinto y sexto"; or before the recital word: "le
    # cinquième considérant", "les cinquième et sixième considérants"
    ordinal_values = recital_ordinal = ""
    if lex.numbered_ordinals:
        ordinal = f"(?:{lex.ordinal_opening}{lex.compact_ordinal_pattern})"
        # before look-behinds that an ordinal follows, its first letters only: the same
        # matches, and one copy less of the ordinal to compile each
        opening = lex.ordinal_opening
        # not the last part of a compound ("vingt-cinquième", "vigésimo quinto", "cent
        # cinquième"): a compound the tables do not hold gives no number, never a wrong one
        openers = (
            *lex.ordinals,
            *lex.numbered_ordinals,
            *lex.ordinal_variants,
            *lex.tens,
            *lex.teen_tens,
            *lex.joined_tens,
        )
        # (hyphens of every kind; "soixante et onzième": a tens word and "et" before it)
        # (an ordinal's first letters looked for first: most words have none, and the
        # look-behinds at every word of a window cost more than that test)
        no_compound = (
            rf"(?<![\w\-\u2010-\u2015]){opening}"
            rf"(?<!(?<!\w)(?:{trie_alternation((*openers, *lex.compound_openers))})"
            r"[\s\u00a0\-\u2010-\u2015]{1,2})"
            + (
                rf"(?<!(?<!\w)(?:{alternation(lex.tens)})[\s\u00a0]{{1,2}}"
                rf"(?:{alternation(lex.list_words)})[\s\u00a0]{{1,2}})"
                if lex.tens and lex.list_words
                else ""
            )
        )
        # an ordinal before a subdivision word is the subdivision's ("article premier,
        # deuxième alinéa"), not one more article
        subdivision_words = (
            *lex.words("para", "subparagraph", "indent", "sentence"),
            *lex.letter_words,
        )
        subdivision = alternation(subdivision_words)
        # a list or a range of ordinals ("premier et deuxième", "premier à troisième")
        listed_or_range = alternation((*lex.list_words, *lex.range_words))
        sep = rf"[\s\u00a0]{{0,3}}(?:,|{listed_or_range})[\s\u00a0]{{1,3}}"
        subdivision_word = rf"[\s\u00a0]{{1,3}}(?:{subdivision})(?!\w)"
        not_of_subdivision = rf"(?!{subdivision_word})"
        # a singular subdivision word takes the one ordinal right before it ("articles premier
        # et deuxième, deuxième alinéa": article 2), a plural one the list before it ("article
        # premier, deuxième et troisième alinéas")
        plurals = [w for w in subdivision_words if w.lower() in lex.plurals]
        of_subdivision = subdivision_word + (
            rf"|(?:{sep}{ordinal})+[\s\u00a0]{{1,3}}{alternation(plurals)}" if plurals else ""
        )
        recital_ordinal = (
            rf"{no_compound}{ordinal}(?=(?:[\s\u00a0]{{0,3}}(?:,|{listed_or_range})"
            rf"[\s\u00a0]{{0,3}}{ordinal})*[\s\u00a0]{{1,3}}{units['recw']})"
        )
        after_unit = rf"(?<!\w)(?:{units['artw']}|{units['recw']})[\s\u00a0]{{1,3}}"
        ordinal_values = (
            # the first right after its unit word ("l'article premier, premier alinéa")
            # (an ordinal's first letters looked for before the look-behinds, as in
            # ``no_compound``)
            rf"(?P<ordnum>(?<!\w){opening}(?<={after_unit}){ordinal}(?!\w){not_of_subdivision}"
            # a listed one, unless it opens a list of the subdivision's ("l'article premier,
            # deuxième et troisième alinéas")
            rf"|(?<!\w){opening}(?<={after_unit}(?:{ordinal}{sep}){{1,4}})"
            rf"{ordinal}(?!\w)(?!{of_subdivision}))"
            rf"|(?P<record>{recital_ordinal})|"
        )
    token = (
        "(?:"
        + ordinal_values
        + "|".join(f"(?P<{name}>{pattern})" for name, pattern in units.items())
        + rf"|(?P<num>{unit_then_line}{_number(lex.range_words)}|{bracketed_number})"
        + rf"|(?P<range>{span})"
        + rf"|(?P<let>{_letter(lex.list_words)}){small_roman}|(?P<roman>{_roman(lex.range_words)})"
        + rf"|(?P<join>{joiner})|(?P<comma>,))"
    )
    unit = "(?:" + "|".join(v for k, v in units.items() if k not in _NOT_HEADS) + ")"
    # bounded: a reader tries it at many places, so a long chain must not make a scan quadratic
    head = f"(?:{recital_ordinal}|{unit})" if recital_ordinal else unit
    body = rf"{head}(?:{_GAP0}{token}){{0,60}}+"
    conn = (
        rf"[\s\u00a0]{{0,3}},?{_GAP1}{alternation(lex.of_words)}"
        rf"(?:{_GAP1}{alternation(lex.determiners)})?{_GAP0}"
        # an ordinal of the act's title: "de la première directive", "de la Primera Directiva"
        rf"(?:{alternation(lex.ordinals)}{_GAP1})?"
    )
    if lex.pinpoint_then_act:
        # "Art. 6 Abs. 1 lit. a Verordnung (EU) 2016/679": the act right after a value (a
        # number, a point's letter, "a)"), on the same line; not after a word ("Artikel 28,
        # Die Verordnung")
        conn = rf"(?:{conn}|(?:(?<=\d|\))|(?<=(?<!\w)\p{{Ll}}))[ \u00a0]{{1,3}})"
    emphasis = alternation(lex.emphasis_words)
    # "le troisième alinéa de son article 43", "el segundo guión del apartado 2 de su
    # artículo 43": an unnumbered subdivision, left out, before the pinpoint
    unnumbered = (
        rf"(?:{units['skipw']}[\s\u00a0]{{1,3}}{units['skipw']}[\s\u00a0]{{1,3}}"
        rf"{alternation(lex.of_words)}[\s\u00a0]{{1,3}}"
        rf"(?:{alternation(lex.determiners)}(?:(?<=['\u2019])|[\s\u00a0]{{1,3}}))?)?"
    )
    # "son article", "l'article": an elided determiner is followed by no space
    determiner = rf"(?:{alternation(lex.determiners)}(?:(?<=['\u2019])|[\s\u00a0]{{1,3}}))"
    # each pattern compiled on its first use: a text reads with a few of them
    return _Grammar(
        token=lazy_compile(token),
        body=body,
        before=lazy_compile(rf"(?<!\w)(?P<body>{body})\Z"),
        conn_tail=lazy_compile(rf"{conn}\Z"),
        after=lazy_compile(
            rf"[\s\u00a0]{{0,3}}(?:{_FOOTNOTE_CALL})?[\s\u00a0]{{0,3}}"
            # ", et notamment", ", y, en particular"; or the comma after the list word only:
            # "(2) y, en particular", "(5) y , en particular"
            rf"(?:,[\s\u00a0]{{0,3}}(?:{alternation(lex.list_words)}[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}})?"
            rf"|{alternation(lex.list_words)}[\s\u00a0]{{0,3}},[\s\u00a0]{{0,3}})"
            rf"{emphasis}[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}"
            # "et notamment de ses articles 12 à 15", "y en particular de sus artículos"
            rf"(?:{alternation(lex.of_words)}[\s\u00a0]{{1,3}}(?=\w))?"
            rf"{determiner}?{unnumbered}(?P<body>{body})"
        ),
        after_comma=lazy_compile(
            # "règlement (CE) n° 800/1999 de la Commission (1), article 36, paragraphe 1"
            rf"(?:[\s\u00a0]?{_FOOTNOTE_CALL})?[\s\u00a0]{{0,2}},[\s\u00a0]{{0,3}}"
            rf"{determiner}?(?P<body>{body})"
        ),
        of_next=lazy_compile(rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}{alternation(lex.of_words)}"),
        own_name_next=lazy_compile(
            rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}(?:{alternation(lex.of_words)}"
            rf"(?:[\s\u00a0]{{1,3}}{determiner})?)?[\s\u00a0]{{0,3}}"
            r"(?P<name>\p{Lu}[\p{L}\d-]*)(?![\w-])"
        ),
        named_next=lazy_compile(
            rf"(?![\s\u00a0]{{1,3}}{alternation(lex.words(*lex.units))})"
            # an acronym, also at a sentence's end ("AEUV", "GG.", "BayDSG", "UN-BRK")
            # (only an acronym: every German noun is capitalised, "Art. 6 Grundrechte werden
            # geachtet" goes on with prose)
            rf"[\s\u00a0]{{1,3}}\p{{Lu}}[\p{{L}}\d-]*\p{{Lu}}[\p{{L}}\d-]*(?![\w-])"
        ),
        list_words=frozenset(w.lower() for w in lex.list_words),
        of_words=frozenset(w.lower() for w in (*lex.of_words, *lex.part_of_words)),
        plurals=lex.plurals,
        body_then_space=lazy_compile(rf"(?<!\w)(?P<body>{body})[\s\u00a0]{{1,3}}\Z"),
        in_own=lazy_compile(
            # "le règlement X susvisé prévoit", "el citado Reglamento X (3) establece"
            rf"(?:[\s\u00a0]{{1,3}}{alternation(lex.back_reference_after)})?"
            rf"(?:[\s\u00a0]?{_FOOTNOTE_CALL})?[\s\u00a0]{{0,2}},?"
            # one verb, lower-case ("prévoit", "dispone"), or none ("la directive X, en son")
            rf"(?:[\s\u00a0]{{1,3}}(?P<verb>\p{{Ll}}[\p{{Ll}}\u2019'-]{{2,24}})(?!\w))?"
            rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{1,3}}{alternation(lex.at_words)}[\s\u00a0]{{1,3}}"
            rf"{determiner}?{unnumbered}(?P<body>{body})"
        )
        if lex.possessives
        else None,
        own_unit=lazy_compile(rf"(?<!\w){alternation(lex.possessives)}[\s\u00a0]{{1,3}}{unit}")
        if lex.possessives
        else None,
        provision_verbs=frozenset(w.lower() for w in lex.provision_verbs),
        relative_words=frozenset(w.lower() for w in lex.relative_words),
        prepositions=frozenset(w.lower() for w in lex.prepositions),
        # "el citado Reglamento", "ledit règlement": a back-reference's words open it too
        noun_openers=frozenset(
            w
            for phrase in (*lex.determiners, *lex.demonstratives, *lex.back_reference_words)
            for w in phrase.lower().split()
            if w not in (p.lower() for p in lex.prepositions)
        ),
        list_word_set=frozenset(w.lower() for w in lex.list_words),
    )


#: The order of an article's subdivisions in its canonical form: ``6(1)(e)(ii)``.
_LEVEL = {"para": 0, "letter": 1, "subpoint": 2}
_SUB_UNITS = {"parw": "para", "letw": "letter", "subw": "subpoint"}
_UNIT_WORDS = frozenset(("artw", "parw", "letw", "subw", "annw"))
_SUB_UNIT_WORDS = frozenset(_SUB_UNITS)
#: Parts of an act that hold articles: ``titre III`` -> ``title III``.
_CONTAINERS = {"titw": "title", "chapw": "chap", "sectw": "sect"}
#: Words that name a part of an act on its own (not a subdivision of the article before them).
_PART_WORDS = frozenset(("artw", "annw", "recw", *_CONTAINERS))
_VALUES = frozenset(("num", "let", "roman", "lroman", "ordnum", "record"))


def _tokens(g: _Grammar, body: str) -> list[tuple[str, str, int]]:
    return [(m.lastgroup or "", m.group(), m.start()) for m in g.token.finditer(body)]


def _heading_end(g: _Grammar, body: str, tokens: list[tuple[str, str, int]]) -> int:
    """Where the pinpoint starts after the citing act's own article headings: an article
    number is another act's pinpoint only when "of" words or a list join it to what follows;
    ``Article 6 Les annexes I et II du`` and ``Artikel 2 Anhang I der`` open with a heading,
    and the pinpoint is ``annex I; annex II``. Returns the index of the first token kept."""
    cut = 0
    unit = ""
    held = part_seen = False  # a paragraph or point read before any article or annex
    listed = False  # a list word since the last value
    for k, (kind, written, at) in enumerate(tokens):
        if kind in ("artw", "annw"):
            if held and listed:
                # "par. 12, et l'article 6", "Absatz 1 und Artikel 6", "du paragraphe 12 et de
                # l'article 6": a list word, not "of" alone, joins them, so the paragraph is
                # not the article's (it is some other text's; "paragraphe 12 de l'article 6"
                # is one path); the pinpoint is the article's
                cut = k
            held, part_seen = False, True
        elif kind in _SUB_UNITS and not part_seen:
            held = True
        if kind in _VALUES:
            listed = False
        elif kind == "join":
            listed = listed or written.lower() in g.list_words
        if kind.endswith("w"):
            unit = kind
        if k == 0 or unit == "" or tokens[k - 1][0] not in _VALUES:
            continue
        _, prev_written, prev_at = tokens[k - 1]
        if body[prev_at + len(prev_written) : at].strip() or not _article_value(tokens, k - 1):
            continue
        if kind in _PART_WORDS:
            cut = k  # "Article 5\nArticle 6", "Artikel 2 Anhang I"
        elif kind == "join" and written[:1].isupper():
            # "Article 6 Les annexes", "Article 6 Le point e) de l'annexe": a sentence starts;
            # the pinpoint at its first unit word
            nxt = next((j for j in range(k + 1, len(tokens)) if tokens[j][0].endswith("w")), None)
            cut = nxt if nxt is not None else len(tokens)
    return cut


def _article_value(tokens: list[tuple[str, str, int]], k: int) -> bool:
    """Is the value at ``k`` an article number (the last unit word before it is an article's)?"""
    for kind, _, _ in reversed(tokens[:k]):
        if kind.endswith("w"):
            return kind == "artw"
        if kind not in _VALUES and kind != "range" and kind != "comma" and kind != "join":
            return False
    return False


def heading_offset(language: str, body: str) -> int:
    """Where in ``body`` the pinpoint starts after the citing act's own article headings."""
    g = _grammar(language)
    tokens = _tokens(g, body)
    cut = _heading_end(g, body, tokens)
    return tokens[cut][2] if cut < len(tokens) else len(body)


@functools.cache
def _subdivision_of(language: str) -> regex.Pattern[str]:
    """A subparagraph or sentence and its "of" ending where a search stops: written before a
    body ("Unterabsatz 2 des|Absatzes 1 und ..."), which a body never opens with."""
    lex = load(language)
    skip = alternation(lex.words("subparagraph", "indent", "sentence"))
    of = alternation(lex.of_words)
    return regex.compile(
        rf"(?<!\w)(?:{skip})[\s\u00a0]{{1,3}}\d{{1,3}}[\s\u00a0]{{1,3}}{of}[\s\u00a0]{{1,3}}\Z"
    )


def _parse_at(language: str, text: str, at: int, body: str) -> Pinpoint:
    """:func:`parse` of ``body`` written at ``at`` in ``text``, told whether a subparagraph of
    its first paragraph stands right before it ("Unterabsatz 2 des Absatzes 1 und ...")."""
    before = _subdivision_of(language).search(text, max(0, at - 40), at) is not None
    return parse(language, body, subdivision_before=before)


def parse(language: str, body: str, *, subdivision_before: bool = False) -> Pinpoint:
    """Canonical pinpoint of a body such as ``apartado 6 del artículo 12``.

    Subdivisions written before their article (``las letras a) y b) del apartado 1 y la letra
    b) del apartado 2 del artículo 5``) are held as chains, one per item, each ``del apartado
    1`` giving its number to the chains that lack one; the article then takes every chain:
    ``art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)``.  ``subdivision_before``: a subparagraph or
    sentence of the body's first paragraph was written before it ("Unterabsatz 2 des")."""
    g = _grammar_for(language, body, 0, len(body))
    positioned = _tokens(g, body)
    kept = positioned[_heading_end(g, body, positioned) :]
    tokens = [(kind, written) for kind, written, _ in kept]
    parts: list[PinpointPart] = []
    unit = ""
    unit_plural = False  # the last unit word names several ("points", "Buchstaben")
    arts_plural = False  # the last article word names several ("articles 6, paragraphe 1, et 7")
    unit_since_value = False  # a unit word written since the last value
    art: str | None = None
    subs: list[tuple[str, str]] = []  # (unit, "(1)") written after the current article
    art_chains: list[list[tuple[str, str]]] = []  # written before the current article
    chains: list[list[tuple[str, str]]] = []  # written before an article still to come
    listed = False  # a list word or comma since the last value
    worded = False  # a list word since the last value ("b) et ii)", not "b), ii)")
    ranged = False  # a range word or dash since the last value
    of_since = False  # an "of" word ("del", "de su") since the last value
    annex_base = ""  # the number of the last annex, without its point
    annex_points: list[str] = []  # the point written after it ("Nummer 3 Buchstabe a")
    annex_part = False  # a part of the annex named ("annexe II, partie A"): its points dropped
    annex_inner = ""  # a chapter or section written before its annex ("chapitre V de l'annexe")

    def flush() -> None:
        if art is None:
            return
        for chain in art_chains or [[]]:
            # "le point a) de l'article 12, paragraphe 3": point (a) of paragraph 3
            # (after the article, as written: "Artikel 5 Ziffer 1 Buchstabe b)")
            ordered = sorted(chain + subs, key=lambda sub: _LEVEL[sub[0]]) if chain else subs
            if not any(u == "letter" for u, _ in ordered):
                # "sous-point ii)" of no lettered point: it cannot be placed, so it is left out
                ordered = [sub for sub in ordered if sub[0] != "subpoint"]
            parts.append(PinpointPart("art", art + "".join(v for _, v in ordered)))

    def goes_on_with_letter(k: int) -> bool:
        """Does the list go on with a letter after the value at ``k`` ("h), i) et j)")?"""
        for kind, word in tokens[k + 1 :]:
            if kind == "comma" or (kind == "join" and word.lower() in g.list_words):
                continue
            return kind == "let" and not _SMALL_ROMAN.fullmatch(word.strip("()"))
        return False

    def of_a_lettered_point(k: int) -> bool:
        """Is the roman numeral at ``k`` a point of the lettered point named next ("le point
        i) du point a)")?"""
        if not _SMALL_ROMAN.fullmatch(tokens[k][1].strip("()")):
            return False
        ahead = tokens[k + 1 : k + 6]
        rest = [t for t in ahead if t[0] != "join" or t[1].lower() not in g.of_words]
        return (
            len(rest) >= 2
            and any(t[0] == "join" and t[1].lower() in g.of_words for t in tokens[k + 1 : k + 3])
            and rest[0][0] == "letw"
            and rest[1][0] == "let"
            and not _SMALL_ROMAN.fullmatch(rest[1][1].strip("()"))
        )

    def before_unit(k: int, units: frozenset[str] = _UNIT_WORDS) -> bool:
        """Is the value at ``k`` followed by "of" and a unit word of ``units`` ("2 de su
        artículo")?"""
        seen_of = False
        for kind, word in tokens[k + 1 :]:
            if kind == "join" and word.lower() in g.of_words:
                seen_of = True
            elif kind != "join" or word.lower() in g.list_words:
                return seen_of and kind in units
        return False

    def before_unit_word(k: int) -> bool:
        """Is the ordinal at ``k`` one of a list of a unit word's ("deuxième alinéa",
        "deuxième et troisième alinéas")?"""
        for kind, word in tokens[k + 1 :]:
            if kind in ("join", "comma"):
                continue
            if kind == "skipw" and load(language).ordinal_number(word) is not None:
                continue
            return kind.endswith("w")
        return False

    after_ordinal = False  # the last value was an article's ordinal ("artículos primero")
    skipped = False  # the last value was a subparagraph's or sentence's ("Unterabsatz 2")
    # ... and an "of" word followed it ("Unterabsatz 2 des"): the subparagraphs listed after
    # it stay in the paragraph last named, until a new item names a paragraph
    skipped_inner_first = subdivision_before
    for k, (kind, written) in enumerate(tokens):
        value = _canonical_number(written.strip("() \u00a0"))
        if kind in _VALUES:
            after_ordinal = kind == "ordnum"
        if kind in ("ordnum", "record"):
            # "article premier": article 1; "le cinquième considérant": recital 5
            value = str(load(language).ordinal_number(written))
            kind = "num" if kind == "ordnum" else kind
        if (
            kind == "skipw"
            and listed
            and after_ordinal
            and not unit_since_value
            and not before_unit_word(k)
            and load(language).ordinal_number(written) is not None
        ):
            # "artículos primero, …, quinto y sexto": the list is longer than the reader
            # takes; no pinpoint rather than its first five
            return NO_PINPOINT
        if kind in ("artw", "annw", "recw", "skipw", "partw", *_SUB_UNITS, *_CONTAINERS):
            unit = kind
            unit_plural = " ".join(written.lower().split()) in g.plurals
            unit_since_value = True
            if kind == "artw":
                arts_plural = unit_plural
            if kind in ("artw", "annw"):
                annex_part = False
                annex_inner = ""
            if kind == "annw":
                flush()
                art, subs, art_chains = None, [], []
                if parts and parts[-1].unit in _CONTAINERS.values() and of_since:
                    # "chapitre V de l'annexe I": a chapter of the annex, one place with it as
                    # in "annexe I, chapitre V"
                    annex_inner = str(parts.pop())
                parts.append(PinpointPart("annex", ""))
            elif kind == "partw" and art is None:
                if parts and parts[-1].unit == "annex" and parts[-1].value:
                    annex_part = True  # "annexe II, partie A, point 3": annex II
                else:
                    chains = []  # "point 3 de la partie A de l'annexe II": annex II
            continue
        if kind in ("join", "comma"):
            word = written.lower()
            listed = listed or kind == "comma" or word in g.list_words
            worded = worded or word in g.list_words
            of_since = of_since or word in g.of_words
            skipped_inner_first = skipped_inner_first or (skipped and word in g.of_words)
            continue
        if kind == "range":
            ranged = True
            continue
        if unit == "artw" and kind == "num":
            if ranged and art is not None and not subs and not art_chains:
                if descending(art, value):
                    return NO_PINPOINT  # "articles 8 à 6": no range, and no telling which
                art = f"{art}-{value}"  # "Artikel 13 bis 16": one range, kept whole
            else:
                flush()
                art, subs, art_chains, chains = value, [], chains, []
        elif annex_part and unit in _SUB_UNITS and art is None:
            continue
        elif (
            unit in _SUB_UNITS
            and kind in ("num", "let")
            and art is None
            and parts
            and parts[-1].unit == "annex"
            and parts[-1].value
            and not before_unit(k)
        ):
            # "annexe III point e)", "Anhang III Buchstabe e": a point of the annex, closed up;
            # "points a) et b)": one part each
            if ranged and annex_points:
                # "Anhang I Nummer 1 bis 9": one range of points
                annex_points = [*annex_points[:-1], f"{annex_points[-1]}-{value}"]
                parts[-1] = PinpointPart("annex", annex_point(annex_base, annex_points))
            elif listed and annex_points and (worded or kind != "let" or len(annex_points) > 1):
                # "points 3 et 4"; but "point 1, sous a)" is point 1(a)
                annex_points = [*annex_points[:-1], value]
                parts.append(PinpointPart("annex", annex_point(annex_base, annex_points)))
            else:
                annex_points = [*annex_points, value]  # "Nummer 3 Buchstabe a": point 3(a)
                parts[-1] = PinpointPart("annex", annex_point(annex_base, annex_points))
        elif unit in _SUB_UNITS and kind in ("num", "let", "lroman"):
            sub_unit = _SUB_UNITS[unit]
            # written before its article, a point's own points follow it in the chain
            held = subs if art is not None and not before_unit(k) else (chains or [[]])[-1]
            if sub_unit == "letter" and (
                _roman_after_letter(value, held, worded or unit_plural or goes_on_with_letter(k))
                or of_a_lettered_point(k)
            ):
                sub_unit = "subpoint"  # "point b), ii)": point (b)(ii)
            sub = (sub_unit, f"({value})")
            if art is None or before_unit(k):
                while chains and not chains[-1]:
                    chains.pop()  # the subparagraphs' items before it are its own
                lacking = [c for c in chains if all(u != sub_unit for u, _ in c)]
                if ranged and chains and chains[-1][-1][0] == sub_unit:
                    last = chains[-1][-1]
                    chains[-1][-1] = (sub_unit, f"{last[1]}-({value})")  # "apartados 1 a 3"
                elif of_since and kind == "num" and (lettered := _lettered_only(chains, sub_unit)):
                    for chain in lettered:  # "la letra a) del punto 2": point 2(a)
                        chain.insert(len(chain) - 1, sub)
                elif of_since and lacking:
                    for chain in lacking:  # "letras a) y b) del apartado 1"
                        chain.append(sub)
                elif (
                    (not listed or (not worded and unit_since_value))
                    and kind == "let"
                    and chains
                    and chains[-1][-1][1][1].isdigit()
                ):
                    # "point 45 sous c) de l'annexe I", "le point 1, sous a), de l'annexe I":
                    # point 45(c), point 1(a); a letter with its own word between commas is
                    # the numbered point's; "del punto 3 de la letra c)": the letter holds
                    # the point, (c)(3)
                    chains[-1].insert(len(chains[-1]) - 1 if of_since else len(chains[-1]), sub)
                elif (
                    not worded
                    and chains
                    and _LEVEL[chains[-1][-1][0]] < _LEVEL[sub_unit]
                    and all(u != sub_unit for u, _ in chains[-1])
                ):
                    chains[-1].append(sub)  # "le paragraphe 1, sous b), de l'article 4"
                elif (
                    listed
                    and chains
                    and len(chains[-1]) > 1
                    and chains[-1][-1][0] == sub_unit
                    and all(_LEVEL[u] <= _LEVEL[sub_unit] for u, _ in chains[-1][:-1])
                    and (not before_unit(k) or not before_unit(k, _SUB_UNIT_WORDS))
                ):
                    # "el apartado 1, letras a) y b)", "Absatz 1 Buchstaben a und b des
                    # Artikels 6": b) of paragraph 1 too, the paragraph written first (or a
                    # point: "Nummer 1 Buchstaben a und b"); not "letra b) del apartado 2",
                    # nor "letra b) del apartado 1 y el apartado 2", nor "Buchstabe b des
                    # Absatzes 2 und Absatz 3": a chain written innermost first holds no
                    # prefix for the next item
                    chains.append([*chains[-1][:-1], sub])
                else:
                    chains.append([sub])
            elif ranged and subs and subs[-1][0] == sub_unit:
                subs[-1] = (sub_unit, f"{subs[-1][1]}-({value})")  # "Absatz 1 bis 4": (1)-(4)
            elif (
                listed
                and arts_plural
                and not unit_plural
                and not unit_since_value
                and kind == "num"
                and any(u == sub_unit for u, _ in subs)
            ):
                # "articles 6, paragraphe 1, et 7": a singular "paragraphe" names one, so the
                # number listed after it is the next of the articles
                flush()
                art, subs, art_chains = value, [], []
                unit = "artw"
            elif listed and any(u == sub_unit for u, _ in subs):
                flush()
                art_chains = []
                last_at = max(i for i, (u, _) in enumerate(subs) if u == sub_unit)
                subs = [*subs[:last_at], sub]
            else:
                subs.append(sub)
        elif unit == "annw" and kind in ("roman", "num") and parts and parts[-1].unit == "annex":
            # "letra e) del anexo III": a point of the annex
            # "las letras a) y b) del anexo III": one part per point
            if ranged and parts[-1].value == annex_base and not chains and not annex_points:
                # "annexes I à III": one range, as "Annexes I to III"
                annex_base = f"{annex_base}-{value}"
                parts[-1] = PinpointPart("annex", annex_base)
                listed = worded = ranged = of_since = unit_since_value = False
                continue
            if not parts[-1].value:
                parts.pop()
            annex_place = f"{value}, {annex_inner}" if annex_inner else value
            for held in chains or [[]]:
                # "points 1 à 3 de l'annexe I": the range "(1)-(3)" is "1-3", as written after it
                point = [v.strip("()").replace(")-(", "-") for _, v in held]
                parts.append(PinpointPart("annex", annex_point(annex_place, point)))
            chains = []
            annex_base, annex_points = annex_place, []
        elif (
            ((unit == "recw" and kind == "num") or kind == "record")
            and ranged
            and parts
            and parts[-1].unit == "recital"
        ):
            # "les considérants 3 à 5", "les premier à troisième considérants": one range, as
            # "recitals 3-5"
            if descending(parts[-1].value, value):
                return NO_PINPOINT  # "les considérants 5 à 3"
            parts[-1] = PinpointPart("recitals", f"{parts[-1].value}-{value}")
        elif (unit == "recw" and kind == "num") or kind == "record":
            parts.append(PinpointPart("recital", value))
        elif unit in _CONTAINERS and kind in ("roman", "num"):
            # "titre III du règlement"; a title holding an article already named adds nothing
            place = PinpointPart(_CONTAINERS[unit], value)
            if art is None and not parts:
                parts.append(place)
            elif art is None and parts[-1].unit == "annex" and annex_base and not annex_points:
                # "Anhang I Abschnitt A Nummer 1": a section of the annex is one place with it
                annex_base = f"{annex_base}, {place}"
                parts[-1] = PinpointPart("annex", annex_base)
            elif art is None and parts[-1].unit in _CONTAINERS.values():
                # "chapitre III, section 2" is one place, outermost first (as "section 2 du
                # chapitre III")
                held_place = parts[-1]
                outer, inner = (place, held_place) if of_since else (held_place, place)
                parts[-1] = PinpointPart(outer.unit, f"{outer.value}, {inner}")
        elif unit == "skipw" and tokens[k][0] == "num" and art is None:
            # A subparagraph is not in the canonical form. Listed after a paragraph ("Absatz 1
            # und Unterabsatz 2 des Artikels 6") it is an item: an empty chain, dropped where a
            # paragraph or point follows it, else the article's own (art. 6). Listed after
            # another subparagraph it stays in the paragraph last named, written innermost
            # first ("Unterabsatz 2 des Absatzes 1 und Unterabsatz 3 des Artikels 6": art.
            # 6(1)) or after it ("Absatz 1 Unterabsatz 2 und Unterabsatz 3")
            own_item = not skipped_inner_first and not skipped and before_unit(k)
            skipped = True
            if not (listed and chains and own_item):
                continue
            chains.append([])
        else:
            continue
        if listed and not skipped and unit != "skipw":
            skipped_inner_first = False  # a new item names a paragraph ("und Absatz 3")
        listed = worded = ranged = of_since = unit_since_value = False
        skipped = unit == "skipw"
    flush()
    return Pinpoint(tuple(parts)) if parts else NO_PINPOINT


def _lettered_only(chains: list[list[tuple[str, str]]], unit: str) -> list[list[tuple[str, str]]]:
    """The chains ending on a lettered point of ``unit`` with no numbered one: a number of
    the same unit named after them holds that letter (``letra a) del punto 2``)."""
    return [
        chain
        for chain in chains
        if chain[-1][0] == unit
        and not chain[-1][1][1:2].isdigit()
        and not any(u == unit and v[1:2].isdigit() for u, v in chain)
    ]


def _roman_after_letter(value: str, subs: list[tuple[str, str]], a_list: bool) -> bool:
    """Is ``value`` a roman numeral under the lettered point just read (singular ``point b),
    ii)``, ``point h), i)``), not the next letter of a list? ``a_list``: the letters are a list
    (a plural unit word, ``points c), i)``; a list word before ``value``, ``b) et ii)``; or a
    letter after it, ``h), i) et j)``). After a roman numeral, so is the next (``a), i) et
    ii)``)."""
    if not subs or not _SMALL_ROMAN.fullmatch(value):
        return False
    if subs[-1][0] == "subpoint":
        return True
    return subs[-1][0] == "letter" and not a_list


def annex_point(annex: str, point: list[str]) -> str:
    """An annex with its point in canonical form: lettered points closed up (``III(e)``, as
    articles are), numbered ones named (``II, point 3``, ``II, point 3(a)``)."""
    if not point:
        return annex
    if point[0][:1].isdigit():
        # one point: "point"; a range of points: "points" (as "art." and "arts.")
        word = "points" if "-" in point[0] else "point"
        # its letters as an article's: "point 1(a)-(c)"
        return f"{annex}, {word} {point[0]}" + "".join(
            "(" + v.replace("-", ")-(") + ")" for v in point[1:]
        )
    # a range of letters as an article's: "(a)-(c)"
    return annex + "".join("(" + v.replace("-", ")-(") + ")" for v in point)


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


def read_before(
    language: str, text: str, start: int, floor: int = 0
) -> ArticlePinpoint | None:
    """The pinpoint written just before the act at ``start`` with its connector (``de l'``,
    ``del``, ``der``), in ``language``, starting at ``floor`` or after; None if there is none."""
    low = max(floor, start - WINDOW)
    g = _grammar_for(language, text, low, start)
    conn = g.conn_tail.search(text, max(floor, start - 24), start)
    if conn is None:
        return None
    return _pinpoint_of(language, g.before.search(text, low, conn.start()), start)


def read_just_before(
    language: str, text: str, start: int, floor: int = 0
) -> ArticlePinpoint | None:
    """The pinpoint written just before ``start``, separated by spaces only: the connector is
    part of what starts there (``article 6`` before ``dudit règlement``), starting at ``floor``
    or after; None if there is none."""
    m = _grammar(language).body_then_space.search(text, max(floor, start - WINDOW), start)
    return _pinpoint_of(language, m, start)


def _pinpoint_of(language: str, m: regex.Match[str] | None, start: int) -> ArticlePinpoint | None:
    """The pinpoint a body match before ``start`` gives, without the text's own heading."""
    if m is None:
        return None
    pin = _parse_at(language, m.string, m.start("body"), m.group("body"))
    if not pin:
        return None
    return ArticlePinpoint(pin, m.start() + heading_offset(language, m.group("body")), start)


def read_after(language: str, text: str, end: int) -> ArticlePinpoint | None:
    """``, et notamment son article 7`` / ``, insbesondere auf Artikel 7`` after the act
    ending at ``end``; None if there is none."""
    g = _grammar(language)
    m = g.after.match(text, end, min(len(text), end + WINDOW))
    if m is None:
        return None
    # A body ends on a value, not on a trailing "et"/"de la" that opens the next phrase.
    body = _value_end(_before_heading(g, m.group("body"), text, m.end("body")))
    pin = _parse_at(language, text, m.start("body"), body)
    if not pin:
        return None
    return ArticlePinpoint(pin, end, m.start("body") + len(body))


#: Where a clause starts, read back from an act: a comma, a stop, a line break.
_CLAUSE_START = regex.compile(r"[,;:.!?\n][^,;:.!?\n]*\Z")
#: How far back from an act its clause's start is looked for.
_CLAUSE_REACH = 160
_WORD = regex.compile(r"\w+['\u2019]?")


def _clause_words(text: str, start: int) -> list[str]:
    """The words of the clause holding ``start`` before it, lower-cased."""
    lo = max(0, start - _CLAUSE_REACH)
    brk = _CLAUSE_START.search(text, lo, start)
    return [w.lower() for w in _WORD.findall(text, brk.start() + 1 if brk else lo, start)]


def opens_clause(language: str, text: str, start: int) -> bool:
    """Whether the act starting at ``start`` may be the subject of the verb after it: it
    opens its clause (``Le règlement X prévoit``, ``considérant que le règlement X``). An
    act that is a preposition's object (``conformément à la directive X``, ``modifié par
    le règlement X``) or stands in a relative clause (``qui abroge la directive X``, ``por
    el que se deroga la Directiva X``) is not: its verb's subject is some other noun."""
    g = _grammar(language)
    words = _clause_words(text, start)
    while words and words[-1] in g.noun_openers:
        words.pop()
    if not words:
        return True
    if words[-1] in g.prepositions:
        return False
    # a relative word with its clause's verb after it; "que" right before the act's
    # noun phrase is a conjunction ("considérant que le règlement X prévoit")
    return not any(w in g.relative_words for w in words[:-1])


def opens_coordinate(language: str, text: str, start: int) -> bool:
    """Whether a list word (``et``, ``y``) opens the noun phrase of the act starting at
    ``start`` (``..., et le règlement X``): the act begins a subject of its own."""
    g = _grammar(language)
    words = _clause_words(text, start)
    while words and words[-1] in g.noun_openers:
        words.pop()
    return bool(words) and words[-1] in g.list_word_set


def read_in_own(language: str, text: str, start: int, end: int) -> ArticlePinpoint | None:
    """``prévoit, à son article 6, paragraphe 2,``, ``establece en su artículo 6`` right after
    the act from ``start`` to ``end`` (one verb at most between): its pinpoint. The possessive
    before the article, or a verb saying what the act provides (``prévoit, à l'article 15,``),
    says the act is the one just named; else (``s'applique à l'article 6``) the article may be
    the citing text's own, so nothing is read. The act must be the verb's subject
    (:func:`opens_clause`); an act in a relative clause or after a preposition gets nothing."""
    g = _grammar(language)
    if g.in_own is None or g.own_unit is None:
        return None
    if not opens_clause(language, text, start):
        return None
    m = g.in_own.match(text, end, min(len(text), end + WINDOW))
    aside = None if m is not None else _aside_end(g, text, end)
    if aside is not None:
        # "Le règlement X, qui abroge la directive Y, prévoit, à son article 17": X's article
        m = g.in_own.match(text, aside, min(len(text), aside + WINDOW))
    if m is None:
        return None
    body = _value_end(_before_heading(g, m.group("body"), text, m.end("body")))
    stop = m.start("body") + len(body)
    provides = (m.group("verb") or "").lower() in g.provision_verbs
    if not provides and g.own_unit.search(text, m.start("body") - 8, stop) is None:
        return None
    if g.of_next.match(text, stop) is not None:
        return None
    pin = _parse_at(language, text, m.start("body"), body)
    if not pin:
        return None
    if aside is not None:
        return ArticlePinpoint(pin, end, end)  # the act's span stops before the aside's acts
    return ArticlePinpoint(pin, end, stop)


#: How far past an act the clause between commas after it is looked for.
_ASIDE_REACH = 240
#: How far past an act this module reads: an aside, then a body in the act's own words
#: after it ("Le règlement X, qui abroge la directive Y, prévoit, à son article 17")
REACH_AFTER = _ASIDE_REACH + WINDOW

#: A clause between commas after an act, before its verb: "…, qui abroge la directive Y,"
_ASIDE = regex.compile(r"[\s\u00a0]{0,2},(?P<aside>(?:[^,;:.!?\n]|\.(?!\s)){1,200}?)(?=,)")


def _aside_end(g: _Grammar, text: str, end: int) -> int | None:
    """Where a relative or participle clause between commas right after the act ending at
    ``end`` closes (at its second comma): one that opens with a relative word (``qui abroge``,
    ``por el que se deroga``) or a word and a preposition (``adopté sur la base de``,
    ``modifié par``, ``conformément à``); None if there is none such."""
    m = _ASIDE.match(text, end, min(len(text), end + _ASIDE_REACH))
    if m is None:
        return None
    words = [w.lower() for w in _WORD.findall(m.group("aside"))]
    if any(w in g.relative_words for w in words[:3]) or any(
        w in g.prepositions for w in words[:2]
    ):
        return int(m.end())
    return None


def read_after_comma(
    language: str, text: str, end: int, names: frozenset[str] = frozenset()
) -> ArticlePinpoint | None:
    """``, letra e) del apartado 1 del artículo 6`` right after the act ending at ``end``: its
    pinpoint, unless what follows names another source (``, artículo 6 del Tratado``,
    ``, Art. 267 AEUV``, ``, Art. 3 GG``). ``names``: the acronyms the act is known by; one
    of them after the body names the act itself (``, Art. 6 Abs. 1 lit. c DSGVO``,
    ``, article 6, paragraphe 1, point c), du RGPD``)."""
    g = _grammar(language)
    m = g.after_comma.match(text, end, min(len(text), end + WINDOW))
    if m is None:
        return None
    body = _value_end(_before_heading(g, m.group("body"), text, m.end("body")))
    stop = m.start("body") + len(body)
    named = g.own_name_next.match(text, stop) if names else None
    if named is not None and named.group("name") in names:
        pass  # "…, Art. 6 Abs. 1 lit. c DSGVO": the act's own acronym
    elif g.of_next.match(text, stop) is not None or g.named_next.match(text, stop) is not None:
        return None
    pin = _parse_at(language, text, m.start("body"), body)
    if not pin:
        return None
    return ArticlePinpoint(pin, end, stop)


def find_after(language: str, text: str, start: int, stop: int) -> ArticlePinpoint | None:
    """The first ``, et notamment son article 7`` between ``start`` and ``stop`` (after a
    title), unless what follows its body names another source; None if there is none."""
    g = _grammar(language)
    m = g.after.search(text, start, stop)
    if m is None:
        return None
    body = _value_end(_before_heading(g, m.group("body"), text, m.end("body")))
    end = m.start("body") + len(body)
    if g.of_next.match(text, end) is not None:
        return None
    pin = _parse_at(language, text, m.start("body"), body)
    if not pin:
        return None
    return ArticlePinpoint(pin, m.start(), end)


#: A sentence opening after a heading's number: a capitalised word, not an acronym.
_SENTENCE_OPENING = regex.compile(r"[ \t\u00a0]{1,3}\p{Lu}\p{Ll}")


def _before_heading(g: _Grammar, body: str, text: str = "", end: int = 0) -> str:
    """``body`` up to the citing text's next article heading: a capitalised article word and
    its number, then a capitalised word opening a sentence (``son article 4,\nArticle 2 Les
    États membres``, ``su artículo 4, Artículo 2 Los destinatarios``): that article is the
    citing text's own, not one more of the act's. A heading at the start of a line may open
    its sentence with any word the body does not hold (``Buchstabe b ),\nArtikel 2 Diese
    Entscheidung``, the body ending at ``end`` in ``text``), as German capitalises every
    noun. A heading never follows a list or range word (``Absatz 2 und\nArtikel 6``)."""
    tokens = _tokens(g, body)
    for k in range(1, len(tokens) - 1):
        (kind, written, at), (value_kind, value, value_at) = tokens[k : k + 2]
        if kind != "artw" or not written[:1].isupper() or value_kind != "num":
            continue
        before_kind, before = tokens[k - 1][:2]
        if before_kind == "range" or (
            before_kind == "join" and " ".join(before.lower().split()) in g.list_word_set
        ):
            continue  # "Absatz 2 und\nArtikel 6 Anwendung": a list goes on, no heading opens
        then, opener = tokens[k + 2][:2] if k + 2 < len(tokens) else ("", "")
        if then == "join" and opener[:1].isupper():
            return body[:at]
        if (
            k + 2 == len(tokens)
            and not body[value_at + len(value) :].strip()
            and body[:at].rstrip(" \t\u00a0").endswith("\n")
            and _SENTENCE_OPENING.match(text, end) is not None
        ):
            return body[:at]
    return body


def _value_end(body: str) -> str:
    """``body`` up to its last number, letter or bracket (drops trailing joiners)."""
    m = regex.search(r"^.*(?:\d|\)|[IVXLC]\b|\b[a-z]\b|(?<=\w )" + _LATIN + ")", body, regex.DOTALL)
    return m.group() if m else body
