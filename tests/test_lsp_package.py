"""The language server as a package: it keeps up with typing, and it is safe.

- a flood of changes on a large document: superseded checks are skipped or dropped, the last
  version is diagnosed, an older version is never published after a newer one;
- hover Markdown built from upstream titles/URLs is inert (rendered with markdown-it);
- the config's select / ignore / per-file-ignores apply to the server's diagnostics;
- neighbour hints (ids cited side by side) reach the diagnostics;
- a repository config's ignored source URLs / cache-dir are told to the user once.

End-to-end tests run `python -m citecheck.lsp` (or a wrapper of it) over stdio with the real
pytest-lsp client.  Every wait is for a notification, bounded by a timeout; nothing sleeps a
fixed time and nothing touches the network (resolution is off or offline).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from markdown_it import MarkdownIt
from pygls import uris
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

import citecheck.lsp
from citecheck.config import config_from_table
from citecheck.lsp import LineIndex, Resolved, build_diagnostics, hover_markdown, md_link
from citecheck.lsp.reuse import REUSE_MARGIN
from citecheck.lsp.session import untrusted_config_message
from citecheck.pipeline import check
from citecheck.resolve.model import Status

# ---- the package --------------------------------------------------------------------------


def test_package_modules_and_entry_point() -> None:
    """`python -m citecheck.lsp` has a __main__; the old public names are still exported."""
    from citecheck.lsp import __main__, diagnostics, options, positions, server, session

    assert server.main is citecheck.lsp.main is __main__.main
    assert citecheck.lsp.LineIndex is positions.LineIndex
    assert citecheck.lsp.ServerOptions is options.ServerOptions
    assert citecheck.lsp.SessionResolvers is session.SessionResolvers
    assert citecheck.lsp.hover_markdown is diagnostics.hover_markdown


def test_the_cli_imports_pygls_only_for_lsp() -> None:
    import subprocess

    code = "import sys, citecheck.cli; print(sorted(m for m in sys.modules if 'pygls' in m))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


# ---- hover: upstream text is inert --------------------------------------------------------

HOSTILE_TITLES = [
    "Report [x](javascript:alert(1))",
    'Report <img src=x onerror="alert(1)">',
    "Report ![pic](https://evil.test/p.png) and <https://evil.test/auto>",
    "Report https://evil.test/bare and `code` **bold**\n\n# heading\n[ref]: javascript:alert(1)",
    "Report <script>alert(1)</script> &lt;b&gt;",
]

HOSTILE_URLS = [
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "https://ok.test/a) [x](javascript:alert(1)",
    "  JAVASCRIPT:alert(1)",
    "https://",
]


def _render(markdown: str) -> Any:
    """The tokens a Markdown renderer with HTML and bare-link detection on would make."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable("linkify")
    return md.parse(markdown)


def _hrefs_and_html(markdown: str) -> tuple[list[str], list[str], list[str]]:
    """(link targets, images, raw HTML) of `markdown` as a renderer sees it."""
    hrefs, images, html = [], [], []
    stack = list(_render(markdown))
    while stack:
        tok = stack.pop()
        stack.extend(tok.children or [])
        if tok.type == "link_open":
            hrefs.append(str(tok.attrs.get("href")))
        elif tok.type == "image":
            images.append(str(tok.attrs.get("src")))
        elif tok.type in ("html_inline", "html_block"):
            html.append(tok.content)
    return hrefs, images, html


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_title_is_inert(title: str) -> None:
    cite = check("A/HRC/41/35").citations[0]
    res = Resolved(id=cite.id, status="resolved", title=title, reason=title, date=title)
    shown = hover_markdown(cite, res)
    hrefs, images, html = _hrefs_and_html(shown)
    assert images == [] and html == []
    assert hrefs == ["https://undocs.org/A/HRC/41/35"]  # only the document's own link
    assert "Title:" in shown and "Report" in shown


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_links_from_upstream_urls(url: str) -> None:
    cite = check("A/HRC/41/35").citations[0]
    shown = hover_markdown(cite, Resolved(id=cite.id, status="resolved", url=url))
    hrefs, images, html = _hrefs_and_html(shown)
    assert images == [] and html == []
    assert len(hrefs) == 1 and hrefs[0].startswith(("https://", "http://"))
    assert "javascript" not in hrefs[0].lower() or hrefs[0].startswith("https://ok.test/")
    assert " " not in hrefs[0] and ")" not in hrefs[0]


