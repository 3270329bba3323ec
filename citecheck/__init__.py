"""citecheck: find, parse, check and resolve legal citations in UN and EU texts."""

from citecheck.model import Citation, Finding, Fix, Kind, Pinpoint, PinpointPart, Severity
from citecheck.pipeline import CheckResult, CitationParseError, check, extract, parse

__version__ = "0.1.0"

#: The name on the package index (``pip install legal-citecheck``); the import name and the
#: command stay ``citecheck`` (the index name ``citecheck`` belongs to an unrelated project).
DISTRIBUTION = "legal-citecheck"

__all__ = [
    "DISTRIBUTION",
    "CheckResult",
    "Citation",
    "CitationParseError",
    "Finding",
    "Fix",
    "Kind",
    "Pinpoint",
    "PinpointPart",
    "Severity",
    "__version__",
    "check",
    "extract",
    "parse",
]
