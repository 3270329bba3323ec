"""The ``citecheck`` command line: a thin layer over the pure pipeline.

Exit codes (CONTRACT.md): 0 no finding at or above the failing severity; 1 findings; 2 usage
or input error. A bad file gets a message on stderr and does not stop the others; an
unexpected exception ends the run with a one-line message and exit 2, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from citecheck import __version__
from citecheck.batch import BatchResult, ResolverFn, check_sources, expand_paths, run_batch
from citecheck.config import Config, ConfigError, discover
from citecheck.fixes import Outcome, apply_fixes, fixable, select_fixes, unified_diff, write_fixed
from citecheck.formats import CHECK_FORMATS, render
from citecheck.model import Severity
from citecheck.pipeline import CitationParseError, check, extract, parse
from citecheck.readers import InputError, SourceText, read_source
from citecheck.report import FileReport, render_extract
from citecheck.rules import all_rules, rule_by_code

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

#: Network trouble (unverified): reported, but never makes a run fail unless ``--strict``.
NETWORK_CODES = frozenset({"RS102"})


def _read_all(paths: Sequence[str]) -> tuple[list[SourceText], bool]:
    """Read every input (directories walked); report unreadable ones and carry on."""
    try:
        config = discover(paths)
    except ConfigError as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    files, errors = expand_paths(paths, config)
    sources: list[SourceText] = []
    for path in files:
        try:
            sources.append(read_source(path))
        except InputError as exc:
            errors.append(exc)
    for err in errors:
        click.echo(f"citecheck: error: {err.path}: {err.reason}", err=True)
    return sources, bool(errors)


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select A --select B,C`` -> ("A", "B", "C")."""
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def _env_has(key: str) -> bool:
    return bool(os.environ.get("CITECHECK_" + key.upper()))


def network_resolver(
    config: Config, *, refresh: bool, cache_dir: Path | None, timeout: float | None
) -> tuple[ResolverFn | None, Callable[[], None]]:
    """A resolver over ``citecheck.resolve`` (None when that layer is not installed).

    Environment variables beat the config file; command-line options beat both.
    """
    try:
        from citecheck.resolve.engine import Resolver, settings_from_env
    except ImportError:  # pragma: no cover - the resolution layer ships with citecheck
        return None, lambda: None
    overrides = {k: v for k, v in config.resolve_overrides().items() if not _env_has(k)}
    if cache_dir is not None:
        overrides["cache_dir"] = cache_dir
    settings = settings_from_env(refresh=refresh, timeout=timeout, **overrides)
    resolver = Resolver(settings)

    def resolve(ids: Sequence[str]) -> dict[str, Any]:
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


