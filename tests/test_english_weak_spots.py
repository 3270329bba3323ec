"""English forms the readable texts lacked: general comments (abbreviations, joint texts,
adoption years), resolution pinpoints after a date or a subject, and other treaties named by
a word before "Convention" (made-up examples in the shapes UN texts use)."""

from __future__ import annotations

import pytest

from citecheck import check, extract
from citecheck.families import general_comments
from citecheck.families.general_comments import KNOWN_YEARS
from citecheck.model import Kind


def _found(text: str, kind: Kind) -> list[tuple[str, str, str]]:
    return [(c.id, c.text, str(c.pinpoint)) for c in extract(text) if c.kind is kind]


# (text, [(id, span, pinpoint)])
GENERAL_COMMENTS: list[tuple[str, list[tuple[str, str, str]]]] = [
    # the committee by an abbreviation that names it only before its term
    ("See HRC General Comment No. 31, para. 8.",
     [("gc:CCPR/31", "HRC General Comment No. 31, para. 8", "para. 8")]),
    ("HRC general comment No. 36", [("gc:CCPR/36", "HRC general comment No. 36", "")]),
    # "GC"/"GR" with the committee next to it
    ("See CESCR GC 24.", [("gc:CESCR/24", "CESCR GC 24", "")]),
    ("HRC GC 34, para. 18", [("gc:CCPR/34", "HRC GC 34, para. 18", "para. 18")]),
    ("CEDAW GR 35, para. 24", [("gc:CEDAW/35", "CEDAW GR 35, para. 24", "para. 24")]),
    ("See GC 24 of the Committee on Economic, Social and Cultural Rights.",
     [("gc:CESCR/24", "GC 24 of the Committee on Economic, Social and Cultural Rights", "")]),
    ("Committee on the Rights of the Child, GC No. 25 (2021), para. 12",
     [("gc:CRC/25", "GC No. 25 (2021), para. 12", "para. 12")]),
    # a comma before the number mark
    ("General comment, No. 24 (1994) on reservations.",
     [("gc:CCPR/24", "General comment, No. 24 (1994)", "")]),
    ("Committee on the Elimination of Discrimination against Women, general recommendation, "
     "No. 30 (2013).", [("gc:CEDAW/30", "general recommendation, No. 30 (2013)", "")]),
    # joint texts: each committee's own number, whatever committee is named before
    ("in line with joint general recommendation No. 31/general comment No. 18;",
     [("gc:CEDAW/31", "joint general recommendation No. 31", ""),
      ("gc:CRC/18", "general comment No. 18", "")]),
    ("Committee on the Elimination of Discrimination against Women and Committee on the Rights "
     "of the Child, joint general recommendation No. 31/general comment No. 18, para. 9.",
     [("gc:CEDAW/31", "joint general recommendation No. 31", ""),
      ("gc:CRC/18", "general comment No. 18, para. 9", "para. 9")]),
    ("the standards set out in joint general comment No. 3/No. 22 (2017) apply",
     [("gc:CMW/3", "joint general comment No. 3", ""), ("gc:CRC/22", "22 (2017)", "")]),
    ("joint general comment No. 4/No. 23 (2017)",
     [("gc:CMW/4", "joint general comment No. 4", ""), ("gc:CRC/23", "23 (2017)", "")]),
    # the adoption year names the one committee that adopted that number that year
    ("general recommendation No. 33 (2015) on women's access to justice",
     [("gc:CEDAW/33", "general recommendation No. 33 (2015)", "")]),
    ("general recommendation No. 8 (1990) on article 1 of the Convention",
     [("gc:CERD/8", "general recommendation No. 8 (1990)", "")]),
    ("General comment No. 27 (2025) on the environmental dimension",
     [("gc:CESCR/27", "General comment No. 27 (2025)", "")]),
    ("general comment No. 5 (2003) on general measures of implementation",
     [("gc:CRC/5", "general comment No. 5 (2003)", "")]),
    ("general comment No. 2 (2007), para. 3",
     [("gc:CAT/2", "general comment No. 2 (2007), para. 3", "para. 3")]),
    ("general comment No. 1 (2014) on equal recognition before the law",
     [("gc:CRPD/1", "general comment No. 1 (2014)", "")]),
    ("general comment No. 14 (2000), para. 18",
     [("gc:CESCR/14", "general comment No. 14 (2000), para. 18", "para. 18")]),
    # negative rows: no committee next to "GC", a symbol, a court's Grand Chamber, a year
    # both CAT and CMW adopted their No. 4 in
    ("the GC 24 meeting of the Governing Council", []),
    ("Roman Zakharov v. Russia [GC], no. 47143/06", []),
    ("see E/C.12/GC/24 and UNEP/GC/24", []),
    ("general comment No. 31/2004 of", []),
    ("the Human Rights Council (HRC) 34 members", []),
    ("general comment No. 4 (2017)", [("gc:?/4", "general comment No. 4 (2017)", "")]),
    # a year two committees share counts only the committee whose term fits: CERD's
    # recommendations 34 (2011), 6 (1982) and CEDAW's 20 (1992) do not make a comment open
    ("general comment No. 34 (2011)", [("gc:CCPR/34", "general comment No. 34 (2011)", "")]),
    ("general comment No. 6 (1982)", [("gc:CCPR/6", "general comment No. 6 (1982)", "")]),
    ("general comment No. 20 (1992)", [("gc:CCPR/20", "general comment No. 20 (1992)", "")]),
    ("general recommendation No. 34 (2011)",
     [("gc:CERD/34", "general recommendation No. 34 (2011)", "")]),
    # negative rows: two recommendations of that number and year stay open
    ("general recommendation No. 23 (1997)",
     [("gc:?/23", "general recommendation No. 23 (1997)", "")]),
    ("general recommendation No. 24 (1999)",
     [("gc:?/24", "general recommendation No. 24 (1999)", "")]),
    # a committee inferred from the words before, whose known year is not the one given:
    # the committee whose year it is, else none (the text does not name one)
    ("The Human Rights Committee noted this. The African Commission on Human and Peoples' "
     "Rights, general comment No. 3 (2015) on the right to life, para. 38",
     [("gc:?/3", "general comment No. 3 (2015) on the right to life, para. 38", "para. 38")]),
    ("as the Subcommittee on Prevention of Torture prescribes in its general comment No. 1 "
     "(2024).", [("gc:?/1", "general comment No. 1 (2024)", "")]),
    ("The Human Rights Committee noted this; see general comment No. 14 (2000), para. 3",
     [("gc:CESCR/14", "general comment No. 14 (2000), para. 3", "para. 3")]),
    # the document's own committee stays when the year is wrong: the year is what is wrong
    ("Committee against Torture\n\nDecision adopted by the Committee under article 22 of the "
     "Convention\n\nThe Committee recalls its general comment No. 1 (1996) on article 3.",
     [("gc:CAT/1", "general comment No. 1 (1996)", "")]),
    # the committee named right before, its abbreviation between
    ("Committee on the Protection of the Rights of All Migrant Workers and Members of Their "
     "Families (CMW), general comment No. 1 (2011) on migrant domestic workers, para. 34",
     [("gc:CMW/1", "general comment No. 1 (2011) on migrant domestic workers, para. 34",
       "para. 34")]),
    # negative rows: the year fits the inferred committee, or is the year after (the
    # publication year the committees cite themselves); no year
    ("The Human Rights Committee considers this (general comment No. 36 (2019) on the right "
     "to life, para. 47).",
     [("gc:CCPR/36", "general comment No. 36 (2019) on the right to life, para. 47",
       "para. 47")]),
    ("The Human Rights Committee noted this; see general comment No. 14 (1984), para. 3",
     [("gc:CCPR/14", "general comment No. 14 (1984), para. 3", "para. 3")]),
    ("The Human Rights Committee noted this; see general comment No. 14, para. 3",
     [("gc:CCPR/14", "general comment No. 14, para. 3", "para. 3")]),
]


