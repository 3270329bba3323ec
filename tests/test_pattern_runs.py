"""Every grammar pattern, matched where a citation or pinpoint may continue, reads a long run
of white space in linear time.

Families and pinpoint readers call their patterns anchored (``match`` just after what they
read), and PDF text holds runs of thousands of spaces or line breaks. Two adjacent space runs
(``\\s*,?\\s*word``) made the engine try every split of such a run: quadratic, 9 s for a
symbol followed by 50,000 spaces. The ``timeout`` is a safety net, not a measurement: a
linear read of these runs takes milliseconds, a quadratic one minutes.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck.families
import citecheck.pinpoints
from citecheck.lexicon import alternation
from citecheck.patterns import LazyPattern
from citecheck.pinpoints import after

RUN = 100_000
REGEX_TIMEOUT = 30.0
RUNS = {
    "spaces": " ",
    "no-break spaces": "\u00a0",
    "tabs": "\t",
    "line breaks": "\n",
    "space and line break": " \n",
}


def _grammar_patterns() -> list[tuple[str, Any]]:
    found = []
    for package in (citecheck.families, citecheck.pinpoints):
        names = [package.__name__] + [
            f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)
        ]
        for name in names:
            module = importlib.import_module(name)
            for attr, value in sorted(vars(module).items()):
                if isinstance(value, (regex.Pattern, LazyPattern)):
                    found.append((f"{name.removeprefix('citecheck.')}.{attr}", value))
    return found


PATTERNS = _grammar_patterns()


def test_the_pinpoint_readers_patterns_are_covered() -> None:
    names = {name for name, _ in PATTERNS}
    assert {"pinpoints.after._SEP", "pinpoints.after._PART"} <= names
    assert len(names) > 100


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_anchored_match_reads_a_long_run_linearly(name: str, pattern: Any) -> None:
    for unit in RUNS.values():
        pattern.match(unit * RUN, timeout=REGEX_TIMEOUT)


def test_the_safety_net_catches_a_quadratic_run() -> None:
    adjacent_runs = regex.compile(r"(?:[ \t]*,?[ \t]*at[ \t]+|[ \t]+)")  # the old separator's shape
    with pytest.raises(TimeoutError):
        adjacent_runs.match(" " * RUN, timeout=1.0)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \u00a0\t,\r\nat.xA1"), max_size=24))
def test_the_separator_matches_as_before(text: str) -> None:
    """Possessive runs change the cost of the pinpoint separator, not what it matches."""
    h, at = after._H, alternation(after._L.at_words)
    before = regex.compile(rf"(?:{h}*,?{h}*(?:{at}){h}+|{h}*,(?:{h}*\r?\n){{0,2}}{h}*|{h}+)")
    for pos in range(len(text) + 1):
        old, new = before.match(text, pos), after._SEP.match(text, pos)
        assert (old and old.span()) == (new and new.span())
