"""The session's resolvers and the answers they gave.

Resolution uses ONE `citecheck.resolve.Resolver` per distinct settings for the whole session
(made on first use, closed on shutdown/exit), so its SQLite cache connection, its answers and
the per-host circuit breaker survive from one keystroke run to the next.  When its index
changes (replaced, created, removed or updated in place: one `stat` and one PRAGMA per check)
the resolver opens it again and forgets the index's answers, and the server drops its own.
The source URLs and cache directory come from the project's config file as in `citecheck
check`, but only when the user trusts it (`CITECHECK_TRUST_CONFIG`); `CITECHECK_*`
environment variables beat it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Hashable, Mapping
from typing import Any

import attrs

from citecheck.config import TRUST_ENV, Config, config_trusted
from citecheck.resolve.model import Resolution

log = logging.getLogger(__name__)

UNVERIFIED_RETRY_SECONDS = 60.0


def _env_has(key: str) -> bool:
    return bool(os.environ.get("CITECHECK_" + key.upper()))


def resolver_overrides(config: Config, offline: bool) -> dict[str, Any]:
    """`settings_from_env` keywords for `config`, as `citecheck check` builds them.

    The file's URLs and cache directory apply (when trusted) unless a `CITECHECK_*` variable
    sets them; offline when the session (command line / initializationOptions) or the file
    says so.
    """
    out = {k: v for k, v in config.resolve_overrides().items() if not _env_has(k)}
    out["offline"] = offline or config.offline
    return out


def untrusted_config_message(config: Config) -> str | None:
    """What the CLI warns when a config's source URLs / cache-dir are ignored; None if none."""
    keys = config.untrusted_keys()
    if not keys or config_trusted():
        return None
    return (
        f"citecheck: {config.path}: ignoring {', '.join(keys)}: a repository's config may not "
        f"choose the sources or the cache (set {TRUST_ENV}=1 for the server if you trust it)"
    )


def settings_key(overrides: Mapping[str, Any]) -> Hashable:
    return tuple(sorted((k, str(v)) for k, v in overrides.items()))


def index_signature(resolver: Any) -> Hashable:
    """What identifies the version of the index `resolver` reads, cheap enough for every
    check.  A real `Resolver` checks its index itself (`Resolver.index_changes`: it reopens a
    changed one and forgets the answers it gave); for another resolver, the index file's
    `citecheck.index.db.file_identity` (None when it uses none or there is no such file)."""
    changes = getattr(resolver, "index_changes", None)
    if changes is not None:
        return ("changes", changes())
    settings = getattr(resolver, "settings", None)  # test doubles may lack it
    if settings is None or not getattr(settings, "use_index", False):
        return None
    from citecheck.index.db import default_path, file_identity

    try:
        return file_identity(default_path(settings.index_path))
    except ValueError:
        return None


def _resolver_class() -> Any:
    """`citecheck.lsp.RESOLVER_CLASS` (a test hook, read at use) or the real `Resolver`."""
    import citecheck.lsp as hooks
    from citecheck.resolve import Resolver

    return hooks.RESOLVER_CLASS or Resolver


