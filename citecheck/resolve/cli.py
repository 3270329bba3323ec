"""Click commands of the resolution layer: `citecheck cache ...` and the network options.

The main CLI attaches `cache` with `main.add_command(cache)` and decorates `check` with
`add_network_options`, which hands the command a ready `resolve_settings: Settings`.
"""

from __future__ import annotations

import contextlib
import functools
import io
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, cast

import click

from citecheck.resolve.cache import Cache, UnreadableImport, default_dir, remove_files
from citecheck.resolve.engine import Settings, settings_from_env

F = TypeVar("F", bound=Callable[..., Any])
_DIR = click.Path(file_okay=False, dir_okay=True, path_type=Path)


def add_network_options(f: F) -> F:
    """Add --offline/--online, --refresh, --cache-dir, --timeout, --network-budget; pass
    `resolve_settings`."""

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        offline: bool,
        refresh: bool,
        cache_dir: Path | None,
        timeout: float | None,
        network_budget: float | None,
        **kwargs: Any,
    ) -> Any:
        kwargs["resolve_settings"] = settings_from_env(
            offline=offline,
            refresh=refresh,
            cache_dir=cache_dir,
            timeout=timeout,
            network_budget=network_budget,
        )
        return f(*args, **kwargs)

    options = [
        click.option(
            "--offline/--online",
            default=False,
            help="Offline: make no request at all; ids the local index and the cache do not "
            "answer are not checked.",
        ),
        click.option("--refresh", is_flag=True, help="Ignore cached answers and ask again."),
        click.option(
            "--cache-dir",
            type=_DIR,
            default=None,
            help="Cache directory [env CITECHECK_CACHE_DIR].",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=None,
            help="Overall deadline in seconds for each request, body included (default 20).",
        ),
        click.option(
            "--network-budget",
            type=click.FloatRange(min=0.1),
            default=None,
            help="Seconds the run may spend on the network in all; ids not answered by then "
            "are unverified (default 60).",
        ),
    ]
    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return cast(F, decorated)


class CacheError(click.ClickException):
    """The cache cannot be opened or used: a message and exit 2, never a traceback."""

    exit_code = 2


@contextlib.contextmanager
def _cache(ctx: click.Context) -> Iterator[Cache]:
    settings: Settings = settings_from_env(cache_dir=ctx.meta.get("citecheck.resolve.cache_dir"))
    where = settings.cache_dir or "the default cache directory"
    try:
        c = Cache(settings.cache_dir)
    except (OSError, sqlite3.Error) as exc:
        raise CacheError(_unusable(where, exc)) from exc
    try:
        with c:
            yield c
    except sqlite3.Error as exc:
        raise CacheError(_unusable(where, exc)) from exc
    except OSError as exc:  # e.g. the export or import file, not the cache
        raise CacheError(f"{type(exc).__name__}: {exc}") from exc


def _unusable(where: object, exc: BaseException) -> str:
    return (
        f"cache in {where} unusable ({type(exc).__name__}: {exc}); "
        "remove its resolutions.sqlite3* files to start afresh"
    )


@click.group("cache")
@click.option(
    "--cache-dir", type=_DIR, default=None, help="Cache directory [env CITECHECK_CACHE_DIR]."
)
@click.pass_context
def cache(ctx: click.Context, cache_dir: Path | None) -> None:
    """Inspect and manage the cache of resolved citations."""
    ctx.meta["citecheck.resolve.cache_dir"] = cache_dir


@cache.command("info")
@click.pass_context
def info_cmd(ctx: click.Context) -> None:
    """Show where the cache is, how many entries it holds and its size."""
    with _cache(ctx) as c:
        info = c.info()
    click.echo(f"path: {info.path}")
    for status in ("resolved", "not_found"):
        click.echo(f"{status}: {info.entries.get(status, 0)}")
    click.echo(f"expired: {info.expired}")
    click.echo(f"size: {info.size_bytes} bytes")


@cache.command("clear")
@click.pass_context
def clear_cmd(ctx: click.Context) -> None:
    """Delete every cached answer (a damaged cache: its files)."""
    try:
        with _cache(ctx) as c:
            removed = c.clear()
    except CacheError as exc:
        cause = exc.__cause__
        # damaged (not locked, not forbidden: those are OperationalErrors): start afresh
        if not isinstance(cause, sqlite3.DatabaseError) or isinstance(
            cause, sqlite3.OperationalError
        ):
            raise
        cache_dir = ctx.meta.get("citecheck.resolve.cache_dir")
        try:
            remove_files(cache_dir)
        except OSError as err:
            raise CacheError(f"{exc.message}; cannot remove it: {err}") from err
        click.echo(f"the cache in {default_dir(cache_dir)} was unusable ({cause}): removed it")
        return
    click.echo(f"removed {removed} entries")


@cache.command("export")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.pass_context
def export_cmd(ctx: click.Context, path: Path) -> None:
    """Write the cache as JSON lines to PATH, or to standard output for '-' (e.g. to ship a
    warm cache to CI)."""
    with _cache(ctx) as c:
        if str(path) == "-":  # UTF-8 as in a file, whatever the locale
            # the bytes under standard output (click's own accessor is deprecated in 8.5)
            sys.stdout.flush()
            binary: IO[bytes] = sys.stdout.buffer
            out = io.TextIOWrapper(binary, "utf-8", newline="\n")
            try:
                count = c.export_to(out)
            finally:
                out.flush()
                out.detach()
            click.echo(f"exported {count} entries to standard output", err=True)
            return
        try:
            count = c.export(path)
        except OSError as exc:
            raise CacheError(f"cannot write {path}: {exc.strerror or exc}") from exc
    click.echo(f"exported {count} entries to {path}")


@cache.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_cmd(ctx: click.Context, path: Path) -> None:
    """Load JSON lines written by `cache export`; bad lines are skipped and reported.

    Every line is checked (types, times, http(s) links, language codes; a not_found must name
    the source that gave it and its reason): an import file is untrusted input. Imported
    answers stay marked, and RS101 from one says it came from an imported entry.  Exit 2,
    importing nothing, when PATH cannot be read or is not UTF-8.
    """
    with _cache(ctx) as c:
        try:
            report = c.import_(path)
        except UnreadableImport as exc:
            raise CacheError(str(exc)) from exc
    expired = report.skipped - report.rejected
    click.echo(
        f"imported {report.imported} entries, skipped {report.skipped} "
        f"({expired} expired, {report.rejected} rejected)"
    )
    for problem in report.problems:
        click.echo(f"  {problem}", err=True)
    if report.rejected > len(report.problems):
        click.echo(f"  ... and {report.rejected - len(report.problems)} more", err=True)
