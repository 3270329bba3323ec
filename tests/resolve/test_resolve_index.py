"""Index first: the local index answers before the cache and the live sources, offline too.

The index is built with `citecheck.index.db`'s write API from the fake sources' records
(`indexdata`).  A transport that refuses every request proves where no request is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from click.testing import CliRunner
from fakeserver import FakeServer
from indexdata import AS_OF, build_index

from citecheck.cli import main
from citecheck.index.db import HarvestState, IndexDB
from citecheck.resolve import NoNetworkTransport, Resolver, Status, resolve_ids
from citecheck.resolve.settings import Settings

MakeSettings = Callable[..., Settings]
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return build_index(tmp_path / "index.sqlite3")


def _offline(make_settings: MakeSettings, index: Path, **kw: Any) -> tuple[Settings, Any]:
    tripwire = NoNetworkTransport()
    values = {"offline": True, "transport": tripwire, "use_index": True, "index_path": index}
    settings = make_settings(**{**values, **kw})
    return settings, tripwire


# ---- definitive and not definitive -------------------------------------------------------


def test_offline_with_index_answers_and_makes_no_request(
    make_settings: MakeSettings, index: Path
) -> None:
    settings, tripwire = _offline(make_settings, index)
    out = resolve_ids(
        ["un:A/HRC/RES/17/31", "un:A/HRC/41/35", "un:S/RES/2231(2015)", "celex:32016R0679"],
        settings,
    )
    assert tripwire.calls == 0
    wrong = out["un:A/HRC/RES/17/31"]
    assert wrong.status is Status.NOT_FOUND and wrong.source == "index"
    assert wrong.suggestions[0] == "un:A/HRC/17/31"
    assert "up to session 20" in (wrong.reason or "")
    assert "A/HRC session 17 adopted resolutions 17/1 to 17/25" in (wrong.reason or "")
    held = out["un:A/HRC/41/35"]
    assert held.status is Status.RESOLVED and held.date == "2019-05-28"
    assert out["un:S/RES/2231(2015)"].status is Status.RESOLVED
    assert out["celex:32016R0679"].status is Status.RESOLVED


def test_online_the_index_answers_first(make_settings: MakeSettings, index: Path) -> None:
    """Definite index answers need no live source: no request even when online."""
    tripwire = NoNetworkTransport()
    settings = make_settings(transport=tripwire, use_index=True, index_path=index)
    out = resolve_ids(["un:A/HRC/RES/17/31", "un:A/HRC/17/31"], settings)
    assert tripwire.calls == 0
    assert out["un:A/HRC/RES/17/31"].status is Status.NOT_FOUND
    assert out["un:A/HRC/17/31"].status is Status.RESOLVED


def test_newer_than_the_index_is_unverified_offline(
    make_settings: MakeSettings, index: Path
) -> None:
    settings, tripwire = _offline(make_settings, index)
    ids = ["un:A/HRC/RES/20/21", "un:A/HRC/RES/21/1", "un:X/Y/1", "celex:32026R0001"]
    out = resolve_ids(ids, settings)
    assert tripwire.calls == 0
    # session 20 is the last one harvested: 20/21 may be adopted after the index was built
    assert out["un:A/HRC/RES/20/21"].status is Status.UNVERIFIED
    assert out["un:A/HRC/RES/21/1"].status is Status.UNVERIFIED
    assert out["un:X/Y/1"].status is Status.UNVERIFIED
    assert out["un:X/Y/1"].reason == f"not in the index (as of {AS_OF})"
    # an act of the index's own year may still be on its way
    assert out["celex:32026R0001"].status is Status.UNVERIFIED


# (id, the index's reason): an absence the coverage rules leave open says where the index's
# series ends, never "newer than the index" for a UN id (it may be older than the harvest
# day: a 2018 resolution after the last one held of the last session held).
NOT_DEFINITE = [
    (
        "un:A/HRC/RES/20/21",
        f"not in the index (as of {AS_OF}); its last session of A/HRC/RES is 20 (up to "
        "A/HRC/RES/20/20), and with no later one it cannot tell that A/HRC/RES/20/21 does not "
        "exist",
    ),
    (
        "un:A/HRC/RES/21/1",
        f"not in the index (as of {AS_OF}); its last session of A/HRC/RES is 20, before this one",
    ),
    (
        "un:S/RES/9999(2030)",
        f"not in the index (as of {AS_OF}); it holds S/RES up to S/RES/2231(2015), numbered "
        "before this one",
    ),
    ("un:X/Y/1", f"not in the index (as of {AS_OF})"),
    # an act of the index's own year may still be on its way: that one is newer
    ("celex:32026R0001", f"newer than the index (as of {AS_OF})"),
]


@pytest.mark.parametrize(("ident", "reason"), NOT_DEFINITE)
def test_an_open_absence_says_where_the_index_ends(
    make_settings: MakeSettings, index: Path, ident: str, reason: str
) -> None:
    settings, _ = _offline(make_settings, index)
    out = resolve_ids([ident], settings)[ident]
    assert (out.status, out.reason) == (Status.UNVERIFIED, reason)


@pytest.mark.parametrize(
    ("complete", "earliest", "reason"),
    [
        (False, "1952-01-01", f"not in the index (as of {AS_OF})"),
        (True, "2011-01-01", f"not in the index (as of {AS_OF}), whose EU acts begin in 2011"),
    ],
)
def test_an_eu_act_the_harvest_did_not_cover_is_not_called_newer(
    make_settings: MakeSettings, index: Path, complete: bool, earliest: str, reason: str
) -> None:
    db = IndexDB(index, write=True)
    try:
        with db.transaction():
            db.set_harvest(HarvestState("eu", AS_OF, complete, earliest, None, 3, AS_OF))
    finally:
        db.close()
    settings, _ = _offline(make_settings, index)
    ident = "celex:31999L0001"  # an act of 1999, not held
    out = resolve_ids([ident], settings)[ident]
    assert (out.status, out.reason) == (Status.UNVERIFIED, reason)


def test_case_law_is_confirmed_never_denied(make_settings: MakeSettings, index: Path) -> None:
    settings, tripwire = _offline(make_settings, index)
    out = resolve_ids(["case:C-293/12", "ecli:EU:C:2014:238", "ecli:EU:C:2014:239"], settings)
    assert tripwire.calls == 0
    assert out["case:C-293/12"].status is Status.RESOLVED
    assert out["case:C-293/12"].get_extra("ecli") == "EU:C:2014:238"
    assert out["ecli:EU:C:2014:238"].get_extra("celex") == "62012CJ0293"
    assert out["ecli:EU:C:2014:239"].status is Status.NOT_CHECKED  # offline, no definite miss


def test_old_eu_act_missing_from_a_complete_index_is_not_found(
    make_settings: MakeSettings, index: Path
) -> None:
    settings, _ = _offline(make_settings, index)
    res = resolve_ids(["celex:32010R9999"], settings)["celex:32010R9999"]
    assert res.status is Status.NOT_FOUND and res.source == "index"


def test_incomplete_harvest_never_says_not_found(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    path = build_index(tmp_path / "partial.sqlite3", complete=False)
    settings, _ = _offline(make_settings, path)
    out = resolve_ids(["un:A/HRC/RES/17/31", "celex:32010R9999"], settings)
    assert {r.status for r in out.values()} == {Status.UNVERIFIED}


def test_related_791_only_is_not_the_document(make_settings: MakeSettings, index: Path) -> None:
    """A voting record names A/HRC/RES/20/99 in 791: that does not make it exist."""
    settings, _ = _offline(make_settings, index)
    out = resolve_ids(["un:A/HRC/RES/20/99", "un:A/HRC/RES/17/31"], settings)
    assert out["un:A/HRC/RES/20/99"].status is Status.UNVERIFIED  # last session: maybe newer
    assert out["un:A/HRC/RES/17/31"].status is Status.NOT_FOUND


def test_common_form_and_sections_match_in_the_index(
    make_settings: MakeSettings, index: Path
) -> None:
    settings, _ = _offline(make_settings, index)
    out = resolve_ids(["un:SG/SM/20000", "un:A/RES/59/284", "un:A/RES/59/284 A"], settings)
    assert out["un:SG/SM/20000"].status is Status.RESOLVED  # 191 $z
    assert out["un:SG/SM/20000"].url == "https://undocs.org/SG/SM/20000-OBV/2000"
    assert out["un:A/RES/59/284"].status is Status.RESOLVED  # catalogued A/RES/59/284A
    assert out["un:A/RES/59/284 A"].status is Status.RESOLVED


# ---- suggestions only from the index -----------------------------------------------------


def test_suggestions_exist_in_the_index(make_settings: MakeSettings, index: Path) -> None:
    settings, _ = _offline(make_settings, index)
    out = resolve_ids(["un:A/HRC/RES/17/26", "un:A/HRC/31/17"], settings)
    past_end = out["un:A/HRC/RES/17/26"]
    assert past_end.status is Status.NOT_FOUND
    assert past_end.suggestions == ("un:A/HRC/RES/17/25",)  # the neighbour that exists
    assert "adopted resolutions 17/1 to 17/25" in (past_end.reason or "")
    swapped = out["un:A/HRC/31/17"]
    # session and number swapped; A/HRC/RES/31/17 and the neighbours are not in the index
    assert swapped.status is Status.NOT_FOUND
    assert swapped.suggestions == ("un:A/HRC/17/31",)


def test_no_suggestion_the_index_does_not_hold(
    fake: FakeServer, make_settings: MakeSettings, tmp_path: Path
) -> None:
    """The live fake holds A/HRC/17/31; an index without it suggests nothing, asks nothing."""
    path = build_index(tmp_path / "i.sqlite3")
    from citecheck.index.db import IndexDB

    db = IndexDB(path, write=True)
    with db.transaction():
        db.delete_un_records([900201])  # A/HRC/17/31
    db.close()
    settings = make_settings(fake, use_index=True, index_path=path)
    out = resolve_ids(["un:A/HRC/RES/17/31"], settings)
    assert out["un:A/HRC/RES/17/31"].status is Status.NOT_FOUND
    assert out["un:A/HRC/RES/17/31"].suggestions == ()
    assert fake.log == []


# ---- EU status ---------------------------------------------------------------------------


def test_repealed_directive_carries_status_and_replacement(
    make_settings: MakeSettings, index: Path
) -> None:
    settings, _ = _offline(make_settings, index)
    res = resolve_ids(["celex:31995L0046"], settings)["celex:31995L0046"]
    assert res.status is Status.RESOLVED
    assert res.in_force is False and res.end_of_validity == "2018-05-24"
    assert res.replaced_by == ("celex:32016R0679",)
    data = res.to_json()
    assert data["in_force"] is False and data["replaced_by"] == ["celex:32016R0679"]


def test_live_cellar_status_reaches_the_json_and_gives_rs103(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    """Without an index, Cellar's in-force flag, end of validity and repealing act are the
    resolution's: a repealed act is "no longer in force" (RS103) as from the index."""
    from citecheck.pipeline import check
    from citecheck.resolve.policy import resolution_findings

    out = resolve_ids(["celex:31995L0046", "celex:32016R0679"], make_settings(fake))
    old = out["celex:31995L0046"]
    assert old.status is Status.RESOLVED and old.to_json()["in_force"] is False
    assert old.end_of_validity == "2018-05-24" and old.replaced_by == ("celex:32016R0679",)
    assert out["celex:32016R0679"].in_force is True
    [finding] = resolution_findings(check("Directive 95/46/EC applies.").citations, out)
    assert (finding.code, finding.message) == (
        "RS103",
        "Directive 95/46/EC is no longer in force (end of validity 2018-05-24); "
        "repealed by Regulation (EU) 2016/679",
    )


