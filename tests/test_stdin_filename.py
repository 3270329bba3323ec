"""``--stdin-filename``: the name standard input goes by in reports, Markdown handling by its
suffix, the config's per-path settings, and the usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from citecheck.cli import EXIT_USAGE, main

MD = "See a/hrc/41/35 and `grep a/hrc/41/36 f`.\n"


def _run(args: list[str], text: str = MD) -> Result:
    return CliRunner().invoke(main, args, input=text)


def test_markdown_on_standard_input_keeps_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    res = _run(["check", "--offline", "--diff", "--stdin-filename", "notes.md", "-"])
    assert res.stdout == (
        "--- a/notes.md\n+++ b/notes.md\n@@ -1 +1 @@\n"
        f"-{MD}+{MD.replace('a/hrc/41/35', 'A/HRC/41/35')}"
    )
    # the same text unnamed (or named as plain text) is prose: both citations fixed
    for extra in ([], ["--stdin-filename", "notes.txt"]):
        res = _run(["check", "--offline", "--diff", *extra, "-"])
        assert "`grep A/HRC/41/36 f`" in res.stdout


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "docs/notes.md:1:5: UN102 "),
        ("github", "::warning file=docs/notes.md,line=1,col=5,"),
    ],
)
def test_every_format_names_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    res = _run(["check", "--offline", "--format", fmt, "--stdin-filename", "docs/notes.md", "-"])
    assert res.stdout.splitlines()[0].startswith(expected)
    assert "<stdin>" not in res.stdout


def test_json_and_sarif_name_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["check", "--offline", "--stdin-filename", "docs/notes.md", "-"]
    report = json.loads(_run([*args, "--format", "json"]).stdout)
    assert [f["path"] for f in report["files"]] == ["docs/notes.md"]
    # the fix inside the code span is withheld, as for a Markdown file
    assert [f["fix"] is None for f in report["files"][0]["findings"]] == [False, True]
    log = json.loads(_run([*args, "--format", "sarif"]).stdout)
    run = log["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": "docs/notes.md"}}]
    assert "fixes" in run["results"][0] and "fixes" not in run["results"][1]


def test_the_config_per_path_settings_apply_to_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "citecheck.toml").write_text(
        'exclude = ["vendor/"]\n\n[per-file-ignores]\n"docs/*.md" = ["UN102"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", "--offline", "--format", "json", "--stdin-filename"]
    ignored = json.loads(_run([*args, "docs/notes.md", "-"]).stdout)
    assert ignored["files"][0]["findings"] == []
    kept = json.loads(_run([*args, "other/notes.md", "-"]).stdout)
    assert [f["code"] for f in kept["files"][0]["findings"]] == ["UN102", "UN102"]
    excluded = _run([*args, "vendor/notes.md", "-"])
    assert json.loads(excluded.stdout)["files"] == [] and excluded.exit_code == 0


def test_the_config_is_found_from_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "citecheck.toml").write_text('ignore = ["UN102"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--offline", "--format", "json", "--stdin-filename"]
    assert json.loads(_run([*args, "sub/notes.md", "-"]).stdout)["files"][0]["findings"] == []
    assert json.loads(_run([*args, "notes.md", "-"]).stdout)["files"][0]["findings"] != []


def test_fix_never_writes_the_named_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    named = tmp_path / "notes.md"
    named.write_text("on disk a/hrc/41/37\n", encoding="utf-8")
    res = _run(["check", "--offline", "--fix", "--stdin-filename", "notes.md", "-"])
    assert named.read_text(encoding="utf-8") == "on disk a/hrc/41/37\n"
    assert "citecheck: notes.md: standard input cannot be fixed in place" in res.stderr
    assert res.stdout.startswith("notes.md:1:5: UN102 ")


def test_the_name_suffix_chooses_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    html = "<p>See A/HRC/<b>41/35</b>.</p>\n"  # one symbol only once the markup is read
    args = ["extract", "--format", "text", "--stdin-filename"]
    assert _run([*args, "page.html", "-"], html).stdout.startswith("page.html:1:8: un:A/HRC/41/35")
    assert _run([*args, "page.txt", "-"], html).stdout == ""
    assert _run(["extract", "--format", "text", "-"], html).stdout == ""


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stdin-filename", "notes.md", "README.txt"], "give '-' among the files"),
        (["--stdin-filename", "", "-"], "needs a file name"),
        (["--stdin-filename", "-", "-"], "needs a file name"),
    ],
)
def test_stdin_filename_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.txt").write_text(MD, encoding="utf-8")
    res = _run([command, *args])
    assert res.exit_code == EXIT_USAGE
    assert message in res.stderr and res.stdout == ""


@pytest.mark.parametrize("option", ["--diff", "--fix"])
def test_standard_input_named_html_is_refused_as_the_file_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    """Its text was extracted: a diff of that text would be no patch of the input."""
    monkeypatch.chdir(tmp_path)
    html = "<html><body><p>See &amp; <b>x</b> HRC/RES/17/4.</p></body></html>\n"
    page = tmp_path / "a.html"
    page.write_text(html, encoding="utf-8")
    piped = _run(["check", "--offline", option, "--stdin-filename", "a.html", "-"], html)
    on_disk = _run(["check", "--offline", option, "a.html"], html)
    refusal = "citecheck: a.html: text was extracted from another format; not rewritten"
    assert refusal in piped.stderr and refusal in on_disk.stderr
    assert "---" not in piped.stdout and "+++" not in piped.stdout
    assert piped.stdout == on_disk.stdout and piped.exit_code == on_disk.exit_code
    assert page.read_text(encoding="utf-8") == html
