"""A loopback server that replays the formats of UNDL, ODS and Cellar, with injectable faults.

All four base URLs point at it (one host), routed by path:
`/search` (UNDL MARCXML), `/api/symbol/access` (ODS), `/webapi/rdf/sparql` (SPARQL JSON),
`/resource/{celex,ecli,cellar}/...` (Cellar REST).  The UNDL search is deliberately fuzzy:
a phrase also matches records whose symbol merely starts with it, as a real search may.
"""

from __future__ import annotations

import bisect
import json
import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.sax.saxutils import escape

import attrs
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures" / "sources"
SHARED = REPO.parent / "shared" / "fixtures"
MARC_NS = "http://www.loc.gov/MARC21/slim"
XSD = "http://www.w3.org/2001/XMLSchema#"
SPARQL_PATH = "/webapi/rdf/sparql"


def shared(relpath: str) -> Path:
    """A recorded file from ../shared/fixtures, or skip the test when it is absent."""
    import pytest

    path = SHARED / relpath
    if not path.exists():
        pytest.skip("../shared/fixtures not present")
    return path


def skey(symbol: str) -> str:
    return re.sub(r"[\s\[\]]", "", symbol).casefold()


@attrs.define
class Fault:
    """Misbehaviour applied to the next `times` requests whose path starts with `prefix`.

    kinds: status (with optional retry_after), empty202, waf, truncate, reset, offhost,
    html200, slow (sleeps `delay` seconds before answering normally).
    """

    kind: str
    prefix: str = "/"
    times: int = 1  # -1: forever
    status: int = 500
    retry_after: str | None = None
    delay: float = 0.0


_OWN_SYMBOL = (("191", "a"),)
_DOCUMENT_SYMBOL = (("191", "a"), ("191", "z"), ("791", "a"), ("019", "a"))


@attrs.define
class FakeData:
    """What the fake services know."""

    records: dict[str, str] = attrs.field(factory=dict)  # symbol key -> <record> XML
    symbols: dict[str, str] = attrs.field(factory=dict)  # symbol key -> symbol as catalogued
    ods_only: set[str] = attrs.field(factory=set)  # symbol keys ODS has but UNDL has not
    works: dict[str, dict[str, str]] = attrs.field(factory=dict)  # celex -> work
    no_datastream: set[str] = attrs.field(factory=set)

    @classmethod
    def from_fixtures(cls) -> FakeData:
        data = cls()
        root = etree.parse(str(FIXTURES / "undl_records.xml")).getroot()
        for rec in root.iterfind(f"{{{MARC_NS}}}record"):
            xml = etree.tostring(rec, encoding="unicode")
            for sub in rec.iterfind(
                f"{{{MARC_NS}}}datafield[@tag='191']/{{{MARC_NS}}}subfield[@code='a']"
            ):
                data.records[skey(sub.text or "")] = xml
                data.symbols[skey(sub.text or "")] = sub.text or ""
        table = json.loads((FIXTURES / "cellar_works.json").read_text(encoding="utf-8"))
        for work in table["works"]:
            data.works[work["celex"]] = work
        data.no_datastream.update(table["no_datastream"])
        return data

    def add_un(
        self, symbol: str, title: str = "Generated record", date: str = "2020-01-01"
    ) -> None:
        recid = str(100000 + len(self.records))
        self.records[skey(symbol)] = (
            f'<record xmlns="{MARC_NS}"><controlfield tag="001">{recid}</controlfield>'
            f'<datafield tag="041" ind1=" " ind2=" "><subfield code="a">eng</subfield></datafield>'
            f'<datafield tag="191" ind1=" " ind2=" "><subfield code="a">{escape(symbol)}</subfield>'
            f'</datafield><datafield tag="245" ind1=" " ind2=" "><subfield code="a">{escape(title)}'
            f'</subfield></datafield><datafield tag="269" ind1=" " ind2=" "><subfield code="a">'
            f"{date}</subfield></datafield></record>"
        )
        self.symbols[skey(symbol)] = symbol

    def add_work(self, celex: str, title: str = "Generated act", date: str = "2020-01-01") -> None:
        self.works[celex] = {
            "celex": celex,
            "uuid": f"uuid-{celex.lower()}",
            "date": date,
            "title": title,
        }


class FakeServer:
    """Start with `with FakeServer(data).running() as fake:`; `fake.base` is its URL."""

    def __init__(self, data: FakeData | None = None, latency: float = 0.0) -> None:
        self.data = data or FakeData.from_fixtures()
        self.latency = latency
        self.faults: list[Fault] = []
        self.log: list[str] = []  # request paths with query, in order
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._httpd is not None
        port = self._httpd.server_address[1]
        return f"http://127.0.0.1:{port}"

    def urls(self) -> dict[str, str]:
        """Settings overrides pointing every source here."""
        return {
            "undl_url": self.base,
            "ods_url": self.base,
            "cellar_url": self.base,
            "sparql_url": self.base + SPARQL_PATH,
        }

    def env(self, cache_dir: Path | str, **extra: str) -> dict[str, str]:
        """Environment for a CLI run against this server: every source here, a private
        cache, no politeness waits; ``extra`` adds or overrides variables."""
        return {
            "CITECHECK_UNDL_URL": self.base,
            "CITECHECK_ODS_URL": self.base,
            "CITECHECK_CELLAR_URL": self.base,
            "CITECHECK_SPARQL_URL": self.base + SPARQL_PATH,
            "CITECHECK_CACHE_DIR": str(cache_dir),
            "CITECHECK_RATE_PER_HOST": "0",
            "CITECHECK_BACKOFF": "0",
            **extra,
        }

    def fault(self, kind: str, prefix: str = "/", times: int = 1, **kw: Any) -> None:
        with self._lock:
            self.faults.append(Fault(kind, prefix, times, **kw))

    def requests_to(self, prefix: str) -> list[str]:
        with self._lock:
            return [p for p in self.log if p.startswith(prefix)]

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            self.log.append(path)
            for f in self.faults:
                if f.times != 0 and path.startswith(f.prefix):
                    if f.times > 0:
                        f.times -= 1
                    return f
        return None

    @contextmanager
    def running(self) -> Iterator[FakeServer]:
        server = self

        class Handler(_Handler):
            fake = server

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._httpd.shutdown()
            self._httpd.server_close()
            thread.join(5)

    # ---- replies -------------------------------------------------------------------------

    def search(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        p = query.get("p", [""])[0]
        rg = int(query.get("rg", ["10"])[0])
        jrec = int(query.get("jrec", ["1"])[0])
        hits: dict[str, None] = {}
        # `191__a:"X"` searches 191 $a; `documentsymbol:"X"` 191 $a, 191 $z, 791 $a and 019 $a
        for field, tags in (("191__a", _OWN_SYMBOL), ("documentsymbol", _DOCUMENT_SYMBOL)):
            entries = self._symbol_entries(tags)
            keys = [k for k, _ in entries]
            for phrase in re.findall(rf'(?<![\w.]){field}:"([^"]+)"', p):
                k = skey(phrase)
                i = bisect.bisect_left(keys, k)
                while i < len(keys) and keys[i].startswith(k):  # fuzzy, like a real search
                    hits[entries[i][1]] = None
                    i += 1
        page = list(hits)[jrec - 1 : jrec - 1 + rg]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<!-- Search-Engine-Total-Number-Of-Results: {len(hits)} -->\n"
            f'<collection xmlns="{MARC_NS}">\n' + "\n".join(page) + "\n</collection>\n"
        )
        return 200, {"Content-Type": "application/xml; charset=utf-8"}, body.encode()

    def _symbol_entries(self, tags: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        """(symbol key, record XML) for every subfield of `tags` in every record, sorted."""
        entries: set[tuple[str, str]] = set()
        for xml in self.data.records.values():
            rec = etree.fromstring(xml.encode())
            for tag, code in tags:
                for sub in rec.iterfind(
                    f"{{{MARC_NS}}}datafield[@tag='{tag}']/{{{MARC_NS}}}subfield[@code='{code}']"
                ):
                    if sub.text:
                        entries.add((skey(sub.text), xml))
        return sorted(entries)

    def ods(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        symbol = query.get("s", [""])[0]
        k = skey(symbol)
        if k in self.data.records or k in self.data.ods_only:
            name = symbol.replace("/", "_").replace(" ", "_")
            return 302, {"Location": f"/doc/UNDOC/GEN/{quote(name)}.pdf"}, b""
        page = (FIXTURES / "ods_not_found.html").read_bytes()
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page

    def sparql(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        text = query.get("query", [""])[0]
        m = re.search(r"VALUES\s+\?(\w+)\s*\{([^}]*)\}", text)
        rows: list[dict[str, Any]] = []
        if m:
            var, values = m.group(1), re.findall(r'"([^"]*)"', m.group(2))
            for value in values:
                work = self._find_work(var, value)
                if work is None:
                    continue
                row: dict[str, Any] = {
                    var: {"type": "literal", "value": value},
                    "celex": {
                        "type": "typed-literal",
                        "datatype": XSD + "string",
                        "value": work["celex"],
                    },
                    "date": {
                        "type": "typed-literal",
                        "datatype": XSD + "date",
                        "value": work["date"],
                    },
                }
                if work.get("eli"):
                    row["eli"] = {
                        "type": "typed-literal",
                        "datatype": XSD + "anyURI",
                        "value": work["eli"],
                    }
                if work.get("ecli") and var == "celex":
                    row["ecli"] = {"type": "literal", "value": work["ecli"]}
                if work.get("in_force"):
                    row["inforce"] = {
                        "type": "typed-literal",
                        "datatype": XSD + "boolean",
                        "value": work["in_force"],
                    }
                if work.get("end_of_validity"):
                    row["eov"] = {
                        "type": "typed-literal",
                        "datatype": XSD + "date",
                        "value": work["end_of_validity"],
                    }
                rows.append(row)
                for repealer in (work.get("repealed_by") or "").split():
                    # one row per repealing act, as the OPTIONAL join produces
                    rows.append({var: row[var], "repealer": {"type": "literal", "value": repealer}})
                if work.get("title"):  # a second row, as OPTIONAL joins produce
                    rows.append(
                        {
                            var: row[var],
                            "title": {"type": "literal", "xml:lang": "en", "value": work["title"]},
                        }
                    )
        body = {
            "head": {"link": [], "vars": [m.group(1) if m else "x"]},
            "results": {"distinct": False, "ordered": True, "bindings": rows},
        }
        return 200, {"Content-Type": "application/sparql-results+json"}, json.dumps(body).encode()

    def _find_work(self, var: str, value: str) -> dict[str, str] | None:
        if var == "celex":
            return self.data.works.get(value)
        for work in self.data.works.values():
            if work.get("ecli") == value:
                return work
        return None

    def cellar(self, path: str) -> tuple[int, dict[str, str], bytes]:
        parts = path.split("/", 3)  # ['', 'resource', system, id]
        if len(parts) < 4:
            return 400, {}, b"bad request"
        system, ident = parts[2], unquote(parts[3])
        if system == "cellar":
            for known in self.data.works.values():
                if known["uuid"] == ident:
                    return 200, {"Content-Type": "application/xml;notice=object"}, notice(known)
            return 404, {}, f"Resource [system 'cellar' - id '{ident}'] not found.".encode()
        if system == "celex" and ident in self.data.no_datastream:
            msg = f"The work [celex:{ident}] does not hold a content datastream for that format"
            return 404, {}, msg.encode()
        work = self._find_work("celex" if system == "celex" else "key", ident)
        if work is None:
            return 404, {}, f"Resource [system '{system}' - id '{ident}'] not found.".encode()
        return 303, {"Location": f"/resource/cellar/{work['uuid']}"}, b""


def notice(work: dict[str, str]) -> bytes:
    """An object notice for `work`, in the Cellar form (WORK only, as for a work URI)."""
    eli = (
        f'<RESOURCE_LEGAL_ELI type="data"><VALUE>{work["eli"]}</VALUE></RESOURCE_LEGAL_ELI>'
        if work.get("eli")
        else ""
    )
    if work.get("ecli"):
        eli += f'<CASE-LAW_ECLI type="data"><VALUE>{work["ecli"]}</VALUE></CASE-LAW_ECLI>'
    if work.get("in_force"):
        eli += f'<RESOURCE_LEGAL_IN-FORCE type="data"><VALUE>{work["in_force"]}</VALUE>'
        eli += "</RESOURCE_LEGAL_IN-FORCE>"
    if work.get("end_of_validity"):
        eli += '<RESOURCE_LEGAL_DATE_END-OF-VALIDITY type="date">'
        eli += f'<VALUE>{work["end_of_validity"]}</VALUE></RESOURCE_LEGAL_DATE_END-OF-VALIDITY>'
    for repealer in (work.get("repealed_by") or "").split():
        eli += (
            '<RESOURCE_LEGAL_REPEALED_BY_RESOURCE_LEGAL type="link"><SAMEAS><URI>'
            f"<VALUE>http://publications.europa.eu/resource/celex/{repealer}</VALUE>"
            f"<IDENTIFIER>{repealer}</IDENTIFIER><TYPE>celex</TYPE>"
            "</URI></SAMEAS></RESOURCE_LEGAL_REPEALED_BY_RESOURCE_LEGAL>"
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<NOTICE decoding="eng" type="object"><WORK>'
        f'<WORK_DATE_DOCUMENT type="date"><VALUE>{work["date"]}</VALUE></WORK_DATE_DOCUMENT>'
        '<RESOURCE_LEGAL_ID_CELEX type="data">'
        f"<VALUE>{work['celex']}</VALUE></RESOURCE_LEGAL_ID_CELEX>"
        f"{eli}</WORK></NOTICE>\n"
    )
    return xml.encode()


class _QuietServer(ThreadingHTTPServer):
    """Clients that gave up (timeouts under test) are expected: no traceback for them.

    The listen backlog is raised from socketserver's 5: with more new connections at once,
    dropped SYNs were retried by the kernel after a fixed delay and made benchmark runs
    bimodal (0.6 s or 1.2 s for the same work).
    """

    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body in two writes stall on delayed ACK

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        if split.path == "/_stats":  # for benchmarks running the fake in another process
            body = json.dumps({"requests": len(self.fake.log)}).encode()
            self._send(200, {"Content-Type": "application/json"}, body)
            return
        fault = self.fake.take_fault(self.path)
        if self.fake.latency:
            time.sleep(self.fake.latency)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
            fault = None
        if fault is not None and fault.kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if fault is not None and fault.kind != "truncate":
            self._send(*_fault_reply(fault))
            return
        query = parse_qs(split.query)
        if split.path == "/search":
            status, headers, body = self.fake.search(query)
        elif split.path == "/api/symbol/access":
            status, headers, body = self.fake.ods(query)
        elif split.path == SPARQL_PATH:
            status, headers, body = self.fake.sparql(query)
        elif split.path.startswith("/resource/"):
            status, headers, body = self.fake.cellar(split.path)
        elif split.path.startswith("/doc/"):
            status, headers, body = 200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"
        else:
            status, headers, body = 404, {"Content-Type": "text/plain"}, b"no such path"
        if fault is not None:  # truncate: well-formed HTTP, half a document
            body = body[: len(body) // 2]
        self._send(status, headers, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _fault_reply(fault: Fault) -> tuple[int, dict[str, str], bytes]:
    if fault.kind == "status":
        headers = {"Content-Type": "text/plain"}
        if fault.retry_after is not None:
            headers["Retry-After"] = fault.retry_after
        return fault.status, headers, b"temporarily unavailable"
    if fault.kind == "empty202":
        return 202, {"Content-Type": "text/html; charset=UTF-8"}, b""
    if fault.kind == "waf":
        return (
            202,
            {"Content-Type": "text/html; charset=UTF-8", "x-amzn-waf-action": "challenge"},
            b"",
        )
    if fault.kind == "offhost":
        return 303, {"Location": "http://elsewhere.invalid/resource/cellar/x"}, b""
    if fault.kind == "html200":
        return 200, {"Content-Type": "text/html"}, b"<html><body>Service maintenance</body></html>"
    raise ValueError(f"unknown fault {fault.kind}")