@pytest.mark.parametrize("path", ["sparql", "rest"])
def test_live_not_in_force_with_nothing_ending_it_is_rs104(
    fake: FakeServer, make_settings: MakeSettings, path: str
) -> None:
    """No end of validity and no repealer in the record: maybe not in force YET (RS104),
    whether SPARQL or the REST notice answered."""
    from citecheck.pipeline import check
    from citecheck.resolve.policy import resolution_findings

    fake.data.add_work("32099L0001", title="A directive not yet in force")
    fake.data.works["32099L0001"]["in_force"] = "false"
    if path == "rest":
        fake.fault("status", prefix="/webapi/rdf/sparql", times=-1, status=503)
    out = resolve_ids(["celex:32099L0001"], make_settings(fake))
    res = out["celex:32099L0001"]
    assert res.status is Status.RESOLVED and res.in_force is False
    assert res.source == ("sparql" if path == "sparql" else "cellar")
    [finding] = resolution_findings(check("Directive 2099/1/EU applies.").citations, out)
    assert finding.code == "RS104" and finding.message.endswith("(not in force yet?)")


# ---- the CLI, the seed letter and the sample letter --------------------------------------


def _check_offline(index: Path, tmp_path: Path, *paths: str) -> tuple[int, dict[str, Any]]:
    env = {
        "CITECHECK_INDEX": str(index),
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
        # unreachable on purpose: --offline must not ask them
        "CITECHECK_UNDL_URL": "http://127.0.0.1:9",
        "CITECHECK_ODS_URL": "http://127.0.0.1:9",
    }
    args = ["check", "--offline", "--format", "json", *paths]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    return result.exit_code, json.loads(result.output)


