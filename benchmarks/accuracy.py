"""Precision and recall of extraction against the labelled data of the shared corpus.

Why: the corpus holds labels made by others, independent of citecheck's grammar. They are
partial (silver), so each figure says what it measures:

* ``eu_dora_parsed``: 268 machine-found EU-legislation citations with spans in DORA's units.
  Recall: a label counts as found when an extracted EU citation (eu_act/celex/oj/eli)
  overlaps its span and, where the label has a CELEX, has that CELEX. Precision: extracted EU
  citations in those units that overlap a label (the labeller misses some, so it is a floor).
* ``eu_eurlex_triples``: acts named in human-annotated relation triples (``regulation
  2017/2107, amending, regulation 1936/2001``) of passages; recall of those act numbers.
* ``eu_cjeu_gdpr_judgments``: per judgment, its own case number (metadata), the GDPR
  (32016R0679, metadata) and the cases it cites according to the coded edges; recall.

Run::

    python benchmarks/accuracy.py [--corpus /work/shared/corpus] [--misses 15]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import citecheck
from citecheck.model import Citation

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
EU_KINDS = {"eu_act", "celex", "oj", "eli"}
_CELEX = re.compile(r"\b3(\d{4})([A-Z])(\d{4})\b")
_ACT = re.compile(
    r"\b(regulation|directive|decision)\s+(?:\(\w+\)\s+)?(?:no\s+)?(\d{1,4})/(\d{1,4})"
)


def _celex_of(c: Citation) -> str | None:
    m = _CELEX.search(c.id)
    return m.group(0) if m else None


class Tally:
    """Counts of true positives, false positives and misses per measure, with examples."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.false: dict[str, list[str]] = defaultdict(list)

    def report(self, n_examples: int) -> None:
        for key in sorted(set(self.tp) | set(self.fn) | set(self.fp)):
            tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
            rec = tp / (tp + fn) if tp + fn else float("nan")
            line = f"{key:45s} recall {rec:6.1%} ({tp}/{tp + fn})"
            if key in self.fp or key.endswith("[p]"):
                prec = tp / (tp + fp) if tp + fp else float("nan")
                line += f"  precision {prec:6.1%} ({tp}/{tp + fp})"
            print(line)
            for ex in self.misses[key][:n_examples]:
                print(f"    miss: {ex}")
            for ex in self.false[key][:n_examples]:
                print(f"    extra: {ex}")


def dora(corpus: Path, t: Tally) -> None:
    path = corpus / "eu_dora_parsed" / "DORA_parsed_32022R2554.json"
    if not path.exists():
        print(f"skip DORA: {path} absent")
        return
    data = json.loads(path.read_text("utf-8"))
    key = "dora eu_legislation (span+celex) [p]"
    for unit in data["units"]:
        text = unit.get("text") or ""
        gold = [c for c in unit.get("citations") or [] if c["citation_type"] == "eu_legislation"]
        found = [c for c in citecheck.extract(text) if c.kind.value in EU_KINDS]
        matched: set[int] = set()
        for g in gold:
            hit = None
            for i, c in enumerate(found):
                overlap = c.start < g["span_end"] and g["span_start"] < c.end
                if overlap and (not g.get("celex") or _celex_of(c) in (None, g["celex"])):
                    hit = i
                    break
            if hit is None:
                t.fn[key] += 1
                t.misses[key].append(f"{g['raw_text']!r} ({g.get('celex')})")
            else:
                t.tp[key] += 1
                matched.add(hit)
        for i, c in enumerate(found):
            if i not in matched and not any(
                c.start < g["span_end"] and g["span_start"] < c.end for g in gold
            ):
                t.fp[key] += 1
                t.false[key].append(f"{c.text!r} -> {c.id}")


def _act_variants(celex: str) -> set[str]:
    year, num = int(celex[1:5]), int(celex[6:])
    return {f"{year}/{num}", f"{num}/{year}", f"{year % 100:02d}/{num}", f"{num}/{year % 100:02d}"}


def triples(corpus: Path, t: Tally) -> None:
    folder = corpus / "eu_eurlex_triples" / "documents"
    if not folder.is_dir():
        print(f"skip triples: {folder} absent")
        return
    key = "eurlex_triples acts in relations"
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text("utf-8"))
        for field in ("reference_annotations", "summary_annotations"):
            for ann in doc.get(field, {}).values():
                text = ann.get("text") or ""
                gold = {
                    f"{m.group(2)}/{m.group(3)}"
                    for triple in ann.get("triples", [])
                    for m in _ACT.finditer(triple.lower())
                }
                if not gold:
                    continue
                got: set[str] = set()
                for c in citecheck.extract(text):
                    cx = _celex_of(c)
                    if cx:
                        got |= _act_variants(cx)
                for g in sorted(gold):
                    if g in got:
                        t.tp[key] += 1
                    else:
                        t.fn[key] += 1
                        i = text.lower().find(g)
                        ctx = text[max(0, i - 40) : i + 20] if i >= 0 else "(number not in text)"
                        t.misses[key].append(f"{g}: {ctx!r}")


def gdpr_judgments(corpus: Path, t: Tally) -> None:
    base = corpus / "eu_cjeu_gdpr_judgments"
    if not base.is_dir():
        print(f"skip GDPR judgments: {base} absent")
        return
    meta = json.loads((base / "cases_metadata.json").read_text("utf-8"))
    gdpr = meta["legislation"]["celex"]
    edges: dict[str, set[str]] = defaultdict(set)
    with (base / "ground_truth" / "internal_citation_edges.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            edges[row["citing_case"]].add(row["cited_case"])
    for path in sorted((base / "decisions").glob("*.md")):
        own = "/".join(path.stem.rsplit("-", 1))  # C-311-18 -> C-311/18
        text = path.read_text("utf-8", errors="replace")
        cits = citecheck.extract(text)
        cases = {c.id.removeprefix("case:") for c in cits if c.id.startswith("case:")}
        celexes = {_celex_of(c) for c in cits}
        for key, ok, what in (
            ("gdpr own case number", own in cases, own),
            ("gdpr GDPR 32016R0679 cited", gdpr in celexes, path.name),
        ):
            t.tp[key] += ok
            t.fn[key] += not ok
            if not ok:
                t.misses[key].append(what)
        key = "gdpr cited cases (coded edges)"
        for cited in sorted(edges.get(own, ())):
            if cited in cases:
                t.tp[key] += 1
            else:
                t.fn[key] += 1
                i = text.find(cited.split("/")[0][2:] + "/")
                t.misses[key].append(f"{own} -> {cited}" + ("" if i >= 0 else " (not in text)"))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--misses", type=int, default=10, help="examples shown per measure")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0
    t = Tally()
    dora(args.corpus, t)
    triples(args.corpus, t)
    gdpr_judgments(args.corpus, t)
    t.report(args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
