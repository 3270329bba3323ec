"""``citecheck --help`` without click: the stored help pages are exactly click's output for
every command, and are served only where click would print exactly them.

click's output is taken in a fresh interpreter, as a user gets it: click keeps each
command's help option once made, so in a test process that has already run a subcommand on
its own (without the group's ``-h``) the same command prints a different page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import click.utils
import pytest

from citecheck import launcher
from citecheck.launcher import (
    CLICK_KEY,
    PAGE_PROG,
    PAGES_FILE,
    SERVED_PROGS,
    installed_click_version,
    load_pages,
    page_arguments,
    stored_page,
)

ALL_ARGS = page_arguments()
#: The pages are served only under the click they were printed with; under another one
#: (a newer click wraps or shortens differently) every request goes to click itself.
SAME_CLICK = load_pages().get(CLICK_KEY) == installed_click_version()
NARROW = ("citecheck", ("check", "--help"), 58)
RENAMED = ("cc", ("--help",), 78)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return {**env, "PYTHONPATH": os.pathsep.join(sys.path), **extra}


def _fresh_stdout(args: list[str]) -> str:
    run = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=_env(), check=True
    )
    return run.stdout


def _with_short_option(args: list[str]) -> list[list[str]]:
    return [args, [*args[:-1], "-h"]] if args[-1] == "--help" else [args]


@pytest.fixture(scope="module")
def clicks() -> dict[tuple[str, tuple[str, ...], int], str]:
    """(prog, args, width) -> what click prints, all asked in one fresh interpreter."""
    wanted = [
        (prog, tuple(variant), 78)
        for prog in SERVED_PROGS
        for args in ALL_ARGS
        for variant in _with_short_option(args)
    ]
    wanted += [NARROW, RENAMED]
    code = (
        "import json, sys\n"
        "from citecheck.launcher import click_output\n"
        "wanted = json.loads(sys.argv[1])\n"
        "print(json.dumps([click_output(a, p, w) for p, a, w in wanted]))\n"
    )
    outputs = json.loads(_fresh_stdout(["-c", code, json.dumps(wanted)]))
    return dict(zip(wanted, outputs, strict=True))


def test_stored_pages_are_up_to_date() -> None:
    with open(PAGES_FILE, encoding="utf-8", newline="") as stream:
        stored = stream.read()
    assert stored.startswith("click ")
    if SAME_CLICK:
        assert stored == _fresh_stdout(["-m", "citecheck.launcher"]), (
            "help pages changed: python -m citecheck.launcher > citecheck/data/cli_help.txt"
        )
    else:  # printed under another click: none is served
        assert all(stored_page(args, PAGE_PROG, 80) is None for args in ALL_ARGS)


def test_pages_of_another_click_are_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launcher, "installed_click_version", lambda: "0.0.1")
    assert stored_page(["--help"], PAGE_PROG, 80) is None
    stored = load_pages()[CLICK_KEY]
    monkeypatch.setattr(launcher, "installed_click_version", lambda: stored)
    assert stored_page(["--help"], PAGE_PROG, 80) is not None


def test_the_installed_click_version_is_read_without_importing_it() -> None:
    from importlib.metadata import version

    assert installed_click_version() == version("click")
    code = "import sys; from citecheck.launcher import installed_click_version as v; v(); "
    code += "print('click' in sys.modules)"
    assert _fresh_stdout(["-c", code]).strip() == "False"


def test_every_command_and_subcommand_has_a_page() -> None:
    keys = set(load_pages()) - {CLICK_KEY}
    assert {"--help", "--version", "check --help", "lsp --help", "cache info --help"} <= keys
    assert keys == {" ".join(args) for args in ALL_ARGS}


@pytest.mark.parametrize("args", ALL_ARGS, ids=" ".join)
@pytest.mark.parametrize("prog", SERVED_PROGS)
def test_served_page_is_clicks_output(
    clicks: dict[tuple[str, tuple[str, ...], int], str], args: list[str], prog: str
) -> None:
    expected = clicks[(prog, tuple(args), 78)]
    if not SAME_CLICK:
        assert stored_page(args, prog, 80) is None
        return
    assert stored_page(args, prog, 80) == expected
    assert stored_page(args, prog, 200) == expected
    for variant in _with_short_option(args)[1:]:
        assert stored_page(variant, prog, 80) == clicks[(prog, tuple(variant), 78)] == expected


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help", "check"],
        ["-h", "check"],
        ["check", "FILE", "--help"],
        ["check", "--select", "--help"],
        ["check", "-h", "--help"],
        ["rules", "SF101"],
        ["no-such-command", "--help"],
        ["--version", "--help"],
        ["check", "--HELP"],
        ["check --help"],  # one argument holding a space is no command
        ["cache clear", "--help"],
        [" check", "--help"],
    ],
    ids=repr,
)
def test_other_arguments_go_to_click(args: list[str]) -> None:
    assert stored_page(args, PAGE_PROG, 80) is None


def test_other_widths_and_names_go_to_click() -> None:
    assert stored_page(["--help"], PAGE_PROG, 79) is None  # click wraps at 77 there
    assert stored_page(["--help"], PAGE_PROG, 40) is None
    assert stored_page(["--help"], "citecheck-dev", 80) is None
    assert stored_page(["--help"], "python -m citecheck.cli", 80) is None


def test_missing_page_file_means_click(tmp_path: Path) -> None:
    assert load_pages(str(tmp_path / "none.txt")) == {}


@pytest.mark.parametrize(
    ("package", "argv0"),
    [
        (None, "/venv/bin/citecheck"),
        ("", "/venv/bin/citecheck"),
        ("citecheck", "/src/citecheck/__main__.py"),
        ("citecheck", "/src/citecheck/launcher.py"),
        (".citecheck", "/src/citecheck/__main__.py"),
    ],
)
def test_program_name_is_clicks(
    monkeypatch: pytest.MonkeyPatch, package: str | None, argv0: str
) -> None:
    main_module = SimpleNamespace(__package__=package)
    monkeypatch.setitem(sys.modules, "__main__", main_module)  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "argv", [argv0])
    assert launcher.program_name() == click.utils._detect_program_name()


@pytest.mark.parametrize("columns", ["120", "60", "0", "x", ""])
def test_terminal_columns_as_shutil(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    import shutil

    monkeypatch.setenv("COLUMNS", columns)
    assert launcher.terminal_columns() == shutil.get_terminal_size().columns
    if columns in ("120", "60"):
        assert launcher.terminal_columns() == int(columns)


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        env=_env(**env),
        check=True,
    )


def _imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if "|" in line}


def test_python_m_help_is_served_without_click(
    clicks: dict[tuple[str, tuple[str, ...], int], str],
) -> None:
    run = _run(["-m", "citecheck", "--help"])
    assert run.stdout == clicks[("python -m citecheck", ("--help",), 78)]
    assert ("click" not in _imported(run.stderr)) == SAME_CLICK
    run = _run(["-m", "citecheck", "index", "update", "-h"])
    assert run.stdout == clicks[("python -m citecheck", ("index", "update", "-h"), 78)]
    assert ("click" not in _imported(run.stderr)) == SAME_CLICK


def test_installed_script_serves_pages_and_falls_back(
    tmp_path: Path, clicks: dict[tuple[str, tuple[str, ...], int], str]
) -> None:
    """A script as pip writes it for the console entry point."""
    code = "import sys\nfrom citecheck.launcher import main\nsys.exit(main())\n"
    script = tmp_path / "citecheck"
    script.write_text(code, "utf-8")
    run = _run([str(script), "check", "--help"])
    assert run.stdout == clicks[("citecheck", ("check", "--help"), 78)]
    assert ("click" not in _imported(run.stderr)) == SAME_CLICK
    # a narrow terminal: click wraps the page itself
    run = _run([str(script), "check", "--help"], COLUMNS="60")
    assert run.stdout == clicks[NARROW]
    assert "click" in _imported(run.stderr)
    # another program name: click names it
    renamed = tmp_path / "cc"
    renamed.write_text(code, "utf-8")
    run = _run([str(renamed), "--help"])
    assert run.stdout == clicks[RENAMED]
    assert "click" in _imported(run.stderr)
    # not a help page: the command runs
    run = _run([str(script), "rules", "SF101"])
    assert run.stdout.startswith("SF101 ")


def test_a_closed_stdout_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """``citecheck --help >&-``: nothing to print to, and no traceback (as click)."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(launcher, "installed_click_version", lambda: load_pages()[CLICK_KEY])
    monkeypatch.setattr(launcher, "program_name", lambda: PAGE_PROG)
    monkeypatch.setattr(launcher, "terminal_columns", lambda: 80)
    assert launcher.main(["--help"]) == 0
