"""Back-references ("the Decision", "that Directive") and the pipeline's families= option."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
import citecheck.shortforms

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
LETTER_000 = SEEDS / "000_2964eac43629a9f4.txt"


@pytest.mark.skipif(not LETTER_000.exists(), reason="../shared/corpus/seeds not present")
def test_seed_letter_000_the_decision() -> None:
    with open(LETTER_000, encoding="utf-8", newline="") as fh:
        text = fh.read()
    found = [(c.id, c.text, str(c.pinpoint), c.short_form) for c in citecheck.extract(text)]
    assert found == [
        (
            "celex:32020D1999",
            "art. 1, par. d, iii and iv of [Council Decision CFSP 2020/1999",
            "art. 1(d)(iii); art. 1(d)(iv)",
            False,
        ),
        (
            "celex:32020D1999",
            "art. 1, par. c, iii and iv of the Decision",
            "art. 1(c)(iii); art. 1(c)(iv)",
            True,
        ),
    ]


def test_back_reference_without_pinpoint_takes_none_from_its_antecedent() -> None:
    text = "Article 5 of Directive 2002/58/EC applies; the Directive was amended later."
    cits = citecheck.extract(text)
    assert [(c.id, str(c.pinpoint), c.short_form) for c in cits] == [
        ("celex:32002L0058", "art. 5", False),
        ("celex:32002L0058", "", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Directive 2002/58/EC applies; the decision of the court is final.",  # lower case
        "Directive 2002/58/EC applies; the Decision of 12 May 2020 is final.",  # another act
        "Directive 2002/58/EC applies; this Directive is separate.",  # the text itself
        "Regulation (EU) 2016/679 applies; the Directive on privacy is separate.",  # no directive
    ],
)
def test_no_back_reference(text: str) -> None:
    assert not [c for c in citecheck.extract(text) if c.short_form]


def test_that_directive_followed_by_to() -> None:
    text = (
        "consistency with Directive (EU) 2022/2555 (through a consultation of bodies under that "
        "Directive to avoid duplication)"
    )
    assert [(c.id, c.short_form) for c in citecheck.extract(text)] == [
        ("celex:32022L2555", False),
        ("celex:32022L2555", True),
    ]


def test_in_a_regulation_the_regulation_is_the_text_itself() -> None:
    head = "REGULATION (EC) No 1185/2009 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\n"
    body = (
        "Article 5(6) of Regulation (EC) No 223/2009 applies. The Commission shall report on "
        "the implementation of the Regulation; Article 3 of that Regulation is unaffected."
    )
    found = [(c.id, c.short_form, str(c.pinpoint)) for c in citecheck.extract(head + body)]
    assert found == [
        ("celex:32009R1185", False, ""),  # the title
        ("celex:32009R0223", False, "art. 5(6)"),
        ("celex:32009R0223", True, "art. 3"),
    ]
    # Outside an act's own text "the Regulation" is the one cited before.
    assert len([c for c in citecheck.extract(body) if c.short_form]) == 2


def test_an_act_citecheck_cannot_read_blocks_the_back_reference() -> None:
    text = (
        "Implementing Regulation No 543/2011 applies. The actions pursue the objectives of "
        "Regulation [No 1234/2007], including Article 122 of that Regulation."
    )
    assert [(c.id, c.short_form) for c in citecheck.extract(text)] == [
        ("celex:32011R0543", False)
    ]


def test_short_form_stage_lives_outside_the_families() -> None:
    assert citecheck.shortforms.resolve_short_forms.__module__ == "citecheck.shortforms"


def test_families_selects_a_subset() -> None:
    text = "A/HRC/41/35 and Directive 2002/58/EC; that Directive."
    assert [c.id for c in citecheck.extract(text, families=["eu_acts", "backrefs"])] == [
        "celex:32002L0058",
        "celex:32002L0058",
    ]
    assert [c.id for c in citecheck.extract(text, families={"un_symbols"})] == ["un:A/HRC/41/35"]
    result = citecheck.check(text, families=("un_symbols",))
    assert [c.id for c in result.citations] == ["un:A/HRC/41/35"]
    assert len(citecheck.extract(text)) == 3


def test_unknown_family_names_are_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="unknown citation families: nope, zz"):
        citecheck.extract("A/HRC/41/35", families=["eu_acts", "zz", "nope"])
    with pytest.raises(ValueError, match="nope"):
        citecheck.check("A/HRC/41/35", families=["nope"])


def test_back_references_across_stream_windows() -> None:
    from citecheck.stream import extract_text

    filler = "The Member States shall report on the measures taken in that respect. " * 40
    text = (
        "Directive 2002/58/EC and the Charter of Fundamental Rights of the European Union "
        "apply under the TFEU. "
        + filler
        + "Article 5 of that Directive and Article 7 of the Charter of Fundamental Rights of "
        "the European Union are relevant; so is Article 8 of the Charter. "
        + filler
        + "Article 15 of the Directive too."
    )
    whole = citecheck.extract(text)
    streamed = extract_text(text, window=1024, overlap=64)

    def key(cits: list[citecheck.Citation]) -> list[tuple[object, ...]]:
        return [(c.id, c.start, str(c.pinpoint), c.short_form, c.antecedent) for c in cits]

    assert key(streamed) == key(whole)
    assert [(c.id, c.short_form, c.antecedent) for c in whole] == [
        ("celex:32002L0058", False, None),
        ("instrument:cfr", False, None),
        ("instrument:tfeu", False, None),
        ("celex:32002L0058", True, 0),
        ("instrument:cfr", False, None),
        ("instrument:cfr", True, 4),
        ("celex:32002L0058", True, 0),
    ]
