"""The one HTTP client of the resolution layer.

Every request to a document source goes through `Fetcher`, so politeness (rate limit,
bounded concurrency, back-off, circuit breaker) and safety (host allow-list, no off-host
redirects, body size limit, deadlines) are enforced in one place.

Two clocks bound a run against a hostile or broken upstream: `timeout` is an overall deadline
for each HTTP request (connect, wait and the whole body: a server that trickles one byte a
second cannot stretch it, unlike a read timeout that restarts on every byte), and `budget` is
the time one `Fetcher` (one resolution pass of a run) may spend on the network in all; after
it every request is refused at once.  A timed-out request is retried once at most, and each
timeout counts towards the circuit breaker, so a host that accepts connections and then hangs
is given up after a few.

No network is told apart quickly: until a host has answered once in the run, connecting to it
may take at most `connect_timeout` (2 s), and a failed connection (refused, DNS failure, no
route, connect timeout) marks the host unreachable at once, so every later request to it is
refused without waiting.  The reason then is the short `cannot connect to HOST`, the same for
every id, so callers can fold it into one "no network" message.

Failures that do not say anything definite about a document raise `Unavailable` with a
reason a person can read; callers turn that into an `unverified` result, never `not_found`.

Retries are a small explicit loop rather than tenacity: the wait depends on each reply's
`Retry-After`, the last failure feeds the per-host circuit breaker, and the sleep function is
injectable so tests can check the waits without waiting.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.metadata
import math
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType

import attrs
import httpx
from lxml import etree

from citecheck import DISTRIBUTION, __version__
from citecheck.index.http import retry_after_seconds

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def _version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        return __version__


USER_AGENT = f"citecheck/{_version()} (+https://example.invalid/citecheck)"


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Built once per process: loading the CA bundle takes a noticeable fraction of a second."""
    return httpx.create_ssl_context()


class Unavailable(Exception):
    """No usable answer from a source; `reason` explains why, for people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_xml(content: bytes, what: str, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse an XML reply without entities, DTDs or network; malformed means `Unavailable`."""
    if len(content) > max_bytes:
        raise Unavailable(f"{what} reply larger than {max_bytes} bytes; not parsed")
    if not content.strip():
        raise Unavailable(f"{what} answered with an empty body")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise Unavailable(f"{what} sent malformed or truncated XML ({exc.msg})") from exc


def unreachable_reason(host: str) -> str:
    """Why a request to a host that could not be connected to got no answer (short and the
    same for every id, so it can be folded into one message)."""
    return f"cannot connect to {host}"


class NetworkDisabled(RuntimeError):
    """Raised by `NoNetworkTransport`: a request was attempted while offline."""


class NoNetworkTransport(httpx.AsyncBaseTransport):
    """Transport that refuses every request; `--offline` runs use it as a tripwire."""

    def __init__(self) -> None:
        self.calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        raise NetworkDisabled(f"network disabled, refused request to {request.url.host}")


def host_key(url: httpx.URL | str) -> str:
    """`host` or `host:port`: the unit of allow-listing, rate limiting and circuit breaking."""
    u = httpx.URL(url) if isinstance(url, str) else url
    return u.host if u.port is None else f"{u.host}:{u.port}"


@attrs.frozen(slots=True)
class NetConfig:
    """Knobs of the client; `allowed_hosts` holds `host_key` values."""

    allowed_hosts: frozenset[str]
    timeout: float = 20.0
    connect_timeout: float = 2.0  # until the host has answered once in the run
    concurrency: int = 8
    rate_per_host: float = 2.0
    host_rates: tuple[tuple[str, float], ...] = ()
    retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    max_retry_after: float = 60.0
    breaker_threshold: int = 5
    budget: float | None = None  # seconds of network time for the Fetcher's life; None = no cap
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    transport: httpx.AsyncBaseTransport | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=True)
class Reply:
    """A reply whose status the caller must judge (success or a definite answer)."""

    status: int
    headers: httpx.Headers = attrs.field(eq=False)
    content: bytes
    url: str
    truncated: bool = False

    @property
    def content_type(self) -> str:
        """Media type without parameters, lower case."""
        return str(self.headers.get("content-type", "")).split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        """Body decoded as UTF-8 (sources here all answer UTF-8)."""
        return self.content.decode("utf-8", errors="replace")


class TokenBucket:
    """Per-host rate limit: `rate` requests a second on average, bursts up to `burst`."""

    def __init__(self, rate: float, burst: float = 1.0) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self._tokens = self.burst
        self._last = time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self, give_up: Callable[[], bool] | None = None) -> None:
        """Wait for one token; waiters are served in arrival order.

        ``give_up`` is asked before each wait: a request to a host whose circuit opened while
        it queued leaves the queue at once instead of waiting for a token it will not use.
        """
        if self.rate <= 0 or math.isinf(self.rate):
            return
        async with self._lock:
            while True:
                if give_up is not None and give_up():
                    return
                now = time.monotonic()
                self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
                self._last = now
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self.rate)


class _TooLarge(Exception):
    pass


