"""Index answers and the live UN matcher: symbol variants (year, section letter), EU status
findings, case numbers resolving to the judgment, a damaged index costing nothing."""

from __future__ import annotations

import datetime
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from fakeserver import FakeData, FakeServer, skey

from citecheck.index.db import EuAct, HarvestState, IndexDB, UnRecord
from citecheck.resolve import Status, resolve_ids
from citecheck.resolve.model import Resolution
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource

MakeSettings = Callable[..., Settings]


def _index(path: Path, symbols: list[str], *, as_of: str = "2026-11-01") -> IndexDB:
    db = IndexDB(path, write=True)
    with db.transaction():
        db.put_un_records(
            [UnRecord(recid=i + 1, symbols=((s, "own"),), title=s) for i, s in enumerate(symbols)]
        )
        db.set_harvest(HarvestState("undl", as_of, True, "1946-01-01", None, len(symbols), as_of))
    return db


def _answer(db: IndexDB, ident: str) -> Resolution:
    return IndexSource(db, Settings()).answer([ident])[ident]


# -- symbol variants in the index -----------------------------------------------------------
def test_index_matches_a_security_council_number_cited_without_its_year(tmp_path: Path) -> None:
    with _index(tmp_path / "i.sqlite3", ["S/RES/1325(2000)", "S/RES/2000(2011)"]) as db:
        res = _answer(db, "un:S/RES/1325")
    assert res.status is Status.RESOLVED and res.title == "S/RES/1325(2000)"


def test_index_matches_a_year_cited_when_the_record_has_none(tmp_path: Path) -> None:
    with _index(tmp_path / "i.sqlite3", ["S/RES/1325", "S/RES/2000(2011)"]) as db:
        assert _answer(db, "un:S/RES/1325(2000)").status is Status.RESOLVED


def test_index_matches_a_section_of_a_resolution_catalogued_whole(tmp_path: Path) -> None:
    with _index(tmp_path / "i.sqlite3", ["A/RES/62/238", "A/RES/63/1"]) as db:
        res = _answer(db, "un:A/RES/62/238A")
    assert res.status is Status.RESOLVED and res.title == "A/RES/62/238"


def test_index_never_denies_a_number_it_holds_in_another_form(tmp_path: Path) -> None:
    with _index(
        tmp_path / "i.sqlite3", ["A/RES/59/284B", "S/RES/1325(2000)", "A/RES/63/1", "S/RES/2000"]
    ) as db:
        other_section = _answer(db, "un:A/RES/59/284A")
        other_year = _answer(db, "un:S/RES/1325(2001)")
        missing = _answer(db, "un:A/RES/59/285")
    assert other_section.status is Status.UNVERIFIED
    assert "holds A/RES/59/284B" in (other_section.reason or "")
    assert other_year.status is Status.UNVERIFIED
    assert missing.status is Status.NOT_FOUND  # nothing of that number: still definite


# -- symbol variants and the search field, live ----------------------------------------------
def _record(recid: int, fields: list[tuple[str, str, str]]) -> str:
    from citecheck.marc import MARC_NS

    body = "".join(
        f'<datafield tag="{t}" ind1=" " ind2=" "><subfield code="{c}">{v}</subfield></datafield>'
        for t, c, v in fields
    )
    return (
        f'<record xmlns="{MARC_NS}"><controlfield tag="001">{recid}</controlfield>{body}</record>'
    )


def _live(fake: FakeServer, make_settings: MakeSettings) -> Settings:
    return make_settings(fake, suggest=False, use_cache=False)


def test_live_undl_matches_year_and_section_variants(make_settings: MakeSettings) -> None:
    data = FakeData()
    data.add_un("S/RES/1325 (2000)", title="Women and peace and security")
    data.add_un("A/RES/62/238", title="Questions relating to the proposed programme budget")
    with FakeServer(data).running() as fake:
        out = resolve_ids(["un:S/RES/1325", "un:A/RES/62/238A"], _live(fake, make_settings))
    assert out["un:S/RES/1325"].status is Status.RESOLVED
    assert out["un:S/RES/1325"].title == "Women and peace and security"
    assert out["un:A/RES/62/238A"].status is Status.RESOLVED


def test_live_undl_finds_a_record_known_only_by_its_191z(make_settings: MakeSettings) -> None:
    data = FakeData()
    data.records[skey("E/CN.4/2005/135")] = _record(
        501,
        [
            ("191", "a", "E/CN.4/2005/135"),
            ("191", "z", "E/CN.4/2005/L.11/Add.17"),
            ("245", "a", "Report of the Commission"),
        ],
    )
    data.records[skey("A/61/PV.1")] = _record(
        502, [("191", "a", "A/61/PV.1"), ("791", "a", "A/HRC/RES/20/99")]
    )
    with FakeServer(data).running() as fake:
        settings = _live(fake, make_settings)
        out = resolve_ids(["un:E/CN.4/2005/L.11/Add.17", "un:A/HRC/RES/20/99"], settings)
    assert out["un:E/CN.4/2005/L.11/Add.17"].status is Status.RESOLVED
    assert out["un:E/CN.4/2005/L.11/Add.17"].title == "Report of the Commission"
    assert out["un:A/HRC/RES/20/99"].status is not Status.RESOLVED  # 791 names another document


