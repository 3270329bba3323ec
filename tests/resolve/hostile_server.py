"""A hostile upstream on 127.0.0.1: a real socket server that misbehaves in one chosen way.

It speaks HTTP/1.1 by hand (the misbehaviour is at the byte level, below what a friendly
framework lets a handler do) and answers Cellar paths in Cellar's formats:

* ``trickle``: a well-formed 200 notice, one byte every ``interval`` seconds;
* ``hang``: accepts, reads the request, never answers;
* ``wrong-id``: SPARQL has no bindings; every REST notice names ``other`` instead of the id asked;
* ``redirect-other``: a REST request for any CELEX is sent (303) to ``other``'s notice;
* ``no-location``: every request gets a 302 without a Location;
* ``loop``: every request gets a 302 to a second path, which redirects back;
* ``oversized``: a chunked 200 body (no Content-Length) that goes on far past any limit.

The server is bounded: it stops by itself after ``max_seconds`` or ``max_connections``, and
every wait in it is on the stop event, so leaving the ``with`` block ends it at once. It
notes how long each client connection stays open (``longest_held``), so a test can tell a
client that never gives up from one that is merely slow.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from types import TracebackType
from urllib.parse import unquote, urlsplit

MODES = ("trickle", "hang", "wrong-id", "redirect-other", "no-location", "loop", "oversized")
SPARQL_PATH = "/webapi/rdf/sparql"
NO_BINDINGS = json.dumps({"head": {"vars": ["celex"]}, "results": {"bindings": []}}).encode()


def notice(celex: str, title: str) -> bytes:
    """A Cellar object notice (WORK and EXPRESSION) for `celex`."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<NOTICE decoding="eng" type="object"><WORK>'
        '<WORK_DATE_DOCUMENT type="date"><VALUE>2016-04-27</VALUE></WORK_DATE_DOCUMENT>'
        f'<RESOURCE_LEGAL_ID_CELEX type="data"><VALUE>{celex}</VALUE></RESOURCE_LEGAL_ID_CELEX>'
        "</WORK><EXPRESSION>"
        f'<EXPRESSION_TITLE type="data"><VALUE>{title}</VALUE></EXPRESSION_TITLE>'
        "</EXPRESSION></NOTICE>\n"
    ).encode()


class HostileServer:
    """``with HostileServer("trickle") as server:``; ``server.base`` is its URL."""

    def __init__(
        self,
        mode: str,
        *,
        other: str = "32016R0679",
        interval: float = 0.2,
        max_seconds: float = 30.0,
        max_connections: int = 100,
        oversized_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        self.mode = mode
        self.other = other
        self.interval = interval
        self.max_seconds = max_seconds
        self.max_connections = max_connections
        self.oversized_bytes = oversized_bytes
        self.paths: list[str] = []  # request paths, in the order they were read
        self.connections = 0
        self.bytes_sent = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._opened: dict[int, float] = {}  # open connections -> when accepted
        self._longest_closed = 0.0
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)  # the accept loop looks at the stop event this often
        self.port = self._sock.getsockname()[1]
        self._ends_at = 0.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def urls(self) -> dict[str, str]:
        """Settings overrides pointing every source here."""
        return {
            "undl_url": self.base,
            "ods_url": self.base,
            "cellar_url": self.base,
            "sparql_url": self.base + SPARQL_PATH,
        }

    def __enter__(self) -> HostileServer:
        self._ends_at = time.monotonic() + self.max_seconds
        accept = threading.Thread(target=self._accept_loop, daemon=True)
        accept.start()
        self._threads.append(accept)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        for thread in list(self._threads):
            thread.join(5)
        self._sock.close()

    def longest_held(self) -> float:
        """Seconds the longest-held client connection has been (or was) open: a client whose
        deadline works closes each within about its timeout, however slow its machine."""
        now = time.monotonic()
        with self._lock:
            open_for = [now - since for since in self._opened.values()]
            return max([self._longest_closed, *open_for])

    # ---- server side -----------------------------------------------------------------------

    def _remaining(self) -> float:
        return max(0.0, self._ends_at - time.monotonic())

    def _accept_loop(self) -> None:
        while not self._stop.is_set() and self._remaining() > 0:
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
                too_many = self.connections > self.max_connections
            if too_many:
                conn.close()
                self._stop.set()
                return
            worker = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            worker.start()
            self._threads.append(worker)
        self._stop.set()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(1.0)
        key = id(conn)
        with self._lock:
            self._opened[key] = time.monotonic()
        try:
            while not self._stop.is_set():
                path = self._read_request(conn)
                if path is None:
                    return
                with self._lock:
                    self.paths.append(path)
                if not self._answer(conn, path):
                    return
        except OSError:
            return  # the client gave up: that is what most modes are for
        finally:
            conn.close()
            with self._lock:
                held = time.monotonic() - self._opened.pop(key)
                self._longest_closed = max(self._longest_closed, held)

    def _read_request(self, conn: socket.socket) -> str | None:
        data = b""
        while b"\r\n\r\n" not in data:
            if len(data) > 65536 or self._stop.is_set():
                return None
            try:
                chunk = conn.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                return None
            data += chunk
        request_line = data.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        return parts[1] if len(parts) == 3 else "/"

    def _send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        with self._lock:
            self.bytes_sent += len(data)

    def _reply(
        self, conn: socket.socket, status: str, headers: dict[str, str], body: bytes = b""
    ) -> None:
        head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        self._send(conn, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    def _answer(self, conn: socket.socket, path: str) -> bool:
        """Misbehave for one request; False closes the connection."""
        split = urlsplit(path)
        xml = {"Content-Type": "application/xml;notice=object"}
        if self.mode == "hang":  # never answers; notices only the client hanging up
            conn.settimeout(0.05)
            while not self._stop.is_set() and self._remaining() > 0:
                try:
                    if not conn.recv(4096):
                        return False
                except TimeoutError:
                    continue
            return False
        if self.mode == "trickle":
            body = notice(self.other, "Trickled title")
            head = f"HTTP/1.1 200 OK\r\nContent-Type: {xml['Content-Type']}\r\n"
            self._send(conn, f"{head}Content-Length: {len(body)}\r\n\r\n".encode())
            for i in range(len(body)):
                if self._stop.wait(self.interval):
                    return False
                self._send(conn, body[i : i + 1])
            return True
        if self.mode == "oversized":
            head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
            self._send(conn, f"{head}Transfer-Encoding: chunked\r\n\r\n".encode())
            chunk = b"<a>" + b"x" * 65530 + b"</a>"
            sent = 0
            while sent < self.oversized_bytes and not self._stop.is_set():
                self._send(conn, f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            self._send(conn, b"0\r\n\r\n")
            return True
        if self.mode == "no-location":
            self._reply(conn, "302 Found", {})
            return True
        if self.mode == "loop":
            target = "/loop-a" if split.path == "/loop-b" else "/loop-b"
            self._reply(conn, "302 Found", {"Location": target})
            return True
        if split.path == SPARQL_PATH:
            sparql = {"Content-Type": "application/sparql-results+json"}
            self._reply(conn, "200 OK", sparql, NO_BINDINGS)
            return True
        asked = unquote(split.path.rsplit("/", 1)[-1])
        if self.mode == "redirect-other" and asked != self.other:
            self._reply(conn, "303 See Other", {"Location": f"/resource/celex/{self.other}"})
            return True
        self._reply(conn, "200 OK", xml, notice(self.other, "Title of another act"))
        return True
