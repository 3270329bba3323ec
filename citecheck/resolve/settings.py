"""Settings of a resolution run, apart from the engine so sources and callers import them
without importing the engine (the old `engine` <-> `sources` import cycle).

Each source declares its base URL setting, environment variable and default (`url_settings`
class attribute); the settings here read those declarations instead of listing URLs twice.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import httpx

from citecheck.resolve.net import NetConfig, host_key
from citecheck.resolve.sources.cellar import CellarSource
from citecheck.resolve.sources.ods import ODS_URL
from citecheck.resolve.sources.undl import UNDL_URL

CELLAR_URL = CellarSource.url_settings[0][2]
SPARQL_URL = CellarSource.url_settings[1][2]

# Politeness knobs that tests and mirrors may need to change: (field, variable, type, minimum).
_ENV_NUMBERS: tuple[tuple[str, str, type[int] | type[float], float], ...] = (
    ("rate_per_host", "CITECHECK_RATE_PER_HOST", float, 0.0),
    ("retries", "CITECHECK_RETRIES", int, 0),
    ("backoff_base", "CITECHECK_BACKOFF", float, 0.0),
    ("network_budget", "CITECHECK_NETWORK_BUDGET", float, 0.1),
)


@attrs.frozen(slots=True)
class Settings:
    """Everything a run needs to know; build it with `settings_from_env`.

    Environment variables read by `settings_from_env`: each source's base URL variable
    (`CITECHECK_UNDL_URL`, `CITECHECK_ODS_URL`, `CITECHECK_CELLAR_URL`, `CITECHECK_SPARQL_URL`),
    `CITECHECK_CACHE_DIR`, `CITECHECK_INDEX` (the local index file), and the politeness knobs
    `CITECHECK_RATE_PER_HOST` (requests a second per host, default 2; 0 = no limit, for
    local mirrors and fakes), `CITECHECK_RETRIES` (retries after a failed request, default 3)
    `CITECHECK_BACKOFF` (base seconds of the exponential back-off, default 0.5) and
    `CITECHECK_NETWORK_BUDGET` (seconds of network time per resolution pass, default 60).
    The circuit breaker (`breaker_threshold` failures in a row per host) is not configurable
    from the environment: it is what keeps a run against a dead host short.
    """

    undl_url: str = UNDL_URL
    ods_url: str = ODS_URL
    cellar_url: str = CELLAR_URL
    sparql_url: str = SPARQL_URL
    cache_dir: Path | None = None
    use_cache: bool = True
    index_path: Path | None = None  # None: `CITECHECK_INDEX` or the user data directory
    use_index: bool = True
    offline: bool = False
    refresh: bool = False
    timeout: float = 20.0
    concurrency: int = 8
    rate_per_host: float = 2.0
    host_rates: tuple[tuple[str, float], ...] = ()
    retries: int = 3
    backoff_base: float = 0.5
    breaker_threshold: int = 5
    network_budget: float = 60.0  # seconds of network time per resolution pass, then unverified
    undl_batch: int = 50
    sparql_batch: int = 50
    ods_fallback: bool = True
    confirm_missing: bool = True
    suggest: bool = True
    transport: httpx.AsyncBaseTransport | None = attrs.field(default=None, eq=False)

    def allowed_hosts(self) -> frozenset[str]:
        """Only the configured sources' hosts are ever contacted."""
        return frozenset(host_key(getattr(self, f)) for f, _, _ in url_settings())

    def net_config(self) -> NetConfig:
        """Client settings derived from these settings."""
        return NetConfig(
            allowed_hosts=self.allowed_hosts(),
            timeout=self.timeout,
            concurrency=self.concurrency,
            rate_per_host=self.rate_per_host,
            host_rates=self.host_rates,
            retries=self.retries,
            backoff_base=self.backoff_base,
            breaker_threshold=self.breaker_threshold,
            budget=self.network_budget,
            transport=self.transport,
        )


def url_settings() -> tuple[tuple[str, str, str], ...]:
    """(settings field, environment variable, default) of every registered source's URLs."""
    from citecheck.resolve.sources import REGISTRY

    seen: dict[str, tuple[str, str, str]] = {}
    for cls in REGISTRY:
        for decl in cls.url_settings:
            seen.setdefault(decl[0], decl)
    return tuple(seen.values())


def settings_from_env(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then `CITECHECK_*` environment variables, then `overrides` (None = unset)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for field, var, _ in url_settings():
        if env.get(var):
            values[field] = env[var].rstrip("/")
    if env.get("CITECHECK_CACHE_DIR"):
        values["cache_dir"] = Path(env["CITECHECK_CACHE_DIR"])
    if env.get("CITECHECK_INDEX"):
        values["index_path"] = Path(env["CITECHECK_INDEX"])
    for field, var, kind, minimum in _ENV_NUMBERS:
        raw = env.get(var, "").strip()
        if not raw:
            continue
        try:
            number = kind(raw)
        except ValueError:
            number = None
        if number is None or not minimum <= number < float("inf"):
            warnings.warn(f"ignoring {var}={raw!r}: not a number >= {minimum:g}", stacklevel=2)
            continue
        values[field] = number
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("cache_dir", "index_path"):
        if isinstance(values.get(key), str):
            values[key] = Path(values[key])
    return Settings(**values)
