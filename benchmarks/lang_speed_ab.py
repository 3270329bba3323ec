"""A/B of English extraction CPU time: another checkout (``--base``) against this tree.

Why: the French/Spanish/German forms must not slow English extraction by more than 10%. The
machine is shared and noisy, so each round runs both trees in fresh interpreters, alternating
which goes first, and measures process (CPU) time, not wall time; the medians are compared.
The texts are the English UN and EU texts of ``extract_bench.py``. Run::

    git worktree add /tmp/base 8301531
    python benchmarks/lang_speed_ab.py --base /tmp/base [--tree .] [--rounds 7] [--passes 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parent


def worker(corpus: Path, passes: int) -> None:
    """Inside a fresh interpreter: warm up, then print the CPU seconds of ``passes`` passes."""
    sys.path.insert(0, str(HERE))
    from extract_bench import load_texts

    import citecheck

    texts = [text for _, text in load_texts(corpus)]
    found = sum(len(citecheck.extract(t)) for t in texts)  # warm-up: compile patterns, load data
    t0 = time.process_time()
    for _ in range(passes):
        for text in texts:
            citecheck.extract(text)
    print(f"{time.process_time() - t0} {found}")


def run(tree: Path, corpus: Path, passes: int) -> tuple[float, int]:
    """CPU seconds and citation count of one worker run with ``tree`` first on the path."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker",
         "--corpus", str(corpus), "--passes", str(passes)],
        env=env, check=True, capture_output=True, text=True, cwd=tree,
    ).stdout.split()
    return float(out[0]), int(out[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="checkout of the base commit")
    parser.add_argument("--tree", type=Path, default=TREE, help="checkout measured (this one)")
    parser.add_argument("--corpus", type=Path, default=TREE.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.corpus, args.passes)
        return 0
    if args.base is None:
        parser.error("--base is required")
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    trees = {"base": args.base.resolve(), "this": args.tree.resolve()}
    times: dict[str, list[float]] = {name: [] for name in trees}
    counts: dict[str, int] = {}
    for i in range(args.rounds):
        order = list(trees) if i % 2 == 0 else list(reversed(trees))
        for name in order:
            seconds, counts[name] = run(trees[name], args.corpus, args.passes)
            times[name].append(seconds)
    base = statistics.median(times["base"])
    this = statistics.median(times["this"])
    for name in trees:
        print(f"{name:5}: median CPU {statistics.median(times[name]):.3f} s "
              f"over {args.rounds} rounds x {args.passes} passes, {counts[name]} citations")
    print(f"this / base: {this / base:.3f} ({(this / base - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
