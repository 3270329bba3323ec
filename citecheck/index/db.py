"""The index file: one SQLite database, written by one harvester, read by many checks.

Why SQLite: WAL lets any number of readers (checks, the language server, workers) read while
one `index update` writes; a killed writer leaves the last committed window; the file moves
between machines as it is.  The file is untrusted input (it may come from `index import`), so
the schema version is checked and every value read is typed before use.

Tables
------
- ``meta(key, value)``: ``schema_version`` and other facts about the file.
- ``harvest(source, as_of, complete, earliest, checkpoint, records, updated)``: one row per
  source (``undl``, ``eu``): ``as_of`` is the date up to which the source is harvested;
  ``complete`` is 1 once everything from the source's earliest datestamp up to the day of the
  run has been read with no window left (only then can the index say "does not exist");
  ``checkpoint`` is JSON the harvester uses to resume.
- ``undl_window(start, until)``: OAI-PMH windows read to the end (a checkpoint per window).
- ``un_record(recid, title, date, body, type, languages, datestamp)``: one UNDL record;
  ``languages`` space-separated ISO 639-1 codes.
- ``un_symbol(symbol, recid, role, stem, session, number)``: every symbol a record carries, in
  citecheck's canonical form (no ``un:`` prefix).  ``role`` is ``own`` (191 $a), ``alt`` (191 $z,
  a common form of the same document), ``joint`` (a joint symbol) or ``related`` (791: another
  document's symbol, never identity).  ``stem/session/number`` come from `series_key`.
- ``eu_act(celex, type, date, title, eli, in_force, end_of_validity)``; ``in_force`` 1/0/NULL.
- ``eu_repeal(celex, repealer, implicit)``: ``repealer`` repeals ``celex``.
- ``eu_case(case_no, ecli, celex)``: a CJEU case number with its ECLI and judgment CELEX.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import platformdirs

SCHEMA_VERSION = 1
FILENAME = "index.sqlite3"
OWN_ROLES = ("own", "alt", "joint")
ROLES = (*OWN_ROLES, "related")

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS harvest (
    source TEXT PRIMARY KEY, as_of TEXT, complete INTEGER NOT NULL DEFAULT 0, earliest TEXT,
    checkpoint TEXT, records INTEGER NOT NULL DEFAULT 0, updated TEXT);
CREATE TABLE IF NOT EXISTS undl_window (
    start TEXT NOT NULL, until TEXT NOT NULL, PRIMARY KEY (start, until)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS un_record (
    recid INTEGER PRIMARY KEY, title TEXT, date TEXT, body TEXT, type TEXT,
    languages TEXT NOT NULL DEFAULT '', datestamp TEXT);
CREATE TABLE IF NOT EXISTS un_symbol (
    symbol TEXT NOT NULL, recid INTEGER NOT NULL, role TEXT NOT NULL,
    stem TEXT, session INTEGER, number INTEGER,
    PRIMARY KEY (symbol, role, recid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS un_symbol_recid ON un_symbol (recid);
CREATE INDEX IF NOT EXISTS un_symbol_series ON un_symbol (stem, session, number);
CREATE TABLE IF NOT EXISTS eu_act (
    celex TEXT PRIMARY KEY, type TEXT, date TEXT, title TEXT, eli TEXT,
    in_force INTEGER, end_of_validity TEXT);
CREATE TABLE IF NOT EXISTS eu_repeal (
    celex TEXT NOT NULL, repealer TEXT NOT NULL, implicit INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (celex, repealer)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS eu_repeal_repealer ON eu_repeal (repealer);
CREATE TABLE IF NOT EXISTS eu_case (
    case_no TEXT NOT NULL, ecli TEXT NOT NULL DEFAULT '', celex TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_no, ecli, celex)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS eu_case_ecli ON eu_case (ecli);
CREATE INDEX IF NOT EXISTS eu_case_celex ON eu_case (celex);
"""

SCHEMA_DDL = _DDL  # what `index import` compares an untrusted file against

_NUM = re.compile(r"(\d{1,6})[A-Z]?\Z")
_SC = re.compile(r"(\d{1,5})\((\d{4})\)\Z")


class IndexUnavailable(Exception):
    """The index file cannot be used (missing, damaged, or of another schema version)."""


