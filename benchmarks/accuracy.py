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

With ``--devset dev|heldout|fresh|all`` it measures instead against the hand-labelled development
sets of ``benchmarks/devset/`` (see its README): every citation inside chosen excerpts of
corpus documents, labelled by hand. Per set, language and kind it reports precision and
recall on ids (a label is found when a prediction with the same id overlaps its span; a
prediction is correct when a label with the same id overlaps it) and pinpoint accuracy (of the
found labels where the label or its prediction has a pinpoint, the share where both are equal
after whitespace normalisation). Predictions outside the excerpts, and short forms left
without an id, are ignored. Examples from the ``fresh`` set (misses, false matches, wrong
pinpoints) are not printed unless ``--fresh-examples`` asks: that set is measured once, at the
end, on text nobody tuned to.

Run::

    python benchmarks/accuracy.py [--corpus /work/shared/corpus] [--misses 15]
    python benchmarks/accuracy.py --devset dev [--misses 20] [--json]
    python benchmarks/accuracy.py --devset fresh   # figures only; run once, at the end
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import citecheck
from citecheck.model import Citation

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEVSET = Path(__file__).resolve().parent / "devset"
DEVSETS = ("dev", "heldout", "fresh")
#: Sets whose examples stay hidden by default (see ``hide_examples``).
UNSEEN_SETS = ("fresh",)
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


# --- hand-labelled development sets -------------------------------------------------------

_SCHEME_KIND = {
    "gc": "general_comment",
    "spcomm": "sp_communication",
    "celex": "eu_act",
    "eli": "eli",
    "oj": "oj",
    "case": "cjeu_case",
    "ecli": "ecli",
    "instrument": "instrument",
}


def _pred_kind(pred: dict[str, Any]) -> str:
    """The kind a prediction is counted under: its own, or for a short form its antecedent's."""
    if pred["kind"] != "short_form":
        return str(pred["kind"])
    scheme, _, value = pred["id"].partition(":")
    if scheme == "un":
        return "un_resolution" if re.search(r"/(RES|DEC|PRST)/|^\?/", value) else "un_document"
    return str(_SCHEME_KIND.get(scheme, scheme))


def _norm_pin(pin: str | None) -> str:
    return " ".join((pin or "").split())


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


class DevTally:
    """Counts per (set, lang, kind) for the hand-labelled sets, with examples."""

    FIELDS = ("labels", "found", "preds", "correct", "pin_n", "pin_ok")

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
        self.misses: list[dict[str, Any]] = []
        self.false: list[dict[str, Any]] = []
        self.pin_wrong: list[dict[str, Any]] = []
        self.skipped: list[str] = []
        self.documents = 0

    def add(self, key: tuple[str, str, str], field: str, n: int = 1) -> None:
        for k in (key, (key[0], key[1], "ALL"), (key[0], "ALL", "ALL")):
            self.rows[k][field] += n

    def table(self) -> list[dict[str, Any]]:
        out = []
        for (dset, lang, kind), c in sorted(self.rows.items()):
            out.append(
                {
                    "set": dset,
                    "lang": lang,
                    "kind": kind,
                    **{f: c[f] for f in self.FIELDS},
                    "recall": c["found"] / c["labels"] if c["labels"] else None,
                    "precision": c["correct"] / c["preds"] if c["preds"] else None,
                    "pinpoint_accuracy": c["pin_ok"] / c["pin_n"] if c["pin_n"] else None,
                }
            )
        return out


def score_document(
    text: str,
    labels: Sequence[dict[str, Any]],
    excerpts: Iterable[Sequence[int]],
    predictions: Iterable[dict[str, Any]],
    key: tuple[str, str],
    doc: str,
    t: DevTally,
) -> None:
    """Compare one document's predictions with its labels, inside its excerpts only."""
    spans = [{"start": a, "end": b} for a, b in excerpts]
    preds = [p for p in predictions if any(_overlaps(p, s) for s in spans)]
    for lab in labels:
        k = (key[0], key[1], lab["kind"])
        t.add(k, "labels")
        same = [p for p in preds if p["id"] == lab["id"] and _overlaps(p, lab)]
        if not same:
            near = [p for p in preds if _overlaps(p, lab)]
            t.misses.append(
                {
                    "set": key[0],
                    "doc": doc,
                    "kind": lab["kind"],
                    "id": lab["id"],
                    "got": [p["id"] for p in near],
                    "context": _context(text, lab["start"], lab["end"]),
                }
            )
            continue
        t.add(k, "found")
        best = max(same, key=lambda p: min(p["end"], lab["end"]) - max(p["start"], lab["start"]))
        want, got = _norm_pin(lab.get("pinpoint")), _norm_pin(best.get("pinpoint"))
        if want or got:
            t.add(k, "pin_n")
            if want == got:
                t.add(k, "pin_ok")
            else:
                t.pin_wrong.append(
                    {
                        "set": key[0],
                        "doc": doc,
                        "id": lab["id"],
                        "want": want,
                        "got": got,
                        "context": _context(text, lab["start"], lab["end"]),
                    }
                )
    for p in preds:
        k = (key[0], key[1], _pred_kind(p))
        t.add(k, "preds")
        if any(lab["id"] == p["id"] and _overlaps(p, lab) for lab in labels):
            t.add(k, "correct")
        else:
            t.false.append(
                {
                    "set": key[0],
                    "doc": doc,
                    "kind": k[2],
                    "id": p["id"],
                    "labelled": [lab["id"] for lab in labels if _overlaps(p, lab)],
                    "context": _context(text, p["start"], p["end"]),
                }
            )


