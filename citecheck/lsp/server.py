"""The citecheck language server: citations checked while you write.

Offline findings are published as soon as a document is opened or saved, and 300 ms after
the last change (a newer version cancels the pending run).  Resolution (does the cited
document exist?) then runs in the background on the event loop and the diagnostics are
republished with RS101 for documents that were definitely not found.  Quick fixes come from
the findings' `Fix`es, hovers and document links from the last parse and resolution.

Resolution uses ONE `citecheck.resolve.Resolver` for the whole session (created on the first
resolution, closed on shutdown/exit), so its SQLite cache connection, its answers and the
per-host circuit breaker survive from one keystroke run to the next.  Which ids are asked is
the CLI's rule (`citecheck.batch.resolvable`: ambiguous and `?` ids never are).  The source
URLs and cache directory come from the project's config file (`[tool.citecheck]` or
`citecheck.toml`, found upwards from the document's path) as in `citecheck check`:
`CITECHECK_*` environment variables beat the file.  Documents whose configs name different
URLs/cache directories get a resolver (and answers) of their own; normally there is one.

Offsets in citecheck are code points of the text; LSP positions are counted in the
negotiated encoding (UTF-16 by default, UTF-8/UTF-32 when the client offers them).  Lines
are split on LSP's terminators only (CR LF, CR, LF): pygls' own helpers use
`str.splitlines`, which also splits on form feeds and U+2028 that PDF extraction leaves in
texts, so the server syncs full documents and converts positions itself (`LineIndex`).

Run it on stdio with `python -m citecheck.lsp` (or `citecheck lsp`).
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click
import regex
from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.server import LanguageServer

from citecheck import __version__
from citecheck.config import Config, ConfigError, discover
from citecheck.model import Citation, Finding, Severity
from citecheck.pipeline import CheckResult, check
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.policy import human_link, resolvable

log = logging.getLogger(__name__)

SOURCE = "citecheck"
NOT_FOUND_CODE = "RS101"
DEFAULT_DEBOUNCE_MS = 300
UNVERIFIED_RETRY_SECONDS = 60.0

# `(ids) -> {id: Resolution or its JSON}`; what the server calls to resolve citations.
ResolveFunc = Callable[[list[str]], Awaitable[Mapping[str, Mapping[str, Any]]]]


@attrs.frozen(slots=True)
class ServerOptions:
    """Settings of one session: command-line defaults, overridden by initializationOptions.

    ``resolver`` is ``"auto"`` (use `citecheck.resolve` when importable) or ``"none"``
    (offline findings only); ``offline`` resolves from the cache only.
    """

    offline: bool = False
    resolver: str = "auto"
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def merged(self, init: Any) -> ServerOptions:
        """These options updated from a client's initializationOptions; junk is ignored."""
        if not isinstance(init, Mapping):
            return self
        changes: dict[str, Any] = {}
        if isinstance(init.get("offline"), bool):
            changes["offline"] = init["offline"]
        if init.get("resolver") in ("auto", "none"):
            changes["resolver"] = init["resolver"]
        debounce = init.get("debounceMs", init.get("debounce_ms"))
        if isinstance(debounce, int) and not isinstance(debounce, bool) and debounce >= 0:
            changes["debounce_ms"] = min(debounce, 10_000)
        return attrs.evolve(self, **changes)


# Tests running the server in-process may set this to replace the whole resolution layer
# (called once per session; its function then answers every document, no config is read).
RESOLVER_FACTORY: Callable[[ServerOptions], ResolveFunc | None] | None = None

# Tests may set this to wrap or replace `citecheck.resolve.Resolver` (called with Settings).
RESOLVER_CLASS: Callable[[Any], Any] | None = None


def _env_has(key: str) -> bool:
    return bool(os.environ.get("CITECHECK_" + key.upper()))


def resolver_overrides(config: Config, offline: bool) -> dict[str, Any]:
    """`settings_from_env` keywords for `config`, as `citecheck check` builds them.

    The file's URLs and cache directory apply unless a `CITECHECK_*` variable sets them;
    offline when the session (command line / initializationOptions) or the file says so.
    """
    out = {k: v for k, v in config.resolve_overrides().items() if not _env_has(k)}
    out["offline"] = offline or config.offline
    return out


