"""UN resolutions in prose, as a demanding user wrote them in FR/ES/DE and English: the
date after a named body, a non-UN organ's resolution, a Security Council resolution without
its year, and the characters of "no" (made-up rows in the shapes of real texts)."""

from __future__ import annotations

import pytest

import citecheck

# (text, id, pinpoint, finding codes): a date after the body, then the pinpoint
DATED_AFTER_BODY: list[tuple[str, str, str, list[str]]] = [
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2006, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2007, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "la resolución 60/251 de la Asamblea General, de 15 de marzo de 2006, párr. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "la resolución 60/251 de la Asamblea General, de 15 de marzo de 2007, párr. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "die Resolution 60/251 der Generalversammlung vom 15. März 2006, Ziff. 5 Buchst. e.",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    (
        "die Resolution 60/251 der Generalversammlung vom 15. März 2007, Ziff. 5 Buchst. e.",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    (
        "resolution 60/251 of the General Assembly of 15 March 2007, para. 5 (e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        ["UN207"],
    ),
    # a date without a pinpoint is still read; no date, no finding
    (
        "la résolution 60/251 de l'Assemblée générale du 15 mars 2007.",
        "un:A/RES/60/251",
        "",
        ["UN207"],
    ),
    (
        "la résolution 60/251 de l'Assemblée générale, par. 5 e).",
        "un:A/RES/60/251",
        "para. 5(e)",
        [],
    ),
    # a date further on is another thing's
    (
        "la résolution 60/251 de l'Assemblée générale et le rapport du 15 mars 2007.",
        "un:A/RES/60/251",
        "",
        [],
    ),
]


@pytest.mark.parametrize(("text", "cid", "pinpoint", "codes"), DATED_AFTER_BODY)
def test_a_date_after_the_body_is_the_resolutions(
    text: str, cid: str, pinpoint: str, codes: list[str]
) -> None:
    result = citecheck.check(text)
    assert [(c.id, str(c.pinpoint)) for c in result.citations] == [(cid, pinpoint)]
    assert [f.code for f in result.findings] == codes
