"""General comments and general recommendations (GRAMMAR.md F.2): tables, findings, property."""

from __future__ import annotations

import pytest
from family_helpers import assert_family_is_total, findings_by, found_by
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families.general_comments import FAMILY, GeneralCommentRef
from citecheck.model import Citation, Finding, Kind


def found(text: str) -> list[Citation]:
    return found_by(FAMILY, Kind.GENERAL_COMMENT, text)


def findings(text: str) -> list[Finding]:
    return findings_by(FAMILY, text)


# (text, [(id, span text, pinpoint)])
POSITIVES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "general comment No. 34 of the Human Rights Committee",
        [("gc:CCPR/34", "general comment No. 34 of the Human Rights Committee", "")],
    ),
    (
        "CEDAW general recommendation No. 35",
        [("gc:CEDAW/35", "CEDAW general recommendation No. 35", "")],
    ),
    (
        "General Recommendation XXV (2000)",
        [("gc:CERD/25", "General Recommendation XXV (2000)", "")],
    ),
    (
        "in its general comments Nos. 16 (2005) and 20 (2009), the Committee on Economic, Social"
        " and Cultural Rights",
        [
            ("gc:CESCR/16", "general comments Nos. 16 (2005)", ""),
            ("gc:CESCR/20", "20 (2009), the Committee on Economic, Social and Cultural Rights", ""),
        ],
    ),
    (
        "general comment No. 14 (2000) of the Committee on Economic, Social and Cultural Rights,"
        " para. 12",
        [
            (
                "gc:CESCR/14",
                "general comment No. 14 (2000) of the Committee on Economic, Social and Cultural"
                " Rights, para. 12",
                "para. 12",
            )
        ],
    ),
    (
        "Human Rights Committee, general comment No. 34 (2011), paras. 21-36",
        [("gc:CCPR/34", "general comment No. 34 (2011), paras. 21-36", "paras. 21-36")],
    ),
    (
        "Committee on the Rights of the Child, general comment No. 16 (2013), para. 5",
        [("gc:CRC/16", "general comment No. 16 (2013), para. 5", "para. 5")],
    ),
    # F.2: the year alone decides between CCPR 1988, CESCR 2005 and CRC 2013.
    ("general comment No. 16 (2013)", [("gc:CRC/16", "general comment No. 16 (2013)", "")]),
    ("general comment No. 16 (1988)", [("gc:CCPR/16", "general comment No. 16 (1988)", "")]),
    # ... and outweighs a committee named earlier in another footnote.
    (
        "[29] Human Rights Committee, general comment No. 34 (2011), para. 43. [30] General comment"
        " No. 16 (2013), paras. 19 and 59.",
        [
            ("gc:CCPR/34", "general comment No. 34 (2011), para. 43", "para. 43"),
            ("gc:CRC/16", "General comment No. 16 (2013), paras. 19 and 59", "para. 19; para. 59"),
        ],
    ),
    (
        "Committee on the Protection of the Rights of all Migrant Workers and Members of Their"
        " Families, general comment No. 1, paras. 18-24",
        [("gc:CMW/1", "general comment No. 1, paras. 18-24", "paras. 18-24")],
    ),
    ("CRPD general comment No. 6 (2018)", [("gc:CRPD/6", "CRPD general comment No. 6 (2018)", "")]),
    ("General Comment 34", [("gc:?/34", "General Comment 34", "")]),
    # "including Nos." lists (review finding 14; gc_CCPR-C-GC-34 writes them so).
    (
        "general comments, including Nos. 16, 27, 29, 34, and 31",
        [
            ("gc:?/16", "general comments, including Nos. 16", ""),
            ("gc:?/27", "27", ""),
            ("gc:?/29", "29", ""),
            ("gc:?/34", "34", ""),
            ("gc:?/31", "31", ""),
        ],
    ),
    (
        "the Human Rights Committee, in its general comments, including Nos. 16 and 34, held",
        [
            ("gc:CCPR/16", "general comments, including Nos. 16", ""),
            ("gc:CCPR/34", "34", ""),
        ],
    ),
    (
        "general comments, in particular Nos. 3 and 9",
        [("gc:?/3", "general comments, in particular Nos. 3", ""), ("gc:?/9", "9", "")],
    ),
    # The committee a year gives the first item is the list's (review finding 14).
    (
        "general comments Nos. 16 (2005) and 20 (2009)",
        [
            ("gc:CESCR/16", "general comments Nos. 16 (2005)", ""),
            ("gc:CESCR/20", "20 (2009)", ""),
        ],
    ),
    (
        "general comments Nos. 20 (2009) and 16 (2005)",
        [
            ("gc:CESCR/20", "general comments Nos. 20 (2009)", ""),
            ("gc:CESCR/16", "16 (2005)", ""),
        ],
    ),
    ("general comment No. 16", [("gc:?/16", "general comment No. 16", "")]),
    (
        "joint general recommendation No. 31 of the Committee on the Elimination of Discrimination"
        " against Women/general comment No. 18 of the Committee on the Rights of the Child",
        [
            (
                "gc:CEDAW/31",
                "joint general recommendation No. 31 of the Committee on the Elimination"
                " of Discrimination against Women",
                "",
            ),
            ("gc:CRC/18", "general comment No. 18 of the Committee on the Rights of the Child", ""),
        ],
    ),
]

