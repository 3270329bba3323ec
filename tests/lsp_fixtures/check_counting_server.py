"""`python -m citecheck.lsp` with every full offline check recorded.

The server's one check seam (`citecheck.lsp.server.run_check`) is wrapped: each call appends
one JSON line (the checked text's length and its last line) to the file named by
`CITECHECK_TEST_CHECK_LOG`, so a test counts the checks that really ran.
"""

from __future__ import annotations

import json
import os

import citecheck.lsp.server
from citecheck.pipeline import CheckResult

LOG = os.environ["CITECHECK_TEST_CHECK_LOG"]
_real = citecheck.lsp.server.run_check


def counting_check(text: str) -> CheckResult:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"chars": len(text), "last": text.rstrip().rpartition("\n")[2]}))
        fh.write("\n")
    return _real(text)


citecheck.lsp.server.run_check = counting_check

if __name__ == "__main__":
    citecheck.lsp.server.main()
