"""Shared runner of the table-driven French/Spanish UN tests: what check() finds in a passage.

Why: each language file is only a table of realistic passages and the citations they hold;
the comparison (ids, kinds, pinpoints, short-form flags, in order) is the same for all.
"""

from __future__ import annotations

import citecheck

Expected = tuple[str, str, str, bool]  # id, kind, canonical pinpoint, short_form


def found(passage: str) -> list[Expected]:
    """(id, kind, pinpoint, short_form) of every citation check() keeps, in text order."""
    return [
        (c.id, c.kind.value, str(c.pinpoint), c.short_form)
        for c in citecheck.check(passage).citations
    ]


def scores(cases: list[tuple[str, list[Expected]]]) -> tuple[float, float, float]:
    """Precision and recall of ids, and the share of expected pinpoints found right."""
    tp = fp = fn = pins = pins_ok = 0
    for passage, expected in cases:
        got = found(passage)
        got_ids = [g[0] for g in got]
        exp_ids = [e[0] for e in expected]
        remaining = list(got_ids)
        for cid in exp_ids:
            if cid in remaining:
                remaining.remove(cid)
                tp += 1
            else:
                fn += 1
        fp += len(remaining)
        for e in expected:
            if e[2]:
                pins += 1
                pins_ok += any(g[0] == e[0] and g[2] == e[2] for g in got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, (pins_ok / pins if pins else 1.0)


def ascii_id(passage: str, width: int = 40) -> str:
    """A passage's first ``width`` characters as a test id, ASCII only, no edge spaces:
    tools that re-run a test by its id (mutmut) cannot find ids pytest escaped
    (``\\xe9``) or that end with a space."""
    return passage[:width].strip().encode("ascii", "replace").decode("ascii")
