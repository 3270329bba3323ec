"""An act cited the older way, by type, author and date, then its title, with its number in
brackets at the end ("Council Directive of 12 June 1989 on ... (89/391/EEC)"): the number is
the act's, typed by the type word; English and French as German and Spanish (issue #14).

Made-up titles in the shapes of the Official Journal's; negative rows find nothing."""

from __future__ import annotations

import pytest

from citecheck import extract
from citecheck.stream import extract_text

TITLE_EN = (
    "on the introduction of measures to encourage improvements in the safety and health of "
    "workers at work"
)
TITLE_FR = (
    "concernant la mise en œuvre de mesures visant à promouvoir l'amélioration de la sécurité "
    "et de la santé des travailleurs au travail"
)

#: text -> [(id, the text the citation covers)]
FOUND = [
    # English
    (
        f"Council Directive of 12 June 1989 {TITLE_EN} (89/391/EEC)",
        [("celex:31989L0391", "89/391/EEC")],
    ),
    (
        f"Member States shall apply Council Directive of 12 June 1989 {TITLE_EN} (89/391/EEC), "
        "and in particular its Article 6.",
        [("celex:31989L0391", "89/391/EEC")],
    ),
    (
        "Commission Decision of 19 December 2008 setting up a group of experts on the "
        "transport of goods (2009/17/EC)",
        [("celex:32009D0017", "2009/17/EC")],
    ),
    (
        "Council Framework Decision of 13 June 2002 on the European arrest warrant and the "
        "surrender procedures between Member States (2002/584/JHA)",
        [("celex:32002F0584", "2002/584/JHA")],
    ),
    (
        "Directive of the European Parliament and of the Council of 3 March 1997 on the "
        "protection of consumers (97/7/EC)",
        [("celex:31997L0007", "97/7/EC")],
    ),
    (  # a title running over a line break
        "Council Decision of 20 December 1999 on the\nprotection of the euro (2000/3/EC)",
        [("celex:32000D0003", "2000/3/EC")],
    ),
    (  # two acts of one list, each closing its own title
        "Council Directive of 12 June 1989 on safety (89/391/EEC) and Council Directive of 30 "
        "November 1989 on the workplace (89/654/EEC)",
        [("celex:31989L0391", "89/391/EEC"), ("celex:31989L0654", "89/654/EEC")],
    ),
    (  # the title names another act in brackets: the last bracketed number closes the title
        "Council Directive of 29 June 1998 amending the Directive (77/187/EEC) on the "
        "safeguarding of employees' rights (98/50/EC)",
        [("celex:31998L0050", "98/50/EC")],
    ),
    (  # the number of the act the title names is read as usual
        "Council Directive of 29 June 1998 amending Directive 77/187/EEC on the safeguarding "
        "of employees' rights (98/50/EC)",
        [("celex:31977L0187", "Directive 77/187/EEC"), ("celex:31998L0050", "98/50/EC")],
    ),
    (  # a number right after a type word is that act's, not the title's closing one
        "Council Decision of 5 May 2000 on the approval of a plan (2000/1/EC) and the Directive "
        "(2000/2/EC)",
        [("celex:32000D0001", "2000/1/EC")],
    ),
    # French
    (
        f"la directive du Conseil du 12 juin 1989 {TITLE_FR} (89/391/CEE)",
        [("celex:31989L0391", "89/391/CEE")],
    ),
    (
        f"conformément à la directive du Conseil du 12 juin 1989 {TITLE_FR} (89/391/CEE), les "
        "États membres",
        [("celex:31989L0391", "89/391/CEE")],
    ),
    (
        "la décision de la Commission du 19 décembre 2008 instituant un groupe d'experts "
        "(2009/17/CE)",
        [("celex:32009D0017", "2009/17/CE")],
    ),
    (
        "décision-cadre du Conseil du 13 juin 2002 relative au mandat d'arrêt européen et aux "
        "procédures de remise entre États membres (2002/584/JAI)",
        [("celex:32002F0584", "2002/584/JAI")],
    ),
    # German and Spanish: read before (title lines), now in running text too
    (
        "Richtlinie des Rates vom 12. Juni 1989 über die Durchführung von Maßnahmen zur "
        "Verbesserung der Sicherheit (89/391/EWG)",
        [("celex:31989L0391", "89/391/EWG")],
    ),
    (
        "nach der Richtlinie des Rates vom 12. Juni 1989 über die Durchführung von Maßnahmen "
        "(89/391/EWG) gilt",
        [("celex:31989L0391", "89/391/EWG")],
    ),
    (
        "Directiva del Consejo, de 12 de junio de 1989, relativa a la aplicación de medidas "
        "para promover la mejora de la seguridad (89/391/CEE)",
        [("celex:31989L0391", "89/391/CEE")],
    ),
    (
        "según la Directiva del Consejo, de 12 de junio de 1989, relativa a la aplicación de "
        "medidas (89/391/CEE), los Estados",
        [("celex:31989L0391", "89/391/CEE")],
    ),
    # already read before: unchanged
    (
        "Council Regulation (EEC) No 1612/68 of 15 October 1968 on freedom of movement for "
        "workers within the Community",
        [("celex:31968R1612", "Council Regulation (EEC) No 1612/68 of 15 October 1968")],
    ),
    (
        "Council Directive 89/391/EEC of 12 June 1989 on safety",
        [("celex:31989L0391", "Council Directive 89/391/EEC of 12 June 1989")],
    ),
]

