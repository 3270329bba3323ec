"""A live Cellar answer settles an EU act's status as the index does (end of validity, repealer).

Both read the same loopback SPARQL endpoint (a real engine, pyoxigraph, over Cellar-shaped
data): the index through its harvest, the live source through its own query.  A repealed act
must give the same RS103 either way, never RS104 "not in force yet?".
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sparql_fake import SparqlFake, running

from citecheck.index.cellar_harvest import _date as harvest_date
from citecheck.index.cellar_harvest import update_eu
from citecheck.index.db import IndexDB
from citecheck.index.http import PoliteClient
from citecheck.model import Citation
from citecheck.pipeline import check
from citecheck.resolve.cache import Cache, source_bases
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher
from citecheck.resolve.policy import resolution_findings
from citecheck.resolve.settings import settings_from_env
from citecheck.resolve.sources.cellar import (
    CellarSource,
    WorkMeta,
    _end_of_validity,
    celex_query,
)
from citecheck.resolve.sources.index import IndexSource

TODAY = dt.date(2024, 6, 1)
TEXT = (
    "Directive 95/46/EC was repealed. Regulation (EEC) No 3955/87 also. "
    "Regulation (EU) 2016/679 applies."
)
REPEALED = ("celex:31995L0046", "celex:31987R3955")


@pytest.fixture
def fake() -> Iterator[SparqlFake]:
    with running() as server:
        yield server


def live(fake: SparqlFake, ids: list[str]) -> dict[str, Resolution]:
    settings = settings_from_env(
        env={}, sparql_url=fake.url, cellar_url="http://127.0.0.1:9", retries=1, use_index=False
    )

    async def ask() -> dict[str, Resolution]:
        async with Fetcher(settings.net_config()) as fetcher:
            return await CellarSource(fetcher, settings).resolve(ids)

    return asyncio.run(ask())


def from_index(fake: SparqlFake, path: Path, ids: list[str]) -> dict[str, Resolution]:
    with IndexDB(path, write=True) as db:
        with PoliteClient(fake.url, min_interval=0.0, retries=2) as client:
            update_eu(db, client, full=True, page_size=100, today=TODAY)
        return IndexSource(db, settings_from_env(env={})).answer(ids)


def citations() -> list[Citation]:
    return list(check(TEXT).citations)


def status_messages(resolutions: dict[str, Resolution]) -> dict[str, tuple[str, str]]:
    found = resolution_findings(citations(), resolutions, today=TODAY)
    return {f.id or "": (f.code, f.message) for f in found}


def test_live_answer_reads_end_of_validity_and_repealer(fake: SparqlFake) -> None:
    out = live(fake, [*REPEALED, "celex:32016R0679"])
    directive = out["celex:31995L0046"]
    assert directive.status is Status.RESOLVED
    assert (directive.in_force, directive.end_of_validity, directive.replaced_by) == (
        False,
        "2018-05-24",
        ("celex:32016R0679",),
    )
    implicit = out["celex:31987R3955"]  # repealed implicitly: the edge is read too
    assert implicit.replaced_by == ("celex:32003R0411",) and implicit.end_of_validity
    gdpr = out["celex:32016R0679"]  # open end 9999-12-31 is no end of validity
    assert (gdpr.in_force, gdpr.end_of_validity, gdpr.replaced_by) == (True, None, ())


def test_live_rs103_equals_rs103_from_the_index(fake: SparqlFake, tmp_path: Path) -> None:
    ids = [*REPEALED, "celex:32016R0679"]
    live_said = status_messages(live(fake, ids))
    index_said = status_messages(from_index(fake, tmp_path / "i.sqlite3", ids))
    assert live_said == index_said
    assert live_said["celex:31995L0046"] == (
        "RS103",
        "Directive 95/46/EC is no longer in force (end of validity 2018-05-24); "
        "repealed by Regulation (EU) 2016/679",
    )
    assert {code for code, _ in live_said.values()} == {"RS103"}
    assert "celex:32016R0679" not in live_said


def test_not_yet_in_force_stays_rs104_live(fake: SparqlFake) -> None:
    """No end of validity and no repealer: the record does not settle it (the negative row)."""
    fake.update(
        "DELETE { ?w cdm:resource_legal_repeals_resource_legal ?old } WHERE { "
        "?w cdm:resource_legal_id_celex ?c ; cdm:resource_legal_repeals_resource_legal ?old . "
        "FILTER(STR(?c) = '32016R0679') }"
    )
    fake.update(
        "DELETE { ?w cdm:resource_legal_date_end-of-validity ?end } WHERE { "
        "?w cdm:resource_legal_id_celex ?c ; cdm:resource_legal_date_end-of-validity ?end . "
        "FILTER(STR(?c) = '31995L0046') }"
    )
    res = live(fake, ["celex:31995L0046"])
    assert res["celex:31995L0046"].replaced_by == ()
    assert res["celex:31995L0046"].end_of_validity is None
    code, message = status_messages(res)["celex:31995L0046"]
    assert code == "RS104" and message.endswith("(not in force yet?)")


def test_query_rows_per_repealer_are_gathered(fake: SparqlFake) -> None:
    """Two repealers come back as two rows; the answer names both."""
    fake.update(
        "INSERT { ?w cdm:resource_legal_repeals_resource_legal ?old } WHERE { "
        "?w cdm:resource_legal_id_celex ?c . FILTER(STR(?c) = '32020D1999') "
        "?old cdm:resource_legal_id_celex ?o . FILTER(STR(?o) = '31995L0046') }"
    )
    res = live(fake, ["celex:31995L0046"])["celex:31995L0046"]
    assert res.replaced_by == ("celex:32016R0679", "celex:32020D1999")


def test_repealers_are_sorted_whatever_the_row_order() -> None:
    """The index lists repealers sorted; the live answer too, whatever order the rows come."""
    first, second = WorkMeta(repealed_by=("32020D1999",)), WorkMeta(repealed_by=("32016R0679",))
    assert first.merge(second).repealed_by == ("32016R0679", "32020D1999")
    assert second.merge(first).repealed_by == ("32016R0679", "32020D1999")


@pytest.mark.parametrize(("first", "second"), [("0", "1"), ("1", "0"), ("true", "0")])
def test_disagreeing_in_force_rows_say_nothing(first: str, second: str) -> None:
    """Rows whose in-force values disagree give no flag, whichever comes first (as the
    harvest reads them); rows that agree keep it."""
    merged = WorkMeta(in_force=first).merge(WorkMeta(in_force=second))
    assert merged.in_force_flag() is None
    assert ("status_read", "end_of_validity replaced_by") not in merged.extra()
    assert WorkMeta(in_force="1").merge(WorkMeta(in_force="true")).in_force_flag() is True
    assert WorkMeta(in_force="0").merge(WorkMeta(in_force="0")).in_force_flag() is False
    assert WorkMeta(in_force="0").merge(WorkMeta()).in_force_flag() is False


def test_disagreeing_in_force_live_equals_index(fake: SparqlFake, tmp_path: Path) -> None:
    """An act recorded both in force and not, with a past end of validity: no status claim,
    live as from the index (not RS104 "in force but its end of validity has passed")."""
    fake.update(
        "DELETE { ?w cdm:resource_legal_date_end-of-validity ?e } "
        'INSERT { ?w cdm:resource_legal_in-force "0" ; '
        'cdm:resource_legal_date_end-of-validity "2010-01-01"^^xsd:date } WHERE { '
        "?w cdm:resource_legal_id_celex ?c ; cdm:resource_legal_date_end-of-validity ?e . "
        "FILTER(STR(?c) = '32016R0679') }"
    )
    ids = ["celex:32016R0679"]
    live_res = live(fake, ids)["celex:32016R0679"]
    index_res = from_index(fake, tmp_path / "i.sqlite3", ids)["celex:32016R0679"]
    assert live_res.in_force is None and index_res.in_force is None
    assert status_messages({ids[0]: live_res}) == status_messages({ids[0]: index_res}) == {}


@pytest.mark.parametrize("value", ["2018-13-45", "2018-02-30", "garbage", "24/05/2018", ""])
def test_malformed_end_of_validity_is_no_date(value: str) -> None:
    """Not a date: no end of validity, live and in the index alike, and no claim that it
    "has not passed"."""
    assert _end_of_validity(value) is None
    assert harvest_date(value) is None
    res = Resolution(
        id="celex:31995L0046", status=Status.RESOLVED, in_force=False, end_of_validity=value
    )
    code, message = status_messages({res.id: res})["celex:31995L0046"]
    assert code == "RS104" and "gives no end of validity" in message
    assert not value or value not in message


@pytest.mark.parametrize(
    ("value", "day"),
    [("2018-05-24", "2018-05-24"), ("2018-05-24T00:00:00+02:00", "2018-05-24"),
     ("2016-02-29", "2016-02-29"), ("9999-12-31", None)],
)
def test_dated_end_of_validity_is_read(value: str, day: str | None) -> None:
    assert _end_of_validity(value) == day
    assert harvest_date(value) == value[:10]


def test_old_cache_entry_without_status_fields_is_a_miss(
    fake: SparqlFake, tmp_path: Path
) -> None:
    """Entries stored by older versions hold the in-force flag without the end of validity
    and the repealers (no `status_read` pair): read as a miss (asked again online; offline
    not checked), never as "not in force yet".  Entries written now are read back whole."""
    settings = settings_from_env(env={}, cache_dir=tmp_path / "c", sparql_url=fake.url)
    old = Resolution(  # exactly as the older version stored it
        id="celex:31995L0046",
        status=Status.RESOLVED,
        source="sparql",
        extra=[("celex", "31995L0046"), ("in_force", "0")],
        in_force=False,
    )
    old_flag_only = old.evolve(id="celex:31987R3955", in_force=None)
    no_flag = old.evolve(id="celex:32016R0679", extra=[("celex", "32016R0679")], in_force=None)
    # in force: kept (without an end of validity no status finding can come from it)
    in_force = old.evolve(id="celex:32016R0680", extra=[("in_force", "1")], in_force=True)
    in_force_flag_only = old.evolve(
        id="celex:32016R0681", extra=[("in_force", "true")], in_force=None
    )
    new = live(fake, ["celex:32020D1999", "celex:32003R0411"])
    kept = [no_flag, in_force, in_force_flag_only]
    with Cache(tmp_path / "c", bases=source_bases(settings)) as cache:
        assert cache.put_many([old, old_flag_only, *kept, *new.values()]) == 7
        got = cache.get_many([old.id, old_flag_only.id, *(r.id for r in kept), *new])
    assert old.id not in got and old_flag_only.id not in got
    for res in kept:  # no flag at all, or "in force": nothing false can follow
        assert got[res.id].in_force == res.in_force and got[res.id].status is Status.RESOLVED
    assert status_messages({r.id: got[r.id] for r in kept}) == {}
    for ident, res in new.items():
        assert got[ident].get_extra("status_read") == "end_of_validity replaced_by"
        assert got[ident].in_force == res.in_force and got[ident].replaced_by == res.replaced_by


def test_celex_query_asks_for_status_fields() -> None:
    query = celex_query(["31995L0046"])
    assert "cdm:resource_legal_date_end-of-validity ?eov" in query
    assert "cdm:resource_legal_repeals_resource_legal ?work" in query
    assert "cdm:resource_legal_implicitly_repeals_resource_legal ?work" in query