class IndexDamaged(IndexUnavailable, ValueError):
    """A value read from the index is not of its column's kind (a tampered or broken file)."""


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def checked_day(value: object, where: str) -> str | None:
    """`value` if it is NULL or a real day ``YYYY-MM-DD``; else `IndexDamaged`."""
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise IndexDamaged(f"{where} holds {str(value)[:40]!r}, not a day YYYY-MM-DD")


def default_path(path: Path | str | None = None) -> Path:
    """`path`, else `$CITECHECK_INDEX`, else the user data directory."""
    if path:
        return Path(path)
    env = os.environ.get("CITECHECK_INDEX")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("citecheck", appauthor=False)) / FILENAME


def series_key(symbol: str) -> tuple[str, int | None, int] | None:
    """(stem, session, number) of a numbered symbol, for coverage and neighbours.

    ``A/HRC/RES/17/4`` -> (``A/HRC/RES``, 17, 4); ``A/RES/59/284A`` -> (``A/RES``, 59, 284);
    ``S/RES/2231(2015)`` -> (``S/RES``, None, 2231); ``CCPR/C/GC/34`` -> (``CCPR/C/GC``,
    None, 34).  Symbols whose last component is not a number (``.../Add.2``) give None.
    """
    parts = symbol.split("/")
    if len(parts) < 2:
        return None
    sc = _SC.fullmatch(parts[-1])
    if sc:
        return "/".join(parts[:-1]), None, int(sc.group(1))
    last = _NUM.fullmatch(parts[-1])
    if not last:
        return None
    if len(parts) >= 3 and parts[-2].isdigit() and len(parts[-2]) <= 4:
        return "/".join(parts[:-2]), int(parts[-2]), int(last.group(1))
    return "/".join(parts[:-1]), None, int(last.group(1))


@attrs.frozen(slots=True)
class UnRecord:
    """One UNDL record as the index keeps it."""

    recid: int
    symbols: tuple[tuple[str, str], ...]  # (canonical symbol, role)
    title: str | None = None
    date: str | None = None
    body: str | None = None
    type: str | None = None
    languages: tuple[str, ...] = ()
    datestamp: str | None = None


@attrs.frozen(slots=True)
class UnHit:
    """A record that carries the asked symbol, and in which role."""

    symbol: str
    role: str
    record: UnRecord


@attrs.frozen(slots=True)
class EuAct:
    """One CELEX as the index keeps it; ``in_force`` None when Cellar does not say."""

    celex: str
    type: str | None = None
    date: str | None = None
    title: str | None = None
    eli: str | None = None
    in_force: bool | None = None
    end_of_validity: str | None = None


Interval = tuple[dt.date, dt.date]  # first and last day, both included


def merged(intervals: Iterable[Interval]) -> list[Interval]:
    """`intervals` sorted, those that overlap or touch (the next day) joined into one."""
    out: list[Interval] = []
    for low, high in sorted(intervals):
        if out and low <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def covers(intervals: Iterable[Interval], low: dt.date, high: dt.date) -> bool:
    """Every day from `low` to `high` was harvested: one interval holds them all (no gap)."""
    return any(a <= low and high <= b for a, b in intervals)


#: The longest checkpoint read (ours hold a few dates and a cursor, and the covered
#: stretches of a harvest: far below this).
MAX_CHECKPOINT_CHARS = 1_000_000


def _json_day(value: object) -> dt.date | None:
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@attrs.frozen(slots=True)
class HarvestState:
    """What the index knows about its coverage of one source."""

    source: str
    as_of: str | None
    complete: bool
    earliest: str | None
    checkpoint: str | None
    records: int
    updated: str | None

    def checkpoint_data(self) -> dict[str, Any]:
        """The stored checkpoint as a JSON object; empty where it is none (the file is
        untrusted: malformed, too deep or too long reads as no checkpoint, so coverage is
        unknown and answers stay `unverified`)."""
        text = self.checkpoint
        if not text or len(text) > MAX_CHECKPOINT_CHARS:
            return {}
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def coverage(self) -> list[Interval]:
        """The stretches of days harvested with no gap, oldest first (from the checkpoint).

        An index written before coverage was a set holds one stretch: ``covered_from`` to
        ``as_of``.  A malformed entry (the file is untrusted) is dropped: less coverage only
        makes answers `unverified`, never a false `not_found`.
        """
        data = self.checkpoint_data()
        stored = data.get("covered")
        if isinstance(stored, list):
            found = [
                (low, high)
                for item in stored
                if isinstance(item, list)
                and len(item) == 2
                and (low := _json_day(item[0])) is not None
                and (high := _json_day(item[1])) is not None
                and low <= high
            ]
            return merged(found)
        low, high = _json_day(data.get("covered_from")), _json_day(self.as_of)
        return [(low, high)] if low is not None and high is not None and low <= high else []


