"""`check --offline` on the sample letter with a ~100k-record index vs without one.

    python benchmarks/index_bench_check.py [--records 100000] [--runs 7]

Builds an index with `citecheck.index.db`'s write API (synthetic UN records in numbered
series and sessions, plus the sample letter's documents), then times the real CLI in fresh
processes: `citecheck check --offline --format json fixtures/sample_letter.txt`, with
`CITECHECK_INDEX` pointing at the index, and with no index (an empty data directory).
Runs alternate between the two, and the median wall time of each and their ratio are
reported; the goal is at most 1.2x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from citecheck.index.db import EuAct, HarvestState, IndexDB, UnRecord  # noqa: E402

LETTER = REPO / "fixtures" / "sample_letter.txt"
KNOWN = ["A/HRC/41/35", "A/HRC/17/31", "A/RES/77/211", "CCPR/C/GC/37", "S/RES/2231(2015)"]


def build(path: Path, records: int) -> None:
    db = IndexDB(path, write=True)
    stems = ["A/HRC/RES", "A/HRC", "A/RES", "E/CN.4", "A/C.3", "CRC/C", "S/PV"]
    with db.transaction():
        batch: list[UnRecord] = []
        for i in range(records):
            stem = stems[i % len(stems)]
            session, number = 1 + (i // 700) % 80, 1 + i // (700 * 80 // 7 + 1) + i % 700
            symbol = f"{stem}/{session}/{number}"
            batch.append(UnRecord(recid=i + 1, symbols=((symbol, "own"),), title=f"Doc {i}"))
            if len(batch) == 5000:
                db.put_un_records(batch)
                batch = []
        for n, symbol in enumerate(KNOWN):
            batch.append(UnRecord(recid=records + n + 1, symbols=((symbol, "own"),), title=symbol))
        db.put_un_records(batch)
        db.put_eu_acts([EuAct("32016R0679", "REG", "2016-04-27", "GDPR", in_force=True)])
        for source in ("undl", "eu"):
            db.set_harvest(
                HarvestState(source, "2026-11-01", True, "1946-01-01", None, records, None)
            )
    db.close()


def run(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "citecheck", "check", "--offline", "--format", "json", str(LETTER)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index.sqlite3"
        t0 = time.perf_counter()
        build(index, args.records)
        print(f"index: {args.records} records built in {time.perf_counter() - t0:.1f} s")
        base = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "CITECHECK_CACHE_DIR": str(Path(tmp) / "cache"),
            "XDG_DATA_HOME": str(Path(tmp) / "empty-data"),
        }
        base.pop("CITECHECK_INDEX", None)
        with_index = {**base, "CITECHECK_INDEX": str(index)}
        run(base), run(with_index)  # warm the OS file cache
        without: list[float] = []
        withi: list[float] = []
        for _ in range(args.runs):  # interleaved: load from other processes hits both alike
            without.append(run(base))
            withi.append(run(with_index))
    a, b = statistics.median(without), statistics.median(withi)
    print(f"check --offline without index: median {a:.3f} s over {args.runs} runs")
    print(f"check --offline with index:    median {b:.3f} s over {args.runs} runs")
    print(f"ratio: {b / a:.2f}x (goal <= 1.2x)")


if __name__ == "__main__":
    main()
