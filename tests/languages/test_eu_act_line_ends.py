"""An EU act whose number word ("No", "n°", "n.º", "Nr.") ends a line is still read, in every language.

Why: plain text and PDF extraction break lines anywhere; German "Nr.\\n" was read, English, French
and Spanish "No\\n" were not."""

from __future__ import annotations

import pytest

import citecheck

WRAPPED = [
    ("Council Regulation (EC) No\n1049/2001 applies.", "celex:32001R1049"),
    ("Council Regulation (EC) No \n   1049/2001 applies.", "celex:32001R1049"),
    ("Regulation (EEC) No.\n1408/71 applies.", "celex:31971R1408"),
    ("Voir le règlement (CE) n°\n1049/2001 du Conseil.", "celex:32001R1049"),
    ("Véase el Reglamento (CE) n.º\n1049/2001 del Consejo.", "celex:32001R1049"),
    ("Verordnung (EG) Nr.\n1049/2001 des Rates.", "celex:32001R1049"),
]

NOT_ACTS = [
    # a paragraph break between the number word and the number ends the reference
    "Council Regulation (EC) No\n\n1049/2001 applies.",
    # the number word alone at a line end, no number after it
    "The Regulation (EC) No\nlonger applies.",
]


@pytest.mark.parametrize(("text", "cid"), WRAPPED)
def test_number_word_at_line_end(text: str, cid: str) -> None:
    assert [c.id for c in citecheck.extract(text)] == [cid]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_no_act_across_a_paragraph_or_without_number(text: str) -> None:
    assert [c.id for c in citecheck.extract(text) if c.id.startswith("celex:")] == []
