"""Issue acceptance: `citecheck check --format json` on the seed letters against the fake server.

The base URLs point at a loopback fake (never the internet). Ids the fake holds come back
resolved with title and date; unknown UN symbols not_found with suggestions; with the fake
answering 503 or too slowly, every id is unverified and the run exits 0 (1 with --strict).

The run goes through the real CLI, so politeness comes from the environment: no rate limit
and no back-off sleeps against the loopback fake (the real 2 req/s and 0.5 s back-off made
each run take ~30 s), but retries and the circuit breaker work as they do for real.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fakeserver import FakeServer

from citecheck.cli import main

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
pytestmark = pytest.mark.skipif(
    not SEED_FILES, reason="../shared/corpus/seeds not present (CI and developers have it)"
)


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with FakeServer().running() as server:
        yield server


def _run(fake: FakeServer, tmp_path: Path, *extra: str) -> tuple[Result, dict[str, Any]]:
    env = fake.env(tmp_path / "cache", CITECHECK_RETRIES="2")
    args = ["check", "--format", "json", "--fail-on", "error", *extra, *map(str, SEED_FILES)]
    result = CliRunner().invoke(main, args, env=env)
    return result, json.loads(result.stdout)


def _citations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for f in data["files"] for c in f["citations"]]


def test_seed_letters_resolve_against_the_fake(fake: FakeServer, tmp_path: Path) -> None:
    result, data = _run(fake, tmp_path)
    by_id = {c["id"]: c for c in _citations(data)}
    held = by_id["un:A/HRC/41/35"]
    assert held["status"] == "resolved"
    assert held["resolution"]["title"].startswith("Surveillance and human rights")
    assert held["resolution"]["date"] == "2019-05-28"
    assert by_id["un:A/RES/68/167"]["status"] == "resolved"
    wrong = by_id["un:A/HRC/RES/17/31"]
    assert wrong["status"] == "not_found"
    assert wrong["resolution"]["suggestions"][:1] == ["un:A/HRC/17/31"]
    codes = {f["code"] for f in data["files"][-1]["findings"]}
    assert "RS101" in codes
    # Every UN symbol got a definite answer or an honest reason, never a silent gap.
    for c in _citations(data):
        if c["id"] and c["id"].startswith("un:A/"):
            assert c["status"] in {"resolved", "not_found", "unverified"}
    assert result.exit_code == 1  # the not-found resolution is an error finding


@pytest.mark.parametrize("fault", ["status503", "slow"])
def test_source_trouble_is_unverified_and_exit_zero(
    fake: FakeServer, tmp_path: Path, fault: str
) -> None:
    if fault == "status503":
        fake.fault("status", times=-1, status=503)
        extra: tuple[str, ...] = ()
    else:
        fake.fault("slow", times=-1, delay=1.5)
        extra = ("--timeout", "0.3")
    result, data = _run(fake, tmp_path, *extra)
    checked = [c for c in _citations(data) if c["id"] and c["id"].startswith(("un:", "celex:"))]
    assert checked
    assert {c["status"] for c in checked} == {"unverified"}
    assert all(c["resolution"]["reason"] for c in checked)
    # Retries happened, and the circuit breaker stopped asking the failing host.  Each
    # timed-out request counts towards the breaker at once: a host that hangs is asked no
    # more than the breaker's threshold plus the requests already in flight (8), not once or
    # more per id.
    if fault == "status503":
        assert len(fake.log) > len({c["id"] for c in checked})
    else:
        assert len(fake.log) <= 5 + 8
    assert any("not asked again" in c["resolution"]["reason"] for c in checked)
    assert result.exit_code == 0, result.output
    strict, _ = _run(fake, tmp_path, *extra, "--strict")
    assert strict.exit_code == 1
