"""No network: every source refuses the connection (a closed port on 127.0.0.1).

The run must stop asking after one refused connection per host, leave every id
``unverified`` with the short reason "no network", say so once (stderr and one notice in each
machine format) and keep each RS102 finding short.  Nothing here is measured by time: the
number of requests and the messages are asserted.
"""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from citecheck.batch import counting_progress
from citecheck.cli import main
from citecheck.resolve import policy
from citecheck.resolve.engine import Resolver
from citecheck.resolve.model import Status
from citecheck.resolve.settings import Settings

LETTER = Path(__file__).resolve().parents[2] / "fixtures" / "sample_letter.txt"
IDS = [
    "un:A/HRC/41/35",
    "un:A/HRC/RES/17/31",
    "un:CCPR/C/GC/37",
    "un:S/RES/2231(2015)",
    "celex:32016R0679",
    "ecli:EU:C:2014:238",
    "case:C-293/12",
]


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port nobody listens on (bound, then closed: connecting is refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    yield port


def _urls(base: str) -> dict[str, str]:
    return {"undl_url": base, "ods_url": base, "cellar_url": base, "sparql_url": base + "/sparql"}


def test_one_refused_connection_per_host_and_a_short_reason(
    make_settings: Callable[..., Settings], closed_port: int
) -> None:
    settings = make_settings(**_urls(f"http://127.0.0.1:{closed_port}"), retries=3)
    resolver = Resolver(settings)
    try:
        answers = resolver.resolve(IDS)
    finally:
        resolver.close()
    # The sources asked at the same time (UN Digital Library, Cellar) sent one request each
    # before the first refusal came back; ODS, asked next, sent none.
    assert 1 <= resolver.requests <= 2
    assert resolver.no_network()
    assert {a.status for a in answers.values()} == {Status.UNVERIFIED}
    assert {a.reason for a in answers.values()} == {policy.NO_NETWORK}


class _ConnectTimeouts(httpx.AsyncBaseTransport):
    """A network that swallows connection attempts (what a dead Wi-Fi looks like)."""

    def __init__(self) -> None:
        self.hosts: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        assert request.extensions["timeout"]["connect"] == 2.0  # the short first probe
        raise httpx.ConnectTimeout("timed out", request=request)


def test_connect_timeouts_count_as_no_network_one_per_host(
    make_settings: Callable[..., Settings],
) -> None:
    transport = _ConnectTimeouts()
    settings = make_settings(
        undl_url="https://undl.test",
        ods_url="https://ods.test",
        cellar_url="https://cellar.test",
        sparql_url="https://cellar.test/sparql",
        retries=3,
        timeout=20.0,
        transport=transport,
    )
    answers = Resolver(settings).resolve(IDS)
    assert sorted(transport.hosts) == ["cellar.test", "ods.test", "undl.test"]
    assert {a.reason for a in answers.values()} == {policy.NO_NETWORK}


def test_some_source_answering_is_not_no_network(
    make_settings: Callable[..., Settings], closed_port: int, fake: Any
) -> None:
    urls = fake.urls()
    closed = f"http://127.0.0.1:{closed_port}"
    urls.update(undl_url=closed, ods_url=closed)
    resolver = Resolver(make_settings(**urls))
    answers = resolver.resolve(IDS)
    assert not resolver.no_network()
    assert answers["un:A/HRC/41/35"].reason != policy.NO_NETWORK
    assert answers["celex:32016R0679"].status is not Status.UNVERIFIED


def _cli(tmp_path: Path, port: int, *args: str) -> Any:
    base = f"http://127.0.0.1:{port}"
    env = {
        "CITECHECK_UNDL_URL": base,
        "CITECHECK_ODS_URL": base,
        "CITECHECK_CELLAR_URL": base,
        "CITECHECK_SPARQL_URL": base + "/sparql",
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),  # no index of the developer's
        "CITECHECK_RATE_PER_HOST": "0",
        "CITECHECK_BACKOFF": "0",
    }
    return CliRunner().invoke(main, ["check", "--exit-zero", *args, str(LETTER)], env=env)


def test_cli_says_no_network_once_and_keeps_rs102_short(tmp_path: Path, closed_port: int) -> None:
    res = _cli(tmp_path, closed_port)
    assert res.exit_code == 0, res.output
    said = [ln for ln in res.stderr.splitlines() if "no network" in ln]
    assert said == [f"citecheck: {policy.no_network_summary(15)}"]
    rs102 = [ln for ln in res.stdout.splitlines() if " RS102 " in ln]
    assert len(rs102) == 15
    assert all(ln.endswith(", unverified)") and ": no network (" in ln for ln in rs102)
    assert max(len(ln.split(" RS102 [info] ")[1]) for ln in rs102) < 100
    assert "Error" not in res.stdout and "circuit" not in res.stdout


def test_machine_formats_carry_one_no_network_notice(tmp_path: Path, closed_port: int) -> None:
    data = json.loads(_cli(tmp_path, closed_port, "--format", "json").stdout)
    assert data["notices"] == [policy.no_network_summary(15)]
    reasons = {
        c["resolution"]["reason"]
        for f in data["files"]
        for c in f["citations"]
        if c["status"] == "unverified"
    }
    assert reasons == {policy.NO_NETWORK}

    log = json.loads(_cli(tmp_path, closed_port, "--format", "sarif").stdout)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    assert invocation["toolExecutionNotifications"] == [
        {"level": "warning", "message": {"text": policy.no_network_summary(15)}}
    ]

    lines = _cli(tmp_path, closed_port, "--format", "github").stdout.splitlines()
    assert [ln for ln in lines if "no network:" in ln] == [
        f"::warning title=citecheck::{policy.no_network_summary(15)}"
    ]


def test_offline_run_has_no_notice(tmp_path: Path, closed_port: int) -> None:
    data = json.loads(_cli(tmp_path, closed_port, "--offline", "--format", "json").stdout)
    assert data["notices"] == []


def test_resolution_reports_progress_for_every_id(
    make_settings: Callable[..., Settings], closed_port: int
) -> None:
    steps: list[int] = []
    resolver = Resolver(make_settings(**_urls(f"http://127.0.0.1:{closed_port}")))
    resolver.progress = steps.append
    resolver.resolve([*IDS, "spcomm:USA 1/2020", IDS[0]])
    assert sum(steps) == len(IDS) + 1 and all(s > 0 for s in steps)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_while_resolving_only_on_a_terminal() -> None:
    with counting_progress(20, io.StringIO()) as update:
        assert update is None
    term = _Terminal()
    with counting_progress(20, term) as update:
        assert update is not None
        update(20)
    assert "resolving:" in term.getvalue() and "/20 " in term.getvalue()


def test_a_long_lived_resolver_probes_again_when_asked_to_forget(
    make_settings: Callable[..., Settings], closed_port: int
) -> None:
    """The language server's resolver lives for a session: the network may come back."""
    resolver = Resolver(make_settings(**_urls(f"http://127.0.0.1:{closed_port}")))
    resolver.resolve(IDS[:1])
    first = resolver.requests
    resolver.resolve(IDS[1:2])
    assert resolver.requests == first  # unreachable: not asked again
    resolver.forget_unverified(IDS[:1])
    answers = resolver.resolve(IDS[:1])
    assert resolver.requests > first
    assert answers[IDS[0]].reason == policy.NO_NETWORK
