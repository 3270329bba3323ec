"""Pinpoints and issuing bodies that were missed (issue #10, English), one table per rule.

Every example is made up in the shape of a real footnote; each row states the ids and
pinpoints a careful reader gives it (``want``) and the ids that must not come out
(``unwanted``). The whole pipeline runs, so overlaps between families count too.
"""

from __future__ import annotations

import pytest

from citecheck.lexicon import ENGLISH, from_table
from citecheck.model import Pinpoint
from citecheck.pinpoints import paragraphs_pattern, pinpoint_after, read_paragraphs
from citecheck.pipeline import extract


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.id, str(c.pinpoint)) for c in extract(text)]


def _check(
    text: str, want: list[tuple[str, str]], unwanted: tuple[str | tuple[str, str], ...] = ()
) -> None:
    """``unwanted``: ids that must not come out, or (id, pinpoint) pairs."""
    found = _found(text)
    for item in want:
        assert item in found, f"{item} not in {found}"
    for bad in unwanted:
        if isinstance(bad, tuple):
            assert bad not in found, f"{bad} in {found}"
        else:
            assert all(got != bad for got, _ in found), f"{bad} in {found}"


# 1. Preambular and operative paragraphs of resolutions: `preambular para. 6`, `operative
# para. 1` (`annex; ` in front when the paragraph is in the annex).
PARAGRAPH_KINDS = [
    (
        "[3] General Assembly resolution 41/12, annex, fifth preambular para. and operative "
        "para. 3.",
        [("un:A/RES/41/12", "annex; preambular para. 5; operative para. 3")],
    ),
    (
        "[4] See resolution 58/210, eighth preambular para.",
        [("un:A/RES/58/210", "preambular para. 8")],
    ),
    (
        "[9] General Assembly resolution 62/7, preambular paras. 2 and 5.",
        [("un:A/RES/62/7", "preambular para. 2; preambular para. 5")],
    ),
    (
        "Human Rights Council resolution 7/4, preambular paragraph 3.",
        [("un:A/HRC/RES/7/4", "preambular para. 3")],
    ),
    (
        "Security Council resolution 1820 (2008), operative paragraph 4.",
        [("un:S/RES/1820(2008)", "operative para. 4")],
    ),
    (
        "Security Council resolution 1820 (2008), operative paragraphs 2 to 4.",
        [("un:S/RES/1820(2008)", "operative paras. 2-4")],
    ),
    (
        "as the third preambular paragraph of General Assembly resolution 55/96 recalls",
        [("un:A/RES/55/96", "preambular para. 3")],
    ),
    (
        "under operative paragraph 6 of Human Rights Council resolution 9/8,",
        [("un:A/HRC/RES/9/8", "operative para. 6")],
    ),
    (
        "the twelfth preambular paragraph of A/RES/60/147",
        [("un:A/RES/60/147", "preambular para. 12")],
    ),
    (
        "A/RES/66/130, operative paras. 1 and 3.",
        [("un:A/RES/66/130", "operative para. 1; operative para. 3")],
    ),
    # ordinals listed like numbers
    (
        "the sixth and seventh preambular paragraphs of General Assembly resolution 53/144",
        [("un:A/RES/53/144", "preambular para. 6; preambular para. 7")],
    ),
    (
        "General Assembly resolution 53/144, fourth to sixth preambular paras.",
        [("un:A/RES/53/144", "preambular paras. 4-6")],
    ),
    (
        "Security Council resolution 2250 (2015), operative paragraph 1 (a).",
        [("un:S/RES/2250(2015)", "operative para. 1(a)")],
    ),
    # the pinpoint after the body named after the resolution
    (
        "resolution 5/1 of the Human Rights Council, annex, para. 3.",
        [("un:A/HRC/RES/5/1", "annex; para. 3")],
    ),
    (
        "resolution 16/21 of the Human Rights Council, operative paragraph 4.",
        [("un:A/HRC/RES/16/21", "operative para. 4")],
    ),
    # no number and no ordinal: no pinpoint
    ("the operative paragraphs of General Assembly resolution 60/1", [("un:A/RES/60/1", "")]),
    ("General Assembly resolution 60/1, a preambular paragraph", [("un:A/RES/60/1", "")]),
]


