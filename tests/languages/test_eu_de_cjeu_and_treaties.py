# ruff: noqa: E501  (table rows hold whole citation sentences)
"""German CJEU citations and treaty/Charter articles (issue #14, item 2): the treaty names in
the genitive (``des Vertrags über die Arbeitsweise der Europäischen Union``), ``EU-Vertrag``,
``EU-Grundrechtecharta``, ``GRCh``, ``Art.`` before a German name, a name without an article
before it (``gestützt auf den Vertrag über die Europäische Union, insbesondere auf Artikel
34``), a judgment's ``Rn.`` after the party name or the ``Slg.`` reference, and an act written
right after an article's pinpoint (``Art. 6 Abs. 1 lit. a Verordnung (EU) 2016/679``), and
``sowie`` as a list word.

Sentences made up in the German court and statute styles; each positive row failed before.
The negative rows are ordinary German prose and German statutes, which stay uncited.
"""

from __future__ import annotations

import pytest
from eu_cases import found
from un_language_cases import ascii_id

INST, CASE, ECLI, ACT = "instrument", "cjeu_case", "ecli", "eu_act"

TREATIES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # the Charter: full name, "EU-Grundrechtecharta", "GRCh", "die Charta", after "Art."
    ("Dies verstößt gegen Art. 47 der Charta der Grundrechte der Europäischen Union.",
     [("instrument:cfr", INST, "art. 47")]),
    ("Das Recht aus Art. 20 der EU-Grundrechtecharta gilt.",
     [("instrument:cfr", INST, "art. 20")]),
    ("Nach Art. 47 Abs. 2 GRCh hat jede Person ein Recht auf ein faires Verfahren.",
     [("instrument:cfr", INST, "art. 47(2)")]),
    ("Art. 8 der Charta schützt personenbezogene Daten.",
     [("instrument:cfr", INST, "art. 8")]),
    # the Treaties: genitive names, "EU-Vertrag", "AEU-Vertrag"
    ("Vorlage nach Artikel 267 des Vertrags über die Arbeitsweise der Europäischen Union.",
     [("instrument:tfeu", INST, "art. 267")]),
    ("Maßnahmen nach Art. 78 Abs. 3 des Vertrages über die Arbeitsweise der Europäischen Union.",
     [("instrument:tfeu", INST, "art. 78(3)")]),
    ("Die in Artikel 6 des Vertrages über\ndie Europäische Union enthaltenen Grundsätze.",
     [("instrument:teu", INST, "art. 6")]),
    ("Die Werte des Art. 2 EU-Vertrag gelten.",
     [("instrument:teu", INST, "art. 2")]),
    ("Die Vorlage nach Art. 267 AEU-Vertrag ist zulässig.",
     [("instrument:tfeu", INST, "art. 267")]),
    ("Art. 6 Abs. 1 EMRK gewährt ein faires Verfahren.",
     [("instrument:echr", INST, "art. 6(1)")]),
    # a full name without an article before it, the pinpoint after it
    ("gestützt auf den Vertrag über die Europäische Union, insbesondere auf Artikel 34 Absatz 2,",
     [("instrument:teu", INST, "art. 34(2)")]),
    ("gestützt auf den Vertrag über die Arbeitsweise der Europäischen Union, insbesondere auf Artikel 16,",
     [("instrument:tfeu", INST, "art. 16")]),
    ("Sie achtet die in der Charta der Grundrechte der Europäischen Union anerkannten Grundsätze.",
     [("instrument:cfr", INST, "")]),
]

COURT: list[tuple[str, list[tuple[str, str, str]]]] = [
    # German court style: the party name, then the judgment's paragraph
    ("EuGH, Urteil vom 6.10.2015 – C-362/14, Schrems, Rn. 73.",
     [("case:C-362/14", CASE, "para. 73")]),
    ("EuGH, Urteil vom 16.7.2020, C‑311/18, Facebook Ireland und Schrems, Randnrn. 40 bis 42.",
     [("case:C-311/18", CASE, "paras. 40-42")]),
    ("EuGH, Urteil vom 5.3.2009, C-1/08, Kommission/Belgien, Randnummer 12.",
     [("case:C-1/08", CASE, "para. 12")]),
    ("EuGH, Urteil vom 16.7.2020, C-311/18, Rn. 40 sowie 42.",
     [("case:C-311/18", CASE, "para. 40; para. 42")]),
    # the European Court Reports ("Slg.") between the case and the paragraph
    ("EuGH, Urteil vom 3. Mai 2007, Rs. C-303/05, Slg. 2007, I-3633, Rn. 45.",
     [("case:C-303/05", CASE, "para. 45")]),
    ("EuGH, Urteil vom 3. Mai 2007, C-303/05, Advocaten voor de Wereld, Slg. I-3633, Rn. 45.",
     [("case:C-303/05", CASE, "para. 45")]),
]

