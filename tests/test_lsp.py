"""The language server: position conversion, diagnostics, quick fixes, hover, links.

End-to-end tests start `python -m citecheck.lsp` as a subprocess and drive it with the real
pytest-lsp client over stdio.  Resolution goes to a loopback fake of the UN Digital Library
and Cellar (tests/lsp_fixtures/fake_sources.py); nothing touches the internet.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
import pytest_lsp
import regex
from hypothesis import given
from hypothesis import strategies as st
from lsp_fixtures import fake_sources, hooked_server
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

import citecheck.lsp
from citecheck.config import config_from_table
from citecheck.lsp import (
    LineIndex,
    Resolved,
    ServerOptions,
    SessionResolvers,
    build_diagnostics,
    hover_markdown,
    human_link,
    ids_to_resolve,
    lsp_command,
    not_found_message,
    resolver_overrides,
)
from citecheck.pipeline import check

U8, U16, U32 = (
    lsp.PositionEncodingKind.Utf8,
    lsp.PositionEncodingKind.Utf16,
    lsp.PositionEncodingKind.Utf32,
)

# ---- pure parts -----------------------------------------------------------------------------

# (text, offset, encoding, expected (line, character))
POSITIONS = [
    ("abc", 2, U16, (0, 2)),
    ("a\nbc", 3, U16, (1, 1)),
    ("a\r\nbc", 3, U16, (1, 0)),
    ("a\rbc", 2, U16, (1, 0)),
    ("a\x0cbc", 3, U16, (0, 3)),  # form feed is not an LSP line break
    ("a\u2028bc", 3, U16, (0, 3)),  # nor is LINE SEPARATOR
    ("😀 A/HRC/41/35", 2, U16, (0, 3)),  # astral char: 2 UTF-16 units
    ("😀 A/HRC/41/35", 2, U32, (0, 2)),
    ("😀 A/HRC/41/35", 2, U8, (0, 5)),
    ("x\né😀y", 5, U8, (1, 7)),
    ("x\né😀y", 5, U16, (1, 4)),
    ("x\né😀y", 5, U32, (1, 3)),
    ("abc", 99, U16, (0, 3)),  # clamped
]


@pytest.mark.parametrize(("text", "offset", "enc", "expected"), POSITIONS)
def test_position_of_offset(text: str, offset: int, enc: str, expected: tuple[int, int]) -> None:
    pos = LineIndex(text, enc).position(offset)
    assert (pos.line, pos.character) == expected


ROUND_TRIP_TEXTS = ["", "abc", "a\r\nb\rc\nd", "😀😀\n\U0001f600x\r\n", "é\ud800z\n\x00\x0c😀"]


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
@pytest.mark.parametrize("enc", [U8, U16, U32])
def test_offsets_round_trip(text: str, enc: str) -> None:
    index = LineIndex(text, enc)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between CR and LF is not a position
        assert index.offset(index.position(offset)) == offset, (offset, enc)


LINE_STARTS = [
    ("", [0]),
    ("abc", [0]),
    ("a\n", [0, 2]),
    ("a\nb\n\nc", [0, 2, 4, 5]),
    ("a\r\nb", [0, 3]),
    ("a\rb", [0, 2]),
    ("\r", [0, 1]),
    ("\r\r\n\n\r", [0, 1, 3, 4, 5]),
    ("a\n\rb\r\n", [0, 2, 3, 6]),
    ("x\x0cy\u2028z\x85w", [0]),  # form feed, LINE SEPARATOR, NEL are not LSP line ends
]


@pytest.mark.parametrize(("text", "expected"), LINE_STARTS)
def test_line_starts(text: str, expected: list[int]) -> None:
    assert LineIndex(text).starts == expected


@given(st.text(alphabet=st.sampled_from("ab\r\n\x0c\u2028😀"), max_size=60))
def test_line_starts_as_the_terminator_pattern(text: str) -> None:
    """CR LF, CR and LF end lines, matched left to right (the LSP definition)."""
    expected = [0, *(m.end() for m in regex.finditer(r"\r\n|\r|\n", text))]
    assert LineIndex(text).starts == expected


_UNITS = {U8: ("utf-8", 1), U16: ("utf-16-le", 2), U32: ("utf-32-le", 4)}


@given(
    st.text(alphabet=st.sampled_from("ab\r\n\x0cé\u2028\ud800😀\U0010fffd"), max_size=40),
    st.sampled_from([U8, U16, U32]),
    st.randoms(use_true_random=False),
)
def test_positions_as_the_encoding_counts_them(text: str, enc: str, rnd: random.Random) -> None:
    """Every offset's position is its line (LSP terminators) and the length of the line's
    text before it in the encoding's units (astral characters: 2 UTF-16 units); texts with
    none, one or many characters outside the BMP alike, offsets asked in any order (UTF-8
    columns count on from the last one asked)."""
    codec, width = _UNITS[enc]
    starts = [0, *(m.end() for m in regex.finditer(r"\r\n|\r|\n", text))]
    index = LineIndex(text, enc)
    offsets = list(range(len(text) + 1))
    rnd.shuffle(offsets)
    for offset in [*range(len(text) + 1), *reversed(range(len(text) + 1)), *offsets]:
        line = max(i for i, start in enumerate(starts) if start <= offset)
        prefix = text[starts[line] : offset]
        units = len(prefix.encode(codec, "surrogatepass")) // width
        pos = index.position(offset)
        assert (pos.line, pos.character) == (line, units), (offset, enc)


def test_position_past_line_end_is_the_line_end() -> None:
    index = LineIndex("ab\ncd", U16)
    assert index.offset(lsp.Position(line=0, character=40)) == 2
    assert index.offset(lsp.Position(line=9, character=0)) == 5


LINKS = [
    ("un:A/HRC/41/35", "https://undocs.org/A/HRC/41/35"),
    ("un:S/RES/2231 (2015)", "https://undocs.org/S/RES/2231%20(2015)"),
    ("un:?/41/35", None),
    ("celex:32020D1999", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020D1999"),
    (
        "ecli:EU:C:2014:238",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:EU:C:2014:238",
    ),
    ("case:C-293/12", "https://curia.europa.eu/juris/liste.jsf?language=en&num=C-293%2F12"),
    ("gc:CCPR/36", None),
    ("instrument:iccpr", None),
    ("nonsense", None),
]


@pytest.mark.parametrize(("ident", "expected"), LINKS)
def test_human_link(ident: str, expected: str | None) -> None:
    assert human_link(ident) == expected


OPTIONS = [
    (None, ServerOptions()),
    ("junk", ServerOptions()),
    ({"offline": True}, ServerOptions(offline=True)),
    ({"offline": "yes"}, ServerOptions()),
    ({"resolver": "none"}, ServerOptions(resolver="none")),
    ({"resolver": "fake"}, ServerOptions()),
    ({"debounceMs": 50}, ServerOptions(debounce_ms=50)),
    ({"debounceMs": -1}, ServerOptions()),
    ({"debounceMs": True}, ServerOptions()),
]


@pytest.mark.parametrize(("init", "expected"), OPTIONS)
def test_initialization_options(init: Any, expected: ServerOptions) -> None:
    assert ServerOptions().merged(init) == expected


NOT_FOUND = Resolved(
    id="un:A/HRC/RES/17/31",
    status="not_found",
    reason="no record",
    suggestions=("un:A/HRC/17/31",),
)


def test_not_found_message_names_suggestions() -> None:
    msg = not_found_message(NOT_FOUND)
    assert msg == "A/HRC/RES/17/31 was not found: did you mean A/HRC/17/31?"


def test_rs101_only_for_not_found() -> None:
    text = "See A/HRC/RES/17/31."
    result, index = check(text), LineIndex(text)
    assert build_diagnostics(result, {}, index) == []
    diags = build_diagnostics(result, {NOT_FOUND.id: NOT_FOUND}, index)
    assert [(d.code, d.range.start.character, d.range.end.character) for d in diags] == [
        ("RS101", 4, 19)
    ]
    resolved = Resolved(id=NOT_FOUND.id, status="resolved", title="T")
    assert build_diagnostics(result, {NOT_FOUND.id: resolved}, index) == []


def test_hover_text_offline_and_resolved() -> None:
    cite = check("A/HRC/41/35, para. 66").citations[0]
    offline = hover_markdown(cite, None)
    assert "**un:A/HRC/41/35**" in offline and "para. 66" in offline and "Offline" in offline
    res = Resolved(id=cite.id, status="resolved", title="Report X", date="2019-05-01")
    shown = hover_markdown(cite, res)
    assert "Report X" in shown and "2019-05-01" in shown and "https://undocs.org/" in shown


def test_lsp_command_for_the_cli() -> None:
    """The lead attaches this to the CLI with `main.add_command(lsp_command)`."""
    from click.testing import CliRunner

    assert lsp_command.name == "lsp"
    result = CliRunner().invoke(lsp_command, ["--help"])
    assert result.exit_code == 0 and "--offline" in result.output and "--stdio" in result.output


# ---- which ids are resolved, with which settings, by how many resolvers ---------------------

# (text, ids asked): the CLI's rule (batch.resolvable): ambiguous / `?` ids never are
ASKED = [
    ("Recalling resolution 43/16 and A/HRC/17/31.", ["un:A/HRC/17/31"]),
    ("See resolution 43/16.", []),
    ("Recalling Council resolution 43/16.", ["un:A/HRC/RES/43/16"]),
    ("A/HRC/17/31 and again A/HRC/17/31.", ["un:A/HRC/17/31"]),
]


@pytest.mark.parametrize(("text", "expected"), ASKED)
def test_ids_to_resolve_skips_ambiguous_ids(text: str, expected: list[str]) -> None:
    assert ids_to_resolve(check(text).citations) == expected


def test_no_rs101_on_an_ambiguous_citation() -> None:
    text = "See resolution 43/16."
    [cite] = check(text).citations
    assert cite.ambiguous and cite.id == "un:?/43/16"
    known = {cite.id: Resolved(id=cite.id, status="not_found")}
    diags = build_diagnostics(check(text), known, LineIndex(text))
    assert [d.code for d in diags] == ["UN201"]  # the offline "which body?" finding, no RS101


def _config(tmp_path: Path, **table: Any) -> Any:
    return config_from_table(tmp_path / "citecheck.toml", table)


def test_resolver_overrides_from_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("UNDL_URL", "ODS_URL", "CELLAR_URL", "SPARQL_URL", "CACHE_DIR"):
        monkeypatch.delenv("CITECHECK_" + var, raising=False)
    monkeypatch.setenv("CITECHECK_TRUST_CONFIG", "1")  # the file's URLs count only on opt-in
    config = _config(
        tmp_path, **{"undl-url": "http://undl.test/", "cache-dir": "c", "offline": False}
    )
    assert resolver_overrides(config, offline=False) == {
        "undl_url": "http://undl.test",
        "cache_dir": tmp_path / "c",
        "offline": False,
    }
    assert resolver_overrides(config, offline=True)["offline"] is True
    assert resolver_overrides(_config(tmp_path, offline=True), offline=False)["offline"] is True
    # as in `citecheck check`: an environment variable beats the file
    monkeypatch.setenv("CITECHECK_UNDL_URL", "http://env.test")
    assert "undl_url" not in resolver_overrides(config, offline=False)


@attrs.frozen
class _Status:
    value: str


@attrs.frozen
class _Answer:
    id: str
    status: _Status

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status.value}


class _FakeResolver:
    """Counts constructions and calls; answers `unverified` for ids starting with `down:`."""

    made: ClassVar[list[_FakeResolver]] = []

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self._memo: dict[str, _Answer] = {}
        self.asked: list[list[str]] = []
        self.closed = False
        _FakeResolver.made.append(self)

    async def aresolve(self, ids: Any) -> dict[str, _Answer]:
        ids = list(ids)
        self.asked.append([i for i in ids if i not in self._memo])
        for i in ids:
            status = "unverified" if i.startswith("down:") else "resolved"
            self._memo.setdefault(i, _Answer(i, _Status(status)))
        return {i: self._memo[i] for i in ids}

    def forget_unverified(self, ids: Any) -> None:
        for i in ids:
            if i in self._memo and self._memo[i].status.value == "unverified":
                del self._memo[i]

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_resolver(monkeypatch: pytest.MonkeyPatch) -> list[_FakeResolver]:
    _FakeResolver.made = []
    monkeypatch.setattr(citecheck.lsp, "RESOLVER_CLASS", _FakeResolver)
    return _FakeResolver.made


async def test_session_makes_one_resolver_for_many_runs(fake_resolver: list[Any]) -> None:
    session = SessionResolvers()
    plain = {"offline": False}
    for ids in (["un:A/1"], ["un:A/1", "un:A/2"], ["un:A/2"]):
        answers = await session.resolve(ids, plain)
        assert set(answers) == set(ids)
    [resolver] = fake_resolver
    assert resolver.asked == [["un:A/1"], ["un:A/2"], []]
    assert resolver.settings.offline is False
    # another project's config with other URLs: a resolver of its own, the first one kept
    await session.resolve(["un:A/1"], {"undl_url": "http://mirror.test", "offline": False})
    assert len(fake_resolver) == 2 and fake_resolver[1].settings.undl_url == "http://mirror.test"
    await session.resolve(["un:A/3"], plain)
    assert len(fake_resolver) == 2 and resolver.asked[-1] == ["un:A/3"]
    session.close()
    assert all(r.closed for r in fake_resolver)
    with pytest.raises(RuntimeError):
        await session.resolve(["un:A/4"], plain)
    assert len(fake_resolver) == 2


async def test_session_asks_unverified_ids_again(fake_resolver: list[Any]) -> None:
    session = SessionResolvers()
    await session.resolve(["down:1", "un:A/1"], {})
    await session.resolve(["down:1", "un:A/1"], {})
    [resolver] = fake_resolver
    assert resolver.asked == [["down:1", "un:A/1"], ["down:1"]]  # definite answers are kept


# ---- end to end over stdio ------------------------------------------------------------------

SERVER_ENV: dict[str, str] = {}  # filled by the `sources` fixture before the server starts
FAKE_BASE: list[str] = []  # the fake sources' base URL, once they run


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (to count republishes)."""
    client = LanguageClient(converter_factory=default_converter)
    published: list[lsp.PublishDiagnosticsParams] = []

    def record(ls: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        published.append(params)
        ls.diagnostics[params.uri] = params.diagnostics

    register_lsp_features(
        client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record}
    )
    client.published = published  # type: ignore[attr-defined]
    return client


