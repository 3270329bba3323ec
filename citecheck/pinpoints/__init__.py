"""Pinpoints: where inside a cited document (``para. 66``, ``art. 6(b)``, ``annex``, ``p. 13``).

One package for every family: :mod:`.numbers` splits written lists and ranges of numbers into
canonical parts, :mod:`.after` reads the generic pinpoints written after a citation,
:mod:`.before` those written before one ("paragraph 12 of document ..."), and :mod:`.articles`
reads article pinpoints written before or after an act or instrument. The
words they read (``paragraph``, ``to``, ``thereof``...) come from :mod:`citecheck.lexicon`.
"""

from citecheck.pinpoints import after, articles, languages
from citecheck.pinpoints.after import parse_part, pinpoint_after, pinpoint_at
from citecheck.pinpoints.articles import (
    ArticlePinpoint,
    article_pinpoint_after,
    article_pinpoint_before,
    parse_body,
    read_after,
    read_before,
)
from citecheck.pinpoints.before import paragraphs_pattern, pinpoint_before, read_paragraphs
from citecheck.pinpoints.numbers import (
    NumberItem,
    canonical_number,
    number_parts,
    parse_numbers,
    split_numbers,
    sub_letters,
)

#: How far past a citation's end the pinpoint readers read (a family calling them reads as far)
REACH_AFTER = max(after.REACH_AFTER, articles.REACH_AFTER, languages.REACH_AFTER)

__all__ = [
    "REACH_AFTER",
    "ArticlePinpoint",
    "NumberItem",
    "article_pinpoint_after",
    "article_pinpoint_before",
    "canonical_number",
    "number_parts",
    "paragraphs_pattern",
    "parse_body",
    "parse_numbers",
    "parse_part",
    "pinpoint_after",
    "pinpoint_at",
    "pinpoint_before",
    "read_after",
    "read_before",
    "read_paragraphs",
    "split_numbers",
    "sub_letters",
]
