"""Forms found while reading corpus texts outside every labelled set (made-up examples in
the same shapes): each row failed before its rule was added."""

from __future__ import annotations

import pytest

from citecheck.pipeline import extract


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
