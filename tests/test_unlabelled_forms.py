"""Forms found while reading corpus texts outside every labelled set (made-up examples in
the same shapes): each row failed before its rule was added."""

from __future__ import annotations

import pytest

from citecheck.pipeline import extract
from citecheck.stream import extract_text


def _found(text: str) -> list[str]:
    return [str(c) for c in extract(text)]


# (text, citations as "id, pinpoint")
INSTRUMENT_NAMES: list[tuple[str, list[str]]] = [
    # pdftotext keeps the indentation of the next line inside a name broken across lines
    (
        "its report under the Convention on the Rights of Persons with\n"
        "      Disabilities (CRPD) was reviewed",
        ["instrument:crpd"],
    ),
    (
        "124.7   Withdraw its reservations to the Convention on the Elimination of All\n"
        "               Forms of Discrimination against Women (Norway);",
        ["instrument:cedaw"],
    ),
    (
        "Ratify the amendment to article 8 of the International Convention on the\n"
        "               Elimination of All Forms of Racial Discrimination (Chile);",
        ["instrument:cerd, art. 8"],
    ),
    # the usual shortened and loose names of the migrant workers and disappearances treaties
    (
        "Ratify the International Convention on the Rights of All Migrant Workers and Members "
        "of Their Families (Togo);",
        ["instrument:cmw"],
    ),
    (
        "Ratify the International Convention on the Rights of Migrant\n"
        "               Workers and Members of their Families (Peru);",
        ["instrument:cmw"],
    ),
    (
        "consider acceding to the Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families",
        ["instrument:cmw"],
    ),
    (
        "Ratify the Convention for the Protection of All Persons from\n"
        "               Enforced Disappearance (Uruguay);",
        ["instrument:ced"],
    ),
    (
        "Ratify the International Convention on Protection of All Persons from Enforced "
        "Disappearance (Iraq);",
        ["instrument:ced"],
    ),
    # "the FEU Treaty" is the Treaty on the Functioning of the European Union
    ("Part Three of the FEU Treaty concerns internal policies.", ["instrument:tfeu"]),
    ("as laid down in Article 263 of the FEU Treaty.", ["instrument:tfeu, art. 263"]),
]

NOT_INSTRUMENTS = [
    # plural: the two Treaties, not one instrument
    "The EU and FEU Treaties confer that power.",
    # a paragraph break is not a line break inside a name
    "the Convention on the Rights of Persons with\n\n\n\n      Disabilities",
]


@pytest.mark.parametrize(("text", "expected"), INSTRUMENT_NAMES)
def test_instrument_names(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", NOT_INSTRUMENTS)
def test_not_instruments(text: str) -> None:
    assert [c.id for c in extract(text) if c.family == "instruments" and c.pinpoint] == []
    assert "instrument:crpd" not in [c.id for c in extract(text)]


# (text, citations as "id, pinpoint")
EU_PINPOINTS: list[tuple[str, list[str]]] = [
    # "Article X of, and Annex Y to, <act>": both pinpoints belong to the act
    (
        "the Member State has failed to fulfil Article 12(2) of, and Annex IV to, Directive "
        "2004/35/EC, as well as",
        ["celex:32004L0035, art. 12(2); annex IV"],
    ),
    (
        "Under Article 3(1) of, and Annexes II and III to, Directive 2010/75/EU, such plants",
        ["celex:32010L0075, art. 3(1); annex II; annex III"],
    ),
    (
        "the validity of Article 56(3) of, and point 4 of Annex II to, Council Directive "
        "2006/112/EC of 28 November 2006",
        ["celex:32006L0112, art. 56(3); annex II, point 4"],
    ),
    (
        "Articles 2, 2a and 5(1) of, and Annex I to, Regulation (EU) No 269/2014; and",
        ["celex:32014R0269, art. 2; art. 2a; art. 5(1); annex I"],
    ),
    # a listed sub-division of another kind goes back to the level of its own kind
    (
        "Article 3(1)(a) to (c) and (4) of Decision 2014/145/CFSP",
        ["celex:32014D0145, art. 3(1)(a)-(c); art. 3(4)"],
    ),
    (
        "Article 9(2)(e) and (3) of Regulation (EU) 2016/679",
        ["celex:32016R0679, art. 9(2)(e); art. 9(3)"],
    ),
    (
        "Article 4(1)(b)(ii) and (c) of Regulation (EU) 2016/679",
        ["celex:32016R0679, art. 4(1)(b)(ii); art. 4(1)(c)"],
    ),
]

SAME_LEVEL = [
    # a sub-division of the same kind stays a sibling of the last level
    ("Article 5(1)(h) and (i) of Regulation (EU) 2016/679", "art. 5(1)(h); art. 5(1)(i)"),
    (
        "Article 5(1)(a)(i) and (ii) of Regulation (EU) 2016/679",
        "art. 5(1)(a)(i); art. 5(1)(a)(ii)",
    ),
    ("Article 4(3) and (4) of Regulation (EU) 2016/679", "art. 4(3); art. 4(4)"),
]


@pytest.mark.parametrize(("text", "expected"), EU_PINPOINTS)
def test_eu_pinpoints(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "pinpoint"), SAME_LEVEL)
def test_same_level_siblings(text: str, pinpoint: str) -> None:
    assert [str(c.pinpoint) for c in extract(text)] == [pinpoint]


