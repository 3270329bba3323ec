"""The French, Spanish and German words of the UN citation forms, read once from
``data/un_languages.json``.

Why: a language is data (one table), not a copy of the English families; each UN family builds
its other-language alternatives from the patterns here, so adding a language is adding a table.
Pinpoint words are per language: French and Spanish ones are read after any UN citation (they
never change an English reading), a language that sets ``own_pinpoints`` (German, whose range
word ``bis`` is an article's suffix in English) has its own lexicon, read only in its text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import attrs

from citecheck import knowledge
from citecheck.lexicon import ENGLISH, Lexicon, alternation, from_table, load


@attrs.frozen(slots=True)
class UNWords:
    """One language's UN words (see the data file's comment)."""

    language: str
    resolution_words: tuple[str, ...]
    decision_words: tuple[str, ...]
    bodies: tuple[tuple[str, str], ...]
    body_connectors: tuple[str, ...]
    own_words: tuple[str, ...]
    list_words: tuple[str, ...]
    range_words: tuple[str, ...]
    date_words: tuple[str, ...]
    months: tuple[str, ...]
    general_terms: tuple[tuple[str, tuple[str, ...]], ...]
    units: tuple[tuple[str, tuple[str, ...]], ...]
    plurals: tuple[str, ...]
    #: words after a short name that show another instrument is meant ("Charte sociale")
    other_instrument_words: tuple[str, ...] = ()
    #: what names a lettered sub-paragraph of a numbered one ("par. 17, al. c)")
    sub_letter_words: tuple[str, ...] = ()
    #: its pinpoint words are read only in its own text (German ``bis`` is a range there)
    own_pinpoints: bool = False
    #: one word names a body in full (German ``Sicherheitsrat``): read in the look-back too
    one_word_names: bool = False
    #: its body names start with a capital letter (German nouns)
    capitalised_names: bool = False
    #: organs outside the UN whose resolutions share its numbering ("Hauptversammlung")
    non_un_organs: tuple[str, ...] = ()
    #: verbs by which one of its ``non_un_organs`` named before a bare resolution adopted it
    #: ("El consejo de administración adoptó la resolución 12/3"); without one ("a rappelé la
    #: résolution 60/251") the organ is not its author: a language that gives them needs one
    adoption_verbs: tuple[str, ...] = ()
    #: what opens a general comment's title before its pinpoint ("zu Artikel 6")
    title_words: tuple[str, ...] = ()
    #: a paragraph right after an article is the article's ("Art. 32 Abs. 2": art. 32(2))
    article_paragraphs: bool = False
    #: a letter after a sub-letter word needs no bracket ("Ziff. 17 Buchst. c": para. 17(c))
    bare_letters: bool = False
    #: nouns whose phrase names a body ("Vorstand", compounds "Aufsichtsrat"): after a
    #: resolution, a body not named among ``bodies`` makes it another organ's
    body_heads: tuple[str, ...] = ()
    #: the heads that alone name the UN body of the text ("des Rates": the Council)
    generic_bodies: tuple[str, ...] = ()
    #: nouns of another document a pinpoint may be followed by in the genitive ("Ziffer 3
    #: der Verordnung"): that pinpoint is the other document's
    other_document_words: tuple[str, ...] = ()
    #: what opens a footnote before the citation ("Vgl.", "Siehe"): the text is in the language
    footnote_leads: tuple[str, ...] = ()
    #: the UN's name after a body's, part of the body's name ("der Vereinten Nationen")
    un_names: tuple[str, ...] = ()


def _strings(raw: Any, what: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise ValueError(f"un_languages: {what} must be a list of non-empty strings")
    return tuple(raw)


def _words(code: str, raw: dict[str, Any]) -> UNWords:
    bodies = raw.get("bodies")
    if not isinstance(bodies, dict):
        raise ValueError(f"un_languages: {code}.bodies must map names to body codes")
    # Months, list/range words and the names of bodies and of other documents are the
    # language's lexicon table's (read in one place).
    table = load(code)
    months = table.months
    return UNWords(
        language=code,
        resolution_words=_strings(raw.get("resolution_words"), f"{code}.resolution_words"),
        decision_words=_strings(raw.get("decision_words"), f"{code}.decision_words"),
        bodies=tuple((str(name), str(body)) for name, body in bodies.items()),
        body_connectors=_strings(raw.get("body_connectors"), f"{code}.body_connectors"),
        own_words=_strings(raw.get("own_words"), f"{code}.own_words"),
        list_words=table.list_words,
        range_words=table.range_words,
        date_words=_strings(raw.get("date_words"), f"{code}.date_words"),
        months=months,
        general_terms=tuple(
            (term, _strings(words, f"{code}.general_terms.{term}"))
            for term, words in dict(raw.get("general_terms") or {}).items()
        ),
        units=tuple(
            (unit, _strings(words, f"{code}.units.{unit}"))
            for unit, words in dict(raw.get("units") or {}).items()
        ),
        plurals=_strings(raw.get("plurals"), f"{code}.plurals"),
        other_instrument_words=_strings(
            raw.get("other_instrument_words", []) or ["-"], f"{code}.other_instrument_words"
        )
        if raw.get("other_instrument_words")
        else (),
        sub_letter_words=_strings(raw.get("sub_letter_words", []), f"{code}.sub_letter_words"),
        own_pinpoints=_flag(raw, code, "own_pinpoints"),
        one_word_names=_flag(raw, code, "one_word_names"),
        capitalised_names=_flag(raw, code, "capitalised_names"),
        non_un_organs=_strings(raw.get("non_un_organs", []), f"{code}.non_un_organs"),
        adoption_verbs=_strings(raw.get("adoption_verbs", []), f"{code}.adoption_verbs"),
        title_words=_strings(raw.get("title_words", []), f"{code}.title_words"),
        article_paragraphs=_flag(raw, code, "article_paragraphs"),
        bare_letters=_flag(raw, code, "bare_letters"),
        # a language's names of bodies and documents live in its lexicon table, as English's
        body_heads=table.body_heads,
        generic_bodies=table.generic_bodies,
        other_document_words=table.other_document_words,
        footnote_leads=_strings(raw.get("footnote_leads", []), f"{code}.footnote_leads"),
        un_names=_strings(raw.get("un_names", []), f"{code}.un_names"),
    )


def _flag(raw: dict[str, Any], code: str, key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"un_languages: {code}.{key} must be true or false")
    return value


@functools.cache
def languages() -> tuple[UNWords, ...]:
    """Every language of the table, in file order."""
    data = knowledge.load("un_languages.json")
    return tuple(_words(code, raw) for code, raw in dict(data["languages"]).items())


def _all(field: str) -> tuple[str, ...]:
    out: list[str] = []
    for lang in languages():
        out.extend(getattr(lang, field))
    return tuple(out)


def other_instrument_words() -> tuple[str, ...]:
    """Every language's words that, after a short name, show another instrument is meant."""
    return _all("other_instrument_words")


