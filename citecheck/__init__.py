"""citecheck: find, parse, check and resolve legal citations in UN and EU texts."""

from citecheck.api import check
from citecheck.config import Config, load_config
from citecheck.model import Citation, Finding, Fix, Kind, Pinpoint, PinpointPart, Severity
from citecheck.pipeline import CheckResult, CitationParseError, Summary, extract, parse

__version__ = "0.1.0"

#: The name on the package index (``pip install legal-citecheck``); the import name and the
#: command stay ``citecheck`` (the index name ``citecheck`` belongs to an unrelated project).
DISTRIBUTION = "legal-citecheck"

__all__ = [
    "DISTRIBUTION",
    "CheckResult",
    "Citation",
    "CitationParseError",
    "Config",
    "Finding",
    "Fix",
    "Kind",
    "Pinpoint",
    "PinpointPart",
    "Severity",
    "Summary",
    "__version__",
    "check",
    "extract",
    "load_config",
    "parse",
]
