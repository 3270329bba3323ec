"""What the editor shows: diagnostics, hover text, links (pure functions of a parse).

Diagnostics are the offline findings plus the resolution seam's RS findings
(`citecheck.resolve.policy`), filtered by the config's `select` / `ignore` /
`per-file-ignores` and the inline `citecheck: ignore[...]` markers exactly as
`citecheck check` filters its report.  Hover text is Markdown
built partly from what upstream sources said (titles, URLs): every such string is escaped
and only http(s) links are emitted, so a hostile title cannot inject links or HTML.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote, urlsplit

import regex
from lsprotocol import types as lsp

from citecheck.config import Config, code_selected
from citecheck.model import Citation, Finding, Severity
from citecheck.pipeline import CheckResult
from citecheck.resolve import policy
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.policy import human_link
from citecheck.suppress import filter_suppressed, suppressions

from .positions import LineIndex

SOURCE = "citecheck"
NOT_FOUND_CODE = "RS101"

#: What the editor shows of a resolution: the resolution itself (one shape from source to
#: diagnostic); JSON answers of a `RESOLVER_FACTORY` hook go through `policy.as_resolution`.
Resolved = Resolution

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def id_value(ident: str) -> str:
    return ident.partition(":")[2]


def not_found_message(res: Resolved) -> str:
    """RS101 text, as the CLI writes it (`policy.not_found_message`)."""
    return policy.not_found_message(res.id, res)


def ids_to_resolve(citations: Iterable[Citation]) -> list[str]:
    """Distinct ids of `citations` worth asking a source about, in text order."""
    return policy.ids_to_resolve(citations)


def with_neighbour_hints(
    citations: Sequence[Citation], known: Mapping[str, Resolved]
) -> dict[str, Resolved]:
    """`known` plus the "did you mean" ids that citations written side by side give
    (`policy.cited_together`); they depend on this text, so they are never stored."""
    return policy.add_neighbour_hints(known, policy.cited_together([citations]))


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


_LF = regex.compile(r"\n")


def _line_of(text: str) -> Callable[[int], int]:
    """1-based line of an offset, lines split on LF as the suppression markers count them."""
    starts = [0, *(m.end() for m in _LF.finditer(text))]
    return lambda offset: bisect.bisect_right(starts, offset)


def reported(
    findings: Iterable[Finding], config: Config | None, path: str | None, text: str
) -> list[Finding]:
    """The findings `config` reports for the file at `path` (ruff-style select/ignore), less
    those silenced by an inline marker on their line."""
    kept = list(findings)
    if config is not None:
        ignored = config.ignored_codes(path) if path else config.ignore
        kept = [f for f in kept if code_selected(f.code, config.select, ignored)]
    marks = suppressions(text)
    return filter_suppressed(kept, marks, _line_of(text)) if marks else kept


def shown_findings(
    result: CheckResult,
    known: Mapping[str, Resolved],
    text: str,
    config: Config | None = None,
    path: str | None = None,
) -> list[Finding]:
    """Offline findings no definite answer withdrew, then the seam's RS findings for definite
    answers (RS101 not found, RS103/RS104 EU act status), as `config` selects them for `path`
    and `text`'s inline markers leave them: what the diagnostics show, and the only findings
    a quick fix is offered for (never one the user silenced)."""
    definite = {i: r for i, r in known.items() if r.status is not Status.UNVERIFIED}
    found = [f for f in result.findings if policy.stands(f, definite)]
    if definite:
        hinted = with_neighbour_hints(result.citations, definite)
        found += policy.resolution_findings(result.citations, hinted)
    return reported(found, config, path, text)


def build_diagnostics(
    result: CheckResult,
    known: Mapping[str, Resolved],
    index: LineIndex,
    config: Config | None = None,
    path: str | None = None,
) -> list[lsp.Diagnostic]:
    """The diagnostics of `shown_findings`; unverified answers are told once by a message
    instead."""
    shown = shown_findings(result, known, index.text, config, path)
    return [finding_diagnostic(f, index) for f in shown]


# ---- hover ----------------------------------------------------------------------------------

# Inline markup (links, images, HTML, code, emphasis, tables); every hover line starts with a
# fixed label, so block markers (`#`, `-`, `1.`) at a line start cannot occur.
# Without `[`/`]` no link or image can open, so parentheses stay as written.
_MD_INLINE = regex.compile(r"([\\`*_\[\]<>|~&])")
# In upstream text also `:` (no scheme or bare autolink like `https://x` or `javascript:x`).
_MD_UPSTREAM = regex.compile(r"([\\`*_\[\]<>|~&:])")
_SPACE = regex.compile(r"\s+")


def md_text(text: str, upstream: bool = True) -> str:
    """`text` as inert Markdown on one line: every mark that could start inline markup
    (links, images, HTML, code, emphasis) backslash-escaped; for `upstream` text (what a
    source said) also `:`, so no autolink can form.  Citation ids keep their colons."""
    pattern = _MD_UPSTREAM if upstream else _MD_INLINE
    return str(pattern.sub(r"\\\1", _SPACE.sub(" ", text).strip()))


def md_link(url: str) -> str | None:
    """A Markdown link to `url` if it is http(s) with a host; None otherwise (never a
    `javascript:`, `data:` or `file:` link).  Characters that could end the link are quoted."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    target = quote(url.strip(), safe="/:?#[]@!$&'*+,;=%-._~")
    target = target.replace("(", "%28").replace(")", "%29").replace("[", "%5B").replace("]", "%5D")
    return f"[{md_text(url.strip())}]({target})"


def hover_markdown(citation: Citation, res: Resolved | None) -> str:
    """Id, kind, pinpoint, and what resolution said (title, date, link) when known."""
    kind = citation.kind.value.replace("_", " ")
    lines = [f"**{md_text(citation.id, upstream=False)}** ({kind})"]
    if citation.pinpoint:
        lines.append(f"Pinpoint: {md_text(str(citation.pinpoint), upstream=False)}")
    if citation.short_form:
        lines.append("Short form pointing back to an earlier citation.")
    if citation.ambiguous:
        lines.append("Ambiguous: more than one reading is possible.")
    if res is None:
        why = policy.unresolvable_reason(citation)
        lines.append(f"Not resolved: {why}." if why else "_Offline parse; not resolved yet._")
    else:
        if res.title:
            lines.append(f"Title: {md_text(res.title)}")
        if res.date:
            lines.append(f"Date: {md_text(res.date)}")
        status = res.status.value.replace("_", " ")
        reason = f" ({md_text(res.reason)})" if res.reason else ""
        lines.append(f"Status: {status}{reason}")
        if res.suggestions:
            shown = ", ".join(md_text(id_value(s) or s, upstream=False) for s in res.suggestions)
            lines.append("Did you mean: " + shown)
    link = None
    if res is not None and res.url:
        link = md_link(res.url)
    if link is None:
        own = human_link(citation.id)
        link = md_link(own) if own else None
    if link:
        lines.append(link)
    return "\n\n".join(lines)


def citations_at(citations: Sequence[Citation], offset: int) -> list[Citation]:
    """Citations whose span holds `offset` (the end counts: the cursor after a citation)."""
    return [c for c in citations if c.start <= offset <= c.end]


def link_citations(citations: Sequence[Citation]) -> Iterator[Citation]:
    """One link per span: ranges expand to several ids over the same text; link the first."""
    seen: set[tuple[int, int]] = set()
    for c in citations:
        if c.short_form or (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        yield c
