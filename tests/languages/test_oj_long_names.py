# ruff: noqa: E501  (table rows hold whole sentences)
"""The Official Journal named in full reads as its abbreviation does, in all four languages:
without a date (``Amtsblatt der Europäischen Union Nr. L 314 S. 1`` -> ``oj:L/?/314/p1``, as
``ABl. EU Nr. L 314 S. 1``), with a comma after the name (English), with ``of`` before the date
and the month named without a dot (``of 4 May 2016``), and listed issues after it. Made-up
sentences in the shapes these texts use."""

from __future__ import annotations

import pytest

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract


def oj_ids(text: str) -> list[str]:
    return [c.id for c in extract(text) if c.kind.value == "oj"]


CASES = [
    # German: the name in full, without the year, as statute style writes the abbreviation
    ("(Amtsblatt der Europäischen Union Nr. L 314 S. 1)", ["oj:L/?/314/p1"]),
    ("Amtsblatt der Europäischen Gemeinschaften Nr. L 281 S. 31", ["oj:L/?/281/p31"]),
    ("siehe Amtsblatt der EU L 314 S. 1.", ["oj:L/?/314/p1"]),
    ("Amtsblatt der Europäischen Union L 314/1", ["oj:L/?/314/p1"]),
    ("Amtsblatt der Europäischen Union L 314, 1", ["oj:L/?/314/p1"]),
    # the year of the act it documents, as for "ABl. EU Nr. L 328 S. 7"
    ("Richtlinie (EU) 2019/2161 des Europäischen Parlaments und des Rates vom 27. November 2019 (Amtsblatt der Europäischen Union Nr. L 328 S. 7)", ["oj:L/2019/328/p7"]),
    ("Amtsblatt der Europäischen Union L 314 vom 5.12.2019, S. 1", ["oj:L/2019/314/p1"]),
    # English: the name in full, undated, dated, a comma after it, "of" before the date
    ("Official Journal of the European Union L 314, p. 1", ["oj:L/?/314/p1"]),
    ("Official Journal of the European Union L 314, pp. 1-5", ["oj:L/?/314/p1"]),
    ("Official Journal of the European Union C 314 E, p. 1", ["oj:C/?/314E/p1"]),
    ("Directive (EU) 2019/2161 of the European Parliament and of the Council of 27 November 2019 (Official Journal of the European Union L 328, p. 7)", ["oj:L/2019/328/p7"]),
    ("Official Journal of the European Union, L 314, 5.12.2019, p. 1", ["oj:L/2019/314/p1"]),
    ("published in the Official Journal of the European Union L 119 of 4 May 2016.", ["oj:L/2016/119"]),
    ("Official Journal of the European Communities L 281 of 23 November 1995, p. 31", ["oj:L/1995/281/p31"]),
    ("Official Journal L 119, 4.5.2016, p. 1", ["oj:L/2016/119/p1"]),
    ("(Official Journal C 364 of 18.12.2000, p. 1)", ["oj:C/2000/364/p1"]),
    ("Official Journal of the European Union L 314 of 5.12.2019, p. 1", ["oj:L/2019/314/p1"]),
    ("Official Journal of the European Union L 314, 12 May 2016", ["oj:L/2016/314"]),
    # "of" and the named month read for the abbreviation too
    ("OJ L 119 of 4.5.2016, p. 1", ["oj:L/2016/119/p1"]),
    ("OJ L 119, 4 May 2016, p. 1", ["oj:L/2016/119/p1"]),
    # lists after the name in full
    ("Official Journal of the European Union L 176, 27.6.2013, p. 1; L 208, 2.8.2013, p. 73", ["oj:L/2013/176/p1", "oj:L/2013/208/p73"]),
    ("Amtsblatt der Europäischen Union L 176 vom 27.6.2013, S. 1, ber. L 208 vom 2.8.2013, S. 73", ["oj:L/2013/176/p1", "oj:L/2013/208/p73"]),
    # French and Spanish: the name in full undated, the initials JOUE/JOCE/DOUE/DOCE, the month named
    ("Journal officiel de l'Union européenne L 314, p. 1", ["oj:L/?/314/p1"]),
    ("Journal officiel de l'Union européenne, L 119, p. 1", ["oj:L/?/119/p1"]),
    ("Diario Oficial de la Unión Europea L 314, p. 1", ["oj:L/?/314/p1"]),
    ("JOUE L 314 du 5.12.2019", ["oj:L/2019/314"]),
    ("DOUE L 314 de 5.12.2019", ["oj:L/2019/314"]),
    ("JOCE L 281 du 23.11.1995, p. 31", ["oj:L/1995/281/p31"]),
    ("DOCE L 281 de 23.11.1995, p. 31", ["oj:L/1995/281/p31"]),
    ("Journal officiel de l'Union européenne L 119 du 4 mai 2016, p. 1", ["oj:L/2016/119/p1"]),
    ("Diario Oficial de la Unión Europea L 119 de 4 de mayo de 2016, p. 1", ["oj:L/2016/119/p1"]),
    ("Diario Oficial de las Comunidades Europeas L 281 de 23 de noviembre de 1995, p. 31", ["oj:L/1995/281/p31"]),
    ("Journal officiel des Communautés européennes L 281 du 23 novembre 1995, p. 31", ["oj:L/1995/281/p31"]),
    ("Amtsblatt der Europäischen Gemeinschaften Nr. L 281 vom 23. November 1995, S. 31", ["oj:L/1995/281/p31"]),
    ("Journal officiel de l'Union européenne L 119 du 4.5.2016, p. 1, et L 127 du 23.5.2018, p. 2", ["oj:L/2016/119/p1", "oj:L/2018/127/p2"]),
    # negatives: the journal named without series and number, other gazettes, no page or number
    ("published in the Official Journal of the European Union.", []),
    ("Diese Verordnung wird im Amtsblatt der Europäischen Union veröffentlicht.", []),
    ("Amtsblatt Nr. 12 vom 3.4.2005", []),
    ("Amtsblatt Nr. 12 S. 3", []),
    ("Official Journal of the Republic of Slovenia, No. 12/2005, p. 4", []),
    ("Official Journal of the Republic of Croatia L 12, p. 3", []),
    ("Bundesgesetzblatt I Nr. 12 S. 3", []),
    ("Official Journal of the European Union No 12, p. 3", []),
    ("Official Journal of the European Union 12.5.2016, p. 3", []),
    ("Official Journal of the European Union, p. 1", []),
    ("Official Journal of the European Union L 5.12.2019", []),
    ("Official Journal of the European Union L 314, 2016", []),
    ("Official Journal of the European Union L 314", []),
    ("the Official Journal of the European Union L series", []),
    # a date after the comma is no page: "5 December" is not page 5
    ("Amtsblatt der Europäischen Union L 314, 5 Dezember", []),
    ("Journal officiel de l'Union européenne L 314, 5 décembre", []),
    # the Journal's running page heading: the page the text is printed on, not a reference
    ("26.11.2019\nEN\nOfficial Journal of the European Union\nL 305/17\n\nDIRECTIVE (EU) 2019/1937", []),
    ("1.4.2020\n   DE\n   Amtsblatt der Europäischen Union\n   L 101/4", []),
    # but a reference whose name only happens to end a line is one
    ("siehe\nAmtsblatt der Europäischen Union\n    L 314 S. 1", ["oj:L/?/314/p1"]),
    ("siehe\nAmtsblatt der Europäischen Union\n    L 314/1, Erwägungsgrund 3", ["oj:L/?/314/p1"]),
]


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_full_name_reads_as_the_abbreviation(text: str, ids: list[str]) -> None:
    assert oj_ids(text) == ids


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Amtsblatt der Europäischen Union Nr. L 176 S. 338", "ABl. EU Nr. L 176 S. 338"),
        ("Amtsblatt der Europäischen Gemeinschaften L 176/338", "ABl. EG L 176/338"),
        ("Official Journal of the European Union L 119, 4.5.2016, p. 1", "OJ L 119, 4.5.2016, p. 1"),
        ("Journal officiel de l'Union européenne L 119 du 4.5.2016, p. 1", "JO L 119 du 4.5.2016, p. 1"),
        ("Diario Oficial de la Unión Europea L 119 de 4.5.2016, p. 1", "DO L 119 de 4.5.2016, p. 1"),
        ("Journal officiel de l'Union européenne L 119 du 4.5.2016", "JOUE L 119 du 4.5.2016"),
    ],
)
def test_same_id_as_the_abbreviation(full: str, short: str) -> None:
    assert oj_ids(full) == oj_ids(short) != []


