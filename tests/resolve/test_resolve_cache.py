"""The SQLite cache: expiry, what is stored, export/import, concurrency, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from citecheck.resolve.cache import DAY, Cache
from citecheck.resolve.model import Resolution, Status


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def res(ident: str, status: Status = Status.RESOLVED, **kw: object) -> Resolution:
    return Resolution(id=ident, status=status, source="undl", **kw)  # type: ignore[arg-type]


def test_found_lives_long_not_found_briefly_unverified_never(tmp_path: Path) -> None:
    clock = Clock()
    with Cache(tmp_path, clock=clock) as cache:
        stored = cache.put_many(
            [
                res("un:A/1", title="T", extra=[("eli", "x")]),
                res("un:A/2", Status.NOT_FOUND, suggestions=["un:A/1"]),
                res("un:A/3", Status.UNVERIFIED, reason="timeout"),
                res("un:A/4", Status.NOT_CHECKED),
            ]
        )
        assert stored == 2
        got = cache.get_many(["un:A/1", "un:A/2", "un:A/3", "un:A/4"])
        assert set(got) == {"un:A/1", "un:A/2"}
        assert got["un:A/1"].source == "cache" and got["un:A/1"].get_extra("cached_from") == "undl"
        assert got["un:A/1"].title == "T" and got["un:A/2"].suggestions == ("un:A/1",)
        clock.now += 2 * DAY
        assert set(cache.get_many(["un:A/1", "un:A/2"])) == {"un:A/1"}
        clock.now += 89 * DAY
        assert cache.get_many(["un:A/1"]) == {}
        info = cache.info()
        assert info.entries == {} and info.expired == 2 and info.size_bytes > 0
        assert info.path == tmp_path / "resolutions.sqlite3"


def test_upsert_overwrites(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.put_many([res("un:A/1", Status.NOT_FOUND)])
        cache.put_many([res("un:A/1", title="now found")])
        assert cache.get_many(["un:A/1"])["un:A/1"].status is Status.RESOLVED
        assert cache.info().entries == {"resolved": 1}


def test_export_import_roundtrip_and_bad_lines(tmp_path: Path) -> None:
    with Cache(tmp_path / "a") as a:
        a.put_many([res(f"un:A/{n}", title=f"t{n}") for n in range(5)])
        assert a.export(tmp_path / "warm.jsonl") == 5
    lines = (tmp_path / "warm.jsonl").read_text().splitlines()
    good = json.loads(lines[0])
    mismatched = dict(good, status="not_found")
    unverified = dict(good, id="un:B/1", status="unverified")
    unverified["resolution"] = dict(good["resolution"], id="un:B/1", status="unverified")
    immortal = dict(json.loads(lines[1]), expires_at=1e12)
    bad = ["{not json", json.dumps(mismatched), json.dumps(unverified), json.dumps([1]), ""]
    (tmp_path / "mixed.jsonl").write_text(
        "\n".join([*lines[2:], json.dumps(immortal), *bad]) + "\n"
    )
    with Cache(tmp_path / "b") as b:
        report = b.import_(tmp_path / "mixed.jsonl")
        assert (report.imported, report.skipped) == (4, 4)
        assert any("line" in p for p in report.problems)
        assert b.get_many(["un:A/4"])["un:A/4"].title == "t4"
        row = b._db.execute("SELECT expires_at FROM answers WHERE id = 'un:A/1'").fetchone()
        assert row[0] < 1e12  # a claimed eternal life is clamped to the TTL
        assert b.clear() == 4 and b.info().entries == {}


def _writer(args: tuple[str, int]) -> int:
    path, worker = args
    with Cache(path) as cache:
        for n in range(50):
            cache.put_many([res(f"un:W/{worker}/{n}")])
    return worker


def test_several_processes_write_at_once(tmp_path: Path) -> None:
    with ProcessPoolExecutor(4) as pool:
        assert sorted(pool.map(_writer, [(str(tmp_path), w) for w in range(4)])) == [0, 1, 2, 3]
    with Cache(tmp_path) as cache:
        assert cache.info().entries == {"resolved": 200}


KILLED_WRITER = """
import sys, time
from citecheck.resolve.cache import Cache
cache = Cache(sys.argv[1])
db = cache._db
db.execute("BEGIN IMMEDIATE")
for n in range(5000):
    db.execute("INSERT INTO answers VALUES (?, '', 'resolved', '{}', 0, 1e12)", (f"un:K/{n}",))
print("in transaction", flush=True)
time.sleep(60)
"""


def test_process_killed_mid_write_leaves_cache_readable(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.put_many([res("un:A/1", title="kept")])
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "in transaction"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    with Cache(tmp_path) as cache:
        assert cache.info().entries == {"resolved": 1}
        assert cache.get_many(["un:A/1"])["un:A/1"].title == "kept"
        cache.put_many([res("un:A/2")])  # the dead writer's lock is gone
        assert cache.info().entries == {"resolved": 2}


def test_damaged_row_is_a_miss(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache._db.execute(
            "INSERT INTO answers VALUES ('un:X/1', '', 'resolved', 'garbage', 0, 1e12)"
        )
        assert cache.get_many(["un:X/1"]) == {}


def test_env_override_of_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "env"))
    with Cache() as cache:
        assert cache.path == tmp_path / "env" / "resolutions.sqlite3"
