"""`citecheck index ...`: build, describe, export and import the local citation index.

Every failure is a clear message and exit 2, and none loses data: a failed harvest keeps the
windows completed before it, and `import` replaces the index only after the new file passed
every check (it is untrusted: it may come from anywhere).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from citecheck.index.db import (
    SCHEMA_DDL,
    SCHEMA_VERSION,
    IndexDamaged,
    IndexDB,
    IndexUnavailable,
    checked_day,
    default_path,
)
from citecheck.index.errors import HarvestError, UpdateFailed
from citecheck.index.lock import writer_lock

EXIT_USAGE = 2
_SQLITE_MAGIC = b"SQLite format 3\x00"
_INDEX_OPTION = click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Index file [env CITECHECK_INDEX; default: the user data directory].",
)


def _fail(message: str) -> None:
    click.echo(f"citecheck: error: {message}", err=True)
    raise SystemExit(EXIT_USAGE)


def _date(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{what} must be a date YYYY-MM-DD, not {value!r}")
    return None


@click.group("index")
def index() -> None:
    """The local citation index: what the sources hold, harvested in bulk, for instant checks."""


@index.command("update")
@click.option(
    "--source",
    type=click.Choice(["undl", "eu", "all"]),
    default="all",
    show_default=True,
    help="Which source to harvest.",
)
@click.option("--from", "from_", default=None, help="Harvest changes from this day (YYYY-MM-DD).")
@click.option(
    "--until", default=None, help="Harvest changes up to this day (YYYY-MM-DD, not in the future)."
)
@click.option(
    "--overlap-days",
    type=click.IntRange(min=0),
    default=None,
    help="How many days before the last harvest an incremental UN run starts again [default: 14].",
)
@click.option(
    "--full",
    is_flag=True,
    default=False,
    help="Re-read all EU law from Cellar, not only what changed (with --source eu or all).",
)
@click.option(
    "--wait",
    "wait_seconds",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    default=0,
    show_default=True,
    help="Seconds to wait while another update or import writes the index (then exit 2).",
)
@_INDEX_OPTION
def update_cmd(
    source: str,
    from_: str | None,
    until: str | None,
    overlap_days: int | None,
    full: bool,
    wait_seconds: float,
    index_path: Path | None,
) -> None:
    """Fill the index from the sources' bulk interfaces (a second run only asks what changed)."""
    from citecheck.index.update import OVERLAP, update

    start, end = _date(from_, "--from"), _date(until, "--until")
    if start and end and start > end:
        _fail("--from is after --until")
    if end is not None and end > dt.datetime.now(dt.UTC).date():
        _fail("--until is in the future (UTC); the index cannot cover days to come")
    if full and source == "undl":
        _fail("--full re-reads EU law; give --source eu or all (for the UN part: --from DAY)")
    overlap = OVERLAP if overlap_days is None else dt.timedelta(days=overlap_days)
    path = default_path(index_path)
    try:
        reports = update(
            path,
            source=source,
            from_=start,
            until=end,
            overlap=overlap,
            wait=wait_seconds,
            on_wait=_say_waiting,
            full_eu=full,
        )
    except UpdateFailed as exc:
        _summaries(exc.reports)
        for name, reason in exc.failures:
            click.echo(
                f"citecheck: error: index update of {SOURCE_NAMES.get(name, name)} stopped: "
                f"{reason} ({KEPT.get(name, 'what was completed is kept')}; run again)",
                err=True,
            )
        raise SystemExit(EXIT_USAGE) from None
    except HarvestError as exc:
        _fail(f"index update stopped: {exc.reason} (what was completed is kept; run again)")
    except IndexUnavailable as exc:
        _fail(str(exc))
    _summaries(reports)


def _say_waiting(wait: float) -> None:
    click.echo(
        f"citecheck: another citecheck is writing the index; waiting up to {wait:g} s", err=True
    )


#: the sources of `index update`, as its messages name them
SOURCE_NAMES = {"undl": "the UN Digital Library (undl)", "eu": "EU law from Cellar (eu)"}
KEPT = {"undl": "its completed windows are kept", "eu": "its completed pages are kept"}


def _summaries(reports: list[Any]) -> None:
    """One line a source: what its harvest did."""
    for report in reports:
        fields = attrs_dict(report)
        name = fields.pop("source", "?")
        click.echo(f"{name}: " + ", ".join(f"{k}={v}" for k, v in fields.items()), err=True)


