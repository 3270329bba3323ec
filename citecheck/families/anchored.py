"""Matches tried at their anchor hit, the window before it searched only where a match can
start there.

:func:`citecheck.families.base.matches_near` searches a window around each hit, ``before``
code points back: the cost of a big pattern tried at each of those positions, for every
keyword of the text. Most keywords ("the resolution", "that Directive") have nothing before
them that a match could start with: a small backward check at the hit says so, and the
pattern is then matched at the hit itself (anchored) instead of searched for.

On text packed with hits ("Directive Directive ...", "the said Directive ..." over pages)
the windows of neighbouring hits overlap, and searching each whole would hand every
character to the pattern ten times and more. A search is made partial (``regex``'s
``partial=True``): where it finds neither a match nor the beginning of one, no match starts
there whatever follows, so the next window searches on from where this one stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import regex

from citecheck.families.base import settle


def matches_at_hits(
    pattern: regex.Pattern[str],
    hits: Sequence[tuple[int, int]],
    text: str,
    *,
    before: int,
    after: int,
    earliest: Callable[[str, int, int], int],
) -> Iterator[regex.Match[str]]:
    """What ``matches_near(pattern, hits, text, before=before, after=after)`` gives, the same
    matches, found with less searching.

    Correct under the conditions of :func:`matches_near`, and two more: no match holds a hit
    before the hit of its anchor (what leads in to the anchor holds no anchor literal), and
    ``earliest(text, start, lo)`` is an offset, at least ``lo``, before which no match
    holding its anchor's hit at ``start`` can start (a quick look back over the words before
    the hit; ``lo`` when unsure). The window is searched from there; when that is the hit
    itself and no other hit lies in the window, the pattern is matched at the hit alone.
    Last, the pattern asserts nothing that fails at the end of the text but could hold with
    more text after it (``\\B``, ``(?!$)``): ``regex`` would not call that the beginning of a
    match, and a partial search would rule out a start that more text makes a match.
    """
    last_end = 0
    count = len(hits)
    # Positions [ruled_out_from, ruled_out_to) start no match whatever text follows
    # ruled_out_end: a partial search up to there found neither a match nor the beginning of
    # one. What one window ruled out the next (overlapping) one does not search again.
    ruled_out_from = ruled_out_to = ruled_out_end = 0
    found = False  # the last window searched found a match
    for i, (hit_start, hit_end) in enumerate(hits):
        if hit_start < last_end:
            continue
        lo = max(last_end, hit_start - before)
        hi = hit_end + after
        # an earlier hit in the window may anchor a match its own window did not find
        earlier = i > 0 and hits[i - 1][0] >= lo
        window = lo
        if not earlier:
            lo = earliest(text, hit_start, lo)
        j = i + 1
        while j < count and hits[j][0] <= hit_start:
            j += 1
        alone = j == count or hits[j][0] >= hi  # no hit after this one in the window
        if alone and lo == hit_start:
            m = pattern.match(text, hit_start, hi)
        elif (alone or found) and not ruled_out_from <= lo < ruled_out_to:
            # no next window searches this one again, or matches come thick (a partial
            # search costs more, and a match moves the next window past this one anyway)
            m = pattern.search(text, lo, hi)
        else:
            if ruled_out_from <= lo < ruled_out_to and hi >= ruled_out_end:
                lo = ruled_out_to
            m = pattern.search(text, lo, hi, partial=True)
            start = hi if m is None else m.start()
            if ruled_out_from <= lo <= ruled_out_to and hi >= ruled_out_end:
                ruled_out_to, ruled_out_end = start, hi  # joins what was ruled out before
            else:  # and [window, lo): no hit lies there, and matches at this hit start at lo
                ruled_out_from, ruled_out_to, ruled_out_end = window, start, hi
            if m is not None and m.partial:  # the beginning of a match, maybe of none
                m = pattern.search(text, start, hi)
        m = settle(pattern, text, m, hi)
        found = m is not None
        if m is None:
            continue
        yield m
        last_end = max(m.end(), m.start() + 1)
