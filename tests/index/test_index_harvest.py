"""`update_undl` against the loopback OAI-PMH server: full, resumed, incremental, polite."""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fake_clock import FakeClock
from oai_fake import ROBOTS, FakeOai, ListStore
from undl_records import FakeRecord, marc_record

from citecheck.index.db import IndexDB
from citecheck.index.errors import HarvestError
from citecheck.index.http import PoliteClient, retry_after_seconds
from citecheck.index.update import month_windows, update, update_undl
from citecheck.resolve.engine import settings_from_env

TODAY = dt.date(2012, 3, 15)
MakeClient = Callable[..., PoliteClient]


def _full(db: IndexDB, make_client: MakeClient, today: dt.date = TODAY) -> object:
    return update_undl(db, make_client(), today=today)


def test_month_windows() -> None:
    assert month_windows(dt.date(2011, 1, 15), dt.date(2011, 3, 2)) == [
        ("2011-01-15", "2011-01-31"),
        ("2011-02-01", "2011-02-28"),
        ("2011-03-01", "2011-03-02"),
    ]


def test_full_harvest(db: IndexDB, fake: FakeOai, make_client: MakeClient) -> None:
    report = _full(db, make_client)
    assert report.windows == report.windows_total == 15  # 2011-01 .. 2012-03
    assert report.records == 29 and report.deleted == 1
    assert db.count("un_record") == 29
    state = db.harvest("undl")
    assert state is not None
    assert (state.as_of, state.complete, state.earliest) == ("2012-03-15", True, "2011-01-01")
    assert state.records == 29
    hits = db.find_un("A/HRC/RES/17/4")
    assert [(h.role, h.record.recid) for h in hits] == [("own", 710004), ("related", 700001)]
    assert [n for _, n in db.un_series("A/HRC/RES", 17)] == list(range(1, 20))
    assert db.un_max_session("A/HRC/RES") == 18
    only_related = db.find_un("A/HRC/RES/17/31")
    assert [(h.role, h.record.recid) for h in only_related] == [("related", 720003)]
    assert db.find_un("A/RES/59/284A")[0].record.date == "2005-06-13"
    assert db.find_un("GA/11120")[0].role == "alt"
    assert db.un_record(720005) is None  # deleted upstream, never stored
    # follow-up pages carry the token alone (the fake answers badArgument otherwise)
    paged = [p for p in fake.oai_requests() if "resumptionToken" in p]
    assert paged and all(set(p) == {"verb", "resumptionToken"} for p in paged)


def test_killed_run_resumes_at_the_failed_window(
    db: IndexDB, fake: FakeOai, make_client: MakeClient
) -> None:
    fake.fail_windows = {"2011-07-01"}
    with pytest.raises(HarvestError):
        _full(db, make_client)
    state = db.harvest("undl")
    # read gaplessly up to June 30, but not complete: later windows hold older documents
    # changed since, so a killed run denies nothing
    assert state is not None and state.as_of == "2011-06-30" and not state.complete
    assert db.find_un("A/HRC/RES/17/1") == []  # July was not committed
    assert db.windows()[-1] == ("2011-06-01", "2011-06-30")
    fake.fail_windows = set()
    fake.requests.clear()
    report = _full(db, make_client)
    asked = fake.windows_asked()
    assert asked[0] == ("2011-07-01", "2011-07-31")
    assert all(start >= "2011-07-01" for start, _ in asked)
    assert report.first_from == "2011-07-01"
    state = db.harvest("undl")
    assert state is not None and state.complete and state.as_of == "2012-03-15"
    assert db.count("un_record") == 29
    assert len(db.windows()) == 15


def test_incremental_run_asks_only_new_windows(
    db: IndexDB, fake: FakeOai, make_client: MakeClient
) -> None:
    _full(db, make_client)
    store = fake.store
    assert isinstance(store, ListStore)
    store.change(
        FakeRecord(
            710004,
            "2012-04-02T08:00:00Z",
            marc_record(
                710004,
                ["A/HRC/RES/17/4"],
                title="Human rights and transnational corporations and other business enterprises",
                adopted="2011-06-16",
            ),
        )
    )
    store.change(FakeRecord(730001, "2012-04-03T08:00:00Z", marc_record(730001, ["A/HRC/19/1"])))
    store.delete(710019, "2012-04-04T08:00:00Z")
    fake.requests.clear()
    report = update_undl(db, make_client(), today=dt.date(2012, 4, 10))
    # from as_of (03-15) minus the 14-day overlap
    assert fake.windows_asked() == [("2012-03-01", "2012-03-31"), ("2012-04-01", "2012-04-10")]
    assert report.records == 2 and report.deleted == 1
    assert db.find_un("A/HRC/RES/17/4")[0].record.title.startswith("Human rights and")
    assert db.find_un("A/HRC/19/1")
    assert db.find_un("A/HRC/RES/17/19") == []
    state = db.harvest("undl")
    assert state is not None and state.as_of == "2012-04-10" and state.complete


