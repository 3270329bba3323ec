"""Extraction stays linear, and what one citation costs (issue "Speed: one pass over the text").

Why: a finder that rescans the text per match, or a pattern that backtracks on a flood of
near misses, is invisible on typical text and ruinous on a 50 MB archive or a hostile file.
Printed, with the goal of each:

* scale: time per MB of a 50 MB text / that of a 10 MB text (the 50 MB text is the 10 MB
  one five times, so only the size differs); goal <= 1.1x.
* adversarial: time of 4x the input / time of the input, for long lines, prefix floods,
  ``Ibid.`` floods, nested parentheses, long lists, a long run of white space and a flood
  of act nouns and keywords; goal <= 5x. With the share of the time the garbage collector
  took on the larger input (about one collection, after the pass: the pipeline pauses it
  during the pass).
* cost per citation: least-squares slope of time over citations on series of equal length
  that differ only in how many of their pieces are citation-sparse, at several lengths;
  the median of the slopes; goal <= 15 us.

Times are CPU seconds of this process (``time.process_time``, less disturbed by other jobs
on a shared machine than wall time), the median of ``--runs``. Run on its own::

    python benchmarks/linearity.py [--runs 3] [--corpus ../shared/corpus] [--only ibid]

``benchmarks/extract_bench.py`` prints the same rows after its own.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import citecheck

MB = 1_000_000

#: Beginnings of citations of every family, never completed: each is an anchor the
#: families must look at and give up on.
PREFIXES = (
    "A/HRC/",
    "E/C.12/GC/",
    "CCPR/C/",
    "S/RES/",
    "Regulation (EU) No ",
    "Directive (EU) ",
    "Case C-",
    "Joined Cases T-",
    "ECLI:EU:C:",
    "OJ L ",
    "general comment No. ",
    "article 17 of the ",
    "resolution ",
    "paragraph ",
    "supra note ",
    "Official Journal ",
)


def text_of_size(texts: Sequence[str], size: int) -> str:
    """The texts one after the other (again from the first if needed), cut to ``size``."""
    out, have = [], 0
    while have < size:
        for text in texts:
            out.append(text)
            have += len(text)
            if have >= size:
                break
    return "".join(out)[:size]


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def long_lines(texts: Sequence[str], size: int) -> str:
    """Real text with no line breaks at all: one line of ``size`` code points (the same
    200,000 of them again and again, so that a larger input is not also a different one)."""
    one_line = text_of_size(texts, 200_000).replace("\r", " ").replace("\n", " ")
    return repeat_to(one_line + " ", size)


def prefix_flood(texts: Sequence[str], size: int) -> str:
    return repeat_to(" ".join(PREFIXES) + " ", size)


def ibid_flood(texts: Sequence[str], size: int) -> str:
    head = "See A/HRC/41/35, para. 3, and Regulation (EU) 2016/679, Article 5.\n"
    return head + repeat_to("Ibid., para. 4.\n", size - len(head))


def nested_parentheses(texts: Sequence[str], size: int) -> str:
    """One paragraph of ever deeper parentheses around citations, closed at the end."""
    opening = "(see A/HRC/41/35 (para. 3 (and Case C-311/18 ("
    depth = size // (len(opening) + 4)
    return repeat_to(opening, depth * len(opening)) + ")" * (size - depth * len(opening))


def long_list(texts: Sequence[str], size: int) -> str:
    """One enumeration as long as the input: resolutions, then articles, then cases."""

    def items() -> Iterator[str]:
        i = 0
        while True:
            i += 1
            yield f"{i % 80 + 1}/{i % 300 + 1}, articles {i % 50 + 1}, C-{i % 900 + 1}/{i % 20 + 1}"

    out = ["See resolutions "]
    have = len(out[0])
    for item in items():
        if have >= size:
            break
        out.append(item + ", ")
        have += len(item) + 2
    return "".join(out)[:size] + " of the Covenant."


#: Act nouns and UN keywords with nothing a citation needs after them, in several languages:
#: the windows searched around neighbouring hits overlap many times over.
NOUN_FLOOD = (
    "Directive the said Directive la directive Richtlinie dudit règlement Regulation "
    "resolution 1 of the resolution 5/"
)


def noun_flood(texts: Sequence[str], size: int) -> str:
    return repeat_to(NOUN_FLOOD + " ", size)


def space_run(texts: Sequence[str], size: int) -> str:
    """Citations around one run of white space as long as the input (PDF text has them)."""
    head, tail = "See A/HRC/41/35", "para. 3, and Case C-311/18, paragraph 5."
    return head + repeat_to(" \u00a0\t", size - len(head) - len(tail)) + tail


ADVERSARIAL: dict[str, Callable[[Sequence[str], int], str]] = {
    "long lines": long_lines,
    "prefix flood": prefix_flood,
    "Ibid. flood": ibid_flood,
    "nested parentheses": nested_parentheses,
    "long list": long_list,
    "white-space run": space_run,
    "act noun flood": noun_flood,
}


def cpu_time(func: Callable[[str], object], text: str, runs: int) -> float:
    """Median CPU seconds of ``runs`` calls of ``func(text)``."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        func(text)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def gc_share(func: Callable[[str], object], text: str) -> float:
    """Share of one call's CPU time spent in garbage collections."""
    spent, started = [0.0], [0.0]

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]

    gc.callbacks.append(watch)
    try:
        t0 = time.process_time()
        func(text)
        total = time.process_time() - t0
    finally:
        gc.callbacks.remove(watch)
    return spent[0] / total if total else 0.0


def slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of ys over xs."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


NO_DIGITS = str.maketrans("0123456789", "xxxxxxxxxx")


def pieces_of(text: str, size: int = 2000) -> list[str]:
    """``text`` cut at line ends into pieces of about ``size`` code points."""
    out, start = [], 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end == -1 else end + 1
        out.append(text[start:end])
        start = end
    return out


def mixed(pieces: Sequence[str], share: float) -> str:
    """The pieces, ``share`` of them as written (spread evenly), the rest with every digit
    replaced: the same length whatever the share, so only the number of citations changes."""
    return "".join(
        p if int((i + 1) * share) > int(i * share) else p.translate(NO_DIGITS)
        for i, p in enumerate(pieces)
    )


def row(label: str, value: float, unit: str, goal: str, detail: str = "") -> None:
    print(f"{label:58s} {value:9.2f}{unit:3s} (goal {goal}){detail}")


def measure_scale(texts: Sequence[str], runs: int) -> None:
    small = text_of_size(texts, 10 * MB)
    large = small * 5
    t_small = cpu_time(citecheck.extract, small, runs) / (len(small) / MB)
    t_large = cpu_time(citecheck.extract, large, runs) / (len(large) / MB)
    detail = f"  10 MB {t_small:.3f} s/MB, 50 MB {t_large:.3f} s/MB"
    row("scale: time per MB at 50 MB / at 10 MB", t_large / t_small, "x", "<= 1.1x", detail)


def measure_adversarial(
    texts: Sequence[str], runs: int, size: int, only: Sequence[str] = ()
) -> None:
    for name, make in ADVERSARIAL.items():
        if only and not any(o.lower() in name.lower() for o in only):
            continue
        small, large = make(texts, size), make(texts, 4 * size)
        t_small = cpu_time(citecheck.extract, small, runs)
        t_large = cpu_time(citecheck.extract, large, runs)
        share = gc_share(citecheck.extract, large)
        n = len(citecheck.extract(large))
        detail = (
            f"  {t_small:.3f} -> {t_large:.3f} s, {n} citations, "
            f"{t_large / n * 1e6 if n else 0:.0f} us each, gc {share:.0%}"
        )
        row(f"adversarial x4: {name}", t_large / t_small, "x", "<= 5x", detail)


def measure_cost_per_citation(
    texts: Sequence[str], runs: int, sizes: Sequence[int] = (MB // 2, MB, 2 * MB)
) -> None:
    slopes, detail = [], []
    for size in sizes:
        pieces = pieces_of(text_of_size(texts, size))
        xs, ys = [], []
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            series = mixed(pieces, share)
            xs.append(float(len(citecheck.extract(series))))
            ys.append(cpu_time(citecheck.extract, series, runs))
        slopes.append(slope(xs, ys))
        detail.append(f"{size / MB:g} MB: {slopes[-1] * 1e6:.1f} us over {xs[0]:.0f}-{xs[-1]:.0f}")
    value = statistics.median(slopes) * 1e6
    row("cost per citation (median slope, mixed series)", value, "us", "<= 15 us")
    print("    " + "; ".join(detail))


def main(argv: Sequence[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_bench import DEFAULT_CORPUS, load_texts

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", type=int, default=250_000, help="adversarial input size")
    ap.add_argument("--only", action="append", default=[], help="adversarial kinds to run")
    ap.add_argument("--skip-scale", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: corpus not found at {args.corpus}; nothing to measure")
        return 0
    texts = [t for _, t in load_texts(args.corpus)]
    citecheck.extract(texts[0][:10_000])  # load the families
    measure_adversarial(texts, args.runs, args.size, args.only)
    if args.only:
        return 0
    measure_cost_per_citation(texts, args.runs)
    if not args.skip_scale:
        measure_scale(texts, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
