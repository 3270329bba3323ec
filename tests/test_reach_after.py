"""Every family and later stage declares how far past a citation's end it reads.

Why: the editor reuses an older answer for a citation only when every edit lies further after
it than anything reads (``citecheck.lsp.reuse.REUSE_MARGIN``, the largest declaration).  A
family reading further than it declares would silently show stale answers, so the
declarations are checked against the windows the code adds to a position, and a family or
stage without one fails loudly when loaded.
"""

from __future__ import annotations

import importlib
import pathlib
import sys
import types

import pytest
import regex

import citecheck.families as families_package
from citecheck import pinpoints
from citecheck import shortforms as shortform_stage
from citecheck.families import FAMILIES, Family, reach_after
from citecheck.families.base import PATTERN_HORIZON
from citecheck.families.eu_acts import REACH_AFTER as ACTS_REACH_AFTER
from citecheck.lsp.reuse import REUSE_MARGIN

#: A window the code reads past a position: ``end + _TITLE_REACH``, ``after=_ACT_AFTER``
_FORWARD_WINDOW = regex.compile(r"(?:\+\s*|\bafter=)(_?[A-Z][A-Z0-9_]*)\b")


def forward_windows(module: types.ModuleType) -> dict[str, int]:
    """The named int constants `module`'s code adds to a position or reads `after=`."""
    source = pathlib.Path(str(module.__file__)).read_text(encoding="utf-8")
    names = set(_FORWARD_WINDOW.findall(source))
    values = {name: getattr(module, name, None) for name in names}
    return {n: v for n, v in values.items() if isinstance(v, int) and not isinstance(v, bool)}


def family_module(name: str) -> types.ModuleType:
    return importlib.import_module(f"citecheck.families.{name}")


def test_the_margin_is_the_largest_declared_reach() -> None:
    declared = [family.reach_after for family in FAMILIES]
    assert all(isinstance(r, int) and r >= 0 for r in declared)
    assert REUSE_MARGIN == reach_after() == max(*declared, shortform_stage.REACH_AFTER)
    assert REUSE_MARGIN == ACTS_REACH_AFTER  # the EU act's own type word, read furthest


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_a_family_declares_every_window_its_code_reads_after(family: Family) -> None:
    name = family.name
    module = family_module(name)
    windows = forward_windows(module)
    reach = family.reach_after
    assert reach >= PATTERN_HORIZON  # its patterns' lookahead past a match
    too_far = {n: v for n, v in windows.items() if v > reach}
    assert not too_far, f"{name} reads past its reach_after={reach}: {too_far}"
    source = pathlib.Path(str(module.__file__)).read_text(encoding="utf-8")
    if "from citecheck.pinpoints" in source or "eu_pinpoints import" in source:
        # even a pinpoint before a citation is read with the language around it
        assert reach >= pinpoints.REACH_AFTER, f"{name} reads pinpoints around its citations"
    if "scan_acts" in source and name != "eu_acts":
        assert reach >= ACTS_REACH_AFTER, f"{name} reads the acts near its citations"


@pytest.mark.parametrize(
    "module_name",
    ["citecheck.pinpoints.after", "citecheck.pinpoints.articles", "citecheck.pinpoints.languages"],
)
def test_the_pinpoint_readers_declare_every_window_they_read_after(module_name: str) -> None:
    module = importlib.import_module(module_name)
    too_far = {n: v for n, v in forward_windows(module).items() if v > pinpoints.REACH_AFTER}
    assert not too_far, f"{module_name} reads past pinpoints.REACH_AFTER: {too_far}"


def test_the_language_of_a_pinpoint_is_read_within_the_declared_reach() -> None:
    """`written_in` reads its windows through a loop variable the scan above cannot see."""
    from citecheck.pinpoints import after

    assert max(after._LANGUAGE_REACH, after._WIDER_REACH) <= pinpoints.REACH_AFTER


def test_the_short_form_stage_declares_what_it_reads_after() -> None:
    windows = forward_windows(shortform_stage)
    assert all(v <= shortform_stage.REACH_AFTER for v in windows.values()), windows
    assert shortform_stage.REACH_AFTER >= shortform_stage.LONGEST_CITED_WORDS


class _Undeclared:
    name = "undeclared"
    triggers = ()


@pytest.mark.parametrize("declared", [None, "2048", -1, True])
def test_a_family_without_a_declared_reach_fails_loudly(
    monkeypatch: pytest.MonkeyPatch, declared: object
) -> None:
    family = _Undeclared()
    if declared is not None:
        family.reach_after = declared  # type: ignore[attr-defined]
    module = types.ModuleType("citecheck.families.undeclared")
    module.FAMILY = family  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(families_package, "_FAMILY_MODULES", ("un_symbols", "undeclared"))
    with pytest.raises(TypeError, match=r"'undeclared'.*reads past a citation"):
        families_package._load()


def test_a_declared_family_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    family = _Undeclared()
    family.reach_after = 0  # type: ignore[attr-defined]
    module = types.ModuleType("citecheck.families.undeclared")
    module.FAMILY = family  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(families_package, "_FAMILY_MODULES", ("undeclared",))
    assert families_package._load() == (family,)


def test_a_stage_without_a_declared_reach_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    stage = types.ModuleType("citecheck.undeclared_stage")
    monkeypatch.setitem(sys.modules, stage.__name__, stage)
    monkeypatch.setattr(families_package, "_STAGE_MODULES", (stage.__name__,))
    with pytest.raises(TypeError, match=r"undeclared_stage.*REACH_AFTER"):
        reach_after()
    stage.REACH_AFTER = 5000  # type: ignore[attr-defined]
    assert reach_after() == 5000  # a stage reading further raises the margin


def test_the_chained_windows_of_the_language_readers_are_declared() -> None:
    """`read_in_own` reads an aside after the act, then a body after the aside: the two windows
    add up, which the scan of single windows above cannot see."""
    from citecheck.pinpoints import languages

    assert languages.REACH_AFTER >= languages._ASIDE_REACH + languages.WINDOW
    assert pinpoints.REACH_AFTER >= languages.REACH_AFTER
