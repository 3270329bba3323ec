"""The language server answers while a long check runs.

Hover, links and code actions asked while the check of a newer text runs are answered at
once from the last completed check: a citation whose text (and a character either side) is
still exactly there is placed where it now is; one edited or deleted since gets no answer
(`null`) until the new check ends.  A check that ends after a newer change publishes its
diagnostics moved onto the newest text.

The check is held by the test (lsp_fixtures/blocking_server.py): nothing sleeps or is timed.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import ClientServerConfig, LanguageClient

from citecheck.lsp.positions import TextChange
from citecheck.lsp.server import CitecheckServer, DocState, View, text_key
from citecheck.pipeline import check
from tests.lsp_fixtures import blocking_server
from tests.test_lsp_package import SERVER_ENV, _client, change, open_doc, rec_of, server_env

__all__ = ["server_env"]  # the module fixture that sets SERVER_ENV

# ---- the change between two texts, and a citation moved through it -----------------------

OLD = "Recalling A/HRC/17/31, para. 5.\nSee CCPR/C/GC/34 and Case C-293/12.\n"


@pytest.mark.parametrize(
    ("new", "span", "expected"),
    [
        # the same text: the same place
        (OLD, (10, 30), (10, 30)),
        # text inserted before: moved by its length
        ("Preamble.\n" + OLD, (10, 30), (20, 40)),
        # text changed after, away from it: kept
        (OLD.replace("Case", "case"), (10, 30), (10, 30)),
        # text removed before: moved back
        (OLD.replace("Recalling ", ""), (36, 48), (26, 38)),
        # the citation edited: gone
        (OLD.replace("17/31", "17/32"), (10, 30), None),
        # typed right after it (it may have grown): gone
        (OLD.replace("para. 5", "para. 56"), (10, 30), None),
        # typed right before it: gone
        (OLD.replace(" A/HRC", " XA/HRC"), (10, 30), None),
        # deleted: gone
        (OLD.replace("Case C-293/12", ""), (53, 66), None),
    ],
)
def test_a_span_moved_through_a_change(
    new: str, span: tuple[int, int], expected: tuple[int, int] | None
) -> None:
    got = TextChange(OLD, new).span(*span)
    assert got == expected
    if got is not None:
        assert new[got[0] : got[1]] == OLD[span[0] : span[1]]


def test_offsets_inside_a_change_have_no_old_offset() -> None:
    change = TextChange("See A/1 here.", "See A/22 here.")
    assert [change.old_offset(i) for i in (0, 4, 6, 7, 8, 9, 13)] == [0, 4, None, None, 7, 8, 12]


def test_changes_compose_and_what_is_placed_reads_the_same() -> None:
    """Two edits far apart (each its own logged change): a citation between them keeps its
    place; one spanning changes either way is refused, also when the log is wrong."""
    result = check(OLD)
    first = "Preamble.\n" + OLD  # before everything
    second = first.replace("Case C-293/12", "Case C-293/13")  # the last citation
    view = View(
        None,  # type: ignore[arg-type]  # the state is not read here
        result,
        OLD,
        __import__("citecheck.lsp.positions", fromlist=["LineIndex"]).LineIndex(second),
        (TextChange(OLD, first), TextChange(first, second)),
    )
    placed = {c.id: view.citation(c) for c in result.citations}
    hrc, gc, case = (placed[k] for k in ("un:A/HRC/17/31", "un:CCPR/C/GC/34", "case:C-293/12"))
    assert hrc is not None and second[hrc.start : hrc.end] == hrc.text
    assert gc is not None and (gc.start, gc.end) == (46, 58)
    assert case is None
    # a wrong log (a change it does not hold) never places a citation on other text
    wrong = View(
        view.state, result, OLD, view.index, (TextChange(OLD, OLD.replace("Recalling", "Recall")),)
    )
    assert wrong.citation(result.citations[0]) is None


def test_the_edit_log_chains_changes_and_falls_back_to_one_change() -> None:
    """Changes logged one per didChange chain from a logged text to the current one; a text
    no longer in the log (or never in it) is seen through one change spanning all edits."""
    texts = [OLD, "Preamble.\n" + OLD, "Preamble.\n" + OLD.replace("Case", "case")]
    state = DocState("untitled:log", seen=texts[0])
    for new in texts[1:]:
        state.edits.append((text_key(state.seen), TextChange(state.seen, new)))
        state.seen = new
    chain = CitecheckServer.changes_since(state, texts[0], texts[2])
    assert len(chain) == 2
    assert [c.start for c in chain] == [0, texts[1].index("Case")]
    assert len(CitecheckServer.changes_since(state, texts[1], texts[2])) == 1
    # a text the log does not hold: one change from it
    other = OLD.replace("Recalling", "Noting")
    (single,) = CitecheckServer.changes_since(state, other, texts[2])
    assert single.start == 0 and single.new_end > texts[2].index("case")  # spans both edits
    # a current text other than the last received (a race): never the log
    (single,) = CitecheckServer.changes_since(state, texts[0], texts[1])
    assert single.span(10, 30) == (20, 40)


# ---- end to end: a check held by the test --------------------------------------------------


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[
            sys.executable,
            str(Path(__file__).parent / "lsp_fixtures" / "blocking_server.py"),
        ],
        server_env=SERVER_ENV,
        client_factory=_client,
    )
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await release(lsp_client)  # a failed test must not leave the worker waiting
    await lsp_client.shutdown_session()


async def start(client: LanguageClient) -> None:
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=caps, initialization_options={"resolver": "none", "debounceMs": 0}
        )
    )


async def blocked(client: LanguageClient) -> None:
    started = await asyncio.wait_for(
        client.protocol.send_request_async(blocking_server.BLOCKED, {}), 90
    )
    assert started, "the check of the marked text never started"


async def release(client: LanguageClient) -> None:
    await asyncio.wait_for(client.protocol.send_request_async(blocking_server.RELEASE, {}), 30)


TEXT = (
    "Recalling A/HRC/17/31, para. 5.\n"
    "The Committee notes CCPR/C/GC/34 in this respect.\n"
    "See Directive 95/46/EC and Case C-293/12.\n"
    "See a/hrc/41/35 too.\n"
)
MARKED = TEXT + f"{blocking_server.MARKER}\n"  # its check is held
# typed while that check runs, one change at a time (as an editor sends them): a line before
# everything, the general comment's number changed, the case deleted
TYPED = [
    "Preamble.\n" + MARKED,
    "Preamble.\n" + MARKED.replace("GC/34", "GC/35"),
    "Preamble.\n" + MARKED.replace("GC/34", "GC/35").replace("Case C-293/12", ""),
]
EDITED = TYPED[-1]


def position(text: str, needle: str, into: int = 2) -> lsp.Position:
    at = text.index(needle) + into
    line = text.count("\n", 0, at)
    return lsp.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


async def hover(client: LanguageClient, uri: str, pos: lsp.Position) -> str | None:
    answer = await asyncio.wait_for(
        client.text_document_hover_async(
            lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=pos)
        ),
        30,
    )
    if answer is None:
        return None
    assert isinstance(answer.contents, lsp.MarkupContent)
    return answer.contents.value


HELD_ROWS: list[tuple[str, str | None]] = [
    # (a spot in the edited text, the id the hover names there; None: no answer yet)
    ("A/HRC/17/31", "un:A/HRC/17/31"),  # moved down one line by the inserted line
    ("Directive 95/46", "celex:31995L0046"),  # on a line edited elsewhere
    ("a/hrc/41/35", "un:A/HRC/41/35"),  # after every edit
    ("CCPR/C/GC/35", None),  # the citation was edited
    ("Directive 95/46/EC and .", None),  # where the deleted case was: nothing shown
    ("Preamble", None),  # new text
]


async def test_requests_are_answered_while_a_check_is_held(client: LanguageClient) -> None:
    await start(client)
    rec = rec_of(client)
    uri = "untitled:held"
    open_doc(client, uri, TEXT)
    await rec.until(lambda: rec.versions(uri) == [1], "the first diagnostics")
    change(client, uri, MARKED, 2)
    await blocked(client)  # the check of version 2 runs, and waits
    for version, text in enumerate(TYPED, start=3):
        change(client, uri, text, version)
    last = 2 + len(TYPED)

    for needle, expected in HELD_ROWS:
        into = len(needle) - 1 if needle.endswith(" .") else 2
        got = await hover(client, uri, position(EDITED, needle, into))
        if expected is None:
            assert got is None, (needle, got)
        else:
            assert got is not None and expected.partition(":")[2] in got, (needle, got)

    doc = lsp.TextDocumentIdentifier(uri=uri)
    links = await client.text_document_document_link_async(lsp.DocumentLinkParams(doc))
    lines = EDITED.splitlines()
    linked = {
        lines[link.range.start.line][link.range.start.character : link.range.end.character]
        for link in links or []
    }
    assert "A/HRC/17/31, para. 5" in linked or "A/HRC/17/31" in "".join(linked)
    assert not any("C-293/12" in t or "GC/3" in t for t in linked), linked
    assert all(t in EDITED for t in linked)

    # the quick fix of the lowercase symbol is offered where it now is
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(len(lines), 0))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[]))
    )
    edits = [
        e
        for a in actions or []
        if isinstance(a, lsp.CodeAction) and a.edit is not None
        for e in (a.edit.changes or {}).get(uri, [])
        + [
            te
            for dc in a.edit.document_changes or []
            if isinstance(dc, lsp.TextDocumentEdit)
            for te in dc.edits
            if isinstance(te, lsp.TextEdit)
        ]
    ]
    fix = [e for e in edits if e.new_text == "A/HRC/41/35"]
    assert fix and fix[0].range.start == position(EDITED, "a/hrc/41/35", 0), edits
    assert rec.versions(uri) == [1]  # nothing published while the check is held

    await release(client)
    # the held check's diagnostics moved onto the newest text, then the newest text's own
    await rec.until(lambda: rec.versions(uri) == [1, last, last], "the newest diagnostics")
    got = await hover(client, uri, position(EDITED, "CCPR/C/GC/35"))
    assert got is not None and "CCPR/C/GC/35" in got  # the fresh answer


async def test_a_check_ending_after_a_newer_change_is_published_moved(
    client: LanguageClient,
) -> None:
    """The held check ends after one more change: its diagnostics are published at once,
    moved onto the newest text, and the newest text's own check follows."""
    await start(client)
    rec = rec_of(client)
    uri = "untitled:moved"
    open_doc(client, uri, TEXT + blocking_server.MARKER + "\n")  # the first check is held
    await blocked(client)
    newest = "Preamble.\n" + TEXT + blocking_server.MARKER + "\n"
    change(client, uri, newest, 2)
    await release(client)
    await rec.until(lambda: 2 in rec.versions(uri), "diagnostics for version 2")
    first = rec.published[[p.uri for p in rec.published].index(uri)]
    assert first.version == 2  # the held check's, moved (no version 1 was published)
    lines = newest.splitlines()
    shown = {
        lines[d.range.start.line][d.range.start.character : d.range.end.character]
        for d in first.diagnostics
    }
    assert "a/hrc/41/35" in shown, shown  # UN102 on the line it now is on
    await rec.until(lambda: len(rec.versions(uri)) >= 2, "the newest text's own check")
    assert rec.versions(uri) == [2, 2]
    assert [d.range for d in client.diagnostics[uri]] == [d.range for d in first.diagnostics]


async def test_a_waiting_request_ends_on_cancel(client: LanguageClient) -> None:
    """Nothing checked yet: a hover waits for the first check; `$/cancelRequest` ends it at
    once with RequestCancelled (pygls cancels an async handler's task), and requests are
    answered once the check ends."""
    await start(client)
    rec = rec_of(client)
    uri = "untitled:cancel"
    open_doc(client, uri, MARKED)
    await blocked(client)
    params = lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=position(TEXT, "A/HRC")
    )
    # pygls' own send_request puts the request on the wire now (pytest-lsp's coroutine
    # would send it only when awaited, after the cancel)
    waiting = asyncio.wrap_future(
        client.protocol.send_request(lsp.TEXT_DOCUMENT_HOVER, params, msg_id="held-hover")
    )
    client.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id="held-hover"))
    with pytest.raises(JsonRpcRequestCancelled):
        await asyncio.wait_for(waiting, 30)  # while the check is still held
    assert rec.versions(uri) == []
    await release(client)
    await rec.until(lambda: rec.versions(uri) == [1], "the first diagnostics")
    got = await hover(client, uri, position(TEXT, "A/HRC"))
    assert got is not None and "A/HRC/17/31" in got