@pytest.mark.parametrize(("text", "want"), PARAGRAPH_KINDS)
def test_preambular_and_operative_paragraphs(text: str, want: list[tuple[str, str]]) -> None:
    _check(text, want)


# 2. An annex and then an article of the instrument it holds, or further parts.
ANNEX_PARTS = [
    ("A/RES/60/147, annex, art. 15 (3).", [("un:A/RES/60/147", "annex; art. 15(3)")]),
    ("A/RES/60/147, annex,art. 8.", [("un:A/RES/60/147", "annex; art. 8")]),
    (
        "General Assembly resolution 47/133, annex, arts. 2 and 4.",
        [("un:A/RES/47/133", "annex; art. 2; art. 4")],
    ),
    (
        "A/HRC/37/61, annex I, para. 9, and annex III; see also",
        [("un:A/HRC/37/61", "annex I; para. 9; annex III")],
    ),
    # an article without an annex is not the document's own
    ("See A/HRC/41/35, art. 5 of which", [("un:A/HRC/41/35", "")]),
    # a paragraph joined by "and" but followed by "of" belongs to the next citation
    (
        "A/HRC/41/35, para. 3 and paragraph 5 of A/HRC/40/1",
        [("un:A/HRC/41/35", "para. 3"), ("un:A/HRC/40/1", "para. 5")],
    ),
    # "Ibid." after a resolution: the article of the instrument it adopted
    (
        "[4] General Assembly resolution 53/243, seventh preambular para.\n"
        "[5] Ibid., arts. 1 (c) and 3 (c).\n[6] Ibid., annex, art. 2.",
        [
            ("un:A/RES/53/243", "preambular para. 7"),
            ("un:A/RES/53/243", "art. 1(c); art. 3(c)"),
            ("un:A/RES/53/243", "annex; art. 2"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "want"), ANNEX_PARTS)
def test_annex_then_article_or_more_parts(text: str, want: list[tuple[str, str]]) -> None:
    _check(text, want)


# 3. The Guiding Principles with principles after the name, a subtitle or a symbol.
GUIDING_PRINCIPLES = [
    (
        "[43] Guiding Principles on Business and Human Rights, principle 22 (b).",
        [("instrument:ungp", "principle 22(b)")],
        (),
    ),
    (
        "[44] Guiding Principles on Business and Human Rights, principles 4 and 9.",
        [("instrument:ungp", "principle 4; principle 9")],
        (),
    ),
    (
        "[45] See Guiding Principles on Business and Human Rights, commentary to principle 23.",
        [("instrument:ungp", "commentary to principle 23")],
        (),
    ),
    (
        "[18] Guiding Principles on Business and Human Rights: Implementing the United Nations "
        "\u201cProtect, Respect and Remedy\u201d Framework (A/HRC/17/31), principle 14 and "
        "commentary.",
        [("instrument:ungp", "principle 14; commentary to principle 14"), ("un:A/HRC/17/31", "")],
        (),
    ),
    ("[12] Guiding Principles, principle 5.", [("instrument:ungp", "principle 5")], ()),
    ("UN Guiding Principles, principles 1-3", [("instrument:ungp", "principle 1-3")], ()),
    # other Guiding Principles
    (
        "The Guiding Principles on Internal Displacement, principle 5, say so.",
        [],
        ("instrument:ungp",),
    ),
    # a treaty has articles, not principles: the name alone is cited
    ("the Convention on the Rights of the Child, principle 3", [("instrument:crc", "")], ()),
    # a parenthesis between the name and an article
    (
        "International Covenant on Civil and Political Rights (ICCPR), art. 14 (1).",
        [("instrument:iccpr", "art. 14(1)")],
        (),
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), GUIDING_PRINCIPLES)
def test_guiding_principles_with_pinpoints(
    text: str, want: list[tuple[str, str]], unwanted: tuple[str, ...]
) -> None:
    _check(text, want, unwanted)


# 4. A general comment named with its treaty or committee; the document's own committee.
TREATY_NAMES_COMMITTEE = [
    (
        "[56] See the Convention on the Rights of Persons with Disabilities, general comment "
        "No. 6 (2018) on equality and non-discrimination, para. 12.",
        [("gc:CRPD/6", "para. 12")],
        ("instrument:crpd",),
    ),
    (
        "See the Convention on the Elimination of All Forms of Discrimination against Women, "
        "general recommendation No. 30 (2013) on women in conflict prevention, para. 4.",
        [("gc:CEDAW/30", "para. 4")],
        ("instrument:cedaw", "gc:?/30"),
    ),
    (
        "International Covenant on Economic, Social and Cultural Rights, general comment No. 14",
        [("gc:CESCR/14", "")],
        ("instrument:icescr", "gc:?/14"),
    ),
    (
        "Committee on the Elimination of Discrimination against Women, general recommendation "
        "No. 30, para. 5.",
        [("gc:CEDAW/30", "para. 5")],
        (),
    ),
    # the treaty cited for its article stays a citation of the treaty
    (
        "article 4 of the Convention on the Rights of the Child, general comment No. 5, para. 3",
        [("instrument:crc", "art. 4"), ("gc:CRC/5", "para. 3")],
        (),
    ),
    # the committee named earlier in the same note, further than the near look-back; not
    # in the next note
    (
        "[56] See Committee on the Rights of the Child, concluding observations on the "
        "combined third and fourth periodic reports of Ruritania, adopted at its sixty-first "
        "session after the long debate on the report, para. 5, and general comment No. 16, "
        "para. 4.\n[57] Ruritania said so. Other bodies agree with general comment No. 16, "
        "para. 2.",
        [("gc:CRC/16", "para. 4"), ("gc:?/16", "para. 2")],
        (("gc:CRC/16", "para. 2"),),
    ),
    # the committee whose symbol heads the document
    (
        "CRC/C/GC/25\n\nGeneral comment No. 25\n\n1. As general comment No. 16, para. 2, says",
        [("gc:CRC/16", "para. 2"), ("gc:CRC/25", "")],
        ("gc:?/16",),
    ),
    # ... or whose name is a heading line
    (
        "Committee on the Rights of the Child\n\nDay of general discussion\n\n"
        "1. As general comment No. 16, para. 2, says",
        [("gc:CRC/16", "para. 2")],
        ("gc:?/16",),
    ),
    # ... but not for the other term: the Human Rights Committee issues no recommendations
    (
        "CCPR/C/GC/37\n\nGeneral comment No. 37\n\n1. See general recommendation No. 19.",
        [],
        ("gc:CCPR/19",),
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), TREATY_NAMES_COMMITTEE)
def test_the_treaty_or_the_document_names_the_committee(
    text: str, want: list[tuple[str, str]], unwanted: tuple[str | tuple[str, str], ...]
) -> None:
    _check(text, want, unwanted)


# 5. An instrument named inside the title of another work is not cited.
TITLES = [
    (
        "[20] OHCHR, Sixty Years of Legacy of the Universal Declaration of Human Rights "
        "(Geneva, 2008), p. 4.",
        [],
        ("instrument:udhr",),
    ),
    (
        "[7] J. Doe, A Commentary on the Convention against Torture (Oxford, 2019).",
        [],
        ("instrument:cat",),
    ),
    (
        "[7] J. Doe, Commentary on the Convention on the Rights of the Child: Article 3 "
        "(Leiden, Brill, 2017).",
        [],
        ("instrument:crc",),
    ),
    # real citations stay
    ("article 17 of the ICCPR applies", [("instrument:iccpr", "art. 17")], ()),
    (
        "See the Universal Declaration of Human Rights, art. 19.",
        [("instrument:udhr", "art. 19")],
        (),
    ),
    # a date of adoption is not a publication year
    (
        "States parties of the Convention against Torture (New York, 10 December 1984)",
        [("instrument:cat", "")],
        (),
    ),
    # no title-cased phrase before the name
    (
        "in the light of the Universal Declaration of Human Rights (Paris, 1948)",
        [("instrument:udhr", "")],
        (),
    ),
    # the subject in a general comment's title
    (
        "[40] Article 9 of the ICCPR. [41] See the Committee's general comment No. 27 (1999) on "
        "article 12, Official Records",
        [("instrument:iccpr", "art. 9")],
        (("instrument:iccpr", "art. 12"),),
    ),
    (
        "the ICCPR, article 19; see general comment No. 34 (2011) on article 19, para. 3",
        [("instrument:iccpr", "art. 19")],
        (),
    ),
    # "of the" ending a padded line (PDF text) still names the treaty
    (
        "article 2, paragraph 2, of the               International Covenant on Economic, "
        "Social and Cultural Rights",
        [("instrument:icescr", "art. 2(2)")],
        (),
    ),
    # "to the": a party to the treaty, not a title
    (
        "States Parties to the Convention on the Rights of the Child (New York, 2019)",
        [("instrument:crc", "")],
        (),
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), TITLES)
def test_instrument_inside_a_title_is_not_cited(
    text: str, want: list[tuple[str, str]], unwanted: tuple[str | tuple[str, str], ...]
) -> None:
    _check(text, want, unwanted)


# 6. Small forms (verified; kept as regressions).
SMALL_FORMS = [
    # a sub-division alone is another of the paragraph before it
    (
        "Human Rights Council resolution 16/18, para. 5 (a) and (b).",
        [("un:A/HRC/RES/16/18", "para. 5(a); para. 5(b)")],
    ),
    ("A/HRC/41/35, paras. 5 (a) to (c), and 7.", [("un:A/HRC/41/35", "paras. 5(a)-(c); para. 7")]),
    ("A/HRC/43/12, para 8.", [("un:A/HRC/43/12", "para. 8")]),
    ("CCPR/C/GC/36, p. 7, at para. 21.", [("un:CCPR/C/GC/36", "p. 7; para. 21")]),
    ("A/61/40 (Part I), para. 5.", [("un:A/61/40(PartI)", "para. 5")]),
]


@pytest.mark.parametrize(("text", "want"), SMALL_FORMS)
def test_small_forms(text: str, want: list[tuple[str, str]]) -> None:
    _check(text, want)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("paragraph 12", "para. 12"),
        ("paras. 3 to 5", "paras. 3-5"),
        ("operative paragraph 2", "operative para. 2"),
        ("fourth preambular paragraph", "preambular para. 4"),
        ("Twentieth  preambular para.", "preambular para. 20"),
        ("preambular paragraphs 3 and 6", "preambular para. 3; preambular para. 6"),
    ],
)
def test_paragraphs_before_read_once(written: str, canonical: str) -> None:
    """The pattern families embed for a pinpoint before a citation, and its one reader."""
    import regex

    assert regex.fullmatch(paragraphs_pattern(ENGLISH), written) is not None
    assert str(read_paragraphs(written)) == canonical


