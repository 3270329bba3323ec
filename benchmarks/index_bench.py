"""Index benchmark: harvest N synthetic UNDL records over OAI-PMH, look ids up, update.

    python benchmarks/index_bench.py [--records 1000000] [--lookups 50000] [--changed 1000]

1. Build: the loopback OAI-PMH server of `tests/index/oai_fake.py` runs in a child process
   and serves N synthetic MARCXML records (1,000 changed a day, 500 a page, monthly windows);
   `update_undl` harvests them into a fresh index.  Prints records/s, bytes on disk per
   record and the harvesting process's peak RSS (goal: bounded, < 500 MB at 1,000,000).
2. Look-ups: distinct ids (90 % present, 10 % absent) through `IndexDB.find_un` on a
   read-only connection (goal: 50,000 in < 1 s).
3. Incremental: the server changes `--changed` records (every tenth deleted) two days after
   the last harvest; a second `update_undl` must ask only the new window(s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "index"))

from citecheck.index.db import IndexDB  # noqa: E402
from citecheck.index.http import PoliteClient  # noqa: E402
from citecheck.index.update import update_undl  # noqa: E402

START = dt.date(2015, 1, 1)


def synthetic_symbol(recid: int) -> str:
    """The own symbol `undl_records.synthetic_record` gives record `recid`."""
    session, number = 1 + recid // 5000, recid % 5000 + 1
    return f"A/HRC/{session}/{number}" if recid % 2 else f"A/HRC/RES/{session}/{number}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=50_000)
    ap.add_argument("--changed", type=int, default=1_000)
    ap.add_argument("--per-day", type=int, default=1_000)
    ap.add_argument("--page-size", type=int, default=500)
    ap.add_argument("--keep", type=Path, default=None, help="Write the index here and keep it.")
    args = ap.parse_args()

    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "index" / "oai_fake.py"),
            "--synthetic",
            str(args.records),
            "--per-day",
            str(args.per_day),
            "--page-size",
            str(args.page_size),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin and server.stdout
    port = int(server.stdout.readline().split()[1])
    base = f"http://127.0.0.1:{port}"
    last_day = START + dt.timedelta(days=(args.records - 1) // args.per_day)
    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "index.sqlite3"
    try:
        # 1. build
        rss_before = peak_rss_mb()
        t0 = time.perf_counter()
        with (
            IndexDB(path, write=True) as db,
            PoliteClient(base, min_interval=0.0, timeout=120) as client,
        ):
            report = update_undl(db, client, today=last_day)
        build = time.perf_counter() - t0
        size = path.stat().st_size + sum(
            p.stat().st_size for p in path.parent.glob(path.name + "-*")
        )
        print(
            f"records harvested      {report.records:,} in {report.windows} windows, "
            f"{report.requests:,} requests"
        )
        print(f"build                  {build:.1f} s = {report.records / build:,.0f} records/s")
        print(f"on disk                {size / 1e6:.1f} MB = {size / report.records:.0f} B/record")
        print(f"peak RSS (harvester)   {peak_rss_mb():.0f} MB (before build {rss_before:.0f} MB)")

        # 2. look-ups
        rng = random.Random(7)
        present = rng.sample(range(1, args.records + 1), min(args.records, args.lookups * 9 // 10))
        ids = [synthetic_symbol(r) for r in present]
        ids += [f"A/HRC/{9000 + i}/1" for i in range(args.lookups - len(ids))]
        ids = list(dict.fromkeys(ids))
        with IndexDB(path) as ro:
            t0, c0 = time.perf_counter(), time.process_time()
            found = sum(1 for s in ids if ro.find_un(s))
            lookup, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"look-ups               {len(ids):,} distinct ids in {lookup:.2f} s wall, "
            f"{cpu:.2f} s CPU ({lookup / len(ids) * 1e6:.1f} us each), {found:,} found"
        )

        # 3. incremental
        change_day = last_day + dt.timedelta(days=2)
        server.stdin.write(f"change 1 {args.changed} {change_day.isoformat()}\n")
        server.stdin.flush()
        assert server.stdout.readline().strip() == "OK"
        t0 = time.perf_counter()
        with (
            IndexDB(path, write=True) as db,
            PoliteClient(base, min_interval=0.0, timeout=120) as client,
        ):
            inc = update_undl(db, client, today=change_day + dt.timedelta(days=1))
            gone = sum(1 for r in range(10, args.changed + 1, 10) if db.un_record(r) is None)
        incr = time.perf_counter() - t0
        print(
            f"incremental            {args.changed:,} changed -> {inc.records:,} written, "
            f"{inc.deleted} deleted ({gone} gone), {inc.windows} window(s) from "
            f"{inc.first_from}, {inc.requests} requests, {incr:.2f} s"
        )
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        tmp.cleanup()


if __name__ == "__main__":
    main()
