"""English results on a fixed sample of UN corpus texts are what they were before FR/ES.

Why: the French and Spanish words extend the same UN patterns; English must not move. Skipped
when the shared corpus is absent (it is not part of the repository).
"""

from __future__ import annotations

import json

import pytest
from english_sample import BASELINE, CORPUS, results, sample_files

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (not part of the repo)"
)


def test_english_sample_is_unchanged() -> None:
    expected = json.loads(BASELINE.read_text("utf-8"))
    files = sample_files()
    assert [p.relative_to(CORPUS).as_posix() for p in files] == list(expected)
    for path in files:
        name = path.relative_to(CORPUS).as_posix()
        assert results(path) == expected[name], name
