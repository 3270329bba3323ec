"""Knowledge as data: treaty bodies, instruments and session numbering, read in one place.

The facts live in ``citecheck/data/*.json`` (with sources and as-of dates); families,
validators and the offline catalog read them from here instead of keeping their own copies.
"Today" comes from :data:`clock`, which tests set with :func:`use_clock`, so the highest
session that can exist follows the date instead of a constant that silently goes stale.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import importlib.resources
import json
from collections.abc import Callable, Iterator
from typing import Any

import attrs


@functools.cache
def load(name: str) -> Any:
    """A package data file (``instruments.json``), parsed once."""
    text = importlib.resources.files("citecheck").joinpath(f"data/{name}").read_text("utf-8")
    return json.loads(text)


# --- the clock --------------------------------------------------------------------------------

#: Returns today's date; replaced by :func:`use_clock` in tests.
clock: Callable[[], datetime.date] = datetime.date.today


@contextlib.contextmanager
def use_clock(today: datetime.date) -> Iterator[None]:
    """Run a block as if today were ``today`` (for tests and reproducible reruns)."""
    global clock
    saved = clock
    clock = lambda: today  # noqa: E731 - a constant clock
    try:
        yield
    finally:
        clock = saved


def current_year() -> int:
    return clock().year


def ga_max_session() -> int:
    """The latest General Assembly regular session that has opened by today."""
    ga = load("sessions.json")["ga"]
    today = clock()
    opened = today.year - int(ga["first_year"]) + 1
    return opened if today.month >= int(ga["opens_month"]) else opened - 1


def hrc_max_session() -> int:
    """The highest regular Human Rights Council session of the current year."""
    hrc = load("sessions.json")["hrc"]
    return (current_year() - int(hrc["first_year"]) + 1) * int(hrc["per_year"])


def hrc_max_resolutions() -> int:
    """Above this number an HRC ``ss/N`` is more likely a report symbol than a resolution."""
    return int(load("sessions.json")["hrc"]["max_resolutions_per_session"])


# --- treaty bodies ----------------------------------------------------------------------------


@attrs.frozen(slots=True)
class TreatyBody:
    """One treaty body: code, names, symbol series, treaty and general-comment count."""

    code: str
    names: tuple[str, ...]
    series: str
    stem: str
    treaty: str
    signals: tuple[str, ...]
    term: str  # "comment" | "recommendation"
    highest_comment: int
    comments_as_of: str
    comments_source: str
    #: general comment number -> year of adoption, where the year tells committees apart
    adopted: tuple[tuple[int, int], ...] = ()
    #: the names in French and Spanish texts (``names`` are the English ones)
    names_by_language: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.names[0]


@functools.cache
def treaty_bodies() -> dict[str, TreatyBody]:
    """The treaty bodies by code, in the data file's order."""
    bodies: dict[str, TreatyBody] = {}
    for entry in load("treaty_bodies.json")["bodies"]:
        gc = entry["general_comments"]
        bodies[entry["code"]] = TreatyBody(
            code=entry["code"],
            names=tuple(entry["names"]),
            names_by_language=tuple(
                n for ns in dict(entry.get("names_by_language", {})).values() for n in ns
            ),
            series=entry["series"],
            stem=entry["stem"],
            treaty=entry["treaty"],
            signals=tuple(entry["signals"]),
            term=entry["term"],
            highest_comment=int(gc["highest"]),
            comments_as_of=gc["as_of"],
            comments_source=gc["source"],
            adopted=tuple((int(n), int(y)) for n, y in gc.get("adopted", {}).items()),
        )
    return bodies


@functools.cache
def joint_general_comments() -> tuple[tuple[tuple[str, int], ...], ...]:
    """The joint general comments: each as (committee code, its number) pairs
    (joint general recommendation No. 31 of CEDAW is general comment No. 18 of CRC)."""
    return tuple(
        tuple((code, int(number)) for code, number in pair.items())
        for pair in load("treaty_bodies.json").get("joint_general_comments", [])
    )


@functools.cache
def abbreviations_by_term() -> dict[str, str]:
    """Abbreviations that name a committee only right before its general comment
    (``HRC General Comment No. 31``) -> the committee's code."""
    return dict(load("treaty_bodies.json").get("abbreviations_by_term", {}))


def body_of_treaty(slug: str) -> TreatyBody | None:
    """The treaty body that monitors instrument ``slug`` (``iccpr`` -> CCPR), if any."""
    return next((b for b in treaty_bodies().values() if b.treaty == slug), None)


@functools.cache
def treaty_abbreviations() -> dict[str, str]:
    """Abbreviation of a treaty -> code of the body monitoring it (``ICCPR`` -> ``CCPR``)."""
    by_treaty = {b.treaty: b.code for b in treaty_bodies().values()}
    return {
        abbr: by_treaty[entry["slug"]]
        for entry in load("instruments.json")["instruments"]
        if entry["slug"] in by_treaty
        for abbr in entry["abbreviations"]
    }


@functools.cache
def treaty_names() -> dict[str, str]:
    """Full English name of a treaty -> code of the body monitoring it (``Convention on the
    Rights of the Child`` -> ``CRC``): "the Convention ..., general comment No. 14" is CRC's."""
    by_treaty = {b.treaty: b.code for b in treaty_bodies().values()}
    return {
        name: by_treaty[entry["slug"]]
        for entry in load("instruments.json")["instruments"]
        if entry["slug"] in by_treaty
        for name in entry["names"]
    }


def highest_general_comment() -> int:
    """The highest general comment number any treaty body has adopted (per the data)."""
    return max(b.highest_comment for b in treaty_bodies().values())


# --- instruments ------------------------------------------------------------------------------


@functools.cache
def instrument_titles() -> dict[str, tuple[str, str | None]]:
    """Instrument key -> (title, date of adoption or signature)."""
    return {
        entry["slug"]: (entry["name"], entry.get("adopted"))
        for entry in load("instruments.json")["instruments"]
    }