def _by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for f in data["files"] for c in f["citations"]}


def test_seed_letter_offline_from_the_index(index: Path, tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    letter = [p for p in seeds if "A/HRC/RES/17/31" in p.read_text(encoding="utf-8")]
    if not letter:
        pytest.skip("../shared/corpus/seeds (the letter citing A/HRC/RES/17/31) not present")
    code, data = _check_offline(index, tmp_path, str(letter[0]))
    wrong = _by_id(data)["un:A/HRC/RES/17/31"]
    assert wrong["status"] == "not_found"
    assert wrong["resolution"]["suggestions"][0] == "un:A/HRC/17/31"
    rs101 = [f for f in data["files"][0]["findings"] if f["code"] == "RS101"]
    assert rs101 and "did you mean A/HRC/17/31" in rs101[0]["message"]
    assert code == 1


def test_sample_letter_offline_from_the_index(index: Path, tmp_path: Path) -> None:
    _, data = _check_offline(index, tmp_path, str(REPO / "fixtures" / "sample_letter.txt"))
    by_id = _by_id(data)
    assert by_id["un:A/HRC/RES/17/31"]["status"] == "not_found"
    assert by_id["un:A/HRC/RES/17/31"]["resolution"]["suggestions"][0] == "un:A/HRC/17/31"
    assert by_id["un:A/HRC/41/35"]["status"] == "resolved"
    assert by_id["celex:32016R0679"]["status"] == "resolved"


def test_directive_95_46_offline_gives_rs103(index: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Directive 95/46/EC and Regulation (EC) No 45/2001 protect personal data.\n",
        encoding="utf-8",
    )
    _, data = _check_offline(index, tmp_path, str(letter))
    cited = _by_id(data)["celex:31995L0046"]
    assert cited["status"] == "resolved"
    assert cited["resolution"]["in_force"] is False
    assert cited["resolution"]["end_of_validity"] == "2018-05-24"
    assert cited["resolution"]["replaced_by"] == ["celex:32016R0679"]
    findings = {f["code"]: f for f in data["files"][0]["findings"]}
    assert findings["RS103"]["severity"] == "warning"
    assert findings["RS103"]["message"] == (
        "Directive 95/46/EC is no longer in force (end of validity 2018-05-24); "
        "repealed by Regulation (EU) 2016/679"
    )
    assert findings["RS104"]["severity"] == "info"
    assert "end of validity 2019-01-01 has passed" in findings["RS104"]["message"]


def test_offline_without_index_still_reads_cache_and_catalog(
    make_settings: MakeSettings, tmp_path: Path
) -> None:
    settings, tripwire = _offline(make_settings, tmp_path / "absent.sqlite3", use_index=False)
    out = resolve_ids(["gc:CCPR/34", "un:A/HRC/41/35"], settings)
    assert tripwire.calls == 0
    assert out["gc:CCPR/34"].status is Status.RESOLVED
    assert out["un:A/HRC/41/35"].status is Status.NOT_CHECKED


# ---- live UNDL: robots.txt, 191 $z, 191 $a beats 791, sections ---------------------------

UNDL = "https://digitallibrary.un.org"
ODS = "https://documents.un.org"
_M = "http://www.loc.gov/MARC21/slim"


def _record(recid: int, fields: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<datafield tag="{t}" ind1=" " ind2=" "><subfield code="{c}">{v}</subfield></datafield>'
        for t, c, v in fields
    )
    return f'<record><controlfield tag="001">{recid}</controlfield>{body}</record>'


def _page(*records: str) -> bytes:
    head = f"<!-- Search-Engine-Total-Number-Of-Results: {len(records)} -->"
    return f'{head}<collection xmlns="{_M}">{"".join(records)}</collection>'.encode()


@pytest.fixture
def live(make_settings: MakeSettings) -> Settings:
    return make_settings(undl_url=UNDL, ods_url=ODS, retries=0, suggest=False, use_cache=False)


@respx.mock
def test_robots_disallowing_search_sends_no_search_and_asks_ods(live: Settings) -> None:
    respx.get(f"{UNDL}/robots.txt").mock(
        return_value=httpx.Response(200, text="User-agent: *\nDisallow: /search\nCrawl-delay: 5\n")
    )
    search = respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=_page()))
    ods = respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(302, headers={"location": f"{ODS}/doc/UNDOC/X.pdf"})
    )
    res = resolve_ids(["un:A/HRC/41/35"], live)["un:A/HRC/41/35"]
    assert search.call_count == 0 and ods.call_count == 1
    assert res.status is Status.RESOLVED and res.source == "ods"


