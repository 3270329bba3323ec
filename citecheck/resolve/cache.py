"""Persistent cache of resolutions (SQLite), shared by concurrent citecheck processes.

Why SQLite: atomic upserts, WAL lets readers and one writer work at once across processes,
and a process killed mid-write leaves the previous committed state (the journal is rolled
back on next open).  Found ids live long (documents do not vanish); not-found ids briefly
(a document may be published tomorrow); unverified and not-checked answers are never stored,
because they say nothing about the document.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TextIO
from urllib.parse import urlsplit

import attrs
import platformdirs

from citecheck.index.db import retry_locked
from citecheck.resolve.model import IMPORTED_AT, Resolution, Status

DAY = 86400.0
FOUND_TTL = 90 * DAY
NOT_FOUND_TTL = 1 * DAY
CACHEABLE = frozenset({Status.RESOLVED, Status.NOT_FOUND})
FILENAME = "resolutions.sqlite3"
# Schema 2: an answer is keyed by the id AND the base URL of the source that gave it, so a run
# pointed at another server (a mirror, a fake, an attacker's host) never reads or overwrites
# the answers of the real one.  Rows of the old `resolutions` table are never read.
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    id TEXT NOT NULL,
    base TEXT NOT NULL,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    stored_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    PRIMARY KEY (id, base)
)"""
_UPSERT = """INSERT INTO answers (id, base, status, data, stored_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(id, base) DO UPDATE SET status = excluded.status, data = excluded.data,
    stored_at = excluded.stored_at, expires_at = excluded.expires_at"""
MAX_IMPORT_LINE = 64 * 1024  # an exported entry is a few hundred bytes
_CLOCK_SKEW = DAY  # an entry may claim to be stored at most this far in the future
_LIVE_EU = frozenset({"sparql", "cellar"})  # `Resolution.source` of live Cellar answers


def source_bases(settings: object) -> dict[str, str]:
    """Base URL of each answering source under `settings` (binds cache entries to them).

    Sources declare it (`answered_as`); one that declares none needs no network, and its
    answers are stored under base "".
    """
    from citecheck.resolve.sources import REGISTRY

    return {
        name: str(getattr(settings, field)).rstrip("/")
        for cls in REGISTRY
        for name, field in cls.answered_as
        if getattr(settings, field, None)
    }


def default_dir(cache_dir: Path | str | None = None) -> Path:
    """`cache_dir`, else `$CITECHECK_CACHE_DIR`, else the user cache directory."""
    if cache_dir:
        return Path(cache_dir)
    env = os.environ.get("CITECHECK_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("citecheck", appauthor=False))


def remove_files(cache_dir: Path | str | None = None) -> list[Path]:
    """Delete the cache's database files (a damaged cache: `cache clear` starts afresh);
    returns those removed.  Only citecheck's own file names are touched."""
    base = default_dir(cache_dir) / FILENAME
    removed = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = base.with_name(base.name + suffix)
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


@attrs.frozen(slots=True)
class CacheInfo:
    """Summary for `citecheck cache info`."""

    path: Path
    entries: dict[str, int]
    expired: int
    size_bytes: int


@attrs.frozen(slots=True)
class ImportReport:
    """Outcome of `import_`: lines stored, lines skipped (expired + rejected) and why."""

    imported: int
    skipped: int
    problems: tuple[str, ...] = ()
    rejected: int = 0  # lines that are not a valid entry (the rest of `skipped` had expired)


class UnreadableImport(Exception):
    """The import file as a whole cannot be used (not readable, not UTF-8 text); nothing is
    imported."""


class _Rejected(ValueError):
    """One import line is not a valid entry; the message says why, for people."""


def _status_half_read(res: Resolution) -> bool:
    """A live EU act answer stored by an older citecheck, which read the in-force flag but
    not the end of validity and the repealing acts (it lacks the `status_read` pair), and
    whose flag is not "in force".  Such an entry is a miss (asked again online), so a
    repealed act is never called "not in force yet" from it.  One in force is kept: the only
    status finding it could miss needs the end of validity it never had, so it says nothing
    false."""
    flag = (res.get_extra("in_force") or "").strip().lower()
    in_force = res.in_force if res.in_force is not None else flag in ("1", "true")
    has_flag = res.in_force is not None or flag in ("0", "1", "true", "false")
    return (
        has_flag
        and not in_force
        and res.source in _LIVE_EU
        and res.get_extra("status_read") is None
    )


def _stamp(stored_at: float) -> str | None:
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stored_at))
    except (OverflowError, OSError, ValueError):
        return None


