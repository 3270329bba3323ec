"""--fix writing in place must never lose the original: room is reserved first and the old
bytes go back on any error (real failing writes: a file size limit in a subprocess, a file
whose write stops halfway); a checked file replaced by a FIFO does not hang the run."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from citecheck.fixes import NotWritten, Outcome, _write_in_place, write_fixed
from citecheck.readers import read_source

OLD = b"See a/hrc/41/35.\n" + b"".join(b"line %05d of the letter.\n" % i for i in range(200))


class StopsHalfway(io.FileIO):
    """A real file whose first ``failures`` writes put half their bytes on disk, then fail."""

    failures = 1

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        if self.failures:
            self.failures -= 1
            super().write(chunk[: len(chunk) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(chunk)


def test_a_write_that_stops_halfway_puts_the_old_bytes_back(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    new = OLD.replace(b"a/hrc", b"A/HRC") + b"more text than before\n" * 50
    with StopsHalfway(f, "r+") as fh, pytest.raises(NotWritten) as err:
        _write_in_place(fh, new, OLD)  # type: ignore[arg-type]
    assert f.read_bytes() == OLD
    assert err.value.outcome is Outcome.FAILED
    assert str(err.value) == (
        f"could not be written ({os.strerror(errno.ENOSPC)}; the file was left as it was)"
    )


def test_when_the_old_bytes_cannot_go_back_the_message_says_the_file_may_be_damaged(
    tmp_path: Path,
) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    with StopsHalfway(f, "r+") as fh, pytest.raises(NotWritten) as err:
        fh.failures = 2
        _write_in_place(fh, OLD.upper(), OLD)  # type: ignore[arg-type]
    assert "putting the old text back failed too" in str(err.value)
    assert "the file may be damaged" in str(err.value)
    assert "left as it was" not in str(err.value)


def test_a_complete_in_place_write_shrinks_and_grows(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(OLD)
    with open(f, "r+b") as fh:
        _write_in_place(fh, b"short\n", OLD)
    assert f.read_bytes() == b"short\n"
    with open(f, "r+b") as fh:
        _write_in_place(fh, OLD * 3, b"short\n")
    assert f.read_bytes() == OLD * 3


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
def test_a_file_size_limit_leaves_a_hard_linked_file_as_it_was(tmp_path: Path, mode: str) -> None:
    """The hard link makes --fix write in place; the fix adds bytes past the 4 KiB limit."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    head = b"See CELEX 32016R679.\n"  # the fix adds one byte
    old = head + b"x" * (4095 - len(head)) + b"\n"
    assert len(old) == 4096
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
