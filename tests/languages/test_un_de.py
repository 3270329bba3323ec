"""German UN citation forms: the same language-neutral ids and canonical pinpoints as English.

German is no UN language and no German UN corpus exists: the passages are written for these
tests in the style of German texts on UN human rights (reports of the German Institute for
Human Rights, the Federal Foreign Office, German court decisions and commentaries).
"""

from __future__ import annotations

import pytest
from un_language_cases import Expected, ascii_id, found, scores

DOC, RES, GC, SP = "un_document", "un_resolution", "general_comment", "sp_communication"

CASES: list[tuple[str, list[Expected]]] = [
    # documents and their pinpoints: Ziff., Abs., Rn., S., Anhang
    (
        "Der Sonderberichterstatter hat dies bereits betont (A/HRC/41/35, Ziff. 66).",
        [("un:A/HRC/41/35", DOC, "para. 66", False)],
    ),
    (
        "So auch der Bericht des Sonderberichterstatters, A/HRC/41/35, Abs. 66.",
        [("un:A/HRC/41/35", DOC, "para. 66", False)],
    ),
    (
        "Vgl. den Bericht des Generalsekretärs, A/71/373, Ziff. 3 bis 5, und A/HRC/53/25, "
        "Anhang I.",
        [("un:A/71/373", DOC, "paras. 3-5", False), ("un:A/HRC/53/25", DOC, "annex I", False)],
    ),
    (
        "Der Ausschuss verweist auf seine Abschließenden Bemerkungen (CCPR/C/DEU/CO/7, Rn. 12 "
        "und 15).",
        [("un:CCPR/C/DEU/CO/7", DOC, "para. 12; para. 15", False)],
    ),
    (
        "Die Zahlen finden sich im Bericht der Hohen Kommissarin, A/HRC/50/28, S. 13.",
        [("un:A/HRC/50/28", DOC, "p. 13", False)],
    ),
    (
        "Die Empfehlung findet sich in A/HRC/45/10, Ziffern 12 bis 14 und 20.",
        [("un:A/HRC/45/10", DOC, "paras. 12-14; para. 20", False)],
    ),
    # resolutions in prose: the body after the number, in the genitive
    (
        "Unter Hinweis auf die Resolution 73/179 der Generalversammlung vom 17. Dezember 2018 "
        "fordert der Rat die Staaten auf, ...",
        [("un:A/RES/73/179", RES, "", False)],
    ),
    (
        "Die Resolution 43/4 des Menschenrechtsrats betrifft die Lage in Belarus.",
        [("un:A/HRC/RES/43/4", RES, "", False)],
    ),
    (
        "Die Resolutionen 43/4 und 44/15 des Menschenrechtsrates wurden ohne Abstimmung "
        "angenommen.",
        [("un:A/HRC/RES/43/4", RES, "", False), ("un:A/HRC/RES/44/15", RES, "", False)],
    ),
    (
        "Deutschland hat die Resolution 2334 (2016) des Sicherheitsrats mitgetragen.",
        [("un:S/RES/2334(2016)", RES, "", False)],
    ),
    (
        "Mit der Resolution 1325 (2000) des UN-Sicherheitsrates wurde die Agenda Frauen, "
        "Frieden und Sicherheit begründet.",
        [("un:S/RES/1325(2000)", RES, "", False)],
    ),
    (
        "Vgl. Resolution 60/251 der Generalversammlung, Ziff. 5.",
        [("un:A/RES/60/251", RES, "para. 5", False)],
    ),
    (
        "Siehe Resolution 5/1 des Menschenrechtsrats, Anhang, Ziff. 3.",
        [("un:A/HRC/RES/5/1", RES, "annex; para. 3", False)],
    ),
    (
        "Die Menschenrechtskommission hat in ihrer Resolution 2005/69 den Generalsekretär "
        "ersucht, einen Sonderbeauftragten zu ernennen.",
        [("un:E/CN.4/RES/2005/69", RES, "", False)],
    ),
    (
        "Das Verfahren beruht auf der Resolution 1503 (XLVIII) des Wirtschafts- und Sozialrates.",
        [("un:E/RES/1503(XLVIII)", RES, "", False)],
    ),
    (
        "Der Sicherheitsrat hat in seiner Resolution 2334 (2016), Ziff. 2 bis 4, alle Staaten "
        "aufgefordert, ...",
        [("un:S/RES/2334(2016)", RES, "paras. 2-4", False)],
    ),
    # decisions: only with the body named (a capitalised "Beschluss" alone is an EU act's)
    (
        "Siehe Beschluss 6/102 des Menschenrechtsrats.",
        [("un:A/HRC/DEC/6/102", RES, "", False)],
    ),
    (
        "Die Beschlüsse 6/102 und 6/103 des Menschenrechtsrates wurden vertagt.",
        [("un:A/HRC/DEC/6/102", RES, "", False), ("un:A/HRC/DEC/6/103", RES, "", False)],
    ),
    # an article of the instrument annexed: its Absatz is the article's
    (
        "Siehe Resolution 61/295 der Generalversammlung, Anhang, Artikel 32 Abs. 2.",
        [("un:A/RES/61/295", RES, "annex; art. 32(2)", False)],
    ),
    (
        "Siehe Resolution 61/295 der Generalversammlung, Anhang, Art. 32 Abs. 2 und 3.",
        [("un:A/RES/61/295", RES, "annex; art. 32(2); art. 32(3)", False)],
    ),
    # a pinpoint before: "Ziffer 5 der Resolution", "Ziff. 4 ihrer Resolution"
    (
        "Nach Ziffer 5 der Resolution 60/251 der Generalversammlung überprüft der Rat ...",
        [("un:A/RES/60/251", RES, "para. 5", False)],
    ),
    (
        "Die Generalversammlung hat in Ziff. 4 ihrer Resolution 60/251 beschlossen, ...",
        [("un:A/RES/60/251", RES, "para. 4", False)],
    ),
    (
        "Die Ziffern 3 bis 5 der Resolution 2334 (2016) des Sicherheitsrats sind eindeutig.",
        [("un:S/RES/2334(2016)", RES, "paras. 3-5", False)],
    ),
    (
        "Vgl. Ziff. 4 der Allgemeinen Bemerkung Nr. 34 des Menschenrechtsausschusses.",
        [("gc:CCPR/34", GC, "para. 4", False)],
    ),
    # general comments and recommendations
    (
        "Siehe Allgemeine Bemerkung Nr. 34 des Menschenrechtsausschusses, Ziff. 18.",
        [("gc:CCPR/34", GC, "para. 18", False)],
    ),
    (
        "So die Allgemeine Empfehlung Nr. 35 des Ausschusses für die Beseitigung der "
        "Diskriminierung der Frau, Ziff. 3 bis 5.",
        [("gc:CEDAW/35", GC, "paras. 3-5", False)],
    ),
    (
        "Der Ausschuss für wirtschaftliche, soziale und kulturelle Rechte hat in seiner "
        "Allgemeinen Bemerkung Nr. 24 (2017) die Pflichten der Staaten beschrieben.",
        [("gc:CESCR/24", GC, "", False)],
    ),
    (
        "Vgl. Allgemeine Bemerkung Nr. 14 des Ausschusses für die Rechte des Kindes.",
        [("gc:CRC/14", GC, "", False)],
    ),
    (
        "Der Ausschuss für die Rechte von Menschen mit Behinderungen hat in seiner Allgemeinen "
        "Bemerkung Nr. 1 (2014) die rechtliche Handlungsfähigkeit behandelt.",
        [("gc:CRPD/1", GC, "", False)],
    ),
    (
        "Siehe auch die Allgemeine Empfehlung Nr. 32 des Ausschusses für die Beseitigung der "
        "Rassendiskriminierung.",
        [("gc:CERD/32", GC, "", False)],
    ),
    (
        "Siehe Allgemeine Bemerkung Nr. 36 (2018) des Menschenrechtsausschusses zum Recht auf "
        "Leben, Ziff. 12.",
        [("gc:CCPR/36", GC, "para. 12", False)],
    ),
    (
        "Vgl. Allgemeine Bemerkung Nr. 34 (2011) zu Artikel 19, Ziff. 5.",
        [("gc:CCPR/34", GC, "", False)],  # the article's paragraph, or the comment's?
    ),
    # a short footnote: its lead-in tells the language (review M4)
    ("Vgl. A/HRC/41/35, Ziff. 5.", [("un:A/HRC/41/35", DOC, "para. 5", False)]),
    ("Siehe A/HRC/41/35, Rn. 5 ff.", [("un:A/HRC/41/35", DOC, "para. 5", False)]),
    ("Vgl. A/HRC/41/35, S. 5, Fn. 12.", [("un:A/HRC/41/35", DOC, "p. 5; footnote 12", False)]),
    # a general recommendation is no general comment of the committee named before (M6)
    (
        "Siehe die Allgemeine Bemerkung Nr. 34 des Menschenrechtsausschusses, Ziff. 5, und die "
        "Allgemeine Empfehlung Nr. 35.",
        [("gc:CCPR/34", GC, "para. 5", False), ("gc:?/35", GC, "", False)],
    ),
    (
        "Die Allgemeine Empfehlung Nr. 35 (2017) des Ausschusses für die Beseitigung der "
        "Diskriminierung der Frau.",
        [("gc:CEDAW/35", GC, "", False)],
    ),
    # the generic Council and the United Nations named after the body stay UN (M7)
    (
        "Die Resolution 60/251 der Generalversammlung der Vereinten Nationen gilt.",
        [("un:A/RES/60/251", RES, "", False)],
    ),
    ("Die Resolution 17/4 des Rates gilt.", [("un:A/HRC/RES/17/4", RES, "", False)]),
    # another body as the subject of the next clause, not in the genitive
    (
        "Zur Resolution 17/4, der Ausschuss hat sie erörtert.",
        [("un:A/HRC/RES/17/4", RES, "", False)],
    ),
    # Special Procedures communications keep their reference
    (
        "Die Mandatsträger haben sich mit der Mitteilung AL ISR 7/2021 an die Regierung gewandt.",
        [("spcomm:ISR 7/2021", SP, "", False)],
    ),
]

