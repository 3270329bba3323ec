"""`python -m citecheck.lsp` with every full offline check recorded.

The server's one check seam (`citecheck.lsp.server.run_check`) is wrapped: each call appends
one JSON line (the checked text's length, its last line, and how many checks were running
when it started, itself included) to the file named by `CITECHECK_TEST_CHECK_LOG`, so a test
counts the checks that really ran and sees whether superseded ones ran side by side.
"""

from __future__ import annotations

import json
import os
import threading

import citecheck.lsp.server
from citecheck.pipeline import CheckResult

LOG = os.environ["CITECHECK_TEST_CHECK_LOG"]
_real = citecheck.lsp.server.run_check
_lock = threading.Lock()
_running = [0]


def counting_check(text: str) -> CheckResult:
    with _lock:
        _running[0] += 1
        entry = {
            "chars": len(text),
            "last": text.rstrip().rpartition("\n")[2],
            "running": _running[0],
        }
        with open(LOG, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")
    try:
        return _real(text)
    finally:
        with _lock:
            _running[0] -= 1


citecheck.lsp.server.run_check = counting_check

if __name__ == "__main__":
    citecheck.lsp.server.main()