def spaced(words: Iterable[str]) -> str:
    """An alternation of ``words`` whose inner spaces match any run of whitespace and whose
    apostrophes match both ' and ’ (longest first)."""
    return alternation(words).replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")


def resolution_keywords() -> str:
    """``résolution|resoluciones|...``: the keyword alternatives of every language."""
    return spaced(_all("resolution_words") + _all("decision_words"))


def is_resolution_word(word: str) -> bool:
    return word.lower() in {w.lower() for w in _all("resolution_words")}


def body_names() -> dict[str, str]:
    """Lower-cased, single-spaced body name (apostrophes as ') -> body code."""
    return {name.lower(): body for lang in languages() for name, body in lang.bodies}


def _names(names_by_language: Iterable[tuple[UNWords, Iterable[str]]]) -> str:
    """An alternation of names, case-insensitive but for a language whose names are
    capitalised (German nouns: ``Generalversammlung``, never ``generalversammlung``)."""
    folded: list[str] = []
    cased: list[str] = []
    for lang, names in names_by_language:
        (cased if lang.capitalised_names else folded).extend(names)
    patterns = [spaced(folded)] if folded else []
    if cased:
        pattern = spaced(cased)
        assert pattern.startswith("(?i:"), pattern
        patterns.append("(?-i:" + pattern.removeprefix("(?i:"))
    return "|".join(patterns) if patterns else "(?!)"


