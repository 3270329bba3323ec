"""Machine formats of ``citecheck check``: SARIF 2.1.0 and GitHub workflow annotations.

``text`` and ``json`` live in :mod:`citecheck.report`; :func:`render` picks any of them.
The renderers are imported when used, so the command line can offer the names cheaply.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citecheck.formats.github import render_github
    from citecheck.formats.sarif import render_sarif
    from citecheck.report import FileReport

CHECK_FORMATS = ("text", "json", "sarif", "github")


def render(
    fmt: str,
    reports: Sequence[FileReport],
    *,
    colour: bool = False,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
) -> str:
    """The whole output of ``check`` in format ``fmt`` (ends with a newline); ``errors``
    (path, reason) are the inputs that could not be read."""
    from citecheck.formats.github import render_github
    from citecheck.formats.sarif import render_sarif
    from citecheck.report import render_check_json, render_check_text

    if fmt == "json":
        return render_check_json(reports, errors) + "\n"
    if fmt == "sarif":
        return render_sarif(reports, cwd=cwd) + "\n"
    if fmt == "github":
        return render_github(reports, cwd=cwd)
    return render_check_text(reports, colour=colour, unreadable=len(errors))


def __getattr__(name: str) -> Any:
    if name in ("render_github", "render_sarif"):
        return getattr(importlib.import_module(f"citecheck.formats.{name[7:]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CHECK_FORMATS", "render", "render_github", "render_sarif"]
