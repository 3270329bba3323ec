"""The README's "A local index (offline, CI)" recipe, run command by command against the fakes.

The `citecheck index` command group comes from the index harvester; where it is not part of
the build the test skips and says so (it cannot pass without it).
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeserver import FakeServer

from citecheck.cli import main

REPO = Path(__file__).resolve().parents[2]


def recipe() -> list[list[str]]:
    """The `citecheck ...` commands of the README's index recipe, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## A local index (offline, CI)", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's index section has no sh block"
    lines = [ln.split("#", 1)[0].strip() for ln in block.group(1).splitlines()]
    return [shlex.split(ln)[1:] for ln in lines if ln.startswith("citecheck ")]


def test_readme_recipe_runs_end_to_end(fake: FakeServer, tmp_path: Path) -> None:
    steps = recipe()
    assert [s[:2] for s in steps] == [
        ["index", "update"],
        ["index", "export"],
        ["index", "import"],
        ["check", "--offline"],
    ]
    if "index" not in main.list_commands(None):  # type: ignore[arg-type]
        pytest.skip("the `citecheck index` command is not in this build (index harvester)")
    letter = tmp_path / "docs" / "letter.txt"
    letter.parent.mkdir()
    letter.write_text("See A/HRC/17/31 and A/HRC/RES/17/31.\n", encoding="utf-8")
    base_env = {
        "CITECHECK_UNDL_URL": fake.base,
        "CITECHECK_ODS_URL": fake.base,
        "CITECHECK_CELLAR_URL": fake.base,
        "CITECHECK_SPARQL_URL": fake.urls()["sparql_url"],
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        "CITECHECK_RATE_PER_HOST": "0",
        "CITECHECK_BACKOFF": "0",
    }
    built = {**base_env, "CITECHECK_INDEX": str(tmp_path / "dev" / "index.sqlite3")}
    ci = {**base_env, "CITECHECK_INDEX": str(tmp_path / "ci" / "index.sqlite3")}
    runner = CliRunner()
    for step in steps[:2]:
        args = [str(tmp_path / a) if a.endswith(".sqlite3") else a for a in step]
        result = runner.invoke(main, args, env=built)
        assert result.exit_code == 0, result.output
    fake.log.clear()
    import_args = [str(tmp_path / a) if a.endswith(".sqlite3") else a for a in steps[2]]
    assert runner.invoke(main, import_args, env=ci).exit_code == 0
    check_args = [*steps[3][:-1], "--format", "json", str(letter)]
    result = runner.invoke(main, check_args, env=ci)
    data = json.loads(result.output)
    by_id = {c["id"]: c for c in data["files"][0]["citations"]}
    assert by_id["un:A/HRC/17/31"]["status"] == "resolved"
    assert fake.log == []  # offline: nothing asked
