# ruff: noqa: E501  (table rows hold real citation strings)
"""CELEX numbers, ELI URIs and EUR-Lex URLs (GRAMMAR.md E.6, E.7)."""

from __future__ import annotations

import pytest

from citecheck import check, extract
from citecheck.families.eu_identifiers import CelexParts, ELIParts, URLParts, eli_celex
from citecheck.model import Kind

# (text, [(kind, id, span)])
POSITIVES = [
    ("32020D1999", [(Kind.CELEX, "celex:32020D1999", "32020D1999")]),
    ("see CELEX:32016R0679.", [(Kind.CELEX, "celex:32016R0679", "CELEX:32016R0679")]),
    ("CELEX 32016R0679", [(Kind.CELEX, "celex:32016R0679", "CELEX 32016R0679")]),
    ("32016R0679R(02)", [(Kind.CELEX, "celex:32016R0679R(02)", "32016R0679R(02)")]),
    ("02020D1999-20210302", [(Kind.CELEX, "celex:02020D1999-20210302", "02020D1999-20210302")]),
    ("62012CJ0293", [(Kind.CELEX, "celex:62012CJ0293", "62012CJ0293")]),
    ("CELEX:12012P/TXT", [(Kind.CELEX, "celex:12012P/TXT", "CELEX:12012P/TXT")]),
    (
        "http://data.europa.eu/eli/reg/2016/679/oj",
        [(Kind.ELI, "celex:32016R0679", "http://data.europa.eu/eli/reg/2016/679/oj")],
    ),
    (
        "ELI: http://data.europa.eu/eli/dec/2020/1999/2021-03-02.",
        [(Kind.ELI, "celex:32020D1999", "http://data.europa.eu/eli/dec/2020/1999/2021-03-02")],
    ),
    (
        "http://data.europa.eu/eli/dir/2009/3/corrigendum/2009-10-24/oj",
        [(Kind.ELI, "celex:32009L0003", "http://data.europa.eu/eli/dir/2009/3/corrigendum/2009-10-24/oj")],
    ),
    (
        "http://data.europa.eu/eli/reg_impl/2020/1998/oj",
        [(Kind.ELI, "celex:32020R1998", "http://data.europa.eu/eli/reg_impl/2020/1998/oj")],
    ),
    (
        "See https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020D1999.",
        [
            (
                Kind.CELEX,
                "celex:32020D1999",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020D1999",
            )
        ],
    ),
    (
        "(https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32020D1999)",
        [
            (
                Kind.CELEX,
                "celex:32020D1999",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32020D1999",
            )
        ],
    ),
    (
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.L_.2016.119.01.0001.01.ENG",
        [
            (
                Kind.OJ,
                "oj:L/2016/119/p1",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.L_.2016.119.01.0001.01.ENG",
            )
        ],
    ),
    (
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv%3AOJ.LI.2020.410.01.0013.01.ENG",
        [
            (
                Kind.OJ,
                "oj:L/2020/410I/p13",
                "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv%3AOJ.LI.2020.410.01.0013.01.ENG",
            )
        ],
    ),
    (
        "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        [(Kind.ELI, "celex:32016R0679", "https://eur-lex.europa.eu/eli/reg/2016/679/oj")],
    ),
]
NEGATIVES = [
    "tariff codes 8471 30 00 and 0302 11 10",
    "version 3.2016.1 and v32016",
    "call +32 2 299 11 11",
    "3216R0679",  # two-digit year
    "ISBN 978-92-76-12345-6",
    "the 2020/21 season",
    "https://example.org/?uri=CELEX:32016R0679",  # not EUR-Lex; the bare CELEX is not cited twice
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text: str, expected: list[tuple[Kind, str, str]]) -> None:
    found = extract(text)
    assert [(c.kind, c.id, c.text) for c in found] == expected
    for c in found:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("text", NEGATIVES[:-1])
def test_negative(text: str) -> None:
    assert [c.id for c in extract(text) if c.family == "eu_identifiers"] == []


def test_foreign_url_does_not_make_a_url_citation() -> None:
    found = [c for c in extract(NEGATIVES[-1]) if c.family == "eu_identifiers"]
    assert all(not isinstance(c.parts, URLParts) for c in found)


def test_parts() -> None:
    (c,) = extract("02020D1999-20210302")
    assert isinstance(c.parts, CelexParts)
    assert (c.parts.sector, c.parts.year, c.parts.descriptor, c.parts.consolidated) == (
        "0",
        2020,
        "D",
        "20210302",
    )
    (e,) = extract("http://data.europa.eu/eli/dec/2020/1999/2021-03-02")
    assert isinstance(e.parts, ELIParts)
    assert e.parts.version == "2021-03-02" and e.parts.derived == "dec -> D"
    assert eli_celex("agree_internation", "2016", "920") == (None, "agree_internation: no CELEX descriptor")


def test_unmapped_eli_type() -> None:
    text = "http://data.europa.eu/eli/agree_internation/2016/920/oj"
    (c,) = extract(text)
    assert c.kind is Kind.ELI and c.id == "eli:agree_internation/2016/920/oj"
    assert "EU204" in {f.code for f in check(text).findings}
    assert "EU204" not in {f.code for f in check("http://data.europa.eu/eli/reg/2016/679/oj").findings}


def test_unpadded_celex_reported_with_fix() -> None:
    result = check("CELEX 32016R679")
    (c,) = result.citations
    assert c.id == "celex:32016R0679"
    (f,) = [f for f in result.findings if f.code == "EU201"]
    assert f.fix is not None and f.fix.replacement == "32016R0679"
    assert "EU201" not in {f.code for f in check("CELEX 32016R0679").findings}


def test_descriptor_must_fit_act() -> None:
    text = "Regulation (EU) 2016/679 (CELEX 32016L0679)"
    (f,) = [f for f in check(text).findings if f.code == "EU202"]
    assert f.fix is not None and f.fix.replacement == "R" and text[f.fix.start : f.fix.end] == "L"
    ok = "Regulation (EU) 2016/679 (CELEX 32016R0679)"
    assert "EU202" not in {f.code for f in check(ok).findings}
    other = "Regulation (EU) 2016/679 (CELEX 32016L0680)"  # a different act: no claim
    assert "EU202" not in {f.code for f in check(other).findings}


def test_unknown_sector3_descriptor() -> None:
    assert "EU203" in {f.code for f in check("32016Z0679").findings}
    assert "EU203" not in {f.code for f in check("32016R0679").findings}


def test_descriptor_of_a_jha_joint_action_is_f() -> None:
    """A joint action of Title VI is filed under F: its right CELEX raises nothing, and the
    CFSP letter E after it is fixed to F (not the other way round)."""
    ok = "Joint Action 98/699/JHA (CELEX 31998F0699)"
    assert "EU202" not in {f.code for f in check(ok).findings}
    text = "Joint Action 98/699/JHA (CELEX 31998E0699)"
    (f,) = [f for f in check(text).findings if f.code == "EU202"]
    assert f.fix is not None and f.fix.replacement == "F" and text[f.fix.start : f.fix.end] == "E"
    cfsp = "Joint Action 2008/124/CFSP (CELEX 32008E0124)"
    assert "EU202" not in {f.code for f in check(cfsp).findings}