@pytest.mark.parametrize(("text", "expected"), GENERAL_COMMENTS)
def test_general_comment_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text, Kind.GENERAL_COMMENT) == expected


# (text, whether GC102 "wrong year" fires): only for a committee the text names
YEAR_FINDINGS: list[tuple[str, bool]] = [
    ("general comment No. 34 (2005) of the Human Rights Committee", True),
    ("Human Rights Committee, general comment No. 3 (2015)", True),
    ("CAT general comment No. 2 (2008)", True),
    ("The Human Rights Committee noted this. The African Commission on Human and Peoples' "
     "Rights, general comment No. 3 (2015)", False),
    ("as the Subcommittee on Prevention of Torture prescribes in its general comment No. 1 "
     "(2024).", False),
    ("general comment No. 34 (2011) of the Human Rights Committee", False),
    ("Committee against Torture\n\nDecision adopted by the Committee under article 22 of the "
     "Convention\n\nThe Committee recalls its general comment No. 1 (1996) on article 3.", True),
    ("general comment No. 34 (2011)", False),
    ("The Human Rights Committee considers this (general comment No. 36 (2019) on the right "
     "to life, para. 47).", False),
    ("Committee on the Protection of the Rights of All Migrant Workers and Members of Their "
     "Families (CMW), general comment No. 1 (2009)", True),
]


