"""Every speed ratio of the issue "Speed: one pass over the text", in one run.

Why: citecheck must stay within a small factor of the cheapest conceivable pass (the floor:
one compiled pattern for ``/`` followed by a digit), far faster than eyecite (the reference
extractor for US case law), and quick to start. Printed, with the goal of each:

1. typical UN+EU text: citecheck time / floor time
2. citecheck speed / eyecite speed (the ``bench`` extra; skipped with a message without it)
3. citation-sparse text (the same texts, every digit replaced): citecheck / floor
4. cost per citation: slope of time over citations on mixed series of equal length
   (several lengths, median of the slopes; ``benchmarks/linearity.py``)
5. editor path (check + diagnostics, as the language server) on a 500 KB document / floor
6. ``import citecheck`` / a bare interpreter start
7. ``citecheck --help`` / ``import citecheck`` (and, for reference, ``import click`` / bare)

then the linearity rules (``benchmarks/linearity.py``; ``--no-linearity`` skips them): time
per MB at 50 MB / at 10 MB, and x4 adversarial inputs / x1.

The texts are the plain UN and EU texts of the corpus (``SELECTION``) less every document a
held-out or fresh hand-labelled set is measured on (names from the label files' headers), so
that speed work never runs on a measurement text. Each time is the median of ``--runs`` runs
on this machine (core count printed). The start-up
figures run fresh interpreters with byte-code written to a temporary cache, as after
``pip install .``. Run::

    python benchmarks/extract_bench.py [--runs 5] [--corpus ../shared/corpus] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

import citecheck

sys.path.insert(0, str(Path(__file__).resolve().parent))
import linearity  # benchmarks/linearity.py, next to this file

if TYPE_CHECKING:
    from citecheck.pipeline import CheckResult

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

#: Every digit becomes a letter: same length and layout, (almost) no citations.
NO_DIGITS = str.maketrans("0123456789", "xxxxxxxxxx")


#: The hand-labelled sets whose accuracy figures are measurements: their texts are never
#: timed here, so that speed work is never done on (nor tuned to) a measurement text.
DEVSET = Path(__file__).resolve().parent / "devset"
MEASURED_SETS = ("heldout", "fresh")


def measured_documents(devset: Path = DEVSET) -> frozenset[str]:
    """Corpus paths (relative, POSIX) a held-out or fresh set is measured on, from the header
    (first line) of each label file: only the document's name is read, never a label."""
    names: set[str] = set()
    for name in MEASURED_SETS:
        for path in sorted((devset / name).glob("*/*.jsonl")):
            with path.open(encoding="utf-8") as fh:
                names.add(json.loads(fh.readline())["doc"])
    return frozenset(names)


def load_texts(corpus: Path, devset: Path = DEVSET) -> list[tuple[str, str]]:
    """(relative name, text) of every selected file, in a stable order, less the texts a
    held-out or fresh hand-labelled set is measured on (``measured_documents``)."""
    measured = measured_documents(devset)
    texts = []
    for folder, pattern in SELECTION:
        for path in sorted((corpus / folder).glob(pattern)):
            name = f"{folder}/{path.name}"
            if name not in measured:
                texts.append((name, path.read_text("utf-8", errors="replace")))
    return texts


