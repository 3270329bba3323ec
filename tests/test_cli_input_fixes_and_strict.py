"""The command line and batch on awkward input: byte order marks, symlinks, devices, FIFOs,
huge files, --fix and --diff edge cases, suppression markers, --strict, and lazy imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pathspec
import pytest
from click.testing import CliRunner

import citecheck.parallel as parallel_mod
from citecheck.batch import run_batch
from citecheck.cli import main
from citecheck.config import Config, config_from_table
from citecheck.fixes import unified_diff
from citecheck.pipeline import check
from citecheck.readers import InputError, read_bytes, read_source
from citecheck.stream import extract_stream
from citecheck.suppress import suppressions

BOM = b"\xef\xbb\xbf"


def _contract_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


# --- 2: a BOM stays as U+FEFF at offset 0 ---------------------------------------------------


def test_bom_offsets_match_the_contract_reading(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(BOM + b"See A/HRC/41/35, para. 66.\r\n")
    res = CliRunner().invoke(main, ["extract", str(f)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    content = _contract_text(f)
    assert content.startswith("\ufeff")
    assert rows and all(content[r["start"] : r["end"]] == r["text"] for r in rows)
    assert rows[0]["start"] == 5


def test_bom_offsets_in_stream_mode(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(BOM + b"See A/HRC/41/35, para. 66.\n")
    content = _contract_text(f)
    cits = list(extract_stream(f))
    assert cits and all(content[c.start : c.end] == c.text for c in cits)


def test_fix_keeps_exactly_one_bom(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(BOM + b"See a/hrc/41/35.\r\n")
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_bytes() == BOM + b"See A/HRC/41/35.\r\n"


# --- 3: network trouble (RS102) never fails a run without --strict ---------------------------


def _unverified(ids: Sequence[str]) -> Mapping[str, Any]:
    return {i: {"id": i, "status": "unverified", "reason": "timeout"} for i in ids}


def test_fail_on_info_ignores_network_trouble(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "ok.txt"
    f.write_text("See A/HRC/41/35, para. 66.\n", encoding="utf-8")
    monkeypatch.setattr(
        "citecheck.cli.network_resolver", lambda *a, **k: (_unverified, lambda: None)
    )
    res = CliRunner().invoke(main, ["check", "--online", "--fail-on", "info", str(f)])
    assert "RS102" in res.output
    assert res.exit_code == 0, res.output


# --- 5: --fix with stdin among the inputs ----------------------------------------------------


def test_fix_with_stdin_keeps_stdin_results(tmp_path: Path) -> None:
    f = tmp_path / "w3.txt"
    f.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(
        main,
        ["check", "--offline", "--fix", "--format", "json", "-", str(f)],
        input="See e/cn.4/sub.2/2005/13.\n",
    )
    out = json.loads(res.stdout)
    paths = [x["path"] for x in out["files"]]
    assert paths == ["<stdin>", str(f)]
    stdin_rep = out["files"][0]
    assert stdin_rep["citations"] and stdin_rep["findings"]
    assert res.exit_code == 1, res.output  # stdin's finding still counts
    assert f.read_text(encoding="utf-8") == "See A/HRC/41/35.\n"
    assert out["files"][1]["findings"] == []
    assert "standard input" in res.stderr and "extracted" not in res.stderr


# --- 6: --fix through a symlink --------------------------------------------------------------


def test_fix_through_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(link)])
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "See A/HRC/41/35.\n"


# --- 7: non-regular files, bounded reads, no tracebacks --------------------------------------


def test_character_device_is_refused() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes("/dev/zero")


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    res = CliRunner().invoke(main, ["check", "--offline", str(fifo)])
    assert res.exit_code == 2 and "not a regular file" in res.stderr


def test_read_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 100)
    monkeypatch.setattr("citecheck.readers.MAX_INPUT_BYTES", 10)
    with pytest.raises(InputError, match="larger than 10"):
        read_bytes(str(f))


def test_unexpected_exception_exits_2_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "ok.txt"
    f.write_text("See A/HRC/41/35.\n", encoding="utf-8")

    def boom(*a: Any, **k: Any) -> str:
        raise MemoryError

    monkeypatch.setattr("citecheck.cli.iter_render", boom)
    res = CliRunner().invoke(main, ["check", "--offline", str(f)])
    assert res.exit_code == 2
    assert "citecheck: error: internal error" in res.stderr
    assert "Traceback" not in res.stderr


# --- 9: --diff splits lines on \n only -------------------------------------------------------


@pytest.mark.parametrize("sep", ["\f", "\r", "\u2028", "\x1c", "\x85"])
def test_diff_splits_on_newline_only(sep: str) -> None:
    old = f"intro{sep}See a/hrc/41/35.\nlast\n"
    new = f"intro{sep}See A/HRC/41/35.\nlast\n"
    diff = unified_diff("x.txt", old, new)
    body = [
        ln for ln in diff.split("\n") if ln[:1] in ("+", "-") and not ln.startswith(("---", "+++"))
    ]
    assert body == [f"-intro{sep}See a/hrc/41/35.", f"+intro{sep}See A/HRC/41/35."]
    assert "No newline" not in diff


def test_diff_without_final_newline() -> None:
    diff = unified_diff("x.txt", "See a/hrc/41/35.", "See A/HRC/41/35.")
    assert diff.endswith("+See A/HRC/41/35.\n\\ No newline at end of file\n")


# --- 10: malformed suppression markers silence nothing ---------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- citecheck: ignore[UN999 -->",
        "<!-- citecheck: ignored-later -->",
        "# citecheck: ignore-x",
    ],
)
def test_malformed_marker_is_not_a_bare_ignore(marker: str) -> None:
    assert suppressions(f"See a/hrc/41/35. {marker}\n") == {}


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("<!-- citecheck: ignore -->", None),
        ("# citecheck: ignore", None),
        ("# citecheck: ignore.", None),
        ("<!-- citecheck: ignore[UN1, eu2] -->", frozenset({"UN1", "EU2"})),
    ],
)
def test_well_formed_markers(marker: str, expected: frozenset[str] | None) -> None:
    assert suppressions(f"x {marker}\n") == {1: expected}


# --- 11: --strict ----------------------------------------------------------------------------


def test_strict_offline_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "ok.txt"
    f.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--strict", str(f)])
    assert res.exit_code == 2 and "--strict" in res.stderr and "offline" in res.stderr


def _statuses(ids: Sequence[str]) -> Mapping[str, Any]:
    out: dict[str, Any] = {}
    for i in ids:
        status = "not_checked" if i.startswith("oj:") else "unverified"
        status = "resolved" if i == "un:A/HRC/41/35" else status
        out[i] = {"id": i, "status": status}
    return out


def test_strict_counts_answerable_ids_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("citecheck.cli.network_resolver", lambda *a, **k: (_statuses, lambda: None))
    ok = tmp_path / "ok.txt"
    ok.write_text("See A/HRC/41/35 and OJ L 410I, 2.12.2020, p. 13.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--online", "--strict", str(ok)])
    assert res.exit_code == 0, res.output + res.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("See A/HRC/41/35 and A/HRC/40/1.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--online", "--strict", str(bad)])
    assert res.exit_code == 1
    assert "1 citation(s) not resolved" in res.stderr


def test_strict_rule_is_in_help() -> None:
    res = CliRunner().invoke(main, ["check", "--help"])
    assert "--strict" in res.output and "source" in res.output.split("--strict", 1)[1][:300]


# --- 13: patterns compiled once --------------------------------------------------------------


def test_config_patterns_compiled_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = config_from_table(
        tmp_path / "citecheck.toml",
        {"exclude": ["drafts/"], "per-file-ignores": {"archive/*.txt": ["UN1"]}},
    )
    calls = []
    real = pathspec.GitIgnoreSpec.from_lines

    def counting(*a: Any, **k: Any) -> Any:
        calls.append(a)
        return real(*a, **k)

    monkeypatch.setattr(pathspec.GitIgnoreSpec, "from_lines", counting)
    for _ in range(5):
        assert cfg.is_excluded(tmp_path / "drafts" / "a.txt")
        assert not cfg.is_excluded(tmp_path / "a.txt")
        assert cfg.ignored_codes(str(tmp_path / "archive" / "x.txt")) == ("UN1",)
        assert cfg.ignored_codes(str(tmp_path / "x.txt")) == ()
    assert calls == []


# --- 14: the resolution layer is not imported for every command ------------------------------


def test_cli_import_does_not_load_the_resolution_layer() -> None:
    """Only the light resolution seam (`resolve.policy`) is imported, not the network layer."""
    code = (
        "import sys; from citecheck.cli import main; "
        "print(sorted(m for m in ('citecheck.resolve.engine', 'citecheck.resolve.net', 'httpx')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_cache_group_still_available() -> None:
    res = CliRunner().invoke(main, ["--help"])
    assert "cache" in res.output
    res = CliRunner().invoke(main, ["cache", "--help"])
    assert res.exit_code == 0, res.output


# --- 16: dedupe, failing file isolated, one Document per file --------------------------------


def test_same_file_under_two_names_is_checked_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "w2.txt"
    f.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_batch(["w2.txt", "./w2.txt", str(f)], Config())
    assert [r.path for r in result.reports] == ["w2.txt"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_exception_in_one_file_is_an_error_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("POISON A/HRC/40/1.\n", encoding="utf-8")

    def flaky(text: str, **kwargs: Any) -> Any:
        if "POISON" in text:
            raise RuntimeError("boom")
        return check(text, **kwargs)

    monkeypatch.setattr(parallel_mod, "check", flaky)
    result = run_batch([str(bad), str(good)], Config(), jobs=jobs)
    assert [r.path for r in result.reports] == [str(good)]
    assert [e.path for e in result.errors] == [str(bad)]
    assert "boom" in result.errors[0].reason
    res = CliRunner().invoke(main, ["check", "--offline", str(bad), str(good)])
    assert res.exit_code == 2 and "boom" in res.stderr and "good.txt" not in res.stderr


def test_document_built_once_per_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    result = run_batch([str(f)], Config())
    rep = result.reports[0]
    assert rep.source is not None and rep.doc is rep.source.doc
    assert read_source(str(f)).doc.text.startswith("See")


def test_fix_recheck_uses_the_new_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("See a/hrc/41/35.\nSee A/HRC/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", "--format", "json", str(f)])
    out = json.loads(res.stdout)
    assert out["files"][0]["findings"] == []
    assert [c["text"] for c in out["files"][0]["citations"]] == ["A/HRC/41/35"] * 2
    assert res.exit_code == 0, res.output
