"""English forms earlier waves noted as missing (made-up examples in the shapes EU and UN texts
use): recitals counted by ordinal words before an act, ILO conventions named by number or year
that end the CMW's claim on a later "the Convention", and a pinpoint naming another document
after a UN citation."""

from __future__ import annotations

import pytest

from citecheck import extract


def _eu(text: str) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text) if c.id.startswith("celex:")]


# (text, [(id, span, pinpoint)])
ORDINAL_RECITALS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("As the first recital of Regulation (EU) 2016/679 states, data matter.",
     [("celex:32016R0679", "the first recital of Regulation (EU) 2016/679", "recital 1")]),
    ("See the third and fourth recitals of Directive 2011/95/EU.",
     [("celex:32011L0095", "the third and fourth recitals of Directive 2011/95/EU",
       "recital 3; recital 4")]),
    ("The second to fourth recitals of Directive 93/42/EEC state:",
     [("celex:31993L0042", "The second to fourth recitals of Directive 93/42/EEC",
       "recitals 2-4")]),
    ("The thirteenth recital of Directive 93/42/EEC states:",
     [("celex:31993L0042", "The thirteenth recital of Directive 93/42/EEC", "recital 13")]),
    ("the twenty-first recital of Directive 93/42/EEC",
     [("celex:31993L0042", "the twenty-first recital of Directive 93/42/EEC", "recital 21")]),
    ("the fourth, fifth and sixth recitals in Directive 93/42/EEC",
     [("celex:31993L0042", "the fourth, fifth and sixth recitals in Directive 93/42/EEC",
       "recital 4; recital 5; recital 6")]),
    # the numbered form, already read, reads the same
    ("recitals 3 and 4 of Directive 2011/95/EU",
     [("celex:32011L0095", "recitals 3 and 4 of Directive 2011/95/EU", "recital 3; recital 4")]),
    # an ordinal subdivision stays what it was
    ("the first subparagraph of Article 3 of Directive 93/42/EEC",
     [("celex:31993L0042", "the first subparagraph of Article 3 of Directive 93/42/EEC",
       "art. 3")]),
    # no number: "the last recital"; an ordinal not before the recital word; the act's ordinal
    ("the last recital of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("In the first place, recital of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the first of the recitals of Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
    ("the third Council Directive 93/42/EEC",
     [("celex:31993L0042", "Council Directive 93/42/EEC", "")]),
    ("the fifth recital, of course, in Directive 93/42/EEC",
     [("celex:31993L0042", "Directive 93/42/EEC", "")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ORDINAL_RECITALS)
def test_ordinal_recitals_before_an_act(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _eu(text) == expected


def test_ordinal_recitals_of_an_act_named_before() -> None:
    """A back-reference takes the ordinal recitals as it takes "recital 5 of"."""
    text = (
        "Directive 93/42/EEC applies. The fifth recital of that directive says so. "
        "The third and fifth recitals of the Directive say so."
    )
    found = [(c.text, str(c.pinpoint), c.short_form) for c in extract(text)]
    assert found == [
        ("Directive 93/42/EEC", "", False),
        ("The fifth recital of that directive", "recital 5", True),
        ("The third and fifth recitals of the Directive", "recital 3; recital 5", True),
    ]
