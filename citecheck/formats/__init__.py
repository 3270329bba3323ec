"""Machine formats of ``citecheck check``: SARIF 2.1.0 and GitHub workflow annotations.

``text`` and ``json`` live in :mod:`citecheck.report`; :func:`render` picks any of them.
The renderers are imported when used, so the command line can offer the names cheaply.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.formats.github import render_github
    from citecheck.formats.sarif import render_sarif
    from citecheck.report import ReportView

CHECK_FORMATS = ("text", "json", "sarif", "github")


_AMBIGUOUS_BACKSLASHES = re.compile(r"(\\+)(?=x[0-9A-Fa-f]{2}|[\udc80-\udcff])")


def printable_path(path: str) -> str:
    """``path`` as written in reports and messages: a file name byte that is not UTF-8 (held
    as a lone surrogate since Python read the name) becomes ``\\xNN``, so that the JSON is
    valid UTF-8 and a terminal shows the name readably. A backslash that would then be read
    as part of such an escape (before ``xNN`` or before an escaped byte) is doubled, so that
    ``caf\\xff.txt`` (written so) and ``caf`` + byte 0xFF + ``.txt`` differ. SARIF
    percent-encodes instead."""
    path = _AMBIGUOUS_BACKSLASHES.sub(lambda m: m.group(1) * 2, path)
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def not_written_message(reason: str) -> str:
    """How a file ``--fix`` did not write is told: it was read and checked all the same."""
    return f"not written: {reason}; the file was read and checked, its findings are in the report"


def render(
    fmt: str,
    reports: Sequence[ReportView],
    *,
    colour: bool = False,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> str:
    """The whole output of ``check`` in format ``fmt`` (ends with a newline); ``errors``
    (path, reason) are the inputs that could not be read, ``not_written`` the files ``--fix``
    may not or could not write; ``notices`` are said once for the whole run (the text format
    leaves them to standard error)."""
    pieces = iter_render(
        fmt,
        reports,
        colour=colour,
        cwd=cwd,
        errors=errors,
        notices=notices,
        not_written=not_written,
    )
    return "".join(pieces)


def iter_render(
    fmt: str,
    reports: Sequence[ReportView],
    *,
    colour: bool = False,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> Iterator[str]:
    """`render` in pieces, one citation, result or line at a time (a flood of citations is
    never one string). The renderers are imported here, when used. Files ``--fix`` did not
    write are errors of the run like unreadable inputs (they made it exit 2), told apart
    from them: they were read and checked."""
    if fmt == "json":
        from citecheck.report import iter_check_json

        yield from iter_check_json(reports, errors, notices, not_written)
        yield "\n"
    elif fmt == "sarif":
        from citecheck.formats.sarif import iter_sarif

        yield from iter_sarif(
            reports, cwd=cwd, errors=errors, notices=notices, not_written=not_written
        )
        yield "\n"
    elif fmt == "github":
        from citecheck.formats.github import iter_github

        yield from iter_github(
            reports, cwd=cwd, errors=errors, notices=notices, not_written=not_written
        )
    else:
        from citecheck.readers import NO_FILE_TO_CHECK
        from citecheck.report import iter_check_text

        empty = [path for path, reason in errors if reason == NO_FILE_TO_CHECK]
        yield from iter_check_text(
            reports,
            colour=colour,
            unreadable=len(errors) - len(empty),
            not_written=len(not_written),
            empty_dirs=empty,
        )


def __getattr__(name: str) -> Any:
    if name in ("render_github", "render_sarif"):
        return getattr(importlib.import_module(f"citecheck.formats.{name[7:]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CHECK_FORMATS",
    "iter_render",
    "not_written_message",
    "render",
    "render_github",
    "render_sarif",
]