def attrs_dict(report: Any) -> dict[str, Any]:
    """A harvester's report as a plain dict (attrs classes, dicts, or anything with __dict__)."""
    import attrs

    if attrs.has(type(report)):
        return dict(attrs.asdict(report))
    if isinstance(report, dict):
        return dict(report)
    return dict(getattr(report, "__dict__", {"report": str(report)}))


def describe(db: IndexDB) -> dict[str, Any]:
    """The JSON of `index info`."""
    sources: dict[str, Any] = {}
    for name, table, extra in (
        ("undl", "un_record", {"symbols": "un_symbol"}),
        ("eu", "eu_act", {"repeals": "eu_repeal", "cases": "eu_case"}),
    ):
        state = db.harvest(name)
        entry: dict[str, Any] = {
            "records": db.count(table),
            "as_of": state.as_of if state else None,
            "complete": state.complete if state else False,
            "earliest": state.earliest if state else None,
            "updated": state.updated if state else None,
        }
        entry.update({key: db.count(tab) for key, tab in extra.items()})
        if name == "undl":
            entry["windows"] = len(db.windows())
            entry["covered"] = [
                [low.isoformat(), high.isoformat()]
                for low, high in (state.coverage() if state else [])
            ]
        sources[name] = entry
    return {"path": os.path.abspath(db.path), "sources": sources}


@index.command("info")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json: {path, sources: {NAME: {records, as_of, complete, ...}}}.",
)
@_INDEX_OPTION
def info_cmd(fmt: str, index_path: Path | None) -> None:
    """Where the index is and what it covers."""
    try:
        with IndexDB(index_path) as db:
            data = describe(db)
    except IndexUnavailable as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, sort_keys=True))
        return
    click.echo(f"index: {data['path']}")
    for name, entry in data["sources"].items():
        state = "complete" if entry["complete"] else "partial"
        stretches = entry.get("covered") or []
        gaps = (
            "; harvested with gaps: " + ", ".join(f"{a} to {b}" for a, b in stretches)
            if len(stretches) > 1
            else ""
        )
        click.echo(
            f"  {name}: {entry['records']} records, as of {entry['as_of'] or 'never'} "
            f"({state}{gaps})"
        )


@index.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_INDEX_OPTION
def export_cmd(file: Path, index_path: Path | None) -> None:
    """Write a consistent copy of the index to FILE (safe while an update runs)."""
    if str(file) == "-":
        _fail("index export writes an SQLite file; name the file (standard output is not one)")
    try:
        db = IndexDB(index_path)
    except IndexUnavailable as exc:
        _fail(str(exc))
    source_path = db.path
    # An immutable reader (a read-only directory) takes no lock: a copy made while the file
    # changed may mix two versions of it, so it is not kept.
    with db:
        try:
            _copy_atomically(db, file, still_same=lambda: not db.immutable or not db.changed())
        except IndexUnavailable as exc:
            _fail(f"cannot export {source_path}: {exc}")
        except (sqlite3.Error, OSError) as exc:
            _fail(f"cannot export to {file}: {exc}")
    click.echo(f"exported {source_path} to {file}", err=True)


def _copy_atomically(
    src: sqlite3.Connection | IndexDB, target: Path, still_same: Callable[[], bool] | None = None
) -> None:
    """Back `src` up into a temporary file beside `target`, then rename it over `target`
    (unless `still_same` says the source changed during the copy: `IndexUnavailable`).

    The new file keeps the mode of the one it replaces (a shared index stays readable by
    others), else gets the mode a new file gets (the umask), not the temporary file's 0600.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".citecheck-index-", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, _mode_for(target))
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
        if still_same is not None and not still_same():
            raise IndexUnavailable("the index changed while it was copied; export it again")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _expected_schema() -> dict[str, list[tuple[str, str]]]:
    mem = sqlite3.connect(":memory:")
    try:
        mem.executescript(SCHEMA_DDL)
        return _schema(mem)
    finally:
        mem.close()


def _schema(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    tables = [
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: [(str(r[1]), str(r[2]).upper()) for r in conn.execute(f'PRAGMA table_info("{name}")')]
        for name in tables
    }


_STORAGE = {"INTEGER": "integer", "TEXT": "text"}


def _check_types(
    conn: sqlite3.Connection, path: Path, table: str, columns: list[tuple[str, str]]
) -> None:
    """Every stored value has its column's type (SQLite keeps 'zz' in an INTEGER column)."""
    for column, declared in columns:
        kind = _STORAGE.get(declared)
        if kind is None:
            continue
        bad = conn.execute(
            f'SELECT "{column}" FROM "{table}" WHERE typeof("{column}") NOT IN (?, \'null\') '
            "LIMIT 1",
            (kind,),
        ).fetchone()
        if bad is not None:
            raise IndexUnavailable(
                f"{path}: table {table} holds {str(bad[0])[:40]!r} in its {declared.lower()} "
                f"column {column}"
            )


