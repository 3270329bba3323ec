"""``other_organ_before`` matches the organ's name right to left: it must answer as the same
pattern searched left to right over the look-back window does."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import un_context

_NAMES = [
    "Council of Europe", "Parliamentary Assembly", "European Parliament", "European Council",
    "Council of the European Union", "Inter-American Commission", "African Union",
    "Commission on the Status of Women", "Commission for Social Development",
    "Commission on Human Rights", "Sub-Commission on Prevention", "World Health Assembly",
    "Conference of the States Parties", "Assembly of States Parties", "Executive Board",
    "Governing Council", "UNESCO", "UNICEF", "General Assembly", "National Assembly",
    "Human Rights Council",
]  # fmt: skip
_BEFORE = ["", "the ", "x", "-", "Sub-", "Sub", "\n", "y" * 60]
_AFTER = ["", "'s", "’s", " ", ", ", ",\u00a0 ", " in its ", " by its ", " under its", "s", " of"]


def _left_to_right() -> regex.Pattern[str]:
    pattern = un_context._OTHER_ADJACENT.pattern
    assert pattern.startswith("(?r)")
    return regex.compile(pattern[len("(?r)") :], regex.VERBOSE)


@settings(max_examples=500, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(st.sampled_from(_BEFORE), st.sampled_from(_NAMES), st.sampled_from(_AFTER)),
        min_size=1,
        max_size=3,
    ),
    cut=st.integers(min_value=0, max_value=3),
)
def test_right_to_left_answers_as_left_to_right(
    pieces: list[tuple[str, str, str]], cut: int
) -> None:
    text = "".join(b + n + a for b, n, a in pieces) + "resolution 5/1"
    pos = max(0, len(text) - len("resolution 5/1") - cut)
    start = max(0, pos - un_context._ADJACENT_REACH)
    expected = _left_to_right().search(text, start, pos) is not None
    assert un_context.other_organ_before(text, pos) == expected


def test_another_organ_right_before() -> None:
    assert un_context.other_organ_before("the World Health Assembly resolution", 26)
    assert not un_context.other_organ_before("the General Assembly resolution", 21)
