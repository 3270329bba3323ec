"""EU acts and case law through the Publications Office's Cellar (SPARQL first, REST to confirm).

One SPARQL query checks many CELEX numbers (`VALUES`), another many ECLIs (compared with
`STR()`, since the literal's datatype varies).  A SPARQL query without bindings is not treated
as definite: each missing id is confirmed by its Cellar REST notice, whose 404 body
`Resource [system 'celex' - id '...'] not found.` is the one definite "no such document",
and only when it names the system and id that were asked (after a redirect, a 404 may be
about the target).  Likewise a 200 notice counts only when its own WORK names the CELEX or ECLI
that was asked, and a redirect that ends at another CELEX or ECLI is refused: an answer about
another act must not lend its title to the asked id.
EUR-Lex itself is never called: it answers scripts with a WAF challenge; its URLs are only
links for people.

Mappings that are guesses, said plainly:
* `case:C-293/12` -> CELEX `62012CJ0293` (judgment) or `62012CO0293` (order).  Joined cases are
  decided under the first case's number and many cases end without a judgment, so a miss
  is `unverified`, never `not_found`.
* `oj:L/2023/2131` (act-by-act OJ, from 1 October 2023) -> CELEX `32023R2131`, `32023L2131`,
  `32023D2131`; accepted only when the act's ELI ends in `/2023/2131/oj`.  A miss is
  `not_checked`.  Issue/page references (`oj:L/2020/410I/p13`) have no identifier this code
  can build with confidence, so they are `not_checked` with a link.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, unquote

import attrs
import httpx
from lxml import etree

from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, Unavailable, parse_xml

if TYPE_CHECKING:
    from citecheck.resolve.settings import Settings

_CELEX_RE = re.compile(r"^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()/._\-]{1,30}\Z")
_ECLI_RE = re.compile(r"^[A-Z]{2}:[A-Z0-9.]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}\Z")
_CASE_RE = re.compile(
    r"^(?:(?P<court>[CTF])-)?(?P<num>[0-9]{1,4})/(?P<yy>[0-9]{2})(?: ?[A-Z]{1,3})?\Z"
)
_OJ_ACT_RE = re.compile(r"^(?P<series>L|C)/(?P<year>20[2-9][0-9])/(?P<num>[0-9]{1,5})\Z")
_OJ_ISSUE_RE = re.compile(
    r"^(?P<series>L|C)/(?P<year>[0-9]{4})/(?P<issue>[0-9]{1,4}[A-Z]?)/p(?P<page>[0-9]+)\Z"
)
_NOT_FOUND_RE = re.compile(
    r"Resource \[system '(?P<system>[a-z]+)' - id '(?P<id>[^']*)'\] not found"
)
_RESOURCE_RE = re.compile(r"/resource/(?P<system>[a-z]+)/(?P<id>[^/?#]+)\Z")
_PREFIXES = """PREFIX cdm: <http://publications.europa.eu/ontology/cdm#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_ENG = "<http://publications.europa.eu/resource/authority/language/ENG>"
_NOTICE_HEADERS = {"Accept": "application/xml;notice=object", "Accept-Language": "eng"}
_TRUE = frozenset({"1", "true"})
_FALSE = frozenset({"0", "false"})
_OPEN_END = "9999-12-31"
#: The `extra` pair of a live EU act answer whose end of validity and repealing acts were
#: asked along with its in-force flag (answers cached by older versions lack it).
STATUS_READ = ("status_read", "end_of_validity replaced_by")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Notice elements naming an act that repeals this one (explicitly or implicitly).
_REPEALED_BY = (
    "RESOURCE_LEGAL_REPEALED_BY_RESOURCE_LEGAL",
    "RESOURCE_LEGAL_IMPLICITLY_REPEALED_BY_RESOURCE_LEGAL",
)


def eurlex_url(celex: str) -> str:
    """EUR-Lex page for people (never fetched by this code)."""
    return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"


def ecli_url(ecli: str) -> str:
    """EUR-Lex page of a judgment by ECLI, for people."""
    return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:{ecli}"