def _key(overrides: Mapping[str, Any]) -> Hashable:
    return tuple(sorted((k, str(v)) for k, v in overrides.items()))


class SessionResolvers:
    """The session's `Resolver`s: one per distinct settings (normally just one), each made on
    first use and kept until `close`, so cache, answers and circuit breaker are shared.

    Calls are serialised (a `Resolver` is not safe for concurrent `aresolve`s: they share
    one HTTP client).  `Resolver` remembers every answer, including unverified ones; those
    are forgotten before being asked again, so the server's retry after
    `UNVERIFIED_RETRY_SECONDS` reaches the network.
    """

    def __init__(self) -> None:
        self.resolvers: dict[Hashable, Any] = {}
        self.closed = False
        self._lock = asyncio.Lock()

    def _new(self, overrides: Mapping[str, Any]) -> Any:
        from citecheck.resolve import Resolver, settings_from_env

        settings = settings_from_env(**overrides)
        return (RESOLVER_CLASS or Resolver)(settings)

    async def resolve(
        self, ids: list[str], overrides: Mapping[str, Any]
    ) -> dict[str, Any]:
        """`{id: Resolution}` from the resolver of `overrides`."""
        key = _key(overrides)
        async with self._lock:
            if self.closed:
                raise RuntimeError("the session is shutting down")
            resolver = self.resolvers.get(key)
            if resolver is None:
                resolver = self.resolvers[key] = self._new(overrides)
            forget = getattr(resolver, "forget_unverified", None)  # test doubles may lack it
            if forget is not None:
                forget(ids)
            answers = await resolver.aresolve(ids)
        return dict(answers)

    def from_index(self, ids: list[str], overrides: Mapping[str, Any]) -> dict[str, Resolution]:
        """The local index's definite answers, at once: a synchronous SQLite read, no network
        and no wait for a running `aresolve` (both run on the event loop's thread)."""
        if self.closed:
            return {}
        key = _key(overrides)
        resolver = self.resolvers.get(key)
        if resolver is None:
            resolver = self.resolvers[key] = self._new(overrides)
        ask = getattr(resolver, "from_index", None)  # test doubles may lack it
        return dict(ask(ids)) if ask is not None else {}

    def close(self) -> None:
        """Close every resolver (their cache connections); later calls fail fast."""
        self.closed = True
        resolvers, self.resolvers = list(self.resolvers.values()), {}
        for resolver in resolvers:
            try:
                resolver.close()
            except Exception:  # closing must not stop the others or the shutdown
                log.exception("closing a resolver failed")


#: What the editor shows of a resolution: the resolution itself (one shape from source to
#: diagnostic); JSON answers of a `RESOLVER_FACTORY` hook go through `policy.as_resolution`.
Resolved = Resolution


# ---- positions ------------------------------------------------------------------------------

_EOL = regex.compile(r"\r\n|\r|\n")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


def _encoding_name(encoding: Any) -> str:
    """'utf-16' etc.; `str()` of lsprotocol's str-enum would give its member name."""
    return str(getattr(encoding, "value", encoding))


def _utf8_len(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


class LineIndex:
    """Code-point offsets <-> LSP positions of one text, in UTF-8, UTF-16 or UTF-32 units.

    Built once per text version; converting an offset costs a binary search (plus, for
    UTF-8, the length of the line prefix).
    """

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = _encoding_name(encoding)
        self.starts: list[int] = [0, *(int(m.end()) for m in _EOL.finditer(text))]
        self.astral: list[int] = [int(m.start()) for m in _ASTRAL.finditer(text)]

    def _line_end(self, line: int) -> int:
        """Offset just before the terminator of `line`."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        if line + 1 < len(self.starts):
            end -= 2 if self.text[end - 2 : end] == "\r\n" else 1
        return end

    def position(self, offset: int) -> lsp.Position:
        """LSP position of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if self.encoding == lsp.PositionEncodingKind.Utf32:
            col = offset - start
        elif self.encoding == lsp.PositionEncodingKind.Utf8:
            col = _utf8_len(self.text[start:offset])
        else:
            wide = bisect.bisect_left(self.astral, offset) - bisect.bisect_left(self.astral, start)
            col = offset - start + wide
        return lsp.Position(line=line, character=col)

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: lsp.Position) -> int:
        """Code-point offset of an LSP position; past the end of a line means its end."""
        line, want = max(0, int(pos.line)), max(0, int(pos.character))
        if line >= len(self.starts):
            return len(self.text)
        start: int = self.starts[line]
        end = self._line_end(line)
        if self.encoding == lsp.PositionEncodingKind.Utf32:
            return min(start + want, end)
        if self.encoding == lsp.PositionEncodingKind.Utf16 and bisect.bisect_left(
            self.astral, start
        ) == bisect.bisect_left(self.astral, end):
            return min(start + want, end)
        units, i = 0, start
        while i < end and units < want:
            ch = self.text[i]
            if self.encoding == lsp.PositionEncodingKind.Utf8:
                units += _utf8_len(ch)
            else:
                units += 2 if ord(ch) > 0xFFFF else 1
            i += 1
        return i


