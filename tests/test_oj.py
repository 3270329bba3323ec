# ruff: noqa: E501  (table rows hold real citation strings)
"""Official Journal references (GRAMMAR.md E.4) and their link to the act they document."""

from __future__ import annotations

import datetime

import pytest

from citecheck import check, extract
from citecheck.families.oj import OJParts
from citecheck.model import Kind

POSITIVES = [
    ("OJ L 410I, 7.12.2020, p. 13", "oj:L/2020/410I/p13", "OJ L 410I, 7.12.2020, p. 13"),
    ("(OJ L 410 I, 7.12.2020, p. 13–19)", "oj:L/2020/410I/p13", "OJ L 410 I, 7.12.2020, p. 13–19"),
    ("OJ C 326, 26.10.2012, p. 391.", "oj:C/2012/326/p391", "OJ C 326, 26.10.2012, p. 391"),
    ("OJ L 119, 4.5.2016, p. 1–88", "oj:L/2016/119/p1", "OJ L 119, 4.5.2016, p. 1–88"),
    ("OJ\u00a0L\u00a0119, 4.5.2016, p.\u00a01", "oj:L/2016/119/p1", "OJ\u00a0L\u00a0119, 4.5.2016, p.\u00a01"),
    ("OJ C 48 A, 24.2.2005.", "oj:C/2005/48A", "OJ C 48 A, 24.2.2005"),
    ("OJ L, 2023/2131, 11.10.2023, ELI: x", "oj:L/2023/2131", "OJ L, 2023/2131, 11.10.2023"),
    ("OJ 1987 L 256, p. 1", "oj:L/1987/256/p1", "OJ 1987 L 256, p. 1"),
    ("[2004] OJ L 158/77", "oj:L/2004/158/p77", "[2004] OJ L 158/77"),
]
NEGATIVES = [
    "the OJ is 12, 3.4.2010",
    "OJ L 119",  # no date
    "OJ L, 2023, 11.10.2023",
    "JOJ L 119, 4.5.2016, p. 1",
    "OJ L 119, 4.5.16, p. 1",
    # before the L and C series (1968) an issue has no series, and so no id
    "OJ 106, 30.10.1962, p. 2553/62",
]


@pytest.mark.parametrize(("text", "oid", "span"), POSITIVES)
def test_positive(text: str, oid: str, span: str) -> None:
    found = [c for c in extract(text) if c.kind is Kind.OJ]
    assert [(c.id, c.text) for c in found] == [(oid, span)]
    assert text[found[0].start : found[0].end] == span


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text: str) -> None:
    assert [c.id for c in extract(text) if c.kind is Kind.OJ] == []


def test_parts() -> None:
    (c,) = extract("OJ L, 2023/2131, 11.10.2023")
    assert isinstance(c.parts, OJParts)
    assert (c.parts.style, c.parts.number, c.parts.issue, c.parts.date) == (
        "act-by-act",
        2131,
        None,
        datetime.date(2023, 10, 11),
    )
    (d,) = extract("OJ L 119, 4.5.2016, p. 1–88")
    assert (d.parts.page, d.parts.last_page) == (1, 88)


FINDINGS = [
    ("OJ L, 2023/2131, 11.10.2023, p. 1", "OJ101", "", ", p. 1"),
    ("OJ L 410I, 7.12.2023, p. 13", "OJ102", None, None),
    ("OJ L 106, 30.10.1962, p. 2553", "OJ103", None, None),
    ("OJ L 119, 04.05.2016, p. 1", "OJ104", "4.5.2016", "04.05.2016"),
    ("OJ L, 2023/2131, 11.10.2024", "OJ105", None, None),
    ("OJ L 119, 31.2.2016, p. 1", "OJ105", None, None),
]
CLEAN = [
    ("OJ L, 2023/2131, 11.10.2023", "OJ101"),
    ("OJ L 410I, 7.12.2020, p. 13", "OJ102"),
    ("OJ 106, 30.10.1962, p. 2553/62", "OJ103"),
    ("OJ L 119, 4.5.2016, p. 1", "OJ104"),
    ("OJ L, 2023/2131, 11.10.2023", "OJ105"),
]


@pytest.mark.parametrize(("text", "code", "replacement", "fixed"), FINDINGS)
def test_finding(text: str, code: str, replacement: str | None, fixed: str | None) -> None:
    (f,) = [f for f in check(text).findings if f.code == code]
    if replacement is None:
        assert f.fix is None
    else:
        assert f.fix is not None and f.fix.replacement == replacement
        assert text[f.fix.start : f.fix.end] == fixed
        repaired = text[: f.fix.start] + replacement + text[f.fix.end :]
        assert code not in {x.code for x in check(repaired).findings}


@pytest.mark.parametrize(("text", "code"), CLEAN)
def test_no_finding(text: str, code: str) -> None:
    assert code not in {f.code for f in check(text).findings}


def _oj(text: str) -> OJParts:
    (c,) = [c for c in extract(text) if c.kind is Kind.OJ]
    assert isinstance(c.parts, OJParts)
    return c.parts


def test_link_same_sentence() -> None:
    text = (
        "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 "
        "on the protection of natural persons (General Data Protection Regulation) "
        "(OJ L 119, 4.5.2016, p. 1)."
    )
    assert _oj(text).act_id == "celex:32016R0679"


def test_link_footnote() -> None:
    text = (
        "measures under Council Decision (CFSP) 2020/1999[^3] were taken.\n\n"
        "Other text. More.\n\n[^3]: OJ L 410I, 7.12.2020, p. 13."
    )
    assert _oj(text).act_id == "celex:32020D1999"


def test_no_link_across_sentences() -> None:
    text = "Directive 95/46/EC was repealed. The Council met. OJ L 281, 23.11.1995, p. 31"
    assert _oj(text).act_id is None


def test_no_link_without_act() -> None:
    assert _oj("published in OJ L 281, 23.11.1995, p. 31").act_id is None
