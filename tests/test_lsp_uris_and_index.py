"""The language server with URIs that hold %-escapes, and an index file replaced while it runs.

pygls keeps documents under their decoded URI (`sp%20ace` and `sp ace` are one document);
the server finds them through pygls's own accessor and publishes for the URI the client
opened the document with.  The index file is looked at once per check: replaced (as
`citecheck index import` does) or created after the start, it is opened again and the
answers of the old one are dropped.  Real server over stdio (the hooked server's `settled`
request: nothing sleeps); offline, no network.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

import citecheck.lsp
from citecheck.index.db import EuAct, HarvestState, IndexDB, UnRecord
from citecheck.lsp import SessionResolvers
from tests.test_lsp import HOOKED_SERVER, _recording_client, codes, end_session, settled, start

ENV: dict[str, str] = {}
NAMED_ENV: dict[str, str] = {}  # CITECHECK_INDEX names a file replaced during the test
DEFAULT_ENV: dict[str, str] = {}  # no index at the default place at the start
PLACES: dict[str, Path] = {}
AS_OF = "2026-11-01"
GDPR = EuAct("32016R0679", "REG", "2016-04-27", "General Data Protection Regulation", in_force=True)
DPD = EuAct(
    "31995L0046",
    "DIR",
    "1995-10-24",
    "Directive 95/46/EC",
    in_force=False,
    end_of_validity="2018-05-24",
)


def build_index(path: Path, acts: list[EuAct]) -> Path:
    """A complete EU index (as of AS_OF) holding `acts`; 95/46/EC repealed by the GDPR."""
    db = IndexDB(path, write=True)
    try:
        with db.transaction():
            db.put_eu_acts(acts)
            if DPD in acts:
                db.put_eu_repeals([(DPD.celex, GDPR.celex, False)])
            db.set_harvest(HarvestState("eu", AS_OF, True, "1952-01-01", None, len(acts), AS_OF))
    finally:
        db.close()
    return path


@pytest.fixture(scope="module", autouse=True)
def server_env(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No CITECHECK_* from outside, a private cache and data directory (the default index
    place), the index files; set before the servers start."""
    folder = tmp_path_factory.mktemp("lsp-uris")
    ENV.clear()
    ENV.update({k: v for k, v in os.environ.items() if not k.startswith("CITECHECK_")})
    ENV["CITECHECK_CACHE_DIR"] = str(folder / "cache")
    ENV["XDG_DATA_HOME"] = str(folder / "data")  # the default index: none at the start
    ENV["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    PLACES["folder"] = folder
    PLACES["old"] = build_index(folder / "old.sqlite3", [GDPR])
    PLACES["new"] = build_index(folder / "new.sqlite3", [DPD, GDPR])
    project = folder / "Résumé dossier"  # a config file in a folder whose URI is escaped
    project.mkdir()
    (project / "citecheck.toml").write_text('ignore = ["UN102"]\n', encoding="utf-8")
    PLACES["project"] = project


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=ENV, client_factory=_recording_client
    )
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


def open_doc(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=text
            )
        )
    )


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def published_for(client: LanguageClient, uri: str) -> list[lsp.PublishDiagnosticsParams]:
    published: list[lsp.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    return [p for p in published if p.uri == uri]


# ---- URIs with %-escapes -------------------------------------------------------------------

TEXT = "See a/hrc/41/35.\n"  # UN102 at 0:4-0:15, with a quick fix
ESCAPED_URIS = [
    "file:///tmp/R%C3%A9sum%C3%A9%20dossier/lettre.txt",  # accents and a space
    "file:///tmp/sp%20ace/lettre.txt",
    "file:///tmp/a%2Fb.txt",  # an escaped slash
    "file:///c%3A/Users/Ana/lettre.txt",  # Windows, as VS Code sends it
    "untitled:Untitled-1",
    "untitled:Sans%20titre-1",
]


@pytest.mark.parametrize("uri", ESCAPED_URIS)
async def test_every_request_answers_for_an_escaped_uri(client: LanguageClient, uri: str) -> None:
    await start(client, {"resolver": "none"})
    open_doc(client, uri, TEXT)
    await settled(client)
    [first] = published_for(client, uri)  # for the URI as the client sent it
    assert [d.code for d in first.diagnostics] == ["UN102"] and first.version == 1
    doc = lsp.TextDocumentIdentifier(uri=uri)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=doc, position=lsp.Position(0, 6))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "un:A/HRC/41/35" in hover.contents.value
    links = await client.text_document_document_link_async(lsp.DocumentLinkParams(doc))
    assert [link.tooltip for link in links] == ["un:A/HRC/41/35"]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=doc,
            range=lsp.Range(lsp.Position(0, 4), lsp.Position(0, 15)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert any("A/HRC/41/35" in a.title for a in actions if isinstance(a, lsp.CodeAction))
    change(client, uri, "Also " + TEXT, 2)
    await settled(client)
    assert published_for(client, uri)[-1].version == 2 and codes(client, uri) == ["UN102"]
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(doc))
    await settled(client)
    assert list(published_for(client, uri)[-1].diagnostics) == []
    assert {p.uri for p in client.published} == {uri}  # type: ignore[attr-defined]


