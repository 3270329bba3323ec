"""The cache as a target: answers bound to the server that gave them, crafted imports."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeserver import FakeData, FakeServer

from citecheck.resolve.cache import Cache, UnreadableImport, source_bases
from citecheck.resolve.cli import cache as cache_cli
from citecheck.resolve.engine import Resolver, Settings
from citecheck.resolve.model import Resolution, Status

MakeSettings = Callable[..., Settings]
NOW = 1_700_000_000.0
REAL = {"undl": "https://digitallibrary.un.org", "sparql": "https://publications.europa.eu/x"}
EVIL = {"undl": "http://169.254.169.254", "sparql": "https://publications.europa.eu/x"}


def found(ident: str, title: str, source: str = "undl") -> Resolution:
    return Resolution(id=ident, status=Status.RESOLVED, title=title, source=source)


def test_answers_of_another_server_are_neither_read_nor_overwritten(tmp_path: Path) -> None:
    with Cache(tmp_path, bases=REAL) as real:
        real.put_many([found("un:A/1", "real title")])
    with Cache(tmp_path, bases=EVIL) as evil:
        assert evil.get_many(["un:A/1"]) == {}  # the real answer is not this run's either
        evil.put_many([found("un:A/1", "fake title"), found("un:A/2", "invented")])
        assert evil.get_many(["un:A/1"])["un:A/1"].title == "fake title"
    with Cache(tmp_path, bases=REAL) as real:
        got = real.get_many(["un:A/1", "un:A/2"])
        assert set(got) == {"un:A/1"} and got["un:A/1"].title == "real title"
    # a source that is not redirected keeps its answers across the two runs
    with Cache(tmp_path, bases=EVIL) as evil:
        evil.put_many([found("celex:32016R0679", "GDPR", source="sparql")])
    with Cache(tmp_path, bases=REAL) as real:
        assert real.get_many(["celex:32016R0679"])["celex:32016R0679"].title == "GDPR"


def test_source_bases_follow_the_settings(make_settings: MakeSettings) -> None:
    bases = source_bases(make_settings(undl_url="http://mirror.test/"))
    assert bases["undl"] == "http://mirror.test"
    assert bases["sparql"] == "https://publications.europa.eu/webapi/rdf/sparql"
    assert set(bases) == {"undl", "ods", "cellar", "sparql"}


def test_a_run_against_another_host_does_not_poison_the_next_run(
    make_settings: MakeSettings,
) -> None:
    """End to end: a hostile server's invented record, cached by one run, is not what a
    later run against the real (here: the other fake) server reports."""
    poisoned = FakeData.from_fixtures()
    poisoned.add_un("A/HRC/99/999", title="Invented by the attacker")
    with FakeServer(poisoned).running() as attacker:
        first = Resolver(make_settings(attacker))
        try:
            res = first.resolve(["un:A/HRC/99/999"])["un:A/HRC/99/999"]
        finally:
            first.close()
        assert res.status is Status.RESOLVED and res.title == "Invented by the attacker"
    with FakeServer().running() as honest:
        second = Resolver(make_settings(honest))
        try:
            res = second.resolve(["un:A/HRC/99/999"])["un:A/HRC/99/999"]
        finally:
            second.close()
        assert res.source != "cache" and res.title != "Invented by the attacker"
        assert honest.requests_to("/search")  # asked the configured server itself


def test_rows_of_the_old_schema_are_never_read(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "resolutions.sqlite3")
    db.execute(
        "CREATE TABLE resolutions (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT"
        " NULL, stored_at REAL NOT NULL, expires_at REAL NOT NULL)"
    )
    data = json.dumps(found("un:A/1", "unbound").to_json())
    db.execute("INSERT INTO resolutions VALUES ('un:A/1', 'resolved', ?, 0, 1e12)", (data,))
    db.commit()
    db.close()
    with Cache(tmp_path) as cache:
        assert cache.get_many(["un:A/1"]) == {}
        assert cache.clear() == 0
    names = sqlite3.connect(tmp_path / "resolutions.sqlite3").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    assert {n for (n,) in names} == {"answers"}  # clear dropped the old rows too


def test_a_row_with_an_absurd_time_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    with Cache(tmp_path, clock=lambda: NOW) as cache:
        data = json.dumps(found("un:A/1", "t").to_json())
        cache._db.execute(
            "INSERT INTO answers VALUES ('un:A/1', '', 'resolved', ?, 1e300, 1e301)", (data,)
        )
        assert cache.get_many(["un:A/1"]) == {}


# ---- crafted imports ---------------------------------------------------------------------


def entry(ident: str = "un:A/1", **resolution: object) -> dict[str, object]:
    res = {**found(ident, "t").to_json(), **resolution}
    return {
        "id": ident,
        "base": "",
        "status": res["status"],
        "stored_at": NOW - 10,
        "expires_at": NOW + 1000,
        "resolution": res,
    }


def missing(ident: str, **resolution: object) -> dict[str, object]:
    """An import line of a not_found, by default as the UN Digital Library writes one."""
    no_record = "no UN Digital Library record has this symbol (document symbol search)"
    res = {"title": None, "status": "not_found", "source": "undl", "reason": no_record}
    line = entry(ident, **{**res, **resolution})
    return dict(line, status="not_found")


def write(path: Path, *items: object) -> Path:
    lines = [i if isinstance(i, str) else json.dumps(i) for i in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CRAFTED = [
    (dict(entry("un:B/1"), stored_at=1e300), "'stored_at'"),
    ('{"id": "un:B/2", "stored_at": NaN}', "NaN is not a number"),
    (dict(entry("un:B/3"), expires_at=True), "'expires_at' must be a number"),
    (entry("un:B/4", url="javascript:alert(1)"), "'url' must be an http(s) URL"),
    (entry("un:B/5", languages="enfr"), "'languages'"),
    (entry("un:B/6", languages=["en", "javascript"]), "'languages'"),
    (entry("un:B/7", extra=[["file", "javascript:alert(1)"]]), "extra 'file'"),
    (entry("un:B/8", title="a\x1b[2Jb"), "'title' must be plain text"),
    (entry("un:B/9", title="abc\u202edef"), "'title' must be plain text"),
    ({k: v for k, v in entry("un:B/10").items() if k != "base"}, "no 'base'"),
    (dict(entry("un:B/11"), base="file:///etc"), "'base' must be an http(s) URL"),
    (entry("un:B/12", source="cache"), "from the cache itself"),
    (entry("un:B/13", extra=[["file", "a", "b"]]), "'extra'"),
    (dict(entry("un:B/14"), id="un:B/other"), "does not match"),
    # a not_found names the source that gave it and carries its reason, as a real one does
    (missing("un:B/15", source=None), "must name the source that gave it (undl or ods"),
    (missing("celex:32016R0679", source="undl"), "(cellar for celex: ids), not 'undl'"),
    (missing("un:B/16", reason=None), "must carry its source's reason"),
    (missing("un:B/17", reason="  "), "must carry its source's reason"),
    ("[1, 2]", "not a JSON object"),
]


@pytest.mark.parametrize(("line", "why"), CRAFTED, ids=[w for _, w in CRAFTED])
def test_crafted_import_line_is_rejected_with_its_reason(
    tmp_path: Path, line: object, why: str
) -> None:
    path = write(tmp_path / "in.jsonl", entry("un:A/1"), line, entry("un:A/2"))
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        report = cache.import_(path)
        assert (report.imported, report.rejected, report.skipped) == (2, 1, 1)
        [problem] = report.problems
        assert problem.startswith("line 2: ") and why in problem
        got = cache.get_many(["un:A/1", "un:A/2", "un:B/1"])  # no OverflowError, no crash
        assert set(got) == {"un:A/1", "un:A/2"}


def test_expired_lines_are_skipped_but_not_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", dict(entry(), expires_at=NOW - 1), entry("un:A/2"))
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        report = cache.import_(path)
    assert (report.imported, report.skipped, report.rejected, report.problems) == (1, 1, 0, ())


def test_a_huge_line_is_rejected_without_stopping_the_import(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", entry("un:A/1"), "x" * 200_000, entry("un:A/2"))
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        report = cache.import_(path)
    assert report.imported == 2 and report.rejected == 1
    assert "longer than" in report.problems[0]


def test_non_utf8_file_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps(entry()).encode() + b"\n\xff\xfe\x00garbage\n")
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        with pytest.raises(UnreadableImport, match="not UTF-8"):
            cache.import_(path)
        assert cache.info().entries == {}


def test_cli_import_reports_rejected_lines_and_exits_2_on_unreadable_files(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    base = ["--cache-dir", str(tmp_path / "c")]
    good = dict(entry(), stored_at=1_000.0, expires_at=4e9)  # real clock: still unexpired
    mixed = write(tmp_path / "m.jsonl", good, dict(good, stored_at=1e300))
    out = runner.invoke(cache_cli, [*base, "import", str(mixed)])
    assert out.exit_code == 0, out.output
    assert "imported 1 entries, skipped 1 (0 expired, 1 rejected)" in out.stdout
    assert "line 2: 'stored_at'" in out.stderr
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = runner.invoke(cache_cli, [*base, "import", str(binary)])
    assert out.exit_code == 2 and "not UTF-8" in out.stderr and "Traceback" not in out.output
    assert runner.invoke(cache_cli, [*base, "import", str(tmp_path)]).exit_code == 2  # a dir
    out = runner.invoke(cache_cli, [*base, "info"])
    assert "resolved: 1" in out.stdout  # the rejected and unreadable files added nothing


def test_an_imported_not_found_says_it_was_imported(tmp_path: Path) -> None:
    """A not_found with what a real one carries is kept (a warm cache shipped to CI), marked
    as imported, and RS101 says whose answer it was and that this machine did not get it;
    one the cache got itself says it was kept in the cache."""
    from citecheck.resolve.policy import not_found_message

    path = write(tmp_path / "in.jsonl", missing("un:A/9"), missing("un:B/1", source=None))
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        report = cache.import_(path)
        assert (report.imported, report.rejected) == (1, 1)
        cache.put_many([Resolution(id="un:A/8", status=Status.NOT_FOUND, source="undl",
                                   reason="no record")])  # fmt: skip
        got = cache.get_many(["un:A/9", "un:A/8", "un:B/1"])
    assert set(got) == {"un:A/9", "un:A/8"}
    assert not_found_message("un:A/9", got["un:A/9"]) == (
        "A/9 was not found (answer of 2023-11-14 from the UN Digital Library, in an imported "
        "cache entry, not asked from this machine): check the reference"
    )
    assert not_found_message("un:A/8", got["un:A/8"]) == (
        "A/8 was not found (answer of 2023-11-14 from the UN Digital Library, kept in the "
        "cache): check the reference"
    )
    # exported again and imported elsewhere, it is still an imported answer
    with Cache(tmp_path / "c", clock=lambda: NOW) as cache:
        cache.export(tmp_path / "again.jsonl")
    with Cache(tmp_path / "d", clock=lambda: NOW + 1) as other:
        other.import_(tmp_path / "again.jsonl")
        again = other.get_many(["un:A/9", "un:A/8"])
    assert {i: r.get_extra("imported_at") is not None for i, r in again.items()} == {
        "un:A/9": True,
        "un:A/8": True,
    }


def test_export_then_import_keeps_the_binding(tmp_path: Path) -> None:
    with Cache(tmp_path / "a", bases=REAL) as a:
        a.put_many([found("un:A/1", "real")])
        assert a.export(tmp_path / "w.jsonl") == 1
    line = json.loads((tmp_path / "w.jsonl").read_text())
    assert line["base"] == REAL["undl"]
    with Cache(tmp_path / "b", bases=EVIL) as b:
        assert b.import_(tmp_path / "w.jsonl").imported == 1
        assert b.get_many(["un:A/1"]) == {}
    with Cache(tmp_path / "b", bases=REAL) as b:
        assert b.get_many(["un:A/1"])["un:A/1"].title == "real"


def test_every_networked_source_binds_its_answers_to_its_own_urls() -> None:
    """A source that answers over the network must bind its cache entries to a URL it uses:
    else an answer from a redirected run would be trusted by the next run."""
    from citecheck.resolve.sources import REGISTRY

    for cls in REGISTRY:
        own_fields = {field for field, _, _ in cls.url_settings}
        names = {name for name, _ in cls.answered_as}
        assert {field for _, field in cls.answered_as} <= own_fields, cls.name
        if cls.needs_network:
            assert cls.name in names, cls.name
