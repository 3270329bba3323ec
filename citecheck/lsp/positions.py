"""Code-point offsets <-> LSP positions.

Offsets in citecheck are code points of the text; LSP positions are counted in the
negotiated encoding (UTF-16 by default, UTF-8/UTF-32 when the client offers them).  Lines
are split on LSP's terminators only (CR LF, CR, LF): pygls' own helpers use
`str.splitlines`, which also splits on form feeds and U+2028 that PDF extraction leaves in
texts, so the server syncs full documents and converts positions itself.
"""

from __future__ import annotations

import bisect
import functools
from itertools import accumulate
from typing import Any

from lsprotocol import types as lsp

#: The codec and the bytes per unit of each encoding, by its name without case or hyphens;
#: UTF-32 units are code points (no codec).  Any other name counts as UTF-16, LSP's default.
_CODECS: dict[str, tuple[str, int] | None] = {
    "utf8": ("utf-8", 1),
    "utf16": ("utf-16-le", 2),
    "utf32": None,
}


def _codec(encoding: str) -> tuple[str, int] | None:
    """The codec of an encoding name as clients and callers write it ('UTF-16', 'utf16')."""
    return _CODECS.get(encoding.lower().replace("-", ""), _CODECS["utf16"])


def encoding_name(encoding: Any) -> str:
    """'utf-16' etc.; `str()` of lsprotocol's str-enum would give its member name."""
    return str(getattr(encoding, "value", encoding))


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


class LineIndex:
    """Code-point offsets <-> LSP positions of one text, in UTF-8, UTF-16 or UTF-32 units.

    Built once per text version, and only what is asked for: the diagnostics of a text come
    in text order, so their lines are found by counting line feeds on from the last offset
    converted (one pass over the text in all, at C speed); a text with CRs, and requests
    (an offset of a position), use the line starts, made on first use for a binary search.
    """

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding_name(encoding)
        self._codec = _codec(self.encoding)
        #: (offset, its line, the line's start) of the last offset whose line was counted
        self._line_at = (0, 0, 0)
        #: (line start, offset, its column) of the last position asked
        self._column_at = (0, 0, 0)

    @functools.cached_property
    def starts(self) -> list[int]:
        """Offset of each line's start."""
        return line_starts(self.text)

    @functools.cached_property
    def _lf_only(self) -> bool:
        return "\r" not in self.text

    def _line_end(self, line: int) -> int:
        """Offset just before the terminator of `line`."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        if line + 1 < len(self.starts):
            end -= 2 if self.text[end - 2 : end] == "\r\n" else 1
        return end

    def _line_of(self, offset: int) -> tuple[int, int]:
        """(line, the line's start) of an offset in the text."""
        if "starts" in self.__dict__ or not self._lf_only:
            line = bisect.bisect_right(self.starts, offset) - 1
            return line, self.starts[line]
        at, line, start = self._line_at
        if offset >= at:
            crossed = self.text.count("\n", at, offset)
            if crossed:
                line, start = line + crossed, self.text.rfind("\n", at, offset) + 1
        else:
            crossed = self.text.count("\n", offset, at)
            if crossed:
                line, start = line - crossed, self.text.rfind("\n", 0, offset) + 1
        self._line_at = (offset, line, start)
        return line, start

    def position(self, offset: int) -> lsp.Position:
        """LSP position of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line, start = self._line_of(offset)
        return lsp.Position(line=line, character=self._column(start, offset))

    def _units(self, start: int, end: int) -> int:
        """Length of ``text[start:end]`` in the encoding's units (an astral character is two
        UTF-16 units; a lone surrogate, as JSON may carry, one)."""
        codec = self._codec
        if codec is None:
            return end - start
        name, width = codec
        return len(self.text[start:end].encode(name, "surrogatepass")) // width

    def _column(self, start: int, offset: int) -> int:
        """Units of ``text[start:offset]`` (``start``: the line's), counted on from the last
        position asked when it lies on the same line nearer than the line's start.

        Why: diagnostics come in text order, so a long line (a PDF's paragraph, a text
        without line breaks) is encoded about once, not once per diagnostic (quadratic); and
        no pass over the whole text looks for characters outside the BMP."""
        line_start, at, col = self._column_at
        if line_start != start or abs(offset - at) > offset - start:
            col = self._units(start, offset)
        elif offset >= at:
            col += self._units(at, offset)
        else:
            col -= self._units(offset, at)
        self._column_at = (start, offset, col)
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
        if self._units(start, end) == end - start:  # one unit a code point on this line
            return min(start + want, end)
        units, i = 0, start
        while i < end and units < want:
            units += self._units(i, i + 1)
            i += 1
        return i


#: Characters compared at a time while looking for the first difference of two texts: slices
#: this long compare at C speed, and the search inside the differing one is a bisection.
_CHUNK = 1 << 16


def _common_prefix(old: str, new: str) -> int:
    """Length of the longest common prefix of `old` and `new`."""
    limit = min(len(old), len(new))
    lo = 0
    while lo + _CHUNK <= limit and old[lo : lo + _CHUNK] == new[lo : lo + _CHUNK]:
        lo += _CHUNK
    hi = min(lo + _CHUNK, limit)
    while lo < hi:  # old[:lo] == new[:lo]; the answer is in [lo, hi]
        mid = (lo + hi + 1) // 2
        if old[lo:mid] == new[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class TextChange:
    """How a text became another: one replaced span, ``old[start:old_end]`` by
    ``new[start:new_end]``, the rest equal (the common prefix and suffix).

    Why: while a long check of the newest text runs, requests are answered from the last
    completed check of an older text; :mod:`citecheck.lsp.reuse` reads the changes to decide
    which of its citations and findings still stand and where they moved.  One span covering
    all the edits since is coarser than an edit log but needs no log.
    """

    __slots__ = ("new_end", "old_end", "start")

    def __init__(self, old: str, new: str) -> None:
        start = _common_prefix(old, new)
        room = min(len(old), len(new)) - start
        suffix = min(_common_prefix(old[start:][::-1], new[start:][::-1]), room)
        self.start = start
        self.old_end = len(old) - suffix
        self.new_end = len(new) - suffix
