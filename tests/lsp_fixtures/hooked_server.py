"""`python -m citecheck.lsp` with two test seams, so tests wait for events, never sleep.

- The request ``citecheck/test/settled`` answers once every pending check and resolution of
  every open document has finished (tasks started meanwhile included), with the number of
  completed check runs.  A test that asserts an absence ("no RS101", "no request") asks it
  first: whatever the server would still do for the documents is done by then.
- ``run_check`` (the server's check seam) raises for a text containing ``RAISE-IN-CHECK``,
  to show that a failing check does not take the server down.
"""

from __future__ import annotations

import asyncio
from typing import Any

import citecheck.lsp
import citecheck.lsp.server as server_mod
from citecheck.pipeline import CheckResult

SETTLED = "citecheck/test/settled"
FAILING_MARKER = "RAISE-IN-CHECK"

_real_check = server_mod.run_check
_real_make_server = server_mod.make_server


def failing_check(text: str) -> CheckResult:
    if FAILING_MARKER in text:
        raise RuntimeError("injected check failure")
    return _real_check(text)


def make_server(options: citecheck.lsp.ServerOptions | None = None) -> Any:
    server = _real_make_server(options)

    @server.feature(SETTLED)
    async def settled(ls: citecheck.lsp.CitecheckServer, params: Any) -> dict[str, int]:
        while True:
            pending = [
                task
                for state in list(ls.docs.values())
                for task in (state.checking, state.finishing, state.resolving)
                if task is not None and not task.done()
            ]
            if not pending:
                return {"runs": ls.runs}
            await asyncio.wait(pending)

    return server


server_mod.run_check = failing_check
server_mod.make_server = make_server

if __name__ == "__main__":
    citecheck.lsp.main()
