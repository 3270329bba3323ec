"""Orchestrates one resolution run: dedupe, cache, batch per source, suggestions, store.

`Resolver` remembers every answer of the run, so an id cited in many files is asked once.
`resolve_ids` / `aresolve_ids` are the one-shot forms.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import httpx

from citecheck.resolve import suggest
from citecheck.resolve.cache import Cache, source_bases
from citecheck.resolve.model import Resolution, Source, SourceClass, Status
from citecheck.resolve.net import Fetcher, NetConfig, host_key
from citecheck.resolve.sources import source_for_scheme

UNDL_URL = "https://digitallibrary.un.org"
ODS_URL = "https://documents.un.org"
CELLAR_URL = "http://publications.europa.eu"
SPARQL_URL = "https://publications.europa.eu/webapi/rdf/sparql"
_ENV_URLS = {
    "undl_url": "CITECHECK_UNDL_URL",
    "ods_url": "CITECHECK_ODS_URL",
    "cellar_url": "CITECHECK_CELLAR_URL",
    "sparql_url": "CITECHECK_SPARQL_URL",
}
# Politeness knobs that tests and mirrors may need to change: (field, variable, type, minimum).
_ENV_NUMBERS: tuple[tuple[str, str, type[int] | type[float], float], ...] = (
    ("rate_per_host", "CITECHECK_RATE_PER_HOST", float, 0.0),
    ("retries", "CITECHECK_RETRIES", int, 0),
    ("backoff_base", "CITECHECK_BACKOFF", float, 0.0),
    ("network_budget", "CITECHECK_NETWORK_BUDGET", float, 0.1),
)
MAX_SUGGESTIONS = 3


class CacheUnavailableWarning(UserWarning):
    """The cache could not be opened, read or written; the run goes on without it."""


@attrs.frozen(slots=True)
class Settings:
    """Everything a run needs to know; build it with `settings_from_env`.

    Environment variables read by `settings_from_env`: the four `CITECHECK_*_URL`s and
    `CITECHECK_CACHE_DIR`, and the politeness knobs
    `CITECHECK_RATE_PER_HOST` (requests a second per host, default 2; 0 = no limit, for
    local mirrors and fakes), `CITECHECK_RETRIES` (retries after a failed request, default 3)
    and `CITECHECK_BACKOFF` (base seconds of the exponential back-off, default 0.5).
    The circuit breaker (`breaker_threshold` failures in a row per host) is not configurable
    from the environment: it is what keeps a run against a dead host short.
    """

    undl_url: str = UNDL_URL
    ods_url: str = ODS_URL
    cellar_url: str = CELLAR_URL
    sparql_url: str = SPARQL_URL
    cache_dir: Path | None = None
    use_cache: bool = True
    offline: bool = False
    refresh: bool = False
    timeout: float = 20.0
    concurrency: int = 8
    rate_per_host: float = 2.0
    host_rates: tuple[tuple[str, float], ...] = ()
    retries: int = 3
    backoff_base: float = 0.5
    breaker_threshold: int = 5
    network_budget: float = 60.0  # seconds of network time per resolution pass, then unverified
    undl_batch: int = 50
    sparql_batch: int = 50
    ods_fallback: bool = True
    confirm_missing: bool = True
    suggest: bool = True
    transport: httpx.AsyncBaseTransport | None = attrs.field(default=None, eq=False)

    def allowed_hosts(self) -> frozenset[str]:
        """Only the configured sources' hosts are ever contacted."""
        urls = (self.undl_url, self.ods_url, self.cellar_url, self.sparql_url)
        return frozenset(host_key(u) for u in urls)

    def net_config(self) -> NetConfig:
        """Client settings derived from these settings."""
        return NetConfig(
            allowed_hosts=self.allowed_hosts(),
            timeout=self.timeout,
            concurrency=self.concurrency,
            rate_per_host=self.rate_per_host,
            host_rates=self.host_rates,
            retries=self.retries,
            backoff_base=self.backoff_base,
            breaker_threshold=self.breaker_threshold,
            budget=self.network_budget,
            transport=self.transport,
        )


