"""The pygls server: per-document state, scheduling of checks, resolution, requests.

Offline findings are published as soon as a document is opened or saved, and
`debounce_ms` after the last change.  Checks run on ONE worker thread, so a burst of
changes never piles up threads: each document keeps a generation number, a queued check for
an older generation is skipped before it starts, a check that finishes after a newer change
is published moved onto the newest text (below), and a version older than one already
published is never published.  The latest version is therefore diagnosed as soon as the
running check (if any) ends.  Resolution then
runs on the event loop (the local index answers at once, the sources after) and the
diagnostics are republished with the seam's RS findings.

Requests (hover, links, code actions) never wait behind a check: after a change they are
answered from the newest completed check, each citation or finding kept when no edit since
may change what the check read for it (every edit starts far enough after it: see `reuse`),
and left out otherwise (the check of the new text brings it).  A check that ends after a
newer change is published the same way onto the newest text, so the diagnostics keep up
while the user types.  Quick fixes come only from a check of the current text.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import sys
import time
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import attrs
import click
from attrs import evolve
from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from citecheck import __version__
from citecheck.config import Config, ConfigError, discover
from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult, check
from citecheck.resolve import policy
from citecheck.resolve.policy import human_link, resolvable

from .diagnostics import (
    Resolved,
    build_diagnostics,
    citations_at,
    finding_diagnostic,
    hover_markdown,
    id_value,
    ids_to_resolve,
    link_citations,
    not_found_diagnostic,
    shown_findings,
    with_neighbour_hints,
)
from .options import ServerOptions, option_problems
from .positions import LineIndex, TextChange, encoding_name
from .reuse import REUSE_MARGIN, cached_reuse_limit
from .session import (
    UNVERIFIED_RETRY_SECONDS,
    Answers,
    SessionResolvers,
    resolver_overrides,
    settings_key,
    untrusted_config_message,
)

log = logging.getLogger(__name__)


#: Changes remembered per document; a check older than these is seen through one change
#: spanning all the edits since (coarser: more citations count as changed)
EDIT_LOG = 256


def text_key(text: str) -> tuple[int, int]:
    """A text's key in the edit log (the hash of a str is computed once and kept)."""
    return len(text), hash(text)


class Superseded(Exception):
    """A queued check whose document changed again before it started: skipped."""


@attrs.define
class DocState:
    """What the server knows about one open document (`key`: whose answers apply to it).

    `generation` counts the changes scheduled; `text`/`version`/`result`/`index` are those of
    the last check that completed for the latest generation, `published` the newest version
    sent to the client.
    """

    uri: str
    version: int | None = None
    text: str = ""
    index: LineIndex | None = None
    result: CheckResult | None = None
    config: Config | None = None
    path: str | None = None
    generation: int = 0
    published: int | None = None
    checking: asyncio.Task[None] | None = None
    #: the generation whose check the worker has started (set on the worker): a started
    #: check is let finish (`finishing`) and published moved onto the newer text
    started: int = 0
    finishing: asyncio.Task[None] | None = None
    resolving: asyncio.Task[None] | None = None
    key: Hashable = None
    #: the newest parse made of this document, set on the worker thread (one assignment of
    #: an immutable pair, so the event loop reads a consistent one): requests answer from it,
    #: and a check of the same text reuses it
    latest: Parsed | None = None
    #: the text as last received, and each change received since (the key of the text it
    #: was made from, and the change), the newest last and at most `EDIT_LOG`: they place a
    #: completed check's citations in the text typed since
    seen: str = ""
    edits: list[tuple[tuple[int, int], TextChange]] = attrs.Factory(list)


@attrs.frozen(slots=True)
class Parsed:
    """A document's last completed check: the parse and the line index of its text."""

    result: CheckResult
    index: LineIndex


