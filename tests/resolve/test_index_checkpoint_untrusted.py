"""The checkpoint stored in an index file is untrusted: one nested too deeply for the JSON
reader, or far too long, reads as no checkpoint (coverage unknown), in every place that reads
it. `index info` still answers, and `check --index` still uses the records it holds, with
`not_found` never given from such an index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from indexdata import AS_OF, build_index

from citecheck.cli import main
from citecheck.index.db import MAX_CHECKPOINT_CHARS, HarvestState, IndexDB
from citecheck.index.update import _checkpoint

UNUSABLE = [
    pytest.param("[" * 50_000, id="nested-too-deep"),
    pytest.param('{"a": {' * 20_000 + "}" * 40_000, id="objects-too-deep"),
    pytest.param(
        '{"covered_from": "1946-01-01", "pad": "' + "x" * MAX_CHECKPOINT_CHARS + '"}', id="too-long"
    ),
]


@pytest.mark.parametrize("checkpoint", UNUSABLE)
def test_an_unusable_checkpoint_reads_as_none(checkpoint: str) -> None:
    state = HarvestState("undl", AS_OF, False, "1946-01-01", checkpoint, 0, None)
    assert state.checkpoint_data() == {}
    assert state.coverage() == []
    assert _checkpoint(state) == {}


def test_a_usable_checkpoint_is_read() -> None:
    state = HarvestState(
        "undl", AS_OF, False, "1946-01-01", '{"covered_from": "1946-01-01"}', 0, None
    )
    assert state.checkpoint_data() == {"covered_from": "1946-01-01"}


def _poisoned(tmp_path: Path, checkpoint: str) -> Path:
    path = build_index(tmp_path / "idx.sqlite", complete=False)
    with IndexDB(path, write=True) as db, db.transaction():
        for source, earliest in (("undl", "1946-01-01"), ("eu", "1952-01-01")):
            db.set_harvest(HarvestState(source, AS_OF, False, earliest, checkpoint, 3, AS_OF))
    return path


@pytest.mark.parametrize("checkpoint", UNUSABLE)
def test_index_info_answers(tmp_path: Path, checkpoint: str) -> None:
    path = _poisoned(tmp_path, checkpoint)
    res = CliRunner().invoke(main, ["index", "info", "--format", "json", "--index", str(path)])
    assert res.exit_code == 0, res.output
    assert "RecursionError" not in res.output
    json.loads(res.stdout)


@pytest.mark.parametrize("checkpoint", UNUSABLE)
def test_check_uses_the_index(tmp_path: Path, checkpoint: str) -> None:
    path = _poisoned(tmp_path, checkpoint)
    text = tmp_path / "t.txt"
    text.write_text(
        "A/HRC/RES/17/4, A/HRC/RES/17/99 and Regulation (EU) 2016/679.\n", encoding="utf-8"
    )
    res = CliRunner().invoke(
        main, ["check", "--offline", "--format", "json", "--index", str(path), str(text)]
    )
    assert "RecursionError" not in res.output and "resolution failed" not in res.output
    (file,) = json.loads(res.stdout)["files"]
    status = {c["id"]: c["status"] for c in file["citations"]}
    assert status == {
        "un:A/HRC/RES/17/4": "resolved",
        "un:A/HRC/RES/17/99": "unverified",
        "celex:32016R0679": "resolved",
    }
