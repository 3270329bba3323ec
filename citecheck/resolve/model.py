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
    from citecheck.resolve.net import Fetcher
    from citecheck.resolve.settings import Settings


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


#: The extra of a cache entry loaded by ``cache import`` (when): an answer given to another
#: machine, which RS101 says it is.
IMPORTED_AT = "imported_at"


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
    # EU acts: whether the act is in force, its end of validity and the acts repealing it.
    in_force: bool | None = None
    end_of_validity: str | None = None
    replaced_by: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    def get_extra(self, key: str) -> str | None:
        """First `extra` value under `key` (extra may repeat keys, e.g. files)."""
        for k, v in self.extra:
            if k == key:
                return v
        return None

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form used by the CLI output and the cache."""
        data: dict[str, Any] = {
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
        if self.in_force is not None or self.end_of_validity or self.replaced_by:
            data["in_force"] = self.in_force
            data["end_of_validity"] = self.end_of_validity
            data["replaced_by"] = list(self.replaced_by)
        return data

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
        if data.get("in_force") is not None and not isinstance(data["in_force"], bool):
            raise TypeError("in_force must be true, false or null")
        if data.get("end_of_validity") is not None and not isinstance(
            data["end_of_validity"], str
        ):
            raise TypeError("end_of_validity must be a string or null")
        replaced = data.get("replaced_by") or []
        if not isinstance(replaced, list) or not all(isinstance(r, str) for r in replaced):
            raise TypeError("replaced_by must be a list of ids")
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
            in_force=data.get("in_force"),
            end_of_validity=data.get("end_of_validity"),
            replaced_by=replaced,
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

    @property
    def url_settings(self) -> tuple[tuple[str, str, str], ...]:
        """(settings field, environment variable, default URL) of each base URL it uses."""
        ...

    @property
    def links(self) -> tuple[tuple[str, str, str], ...]:
        """(scheme, page template with `{value}`, characters kept unquoted) for people."""
        ...

    @property
    def confirms_missing(self) -> bool:
        """Asked also after an earlier source's `not_found` (a catalogue may lag behind)."""
        ...

    @property
    def enabled_by(self) -> str | None:
        """A boolean settings field that switches this source off, if any."""
        ...

    @property
    def batch_setting(self) -> str | None:
        """The settings field holding how many ids go in one request (None: one per id)."""
        ...

    @property
    def answered_as(self) -> tuple[tuple[str, str], ...]:
        """(`Resolution.source` name, settings field of the base URL that answers under it)."""
        ...

    def __call__(self, fetcher: Fetcher, settings: Settings) -> Source: ...
