# ruff: noqa: E501  (table rows hold whole sentences)
"""German pinpoints are read with a grammar without the one-word compound ordinals
("einundzwanzigste", "hundertzweite") where no compound starts near the act: the same
readings as the whole grammar, whose compounds make every search much slower."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.pinpoints import languages

GDPR = "celex:32016R0679"

ROWS = [
    # compounds: read with the whole grammar
    ("im einundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", "recital 21"),
    ("im hunderteinundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", "recital 121"),
    ("der hundertzweite Erwägungsgrund der Verordnung (EU) 2016/679", "recital 102"),
    ("im zwanzigsten und einundzwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", "recital 20; recital 21"),
    # none: the lean grammar, the same readings
    ("im zwanzigsten Erwägungsgrund der Verordnung (EU) 2016/679", "recital 20"),
    ("im dritten und vierten Erwägungsgrund der Verordnung (EU) 2016/679", "recital 3; recital 4"),
    ("Buchstabe b des Absatzes 2 und Absatz 3 Buchstabe c des Artikels 6 der Verordnung (EU) 2016/679", "art. 6(2)(b); art. 6(3)(c)"),
    ("Einige Regeln gelten nach Artikel 5 Absatz 1 der Verordnung (EU) 2016/679", "art. 5(1)"),
    # a compound word elsewhere in the sentence changes nothing
    ("Am einundzwanzigsten Tag gilt Artikel 5 Absatz 1 der Verordnung (EU) 2016/679", "art. 5(1)"),
]


def _pinpoints(text: str) -> list[str]:
    return [str(c.pinpoint) for c in citecheck.extract(text) if c.id == GDPR]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_the_lean_grammar_reads_as_the_whole_one(
    text: str, pinpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pinpoints(text) == [pinpoint]
    monkeypatch.setattr(languages, "_grammar_for", lambda lang, *_: languages._grammar(lang))
    assert _pinpoints(text) == [pinpoint]


@pytest.mark.parametrize(
    ("text", "lean"),
    [
        ("Artikel 5 der Verordnung", True),
        ("der einundzwanzigste Erwägungsgrund der Verordnung", False),
        ("EINUNDZWANZIGSTE", False),
        ("hundertste", False),
        ("einhundertzweite", False),
        ("ein und zwanzig", True),
    ],
)
def test_the_lean_grammar_only_where_no_compound_starts(text: str, lean: bool) -> None:
    g = languages._grammar_for("de", text, 0, len(text))
    assert (g is languages._grammar("de", compounds=False)) is lean


def test_a_compound_within_look_behind_reach_keeps_the_whole_grammar() -> None:
    text = "einundzwanzigste " + "x" * 280 + " Artikel 5"
    start = len(text) - len("Artikel 5")
    assert languages._grammar_for("de", text, start, len(text)) is languages._grammar("de")
    far = "einundzwanzigste " + "x" * 400 + " Artikel 5"
    start = len(far) - len("Artikel 5")
    assert languages._grammar_for("de", far, start, len(far)) is languages._grammar("de", compounds=False)


def test_a_language_without_joined_compounds_always_has_its_whole_grammar() -> None:
    assert languages._grammar_for("fr", "l'article 5", 0, 11) is languages._grammar("fr")
