"""--fix writing in place must never lose the original: room is reserved first and the old
bytes go back on any error (real failing writes: a file size limit in a subprocess, a file
whose write stops halfway); a checked file replaced by a FIFO does not hang the run."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from citecheck.fixes import NotWritten, Outcome, _write_in_place, write_fixed
from citecheck.readers import read_source

OLD = b"See a/hrc/41/35.\n" + b"".join(b"line %05d of the letter.\n" % i for i in range(200))


def stops_halfway(failures: int) -> Callable[[int, bytes, int], int]:
    """A real ``os.pwrite`` that, ``failures`` times, writes half its bytes (a short write, as
    when a disk fills) and then fails on the next call as a full disk does."""
    left = [failures]
    short = [False]

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        if not left[0]:
            return real_pwrite(fd, data, offset)
        if not short[0]:
            short[0] = True
            return real_pwrite(fd, data[: max(1, len(data) // 2)], offset)
        short[0] = False
        left[0] -= 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return pwrite


real_pwrite = os.pwrite


def _rewrite(path: Path, data: bytes, old: bytes, pwrite: Callable[[int, bytes, int], int]) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        _write_in_place(fd, data, old, pwrite)
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    "new",
    [
        OLD.replace(b"a/hrc", b"A/HRC") + b"more text than before\n" * 5000,  # grows, 2 chunks
        b"See A/HRC/41/35.\n",  # shrinks
        OLD[:-5] + b"CHANGED\n",  # only the end differs
    ],
    ids=["grows", "shrinks", "end"],
)
def test_a_write_that_stops_halfway_puts_the_old_bytes_back(tmp_path: Path, new: bytes) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    with pytest.raises(NotWritten) as err:
        _rewrite(f, new, OLD, stops_halfway(1))
    assert f.read_bytes() == OLD
    assert err.value.outcome is Outcome.FAILED
    assert str(err.value) == (
        f"could not be written ({os.strerror(errno.ENOSPC)}; the file was left as it was)"
    )


def test_a_write_that_fails_in_a_later_chunk_puts_the_earlier_chunks_back(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    old = b"x" * 300_000
    f.write_bytes(old)
    calls = [0]

    def third_fails(fd: int, data: bytes, offset: int) -> int:
        calls[0] += 1
        if calls[0] == 3:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_pwrite(fd, data, offset)

    with pytest.raises(NotWritten, match="the file was left as it was"):
        _rewrite(f, b"y" * 300_000, old, third_fails)
    assert calls[0] == 3 and f.read_bytes() == old


def test_when_the_old_bytes_cannot_go_back_the_message_says_the_file_may_be_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    failing = stops_halfway(2)
    monkeypatch.setattr(os, "pwrite", failing)  # the putting back fails too
    with pytest.raises(NotWritten) as err:
        _rewrite(f, OLD.upper(), OLD, failing)
    assert "putting the old text back failed too" in str(err.value)
    assert "the file may be damaged" in str(err.value)
    assert "left as it was" not in str(err.value)


def test_a_complete_in_place_write_shrinks_and_grows(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    _rewrite(f, b"short\n", OLD, os.pwrite)
    assert f.read_bytes() == b"short\n"
    _rewrite(f, OLD * 300, b"short\n", os.pwrite)
    assert f.read_bytes() == OLD * 300
    _rewrite(f, OLD * 300 + b"!", OLD * 300, os.pwrite)  # only an addition at the end
    assert f.read_bytes() == OLD * 300 + b"!"


_LIMITED = textwrap.dedent(
    """
    import os, resource, sys
    if sys.argv[1] == "no-fallocate":
        del os.posix_fallocate
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    from citecheck.cli import main
    cache = ["--cache-dir", sys.argv[3]]
    main(["check", "--offline", "--format", "json", *cache, "--fix", sys.argv[2]])
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only")
@pytest.mark.parametrize("mode", ["fallocate", "no-fallocate"])
@pytest.mark.parametrize("shape", ["grows past the limit", "already past the limit"])
def test_a_file_size_limit_leaves_a_hard_linked_file_as_it_was(
    tmp_path: Path, mode: str, shape: str
) -> None:
    """The hard link makes --fix write in place, under a 4 KiB file size limit: a fix that
    adds one byte to a 4 KiB file, or one that removes a zero-width space from a file already
    larger than the limit (bytes past it cannot be written at all)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    if shape == "grows past the limit":
        head = b"See CELEX 32016R679.\n"  # the fix adds one byte
        old = head + b"x" * (4095 - len(head)) + b"\n"
        assert len(old) == 4096
    else:
        old = "See A/HRC/41/\u200b35.\n".encode() + OLD[OLD.index(b"\n") + 1 :]
        assert len(old) > 4096
    a.write_bytes(old)
    os.link(a, b)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    res = subprocess.run(
        [sys.executable, "-c", _LIMITED, mode, str(b), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert res.returncode == 2, res.stderr
    assert a.read_bytes() == old and b.read_bytes() == old
    assert f"{b}: could not be written (" in res.stderr
    assert "the file was left as it was)" in res.stderr
    report = json.loads(res.stdout)
    (error,) = report["errors"]  # the run failed: its machine output says so
    assert error["path"] == str(b) and error["reason"].startswith("could not be written (")
    assert report["summary"]["not_written"] == 1 and report["summary"]["unreadable"] == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_checked_file_replaced_by_a_fifo_is_not_opened_for_reading(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    src = read_source(str(f))
    f.unlink()
    os.mkfifo(f)  # nobody writes it: a blocking open would wait for ever
    assert write_fixed(src, "See A/HRC/41/35.\n") is Outcome.CHANGED


def test_a_write_that_lands_and_is_then_interrupted_is_put_back(tmp_path: Path) -> None:
    # Ctrl-C right after a write returns, before the written range was noted: the range is
    # noted before each write, so the new bytes still go back.
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)

    def writes_then_interrupted(fd: int, data: bytes, offset: int) -> int:
        real_pwrite(fd, data, offset)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _rewrite(f, OLD.upper(), OLD, writes_then_interrupted)
    assert f.read_bytes() == OLD


def test_a_shrinking_write_that_fails_after_the_cut_gets_its_tail_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.txt"
    old = b"A" * 100 + b"TAIL-OF-ORIGINAL\n"
    f.write_bytes(old)
    real_fsync = os.fsync
    failures = [1]

    def fsync_fails_once(fd: int) -> None:
        if failures[0]:
            failures[0] -= 1
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_fails_once)
    with pytest.raises(NotWritten, match="the file was left as it was"):
        _rewrite(f, b"B" * 50, old, os.pwrite)
    assert f.read_bytes() == old


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
def test_the_signals_that_end_a_run_are_held_while_the_file_is_rewritten(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    held: list[set[int]] = []

    def noting_the_mask(fd: int, data: bytes, offset: int) -> int:
        held.append(set(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
        return real_pwrite(fd, data, offset)

    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    _rewrite(f, OLD.upper(), OLD, noting_the_mask)
    assert held and all({signal.SIGINT, signal.SIGTERM, signal.SIGHUP} <= mask for mask in held)
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before  # given back afterwards
    assert f.read_bytes() == OLD.upper()
