# ruff: noqa: E501  (table rows hold real citation strings)
"""EU acts by type and number (GRAMMAR.md E.1-E.3, E.5)."""

from __future__ import annotations

import datetime

import pytest

from citecheck import check, extract
from citecheck.families.eu_acts import EUActParts, canonical_numbering, domain_fits
from citecheck.model import Kind

# (text, [(id, span text, pinpoint)])
POSITIVES = [
    ("Regulation (EU) No 1025/2012", [("celex:32012R1025", "Regulation (EU) No 1025/2012", "")]),
    ("Regulation (EU) 2016/679", [("celex:32016R0679", "Regulation (EU) 2016/679", "")]),
    ("under Directive 95/46/EC.", [("celex:31995L0046", "Directive 95/46/EC", "")]),
    ("Council Decision 2011/235/CFSP", [("celex:32011D0235", "Council Decision 2011/235/CFSP", "")]),
    ("Framework Decision 2002/584/JHA", [("celex:32002F0584", "Framework Decision 2002/584/JHA", "")]),
    ("Common Position 2008/944/CFSP", [("celex:32008E0944", "Common Position 2008/944/CFSP", "")]),
    ("Council Joint Action 2008/124/CFSP", [("celex:32008E0124", "Council Joint Action 2008/124/CFSP", "")]),
    # A joint action of Title VI (JHA) is filed under F, one of the CFSP under E.
    ("Joint Action 98/699/JHA", [("celex:31998F0699", "Joint Action 98/699/JHA", "")]),
    ("action commune 98/699/JAI", [("celex:31998F0699", "action commune 98/699/JAI", "")]),
    ("Commission Recommendation 2003/361/EC", [("celex:32003H0361", "Commission Recommendation 2003/361/EC", "")]),
    (
        "Council Decision (CFSP) 2020/1999 of 7 December 2020 concerning restrictive measures",
        [("celex:32020D1999", "Council Decision (CFSP) 2020/1999 of 7 December 2020", "")],
    ),
    (
        "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 on",
        [
            (
                "celex:32016R0679",
                "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016",
                "",
            )
        ],
    ),
    (
        "COMMISSION IMPLEMENTING REGULATION (EU) 2016/1821 of 6 October 2016",
        [("celex:32016R1821", "COMMISSION IMPLEMENTING REGULATION (EU) 2016/1821 of 6 October 2016", "")],
    ),
    ("Regulation (Euratom, EC) No 2185/96", [("celex:31996R2185", "Regulation (Euratom, EC) No 2185/96", "")]),
    ("Decision (EU, Euratom) 2015/8", [("celex:32015D0008", "Decision (EU, Euratom) 2015/8", "")]),
    ("Decision No 284/2010/EU", [("celex:32010D0284", "Decision No 284/2010/EU", "")]),
    ("First Council Directive 73/239/EEC", [("celex:31973L0239", "First Council Directive 73/239/EEC", "")]),
    ("Regulation (EU)\u00a0No\u00a01093/2010", [("celex:32010R1093", "Regulation (EU)\u00a0No\u00a01093/2010", "")]),
    ("Regulation (EU)\n2016/679", [("celex:32016R0679", "Regulation (EU)\n2016/679", "")]),
    (
        "amending Regulations (EC) No 1060/2009, (EU) No 648/2012 and (EU) 2016/1011",
        [
            ("celex:32009R1060", "Regulations (EC) No 1060/2009", ""),
            ("celex:32012R0648", "(EU) No 648/2012", ""),
            ("celex:32016R1011", "(EU) 2016/1011", ""),
        ],
    ),
    (
        "Directives 2009/65/EC and 2011/61/EU",
        [("celex:32009L0065", "Directives 2009/65/EC", ""), ("celex:32011L0061", "2011/61/EU", "")],
    ),
    # pinpoints before and after
    (
        "Article 3(1) of Regulation (EU) 2016/679",
        [("celex:32016R0679", "Article 3(1) of Regulation (EU) 2016/679", "art. 3(1)")],
    ),
    (
        "point (d) of Article 1(1) of Council Decision (CFSP) 2020/1999",
        [
            (
                "celex:32020D1999",
                "point (d) of Article 1(1) of Council Decision (CFSP) 2020/1999",
                "art. 1(1)(d)",
            )
        ],
    ),
    (
        "Articles 12 and 19 of Regulation (EU) 2016/679",
        [("celex:32016R0679", "Articles 12 and 19 of Regulation (EU) 2016/679", "art. 12; art. 19")],
    ),
    (
        "(art. 1, par. d, iii and iv of [Council Decision CFSP 2020/1999](#))",
        [
            (
                "celex:32020D1999",
                "art. 1, par. d, iii and iv of [Council Decision CFSP 2020/1999",
                "art. 1(d)(iii); art. 1(d)(iv)",
            )
        ],
    ),
    ("Art. 8 bis of Directive 95/46/EC", [("celex:31995L0046", "Art. 8 bis of Directive 95/46/EC", "art. 8 bis")]),
    ("recital 4 of Regulation (EU) 2016/679", [("celex:32016R0679", "recital 4 of Regulation (EU) 2016/679", "recital 4")]),
    ("Annex II to Directive 2013/36/EU", [("celex:32013L0036", "Annex II to Directive 2013/36/EU", "annex II")]),
    (
        "Regulation (EU) 2016/679, Article 6(1)(f), applies",
        [("celex:32016R0679", "Regulation (EU) 2016/679, Article 6(1)(f)", "art. 6(1)(f)")],
    ),
    (
        "Article 29 of Directive \\[95/46\\] shall",
        [("celex:31995L0046", "Article 29 of Directive \\[95/46\\]", "art. 29")],
    ),
    # wrong forms still resolve
    ("Council Decision CFSP 2020/1999", [("celex:32020D1999", "Council Decision CFSP 2020/1999", "")]),
    ("Regulation 2016/679", [("celex:32016R0679", "Regulation 2016/679", "")]),
    ("Regulation (EU) No 2016/679", [("celex:32016R0679", "Regulation (EU) No 2016/679", "")]),
    ("Directive 2016/680/EU", [("celex:32016L0680", "Directive 2016/680/EU", "")]),
    ("Regulation (EC) No 1049/01", [("celex:32001R1049", "Regulation (EC) No 1049/01", "")]),
    ("Regulation (EU) 679/2016", [("celex:32016R0679", "Regulation (EU) 679/2016", "")]),
    # review 1: "No" with a year-first number; the later number is no year (2088, 2031)
    ("Regulation (EU) No 2019/2088", [("celex:32019R2088", "Regulation (EU) No 2019/2088", "")]),
    ("Council Decision (CFSP) No 2020/1999", [("celex:32020D1999", "Council Decision (CFSP) No 2020/1999", "")]),
    ("Directive No. 2000/31/EC on electronic commerce", [("celex:32000L0031", "Directive No. 2000/31/EC", "")]),
    ("Decision No 1692/96/EC", [("celex:31996D1692", "Decision No 1692/96/EC", "")]),
    # review 5: list items take the head's domain
    (
        "Decisions (EU, Euratom) 2015/443 and 2015/444",
        [("celex:32015D0443", "Decisions (EU, Euratom) 2015/443", ""), ("celex:32015D0444", "2015/444", "")],
    ),
    # review 6: Court short forms without domain
    ("Regulation No 2658/87", [("celex:31987R2658", "Regulation No 2658/87", "")]),
    (
        "Council Directive 93/13/EEC of 5 April 1993 on unfair terms. Under Directive 93/13, the",
        [
            ("celex:31993L0013", "Council Directive 93/13/EEC of 5 April 1993", ""),
            ("celex:31993L0013", "Directive 93/13", ""),
        ],
    ),
    (
        "Article 7 of Directive 95/46 and Directive 95/46/EC",
        [
            ("celex:31995L0046", "Article 7 of Directive 95/46", "art. 7"),
            ("celex:31995L0046", "Directive 95/46/EC", ""),
        ],
    ),
]

