"""Error paths of the readers and the CLI: a .docx member whose header lies about its size,
and a bad config file, which every command reports as a usage error naming file and key."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_builder import build_docx, para, run

from citecheck.cli import EXIT_USAGE, main
from citecheck.fixes import Outcome, unified_diff
from citecheck.readers import InputError, read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROOT = Path(__file__).resolve().parents[1]
DECLARED = 1000  # the size the forged central directory entry claims


def _document(words: int) -> bytes:
    run = "<w:p><w:r><w:t>" + "See A/HRC/41/35. " * words + "</w:t></w:r></w:p>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{run}'
        "</w:body></w:document>"
    ).encode()


def _lying_docx(document: bytes, crc_of_declared_prefix: bool) -> bytes:
    """A .docx whose word/document.xml claims `DECLARED` bytes but inflates to far more.

    Built by hand: a real deflated member, then the central directory's uncompressed size
    (offset 24 of its entry, which zipfile trusts) overwritten.  With
    `crc_of_declared_prefix`, the CRC is made to match the first `DECLARED` bytes too, as a
    careful forger would.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
    data = bytearray(buf.getvalue())
    first = data.find(b"PK\x01\x02")  # central directory: [Content_Types].xml, then ours
    entry = data.find(b"PK\x01\x02", first + 4)
    name_len = struct.unpack_from("<H", data, entry + 28)[0]
    assert data[entry + 46 : entry + 46 + name_len] == b"word/document.xml"
    struct.pack_into("<I", data, entry + 24, DECLARED)
    if crc_of_declared_prefix:
        struct.pack_into("<I", data, entry + 16, zlib.crc32(document[:DECLARED]))
    return bytes(data)


def test_a_member_inflating_past_its_declared_size_is_refused() -> None:
    document = _document(300_000)  # ~5 MB inflated, well under every limit
    forged = _lying_docx(document, crc_of_declared_prefix=False)
    assert len(forged) < len(document) // 50
    with pytest.raises(InputError) as err:
        read_docx(forged, "forged.docx")
    assert err.value.path == "forged.docx"
    assert "word/document.xml is damaged or unreadable" in err.value.reason
    assert "CRC" in err.value.reason


def test_a_forged_crc_gets_only_the_declared_bytes() -> None:
    """zipfile never hands out more than the declared size: the cut XML is then refused as
    not well-formed, and nothing past the declared size was inflated into the text."""
    forged = _lying_docx(_document(300_000), crc_of_declared_prefix=True)
    with pytest.raises(InputError, match="not well-formed XML"):
        read_docx(forged, "forged.docx")


def test_the_cli_reports_a_lying_docx_and_checks_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "forged.docx").write_bytes(_lying_docx(_document(50_000), False))
    (tmp_path / "ok.txt").write_text("See a/hrc/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(
        main,
        [
            "check",
            "--offline",
            "--format",
            "json",
            str(tmp_path / "forged.docx"),
            str(tmp_path / "ok.txt"),
        ],
    )
    assert res.exit_code == EXIT_USAGE
    assert "forged.docx: word/document.xml is damaged or unreadable" in res.stderr
    files = json.loads(res.stdout)["files"]
    assert [f["findings"][0]["code"] for f in files if f["path"].endswith("ok.txt")] == ["UN102"]


# ---- a bad config file at the CLI ------------------------------------------------------------


@pytest.fixture
def bad_project(tmp_path: Path) -> Path:
    (tmp_path / "citecheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    (tmp_path / "x.txt").write_text("See a/hrc/41/35.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", [["check", "--offline"], ["extract"]])
def test_bad_config_stops_every_command_naming_file_and_key(
    bad_project: Path, command: list[str]
) -> None:
    res = CliRunner().invoke(main, [*command, str(bad_project / "x.txt")])
    assert res.exit_code == EXIT_USAGE
    assert res.stdout == ""
    assert str(bad_project / "citecheck.toml") in res.stderr and "'fail-on'" in res.stderr
    assert "Traceback" not in res.stderr


def test_bad_config_in_a_real_process(bad_project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", "check", "--offline", str(bad_project / "x.txt")],
        cwd=ROOT,  # the config is found from the file's folder, not the working directory
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == EXIT_USAGE
    assert proc.stdout == ""
    assert proc.stderr.startswith("citecheck: error: ")
    assert "citecheck.toml" in proc.stderr and "'fail-on'" in proc.stderr


# ---- the command group ------------------------------------------------------------------------


def test_lazy_commands_are_listed_and_run() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["--help"])
    assert listed.exit_code == 0
    block = listed.stdout.split("Commands:")[1].strip("\n").split("\n\n")[0]
    commands = [ln.split()[0] for ln in block.splitlines() if ln.strip()]
    assert commands == sorted(commands) and {"lsp", "cache", "check", "extract"} <= set(commands)
    lsp_help = runner.invoke(main, ["lsp", "--help"])
    assert lsp_help.exit_code == 0 and "--no-resolve" in lsp_help.stdout
    cache_help = runner.invoke(main, ["cache", "--help"])
    assert cache_help.exit_code == 0 and "export" in cache_help.stdout
    assert runner.invoke(main, ["nonsense"]).exit_code == EXIT_USAGE


def test_unreadable_inputs_go_to_stderr_and_exit_2(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt"), str(ok)])
    assert res.exit_code == EXIT_USAGE
    assert res.stderr.startswith(f"citecheck: error: {tmp_path / 'missing.txt'}: ")
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["un:A/HRC/41/35"]
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "empty-dir-missing") + "/"])
    assert res.exit_code == EXIT_USAGE and res.stdout == "" and "citecheck: error: " in res.stderr