async def test_a_change_spelled_decoded_reaches_the_document_opened_escaped(
    client: LanguageClient,
) -> None:
    """pygls takes `sp ace` and `sp%20ace` for one document; so does the server, and it
    keeps publishing for the URI of the didOpen."""
    await start(client, {"resolver": "none"})
    opened, spelled = "file:///tmp/sp%20ace/note.txt", "file:///tmp/sp ace/note.txt"
    open_doc(client, opened, "Nothing to see.\n")
    await settled(client)
    change(client, spelled, TEXT, 2)
    await settled(client)
    assert published_for(client, opened)[-1].version == 2 and codes(client, opened) == ["UN102"]
    client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(spelled))
    )
    await settled(client)
    assert list(published_for(client, opened)[-1].diagnostics) == []
    assert published_for(client, spelled) == []


async def test_the_config_file_is_found_for_an_escaped_uri(client: LanguageClient) -> None:
    """`Résumé dossier/citecheck.toml` ignores UN102: found from the decoded path."""
    await start(client, {"resolver": "none"})
    project = PLACES["project"]
    inside = (project / "lettre.txt").as_uri()
    outside = (project.parent / "lettre.txt").as_uri()
    assert "R%C3%A9sum%C3%A9%20dossier" in inside
    open_doc(client, inside, TEXT)
    open_doc(client, outside, TEXT)
    await settled(client)
    assert [list(p.diagnostics) for p in published_for(client, inside)] == [[]]
    assert codes(client, outside) == ["UN102"]


# ---- the index file replaced or created while the server runs -----------------------------

OLD_TEXT = "See Directive 95/46/EC.\n"
NEW_TEXT = OLD_TEXT + "And Regulation (EU) 2016/679.\n"


