"""UN Digital Library (digitallibrary.un.org, a TIND system): UN document symbols, live.

Used only for ids the local index could not answer.  Many symbols are checked in one MARCXML
search, `p=documentsymbol:"X" OR documentsymbol:"Y"` (the field covers 191 $a, 191 $z and
791 $a), but only when the library's robots.txt allows `/search` (read once per run); when it
does not, every id is left `unverified` and the next registered source (ODS, one request per
symbol) is asked.  A search is fuzzy, so a record counts only when one of its 191 $a (its own
symbols) or 191 $z (a common form of the same document, e.g. a press release cited without
its suffix) equals the symbol, ignoring case, whitespace and cataloguers' brackets
(`[ST/]DPI/2315`); a missing year or section letter matches both ways (`S/RES/1325` and
`S/RES/1325 (2000)`; `A/RES/62/238A` and `A/RES/62/238`).  A 791 $a (another document's
symbol, e.g. on a voting record) never counts.  The library writes some symbols with a space
before a parenthesis (`S/RES/2231 (2015)`) and some without, so both spellings are searched.
`not_found` needs a complete, well-formed MARC collection read to its end without the symbol;
anything else (a full last page: maybe more) is `unverified`.
"""

from __future__ import annotations

import asyncio
import re
import urllib.robotparser
import weakref
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs
from lxml import etree

from citecheck.marc import MARC_NS, split_languages
from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, Unavailable, parse_xml
from citecheck.resolve.sources import robots

if TYPE_CHECKING:
    from citecheck.resolve.settings import Settings

UNDL_URL = "https://digitallibrary.un.org"

_M = f"{{{MARC_NS}}}"
_TOTAL_RE = re.compile(rb"Search-Engine-Total-Number-Of-Results:\s*(\d+)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_SYMBOL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-/() ]*\Z")
_MAX_PAGES = 5
_PAGE_SIZE = 200



def symbol_key(symbol: str) -> str:
    """Comparison key: no whitespace or brackets, case-folded."""
    return re.sub(r"[\s\[\]]", "", symbol).casefold()


_SECTION = re.compile(r"(?<=\d)[a-z]\Z")


def unsectioned_key(key: str) -> str:
    """`a/res/59/284a` -> `a/res/59/284`: a section of a resolution stands for its number."""
    return _SECTION.sub("", key)


_YEAR = re.compile(r"\((\d{4})\)\Z")
_SECTION_UPPER = re.compile(r"(?<=\d)\s?([A-Za-z])\Z")


def variant_parts(symbol: str) -> tuple[str, str | None, str | None]:
    """(base, year, section) of a symbol key: `s/res/1325(2000)` -> (`s/res/1325`, 2000, None);
    `a/res/62/238a` -> (`a/res/62/238`, None, `a`)."""
    key = symbol_key(symbol)
    year = _YEAR.search(key)
    if year is not None:
        key = key[: year.start()]
    section = _SECTION.search(key)
    if section is not None:
        key = key[: section.start()]
    return key, year.group(1) if year else None, section.group(0) if section else None


def same_document(asked: str, held: str) -> bool:
    """Is `held` the document `asked` names, up to a missing `(YYYY)` or section letter?

    `S/RES/1325` and `S/RES/1325 (2000)`; `A/RES/62/238A` and `A/RES/62/238` (the resolution
    holding section A), both ways; never two different years or sections.
    """
    a_base, a_year, a_sec = variant_parts(asked)
    h_base, h_year, h_sec = variant_parts(held)
    return (
        a_base == h_base
        and (a_year is None or h_year is None or a_year == h_year)
        and (a_sec is None or h_sec is None or a_sec == h_sec)
    )


def search_variants(symbol: str) -> list[str]:
    """Spellings to search: as given, with a space before `(` (`S/RES/2231 (2015)`), and
    without its year or section (the library may catalogue `S/RES/1325 (2000)` or the whole
    `A/RES/62/238` for a cited `A/RES/62/238A`); a search is fuzzy, `same_document` decides."""
    spaced = re.sub(r"\s*\(", " (", symbol)
    out = [symbol] if spaced == symbol else [symbol, spaced]
    bare = re.sub(r"\s*\(\d{4}\)\Z", "", symbol)
    bare = re.sub(r"(?<=\d)\s?[A-Z]\Z", "", bare)
    if bare not in out:
        out.append(bare)
    return out


def undocs_url(symbol: str) -> str:
    """Landing page for people."""
    return f"https://undocs.org/{symbol}"


