"""Special Procedures communication references (GRAMMAR.md C): tables, findings, property.

Decision tested here: an untyped ``ISR 7/2021`` is a reference only where the text says so
("REFERENCE:", "case No.", "communication" on the same or the previous line), when it follows
another reference in a list, or in a text about Special Procedures communications.
"""

from __future__ import annotations

import pytest
from family_helpers import assert_family_is_total, findings_by, found_by
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families.spcomm import (
    _MAIN,
    FAMILY,
    ISO3,
    SPCommunicationRef,
    _is_year,
    candidates,
)
from citecheck.model import Citation, Finding, Kind


def found(text: str) -> list[Citation]:
    return found_by(FAMILY, Kind.SP_COMMUNICATION, text)


def findings(text: str) -> list[Finding]:
    return findings_by(FAMILY, text)


# (text, [(id, span text, type)])
POSITIVES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("AL ISR 7/2021", [("spcomm:ISR 7/2021", "AL ISR 7/2021", "AL")]),
    (
        "REFERENCE:  \nAL ISR 7/2021\n\n5 August 2021",
        [("spcomm:ISR 7/2021", "AL ISR 7/2021", "AL")],
    ),
    (
        "policies (OL OTH 52/2019 and OL OTH 2/2020), and",
        [
            ("spcomm:OTH 52/2019", "OL OTH 52/2019", "OL"),
            ("spcomm:OTH 2/2020", "OL OTH 2/2020", "OL"),
        ],
    ),
    ("in July 2019 (AL SAU 10/2019).", [("spcomm:SAU 10/2019", "AL SAU 10/2019", "AL")]),
    ("UA OTH 5/2021", [("spcomm:OTH 5/2021", "UA OTH 5/2021", "UA")]),
    ("JUA EGY 3/2020", [("spcomm:EGY 3/2020", "JUA EGY 3/2020", "JUA")]),
    ("See A/HRC/31/79, case No. EGY 6/2015.", [("spcomm:EGY 6/2015", "EGY 6/2015", None)]),
    ("AL\u00a0ISR\n7/2021", [("spcomm:ISR 7/2021", "AL\u00a0ISR\n7/2021", "AL")]),
    (
        "AL ISR 7/2021, ISR 8/2021 and UA EGY 3/2020",
        [
            ("spcomm:ISR 7/2021", "AL ISR 7/2021", "AL"),
            ("spcomm:ISR 8/2021", "ISR 8/2021", None),
            ("spcomm:EGY 3/2020", "UA EGY 3/2020", "UA"),
        ],
    ),
    ("[28] See communication GEO 1/2019.", [("spcomm:GEO 1/2019", "GEO 1/2019", None)]),
    (
        "Reference: UA Housing (2000-9) G/SO 214 (53-24) SYR 3/2014",
        [("spcomm:SYR 3/2014", "SYR 3/2014", None)],
    ),
    # Non-canonical forms are still parsed, mapped to the canonical id and flagged.
    ("AL/ISR/7/2021", [("spcomm:ISR 7/2021", "AL/ISR/7/2021", "AL")]),
    ("AL ISR 2021/7", [("spcomm:ISR 7/2021", "AL ISR 2021/7", "AL")]),
    ("AL ISR 07/2021", [("spcomm:ISR 7/2021", "AL ISR 07/2021", "AL")]),
    ("communication UA MRT1/2020.", [("spcomm:MRT 1/2020", "UA MRT1/2020", "UA")]),
    ("AL IS 7/2021", [("spcomm:IS 7/2021", "AL IS 7/2021", "AL")]),
]

NEGATIVES = [
    "7/2021",
    "ISR 7/2021",  # no type, nothing says it is a reference
    "In 2020/21 the budget",
    "3/4 of the members",
    "1/3 of the members",
    "see p. 7/2021",
    "call +41 22 917 9000 or 022/917 90 00",
    "case No. XYZ 6/2015",  # untyped and not an ISO code
    "case No. IS 6/2015",  # untyped two-letter code
    "AL ISR 7/21",
    "AL ISR 0/2021",
    "ABC ISR 7/2021",  # not a type: the type-less remainder has no reference context
    "Regulation (EU) 2016/679",
    "CCPR/C/127/D/2728/2016",
    "communication No. 2728/2016",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = [(c.id, c.text, c.parts.type) for c in found(text)]
    assert got == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text: str) -> None:
    assert found(text) == []


