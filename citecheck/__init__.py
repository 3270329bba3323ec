"""citecheck: find, parse, check and resolve legal citations in UN and EU texts."""

from citecheck.model import Citation, Finding, Fix, Kind, Pinpoint, PinpointPart, Severity
from citecheck.pipeline import CheckResult, CitationParseError, check, extract, parse

__version__ = "0.1.0"

__all__ = [
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
