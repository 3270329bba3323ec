"""--fix on files with other owners, hard links, read-only modes and unwritable directories;
--diff of standard input."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import EXIT_USAGE, main
from citecheck.fixes import (
    NotWritten,
    Outcome,
    Plan,
    markdown_code_spans,
    may_write,
    select_fixes,
    write_fixed,
    write_plan,
)
from citecheck.model import Finding, Fix, Severity
from citecheck.readers import read_source

DIRTY = "See a/hrc/41/35.\n"
FIXED = "See A/HRC/41/35.\n"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.parametrize(
    ("nlink", "owner_kept", "replace_possible", "plan"),
    [
        (1, True, True, Plan.REPLACE),  # the ordinary case: atomic
        (2, True, True, Plan.IN_PLACE),  # a new inode would cut the other link
        (1, False, True, Plan.IN_PLACE),  # someone else's file the process may write
        (1, True, False, Plan.IN_PLACE),  # no room for a temporary file in the directory
        (3, False, False, Plan.IN_PLACE),
    ],
)
def test_write_plan(nlink: int, owner_kept: bool, replace_possible: bool, plan: Plan) -> None:
    assert write_plan(nlink=nlink, owner_kept=owner_kept, replace_possible=replace_possible) is plan


def test_a_file_the_process_may_not_write_is_refused_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(f))
    monkeypatch.setattr("citecheck.fixes.may_write", lambda path: denied)
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert res.stderr == (
        f"citecheck: error: {f}: may not be written ({os.strerror(errno.EACCES)})\n"
    )
    assert f.read_text(encoding="utf-8") == DIRTY
    assert "UN102" in res.stdout  # still reported: nothing was fixed
    assert res.exit_code == EXIT_USAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


@pytest.mark.skipif(ROOT, reason="root may write a mode-444 file; the refusal is tested above")
def test_a_read_only_file_is_not_rewritten(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    os.chmod(f, 0o444)
    assert isinstance(may_write(f), PermissionError)
    with pytest.raises(NotWritten) as caught:
        write_fixed(read_source(str(f)), FIXED)
    assert caught.value.outcome is Outcome.READ_ONLY
    assert f.read_text(encoding="utf-8") == DIRTY


def test_may_write_answers_for_a_writable_file_and_a_missing_one(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    assert may_write(f) is None
    assert f.read_text(encoding="utf-8") == DIRTY  # the probe truncates nothing
    assert isinstance(may_write(tmp_path / "gone.txt"), FileNotFoundError)


def test_a_hard_linked_file_keeps_its_link(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DIRTY, encoding="utf-8")
    os.link(a, b)
    inode = a.stat().st_ino
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(b)])
    assert res.exit_code == 0, res.output
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == FIXED
    assert b.stat().st_ino == inode and a.stat().st_nlink == 2


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_root_keeps_owner_and_group_of_a_users_file(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    os.chown(f, 65534, 65534)
    os.chmod(f, 0o640)
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert res.exit_code == 0, res.output
    info = f.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    assert f.read_text(encoding="utf-8") == FIXED


def test_no_temporary_file_in_the_directory_writes_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "w.txt"
    f.write_text(DIRTY, encoding="utf-8")
    inode = f.stat().st_ino

    def no_room(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("citecheck.fixes.tempfile.mkstemp", no_room)
    assert write_fixed(read_source(str(f)), FIXED) is Outcome.WRITTEN
    assert f.read_text(encoding="utf-8") == FIXED and f.stat().st_ino == inode


def test_diff_of_standard_input_is_printed() -> None:
    res = CliRunner().invoke(main, ["check", "--offline", "--diff", "-"], input=DIRTY)
    assert res.stdout == (
        "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-See a/hrc/41/35.\n+See A/HRC/41/35.\n"
    )
    assert res.stderr == ""
    assert res.exit_code == 1


def test_fix_of_standard_input_still_points_at_diff() -> None:
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", "-"], input=DIRTY)
    assert res.stderr == f"citecheck: <stdin>: {Outcome.STDIN.value}\n"
    assert "UN102" in res.stdout


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in markdown_code_spans(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("See a/hrc/41/35.\n", []),
        ("Run `grep a/1 f` now.\n", ["`grep a/1 f`"]),
        ("Two ``a ` b`` and `c`.\n", ["``a ` b``", "`c`"]),
        ("A lone ` tick and a/1.\n", []),  # an unclosed run is plain text
        ("Unmatched `` then `x`.\n", ["`x`"]),
        ("Hi <!-- a/1 --> there <!-- b -->\n", ["<!-- a/1 -->", "<!-- b -->"]),
        ("Open <!-- a/1\nstill\n", []),  # unclosed inline: plain text, protects nothing
        ("<!-- a/1\n\nb -->\nout\n", ["<!-- a/1\n\nb -->\n"]),  # a comment block
        ("<!-- never closed\n\na/1\n", ["<!-- never closed\n\na/1\n"]),  # block: to the end
        ("Note <!-- a/1\n\nProse a/2 -->.\n", []),  # an inline comment stays in its paragraph
        ("Costs 5` each a/1.\n\nLater a/2 and `x`.\n", ["`x`"]),  # no span across paragraphs
        ("Costs 5` each\na/1 and `x`.\n", ["` each\na/1 and `"]),  # one paragraph: a span
        ("Escaped \\`not code a/1 and `real`.\n", ["`real`"]),
        ("Escaped \\\\`code` (the backslash is)\n", ["`code`"]),
        ("Escaped \\<!-- a/1 --> here\n", []),
        ("Text\n\n    indented a/1\n\nafter\n", ["    indented a/1\n"]),
        ("Text\n    lazy a/1: no code\n", []),  # indented paragraph continuation
        ("> ```\n> a/1\n> ```\nout\n", ["> ```\n> a/1\n> ```\n"]),
        ("- item\n\n  ```\n  a/1\n  ```\n", ["  ```\n  a/1\n  ```\n"]),
        ("> ```\n> unclosed a/1\n\nout a/2\n", ["> ```\n> unclosed a/1\n"]),
        ("<pre>\na/1\n</pre>\n", ["<pre>\na/1\n</pre>\n"]),
        ("<div>\n`a/1` <!-- a/2 -->\n</div>\n", ["<!-- a/2 -->"]),  # raw HTML: comments only
        ("# Title `a/1`\n", ["`a/1`"]),
        ("x\n```sh\ngrep a/1\n```\ny `z`\n", ["```sh\ngrep a/1\n```\n", "`z`"]),
        ("~~~~\na/1\n~~~\nstill\n~~~~~\nout\n", ["~~~~\na/1\n~~~\nstill\n~~~~~\n"]),
        ("```\nnever closed a/1\n", ["```\nnever closed a/1\n"]),
        ("```\r\na/1\r\n```\r\nout\r\n", ["```\r\na/1\r\n```\r\n"]),
        ("    ```\nindented four: not a fence\n", ["    ```\n"]),  # but an indented code line
        ("``` a`b\nnot a fence: backtick in the info\n", []),
        ("``\ntwo ticks: no fence\n``\n", ["``\ntwo ticks: no fence\n``"]),
        ("```\n`x` in a fence\n```\n", ["```\n`x` in a fence\n```\n"]),
        ("\ufeff```\na/1\n```\nout\n", ["\ufeff```\na/1\n```\n"]),  # after a byte order mark
    ],
)
def test_markdown_code_spans(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        (0, 3, True),  # before the span
        (3, 5, True),  # ends where the span starts
        (4, 6, False),  # overlaps its start
        (6, 7, False),  # inside
        (9, 12, False),  # overlaps its end
        (10, 12, True),  # starts where the span ends
        (5, 5, True),  # an insertion just before the span
        (7, 7, False),  # an insertion inside it
        (0, 20, False),  # covers it
    ],
)
def test_fixes_touching_a_protected_span_are_not_chosen(start: int, end: int, kept: bool) -> None:
    finding = Finding("UN102", Severity.WARNING, "m", start, end, fix=Fix(start, end, "X", "d"))
    assert bool(select_fixes([finding], 20, [(5, 10)])) is kept
    assert select_fixes([finding], 20) == [finding.fix]


def test_fix_and_diff_leave_markdown_code_and_comments_alone(tmp_path: Path) -> None:
    text = (
        "See a/hrc/41/35 and `grep a/hrc/41/37 f`.\n\n```sh\ngrep a/hrc/41/38 f\n```\n\n"
        "<!-- old: a/hrc/41/39 -->\nAlso a/hrc/41/36.\n"
    )
    fixed = text.replace("a/hrc/41/35", "A/HRC/41/35").replace("a/hrc/41/36", "A/HRC/41/36")
    md = tmp_path / "notes.md"
    md.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", "--fix", str(md)])
    assert md.read_text(encoding="utf-8") == fixed
    assert "fixed 2 finding(s)" in res.stderr
    # still reported: the code quotes a citation written in a form worth knowing about
    (report,) = json.loads(res.stdout)["files"]
    assert [f["code"] for f in report["findings"]] == ["UN102"] * 3
    # the same text as plain text is prose: every citation fixed
    txt = tmp_path / "notes.txt"
    txt.write_text(text, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(txt)])
    assert "a/hrc" not in txt.read_text(encoding="utf-8")


def test_markdown_code_spans_after_a_code_span_still_see_a_later_comment() -> None:
    text = "`a` b `c` <!-- d --> `e` <!-- f"
    assert _quoted(text) == ["`a`", "`c`", "<!-- d -->", "`e`"]


def _refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> tuple[Path, str, int]:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(f))
    monkeypatch.setattr("citecheck.fixes.may_write", lambda path: denied)
    res = CliRunner().invoke(main, ["check", "--offline", "--format", fmt, "--fix", str(f)])
    return f, res.stdout, res.exit_code


def test_a_file_fix_did_not_write_is_an_error_of_the_json_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f, out, code = _refused(tmp_path, monkeypatch, "json")
    report = json.loads(out)
    reason = f"may not be written ({os.strerror(errno.EACCES)})"
    assert report["errors"] == [{"path": str(f), "reason": reason}]
    assert report["summary"]["not_written"] == 1 and report["summary"]["unreadable"] == 0
    assert code == EXIT_USAGE


def test_a_file_fix_did_not_write_makes_the_sarif_run_unsuccessful(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, code = _refused(tmp_path, monkeypatch, "sarif")
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == (
        f"not written: may not be written ({os.strerror(errno.EACCES)}); "
        "the file was read and checked, its findings are in the report"
    )
    assert code == EXIT_USAGE


def test_a_file_fix_did_not_write_is_in_the_text_and_github_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, text, _ = _refused(tmp_path, monkeypatch, "text")
    assert text.splitlines()[-1].endswith(
        "; 1 file not written by --fix (see the errors above)."
    )
    f, github, _ = _refused(tmp_path, monkeypatch, "github")
    assert github.splitlines()[0] == (
        f"::error file={f},title=not written::not written: may not be written "
        f"({os.strerror(errno.EACCES)}); the file was read and checked, its findings are in "
        "the report"
    )
    assert github.splitlines()[1].startswith(f"::warning file={f},")  # its findings follow


def test_a_clean_fix_run_has_no_errors(tmp_path: Path) -> None:
    f = tmp_path / "f.txt"
    f.write_text(DIRTY, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", "--fix", str(f)])
    report = json.loads(res.stdout)
    assert report["errors"] == [] and report["summary"]["not_written"] == 0
    assert res.exit_code == 0


MD_QUOTED = (
    "See a/hrc/41/35.\n\n    a/hrc/41/36 in indented code\n\n"
    "Costs 5` each, a/hrc/41/37.\n\nLater `a/hrc/41/38` here.\n"
)


@pytest.mark.parametrize("name", ["notes.md", "notes.txt"])
def test_fixes_in_markdown_code_are_not_offered_in_any_report(tmp_path: Path, name: str) -> None:
    """Text ``[fixable]``, JSON and SARIF ``fix`` say what ``--fix`` would do: nothing inside
    Markdown code (the findings stay); in a plain text file every fix is offered."""
    f = tmp_path / name
    f.write_text(MD_QUOTED, encoding="utf-8")
    offered = [True, False, True, False] if name == "notes.md" else [True] * 4
    run = CliRunner().invoke
    data = json.loads(run(main, ["check", "--offline", "--format", "json", str(f)]).stdout)
    (report,) = data["files"]
    assert [x["code"] for x in report["findings"]] == ["UN102"] * 4
    assert [x["fix"] is not None for x in report["findings"]] == offered
    text = run(main, ["check", "--offline", str(f)]).stdout.splitlines()[:-1]
    assert [line.endswith("[fixable]") for line in text] == offered
    sarif = json.loads(run(main, ["check", "--offline", "--format", "sarif", str(f)]).stdout)
    assert ["fixes" in r for r in sarif["runs"][0]["results"]] == offered
    # --diff (texts kept in memory, the other way of building reports) fixes the same ones
    diff = run(main, ["check", "--offline", "--diff", str(f)]).stdout
    assert [f"+{line}" in diff for line in ("See A/HRC/41/35.", "Costs 5` each, A/HRC/41/37.")] == [
        True,
        True,
    ]
    assert ("A/HRC/41/36" in diff, "A/HRC/41/38" in diff) == (name == "notes.txt",) * 2


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("See <code>a/1</code> and a/2.\n", ["<code>a/1</code>"]),
        ("Press <kbd>a/1</kbd> a/2 <samp>a/3</samp>\n", ["<kbd>a/1</kbd>", "<samp>a/3</samp>"]),
        ("Upper <CODE class=x>a/1</CODE> a/2\n", ["<CODE class=x>a/1</CODE>"]),
        ("<kbd><kbd>a/1</kbd>+<kbd>C</kbd></kbd>\n", ["<kbd><kbd>a/1</kbd>+<kbd>C</kbd></kbd>"]),
        ("x <pre>a/1</pre> a/2\n", ["<pre>a/1</pre>"]),
        ("Open <code>a/1\nstill a/2\n\nout a/3\n", ["<code>a/1\nstill a/2\n"]),  # to block end
        ("> x <code>a/1\n> a/2</code> y\n", ["<code>a/1\n> a/2</code>"]),
        ("x <?php a/1 ?> y a/2\n", ["<?php a/1 ?>"]),
        ("x <![CDATA[ a/1 ]]> y a/2\n", ["<![CDATA[ a/1 ]]>"]),
        ("<div>\n<pre>\na/1\n</pre>\n</div>\n", ["<pre>\na/1\n</pre>"]),
        ("<div>\n<p>a/1 <code>a/2</code></p>\n</div>\n", ["<code>a/2</code>"]),
        ("<div>\n<samp>a/1\n</div>\n", ["<samp>a/1\n</div>\n"]),  # unclosed: to block end
        ("<div>\n<?php a/1 ?> a/2\n</div>\n", ["<?php a/1 ?>"]),
        ("<?php\necho 'a/1';\n?>\nout a/2\n", ["<?php\necho 'a/1';\n?>\n"]),
        ("<![CDATA[\na/1\n]]>\nout a/2\n", ["<![CDATA[\na/1\n]]>\n"]),
        ("`<code>` a/1 </code> a/2\n", ["`<code>`"]),  # code span text, then a stray end tag
        ("Escaped \\<code>a/1</code> here\n", []),  # no tag: text
        ("A <b>bold</b> a/1 <code/> a/2 <codex>a/3</codex>\n", []),  # no code element
        ("See <https://x.org/a/1> <code>a/2</code>\n", ["<code>a/2</code>"]),  # an autolink
        ("x <code>`a/1`</code> `a/2`\n", ["<code>`a/1`</code>", "`a/2`"]),
        ("x <code><!-- a/1 --></code> <!--a/2-->\n", ["<code><!-- a/1 --></code>", "<!--a/2-->"]),
        ("1 < 2 and a/1 <code>a/2</code>\n", ["<code>a/2</code>"]),  # a lone "<" is text
        ("x <code\nclass=a>a/1</code> a/2\n", ["<code\nclass=a>a/1</code>"]),  # a tag on 2 lines
        # an image's alt text is plain text (CommonMark escapes it): its tags open and close
        # nothing, they only keep the paragraph's tags in step
        ("![<code>a</code>](u) and <code>a/1</code> a/2\n", ["<code>a/1</code>"]),
        ("x <code>a/1 ![</code>](v) a/2</code> a/3\n", ["<code>a/1 ![</code>](v) a/2</code>"]),
        ("<code>![</code>](v) a/1</code>\n", ["<code>![</code>](v) a/1</code>"]),
        ("![<code>](u) a/1\n", []),
        ("![a <code>b](u) a/1 </code> a/2\n", []),
        ("[![<code>a</code>](u)](v) <code>a/1</code> a/2\n", ["<code>a/1</code>"]),
        # a code tag the parser reads as no tag (a link destination): the whole block, unsure
        ("<code>a [x](</code>) a/1</code>\n", ["<code>a [x](</code>) a/1</code>\n"]),
        ("[x](<code>) a/1 <code>y</code>\n", ["[x](<code>) a/1 <code>y</code>\n"]),
        ("x <b title='<code>'>y</b> a/1\n", []),  # a tag inside an attribute's value is text
        # a quoted attribute holding "/>" or ">" in an HTML block
        ('<div>\n<code title="a/>b">a/1</code> a/2\n</div>\n', ['<code title="a/>b">a/1</code>']),
        ("<div>\n<kbd title='>'>a/1</kbd> a/2\n</div>\n", ["<kbd title='>'>a/1</kbd>"]),
    ],
)
def test_markdown_raw_html_that_quotes(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "![<code>a</code>](u) and <code>HRC/RES/17/4</code> HRC/RES/17/4\n",
            "![<code>a</code>](u) and <code>HRC/RES/17/4</code> A/HRC/RES/17/4\n",
        ),
        # a "</code>" in an image's alt text closes nothing: the code runs on
        (
            "x <code>HRC/RES/17/4 ![</code>](v) HRC/RES/17/5</code> HRC/RES/17/6\n",
            "x <code>HRC/RES/17/4 ![</code>](v) HRC/RES/17/5</code> A/HRC/RES/17/6\n",
        ),
        ("<code>![</code>](v) HRC/RES/17/5</code>\n",) * 2,
        ("![<code>](u) HRC/RES/17/4\n", "![<code>](u) A/HRC/RES/17/4\n"),
        # unsure where the element ends: nothing in the paragraph is rewritten
        ("<code>a [x](</code>) HRC/RES/17/4</code>\n",) * 2,
        (
            '<div>\n<code title="a/>b">HRC/RES/17/4</code> HRC/RES/17/4\n</div>\n',
            '<div>\n<code title="a/>b">HRC/RES/17/4</code> A/HRC/RES/17/4\n</div>\n',
        ),
    ],
)
def test_no_markdown_fix_lands_inside_html_code(tmp_path: Path, text: str, fixed: str) -> None:
    """The reviewer's inputs: a fix outside code may go, one inside a code element never."""
    md = tmp_path / "notes.md"
    md.write_text(text, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(md)])
    assert md.read_text(encoding="utf-8") == fixed


def test_fix_leaves_markdown_html_code_alone_and_still_reports_it(tmp_path: Path) -> None:
    text = (
        "See a/hrc/41/35, <code>a/hrc/41/37</code> and <kbd>a/hrc/41/38</kbd>.\n\n"
        "<div>\n<pre>\na/hrc/41/39\n</pre>\n</div>\n\n<?php\n// a/hrc/41/40\n?>\n"
    )
    md = tmp_path / "notes.md"
    md.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", "--fix", str(md)])
    assert md.read_text(encoding="utf-8") == text.replace("a/hrc/41/35", "A/HRC/41/35")
    (report,) = json.loads(res.stdout)["files"]
    # the report is of the fixed file: the four quoted ones, still reported, none fixable
    assert [f["code"] for f in report["findings"]] == ["UN102"] * 4
    assert [f.get("fix") for f in report["findings"]] == [None] * 4
