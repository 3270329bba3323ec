# ruff: noqa: E501  (table rows hold citation sentences)
"""A paragraph after a list of case numbers belongs to every case of the list and to the ECLI
cited with it, whatever the language joins the numbers with ("and", "und", "et", "y"): German,
French and Spanish once gave it to the last case only (``verb. Rs. C-293/12 und C-594/12
(Digital Rights Ireland), Rn. 52``). Made-up sentences in the shapes courts write, with rows
that must not change."""

from __future__ import annotations

import pytest
from eu_cases import found

DRI = [("case:C-293/12", "cjeu_case"), ("case:C-594/12", "cjeu_case")]
ECLI = [("ecli:EU:C:2014:238", "ecli")]

ROWS = [
    # every case of the list, and its ECLI, takes the paragraph
    (
        "EuGH, verb. Rs. C-293/12 und C-594/12 (Digital Rights Ireland), Rn. 52, gilt.",
        DRI,
        "para. 52",
    ),
    (
        "EuGH, Urteil vom 8. April 2014, C-293/12 und C-594/12, EU:C:2014:238, Rn. 52.",
        DRI + ECLI,
        "para. 52",
    ),
    (
        "EuGH, verb. Rs. C-293/12 und C-594/12, Digital Rights Ireland, Rn. 52 und 53.",
        DRI,
        "para. 52; para. 53",
    ),
    ("affaires jointes C-293/12 et C-594/12, point 52.", DRI, "para. 52"),
    (
        "arrêt du 8 avril 2014, Digital Rights Ireland e.a. (C-293/12 et C-594/12, EU:C:2014:238, point 52)",
        DRI + ECLI,
        "para. 52",
    ),
    ("asuntos acumulados C-293/12 y C-594/12, apartado 52.", DRI, "para. 52"),
    ("sentencia (C-293/12 y C-594/12, EU:C:2014:238, apartado 52)", DRI + ECLI, "para. 52"),
    ("Joined Cases C-293/12 and C-594/12, EU:C:2014:238, para. 52.", DRI + ECLI, "para. 52"),
    ("Joined Cases C-293/12 and C-594/12, para. 52.", DRI, "para. 52"),
    # negative: a list of separate cases is read as English reads it (one list, one paragraph)
    (
        "See C-1/10 and C-2/10, para. 5.",
        [("case:C-1/10", "cjeu_case"), ("case:C-2/10", "cjeu_case")],
        "para. 5",
    ),
    (
        "Siehe C-1/10 und C-2/10, Rn. 5.",
        [("case:C-1/10", "cjeu_case"), ("case:C-2/10", "cjeu_case")],
        "para. 5",
    ),
    # negative: no paragraph, none taken; a list word before another number joins nothing
    (
        "Die Urteile C-1/10 und C-2/10 sind ergangen.",
        [("case:C-1/10", "cjeu_case"), ("case:C-2/10", "cjeu_case")],
        "",
    ),
    ("l'arrêt C-1/10 et 12 autres, point 5.", [("case:C-1/10", "cjeu_case")], ""),
    (
        "la sentencia C-1/10 y la Directiva 2004/38/CE, apartado 5.",
        [("case:C-1/10", "cjeu_case")],
        "",
    ),
    # English with a party name between the cases and the paragraph: every case takes it (the
    # judgment's paragraph after its party names, as in German)
    ("See Joined Cases C-293/12 and C-594/12, Digital Rights Ireland, para. 52.", DRI, "para. 52"),
]


@pytest.mark.parametrize(("text", "ids", "pinpoint"), ROWS)
def test_paragraph_after_a_list_of_cases(
    text: str, ids: list[tuple[str, str]], pinpoint: str
) -> None:
    got = {(i, kind): pin for i, kind, pin in found(text) if kind in ("cjeu_case", "ecli")}
    assert set(got) == set(ids)
    assert all(pin == pinpoint for pin in got.values()), got


def test_one_span_for_the_list() -> None:
    text = "affaires jointes C-293/12 et C-594/12, point 52."
    from citecheck import extract

    spans = {(c.start, c.end) for c in extract(text) if c.kind.value == "cjeu_case"}
    assert spans == {(text.index("C-293"), text.index(", point 52") + len(", point 52"))}
