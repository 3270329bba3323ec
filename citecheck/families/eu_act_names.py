"""EU acts cited by their established short names: ``Article 17 GDPR``, ``Article 6(1)(a) of
the GDPR``, ``article 17 du RGPD``, ``Art. 6 Abs. 1 lit. a DS-GVO``, ``GDPR, Art. 17``, ``the
Digital Services Act`` -> ``celex:32016R0679`` / ``celex:32022R2065`` with the article pinpoint.

The names come from ``data/eu_act_names.json``. Full names match in any case, acronyms only as
written; both as whole words (not ``RGPDs``, ``DSGVO-konform``, ``/gdpr/``) and not after a
country's name (``UK GDPR``). The acronyms too common to stand alone (``DSA``) count only right
after an article pinpoint. A name closing an
act's own title in brackets (``... (General Data Protection Regulation)``) is that citation's,
not another. A name the text defines itself (``('the GDPR')``) is left to the
back-references family, which binds its uses to the act cited before the definition.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

import attrs
import regex

from citecheck import knowledge
from citecheck.families.base import Document
from citecheck.model import Citation, Finding, Kind, Pinpoint
from citecheck.pinpoints import languages
from citecheck.pinpoints.articles import ArticlePinpoint, parse_body, read_after, read_before
from citecheck.rules import Rule


@attrs.frozen(slots=True)
class ActNameParts:
    """The typed parse of an act cited by name: its CELEX number, the name as written, the
    language of that name and whether it was a full ``name`` or an ``acronym``."""

    celex: str
    name: str
    language: str
    by: str
    #: the act's citation by type and number (``Regulation (EU) 2016/679``)
    citation: str


@attrs.frozen(slots=True)
class _Name:
    celex: str
    citation: str
    languages: tuple[str, ...]
    by: str
    pinpoint_only: bool


@attrs.frozen(slots=True)
class _Table:
    #: lower-case full name -> what it names
    names: Mapping[str, _Name]
    #: acronym as written -> what it names
    acronyms: Mapping[str, _Name]
    #: the words naming another country's law of the same name ("UK GDPR"), just before it
    other_law: regex.Pattern[str]


def _merge(table: dict[str, _Name], key: str, name: _Name) -> None:
    """One written name used by several languages (``RGPD``) is read in each of them."""
    known = table.get(key)
    if known is not None:
        name = attrs.evolve(name, languages=(*known.languages, *name.languages))
    table[key] = name


@functools.cache
def _table() -> _Table:
    names: dict[str, _Name] = {}
    acronyms: dict[str, _Name] = {}
    for act in knowledge.load("eu_act_names.json")["acts"]:
        celex, citation = act["celex"], act["citation"]
        for lang, written in act.get("names", {}).items():
            for name in written:
                _merge(names, name.lower(), _Name(celex, citation, (lang,), "name", False))
        for key, only in (("acronyms", False), ("pinpoint_only", True)):
            for lang, written in act.get(key, {}).items():
                for name in written:
                    _merge(acronyms, name, _Name(celex, citation, (lang,), "acronym", only))
    words = knowledge.load("eu_act_names.json")["not_after"]["words"]
    other = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return _Table(names, acronyms, regex.compile(rf"(?<!\w)(?:{other})[ \u00a0]{{1,2}}\Z"))


#: "Article 17 GDPR", "Art. 6(1)(a) GDPR", "Articles 5 and 6 GDPR": an English article right
#: before the name.
_ARTICLE_RIGHT_BEFORE = regex.compile(
    r"(?<![\w])(?P<body>(?:Articles?|Art\.)[ \u00a0]{1,2}\d{1,3}[a-z]?(?:\(\w{1,4}\))*"
    r"(?:(?:,[ \u00a0]|[ \u00a0]and[ \u00a0])\d{1,3}[a-z]?(?:\(\w{1,4}\))*)*)[ \u00a0]{1,2}\Z"
)
_ARTICLE_REACH = 60


def _joined(text: str, i: int, step: int) -> bool:
    """Does the character at ``i`` join the name to a word (a letter or digit; a hyphen, slash,
    colon or dot with a letter or digit beyond it: ``DSGVO-konform``, ``eu/gdpr``)?"""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum() or text[i] == "_":
        return True
    beyond = i + step
    return text[i] in "-\u2010\u2011/:." and 0 <= beyond < len(text) and text[beyond].isalnum()


_OPENING_QUOTE = regex.compile(
    r"[('\u2018\u201a\u201c\u201e\"\u00ab][ \u00a0]?(?:(?i:the|le|la|el|die|der|das)[ \u00a0])?\Z"
)
_CLOSING_QUOTES = "'\u2018\u2019\u201c\u201d\"\u00bb"


def _defined_at(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` the text defining it: quoted, ``('the GDPR')``?"""
    after = text[end : end + 2].lstrip(" \u00a0")
    return (
        after[:1] in _CLOSING_QUOTES
        and after[:1] != ""
        and _OPENING_QUOTE.search(text, max(0, start - 8), start) is not None
    )


