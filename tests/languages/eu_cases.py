"""Shared runner of the table tests of ``test_eu_{fr,es,de}.py``: every family of the
pipeline runs over a realistic sentence; the table says which ids, kinds and pinpoints come
out, and which fixes (in the sentence's language)."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.model import Citation
from citecheck.pipeline import extract

#: The acts the French/Spanish pinpoint tables cite after each pinpoint.
FR_ACT = "du règlement (CE) n° 1234/2007"
ES_ACT = "del Reglamento (CE) n° 1234/2007"


def found(text: str) -> list[tuple[str, str, str]]:
    """(id, kind, pinpoint) of every citation, spans checked against the text."""
    cits: list[Citation] = extract(text)
    for c in cits:
        assert text[c.start : c.end] == c.text
    return [(c.id, c.kind.value, str(c.pinpoint)) for c in cits]


def check(text: str, expected: Sequence[tuple[str, str, str]]) -> None:
    got = found(text)
    for want in expected:
        assert want in got, f"{want} not in {got}"
    ids = {i for i, _, _ in expected}
    extra = [g for g in got if g[0] not in ids]
    assert not extra, f"unexpected citations {extra}"


def fixes(text: str) -> list[tuple[str, str]]:
    """(rule code, replacement) of every fix the citations of ``text`` carry."""
    out = []
    for c in extract(text):
        for note in c.notes:
            if note.fix is not None:
                out.append((note.code, note.fix.replacement))
    return out
