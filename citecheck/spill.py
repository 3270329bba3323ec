"""Bounded memory for big batches and floods: each file's report waits on disk, not in memory.

Why: a batch resolves every distinct id once, after all its files are checked, and renders at
the end; keeping every file's citations and findings in memory until then made the parent's heap
grow with the number of files and of citations. Here each file's citations and findings go
to disk in chunks as they are found (by the worker that checks the file, for ``--jobs``); the
parent keeps only the ids to resolve and which ids are cited side by side, then finishes each
file (resolution findings, selection, suppression) into chunks again, and the renderers read
the reports back one chunk at a time.

The chunks are pickles written and read by this run only, in a temporary directory only its
user can open (under ``TMPDIR``), removed at the end (also on errors, Ctrl-C, SIGTERM and
SIGHUP: :func:`signals_end_the_run`). When the directory cannot be made or written (none
usable, disk full, too many open files), :class:`SpillError` says so and the caller checks in
memory instead: temporary space is never an input file's fault.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, Any, TypeVar, overload

import attrs

from citecheck import parallel
from citecheck.config import Config, code_selected
from citecheck.fixes import quoted_spans, unquoted_fixes
from citecheck.model import Citation, Finding, Severity
from citecheck.pipeline import CheckResult, gc_paused
from citecheck.readers import InputError, SourceText
from citecheck.report import FileReport, Tally
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution
from citecheck.suppress import Suppressions, is_suppressed, suppressions

#: Citations or findings in one pickled record: what rendering holds of a file at a time.
CHUNK = 4096

T = TypeVar("T")


class SpillError(Exception):
    """The temporary directory cannot be made or written (``folder``: where it was to be):
    a fault of the machine, never of an input file. Picklable, so a worker can return it."""

    def __init__(self, folder: str, reason: str) -> None:
        super().__init__(folder, reason)
        self.folder = folder
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write temporary files in {self.folder}: {self.reason}"


def _temp_root() -> str:
    """Where temporary directories go (``TMPDIR``), for messages; never raises."""
    try:
        return tempfile.gettempdir()
    except OSError:
        return os.environ.get("TMPDIR") or "the temporary directory"


def _reason(exc: OSError | SpillError) -> str:
    return exc.reason if isinstance(exc, SpillError) else f"{type(exc).__name__}: {exc}"


def _spill_error(folder: str, exc: OSError | SpillError) -> SpillError:
    return SpillError(folder, _reason(exc))


def _end_run(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def signals_end_the_run() -> Iterator[None]:
    """While open, SIGTERM and SIGHUP raise ``SystemExit(128 + signal)`` in the main thread,
    as Ctrl-C raises ``KeyboardInterrupt``: Python would otherwise die at once, leaving the
    cleanup undone. The previous handlers come back on exit; elsewhere than the main thread
    (where signal handlers cannot be set) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # a signal the run was started to ignore (``nohup``) stays ignored
    previous = {
        sig: signal.signal(sig, _end_run)
        for sig in parallel.ENDING_SIGNALS
        if signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _hold_ending_signals() -> dict[signal.Signals, Any]:
    """Ignore SIGTERM/SIGHUP (main thread only); the handlers to put back."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {sig: signal.signal(sig, signal.SIG_IGN) for sig in parallel.ENDING_SIGNALS}


def finding_order(f: Finding) -> tuple[int, int, str]:
    """The order of a report's findings (as ``batch._report`` sorts them)."""
    return (f.start, f.end, f.code)


class SpillFile:
    """Records appended to one file, each read back by its offset."""

    def __init__(self, path: str, mode: str = "w+b") -> None:
        self.path = path
        try:
            self._fh: IO[bytes] = open(path, mode)  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise _spill_error(os.path.dirname(path), exc) from exc

    def put(self, obj: object) -> int:
        """Append ``obj``; its offset. :class:`SpillError` when the disk refuses it."""
        try:
            self._fh.seek(0, os.SEEK_END)
            offset = self._fh.tell()
            pickle.dump(obj, self._fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:
            raise _spill_error(os.path.dirname(self.path), exc) from exc
        return offset

    def get(self, offset: int) -> Any:
        self.flush()
        self._fh.seek(offset)
        return pickle.load(self._fh)

    def flush(self) -> None:
        try:
            self._fh.flush()
        except OSError as exc:
            raise _spill_error(os.path.dirname(self.path), exc) from exc

    def close(self) -> None:
        """Close; a write still buffered that the disk refuses is dropped (the file is
        removed with its directory)."""
        with contextlib.suppress(OSError):
            self._fh.close()


def read_records(path: str, offsets: Iterable[int]) -> Iterator[Any]:
    """The records at ``offsets`` of a spill file, one at a time."""
    with open(path, "rb") as fh:
        for offset in offsets:
            fh.seek(offset)
            yield pickle.load(fh)


class Spill:
    """The run's private temporary directory (removed on exit, whatever ends the run) and
    its main spill file; workers write their own files next to it. :class:`SpillError`
    when it cannot be made."""

    def __init__(self) -> None:
        self.root = root = _temp_root()
        try:
            self._tmp = tempfile.TemporaryDirectory(
                prefix="citecheck-spill-", ignore_cleanup_errors=True
            )
        except OSError as exc:
            raise _spill_error(root, exc) from exc
        self.folder = self._tmp.name
        try:
            self.file = SpillFile(os.path.join(self.folder, "reports.pickle"))
        except SpillError as exc:
            self._tmp.cleanup()
            raise SpillError(root, exc.reason) from exc

    def __enter__(self) -> Spill:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove the directory; a second SIGTERM/SIGHUP meanwhile waits until it is gone (it
        would otherwise stop the removal half-way)."""
        held = _hold_ending_signals()
        try:
            self.file.close()
            self._tmp.cleanup()
        finally:
            for sig, handler in held.items():
                signal.signal(sig, handler)

    def files(self) -> list[str]:
        """The spill files now in the directory (for tests)."""
        return sorted(os.listdir(self.folder)) if os.path.isdir(self.folder) else []


@attrs.frozen(slots=True)
class SpilledCheck:
    """One text's citations and offline findings on disk, and what resolution needs of them."""

    file: str
    citations: tuple[int, ...]  # offsets of the citation chunks, in text order
    findings: tuple[int, ...]  # offsets of the finding chunks, each sorted
    findings_in_order: bool  # the chunks one after the other are in order
    ids: tuple[str, ...]  # distinct resolvable ids, in text order
    near: Mapping[str, frozenset[str]]  # id -> ids cited side by side with it


class Neighbours:
    """`policy.cited_together` fed citations chunk by chunk, in text order: a citation pairs
    with the earlier ones that end at most ``NEIGHBOUR_GAP`` before it starts."""

    def __init__(self) -> None:
        self.near: dict[str, set[str]] = {}
        self._open: list[Citation] = []

    def add(self, citations: Iterable[Citation]) -> None:
        for b in sorted((c for c in citations if policy.resolvable(c)), key=lambda c: c.start):
            self._open = [a for a in self._open if b.start - a.end <= policy.NEIGHBOUR_GAP]
            for a in self._open:
                if a.id != b.id:
                    self.near.setdefault(a.id, set()).add(b.id)
                    self.near.setdefault(b.id, set()).add(a.id)
            self._open.append(b)


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


class _SortedRuns:
    """Finding chunks written sorted, noting whether they follow one another in order."""

    def __init__(self, out: SpillFile) -> None:
        self.out = out
        self.offsets: list[int] = []
        self.in_order = True
        self._last: tuple[int, int, str] | None = None

    def add(self, findings: Iterable[Finding]) -> None:
        ordered = sorted(findings, key=finding_order)
        if not ordered:
            return
        if self._last is not None and finding_order(ordered[0]) < self._last:
            self.in_order = False
        self._last = finding_order(ordered[-1])
        self.offsets.extend(self.out.put(list(chunk)) for chunk in _chunks(ordered))


def read_sorted(path: str, offsets: Sequence[int], in_order: bool) -> Iterator[Finding]:
    """Sorted chunks back as one sorted sequence: as written when they follow one another,
    else sorted whole (equal to sorting the unsorted chunks: the sort is stable)."""
    if in_order:
        for chunk in read_records(path, offsets):
            yield from chunk
        return
    found = [f for chunk in read_records(path, offsets) for f in chunk]
    yield from sorted(found, key=finding_order)


def spill_check(
    text: str, families: tuple[str, ...] | None, folder: str
) -> SpilledCheck | SpillError | str:
    """`parallel.safe_check` whose result goes to a new file of ``folder``, chunk by chunk as
    it is found (window by window for a text above ``STREAM_THRESHOLD``), so neither the
    worker nor the parent holds a flood of citations; the error as a message otherwise, or
    the :class:`SpillError` (returned, not raised: it is the run's, not the text's)."""
    try:
        fd, path = tempfile.mkstemp(dir=folder, suffix=".pickle")
        os.close(fd)
    except OSError as exc:
        return _spill_error(os.path.dirname(folder), exc)
    try:
        out = SpillFile(path)
    except SpillError as exc:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return SpillError(os.path.dirname(folder), exc.reason)
    try:
        with gc_paused():  # as the whole-text pass: a flood of citations makes no cycles
            done = _spill_parts(out, _parts(text, families))
        out.flush()  # a full disk shows here, not when closing
        out.close()
        return done
    except (OSError, SpillError) as exc:  # the check reads no file: its writing failed
        failed: SpillError | str = SpillError(os.path.dirname(folder), _reason(exc))
    except Exception as exc:
        failed = f"internal error while checking: {type(exc).__name__}: {exc}"
    out.close()
    with contextlib.suppress(OSError):
        os.unlink(path)
    return failed


def _parts(text: str, families: tuple[str, ...] | None) -> Iterable[CheckResult]:
    """As `parallel.safe_check` checks: the whole text, or window by window."""
    found = parallel.check_parts(text, families)
    return [found] if isinstance(found, CheckResult) else found


def _spill_parts(out: SpillFile, parts: Iterable[CheckResult]) -> SpilledCheck:
    offsets: list[int] = []
    runs = _SortedRuns(out)
    neighbours = Neighbours()
    ids: dict[str, None] = {}
    for part in parts:
        neighbours.add(part.citations)
        ids.update(dict.fromkeys(policy.ids_to_resolve(part.citations)))
        offsets.extend(out.put(list(chunk)) for chunk in _chunks(part.citations))
        runs.add(part.findings)
    near = {k: frozenset(v) for k, v in neighbours.near.items()}
    return SpilledCheck(out.path, tuple(offsets), tuple(runs.offsets), runs.in_order, (*ids,), near)


@attrs.frozen(slots=True)
class ReportHandle:
    """Where one finished report is: its source and resolutions, citation and finding chunks,
    and its figures; small, whatever the number of citations."""

    path: str
    head: int  # offset in the main spill file of (source without its text, resolutions used)
    citations_file: str
    citations: tuple[int, ...]
    findings: tuple[int, ...]  # offsets in the main spill file
    tally: Tally = attrs.field(eq=False)


class SpilledReport:
    """One report read back from disk (a :class:`~citecheck.report.ReportView`): source and
    resolutions when first needed, citations and findings a chunk at a time."""

    def __init__(self, handle: ReportHandle, spill: SpillFile) -> None:
        self.handle = handle
        self._spill = spill
        self._inner: FileReport | None = None

    @property
    def path(self) -> str:
        return self.handle.path

    def _report(self) -> FileReport:
        if self._inner is None:
            src, used = self._spill.get(self.handle.head)
            self._inner = FileReport(src.path, src.text, (), (), used, src)
        return self._inner

    @property
    def citations(self) -> Iterator[Citation]:
        for chunk in read_records(self.handle.citations_file, self.handle.citations):
            yield from chunk

    @property
    def findings(self) -> Iterator[Finding]:
        for chunk in read_records(self._spill.path, self.handle.findings):
            yield from chunk

    @property
    def resolutions(self) -> Mapping[str, Mapping[str, Any]]:
        return self._report().resolutions

    @property
    def source(self) -> SourceText | None:
        return self._report().source

    @property
    def extracted(self) -> bool:
        return self._report().extracted

    def loc(self, offset: int) -> dict[str, Any]:
        return self._report().loc(offset)

    def region(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        return self._report().region(start, end)

    def tally(self) -> Tally:
        return self.handle.tally


class SpilledReports(Sequence[SpilledReport]):
    """The batch's reports in input order, each read back when it is reached."""

    def __init__(self, handles: Sequence[ReportHandle], spill: SpillFile) -> None:
        self._handles = handles
        self._spill = spill

    def __len__(self) -> int:
        return len(self._handles)

    @overload
    def __getitem__(self, index: int) -> SpilledReport: ...
    @overload
    def __getitem__(self, index: slice) -> SpilledReports: ...
    def __getitem__(self, index: int | slice) -> SpilledReport | SpilledReports:
        if isinstance(index, slice):
            return SpilledReports(self._handles[index], self._spill)
        return SpilledReport(self._handles[index], self._spill)


@attrs.frozen(slots=True)
class SpilledBatch:
    """A batch whose reports wait on disk (``BatchResult`` for the command line); its figures
    were counted as each report was finished."""

    reports: SpilledReports
    errors: tuple[InputError, ...]
    resolved: bool = False

    def _total(self) -> Tally:
        total = Tally()
        for handle in self.reports._handles:
            total.add(handle.tally)
        return total

    def citations_not_resolved(self) -> int:
        """As ``BatchResult.citations_not_resolved``."""
        return self._total().not_resolved

    def citations_without_network(self) -> int:
        """As ``BatchResult.citations_without_network``."""
        return self._total().without_network

    def failing(self, threshold: int, exempt: frozenset[str]) -> bool:
        """A finding at or above severity rank ``threshold`` whose code is not ``exempt``."""
        return any(
            Severity(sev).rank >= threshold and code not in exempt
            for sev, code in self._total().findings
        )


@attrs.frozen(slots=True)
class _Pending:
    """A checked file waiting for the batch's resolutions."""

    head: int  # offset in the main spill file of (source without its text, suppressions)
    checked: SpilledCheck
    quoted: tuple[tuple[int, int], ...] = ()  # Markdown code: no fix offered there


def spilled_batch(
    checked: Iterable[tuple[SourceText, SpilledCheck | SpillError | str]],
    config: Config,
    spill: Spill,
    *,
    resolver: policy.ResolveFn | None,
    errors: Sequence[InputError] = (),
) -> SpilledBatch:
    """What ``batch.check_sources`` does, with reports on disk: ``checked`` are the sources
    with their `spill_check` results (the text is dropped once its markers are read).
    :class:`SpillError` when the temporary directory fails (in a worker or here)."""
    failed: list[InputError] = []
    pending: list[_Pending] = []
    ids: dict[str, None] = {}
    near: dict[str, set[str]] = {}
    for src, res in checked:
        if isinstance(res, SpillError):
            raise res
        if isinstance(res, str):
            failed.append(InputError(src.path, res))
            continue
        marks = suppressions(src.text, src.marker_line)
        quoted = tuple(quoted_spans(src.path, src.text, src.extracted))
        pending.append(_Pending(_written(spill, (src.without_text(), marks)), res, quoted))
        ids.update(dict.fromkeys(res.ids))
        for ident, others in res.near.items():
            near.setdefault(ident, set()).update(others)
    errs = (*errors, *failed)
    resolutions: dict[str, Resolution] = {}
    if resolver is not None:
        resolutions = policy.resolve_ids(list(ids), near, resolver)
    try:
        with gc_paused():  # reading back makes objects by the million, and no cycles
            handles = [_finish(p, config, resolutions, spill.file) for p in pending]
    except (OSError, SpillError) as exc:  # only the spill's files are written here
        raise _spill_error(spill.root, exc) from exc
    return SpilledBatch(SpilledReports(handles, spill.file), errs, resolver is not None)


def _written(spill: Spill, record: object) -> int:
    try:
        return spill.file.put(record)
    except (OSError, SpillError) as exc:
        raise _spill_error(spill.root, exc) from exc


def _finish(
    pending: _Pending, config: Config, resolutions: Mapping[str, Resolution], out: SpillFile
) -> ReportHandle:
    """One file's report as ``batch._report`` makes it, chunk by chunk: resolution findings
    added, all sorted (a merge of sorted runs), selected and suppressed."""
    src, marks = out.get(pending.head)
    checked = pending.checked
    used: dict[str, Mapping[str, Any]] = {}
    tally = Tally()
    resolution_runs = _SortedRuns(out)
    for chunk in read_records(checked.file, checked.citations):
        for cit in chunk:
            if cit.id in resolutions and cit.id not in used:
                used[cit.id] = resolutions[cit.id].to_json()
        tally.add_citations(chunk, used)
        if resolutions:
            resolution_runs.add(policy.resolution_findings(chunk, resolutions))
    merged = heapq.merge(
        sorted(src.findings, key=finding_order),
        read_sorted(checked.file, checked.findings, checked.findings_in_order),
        read_sorted(out.path, resolution_runs.offsets, resolution_runs.in_order),
        key=finding_order,
    )
    out.flush()  # the runs just written are read through another handle
    kept = _selected(
        merged, config, config.ignored_codes(src.path), marks, src.marker_line, resolutions
    )
    if pending.quoted:
        kept = unquoted_fixes(kept, pending.quoted)
    offsets: list[int] = []
    batch: list[Finding] = []
    for finding in kept:
        batch.append(finding)
        if len(batch) == CHUNK:
            tally.add_findings(batch)
            offsets.append(out.put(batch))
            batch = []
    if batch:
        tally.add_findings(batch)
        offsets.append(out.put(batch))
    head = out.put((src, used))
    return ReportHandle(src.path, head, checked.file, checked.citations, tuple(offsets), tally)


def _selected(
    findings: Iterable[Finding],
    config: Config,
    ignored: Sequence[str],
    marks: Suppressions,
    line_of: Callable[[int], int],
    resolutions: Mapping[str, Resolution],
) -> Iterator[Finding]:
    for f in findings:
        if not code_selected(f.code, config.select, ignored):
            continue
        if resolutions and not policy.stands(f, resolutions):
            continue
        if marks and is_suppressed(f.code, line_of(f.start), marks):
            continue
        yield f


def spill_checker(
    spill: Spill,
) -> Callable[[str, tuple[str, ...] | None], SpilledCheck | SpillError | str]:
    """`spill_check` into ``spill``'s directory, as a picklable function for workers."""
    return functools.partial(spill_check, folder=spill.folder)
