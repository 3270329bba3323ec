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


#: The stages after the scan that read the text around citations; each module declares
#: ``REACH_AFTER``, how far past a citation's end it reads (as a family's ``reach_after``).
_STAGE_MODULES: tuple[str, ...] = ("citecheck.shortforms",)


def _declared_reach(owner: object, value: object) -> int:
    """`value`, a declared reach after a citation; a missing or malformed one fails loudly
    (a window nobody declared would let the editor show stale answers)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(f"{owner} must declare how far it reads past a citation: got {value!r}")
    return value


def _load() -> tuple[Family, ...]:
    families: list[Family] = []
    for name in _FAMILY_MODULES:
        module = importlib.import_module(f"citecheck.families.{name}")
        family = module.FAMILY
        _declared_reach(f"family {name!r} (reach_after)", getattr(family, "reach_after", None))
        families.append(family)
    return tuple(families)


def reach_after() -> int:
    """How far past a citation's end any family or later stage reads: the largest of their
    declarations.  An edit further after a citation cannot change what a check says of it."""
    families: tuple[Family, ...] = globals().get("FAMILIES") or __getattr__("FAMILIES")
    reaches = [family.reach_after for family in families]
    for name in _STAGE_MODULES:
        declared = getattr(importlib.import_module(name), "REACH_AFTER", None)
        reaches.append(_declared_reach(f"stage {name!r} (REACH_AFTER)", declared))
    return max(reaches)


if TYPE_CHECKING:
    FAMILIES: tuple[Family, ...]
    FAMILIES_BY_NAME: dict[str, Family]


def __getattr__(name: str) -> Any:
    if name not in ("FAMILIES", "FAMILIES_BY_NAME"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    families = _load()
    globals().update(FAMILIES=families, FAMILIES_BY_NAME={f.name: f for f in families})
    return globals()[name]


__all__ = ["FAMILIES", "FAMILIES_BY_NAME", "Document", "Family", "reach_after"]
