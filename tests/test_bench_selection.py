"""The speed benchmark never times a text a held-out or fresh hand-labelled set is measured
on; which texts those are comes from the label files' headers only."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_bench", BENCHMARKS / "extract_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_bench", module)
    spec.loader.exec_module(module)
    return module


def _label_file(devset: Path, name: str, doc: str) -> None:
    path = devset / name / "en" / f"{doc.replace('/', '_')}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {"doc": doc, "sha256": "0" * 64, "excerpts": [[0, 1]], "genre": "x", "lang": "en"}
    # the labels are never read: a line that is no JSON would fail the run if they were
    path.write_text(json.dumps(header) + "\nnot JSON: a label\n", encoding="utf-8")


def test_measured_texts_are_left_out(bench: ModuleType, tmp_path: Path) -> None:
    corpus, devset = tmp_path / "corpus", tmp_path / "devset"
    for name in (
        "derived/held.txt",
        "derived/dev.txt",
        "derived/plain.txt",
        "un_upr_slovenia/fresh.md",
        "un_upr_slovenia/other.md",
    ):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("See A/HRC/41/35.\n", encoding="utf-8")
    _label_file(devset, "heldout", "derived/held.txt")
    _label_file(devset, "fresh", "un_upr_slovenia/fresh.md")
    _label_file(devset, "dev", "derived/dev.txt")  # the dev set's texts stay usable
    assert bench.measured_documents(devset) == {"derived/held.txt", "un_upr_slovenia/fresh.md"}
    names = [name for name, _ in bench.load_texts(corpus, devset)]
    assert names == ["derived/dev.txt", "derived/plain.txt", "un_upr_slovenia/other.md"]


def test_no_measured_text_of_the_real_sets_is_timed(bench: ModuleType) -> None:
    if not bench.DEFAULT_CORPUS.is_dir():
        pytest.skip(f"corpus not found at {bench.DEFAULT_CORPUS} (the shared folder is absent)")
    measured = bench.measured_documents()
    if not measured:
        pytest.skip("no held-out or fresh label files in this checkout")
    names = {name for name, _ in bench.load_texts(bench.DEFAULT_CORPUS)}
    assert names and not names & measured
