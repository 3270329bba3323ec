"""A cited section of a GA resolution is answered with that section's record only.

The index (`indexdata`) holds `A/RES/59/284A` alone: a citation of section B must not be
"resolved" with section A's record, and is never denied either (the series holds the number).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from indexdata import build_index

from citecheck.cli import main


def _check_offline(index: Path, tmp_path: Path, text: str) -> dict[str, dict[str, Any]]:
    letter = tmp_path / "letter.txt"
    letter.write_text(text, encoding="utf-8")
    env = {
        "CITECHECK_INDEX": str(index),
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        "CITECHECK_UNDL_URL": "http://127.0.0.1:9",  # unreachable: --offline must not ask
        "CITECHECK_ODS_URL": "http://127.0.0.1:9",
    }
    args = ["check", "--offline", "--format", "json", str(letter)]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    data = json.loads(result.output)
    return {c["id"]: c for f in data["files"] for c in f["citations"]}


def test_section_b_is_not_resolved_with_section_as_record(tmp_path: Path) -> None:
    index = build_index(tmp_path / "index.sqlite3")
    cited = _check_offline(index, tmp_path, "See A/RES/59/284 B, para. 3, and A/RES/59/284 A.\n")
    section_b = cited["un:A/RES/59/284B"]
    assert section_b["text"] == "A/RES/59/284 B, para. 3"
    assert section_b["status"] == "unverified"  # held in another form: never not_found
    assert "A/RES/59/284A" in section_b["resolution"]["reason"]
    assert section_b["resolution"].get("title") is None
    section_a = cited["un:A/RES/59/284A"]
    assert section_a["status"] == "resolved"
    assert section_a["resolution"]["title"] == "Sectioned"
