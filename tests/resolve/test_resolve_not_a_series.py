"""UN103 ("'HRC/' is not a UN series") yields to a source that holds the symbol as written.

`HRC/11/120` is a press release in the UN Digital Library (its own 191 $a): rewriting it to
`A/HRC/11/120` would cite another document. Offline, the finding names A/HRC/11/120 but offers
no fix; a source that resolves `un:HRC/11/120` withdraws the finding (index, resolver, editor).
`HRC/RES/17/4` is rewritten: no document carries it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from indexdata import build_index

import citecheck
from citecheck.cli import main
from citecheck.index.db import IndexDB, UnRecord
from citecheck.lsp.diagnostics import build_diagnostics
from citecheck.lsp.positions import LineIndex
from citecheck.pipeline import check as pipeline_check
from citecheck.resolve.model import Resolution, Status

PRESS_RELEASE = "Human Rights Council concludes seventeenth session"
TEXT = "See HRC/11/120 and HRC/RES/17/4.\n"


def _index(tmp_path: Path, *, with_press_release: bool) -> Path:
    path = build_index(tmp_path / "index.sqlite3")
    if with_press_release:
        db = IndexDB(path, write=True)
        try:
            with db.transaction():
                record = UnRecord(
                    recid=720001,
                    symbols=(("HRC/11/120", "own"), ("GA/11120", "alt")),
                    title=PRESS_RELEASE,
                    date="2011-06-17",
                )
                db.put_un_records([record])
        finally:
            db.close()
    return path


def _cli(tmp_path: Path, index: Path, *extra: str) -> tuple[Path, Any]:
    letter = tmp_path / "letter.txt"
    letter.write_text(TEXT, encoding="utf-8")
    env = {
        "CITECHECK_INDEX": str(index),
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        "CITECHECK_UNDL_URL": "http://127.0.0.1:9",  # unreachable: --offline must not ask
        "CITECHECK_ODS_URL": "http://127.0.0.1:9",
    }
    args = ["check", "--offline", *extra, str(letter)]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    return letter, result


def _un103(data: dict[str, Any]) -> dict[str, Any]:
    return {f["id"]: f for f in data["files"][0]["findings"] if f["code"] == "UN103"}


def test_index_holding_the_written_symbol_withdraws_un103_and_its_fix(tmp_path: Path) -> None:
    index = _index(tmp_path, with_press_release=True)
    _, result = _cli(tmp_path, index, "--format", "json")
    data = json.loads(result.output)
    cited = {c["id"]: c for c in data["files"][0]["citations"]}
    assert cited["un:HRC/11/120"]["status"] == "resolved"
    assert cited["un:HRC/11/120"]["resolution"]["title"] == PRESS_RELEASE
    assert set(_un103(data)) == {"un:HRC/RES/17/4"}  # the index does not hold HRC/RES/17/4
    letter, _ = _cli(tmp_path, index, "--fix")
    assert letter.read_text(encoding="utf-8") == "See HRC/11/120 and A/HRC/RES/17/4.\n"


def test_index_without_the_written_symbol_keeps_un103(tmp_path: Path) -> None:
    index = _index(tmp_path, with_press_release=False)
    _, result = _cli(tmp_path, index, "--format", "json")
    found = _un103(json.loads(result.output))
    assert set(found) == {"un:HRC/11/120", "un:HRC/RES/17/4"}
    assert found["un:HRC/11/120"]["message"] == (
        "'HRC/' is not a UN series; did you mean A/HRC/11/120?"
    )
    assert found["un:HRC/11/120"].get("fix") is None  # may be another document: not rewritten
    assert found["un:HRC/RES/17/4"]["fix"]["replacement"] == "A/HRC/RES/17/4"
    letter, _ = _cli(tmp_path, index, "--fix")
    assert letter.read_text(encoding="utf-8") == "See HRC/11/120 and A/HRC/RES/17/4.\n"


@pytest.mark.parametrize(
    ("status", "withdrawn"),
    [("resolved", True), ("not_found", False), ("unverified", False), ("not_checked", False)],
)
def test_only_a_resolved_answer_withdraws_un103(status: str, withdrawn: bool) -> None:
    def answers(ids: list[str]) -> dict[str, Any]:
        return {i: {"status": status, "reason": "made up"} for i in ids}

    result = citecheck.check("See HRC/RES/17/4.", resolver=answers)
    codes = [f.code for f in result.findings]
    assert ("UN103" in codes) is not withdrawn


def test_other_findings_stay_when_the_symbol_resolves() -> None:
    """Only rules saying the document cannot exist yield to a record: UN102 (letter case)
    still holds for a symbol the source knows."""
    result = citecheck.check(
        "See a/hrc/41/35.",
        resolver=lambda ids: {i: {"status": "resolved", "title": "Report"} for i in ids},
    )
    assert [f.code for f in result.findings] == ["UN102"]


def test_the_editor_withdraws_un103_for_a_resolved_symbol() -> None:
    text = "See HRC/11/120 and HRC/RES/17/4."
    result = pipeline_check(text)
    held = Resolution(id="un:HRC/11/120", status=Status.RESOLVED, title=PRESS_RELEASE)
    diagnostics = build_diagnostics(result, {"un:HRC/11/120": held}, LineIndex(text))
    assert [(d.code, d.range.start.character) for d in diagnostics] == [("UN103", 19)]


def test_a_spilled_batch_withdraws_un103_as_the_batch_in_memory(tmp_path: Path) -> None:
    from citecheck.batch import run_batch, run_batch_spilled
    from citecheck.config import Config
    from citecheck.spill import Spill

    letter = tmp_path / "letter.txt"
    letter.write_text(TEXT, encoding="utf-8")

    def answers(ids: list[str]) -> dict[str, Any]:
        return {i: {"status": "resolved" if i == "un:HRC/11/120" else "not_found"} for i in ids}

    kept = run_batch([str(letter)], Config(), resolver=answers, keep_texts=False)
    in_memory = [(f.code, f.id) for f in kept.reports[0].findings]
    assert ("UN103", "un:HRC/RES/17/4") in in_memory
    assert ("UN103", "un:HRC/11/120") not in in_memory
    with Spill() as spill:
        spilled = run_batch_spilled([str(letter)], Config(), spill, resolver=answers)
        assert [(f.code, f.id) for f in spilled.reports[0].findings] == in_memory
