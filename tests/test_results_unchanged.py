"""Speed work must not change results: ids, spans, pinpoints and findings over a fixed sample
of English UN and EU texts equal the committed snapshot (``benchmarks/snapshot_results.py``
regenerates it when a change of results is intended)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "snapshot_results", ROOT / "benchmarks" / "snapshot_results.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


snapshot_results = _load_script()
CORPUS: Path = snapshot_results.DEFAULT_CORPUS


def _expected() -> dict[str, dict[str, Any]]:
    lines = snapshot_results.SNAPSHOT.read_text("utf-8").splitlines()
    return {rec["file"]: rec for rec in map(json.loads, lines)}


def test_snapshot_covers_the_sample() -> None:
    expected = _expected()
    assert list(expected) == list(snapshot_results.SAMPLE)
    assert sum(len(r["citations"]) for r in expected.values()) > 1000


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
@pytest.mark.parametrize("name", snapshot_results.SAMPLE)
def test_results_equal_snapshot(name: str) -> None:
    expected = _expected()[name]
    text = (CORPUS / name).read_text("utf-8", errors="replace")
    got = {"file": name, **snapshot_results.results(text)}
    # JSON round trip: tuples and lists compare alike.
    got = json.loads(json.dumps(got))
    assert got["citations"] == expected["citations"]
    assert got["findings"] == expected["findings"]
