"""Memory and throughput of streaming extraction on a generated 200 MB text.

Why: whole-file mode refuses inputs above ``citecheck.readers.MAX_INPUT_BYTES``; the streaming
path (``citecheck.stream``) must handle far larger files in memory bounded by its window, not
by the file. This writes a text of ``--size-mb`` MB made of realistic citation-dense
paragraphs into a temporary directory, streams it, and reports peak memory (resource
``ru_maxrss``; with ``--tracemalloc`` also the Python heap peak, slower) and throughput. Run::

    python benchmarks/memory_bench.py [--size-mb 200] [--window 1048576] [--overlap 4096]

``--check CASE`` instead measures ``citecheck check --offline --format json`` in a child
process (its own peak RSS, and its largest child's) on a 50 MB text on one line, 50 MB of
normal text, 10^6 ``Ibid.`` lines, or a batch of files (``--size-mb``, ``--lines``,
``--files`` and ``--jobs`` change the sizes)::

    python benchmarks/memory_bench.py --check single-line
    python benchmarks/memory_bench.py --check normal
    python benchmarks/memory_bench.py --check ibid [--lines 1000000]
    python benchmarks/memory_bench.py --check batch [--files 40] [--size-mb 2] [--jobs 2]

The content is the shared corpus's plain texts when present (else the paragraphs below).
Figures of 2026-11-28 (loaded 2-core machine): single-line 50.7 MB in 155 s, peak RSS
280 MB; normal 50.1 MB in 99 s, 287 MB. Since ``check`` spills each file's report to disk
until it is rendered (``citecheck.spill``): batch of 10/40 corpus files (2.7 MB each,
``--jobs 2``): parent 108/130 MB (the code before, same day: 128/125 MB; RSS peaks of
the parent are noisy here, see benchmarks/README.md for the Python heap it keeps); ibid
10^6/1.5 x 10^6 lines 490/502 MB (the code before, run alongside: 491/501 MB; the earlier
982 MB did not reproduce): the peak is one streamed window's working set in both.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from citecheck.stream import DEFAULT_OVERLAP, DEFAULT_WINDOW, extract_stream

PARAGRAPHS = (
    "1. The Special Rapporteur recalls Human Rights Council resolution 41/35 and the report "
    "A/HRC/41/35, para. 66, as well as general comment No. 34 (2011) of the Human Rights "
    "Committee (CCPR/C/GC/34, paras. 21\u201336).[[fn:1]] Ibid., para. 5.\n\n",
    "2. Under Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April "
    "2016 (OJ L 119, 4.5.2016, p. 1), Article 6(1)(b), and in line with Case C\u2011311/18, "
    "Facebook Ireland and Schrems, EU:C:2020:559, paragraph 134, transfers require ...\n\n",
    "3. See also Joined Cases C-293/12 and C-594/12, Digital Rights Ireland, "
    "ECLI:EU:C:2014:238; Directive 95/46/EC; E/C.12/GC/24, para. 12; A/HRC/38/35/Add.1 and "
    "AL ISR 7/2021. The tariff heading 8471 30 00 and figures 12/34 are not citations.\n\n",
)


def make_text(path: Path, size_mb: int) -> int:
    """Write about ``size_mb`` MB of paragraphs; returns the byte size."""
    block = "".join(PARAGRAPHS).encode("utf-8") * 200
    target = size_mb * 1_000_000
    written = 0
    with path.open("wb") as fh:
        while written < target:
            fh.write(block)
            written += len(block)
    return written


def maxrss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


#: Plain texts of the shared corpus (when present) are the realistic content of the cases.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "derived"

#: Runs the CLI in a child process that reports its own peak RSS on exit (the workers of
#: ``--jobs`` are measured apart, so the parent's memory can be told from theirs).
_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "'MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "from citecheck.cli import main\n"
    "sys.argv = ['citecheck', *sys.argv[1:]]\n"
    "main()\n"
)


def corpus_text() -> str:
    """The corpus's plain texts joined (or the built-in paragraphs when it is absent)."""
    paths = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not paths:
        return "".join(PARAGRAPHS) * 50
    return "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths)


