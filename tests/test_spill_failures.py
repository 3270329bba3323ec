"""The spilled ``check``'s failure paths: no temporary space, a full disk, too many open files,
SIGTERM/SIGHUP and Ctrl-C (with workers). A run never blames an input for the temporary
directory, falls back to checking in memory, and leaves no spill file behind when ended."""

from __future__ import annotations

import errno
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner

from citecheck import spill as spill_mod
from citecheck.cli import main
from citecheck.spill import Spill, SpillError, signals_end_the_run, spill_check

# Made-up texts in the shapes of UN and EU documents.
TEXTS = {
    "a.txt": "Human Rights Council resolution 41/35 and the report A/HRC/41/35, para. 66.\n"
    "Ibid., para. 70. See Regulation (EU) 2016/679, Article 6(1)(b).\n",
    "b.md": "See A/HRC/41/35 and A/HRC/99/999. <!-- citecheck: ignore[RS101] -->\n"
    "Directive 95/46/EC; E/C.12/GC/24, para. 12; CCPR/C/GC/34, para. 21.\n",
    "c.txt": "Nothing to cite here.\n",
    "d.txt": "See Joined Cases C-293/12 and C-594/12, ECLI:EU:C:2014:238; A/HRC/38/35/Add.1.\n",
}
NOTICE = "cannot write temporary files in"


def _files(folder: Path) -> list[str]:
    folder.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in TEXTS]


def _check(paths: list[str], fmt: str, jobs: int) -> Any:
    return CliRunner().invoke(
        main, ["check", "--offline", "--format", fmt, "-j", str(jobs), *paths]
    )


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The run's temporary directory (``TMPDIR``), empty."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class _FullDisk:
    """``pickle`` as the spill uses it, whose ``dump`` fails as a full disk does for the files
    ``refused`` says (by path)."""

    def __init__(self, refused: str) -> None:
        self.refused = refused
        self.HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL
        self.load = pickle.load

    def dump(self, obj: object, fh: IO[bytes], protocol: int) -> None:
        main_file = fh.name.endswith("reports.pickle")
        if (self.refused == "parent") == main_file:
            raise OSError(errno.ENOSPC, "No space left on device")
        pickle.dump(obj, fh, protocol=protocol)


def _mkstemp_refused(*args: Any, **kwargs: Any) -> tuple[int, str]:
    raise OSError(errno.EMFILE, "Too many open files")


# How temporary space fails: each is the run's, never an input file's.
FAILURES = ["no temporary directory", "disk full in a worker", "disk full in the parent", "EMFILE"]


