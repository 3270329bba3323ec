"""Run every UN text of the shared corpus through extract() and check() with ALL families.

Counts what is found per kind and prints it (``pytest -s`` shows it); fails on any exception,
on a span that does not match its text, and when the UN prose families find nothing at all in
a corpus that is full of resolutions and general comments. Skipped when /work/shared is absent.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import citecheck
from citecheck.model import Kind

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (not part of the repo)"
)


def _footnotes(raw: Any) -> list[str]:
    out = []
    for fn in raw or ():
        if isinstance(fn, dict):
            out.append(f"[{fn.get('n', '')}] {fn.get('text', '')}")
        elif isinstance(fn, str):
            out.append(fn)
    return out


def _paragraph_docs(path: Path) -> Iterator[tuple[str, str]]:
    """``*_footnoted_paragraphs.json``: {doc: {paragraphs: {n: {inline_text, footnotes}}}}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, doc in data.items():
        paras = doc.get("paragraphs", {})
        body, notes = [], []
        for para in paras.values():
            body.append(para.get("inline_text", ""))
            notes.extend(_footnotes(para.get("footnotes")))
        yield f"{path.name}:{key}", "\n\n".join(body) + "\n\nNotes\n" + "\n".join(notes)


def _list_doc(path: Path) -> Iterator[tuple[str, str]]:
    """``[{"ID", "Text"}, ...]`` (SP report paragraphs, annotated general comments)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    yield path.name, "\n\n".join(str(p.get("Text", "")) for p in data if isinstance(p, dict))


def _shard_docs(path: Path) -> Iterator[tuple[str, str]]:
    """Jurisprudence shards: paragraphs grouped by ``docId``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs: dict[str, list[str]] = {}
    for para in data.get("paragraphs", []):
        parts = [para.get("text") or "", *_footnotes(para.get("footnotes"))]
        docs.setdefault(para.get("docId", "?"), []).append("\n".join(parts))
    for key, paras in docs.items():
        yield f"{path.name}:{key}", "\n\n".join(paras)


def un_texts() -> Iterator[tuple[str, str]]:
    """Every UN text of the corpus, as (name, text)."""
    unhrd = CORPUS / "un_unhrd"
    for path in sorted(unhrd.glob("*_footnoted_paragraphs.json")):
        yield from _paragraph_docs(path)
    for folder in ("sp_reports_paragraphs", "general_comments_annotated"):
        for path in sorted((unhrd / folder).glob("*.json")):
            yield from _list_doc(path)
    for path in sorted((unhrd / "jurisprudence_shards").glob("*.json")):
        yield from _shard_docs(path)
    for path in sorted((CORPUS / "un_upr_slovenia").iterdir()):
        if path.suffix in (".md", ".txt"):
            yield path.name, path.read_text(encoding="utf-8", errors="replace")
    for pattern in ("sp_*.txt", "gc_*.txt", "upr_*.txt"):
        for path in sorted((CORPUS / "derived").glob(pattern)):
            yield path.name, path.read_text(encoding="utf-8")
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")


def test_corpus_un_all_families() -> None:
    kinds: Counter[str] = Counter()
    families: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    ambiguous: Counter[str] = Counter()
    errors: list[str] = []
    n_docs = 0
    for name, text in un_texts():
        n_docs += 1
        try:
            result = citecheck.check(text)
            extracted = citecheck.extract(text)
        except Exception as exc:  # collect them all, fail below with every name
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        assert len(extracted) == len(result.citations), name
        for cit in result.citations:
            assert text[cit.start : cit.end] == cit.text, (name, cit)
            kinds[cit.kind.value] += 1
            families[cit.family] += 1
            if cit.ambiguous:
                ambiguous[cit.kind.value] += 1
        for finding in result.findings:
            codes[finding.code] += 1
    print(f"\nUN corpus: {n_docs} texts")
    print("citations per kind:", dict(sorted(kinds.items())))
    print("ambiguous per kind:", dict(sorted(ambiguous.items())))
    print("citations per family:", dict(sorted(families.items())))
    print("findings per code:", dict(sorted(codes.items())))
    assert not errors, "\n".join(errors)
    assert n_docs > 100
    # The corpus is full of both; finding none means the families broke.
    assert kinds[Kind.UN_RESOLUTION.value] > 100
    assert kinds[Kind.GENERAL_COMMENT.value] > 100
    assert kinds[Kind.SP_COMMUNICATION.value] >= 4  # the seed letter alone has four
