"""A loopback OAI-PMH 2.0 server that answers as the UN Digital Library's Invenio does.

A real HTTP server on 127.0.0.1 in a thread: `Identify`; `ListRecords` with
`metadataPrefix=marcxml`, `from`/`until` filtering on the record's datestamp (its last
change), resumption tokens held server-side with a small page size (the token alone on
follow-ups, an empty token on the last page), `noRecordsMatch`, `badResumptionToken`
(unknown or expired tokens), deleted records (`status="deleted"` headers);
`/robots.txt` with `Crawl-delay` and `Disallow: /search`; and faults on demand: 503 with
`Retry-After`, a hard 500 in chosen windows, an HTML error page, malformed XML, a body
trickled byte by byte, a redirect off the host.  Every request is counted in `requests`.

Run alone for benchmarks: ``python tests/index/oai_fake.py --synthetic 1000000`` prints
``PORT <n>`` and serves until stdin closes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from undl_records import FakeRecord, sample_records, synthetic_record

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
ROBOTS = "User-agent: *\nDisallow: /search\nDisallow: /rss\nCrawl-delay: 5\n"
HTML_ERROR = (
    b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
    b"<body><h1>We are sorry, the service is temporarily unavailable.</h1></body></html>"
)


class RecordStore(Protocol):
    earliest: str

    def select(self, start: str, until: str) -> list[int]: ...

    def get(self, recid: int) -> FakeRecord: ...


class ListStore:
    """Explicit records, changed and deleted by the test."""

    def __init__(self, records: list[FakeRecord], earliest: str = "2011-01-01") -> None:
        self.records = {r.recid: r for r in records}
        self.earliest = earliest

    def select(self, start: str, until: str) -> list[int]:
        hits = [r for r in self.records.values() if start <= r.datestamp[:10] <= until]
        return [r.recid for r in sorted(hits, key=lambda r: (r.datestamp, r.recid))]

    def get(self, recid: int) -> FakeRecord:
        return self.records[recid]

    def change(self, record: FakeRecord) -> None:
        self.records[record.recid] = record

    def delete(self, recid: int, datestamp: str) -> None:
        self.records[recid] = FakeRecord(recid, datestamp, None)


class SyntheticStore:
    """`n` synthetic records, `per_day` changed each day from `start`; overrides on top."""

    def __init__(self, n: int, start: str = "2015-01-01", per_day: int = 1000) -> None:
        self.n = n
        self.start = dt.date.fromisoformat(start)
        self.per_day = per_day
        self.earliest = start
        self.overrides: dict[int, FakeRecord] = {}

    def _stamp(self, recid: int) -> str:
        day = self.start + dt.timedelta(days=(recid - 1) // self.per_day)
        return f"{day.isoformat()}T{(recid % 86400) // 3600:02d}:00:00Z"

    def select(self, start: str, until: str) -> list[int]:
        first = (dt.date.fromisoformat(start) - self.start).days * self.per_day + 1
        last = ((dt.date.fromisoformat(until) - self.start).days + 1) * self.per_day
        base = [r for r in range(max(first, 1), min(last, self.n) + 1) if r not in self.overrides]
        moved = [r for r, rec in self.overrides.items() if start <= rec.datestamp[:10] <= until]
        return base + sorted(moved)

    def get(self, recid: int) -> FakeRecord:
        if recid in self.overrides:
            return self.overrides[recid]
        return synthetic_record(recid, self._stamp(recid))

    def change(self, recid: int, datestamp: str, deleted: bool = False) -> None:
        rec = synthetic_record(recid, datestamp)
        self.overrides[recid] = FakeRecord(recid, datestamp, None if deleted else rec.marc)


def _envelope(body: str, request: str = "") -> bytes:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ '
        'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
        f"<responseDate>{now}</responseDate>{request}{body}</OAI-PMH>"
    ).encode()


def _error(code: str, text: str) -> bytes:
    return _envelope(f'<error code="{code}">{text}</error>')


def _record_xml(rec: FakeRecord) -> str:
    ident = f"oai:digitallibrary.un.org:{rec.recid}"
    if rec.marc is None:
        return (
            f'<record><header status="deleted"><identifier>{ident}</identifier>'
            f"<datestamp>{rec.datestamp}</datestamp></header></record>"
        )
    return (
        f"<record><header><identifier>{ident}</identifier>"
        f"<datestamp>{rec.datestamp}</datestamp><setSpec>undl</setSpec></header>"
        f"<metadata>{rec.marc}</metadata></record>"
    )


class FakeOai:
    """The server and its knobs; use `with FakeOai(...).running() as fake:`."""

    def __init__(self, store: RecordStore | None = None, page_size: int = 3) -> None:
        self.store: RecordStore = store if store is not None else ListStore(sample_records())
        self.page_size = page_size
        self.robots: str | None = "User-agent: *\nDisallow: /search\nDisallow: /rss\n"
        self.robots_status = 200
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.tokens: dict[str, tuple[list[int], int]] = {}
        self.busy = 0  # answer the next N OAI requests 503 with Retry-After
        self.retry_after = "7"
        self.fail_windows: set[str] = set()  # `from` values answered 500, every time
        self.html_windows: set[str] = set()  # `from` values answered with an HTML page
        self.malformed_windows: set[str] = set()  # second page of these is malformed XML
        self.expire_next_token = 0  # forget the next N tokens presented
        self._windows: dict[str, str] = {}  # token -> `from` of its window
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        self.port = 0

    # -- helpers for tests -----------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def oai_requests(self) -> list[dict[str, str]]:
        return [p for path, p in self.requests if path == "/oai2d"]

    def windows_asked(self) -> list[tuple[str, str]]:
        return [
            (p["from"], p["until"])
            for p in self.oai_requests()
            if p.get("verb") == "ListRecords" and "from" in p
        ]

    @contextmanager
    def running(self) -> Iterator[FakeOai]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()  # headers and body leave in separate writes: no Nagle delay
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                fake._handle(self)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)

    # -- serving ---------------------------------------------------------------------------
    def _send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        kind: str = "text/xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        url = urlsplit(h.path)
        params = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        with self._lock:
            self.requests.append((url.path, params))
        if url.path == "/robots.txt":
            if self.robots_status != 200:
                self._send(h, self.robots_status, b"unavailable", "text/plain")
            elif self.robots is None:
                self._send(h, 404, b"not found", "text/plain")
            else:
                self._send(h, 200, self.robots.encode(), "text/plain")
            return
        if url.path == "/trickle":  # one byte every 50 ms, 200 bytes at most
            h.send_response(200)
            h.send_header("Content-Type", "text/xml")
            h.send_header("Content-Length", "200")
            h.end_headers()
            try:
                for _ in range(200):
                    h.wfile.write(b" ")
                    h.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            return
        if url.path == "/away":
            self._send(h, 302, b"", "text/plain", {"Location": "http://192.0.2.1/elsewhere"})
            return
        if url.path == "/hop":
            self._send(h, 302, b"", "text/plain", {"Location": "/oai2d?verb=Identify"})
            return
        if url.path != "/oai2d":
            self._send(h, 404, b"not found", "text/plain")
            return
        with self._lock:
            if self.busy > 0:
                self.busy -= 1
                self._send(h, 503, b"busy", "text/plain", {"Retry-After": self.retry_after})
                return
        params_from = params.get("from") if "resumptionToken" not in params else None
        if params_from in self.fail_windows:
            self._send(h, 500, b"Internal Server Error", "text/plain")
        elif params_from in self.html_windows:
            self._send(h, 200, HTML_ERROR, "text/html; charset=utf-8")
        else:
            self._send(h, 200, self._oai(params))

    def _oai(self, params: dict[str, str]) -> bytes:
        verb = params.get("verb")
        if verb == "Identify":
            return _envelope(
                "<Identify><repositoryName>UN Digital Library (fake)</repositoryName>"
                "<baseURL>http://127.0.0.1/oai2d</baseURL><protocolVersion>2.0</protocolVersion>"
                "<adminEmail>nobody@example.org</adminEmail>"
                f"<earliestDatestamp>{self.store.earliest}T00:00:00Z</earliestDatestamp>"
                "<deletedRecord>transient</deletedRecord>"
                "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>"
            )
        if verb != "ListRecords":
            return _error("badVerb", "Illegal OAI verb")
        token = params.get("resumptionToken")
        if token is not None:
            if set(params) != {"verb", "resumptionToken"}:
                return _error("badArgument", "resumptionToken is an exclusive argument")
            with self._lock:
                held = self.tokens.pop(token, None)
                if self.expire_next_token > 0 and held is not None:
                    self.expire_next_token -= 1
                    held = None
            if held is None:
                return _error("badResumptionToken", "The value of the resumptionToken is invalid")
            ids, cursor = held
            return self._page(ids, cursor, self._windows.pop(token, ""))
        if params.get("metadataPrefix") != "marcxml":
            return _error("cannotDisseminateFormat", "unknown metadataPrefix")
        start, until = params.get("from", "0000-01-01"), params.get("until", "9999-12-31")
        ids = self.store.select(start, until)
        if not ids:
            return _error("noRecordsMatch", "No records match")
        return self._page(ids, 0, start)

    def _page(self, ids: list[int], cursor: int, window: str) -> bytes:
        chunk = ids[cursor : cursor + self.page_size]
        if cursor > 0 and window in self.malformed_windows:
            return _envelope("<ListRecords><record><header><identifier>oai:x")[:-20]
        body = "".join(_record_xml(self.store.get(r)) for r in chunk)
        nxt = cursor + len(chunk)
        if nxt < len(ids):
            token = f"___{next(self._counter):06x}yid"
            with self._lock:
                self.tokens[token] = (ids, nxt)
                self._windows[token] = window
            body += (
                f'<resumptionToken completeListSize="{len(ids)}" cursor="{cursor}" '
                f'expirationDate="2099-01-01T00:00:00Z">{token}</resumptionToken>'
            )
        elif cursor > 0:
            body += f'<resumptionToken completeListSize="{len(ids)}" cursor="{cursor}"/>'
        return _envelope(f"<ListRecords>{body}</ListRecords>")


def main() -> None:
    """Serve synthetic records from a separate process (for benchmarks)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=int, default=1000)
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--page-size", type=int, default=500)
    args = ap.parse_args()
    store = SyntheticStore(args.synthetic, per_day=args.per_day)
    fake = FakeOai(store, page_size=args.page_size)
    fake.robots = None
    with fake.running():
        print(f"PORT {fake.port}", flush=True)
        for line in sys.stdin:  # "change FIRST COUNT DAY" marks records changed on DAY
            parts = line.split()
            if parts[:1] == ["change"]:
                first, count, day = int(parts[1]), int(parts[2]), parts[3]
                for recid in range(first, first + count):
                    store.change(recid, f"{day}T12:00:00Z", deleted=recid % 10 == 0)
                print("OK", flush=True)
            elif parts[:1] == ["requests"]:
                print(f"REQUESTS {len(fake.requests)}", flush=True)


if __name__ == "__main__":
    main()
