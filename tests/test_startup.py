"""Start-up stays cheap: ``import citecheck`` and ``citecheck --help`` load neither the
grammars nor the resolver nor the language server; patterns compile on first use and then
behave as compiled patterns."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import click
import regex

from citecheck.cli import LAZY_COMMAND_HELP, main
from citecheck.patterns import LazyPattern, lazy_compile

#: Modules whose import made start-up slow.
HEAVY = (
    "citecheck.pipeline",
    "citecheck.families.un_symbols",
    "citecheck.resolve.engine",
    "citecheck.lsp",
    "httpx",
    "lxml",
    "pygls",
    "lsprotocol",
)


def _loaded_after(code: str) -> set[str]:
    """Names of HEAVY modules loaded in a fresh interpreter after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return set(out.stdout.split())


def test_import_citecheck_loads_nothing_heavy() -> None:
    assert _loaded_after("import citecheck") == set()


def test_help_loads_nothing_heavy() -> None:
    code = (
        "import contextlib, io\n"
        "from citecheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, "
        "contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "assert 'Commands:' in out.getvalue() and 'lsp' in out.getvalue()\n"
    )
    assert _loaded_after(code) == set()


def test_public_names_still_load() -> None:
    assert _loaded_after("from citecheck import extract") >= {"citecheck.pipeline"}
    import citecheck

    assert citecheck.extract("A/HRC/41/35")[0].id == "un:A/HRC/41/35"
    assert set(citecheck.__all__) <= set(dir(citecheck))


def test_lazy_command_help_is_the_commands_own() -> None:
    ctx = click.Context(main)
    for name, text in LAZY_COMMAND_HELP.items():
        command = main.get_command(ctx, name)
        assert command is not None
        stand_in = click.Command("stand-in", help=text)
        assert stand_in.get_short_help_str(200) == command.get_short_help_str(200)


def test_lazy_pattern_compiles_on_first_use_and_matches_alike() -> None:
    source = r"(?P<body>[A-Z]+) / (?P<num>\d+)"
    lazy = lazy_compile(source, regex.VERBOSE)
    assert isinstance(lazy, LazyPattern)
    assert "_compiled" not in vars(lazy)
    real = regex.compile(source, regex.VERBOSE)
    text = "see A/12, HRC/3 and x/4"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "_compiled" in vars(lazy)
    assert lazy.search(text, 8).group("num") == "3"  # type: ignore[union-attr]
    assert lazy.groupindex == real.groupindex and lazy.pattern == source
    assert lazy.sub("_", text) == real.sub("_", text)


def test_lazy_pattern_pickles() -> None:
    lazy = lazy_compile(r"\d+")
    again = pickle.loads(pickle.dumps(lazy))
    assert again.findall("a1b22") == ["1", "22"]
