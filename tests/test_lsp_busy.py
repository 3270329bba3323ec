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

from citecheck.lsp.positions import LineIndex, TextChange
from citecheck.lsp.reuse import REUSE_MARGIN
from citecheck.lsp.server import CitecheckServer, DocState, View, text_key
from citecheck.pipeline import check
from tests.lsp_fixtures import blocking_server
from tests.test_lsp_package import SERVER_ENV, _client, change, open_doc, rec_of, server_env

__all__ = ["server_env"]  # the module fixture that sets SERVER_ENV

# ---- the change between two texts, and a citation moved through it -----------------------

OLD = "Recalling A/HRC/17/31, para. 5.\nSee CCPR/C/GC/34 and Case C-293/12.\n"
#: Prose with no citation, long enough to put an edit after it past the margin
FILL = "The meeting was held in the large hall of the building. "
FAR = FILL * (REUSE_MARGIN // len(FILL) + 2) + "\n"


def test_changes_compose_and_what_is_placed_reads_the_same() -> None:
    """Two edits past the margin (each its own logged change) keep the citations before
    them where they were; one more edit before them drops them; a wrong log never places a
    citation on other text."""
    base = OLD + FAR
    result = check(base)
    first = base + "See A/HRC/20/1.\n"
    second = first.replace("A/HRC/20/1", "A/HRC/20/2")
    view = View(
        None,  # type: ignore[arg-type]  # the state is not read here
        result,
        base,
        LineIndex(second),
        (TextChange(base, first), TextChange(first, second)),
    )
    placed = {c.id: view.citation(c) for c in result.citations}
    assert placed and all(c is not None for c in placed.values())
    assert all(second[c.start : c.end] == c.text for c in placed.values() if c is not None)
    third = "Preamble.\n" + second  # before everything: what each read may differ now
    before = View(
        view.state, result, base, LineIndex(third), (*view.changes, TextChange(second, third))
    )
    assert [before.citation(c) for c in result.citations] == [None] * len(result.citations)
    # a wrong log (a change it does not hold) never places a citation on other text
    wrong = View(
        view.state,
        result,
        base,
        LineIndex(base.replace("Recalling", "Recall")),
        (TextChange(base, base + "x"),),
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
    assert (single.start, single.old_end, single.new_end) == (0, 0, len("Preamble.\n"))


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
    # the General Assembly named twice: the third "A/HRC/" typed below does not put the text in
    # the Human Rights Council's context (a whole-text reading: it would drop all reuse)
    "The General Assembly met; the General Assembly agreed.\n"
)
OPENED = TEXT + FAR  # checked at once
MARKED = OPENED + f"{blocking_server.MARKER}\n"  # its check is held
# typed while that check runs, one change at a time (as an editor sends them), all past the
# margin after TEXT's citations: a citation added at the end, then edited
TYPED = [
    MARKED + "See A/HRC/20/1 later.\n",
    MARKED + "See A/HRC/20/2 later.\n",
]
EDITED = TYPED[-1]
#: then a line typed before everything: what each citation read may differ now
BEFORE = "Preamble.\n" + EDITED


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
    ("A/HRC/17/31", "un:A/HRC/17/31"),  # every edit is far after it
    ("CCPR/C/GC/34", "un:CCPR/C/GC/34"),
    ("Directive 95/46", "celex:31995L0046"),
    ("a/hrc/41/35", "un:A/HRC/41/35"),
    ("A/HRC/20/2", None),  # new text
]


def action_edits(
    actions: list[lsp.CodeAction | lsp.Command] | None, uri: str
) -> list[lsp.TextEdit]:
    return [
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


async def test_requests_are_answered_while_a_check_is_held(client: LanguageClient) -> None:
    await start(client)
    rec = rec_of(client)
    uri = "untitled:held"
    open_doc(client, uri, OPENED)
    await rec.until(lambda: rec.versions(uri) == [1], "the first diagnostics")
    change(client, uri, MARKED, 2)
    await blocked(client)  # the check of version 2 runs, and waits
    for version, text in enumerate(TYPED, start=3):
        change(client, uri, text, version)

    for needle, expected in HELD_ROWS:
        got = await hover(client, uri, position(EDITED, needle))
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
    assert "A/HRC/17/31" in "".join(linked) and "CCPR/C/GC/34" in linked, linked
    assert not any("A/HRC/20" in t for t in linked), linked

    # no quick fix from a check of another text, at once (the fresh check brings them)
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(len(lines), 0))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[]))
    )
    assert not actions, actions

    # a line typed before everything: nothing of the held check's parse is answered
    change(client, uri, BEFORE, 5)
    for needle, _ in HELD_ROWS:
        assert await hover(client, uri, position(BEFORE, needle)) is None, needle
    links = await client.text_document_document_link_async(lsp.DocumentLinkParams(doc))
    assert not links, links
    assert rec.versions(uri) == [1]  # nothing published while the check is held

    await release(client)
    # the held check's diagnostics (none still fits), then the newest text's own
    await rec.until(lambda: rec.versions(uri) == [1, 5, 5], "the newest diagnostics")
    assert not [p.diagnostics for p in rec.published if p.uri == uri][1]
    got = await hover(client, uri, position(BEFORE, "A/HRC/20/2"))
    assert got is not None and "A/HRC/20/2" in got  # the fresh answer
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[]))
    )
    fix = [e for e in action_edits(actions, uri) if e.new_text == "A/HRC/41/35"]
    assert fix and fix[0].range.start == position(BEFORE, "a/hrc/41/35", 0), actions


