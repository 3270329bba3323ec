"""The one registry of document sources.

Adding a source is one new module with a class following `citecheck.resolve.model.Source`
and one line in `REGISTRY`.
"""

from __future__ import annotations

from citecheck.resolve.model import SourceClass
from citecheck.resolve.sources.catalog import CatalogSource
from citecheck.resolve.sources.cellar import CellarSource
from citecheck.resolve.sources.undl import UndlSource

REGISTRY: tuple[SourceClass, ...] = (
    UndlSource,
    CellarSource,
    CatalogSource,
)


def source_for_scheme() -> dict[str, SourceClass]:
    """Map id scheme (`un`, `celex`, ...) to the class that checks it."""
    return {scheme: cls for cls in REGISTRY for scheme in cls.schemes}


__all__ = ["REGISTRY", "CatalogSource", "CellarSource", "UndlSource", "source_for_scheme"]
