"""Result types of the resolution layer.

A `Resolution` is what a source said about one canonical id.  It is frozen so it can be
cached, shared between files of a run and compared in tests.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

if TYPE_CHECKING:
    from citecheck.resolve.engine import Settings
    from citecheck.resolve.net import Fetcher


class Status(str, enum.Enum):
    """Outcome of checking one id; values are part of the JSON contract."""

    RESOLVED = "resolved"
    NOT_FOUND = "not_found"
    UNVERIFIED = "unverified"
    NOT_CHECKED = "not_checked"


def _tuple_of_str(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in value)


@attrs.frozen(slots=True)
class Resolution:
    """What is known about one id after asking (or not asking) its source."""

    id: str
    status: Status = attrs.field(converter=Status)
    title: str | None = None
    date: str | None = None
    url: str | None = None
    languages: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    source: str | None = None
    reason: str | None = None
    suggestions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    extra: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    def get_extra(self, key: str) -> str | None:
        """First `extra` value under `key` (extra may repeat keys, e.g. files)."""
        for k, v in self.extra:
            if k == key:
                return v
        return None

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form used by the CLI output and the cache."""
        return {
            "id": self.id,
            "status": self.status.value,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "languages": list(self.languages),
            "source": self.source,
            "reason": self.reason,
            "suggestions": list(self.suggestions),
            "extra": [list(p) for p in self.extra],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Resolution:
        """Inverse of `to_json`; raises `ValueError`/`TypeError`/`KeyError` on bad input."""
        if not isinstance(data, dict):
            raise TypeError("resolution must be a JSON object")
        ident = data["id"]
        if not isinstance(ident, str) or ":" not in ident:
            raise ValueError(f"bad id {ident!r}")
        for key in ("title", "date", "url", "source", "reason"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise TypeError(f"{key} must be a string or null")
        extra = data.get("extra") or []
        if not all(isinstance(p, list | tuple) and len(p) == 2 for p in extra):
            raise ValueError("extra must be a list of [key, value] pairs")
        return cls(
            id=ident,
            status=Status(data["status"]),
            title=data.get("title"),
            date=data.get("date"),
            url=data.get("url"),
            languages=data.get("languages") or (),
            source=data.get("source"),
            reason=data.get("reason"),
            suggestions=data.get("suggestions") or (),
            extra=extra,
        )

    def evolve(self, **changes: Any) -> Resolution:
        """Copy with some fields changed."""
        return attrs.evolve(self, **changes)


class Source(Protocol):
    """A document source; one class per file in `citecheck.resolve.sources`.

    `resolve` gets distinct ids of its schemes and must answer every one of them.
    """

    name: ClassVar[str]
    schemes: ClassVar[tuple[str, ...]]
    needs_network: ClassVar[bool]

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """Resolve a batch of ids."""
        ...


class SourceClass(Protocol):
    """What the registry holds: a source class (constructor plus class attributes)."""

    @property
    def name(self) -> str: ...

    @property
    def schemes(self) -> tuple[str, ...]: ...

    @property
    def needs_network(self) -> bool: ...

    def __call__(self, fetcher: Fetcher, settings: Settings) -> Source: ...
