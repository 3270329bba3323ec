"""Offline answers for `gc:`, `instrument:` and `spcomm:` ids.

No machine-readable source exists for these, so this answers only what a
small shipped table can answer and is `not_checked` with a search link otherwise.

General comments: treaty bodies number them consecutively from 1, so a number up to the
latest one known when this table was written (OHCHR treaty body pages, June 2024) exists;
a higher number may be newer than the table and is `not_checked`, never `not_found`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote_plus

from citecheck.resolve.model import Resolution, Status

if TYPE_CHECKING:
    from citecheck.resolve.net import Fetcher
    from citecheck.resolve.settings import Settings

TABLE_AS_OF = "2024-06"

# committee -> (name, word used for its texts, highest number known as of TABLE_AS_OF).
# Source: OHCHR treaty body "general comments" pages, https://www.ohchr.org/en/treaty-bodies
GENERAL_COMMENTS: dict[str, tuple[str, str, int]] = {
    "CCPR": ("Human Rights Committee", "general comment", 37),
    "CESCR": ("Committee on Economic, Social and Cultural Rights", "general comment", 26),
    "CRC": ("Committee on the Rights of the Child", "general comment", 26),
    "CEDAW": (
        "Committee on the Elimination of Discrimination against Women",
        "general recommendation",
        39,
    ),
    "CERD": ("Committee on the Elimination of Racial Discrimination", "general recommendation", 36),
    "CAT": ("Committee against Torture", "general comment", 4),
    "CRPD": ("Committee on the Rights of Persons with Disabilities", "general comment", 8),
    "CMW": ("Committee on Migrant Workers", "general comment", 5),
    "CED": ("Committee on Enforced Disappearances", "general comment", 1),
}

# The instrument ids (docs/ids-and-formats.md), with title and date of adoption (or signature).
INSTRUMENTS: dict[str, tuple[str, str | None]] = {
    "udhr": ("Universal Declaration of Human Rights", "1948-12-10"),
    "iccpr": ("International Covenant on Civil and Political Rights", "1966-12-16"),
    "icescr": ("International Covenant on Economic, Social and Cultural Rights", "1966-12-16"),
    "cerd": (
        "International Convention on the Elimination of All Forms of Racial Discrimination",
        "1965-12-21",
    ),
    "cedaw": (
        "Convention on the Elimination of All Forms of Discrimination against Women",
        "1979-12-18",
    ),
    "cat": (
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        "1984-12-10",
    ),
    "crc": ("Convention on the Rights of the Child", "1989-11-20"),
    "cmw": (
        "International Convention on the Protection of the Rights of All Migrant Workers "
        "and Members of Their Families",
        "1990-12-18",
    ),
    "crpd": ("Convention on the Rights of Persons with Disabilities", "2006-12-13"),
    "ced": (
        "International Convention for the Protection of All Persons from Enforced Disappearance",
        "2006-12-20",
    ),
    "echr": ("European Convention on Human Rights", "1950-11-04"),
    "cfr": ("Charter of Fundamental Rights of the European Union", "2000-12-07"),
    "teu": ("Treaty on European Union", "1992-02-07"),
    "tfeu": ("Treaty on the Functioning of the European Union", "2007-12-13"),
    "ungp": ("Guiding Principles on Business and Human Rights", "2011-06-16"),
    "hrd-declaration": ("Declaration on Human Rights Defenders (A/RES/53/144)", "1998-12-09"),
    "rome-statute": ("Rome Statute of the International Criminal Court", "1998-07-17"),
}

_GC_RE = re.compile(r"^(?P<committee>[A-Z]{2,5})/(?P<num>[0-9]{1,3})$")
_SPCOMM_RE = re.compile(r"^(?P<country>[A-Z]{3}) (?P<num>[0-9]{1,4})/(?P<year>(19|20)[0-9]{2})$")


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
        known = INSTRUMENTS.get(value)
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
    known = GENERAL_COMMENTS.get(m["committee"]) if m else None
    if not m or known is None:
        return Resolution(
            id=ident, status=Status.NOT_CHECKED, reason=f"{value!r} is not a known committee/number"
        )
    name, word, latest = known
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
            reason=f"the shipped table (as of {TABLE_AS_OF}) knows {word}s up to No. {latest}; "
            "a later one may exist",
        )
    return Resolution(
        id=ident,
        status=Status.RESOLVED,
        title=f"{name}, {word} No. {num}",
        url=url,
        source="catalog",
        extra=[("catalog_as_of", TABLE_AS_OF)],
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

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        del fetcher, settings  # same constructor as the network sources

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """Resolve offline."""
        return {ident: resolve_one(ident) for ident in ids}