class _BudgetUsedUp(Exception):
    pass


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or HTTP date), read the same
    way as the index harvester reads it."""
    return retry_after_seconds(value)


class Fetcher:
    """Async GET client with the project's politeness and safety rules.

    Use as `async with Fetcher(config) as f: reply = await f.get(url)`.
    `requests` counts requests actually handed to the transport (retries included).
    """

    def __init__(
        self,
        config: NetConfig,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: Callable[[], float] = random.random,
        failures: dict[str, int] | None = None,
        reached: set[str] | None = None,
        unreachable: set[str] | None = None,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._rng = rng
        self._sem = asyncio.Semaphore(max(1, config.concurrency))
        self._buckets: dict[str, TokenBucket] = {}
        self._failures = {} if failures is None else failures  # shared to span a whole run
        # hosts that answered / could not be connected to (shared like `failures`)
        self.reached: set[str] = set() if reached is None else reached
        self.unreachable: set[str] = set() if unreachable is None else unreachable
        self._deadline: float | None = None  # event-loop time when the budget is used up
        self.requests = 0
        self._client = httpx.AsyncClient(
            transport=config.transport,
            timeout=httpx.Timeout(config.timeout),
            follow_redirects=False,
            headers={"User-Agent": config.user_agent},
            trust_env=False,
            verify=_tls_context(),
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the underlying connection pool."""
        await self._client.aclose()

    def circuit_open(self, host: str) -> bool:
        """Whether `host` has failed too often in a row to be asked again in this run."""
        return self._failures.get(host, 0) >= self.config.breaker_threshold

    async def get(
        self,
        url: str,
        *,
        params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
        follow: bool = False,
        peek: int | None = None,
    ) -> Reply:
        """GET `url`; with `follow`, follow redirects that stay on allowed hosts and never
        go from https to plain http.

        `peek` reads at most that many bytes of the body (enough to sniff a PDF).
        Raises `Unavailable` for anything that is not an answer from the source.
        """
        current = httpx.URL(url) if params is None else httpx.URL(url, params=params)
        deadline = self._budget_deadline()
        try:
            async with asyncio.timeout_at(deadline):
                if deadline is not None and asyncio.get_running_loop().time() >= deadline:
                    raise _BudgetUsedUp()
                return await self._follow(url, current, headers, follow, peek)
        except (TimeoutError, _BudgetUsedUp):
            if deadline is None or asyncio.get_running_loop().time() < deadline:
                raise  # pragma: no cover - only the budget's own timeout is caught here
            raise Unavailable(
                f"network time budget used up ({self.config.budget:g} s per run); "
                f"no answer from {host_key(current)}"
            ) from None

    def _budget_deadline(self) -> float | None:
        """Started by the first request, so building a client costs no budget."""
        if self.config.budget is None:
            return None
        if self._deadline is None:
            self._deadline = asyncio.get_running_loop().time() + self.config.budget
        return self._deadline

    async def _follow(
        self,
        url: str,
        current: httpx.URL,
        headers: Mapping[str, str] | None,
        follow: bool,
        peek: int | None,
    ) -> Reply:
        seen = {str(current)}
        for _ in range(6):
            reply = await self._get_once(current, headers or {}, peek)
            if not follow or reply.status not in _REDIRECTS:
                return reply
            location = reply.headers.get("location")
            if not location:
                raise Unavailable(f"{host_key(current)} answered {reply.status} without a Location")
            target = current.join(location)
            if current.scheme == "https" and target.scheme != "https":
                raise Unavailable(
                    f"{host_key(current)} redirected from https to {target.scheme}; "
                    "downgrade refused"
                )
            if host_key(target) not in self.config.allowed_hosts:
                raise Unavailable(
                    f"{host_key(current)} redirected to {target.host}, which is not a "
                    "configured source host; redirect not followed"
                )
            if str(target) in seen:
                raise Unavailable(f"{host_key(current)} redirects in a loop ({target.path})")
            seen.add(str(target))
            current = target
        raise Unavailable(f"too many redirects from {host_key(url)}")

    def _raise_if_open(self, host: str) -> None:
        if host in self.unreachable:
            raise Unavailable(unreachable_reason(host))
        if self.circuit_open(host):
            raise Unavailable(
                f"{host} failed {self._failures[host]} times in a row, so it was not asked "
                "again in this run"
            )

    def _bucket(self, host: str) -> TokenBucket:
        bucket = self._buckets.get(host)
        if bucket is None:
            rate = dict(self.config.host_rates).get(host, self.config.rate_per_host)
            bucket = self._buckets[host] = TokenBucket(rate, burst=max(1.0, rate))
        return bucket

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with full jitter."""
        cap = min(self.config.backoff_max, self.config.backoff_base * (2.0**attempt))
        return cap * self._rng()

    async def _get_once(
        self, url: httpx.URL, headers: Mapping[str, str], peek: int | None
    ) -> Reply:
        host = host_key(url)
        if host not in self.config.allowed_hosts:
            raise Unavailable(f"{host} is not a configured source host; not contacted")
        attempts = self.config.retries + 1
        refused = 0  # connection attempts that failed outright (DNS, refused, no route)
        timeouts = 0  # attempts that used up the whole deadline
        for attempt in range(attempts):
            wait: float | None = None
            counted = False  # this attempt's failure already fed the circuit breaker
            self._raise_if_open(host)  # before queueing for a token: a dead host costs no wait
            await self._bucket(host).acquire(lambda: self.circuit_open(host))
            async with self._sem:
                self._raise_if_open(host)  # again: it may have opened while this one queued
                try:
                    reply = await self._send(url, headers, peek)
                except NetworkDisabled as exc:
                    raise Unavailable(f"offline: {exc}") from exc
                except _TooLarge as exc:
                    raise Unavailable(
                        f"reply from {host} larger than {self.config.max_bytes} bytes; not read"
                    ) from exc
                except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                    if host not in self.reached:
                        # No connection to a host that never answered: no network, or the
                        # host is down. One probe settles it for the whole run.
                        self.unreachable.add(host)
                        self._failures[host] = self.config.breaker_threshold
                        raise Unavailable(unreachable_reason(host)) from exc
                    refused += 1
                    if refused >= 2:
                        # Twice no connection to a host that answered before: down for this
                        # run; stop paying back-offs for every id.
                        self._failures[host] = self.config.breaker_threshold
                        raise Unavailable(
                            f"cannot connect to {host} any more; not asked again in this run"
                        ) from exc
                    reason, retry = f"connection to {host} failed ({type(exc).__name__})", True
                except (httpx.TimeoutException, TimeoutError) as exc:
                    if isinstance(exc, httpx.TimeoutException):
                        self.reached.add(host)  # connected, then no answer in time
                    # Counted at once: a host that accepts and then hangs must open the
                    # circuit after a few requests, not after every id's retries.
                    self._failures[host] = self._failures.get(host, 0) + 1
                    counted = True
                    timeouts += 1
                    # Retried once: a second full wait for the same request is not worth it.
                    reason = f"{host} did not answer within {self.config.timeout:g} s"
                    retry = timeouts < 2
                except httpx.TransportError as exc:
                    self.reached.add(host)  # connected, then the exchange broke
                    reason, retry = f"connection to {host} failed ({type(exc).__name__})", True
                else:
                    self.reached.add(host)
                    reason, retry, wait = self._judge(host, reply)
                    if not reason:
                        self._failures[host] = 0
                        return reply
            if retry and attempt + 1 < attempts:
                if wait is not None and wait > self.config.max_retry_after:
                    self._failures[host] = self._failures.get(host, 0) + 1
                    raise Unavailable(f"{reason}; asked to retry after {wait:.0f} s, too long")
                await self._sleep(wait if wait is not None else self._backoff(attempt))
                continue
            if not counted:
                self._failures[host] = self._failures.get(host, 0) + 1
            suffix = f" (after {attempt + 1} attempts)" if attempt else ""
            raise Unavailable(reason + suffix)
        raise AssertionError("unreachable")  # pragma: no cover

    def _judge(self, host: str, reply: Reply) -> tuple[str, bool, float | None]:
        """('' if usable | reason, retryable, Retry-After seconds)."""
        if reply.headers.get("x-amzn-waf-action"):
            action = reply.headers["x-amzn-waf-action"]
            return f"{host} answered with a WAF {action} page (bot protection)", False, None
        if reply.status in _RETRY_STATUSES:
            wait = parse_retry_after(reply.headers.get("retry-after"))
            what = "too many requests" if reply.status == 429 else "server error"
            return f"{host} answered HTTP {reply.status} ({what})", True, wait
        if reply.status == 202 and not reply.content.strip():
            return f"{host} answered HTTP 202 with an empty body (request deferred)", True, None
        if reply.status >= 500:
            return f"{host} answered HTTP {reply.status} (server error)", False, None
        return "", False, None

    async def _send(self, url: httpx.URL, headers: Mapping[str, str], peek: int | None) -> Reply:
        """One request under one overall deadline (`TimeoutError` when it passes)."""
        async with asyncio.timeout(self.config.timeout):
            return await self._send_unbounded(url, headers, peek)

    async def _send_unbounded(
        self, url: httpx.URL, headers: Mapping[str, str], peek: int | None
    ) -> Reply:
        timeout = self.config.timeout
        connect = timeout if host_key(url) in self.reached else self.config.connect_timeout
        request = self._client.build_request(
            "GET", url, headers=dict(headers), timeout=httpx.Timeout(timeout, connect=connect)
        )
        self.requests += 1
        response = await self._client.send(request, stream=True)
        try:
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > self.config.max_bytes and peek is None:
                raise _TooLarge()
            body = bytearray()
            truncated = False
            async for chunk in response.aiter_bytes():
                body.extend(chunk)
                if peek is not None and len(body) >= peek:
                    truncated = True
                    break
                if len(body) > self.config.max_bytes:
                    raise _TooLarge()
        finally:
            await response.aclose()
        return Reply(
            status=response.status_code,
            headers=response.headers,
            content=bytes(body),
            url=str(url),
            truncated=truncated,
        )