@attrs.frozen(slots=False)  # slots=False: `limit` is a cached property
class View:
    """What a request sees of a document: the newest completed parse, the current text's
    line index, and the changes made from the parse's text to it (none: the same text).

    What the parse says of a citation is kept only where nothing it may have read changed
    (see `reuse`): the citation ends `REUSE_MARGIN` before `limit`, where the first edit since
    starts; it then stands where it stood."""

    state: DocState
    result: CheckResult
    parsed_text: str
    index: LineIndex
    changes: tuple[TextChange, ...] = ()

    @functools.cached_property
    def limit(self) -> int:
        """Computed when first asked (a request answered without the parse never pays)."""
        if not self.changes:
            return len(self.index.text)
        return cached_reuse_limit(
            self.parsed_text, self.index.text, self.changes, self.result.citations
        )

    def moved(self, start: int, end: int) -> tuple[int, int] | None:
        """The parse's span in the current text, or None where an edit since may change what
        the parse says of it (an edit before it or within `REUSE_MARGIN` after it)."""
        if not self.changes:
            return start, end
        if end + REUSE_MARGIN > self.limit:
            return None
        if self.parsed_text[start : end + 1] != self.index.text[start : end + 1]:
            return None  # a safeguard: what the log says is still there must be there
        return start, end

    def parsed_offset(self, offset: int) -> int | None:
        """The parse's offset of a current offset; None from the first edit since on."""
        return offset if not self.changes or offset < self.limit else None

    def citation(self, c: Citation) -> Citation | None:
        """`c` in the current text, if no edit since may change what the parse says of it."""
        span = self.moved(c.start, c.end)
        return None if span is None else evolve(c, start=span[0], end=span[1])

    def finding(self, f: Finding) -> Finding | None:
        """`f` (and its fix) in the current text, if no edit since may change them."""
        span = self.moved(f.start, f.end)
        if span is None:
            return None
        fix = f.fix
        if fix is not None:
            fix_span = self.moved(fix.start, fix.end)
            if fix_span is None:
                return None
            fix = evolve(fix, start=fix_span[0], end=fix_span[1])
        return evolve(f, start=span[0], end=span[1], fix=fix)


