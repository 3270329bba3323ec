"""Resolution when answers are doubtful or the cache is broken (each failed before its fix).

1: candidate checks must not cache a not_found; 4: UNDL pages that contradict their total;
8: a broken cache must not disable resolution; 12: a case's reason when SPARQL is down;
16: a Cellar 404 counts only when it names the asked id; no https -> http redirects.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
import httpx
import pytest
import respx
from fakeserver import FakeServer

from citecheck.resolve import Resolver, Status, resolve_ids, suggest
from citecheck.resolve.cache import FILENAME, Cache
from citecheck.resolve.engine import CacheUnavailableWarning, Settings, aresolve_ids
from citecheck.resolve.model import Resolution
from citecheck.resolve.net import Fetcher, NetConfig, Unavailable
from citecheck.resolve.sources.cellar import CellarSource

MakeSettings = Callable[..., Settings]
UNDL = "https://digitallibrary.un.org"
ODS = "https://documents.un.org"
SPARQL = "https://publications.europa.eu/webapi/rdf/sparql"
CELLAR = "http://publications.europa.eu"
NO_BINDINGS = b'{"head": {"vars": ["celex"]}, "results": {"bindings": []}}'
HTML = {"content-type": "text/html"}


# ---- 1: suggestion checks ------------------------------------------------------------------

WRONG = "un:A/HRC/RES/55/9"  # not catalogued anywhere
MEANT = "un:A/HRC/55/9"  # only ODS has it (published, not yet catalogued)


def test_candidate_not_found_without_ods_is_not_cached(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    assert MEANT in suggest.candidates(WRONG)
    fake.data.ods_only.add("a/hrc/55/9")
    settings = make_settings(fake)
    first = resolve_ids([WRONG], settings)
    assert first[WRONG].status is Status.NOT_FOUND
    later = resolve_ids([MEANT], settings)  # a later run (or the LSP) citing the candidate
    assert later[MEANT].status is Status.RESOLVED and later[MEANT].source == "ods"


def test_candidate_not_found_is_not_remembered_in_the_run(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    fake.data.ods_only.add("a/hrc/55/9")
    resolver = Resolver(make_settings(fake, use_cache=False))
    try:
        assert resolver.resolve([WRONG])[WRONG].status is Status.NOT_FOUND
        assert resolver.resolve([MEANT])[MEANT].status is Status.RESOLVED
    finally:
        resolver.close()


def test_resolved_candidate_is_still_cached_and_suggested(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    settings = make_settings(fake)
    out = resolve_ids(["un:A/HRC/RES/17/31"], settings)
    assert out["un:A/HRC/RES/17/31"].suggestions[0] == "un:A/HRC/17/31"
    asked = len(fake.log)
    again = resolve_ids(["un:A/HRC/17/31"], settings)
    assert again["un:A/HRC/17/31"].source == "cache" and len(fake.log) == asked


# ---- 4: UNDL replies that contradict themselves --------------------------------------------


def _page(symbols: list[str], total: int | None, tag: str = "191") -> bytes:
    recs = "".join(
        f'<record><controlfield tag="001">{n}</controlfield>'
        f'<datafield tag="{tag}" ind1=" " ind2=" "><subfield code="a">{s}</subfield></datafield>'
        "</record>"
        for n, s in enumerate(symbols, 1)
    )
    head = "" if total is None else f"<!-- Search-Engine-Total-Number-Of-Results: {total} -->"
    return f'{head}<collection xmlns="http://www.loc.gov/MARC21/slim">{recs}</collection>'.encode()


async def _undl(settings: Settings, ids: list[str]) -> dict[str, Resolution]:
    """The `un:` chain (UNDL, then ODS) with a robots.txt that allows everything."""
    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    quiet = attrs.evolve(settings, suggest=False, use_cache=False, use_index=False)
    return await aresolve_ids(ids, quiet)


@pytest.fixture
def undl_settings(make_settings: MakeSettings) -> Settings:
    return make_settings(undl_url=UNDL, ods_url=ODS, retries=1)


@respx.mock
async def test_total_announced_but_no_records_is_unverified(undl_settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=_page([], 7)))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(200, content=b"<html>nope</html>", headers=HTML)
    )
    res = (await _undl(undl_settings, ["un:A/HRC/41/35"]))["un:A/HRC/41/35"]
    assert res.status is Status.UNVERIFIED
    assert "7" in (res.reason or "") and "ODS sent an HTML page" in (res.reason or "")


@respx.mock
async def test_empty_page_with_total_zero_is_still_not_found(undl_settings: Settings) -> None:
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=_page([], 0)))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(200, content=b"<html>nope</html>", headers=HTML)
    )
    res = (await _undl(undl_settings, ["un:A/HRC/99/1"]))["un:A/HRC/99/1"]
    assert res.status is Status.NOT_FOUND


@respx.mock
async def test_short_page_below_total_pages_on(undl_settings: Settings) -> None:
    """A server that caps the page size below `rg` must not end the search early."""
    first = [f"A/FUZZ/{i}" for i in range(1, 101)]
    route = respx.get(f"{UNDL}/search").mock(
        side_effect=[
            httpx.Response(200, content=_page(first, 101)),
            httpx.Response(200, content=_page(["A/FUZZ/101"], 101)),
        ]
    )
    out = await _undl(undl_settings, ["un:A/FUZZ/101", "un:A/FUZZ/1"])
    assert route.call_count == 2 and route.calls[1].request.url.params["jrec"] == "101"
    assert out["un:A/FUZZ/101"].status is Status.RESOLVED


@respx.mock
async def test_other_symbol_791_is_not_the_document(undl_settings: Settings) -> None:
    """A voting record names the resolution in 791: it must not stand in for it."""
    respx.get(f"{UNDL}/search").mock(
        return_value=httpx.Response(200, content=_page(["A/HRC/41/35/Corr.9"], 1, tag="791"))
    )
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(
            200, content=b"<html></html>", headers={"content-type": "text/html"}
        )
    )
    res = (await _undl(undl_settings, ["un:A/HRC/41/35/Corr.9"]))["un:A/HRC/41/35/Corr.9"]
    assert res.status is Status.NOT_FOUND


# ---- 8: broken cache -----------------------------------------------------------------------


def test_garbage_cache_file_warns_once_and_resolves(
    fake: FakeServer, make_settings: MakeSettings, tmp_path: Path
) -> None:
    cache_dir = tmp_path / "garbage"
    cache_dir.mkdir()
    (cache_dir / FILENAME).write_bytes(b"this is not a database" * 100)
    resolver = Resolver(make_settings(fake, cache_dir=cache_dir))
    try:
        with pytest.warns(CacheUnavailableWarning) as caught:
            out = resolver.resolve(["un:A/HRC/41/35", "celex:32016R0679"])
            resolver.resolve(["un:A/HRC/17/31"])
    finally:
        resolver.close()
    assert {r.status for r in out.values()} == {Status.RESOLVED}
    assert len([w for w in caught if w.category is CacheUnavailableWarning]) == 1


def test_cache_dir_that_cannot_be_made_resolves(
    fake: FakeServer, make_settings: MakeSettings, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.warns(CacheUnavailableWarning):
        out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake, cache_dir=blocker / "sub"))
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED


def test_failed_cache_write_keeps_fetched_answers(
    fake: FakeServer, make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Cache, resolutions: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Cache, "put_many", broken)
    resolver = Resolver(make_settings(fake))
    try:
        with pytest.warns(CacheUnavailableWarning):
            out = resolver.resolve(["un:A/HRC/41/35", "un:A/HRC/RES/17/31"])
        asked = len(fake.log)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # warned once already
            again = resolver.resolve(["un:A/HRC/41/35"])
    finally:
        resolver.close()
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED
    assert out["un:A/HRC/RES/17/31"].suggestions[0] == "un:A/HRC/17/31"
    assert again["un:A/HRC/41/35"].status is Status.RESOLVED and len(fake.log) == asked


def test_failed_cache_read_asks_the_source(
    fake: FakeServer, make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Cache, ids: object) -> dict[str, Resolution]:
        raise sqlite3.DatabaseError("file is not a database")

    monkeypatch.setattr(Cache, "get_many", broken)
    with pytest.warns(CacheUnavailableWarning):
        out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake))
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED


def test_healthy_cache_does_not_warn(fake: FakeServer, make_settings: MakeSettings) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = resolve_ids(["un:A/HRC/41/35"], make_settings(fake))
    assert out["un:A/HRC/41/35"].status is Status.RESOLVED


# ---- 12 and 16: Cellar ---------------------------------------------------------------------


async def _cellar(settings: Settings, ids: list[str]) -> dict[str, Resolution]:
    async with Fetcher(settings.net_config()) as f:
        return await CellarSource(f, settings).resolve(ids)


@pytest.fixture
def cellar_settings(make_settings: MakeSettings) -> Settings:
    return make_settings(retries=1)


@respx.mock
async def test_case_reason_when_sparql_down_names_only_the_network(
    cellar_settings: Settings,
) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(503))
    respx.get(f"{CELLAR}/resource/celex/62012CJ0594").mock(return_value=httpx.Response(502))
    res = (await _cellar(cellar_settings, ["case:C-594/12"]))["case:C-594/12"]
    assert res.status is Status.UNVERIFIED
    reason = res.reason or ""
    assert "SPARQL" in reason and "503" in reason and "502" in reason
    assert "no judgment or order" not in reason and "joined" not in reason


@respx.mock
async def test_case_miss_with_sparql_up_keeps_its_explanation(cellar_settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    res = (await _cellar(cellar_settings, ["case:C-594/12"]))["case:C-594/12"]
    assert res.status is Status.UNVERIFIED and "no judgment or order" in (res.reason or "")


def _404(system: str, ident: str) -> httpx.Response:
    return httpx.Response(
        404, content=f"Resource [system '{system}' - id '{ident}'] not found.".encode()
    )


@respx.mock
async def test_404_naming_another_id_is_unverified(cellar_settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32023L9999").mock(return_value=_404("celex", "32023L9998"))
    res = (await _cellar(cellar_settings, ["celex:32023L9999"]))["celex:32023L9999"]
    assert res.status is Status.UNVERIFIED and "32023L9998" in (res.reason or "")


@respx.mock
async def test_404_about_the_redirect_target_is_unverified(cellar_settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32016R0679").mock(
        return_value=httpx.Response(303, headers={"Location": "/resource/cellar/uuid-1"})
    )
    respx.get(f"{CELLAR}/resource/cellar/uuid-1").mock(return_value=_404("cellar", "uuid-1"))
    res = (await _cellar(cellar_settings, ["celex:32016R0679"]))["celex:32016R0679"]
    assert res.status is Status.UNVERIFIED


@respx.mock
async def test_404_naming_the_asked_ids_is_not_found(cellar_settings: Settings) -> None:
    respx.get(SPARQL).mock(return_value=httpx.Response(200, content=NO_BINDINGS))
    respx.get(f"{CELLAR}/resource/celex/32023L9999").mock(return_value=_404("celex", "32023L9999"))
    respx.get(f"{CELLAR}/resource/ecli/ECLI%3AEU%3AC%3A2099%3A1").mock(
        return_value=_404("ecli", "ECLI:EU:C:2099:1")
    )
    out = await _cellar(cellar_settings, ["celex:32023L9999", "ecli:EU:C:2099:1"])
    assert out["celex:32023L9999"].status is Status.NOT_FOUND
    assert out["ecli:EU:C:2099:1"].status is Status.NOT_FOUND


# ---- 16: no downgrade ----------------------------------------------------------------------


async def _get(url: str) -> object:
    cfg = NetConfig(allowed_hosts=frozenset({"src.test"}), rate_per_host=0.0, retries=0)
    async with Fetcher(cfg) as f:
        try:
            return await f.get(url, follow=True)
        except Unavailable as exc:
            return exc


@respx.mock
async def test_https_to_http_redirect_is_refused() -> None:
    respx.get("https://src.test/a").mock(
        return_value=httpx.Response(302, headers={"Location": "http://src.test/b"})
    )
    plain = respx.get("http://src.test/b").mock(return_value=httpx.Response(200, text="x"))
    result = await _get("https://src.test/a")
    assert isinstance(result, Unavailable) and "https" in result.reason
    assert plain.call_count == 0


@respx.mock
async def test_http_to_https_redirect_is_followed() -> None:
    respx.get("http://src.test/a").mock(
        return_value=httpx.Response(301, headers={"Location": "https://src.test/b"})
    )
    respx.get("https://src.test/b").mock(return_value=httpx.Response(200, text="x"))
    result = await _get("http://src.test/a")
    assert getattr(result, "status", None) == 200


@pytest.mark.parametrize("command", [["info"], ["export", "out.jsonl"]])
def test_cache_commands_on_a_broken_cache_say_so_without_traceback(
    tmp_path: Path, command: list[str]
) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / FILENAME).write_bytes(b"this is not a database" * 100)
    command = [str(tmp_path / c) if c.endswith(".jsonl") else c for c in command]
    result = CliRunner().invoke(cache, ["--cache-dir", str(broken), *command])
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, sqlite3.Error)
    assert "unusable" in result.output and str(broken) in result.output


@pytest.mark.parametrize(
    "damage",
    [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\x07" * 4000],
    ids=["not sqlite", "truncated sqlite"],
)
def test_cache_clear_on_a_broken_cache_starts_afresh(tmp_path: Path, damage: bytes) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / FILENAME).write_bytes(damage)
    (broken / f"{FILENAME}-wal").write_bytes(b"\x00" * 32)
    (broken / "notes.txt").write_text("mine\n")  # not the cache's: left alone
    result = CliRunner().invoke(cache, ["--cache-dir", str(broken), "clear"])
    assert result.exit_code == 0, result.output
    assert "unusable (file is not a database): removed it" in result.output
    assert sorted(p.name for p in broken.iterdir()) == ["notes.txt"]
    result = CliRunner().invoke(cache, ["--cache-dir", str(broken), "info"])
    assert result.exit_code == 0 and "resolved: 0" in result.output


def test_cache_info_on_a_healthy_cache(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    result = CliRunner().invoke(cache, ["--cache-dir", str(tmp_path / "c"), "info"])
    assert result.exit_code == 0 and "resolved: 0" in result.output


def test_cache_export_to_unwritable_place_is_not_called_a_broken_cache(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    target = tmp_path / "missing-dir" / "out.jsonl"
    result = CliRunner().invoke(cache, ["--cache-dir", str(tmp_path / "c"), "export", str(target)])
    assert result.exit_code == 2 and "unusable" not in result.output
    assert "missing-dir" in result.output


def test_cache_export_dash_writes_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "c"
    with Cache(folder) as c:
        c.put_many([Resolution(id="un:A/HRC/41/35", status=Status.RESOLVED, title="Rapport é")])
    runner = CliRunner()
    result = runner.invoke(
        cache, ["--cache-dir", str(folder), "export", "-"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    [line] = result.stdout_bytes.decode("utf-8").splitlines()
    assert json.loads(line)["resolution"]["title"] == "Rapport é"
    assert "exported 1 entries to standard output" in result.stderr
    assert not (tmp_path / "-").exists()


def test_cache_export_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from citecheck.resolve.cli import cache

    target = tmp_path / "missing-dir" / "out.jsonl"
    result = CliRunner().invoke(cache, ["--cache-dir", str(tmp_path / "c"), "export", str(target)])
    assert result.exit_code == 2
    assert f"cannot write {target}: No such file or directory" in result.stderr
    assert ".tmp" not in result.stderr
