"""Model, suggestions, shipped catalog, registry and the cache CLI."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from citecheck.resolve.cli import add_network_options, cache
from citecheck.resolve.engine import Settings
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.sources import REGISTRY, source_for_scheme, sources_for_scheme
from citecheck.resolve.sources.catalog import resolve_one
from citecheck.resolve.suggest import candidates


def test_resolution_json_roundtrip() -> None:
    r = Resolution(
        id="un:A/1",
        status="resolved",
        title="T",
        languages=["en"],
        extra=[("eli", "x"), ("file", "a"), ("file", "b")],
        suggestions=["un:A/2"],
    )
    data = r.to_json()
    assert data["status"] == "resolved" and data["extra"] == [
        ["eli", "x"],
        ["file", "a"],
        ["file", "b"],
    ]
    assert Resolution.from_json(json.loads(json.dumps(data))) == r
    with pytest.raises(ValueError):
        Resolution.from_json({**data, "status": "maybe"})
    with pytest.raises(ValueError):
        Resolution.from_json({**data, "id": "nocolon"})


def test_statuses_are_the_contract_values() -> None:
    assert [s.value for s in Status] == ["resolved", "not_found", "unverified", "not_checked"]


@pytest.mark.parametrize(
    ("ident", "expected"),
    [
        (
            "un:A/HRC/RES/17/31",
            ["un:A/HRC/17/31", "un:A/HRC/RES/31/17", "un:A/HRC/RES/17/30", "un:A/HRC/RES/17/32"],
        ),
        ("un:A/HRC/17/4", ["un:A/HRC/RES/17/4", "un:A/HRC/4/17", "un:A/HRC/17/3", "un:A/HRC/17/5"]),
        ("un:A/HRC/38/35/Add.2", ["un:A/HRC/38/35"]),
        ("un:E/CN.4/2005/69/Corr.1", ["un:E/CN.4/2005/69"]),
        ("un:S/RES/2231(2015)", []),
        ("celex:32016L0679", ["celex:32016R0679", "celex:32016D0679"]),
        ("gc:CCPR/34", []),
    ],
)
def test_suggestion_candidates(ident: str, expected: list[str]) -> None:
    assert candidates(ident) == expected


def test_catalog_answers_only_what_it_knows() -> None:
    gc = resolve_one("gc:CCPR/34")
    assert gc.status is Status.RESOLVED and gc.source == "catalog"
    assert gc.title == "Human Rights Committee, general comment No. 34"
    cedaw = resolve_one("gc:CEDAW/35").title or ""
    assert cedaw.endswith("against Women, general recommendation No. 35")
    newer = resolve_one("gc:CCPR/99")
    assert newer.status is Status.NOT_CHECKED and "later one may exist" in (newer.reason or "")
    assert resolve_one("gc:XYZ/1").status is Status.NOT_CHECKED
    assert resolve_one("instrument:iccpr").date == "1966-12-16"
    assert resolve_one("instrument:magna-carta").status is Status.NOT_CHECKED
    sp = resolve_one("spcomm:ISR 7/2021")
    assert sp.status is Status.NOT_CHECKED
    assert sp.url == "https://spcommreports.ohchr.org/TmSearch/RelCom?code=ISR+7%2F2021"
    assert resolve_one("spcomm:7/2021").status is Status.NOT_CHECKED


def test_registry_covers_every_contract_scheme() -> None:
    schemes = source_for_scheme()
    assert set(schemes) == {"un", "celex", "ecli", "case", "oj", "gc", "instrument", "spcomm"}
    assert len(REGISTRY) == 4
    assert [c.name for c in sources_for_scheme()["un"]] == ["undl", "ods"]


def test_cache_cli(tmp_path: Path) -> None:
    from citecheck.resolve.cache import Cache

    with Cache(tmp_path / "c") as c:
        c.put_many([Resolution(id="un:A/1", status="resolved", source="undl")])
    runner = CliRunner()
    base = ["--cache-dir", str(tmp_path / "c")]
    out = runner.invoke(cache, [*base, "info"])
    assert out.exit_code == 0 and "resolved: 1" in out.output
    out = runner.invoke(cache, [*base, "export", str(tmp_path / "w.jsonl")])
    assert out.exit_code == 0 and "exported 1" in out.output
    out = runner.invoke(cache, [*base, "clear"])
    assert "removed 1" in out.output
    (tmp_path / "w.jsonl").write_text((tmp_path / "w.jsonl").read_text() + "garbage\n")
    out = runner.invoke(cache, [*base, "import", str(tmp_path / "w.jsonl")])
    assert out.exit_code == 0 and "imported 1 entries, skipped 1" in out.output
    assert runner.invoke(cache, [*base, "import", str(tmp_path / "missing")]).exit_code == 2


def test_network_options_build_settings(tmp_path: Path) -> None:
    seen: list[Settings] = []

    @click.command()
    @add_network_options
    def check(resolve_settings: Settings) -> None:
        seen.append(resolve_settings)

    runner = CliRunner()
    args = ["--offline", "--refresh", "--cache-dir", str(tmp_path), "--timeout", "3"]
    assert runner.invoke(check, args, env={}).exit_code == 0
    assert seen[0].offline and seen[0].refresh and seen[0].timeout == 3.0
    assert seen[0].cache_dir == tmp_path
    assert runner.invoke(check, [], env={}).exit_code == 0
    assert not seen[1].offline and seen[1].timeout == 20.0
