""" "Did you mean" from related documents: MARC 993 links and citations written side by side."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakeserver import FakeServer, shared

from citecheck.cli import main
from citecheck.resolve import Resolver, Status, resolve_ids
from citecheck.resolve.engine import Settings
from citecheck.resolve.sources.undl import parse_collection
from citecheck.resolve.suggest import celex_to_case, related

MakeSettings = Callable[..., Settings]


def test_recorded_993_and_791_are_parsed() -> None:
    content = shared("undl/search_of-xm_rg200_mixed-records_ClementSicard-undl.xml").read_bytes()
    _, records = parse_collection(content)
    by_symbol = {r.symbols[0]: r for r in records if r.symbols}
    # a report points to the resolution it led to; a resolution to its draft and report
    assert by_symbol["S/2020/838"].related == ("S/RES/2538(2020)",)
    assert by_symbol["A/HRC/RES/8/12"].related == ("A/HRC/8/L.17", "A/HRC/8/52")
    assert by_symbol["A/RES/54/139"].related == ("A/C.3/54/L.19", "A/54/598", "A/54/PV.83")
    assert sum(1 for r in records if r.related) >= 40
    assert any(r.other_symbols == ("S/RES/2538(2020)",) for r in records)


@pytest.mark.parametrize(
    ("celex", "case"),
    [
        ("62012CJ0293", "C-293/12"),
        ("62018CO0132", "C-132/18"),
        ("62015TJ0001", "T-1/15"),
        ("61985CJ0314", "314/85"),
        ("32016R0679", None),
    ],
)
def test_celex_to_case(celex: str, case: str | None) -> None:
    assert celex_to_case(celex) == case


CASE_OK = ("case:C-293/12", "resolved", [("celex", "62012CJ0293"), ("ecli", "EU:C:2014:238")])
ECLI_OK = ("ecli:EU:C:2014:238", "resolved", [("celex", "62012CJ0293")])


@pytest.mark.parametrize(
    ("ident", "status", "hood", "expected"),
    [
        ("ecli:EU:C:2014:239", "not_found", [CASE_OK], ["ecli:EU:C:2014:238", "celex:62012CJ0293"]),
        ("celex:62012CJ0239", "not_found", [CASE_OK], ["celex:62012CJ0293", "ecli:EU:C:2014:238"]),
        ("case:C-294/12", "unverified", [ECLI_OK], ["case:C-293/12"]),
        ("ecli:EU:C:2014:239", "unverified", [CASE_OK], []),  # no definite miss
        ("ecli:EU:C:2014:238", "resolved", [CASE_OK], []),
        ("ecli:EU:C:2014:239", "not_found", [("case:C-293/12", "unverified", [])], []),
        ("ecli:EU:C:2014:239", "not_found", [("un:A/HRC/17/31", "resolved", [])], []),
        ("un:A/HRC/RES/17/31", "not_found", [CASE_OK], []),
        ("case:C-293/12", "unverified", [("case:C-294/12", "resolved", [])], []),
    ],
)
def test_related_table(
    ident: str,
    status: str,
    hood: list[tuple[str, str, list[tuple[str, str]]]],
    expected: list[str],
) -> None:
    assert related(ident, status, hood) == expected


def test_res_typo_without_index_suggests_only_what_the_source_confirms(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    out = resolve_ids(["un:A/HRC/RES/17/31"], make_settings(fake))
    wrong = out["un:A/HRC/RES/17/31"]
    assert wrong.status is Status.NOT_FOUND
    # no 993 "related resolution" is guessed: real reports do not carry one
    assert wrong.suggestions == ("un:A/HRC/17/31",)
    # the search, the candidates' search
    assert len(fake.requests_to("/search")) == 2


def test_wrong_ecli_next_to_its_case(fake: FakeServer, make_settings: MakeSettings) -> None:
    ids = ["case:C-293/12", "ecli:EU:C:2014:239"]
    hints = {"ecli:EU:C:2014:239": ["case:C-293/12"], "case:C-293/12": ["ecli:EU:C:2014:239"]}
    settings = make_settings(fake)
    out = resolve_ids(ids, settings, hints=hints)
    wrong = out["ecli:EU:C:2014:239"]
    assert wrong.status is Status.NOT_FOUND
    assert wrong.suggestions == ("ecli:EU:C:2014:238", "celex:62012CJ0293")
    assert out["case:C-293/12"].suggestions == ()
    # without hints nothing links them; the hint-based suggestion was not cached
    again = resolve_ids(ids, settings)
    assert again["ecli:EU:C:2014:239"].status is Status.NOT_FOUND
    assert again["ecli:EU:C:2014:239"].suggestions == ()


def test_hinted_neighbour_is_looked_up_but_not_returned(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    resolver = Resolver(make_settings(fake))
    try:
        out = resolver.resolve(["case:C-294/12"], hints={"case:C-294/12": ["ecli:EU:C:2014:238"]})
    finally:
        resolver.close()
    assert list(out) == ["case:C-294/12"]
    assert out["case:C-294/12"].status is Status.UNVERIFIED  # no judgment under that number
    assert out["case:C-294/12"].suggestions == ("case:C-293/12",)


def test_cli_suggests_the_ecli_of_the_case_cited_with_it(fake: FakeServer, tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text(
        "See Case C-293/12, ECLI:EU:C:2014:239, para. 52.\n"
        "The rest of this letter is about something else entirely, at some length, so that "
        "nothing in it is cited together with the case. Later the Court decided "
        "ECLI:EU:C:2014:240 as well.\n",
        encoding="utf-8",
    )
    env = fake.env(tmp_path / "cache")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(text)], env=env)
    data = json.loads(result.stdout)
    by_id = {c["id"]: c for c in data["files"][0]["citations"]}
    assert by_id["case:C-293/12"]["status"] == "resolved"
    wrong = by_id["ecli:EU:C:2014:239"]
    assert wrong["status"] == "not_found"
    assert wrong["resolution"]["suggestions"][:2] == ["ecli:EU:C:2014:238", "celex:62012CJ0293"]
    far = by_id["ecli:EU:C:2014:240"]
    assert far["status"] == "not_found" and far["resolution"]["suggestions"] == []
    messages = [f["message"] for f in data["files"][0]["findings"] if f["code"] == "RS101"]
    assert any("did you mean ECLI:EU:C:2014:238" in m for m in messages)
    assert result.exit_code == 1


def test_politeness_knobs_from_the_environment() -> None:
    from citecheck.resolve.engine import settings_from_env

    env = {"CITECHECK_RATE_PER_HOST": "0", "CITECHECK_RETRIES": "1", "CITECHECK_BACKOFF": "0.1"}
    s = settings_from_env(env=env)
    assert (s.rate_per_host, s.retries, s.backoff_base) == (0.0, 1, 0.1)
    assert s.breaker_threshold == 5  # not an environment knob
    assert settings_from_env(env=env, retries=4).retries == 4  # explicit overrides win
    default = settings_from_env(env={})
    assert (default.rate_per_host, default.retries, default.backoff_base) == (2.0, 3, 0.5)
    with pytest.warns(UserWarning) as caught:
        bad = settings_from_env(env={"CITECHECK_RETRIES": "many", "CITECHECK_BACKOFF": "-1"})
    assert sorted(str(w.message).split("=")[0] for w in caught) == [
        "ignoring CITECHECK_BACKOFF",
        "ignoring CITECHECK_RETRIES",
    ]
    assert (bad.retries, bad.backoff_base) == (3, 0.5)
