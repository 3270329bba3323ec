"""Pinpoints that follow a citation: ``, para. 66``, ``paras. 3 to 5``, ``, annex``, ``p. 13``.

Families call :func:`pinpoint_after` at the end of the citation they matched; it reads forward
with anchored matches only (no search), so the cost is proportional to the pinpoint's length.
"""

from __future__ import annotations

import regex

from citecheck.families.base import HSPACE, compile_pattern
from citecheck.model import NO_PINPOINT, Pinpoint, PinpointPart

_H = HSPACE
_NUM = r"\d{1,4}(?:" + _H + r"?\([a-z]{1,4}\))*"
_RANGE_SEP = (
    r"(?:" + _H + r"*[-\u2010\u2011\u2013\u2014]" + _H + r"*|\s+to\s+|\s+and\s+|," + _H + r"*)"
)

_PART = compile_pattern(
    rf"""
    (?P<para>(?:paras?\.|paragraphs?|pars?\.|¶¶?|§§?){_H}*
        (?P<pnums>{_NUM}(?:{_RANGE_SEP}{_NUM})*))
  | (?P<annex>(?i:annex)(?:{_H}+(?P<annexno>[IVXL]{{1,6}}|[A-Z])(?![\w]))?)
  | (?P<sect>(?P<sectword>sect\.|section|chap\.|chapter){_H}*
        (?P<sectno>[IVXL]{{1,6}}|\d{{1,3}})(?![\w]))
  | (?P<fn>(?:footnote|fn\.|note|n\.){_H}*(?P<fnno>\d{{1,4}})(?!\d))
  | (?P<page>(?:pp?\.|pages?){_H}*(?P<pfrom>\d{{1,5}})
        (?:{_H}*[-\u2013]{_H}*(?P<pto>\d{{1,5}}))?(?!\d))
    """
)

# What may stand between a citation and its pinpoint, or between two pinpoint parts.
_SEP = compile_pattern(rf"(?:,?{_H}*at{_H}+|,{_H}*|{_H}+)")
_SUB = regex.compile(r"\s*\(\s*([a-z]{1,4})\s*\)")
_RANGE_SPLIT = regex.compile(r"\s*(?:[-\u2010\u2011\u2013\u2014]|\bto\b)\s*|\s*(?:,|\band\b)\s*")


_DIGITS = regex.compile(r"\d+")
_RANGE_WORD = regex.compile(r"[-\u2010\u2011\u2013\u2014]|\bto\b")


def _canonical_number(raw: str) -> str:
    """``17 (c)`` -> ``17(c)``."""
    head = _DIGITS.match(raw)
    assert head is not None
    subs = "".join(f"({m.group(1)})" for m in _SUB.finditer(raw, head.end()))
    return str(head.group(0)) + subs


def _para_part(nums: str) -> PinpointPart:
    """One paragraph, a range (``3-5``) or a list (``3, 5``) in canonical form."""
    pieces = [p for p in _RANGE_SPLIT.split(nums.strip()) if p]
    if len(pieces) == 1:
        return PinpointPart("para", _canonical_number(pieces[0]))
    is_range = bool(_RANGE_WORD.search(nums)) and len(pieces) == 2
    joiner = "-" if is_range else ", "
    return PinpointPart("paras", joiner.join(_canonical_number(p) for p in pieces))


def parse_part(match: regex.Match[str]) -> PinpointPart:
    """Turn one matched pinpoint element into its canonical part."""
    if match.group("para"):
        return _para_part(match.group("pnums"))
    if match.group("annex"):
        return PinpointPart("annex", match.group("annexno") or "")
    if match.group("sect"):
        unit = "sect" if match.group("sectword").startswith("sect") else "chap"
        return PinpointPart(unit, match.group("sectno"))
    if match.group("fn"):
        return PinpointPart("footnote", match.group("fnno"))
    frm, to = match.group("pfrom"), match.group("pto")
    return PinpointPart("pages", f"{frm}-{to}") if to else PinpointPart("page", frm)


def pinpoint_after(text: str, pos: int, *, max_parts: int = 4) -> tuple[Pinpoint, int]:
    """Read a pinpoint starting at ``pos`` (just after a citation).

    Returns the pinpoint and the offset where it ends; ``(NO_PINPOINT, pos)`` if none follows.
    Separators are consumed only when a pinpoint element follows them.
    """
    parts: list[PinpointPart] = []
    end = pos
    while len(parts) < max_parts:
        sep = _SEP.match(text, end)
        at = sep.end() if sep else end
        if not parts and not sep:
            break
        m = _PART.match(text, at)
        if not m:
            break
        parts.append(parse_part(m))
        end = m.end()
    return (Pinpoint(tuple(parts)) if parts else NO_PINPOINT), end


def pinpoint_at(text: str, pos: int, *, max_parts: int = 4) -> tuple[Pinpoint, int]:
    """Like :func:`pinpoint_after` but the first element must start exactly at ``pos``."""
    m = _PART.match(text, pos)
    if not m:
        return NO_PINPOINT, pos
    first = parse_part(m)
    rest, end = pinpoint_after(text, m.end(), max_parts=max_parts - 1)
    return Pinpoint((first, *rest.parts)), end