def _break(how: str, scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "no temporary directory":
        monkeypatch.setattr(tempfile, "tempdir", str(scratch / "gone"))
    elif how == "disk full in a worker":
        monkeypatch.setattr(spill_mod, "pickle", _FullDisk("worker"))
    elif how == "disk full in the parent":
        monkeypatch.setattr(spill_mod, "pickle", _FullDisk("parent"))
    else:
        monkeypatch.setattr(tempfile, "mkstemp", _mkstemp_refused)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
@pytest.mark.parametrize("how", FAILURES)
def test_no_temporary_space_checks_in_memory_with_one_notice(
    tmp_path: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch, how: str, fmt: str, jobs: int
) -> None:
    paths = _files(tmp_path / "in")
    expected = _check(paths, fmt, jobs)
    assert expected.exit_code == 1 and NOTICE not in expected.stderr
    _break(how, scratch, monkeypatch)
    res = _check(paths, fmt, jobs)
    assert res.stdout == expected.stdout
    assert res.exit_code == 1, res.stderr
    lines = res.stderr.splitlines()
    folder = str(scratch / "gone") if how == "no temporary directory" else str(scratch)
    assert lines == [
        f"citecheck: cannot write temporary files in {folder} (set TMPDIR): checking in memory"
    ]
    assert not [p for p in scratch.iterdir() if p.name.startswith("citecheck-spill-")]


@pytest.mark.parametrize("how", ["disk full", "EMFILE"])
def test_a_worker_without_temporary_space_blames_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "disk full":
        monkeypatch.setattr(spill_mod, "pickle", _FullDisk("worker"))
    else:
        monkeypatch.setattr(tempfile, "mkstemp", _mkstemp_refused)
    spill_dir = tmp_path / "citecheck-spill-x"
    spill_dir.mkdir()
    out = spill_check("See A/HRC/41/35.", None, str(spill_dir))
    assert isinstance(out, SpillError)
    assert out.folder == str(tmp_path)
    assert ("No space left" if how == "disk full" else "Too many open files") in out.reason
    assert list(spill_dir.iterdir()) == []  # no partial file left
    assert pickle.loads(pickle.dumps(out)).folder == out.folder  # goes back from a worker


def test_a_spill_that_cannot_be_made_says_where(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = scratch / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(SpillError) as caught:
        Spill()
    assert caught.value.folder == str(not_a_folder)
    assert "NotADirectoryError" in caught.value.reason


def test_signals_end_the_run_while_open_and_are_restored_after() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as ended, signals_end_the_run():
        os.kill(os.getpid(), signal.SIGTERM)
    assert ended.value.code == 128 + signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is before


def test_signals_end_the_run_changes_nothing_outside_the_main_thread() -> None:
    before = signal.getsignal(signal.SIGTERM)
    seen: list[object] = []

    def inside() -> None:
        with signals_end_the_run():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=inside)
    thread.start()
    thread.join()
    assert seen == [before]


# The command line, stopped once the spill holds the first file's result (workers busy with
# the next ones for -j 2) until a signal arrives: no timing, the test waits for "ready".
HELD_RUN = textwrap.dedent(
    """
    import signal, sys
    import citecheck.batch
    real = citecheck.batch.spilled_batch

    def held(checked, *args, **kwargs):
        first = next(iter(checked))
        print("ready", flush=True)
        while True:
            signal.pause()

    citecheck.batch.spilled_batch = held
    from citecheck.cli import main
    sys.argv = ["citecheck", "check", "--offline", *sys.argv[1:]]
    main()
    """
)


def _held_run(tmp_path: Path, scratch: Path, jobs: int) -> subprocess.Popen[str]:
    script = tmp_path / "held.py"
    script.write_text(HELD_RUN, encoding="utf-8")
    paths = _files(tmp_path / "in") * 5  # more files than workers take at once
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, str(script), "-j", str(jobs), *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, as a shell job
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n", proc.communicate(timeout=60)
    spilled = [p for p in scratch.iterdir() if p.name.startswith("citecheck-spill-")]
    assert len(spilled) == 1 and any(spilled[0].iterdir())  # the spill holds files now
    return proc


posix_only = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")


@posix_only
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_remove_the_spill(
    tmp_path: Path, scratch: Path, jobs: int, signame: str
) -> None:
    sig = getattr(signal, signame)
    proc = _held_run(tmp_path, scratch, jobs)
    try:
        proc.send_signal(sig)  # to the run only, as `kill PID`
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    assert code == 128 + sig
    assert list(scratch.iterdir()) == []


@posix_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_with_workers_ends_promptly_and_removes_the_spill(
    tmp_path: Path, scratch: Path, jobs: int
) -> None:
    proc = _held_run(tmp_path, scratch, jobs)
    try:
        os.killpg(proc.pid, signal.SIGINT)  # to the run and its workers, as Ctrl-C does
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    assert proc.stderr is not None
    assert code == 130, proc.stderr.read()
    assert "citecheck: interrupted" in proc.stderr.read()
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("how", ["disk full in the parent", "disk full in a worker"])
def test_standard_input_is_checked_again_in_the_fallback(
    scratch: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Standard input can be read once: the in-memory fallback after a failed spill checks the
    text already read, not an empty one."""
    text = TEXTS["a.txt"] + TEXTS["d.txt"]
    args = ["check", "--offline", "--format", "json", "-"]
    expected = CliRunner().invoke(main, args, input=text)
    assert '"un:A/HRC/41/35"' in expected.stdout
    _break(how, scratch, monkeypatch)
    res = CliRunner().invoke(main, args, input=text)
    assert NOTICE in res.stderr
    assert res.stdout == expected.stdout
    assert res.exit_code == expected.exit_code


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")
def test_signals_ignored_at_start_stay_ignored() -> None:
    """``nohup citecheck check``: a hangup the run was started to ignore does not end it, nor
    its workers."""
    from citecheck.parallel import default_signals

    before = {sig: signal.getsignal(sig) for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)}
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with signals_end_the_run():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN
        default_signals()
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def test_a_signal_during_the_spill_removal_waits_until_it_is_gone(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second SIGTERM while the directory is removed cannot stop the removal half-way."""
    seen: list[object] = []
    with signals_end_the_run():
        spill = Spill()
        real_cleanup = spill._tmp.cleanup

        def cleanup() -> None:
            seen.append(signal.getsignal(signal.SIGTERM))
            os.kill(os.getpid(), signal.SIGTERM)  # ignored while removing
            real_cleanup()

        monkeypatch.setattr(spill._tmp, "cleanup", cleanup)
        spill.close()
        assert seen == [signal.SIG_IGN]
        assert not os.path.exists(spill.folder)
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN
