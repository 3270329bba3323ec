"""Cost of the UN-symbol family per candidate, in CPU time (issue #12).

Why: on a shared machine wall clock varies with the other processes; CPU time of this process
does much less. Over the texts of ``extract_bench.py``, prints the least CPU time of
``--runs`` passes of ``un_symbols`` ``find`` alone (per visited ``/``, per symbol the
tokeniser matched, per citation), of that family's offline validation, and of a whole
``citecheck.extract`` pass. Figures only: no citation is printed. Run::

    python benchmarks/symbols_bench.py [--runs 5] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import citecheck
from citecheck.families import Document
from citecheck.families.un_symbols import FAMILY

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_bench import DEFAULT_CORPUS, load_texts  # benchmarks/extract_bench.py


def least_cpu(func: Callable[[], object], runs: int) -> float:
    """Least CPU time (s) of ``runs`` calls of ``func`` (the least is the least disturbed)."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        func()
        times.append(time.process_time() - t0)
    return min(times)


def find_all(texts: Sequence[str]) -> int:
    return sum(1 for text in texts for _ in FAMILY.find(Document(text)))


def find_and_validate(texts: Sequence[str]) -> int:
    n = 0
    for text in texts:
        doc = Document(text)
        for cit in FAMILY.find(doc):
            n += sum(1 for _ in FAMILY.validate(cit, doc))
    return n


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: corpus not found at {args.corpus}; nothing to measure")
        return 0
    texts = [t for _, t in load_texts(args.corpus)]
    if not texts:
        print(f"SKIP: no UN/EU plain texts under {args.corpus}")
        return 0
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    slashes = sum(t.count("/") for t in texts)
    symbols = sum(1 for t in texts for _ in FAMILY._find(Document(t)))
    citations = find_all(texts)
    print(
        f"{len(texts)} texts, {mb:.2f} MB; {slashes} '/' visited, {symbols} symbols, "
        f"{citations} citations (less running headers)"
    )
    t_find = least_cpu(lambda: find_all(texts), args.runs)
    t_both = least_cpu(lambda: find_and_validate(texts), args.runs)
    t_all = least_cpu(lambda: [citecheck.extract(t) for t in texts], max(1, args.runs // 2))
    print(
        f"un_symbols find      : {t_find:.3f} s CPU = {t_find / slashes * 1e6:.2f} us per '/', "
        f"{t_find / symbols * 1e6:.1f} us per symbol"
    )
    t_val = t_both - t_find
    print(
        f"un_symbols validate  : {t_val:.3f} s CPU = {t_val / citations * 1e6:.1f} us per citation"
    )
    print(f"citecheck.extract    : {t_all:.3f} s CPU (all families, {mb / t_all:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
