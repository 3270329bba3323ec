"""Typed, immutable results of the pure core: citations, pinpoints, findings and fixes.

Everything here is an attrs frozen, slotted class so results can be shared between threads,
cached and compared without defensive copies.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Any

import attrs


class Kind(str, enum.Enum):
    """What a citation is; the ``kind`` field of the JSON output."""

    UN_DOCUMENT = "un_document"
    UN_RESOLUTION = "un_resolution"
    GENERAL_COMMENT = "general_comment"
    SP_COMMUNICATION = "sp_communication"
    EU_ACT = "eu_act"
    CELEX = "celex"
    ELI = "eli"
    OJ = "oj"
    CJEU_CASE = "cjeu_case"
    ECLI = "ecli"
    INSTRUMENT = "instrument"
    SHORT_FORM = "short_form"


class Severity(str, enum.Enum):
    """How bad a finding is; ordered so thresholds can be compared."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``: counts in words people read."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def severity_counts(by_severity: Mapping[str, int]) -> str:
    """``1 error, 2 warnings``: worst first, absent severities left out."""
    worst_first = sorted(Severity, key=lambda sev: -sev.rank)
    return ", ".join(
        plural(by_severity[s.value], s.value) for s in worst_first if by_severity.get(s.value)
    )


@attrs.frozen(slots=True)
class PinpointPart:
    """One element of a pinpoint, e.g. ``para. 66`` or ``art. 6(b)``.

    ``unit`` is one of the canonical labels in :data:`UNIT_LABELS`; ``value`` is the number,
    range or sub-division text in canonical form ("66", "3-5", "6(b)", "I", "").
    """

    unit: str
    value: str = ""

    def __str__(self) -> str:
        label = UNIT_LABELS.get(self.unit, self.unit)
        if self.unit == "art" and _ARTICLE_RANGE.match(self.value):
            label = "arts."  # a range of articles, as ``paras. 3-5`` (not ``art. 14(1)-(4)``)
        return f"{label} {self.value}".strip() if self.value else label


_ARTICLE_RANGE = re.compile(r"\d+[a-z]?-\d")


UNIT_LABELS: dict[str, str] = {
    "para": "para.",
    "paras": "paras.",
    "art": "art.",
    "principle": "principle",
    "commentary": "commentary to principle",
    "annex": "annex",
    "page": "p.",
    "pages": "pp.",
    "footnote": "footnote",
    "sect": "sect.",
    "chap": "chap.",
    "title": "title",
    "recital": "recital",
    "recitals": "recitals",
    "point": "point",
    # paragraphs of a resolution by kind: "sixth preambular para." is ``preambular para. 6``
    "preambular_para": "preambular para.",
    "preambular_paras": "preambular paras.",
    "operative_para": "operative para.",
    "operative_paras": "operative paras.",
}


@attrs.frozen(slots=True)
class Pinpoint:
    """Where inside the cited document: zero or more parts, canonically joined by ``; ``."""

    parts: tuple[PinpointPart, ...] = ()

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __add__(self, other: Pinpoint) -> Pinpoint:
        return Pinpoint(self.parts + other.parts)


NO_PINPOINT = Pinpoint()


@attrs.frozen(slots=True)
class Fix:
    """A safe textual replacement of ``text[start:end]``."""

    start: int
    end: int
    replacement: str
    description: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
            "description": self.description,
        }


@attrs.frozen(slots=True)
class Finding:
    """A problem found in a text; ``code`` is stable (see ``citecheck rules``)."""

    code: str
    severity: Severity
    message: str
    start: int
    end: int
    id: str | None = None
    fix: Fix | None = None

    def __str__(self) -> str:
        return f"{self.code} [{self.severity.value}] {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "id": self.id,
            "fix": self.fix.to_json() if self.fix else None,
        }


@attrs.frozen(slots=True)
class Citation:
    """One citation found in a text.

    ``text == source[start:end]`` always holds. ``id`` is the canonical id (``un:A/HRC/41/35``;
    empty for a short form that points back to nothing); ``parts`` is the family's typed parse
    (e.g. :class:`UNSymbol`). ``notes`` are surface observations the parser made (non-canonical
    spelling and the like), turned into findings by the offline validation stage.
    ``str(citation)`` is the id and pinpoint (``un:A/HRC/41/35, para. 66``).
    """

    id: str
    kind: Kind
    text: str
    start: int
    end: int
    pinpoint: Pinpoint = NO_PINPOINT
    parts: Any = None
    short_form: bool = False
    ambiguous: bool = False
    family: str = ""
    notes: tuple[Finding, ...] = ()
    #: For short forms: the position, in the list of citations of the same text, of the
    #: citation pointed back to; ``CheckResult.antecedent(citation)`` gives the citation.
    antecedent: int | None = None
    #: How many code points at the span's start are a pinpoint read before the cited thing's
    #: own words (``paragraphe 1 de l'article 6 du`` before ``règlement (UE) 2016/679``): a
    #: citation of another family there keeps its place and this pinpoint gives way
    #: (:func:`citecheck.scan.scan`). Not part of equality or JSON.
    lead: int = attrs.field(default=0, eq=False, repr=False)

    def __str__(self) -> str:
        name = self.id or f"{self.text.strip()} (points back to nothing)"
        return f"{name}, {self.pinpoint}" if self.pinpoint else name

    @property
    def scheme(self) -> str:
        return self.id.split(":", 1)[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "pinpoint": str(self.pinpoint) if self.pinpoint else None,
            "short_form": self.short_form,
            "ambiguous": self.ambiguous,
        }
