"""EU law into the local index, from the Cellar SPARQL endpoint.

What is read: every CELEX number of the sectors in ``data/cellar_harvest.json`` (treaties,
agreements, legal acts, complementary legislation, case law) with resource type, document
date, English title, ELI, in-force flag and end of validity; the repeal edges (explicit and
implicit), always from the repealing act, since the repealed act only changes its flag; and
for case law the case numbers Cellar states (``expression_case-law_identifier_case``, read
with citecheck's own case-number grammar) with the ECLI and CELEX of each document.

How: acts are paged by key, never by ``OFFSET`` (Cellar is reported to fail past ~10,000
rows): ``FILTER(STR(?celex) > "last") ... ORDER BY STR(?celex) LIMIT n``, one row per CELEX
(``GROUP BY``, so an act is never split over two pages).  ``STR()`` both in the filter and in
the order, since older records hold untyped literals and the two must agree for paging to
be exact.  Each page is written in one transaction together with the checkpoint, so a killed
run resumes after the last committed CELEX.

A second run (``full=False``) asks only for what changed: acts whose document date or
last-modification date (``cmr:lastModificationDate``) is on or after the previous ``as_of``
minus a margin; per page of those, their repeal edges (replacing what the index held for
them) and a re-read of the status of every act they repeal.

Cellar's replies are untrusted: a reply that is not SPARQL JSON with exactly the variables
asked (an HTML page, truncated JSON, wrong types) is a `HarvestError`, never "no rows".
Records are stored as Cellar states them, contradictions included (in force with an end of
validity in the past): the checks report them rather than guess which half is right.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

import attrs

from citecheck.index.db import EuAct, HarvestState, IndexDB
from citecheck.index.http import HarvestError, PoliteClient

SOURCE = "eu"
PAGE_SIZE = 1000
VALUES_BLOCK = 200  # ids per VALUES block: keeps a GET URL well under 8 KB
MARGIN_DAYS = 90  # acts often reach the Cellar weeks after their document date
MAX_REPLY_BYTES = 64 * 1024 * 1024
OPEN_END = "9999-12-31"

_CDM = "http://publications.europa.eu/ontology/cdm#"
_CMR = "http://publications.europa.eu/ontology/cdm/cmr#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_ENG = "<http://publications.europa.eu/resource/authority/language/ENG>"
_PREFIXES = f"PREFIX cdm: <{_CDM}>\nPREFIX cmr: <{_CMR}>\nPREFIX xsd: <{_XSD}>\n"
_ACCEPT = {"Accept": "application/sparql-results+json"}

ACT_VARS = ("celex", "type", "date", "title", "eli", "force", "eov", "ecli", "cases")
REPEAL_VARS = ("repealer", "explicit", "implicit")

_CELEX = re.compile(r"[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()/._\-]{0,30}")
_CASE_CELEX = re.compile(r"6(?P<year>[0-9]{4})(?P<court>[CTF])(?P<desc>[A-Z])(?P<num>[0-9]{4})")
_ECLI = re.compile(r"[A-Z]{2}:[A-Z0-9.]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TYPE = re.compile(r"[A-Z0-9_]{1,40}")
_CURSOR = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]{1,64}")  # printable ASCII without " and \
_TERM_TYPES = frozenset({"uri", "literal", "typed-literal", "bnode"})
_TRUE = frozenset({"1", "true"})
_FALSE = frozenset({"0", "false"})


@attrs.frozen(slots=True)
class EuHarvestReport:
    """What one `update_eu` run wrote and asked."""

    acts: int
    repeals: int
    cases: int
    requests: int
    as_of: str
    source: str = "eu"


@attrs.frozen(slots=True)
class _Checkpoint:
    """Where a run stands: ``phase`` acts or repeals, ``after`` the last committed key."""

    mode: str  # "full" or "update"
    phase: str
    after: str
    started: str
    since: str | None = None

    def to_json(self) -> str:
        return json.dumps(attrs.asdict(self), sort_keys=True)


@attrs.define
class _Tally:
    acts: int = 0
    repeals: int = 0
    cases: int = 0
    requests: int = 0


@cache
def _settings() -> dict[str, Any]:
    raw = importlib.resources.files("citecheck").joinpath("data/cellar_harvest.json").read_text()
    data: dict[str, Any] = json.loads(raw)
    return data


def sectors() -> tuple[str, ...]:
    """CELEX sectors the index holds."""
    return tuple(sorted(_settings()["sectors"]))


# -- SPARQL results ------------------------------------------------------------------------
def parse_results(
    content: bytes, variables: Sequence[str], *, max_bytes: int = MAX_REPLY_BYTES
) -> list[dict[str, str]]:
    """Rows of a SPARQL JSON result as {variable: value}, checked strictly.

    Anything but a well-formed result with exactly `variables` in ``head.vars`` raises
    `HarvestError`: an HTML page or a truncated body must never read as "no rows".
    """
    if len(content) > max_bytes:
        raise HarvestError(f"Cellar SPARQL reply of {len(content)} bytes exceeds {max_bytes}")
    try:
        data: Any = json.loads(content)
    except (ValueError, RecursionError) as exc:
        start = content[:60].decode("utf-8", "replace").strip()
        raise HarvestError(f"Cellar SPARQL sent no JSON ({exc}; starts {start!r})") from exc
    if not isinstance(data, dict):
        raise HarvestError("Cellar SPARQL reply is not a JSON object")
    head, results = data.get("head"), data.get("results")
    if not isinstance(head, dict) or not isinstance(results, dict):
        raise HarvestError("Cellar SPARQL reply lacks head or results")
    got = head.get("vars")
    if got != list(variables):
        raise HarvestError(f"Cellar SPARQL answered variables {got!r}, asked {list(variables)!r}")
    bindings = results.get("bindings")
    if not isinstance(bindings, list):
        raise HarvestError("Cellar SPARQL results.bindings is not a list")
    wanted = set(variables)
    rows: list[dict[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, dict):
            raise HarvestError("Cellar SPARQL binding is not an object")
        row: dict[str, str] = {}
        for name, term in binding.items():
            if name not in wanted:
                raise HarvestError(f"Cellar SPARQL bound an unasked variable {name!r}")
            value = term.get("value") if isinstance(term, dict) else None
            if not isinstance(value, str) or term.get("type") not in _TERM_TYPES:
                raise HarvestError(f"Cellar SPARQL sent a malformed term for {name!r}")
            row[name] = value
        rows.append(row)
    return rows


# -- queries -------------------------------------------------------------------------------
def _literal(value: str) -> str:
    if not _CURSOR.fullmatch(value):
        raise HarvestError(f"cannot page after {value!r}: not a plain CELEX key")
    return f'"{value}"'


def _values(celexes: Iterable[str]) -> str:
    """Each id both typed and untyped, so the store can look it up by index either way."""
    return " ".join(f"{_literal(c)}^^xsd:string {_literal(c)}" for c in celexes)


def _act_query(where: str) -> str:
    in_sectors = ", ".join(f'"{s}"' for s in sectors())
    return (
        _PREFIXES
        + f"""SELECT ?celex (SAMPLE(?rt) AS ?type) (MIN(STR(?d)) AS ?date) (SAMPLE(?t) AS ?title)
  (SAMPLE(?e) AS ?eli) (GROUP_CONCAT(DISTINCT STR(?f); separator=" ") AS ?force)
  (MIN(STR(?v)) AS ?eov) (SAMPLE(?ec) AS ?ecli)
  (GROUP_CONCAT(DISTINCT STR(?cn); separator="|") AS ?cases)
