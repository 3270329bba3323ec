"""Table-driven tests of the UN document-symbol family (GRAMMAR.md A, F)."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.families.un_symbols import UNSymbol, parse_symbol

# (text, expected ids in order, expected pinpoint of the last citation)
POSITIVES: list[tuple[str, list[str], str]] = [
    ("see A/HRC/41/35, para. 66.", ["un:A/HRC/41/35"], "para. 66"),
    ("(A/HRC/41/35 para. 66)", ["un:A/HRC/41/35"], "para. 66"),
    ("A/HRC/38/35/Add.2, para. 53", ["un:A/HRC/38/35/Add.2"], "para. 53"),
    ("A/HRC/RES/17/31, Annex.", ["un:A/HRC/RES/17/31"], "annex"),
    ("CCPR/C/BGR/CO/3, para. 22", ["un:CCPR/C/BGR/CO/3"], "para. 22"),
    ("CCPR/C/GC/34.", ["un:CCPR/C/GC/34"], ""),
    ("CCPR/C/127/D/2728/2016", ["un:CCPR/C/127/D/2728/2016"], ""),
    ("E/C.12/GC/24, paras. 3 to 5", ["un:E/C.12/GC/24"], "paras. 3-5"),
    ("e/cn.4/sub.2/2005/13", ["un:E/CN.4/Sub.2/2005/13"], ""),
    ("E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1", ["un:E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1"], ""),
    ("A/HRC/S-4/2", ["un:A/HRC/S-4/2"], ""),
    ("A/RES/217 (III)", ["un:A/RES/217(III)"], ""),
    ("A/RES/217 A (III)", ["un:A/RES/217(III)"], ""),
    ("S/RES/2231 (2015)", ["un:S/RES/2231(2015)"], ""),
    ("S/RES/1325\u00a0(2000)", ["un:S/RES/1325(2000)"], ""),
    ("S/PV.6201(Resumption1)", ["un:S/PV.6201(Resumption1)"], ""),
    ("A/62/17(PartI)", ["un:A/62/17(PartI)"], ""),
    ("S/26695 and A/9601", ["un:S/26695", "un:A/9601"], ""),
    ("A/HRC/\n41/35", ["un:A/HRC/41/35"], ""),
    ("A/HRC/41\n/35", ["un:A/HRC/41/35"], ""),
    ("A/HRC/28/2 and Add.1", ["un:A/HRC/28/2", "un:A/HRC/28/2/Add.1"], ""),
    ("CCPR/C/SR.131-133", ["un:CCPR/C/SR.131", "un:CCPR/C/SR.132", "un:CCPR/C/SR.133"], ""),
    ("CCPR/C/SR.131 to 133", ["un:CCPR/C/SR.131", "un:CCPR/C/SR.132", "un:CCPR/C/SR.133"], ""),
    ("CCPR/C/SR.2808 and 2809", ["un:CCPR/C/SR.2808", "un:CCPR/C/SR.2809"], ""),
    ("CEDAW/C/GC/31/Rev.1", ["un:CEDAW/C/GC/31/Rev.1"], ""),
    ("A/HRC/DEC/6/104", ["un:A/HRC/DEC/6/104"], ""),
    ("A/HRC/PRST/OS/12/1", ["un:A/HRC/PRST/OS/12/1"], ""),
    ("E/CN.4/RES/1992/S-2/1", ["un:E/CN.4/RES/1992/S-2/1"], ""),
    ("ST/AI/189/Add.3/Rev.2", ["un:ST/AI/189/Add.3/Rev.2"], ""),
    ("A/HRC/WG.6/34/SVN/2", ["un:A/HRC/WG.6/34/SVN/2"], ""),
    ("S/1999/25/ADD.43", ["un:S/1999/25/Add.43"], ""),
    ("CCPR/C/79/Add. 37", ["un:CCPR/C/79/Add.37"], ""),
    ("A/CONF.151/26/Rev.1(Vol.I)", ["un:A/CONF.151/26/Rev.1(Vol.I)"], ""),
    ("CAT/C/SVN/CO/3para. 10", ["un:CAT/C/SVN/CO/3"], ""),
    ("A/RES/73/179 (2018)", ["un:A/RES/73/179"], ""),
    (
        "CCPR/C/SR.131-133, para. 5",
        ["un:CCPR/C/SR.131", "un:CCPR/C/SR.132", "un:CCPR/C/SR.133"],
        "para. 5",
    ),
    ("A/HRC/41/35 (2019)", ["un:A/HRC/41/35"], ""),
    # a volume glued to the number is the same volume: the id holds no space
    ("A/51/40(Vol. I)", ["un:A/51/40(Vol.I)"], ""),
    ("E/CN.4/2005/7(Part I)", ["un:E/CN.4/2005/7(PartI)"], ""),
    ("a/51/40 (Vol. I)", ["un:A/51/40(Vol.I)"], ""),
]

NEGATIVES = [
    "in 2020/21 the figures rose by 3/4",
    "AL ISR 7/2021",
    "call +41 22 917 9000 or 022/917-9000",
    "and/or s/he",
    "pages 12/13",
    "A/B testing",
    "Cat/Dog",
    "the ratio 1/3 of members",
    "http://example.org/A/HRC/41/35x",
]


@pytest.mark.parametrize(("text", "ids", "pinpoint"), POSITIVES)
def test_symbols_are_found_and_canonicalised(text: str, ids: list[str], pinpoint: str) -> None:
    found = [c for c in citecheck.extract(text) if c.family == "un_symbols"]
    assert [c.id for c in found] == ids
    assert str(found[-1].pinpoint) == pinpoint
    for c in found:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("text", NEGATIVES)
def test_near_misses_are_not_symbols(text: str) -> None:
    assert [c.id for c in citecheck.extract(text) if c.family == "un_symbols"] == []


def test_parts_of_a_treaty_body_symbol() -> None:
    sym = citecheck.parse("CCPR/C/BGR/CO/3").parts
    assert isinstance(sym, UNSymbol)
    assert (sym.series, sym.bodies, sym.country, sym.doc_type, sym.number) == (
        "CCPR",
        ("C",),
        "BGR",
        "CO",
        "3",
    )


def test_parts_of_hrc_resolution_and_views() -> None:
    res = parse_symbol("A/HRC/RES/17/4")
    assert res is not None
    assert (res.bodies, res.doc_type, res.session, res.number) == (("HRC",), "RES", "17", "4")
    views = parse_symbol("CCPR/C/127/D/2728/2016")
    assert views is not None
    assert (views.session, views.doc_type, views.number, views.year) == ("127", "D", "2728", 2016)
    sc = parse_symbol("S/RES/2231 (2015)")
    assert sc is not None and sc.sc_year == 2015 and sc.number == "2231"
    legacy = parse_symbol("A/RES/217 A (III)")
    assert legacy is not None and (legacy.legacy_session, legacy.part) == ("III", "A")
    mods = parse_symbol("A/HRC/38/35/Add.2/Corr.1")
    assert mods is not None and mods.modifiers == ("Add.2", "Corr.1")
    assert parse_symbol("not a symbol") is None


# (text, expected finding codes, the text after applying the first finding's fix, or None)
FINDINGS: list[tuple[str, list[str], str | None]] = [
    ("e/cn.4/sub.2/2005/13", ["UN102"], "E/CN.4/Sub.2/2005/13"),
    ("A/HRC/\n41/35", ["UN102"], "A/HRC/41/35"),
    ("E/CN.4/Sub2/1994/56", ["UN101"], "E/CN.4/Sub.2/1994/56"),
    ("CCPR/C/BG/CO/3", ["UN101"], None),
    ("CCPR/GC/34", ["UN101"], None),
    ("HRC/RES/17/4", ["UN103"], "A/HRC/RES/17/4"),
    ("HRC/DEC/6/104", ["UN103"], "A/HRC/DEC/6/104"),
    ("CESCR/GC/16", ["UN103"], "E/C.12/GC/16"),
    # the written symbol may be another document's (a press release): named, not rewritten
    ("HRC/11/120", ["UN103"], None),
    ("HRC/41/35", ["UN103"], None),
    # no press release has an addendum, corrigendum, revision or draft: the fix stays
    ("HRC/17/31/Add.1", ["UN103"], "A/HRC/17/31/Add.1"),
    ("HRC/17/L.1", ["UN103"], "A/HRC/17/L.1"),
    ("HRC/17/31/Corr.1", ["UN103"], "A/HRC/17/31/Corr.1"),
    ("HRC/17/31/Rev.1", ["UN103"], "A/HRC/17/31/Rev.1"),
    ("HRC/17/Lx.1", ["UN103"], None),
    ("A/RES/30/3379", ["UN105"], None),
    ("A/RES/73/179 (2018)", ["UN106"], "A/RES/73/179"),
    ("CCPR/C/79/Add. 37", ["UN102"], "CCPR/C/79/Add.37"),
    ("A/HRC/32/19.Add.1", ["UN101"], None),
    ("(HRC/GIP/02/02)", ["UN103"], None),
    ("CCPR/C/127/D/2728/16", ["UN101"], None),
    ("CCPR/ZMB/CO/3", ["UN101"], None),
    ("S/RES/2231", ["UN107"], None),
    ("S/PRST/1993/1", ["UN104"], None),
    ("E/RES/1977/1", ["UN104"], None),
    ("A/RES/3600 (XXX)", ["UN104"], None),
    ("A/RES/S-7/1", ["UN104"], None),
    ("A/RES/3379 (XXXI)", ["UN104"], None),
    ("A/RES/99/1", ["UN104"], None),
    ("A/HRC/RES/70/1", ["UN104"], None),
    ("S/RES/1325 (1990)", ["UN104"], None),
    ("A/HRC/RES/17/131", ["UN108"], None),
    ("A/HRC/DEC/6/4", ["UN108"], None),
    # the symbol before a volume or part is checked; the fix keeps the volume as written
    ("a/51/40 (Vol. I)", ["UN102"], "A/51/40 (Vol. I)"),
    ("E/CN.4/2005/7/Add. 1 (Part I)", ["UN102"], "E/CN.4/2005/7/Add.1 (Part I)"),
    ("A/HRC/\n41/35 (Vol. II)", ["UN102"], "A/HRC/41/35 (Vol. II)"),
    ("E/CN4/2005/7 (Part I)", ["UN101"], "E/CN.4/2005/7 (Part I)"),
    ("HRC/17/31/Add.1 (Vol. I)", ["UN103"], "A/HRC/17/31/Add.1 (Vol. I)"),
]

CLEAN = [
    "A/HRC/41/35, para. 66",
    "S/RES/2231 (2015)",
    "A/RES/217 A (III)",
    "A/RES/3379 (XXX)",
    "A/RES/ES-8/2",
    "A/RES/S-13/2",
    "S/PRST/1994/22",
    "E/RES/2019/1",
    "A/HRC/RES/17/4",
    "A/HRC/DEC/6/104",
    "CCPR/C/BGR/CO/3",
    "CCPR/C/SR.131-133",
    "CCPR/CO/76/TGO",
    "CCPR/CO/79/Add.78",
    "A/CONF.151/26/Rev.1(Vol.I)",
    # the UN Digital Library writes volumes and parts after a space: only the id is spaceless
    "A/51/40 (Vol. I)",
    "HRI/GEN/1/Rev.9 (Vol. I)",
    "A/CONF.157/24 (Part I)",
    "E/CN.4/2005/7 (Part I)",
    "A/51/40(Vol. I)",
    "A/51/40 (Vol.I)",
    "A/62/17 (Part 1)",
]


@pytest.mark.parametrize(("text", "codes", "fix"), FINDINGS)
def test_findings(text: str, codes: list[str], fix: str | None) -> None:
    result = citecheck.check(text)
    assert [f.code for f in result.findings] == codes
    got_fix = result.findings[0].fix
    fixed = text[: got_fix.start] + got_fix.replacement + text[got_fix.end :] if got_fix else None
    assert fixed == fix


@pytest.mark.parametrize("text", CLEAN)
def test_correct_symbols_raise_nothing(text: str) -> None:
    assert citecheck.check(text).findings == ()


def test_every_id_of_a_range_keeps_the_pinpoint() -> None:
    found = citecheck.extract("CCPR/C/SR.131-133, para. 5")
    assert [str(c.pinpoint) for c in found] == ["para. 5"] * 3
    assert {c.text for c in found} == {"CCPR/C/SR.131-133, para. 5"}
