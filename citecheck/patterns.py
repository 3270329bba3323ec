"""Patterns compiled on first use, so ``import citecheck`` and ``citecheck --help`` stay fast.

Why: compiling the family and pinpoint patterns took about a third of the import time, which
every command paid, even those that never scan a text. :func:`lazy_compile` returns an object
with the interface of a compiled ``regex`` pattern; the first attribute read compiles it and
stores the compiled pattern's methods on the object, so later calls cost what a compiled
pattern's do.
"""

from __future__ import annotations

from typing import Any, cast

import regex

#: What a compiled pattern offers; copied onto the lazy object at first use.
_ATTRIBUTES = (
    "search",
    "match",
    "prefixmatch",
    "fullmatch",
    "finditer",
    "findall",
    "split",
    "splititer",
    "sub",
    "subf",
    "subn",
    "subfn",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
    "named_lists",
)


class LazyPattern:
    """A ``regex`` pattern that compiles itself when first used (see the module docstring)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.__dict__["_source"] = (pattern, flags)

    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        done = self.__dict__.get("_compiled")
        if done is None:
            pattern, flags = self.__dict__["_source"]
            done = regex.compile(pattern, flags)
            self.__dict__["_compiled"] = done
            for name in _ATTRIBUTES:
                if hasattr(done, name):
                    self.__dict__[name] = getattr(done, name)
        return cast("regex.Pattern[str]", done)

    def __getattr__(self, name: str) -> Any:
        # Only called for names not yet in __dict__: the first use, or a rare attribute.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        pattern, flags = self.__dict__["_source"]
        return (LazyPattern, (pattern, flags))

    def __repr__(self) -> str:
        pattern, flags = self.__dict__["_source"]
        return f"LazyPattern({pattern!r}, {flags})"


def lazy_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, deferred to the first use.

    Typed as the compiled pattern it stands for: it offers the same attributes (the first
    read compiles it). Code that needs the real object (``isinstance``, passing it to
    ``regex.sub``) calls :meth:`LazyPattern.compiled`.
    """
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags))


_DIGIT = lazy_compile(r"\d")


def unreadable_number(*captures: str | None) -> bool:
    r"""Does a number capture hold a digit this Python's ``int()`` cannot read?

    Why: ``regex`` carries a newer Unicode than the interpreter (3.11: Unicode 14), so its
    ``\d`` also matches the digits of later scripts (Kawi U+11F50..., Garay U+10D40...).
    A number written with one is no number here: the family skips the candidate, as it skips
    any text that is not a citation. The digits ``int()`` reads (ASCII, Arabic-Indic,
    full-width...) are read as before.
    """
    return any(
        c is not None and not c.isascii() and not all(map(str.isdecimal, _DIGIT.findall(c)))
        for c in captures
    )
