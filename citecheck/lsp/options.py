"""Settings of one language-server session: command-line defaults, then initializationOptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

DEFAULT_DEBOUNCE_MS = 300


@attrs.frozen(slots=True)
class ServerOptions:
    """Settings of one session: command-line defaults, overridden by initializationOptions.

    ``resolver`` is ``"auto"`` (use `citecheck.resolve` when importable) or ``"none"``
    (offline findings only); ``offline`` resolves from the cache only.
    """

    offline: bool = False
    resolver: str = "auto"
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def merged(self, init: Any) -> ServerOptions:
        """These options updated from a client's initializationOptions; junk is ignored."""
        if not isinstance(init, Mapping):
            return self
        changes: dict[str, Any] = {}
        if isinstance(init.get("offline"), bool):
            changes["offline"] = init["offline"]
        if init.get("resolver") in ("auto", "none"):
            changes["resolver"] = init["resolver"]
        debounce = init.get("debounceMs", init.get("debounce_ms"))
        if isinstance(debounce, int) and not isinstance(debounce, bool) and debounce >= 0:
            changes["debounce_ms"] = min(debounce, 10_000)
        return attrs.evolve(self, **changes)