@respx.mock
def test_live_matching_191z_sections_and_191a_before_791(live: Settings) -> None:
    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    page = _page(
        _record(1, [("791", "a", "A/HRC/RES/17/4"), ("245", "a", "Voting record")]),
        _record(2, [("191", "a", "A/HRC/RES/17/4"), ("245", "a", "Business and human rights")]),
        _record(3, [("191", "a", "SG/SM/20000-OBV/2000"), ("191", "z", "SG/SM/20000")]),
        _record(4, [("191", "a", "A/RES/59/284A"), ("245", "a", "Sectioned")]),
        _record(5, [("791", "a", "A/HRC/RES/20/99")]),
    )
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=page))
    respx.get(f"{ODS}/api/symbol/access").mock(
        return_value=httpx.Response(404, headers={"content-type": "text/html"})
    )
    ids = ["un:A/HRC/RES/17/4", "un:SG/SM/20000", "un:A/RES/59/284", "un:A/HRC/RES/20/99"]
    out = resolve_ids(ids, live)
    assert out["un:A/HRC/RES/17/4"].title == "Business and human rights"
    assert out["un:A/HRC/RES/17/4"].get_extra("record_url") == f"{UNDL}/record/2"
    assert out["un:SG/SM/20000"].status is Status.RESOLVED
    assert out["un:A/RES/59/284"].status is Status.RESOLVED
    assert out["un:A/HRC/RES/20/99"].status is Status.NOT_FOUND  # 791 only


