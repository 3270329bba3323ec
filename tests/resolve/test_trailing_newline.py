"""Id validators anchor with ``\\Z``: ``$`` also matches before a final newline, so
``"32016R0679\\n"`` used to pass as a CELEX number (and reach a query or the cache)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from attrs import evolve

from citecheck.families.un_symbols import build_symbol
from citecheck.resolve import suggest
from citecheck.resolve.cache import _checked_resolution, _Rejected
from citecheck.resolve.model import Status
from citecheck.resolve.net import Fetcher, NoNetworkTransport
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources import catalog
from citecheck.resolve.sources.cellar import CellarSource, case_to_celex, oj_act_candidates
from citecheck.resolve.sources.undl import UndlSource


def test_case_and_oj_numbers_with_a_trailing_newline_are_refused() -> None:
    assert case_to_celex("C-293/12")
    assert case_to_celex("C-293/12\n") is None
    assert oj_act_candidates("L/2024/1689")
    assert oj_act_candidates("L/2024/1689\n") is None


def test_suggestions_are_not_built_from_ids_with_a_trailing_newline() -> None:
    assert suggest.candidates("celex:32016R0679")
    assert suggest.candidates("celex:32016R0679\n") == []
    assert suggest.celex_to_case("62012CJ0293") is not None
    assert suggest.celex_to_case("62012CJ0293\n") is None
    assert "un:A/HRC/41/35" in suggest.candidates("un:A/HRC/41/35/Add.1")
    assert "un:A/HRC/41/35" not in suggest.candidates("un:A/HRC/41/35/Add.1\n")


def test_catalog_refuses_ids_with_a_trailing_newline() -> None:
    assert catalog.resolve_one("gc:CCPR/36").status is Status.RESOLVED
    assert catalog.resolve_one("gc:CCPR/36\n").status is Status.NOT_CHECKED
    assert catalog.resolve_one("spcomm:USA 1/2020").url
    assert catalog.resolve_one("spcomm:USA 1/2020\n").url is None


def test_cache_import_refuses_language_and_extra_names_with_a_newline() -> None:
    base: dict[str, Any] = {"id": "un:A/HRC/41/35", "status": "resolved"}
    assert _checked_resolution({**base, "languages": ["en"]}).languages
    with pytest.raises(_Rejected):
        _checked_resolution({**base, "languages": ["en\n"]})
    assert _checked_resolution({**base, "extra": [["in_force", "true"]]}).extra
    with pytest.raises(_Rejected):
        _checked_resolution({**base, "extra": [["in_force\n", "true"]]})


def test_un_symbol_components_with_a_newline_are_not_modifiers() -> None:
    assert build_symbol(["A", "HRC", "41", "35", "Add.1"]).modifiers == ("Add.1",)
    assert build_symbol(["A", "HRC", "41", "35", "Add.1\n"]).modifiers == ()


def _ask(source_cls: Any, settings: Settings, ids: list[str]) -> tuple[dict[str, Any], int]:
    async def run() -> tuple[dict[str, Any], int]:
        transport = NoNetworkTransport()
        config = settings.net_config()
        async with Fetcher(evolve(config, transport=transport, retries=0)) as fetcher:
            answers = await source_cls(fetcher, settings).resolve(ids)
        return answers, transport.calls

    return asyncio.run(run())


@pytest.mark.parametrize(
    ("source_cls", "good", "bad"),
    [
        (CellarSource, "celex:32016R0679", "celex:32016R0679\n"),
        (CellarSource, "ecli:EU:C:2014:238", "ecli:EU:C:2014:238\n"),
        (UndlSource, "un:A/HRC/41/35", "un:A/HRC/41/35\n"),
    ],
)
def test_sources_do_not_send_ids_with_a_trailing_newline(
    make_settings: Callable[..., Settings], source_cls: Any, good: str, bad: str
) -> None:
    settings = make_settings()
    answers, calls = _ask(source_cls, settings, [bad])
    assert answers[bad].status is Status.NOT_CHECKED
    assert calls == 0
    answers, calls = _ask(source_cls, settings, [good])
    assert answers[good].status is Status.UNVERIFIED  # it was sent (and refused offline)
    assert calls >= 1
