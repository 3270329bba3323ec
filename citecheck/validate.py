"""Stage 3: offline validation. Parse notes plus each family's semantic checks, as findings."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.families import FAMILIES_BY_NAME, Document
from citecheck.model import Citation, Finding


def validate(citations: Sequence[Citation], doc: Document) -> list[Finding]:
    """All offline findings for these citations, in document order."""
    findings: list[Finding] = []
    for cit in citations:
        findings.extend(cit.notes)
        family = FAMILIES_BY_NAME.get(cit.family)
        if family is not None:
            findings.extend(family.validate(cit, doc))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings
