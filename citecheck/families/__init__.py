"""The one registry of citation families.

Adding a family is one new module in this package and one line in ``_FAMILY_MODULES``.
Each module exposes ``FAMILY``, an object implementing :class:`citecheck.families.base.Family`.
"""

from __future__ import annotations

import importlib

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


FAMILIES: tuple[Family, ...] = _load()
FAMILIES_BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}

__all__ = ["FAMILIES", "FAMILIES_BY_NAME", "Document", "Family"]
