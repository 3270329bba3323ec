"""The README's Python examples run as written, in a fresh interpreter, with no network, and
print what their comments say."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)


def _promised_lines(code: str) -> list[str]:
    """``print(x)  # what it prints`` comments, except those that abbreviate with '...'
    or list alternatives."""
    out = []
    for line in code.splitlines():
        m = re.match(r"\s*print\(.*\)\s+# (.*)$", line)
        if m and "..." not in m.group(1) and " or " not in m.group(1):
            out.append(m.group(1).strip())
    return out


def test_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_example_runs(code: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        # nothing listens there: an example that went online would fail, not reach the internet
        **{f"CITECHECK_{s}_URL": "http://127.0.0.1:9" for s in ("UNDL", "ODS", "CELLAR")},
        "CITECHECK_SPARQL_URL": "http://127.0.0.1:9/sparql",
    }
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    printed = proc.stdout.splitlines()
    for promised in _promised_lines(code):
        assert promised in printed, (promised, printed)