def import_index(source: Path, env: dict[str, str]) -> None:
    """`citecheck index import` (the real command: a new file renamed over the old one)."""
    subprocess.run(
        [sys.executable, "-m", "citecheck", "index", "import", str(source)],
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module", autouse=True)
def index_envs(server_env: None) -> None:
    """A server whose CITECHECK_INDEX holds the old index at its start, and one with no
    index at the default place (its data directory) at its start."""
    folder = PLACES["folder"]
    NAMED_ENV.clear()
    NAMED_ENV.update(ENV, CITECHECK_INDEX=str(folder / "named" / "index.sqlite3"))
    (folder / "named").mkdir()
    import_index(PLACES["old"], NAMED_ENV)
    DEFAULT_ENV.clear()
    DEFAULT_ENV.update(ENV, XDG_DATA_HOME=str(folder / "fresh-data"))


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=NAMED_ENV, client_factory=_recording_client
    )
)
async def named(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=DEFAULT_ENV, client_factory=_recording_client
    )
)
async def default(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


async def check_twice(
    client: LanguageClient, env: dict[str, str], before: list[str]
) -> lsp.Diagnostic:
    """Check a text, import the new index, change the text: the second check answers from
    the new index (its RS103 diagnostic is returned)."""
    await start(client, {"offline": True})
    uri = (PLACES["folder"] / "t.txt").as_uri()
    open_doc(client, uri, OLD_TEXT)
    await settled(client)
    assert codes(client, uri) == before
    import_index(PLACES["new"], env)
    change(client, uri, NEW_TEXT, 2)
    await settled(client)
    assert codes(client, uri) == ["RS103"]  # 95/46/EC repealed, as the new index says
    [diag] = client.diagnostics[uri]
    return diag


async def test_an_index_replaced_after_the_start_is_used(named: LanguageClient) -> None:
    diag = await check_twice(named, NAMED_ENV, ["RS101"])  # the old index: no such act
    assert "2018-05-24" in diag.message and "2016/679" in diag.message


async def test_an_index_created_after_the_start_is_used(default: LanguageClient) -> None:
    diag = await check_twice(default, DEFAULT_ENV, [])  # no index: offline, not checked
    assert "2018-05-24" in diag.message and "2016/679" in diag.message


# ---- the session's resolvers and the index file ----------------------------------------------


class HeldResolver:
    """A resolver whose `aresolve` waits until the test releases it."""

    made: ClassVar[list[HeldResolver]] = []

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.closed = False
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        HeldResolver.made.append(self)

    async def aresolve(self, ids: Any) -> dict[str, Any]:
        self.started.set()
        await self.release.wait()
        return {i: {"id": i, "status": "resolved"} for i in ids}

    def from_index(self, ids: Any) -> dict[str, Any]:
        return {}

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The session makes `HeldResolver`s; CITECHECK_INDEX names a file not there yet."""
    HeldResolver.made = []
    monkeypatch.setattr(citecheck.lsp, "RESOLVER_CLASS", HeldResolver)
    path = tmp_path / "index.sqlite3"
    monkeypatch.setenv("CITECHECK_INDEX", str(path))
    return path


def replace_file(path: Path, content: bytes) -> None:
    """As `citecheck index import` does: a new file renamed over the old one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(content)
    os.replace(tmp, path)


async def test_a_resolver_is_made_again_when_its_index_file_changes(held: Path) -> None:
    session = SessionResolvers()
    offline = {"offline": True}
    assert not session.index_changed(offline)  # no resolver yet: nothing to retire
    session.from_index(["un:A/1"], offline)
    [first] = HeldResolver.made
    assert not session.index_changed(offline)  # no file, still none
    replace_file(held, b"one")  # created after the start
    assert session.index_changed(offline) and first.closed and session.epoch == 1
    session.from_index(["un:A/1"], offline)
    second = HeldResolver.made[-1]
    assert second is not first and not session.index_changed(offline)  # unchanged since
    replace_file(held, b"two")  # replaced (same size: a new inode)
    assert session.index_changed(offline) and second.closed
    session.from_index(["un:A/1"], offline)
    third = HeldResolver.made[-1]
    held.unlink()  # removed: the new resolver goes without it
    assert session.index_changed(offline) and third.closed and session.epoch == 3
    session.close()


async def test_a_busy_resolver_is_closed_when_its_call_ends(held: Path) -> None:
    """A resolver retired during its `aresolve` is not closed under it, but at its end."""
    session = SessionResolvers()
    offline = {"offline": True}
    session.from_index(["un:A/1"], offline)  # as the server does first
    [busy] = HeldResolver.made
    task = asyncio.create_task(session.resolve(["un:A/1"], offline))
    await busy.started.wait()
    replace_file(held, b"new")
    assert session.index_changed(offline) and not busy.closed
    busy.release.set()
    assert set(await task) == {"un:A/1"}
    assert busy.closed
    session.close()


# ---- an index updated in place (WAL) while the session's resolver holds it open -----------


def _put_un(db: IndexDB, symbols: list[str], recid: int) -> None:
    with db.transaction():
        db.put_un_records(UnRecord(recid + i, ((s, "own"),)) for i, s in enumerate(symbols))
        db.set_harvest(HarvestState("undl", "2026-11-01", True, "1946-01-01", None, 1, None))


async def test_an_index_updated_in_place_is_seen_and_the_resolver_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`citecheck index update` commits into the file a running session reads: the main
    file need not change (the open reader keeps it from being checkpointed), yet the session
    sees each commit once, forgets the old answers and keeps its resolver (cache connection,
    circuit breaker); a checkpoint with no new data is no change."""
    path = tmp_path / "index.sqlite3"
    with IndexDB(path, write=True) as db:
        _put_un(db, ["A/HRC/RES/20/1", "A/HRC/RES/22/1"], 800001)
    monkeypatch.setenv("CITECHECK_INDEX", str(path))
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    late = "un:A/HRC/RES/21/1"
    offline = {"offline": True}
    session = SessionResolvers()
    try:
        assert session.from_index([late], offline)[late].status.value == "not_found"
        [resolver] = session.resolvers.values()
        assert (await session.resolve([late], offline))[late].status.value == "not_found"
        with IndexDB(path, write=True) as writer:
            _put_un(writer, [late.removeprefix("un:")], 900001)
            assert session.index_changed(offline) and session.epoch == 1
            assert not session.index_changed(offline)  # once per change
            writer._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            assert not session.index_changed(offline)
        [kept] = session.resolvers.values()
        assert kept is resolver
        assert (await session.resolve([late], offline))[late].status.value == "resolved"
    finally:
        session.close()


async def test_a_document_opened_again_under_another_spelling_leaves_no_stale_diagnostics(
    client: LanguageClient,
) -> None:
    """pygls takes `R%C3%A9` and `R%c3%a9` for one document: the second didOpen replaces the
    first, so the first spelling's diagnostics are cleared, not left at version 1."""
    await start(client, {"resolver": "none"})
    first, second = "file:///tmp/R%C3%A9sum%C3%A9.txt", "file:///tmp/R%c3%a9sum%c3%a9.txt"
    open_doc(client, first, TEXT)
    await settled(client)
    assert codes(client, first) == ["UN102"]
    open_doc(client, second, TEXT)
    change(client, second, "Nothing here.\n", 2)
    await settled(client)
    assert list(published_for(client, first)[-1].diagnostics) == []
    assert published_for(client, second)[-1].version == 2 and codes(client, second) == []