def time_runs(
    func: Callable[[str], object], texts: Sequence[str], runs: int, *, best: bool = False
) -> float:
    """Median (``best``: least) wall time (s) of ``runs`` passes of ``func`` over all texts."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            func(text)
        times.append(time.perf_counter() - t0)
    return min(times) if best else statistics.median(times)


def floor_pass(text: str) -> int:
    """The cheapest useful scan: count ``/digit`` with one compiled pattern."""
    return sum(1 for _ in FLOOR.finditer(text))


def per_family(texts: Sequence[str], mb: float) -> None:
    """Seconds each family's prefilter + ``find`` takes over all texts: where the time goes.

    Each family reads documents indexed by the one anchor pass, as in the pipeline (without
    the index, ``Document.hits`` reads the text once per literal); the pass is its own row."""
    from citecheck.families import FAMILIES, Document
    from citecheck.hidden import CANDIDATES
    from citecheck.scan import _anchor_literals

    literals = _anchor_literals(tuple(FAMILIES))
    t0 = time.perf_counter()
    docs = []
    for text in texts:
        doc = Document(text)
        doc.index_anchors(literals, CANDIDATES)
        docs.append(doc)
    rows = [(time.perf_counter() - t0, "(anchor pass)", 0)]
    for family in FAMILIES:
        t0 = time.perf_counter()
        n = 0
        for doc in docs:
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


def sparse(text: str) -> str:
    """The citation-sparse version of a text: every digit replaced."""
    return text.translate(NO_DIGITS)


def _difference(whole: float, part: float) -> str:
    """``whole - part`` of two separately timed medians, or "within noise" where the part
    was timed the longer (the two medians come from different runs)."""
    extra = whole - part
    return f"{extra * 1e3:.1f} ms" if extra > 0 else "within noise"


def editor_path(text: str) -> int:
    """What the language server does on each change: its check, the line index (UTF-16
    positions), the diagnostics, and their JSON as sent to the editor."""
    return len(lsp_part(text, lsp_check(text)))


def lsp_check(text: str) -> CheckResult:
    from citecheck.lsp.server import run_check

    return run_check(text)


def lsp_part(text: str, result: CheckResult) -> str:
    """The language server's own work after the check."""
    import json

    from citecheck.config import Config
    from citecheck.lsp import LineIndex, build_diagnostics

    diags = build_diagnostics(result, {}, LineIndex(text, "utf-16"), Config(), "doc.txt")
    return json.dumps(lsp_converter().unstructure(diags))


@functools.cache
def lsp_converter() -> Any:
    """The server's converter of messages to JSON (made once per server, as pygls does)."""
    from pygls.protocol import default_converter

    return default_converter()  # type: ignore[no-untyped-call]


