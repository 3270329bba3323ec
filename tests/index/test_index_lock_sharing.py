"""The writer lock is one per index file: every name of the file (a symlink to it) takes the
same lock, and the lock file gets the index file's read and write bits, so a group that may
update a shared index may also take its lock."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from citecheck.index.lock import IndexBusy, lock_path, writer_lock


def _index(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    index = directory / "idx.sqlite"
    index.write_bytes(b"")
    return index


def test_a_symlinked_index_file_takes_the_files_lock(tmp_path: Path) -> None:
    real = _index(tmp_path / "real")
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    assert lock_path(link) == lock_path(real) == real.with_name("idx.sqlite.lock")
    with writer_lock(real), pytest.raises(IndexBusy), writer_lock(link):
        pass
    with writer_lock(link), pytest.raises(IndexBusy), writer_lock(real):
        pass


def test_two_index_files_take_two_locks(tmp_path: Path) -> None:
    one, other = _index(tmp_path / "one"), _index(tmp_path / "other")
    with writer_lock(one), writer_lock(other):
        assert lock_path(one) != lock_path(other)


@pytest.mark.parametrize(
    ("index_mode", "lock_mode"), [(0o664, 0o664), (0o660, 0o660), (0o644, 0o644), (0o444, 0o644)]
)
def test_the_lock_file_shares_the_index_files_bits(
    tmp_path: Path, index_mode: int, lock_mode: int
) -> None:
    index = _index(tmp_path)
    index.chmod(index_mode)
    with writer_lock(index):
        assert stat.S_IMODE(lock_path(index).stat().st_mode) == lock_mode


def test_an_older_lock_file_is_given_the_bits_too(tmp_path: Path) -> None:
    index = _index(tmp_path)
    lock_path(index).write_bytes(b"")
    lock_path(index).chmod(0o600)
    index.chmod(0o664)
    with writer_lock(index):
        assert stat.S_IMODE(lock_path(index).stat().st_mode) == 0o664


def test_without_an_index_file_the_umask_decides(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    index = tmp_path / "new.sqlite"
    with writer_lock(index):
        assert stat.S_IMODE(lock_path(index).stat().st_mode) == 0o666 & ~umask


def test_without_fchmod_the_lock_is_still_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no `os.fchmod` before Python 3.13: the lock works, with the default bits."""
    index = tmp_path / "index.sqlite3"
    index.write_bytes(b"")
    monkeypatch.delattr(os, "fchmod")
    with writer_lock(index):
        assert lock_path(index).exists()