def case_to_celex(case: str) -> list[str] | None:
    """Candidate CELEX numbers (judgment, order) of a case number; a guess, see module doc."""
    m = _CASE_RE.match(case)
    if not m:
        return None
    yy = int(m["yy"])
    year = 1900 + yy if yy >= 50 else 2000 + yy
    court = {"C": "C", "T": "T", "F": "F"}.get(m["court"] or "C", "C")
    num = int(m["num"])
    return [f"6{year}{court}J{num:04d}", f"6{year}{court}O{num:04d}"]


def oj_act_candidates(oj: str) -> tuple[list[str], str] | None:
    """(CELEX candidates, required ELI tail) for an act-by-act OJ reference, else None."""
    m = _OJ_ACT_RE.match(oj)
    if not m or m["series"] != "L":
        return None
    year, num = m["year"], int(m["num"])
    return [f"3{year}{t}{num:04d}" for t in "RLD"], f"/{year}/{num}/oj"


@attrs.frozen(slots=True)
class WorkMeta:
    """What Cellar says about one work."""

    celex: str | None = None
    ecli: str | None = None
    date: str | None = None
    eli: str | None = None
    title: str | None = None
    in_force: str | None = None
    end_of_validity: str | None = None  # None also for Cellar's open end 9999-12-31
    repealed_by: tuple[str, ...] = ()  # CELEX numbers of the acts repealing it

    def merge(self, other: WorkMeta) -> WorkMeta:
        """Fill fields missing here from `other` (SPARQL rows repeat per OPTIONAL match);
        the in-force values and the repealers are gathered from every row (repealers sorted,
        as the index lists them; in-force values that disagree say nothing, as in the index)."""
        merged = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in attrs.fields(WorkMeta)
        }
        said = [v for v in (self.in_force, other.in_force) if v and v.strip()]
        merged["in_force"] = " ".join(dict.fromkeys(" ".join(said).split())) or None
        merged["repealed_by"] = tuple(sorted({*self.repealed_by, *other.repealed_by}))
        return WorkMeta(**merged)

    def in_force_flag(self) -> bool | None:
        """The in-force flag as Cellar writes it ("1"/"0" or true/false); None when there is
        none, or when the rows disagree ("0 1", read as the index harvest reads it)."""
        said = {v.lower() for v in (self.in_force or "").split()}
        if said and said <= _TRUE:
            return True
        if said and said <= _FALSE:
            return False
        return None

    def extra(self) -> list[tuple[str, str]]:
        """Non-empty fields as `Resolution.extra` pairs; an act with an in-force flag also says
        that its end of validity and repealers were read (`STATUS_READ`)."""
        pairs = [
            ("celex", self.celex),
            ("ecli", self.ecli),
            ("eli", self.eli),
            ("in_force", self.in_force),
            STATUS_READ if self.in_force_flag() is not None else ("", ""),
        ]
        return [(k, v) for k, v in pairs if k and v]


def _literals(values: Iterable[str], typed: bool) -> str:
    suffix = "^^xsd:string" if typed else ""
    return " ".join(f'"{v}"{suffix}' for v in values)


def celex_query(celexes: Sequence[str]) -> str:
    """SPARQL for date, ELI, in-force flag, end of validity, repealing acts, ECLI and English
    title of many CELEX numbers: the act status the index harvest reads, so a live answer
    settles "no longer in force" as the index does.  A repeal edge sits on the repealing act
    only, hence it is read backwards."""
    return (
        _PREFIXES
        + f"""SELECT ?celex ?date ?eli ?inforce ?eov ?repealer ?ecli ?title WHERE {{
  VALUES ?celex {{ {_literals(celexes, True)} }}
  ?work cdm:resource_legal_id_celex ?celex .
  OPTIONAL {{ ?work cdm:work_date_document ?date }}
  OPTIONAL {{ ?work cdm:resource_legal_eli ?eli }}
  OPTIONAL {{ ?work cdm:resource_legal_in-force ?inforce }}
  OPTIONAL {{ ?work cdm:resource_legal_date_end-of-validity ?eov }}
  OPTIONAL {{
    {{ ?rw cdm:resource_legal_repeals_resource_legal ?work }}
    UNION
    {{ ?rw cdm:resource_legal_implicitly_repeals_resource_legal ?work }}
    ?rw cdm:resource_legal_id_celex ?repealer }}
  OPTIONAL {{ ?work cdm:case-law_ecli ?ecli }}
  OPTIONAL {{ ?expr cdm:expression_belongs_to_work ?work ;
      cdm:expression_uses_language {_ENG} ;
      cdm:expression_title ?title }}
}}"""
    )