class Cache:
    """One SQLite file; each method is its own transaction.

    `bases` maps an answering source's name (`Resolution.source`) to its base URL in this run
    (`source_bases(settings)`): answers are stored under that URL and only answers stored
    under the URL configured now are read back.
    """

    def __init__(
        self,
        cache_dir: Path | str | None = None,
        *,
        found_ttl: float = FOUND_TTL,
        not_found_ttl: float = NOT_FOUND_TTL,
        clock: Callable[[], float] = time.time,
        bases: Mapping[str, str] | None = None,
    ) -> None:
        self.dir = default_dir(cache_dir)
        self.path = self.dir / FILENAME
        self.ttl = {Status.RESOLVED: found_ttl, Status.NOT_FOUND: not_found_ttl}
        self.bases = dict(bases or {})
        self._clock = clock
        self.dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 30000")
        retry_locked(self._enable_wal)
        self._db.execute("PRAGMA synchronous = NORMAL")
        retry_locked(lambda: self._db.execute(_SCHEMA))

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

    def base_of(self, source: str | None) -> str:
        """Base URL an answer of `source` is stored under ("" for sources without network)."""
        return self.bases.get(source or "", "")

    def get_many(self, ids: Iterable[str]) -> dict[str, Resolution]:
        """Unexpired entries for `ids` answered by the sources configured now, marked
        `source="cache"` (origin kept in extra)."""
        wanted = list(dict.fromkeys(ids))
        now = self._clock()
        out: dict[str, Resolution] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT id, base, data, stored_at FROM answers"
                f" WHERE id IN ({marks}) AND expires_at > ? ORDER BY stored_at",
                (*chunk, now),
            ).fetchall()
            for ident, base, data, stored_at in rows:
                try:
                    res = Resolution.from_json(json.loads(data))
                except (ValueError, TypeError, KeyError):
                    continue  # a damaged row is a miss, not a crash
                stamp = _stamp(stored_at)
                if res.id != ident or base != self.base_of(res.source) or stamp is None:
                    continue  # another server's answer, or a row that lies about itself
                if _status_half_read(res):
                    continue  # asked again: its flag alone would read as "not in force yet"
                out[ident] = res.evolve(
                    source="cache",
                    extra=(*res.extra, ("cached_from", res.source or ""), ("cached_at", stamp)),
                )
        return out

    def put_many(self, resolutions: Iterable[Resolution]) -> int:
        """Store resolved / not_found answers; returns how many were stored."""
        now = self._clock()
        rows = [
            (
                r.id,
                self.base_of(r.source),
                r.status.value,
                json.dumps(r.to_json()),
                now,
                now + self.ttl[r.status],
            )
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
                "SELECT status, COUNT(*) FROM answers WHERE expires_at > ? GROUP BY status",
                (now,),
            ).fetchall()
        )
        (expired,) = self._db.execute(
            "SELECT COUNT(*) FROM answers WHERE expires_at <= ?", (now,)
        ).fetchone()
        size = sum(p.stat().st_size for p in self.dir.glob(FILENAME + "*") if p.is_file())
        return CacheInfo(path=self.path, entries=entries, expired=int(expired), size_bytes=size)

    def clear(self) -> int:
        """Delete every entry (and the unreadable rows of older versions); returns how many
        entries were deleted."""
        (count,) = self._db.execute("SELECT COUNT(*) FROM answers").fetchone()
        self._write("DELETE FROM answers", [()])
        self._db.execute("DROP TABLE IF EXISTS resolutions")
        self._db.execute("VACUUM")
        return int(count)

    def _rows(self) -> Iterator[tuple[str, str, str, str, float, float]]:
        now = self._clock()
        yield from self._db.execute(
            "SELECT id, base, status, data, stored_at, expires_at FROM answers"
            " WHERE expires_at > ? ORDER BY id, base",
            (now,),
        )

    def export(self, path: Path | str) -> int:
        """Write unexpired entries as JSON lines (atomically); returns the count."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                count = self.export_to(fh)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return count

    def export_to(self, out: TextIO) -> int:
        """Write unexpired entries as JSON lines to `out` (standard output); returns the count."""
        count = 0
        for ident, base, status, data, stored_at, expires_at in self._rows():
            line = {
                "id": ident,
                "base": base,
                "status": status,
                "stored_at": stored_at,
                "expires_at": expires_at,
                "resolution": json.loads(data),
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
        return count

    def import_(self, path: Path | str) -> ImportReport:
        """Load JSON lines from `export`; each line is checked as untrusted input (types,
        ranges, http(s) links, language codes) and skipped with a reason when it fails.

        An entry replaces an existing one only if it is at least as recent.  Raises
        `UnreadableImport` (nothing imported) when the file cannot be read or is not UTF-8.
        """
        now = self._clock()
        rows: list[tuple[str, str, str, str, float, float]] = []
        problems: list[str] = []
        expired = 0
        try:
            with Path(path).open("rb") as fh:
                for lineno, line in enumerate(_lines(fh, MAX_IMPORT_LINE), 1):
                    try:
                        if line is None:
                            raise _Rejected(f"longer than {MAX_IMPORT_LINE} bytes")
                        text = _utf8(line, lineno)
                        if not text.strip():
                            continue
                        rows.append(self._validate(text, now))
                    except _Expired:
                        expired += 1
                    except _Rejected as exc:
                        problems.append(f"line {lineno}: {exc}")
        except OSError as exc:
            raise UnreadableImport(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        self._write(
            _UPSERT + " WHERE excluded.stored_at >= answers.stored_at",
            rows,
        )
        return ImportReport(
            imported=len(rows),
            skipped=len(problems) + expired,
            problems=tuple(problems[:20]),
            rejected=len(problems),
        )

    def _validate(self, line: str, now: float) -> tuple[str, str, str, str, float, float]:
        try:
            item = json.loads(line, parse_constant=_no_constant)
        except ValueError as exc:
            raise _Rejected(f"not valid JSON ({exc})") from None
        if not isinstance(item, dict):
            raise _Rejected("not a JSON object")
        for key in ("id", "base", "status", "stored_at", "expires_at", "resolution"):
            if key not in item:
                raise _Rejected(f"no {key!r} (not written by this version's cache export)")
        base = item["base"]
        if not isinstance(base, str) or (base and not _is_web_url(base)):
            raise _Rejected("'base' must be an http(s) URL or empty")
        try:
            status = Status(item["status"])
        except ValueError:
            raise _Rejected(f"unknown status {item['status']!r}") from None
        if status not in CACHEABLE:
            raise _Rejected(f"status {status.value!r} is never cached")
        stored_at = _number(item, "stored_at")
        expires_at = _number(item, "expires_at")
        if not 0 <= stored_at <= now + _CLOCK_SKEW:
            raise _Rejected(f"'stored_at' {stored_at!r} is not a time up to now")
        if expires_at <= now:
            raise _Expired()
        res = _checked_resolution(item["resolution"])
        if res.status is not status or res.id != item["id"]:
            raise _Rejected("status or id does not match its resolution")
        if status is Status.NOT_FOUND:
            _check_not_found(res)
        if res.get_extra(IMPORTED_AT) is None:  # its answers were not given to this machine
            res = res.evolve(extra=(*res.extra, (IMPORTED_AT, _stamp(now) or "")))
        expires_at = min(expires_at, now + self.ttl[status])  # never trust a longer life
        return res.id, base, status.value, json.dumps(res.to_json()), stored_at, expires_at


class _Expired(Exception):
    pass


def _check_not_found(res: Resolution) -> None:
    """An imported not_found must carry what a source's own carries: the name of a source
    that checks the id's scheme, and its reason. The rest cannot be proved from a line."""
    from citecheck.resolve.sources import sources_for_scheme

    scheme = res.id.partition(":")[0]
    names = [cls.name for cls in sources_for_scheme().get(scheme, ())]
    if res.source not in names:
        raise _Rejected(
            f"a not_found must name the source that gave it ({' or '.join(names) or 'none'}"
            f" for {scheme}: ids), not {res.source!r}"
        )
    if not (res.reason or "").strip():
        raise _Rejected("a not_found must carry its source's reason")


