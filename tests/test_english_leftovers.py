"""English forms earlier waves noted as missing (made-up examples in the shapes EU and UN texts
use): recitals counted by ordinal words before an act, ILO conventions named by number or year
that end the CMW's claim on a later "the Convention", and a pinpoint naming another document
after a UN citation."""

from __future__ import annotations

import attrs
import pytest
import regex

from citecheck import extract
from citecheck.families import un_context
from citecheck.lexicon import load
from citecheck.model import NO_PINPOINT
from citecheck.pinpoints import after, pinpoint_after


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


def _pinned(text: str) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text)]


# (text, [(id, span, pinpoint)]): a pinpoint after a UN citation followed by "of (the)" and
# another document's noun is that document's
OTHER_DOCUMENT: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("See A/HRC/40/1, paragraph 3 of the Regulation.", [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 12 of the Directive.", [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, paragraph 5 of the Decision.", [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, paras. 3 and 5 of the Framework Decision.",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 2 of Regulation (EU) 2016/679.",
     [("un:A/HRC/40/1", "A/HRC/40/1", ""), ("celex:32016R0679", "Regulation (EU) 2016/679", "")]),
    ("See A/HRC/40/1, para. 2 OF THE ACT.", [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    # only the element before the noun is the other document's
    ("See A/HRC/40/1, annex, para. 2 of the Treaty.",
     [("un:A/HRC/40/1", "A/HRC/40/1, annex", "annex")]),
    # the UN document's own paragraph: another word, a noun inside a longer word, no "of"
    ("See A/HRC/40/1, para. 12 of the report.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12")]),
    ("See A/HRC/40/1, para. 12 of the Actors' plan.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12")]),
    ("See A/HRC/40/1, para. 12 on the Regulation.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12")]),
    ("See A/HRC/40/1, para. 12. The Regulation applies.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12")]),
    ("See A/HRC/40/1, para. 12 of a Directive.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12")]),
    # the noun is another document's only as its whole name, capitalised: a longer name, a
    # possessive or a common noun leaves the UN document's own paragraph
    ("See A/HRC/41/36, para. 6 of the Law Society submission.",
     [("un:A/HRC/41/36", "A/HRC/41/36, para. 6", "para. 6")]),
    ("See A/HRC/41/37, para. 7 of the Statute of Limitations study.",
     [("un:A/HRC/41/37", "A/HRC/41/37, para. 7", "para. 7")]),
    ("See CCPR/C/GC/34, paras. 12-14 of the Treaty body's general comment.",
     [("un:CCPR/C/GC/34", "CCPR/C/GC/34, paras. 12-14", "paras. 12-14")]),
    ("See A/HRC/41/35, para. 5 of the regulation.",
     [("un:A/HRC/41/35", "A/HRC/41/35, para. 5", "para. 5")]),
    ("See A/HRC/41/35, para. 5 of the Act's preamble.",
     [("un:A/HRC/41/35", "A/HRC/41/35, para. 5", "para. 5")]),
    # ... and a stop where the name goes on as a name does: its number, "of the", a date, "on"
    ("See A/HRC/40/1, para. 5 of the Act on Data Protection.",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 5 of the Constitution of the Republic.",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 5 of the Law of 12 May 2010.",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 5 of the Decision No. 12, and more",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 5 of the Treaty",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    ("See A/HRC/40/1, para. 5 of the Directive; see also the report.",
     [("un:A/HRC/40/1", "A/HRC/40/1", "")]),
    # ... and wherever it is not the first word of a longer noun: a lower-case word after it
    # goes on the other document's name (the UN document's own paragraph is not meant)
    ("See A/HRC/41/36, para. 3 of the Treaty establishing the European Community.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Agreement between the European Union and Turkey.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Act concerning the conditions of accession.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Constitution and the law.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Directive as amended.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Constitution of Kenya.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Constitution of Kenya and the law.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the LAW ON ALIENS.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    ("See A/HRC/41/36, para. 3 of the Statute of the ICC.",
     [("un:A/HRC/41/36", "A/HRC/41/36", "")]),
    # a longer noun: a capitalised word, 's, a word with 's or s', "of" + a name + a noun
    ("See A/HRC/41/36, para. 5 of the Directive's annex.",
     [("un:A/HRC/41/36", "A/HRC/41/36, para. 5", "para. 5")]),
    ("See A/HRC/41/36, para. 5 of the Act Party report.",
     [("un:A/HRC/41/36", "A/HRC/41/36, para. 5", "para. 5")]),
    ("See A/HRC/41/36, para. 5 of the Treaty bodies' practice.",
     [("un:A/HRC/41/36", "A/HRC/41/36, para. 5", "para. 5")]),
    ("See A/HRC/41/36, para. 5 of the Statute of Limitations study and more.",
     [("un:A/HRC/41/36", "A/HRC/41/36, para. 5", "para. 5")]),
    # an abbreviation after the paragraph is read so only in German text
    ("See A/HRC/40/1, para. 12 ICCPR.",
     [("un:A/HRC/40/1", "A/HRC/40/1, para. 12", "para. 12"), ("instrument:iccpr", "ICCPR", "")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OTHER_DOCUMENT)
def test_pinpoint_before_another_documents_noun(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _pinned(text) == expected


@pytest.mark.parametrize(
    ("gap", "stops"),
    [(" ", True), ("   ", True), ("    ", False), ("", False), ("\u00a0", True)],
)
def test_other_document_gap_before_of(gap: str, stops: bool) -> None:
    """One to three horizontal spaces between the pinpoint and "of", as in German."""
    text = f"A/HRC/40/1, para. 12{gap}of the Directive"
    pin, end = pinpoint_after(text, len("A/HRC/40/1"))
    if stops:
        assert (pin, end) == (NO_PINPOINT, len("A/HRC/40/1"))
    else:
        assert str(pin) == "para. 12"


@pytest.mark.parametrize(
    ("between", "stops"),
    [(" of the ", True), (" of ", True), (" of  the\u00a0", True), (" of the the ", False),
     (" ofthe ", False), (" of that ", False), (" in the ", False)],
)  # fmt: skip
def test_other_document_connector(between: str, stops: bool) -> None:
    text = f"A/HRC/40/1, para. 12{between}Regulation"
    pin, _ = pinpoint_after(text, len("A/HRC/40/1"))
    assert (pin == NO_PINPOINT) is stops


def test_other_document_pattern_from_the_tables() -> None:
    """English nouns come from the lexicon table; the statute abbreviation is read only with a
    language's own nouns (German); without any noun there is no stop."""
    english = load("en")
    assert "Regulation" in english.other_document_words
    shared = after._other_document(english, ())
    assert shared is not None
    assert shared.match(" of the Regulation") is not None
    assert shared.match(" DSGVO") is None
    german = after._other_document(english, ("Verordnung",))
    assert german is not None
    assert german.match(" DSGVO") is not None
    assert german.match(" of Verordnung") is not None
    bare = attrs.evolve(english, other_document_words=())
    assert after._other_document(bare, ()) is None


# --- the English body heads come from the lexicon table ---------------------------------------
#: ``un_context.OTHER_BODY`` as it was written in code before its words moved to the table
_OTHER_BODY_BEFORE = r"""(?!(?:Council|Commission|Assembly)\b)(?:[A-Z][\w'’-]*[\s\u00a0]+){0,3}?
        (?:Board|Committee|Synod|Senate|Congress|Parliament|Conference|Council|Commission
        |Assembly|Directors|Trustees|Governors|Bureau|Presidium|Chamber|Cabinet)"""


def test_other_body_is_the_pattern_written_before() -> None:
    """Moving the words to the table changes no result: the pattern is the one written in
    code before (its layout white space aside, which the verbose pattern ignored)."""
    assert regex.sub(r"\s+", "", _OTHER_BODY_BEFORE) == un_context.OTHER_BODY
    english = load("en")
    assert english.body_heads[0] == "Board" and "Cabinet" in english.body_heads
    assert english.generic_bodies == ("Council", "Commission", "Assembly")


@pytest.mark.parametrize(
    ("text", "unmapped"),
    [("resolution 17/4 of the Board.", True), ("resolution 17/4 of the Board of Trustees", True),
     ("resolution 17/4 of the City Council", True), ("resolution 17/4 of the Council", False),
     ("resolution 17/4 of the Human Rights Council", False)],
)  # fmt: skip
def test_other_body_after_a_resolution(text: str, unmapped: bool) -> None:
    found = [c.id for c in extract(text) if c.id.startswith("un:")]
    assert (found == []) is unmapped, found
