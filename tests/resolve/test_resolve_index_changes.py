"""A long-lived resolver reads the index file as it is now, and never denies from a file that
changed under it or that SQLite cannot read.

An index in a read-only directory is opened with SQLite's ``immutable=1``: such a connection
does not see a writer, and pages of two versions of the file may be read together, so a row
can read as absent.  With a complete harvest an absence is `not_found`, so the resolver checks
the file's identity before each batch (and, immutable, after it too).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from citecheck.index.db import HarvestState, IndexDB, UnRecord
from citecheck.resolve import NoNetworkTransport, Resolver, Status
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource

MakeSettings = Callable[..., Settings]
HELD = "un:A/HRC/RES/20/1"  # in every version of the index
LATE = "un:A/HRC/RES/17/4"  # only in the updated index; a definite miss in the first one


def _write(path: Path, symbols: list[str], recid: int = 800001) -> None:
    """Add records to the index at `path` (created if needed), with a complete UNDL harvest."""
    with IndexDB(path, write=True) as db, db.transaction():
        db.put_un_records(
            UnRecord(recid + i, ((s, "own"),), title=f"Resolution {s}")
            for i, s in enumerate(symbols)
        )
        db.set_harvest(
            HarvestState("undl", "2026-11-01", True, "1946-01-01", None, len(symbols), None)
        )


def _settings(make_settings: MakeSettings, path: Path) -> Settings:
    return make_settings(
        offline=True, transport=NoNetworkTransport(), use_index=True, index_path=path
    )


def _ask(resolver: Resolver, ident: str) -> Any:
    """A long-lived resolver asking again in a later pass (as the language server does: an
    unverified answer is asked again; a definite one only when the index changed)."""
    resolver.forget_unverified([ident])
    return resolver.resolve([ident])[ident]


class ReadOnlyDir:
    """Makes a directory one where nothing can be created (chattr +i as root, else chmod)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.chattr = shutil.which("chattr") if os.geteuid() == 0 else None
        if os.geteuid() == 0 and (
            self.chattr is None or subprocess.run([self.chattr, "+i", str(directory)]).returncode
        ):
            pytest.skip("running as root without a working chattr: no read-only directory")
        self.unlock()

    def lock(self) -> None:
        if self.chattr:
            subprocess.run([self.chattr, "+i", str(self.directory)], check=True)
        else:
            self.directory.chmod(0o555)

    def unlock(self) -> None:
        if self.chattr:
            subprocess.run([self.chattr, "-i", str(self.directory)], check=True)
        else:
            self.directory.chmod(0o755)


@pytest.fixture
def ro(tmp_path: Path) -> Iterator[tuple[Path, ReadOnlyDir]]:
    """An index with `HELD` in a directory that is read-only (unlocked for the writes)."""
    directory = tmp_path / "ro"
    directory.mkdir()
    path = directory / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:")])
    guard = ReadOnlyDir(directory)
    guard.lock()
    try:
        yield path, guard
    finally:
        guard.unlock()


def _update(path: Path, guard: ReadOnlyDir, symbols: list[str], recid: int) -> None:
    """The owner's `index update`: writes (the log is checkpointed and removed on close)."""
    guard.unlock()
    try:
        _write(path, symbols, recid)
    finally:
        guard.lock()
    assert not path.with_name(path.name + "-wal").exists()


