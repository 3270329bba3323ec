"""Behaviour that one-line mutations changed without any test noticing (see CONTRIBUTING.md).

Each test pins a rule the rest of the suite left unchecked: SARIF's `note` level, which
citation `supra note N` points at, two suppression markers on one line, which case CJ105
names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_builder import build_docx, para, run

from citecheck.batch import run_batch
from citecheck.cli import main
from citecheck.config import Config
from citecheck.families.shortforms import ShortFormParts
from citecheck.formats import render
from citecheck.formats.github import render_github
from citecheck.formats.sarif import artifact_uri, render_sarif, rule_json, sarif_log
from citecheck.model import Kind, Severity
from citecheck.pipeline import check
from citecheck.report import FileReport
from citecheck.rules import Rule
from citecheck.suppress import filter_suppressed, is_suppressed, suppressions

# A footnoted text whose note 1 cites two documents; note 2 says `supra note 1`.
SUPRA = (
    "Text.<sup>1</sup> More.<sup>2</sup>\n\n"
    "<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\n\n"
    "<sup>2</sup> See supra note 1, para. 4.\n"
)


def _report(text: str, path: str = "letter.txt") -> FileReport:
    result = check(text)
    return FileReport(path, text, result.citations, result.findings)


# ---- SARIF and GitHub levels --------------------------------------------------------------


def test_sarif_info_findings_are_notes(tmp_path: Path) -> None:
    rep = _report(SUPRA)
    [info] = [f for f in rep.findings if f.severity is Severity.INFO]
    assert info.code == "SF103"
    log = sarif_log([rep], cwd=tmp_path)
    run = log["runs"][0]
    [result] = [r for r in run["results"] if r["ruleId"] == "SF103"]
    assert result["level"] == "note"
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["defaultConfiguration"] == {"level": "note"}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["SF101"] == "error" and levels["SF102"] == "warning"


def test_github_info_findings_are_notices(tmp_path: Path) -> None:
    lines = render_github([_report(SUPRA)], cwd=tmp_path).splitlines()
    [line] = [ln for ln in lines if "title=SF103" in ln]
    assert line.startswith("::notice file=")


def test_sarif_levels_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notes.md").write_text(SUPRA + "See a/hrc/41/35.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "sarif", "notes.md"])
    assert res.exit_code == 1, res.output
    levels = {r["ruleId"]: r["level"] for r in json.loads(res.stdout)["runs"][0]["results"]}
    assert levels == {"SF103": "note", "UN102": "warning"}


# ---- short forms ---------------------------------------------------------------------------


def test_supra_note_points_at_the_first_citation_of_that_note() -> None:
    result = check(SUPRA)
    [supra] = [c for c in result.citations if c.short_form]
    assert supra.id == "un:A/HRC/41/35"  # not A/HRC/38/35, the note's last citation
    assert supra.antecedent == 0 and str(supra.pinpoint) == "para. 4"
    # a supra note naming a later footnote has no antecedent
    later = SUPRA.replace("supra note 1", "supra note 3") + "\n<sup>3</sup> A/HRC/17/31.\n"
    [bad] = [c for c in check(later).citations if c.short_form]
    assert bad.id == "" and [f.code for f in bad.notes] == ["SF101"]
    assert "is not an earlier note" in bad.notes[0].message


# ---- suppression markers -------------------------------------------------------------------


def test_two_markers_on_one_line_both_count() -> None:
    text = "See a/hrc/41/35. # citecheck: ignore[UN1] // citecheck: ignore[EU102]\nnext\n"
    assert suppressions(text) == {1: frozenset({"UN1", "EU102"})}
    assert is_suppressed("UN102", 1, suppressions(text))
    assert is_suppressed("EU102", 1, suppressions(text))
    assert not is_suppressed("UN102", 2, suppressions(text))
    assert not is_suppressed("CJ101", 1, suppressions(text))


@pytest.mark.parametrize(
    "line",
    [
        "<!-- citecheck: ignore[UN1] --> <!-- citecheck: ignore -->",
        "<!-- citecheck: ignore --> <!-- citecheck: ignore[UN1] -->",
    ],
)
def test_a_bare_marker_beside_a_coded_one_silences_everything(line: str) -> None:
    marks = suppressions("x\n" + line + "\n")
    assert marks == {2: None}
    assert is_suppressed("CJ105", 2, marks)


def test_markers_count_lines_across_several_matches() -> None:
    text = "a # citecheck: ignore[UN1]\nb\nc // citecheck: ignore[EU1]\n"
    assert suppressions(text) == {1: frozenset({"UN1"}), 3: frozenset({"EU1"})}


def test_filter_keeps_findings_of_other_lines_and_codes() -> None:
    text = "See a/hrc/41/35. <!-- citecheck: ignore[eu] -->\nSee a/hrc/41/36.\n"
    result = check(text)
    marks = suppressions(text)
    assert marks == {1: frozenset({"EU"})}  # codes are upper-cased

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    kept = filter_suppressed(result.findings, marks, line_of)
    assert [(f.code, line_of(f.start)) for f in kept] == [("UN102", 1), ("UN102", 2)]
    text = text.replace("ignore[eu]", "ignore[un1, eu]")
    kept = filter_suppressed(check(text).findings, suppressions(text), line_of)
    assert [(f.code, line_of(f.start)) for f in kept] == [("UN102", 2)]


# ---- CJ105 ---------------------------------------------------------------------------------


def test_cj105_names_the_latest_case_of_a_group() -> None:
    [finding] = check("Joined Cases C-293/12 and C-594/13, EU:C:2012:238").findings
    assert finding.code == "CJ105"
    assert finding.message.startswith("the ECLI's year 2012 is before C-594/13 was lodged (2013)")
    # the ECLI year of the latest case is fine, whatever the earlier case's year
    assert check("Joined Cases C-293/12 and C-594/13, EU:C:2013:238").findings == ()


def test_suppression_lines_are_counted_from_the_start_and_between_markers() -> None:
    text = "\n# citecheck: ignore\nx\n# citecheck: ignore[UN1]\n// citecheck: ignore[EU1]\n"
    assert suppressions(text) == {2: None, 4: frozenset({"UN1"}), 5: frozenset({"EU1"})}


# ---- formats: render() and GitHub annotations, exactly -------------------------------------


def test_render_passes_cwd_and_keeps_colour_off_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = tmp_path / "docs"
    sub.mkdir()
    rep = _report("See a/hrc/41/35.\n", str(sub / "x.txt"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # render must use the cwd it is given, not the process's
    sarif = json.loads(render("sarif", [rep], cwd=tmp_path))
    assert sarif["runs"][0]["artifacts"] == [{"location": {"uri": "docs/x.txt"}}]
    assert render("github", [rep], cwd=tmp_path).startswith("::warning file=docs/x.txt,line=1,")
    text = render("text", [rep])
    assert "\x1b[" not in text and "UN102" in text
    assert "\x1b[" in render("text", [rep], colour=True)
    assert render("json", [rep]).endswith("}\n")


def test_github_line_of_an_extracted_file_is_exact(tmp_path: Path) -> None:
    doc = tmp_path / "d.docx"
    build_docx(doc, [para(run("Intro.")), para(run("See a/hrc/41/35."))], {})
    batch = run_batch([str(doc)], Config(root=tmp_path))
    [finding] = batch.reports[0].findings
    out = render_github(batch.reports, cwd=tmp_path)
    assert out == (
        f"::warning file=d.docx,title=UN102::{finding.message} ({finding.id}) "
        "[paragraph 2, line 2, column 5 of the text extracted from docx]\n"
    )


def test_github_names_stdin_and_paths_outside_cwd_as_given(tmp_path: Path) -> None:
    inside = _report("See a/hrc/41/35.\n", "<stdin>")
    out = render_github([inside], cwd=tmp_path)
    assert out.startswith(
        "::warning file=<stdin>,line=1,col=5,endLine=1,endColumn=16,title=UN102::"
    )
    outside = _report("See a/hrc/41/35.\n", "/elsewhere/y.txt")
    assert render_github([outside], cwd=tmp_path).startswith("::warning file=/elsewhere/y.txt,")
    both = render_github([inside, outside], cwd=tmp_path)
    assert both == render_github([inside], cwd=tmp_path) + render_github([outside], cwd=tmp_path)
    assert both.count("\n") == 2 and both.endswith("\n") and "\n::warning file=/elsewhere" in both


# ---- SARIF, field by field ----------------------------------------------------------------


def test_sarif_rule_descriptor_is_exact() -> None:
    rule = Rule("XX101", "made-up", Severity.WARNING, "Summary.", "Why.", bad="b", good="g")
    assert rule_json(rule) == {
        "id": "XX101",
        "name": "made-up",
        "shortDescription": {"text": "Summary."},
        "fullDescription": {"text": "Why."},
        "help": {"text": "Why.\nWrong: b\nRight: g"},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"fixable": False},
    }
    short = Rule("XX102", "terse", Severity.INFO, "Only a summary.", fixable=True)
    assert rule_json(short)["fullDescription"] == {"text": "Only a summary."}
    assert rule_json(short)["help"] == {"text": "Only a summary."}
    assert rule_json(short)["properties"] == {"fixable": True}


def test_sarif_result_carries_id_and_resolution_status(tmp_path: Path) -> None:
    text = "Recalling A/HRC/RES/17/31 and a/hrc/41/35.\n"
    result = check(text)
    statuses = {"un:A/HRC/RES/17/31": {"status": "not_found"}}
    rep = FileReport(str(tmp_path / "x.txt"), text, result.citations, result.findings, statuses)
    log = sarif_log([rep], cwd=tmp_path)
    assert log["runs"][0]["tool"]["driver"]["name"] == "citecheck"
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "x.txt"}}]
    [un102] = log["runs"][0]["results"]
    assert un102["message"]["text"] == f"{result.findings[0].message} (un:A/HRC/41/35)"
    assert un102["properties"] == {"citation": "un:A/HRC/41/35"}
    # a finding on a resolved id also names what the source said
    rs = Rule("RS999", "test", Severity.ERROR, "s").finding("gone", 10, 25, id="un:A/HRC/RES/17/31")
    rep2 = FileReport(str(tmp_path / "x.txt"), text, result.citations, (rs,), statuses)
    [res] = sarif_log([rep2], cwd=tmp_path)["runs"][0]["results"]
    assert res["message"]["text"] == "gone (un:A/HRC/RES/17/31)"
    assert res["properties"] == {"citation": "un:A/HRC/RES/17/31", "status": "not_found"}


def test_sarif_artifact_uris_for_stdin_and_outside_files(tmp_path: Path) -> None:
    assert artifact_uri("<stdin>", tmp_path) == "stdin"
    assert artifact_uri(str(tmp_path / "a b.txt"), tmp_path) == "a%20b.txt"
    outside = tmp_path.parent / "other.txt"
    assert artifact_uri(str(outside), tmp_path) == outside.as_uri()


def test_sarif_text_is_indented_utf8(tmp_path: Path) -> None:
    rep = _report("See a/hrc/41/35.\n", str(tmp_path / "x.txt"))
    out = render_sarif([rep], cwd=tmp_path)
    log = sarif_log([rep], cwd=tmp_path)
    assert out == json.dumps(log, ensure_ascii=False, indent=2)
    assert out.startswith('{\n  "$schema": ')  # two-space indent
    # rule texts hold non-ASCII characters (CC101, OJ102): written as such, not escaped
    assert not out.isascii() and "\\u" not in out


# ---- short forms: every finding, exactly -----------------------------------------------------

# (name, text, (id, kind, device, ambiguous) of the short form, (code, message) of its finding)
SHORT_FORM_CASES = [
    (
        "supra to a missing note",
        "A/HRC/41/35.[^1]\n\n[^1]: supra note 4.\n",
        ("", Kind.SHORT_FORM, "supra", False),
        ("SF101", "supra note 4: footnote 4 does not exist"),
    ),
    (
        "supra in the body to a missing note",
        "A/HRC/41/35.[^1] See supra note 4.\n\n[^1]: A/HRC/17/31.\n",
        ("", Kind.SHORT_FORM, "supra", False),
        ("SF101", "supra note 4: footnote 4 does not exist"),
    ),
    (
        "supra to a later note",
        "Text.[^1]\n\n[^1]: A/HRC/41/35; see supra note 2.\n\n[^2]: A/HRC/17/31.\n",
        ("", Kind.SHORT_FORM, "supra", False),
        ("SF101", "supra note 2: footnote 2 is not an earlier note"),
    ),
    (
        "supra to its own note",
        "Text.[^1]\n\n[^1]: A/HRC/41/35; supra note 1.\n",
        ("", Kind.SHORT_FORM, "supra", False),
        ("SF101", "supra note 1: footnote 1 is not an earlier note"),
    ),
    (
        "supra to a note citing a book",
        "Text.[^1]\n\n[^1]: D. Kaye, Speech Police (2019).\n\n[^2]: See supra note 1, p. 3.\n",
        ("", Kind.SHORT_FORM, "supra", False),
        ("SF104", "supra note 1: footnote 1 cites no document citecheck recognises"),
    ),
    (
        "ibid in the first note",
        "A/HRC/41/35 in the body.[^1]\n\n[^1]: Ibid., para. 5.\n",
        ("", Kind.SHORT_FORM, "ibid", False),
        ("SF101", "'Ibid., para. 5' in the first footnote has nothing to repeat"),
    ),
    (
        "id in the first note",
        "A/HRC/41/35 in the body.[^1]\n\n[^1]: Id. at para. 5.\n",
        ("", Kind.SHORT_FORM, "id", False),
        ("SF101", "'Id. at para. 5' in the first footnote has nothing to repeat"),
    ),
    (
        "ibid after a note citing a book",
        "[^1]: A/HRC/41/35, para. 5.\n\n[^2]: D. Kaye, Speech Police (2019), p. 3.\n\n"
        "[^3]: Ibid., p. 4.\n",
        ("", Kind.SHORT_FORM, "ibid", False),
        (
            "SF104",
            "'Ibid., p. 4' repeats footnote 2, which cites no document citecheck recognises",
        ),
    ),
    (
        "ibid after a note citing two documents",
        "<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\n\n<sup>2</sup> Ibid., para. 5.\n",
        ("un:A/HRC/38/35", Kind.UN_DOCUMENT, "ibid", True),
        (
            "SF102",
            "'Ibid., para. 5' follows footnote 1, which cites 2 documents "
            "(un:A/HRC/38/35, un:A/HRC/41/35)",
        ),
    ),
    (
        "ibid with nothing before it",
        "Ibid., para. 5.",
        ("", Kind.SHORT_FORM, "ibid", False),
        (
            "SF101",
            "'Ibid., para. 5' has nothing before it to point back to: cite the source in full",
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "short", "finding"),
    [case[1:] for case in SHORT_FORM_CASES],
    ids=[case[0] for case in SHORT_FORM_CASES],
)
def test_short_form_findings_are_exact(
    text: str, short: tuple[str, Kind, str, bool], finding: tuple[str, str]
) -> None:
    result = check(text)
    [cite] = [c for c in result.citations if c.short_form]
    assert isinstance(cite.parts, ShortFormParts)
    assert (cite.id, cite.kind, cite.parts.device, cite.ambiguous) == short
    [found] = result.findings
    assert (found.code, found.message) == finding
    assert (found.start, found.end) == (cite.start, cite.end)
    assert text[found.start : found.end] == cite.text


def test_a_resolved_supra_is_definite_and_flagged_as_non_un_style() -> None:
    text = SUPRA
    [cite] = [c for c in check(text).citations if c.short_form]
    assert (cite.kind, cite.ambiguous, cite.parts) == (
        Kind.UN_DOCUMENT,
        False,
        ShortFormParts("supra", 1),
    )
    [sf103] = check(text).findings
    assert sf103.message == "'supra' is not UN editorial style; repeat the reference or use 'ibid.'"
    assert (sf103.start, sf103.end, sf103.id) == (cite.start, cite.end, "un:A/HRC/41/35")


def test_supra_without_a_note_number_points_back_like_op_cit() -> None:
    [cite] = [
        c for c in check("A/HRC/41/35, para. 2. Kaye, supra, para. 3.").citations if c.short_form
    ]
    assert (cite.id, str(cite.pinpoint), cite.parts) == (
        "un:A/HRC/41/35",
        "para. 3",
        ShortFormParts("supra", None),
    )
    [sf103] = check("A/HRC/41/35, para. 2. Kaye, supra, para. 3.").findings
    assert sf103.code == "SF103" and sf103.message.startswith("'supra")


def test_sarif_messages_without_id_and_of_extracted_files(tmp_path: Path) -> None:
    plain = Rule("XX103", "plain", Severity.WARNING, "s").finding("no id here", 0, 3)
    rep = FileReport(str(tmp_path / "x.txt"), "abc def\n", (), (plain,))
    [result] = sarif_log([rep], cwd=tmp_path)["runs"][0]["results"]
    assert result["message"] == {"text": "no id here"} and "properties" not in result
    doc = tmp_path / "d.docx"
    build_docx(doc, [para(run("Intro.")), para(run("See a/hrc/41/35."))], {})
    batch = run_batch([str(doc)], Config(root=tmp_path))
    [finding] = batch.reports[0].findings
    [result] = sarif_log(batch.reports, cwd=tmp_path)["runs"][0]["results"]
    assert result["message"]["text"] == (
        f"{finding.message} ({finding.id}) "
        "[paragraph 2, line 2, column 5 of the text extracted from docx]"
    )
    assert "fixes" not in result  # offsets of extracted text cannot be patched in the file
