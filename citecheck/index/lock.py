"""One writer at a time: the lock `index update` and `index import` hold on an index file.

Why: two harvests of one index both read the sources and race on its coverage row, and an
import that renames a new file over the index under a running harvest loses the harvest's
writes.  SQLite's own lock guards one transaction, not a whole run.

Why `filelock`: an OS lock (``flock`` on POSIX, ``LockFileEx`` on Windows) on a file beside
the index, which the kernel drops when its process dies: a killed harvest leaves no lock
that blocks the next run.  Checks never take it (they read SQLite snapshots, never blocked).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from citecheck.index.db import FILENAME, IndexUnavailable

#: how often a waiting run looks again whether the lock is free (seconds)
POLL_INTERVAL = 0.1


class IndexBusy(IndexUnavailable):
    """Another process holds the writer's lock of the index (an update or an import runs)."""


def lock_path(index: Path) -> Path:
    """The lock file of the index at `index`: beside the file itself (a symlink followed, so
    every name of one index takes one lock), same name plus ``.lock``."""
    real = index.resolve()
    return real.with_name(real.name + ".lock")


def _share_like_index(fd: int, index: Path) -> None:
    """Give the lock file the read and write bits of the index file: where a group may update
    the index, it may take the lock (the umask alone would make the lock 0644). Nothing where
    the index is not there yet or the lock file is another user's."""
    fchmod = getattr(os, "fchmod", None)  # not on Windows before Python 3.13
    if fchmod is None:
        return
    try:
        bits = index.stat().st_mode & 0o666
        fchmod(fd, bits | 0o600)
    except OSError:
        pass


@contextmanager
def writer_lock(
    index: Path, wait: float = 0.0, on_wait: Callable[[float], None] | None = None
) -> Iterator[None]:
    """Hold the index's writer lock; wait at most `wait` seconds for another writer to end.

    `on_wait(wait)` is called once when the lock is taken and this run starts to wait.
    Raises `IndexBusy` when the other writer still runs after `wait` seconds, and
    `IndexUnavailable` when the lock file cannot be made (a place the index cannot be
    written to either).
    """
    if index.is_dir():
        raise IndexUnavailable(
            f"{index} is a directory; the index is a file (e.g. {index / FILENAME})"
        )
    path = lock_path(index)
    try:  # a place no lock file can be made in is one the index cannot be written to
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            _share_like_index(fd, index)
        finally:
            os.close(fd)
    except OSError as exc:
        raise IndexUnavailable(f"cannot write the index {index}: {exc}") from exc
    lock = FileLock(path)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if wait <= 0:
                raise
            if on_wait is not None:
                on_wait(wait)
            lock.acquire(timeout=wait, poll_interval=POLL_INTERVAL)
    except Timeout:
        waited = f" after waiting {wait:g} s" if wait > 0 else ""
        raise IndexBusy(
            f"another citecheck is writing the index {index} (an 'index update' or "
            f"'index import'; it holds {path}){waited}; run again when it has finished, "
            "or give --wait SECONDS to wait for it"
        ) from None
    except OSError as exc:
        raise IndexUnavailable(f"cannot lock the index {index} ({path}): {exc}") from exc
    try:
        yield
    finally:
        lock.release()
