# ruff: noqa: E501  (table rows hold whole sentences)
"""German "ebenda"/"ebd." is a short form (ibid.) only where a reader takes it as one. The
abbreviation "ebd." is no word of prose: it counts anywhere before a pinpoint, the end of the
note or sentence, a colon or "m.w.N.", and after a footnote's lead ("Vgl. ebd. die ...").
The written-out "ebenda" is also the adverb "right there": it counts only opening a note or a
sentence (with a pinpoint, also a reference in a list or brackets), followed by a pinpoint or
the end of the note or sentence. Made-up sentences in the shapes of German footnotes and prose."""

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
    # the abbreviation before a pinpoint, anywhere (the reviewer's lost notes)
    ("Siehe A/HRC/41/35, Ziff. 3, und die Stellen ebd., Ziff. 4.", [("un:A/HRC/41/35", "para. 4", "ebd., Ziff. 4")]),
    ("1 A/HRC/41/35, Ziff. 4.\n3 Siehe ebd., Rn. 7.\n", [("un:A/HRC/41/35", "para. 7", "ebd., Rn. 7")]),
    ("1 A/HRC/41/35, Ziff. 4.\n4 So auch ebd., Rn. 9.\n", [("un:A/HRC/41/35", "para. 9", "ebd., Rn. 9")]),
    ("1 A/HRC/41/35, Ziff. 4.\n7 Dazu ebda., Rn. 12.\n", [("un:A/HRC/41/35", "para. 12", "ebda., Rn. 12")]),
    ("1 A/HRC/41/35, Ziff. 4. Fn. 3: Ebd., Ziff. 4.\n", [("un:A/HRC/41/35", "para. 4", "Ebd., Ziff. 4")]),
    # ... before "with further references" or a colon, and after a footnote's lead
    ("1 A/HRC/41/35, Ziff. 4.\n5 Ebd., mit weiteren Nachweisen.\n", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("1 Siehe A/HRC/41/35, Ziff. 4, und die Stellungnahme.\n6 Ebd., m.w.N.\n", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("1 Siehe A/HRC/41/35, Ziff. 4, und die Stellungnahme.\n6 Ebd., m. w. N.\n", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("1 Siehe A/HRC/41/35, Ziff. 4, und die Stellungnahme.\n3 Ebd.: Ziff. 8.\n", [("un:A/HRC/41/35", "para. 4", "Ebd.")]),
    ("1 A/HRC/41/35, Ziff. 4.\n8 Vgl. ebd. die Ausführungen.\n", [("un:A/HRC/41/35", "para. 4", "ebd.")]),
    # the written-out adverb mid-sentence, in brackets or after ";" with no pinpoint: nothing
    ("Siehe A/HRC/41/35, Ziff. 3. Sie wohnte (ebenda) lange.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Sie wohnte in Bonn; ebenda.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Vgl. ebenda die Ausführungen.", []),
    ("Siehe A/HRC/41/35, Ziff. 3. Die mwN ebd. wurde das.", []),
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
        ("Siehe dort, ebd.", True),  # the abbreviation ending the sentence, anywhere
        ("x Ebd.", True),
        ("12345 Ebd.", True),
        ("Ebd., mit weiteren Nachweisen.", True),
        ("Siehe dort, ebenda.", False),  # the adverb: no note or sentence opens there
        ("Siehe dort (ebenda).", False),
        ("Siehe dort (ebenda, Rn. 3).", True),
        ("x Ebd. y", False),
        ("Ebd., mit anderen.", False),
        ("Ebd. m.w.Nx", False),
        ("Ebenda und dort.", False),
        ("Ebenda-Verweis.", False),
    ],
)
def test_where_the_short_form_is_found(text: str, found: bool) -> None:
    assert any(c.short_form for c in citecheck.extract(text)) is found
