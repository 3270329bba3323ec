"""Reports spilled to disk (``citecheck.spill``): the same output as reports kept in memory,
for every format, on a batch and on a streamed flood, while the parent keeps no citation."""

from __future__ import annotations

import gc
import json
import os
import random
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import citecheck.stream
from citecheck import spill as spill_mod
from citecheck.batch import BatchResult, run_batch, run_batch_spilled
from citecheck.cli import main
from citecheck.config import Config
from citecheck.formats import CHECK_FORMATS, iter_render, render
from citecheck.model import Citation, Finding, Kind, Severity
from citecheck.resolve.policy import NEIGHBOUR_GAP, cited_together, no_network_summary
from citecheck.spill import Neighbours, Spill, SpilledBatch, read_sorted, spill_check

# Made-up texts in the shapes of UN and EU documents: full citations, short forms, a
# suppression marker, an id the fake sources do not know, and one without citations.
TEXTS = {
    "a.txt": "Human Rights Council resolution 41/35 and the report A/HRC/41/35, para. 66.\n"
    "Ibid., para. 70. See Regulation (EU) 2016/679, Article 6(1)(b), and Case C-311/18, "
    "EU:C:2020:559, paragraph 134.\n",
    "b.md": "See A/HRC/41/35 and A/HRC/99/999. <!-- citecheck: ignore[RS101] -->\n"
    "Directive 95/46/EC; E/C.12/GC/24, para. 12; CCPR/C/GC/34, para. 21.\n",
    "c.txt": "Nothing to cite here.\n",
    "d.txt": "Ibid.\nSee Joined Cases C-293/12 and C-594/12, ECLI:EU:C:2014:238; "
    "A/HRC/38/35/Add.1.\n",
}


def _answers(ids: Sequence[str]) -> dict[str, Any]:
    """Made-up answers: every third id not found, the next unverified for want of network."""
    out: dict[str, Any] = {}
    for i, ident in enumerate(sorted(ids)):
        if i % 3 == 1:
            out[ident] = {"status": "not_found", "suggestions": []}
        elif i % 3 == 2:
            out[ident] = {"status": "unverified", "reason": "no network"}
        else:
            out[ident] = {"status": "resolved", "title": f"Title of {ident}"}
    return out


def _files(folder: Path) -> list[str]:
    paths = []
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return [*paths, str(folder / "missing.txt")]


def _outputs(batch: BatchResult | SpilledBatch) -> dict[str, str]:
    errors = [(e.path, e.reason) for e in batch.errors]
    return {
        fmt: render(fmt, batch.reports, errors=errors, notices=["a notice"])
        for fmt in CHECK_FORMATS
    }


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("resolved", [False, True])
def test_a_spilled_batch_renders_as_the_batch_in_memory(
    tmp_path: Path, jobs: int, resolved: bool
) -> None:
    paths = _files(tmp_path)
    resolver = _answers if resolved else None
    kept = run_batch(paths, Config(), resolver=resolver, jobs=jobs, keep_texts=False)
    with Spill() as spill:
        spilled = run_batch_spilled(paths, Config(), spill, resolver=resolver, jobs=jobs)
        assert _outputs(spilled) == _outputs(kept)
        assert [r.path for r in spilled.reports[1:]] == [r.path for r in kept.reports[1:]]
        assert [r.source.kind for r in spilled.reports if r.source] == ["text"] * 4
        assert [e.path for e in spilled.errors] == [e.path for e in kept.errors]
        assert spilled.citations_not_resolved() == kept.citations_not_resolved()
        assert spilled.citations_without_network() == kept.citations_without_network()
        for rank in (Severity.INFO.rank, Severity.WARNING.rank, Severity.ERROR.rank):
            for exempt in (frozenset(), frozenset({"RS102", "RS101"})):
                assert spilled.failing(rank, exempt) == kept.failing(rank, exempt)
    if resolved:  # the figures compared mean something
        assert 0 < kept.citations_without_network() < kept.citations_not_resolved()


