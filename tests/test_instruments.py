"""Instrument citations: one table of forms (GRAMMAR.md D), near misses, pinpoint validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.families.instruments import InstrumentParts, catalog
from citecheck.pipeline import check, extract

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def _inst(text: str) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text) if c.family == "instruments"]


UDHR_NAME = "Universal Declaration of Human Rights"
ICCPR_NAME = "International Covenant on Civil and Political Rights"
HRD_NAME = (
    "Declaration on the Right and Responsibility of Individuals, Groups and Organs of "
    "Society to Promote and Protect Universally Recognized Human Rights and Fundamental Freedoms"
)

# (text, [(id, span, pinpoint)])
POSITIVES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "under article 17 of the ICCPR.",
        [("instrument:iccpr", "article 17 of the ICCPR", "art. 17")],
    ),
    ("Article 17 of the ICCPR", [("instrument:iccpr", "Article 17 of the ICCPR", "art. 17")]),
    (
        f"articles 12 and 19 of the {UDHR_NAME}",
        [("instrument:udhr", f"articles 12 and 19 of the {UDHR_NAME}", "art. 12; art. 19")],
    ),
    (
        f"articles 17 and 19 of the {ICCPR_NAME} (ICCPR), ratified",
        [
            (
                "instrument:iccpr",
                f"articles 17 and 19 of the {ICCPR_NAME} (ICCPR)",
                "art. 17; art. 19",
            )
        ],
    ),
    ("Article 267 TFEU", [("instrument:tfeu", "Article 267 TFEU", "art. 267")]),
    ("Article 6(3) TEU", [("instrument:teu", "Article 6(3) TEU", "art. 6(3)")]),
    ("Article 8 ECHR", [("instrument:echr", "Article 8 ECHR", "art. 8")]),
    (
        "Article 8 bis of the Rome Statute",
        [("instrument:rome-statute", "Article 8 bis of the Rome Statute", "art. 8 bis")],
    ),
    (
        "article 5 (4) of the ICCPR",
        [("instrument:iccpr", "article 5 (4) of the ICCPR", "art. 5(4)")],
    ),
    (
        "Article 1, paragraph 3, of the United Nations Charter",
        [
            (
                "instrument:un-charter",
                "Article 1, paragraph 3, of the United Nations Charter",
                "art. 1(3)",
            )
        ],
    ),
    ("ICCPR, art. 17", [("instrument:iccpr", "ICCPR, art. 17", "art. 17")]),
    ("articles 2 to 4 of the CRC", [("instrument:crc", "articles 2 to 4 of the CRC", "arts. 2-4")]),
    (
        "Article 1 of Protocol No. 1 to the ECHR",
        [("instrument:echr-p1", "Article 1 of Protocol No. 1 to the ECHR", "art. 1")],
    ),
    ("(Guiding Principle 21)", [("instrument:ungp", "Guiding Principle 21", "principle 21")]),
    (
        "(commentary to Guiding Principle 19)",
        [("instrument:ungp", "commentary to Guiding Principle 19", "commentary to principle 19")],
    ),
    (
        "principle 17 (c) of the Guiding Principles",
        [
            (
                "instrument:ungp",
                "principle 17 (c) of the Guiding Principles",
                "principle 17(c)",
            )
        ],
    ),
    # Short references, resolved from what the text named before.
    (
        f"The {ICCPR_NAME} binds. Under article 17 of the Covenant",
        [
            ("instrument:iccpr", ICCPR_NAME, ""),
            ("instrument:iccpr", "article 17 of the Covenant", "art. 17"),
        ],
    ),
    (
        "the Charter of Fundamental Rights of the European Union. Article 8 of the Charter",
        [
            ("instrument:cfr", "Charter of Fundamental Rights of the European Union", ""),
            ("instrument:cfr", "Article 8 of the Charter", "art. 8"),
        ],
    ),
    (
        f"the {UDHR_NAME} and the {HRD_NAME}; articles 1 and 2 of the Declaration",
        [
            ("instrument:udhr", UDHR_NAME, ""),
            ("instrument:hrd-declaration", HRD_NAME, ""),
            ("instrument:hrd-declaration", "articles 1 and 2 of the Declaration", "art. 1; art. 2"),
        ],
    ),
    (
        "articles 1 and 2 of the UN Declaration on Human Rights Defenders. Furthermore, "
        "article 6 (b) and c) which provide",
        [
            (
                "instrument:hrd-declaration",
                "articles 1 and 2 of the UN Declaration on Human Rights Defenders",
                "art. 1; art. 2",
            ),
            ("instrument:hrd-declaration", "article 6 (b) and c)", "art. 6(b); art. 6(c)"),
        ],
    ),
    (
        "the UN Guiding Principles. In particular, Principle 18 underlines; "
        "The Commentary to Principle 26 underlines",
        [
            ("instrument:ungp", "UN Guiding Principles", ""),
            ("instrument:ungp", "Principle 18", "principle 18"),
            ("instrument:ungp", "Commentary to Principle 26", "commentary to principle 26"),
        ],
    ),
    # Review 7: a lower-case phrase after a short name ("the Covenant on the basis of sex") is
    # not another instrument and does not unset what "the Covenant" means.
    (
        f"Article 19 of the {ICCPR_NAME} protects. Rights under the Covenant on the basis of "
        "sex, the Covenant for a restriction. See article 17 of the Covenant.",
        [
            ("instrument:iccpr", f"Article 19 of the {ICCPR_NAME}", "art. 19"),
            ("instrument:iccpr", "article 17 of the Covenant", "art. 17"),
        ],
    ),
    # ... but another named Covenant does.
    (
        f"the {ICCPR_NAME}. The Covenant of the League of Nations. article 3 of the Covenant",
        [("instrument:iccpr", ICCPR_NAME, "")],
    ),
    # Review 8a: "the arts." ends a sentence; the next paragraph number is no article.
    (
        "Under article 31 of the Convention on the Rights of the Child, access to cultural life "
        "and the arts.\n\n86. The Committee recommends; and the arts. 76 persons",
        [
            (
                "instrument:crc",
                "article 31 of the Convention on the Rights of the Child",
                "art. 31",
            )
        ],
    ),
    (
        "ICCPR, arts. 17 and 19",
        [("instrument:iccpr", "ICCPR, arts. 17 and 19", "art. 17; art. 19")],
    ),
    # Review 8b: a bare article after another source named in between is not the last
    # instrument's: "the Penal Code of Qatar, art. 136", "Refugees, art. 31", "(arts. 14 and
    # 37)" after another instrument was named.
    (
        "Article 17 of the ICCPR protects privacy. See the Penal Code of Qatar, art. 136, and "
        "QAT 1/2020.",
        [("instrument:iccpr", "Article 17 of the ICCPR", "art. 17")],
    ),
    (
        "article 2 of the ICCPR; see the 1951 Convention relating to the Status of Refugees, "
        "art. 31, and the Geneva Conventions, article 91.",
        [("instrument:iccpr", "article 2 of the ICCPR", "art. 2")],
    ),
    (
        "article 16 of the CAT and the Convention on the Rights of the Child, which protects "
        "both rights (arts. 14 and 37)",
        [
            ("instrument:cat", "article 16 of the CAT", "art. 16"),
            ("instrument:crc", "Convention on the Rights of the Child", ""),
        ],
    ),
    # Chaining right after the citation (a list) still works.
    (
        "article 17 of the ICCPR, article 19 and article 26",
        [
            ("instrument:iccpr", "article 17 of the ICCPR", "art. 17"),
            ("instrument:iccpr", "article 19", "art. 19"),
            ("instrument:iccpr", "article 26", "art. 26"),
        ],
    ),
    # Review 8c: "Name, article N of <another name>" is not a name-first citation of Name.
    (
        "the International Convention on the Elimination of All Forms of Racial Discrimination, "
        "article 11 of the Convention on the Elimination of All Forms of Discrimination against "
        "Women, article 32 of the Convention on the Rights of Persons with Disabilities",
        [
            (
                "instrument:cerd",
                "International Convention on the Elimination of All Forms of Racial Discrimination",
                "",
            ),
            (
                "instrument:cedaw",
                "article 11 of the Convention on the Elimination of All Forms of Discrimination "
                "against Women",
                "art. 11",
            ),
            (
                "instrument:crpd",
                "article 32 of the Convention on the Rights of Persons with Disabilities",
                "art. 32",
            ),
        ],
    ),
    # Review 8d: a treaty body's own treaty is "the Convention" of its general comment, when
    # the document says which committee issued it (its symbol, or "... (the Committee)").
    (
        "CRC/C/GC/24\n\nGeneral comment No. 24. Under the Convention against Torture and Other "
        "Cruel, Inhuman or Degrading Treatment or Punishment, ... article 40 (1) of the Convention",
        [
            (
                "instrument:cat",
                "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
                "Punishment",
                "",
            ),
            ("instrument:crc", "article 40 (1) of the Convention", "art. 40(1)"),
        ],
    ),
    (
        "1. The Committee on the Protection of the Rights of All Migrant Workers and Members of "
        "Their Families (the Committee) notes. The Convention on the Rights of Persons with "
        "Disabilities applies. Under article 83 of the Convention, States",
        [
            ("instrument:crpd", "Convention on the Rights of Persons with Disabilities", ""),
            ("instrument:cmw", "article 83 of the Convention", "art. 83"),
        ],
    ),
    # A document that cites another committee's general comment is not that committee's.
    (
        "See CRC/C/GC/24. The Convention against Torture and Other Cruel, Inhuman or Degrading "
        "Treatment or Punishment. Under article 14 of the Convention",
        [
            (
                "instrument:cat",
                "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
                "Punishment",
                "",
            ),
            ("instrument:cat", "article 14 of the Convention", "art. 14"),
        ],
    ),
    # A bare name is a citation with an empty pinpoint; its defining abbreviation is not.
    (
        f"the {UDHR_NAME}, adopted on 10 December 1948 (UDHR), and the ICCPR",
        [("instrument:udhr", UDHR_NAME, ""), ("instrument:iccpr", "ICCPR", "")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _inst(text) == expected


NEGATIVES = [
    "Article 5 of Regulation (EU) 2016/679",
    "Article 8 of the Convention on Cybercrime",
    "article 3 of the Declaration",  # no declaration named before
    "Principle 18 of the Paris Principles",
    "Principle 18 underlines",  # the Guiding Principles not named
    "the principle 3 of proportionality",
    "the cat sat; CRC/C/GC/16 and CCPR/C/BGR/CO/3",
    "the Guiding Principles on Internal Displacement. Guiding Principle 6",
    "the European Convention on Extradition",
    "Article 4 of Protocol No. 7",
    "Article 3 of the Regulation. Furthermore, article 6 (b)",  # bare article, no instrument
    "the Optional Protocol to the International Covenant on Civil and Political Rights",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_near_misses(text: str) -> None:
    assert [c for c in _inst(text) if c[0] != "instrument:iccpr-op1"] == []


def test_optional_protocol_is_its_own_instrument() -> None:
    text = f"the {ICCPR_NAME}. Under article 5 (2) (b) of the Optional Protocol"
    assert _inst(text)[-1] == (
        "instrument:iccpr-op1",
        "article 5 (2) (b) of the Optional Protocol",
        "art. 5(2)(b)",
    )


def test_bare_article_far_from_its_instrument_is_not_attributed() -> None:
    text = "article 17 of the ICCPR." + " filler" * 400 + " article 6 (b)"
    assert [c[1] for c in _inst(text)] == ["article 17 of the ICCPR"]


def test_parts_say_how_the_instrument_was_resolved() -> None:
    cits = [c for c in extract(f"the {ICCPR_NAME}; article 2 of the Covenant") if c.parts]
    parts = cits[-1].parts
    assert isinstance(parts, InstrumentParts)
    assert (parts.slug, parts.resolved_by) == ("iccpr", "short")


# Findings: (code, triggering text, text that does not trigger it)
FINDINGS = [
    ("IN101", "article 54 of the ICCPR", "article 53 of the ICCPR"),
    ("IN101", "article 31 of the UDHR", "article 30 of the UDHR"),
    ("IN101", "Article 34 CAT", "Article 33 CAT"),
    ("IN101", "Article 129 Rome Statute", "Article 15 ter of the Rome Statute"),
    ("IN101", "Article 9 bis of the Rome Statute", "Article 8 bis of the Rome Statute"),
    (
        "IN101",
        "the Charter of Fundamental Rights of the European Union. Article 55 of the Charter",
        "the Charter of the United Nations. Article 55 of the Charter",
    ),
    ("IN101", "Article 55 of the EU Charter", "Article 55 of the UN Charter"),
    ("IN101", "Article 60 of the ECHR", "Article 1 of Protocol No. 1 to the ECHR"),
    ("IN101", "Article 7 of Protocol No. 1 to the ECHR", "Article 59 of the ECHR"),
    ("IN102", "Guiding Principle 32", "Guiding Principle 31"),
    ("IN102", "commentary to Guiding Principle 40", "commentary to Guiding Principle 19"),
    ("IN103", "Article 55 of the Charter", "Article 55 of the Charter of the United Nations"),
    # Review 8a, 8b, 8d: false IN101 alarms.
    (
        "IN101",
        "article 31 of the Convention on the Rights of the Child. See arts. 86 and 87",
        "article 31 of the Convention on the Rights of the Child, and the arts.\n\n86. The",
    ),
    (
        "IN101",
        "Article 17 of the ICCPR protects privacy, and art. 136",
        "Article 17 of the ICCPR protects privacy. See the Penal Code of Qatar, art. 136",
    ),
    (
        "IN101",
        "the Convention against Torture. Under article 40 of the Convention",
        "CRC/C/GC/24\n\nthe Convention against Torture. Under article 40 of the Convention",
    ),
]


@pytest.mark.parametrize(("code", "bad", "good"), FINDINGS)
def test_finding_triggers_and_not(code: str, bad: str, good: str) -> None:
    assert code in [f.code for f in check(bad).findings]
    assert code not in [f.code for f in check(good).findings]


def test_out_of_range_message_gives_count_and_what_to_write_without_source_tags() -> None:
    (finding,) = [f for f in check("article 54 of the ICCPR").findings if f.code == "IN101"]
    assert "53 articles" in finding.message and "(1 to 53)" in finding.message
    assert "S31" not in finding.message and "[" not in finding.message
    from citecheck.families.instruments import _CAT

    assert _CAT.instruments["iccpr"].sources  # the provenance stays in the data


def test_unnamed_charter_is_flagged_ambiguous() -> None:
    (cit,) = [c for c in extract("Article 55 of the Charter") if c.family == "instruments"]
    assert cit.ambiguous


def test_a_guessed_short_reference_is_reported_once() -> None:
    text = "Article 55 of the Charter. Article 56 of the Charter. Article 1 of the Charter."
    cits = [c for c in extract(text) if c.family == "instruments"]
    assert [c.id for c in cits] == ["instrument:un-charter"] * 3
    assert [f.code for f in check(text).findings].count("IN103") == 1


def test_own_treaty_needs_the_symbol_alone_on_a_header_line() -> None:
    head = "CRC/C/GC/24\n\n"
    body = "the Convention against Torture. Under article 4 of the Convention"
    assert _inst(head + body)[-1][0] == "instrument:crc"
    assert _inst("See " + head + body)[-1][0] == "instrument:cat"
    # two committees (a joint general comment): no own treaty, the last named stands
    assert _inst("CRC/C/GC/22\nCMW/C/GC/3\n\n" + body)[-1][0] == "instrument:cat"


def test_catalog_counts_have_sources() -> None:
    cat = catalog()
    required = {
        "udhr",
        "iccpr",
        "icescr",
        "cerd",
        "cedaw",
        "cat",
        "crc",
        "cmw",
        "crpd",
        "ced",
        "echr",
        "cfr",
        "teu",
        "tfeu",
        "ungp",
        "hrd-declaration",
        "rome-statute",
    }
    assert required <= set(cat.instruments)
    for inst in cat.instruments.values():
        assert inst.count > 0
        assert inst.sources and all(s in cat.sources for s in inst.sources), inst.slug
    assert cat.instruments["iccpr"].count == 53
    assert cat.instruments["ungp"].count == 31
    assert "8 bis" in cat.instruments["rome-statute"].extra


def test_seed_letter_003() -> None:
    path = SEED / "003_d6adc09511b5a212.txt"
    if not path.exists():
        pytest.skip(f"corpus seed not available at {path}")
    text = path.read_text(encoding="utf-8")
    got: dict[str, set[str]] = {}
    for cit in extract(text):
        if cit.family != "instruments":
            continue
        assert text[cit.start : cit.end] == cit.text
        got.setdefault(cit.id, set()).update(str(p) for p in cit.pinpoint.parts)
    assert got == {
        "instrument:udhr": {"art. 12", "art. 19"},
        "instrument:iccpr": {"art. 17", "art. 19"},
        "instrument:ungp": {
            "principle 1",
            "principle 2",
            "principle 3",
            "principle 11",
            "principle 15",
            "principle 18",
            "commentary to principle 19",
            "principle 21",
            "commentary to principle 25",
            "commentary to principle 26",
        },
        "instrument:hrd-declaration": {"art. 1", "art. 2", "art. 6(b)", "art. 6(c)"},
    }
