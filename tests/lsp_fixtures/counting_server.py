"""`python -m citecheck.lsp` with the real `Resolver` wrapped to record what it is asked.

Each construction, `aresolve` call (its ids) and `close` is appended as one JSON line to the
file named by `CITECHECK_TEST_RESOLVER_LOG`.  Settings whose source URLs are not loopback
get a transport that refuses every request, so a test that goes wrong never reaches the
internet.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import attrs

import citecheck.lsp
from citecheck.resolve import NoNetworkTransport, Resolver, Settings

LOG = os.environ["CITECHECK_TEST_RESOLVER_LOG"]


def _record(**entry: Any) -> None:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")


def _loopback(url: str) -> bool:
    return urlsplit(url).hostname in ("127.0.0.1", "localhost")


class RecordingResolver(Resolver):
    def __init__(self, settings: Settings) -> None:
        urls = (settings.undl_url, settings.ods_url, settings.cellar_url, settings.sparql_url)
        if not all(_loopback(u) for u in urls):
            settings = attrs.evolve(settings, transport=NoNetworkTransport())
        super().__init__(settings)
        _record(
            event="new",
            undl_url=settings.undl_url,
            cellar_url=settings.cellar_url,
            cache_dir=str(settings.cache_dir),
            offline=settings.offline,
        )

    async def aresolve(self, ids: Iterable[str], hints: Any = None) -> Any:
        ids = list(ids)
        _record(event="resolve", ids=ids)
        return await super().aresolve(ids, hints)

    def close(self) -> None:
        _record(event="close")
        super().close()


citecheck.lsp.RESOLVER_CLASS = RecordingResolver

if __name__ == "__main__":
    citecheck.lsp.main()
