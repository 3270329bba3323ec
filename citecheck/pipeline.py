"""The pure pipeline: text -> scan -> short forms and back-references -> offline validation.

No I/O.
"""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from citecheck.families import FAMILIES, FAMILIES_BY_NAME, Document, Family
from citecheck.model import Citation, Finding, plural, severity_counts
from citecheck.scan import scan
from citecheck.shortforms import resolve_short_forms
from citecheck.validate import validate


class CitationParseError(ValueError):
    """Raised by :func:`parse` when the string holds no recognisable citation."""


@attrs.frozen(slots=True)
class Summary:
    """Counts of one check: ``str(summary)`` reads ``3 citations, 1 finding (1 warning)``."""

    citations: int
    findings: int
    by_severity: Mapping[str, int]
    by_code: Mapping[str, int]
    #: resolution status -> citations (``not_checked`` when nothing was resolved)
    by_status: Mapping[str, int]

    def __str__(self) -> str:
        line = f"{plural(self.citations, 'citation')}, {plural(self.findings, 'finding')}"
        return f"{line} ({severity_counts(self.by_severity)})" if self.findings else line


@attrs.frozen(slots=True)
class CheckResult:
    """Citations and findings of one text, and what the sources said when it was resolved.

    ``resolutions`` maps an id to the source's answer as JSON (``status``, ``title``, ``url``,
    ...); it is empty unless the check resolved the citations.
    """

    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]
    resolutions: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)

    @property
    def summary(self) -> Summary:
        statuses = Counter(self.status(c) for c in self.citations)
        return Summary(
            citations=len(self.citations),
            findings=len(self.findings),
            by_severity=dict(Counter(f.severity.value for f in self.findings)),
            by_code=dict(sorted(Counter(f.code for f in self.findings).items())),
            by_status=dict(statuses),
        )

    def status(self, citation: Citation) -> str:
        """``resolved``, ``not_found``, ``unverified`` or ``not_checked``."""
        return str(self.resolutions.get(citation.id, {}).get("status", "not_checked"))

    def antecedent(self, citation: Citation) -> Citation | None:
        """The citation a short form (``Ibid.``, ``supra``) points back to, if any."""
        if citation.antecedent is None:
            return None
        return self.citations[citation.antecedent]

    def findings_for(self, citation: Citation) -> tuple[Finding, ...]:
        """The findings about this citation (those that overlap its text)."""
        return tuple(
            f for f in self.findings if f.start < citation.end and f.end > citation.start
        )


def require_text(text: object, function: str) -> str:
    """The text itself, or a TypeError that says what to pass instead."""
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray):
        raise TypeError(
            f"{function}() takes the text as a str, not {type(text).__name__}: decode it "
            "first, e.g. data.decode('utf-8')"
        )
    what = "None" if text is None else type(text).__name__
    hint = ": read the file first, e.g. path.read_text('utf-8')" if hasattr(text, "read") else ""
    raise TypeError(f"{function}() takes the text as a str, not {what}{hint}")


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
    doc = Document(require_text(text, "extract"))
    with gc_paused():
        return resolve_short_forms(scan(doc, selected), doc)


def check(text: str, *, families: Iterable[str] | None = None) -> CheckResult:
    """Extract and validate offline (``families`` as for :func:`extract`)."""
    selected = select_families(families)
    doc = Document(require_text(text, "check"))
    with gc_paused():
        citations = resolve_short_forms(scan(doc, selected), doc)
        return CheckResult(tuple(citations), tuple(validate(citations, doc)))


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside one pass: the pass makes no reference cycles worth
    collecting, and on a flood of citations (10^5 ``Ibid.`` lines) the collector's full scans
    of the growing heap took a quarter of the time.  Reference counting still frees memory."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse(text: str) -> Citation:
    """Parse one citation string such as ``"A/HRC/41/35, para. 66"``.

    Returns the first full citation found (``extract`` gives them all, e.g. for
    ``"resolutions 43/4 and 44/15"``); raises :class:`CitationParseError` if there is none.
    """
    found = [c for c in extract(require_text(text, "parse")) if not c.short_form]
    if not found:
        raise CitationParseError(f"no citation recognised in {text!r}")
    return found[0]
