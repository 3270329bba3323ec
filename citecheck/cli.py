"""The ``citecheck`` command line: a thin layer over the pure pipeline.

Exit codes (CONTRACT.md): 0 no finding at or above the failing severity; 1 findings; 2 usage
or input error. A bad file gets a message on stderr and does not stop the others.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import attrs
import click

from citecheck import __version__
from citecheck.model import Severity
from citecheck.pipeline import CitationParseError, check, extract, parse
from citecheck.readers import InputError, SourceText, read_source
from citecheck.report import (
    FileReport,
    render_check_json,
    render_check_text,
    render_extract,
)
from citecheck.rules import all_rules, rule_by_code

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _read_all(paths: Sequence[str]) -> tuple[list[SourceText], bool]:
    """Read every input; report unreadable ones on stderr and carry on."""
    sources: list[SourceText] = []
    failed = False
    for path in paths:
        try:
            sources.append(read_source(path))
        except InputError as exc:
            click.echo(f"citecheck: error: {exc.path}: {exc.reason}", err=True)
            failed = True
    return sources, failed


def _selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """ruff-style selection: a code is kept if a select prefix matches and no ignore does."""
    if select and not any(code.startswith(p.upper()) for p in select):
        return False
    return not any(code.startswith(p.upper()) for p in ignore)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
        FileReport(src.path, src.text, tuple(extract(src.text)), src.findings) for src in sources
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
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--select", multiple=True, help="Only report codes with these prefixes.")
@click.option("--ignore", multiple=True, help="Do not report codes with these prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the run fail (exit 1).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
def check_cmd(
    files: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    exit_zero: bool,
) -> None:
    """Check the citations in FILES offline and report findings."""
    sources, failed = _read_all(files)
    reports = []
    for src in sources:
        result = check(src.text)
        findings = tuple(
            f for f in src.findings + result.findings if _selected(f.code, select, ignore)
        )
        reports.append(FileReport(src.path, src.text, result.citations, findings))
    if fmt == "json":
        click.echo(render_check_json(reports))
    else:
        click.echo(render_check_text(reports, colour=sys.stdout.isatty()), nl=False)
    threshold = Severity(fail_on).rank
    failing = any(f.severity.rank >= threshold for rep in reports for f in rep.findings)
    if failed:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


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
