""" "Did you mean": likely mistakes in an id that was definitely not found.

Only candidates are produced here.  With a local index, a candidate is suggested only when the
index holds it (`from_index`), and the range a session actually adopted is named; without one,
the engine checks the candidates against the live source in one batch.  Order is likelihood:
a dropped or added `RES` and a dropped `/Add.n` or `/Corr.n` first, then swapped session and
number, then neighbouring numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from citecheck.index.db import series_key

if TYPE_CHECKING:
    from citecheck.resolve.sources.index import IndexSource

_SUFFIX = re.compile(r"^(Add|Corr|Rev|Amend)\.[0-9]+\Z")
_CELEX = re.compile(r"^([0-9])([0-9]{4})([RLD])([0-9]{4})\Z")


def _un(symbol: str) -> list[str]:
    parts = symbol.split("/")
    out: list[str] = []
    core = list(parts)
    while core and _SUFFIX.match(core[-1]):
        core.pop()
        out.append("/".join(core))
    if out:  # a wrong addendum/corrigendum number is far likelier than a wrong base symbol
        return out
    if len(core) >= 3 and core[-1].isdigit() and core[-2].isdigit():
        body, session, number = core[:-2], core[-2], core[-1]
        if body and body[-1] in ("RES", "DEC"):
            if len(body) > 1:
                out.append("/".join([*body[:-1], session, number]))
        else:
            out.append("/".join([*body, "RES", session, number]))
        if session != number:
            out.append("/".join([*body, number, session]))
        n = int(number)
        out.extend("/".join([*body, session, str(m)]) for m in (n - 1, n + 1) if m > 0)
    return out


def from_index(index: IndexSource, ident: str, limit: int = 3) -> tuple[list[str], str | None]:
    """(candidates the index holds, a note on what the index holds of the series) for a
    not-found `un:` id.

    The note reads "A/HRC session 17 adopted resolutions 17/1 to 17/25" when the index holds
    every number from 1 to the last and its UN harvest is complete; with gaps it names the
    runs it holds ("17/1 to 17/3, 17/5 and 17/7 to 17/50"), or counts them when there are
    many: a gap may be a resolution not harvested, so the highest number alone would claim
    too much. A partial harvest says what the index holds and that later numbers may exist.
    """
    found = [c for c in candidates(ident) if _held(index, c)][:limit]
    scheme, _, value = ident.partition(":")
    note = None
    key = series_key(value) if scheme == "un" else None
    if key is not None:
        stem, session, _ = key
        held = index.db.un_series(stem, session)
        if held:
            state = index.db.harvest("undl")
            note = held_note(stem, session, held, complete=state is not None and state.complete)
    return found, note


MAX_RUNS = 4  # runs named one by one in a note; more are counted


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers, lowest first: [1, 2, 3, 5, 7, 8] -> (1, 3), (5, 5), (7, 8)."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def held_note(
    stem: str, session: int | None, held: list[tuple[str, int]], *, complete: bool
) -> str:
    """What the index holds of one series (and session): `held` is (symbol, number) by number;
    `complete` says whether the index's UN harvest is (else later numbers may exist)."""
    note = _held_runs(stem, session, held, complete)
    return note if complete else f"{note} (its UN harvest is partial: others may exist)"


def _held_runs(stem: str, session: int | None, held: list[tuple[str, int]], complete: bool) -> str:
    (first, lo), (last, hi) = held[0], held[-1]
    spans = runs(n for _, n in held)
    if stem.endswith("/RES") and session is not None:
        body = stem.removesuffix("/RES")
        if spans == [(1, hi)] and complete:
            return f"{body} session {session} adopted resolutions {session}/1 to {session}/{hi}"
        if len(spans) <= MAX_RUNS:
            named = [
                f"{session}/{a}" if a == b else f"{session}/{a} to {session}/{b}" for a, b in spans
            ]
            listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
            return f"the index holds {body} session {session} resolutions {listed}"
        count = sum(b - a + 1 for a, b in spans)
        return (
            f"the index holds {count} {body} session {session} resolutions between "
            f"{session}/{lo} and {session}/{hi}, with gaps"
        )
    where = f" for session {session}" if session is not None else ""
    if len(spans) == 1:
        return f"the index holds {first} to {last}{where}"
    count = sum(b - a + 1 for a, b in spans)
    return f"the index holds {count} numbers between {first} and {last}{where}, with gaps"


def _held(index: IndexSource, ident: str) -> bool:
    scheme, _, value = ident.partition(":")
    if scheme == "un":
        return index.find(value) is not None
    if scheme == "celex":
        return index.db.eu_act(value) is not None
    return False


def _celex(celex: str) -> list[str]:
    m = _CELEX.match(celex)
    if not m:
        return []
    return [f"{m[1]}{m[2]}{d}{m[4]}" for d in "RLD" if d != m[3]]


def candidates(ident: str) -> list[str]:
    """Ids worth checking when `ident` was not found, most likely first; never `ident`."""
    scheme, _, value = ident.partition(":")
    if scheme == "un":
        found = [f"un:{c}" for c in _un(value)]
    elif scheme == "celex":
        found = [f"celex:{c}" for c in _celex(value)]
    else:
        found = []
    seen: list[str] = []
    for c in found:
        if c != ident and c not in seen:
            seen.append(c)
    return seen


_CASE_CELEX = re.compile(r"^6([0-9]{4})([CTF])[A-Z]{1,2}([0-9]{4})\Z")
_CASE_LAW = ("ecli", "case")


def celex_to_case(celex: str) -> str | None:
    """`62012CJ0293` -> `C-293/12`; Court of Justice cases before 1989 have no letter."""
    m = _CASE_CELEX.match(celex)
    if not m:
        return None
    year, court, num = int(m[1]), m[2], int(m[3])
    prefix = "" if court == "C" and year < 1989 else f"{court}-"
    return f"{prefix}{num}/{year % 100:02d}"


def _is_case_law(ident: str) -> bool:
    scheme, _, value = ident.partition(":")
    return scheme in _CASE_LAW or (scheme == "celex" and value.startswith("6"))


def related(
    ident: str, status: str, neighbours: Iterable[tuple[str, str, Iterable[tuple[str, str]]]]
) -> list[str]:
    """Ids of the case a neighbouring citation names, when `ident` failed to resolve.

    `neighbours` are (id, status, extra pairs) of citations written next to `ident` (e.g.
    `Case C-293/12, ECLI:EU:C:2014:239`).  A not_found ECLI or case-law CELEX gets the ECLI
    and CELEX the source records for a resolved neighbouring case; a case number that did
    not resolve gets the case of a resolved neighbouring ECLI/CELEX.  Only what the source
    said about the neighbour is used, so every suggestion exists.
    """
    scheme = ident.partition(":")[0]
    if not _is_case_law(ident) or status == "resolved":
        return []
    if scheme != "case" and status != "not_found":
        return []
    out: list[str] = []
    for other, other_status, extra in neighbours:
        if other == ident or other_status != "resolved" or not _is_case_law(other):
            continue
        meta = dict(extra)
        if scheme == "case":
            celex = meta.get("celex") or (
                other.partition(":")[2] if other.startswith("celex:") else ""
            )
            case = celex_to_case(celex)
            found = [f"case:{case}"] if case and other.partition(":")[0] != "case" else []
        elif other.startswith("case:"):
            found = [f"{k}:{meta[k]}" for k in (scheme, "ecli", "celex") if meta.get(k)]
        else:
            found = []
        out.extend(f for f in found if f != ident and f not in out)
    return out