def test_an_unexpected_exception_is_exit_2_naming_its_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> str:
        raise KeyError("no such thing")

    monkeypatch.setattr("citecheck.cli.iter_render", boom)
    (tmp_path / "x.txt").write_text("See A/HRC/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", str(tmp_path / "x.txt")])
    assert res.exit_code == EXIT_USAGE
    assert res.stderr.startswith("citecheck: error: internal error: KeyError: 'no such thing'")


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--select", "eu,un"], ["UN102"]),
        (["--select", "eu, cj"], []),
        (["--ignore", "cj,un1"], []),
        (["--ignore", "cj", "--ignore", "eu"], ["UN102"]),
    ],
)
def test_code_lists_split_on_commas_and_ignore_case(
    tmp_path: Path, args: list[str], codes: list[str]
) -> None:
    (tmp_path / "x.txt").write_text("See a/hrc/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(
        main, ["check", "--offline", "--format", "json", *args, str(tmp_path / "x.txt")]
    )
    found = [f["code"] for f in json.loads(res.stdout)["files"][0]["findings"]]
    assert found == codes
    assert res.exit_code == (1 if codes else 0)


# ---- --fix and --diff over several files --------------------------------------------------------

DIRTY = "See a/hrc/41/35.\n"
FIXED = "See A/HRC/41/35.\n"


def test_fix_goes_on_past_refused_and_clean_files(tmp_path: Path) -> None:
    build_docx(tmp_path / "a.docx", [para(run("See a/hrc/41/35."))], {})
    (tmp_path / "b.txt").write_text("Nothing cited.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "d.txt").write_text("Intro.\n" + DIRTY, encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("a.docx", "b.txt", "c.txt", "d.txt")]
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", "--format", "json", *paths])
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == "Intro.\n" + FIXED
    assert res.stderr.splitlines() == [
        f"citecheck: {paths[0]}: text was extracted from another format; not rewritten",
        f"citecheck: {paths[2]}: fixed 1 finding(s)",
        f"citecheck: {paths[3]}: fixed 1 finding(s)",
    ]
    # the report is of the fixed texts (checked again), the .docx keeps its finding
    files = {
        Path(f["path"]).name: [x["code"] for x in f["findings"]]
        for f in json.loads(res.stdout)["files"]
    }
    assert files == {"a.docx": ["UN102"], "b.txt": [], "c.txt": [], "d.txt": []}
    assert res.exit_code == 1


def test_fix_reports_a_file_it_could_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("citecheck.fixes.write_fixed", lambda src, text: Outcome.CHANGED)
    (tmp_path / "c.txt").write_text(DIRTY, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(tmp_path / "c.txt")])
    assert res.stderr == f"citecheck: {tmp_path / 'c.txt'}: {Outcome.CHANGED.value}\n"
    assert "UN102" in res.stdout and res.exit_code == 1  # still reported: nothing was fixed


def test_fix_keeps_input_errors_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(DIRTY, encoding="utf-8")
    args = [str(tmp_path / "missing.txt"), str(tmp_path / "c.txt")]
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", *args])
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == FIXED
    assert res.exit_code == EXIT_USAGE
    assert res.stderr.startswith(f"citecheck: error: {tmp_path / 'missing.txt'}: ")


def test_diff_prints_each_diff_once_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "d.txt").write_text("Intro.\n" + DIRTY, encoding="utf-8")
    paths = [str(tmp_path / "c.txt"), str(tmp_path / "d.txt")]
    res = CliRunner().invoke(main, ["check", "--offline", "--diff", *paths])
    assert res.stdout == unified_diff(paths[0], DIRTY, FIXED) + unified_diff(
        paths[1], "Intro.\n" + DIRTY, "Intro.\n" + FIXED
    )
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == DIRTY


def test_an_empty_directory_is_an_input_error_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "empty")])
    assert res.exit_code == EXIT_USAGE and res.stdout == ""
    assert (
        res.stderr == f"citecheck: error: {tmp_path / 'empty'}: directory holds no file to check\n"
    )


def test_diff_refuses_extracted_files(tmp_path: Path) -> None:
    build_docx(tmp_path / "a.docx", [para(run("See a/hrc/41/35."))], {})
    res = CliRunner().invoke(main, ["check", "--offline", "--diff", str(tmp_path / "a.docx")])
    assert res.stdout == ""
    assert res.stderr == (
        f"citecheck: {tmp_path / 'a.docx'}: text was extracted from another format; not rewritten\n"
    )


def test_parse_prints_nested_parts_as_json() -> None:
    res = CliRunner().invoke(main, ["parse", "Joined Cases C-293/12 and C-594/12"])
    assert res.exit_code == 0
    parsed = json.loads(res.stdout)
    assert [p["id"] for p in parsed] == ["case:C-293/12", "case:C-594/12"]
    parts = parsed[0]["parts"]
    assert parts["cases"][1] == {"court": "C", "number": 594, "year": 2012, "suffix": ""}
    assert parts["keyword"] == "Joined Cases"
