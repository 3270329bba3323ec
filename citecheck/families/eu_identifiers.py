"""CELEX numbers, ELI URIs and EUR-Lex URLs in text.

``32020D1999``, ``CELEX:32016R0679``, ``32016R0679R(02)``, ``02020D1999-20210302``,
``62012CJ0293`` -> ``celex:<number>``; ``http://data.europa.eu/eli/reg/2016/679/oj`` -> the
CELEX of the act where the ELI type says which it is (reg -> R, dir -> L, dec -> D);
``https://eur-lex.europa.eu/...?uri=CELEX:32020D1999`` -> ``celex:32020D1999`` and
``...?uri=uriserv:OJ.L_.2016.119.01.0001.01.ENG`` -> ``oj:L/2016/119/p1``.

One alternation pattern: a URL is matched as a whole, so the CELEX inside it is not cited
twice. Unpadded CELEX numbers (``32016R679``) are read and reported, never silently accepted.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator

import attrs
import regex

from citecheck.families.base import (
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    matches_near,
    quoted,
)
from citecheck.families.eu_acts import DESCRIPTORS, EUActParts, scan_acts
from citecheck.families.eu_acts import REACH_AFTER as ACTS_REACH_AFTER
from citecheck.model import Citation, Finding, Fix, Kind, Severity
from citecheck.patterns import unreadable_number
from citecheck.rules import Rule

_CELEX_CORE = (
    r"(?P<sector>[0-9CE])(?P<year>(?:19|20)\d\d)(?P<desc>[A-Z]{1,2})(?P<num>\d{1,4})"
    r"(?P<corr>R\(\d{2}\))?(?:-(?P<cons>\d{8}))?"
)
_URL_TAIL = r"[^\s\"'<>\]\[()]{0,400}"
_PATTERN = compile_pattern(
    rf"""
    (?P<url>https?://(?:www\.)?eur-lex\.europa\.eu/{_URL_TAIL}
           (?:\((?:\d{{2}}|[^\s\"'<>()]{{1,20}})\){_URL_TAIL}){{0,2}})
  | (?P<eli>https?://data\.europa\.eu/eli/(?P<etype>[a-z_]{{2,30}})/(?P<eyear>\d{{4}}|[a-z_0-9]{{1,30}})
        (?:/(?P<enum>\d{{1,5}}))?
        (?P<etail>/(?:oj|corrigendum/\d{{4}}-\d{{2}}-\d{{2}}/oj|\d{{4}}-\d{{2}}-\d{{2}}))?
        (?:/(?P<elang>[a-z]{{3}}))?(?:/(?:html|pdf|xml))?(?![\w/]))
  | (?<![\w/.\-])(?P<prefix>(?i:celex)(?::|%3A|\s{{1,2}}(?:(?i:no\.?|number)\s{{1,2}})?|\s?:\s?))?
        (?P<celex>{_CELEX_CORE})(?![\w(])
  | (?<![\w/.\-])(?P<tprefix>(?i:celex)(?::|%3A|\s{{1,2}}))(?P<treaty>1(?:19|20)\d\d[A-Z](?:/TXT)?)
        (?![\w/])
    """
)
_IN_URL_CELEX = compile_pattern(rf"(?i:uri=)?(?i:celex)(?::|%3A)(?P<celex>{_CELEX_CORE})(?![\w(])")
_IN_URL_TREATY = compile_pattern(r"(?i:celex)(?::|%3A)(?P<treaty>1(?:19|20)\d\d[A-Z](?:/TXT)?)")
_IN_URL_URISERV = compile_pattern(
    r"(?:OJ)\.(?P<series>[LC])(?P<sub>[_AEI])\.(?P<year>\d{4})\.(?P<issue>\d{1,4})\.\d{2}"
    r"\.(?P<page>\d{4})\.\d{2}\.[A-Z]{3}"
)
_IN_URL_OJNEW = compile_pattern(
    r"(?i:uri=)OJ(?::|%3A)(?P<series>[LC])_(?P<year>\d{4})(?P<num>\d{5})"
)
_IN_URL_ELI = compile_pattern(
    r"/eli/(?P<etype>[a-z_]{2,30})/(?P<eyear>\d{4})/(?P<enum>\d{1,5})"
    r"(?P<etail>/(?:oj|corrigendum/\d{4}-\d{2}-\d{2}/oj|\d{4}-\d{2}-\d{2}))?"
)
_TRAILING = ".,;:!?'\""
# Every identifier holds "http", "celex" or a CELEX year+descriptor ("2016R") within 20
# characters of its start; the grammar runs only near those.
_ANCHORS = ("http", "celex")
_CENTURIES = ("19", "20")


def _celex_years(doc: Document) -> Iterator[tuple[int, int]]:
    r"""Spans of ``(?:19|20)\d\d[A-Z]`` ("2016R"), read from the anchor pass's "19" and "20"
    hits (two such spans cannot overlap: the letter ends each)."""
    text = doc.text
    n = len(text)
    for start, _ in doc.hits(_CENTURIES, exact=True):
        end = start + 5
        if (
            end <= n
            and text[start + 2].isdecimal()
            and text[start + 3].isdecimal()
            and "A" <= text[start + 4] <= "Z"
        ):
            yield start, end


def _identifier_hits(doc: Document) -> Iterator[tuple[int, int]]:
    return heapq.merge(doc.hits(_ANCHORS), _celex_years(doc))


_ELI_TREATIES = {"char_2012": "12012P/TXT", "teu_2016": "12016M/TXT", "tfeu_2016": "12016E/TXT"}


@attrs.frozen(slots=True)
class CelexParts:
    """A CELEX number split into its fields."""

    celex: str
    sector: str
    year: int
    descriptor: str
    number: str
    corrigendum: str | None = None
    consolidated: str | None = None
    #: how the id was obtained: "celex" (written), "eli" (derived from an ELI), "url"
    source: str = "celex"


@attrs.frozen(slots=True)
class ELIParts:
    """An ELI URI; ``celex`` is derived from the ELI type when that is unambiguous."""

    uri: str
    typedoc: str
    year: str
    number: str | None
    version: str | None  # "oj", a consolidation date, or "corrigendum/<date>/oj"
    language: str | None
    celex: str | None
    derived: str  # what was derived and how, e.g. "reg -> R"


@attrs.frozen(slots=True)
class URLParts:
    """A EUR-Lex URL and what it points at."""

    url: str
    target: str  # "celex", "oj", "eli"
    inner: CelexParts | ELIParts | None = None


MALFORMED = Rule(
    "EU201",
    "celex-number-not-padded",
    Severity.WARNING,
    "A CELEX number whose document number is not zero-padded to four digits.",
    "CELEX numbers have a fixed layout: sector, four-digit year, descriptor and a four-digit "
    "number. EUR-Lex does not find '32016R679'.",
    bad="32016R679",
    good="32016R0679",
    fixable=True,
)
DESCRIPTOR_MISMATCH = Rule(
    "EU202",
    "celex-descriptor-does-not-fit-act",
    Severity.ERROR,
    "The CELEX descriptor does not fit the act cited next to it.",
    "Regulations are R, directives L, decisions D, framework decisions F. "
    "'Regulation (EU) 2016/679 (CELEX 32016L0679)' names two different documents.",
    bad="Regulation (EU) 2016/679 (CELEX 32016L0679)",
    good="Regulation (EU) 2016/679 (CELEX 32016R0679)",
    fixable=True,
)
UNKNOWN_SECTOR3_DESCRIPTOR = Rule(
    "EU203",
    "celex-unknown-descriptor",
    Severity.WARNING,
    "A sector-3 CELEX number with a descriptor that EUR-Lex does not use.",
    "Known sector-3 descriptors include R, L, D, F, E, H, A, B, C, G, J, K, M, O, Q, S, X, Y.",
    bad="32016Z0679",
    good="32016R0679",
)
ELI_TYPE_UNKNOWN = Rule(
    "EU204",
    "eli-type-not-mapped",
    Severity.INFO,
    "The ELI's document type does not name a regulation, directive or decision.",
    "The CELEX number could not be derived from this ELI, so it is cited by its URI only.",
    bad="http://data.europa.eu/eli/agree_internation/2016/920/oj",
    good="http://data.europa.eu/eli/reg/2016/679/oj",
)
RULES: tuple[Rule, ...] = (
    MALFORMED,
    DESCRIPTOR_MISMATCH,
    UNKNOWN_SECTOR3_DESCRIPTOR,
    ELI_TYPE_UNKNOWN,
)

_SECTOR3 = frozenset("ABCDEFGHJKLMOQRSXY")
_ELI_DESCRIPTOR = {"reg": "R", "dir": "L", "dec": "D"}


def _celex_parts(m: regex.Match[str], source: str) -> CelexParts:
    num = m.group("num")
    celex = f"{m.group('sector')}{m.group('year')}{m.group('desc')}{num.zfill(4)}"
    if m.group("corr"):
        celex += m.group("corr")
    if m.group("cons"):
        celex += "-" + m.group("cons")
    return CelexParts(
        celex=celex,
        sector=m.group("sector"),
        year=int(m.group("year")),
        descriptor=m.group("desc"),
        number=num.zfill(4),
        corrigendum=m.group("corr"),
        consolidated=m.group("cons"),
        source=source,
    )


def eli_celex(typedoc: str, year: str, number: str | None) -> tuple[str | None, str]:
    """CELEX derived from an ELI's type, year and number, and a note of what was derived."""
    if typedoc == "treaty" and year in _ELI_TREATIES:
        return _ELI_TREATIES[year], f"treaty/{year} -> {_ELI_TREATIES[year]}"
    base = typedoc.split("_", 1)[0]
    desc = _ELI_DESCRIPTOR.get(base)
    if desc is None or number is None or not year.isdigit():
        return None, f"{typedoc}: no CELEX descriptor"
    return f"3{year}{desc}{int(number):04d}", f"{base} -> {desc}"


def _eli_parts(m: regex.Match[str], uri: str) -> ELIParts:
    tail = (m.group("etail") or "").lstrip("/") or None
    celex, derived = eli_celex(m.group("etype"), m.group("eyear"), m.group("enum"))
    lang = m.groupdict().get("elang")
    return ELIParts(
        uri=uri,
        typedoc=m.group("etype"),
        year=m.group("eyear"),
        number=m.group("enum"),
        version=tail,
        language=lang,
        celex=celex,
        derived=derived,
    )


class EUIdentifiersFamily:
    """CELEX numbers, ELI URIs and EUR-Lex URLs."""

    name = "eu_identifiers"
    triggers: tuple[str, ...] = ()  # bare CELEX numbers have no literal to look for
    anchors = (*_ANCHORS, *_CENTURIES)
    priority = 35
    #: read past a citation: the acts it reads near its identifiers (``scan_acts``)
    reach_after = max(PATTERN_HORIZON, ACTS_REACH_AFTER)
    rules: tuple[Rule, ...] = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        acts = [c for c in scan_acts(doc) if isinstance(c.parts, EUActParts)]
        act_ends = [c.end for c in acts]
        for m in matches_near(_PATTERN, _identifier_hits(doc), text, before=20, after=64):
            if m.group("url") is None and unreadable_number(m.group()):
                continue
            if m.group("url"):
                cit = self._url(doc, m)
            elif m.group("eli"):
                cit = self._eli(m)
            elif m.group("celex"):
                cit = self._celex(doc, m, acts, act_ends)
            else:
                treaty = m.group("treaty")
                cit = self._citation(m, f"celex:{treaty}", Kind.CELEX, None, [])
            if cit is not None:
                yield cit

    def _celex(
        self, doc: Document, m: regex.Match[str], acts: list[Citation], act_ends: list[int]
    ) -> Citation | None:
        num = m.group("num")
        prefixed = bool(m.group("prefix"))
        if len(num) < 4 and not (m.group("sector") == "3" and m.group("desc") in DESCRIPTORS_SET):
            return None
        if len(num) < 4 and not prefixed and len(num) < 3:
            return None
        parts = _celex_parts(m, "celex")
        cid = f"celex:{parts.celex}"
        notes: list[Finding] = []
        s, e = m.start("celex"), m.end("celex")
        if len(num) < 4:
            fixed = (
                f"{parts.sector}{parts.year}{parts.descriptor}{parts.number}"
                f"{parts.corrigendum or ''}{'-' + parts.consolidated if parts.consolidated else ''}"
            )
            notes.append(
                MALFORMED.finding(
                    f"{quoted(m.group('celex'))}: the act number in a CELEX number has four "
                    f"digits; write {quoted(fixed)}",
                    s,
                    e,
                    id=cid,
                    fix=Fix(s, e, fixed, f"pad to {quoted(fixed)}"),
                )
            )
        if parts.sector == "3" and parts.descriptor not in _SECTOR3:
            notes.append(
                UNKNOWN_SECTOR3_DESCRIPTOR.finding(
                    f"{quoted(parts.descriptor)} is not a type letter of EU legislation in a "
                    "CELEX number: write R (regulation), L (directive), D (decision), "
                    "F (framework decision) or the letter EUR-Lex shows for the act",
                    s,
                    e,
                    id=cid,
                )
            )
        notes.extend(_descriptor_check(doc.text, m, parts, acts, act_ends, cid))
        return self._citation(m, cid, Kind.CELEX, parts, notes)

    def _eli(self, m: regex.Match[str]) -> Citation | None:
        parts = _eli_parts(m, m.group("eli"))
        notes: list[Finding] = []
        if parts.celex is None:
            cid = "eli:" + m.group("eli").split("/eli/", 1)[1]
            notes.append(
                ELI_TYPE_UNKNOWN.finding(
                    f"citecheck cannot tell which act this ELI names: {quoted(parts.typedoc)} is "
                    "not an ELI document type it knows (reg, dir, dec...); check the address",
                    m.start(),
                    m.end(),
                    id=cid,
                )
            )
        else:
            cid = f"celex:{parts.celex}"
        return self._citation(m, cid, Kind.ELI, parts, notes)

    def _citation(
        self,
        m: regex.Match[str],
        cid: str,
        kind: Kind,
        parts: CelexParts | ELIParts | None,
        notes: list[Finding],
    ) -> Citation:
        """The citation covering the whole match."""
        return Citation(
            id=cid,
            kind=kind,
            text=m.group(0),
            start=m.start(),
            end=m.end(),
            parts=parts,
            family=self.name,
            notes=tuple(notes),
        )

    def _url(self, doc: Document, m: regex.Match[str]) -> Citation | None:
        start, end = m.start(), m.end()
        while end > start and doc.text[end - 1] in _TRAILING:
            end -= 1
        url = doc.text[start:end]
        if unreadable_number(url):
            return None
        inner = _IN_URL_CELEX.search(url)
        if inner is not None:
            parts = _celex_parts(inner, "url")
            if len(inner.group("num")) < 4:
                return None
            return self._url_citation(url, start, end, f"celex:{parts.celex}", Kind.CELEX, parts)
        treaty = _IN_URL_TREATY.search(url)
        if treaty is not None:
            tid = f"celex:{treaty.group('treaty')}"
            return self._url_citation(url, start, end, tid, Kind.CELEX)
        serv = _IN_URL_URISERV.search(url)
        if serv is not None:
            sub = "" if serv.group("sub") == "_" else serv.group("sub")
            oid = (
                f"oj:{serv.group('series')}/{serv.group('year')}/{int(serv.group('issue'))}{sub}"
                f"/p{int(serv.group('page'))}"
            )
            return self._url_citation(url, start, end, oid, Kind.OJ)
        ojnew = _IN_URL_OJNEW.search(url)
        if ojnew is not None:
            oid = f"oj:{ojnew.group('series')}/{ojnew.group('year')}/{int(ojnew.group('num'))}"
            return self._url_citation(url, start, end, oid, Kind.OJ)
        eli = _IN_URL_ELI.search(url)
        if eli is not None:
            parts_e = _eli_parts(eli, url)
            if parts_e.celex is not None:
                eid = f"celex:{parts_e.celex}"
                return self._url_citation(url, start, end, eid, Kind.ELI, parts_e)
        return None

    def _url_citation(
        self,
        url: str,
        start: int,
        end: int,
        cid: str,
        kind: Kind,
        inner: CelexParts | ELIParts | None = None,
    ) -> Citation:
        target = cid.split(":", 1)[0] if kind is not Kind.ELI else "eli"
        return Citation(
            id=cid,
            kind=kind,
            text=url,
            start=start,
            end=end,
            parts=URLParts(url=url, target=target, inner=inner),
            family=self.name,
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


DESCRIPTORS_SET = frozenset(DESCRIPTORS.values())


def _descriptor_check(
    text: str,
    m: regex.Match[str],
    parts: CelexParts,
    acts: list[Citation],
    act_ends: list[int],
    cid: str,
) -> list[Finding]:
    """A CELEX written right after an act citation (within 80 characters) must fit its type."""
    if parts.sector != "3":
        return []
    i = bisect.bisect_right(act_ends, m.start()) - 1
    if i < 0 or m.start() - act_ends[i] > 80:
        return []
    act = acts[i].parts
    assert isinstance(act, EUActParts)
    if (act.year, int(act.number)) != (parts.year, int(parts.number)):
        return []
    expected = act.celex[5:-4]  # the act's own letter (a JHA joint action is F, not E)
    if parts.descriptor == expected:
        return []
    s = m.start("desc")
    return [
        DESCRIPTOR_MISMATCH.finding(
            f"the CELEX number has the type letter {quoted(parts.descriptor)}, but the act "
            f"cited is a {act.act_type}: write {quoted(act.celex)}",
            m.start("celex"),
            m.end("celex"),
            id=cid,
            fix=Fix(
                s, m.end("desc"), expected, f"type letter {quoted(expected)} for a {act.act_type}"
            ),
        )
    ]


FAMILY = EUIdentifiersFamily()
