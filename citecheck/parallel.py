"""Batch checking in parallel processes: ``citecheck check --jobs N``.

Why: extraction is CPU-bound pure Python, so threads do not help; one process per core does.
Files are sent to a :class:`~concurrent.futures.ProcessPoolExecutor` in chunks (fewer round
trips for many small files); results come back in input order, and a file that cannot be read
or that makes the pipeline fail becomes a :class:`FileResult` with ``error`` set instead of
stopping the batch.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar, cast

import attrs

from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult, check
from citecheck.readers import InputError, read_source

T = TypeVar("T")
R = TypeVar("R")

#: Signals that end a run as Ctrl-C does (``citecheck.spill.signals_end_the_run``); SIGHUP is
#: not on Windows.
ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def default_signals() -> None:
    """A worker's start: the signals that end a run end the worker at once, as by default (a
    forked worker inherits the parent's handlers, which would make them exceptions); Ctrl-C,
    sent to the whole process group, is left to the parent, which kills its workers."""
    for sig in ENDING_SIGNALS:
        if signal.getsignal(sig) is not signal.SIG_IGN:  # ``nohup``: still ignored
            signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@attrs.frozen(slots=True)
class FileResult:
    """Citations and offline findings of one input file, or why it could not be checked."""

    path: str
    citations: tuple[Citation, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def check_file(path: str) -> FileResult:
    """Read and check one file; never raises (the error is part of the result)."""
    try:
        source = read_source(path)
        result = check(source.text)
    except InputError as exc:
        return FileResult(path, error=exc.reason)
    except Exception as exc:  # one bad file must not stop the batch
        return FileResult(path, error=f"internal error: {type(exc).__name__}: {exc}")
    findings = tuple(sorted(source.findings + result.findings, key=lambda f: (f.start, f.code)))
    return FileResult(path, result.citations, findings)


def _chunksize(n: int, jobs: int) -> int:
    """About four chunks per worker: balance between overhead and stragglers."""
    return max(1, n // (jobs * 4))


def default_jobs() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_files(paths: Iterable[str], jobs: int | None = None) -> list[FileResult]:
    """Check every path, ``jobs`` processes at once (``None``: all cores; 1: in-process).

    Results are in input order. If a worker process dies (killed, out of memory), the files
    it had not finished are checked again one by one, each in a fresh worker, so that no result
    is lost and only the file that kills its worker is reported as an error.
    """
    items: Sequence[str] = [os.fspath(p) for p in paths]
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    if jobs == 1 or len(items) <= 1:
        return [check_file(p) for p in items]
    results: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
            for res in pool.map(check_file, items, chunksize=_chunksize(len(items), jobs)):
                results.append(res)
    except BrokenProcessPool:
        results.extend(_retry(p) for p in items[len(results) :])
    return results


def safe_check(text: str, families: tuple[str, ...] | None = None) -> CheckResult | str:
    """``check(text)``, or the error as a message: one failing text must not end a batch.

    A text above ``STREAM_THRESHOLD`` is checked window by window (`citecheck.stream`), so
    the pipeline's working memory follows the window, not the text; this is the one place
    that chooses, so a file gives the same citations in one process and in workers."""
    try:
        found = check_parts(text, families)
        if isinstance(found, CheckResult):
            return found
        from citecheck.pipeline import gc_paused

        citations: list[Citation] = []
        findings: list[Finding] = []
        with gc_paused():  # as the whole-text pass: a flood of citations makes no cycles
            for part in found:
                citations.extend(part.citations)
                findings.extend(part.findings)
        return CheckResult(tuple(citations), tuple(findings))
    except Exception as exc:
        return f"internal error while checking: {type(exc).__name__}: {exc}"


def check_parts(
    text: str, families: tuple[str, ...] | None = None
) -> CheckResult | Iterator[CheckResult]:
    """The whole text's check, or (above ``STREAM_THRESHOLD``) its windows' checks as they
    come: what :func:`safe_check` and ``citecheck.spill`` check a text with."""
    from citecheck.report import STREAM_THRESHOLD

    if families is not None or len(text) <= STREAM_THRESHOLD:
        return check(text, families=families)
    from citecheck.stream import TextSlices, check_stream

    return check_stream(TextSlices(text))


def check_texts(
    texts: Sequence[str], jobs: int | None = None, families: tuple[str, ...] | None = None
) -> list[CheckResult | str]:
    """:func:`safe_check` of texts already read, ``jobs`` processes at once, in input order.

    For callers that read files themselves (the batch layer): each text is pickled to a
    worker once, so prefer :func:`check_files` when the workers can read the paths. If a
    worker dies, the texts not yet done are checked in this process.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    if jobs == 1 or len(texts) <= 1:
        return [safe_check(t, families) for t in texts]
    done: list[CheckResult | str] = []
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(texts))) as pool:
            chunk = _chunksize(len(texts), jobs)
            done.extend(pool.map(safe_check, texts, [families] * len(texts), chunksize=chunk))
    except BrokenProcessPool:
        done.extend(safe_check(t, families) for t in texts[len(done) :])
    return done


def imap_check(
    items: Iterable[T],
    text_of: Callable[[T], str],
    jobs: int,
    families: tuple[str, ...] | None = None,
    checker: Callable[[str, tuple[str, ...] | None], R] | None = None,
) -> Iterator[tuple[T, R]]:
    """``(item, checker(text_of(item), families))`` in input order, ``jobs`` processes at
    once (``checker``, picklable, is :func:`safe_check` when None; ``citecheck.spill`` gives
    one that writes its result to disk).

    ``items`` are taken only as workers free up (at most ``2 * jobs`` in flight), so a batch
    read lazily is never held whole in this process. If a worker dies, the items not yet
    answered are checked in this process.

    If the run ends early (Ctrl-C, SIGTERM made an exception, the generator closed or
    dropped), the workers are killed and waited for before this returns, so none is left
    idle and none writes after the caller cleans up."""
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    # safe_check is looked up now, not bound as a default: tests put a dying one in its place.
    check = cast(Callable[[str, tuple[str, ...] | None], R], checker or safe_check)
    rest = iter(items)
    pending: deque[tuple[T, Future[R] | None]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=default_signals) as pool:
            try:
                for item in rest:
                    pending.append((item, None))  # redone in-process if the submit breaks
                    pending[-1] = (item, pool.submit(check, text_of(item), families))
                    while pending and (len(pending) >= 2 * jobs or _done(pending[0][1])):
                        yield pending[0][0], _answer(pending[0][1])
                        pending.popleft()
                while pending:
                    yield pending[0][0], _answer(pending[0][1])
                    pending.popleft()
            except BaseException as exc:
                if not isinstance(exc, BrokenProcessPool):
                    _stop(pool)
                raise
    except BrokenProcessPool:
        for item in itertools.chain((item for item, _ in pending), rest):
            yield item, check(text_of(item), families)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers (what they check is not waited for) and shut the pool down, its
    waiting calls cancelled: the pool sees its workers gone and its shutdown returns."""
    # The executor offers no way to end running calls before Python 3.14's terminate_workers.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for process in workers:
        process.kill()
    for process in workers:
        process.join()
    pool.shutdown(wait=True, cancel_futures=True)


def _done(future: Future[R] | None) -> bool:
    return future is not None and future.done()


def _answer(future: Future[R] | None) -> R:
    if future is None:
        raise BrokenProcessPool("no worker took this text")
    return future.result()


def _retry(path: str) -> FileResult:
    """Check one file in a fresh one-worker pool, so a file that kills workers is isolated."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(check_file, path).result()
    except BrokenProcessPool:
        return FileResult(path, error="the worker process checking this file died")
