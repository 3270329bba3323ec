# ruff: noqa: E501  (table rows hold whole citation sentences)
"""CJEU orders, opinions of the Court and Advocates General's opinions as cited in French,
Spanish, German and English: the ECLI after an order or opinion ends the sentence, ranges of
paragraphs in the language, an opinion's "point"/"punto"/"Nr.", a pinpoint after a closing
parenthesis. Opinions of the Court ("avis 2/13") have no id form of their own: only their ECLI
is a citation.

Sentences written for these tests in the Court's style; each row failed before.
"""

from __future__ import annotations

import pytest
from eu_cases import found
from un_language_cases import ascii_id

CASE, ECLI = "cjeu_case", "ecli"

CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # orders: the ECLI that ends the sentence
    ("Voir ordonnance du 3 mai 2019, X, C‑123/18, EU:C:2019:300.",
     [("case:C-123/18", CASE, ""), ("ecli:EU:C:2019:300", ECLI, "")]),
    ("Véase el auto de 3 de mayo de 2019, X, C‑123/18, no publicado, EU:C:2019:300.",
     [("case:C-123/18", CASE, ""), ("ecli:EU:C:2019:300", ECLI, "")]),
    ("Siehe Beschluss vom 3. Mai 2019, X, C‑123/18, EU:C:2019:300.",
     [("case:C-123/18", CASE, ""), ("ecli:EU:C:2019:300", ECLI, "")]),
    ("See order of 3 May 2019, X, C-123/18, EU:C:2019:300.",
     [("case:C-123/18", CASE, ""), ("ecli:EU:C:2019:300", ECLI, "")]),
    # opinions of the Court: the ECLI only
    ("Voir l'avis 2/13 de la Cour, EU:C:2014:2454.",
     [("ecli:EU:C:2014:2454", ECLI, "")]),
    ("Véase el dictamen 1/15 del Tribunal de Justicia, EU:C:2017:592.",
     [("ecli:EU:C:2017:592", ECLI, "")]),
    ("Siehe Gutachten 2/13 des Gerichtshofs, EU:C:2014:2454.",
     [("ecli:EU:C:2014:2454", ECLI, "")]),
    ("Voir l'avis 1/15 de la Cour.", []),
    # ranges of a judgment's paragraphs in the language, read to their end
    ("arrêt du 16 juillet 2020, Facebook Ireland et Schrems, C‑311/18, EU:C:2020:559, points 40 à 42",
     [("case:C-311/18", CASE, "paras. 40-42"), ("ecli:EU:C:2020:559", ECLI, "paras. 40-42")]),
    ("arrêt du 16 juillet 2020, Facebook Ireland et Schrems, C‑311/18, EU:C:2020:559, points 40 et 42",
     [("case:C-311/18", CASE, "para. 40; para. 42"), ("ecli:EU:C:2020:559", ECLI, "para. 40; para. 42")]),
    ("sentencia de 16 de julio de 2020, Facebook Ireland y Schrems, C‑311/18, EU:C:2020:559, apartados 40 a 42",
     [("case:C-311/18", CASE, "paras. 40-42"), ("ecli:EU:C:2020:559", ECLI, "paras. 40-42")]),
    ("Urteil vom 16. Juli 2020, Facebook Ireland und Schrems, C‑311/18, EU:C:2020:559, Rn. 40 bis 42",
     [("case:C-311/18", CASE, "paras. 40-42"), ("ecli:EU:C:2020:559", ECLI, "paras. 40-42")]),
    # Advocates General's opinions: "point"/"punto"/"Nr." are the opinion's paragraphs
    ("conclusions de l'avocat général Saugmandsgaard Øe dans l'affaire Facebook Ireland et Schrems (C‑311/18, EU:C:2019:1145), point 42",
     [("case:C-311/18", CASE, "para. 42"), ("ecli:EU:C:2019:1145", ECLI, "para. 42")]),
    ("conclusiones del Abogado General Saugmandsgaard Øe presentadas en el asunto Facebook Ireland y Schrems, C‑311/18, EU:C:2019:1145, punto 42",
     [("case:C-311/18", CASE, "para. 42"), ("ecli:EU:C:2019:1145", ECLI, "para. 42")]),
    ("Schlussanträge des Generalanwalts Saugmandsgaard Øe in der Rechtssache Facebook Ireland und Schrems, C‑311/18, EU:C:2019:1145, Nr. 42",
     [("case:C-311/18", CASE, "para. 42"), ("ecli:EU:C:2019:1145", ECLI, "para. 42")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[ascii_id(c[0], 45) for c in CASES])
def test_orders_and_opinions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["See EU:C:2019:300.html for the text.", "EU:C:2019:300.5 is no ECLI."],
)
def test_a_full_stop_glued_to_more_characters_is_not_the_end_of_an_ecli(text: str) -> None:
    assert not [c for c in found(text) if c[0] == "ecli:EU:C:2019:300"]
