"""A loopback SPARQL endpoint that answers like the Cellar's, with injectable faults.

A real HTTP server on 127.0.0.1 in a thread; every GET or POST ``query=`` is run by a real
SPARQL engine (pyoxigraph, in memory) over `fixtures/index/cellar_acts.ttl` plus generated
acts, and answered as ``application/sparql-results+json``.  Faults can be queued for given
request numbers: ``503`` (with ``Retry-After``), ``malformed`` (truncated JSON), ``html`` (an
error page with status 200), ``vars`` (valid JSON with other variables).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "fixtures" / "index" / "cellar_acts.ttl"
CDM = "http://publications.europa.eu/ontology/cdm#"
CMR = "http://publications.europa.eu/ontology/cdm/cmr#"
XSD = "http://www.w3.org/2001/XMLSchema#"
CELLAR = "http://publications.europa.eu/resource/cellar/"
RESOURCE_TYPE = "http://publications.europa.eu/resource/authority/resource-type/"
ENG = "http://publications.europa.eu/resource/authority/language/ENG"
PREFIXES = f"PREFIX cdm: <{CDM}>\nPREFIX cmr: <{CMR}>\nPREFIX xsd: <{XSD}>\n"


def generated_celex(i: int) -> str:
    """The i-th generated regulation: 300 of them over 2001-2010."""
    return f"3{2001 + i % 10}R{i + 1:04d}"


def generated_acts(count: int = 300) -> str:
    """N-Triples for `count` regulations shaped like Cellar works; every 7th is not in force."""
    lines = []
    for i in range(count):
        celex = generated_celex(i)
        year = 2001 + i % 10
        work = f"<{CELLAR}00000000-0000-4000-9000-{i:012d}>"
        expr = f"<{CELLAR}00000000-0000-4000-9000-{i:012d}.0006>"
        force = "0" if i % 7 == 0 else "1"
        end = f"{year + 5}-12-31" if force == "0" else "9999-12-31"
        lines += [
            f'{work} <{CDM}resource_legal_id_celex> "{celex}"^^<{XSD}string> .',
            f'{work} <{CDM}resource_legal_id_sector> "3"^^<{XSD}string> .',
            f"{work} <{CDM}work_has_resource-type> <{RESOURCE_TYPE}REG> .",
            f'{work} <{CDM}work_date_document> "{year}-0{1 + i % 9}-1{i % 10}"^^<{XSD}date> .',
            f'{work} <{CDM}resource_legal_eli> "http://data.europa.eu/eli/reg/{year}/{i + 1}/oj" .',
            f'{work} <{CDM}resource_legal_in-force> "{force}" .',
            f'{work} <{CDM}resource_legal_date_end-of-validity> "{end}"^^<{XSD}date> .',
            f"{expr} <{CDM}expression_belongs_to_work> {work} .",
            f"{expr} <{CDM}expression_uses_language> <{ENG}> .",
            f'{expr} <{CDM}expression_title> "Generated Regulation {celex}"@en .',
        ]
    return "\n".join(lines) + "\n"


def cellar_store(generated: int = 300) -> ox.Store:
    """The fixture's works plus `generated` acts, in a fresh in-memory store."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    store.load(generated_acts(generated).encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


_HTML = b"<!DOCTYPE html><html><head><title>Error</title></head><body>Busy</body></html>"


class SparqlFake:
    """The endpoint: ``url`` for the client, ``queries`` as received, ``faults`` by number."""

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else cellar_store()
        self.queries: list[str] = []
        self.requests = 0
        self.faults: dict[int, tuple[str, str]] = {}  # request number -> (kind, argument)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/webapi/rdf/sparql"

    def fail(self, request: int, kind: str, argument: str = "") -> None:
        """Answer request number `request` (1-based, counted from now on) with a fault."""
        self.faults[self.requests + request] = (kind, argument)

    def update(self, sparql_update: str) -> None:
        """Change the data as the Cellar would between two harvests."""
        self.store.update(PREFIXES + sparql_update)

    def start(self) -> SparqlFake:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _answer(self, query: str) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.requests += 1
            self.queries.append(query)
            fault = self.faults.pop(self.requests, None)
        if fault is not None:
            kind, argument = fault
            if kind == "503":
                return 503, {"Retry-After": argument or "0", "Content-Type": "text/plain"}, b""
            if kind == "html":
                return 200, {"Content-Type": "text/html; charset=utf-8"}, _HTML
            if kind == "vars":
                body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
                return 200, {"Content-Type": "application/sparql-results+json"}, body
        try:
            solutions = self.store.query(query)
        except SyntaxError as exc:
            return 400, {"Content-Type": "text/plain"}, str(exc).encode()
        if not isinstance(solutions, ox.QuerySolutions):
            return 400, {"Content-Type": "text/plain"}, b"only SELECT is served"
        body = solutions.serialize(format=ox.QueryResultsFormat.JSON)
        if fault is not None and fault[0] == "malformed":
            body = body[: max(1, len(body) // 2)]
        return 200, {"Content-Type": "application/sparql-results+json"}, body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _reply(self, query: str | None) -> None:
                if query is None:
                    status, headers, body = 400, {"Content-Type": "text/plain"}, b"no query"
                else:
                    status, headers, body = fake._answer(query)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                params = parse_qs(urlsplit(self.path).query)
                self._reply(params.get("query", [None])[0])

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode("utf-8")
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("application/sparql-query"):
                    self._reply(raw)
                else:
                    self._reply(parse_qs(raw).get("query", [None])[0])

        return Handler


@contextmanager
def running(store: ox.Store | None = None) -> Iterator[SparqlFake]:
    """A started fake, stopped afterwards."""
    fake = SparqlFake(store).start()
    try:
        yield fake
    finally:
        fake.stop()