def test_upstream_http_link_is_kept_and_quoted() -> None:
    cite = check("A/HRC/41/35").citations[0]
    url = "https://digitallibrary.un.org/record/123?ln=en (copy)"
    shown = hover_markdown(cite, Resolved(id=cite.id, status="resolved", url=url))
    assert _hrefs_and_html(shown)[0] == [
        "https://digitallibrary.un.org/record/123?ln=en%20%28copy%29"
    ]
    assert md_link("ftp://x.test/") is None


# ---- config select / ignore, neighbour hints (pure) ---------------------------------------

EU_TEXT = "Recalling Council Decision CFSP 2020/1999 of 7 December 2020 and A/HRC/17/31.\n"


def _codes(diags: list[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


def test_build_diagnostics_applies_select_ignore_and_per_file_ignores(tmp_path: Path) -> None:
    result = check(EU_TEXT)
    [un] = [c for c in result.citations if c.id == "un:A/HRC/17/31"]
    known = {un.id: Resolved(id=un.id, status="not_found")}
    index = LineIndex(EU_TEXT)
    doc = str(tmp_path / "notes" / "a.txt")
    assert _codes(build_diagnostics(result, known, index)) == ["EU102", "RS101"]

    def codes_with(**table: Any) -> list[str]:
        config = config_from_table(tmp_path / "citecheck.toml", table)
        return _codes(build_diagnostics(result, known, index, config, doc))

    assert codes_with(ignore=["EU1"]) == ["RS101"]
    assert codes_with(select=["EU"]) == ["EU102"]
    assert codes_with(**{"per-file-ignores": {"notes/*.txt": ["RS"]}}) == ["EU102"]
    assert codes_with(**{"per-file-ignores": {"other/*.txt": ["RS"]}}) == ["EU102", "RS101"]


def test_build_diagnostics_applies_inline_markers() -> None:
    text = "Intro.\n" + EU_TEXT.rstrip("\n") + "  <!-- citecheck: ignore[EU1] -->\nEnd.\n"
    result = check(text)
    [un] = [c for c in result.citations if c.id == "un:A/HRC/17/31"]
    known = {un.id: Resolved(id=un.id, status="not_found")}
    assert _codes(build_diagnostics(result, known, LineIndex(text))) == ["RS101"]
    moved = text.replace(
        "  <!-- citecheck: ignore[EU1] -->\nEnd.", "\nEnd. <!-- citecheck: ignore -->"
    )
    assert _codes(build_diagnostics(check(moved), known, LineIndex(moved))) == ["EU102", "RS101"]


def test_neighbour_hints_reach_the_diagnostics() -> None:
    """A wrong ECLI written next to its case: the case's recorded ECLI is suggested."""
    text = "See Case C-293/12, ECLI:EU:C:2014:999.\n"
    result = check(text)
    ids = [c.id for c in result.citations]
    case = next(i for i in ids if i.startswith("case:"))
    ecli = next(i for i in ids if i.startswith("ecli:"))
    known = {
        case: Resolved(
            id=case,
            status=Status.RESOLVED,
            extra=(("ecli", "ECLI:EU:C:2014:238"), ("celex", "62012CJ0293")),
        ),
        ecli: Resolved(id=ecli, status=Status.NOT_FOUND),
    }
    [rs101] = [d for d in build_diagnostics(result, known, LineIndex(text)) if d.code == "RS101"]
    assert "ECLI:EU:C:2014:238" in rs101.message
    assert known[ecli].suggestions == ()  # text-dependent hints are never stored


def test_untrusted_config_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITECHECK_TRUST_CONFIG", raising=False)
    config = config_from_table(
        tmp_path / "citecheck.toml", {"undl-url": "http://evil.test", "cache-dir": "c"}
    )
    message = untrusted_config_message(config)
    assert message is not None and "undl-url" in message and "cache-dir" in message
    assert "CITECHECK_TRUST_CONFIG" in message
    assert untrusted_config_message(config_from_table(tmp_path / "x.toml", {})) is None
    monkeypatch.setenv("CITECHECK_TRUST_CONFIG", "1")
    assert untrusted_config_message(config) is None


# ---- end to end over stdio ----------------------------------------------------------------


class Recorder:
    """Every publishDiagnostics / showMessage / logMessage, and an event to wait on."""

    def __init__(self) -> None:
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.shown: list[str] = []
        self.logged: list[str] = []
        self.event = asyncio.Event()

    def versions(self, uri: str) -> list[int | None]:
        return [p.version for p in self.published if p.uri == uri]

    async def until(self, pred: Callable[[], bool], what: str, timeout: float = 120) -> None:
        """Wait for notifications until `pred()` holds (bounded by `timeout`)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self.event.clear()
            if pred():
                return
            remaining = deadline - loop.time()
            if remaining <= 0:
                pytest.fail(f"timed out waiting for {what}")
            try:
                await asyncio.wait_for(self.event.wait(), remaining)
            except TimeoutError:
                pytest.fail(f"timed out waiting for {what}")


def _client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    rec = Recorder()

    def published(ls: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        rec.published.append(params)
        ls.diagnostics[params.uri] = params.diagnostics
        rec.event.set()

    def shown(ls: LanguageClient, params: lsp.ShowMessageParams) -> None:
        rec.shown.append(params.message)
        rec.event.set()

    def logged(ls: LanguageClient, params: lsp.LogMessageParams) -> None:
        rec.logged.append(params.message)
        rec.event.set()

    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published,
            lsp.WINDOW_SHOW_MESSAGE: shown,
            lsp.WINDOW_LOG_MESSAGE: logged,
        },
    )
    client.rec = rec  # type: ignore[attr-defined]
    return client


def rec_of(client: LanguageClient) -> Recorder:
    rec: Recorder = client.rec  # type: ignore[attr-defined]
    return rec


SERVER_ENV: dict[str, str] = {}
CHECK_LOG: list[Path] = []
PROJECT: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def server_env(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No CITECHECK_* from the outside, no trust, a private cache; set before servers start."""
    folder = tmp_path_factory.mktemp("lsp-package")
    CHECK_LOG[:] = [folder / "checks.jsonl"]
    SERVER_ENV.clear()
    SERVER_ENV.update({k: v for k, v in os.environ.items() if not k.startswith("CITECHECK_")})
    SERVER_ENV["CITECHECK_CACHE_DIR"] = str(folder / "cache")
    SERVER_ENV["CITECHECK_TEST_CHECK_LOG"] = str(CHECK_LOG[0])
    SERVER_ENV["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    project = folder / "project"
    (project / "notes").mkdir(parents=True)
    (project / "citecheck.toml").write_text(
        'ignore = ["UN2"]\n'
        'undl-url = "http://127.0.0.1:9/evil"\n'
        'cache-dir = "stolen-cache"\n'
        '[per-file-ignores]\n"notes/*.txt" = ["EU1"]\n',
        encoding="utf-8",
    )
    PROJECT[:] = [project]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[
            sys.executable,
            str(Path(__file__).parent / "lsp_fixtures" / "check_counting_server.py"),
        ],
        server_env=SERVER_ENV,
        client_factory=_client,
    )
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


async def start(client: LanguageClient, options: dict[str, Any]) -> None:
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    await client.initialize_session(
        lsp.InitializeParams(capabilities=caps, initialization_options=options)
    )


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id="plaintext", version=version, text=text
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


PARAGRAPH = (
    "Recalling Human Rights Council resolution 17/4 and A/HRC/17/31, para. 5, and Directive "
    "95/46/EC, see Case C-293/12, ECLI:EU:C:2014:238; the Committee notes CCPR/C/GC/34.\n"
)
FLOOD = 200


def checks_run() -> list[dict[str, Any]]:
    path = CHECK_LOG[0]
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def test_a_flood_of_changes_diagnoses_the_last_version(client: LanguageClient) -> None:
    """200 full-text changes of a ~120 KB document, sent without waiting: the last version is
    published, versions only ever go up, and far fewer than 200 full checks run."""
    await start(client, {"resolver": "none", "debounceMs": 0})
    rec = rec_of(client)
    uri = "untitled:flood"
    body = PARAGRAPH * 600
    before = len(checks_run())
    open_doc(client, uri, body + "version 1\n", version=1)
    await rec.until(lambda: 1 in rec.versions(uri), "the first diagnostics")
    for version in range(2, FLOOD + 2):
        change(client, uri, body + f"version {version}\n", version)
    last = FLOOD + 1
    await rec.until(lambda: last in rec.versions(uri), f"diagnostics of version {last}")
    # one more (small) change: the single worker is FIFO, so every stale check has been
    # skipped or published before this version's diagnostics arrive
    change(client, uri, "A/HRC/17/31\n", last + 1)

    def final_checked() -> bool:  # a check still running may publish moved onto it first
        runs = checks_run()
        return last + 1 in rec.versions(uri) and runs[-1]["last"] == "A/HRC/17/31"

    await rec.until(final_checked, "diagnostics of the final change")

    versions = rec.versions(uri)
    # never an older after a newer one (a check that ends after a newer change publishes
    # moved onto the newest version, which its own check then publishes again)
    assert versions == sorted(versions), versions
    assert versions[-1] == last + 1 and last in versions
    flood_checks = checks_run()[before:]
    assert flood_checks[-1]["last"] == "A/HRC/17/31"
    # version `last` was diagnosed (waited for above): by its own check, or by a check still
    # running when it arrived, published moved onto it (the texts differ on the last line)
    # superseded checks never run side by side with newer ones (they used to pile up in
    # threads), and only a handful run at all
    assert max(c["running"] for c in flood_checks) == 1, flood_checks
    assert len(flood_checks) <= 25, f"{len(flood_checks)} full checks for {FLOOD} changes"


async def test_config_selects_diagnostics_and_untrusted_keys_are_told_once(
    client: LanguageClient,
) -> None:
    """The project's ignore / per-file-ignores shape the diagnostics; its source URL and
    cache-dir are ignored (no trust) and the user is told so once, not on every run."""
    await start(client, {"offline": True})
    rec = rec_of(client)
    project = PROJECT[0]
    in_notes = uris.from_fs_path(str(project / "notes" / "a.txt"))
    at_top = uris.from_fs_path(str(project / "b.txt"))
    assert in_notes is not None and at_top is not None
    text = "See resolution 43/16.\n\nRecalling Council Decision CFSP 2020/1999.\n"
    assert {f.code for f in check(text).findings} >= {"EU102", "UN201"}
    open_doc(client, in_notes, text)
    open_doc(client, at_top, text)
    await rec.until(
        lambda: bool(rec.versions(in_notes)) and bool(rec.versions(at_top)),
        "diagnostics of both documents",
    )
    notes_codes = {str(d.code) for d in client.diagnostics[in_notes]}
    top_codes = {str(d.code) for d in client.diagnostics[at_top]}
    assert "UN201" not in notes_codes and "UN201" not in top_codes  # ignore = ["UN2"]
    assert "EU102" not in notes_codes  # per-file-ignores "notes/*.txt" = ["EU1"]
    assert "EU102" in top_codes

    def told() -> list[str]:
        return [m for m in rec.shown if "ignoring undl-url, cache-dir" in m]

    await rec.until(lambda: len(told()) >= 1, "the untrusted-config message")
    assert any("ignoring undl-url, cache-dir" in m for m in rec.logged)
    # more runs of both documents: still one message
    change(client, in_notes, text + "More.\n", 2)
    change(client, at_top, text + "More.\n", 2)
    await rec.until(
        lambda: 2 in rec.versions(in_notes) and 2 in rec.versions(at_top), "the re-checks"
    )
    # a request round trip after the re-checks: anything they sent has arrived
    await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=at_top),
            position=lsp.Position(line=0, character=30),
        )
    )
    assert len(told()) == 1
    assert not (project / "stolen-cache").exists()


