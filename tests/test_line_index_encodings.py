"""`LineIndex` is public (``citecheck.lsp``): an encoding name it does not know counts UTF-16
units, LSP's default, as it always did; names are read without case or hyphens."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types as lsp

from citecheck.lsp import LineIndex

TEXT = "\U0001f600 see"  # an astral character: 2 UTF-16 units, 4 UTF-8 bytes, 1 code point


@pytest.mark.parametrize(
    ("encoding", "column"),
    [
        # unknown or differently written names: UTF-16, as before
        ("UTF-16", 6),
        ("utf16", 6),
        ("Utf16", 6),
        (None, 6),
        ("latin-1", 6),
        ("", 6),
        ("utf-7", 6),
        # the negotiated values, enum and string forms (negative rows: unchanged)
        (lsp.PositionEncodingKind.Utf16, 6),
        ("utf-16", 6),
        (lsp.PositionEncodingKind.Utf8, 8),
        ("utf-8", 8),
        ("UTF-8", 8),
        ("utf8", 8),
        (lsp.PositionEncodingKind.Utf32, 5),
        ("utf-32", 5),
        ("UTF32", 5),
    ],
)
def test_the_units_an_encoding_name_counts(encoding: Any, column: int) -> None:
    index = LineIndex(TEXT, encoding)
    assert index.position(5) == lsp.Position(line=0, character=column)
    assert index.offset(lsp.Position(line=0, character=column)) == 5
