"""Resolution layer: does a cited document exist, and what is it?

Public API::

    resolve_ids(ids, settings) -> dict[str, Resolution]        # sync, one run
    await aresolve_ids(ids, settings)                            # async
    Resolver(settings).resolve(ids)                              # reuse across files of a run
    settings_from_env(**overrides) -> Settings
"""

from citecheck.resolve.cache import Cache, CacheInfo, ImportReport
from citecheck.resolve.engine import Resolver, aresolve_ids, resolve_ids
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import NoNetworkTransport
from citecheck.resolve.settings import Settings, settings_from_env

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
