"""Digits ``regex`` reads as ``\\d`` (its Unicode is newer than Python 3.11's: Kawi U+11F50...,
Garay U+10D40...) that ``int()`` cannot read: a number written with one is no number, so its
candidate is skipped, never an internal error (review-speed HIGH 2). The digits ``int()`` reads
(ASCII, Arabic-Indic) are read as before: each row gives the text with an ASCII one, an
Arabic-Indic one and a newer one in the same place."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.patterns import unreadable_number

KAWI_ONE = "\U00011f51"
GARAY_TWO = "\U00010d42"
ARABIC_ONE = "\u0661"

#: family, text with {d} for the digit, ids with "1" or "١", ids with a newer digit
ROWS = [
    ("eu_acts", "Regulation (EU) 2019/947{d}", ["celex:32019R9471"], []),
    ("eu_acts", "Directive 95/4{d}/EC", ["celex:31995L0041"], []),
    ("un_prose", "resolution 31/1{d}", ["un:?/31/11"], []),
    ("un_prose", "General Assembly resolution {d}17 A (III)", ["un:A/RES/117(III)"], []),
    ("un_prose", "Security Council resolution 2{d}40 (2015)", ["un:S/RES/2140(2015)"], []),
    # the date clause is not read (the resolution still is)
    (
        "un_prose",
        "Human Rights Council resolution 5/1 of 18 June 20{d}7",
        ["un:A/HRC/RES/5/1"],
        ["un:A/HRC/RES/5/1"],
    ),
    # a list item with one is no item: the list stops before it
    ("un_symbols", "A/HRC/41/L.12-1{d}", ["un:A/HRC/41/L.12"], ["un:A/HRC/41/L.12"]),
    ("un_symbols", "A/HRC/41/35, {d}6", ["un:A/HRC/41/35"], ["un:A/HRC/41/35"]),
    ("cjeu", "Case C-293/1{d}", ["case:C-293/11"], []),
    (
        "cjeu",
        "Joined Cases C-293/12 and C-594/1{d}",
        ["case:C-293/12", "case:C-594/11"],
        ["case:C-293/12"],
    ),
    ("oj", "OJ L 119, 4.5.2016, p. 1{d}", ["oj:L/2016/119/p11"], []),
    ("oj", "OJ L 119, 4.{d}.2016, p. 1", ["oj:L/2016/119/p1"], []),
    ("general_comments", "general comment No. 34 (20{d}1)", ["gc:CCPR/34"], []),
    ("spcomm", "communication AL USA 12/20{d}0", ["spcomm:USA 12/2010"], []),
    ("spcomm", "communication AL USA 1{d}/2020", ["spcomm:USA 11/2020"], []),
    ("eu_identifiers", "CELEX:3201{d}R0679", ["celex:32011R0679"], []),
    (
        "eu_identifiers",
        "https://eur-lex.europa.eu/eli/reg/2016/67{d}/oj",
        ["celex:32016R0671"],
        [],
    ),
    (
        "eu_identifiers",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.L_.2016.11{d}.01.0001.01.ENG",
        ["oj:L/2016/111/p1"],
        [],
    ),
]
#: where an Arabic-Indic digit is kept as written (a CELEX number is read as text)
ARABIC_IDS = {"CELEX:3201{d}R0679": ["celex:3201\u0661R0679"]}


@pytest.mark.parametrize(("family", "text", "read", "newer"), ROWS)
@pytest.mark.parametrize("newer_digit", [KAWI_ONE, GARAY_TWO])
def test_a_number_with_a_digit_int_cannot_read_is_no_number(
    family: str, text: str, read: list[str], newer: list[str], newer_digit: str
) -> None:
    assert [c.id for c in citecheck.extract(text.format(d="1"))] == read
    arabic = ARABIC_IDS.get(text, read)
    assert [c.id for c in citecheck.extract(text.format(d=ARABIC_ONE))] == arabic
    skipped = text.format(d=newer_digit)
    assert [c.id for c in citecheck.extract(skipped)] == newer
    citecheck.check(skipped)  # validation reads no number either (no internal error)


@pytest.mark.parametrize(
    ("text", "read", "newer"),
    [
        # an OJ issue number: read as text before (an id holding the digit), now no number
        ("OJ L 119{d}, 4.5.2016, p. 1", ["oj:L/2016/1191/p1"], []),
        # an instrument's article: the citation stays, its number is not checked
        ("Article 8{d} ECHR", ["instrument:echr"], ["instrument:echr"]),
        (
            "article 1{d} of the International Covenant on Civil and Political Rights",
            ["instrument:iccpr"],
            ["instrument:iccpr"],
        ),
        # a bracketed note number: no note opens there
        ("(impersonation policy).\n[{d}6] Ibid.; Allen", [""], [""]),
    ],
)
def test_other_number_captures_do_not_fail(text: str, read: list[str], newer: list[str]) -> None:
    assert [c.id for c in citecheck.extract(text.format(d="1"))] == read
    skipped = text.format(d=KAWI_ONE)
    assert [c.id for c in citecheck.check(skipped).citations] == newer


def test_the_cli_reports_no_internal_error(tmp_path: Path) -> None:
    source = tmp_path / "digits.txt"
    source.write_text(
        "".join(f"{text.format(d=KAWI_ONE)}.\n" for _, text, _, _ in ROWS), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", "--offline", str(source)])
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output


@pytest.mark.parametrize(
    ("captures", "unreadable"),
    [
        (("2019",), False),
        (("\u0662\u0660\u0661\u0669",), False),  # Arabic-Indic: int() reads them
        (("\uff12\uff10",), False),  # full-width
        ((None, "12"), False),
        ((), False),
        (("20" + KAWI_ONE,), True),
        (("12", None, GARAY_TWO), True),
        (("A/HRC/" + KAWI_ONE,), True),
        (("\u00b2",), False),  # a superscript is no \d for regex: nothing to read
    ],
)
def test_unreadable_number(captures: tuple[str | None, ...], unreadable: bool) -> None:
    assert unreadable_number(*captures) is unreadable
