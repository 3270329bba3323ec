"""The package index name is legal-citecheck (``citecheck`` there is an unrelated project);
the import name and the command stay citecheck, and every install hint says so."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import citecheck
from citecheck.readers import PDF_EXTRA_MESSAGE

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_name_and_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == citecheck.DISTRIBUTION == "legal-citecheck"
    assert project["scripts"] == {"citecheck": "citecheck.launcher:main"}


def test_no_install_hint_names_the_taken_name() -> None:
    texts = [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "citecheck").rglob("*.py")]
    bare = re.compile(r"pip install ['\"]?citecheck\b")
    offenders = [str(p) for p in texts if bare.search(p.read_text("utf-8"))]
    assert offenders == []
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "pip install legal-citecheck" in readme
    assert "pip install 'legal-citecheck[pdf]'" in readme


def test_pdf_hint_names_the_distribution() -> None:
    assert "pip install 'legal-citecheck[pdf]'" in PDF_EXTRA_MESSAGE


def test_user_agent_version_does_not_need_the_index_name_installed() -> None:
    from citecheck.resolve.net import USER_AGENT

    assert USER_AGENT.startswith("citecheck/") and "0.0.0" not in USER_AGENT
