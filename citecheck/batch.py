"""Checking many files: expand paths -> read -> check -> resolve once -> filter -> reports.

The batch layer does no printing (except an optional progress bar on a terminal) and takes the
resolver as a parameter, so tests inject a fake one and never touch the network. Each distinct
id is resolved once for the whole batch, whatever the number of files citing it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs
import pathspec

from citecheck import parallel
from citecheck.config import Config, code_selected
from citecheck.fixes import is_markdown, markdown_code_spans, unquoted_fixes
from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult
from citecheck.readers import NO_FILE_TO_CHECK, InputError, SourceText, read_source
from citecheck.report import FileReport
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution
from citecheck.resolve.policy import NEIGHBOUR_GAP, resolvable
from citecheck.spill import Spill, SpilledBatch, spill_checker, spilled_batch
from citecheck.suppress import Suppressions, filter_suppressed, suppressions

#: ids -> resolution (a ``Resolution``, or its JSON dict)
ResolverFn = policy.ResolveFn

__all__ = [
    "NEIGHBOUR_GAP",
    "BatchResult",
    "ResolverFn",
    "resolvable",
    "run_batch",
    "run_batch_spilled",
]

#: A progress bar appears only for more files than this, and only on a terminal.
PROGRESS_MIN_FILES = 3

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen(slots=True)
class BatchResult:
    """Reports of the files that could be read, the errors of those that could not."""

    reports: tuple[FileReport, ...]
    sources: tuple[SourceText, ...]
    errors: tuple[InputError, ...]
    resolved: bool = False  # True when a resolver was asked

    def citations_not_resolved(self) -> int:
        """What ``--strict`` counts: citations whose id some source can answer for but that are
        not ``resolved``. Ids without a source (``not_checked``: OJ issue/page references,
        ``spcomm:``...), ambiguous ids and ids with ``?`` are never asked, so not counted."""
        count = 0
        for rep in self.reports:
            for cit in rep.citations:
                if not resolvable(cit):
                    continue
                status = rep.resolutions.get(cit.id, {}).get("status")
                if status not in ("resolved", "not_checked"):
                    count += 1
        return count

    def failing(self, threshold: int, exempt: frozenset[str]) -> bool:
        """A finding at or above severity rank ``threshold`` whose code is not ``exempt``."""
        return any(
            f.severity.rank >= threshold and f.code not in exempt
            for rep in self.reports
            for f in rep.findings
        )

    def citations_without_network(self) -> int:
        """Citations left unverified because no source could be connected to."""
        return sum(
            1
            for rep in self.reports
            for cit in rep.citations
            if resolvable(cit)
            and rep.resolutions.get(cit.id, {}).get("reason") == policy.NO_NETWORK
            and rep.resolutions[cit.id].get("status") == "unverified"
        )


def progress(items: Iterable[T], total: int, stream: IO[str] | None) -> Iterator[T]:
    """``items``, with a tqdm bar on ``stream`` when it is a terminal and the batch is big."""
    if stream is None or total <= PROGRESS_MIN_FILES or not _isatty(stream):
        yield from items
        return
    from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]

    yield from tqdm(items, total=total, file=stream, unit="file", leave=False)


@contextlib.contextmanager
def counting_progress(
    total: int, stream: IO[str] | None, unit: str = "id"
) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar of ``total`` steps on ``stream`` when it is a terminal, as its ``update``
    function (None when there is no bar); the resolution reports answers to it as they come."""
    if stream is None or total <= PROGRESS_MIN_FILES or not _isatty(stream):
        yield None
        return
    from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]

    with tqdm(total=total, file=stream, unit=unit, leave=False, desc="resolving") as bar:

        def update(steps: int) -> None:
            bar.update(steps)

        yield update


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _gitignore(folder: Path) -> pathspec.PathSpec[Any] | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def expand_paths(
    args: Sequence[str], config: Config, stdin_name: str | None = None
) -> tuple[list[str], list[InputError]]:
    """Files to check: files as given, directories walked (config extensions, ``exclude``,
    the walked directory's ``.gitignore``, hidden entries skipped). Excluded files and
    directories given by name are skipped too, so pre-commit and CI agree with the config
    (standard input as well when ``stdin_name`` names it); a directory that is not excluded
    but holds no file to check is an input error. One file reached under several names
    (same real path) is checked once, under the first name."""
    files, errors = _expand(args, config)
    if stdin_name is not None and config.is_excluded(Path(stdin_name)):
        files = [f for f in files if f != "-"]
    return _dedupe(files), errors