def ecli_query(eclis: Sequence[str]) -> str:
    """SPARQL for CELEX, date and English title of many ECLIs (`ECLI:`-prefixed)."""
    return (
        _PREFIXES
        + f"""SELECT ?key ?celex ?date ?title WHERE {{
  VALUES ?key {{ {_literals(eclis, False)} }}
  ?work cdm:case-law_ecli ?ecli .
  FILTER(STR(?ecli) = ?key)
  OPTIONAL {{ ?work cdm:resource_legal_id_celex ?celex }}
  OPTIONAL {{ ?work cdm:work_date_document ?date }}
  OPTIONAL {{ ?expr cdm:expression_belongs_to_work ?work ;
      cdm:expression_uses_language {_ENG} ;
      cdm:expression_title ?title }}
}}"""
    )


def parse_bindings(content: bytes) -> list[dict[str, str]]:
    """Rows of a SPARQL JSON result as {var: value}; malformed JSON means `Unavailable`."""
    try:
        data: Any = json.loads(content)
        rows = data["results"]["bindings"]
        if not isinstance(rows, list):
            raise TypeError("bindings is not a list")
        return [{k: str(v["value"]) for k, v in row.items()} for row in rows]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise Unavailable(f"Cellar SPARQL sent malformed or truncated JSON ({exc})") from exc


def _end_of_validity(value: str | None) -> str | None:
    """A dated end of validity; Cellar's open end (9999-12-31) and non-dates ("2018-13-45",
    "24/05/2018") are None."""
    day = (value or "").strip()[:10]
    if not _DATE_RE.fullmatch(day) or day == _OPEN_END:
        return None
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        return None
    return day


def _repealers(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values if v and _CELEX_RE.match(v.strip())}))


def _row_meta(row: dict[str, str]) -> WorkMeta:
    date = row.get("date")
    return WorkMeta(
        celex=row.get("celex"),
        ecli=row.get("ecli", row.get("key", "")).removeprefix("ECLI:") or None,
        date=date[:10] if date else None,
        eli=row.get("eli"),
        title=(row.get("title") or "").strip() or None,
        in_force=row.get("inforce"),
        end_of_validity=_end_of_validity(row.get("eov")),
        repealed_by=_repealers([row.get("repealer")]),
    )


def _value(parent: etree._Element, tag: str) -> str | None:
    el = parent.find(f"{tag}/VALUE")
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def _notice_repealers(root: etree._Element, work: etree._Element) -> tuple[str, ...]:
    """CELEX numbers of the acts a notice links as repealing its work (in WORK or INVERSE),
    read from each link's own `SAMEAS/URI` of type celex, never from embedded notices."""
    found: list[str | None] = []
    for parent in (work, root.find("INVERSE")):
        if parent is None:
            continue
        for tag in _REPEALED_BY:
            for link in parent.findall(tag):
                for uri in link.findall("SAMEAS/URI"):
                    if (uri.findtext("TYPE") or "").strip() == "celex":
                        found.append(uri.findtext("IDENTIFIER"))
    return _repealers(found)


