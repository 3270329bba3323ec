"""`index update`: harvest the UN Digital Library over OAI-PMH, window by window, into the index.

Why windows: UNDL answers long OAI-PMH ranges with 503s or HTML error pages, and a window
is the unit of progress.  Each window is read to its end and written in ONE transaction
together with its `undl_window` row and the `harvest` row, so a killed run leaves the last
completed window and the next run resumes at the first unfinished one, losing and
duplicating nothing.  A failed window rolls back whole.

Coverage (the `harvest` row of ``undl``): a set of gapless stretches of days (``covered`` in
the checkpoint JSON, joined when they touch; an older index's single ``covered_from`` to
``as_of`` is read as one). ``as_of`` is the last day harvested, ``covered_from`` where the
stretch up to it begins. A ``--from`` after a gap adds a stretch and keeps the older ones.
``complete`` is true only when one stretch runs from the source's earliest datestamp to the day
of the run, with no unfinished window left: OAI-PMH ``from``/``until`` select records by their
LAST change, so a harvest that stopped early (killed, or ``--until`` in the past) misses every
older document changed later, and must deny nothing. A run after a finished one asks from
``as_of`` minus `OVERLAP` (14 days by default): OAI-PMH is reported to lag the website by days,
so a record changed shortly before ``as_of`` may show up only after the last run.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from citecheck.index.db import HarvestState, IndexDB, Interval, covers, default_path, merged
from citecheck.index.errors import HarvestError, UpdateFailed
from citecheck.index.http import PoliteClient
from citecheck.index.lock import writer_lock
from citecheck.index.oaipmh import BadResumptionToken, OaiClient

if TYPE_CHECKING:
    from citecheck.resolve.engine import Settings

SOURCE = "undl"
OVERLAP = dt.timedelta(days=14)  # OAI-PMH lags the website by days
WINDOW_RESTARTS = 3  # badResumptionToken restarts of one window before giving up

#: progress(windows done, windows total, records stored so far in this run)
Progress = Callable[[int, int, int], None]


@attrs.frozen
class UpdateReport:
    """What one `update_undl` run did."""

    source: str
    windows: int  # windows completed in this run
    windows_total: int
    records: int  # records written (inserted or replaced)
    deleted: int
    skipped: int
    requests: int
    first_from: str | None  # `from` of the first window asked
    as_of: str | None
    complete: bool
    total_records: int


def month_windows(start: dt.date, end: dt.date) -> list[tuple[str, str]]:
    """Inclusive (from, until) days: `start` to the end of its month, then whole months."""
    windows: list[tuple[str, str]] = []
    day = start
    while day <= end:
        nxt = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        last = min(nxt - dt.timedelta(days=1), end)
        windows.append((day.isoformat(), last.isoformat()))
        day = nxt
    return windows


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _checkpoint(state: HarvestState | None) -> dict[str, Any]:
    return {} if state is None else state.checkpoint_data()


def _ckpt_day(ckpt: Mapping[str, Any], key: str) -> dt.date | None:
    value = ckpt.get(key)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _extend(covered: list[Interval], start: dt.date, until: dt.date) -> list[Interval]:
    """Coverage after the gapless stretch [start, until] was read: one more interval, joined
    with those it touches.  Older coverage after a gap is kept (it stays true)."""
    return merged([*covered, (start, until)])


def _plan(
    state: HarvestState | None,
    earliest: dt.date,
    from_: dt.date | None,
    until: dt.date | None,
    today: dt.date,
    overlap: dt.timedelta = OVERLAP,
) -> tuple[dt.date, dt.date]:
    end = min(until, today) if until is not None else today  # a future end would freeze as_of
    if from_ is not None:
        return from_, end
    ckpt = _checkpoint(state)
    resume = ckpt.get("next")
    if isinstance(resume, str):  # a run was killed: go on where it stopped, no overlap
        target = _day(ckpt.get("target")) or end
        return dt.date.fromisoformat(resume), end if until is not None else max(end, target)
    as_of = _day(state.as_of) if state else None
    if as_of is not None:
        return max(earliest, min(as_of, today) - overlap), end
    return earliest, end


def update_undl(
    db: IndexDB,
    client: PoliteClient,
    *,
    from_: dt.date | str | None = None,
    until: dt.date | str | None = None,
    progress: Progress | None = None,
    oai_path: str = "/oai2d",
    today: dt.date | None = None,
    overlap: dt.timedelta = OVERLAP,
) -> UpdateReport:
    """Harvest UNDL into `db`; raises `HarvestError` (the completed windows stay).

    `until` after `today` (UTC) is clamped to `today`; `overlap` is how far before the last
    ``as_of`` an incremental run starts again.
    """
    oai = OaiClient(client, path=oai_path)
    ident = oai.identify()
    earliest = dt.date.fromisoformat(ident.earliest)
    start_at = _day(from_) if isinstance(from_, str) else from_
    end_at = _day(until) if isinstance(until, str) else until
    state = db.harvest(SOURCE)
    run_day = today or dt.datetime.now(dt.UTC).date()
    start, end = _plan(state, earliest, start_at, end_at, run_day, overlap)
    start = max(start, earliest) if start_at is None else start
    windows = month_windows(start, end) if start <= end else []
    ckpt = _checkpoint(state)
    covered = state.coverage() if state else []
    # the gapless stretch this run (and the killed run it resumes) has read: windows follow
    # each other, so it grows until it joins the coverage (an earlier `--from` heals a gap)
    stretch = _resumed_stretch(ckpt, windows[0][0] if windows else None, start_at)
    done = written = deleted = skipped = 0
    if progress:
        progress(0, len(windows), 0)
    for index, (w_from, w_until) in enumerate(windows):
        for attempt in range(WINDOW_RESTARTS + 1):
            try:
                with db.transaction():
                    w_written, w_deleted, w_skipped = _read_window(db, oai, w_from, w_until)
                    covered = _extend(covered, stretch or start, _day(w_until) or end)
                    nxt = windows[index + 1][0] if index + 1 < len(windows) else None
                    _store_state(db, covered, earliest, nxt, end, run_day, state, stretch)
                break
            except BadResumptionToken:
                if attempt == WINDOW_RESTARTS:
                    raise HarvestError(
                        f"window {w_from}..{w_until}: the server kept rejecting its own "
                        "resumption tokens; giving up"
                    ) from None
        written += w_written
        deleted += w_deleted
        skipped += w_skipped
        done += 1
        if progress:
            progress(done, len(windows), written)
    final = db.harvest(SOURCE)
    return UpdateReport(
        source=SOURCE,
        windows=done,
        windows_total=len(windows),
        records=written,
        deleted=deleted,
        skipped=skipped,
        requests=client.requests,
        first_from=windows[0][0] if windows else None,
        as_of=final.as_of if final else None,
        complete=final.complete if final else False,
        total_records=db.count("un_record"),
    )


def _resumed_stretch(
    ckpt: Mapping[str, Any], first: str | None, from_: dt.date | None
) -> dt.date | None:
    """Where the gapless stretch of this run starts: a resumed run goes on with its stretch."""
    if first is None:
        return None
    stretch = _ckpt_day(ckpt, "stretch_from") if from_ is None else None
    if stretch is not None and ckpt.get("next") == first:
        return stretch
    return _day(first)


def _read_window(db: IndexDB, oai: OaiClient, w_from: str, w_until: str) -> tuple[int, int, int]:
    written = deleted = skipped = 0
    for page in oai.list_records(w_from, w_until):
        written += db.put_un_records(page.records)
        if page.deleted:
            db.delete_un_records(page.deleted)
            deleted += len(page.deleted)
        skipped += page.skipped
    db.mark_window(w_from, w_until)
    return written, deleted, skipped


def _store_state(
    db: IndexDB,
    covered: list[Interval],
    earliest: dt.date,
    next_window: str | None,
    target: dt.date,
    run_day: dt.date,
    before: HarvestState | None,
    stretch: dt.date | None,
) -> None:
    # as_of: the last day harvested; covered_from: where the gapless stretch up to it begins
    low, high = covered[-1] if covered else (None, None)
    # complete: gapless from the earliest datestamp to the run day; a re-read of older
    # windows keeps a complete index complete (its as_of does not move)
    complete = (
        next_window is None
        and high is not None
        and covers(covered, earliest, high)
        and (
            high >= run_day
            or (before is not None and before.complete and before.as_of == high.isoformat())
        )
    )
    ckpt: dict[str, Any] = {
        "covered_from": low.isoformat() if low else None,
        "covered": [[a.isoformat(), b.isoformat()] for a, b in covered],
    }
    if next_window is not None:
        ckpt["next"] = next_window
        ckpt["target"] = target.isoformat()
        if stretch is not None:
            ckpt["stretch_from"] = stretch.isoformat()
    db.set_harvest(
        HarvestState(
            source=SOURCE,
            as_of=high.isoformat() if high else None,
            complete=bool(complete),
            earliest=earliest.isoformat(),
            checkpoint=json.dumps(ckpt, sort_keys=True),
            records=db.count("un_record"),
            updated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    )


def tqdm_progress(what: str) -> tuple[Progress | None, Callable[[], None]]:
    """A tqdm bar (windows done / total, ETA, records/s) on a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar: Any = None
    started = time.monotonic()

    def show(done: int, total: int, records: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="window", desc=what, file=sys.stderr)
        bar.n = done
        rate = records / max(time.monotonic() - started, 1e-6)
        bar.set_postfix(records=records, rate=f"{rate:.0f}/s", refresh=False)
        bar.refresh()

    def close() -> None:
        if bar is not None:
            bar.close()

    return show, close


