"""``citecheck parse``: every citation of the string, its findings, and an exit code that
follows them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citecheck.cli import main


def _parse(*args: str) -> tuple[int, list[dict[str, object]], str]:
    res = CliRunner().invoke(main, ["parse", *args])
    data = json.loads(res.stdout) if res.stdout else []
    return res.exit_code, data, res.stderr


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        (
            "Human Rights Council resolutions 43/4 and 44/15",
            ["un:A/HRC/RES/43/4", "un:A/HRC/RES/44/15"],
        ),
        ("C-501/12 to C-503/12", ["case:C-501/12", "case:C-502/12", "case:C-503/12"]),
        ("A/HRC/41/35, para. 66", ["un:A/HRC/41/35"]),
    ],
)
def test_every_citation_of_a_list_is_printed(text: str, ids: list[str]) -> None:
    exit_code, data, _ = _parse(text)
    assert exit_code == 0
    assert [c["id"] for c in data] == ids
    assert all(c["findings"] == [] and "parts" in c for c in data)


def test_ibid_alone_is_sf101_not_no_citation() -> None:
    exit_code, data, stderr = _parse("Ibid., para. 66")
    assert exit_code == 1 and "no citation" not in stderr
    (cit,) = data
    assert cit["id"] is None and cit["short_form"] is True
    assert [f["code"] for f in cit["findings"]] == ["SF101"]  # type: ignore[index]


def test_error_finding_exits_1() -> None:
    exit_code, data, _ = _parse("Guiding Principle 32")
    (cit,) = data
    assert exit_code == 1
    assert [(f["code"], f["severity"]) for f in cit["findings"]] == [  # type: ignore[index]
        ("IN102", "error")
    ]


def test_fail_on_sets_the_threshold() -> None:
    assert _parse("a/hrc/41/35")[0] == 1  # UN102 is a warning
    assert _parse("--fail-on", "error", "a/hrc/41/35")[0] == 0
    assert _parse("--fail-on", "error", "Guiding Principle 32")[0] == 1


def test_nothing_recognised_exits_2_with_an_example() -> None:
    exit_code, data, stderr = _parse("nothing here")
    assert exit_code == 2 and data == []
    assert "no citation recognised in 'nothing here'" in stderr and "A/HRC/41/35" in stderr
