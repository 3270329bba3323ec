"""Persistent cache of resolutions (SQLite), shared by concurrent citecheck processes.

Why SQLite: atomic upserts, WAL lets readers and one writer work at once across processes,
and a process killed mid-write leaves the previous committed state (the journal is rolled
back on next open).  Found ids live long (documents do not vanish); not-found ids briefly
(a document may be published tomorrow); unverified and not-checked answers are never stored,
because they say nothing about the document.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import platformdirs

from citecheck.resolve.model import Resolution, Status

DAY = 86400.0
FOUND_TTL = 90 * DAY
NOT_FOUND_TTL = 1 * DAY
CACHEABLE = frozenset({Status.RESOLVED, Status.NOT_FOUND})
FILENAME = "resolutions.sqlite3"
_SCHEMA = """CREATE TABLE IF NOT EXISTS resolutions (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    stored_at REAL NOT NULL,
    expires_at REAL NOT NULL
)"""
_UPSERT = """INSERT INTO resolutions (id, status, data, stored_at, expires_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data,
    stored_at = excluded.stored_at, expires_at = excluded.expires_at"""


def default_dir(cache_dir: Path | str | None = None) -> Path:
    """`cache_dir`, else `$CITECHECK_CACHE_DIR`, else the user cache directory."""
    if cache_dir:
        return Path(cache_dir)
    env = os.environ.get("CITECHECK_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("citecheck", appauthor=False))


@attrs.frozen(slots=True)
class CacheInfo:
    """Summary for `citecheck cache info`."""

    path: Path
    entries: dict[str, int]
    expired: int
    size_bytes: int


@attrs.frozen(slots=True)
class ImportReport:
    """Outcome of `import_`: lines stored, lines skipped and why (first few)."""

    imported: int
    skipped: int
    problems: tuple[str, ...] = ()


def _retry_locked(step: Callable[[], object], attempts: int = 50) -> None:
    """Run a set-up step, retrying while another process holds the database lock."""
    for attempt in range(attempts):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


class Cache:
    """One SQLite file; each method is its own transaction."""

    def __init__(
        self,
        cache_dir: Path | str | None = None,
        *,
        found_ttl: float = FOUND_TTL,
        not_found_ttl: float = NOT_FOUND_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.dir = default_dir(cache_dir)
        self.path = self.dir / FILENAME
        self.ttl = {Status.RESOLVED: found_ttl, Status.NOT_FOUND: not_found_ttl}
        self._clock = clock
        self.dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 30000")
        _retry_locked(self._enable_wal)
        self._db.execute("PRAGMA synchronous = NORMAL")
        _retry_locked(lambda: self._db.execute(_SCHEMA))

    def _enable_wal(self) -> None:
        """Switch to WAL once; the switch needs an exclusive lock for which SQLite does not
        always wait (several processes opening a new cache at once), hence the retry."""
        mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            self._db.execute("PRAGMA journal_mode = WAL")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cur = self._db.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.executemany(sql, rows)
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    def get_many(self, ids: Iterable[str]) -> dict[str, Resolution]:
        """Unexpired entries for `ids`, marked `source="cache"` (origin kept in extra)."""
        wanted = list(dict.fromkeys(ids))
        now = self._clock()
        out: dict[str, Resolution] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT id, data, stored_at FROM resolutions"
                f" WHERE id IN ({marks}) AND expires_at > ?",
                (*chunk, now),
            ).fetchall()
            for ident, data, stored_at in rows:
                try:
                    res = Resolution.from_json(json.loads(data))
                except (ValueError, TypeError, KeyError):
                    continue  # a damaged row is a miss, not a crash
                origin = res.source or ""
                stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stored_at))
                out[ident] = res.evolve(
                    source="cache",
                    extra=(*res.extra, ("cached_from", origin), ("cached_at", stamp)),
                )
        return out

    def put_many(self, resolutions: Iterable[Resolution]) -> int:
        """Store resolved / not_found answers; returns how many were stored."""
        now = self._clock()
        rows = [
            (r.id, r.status.value, json.dumps(r.to_json()), now, now + self.ttl[r.status])
            for r in resolutions
            if r.status in CACHEABLE and r.source != "cache"
        ]
        if rows:
            self._write(_UPSERT, rows)
        return len(rows)

    def info(self) -> CacheInfo:
        """Path, live entries per status, expired entries, file size (with WAL)."""
        now = self._clock()
        entries = dict(
            self._db.execute(
                "SELECT status, COUNT(*) FROM resolutions WHERE expires_at > ? GROUP BY status",
                (now,),
            ).fetchall()
        )
        (expired,) = self._db.execute(
            "SELECT COUNT(*) FROM resolutions WHERE expires_at <= ?", (now,)
        ).fetchone()
        size = sum(p.stat().st_size for p in self.dir.glob(FILENAME + "*") if p.is_file())
        return CacheInfo(path=self.path, entries=entries, expired=int(expired), size_bytes=size)

    def clear(self) -> int:
        """Delete every entry; returns how many were deleted."""
        (count,) = self._db.execute("SELECT COUNT(*) FROM resolutions").fetchone()
        self._write("DELETE FROM resolutions", [()])
        self._db.execute("VACUUM")
        return int(count)

    def _rows(self) -> Iterator[tuple[str, str, str, float, float]]:
        now = self._clock()
        yield from self._db.execute(
            "SELECT id, status, data, stored_at, expires_at FROM resolutions"
            " WHERE expires_at > ? ORDER BY id",
            (now,),
        )

    def export(self, path: Path | str) -> int:
        """Write unexpired entries as JSON lines (atomically); returns the count."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        count = 0
        with tmp.open("w", encoding="utf-8") as fh:
            for ident, status, data, stored_at, expires_at in self._rows():
                line = {
                    "id": ident,
                    "status": status,
                    "stored_at": stored_at,
                    "expires_at": expires_at,
                    "resolution": json.loads(data),
                }
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        os.replace(tmp, target)
        return count

    def import_(self, path: Path | str) -> ImportReport:
        """Load JSON lines from `export`; bad or expired lines are skipped and counted.

        An entry replaces an existing one only if it is at least as recent.
        """
        now = self._clock()
        rows: list[tuple[str, str, str, float, float]] = []
        problems: list[str] = []
        with Path(path).open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(self._validate(line, now))
                except (ValueError, TypeError, KeyError) as exc:
                    problems.append(f"line {lineno}: {exc}")
        self._write(
            _UPSERT + " WHERE excluded.stored_at >= resolutions.stored_at",
            rows,
        )
        return ImportReport(
            imported=len(rows), skipped=len(problems), problems=tuple(problems[:20])
        )

    def _validate(self, line: str, now: float) -> tuple[str, str, str, float, float]:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise TypeError("not a JSON object")
        res = Resolution.from_json(item["resolution"])
        status = Status(item["status"])
        stored_at, expires_at = float(item["stored_at"]), float(item["expires_at"])
        if status not in CACHEABLE or res.status is not status or res.id != item["id"]:
            raise ValueError("status or id does not match its resolution, or is not cacheable")
        if res.source == "cache":
            raise ValueError("entry claims to come from the cache itself")
        if expires_at <= now:
            raise ValueError("expired")
        expires_at = min(expires_at, now + self.ttl[status])  # never trust a longer life
        return res.id, status.value, json.dumps(res.to_json()), stored_at, expires_at