def test_of_and_to_in_prose_is_no_pinpoint() -> None:
    found = extract("improve the identification of, and assistance to, Directive 2011/36/EU")
    assert [(c.id, str(c.pinpoint)) for c in found] == [("celex:32011L0036", "")]


GDPR_TITLE = (
    "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 on "
    "the protection of natural persons with regard to the processing of personal data and on "
    "the free movement of such data, and repealing Directive 95/46/EC (General Data Protection "
    "Regulation) (OJ 2016 L 119, p. 1"
)

# (text, [(span, "id, pinpoint")] of the uses of the acronym)
ACRONYMS: list[tuple[str, list[tuple[str, str]]]] = [
    # an acronym defined right after an act (or its OJ reference) names that act
    (
        f"This request concerns {GDPR_TITLE}; \u2018the GDPR\u2019).\n\n2 Under Article 6(1)(f) "
        "of the GDPR and recital 47 thereof, the GDPR applies; a GDPR-compliant policy.",
        [
            ("Article 6(1)(f) of the GDPR", "celex:32016R0679, art. 6(1)(f)"),
            ("the GDPR", "celex:32016R0679"),
        ],
    ),
    (
        f"{GDPR_TITLE}) (\u2018GDPR\u2019). Articles 12 and 15 of the GDPR apply.",
        [("Articles 12 and 15 of the GDPR", "celex:32016R0679, art. 12; art. 15")],
    ),
    (
        "Directive 2010/13/EU of the European Parliament and of the Council of 10 March 2010 (OJ "
        "2010 L 95, p. 1) (hereinafter \u2018the AVMSD\u2019). Article 1(1)(a) of the AVMSD",
        [("Article 1(1)(a) of the AVMSD", "celex:32010L0013, art. 1(1)(a)")],
    ),
    # a name given to a firm or a national law is not the act cited before it
    (
        "Commission Decision 2011/839/EU of 20 April 2011 on aid to TV2/Danmark A/S "
        "(\u2018TV2\u2019). TV2 received aid.",
        [],
    ),
    (
        "the Wet overlevering of 29 April 2004, transposing into Netherlands law Framework "
        "Decision 2002/584/JHA (\u2018the WOL\u2019). Under Article 6(2) of the WOL, surrender",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACRONYMS)
def test_acronym_names_an_act(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(c.text, str(c)) for c in extract(text) if c.family == "backrefs"]
    assert found == expected


def test_acronym_before_a_colon_or_in_an_identifier() -> None:
    text = (
        f"{GDPR_TITLE}; \u2018the GDPR\u2019).\n\n16 Under Article 51(1) of the GDPR:\n\n"
        "\u2018Each ...\u2019 See X:GDPR:2020 and GDPR/2020."
    )
    found = [(c.text, str(c)) for c in extract(text) if c.family == "backrefs"]
    assert found == [("Article 51(1) of the GDPR", "celex:32016R0679, art. 51(1)")]


# "UNSCR" is the usual abbreviation of "United Nations Security Council resolution"
UNSCR: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "the arms embargo on Libya as provided in UNSCR 1970 (2011) and subsequent Resolutions",
        [("UNSCR 1970 (2011)", "un:S/RES/1970(2011)")],
    ),
    (
        "in accordance with UNSCRs 2240 (2015) and 2380 (2017), as well as",
        [("UNSCRs 2240 (2015)", "un:S/RES/2240(2015)"), ("2380 (2017)", "un:S/RES/2380(2017)")],
    ),
    (
        "UNSCR 2509 (2020) and UNSCR 2526 (2020)",
        [
            ("UNSCR 2509 (2020)", "un:S/RES/2509(2020)"),
            ("UNSCR 2526 (2020)", "un:S/RES/2526(2020)"),
        ],
    ),
    # not the abbreviation itself
    ("the UNSCR-based regime 2146 (2014)", []),
]