def hide_examples(t: DevTally, sets: Iterable[str]) -> int:
    """Drop the examples of ``sets`` from ``t`` (figures stay); returns how many were dropped.

    Why: the fresh set measures text that no fix was tuned to; showing its misses would
    invite exactly that tuning."""
    hidden = set(sets)
    n = 0
    for name in ("misses", "false", "pin_wrong"):
        items: list[dict[str, Any]] = getattr(t, name)
        kept = [item for item in items if item.get("set") not in hidden]
        n += len(items) - len(kept)
        setattr(t, name, kept)
    return n


def load_label_file(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return json.loads(lines[0]), [json.loads(ln) for ln in lines[1:]]


def label_files(which: str) -> list[tuple[str, Path]]:
    sets = DEVSETS if which == "all" else (which,)
    return [(s, p) for s in sets for p in sorted((DEVSET / s).glob("*/*.jsonl"))]


def devset(corpus: Path, which: str, t: DevTally) -> None:
    for dset, path in label_files(which):
        header, labels = load_label_file(path)
        doc = corpus / header["doc"]
        if not doc.is_file():
            t.skipped.append(f"{path.relative_to(DEVSET)}: {header['doc']} not in the corpus")
            continue
        raw = doc.read_bytes()
        if hashlib.sha256(raw).hexdigest() != header["sha256"]:
            t.skipped.append(f"{path.relative_to(DEVSET)}: {header['doc']} has another sha256")
            continue
        with doc.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        # A short form left without an id (Ibid. after a book) names nothing: not a prediction.
        preds = [c.to_json() for c in citecheck.extract(text) if c.id]
        t.documents += 1
        score_document(
            text, labels, header["excerpts"], preds, (dset, header["lang"]), header["doc"], t
        )


def _pct(x: float | None) -> str:
    return "   n/a" if x is None else f"{x:6.1%}"


def report_devset(t: DevTally, n_examples: int) -> None:
    for msg in t.skipped:
        print(f"skip: {msg}")
    print(f"{t.documents} documents scored")
    cols = ("recall", "precision", "pinpoints")
    print(f"{'set':8s} {'lang':4s} {'kind':16s} " + " ".join(f"{c:>16s}" for c in cols))
    for r in t.table():
        print(
            f"{r['set']:8s} {r['lang']:4s} {r['kind']:16s} "
            f"{_pct(r['recall'])} ({r['found']:3d}/{r['labels']:3d}) "
            f"{_pct(r['precision'])} ({r['correct']:3d}/{r['preds']:3d}) "
            f"{_pct(r['pinpoint_accuracy'])} ({r['pin_ok']:3d}/{r['pin_n']:3d})"
        )
    for title, items, fmt in (
        ("misses", t.misses, "{doc}: {id} ({kind}) got {got}: {context}"),
        ("false matches", t.false, "{doc}: {id} ({kind}) labels {labelled}: {context}"),
        ("wrong pinpoints", t.pin_wrong, "{doc}: {id} want {want!r} got {got!r}: {context}"),
    ):
        if items and n_examples:
            print(f"\n{title} ({len(items)}, first {min(n_examples, len(items))}):")
            for item in items[:n_examples]:
                print("  " + fmt.format(**item))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--misses", type=int, default=10, help="examples shown per measure")
    ap.add_argument(
        "--devset",
        choices=(*DEVSETS, "all"),
        help="measure against the hand-labelled sets of benchmarks/devset instead",
    )
    ap.add_argument("--json", action="store_true", help="with --devset: print one JSON object")
    ap.add_argument(
        "--fresh-examples",
        action="store_true",
        help="with --devset fresh|all: also print the fresh set's examples (hidden by default)",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: corpus not found at {args.corpus}")
        return 0
    if args.devset:
        dt = DevTally()
        devset(args.corpus, args.devset, dt)
        if not args.fresh_examples and hide_examples(dt, UNSEEN_SETS) and not args.json:
            print("(examples from the fresh set are hidden; --fresh-examples shows them)")
        if args.json:
            n = args.misses
            print(
                json.dumps(
                    {
                        "documents": dt.documents,
                        "skipped": dt.skipped,
                        "rows": dt.table(),
                        "misses": dt.misses[:n],
                        "false": dt.false[:n],
                        "wrong_pinpoints": dt.pin_wrong[:n],
                    },
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            report_devset(dt, args.misses)
        return 0
    t = Tally()
    dora(args.corpus, t)
    triples(args.corpus, t)
    gdpr_judgments(args.corpus, t)
    t.report(args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