def test_bare_reference_in_a_special_procedures_text() -> None:
    head = "Report of the Special Rapporteur. The communication was sent.\n\n" + "x " * 150
    (c,) = found(head + "\n\n[62] UKR 3/2021.")
    assert c.id == "spcomm:UKR 3/2021" and c.parts.type is None
    assert found("x " * 150 + "\n\n[62] UKR 3/2021.") == []


def test_long_list_continues() -> None:
    codes = sorted(ISO3 - {"OTH"})[:60]
    text = "Communications " + ", ".join(f"{c} {i + 1}/2021" for i, c in enumerate(codes)) + "."
    assert len(found(text)) == 60


def test_parts_are_typed() -> None:
    (c,) = found("AL ISR 7/2021")
    assert c.parts == SPCommunicationRef("ISR", 7, 2021, "AL")
    assert c.parts.reference == "ISR 7/2021"
    assert len(ISO3) == 250 and "OTH" in ISO3 and "ISR" in ISO3


FINDINGS: list[tuple[str, str, str]] = [
    ("SP101", "AL/ISR/7/2021", "AL ISR 7/2021"),
    ("SP102", "AL ISR 2021/7", "AL ISR 7/2021"),
    ("SP103", "AL IS 7/2021", "AL ISL 7/2021"),
    ("SP104", "AL ISX 7/2021", "AL ISR 7/2021"),
    ("SP105", "AL ISR 07/2021", "AL ISR 7/2021"),
    ("SP106", "AL ISR 7/2091", "AL ISR 7/2021"),
    ("SP107", "UA MRT1/2020", "UA MRT 1/2020"),
]


@pytest.mark.parametrize(("code", "bad", "good"), FINDINGS)
def test_finding_fires_and_near_miss_does_not(code: str, bad: str, good: str) -> None:
    assert code in [f.code for f in findings(bad)], bad
    assert [f.code for f in findings(good)] == [], good
    assert found(good)


@pytest.mark.parametrize(
    ("bad", "good"),
    [
        ("AL/ISR/7/2021", "AL ISR 7/2021"),
        ("AL ISR 2021/7", "AL ISR 7/2021"),
        ("AL ISR 07/2021", "AL ISR 7/2021"),
        ("UA MRT1/2020", "UA MRT 1/2020"),
    ],
)
def test_fixes_produce_the_canonical_form(bad: str, good: str) -> None:
    text = f"(see {bad}.)"
    fixes = [f.fix for f in findings(text) if f.fix is not None]
    assert len(fixes) == 1
    fix = fixes[0]
    assert text[: fix.start] + fix.replacement + text[fix.end :] == f"(see {good}.)"


_FRAGMENTS = st.sampled_from([
    "AL ", "UA ", "OL ", "JAL ", "ISR ", "OTH ", "IS ", "7/2021", "2021/7", "07/2021", "/",
    " and ", ", ", "case No. ", "REFERENCE: ", "communication ", "\u00a0", "\n", "MRT1/2020",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=25))
def test_property_never_raises_and_spans_match(parts: list[str]) -> None:
    assert_family_is_total(FAMILY, "spcomm", "".join(parts))


_ANCHOR_FRAGMENTS = st.sampled_from([
    "AL ", "UA ", "JOL ", "ISR ", "OTH ", "IS ", "7/2021", "2021/7", "07/2021", "12/1999",
    "1999/12", "/", "/20", "/19", "20", "19", " and ", ", ", "x" * 40, " " * 7, "\u00a0",
    "\n", "MRT1/2020", "AL/ISR/7/2021", "a/", ".", "\u2003", "\u0667", "\x1c",
])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_ANCHOR_FRAGMENTS, st.text(max_size=4)), max_size=30))
def test_anchor_scan_finds_what_a_full_scan_finds(parts: list[str]) -> None:
    """The family tries its pattern only near "/" + year anchors (review perf item): that must
    give exactly the matches a scan at every position gives, reversed ``2021/7`` included.
    """
    text = "".join(parts)
    full = [
        (m.start(), m.end())
        for m in _MAIN.finditer(text)
        if _is_year(m.group("a")) or _is_year(m.group("b"))  # a reference has a year
    ]
    assert [(m.start(), m.end()) for m in candidates(text)] == full


def test_anchor_scan_on_a_long_text() -> None:
    refs = ["AL ISR 7/2021", "UA EGY 2020/3", "AL/ISR/8/2021", "JUA MRT1/2020", "OL OTH 52/2019"]
    text = (" " + "x" * 500 + " a/b 19/20; ").join(refs)
    assert [c.text for c in found(text)] == refs
    assert FAMILY.triggers and all(t in text.lower() for t in FAMILY.triggers)
