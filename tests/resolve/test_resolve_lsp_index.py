"""The language server answers from the local index at once (end to end over stdio).

The live sources point at a fake that holds every request until the test ends: an RS101 that
appears while they hang can only come from the index, which needs no network.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from indexdata import build_index
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER_ENV: dict[str, str] = {}
RELEASE = threading.Event()
ASKED: list[str] = []


class _Hanging(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        ASKED.append(self.path)
        RELEASE.wait(60)  # answers only once the test is over
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module", autouse=True)
def hanging_sources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hanging)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    tmp = tmp_path_factory.mktemp("lsp-index")
    SERVER_ENV.clear()
    SERVER_ENV.update(os.environ)
    SERVER_ENV.update(
        {
            "CITECHECK_INDEX": str(build_index(tmp / "index.sqlite3")),
            "CITECHECK_UNDL_URL": base,
            "CITECHECK_ODS_URL": base,
            "CITECHECK_CELLAR_URL": base,
            "CITECHECK_SPARQL_URL": base + "/sparql",
            "CITECHECK_CACHE_DIR": str(tmp / "cache"),
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        }
    )
    try:
        yield
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "citecheck.lsp"], server_env=SERVER_ENV
    )
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    RELEASE.set()  # let the hanging live pass end so the server can shut down
    await lsp_client.shutdown_session()


async def test_rs101_from_the_index_while_live_sources_hang(client: LanguageClient) -> None:
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    await client.initialize_session(lsp.InitializeParams(capabilities=caps))
    uri = "file:///tmp/letter.txt"
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri,
                language_id="plaintext",
                version=1,
                text="Recalling A/HRC/RES/17/31 and A/HRC/RES/20/21.\n",
            )
        )
    )
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30  # a generous bound, not a timing assertion
    while not any(str(d.code) == "RS101" for d in client.diagnostics.get(uri, [])):
        assert loop.time() < deadline, f"no RS101; diagnostics: {client.diagnostics}"
        await asyncio.sleep(0.05)
    [diag] = [d for d in client.diagnostics[uri] if str(d.code) == "RS101"]
    assert "the index (as of" in diag.message and "did you mean A/HRC/17/31" in diag.message