async def test_a_save_of_the_checked_text_publishes_again_without_a_new_check(
    client: LanguageClient,
) -> None:
    """Saving the text last checked publishes the same diagnostics again (the config is read
    again) without running the check again: the check is a pure function of the text.  A
    changed text is checked."""
    await start(client, {"resolver": "none", "debounceMs": 0})
    rec = rec_of(client)
    uri = "untitled:saved"
    text = PARAGRAPH * 3 + "See a/hrc/41/35 and Directive 95/46.\nsaved 1\n"
    assert check(text).findings  # something to show
    open_doc(client, uri, text)
    await rec.until(lambda: rec.versions(uri) == [1], "the first diagnostics")
    first = list(client.diagnostics[uri])
    assert first

    def runs(last: str) -> int:
        return sum(c["last"] == last for c in checks_run())

    assert runs("saved 1") == 1
    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    await rec.until(lambda: rec.versions(uri) == [1, 1], "the save's diagnostics")
    assert list(client.diagnostics[uri]) == first
    assert runs("saved 1") == 1  # the save did not check the same text again

    change(client, uri, text.replace("saved 1", "saved 2"), 2)
    await rec.until(lambda: rec.versions(uri) == [1, 1, 2], "the change's diagnostics")
    assert runs("saved 2") == 1
    assert list(client.diagnostics[uri]) == first  # the same findings on the same lines


