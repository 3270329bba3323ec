"""Steps of the editor path replaced by cheaper ones give what the plain ones gave."""

from __future__ import annotations

import pytest

from citecheck.rules import Rule, all_rules, rule_by_code


def _walk(code: str) -> Rule:
    """The rule as a walk over every rule finds it (what ``rule_by_code`` did)."""
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    raise KeyError(code)


@pytest.mark.parametrize("code", [r.code for r in all_rules()])
def test_rule_by_code_is_the_walk(code: str) -> None:
    assert rule_by_code(code) is _walk(code)
    assert rule_by_code(code.lower()) is _walk(code)


@pytest.mark.parametrize("code", ["XX999", "", "RS10", "RS1011", " RS101"])
def test_rule_by_code_names_an_unknown_code(code: str) -> None:
    with pytest.raises(KeyError) as info:
        rule_by_code(code)
    assert info.value.args == (code,)
