"""The citecheck language server: citations checked while you write.

Modules: `options` (session settings), `positions` (offsets <-> LSP positions), `session`
(the session's resolvers and answers), `diagnostics` (what is shown: diagnostics, hover,
links), `server` (the pygls server and its scheduling).  Run it on stdio with
`python -m citecheck.lsp` (or `citecheck lsp`).  Importing this package imports pygls; the
CLI imports it only for `citecheck lsp`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from citecheck.resolve.policy import human_link

from .diagnostics import (
    NOT_FOUND_CODE,
    SOURCE,
    Resolved,
    build_diagnostics,
    citations_at,
    finding_diagnostic,
    hover_markdown,
    ids_to_resolve,
    md_link,
    md_text,
    not_found_diagnostic,
    not_found_message,
)
from .options import DEFAULT_DEBOUNCE_MS, ServerOptions
from .positions import LineIndex
from .session import (
    UNVERIFIED_RETRY_SECONDS,
    Answers,
    SessionResolvers,
    resolver_overrides,
    untrusted_config_message,
)

# `(ids) -> {id: Resolution or its JSON}`; what the server calls to resolve citations.
ResolveFunc = Callable[[list[str]], Awaitable[Mapping[str, Mapping[str, Any]]]]

# Tests running the server in-process may set this to replace the whole resolution layer
# (called once per session; its function then answers every document, no config is read).
RESOLVER_FACTORY: Callable[[ServerOptions], ResolveFunc | None] | None = None

# Tests may set this to wrap or replace `citecheck.resolve.Resolver` (called with Settings).
RESOLVER_CLASS: Callable[[Any], Any] | None = None

from .server import CitecheckServer, DocState, lsp_command, main, make_server  # noqa: E402

__all__ = [
    "DEFAULT_DEBOUNCE_MS",
    "NOT_FOUND_CODE",
    "RESOLVER_CLASS",
    "RESOLVER_FACTORY",
    "SOURCE",
    "UNVERIFIED_RETRY_SECONDS",
    "Answers",
    "CitecheckServer",
    "DocState",
    "LineIndex",
    "ResolveFunc",
    "Resolved",
    "ServerOptions",
    "SessionResolvers",
    "build_diagnostics",
    "citations_at",
    "finding_diagnostic",
    "hover_markdown",
    "human_link",
    "ids_to_resolve",
    "lsp_command",
    "main",
    "make_server",
    "md_link",
    "md_text",
    "not_found_diagnostic",
    "not_found_message",
    "resolver_overrides",
    "untrusted_config_message",
]