@pytest.fixture(scope="module", autouse=True)
def sources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """The loopback fake sources, and the server environment pointing at them.

    Module-scoped and autouse, so it is set up before any server subprocess starts.
    """
    with fake_sources.running() as (base, log):
        FAKE_BASE[:] = [base]
        SERVER_ENV.clear()
        SERVER_ENV.update(os.environ)
        SERVER_ENV.update(
            {
                "CITECHECK_UNDL_URL": base,
                "CITECHECK_ODS_URL": base,
                "CITECHECK_CELLAR_URL": base,
                "CITECHECK_SPARQL_URL": base + fake_sources.SPARQL_PATH,
                "CITECHECK_CACHE_DIR": str(tmp_path_factory.mktemp("lsp-cache")),
                "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
            }
        )
        yield log


SHUTDOWN_LIMIT = 30.0  # seconds a server gets to end after shutdown + exit (a hang fails)


async def end_session(client: LanguageClient) -> None:
    """shutdown + exit, and the server process ended, within `SHUTDOWN_LIMIT`."""
    await asyncio.wait_for(client.shutdown_session(), SHUTDOWN_LIMIT)


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "citecheck.lsp"],
        server_env=SERVER_ENV,
        client_factory=_recording_client,
    )
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


HOOKED_SERVER = [sys.executable, str(Path(__file__).parent / "lsp_fixtures" / "hooked_server.py")]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=SERVER_ENV, client_factory=_recording_client
    )
)
async def hooked(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """The server with test seams (lsp_fixtures/hooked_server.py): `settled`, a failing check."""
    yield
    await end_session(lsp_client)


async def settled(client: LanguageClient) -> int:
    """Wait until the hooked server has finished every pending check and resolution.

    Notifications the server sent before are on the wire ahead of this answer, so the
    client has seen them when it returns.  Returns the number of completed check runs.
    """
    answer = await asyncio.wait_for(
        client.protocol.send_request_async(hooked_server.SETTLED, {}), 30
    )
    return int(answer["runs"] if isinstance(answer, dict) else answer.runs)


async def start(
    client: LanguageClient,
    options: dict[str, Any] | None = None,
    encodings: list[str] | None = None,
) -> lsp.InitializeResult:
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = lsp.GeneralClientCapabilities(position_encodings=encodings)
    return await client.initialize_session(
        lsp.InitializeParams(capabilities=caps, initialization_options=options or {})
    )


def open_doc(
    client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "plaintext"
) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id=language, version=version, text=text
            )
        )
    )


