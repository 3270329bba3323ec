"""Hostile or unusual inputs around the checks: config files that are not UTF-8 in the
language server, language-server start-up options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pygls import uris

from citecheck.cli import EXIT_USAGE, main
from citecheck.config import Config
from citecheck.lsp.server import make_server


def test_language_server_falls_back_to_defaults_on_a_config_that_is_not_utf8(
    tmp_path: Path,
) -> None:
    cfg = tmp_path / "citecheck.toml"
    cfg.write_bytes(b'select = ["UN"]\n\xff\n')
    doc = tmp_path / "letter.md"
    doc.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    config, path, problem = make_server().config_for(uris.from_fs_path(str(doc)) or "")
    assert config == Config() and path == str(doc)
    assert problem == (
        f"citecheck: {cfg}: is not valid UTF-8 (byte 0xff at offset 16); using the default settings"
    )


def test_an_excluded_directory_named_on_the_command_line_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('exclude = ["drafts/", "old.txt"]\n')
    for folder in ("docs", "drafts", "drafts/sub"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("See A/HRC/41/35.\n", encoding="utf-8")
    (tmp_path / "old.txt").write_text("See a/hrc/41/35.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    names = [str(tmp_path / n) for n in ("docs", "drafts", "drafts/sub", "old.txt")]
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", *names])
    assert res.exit_code == 0, res.output
    assert [f["path"] for f in json.loads(res.stdout)["files"]] == [str(tmp_path / "docs/a.txt")]
    assert res.stderr == ""
    # a directory that is not excluded and holds nothing to check stays an input error
    res = CliRunner().invoke(main, ["check", "--offline", str(tmp_path / "empty")])
    assert res.stderr == (
        f"citecheck: error: {tmp_path / 'empty'}: directory holds no file to check\n"
    )
    assert res.exit_code == EXIT_USAGE


def test_a_missing_index_file_is_one_clean_warning_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    missing = tmp_path / "nope.sqlite"
    monkeypatch.setenv("CITECHECK_INDEX", str(missing))
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    for key in ("UNDL", "ODS", "CELLAR", "SPARQL"):
        monkeypatch.setenv(f"CITECHECK_{key}_URL", "http://127.0.0.1:9")
    res = CliRunner().invoke(main, ["check", "--offline", str(doc)])
    lines = res.stderr.splitlines()
    assert [x for x in lines if "index" in x] == [
        f"citecheck: warning: index unusable (no index at {missing} (build one with "
        "'citecheck index update')); continuing without it"
    ]
    assert "Warning" not in res.stderr and ".py:" not in res.stderr
    assert res.exit_code == 0, res.output
