"""Atheris fuzz target: the index harvester's OAI-PMH / MARCXML parser.

Why: a harvest reads a million records from a remote server; whatever it sends, the parser
may raise nothing but `HarvestError` (the harvest then stops and keeps its completed
windows).  Run (needs the `fuzz` extra)::

    timeout 660 python benchmarks/fuzz_oaipmh.py -max_total_time=600 -rss_limit_mb=4096

Half the inputs are a real ListRecords page with fuzzed bytes spliced in, so the fuzzer
reaches the record and MARC field readers quickly.  `tests/index/test_index_oaipmh.py` runs
the same property with hypothesis in the test suite.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from citecheck.index.errors import HarvestError
    from citecheck.index.oaipmh import parse_identify, parse_list_records

SEED = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>'
    b"<record><header><identifier>oai:digitallibrary.un.org:700001</identifier>"
    b"<datestamp>2011-03-14T10:00:00Z</datestamp></header><metadata>"
    b'<record xmlns="http://www.loc.gov/MARC21/slim"><controlfield tag="001">700001'
    b'</controlfield><datafield tag="041" ind1=" " ind2=" "><subfield code="a">'
    b'arachiengfrerusspa</subfield></datafield><datafield tag="191" ind1=" " ind2=" ">'
    b'<subfield code="a">A/RES/59/284 A</subfield><subfield code="z">GA/11120</subfield>'
    b'</datafield><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/51/40 (Vol. I)'
    b'</subfield></datafield><datafield tag="245" ind1="1" ind2="0"><subfield code="a">'
    b'Report :</subfield><subfield code="b">sub</subfield></datafield>'
    b'<datafield tag="791" ind1=" " ind2=" "><subfield code="a">A/HRC/RES/17/4</subfield>'
    b'</datafield><datafield tag="856" ind1="4" ind2="0"><subfield code="u">'
    b'https://x/record/1/files/A_HRC_17_31-EN.pdf</subfield><subfield code="y">English'
    b'</subfield></datafield><datafield tag="992" ind1=" " ind2=" "><subfield code="a">'
    b"2005-06-13</subfield></datafield></record></metadata></record>"
    b'<record><header status="deleted"><identifier>oai:digitallibrary.un.org:9</identifier>'
    b"<datestamp>2012-01-01T00:00:00Z</datestamp></header></record>"
    b'<resumptionToken completeListSize="9" cursor="0">___abc</resumptionToken>'
    b"</ListRecords></OAI-PMH>"
)


def test_one_input(data: bytes) -> None:
    """One fuzz case: raw bytes, or the seed page with the bytes spliced in."""
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    cut = fdp.ConsumeIntInRange(0, len(SEED))
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 1:
        raw = SEED[:cut] + raw + SEED[cut + len(raw) :]
    elif mode == 2:
        raw = SEED[:cut] + raw + SEED[cut:]
    for parse in (parse_list_records, parse_identify):
        with contextlib.suppress(HarvestError):
            parse(raw)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