async def wait_for(client: LanguageClient, pred: Any, what: str, timeout: float = 30) -> None:
    """Poll until `pred()` holds; fails with `what` (a generous bound, not a timing test)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not pred():
        if loop.time() > deadline:
            pytest.fail(f"timed out waiting for {what}; diagnostics: {client.diagnostics}")
        await asyncio.sleep(0.05)


def codes(client: LanguageClient, uri: str) -> list[str]:
    return sorted(str(d.code) for d in client.diagnostics.get(uri, []))


def span(d: lsp.Diagnostic | lsp.TextEdit) -> tuple[int, int, int, int]:
    r = d.range
    return (r.start.line, r.start.character, r.end.line, r.end.character)


def apply_edit(text: str, edit: lsp.WorkspaceEdit, uri: str, enc: str = U16) -> str:
    """Apply the TextEdits of a WorkspaceEdit for `uri` (either form), last first."""
    edits: list[lsp.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, lsp.TextDocumentEdit)
        if change.text_document.uri == uri:
            edits.extend(e for e in change.edits if isinstance(e, lsp.TextEdit))
    edits.extend((edit.changes or {}).get(uri, []))
    index = LineIndex(text, enc)
    spans = sorted(
        ((index.offset(e.range.start), index.offset(e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


DOC = "Recalling A/HRC/RES/17/31,\nand 😀 Council Decision CFSP 2020/1999 of 7 December 2020.\n"


async def test_diagnostics_resolution_fix_and_hover(
    client: LanguageClient, sources: list[str]
) -> None:
    """The final behaviour: EU102 offline at once, RS101 after resolution, fix, hover, links."""
    await start(client)
    uri = "file:///tmp/final.txt"
    open_doc(client, uri, DOC)
    await wait_for(client, lambda: "EU102" in codes(client, uri), "offline EU102")
    await wait_for(client, lambda: "RS101" in codes(client, uri), "RS101 after resolution")
    by_code = {str(d.code): d for d in client.diagnostics[uri]}
    assert codes(client, uri) == ["EU102", "RS101"]
    # `CFSP 2020/1999` on line 1 starts after "and 😀 Council Decision " (😀 = 2 UTF-16 units)
    assert span(by_code["EU102"]) == (1, 24, 1, 38)
    assert by_code["EU102"].severity == lsp.DiagnosticSeverity.Warning
    assert span(by_code["RS101"]) == (0, 10, 0, 25)
    assert by_code["RS101"].severity == lsp.DiagnosticSeverity.Error
    assert "did you mean A/HRC/17/31" in by_code["RS101"].message
    assert any(p.startswith("/search") for p in sources)

    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=by_code["EU102"].range,
            context=lsp.CodeActionContext(diagnostics=[by_code["EU102"]]),
        )
    )
    assert actions is not None
    fixes = [a for a in actions if isinstance(a, lsp.CodeAction)]
    assert [a.kind for a in fixes] == [lsp.CodeActionKind.QuickFix]
    assert fixes[0].edit is not None
    fixed = apply_edit(DOC, fixes[0].edit, uri)
    assert "and 😀 Council Decision (CFSP) 2020/1999 of 7 December" in fixed

    rs_actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=by_code["RS101"].range,
            context=lsp.CodeActionContext(diagnostics=[by_code["RS101"]]),
        )
    )
    assert rs_actions is not None
    [suggest] = [a for a in rs_actions if isinstance(a, lsp.CodeAction)]
    assert suggest.edit is not None
    assert apply_edit(DOC, suggest.edit, uri).startswith("Recalling A/HRC/17/31,\n")

    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line=1, character=30),
        )
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "celex:32020D1999" in hover.contents.value
    assert "Council Decision (CFSP) 2020/1999 concerning restrictive measures" in (
        hover.contents.value
    )
    assert "2020-12-07" in hover.contents.value

    links = await client.text_document_document_link_async(
        lsp.DocumentLinkParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert links is not None
    assert sorted(str(link.target) for link in links) == [
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020D1999",
        "https://undocs.org/A/HRC/RES/17/31",
    ]
    assert client.messages == []  # everything was verifiable: no "unreachable" message


async def test_un_quick_fix_offline(hooked: LanguageClient) -> None:
    """The code-action path with a UN fix; resolution switched off, so no RS101 ever."""
    client = hooked
    await start(client, {"resolver": "none"})
    uri = "file:///tmp/un.txt"
    text = "See a/hrc/41/35, para. 3.\n"
    open_doc(client, uri, text)
    await wait_for(client, lambda: uri in client.diagnostics, "diagnostics")
    [diag] = client.diagnostics[uri]
    assert diag.code == "UN102" and span(diag) == (0, 4, 0, 15)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(0, 6), end=lsp.Position(0, 6)),
            context=lsp.CodeActionContext(diagnostics=[diag]),
        )
    )
    assert actions is not None
    [action] = [a for a in actions if isinstance(a, lsp.CodeAction)]
    assert action.title == "write A/HRC/41/35" and action.edit is not None
    assert apply_edit(text, action.edit, uri) == "See A/HRC/41/35, para. 3.\n"

    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(0, 8)
        )
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "un:A/HRC/41/35" in hover.contents.value and "para. 3" in hover.contents.value
    nothing = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(0, 1)
        )
    )
    assert nothing is None
    assert await settled(client) == 1  # one check run, nothing pending: no RS101 can follow
    assert codes(client, uri) == ["UN102"]


async def test_no_rs101_for_a_document_that_exists(client: LanguageClient) -> None:
    await start(client)
    uri = "file:///tmp/exists.txt"
    open_doc(client, uri, "The Guiding Principles (A/HRC/17/31) apply.\n")
    published: list[lsp.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    # offline publish, then the republish after resolution
    await wait_for(client, lambda: sum(p.uri == uri for p in published) >= 2, "republish")
    assert list(client.diagnostics[uri]) == []


@pytest.mark.parametrize(
    ("encodings", "negotiated", "expected"),
    [
        (None, U16, (0, 5, 0, 16)),
        ([U32, U16], U32, (0, 4, 0, 15)),
        ([U8], U8, (0, 7, 0, 18)),
    ],
)
async def test_position_encoding_negotiated(
    client: LanguageClient,
    encodings: list[str] | None,
    negotiated: str,
    expected: tuple[int, int, int, int],
) -> None:
    result = await start(client, {"resolver": "none"}, encodings)
    assert result.capabilities.position_encoding == negotiated
    uri = "file:///tmp/enc.txt"
    open_doc(client, uri, "😀 x a/hrc/41/35\n")
    await wait_for(client, lambda: uri in client.diagnostics, "diagnostics")
    assert [span(d) for d in client.diagnostics[uri]] == [expected]


async def test_changes_are_debounced_and_republished(client: LanguageClient) -> None:
    await start(client, {"resolver": "none", "debounceMs": 1000})
    uri = "file:///tmp/change.txt"
    open_doc(client, uri, "Nothing here.\n")
    published: list[lsp.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    await wait_for(client, lambda: any(p.uri == uri for p in published), "open diagnostics")
    assert list(client.diagnostics[uri]) == []
    texts = ["See a", "See a/hrc", "See a/hrc/41/", "See a/hrc/41/35."]
    for version, text in enumerate(texts, start=2):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    await wait_for(client, lambda: codes(client, uri) == ["UN102"], "UN102 after the changes")
    assert [p.version for p in published if p.uri == uri] == [1, 5]  # 2-4 coalesced

    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    await wait_for(client, lambda: sum(p.uri == uri for p in published) == 3, "save republish")


async def test_close_clears_diagnostics(client: LanguageClient) -> None:
    await start(client, {"resolver": "none"})
    uri = "file:///tmp/close.txt"
    open_doc(client, uri, "See a/hrc/41/35.\n")
    await wait_for(client, lambda: codes(client, uri) == ["UN102"], "UN102")
    client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    await wait_for(client, lambda: list(client.diagnostics[uri]) == [], "cleared diagnostics")


async def test_unreachable_source_is_one_message(client: LanguageClient) -> None:
    """Unverified answers give one information message per session, never diagnostics."""
    await start(client)
    first, second = "file:///tmp/u1.txt", "file:///tmp/u2.txt"
    open_doc(client, first, "See A/HRC/99/1.\n")
    await wait_for(client, lambda: len(client.messages) == 1, "the unreachable message")
    open_doc(client, second, "See A/HRC/99/2 and A/HRC/99/3.\n")
    published: list[lsp.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    await wait_for(client, lambda: sum(p.uri == second for p in published) >= 2, "republish")
    [message] = client.messages
    assert message.type == lsp.MessageType.Info
    assert "could not verify" in message.message and "A/HRC/99/1" in message.message
    # (UN104: session 99 has not happened; an offline finding, unrelated to resolution)
    assert "RS101" not in codes(client, first) + codes(client, second)


async def test_offline_option_sends_no_request(hooked: LanguageClient, sources: list[str]) -> None:
    client = hooked
    await start(client, {"offline": True})
    before = len(sources)
    uri = "file:///tmp/offline.txt"
    open_doc(client, uri, "See A/HRC/RES/17/7 and a/hrc/41/35.\n")
    await wait_for(client, lambda: codes(client, uri) == ["UN102"], "offline diagnostics")
    assert await settled(client) == 1  # the check and the (cache-only) resolution are done
    published: list[lsp.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    assert len([p for p in published if p.uri == uri]) >= 2  # republished after resolution
    assert len(sources) == before and client.messages == []
    assert codes(client, uri) == ["UN102"]


async def test_survives_binary_junk_and_huge_lines(client: LanguageClient) -> None:
    await start(client, {"resolver": "none"})
    junk_uri, huge_uri = "file:///tmp/junk.bin", "file:///tmp/huge.txt"
    junk = bytes(range(256)).decode("latin-1") * 40 + "\ud800\udfff\x00 a/hrc/41/35 \x00"
    open_doc(client, junk_uri, junk)
    huge = "x" * 1_000_000 + " 😀 a/hrc/41/35 " + "y " * 200_000 + "A/HRC/RES/17/31\n"
    open_doc(client, huge_uri, huge)
    await wait_for(client, lambda: junk_uri in client.diagnostics, "junk diagnostics")
    await wait_for(client, lambda: huge_uri in client.diagnostics, "huge diagnostics")
    [diag] = [d for d in client.diagnostics[huge_uri] if d.code == "UN102"]
    assert span(diag) == (0, 1_000_004, 0, 1_000_015)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=huge_uri),
            position=lsp.Position(0, 1_000_004 + 11 + 1 + 400_000 + 3),
        )
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "un:A/HRC/RES/17/31" in hover.contents.value
    # still serving other documents
    uri = "file:///tmp/after.txt"
    open_doc(client, uri, "See a/hrc/41/35.\n")
    await wait_for(client, lambda: codes(client, uri) == ["UN102"], "diagnostics after junk")


async def test_survives_a_failing_check(hooked: LanguageClient) -> None:
    """A check that raises is logged as an error; the server goes on serving every document,
    and the failing one too once its text no longer makes the check fail."""
    client = hooked
    await start(client, {"resolver": "none"})
    bad, good = "file:///tmp/raises.txt", "file:///tmp/fine.txt"
    open_doc(client, bad, f"{hooked_server.FAILING_MARKER} a/hrc/41/35\n")
    open_doc(client, good, "See a/hrc/41/35.\n")
    assert await settled(client) == 1  # only the good document's check completed
    [error] = [m for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert "injected check failure" in error.message
    assert bad not in client.diagnostics  # nothing published for the failed run
    assert codes(client, good) == ["UN102"]
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=good), position=lsp.Position(0, 6)
        )
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "un:A/HRC/41/35" in hover.contents.value
    change(client, bad, 2, "Now a/hrc/41/35 only.\n")
    assert await settled(client) == 2
    assert codes(client, bad) == ["UN102"]


# ---- end to end: the session's Resolver, recorded ---------------------------------------------

COUNTED_ENV: dict[str, str] = {}  # SERVER_ENV + the record file
DAMAGED_INDEX_ENV: dict[str, str] = {}  # the fake sources and an index file that is garbage


@pytest.fixture(scope="module", autouse=True)
def damaged_index(sources: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lsp-index") / "index.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)  # a truncated artifact
    DAMAGED_INDEX_ENV.clear()
    DAMAGED_INDEX_ENV.update(SERVER_ENV, CITECHECK_INDEX=str(path))
    return path


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=DAMAGED_INDEX_ENV, client_factory=_recording_client
    )
)
async def damaged(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


async def test_an_unusable_index_is_one_window_message(
    damaged: LanguageClient, damaged_index: Path
) -> None:
    client = damaged
    await start(client, {"offline": True})
    for n, uri in enumerate(("file:///tmp/ix1.txt", "file:///tmp/ix2.txt")):
        open_doc(client, uri, f"See A/HRC/RES/17/{n + 7}.\n")
        await settled(client)
    [message] = [m for m in client.messages if "index unusable" in m.message]
    assert message.type == lsp.MessageType.Warning and str(damaged_index) in message.message


CONFIG_ENV: dict[str, str] = {}  # no CITECHECK_* variables: the config file must supply them
RECORDING_SERVER = [
    sys.executable,
    str(Path(__file__).parent / "lsp_fixtures" / "counting_server.py"),
]


@pytest.fixture(scope="module", autouse=True)
def record_files(sources: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Environments of the recording servers (set before they start) and their record files."""
    folder = tmp_path_factory.mktemp("lsp-records")
    files = {"counted": folder / "counted.jsonl", "config": folder / "config.jsonl"}
    COUNTED_ENV.clear()
    COUNTED_ENV.update(SERVER_ENV, CITECHECK_TEST_RESOLVER_LOG=str(files["counted"]))
    CONFIG_ENV.clear()
    CONFIG_ENV.update({k: v for k, v in SERVER_ENV.items() if not k.startswith("CITECHECK_")})
    CONFIG_ENV["CITECHECK_TEST_RESOLVER_LOG"] = str(files["config"])
    CONFIG_ENV["CITECHECK_TRUST_CONFIG"] = "1"  # the file's URLs count only on opt-in
    return files


