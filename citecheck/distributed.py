"""The batch pipeline on a Dask ``distributed`` cluster: archives of many documents.

Why: a document archive (tens of thousands of files) outgrows one machine's cores, and the
same ids recur across documents. Extraction and offline checks are mapped over documents on
the workers; the distinct ids of all documents are then resolved exactly once each, in
batches spread over the workers, with the resolver function passed in (by default
:func:`citecheck.resolve.engine.resolve_ids`: the local index first, then cache and live
sources; tests pass a fake). Which ids are asked, the neighbour hints and the RS findings come
from the one resolution seam, :mod:`citecheck.resolve.policy`, as in the CLI and the language
server. Needs the ``dask`` extra (``dask[distributed]``); import this module only when a
client is wanted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from citecheck.model import Finding
from citecheck.parallel import FileResult, check_file
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution

if TYPE_CHECKING:
    from distributed import Client

#: ``resolve(ids) -> {id: resolution}`` (a ``Resolution`` or its JSON form).
Resolve = Callable[[Sequence[str]], Mapping[str, Any]]


@attrs.frozen(slots=True)
class ArchiveResult:
    """Per-file results in input order, and one resolution per distinct citation id."""

    files: tuple[FileResult, ...]
    resolutions: Mapping[str, Resolution]

    @property
    def ids(self) -> tuple[str, ...]:
        """Distinct ids cited anywhere in the archive, sorted."""
        return tuple(sorted(self.resolutions))

    def resolution_findings(self, file: FileResult) -> list[Finding]:
        """The RS findings (not found, unverified, no longer in force...) of one file."""
        return policy.resolution_findings(file.citations, self.resolutions)


def distinct_ids(files: Iterable[FileResult]) -> list[str]:
    """Every id the seam asks about (`policy.resolvable`) once, sorted."""
    return sorted({i for f in files for i in policy.ids_to_resolve(f.citations)})


def _default_resolve(ids: Sequence[str]) -> Mapping[str, Any]:
    from citecheck.resolve.engine import resolve_ids

    return resolve_ids(ids)


def _batches(ids: Sequence[str], size: int) -> list[list[str]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def check_archive(
    paths: Iterable[str | os.PathLike[str]],
    client: Client,
    resolve: Resolve | None = _default_resolve,
    *,
    batch_size: int = 500,
) -> ArchiveResult:
    """Extract and check every document on the cluster, then resolve each distinct id once.

    ``resolve=None`` skips resolution (offline run). A document that cannot be read is a
    :class:`FileResult` with ``error`` set; it does not fail the archive. Each file's
    ``findings`` are its offline findings less those a resolved answer withdraws (UN103 on a
    symbol a source holds as written); :meth:`ArchiveResult.resolution_findings` adds the RS
    findings.
    """
    items = [os.fspath(p) for p in paths]
    # pure=False: a path names a file whose contents may change between runs.
    futures = client.map(check_file, items, pure=False)
    files: list[FileResult] = client.gather(futures)  # type: ignore[no-untyped-call]
    if resolve is None:
        return ArchiveResult(tuple(files), {})

    def ask(ids: Sequence[str]) -> dict[str, Any]:
        batches = _batches(sorted(ids), max(1, batch_size))
        rfutures = client.map(resolve, batches, pure=False)
        answers: list[Mapping[str, Any]] = client.gather(rfutures)  # type: ignore[no-untyped-call]
        return {k: v for answer in answers for k, v in answer.items()}

    resolutions = policy.resolve_citations([f.citations for f in files], ask)
    # as in the CLI: an offline finding an answer disproves (UN103 on a resolved symbol) goes
    standing = [
        attrs.evolve(f, findings=tuple(x for x in f.findings if policy.stands(x, resolutions)))
        for f in files
    ]
    return ArchiveResult(tuple(standing), resolutions)
