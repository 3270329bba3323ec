"""EU act forms in every language: a number word ("No", "n°", "n.º", "Nr.") ending a line is still
read; a fix of the numbering writes the domain of the act's era (as EU107 asks).

Why: plain text and PDF extraction break lines anywhere; German "Nr.\\n" was read, English, French
and Spanish "No\\n" were not."""

from __future__ import annotations

import pytest

import citecheck

WRAPPED = [
    ("Council Regulation (EC) No\n1049/2001 applies.", "celex:32001R1049"),
    ("Council Regulation (EC) No \n   1049/2001 applies.", "celex:32001R1049"),
    ("Regulation (EEC) No.\n1408/71 applies.", "celex:31971R1408"),
    ("Voir le règlement (CE) n°\n1049/2001 du Conseil.", "celex:32001R1049"),
    ("Véase el Reglamento (CE) n.º\n1049/2001 del Consejo.", "celex:32001R1049"),
    ("Verordnung (EG) Nr.\n1049/2001 des Rates.", "celex:32001R1049"),
]

NOT_ACTS = [
    # a paragraph break between the number word and the number ends the reference
    "Council Regulation (EC) No\n\n1049/2001 applies.",
    # the number word alone at a line end, no number after it
    "The Regulation (EC) No\nlonger applies.",
]


@pytest.mark.parametrize(("text", "cid"), WRAPPED)
def test_number_word_at_line_end(text: str, cid: str) -> None:
    assert [c.id for c in citecheck.extract(text)] == [cid]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_no_act_across_a_paragraph_or_without_number(text: str) -> None:
    assert [c.id for c in citecheck.extract(text) if c.id.startswith("celex:")] == []


# --- EU105 / EU110 fixes agree with EU107: an era's form, never a domain EU107 calls wrong ---

ERA_FIXES = [
    ("See Directive (EU) 1995/46.", "95/46/EC"),
    ("Voir la directive (UE) 1995/46.", "95/46/CE"),
    ("Véase la Directiva (UE) 1995/46.", "95/46/CE"),
    ("Siehe Richtlinie (EU) 1995/46.", "95/46/EG"),
    ("See Directive (EEC) 2003/4.", "2003/4/EC"),
]

ERA_NO_CHANGE = [
    # the domain fits its year: the fix keeps it
    ("See Directive 1995/46/EC.", "95/46/EC"),
    ("Voir la directive 1985/374/CEE.", "85/374/CEE"),
]


@pytest.mark.parametrize(("text", "fixed"), ERA_FIXES + ERA_NO_CHANGE)
def test_numbering_fix_writes_the_era_domain(text: str, fixed: str) -> None:
    result = citecheck.check(text, offline=True)
    fixes = [f.fix.replacement for f in result.findings if f.fix is not None]
    assert fixes == [fixed]
    wrong = [f for f in result.findings if f.code == "EU107"]
    assert bool(wrong) == ((text, fixed) in ERA_FIXES)


ERA_GUESSES = [
    # 1993 and 2009 cited by year only: two community domains fit (Maastricht 1 Nov 1993, Lisbon
    # 1 Dec 2009), so a fix would guess
    "See Directive (EU) 1993/13.",
    "See Regulation (EEC) 2009/1007.",
    "See Directive (EEC) 2009/28.",
    # before 1958 no community domain existed at all
    "See Directive (EU) 1954/1.",
    "See Decision (EU) 1952/1.",
]


@pytest.mark.parametrize("text", ERA_GUESSES)
def test_no_era_fix_where_not_exactly_one_domain_fits(text: str) -> None:
    result = citecheck.check(text, offline=True)
    assert "EU107" in [f.code for f in result.findings]
    assert [f.fix for f in result.findings if f.fix is not None] == []
    # nor does the message name a domain EU107 calls wrong
    assert not any("Write" in f.message for f in result.findings)


def test_a_date_settles_the_boundary_year() -> None:
    result = citecheck.check("See Directive (EU) 1993/13 of 5 April 1993.", offline=True)
    assert [f.fix.replacement for f in result.findings if f.fix is not None] == ["93/13/EEC"]


def test_no_fix_where_no_era_domain_can_stand_for_the_written_one() -> None:
    # CFSP did not exist in 1991: no community domain replaces it, so no fix at all
    result = citecheck.check("See Common Position 1991/12/CFSP.", offline=True)
    assert sorted(f.code for f in result.findings) == ["EU105", "EU107"]
    assert [f.fix for f in result.findings] == [None, None]


# --- a decision numbered without any EU mark and adopted by another body is no EU act ---

OTHER_BODIES = [
    # the body written right after the decision as its author ("of the board", "des Vorstands")
    "Der Beschluss 2019/12 des Aufsichtsrats gilt.",
    "Siehe den Beschluss 2019/12 des Vorstands.",
    "See Decision 2019/12 of the board.",
    "See Decision 2019/12 of the board of directors.",
    "Voir la décision 2019/12 du conseil d'administration.",
    "Véase la Decisión 2019/12 del consejo de administración.",
    "Véase la Decisión 2019/12 de la junta general.",
]

