"""Stage 3: offline validation. Parse notes plus each family's semantic checks, as findings."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.families import FAMILIES_BY_NAME, Document
from citecheck.model import Citation, Finding, Fix


def validate(citations: Sequence[Citation], doc: Document) -> list[Finding]:
    """All offline findings for these citations, in document order. A finding about a span
    that several citations share ("A/RES/59/284 A and B", one citation per letter) is
    reported once, for the first of them: same code, span, message and fix."""
    findings: list[Finding] = []
    for cit in citations:
        findings.extend(cit.notes)
        family = FAMILIES_BY_NAME.get(cit.family)
        if family is not None:
            findings.extend(family.validate(cit, doc))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    seen: set[tuple[str, int, int, str, Fix | None]] = set()
    once: list[Finding] = []
    for f in findings:
        key = (f.code, f.start, f.end, f.message, f.fix)
        if key not in seen:
            seen.add(key)
            once.append(f)
    return once