def body_pattern(code: str | None = None) -> str:
    """Names of every body (or of body ``code``, full names only: the look-back reads them;
    a language that names a body in one compound word gives its one-word names too)."""
    return _names(
        (
            lang,
            [
                name
                for name, body in lang.bodies
                if code is None or (body == code and (" " in name or lang.one_word_names))
            ],
        )
        for lang in languages()
    )


def lower_case_body_initials() -> frozenset[str]:
    """The first letters of the body names, the other organs' too, that may be written in
    lower case ("l'assemblée générale", "el consejo de administración"); capitalised names
    (German nouns) start with a capital letter."""
    return frozenset(
        name[0]
        for lang in languages()
        if not lang.capitalised_names
        for name in (*(n for n, _ in lang.bodies), *lang.non_un_organs)
    )


def non_un_organs() -> str:
    """Names of organs outside the UN in every language (a pattern that matches nothing if
    no language names one)."""
    return _names((lang, lang.non_un_organs) for lang in languages())


def organs_needing_adoption() -> str:
    """The ``non_un_organs`` of the languages that give ``adoption_verbs`` (a pattern that
    matches nothing if none does)."""
    return _names((lang, lang.non_un_organs) for lang in languages() if lang.adoption_verbs)


def adoption_verbs() -> str:
    """Every language's ``adoption_verbs`` (a pattern that matches nothing if none)."""
    return _names((lang, lang.adoption_verbs) for lang in languages())


def other_bodies() -> str:
    """A noun phrase naming a body that is not one of ``bodies`` ("des Vorstands", "der
    Jahreshauptversammlung", "des Evangelischen Rates"; not "des Rates" alone, the generic
    UN body, nor "der Vereinten Nationen"): compounds end with a head noun, capitalised
    words may precede it. A pattern that matches nothing if no language gives heads."""
    alternatives = []
    for lang in languages():
        if not lang.body_heads:
            continue
        initial = "(?=[A-ZÄÖÜ])" if lang.capitalised_names else ""
        generic = alternation(lang.generic_bodies) if lang.generic_bodies else "(?!)"
        alternatives.append(
            rf"(?!{generic})(?:{initial}[\w-]+[\s\u00a0]+){{0,2}}"
            rf"{initial}[\w-]*?{alternation(lang.body_heads)}"
        )
    return "|".join(alternatives) or "(?!)"


def body_connectors() -> str:
    return spaced(_all("body_connectors"))


def un_names() -> str:
    """The UN's name as written after a body's in every language ("der Vereinten Nationen")."""
    return spaced(_all("un_names")) if _all("un_names") else "(?!)"


def own_words() -> str:
    return spaced(_all("own_words"))


def list_words() -> str:
    return spaced(_all("list_words"))


def range_words() -> str:
    """``à``, ``a``: the words of a range in every language of the table."""
    return spaced(_all("range_words"))


def date_pattern() -> str:
    """``du 16 décembre 1966``, ``, de 30 de diciembre de 2022``, ``vom 15. März 2006``
    (groups ``lday``, ``lmonth``, ``lyear``): a date clause in any of the languages."""
    months = spaced(_all("months"))
    words = spaced(_all("date_words"))
    return (
        rf"(?:{words})[\s\u00a0]+(?P<lday>\d{{1,2}})(?:er|\.)?[\s\u00a0]+(?:de[\s\u00a0]+)?"
        rf"(?P<lmonth>{months})[\s\u00a0]+(?:de[\s\u00a0]+)?(?P<lyear>(?:19|20)\d\d)"
    )


def english_date(day: str, month: str, year: str) -> str:
    """``16 décembre 1966`` -> ``16 December 1966`` (the form the date checks read)."""
    for lang in languages():
        lowered = [m.lower() for m in lang.months]
        if month.lower() in lowered:
            return f"{int(day)} {ENGLISH.months[lowered.index(month.lower())]} {year}"
    return f"{int(day)} {month} {year}"


def general_terms(term: str) -> tuple[str, ...]:
    """The FR/ES words of ``comment`` or ``recommendation``."""
    return tuple(
        w for lang in languages() for t, words in lang.general_terms if t == term for w in words
    )


def title_words(language: str) -> tuple[str, ...]:
    """What opens a general comment's title in ``language`` ("zu Artikel 6")."""
    return tuple(w for lang in languages() if lang.language == language for w in lang.title_words)