@pytest.mark.parametrize(("text", "expected"), UNSCR)
def test_unscr(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.text, c.id) for c in extract(text)] == expected


# "paragraph N of the judgment of <date>, <case name> (<case number>)": the paragraph is the
# judgment's, also when the case's name stands between the date and the number
CASE_PINPOINTS: list[tuple[str, list[str]]] = [
    (
        "as held in paragraph 41 of the judgment of 12 March 2015, Commission v Smith "
        "(C\u2011123/13 P, EU:C:2015:150), the appeal",
        ["case:C-123/13 P, para. 41", "ecli:EU:C:2015:150, para. 41"],
    ),
    (
        "paragraphs 20 to 22 of the judgment of 5 May 2011, Alpha and Beta Holding Company v "
        "European Parliament and Council of the European Union (\nC\u201110/10\n,\nEU:C:2011:7\n)",
        ["case:C-10/10, paras. 20-22", "ecli:EU:C:2011:7, paras. 20-22"],
    ),
    # joined cases with one ECLI are one judgment
    (
        "paragraph 9 of the judgment of 1 June 2010, Doe v Council (C\u20111/09 P and C\u20112/09 "
        "P, EU:C:2010:1)",
        ["case:C-1/09 P, para. 9", "case:C-2/09 P, para. 9", "ecli:EU:C:2010:1, para. 9"],
    ),
    # a clause, not a case name, after the date: the paragraph is not the case's
    (
        "in paragraph 5 of the judgment of 2 May 2013, the Court held (C-5/12)",
        ["case:C-5/12"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASE_PINPOINTS)
def test_case_pinpoint_before_a_case_name(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_acronym_defined_in_an_earlier_window_of_a_stream() -> None:
    filler = "The Court observes that the procedure was followed. " * 200
    text = f"{GDPR_TITLE}; \u2018the GDPR\u2019).\n\n{filler}\n\nUnder Article 5 of the GDPR, data"
    whole = [(c.start, c.id, str(c.pinpoint)) for c in extract(text)]
    streamed = [
        (c.start, c.id, str(c.pinpoint)) for c in extract_text(text, window=4096, overlap=512)
    ]
    assert streamed == whole
    assert whole[-1][1:] == ("celex:32016R0679", "art. 5")


def test_pinpoint_before_a_markdown_escaped_bracket() -> None:
    text = (
        f"{GDPR_TITLE}; \u2018the GDPR\u2019). Must Article 17 of the \\[GDPR\\] be read with "
        "Article 4 of \\[Directive 95/46/EC\\]?"
    )
    found = [str(c) for c in extract(text) if "Article" in c.text]
    assert found == ["celex:32016R0679, art. 17", "celex:31995L0046, art. 4"]
