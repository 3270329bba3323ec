"""The command line, run in-process with click's runner and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample_letter.txt"


def test_extract_jsonl_spans_match_the_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    content = SAMPLE.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows, "the sample letter has citations"
    for row in rows:
        assert content[row["start"] : row["end"]] == row["text"]
        assert set(row) >= {"id", "kind", "text", "start", "end", "pinpoint", "short_form"}
    assert "un:A/HRC/RES/17/31" in {r["id"] for r in rows}


def test_extract_reads_stdin() -> None:
    result = CliRunner().invoke(
        main, ["extract", "-", "--format", "text"], input="See A/HRC/41/35."
    )
    assert result.exit_code == 0
    assert "<stdin>:1:5: un:A/HRC/41/35" in result.output


def test_check_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("See A/HRC/41/35, para. 66.", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("See a/hrc/41/35.", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--offline", str(clean)]).exit_code == 0
    res = runner.invoke(main, ["check", "--offline", str(dirty)])
    assert res.exit_code == 1
    assert "UN102" in res.output
    assert runner.invoke(main, ["check", "--offline", "--exit-zero", str(dirty)]).exit_code == 0
    assert (
        runner.invoke(main, ["check", "--offline", "--fail-on", "error", str(dirty)]).exit_code == 0
    )
    assert runner.invoke(main, ["check", "--offline", "--ignore", "UN1", str(dirty)]).exit_code == 0


def test_bad_files_do_not_stop_the_others(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02A/HRC/41/35")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("A/HRC/41/35 café".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("S/RES/2231 (2015)", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--offline",
            "--format",
            "json",
            str(binary),
            str(tmp_path / "missing.txt"),
            str(latin),
            str(good),
        ],
    )
    assert result.exit_code == 2
    assert "binary" in result.stderr and "no such file" in result.stderr
    data = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["latin.txt", "good.txt"]
    latin_file = data["files"][0]
    assert [f["code"] for f in latin_file["findings"]] == ["CC101"]
    assert [c["id"] for c in latin_file["citations"]] == ["un:A/HRC/41/35"]
    assert data["files"][1]["citations"][0]["status"] == "not_checked"


def test_check_json_shape() -> None:
    result = CliRunner().invoke(
        main, ["check", "--offline", "--format", "json", "--exit-zero", str(SAMPLE)]
    )
    data = json.loads(result.stdout)
    assert set(data) == {"files", "errors", "summary", "notices"} and data["errors"] == []
    assert data["notices"] == []
    finding = data["files"][0]["findings"][0]
    assert set(finding) >= {"code", "severity", "message", "start", "end", "id", "fix"}
    assert data["summary"]["citations"] == len(data["files"][0]["citations"])


def test_parse_and_rules() -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["parse", "A/HRC/41/35, para. 66"])
    assert res.exit_code == 0
    (data,) = json.loads(res.output)
    assert (data["id"], data["pinpoint"], data["parts"]["session"]) == (
        "un:A/HRC/41/35",
        "para. 66",
        "41",
    )
    assert runner.invoke(main, ["parse", "nothing here"]).exit_code == 2
    listing = runner.invoke(main, ["rules"]).output
    assert "UN102" in listing and "SF101" in listing
    explained = runner.invoke(main, ["rules", "UN102"])
    assert "Wrong: e/cn.4/sub.2/2005/13" in explained.output
    assert runner.invoke(main, ["rules", "XX999"]).exit_code == 2


def test_python_dash_m_runs_as_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", "extract", "-", "--format", "jsonl"],
        input="Ibid. A/HRC/41/35",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines()]
    assert ids == [None, "un:A/HRC/41/35"]


def test_check_json_is_streamed_with_the_standard_layout(tmp_path: Path) -> None:
    """The JSON report is written a citation at a time; the text must still be exactly what
    ``json.dumps(indent=2)`` gives for the same data (tools and diffs rely on it)."""
    bad = tmp_path / 'odd "name"\u00e9.txt'
    bad.write_text("Ibid.\nSee a/hrc/41/35 and Ibid., para. 3.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("No citation here.\n", encoding="utf-8")
    args = ["check", "--offline", "--format", "json", "--exit-zero", str(bad), str(empty)]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "missing.txt")])
    data = json.loads(result.stdout)
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert [len(f["citations"]) for f in data["files"]] == [3, 0]
    assert data["errors"][0]["path"].endswith("missing.txt")


def test_fix_rechecks_with_the_answers_already_had_and_keeps_the_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--fix re-checks the rewritten file from its new text; ids already answered are not
    asked again, the other files' reports stay as they were, in input order."""
    asked: list[list[str]] = []

    def resolver(ids: list[str]) -> dict[str, dict[str, str]]:
        asked.append(sorted(ids))
        return {i: {"id": i, "status": "resolved", "title": f"Title of {i}"} for i in ids}

    monkeypatch.setattr("citecheck.cli.network_resolver", lambda *a, **k: (resolver, lambda: None))
    first = tmp_path / "a.txt"
    first.write_text("See E/C.12/GC/24.\n", encoding="utf-8")
    fixed = tmp_path / "b.txt"
    fixed.write_text("See a/hrc/41/35 and E/C.12/GC/24.\n", encoding="utf-8")
    res = CliRunner().invoke(
        main, ["check", "--online", "--fix", "--format", "json", str(first), str(fixed)]
    )
    assert fixed.read_text(encoding="utf-8") == "See A/HRC/41/35 and E/C.12/GC/24.\n"
    assert asked == [["un:A/HRC/41/35", "un:E/C.12/GC/24"]]  # once, not again for the re-check
    out = json.loads(res.stdout)
    assert [f["path"] for f in out["files"]] == [str(first), str(fixed)]
    redone = out["files"][1]
    assert [(c["text"], c["status"]) for c in redone["citations"]] == [
        ("A/HRC/41/35", "resolved"),
        ("E/C.12/GC/24", "resolved"),
    ]
    assert redone["citations"][0]["resolution"]["title"] == "Title of un:A/HRC/41/35"
    assert redone["findings"] == [] and out["errors"] == []
    assert out["files"][0]["citations"][0]["status"] == "resolved"
    assert res.exit_code == 0, res.output
    assert "b.txt: fixed 1 finding(s)" in res.stderr


