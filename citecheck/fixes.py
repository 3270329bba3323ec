"""Applying safe fixes: ``check --fix`` (in place, atomically) and ``check --diff``.

Safety rules: only non-overlapping fixes (the first in text order wins); only files read as
plain text that decoded as clean UTF-8 (never a file with CC101 replacements, never an
extracted HTML/DOCX/PDF text); only when the bytes on disk are still those that were read
(SHA-256 compared just before writing); written to a temporary file in the same directory,
fsynced, then ``os.replace``d over the original with its mode kept. Offsets are code points of
the decoded text, which was decoded without newline translation, so line endings are kept;
a byte order mark is part of the text (U+FEFF) and is written back as it is. A symlink is
followed: its target is rewritten and the link stays a link.
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from citecheck.model import Finding, Fix
from citecheck.readers import SourceText


class Outcome(str, enum.Enum):
    """What ``--fix`` did to one file."""

    WRITTEN = "written"
    NOTHING = "nothing to fix"
    CHANGED = "changed on disk since it was read; not written"
    NOT_CLEAN = "not valid UTF-8 (CC101); not rewritten"
    UTF16 = "UTF-16 text, not UTF-8; not rewritten"
    UTF32 = "UTF-32 text, not UTF-8; not rewritten"
    EXTRACTED = "text was extracted from another format; not rewritten"
    STDIN = "standard input cannot be fixed in place (use --diff to see the fixes)"
    FAILED = "could not be written"


def select_fixes(findings: Iterable[Finding], text_length: int) -> list[Fix]:
    """The fixes to apply: in text order, duplicates merged, overlapping ones skipped."""
    fixes = sorted(
        {f.fix for f in findings if f.fix is not None},
        key=lambda x: (x.start, x.end, x.replacement),
    )
    chosen: list[Fix] = []
    for fix in fixes:
        if not 0 <= fix.start <= fix.end <= text_length:
            continue
        if chosen and fix.start < chosen[-1].end:
            continue
        if chosen and fix.start == fix.end == chosen[-1].end == chosen[-1].start:
            continue  # two insertions at one point: order would be a guess
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """``text`` with non-overlapping, sorted ``fixes`` applied."""
    out: list[str] = []
    pos = 0
    for fix in fixes:
        out.append(text[pos : fix.start])
        out.append(fix.replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _lines(text: str) -> list[str]:
    """Lines ended by ``\n`` only (``str.splitlines`` also splits on FF, lone CR, U+2028...,
    which ``patch`` and ``git apply`` do not), ends kept."""
    return _LINE.findall(text)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff (``a/path`` -> ``b/path``, keeping CR LF); empty when nothing changes."""
    if old == new:
        return ""
    lines = difflib.unified_diff(
        _lines(old),
        _lines(new),
        fromfile=path if path.startswith("/") else f"a/{path}",
        tofile=path if path.startswith("/") else f"b/{path}",
    )
    text = ""
    for line in lines:
        text += line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
    return text


def fixable(source: SourceText) -> Outcome | None:
    """Why a file must not be rewritten, or None when it may be."""
    if source.path == "<stdin>":
        return Outcome.STDIN
    if source.extracted:
        return Outcome.EXTRACTED
    if source.encoding.startswith("utf-16"):
        return Outcome.UTF16
    if source.encoding.startswith("utf-32"):
        return Outcome.UTF32
    if not source.clean_utf8:
        return Outcome.NOT_CLEAN
    return None


def write_fixed(source: SourceText, new_text: str) -> Outcome:
    """Atomically replace the file with ``new_text`` if it is unchanged since it was read."""
    refusal = fixable(source)
    if refusal is not None:
        return refusal
    if new_text == source.text:
        return Outcome.NOTHING
    path = Path(os.path.realpath(source.path))  # the target of a symlink, not the link
    try:
        current = path.read_bytes()
        if hashlib.sha256(current).hexdigest() != source.digest:
            return Outcome.CHANGED
        mode = stat.S_IMODE(path.stat().st_mode)
        data = new_text.encode("utf-8")  # a BOM, if any, is U+FEFF in the text
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return Outcome.FAILED
    return Outcome.WRITTEN