def records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def asked_ids(path: Path) -> list[str]:
    return [i for r in records(path) if r["event"] == "resolve" for i in r["ids"]]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=RECORDING_SERVER, server_env=COUNTED_ENV, client_factory=_recording_client
    )
)
async def counted(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield  # the tests shut the session down themselves, to read the records after it
    if not getattr(lsp_client, "shut_down", False):  # a test that failed before it did
        await end_session(lsp_client)


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=RECORDING_SERVER, server_env=CONFIG_ENV, client_factory=_recording_client
    )
)
async def configured(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    if not getattr(lsp_client, "shut_down", False):
        await end_session(lsp_client)


async def shut_down(client: LanguageClient) -> None:
    """shutdown + exit, waiting for the server process to end (its records are complete)."""
    await end_session(client)
    client.shut_down = True  # type: ignore[attr-defined]


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def test_one_resolver_for_the_whole_session(
    counted: LanguageClient, record_files: dict[str, Path]
) -> None:
    """Several check runs over two documents: one Resolver, closed at shutdown; the
    ambiguous `resolution 43/16` (un:?/43/16) is never asked."""
    client, log = counted, record_files["counted"]
    await start(client, {"debounceMs": 0})
    first, second = "file:///tmp/session1.txt", "file:///tmp/session2.txt"
    text = "Recalling resolution 43/16 and A/HRC/RES/17/31.\n"
    open_doc(client, first, text)
    await wait_for(client, lambda: "RS101" in codes(client, first), "RS101 of the first run")
    text += "See A/HRC/17/31.\n"
    change(client, first, 2, text)
    await wait_for(client, lambda: "un:A/HRC/17/31" in asked_ids(log), "the second run")
    text += "Council Decision (CFSP) 2020/1999.\n"
    change(client, first, 3, text)
    await wait_for(client, lambda: "celex:32020D1999" in asked_ids(log), "the third run")
    open_doc(client, second, "Again resolution 43/16 and A/HRC/99/5.\n")
    await wait_for(client, lambda: "un:A/HRC/99/5" in asked_ids(log), "the second document")
    await wait_for(client, lambda: "RS101" in codes(client, first), "RS101 kept")
    await shut_down(client)

    events = [r["event"] for r in records(log)]
    assert events.count("new") == 1 and events[0] == "new"
    assert events.count("resolve") >= 4
    assert events[-1] == "close" and events.count("close") == 1
    assert not [i for i in asked_ids(log) if "?" in i]


async def test_config_file_urls_and_cache_dir(
    configured: LanguageClient,
    record_files: dict[str, Path],
    sources: list[str],
    tmp_path: Path,
) -> None:
    """No CITECHECK_* variables: the project's citecheck.toml points at the fake sources."""
    client, log = configured, record_files["config"]
    [base] = FAKE_BASE
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "citecheck.toml").write_text(
        f'undl-url = "{base}"\nods-url = "{base}"\ncellar-url = "{base}"\n'
        f'sparql-url = "{base}{fake_sources.SPARQL_PATH}"\ncache-dir = "cache"\n',
        encoding="utf-8",
    )
    before = len(sources)
    await start(client)
    uri = (project / "docs" / "report.txt").as_uri()  # need not exist on disk
    open_doc(client, uri, "Recalling A/HRC/RES/17/31.\n")
    await wait_for(client, lambda: "RS101" in codes(client, uri), "RS101 from the fake")
    [diag] = client.diagnostics[uri]
    assert "did you mean A/HRC/17/31" in diag.message
    assert any(p.startswith("/search") for p in sources[before:])
    await shut_down(client)

    [new] = [r for r in records(log) if r["event"] == "new"]
    assert new["undl_url"] == base and new["cellar_url"] == base
    assert Path(new["cache_dir"]) == project / "cache"
    assert (project / "cache").is_dir() and any((project / "cache").iterdir())


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


