"""An index in a place nothing can be written (a read-only image or mount) is still read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.index.db import IndexDB, UnRecord


def _build(path: Path) -> None:
    with IndexDB(path, write=True) as db, db.transaction():
        db.put_un_records([UnRecord(700001, (("A/HRC/17/31", "own"),), title="Report")])


@contextmanager
def _unwritable(directory: Path) -> Iterator[None]:
    """No file can be created in `directory` (chmod for a user, chattr +i for root)."""
    if os.geteuid() != 0:
        directory.chmod(0o555)
        try:
            yield
        finally:
            directory.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(directory)]).returncode != 0:
        pytest.skip("running as root without a working chattr: cannot make a directory read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(directory)], check=True)


def test_a_wal_index_in_a_read_only_directory_is_read(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    _build(ro / "index.sqlite3")
    assert not (ro / "index.sqlite3-wal").exists()  # the writer checkpointed on close
    out = tmp_path / "copy.sqlite3"
    with _unwritable(ro):
        with IndexDB(ro / "index.sqlite3") as db:
            assert [h.record.recid for h in db.find_un("A/HRC/17/31")] == [700001]
        runner = CliRunner()
        info = runner.invoke(
            main, ["index", "info", "--format", "json", "--index", str(ro / "index.sqlite3")]
        )
        assert info.exit_code == 0, info.stderr
        assert json.loads(info.stdout)["sources"]["undl"]["records"] == 1
        export = runner.invoke(
            main, ["index", "export", str(out), "--index", str(ro / "index.sqlite3")]
        )
        assert export.exit_code == 0, export.stderr
    with IndexDB(out) as copy:
        assert copy.find_un("A/HRC/17/31")


def test_a_read_only_index_with_a_live_log_is_read_through_it(tmp_path: Path) -> None:
    src = tmp_path / "src.sqlite3"
    _build(src)
    writer = IndexDB(src, write=True)  # stays open: its last write lives in the -wal only
    try:
        writer._db.execute("PRAGMA wal_autocheckpoint = 0")
        with writer.transaction():
            writer.put_un_records([UnRecord(700002, (("A/HRC/17/32", "own"),))])
        ro = tmp_path / "ro"
        ro.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{src}{suffix}", ro / f"index.sqlite3{suffix}")
    finally:
        writer.close()
    with _unwritable(ro), IndexDB(ro / "index.sqlite3") as db:
        assert db.find_un("A/HRC/17/32")  # not read past the log as an immutable file


def _set_writable(directory: Path, writable: bool) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i" if writable else "+i", str(directory)], check=True)
    else:
        directory.chmod(0o755 if writable else 0o555)


def test_an_export_of_a_read_only_index_changed_during_the_copy_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citecheck.index.cli as index_cli

    ro = tmp_path / "ro"
    ro.mkdir()
    _build(ro / "index.sqlite3")
    out = tmp_path / "copy.sqlite3"
    mode_for = index_cli._mode_for

    def written_meanwhile(target: Path) -> int:  # runs after the source is opened
        _set_writable(ro, True)
        try:
            with IndexDB(ro / "index.sqlite3", write=True) as db, db.transaction():
                db.put_un_records([UnRecord(700003, (("A/HRC/17/33", "own"),))])
        finally:
            _set_writable(ro, False)
        return mode_for(target)

    monkeypatch.setattr(index_cli, "_mode_for", written_meanwhile)
    with _unwritable(ro):
        res = CliRunner().invoke(
            main, ["index", "export", str(out), "--index", str(ro / "index.sqlite3")]
        )
    assert res.exit_code == 2
    assert "the index changed while it was copied; export it again" in res.stderr
    assert not out.exists() and not list(tmp_path.glob(".citecheck-index-*"))
