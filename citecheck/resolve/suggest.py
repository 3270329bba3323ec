""" "Did you mean": likely mistakes in an id that was definitely not found.

Only candidates are produced here; the engine checks them all in one batch and suggests
the ones the source knows.  Order is likelihood: a dropped or added `RES` and a dropped
`/Add.n` or `/Corr.n` first, then swapped session and number, then neighbouring numbers.
"""

from __future__ import annotations

import re

_SUFFIX = re.compile(r"^(Add|Corr|Rev|Amend)\.[0-9]+$")
_CELEX = re.compile(r"^([0-9])([0-9]{4})([RLD])([0-9]{4})$")


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