@pytest.mark.parametrize(("text", "fires"), YEAR_FINDINGS)
def test_year_mismatch_only_for_a_named_committee(text: str, fires: bool) -> None:
    codes = [f.code for f in check(text).findings]
    assert ("GC102" in codes) is fires, codes
    assert "GC101" not in codes or not fires


def test_every_committee_has_its_adoption_years() -> None:
    """Years from the committees' lists; the ones the three No. 16s are told apart by stay."""
    assert KNOWN_YEARS[("CCPR", 16)] == 1988
    assert KNOWN_YEARS[("CESCR", 16)] == 2005
    assert KNOWN_YEARS[("CRC", 16)] == 2013
    assert KNOWN_YEARS[("CERD", 25)] == 2000
    for code in ("CCPR", "CESCR", "CRC", "CEDAW", "CERD", "CAT", "CRPD", "CMW", "CED"):
        assert (code, 1) in KNOWN_YEARS, code
    # the joint CEDAW No. 31/CRC No. 18 was revised in 2019: no year to check it against
    assert ("CEDAW", 31) not in KNOWN_YEARS
    assert ("CRC", 18) not in KNOWN_YEARS


RESOLUTIONS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Human Rights Council resolution 43/4 of 19 June 2020, para. 5",
     [("un:A/HRC/RES/43/4", "Human Rights Council resolution 43/4 of 19 June 2020, para. 5",
       "para. 5")]),
    ("General Assembly resolution 70/1 of 25 September 2015, paragraph 8 (c)",
     [("un:A/RES/70/1", "General Assembly resolution 70/1 of 25 September 2015, paragraph 8 (c)",
       "para. 8(c)")]),
    ("Security Council resolution 2334 (2016) of 23 December 2016, para. 2",
     [("un:S/RES/2334(2016)",
       "Security Council resolution 2334 (2016) of 23 December 2016, para. 2", "para. 2")]),
    ("General Assembly resolution 45/112 of 14 December 1990, annex, para. 54.",
     [("un:A/RES/45/112", "General Assembly resolution 45/112 of 14 December 1990, annex, "
       "para. 54", "annex; para. 54")]),
    ("Human Rights Council resolution 35/8 on the safety of journalists, para. 5",
     [("un:A/HRC/RES/35/8", "Human Rights Council resolution 35/8 on the safety of journalists,"
       " para. 5", "para. 5")]),
    ("resolution 60/251, op. para. 5 (c)",
     [("un:A/RES/60/251", "resolution 60/251, op. para. 5 (c)", "operative para. 5(c)")]),
    # negative rows: a date, then no pinpoint; a subject that runs into the next note
    ("Human Rights Council resolution 43/4 of 19 June 2020, in which the Council decided",
     [("un:A/HRC/RES/43/4", "Human Rights Council resolution 43/4", "")]),
    ("General Assembly resolution 56/83 on the responsibility of States (annex, articles 4 and "
     "8). 21 Committee on Economic, Social and Cultural Rights, general comment No. 14 (2000), "
     "paras 8, 10 and 18", [("un:A/RES/56/83", "General Assembly resolution 56/83", "")]),
    ("resolutions 2001/62 of 25 April 2001, para. 9 and 2002/38",
     [("un:?/2001/62", "resolutions 2001/62 of 25 April 2001, para. 9", "para. 9"),
      ("un:?/2002/38", "2002/38", "")]),
    ("General Assembly resolutions 73/327 of 25 July 2019 on sport, 76/13 and 77/27",
     [("un:A/RES/73/327", "General Assembly resolutions 73/327", ""),
      ("un:A/RES/76/13", "76/13", ""), ("un:A/RES/77/27", "77/27", "")]),
]


@pytest.mark.parametrize(("text", "expected"), RESOLUTIONS)
def test_resolution_pinpoints(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text, Kind.UN_RESOLUTION) == expected


