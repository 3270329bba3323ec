"""Odd letters in an act's type word (issue #11): a case-insensitive match reads letters that
lower-case to something else, or to nothing in the act-type table ("İ" lowers to "i" plus a
combining dot, "ſ" stays "ſ", the Kelvin sign, "ß"/"ẞ", full-width letters). Bad input is never
an internal error: each text is checked, and gives the act a careful reader sees or none."""

from __future__ import annotations

import pytest

import citecheck

ROWS = [
    # written with letters a case-insensitive match reads as the type word's
    ("Regulatİon (EU) 2016/679", "celex:32016R0679"),
    ("REGULATİON (EU) 2016/679", "celex:32016R0679"),
    ("Durchführungſverordnung (EU) 2019/947", "celex:32019R0947"),
    ("Verordnung (EU) 2019/947 und Durchführungsverordnung (EU) 2019/947", "celex:32019R0947"),
    ("Directive 2003/88/EC (\u212aelvin sign nearby)", "celex:32003L0088"),
    ("Beschluß 2004/512/EG des Rates", "celex:32004D0512"),
    ("BESCHLUẞ 2004/512/EG des Rates", "celex:32004D0512"),
    ("Decision 2004/512/EC", "celex:32004D0512"),
    ("Council Framework Decİsion 2002/584/JHA", "celex:32002F0584"),
    # the institution after the act, and the domain, with odd letters too
    ("Durchführungſverordnung (EU) 2019/947 der Kommİſſİon", "celex:32019R0947"),
    ("Verordnung (EG) Nr. 1234/2007 des Rateſ", "celex:32007R1234"),
    ("Beschluss (GAſP) 2010/413", "celex:32010D0413"),
]

NO_ACT = [
    # full-width letters are no type word; a word with odd letters that names no type is no act
    "ＲＥＧＵＬＡＴＩＯＮ (EU) 2016/679",
    "Ｄｉｒｅｃｔｉｖｅ 2003/88/EC",
]


@pytest.mark.parametrize(("text", "act"), ROWS)
def test_odd_letters_in_a_type_word(text: str, act: str) -> None:
    result = citecheck.check(text)
    ids = [c.id for c in result.citations]
    assert act in ids, ids


@pytest.mark.parametrize("text", NO_ACT)
def test_odd_letters_give_no_act_and_no_error(text: str) -> None:
    result = citecheck.check(text)
    assert [c.id for c in result.citations if c.kind.value == "eu_act"] == []


def test_an_institution_with_odd_letters() -> None:
    (cit,) = citecheck.check("Verordnung (EU) 2019/947 der Kommİſſİon").citations
    assert getattr(cit.parts, "author", None) == "Commission"


def test_an_unknown_type_word_is_no_act() -> None:
    from citecheck.families.eu_acts import _act_type

    assert _act_type("Regulatİon", None) == "regulation"
    assert _act_type("Durchführungſverordnung", None) == "regulation"
    assert _act_type("Regulatıons", None) is None  # dotless ı: no type of the table