def parse_notice(content: bytes) -> WorkMeta:
    """Metadata from a Cellar object notice; only the notice's own WORK/EXPRESSION is read.

    Embedded notices of related acts also carry titles and CELEX numbers, so nested
    elements are deliberately ignored.
    """
    root = parse_xml(content, "Cellar")
    if root.tag != "NOTICE":
        raise Unavailable(f"Cellar sent <{root.tag}>, not a notice")
    work = root.find("WORK")
    expr = root.find("EXPRESSION")
    meta = WorkMeta()
    if work is not None:
        date = _value(work, "WORK_DATE_DOCUMENT") or _value(work, "DATE_DOCUMENT")
        meta = WorkMeta(
            celex=_value(work, "RESOURCE_LEGAL_ID_CELEX"),
            ecli=(_value(work, "CASE-LAW_ECLI") or "").removeprefix("ECLI:") or None,
            date=date[:10] if date else None,
            eli=_value(work, "RESOURCE_LEGAL_ELI"),
            in_force=_value(work, "RESOURCE_LEGAL_IN-FORCE"),
            end_of_validity=_end_of_validity(
                _value(work, "RESOURCE_LEGAL_DATE_END-OF-VALIDITY")
            ),
            repealed_by=_notice_repealers(root, work),
        )
    if expr is not None:
        meta = attrs.evolve(meta, title=_value(expr, "EXPRESSION_TITLE"))
    return meta


def _names(body: str, system: str, value: str) -> bool:
    """Whether a Cellar 404 body says that exactly `system`/`value` does not exist.

    The id is compared ignoring case (CELEX and ECLI are upper case by definition); an ECLI
    may be echoed with or without its `ECLI:` prefix.
    """
    m = _NOT_FOUND_RE.search(body)
    return m is not None and m["system"] == system and _same_id(system, m["id"], value)


def _same_id(system: str, said: str, asked: str) -> bool:
    """CELEX and ECLI compared ignoring case; an ECLI with or without its `ECLI:` prefix."""
    said, asked = said.strip().upper(), asked.strip().upper()
    if system == "ecli":
        return said.removeprefix("ECLI:") == asked.removeprefix("ECLI:")
    return said == asked


def _check_target(url: str, system: str, value: str) -> None:
    """A redirect that ends at another CELEX or ECLI is an answer about another act."""
    m = _RESOURCE_RE.search(httpx.URL(url).path)
    if m is not None and m["system"] in ("celex", "ecli"):
        said = unquote(m["id"])
        if m["system"] != system or not _same_id(system, said, value):
            raise Unavailable(
                f"Cellar redirected the asked {system} {value!r} to {m['system']} {said!r}; "
                "an answer about another act is not used"
            )


def _check_notice(meta: WorkMeta, system: str, value: str) -> None:
    """The notice must name the id asked, as a 404 must: else it is about another act."""
    said = meta.celex if system == "celex" else meta.ecli
    if said is None:
        raise Unavailable(f"Cellar's notice does not name the asked {system} {value!r}")
    if not _same_id(system, said, value):
        raise Unavailable(
            f"Cellar's notice names {system} {said!r}, not the asked {system} {value!r}; "
            "an answer about another act is not used"
        )


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


