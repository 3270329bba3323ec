"""One writer at a time: a second `index update` (or an `index import`) waits a bounded time
or exits 2 with a clear message; a killed writer's lock blocks nothing; checks never wait."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from oai_fake import FakeOai

from citecheck.cli import main
from citecheck.index.db import IndexDB
from citecheck.index.lock import IndexBusy, lock_path, writer_lock
from citecheck.index.update import update
from citecheck.resolve.engine import settings_from_env
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource

UNTIL = dt.date(2012, 3, 15)  # the sample store runs 2011-01-01 .. 2012-03


def _update(index: Path, **kw: Any) -> list[Any]:
    return update(index, source="undl", until=UNTIL, settings=settings_from_env(), **kw)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


@pytest.fixture
def holder(env: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds the writer lock of the index until it is killed."""
    code = (
        "import sys, pathlib\n"
        "from citecheck.index.lock import writer_lock\n"
        "with writer_lock(pathlib.Path(sys.argv[1])):\n"
        "    print('locked', flush=True)\n"
        "    sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(env)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_a_second_update_exits_2_while_another_process_writes(
    env: Path, fake: FakeOai, holder: subprocess.Popen[str]
) -> None:
    code, err = _run("index", "update", "--source", "undl", "--until", "2012-03-15")
    assert code == 2
    assert "another citecheck is writing the index" in err and "--wait" in err
    assert fake.oai_requests() == []  # it harvested nothing
    assert not env.exists()  # and did not even create the index


def test_wait_says_it_waits_then_exits_2_if_the_writer_still_runs(
    env: Path, fake: FakeOai, holder: subprocess.Popen[str]
) -> None:
    code, err = _run("index", "update", "--source", "undl", "--wait", "0.3")
    assert code == 2
    assert "waiting up to 0.3 s" in err and "after waiting 0.3 s" in err
    assert fake.oai_requests() == []


def test_a_killed_writer_leaves_no_lock_that_blocks(
    env: Path, fake: FakeOai, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(env).exists()  # the killed process left its lock file; its OS lock is gone
    code, err = _run("index", "update", "--source", "undl", "--until", "2012-03-15")
    assert code == 0, err
    with IndexDB(env) as db:
        assert db.count("un_record") == 29


def test_checks_and_info_read_while_an_update_holds_the_lock(env: Path, fake: FakeOai) -> None:
    _update(env)
    with writer_lock(env):
        with IndexDB(env) as db:
            answer = IndexSource(db, Settings()).answer(["un:A/HRC/RES/17/4"])
            assert answer["un:A/HRC/RES/17/4"].status.value == "resolved"
        code, err = _run("index", "info")
        assert code == 0, err


def test_an_import_is_refused_while_an_update_writes(env: Path, tmp_path: Path) -> None:
    _update(env)
    copy = tmp_path / "copy.sqlite3"
    assert _run("index", "export", str(copy))[0] == 0
    before = env.read_bytes()
    with writer_lock(env):
        code, err = _run("index", "import", str(copy))
    assert code == 2 and "not imported: another citecheck is writing the index" in err
    assert env.read_bytes() == before


def test_a_waiting_update_runs_once_the_first_has_finished(env: Path, fake: FakeOai) -> None:
    waiting = threading.Event()
    results: list[list[Any]] = []
    with writer_lock(env):
        second = threading.Thread(
            target=lambda: results.append(_update(env, wait=60, on_wait=lambda _: waiting.set()))
        )
        second.start()
        assert waiting.wait(30)
        assert fake.oai_requests() == []  # nothing harvested while the lock is held
    second.join(60)
    assert not second.is_alive() and results[0][0].records == 29


def test_a_wait_that_runs_out_is_index_busy(env: Path, fake: FakeOai) -> None:
    with writer_lock(env), pytest.raises(IndexBusy, match=r"after waiting 0\.2 s"):
        _update(env, wait=0.2)
    assert fake.oai_requests() == []


def test_two_concurrent_updates_harvest_one_after_the_other(env: Path, fake: FakeOai) -> None:
    """Without the lock both would read all 15 windows and race on the coverage row."""
    start = threading.Barrier(2)
    reports: list[Any] = []

    def run() -> None:
        start.wait()
        reports.extend(
            update(
                env,
                source="undl",
                settings=settings_from_env(),
                wait=120,
                until=UNTIL,
                overlap=dt.timedelta(days=1),
            )
        )

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(r.windows_total for r in reports) == [1, 15]  # full, then incremental
    with IndexDB(env) as db:
        state = db.harvest("undl")
        assert state is not None and state.as_of == "2012-03-15" and db.count("un_record") == 29