def start_time(args: Sequence[str], env: dict[str, str], runs: int) -> float:
    """Median wall time (s) of a fresh interpreter running ``args``."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def start_up(runs: int) -> tuple[float, float, float, float]:
    """Bare interpreter, ``import citecheck``, ``citecheck --help`` and ``import click``,
    with byte-code; the runs of the four commands interleaved, so load hits them alike."""
    cache = tempfile.mkdtemp(prefix="citecheck-pyc-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    commands = (
        ["-c", "pass"],
        ["-c", "import citecheck"],
        ["-m", "citecheck", "--help"],
        ["-c", "import click"],
    )
    try:
        for command in commands:  # write the byte-code once
            start_time(command, env, 1)
        times: list[list[float]] = [[] for _ in commands]
        for _ in range(runs):
            for command, spent in zip(commands, times, strict=True):
                spent.append(start_time(command, env, 1))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    bare, imp, helped, click = (statistics.median(t) for t in times)
    return bare, imp, helped, click


def row(label: str, value: float, unit: str, goal: str) -> None:
    print(f"{label:58s} {value:9.1f}{unit:3s} (goal {goal})")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--eyecite-runs", type=int, default=1)
    ap.add_argument("--start-runs", type=int, default=9)
    ap.add_argument("--profile", action="store_true", help="cProfile one citecheck pass")
    ap.add_argument("--per-family", action="store_true", help="time each family's find()")
    ap.add_argument(
        "--no-linearity",
        dest="linearity",
        action="store_false",
        help="skip the 10/50 MB and adversarial measurements (a few minutes)",
    )
    ap.add_argument("--adversarial-size", type=int, default=250_000)
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
        f"cores={os.cpu_count()}, python {sys.version.split()[0]}"
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

    # 1. typical text
    started = time.perf_counter()
    n_found = sum(len(citecheck.extract(t)) for t in texts)  # warm-up and count
    t_first = time.perf_counter() - started
    t_cc = time_runs(citecheck.extract, texts, args.runs)
    t_floor = time_runs(floor_pass, texts, args.runs)
    print(f"citecheck.extract : {mb / t_cc:8.2f} MB/s  ({t_cc:.3f} s, {n_found} citations)")
    print(f"floor (/[0-9])    : {mb / t_floor:8.2f} MB/s  ({t_floor:.3f} s)")
    # The timed runs repeat the same texts, so the bounded parse caches that serve a
    # document's repeated citations also serve the next run; the first pass shows the cost
    # of text never seen (patterns compiled on first use included).
    print(
        f"first pass        : {mb / t_first:8.2f} MB/s  ({t_first:.3f} s; empty caches, "
        f"{t_first / t_floor:.1f}x the floor)"
    )
    row("1. typical UN+EU text: citecheck / floor", t_cc / t_floor, "x", "<= 50x")

    # 2. eyecite
    get_citations = eyecite_func()
    if args.eyecite_runs <= 0:
        print("2. citecheck speed / eyecite speed: skipped (--eyecite-runs 0)")
    elif get_citations is None:
        print("2. citecheck speed / eyecite speed: skipped, eyecite not installed (bench extra)")
    else:
        get_citations(texts[0][:1000])  # warm its lazily built tokenizers
        t_ey = time_runs(get_citations, texts, args.eyecite_runs)
        print(f"eyecite           : {mb / t_ey:8.2f} MB/s  ({t_ey:.3f} s)")
        row("2. citecheck speed / eyecite speed", t_ey / t_cc, "x", ">= 100x")

    # 3. citation-sparse text
    sparse_texts = [sparse(t) for t in texts]
    n_sparse = sum(len(citecheck.extract(t)) for t in sparse_texts)
    t_cc_s = time_runs(citecheck.extract, sparse_texts, args.runs)
    t_floor_s = time_runs(floor_pass, sparse_texts, args.runs)
    print(f"sparse citecheck  : {mb / t_cc_s:8.2f} MB/s  ({t_cc_s:.3f} s, {n_sparse} citations)")
    row("3. citation-sparse text: citecheck / floor", t_cc_s / t_floor_s, "x", "<= 60x")

    # 4. cost per citation: same length, more or fewer citations
    linearity.measure_cost_per_citation(texts, args.runs)

    # 5. editor path on a 500 KB document
    doc = "".join(texts)
    doc = doc[: len(doc.encode("utf-8")[:500_000].decode("utf-8", errors="ignore"))]
    editor_path(doc)  # warm-up (imports the language server)
    t_ed = time_runs(editor_path, [doc], args.runs)
    t_ed_floor = time_runs(floor_pass, [doc], args.runs)
    result = lsp_check(doc)
    t_lsp = time_runs(lambda d: lsp_part(d, result), [doc], args.runs)
    t_ed_extract = time_runs(citecheck.extract, [doc], args.runs)
    t_ed_check = time_runs(lsp_check, [doc], args.runs)
    print(
        f"editor path       : {t_ed * 1e3:.0f} ms, of which the server's own work after the "
        f"check {t_lsp * 1e3:.1f} ms ({t_lsp / t_ed_floor:.0f}x the floor); the check "
        f"{t_ed_check * 1e3:.0f} ms, extraction alone {t_ed_extract * 1e3:.0f} ms: the check's "
        f"own work {_difference(t_ed_check, t_ed_extract)} ({len(result.citations)} "
        f"citations, {len(result.findings)} findings)"
    )
    row("5. editor path (check + diagnostics), 500 KB: / floor", t_ed / t_ed_floor, "x", "<= 100x")

    # 6, 7. start-up
    bare, imp, helped, click = start_up(args.start_runs)
    print(
        f"start-up          : bare {bare * 1e3:.0f} ms, import {imp * 1e3:.0f} ms, "
        f"--help {helped * 1e3:.0f} ms; import click alone {click * 1e3:.0f} ms "
        f"({click / bare:.2f}x bare)"
    )
    row("6. import citecheck / bare interpreter", imp / bare, "x", "<= 5x")
    row("7. citecheck --help / import citecheck", helped / imp, "x", "<= 1.3x")

    if args.linearity:
        linearity.measure_scale(texts, args.runs)
        linearity.measure_adversarial(texts, args.runs, args.adversarial_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