@respx.mock
def test_full_page_without_total_is_maybe_more(live: Settings) -> None:
    from citecheck.resolve.sources import undl

    respx.get(f"{UNDL}/robots.txt").mock(return_value=httpx.Response(404))
    records = "".join(_record(i, [("191", "a", f"A/X/{i}")]) for i in range(1, 201))
    full = f'<collection xmlns="{_M}">{records}</collection>'.encode()
    assert undl._PAGE_SIZE == 200
    respx.get(f"{UNDL}/search").mock(return_value=httpx.Response(200, content=full))
    respx.get(f"{ODS}/api/symbol/access").mock(return_value=httpx.Response(503))
    res = resolve_ids(["un:A/X/999"], live)["un:A/X/999"]
    assert res.status is Status.UNVERIFIED


# ---- the language server answers from the index at once ---------------------------------


def test_language_server_session_answers_from_the_index(index: Path) -> None:
    from citecheck.lsp import LineIndex, SessionResolvers, build_diagnostics
    from citecheck.pipeline import check

    session = SessionResolvers()
    try:
        overrides = {
            "index_path": index,
            "transport": NoNetworkTransport(),
            "use_cache": False,
        }
        ids = ["un:A/HRC/RES/17/31", "un:A/HRC/41/35", "un:A/HRC/RES/20/21"]
        at_once = session.from_index(ids, overrides)
        # definite answers only; the possibly newer one is left to the live pass
        assert set(at_once) == {"un:A/HRC/RES/17/31", "un:A/HRC/41/35"}
        text = "See A/HRC/RES/17/31 and A/HRC/41/35."
        diags = build_diagnostics(check(text), at_once, LineIndex(text))
        assert [d.code for d in diags] == ["RS101"]
        assert "did you mean A/HRC/17/31" in diags[0].message
    finally:
        session.close()


def test_resolver_from_index_without_index_is_empty(make_settings: MakeSettings) -> None:
    resolver = Resolver(make_settings())
    try:
        assert resolver.from_index(["un:A/HRC/41/35"]) == {}
    finally:
        resolver.close()
