"""Offline answers for `gc:`, `instrument:` and `spcomm:` ids.

No machine-readable source exists for these, so this answers only what a
small shipped table can answer and is `not_checked` with a search link otherwise.

General comments: treaty bodies number them consecutively from 1, so a number up to the
latest one the shipped data knows (``citecheck/data/treaty_bodies.json``, with its as-of
date per committee) exists; a higher number may be newer and is `not_checked`, never
`not_found`. Instrument titles and dates come from ``citecheck/data/instruments.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote_plus

from citecheck import knowledge
from citecheck.resolve.model import Resolution, Status

if TYPE_CHECKING:
    from citecheck.resolve.net import Fetcher
    from citecheck.resolve.settings import Settings

_GC_RE = re.compile(r"^(?P<committee>[A-Z]{2,5})/(?P<num>[0-9]{1,3})\Z")
_SPCOMM_RE = re.compile(r"^(?P<country>[A-Z]{3}) (?P<num>[0-9]{1,4})/(?P<year>(19|20)[0-9]{2})\Z")


def spcomm_search_url(value: str) -> str:
    """OHCHR communications search for a reference such as `ISR 7/2021`."""
    return f"https://spcommreports.ohchr.org/TmSearch/RelCom?code={quote_plus(value)}"


def gc_url(committee: str) -> str:
    """OHCHR page listing a committee's general comments."""
    return f"https://www.ohchr.org/en/treaty-bodies/{committee.lower()}/general-comments"


def resolve_one(ident: str) -> Resolution:
    """Answer one id from the shipped tables."""
    scheme, value = ident.split(":", 1)
    if scheme == "gc":
        return _general_comment(ident, value)
    if scheme == "instrument":
        known = knowledge.instrument_titles().get(value)
        if known is None:
            return Resolution(
                id=ident, status=Status.NOT_CHECKED, reason=f"unknown instrument key {value!r}"
            )
        return Resolution(
            id=ident, status=Status.RESOLVED, title=known[0], date=known[1], source="catalog"
        )
    if scheme == "spcomm" and _SPCOMM_RE.match(value):
        return Resolution(
            id=ident,
            status=Status.NOT_CHECKED,
            url=spcomm_search_url(value),
            reason="Special Procedures communications have no API; follow the search link",
        )
    return Resolution(
        id=ident, status=Status.NOT_CHECKED, reason=f"{value!r} is not a well-formed {scheme} id"
    )


def _general_comment(ident: str, value: str) -> Resolution:
    m = _GC_RE.match(value)
    body = knowledge.treaty_bodies().get(m["committee"]) if m else None
    if not m or body is None:
        return Resolution(
            id=ident, status=Status.NOT_CHECKED, reason=f"{value!r} is not a known committee/number"
        )
    name, word, latest = body.name, f"general {body.term}", body.highest_comment
    num = int(m["num"])
    url = gc_url(m["committee"])
    if num < 1:
        return Resolution(
            id=ident, status=Status.NOT_CHECKED, url=url, reason="numbering starts at 1"
        )
    if num > latest:
        return Resolution(
            id=ident,
            status=Status.NOT_CHECKED,
            url=url,
            reason=f"the shipped table (as of {body.comments_as_of}) knows {word}s up to No. "
            f"{latest}; "
            "a later one may exist",
        )
    return Resolution(
        id=ident,
        status=Status.RESOLVED,
        title=f"{name}, {word} No. {num}",
        url=url,
        source="catalog",
        extra=[("catalog_as_of", body.comments_as_of)],
    )


class CatalogSource:
    """Answers from shipped tables; never touches the network."""

    name: ClassVar[str] = "catalog"
    schemes: ClassVar[tuple[str, ...]] = ("gc", "instrument", "spcomm")
    needs_network: ClassVar[bool] = False
    url_settings: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    links: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    confirms_missing: ClassVar[bool] = False
    enabled_by: ClassVar[str | None] = None
    batch_setting: ClassVar[str | None] = None
    answered_as: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        del fetcher, settings  # same constructor as the network sources

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """Resolve offline."""
        return {ident: resolve_one(ident) for ident in ids}