def test_from_after_a_gap_is_not_complete(db: IndexDB, make_client: MakeClient) -> None:
    update_undl(db, make_client(), from_="2011-07-01", until="2011-08-31")
    state = db.harvest("undl")
    assert state is not None and state.as_of == "2011-08-31" and not state.complete
    assert db.find_un("A/HRC/RES/17/1") and db.find_un("A/HRC/17/31") == []


def test_expired_token_restarts_the_window(
    db: IndexDB, fake: FakeOai, make_client: MakeClient
) -> None:
    fake.expire_next_token = 1
    _full(db, make_client)
    assert db.count("un_record") == 29
    assert sum(1 for w in fake.windows_asked() if w[0] == "2011-07-01") == 2


@pytest.mark.parametrize("fault", ["malformed", "html"])
def test_bad_reply_commits_no_partial_window(
    db: IndexDB, fake: FakeOai, make_client: MakeClient, fault: str
) -> None:
    getattr(fake, f"{fault}_windows").add("2011-07-01")
    with pytest.raises(HarvestError):
        _full(db, make_client)
    assert db.find_un("A/HRC/RES/17/1") == []  # July's first page was read, then rolled back
    assert db.find_un("A/HRC/17/31")  # March stays
    assert ("2011-07-01", "2011-07-31") not in db.windows()


def test_retry_after_is_honoured(
    db: IndexDB, fake: FakeOai, make_client: MakeClient, clock: FakeClock
) -> None:
    fake.busy = 2
    _full(db, make_client)
    assert clock.sleeps.count(7.0) == 2
    assert db.count("un_record") == 29


def test_retry_after_http_date() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == 30.0
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("soon") is None


def test_gives_up_after_retries(fake: FakeOai, make_client: MakeClient) -> None:
    fake.busy = 100
    client = make_client(retries=2)
    with pytest.raises(HarvestError, match="failed 3 times"):
        client.get("/oai2d", {"verb": "Identify"})
    assert len(fake.oai_requests()) == 3


def test_crawl_delay_paces_every_request(
    db: IndexDB, fake: FakeOai, make_client: MakeClient, clock: FakeClock
) -> None:
    fake.robots = ROBOTS
    client = make_client(min_interval=1.0)
    update_undl(db, client, until="2011-04-30", today=TODAY)
    assert client.interval == 5.0
    assert len(clock.sleeps) == client.requests - 1
    assert all(s == pytest.approx(5.0) for s in clock.sleeps)


def test_robots_disallow_is_never_requested(fake: FakeOai, make_client: MakeClient) -> None:
    client = make_client()
    with pytest.raises(HarvestError, match=r"robots\.txt .*disallows /search"):
        client.get("/search", {"p": "191__a:A/HRC/17/31"})
    assert [path for path, _ in fake.requests] == ["/robots.txt"]


def test_robots_unreadable_means_no_harvest(
    db: IndexDB, fake: FakeOai, make_client: MakeClient
) -> None:
    fake.robots_status = 503
    with pytest.raises(HarvestError, match="cannot tell"):
        _full(db, make_client)
    assert fake.oai_requests() == []
    assert db.harvest("undl") is None


def test_no_robots_means_allowed(db: IndexDB, fake: FakeOai, make_client: MakeClient) -> None:
    fake.robots = None
    _full(db, make_client)
    assert db.count("un_record") == 29


def test_trickling_body_hits_the_deadline(fake: FakeOai) -> None:
    with (
        PoliteClient(fake.base_url, min_interval=0, retries=0, timeout=5, deadline=0.3) as c,
        pytest.raises(HarvestError, match="no complete reply within"),
    ):
        c.get("/trickle")


def test_body_size_is_bounded(make_client: MakeClient) -> None:
    with pytest.raises(HarvestError, match="more than 200 bytes"):
        make_client(max_bytes=200).get("/oai2d", {"verb": "Identify"})


def test_redirects(fake: FakeOai, make_client: MakeClient) -> None:
    client = make_client()
    with pytest.raises(HarvestError, match="off the host"):
        client.get("/away")
    assert client.get("/hop").status_code == 200
    assert fake.requests[-1][0] == "/oai2d"