@attrs.frozen(slots=True)
class Checked:
    """One completed check of one text: the parse and the config that filters it."""

    result: CheckResult
    index: LineIndex
    config: Config
    path: str | None
    problem: str | None


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
        self.resolver: Any = None  # RESOLVER_FACTORY's function, if any
        self.session: SessionResolvers | None = None  # the session's Resolver(s)
        self.warned_unverified = False
        self.warned_config: set[str] = set()
        self.runs = 0  # offline checks published (for tests and logs)
        self.stopping = False
        self.worker = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="citecheck-check"
        )

    # -- helpers --

    @property
    def encoding(self) -> str:
        try:
            return encoding_name(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)
        except RuntimeError:  # workspace not initialised yet
            return encoding_name(lsp.PositionEncodingKind.Utf16)

    def document(self, uri: str) -> TextDocument | None:
        """The open document `uri` names, or None when it is not open.

        Found through pygls's own accessor, so a URI matches as pygls matches it (it decodes
        %-escapes: `R%C3%A9sum%C3%A9%20x` names the document opened as `Résumé x`).  That
        accessor makes a document from the file on disk when none is open; such a document
        is not ours (a file is never read instead of what the editor holds)."""
        doc = self.workspace.get_text_document(uri)
        return doc if any(d is doc for d in self.workspace.text_documents.values()) else None

    def configure(self, init_options: Any) -> None:
        """Apply initializationOptions and pick the resolution layer (hook first).

        No `Resolver` is made here: the first resolution makes it, with the settings of the
        document's config file.
        """
        import citecheck.lsp as hooks

        self.options = self.options.merged(init_options)
        for problem in option_problems(init_options):
            self.warn_config(f"citecheck: {problem}")
        if hooks.RESOLVER_FACTORY is not None:
            self.resolver = hooks.RESOLVER_FACTORY(self.options)
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

    def config_for(self, uri: str) -> tuple[Config, str | None, str | None]:
        """(config of the document's project, the document's path, why the config could not be
        used (then defaults)).  Reads files only: safe to run in a worker thread."""
        path = uris.to_fs_path(uri)
        where = path
        if where is None:  # untitled: and other non-file documents: the workspace's config
            try:
                where = self.workspace.root_path
            except RuntimeError:
                where = None
        try:
            return discover([where or str(Path.cwd())]), path, None
        except ConfigError as exc:
            return Config(), path, f"citecheck: {exc}; using the default settings"
        except OSError as exc:
            return (
                Config(),
                path,
                f"citecheck: cannot look for a config file ({exc}); using defaults",
            )

    def warn_config(self, message: str, kind: lsp.MessageType = lsp.MessageType.Warning) -> None:
        """Show a config problem once per session (it comes back on every run otherwise),
        in the editor's window and its log."""
        if message in self.warned_config:
            return
        self.warned_config.add(message)
        log.warning("%s", message)
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def _tell_index_problems(self) -> None:
        """An unusable index costs every answer it would have given: say so once, in the
        window (not only in the server's log)."""
        if self.session is not None:
            for problem in self.session.problems():
                self.warn_config(f"citecheck: {problem}")

    def shutdown(self) -> None:
        """Stop checking and resolving and close the session's resolvers (shutdown, exit, end
        of input); queued checks are dropped, a running one is not waited for."""
        for state in self.docs.values():
            for task in (state.checking, state.finishing, state.resolving):
                if task is not None and not task.done():
                    task.cancel()
        self.stopping = True
        self.worker.shutdown(wait=False, cancel_futures=True)
        if self.session is not None:
            self.session.close()

    def lookup(self, state: DocState | None, ident: str) -> Resolved | None:
        return self.answers_of(state).lookup(ident)

    async def view(self, uri: str, wait: bool = True) -> View | None:
        """What a request about `uri` answers from, at once: the newest completed parse of
        the document, seen through the change made since (never on the event loop, which
        would stall every other message, and never behind a running check, which may take
        tens of seconds on a large document).  Only a document never checked yet waits
        for its first check (on the worker: a `$/cancelRequest` ends the wait); with
        `wait=False` it gets None at once."""
        doc = self.document(uri)
        state = None if doc is None else self.docs.get(doc.uri)
        if doc is None or state is None:
            return None
        text = doc.source
        encoding = self.encoding
        # `latest` is set on the worker thread; one read gives a consistent parse
        candidates = [state.latest]
        if state.result is not None and state.index is not None:
            candidates.append(Parsed(state.result, state.index))
        usable = [p for p in candidates if p is not None and p.index.encoding == encoding]
        for parsed in usable:
            if parsed.index.text == text:
                return View(state, parsed.result, text, parsed.index)
        if usable:  # the newest first
            parsed = usable[0]
            return View(
                state,
                parsed.result,
                parsed.index.text,
                LineIndex(text, encoding),
                self.changes_since(state, parsed.index.text, text),
            )
        if self.stopping or not wait:
            return None
        loop = asyncio.get_running_loop()
        parsed = await loop.run_in_executor(
            self.worker, self._parse_in_worker, state, text, encoding
        )
        doc = self.document(uri)
        if doc is None or self.docs.get(doc.uri) is not state:
            return None  # closed meanwhile
        now = doc.source
        if parsed.index.text == now:
            return View(state, parsed.result, now, parsed.index)
        changes = self.changes_since(state, parsed.index.text, now)
        return View(state, parsed.result, parsed.index.text, LineIndex(now, encoding), changes)

    def received(self, uri: str, opened: bool = False) -> None:
        """Log the change from the text last received to the document's current one."""
        doc = self.document(uri)
        if doc is None:
            return
        if opened:  # opened again under another spelling: the old key's state is an orphan
            orphans = [
                s for s in self.docs.values() if s.uri != doc.uri and self.document(s.uri) is doc
            ]
            self._forget(orphans)
        state = self.docs.setdefault(doc.uri, DocState(doc.uri))
        text = doc.source
        if opened:
            state.edits.clear()
        elif state.seen != text:
            state.edits.append((text_key(state.seen), TextChange(state.seen, text)))
            del state.edits[:-EDIT_LOG]
        state.seen = text

    @staticmethod
    def changes_since(state: DocState, old: str, new: str) -> tuple[TextChange, ...]:
        """The logged changes from `old` to `new` (the current text); one change spanning
        them all when `old` is no longer in the log."""
        if new == state.seen:
            key = text_key(old)
            for at in range(len(state.edits) - 1, -1, -1):
                if state.edits[at][0] == key:
                    return tuple(change for _, change in state.edits[at:])
        return (TextChange(old, new),)

    def _parse_in_worker(self, state: DocState, text: str, encoding: str) -> Parsed:
        """The parse of `text`: the newest one made of this document when it is of this very
        text, else a new check. Why: after a change an editor asks for links, code actions
        and hovers before the check of the change has run; each used to check the same text
        again. The one worker runs these jobs in turn, so the first checks and the others
        reuse its parse."""
        latest = state.latest
        if latest is not None and latest.index.text == text and latest.index.encoding == encoding:
            return latest
        parsed = Parsed(run_check(text), LineIndex(text, encoding))
        state.latest = parsed
        return parsed

    def publish(self, state: DocState) -> None:
        """Send the diagnostics of the state's text; never a version older than one sent."""
        if state.result is None or state.index is None:
            return
        newer = state.published is not None and state.version is not None
        if newer and state.version < state.published:  # type: ignore[operator]
            return
        diags = build_diagnostics(
            state.result, self.answers_of(state).known, state.index, state.config, state.path
        )
        state.published = state.version
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=state.uri, diagnostics=diags, version=state.version)
        )

    def publish_moved(self, state: DocState, done: Checked, text: str) -> None:
        """Publish the diagnostics of a check of `text`, which has been changed since, moved
        onto the current text; only those ending far enough before the first edit since are
        kept (`reuse.reuse_limit`), the others left out.  Why: on a large document typed in,
        every check ends after a newer change; dropping them all showed nothing new until the
        typing stopped."""
        doc = self.document(state.uri)
        if doc is None:
            return
        published, version = state.published, doc.version
        if version is not None and published is not None and version < published:
            return
        now = LineIndex(doc.source, done.index.encoding)
        view = View(state, done.result, text, now, self.changes_since(state, text, doc.source))
        moved: list[lsp.Diagnostic] = []
        diags = build_diagnostics(
            done.result, self.answers_of(state).known, done.index, done.config, done.path
        )
        for diag in diags:
            start, end = done.index.offset(diag.range.start), done.index.offset(diag.range.end)
            span = view.moved(start, end)
            if span is not None:
                moved.append(evolve(diag, range=now.range(*span)))
        state.published = doc.version
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=state.uri, diagnostics=moved, version=doc.version)
        )

    # -- scheduling --

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the check of `uri` for its newest text; older work is superseded."""
        doc = self.document(uri)
        if doc is None:
            return  # changed or saved without being opened: never read files from disk
        uri = doc.uri  # the URI it was opened with: its state's key, what is published for
        state = self.docs.setdefault(uri, DocState(uri))
        state.generation += 1
        running = state.checking
        if running is not None and not running.done():
            if state.started == state.generation - 1:  # on the worker: let it finish
                if state.finishing is not None and not state.finishing.done():
                    state.finishing.cancel()
                state.finishing = running
            else:
                running.cancel()  # a queued (or debounced) check is dropped
        state.checking = asyncio.get_running_loop().create_task(
            self._check(uri, state.generation, delay)
        )

    def _check_in_worker(
        self, state: DocState, generation: int, text: str, last: Parsed | None
    ) -> Checked:
        """The worker thread's job: skipped if the document changed while it was queued.

        The parse of the last completed check is kept when the text is the same (a save, a
        change undone before the check ran): the check is a pure function of the text; the
        config, which may have changed on disk, is read again."""
        if state.generation != generation:
            raise Superseded
        config, path, problem = self.config_for(state.uri)
        if state.generation != generation:
            raise Superseded
        state.started = generation
        encoding = self.encoding
        if last is not None and last.index.text == text and last.index.encoding == encoding:
            return Checked(last.result, last.index, config, path, problem)
        parsed = self._parse_in_worker(state, text, encoding)
        return Checked(parsed.result, parsed.index, config, path, problem)

    async def _check(self, uri: str, generation: int, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        doc = self.document(uri)
        state = self.docs.get(uri)
        if doc is None or state is None:
            return  # closed, or changed without being opened: never read files from disk
        text, version = doc.source, doc.version
        loop = asyncio.get_running_loop()
        if self.stopping:
            return
        # read here, on the event loop, which alone sets them: a consistent pair
        last = (
            None
            if state.result is None or state.index is None
            else Parsed(state.result, state.index)
        )
        try:
            done = await loop.run_in_executor(
                self.worker, self._check_in_worker, state, generation, text, last
            )
        except Superseded:
            return  # a newer change is (or will be) checked
        except Exception as exc:  # never let one document take the server down
            log.exception("check failed for %s", uri)
            self.window_log_message(
                lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"citecheck: {exc!r}")
            )
            return
        if self.docs.get(uri) is not state:
            return  # closed meanwhile
        if state.generation != generation:
            # finished after a newer change: its findings, where the text is still the same,
            # are fresher than those shown; the newest text's check follows
            self.publish_moved(state, done, text)
            return
        if done.problem:
            self.warn_config(done.problem)
        untrusted = untrusted_config_message(done.config) if self.session is not None else None
        if untrusted:  # as `citecheck check` warns: ignored, and the user is told once
            self.warn_config(untrusted)
        state.text, state.version = text, version
        state.result, state.index = done.result, done.index
        state.config, state.path = done.config, done.path
        self.runs += 1
        self.publish(state)
        if self.resolving_enabled:
            if state.resolving is not None and not state.resolving.done():
                state.resolving.cancel()
            state.resolving = loop.create_task(self._resolve(state, text))

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
            overrides = resolver_overrides(state.config or Config(), self.options.offline)
            if self.session.index_changed(overrides):
                self.answers.pop(settings_key(overrides), None)  # the old index's answers
            key = settings_key(overrides)
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
            self._tell_index_problems()
            for ident, res in at_once.items():
                store.known[ident] = res
                store.unverified.pop(ident, None)
            todo = [i for i in todo if i not in at_once]
            if at_once and self._still_shows(state, text):
                self.publish(state)
            if not todo:
                return
        epoch = self.session.epoch if self.session is not None else 0
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
        if self.session is not None and self.session.epoch != epoch:
            # the index changed meanwhile: these answers may be the old index's; ask again
            # (answers from other sources are still remembered by the resolver)
            if self.docs.get(state.uri) is state and state.text == text:
                state.resolving = asyncio.get_running_loop().create_task(
                    self._resolve(state, text)
                )
            return
        self._tell_index_problems()
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
                        f"(e.g. {id_value(unverified[0].id)}: {reason}). Offline checks still "
                        "run; this message is shown once per session."
                    ),
                )
            )
        if self._still_shows(state, text):
            self.publish(state)

    def _still_shows(self, state: DocState, text: str) -> bool:
        """Is `text` still what the editor holds for the state's document?  Answers for an
        older text are not published over a newer one: their diagnostics would stand under
        changed words; the check of the newer text publishes them."""
        if self.docs.get(state.uri) is not state or state.text != text:
            return False
        doc = self.document(state.uri)
        return doc is not None and doc.source == text

    def close(self, uri: str) -> None:
        """Forget a closed document and clear its diagnostics.  pygls has already dropped it,
        so the states of documents it no longer holds are the closed ones (the client may
        spell the URI differently from its didOpen)."""
        closed = [s for s in self.docs.values() if self.document(s.uri) is None]
        self._forget(closed)
        if not closed:
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    def _forget(self, states: list[DocState]) -> None:
        """Drop these documents' states, stop their work and clear their diagnostics."""
        for state in states:
            del self.docs[state.uri]
            state.generation += 1  # a queued check of this document is skipped
            for task in (state.checking, state.finishing, state.resolving):
                if task is not None and not task.done():
                    task.cancel()
        for cleared in sorted({s.uri for s in states}):
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=cleared, diagnostics=[])
            )

    # -- requests --

    async def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        # only from a check of the current text, and at once: a fix moved from an older
        # check may no longer fit (its meaning can depend on words edited since), and the
        # editor asks again when the new check's diagnostics arrive
        view = await self.view(params.text_document.uri, wait=False)
        if view is None or view.changes:
            return []
        state, result, index = view.state, view.result, view.index
        lo, hi = index.offset(params.range.start), index.offset(params.range.end)
        doc = self.document(state.uri)
        if doc is None or doc.source != index.text or view.parsed_text != index.text:
            return []  # changed meanwhile: these edits would not fit
        actions: list[lsp.CodeAction] = []
        # fixes only for the findings the diagnostics show: none for one the configuration or
        # an inline marker silenced, or an answer withdrew
        shown = shown_findings(
            result, self.answers_of(state).known, index.text, state.config, state.path
        )
        placed = (view.finding(f) for f in shown if f.fix is not None)
        near = [f for f in placed if f is not None and lo <= f.end and f.start <= hi]
        if near:  # as `check --fix`: no fix inside Markdown code or comments
            from citecheck.fixes import markdown_code_spans, quoted_spans, unquoted_fixes

            # the editor's language id says Markdown too (an untitled or suffix-less file)
            markdown = doc.language_id == "markdown"
            quoted = (
                markdown_code_spans(index.text)
                if markdown
                else quoted_spans(state.path or state.uri, index.text)
            )
            near = list(unquoted_fixes(near, quoted))
        for f in near:
            if f.fix is None:
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
        # hints from the parse's own citations: they and their neighbours belong together
        known = with_neighbour_hints(result.citations, self.answers_of(state).known)
        for written in result.citations:
            res = known.get(written.id)
            if res is None or res.status != "not_found" or not resolvable(written):
                continue
            c = view.citation(written)
            if c is None or c.end < lo or c.start > hi:
                continue
            symbol = id_value(c.id)
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
                    id_value(suggestion),
                )
                actions.append(
                    lsp.CodeAction(
                        title=f"replace with {id_value(suggestion)} (a document that exists)",
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

    async def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        """The citations under the cursor; None where the text changed since the last check
        (not ContentModified: LSP keeps that error for results a change made useless while
        they were computed, and this one is computed for the current text)."""
        view = await self.view(params.text_document.uri)
        if view is None:
            return None
        state, result, index = view.state, view.result, view.index
        at = view.parsed_offset(index.offset(params.position))
        if at is None:
            return None
        written = citations_at(result.citations, at)
        hits = [view.citation(c) for c in written]
        if not hits or None in hits:
            return None  # nothing there, or a citation there was edited since
        answers = self.answers_of(state)
        known = with_neighbour_hints(result.citations, answers.known)
        placed = [c for c in hits if c is not None]
        parts = [
            hover_markdown(c, (known.get(c.id) or answers.lookup(c.id)) if resolvable(c) else None)
            for c in placed
        ]
        first, last = min(c.start for c in placed), max(c.end for c in placed)
        return lsp.Hover(
            contents=lsp.MarkupContent(
                kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            ),
            range=index.range(first, last),
        )

    async def links(self, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
        view = await self.view(params.text_document.uri)
        if view is None:
            return []
        out: list[lsp.DocumentLink] = []
        for c in link_citations(view.result.citations):
            target = human_link(c.id)
            span = view.moved(c.start, c.end) if target else None
            if target and span is not None:
                out.append(
                    lsp.DocumentLink(range=view.index.range(*span), target=target, tooltip=c.id)
                )
        return out


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
        ls.received(params.text_document.uri, opened=True)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CitecheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.received(params.text_document.uri)
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
    async def code_action(
        ls: CitecheckServer, params: lsp.CodeActionParams
    ) -> list[lsp.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: CitecheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return await ls.hover(params)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_LINK, lsp.DocumentLinkOptions())
    async def document_link(
        ls: CitecheckServer, params: lsp.DocumentLinkParams
    ) -> list[lsp.DocumentLink]:
        return await ls.links(params)

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


def run_check(text: str) -> CheckResult:
    """One full offline check (the seam tests count checks through)."""
    return check(text)
