# ruff: noqa: E501  (table rows hold citation sentences)
"""An English judgment's paragraph written after its party names, the Court's note "not
published", its Reports reference or its own ECLI belongs to the case and to that ECLI: one
judgment, one citation (issue #14). Before, ``Case C-362/14, Schrems, para. 73`` gave the case no
paragraph and ``Case C-293/12 Digital Rights Ireland and Others, EU:C:2014:238, paragraph 52``
gave it to the ECLI only.

Made-up sentences in the shapes of the Court's and of academic English style (the forms of the
grammar's CJEU section and of English judgments); each positive row failed before. The negative
rows keep a paragraph away from a case it does not belong to: one after the next sentence, one
of an article ("paragraph 2 of Article 5"), one of another judgment ("paragraph 79 of the
judgment in"), one of a document cited in between.
"""

from __future__ import annotations

import pytest
from eu_cases import found
from un_language_cases import ascii_id

CASE, ECLI = "cjeu_case", "ecli"

POSITIVE: list[tuple[str, list[tuple[str, str, str]]]] = [
    # the party names right after the number, then the ECLI
    ("See Case C-293/12 Digital Rights Ireland and Others, EU:C:2014:238, paragraph 52.",
     [("case:C-293/12", CASE, "para. 52"), ("ecli:EU:C:2014:238", ECLI, "para. 52")]),
    # the party names after a comma
    ("See Case C-362/14, Schrems, para. 73.",
     [("case:C-362/14", CASE, "para. 73")]),
    ("As held in Case C-131/12, Google Spain and Google, paragraphs 80 to 81, the right applies.",
     [("case:C-131/12", CASE, "paras. 80-81")]),
    # names and ECLI, in brackets
    ("(Case C-293/12, Digital Rights Ireland, EU:C:2014:238, paras 52 to 54)",
     [("case:C-293/12", CASE, "paras. 52-54"), ("ecli:EU:C:2014:238", ECLI, "paras. 52-54")]),
    ("Digital Rights Ireland (C-293/12, EU:C:2014:238, paragraph 52).",
     [("case:C-293/12", CASE, "para. 52"), ("ecli:EU:C:2014:238", ECLI, "para. 52")]),
    # the Court's own form: names before the number, as before
    ("judgment of 16 July 2020, Facebook Ireland and Schrems, C-311/18, EU:C:2020:559, paragraph 42",
     [("case:C-311/18", CASE, "para. 42"), ("ecli:EU:C:2020:559", ECLI, "para. 42")]),
    # "not published" between the number and the ECLI (Curia's line breaks kept)
    ("judgment of 5 June 2015, Commission v Spain, C\u2011682/13\u00a0P\n, not published,\nEU:C:2015:356\n, paragraph \n25).",
     [("case:C-682/13 P", CASE, "para. 25"), ("ecli:EU:C:2015:356", ECLI, "para. 25")]),
    ("order of 3 September 2013, Idromacchine, C-34/12 P, not published, EU:C:2013:552, paragraphs 80 and 81",
     [("case:C-34/12 P", CASE, "para. 80; para. 81"), ("ecli:EU:C:2013:552", ECLI, "para. 80; para. 81")]),
    # the ECLI right after the number, without a comma, or in brackets
    ("judgment in C-5/08 EU:C:2009:465, paragraphs 56 to 58",
     [("case:C-5/08", CASE, "paras. 56-58"), ("ecli:EU:C:2009:465", ECLI, "paras. 56-58")]),
    ("the judgment in Case T-462/13 (EU:T:2015:902), paragraph 79, is final",
     [("case:T-462/13", CASE, "para. 79"), ("ecli:EU:T:2015:902", ECLI, "para. 79")]),
    # joined cases: every case takes the paragraph
    ("Joined Cases C-293/12 and C-594/12 Digital Rights Ireland and Others, paragraph 52",
     [("case:C-293/12", CASE, "para. 52"), ("case:C-594/12", CASE, "para. 52")]),
    # the European Court Reports: "[1990] ECR I-2433", before 1989 "[1986] ECR 89"
    ("Case C-213/89 Factortame [1990] ECR I-2433, paragraph 19.",
     [("case:C-213/89", CASE, "para. 19")]),
    ("Case 52/84 Commission v Belgium [1986] ECR 89, paragraph 5.",
     [("case:52/84", CASE, "para. 5")]),
    ("Case C-402/05 P, Kadi v. Council, [2008] ECR I-6351, paras 281 to 284.",
     [("case:C-402/05 P", CASE, "paras. 281-284")]),
    # a paragraph "of which" / "of the judgment" closing the clause is the judgment just cited
    ("See Case C-362/14 Schrems, EU:C:2015:650, paragraph 73 of the judgment.",
     [("case:C-362/14", CASE, "para. 73"), ("ecli:EU:C:2015:650", ECLI, "para. 73")]),
    ("See Case C-362/14 Schrems, EU:C:2015:650, paragraph 73 of which concerns Article 25.",
     [("case:C-362/14", CASE, "para. 73"), ("ecli:EU:C:2015:650", ECLI, "para. 73")]),
    # a party name right after the number: capitalised words and their connectors
    ("See Case C-1/10 Siemens AG v Commission, paragraph 5.",
     [("case:C-1/10", CASE, "para. 5")]),
    # an opinion of the Court: its ECLI takes the paragraph (as before)
    ("Opinion 1/15 (EU-Canada PNR Agreement) of 26 July 2017, EU:C:2017:592, paragraph 123",
     [("ecli:EU:C:2017:592", ECLI, "para. 123")]),
]

