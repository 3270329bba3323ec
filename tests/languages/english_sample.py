"""A fixed sample of English UN texts and what citecheck.check finds in them.

Why: the French and Spanish UN forms share the UN families with English; this sample pins the
English results so that adding a language cannot change them unnoticed. Regenerate with
``python tests/languages/english_sample.py`` only when an English change is intended.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import citecheck

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
BASELINE = Path(__file__).with_name("english_un_baseline.json")
SAMPLE_SIZE = 40


def sample_files() -> list[Path]:
    """The first UN plain texts of the corpus in a stable order (derived texts, then UPR files)."""
    derived = (CORPUS / "derived").glob("*.txt")
    files = sorted(p for p in derived if not p.name.startswith(("eu_", "cjeu_")))
    files += sorted((CORPUS / "un_upr_slovenia").glob("*.txt"))
    files += sorted((CORPUS / "un_upr_slovenia").glob("*.md"))
    return files[:SAMPLE_SIZE]


def results(path: Path) -> list[list[Any]]:
    """(id, kind, start, end, pinpoint, short_form) of every citation check() finds."""
    found = citecheck.check(path.read_text("utf-8", errors="replace")).citations
    return [[c.id, c.kind.value, c.start, c.end, str(c.pinpoint), c.short_form] for c in found]


def main() -> None:
    data = {p.relative_to(CORPUS).as_posix(): results(p) for p in sample_files()}
    BASELINE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(len(data), "files,", sum(len(v) for v in data.values()), "citations")


if __name__ == "__main__":
    main()