WHERE {{
  {where}
  ?work cdm:resource_legal_id_sector ?sector .
  FILTER(STR(?sector) IN ({in_sectors}))
  OPTIONAL {{ ?work cdm:work_has_resource-type ?rt }}
  OPTIONAL {{ ?work cdm:work_date_document ?d }}
  OPTIONAL {{ ?work cdm:resource_legal_eli ?e }}
  OPTIONAL {{ ?work cdm:resource_legal_in-force ?f }}
  OPTIONAL {{ ?work cdm:resource_legal_date_end-of-validity ?v }}
  OPTIONAL {{ ?work cdm:case-law_ecli ?ec }}
  OPTIONAL {{ ?x cdm:expression_belongs_to_work ?work ; cdm:expression_uses_language {_ENG} .
    OPTIONAL {{ ?x cdm:expression_title ?t }}
    OPTIONAL {{ ?x cdm:expression_case-law_identifier_case ?cn }} }}
}}
GROUP BY ?celex
ORDER BY STR(?celex)
"""
    )


def acts_query(after: str, limit: int, since: str | None = None) -> str:
    """One page of acts after `after` (by CELEX); with `since`, only those changed since."""
    where = "?work cdm:resource_legal_id_celex ?celex ."
    if after:
        where += f"\n  FILTER(STR(?celex) > {_literal(after)})"
    if since is not None:
        where += (
            "\n  OPTIONAL { ?work cdm:work_date_document ?changed }"
            "\n  OPTIONAL { ?work cmr:lastModificationDate ?modified }"
            f'\n  FILTER(STR(?changed) >= "{since}" || STR(?modified) >= "{since}")'
        )
    return _act_query(where) + f"LIMIT {int(limit)}\n"


def acts_by_celex_query(celexes: Sequence[str]) -> str:
    """The same fields for named acts (a re-read of their status)."""
    where = (
        f"VALUES ?id {{ {_values(celexes)} }}\n"
        "  ?work cdm:resource_legal_id_celex ?id . BIND(STR(?id) AS ?celex)"
    )
    return _act_query(where)


def _repeal_query(where: str) -> str:
    return (
        _PREFIXES
        + f"""SELECT ?repealer
  (GROUP_CONCAT(DISTINCT ?old; separator=" ") AS ?explicit)
  (GROUP_CONCAT(DISTINCT ?oldi; separator=" ") AS ?implicit)