@attrs.frozen(slots=True)
class MarcRecord:
    """The fields of one UNDL bibliographic record that a resolution needs.

    `alt_symbols` holds 191 $z (common forms of the same document); `related` the 993 $a
    symbols ("related documents"); `other_symbols` the 791 $a (other documents' symbols).
    """

    recid: str
    symbols: tuple[str, ...]
    title: str | None
    date: str | None
    languages: tuple[str, ...]
    files: tuple[str, ...]
    related: tuple[str, ...] = ()
    other_symbols: tuple[str, ...] = ()
    alt_symbols: tuple[str, ...] = ()


# (tag, subfield code) pairs read from a record; one compiled XPath (run by libxml2) picks
# their subfields, so the hundreds of other fields of a real record are never visited in Python.
_WANTED = frozenset(
    {
        ("191", "a"),
        ("191", "z"),
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
                    key = "191z" if (ftag, sub.get("code")) == ("191", "z") else ftag
                    values.setdefault(key, []).append(text)
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
        alt_symbols=tuple(dict.fromkeys(values.get("191z", ()))),
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


_ROBOTS: weakref.WeakKeyDictionary[Fetcher, urllib.robotparser.RobotFileParser | str] = (
    weakref.WeakKeyDictionary()
)


class UndlSource:
    """`un:` ids through the UN Digital Library search (ODS is the next registered source)."""

    name: ClassVar[str] = "undl"
    schemes: ClassVar[tuple[str, ...]] = ("un",)
    needs_network: ClassVar[bool] = True
    url_settings: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("undl_url", "CITECHECK_UNDL_URL", UNDL_URL),
    )
    links: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("un", "https://undocs.org/{value}", "/().-"),
    )
    confirms_missing: ClassVar[bool] = False
    enabled_by: ClassVar[str | None] = None
    batch_setting: ClassVar[str | None] = "undl_batch"
    answered_as: ClassVar[tuple[tuple[str, str], ...]] = (("undl", "undl_url"),)

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        self.fetcher = fetcher
        self.settings = settings
        self.base = settings.undl_url.rstrip("/")
        self.batch_size = settings.undl_batch

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
        if not todo:
            return out
        refused = await self._search_refused()
        if refused:
            out.update(
                {
                    ident: Resolution(
                        id=ident,
                        status=Status.UNVERIFIED,
                        url=undocs_url(sym),
                        source="undl",
                        reason=f"UN Digital Library: {refused}",
                    )
                    for ident, sym in todo
                }
            )
            return out
        batches = list(_chunks(todo, self.batch_size))
        for part in await asyncio.gather(*(self._search_batch(b) for b in batches)):
            out.update(part)
        return out

    async def _search_refused(self) -> str | None:
        """Why `/search` must not be asked (robots.txt), or None when it may."""
        rules = _ROBOTS.get(self.fetcher)
        if rules is None:
            rules = _ROBOTS[self.fetcher] = await robots.read_rules(self.fetcher, self.base)
        if robots.allows(rules, f"{self.base}/search"):
            return None
        if isinstance(rules, str):
            return f"{rules}; search not asked"
        return "robots.txt disallows /search; search not asked"

    async def _search_batch(self, items: Sequence[tuple[str, str]]) -> dict[str, Resolution]:
        wanted = {symbol_key(sym): (ident, sym) for ident, sym in items}
        query = " OR ".join(
            f'documentsymbol:"{v}"' for _, sym in items for v in search_variants(sym)
        )
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
                    reason="no UN Digital Library record has this symbol (document symbol search)",
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

        Returns the matching records (by symbol key, from 191 $a, else 191 $z or a section)
        and None when the search was read to its end, else why not: then a missing symbol is
        not a definite miss.  The end is where the announced total is reached, or, with no
        total announced, a short page (a full page may have more behind it).  A page that
        comes back empty or short while the announced total is not reached contradicts
        itself (seen under load) and is never taken as the end.
        """
        found: dict[str, MarcRecord] = {}
        weak: dict[str, MarcRecord] = {}  # 191 $z or section matches, beaten by a 191 $a
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
                for sym in record.symbols:
                    key = symbol_key(sym)
                    if key in wanted and key not in found:
                        found[key] = record
                    else:
                        for asked in wanted:
                            if same_document(asked, key):
                                weak.setdefault(asked, record)
                for sym in record.alt_symbols:
                    key = symbol_key(sym)
                    for asked in wanted:
                        if key == asked or same_document(asked, key):
                            weak.setdefault(asked, record)
            seen += len(records)
            if len(found) == len(wanted):
                return found, None
            end: str | None = "open"
            if total is None:
                if len(records) < _PAGE_SIZE:
                    end = None
            elif seen >= total:
                end = None
            elif not records:
                return {**weak, **found}, (
                    f"search announced {total} results but sent {seen}; reply incomplete"
                )
            if end is None:
                return {**weak, **found}, None
            jrec += len(records)
        return {**weak, **found}, f"search ran over {_MAX_PAGES} pages; not all read"
