"""A repository's config may not choose the sources or the cache unless the user opts in;
how `check` builds its resolution settings from options, environment and config file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner, Result

from citecheck.cli import main
from citecheck.config import config_from_table, config_trusted

EVIL = "http://169.254.169.254"
TABLE = {"undl-url": EVIL, "sparql-url": EVIL + "/sparql", "cache-dir": "shared-cache"}


def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("UNDL_URL", "ODS_URL", "CELLAR_URL", "SPARQL_URL", "CACHE_DIR", "TRUST_CONFIG"):
        monkeypatch.delenv("CITECHECK_" + var, raising=False)


def test_source_urls_and_cache_dir_need_the_opt_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clean_env(monkeypatch)
    config = config_from_table(tmp_path / "citecheck.toml", TABLE)
    assert config.untrusted_keys() == ("undl-url", "sparql-url", "cache-dir")
    assert config.resolve_overrides() == {}
    assert config.resolve_overrides(trusted=False) == {}
    trusted = {
        "undl_url": EVIL,
        "sparql_url": EVIL + "/sparql",
        "cache_dir": tmp_path / "shared-cache",
    }
    assert config.resolve_overrides(trusted=True) == trusted
    monkeypatch.setenv("CITECHECK_TRUST_CONFIG", "1")
    assert config.resolve_overrides() == trusted
    assert config_from_table(tmp_path / "c.toml", {"offline": True}).untrusted_keys() == ()


@pytest.mark.parametrize(
    ("flag", "value", "trusted"),
    [
        (False, None, False),
        (True, None, True),
        (False, "1", True),
        (False, "yes", True),
        (False, " TRUE ", True),
        (False, "0", False),
        (False, "", False),
        (False, "no", False),
    ],
)
def test_config_trusted(flag: bool, value: str | None, trusted: bool) -> None:
    env = {} if value is None else {"CITECHECK_TRUST_CONFIG": value}
    assert config_trusted(flag, env) is trusted


class Recorder:
    """Stands in for the resolver: records the settings `check` built, resolves nothing."""

    seen: ClassVar[list[Any]] = []

    def __init__(self, settings: Any) -> None:
        Recorder.seen.append(settings)

    def resolve(self, ids: Any) -> dict[str, Any]:
        return {}

    def close(self) -> None:
        pass


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _clean_env(monkeypatch)
    monkeypatch.setattr("citecheck.resolve.engine.Resolver", Recorder)
    Recorder.seen = []
    (tmp_path / "citecheck.toml").write_text(
        "".join(f'{k} = "{v}"\n' for k, v in TABLE.items()), encoding="utf-8"
    )
    (tmp_path / "letter.txt").write_text("See A/HRC/41/35.\n", encoding="utf-8")
    return tmp_path


def _check(project: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    argv = ["check", "--format", "json", *args, str(project / "letter.txt")]
    return CliRunner().invoke(main, argv, env=env or {})


def test_check_ignores_the_repository_config_with_a_warning(project: Path) -> None:
    result = _check(project)
    assert result.exit_code in (0, 1), result.output
    [settings] = Recorder.seen
    assert settings.undl_url == "https://digitallibrary.un.org"
    assert settings.sparql_url.startswith("https://publications.europa.eu/")
    assert settings.cache_dir is None
    warning = result.stderr
    assert "ignoring undl-url, sparql-url, cache-dir" in warning
    assert "--trust-config" in warning and "CITECHECK_TRUST_CONFIG=1" in warning
    assert str(project / "citecheck.toml") in warning


@pytest.mark.parametrize("how", ["flag", "env"])
def test_check_uses_the_config_when_trusted(project: Path, how: str) -> None:
    if how == "flag":
        result = _check(project, "--trust-config")
    else:
        result = _check(project, env={"CITECHECK_TRUST_CONFIG": "1"})
    assert result.exit_code in (0, 1), result.output
    [settings] = Recorder.seen
    assert settings.undl_url == EVIL and settings.cache_dir == project / "shared-cache"
    assert "ignoring" not in result.stderr


def test_environment_beats_config_and_options_beat_both(project: Path) -> None:
    env = {
        "CITECHECK_TRUST_CONFIG": "1",
        "CITECHECK_UNDL_URL": "http://mirror.test",
        "CITECHECK_CACHE_DIR": str(project / "env-cache"),
        "CITECHECK_NETWORK_BUDGET": "7",
    }
    _check(project, env=env)
    _check(project, "--cache-dir", str(project / "cli-cache"), "--network-budget", "3", env=env)
    from_env, from_cli = Recorder.seen
    assert from_env.undl_url == "http://mirror.test"  # env beats the (trusted) file
    assert from_env.sparql_url == EVIL + "/sparql"  # the file still sets what env does not
    assert from_env.cache_dir == project / "env-cache"
    assert from_env.network_budget == 7.0
    assert from_cli.cache_dir == project / "cli-cache" and from_cli.network_budget == 3.0


def test_an_empty_environment_variable_leaves_the_trusted_config_in_force(project: Path) -> None:
    """Set but empty is not set: the environment reads it so, and the config must not be
    dropped for it (else neither would choose the URL and the default would silently win)."""
    env = {"CITECHECK_TRUST_CONFIG": "1", "CITECHECK_UNDL_URL": "", "CITECHECK_CACHE_DIR": ""}
    _check(project, env=env)
    [settings] = Recorder.seen
    assert settings.undl_url == EVIL
    assert settings.cache_dir == project / "shared-cache"


def test_each_environment_variable_beats_only_its_own_config_key(project: Path) -> None:
    env = {"CITECHECK_TRUST_CONFIG": "1", "CITECHECK_SPARQL_URL": "http://sparql.test"}
    _check(project, env=env)
    [settings] = Recorder.seen
    assert (settings.undl_url, settings.sparql_url) == (EVIL, "http://sparql.test")
    assert settings.cache_dir == project / "shared-cache"


def test_timeout_and_budget_reach_the_settings(project: Path) -> None:
    _check(project, "--timeout", "2.5", "--network-budget", "30")
    _check(project)
    given, default = Recorder.seen
    assert (given.timeout, given.network_budget) == (2.5, 30.0)
    assert (default.timeout, default.network_budget) == (20.0, 60.0)
    assert given.net_config().budget == 30.0 and given.net_config().timeout == 2.5


def test_help_says_what_timeout_and_budget_mean() -> None:
    text = " ".join(CliRunner().invoke(main, ["check", "--help"]).output.split())
    assert "Overall deadline in seconds for each request, body included" in text
    assert "--network-budget" in text and "--trust-config" in text


def test_explicit_config_is_not_trusted_either(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text(f'ods-url = "{EVIL}"\n', encoding="utf-8")
    result = _check(project, "--config", str(other))
    [settings] = Recorder.seen
    assert settings.ods_url == "https://documents.un.org"
    assert "ignoring ods-url" in result.stderr


def test_bad_config_at_the_cli_is_exit_2(project: Path) -> None:
    (project / "citecheck.toml").write_text('undl-url = "file:///etc/passwd"\n', "utf-8")
    result = _check(project)
    assert result.exit_code == 2 and Recorder.seen == []
    assert "undl-url" in result.stderr and "http(s) URL" in result.stderr
    missing = _check(project, "--config", str(project / "nope.toml"))
    assert missing.exit_code == 2 and "cannot be read" in missing.stderr


def test_offline_run_with_an_untrusted_config_uses_neither_its_urls_nor_its_cache(
    project: Path,
) -> None:
    result = _check(project, "--offline")
    [settings] = Recorder.seen  # offline still reads the index and the cache
    assert settings.offline
    assert settings.undl_url == "https://digitallibrary.un.org"
    assert settings.cache_dir is None or "shared-cache" not in str(settings.cache_dir)
    assert json.loads(result.stdout)["files"]