INSTRUMENTS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Slovenia ratified the Convention on the Rights of the Child. It then ratified the Istanbul "
     "Convention. Article 36 of the Convention defines rape.",
     [("instrument:crc", "")]),
    ("The Convention against Torture applies. The 1951 Refugee Convention and its 1967 Protocol "
     "apply too. The Convention defines a refugee.", [("instrument:cat", "")]),
    ("The Convention on the Rights of the Child applies. The Hague Convention of 1980 was "
     "ratified. Under article 12 of the Convention, the child is returned.",
     [("instrument:crc", "")]),
    ("The Charter of the United Nations applies. The European Social Charter was ratified. "
     "Article 31 of the Charter protects housing.", [("instrument:un-charter", "")]),
    ("The Convention on the Rights of the Child applies. The Committee recalls Convention No. "
     "169. Article 6 of the Convention requires consultation.", [("instrument:crc", "")]),
    # negative rows: further on, "the Convention" is the one named before again; catalog
    # names and informal names of the same instrument keep it
    ("The Convention against Torture applies. The Istanbul Convention was ratified. "
     + "The report then turns to other matters at length. " * 9
     + "Article 14 of the Convention applies.",
     [("instrument:cat", ""), ("instrument:cat", "art. 14")]),
    ("The Convention against Torture applies. The Torture Convention requires redress. "
     "Article 14 of the Convention applies.",
     [("instrument:cat", ""), ("instrument:cat", "art. 14")]),
    ("The European Convention on Human Rights applies. Article 8 of the Convention.",
     [("instrument:echr", ""), ("instrument:echr", "art. 8")]),
    ("Charter of the United Nations. Article 55 of the UN Charter and article 56 of the Charter.",
     [("instrument:un-charter", ""), ("instrument:un-charter", "art. 55"),
      ("instrument:un-charter", "art. 56")]),
    ("The International Covenant on Civil and Political Rights applies. This Covenant binds.",
     [("instrument:iccpr", "")]),
    # a preposition names no other treaty: "the Convention" keeps the catalog's
    ("The Convention against Torture applies. Under Convention procedures, complaints are "
     "heard. Article 16 of the Convention applies.",
     [("instrument:cat", ""), ("instrument:cat", "art. 16")]),
    # a treaty named at the start of a sentence or a line is another treaty all the same
    # (a capitalised word there may also be an ordinary one: "Youth Convention strategy" is
    # read as a name too, which loses the catalog's short reference rather than misplace it)
    ("The Convention on the Rights of the Child applies. Istanbul Convention was ratified in "
     "2015. Article 6 of the Convention applies.", [("instrument:crc", "")]),
    ("The Convention against Torture applies.\nRefugee Convention matters differ. The "
     "Convention defines a refugee.", [("instrument:cat", "")]),
    ("The Convention on the Rights of the Child applies. Youth Convention strategy. Article 3 "
     "of the Convention applies.", [("instrument:crc", "")]),
    ("The Convention on the Rights of the Child applies, as stated Regarding Convention "
     "matters. Article 3 of the Convention applies.",
     [("instrument:crc", ""), ("instrument:crc", "art. 3")]),
    # "Covenant" is no kind another treaty is named by here: an OCR slip "Athe Covenant"
    # does not cancel the ICCPR
    ("The International Covenant on Civil and Political Rights applies. Under article 2 of "
     "Athe Covenant, States act. Article 7 of the Covenant prohibits torture.",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 7")]),
    # negative rows: a word inside a sentence still names another treaty
    ("The Convention on the Rights of the Child applies. Slovenia ratified the Istanbul "
     "Convention in 2015. Article 3 of the Convention applies.", [("instrument:crc", "")]),
    ("The Convention on the Rights of the Child applies. It ratified (Istanbul Convention) "
     "too. Article 3 of the Convention applies.", [("instrument:crc", "")]),
]


@pytest.mark.parametrize(("text", "expected"), INSTRUMENTS)
def test_other_named_treaties(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(i, p) for i, _, p in _found(text, Kind.INSTRUMENT)] == expected


class _CountingPattern:
    """The general-comment head pattern, counting its window searches (the expensive step)."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, *args: object) -> object:
        self.searches += 1
        return self.pattern.search(*args)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.pattern, name)


# (text, repeats, head searches per repeat, citations per repeat): "GC"/"GR" that no number
# follows (gas chromatography, "GC analysis") cost no window search; true heads one each
FLOODS: list[tuple[str, int, int, int]] = [
    ("GC ", 10000, 0, 0),
    ("GR ", 10000, 0, 0),
    ("GC analysis of the sample. ", 2000, 0, 0),
    ("the GC-MS and GC\u00a0column ", 2000, 0, 0),
    ("CESCR GC 24. ", 500, 1, 1),
    ("CEDAW GR No. 35, ", 500, 1, 1),
    ("GC 24 of the Committee on Economic, Social and Cultural Rights. ", 200, 1, 1),
]


@pytest.mark.parametrize(("unit", "repeats", "searches", "citations"), FLOODS)
def test_gc_flood_costs_no_search_per_bare_hit(
    monkeypatch: pytest.MonkeyPatch, unit: str, repeats: int, searches: int, citations: int
) -> None:
    counting = _CountingPattern(general_comments._HEAD)
    monkeypatch.setattr(general_comments, "_HEAD", counting)
    found = [c for c in extract(unit * repeats) if c.kind is Kind.GENERAL_COMMENT]
    assert len(found) == citations * repeats
    assert counting.searches == searches * repeats