STILL_EU = [
    # an EU mark: domain, EU institution, the era's 'No', or no other body right after it
    ("See Decision 2019/12.", "celex:32019D0012"),
    ("See Commission Decision 2019/12.", "celex:32019D0012"),
    ("The board applies Commission Decision 2019/12.", "celex:32019D0012"),
    ("Die Gesellschaft beachtet den Beschluss (EU) 2019/12.", "celex:32019D0012"),
    ("The company applies Decision (EU) 2019/12.", "celex:32019D0012"),
    ("Der Aufsichtsrat tagte. Siehe Beschluss 2019/12.", "celex:32019D0012"),
    # an EU institution after it: the EU's, whatever body the sentence named before
    ("The board noted Decision 2019/12 of the Commission.", "celex:32019D0012"),
    ("Der Vorstand verwies auf den Beschluss 2019/12 der Kommission.", "celex:32019D0012"),
    ("The board of appeal annulled Decision 2019/12 of the Commission.", "celex:32019D0012"),
    # a body named earlier in the sentence is no author: it may only apply the EU's decision
    ("The company must comply with Decision 2019/12 on emissions.", "celex:32019D0012"),
    ("Unternehmen müssen den Beschluss 2019/12 beachten.", "celex:32019D0012"),
    ("Las empresas deben aplicar la Decisión 2019/12.", "celex:32019D0012"),
    ("These rules apply across the board under Decision 2019/12.", "celex:32019D0012"),
    ("Der Vorstand tagte im März, und der Beschluss 2019/12 wurde angenommen.", "celex:32019D0012"),
    # whole words only: "Vereinten" is no "Verein", "vereint" neither
    ("Die Vereinten Nationen begrüßten den Beschluss 2019/12.", "celex:32019D0012"),
    ("Die Mitgliedstaaten vereint der Beschluss 2019/12.", "celex:32019D0012"),
    # limit: a body that adopted its own decision, named before it, is not told apart (EU101 warns)
    ("Der Vorstand fasste den Beschluss 2019/12.", "celex:32019D0012"),
    # the EU courts annul EU decisions: a court alone is no other author
    ("The Court of Justice annulled Decision 2019/12.", "celex:32019D0012"),
    (
        "Das Gericht der Europäischen Union erklärte den Beschluss 2019/12 für nichtig.",
        "celex:32019D0012",
    ),
    ("Der Gerichtshof hob den Beschluss 2019/12 auf.", "celex:32019D0012"),
    ("Die Gesellschaft beachtet die Verordnung 2016/679.", "celex:32016R0679"),
]


@pytest.mark.parametrize("text", OTHER_BODIES)
def test_another_bodys_decision_is_no_eu_act(text: str) -> None:
    result = citecheck.check(text, offline=True)
    assert [c.id for c in result.citations if c.id.startswith("celex:")] == []
    assert [f.code for f in result.findings if f.code.startswith("EU")] == []


@pytest.mark.parametrize(("text", "cid"), STILL_EU)
def test_decision_with_an_eu_mark_or_no_other_body_stays(text: str, cid: str) -> None:
    assert [c.id for c in citecheck.extract(text)] == [cid]


# --- compound act names: read only where one can stand, and from any place after a hyphen ---

COMPOUND_WINDOWS = [
    # found by the property test of tests/test_eu_match_at_hit.py: the compound starts after
    # the hyphen, not at it
    "-CouncilDurchführungsverordnung (EU) 2016/679",
    "ab-Cd-Grundverordnung (EU) 2016/679",
    # ... and a compound whose head follows a hyphen directly ("İdécision-verordnung")
    "\u0130d\u00e9cision-verordnung (EU) 2016/679",
    "Idécision-verordnung (EU) 2016/679",
    "Daten-verordnung (EU) 2016/679",
    "Die Datenschutz-Grundverordnung (EU) 2016/679 gilt.",
    "Council Regulation (EC) No 1049/2001 and Directive 95/46/EC.",
]


@pytest.mark.parametrize("text", COMPOUND_WINDOWS)
def test_act_matches_as_the_window_search_reads_compounds(text: str) -> None:
    from citecheck.families import FAMILIES, base, eu_acts
    from citecheck.families.base import Document

    doc = Document(text)
    doc.index_anchors(sorted({a for family in FAMILIES for a in family.anchors}))
    hits = eu_acts._type_word_hits(doc)
    window = base.matches_near(eu_acts._ACT, hits, text, before=100, after=64)
    assert [m.span() for m in eu_acts._act_matches(doc)] == [m.span() for m in window]


def test_english_text_is_read_without_the_compound_pattern() -> None:
    from citecheck.families import eu_acts
    from citecheck.families.base import Document

    english = Document("See Council Regulation (EC) No 1049/2001 and Directive 95/46/EC.")
    german = Document("Die Datenschutz-Grundverordnung (EU) 2016/679 gilt.")
    hyphen = Document("Die EU-Richtlinie 95/46/EG gilt.")
    assert not eu_acts._compound_may_stand(english)
    assert eu_acts._compound_may_stand(german)
    assert eu_acts._compound_may_stand(hyphen)
