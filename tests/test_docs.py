"""The project's own documentation: the rule reference is generated and complete, no text
sends users to files they do not have, every command-line option is explained, and the
documents' links lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.rules import all_rules, markdown

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: Written on other branches at the same time as this one; links to them are allowed to
#: dangle until those branches are merged.
WRITTEN_ELSEWHERE = {"docs/index.md", "docs/index-eu.md", "SECURITY.md"}

FORBIDDEN = re.compile(r"CONTRACT\.md|GRAMMAR(?:-LANGUAGES)?(?:\.md)?\b|SOURCES\.md|\.\./shared")


def test_rules_md_is_generated_from_the_rules() -> None:
    written = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert written == markdown(), "regenerate: citecheck rules --format markdown > docs/rules.md"
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0 and result.output == written


def test_rules_md_lists_every_code() -> None:
    written = (DOCS / "rules.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### ([A-Z]{2}\d{3})$", written, flags=re.M)
    assert headings == [r.code for r in all_rules()]


def _shipped_texts() -> list[Path]:
    files = [p for p in (ROOT / "citecheck").rglob("*") if p.suffix in {".py", ".json"}]
    return [*files, ROOT / "README.md", *DOCS.glob("*.md")]


@pytest.mark.parametrize("path", _shipped_texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reference_to_files_users_do_not_have(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [m.group(0) for m in FORBIDDEN.finditer(text)]
    assert found == []


def test_no_source_tags_in_rule_texts() -> None:
    for rule in all_rules():
        for text in (rule.summary, rule.explanation, rule.bad, rule.good):
            assert not re.search(r"\[S\d+", text), (rule.code, text)


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main)
    out: list[tuple[str, click.Command]] = [("citecheck", main)]
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        assert cmd is not None
        out.append((name, cmd))
        if isinstance(cmd, click.Group):
            sub_ctx = click.Context(cmd)
            for sub in cmd.list_commands(sub_ctx):
                sub_cmd = cmd.get_command(sub_ctx, sub)
                assert sub_cmd is not None
                out.append((f"{name} {sub}", sub_cmd))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda v: str(v))
def test_every_command_and_option_has_help(name: str, command: click.Command) -> None:
    assert command.help, name
    missing = [p.opts for p in command.params if isinstance(p, click.Option) and not p.help]
    assert missing == [], name


def test_exit_codes_and_timeout_default_are_in_help() -> None:
    from citecheck.resolve.engine import Settings

    text = CliRunner().invoke(main, ["check", "--help"]).output
    assert "Exit codes:" in text and "usage or input error" in text
    assert f"[default: {Settings().timeout:g}]" in text
    assert "Exit codes:" in CliRunner().invoke(main, ["--help"]).output


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [m for m in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text) if "://" not in m]


@pytest.mark.parametrize(
    "path", [ROOT / "README.md", *sorted(DOCS.glob("*.md"))], ids=lambda p: p.name
)
def test_relative_links_lead_to_files(path: Path) -> None:
    for link in _links(path):
        target = (path.parent / link).resolve()
        rel = target.relative_to(ROOT).as_posix() if target.is_relative_to(ROOT) else link
        assert target.exists() or rel in WRITTEN_ELSEWHERE, f"{path.name}: {link}"


def test_docs_map_links_every_document() -> None:
    linked = set(_links(DOCS / "README.md"))
    for doc in DOCS.glob("*.md"):
        if doc.name != "README.md":
            assert doc.name in linked, doc.name
