# ruff: noqa: E501  (table rows hold citation sentences)
"""French and Spanish words between the parts of a pinpoint: ``à``/``aux``/``en``/``dans`` join a
list only after a list word (``et aux annexes II et III``, ``y en el artículo 7``) or before a
unit word (``au paragraphe 2``, ``en son point 3``), so ``article 5 en 2`` is no list; ``au`` between numbers is a range (``articles 5 au 7``, as Spanish ``al``);
a point's letter with its own word between commas is that point's (``le point 1, sous a), de
l'annexe I``). Made-up sentences in the shapes of EU acts: each gives the act's pinpoint."""

from __future__ import annotations

import pytest
from eu_cases import found

R = "du règlement (CE) n° 1234/2007"
ES_R = "del Reglamento (CE) n.º 1234/2007"

ROWS = [
    # "en"/"dans" with no list word before them join nothing
    ("le règlement (CE) n° 1234/2007, article 5 en 2", "art. 5"),
    # after a list word they do
    (f"à l'article 6 et aux annexes II et III {R}, les", "art. 6; annex II; annex III"),
    (f"conformément aux articles 12 et 13 ainsi qu'à l'annexe II {R}", "art. 12; art. 13; annex II"),
    (f"à l'article 6, paragraphes 1 et 3, et à l'article 7 {R}, les", "art. 6(1); art. 6(3); art. 7"),
    (f"le paragraphe 2 de l'article 6 et dans l'article 7 {R}, les", "art. 6(2); art. 7"),
    (f"el apartado 2 del artículo 6 y en el artículo 7 {ES_R}, los", "art. 6(2); art. 7"),
    # before a unit word (with its determiner) they join too: a preposition naming a part
    (f"l'article 5, au paragraphe 2, {R}", "art. 5(2)"),
    (f"l'article 5, aux points a) et b), {R}", "art. 5(a); art. 5(b)"),
    (f"l'article 2, en son point 3, {R}", "art. 2(3)"),
    (f"le point 3 dans l'annexe II {R}", "annex II, point 3"),
    # "au" between numbers: a range
    (f"les articles 5 au 7 {R}", "arts. 5-7"),
    (f"les articles 5 à 7 {R}", "arts. 5-7"),
    (f"los artículos 5 al 7 {ES_R}", "arts. 5-7"),
    # a point's letter between commas, with its own word, is the point's
    (f"le point 1, sous a), de l'annexe I {R}", "annex I, point 1(a)"),
    (f"el punto 1, letra a), del anexo I {ES_R}", "annex I, point 1(a)"),
    (f"le point 45 sous c) de l'annexe I {R}", "annex I, point 45(c)"),
    (f"à l'annexe II, point 1, sous a), {R}, les", "annex II, point 1(a)"),
    # Plural "articles": a lawyer reads "les articles 6, paragraphe 1, et 2" as two articles,
    # article 6(1) and article 2 (a second paragraph of article 6 would be "l'article 6,
    # paragraphes 1 et 2"); the same after "6 et 7, paragraphe 1,".
    (f"les articles 6, paragraphe 1, et 2 {R}", "art. 6(1); art. 2"),
    (f"les articles 6 et 7, paragraphe 1, et 2 {R}", "art. 6; art. 7(1); art. 2"),
    (f"l'article 6, paragraphes 1 et 2, {R}", "art. 6(1); art. 6(2)"),
]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_joiners_and_ranges(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[1] == "eu_act"]
    assert got, f"no act in {text!r}"
    assert got[0][2] == pinpoint
