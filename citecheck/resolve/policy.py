"""The one resolution seam: what every caller (CLI batch, language server, Dask pipeline) does
with resolutions, written once so the three cannot drift apart.

- which citations are asked about (`resolvable`, `ids_to_resolve`);
- asking once per distinct id, with failures as `unverified` (`resolve_citations`);
- "did you mean" from citations written side by side (`cited_together`, `add_neighbour_hints`);
- the RS findings a resolution gives (`resolution_findings`: RS101 not found, RS102 unverified,
  RS103 EU act no longer in force, RS104 EU record contradicting itself);
- the page a person can open for an id (`human_link`, from each source's declared link form).

A resolution stays one `Resolution` from the source to the findings; callers that get JSON
from a resolver function (tests, other processes) turn it back with `as_resolution`.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from citecheck.families.eu_acts import citation_for_celex
from citecheck.model import Citation, Finding
from citecheck.resolve.model import IMPORTED_AT, Resolution, Status
from citecheck.resolve.suggest import related
from citecheck.rules import all_rules, rule_by_code

#: ids -> resolution (a `Resolution`, or its JSON form)
ResolveFn = Callable[[Sequence[str]], Mapping[str, Any]]

#: Citations at most this many characters apart are "cited together" (same sentence).
NEIGHBOUR_GAP = 80
MAX_SUGGESTIONS = 3
#: The reason of an answer left unverified because no source could be connected to.
NO_NETWORK = "no network"
_TRUE = ("true", "1")
_FALSE = ("false", "0")


def resolvable(cit: Citation) -> bool:
    """Ids worth asking a source about: present, with a scheme, unambiguous, definite body."""
    return bool(cit.id) and ":" in cit.id and not cit.ambiguous and "?" not in cit.id


def unresolvable_reason(cit: Citation) -> str | None:
    """Why :func:`resolvable` leaves ``cit`` unasked, in words for a reader; None when it is
    asked (its answer may simply not have come yet)."""
    if not cit.id:
        return "no document citecheck recognises is cited here"
    if cit.ambiguous:
        return "ambiguous, so no source is asked; cite the document meant"
    if "?" in cit.id or ":" not in cit.id:
        return "the id is not certain enough to ask a source"
    return None


def ids_to_resolve(citations: Iterable[Citation]) -> list[str]:
    """Distinct resolvable ids in text order."""
    return list(dict.fromkeys(c.id for c in citations if resolvable(c)))


def as_resolution(ident: str, value: Resolution | Mapping[str, Any]) -> Resolution:
    """A `Resolution` from a resolver's answer; a JSON answer may be partial (missing keys
    take their defaults, an unknown status is `unverified`)."""
    if isinstance(value, Resolution):
        return value
    data = dict(value)
    try:
        status = Status(data.get("status", "unverified"))
    except ValueError:
        status = Status.UNVERIFIED
    in_force = data.get("in_force")

    def text(key: str) -> str | None:
        v = data.get(key)
        return v if isinstance(v, str) and v else None

    return Resolution(
        id=ident,
        status=status,
        title=text("title"),
        date=text("date"),
        url=text("url"),
        languages=[x for x in data.get("languages") or () if isinstance(x, str)],
        source=text("source"),
        reason=text("reason"),
        suggestions=[x for x in data.get("suggestions") or () if isinstance(x, str)],
        extra=[tuple(p) for p in data.get("extra") or () if len(p) == 2],
        in_force=in_force if isinstance(in_force, bool) else None,
        end_of_validity=text("end_of_validity"),
        replaced_by=[x for x in data.get("replaced_by") or () if isinstance(x, str)],
    )


def resolve_citations(
    citation_lists: Sequence[Sequence[Citation]], resolver: ResolveFn
) -> dict[str, Resolution]:
    """Ask `resolver` once for every distinct resolvable id of all lists; a failing resolver
    makes them `unverified` (network trouble never fails a run).  Neighbour hints added."""
    ids = list(dict.fromkeys(i for cits in citation_lists for i in ids_to_resolve(cits)))
    if not ids:
        return {}
    return resolve_ids(ids, cited_together(citation_lists), resolver)


def resolve_ids(
    ids: Sequence[str],
    near: Mapping[str, set[str]] | Mapping[str, frozenset[str]],
    resolver: ResolveFn,
) -> dict[str, Resolution]:
    """`resolve_citations` for the distinct ids already gathered, and ``near`` as
    `cited_together` gives it (a batch whose reports wait on disk keeps only these)."""
    if not ids:
        return {}
    try:
        answers = resolver(ids)
    except Exception as exc:
        reason = f"resolution failed: {exc!r}"
        return {i: Resolution(id=i, status=Status.UNVERIFIED, reason=reason) for i in ids}
    out = {ident: as_resolution(ident, res) for ident, res in answers.items()}
    for ident in ids:
        out.setdefault(ident, Resolution(id=ident, status=Status.UNVERIFIED, reason="no answer"))
    return add_neighbour_hints(out, near)


def cited_together(citation_lists: Iterable[Sequence[Citation]]) -> dict[str, set[str]]:
    """id -> ids of other citations written within `NEIGHBOUR_GAP` characters of it."""
    near: dict[str, set[str]] = {}
    for citations in citation_lists:
        cits = sorted((c for c in citations if resolvable(c)), key=lambda c: c.start)
        for i, a in enumerate(cits):
            # Indices, not ``cits[i + 1 :]``: a slice per citation copies the rest of the list,
            # quadratic on a file with a million citations.
            for j in range(i + 1, len(cits)):
                b = cits[j]
                if b.start - a.end > NEIGHBOUR_GAP:
                    break
                if a.id != b.id:
                    near.setdefault(a.id, set()).add(b.id)
                    near.setdefault(b.id, set()).add(a.id)
    return near


def add_neighbour_hints(
    resolutions: Mapping[str, Resolution],
    near: Mapping[str, set[str]] | Mapping[str, frozenset[str]],
) -> dict[str, Resolution]:
    """Add "did you mean" ids that a neighbouring citation's resolution names (e.g. the ECLI
    of the case cited next to a wrong ECLI); see `suggest.related`."""
    out = dict(resolutions)
    for ident, others in near.items():
        res = out.get(ident)
        if res is None:
            continue
        hood = [(o, out[o].status.value, list(out[o].extra)) for o in sorted(others) if o in out]
        found = related(ident, res.status.value, hood)
        if found:
            merged = [*found, *(s for s in res.suggestions if s not in found)]
            out[ident] = res.evolve(suggestions=merged[:MAX_SUGGESTIONS])
    return out


def in_force(res: Resolution) -> bool | None:
    """The act's in-force flag, from the index's field or a live source's `in_force` extra."""
    if res.in_force is not None:
        return res.in_force
    flag = (res.get_extra("in_force") or "").strip().lower()
    return True if flag in _TRUE else False if flag in _FALSE else None


