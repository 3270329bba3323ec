"""`citecheck index update/info/export/import` end to end against the loopback OAI server."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from oai_fake import FakeOai
from sparql_fake import SparqlFake, cellar_store, running

from citecheck.cli import main
from citecheck.index.db import IndexDB


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _info(*extra: str) -> dict[str, object]:
    code, out, err = _run("index", "info", "--format", "json", *extra)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_update_info_export_import(env: Path, tmp_path: Path) -> None:
    code, _, err = _run("index", "update", "--source", "undl", "--until", "2012-03-31")
    assert code == 0, err
    assert "records=29" in err
    data = _info()
    assert data["path"] == str(env)
    undl = data["sources"]["undl"]  # type: ignore[index]
    assert undl["records"] == 29 and undl["as_of"] == "2012-03-31"
    assert undl["complete"] is False  # an --until in the past misses later changes
    assert undl["windows"] == 15
    assert data["sources"]["eu"]["records"] == 0  # type: ignore[index]

    code, out, _ = _run("index", "info")
    assert code == 0 and "undl: 29 records, as of 2012-03-31 (partial)" in out

    copy = tmp_path / "copy.sqlite3"
    code, _, err = _run("index", "export", str(copy))
    assert code == 0, err
    other = tmp_path / "other" / "index.sqlite3"
    code, _, err = _run("index", "import", str(copy), "--index", str(other))
    assert code == 0, err
    with IndexDB(other) as db:
        assert [h.role for h in db.find_un("A/HRC/RES/17/4")] == ["own", "related"]
        assert db.harvest("undl").as_of == "2012-03-31"  # type: ignore[union-attr]


def test_second_update_is_incremental(env: Path, fake: FakeOai) -> None:
    assert _run("index", "update", "--source", "undl", "--until", "2012-03-31")[0] == 0
    fake.requests.clear()
    code, _, err = _run("index", "update", "--source", "undl", "--until", "2012-04-15")
    assert code == 0, err
    # from as_of minus the 14-day overlap
    assert fake.windows_asked() == [("2012-03-17", "2012-03-31"), ("2012-04-01", "2012-04-15")]


def test_failed_update_exits_2_and_keeps_windows(env: Path, fake: FakeOai) -> None:
    fake.fail_windows = {"2011-07-01"}
    code, _, err = _run("index", "update", "--source", "undl", "--until", "2012-03-31")
    assert code == 2
    assert "index update of the UN Digital Library (undl) stopped" in err and "HTTP 500" in err
    assert _info()["sources"]["undl"]["as_of"] == "2011-06-30"  # type: ignore[index]


def _built(env: Path) -> None:
    assert _run("index", "update", "--source", "undl", "--until", "2011-03-31")[0] == 0


def test_import_refuses_a_non_sqlite_file(env: Path, tmp_path: Path) -> None:
    _built(env)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"this is not a database\n" * 50)
    code, _, err = _run("index", "import", str(bogus))
    assert code == 2 and "not an SQLite file" in err
    assert _info()["sources"]["undl"]["records"] == 1  # type: ignore[index]


def test_import_refuses_another_schema(env: Path, tmp_path: Path) -> None:
    _built(env)
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()
    code, _, err = _run("index", "import", str(foreign))
    assert code == 2 and "not a citecheck index" in err
    assert _info()["sources"]["undl"]["records"] == 1  # type: ignore[index]


def test_import_refuses_another_version_and_triggers(env: Path, tmp_path: Path) -> None:
    _built(env)
    copy = tmp_path / "copy.sqlite3"
    assert _run("index", "export", str(copy))[0] == 0
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    code, _, err = _run("index", "import", str(copy))
    assert code == 2 and "schema version '99'" in err
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.execute("CREATE TRIGGER t AFTER INSERT ON un_record BEGIN DELETE FROM un_symbol; END")
    con.commit()
    con.close()
    code, _, err = _run("index", "import", str(copy))
    assert code == 2 and "trigger" in err


def test_import_refuses_a_missing_column(env: Path, tmp_path: Path) -> None:
    _built(env)
    copy = tmp_path / "copy.sqlite3"
    assert _run("index", "export", str(copy))[0] == 0
    con = sqlite3.connect(copy)
    con.execute("ALTER TABLE un_record DROP COLUMN languages")
    con.commit()
    con.close()
    code, _, err = _run("index", "import", str(copy))
    assert code == 2 and "lacks languages" in err


def test_info_without_an_index(env: Path) -> None:
    code, _, err = _run("index", "info")
    assert code == 2 and "no index at" in err


def test_bad_dates(env: Path) -> None:
    code, _, err = _run("index", "update", "--from", "2012-13-01")
    assert code == 2 and "YYYY-MM-DD" in err


def test_import_replaces_an_existing_index(env: Path, tmp_path: Path, fake: FakeOai) -> None:
    _built(env)  # one record (March 2011)
    small = tmp_path / "small.sqlite3"
    assert _run("index", "export", str(small))[0] == 0
    assert _run("index", "update", "--source", "undl", "--until", "2012-03-31")[0] == 0
    assert _info()["sources"]["undl"]["records"] == 29  # type: ignore[index]
    code, _, err = _run("index", "import", str(small))
    assert code == 0, err
    assert _info()["sources"]["undl"]["records"] == 1  # type: ignore[index]
    with IndexDB(env, write=True) as db:  # and it can be updated again from there
        assert db.harvest("undl").as_of == "2011-03-31"  # type: ignore[union-attr]


def test_import_replaces_a_damaged_index(env: Path, tmp_path: Path) -> None:
    _built(env)
    good = tmp_path / "good.sqlite3"
    assert _run("index", "export", str(good))[0] == 0
    for leftover in env.parent.glob(env.name + "-*"):
        leftover.unlink()
    env.write_bytes(b"garbage" * 100)
    code, _, err = _run("index", "import", str(good))
    assert code == 0, err
    assert _info()["sources"]["undl"]["records"] == 1  # type: ignore[index]


@pytest.fixture
def sparql() -> Iterator[SparqlFake]:
    with running(cellar_store(generated=5)) as server:
        yield server


def test_all_sources_go_on_when_the_un_digital_library_is_down(
    env: Path, sparql: SparqlFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITECHECK_UNDL_URL", "http://127.0.0.1:9")  # nothing listens
    monkeypatch.setenv("CITECHECK_SPARQL_URL", sparql.url)
    code, _, err = _run("index", "update", "--until", "2012-03-31")
    assert code == 2
    lines = err.splitlines()
    assert [x for x in lines if x.startswith("eu: acts=")], err  # EU was harvested
    [stop] = [x for x in lines if "stopped" in x]
    assert stop.startswith("citecheck: error: index update of the UN Digital Library (undl)")
    assert "?:" not in err
    assert _info()["sources"]["eu"]["records"] > 0  # type: ignore[index]


def test_all_sources_say_the_finished_one_when_eu_is_down(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITECHECK_SPARQL_URL", "http://127.0.0.1:9/sparql")
    code, _, err = _run("index", "update", "--until", "2012-03-31")
    assert code == 2
    lines = err.splitlines()
    assert [x for x in lines if x.startswith("undl: windows=15")], err
    [stop] = [x for x in lines if "stopped" in x]
    assert stop.startswith("citecheck: error: index update of EU law from Cellar (eu) stopped:")
    assert _info()["sources"]["undl"]["records"] == 29  # type: ignore[index]


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("as_of", "'9999-12-31'", "is after today"),
        ("as_of", "'zzzz'", "not a day YYYY-MM-DD"),
        ("as_of", "'2011-02-30'", "not a day YYYY-MM-DD"),
        ("earliest", "'yesterday'", "not a day YYYY-MM-DD"),
        ("complete", "2", "not 0 or 1"),
    ],
)
def test_import_refuses_a_coverage_row_no_harvest_writes(
    env: Path, tmp_path: Path, column: str, value: str, said: str
) -> None:
    _built(env)
    copy = tmp_path / "copy.sqlite3"
    assert _run("index", "export", str(copy))[0] == 0
    con = sqlite3.connect(copy)
    con.execute(f"UPDATE harvest SET {column} = {value} WHERE source = 'undl'")
    con.commit()
    con.close()
    code, _, err = _run("index", "import", str(copy))
    assert code == 2 and said in err, err
    assert _info()["sources"]["undl"]["as_of"] == "2011-03-31"  # type: ignore[index]


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        ("complete", "'yes'", "complete holds 'yes', not 0 or 1"),
        ("as_of", "'zzzz'", "as_of holds 'zzzz', not a day YYYY-MM-DD"),
        ("records", "'many'", "records holds 'many', not a number"),
    ],
)
def test_a_tampered_coverage_row_read_in_place_is_refused(
    env: Path, column: str, value: str, said: str
) -> None:
    _built(env)
    con = sqlite3.connect(env)
    con.execute(f"UPDATE harvest SET {column} = {value} WHERE source = 'undl'")
    con.commit()
    con.close()
    code, out, err = _run("index", "info")
    assert code == 2 and said in err, out + err
    with IndexDB(env) as db, pytest.raises(ValueError, match=said):
        db.harvest("undl")


def test_export_to_a_dash_is_refused_not_a_file_named_dash(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built(env)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("index", "export", "-")
    assert code == 2 and "name the file" in err and out == ""
    assert not (tmp_path / "-").exists()


def test_import_and_export_keep_the_file_mode(env: Path, tmp_path: Path) -> None:
    _built(env)
    env.chmod(0o644)
    copy = tmp_path / "copy.sqlite3"
    old = os.umask(0o022)
    try:
        assert _run("index", "export", str(copy))[0] == 0
        assert copy.stat().st_mode & 0o777 == 0o644  # a new file: the umask's mode
        copy.chmod(0o640)
        assert _run("index", "export", str(copy))[0] == 0
        assert copy.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
        assert _run("index", "import", str(copy))[0] == 0
        assert env.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    ("index", "args", "said"),
    [
        ("/proc/citecheck-x.sqlite3", ["update", "--source", "undl"], "cannot write the index"),
        (".", ["info"], "is a directory; the index is a file"),
        (".", ["update", "--source", "undl"], "is a directory; the index is a file"),
    ],
)
def test_errors_say_what_is_wrong(
    env: Path, monkeypatch: pytest.MonkeyPatch, index: str, args: list[str], said: str
) -> None:
    monkeypatch.setenv("CITECHECK_INDEX", index)
    code, _, err = _run("index", *args)
    assert code == 2 and said in err and "internal error" not in err, err


def test_info_path_is_absolute(env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _built(env)
    monkeypatch.chdir(env.parent)
    data = _info("--index", env.name)
    assert data["path"] == str(env)


def test_full_re_reads_all_eu_law_where_a_plain_update_asks_what_changed(
    env: Path, sparql: SparqlFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITECHECK_SPARQL_URL", sparql.url)
    assert _run("index", "update", "--source", "eu")[0] == 0  # the first run is a full pass
    sparql.queries.clear()
    assert _run("index", "update", "--source", "eu")[0] == 0
    assert any("lastModificationDate" in q for q in sparql.queries)  # only what changed
    sparql.queries.clear()
    code, _, err = _run("index", "update", "--source", "eu", "--full")
    assert code == 0, err
    assert sparql.queries and not any("lastModificationDate" in q for q in sparql.queries)
    assert _info()["sources"]["eu"]["complete"] is True  # type: ignore[index]


def test_full_is_refused_for_the_un_digital_library_alone(env: Path) -> None:
    code, _, err = _run("index", "update", "--source", "undl", "--full")
    assert code == 2 and "--full re-reads EU law" in err
    assert not env.exists()
