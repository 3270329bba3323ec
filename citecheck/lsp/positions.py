"""Code-point offsets <-> LSP positions.

Offsets in citecheck are code points of the text; LSP positions are counted in the
negotiated encoding (UTF-16 by default, UTF-8/UTF-32 when the client offers them).  Lines
are split on LSP's terminators only (CR LF, CR, LF): pygls' own helpers use
`str.splitlines`, which also splits on form feeds and U+2028 that PDF extraction leaves in
texts, so the server syncs full documents and converts positions itself.
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Any

import regex
from lsprotocol import types as lsp

_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


def encoding_name(encoding: Any) -> str:
    """'utf-16' etc.; `str()` of lsprotocol's str-enum would give its member name."""
    return str(getattr(encoding, "value", encoding))


def _utf8_len(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


def line_starts(text: str) -> list[int]:
    """Offset of each line's start; lines end at CR LF, CR or LF.

    Split on the single characters (C-speed scans): a pattern for all three terminators
    tries every position and took 30x as long as finding the line feeds.
    """
    starts = [0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1])]
    if "\r" in text:
        # a CR ends a line unless an LF follows (then the LF does); the two sorted runs merge
        cr_ends = accumulate(len(part) + 1 for part in text.split("\r")[:-1])
        starts += [end for end in cr_ends if not text.startswith("\n", end)]
        starts.sort()
    return starts


def astral_offsets(text: str) -> list[int]:
    """Offsets of the characters outside the BMP, in order.

    Encoding to UTF-16 (C speed) tells whether there are any: most texts have none, and the
    pattern scan costs twice as much as the encoding."""
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return []
    return [int(m.start()) for m in _ASTRAL.finditer(text)]


class LineIndex:
    """Code-point offsets <-> LSP positions of one text, in UTF-8, UTF-16 or UTF-32 units.

    Built once per text version; converting an offset costs a binary search (plus, for
    UTF-8, the length of the line prefix).
    """

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding_name(encoding)
        self.starts = line_starts(text)
        #: offsets of the characters outside the BMP (two UTF-16 units each); only UTF-16
        #: columns count them
        self.astral: list[int] = (
            astral_offsets(text) if self.encoding == lsp.PositionEncodingKind.Utf16 else []
        )
        #: (line start, offset, its UTF-8 column) of the last UTF-8 position asked
        self._utf8_at = (0, 0, 0)

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
            col = self._utf8_column(start, offset)
        else:
            wide = bisect.bisect_left(self.astral, offset) - bisect.bisect_left(self.astral, start)
            col = offset - start + wide
        return lsp.Position(line=line, character=col)

    def _utf8_column(self, start: int, offset: int) -> int:
        """UTF-8 length of ``text[start:offset]``, counted on from the last position asked
        when it lies on the same line nearer than the line's start.

        Why: diagnostics come in text order, so a long line (a PDF's paragraph, a text
        without line breaks) is encoded about once, not once per diagnostic (quadratic)."""
        line_start, at, col = self._utf8_at
        if line_start != start or abs(offset - at) > offset - start:
            col = _utf8_len(self.text[start:offset])
        elif offset >= at:
            col += _utf8_len(self.text[at:offset])
        else:
            col -= _utf8_len(self.text[offset:at])
        self._utf8_at = (start, offset, col)
        return col

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
