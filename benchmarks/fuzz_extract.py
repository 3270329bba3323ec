"""Atheris fuzz target: ``citecheck.extract``/``check`` and the resolve layer's reply parsers.

Why: the extractor runs on arbitrary user files and the parsers on whatever a remote server
sends; neither may raise anything but their documented errors, and every citation span must
match its text. Run (see benchmarks/README.md)::

    timeout 660 python benchmarks/fuzz_extract.py -max_total_time=600 -rss_limit_mb=4096

Inputs are decoded as UTF-8 with replacement (as ``citecheck.readers`` does) and also fed raw
to the XML/JSON parsers. A crash is any other exception or a broken span invariant.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

import atheris

with atheris.instrument_imports():
    import citecheck
    from citecheck.readers import InputError, decode

    _PARSERS: list[tuple[Callable[[bytes], Any], type[BaseException]]] = []
    try:
        from citecheck.resolve.net import Unavailable
        from citecheck.resolve.sources import cellar, undl

        _PARSERS = [
            (cellar.parse_bindings, Unavailable),
            (cellar.parse_notice, Unavailable),
            (undl.parse_collection, Unavailable),
        ]
    except ImportError:  # resolve layer absent: fuzz extraction only
        pass

#: Seeds that steer the fuzzer towards citation-shaped text quickly.
SEEDS = (
    "See A/HRC/41/35, para. 66 and Ibid., para. 3.",
    "Case C\u2011311/18 Schrems II, ECLI:EU:C:2020:559, paragraph 5.",
    "Regulation (EU) 2016/679, Article 6(1)(b); OJ L 119, 4.5.2016, p. 1.",
    "CCPR/C/GC/34; E/C.12/GC/24; general comment No. 34 (2011).",
    "32019L1937 and Directive 2019/1937 of 23 October 2019, recital 5.",
)


def _check_spans(text: str, citations: Any) -> None:
    prev = -1
    for c in citations:
        if c.text != text[c.start : c.end]:
            raise AssertionError(f"span mismatch: {c!r}")
        if c.start < prev:
            raise AssertionError(f"out of order: {c!r}")
        prev = c.start


def test_one_input(data: bytes) -> None:
    """One fuzz case: the whole pipeline on the decoded bytes, then the reply parsers."""
    fdp = atheris.FuzzedDataProvider(data)
    selector = fdp.ConsumeIntInRange(0, 3)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    if selector == 0:
        raw = SEEDS[len(raw) % len(SEEDS)].encode() + raw
    try:
        text = decode(raw, "<fuzz>").text
    except InputError:
        text = raw.decode("utf-8", errors="replace")
    result = citecheck.check(text)
    _check_spans(text, result.citations)
    for parse, expected in _PARSERS:
        with contextlib.suppress(expected):
            parse(raw)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
