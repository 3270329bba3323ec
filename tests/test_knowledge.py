"""Knowledge as data: the treaty-body and session files, the settable clock, and the readers
(families, validators, the offline catalog) that use them."""

from __future__ import annotations

import datetime
import re

import pytest

import citecheck
from citecheck import knowledge
from citecheck.families import un_context as ctx
from citecheck.resolve.model import Status
from citecheck.resolve.sources.catalog import resolve_one

CODES = ["CCPR", "CESCR", "CRC", "CEDAW", "CERD", "CAT", "CRPD", "CMW", "CED"]


def test_every_treaty_body_is_complete() -> None:
    bodies = knowledge.treaty_bodies()
    assert list(bodies) == CODES
    instruments = knowledge.instrument_titles()
    for body in bodies.values():
        assert body.name.startswith("Committee") or body.name == "Human Rights Committee"
        assert body.treaty in instruments, body.code
        assert body.stem.startswith(body.series + "/")
        assert body.term in ("comment", "recommendation")
        assert body.highest_comment >= 1


def test_each_count_has_a_source_and_an_as_of_date() -> None:
    for body in knowledge.treaty_bodies().values():
        assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", body.comments_as_of), body.code
        assert body.comments_source.startswith("https://www.ohchr.org/"), body.code


def test_counts_include_the_latest_adopted() -> None:
    bodies = knowledge.treaty_bodies()
    # CESCR general comment No. 27 (September 2025), CEDAW general recommendation No. 40
    # (October 2024).
    assert bodies["CESCR"].highest_comment == 27 and bodies["CESCR"].comments_as_of == "2025-09"
    assert bodies["CEDAW"].highest_comment == 40 and bodies["CEDAW"].comments_as_of == "2024-10"
    assert resolve_one("gc:CESCR/27").status is Status.RESOLVED
    assert resolve_one("gc:CEDAW/40").status is Status.RESOLVED
    assert resolve_one("gc:CESCR/28").status is Status.NOT_CHECKED


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("un-charter", "Charter of the United Nations"),
        ("iccpr-op1", "Optional Protocol to the International Covenant on Civil and Political"),
        ("echr-p1", "Protocol No. 1 to the Convention for the Protection of Human Rights"),
    ],
)
def test_instrument_keys_resolve(key: str, title: str) -> None:
    res = resolve_one(f"instrument:{key}")
    assert res.status is Status.RESOLVED, res.reason
    assert (res.title or "").startswith(title)
    assert res.date and re.fullmatch(r"\d{4}-\d\d-\d\d", res.date)


def test_every_extracted_instrument_key_resolves() -> None:
    for key in knowledge.instrument_titles():
        assert resolve_one(f"instrument:{key}").status is Status.RESOLVED, key


def test_committee_patterns_come_from_the_data() -> None:
    assert tuple(CODES) == ctx.COMMITTEES
    assert {"CEDAW", "CERD"} == ctx.RECOMMENDATION_COMMITTEES
    text = "the Committee on the Protection of the Rights of All Migrant Workers and the CED"
    assert ctx.committees_before(text, len(text)) == ["CED", "CMW"]


def test_general_comment_number_checked_against_the_committee() -> None:
    def codes(text: str) -> list[str]:
        return [f.code for f in citecheck.check(text).findings]

    assert "GC104" in codes("general comment No. 9 of the Committee against Torture")
    assert "GC104" not in codes("general comment No. 4 of the Committee against Torture")
    assert "GC104" not in codes("CEDAW general recommendation No. 40")
    assert "GC104" in codes("CEDAW general recommendation No. 41")


def test_current_year_comes_from_the_clock() -> None:
    with knowledge.use_clock(datetime.date(2026, 11, 28)):
        assert knowledge.hrc_max_session() == 63
        assert knowledge.ga_max_session() == 81
    with knowledge.use_clock(datetime.date(2027, 3, 1)):
        assert knowledge.current_year() == 2027
        assert knowledge.hrc_max_session() == 66
        assert knowledge.ga_max_session() == 81  # the 82nd opens in September
    with knowledge.use_clock(datetime.date(2027, 9, 20)):
        assert knowledge.ga_max_session() == 82


def test_future_session_finding_follows_the_clock() -> None:
    text = "Human Rights Council resolution 65/3"

    def future(today: datetime.date) -> bool:
        with knowledge.use_clock(today):
            return "UN204" in [f.code for f in citecheck.check(text).findings]

    assert future(datetime.date(2026, 11, 28))
    assert not future(datetime.date(2028, 1, 10))


def test_spcomm_future_year_follows_the_clock() -> None:
    text = "AL ISR 7/2027"

    def flagged(today: datetime.date) -> bool:
        with knowledge.use_clock(today):
            return "SP106" in [f.code for f in citecheck.check(text).findings]

    assert flagged(datetime.date(2026, 11, 28))
    assert not flagged(datetime.date(2027, 6, 1))