def test_progress_reports_windows_and_records(db: IndexDB, make_client: MakeClient) -> None:
    seen: list[tuple[int, int, int]] = []
    update_undl(
        db, make_client(), until="2011-07-31", today=TODAY, progress=lambda *a: seen.append(a)
    )
    assert seen[0] == (0, 7, 0)
    assert seen[-1] == (7, 7, 20)  # the report (March) and 19 resolutions (July)
    assert [d for d, _, _ in seen] == list(range(8))


def test_dispatcher_runs_both_harvesters(
    fake: FakeOai, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, bool]] = []

    def update_eu(
        db: IndexDB, client: PoliteClient, *, full: bool = False, progress: object = None
    ) -> dict[str, str]:
        calls.append((str(client.url("")), full))
        assert db.write
        return {"source": "eu"}

    monkeypatch.setitem(
        sys.modules, "citecheck.index.cellar_harvest", types.SimpleNamespace(update_eu=update_eu)
    )
    settings = settings_from_env(
        {
            "CITECHECK_UNDL_URL": fake.base_url,
            "CITECHECK_SPARQL_URL": "http://127.0.0.1:9/sparql",
            "CITECHECK_RATE_PER_HOST": "0",
        }
    )
    reports = update(tmp_path / "i.sqlite3", "all", until="2011-03-31", settings=settings)
    assert [getattr(r, "source", None) or r["source"] for r in reports] == ["undl", "eu"]
    assert calls == [("http://127.0.0.1:9/sparql", False)]
    with IndexDB(tmp_path / "i.sqlite3") as db:
        assert db.find_un("A/HRC/17/31")


def test_dispatcher_refuses_unknown_source(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        update(tmp_path / "i.sqlite3", "ods")


def test_paths_stay_under_the_base_url() -> None:
    with PoliteClient("http://127.0.0.1:9/undl", obey_robots=False) as client:
        assert str(client.url("/oai2d")) == "http://127.0.0.1:9/undl/oai2d"
        assert str(client.url("")) == "http://127.0.0.1:9/undl"


def test_connection_failures_back_off_then_give_up(clock: FakeClock) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with PoliteClient(
        "http://127.0.0.1:9",
        retries=3,
        backoff=0.5,
        transport=httpx.MockTransport(refuse),
        sleep=clock.sleep,
        clock=clock,
        min_interval=0,
    ) as client:
        with pytest.raises(HarvestError, match=r"cannot read .*robots\.txt.*connection failed"):
            client.get("/oai2d", {"verb": "Identify"})
        assert client.requests == 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_an_earlier_from_heals_the_gap_once_its_windows_join(
    db: IndexDB, make_client: MakeClient
) -> None:
    update_undl(db, make_client(), from_="2011-06-01", today=TODAY)
    state = db.harvest("undl")
    assert state is not None and not state.complete
    # Jan..May are read first, before they reach the coverage (June on): they count once joined
    update_undl(db, make_client(), from_="2011-01-01", today=TODAY)
    state = db.harvest("undl")
    assert state is not None and state.complete and state.as_of == "2012-03-15"
    assert '"covered_from": "2011-01-01"' in state.checkpoint


def test_an_earlier_from_killed_before_joining_heals_on_resume(
    db: IndexDB, fake: FakeOai, make_client: MakeClient
) -> None:
    update_undl(db, make_client(), from_="2011-06-01", today=TODAY)
    fake.fail_windows = {"2011-03-01"}
    with pytest.raises(HarvestError):
        update_undl(db, make_client(), from_="2011-01-01", today=TODAY)
    state = db.harvest("undl")
    assert state is not None and not state.complete
    fake.fail_windows = set()
    fake.requests.clear()
    update_undl(db, make_client(), today=TODAY)  # resumes at March, the stretch goes on
    assert fake.windows_asked()[0] == ("2011-03-01", "2011-03-31")
    state = db.harvest("undl")
    assert state is not None and state.complete


@pytest.mark.parametrize(
    ("first", "second", "complete"),
    [
        ("2011-06-01", "2011-02-01", False),  # joins, but January is still missing
        ("2011-06-01", "2011-01-01", True),
    ],
)
def test_coverage_after_two_from_runs(
    db: IndexDB, make_client: MakeClient, first: str, second: str, complete: bool
) -> None:
    update_undl(db, make_client(), from_=first, today=TODAY)
    update_undl(db, make_client(), from_=second, today=TODAY)
    state = db.harvest("undl")
    assert state is not None and state.complete is complete
    assert f'"covered_from": "{second}"' in state.checkpoint