#: Passages with no UN citation: a German statute's Ziffer, a company's or another
#: organisation's resolution.
NEGATIVES = [
    "Nach Ziffer 3 des Gesetzes über die Aufenthaltsbeendigung gilt dies entsprechend.",
    "Gemäß § 5 Abs. 3 Ziff. 2 der Satzung entscheidet der Vorstand.",
    "Die Hauptversammlung der Aktionäre hat die Resolution 12/3 angenommen.",
    "Die Resolution 12/3 der Mitgliederversammlung wurde einstimmig angenommen.",
    "Die Aktionäre stimmten der Resolution Nr. 5 zu.",
    "Der Europarat hat die Resolution 2509 (2023) verabschiedet.",
    "Die Parlamentarische Versammlung hat in ihrer Resolution 2417 (2022) die Lage erörtert.",
    "Beschluss 6/102 wurde angenommen.",
    "Siehe den Beschluss 2010/300/EU, Ziff. 3.",
    # a body named after the number that is no UN body: its resolution (review M7)
    "Die Resolution 17/4 des Vorstands wurde angenommen.",
    "Die Resolution 3/2 des Aufsichtsrates, Abs. 4, gilt.",
    "Die Resolution 3/2 des Stadtrates gilt.",
    "Die Resolution 17/4 der Jahreshauptversammlung gilt.",
    "Die Resolution 7/2 der Landessynode gilt.",
    "Die Resolution 7/2 des Evangelischen Rates gilt.",
]


