"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding.

Syntax (GitHub docs, "Workflow commands for GitHub Actions"):
``::error file={name},line={line},col={col},endLine={l},endColumn={c},title={title}::{message}``.
The message escapes ``%``, ``\\r`` and ``\\n`` (as ``%25``, ``%0D``, ``%0A``); property values
additionally escape ``:`` and ``,`` (``%3A``, ``%2C``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from citecheck.formats import not_written_message, printable_path
from citecheck.model import Severity
from citecheck.report import ReportView, where_in_extracted

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def display_path(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` (POSIX) when inside it, else as given (``printable_path``)."""
    if path == "<stdin>":
        return path
    base = (cwd or Path.cwd()).resolve()
    try:
        return printable_path(Path(path).resolve().relative_to(base).as_posix())
    except ValueError:
        return printable_path(Path(path).as_posix())


def render_github(
    reports: Sequence[ReportView],
    *,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> str:
    """Annotation lines; positions of extracted formats go into the message instead.
    ``errors`` (path, reason), the unreadable inputs, come first as ``input error`` lines,
    then ``not_written``, the files ``--fix`` did not write, as ``not written`` lines, then
    the run's ``notices`` as warnings without a file."""
    return "".join(
        iter_github(reports, cwd=cwd, errors=errors, notices=notices, not_written=not_written)
    )


def iter_github(
    reports: Sequence[ReportView],
    *,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> Iterator[str]:
    """:func:`render_github` one line at a time."""
    for path, reason in errors:
        name = escape_property(display_path(path, cwd))
        yield f"::error file={name},title=input error::{escape_data(reason)}\n"
    for path, reason in not_written:
        name = escape_property(display_path(path, cwd))
        message = escape_data(not_written_message(reason))
        yield f"::error file={name},title=not written::{message}\n"
    for notice in notices:
        yield f"::warning title=citecheck::{escape_data(notice)}\n"
    for rep in reports:
        name = display_path(rep.path, cwd)
        for f in rep.findings:
            message = f.message
            if f.id:
                message += f" ({f.id})"
            props = [f"file={escape_property(name)}"]
            region = rep.region(f.start, f.end)
            if region is None:
                message += f" [{where_in_extracted(rep, f.start)}]"
            else:
                line, col, end_line, end_col = region
                props += [f"line={line}", f"col={col}", f"endLine={end_line}"]
                props.append(f"endColumn={end_col}")
            props.append(f"title={escape_property(f.code)}")
            yield f"::{LEVELS[f.severity]} {','.join(props)}::{escape_data(message)}\n"
