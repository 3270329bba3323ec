# ruff: noqa: E501  (table rows hold whole references)
"""German statute-style OJ references with a slash (``ABl. L 157/49``): a year after the slash
is no page but the issue's year, the issue's date right after it gives the year, a page range
keeps its first page and its last; a no-break space written as a character reference in any
case (``&#XA0;``), and the narrow one (``&#8239;``, ``&#x202f;``), reads as a space. Made-up
references in the shapes German courts and Formex XML write."""

from __future__ import annotations

import pytest

from citecheck.families.oj import OJParts
from citecheck.pipeline import extract

ROWS = [
    # a year after the slash is no page: it is the issue's year
    ("siehe ABl. L 157/2004", [("oj:L/2004/157", None, None)]),
    ("siehe ABl. EG Nr. L 157/2004", [("oj:L/2004/157", None, None)]),
    ("siehe ABl. L 157/1999", [("oj:L/1999/157", None, None)]),
    ("siehe ABl. L 157/2004, S. 49", [("oj:L/2004/157/p49", 49, None)]),
    # a page is
    ("siehe ABl. L 157/49", [("oj:L/?/157/p49", 49, None)]),
    ("siehe ABl. L 157/2100", [("oj:L/?/157/p2100", 2100, None)]),
    # the issue's date right after gives the year
    ("siehe ABl. L 157/49 vom 30.4.2004", [("oj:L/2004/157/p49", 49, None)]),
    ("siehe ABl. EG Nr. L 157/49 vom 30. April 2004", [("oj:L/2004/157/p49", 49, None)]),
    # a range: its first page in the id, its last kept
    ("siehe ABl. L 157/1-5", [("oj:L/?/157/p1", 1, 5)]),
    ("siehe ABl. L 157/1 \u2013 5 vom 30.4.2004", [("oj:L/2004/157/p1", 1, 5)]),
    # character references for a no-break space, in any case, and the narrow one
    ("JO L&#xa0;119 du 4.5.2016, p.&#XA0;1", [("oj:L/2016/119/p1", 1, None)]),
    ("JO L&#XA0;119 du 4.5.2016, p.&#xA0;1", [("oj:L/2016/119/p1", 1, None)]),
    ("JO L&#8239;119 du 4.5.2016, p.&#8239;1", [("oj:L/2016/119/p1", 1, None)]),
    ("JO L&#x202f;119 du 4.5.2016, p.&#x202F;1", [("oj:L/2016/119/p1", 1, None)]),
    ("ABl. C&NBSP;318 vom 23.12.2006, S.&nbsp;56", [("oj:C/2006/318/p56", 56, None)]),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_statute_slash_and_character_references(text: str, want: list[tuple[str, int, int | None]]) -> None:
    got = []
    for c in extract(text):
        if c.kind.value == "oj":
            assert isinstance(c.parts, OJParts)
            got.append((c.id, c.parts.page, c.parts.last_page))
    assert got == want


def test_the_issue_date_after_the_slash_form() -> None:
    (cit,) = [c for c in extract("siehe ABl. L 157/49 vom 30.4.2004") if c.kind.value == "oj"]
    assert isinstance(cit.parts, OJParts)
    assert str(cit.parts.date) == "2004-04-30"
    (bad,) = [c for c in extract("siehe ABl. L 157/49 vom 30.13.2004") if c.kind.value == "oj"]
    assert "OJ105" in [n.code for n in bad.notes]