def act_name(ident: str) -> str:
    """An EU act id in the form a text cites it (`celex:32016R0679` -> `Regulation (EU)
    2016/679`); other ids without their scheme."""
    scheme, _, value = ident.partition(":")
    return (citation_for_celex(value) if scheme == "celex" else None) or value or ident


#: The sources as people know them (the resolution JSON keeps the short ``source`` tags).
SOURCE_NAMES = {
    "index": "the local index",
    "undl": "the UN Digital Library",
    "ods": "the UN Official Document System",
    "cellar": "EUR-Lex (the Publications Office's Cellar)",
    "catalog": "citecheck's list of instruments and general comments",
    "cache": "the cache of earlier answers",
}


def shown_id(ident: str) -> str:
    """An id as readers write it: ``A/HRC/41/35``, ``ECLI:EU:C:2014:238``,
    ``CELEX 32016R0679``."""
    scheme, _, value = ident.partition(":")
    if not value:
        return ident
    return {"ecli": f"ECLI:{value}", "celex": f"CELEX {value}"}.get(scheme, value)


def _did_you_mean(suggestions: Sequence[str]) -> str:
    return "did you mean " + " or ".join(shown_id(s) for s in suggestions) + "?"


def not_found_message(ident: str, res: Resolution) -> str:
    """RS101 text: what was not found, where (and, from the index, why that is definite),
    what was meant."""
    tag = res.source or ""
    if tag == "index" and res.reason:
        head = f"{shown_id(ident)} does not exist: {res.reason}"
        advice = f"; {_did_you_mean(res.suggestions)}" if res.suggestions else ""
        return head + advice
    advice = _did_you_mean(res.suggestions) if res.suggestions else "check the reference"
    if tag == "cache":  # the source's answer, kept: say whose, when, and if it was imported
        origin = res.get_extra("cached_from") or ""
        day = (res.get_extra("cached_at") or "")[:10]
        said = "answer" + (f" of {day}" if day else "")
        said += f" from {SOURCE_NAMES.get(origin, origin or 'a source')}"
        kept = (
            "in an imported cache entry, not asked from this machine"
            if res.get_extra(IMPORTED_AT) is not None
            else "kept in the cache"
        )
        return f"{shown_id(ident)} was not found ({said}, {kept}): {advice}"
    where = f" in {SOURCE_NAMES.get(tag, tag)}" if tag else ""
    return f"{shown_id(ident)} was not found{where}: {advice}"


