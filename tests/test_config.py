"""Configuration (citecheck.toml / [tool.citecheck]), selection, exclusion, suppression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.config import (
    ConfigError,
    code_selected,
    discover,
    find_config_file,
    load_config,
)
from citecheck.suppress import suppressions

DIRTY = "Intro.\nSee a/hrc/41/35.\n"


def _codes(args: list[str]) -> tuple[int, list[str]]:
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", *args])
    if res.exit_code == 2:
        return 2, [res.stderr]
    return res.exit_code, [f["code"] for f in json.loads(res.stdout)["files"][0]["findings"]]


@pytest.mark.parametrize(
    ("code", "select", "ignore", "kept"),
    [
        ("UN102", (), (), True),
        ("UN102", ("UN",), (), True),
        ("UN102", ("EU",), (), False),
        ("UN102", (), ("UN1",), False),
        ("UN102", ("UN",), ("UN102",), False),
        ("un102", ("un10",), (), True),
    ],
)
def test_ruff_style_selection(
    code: str, select: tuple[str, ...], ignore: tuple[str, ...], kept: bool
) -> None:
    assert code_selected(code, select, ignore) is kept


def test_config_found_by_walking_up_and_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('ignore = ["UN102"]\nfail-on = "error"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    f = sub / "x.txt"
    f.write_text(DIRTY, encoding="utf-8")
    assert find_config_file(f) == (tmp_path / "citecheck.toml").resolve()
    assert _codes([str(f)]) == (0, [])
    exit_code, codes = _codes(["--ignore", "SP", "--fail-on", "warning", str(f)])
    assert (exit_code, codes) == (1, ["UN102"])


def test_pyproject_tool_table_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.citecheck]\nselect = ["UN"]\n'
        '[tool.citecheck.per-file-ignores]\n"archive/*.txt" = ["UN102"]\n'
    )
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "old.txt"
    old.write_text(DIRTY, encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(DIRTY, encoding="utf-8")
    assert _codes([str(old)]) == (0, [])
    assert _codes([str(new)]) == (1, ["UN102"])
    cfg = discover([str(new)])
    assert cfg.select == ("UN",) and cfg.path == (tmp_path / "pyproject.toml").resolve()


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    f = tmp_path / "x.txt"
    f.write_text(DIRTY, encoding="utf-8")
    found = find_config_file(f)
    assert found is None or found.parent != tmp_path


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ('selekt = ["UN"]\n', "selekt"),
        ('fail-on = "fatal"\n', "fail-on"),
        ("offline = 1\n", "offline"),
        ('undl-url = "ftp://x"\n', "undl-url"),
        ("select = 5\n", "select"),
        ('[per-file-ignores]\n"*.md" = "UN 1"\n', "per-file-ignores.*.md"),
    ],
)
def test_bad_config_is_a_usage_error_naming_file_and_key(
    tmp_path: Path, content: str, key: str
) -> None:
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text(content)
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        discover([str(f)])
    assert err.value.key == key
    exit_code, (message,) = _codes([str(f)])
    assert exit_code == 2 and str(cfg) in message and repr(key) in message


def test_invalid_toml_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text("select = [\n")
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    exit_code, (message,) = _codes([str(f)])
    assert exit_code == 2 and "not valid TOML" in message


def test_exclude_gitignore_and_extensions_when_walking(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('exclude = ["drafts/"]\nextensions = ["txt", "rst"]\n')
    docs = tmp_path / "docs"
    (docs / "drafts").mkdir(parents=True)
    (docs / "drafts" / "d.txt").write_text(DIRTY, encoding="utf-8")
    (docs / "keep.txt").write_text(DIRTY, encoding="utf-8")
    (docs / "keep.rst").write_text(DIRTY, encoding="utf-8")
    (docs / "skip.md").write_text(DIRTY, encoding="utf-8")
    (docs / "build.txt").write_text(DIRTY, encoding="utf-8")
    (docs / ".gitignore").write_text("build.txt\n")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(docs)])
    names = sorted(Path(f["path"]).name for f in json.loads(res.stdout)["files"])
    assert names == ["keep.rst", "keep.txt"]


def test_offline_from_config(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text("offline = true\n")
    f = tmp_path / "x.txt"
    f.write_text("See A/HRC/41/35.", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--format", "json", str(f)])
    data = json.loads(res.stdout)
    assert data["files"][0]["citations"][0]["status"] == "not_checked"
    assert res.exit_code == 0
    # --strict needs the network: with offline from the config it is a usage error.
    res = CliRunner().invoke(main, ["check", "--strict", str(f)])
    assert res.exit_code == 2 and "offline" in res.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See a/hrc/41/35. <!-- citecheck: ignore[UN102] -->\n", {1: frozenset({"UN102"})}),
        ("x\nSee a/hrc/41/35.  # citecheck: ignore\n", {2: None}),
        ("See a/hrc/41/35. // citecheck:ignore[un1, SP104]\n", {1: frozenset({"UN1", "SP104"})}),
        ("citecheck: ignore[UN102] is how you write it\n", {}),
        ("See a/hrc/41/35.\n", {}),
    ],
)
def test_suppression_markers(text: str, expected: dict[int, frozenset[str] | None]) -> None:
    assert suppressions(text) == expected


def test_inline_suppression_on_the_same_line_only(tmp_path: Path) -> None:
    f = tmp_path / "x.md"
    f.write_text(
        "See a/hrc/41/35. <!-- citecheck: ignore[UN102] -->\n"
        "See a/hrc/41/41. <!-- citecheck: ignore[EU] -->\n"
        "See a/hrc/41/42.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(f)])
    findings = json.loads(res.stdout)["files"][0]["findings"]
    assert [(x["code"], x["location"]["line"]) for x in findings] == [("UN102", 2), ("UN102", 3)]


def test_a_config_that_is_not_utf8_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "citecheck.toml"
    cfg.write_bytes(b'select = ["UN"]\n\xff\n')
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        discover([str(f)])
    assert str(err.value) == f"{cfg}: is not valid UTF-8 (byte 0xff at offset 16)"
    for args in ([str(f)], ["--config", str(cfg), str(f)]):
        exit_code, (message,) = _codes(args)
        assert exit_code == 2
        assert message == f"citecheck: error: {cfg}: is not valid UTF-8 (byte 0xff at offset 16)\n"


def test_a_pyproject_that_is_not_utf8_is_reported_only_when_it_names_the_table(
    tmp_path: Path,
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    pyproject.write_bytes(b"[tool.black]\n# caf\xe9\n")
    assert find_config_file(f) != pyproject  # someone else's file: not ours to judge
    pyproject.write_bytes(b"[tool.citecheck]\n# caf\xe9\n")
    assert find_config_file(f) == pyproject
    with pytest.raises(ConfigError, match="is not valid UTF-8 \\(byte 0xe9 at offset 22\\)"):
        discover([str(f)])


def test_load_config_takes_a_str_path_and_config_error_is_a_value_error(tmp_path: Path) -> None:
    import citecheck

    cfg = tmp_path / "citecheck.toml"
    cfg.write_text('select = ["UN"]\n', encoding="utf-8")
    assert citecheck.load_config(str(cfg)).select == ("UN",)
    cfg.write_text('select = ["XX9"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="select"):
        citecheck.load_config(str(cfg))
    assert citecheck.ConfigError is ConfigError and "ConfigError" in citecheck.__all__


@pytest.mark.parametrize(
    ("key", "value"),
    [("select", '"UN"'), ("ignore", '"SF103"'), ("exclude", '"drafts/"'), ("extensions", '"md"')],
)
def test_a_string_where_a_list_is_documented_is_refused(
    tmp_path: Path, key: str, value: str
) -> None:
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text(f"{key} = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.key == key
    assert f"must be a list of strings, not {value.replace(chr(34), chr(39))}" in str(err.value)
    cfg.write_text(f"{key} = [{value}]\n", encoding="utf-8")
    assert load_config(cfg).path == cfg


@pytest.mark.parametrize(
    ("raw", "ours"),
    [
        (b"[tool.citecheck]\n# caf\xe9\n", True),
        (b'tool.citecheck.select = ["UN"]\n# caf\xe9\n', True),
        (b'[tool]\ncitecheck = {select = ["UN"]}\n# caf\xe9\n', True),
        (b'[ tool ]\n"citecheck" = {select = ["UN"]}\n# caf\xe9\n', True),
        (b'[tool]\nblack = {line-length = 99}\n# caf\xe9\n', False),
        (b'citecheck = 1\n[tool]\nblack = {}\n# caf\xe9\n', False),  # not under [tool]
        (b"[tool.black]\n# citecheck caf\xe9\n", False),
    ],
)
def test_a_pyproject_that_is_not_utf8_is_ours_in_every_way_of_writing_the_table(
    tmp_path: Path, raw: bytes, ours: bool
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes(raw)
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    assert (find_config_file(f) == pyproject) is ours


@pytest.mark.parametrize("name", ["citecheck.toml", "pyproject.toml"])
def test_a_config_nested_too_deeply_is_a_config_error(tmp_path: Path, name: str) -> None:
    deep = "[" * 5000 + "]" * 5000
    cfg = tmp_path / name
    body = f"select = {deep}\n"
    cfg.write_text(body if name == "citecheck.toml" else f"[tool.citecheck]\n{body}")
    f = tmp_path / "x.txt"
    f.write_text("A/HRC/41/35", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        discover([str(f)])
    assert str(err.value) == f"{cfg}: is nested too deeply to be a configuration"
    exit_code, (message,) = _codes([str(f)])
    assert exit_code == 2
    assert message == f"citecheck: error: {cfg}: is nested too deeply to be a configuration\n"
