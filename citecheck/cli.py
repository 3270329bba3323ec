"""The ``citecheck`` command line: a thin layer over the pure pipeline.

Exit codes: 0 no finding at or above the failing severity; 1 findings; 2 usage
or input error. A bad file gets a message on stderr and does not stop the others; an
unexpected exception ends the run with a one-line message and exit 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from citecheck import __version__
from citecheck.formats import CHECK_FORMATS, printable_path
from citecheck.launcher import quiet_after_broken_pipe
from citecheck.model import Severity

if TYPE_CHECKING:
    from citecheck.batch import BatchResult, ResolverFn
    from citecheck.config import Config
    from citecheck.readers import InputError, SourceText
    from citecheck.report import ReportView
    from citecheck.spill import SpilledBatch

# The pipeline, the resolver, the readers and the formats are imported inside the commands
# that use them, so ``citecheck --help`` starts about as fast as ``import citecheck``.

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: Ctrl-C: 128 + SIGINT, as shells report a command a signal ended.
EXIT_INTERRUPTED = 130

#: Shown under ``--help`` of the commands whose exit code means something.
EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0  no finding at or above the failing severity (--fail-on)\n"
    "  1  findings at or above it (or, with --strict, citations not resolved)\n"
    "  2  usage or input error: unreadable file, file --fix could not write, bad option\n"
    "     or rule code, bad config\n"
    "  128+N  ended by signal N: 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (no report)\n"
    "Network trouble alone never makes a run fail unless --strict."
)

#: Network trouble (unverified): reported, but never makes a run fail unless ``--strict``.
NETWORK_CODES = frozenset({"RS102"})


def _read_each(
    paths: Sequence[str], failed: list[InputError], stdin_name: str | None = None
) -> Iterator[SourceText]:
    """Read the inputs one at a time (directories walked), so a batch never holds more than
    one file's text; unreadable ones are reported, collected in ``failed``, and skipped.
    ``stdin_name`` is the name ``-`` goes by."""
    from citecheck.batch import expand_paths
    from citecheck.config import ConfigError, discover
    from citecheck.readers import InputError, read_source

    try:
        config = discover(_config_paths(paths, stdin_name))
    except ConfigError as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    files, errors = expand_paths(paths, config, stdin_name)
    for err in errors:
        failed.append(err)
        click.echo(f"citecheck: error: {printable_path(err.path)}: {err.reason}", err=True)
    for path in files:
        try:
            src = read_source(path, stdin_name)
        except InputError as exc:
            failed.append(exc)
            click.echo(f"citecheck: error: {printable_path(exc.path)}: {exc.reason}", err=True)
            continue
        except Exception as exc:  # a reader bug must not end the batch: one file's error
            err = InputError(path, f"cannot be read ({type(exc).__name__}: {exc})")
            failed.append(err)
            click.echo(f"citecheck: error: {printable_path(err.path)}: {err.reason}", err=True)
            continue
        yield src


#: ``--stdin-filename`` of ``check`` and ``extract``.
stdin_filename_option = click.option(
    "--stdin-filename",
    "stdin_name",
    metavar="NAME",
    default=None,
    help="The name standard input ('-') goes by: used in every report, its suffix chooses "
    "how it is read (.md: Markdown), and the config's exclude and per-file-ignores apply.",
)


def _stdin_name(files: Sequence[str], stdin_name: str | None) -> str | None:
    """``--stdin-filename`` checked: given without ``-`` among the files it names nothing, a
    usage error (exit 2) rather than a name silently unused."""
    if stdin_name is None:
        return None
    if "-" not in files:
        click.echo(
            "citecheck: error: --stdin-filename names standard input: give '-' among the files",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    if not stdin_name.strip() or stdin_name == "-":
        click.echo("citecheck: error: --stdin-filename needs a file name", err=True)
        sys.exit(EXIT_USAGE)
    return stdin_name


def _config_paths(files: Sequence[str], stdin_name: str | None) -> list[str]:
    """The paths the config is looked for from: standard input counts as its given name."""
    return [stdin_name if f == "-" and stdin_name else f for f in files]


def _codes(option: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A --select "B,C D"`` -> ("A", "B", "C", "D"); an unknown code or prefix is a
    usage error (exit 2) naming it, since a typo would otherwise select nothing."""
    from citecheck.config import describe_unknown_codes, split_codes, unknown_codes

    codes = split_codes(values)
    bad = unknown_codes(codes)
    if bad:
        click.echo(f"citecheck: error: {option}: {describe_unknown_codes(bad)}", err=True)
        sys.exit(EXIT_USAGE)
    return codes