def unverified_message(ident: str, res: Resolution) -> str:
    """RS102 text: the reason, and that nothing is claimed missing."""
    if res.reason == NO_NETWORK and not res.suggestions:
        return f"{shown_id(ident)} could not be checked: no network"
    reason = res.reason or "no definite answer"
    msg = f"{shown_id(ident)} could not be checked ({reason}); it is not reported missing: "
    msg += "run again later"
    if res.suggestions:
        msg += f"; {_did_you_mean(res.suggestions)}"
    return msg


def no_network_summary(citations: int) -> str:
    """The one line that stands for every citation left unverified for want of a network."""
    what = "citation" if citations == 1 else "citations"
    return (
        f"no network: {citations} {what} unverified; use --offline or build the index "
        "('citecheck index update')"
    )


@functools.cache
def _withdrawn_when_found() -> frozenset[str]:
    return frozenset(rule.code for rule in all_rules() if rule.withdrawn_when_found)


def stands(finding: Finding, resolutions: Mapping[str, Resolution]) -> bool:
    """False for an offline finding that a source's answer disproves: one saying the written
    document cannot exist (``Rule.withdrawn_when_found``: UN103 on ``HRC/11/120``) about an
    id a source resolved, so the record shows it does. Its fix would cite another document."""
    if finding.id is None or finding.code not in _withdrawn_when_found():
        return True
    res = resolutions.get(finding.id)
    return res is None or res.status is not Status.RESOLVED


def resolution_findings(
    citations: Sequence[Citation],
    resolutions: Mapping[str, Resolution],
    today: datetime.date | None = None,
) -> list[Finding]:
    """RS101 (not found, with suggestions), RS102 (unverified, with the reason), RS103 (EU act
    no longer in force: its end of validity passed or a repealer known, both named), RS104
    (the act's record does not settle its status, e.g. not in force with nothing ending it)."""
    today = today or datetime.date.today()
    out: list[Finding] = []
    for cit in citations:
        res = resolutions.get(cit.id)
        if res is None or not resolvable(cit):
            continue
        if res.status is Status.NOT_FOUND:
            msg = not_found_message(cit.id, res)
            out.append(rule_by_code("RS101").finding(msg, cit.start, cit.end, id=cit.id))
        elif res.status is Status.UNVERIFIED:
            msg = unverified_message(cit.id, res)
            out.append(rule_by_code("RS102").finding(msg, cit.start, cit.end, id=cit.id))
        elif res.status is Status.RESOLVED:
            out.extend(_status_findings(cit, res, today))
    return out


def _status_findings(cit: Citation, res: Resolution, today: datetime.date) -> list[Finding]:
    flag = in_force(res)
    end = _day(res.end_of_validity)  # the act's name is made only for a finding: most get none
    if flag is False and not (end and _before(end, today)) and not res.replaced_by:
        msg = (  # not in force, yet nothing ended it: maybe not in force YET
            f"{act_name(cit.id)}: the EU's record says not in force, but "
            + (f"its end of validity {end} has not passed" if end else "gives no end of validity")
            + " and no repealing act is recorded (not in force yet?)"
        )
        return [rule_by_code("RS104").finding(msg, cit.start, cit.end, id=cit.id)]
    if flag is False:
        msg = f"{act_name(cit.id)} is no longer in force"
        if end:
            msg += f" (end of validity {end})"
        if res.replaced_by:
            msg += "; repealed by " + ", ".join(act_name(r) for r in res.replaced_by)
        return [rule_by_code("RS103").finding(msg, cit.start, cit.end, id=cit.id)]
    if flag is True and end and _before(end, today):
        msg = (
            f"{act_name(cit.id)}: the EU's record says in force but its end of validity "
            f"{end} has passed"
        )
        return [rule_by_code("RS104").finding(msg, cit.start, cit.end, id=cit.id)]
    return []


def _day(value: str | None) -> str | None:
    """An end of validity that is a date; a malformed one ("2018-13-45", from an old cache
    or import) is no date, so nothing is said of it."""
    try:
        return value if value and datetime.date.fromisoformat(value[:10]) else None
    except ValueError:
        return None


def _before(date: str, today: datetime.date) -> bool:
    try:
        return datetime.date.fromisoformat(date[:10]) < today
    except ValueError:
        return False


def human_link(ident: str) -> str | None:
    """A page a person can open for a canonical id, or None when there is no stable one
    (each source declares the link form of its schemes)."""
    from citecheck.resolve.sources import REGISTRY

    scheme, _, value = ident.partition(":")
    if not value or value.startswith("?"):
        return None
    for cls in REGISTRY:
        for link_scheme, template, safe in cls.links:
            if link_scheme == scheme:
                return template.format(value=quote(value, safe=safe))
    return None
