"""Output formats (SARIF validated against the official schema, GitHub annotations, text),
the batch layer with an injected fake resolver, the progress bar and rule documentation."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx_builder import build_docx, para, run

from citecheck.batch import progress, run_batch
from citecheck.cli import main
from citecheck.config import Config
from citecheck.formats.github import escape_data, escape_property, render_github
from citecheck.formats.sarif import sarif_log
from citecheck.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SEEDS = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
SAMPLE = ROOT / "fixtures" / "sample_letter.txt"


def validate_sarif(log: Mapping[str, Any]) -> None:
    """Validate against the OASIS schema in ../shared (skip where it is absent)."""
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (the shared folder is absent)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)


def test_sarif_of_the_seed_letters_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SEEDS:
        pytest.skip(f"no seed letters under {SHARED / 'corpus' / 'seeds'}")
    monkeypatch.chdir(SHARED)
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "sarif", *map(str, SEEDS)])
    assert res.exit_code in (0, 1), res.output
    log = json.loads(res.stdout)
    validate_sarif(log)
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r.code for r in all_rules()}
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == [f"corpus/seeds/{p.name}" for p in SEEDS]
    print("SARIF results per rule:", {r["ruleId"] for r in run["results"]})


def test_sarif_results_regions_and_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "letter.txt"
    f.write_text("Intro\r\nSee a/hrc/41/35, para. 66.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "sarif", "letter.txt"])
    assert res.exit_code == 1
    log = json.loads(res.stdout)
    validate_sarif(log)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "UN102"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "UN102"
    assert result["level"] == "warning"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "letter.txt"
    start = "Intro\r\nSee ".__len__()
    assert loc["region"] == {
        "startLine": 2,
        "startColumn": 5,
        "endLine": 2,
        "endColumn": 16,
        "charOffset": start,
        "charLength": 11,
    }
    repl = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert repl["insertedContent"]["text"] == "A/HRC/41/35"
    assert repl["deletedRegion"]["charOffset"] == start


def test_github_annotation_syntax_and_escaping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    d = tmp_path / "dir,with:odd"
    d.mkdir()
    f = d / "x.txt"
    f.write_text("ok\nSee a/hrc/41/35.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "github", str(f)])
    assert res.exit_code == 1
    line = next(ln for ln in res.stdout.splitlines() if "title=UN102" in ln)
    pattern = (
        r"::(error|warning|notice) file=dir%2Cwith%3Aodd/x\.txt,line=2,col=5,endLine=2,"
        r"endColumn=16,title=UN102::[^\r\n]+"
    )
    assert re.fullmatch(pattern, line), line
    assert all(ln.startswith("::") for ln in res.stdout.splitlines())


def _fake_resolver(calls: list[list[str]]) -> Any:
    def resolve(ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        calls.append(list(ids))
        out = {}
        for i in ids:
            if i == "un:A/HRC/RES/17/31":
                out[i] = {
                    "id": i,
                    "status": "not_found",
                    "source": "undl",
                    "suggestions": ["un:A/HRC/17/31", "un:A/HRC/RES/17/4"],
                }
            elif i == "un:A/HRC/41/41":
                out[i] = {"id": i, "status": "unverified", "reason": "timeout (429)"}
            else:
                out[i] = {"id": i, "status": "resolved", "title": "Report of X"}
        return out

    return resolve


def test_batch_resolves_each_id_once_and_reports_rs_findings(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("See A/HRC/RES/17/31 and A/HRC/41/35.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("See A/HRC/41/35, A/HRC/41/41 and A/HRC/RES/17/31.\n", encoding="utf-8")
    calls: list[list[str]] = []
    batch = run_batch([str(a), str(b)], Config(root=tmp_path), resolver=_fake_resolver(calls))
    assert len(calls) == 1
    assert sorted(calls[0]) == sorted(set(calls[0]))
    assert set(calls[0]) == {"un:A/HRC/RES/17/31", "un:A/HRC/41/35", "un:A/HRC/41/41"}
    codes_b = [(f.code, f.severity.value, f.id) for f in batch.reports[1].findings]
    assert ("RS102", "info", "un:A/HRC/41/41") in codes_b
    rs101 = [f for f in batch.reports[0].findings if f.code == "RS101"]
    assert len(rs101) == 1 and "did you mean A/HRC/17/31 or A/HRC/RES/17/4?" in rs101[0].message
    assert batch.citations_not_resolved() == 3
    # offline: nothing asked, no RS finding, status not_checked
    off = run_batch([str(a)], Config(root=tmp_path), resolver=None)
    assert not [f for f in off.reports[0].findings if f.code.startswith("RS")]
    assert off.citations_not_resolved() == 2

    # a failing resolver never fails the run: everything is unverified
    def broken(ids: Sequence[str]) -> dict[str, Any]:
        raise OSError("network down")

    broke = run_batch([str(a)], Config(root=tmp_path), resolver=broken)
    assert {f.code for f in broke.reports[0].findings} == {"RS102"}


def test_json_and_text_show_status_and_what_the_source_said(tmp_path: Path) -> None:
    from citecheck.formats import render

    a = tmp_path / "a.txt"
    a.write_text("See A/HRC/RES/17/31 and A/HRC/41/35.\n", encoding="utf-8")
    batch = run_batch([str(a)], Config(root=tmp_path), resolver=_fake_resolver([]))
    data = json.loads(render("json", batch.reports))
    statuses = {c["id"]: c["status"] for c in data["files"][0]["citations"]}
    assert statuses == {"un:A/HRC/RES/17/31": "not_found", "un:A/HRC/41/35": "resolved"}
    assert data["files"][0]["citations"][1]["resolution"]["title"] == "Report of X"
    text = render("text", batch.reports, colour=False)
    assert "RS101 [error]" in text and "(un:A/HRC/RES/17/31, not_found)" in text
    assert "\x1b[" not in text and "\x1b[31m" in render("text", batch.reports, colour=True)


def test_strict_fails_when_citations_are_not_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("See A/HRC/41/35, para. 66.", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--offline", str(clean)]).exit_code == 0
    # --strict --offline could never pass: a usage error, not a silent exit 1.
    assert runner.invoke(main, ["check", "--offline", "--strict", str(clean)]).exit_code == 2

    def unverified(ids: Any) -> dict[str, Any]:
        return {i: {"id": i, "status": "unverified", "reason": "timeout"} for i in ids}

    monkeypatch.setattr("citecheck.cli.network_resolver", lambda *a, **k: (unverified, _noop))
    assert runner.invoke(main, ["check", "--online", str(clean)]).exit_code == 0
    res = runner.invoke(main, ["check", "--online", "--strict", str(clean)])
    assert res.exit_code == 1 and "1 citation(s) not resolved" in res.stderr


def _noop() -> None:
    pass


def test_no_color_and_non_terminal_output_have_no_escape_codes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    res = CliRunner().invoke(main, ["check", "--offline", "--exit-zero", str(SAMPLE)])
    assert "\x1b[" not in res.stdout and "[warning]" in res.stdout


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_more_than_a_few_files() -> None:
    tty, pipe = _Tty(), io.StringIO()
    assert list(progress(range(10), 10, tty)) == list(range(10))
    assert "0/10" in tty.getvalue() and "file" in tty.getvalue()
    assert list(progress(range(10), 10, pipe)) == list(range(10))
    assert pipe.getvalue() == ""
    small = _Tty()
    assert list(progress(range(2), 2, small)) == [0, 1] and small.getvalue() == ""


def test_html_findings_point_at_the_page_and_docx_ones_name_the_paragraph(
    tmp_path: Path,
) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>intro</p>\n<p>See a/hrc/41/35.</p>", encoding="utf-8")
    batch = run_batch([str(page)], Config(root=tmp_path))
    out = render_github(batch.reports, cwd=tmp_path)
    assert out.startswith("::warning file=p.html,line=2,col=8,endLine=2,endColumn=19,title=UN102")
    log = sarif_log(batch.reports, cwd=tmp_path)
    validate_sarif(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 8, 19)
    assert "charOffset" not in region  # offsets of extracted text are not the file's

    doc = tmp_path / "d.docx"
    build_docx(doc, [para(run("Intro.")), para(run("See a/hrc/41/35."))], {})
    batch = run_batch([str(doc)], Config(root=tmp_path))
    out = render_github(batch.reports, cwd=tmp_path)
    assert out.startswith("::warning file=d.docx,title=UN102::") and "line=" not in out
    assert "paragraph 2, line 2, column 5 of the text extracted from docx" in out
    log = sarif_log(batch.reports, cwd=tmp_path)
    validate_sarif(log)
    assert "region" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]


def test_every_rule_is_documented_with_wrong_and_right_examples() -> None:
    missing = {
        r.code: [k for k in ("summary", "explanation", "bad", "good") if not getattr(r, k)]
        for r in all_rules()
    }
    missing = {k: v for k, v in missing.items() if v}
    assert not missing, f"rules lacking documentation: {missing}"
    runner = CliRunner()
    for rule in all_rules():
        out = runner.invoke(main, ["rules", rule.code]).output
        assert f"Wrong: {rule.bad}" in out and f"Right: {rule.good}" in out, rule.code
        assert rule.explanation in out


def test_unreadable_inputs_are_in_sarif_and_github_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "letter.txt"
    good.write_text("See A/HRC/41/35.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--offline", "letter.txt", "missing.txt"]
    res = CliRunner().invoke(main, [*args, "--format", "sarif"])
    assert res.exit_code == 2
    log = json.loads(res.stdout)
    validate_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"
    assert note["message"]["text"].startswith("input error: ")

    res = CliRunner().invoke(main, [*args, "--format", "github"])
    assert res.exit_code == 2
    lines = res.stdout.splitlines()
    assert re.fullmatch(r"::error file=missing\.txt,title=input error::\S[^\r\n]*", lines[0])
    assert all(ln.startswith("::") for ln in lines)


def test_clean_sarif_run_says_execution_succeeded(tmp_path: Path) -> None:
    log = sarif_log([], cwd=tmp_path)
    validate_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_a_file_fix_did_not_write_is_told_apart_from_an_unreadable_input(tmp_path: Path) -> None:
    errors = [(str(tmp_path / "gone.txt"), "No such file or directory")]
    not_written = [(str(tmp_path / "kept.txt"), "could not be written (No space left on device)")]
    log = sarif_log([], cwd=tmp_path, errors=errors, not_written=not_written)
    validate_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert texts == [
        "input error: No such file or directory",
        "not written: could not be written (No space left on device); "
        "the file was read and checked, its findings are in the report",
    ]
    only = sarif_log([], cwd=tmp_path, not_written=not_written)
    validate_sarif(only)
    assert only["runs"][0]["invocations"][0]["executionSuccessful"] is False
    lines = render_github([], cwd=tmp_path, errors=errors, not_written=not_written).splitlines()
    assert lines == [
        "::error file=gone.txt,title=input error::No such file or directory",
        "::error file=kept.txt,title=not written::not written: could not be written "
        "(No space left on device); the file was read and checked, its findings are in the report",
    ]
