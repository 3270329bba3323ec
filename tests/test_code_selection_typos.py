"""A typo in --select/--ignore or the config's code lists is an error, never "select nothing"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.config import ConfigError, discover, split_codes, unknown_codes

DIRTY = "See a/hrc/41/35.\n"


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", *args])
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["ZZ", "EU1O2", "UN,ZZ9"])
def test_unknown_code_on_the_command_line_exits_2_naming_it(
    tmp_path: Path, option: str, value: str
) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    exit_code, stdout, stderr = _run(option, value, str(f))
    bad = value.split(",")[-1]
    assert exit_code == 2 and stdout == ""
    assert f"'{bad}'" in stderr and option in stderr and "citecheck rules" in stderr


def test_letter_o_for_zero_suggests_the_real_code(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    _, _, stderr = _run("--select", "EU1O2", str(f))
    assert "did you mean EU102?" in stderr


def test_space_separated_list_selects_each_code(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    exit_code, stdout, _ = _run("--select", "EU1 UN102", str(f))
    codes = [x["code"] for x in json.loads(stdout)["files"][0]["findings"]]
    assert exit_code == 1 and codes == ["UN102"]


def test_split_codes_accepts_commas_and_spaces() -> None:
    assert split_codes(["un1, EU102", "sf  CJ"]) == ("UN1", "EU102", "SF", "CJ")


def test_known_prefixes_are_not_reported_as_unknown() -> None:
    assert unknown_codes(["UN", "un1", "EU102", "RS", "CC101"]) == []
    assert unknown_codes(["UN", "ZZ", "UN999"]) == ["ZZ", "UN999"]


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_unknown_code_in_the_config_names_file_key_and_code(tmp_path: Path, key: str) -> None:
    (tmp_path / "citecheck.toml").write_text(f'{key} = ["EU1O2"]\n')
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        discover([str(f)])
    assert info.value.key == key and "EU1O2" in str(info.value)
    exit_code, stdout, stderr = _run(str(f))
    assert exit_code == 2 and stdout == "" and "EU1O2" in stderr and "citecheck.toml" in stderr


def test_unknown_code_in_per_file_ignores_is_refused(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('[per-file-ignores]\n"*.txt" = ["UN1O2"]\n')
    with pytest.raises(ConfigError, match="UN1O2"):
        discover([str(tmp_path / "a.txt")])


def test_space_separated_config_list_works(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('select = ["UN102 EU1"]\n')
    assert discover([str(tmp_path / "a.txt")]).select == ("UN102", "EU1")
