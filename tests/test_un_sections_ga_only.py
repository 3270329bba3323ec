"""Only the General Assembly adopts resolutions in sections ("59/284 A and B"): a letter or a
list of letters after another body's resolution cites that resolution whole, once, as the
symbol form already does ("A/HRC/RES/17/4 A and B")."""

from __future__ import annotations

import pytest

import citecheck

ROWS: list[tuple[str, list[str]]] = [
    ("See Human Rights Council resolution 17/4 A and B.", ["un:A/HRC/RES/17/4"]),
    ("See Human Rights Council resolution 17/4 A.", ["un:A/HRC/RES/17/4"]),
    ("See Human Rights Council resolution 17/4 A, B and C.", ["un:A/HRC/RES/17/4"]),
    (
        "See Council resolutions 17/4 A and B and 17/5 of the Human Rights Council.",
        ["un:A/HRC/RES/17/4", "un:A/HRC/RES/17/5"],
    ),
    ("See Economic and Social Council resolution 2004/49 A and B.", ["un:E/RES/2004/49"]),
    ("See resolution 17/4 A and B.", ["un:A/HRC/RES/17/4"]),  # session 17: HRC numbering
    ("See A/HRC/RES/17/4 A and B.", ["un:A/HRC/RES/17/4"]),
    # negative rows: the Assembly's sections stay one citation each
    ("See General Assembly resolution 59/284 A and B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"]),
    ("See General Assembly resolution 59/284 B.", ["un:A/RES/59/284B"]),
    ("See resolution 59/284 A and B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"]),
    ("See A/RES/59/284 A and B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"]),
]


@pytest.mark.parametrize(("text", "ids"), ROWS)
def test_sections_only_for_the_general_assembly(text: str, ids: list[str]) -> None:
    assert [c.id for c in citecheck.check(text).citations] == ids
