"""The one anchor pass (:mod:`citecheck.anchors`): both engines find every occurrence of every
literal, overlapping ones included, exactly as ``str.find`` loops do, and checking a text gives
the same ids, spans, pinpoints and findings with either engine."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import anchors
from citecheck.families import Document

ROOT = Path(__file__).resolve().parents[1]
HAVE_COMPILED = importlib.util.find_spec("ahocorasick_rs") is not None
ENGINES = [
    "pure",
    pytest.param(
        "compiled",
        marks=pytest.mark.skipif(not HAVE_COMPILED, reason="ahocorasick-rs not installed"),
    ),
]


def _by_find(haystack: str, literals: frozenset[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for lit in literals:
        pos = haystack.find(lit)
        while pos != -1:
            found.setdefault(lit, []).append(pos)
            pos = haystack.find(lit, pos + 1)
    return found


@pytest.fixture
def force(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(engine: str) -> None:
        if engine == "pure":
            monkeypatch.setenv(anchors.PURE_ENV, "1")
        else:
            monkeypatch.delenv(anchors.PURE_ENV, raising=False)
        assert anchors.engine() == engine

    return use


_LITERALS = st.frozensets(st.text(alphabet="ab/é ", min_size=1, max_size=4), max_size=8)


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=300, deadline=None)
@given(literals=_LITERALS, text=st.text(alphabet="ab/é .", max_size=80))
def test_every_occurrence_as_find_loops_give(
    engine: str, literals: frozenset[str], text: str
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        if engine == "pure":
            mp.setenv(anchors.PURE_ENV, "1")
        else:
            mp.delenv(anchors.PURE_ENV, raising=False)
        assert anchors.find_all(text, literals) == _by_find(text, literals)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("literals", "text", "expected"),
    [
        # a literal inside another, at the same start and later
        ({"art", "article", "icle"}, "article 6", {"art": [0], "article": [0], "icle": [3]}),
        # overlapping occurrences of one literal
        ({"aa"}, "aaaa", {"aa": [0, 1, 2]}),
        # non-ASCII literals and an absent one
        ({"résolution", "decision"}, "la résolution 5", {"résolution": [3]}),
        ({"/"}, "", {}),
    ],
)
def test_known_cases(force, engine: str, literals: set[str], text: str, expected: object) -> None:  # type: ignore[no-untyped-def]
    force(engine)
    assert anchors.find_all(text, frozenset(literals)) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("text", "literals", "exact", "expected"),
    [
        ("OJ L 1, oj, Oj", ("OJ",), True, [(0, 2)]),
        ("OJ L 1, oj, Oj", ("oj",), False, [(0, 2), (8, 10), (12, 14)]),
        # "İ" lower-cases to two code points: exact literals are found in the text itself
        ("İİ OJ L 1", ("OJ",), True, [(3, 5)]),
        ("Convention, CONVENTION", ("Convention", "CONVENTION"), True, [(0, 10), (12, 22)]),
        ("Art. 6 Article 7", ("art", "article"), False, [(0, 3), (7, 10), (7, 14)]),
    ],
)
def test_document_hits(  # type: ignore[no-untyped-def]
    force,
    engine: str,
    text: str,
    literals: tuple[str, ...],
    exact: bool,
    expected: list[tuple[int, int]],
) -> None:
    force(engine)
    indexed = Document(text)
    indexed.index_anchors(lit.lower() for lit in literals)
    # Indexed or not, the same spans.
    assert indexed.hits(literals, exact=exact) == expected
    assert Document(text).hits(literals, exact=exact) == expected


def _snapshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "snapshot_results_anchors", ROOT / "benchmarks" / "snapshot_results.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


snapshot_results = _snapshot_script()
CORPUS: Path = snapshot_results.DEFAULT_CORPUS
#: The English sample of the results snapshot, and texts of the other languages.
SAMPLE = (
    *snapshot_results.SAMPLE,
    "multilingual/fr__rgpd_reglement_ue_2016-679.txt",
    "multilingual/es__rgpd_reglamento_ue_2016-679_articulos.txt",
    "multilingual/de__bdsg_2018_bundesdatenschutzgesetz.txt",
)


@pytest.mark.skipif(not HAVE_COMPILED, reason="ahocorasick-rs not installed: one engine only")
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
@pytest.mark.parametrize("name", SAMPLE)
def test_both_engines_give_the_same_results(force, name: str) -> None:  # type: ignore[no-untyped-def]
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    text = path.read_text("utf-8", errors="replace")
    force("compiled")
    compiled = snapshot_results.results(text)
    force("pure")
    pure = snapshot_results.results(text)
    assert pure == compiled


def test_odd_case_is_every_character_case_forms_misses() -> None:
    """Derived from Unicode: the characters whose ``str.lower`` the folded pass cannot give."""
    missed = set()
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        low = char.lower()
        if len(low) != 1 or (low != char and char not in anchors.case_forms(low)):
            missed.add(char)
    assert missed == anchors.ODD_CASE


def test_lower_keeps_every_offset() -> None:
    """``Document.lower`` has the text's length, so offsets found in it are offsets of the text."""
    text = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert len(Document(text).lower) == len(text)


