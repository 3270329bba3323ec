"""Builders of UNDL MARCXML records, as the UN Digital Library (TIND/Invenio) writes them.

Shared by the index tests, the resolution tests and `benchmarks/index_bench.py`:
`marc_record(...)` writes one `<record>`; `sample_records()` is a small, realistic set
(HRC report and resolutions of sessions 17 and 18, a press release with a 191 $z, a sectioned
GA resolution, a symbol only in a 791, a joint symbol, a deleted record); `synthetic_record`
writes the n-th record of a large synthetic series for benchmarks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

import attrs

MARC_NS = "http://www.loc.gov/MARC21/slim"
_FILE_LANGS = ("AR", "ZH", "EN", "FR", "RU", "ES")
_LABELS = {
    "AR": "Arabic",
    "ZH": "Chinese",
    "EN": "English",
    "FR": "French",
    "RU": "Russian",
    "ES": "Spanish",
}


def _field(tag: str, subfields: Iterable[tuple[str, str]], ind1: str = " ", ind2: str = " ") -> str:
    subs = "".join(f'<subfield code="{c}">{escape(v)}</subfield>' for c, v in subfields)
    return f'<datafield tag="{tag}" ind1="{ind1}" ind2="{ind2}">{subs}</datafield>'


def marc_record(
    recid: int,
    symbols: Sequence[str] = (),
    *,
    alt: Sequence[str] = (),
    joint: Sequence[str] = (),
    related: Sequence[str] = (),
    title: str | None = None,
    subtitle: str | None = None,
    date: str | None = None,
    adopted: str | None = None,
    body: str | None = None,
    doc_type: str | None = None,
    languages: str | None = "arachiengfrerusspa",
    files: Sequence[str] = ("EN",),
    base_url: str = "https://digitallibrary.un.org",
) -> str:
    """One MARCXML `<record>` (no XML declaration), fields in the library's order."""
    parts = [f'<controlfield tag="001">{recid}</controlfield>']
    parts.append('<controlfield tag="005">20240101120000.0</controlfield>')
    if languages:
        parts.append(_field("041", [("a", languages)]))
    first = [("a", symbols[0])] if symbols else []
    first += [("z", z) for z in alt]
    if first:
        parts.append(_field("191", [*first, ("b", "A/"), ("c", "17")]))
    for extra in [*symbols[1:], *joint]:
        parts.append(_field("191", [("a", extra)]))
    if title:
        subs = [("a", title + (" :" if subtitle else ""))]
        if subtitle:
            subs.append(("b", subtitle))
        parts.append(_field("245", subs, "1", "0"))
    if date:
        parts.append(_field("269", [("a", date)]))
    for rel in related:
        parts.append(_field("791", [("a", rel), ("b", "A/HRC/"), ("c", "17")]))
    for lang in files:
        name = (symbols[0] if symbols else f"doc{recid}").replace("/", "_")
        url = f"{base_url}/record/{recid}/files/{name}-{lang}.pdf"
        parts.append(_field("856", [("u", url), ("y", _LABELS.get(lang, lang))], "4", "0"))
    if body:
        parts.append(_field("981", [("a", body)]))
    if doc_type:
        parts.append(_field("989", [("a", doc_type)]))
    if adopted:
        parts.append(_field("992", [("a", adopted)]))
    return f'<record xmlns="{MARC_NS}">' + "".join(parts) + "</record>"


@attrs.define
class FakeRecord:
    """A record as the fake OAI server holds it: its last change and its MARCXML."""

    recid: int
    datestamp: str  # YYYY-MM-DDThh:mm:ssZ, the record's last change
    marc: str | None  # None: deleted


def _resolution(recid: int, symbol: str, adopted: str, datestamp: str) -> FakeRecord:
    number = symbol.rsplit("/", 1)[-1]
    return FakeRecord(
        recid,
        datestamp,
        marc_record(
            recid,
            [symbol],
            title=f"Resolution {number} adopted by the Human Rights Council",
            date=adopted,
            adopted=adopted,
            body="UN. Human Rights Council",
            doc_type="Resolutions and Decisions",
        ),
    )


def sample_records() -> list[FakeRecord]:
    """The realistic test set (datestamps spread over 2011-2012, one record per change)."""
    records = [
        FakeRecord(
            700001,
            "2011-03-14T10:00:00Z",
            marc_record(
                700001,
                ["A/HRC/17/31"],
                title="Report of the Special Representative of the Secretary-General on the "
                "issue of human rights and transnational corporations and other business "
                "enterprises, John Ruggie",
                subtitle="Guiding Principles on Business and Human Rights",
                date="2011-03-21",
                body="UN. Human Rights Council. Special Representative",
                doc_type="Reports",
                related=["A/HRC/RES/17/4"],
            ),
        ),
    ]
    recid = 710000
    for n in range(1, 20):
        recid += 1
        records.append(
            _resolution(recid, f"A/HRC/RES/17/{n}", "2011-06-16", f"2011-07-{n:02d}T09:00:00Z")
        )
    for n in range(1, 6):
        recid += 1
        records.append(
            _resolution(recid, f"A/HRC/RES/18/{n}", "2011-09-29", f"2011-10-{n:02d}T09:00:00Z")
        )
    records += [
        FakeRecord(
            720001,
            "2011-08-02T12:00:00Z",
            marc_record(
                720001,
                ["HRC/11/120"],
                alt=["GA/11120"],
                title="Human Rights Council concludes seventeenth session",
                date="2011-06-17",
                body="UN. Department of Public Information",
                doc_type="Press Releases",
                languages="eng",
            ),
        ),
        FakeRecord(
            720002,
            "2011-08-20T12:00:00Z",
            marc_record(
                720002,
                ["A/RES/59/284 A"],
                title="Financing of the United Nations Mission in Sierra Leone",
                date="2005-06-15",
                adopted="2005-06-13",
                body="UN. General Assembly (59th sess. : 2004-2005)",
                doc_type="Resolutions and Decisions",
                files=("EN", "FR"),
                languages=None,
            ),
        ),
        FakeRecord(
            720003,
            "2011-09-05T12:00:00Z",
            marc_record(
                720003,
                ["A/HRC/17/L.30"],
                related=["A/HRC/RES/17/31"],
                title="Draft resolution",
                date="2011-06-13",
                body="UN. Human Rights Council",
                doc_type="Draft resolutions",
            ),
        ),
        FakeRecord(
            720004,
            "2011-11-10T12:00:00Z",
            marc_record(
                720004,
                ["A/51/40 (Vol. I)"],
                joint=["CCPR/C/51/40"],
                title="Report of the Human Rights Committee",
                date="1997-01-01",
                body="UN. Human Rights Committee",
                doc_type="Reports",
            ),
        ),
        FakeRecord(720005, "2012-01-20T12:00:00Z", None),  # deleted
    ]
    return records


def synthetic_record(recid: int, datestamp: str) -> FakeRecord:
    """The record `recid` of a large synthetic series (about 1 KB of MARCXML)."""
    session = 1 + recid // 5000
    number = recid % 5000 + 1
    symbol = f"A/HRC/{session}/{number}" if recid % 2 else f"A/HRC/RES/{session}/{number}"
    return FakeRecord(
        recid,
        datestamp,
        marc_record(
            recid,
            [symbol],
            related=[f"A/HRC/{session}/L.{number}"],
            title=f"Synthetic document {recid}",
            date="2015-01-01",
            body="UN. Human Rights Council",
            doc_type="Reports",
            files=_FILE_LANGS,
        ),
    )