# ---- what is shown --------------------------------------------------------------------------

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def _value(ident: str) -> str:
    return ident.partition(":")[2]


def not_found_message(res: Resolved) -> str:
    """RS101 text, as the CLI writes it (`policy.not_found_message`)."""
    return policy.not_found_message(res.id, res)


def _asked(citation: Citation) -> bool:
    """The seam's rule (`policy.resolvable`)."""
    return resolvable(citation)


def ids_to_resolve(citations: Iterable[Citation]) -> list[str]:
    """Distinct ids of `citations` worth asking a source about, in text order."""
    return policy.ids_to_resolve(citations)


def finding_diagnostic(finding: Finding, index: LineIndex) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=index.range(finding.start, finding.end),
        message=finding.message,
        severity=_SEVERITY.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.code,
        source=SOURCE,
    )


def not_found_diagnostic(citation: Citation, res: Resolved, index: LineIndex) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=index.range(citation.start, citation.end),
        message=not_found_message(res),
        severity=lsp.DiagnosticSeverity.Error,
        code=NOT_FOUND_CODE,
        source=SOURCE,
    )


def build_diagnostics(
    result: CheckResult, known: Mapping[str, Resolved], index: LineIndex
) -> list[lsp.Diagnostic]:
    """Offline findings, then the seam's RS findings for definite answers (RS101 not found,
    RS103/RS104 EU act status); unverified answers are told once by a message instead."""
    out = [finding_diagnostic(f, index) for f in result.findings]
    definite = {i: r for i, r in known.items() if r.status is not Status.UNVERIFIED}
    found = policy.resolution_findings(result.citations, definite)
    out.extend(finding_diagnostic(f, index) for f in found)
    return out


def hover_markdown(citation: Citation, res: Resolved | None) -> str:
    """Id, kind, pinpoint, and what resolution said (title, date, link) when known."""
    lines = [f"**{citation.id}** ({citation.kind.value.replace('_', ' ')})"]
    if citation.pinpoint:
        lines.append(f"Pinpoint: {citation.pinpoint}")
    if citation.short_form:
        lines.append("Short form pointing back to an earlier citation.")
    if citation.ambiguous:
        lines.append("Ambiguous: more than one reading is possible.")
    if res is None:
        lines.append("_Offline parse; not resolved yet._")
    else:
        if res.title:
            lines.append(f"Title: {res.title}")
        if res.date:
            lines.append(f"Date: {res.date}")
        status = res.status.value.replace("_", " ")
        lines.append(f"Status: {status}" + (f" ({res.reason})" if res.reason else ""))
        if res.suggestions:
            lines.append("Did you mean: " + ", ".join(_value(s) or s for s in res.suggestions))
    link = (res.url if res is not None and res.url else None) or human_link(citation.id)
    if link:
        lines.append(f"[{link}]({link})")
    return "\n\n".join(lines)


def citations_at(citations: Sequence[Citation], offset: int) -> list[Citation]:
    """Citations whose span holds `offset` (the end counts: the cursor after a citation)."""
    return [c for c in citations if c.start <= offset <= c.end]


# ---- the server -----------------------------------------------------------------------------


@attrs.define
class Answers:
    """Resolution answers of one resolver's settings: definite ones, and unverified ones with
    the time from which they are asked again."""

    known: dict[str, Resolved] = attrs.field(factory=dict)
    unverified: dict[str, tuple[float, Resolved]] = attrs.field(factory=dict)

    def lookup(self, ident: str) -> Resolved | None:
        if ident in self.known:
            return self.known[ident]
        pending = self.unverified.get(ident)
        return pending[1] if pending else None