def other_document_words(language: str) -> tuple[str, ...]:
    """Nouns of another document whose genitive after a pinpoint makes it that document's."""
    return tuple(
        w for lang in languages() if lang.language == language for w in lang.other_document_words
    )


def footnote_leads(language: str) -> tuple[str, ...]:
    """What opens a footnote in ``language`` before the citation ("Vgl.", "Siehe")."""
    return tuple(
        w for lang in languages() if lang.language == language for w in lang.footnote_leads
    )


def citation_words(language: str) -> tuple[str, ...]:
    """The words of ``language``'s own UN citation forms that no other language writes: its
    body names, decision words and general-comment terms (``Menschenrechtsrats``,
    ``Beschluss``, ``Allgemeine Bemerkung``); the keyword ``Resolution`` is English too."""
    return tuple(
        w
        for lang in languages()
        if lang.language == language
        for w in (
            *(name for name, _ in lang.bodies),
            *lang.decision_words,
            *(word for _, words in lang.general_terms for word in words),
        )
    )


def article_paragraphs(language: str) -> bool:
    """Is a paragraph right after an article the article's in ``language`` ("Art. 32 Abs. 2")?"""
    return any(lang.article_paragraphs for lang in languages() if lang.language == language)


def bare_letters(language: str) -> bool:
    """Does a letter after a sub-letter word stand without a bracket in ``language``?"""
    return any(lang.bare_letters for lang in languages() if lang.language == language)


def own_pinpoint_languages() -> tuple[str, ...]:
    """The languages whose UN pinpoint words are read only in their own text (``de``)."""
    return tuple(lang.language for lang in languages() if lang.own_pinpoints)


@functools.cache
def pinpoint_lexicon(language: str | None = None) -> Lexicon:
    """The English lexicon with UN pinpoint words of other languages added: UN documents are
    cited with ``par. 66`` / ``párr. 66`` / ``paras. 66`` alike, and the pinpoint stays
    ``para. 66``. Without ``language``: the words every language shares (French, Spanish),
    read after any citation; with one that keeps its words (``de``): English and its own."""
    chosen = tuple(
        lang
        for lang in languages()
        if (lang.language == language if language is not None else not lang.own_pinpoints)
    )
    if language is not None and not chosen:
        raise ValueError(f"un_languages: no UN words for language {language!r}")
    base = load("en")

    def every(field: str) -> list[str]:
        return [word for lang in chosen for word in getattr(lang, field)]

    units = {unit: list(words) for unit, words in base.units.items()}
    for lang in chosen:
        for unit, words in lang.units:
            units.setdefault(unit, []).extend(w for w in words if w not in units[unit])
    for unit in units:
        units[unit].sort(key=len, reverse=True)
    table: dict[str, Any] = {
        "months": list(base.months),
        "units": units,
        "plurals": sorted(set(base.plurals) | {w.lower() for w in every("plurals")}),
        "list_words": [*base.list_words, *every("list_words")],
        "range_words": [*base.range_words, *every("range_words")],
        "at_words": list(base.at_words),
        "of_words": list(base.of_words),
        "this_act_words": list(base.this_act_words),
        # "Ziff. 4 der Allgemeinen Bemerkung": a language that keeps its words reads its own
        "part_of_words": [
            *base.part_of_words,
            *(
                w
                for lang in chosen
                if lang.own_pinpoints
                for w in load(lang.language).part_of_words
            ),
        ],
        # "Ziff. 66 des Berichts A/HRC/41/35": and its own document words
        "document_words": [
            *base.document_words,
            *(
                w
                for lang in chosen
                if lang.own_pinpoints
                for w in load(lang.language).document_words
            ),
        ],
        "determiners": list(base.determiners),
        "other_document_words": list(base.other_document_words),
        "emphasis_words": list(base.emphasis_words),
        "ordinals": list(base.ordinals),
        "letter_words": every("sub_letter_words"),
        "numbered_ordinals": list(base.numbered_ordinals),
        "tens": list(base.tens),
        "tens_ordinals": list(base.tens_ordinals),
        "paragraph_kinds": {kind: list(words) for kind, words in base.paragraph_kinds.items()},
    }
    return from_table("un" if language is None else f"un-{language}", table)
