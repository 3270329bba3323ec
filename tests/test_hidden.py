"""Invisible and look-alike characters inside citations: read through, flagged, fixed safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import check
from citecheck.cli import main
from citecheck.hidden import RULES, hidden_view
from citecheck.rules import Rule

SHY, ZWSP, ZWJ, CYR_A, FW_SLASH = "\u00ad", "\u200b", "\u200d", "\u0410", "\uff0f"


def test_no_view_for_plain_text() -> None:
    assert hidden_view("See A/HRC/41/35, para. 4.") is None


def test_view_maps_offsets_back() -> None:
    text = f"ab{ZWSP}cd{SHY}{SHY}e"
    view = hidden_view(text)
    assert view is not None
    assert view.text == "abcde"
    for i, ch in enumerate(view.text):
        assert text[view.original(i)] == ch
    assert view.original_span(0, 5) == (0, len(text))
    assert view.original_span(2, 4) == (3, 5)  # "cd": the invisible before it is left out


@pytest.mark.parametrize(
    ("text", "cid", "code"),
    [
        (f"See A/HRC/41/3{SHY}5, para. 4.", "un:A/HRC/41/35", "CC102"),
        (f"See A/HRC/41/{ZWSP}35.", "un:A/HRC/41/35", "CC102"),
        (f"See A/HRC/41/3{ZWJ}5.", "un:A/HRC/41/35", "CC102"),
        (f"See {CYR_A}/HRC/41/35.", "un:A/HRC/41/35", "CC103"),
        (f"See A{FW_SLASH}HRC{FW_SLASH}41{FW_SLASH}35.", "un:A/HRC/41/35", "CC103"),
        (f"See Case C-311/1{SHY}8.", "case:C-311/18", "CC102"),
        (f"See Regulation (EU) 2016/6{ZWSP}79.", "celex:32016R0679", "CC102"),
    ],
)
def test_read_through_and_flagged(text: str, cid: str, code: str) -> None:
    result = check(text)
    assert [c.id for c in result.citations] == [cid]
    cit = result.citations[0]
    assert text[cit.start : cit.end] == cit.text
    hidden = [f for f in result.findings if f.code == code]
    assert hidden, result.findings
    for f in hidden:
        assert cit.start <= f.start < cit.end
        assert f.fix is not None and f.fix.start == f.start and f.fix.end == f.start + 1


def test_message_says_which_character_and_where() -> None:
    result = check(f"See A/HRC/41/3{SHY}5.")
    (finding,) = [f for f in result.findings if f.code == "CC102"]
    assert "U+00AD (soft hyphen)" in finding.message
    assert "after 'A/HRC/41/3'" in finding.message
    assert SHY not in finding.message


def test_invisible_characters_outside_citations_are_not_reported() -> None:
    result = check(f"inter{SHY}national law; see A/HRC/41/35{ZWSP}.")
    assert [c.id for c in result.citations] == ["un:A/HRC/41/35"]
    assert [f.code for f in result.findings if f.code.startswith("CC10")] == []


def test_other_families_findings_keep_original_offsets() -> None:
    """A note of a family found in the view (here: lower-case series) points into the text."""
    text = f"{ZWSP}{ZWSP}See a/hrc/41/35."
    result = check(text)
    (cit,) = result.citations
    assert cit.text == "a/hrc/41/35"
    for f in result.findings:
        assert text[f.start : f.end] == "a/hrc/41/35"
        if f.fix is not None:
            assert text[f.fix.start : f.fix.end] == "a/hrc/41/35"


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        (f"See A/{ZWSP}HRC/41/35.\n", "See A/HRC/41/35.\n"),
        (f"See A/HRC/41/3{SHY}5, para. 4.\n", "See A/HRC/41/35, para. 4.\n"),
        (
            f"See {CYR_A}/HRC/41/35 and A{FW_SLASH}HRC/41/35.\n",
            "See A/HRC/41/35 and A/HRC/41/35.\n",
        ),
        # Outside a citation an invisible character is left where it is.
        (
            f"See {ZWSP}a/hrc/41/35 and {ZWSP}A/HRC/41/35.\n",
            f"See {ZWSP}A/HRC/41/35 and {ZWSP}A/HRC/41/35.\n",
        ),
    ],
)
def test_fix_never_corrupts(tmp_path: Path, written: str, fixed: str) -> None:
    f = tmp_path / "letter.txt"
    f.write_text(written, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_text(encoding="utf-8") == fixed


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples_are_true(rule: Rule) -> None:
    bad = rule.bad.split(" (")[0]
    assert rule.code in [f.code for f in check(f"See {bad}.").findings]
    assert rule.code not in [f.code for f in check(f"See {rule.good}.").findings]
