"""The ``citecheck`` command's entry point: help pages without importing click.

Importing click alone costs about 1.5x a bare interpreter start, more than ``--help`` may
cost over ``import citecheck``. So ``citecheck [COMMAND...] --help`` and ``--version`` are
answered from ``data/cli_help.txt``, the pages click itself printed when the file was
generated (``python -m citecheck.launcher > citecheck/data/cli_help.txt``; a test checks
that every page equals click's own output). Anything else, or a terminal narrower than the
pages, or a program name they were not made for, goes to the click command line.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Sequence
from typing import Any

#: The program name and width the pages were printed with (click's width for any terminal
#: of 80 columns or more, and when output is not a terminal).
PAGE_PROG = "citecheck"
PAGE_WIDTH = 78

#: Program names the pages serve: the installed script and ``python -m citecheck``. Only
#: the usage line names the program; other names (a renamed script) go to click.
SERVED_PROGS = (PAGE_PROG, f"python -m {PAGE_PROG}")

#: Starts each page in the file: this byte, the arguments that print it, a newline.
PAGE_MARK = "\x1e"

HELP_OPTIONS = ("-h", "--help")

#: Key of the click version the pages were printed with (the file's first line).
CLICK_KEY = "\x00click"

PAGES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "cli_help.txt")


def main(argv: Sequence[str] | None = None) -> Any:
    """Print a stored page when the arguments ask for one; otherwise run the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    page = stored_page(args, program_name(), terminal_columns())
    if page is None:
        from citecheck.cli import main as cli_main

        # no arguments when they are the process's own: click then expands wildcards on Windows
        return cli_main() if argv is None else cli_main(args)
    if sys.stdout is None:
        return 0  # stdout closed: nothing to print to, as click does
    try:
        sys.stdout.write(page)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_after_broken_pipe()
    return 0


def stored_page(args: Sequence[str], prog: str, columns: int) -> str | None:
    """The page click would print for ``args`` run as ``prog`` in a terminal ``columns``
    wide, when it is stored; None otherwise."""
    if prog not in SERVED_PROGS or max(min(columns, 80) - 2, 50) != PAGE_WIDTH:
        return None
    if args and args[-1] in HELP_OPTIONS:
        args = [*args[:-1], "--help"]
    if "-h" in args or any(not arg or arg != arg.strip() or " " in arg for arg in args):
        return None  # "check --help" as one argument is no command: click says so
    pages = load_pages()
    if pages.get(CLICK_KEY) != installed_click_version():
        return None  # made with another click, which may word or wrap them differently
    page = pages.get(" ".join(args))
    if page is None or prog == PAGE_PROG:
        return page
    return page.replace(f"Usage: {PAGE_PROG}", f"Usage: {prog}", 1)


def load_pages(path: str = PAGES_FILE) -> dict[str, str]:
    """Arguments -> page, as stored; empty when the file cannot be read."""
    try:
        with open(path, encoding="utf-8", newline="") as stream:
            text = stream.read()
    except OSError:
        return {}
    first, _, rest = text.partition(PAGE_MARK)
    pages = {CLICK_KEY: first.removeprefix("click ").strip()} if first.startswith("click ") else {}
    for record in rest.split(PAGE_MARK) if rest else ():
        args, _, page = record.partition("\n")
        pages[args] = page
    return pages


@functools.cache
def installed_click_version() -> str | None:
    """The version of the click this interpreter would import, read from its installed
    metadata's directory name next to the package (locating a package does not import
    it; ``importlib.metadata`` itself costs a third of an interpreter start). None when
    it cannot be told, and then no stored page is served."""
    spec = importlib.util.find_spec("click")
    if spec is None or not spec.origin:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        names = os.listdir(site)
    except OSError:
        return None
    versions = [
        name[len("click-") : -len(".dist-info")]
        for name in names
        if name.startswith("click-") and name.endswith(".dist-info")
    ]
    return versions[0] if len(versions) == 1 else None


def program_name() -> str:
    """The name click shows in usage lines (``click.utils._detect_program_name``, which
    this mirrors): the script's file name, or ``python -m PACKAGE`` for ``python -m``."""
    path = sys.argv[0]
    package = getattr(sys.modules["__main__"], "__package__", None)
    if package in (None, "") or (
        os.name == "nt"
        and package == ""
        and not os.path.exists(path)
        and os.path.exists(f"{path}.exe")
    ):
        return os.path.basename(path)
    module = str(package)
    name = os.path.splitext(os.path.basename(path))[0]
    if name != "__main__":
        module = f"{module}.{name}"
    return f"python -m {module.lstrip('.')}"


def terminal_columns() -> int:
    """Columns of the terminal as ``shutil.get_terminal_size`` (which click asks) reports
    them: ``COLUMNS``, else the terminal of standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


def quiet_after_broken_pipe() -> None:
    """The reader of our output went away (``citecheck extract ... | head -1``): that is its
    choice, not an error. Point stdout at the null device so the final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout has no file descriptor (captured): nothing to do
        pass


def page_arguments() -> list[list[str]]:
    """The arguments of every stored page: ``--version``, and ``--help`` of the group and
    of every command and subcommand, lazy ones included."""
    import click

    from citecheck.cli import main as cli_main

    found = [["--version"]]

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        found.append([*path, "--help"])
        if isinstance(command, click.Group):
            ctx = click.Context(command, info_name=path[-1] if path else PAGE_PROG, parent=parent)
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not sub.hidden:
                    walk(sub, [*path, name], ctx)

    walk(cli_main, [], None)
    return found


def click_output(args: Sequence[str], prog: str, width: int = PAGE_WIDTH) -> str:
    """What the click command line prints on standard output for ``args`` (which must
    succeed) run as ``prog`` in a terminal of ``width`` + 2 columns."""
    from click.testing import CliRunner

    from citecheck.cli import main as cli_main

    result = CliRunner().invoke(cli_main, list(args), prog_name=prog, terminal_width=width)
    if result.exit_code != 0:
        raise RuntimeError(f"citecheck {' '.join(args)} failed: {result.output}")
    return result.stdout


def render_pages() -> str:
    """The content of ``data/cli_help.txt``: every page as click prints it now. Call it in
    a fresh interpreter (``python -m citecheck.launcher``): click keeps a command's help
    option once made, so a command already run on its own would show only ``--help``."""
    from importlib.metadata import version

    return f"click {version('click')}\n" + "".join(
        f"{PAGE_MARK}{' '.join(args)}\n{click_output(args, PAGE_PROG)}" for args in page_arguments()
    )


if __name__ == "__main__":  # pragma: no cover - regenerates the stored pages
    sys.stdout.write(render_pages())