class CellarSource:
    """`celex:`, `ecli:`, `case:` and `oj:` ids."""

    name: ClassVar[str] = "cellar"
    schemes: ClassVar[tuple[str, ...]] = ("celex", "ecli", "case", "oj")
    needs_network: ClassVar[bool] = True
    url_settings: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("cellar_url", "CITECHECK_CELLAR_URL", "http://publications.europa.eu"),
        ("sparql_url", "CITECHECK_SPARQL_URL", "https://publications.europa.eu/webapi/rdf/sparql"),
    )
    links: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("celex", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{value}", ""),
        ("ecli", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:{value}", ":"),
        ("case", "https://curia.europa.eu/juris/liste.jsf?language=en&num={value}", ""),
    )
    confirms_missing: ClassVar[bool] = False
    enabled_by: ClassVar[str | None] = None
    batch_setting: ClassVar[str | None] = "sparql_batch"
    answered_as: ClassVar[tuple[tuple[str, str], ...]] = (
        ("cellar", "cellar_url"),
        ("sparql", "sparql_url"),
    )

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        self.fetcher = fetcher
        self.settings = settings

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """Resolve a batch: SPARQL for all, REST notices for what SPARQL did not find."""
        out: dict[str, Resolution] = {}
        celexes: dict[str, list[str]] = {}  # id -> CELEX numbers to look up
        eclis: dict[str, str] = {}
        for ident in ids:
            scheme, value = ident.split(":", 1)
            if scheme == "celex" and _CELEX_RE.match(value):
                celexes[ident] = [value]
            elif scheme == "ecli" and _ECLI_RE.match(value):
                eclis[ident] = value
            elif scheme == "case" and (cands := case_to_celex(value)):
                celexes[ident] = cands
            elif scheme == "oj" and (oj := oj_act_candidates(value)):
                celexes[ident] = oj[0]
            else:
                out[ident] = self._unchecked(ident, scheme, value)
        by_celex, celex_err = await self._sparql(
            sorted({c for cs in celexes.values() for c in cs}), celex_query, "celex"
        )
        by_ecli, ecli_err = await self._sparql(
            sorted({f"ECLI:{e}" for e in eclis.values()}), ecli_query, "key"
        )
        confirm: list[tuple[str, str, str]] = []  # (id, system, value) to check by REST
        for ident, cands in celexes.items():
            scheme, value = ident.split(":", 1)
            hits = [by_celex[c] for c in cands if c in by_celex]
            if scheme == "oj":
                tail = oj_act_candidates(value)
                hits = [h for h in hits if tail and h.eli and h.eli.rstrip("/").endswith(tail[1])]
            if hits:
                out[ident] = self._found(ident, hits[0], "sparql")
            elif not self.settings.confirm_missing and not celex_err:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.UNVERIFIED,
                    reason="not in SPARQL results; not confirmed",
                )
            elif scheme == "celex" or (scheme == "case" and celex_err):
                confirm.append((ident, "celex", cands[0]))
            elif scheme == "oj":
                out[ident] = self._oj_miss(ident, value, cands, celex_err)
            else:
                out[ident] = self._case_miss(ident, cands, None)
        for ident, ecli in eclis.items():
            meta = by_ecli.get(ecli)
            if meta:
                out[ident] = self._found(ident, meta, "sparql")
            else:
                confirm.append((ident, "ecli", f"ECLI:{ecli}"))
        results = await asyncio.gather(*(self._rest(i, system, v) for i, system, v in confirm))
        for (ident, system, _), res in zip(confirm, results, strict=True):
            sparql_err = celex_err if system == "celex" else ecli_err
            if ident.startswith("case:"):
                if res.status is not Status.RESOLVED:
                    res = self._case_miss(ident, celexes[ident], res.reason, sparql_err)
                else:
                    res = res.evolve(
                        extra=(*res.extra, ("mapped_from", "case number (CELEX guessed)"))
                    )
            elif res.status is Status.UNVERIFIED and sparql_err:
                res = res.evolve(reason=f"{res.reason}; SPARQL: {sparql_err}")
            out[ident] = res
        return out

    async def _sparql(
        self, keys: Sequence[str], build: Any, key_var: str
    ) -> tuple[dict[str, WorkMeta], str | None]:
        """Run `build(batch)` for batches of `keys`; (metadata by key, first failure reason)."""
        found: dict[str, WorkMeta] = {}
        error: str | None = None
        batches = list(_chunks(keys, self.settings.sparql_batch))
        replies = await asyncio.gather(
            *(self._sparql_batch(build(b)) for b in batches), return_exceptions=True
        )
        for reply in replies:
            if isinstance(reply, Unavailable):
                error = error or reply.reason
                continue
            if isinstance(reply, BaseException):
                raise reply
            for row in reply:
                key = row.get(key_var)
                if key:
                    meta = _row_meta(row)
                    found[key] = found[key].merge(meta) if key in found else meta
        return {
            k.removeprefix("ECLI:") if key_var == "key" else k: v for k, v in found.items()
        }, error

    async def _sparql_batch(self, query: str) -> list[dict[str, str]]:
        reply = await self.fetcher.get(
            self.settings.sparql_url,
            params={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        if reply.status != 200:
            raise Unavailable(f"Cellar SPARQL answered HTTP {reply.status}")
        return parse_bindings(reply.content)

    async def _rest(self, ident: str, system: str, value: str) -> Resolution:
        """Definite check of one id through its Cellar REST object notice."""
        base = self.settings.cellar_url.rstrip("/")
        url = f"{base}/resource/{system}/{quote(value, safe='')}"
        link = eurlex_url(value) if system == "celex" else ecli_url(value.removeprefix("ECLI:"))
        try:
            reply = await self.fetcher.get(url, headers=_NOTICE_HEADERS, follow=True)
            _check_target(reply.url, system, value)
            if reply.status == 200:
                meta = parse_notice(reply.content)
                _check_notice(meta, system, value)
                return self._found(ident, meta, "cellar", link)
            text = reply.text[:300]
            if reply.status == 404 and _names(text, system, value):
                return Resolution(
                    id=ident,
                    status=Status.NOT_FOUND,
                    url=link,
                    source="cellar",
                    reason=f"Cellar: {text.strip()}",
                )
            if reply.status == 404 and (m := _NOT_FOUND_RE.search(text)):
                raise Unavailable(
                    f"Cellar's 404 names {m['system']} {m['id']!r}, not the asked "
                    f"{system} {value!r} (answer about a redirect target?)"
                )
            if reply.status == 404 and "does not hold a content datastream" in text:
                return Resolution(
                    id=ident,
                    status=Status.RESOLVED,
                    url=link,
                    source="cellar",
                    extra=[(system, value.removeprefix("ECLI:"))],
                )
            raise Unavailable(f"Cellar answered HTTP {reply.status}: {text.strip()[:160]}")
        except Unavailable as exc:
            return Resolution(
                id=ident, status=Status.UNVERIFIED, url=link, source="cellar", reason=exc.reason
            )

    def _found(
        self, ident: str, meta: WorkMeta, source: str, link: str | None = None
    ) -> Resolution:
        if link is None:
            link = eurlex_url(meta.celex) if meta.celex else ecli_url(ident.split(":", 1)[1])
        return Resolution(
            id=ident,
            status=Status.RESOLVED,
            title=meta.title,
            date=meta.date,
            url=link,
            languages=("en",) if meta.title else (),
            source=source,
            extra=meta.extra(),
            in_force=meta.in_force_flag(),
            end_of_validity=meta.end_of_validity,
            replaced_by=[f"celex:{c}" for c in meta.repealed_by],
        )

    def _case_miss(
        self, ident: str, cands: Sequence[str], why: str | None, sparql_err: str | None = None
    ) -> Resolution:
        """A case number that no CELEX guess confirmed: always `unverified`.

        With SPARQL down only the judgment's CELEX was asked by REST, so the reason says
        what failed and claims nothing about judgments or orders.
        """
        if sparql_err:
            reason = f"SPARQL: {sparql_err}" + (f"; REST ({cands[0]}): {why}" if why else "")
        else:
            reason = (
                f"no judgment or order under CELEX {' or '.join(cands)} (derived from the case "
                "number); the case may be joined to another, closed without a judgment, or "
                "pending"
            )
            reason = f"{reason}; {why}" if why else reason
        return Resolution(
            id=ident,
            status=Status.UNVERIFIED,
            source="cellar",
            url=f"https://curia.europa.eu/juris/liste.jsf?num={quote(ident.split(':', 1)[1])}",
            reason=reason,
        )

    def _oj_miss(self, ident: str, value: str, cands: Sequence[str], err: str | None) -> Resolution:
        if err:
            return Resolution(
                id=ident, status=Status.UNVERIFIED, source="cellar", reason=f"SPARQL: {err}"
            )
        return Resolution(
            id=ident,
            status=Status.NOT_CHECKED,
            source="cellar",
            reason=f"no act {', '.join(cands)} with ELI .../{value.split('/', 1)[1]}/oj; "
            "the OJ number could not be mapped to an act",
        )

    def _unchecked(self, ident: str, scheme: str, value: str) -> Resolution:
        if scheme == "oj" and (m := _OJ_ISSUE_RE.match(value)):
            return Resolution(
                id=ident,
                status=Status.NOT_CHECKED,
                url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri="
                f"OJ:{m['series']}:{m['year']}:{m['issue']}:TOC",
                reason="OJ issue/page references are not checked "
                "(no Cellar identifier can be built from them)",
            )
        return Resolution(
            id=ident,
            status=Status.NOT_CHECKED,
            reason=f"{value!r} is not a well-formed {scheme} identifier",
        )
