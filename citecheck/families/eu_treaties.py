"""Articles of the EU Treaties, the Charter and the ECHR cited in French, Spanish and German:
``article 47 de la Charte``, ``artículo 267 TFUE``, ``Art. 267 AEUV``, ``Artikel 6 Absatz 1
EUV``, ``article 6 de la CEDH`` -> ``instrument:cfr`` / ``tfeu`` / ``teu`` / ``echr`` with the
article pinpoint (``art. 47``, ``art. 6(1)``).

The names come from the ``languages`` field of the instrument catalog and the article words
from the lexicon tables; English forms stay with the instruments family.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

import attrs
import regex

from citecheck.families.base import Document
from citecheck.families.instruments import InstrumentParts, catalog
from citecheck.model import Citation, Finding, Kind
from citecheck.pinpoints import languages
from citecheck.rules import Rule

#: The languages whose treaty names the catalog holds.
LANGUAGES = ("de", "es", "fr")
_S = r"[\s\u00a0]{1,3}"


def _key(written: str) -> str:
    return " ".join(written.lower().replace("\u2019", "'").split())


def _words(name: str) -> str:
    """A name as a pattern: words joined by white space, either apostrophe."""
    return _S.join(regex.escape(w).replace("'", "['’]") for w in name.split())


@attrs.frozen(slots=True)
class _Grammar:
    #: written name (lower-case key) or abbreviation -> (language, slug, how it was named)
    names: Mapping[str, tuple[str, str, str]]
    #: every name and abbreviation: one pass over the text finds the candidates
    anchor: regex.Pattern[str]
    #: per language: pinpoint body then name, anchored at the end of the name
    articles: Mapping[str, regex.Pattern[str]]


@functools.cache
def _grammar() -> _Grammar:
    names: dict[str, tuple[str, str, str]] = {}
    written: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    abbrs: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for inst in catalog().instruments.values():
        for lang in LANGUAGES:
            block = inst.languages.get(lang, {})
            for key, by in (("names", "name"), ("short", "short")):
                for name in block.get(key, ()):
                    names[f"{lang}:{_key(name)}"] = (lang, inst.slug, by)
                    written[lang].append(name)
            for abbr in block.get("abbreviations", ()):
                names[f"{lang}:{abbr}"] = (lang, inst.slug, "abbreviation")
                abbrs[lang].append(abbr)
    every_name = sorted({n for ns in written.values() for n in ns}, key=len, reverse=True)
    every_abbr = sorted({a for a_s in abbrs.values() for a in a_s}, key=len, reverse=True)
    anchor = regex.compile(
        "(?<!\\w)(?:(?i:"
        + "|".join(_words(n) for n in every_name)
        + ")"
        + "|"
        + "|".join(regex.escape(a) for a in every_abbr)
        + ")(?![\\w/])"
    )
    articles = {}
    for lang in LANGUAGES:
        by_name = "|".join(_words(n) for n in sorted(written[lang], key=len, reverse=True))
        by_abbr = "|".join(regex.escape(a) for a in sorted(abbrs[lang], key=len, reverse=True))
        articles[lang] = regex.compile(
            rf"(?<!\w)(?P<body>{languages.body_pattern(lang)})"
            rf"[\s\u00a0]{{0,3}},?[\s\u00a0]{{0,3}}(?P<name>(?i:{by_name})|{by_abbr})\Z"
        )
    return _Grammar(names, anchor, articles)


#: How far before a treaty's name its article may start ("article 6, paragraphe 1, sous b),
#: de la").
_REACH = 120
#: "la Charte sociale", "la Charte des Nations unies": another charter.
_OTHER_CHARTER = regex.compile(
    r"[\s\u00a0]+(?:[a-zà-ÿ]+[\s\u00a0]+)?(?i:sociale?\b|des\s+Nations|de\s+las\s+Naciones|der\s+Vereinten)"
)


class EUTreatiesFamily:
    """Treaty, Charter and ECHR articles written in another language than English."""

    name = "eu_treaties"
    triggers: tuple[str, ...] = ("art",)  # every form holds an article word
    priority = 12
    rules: tuple[Rule, ...] = ()

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        grammar = _grammar()
        for hit in grammar.anchor.finditer(text):
            if _OTHER_CHARTER.match(text, hit.end()):
                continue
            for lang, pattern in grammar.articles.items():
                m = pattern.search(text, max(0, hit.start() - _REACH), hit.end())
                if m is None:
                    continue
                name = m.group("name")
                found = grammar.names.get(f"{lang}:{_key(name)}") or grammar.names.get(
                    f"{lang}:{name}"
                )
                pin = languages.parse(lang, m.group("body"))
                if found is None or not pin:
                    continue
                _, slug, by = found
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
        return iter(())


FAMILY = EUTreatiesFamily()
