# ruff: noqa: E501  (table rows hold whole sentences)
"""Lists of Official Journal issues as German statutes (BGBl/juris styles) and EUR-Lex write
them: a corrigendum named in words, issues listed without their date or with the number word,
the year written first where it changes. Made-up passages in the shapes these texts use; the
negative rows keep an ``L 1`` or ``C 5`` that no list holds from being read as an issue."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract

FIRST = ("oj:L/2013/176/p1", "oj", "")
SECOND = ("oj:L/2013/208/p68", "oj", "")
LISTED = ("oj:L/?/208/p68", "oj", "")

LISTS = [
    # 1. a corrigendum named in words, in each language
    ("(ABl. L 176 vom 27.6.2013, S. 1, berichtigt in L 208 vom 2.8.2013, S. 68)", [FIRST, SECOND]),
    ("(ABl. L 176 vom 27.6.2013, S. 1, berichtigt durch L 208 vom 2.8.2013, S. 68)", [FIRST, SECOND]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; berichtigt L 208 vom 2.8.2013, S. 68)", [FIRST, SECOND]),
    ("(ABl. L 176 vom 27.6.2013, S. 1, ber. L 208 vom 2.8.2013, S. 68)", [FIRST, SECOND]),
    ("(JO L 176 du 27.6.2013, p. 1, rectifié par L 208 du 2.8.2013, p. 68)", [FIRST, SECOND]),
    ("(JO L 176 du 27.6.2013, p. 1, rectifié par JO L 208 du 2.8.2013, p. 68)", [FIRST, SECOND]),
    ("(DO L 176 de 27.6.2013, p. 1, corrección de errores en L 208 de 2.8.2013, p. 68)", [FIRST, SECOND]),
    # 2. issues listed without their date are read, their year unknown ("?"): a corrigendum or
    # amendment listed after the act's issue is often of a later year
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 208 S. 68)", [FIRST, LISTED]),
    ("Richtlinie 2013/36/EU vom 26. Juni 2013 (ABl. L 176 S. 1; L 208 S. 68)",
     [("celex:32013L0036", "eu_act", ""), FIRST, LISTED]),
    ("Verordnung (EU) 2016/679 (ABl. L 119 vom 4.5.2016, S. 1; ber. ABl. L 127 S. 2)",
     [("celex:32016R0679", "eu_act", ""), ("oj:L/2016/119/p1", "oj", ""), ("oj:L/?/127/p2", "oj", "")]),
    ("Verordnung (EU) 2016/679 (ABl. L 119 vom 4.5.2016, S. 1, ber. L 127 S. 2)",
     [("celex:32016R0679", "eu_act", ""), ("oj:L/2016/119/p1", "oj", ""), ("oj:L/?/127/p2", "oj", "")]),
    ("(ABl. EU 2004 Nr. L 16 S. 44; L 132 S. 1)", [("oj:L/2004/16/p44", "oj", ""), ("oj:L/?/132/p1", "oj", "")]),
    ("(ABl. L 176 S. 1; L 208 S. 68)", [("oj:L/?/176/p1", "oj", ""), ("oj:L/?/208/p68", "oj", "")]),
    ("(ABl. EU Nr. L 176 S. 1, Nr. L 208 S. 68)", [("oj:L/?/176/p1", "oj", ""), ("oj:L/?/208/p68", "oj", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 208, S. 68 - 70)", [FIRST, LISTED]),
    # a lower number or another series: unknown too
    ("(ABl. L 176 vom 27.6.2013, S. 1; L 20 S. 3)", [FIRST, ("oj:L/?/20/p3", "oj", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; C 208 S. 3)", [FIRST, ("oj:C/?/208/p3", "oj", "")]),
    # the list may repeat the name: still no year of its own
    ("(ABl. L 176 vom 27.6.2013, S. 1; ABl. L 208 S. 68)", [FIRST, LISTED]),
    ("(ABl. L 176 vom 27.6.2013, S. 1, berichtigt im ABl. L 208 S. 68)", [FIRST, LISTED]),
    ("(ABl. L 176 vom 27.6.2013, S. 1). ABl. L 208 S. 68", [FIRST, ("oj:L/?/208/p68", "oj", "")]),
    # the act's date gives the year of the first issue only
    ("Richtlinie 2013/36/EU vom 26. Juni 2013 (ABl. L 20 S. 1; L 208 S. 68)",
     [("celex:32013L0036", "eu_act", ""), ("oj:L/?/20/p1", "oj", ""), LISTED]),
    # 3. the number word before a listed issue
    ("(ABl. L 176 vom 27.6.2013, S. 1, Nr. L 208 vom 2.8.2013, S. 68)", [FIRST, SECOND]),
    # 4. the year written first where it changes (juris/FNA style)
    ("(ABl. EU 2004 Nr. L 16 S. 44; 2005 Nr. L 289 S. 15)",
     [("oj:L/2004/16/p44", "oj", ""), ("oj:L/2005/289/p15", "oj", "")]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; 2014 L 208, S. 68)", [FIRST, ("oj:L/2014/208/p68", "oj", "")]),
    ("(ABl. EU 2004 Nr. L 16 S. 44; 2005 Nr. L 289 S. 15; L 300 S. 2)",
     [("oj:L/2004/16/p44", "oj", ""), ("oj:L/2005/289/p15", "oj", ""), ("oj:L/?/300/p2", "oj", "")]),
    # negative rows: nothing but the first reference
    ("(ABl. L 176 vom 27.6.2013, S. 1, Anlage C 3)", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; Fahrzeuge der Klasse L 1 S. 2)", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1), L 208 S. 68", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; S. 68)", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1, L 1 und C 5)", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1; 2014 L 208)", [FIRST]),
    ("(ABl. L 176 vom 27.6.2013, S. 1, 2014 wurde L 208 S. 68 geändert)", [FIRST]),
    ("Fahrerlaubnis der Klassen L 1, C 5 S. 3 und L 208 S. 68", []),
    ("Leitsatz: L 208 S. 68", []),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_listed_issues(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_listed_issue_documents_the_same_act() -> None:
    cits = extract("Richtlinie 2013/36/EU vom 26. Juni 2013 (ABl. L 176 S. 1; 2014 L 208, S. 68)")
    ojs = [c for c in cits if c.kind.value == "oj"]
    assert [c.text for c in ojs] == ["ABl. L 176 S. 1", "2014 L 208, S. 68"]
    assert all(isinstance(c.parts, OJParts) and c.parts.act_id == "celex:32013L0036" for c in ojs)
    assert [c.parts.style for c in ojs if isinstance(c.parts, OJParts)] == ["statute", "court"]
