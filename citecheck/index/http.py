"""A small, polite, synchronous HTTP client for bulk harvests (UNDL OAI-PMH, Cellar SPARQL).

Why not the resolver's async `Fetcher`: a harvest is one long sequence of requests to one
host, where politeness matters more than concurrency.  This client waits `min_interval`
between requests (raised to robots.txt's `Crawl-delay`), never asks a path robots.txt
disallows, honours `Retry-After` on 429/503, retries 5xx and timeouts with back-off, bounds
every request by a wall-clock deadline and a body size (a server trickling one byte a second
cannot stall a harvest), refuses redirects off the base host, and raises `HarvestError` when
it gives up.  Sleep and clock are injectable so tests need no real waiting.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Mapping
from types import TracebackType

import httpx

from citecheck import __version__
from citecheck.index.errors import HarvestError
from citecheck.index.robots import Robots, fetch_robots

__all__ = ["DEFAULT_USER_AGENT", "HarvestError", "PoliteClient", "retry_after_seconds"]

DEFAULT_USER_AGENT = (
    f"citecheck/{__version__} (citation index harvester; +https://pypi.org/project/citecheck/)"
)
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_RETRY_AFTER = 3600.0  # a server asking for more than an hour is not coming back soon
MAX_REDIRECTS = 5
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class _Retry(Exception):
    """One attempt failed in a way worth another try (after `wait` seconds, if given)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """`Retry-After` as seconds: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class PoliteClient:
    """GET requests to one host, one at a time, at a polite pace.

    `deadline` bounds each request (headers and body) in wall-clock seconds; None means
    `timeout` serves as that bound too.  `requests` counts what was sent (robots.txt included).
    """

    def __init__(
        self,
        base_url: str,
        *,
        min_interval: float = 1.0,
        retries: int = 5,
        timeout: float = 60.0,
        deadline: float | None = None,
        transport: httpx.BaseTransport | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        max_bytes: int = DEFAULT_MAX_BYTES,
        backoff: float = 1.0,
        obey_robots: bool = True,
    ) -> None:
        self.endpoint = httpx.URL(base_url)  # what `get("")` asks, exactly as given
        self.base_url = httpx.URL(base_url.rstrip("/") + "/")
        self.min_interval = max(0.0, min_interval)
        self.retries = max(0, retries)
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else timeout
        self.max_bytes = max_bytes
        self.backoff = backoff
        self.requests = 0
        self._sleep = sleep
        self._clock = clock
        self._last: float | None = None
        self._obey_robots = obey_robots
        self._robots: Robots | None = None
        self._reading_robots = False
        self._transport = transport
        self._user_agent = user_agent
        self._client = self._new_client()

    def _new_client(self) -> httpx.Client:
        return httpx.Client(
            transport=self._transport,
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            headers={"User-Agent": self._user_agent},
        )

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- public --------------------------------------------------------------------------
    @property
    def interval(self) -> float:
        """Seconds between two requests: `min_interval`, or robots.txt's Crawl-delay if longer."""
        delay = self._robots.crawl_delay if self._robots else None
        return max(self.min_interval, delay or 0.0)

    def url(self, path: str) -> httpx.URL:
        """`path` under the base URL (a leading slash does not escape the base path).

        An empty path is the base URL itself, as given (a SPARQL endpoint is one URL).
        """
        if not path:
            return self.endpoint
        return self.base_url.join(path.lstrip("/"))

    def get(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """GET `path`; the returned response is fully read (status 2xx or a final 4xx).

        Raises `HarvestError` when robots.txt disallows the path, a redirect leaves the
        host, the body is too large or too slow, or the retries are used up.
        """
        url = self.url(path)
        if params:
            url = url.copy_merge_params(dict(params))
        self._check_robots(url)
        return self._with_retries(url, headers)

    # -- internals -----------------------------------------------------------------------
    def _check_robots(self, url: httpx.URL) -> None:
        if not self._obey_robots or self._reading_robots:  # robots.txt itself is always allowed
            return
        if self._robots is None:
            self._reading_robots = True
            try:
                self._robots = fetch_robots(self._robots_get, self.base_url)
            finally:
                self._reading_robots = False
        if not self._robots.allowed(str(url)):
            raise HarvestError(f"robots.txt of {url.host} disallows {url.path}; not requested")

    def _robots_get(self, url: httpx.URL) -> httpx.Response:
        return self._with_retries(url, None)

    def _with_retries(self, url: httpx.URL, headers: Mapping[str, str] | None) -> httpx.Response:
        last = "no attempt"
        for attempt in range(self.retries + 1):
            try:
                return self._attempt(url, headers)
            except _Retry as exc:
                last = exc.reason
                if attempt == self.retries:
                    break
                wait = exc.wait
                if wait is None:
                    wait = self.backoff * (2**attempt)
                if wait > MAX_RETRY_AFTER:
                    raise HarvestError(
                        f"{url.host} asked to wait {wait:.0f} s ({last}); giving up"
                    ) from None
                self._sleep(wait)
        raise HarvestError(f"{url.host} failed {self.retries + 1} times; last: {last}")

    def _pace(self) -> None:
        if self._last is not None:
            wait = self._last + self.interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last = self._clock()

    def _attempt(self, url: httpx.URL, headers: Mapping[str, str] | None) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            self._pace()
            self.requests += 1
            response = self._send(url, headers)
            if response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise HarvestError(f"{url.host} redirected without a Location")
                target = url.join(location)
                if target.host != self.base_url.host or target.scheme != self.base_url.scheme:
                    raise HarvestError(
                        f"{url.host} redirected off the host to {target.host}; not followed"
                    )
                url = target
                self._check_robots(url)
                continue
            status = response.status_code
            if status in _RETRY_STATUSES:
                wait = None
                if status in (429, 503):
                    wait = retry_after_seconds(response.headers.get("retry-after"))
                raise _Retry(f"HTTP {status}", wait)
            if status == 202 and not response.content.strip():
                raise _Retry("HTTP 202 with an empty body")
            return response
        raise HarvestError(f"{url.host} redirected more than {MAX_REDIRECTS} times")

    def _send(self, url: httpx.URL, headers: Mapping[str, str] | None) -> httpx.Response:
        """`_read` under a hard wall-clock timer covering connect, headers and body.

        httpx bounds each socket operation, not the whole request: a server sending its
        headers one byte at a time never trips a read timeout.  The request runs in a
        worker thread; when `deadline` passes, the client (and so its sockets) is closed,
        which ends the worker, and a fresh client serves the next attempt.
        """
        outcome: list[httpx.Response | BaseException] = []
        client = self._client

        def work() -> None:
            try:
                outcome.append(self._read(client, url, headers))
            except BaseException as exc:  # handed to the calling thread
                outcome.append(exc)

        worker = threading.Thread(target=work, name="citecheck-harvest-request", daemon=True)
        worker.start()
        worker.join(self.deadline)
        if worker.is_alive():
            client.close()
            self._client = self._new_client()
            raise _Retry(f"no complete reply within {self.deadline:g} s")
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def _read(
        self, client: httpx.Client, url: httpx.URL, headers: Mapping[str, str] | None
    ) -> httpx.Response:
        started = self._clock()
        chunks: list[bytes] = []
        size = 0
        try:
            with client.stream("GET", url, headers=dict(headers or {})) as reply:
                for chunk in reply.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise HarvestError(
                            f"{url.host} sent more than {self.max_bytes} bytes for {url.path}"
                        )
                    chunks.append(chunk)
                    if self._clock() - started > self.deadline:
                        raise _Retry(f"no complete reply within {self.deadline:g} s")
                kept = {
                    k: v
                    for k, v in reply.headers.items()
                    if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
                }
                return httpx.Response(
                    reply.status_code,
                    headers=kept,
                    content=b"".join(chunks),
                    request=reply.request,
                )
        except httpx.TimeoutException as exc:
            raise _Retry(f"timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed ({type(exc).__name__}: {exc})") from exc
