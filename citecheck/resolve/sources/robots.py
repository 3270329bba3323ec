"""robots.txt of a live source, read once per run, so no request goes to a disallowed path.

Tiny on purpose (the standard library's `urllib.robotparser` does the parsing); the index
harvester keeps its own reader.  RFC 9309: a 4xx robots.txt means "no rules", an unreachable
one (5xx, network failure) means "assume everything is disallowed".
"""

from __future__ import annotations

import urllib.robotparser

from citecheck.resolve.net import Fetcher, Unavailable

AGENT = "citecheck"
_MAX_BYTES = 512 * 1024


async def read_rules(fetcher: Fetcher, base: str) -> urllib.robotparser.RobotFileParser | str:
    """The parsed rules of `base`'s robots.txt, or why it could not be read (then: disallow)."""
    parser = urllib.robotparser.RobotFileParser()
    try:
        reply = await fetcher.get(f"{base.rstrip('/')}/robots.txt")
    except Unavailable as exc:
        return f"robots.txt unreadable ({exc.reason})"
    if 400 <= reply.status < 500:
        parser.parse([])  # no rules: everything allowed
        return parser
    if reply.status != 200:
        return f"robots.txt answered HTTP {reply.status}"
    text = reply.content[:_MAX_BYTES].decode("utf-8", "replace")
    parser.parse(text.splitlines())
    return parser


def allows(rules: urllib.robotparser.RobotFileParser | str, url: str) -> bool:
    """Whether `rules` let citecheck fetch `url` (unreadable rules allow nothing)."""
    if isinstance(rules, str):
        return False
    return rules.can_fetch(AGENT, url)
