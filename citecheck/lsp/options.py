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


#: The initializationOptions a client may send, and what each must be.
KNOWN_OPTIONS = {
    "offline": "true or false",
    "resolver": '"auto" or "none"',
    "debounceMs": "a whole number of milliseconds, 0 or more",
    "debounce_ms": "a whole number of milliseconds, 0 or more",
}


def option_problems(init: Any) -> list[str]:
    """What ``ServerOptions.merged`` ignored in ``init``, one message each, so that a typo in
    an editor's settings is said once instead of silently doing nothing."""
    if init is None:
        return []
    if not isinstance(init, Mapping):
        return [f"initializationOptions must be an object, not {init!r}; ignored"]
    problems = []
    for key, value in init.items():
        if key not in KNOWN_OPTIONS:
            known = ", ".join(k for k in KNOWN_OPTIONS if k != "debounce_ms")
            problems.append(f"unknown initializationOption {key!r} (known: {known}); ignored")
            continue
        if key == "offline":
            good = isinstance(value, bool)
        elif key == "resolver":
            good = value in ("auto", "none")
        else:
            good = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        if not good:
            problems.append(
                f"initializationOption {key!r} must be {KNOWN_OPTIONS[key]}, not "
                f"{value!r}; the default is used"
            )
    return problems