class _Commands(click.Group):
    """The command group; ``lsp`` (pygls ~0.3 s) and ``cache`` (httpx, asyncio, lxml ~0.1 s)
    are imported only when asked for. Unexpected exceptions become exit 2 with a message."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), "lsp", "cache", "index"})

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
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (Exception, MemoryError, RecursionError) as exc:
            click.echo(f"citecheck: error: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(EXIT_USAGE)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citecheck")
def main() -> None:
    """Find, parse and check legal citations in UN human-rights and EU legal texts."""


@main.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "text"]),
    default="jsonl",
    show_default=True,
)
def extract_cmd(files: tuple[str, ...], fmt: str) -> None:
    """Print every citation in FILES ('-' for standard input)."""
    sources, failed = _read_all(files)
    reports = [
        FileReport(src.path, src.text, tuple(extract(src.text)), src.findings, source=src)
        for src in sources
    ]
    click.echo(render_extract(reports, fmt), nl=False)
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


def _parts_json(value: Any) -> Any:
    if attrs.has(type(value)):
        return attrs.asdict(value, recurse=True)
    return value


@main.command("parse")
@click.argument("citation")
def parse_cmd(citation: str) -> None:
    """Parse one citation string and print it as JSON."""
    try:
        cit = parse(citation)
    except CitationParseError as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    data = cit.to_json()
    data["parts"] = _parts_json(cit.parts)
    data["findings"] = [f.to_json() for f in check(citation).findings]
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@main.command("check")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
    help="text for people, json (CONTRACT.md), sarif (SARIF 2.1.0), github (annotations).",
)
@click.option("--select", multiple=True, help="Only report codes with these prefixes.")
@click.option("--ignore", multiple=True, help="Do not report codes with these prefixes.")
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
    help="Offline: make no request at all; nothing is resolved [config offline; online].",
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
    "--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds per request."
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Use this citecheck.toml/pyproject.toml instead of searching for one.",
)
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
    jobs: int,
    config_path: Path | None,
) -> None:
    """Check the citations in FILES (files or directories; '-' for standard input).

    Unless --offline, each distinct id of the whole batch is resolved once against its source.
    """
    try:
        config = discover(files, str(config_path) if config_path else None)
    except ConfigError as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    config = attrs.evolve(
        config,
        select=_codes(select) or config.select,
        ignore=_codes(ignore) or config.ignore,
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
    resolver: ResolverFn | None = None
    close: Callable[[], None] = lambda: None  # noqa: E731
    if not config.offline:
        resolver, close = network_resolver(
            config, refresh=refresh, cache_dir=cache_dir, timeout=timeout
        )
    try:
        batch = run_batch(files, config, resolver=resolver, jobs=jobs, progress_stream=sys.stderr)
        for err in batch.errors:
            click.echo(f"citecheck: error: {err.path}: {err.reason}", err=True)
        if diff or fix:
            written = _apply_fixes(batch, write=fix and not diff)
            if written:
                batch = _recheck(batch, written, config, resolver)
    finally:
        close()
    if not diff:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        click.echo(render(fmt, batch.reports, colour=colour), nl=False)
    threshold = config.fail_on.rank
    failing = any(
        f.severity.rank >= threshold and f.code not in NETWORK_CODES
        for rep in batch.reports
        for f in rep.findings
    )
    unresolved = batch.citations_not_resolved() if strict else 0
    if unresolved:
        click.echo(f"citecheck: {unresolved} citation(s) not resolved (--strict)", err=True)
        failing = True
    if batch.errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _recheck(
    batch: BatchResult,
    written: dict[int, SourceText],
    config: Config,
    resolver: ResolverFn | None,
) -> BatchResult:
    """The batch with the rewritten files checked again from their new text in memory (no
    re-reading: standard input cannot be read twice); other reports are kept as they were,
    and ids already resolved are not asked again."""
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


def _apply_fixes(batch: BatchResult, *, write: bool) -> dict[int, SourceText]:
    """Print diffs (``write`` False) or write fixed files; returns the rewritten files (index
    in the batch -> their new text as a source)."""
    written: dict[int, SourceText] = {}
    for i, (rep, src) in enumerate(zip(batch.reports, batch.sources, strict=True)):
        chosen = select_fixes(rep.findings, len(src.text))
        if not chosen:
            continue
        refusal = fixable(src)
        if refusal is not None:
            click.echo(f"citecheck: {src.path}: {refusal.value}", err=True)
            continue
        new_text = apply_fixes(src.text, chosen)
        if not write:
            click.echo(unified_diff(src.path, src.text, new_text), nl=False)
            continue
        outcome = write_fixed(src, new_text)
        if outcome is Outcome.WRITTEN:
            data = new_text.encode("utf-8")
            written[i] = attrs.evolve(
                src, text=new_text, digest=hashlib.sha256(data).hexdigest(), findings=()
            )
            click.echo(f"citecheck: {src.path}: fixed {len(chosen)} finding(s)", err=True)
        else:
            click.echo(f"citecheck: {src.path}: {outcome.value}", err=True)
    return written


@main.command("rules")
@click.argument("code", required=False)
def rules_cmd(code: str | None) -> None:
    """List the finding codes, or explain one CODE."""
    if code:
        try:
            rule = rule_by_code(code)
        except KeyError:
            click.echo(f"citecheck: error: unknown rule code {code!r}", err=True)
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