def _env_has(key: str) -> bool:
    return bool(os.environ.get("CITECHECK_" + key.upper()))


def network_resolver(
    config: Config,
    *,
    refresh: bool,
    cache_dir: Path | None,
    timeout: float | None,
    network_budget: float | None = None,
    trust_config: bool = False,
    offline: bool = False,
    index_path: Path | None = None,
) -> tuple[ResolverFn | None, Callable[[], None]]:
    """A resolver over ``citecheck.resolve`` (None when that layer is not installed):
    the local index, then the cache, then (unless ``offline``) the live sources.

    Environment variables beat the config file; command-line options beat both.  The file's
    source URLs and cache-dir count only when trusted (``config_trusted``).
    """
    try:
        from citecheck.resolve.engine import Resolver, settings_from_env
    except ImportError:  # pragma: no cover - the resolution layer ships with citecheck
        return None, lambda: None
    from citecheck.config import TRUST_ENV, config_trusted

    trusted = config_trusted(trust_config)
    if not trusted and config.untrusted_keys():
        click.echo(
            f"citecheck: warning: {config.path}: ignoring {', '.join(config.untrusted_keys())}: "
            f"a repository's config may not choose the sources or the cache (use --trust-config "
            f"or {TRUST_ENV}=1 if you trust it)",
            err=True,
        )
    overrides = {
        k: v for k, v in config.resolve_overrides(trusted=trusted).items() if not _env_has(k)
    }
    if cache_dir is not None:
        overrides["cache_dir"] = cache_dir
    if index_path is not None:
        overrides["index_path"] = index_path
    overrides["offline"] = offline or None
    settings = settings_from_env(
        refresh=refresh, timeout=timeout, network_budget=network_budget, **overrides
    )
    resolver = Resolver(settings)

    from citecheck.batch import counting_progress

    def resolve(ids: Sequence[str]) -> dict[str, Any]:
        with counting_progress(len(ids), sys.stderr) as update:
            resolver.progress = update
            return dict(resolver.resolve(ids))

    return resolve, resolver.close


def _cache_command() -> click.Command | None:
    try:
        from citecheck.resolve.cli import cache
    except ImportError:  # pragma: no cover - the resolution layer ships with citecheck
        return None
    return cache


def _index_command() -> click.Command | None:
    try:
        from citecheck.index.cli import index
    except ImportError:  # pragma: no cover - the index ships with citecheck
        return None
    return index


