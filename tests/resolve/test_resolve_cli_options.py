"""`citecheck check` options that reach the resolver: --cache-dir, --refresh, and the URLs of
the config file (loopback fake server, no CITECHECK_* URL variables)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeserver import FakeServer

from citecheck.cli import main

FAST = {"CITECHECK_RATE_PER_HOST": "0", "CITECHECK_RETRIES": "1", "CITECHECK_BACKOFF": "0"}
TEXT = "See A/HRC/41/35 and A/HRC/RES/17/31.\n"


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with FakeServer().running() as server:
        yield server


@pytest.fixture(autouse=True)
def no_citecheck_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("CITECHECK_"):
            monkeypatch.delenv(key)


def _statuses(stdout: str) -> dict[str, str]:
    data = json.loads(stdout)
    return {c["id"]: c["status"] for f in data["files"] for c in f["citations"]}


def _run(args: list[str], env: dict[str, str]) -> tuple[int, dict[str, str]]:
    res = CliRunner().invoke(main, ["check", "--format", "json", *args], env={**FAST, **env})
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, _statuses(res.stdout)


def _urls_env(fake: FakeServer) -> dict[str, str]:
    urls = fake.urls()
    return {
        "CITECHECK_UNDL_URL": urls["undl_url"],
        "CITECHECK_ODS_URL": urls["ods_url"],
        "CITECHECK_CELLAR_URL": urls["cellar_url"],
        "CITECHECK_SPARQL_URL": urls["sparql_url"],
    }


def test_cache_dir_option_is_used_and_refresh_asks_again(fake: FakeServer, tmp_path: Path) -> None:
    doc, cache = tmp_path / "x.txt", tmp_path / "my-cache"
    doc.write_text(TEXT, encoding="utf-8")
    args = ["--cache-dir", str(cache), str(doc)]
    first = _run(args, _urls_env(fake))[1]
    assert first == {"un:A/HRC/41/35": "resolved", "un:A/HRC/RES/17/31": "not_found"}
    assert cache.is_dir() and any(cache.iterdir())
    fake.fault("status", times=-1, status=503)  # the sources are down from now on
    asked = len(fake.log)
    assert _run(args, _urls_env(fake))[1] == first  # answered from the cache in --cache-dir
    assert len(fake.log) == asked
    refreshed = _run(["--refresh", *args], _urls_env(fake))[1]
    assert refreshed == {i: "unverified" for i in first}  # --refresh went to the sources
    assert len(fake.log) > asked


def test_config_file_urls_and_cache_dir_apply(fake: FakeServer, tmp_path: Path) -> None:
    urls = fake.urls()
    (tmp_path / "citecheck.toml").write_text(
        "".join(f'{k.replace("_", "-")} = "{v}"\n' for k, v in urls.items() if k.endswith("_url"))
        + 'cache-dir = "cache"\n',
        encoding="utf-8",
    )
    doc = tmp_path / "x.txt"
    doc.write_text(TEXT, encoding="utf-8")
    code, statuses = _run([str(doc)], {"CITECHECK_TRUST_CONFIG": "1"})  # the user trusts it
    assert statuses == {"un:A/HRC/41/35": "resolved", "un:A/HRC/RES/17/31": "not_found"}
    assert code == 1  # RS101 for the resolution that does not exist
    assert any((tmp_path / "cache").iterdir())
    assert fake.requests_to("/search")  # the config's URL was asked, not the real library


def test_fixed_files_are_resolved_again_without_asking_twice(
    fake: FakeServer, tmp_path: Path
) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text("See a/hrc/41/35 and A/HRC/17/31.\n", encoding="utf-8")
    env = {**_urls_env(fake), "CITECHECK_CACHE_DIR": str(tmp_path / "cache")}
    res = CliRunner().invoke(
        main, ["check", "--format", "json", "--fix", str(doc)], env={**FAST, **env}
    )
    assert doc.read_text(encoding="utf-8") == "See A/HRC/41/35 and A/HRC/17/31.\n"
    assert _statuses(res.stdout) == {"un:A/HRC/41/35": "resolved", "un:A/HRC/17/31": "resolved"}
    assert res.exit_code == 0
    # one search for both ids; the fixed text's ids were known already, so not asked again
    assert len(fake.requests_to("/search")) == 1
