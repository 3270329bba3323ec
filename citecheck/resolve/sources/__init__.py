"""The one registry of document sources.

Adding a source is one new module with a class following `citecheck.resolve.model.Source`
and one line in `REGISTRY`.  Order matters: for each scheme the engine asks the local index
first (`sources.index`, no network), then the cache, then these sources in registry order; an
`unverified` answer (or none) passes the id to the next one, and a source that
`confirms_missing` is also asked after a `not_found` (ODS after the UN Digital Library).
`--offline` stops before the first source that `needs_network`.
"""

from __future__ import annotations

from citecheck.resolve.model import SourceClass
from citecheck.resolve.sources.catalog import CatalogSource
from citecheck.resolve.sources.cellar import CellarSource
from citecheck.resolve.sources.ods import OdsSource
from citecheck.resolve.sources.undl import UndlSource

REGISTRY: tuple[SourceClass, ...] = (
    UndlSource,
    OdsSource,
    CellarSource,
    CatalogSource,
)


def sources_for_scheme() -> dict[str, tuple[SourceClass, ...]]:
    """Map id scheme (`un`, `celex`, ...) to the live sources that check it, in order."""
    out: dict[str, list[SourceClass]] = {}
    for cls in REGISTRY:
        for scheme in cls.schemes:
            out.setdefault(scheme, []).append(cls)
    return {k: tuple(v) for k, v in out.items()}


def source_for_scheme() -> dict[str, SourceClass]:
    """Map id scheme to the first live source that checks it."""
    return {k: v[0] for k, v in sources_for_scheme().items()}


__all__ = [
    "REGISTRY",
    "CatalogSource",
    "CellarSource",
    "OdsSource",
    "UndlSource",
    "source_for_scheme",
    "sources_for_scheme",
]