def test_an_index_replaced_between_batches_is_reopened(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:")])
    resolver = Resolver(_settings(make_settings, path))
    try:
        assert _ask(resolver, LATE).status is Status.NOT_FOUND
        new = tmp_path / "new.sqlite3"
        _write(new, [HELD.removeprefix("un:"), LATE.removeprefix("un:")])
        os.replace(new, path)  # `index import`: a new file renamed over the old one
        late = _ask(resolver, LATE)
        assert late.status is Status.RESOLVED and late.source == "index"
    finally:
        resolver.close()


def test_an_immutable_index_updated_between_batches_is_reopened(
    make_settings: MakeSettings, ro: tuple[Path, ReadOnlyDir]
) -> None:
    path, guard = ro
    resolver = Resolver(_settings(make_settings, path))
    try:
        assert _ask(resolver, LATE).status is Status.NOT_FOUND
        index = resolver.index
        assert index is not None and index.db.immutable  # the read-only directory's path
        _update(path, guard, [LATE.removeprefix("un:")], 800101)
        late = _ask(resolver, LATE)
        assert late.status is Status.RESOLVED and late.source == "index"
        assert resolver.index is not None and resolver.index.db.immutable
        assert resolver.index.db.count("un_record") == 2
    finally:
        resolver.close()


def _seam(monkeypatch: pytest.MonkeyPatch, path: Path, guard: ReadOnlyDir, times: int) -> list[int]:
    """The owner writes to the file while `IndexSource.answer` reads it (the first `times`
    reads); the list counts the reads."""
    original = IndexSource.answer
    reads: list[int] = []

    def answer_while_written(self: IndexSource, ids: list[str]) -> Any:
        out = original(self, ids)
        reads.append(len(ids))
        if len(reads) <= times:
            _update(path, guard, [LATE.removeprefix("un:")], 800100 + len(reads))
        return out

    monkeypatch.setattr(IndexSource, "answer", answer_while_written)
    return reads


def test_an_immutable_index_changed_during_a_batch_is_read_again(
    make_settings: MakeSettings, ro: tuple[Path, ReadOnlyDir], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, guard = ro
    reads = _seam(monkeypatch, path, guard, times=1)
    resolver = Resolver(_settings(make_settings, path))
    try:
        late = resolver.resolve([LATE])[LATE]
    finally:
        resolver.close()
    assert len(reads) == 2  # the first read's "absent" came from the old file
    assert late.status is Status.RESOLVED and late.source == "index"


def test_an_immutable_index_changing_during_every_read_denies_nothing(
    make_settings: MakeSettings, ro: tuple[Path, ReadOnlyDir], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, guard = ro
    reads = _seam(monkeypatch, path, guard, times=99)
    resolver = Resolver(_settings(make_settings, path))
    try:
        out = resolver.resolve([LATE, HELD, "un:A/HRC/RES/18/9"])
    finally:
        resolver.close()
    assert len(reads) == 2
    for ident in (LATE, "un:A/HRC/RES/18/9", HELD):
        assert out[ident].status is Status.UNVERIFIED, ident
        assert "the index file changed while it was read" in (out[ident].reason or "")


def test_an_unchanged_immutable_index_is_read_once(
    make_settings: MakeSettings, ro: tuple[Path, ReadOnlyDir], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, guard = ro
    reads = _seam(monkeypatch, path, guard, times=0)
    resolver = Resolver(_settings(make_settings, path))
    try:
        out = resolver.resolve([LATE, HELD])
    finally:
        resolver.close()
    assert reads == [2]
    assert out[LATE].status is Status.NOT_FOUND and out[HELD].status is Status.RESOLVED


def _corrupt_table(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with bytes that are no b-tree page."""
    con = sqlite3.connect(path)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    (size,) = con.execute("PRAGMA page_size").fetchone()
    con.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xee" * size)


def test_a_corrupt_page_is_unverified_never_not_found(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:")])
    _corrupt_table(path, "un_symbol")
    resolver = Resolver(_settings(make_settings, path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = resolver.resolve([LATE, HELD, "celex:32016R0679", "ecli:EU:C:2014:238"])
            again = _ask(resolver, LATE)
        finally:
            resolver.close()
    for ident in (LATE, HELD, "celex:32016R0679", "ecli:EU:C:2014:238"):
        res = out[ident]
        assert res.status is Status.UNVERIFIED and res.source == "index", ident
        reason = res.reason or ""
        assert reason.startswith("the index could not be read (database disk image"), ident
    assert again.status is Status.NOT_CHECKED  # the damaged file stays closed until it changes
    said = [str(w.message) for w in caught if "index unusable" in str(w.message)]
    assert len(said) == 1 and "malformed" in said[0]


def test_an_index_created_after_a_miss_is_opened(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    path = tmp_path / "index.sqlite3"
    resolver = Resolver(_settings(make_settings, path))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert _ask(resolver, LATE).status is Status.NOT_CHECKED
            assert _ask(resolver, LATE).status is Status.NOT_CHECKED
        assert len([w for w in caught if "no index at" in str(w.message)]) == 1
        _write(path, [LATE.removeprefix("un:")])
        assert _ask(resolver, LATE).status is Status.RESOLVED
    finally:
        resolver.close()


def test_an_immutable_read_that_fails_because_the_file_changed_is_read_again(
    make_settings: MakeSettings, ro: tuple[Path, ReadOnlyDir], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, guard = ro
    original = IndexSource.answer
    reads: list[int] = []

    def torn(self: IndexSource, ids: list[str]) -> Any:
        reads.append(len(ids))
        if len(reads) == 1:  # the owner rewrote the file; the old reader met a new page
            _update(path, guard, [LATE.removeprefix("un:")], 800100)
            raise sqlite3.DatabaseError("database disk image is malformed")
        return original(self, ids)

    monkeypatch.setattr(IndexSource, "answer", torn)
    resolver = Resolver(_settings(make_settings, path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            late = resolver.resolve([LATE])[LATE]
        finally:
            resolver.close()
    assert len(reads) == 2
    assert late.status is Status.RESOLVED and late.source == "index"
    assert not [w for w in caught if "index unusable" in str(w.message)]


# ---- a writable directory (WAL): the owner's `index update` commits while a reader reads ----

NEXT = "un:A/HRC/RES/21/1"  # not in the first index, whose series ends at session 20


def test_one_resolve_does_not_mix_two_versions_of_a_replaced_index(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    """Answers memoized from the old file go with it: one call gives the new file's answers."""
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:"), "A/HRC/RES/22/1"])
    resolver = Resolver(_settings(make_settings, path))
    other = "un:A/HRC/RES/21/2"
    try:
        assert resolver.resolve([NEXT])[NEXT].status is Status.NOT_FOUND
        new = tmp_path / "new.sqlite3"
        _write(new, [s.removeprefix("un:") for s in (HELD, NEXT, other, "un:A/HRC/RES/22/1")])
        os.replace(new, path)
        out = resolver.resolve([NEXT, other])
        assert {i: (r.status, r.source) for i, r in out.items()} == {
            NEXT: (Status.RESOLVED, "index"),
            other: (Status.RESOLVED, "index"),
        }
    finally:
        resolver.close()


@pytest.mark.parametrize("via", ["resolve", "from_index"])
def test_an_index_updated_in_place_while_a_reader_is_open_is_seen(
    make_settings: MakeSettings, tmp_path: Path, via: str
) -> None:
    """In WAL mode the open reader keeps the writer from checkpointing: the main file may
    not change at all; SQLite's data_version still tells the reader."""
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:"), "A/HRC/RES/22/1"])
    resolver = Resolver(_settings(make_settings, path))

    def ask() -> Any:
        if via == "from_index":
            return resolver.from_index([NEXT]).get(NEXT)
        return _ask(resolver, NEXT)

    try:
        first = ask()
        assert first is not None and first.status is Status.NOT_FOUND
        index = resolver.index
        assert index is not None and not index.db.immutable
        _write(path, [NEXT.removeprefix("un:")], 900001)  # committed and closed
        late = ask()
        assert late is not None and late.status is Status.RESOLVED and late.source == "index"
    finally:
        resolver.close()


def test_a_checkpoint_with_no_new_data_is_no_change(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    """The main file's size and mtime change at a checkpoint; its data does not."""
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:")])
    resolver = Resolver(_settings(make_settings, path))
    try:
        assert _ask(resolver, HELD).status is Status.RESOLVED
        with IndexDB(path, write=True) as owner:
            assert resolver.index_changes() == 0
            with owner.transaction():
                owner.put_un_records([UnRecord(900001, ((NEXT.removeprefix("un:"), "own"),))])
            assert resolver.index_changes() == 1  # a commit: the index changed
            before = os.stat(path)
            owner._db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # as SQLite does by itself
            after = os.stat(path)
            assert (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)
            assert resolver.index_changes() == 1  # the checkpoint alone: no change
    finally:
        resolver.close()


WRITE_BETWEEN = ["harvest", "un_series", "un_max_session", "un_max_number", "find_un"]


@pytest.mark.parametrize("via", ["resolve", "from_index"])
@pytest.mark.parametrize("seam", WRITE_BETWEEN)
def test_a_commit_between_two_reads_of_one_batch_gives_no_false_not_found(
    make_settings: MakeSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    seam: str,
    via: str,
) -> None:
    """The owner's `index update` commits between two SELECTs of one answer: the batch is
    read in one transaction, so the answer is the old version's, whole (here: not in the
    index), never a miss taken half from each version."""
    path = tmp_path / "index.sqlite3"
    _write(path, [HELD.removeprefix("un:"), "A/HRC/RES/20/2"])
    resolver = Resolver(_settings(make_settings, path))
    original = getattr(IndexDB, seam)
    wrote: list[str] = []

    def read_while_written(self: IndexDB, *args: Any, **kwargs: Any) -> Any:
        if not wrote and not self.write:  # commits just before this read
            wrote.append(seam)
            _write(path, [NEXT.removeprefix("un:"), "A/HRC/RES/22/1"], 900001)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(IndexDB, seam, read_while_written)
    try:
        if via == "from_index":  # the language server's first, synchronous read
            res = resolver.from_index([NEXT]).get(NEXT) or resolver.resolve([NEXT])[NEXT]
        else:
            res = resolver.resolve([NEXT])[NEXT]
        assert wrote == [seam]
        if res.status is Status.NOT_FOUND:  # only with a reason of one version
            pytest.fail(f"false not_found: {res.reason}")
        assert res.status is Status.RESOLVED or (
            res.status is Status.UNVERIFIED and (res.reason or "").startswith("not in the index")
        ), res
        monkeypatch.setattr(IndexDB, seam, original)
        late = _ask(resolver, NEXT)
        assert late.status is Status.RESOLVED and late.source == "index"
    finally:
        resolver.close()


def test_a_miss_and_its_suggestions_are_read_from_one_version(
    make_settings: MakeSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit between the miss and its suggestions: the note says what the same version
    holds (the range of session 21 as the miss saw it), not the next version's."""
    from citecheck.resolve import suggest

    path = tmp_path / "index.sqlite3"
    _write(path, ["A/HRC/RES/21/1", "A/HRC/RES/21/2", "A/HRC/RES/22/1"])
    resolver = Resolver(_settings(make_settings, path))
    original = suggest.from_index
    wrote: list[bool] = []

    def suggest_while_written(*args: Any, **kwargs: Any) -> Any:
        if not wrote:
            wrote.append(True)
            _write(path, [f"A/HRC/RES/21/{n}" for n in (3, 4)], 900001)
        return original(*args, **kwargs)

    monkeypatch.setattr(suggest, "from_index", suggest_while_written)
    try:
        res = resolver.resolve(["un:A/HRC/RES/21/9"])["un:A/HRC/RES/21/9"]
    finally:
        resolver.close()
    assert wrote and res.status is Status.NOT_FOUND
    assert "21/1 to 21/2" in (res.reason or ""), res.reason
