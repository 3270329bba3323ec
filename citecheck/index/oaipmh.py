"""OAI-PMH 2.0 client and safe parser for the UN Digital Library (MARCXML records).

Why a parser of our own: the replies are untrusted (a harvest reads a million records from a
remote server) and the failure modes matter more than the happy path.  `noRecordsMatch` is
an empty window, not an error; `badResumptionToken` raises `BadResumptionToken` so the caller
restarts the window; every other OAI `<error>`, an HTML error page, malformed or oversized
XML raises `HarvestError`, never a silent empty page.

MARC fields read into `UnRecord`: 001 record id (else the OAI identifier
``oai:digitallibrary.un.org:{recid}``); 191 $a the record's own symbol (the $a of a second or
later 191 are joint symbols), 191 $z other common forms (role ``alt``); 791 $a other
documents' symbols (role ``related``); 245 $a/$b title; 269 $a date (992 $a, the date of
adoption, first for resolutions and decisions); 981 $a body; 989 $a type; languages from 041
$a and from the 856 files' names and labels.  Symbols are written as citecheck's own UN
symbol parser writes them, so a look-up of an extracted id finds them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs
from lxml import etree

from citecheck.families.un_symbols import parse_symbol
from citecheck.index.db import UnRecord
from citecheck.index.errors import HarvestError
from citecheck.index.http import PoliteClient
from citecheck.marc import MARC_NS, file_language, split_languages

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
_O = f"{{{OAI_NS}}}"
_M = f"{{{MARC_NS}}}"
MAX_REPLY_BYTES = 64 * 1024 * 1024
MAX_SYMBOL = 200
MAX_TITLE = 2000
_DATAFIELD = f"{_M}datafield"
_CONTROLFIELD = f"{_M}controlfield"
_SUBFIELD = f"{_M}subfield"
_WANTED = frozenset({"041", "191", "245", "269", "791", "856", "981", "989", "992"})
_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_RECID = re.compile(r"(?:^|:)(\d{1,12})\Z")
_SECTION = re.compile(r"(?<=\d)\s+([A-Z])\Z")  # A/RES/59/284 A -> A/RES/59/284A
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")
_SPACE = re.compile(r"\s+")
# `(Vol. II)`, `( vol.II )`, `(PART I)`: the volume or part as the extractor writes it
_VOLUME_PART = re.compile(
    r"\s*\(\s*(?P<word>vol\b\.?|part\b\.?)\s*(?P<num>[IVXL]{1,6}|\d{1,2}|[A-Z])\s*\)",
    re.IGNORECASE,
)
MAX_PAGES_PER_WINDOW = 20_000  # ~2 million records at UNDL's 100 a page: a runaway, not a month


class BadResumptionToken(HarvestError):
    """The server no longer knows the token (expired): restart the window."""


@attrs.frozen
class Identify:
    """What `verb=Identify` says about the repository."""

    earliest: str  # YYYY-MM-DD
    granularity: str
    name: str | None = None


@attrs.frozen
class Page:
    """One ListRecords reply: records to store, ids to forget, the next token."""

    records: tuple[UnRecord, ...]
    deleted: tuple[int, ...]
    token: str | None
    skipped: int = 0  # records without a usable id (counted, never stored)
    size: int | None = None  # completeListSize when the server says


@functools.lru_cache(maxsize=1 << 16)  # 791s repeat (drafts, meeting records, reports)
def canonical_symbol(raw: str) -> str | None:
    """A 191/791 value as citecheck writes the symbol; None for an empty or absurd value.

    ``A/RES/59/284 A`` -> ``A/RES/59/284A``; ``A/51/40 (Vol. I)`` -> ``A/51/40(Vol.I)``;
    ``S/RES/2231 (2015)`` -> ``S/RES/2231(2015)``; ``[ST/]DPI/2315`` -> ``ST/DPI/2315``.
    """
    text = raw.replace("[", "").replace("]", "").strip()
    if not text or len(text) > MAX_SYMBOL:
        return None
    text = _VOLUME_PART.sub(_volume_part, text)  # before parsing: a parse keeps it as written
    parsed = parse_symbol(text)
    if parsed is not None:
        return parsed.canonical
    text = _SECTION.sub(r"\1", _SPACE.sub(" ", text))
    text = _PAREN_CLOSE.sub(")", _PAREN_OPEN.sub("(", text))
    head, paren, tail = text.partition("(")
    text = head + paren + _SPACE.sub("", tail)
    parsed = parse_symbol(text)
    if parsed is not None:
        return parsed.canonical
    cleaned = _SPACE.sub("", text)
    return cleaned or None


def _volume_part(m: re.Match[str]) -> str:
    label = "Vol." if m.group("word").lower().startswith("vol") else "Part"
    return f"({label}{m.group('num').upper()})"


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _recid(value: str | None) -> int | None:
    m = _RECID.search((value or "").strip())
    return int(m.group(1)) if m else None


def parse_marc(
    record: etree._Element, identifier: str | None, datestamp: str | None
) -> UnRecord | None:
    """One MARCXML `<record>` as an `UnRecord`; None when it has no usable record id."""
    recid: int | None = None
    symbols: list[tuple[str, str]] = []
    first_191 = True
    title: str | None = None
    published = adopted = body = doc_type = None
    languages: list[str] = []
    for field in record:
        tag = field.get("tag")
        if field.tag == _CONTROLFIELD:
            if tag == "001" and recid is None:
                recid = _recid(field.text)
            continue
        if field.tag != _DATAFIELD or tag not in _WANTED:
            continue
        subs = [
            (str(sub.get("code") or ""), (sub.text or "").strip())
            for sub in field
            if sub.tag == _SUBFIELD
        ]
        if tag == "191":
            for code, text in subs:
                if code not in ("a", "z"):
                    continue
                symbol = canonical_symbol(text)
                if symbol:
                    role = "alt" if code == "z" else ("own" if first_191 else "joint")
                    symbols.append((symbol, role))
            first_191 = False
        elif tag == "791":
            for code, text in subs:
                symbol = canonical_symbol(text) if code == "a" else None
                if symbol:
                    symbols.append((symbol, "related"))
        elif tag == "245":
            if title is None:
                parts = [t.rstrip("/").strip() for c, t in subs if c in ("a", "b") and t]
                title = " ".join(p for p in parts if p).rstrip(" :;,/").strip()[:MAX_TITLE]
        elif tag == "041":
            for code, text in subs:
                if code == "a":
                    languages.extend(split_languages(text))
        elif tag == "856":
            url = next((t for c, t in subs if c == "u"), None)
            label = next((t for c, t in subs if c == "y"), None)
            lang = file_language(url, label)
            if lang:
                languages.append(lang)
        else:
            value = next((t for c, t in subs if c == "a" and t), None)
            if tag == "269" and published is None:
                published = value
            elif tag == "992" and adopted is None:
                adopted = value
            elif tag == "981" and body is None:
                body = value[:MAX_TITLE] if value else None
            elif tag == "989" and doc_type is None:
                doc_type = value[:MAX_TITLE] if value else None
    if recid is None:
        recid = _recid(identifier)
    if recid is None:
        return None
    is_decision = any("/RES/" in s or "/DEC/" in s for s, role in symbols if role != "related")
    date = (_date(adopted) if is_decision else None) or _date(published) or _date(adopted)
    return UnRecord(
        recid=recid,
        symbols=tuple(dict.fromkeys(symbols)),
        title=title or None,
        date=date,
        body=body,
        type=doc_type,
        languages=tuple(dict.fromkeys(lang for lang in languages if lang)),
        datestamp=datestamp,
    )


def parse_reply(content: bytes, max_bytes: int = MAX_REPLY_BYTES) -> etree._Element:
    """The `<OAI-PMH>` root of a reply; `HarvestError` for anything that is not one."""
    if len(content) > max_bytes:
        raise HarvestError(f"OAI-PMH reply larger than {max_bytes} bytes; not parsed")
    head = content[:512].lstrip().lower()
    if not head:
        raise HarvestError("OAI-PMH reply was empty")
    if head.startswith((b"<!doctype html", b"<html")):
        raise HarvestError("the server sent an HTML page instead of OAI-PMH XML")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise HarvestError(f"the server sent malformed OAI-PMH XML ({exc.msg})") from exc
    except ValueError as exc:  # lxml refuses some inputs (e.g. unicode with a declaration)
        raise HarvestError(f"the server sent unreadable OAI-PMH XML ({exc})") from exc
    if root is None or root.tag != f"{_O}OAI-PMH":
        name = etree.QName(root).localname if root is not None else "nothing"
        raise HarvestError(f"the server sent <{name}>, not an OAI-PMH reply")
    return root


def _errors(root: etree._Element) -> list[tuple[str, str]]:
    return [
        (str(e.get("code") or ""), " ".join((e.text or "").split())[:300])
        for e in root.iterchildren(f"{_O}error")
    ]


def _raise_errors(errors: list[tuple[str, str]]) -> None:
    for code, text in errors:
        if code == "badResumptionToken":
            raise BadResumptionToken(f"the server no longer knows the resumption token ({text})")
    code, text = errors[0]
    raise HarvestError(f"OAI-PMH error {code or '(no code)'}: {text or 'no message'}")


def parse_identify(content: bytes) -> Identify:
    """`Identify`: earliest datestamp (as a day) and granularity."""
    root = parse_reply(content)
    errors = _errors(root)
    if errors:
        _raise_errors(errors)
    ident = root.find(f"{_O}Identify")
    if ident is None:
        raise HarvestError("OAI-PMH Identify reply without <Identify>")
    earliest = _date(ident.findtext(f"{_O}earliestDatestamp"))
    if earliest is None:
        raise HarvestError("OAI-PMH Identify reply without a readable earliestDatestamp")
    granularity = (ident.findtext(f"{_O}granularity") or "YYYY-MM-DD").strip()
    name = ident.findtext(f"{_O}repositoryName")
    return Identify(earliest=earliest, granularity=granularity, name=name)


def parse_list_records(content: bytes, max_bytes: int = MAX_REPLY_BYTES) -> Page:
    """One `ListRecords` reply; `noRecordsMatch` gives an empty last page."""
    root = parse_reply(content, max_bytes)
    errors = _errors(root)
    if errors:
        if all(code == "noRecordsMatch" for code, _ in errors):
            return Page(records=(), deleted=(), token=None)
        _raise_errors(errors)
    listing = root.find(f"{_O}ListRecords")
    if listing is None:
        raise HarvestError("OAI-PMH ListRecords reply without <ListRecords>")
    records: list[UnRecord] = []
    deleted: list[int] = []
    skipped = 0
    token: str | None = None
    size: int | None = None
    for item in listing:
        if item.tag == f"{_O}resumptionToken":
            token = (item.text or "").strip() or None
            raw_size = str(item.get("completeListSize") or "")
            size = int(raw_size) if raw_size.isdigit() else None
            continue
        if item.tag != f"{_O}record":
            continue
        header = item.find(f"{_O}header")
        if header is None:
            raise HarvestError("OAI-PMH record without a <header>")
        identifier = header.findtext(f"{_O}identifier")
        datestamp = (header.findtext(f"{_O}datestamp") or "").strip() or None
        if header.get("status") == "deleted":
            gone = _recid(identifier)
            if gone is None:
                skipped += 1
            else:
                deleted.append(gone)
            continue
        marc = item.find(f"{_O}metadata/{_M}record")
        parsed = parse_marc(marc, identifier, datestamp) if marc is not None else None
        if parsed is None:
            skipped += 1
        else:
            records.append(parsed)
    return Page(
        records=tuple(records), deleted=tuple(deleted), token=token, skipped=skipped, size=size
    )


class OaiClient:
    """OAI-PMH verbs over a `PoliteClient`."""

    def __init__(
        self,
        http: PoliteClient,
        path: str = "/oai2d",
        prefix: str = "marcxml",
        max_pages: int = MAX_PAGES_PER_WINDOW,
    ) -> None:
        self.http = http
        self.max_pages = max_pages
        self.path = path
        self.prefix = prefix

    def _get(self, params: dict[str, str]) -> bytes:
        reply = self.http.get(self.path, params=params)
        if reply.status_code != 200:
            raise HarvestError(f"OAI-PMH {params.get('verb')} answered HTTP {reply.status_code}")
        kind = reply.headers.get("content-type", "").lower()
        if "html" in kind:
            raise HarvestError("the server sent an HTML page instead of OAI-PMH XML")
        return reply.content

    def identify(self) -> Identify:
        """Ask `Identify`."""
        return parse_identify(self._get({"verb": "Identify"}))

    def list_records(self, from_: str, until: str) -> Iterator[Page]:
        """Pages of one window (`from`/`until` inclusive days); the token alone on follow-ups.

        A window is read to its end only if the items received (records, deleted, skipped)
        add up to the server's `completeListSize`: a list cut short raises `HarvestError`
        (the caller's transaction rolls back), as does paging past `max_pages` or past one
        page per announced item (a server handing out fresh tokens with empty pages).
        """
        params = {
            "verb": "ListRecords",
            "metadataPrefix": self.prefix,
            "from": from_,
            "until": until,
        }
        seen: set[str] = set()
        items = pages = 0
        size: int | None = None
        while True:
            page = parse_list_records(self._get(params), self.http.max_bytes)
            pages += 1
            items += len(page.records) + len(page.deleted) + page.skipped
            size = page.size if page.size is not None else size
            if page.token is None:
                if size is not None and items != size:
                    raise HarvestError(
                        f"window {from_}..{until}: the server announced {size} records "
                        f"and sent {items}; the list was cut short"
                    )
                yield page
                return
            yield page
            if pages >= self.max_pages or (size is not None and pages > size):
                raise HarvestError(
                    f"window {from_}..{until}: still paging after {pages} pages "
                    f"({items} records of {size if size is not None else 'an unknown number'})"
                )
            if page.token in seen:
                raise HarvestError("the server repeated a resumption token (a paging loop)")
            seen.add(page.token)
            params = {"verb": "ListRecords", "resumptionToken": page.token}
