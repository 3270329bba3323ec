"""The one registry of citation families.

Adding a family is one new module in this package and one line in ``_FAMILY_MODULES``.
Each module exposes ``FAMILY``, an object implementing :class:`citecheck.families.base.Family`.
The modules load when ``FAMILIES`` is first read (PEP 562), so importing ``Document`` (readers,
config, the command line) does not compile the grammars.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from citecheck.families.base import Document, Family

_FAMILY_MODULES: tuple[str, ...] = (
    "un_symbols",
    "un_prose",
    "general_comments",
    "spcomm",
    "eu_acts",
    "eu_identifiers",
    "oj",
    "cjeu",
    "instruments",
    "eu_treaties",
    "backrefs",
    "shortforms",
)


def _load() -> tuple[Family, ...]:
    families: list[Family] = []
    for name in _FAMILY_MODULES:
        module = importlib.import_module(f"citecheck.families.{name}")
        families.append(module.FAMILY)
    return tuple(families)


if TYPE_CHECKING:
    FAMILIES: tuple[Family, ...]
    FAMILIES_BY_NAME: dict[str, Family]


def __getattr__(name: str) -> Any:
    if name not in ("FAMILIES", "FAMILIES_BY_NAME"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    families = _load()
    globals().update(FAMILIES=families, FAMILIES_BY_NAME={f.name: f for f in families})
    return globals()[name]


__all__ = ["FAMILIES", "FAMILIES_BY_NAME", "Document", "Family"]
