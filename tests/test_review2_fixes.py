"""Defects a second review found in the readers, CLI, API and streaming; each test failed
before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import batch, readers
from citecheck.cli import main
from citecheck.config import Config
from citecheck.readers import read_html


def _flaky_reader(real: object, bad: str) -> object:
    def read(path: str) -> readers.SourceText:
        if path.endswith(bad):
            raise ValueError("a reader bug")
        return real(path)  # type: ignore[operator, no-any-return]

    return read


def test_an_unexpected_reader_error_is_one_files_error_in_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.txt").write_text("x\n")
    (tmp_path / "good.txt").write_text("See a/hrc/41/35.\n")
    monkeypatch.setattr(readers, "read_source", _flaky_reader(readers.read_source, "bad.txt"))
    monkeypatch.setattr(batch, "read_source", readers.read_source)
    monkeypatch.chdir(tmp_path)
    for cmd in (["check", "--offline"], ["extract", "--format", "text"]):
        res = CliRunner().invoke(main, [*cmd, "bad.txt", "good.txt"])
        assert res.exit_code == 2, res.output
        assert "internal error" not in res.output
        assert "bad.txt: cannot be read (ValueError: a reader bug)" in res.output
        assert "A/HRC/41/35" in res.output or "a/hrc/41/35" in res.output


def test_an_unexpected_reader_error_is_one_files_error_in_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.txt").write_text("x\n")
    (tmp_path / "good.txt").write_text("See A/HRC/41/35.\n")
    monkeypatch.setattr(batch, "read_source", _flaky_reader(readers.read_source, "bad.txt"))
    result = batch.run_batch([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")], Config())
    assert [e.reason for e in result.errors] == ["cannot be read (ValueError: a reader bug)"]
    assert sum(len(r.citations) for r in result.reports) == 1


def test_html_without_closing_head_or_body_tags_keeps_its_text() -> None:
    page = (
        b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Letter</title>\n'
        b"<p>See A/HRC/41/35, para. 66.</p>"
    )
    src = read_html(page, "p.html")
    assert src.text.strip() == "See A/HRC/41/35, para. 66."
    assert src.location(src.text.index("A/HRC"))["line"] == 3


def test_html_text_after_an_unclosed_head_starts_the_body() -> None:
    src = read_html(b"<html><head><title>T</title><style>p{}</style>\nSee A/HRC/41/35.", "p.html")
    assert src.text.strip() == "See A/HRC/41/35."
    assert "T" not in src.text and "p{}" not in src.text
