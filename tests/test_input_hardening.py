"""Hostile or unusual inputs around the checks: config files that are not UTF-8 in the
language server, language-server start-up options."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pygls import uris

from citecheck.cli import EXIT_USAGE, main
from citecheck.config import Config
from citecheck.lsp.server import make_server


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b'select = ["UN"]\n\xff\n', "is not valid UTF-8 (byte 0xff at offset 16)"),
        (
            b"select = " + b"[" * 5000 + b"]" * 5000 + b"\n",
            "is nested too deeply to be a configuration",
        ),
    ],
    ids=["not utf-8", "nested too deeply"],
)
def test_language_server_falls_back_to_defaults_on_a_config_it_cannot_read(
    tmp_path: Path, raw: bytes, why: str
) -> None:
    cfg = tmp_path / "citecheck.toml"
    cfg.write_bytes(raw)
    doc = tmp_path / "letter.md"
    doc.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    config, path, problem = make_server().config_for(uris.from_fs_path(str(doc)) or "")
    assert config == Config() and path == str(doc)
    assert problem == f"citecheck: {cfg}: {why}; using the default settings"


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


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("json", lambda out: json.loads(out)["notices"]),
        (
            "sarif",
            lambda out: [
                n["message"]["text"]
                for n in json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            ],
        ),
        (
            "github",
            lambda out: [
                line.split("::", 2)[2] for line in out.splitlines() if line.startswith("::warning")
            ],
        ),
    ],
)
def test_an_unusable_index_is_a_notice_of_the_machine_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, said: Any
) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    damaged = tmp_path / "index.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)  # a truncated artifact
    monkeypatch.setenv("CITECHECK_INDEX", str(damaged))
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    res = CliRunner().invoke(main, ["check", "--offline", "--format", fmt, str(doc)])
    notices = [n for n in said(res.stdout) if "index unusable" in n]
    assert len(notices) == 1 and str(damaged) in notices[0], res.stdout
    assert res.exit_code == 0, res.output


@pytest.fixture
def odd_name(tmp_path: Path) -> Path:
    """A file whose name holds the byte 0xFF (not UTF-8)."""
    path = tmp_path / os.fsdecode(b"caf\xff.txt")
    try:
        path.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--offline", "--format", "json"], '"path": "caf\\\\xff.txt"'),
        (["check", "--offline", "--format", "text"], "caf\\xff.txt:1:5: UN102"),
        (["check", "--offline", "--format", "github"], "::warning file=caf\\xff.txt,line=1"),
        (["check", "--offline", "--format", "sarif"], 'caf%FF.txt"'),
        (["check", "--offline", "--diff"], "--- a/caf\\xff.txt\n"),
        (["extract", "--format", "jsonl"], '"path": "caf\\\\xff.txt"'),
        (["extract", "--format", "json"], '"path": "caf\\\\xff.txt"'),
        (["extract", "--format", "text"], "caf\\xff.txt:1:5: un:A/HRC/41/35"),
    ],
)
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_output(
    odd_name: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    monkeypatch.chdir(odd_name.parent)
    res = CliRunner().invoke(main, [*args, "."])
    assert expected in res.stdout
    res.stdout_bytes.decode("utf-8")  # strict: every byte of the output is UTF-8
    if "json" in args:
        json.loads(res.stdout_bytes)


def test_unreadable_input_with_a_name_that_is_not_utf8_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"d\xfe")
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(folder)])
    shown = str(tmp_path) + "/d\\xfe"
    assert json.loads(res.stdout_bytes)["errors"] == [
        {"path": shown, "reason": "directory holds no file to check"}
    ]
    assert res.stderr == f"citecheck: error: {shown}: directory holds no file to check\n"


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (None, "resolution failed: TypeError('the resolver returned NoneType, not a mapping"),
        (["resolved"], "resolution failed: TypeError('the resolver returned list, not a mapping"),
        ({"un:A/HRC/41/35": "resolved"}, "the resolver answered str 'resolved', not a mapping"),
        ({"un:A/HRC/41/35": None}, "the resolver answered NoneType None, not a mapping"),
        ({"un:A/HRC/41/35": {"status": "found"}}, "the resolver gave the status 'found', which"),
        ({"un:A/HRC/41/35": {"status": 1}}, "the resolver gave the status 1, which is none of"),
    ],
)
def test_a_resolver_with_a_bad_answer_gives_unverified_with_a_reason(
    answers: Any, reason: str
) -> None:
    import citecheck

    result = citecheck.check("See A/HRC/41/35.", resolver=lambda ids: answers)
    (res,) = result.resolutions.values()
    assert res["status"] == "unverified"
    assert res["reason"].startswith(reason)
    assert [f.code for f in result.findings] == ["RS102"]


@pytest.mark.parametrize(
    "answer",
    [{"status": "resolved", "title": "Report"}, {"status": "not_found"}, {}],
)
def test_a_resolver_with_good_answers_is_taken_at_its_word(answer: dict[str, str]) -> None:
    import citecheck

    result = citecheck.check("See A/HRC/41/35.", resolver=lambda ids: dict.fromkeys(ids, answer))
    (res,) = result.resolutions.values()
    assert res["status"] == answer.get("status", "unverified")
    assert "resolver" not in (res.get("reason") or "")


def test_fixable_is_not_claimed_for_text_extracted_from_html(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text("<html><body><p>See a/hrc/41/35.</p></body></html>", encoding="utf-8")
    plain = tmp_path / "b.txt"
    plain.write_text("See a/hrc/41/35.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", str(html), str(plain)])
    lines = [x for x in res.stdout.splitlines() if "UN102" in x]
    assert len(lines) == 2
    assert lines[0].startswith(str(html)) and not lines[0].endswith("[fixable]")
    assert lines[1].startswith(str(plain)) and lines[1].endswith("[fixable]")


@pytest.mark.parametrize(
    ("init", "problems"),
    [
        (None, []),
        ({}, []),
        ({"offline": True, "resolver": "none", "debounceMs": 0}, []),
        ({"resolver": "bogus"}, ['initializationOption \'resolver\' must be "auto" or "none"']),
        ({"offline": "yes"}, ["initializationOption 'offline' must be true or false, not 'yes'"]),
        ({"debounceMs": -5}, ["initializationOption 'debounceMs' must be a whole number"]),
        ({"debounceMs": True}, ["initializationOption 'debounceMs' must be a whole number"]),
        ({"ofline": True}, ["unknown initializationOption 'ofline' (known: offline, resolver"]),
        ("offline", ["initializationOptions must be an object, not 'offline'; ignored"]),
    ],
)
def test_language_server_options_that_are_ignored_are_said(init: Any, problems: list[str]) -> None:
    from citecheck.lsp.options import option_problems

    found = option_problems(init)
    assert len(found) == len(problems)
    for message, start in zip(found, problems, strict=True):
        assert message.startswith(start)


def test_language_server_warns_once_about_bad_start_up_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = make_server()
    said: list[str] = []
    monkeypatch.setattr(server, "warn_config", lambda message, *kind: said.append(message))
    server.configure({"resolver": "none", "offline": "yes"})
    assert said == [
        "citecheck: initializationOption 'offline' must be true or false, not 'yes'; "
        "the default is used"
    ]
    assert server.options.resolver == "none" and server.options.offline is False


def _read_back(printed: str) -> str:
    """The name a printed path stands for: a backslash run before ``xNN`` is halved; an odd
    one ends in the escape of a byte that is not UTF-8 (held as a lone surrogate)."""
    import re

    def one(m: re.Match[str]) -> str:
        run, hexa = m.group(1), m.group(2)
        kept = "\\" * (len(run) // 2)
        return kept + (chr(0xDC00 + int(hexa, 16)) if len(run) % 2 else "x" + hexa)

    return re.sub(r"(\\+)x([0-9A-Fa-f]{2})", one, printed)


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("caf\udcff.txt", "caf\\xff.txt"),  # byte 0xFF
        ("caf\\xff.txt", "caf\\\\xff.txt"),  # written so: the backslash is doubled
        ("caf\\\udcff.txt", "caf\\\\\\xff.txt"),  # a backslash, then byte 0xFF
        ("caf\\\\xff.txt", "caf\\\\\\\\xff.txt"),
        ("C:\\docs\\a.txt", "C:\\docs\\a.txt"),  # other backslashes are kept
        ("a\\xz.txt", "a\\xz.txt"),  # not an escape: kept
        ("plain.txt", "plain.txt"),
    ],
)
def test_printed_paths_are_unambiguous(name: str, printed: str) -> None:
    from citecheck.formats import printable_path

    assert printable_path(name) == printed
    assert _read_back(printed) == name


def test_an_empty_directory_is_named_as_holding_nothing_not_as_unreadable(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.bin").write_bytes(b"x")  # only another extension
    good = tmp_path / "a.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    empty, other = str(tmp_path / "empty"), str(tmp_path / "other")
    # (arguments, the summary line): exit 2 each time, an input error as documented
    rows = [
        ([empty], f"Nothing checked: no files to check in {empty}."),
        ([empty, other], f"Nothing checked: no files to check in {empty}, {other}."),
        (
            [empty, str(tmp_path / "missing.txt")],
            f"Nothing checked: no files to check in {empty}; 1 file could not be read "
            "(see the errors above).",
        ),
        (
            [str(good), empty],
            f"Checked 1 file: 1 citation, 0 findings; no files to check in {empty}.",
        ),
        # negative row: a missing file is still counted as unreadable, no directory named
        (
            [str(tmp_path / "missing.txt")],
            "Nothing checked: 1 file could not be read (see the errors above).",
        ),
    ]
    for args, summary in rows:
        res = CliRunner().invoke(main, ["check", "--offline", *args])
        assert res.exit_code == EXIT_USAGE, args
        assert res.stdout.splitlines()[-1] == summary, args