def iter_render(
    fmt: str,
    reports: Sequence[ReportView],
    *,
    colour: bool = False,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> Iterator[str]:
    """The output of ``check`` in pieces (:func:`citecheck.formats.iter_render`, imported
    when used)."""
    from citecheck.formats import iter_render as render_format

    yield from render_format(
        fmt, reports, colour=colour, errors=errors, notices=notices, not_written=not_written
    )


#: Short help of the commands imported only when run (``lsp``: pygls; ``cache``: httpx, lxml;
#: ``index``), so ``citecheck --help`` lists them without importing them. A test checks that
#: each equals the command's own.
LAZY_COMMAND_HELP = {
    "cache": "Inspect and manage the cache of resolved citations.",
    "index": "The local citation index: what the sources hold, harvested in bulk, for instant "
    "checks.",
    "lsp": "Run the citecheck language server on stdio (for editors).",
}


#: ``click`` context key of citecheck's own warnings said in this run (their texts)
WARNINGS_SAID = "citecheck.warnings_said"


def _own_warnings_as_lines(
    previous: Callable[..., None], said: list[str] | None = None
) -> Callable[..., None]:
    """A ``warnings.showwarning`` that writes citecheck's own warnings (an unusable index or
    cache) as one ``citecheck: warning:`` line (a user has no use for the Python source line
    that raised them), keeps their text in ``said`` (``check`` repeats them in the machine
    formats' notices) and hands the others to ``previous``."""

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if category.__module__.startswith("citecheck."):
            click.echo(f"citecheck: warning: {message}", err=True)
            if said is not None and str(message) not in said:
                said.append(str(message))
            return
        previous(message, category, filename, lineno, file, line)

    return show


class _Commands(click.Group):
    """The command group; ``lsp``, ``cache`` and ``index`` are imported only when run (see
    ``LAZY_COMMAND_HELP``). Unexpected exceptions become exit 2 with a message."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMAND_HELP})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = []
        for name in names:
            if name in LAZY_COMMAND_HELP:
                stand_in = click.Command(name, help=LAZY_COMMAND_HELP[name])
                rows.append((name, stand_in.get_short_help_str(limit)))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "lsp":
            from citecheck.lsp import lsp_command

            return lsp_command
        if cmd_name == "cache":
            return _cache_command()
        if cmd_name == "index":
            return _index_command()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings.catch_warnings():
                said = ctx.meta.setdefault(WARNINGS_SAID, [])
                warnings.showwarning = _own_warnings_as_lines(warnings.showwarning, said)
                return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            quiet_after_broken_pipe()
            sys.exit(EXIT_OK)
        except KeyboardInterrupt:  # as SIGTERM and SIGHUP end ``check``: 128 + the signal
            click.echo("citecheck: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (Exception, MemoryError, RecursionError) as exc:
            click.echo(f"citecheck: error: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, prog_name="citecheck")
def main() -> None:
    """Find, parse and check legal citations in UN human-rights and EU legal texts.

    Start with `citecheck check FILE`; `citecheck COMMAND --help` explains each command and
    `citecheck rules CODE` each finding code.
    """


@main.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "text"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object a citation; json: an array per file; text: one line a "
    "citation, for people.",
)
@stdin_filename_option
def extract_cmd(files: tuple[str, ...], fmt: str, stdin_name: str | None) -> None:
    """Print every citation in FILES ('-' for standard input)."""
    from citecheck.report import FileReport, iter_extract

    stdin_name = _stdin_name(files, stdin_name)
    failed: list[InputError] = []
    reports = (
        FileReport(src.path, src.text, (), src.findings, source=src)
        for src in _read_each(files, failed, stdin_name)
    )
    many = len(files) > 1 or any(os.path.isdir(f) for f in files)
    for piece in iter_extract(reports, fmt, many=many):
        click.echo(piece, nl=False)
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


def _parts_json(value: Any) -> Any:
    import attrs

    if attrs.has(type(value)):
        return attrs.asdict(value, recurse=True)
    return value


@main.command("parse")
@click.argument("citation")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=Severity.WARNING.value,
    show_default=True,
    help="Lowest severity of a finding that makes the command exit 1.",
)
def parse_cmd(citation: str, fail_on: str) -> None:
    """Parse CITATION and print every citation in it as a JSON array.

    A list such as "resolutions 43/4 and 44/15" or "C-501/12 to C-503/12" gives one object
    per citation; each object carries its typed parts and the findings about it. Exit 0 when
    no finding reaches --fail-on, 1 when one does, 2 when no citation is recognised.
    """
    from citecheck.pipeline import check

    result = check(citation)
    if not result.citations:
        click.echo(
            f"citecheck: error: no citation recognised in {citation!r}; write one such as "
            "'A/HRC/41/35, para. 66', 'Regulation (EU) 2016/679' or 'Case C-293/12'",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    out = []
    for cit in result.citations:
        data = cit.to_json()
        data["id"] = cit.id or None  # a short form with nothing to point back to
        data["parts"] = _parts_json(cit.parts)
        data["findings"] = [
            f.to_json() for f in result.findings if f.start < cit.end and f.end > cit.start
        ]
        out.append(data)
    click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    threshold = Severity(fail_on).rank
    failing = any(f.severity.rank >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


@main.command("check", epilog=EXIT_CODES_HELP)
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="text: for people; json: for tools (ids, statuses, findings, summary); sarif: "
    "SARIF 2.1.0 for code scanning; github: GitHub workflow annotations.",
)
@click.option(
    "--select",
    multiple=True,
    help="Only report codes starting with these prefixes (UN, EU1, SF101); repeat the option "
    "or separate codes by commas or spaces. An unknown code is an error [config select].",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Do not report codes starting with these prefixes; as --select [config ignore].",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Lowest severity that makes the run fail (exit 1) [config fail-on; warning].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes in place.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; write nothing.")
@click.option(
    "--offline/--online",
    default=None,
    help="Offline: make no request at all; only the local index, the cache and citecheck's "
    "own lists answer [config offline; online].",
)
@click.option("--refresh", is_flag=True, help="Ignore cached answers and ask the sources again.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when a citation that a source can answer for is not resolved (not found or "
    "unverified); ids with no source (not_checked), ambiguous ids and ids with '?' are not "
    "counted. Needs the network: an error with --offline.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Cache directory [config cache-dir; env CITECHECK_CACHE_DIR].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Overall deadline in seconds for each request, body included [default: 20].",
)
@click.option(
    "--network-budget",
    type=click.FloatRange(min=0.1),
    default=None,
    help="Seconds the run may spend on the network in all; ids not answered by then are "
    "unverified [env CITECHECK_NETWORK_BUDGET; 60].",
)
@click.option(
    "--trust-config",
    is_flag=True,
    help="Use the config file's source URLs and cache-dir (ignored otherwise) "
    "[env CITECHECK_TRUST_CONFIG=1].",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Local index file to ask first [env CITECHECK_INDEX; default: the user data "
    "directory; build it with 'citecheck index update'].",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Check the files in this many processes (worth it for many files; one per core).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Use this citecheck.toml/pyproject.toml instead of searching for one.",
)
@stdin_filename_option
def check_cmd(
    files: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    fix: bool,
    diff: bool,
    offline: bool | None,
    refresh: bool,
    strict: bool,
    cache_dir: Path | None,
    timeout: float | None,
    network_budget: float | None,
    trust_config: bool,
    index_path: Path | None,
    jobs: int,
    config_path: Path | None,
    stdin_name: str | None,
) -> None:
    """Check the citations in FILES (files or directories; '-' for standard input).

    Each distinct id of the whole batch is resolved once: from the local index, then the
    cache, then (unless --offline) its live sources.
    """

    import attrs

    from citecheck.batch import BatchResult, run_batch
    from citecheck.config import ConfigError, discover

    stdin_name = _stdin_name(files, stdin_name)
    try:
        config = discover(
            _config_paths(files, stdin_name), str(config_path) if config_path else None
        )
    except ConfigError as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    config = attrs.evolve(
        config,
        select=_codes("--select", select) or config.select,
        ignore=_codes("--ignore", ignore) or config.ignore,
        fail_on=Severity(fail_on) if fail_on else config.fail_on,
        offline=config.offline if offline is None else offline,
    )
    if strict and config.offline:
        click.echo(
            "citecheck: error: --strict asks that citations be resolved, which needs the "
            "network: it cannot be used with --offline (or offline = true in the config)",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    resolver, close = network_resolver(
        config,
        refresh=refresh,
        cache_dir=cache_dir,
        timeout=timeout,
        network_budget=network_budget,
        trust_config=trust_config,
        offline=config.offline,
        index_path=index_path,
    )
    not_written: list[tuple[str, str]] = []  # files --fix did not write: errors (exit 2)
    with contextlib.ExitStack() as stack:
        batch: BatchResult | SpilledBatch
        try:
            if diff or fix:  # the fixes need the texts
                batch = run_batch(
                    files,
                    config,
                    resolver=resolver,
                    jobs=jobs,
                    progress_stream=sys.stderr,
                    stdin_name=stdin_name,
                )
            else:  # reports wait on disk until rendered: memory follows the distinct ids
                batch = _check_spilled(stack, files, config, resolver, jobs, stdin_name)
            for err in batch.errors:
                click.echo(f"citecheck: error: {printable_path(err.path)}: {err.reason}", err=True)
            if isinstance(batch, BatchResult):
                written, not_written = _apply_fixes(batch, write=fix and not diff)
                if written:
                    batch = _recheck(batch, written, config, resolver)
        finally:
            close()
        said = click.get_current_context().meta.get(WARNINGS_SAID, [])
        notices = [*said, *_network_notices(batch)]
        if not diff:
            colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            errors = [(err.path, err.reason) for err in batch.errors]
            _echo_pieces(
                iter_render(
                    fmt,
                    batch.reports,
                    colour=colour,
                    errors=errors,
                    notices=notices,
                    not_written=not_written,
                )
            )
        failing = batch.failing(config.fail_on.rank, NETWORK_CODES)
        unresolved = batch.citations_not_resolved() if strict else 0
    if unresolved:
        click.echo(f"citecheck: {unresolved} citation(s) not resolved (--strict)", err=True)
        failing = True
    if batch.errors or not_written:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _check_spilled(
    stack: contextlib.ExitStack,
    files: Sequence[str],
    config: Config,
    resolver: ResolverFn | None,
    jobs: int,
    stdin_name: str | None = None,
) -> BatchResult | SpilledBatch:
    """``run_batch_spilled`` in a spill kept open by ``stack`` (until rendered) and removed
    also when SIGTERM or SIGHUP end the run; in memory, with one notice, when no temporary
    file can be written (before the spill, ``check`` needed no disk)."""
    from citecheck.batch import run_batch, run_batch_spilled
    from citecheck.spill import Spill, SpillError, signals_end_the_run

    stack.enter_context(signals_end_the_run())
    try:
        with contextlib.ExitStack() as attempt:
            spill = attempt.enter_context(Spill())
            batch = run_batch_spilled(
                files,
                config,
                spill,
                resolver=resolver,
                jobs=jobs,
                progress_stream=sys.stderr,
                stdin_name=stdin_name,
            )
            stack.push(attempt.pop_all())
            return batch
    except SpillError as exc:
        click.echo(
            f"citecheck: cannot write temporary files in {exc.folder} (set TMPDIR): "
            "checking in memory",
            err=True,
        )
    return run_batch(
        files,
        config,
        resolver=resolver,
        jobs=jobs,
        progress_stream=sys.stderr,
        keep_texts=False,
        stdin_name=stdin_name,
    )


#: Characters of output written at once: a flood of findings is not one write a line.
OUTPUT_BUFFER = 1 << 16


def _echo_pieces(pieces: Iterable[str]) -> None:
    """Write ``pieces`` to standard output in blocks of about ``OUTPUT_BUFFER`` characters."""
    block: list[str] = []
    size = 0
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size >= OUTPUT_BUFFER:
            click.echo("".join(block), nl=False)
            block, size = [], 0
    if block:
        click.echo("".join(block), nl=False)


def _network_notices(batch: BatchResult | SpilledBatch) -> list[str]:
    """One line, on stderr and in the machine formats, for all the citations left unverified
    because no source could be connected to (their RS102 findings just say "no network")."""
    from citecheck.resolve.policy import no_network_summary

    count = batch.citations_without_network()
    if not count:
        return []
    notice = no_network_summary(count)
    click.echo(f"citecheck: {notice}", err=True)
    return [notice]


def _recheck(
    batch: BatchResult,
    written: dict[int, SourceText],
    config: Config,
    resolver: ResolverFn | None,
) -> BatchResult:
    """The batch with the rewritten files checked again from their new text in memory (no
    re-reading: standard input cannot be read twice); other reports are kept as they were,
    and ids already resolved are not asked again."""
    import attrs

    from citecheck.batch import check_sources

    known = {k: v for rep in batch.reports for k, v in rep.resolutions.items()}
    redone = check_sources(list(written.values()), config, resolver=resolver, known=known)
    new = dict(zip(written, zip(redone.reports, redone.sources, strict=True), strict=True))
    reports, sources = [], []
    for i, (rep, src) in enumerate(zip(batch.reports, batch.sources, strict=True)):
        rep, src = new.get(i, (rep, src))
        reports.append(rep)
        sources.append(src)
    return attrs.evolve(
        batch,
        reports=tuple(reports),
        sources=tuple(sources),
        errors=batch.errors + redone.errors,
    )


def _apply_fixes(
    batch: BatchResult, *, write: bool
) -> tuple[dict[int, SourceText], list[tuple[str, str]]]:
    """Print diffs (``write`` False) or write fixed files; returns the rewritten files (index
    in the batch -> their new text as a source) and those not written (path, reason)."""
    import attrs

    from citecheck.fixes import (
        NotWritten,
        Outcome,
        apply_fixes,
        fixable,
        is_markdown,
        markdown_code_spans,
        select_fixes,
        unified_diff,
        write_fixed,
    )

    written: dict[int, SourceText] = {}
    not_written: list[tuple[str, str]] = []
    for i, (rep, src) in enumerate(zip(batch.reports, batch.sources, strict=True)):
        quoted = markdown_code_spans(src.text) if is_markdown(src.path, src.extracted) else []
        chosen = select_fixes(rep.findings, len(src.text), quoted)
        if not chosen:
            continue
        refusal = fixable(src)
        if refusal is not None and not (refusal is Outcome.STDIN and not write):
            click.echo(f"citecheck: {printable_path(src.path)}: {refusal.value}", err=True)
            continue
        new_text = apply_fixes(src.text, chosen)
        if not write:  # standard input too: its diff is the one way to see its fixes
            click.echo(unified_diff(printable_path(src.path), src.text, new_text), nl=False)
            continue
        try:
            outcome = write_fixed(src, new_text)
        except NotWritten as exc:
            click.echo(f"citecheck: error: {printable_path(src.path)}: {exc}", err=True)
            not_written.append((src.path, str(exc)))
            continue
        if outcome is Outcome.WRITTEN:
            data = new_text.encode("utf-8")
            written[i] = attrs.evolve(
                src, text=new_text, digest=hashlib.sha256(data).hexdigest(), findings=()
            )
            click.echo(
                f"citecheck: {printable_path(src.path)}: fixed {len(chosen)} finding(s)", err=True
            )
        else:
            click.echo(f"citecheck: {printable_path(src.path)}: {outcome.value}", err=True)
    return written, not_written


@main.command("rules")
@click.argument("code", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="text: one line a rule; markdown: the whole reference with explanations and examples.",
)
def rules_cmd(code: str | None, fmt: str) -> None:
    """List the finding codes, or explain one CODE."""
    from citecheck.config import describe_unknown_codes
    from citecheck.rules import all_rules, rule_by_code
    from citecheck.rules import markdown as rules_markdown

    if fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
        return
    if code:
        try:
            rule = rule_by_code(code)
        except KeyError:
            click.echo(f"citecheck: error: {describe_unknown_codes([code])}", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(f"{rule.code} {rule.name} [{rule.severity.value}]")
        click.echo(f"\n{rule.summary}\n")
        if rule.explanation:
            click.echo(f"{rule.explanation}\n")
        if rule.bad:
            click.echo(f"Wrong: {rule.bad}")
        if rule.good:
            click.echo(f"Right: {rule.good}")
        if rule.fixable:
            click.echo("\nA safe fix is available (citecheck check --fix).")
        return
    for rule in all_rules():
        fix = " (fixable)" if rule.fixable else ""
        click.echo(f"{rule.code:7} {rule.severity.value:8} {rule.name}: {rule.summary}{fix}")


if __name__ == "__main__":  # pragma: no cover
    main()
