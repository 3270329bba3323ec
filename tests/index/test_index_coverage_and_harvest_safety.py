"""When the index may call itself complete, and a harvest that cannot be cut short, looped or
stalled without saying so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import httpx
import pytest
from oai_fake import FakeOai, ListStore
from undl_records import _resolution

from citecheck.index.db import IndexDB
from citecheck.index.errors import HarvestError
from citecheck.index.http import PoliteClient
from citecheck.index.update import update_undl
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource

MakeClient = Callable[..., PoliteClient]


def _store() -> ListStore:
    return ListStore(
        [
            # an old document whose record last changed long after its adoption
            _resolution(1, "A/HRC/RES/17/31", "2011-06-16", "2020-05-01T09:00:00Z"),
            _resolution(2, "A/HRC/RES/28/1", "2015-03-27", "2015-04-01T09:00:00Z"),
        ],
        earliest="2015-01-01",
    )


def _client(fake: FakeOai) -> PoliteClient:
    return PoliteClient(fake.base_url, min_interval=0, retries=1, timeout=5, sleep=lambda s: None)


def test_a_killed_run_is_not_complete_and_denies_nothing(db: IndexDB) -> None:
    fake = FakeOai(_store())
    fake.fail_windows = {"2015-06-01"}
    with fake.running(), _client(fake) as client, pytest.raises(HarvestError):
        update_undl(db, client, today=dt.date(2024, 1, 1))
    state = db.harvest("undl")
    assert state is not None and state.as_of == "2015-05-31" and not state.complete
    answer = IndexSource(db, Settings()).answer(["un:A/HRC/RES/17/31"])["un:A/HRC/RES/17/31"]
    assert answer.status.value == "unverified"


def test_an_until_in_the_past_is_not_complete(db: IndexDB) -> None:
    fake = FakeOai(_store())
    with fake.running(), _client(fake) as client:
        report = update_undl(db, client, until="2016-01-31", today=dt.date(2024, 1, 1))
    assert report.as_of == "2016-01-31" and report.complete is False
    answer = IndexSource(db, Settings()).answer(["un:A/HRC/RES/17/31"])["un:A/HRC/RES/17/31"]
    assert answer.status.value == "unverified"


def test_a_run_to_the_run_date_is_complete_and_resumed_runs_finish_it(db: IndexDB) -> None:
    fake = FakeOai(_store())
    fake.fail_windows = {"2015-06-01"}
    with fake.running():
        with _client(fake) as client, pytest.raises(HarvestError):
            update_undl(db, client, today=dt.date(2024, 1, 1))
        fake.fail_windows = set()
        with _client(fake) as client:
            report = update_undl(db, client, today=dt.date(2024, 1, 1))
    assert report.complete is True and report.as_of == "2024-01-01"
    assert db.find_un("A/HRC/RES/17/31")


def test_the_incremental_overlap_catches_records_that_reach_oai_late(db: IndexDB) -> None:
    store = _store()
    fake = FakeOai(store)
    with fake.running():
        with _client(fake) as client:
            update_undl(db, client, today=dt.date(2023, 12, 10))
        # changed on 12-08 but published over OAI-PMH only after the 12-10 run
        store.change(_resolution(3, "A/HRC/RES/54/1", "2023-10-11", "2023-12-08T10:00:00Z"))
        fake.requests.clear()
        with _client(fake) as client:
            update_undl(db, client, today=dt.date(2023, 12, 20))
    assert db.find_un("A/HRC/RES/54/1")
    assert fake.windows_asked()[0][0] <= "2023-12-08"


def test_a_one_day_overlap_can_be_chosen(db: IndexDB) -> None:
    fake = FakeOai(_store())
    with fake.running():
        with _client(fake) as client:
            update_undl(db, client, today=dt.date(2023, 12, 10))
        fake.requests.clear()
        with _client(fake) as client:
            update_undl(db, client, today=dt.date(2023, 12, 20), overlap=dt.timedelta(days=1))
    assert fake.windows_asked() == [("2023-12-09", "2023-12-20")]


def test_a_future_until_is_clamped_to_the_run_date(db: IndexDB) -> None:
    fake = FakeOai(_store())
    with fake.running():
        with _client(fake) as client:
            report = update_undl(db, client, until="2030-01-01", today=dt.date(2024, 1, 1))
        assert report.as_of == "2024-01-01"
        fake.requests.clear()
        with _client(fake) as client:
            later = update_undl(db, client, today=dt.date(2024, 3, 1))
    assert later.windows_total > 0 and later.as_of == "2024-03-01"


def test_cli_rejects_a_future_until(tmp_path: object) -> None:
    from click.testing import CliRunner

    from citecheck.cli import main

    future = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=400)).isoformat()
    result = CliRunner().invoke(
        main,
        ["index", "update", "--source", "undl", "--until", future, "--index", "/nonexistent/x"],
    )
    assert result.exit_code == 2 and "--until is in the future" in result.stderr


# -- OAI-PMH paging ----------------------------------------------------------------------
def _listing(body: str) -> bytes:
    return (
        f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{body}'
        "</ListRecords></OAI-PMH>"
    ).encode()


def _oai_record(recid: int) -> str:
    from undl_records import marc_record

    return (
        f"<record><header><identifier>oai:digitallibrary.un.org:{recid}</identifier>"
        f"<datestamp>2011-01-0{recid}T00:00:00Z</datestamp></header>"
        f"<metadata>{marc_record(recid, [f'A/HRC/RES/17/{recid}'])}</metadata></record>"
    )


class _Stub:
    """A `PoliteClient` stand-in that answers every ListRecords with `page(i)`."""

    max_bytes = 1 << 26

    def __init__(self, page: Callable[[int], str]) -> None:
        self.page = page
        self.calls = 0

    def get(self, path: str, params: dict[str, str] | None = None) -> httpx.Response:
        self.calls += 1
        return httpx.Response(
            200, content=_listing(self.page(self.calls)), headers={"content-type": "text/xml"}
        )


def test_a_window_cut_short_of_its_complete_list_size_is_an_error() -> None:
    from citecheck.index.oaipmh import OaiClient

    stub = _Stub(
        lambda i: (
            _oai_record(1)
            + _oai_record(2)
            + '<resumptionToken completeListSize="500" cursor="0"></resumptionToken>'
        )
    )
    with pytest.raises(HarvestError, match="announced 500 records and sent 2"):
        list(OaiClient(stub).list_records("2011-01-01", "2011-01-31"))  # type: ignore[arg-type]


def test_a_window_that_adds_up_is_read_whole() -> None:
    from citecheck.index.oaipmh import OaiClient

    stub = _Stub(
        lambda i: (
            _oai_record(i)
            + (
                f'<resumptionToken completeListSize="2" cursor="0">t{i}</resumptionToken>'
                if i == 1
                else '<resumptionToken completeListSize="2" cursor="1"></resumptionToken>'
            )
        )
    )
    pages = list(OaiClient(stub).list_records("2011-01-01", "2011-01-31"))  # type: ignore[arg-type]
    assert sum(len(p.records) for p in pages) == 2


def test_endless_empty_pages_with_fresh_tokens_stop() -> None:
    from citecheck.index.oaipmh import OaiClient

    stub = _Stub(lambda i: f'<resumptionToken completeListSize="3">tok{i}</resumptionToken>')
    with pytest.raises(HarvestError, match="still paging"):
        list(OaiClient(stub).list_records("2011-01-01", "2011-01-31"))  # type: ignore[arg-type]
    assert stub.calls <= 4


def test_pages_per_window_are_capped_without_a_list_size() -> None:
    from citecheck.index.oaipmh import OaiClient

    stub = _Stub(lambda i: _oai_record(1) + f"<resumptionToken>tok{i}</resumptionToken>")
    with pytest.raises(HarvestError, match="still paging after 50 pages"):
        list(OaiClient(stub, max_pages=50).list_records("2011-01-01", "2011-01-31"))  # type: ignore[arg-type]
    assert stub.calls == 50


@pytest.mark.parametrize(
    "raw",
    ["A/51/40(Vol. II)", "A/51/40 (Vol. II)", "A/51/40(vol.II)", "A/51/40 ( VOL. II )"],
)
def test_stored_volume_symbols_are_written_as_the_extractor_writes_them(raw: str) -> None:
    from citecheck.index.oaipmh import canonical_symbol

    assert canonical_symbol(raw) == "A/51/40(Vol.II)"


def test_stored_part_symbols_are_normalised() -> None:
    from citecheck.index.oaipmh import canonical_symbol

    assert canonical_symbol("A/CONF.157/24(Part I)") == canonical_symbol("A/CONF.157/24 (Part I)")
    assert canonical_symbol("A/CONF.157/24(PART I)") == "A/CONF.157/24(PartI)"


# -- the polite HTTP client ---------------------------------------------------------------
def test_a_robots_txt_redirect_loop_ends_in_a_harvest_error() -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(301, headers={"location": "/robots.txt?lang=en"})
        return httpx.Response(200, text="ok")

    client = PoliteClient(
        "https://digitallibrary.example/",
        min_interval=0,
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
    )
    with client, pytest.raises(HarvestError, match=r"robots\.txt"):
        client.get("/oai2d", params={"verb": "Identify"})
    assert all("/robots.txt" in url for url in sent) and len(sent) <= 10


def test_a_robots_txt_redirect_on_the_host_is_followed_once() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt" and not request.url.query:
            return httpx.Response(301, headers={"location": "/robots.txt?lang=en"})
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /search\n")
        return httpx.Response(200, text="ok")

    client = PoliteClient(
        "https://digitallibrary.example/",
        min_interval=0,
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
    )
    with client:
        assert client.get("/oai2d").status_code == 200
        with pytest.raises(HarvestError, match="disallows"):
            client.get("/search")


def test_the_deadline_covers_headers_sent_byte_by_byte() -> None:
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    stop = threading.Event()
    hung_up_in_headers: list[bool] = []

    def serve() -> None:
        conn, _ = server.accept()
        conn.recv(65536)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Pad: " + b"a" * 200
        try:
            for byte in head:
                if stop.wait(0.05):
                    break
                conn.send(bytes([byte]))
            conn.send(b"\r\nContent-Length: 2\r\n\r\nok")
            hung_up_in_headers.append(False)
        except OSError:  # the client closed the connection while the headers trickled
            hung_up_in_headers.append(True)
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    client = PoliteClient(
        f"http://127.0.0.1:{port}/",
        min_interval=0,
        retries=0,
        timeout=30.0,
        deadline=0.5,
        obey_robots=False,
    )
    try:
        with client, pytest.raises(HarvestError, match=r"no complete reply within 0\.5 s"):
            client.get("/oai2d")
        thread.join(timeout=30)  # the server notices the hang-up at its next byte
        assert hung_up_in_headers == [True]
    finally:
        stop.set()
        server.close()
        thread.join(timeout=10)