NOTHING = [
    "(89/391/EEC)",
    "(89/391/EWG)",
    # a bracketed number after a full stop, a semicolon or a blank line: not the title's
    f"Council Directive of 12 June 1989 {TITLE_EN}. (89/391/EEC)",
    f"Council Directive of 12 June 1989 {TITLE_EN}. See (89/391/EEC)",
    f"Council Directive of 12 June 1989 {TITLE_EN}; (89/391/EEC)",
    f"Council Directive of 12 June 1989 {TITLE_EN}\n\n(89/391/EEC)",
    f"la directive du Conseil du 12 juin 1989 {TITLE_FR}. Voir (89/391/CEE)",
    # a number far away (beyond a title's reach)
    "Council Directive of 12 June 1989 on " + "the safety of workers and " * 30 + "(89/391/EEC)",
    # after a sentence that is no title: no type word, or no date after it
    "The Council met on 12 June 1989 to discuss the safety of workers (89/391/EEC).",
    "The Directive on the safety of workers (89/391/EEC) applies.",
    "la directive relative à la sécurité des travailleurs (89/391/CEE) s'applique",
    # a number of another act in the title: its year is not the date's
    "Commission Decision of 5 May 2000 amending the Directive on workers' safety (89/391/EEC)",
    # a regulation carries "No" in its title: no bracketed number of its own
    "Council Regulation of 15 October 1968 on freedom of movement (68/1612/EEC)",
    # a date that is no act's date
    "Council Directive, adopted on 12 June 1989, on safety (89/391/EEC)",
]


@pytest.mark.parametrize(("text", "want"), FOUND)
def test_number_closing_a_dated_title(text: str, want: list[tuple[str, str]]) -> None:
    got = [(c.id, text[c.start : c.end]) for c in extract(text) if c.id.startswith("celex:")]
    assert got == want


@pytest.mark.parametrize("text", NOTHING)
def test_no_title_no_number(text: str) -> None:
    assert [c.id for c in extract(text) if c.id.startswith("celex:")] == []


def test_type_letter_follows_the_type_word() -> None:
    """One number, three type words: a directive is L, a decision D, a framework decision F."""
    tail = "of 12 June 2000 on the subject (2000/391/EC)"
    ids = [
        [c.id for c in extract(f"Council {kind} {tail}")]
        for kind in ("Directive", "Decision", "Framework Decision")
    ]
    assert ids == [["celex:32000L0391"], ["celex:32000D0391"], ["celex:32000F0391"]]


def test_streamed_as_whole() -> None:
    """The title's reach stays within a window's overlap: streamed windows find what the whole
    text gives, wherever a window cuts."""
    filler = "The weather was fine and nothing was cited here at all. " * 40 + "\n"
    rows = (
        f"Council Directive of 12 June 1989 {TITLE_EN} (89/391/EEC).\n",
        f"la directive du Conseil du 12 juin 1989 {TITLE_FR} (89/391/CEE), les États\n",
    )
    text = "".join(filler + row for _ in range(30) for row in rows)
    whole = [(c.start, c.end, c.id) for c in extract(text)]
    assert [c.id for c in extract(text)].count("celex:31989L0391") == 60
    streamed = [(c.start, c.end, c.id) for c in extract_text(text, window=8192, overlap=1024)]
    assert streamed == whole