def _before(lang: str, text: str, start: int) -> ArticlePinpoint | None:
    """The pinpoint written just before the name at ``start``, in ``lang``."""
    if lang == "en":
        found = read_before(text, start)
        if found is not None:
            return found
        m = _ARTICLE_RIGHT_BEFORE.search(text, max(0, start - _ARTICLE_REACH), start)
        if m is None:
            return None
        pin = parse_body(m.group("body"))
        return ArticlePinpoint(pin, m.start(), start) if pin else None
    return languages.read_before(lang, text, start) or languages.read_just_before(lang, text, start)


def _after(lang: str, text: str, end: int) -> ArticlePinpoint | None:
    """The pinpoint written just after the name ending at ``end`` (``GDPR, Art. 17``)."""
    if lang == "en":
        return read_after(text, end)
    return languages.read_after(lang, text, end)


class EUActNamesFamily:
    """EU acts cited by their short names (GDPR, RGPD, DSGVO, Digital Services Act)."""

    name = "eu_act_names"
    triggers: tuple[str, ...] = ()
    #: above the back-references family, which reads "the General Data Protection Regulation"
    #: as a "the ... Regulation" back-reference
    priority = 1
    rules: tuple[Rule, ...] = ()

    @property
    def anchors(self) -> tuple[str, ...]:
        table = _table()
        return tuple(sorted({*table.names, *(a.lower() for a in table.acronyms)}))

    def find(self, doc: Document) -> Iterator[Citation]:
        table = _table()
        text = doc.text
        spans = [(s, e, table.names[text[s:e].lower()]) for s, e in doc.hits(table.names)]
        spans += [
            (s, e, table.acronyms[text[s:e]]) for s, e in doc.hits(table.acronyms, exact=True)
        ]
        spans.sort(key=lambda s: (s[0], -s[1]))
        defined = {*doc.acronyms, *(text[s:e] for s, e, _ in spans if _defined_at(text, s, e))}
        last_end = 0
        for start, end, name in spans:
            if start < last_end or _joined(text, start - 1, -1) or _joined(text, end, 1):
                continue
            if text[start:end] in defined:
                continue  # the text's own short name, bound by the short-form stage
            if table.other_law.search(text, max(0, start - 20), start) is not None:
                continue  # "UK GDPR": another country's law
            cit = self._citation(text, start, end, name)
            if cit is not None:
                last_end = cit.end
                yield cit

    def _citation(self, text: str, start: int, end: int, name: _Name) -> Citation | None:
        pinpoint, cit_start, cit_end = Pinpoint(), start, end
        lang = name.languages[0]
        for lang in name.languages:
            found = _before(lang, text, start)
            if found is not None:
                pinpoint, cit_start = found.pinpoint, found.start
                break
        if not pinpoint and not name.pinpoint_only:
            for lang in name.languages:
                found = _after(lang, text, end)
                if found is not None:
                    pinpoint, cit_end = found.pinpoint, found.end
                    break
            else:
                lang = name.languages[0]
        if not pinpoint and name.pinpoint_only:
            return None
        if not pinpoint and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            return None  # the closing part of the act's own title
        return Citation(
            id=f"celex:{name.celex}",
            kind=Kind.EU_ACT,
            text=text[cit_start:cit_end],
            start=cit_start,
            end=cit_end,
            pinpoint=pinpoint,
            parts=ActNameParts(name.celex, text[start:end], lang, name.by, name.citation),
            family=self.name,
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


FAMILY = EUActNamesFamily()
