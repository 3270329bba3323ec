"""The local index as the first source: no network, answers at once.

It answers `resolved` when the index holds the document (a 191 $a, 191 $z or joint symbol, or a
section of a numbered resolution; never a 791 "related" symbol), `not_found` only where the
coverage rules make the absence definitive, and otherwise `unverified` with why ("not in the
index", with where its series ends; "newer than the index" for an EU act of a year still
arriving), which the engine treats as no answer: the next source is asked.

Coverage rules (also in the docs, "Coverage rules"):

- UN: `not_found` only when the UNDL harvest is complete and the id's series (`series_key`)
  holds a harvested session after the id's session (session-less series: a harvested number
  above the id's number).
- UN: never `not_found` while the series holds the id's number in another form (a year or
  section letter more or less): the record may be that document.
- EU acts (CELEX sector 3: regulations, directives, decisions): `not_found` only when the EU
  harvest is complete, began no later than the act's year, and the act's year is before the
  year of the harvest's `as_of` minus `MARGIN_DAYS` (acts may take weeks to reach the Cellar).
- A case number answers with its judgment (`CJ`), else its order (`CO`); never an Advocate
  General's opinion, and no ECLI when that is ambiguous.
- Case law (ECLI, case numbers): the index confirms what it holds, never denies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from citecheck.index.db import OWN_ROLES, IndexDamaged, IndexDB, UnHit, checked_day, series_key
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.sources.undl import same_document

if TYPE_CHECKING:
    from citecheck.resolve.settings import Settings

NAME = "index"
SCHEMES = ("un", "celex", "ecli", "case")
_CELEX_ACT = re.compile(r"^3(\d{4})[RLD]\d{4}\Z")
_SECTION_SPACE = re.compile(r"(?<=\d) ([A-Z])\Z")
_SECTION_TIGHT = re.compile(r"(?<=\d)([A-Z])\Z")
_CELEX_KEY = re.compile(r"[0-9A-Z()]{5,20}\Z")


MARGIN_DAYS = 90  # as the EU harvester: acts reach the Cellar weeks after their date
_DECISION_RANK = {"CJ": 0, "CO": 1}  # judgment, then order; an AG opinion (CC) last


def _settled_year(as_of: str | None) -> int | None:
    """The year whose acts have all had time to reach the Cellar by `as_of`, plus one."""
    try:
        day = dt.date.fromisoformat((as_of or "")[:10])
    except ValueError:
        return None
    return (day - dt.timedelta(days=MARGIN_DAYS)).year


def _decision(rows: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """The row of a case number's judgment, else its order; with no single one of those,
    the case number alone (no ECLI or CELEX: an AG's opinion is not the decision)."""
    ranked = sorted(rows, key=lambda r: _DECISION_RANK.get(r[2][5:7].upper(), 2))
    best = _DECISION_RANK.get(ranked[0][2][5:7].upper(), 2)
    top = {(e, c) for _, e, c in ranked if _DECISION_RANK.get(c[5:7].upper(), 2) == best}
    if best == 2 or len(top) != 1:
        return ranked[0][0], "", ""
    return ranked[0]


_SOURCE_NAMES = {"undl": "UN Digital Library", "eu": "EU"}


def _as_of(db: IndexDB, source: str) -> str:
    """What the index covers of `source`, said in a reason's parentheses: ``as of DAY`` (the
    last day harvested), or, before any harvest of it finished, that its part is partial and
    since when."""
    state = db.harvest(source)
    if state is not None and state.as_of:
        return f"as of {state.as_of}"
    name = _SOURCE_NAMES.get(source, source)
    if state is None:
        return f"it holds no {name} harvest"
    begun, last = _unfinished(state.checkpoint_data())
    if begun is None:
        return f"its {name} part is partial: no harvest of it has finished"
    upto = f", read up to CELEX {last}" if last else ""
    return f"its {name} part is partial: the first harvest, begun {begun}, has not finished{upto}"


def _unfinished(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(day begun, last act read) of an unfinished EU harvest's checkpoint (untrusted JSON)."""
    if not data:
        return None, None
    try:
        begun = checked_day(data.get("started"), "checkpoint")
    except IndexDamaged:
        return None, None
    last = data.get("after") if data.get("phase") == "acts" else None
    return begun, last if isinstance(last, str) and _CELEX_KEY.fullmatch(last) else None


class IndexSource:
    """Answers from an open `IndexDB`; `answer` is synchronous (SQLite reads, no network)."""

    name = NAME
    schemes = SCHEMES
    needs_network = False

    def __init__(self, db: IndexDB, settings: Settings) -> None:
        self.db = db
        self.undl_base = settings.undl_url.rstrip("/")

    @staticmethod
    def covers(ident: str) -> bool:
        """The index may answer `ident` (an id of its schemes that `answer` looks up)."""
        scheme, _, value = ident.partition(":")
        if scheme == "un":
            return "/" in value and not value.startswith("?")
        return scheme in SCHEMES

    def answer(self, ids: list[str]) -> dict[str, Resolution]:
        """One answer per id of a scheme the index covers; others are left out."""
        out: dict[str, Resolution] = {}
        for ident in ids:
            scheme, _, value = ident.partition(":")
            if scheme == "un" and self.covers(ident):
                out[ident] = self._un(ident, value)
            elif scheme == "celex":
                found = self._celex(ident, value)
                if found is not None:
                    out[ident] = found
            elif scheme in ("ecli", "case"):
                rows = self._cases(scheme, value)
                if rows:
                    case_no, ecli, celex = _decision(rows) if scheme == "case" else rows[0]
                    ecli = ecli.removeprefix("ECLI:")
                    extra = [(k, v) for k, v in (("ecli", ecli), ("celex", celex)) if v]
                    if scheme == "ecli":
                        extra.append(("case", case_no))
                    out[ident] = Resolution(
                        id=ident, status=Status.RESOLVED, source=NAME, extra=extra
                    )
        return out

    def _cases(self, scheme: str, value: str) -> list[tuple[str, str, str]]:
        """Rows for a case number or an ECLI (stored with or without its `ECLI:` prefix)."""
        if scheme == "case":
            return self.db.cases(case_no=value)
        return self.db.cases(ecli=value) or self.db.cases(ecli=f"ECLI:{value}")

    # -- UN --------------------------------------------------------------------------------
    def find(self, symbol: str) -> UnHit | None:
        """The record that IS this document (own, alt or joint symbol; a section counts)."""
        spellings = [symbol]
        if _SECTION_SPACE.search(symbol):
            spellings.append(_SECTION_SPACE.sub(r"\1", symbol))
        elif _SECTION_TIGHT.search(symbol):
            spellings.append(_SECTION_TIGHT.sub(r" \1", symbol))
        for spelling in spellings:
            for hit in self.db.find_un(spelling):
                if hit.role in OWN_ROLES:
                    return hit
        key = series_key(symbol)
        if key is not None:  # a missing `(YYYY)` or section letter, either way round
            stem, session, number = key
            for other, _ in self.db.un_series(stem, session, number, number):
                if other != symbol and same_document(symbol, other):
                    for hit in self.db.find_un(other):
                        if hit.role in OWN_ROLES:
                            return hit
        return None

    def _un(self, ident: str, symbol: str) -> Resolution:
        hit = self.find(symbol)
        if hit is not None:
            rec = hit.record
            own = next((s for s, role in rec.symbols if role == "own"), hit.symbol)
            return Resolution(
                id=ident,
                status=Status.RESOLVED,
                title=rec.title,
                date=rec.date,
                url=f"https://undocs.org/{hit.symbol if hit.role == 'own' else own}",
                languages=rec.languages,
                source=NAME,
                extra=[("record_url", f"{self.undl_base}/record/{rec.recid}")],
            )
        state = self.db.harvest("undl")
        as_of = _as_of(self.db, "undl")
        key = series_key(symbol)
        held = self.db.un_series(*key, key[2]) if key is not None else []
        if held:  # the series holds this number in another form: never deny it
            why = (
                f"the index ({as_of}) holds {held[0][0]}, not exactly {symbol}; not a definite miss"
            )
        elif state is not None and state.complete and key is not None:
            stem, session, number = key
            if session is not None:
                last = self.db.un_max_session(stem)
                if last is not None and last > session:
                    return Resolution(
                        id=ident,
                        status=Status.NOT_FOUND,
                        source=NAME,
                        reason=(
                            f"the index ({as_of}) holds {stem} up to session {last} and no {symbol}"
                        ),
                    )
            else:
                last = self.db.un_max_number(stem, None)
                if last is not None and last > number:
                    return Resolution(
                        id=ident,
                        status=Status.NOT_FOUND,
                        source=NAME,
                        reason=(
                            f"the index ({as_of}) holds {stem} up to number {last} and no {symbol}"
                        ),
                    )
            why = f"not in the index ({as_of}){self._series_end(stem, session, symbol)}"
        else:
            why = f"not in the index ({as_of})"
        return Resolution(id=ident, status=Status.UNVERIFIED, source=NAME, reason=why)

    def _series_end(self, stem: str, session: int | None, symbol: str) -> str:
        """Where the index's series of an absent id ends, said after "not in the index": why
        its coverage did not make the absence definite. Only what the index holds, never
        "newer" (the id may well be older than the day the index was harvested to)."""
        top = self.db.un_max_number(stem, session)
        if top is None:  # nothing of the id's session (or of its session-less series)
            last_session = self.db.un_max_session(stem) if session is not None else None
            if last_session is None:
                return ""
            return f"; its last session of {stem} is {last_session}, before this one"
        held = self.db.un_series(stem, session, top, top)
        last = held[0][0] if held else f"number {top}"
        if session is None:
            return f"; it holds {stem} up to {last}, numbered before this one"
        # the id's session is the last the index holds (a later one would have denied it)
        upto = f" (up to {last})" if held else ""
        return (
            f"; its last session of {stem} is {session}{upto}, and with no later one it"
            f" cannot tell that {symbol} does not exist"
        )

    # -- EU --------------------------------------------------------------------------------
    def _celex(self, ident: str, celex: str) -> Resolution | None:
        act = self.db.eu_act(celex)
        if act is not None:
            return Resolution(
                id=ident,
                status=Status.RESOLVED,
                title=act.title,
                date=act.date,
                url=f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}",
                source=NAME,
                extra=[("celex", celex), *((("eli", act.eli),) if act.eli else ())],
                in_force=act.in_force,
                end_of_validity=act.end_of_validity,
                replaced_by=[f"celex:{r}" for r, _ in self.db.repealed_by(celex)],
            )
        state = self.db.harvest("eu")
        if state is None:
            return None
        as_of = _as_of(self.db, "eu")
        m = _CELEX_ACT.match(celex)
        if m is None:
            return Resolution(
                id=ident,
                status=Status.UNVERIFIED,
                source=NAME,
                reason=f"not in the index ({as_of})",
            )
        year = int(m.group(1))
        began = int(state.earliest[:4]) if state.earliest and state.earliest[:4].isdigit() else None
        until = _settled_year(state.as_of)
        if (
            state.complete
            and until is not None
            and year < until
            and (began is None or began <= year)
        ):
            return Resolution(
                id=ident,
                status=Status.NOT_FOUND,
                source=NAME,
                reason=f"the index ({as_of}) holds the EU acts of {year} and not this one",
            )
        if not state.complete or until is None:
            why = f"not in the index ({as_of})"
        elif began is not None and began > year:
            why = f"not in the index ({as_of}), whose EU acts begin in {began}"
        else:  # the act's year is one whose acts may still be reaching the Cellar
            why = f"newer than the index ({as_of})"
        return Resolution(id=ident, status=Status.UNVERIFIED, source=NAME, reason=why)