async def test_requests_after_a_change_run_no_check(
    client: LanguageClient,
) -> None:
    """After a change, the editor asks for links, code actions and a hover before the
    change's own (debounced) check runs: links and hovers are answered from the last check
    (the edits lie far after the citations), quick fixes only from a check of the current
    text, none of them with a check of its own; the save then checks the text once."""
    await start(client, {"resolver": "none", "debounceMs": 600_000})  # no debounced check
    rec = rec_of(client)
    uri = "untitled:requests"
    far = "The meeting was held in the hall.\n" * (REUSE_MARGIN // 30)
    text = PARAGRAPH * 3 + "See a/hrc/41/35 and Directive 95/46.\n" + far + "requests 1\n"
    open_doc(client, uri, text)
    await rec.until(lambda: rec.versions(uri) == [1], "the first diagnostics")

    def runs(last: str) -> int:
        return sum(c["last"] == last for c in checks_run())

    # two edits, one change each (as an editor sends them)
    more = text.replace("requests 1", "More.\nrequests 1")
    change(client, uri, more, 2)
    change(client, uri, more.replace("requests 1", "requests 2"), 3)
    doc = lsp.TextDocumentIdentifier(uri=uri)
    links = await client.text_document_document_link_async(lsp.DocumentLinkParams(doc))
    everywhere = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(6, 0))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[]))
    )
    hover = await client.text_document_hover_async(
        lsp.HoverParams(doc, lsp.Position(line=1, character=45))
    )
    assert links and hover is not None  # answered from the last check
    assert not actions  # that check is of another text
    assert hover.range is not None and hover.range.start.line == 1
    assert runs("requests 2") == 0
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=doc))
    await rec.until(lambda: rec.versions(uri) == [1, 3], "the save's diagnostics")
    assert runs("requests 2") == 1
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(doc, everywhere, lsp.CodeActionContext(diagnostics=[]))
    )
    assert actions and runs("requests 2") == 1  # from the save's check
    assert client.diagnostics[uri]