async def _read_message(stdout: asyncio.StreamReader) -> dict[str, Any]:
    length = 0
    while (line := await stdout.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return dict(json.loads(await stdout.readexactly(length)))


async def test_end_of_input_without_exit_still_closes_the_resolver(
    record_files: dict[str, Path], tmp_path: Path
) -> None:
    """An editor that dies closes the pipe without shutdown/exit: the server ends, within a
    time limit, and closes its Resolver (the cache connection) on the way out."""
    log = tmp_path / "eof.jsonl"
    proc = await asyncio.create_subprocess_exec(
        *RECORDING_SERVER,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        env={**COUNTED_ENV, "CITECHECK_TEST_RESOLVER_LOG": str(log)},
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(
            _frame(
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
            )
        )
        while (await _read_message(proc.stdout)).get("id") != 1:
            pass
        uri = "file:///tmp/eof.txt"
        doc = {
            "uri": uri,
            "languageId": "plaintext",
            "version": 1,
            "text": "See A/HRC/RES/17/31.\n",
        }
        proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        proc.stdin.write(
            _frame(
                {
                    "jsonrpc": "2.0",
                    "method": "textDocument/didOpen",
                    "params": {"textDocument": doc},
                }
            )
        )
        # RS101 comes only with the answers: the resolver exists and has been asked
        while True:
            message = await asyncio.wait_for(_read_message(proc.stdout), 30)
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and any(
                d.get("code") == "RS101" for d in params.get("diagnostics", [])
            ):
                break
        proc.stdin.close()
        assert await asyncio.wait_for(proc.wait(), SHUTDOWN_LIMIT) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    events = [r["event"] for r in records(log)]
    assert events[0] == "new" and "resolve" in events
    assert events[-1] == "close" and events.count("close") == 1


async def test_no_quick_fix_inside_markdown_code(client: LanguageClient) -> None:
    """As ``check --fix``: a citation quoted in Markdown code keeps its finding but offers no
    edit; the same citation in prose does (and in a text file, also in backticks)."""
    await start(client, {"resolver": "none"})
    text = "See a/hrc/41/35 and `a/hrc/41/36`.\n\n    a/hrc/41/37 indented\n"
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(3, 0))
    fixed: dict[str, list[str]] = {}
    for uri, language in (
        ("file:///tmp/notes-quoted.md", "plaintext"),
        ("file:///tmp/notes-quoted.txt", "plaintext"),
        ("untitled:Untitled-7", "markdown"),  # no suffix: the editor's language id says it
    ):
        open_doc(client, uri, text, language=language)
        await wait_for(client, lambda: codes(client, uri) == ["UN102"] * 3, "three UN102")  # noqa: B023
        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                range=everywhere,
                context=lsp.CodeActionContext(diagnostics=[]),
            )
        )
        assert actions is not None
        fixed[uri] = []
        for action in actions:
            assert isinstance(action, lsp.CodeAction) and action.edit is not None
            fixed[uri].append(apply_edit(text, action.edit, uri))
    assert [t.count("A/HRC") for t in fixed["file:///tmp/notes-quoted.md"]] == [1]
    assert "See A/HRC/41/35 and" in fixed["file:///tmp/notes-quoted.md"][0]
    assert len(fixed["file:///tmp/notes-quoted.txt"]) == 3
    assert fixed["untitled:Untitled-7"] == fixed["file:///tmp/notes-quoted.md"]