def _flood(lines: int) -> str:
    block = (
        "See A/HRC/41/35, para. 66, and Regulation (EU) 2016/679.\n"
        "Ibid., para. 70.\nIbid.\nsupra note 3.\nE/C.12/GC/24, para. 12; CCPR/C/GC/34.\n"
    )
    return "Ibid.\n" + block * (lines // 5)


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts above 4,000 characters are streamed in windows of 4,096, spilled 7 at a time."""
    real = citecheck.stream.check_stream

    def windows(source: Any) -> Iterator[Any]:
        yield from real(source, window=4096, overlap=512)

    monkeypatch.setattr("citecheck.report.STREAM_THRESHOLD", 4000)
    monkeypatch.setattr(citecheck.stream, "check_stream", windows)
    monkeypatch.setattr(spill_mod, "CHUNK", 7)


@pytest.mark.usefixtures("small_windows")
@pytest.mark.parametrize("resolved", [False, True])
def test_a_streamed_flood_spilled_renders_as_in_memory(tmp_path: Path, resolved: bool) -> None:
    path = tmp_path / "flood.txt"
    path.write_text(_flood(3000), encoding="utf-8")
    resolver = _answers if resolved else None
    kept = run_batch([str(path)], Config(), resolver=resolver, keep_texts=False)
    assert len(kept.reports[0].citations) > 2000  # several windows, many chunks
    with Spill() as spill:
        spilled = run_batch_spilled([str(path)], Config(), spill, resolver=resolver)
        assert len(spilled.reports[0].handle.citations) > 100
        assert _outputs(spilled) == _outputs(kept)


def _live_citations() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Citation))


def test_the_parent_keeps_no_citation_of_a_spilled_batch(tmp_path: Path) -> None:
    paths = _files(tmp_path)[:-1]
    before = _live_citations()
    kept = run_batch(paths, Config(), keep_texts=False)
    in_memory = _live_citations() - before
    assert in_memory >= sum(len(r.citations) for r in kept.reports) > 10
    del kept
    before = _live_citations()
    with Spill() as spill:
        batch = run_batch_spilled(paths, Config(), spill, resolver=_answers)
        assert _live_citations() == before  # all of them wait on disk
        assert len(spill.files()) == len(paths) + 1  # one file a check, and the reports
        assert sum(r.tally().citations for r in batch.reports) > 10


@pytest.mark.usefixtures("small_windows")
def test_rendering_a_spilled_flood_holds_a_few_chunks_of_citations(tmp_path: Path) -> None:
    path = tmp_path / "flood.txt"
    path.write_text(_flood(3000), encoding="utf-8")
    with Spill() as spill:
        batch = run_batch_spilled([str(path)], Config(), spill, resolver=_answers)
        total = batch.reports[0].tally().citations
        assert total > 2000
        gc.collect()
        base = _live_citations()
        most = 0
        for i, _ in enumerate(iter_render("json", batch.reports)):
            if i % 500 == 0:
                most = max(most, _live_citations() - base)
        assert 0 < most <= 2 * spill_mod.CHUNK < total


def test_the_spill_directory_is_removed_even_on_ctrl_c() -> None:
    with pytest.raises(KeyboardInterrupt), Spill() as spill:
        folder = spill.folder
        spill.file.put(["a record"])
        assert os.path.isdir(folder) and oct(os.stat(folder).st_mode & 0o777) == "0o700"
        raise KeyboardInterrupt
    assert not os.path.exists(folder)


def test_check_leaves_no_spill_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    paths = _files(tmp_path)[:-1]
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", *paths])
    assert res.exit_code == 1, res.output
    assert '"citations": [' in res.stdout
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_prints_what_the_in_memory_batch_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr("citecheck.cli.network_resolver", lambda *a, **k: (_answers, list))
    paths = _files(tmp_path)
    res = CliRunner().invoke(main, ["check", "--format", fmt, *paths])
    assert res.exit_code == 2  # missing.txt
    kept = run_batch(paths, Config(), resolver=_answers, keep_texts=False)
    errors = [(e.path, e.reason) for e in kept.errors]
    notices = [no_network_summary(kept.citations_without_network())]
    assert res.stdout == render(fmt, kept.reports, errors=errors, notices=notices)


def test_a_failing_check_leaves_no_partial_spill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(text: str, families: object = None) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("citecheck.parallel.check", boom)
    out = spill_check("A/HRC/41/35", None, str(tmp_path))
    assert out == "internal error while checking: RuntimeError: boom"
    assert list(tmp_path.iterdir()) == []


def _citation(start: int, end: int, ident: str) -> Citation:
    return Citation(id=ident, kind=Kind.UN_DOCUMENT, text="x" * (end - start), start=start, end=end)


@pytest.mark.parametrize("seed", range(12))
def test_neighbours_fed_by_chunks_are_those_of_the_whole_list(seed: int) -> None:
    rng = random.Random(seed)
    cits = []
    at = 0
    for _ in range(80):
        at += rng.choice([0, 1, 5, NEIGHBOUR_GAP - 1, NEIGHBOUR_GAP, NEIGHBOUR_GAP + 1, 300])
        length = rng.choice([3, 12, 40, NEIGHBOUR_GAP * 3])
        ident = rng.choice(["un:A/1", "un:A/2", "un:A/3", "eu:32016R0679", "", "un:A/?"])
        cits.append(_citation(at, at + length, ident))
    near = Neighbours()
    cut = sorted(rng.sample(range(1, 80), 5))
    for lo, hi in zip([0, *cut], [*cut, 80], strict=True):
        near.add(cits[lo:hi])
    assert near.near == cited_together([cits])
    assert near.near  # the table holds pairs


def _finding(start: int, end: int, code: str) -> Finding:
    return Finding(
        code=code, severity=Severity.INFO, message=f"{code}@{start}", start=start, end=end
    )


def test_chunks_out_of_order_are_read_back_sorted_as_a_stable_sort(tmp_path: Path) -> None:
    chunks = [
        [_finding(5, 9, "B"), _finding(9, 9, "A")],
        [_finding(1, 2, "A"), _finding(5, 9, "B"), _finding(20, 21, "C")],
    ]
    out = spill_mod.SpillFile(str(tmp_path / "runs"))
    runs = spill_mod._SortedRuns(out)
    for chunk in chunks:
        runs.add(chunk)
    out.close()
    assert not runs.in_order
    back = list(read_sorted(out.path, runs.offsets, runs.in_order))
    whole = sorted([f for c in chunks for f in c], key=spill_mod.finding_order)
    assert [(f.start, f.message) for f in back] == [(f.start, f.message) for f in whole]


JSON_VALUES = [
    {},
    [],
    (),
    {"a": []},
    {"a": {}, "b": [1, 2.5, None, True, False]},
    {"path": "a\nb «é» \u2028 \"q\"", "list": [{"x": [[], [{}]]}], "n": -3},
    [{"id": None, "location": {"line": 1, "column": 2}}, ("t", 1e300)],
    {1: "int key", None: [2]},  # keys json.dumps turns into strings
    {"k": {True: 1, "s": [1]}},
    "\ud800",
    0.1,
]


@pytest.mark.parametrize("value", JSON_VALUES)
@pytest.mark.parametrize("level", [0, 1, 3])
def test_dumps_at_writes_what_json_dumps_with_an_indent_writes(value: object, level: int) -> None:
    from citecheck.report import dumps_at

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert dumps_at(value, level) == expected


def test_dumps_at_leaves_no_reference_cycle() -> None:
    """``json.dumps(indent=2)`` leaves a cycle of closures a call: a flood made millions."""
    from citecheck.report import dumps_at

    value = {"id": "un:A/HRC/41/35", "location": {"line": 1}, "parts": [{"a": [1, 2]}]}
    gc.collect()
    gc.disable()
    try:
        for _ in range(50):
            dumps_at(value, 2)
        assert gc.collect() == 0
        for _ in range(50):
            json.dumps(value, ensure_ascii=False, indent=2)
        assert gc.collect() > 0  # what the test guards against
    finally:
        gc.enable()
