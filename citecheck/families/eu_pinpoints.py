"""Moved to :mod:`citecheck.pinpoints.articles`; kept so older imports keep working."""

from citecheck.pinpoints.articles import (
    ArticlePinpoint,
    article_pinpoint_after,
    article_pinpoint_before,
    parse_body,
    read_after,
    read_before,
)

__all__ = [
    "ArticlePinpoint",
    "article_pinpoint_after",
    "article_pinpoint_before",
    "parse_body",
    "read_after",
    "read_before",
]