def _dedupe(paths: Sequence[str]) -> list[str]:
    """The first of several names for one file (``a.txt``, ``./a.txt``, a symlink to it)."""
    seen: set[str] = set()
    out: list[str] = []
    for path in paths:
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _expand(args: Sequence[str], config: Config) -> tuple[list[str], list[InputError]]:
    exts = {"." + e.lower().lstrip(".") for e in config.extensions}
    files: list[str] = []
    errors: list[InputError] = []
    for arg in args:
        if arg == "-":
            files.append(arg)
            continue
        top = Path(arg)
        if not top.is_dir():
            if not config.is_excluded(top):
                files.append(arg)
            continue
        if config.is_excluded_dir(top):  # named but excluded: skipped, as an excluded file is
            continue
        ignore = _gitignore(top)
        found: list[str] = []
        for folder, dirs, names in os.walk(top, onerror=None):
            base = Path(folder)
            kept_dirs = []
            for d in sorted(dirs):
                rel = (base / d).relative_to(top).as_posix() + "/"
                if d.startswith(".") or (ignore is not None and ignore.match_file(rel)):
                    continue
                if config.is_excluded_dir(base / d):
                    continue
                kept_dirs.append(d)
            dirs[:] = kept_dirs
            for name in sorted(names):
                path = base / name
                if name.startswith(".") or path.suffix.lower() not in exts:
                    continue
                rel = path.relative_to(top).as_posix()
                if ignore is not None and ignore.match_file(rel):
                    continue
                if config.is_excluded(path):
                    continue
                found.append(str(path))
        if not found:
            errors.append(InputError(arg, NO_FILE_TO_CHECK))
        files.extend(sorted(found))
    return files, errors


def _checked(
    sources: Iterable[SourceText],
    jobs: int,
    progress_stream: IO[str] | None,
    families: tuple[str, ...] | None,
    total: int | None,
    checker: Callable[[str, tuple[str, ...] | None], R],
) -> Generator[tuple[SourceText, R], None, None]:
    """(source, ``checker`` result) in input order, each file checked as soon as it is read
    (by worker processes for ``jobs > 1``, a few files ahead), so only the texts being checked
    are in memory, not a whole batch first."""
    if total is None and isinstance(sources, Sequence):
        total = len(sources)
    if jobs > 1 and (total is None or total > 1):  # one file: no worker to pickle it to
        pairs = parallel.imap_check(
            sources, _text_of, min(jobs, total or jobs), families, checker
        )
        yield from progress(pairs, total or 0, progress_stream)
        return
    for src in progress(sources, total or 0, progress_stream):
        yield src, checker(src.text, families)


def _text_of(src: SourceText) -> str:
    return src.text


def check_one(text: str, families: tuple[str, ...] | None = None) -> CheckResult | str:
    """One text's check, the same in one process as in workers (`parallel.safe_check`)."""
    return parallel.safe_check(text, families)


def resolve_all(
    reports: Sequence[tuple[SourceText, CheckResult]], resolver: ResolverFn
) -> dict[str, dict[str, Any]]:
    """Ask the resolver once for every distinct id of the batch (`policy.resolve_citations`);
    the answers as the report's JSON."""
    answers = policy.resolve_citations([res.citations for _, res in reports], resolver)
    return {ident: res.to_json() for ident, res in answers.items()}


def cited_together(reports: Sequence[tuple[SourceText, CheckResult]]) -> dict[str, set[str]]:
    """id -> ids of other citations written side by side (`policy.cited_together`)."""
    return policy.cited_together([res.citations for _, res in reports])


def resolution_findings(
    citations: Sequence[Citation], resolutions: Mapping[str, Mapping[str, Any]]
) -> list[Finding]:
    """The RS findings of `policy.resolution_findings` for JSON resolutions."""
    typed = {k: policy.as_resolution(k, v) for k, v in resolutions.items()}
    return policy.resolution_findings(citations, typed)


def keep_finding(finding: Finding, config: Config, ignored: Sequence[str]) -> bool:
    return code_selected(finding.code, config.select, ignored)


def run_batch(
    args: Sequence[str],
    config: Config,
    *,
    resolver: ResolverFn | None = None,
    jobs: int = 1,
    progress_stream: IO[str] | None = None,
    keep_texts: bool = True,
    stdin_name: str | None = None,
) -> BatchResult:
    """Check every file of ``args``; ``resolver`` None means offline (nothing resolved);
    ``keep_texts`` as in :func:`check_sources`; ``stdin_name`` is the name ``-`` goes by
    (``--stdin-filename``)."""
    paths, errors = expand_paths(args, config, stdin_name)
    return check_sources(
        _read_each(paths, errors, stdin_name),
        config,
        resolver=resolver,
        jobs=jobs,
        progress_stream=progress_stream,
        errors=errors,
        total=len(paths),
        keep_texts=keep_texts,
    )


