"""A document whose resolution was running when the index changed is resolved again.

The server throws away answers given while the index changed (they may be the old index's);
it must then ask again, or the document shows no resolution findings until it is edited.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from citecheck.lsp.server import CitecheckServer, DocState
from citecheck.lsp.session import SessionResolvers
from citecheck.pipeline import check

TEXT = "See Directive 95/46/EC and A/HRC/RES/20/1.\n"


class EpochMovesOnce(SessionResolvers):
    """A session whose first `resolve` sees the index change (another document's check)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def index_changed(self, overrides: Mapping[str, Any]) -> bool:
        return False

    def from_index(self, ids: list[str], overrides: Mapping[str, Any]) -> dict[str, Any]:
        return {}

    async def resolve(self, ids: list[str], overrides: Mapping[str, Any]) -> dict[str, Any]:
        self.calls.append(sorted(ids))
        if len(self.calls) == 1:
            self.epoch += 1  # the index changed while this call ran
        return {i: {"id": i, "status": "not_found", "source": "index"} for i in ids}


async def _resolve_once(text_now: str) -> tuple[EpochMovesOnce, DocState, CitecheckServer]:
    server = CitecheckServer()
    session = server.session = EpochMovesOnce()
    state = DocState("untitled:doc", text=TEXT, result=check(TEXT))
    server.docs[state.uri] = state
    published: list[DocState] = []
    server.publish = published.append  # type: ignore[method-assign]
    state.resolving = asyncio.get_running_loop().create_task(server._resolve(state, text_now))
    while state.resolving is not None and not state.resolving.done():
        await state.resolving  # the task may be replaced by the one asking again
    return session, state, server


async def test_answers_lost_to_an_index_change_are_asked_again() -> None:
    session, state, server = await _resolve_once(TEXT)
    ids = session.calls[0]
    assert ids and session.calls == [ids, ids]  # asked once more, after the change
    known = server.answers_of(state).known
    assert sorted(known) == ids and all(r.status == "not_found" for r in known.values())


async def test_a_document_edited_meanwhile_is_not_asked_again_for_its_old_text() -> None:
    session, state, server = await _resolve_once("an older text")
    assert len(session.calls) == 1 and server.answers_of(state).known == {}
