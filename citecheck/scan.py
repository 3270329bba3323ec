"""Stage 1: run every registered family over a document and keep one citation per span.

First one pass finds every anchor and trigger literal of every family (``Document.index_anchors``,
:mod:`citecheck.anchors`); a family runs only when one of its triggers occurs, and tries its
grammar only at its anchors' hits. Overlaps between families are settled in a single sweep
over the candidates sorted by position.
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from citecheck.families import FAMILIES, Document, Family
from citecheck.hidden import CANDIDATES, hidden_view
from citecheck.model import Citation


def _better(new: Citation, old: Citation, priority: dict[str, int]) -> bool:
    """Should ``new`` replace the overlapping ``old``? Higher priority, then longer span."""
    pn, po = priority.get(new.family, 0), priority.get(old.family, 0)
    if pn != po:
        return pn > po
    return (new.end - new.start) > (old.end - old.start)


@functools.lru_cache(maxsize=64)
def _anchor_literals(families: tuple[Family, ...]) -> frozenset[str]:
    """Every trigger and anchor literal of these families: what the one anchor pass finds."""
    return frozenset(lit for f in families for lit in (*f.triggers, *f.anchors))


def scan(doc: Document, families: Iterable[Family] = FAMILIES) -> list[Citation]:
    """Candidates from all families, overlaps removed, in document order.

    Families scan a view without invisible and look-alike characters when the text has any
    (:mod:`citecheck.hidden`); spans are mapped back to ``doc``."""
    families = tuple(families)
    priority = {f.name: f.priority for f in families}
    literals = _anchor_literals(families)
    # One pass finds the anchors and the characters the hidden view reads through; a text
    # with such characters (rare) is scanned again as the view.
    view = hidden_view(doc.text, doc.index_anchors(literals, CANDIDATES))
    seen = doc
    if view is not None:
        seen = Document(view.text, head=doc.head, carry=doc.carry, acronyms=doc.acronyms)
        seen.index_anchors(literals)
    candidates: list[Citation] = []
    # each candidate restored from the view -> (itself, as found in the view): a citation read
    # again after giving way is read on the view too (the pair keeps the key's object alive)
    found_in_view: dict[int, tuple[Citation, Citation]] = {}
    triggered = seen.has_each([f.triggers for f in families])
    for family, wanted in zip(families, triggered, strict=True):
        # A stream's window may hold uses of an acronym an earlier window defined.
        reads = bool(seen.acronyms) and getattr(family, "reads_acronyms", False)
        # ... and state (footnote markers) a family hands on to the windows after it.
        reads = reads or (seen.carry is not None and getattr(family, "hands_on", False))
        if family.triggers and not wanted and not reads:
            continue
        for cit in family.find(seen):
            if cit.text != seen.text[cit.start : cit.end]:
                raise AssertionError(f"{family.name}: span does not match text: {cit!r}")
            if view is not None:
                restored = view.restore(cit, doc.text)
                found_in_view[id(restored)] = (restored, cit)
                cit = restored
            candidates.append(cit)
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    by_name = {f.name: f for f in families}
    # (start, -length, order): document order, the longer first, then as found (sorted, so
    # already a heap); a citation read again after giving way is pushed back in its place
    pending = [(c.start, c.start - c.end, k, c) for k, c in enumerate(candidates)]
    order = len(pending)
    kept: list[Citation] = []

    def read_again(reader: _GivesWay, act: Citation, other: Citation) -> Citation:
        """``act`` read again with nothing before ``other``'s end, on the text the families
        scanned (the view, where it hides characters: "arti<SHY>cle 6" is "article 6")."""
        if view is None:
            return reader.give_way(doc, act, other.end)
        act_seen, other_seen = found_in_view[id(act)][1], found_in_view[id(other)][1]
        trimmed = reader.give_way(seen, act_seen, other_seen.end)
        restored = view.restore(trimmed, doc.text)
        found_in_view[id(restored)] = (restored, trimmed)
        return restored

    while pending:
        cit = heapq.heappop(pending)[3]
        if kept and cit.start < kept[-1].end:
            last = kept[-1]
            if (cit.start, cit.end, cit.family) == (last.start, last.end, last.family):
                # One span, several ids: a family's expansion of a range or shared list.
                if cit.id != last.id:
                    kept.append(cit)
                continue
            if cit.family != last.family and (
                (reader := _lead_reader(last, cit, by_name)) is not None
            ):
                # a citation before an act's own words, inside the pinpoint read before them:
                # the pinpoint gives way ("A/HRC/41/35, par. 12" + "article 6 du règlement")
                kept[-1] = cit
                trimmed = read_again(reader, last, cit)
                heapq.heappush(
                    pending, (trimmed.start, trimmed.start - trimmed.end, order, trimmed)
                )
                order += 1
                continue
            if cit.family != last.family and (
                (reader := _lead_reader(cit, last, by_name)) is not None
            ):
                trimmed = read_again(reader, cit, last)
                heapq.heappush(
                    pending, (trimmed.start, trimmed.start - trimmed.end, order, trimmed)
                )
                order += 1
                continue
            if _better(cit, last, priority):
                kept[-1] = cit
            continue
        kept.append(cit)
    return kept


@runtime_checkable
class _GivesWay(Protocol):
    """A family whose citations may start with a pinpoint read before their own words."""

    def give_way(self, doc: Document, act: Citation, floor: int) -> Citation:
        """``act`` read again with nothing before ``floor``."""
        ...


def _lead_reader(act: Citation, other: Citation, families: dict[str, Family]) -> _GivesWay | None:
    """``act``'s family when ``other`` ends before ``act``'s own words, in the pinpoint read
    before them, and the family can read ``act`` again without it; else None. A short form
    or back-reference is only a guess until the short-form stage settles it ("the ROP,
    Article 1(7) of Regulation …" where ROP names no citation): the pinpoint never gives way
    to one."""
    if not act.lead or not act.start <= other.end <= act.start + act.lead:
        return None
    if other.short_form:  # every back-reference and short-form candidate is one
        return None
    family = families.get(act.family)
    return family if isinstance(family, _GivesWay) else None
