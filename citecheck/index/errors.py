"""The errors a harvest raises when it cannot go on."""

from __future__ import annotations


class HarvestError(Exception):
    """A harvest cannot go on; `reason` says why in words a user can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UpdateFailed(HarvestError):
    """`index update` of one or more sources stopped; the others ran.

    `reports` are the summaries of the sources that finished, `failures` (source, reason)
    the ones that stopped, in the order they ran.
    """

    def __init__(self, reports: list[object], failures: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{source}: {reason}" for source, reason in failures))
        self.reports = reports
        self.failures = failures
