"""A GA section list ("A/RES/59/284 A and B") gives one citation per letter on one shared span:
a finding about that span (an invisible character, a wrong form) is reported once, in every
output, and SARIF results carry fingerprints that stay when lines move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.lsp import LineIndex, build_diagnostics

# (text, the code reported once, how many citations share its span)
SHARED: list[tuple[str, str, int]] = [
    ("See A/RES/59/2\u00ad84 A and B.", "CC102", 2),
    ("See A/RES/59/2\u200b84 A, B and C.", "CC102", 3),
    ("See General Assembly resolution 59/2\u00ad84 A and B.", "CC102", 2),
]


@pytest.mark.parametrize(("text", "code", "letters"), SHARED)
def test_the_api_reports_a_shared_span_once(text: str, code: str, letters: int) -> None:
    result = citecheck.check(text)
    assert len(result.citations) == letters
    assert len({(c.start, c.end) for c in result.citations}) == 1
    assert [f.code for f in result.findings] == [code]
    assert result.findings[0].id == result.citations[0].id


def test_distinct_findings_on_one_span_stay() -> None:
    """Two citations, each with its own invisible character: two findings."""
    result = citecheck.check("See A/RES/59/2\u00ad84 and A/RES/59/2\u00ad85.")
    assert [f.code for f in result.findings] == ["CC102", "CC102"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_every_output_shows_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ga.txt").write_text("See A/RES/59/2\u00ad84 A and B.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", fmt, "ga.txt"])
    assert res.exit_code == 1, res.output
    if fmt == "text":
        assert res.stdout.count("CC102") == 1
    elif fmt == "json":
        (file,) = json.loads(res.stdout)["files"]
        assert [f["code"] for f in file["findings"]] == ["CC102"]
    else:
        (result,) = json.loads(res.stdout)["runs"][0]["results"]
        assert result["ruleId"] == "CC102" and result["partialFingerprints"]


def test_the_editor_gets_one_diagnostic() -> None:
    text = "See A/RES/59/2\u00ad84 A and B.\n"
    diags = build_diagnostics(citecheck.check(text), {}, LineIndex(text))
    assert [d.code for d in diags] == ["CC102"]


def _fingerprints(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "sarif", str(path)])
    results = json.loads(res.stdout)["runs"][0]["results"]
    return [next(iter(r["partialFingerprints"].values())) for r in results]


def test_fingerprints_stay_when_lines_move_and_tell_repeats_apart(tmp_path: Path) -> None:
    twice = "See A/RES/59/2\u00ad84.\nAgain A/RES/59/2\u00ad84.\n"
    first = _fingerprints(tmp_path, twice)
    assert len(first) == 2 and len(set(first)) == 2
    assert _fingerprints(tmp_path, "Some lines\nabove it.\n\n" + twice) == first
