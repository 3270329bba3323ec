"""Helpers for table tests that run one citation family alone through ``scan``.

Running a family alone means a bug in another family cannot hide (or cause) a failure here.
"""

from __future__ import annotations

from citecheck.families import Document, Family
from citecheck.model import Citation, Finding, Kind
from citecheck.scan import scan


def found_by(family: Family, kind: Kind, text: str) -> list[Citation]:
    """Citations of ``family`` alone, checking spans and kind on the way."""
    cits = scan(Document(text), [family])
    for c in cits:
        assert text[c.start : c.end] == c.text
        assert c.kind is kind
    return cits


def findings_by(family: Family, text: str) -> list[Finding]:
    """Parse notes and offline findings of ``family`` alone."""
    doc = Document(text)
    out: list[Finding] = []
    for c in scan(doc, [family]):
        out.extend(c.notes)
        out.extend(family.validate(c, doc))
    return out


def assert_family_is_total(family: Family, scheme: str, text: str) -> None:
    """Property-test body: on any text the family never raises, its spans match the text,
    its ids carry its scheme, and validating what it found never raises either."""
    doc = Document(text)
    for c in scan(doc, [family]):
        assert text[c.start : c.end] == c.text
        assert c.id.startswith(scheme + ":")
        list(family.validate(c, doc))


def instrument_catalog_phrases() -> list[str]:
    """Every name, abbreviation and short name of the instrument catalog, in every language,
    as written and with the first word in capitals (as the names' guard accepts them)."""
    from citecheck import knowledge

    raw = knowledge.load("instruments.json")
    phrases: set[str] = set(raw["bare_short"]["words"])
    for entry in raw["instruments"]:
        for key, value in entry.items():
            if key in ("names", "abbreviations", "bare_abbreviations", "short", "open_names"):
                phrases.update(value)
            elif key.endswith("_by_language"):
                phrases.update(p for names in value.values() for p in names)
    upper = {" ".join((p.split()[0].upper(), *p.split()[1:])) for p in phrases}
    return sorted(phrases | upper)
