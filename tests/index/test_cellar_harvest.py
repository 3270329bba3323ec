"""The EU harvest against a loopback SPARQL endpoint running a real engine (pyoxigraph)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sparql_fake import SparqlFake, generated_celex, running

from citecheck.index.cellar_harvest import (
    ACT_VARS,
    EuHarvestReport,
    acts_by_celex_query,
    parse_results,
    update_eu,
)
from citecheck.index.db import HarvestState, IndexDB
from citecheck.index.http import HarvestError, PoliteClient

TODAY = dt.date(2024, 6, 1)
PAGE = 100
FIXTURE_ACTS = {
    "31995L0046",
    "32016R0679",
    "32020D1999",
    "31987R3955",
    "32003R0411",
    "31999D0468",
    "62012CJ0293",
    "62012CC0293",
    "62018CJ0311",
    "61985CJ0314",
}
ALL_CELEX = sorted(FIXTURE_ACTS | {generated_celex(i) for i in range(300)})


@pytest.fixture
def fake() -> Iterator[SparqlFake]:
    with running() as server:
        yield server


@pytest.fixture
def db(tmp_path: Path) -> Iterator[IndexDB]:
    with IndexDB(tmp_path / "index.sqlite3", write=True) as index:
        yield index


def harvest(
    db: IndexDB,
    fake: SparqlFake,
    *,
    today: dt.date = TODAY,
    full: bool = False,
    progress: Callable[[int], None] | None = None,
) -> EuHarvestReport:
    with PoliteClient(fake.url, min_interval=0.0, retries=2) as client:
        return update_eu(db, client, full=full, page_size=PAGE, today=today, progress=progress)


def acts_pages(queries: list[str]) -> list[str]:
    """The key-paged acts queries among those the endpoint received."""
    return [q for q in queries if "GROUP BY ?celex" in q and "LIMIT" in q]


def rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def test_full_harvest_fills_the_index(db: IndexDB, fake: SparqlFake) -> None:
    counted: list[int] = []
    report = harvest(db, fake, progress=counted.append)

    assert report.acts == len(ALL_CELEX) == db.count("eu_act")
    assert counted == [PAGE, PAGE, PAGE, len(ALL_CELEX) - 3 * PAGE, 2]  # acts pages, repealers
    assert report.as_of == "2024-06-01"
    assert report.requests == fake.requests
    gdpr = db.eu_act("32016R0679")
    assert gdpr is not None
    assert (gdpr.type, gdpr.date, gdpr.in_force, gdpr.end_of_validity) == (
        "REG",
        "2016-04-27",
        True,
        None,
    )
    assert gdpr.eli == "http://data.europa.eu/eli/reg/2016/679/oj"
    assert gdpr.title is not None and gdpr.title.startswith("Regulation (EU) 2016/679")
    old = db.eu_act("31995L0046")
    assert old is not None
    assert (old.type, old.in_force, old.end_of_validity) == ("DIR", False, "2018-05-24")
    assert old.title is not None and old.title.startswith("Directive 95/46/EC")  # English
    cfsp = db.eu_act("32020D1999")
    assert cfsp is not None and cfsp.in_force is True  # written as xsd:boolean true
    assert cfsp.end_of_validity is None  # 9999-12-31 means open
    assert db.eu_act(generated_celex(7)) == db.eu_act("32008R0008")
    assert db.eu_act("32008R0008") is not None and db.eu_act("32008R0008").in_force is False  # type: ignore[union-attr]
    # sectors the index does not hold: a COM document, a consolidated version
    assert db.eu_act("52020DC0690") is None
    assert db.eu_act("02016R0679-20160504") is None
    state = db.harvest("eu")
    assert state is not None
    assert (state.as_of, state.complete, state.checkpoint, state.records) == (
        "2024-06-01",
        True,
        None,
        len(ALL_CELEX),
    )


def test_acts_are_paged_by_key_never_by_offset(db: IndexDB, fake: SparqlFake) -> None:
    harvest(db, fake)

    assert fake.queries and not any(re.search(r"\bOFFSET\b", q, re.I) for q in fake.queries)
    pages = acts_pages(fake.queries)
    assert len(pages) == -(-len(ALL_CELEX) // PAGE)
    assert "FILTER(STR(?celex) >" not in pages[0]
    for number, query in enumerate(pages[1:], start=1):
        assert f'FILTER(STR(?celex) > "{ALL_CELEX[number * PAGE - 1]}")' in query
        assert f"LIMIT {PAGE}" in query


def test_repeal_edges_of_both_kinds(db: IndexDB, fake: SparqlFake) -> None:
    report = harvest(db, fake)

    assert db.repealed_by("31995L0046") == [("32016R0679", False)]
    assert db.repealed_by("31987R3955") == [("32003R0411", True)]
    assert db.repealed_by("32016R0679") == []
    assert report.repeals == db.count("eu_repeal") == 2


def test_cjeu_case_numbers_eclis_and_celex(db: IndexDB, fake: SparqlFake) -> None:
    harvest(db, fake)

    judgment = ("EU:C:2014:238", "62012CJ0293")
    assert ("C-293/12", *judgment) in db.cases(case_no="C-293/12")
    assert ("C-594/12", *judgment) in db.cases(case_no="C-594/12")  # joined, stated by Cellar
    assert {c for c, _, _ in db.cases(ecli="EU:C:2014:238")} == {"C-293/12", "C-594/12"}
    assert db.cases(ecli="EU:C:2020:559") == [("C-311/18", "EU:C:2020:559", "62018CJ0311")]
    assert db.cases(celex="62012CC0293")[0][1] == "EU:C:2013:845"  # the AG's opinion
    # no case number stated: read from the judgment's CELEX (a pre-1989 case: no letter)
    assert db.cases(celex="61985CJ0314") == [("314/85", "EU:C:1987:452", "61985CJ0314")]
    assert db.eu_act("62018CJ0311") is not None
    assert db.eu_act("62018CJ0311").type == "JUDG"  # type: ignore[union-attr]


def test_a_corrected_ecli_replaces_the_old_case_row(db: IndexDB, fake: SparqlFake) -> None:
    """Re-reading a judgment replaces its case rows: a stale ECLI must not stand beside the
    corrected one (two answers for one case would be a contradiction the source never made)."""
    harvest(db, fake)
    fake.update(
        """
        DELETE { ?w cdm:case-law_ecli ?e }
        INSERT { ?w cdm:case-law_ecli "ECLI:EU:C:2020:560"^^xsd:string }
        WHERE { ?w cdm:resource_legal_id_celex "62018CJ0311"^^xsd:string ;
                   cdm:case-law_ecli ?e }
        """
    )

    harvest(db, fake, full=True, today=dt.date(2024, 7, 1))

    assert db.cases(case_no="C-311/18") == [("C-311/18", "EU:C:2020:560", "62018CJ0311")]
    assert db.cases(ecli="EU:C:2020:559") == []


def test_a_self_contradicting_record_is_stored_as_stated(db: IndexDB, fake: SparqlFake) -> None:
    harvest(db, fake)

    act = db.eu_act("31999D0468")
    assert act is not None
    assert (act.in_force, act.end_of_validity) == (True, "2006-07-17")


def test_incremental_run_asks_only_for_changes_and_picks_up_a_new_repeal(
    db: IndexDB, fake: SparqlFake
) -> None:
    harvest(db, fake)
    before = db.eu_act(generated_celex(1))
    assert before is not None and before.in_force is True
    old_title = db.eu_act(generated_celex(2))
    assert old_title is not None
    # Between the runs: a new regulation repeals an old act, whose record only changes its
    # flag and end date (no recent date on it); another old act gets a new title and a
    # last-modification date.
    fake.update(
        f"""
        DELETE {{ ?w cdm:resource_legal_in-force ?f ; cdm:resource_legal_date_end-of-validity ?e }}
        INSERT {{ ?w cdm:resource_legal_in-force "0" ;
                     cdm:resource_legal_date_end-of-validity "2024-05-31"^^xsd:date }}
        WHERE {{ ?w cdm:resource_legal_id_celex "{generated_celex(1)}"^^xsd:string ;
                    cdm:resource_legal_in-force ?f ; cdm:resource_legal_date_end-of-validity ?e }} ;
        INSERT {{ <http://publications.europa.eu/resource/cellar/new-act>
                    cdm:resource_legal_id_celex "32024R1234"^^xsd:string ;
                    cdm:resource_legal_id_sector "3"^^xsd:string ;
                    cdm:work_date_document "2024-05-20"^^xsd:date ;
                    cdm:resource_legal_in-force "1" ;
                    cdm:resource_legal_repeals_resource_legal ?w }}
        WHERE {{ ?w cdm:resource_legal_id_celex "{generated_celex(1)}"^^xsd:string }} ;
        DELETE {{ ?x cdm:expression_title ?t }}
        INSERT {{ ?x cdm:expression_title "Amended title"@en .
                  ?w cmr:lastModificationDate "2024-06-10T08:00:00.000+02:00"^^xsd:dateTime }}
        WHERE {{ ?w cdm:resource_legal_id_celex "{generated_celex(2)}"^^xsd:string .
                 ?x cdm:expression_belongs_to_work ?w ; cdm:expression_title ?t }}
        """
    )
    seen = len(fake.queries)

    report = harvest(db, fake, today=dt.date(2024, 6, 15))

    new = fake.queries[seen:]
    assert len(new) == report.requests == 3  # changed acts, their repeals, repealed acts
    pages = acts_pages(new)
    assert len(pages) == 1 and '>= "2024-03-03"' in pages[0]  # as_of minus 90 days
    assert not any("GROUP BY ?repealer" in q and "LIMIT" in q for q in new)  # no full pass
    assert report.acts == 3  # the new act, the retitled act, the repealed act re-read
    after = db.eu_act(generated_celex(1))
    assert after is not None
    assert (after.in_force, after.end_of_validity) == (False, "2024-05-31")
    assert db.repealed_by(generated_celex(1)) == [("32024R1234", False)]
    assert db.eu_act(generated_celex(2)).title == "Amended title"  # type: ignore[union-attr]
    assert db.eu_act("32024R1234") is not None
    state = db.harvest("eu")
    assert state is not None and (state.as_of, state.complete) == ("2024-06-15", True)


def test_full_rerun_clears_repeals_the_source_no_longer_lists(
    db: IndexDB, fake: SparqlFake
) -> None:
    harvest(db, fake)
    fake.update("DELETE WHERE { ?w cdm:resource_legal_implicitly_repeals_resource_legal ?old }")

    harvest(db, fake, full=True, today=dt.date(2024, 7, 1))

    assert db.repealed_by("31987R3955") == []
    assert db.repealed_by("31995L0046") == [("32016R0679", False)]


def test_a_killed_run_resumes_from_its_checkpoint(
    db: IndexDB, fake: SparqlFake, tmp_path: Path
) -> None:
    fake.fail(3, "malformed")  # the third page arrives truncated

    with pytest.raises(HarvestError):
        harvest(db, fake)

    state = db.harvest("eu")
    assert state is not None and state.checkpoint is not None
    point = json.loads(state.checkpoint)
    assert (point["phase"], point["after"]) == ("acts", ALL_CELEX[2 * PAGE - 1])
    assert db.count("eu_act") == 2 * PAGE  # nothing of the failed page
    assert (state.complete, state.as_of) == (False, None)
    seen = len(fake.queries)

    harvest(db, fake)

    resumed = fake.queries[seen]
    assert f'FILTER(STR(?celex) > "{ALL_CELEX[2 * PAGE - 1]}")' in resumed
    assert len(acts_pages(fake.queries[seen:])) == 2  # pages three and four only
    with running() as other, IndexDB(tmp_path / "whole.sqlite3", write=True) as whole:
        harvest(whole, other)
    for table in ("eu_act", "eu_repeal", "eu_case"):
        assert rows(db.path, table) == rows(whole.path, table)
    final = db.harvest("eu")
    assert final is not None and (final.complete, final.checkpoint) == (True, None)


@pytest.mark.parametrize("kind", ["malformed", "html", "vars"])
def test_a_bad_reply_is_an_error_not_an_empty_page(
    db: IndexDB, fake: SparqlFake, kind: str
) -> None:
    fake.fail(1, kind)

    with pytest.raises(HarvestError):
        harvest(db, fake)

    assert db.count("eu_act") == 0
    assert db.harvest("eu") is None


def test_503_with_retry_after_is_retried(db: IndexDB, fake: SparqlFake) -> None:
    fake.fail(1, "503", "0")

    report = harvest(db, fake)

    assert fake.queries[0] == fake.queries[1]  # the same page asked again
    assert report.acts == len(ALL_CELEX)
    assert fake.requests == report.requests + 1  # the client's retry is not a new page


def test_an_untrusted_checkpoint_is_ignored(db: IndexDB, fake: SparqlFake) -> None:
    with db.transaction():
        db.set_harvest(
            HarvestState(
                "eu",
                None,
                False,
                None,
                '{"mode": "full", "phase": "acts", '
                '"after": "3\\" } UNION { ?s ?p ?o", "started": "2024-01-01"}',
                0,
                None,
            )
        )

    harvest(db, fake)

    assert '"3\\"' not in "".join(fake.queries)
    assert db.count("eu_act") == len(ALL_CELEX)


def test_the_fake_answers_post_as_well_as_get(fake: SparqlFake) -> None:
    query = acts_by_celex_query(["32020D1999"])

    posted = httpx.post(fake.url, data={"query": query}, timeout=30)
    got = httpx.get(fake.url, params={"query": query}, timeout=30)

    assert posted.headers["Content-Type"] == "application/sparql-results+json"
    assert parse_results(posted.content, ACT_VARS) == parse_results(got.content, ACT_VARS)
    assert parse_results(posted.content, ACT_VARS)[0]["celex"] == "32020D1999"


def test_a_partial_eu_index_says_since_when_and_how_far_not_an_unknown_date(
    db: IndexDB, fake: SparqlFake
) -> None:
    from citecheck.resolve.settings import Settings
    from citecheck.resolve.sources.index import IndexSource

    fake.fail(3, "malformed")  # the first full pass stops after two pages
    with pytest.raises(HarvestError):
        harvest(db, fake)
    source = IndexSource(db, Settings())
    missing = "celex:32099R9999"
    answer = source.answer([missing])[missing]
    assert answer.status.value == "unverified"
    assert answer.reason == (
        "not in the index (its EU part is partial: the first harvest, begun 2024-06-01, "
        f"has not finished, read up to CELEX {ALL_CELEX[2 * PAGE - 1]})"
    )
    harvest(db, fake)  # once a harvest finished, its day is the coverage
    answer = source.answer([missing])[missing]
    assert answer.reason == "newer than the index (as of 2024-06-01)"


@pytest.mark.parametrize(
    ("checkpoint", "said"),
    [
        (
            '{"started": "2024-06-01", "phase": "repeals", "after": "32016R0679"}',
            "begun 2024-06-01, has not finished)",
        ),
        (
            '{"started": "2024-06-01", "phase": "acts", "after": "x\' OR 1"}',
            "begun 2024-06-01, has not finished)",
        ),
        ('{"started": "yesterday"}', "no harvest of it has finished)"),
        ("[]", "no harvest of it has finished)"),
        ("{{", "no harvest of it has finished)"),
        (None, "no harvest of it has finished)"),
    ],
)
def test_an_unfinished_eu_checkpoint_is_read_as_untrusted(
    db: IndexDB, checkpoint: str | None, said: str
) -> None:
    from citecheck.resolve.settings import Settings
    from citecheck.resolve.sources.index import IndexSource

    with db.transaction():
        db.set_harvest(HarvestState("eu", None, False, None, checkpoint, 0, None))
    reason = IndexSource(db, Settings()).answer(["celex:32099R9999"])["celex:32099R9999"].reason
    assert reason is not None and reason.startswith("not in the index (its EU part is partial: ")
    assert reason.endswith(said)
