"""Atheris fuzz target: the EU harvest's SPARQL JSON parser and row reader.

Why: `citecheck index update` reads whatever the SPARQL endpoint (or anything answering in
its place) sends; the parser may raise nothing but `HarvestError`, and a row it accepts
must read into an act or be skipped, never crash. Run (see benchmarks/README.md)::

    timeout 660 python benchmarks/fuzz_sparql.py -max_total_time=600 -rss_limit_mb=4096
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from citecheck.index.cellar_harvest import ACT_VARS, REPEAL_VARS, act_from_row, parse_results
    from citecheck.index.http import HarvestError

#: A well-formed reply, so the fuzzer starts from the shape it has to get past.
SEED = (
    b'{"head":{"vars":["celex","type","date","title","eli","force","eov","ecli","cases"]},'
    b'"results":{"bindings":[{"celex":{"type":"literal","value":"62012CJ0293"},'
    b'"force":{"type":"literal","value":"1"},"eov":{"type":"literal","value":"9999-12-31"},'
    b'"ecli":{"type":"literal","value":"ECLI:EU:C:2014:238"},'
    b'"cases":{"type":"literal","value":"Joined Cases C\\u2011293/12 and C\\u2011594/12"}}]}}'
)


def test_one_input(data: bytes) -> None:
    """One case: parse as an acts reply (seeded or raw), read every row; and as repeals."""
    fdp = atheris.FuzzedDataProvider(data)
    seeded = fdp.ConsumeBool()
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    body = SEED[: len(raw) % len(SEED)] + raw if seeded else raw
    try:
        for row in parse_results(body, ACT_VARS):
            act_from_row(row)
    except HarvestError:
        pass
    with contextlib.suppress(HarvestError):
        parse_results(raw, REPEAL_VARS)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
