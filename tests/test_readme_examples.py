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
    """What the examples promise to print: ``print(x)  # what it prints`` on one line, or a
    ``print(x)`` line followed by comment lines holding what it prints, wrapped (``# [...,`` /
    ``#  ...]``: joined with one space); except those that abbreviate with '...' or list
    alternatives."""
    out = []
    lines = code.splitlines()
    for k, line in enumerate(lines):
        m = re.match(r"\s*print\(.*\)\s+# (.*)$", line)
        if m:
            promised = m.group(1).strip()
        elif re.match(r"\s*print\(.*\)\s*$", line):
            wrapped = []
            for after in lines[k + 1 :]:
                if not after.lstrip().startswith("#"):
                    break
                wrapped.append(after.strip().lstrip("#").strip())
            promised = " ".join(wrapped)
        else:
            continue
        if promised and "..." not in promised and " or " not in promised:
            out.append(promised)
    return out


def test_wrapped_results_are_promised() -> None:
    """A result wrapped over comment lines under its ``print`` is checked as one line."""
    code = "print(x)\n# [('a', ''),\n#  ('b', '')]\ny = 1\nprint(y)  # 1\nprint(z)\n"
    assert _promised_lines(code) == ["[('a', ''), ('b', '')]", "1"]


def test_readme_checks_its_multiline_results() -> None:
    """The README's French and Spanish results, written over two comment lines, are checked."""
    promised = [p for block in BLOCKS for p in _promised_lines(block)]
    assert any("gc:CCPR/34" in p and "oj:L/2016/119/p1" in p for p in promised), promised
    assert any("instrument:iccpr" in p and "ecli:EU:C:2020:559" in p for p in promised), promised


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
