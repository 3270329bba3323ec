"""robots.txt, read once per harvest and obeyed: rules by `urllib.robotparser`, plus Crawl-delay.

Choices (RFC 9309): a 4xx robots.txt (none published) allows everything; a 5xx, a timeout
or any failure to read it means we cannot tell what the site allows, so the harvest stops
rather than guess (it says so; run again later).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.robotparser import RobotFileParser

import attrs
import httpx

from citecheck.index.errors import HarvestError

AGENT = "citecheck"
MAX_ROBOTS_BYTES = 512 * 1024


@attrs.frozen
class Robots:
    """The rules that apply to citecheck on one host."""

    parser: RobotFileParser | None  # None: no robots.txt, everything allowed
    crawl_delay: float | None = None

    def allowed(self, url: str) -> bool:
        """May citecheck fetch `url`?"""
        return True if self.parser is None else self.parser.can_fetch(AGENT, url)


def parse_robots(text: str) -> Robots:
    """Rules and Crawl-delay (for citecheck, else for `*`) from robots.txt text."""
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    delay = parser.crawl_delay(AGENT)
    return Robots(parser=parser, crawl_delay=float(delay) if delay is not None else None)


def fetch_robots(get: Callable[[httpx.URL], httpx.Response], base_url: httpx.URL) -> Robots:
    """Read `/robots.txt` of the base URL's host with `get` (which already retries)."""
    url = base_url.join("/robots.txt")
    try:
        reply = get(url)
    except HarvestError as exc:
        raise HarvestError(
            f"cannot read {url} ({exc.reason}), so cannot tell what the site allows; "
            "not harvesting (try again later)"
        ) from exc
    if 400 <= reply.status_code < 500:
        return Robots(parser=None)
    if reply.status_code != 200:
        raise HarvestError(
            f"{url} answered HTTP {reply.status_code}; cannot tell what the site allows, "
            "not harvesting"
        )
    body = reply.content[:MAX_ROBOTS_BYTES]
    return parse_robots(body.decode("utf-8", errors="replace"))