def check_import(path: Path) -> None:
    """Refuse anything that is not a sound citecheck index of this schema version."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise IndexUnavailable(f"cannot read {path}: {exc}") from exc
    if magic != _SQLITE_MAGIC:
        raise IndexUnavailable(f"{path} is not an SQLite file")
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        verdict = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            raise IndexUnavailable(f"{path} is damaged: {'; '.join(verdict[:3])}")
        kinds = {str(t) for (t,) in conn.execute("SELECT DISTINCT type FROM sqlite_master")}
        if kinds - {"table", "index"}:
            raise IndexUnavailable(
                f"{path} holds {', '.join(sorted(kinds - {'table', 'index'}))}: not an index"
            )
        expected = _expected_schema()
        found = _schema(conn)
        if "meta" not in found:
            raise IndexUnavailable(f"{path} is an SQLite file but not a citecheck index")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or str(row[0]) != str(SCHEMA_VERSION):
            raise IndexUnavailable(
                f"{path} has index schema version {row[0] if row else 'none'!r}; this "
                f"citecheck reads version {SCHEMA_VERSION}"
            )
        for table, columns in expected.items():
            have = found.get(table)
            if have is None:
                raise IndexUnavailable(f"{path} lacks the table {table}")
            missing = [c for c, _ in columns if c not in {h for h, _ in have}]
            if missing:
                raise IndexUnavailable(f"{path}: table {table} lacks {', '.join(missing)}")
            _check_types(conn, path, table, columns)
        _check_harvest(conn, path)
    except sqlite3.DatabaseError as exc:
        raise IndexUnavailable(f"{path} is not a usable SQLite file: {exc}") from exc
    finally:
        conn.close()


def _check_harvest(conn: sqlite3.Connection, path: Path) -> None:
    """Coverage rows as the harvesters write them: days, a 0/1 flag, no day to come."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for source, as_of, complete, earliest in conn.execute(
        "SELECT source, as_of, complete, earliest FROM harvest"
    ):
        where = f"{path}: harvest row of {str(source)[:20]!r}"
        try:
            day = checked_day(as_of, f"{where}: as_of")
            checked_day(earliest, f"{where}: earliest")
        except IndexDamaged as exc:
            raise IndexUnavailable(str(exc)) from exc
        if complete not in (0, 1, None):
            raise IndexUnavailable(f"{where}: complete holds {str(complete)[:40]!r}, not 0 or 1")
        if day is not None and day > today:
            raise IndexUnavailable(
                f"{where}: as_of {day} is after today ({today}, UTC): an index cannot cover "
                "days to come"
            )


@index.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_INDEX_OPTION
def import_cmd(file: Path, index_path: Path | None) -> None:
    """Replace the index with FILE (checked first; the old index stays if FILE is refused)."""
    target = default_path(index_path)
    try:
        check_import(file)
    except IndexUnavailable as exc:
        _fail(f"not imported: {exc}")
    src = sqlite3.connect(file.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        with writer_lock(target):  # never rename a file over a running update's index
            _replace_index(src, target)
    except IndexUnavailable as exc:
        _fail(f"not imported: {exc}")
    except (sqlite3.Error, OSError) as exc:
        _fail(f"cannot import into {target}: {exc}")
    finally:
        src.close()
    click.echo(f"imported {file} into {target}", err=True)


def _replace_index(src: sqlite3.Connection, target: Path) -> None:
    """Copy `src` over the index at `target` (under the writer lock)."""
    if target.exists():  # empty the old write-ahead log so none of it outlives the swap
        old = sqlite3.connect(target)
        try:
            with contextlib.suppress(sqlite3.Error):  # a damaged old index is replaced too
                old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            old.close()
    _copy_atomically(src, target)