def _lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of `fh`; a line longer than `limit` is skipped (read in bounded pieces) and
    yielded as None, so one huge line costs no memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(limit + 1)
            yield None
            continue
        yield line


def _utf8(line: bytes, lineno: int) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableImport(
            f"not UTF-8 text (line {lineno}, byte {exc.start + 1}); "
            "not a file written by `citecheck cache export`"
        ) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _number(item: Mapping[str, Any], key: str) -> float:
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Rejected(f"{key!r} must be a number, not {value!r}"[:200])
    number = float(value)
    if not math.isfinite(number):
        raise _Rejected(f"{key!r} must be finite")
    return number


_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}\Z")
_EXTRA_KEY_RE = re.compile(r"^[a-z][a-z_]{0,39}\Z")
#: `extra` keys whose values are links; they must be http(s) (or a path on the source).
_LINK_KEYS = frozenset({"record_url", "file", "eli", "ods_file"})
_MAX_TEXT = 4000


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_web_url(value: str) -> bool:
    if len(value) > 2000 or any(c.isspace() or not c.isprintable() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_link(value: str) -> bool:
    """An http(s) URL, or a path on the source's own host (ODS answers with those)."""
    return _is_web_url(value) or (value.startswith("/") and _is_web_url("http://x" + value))


def _plain(value: str) -> bool:
    """Text with no control characters (tab and newline aside) and no bidi overrides."""
    return len(value) <= _MAX_TEXT and not any(
        (unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n") or c in _BIDI_CONTROLS
        for c in value
    )


def _checked_resolution(data: Any) -> Resolution:
    """A cached resolution from an import line, or `_Rejected`: what may later reach JSON
    output, SARIF and an editor's hover must be plain text and web links."""
    if not isinstance(data, dict):
        raise _Rejected("'resolution' must be a JSON object")
    ident = data.get("id")
    if not isinstance(ident, str) or ":" not in ident or len(ident) > 300 or not _plain(ident):
        raise _Rejected("bad id")
    for key in ("title", "date", "url", "source", "reason"):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not _plain(value)):
            raise _Rejected(f"{key!r} must be plain text or null")
    if data.get("url") is not None and not _is_web_url(data["url"]):
        raise _Rejected("'url' must be an http(s) URL")
    if data.get("source") == "cache":
        raise _Rejected("entry claims to come from the cache itself")
    languages = data.get("languages") or []
    if not isinstance(languages, list) or not all(
        isinstance(code, str) and _LANGUAGE_RE.match(code) for code in languages
    ):
        raise _Rejected("'languages' must be a list of two- or three-letter language codes")
    for key in ("suggestions", "extra"):
        if not isinstance(data.get(key) or [], list):
            raise _Rejected(f"{key!r} must be a list")
    suggestions = data.get("suggestions") or []
    if not all(isinstance(s, str) and ":" in s and _plain(s) for s in suggestions):
        raise _Rejected("'suggestions' must be ids")
    for pair in data.get("extra") or []:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(p, str) for p in pair)
            and _EXTRA_KEY_RE.match(pair[0])
            and _plain(pair[1])
        ):
            raise _Rejected("'extra' must be a list of [name, text] pairs")
        if pair[0] in _LINK_KEYS and pair[1] and not _is_link(pair[1]):
            raise _Rejected(f"extra {pair[0]!r} must be an http(s) link")
    try:
        return Resolution.from_json(data)
    except (ValueError, TypeError, KeyError) as exc:
        raise _Rejected(str(exc)) from None
