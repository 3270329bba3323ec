"""The resolution seam (`citecheck.resolve.policy`) through its public functions: what a
partial JSON answer becomes, who is "cited together", the exact RS101-RS104 findings and
messages, and the page linked for an id.  Written against the mutants the rest of the suite
let survive (see CONTRIBUTING.md, "Mutation testing")."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from citecheck.model import Citation, Kind, Severity
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.policy import (
    act_name,
    add_neighbour_hints,
    as_resolution,
    cited_together,
    human_link,
    ids_to_resolve,
    in_force,
    no_network_summary,
    not_found_message,
    resolution_findings,
    resolvable,
    resolve_citations,
    shown_id,
    unverified_message,
)

TODAY = datetime.date(2024, 6, 1)


def cit(ident: str, start: int = 0, end: int | None = None, **kw: Any) -> Citation:
    text = ident.partition(":")[2] or ident
    end = start + len(text) if end is None else end
    return Citation(id=ident, kind=Kind.UN_DOCUMENT, text=text, start=start, end=end, **kw)


# ---- which citations are asked about ------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "ambiguous", "expected"),
    [
        ("un:A/HRC/41/35", False, True),
        ("", False, False),
        ("A/HRC/41/35", False, False),
        ("un:A/HRC/41/35", True, False),
        ("gc:?/36", False, False),
    ],
)
def test_resolvable(ident: str, ambiguous: bool, expected: bool) -> None:
    assert resolvable(cit(ident, ambiguous=ambiguous)) is expected


def test_ids_to_resolve_distinct_in_text_order() -> None:
    cits = [cit("un:B"), cit("un:A"), cit("un:B"), cit("nocolon"), cit("un:C", ambiguous=True)]
    assert ids_to_resolve(cits) == ["un:B", "un:A"]


# ---- as_resolution ------------------------------------------------------------------------


def test_as_resolution_returns_a_resolution_unchanged() -> None:
    res = Resolution(id="un:X", status=Status.RESOLVED, title="T")
    assert as_resolution("un:other", res) is res


def test_as_resolution_reads_every_field() -> None:
    data = {
        "id": "ignored",
        "status": "resolved",
        "title": "Report",
        "date": "2019-05-01",
        "url": "https://undocs.org/A/1",
        "languages": ["en", 3, "fr"],
        "source": "undl",
        "reason": "why",
        "suggestions": ["un:A/2", None, "un:A/3"],
        "extra": [["ecli", "EU:C:2014:238"], ["bad"], ["a", "b", "c"], ("celex", "62012CJ0293")],
        "in_force": False,
        "end_of_validity": "2018-05-24",
        "replaced_by": ["celex:32016R0679", 7],
    }
    res = as_resolution("un:A/1", data)
    assert res == Resolution(
        id="un:A/1",
        status=Status.RESOLVED,
        title="Report",
        date="2019-05-01",
        url="https://undocs.org/A/1",
        languages=("en", "fr"),
        source="undl",
        reason="why",
        suggestions=("un:A/2", "un:A/3"),
        extra=(("ecli", "EU:C:2014:238"), ("celex", "62012CJ0293")),
        in_force=False,
        end_of_validity="2018-05-24",
        replaced_by=("celex:32016R0679",),
    )


@pytest.mark.parametrize("status", ["not_found", "unverified", "resolved"])
def test_as_resolution_keeps_a_known_status(status: str) -> None:
    assert as_resolution("un:A/1", {"status": status}).status is Status(status)


def test_as_resolution_defaults_of_an_empty_answer() -> None:
    res = as_resolution("un:A/1", {})
    assert res == Resolution(id="un:A/1", status=Status.UNVERIFIED)
    assert res.languages == () and res.suggestions == () and res.extra == ()
    assert res.replaced_by == () and res.in_force is None


def test_as_resolution_unknown_status_is_unverified() -> None:
    assert as_resolution("un:A/1", {"status": "maybe"}).status is Status.UNVERIFIED


def test_as_resolution_nulls_and_wrong_types_take_defaults() -> None:
    data = {
        "status": "not_found",
        "title": "",
        "date": 2019,
        "url": None,
        "source": ["undl"],
        "reason": "",
        "end_of_validity": 0,
        "languages": None,
        "suggestions": None,
        "extra": None,
        "replaced_by": None,
        "in_force": "true",
    }
    res = as_resolution("un:A/1", data)
    assert res == Resolution(id="un:A/1", status=Status.NOT_FOUND)


@pytest.mark.parametrize("flag", [True, False])
def test_as_resolution_in_force_booleans(flag: bool) -> None:
    assert as_resolution("celex:1", {"status": "resolved", "in_force": flag}).in_force is flag


# ---- resolve_citations --------------------------------------------------------------------


def test_resolve_citations_asks_nothing_without_resolvable_ids() -> None:
    def never(ids: Sequence[str]) -> Mapping[str, Any]:
        raise AssertionError(f"asked about {ids}")

    assert resolve_citations([[cit("nocolon")], []], never) == {}


def test_resolve_citations_asks_once_per_distinct_id_and_fills_gaps() -> None:
    asked: list[list[str]] = []

    def resolver(ids: Sequence[str]) -> Mapping[str, Any]:
        asked.append(list(ids))
        return {"un:A/1": {"status": "resolved", "title": "One"}}

    out = resolve_citations([[cit("un:A/1"), cit("un:A/2", 500)], [cit("un:A/1")]], resolver)
    assert asked == [["un:A/1", "un:A/2"]]
    assert out == {
        "un:A/1": Resolution(id="un:A/1", status=Status.RESOLVED, title="One"),
        "un:A/2": Resolution(id="un:A/2", status=Status.UNVERIFIED, reason="no answer"),
    }


def test_resolve_citations_a_failing_resolver_leaves_all_unverified() -> None:
    def broken(ids: Sequence[str]) -> Mapping[str, Any]:
        raise RuntimeError("boom")

    out = resolve_citations([[cit("un:A/1"), cit("un:A/2", 500)]], broken)
    reason = "resolution failed: RuntimeError('boom')"
    assert out == {
        "un:A/1": Resolution(id="un:A/1", status=Status.UNVERIFIED, reason=reason),
        "un:A/2": Resolution(id="un:A/2", status=Status.UNVERIFIED, reason=reason),
    }


WRONG_ECLI = "ecli:EU:C:2014:239"
CASE = "case:C-293/12"
CASE_EXTRA = [["ecli", "EU:C:2014:238"], ["celex", "62012CJ0293"]]


def test_resolve_citations_adds_neighbour_hints() -> None:
    def resolver(ids: Sequence[str]) -> Mapping[str, Any]:
        return {
            CASE: {"status": "resolved", "extra": CASE_EXTRA},
            WRONG_ECLI: {"status": "not_found", "source": "cellar"},
        }

    cits = [cit(CASE, 0, 12), cit(WRONG_ECLI, 14, 32)]
    out = resolve_citations([cits], resolver)
    assert out[WRONG_ECLI].suggestions == ("ecli:EU:C:2014:238", "celex:62012CJ0293")
    assert out[CASE].suggestions == ()


# ---- cited together -----------------------------------------------------------------------


def test_cited_together_within_the_gap_inclusive() -> None:
    gap = policy.NEIGHBOUR_GAP
    a = cit("un:A", 0, 10)
    b = cit("un:B", 10 + gap, 20 + gap)  # exactly the gap apart
    c = cit("un:C", 20 + 2 * gap + 1, 30 + 2 * gap)  # one more than the gap after b
    assert cited_together([[c, b, a]]) == {"un:A": {"un:B"}, "un:B": {"un:A"}}


def test_cited_together_skips_same_id_unresolvable_and_other_lists() -> None:
    a = cit("un:A", 0, 5)
    a2 = cit("un:A", 6, 10)
    amb = cit("un:Z", 11, 15, ambiguous=True)
    b = cit("un:B", 16, 20)
    other_list = [cit("un:C", 0, 5)]
    assert cited_together([[a, a2, amb, b], other_list]) == {"un:A": {"un:B"}, "un:B": {"un:A"}}


def test_cited_together_every_pair_within_reach() -> None:
    cits = [cit("un:A", 0, 5), cit("un:B", 10, 15), cit("un:C", 20, 25)]
    assert cited_together([cits]) == {
        "un:A": {"un:B", "un:C"},
        "un:B": {"un:A", "un:C"},
        "un:C": {"un:A", "un:B"},
    }


# ---- add_neighbour_hints ------------------------------------------------------------------


def _resolutions(*extra_suggestions: str) -> dict[str, Resolution]:
    return {
        CASE: Resolution(id=CASE, status=Status.RESOLVED, extra=CASE_EXTRA),
        WRONG_ECLI: Resolution(
            id=WRONG_ECLI, status=Status.NOT_FOUND, suggestions=extra_suggestions
        ),
    }


def test_neighbour_hints_come_first_and_are_capped() -> None:
    res = _resolutions("ecli:EU:C:2014:1", "celex:62012CJ0293", "ecli:EU:C:2014:2")
    out = add_neighbour_hints(res, {WRONG_ECLI: {CASE}, CASE: {WRONG_ECLI}})
    assert out[WRONG_ECLI].suggestions == (
        "ecli:EU:C:2014:238",
        "celex:62012CJ0293",
        "ecli:EU:C:2014:1",
    )
    assert out[CASE] == res[CASE]
    assert res[WRONG_ECLI].suggestions[0] == "ecli:EU:C:2014:1"  # the input is left alone


def test_neighbour_hints_skip_ids_without_resolution_and_go_on() -> None:
    res = _resolutions()
    near = {"un:missing": {CASE}, WRONG_ECLI: {CASE, "case:C-1/99"}}
    out = add_neighbour_hints(res, near)
    assert "un:missing" not in out
    assert out[WRONG_ECLI].suggestions == ("ecli:EU:C:2014:238", "celex:62012CJ0293")


def test_neighbour_hints_nothing_found_keeps_the_resolution() -> None:
    res = _resolutions("ecli:EU:C:2014:1")
    near = {WRONG_ECLI: {"un:A/1"}}
    out = add_neighbour_hints({**res, "un:A/1": Resolution(id="un:A/1", status="resolved")}, near)
    assert out[WRONG_ECLI] is res[WRONG_ECLI]


# ---- in force, names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "extra", "expected"),
    [
        (True, [("in_force", "false")], True),
        (False, [("in_force", "true")], False),
        (None, [("in_force", " TRUE ")], True),
        (None, [("in_force", "1")], True),
        (None, [("in_force", "False")], False),
        (None, [("in_force", "0")], False),
        (None, [("in_force", "maybe")], None),
        (None, [("in_force", "")], None),
        (None, [], None),
    ],
)
def test_in_force(field: bool | None, extra: list[tuple[str, str]], expected: bool | None) -> None:
    res = Resolution(id="celex:1", status=Status.RESOLVED, in_force=field, extra=extra)
    assert in_force(res) is expected


@pytest.mark.parametrize(
    ("ident", "name"),
    [
        ("celex:32016R0679", "Regulation (EU) 2016/679"),
        ("celex:62012CJ0293", "62012CJ0293"),
        ("un:32016R0679", "32016R0679"),
        ("un:A/HRC/41/35", "A/HRC/41/35"),
        ("ecli:EU:C:2014:238", "EU:C:2014:238"),  # only the scheme goes
        ("plain", "plain"),
        ("celex:", "celex:"),
    ],
)
def test_act_name(ident: str, name: str) -> None:
    assert act_name(ident) == name


@pytest.mark.parametrize(
    ("ident", "shown"),
    [
        ("ecli:EU:C:2014:238", "ECLI:EU:C:2014:238"),
        ("celex:32016R0679", "CELEX 32016R0679"),
        ("un:A/HRC/41/35", "A/HRC/41/35"),
        ("plain", "plain"),
        ("un:", "un:"),
    ],
)
def test_shown_id(ident: str, shown: str) -> None:
    assert shown_id(ident) == shown


# ---- messages -----------------------------------------------------------------------------


def _nf(**kw: Any) -> Resolution:
    return Resolution(id="un:A/HRC/41/99", status=Status.NOT_FOUND, **kw)


@pytest.mark.parametrize(
    ("res", "message"),
    [
        (
            _nf(source="index", reason="the series ends at 41/35", suggestions=["un:A/HRC/41/9"]),
            "A/HRC/41/99 does not exist: the series ends at 41/35; did you mean A/HRC/41/9?",
        ),
        (
            _nf(source="index", reason="the series ends at 41/35"),
            "A/HRC/41/99 does not exist: the series ends at 41/35",
        ),
        (
            _nf(source="index"),
            "A/HRC/41/99 was not found in the local index: check the reference",
        ),
        (
            _nf(source="undl", suggestions=["un:A/HRC/41/9", "celex:32016R0679"]),
            "A/HRC/41/99 was not found in the UN Digital Library: "
            "did you mean A/HRC/41/9 or CELEX 32016R0679?",
        ),
        (_nf(source="mirror"), "A/HRC/41/99 was not found in mirror: check the reference"),
        (_nf(reason="gone"), "A/HRC/41/99 was not found: check the reference"),
        # a cached answer: whose, of which day, and whether it was imported
        (
            _nf(source="cache", extra=[("cached_from", "undl")]),
            "A/HRC/41/99 was not found (answer from the UN Digital Library, kept in the cache): "
            "check the reference",
        ),
        (
            _nf(
                source="cache",
                extra=[
                    ("cached_from", "cellar"),
                    ("cached_at", "2026-01-02T00:00:00Z"),
                    ("imported_at", "2026-01-03T00:00:00Z"),
                ],
            ),
            "A/HRC/41/99 was not found (answer of 2026-01-02 from EUR-Lex (the Publications "
            "Office's Cellar), in an imported cache entry, not asked from this machine): check "
            "the reference",
        ),
    ],
)
def test_not_found_message(res: Resolution, message: str) -> None:
    assert not_found_message(res.id, res) == message


def _unv(**kw: Any) -> Resolution:
    return Resolution(id="ecli:EU:C:2014:238", status=Status.UNVERIFIED, **kw)


@pytest.mark.parametrize(
    ("res", "message"),
    [
        (_unv(reason="no network"), "ECLI:EU:C:2014:238 could not be checked: no network"),
        (
            _unv(reason="no network", suggestions=["ecli:EU:C:2014:239"]),
            "ECLI:EU:C:2014:238 could not be checked (no network); it is not reported "
            "missing: run again later; did you mean ECLI:EU:C:2014:239?",
        ),
        (
            _unv(reason="HTTP 503"),
            "ECLI:EU:C:2014:238 could not be checked (HTTP 503); it is not reported "
            "missing: run again later",
        ),
        (
            _unv(),
            "ECLI:EU:C:2014:238 could not be checked (no definite answer); it is not "
            "reported missing: run again later",
        ),
    ],
)
def test_unverified_message(res: Resolution, message: str) -> None:
    assert unverified_message(res.id, res) == message


@pytest.mark.parametrize(
    ("n", "line"),
    [
        (
            1,
            "no network: 1 citation unverified; use --offline or build the index "
            "('citecheck index update')",
        ),
        (
            2,
            "no network: 2 citations unverified; use --offline or build the index "
            "('citecheck index update')",
        ),
        (
            0,
            "no network: 0 citations unverified; use --offline or build the index "
            "('citecheck index update')",
        ),
    ],
)
def test_no_network_summary(n: int, line: str) -> None:
    assert no_network_summary(n) == line


# ---- findings -----------------------------------------------------------------------------


def _findings(res: Resolution, today: datetime.date | None = TODAY) -> list[tuple[Any, ...]]:
    c = cit(res.id, 7, 19)
    return [
        (f.code, f.severity, f.message, f.start, f.end, f.id)
        for f in resolution_findings([c], {res.id: res}, today)
    ]


def test_rs101_and_rs102_findings() -> None:
    nf = Resolution(id="un:A/1", status=Status.NOT_FOUND, source="undl")
    unv = Resolution(id="un:A/2", status=Status.UNVERIFIED, reason="HTTP 503")
    ok = Resolution(id="un:A/3", status=Status.RESOLVED)
    cits = [cit("un:A/1", 0, 3), cit("un:A/2", 5, 8), cit("un:A/3", 10, 13), cit("un:A/4", 15, 18)]
    found = resolution_findings(cits, {"un:A/1": nf, "un:A/2": unv, "un:A/3": ok}, TODAY)
    assert [(f.code, f.severity, f.message, f.start, f.end, f.id) for f in found] == [
        (
            "RS101",
            Severity.ERROR,
            "A/1 was not found in the UN Digital Library: check the reference",
            0,
            3,
            "un:A/1",
        ),
        (
            "RS102",
            Severity.INFO,
            "A/2 could not be checked (HTTP 503); it is not reported missing: run again later",
            5,
            8,
            "un:A/2",
        ),
    ]


def test_citations_without_resolution_do_not_stop_the_rest() -> None:
    nf = Resolution(id="un:A/2", status=Status.NOT_FOUND)
    cits = [cit("un:A/1", 0, 3), cit("un:A/2", 5, 8, ambiguous=True), cit("un:A/2", 10, 13)]
    found = resolution_findings(cits, {"un:A/2": nf}, TODAY)
    assert [(f.code, f.start) for f in found] == [("RS101", 10)]


def test_no_findings_for_unresolvable_citations() -> None:
    nf = Resolution(id="un:A/1", status=Status.NOT_FOUND)
    c = cit("un:A/1", ambiguous=True)
    assert resolution_findings([c], {"un:A/1": nf}, TODAY) == []


GDPR_OLD = "celex:31995L0046"
NAME = "Directive 95/46/EC"


def _act(**kw: Any) -> Resolution:
    return Resolution(id=GDPR_OLD, status=Status.RESOLVED, **kw)


def test_not_in_force_without_end_or_repealer_is_rs104() -> None:
    assert _findings(_act(in_force=False)) == [
        (
            "RS104",
            Severity.INFO,
            f"{NAME}: the EU's record says not in force, but gives no end of validity and "
            "no repealing act is recorded (not in force yet?)",
            7,
            19,
            GDPR_OLD,
        )
    ]


@pytest.mark.parametrize("end", ["2024-06-01", "2030-01-01"])
def test_not_in_force_with_an_end_not_yet_passed_is_rs104(end: str) -> None:
    [(code, _, message, *_)] = _findings(_act(in_force=False, end_of_validity=end))
    assert code == "RS104"
    assert message == (
        f"{NAME}: the EU's record says not in force, but its end of validity {end} has not "
        "passed and no repealing act is recorded (not in force yet?)"
    )


def test_no_longer_in_force_names_end_and_repealers() -> None:
    res = _act(
        extra=[("in_force", "false")],
        end_of_validity="2018-05-24",
        replaced_by=["celex:32016R0679", "celex:32018R1725"],
    )
    assert _findings(res) == [
        (
            "RS103",
            Severity.WARNING,
            f"{NAME} is no longer in force (end of validity 2018-05-24); repealed by "
            "Regulation (EU) 2016/679, Regulation (EU) 2018/1725",
            7,
            19,
            GDPR_OLD,
        )
    ]


def test_no_longer_in_force_end_passed_only() -> None:
    [(code, _, message, *_)] = _findings(_act(in_force=False, end_of_validity="2024-05-31"))
    assert (code, message) == (
        "RS103",
        f"{NAME} is no longer in force (end of validity 2024-05-31)",
    )


def test_repealer_with_a_future_end_is_rs103() -> None:
    res = _act(in_force=False, end_of_validity="2030-01-01", replaced_by=["celex:32016R0679"])
    [(code, _, message, *_)] = _findings(res)
    assert code == "RS103"
    assert message == (
        f"{NAME} is no longer in force (end of validity 2030-01-01); "
        "repealed by Regulation (EU) 2016/679"
    )


def test_repealer_without_end() -> None:
    [(code, _, message, *_)] = _findings(_act(in_force=False, replaced_by=["celex:32016R0679"]))
    assert (code, message) == (
        "RS103",
        f"{NAME} is no longer in force; repealed by Regulation (EU) 2016/679",
    )


@pytest.mark.parametrize("end", ["2024-05-31", "2024-05-31T23:59:59"])
def test_in_force_with_a_passed_end_is_rs104(end: str) -> None:
    assert _findings(_act(in_force=True, end_of_validity=end)) == [
        (
            "RS104",
            Severity.INFO,
            f"{NAME}: the EU's record says in force but its end of validity {end} has passed",
            7,
            19,
            GDPR_OLD,
        )
    ]


@pytest.mark.parametrize(
    ("flag", "end"),
    [
        (True, None),
        (True, "2024-06-01"),  # ends today: not passed yet
        (True, "9999-12-31"),
        (True, "unknown"),
        (None, "2000-01-01"),
    ],
)
def test_no_status_finding(flag: bool | None, end: str | None) -> None:
    assert _findings(_act(in_force=flag, end_of_validity=end)) == []


def test_today_defaults_to_the_current_date() -> None:
    past = _act(in_force=True, end_of_validity="2000-01-01")
    future = _act(in_force=True, end_of_validity="9999-12-31")
    assert [code for code, *_ in _findings(past, None)] == ["RS104"]
    assert _findings(future, None) == []


# ---- human links --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ident", "link"),
    [
        ("un:A/HRC/41/35", "https://undocs.org/A/HRC/41/35"),
        ("un:A/RES/60/1 (2005)", "https://undocs.org/A/RES/60/1%20(2005)"),
        (
            "celex:32016R0679",
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679",
        ),
        (
            "ecli:EU:C:2014:238",
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:EU:C:2014:238",
        ),
        ("case:C-293/12", "https://curia.europa.eu/juris/liste.jsf?language=en&num=C-293%2F12"),
        ("un:?/41/35", None),
        ("un:", None),
        ("gc:CCPR/36", None),
        ("plain", None),
    ],
)
def test_human_link(ident: str, link: str | None) -> None:
    assert human_link(ident) == link
