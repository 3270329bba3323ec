"""EU112: an act of a former pillar cited with an era's domain. A framework decision was adopted
only under Title VI (JHA, May 1999 to November 2009), a common position or joint action under the
CFSP or Title VI: "Framework Decision 2002/584/EC" is written wrong, in every language. Either the
type or the domain is wrong and the number does not tell which ("Framework Decision 2000/520/EC"
is Commission Decision 2000/520/EC), so no fix is offered: the message names the form the type
asks for, or says the type did not exist in that year."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.families.eu_acts import DOMAIN_TYPE_MISMATCH

# (text, CELEX id, the form the message names for the type, or None where it names none)
MISMATCHES: list[tuple[str, str, str | None]] = [
    ("Council Framework Decision 2002/584/EC", "celex:32002F0584", "2002/584/JHA"),
    ("Framework Decision 2008/977/EC of 27 November 2008", "celex:32008F0977", "2008/977/JHA"),
    ("Framework Decision (EU) 2002/584", "celex:32002F0584", "2002/584/JHA"),
    ("Framework Decision 2002/584/EU", "celex:32002F0584", "2002/584/JHA"),
    ("la décision-cadre 2002/584/CE du Conseil", "celex:32002F0584", "2002/584/JAI"),
    ("der Rahmenbeschluss 2002/584/EG des Rates", "celex:32002F0584", "2002/584/JI"),
    ("la Decisión Marco 2002/584/CE del Consejo", "celex:32002F0584", "2002/584/JAI"),
    # the number is a Commission decision's: the type may be the wrong part
    ("Council Framework Decision 2000/520/EC", "celex:32000F0520", "2000/520/JHA"),
    # CFSP or JHA: the number does not tell which
    ("Common Position 2008/944/EC", "celex:32008E0944", None),
    ("Joint Action 98/699/EC", "celex:31998E0699", None),
    # no framework decision after Lisbon
    ("Framework Decision 2012/13/EU", "celex:32012F0013", None),
]

# Framework decisions before the Treaty of Amsterdam (1 May 1999): the type is wrong, not the
# domain (98/733/JHA is a joint action, 95/46/EC the data-protection directive).
BEFORE_AMSTERDAM: list[tuple[str, str]] = [
    ("Council Framework Decision 1998/733/EC applies.", "1998"),
    ("Council Framework Decision 95/46/EC applies.", "1995"),
    ("Council Framework Decision 94/12/EC applies.", "1994"),
    ("Rahmenbeschluss 98/733/EG des Rates gilt.", "1998"),
    ("Framework Decision 1999/12/EC of 3 March 1999", "1999-03-03"),
]


@pytest.mark.parametrize(("text", "ident", "named"), MISMATCHES)
def test_a_pillar_act_with_an_era_domain(text: str, ident: str, named: str | None) -> None:
    result = citecheck.check(text)
    assert [c.id for c in result.citations] == [ident]
    (finding,) = result.findings
    assert (finding.code, finding.id, finding.fix) == ("EU112", ident, None)
    assert ("if the type is right" in finding.message) == (named is not None)
    if named is not None:
        assert f"'{named}'" in finding.message


@pytest.mark.parametrize(("text", "when"), BEFORE_AMSTERDAM)
def test_a_framework_decision_before_amsterdam_is_a_wrong_type(text: str, when: str) -> None:
    result = citecheck.check(text)
    (finding,) = [f for f in result.findings if f.code == "EU112"]
    assert finding.fix is None
    assert "JHA'" not in finding.message and "/JI'" not in finding.message
    assert f"not in {when}: the type is likely wrong" in finding.message
    assert all(f.fix is None for f in result.findings)


def test_no_example_of_a_framework_decision_before_amsterdam() -> None:
    (finding,) = citecheck.check("Framework Decision 1998/733").findings
    assert finding.code == "EU101" and "JHA" not in finding.message


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
