"""UN page headers (the document's symbol alone on its line at a page break) are dropped,
deciding from the citation's neighbourhood only: the same answers as reading its whole line,
at a cost that does not grow with the line (a one-line document used to be quadratic)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.families import FAMILIES_BY_NAME, Document, un_symbols
from citecheck.model import Citation

SYMBOL = "A/HRC/41/35"


def _whole_line_reading(text: str, cit: Citation) -> bool:
    """The rule as first written: read the citation's whole line."""
    if cit.pinpoint:
        return False
    line_start = text.rfind("\n", 0, cit.start) + 1
    line_end = text.find("\n", cit.end)
    if text[cit.end : len(text) if line_end == -1 else line_end].strip():
        return False
    before = text[line_start : cit.start]
    if len(before) > 200 or un_symbols._HEADER_BEFORE.fullmatch(before) is None:
        return False
    if "\f" in before or "Nations" in before:
        return True
    lo = max(0, line_start - un_symbols._PAGE_END_REACH)
    return un_symbols._PAGE_END.search(text, lo, cit.start) is not None


def _symbols(text: str) -> list[Citation]:
    return list(FAMILIES_BY_NAME["un_symbols"]._find(Document(text)))  # type: ignore[attr-defined]


# (text, is the last symbol a running header)
CASES = [
    (f"Report {SYMBOL}.\n\n12\n\n{SYMBOL}\n\nText", True),
    (f"Report {SYMBOL}.\n\n12\n\n{SYMBOL} \x1c\u3000\r\nText", True),  # any white space after
    (f"Report {SYMBOL}.\n\n12\n\n{SYMBOL} see\nText", False),
    (f"Report.\nUnited Nations   {SYMBOL}\nText", True),
    (f"Report.\n\f  {SYMBOL}\nText", True),
    (f"Report.\n\fUnited Nations {SYMBOL}\nText", False),  # one mark before it, not two
    (f"Report.\n\n12\n\n{' ' * 150}{SYMBOL}\nText", True),
    (f"Report.\n\n12\n\n{' ' * 201}{SYMBOL}\nText", False),  # too far in to be a header
    (f"{' ' * 201}{SYMBOL}", False),
    (f"{' ' * 200}{SYMBOL}", False),  # no page break before it
    (f"\f{' ' * 199}{SYMBOL}", True),
    (f"\f{' ' * 200}{SYMBOL}", False),
    (f"Text {SYMBOL}", False),
]


@pytest.mark.parametrize(("text", "header"), CASES)
def test_running_header(text: str, header: bool) -> None:
    cit = _symbols(text)[-1]
    assert un_symbols._is_running_header(text, cit) is header
    assert _whole_line_reading(text, cit) is header


PIECES = [
    SYMBOL,
    "\n",
    " ",
    "\t",
    "\x1c",
    "\u3000",
    "\f",
    "12",
    "United Nations",
    "x",
    "GE.14-23930 (E)",
    " " * 90,
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_same_answer_as_reading_the_whole_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    for cit in _symbols(text):
        assert un_symbols._is_running_header(text, cit) is _whole_line_reading(text, cit)


def test_symbols_on_one_long_line_are_kept() -> None:
    line = f"(see {SYMBOL} (para. 3 (" * 2000
    found = citecheck.extract(line)
    assert len([c for c in found if c.id == f"un:{SYMBOL}"]) == 2000