NEGATIVES = [
    "general comment on article 6",
    "a general comment was adopted",
    "general recommendations",
    "CCPR/C/GC/34",  # a symbol: the un_symbols family's
    "In general, comment No. 5 of the draft",
    # "including" is read only with "Nos." after it (review finding 14): not these.
    "general comments, including those on article 6",
    "general comments, including 16 of them",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.id, c.text, str(c.pinpoint)) for c in found(text)] == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text: str) -> None:
    assert found(text) == []


def test_document_committee() -> None:
    """A CRC text citing "the Committee's general comment No. 5" means CRC's own."""
    text = (
        "Committee on the Rights of the Child. General comment No. 21. The Convention on the "
        "Rights of the Child applies.\n\n" + "x " * 100 + "\n\nAs stated in the Committee's "
        "general comment No. 5 on general measures of implementation, States must act."
    )
    ids = [c.id for c in found(text)]
    assert ids == ["gc:CRC/21", "gc:CRC/5"]


def test_document_committee_needs_a_clear_lead_unless_the_text_says_its_own() -> None:
    body = (
        "The Committee against Torture notes the Convention against Torture. The Human Rights "
        "Committee was informed.\n\n" + "x " * 100 + "\n\n"
    )
    # CAT 2 : CCPR 1 is no clear lead for a bare reference ...
    (bare,) = found(body + "See general comment No. 1, para. 5.")
    assert bare.id == "gc:?/1"
    # ... but is enough when the text says "its general comment".
    (own,) = found(body + "As the Committee clarified in its general comment No. 1, para. 5.")
    assert own.id == "gc:CAT/1"
    # One passing mention of racial discrimination does not make a text CERD's.
    (rec,) = found(
        "Racial discrimination persists.\n\n" + "x " * 100 + "\n\nupdating general "
        "recommendation No. 19."
    )
    assert rec.id == "gc:?/19"


def test_parts_are_typed() -> None:
    (c,) = found("General Recommendation XXV (2000)")
    assert isinstance(c.parts, GeneralCommentRef)
    assert (c.parts.committee, c.parts.number, c.parts.year, c.parts.roman, c.parts.term) == (
        "CERD", 25, 2000, True, "recommendation",
    )  # fmt: skip
    (amb,) = found("general comment No. 16")
    assert amb.ambiguous and amb.parts.committee is None


FINDINGS: list[tuple[str, str, str]] = [
    ("GC101", "general comment No. 16", "general comment No. 16 of the Human Rights Committee"),
    (
        "GC102",
        "general comment No. 34 (2005) of the Human Rights Committee",
        "general comment No. 34 (2011) of the Human Rights Committee",
    ),
    ("GC103", "CEDAW general comment No. 35", "CEDAW general recommendation No. 35"),
    (
        "GC104",
        "general comment No. 340 of the Human Rights Committee",
        "general comment No. 34 of the Human Rights Committee",
    ),
]


