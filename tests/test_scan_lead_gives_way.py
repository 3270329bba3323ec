"""A pinpoint read before an act's own words never takes the place of another family's
citation there: the act's pinpoint gives way (the act is read again from where the other
citation ends), in whichever order the two come, and only then."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import citecheck
from citecheck.families import Document
from citecheck.model import NO_PINPOINT, Citation, Finding, Kind, Pinpoint, PinpointPart
from citecheck.rules import Rule
from citecheck.scan import scan

TEXT = "0123456789" * 5


@attrs.define(eq=False)
class _Fixed:
    """A family that finds the citations it is given; ``reads_again``: it has ``give_way``."""

    name: str
    spans: list[tuple[int, int, int]]  # (start, end, lead)
    priority: int = 0
    triggers: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    floors: list[int] = attrs.field(factory=list)

    @property
    def anchors(self) -> tuple[str, ...]:
        return ()

    def find(self, doc: Document) -> Iterator[Citation]:
        for start, end, lead in self.spans:
            yield Citation(
                id=f"{self.name}:{start}",
                kind=Kind.EU_ACT,
                text=doc.text[start:end],
                start=start,
                end=end,
                pinpoint=Pinpoint((PinpointPart("art", "6"),)) if lead else NO_PINPOINT,
                family=self.name,
                lead=lead,
            )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


@attrs.define(eq=False)
class _Rereading(_Fixed):
    def give_way(self, doc: Document, act: Citation, floor: int) -> Citation:
        self.floors.append(floor)
        own = act.start + act.lead
        return attrs.evolve(
            act, start=own, text=doc.text[own : act.end], pinpoint=NO_PINPOINT, lead=0
        )


ROWS = [
    # (other's span, act's (start, end, lead), priority of the act, what is kept, floor)
    # the other citation ends in the act's lead: both kept, the act from its own words
    ((5, 20), (15, 40, 10), 30, [(5, 20, "un"), (25, 40, "acts")], [20]),
    ((5, 20), (15, 40, 5), 30, [(5, 20, "un"), (20, 40, "acts")], [20]),
    # the act's lead starts first and holds the other citation
    ((5, 20), (0, 40, 25), 30, [(5, 20, "un"), (25, 40, "acts")], [20]),
    ((5, 20), (5, 40, 20), 30, [(5, 20, "un"), (25, 40, "acts")], [20]),
    # negative rows: the other citation reaches into the act's own words: one wins, as before
    ((5, 26), (15, 40, 10), 30, [(15, 40, "acts")], []),
    ((5, 26), (15, 40, 10), 0, [(5, 26, "un")], []),
    # an act with no lead overlapping: the better one wins
    ((5, 20), (15, 40, 0), 30, [(15, 40, "acts")], []),
]


@pytest.mark.parametrize(("other", "act", "priority", "kept", "floors"), ROWS)
def test_a_lead_gives_way(
    other: tuple[int, int],
    act: tuple[int, int, int],
    priority: int,
    kept: list[tuple[int, int, str]],
    floors: list[int],
) -> None:
    un = _Fixed("un", [(*other, 0)], priority=10)
    acts = _Rereading("acts", [act], priority=priority)
    got = scan(Document(TEXT), [un, acts])
    assert [(c.start, c.end, c.family) for c in got] == kept
    assert acts.floors == floors
    for c in got:
        assert c.text == TEXT[c.start : c.end]


def test_a_family_that_cannot_read_again_keeps_the_old_rule() -> None:
    un = _Fixed("un", [(5, 20, 0)], priority=10)
    acts = _Fixed("acts", [(15, 40, 10)], priority=30)
    assert [(c.start, c.end) for c in scan(Document(TEXT), [un, acts])] == [(15, 40)]


def test_the_same_family_is_not_split() -> None:
    acts = _Rereading("acts", [(5, 20, 0), (15, 40, 10)], priority=30)
    assert [(c.start, c.end) for c in scan(Document(TEXT), [acts])] == [(15, 40)]
    assert acts.floors == []


ACROSS_FAMILIES = [
    # "of" words join the UN paragraph to the article, yet "par. 12" is the UN citation's
    (
        "Voir A/HRC/41/35, par. 12 de l'article 6 du règlement (UE) 2016/679.",
        [("un:A/HRC/41/35", "para. 12"), ("celex:32016R0679", "art. 6")],
    ),
    (
        "Véase A/HRC/41/35, párr. 12 del artículo 6 del Reglamento (UE) 2016/679.",
        [("un:A/HRC/41/35", "para. 12"), ("celex:32016R0679", "art. 6")],
    ),
    (
        "Voir l'observation générale no 34 du Comité des droits de l'homme, par. 12 de "
        "l'article 6 du règlement (UE) 2016/679.",
        [("gc:CCPR/34", "para. 12"), ("celex:32016R0679", "art. 6")],
    ),
    (
        "Voir l'arrêt C-311/18, point 3 de l'article 6 du règlement (UE) 2016/679.",
        [("case:C-311/18", "para. 3"), ("celex:32016R0679", "art. 6")],
    ),
    # a back-reference's pinpoint gives way as an act's does
    (
        "Le règlement (UE) 2016/679 s'applique. Voir A/HRC/41/35, par. 12 de l'article 6 "
        "dudit règlement.",
        [
            ("celex:32016R0679", ""),
            ("un:A/HRC/41/35", "para. 12"),
            ("celex:32016R0679", "art. 6"),
        ],
    ),
    (
        "El Reglamento (UE) 2016/679 se aplica. Véase A/HRC/41/35, párr. 12 del artículo 6 "
        "de dicho Reglamento.",
        [
            ("celex:32016R0679", ""),
            ("un:A/HRC/41/35", "para. 12"),
            ("celex:32016R0679", "art. 6"),
        ],
    ),
    (
        "Le règlement (UE) 2016/679 s'applique. Voir le paragraphe 1 de l'article 6 dudit "
        "règlement.",
        [("celex:32016R0679", ""), ("celex:32016R0679", "art. 6(1)")],
    ),
    (
        "Regulation (EU) 2016/679 applies. See A/HRC/41/35, paragraph 12 of Article 6 of that "
        "Regulation.",
        [
            ("celex:32016R0679", ""),
            ("un:A/HRC/41/35", "para. 12"),
            ("celex:32016R0679", "art. 6"),
        ],
    ),
    # negative rows: with no other citation before it the act keeps its whole pinpoint
    (
        "Voir le paragraphe 12 de l'article 6 du règlement (UE) 2016/679.",
        [("celex:32016R0679", "art. 6(12)")],
    ),
    (
        "Véase A/HRC/41/35. El apartado 1 del artículo 6 del Reglamento (UE) 2016/679.",
        [("un:A/HRC/41/35", ""), ("celex:32016R0679", "art. 6(1)")],
    ),
    # a back-reference is a guess the short-form stage may drop (an acronym that names no
    # citation): the act's pinpoint does not give way to it
    (
        "the national programme (\u2018NP\u2019). Under the NP, Article 3(2) of Directive "
        "2001/29/EC applies.",
        [("celex:32001L0029", "art. 3(2)")],
    ),
    (
        "the programme (\u2018ROP\u2019). Nerea relied on the ROP, Article 1(7) of Regulation "
        "(EC) No 800/2008 and the principle.",
        [("celex:32008R0800", "art. 1(7)")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACROSS_FAMILIES)
def test_no_citation_is_lost_to_a_pinpoint(text: str, expected: list[tuple[str, str]]) -> None:
    cits = citecheck.extract(text)
    assert [(c.id, str(c.pinpoint or "")) for c in cits] == expected
    for c in cits:
        assert c.text == text[c.start : c.end]


# --- read again on the view the families scanned ------------------------------------------

SHY = "\u00ad"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a soft hyphen inside the act's unit word: the act is read again on the view
        (
            f"Voir A/HRC/41/35, par. 12 de l'arti{SHY}cle 6 du règlement (UE) 2016/679",
            [("un:A/HRC/41/35", "para. 12", "A/HRC/41/35, par. 12"),
             ("celex:32016R0679", "art. 6", f"arti{SHY}cle 6 du règlement (UE) 2016/679")],
        ),
        (
            f"See A/HRC/41/35, para. 12 of Arti{SHY}cle 6 of Regulation (EU) 2016/679",
            [("un:A/HRC/41/35", "para. 12", "A/HRC/41/35, para. 12"),
             ("celex:32016R0679", "art. 6", f"Arti{SHY}cle 6 of Regulation (EU) 2016/679")],
        ),
        # and one before it too: every offset maps back
        (
            f"Voir A/HRC/4{SHY}1/35, par. 12 de l'arti{SHY}cle 6 du règlement (UE) 2016/679",
            [("un:A/HRC/41/35", "para. 12", f"A/HRC/4{SHY}1/35, par. 12"),
             ("celex:32016R0679", "art. 6", f"arti{SHY}cle 6 du règlement (UE) 2016/679")],
        ),
        # negative row: the same without the character reads the same
        (
            "Voir A/HRC/41/35, par. 12 de l'article 6 du règlement (UE) 2016/679",
            [("un:A/HRC/41/35", "para. 12", "A/HRC/41/35, par. 12"),
             ("celex:32016R0679", "art. 6", "article 6 du règlement (UE) 2016/679")],
        ),
    ],
)
def test_an_act_gives_way_on_the_view_without_hidden_characters(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    cits = citecheck.extract(text)
    assert [(c.id, str(c.pinpoint), c.text) for c in cits] == expected
    for c in cits:
        assert text[c.start : c.end] == c.text
        # one finding per hidden character inside the span, none twice
        hidden = [n.start for n in c.notes if n.code == "CC102"]
        assert hidden == [i for i in range(c.start, c.end) if text[i] == SHY]