def _client(url: str, settings: Settings) -> PoliteClient:
    interval = 1.0 / settings.rate_per_host if settings.rate_per_host > 0 else 0.0
    return PoliteClient(
        url,
        min_interval=interval,
        retries=max(settings.retries, 1) + 2,
        timeout=max(settings.timeout, 60.0),
        backoff=settings.backoff_base * 2,
    )


def update(
    db_path: Path | str | None,
    source: str = "all",
    from_: dt.date | str | None = None,
    until: dt.date | str | None = None,
    settings: Settings | None = None,
    overlap: dt.timedelta = OVERLAP,
    wait: float = 0.0,
    on_wait: Callable[[float], None] | None = None,
    full_eu: bool = False,
) -> list[Any]:
    """Harvest `source` (``undl``, ``eu`` or ``all``) into the index at `db_path`.

    The EU part is `citecheck.index.cellar_harvest.update_eu`, imported only when asked.
    Returns the reports of the harvesters, in order.  A source that stops does not stop the
    next one: `UpdateFailed` is raised at the end, with the reports of those that finished.
    One run writes an index at a time (`writer_lock`): another waits up to `wait` seconds,
    then `IndexBusy`.  `full_eu` re-reads all EU law, not only what changed.
    """
    from citecheck.resolve.engine import settings_from_env

    if source not in ("undl", "eu", "all"):
        raise ValueError(f"unknown source {source!r}")
    settings = settings or settings_from_env()
    reports: list[Any] = []
    failures: list[tuple[str, str]] = []
    with writer_lock(default_path(db_path), wait, on_wait), IndexDB(db_path, write=True) as db:
        if source in ("undl", "all"):
            show, close = tqdm_progress("UN Digital Library")
            try:
                with _client(settings.undl_url, settings) as client:
                    reports.append(
                        update_undl(
                            db, client, from_=from_, until=until, progress=show, overlap=overlap
                        )
                    )
            except HarvestError as exc:
                failures.append((SOURCE, exc.reason))
            finally:
                close()
        if source in ("eu", "all"):
            try:
                reports.append(_update_eu(db, settings, full_eu))
            except HarvestError as exc:
                failures.append(("eu", exc.reason))
    if failures:
        raise UpdateFailed(reports, failures)
    return reports


def _update_eu(db: IndexDB, settings: Settings, full: bool) -> Any:
    try:  # by name: the EU harvester is a separate module that may be absent
        update_eu = importlib.import_module("citecheck.index.cellar_harvest").update_eu
    except (ImportError, AttributeError) as exc:
        raise HarvestError("this citecheck cannot harvest EU law yet (no EU harvester)") from exc
    with _client(settings.sparql_url, settings) as client:
        return update_eu(db, client, full=full, progress=None)
