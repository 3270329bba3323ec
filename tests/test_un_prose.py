"""UN resolutions and decisions cited in prose (GRAMMAR.md B, A.6): table tests, findings,
the seed letter, and a property test.

Tables run the family alone through ``scan`` so a bug elsewhere cannot hide one here; the
seed-letter test runs the whole pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from family_helpers import assert_family_is_total, findings_by, found_by
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.families.un_context import (
    HRC_MAX_RESOLUTION,
    hrc_session_year,
    int_to_roman,
    roman_to_int,
)
from citecheck.families.un_prose import FAMILY, UNResolutionRef
from citecheck.model import Citation, Finding, Kind

SEED_003 = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "corpus"
    / "seeds"
    / "003_d6adc09511b5a212.txt"
)
MY_FAMILIES = ("un_prose", "general_comments", "spcomm")


def found(text: str) -> list[Citation]:
    return found_by(FAMILY, Kind.UN_RESOLUTION, text)


def findings(text: str) -> list[Finding]:
    return findings_by(FAMILY, text)


# (text, [(id, span text, pinpoint)])
POSITIVES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "General Assembly resolution 73/179",
        [("un:A/RES/73/179", "General Assembly resolution 73/179", "")],
    ),
    (
        "We also refer to General Assembly's resolution 73/179, which noted",
        [("un:A/RES/73/179", "General Assembly's resolution 73/179", "")],
    ),
    (
        "pursuant to Human Rights Council resolutions 43/4, 44/15, 41/12 and 43/16.",
        [
            ("un:A/HRC/RES/43/4", "Human Rights Council resolutions 43/4", ""),
            ("un:A/HRC/RES/44/15", "44/15", ""),
            ("un:A/HRC/RES/41/12", "41/12", ""),
            ("un:A/HRC/RES/43/16", "43/16", ""),
        ],
    ),
    ("Council decision 2/102", [("un:A/HRC/DEC/2/102", "Council decision 2/102", "")]),
    (
        "extended by Human Rights Council decision 1/102[[fn:2]] and resolution 5/1.",
        [
            ("un:A/HRC/DEC/1/102", "Human Rights Council decision 1/102", ""),
            ("un:A/HRC/RES/5/1", "resolution 5/1", ""),
        ],
    ),
    (
        "Security Council resolution 1325 (2000)",
        [("un:S/RES/1325(2000)", "Security Council resolution 1325 (2000)", "")],
    ),
    (
        "Recalling its resolutions 1269 (1999) of 19 October 1999 and 1368 (2001) of 12 September"
        " 2001,",
        [
            ("un:S/RES/1269(1999)", "resolutions 1269 (1999)", ""),
            ("un:S/RES/1368(2001)", "1368 (2001)", ""),
        ],
    ),
    (
        "Commission on Human Rights resolution 2005/69",
        [("un:E/CN.4/RES/2005/69", "Commission on Human Rights resolution 2005/69", "")],
    ),
    (
        "Economic and Social Council resolution 1996/31",
        [("un:E/RES/1996/31", "Economic and Social Council resolution 1996/31", "")],
    ),
    ("ECOSOC resolution 2019/1", [("un:E/RES/2019/1", "ECOSOC resolution 2019/1", "")]),
    (
        "General Assembly resolution 217 A (III)",
        [("un:A/RES/217(III)", "General Assembly resolution 217 A (III)", "")],
    ),
    ("resolution 3379 (XXX)", [("un:A/RES/3379(XXX)", "resolution 3379 (XXX)", "")]),
    (
        "resolutions 3411 A and B (XXX)",
        [("un:A/RES/3411(XXX)", "resolutions 3411 A and B (XXX)", "")],
    ),
    ("resolution 3201 (S-VI)", [("un:A/RES/3201(S-VI)", "resolution 3201 (S-VI)", "")]),
    # each section of a resolution adopted in parts is its own document
    (
        "resolutions 31/6 A and B",
        [
            ("un:A/RES/31/6A", "resolutions 31/6 A and B", ""),
            ("un:A/RES/31/6B", "resolutions 31/6 A and B", ""),
        ],
    ),
    (
        "decisions 31/406 A to E",
        [(f"un:A/DEC/31/406{x}", "decisions 31/406 A to E", "") for x in "ABCDE"],
    ),
    (
        "General Assembly resolution S-13/2",
        [("un:A/RES/S-13/2", "General Assembly resolution S-13/2", "")],
    ),
    (
        "resolution S\u201113/2 of the General Assembly",
        [("un:A/RES/S-13/2", "resolution S\u201113/2", "")],
    ),
    (
        "Human Rights Council resolution S-30/1",
        [("un:A/HRC/RES/S-30/1", "Human Rights Council resolution S-30/1", "")],
    ),
    ("resolution ES-10/2", [("un:A/RES/ES-10/2", "resolution ES-10/2", "")]),
    (
        "paragraph 22 of resolution 60/251",
        [("un:A/RES/60/251", "paragraph 22 of resolution 60/251", "para. 22")],
    ),
    ("resolution 53/144, annex", [("un:A/RES/53/144", "resolution 53/144, annex", "annex")]),
    ("resolution 68/167", [("un:A/RES/68/167", "resolution 68/167", "")]),
    (
        "guidelines adopted by the Council in its decision 17/119.",
        [("un:A/HRC/DEC/17/119", "decision 17/119", "")],
    ),
    (
        "United Nations Security Council Resolution 1373 (2001)",
        [("un:S/RES/1373(2001)", "Security Council Resolution 1373 (2001)", "")],
    ),
    (
        "adopted by Resolution 55/255 of the General Assembly",
        [("un:A/RES/55/255", "Resolution 55/255", "")],
    ),
    ("Assembly resolution 61/161.", [("un:A/RES/61/161", "Assembly resolution 61/161", "")]),
    (
        "In its resolution 1986/20 the Commission decided",
        [("un:E/CN.4/RES/1986/20", "resolution 1986/20", "")],
    ),
    (
        "In resolution 17/4, the Human Rights Council endorsed",
        [("un:A/HRC/RES/17/4", "resolution 17/4", "")],
    ),
    (
        "the Sub-Commission on the Promotion and Protection of Human Rights, resolution 1999/29 on",
        [("un:E/CN.4/Sub.2/RES/1999/29", "resolution 1999/29", "")],
    ),
    (
        "Human Rights Council resolution 8/4, adopted on 18 June 2008, which",
        [("un:A/HRC/RES/8/4", "Human Rights Council resolution 8/4", "")],
    ),
    (
        "resolutions 2001/62, para. 9 and 2002/38, para. 13 of the Commission on Human Rights",
        [
            ("un:E/CN.4/RES/2001/62", "resolutions 2001/62, para. 9", "para. 9"),
            ("un:E/CN.4/RES/2002/38", "2002/38, para. 13", "para. 13"),
        ],
    ),
    (
        "the General\nAssembly resolution\u00a073/179",
        [("un:A/RES/73/179", "General\nAssembly resolution\u00a073/179", "")],
    ),
    # Undeterminable body: 43/16 fits GA (1988) and HRC (2020).
    ("pursuant to resolution 43/16", [("un:?/43/16", "resolution 43/16", "")]),
    # A date decides: 43rd HRC session in 2020, GA's in 1988.
    ("resolution 43/16 of 22 June 2020", [("un:A/HRC/RES/43/16", "resolution 43/16", "")]),
    ("resolution 43/16 of 5 December 1988", [("un:A/RES/43/16", "resolution 43/16", "")]),
    # CHR resolutions before year numbering, and of its special sessions.
    (
        "Recalling Commission on Human Rights resolution 20 (XXXVI) of 29 February 1980",
        [("un:E/CN.4/RES/20(XXXVI)", "Commission on Human Rights resolution 20 (XXXVI)", "")],
    ),
    (
        "the Commission resolution S-5/1",
        [("un:E/CN.4/RES/S-5/1", "Commission resolution S-5/1", "")],
    ),
    # The look-back window starts inside "Sub-Commission": still the Sub-Commission.
    (
        "Sub-Commission on the Promotion and Protection of Human Rights, resolution 1999/29 on"
        " globalization and its impact on the full enjoyment of all human rights and resolution"
        " 1999/30 on trade",
        [
            ("un:E/CN.4/Sub.2/RES/1999/29", "resolution 1999/29", ""),
            ("un:E/CN.4/Sub.2/RES/1999/30", "resolution 1999/30", ""),
        ],
    ),
    # A bare "Assembly" is the GA after a function word or at the start, not after a name.
    ("In Assembly resolution 61/161", [("un:A/RES/61/161", "Assembly resolution 61/161", "")]),
    (
        "the Assembly, in its resolution 61/161, decided",
        [("un:A/RES/61/161", "resolution 61/161", "")],
    ),
    # Another organ named earlier in the paragraph leaves a format-determined body alone.
    (
        "The Commission on the Status of Women, at its session, urged States to implement"
        " resolution 1325 (2000)",
        [("un:S/RES/1325(2000)", "resolution 1325 (2000)", "")],
    ),
]

NEGATIVES = [
    "7/2021",
    "In 2020/21 the budget",
    "3/4 of the members",
    "1/3 of the members of the Council",
    "see page 73/179 of the annex",
    "call +41 22 917 9000",
    "Commission Decision 2000/520",
    "Decision 2000/520 is invalid",
    "Decision 1/80 of the Association Council",
    "Council Decision 2011/235/CFSP",
    "Resolution 2018/2089(INI)",
    "A/RES/68/167",  # a symbol: the un_symbols family's, not prose
    "in its resolution (A/HRC/RES/17/31)",
    "resolution of the European Parliament of 5 July 2018",
    "Council of Europe, Parliamentary Assembly, resolution 2509 (2023)",
    "the resolutions adopted at its 43rd session",
    "pursuant to Decision 89/534.",  # EU decision (1989), capitalised, no UN body named
    "By Decision 89/534, the Council extended the authorisation",
    "which repealed Decision 87/373",
    "resolution 95/46",  # no UN session 95 yet, no body named: EU-style numbering
    # Another organ's resolution (review finding 11): not a UN organ this family maps, so no
    # citation rather than a GA/SC/HRC id or an "ambiguous" UN201.
    "Parliamentary Assembly resolution 2509 (2023)",
    "World Health Assembly resolution 72/6",
    "National Assembly resolution 61/161",
    "Assembly of States Parties resolution 10/5",
    "resolution 10/5 of the Assembly of States Parties",
    # any other body named after the number by a noun phrase is that body's (not a list)
    "resolution 17/4 of the Board.",
    "resolution 17/4 of the Supervisory Board",
    "resolution 17/4 of the Board of Directors",
    "resolution 3/2 of the City Council",
    "resolution 7/2 of the General Synod",
    "Commission on the Status of Women resolutions 49/7",
    "See Commission on the Status of Women, resolutions 56/2 and 58/2 on gender",
    "The Commission on the Status of Women, in its resolution 49/7, urged",
    # The named body cannot have adopted a resolution numbered like this.
    "Security Council resolution 73/179",
    "Commission on Human Rights resolution 56/2",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the generic UN body alone, a UN body by name: still the UN's
        ("resolution 17/4 of the Council", "un:A/HRC/RES/17/4"),
        ("resolution 60/251 of the Assembly", "un:A/RES/60/251"),
        ("resolution 2005/69 of the Commission", "un:E/CN.4/RES/2005/69"),
        ("resolution 60/251 of the United Nations General Assembly", "un:A/RES/60/251"),
        ("resolution 5/1 of the Human Rights Council", "un:A/HRC/RES/5/1"),
        # another body as the subject of what follows, not named in the genitive
        ("In resolution 17/4, the Committee decided", "un:A/HRC/RES/17/4"),
        ("In resolution 17/4 the Board decided", "un:A/HRC/RES/17/4"),
    ],
)
def test_a_un_body_named_after_the_number_keeps_the_un_reading(text: str, expected: str) -> None:
    assert [c.id for c in found(text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(c.id, c.text, str(c.pinpoint)) for c in found(text)]
    assert got == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text: str) -> None:
    assert found(text) == []


def test_parts_are_typed() -> None:
    (c,) = found("General Assembly resolution 217 A (III)")
    assert isinstance(c.parts, UNResolutionRef)
    assert (c.parts.form, c.parts.session, c.parts.number, c.parts.letters) == (
        "legacy", "III", 217, ("A",),
    )  # fmt: skip
    (a, b) = found("resolutions 1269 (1999) of 19 October 1999 and 1368 (2001)")
    assert a.parts.date == "19 October 1999" and b.parts.date is None
    (amb,) = found("resolution 43/16")
    assert amb.ambiguous and amb.parts.body is None
    sections = found("decisions 31/406 A to E")
    assert [d.parts.letters for d in sections] == [("A",), ("B",), ("C",), ("D",), ("E",)]
    (legacy,) = found("resolution 217 A and B (III)")
    assert legacy.id == "un:A/RES/217(III)" and legacy.parts.letters == ("A", "B")


def test_hrc_document_context_names_the_body() -> None:
    text = (
        "Report to the Human Rights Council. The Human Rights Council held its session. "
        "The Human Rights Council decided.\n\n"
        + "x " * 100
        + "\n\nThe mandate was renewed by resolution 44/12."
    )
    (c,) = found(text)
    assert c.id == "un:A/HRC/RES/44/12"
    # ...but never for a session the HRC has not reached: 68 > HRC max -> GA.
    (g,) = found(text.replace("44/12", "68/167"))
    assert g.id == "un:A/RES/68/167"
    # ...nor for a number above any HRC session's count of resolutions (A/63/161: 41/70).
    (n,) = found(text.replace("44/12", "41/70"))
    assert n.id == "un:A/RES/41/70"


# (text, code that must fire); and the near-miss that must not.
FINDINGS: list[tuple[str, str, str]] = [
    ("UN201", "pursuant to resolution 43/16", "pursuant to Human Rights Council resolution 43/16"),
    (
        "UN202",
        "General Assembly resolution 60/251 of 15 March 2004",
        "General Assembly resolution 60/251 of 15 March 2006",
    ),
    (
        "UN202",
        "Human Rights Council resolution 43/4 of 19 June 2019",
        "Human Rights Council resolution 43/4 of 19 June 2020",
    ),
    ("UN203", "Human Rights Council resolution 17/131", "Human Rights Council resolution 17/4"),
    ("UN203", "Human Rights Council decision 2/12", "Human Rights Council decision 2/102"),
    ("UN203", "General Assembly decision 50/111", "General Assembly decision 50/411"),
    ("UN204", "Human Rights Council resolution 92/1", "Human Rights Council resolution 52/1"),
    ("UN204", "General Assembly resolution 95/1", "General Assembly resolution 75/1"),
    ("UN205", "resolution 30/3379", "resolution 3379 (XXX)"),
    (
        "UN206",
        "Economic and Social Council resolution 1975/3",
        "Economic and Social Council resolution 1979/3",
    ),
    (
        "UN206",
        "Commission on Human Rights resolution 2010/5",
        "Commission on Human Rights resolution 2005/69",
    ),
    (
        "UN207",
        "resolution 1269 (1999) of 19 October 2001",
        "resolution 1269 (1999) of 19 October 1999",
    ),
    (
        "UN207",
        "General Assembly resolution 60/251 of 15 March 2009",
        "General Assembly resolution 60/251 of 15 March 2006",
    ),
]


@pytest.mark.parametrize(("code", "bad", "good"), FINDINGS)
def test_finding_fires_and_near_miss_does_not(code: str, bad: str, good: str) -> None:
    assert code in [f.code for f in findings(bad)], bad
    assert code not in [f.code for f in findings(good)], good
    assert found(good), good  # the near miss is still a citation


def test_hrc_resolution_number_limit_is_the_shared_constant() -> None:
    """UN203 for HRC resolutions uses un_context.HRC_MAX_RESOLUTION (shared with un_symbols)."""
    top = f"Human Rights Council resolution 43/{HRC_MAX_RESOLUTION}"
    over = f"Human Rights Council resolution 43/{HRC_MAX_RESOLUTION + 1}"
    assert "UN203" not in [f.code for f in findings(top)]
    assert "UN203" in [f.code for f in findings(over)]
    assert HRC_MAX_RESOLUTION == 60


def test_other_organ_blocks_no_citation_and_no_un201() -> None:
    text = "Commission on the Status of Women resolutions 49/7"
    assert "UN201" not in [f.code for f in findings(text)]


def test_mixed_numbering_fix_is_exact() -> None:
    text = "recalling resolution 30/3379 on the subject"
    (f,) = [f for f in findings(text) if f.code == "UN205"]
    assert f.fix is not None
    fixed = text[: f.fix.start] + f.fix.replacement + text[f.fix.end :]
    assert fixed == "recalling resolution 3379 (XXX) on the subject"
    (c,) = found(text)
    assert c.id == "un:A/RES/3379(XXX)"


def test_session_helpers() -> None:
    assert hrc_session_year(6) == 2007
    assert hrc_session_year(17) == 2011
    assert hrc_session_year(43) == hrc_session_year(44) == 2020
    assert hrc_session_year(48) == 2021
    assert int_to_roman(30) == "XXX" and roman_to_int("XXV") == 25
    assert roman_to_int("IIII") is None and roman_to_int("ABC") is None


@pytest.mark.skipif(not SEED_003.exists(), reason="../shared/corpus/seeds not present")
def test_seed_letter_003_exactly_these_from_my_families() -> None:
    with open(SEED_003, encoding="utf-8", newline="") as fh:
        text = fh.read()
    cits = citecheck.extract(text)
    for c in cits:
        assert text[c.start : c.end] == c.text
    mine = [(c.id, c.text) for c in cits if c.family in MY_FAMILIES]
    assert mine == [
        ("spcomm:ISR 7/2021", "AL ISR 7/2021"),
        ("un:A/HRC/RES/43/4", "Human Rights Council resolutions 43/4"),
        ("un:A/HRC/RES/44/15", "44/15"),
        ("un:A/HRC/RES/41/12", "41/12"),
        ("un:A/HRC/RES/43/16", "43/16"),
        ("spcomm:OTH 52/2019", "OL OTH 52/2019"),
        ("spcomm:OTH 2/2020", "OL OTH 2/2020"),
        ("spcomm:SAU 10/2019", "AL SAU 10/2019"),
        ("un:A/RES/73/179", "General Assembly's resolution 73/179"),
    ]
    spans = {c.id: (c.start, c.end) for c in cits if c.family in MY_FAMILIES}
    assert text[slice(*spans["spcomm:ISR 7/2021"])] == "AL ISR 7/2021"
    assert text.index("REFERENCE:") < spans["spcomm:ISR 7/2021"][0]


_FRAGMENTS = st.sampled_from([
    "resolution ", "resolutions ", "decision ", "General Assembly ", "Human Rights Council ",
    "Council ", "Commission ", "Security Council ", "43/4", "1325 (2000)", "217 A (III)",
    "S-8/1", "ES-10/2", "2005/69", " and ", ", ", "para. 5", "paragraph 3 of ",
    "of 19 October 1999", "(", ")", "/", "A", "\u00a0", "\n", "\u2011", "[[fn:2]]",
    "30/3379", "annex", " (2012)",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=25))
def test_property_never_raises_and_spans_match(parts: list[str]) -> None:
    assert_family_is_total(FAMILY, "un", "".join(parts))
