"""An act numbering is read once per distinct numbering (a text repeats the acts it cites):
the reading is a pure function of the numbering's groups, placed at each match; a warm cache
gives what a cold one gives."""

from __future__ import annotations

import pytest

from citecheck.families import FAMILIES, Document, eu_acts
from citecheck.scan import _anchor_literals

TEXT = (
    "Regulation (EU) 2016/679 and Regulation (EU) No 2016/679; Directive 95/46/EC, "
    "Directive 95/46/EC. Council Regulation (EC) No 1049/2001, Regulation (EC) No 1049/01 "
    "and Decision 2/102. Regulations (EC) No 1060/2009, (EU) No 648/2012 and (EU) 2016/1011; "
    "la directive 2016/680/UE et le règlement (CE) n° 1049/2001; Decision (" + "y" * 5 + ")"
)


def _acts(text: str) -> list[str]:
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    return [repr(c) for c in eu_acts.scan_acts(doc)]


def test_warm_cache_gives_what_no_cache_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    # without the cache: the function it wraps, read at every match
    with monkeypatch.context() as m:
        m.setattr(eu_acts, "_read_numbering_groups", eu_acts._read_numbering_groups.__wrapped__)
        uncached = _acts(TEXT)
    eu_acts._read_numbering_groups.cache_clear()
    cold = _acts(TEXT)
    assert eu_acts._read_numbering_groups.cache_info().hits > 0  # the repeats were read once
    warm = _acts(TEXT)
    assert warm == cold == uncached
    assert len(cold) == 11


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Regulation (EU) 2016/679", "Regulation (EU) 2016/679"),
        ("Directive 95/46/EC", "the Directive 95/46/EC"),
        ("Regulation (EC) No 1049/2001", "x Regulation (EC) No 1049/2001"),
        ("Regulation (EU) No 2016/679", "Regulation (EU) No 2016/679"),
    ],
)
def test_a_repeated_numbering_keeps_its_own_place(first: str, second: str) -> None:
    text = f"{first}; and then {second}."
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    one, two = eu_acts.scan_acts(doc)
    assert one.parts == two.parts
    assert (one.start, one.text) == (0, first)
    assert (two.start, two.end) == (text.rindex(first), text.rindex(first) + len(first))
    # the findings on the numbering (EU103 on "(EU) No 2016/679") point at each one's place
    shift = two.start - one.start
    assert [(f.code, f.start + shift, f.end + shift) for f in one.notes] == [
        (f.code, f.start, f.end) for f in two.notes
    ]