NEGATIVES = [
    "Council decision 2/102",  # UN Human Rights Council decision
    "Economic and Social Council decision 2005/256",
    "Economic and Social Council Decision 2005/256",
    "the 2020/21 academic year",
    "the Regulation shall apply from 25 May 2018",
    "Directive 95/46",  # no domain and a two-digit year: not enough to be sure
    "decision 2016/679",  # lower case, no domain
    "Regulation No 17",  # no year
    "Regulation (EU) 2016/679/2",
    "Article 13 of Decision No 1/80 of the Association Council",  # EEC-Turkey, not an EU act
    "paper size C-3 and Regulation 12",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [c for c in extract(text) if c.kind is Kind.EU_ACT]
    assert [(c.id, c.text, str(c.pinpoint)) for c in found] == expected
    for c in found:
        assert text[c.start : c.end] == c.text
        assert isinstance(c.parts, EUActParts)
        assert c.id == f"celex:{c.parts.celex}"


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind is Kind.EU_ACT] == []


def test_parts() -> None:
    (cit,) = extract("Commission Implementing Regulation (EU) 2020/1998 of 7 December 2020")
    p = cit.parts
    assert isinstance(p, EUActParts)
    assert (p.author, p.modifier, p.act_type, p.domains, p.year, p.number) == (
        "Commission",
        "Implementing",
        "regulation",
        ("EU",),
        2020,
        1998,
    )
    assert p.date == datetime.date(2020, 12, 7)
    assert p.form == "new"
    (fd,) = extract("Council Framework Decision 2002/584/JHA")
    assert fd.parts.act_type == "framework decision" and fd.parts.domains == ("JHA",)