ACTS: list[tuple[str, list[tuple[str, str, str]]]] = [
    # statute style: the act right after the article's pinpoint, without "der"
    ("Die Einwilligung nach Art. 6 Abs. 1 lit. a Verordnung (EU) 2016/679 ist freiwillig.",
     [("celex:32016R0679", ACT, "art. 6(1)(a)")]),
    ("Die Einwilligung nach Art. 6 Abs. 1 Buchstabe a) Verordnung (EU) 2016/679 ist freiwillig.",
     [("celex:32016R0679", ACT, "art. 6(1)(a)")]),
    ("Gemäß Artikel 12 Richtlinie 95/46/EG hat die Person ein Auskunftsrecht.",
     [("celex:31995L0046", ACT, "art. 12")]),
    # "sowie" lists as "und" does
    ("Die Pflichten aus Artikel 12 sowie Artikel 14 der Verordnung (EU) 2016/679 gelten.",
     [("celex:32016R0679", ACT, "art. 12; art. 14")]),
    ("Nach Art. 5 Abs. 1 sowie Abs. 3 der Richtlinie 2014/65/EU gilt dies.",
     [("celex:32014L0065", ACT, "art. 5(1); art. 5(3)")]),
]

#: Ordinary German prose and German statutes: no EU instrument, no pinpoint of a case.
NEGATIVE: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Die Würde des Menschen ist nach Art. 1 GG unantastbar; Art. 3 GG bleibt unberührt.", []),
    ("Die Verarbeitung nach § 3 BDSG ist zulässig.", []),
    ("Siehe oben Rn. 42 und Nr. 42 dieser Stellungnahme.", []),
    ("Wie unter Nr. 42 dargestellt, bleibt Abs. 3 unberührt.", []),
    # the UN Charter, not the EU Charter ("die Charta" alone)
    ("Die Ziele des Art. 20 der Charta der Vereinten Nationen.",
     [("instrument:un-charter", "instrument", "art. 20")]),
    ("Artikel 54 Absatz 3 Buchstabe g) des Vertrages über die Zulassung der Prüfer.", []),
    ("Der Vertrag über die Lieferung von Waren ist nach § 433 BGB wirksam.", []),
    # a case followed by prose, not by a judgment's paragraph word
    ("EuGH, Urteil vom 13.5.2014, C-131/12, Google Spain, Abs. 3 der Entscheidung.",
     [("case:C-131/12", CASE, "")]),
    ("EuGH, Urteil vom 13.5.2014, C-131/12, Google Spain, Nr. 3 der Gründe.",
     [("case:C-131/12", CASE, "")]),
    # "Die" after a pinpoint starts a new sentence: the act's pinpoint it is not
    ("geändert durch Artikel 7 Absatz 5 und Artikel 28,\nDie Verordnung (EWG) Nr. 1362/87 wird geändert.",
     [("celex:31987R1362", ACT, "")]),
]

ROWS = [*TREATIES, *COURT, *ACTS, *NEGATIVE]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[ascii_id(r[0], 50) for r in ROWS])
def test_german_cjeu_treaties_and_statute_style(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


def test_the_english_forms_keep_their_readings() -> None:
    """The German words read nothing new in English court style; the English judgment words
    (not the German ones) give the paragraph after the party name and ECLI to the case too."""
    assert found("Article 47 of the Charter of Fundamental Rights of the European Union.") == [
        ("instrument:cfr", INST, "art. 47")
    ]
    assert found("Case C-362/14 Schrems, EU:C:2015:650, paragraph 73.") == [
        ("case:C-362/14", CASE, "para. 73"),
        ("ecli:EU:C:2015:650", ECLI, "para. 73"),
    ]
