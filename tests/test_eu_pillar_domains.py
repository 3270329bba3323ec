"""EU112: an act of a former pillar cited with an era's domain. A framework decision was adopted
only under Title VI (JHA, 1999-2009), a common position or joint action under the CFSP or
Title VI: "Framework Decision 2002/584/EC" is written wrong, in every language, and is fixed to
JHA where that is the only domain the type and year allow."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.families.eu_acts import DOMAIN_TYPE_MISMATCH

# (text, CELEX id, the fix's replacement or None for a finding without fix)
MISMATCHES: list[tuple[str, str, str | None]] = [
    ("Council Framework Decision 2002/584/EC", "celex:32002F0584", "2002/584/JHA"),
    ("Framework Decision 2008/977/EC of 27 November 2008", "celex:32008F0977", "2008/977/JHA"),
    ("Framework Decision (EU) 2002/584", "celex:32002F0584", "2002/584/JHA"),
    ("Framework Decision 2002/584/EU", "celex:32002F0584", "2002/584/JHA"),
    ("la décision-cadre 2002/584/CE du Conseil", "celex:32002F0584", "2002/584/JAI"),
    ("der Rahmenbeschluss 2002/584/EG des Rates", "celex:32002F0584", "2002/584/JI"),
    ("la Decisión Marco 2002/584/CE del Consejo", "celex:32002F0584", "2002/584/JAI"),
    # CFSP or JHA: the number does not tell which, so no fix
    ("Common Position 2008/944/EC", "celex:32008E0944", None),
    ("Joint Action 98/699/EC", "celex:31998E0699", None),
    # no framework decision after Lisbon: the finding, no fix
    ("Framework Decision 2012/13/EU", "celex:32012F0013", None),
]


@pytest.mark.parametrize(("text", "ident", "replacement"), MISMATCHES)
def test_a_pillar_act_with_an_era_domain(text: str, ident: str, replacement: str | None) -> None:
    result = citecheck.check(text)
    assert [c.id for c in result.citations] == [ident]
    (finding,) = result.findings
    assert (finding.code, finding.id) == ("EU112", ident)
    assert (finding.fix.replacement if finding.fix else None) == replacement
    if finding.fix is not None:
        fixed = text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]
        assert citecheck.check(fixed).findings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Council Framework Decision 2002/584/JHA",
        "la décision-cadre 2002/584/JAI du Conseil",
        "der Rahmenbeschluss 2002/584/JI des Rates",
        "Common Position 2008/944/CFSP",
        "Joint Action 98/699/JHA",
        # other types take the era's domain
        "Council Decision 2002/584/EC",
        "Directive 2012/13/EU",
        "Council Decision (CFSP) 2020/1999",
    ],
)
def test_no_finding_where_the_domain_fits_the_type(text: str) -> None:
    assert [f.code for f in citecheck.check(text).findings if f.code == "EU112"] == []


def test_a_missing_domain_stays_eu101_with_the_pillars_example() -> None:
    (finding,) = citecheck.check("Framework Decision 2002/584").findings
    assert finding.code == "EU101" and "'2002/584/JHA'" in finding.message


def test_the_rules_examples_are_real() -> None:
    bad = citecheck.check(DOMAIN_TYPE_MISMATCH.bad).findings
    assert [f.code for f in bad] == ["EU112"]
    assert citecheck.check(DOMAIN_TYPE_MISMATCH.good).findings == ()