def test_undated_full_name_is_ambiguous_and_dated_one_keeps_its_date() -> None:
    (undated,) = [c for c in extract("Official Journal of the European Union L 314, p. 1") if c.kind.value == "oj"]
    assert undated.ambiguous and isinstance(undated.parts, OJParts)
    assert undated.parts.year is None and undated.parts.page == 1
    (dated,) = [c for c in extract("Official Journal of the European Union L 119 of 4 May 2016") if c.kind.value == "oj"]
    assert not dated.ambiguous and isinstance(dated.parts, OJParts)
    assert dated.parts.date is not None and dated.parts.date.isoformat() == "2016-05-04"
    assert dated.text == "Official Journal of the European Union L 119 of 4 May 2016"


def test_padded_date_after_the_full_name_is_a_finding() -> None:
    (oj,) = [c for c in extract("Official Journal of the European Union, L 119, 04.05.2016, p. 1") if c.kind.value == "oj"]
    assert [n.code for n in oj.notes] == ["OJ104"]


_WRAPPED = [
    ("Richtlinie (EU) 2019/2161 des Europäischen Parlaments und des Rates vom 27. November 2019 (Amtsblatt der Europäischen Union Nr. L 328 S. 7) gilt",
     ["oj:L/2019/328/p7"]),
    ("(Amtsblatt der Europäischen Gemeinschaften L 281 vom 23.11.1995, S. 31; L 12 vom 16.1.2001, S. 1)",
     ["oj:L/1995/281/p31", "oj:L/2001/12/p1"]),
    ("published in the Official Journal of the European Union L 119 of 4 May 2016 and applies",
     ["oj:L/2016/119"]),
]


@pytest.mark.parametrize(("sentence", "ids"), _WRAPPED)
def test_a_line_break_with_indentation_anywhere_changes_nothing(sentence: str, ids: list[str]) -> None:
    """Plain text of statutes wraps lines at any space, inside the Journal's name too."""
    for at in [i for i, ch in enumerate(sentence) if ch == " "]:
        wrapped = sentence[:at] + "\n    " + sentence[at + 1 :]
        assert oj_ids(wrapped) == ids, repr(wrapped[max(0, at - 25) : at + 25])