class SessionResolvers:
    """The session's `Resolver`s: one per distinct settings (normally just one), each made on
    first use and kept until `close`, so cache, answers and circuit breaker are shared.

    Calls are serialised (a `Resolver` is not safe for concurrent `aresolve`s: they share
    one HTTP client).  `Resolver` remembers every answer, including unverified ones; those
    are forgotten before being asked again, so the server's retry after
    `UNVERIFIED_RETRY_SECONDS` reaches the network.
    """

    def __init__(self) -> None:
        self.resolvers: dict[Hashable, Any] = {}
        #: the index version each resolver last read (`index_signature`)
        self.index_files: dict[Hashable, Hashable] = {}
        #: counts the resolvers retired because their index file changed: answers asked
        #: before a change are not kept after it
        self.epoch = 0
        self.closed = False
        self._lock = asyncio.Lock()
        self._busy: Any = None  # the resolver an `aresolve` is running on
        self._retired: list[Any] = []  # replaced while busy: closed when its call ends

    def _new(self, overrides: Mapping[str, Any]) -> Any:
        from citecheck.resolve import settings_from_env

        resolver = _resolver_class()(settings_from_env(**overrides))
        self.index_files[settings_key(overrides)] = index_signature(resolver)
        return resolver

    def index_changed(self, overrides: Mapping[str, Any]) -> bool:
        """Whether the index of `overrides`' resolver changed since it was last asked; if so
        the caller drops its answers.  A real `Resolver` reopened the index and forgot the
        index's answers by itself, so it is kept (with its cache connection and circuit
        breaker); another is retired (the next use makes a new one)."""
        key = settings_key(overrides)
        resolver = self.resolvers.get(key)
        if resolver is None:
            return False
        now = index_signature(resolver)
        if now == self.index_files.get(key):
            return False
        self.epoch += 1
        log.info("the index changed; it is opened again")
        if getattr(resolver, "index_changes", None) is not None:
            self.index_files[key] = now
            return True
        del self.resolvers[key]
        if resolver is self._busy:
            self._retired.append(resolver)
        else:
            self._close(resolver)
        return True

    async def resolve(self, ids: list[str], overrides: Mapping[str, Any]) -> dict[str, Any]:
        """`{id: Resolution}` from the resolver of `overrides`."""
        key = settings_key(overrides)
        async with self._lock:
            if self.closed:
                raise RuntimeError("the session is shutting down")
            resolver = self.resolvers.get(key)
            if resolver is None:
                resolver = self.resolvers[key] = self._new(overrides)
            forget = getattr(resolver, "forget_unverified", None)  # test doubles may lack it
            if forget is not None:
                forget(ids)
            self._busy = resolver
            try:
                answers = await resolver.aresolve(ids)
            finally:
                self._busy = None
                if resolver in self._retired:
                    self._retired.remove(resolver)
                    self._close(resolver)
        return dict(answers)

    def from_index(self, ids: list[str], overrides: Mapping[str, Any]) -> dict[str, Resolution]:
        """The local index's definite answers, at once: a synchronous SQLite read, no network
        and no wait for a running `aresolve` (both run on the event loop's thread)."""
        if self.closed:
            return {}
        key = settings_key(overrides)
        resolver = self.resolvers.get(key)
        if resolver is None:
            resolver = self.resolvers[key] = self._new(overrides)
        ask = getattr(resolver, "from_index", None)  # test doubles may lack it
        return dict(ask(ids)) if ask is not None else {}

    def problems(self) -> list[str]:
        """Why a resolver could not use the local index (its answers then come from the
        cache and the live sources only): said once in the editor's window."""
        found = (getattr(r, "index_problem", None) for r in self.resolvers.values())
        return [p for p in found if isinstance(p, str) and p]

    def close(self) -> None:
        """Close every resolver (their cache connections); later calls fail fast."""
        self.closed = True
        resolvers, self.resolvers = list(self.resolvers.values()), {}
        resolvers += self._retired
        self._retired = []
        for resolver in resolvers:
            self._close(resolver)

    @staticmethod
    def _close(resolver: Any) -> None:
        try:
            resolver.close()
        except Exception:  # closing must not stop the others or the shutdown
            log.exception("closing a resolver failed")


@attrs.define
class Answers:
    """Resolution answers of one resolver's settings: definite ones, and unverified ones with
    the time from which they are asked again."""

    known: dict[str, Resolution] = attrs.field(factory=dict)
    unverified: dict[str, tuple[float, Resolution]] = attrs.field(factory=dict)

    def lookup(self, ident: str) -> Resolution | None:
        if ident in self.known:
            return self.known[ident]
        pending = self.unverified.get(ident)
        return pending[1] if pending else None
