"""Extraction throughput on the real UN and EU texts of the shared corpus.

Why: citecheck must stay faster than eyecite (the reference extractor for US case law) and
within a small factor of the cheapest conceivable pass (one compiled pattern for ``/`` followed
by a digit). All three run in this one process on the same texts; each figure is the median of
``--runs`` runs. Run::

    python benchmarks/extract_bench.py [--runs 5] [--corpus /work/shared/corpus] [--profile]

eyecite is a benchmark-only extra (``pip install eyecite``); without it that line is skipped.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

import citecheck

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

#: (folder, glob) of the UN and EU plain texts measured.
SELECTION = (
    ("derived", "*.txt"),
    ("un_upr_slovenia", "*.txt"),
    ("un_upr_slovenia", "*.md"),
    ("eu_pypi_ai_act_articles", "*.txt"),
    ("eu_formex_plaintext_misc", "*.txt"),
)

FLOOR = regex.compile(r"/[0-9]")


def load_texts(corpus: Path) -> list[tuple[str, str]]:
    """(relative name, text) of every selected file, in a stable order."""
    texts = []
    for folder, pattern in SELECTION:
        for path in sorted((corpus / folder).glob(pattern)):
            texts.append((f"{folder}/{path.name}", path.read_text("utf-8", errors="replace")))
    return texts


def time_runs(func: Callable[[str], object], texts: Sequence[str], runs: int) -> float:
    """Median wall time (s) of ``runs`` passes of ``func`` over all texts."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            func(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def floor_pass(text: str) -> int:
    """The cheapest useful scan: count ``/digit`` with one compiled pattern."""
    return sum(1 for _ in FLOOR.finditer(text))


def per_family(texts: Sequence[str], mb: float) -> None:
    """Seconds each family's prefilter + ``find`` takes over all texts: where the time goes."""
    from citecheck.families import FAMILIES, Document

    rows = []
    for family in FAMILIES:
        t0 = time.perf_counter()
        n = 0
        for text in texts:
            doc = Document(text)
            if family.triggers and not doc.has_any(family.triggers):
                continue
            n += sum(1 for _ in family.find(doc))
        rows.append((time.perf_counter() - t0, family.name, n))
    for secs, name, n in sorted(rows, reverse=True):
        print(f"  family {name:18s} {secs:7.3f} s  {mb / secs:8.2f} MB/s  {n:6d} candidates")


def eyecite_func() -> Callable[[str], object] | None:
    try:
        from eyecite import get_citations
    except ImportError:
        return None
    return get_citations


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--eyecite-runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile one citecheck pass")
    ap.add_argument("--per-family", action="store_true", help="time each family's find()")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: corpus not found at {args.corpus}; nothing to measure")
        return 0
    named = load_texts(args.corpus)
    if not named:
        print(f"SKIP: no UN/EU plain texts under {args.corpus}")
        return 0
    texts = [t for _, t in named]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"{len(texts)} texts, {mb:.2f} MB UTF-8, {sum(map(len, texts)):,} code points; "
        f"nproc={os.cpu_count()}, python {sys.version.split()[0]}"
    )
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            citecheck.extract(t)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    if args.per_family:
        per_family(texts, mb)
    n_found = sum(len(citecheck.extract(t)) for t in texts)  # warm-up and count
    t_cc = time_runs(citecheck.extract, texts, args.runs)
    t_floor = time_runs(floor_pass, texts, args.runs)
    print(f"citecheck.extract : {mb / t_cc:8.2f} MB/s  ({t_cc:.3f} s, {n_found} citations)")
    print(f"floor (/[0-9])    : {mb / t_floor:8.2f} MB/s  ({t_floor:.3f} s)")
    print(f"citecheck / floor : {t_cc / t_floor:8.1f}x slower (goal: <= 4x)")
    get_citations = eyecite_func()
    if args.eyecite_runs <= 0:
        print("eyecite           : skipped (--eyecite-runs 0)")
    elif get_citations is None:
        print("eyecite           : not installed (pip install eyecite); skipped")
    else:
        get_citations(texts[0][:1000])  # warm its lazily built tokenizers
        t_ey = time_runs(get_citations, texts, args.eyecite_runs)
        print(f"eyecite           : {mb / t_ey:8.2f} MB/s  ({t_ey:.3f} s)")
        print(f"eyecite / citecheck: {t_ey / t_cc:7.1f}x (goal: > 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
