"""--fix and --diff: safe, atomic, never on changed, extracted or CC101 files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import main
from citecheck.fixes import Outcome, apply_fixes, select_fixes, unified_diff, write_fixed
from citecheck.model import Finding, Fix, Severity
from citecheck.readers import read_source

DIRTY = "Intro.\r\nSee a/hrc/41/35 and e/cn.4/sub.2/2005/13.\r\nEnd \u00e9\r\n"
FIXED = "Intro.\r\nSee A/HRC/41/35 and E/CN.4/Sub.2/2005/13.\r\nEnd \u00e9\r\n"


def _finding(start: int, end: int, repl: str) -> Finding:
    return Finding("UN102", Severity.WARNING, "m", start, end, fix=Fix(start, end, repl, "d"))


def test_fix_writes_in_place_keeping_line_endings_and_mode(tmp_path: Path) -> None:
    f = tmp_path / "letter.txt"
    f.write_bytes(DIRTY.encode("utf-8"))
    os.chmod(f, 0o640)
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_bytes() == FIXED.encode("utf-8")
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert "fixed 2 finding(s)" in res.stderr
    assert "UN102" not in res.stdout  # the report is of the fixed file
    assert res.exit_code == 0, res.output
    assert [p.name for p in tmp_path.iterdir()] == ["letter.txt"]  # no temp file left


def test_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "letter.txt"
    f.write_bytes(DIRTY.encode("utf-8"))
    res = CliRunner().invoke(main, ["check", "--offline", "--diff", str(f)])
    assert f.read_bytes() == DIRTY.encode("utf-8")
    assert f"--- {f}" in res.stdout and f"+++ {f}" in res.stdout
    assert "-See a/hrc/41/35 and e/cn.4/sub.2/2005/13.\n" in res.stdout
    assert "+See A/HRC/41/35 and E/CN.4/Sub.2/2005/13.\n" in res.stdout
    assert res.exit_code == 1
    diff = unified_diff("letter.txt", DIRTY, FIXED)
    assert diff.startswith("--- a/letter.txt\n+++ b/letter.txt\n")
    assert "+See A/HRC/41/35 and E/CN.4/Sub.2/2005/13.\r\n" in diff
    assert unified_diff("letter.txt", DIRTY, DIRTY) == ""


def test_file_changed_between_read_and_write_is_not_written(tmp_path: Path) -> None:
    f = tmp_path / "letter.txt"
    f.write_bytes(DIRTY.encode("utf-8"))
    src = read_source(str(f))
    f.write_bytes(b"someone else edited this\n")
    assert write_fixed(src, FIXED) is Outcome.CHANGED
    assert f.read_bytes() == b"someone else edited this\n"
    f.write_bytes(DIRTY.encode("utf-8"))
    assert write_fixed(read_source(str(f)), FIXED) is Outcome.WRITTEN
    assert f.read_bytes() == FIXED.encode("utf-8")


def test_overlapping_fixes_are_not_both_applied() -> None:
    text = "abcdefgh"
    findings = [_finding(2, 5, "X"), _finding(4, 6, "Y"), _finding(6, 7, "Z"), _finding(2, 5, "X")]
    chosen = select_fixes(findings, len(text))
    assert [(x.start, x.end, x.replacement) for x in chosen] == [(2, 5, "X"), (6, 7, "Z")]
    assert apply_fixes(text, chosen) == "abXfZh"
    assert select_fixes([_finding(5, 99, "bad")], len(text)) == []


def test_cc101_files_are_never_rewritten(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    data = "See a/hrc/41/35 caf\u00e9.\n".encode("latin-1")
    f.write_bytes(data)
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_bytes() == data
    assert "CC101" in res.stdout and "not rewritten" in res.stderr
    assert write_fixed(read_source(str(f)), "anything") is Outcome.NOT_CLEAN


def test_extracted_formats_are_never_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>See a/hrc/41/35.</p>", encoding="utf-8")
    before = page.read_bytes()
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(page)])
    assert page.read_bytes() == before and "extracted" in res.stderr


def test_bom_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfSee a/hrc/41/35.\n")
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_bytes() == b"\xef\xbb\xbfSee A/HRC/41/35.\n"