@attrs.define
class DocState:
    """What the server knows about one open document (`key`: whose answers apply to it)."""

    uri: str
    version: int | None = None
    text: str = ""
    index: LineIndex | None = None
    result: CheckResult | None = None
    checking: asyncio.Task[None] | None = None
    resolving: asyncio.Task[None] | None = None
    key: Hashable = None


class CitecheckServer(LanguageServer):
    """pygls server holding per-document state and the session's resolution answers."""

    def __init__(self, options: ServerOptions | None = None) -> None:
        super().__init__(
            "citecheck",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
        )
        self.options = options or ServerOptions()
        self.docs: dict[str, DocState] = {}
        self.answers: dict[Hashable, Answers] = {}  # per resolver settings (normally one)
        self.resolver: ResolveFunc | None = None  # RESOLVER_FACTORY's function, if any
        self.session: SessionResolvers | None = None  # the session's Resolver(s)
        self.warned_unverified = False
        self.warned_config: set[str] = set()
        self.runs = 0  # offline checks completed (for tests and logs)

    # -- helpers --

    @property
    def encoding(self) -> str:
        try:
            return _encoding_name(
                self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
            )
        except RuntimeError:  # workspace not initialised yet
            return _encoding_name(lsp.PositionEncodingKind.Utf16)

    def configure(self, init_options: Any) -> None:
        """Apply initializationOptions and pick the resolution layer (hook first).

        No `Resolver` is made here: the first resolution makes it, with the settings of the
        document's config file.
        """
        self.options = self.options.merged(init_options)
        if RESOLVER_FACTORY is not None:
            self.resolver = RESOLVER_FACTORY(self.options)
            return
        if self.options.resolver == "none":
            return
        try:
            import citecheck.resolve  # noqa: F401
        except ImportError:  # resolution layer not installed: offline findings only
            log.warning("citecheck.resolve is not importable; resolution disabled")
            return
        self.session = SessionResolvers()

    @property
    def resolving_enabled(self) -> bool:
        return self.resolver is not None or (self.session is not None and not self.session.closed)

    def answers_of(self, state: DocState | None) -> Answers:
        key = state.key if state is not None else None
        return self.answers.setdefault(key, Answers())

    def config_for(self, uri: str) -> tuple[Config, str | None]:
        """The config of the document's project, and why it could not be used (then defaults).

        Reads files only: safe to run in a worker thread.
        """
        path = uris.to_fs_path(uri)
        if path is None:  # untitled: and other non-file documents: the workspace's config
            try:
                path = self.workspace.root_path
            except RuntimeError:
                path = None
        try:
            return discover([path or str(Path.cwd())]), None
        except ConfigError as exc:
            return Config(), f"citecheck: {exc}; using the default settings"
        except OSError as exc:
            return Config(), f"citecheck: cannot look for a config file ({exc}); using defaults"

    def warn_config(self, message: str) -> None:
        """Show a config problem once per session (it comes back on every run otherwise)."""
        if message in self.warned_config:
            return
        self.warned_config.add(message)
        log.warning("%s", message)
        self.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=message)
        )

    def shutdown(self) -> None:
        """Stop resolving and close the session's resolvers (shutdown, exit, end of input)."""
        for state in self.docs.values():
            if state.resolving is not None and not state.resolving.done():
                state.resolving.cancel()
        if self.session is not None:
            self.session.close()

    def lookup(self, state: DocState | None, ident: str) -> Resolved | None:
        return self.answers_of(state).lookup(ident)

    def current(self, uri: str) -> tuple[DocState, CheckResult, LineIndex] | None:
        """State of `uri` with a parse of its *current* text (recomputed if a run is pending)."""
        state = self.docs.get(uri)
        if state is None or uri not in self.workspace.text_documents:
            return None
        text = self.workspace.get_text_document(uri).source
        if state.result is None or state.index is None or state.text != text:
            return state, check(text), LineIndex(text, self.encoding)
        return state, state.result, state.index

    def publish(self, state: DocState) -> None:
        if state.result is None or state.index is None:
            return
        diags = build_diagnostics(state.result, self.answers_of(state).known, state.index)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=state.uri, diagnostics=diags, version=state.version)
        )

    # -- scheduling --

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the check of `uri`; a pending run for an older version is cancelled."""
        state = self.docs.setdefault(uri, DocState(uri))
        if state.checking is not None and not state.checking.done():
            state.checking.cancel()
        state.checking = asyncio.get_running_loop().create_task(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        state = self.docs.get(uri)
        if state is None or uri not in self.workspace.text_documents:
            return  # closed, or changed without being opened: never read files from disk
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        try:
            result = await asyncio.to_thread(check, text)
            index = LineIndex(text, self.encoding)
        except Exception as exc:  # never let one document take the server down
            log.exception("check failed for %s", uri)
            self.window_log_message(
                lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"citecheck: {exc!r}")
            )
            return
        if self.docs.get(uri) is not state:  # closed meanwhile
            return
        state.text, state.version, state.result, state.index = text, version, result, index
        self.runs += 1
        self.publish(state)
        if self.resolving_enabled:
            if state.resolving is not None and not state.resolving.done():
                state.resolving.cancel()
            state.resolving = asyncio.get_running_loop().create_task(self._resolve(state, text))

    async def _resolve(self, state: DocState, text: str) -> None:
        """Resolve the ids not answered yet this session, then republish."""
        if state.result is None:
            return
        ids = ids_to_resolve(state.result.citations)
        if not ids:
            return
        overrides: dict[str, Any] = {}
        if self.resolver is None:
            if self.session is None or self.session.closed:
                return
            config, problem = await asyncio.to_thread(self.config_for, state.uri)
            if problem:
                self.warn_config(problem)
            overrides = resolver_overrides(config, self.options.offline)
            key = _key(overrides)
            if key != state.key:  # first run, or the config changed: other answers apply
                state.key = key
                self.publish(state)
        store = self.answers_of(state)
        now = time.monotonic()
        todo = [
            i
            for i in ids
            if i not in store.known and store.unverified.get(i, (0.0, None))[0] <= now
        ]
        if not todo:
            return
        if self.resolver is None and self.session is not None:
            at_once = self.session.from_index(todo, overrides)  # no network: shown at once
            for ident, res in at_once.items():
                store.known[ident] = res
                store.unverified.pop(ident, None)
            todo = [i for i in todo if i not in at_once]
            if at_once and self.docs.get(state.uri) is state and state.text == text:
                self.publish(state)
            if not todo:
                return
        try:
            if self.resolver is not None:
                answers = await self.resolver(todo)
            else:
                assert self.session is not None
                answers = await self.session.resolve(todo, overrides)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("resolution failed")
            answers = {i: {"status": "unverified", "reason": repr(exc)} for i in todo}
        unverified: list[Resolved] = []
        for ident, data in answers.items():
            res = policy.as_resolution(ident, data)
            if res.status == "unverified":
                store.unverified[ident] = (time.monotonic() + UNVERIFIED_RETRY_SECONDS, res)
                unverified.append(res)
            else:
                store.known[ident] = res
                store.unverified.pop(ident, None)
        if unverified and not self.warned_unverified:
            self.warned_unverified = True
            reason = unverified[0].reason or "no answer"
            self.window_show_message(
                lsp.ShowMessageParams(
                    type=lsp.MessageType.Info,
                    message=(
                        f"citecheck could not verify {len(unverified)} citation(s) online "
                        f"(e.g. {_value(unverified[0].id)}: {reason}). Offline checks still "
                        "run; this message is shown once per session."
                    ),
                )
            )
        if self.docs.get(state.uri) is state and state.text == text:
            self.publish(state)

    def close(self, uri: str) -> None:
        state = self.docs.pop(uri, None)
        if state is not None:
            for task in (state.checking, state.resolving):
                if task is not None and not task.done():
                    task.cancel()
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    # -- requests --

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        found = self.current(params.text_document.uri)
        if found is None:
            return []
        state, result, index = found
        lo, hi = index.offset(params.range.start), index.offset(params.range.end)
        doc = self.workspace.get_text_document(state.uri)
        actions: list[lsp.CodeAction] = []
        for f in result.findings:
            if f.fix is None or f.end < lo or f.start > hi:
                continue
            edit = self._edit(
                state.uri, doc.version, index, f.fix.start, f.fix.end, f.fix.replacement
            )
            actions.append(
                lsp.CodeAction(
                    title=f.fix.description,
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[finding_diagnostic(f, index)],
                    edit=edit,
                    is_preferred=True,
                )
            )
        known = self.answers_of(state).known
        for c in result.citations:
            res = known.get(c.id)
            if res is None or res.status != "not_found" or not _asked(c):
                continue
            if c.end < lo or c.start > hi:
                continue
            symbol = _value(c.id)
            if not symbol or not c.text.startswith(symbol):
                continue  # the id is not spelled out as written: no safe replacement
            for suggestion in res.suggestions:
                if suggestion.partition(":")[0] != c.scheme:
                    continue
                edit = self._edit(
                    state.uri,
                    doc.version,
                    index,
                    c.start,
                    c.start + len(symbol),
                    _value(suggestion),
                )
                actions.append(
                    lsp.CodeAction(
                        title=f"replace with {_value(suggestion)} (a document that exists)",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[not_found_diagnostic(c, res, index)],
                        edit=edit,
                    )
                )
        return actions

    def _edit(
        self, uri: str, version: int | None, index: LineIndex, start: int, end: int, new: str
    ) -> lsp.WorkspaceEdit:
        """A WorkspaceEdit, versioned when the client supports `documentChanges`."""
        text_edit = lsp.TextEdit(range=index.range(start, end), new_text=new)
        caps = self.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        if versioned:
            return lsp.WorkspaceEdit(
                document_changes=[
                    lsp.TextDocumentEdit(
                        text_document=lsp.OptionalVersionedTextDocumentIdentifier(
                            uri=uri, version=version
                        ),
                        edits=[text_edit],
                    )
                ]
            )
        return lsp.WorkspaceEdit(changes={uri: [text_edit]})

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        found = self.current(params.text_document.uri)
        if found is None:
            return None
        state, result, index = found
        hits = citations_at(result.citations, index.offset(params.position))
        if not hits:
            return None
        parts = [hover_markdown(c, self.lookup(state, c.id) if _asked(c) else None) for c in hits]
        first, last = min(c.start for c in hits), max(c.end for c in hits)
        return lsp.Hover(
            contents=lsp.MarkupContent(
                kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            ),
            range=index.range(first, last),
        )

    def links(self, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
        found = self.current(params.text_document.uri)
        if found is None:
            return []
        _, result, index = found
        out: list[lsp.DocumentLink] = []
        for c in _link_citations(result.citations):
            target = human_link(c.id)
            if target:
                out.append(
                    lsp.DocumentLink(range=index.range(c.start, c.end), target=target, tooltip=c.id)
                )
        return out


def _link_citations(citations: Sequence[Citation]) -> Iterator[Citation]:
    """One link per span: ranges expand to several ids over the same text; link the first."""
    seen: set[tuple[int, int]] = set()
    for c in citations:
        if c.short_form or (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        yield c


def make_server(options: ServerOptions | None = None) -> CitecheckServer:
    """A new server with every feature registered (a fresh one per test or session)."""
    server = CitecheckServer(options)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: CitecheckServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: CitecheckServer, params: None) -> None:
        ls.shutdown()

    @server.feature(lsp.EXIT)
    def exit_(ls: CitecheckServer, params: None) -> None:
        ls.shutdown()  # an exit without shutdown still closes the cache

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CitecheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CitecheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.options.debounce_ms / 1000)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CitecheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CitecheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: CitecheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: CitecheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_LINK, lsp.DocumentLinkOptions())
    def document_link(
        ls: CitecheckServer, params: lsp.DocumentLinkParams
    ) -> list[lsp.DocumentLink]:
        return ls.links(params)

    return server


def main(options: ServerOptions | None = None) -> None:
    """Serve on stdio until the client says exit; logs go to stderr, never stdout."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    server = make_server(options)
    try:
        server.start_io()
    finally:  # the client vanished without shutdown/exit: still close the cache
        server.shutdown()


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk LSP on stdin/stdout (the default and only mode).")
@click.option("--offline", is_flag=True, help="Resolve from the cache only; no network.")
@click.option("--no-resolve", is_flag=True, help="Offline findings only (no resolution at all).")
def lsp_command(stdio: bool, offline: bool, no_resolve: bool) -> None:
    """Run the citecheck language server on stdio (for editors)."""
    main(ServerOptions(offline=offline, resolver="none" if no_resolve else "auto"))


if __name__ == "__main__":
    main()