@pytest.mark.parametrize(("passage", "expected"), CASES, ids=[ascii_id(c[0]) for c in CASES])
def test_german_passage(passage: str, expected: list[Expected]) -> None:
    assert found(passage) == expected


@pytest.mark.parametrize("passage", NEGATIVES, ids=[ascii_id(p) for p in NEGATIVES])
def test_no_un_citation_in_german_passage(passage: str) -> None:
    assert [f for f in found(passage) if f[0].split(":")[0] in ("un", "gc", "spcomm")] == []


def test_german_goals() -> None:
    """The passages as one German text (what the per-passage test cannot see): the text's
    language, committee and bodies read over all of it still find what each passage holds."""
    text = "\n\n".join(passage for passage, _ in CASES)
    expected = [e for _, cited in CASES for e in cited]
    precision, recall, pinpoints = scores([(text, expected)])
    assert precision >= 0.95 and recall >= 0.90 and pinpoints >= 0.85


def test_council_committee_and_commission_are_three_bodies() -> None:
    """Menschenrechtsrat (HRC), Menschenrechtsausschuss (CCPR), Menschenrechtskommission (CHR)."""
    text = (
        "die Allgemeine Bemerkung Nr. 36 des Menschenrechtsausschusses, die Resolution 31/32 "
        "des Menschenrechtsrats und die Resolution 2003/72 der Menschenrechtskommission"
    )
    assert [f[0] for f in found(text)] == [
        "gc:CCPR/36", "un:A/HRC/RES/31/32", "un:E/CN.4/RES/2003/72",
    ]  # fmt: skip


def test_a_statute_ziffer_after_a_un_citation_in_a_new_sentence_is_not_its_pinpoint() -> None:
    text = "Siehe Resolution 60/251 der Generalversammlung. Ziffer 3 des Gesetzes gilt fort."
    assert found(text) == [("un:A/RES/60/251", RES, "", False)]