async def test_no_quick_fix_inside_code_closed_only_in_alt_text(client: LanguageClient) -> None:
    """An image's alt text is plain text: a ``</code>`` there closes nothing, so the citation
    after it is still inside ``<code>`` and the editor offers no fix for it (only the last)."""
    await start(client, {"resolver": "none"})
    text = "x <code>a/hrc/41/36 ![</code>](v) a/hrc/41/37</code> a/hrc/41/35\n"
    uri = "file:///tmp/notes-alt.md"
    open_doc(client, uri, text)
    await wait_for(client, lambda: codes(client, uri) == ["UN102"] * 3, "three UN102")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(1, 0)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    fixed = []
    for action in actions or []:
        assert isinstance(action, lsp.CodeAction) and action.edit is not None
        fixed.append(apply_edit(text, action.edit, uri))
    assert fixed == [text.replace("a/hrc/41/35", "A/HRC/41/35")]


async def test_no_quick_fix_for_a_silenced_finding(client: LanguageClient, tmp_path: Path) -> None:
    """Fixes are offered only for the findings the diagnostics show: none for one an inline
    marker or the project's configuration silenced (applying it would rewrite text the user
    marked as right)."""
    await start(client, {"resolver": "none"})
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(3, 0))

    async def fixed(uri: str, text: str) -> list[str]:
        actions = await client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                range=everywhere,
                context=lsp.CodeActionContext(diagnostics=[]),
            )
        )
        return [
            apply_edit(text, a.edit, uri)
            for a in actions or []
            if isinstance(a, lsp.CodeAction) and a.edit is not None
        ]

    marked = "See a/hrc/41/35. <!-- citecheck: ignore[UN102] -->\nSee a/hrc/41/36.\n"
    uri = "untitled:silenced-inline"
    open_doc(client, uri, marked, language="markdown")
    await wait_for(client, lambda: codes(client, uri) == ["UN102"], "one UN102 shown")
    [only] = await fixed(uri, marked)
    assert "a/hrc/41/35" in only and "A/HRC/41/36" in only  # the shown one alone is fixed

    project = tmp_path / "silenced"
    project.mkdir()
    (project / "citecheck.toml").write_text('ignore = ["UN102"]\n', encoding="utf-8")
    text = "See a/hrc/41/35 and general comment No. 3.\n"
    ignored = (project / "notes.txt").as_uri()  # need not exist on disk
    open_doc(client, ignored, text)
    await wait_for(client, lambda: ignored in client.diagnostics, "the ignoring file's diagnostics")
    assert "UN102" not in codes(client, ignored)
    assert await fixed(ignored, text) == []


