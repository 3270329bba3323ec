"""A small index built with `citecheck.index.db`'s write API from the fake sources' records.

The UN part is the fake UNDL's own MARC records (`fixtures/sources/undl_records.xml`, read with
the live parser: 191 $a own, 191 $z alt, 791 related) plus generated records for the Human
Rights Council resolutions of sessions 17 to 20 (session 17 adopted 17/1 to 17/25), a voting
record that names `A/HRC/RES/17/31` only in 791, a press release known by its common form
(191 $z) and a sectioned resolution (`A/RES/59/284A`).  The EU part: Directive 95/46/EC
repealed by Regulation (EU) 2016/679, and an act whose record contradicts itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from fakeserver import FIXTURES

from citecheck.index.db import EuAct, HarvestState, IndexDB, UnRecord
from citecheck.resolve.sources.undl import parse_collection

AS_OF = "2026-11-01"
HRC_SESSIONS = {17: 25, 18: 20, 19: 30, 20: 20}


def canonical(symbol: str) -> str:
    """`S/RES/2231 (2015)` -> `S/RES/2231(2015)`, as citecheck writes ids."""
    return re.sub(r"\s+\(", "(", symbol.strip())


def fixture_records() -> list[UnRecord]:
    _, records = parse_collection((FIXTURES / "undl_records.xml").read_bytes())
    out = []
    for rec in records:
        symbols = [
            *((canonical(s), "own") for s in rec.symbols),
            *((canonical(s), "alt") for s in rec.alt_symbols),
            *((canonical(s), "related") for s in rec.other_symbols),
        ]
        out.append(
            UnRecord(
                recid=int(rec.recid),
                symbols=tuple(symbols),
                title=rec.title,
                date=rec.date,
                languages=rec.languages,
            )
        )
    return out


def extra_records() -> list[UnRecord]:
    out = []
    recid = 700000
    for session, last in HRC_SESSIONS.items():
        for number in range(1, last + 1):
            symbol = f"A/HRC/RES/{session}/{number}"
            if any(symbol in dict(r.symbols) for r in fixture_records()):
                continue
            recid += 1
            out.append(UnRecord(recid=recid, symbols=((symbol, "own"),), title=f"Res {symbol}"))
    out.append(  # a voting record: the resolution's symbol only in 791
        UnRecord(
            recid=800001,
            symbols=(("A/HRC/RES/17/31", "related"), ("A/HRC/RES/20/99", "related")),
            title="Voting record",
        )
    )
    out.append(  # a press release cited in its common form (191 $z)
        UnRecord(
            recid=800002,
            symbols=(("SG/SM/20000-OBV/2000", "own"), ("SG/SM/20000", "alt")),
            title="Secretary-General's message",
        )
    )
    out.append(  # a sectioned resolution, catalogued without a space
        UnRecord(recid=800003, symbols=(("A/RES/59/284A", "own"),), title="Sectioned")
    )
    for n in (283, 285):
        out.append(UnRecord(recid=800010 + n, symbols=((f"A/RES/59/{n}", "own"),), title="GA"))
    return out


def build_index(path: Path, *, complete: bool = True, with_un: bool = True) -> Path:
    """Write the test index at `path` and return it."""
    db = IndexDB(path, write=True)
    try:
        with db.transaction():
            records = [*fixture_records(), *extra_records()] if with_un else []
            db.put_un_records(records)
            db.set_harvest(
                HarvestState("undl", AS_OF, complete, "1946-01-01", None, len(records), AS_OF)
            )
            db.put_eu_acts(
                [
                    EuAct(
                        "31995L0046",
                        "DIR",
                        "1995-10-24",
                        "Directive 95/46/EC on the protection of individuals",
                        in_force=False,
                        end_of_validity="2018-05-24",
                    ),
                    EuAct(
                        "32016R0679",
                        "REG",
                        "2016-04-27",
                        "General Data Protection Regulation",
                        in_force=True,
                    ),
                    EuAct(
                        "32001R0045",
                        "REG",
                        "2000-12-18",
                        "Regulation (EC) No 45/2001",
                        in_force=True,
                        end_of_validity="2019-01-01",
                    ),
                ]
            )
            db.put_eu_repeals([("31995L0046", "32016R0679", False)])
            db.put_eu_cases([("C-293/12", "ECLI:EU:C:2014:238", "62012CJ0293")])
            db.set_harvest(HarvestState("eu", AS_OF, complete, "1952-01-01", None, 3, AS_OF))
    finally:
        db.close()
    return path
