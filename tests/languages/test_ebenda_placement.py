# ruff: noqa: E501  (table rows hold whole sentences)
"""German "ebenda"/"ebd." is a short form (ibid.) only where a reader takes it as one: opening
a note or a sentence (or a reference in a list or brackets), followed by a pinpoint or the
end of the note or sentence. Elsewhere "ebenda" is the adverb "right there". Made-up
sentences in the shapes of German footnotes and prose."""

from __future__ import annotations

import pytest

import citecheck

PLACED = [
    # at the start of a note, after its marker, with or without a pinpoint
    ("[^1]: Siehe A/HRC/41/35, Ziff. 4.\n[^2]: Ebd.\n", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("1 A/HRC/41/35, Ziff. 4.\n2 Ebd., Ziff. 14.\n", [("un:A/HRC/41/35", "para. 14", "Ebd., Ziff. 14")]),
    ("1. A/HRC/41/35, Ziff. 4.\n2. Ebenda, Rn. 5.\n", [("un:A/HRC/41/35", "para. 5", "Ebenda, Rn. 5")]),
    ("Siehe A/HRC/41/35, Ziff. 4.\n³ Ebd.", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    # at the start of a sentence of a note, ending it or followed by the next sentence
    ("Siehe A/HRC/41/35, Ziff. 4. Ebd. Vgl. auch die Stellungnahme.", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("Siehe A/HRC/41/35, Ziff. 4. Ebenda; vgl. auch die Stellungnahme.", [("un:A/HRC/41/35", "para. 4", "Ebenda")]),
    ("Siehe A/HRC/41/35, Ziff. 4 (ebd., Ziff. 6).", [("un:A/HRC/41/35", "para. 6", "ebd., Ziff. 6")]),
    # negative rows: the adverb in prose, or the word not followed by a pinpoint or an end
    ("Der Ausschuss tagte in Genf (siehe A/HRC/41/35, Ziff. 3). Ebenda wurde auch ein Bericht vorgelegt.", []),
    ("Die Teilnehmer wohnten in Bonn; ebenda befand sich auch das Sekretariat.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Das Sekretariat befand sich ebenda.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Ebenda fand auch die Anhörung statt.", []),
    ("1 A/HRC/41/35, Ziff. 4.\n2 Ebenda befand sich das Sekretariat.\n", []),
    ("Siehe A/HRC/41/35, Ziff. 3, und die Stellen ebd., Ziff. 4.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Ebd. wurde das bestätigt.", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACED)
def test_ebenda_is_ibid_only_where_placed_as_one(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(c.id, str(c.pinpoint), c.text) for c in citecheck.extract(text) if c.short_form]
    assert got == expected


def test_the_adverb_draws_no_short_form_finding() -> None:
    text = "Die Teilnehmer wohnten in Bonn; ebenda befand sich auch das Sekretariat."
    assert [f.code for f in citecheck.check(text).findings if f.code.startswith("SF")] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ebd.", True),
        ("Ebd., Ziff. 4", True),
        ("\n   Ebd.\n", True),
        ("[^12]: Ebd.", True),
        ("12) Ebd., Rn. 3", True),
        ("¹² Ebd.", True),
        ("(Ebd.)", True),
        ("Siehe dort; ebd.", True),
        ("Siehe dort! Ebenda.", True),
        ("Siehe dort, ebd.", False),
        ("x Ebd.", False),
        ("12345 Ebd.", False),
        ("Ebd., mit weiteren Nachweisen.", False),
        ("Ebenda und dort.", False),
        ("Ebenda-Verweis.", False),
    ],
)
def test_where_the_short_form_is_found(text: str, found: bool) -> None:
    assert any(c.short_form for c in citecheck.extract(text)) is found
