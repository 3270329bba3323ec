# ruff: noqa: E501  (table rows hold citation sentences)
"""The article after an act's verb (``prévoit, à son article 17``, ``establece en su artículo
17``) belongs to the verb's subject: the act that opens the clause. An act inside a relative
clause (``qui abroge la directive X``, ``por el que se deroga la Directiva X``) or after a
preposition (``conformément à la directive X``, ``modifié par``) is not the subject, so it gets
no pinpoint. Made-up sentences in the shapes of EU acts: each row gives every act's id and
its pinpoint."""

from __future__ import annotations

import pytest
from eu_cases import found

GDPR = "celex:32016R0679"
DPD = "celex:31995L0046"
BRU = "celex:32001R0044"
WTD = "celex:32003L0088"

ROWS = [
    # an act in a relative or participle clause between the subject and its verb is not the
    # subject; the clause between commas is skipped, and the subject gets the article
    ("Le règlement (UE) 2016/679, qui abroge la directive 95/46/CE, prévoit, à son article 17, un droit", {GDPR: "art. 17", DPD: ""}),
    ("Le règlement (UE) 2016/679, qui remplace la directive 95/46/CE, prévoit, à son article 17, un droit", {GDPR: "art. 17", DPD: ""}),
    ("Le règlement (UE) 2016/679, lequel a remplacé la directive 95/46/CE, prévoit, à son article 17, un droit", {GDPR: "art. 17", DPD: ""}),
    ("Le règlement (UE) 2016/679, adopté sur la base de la directive 95/46/CE, prévoit, à son article 17, un droit", {GDPR: "art. 17", DPD: ""}),
    ("El Reglamento (UE) 2016/679, que deroga la Directiva 95/46/CE, establece en su artículo 17 un derecho", {GDPR: "art. 17", DPD: ""}),
    ("El Reglamento (UE) 2016/679, por el que se deroga la Directiva 95/46/CE, establece en su artículo 17 un derecho", {GDPR: "art. 17", DPD: ""}),
    # the subject is not a citation: no act gets the article
    ("Le présent règlement, qui remplace le règlement (CE) n° 44/2001, prévoit, à son article 4, que", {BRU: ""}),
    ("Les États membres, conformément à la directive 2003/88/CE, fixent à l'article 3 les plafonds", {WTD: ""}),
    ("los Estados miembros, de conformidad con la Directiva 2003/88/CE, establecen en su artículo 3 los límites", {WTD: ""}),
    # "vu"/"visto" (having regard to) open a preamble citation: the act after them is no subject
    ("La Commission, vu le règlement (UE) 2016/679, prévoit, à l'article 3, que", {GDPR: ""}),
    ("La Comisión, visto el Reglamento (UE) 2016/679, establece en su artículo 3 que", {GDPR: ""}),
    ("Le règlement (UE) n° 1308/2013, lequel a remplacé le règlement (CE) n° 1234/2007, dispose en son article 5 que", {"celex:32013R1308": "art. 5", "celex:32007R1234": ""}),
    ("Le règlement (UE) 2016/679, qui a abrogé la directive 95/46/CE (2), prévoit à l'article 17 un droit", {GDPR: "art. 17", DPD: ""}),
    ("El Reglamento (UE) n.º 1308/2013, que sustituye al Reglamento (CE) n.º 1234/2007, dispone en su artículo 5 que", {"celex:32013R1308": "art. 5", "celex:32007R1234": ""}),
    ("La présente directive, qui modifie la directive 2003/88/CE, prévoit, à son article 3, que", {WTD: ""}),
    # a clause holding a comma of its own (a title): unsure where it ends, so nothing
    ("Le règlement (UE) 2016/679, qui abroge la directive 95/46/CE du Parlement européen et du Conseil du 24 octobre 1995, relative à la protection, prévoit, à son article 17, un droit", {GDPR: "", DPD: ""}),
    # the subject opens the clause: its article (as before)
    ("Le règlement (UE) 2016/679 prévoit, à son article 17, un droit", {GDPR: "art. 17"}),
    ("considérant que la directive 95/46/CE prévoit, à son article 7, que", {DPD: "art. 7"}),
    ("Il convient de rappeler que la directive 95/46/CE prévoit, à son article 7, que", {DPD: "art. 7"}),
    ("Considerando que la Directiva 95/46/CE establece en su artículo 7 que", {DPD: "art. 7"}),
    ("Considerando que el citado Reglamento (CE) n° 785/95 establece en la letra b) de su artículo 15 que", {"celex:31995R0785": "art. 15(b)"}),
    ("considérant que ledit règlement (CE) n° 785/95 prévoit, à son article 15, que", {"celex:31995R0785": "art. 15"}),
    # an act after a list word opens a subject of its own: the act amended is that one
    (
        "vu le règlement (CE) n° 1234/2007 du Conseil, et le règlement (CE) n° 72/2009, modifié par le règlement (CE) n° 73/2009, prévoit dans son article 2",
        {"celex:32007R1234": "", "celex:32009R0072": "art. 2", "celex:32009R0073": ""},
    ),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_the_article_after_the_verb_goes_to_its_subject(text: str, want: dict[str, str]) -> None:
    got = {i: pin for i, kind, pin in found(text) if kind == "eu_act"}
    for act, pin in want.items():
        assert act in got, f"{act} not found in {got}"
        assert got[act] == pin, f"{act}: {got[act]!r}, want {pin!r}"


BACK_REFERENCES = [
    # a back-reference in a relative clause is not the verb's subject
    ("La directive 95/46/CE s'applique. Le règlement (UE) 2016/679, qui remplace ladite directive, prévoit, à son article 17, un droit", ""),
    ("La directive 95/46/CE s'applique. Ladite directive prévoit, à son article 17, un droit", "art. 17"),
]


@pytest.mark.parametrize(("text", "pinpoint"), BACK_REFERENCES)
def test_a_back_reference_in_a_relative_clause(text: str, pinpoint: str) -> None:
    got = [g for g in found(text) if g[0] == DPD]
    assert len(got) == 2, found(text)
    assert got[1][2] == pinpoint


def test_the_subject_before_a_relative_clause_with_a_back_reference() -> None:
    text = BACK_REFERENCES[0][0]
    got = {i: pin for i, _, pin in found(text)}
    assert got[GDPR] == "art. 17"