def retry_locked(step: Callable[[], object], attempts: int = 50) -> None:
    """Run a set-up step, retrying while another process holds the database lock (SQLite does
    not always wait for the exclusive lock a WAL switch or schema creation needs)."""
    for attempt in range(attempts):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


FileIdentity = tuple[int, int, int, int]


def file_identity(path: Path) -> FileIdentity | None:
    """(device, inode, size, mtime in ns) of the file at `path`, None if there is none.

    A reader compares it before and after reading: a file replaced, appended to or rewritten
    since it was opened has another identity.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


IndexVersion = tuple[object, ...]


def index_version(path: Path, db: IndexDB | None) -> IndexVersion:
    """What tells one version of the index at `path` from another: one `stat`, one PRAGMA.

    With `db` open on that very file (device and inode) and able to see writers (not
    immutable), SQLite's ``data_version``, which moves whenever another connection commits:
    in WAL mode a finished ``index update`` may leave the main file's size and mtime as they
    were (an open reader keeps it from being checkpointed), and each checkpoint changes them
    with no new data.  Otherwise the file's `file_identity` (replaced, created, removed).
    """
    seen = file_identity(path)
    if db is None or db.immutable or seen is None or db.identity is None:
        return ("file", seen)
    if seen[:2] != db.identity[:2]:
        return ("file", seen)
    try:
        return ("data", seen[:2], db.data_version())
    except sqlite3.Error:
        return ("unreadable", seen)


def open_reader(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection that also works where nothing can be written beside the file,
    and whether it was opened immutable.

    Reading a WAL database needs its ``-shm`` file; in a read-only directory (an image, a
    mount) SQLite cannot create it.  When no write-ahead log is left beside the file (the last
    writer checkpointed it), it is opened immutable; a log that is there is read through
    SQLite's read-only shared memory.  An immutable connection does not see a later write
    and may read pages of two versions of the file: its reader must check `file_identity`
    around each read and reopen (see `IndexDB.changed`).
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=30.0, isolation_level=None)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn, False
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if "unable to open" not in str(exc) or (wal.exists() and wal.stat().st_size > 0):
            raise
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None), True


def _cannot_write(exc: sqlite3.DatabaseError) -> bool:
    """A file or place the index may not be written to (not a damaged file)."""
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and (
        "readonly" in text or "unable to open" in text
    )


class IndexDB:
    """An open index file.  Readers pass ``write=False`` (the default) and never create it."""

    def __init__(self, path: Path | str | None = None, *, write: bool = False) -> None:
        self.path = default_path(path)
        self.write = write
        #: opened with SQLite's ``immutable=1`` (a read-only directory): blind to writes
        self.immutable = False
        #: the file's `file_identity` just before it was opened
        self.identity = file_identity(self.path)
        if self.path.is_dir():
            raise IndexUnavailable(
                f"{self.path} is a directory; the index is a file (e.g. {self.path / FILENAME})"
            )
        if not write and not self.path.is_file():
            raise IndexUnavailable(
                f"no index at {self.path} (build one with 'citecheck index update')"
            )
        if write:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            except (OSError, sqlite3.Error) as exc:
                raise IndexUnavailable(f"cannot write the index {self.path}: {exc}") from exc
        else:
            try:
                self._db, self.immutable = open_reader(self.path)
            except sqlite3.DatabaseError as exc:
                raise IndexUnavailable(f"cannot read the index {self.path}: {exc}") from exc
        try:
            self._db.execute("PRAGMA busy_timeout = 30000")
            if write:
                retry_locked(self._setup)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if write and _cannot_write(exc):
                raise IndexUnavailable(f"cannot write the index {self.path}: {exc}") from exc
            raise IndexUnavailable(f"{self.path} is not a usable citecheck index: {exc}") from exc

    def _setup(self) -> None:
        if str(self._db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_DDL)
        self._db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )

    def _check_version(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            raise IndexUnavailable(f"{self.path} is not a citecheck index ({exc})") from exc
        if row is None or row[0] != str(SCHEMA_VERSION):
            found = row[0] if row else "none"
            raise IndexUnavailable(
                f"{self.path} has index schema version {found!r}; this citecheck reads "
                f"version {SCHEMA_VERSION} (rebuild it with 'citecheck index update')"
            )

    def changed(self) -> bool:
        """The file is not the one opened (replaced, updated, removed): reopen to see it."""
        return file_identity(self.path) != self.identity

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes when another connection commits."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that see one version of the file: a read transaction (the connection is in
        autocommit mode, so each SELECT alone would see the latest commit, and a writer
        committing between two of them would mix two versions into one answer)."""
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def backup(self, target: sqlite3.Connection) -> None:
        """Copy the index into `target` (SQLite's online backup: one consistent version)."""
        self._db.backup(target)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> IndexDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write (a harvested page or window)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writes (harvesters) -------------------------------------------------------------
    def put_un_records(self, records: Iterable[UnRecord]) -> int:
        """Insert or replace records with all their symbols; call inside `transaction`."""
        n = 0
        for rec in records:
            self._db.execute("DELETE FROM un_symbol WHERE recid = ?", (rec.recid,))
            self._db.execute(
                "INSERT OR REPLACE INTO un_record "
                "(recid, title, date, body, type, languages, datestamp) VALUES (?,?,?,?,?,?,?)",
                (
                    rec.recid,
                    rec.title,
                    rec.date,
                    rec.body,
                    rec.type,
                    " ".join(rec.languages),
                    rec.datestamp,
                ),
            )
            rows = []
            for symbol, role in dict.fromkeys(rec.symbols):
                if role not in ROLES:
                    raise ValueError(f"unknown symbol role {role!r}")
                key = series_key(symbol) if role != "related" else None
                stem, session, number = key if key else (None, None, None)
                rows.append((symbol, rec.recid, role, stem, session, number))
            self._db.executemany(
                "INSERT OR IGNORE INTO un_symbol (symbol, recid, role, stem, session, number) "
                "VALUES (?,?,?,?,?,?)",
                rows,
            )
            n += 1
        return n

    def delete_un_records(self, recids: Iterable[int]) -> None:
        """Forget deleted records; call inside `transaction`."""
        for recid in recids:
            self._db.execute("DELETE FROM un_symbol WHERE recid = ?", (recid,))
            self._db.execute("DELETE FROM un_record WHERE recid = ?", (recid,))

    def put_eu_acts(self, acts: Iterable[EuAct]) -> None:
        """Insert or replace acts; call inside `transaction`."""
        self._db.executemany(
            "INSERT OR REPLACE INTO eu_act "
            "(celex, type, date, title, eli, in_force, end_of_validity) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    a.celex,
                    a.type,
                    a.date,
                    a.title,
                    a.eli,
                    None if a.in_force is None else int(a.in_force),
                    a.end_of_validity,
                )
                for a in acts
            ],
        )

    def put_eu_repeals(self, edges: Iterable[tuple[str, str, bool]]) -> None:
        """(celex, repealer, implicit) edges; call inside `transaction`."""
        self._db.executemany(
            "INSERT OR REPLACE INTO eu_repeal (celex, repealer, implicit) VALUES (?,?,?)",
            [(c, r, int(i)) for c, r, i in edges],
        )

    def replace_eu_repeals_by(self, repealer: str, edges: Iterable[tuple[str, bool]]) -> None:
        """Set what `repealer` repeals to exactly `edges` (re-read on every update)."""
        self._db.execute("DELETE FROM eu_repeal WHERE repealer = ?", (repealer,))
        self.put_eu_repeals((c, repealer, i) for c, i in edges)

    def put_eu_cases(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(case number, ECLI or '', CELEX or '') rows; call inside `transaction`."""
        self._db.executemany(
            "INSERT OR IGNORE INTO eu_case (case_no, ecli, celex) VALUES (?,?,?)", list(rows)
        )

    def forget_eu_cases_of(self, celexes: Iterable[str]) -> None:
        """Drop the case rows read from these acts before they are read again: a corrected
        case number or ECLI must replace the old row, not stand beside it."""
        self._db.executemany("DELETE FROM eu_case WHERE celex = ?", [(c,) for c in celexes])

    def mark_window(self, start: str, until: str) -> None:
        """Record an OAI-PMH window read to its end (the resume checkpoint)."""
        self._db.execute(
            "INSERT OR IGNORE INTO undl_window (start, until) VALUES (?, ?)", (start, until)
        )

    def windows(self) -> list[tuple[str, str]]:
        """Completed windows, oldest first."""
        return [
            (str(s), str(u))
            for s, u in self._db.execute("SELECT start, until FROM undl_window ORDER BY start")
        ]

    def set_harvest(self, state: HarvestState) -> None:
        """Store a source's coverage (inside the same transaction as the data it covers)."""
        self._db.execute(
            "INSERT OR REPLACE INTO harvest "
            "(source, as_of, complete, earliest, checkpoint, records, updated) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                state.source,
                state.as_of,
                int(state.complete),
                state.earliest,
                state.checkpoint,
                state.records,
                state.updated,
            ),
        )

    # -- reads (checks) ------------------------------------------------------------------
    def harvest(self, source: str) -> HarvestState | None:
        """Coverage of `source`, or None if it was never harvested."""
        row = self._db.execute(
            "SELECT source, as_of, complete, earliest, checkpoint, records, updated "
            "FROM harvest WHERE source = ?",
            (source,),
        ).fetchone()
        if row is None:
            return None
        where = f"{self.path}: harvest row of {source}"
        if row[2] is not None and (type(row[2]) is not int or row[2] not in (0, 1)):
            raise IndexDamaged(f"{where}: complete holds {str(row[2])[:40]!r}, not 0 or 1")
        if row[5] is not None and type(row[5]) is not int:
            raise IndexDamaged(f"{where}: records holds {str(row[5])[:40]!r}, not a number")
        return HarvestState(
            source=str(row[0]),
            as_of=checked_day(row[1], f"{where}: as_of"),
            complete=row[2] == 1,
            earliest=checked_day(row[3], f"{where}: earliest"),
            checkpoint=_opt(row[4]),
            records=int(row[5] or 0),
            updated=_opt(row[6]),
        )

    def count(self, table: str) -> int:
        """Rows in one of the index tables."""
        if table not in {"un_record", "un_symbol", "eu_act", "eu_repeal", "eu_case"}:
            raise ValueError(table)
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def un_record(self, recid: int) -> UnRecord | None:
        """One record with all its symbols."""
        row = self._db.execute(
            "SELECT recid, title, date, body, type, languages, datestamp "
            "FROM un_record WHERE recid = ?",
            (recid,),
        ).fetchone()
        if row is None:
            return None
        symbols = tuple(
            (str(s), str(r))
            for s, r in self._db.execute(
                "SELECT symbol, role FROM un_symbol WHERE recid = ? ORDER BY role, symbol",
                (recid,),
            )
        )
        return UnRecord(
            recid=int(row[0]),
            symbols=symbols,
            title=_opt(row[1]),
            date=_opt(row[2]),
            body=_opt(row[3]),
            type=_opt(row[4]),
            languages=tuple(str(row[5] or "").split()),
            datestamp=_opt(row[6]),
        )

    def find_un(self, symbol: str) -> list[UnHit]:
        """Records carrying `symbol`, own/alt/joint before related (a 191 match beats 791).

        One query per look-up (the record and all its symbols come with the hit): checks
        look up tens of thousands of ids, and three queries a hit tripled the time.
        """
        rows = self._db.execute(_FIND_UN + "h.symbol = ?", (symbol,)).fetchall()
        return _sorted_hits([_hit(row) for row in rows])

    def un_series(
        self, stem: str, session: int | None, low: int | None = None, high: int | None = None
    ) -> list[tuple[str, int]]:
        """(symbol, number) of own symbols in one series (and session), optionally a range."""
        sql = "SELECT symbol, number FROM un_symbol WHERE stem = ? AND role != 'related'"
        args: list[object] = [stem]
        if session is None:
            sql += " AND session IS NULL"
        else:
            sql += " AND session = ?"
            args.append(session)
        if low is not None:
            sql += " AND number >= ?"
            args.append(low)
        if high is not None:
            sql += " AND number <= ?"
            args.append(high)
        sql += " ORDER BY number, symbol"
        return [(str(s), int(n)) for s, n in self._db.execute(sql, args)]

    def un_max_session(self, stem: str) -> int | None:
        """Highest session harvested in a series (None if none)."""
        row = self._db.execute(
            "SELECT MAX(session) FROM un_symbol WHERE stem = ? AND role != 'related'", (stem,)
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def un_max_number(self, stem: str, session: int | None) -> int | None:
        """Highest number harvested in a series (and session)."""
        if session is None:
            row = self._db.execute(
                "SELECT MAX(number) FROM un_symbol WHERE stem = ? AND session IS NULL "
                "AND role != 'related'",
                (stem,),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT MAX(number) FROM un_symbol WHERE stem = ? AND session = ? "
                "AND role != 'related'",
                (stem, session),
            ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def eu_act(self, celex: str) -> EuAct | None:
        """One act, or None."""
        row = self._db.execute(
            "SELECT celex, type, date, title, eli, in_force, end_of_validity "
            "FROM eu_act WHERE celex = ?",
            (celex,),
        ).fetchone()
        if row is None:
            return None
        return EuAct(
            celex=str(row[0]),
            type=_opt(row[1]),
            date=_opt(row[2]),
            title=_opt(row[3]),
            eli=_opt(row[4]),
            in_force=None if row[5] is None else bool(row[5]),
            end_of_validity=_opt(row[6]),
        )

    def repealed_by(self, celex: str) -> list[tuple[str, bool]]:
        """(repealer CELEX, implicit) of the acts that repeal `celex`."""
        return [
            (str(r), bool(i))
            for r, i in self._db.execute(
                "SELECT repealer, implicit FROM eu_repeal WHERE celex = ? ORDER BY repealer",
                (celex,),
            )
        ]

    def eu_repealers(self, after: str, upto: str | None = None) -> list[str]:
        """Repealing CELEX numbers in (`after`, `upto`] (no upper bound if None), in order.

        A harvester paging repeals by repealer clears those the source no longer lists.
        """
        sql = "SELECT DISTINCT repealer FROM eu_repeal WHERE repealer > ?"
        args: list[str] = [after]
        if upto is not None:
            sql += " AND repealer <= ?"
            args.append(upto)
        return [str(r) for (r,) in self._db.execute(sql + " ORDER BY repealer", args)]

    def cases(
        self, *, case_no: str | None = None, ecli: str | None = None, celex: str | None = None
    ) -> list[tuple[str, str, str]]:
        """(case number, ECLI, CELEX) rows matching one key."""
        for col, val in (("case_no", case_no), ("ecli", ecli), ("celex", celex)):
            if val is not None:
                return [
                    (str(a), str(b), str(c))
                    for a, b, c in self._db.execute(
                        f"SELECT case_no, ecli, celex FROM eu_case WHERE {col} = ? "
                        "ORDER BY case_no, ecli, celex",
                        (val,),
                    )
                ]
        raise ValueError("give one of case_no, ecli, celex")


_FIND_UN = """
SELECT h.symbol, h.recid, h.role, r.title, r.date, r.body, r.type, r.languages, r.datestamp,
       (SELECT group_concat(x.symbol || char(31) || x.role, char(30))
          FROM un_symbol x WHERE x.recid = h.recid)
FROM un_symbol h JOIN un_record r ON r.recid = h.recid
WHERE """
_ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}


def _hit(row: tuple[object, ...]) -> UnHit:
    symbol, recid, role, title, date, body, kind, languages, datestamp, symbols = row
    pairs = sorted(
        (str(r), str(s))
        for s, _, r in (item.partition("\x1f") for item in str(symbols or "").split("\x1e"))
        if s
    )
    record = UnRecord(
        recid=int(str(recid)),
        symbols=tuple((s, r) for r, s in pairs),
        title=_opt(title),
        date=_opt(date),
        body=_opt(body),
        type=_opt(kind),
        languages=tuple(str(languages or "").split()),
        datestamp=_opt(datestamp),
    )
    return UnHit(symbol=str(symbol), role=str(role), record=record)


def _sorted_hits(hits: list[UnHit]) -> list[UnHit]:
    """own, alt, joint, then related; by record id (sorted here: an ORDER BY costs a
    temporary b-tree per look-up)."""
    if len(hits) > 1:
        hits.sort(key=lambda h: (_ROLE_ORDER.get(h.role, len(ROLES)), h.record.recid))
    return hits


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
