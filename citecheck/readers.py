"""Reading input files into text: the only place the command line touches file contents.

Bad input never stops a batch: an unreadable or binary file becomes an :class:`InputError`
with a message a person understands; invalid UTF-8 is repaired with U+FFFD and reported as a
CC101 finding so nothing is silently lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

from citecheck.model import Finding
from citecheck.rules import CORE_RULES

_INVALID_UTF8 = next(r for r in CORE_RULES if r.code == "CC101")

#: Largest file read whole; larger inputs need the streaming path (see benchmarks/README.md).
MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be checked at all (missing, unreadable, binary, too large)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@attrs.frozen(slots=True)
class SourceText:
    """The decoded text of one input and the findings decoding produced."""

    path: str
    text: str
    findings: tuple[Finding, ...] = ()


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (BOM tolerated); binary data is refused, bad bytes replaced."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (NUL bytes); not checked")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return SourceText(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.find("\ufffd")
        bad = max(bad, 0)
        finding = _INVALID_UTF8.finding(
            f"not valid UTF-8 (first bad byte at byte offset {exc.start}); undecodable bytes "
            "were replaced by U+FFFD",
            bad,
            min(bad + 1, len(text)),
        )
        return SourceText(path, text, (finding,))


def read_source(path: str) -> SourceText:
    """Read one path, or standard input for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError("<stdin>", f"input larger than {MAX_INPUT_BYTES} bytes")
        return decode(data, "<stdin>")
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(path, "is a directory")
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(path, f"file of {size} bytes is larger than {MAX_INPUT_BYTES}")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, path)
