"""Coverage is a set of gapless stretches per source: a `--from` after a gap keeps the older
stretch, stretches join when they touch, an index of the single-interval format is read as
one stretch, and `not_found` comes only from a stretch reaching the earliest datestamp."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.index.cli import describe
from citecheck.index.db import SCHEMA_DDL, HarvestState, IndexDB, covers, merged
from citecheck.index.http import PoliteClient
from citecheck.index.update import update_undl
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource

TODAY = dt.date(2012, 3, 15)  # the sample store: earliest 2011-01-01, A/HRC/RES sessions 17, 18
MakeClient = Callable[..., PoliteClient]
D = dt.date.fromisoformat


def _days(*pairs: tuple[str, str]) -> list[tuple[dt.date, dt.date]]:
    return [(D(a), D(b)) for a, b in pairs]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            [("2011-01-01", "2011-03-31"), ("2011-04-01", "2011-05-31")],
            [("2011-01-01", "2011-05-31")],
        ),
        (
            [("2011-04-01", "2011-05-31"), ("2011-01-01", "2011-04-15")],
            [("2011-01-01", "2011-05-31")],
        ),
        (
            [("2011-01-01", "2011-12-31"), ("2011-03-01", "2011-03-31")],
            [("2011-01-01", "2011-12-31")],
        ),
        # negative rows: a gap of one day or more keeps two stretches
        (
            [("2011-01-01", "2011-03-30"), ("2011-04-01", "2011-05-31")],
            [("2011-01-01", "2011-03-30"), ("2011-04-01", "2011-05-31")],
        ),
        (
            [("2012-01-01", "2012-02-01"), ("2011-01-01", "2011-02-01")],
            [("2011-01-01", "2011-02-01"), ("2012-01-01", "2012-02-01")],
        ),
        ([], []),
    ],
)
def test_stretches_join_when_they_touch(
    given: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert merged(_days(*given)) == _days(*expected)


@pytest.mark.parametrize(
    ("low", "high", "covered"),
    [
        ("2011-01-01", "2011-06-30", True),
        ("2011-02-01", "2011-03-01", True),
        ("2011-10-01", "2012-03-15", True),
        ("2011-01-01", "2012-03-15", False),  # across the gap
        ("2011-06-30", "2011-07-01", False),
        ("2010-12-31", "2011-06-30", False),  # before the first stretch
    ],
)
def test_covered_only_inside_one_stretch(low: str, high: str, covered: bool) -> None:
    stretches = _days(("2011-01-01", "2011-06-30"), ("2011-10-01", "2012-03-15"))
    assert covers(stretches, D(low), D(high)) is covered


def _verdict(db: IndexDB, symbol: str) -> str:
    return IndexSource(db, Settings()).answer([f"un:{symbol}"])[f"un:{symbol}"].status.value


def test_a_from_after_a_gap_keeps_the_older_stretch(db: IndexDB, make_client: MakeClient) -> None:
    update_undl(db, make_client(), until="2011-06-30", today=TODAY)
    update_undl(db, make_client(), from_="2011-10-01", today=TODAY)
    state = db.harvest("undl")
    assert state is not None and not state.complete and state.as_of == "2012-03-15"
    assert state.coverage() == _days(("2011-01-01", "2011-06-30"), ("2011-10-01", "2012-03-15"))
    # a later session is held, but the gap may hide the id: never a not_found
    assert _verdict(db, "A/HRC/RES/17/99") == "unverified"
    assert describe(db)["sources"]["undl"]["covered"] == [
        ["2011-01-01", "2011-06-30"],
        ["2011-10-01", "2012-03-15"],
    ]
    result = CliRunner().invoke(main, ["index", "info", "--index", str(db.path)])
    assert result.exit_code == 0, result.stderr
    assert (
        "undl: 7 records, as of 2012-03-15 (partial; harvested with gaps: "
        "2011-01-01 to 2011-06-30, 2011-10-01 to 2012-03-15)"
    ) in result.stdout


def test_reading_the_gap_joins_the_stretches_and_only_then_denies(
    db: IndexDB, make_client: MakeClient
) -> None:
    update_undl(db, make_client(), until="2011-06-30", today=TODAY)
    update_undl(db, make_client(), from_="2011-10-01", today=TODAY)
    update_undl(db, make_client(), from_="2011-07-01", until="2011-09-30", today=TODAY)
    state = db.harvest("undl")
    assert state is not None and state.coverage() == _days(("2011-01-01", "2012-03-15"))
    assert state.complete and state.as_of == "2012-03-15"
    assert _verdict(db, "A/HRC/RES/17/99") == "not_found"
    assert _verdict(db, "A/HRC/RES/17/4") == "resolved"


def _old_format_index(path: Path, covered_from: str, as_of: str) -> None:
    """An index as citecheck wrote it while coverage was one interval (no ``covered`` list)."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_DDL)
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    conn.execute(
        "INSERT INTO harvest (source, as_of, complete, earliest, checkpoint, records, updated) "
        "VALUES ('undl', ?, 0, '2011-01-01', ?, 0, '2012-01-01T00:00:00Z')",
        (as_of, json.dumps({"covered_from": covered_from})),
    )
    conn.commit()
    conn.close()


def test_an_old_single_interval_index_is_read_as_one_stretch_and_kept(
    tmp_path: Path, make_client: MakeClient
) -> None:
    path = tmp_path / "index.sqlite3"
    _old_format_index(path, "2011-01-01", "2011-06-30")
    with IndexDB(path) as reader:
        state = reader.harvest("undl")
        assert state is not None and state.coverage() == _days(("2011-01-01", "2011-06-30"))
    with IndexDB(path, write=True) as db:
        update_undl(db, make_client(), from_="2011-10-01", today=TODAY)
        state = db.harvest("undl")
        assert state is not None
        assert state.coverage() == _days(("2011-01-01", "2011-06-30"), ("2011-10-01", "2012-03-15"))
        assert json.loads(state.checkpoint or "{}")["covered"] == [
            ["2011-01-01", "2011-06-30"],
            ["2011-10-01", "2012-03-15"],
        ]


@pytest.mark.parametrize(
    ("checkpoint", "as_of", "expected"),
    [
        (
            '{"covered": [["2011-01-01", "2011-02-01"], ["x", "2011-05-01"]]}',
            None,
            [("2011-01-01", "2011-02-01")],
        ),
        ('{"covered": [["2011-05-01", "2011-02-01"]]}', "2011-05-01", []),  # backwards
        ('{"covered": [["2011-02-30", "2011-03-01"]]}', None, []),  # no such day
        ('{"covered": "2011-01-01"}', "2011-05-01", []),
        ('{"covered_from": "2011-01-01"}', "2011-05-01", [("2011-01-01", "2011-05-01")]),
        ('{"covered_from": "2011-06-01"}', "2011-05-01", []),
        ("[1, 2]", "2011-05-01", []),
        ("not json", "2011-05-01", []),
        (None, "2011-05-01", []),
    ],
)
def test_a_malformed_coverage_means_less_coverage(
    checkpoint: str | None, as_of: str | None, expected: list[tuple[str, str]]
) -> None:
    state = HarvestState("undl", as_of, False, "2011-01-01", checkpoint, 0, None)
    assert state.coverage() == _days(*expected)
