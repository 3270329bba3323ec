"""Resolution layer: does a cited document exist, and what is it?

Public API::

    resolve_ids(ids, settings) -> dict[str, Resolution]        # sync, one run
    await aresolve_ids(ids, settings)                            # async
    Resolver(settings).resolve(ids)                              # reuse across files of a run
    settings_from_env(**overrides) -> Settings

Names are loaded on first use, so `citecheck.resolve.policy` (the seam every caller uses)
does not pull in the network layer for commands that never resolve.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.resolve.cache import Cache, CacheInfo, ImportReport
    from citecheck.resolve.engine import Resolver, aresolve_ids, resolve_ids
    from citecheck.resolve.model import Resolution, Status
    from citecheck.resolve.net import NoNetworkTransport
    from citecheck.resolve.settings import Settings, settings_from_env

_WHERE = {
    "Cache": "cache",
    "CacheInfo": "cache",
    "ImportReport": "cache",
    "NoNetworkTransport": "net",
    "Resolution": "model",
    "Resolver": "engine",
    "Settings": "settings",
    "Status": "model",
    "aresolve_ids": "engine",
    "resolve_ids": "engine",
    "settings_from_env": "settings",
}

__all__ = [
    "Cache",
    "CacheInfo",
    "ImportReport",
    "NoNetworkTransport",
    "Resolution",
    "Resolver",
    "Settings",
    "Status",
    "aresolve_ids",
    "resolve_ids",
    "settings_from_env",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'citecheck.resolve' has no attribute {name!r}")
    return getattr(importlib.import_module(f"citecheck.resolve.{module}"), name)
