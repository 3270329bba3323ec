"""SARIF 2.1.0 output (OASIS), as read by GitHub code scanning and most CI viewers.

``tool.driver.rules`` lists every rule of :func:`all_rules`; each result carries ``ruleId``,
``ruleIndex``, ``level``, a physical location (URI relative to the working directory, region
with 1-based lines and code-point columns, ``charOffset``/``charLength``) and, when the
finding has a safe fix, a ``fixes`` entry, and ``partialFingerprints`` that do not change when
lines move. Extracted formats (HTML, DOCX, PDF) get no region,
since offsets refer to the extracted text; where that is goes into the message.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from citecheck import __version__
from citecheck.formats import not_written_message
from citecheck.model import Finding, Severity
from citecheck.report import PAD, ReportView, dumps_at, json_array, where_in_extracted
from citecheck.rules import Rule, all_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """A URI reference: relative to ``cwd`` when inside it, else an absolute ``file:`` URI."""
    if path == "<stdin>":
        return "stdin"
    base = (cwd or Path.cwd()).resolve()
    full = Path(path).resolve()
    try:
        return quote(full.relative_to(base).as_posix())
    except ValueError:
        return full.as_uri()


def rule_json(rule: Rule) -> dict[str, Any]:
    """One ``reportingDescriptor``."""
    help_text = rule.explanation or rule.summary
    if rule.bad:
        help_text += f"\nWrong: {rule.bad}"
    if rule.good:
        help_text += f"\nRight: {rule.good}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation or rule.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable},
    }


def _region(rep: ReportView, start: int, end: int) -> dict[str, Any] | None:
    """Lines and columns in the file; code-point offsets only where they are the file's."""
    lines = rep.region(start, end)
    if lines is None:
        return None
    region: dict[str, Any] = {
        "startLine": lines[0],
        "startColumn": lines[1],
        "endLine": lines[2],
        "endColumn": lines[3],
    }
    if not rep.extracted:
        region.update(charOffset=start, charLength=end - start)
    return region


def result_json(rep: ReportView, f: Finding, uri: str, index: dict[str, int]) -> dict[str, Any]:
    """One ``result``."""
    message = f.message + (f" ({f.id})" if f.id else "")
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    region = _region(rep, f.start, f.end)
    if region is None:
        message += f" [{where_in_extracted(rep, f.start)}]"
    else:
        physical["region"] = region
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": physical}],
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    if f.id:
        result["properties"] = {"citation": f.id}
        res = rep.resolutions.get(f.id)
        if res:
            result["properties"]["status"] = res.get("status")
    if f.fix is not None and not rep.extracted:
        result["fixes"] = [
            {
                "description": {"text": f.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(rep, f.fix.start, f.fix.end),
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


#: The ``partialFingerprints`` key of a result's identity (kept when lines move).
FINGERPRINT_KEY = "citecheckFinding/v1"


def file_results(rep: ReportView, uri: str, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    """One file's results, each with a fingerprint of its rule, message (which quotes the
    text) and citation, and how many results of the file had these before it: a viewer keeps
    one alert when lines are added above it, two for the same mistake written twice."""
    seen: Counter[str] = Counter()
    for f in rep.findings:
        what = "\0".join((f.code, f.message, f.id or ""))
        seen[what] += 1
        digest = hashlib.sha256(f"{what}\0{seen[what]}".encode()).hexdigest()[:32]
        result = result_json(rep, f, uri, index)
        result["partialFingerprints"] = {FINGERPRINT_KEY: digest}
        yield result


def error_notification(
    path: str, reason: str, cwd: Path | None = None, *, written: bool = True
) -> dict[str, Any]:
    """One ``toolExecutionNotification`` for an input that could not be read (or, with
    ``written`` False, a file ``--fix`` did not write), so a script reading only the SARIF
    log does not take a partial run for a clean one."""
    text = f"input error: {reason}" if written else not_written_message(reason)
    return {
        "level": "error",
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path, cwd)}}}],
    }


def sarif_log(
    reports: Sequence[ReportView],
    *,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The whole SARIF log as a dict; ``errors`` (path, reason) are the unreadable inputs
    and ``not_written`` the files ``--fix`` did not write, reported as the invocation's
    error notifications, ``notices`` as warnings."""
    notifications = [error_notification(path, reason, cwd) for path, reason in errors]
    notifications += [
        error_notification(path, reason, cwd, written=False) for path, reason in not_written
    ]
    notifications += [{"level": "warning", "message": {"text": n}} for n in notices]
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    artifacts = []
    for rep in reports:
        uri = artifact_uri(rep.path, cwd)
        artifacts.append({"location": {"uri": uri}})
        results.extend(file_results(rep, uri, index))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": __version__,
                        "rules": [rule_json(r) for r in rules],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors and not not_written,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }


def render_sarif(
    reports: Sequence[ReportView],
    *,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> str:
    return "".join(
        iter_sarif(reports, cwd=cwd, errors=errors, notices=notices, not_written=not_written)
    )


def iter_sarif(
    reports: Sequence[ReportView],
    *,
    cwd: Path | None = None,
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> Iterator[str]:
    """:func:`render_sarif` in pieces, one result at a time (the text of ``json.dumps`` of
    :func:`sarif_log` with ``indent=2``), so a flood of findings is never one document."""
    log = sarif_log([], cwd=cwd, errors=errors, notices=notices, not_written=not_written)
    run = log["runs"][0]
    yield "{\n"
    for key in ("$schema", "version"):
        yield PAD + dumps_at(key, 1) + ": " + dumps_at(log[key], 1) + ",\n"
    yield PAD + '"runs": [\n' + PAD * 2 + "{\n"
    for key in ("tool", "invocations", "columnKind"):
        yield PAD * 3 + dumps_at(key, 3) + ": " + dumps_at(run[key], 3) + ",\n"
    yield PAD * 3 + '"artifacts": '
    artifacts = ({"location": {"uri": artifact_uri(rep.path, cwd)}} for rep in reports)
    yield from json_array(([dumps_at(a, 4)] for a in artifacts), 3)
    yield ",\n" + PAD * 3 + '"results": '
    yield from json_array(([dumps_at(r, 4)] for r in _results(reports, cwd)), 3)
    yield "\n" + PAD * 2 + "}\n" + PAD + "]\n}"


def _results(reports: Sequence[ReportView], cwd: Path | None) -> Iterator[dict[str, Any]]:
    index = {r.code: i for i, r in enumerate(all_rules())}
    for rep in reports:
        uri = artifact_uri(rep.path, cwd)
        yield from file_results(rep, uri, index)