# ---- a withdrawn finding offers no quick fix ---------------------------------------------------

WITHDRAWN_ENV: dict[str, str] = {}  # the fake sources and an index holding HRC/RES/13/5


@pytest.fixture(scope="module", autouse=True)
def index_holding_hrc_form(sources: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index whose record holds the HRC/-form symbol as written (as a 191 $z would)."""
    from citecheck.index.db import HarvestState, IndexDB, UnRecord

    path = tmp_path_factory.mktemp("lsp-withdrawn") / "index.sqlite3"
    db = IndexDB(path, write=True)
    try:
        with db.transaction():
            record = UnRecord(
                recid=720002,
                symbols=(("HRC/RES/13/5", "own"),),
                title="Resolution as catalogued",
                date="2010-03-24",
            )
            db.put_un_records([record])
            db.set_harvest(
                HarvestState("undl", "2026-11-01", True, "1946-01-01", None, 1, "2026-11-01")
            )
    finally:
        db.close()
    WITHDRAWN_ENV.clear()
    WITHDRAWN_ENV.update(SERVER_ENV, CITECHECK_INDEX=str(path))
    return path


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=HOOKED_SERVER, server_env=WITHDRAWN_ENV, client_factory=_recording_client
    )
)
async def withdrawn(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await end_session(lsp_client)


async def test_a_withdrawn_un103_offers_no_quick_fix(withdrawn: LanguageClient) -> None:
    """The index resolves HRC/RES/13/5: the diagnostics drop UN103, and so must the code
    actions (its fix would cite another document), as `check --fix` does."""
    client = withdrawn
    await start(client, {"offline": True})
    uri = "file:///tmp/withdrawn.txt"
    open_doc(client, uri, "See HRC/RES/13/5 here.\n")
    await settled(client)
    assert "UN103" not in codes(client, uri)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(0, 6), end=lsp.Position(0, 6)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    titles = [a.title for a in actions or []]
    assert not any("A/HRC/RES/13/5" in t for t in titles), titles
    # the same text without the index's answer keeps the fix (the test can fail)
    other = "file:///tmp/kept.txt"
    open_doc(client, other, "See HRC/RES/13/6 here.\n")
    await settled(client)
    assert "UN103" in codes(client, other)
    kept = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=other),
            range=lsp.Range(start=lsp.Position(0, 6), end=lsp.Position(0, 6)),
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert any("A/HRC/RES/13/6" in a.title for a in kept or []), kept


def test_hover_on_an_unresolvable_short_form_says_why() -> None:
    """An ambiguous ``Ibid.`` (or one pointing back to nothing known) is never asked about:
    its hover says so, instead of a resolution that never comes."""
    text = "Text.[^1] More.[^2]\n\n[^1]: A/HRC/41/35; A/HRC/38/35.\n[^2]: Ibid., para. 5.\n"
    ibid = next(c for c in check(text).citations if c.short_form)
    shown = hover_markdown(ibid, None)
    assert "Not resolved: ambiguous" in shown and "not resolved yet" not in shown
    text = "[^1]: A/HRC/41/35.\n[^2]: D. Kaye, Speech Police (2019), p. 3.\n[^3]: Ibid., p. 4.\n"
    ibid = next(c for c in check(text).citations if c.short_form)
    shown = hover_markdown(ibid, None)
    assert "Not resolved: no document citecheck recognises" in shown
    plain = check("A/HRC/41/35, para. 66").citations[0]
    assert "not resolved yet" in hover_markdown(plain, None)  # asked: its answer may come


def test_answers_for_an_older_text_are_not_published_over_a_newer_one() -> None:
    """The user deleted the citation while its resolution ran: the answer (RS101) must not be
    published with the old text's offsets, under the words that now stand there; the check of
    the newer text publishes what is known then."""
    from types import SimpleNamespace

    from citecheck.lsp.positions import LineIndex
    from citecheck.lsp.server import CitecheckServer, DocState

    async def resolver(ids: list[str]) -> dict[str, dict[str, str]]:
        return {i: {"status": "not_found", "source": "undl", "reason": "no record"} for i in ids}

    old = "Intro.\n" + "The Committee met at length. " * 60 + "\nSee A/HRC/41/35 and more.\n"
    new = old.replace("See A/HRC/41/35 and more.", "See and more.")

    def published_after_resolution(source: str) -> list[Any]:
        server = CitecheckServer()
        server.resolver = resolver
        sent: list[Any] = []
        doc = SimpleNamespace(uri="untitled:rs", source=old, version=1)
        server.document = lambda uri: doc  # type: ignore[method-assign]
        server.text_document_publish_diagnostics = sent.append  # type: ignore[method-assign]
        state = server.docs[doc.uri] = DocState(doc.uri, seen=old)
        state.text, state.version = old, 1
        state.result, state.index = check(old), LineIndex(old)
        server.publish(state)
        doc.source, doc.version = source, 2  # the editor holds `source` when the answers come
        asyncio.run(server._resolve(state, old))
        server.shutdown()
        return sent

    unchanged = published_after_resolution(old)
    assert [d.code for d in unchanged[-1].diagnostics] == ["RS101"]  # the answer is shown ...
    edited = published_after_resolution(new)
    assert len(edited) == 1  # ... but not over the newer text