NEGATIVE: list[tuple[str, list[tuple[str, str, str]]]] = [
    # the next sentence's paragraph
    ("See Case C-362/14 Schrems. Digital Rights Ireland, paragraph 52, says otherwise.",
     [("case:C-362/14", CASE, "")]),
    ("See Case C-362/14 Schrems. The Court in paragraph 5 held so.",
     [("case:C-362/14", CASE, "")]),
    # a paragraph of an article, or of another judgment
    ("Case C-362/14 Schrems, paragraph 2 of Article 5 applies.",
     [("case:C-362/14", CASE, "")]),
    ("Case C-362/14, Schrems, EU:C:2015:650, paragraph 2 of Article 25 of the Directive",
     [("case:C-362/14", CASE, ""), ("ecli:EU:C:2015:650", ECLI, "")]),
    # ... also after a list or range of paragraphs (no shorter list before "of" is read)
    ("See Case C-362/14, Schrems, paragraphs 73 and 74 of the judgment in Case C-311/18.",
     [("case:C-362/14", CASE, ""), ("case:C-311/18", CASE, "para. 73; para. 74")]),
    ("See Case C-362/14 Schrems, paragraph 73 to 75 of the judgment in Case C-311/18.",
     [("case:C-362/14", CASE, ""), ("case:C-311/18", CASE, "paras. 73-75")]),
    ("See Case C-362/14, Schrems, paragraphs 73, 74 and 75 of Regulation 2016/679.",
     [("case:C-362/14", CASE, ""), ("celex:32016R0679", "eu_act", "")]),
    ("Case T-462/13, Comune di Milano, EU:T:2015:902, paragraphs 62 and 63 of the judgment in Case T-465/13",
     [("case:T-462/13", CASE, ""), ("ecli:EU:T:2015:902", ECLI, ""), ("case:T-465/13", CASE, "para. 62; para. 63")]),
    ("Urteil C-362/14, Schrems, Rn. 73 und 74 des Urteils C-311/18.",
     [("case:C-362/14", CASE, ""), ("case:C-311/18", CASE, "para. 73; para. 74")]),
    # ... but not "of the judgment in" another case
    ("See Case C-362/14 Schrems, EU:C:2015:650, paragraph 73 of the judgment in Case C-311/18.",
     [("case:C-362/14", CASE, ""), ("ecli:EU:C:2015:650", ECLI, ""), ("case:C-311/18", CASE, "para. 73")]),
    # an Advocate General's Opinion between the case and the paragraph: the Opinion's point
    ("See Case C-362/14 Advocate General Bot, paragraph 73.",
     [("case:C-362/14", CASE, "")]),
    ("See Case C-362/14, Schrems, Opinion of Advocate General Bot, paragraph 73.",
     [("case:C-362/14", CASE, "")]),
    ("Urteil C-362/14, Schrems, Schlussanträge des Generalanwalts Bot, Rn. 73.",
     [("case:C-362/14", CASE, "")]),
    # a clause right after the number is no party name
    ("In Case C-362/14 Ireland argued, paragraph 73, that it was right.",
     [("case:C-362/14", CASE, "")]),
    ("In Case C-362/14 Ireland and the Commission agreed, paragraph 73, that it was so.",
     [("case:C-362/14", CASE, "")]),
    # a document cited between them takes its own paragraph
    ("Case C-362/14, Schrems, A/HRC/27/37, paragraph 5.",
     [("case:C-362/14", CASE, ""), ("un:A/HRC/27/37", "un_document", "para. 5")]),
    # another case between them takes its own paragraph
    ("Case C-362/14 Schrems; see also Case C-293/12, paragraph 3.",
     [("case:C-362/14", CASE, ""), ("case:C-293/12", CASE, "para. 3")]),
    # a word that does not number a judgment's paragraphs
    ("Case C-362/14, Schrems, Article 5 applies.",
     [("case:C-362/14", CASE, "")]),
    ("Case C-362/14, Schrems, page 5.",
     [("case:C-362/14", CASE, "")]),
    # a lower-case word is prose, not a party name
    ("In Case C-362/14 the Court held, in paragraph 94, that this was so.",
     [("case:C-362/14", CASE, "")]),
]

ROWS = [*POSITIVE, *NEGATIVE]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[ascii_id(r[0], 50) for r in ROWS])
def test_english_judgment_paragraph_after_names(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected
