"""A tiny loopback stand-in for the UN Digital Library, ODS and Cellar, for the LSP tests.

It knows a few UN symbols and CELEX numbers and answers like the real services: a MARC
collection (possibly empty) for `/search`, 404 for ODS, SPARQL JSON rows for known CELEX
numbers and the Cellar "not found" body for the rest.  Searches for `A/HRC/99/...` answer
503, as an unreachable library would.  No internet is involved.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

MARC_NS = "http://www.loc.gov/MARC21/slim"
SPARQL_PATH = "/sparql"

UN_RECORDS = {  # symbol -> (title, date)
    "A/HRC/17/31": ("Guiding Principles on Business and Human Rights", "2011-03-21"),
}
CELEX_WORKS = {  # celex -> (title, date)
    "32020D1999": (
        "Council Decision (CFSP) 2020/1999 concerning restrictive measures",
        "2020-12-07",
    ),
}


def _key(symbol: str) -> str:
    return re.sub(r"\s", "", symbol).casefold()


def _record(recid: int, symbol: str, title: str, date: str) -> str:
    return (
        f'<record xmlns="{MARC_NS}"><controlfield tag="001">{recid}</controlfield>'
        f'<datafield tag="191" ind1=" " ind2=" "><subfield code="a">{escape(symbol)}</subfield>'
        f'</datafield><datafield tag="245" ind1=" " ind2=" "><subfield code="a">{escape(title)}'
        f'</subfield></datafield><datafield tag="269" ind1=" " ind2=" "><subfield code="a">'
        f"{date}</subfield></datafield></record>"
    )


class _Handler(BaseHTTPRequestHandler):
    log: list[str]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        self.log.append(self.path)
        if url.path == "/search" and "A/HRC/99/" in query.get("p", [""])[0]:
            self._send(503, "text/plain", b"Service Unavailable")  # an unreachable library
        elif url.path == "/search":
            # `documentsymbol` covers 191 $a, 191 $z and 791 $a; these records have only 191 $a
            phrases = re.findall(r'(?:191__a|documentsymbol):"([^"]+)"', query.get("p", [""])[0])
            wanted = {_key(p) for p in phrases}
            hits = [
                _record(1000 + i, sym, *meta)
                for i, (sym, meta) in enumerate(UN_RECORDS.items())
                if _key(sym) in wanted
            ]
            body = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<!-- Search-Engine-Total-Number-Of-Results: {len(hits)} -->\n"
                f'<collection xmlns="{MARC_NS}">' + "".join(hits) + "</collection>\n"
            )
            self._send(200, "application/xml; charset=utf-8", body.encode())
        elif url.path == SPARQL_PATH:
            text = query.get("query", [""])[0]
            rows = []
            for celex in re.findall(r'"([0-9A-Z()]+)"', text):
                if celex in CELEX_WORKS:
                    title, date = CELEX_WORKS[celex]
                    rows.append(
                        {
                            "celex": {"type": "literal", "value": celex},
                            "date": {"type": "literal", "value": date},
                            "title": {"type": "literal", "value": title},
                        }
                    )
            body = {"head": {"vars": ["celex"]}, "results": {"bindings": rows}}
            self._send(200, "application/sparql-results+json", json.dumps(body).encode())
        elif url.path.startswith("/resource/"):
            parts = url.path.split("/", 3)
            system, ident = (parts[2], parts[3]) if len(parts) == 4 else ("?", "?")
            msg = f"Resource [system '{system}' - id '{ident}'] not found."
            self._send(404, "text/plain", msg.encode())
        else:  # ODS and anything else: no file
            self._send(404, "text/html", b"<html><body>Not found</body></html>")


@contextmanager
def running() -> Iterator[tuple[str, list[str]]]:
    """Serve on 127.0.0.1 (random port); yields (base URL, log of request paths)."""
    log: list[str] = []
    handler = type("Handler", (_Handler,), {"log": log})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = httpd.server_address[:2]
        yield f"http://{host}:{port}", log
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