def test_extract_names_each_unreadable_input_on_stderr_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Missing files, empty directories, binary files and a reader that fails: each is one
    error line on stderr (not in the output), collected for the exit code, and the files
    after it are still extracted."""
    import citecheck.readers
    from citecheck.cli import _read_each
    from citecheck.readers import InputError

    good = tmp_path / "a.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00")
    broken = tmp_path / "c.txt"
    broken.write_text("See CCPR/C/GC/34.\n", encoding="utf-8")
    last = tmp_path / "d.txt"
    last.write_text("See E/C.12/GC/24.\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    real = citecheck.readers.read_source

    def failing(path: str, stdin_name: str | None = None) -> object:
        if path == str(broken):
            raise RuntimeError("boom")
        return real(path, stdin_name)

    monkeypatch.setattr(citecheck.readers, "read_source", failing)
    args = [str(empty), str(good), str(binary), str(broken), str(last)]
    res = CliRunner().invoke(main, ["extract", *args])
    assert res.exit_code == 2
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines()]
    assert ids == ["un:A/HRC/41/35", "un:E/C.12/GC/24"]  # d.txt read after the failures
    assert "citecheck: error" not in res.stdout
    errors = [line for line in res.stderr.splitlines() if line.startswith("citecheck: error: ")]
    assert errors[0] == f"citecheck: error: {empty}: directory holds no file to check"
    assert errors[1].startswith(f"citecheck: error: {binary}: ")
    assert errors[2] == f"citecheck: error: {broken}: cannot be read (RuntimeError: boom)"
    assert len(errors) == 3
    failed: list[InputError] = []
    read = [src.path for src in _read_each(args, failed)]
    assert read == [str(good), str(last)]
    assert [(type(e), e.path) for e in failed] == [
        (InputError, str(empty)),
        (InputError, str(binary)),
        (InputError, str(broken)),
    ]
    assert failed[2].reason == "cannot be read (RuntimeError: boom)"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_is_a_usage_error_naming_it_on_stderr(
    tmp_path: Path, option: str
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", option, "UN1,CJ10Z", str(doc)])
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith(f"citecheck: error: {option}: 'CJ10Z'")
    assert "is not a rule code or prefix" in res.stderr


def test_network_resolver_defaults_do_not_trust_the_config_nor_go_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typing import Any

    from citecheck.cli import network_resolver
    from citecheck.config import config_from_table

    seen: list[Any] = []

    class Recorder:
        def __init__(self, settings: Any) -> None:
            seen.append(settings)

        def close(self) -> None:
            pass

    monkeypatch.setattr("citecheck.resolve.engine.Resolver", Recorder)
    for var in ("UNDL_URL", "INDEX", "TRUST_CONFIG", "OFFLINE"):
        monkeypatch.delenv("CITECHECK_" + var, raising=False)
    config = config_from_table(tmp_path / "citecheck.toml", {"undl-url": "http://evil.test"})
    network_resolver(config, refresh=False, cache_dir=None, timeout=None)
    index = tmp_path / "my.index"
    network_resolver(config, refresh=False, cache_dir=None, timeout=None, index_path=index)
    plain, with_index = seen
    assert plain.undl_url != "http://evil.test" and plain.offline is False
    assert with_index.index_path == index and plain.index_path != index


def test_the_lazy_index_command_runs_and_is_listed() -> None:
    res = CliRunner().invoke(main, ["index", "--help"])
    assert res.exit_code == 0, res.output
    assert "Usage: main index" in res.output or "Usage: citecheck index" in res.output
    listed = CliRunner().invoke(main, ["--help"]).output
    assert "index" in listed.split("Commands:")[1]


def test_check_text_rendering_is_coloured_only_when_asked(tmp_path: Path) -> None:
    from citecheck.batch import run_batch
    from citecheck.cli import iter_render
    from citecheck.config import Config

    doc = tmp_path / "a.txt"
    doc.write_text("Case C-311/2018.\n", encoding="utf-8")
    reports = run_batch([str(doc)], Config()).reports
    plain = "".join(iter_render("text", reports))
    coloured = "".join(iter_render("text", reports, colour=True))
    assert "CJ102" in plain and "\x1b[" not in plain
    assert "\x1b[" in coloured and coloured.replace("\x1b[0m", "") != plain
    assert [line.split(" [")[0] for line in coloured.splitlines()] == [
        line.split(" [")[0] for line in plain.splitlines()
    ]


@pytest.mark.parametrize(
    ("pieces", "writes"),
    [
        (["ab", "cd", "e"], ["abcd", "e"]),  # a block is written when it reaches the size
        (["abc", "d"], ["abcd"]),
        (["ab", "cd", "abc", "d"], ["abcd", "abcd"]),  # counting starts again after a write
        (["abcdef", "g"], ["abcdef", "g"]),  # one piece longer than a block
        ([], []),
    ],
)
def test_output_is_written_in_blocks_without_added_newlines(
    monkeypatch: pytest.MonkeyPatch, pieces: list[str], writes: list[str]
) -> None:
    from citecheck import cli

    written: list[tuple[str, object]] = []
    monkeypatch.setattr(cli, "OUTPUT_BUFFER", 4)
    monkeypatch.setattr(
        cli.click, "echo", lambda text, **kw: written.append((text, kw.get("nl", True)))
    )
    cli._echo_pieces(iter(pieces))
    assert written == [(w, False) for w in writes]