async def test_a_check_ending_after_a_newer_change_is_published_moved(
    client: LanguageClient,
) -> None:
    """The held check ends after one more change: its diagnostics are published at once
    onto the newest text, those the change may affect left out, and the newest text's own
    check follows."""
    await start(client)
    rec = rec_of(client)
    uri = "untitled:moved"
    held = TEXT + blocking_server.MARKER + "\n" + FAR
    open_doc(client, uri, held)  # the first check is held
    await blocked(client)
    newest = held + "More words.\n"
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
    assert "a/hrc/41/35" in shown, shown  # UN102, every edit far after it
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


# ---- end to end: answers that depend on text edited elsewhere (a reviewer's rows) ---------

GC_OLD = (
    "Committee on the Elimination of Discrimination against Women, general comment No. 19 "
    "(1992), para. 7.\n"
)
GC_NEW = GC_OLD.replace(
    "Committee on the Elimination of Discrimination against Women", "Human Rights Committee"
)
#: (document, its checked text, the text typed while another check is held, a spot whose
#: hover depends on the edit)
DEPENDENT_ROWS = [
    ("untitled:ibid", "See A/HRC/41/35.\nIbid., para. 5.\n", "41/35", "41/36", "Ibid."),
    (
        "untitled:defined",
        "International Covenant on Civil and Political Rights (the Covenant). "
        "Article 14 of the Covenant applies.\n",
        "Civil and Political Rights",
        "Economic, Social and Cultural Rights",
        "Article 14 of the Covenant",
    ),
    (
        "untitled:id",
        "International Covenant on Civil and Political Rights, article 9.\nIntro.\nId., para. 7.\n",
        "Intro.",
        "Intro. See A/HRC/40/1.",
        "Id., para. 7",
    ),
    (
        "untitled:list",
        "Human Rights Council resolutions 5/1 and 5/2 apply.\n",
        "Human Rights Council",
        "General Assembly",
        "5/2",
    ),
    (
        "untitled:committee",
        "Committee on the Rights of the Child, general comment No. 14, para. 3.\n",
        "the Rights of the Child",
        "Economic, Social and Cultural Rights",
        "general comment No. 14",
    ),
    (
        "untitled:ga",
        "General Assembly resolutions 29/3314 and 30/3379 apply.\n",
        "General Assembly",
        "Human Rights Council",
        "30/3379",
    ),
]


def fresh_id(text: str, needle: str) -> str:
    at = text.index(needle) + 2
    (c,) = [c for c in check(text).citations if c.start <= at < c.end]
    return c.id


async def test_answers_depending_on_edited_text_wait_for_the_new_check(
    client: LanguageClient,
) -> None:
    """While a check is held, a hover, link or quick fix whose meaning depends on text edited
    since (an antecedent, a definition, a list's head, a committee) gets no answer; the new
    check's answer comes after.  The held check's own diagnostics, published after a change
    of the committee, leave out the finding that depended on it."""
    await start(client)
    rec = rec_of(client)
    held = "untitled:gc"
    for uri, old, *_ in DEPENDENT_ROWS:
        open_doc(client, uri, old)
    open_doc(client, held, GC_OLD)
    uris = [row[0] for row in DEPENDENT_ROWS] + [held]
    await rec.until(lambda: all(rec.versions(u) == [1] for u in uris), "the first checks")
    assert "GC103" in {d.code for d in client.diagnostics[held]}
    change(client, held, GC_OLD + blocking_server.MARKER + "\n", 2)
    await blocked(client)
    change(client, held, GC_NEW + blocking_server.MARKER + "\n", 3)
    news = {}
    for uri, old, was, now, _ in DEPENDENT_ROWS:
        news[uri] = old.replace(was, now)
        change(client, uri, news[uri], 2)

    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(9, 0))
    for uri, _, _, _, needle in DEPENDENT_ROWS:
        assert await hover(client, uri, position(news[uri], needle)) is None, uri
        doc = lsp.TextDocumentIdentifier(uri=uri)
        links = await client.text_document_document_link_async(lsp.DocumentLinkParams(doc))
        at = position(news[uri], needle)
        assert not [k for k in links or [] if k.range.start <= at <= k.range.end], (uri, links)
    for uri in (held, "untitled:ga"):
        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri=uri),
                everywhere,
                lsp.CodeActionContext(diagnostics=[]),
            )
        )
        assert not actions, (uri, actions)

    await release(client)
    await rec.until(
        lambda: (
            rec.versions(held) == [1, 3, 3] and all(rec.versions(u) == [1, 2] for u in uris[:-1])
        ),
        "the new checks",
    )
    moved = [p for p in rec.published if p.uri == held][1]
    assert "GC103" not in {d.code for d in moved.diagnostics}
    assert "GC103" not in {d.code for d in client.diagnostics[held]}
    for uri, _, _, _, needle in DEPENDENT_ROWS:
        got = await hover(client, uri, position(news[uri], needle))
        ident = fresh_id(news[uri], needle)
        assert got is not None and ident.partition(":")[2] in got, (uri, ident, got)
    links = await client.text_document_document_link_async(
        lsp.DocumentLinkParams(lsp.TextDocumentIdentifier(uri="untitled:list"))
    )
    assert any(k.target and k.target.endswith("/A/RES/5/2") for k in links or []), links
