"""What ``check`` says at the end: counts in words, and unreadable inputs never look clean."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import main


def _check(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, ["check", "--offline", *args])
    return res.exit_code, res.stdout, res.stderr


def test_text_summary_is_a_sentence_not_a_dict(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("See a/hrc/41/35 and A/HRC/41/35.\n", encoding="utf-8")
    exit_code, stdout, _ = _check(str(f))
    last = stdout.splitlines()[-1]
    assert exit_code == 1
    assert last == "Checked 1 file: 2 citations, 1 finding (1 warning)."
    assert "{" not in last


def test_clean_file_summary(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    assert _check(str(f))[1] == "Checked 1 file: 1 citation, 0 findings.\n"


def test_missing_file_text_output_says_nothing_was_checked() -> None:
    exit_code, stdout, stderr = _check("nonexistent.txt")
    assert exit_code == 2
    assert "nonexistent.txt: no such file" in stderr
    assert stdout == "Nothing checked: 1 file could not be read (see the errors above).\n"
    assert "0 file" not in stdout


def test_missing_file_json_lists_the_error(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    exit_code, stdout, _ = _check("--format", "json", "nonexistent.txt", str(good))
    data = json.loads(stdout)
    assert exit_code == 2
    assert data["errors"] == [{"path": "nonexistent.txt", "reason": "no such file"}]
    assert data["summary"]["unreadable"] == 1 and data["summary"]["files"] == 1


def test_partly_unreadable_text_summary_counts_both(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    stdout = _check("nonexistent.txt", str(good))[1]
    assert stdout.splitlines()[-1] == (
        "Checked 1 file: 1 citation, 0 findings; 1 file could not be read "
        "(see the errors above)."
    )
