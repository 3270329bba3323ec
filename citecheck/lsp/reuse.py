"""Which part of an older check still holds for the current text.

Why: while the check of a newer text runs, requests are answered from the last completed
check.  A citation's id, finding and fix depend on text other than its own: the antecedent of
``Ibid.``, the instrument a "(the Covenant)" definition names, a list's head, the committee
named before a general comment, the language of the sentence.  All of that lies before the
citation or within the families' windows after it (``REUSE_MARGIN``); the rest is read from
the whole text (which committee it mentions most, whether it is an EU text) or from its head.
So a citation of the old check is reused only if every edit since starts at least
``REUSE_MARGIN`` after its end, no edit touches the head, and the whole-text readings are the
same in the old and the new text.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from citecheck.families import un_context
from citecheck.families.base import Document
from citecheck.families.cjeu import _LANGUAGE_REACH as CJEU_LANGUAGE_REACH
from citecheck.families.eu_acts import _AMENDED_TITLE_REACH, _OWN_TYPE_REACH, _TITLED_LIST_REACH
from citecheck.families.eu_acts import _LANGUAGE_REACH as EU_ACT_LANGUAGE_REACH
from citecheck.families.general_comments import _HEAD_AFTER
from citecheck.families.instruments import _OWN_HEAD, _OWN_INTRO, _TITLE_REACH, _eu_text
from citecheck.pinpoints.after import _CLOSE_REACH, _TITLE_SPAN, _WIDER_REACH
from citecheck.pinpoints.articles import WINDOW as ARTICLE_WINDOW

from .positions import TextChange

#: How far after a citation's end the families read (the largest of their windows after a
#: citation: a pinpoint's language told from up to 1,200 characters around it, an EU act's
#: own type word up to 2,048 after its number, a list of titled acts, a language ±160, ...)
REUSE_MARGIN = max(
    _WIDER_REACH,
    _TITLE_SPAN,
    _CLOSE_REACH,
    ARTICLE_WINDOW,
    _OWN_TYPE_REACH,
    _TITLED_LIST_REACH,
    _AMENDED_TITLE_REACH,
    EU_ACT_LANGUAGE_REACH,
    CJEU_LANGUAGE_REACH,
    _HEAD_AFTER,
    _TITLE_REACH,
)

#: The document's head: the symbol or committee heading it, read for every citation
#: (whose "general comment No. 3" it is, which covenant "the Covenant" is)
HEAD_REACH = max(un_context.OWN_HEAD, _OWN_HEAD, _OWN_INTRO)


def whole_text_readings(text: str) -> Hashable:
    """What the families read from the whole text rather than near a citation: the counts of
    committees and bodies named, and whether it is an EU text."""
    doc = Document(text)
    return un_context.profile(doc), _eu_text(doc)


def reuse_limit(old: str, new: str, changes: Sequence[TextChange]) -> int:
    """The offset before which `old` and `new` read the same for every citation ending at
    least ``REUSE_MARGIN`` earlier: where the first edit since starts; 0 when an edit may
    change what is read from the whole text or its head (nothing is reused then)."""
    if not changes:
        return len(new)
    limit = min(change.start for change in changes)  # nothing before it moved or changed
    if limit < HEAD_REACH:
        return 0
    # the whole-text readings are counts: equal counts in the stretch around the change
    # (old and new) give equal counts in the whole texts
    whole = TextChange(old, new)
    lo = max(0, whole.start - REUSE_MARGIN)
    before = old[lo : whole.old_end + REUSE_MARGIN]
    after = new[lo : whole.new_end + REUSE_MARGIN]
    if whole_text_readings(before) != whole_text_readings(after):
        return 0
    return limit
