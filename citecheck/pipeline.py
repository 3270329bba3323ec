"""The pure pipeline: text -> scan -> short forms -> offline validation. No I/O."""

from __future__ import annotations

import attrs

from citecheck.families import Document
from citecheck.families.shortforms import resolve_short_forms
from citecheck.model import Citation, Finding
from citecheck.scan import scan
from citecheck.validate import validate


class CitationParseError(ValueError):
    """Raised by :func:`parse` when the string holds no recognisable citation."""


@attrs.frozen(slots=True)
class CheckResult:
    """Citations and offline findings of one text."""

    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]


def extract(text: str) -> list[Citation]:
    """Every citation in ``text``, in document order, short forms pointing back."""
    doc = Document(text)
    return resolve_short_forms(scan(doc), doc)


def check(text: str) -> CheckResult:
    """Extract and validate offline."""
    doc = Document(text)
    citations = resolve_short_forms(scan(doc), doc)
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
