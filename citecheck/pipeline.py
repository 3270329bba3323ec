"""The pure pipeline: text -> scan -> short forms and back-references -> offline validation.

No I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from citecheck.families import FAMILIES, FAMILIES_BY_NAME, Document, Family
from citecheck.model import Citation, Finding
from citecheck.scan import scan
from citecheck.shortforms import resolve_short_forms
from citecheck.validate import validate


class CitationParseError(ValueError):
    """Raised by :func:`parse` when the string holds no recognisable citation."""


@attrs.frozen(slots=True)
class CheckResult:
    """Citations and offline findings of one text."""

    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]


def select_families(names: Iterable[str] | None) -> tuple[Family, ...]:
    """The registered families called ``names`` (all when None); ValueError names unknown ones."""
    if names is None:
        return FAMILIES
    if isinstance(names, str):
        names = (names,)
    wanted = set(names)
    unknown = sorted(wanted - set(FAMILIES_BY_NAME))
    if unknown:
        raise ValueError(
            f"unknown citation families: {', '.join(unknown)} "
            f"(known: {', '.join(FAMILIES_BY_NAME)})"
        )
    return tuple(f for f in FAMILIES if f.name in wanted)


def extract(text: str, *, families: Iterable[str] | None = None) -> list[Citation]:
    """Every citation in ``text``, in document order, short forms pointing back.

    ``families`` limits extraction to those family names (e.g. ``{"eu_acts", "cjeu"}``).
    """
    selected = select_families(families)
    doc = Document(text)
    return resolve_short_forms(scan(doc, selected), doc)


def check(text: str, *, families: Iterable[str] | None = None) -> CheckResult:
    """Extract and validate offline (``families`` as for :func:`extract`)."""
    selected = select_families(families)
    doc = Document(text)
    citations = resolve_short_forms(scan(doc, selected), doc)
    return CheckResult(tuple(citations), tuple(validate(citations, doc)))


def parse(text: str) -> Citation:
    """Parse one citation string such as ``"A/HRC/41/35, para. 66"``.

    Returns the first citation found; raises :class:`CitationParseError` if there is none.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    found = [c for c in extract(text) if not c.short_form]
    if not found:
        raise CitationParseError(f"no citation recognised in {text!r}")
    return found[0]
