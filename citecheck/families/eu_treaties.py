"""Articles of the EU Treaties, the Charter and the ECHR cited in French, Spanish and German
(and of the UN instruments in German):
``article 47 de la Charte``, ``artículo 267 TFUE``, ``Art. 267 AEUV``, ``Artikel 6 Absatz 1
EUV``, ``article 6 de la CEDH`` -> ``instrument:cfr`` / ``tfeu`` / ``teu`` / ``echr`` with the
article pinpoint (``art. 47``, ``art. 6(1)``).

The names come from the ``languages`` field of the instrument catalog and the article words
from the lexicon tables; English forms stay with the instruments family.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Mapping

import attrs
import regex

from citecheck import knowledge
from citecheck.families.base import PATTERN_HORIZON, Document
from citecheck.families.instruments import (
    ARTICLE_OUT_OF_RANGE,
    InstrumentParts,
    catalog,
    pinpoint_findings,
)
from citecheck.lexicon import load as load_lexicon
from citecheck.model import Citation, Finding, Kind, Pinpoint
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import languages
from citecheck.rules import Rule

#: The languages whose treaty names the catalog holds.
LANGUAGES = ("de", "es", "fr")
#: The languages whose full names are also found without an article before them ("vu le
#: traité sur l'Union européenne, et notamment son article 34").
BARE_LANGUAGES = ("de", "es", "fr")
#: The languages whose full names take the article after a comma, as German indexes and
#: commentaries write them ("Vertrag über die Europäische Union, Art. 6").
COMMA_ARTICLE_LANGUAGES = ("de",)
_S = r"[\s\u00a0]{1,3}"


def _key(written: str) -> str:
    return " ".join(written.lower().replace("\u2019", "'").split())


def declined(language: str, names: Iterable[str]) -> tuple[str, ...]:
    """``names`` with each other ending of an opening adjective that declines ("Internationaler
    Pakt" -> "der Internationale Pakt", "des Internationalen Paktes"): the catalog lists a
    name once, the article before it sets the ending."""
    table = knowledge.load("instruments.json")["declension"].get(language, {})
    stems: list[str] = table.get("stems", [])
    endings: list[str] = table.get("endings", [])
    out: dict[str, None] = {}
    for name in names:
        first, space, rest = name.partition(" ")
        stem = next((s for s in stems if first.startswith(s) and first[len(s) :] in endings), None)
        if stem is None:
            out[name] = None
            continue
        out[name] = None
        out.update((f"{stem}{ending}{space}{rest}", None) for ending in endings)
    return tuple(out)


def _words(name: str) -> str:
    """A name as a pattern: words joined by white space, either apostrophe."""
    return _S.join(regex.escape(w).replace("'", "['’]") for w in name.split())


@attrs.frozen(slots=True)
class _Grammar:
    #: "<language>:<written name, lower-case, or abbreviation>" -> (slug, how it was named)
    names: Mapping[str, tuple[str, str]]
    #: the article words of the three languages, lower-case: where a match can start
    article_words: tuple[str, ...]
    #: per language: the names, then the abbreviations, as patterns (see :func:`_article_pattern`)
    name_patterns: Mapping[str, tuple[str, str]]
    #: per language: the first letters of every name and abbreviation, lower-case (up to an
    #: apostrophe): every place a name starts holds one
    name_openings: Mapping[str, tuple[str, ...]]
    #: the first words of the full names of :data:`BARE_LANGUAGES`, lower-case
    name_words: tuple[str, ...] = ()
    #: per language of :data:`BARE_LANGUAGES`: a full name, matched at its first word
    bare: Mapping[str, regex.Pattern[str]] = attrs.field(factory=dict)


@functools.cache
def _grammar() -> _Grammar:
    names: dict[str, tuple[str, str]] = {}
    name_patterns: dict[str, tuple[str, str]] = {}
    name_openings: dict[str, tuple[str, ...]] = {}
    bare = {}
    words: set[str] = set()
    name_words: set[str] = set()
    for lang in LANGUAGES:
        written: list[str] = []
        full: list[str] = []
        abbrs: list[str] = []
        for inst in catalog().instruments.values():
            block = inst.languages.get(lang, {})
            full_names = declined(lang, block.get("names", ()))
            full.extend(full_names)
            for by, listed in (("name", full_names), ("short", block.get("short", ()))):
                for name in listed:
                    names[f"{lang}:{_key(name)}"] = (inst.slug, by)
                    written.append(name)
            for abbr in block.get("abbreviations", ()):
                names[f"{lang}:{abbr}"] = (inst.slug, "abbreviation")
                abbrs.append(abbr)
        by_name = "|".join(_words(n) for n in sorted(written, key=len, reverse=True))
        by_abbr = "|".join(regex.escape(a) for a in sorted(abbrs, key=len, reverse=True))
        name_patterns[lang] = (by_name, by_abbr)
        name_openings[lang] = tuple(
            sorted({regex.split("['’]", n.split()[0].lower())[0] for n in (*written, *abbrs)})
        )
        words.update(w.lower() for w in load_lexicon(lang).words("art"))
        if lang in BARE_LANGUAGES and full:
            by_full = "|".join(_words(n) for n in sorted(full, key=len, reverse=True))
            bare[lang] = regex.compile(rf"(?P<name>(?i:{by_full}))(?![\w/])")
            name_words.update(n.split()[0].lower() for n in full)
    # "articles" is found by "article": keep the words no other word starts with.
    kept = tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))
    return _Grammar(names, kept, name_patterns, name_openings, tuple(sorted(name_words)), bare)


@functools.cache
def _name_pattern(language: str) -> regex.Pattern[str]:
    by_name, by_abbr = _grammar().name_patterns[language]
    return regex.compile(rf"(?P<name>(?i:{by_name})|{by_abbr})(?![\w/])")


def _name_starts(doc: Document, language: str) -> list[int] | None:
    """Where a name or abbreviation of ``language`` starts in the text, in order; None where a
    name opens with no letters to look for (then it may be anywhere)."""
    openings = _grammar().name_openings[language]
    if not all(openings):
        return None
    names, text = _name_pattern(language), doc.text
    return sorted({s for s, _ in doc.hits(openings) if names.match(text, s)})


@functools.cache
def _article_pattern(language: str) -> regex.Pattern[str]:
    """A pinpoint body then a name, matched at an article word. Built on first use, not with
    :func:`_grammar`: the anchors come from that, and an English text would otherwise pay for
    the pinpoint grammars of three languages it does not hold."""
    by_name, by_abbr = _grammar().name_patterns[language]
    return regex.compile(
        rf"(?P<body>{languages.body_pattern(language)})"
        rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}(?P<name>(?i:{by_name})|{by_abbr})(?![\w/])"
    )


def _name_triggers(language: str) -> tuple[str, ...]:
    """The first words of ``language``'s names, short references and acronyms in the catalog,
    lower-case, keeping those no other holds ("zivilpakt" finds "UN-Zivilpakt"): a name added
    to the data wakes the family."""
    words: set[str] = set()
    for inst in catalog().instruments.values():
        block = inst.languages.get(language, {})
        names = (*declined(language, block.get("names", ())), *block.get("short", ()))
        words.update(n.split()[0].lower() for n in names)
        words.update(a.lower() for a in block.get("abbreviations", ()))
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


#: "la Charte sociale", "la Charte des Nations unies": another charter.
_OTHER_CHARTER = regex.compile(
    r"[\s\u00a0]+(?:[a-zà-ÿ]+[\s\u00a0]+)?(?i:sociale?\b|des\s+Nations|de\s+las\s+Naciones|der\s+Vereinten)"
)


class EUTreatiesFamily:
    """Treaty, Charter and ECHR articles written in another language than English."""

    name = "eu_treaties"
    #: The article words of the three languages that English does not use, and the names and
    #: abbreviations French and German share with nothing English (" tue" also stops at
    #: "Tuesday").
    triggers: tuple[str, ...] = (
        "artículo",
        "artikel",
        "tfue",
        "cedh",
        "la charte",
        "traité",
        " tue",
        # the full names found without an article (BARE_LANGUAGES)
        "tratado",
        "convenio",
        "carta de los derechos",
        "charte des droits",
        "convention de sauvegarde",
        "convention européenne",
        # the German names' first words and the German acronyms, from the catalog ("Artikel
        # 18 des Zivilpakts", "Art. 19 IPbpR", "Art. 6 EUV", "Vertrag über die Europäische
        # Union, Art. 6", "Das Römische Statut")
        *_name_triggers("de"),
    )
    priority = 12
    #: read past a citation: its article pinpoint and its language
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH)
    rules: tuple[Rule, ...] = (ARTICLE_OUT_OF_RANGE,)

    @property
    def anchors(self) -> tuple[str, ...]:
        grammar = _grammar()
        # (where names start: an article word is read only when a name of its language follows)
        openings = sorted({o for found in grammar.name_openings.values() for o in found if o})
        return (*grammar.article_words, *grammar.name_words, *openings)

    def find(self, doc: Document) -> Iterator[Citation]:
        found = sorted(
            [*self._articles(doc), *_bare_names(doc)], key=lambda c: (c.start, c.end)
        )
        kept: list[Citation] = []
        for cit in found:
            if kept and cit.start < kept[-1].end:
                continue  # a name already read with the article before it
            kept.append(cit)
        return iter(kept)

    def _articles(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        grammar = _grammar()
        last_end = 0
        # where each language's names start, found once a body of it may open: a body is read
        # (and its language's pinpoint grammar built) only when a name of it comes later
        name_starts: dict[str, list[int] | None] = {}
        for start, _ in doc.hits(grammar.article_words):
            if start < last_end or (start and (text[start - 1].isalnum())):
                continue
            for lang in grammar.name_patterns:
                if not languages.may_open_body(lang, text, start):
                    continue
                if lang not in name_starts:
                    name_starts[lang] = _name_starts(doc, lang)
                starts = name_starts[lang]
                if starts is not None and bisect.bisect_right(starts, start) == len(starts):
                    continue  # no name of that language after this article word
                m = _article_pattern(lang).match(text, start)
                if m is None or _OTHER_CHARTER.match(text, m.end()):
                    continue
                name = m.group("name")
                found = grammar.names.get(f"{lang}:{_key(name)}") or grammar.names.get(
                    f"{lang}:{name}"
                )
                pin = languages.parse(lang, m.group("body"))
                if found is None or not pin:
                    continue
                slug, by = found
                last_end = m.end()
                yield Citation(
                    id=f"instrument:{slug}",
                    kind=Kind.INSTRUMENT,
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    pinpoint=pin,
                    parts=InstrumentParts(slug, name, by),
                    family=self.name,
                )
                break

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return pinpoint_findings(citation)


def _bare_names(doc: Document) -> Iterator[Citation]:
    """A full name without an article before it (``vu le traité sur l'Union européenne``),
    with the pinpoint written after it (``, et notamment son article 34``; German also
    ``, Art. 6``), in French, Spanish and German."""
    text = doc.text
    grammar = _grammar()
    last_end = 0
    for start, _ in doc.hits(grammar.name_words):
        if start < last_end or (start and text[start - 1].isalnum()):
            continue
        for lang, pattern in grammar.bare.items():
            m = pattern.match(text, start)
            if m is None or _OTHER_CHARTER.match(text, m.end()):
                continue
            name = m.group("name")
            found = grammar.names.get(f"{lang}:{_key(name)}")
            if found is None:
                continue
            slug, by = found
            after = languages.read_after(lang, text, m.end())
            if after is None and lang in COMMA_ARTICLE_LANGUAGES:
                after = languages.read_after_comma(lang, text, m.end())
            end = after.end if after is not None else m.end()
            last_end = end
            yield Citation(
                id=f"instrument:{slug}",
                kind=Kind.INSTRUMENT,
                text=text[m.start() : end],
                start=m.start(),
                end=end,
                pinpoint=after.pinpoint if after is not None else Pinpoint(),
                parts=InstrumentParts(slug, name, by),
                family=EUTreatiesFamily.name,
            )
            break


FAMILY = EUTreatiesFamily()
