"""Resolver error paths: definite answers survive `forget_unverified`, a source that raises
leaves its ids unverified with the reason, and ODS's odd replies are never `not_found`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakeserver import FakeServer

from citecheck.resolve import Resolver, Status, resolve_ids
from citecheck.resolve.engine import Settings
from citecheck.resolve.sources.undl import UndlSource

MakeSettings = Callable[..., Settings]


# ---- the resolver keeps definite answers ---------------------------------------------------


def test_forget_unverified_keeps_not_found_answers(
    fake: FakeServer, make_settings: MakeSettings
) -> None:
    missing = "un:A/HRC/99/99"
    resolver = Resolver(make_settings(fake, suggest=False, use_cache=False, breaker_threshold=100))
    try:
        assert resolver.resolve([missing])[missing].status is Status.NOT_FOUND
        asked = len(fake.log)
        fake.fault("status", times=-1, status=503)  # a new question would now be unverified
        resolver.forget_unverified([missing])
        again = resolver.resolve([missing])[missing]
        assert again.status is Status.NOT_FOUND
        assert len(fake.log) == asked  # answered from memory, nothing asked
    finally:
        resolver.close()


def test_a_source_that_raises_leaves_its_ids_unverified(
    fake: FakeServer, make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(self: UndlSource, ids: object) -> object:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(UndlSource, "resolve", broken)
    out = resolve_ids(["un:A/HRC/41/35", "celex:32016R0679", "un:A/HRC/17/31"], make_settings(fake))
    assert list(out) == ["un:A/HRC/41/35", "celex:32016R0679", "un:A/HRC/17/31"]
    assert out["celex:32016R0679"].status is Status.RESOLVED  # the run went on
    for ident in ("un:A/HRC/41/35", "un:A/HRC/17/31"):
        assert out[ident].status is Status.UNVERIFIED
        assert out[ident].reason == (
            "internal error in the undl source: RuntimeError('parser bug')"
        )
