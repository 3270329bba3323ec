"""`python -m citecheck.lsp` whose check of a text holding ``BLOCK-CHECK`` waits for the test.

Two requests drive it, so a test sees what the server answers while a long check runs,
without sleeping or timing anything:

- ``citecheck/test/blocked`` answers once a check of a marked text has started and waits;
- ``citecheck/test/release`` lets that check (and later ones) run to their end.

A blocked check gives up waiting after `LIMIT` seconds, so a failing test cannot hang the
server's exit (the worker thread is joined then).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import citecheck.lsp
import citecheck.lsp.server as server_mod
from citecheck.pipeline import CheckResult

MARKER = "BLOCK-CHECK"
BLOCKED = "citecheck/test/blocked"
RELEASE = "citecheck/test/release"
LIMIT = 60.0

_real_check = server_mod.run_check
_real_make_server = server_mod.make_server
_started = threading.Event()
_release = threading.Event()


def blocking_check(text: str) -> CheckResult:
    if MARKER in text and not _release.is_set():
        _started.set()
        _release.wait(LIMIT)
    return _real_check(text)


def make_server(options: citecheck.lsp.ServerOptions | None = None) -> Any:
    server = _real_make_server(options)

    @server.feature(BLOCKED)
    async def blocked(ls: citecheck.lsp.CitecheckServer, params: Any) -> bool:
        return await asyncio.get_running_loop().run_in_executor(None, _started.wait, LIMIT)

    @server.feature(RELEASE)
    def release(ls: citecheck.lsp.CitecheckServer, params: Any) -> bool:
        _release.set()
        return True

    return server


server_mod.run_check = blocking_check
server_mod.make_server = make_server

if __name__ == "__main__":
    citecheck.lsp.main()
