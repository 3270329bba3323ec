"""A polite synchronous HTTP client for bulk harvests (minimal stand-in).

Waits between requests, honours ``Retry-After``, retries 5xx and timeouts, and raises
`HarvestError` when it gives up, so a harvester never mistakes a failure for "no records".
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import httpx

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class HarvestError(Exception):
    """A harvest request failed for good; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PoliteClient:
    """GETs below one base URL, with a gap between requests and bounded retries."""

    def __init__(
        self,
        base_url: str,
        *,
        min_interval: float = 1.0,
        retries: int = 5,
        timeout: float = 60.0,
        deadline: float | None = None,
        transport: httpx.BaseTransport | None = None,
        user_agent: str = "citecheck-index (+https://github.com/citecheck)",
    ) -> None:
        self.base_url = base_url
        self.min_interval = min_interval
        self.retries = retries
        self.deadline = deadline
        self._last = 0.0
        self._client = httpx.Client(
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": user_agent},
            follow_redirects=False,
        )

    def get(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One GET of ``base_url + path``; retried on 429/5xx/timeouts, else returned."""
        url = self.base_url + path
        reason = "no attempt made"
        for attempt in range(self.retries + 1):
            wait = self.min_interval - (time.monotonic() - self._last)
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()
            try:
                reply = self._client.get(url, params=params, headers=headers)
            except httpx.TimeoutException as exc:
                reason = f"timeout ({exc})"
                time.sleep(min(60.0, 2.0**attempt) * self.min_interval)
                continue
            except httpx.HTTPError as exc:
                raise HarvestError(f"{url}: {exc}") from exc
            if reply.status_code not in _RETRY_STATUS:
                return reply
            reason = f"HTTP {reply.status_code}"
            time.sleep(_retry_after(reply, default=min(60.0, 2.0**attempt) * self.min_interval))
        raise HarvestError(f"{url}: gave up after {self.retries + 1} attempts ({reason})")

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _retry_after(reply: httpx.Response, *, default: float) -> float:
    value = reply.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return min(float(value), 3600.0)
    return default
