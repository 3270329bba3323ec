"""UN Digital Library (digitallibrary.un.org, a TIND system): UN document symbols.

Many symbols are checked in one MARCXML search, `p=191__a:"X" OR 191__a:"Y"`.  A search is
fuzzy, so a record counts only when one of its 191$a equals the symbol, ignoring case,
whitespace and cataloguers' brackets (`[ST/]DPI/2315`).  The library writes some symbols
with a space before a parenthesis (`S/RES/2231 (2015)`) and some without, so both spellings
are searched.  A record whose 791$a (other symbols) equals the symbol also counts.
`not_found` needs a complete, well-formed MARC collection without the symbol;
anything else is `unverified` and ODS is asked for a second opinion (see `ods`).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs
from lxml import etree

from citecheck.marc import MARC_NS, split_languages
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, Unavailable, parse_xml
from citecheck.resolve.sources import ods

if TYPE_CHECKING:
    from citecheck.resolve.engine import Settings

_M = f"{{{MARC_NS}}}"
_TOTAL_RE = re.compile(rb"Search-Engine-Total-Number-Of-Results:\s*(\d+)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SYMBOL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-/() ]*$")
_MAX_PAGES = 5
_PAGE_SIZE = 200



def symbol_key(symbol: str) -> str:
    """Comparison key: no whitespace or brackets, case-folded."""
    return re.sub(r"[\s\[\]]", "", symbol).casefold()


def search_variants(symbol: str) -> list[str]:
    """Spellings to search: as given, and with a space before `(` (`S/RES/2231 (2015)`)."""
    spaced = re.sub(r"\s*\(", " (", symbol)
    return [symbol] if spaced == symbol else [symbol, spaced]


def undocs_url(symbol: str) -> str:
    """Landing page for people."""
    return f"https://undocs.org/{symbol}"


@attrs.frozen(slots=True)
class MarcRecord:
    """The fields of one UNDL bibliographic record that a resolution needs.

    `related` holds the 993 $a symbols ("related documents": a report's resulting resolution,
    a resolution's draft, committee report and meeting record); `other_symbols` the 791 $a.
    """

    recid: str
    symbols: tuple[str, ...]
    title: str | None
    date: str | None
    languages: tuple[str, ...]
    files: tuple[str, ...]
    related: tuple[str, ...] = ()
    other_symbols: tuple[str, ...] = ()


# (tag, subfield code) pairs read from a record; one compiled XPath (run by libxml2) picks
# their subfields, so the hundreds of other fields of a real record are never visited in Python.
_WANTED = frozenset(
    {
        ("191", "a"),
        ("992", "a"),
        ("269", "a"),
        ("041", "a"),
        ("245", "a"),
        ("245", "b"),
        ("856", "u"),
        ("993", "a"),
        ("791", "a"),
    }
)
_WANTED_TAGS = frozenset(t for t, _ in _WANTED)
_DATAFIELD = f"{_M}datafield"
_CONTROLFIELD = f"{_M}controlfield"
_SUBFIELD = f"{_M}subfield"


def parse_record(record: etree._Element) -> MarcRecord:
    """Extract symbol(s), title, date, languages, file links and related symbols.

    One pass over the record's fields; only wanted fields' subfields are visited (a real
    record has a hundred fields or more, and one predicate search per field cost more).
    """
    recid = ""
    values: dict[str, list[str]] = {}
    title_parts: list[str] | None = None
    for field in record:
        ftag = field.get("tag")
        if ftag not in _WANTED_TAGS:
            if ftag == "001" and field.tag == _CONTROLFIELD and not recid:
                recid = (field.text or "").strip()
            continue
        if field.tag != _DATAFIELD:
            continue
        if ftag == "245":  # title: $a and $b of the first 245 only
            if title_parts is None:
                title_parts = [
                    (sub.text or "").strip().rstrip("/").strip()
                    for sub in field
                    if sub.tag == _SUBFIELD and sub.get("code") in ("a", "b")
                ]
            continue
        for sub in field:
            if sub.tag == _SUBFIELD and (ftag, sub.get("code")) in _WANTED:
                text = (sub.text or "").strip()
                if text:
                    values.setdefault(ftag, []).append(text)
    symbols = tuple(values.get("191", ()))
    adopted = next(iter(values.get("992", ())), None)
    published = next(iter(values.get("269", ())), None)
    is_decision = any("/RES/" in s.upper() or "/DEC/" in s.upper() for s in symbols)
    date = (adopted if is_decision and adopted else None) or published or adopted
    languages: list[str] = []
    for codes in values.get("041", ()):
        languages.extend(c for c in split_languages(codes) if c not in languages)
    title = " ".join(p for p in title_parts or () if p).rstrip(" :;,/").strip()
    return MarcRecord(
        recid=recid,
        symbols=symbols,
        title=title or None,
        date=date[:10] if date and _ISO_DATE.match(date[:10]) else None,
        languages=tuple(languages),
        files=tuple(values.get("856", ())),
        related=tuple(dict.fromkeys(values.get("993", ()))),
        other_symbols=tuple(dict.fromkeys(values.get("791", ()))),
    )


def parse_collection(content: bytes) -> tuple[int | None, list[MarcRecord]]:
    """(total announced by the search engine, records) from a `of=xm` search reply."""
    root = parse_xml(content, "UN Digital Library")
    if root.tag != f"{_M}collection":
        raise Unavailable(
            f"UN Digital Library sent <{etree.QName(root).localname}>, not a MARC collection"
        )
    match = _TOTAL_RE.search(content[:4096])
    total = int(match.group(1)) if match else None
    return total, [parse_record(r) for r in root.iterfind(f"{_M}record")]


def to_resolution(ident: str, symbol: str, record: MarcRecord, base_url: str) -> Resolution:
    """A `resolved` result for `symbol` from its record."""
    extra = [("record_url", f"{base_url.rstrip('/')}/record/{record.recid}")]
    extra.extend(("file", url) for url in record.files)
    extra.extend(("related", sym) for sym in record.related)
    return Resolution(
        id=ident,
        status=Status.RESOLVED,
        title=record.title,
        date=record.date,
        url=undocs_url(symbol),
        languages=record.languages,
        source="undl",
        extra=extra,
    )


def _chunks(items: Sequence[tuple[str, str]], size: int) -> Iterator[Sequence[tuple[str, str]]]:
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


class UndlSource:
    """`un:` ids through the UN Digital Library, with ODS as a second opinion."""

    name: ClassVar[str] = "undl"
    schemes: ClassVar[tuple[str, ...]] = ("un",)
    needs_network: ClassVar[bool] = True

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        self.fetcher = fetcher
        self.settings = settings
        self.base = settings.undl_url.rstrip("/")

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """Resolve `un:` ids in batches of `settings.undl_batch` symbols per search."""
        out: dict[str, Resolution] = {}
        todo: list[tuple[str, str]] = []
        for ident in ids:
            symbol = ident.split(":", 1)[1]
            if symbol.startswith("?/"):
                out[ident] = Resolution(
                    id=ident,
                    status=Status.NOT_CHECKED,
                    reason="the issuing UN body could not be determined from the text",
                )
            elif not _SYMBOL_RE.match(symbol) or "/" not in symbol:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.NOT_CHECKED,
                    reason=f"{symbol!r} is not a UN document symbol",
                )
            else:
                todo.append((ident, symbol))
        batches = list(_chunks(todo, self.settings.undl_batch))
        for part in await asyncio.gather(*(self._batch(b) for b in batches)):
            out.update(part)
        return out

    async def _batch(self, items: Sequence[tuple[str, str]]) -> dict[str, Resolution]:
        """One search, then (without waiting for other batches) ODS for what it left open."""
        out = await self._search_batch(items)
        await self._second_opinions(items, out)
        return out

    async def _search_batch(self, items: Sequence[tuple[str, str]]) -> dict[str, Resolution]:
        wanted = {symbol_key(sym): (ident, sym) for ident, sym in items}
        query = " OR ".join(f'191__a:"{v}"' for _, sym in items for v in search_variants(sym))
        try:
            found, open_reason = await self._search(query, set(wanted))
        except Unavailable as exc:
            return {
                ident: Resolution(
                    id=ident,
                    status=Status.UNVERIFIED,
                    url=undocs_url(sym),
                    source="undl",
                    reason=f"UN Digital Library: {exc.reason}",
                )
                for ident, sym in items
            }
        out: dict[str, Resolution] = {}
        for key, (ident, sym) in wanted.items():
            if key in found:
                out[ident] = to_resolution(ident, sym, found[key], self.base)
            elif open_reason is None:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.NOT_FOUND,
                    url=undocs_url(sym),
                    source="undl",
                    reason="no UN Digital Library record has this symbol (exact 191$a search)",
                )
            else:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.UNVERIFIED,
                    url=undocs_url(sym),
                    source="undl",
                    reason=f"UN Digital Library: {open_reason}",
                )
        return out

    async def _search(
        self, query: str, wanted: set[str]
    ) -> tuple[dict[str, MarcRecord], str | None]:
        """Page through the search until every wanted symbol is seen or results run out.

        Returns the matching records (by symbol key, from 191$a or 791$a) and None when the
        search was read to its end, else why not: then a missing symbol is not a definite
        miss.  The end is where the announced total is reached, or, with no total announced,
        a short page.  A page that comes back empty or short while the announced total is not
        reached contradicts itself (seen under load) and is never taken as the end.
        """
        found: dict[str, MarcRecord] = {}
        jrec, seen = 1, 0
        for _ in range(_MAX_PAGES):
            reply = await self.fetcher.get(
                f"{self.base}/search",
                params={"p": query, "of": "xm", "rg": _PAGE_SIZE, "jrec": jrec, "ln": "en"},
            )
            if reply.status != 200:
                raise Unavailable(f"search answered HTTP {reply.status}")
            total, records = parse_collection(reply.content)
            for record in records:
                for sym in (*record.symbols, *record.other_symbols):
                    key = symbol_key(sym)
                    if key in wanted and key not in found:
                        found[key] = record
            seen += len(records)
            if len(found) == len(wanted):
                return found, None
            if total is None:
                if len(records) < _PAGE_SIZE:
                    return found, None
            elif seen >= total:
                return found, None
            elif not records:
                return found, (
                    f"search announced {total} results but sent {seen}; reply incomplete"
                )
            jrec += len(records)
        return found, f"search ran over {_MAX_PAGES} pages; not all read"

    async def _second_opinions(
        self, items: Sequence[tuple[str, str]], out: dict[str, Resolution]
    ) -> None:
        """Ask ODS about symbols UNDL could not answer or did not find."""
        if not self.settings.ods_fallback:
            return
        asks = [(i, s) for i, s in items if out[i].status in (Status.UNVERIFIED, Status.NOT_FOUND)]
        answers = await asyncio.gather(
            *(ods.check(self.fetcher, self.settings.ods_url, sym) for _, sym in asks),
            return_exceptions=True,
        )
        for (ident, sym), answer in zip(asks, answers, strict=True):
            first = out[ident]
            if isinstance(answer, ods.OdsAnswer) and answer.verdict is ods.OdsVerdict.FILE:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.RESOLVED,
                    url=undocs_url(sym),
                    source="ods",
                    extra=[("ods_file", answer.location or "")],
                    reason=None,
                )
            elif first.status is Status.UNVERIFIED:
                if isinstance(answer, ods.OdsAnswer):
                    why = "ODS sent an HTML page instead of the file (it does so also under load)"
                elif isinstance(answer, Unavailable):
                    why = f"ODS: {answer.reason}"
                else:
                    raise answer
                out[ident] = first.evolve(reason=f"{first.reason}; {why}")
            elif isinstance(answer, BaseException) and not isinstance(answer, Unavailable):
                raise answer
