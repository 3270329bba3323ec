"""Hostile or unusual inputs around the checks: config files that are not UTF-8 in the
language server, language-server start-up options."""

from __future__ import annotations

from pathlib import Path

from pygls import uris

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