@pytest.mark.parametrize(("code", "bad", "good"), FINDINGS)
def test_finding_fires_and_near_miss_does_not(code: str, bad: str, good: str) -> None:
    assert code in [f.code for f in findings(bad)], bad
    assert code not in [f.code for f in findings(good)], good
    assert found(good)


def test_term_fix_keeps_case() -> None:
    text = "CEDAW General Comment No. 35"
    (f,) = [f for f in findings(text) if f.code == "GC103"]
    assert f.fix is not None
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == (
        "CEDAW General Recommendation No. 35"
    )


_CEDAW_FR = "du Comité pour l'élimination de la discrimination à l'égard des femmes"
_CEDAW_ES = "del Comité para la Eliminación de la Discriminación contra la Mujer"
_CEDAW_DE = "des Ausschusses für die Beseitigung der Diskriminierung der Frau"
_CCPR_FR = "du Comité des droits de l'homme"

# GC103 in every language of the table: (text, the text after the fix, or None: the finding
# carries no fix because the word before the term would change with it, or the language has
# no such form of the other term).
WRONG_TERM_IN_LANGUAGES: list[tuple[str, str | None]] = [
    (
        f"la observación general núm. 35 {_CEDAW_ES}",
        f"la recomendación general núm. 35 {_CEDAW_ES}",
    ),
    (
        f"die Allgemeine Bemerkung Nr. 35 {_CEDAW_DE}",
        f"die Allgemeine Empfehlung Nr. 35 {_CEDAW_DE}",
    ),
    (
        f"der Allgemeinen Bemerkungen Nr. 35 {_CEDAW_DE}",
        f"der Allgemeinen Empfehlungen Nr. 35 {_CEDAW_DE}",
    ),
    (
        "la Recomendación general núm. 34 del Comité de Derechos Humanos",
        "la Observación general núm. 34 del Comité de Derechos Humanos",
    ),
    (f"cette recommandation générale no 35 {_CCPR_FR}", None),  # "cette observation": fine,
    # but French elides before a vowel ("la"/"l'", "sa"/"son"): no automatic fix
    (f"l'observation générale no 35 {_CEDAW_FR}", None),
    (f"den Allgemeinen Kommentar Nr. 35 {_CEDAW_DE}", None),  # no masculine "Empfehlung"
]


@pytest.mark.parametrize(("bad", "fixed"), WRONG_TERM_IN_LANGUAGES)
def test_wrong_term_is_found_in_every_language(bad: str, fixed: str | None) -> None:
    (f,) = [f for f in findings(bad) if f.code == "GC103"]
    if fixed is None:
        assert f.fix is None
    else:
        assert f.fix is not None
        assert bad[: f.fix.start] + f.fix.replacement + bad[f.fix.end :] == fixed
        assert "GC103" not in [g.code for g in findings(fixed)]


@pytest.mark.parametrize(
    "good",
    [
        f"la recomendación general núm. 35 {_CEDAW_ES}",
        f"die Allgemeine Empfehlung Nr. 35 {_CEDAW_DE}",
        f"la recommandation générale no 35 {_CEDAW_FR}",
        f"l'observation générale no 34 {_CCPR_FR}",
        "die Allgemeine Bemerkung Nr. 34 des Menschenrechtsausschusses",
        "la observación general núm. 16",  # no committee: GC101, not GC103
    ],
)
def test_right_term_in_languages_is_not_flagged(good: str) -> None:
    assert found(good), good
    assert "GC103" not in [f.code for f in findings(good)]


def test_joint_texts_are_not_flagged_for_their_term() -> None:
    text = (
        "Joint general recommendation/general comment No. 31 of the Committee on the "
        "Elimination of Discrimination against Women"
    )
    assert "GC103" not in [f.code for f in findings(text)]


_FRAGMENTS = st.sampled_from([
    "general comment ", "General Comment ", "general recommendation ", "general comments ",
    "No. ", "Nos. ", "16", "XXV", " (2005)", " and ", ", ", "of the Human Rights Committee",
    "CEDAW ", "the Committee's ", "para. 5", "\u00a0", "\n", "/", "(", ")", "joint ",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=5)), max_size=25))
def test_property_never_raises_and_spans_match(parts: list[str]) -> None:
    assert_family_is_total(FAMILY, "gc", "".join(parts))
