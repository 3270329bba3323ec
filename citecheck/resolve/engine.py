"""Orchestrates one resolution run: dedupe, index, cache, sources in order, suggestions, store.

For every id: the local index first (no network; a definite answer ends there), then the
cache, then the live sources registered for its scheme, in order (`sources_for_scheme`): an
`unverified` answer passes the id on, `--offline` stops before any source that needs the
network.  `Resolver` remembers every answer of the run, so an id cited in many files is asked
once.  `resolve_ids` / `aresolve_ids` are the one-shot forms.  `Settings` live in
`citecheck.resolve.settings` (re-exported here for compatibility).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from citecheck.index.db import (
    IndexDB,
    IndexUnavailable,
    IndexVersion,
    default_path,
    index_version,
)
from citecheck.resolve import policy, suggest
from citecheck.resolve.cache import Cache, source_bases
from citecheck.resolve.model import Resolution, Source, SourceClass, Status
from citecheck.resolve.net import Fetcher
from citecheck.resolve.settings import Settings, settings_from_env
from citecheck.resolve.sources import sources_for_scheme
from citecheck.resolve.sources.index import IndexSource

__all__ = [
    "CacheUnavailableWarning",
    "IndexUnavailableWarning",
    "Resolver",
    "Settings",
    "aresolve_ids",
    "resolve_ids",
    "settings_from_env",
]

MAX_SUGGESTIONS = 3


class CacheUnavailableWarning(UserWarning):
    """The cache could not be opened, read or written; the run goes on without it."""


class IndexUnavailableWarning(UserWarning):
    """The index file asked for cannot be used; the run goes on without it."""


def _scheme(ident: str) -> str:
    return ident.split(":", 1)[0] if ":" in ident else ""


class Resolver:
    """One run.  Not thread-safe; use one per process or per event loop."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or settings_from_env()
        self._memo: dict[str, Resolution] = {}
        self._failures: dict[str, int] = {}
        self.reached: set[str] = set()  # hosts that answered in this run
        self.unreachable: set[str] = set()  # hosts that could not be connected to
        #: called with the number of ids answered since the last call (a progress bar)
        self.progress: Callable[[int], None] | None = None
        self._cache: Cache | None = None
        self._cache_broken = False  # set once opening, reading or writing it failed
        self._index: IndexSource | None = None
        self._index_tried = False
        self._index_seen: IndexVersion | None = None  # the index version when last read
        self._index_changes = 0  # how often the index changed after it was first read
        #: why the index could not be used (said once; the language server shows it)
        self.index_problem: str | None = None
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
        # A host that could not be connected to gets a new probe: the network may be back.
        for host in self.unreachable:
            self._failures.pop(host, None)
        self.unreachable.clear()

    @property
    def cache(self) -> Cache | None:
        """The cache, opened on first use (None when disabled or broken)."""
        if self._cache is None and self.settings.use_cache and not self._cache_broken:
            try:
                self._cache = Cache(self.settings.cache_dir, bases=source_bases(self.settings))
            except (OSError, sqlite3.Error) as exc:
                self._drop_cache(exc)
        return self._cache

    @property
    def index(self) -> IndexSource | None:
        """The local index, opened on first use (None when disabled, absent or unusable).

        Its version (`index_version`) is checked on every use: a file replaced, updated,
        created or removed since it was last read is opened again, and the answers it gave
        are forgotten, so a long-lived resolver (the language server's) neither reads an old
        file nor repeats its answers.
        No index file at the default place is normal and silent; a damaged one, or a missing
        one that was asked for by path, is warned about once per version of the file.
        """
        if not self.settings.use_index:
            return None
        path = default_path(self.settings.index_path)
        seen = index_version(path, self._index.db if self._index is not None else None)
        if self._index_tried and seen == self._index_seen:
            return self._index
        if self._index_tried:
            self._forget_index_answers()
        self._close_index()
        self._index_tried, self._index_seen = True, index_version(path, None)
        if not path.is_file() and self.settings.index_path is None:
            return None
        try:
            self._index = IndexSource(IndexDB(path), self.settings)
        except (IndexUnavailable, OSError, sqlite3.Error) as exc:
            self._index_unusable(str(exc))
        else:
            db = self._index.db
            # immutable: the identity read before opening (a write meanwhile is seen next time)
            self._index_seen = ("file", db.identity) if db.immutable else index_version(path, db)
        return self._index

    def _forget_index_answers(self) -> None:
        """The index changed: its answers, and the open ones it may now settle, are asked
        again; live sources' definite answers stay."""
        self._index_changes += 1
        self._memo = {i: r for i, r in self._memo.items() if not _index_may_change(r)}

    def index_changes(self) -> int:
        """How often the index changed since this resolver first read it (checked now)."""
        _ = self.index
        return self._index_changes

    def _index_unusable(self, why: str) -> None:
        """Warn that the index cannot be used; it stays closed until its file changes."""
        self.index_problem = f"index unusable ({why}); continuing without it"
        warnings.warn(self.index_problem, IndexUnavailableWarning, stacklevel=4)
        if self._index is not None:  # closed until the file changes
            self._index_seen = ("file", self._index.db.identity)
        self._close_index()

    def _index_answers(self, ids: Sequence[str], suggest: bool = False) -> dict[str, Resolution]:
        """The index's answers for one batch (with the suggestions for its misses when
        `suggest`), read from one version of its file: in one read transaction.

        An immutable connection (a read-only directory) cannot see a writer: when the file
        changed while the batch was read, its pages may mix two versions, so a row may read
        as absent or fail to read.  The batch is read once more from the reopened file; if it
        changed again, every answer of the batch is only ``unverified`` (the next source is
        asked).  A file SQLite cannot read gives ``unverified`` answers too, never
        ``not_found``.
        """
        for _ in range(2):
            index = self.index
            if index is None:
                return {}
            try:
                with index.db.snapshot():
                    answers = index.answer(list(ids))
                    if suggest:
                        _suggest_from_index(index, answers)
            except (sqlite3.Error, ValueError, TypeError) as exc:
                if index.db.immutable and index.db.changed():
                    continue  # a page of the new version read through the old one
                if isinstance(exc, sqlite3.Error):
                    self._index_unusable(str(exc))
                    return _index_unread(ids, f"the index could not be read ({exc})")
                why = str(exc)  # a value of the wrong type in the file
                if not isinstance(exc, IndexUnavailable):
                    why = f"a value of the wrong type in it: {exc}"
                self._index_unusable(why)
                return {}
            if not (index.db.immutable and index.db.changed()):
                return answers
        return _index_unread(ids, "the index file changed while it was read")

    def _close_index(self) -> None:
        if self._index is not None:
            with contextlib.suppress(sqlite3.Error):
                self._index.db.close()
            self._index = None

    def from_index(self, ids: Iterable[str]) -> dict[str, Resolution]:
        """The index's definite answers (with suggestions) for `ids`, at once, with no network.

        The language server shows these before its background pass asks the live sources.
        """
        _ = self.index  # a changed index first forgets its answers
        wanted = [i for i in dict.fromkeys(i.strip() for i in ids) if i not in self._memo]
        found = {
            i: r
            for i, r in self._index_answers(wanted, self.settings.suggest).items()
            if r.status in (Status.RESOLVED, Status.NOT_FOUND)
        }
        self._memo.update(found)
        return found

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
            cache.put_many(a for a in answers if a.source != IndexSource.name)
        except (OSError, sqlite3.Error) as exc:
            self._drop_cache(exc)

    def close(self) -> None:
        """Close the cache and index connections."""
        self._close_index()
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
        _ = self.index  # a changed index first forgets its answers
        changes = self._index_changes
        pending = [i for i in dict.fromkeys([*wanted, *neighbours]) if i not in self._memo]
        known = self._memo
        if pending:
            try:
                answers = await self._lookup(
                    pending, report=self.progress, suggest=self.settings.suggest
                )
                if self.no_network():
                    answers = {i: _no_network(r) for i, r in answers.items()}
                if self.settings.suggest:
                    await self._add_suggestions(answers)
            finally:
                if self._fetcher is not None:
                    self.requests += self._fetcher.requests
                    await self._fetcher.aclose()
                    self._fetcher = None
            self._cache_put(answers.values())
            known = {**self._memo, **answers}
            if changes != self._index_changes:  # read from an index that changed meanwhile
                answers = {i: r for i, r in answers.items() if not _index_may_change(r)}
            self._memo.update(answers)
        out = {i: known[i] for i in wanted}
        for ident, near in hinted.items():
            res = out[ident]
            found = suggest.related(
                ident,
                res.status.value,
                [(n, known[n].status.value, known[n].extra) for n in near],
            )
            extra = [f for f in found if f not in res.suggestions]
            if extra:
                out[ident] = res.evolve(suggestions=(*extra, *res.suggestions)[:MAX_SUGGESTIONS])
        return out

    def no_network(self) -> bool:
        """No live source could be connected to in this run, and none answered."""
        return bool(self.unreachable) and not self.reached

    def _client(self) -> Fetcher:
        """One HTTP client per `aresolve` call (a client is bound to its event loop)."""
        if self._fetcher is None:
            self._fetcher = Fetcher(
                self.settings.net_config(),
                failures=self._failures,
                reached=self.reached,
                unreachable=self.unreachable,
            )
        return self._fetcher

    async def _lookup(
        self,
        ids: Sequence[str],
        settings: Settings | None = None,
        report: Callable[[int], None] | None = None,
        suggest: bool = False,
    ) -> dict[str, Resolution]:
        """Index, then cache (unless refresh), then the sources of each id's scheme in order;
        `report` is told how many ids got their final answer after each step."""
        settings = settings or self.settings
        out: dict[str, Resolution] = {}
        done = 0

        def tell() -> None:
            nonlocal done
            if report is not None and len(out) > done:
                report(len(out) - done)
            done = len(out)

        held: dict[str, Resolution] = {}  # an answer to improve on (index: "not in ...")
        for ident, res in self._index_answers(ids, suggest).items():
            if res.status in (Status.RESOLVED, Status.NOT_FOUND):
                out[ident] = res
            else:
                held[ident] = res
        if not settings.refresh:
            rest = [i for i in ids if i not in out]
            out.update(self._cache_get(rest) if rest else {})
        registry = sources_for_scheme()
        chains: dict[str, list[SourceClass]] = {}
        for ident in ids:
            if ident in out:
                continue
            chain = [
                cls
                for cls in registry.get(_scheme(ident), ())
                if cls.enabled_by is None or getattr(settings, cls.enabled_by)
            ]
            if not chain and ident not in held:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.NOT_CHECKED,
                    reason=f"no source checks ids like {ident!r}",
                )
            else:
                chains[ident] = chain
        tell()
        while chains:
            groups: dict[SourceClass, list[str]] = defaultdict(list)
            for ident, chain in list(chains.items()):
                if chain and not (settings.offline and chain[0].needs_network):
                    groups[chain[0]].append(ident)
                    continue
                del chains[ident]
                out[ident] = held.pop(ident) if ident in held else Resolution(
                    id=ident, status=Status.NOT_CHECKED, reason="offline, not in cache"
                )
            if not groups:
                break
            answers = await self._ask_sources(groups, settings)
            for asked in groups.values():
                for ident in asked:
                    res = _merge(held.get(ident), answers[ident])
                    chain = chains[ident][1:]
                    go_on = chain and (
                        res.status is Status.UNVERIFIED
                        or (res.status is Status.NOT_FOUND and chain[0].confirms_missing)
                    )
                    if go_on:
                        held[ident], chains[ident] = res, chain
                    else:
                        del chains[ident]
                        held.pop(ident, None)
                        out[ident] = res
            tell()
        tell()
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
                res = result.get(ident) or Resolution(
                    id=ident,
                    status=Status.UNVERIFIED,
                    reason=f"the {src.name} source gave no answer",
                )
                flag = policy.in_force(res)
                out[ident] = res if flag is res.in_force else res.evolve(in_force=flag)
        return out

    def _index_suggestions(self, answers: dict[str, Resolution]) -> None:
        """Not-found ids of other sources get the corrections the index holds (the index's
        own misses got theirs when they were read, from the same version of the file)."""
        index = self.index
        if index is None:
            return
        others = {i: r for i, r in answers.items() if r.source != IndexSource.name}
        with contextlib.suppress(sqlite3.Error), index.db.snapshot():
            _suggest_from_index(index, others)
        answers.update(others)

    async def _add_suggestions(self, answers: dict[str, Resolution]) -> None:
        """For each not_found id, likely corrections that exist.

        With an index, only what the index holds is suggested (`suggest.from_index`).
        Without one, the candidates are checked against the live sources in one batch and
        only those a source confirms are suggested.
        """
        if self.index is not None:
            self._index_suggestions(answers)
            return
        cands = {
            ident: suggest.candidates(ident)
            for ident, res in answers.items()
            if res.status is Status.NOT_FOUND and not res.suggestions and res.source != "cache"
        }
        known = await self._check({c for cs in cands.values() for c in cs}, answers)
        for ident, cs in cands.items():
            found = [c for c in cs if c in known and known[c].status is Status.RESOLVED]
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