def test_paragraph_kinds_and_ordinals_are_lexicon_data() -> None:
    """A table without the words reads no paragraph kinds; one with them does."""
    assert ENGLISH.ordinal_number("Sixth") == 6
    assert ENGLISH.ordinal_number("last") is None
    assert ENGLISH.paragraph_kind_of("Operative") == "operative_para"
    bare = from_table(
        "xx",
        {
            "months": list(ENGLISH.months),
            "units": {"para": ["paragraph"]},
            "plurals": [],
            "list_words": ["and"],
            "range_words": ["to"],
            "at_words": [],
            "of_words": [],
            "this_act_words": [],
            "part_of_words": [],
            "document_words": [],
            "emphasis_words": [],
            "ordinals": [],
        },
    )
    assert bare.ordinal_number("sixth") is None
    assert bare.paragraph_kind_of("operative") is None


def test_an_article_is_read_after_an_annex_or_when_asked() -> None:
    text = "X, art. 5"
    assert pinpoint_after(text, 1) == (Pinpoint(), 1)
    pin, end = pinpoint_after(text, 1, articles=True)
    assert (str(pin), end) == ("art. 5", len(text))


def test_a_malformed_paragraph_kind_is_refused_with_its_key() -> None:
    table = {
        "months": list(ENGLISH.months),
        "units": {"para": ["paragraph"]},
        "plurals": [],
        "list_words": ["and"],
        "range_words": ["to"],
        "at_words": [],
        "of_words": [],
        "this_act_words": [],
        "part_of_words": [],
        "document_words": [],
        "emphasis_words": [],
        "ordinals": [],
        "paragraph_kinds": {"operative_para": "operative"},
    }
    with pytest.raises(ValueError, match=r"paragraph_kinds\.operative_para"):
        from_table("xx", table)