def settings_from_env(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then `CITECHECK_*` environment variables, then `overrides` (None = unset)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for field, var in _ENV_URLS.items():
        if env.get(var):
            values[field] = env[var].rstrip("/")
    if env.get("CITECHECK_CACHE_DIR"):
        values["cache_dir"] = Path(env["CITECHECK_CACHE_DIR"])
    for field, var, kind, minimum in _ENV_NUMBERS:
        raw = env.get(var, "").strip()
        if not raw:
            continue
        try:
            number = kind(raw)
        except ValueError:
            number = None
        if number is None or not minimum <= number < float("inf"):
            warnings.warn(f"ignoring {var}={raw!r}: not a number >= {minimum:g}", stacklevel=2)
            continue
        values[field] = number
    values.update({k: v for k, v in overrides.items() if v is not None})
    if isinstance(values.get("cache_dir"), str):
        values["cache_dir"] = Path(values["cache_dir"])
    return Settings(**values)


def _scheme(ident: str) -> str:
    return ident.split(":", 1)[0] if ":" in ident else ""


class Resolver:
    """One run.  Not thread-safe; use one per process or per event loop."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or settings_from_env()
        self._memo: dict[str, Resolution] = {}
        self._failures: dict[str, int] = {}
        self._cache: Cache | None = None
        self._cache_broken = False  # set once opening, reading or writing it failed
        self._fetcher: Fetcher | None = None
        self.requests = 0  # HTTP requests made by this run

    def forget_unverified(self, ids: Iterable[str]) -> None:
        """Let these ids be asked again if their last answer was only ``unverified``.

        A long-lived resolver (the language server's) retries sources that were down instead
        of repeating an old failure for the rest of the session.
        """
        for ident in ids:
            known = self._memo.get(ident)
            if known is not None and known.status is Status.UNVERIFIED:
                del self._memo[ident]

    @property
    def cache(self) -> Cache | None:
        """The cache, opened on first use (None when disabled or broken)."""
        if self._cache is None and self.settings.use_cache and not self._cache_broken:
            try:
                self._cache = Cache(self.settings.cache_dir, bases=source_bases(self.settings))
            except (OSError, sqlite3.Error) as exc:
                self._drop_cache(exc)
        return self._cache

    def _drop_cache(self, exc: BaseException) -> None:
        """A cache that fails must not cost the run its answers: warn once, go on without it."""
        if self._cache is not None:
            with contextlib.suppress(sqlite3.Error):
                self._cache.close()
            self._cache = None
        if not self._cache_broken:
            self._cache_broken = True
            where = self.settings.cache_dir or "the default cache directory"
            warnings.warn(
                f"cache in {where} unusable ({type(exc).__name__}: {exc}); "
                "continuing without it for this run",
                CacheUnavailableWarning,
                stacklevel=3,
            )

    def _cache_get(self, ids: Sequence[str]) -> dict[str, Resolution]:
        cache = self.cache
        if cache is None:
            return {}
        try:
            return cache.get_many(ids)
        except sqlite3.Error as exc:
            self._drop_cache(exc)
            return {}

    def _cache_put(self, answers: Iterable[Resolution]) -> None:
        cache = self.cache
        if cache is None:
            return
        try:
            cache.put_many(answers)
        except (OSError, sqlite3.Error) as exc:
            self._drop_cache(exc)

    def close(self) -> None:
        """Close the cache connection."""
        if self._cache is not None:
            try:
                self._cache.close()
            finally:
                self._cache = None

    def resolve(
        self, ids: Iterable[str], hints: Mapping[str, Iterable[str]] | None = None
    ) -> dict[str, Resolution]:
        """Synchronous `aresolve`; must not be called from a running event loop."""
        return asyncio.run(self.aresolve(ids, hints))

    async def aresolve(
        self, ids: Iterable[str], hints: Mapping[str, Iterable[str]] | None = None
    ) -> dict[str, Resolution]:
        """Resolve `ids` (duplicates allowed); returns one entry per distinct id.

        `hints` maps an id to ids cited next to it in the text (same sentence, a few words
        apart), e.g. a case number and its ECLI.  When an id fails, what the source says
        about its neighbours can name what was meant (`suggest.related`).  Those suggestions
        depend on the text, so they are in the returned answers but never cached.
        """
        wanted = list(dict.fromkeys(i.strip() for i in ids))
        hinted = {
            k.strip(): [n.strip() for n in v if n.strip() != k.strip()]
            for k, v in (hints or {}).items()
            if k.strip() in wanted
        }
        neighbours = [n for ns in hinted.values() for n in ns if n not in wanted]
        pending = [i for i in dict.fromkeys([*wanted, *neighbours]) if i not in self._memo]
        if pending:
            try:
                answers = await self._lookup(pending)
                if self.settings.suggest:
                    await self._add_suggestions(answers)
            finally:
                if self._fetcher is not None:
                    self.requests += self._fetcher.requests
                    await self._fetcher.aclose()
                    self._fetcher = None
            self._cache_put(answers.values())
            self._memo.update(answers)
        out = {i: self._memo[i] for i in wanted}
        for ident, near in hinted.items():
            res = out[ident]
            found = suggest.related(
                ident,
                res.status.value,
                [(n, self._memo[n].status.value, self._memo[n].extra) for n in near],
            )
            extra = [f for f in found if f not in res.suggestions]
            if extra:
                out[ident] = res.evolve(suggestions=(*extra, *res.suggestions)[:MAX_SUGGESTIONS])
        return out

    def _client(self) -> Fetcher:
        """One HTTP client per `aresolve` call (a client is bound to its event loop)."""
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings.net_config(), failures=self._failures)
        return self._fetcher

    async def _lookup(
        self, ids: Sequence[str], settings: Settings | None = None
    ) -> dict[str, Resolution]:
        """Cache first (unless refresh), then the sources."""
        settings = settings or self.settings
        out: dict[str, Resolution] = {}
        if not self.settings.refresh:
            out.update(self._cache_get(ids))
        registry = source_for_scheme()
        groups: dict[SourceClass, list[str]] = defaultdict(list)
        for ident in ids:
            if ident in out:
                continue
            cls = registry.get(_scheme(ident))
            if cls is None:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.NOT_CHECKED,
                    reason=f"no source checks ids like {ident!r}",
                )
            elif self.settings.offline and cls.needs_network:
                out[ident] = Resolution(
                    id=ident, status=Status.NOT_CHECKED, reason="offline, not in cache"
                )
            else:
                groups[cls].append(ident)
        if groups:
            out.update(await self._ask_sources(groups, settings))
        return out

    async def _ask_sources(
        self, groups: Mapping[SourceClass, list[str]], settings: Settings
    ) -> dict[str, Resolution]:
        out: dict[str, Resolution] = {}
        fetcher = self._client()
        sources: list[Source] = [cls(fetcher, settings) for cls in groups]
        results = await asyncio.gather(
            *(src.resolve(ids) for src, ids in zip(sources, groups.values(), strict=True)),
            return_exceptions=True,
        )
        for src, ids, result in zip(sources, groups.values(), results, strict=True):
            if isinstance(result, BaseException):
                if not isinstance(result, Exception):
                    raise result
                reason = f"internal error in the {src.name} source: {result!r}"
                out.update(
                    {i: Resolution(id=i, status=Status.UNVERIFIED, reason=reason) for i in ids}
                )
                continue
            for ident in ids:
                out[ident] = result.get(ident) or Resolution(
                    id=ident,
                    status=Status.UNVERIFIED,
                    reason=f"the {src.name} source gave no answer",
                )
        return out

    async def _add_suggestions(self, answers: dict[str, Resolution]) -> None:
        """For each not_found id, check likely corrections in one batch; keep existing ones.

        A second, smaller round follows when a mistyped resolution's report exists
        (`A/HRC/RES/17/31` -> `A/HRC/17/31`): the resolutions its UNDL record names as
        related documents (MARC 993) are checked and suggested after it.
        """
        cands = {
            ident: suggest.candidates(ident)
            for ident, res in answers.items()
            if res.status is Status.NOT_FOUND and not res.suggestions and res.source != "cache"
        }
        known = await self._check({c for cs in cands.values() for c in cs}, answers)
        linked: dict[str, list[str]] = {}
        for ident in cands:
            report = suggest.res_dropped(ident)
            if report and report in known and known[report].status is Status.RESOLVED:
                linked[ident] = suggest.related_resolutions(ident, known[report].extra)
        if linked:
            known.update(await self._check({c for cs in linked.values() for c in cs}, answers))
        for ident, cs in cands.items():
            found: list[str] = []
            for c in cs:
                if c in known and known[c].status is Status.RESOLVED:
                    found.append(c)
                    if c == suggest.res_dropped(ident):
                        found.extend(
                            r
                            for r in linked.get(ident, ())
                            if r in known and known[r].status is Status.RESOLVED and r not in found
                        )
            if found:
                answers[ident] = answers[ident].evolve(suggestions=tuple(found[:MAX_SUGGESTIONS]))

    async def _check(
        self, ids: Iterable[str], answers: Mapping[str, Resolution]
    ) -> dict[str, Resolution]:
        """Existence of candidate ids (memo, this run's answers, else one quick lookup).

        Only existing candidates are suggested, so a miss needs no second opinion and the
        lookup skips it (no ODS, no REST confirmation).  A miss from such a lookup is
        therefore not a definite answer: only `resolved` answers are kept in the memo and
        the cache, or a later lookup of the candidate itself would be told `not_found`.
        """
        todo = [c for c in sorted(ids) if c not in self._memo and c not in answers]
        quick = attrs.evolve(self.settings, ods_fallback=False, confirm_missing=False)
        checked = await self._lookup(todo, quick) if todo else {}
        found = {i: r for i, r in checked.items() if r.status is Status.RESOLVED}
        self._cache_put(found.values())
        self._memo.update(found)
        return {**self._memo, **answers, **checked}


def resolve_ids(
    ids: Iterable[str],
    settings: Settings | None = None,
    hints: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, Resolution]:
    """Resolve ids once (sync); see `Resolver` to share answers across calls."""
    resolver = Resolver(settings)
    try:
        return resolver.resolve(ids, hints)
    finally:
        resolver.close()


async def aresolve_ids(
    ids: Iterable[str],
    settings: Settings | None = None,
    hints: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, Resolution]:
    """Async `resolve_ids`."""
    resolver = Resolver(settings)
    try:
        return await resolver.aresolve(ids, hints)
    finally:
        resolver.close()