_CASED = "aAbBéÉßẞkKİıſ/\u00ad\u0410 .\u212a"
_SINGLES = frozenset({"\u00ad", "\u0410", "ẞ"})


@pytest.mark.skipif(not HAVE_COMPILED, reason="ahocorasick-rs not installed")
@settings(max_examples=300, deadline=None)
@given(
    literals=st.frozensets(st.text(alphabet="abéßkiıſ/ .", min_size=1, max_size=4), max_size=8),
    text=st.text(alphabet=_CASED, max_size=80),
)
def test_folded_pass_finds_what_the_lower_cased_text_holds(
    literals: frozenset[str], text: str
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(anchors.PURE_ENV, raising=False)
        found = anchors.find_folded(text, literals, _SINGLES)
    if any(c in anchors.ODD_CASE for c in text):
        assert found is None
        return
    assert found is not None
    starts, singles = found
    assert starts == _by_find(text.replace("\u0130", "i").lower(), literals)
    assert singles == [i for i, c in enumerate(text) if c in _SINGLES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RÉSOLUTION 5, Résolution 6", {"résolution": [0, 14]}),
        # the starts of one literal's case forms interleave: merged in order
        ("résolution, RÉSOLUTION, résolution", {"résolution": [0, 12, 24]}),
        ("ARTICLE 6 of the Convention", {"article": [0], "convention": [17]}),
        # the Kelvin sign lower-cases to "k": the text is lower-cased as a whole instead
        ("\u212a", None),
    ],
)
def test_folded_pass_known_cases(force, text: str, expected: object) -> None:  # type: ignore[no-untyped-def]
    if not HAVE_COMPILED:
        pytest.skip("ahocorasick-rs not installed")
    force("compiled")
    found = anchors.find_folded(
        text, frozenset({"résolution", "article", "convention"}), frozenset()
    )
    assert (None if found is None else found[0]) == expected


def test_pure_engine_leaves_the_characters_to_the_caller(force) -> None:  # type: ignore[no-untyped-def]
    force("pure")
    assert anchors.find_folded("Article 6", frozenset({"article"}), frozenset()) is None
    assert Document("A\u00ad/HRC").index_anchors({"hrc"}, frozenset({"\u00ad"})) is None


def test_folded_pass_a_character_asked_for_both_ways(force) -> None:  # type: ignore[no-untyped-def]
    """A character both a literal and one of ``chars``: each answer has its own offsets."""
    if not HAVE_COMPILED:
        pytest.skip("ahocorasick-rs not installed")
    force("compiled")
    found = anchors.find_folded("a\u00adb\u00ad", frozenset({"\u00ad"}), frozenset({"\u00ad"}))
    assert found is not None
    starts, singles = found
    assert starts == {"\u00ad": [1, 3]}
    assert singles == [1, 3]
    singles.append(9)  # the caller may extend its list: the index keeps its own
    assert starts == {"\u00ad": [1, 3]}


_OUTSIDE_SINGLES = frozenset({"\u2019", "\u200b"})


@pytest.mark.skipif(not HAVE_COMPILED, reason="ahocorasick-rs not installed")
@settings(max_examples=300, deadline=None)
@given(
    literals=st.frozensets(
        st.text(alphabet="at?\u2019\u2010\u2013 ", min_size=1, max_size=4), max_size=8
    ),
    text=st.text(alphabet="aAtT?\u2019\u2010\u2013\u200b\udc80 ", max_size=80),
)
def test_folded_pass_checks_what_latin1_cannot_hold(literals: frozenset[str], text: str) -> None:
    """The folded pass reads the text as Latin-1 bytes, every other code point (and "?")
    as "?": literals and characters outside Latin-1, a real "?" and a lone surrogate are
    found where the text holds them, and only there."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(anchors.PURE_ENV, raising=False)
        found = anchors.find_folded(text, literals, _OUTSIDE_SINGLES)
    assert found is not None
    starts, singles = found
    assert starts == _by_find(text.lower(), literals)
    assert singles == [i for i, c in enumerate(text) if c in _OUTSIDE_SINGLES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "’" and "?" are both "?" in the bytes: each literal is kept where the text holds it
        ("it\u2019s? t? T\u2019", {"t\u2019": [1, 9], "t?": [6]}),
        ("C\u2011293/12 and c\u2013293/12", {"c\u2011": [0], "c\u2013": [13]}),
        # a character outside Latin-1 with no literal is no match of one that has "?"
        ("t\u2014 t\u2019", {"t\u2019": [3]}),
    ],
)
def test_folded_pass_outside_latin1_known_cases(force, text: str, expected: object) -> None:  # type: ignore[no-untyped-def]
    if not HAVE_COMPILED:
        pytest.skip("ahocorasick-rs not installed")
    force("compiled")
    found = anchors.find_folded(
        text, frozenset({"t\u2019", "t?", "c\u2011", "c\u2013"}), frozenset()
    )
    assert found is not None
    assert found[0] == expected