# -- EU coverage and status -----------------------------------------------------------------
def _eu_index(path: Path, as_of: str) -> IndexDB:
    db = IndexDB(path, write=True)
    with db.transaction():
        db.put_eu_acts([EuAct("32016R0679", "REG", "2016-04-27", "GDPR", in_force=True)])
        db.set_harvest(HarvestState("eu", as_of, True, "1952-01-01", None, 1, as_of))
    return db


def test_last_years_acts_are_not_denied_right_after_new_year(tmp_path: Path) -> None:
    with _eu_index(tmp_path / "i.sqlite3", "2024-01-02") as db:
        res = _answer(db, "celex:32023R2859")
    assert res.status is Status.UNVERIFIED


def test_last_years_acts_are_denied_once_the_margin_has_passed(tmp_path: Path) -> None:
    with _eu_index(tmp_path / "i.sqlite3", "2024-06-01") as db:
        assert _answer(db, "celex:32023R2859").status is Status.NOT_FOUND


def _status_finding(in_force: bool, end: str | None, replaced: list[str]) -> tuple[str, str]:
    import citecheck
    from citecheck.resolve.policy import resolution_findings

    cits = citecheck.extract("Regulation (EU) 2024/1689 applies.")
    res = Resolution(
        id=cits[0].id,
        status=Status.RESOLVED,
        source="index",
        in_force=in_force,
        end_of_validity=end,
        replaced_by=replaced,
    )
    [finding] = resolution_findings(cits, {cits[0].id: res}, today=datetime.date(2024, 8, 1))
    return finding.code, finding.message


def test_not_in_force_with_a_future_end_is_not_called_no_longer_in_force() -> None:
    code, msg = _status_finding(False, "2030-12-31", [])
    assert code == "RS104" and "no longer" not in msg and "not in force yet?" in msg


def test_no_longer_in_force_needs_a_passed_end_or_a_repealer() -> None:
    assert _status_finding(False, "2024-07-31", [])[0] == "RS103"
    code, msg = _status_finding(False, None, ["celex:32025R0001"])
    assert code == "RS103" and "repealed by" in msg


# -- case numbers ---------------------------------------------------------------------------
def test_a_case_number_resolves_to_the_judgment_not_the_opinion(tmp_path: Path) -> None:
    db = IndexDB(tmp_path / "i.sqlite3", write=True)
    with db.transaction():
        db.put_eu_cases(
            [
                ("C-293/12", "ECLI:EU:C:2013:845", "62012CC0293"),  # the AG's opinion
                ("C-293/12", "ECLI:EU:C:2014:238", "62012CJ0293"),  # the judgment
                ("C-1/99", "ECLI:EU:C:1999:1", "61999CC0001"),  # only an opinion held
            ]
        )
    with db:
        judged = _answer(db, "case:C-293/12")
        opinion_only = _answer(db, "case:C-1/99")
    assert judged.get_extra("ecli") == "EU:C:2014:238"
    assert judged.get_extra("celex") == "62012CJ0293"
    assert opinion_only.status is Status.RESOLVED and opinion_only.get_extra("ecli") is None


# -- a bad value in the index --------------------------------------------------------------
def _poisoned(path: Path) -> Path:
    _index(path, ["A/HRC/RES/18/1", "A/HRC/41/35"]).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE un_symbol SET session = 'zz'")
    con.commit()
    con.close()
    return path


def test_a_bad_value_in_the_index_costs_only_the_index(
    tmp_path: Path, fake: FakeServer, make_settings: MakeSettings
) -> None:
    from citecheck.resolve.engine import IndexUnavailableWarning

    settings = make_settings(
        fake, use_index=True, index_path=_poisoned(tmp_path / "i.sqlite3"), suggest=False
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = resolve_ids(["un:A/HRC/41/35", "un:A/HRC/RES/17/4"], settings)
    assert (
        out["un:A/HRC/41/35"].status is Status.RESOLVED and out["un:A/HRC/41/35"].source == "undl"
    )
    said = [str(w.message) for w in caught if w.category is IndexUnavailableWarning]
    assert len(said) == 1
    assert said[0].startswith("index unusable (a value of the wrong type in it: ")


def test_import_refuses_a_value_of_the_wrong_type(tmp_path: Path) -> None:
    from citecheck.index.cli import check_import
    from citecheck.index.db import IndexUnavailable

    with pytest.raises(IndexUnavailable, match="'zz' in its integer column session"):
        check_import(_poisoned(tmp_path / "i.sqlite3"))