def _read_each(
    paths: Sequence[str], errors: list[InputError], stdin_name: str | None = None
) -> Iterator[SourceText]:
    """One file at a time: each is read when its turn comes, not all before the first; the
    unreadable ones go to ``errors``."""
    for path in paths:
        try:
            yield read_source(path, stdin_name)
        except InputError as exc:
            errors.append(exc)
        except Exception as exc:  # a reader bug must not end the batch: one file's error
            errors.append(InputError(path, f"cannot be read ({type(exc).__name__}: {exc})"))


def run_batch_spilled(
    args: Sequence[str],
    config: Config,
    spill: Spill,
    *,
    resolver: ResolverFn | None = None,
    jobs: int = 1,
    progress_stream: IO[str] | None = None,
    stdin_name: str | None = None,
) -> SpilledBatch:
    """:func:`run_batch` whose reports wait in ``spill`` (open until the batch is rendered):
    memory follows the batch's distinct ids, not its files or citations (the command line's
    ``check``; ``--fix`` needs texts: :func:`run_batch`)."""
    paths, errors = expand_paths(args, config, stdin_name)
    read: list[InputError] = []
    sources = _read_each(paths, read, stdin_name)
    checked = _checked(sources, jobs, progress_stream, None, len(paths), spill_checker(spill))
    # ``read`` fills as the files are read: it is complete once ``checked`` is used up.
    # Closed at once whatever ends the loop, so its workers are gone before the spill is.
    with contextlib.closing(checked):
        batch = spilled_batch(checked, config, spill, resolver=resolver)
    return attrs.evolve(batch, errors=(*errors, *read, *batch.errors))


def check_sources(
    sources: Iterable[SourceText],
    config: Config,
    *,
    resolver: ResolverFn | None = None,
    jobs: int = 1,
    progress_stream: IO[str] | None = None,
    errors: Sequence[InputError] = (),
    known: Mapping[str, Mapping[str, Any]] | None = None,
    families: tuple[str, ...] | None = None,
    total: int | None = None,
    keep_texts: bool = True,
) -> BatchResult:
    """Check texts as they are read (``sources`` may be a generator that adds to ``errors``;
    ``total`` is their number, for the progress bar). ``known`` resolutions (id -> JSON) are
    reused: the resolver is asked only about the other ids (``--fix`` re-checks the rewritten
    files this way). ``families`` limits extraction to those citation families (all when
    None). ``keep_texts`` False drops each text once it is checked (the reports keep line
    indexes for locations), so memory does not grow with the size of the batch; ``--fix``
    needs the texts."""
    failed: list[InputError] = []
    pairs: list[tuple[SourceText, CheckResult]] = []
    marks: list[Suppressions] = []
    checked = _checked(sources, jobs, progress_stream, families, total, check_one)
    with contextlib.closing(checked):  # closed at once on an error: no worker outlives it
        for src, res in checked:
            if isinstance(res, str):
                failed.append(InputError(src.path, res))
            else:
                # The markers are read now, so the text need not outlive its check.
                marks.append(suppressions(src.text, src.marker_line))
                pairs.append((src if keep_texts else src.without_text(), res))
    errs = [*errors, *failed]
    resolutions = {k: policy.as_resolution(k, v) for k, v in (known or {}).items()}
    if resolver is not None:
        missing = [tuple(c for c in res.citations if c.id not in resolutions) for _, res in pairs]
        resolutions.update(policy.resolve_citations(missing, resolver))
    reports = [
        _report(src, res, config, resolutions, marked)
        for (src, res), marked in zip(pairs, marks, strict=True)
    ]
    return BatchResult(
        tuple(reports), tuple(src for src, _ in pairs), tuple(errs), resolver is not None
    )


def _report(
    src: SourceText,
    res: CheckResult,
    config: Config,
    resolutions: Mapping[str, Resolution],
    marks: Suppressions,
) -> FileReport:
    """One file's report; resolutions become the report's JSON only here, once."""
    findings = list(src.findings) + list(res.findings)
    if resolutions:
        findings = [f for f in findings if policy.stands(f, resolutions)]
        findings += policy.resolution_findings(res.citations, resolutions)
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    ignored = config.ignored_codes(src.path)
    findings = [f for f in findings if keep_finding(f, config, ignored)]
    findings = filter_suppressed(findings, marks, src.marker_line)
    if any(f.fix is not None for f in findings) and is_markdown(src.path, src.extracted):
        findings = list(unquoted_fixes(findings, markdown_code_spans(src.text)))
    used = {c.id: resolutions[c.id].to_json() for c in res.citations if c.id in resolutions}
    return FileReport(src.path, src.text, res.citations, tuple(findings), used, src)
