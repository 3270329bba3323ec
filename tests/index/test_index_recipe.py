"""The README's "A local index (offline, CI)" recipe, command by command, against the fakes.

`index update` harvests the loopback OAI-PMH server (UN Digital Library records) and the
loopback SPARQL endpoint (a real SPARQL engine loaded with Cellar's predicates); the index is
exported, imported elsewhere as CI would, and `check --offline` answers from it alone.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from click.testing import CliRunner
from oai_fake import FakeOai, ListStore
from sparql_fake import running
from undl_records import sample_records

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


def test_readme_recipe_builds_the_index_from_the_sources_and_checks_offline(
    tmp_path: Path,
) -> None:
    steps = recipe()
    assert [s[:2] for s in steps] == [
        ["index", "update"],
        ["index", "export"],
        ["index", "import"],
        ["check", "--offline"],
    ]
    docs = tmp_path / "docs"
    docs.mkdir()
    letter = (REPO / "fixtures" / "sample_letter.txt").read_text(encoding="utf-8")
    (docs / "letter.txt").write_text(
        letter + "\nThe processing was governed by Directive 95/46/EC.\n", encoding="utf-8"
    )
    oai = FakeOai(ListStore(sample_records()), page_size=5)
    with oai.running() as undl, running() as cellar:
        base = {
            "CITECHECK_UNDL_URL": undl.base_url,
            "CITECHECK_ODS_URL": undl.base_url,
            "CITECHECK_CELLAR_URL": undl.base_url,
            "CITECHECK_SPARQL_URL": cellar.url,
            "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
            "CITECHECK_RATE_PER_HOST": "0",
            "CITECHECK_BACKOFF": "0",
        }
        dev = {**base, "CITECHECK_INDEX": str(tmp_path / "dev" / "index.sqlite3")}
        runner = CliRunner()
        for step in steps[:2]:
            args = [str(tmp_path / a) if a.endswith(".sqlite3") else a for a in step]
            result = runner.invoke(main, args, env=dev)
            assert result.exit_code == 0, result.output
        info = runner.invoke(main, ["index", "info", "--format", "json"], env=dev)
        sources = json.loads(info.stdout)["sources"]
        assert sources["undl"]["records"] > 20 and sources["eu"]["records"] > 100
        asked = len(undl.oai_requests())
    # In CI: the sources are gone; only the artifact is there.
    ci = {
        "CITECHECK_INDEX": str(tmp_path / "ci" / "index.sqlite3"),
        "CITECHECK_CACHE_DIR": str(tmp_path / "ci-cache"),
        "CITECHECK_UNDL_URL": "http://127.0.0.1:9",
        "CITECHECK_SPARQL_URL": "http://127.0.0.1:9",
    }
    imported = [str(tmp_path / a) if a.endswith(".sqlite3") else a for a in steps[2]]
    assert runner.invoke(main, imported, env=ci).exit_code == 0
    check = [*steps[3][:-1], "--format", "json", str(docs)]
    result = runner.invoke(main, check, env=ci)
    assert result.exit_code == 1, result.output  # RS101 is an error
    data = json.loads(result.stdout)
    by_id = {c["id"]: c for c in data["files"][0]["citations"]}
    wrong = by_id["un:A/HRC/RES/17/31"]
    assert wrong["status"] == "not_found" and wrong["resolution"]["source"] == "index"
    assert "un:A/HRC/17/31" in wrong["resolution"]["suggestions"]
    assert by_id["celex:32016R0679"]["status"] == "resolved"
    old = by_id["celex:31995L0046"]
    assert old["status"] == "resolved"
    assert old["resolution"]["in_force"] is False
    assert old["resolution"]["replaced_by"] == ["celex:32016R0679"]
    codes = {(f["code"], f["id"]) for f in data["files"][0]["findings"]}
    assert ("RS101", "un:A/HRC/RES/17/31") in codes and ("RS103", "celex:31995L0046") in codes
    rs103 = next(f for f in data["files"][0]["findings"] if f["code"] == "RS103")
    assert "Regulation (EU) 2016/679" in rs103["message"]
    assert asked > 0
