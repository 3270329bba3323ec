# ruff: noqa: E501  (table rows hold whole statute sentences)
"""German statute OJ and act forms a review found misread: a date written first before an
act-by-act number, issues without a series after 1967, a compound ending on a longer act word,
compounds naming national acts, "; S. N" followed by a sentence, undated 2023 act numbers in a
list. Made-up sentences in the shapes statutes use; each table has rows that must stay unread."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck.pipeline import extract

OJ_ROWS = [
    # the date first, then an act published on its own: its number, not the year, is the act's
    ("(ABl. vom 12.7.2024, L 2024/1689)", [("oj:L/2024/1689", "oj", "")]),
    ("Amtsblatt der Europäischen Union vom 12. Juli 2024, L 2024/1689", [("oj:L/2024/1689", "oj", "")]),
    ("(ABl. vom 3.1.2025, L 2025/12)", [("oj:L/2025/12", "oj", "")]),
    # ... before October 2023 such a number names nothing (and its year is never the issue)
    ("(ABl. vom 4.5.2016, L 2016/119)", []),
    ("Amtsblatt der Europäischen Union vom 4. Mai 2016, L 2016/119", []),
    # the date first, then an issue, still reads as before
    ("(ABl. vom 4.5.2016, L 119, S. 1)", [("oj:L/2016/119/p1", "oj", "")]),
    # an issue without a series from 1968 on is some other gazette's (Land, town, county)
    ("Amtsbl. Nr. 12 vom 3.4.2005, S. 5", []),
    ("Amtsbl. Nr. 12 vom 3.4.05, S. 5", []),
    ("ABl. Nr. 12 vom 4.5.16, S. 1", []),
    ("ABl. Nr. 12 vom 3.4.2005, S. 5", []),
    ("Amtsblatt Nr. 12 vom 3.4.2005, S. 5", []),
    # ... with its series it is the OJ's, whichever name
    ("(Amtsbl. Nr. L 12 vom 3.4.2005, S. 5)", [("oj:L/2005/12/p5", "oj", "")]),
    ("(ABl. Nr. L 12 vom 3.4.2005, S. 5)", [("oj:L/2005/12/p5", "oj", "")]),
    # after a semicolon "S. N" is the page where the reference ends there ...
    ("(ABl. L 119 vom 4.5.2016; S. 2)", [("oj:L/2016/119/p2", "oj", "")]),
    ("ABl. L 119 vom 4.5.2016; S. 2.", [("oj:L/2016/119/p2", "oj", "")]),
    ("ABl. L 119 vom 4.5.2016; S. 2, ber. durch", [("oj:L/2016/119/p2", "oj", "")]),
    ("ABl. L 119 vom 4.5.2016; S. 2\nfolgt", [("oj:L/2016/119/p2", "oj", "")]),
    ("ABl. L 119 vom 4.5.2016; S. 2; L 120 vom 5.5.2016, S. 3",
     [("oj:L/2016/119/p2", "oj", ""), ("oj:L/2016/120/p3", "oj", "")]),
    # ... not the sentence (Satz) of a provision a word goes on after
    ("nach der Verordnung ABl. L 119 vom 4.5.2016; S. 2 gilt entsprechend.", [("oj:L/2016/119", "oj", "")]),
    ("ABl. L 119 vom 4.5.2016; S. 2 und 3 bleiben", [("oj:L/2016/119", "oj", "")]),
    # an undated act number of 2023 in a list only after an item dated from October 2023
    ("(ABl. L 176 S. 1; L 2023/5)", [("oj:L/?/176/p1", "oj", "")]),
    ("(ABl. L 176 vom 1.7.2023, S. 1; L 2023/5)", [("oj:L/2023/176/p1", "oj", "")]),
    ("(ABl. L 2023/2854 vom 22.12.2023, L 2023/2900)",
     [("oj:L/2023/2854", "oj", ""), ("oj:L/2023/2900", "oj", "")]),
    ("(ABl. L 176 S. 1; L 2024/5)", [("oj:L/?/176/p1", "oj", ""), ("oj:L/2024/5", "oj", "")]),
]


@pytest.mark.parametrize(("text", "expected"), OJ_ROWS)
def test_statute_oj_review_rows(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


ACT_ROWS = [
    # a compound ending on a longer act word takes that word's type
    ("nach dem EU-Rahmenbeschluss 2008/977/JI gilt", [("celex:32008F0977", "eu_act", "")]),
    ("der Terrorismus-Rahmenbeschluss 2002/475/JI", [("celex:32002F0475", "eu_act", "")]),
    ("der Europäischer-Haftbefehl-Rahmenbeschluss 2002/584/JI", [("celex:32002F0584", "eu_act", "")]),
    ("die Drohnen-Durchführungsverordnung (EU) 2019/947", [("celex:32019R0947", "eu_act", "")]),
    ("der EU-Durchführungsbeschluss (EU) 2019/1234", [("celex:32019D1234", "eu_act", "")]),
    # a plain head stays what it is
    ("der Angemessenheitsbeschluss (EU) 2023/1795", [("celex:32023D1795", "eu_act", "")]),
    ("die Datenschutz-Grundverordnung (EU) 2016/679", [("celex:32016R0679", "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), ACT_ROWS)
def test_compound_review_rows(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        # compounds naming national acts, whatever domain follows
        "die Landesverordnung (EU) 12/2019",
        "der Satzungsbeschluss (EU) 3/2020",
        "die Rechtsverordnung (EU) 2016/679",
        "die Landesdatenschutzverordnung (EU) 2016/679",
        "der Bundesbeschluss (EG) 1234/2005",
        "der Gemeinderatsbeschluss (EG) 12/2005",
        "die Stadtverordnung (EU) 2016/679",
        "der Kabinettsbeschluss (EU) 2016/679",
    ],
)
def test_national_compound_is_no_eu_act(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind.value == "eu_act"] == []