def _index_may_change(res: Resolution) -> bool:
    """An answer that a changed index may give otherwise: its own, or an open one (a new
    index asked first may settle it)."""
    definite = res.status in (Status.RESOLVED, Status.NOT_FOUND)
    return res.source == IndexSource.name or (not definite and IndexSource.covers(res.id))


def _suggest_from_index(index: IndexSource, answers: dict[str, Resolution]) -> None:
    """Not-found ids get the corrections the index holds, and the range adopted."""
    for ident, res in answers.items():
        if res.status is not Status.NOT_FOUND or res.suggestions:
            continue
        try:
            found, note = suggest.from_index(index, ident, MAX_SUGGESTIONS)
        except (sqlite3.Error, ValueError, TypeError):  # no suggestion beats a crash
            continue
        reason = "; ".join(r for r in (res.reason, note) if r) or None
        answers[ident] = res.evolve(suggestions=tuple(found), reason=reason)


def _index_unread(ids: Sequence[str], reason: str) -> dict[str, Resolution]:
    """``unverified`` answers for the ids the index would have answered (never a miss)."""
    return {
        i: Resolution(id=i, status=Status.UNVERIFIED, source=IndexSource.name, reason=reason)
        for i in ids
        if IndexSource.covers(i)
    }


def _no_network(res: Resolution) -> Resolution:
    """An answer that is unverified only because no source could be connected to gets the
    one short reason `NO_NETWORK`, so a report can fold them into one message."""
    if res.status is Status.UNVERIFIED and res.reason and "cannot connect to" in res.reason:
        return res.evolve(reason=policy.NO_NETWORK)
    return res


def _merge(before: Resolution | None, after: Resolution) -> Resolution:
    """What two sources said, in order: a definite answer wins, an earlier not_found stays
    unless the later source has the document, and unverified reasons add up."""
    if before is None or after.status is Status.RESOLVED:
        return after
    if before.status is Status.NOT_FOUND:
        return before
    if after.status is Status.NOT_FOUND:
        return after
    if after.status is Status.UNVERIFIED and before.status is Status.UNVERIFIED:
        reason = "; ".join(r for r in (before.reason, after.reason) if r) or None
        return before.evolve(reason=reason, url=before.url or after.url)
    return before if after.status is Status.NOT_CHECKED else after


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
