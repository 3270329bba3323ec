"""citecheck: find, parse, check and resolve legal citations in UN and EU texts.

The names below are imported on first use (PEP 562), so ``import citecheck`` and
``citecheck --help`` do not pay for the extraction pipeline until it is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.api import check
    from citecheck.config import Config, ConfigError, load_config
    from citecheck.model import Citation, Finding, Fix, Kind, Pinpoint, PinpointPart, Severity
    from citecheck.pipeline import CheckResult, CitationParseError, Summary, extract, parse

__version__ = "0.1.0"

#: The name on the package index (``pip install legal-citecheck``); the import name and the
#: command stay ``citecheck`` (the index name ``citecheck`` belongs to an unrelated project).
DISTRIBUTION = "legal-citecheck"

#: Public name -> the module that defines it.
_HOMES = {
    "check": "citecheck.api",
    "Config": "citecheck.config",
    "ConfigError": "citecheck.config",
    "load_config": "citecheck.config",
    **dict.fromkeys(
        ("Citation", "Finding", "Fix", "Kind", "Pinpoint", "PinpointPart", "Severity"),
        "citecheck.model",
    ),
    **dict.fromkeys(
        ("CheckResult", "CitationParseError", "Summary", "extract", "parse"), "citecheck.pipeline"
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "DISTRIBUTION",
    "CheckResult",
    "Citation",
    "CitationParseError",
    "Config",
    "ConfigError",
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