def test_ambiguous_domainless_decision() -> None:
    (cit,) = extract("Decision No 1/2014")
    assert cit.id == "celex:32014D0001" and cit.ambiguous


def test_ambiguous_number_order() -> None:
    (cit,) = extract("Decision (EC) No 2001/2005")
    assert cit.id == "celex:32005D2001" and cit.ambiguous
    (clear,) = extract("Council Decision (CFSP) No 2020/1999")
    assert not clear.ambiguous and clear.parts.form == "new"


def test_list_item_inherits_domain() -> None:
    _, item = extract("Decisions (EU, Euratom) 2015/443 and 2015/444")
    assert item.parts.domains == ("EU", "Euratom") and item.parts.form == "bare"
    assert item.notes == ()


def test_short_form_known_from_elsewhere() -> None:
    # the domain-bearing citation comes after the short one: still accepted
    text = "Directive 93/13 applies. See Council Directive 93/13/EEC."
    assert [c.id for c in extract(text)] == ["celex:31993L0013", "celex:31993L0013"]
    # a different number with a domain elsewhere does not rescue it
    assert [c.id for c in extract("Directive 93/13 and Directive 93/14/EEC")] == ["celex:31993L0014"]


# (text, code, replacement or None, fixed span text)
FINDINGS = [
    ("Regulation 2016/679", "EU101", None, "2016/679"),
    ("Council Decision CFSP 2020/1999", "EU102", "(CFSP) 2020/1999", "CFSP 2020/1999"),
    ("Regulation (EU) No 2016/679", "EU103", "(EU) 2016/679", "(EU) No 2016/679"),
    ("Regulation (EC) No 1049/01", "EU104", "(EC) No 1049/2001", "(EC) No 1049/01"),
    ("Council Regulation (EC) No 2820/1998", "EU105", "(EC) No 2820/98", "(EC) No 2820/1998"),
    ("Directive 2016/680/EU", "EU106", "(EU) 2016/680", "2016/680/EU"),
    ("Regulation (EC) No 1/2010", "EU107", None, "(EC) No 1/2010"),
    ("Regulation (EU) 679/2016", "EU108", "(EU) 2016/679", "(EU) 679/2016"),
    ("Regulation (EU) 1025/2012", "EU109", "(EU) No 1025/2012", "(EU) 1025/2012"),
    ("Directive (EC) 95/46", "EU110", "95/46/EC", "(EC) 95/46"),
    ("art. 1, par. d of Directive 95/46/EC", "EU111", None, "art. 1, par. d of "),
    # review 1
    ("Regulation (EU) No 2019/2088", "EU103", "(EU) 2019/2088", "(EU) No 2019/2088"),
    ("Council Decision (CFSP) No 2020/1999", "EU103", "(CFSP) 2020/1999", "(CFSP) No 2020/1999"),
    ("Directive No. 2000/31/EC", "EU103", "2000/31/EC", "No. 2000/31/EC"),
    # both numbers are plausible years and nothing tells them apart: reported, no fix
    ("Decision (EC) No 2001/2005", "EU110", None, "(EC) No 2001/2005"),
    # review 5: a full citation only later does not excuse the earlier short one
    ("Regulation 2016/679 and later Regulation (EU) 2016/679", "EU101", None, "2016/679"),
]
CLEAN = [
    ("Regulation (EU) 2016/679", "EU101"),
    ("Council Decision (CFSP) 2020/1999", "EU102"),
    ("Regulation (EU) No 1025/2012", "EU103"),
    ("Regulation (EC) No 1049/2001", "EU104"),
    ("Council Regulation (EC) No 2820/98", "EU105"),
    ("Directive (EU) 2016/680", "EU106"),
    ("Commission Regulation (EU) No 1204/2009 of 4 December 2009", "EU107"),
    ("Regulation (EU) 2016/679", "EU108"),
    ("Regulation (EU) No 1025/2012", "EU109"),
    ("Directive 95/46/EC", "EU110"),
    ("Article 1(d) of Directive 95/46/EC", "EU111"),
    # review 1
    ("Regulation (EU) No 2019/2088", "EU107"),
    ("Council Decision (CFSP) No 2020/1999", "EU110"),
    ("Directive No. 2000/31/EC", "EU106"),
    ("Directive No. 2000/31/EC", "EU107"),
    ("Regulation (EC) No 1999/2001", "EU103"),
    # review 5: cited in full earlier; list items inherit the head's domain
    ("Council Directive 2008/94/EC of 22 October 2008. Directive 2008/94 applies.", "EU101"),
    ("Decisions (EU, Euratom) 2015/443 and 2015/444", "EU101"),
    ("Decisions (EU, Euratom) 2015/443 and 2015/444", "EU102"),
    ("Regulations (EEC) No 1408/71 and No 574/72", "EU101"),
]


