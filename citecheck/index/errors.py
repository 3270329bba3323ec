"""The one error a harvest raises when it cannot go on."""

from __future__ import annotations


class HarvestError(Exception):
    """A harvest cannot go on; `reason` says why in words a user can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