WHERE {{
  {where}
  {{ ?rw cdm:resource_legal_repeals_resource_legal ?w .
     ?w cdm:resource_legal_id_celex ?a . BIND(STR(?a) AS ?old) }}
  UNION
  {{ ?rw cdm:resource_legal_implicitly_repeals_resource_legal ?w .
     ?w cdm:resource_legal_id_celex ?b . BIND(STR(?b) AS ?oldi) }}
}}
GROUP BY ?repealer
ORDER BY ?repealer
"""
    )


def repeals_query(after: str, limit: int) -> str:
    """One page of repealing acts after `after`, each with all the acts it repeals."""
    where = "?rw cdm:resource_legal_id_celex ?r . BIND(STR(?r) AS ?repealer)"
    if after:
        where += f"\n  FILTER(?repealer > {_literal(after)})"
    return _repeal_query(where) + f"LIMIT {int(limit)}\n"


def repeals_by_query(celexes: Sequence[str]) -> str:
    """What the named acts repeal."""
    where = (
        f"VALUES ?r {{ {_values(celexes)} }}\n"
        "  ?rw cdm:resource_legal_id_celex ?r . BIND(STR(?r) AS ?repealer)"
    )
    return _repeal_query(where)


# -- rows ----------------------------------------------------------------------------------
def _date(value: str | None) -> str | None:
    """The day a value starts with; None for a non-date ("2018-13-45")."""
    if value and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def _in_force(value: str | None) -> bool | None:
    """Cellar writes the flag "1"/"0" or true/false; several disagreeing values say nothing."""
    said = {v.strip().lower() for v in (value or "").split()}
    if said and said <= _TRUE:
        return True
    if said and said <= _FALSE:
        return False
    return None


def _resource_type(value: str | None) -> str | None:
    code = (value or "").rstrip("/").rsplit("/", 1)[-1]
    return code if _TYPE.fullmatch(code) else None


@cache
def _case_family() -> Any:
    # imported on first use: the grammar compiles its patterns, which a run without case
    # law (or a reader of this module's queries) need not pay for
    from citecheck.families.cjeu import CjeuFamily

    return CjeuFamily()


def case_numbers(stated: str) -> list[str]:
    """Canonical case numbers in Cellar's ``Case C‑293/12``-style text (citecheck's grammar)."""
    from citecheck.families.base import Document

    found: dict[str, None] = {}
    for text in stated.split("|"):
        for citation in _case_family().find(Document(text[:500])):
            if citation.id.startswith("case:"):
                found[citation.id.removeprefix("case:")] = None
    return list(found)


def derived_case_number(celex: str) -> str | None:
    """The case number a judgment's or order's CELEX encodes, where Cellar states none."""
    m = _CASE_CELEX.fullmatch(celex)
    if not m or m["desc"] not in _settings()["case_descriptors_derivable"]:
        return None
    year, number = int(m["year"]), int(m["num"])
    if number == 0:
        return None
    lettered = m["court"] != "C" or year >= int(_settings()["first_year_with_court_letter"])
    core = f"{number}/{year % 100:02d}"
    return f"{m['court']}-{core}" if lettered else core


def act_from_row(row: dict[str, str]) -> tuple[EuAct, list[tuple[str, str, str]]] | None:
    """An act and its case rows from one result row; None for a CELEX that is not one."""
    celex = row.get("celex", "")
    if not _CELEX.fullmatch(celex):
        return None
    end = _date(row.get("eov"))
    title = " ".join((row.get("title") or "").split())[:2000] or None
    eli = row.get("eli")
    act = EuAct(
        celex=celex,
        type=_resource_type(row.get("type")),
        date=_date(row.get("date")),
        title=title,
        eli=eli if eli and eli.startswith("http") and len(eli) <= 500 else None,
        in_force=_in_force(row.get("force")),
        end_of_validity=None if end == OPEN_END else end,
    )
    cases: list[tuple[str, str, str]] = []
    if celex.startswith("6"):
        ecli = (row.get("ecli") or "").strip().removeprefix("ECLI:")
        ecli = ecli if _ECLI.fullmatch(ecli) else ""
        numbers = case_numbers(row.get("cases") or "")
        if not numbers and (derived := derived_case_number(celex)):
            numbers = [derived]
        cases = [(number, ecli, celex) for number in numbers]
    return act, cases


def _edges(row: dict[str, str]) -> list[tuple[str, bool]]:
    explicit = [c for c in (row.get("explicit") or "").split() if _CELEX.fullmatch(c)]
    implicit = [c for c in (row.get("implicit") or "").split() if _CELEX.fullmatch(c)]
    edges = dict.fromkeys(explicit, False)
    for celex in implicit:
        edges.setdefault(celex, True)
    return list(edges.items())


# -- the harvest ---------------------------------------------------------------------------
class _Harvest:
    """One run: asks the endpoint, writes pages, keeps the tally."""

    def __init__(
        self,
        db: IndexDB,
        client: PoliteClient,
        state: HarvestState | None,
        page_size: int,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.db = db
        self.client = client
        self.state = state
        self.page_size = page_size
        self.progress = progress
        self.tally = _Tally()

    def ask(self, query: str, variables: Sequence[str]) -> list[dict[str, str]]:
        self.tally.requests += 1
        reply = self.client.get("", params={"query": query}, headers=_ACCEPT)
        if reply.status_code != 200:
            raise HarvestError(f"Cellar SPARQL answered HTTP {reply.status_code}")
        kind = reply.headers.get("Content-Type", "").lower()
        if "html" in kind:
            raise HarvestError("Cellar SPARQL sent an HTML page instead of results")
        return parse_results(reply.content, variables)

    def ask_acts(self, celexes: Sequence[str]) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for block in _blocks(celexes):
            rows += self.ask(acts_by_celex_query(block), ACT_VARS)
        return rows

    def ask_repeals(self, celexes: Sequence[str]) -> dict[str, list[tuple[str, bool]]]:
        edges: dict[str, list[tuple[str, bool]]] = {}
        for block in _blocks(celexes):
            for row in self.ask(repeals_by_query(block), REPEAL_VARS):
                edges[row.get("repealer", "")] = _edges(row)
        return edges

    def save(
        self,
        checkpoint: _Checkpoint | None,
        *,
        rows: Iterable[dict[str, str]] = (),
        repeals: Iterable[tuple[str, list[tuple[str, bool]]]] = (),
        finish: bool = False,
    ) -> None:
        """One page in one transaction, together with where the run stands."""
        acts: dict[str, EuAct] = {}
        cases: list[tuple[str, str, str]] = []
        for row in rows:
            parsed = act_from_row(row)
            if parsed:
                acts[parsed[0].celex] = parsed[0]
                cases += parsed[1]
        repeal_list = list(repeals)
        with self.db.transaction():
            self.db.put_eu_acts(acts.values())
            self.db.forget_eu_cases_of(acts)
            self.db.put_eu_cases(cases)
            for repealer, edges in repeal_list:
                self.db.replace_eu_repeals_by(repealer, edges)
            self.db.set_harvest(self._state(checkpoint, finish))
        self.tally.acts += len(acts)
        self.tally.cases += len(cases)
        self.tally.repeals += sum(len(e) for _, e in repeal_list)
        if self.progress is not None and (done := len(acts) + len(repeal_list)):
            self.progress(done)

    def _state(self, checkpoint: _Checkpoint | None, finish: bool) -> HarvestState:
        old = self.state
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        as_of, complete = (old.as_of, old.complete) if old else (None, False)
        if finish and checkpoint is not None:
            as_of = checkpoint.started
            complete = checkpoint.mode == "full" or complete
        return HarvestState(
            source=SOURCE,
            as_of=as_of,
            complete=complete,
            earliest=old.earliest if old else None,
            checkpoint=None if finish or checkpoint is None else checkpoint.to_json(),
            records=self.db.count("eu_act") if finish else (old.records if old else 0),
            updated=now,
        )

    # -- phases --------------------------------------------------------------------------
    def run(self, point: _Checkpoint) -> None:
        if point.phase == "acts":
            point = self.acts_pass(point)
        if point.mode == "full" and point.phase == "repeals":
            point = self.repeals_pass(point)
        self.save(point, finish=True)

    def acts_pass(self, point: _Checkpoint) -> _Checkpoint:
        """Acts (all, or those changed since), page by page; an update also re-reads repeals."""
        after = point.after
        while True:
            rows = self.ask(acts_query(after, self.page_size, point.since), ACT_VARS)
            keys = [row.get("celex", "") for row in rows]
            _check_page(after, keys)
            if not rows:
                break
            after = keys[-1]
            repeals: dict[str, list[tuple[str, bool]]] = {}
            if point.mode == "update":
                page = [k for k in keys if _CELEX.fullmatch(k)]
                found = self.ask_repeals(page)
                repeals = {celex: found.get(celex, []) for celex in page}
                repealed = sorted({c for edges in repeals.values() for c, _ in edges})
                rows += self.ask_acts(repealed)
            self.save(attrs.evolve(point, after=after), rows=rows, repeals=repeals.items())
            if len(keys) < self.page_size:
                break
        return attrs.evolve(point, phase="repeals", after="")

    def repeals_pass(self, point: _Checkpoint) -> _Checkpoint:
        """Every repealing act with all it repeals; repealers that lost all edges are cleared."""
        after = point.after
        while True:
            rows = self.ask(repeals_query(after, self.page_size), REPEAL_VARS)
            keys = [row.get("repealer", "") for row in rows]
            _check_page(after, keys)
            last_page = len(rows) < self.page_size
            upto = None if last_page else keys[-1]
            found = {row["repealer"]: _edges(row) for row in rows if row.get("repealer")}
            gone = [r for r in self.db.eu_repealers(after, upto) if r not in found]
            repeals = [*found.items(), *((r, []) for r in gone)]
            after = keys[-1] if keys else after
            self.save(attrs.evolve(point, after=after), repeals=repeals)
            if last_page:
                break
        return attrs.evolve(point, phase="done", after="")


def _blocks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), VALUES_BLOCK):
        yield items[i : i + VALUES_BLOCK]


def _check_page(after: str, keys: list[str]) -> None:
    """Keys must rise strictly past `after`: anything else would loop or skip records."""
    previous = after
    for key in keys:
        if not key or (previous and key <= previous):
            raise HarvestError(f"Cellar SPARQL page out of order: {key!r} after {previous!r}")
        previous = key


def _resume(state: HarvestState | None, full: bool) -> _Checkpoint | None:
    """The interrupted run to continue, if the stored checkpoint is one (it is untrusted)."""
    data = {} if state is None else state.checkpoint_data()
    if not data:
        return None
    try:
        point = _Checkpoint(
            mode=str(data["mode"]),
            phase=str(data["phase"]),
            after=str(data["after"]),
            started=str(data["started"]),
            since=None if data.get("since") is None else str(data["since"]),
        )
    except (ValueError, TypeError, KeyError):
        return None
    valid = (
        point.mode in ("full", "update")
        and point.phase in ("acts", "repeals")
        and (not point.after or _CURSOR.fullmatch(point.after) is not None)
        and _DATE.fullmatch(point.started) is not None
        and (point.since is None or _DATE.fullmatch(point.since) is not None)
        and (point.mode == "full") == (point.since is None)
    )
    if not valid or (full and point.mode != "full"):
        return None
    return point


def update_eu(
    db: IndexDB,
    client: PoliteClient,
    *,
    full: bool = False,
    progress: Callable[[int], None] | None = None,
    page_size: int = PAGE_SIZE,
    margin_days: int = MARGIN_DAYS,
    today: dt.date | None = None,
) -> EuHarvestReport:
    """Harvest EU law into `db`: all of it, or only what changed since the last run.

    A full pass runs when asked, or when the index holds no complete EU harvest; an
    interrupted run is resumed from its checkpoint first.  `progress` is called after each
    committed page with the number of acts and repealing acts it wrote.
    """
    if page_size < 1:
        raise ValueError("page_size must be positive")
    state = db.harvest(SOURCE)
    started = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    point = _resume(state, full)
    if point is None:
        if full or state is None or not state.complete or not state.as_of:
            point = _Checkpoint(mode="full", phase="acts", after="", started=started)
        else:
            since = dt.date.fromisoformat(state.as_of[:10]) - dt.timedelta(days=margin_days)
            point = _Checkpoint(
                mode="update", phase="acts", after="", started=started, since=since.isoformat()
            )
    run = _Harvest(db, client, state, page_size, progress)
    run.run(point)
    return EuHarvestReport(
        acts=run.tally.acts,
        repeals=run.tally.repeals,
        cases=run.tally.cases,
        requests=run.tally.requests,
        as_of=point.started,
    )
