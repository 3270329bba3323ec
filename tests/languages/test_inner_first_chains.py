# ruff: noqa: E501  (table rows hold whole sentences)
"""A subdivision chain written innermost first ("Buchstabe b des Absatzes 2") holds no prefix
for the next item of the list: "und Absatz 3 Buchstabe c" is paragraph 3's letter c, not a
letter b of paragraph 3 too. A chain written outermost first ("Absatz 1 Buchstaben a und b")
does give its paragraph to the letters listed after it. Made-up sentences in the shapes of
EU statute and judgment texts, German, French and Spanish."""

from __future__ import annotations

import pytest

import citecheck

DPD = "celex:31995L0046"
GDPR = "celex:32016R0679"

CHAINS = [
    # innermost first, then an item opening at the paragraph
    ("Buchstabe b des Absatzes 2 und Absatz 3 Buchstabe c des Artikels 6 der Richtlinie 95/46/EG",
     DPD, "art. 6(2)(b); art. 6(3)(c)"),
    ("Buchstabe b des Absatzes 2 sowie Absatz 3 Buchstaben c und d des Artikels 6 der Richtlinie 95/46/EG",
     DPD, "art. 6(2)(b); art. 6(3)(c); art. 6(3)(d)"),
    ("le point b) du paragraphe 2 et le paragraphe 3, point c), de l'article 6 du règlement (UE) 2016/679",
     GDPR, "art. 6(2)(b); art. 6(3)(c)"),
    ("la letra b) del apartado 2 y el apartado 3, letra c), del artículo 6 del Reglamento (UE) 2016/679",
     GDPR, "art. 6(2)(b); art. 6(3)(c)"),
    # rows that must keep working: outermost first, the paragraph shared by the letters
    ("Absatz 1 Buchstaben a und b des Artikels 6 der Richtlinie 95/46/EG",
     DPD, "art. 6(1)(a); art. 6(1)(b)"),
    ("le paragraphe 1, points a) et b) de l'article 6 du règlement (UE) 2016/679",
     GDPR, "art. 6(1)(a); art. 6(1)(b)"),
    ("el apartado 1, letras a) y b) del artículo 6 del Reglamento (UE) 2016/679",
     GDPR, "art. 6(1)(a); art. 6(1)(b)"),
    # ... and innermost first throughout
    ("las letras a) y b) del apartado 1 y la letra b) del apartado 2 del artículo 5 del Reglamento (UE) 2016/679",
     GDPR, "art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)"),
    ("Buchstabe b des Absatzes 2 und Buchstabe c des Absatzes 3 des Artikels 6 der Richtlinie 95/46/EG",
     DPD, "art. 6(2)(b); art. 6(3)(c)"),
]


@pytest.mark.parametrize(("text", "act", "pinpoint"), CHAINS)
def test_a_chain_written_innermost_first_holds_no_prefix(text: str, act: str, pinpoint: str) -> None:
    got = [(c.id, str(c.pinpoint)) for c in citecheck.extract(text) if c.id == act]
    assert got == [(act, pinpoint)]


#: a subparagraph or sentence is not in the canonical form; listed after a paragraph ("Absatz 1
#: und Unterabsatz 2 des Artikels 6") it is an item of its own, the article's or the paragraph's
#: named after it; listed after another subparagraph it stays in the paragraph last named
#: unless a new paragraph is named ("Unterabsatz 2 des Absatzes 1 und Unterabsatz 3 des
#: Artikels 6": the third subparagraph of the same paragraph 1, as German statutes write it)
SKIPPED_UNITS = [
    ("Unterabsatz 2 des Absatzes 1 und Unterabsatz 3 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1)"),
    ("Unterabsatz 2 des Absatzes 1 sowie Unterabsatz 4 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1)"),
    ("Unterabsatz 2 des Absatzes 1 und Unterabsatz 3 des Absatzes 2 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6(2)"),
    ("Unterabsatz 2 des Absatzes 1, Unterabsatz 3 des Absatzes 2 und Unterabsatz 4 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6(2)"),
    ("Satz 2 des Absatzes 1 und Satz 1 des Artikels 7 der Verordnung (EU) 2016/679",
     GDPR, "art. 7(1)"),
    # a new paragraph named between: the subparagraph after it is an item again
    ("Unterabsatz 2 des Absatzes 1 und Absatz 3 und Unterabsatz 2 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6(3); art. 6"),
    ("Satz 2 des Absatzes 1 und Absatz 2 des Artikels 7 der Verordnung (EU) 2016/679",
     GDPR, "art. 7(1); art. 7(2)"),
    ("Absatz 1 und Unterabsatz 2 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6"),
    # rows that must keep working: written after its paragraph, listed alone, or inside one
    # paragraph ("Satz 2 des Unterabsatzes 1 des Absatzes 4")
    ("Absatz 1 Unterabsatz 2 und Unterabsatz 3 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1)"),
    ("Unterabsätze 2 und 3 des Absatzes 1 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1)"),
    ("Unterabsatz 2 und Unterabsatz 3 des Absatzes 1 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1)"),
    ("Satz 2 des Unterabsatzes 1 des Absatzes 4 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(4)"),
    ("Unterabsatz 2 des Absatzes 1 und Absatz 3 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6(3)"),
    ("Absatz 1 und Unterabsatz 2 des Absatzes 3 des Artikels 6 der Verordnung (EU) 2016/679",
     GDPR, "art. 6(1); art. 6(3)"),
]


@pytest.mark.parametrize(("text", "act", "pinpoint"), SKIPPED_UNITS)
def test_a_subparagraph_listed_innermost_first_is_an_item(text: str, act: str, pinpoint: str) -> None:
    got = [(c.id, str(c.pinpoint)) for c in citecheck.extract(text) if c.id == act]
    assert got == [(act, pinpoint)]
