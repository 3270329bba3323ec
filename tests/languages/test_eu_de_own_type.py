# ruff: noqa: E501  (table rows hold whole texts)
"""The type of a German act's own number closing its title: the enacting formula (``HAT FOLGENDE
ENTSCHEIDUNG ERLASSEN``) names the act itself and wins over ``dieser Richtlinie``, which in a
German preamble usually points back to the act just cited; ``folgende`` outside the formula
(``Es sind folgende Verordnungen anzuwenden``) names no type. Made-up texts in the shape of
EUR-Lex's German acts."""

from __future__ import annotations

import pytest
from eu_cases import found

TITLE = "ENTSCHEIDUNG DER KOMMISSION\nvom 7. Februar 1994\nüber bestimmte Ausgaben im Veterinärbereich\n"
UNTYPED = "über bestimmte Ausgaben im Veterinärbereich\n(94/77/EG)\n"
OPENING = "gestützt auf den Vertrag zur Gründung der Europäischen Gemeinschaft,\n"

ROWS = [
    # the review's repro: a decision citing "Artikel 10 dieser Richtlinie"
    (UNTYPED + OPENING + "gestützt auf die Richtlinie 90/425/EWG des Rates, insbesondere auf Artikel 10 dieser Richtlinie,\nin Erwägung nachstehender Gründe:\nDie Maßnahmen sind erforderlich.\nHAT FOLGENDE ENTSCHEIDUNG ERLASSEN:\nArtikel 1\n", "celex:31994D0077"),
    (UNTYPED + OPENING + "in Erwägung nachstehender Gründe:\nGemäß Artikel 5 dieser Richtlinie sind Maßnahmen zu treffen.\nHAT FOLGENDE ENTSCHEIDUNG ERLASSEN:\n", "celex:31994D0077"),
    (UNTYPED + OPENING + "in Erwägung nachstehender Gründe:\nEs sind folgende Verordnungen anzuwenden.\nHAT FOLGENDE ENTSCHEIDUNG ERLASSEN:\n", "celex:31994D0077"),
    (UNTYPED + OPENING + "in Erwägung nachstehender Gründe:\nDie Maßnahmen sind erforderlich.\nHABEN FOLGENDE RICHTLINIE ERLASSEN:\n", "celex:31994L0077"),
    # no formula in reach: the act's own words name it ("Diese Richtlinie gilt")
    (UNTYPED + OPENING + "\n(1) Diese Richtlinie gilt für Tierärzte.", "celex:31994L0077"),
    # a title's type word comes first
    (TITLE + "(94/77/EG)\n" + OPENING + "gemäß Artikel 10 dieser Richtlinie,\n", "celex:31994D0077"),
]


@pytest.mark.parametrize(("text", "own"), ROWS)
def test_the_enacting_formula_names_the_act(text: str, own: str) -> None:
    got = found(text)
    assert got and got[0][0] == own, got
