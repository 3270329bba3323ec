"""Resolution benchmark: 1,000 distinct ids cited across 200 files, against the loopback fake.

Run: `python benchmarks/resolve_bench.py [--latency 0.05] [--concurrency 8]`.

The fake server (tests/resolve/fakeserver.py) runs in a child process (so it does not share
the GIL with the client) and adds a fixed latency to every request.  The per-host rate limit
is raised for the fake: all sources share one loopback host, and the real-service default of
2 requests/s would dominate and measure only the limiter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "resolve")]

from fakeserver import FakeData, FakeServer  # noqa: E402

from citecheck.resolve.engine import Resolver, Settings, settings_from_env  # noqa: E402
from citecheck.resolve.model import Status  # noqa: E402
from citecheck.resolve.net import Fetcher  # noqa: E402

SEED = 7


def make_corpus(data: FakeData, rng: random.Random) -> list[list[str]]:
    """200 files citing 1,000 distinct ids (5% missing), with repeats across files."""
    ids: list[str] = []
    for n in range(700):
        symbol = f"A/HRC/{40 + n // 100}/{n % 100 + 1}"
        if n % 20 != 0:
            data.add_un(symbol, title=f"Report {symbol}")
        ids.append(f"un:{symbol}")
    for n in range(300):
        celex = f"3{2000 + n // 100}R{n % 100 + 1:04d}"
        if n % 20 != 0:
            data.add_work(celex)
        ids.append(f"celex:{celex}")
    rng.shuffle(ids)
    files = [ids[i * 5 : i * 5 + 5] for i in range(200)]  # each id once ...
    for cited in files:  # ... plus repeats, as texts cite the same documents again
        cited.extend(rng.sample(ids, 3))
    return files


def serve(latency: float) -> None:
    """Child process: run the fake with the corpus's data until stdin closes."""
    data = FakeData.from_fixtures()
    make_corpus(data, random.Random(SEED))
    with FakeServer(data, latency).running() as fake:
        print(fake.base, flush=True)
        sys.stdin.read()


async def _startup(settings: Settings) -> None:
    """Pay once-per-process costs (TLS context, imports) outside the timed runs."""
    async with Fetcher(settings.net_config()):
        pass


def served_requests(base: str) -> int:
    with urllib.request.urlopen(f"{base}/_stats") as reply:
        return int(json.load(reply)["requests"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.latency)
        return
    files = make_corpus(FakeData(), random.Random(SEED))
    distinct = len({i for cited in files for i in cited})
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--latency", str(args.latency)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        base = child.stdout.readline().strip()
        urls = {
            "undl_url": base,
            "ods_url": base,
            "cellar_url": base,
            "sparql_url": base + "/webapi/rdf/sparql",
        }
        with tempfile.TemporaryDirectory() as cache_dir:
            settings = settings_from_env(
                env={},
                cache_dir=Path(cache_dir),
                concurrency=args.concurrency,
                rate_per_host=1000.0,
                **urls,
            )
            asyncio.run(_startup(settings))
            for label in ("cold", "warm"):
                before = served_requests(base)
                resolver = Resolver(settings)
                wanted = [i for cited in files for i in cited]
                start = time.perf_counter()
                out = asyncio.run(resolver.aresolve(wanted))
                wall = time.perf_counter() - start
                resolver.close()
                requests = served_requests(base) - before
                ideal = requests * args.latency / args.concurrency
                statuses = [r.status for r in out.values()]
                counts = {s.value: statuses.count(s) for s in Status if statuses.count(s)}
                ratio = f"{wall / ideal:.2f}x ideal" if ideal else "no requests"
                print(
                    f"{label}: {distinct} distinct ids ({len(wanted)} citations) in {len(files)} "
                    f"files: {requests} requests, wall {wall:.2f} s, ideal {ideal:.2f} s "
                    f"({ratio}); {counts}"
                )
    finally:
        if child.stdin:
            child.stdin.close()
        child.wait(10)


if __name__ == "__main__":
    main()
