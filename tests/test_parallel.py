"""check_files: parallel processes, input order kept, bad files do not stop the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.parallel import FileResult, check_file, check_files, check_texts

DOCS = (
    "See A/HRC/41/35, para. 66.",
    "Case C-311/18, paragraph 5; Ibid., para. 3.",
    "No citation here.",
    "CCPR/C/GC/34 and E/C.12/GC/24.",
)


def _write(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = tmp_path / f"doc{i:03d}.txt"
        p.write_text(DOCS[i % len(DOCS)] + f" ({i})", encoding="utf-8")
        paths.append(str(p))
    return paths


def _ids(res: FileResult) -> list[str]:
    return [c.id for c in res.citations]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_in_input_order_and_equal_to_check(tmp_path: Path, jobs: int) -> None:
    paths = _write(tmp_path, 13)
    results = check_files(list(reversed(paths)), jobs=jobs)
    assert [r.path for r in results] == list(reversed(paths))
    for r in results:
        text = Path(r.path).read_text(encoding="utf-8")
        expected = citecheck.check(text)
        assert r.ok
        assert _ids(r) == [c.id for c in expected.citations]
        assert [f.code for f in r.findings] == [f.code for f in expected.findings]


def test_bad_files_reported_not_fatal(tmp_path: Path) -> None:
    paths = _write(tmp_path, 4)
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    bad_utf8 = tmp_path / "latin1.txt"
    bad_utf8.write_bytes("See A/HRC/41/35 \u2014 caf\u00e9".encode("latin-1", "replace"))
    batch = [
        paths[0],
        str(tmp_path / "missing.txt"),
        str(binary),
        str(tmp_path),
        paths[1],
        str(bad_utf8),
    ]
    results = check_files(batch, jobs=2)
    assert [r.path for r in results] == batch
    assert results[0].ok and results[4].ok
    assert "no such file" in (results[1].error or "")
    assert "binary" in (results[2].error or "")
    assert "directory" in (results[3].error or "")
    assert results[5].ok and "CC101" in [f.code for f in results[5].findings]


def test_internal_error_becomes_result(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("citecheck.parallel.check", boom)
    (path,) = _write(tmp_path, 1)
    res = check_file(path)
    assert not res.ok and "RuntimeError: boom" in (res.error or "")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs"):
        check_files(["x"], jobs=0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_texts_equals_check_in_order(jobs: int) -> None:
    texts = [DOCS[i % len(DOCS)] + f" ({i})" for i in range(9)]
    got = check_texts(texts, jobs=jobs)
    assert got == [citecheck.check(t) for t in texts]


def test_cli_check_with_jobs_equals_serial(tmp_path: Path) -> None:
    """`citecheck check DIR --jobs 2` reports exactly what the serial run reports."""
    import json

    from click.testing import CliRunner

    from citecheck.cli import main

    for i in range(4):
        (tmp_path / f"letter{i}.txt").write_text(
            f"See a/hrc/41/{30 + i}, para. {i + 1}. Ibid., para. 9. Regulation 2016/679.",
            encoding="utf-8",
        )
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        res = runner.invoke(
            main, ["check", "--offline", "--format", "json", "--jobs", jobs, str(tmp_path)]
        )
        assert res.exit_code == 1, res.output
        outs.append(json.loads(res.stdout))
    assert outs[0] == outs[1]
    assert outs[0]["summary"]["files"] == 4