def write_repeated(path: Path, text: str, size_mb: float) -> None:
    block = text.encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(int(size_mb * 1_000_000) // len(block) + 1):
            fh.write(block)


def run_check(paths: Sequence[Path], *extra: str) -> tuple[int, float, float, float]:
    """(exit code, seconds, peak RSS MB of the citecheck process, of its largest worker)."""
    cmd = [sys.executable, "-c", _CHILD, "check", "--offline", "--format", "json"]
    t0 = time.perf_counter()
    done = subprocess.run(
        [*cmd, "--exit-zero", *extra, *map(str, paths)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    secs = time.perf_counter() - t0
    own = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS")]
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return done.returncode, secs, (own[-1] / scale if own else float("nan")), workers


def check_case(case: str, size_mb: float, lines: int, files: int, jobs: int) -> int:
    """Peak RSS and time of ``citecheck check --offline --format json`` on a generated text."""
    with tempfile.TemporaryDirectory(prefix="citecheck-membench-") as tmp:
        folder = Path(tmp)
        paths = [folder / f"{case}.txt"]
        if case == "ibid":
            paths[0].write_text("Ibid.\n" * lines, encoding="utf-8")
        elif case == "single-line":
            write_repeated(paths[0], " ".join(corpus_text().split()) + " ", size_mb)
        elif case == "normal":
            write_repeated(paths[0], corpus_text() + "\n\n", size_mb)
        else:  # batch: ``files`` files of ``size_mb`` each
            text = corpus_text() + "\n\n"
            paths = [folder / f"doc{i:04d}.txt" for i in range(files)]
            for path in paths:
                write_repeated(path, text, size_mb)
        extra = ("--jobs", str(jobs)) if case == "batch" else ()
        code, secs, own, largest = run_check(paths, *extra)
        size = sum(p.stat().st_size for p in paths)
        what = f"{len(paths)} files, " if case == "batch" else ""
        print(
            f"check {case}: {what}{size / 1e6:.1f} MB, exit {code}, {secs:.1f} s, "
            f"peak RSS of citecheck {own:.0f} MB (largest child process {largest:.0f} MB)"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check", choices=["single-line", "normal", "ibid", "batch"], default=None
    )
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--files", type=int, default=40, help="files of the batch case")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs of the batch case")
    ap.add_argument("--size-mb", type=float, default=None)
    ap.add_argument("--window", type=int, default=DEFAULT_WINDOW)
    ap.add_argument("--overlap", type=int, default=DEFAULT_OVERLAP)
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap")
    args = ap.parse_args(argv)
    if args.check:
        default_mb = 2.0 if args.check == "batch" else 50.0
        return check_case(args.check, args.size_mb or default_mb, args.lines, args.files, args.jobs)
    args.size_mb = int(args.size_mb or 200)
    with tempfile.TemporaryDirectory(prefix="citecheck-membench-") as tmp:
        path = Path(tmp) / "big.txt"
        size = make_text(path, args.size_mb)
        base_rss = maxrss_mb()
        print(
            f"generated {size / 1e6:.1f} MB in {path}; nproc={os.cpu_count()}; "
            f"window={args.window} overlap={args.overlap}; baseline maxrss {base_rss:.1f} MB"
        )
        if args.tracemalloc:
            tracemalloc.start()
        t0 = time.perf_counter()
        count = 0
        kinds: dict[str, int] = {}
        for cit in extract_stream(path, window=args.window, overlap=args.overlap):
            count += 1
            kinds[cit.kind.value] = kinds.get(cit.kind.value, 0) + 1
        secs = time.perf_counter() - t0
        print(f"{count:,} citations in {secs:.1f} s: {size / 1e6 / secs:.2f} MB/s")
        print("per kind: " + ", ".join(f"{k}={v:,}" for k, v in sorted(kinds.items())))
        if args.tracemalloc:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"tracemalloc peak (Python heap): {peak / 1e6:.1f} MB")
        print(f"peak RSS (ru_maxrss): {maxrss_mb():.1f} MB for a {size / 1e6:.0f} MB file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