@pytest.mark.parametrize(("text", "code", "replacement", "span"), FINDINGS)
def test_finding(text: str, code: str, replacement: str | None, span: str) -> None:
    findings = [f for f in check(text).findings if f.code == code]
    assert len(findings) == 1, check(text).findings
    f = findings[0]
    assert text[f.start : f.end] == span
    if replacement is None:
        assert f.fix is None
    else:
        assert f.fix is not None and f.fix.replacement == replacement
        fixed = text[: f.fix.start] + f.fix.replacement + text[f.fix.end :]
        # The fixed text parses to the same act and no longer raises this code.
        assert [c.id for c in extract(fixed)] == [c.id for c in extract(text)]
        assert code not in {x.code for x in check(fixed).findings}


@pytest.mark.parametrize(("text", "code"), CLEAN)
def test_no_finding(text: str, code: str) -> None:
    assert code not in {f.code for f in check(text).findings}


def test_domain_timeline() -> None:
    assert domain_fits("EU", 2009, datetime.date(2009, 12, 4))
    assert not domain_fits("EU", 2009, datetime.date(2009, 11, 4))
    assert not domain_fits("EEC", 1995, None)
    assert domain_fits("ECSC", 2001, None) and not domain_fits("ECSC", 2003, None)
    assert canonical_numbering("directive", ("EC",), 1995, 46, False) == "95/46/EC"
    assert canonical_numbering("decision", ("EU",), 2010, 284, True) == "No 284/2010/EU"
