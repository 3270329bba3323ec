"""Write the results snapshot that ``tests/test_results_unchanged.py`` compares against.

Why: speed work (one combined scan, lazy patterns, ...) must not change what citecheck finds.
The snapshot holds, for a fixed sample of English UN and EU texts, every citation's id, span,
pinpoint and short-form flag and every finding's code and span, one JSON line per file.

Regenerate it ONLY when a change of results is intended (a grammar fix, a new rule), and
review the diff of ``tests/data/results_snapshot.jsonl`` in the same commit::

    python benchmarks/snapshot_results.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SNAPSHOT = ROOT / "tests" / "data" / "results_snapshot.jsonl"

#: The fixed sample (paths under the corpus): English UN and EU texts, about 1.1 MB in all.
SAMPLE = (
    "derived/cjeu_C-311-18_SchremsII.txt",
    "derived/cjeu_C-45-15P_SafaNicuSepahan.txt",
    "derived/cjeu_C-72-15_Rosneft.txt",
    "derived/eu_32019L1937.txt",
    "derived/eu_32020D0472.txt",
    "derived/eu_32020R1998.txt",
    "derived/gc_CCPR-C-GC-34.txt",
    "derived/gc_E-C.12-GC-24.txt",
    "derived/sp_A-71-373.txt",
    "derived/sp_A-79-182.txt",
    "derived/sp_A-HRC-38-35.txt",
    "derived/sp_A-HRC-53-25.txt",
    "derived/upr_A-HRC-28-15.txt",
    "derived/upr_A-HRC-WG.6-34-SVN-2.txt",
    "un_upr_slovenia/cycle1__A_HRC_WG_6_7_SVN_2_UN_Compilation.md",
    "un_upr_slovenia/cycle1__extracted__g0917008.txt",
    "un_upr_slovenia/cycle1__A_HRC_14_15_Working_Group_Report.md",
    "un_upr_slovenia/cycle3__extracted__g2004192.txt",
    "un_upr_slovenia/cycle4__extracted__g2505828.txt",
    "un_upr_slovenia/cycle2__extracted__g1504261.txt",
    "un_upr_slovenia/cycle4__recommendations.md",
    "un_upr_slovenia/cycle3__extracted__Advance_questions_Slovenia_first_batch.txt",
    "un_upr_slovenia/upr__A_HRC_43_15_cycle3_2019.md",
    "un_upr_slovenia/cycle4__extracted__session48-hc-letter-republic-slovenia-eng.txt",
    "eu_formex_plaintext_misc/legal-in-force-EUROVOC-5188__8c7f0db4-ecc9-422f-9d9d-11bfadb73b96.txt",
    "eu_formex_plaintext_misc/legal-in-force-EUROVOC-5188__e992dd20-f4db-11e6-8a35-01aa75ed71a1.txt",
    "eu_cjeu_judgments_2017_2018/txt/ECLI_EU_C_2017_209.txt",
    "eu_cjeu_judgments_2017_2018/txt/ECLI_EU_C_2017_914.txt",
    "eu_cjeu_judgments_2017_2018/txt/ECLI_EU_C_2017_199.txt",
    "eu_cjeu_judgments_2017_2018/txt/ECLI_EU_C_2017_29.txt",
)


def results(text: str) -> dict[str, Any]:
    """What must not change for one text: citations and findings, as plain lists."""
    from citecheck import check

    result = check(text)
    return {
        "citations": [
            [c.id, c.start, c.end, str(c.pinpoint) if c.pinpoint else None, c.short_form]
            for c in result.citations
        ],
        "findings": [[f.code, f.start, f.end, f.id] for f in result.findings],
    }


def snapshot_lines(corpus: Path) -> Iterator[dict[str, Any]]:
    """One record per sample file, in ``SAMPLE`` order."""
    for name in SAMPLE:
        text = (corpus / name).read_text("utf-8", errors="replace")
        yield {"file": name, **results(text)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=SNAPSHOT)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for record in snapshot_lines(args.corpus):
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
