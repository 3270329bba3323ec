"""pre-commit hooks and the README's CI example: parsed, and the example command run."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sample_letter.txt"
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def _yaml(text: str) -> Any:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to parse the YAML examples")
    return yaml.safe_load(text)


def _readme_yaml_blocks() -> list[Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use in CI", 1)[1]
    return [_yaml(b) for b in re.findall(r"```yaml\n(.*?)```", section, flags=re.S)]


def test_pre_commit_hooks_file() -> None:
    hooks = _yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"citecheck", "citecheck-offline"}
    assert by_id["citecheck"]["entry"] == "citecheck check"
    assert by_id["citecheck-offline"]["entry"] == "citecheck check --offline"
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["types_or"] == ["text", "markdown", "html"]


def _ci_command() -> list[str]:
    workflow = _readme_yaml_blocks()[0]
    steps = workflow["jobs"]["citecheck"]["steps"]
    runs = [s["run"] for s in steps if "citecheck check" in s.get("run", "")]
    assert len(runs) == 1
    uploads = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    ]
    assert uploads and uploads[0]["with"]["sarif_file"] == "citecheck.sarif"
    command, redirect = runs[0].split(">")
    assert redirect.strip() == "citecheck.sarif"
    return shlex.split(command)


def test_readme_ci_example_runs_and_prints_valid_sarif(tmp_path: Path) -> None:
    argv = _ci_command()
    assert argv[:2] == ["citecheck", "check"] and "--format" in argv
    # the example's options, exactly; its path argument (docs) becomes the sample letter
    options = [a for a in argv[2:] if a.startswith("-") or argv[argv.index(a) - 1] == "--format"]
    assert len(options) == len(argv) - 3, "the example takes exactly one path"
    # offline through the config file, so the test makes no network request
    (tmp_path / "citecheck.toml").write_text("offline = true\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "letter.txt").write_bytes(SAMPLE.read_bytes())
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITECHECK_")}
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", *argv[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    log = json.loads(proc.stdout)
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "docs/letter.txt"}}]
    assert log["runs"][0]["results"], "the sample letter has findings"
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (the shared folder is absent)")
    import jsonschema

    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_readme_pre_commit_example_uses_a_declared_hook() -> None:
    config = _readme_yaml_blocks()[1]
    ids = {h["id"] for r in config["repos"] for h in r["hooks"]}
    hooks = _yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert ids <= {h["id"] for h in hooks}
