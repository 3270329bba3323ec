"""Inline suppression: ``citecheck: ignore[CODE,...]`` (or bare ``citecheck: ignore``).

The marker must sit in a comment on the line of the finding: ``<!-- ... -->`` (Markdown,
HTML; the HTML reader keeps such comments in the extracted text), or a ``#`` / ``//`` comment
in plain text. Codes are prefixes, as in ``--ignore``; a bare marker silences every code.
A malformed marker (``ignore[UN999`` without ``]``, ``ignored``, ``ignore-later``) silences
nothing: taking it for a bare marker would hide every finding on the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from citecheck.families.base import compile_pattern
from citecheck.model import Finding

# A comment opener, then at most 200 characters on the same line, then the marker.
_MARKER = compile_pattern(
    r"""
    (?: <!-- | \# | // ) [^\n]{0,200}?
    citecheck: [ \t]{0,5} ignore
    (?: \[ (?P<codes> [A-Za-z0-9_, \t]{0,200} ) \] | (?! [\w\[-] ) )
    """
)

#: line number (1-based) -> code prefixes suppressed there; ``None`` means every code
Suppressions = Mapping[int, frozenset[str] | None]


def suppressions(
    text: str, line_of: Callable[[int], int] | None = None
) -> dict[int, frozenset[str] | None]:
    """Every suppression marker of a text, by line (one pass). ``line_of`` gives the line of
    an offset when it is not the text's own (an HTML page's line, not the extracted text's:
    a closing ``</p>`` breaks the extracted line but not the page's)."""
    if "citecheck:" not in text:
        return {}
    out: dict[int, frozenset[str] | None] = {}
    line = 1
    last = 0
    for m in _MARKER.finditer(text):
        if line_of is None:
            line += text.count("\n", last, m.start())
            last = m.start()
        else:
            line = line_of(m.start())
        codes = m.group("codes")
        if codes is None:
            out[line] = None
            continue
        found = frozenset(c.strip().upper() for c in codes.split(",") if c.strip())
        previous = out.get(line, frozenset())
        out[line] = None if previous is None else previous | found
    return out


def is_suppressed(code: str, line: int, marks: Suppressions) -> bool:
    if line not in marks:
        return False
    codes = marks[line]
    return codes is None or any(code.upper().startswith(c) for c in codes)


def filter_suppressed(
    findings: Iterable[Finding], marks: Suppressions, line_of: Callable[[int], int]
) -> list[Finding]:
    """Drop findings whose start line carries a matching marker."""
    if not marks:
        return list(findings)
    return [f for f in findings if not is_suppressed(f.code, line_of(f.start), marks)]
