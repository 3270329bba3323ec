"""Every rule's documented examples are true: its "bad" example raises its code and its
"good" example does not. Rules that need a file's bytes or a source's answer are checked with
those instead."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.rules import Rule, all_rules

#: Rules whose finding comes from reading bytes (CC) or from a source's answer (RS).
NOT_FROM_TEXT = {"CC101", "RS101", "RS102", "RS103", "RS104"}
TEXT_RULES = [r for r in all_rules() if r.code not in NOT_FROM_TEXT]


def test_every_rule_has_both_examples() -> None:
    assert [r.code for r in all_rules() if not (r.bad and r.good)] == []
    assert {r.code for r in all_rules()} >= NOT_FROM_TEXT


@pytest.mark.parametrize("rule", TEXT_RULES, ids=[r.code for r in TEXT_RULES])
def test_bad_example_raises_the_code_and_good_does_not(rule: Rule) -> None:
    bad = [f.code for f in citecheck.check(rule.bad).findings]
    good = [f.code for f in citecheck.check(rule.good).findings]
    assert rule.code in bad, (rule.bad, bad)
    assert rule.code not in good, (rule.good, good)


def _answers(status: str) -> Any:
    def resolve(ids: Sequence[str]) -> Mapping[str, Any]:
        return {i: {"id": i, "status": status, "reason": "timed out"} for i in ids}

    return resolve


def test_rs101_only_on_a_definite_not_found() -> None:
    rule = {r.code: r for r in all_rules()}["RS101"]
    bad = citecheck.check(rule.bad, resolver=_answers("not_found")).findings
    assert [f.code for f in bad] == ["RS101"]
    good = citecheck.check("A/HRC/17/31", resolver=_answers("resolved")).findings
    assert [f.code for f in good] == []


def test_rs102_when_the_source_gives_no_definite_answer() -> None:
    bad = citecheck.check("A/HRC/41/35", resolver=_answers("unverified")).findings
    assert [(f.code, f.severity.value) for f in bad] == [("RS102", "info")]
    assert "timed out" in bad[0].message
    assert citecheck.check("A/HRC/41/35", resolver=_answers("resolved")).findings == ()


def _act(**fields: Any) -> Any:
    def resolve(ids: Sequence[str]) -> Mapping[str, Any]:
        return {i: {"id": i, "status": "resolved", "source": "index", **fields} for i in ids}

    return resolve


def test_rs103_names_the_end_of_validity_and_the_repealing_act() -> None:
    rule = {r.code: r for r in all_rules()}["RS103"]
    repealed = _act(in_force=False, end_of_validity="2018-05-24", replaced_by=["celex:32016R0679"])
    bad = citecheck.check(rule.bad, resolver=repealed).findings
    assert [f.code for f in bad] == ["RS103"]
    assert "2018-05-24" in bad[0].message and "Regulation (EU) 2016/679" in bad[0].message
    good = citecheck.check(rule.good, resolver=_act(in_force=True)).findings
    assert [f.code for f in good] == []


def test_rs104_reports_a_record_that_contradicts_itself() -> None:
    rule = {r.code: r for r in all_rules()}["RS104"]
    ended = _act(in_force=True, end_of_validity="2019-01-01")
    bad = citecheck.check(rule.bad, resolver=ended).findings
    assert [f.code for f in bad] == ["RS104"] and "2019-01-01" in bad[0].message
    open_ended = _act(in_force=True, end_of_validity=None)
    assert [f.code for f in citecheck.check(rule.good, resolver=open_ended).findings] == []


def test_cc101_from_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("café, A/HRC/41/35".encode("latin-1"))
    good = tmp_path / "utf8.txt"
    good.write_text("café, A/HRC/41/35", encoding="utf-8")
    res = CliRunner().invoke(
        main, ["check", "--offline", "--format", "json", "--exit-zero", str(bad), str(good)]
    )
    files = json.loads(res.stdout)["files"]
    assert [[f["code"] for f in file["findings"]] for file in files] == [["CC101"], []]
