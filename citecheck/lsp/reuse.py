"""Which part of an older check still holds for the current text.

Why: while the check of a newer text runs, requests are answered from the last completed
check.  A citation's id, finding and fix depend on text other than its own: the antecedent of
``Ibid.``, the instrument a "(the Covenant)" definition names, a list's head, the committee
named before a general comment, the language of the sentence.  All of that lies before the
citation or within the families' windows after it (``REUSE_MARGIN``); the rest is read from
the whole text (which committee it mentions most, whether it is an EU text) or from its head.
So a citation of the old check is reused only if every edit since starts at least
``REUSE_MARGIN`` after its end, and the readings of the head and of the whole text are the
same in the old and the new text (as is which families run at all: see
``_families_woken_or_put_to_sleep``).
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Sequence

from citecheck.families import FAMILIES, backrefs, instruments, oj, reach_after, spcomm, un_context
from citecheck.families.base import Document
from citecheck.model import Citation
from citecheck.shortforms import bracket_note_marks, marked_notes, notes_heading, section_notes

from .positions import TextChange

#: How far after a citation's end the families and later stages read: the largest of what
#: they declare (``Family.reach_after``: a pinpoint's language told from up to 1,200
#: characters around it, an EU act's own type word up to 2,048 after its number, ...)
REUSE_MARGIN = reach_after()

#: The longest stretch around the edits since a check that is compared before anything is
#: reused (one edit spans twice ``REUSE_MARGIN`` plus what it changed).  The comparison reads
#: the stretch a few times (≈0.15 µs a character: 0.4 s for 3 MB, 11 ms for 64 K), so this keeps
#: an uncached request near 10 ms; a longer stretch (edits far apart, a lost log, a
#: replace-all) reuses nothing until the check of the new text, as most of it would anyway.
MAX_STRETCH = 64 * 1024

#: The document's head: the symbol, body, committee or act title heading it, read for every
#: citation (whose "general comment No. 3" it is, which covenant "the Covenant" is)
HEAD_REACH = max(un_context.OWN_HEAD, instruments.HEAD_REACH, backrefs.OWN_TITLE_REACH)


def head_readings(text: str) -> Hashable:
    """What the families read from the document's head: the body, committee, treaty and
    act type it belongs to."""
    head = text[:HEAD_REACH]
    doc = Document(head)
    return (
        un_context.own_body(doc),
        un_context.own_committee(doc),
        instruments.own_treaty(head),
        backrefs.own_act_type(head),
    )


#: Words whose presence anywhere in the text changes how citations are read: an EU text,
#: which covenant or charter an unnamed "the Covenant" / "the Charter" is, a text of the
#: special procedures, character references in the text
WHOLE_TEXT_WORDS: tuple[tuple[str, ...], ...] = (
    *instruments.WHOLE_TEXT_WORDS,
    *spcomm.WHOLE_TEXT_WORDS,
    *oj.WHOLE_TEXT_WORDS,
)


def whole_text_readings(text: str) -> Hashable:
    """What the families read from the whole text rather than near a citation: the counts of
    committees and bodies named, and which of `WHOLE_TEXT_WORDS` it holds."""
    doc = Document(text)
    return (
        un_context.profile(doc).committee_counts,
        tuple(doc.has_any(words) for words in WHOLE_TEXT_WORDS),
    )


def counted(text: str) -> tuple[int, ...]:
    """The counts of `un_context.COUNTED_WORDS` in `text`."""
    doc = Document(text)
    return tuple(doc.count(word) for word in un_context.COUNTED_WORDS)


@functools.lru_cache(maxsize=4)
def _counted_in_checked(text: str) -> tuple[int, ...]:
    """`counted` of a checked text, once per text (a string caches its hash)."""
    return counted(text)


def counted_readings_changed(old: str, before: str, after: str) -> bool:
    """Do the readings decided by thresholds over the whole text (the Human Rights Council's
    context, the body of year resolutions) differ once `before`, a stretch of `old`, reads
    `after`?  They can flip while the stretch reads alike, so the whole text's counts are
    taken (once per checked text) and moved by what the stretch adds or drops."""
    delta = [n - o for o, n in zip(counted(before), counted(after), strict=True)]
    if not any(delta):
        return False
    total = _counted_in_checked(old)
    moved = [t + d for t, d in zip(total, delta, strict=True)]
    return un_context.counted_readings(total) != un_context.counted_readings(moved)


def note_openings(stretch: str, heading: int | None, lo: int) -> Hashable:
    """The numbers of the note openings in `stretch` (which starts at `lo` in its text whose
    "Notes" heading ends at `heading`): after a gap in the numbering a note is read as one
    only when the next opening, however far, holds the next number."""
    marked = tuple(number for _, number in marked_notes(stretch))
    bracketed = tuple((m.group(1), m.group(2)) for m in bracket_note_marks(stretch))
    # a heading in the text before the stretch, or the stretch's own first heading
    heading = 0 if heading is not None and heading <= lo else notes_heading(Document(stretch))
    listed = () if heading is None else tuple(n for _, n in section_notes(stretch, heading))
    return marked, bracketed, listed


@functools.lru_cache(maxsize=4)
def _notes_heading(text: str) -> int | None:
    """`notes_heading` of a checked text, once per text (a string caches its hash)."""
    return notes_heading(Document(text))


def _families_woken_or_put_to_sleep(before: str, after: str, elsewhere: Iterable[str]) -> bool:
    """May a family run over one of the two texts and not over the other?  A family runs only
    when one of its triggers occurs anywhere: `before`/`after` are the stretches around the
    changes, `elsewhere` the texts of citations outside them (the same in both texts); a
    trigger found there keeps its family running in both."""
    triggers = [family.triggers for family in FAMILIES if family.triggers]
    had = Document(before).has_each(triggers)
    has = Document(after).has_each(triggers)
    differ = [t for t, h, n in zip(triggers, had, has, strict=True) if h != n]
    if not differ:
        return False
    return not all(Document("\n\n".join(elsewhere)).has_each(differ))


def reuse_limit(
    old: str, new: str, changes: Sequence[TextChange], citations: Sequence[Citation] = ()
) -> int:
    """The offset before which `old` and `new` read the same for every citation ending at
    least ``REUSE_MARGIN`` earlier: where the first edit since starts; 0 when an edit changed
    what is read from the whole text or its head (nothing is reused then).  `citations`: those
    of the check of `old`."""
    if not changes:
        return len(new)
    limit = min(change.start for change in changes)  # nothing before it moved or changed
    if limit < REUSE_MARGIN:
        return limit  # no citation ends far enough before it: nothing more to compare
    if limit < HEAD_REACH and head_readings(old) != head_readings(new):
        return 0
    # the whole-text readings are counts and presence of words: equal in the stretch around
    # the changes (old and new) means equal in the whole texts, the rest being the same
    suffix = _common_suffix(len(old), len(new), changes)
    lo = limit - REUSE_MARGIN
    hi = len(old) - suffix + REUSE_MARGIN
    new_hi = len(new) - suffix + REUSE_MARGIN
    if max(hi, new_hi) - lo > MAX_STRETCH:
        return 0  # edits far apart, a lost log, a replace-all: reading them costs too much
    before = old[lo:hi]
    after = new[lo:new_hi]
    if whole_text_readings(before) != whole_text_readings(after):
        return 0
    if counted_readings_changed(old, before, after):
        return 0
    heading = _notes_heading(old)
    if note_openings(before, heading, lo) != note_openings(after, heading, lo):
        return 0  # a note before may be read as one only when the next number follows
    elsewhere = (c.text for c in citations if c.end <= lo or c.start >= hi)
    if _families_woken_or_put_to_sleep(before, after, elsewhere):
        return 0
    return limit


#: The last limits computed, by (checked text, current text): every request made between two
#: edits (hover, links, code actions, the moved diagnostics) asks for the same one
_LIMITS: dict[tuple[str, str], tuple[Sequence[Citation], int]] = {}
_LIMITS_KEPT = 8  # a few open documents' last text each


def cached_reuse_limit(
    old: str, new: str, changes: Sequence[TextChange], citations: Sequence[Citation] = ()
) -> int:
    """`reuse_limit`, computed once per checked text, current text and check's citations (any
    chain of changes from `old` to `new` gives a limit that holds for them)."""
    key = (old, new)  # a string caches its hash: a lookup does not read the texts again
    hit = _LIMITS.get(key)
    if hit is not None and hit[0] is citations:
        return hit[1]
    limit = reuse_limit(old, new, changes, citations)
    _LIMITS.pop(key, None)
    _LIMITS[key] = (citations, limit)
    while len(_LIMITS) > _LIMITS_KEPT:
        del _LIMITS[next(iter(_LIMITS))]
    return limit


def _common_suffix(old_len: int, new_len: int, changes: Sequence[TextChange]) -> int:
    """How many characters at the end no change of the chain touched (each keeps its own
    common suffix); 0 when the chain does not lead from `old_len` to `new_len` characters."""
    length, suffix = old_len, old_len
    for change in changes:
        suffix = min(suffix, length - change.old_end)
        length += change.new_end - change.old_end
    return suffix if length == new_len else 0
