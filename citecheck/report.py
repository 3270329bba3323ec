"""Per-file results and their renderings (text for people, JSON for tools)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from citecheck.families.base import Document
from citecheck.model import Citation, Finding, Severity, plural, severity_counts
from citecheck.readers import SourceText


@attrs.frozen(slots=True)
class FileReport:
    """Everything citecheck learnt about one input."""

    path: str
    text: str
    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]
    #: id -> resolution as JSON (``status``, ``title``, ...); empty when nothing was resolved
    resolutions: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    #: how the text was read (format, offsets of paragraphs/pages); None for plain text
    source: SourceText | None = attrs.field(default=None, eq=False, repr=False)
    _doc: Document = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: _document(self), takes_self=True),
        eq=False,
        repr=False,
    )

    @property
    def doc(self) -> Document:
        """The text's :class:`Document`: the source's own when it holds this very text, so
        the line index of a file is built once."""
        return self._doc

    def location(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset (line index built once per file)."""
        return self._doc.line_col(offset)

    @property
    def extracted(self) -> bool:
        """True when offsets refer to text extracted from HTML, DOCX or PDF."""
        return self.source is not None and self.source.extracted

    def loc(self, offset: int) -> dict[str, Any]:
        """The JSON ``location``: line and column, and for extracted text what they refer to."""
        if self.source is not None:
            return self.source.location(offset)
        line, col = self.location(offset)
        return {"line": line, "column": col}


def _document(report: FileReport) -> Document:
    if report.source is not None and report.source.text is report.text:
        return report.source.doc
    return Document(report.text)


def citation_json(report: FileReport, cit: Citation, *, with_status: bool) -> dict[str, Any]:
    """One citation as in the JSON output (docs/ids-and-formats.md), plus status and resolution
    for ``check``."""
    data = cit.to_json()
    if not cit.id:
        data["id"] = None
    data["location"] = report.loc(cit.start)
    if with_status:
        res = dict(report.resolutions.get(cit.id, {}))
        data["status"] = res.pop("status", "not_checked")
        data["resolution"] = res or None
    return data


def finding_json(report: FileReport, finding: Finding) -> dict[str, Any]:
    data = finding.to_json()
    data["location"] = report.loc(finding.start)
    return data


def summary(reports: Sequence[FileReport]) -> dict[str, Any]:
    """Counts over all files: citations, findings by severity, statuses."""
    sev: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    n_cit = 0
    for rep in reports:
        n_cit += len(rep.citations)
        for f in rep.findings:
            sev[f.severity.value] += 1
            codes[f.code] += 1
        for cit in rep.citations:
            statuses[str(rep.resolutions.get(cit.id, {}).get("status", "not_checked"))] += 1
    return {
        "files": len(reports),
        "citations": n_cit,
        "findings": sum(sev.values()),
        "by_severity": dict(sev),
        "by_code": dict(sorted(codes.items())),
        "by_status": dict(statuses),
    }


def summary_line(reports: Sequence[FileReport], unreadable: int = 0) -> str:
    """The last line of the text report, e.g. ``Checked 1 file: 3 citations, 2 findings
    (1 error, 1 warning).`` A run where no file could be read says so instead of ``0 files``."""
    s = summary(reports)
    not_read = f"{plural(unreadable, 'file')} could not be read (see the errors above)"
    if not reports and unreadable:
        return f"Nothing checked: {not_read}."
    line = (
        f"Checked {plural(s['files'], 'file')}: {plural(s['citations'], 'citation')}, "
        f"{plural(s['findings'], 'finding')}"
    )
    if s["by_severity"]:
        line += f" ({severity_counts(s['by_severity'])})"
    if unreadable:
        line += f"; {not_read}"
    return line + "."


def render_check_json(reports: Sequence[FileReport], errors: Sequence[tuple[str, str]] = ()) -> str:
    """The JSON report; ``errors`` (path, reason) are the inputs that could not be read, so
    a run where nothing could be read does not look like a clean one."""
    files = [
        {
            "path": rep.path,
            "citations": [citation_json(rep, c, with_status=True) for c in rep.citations],
            "findings": [finding_json(rep, f) for f in rep.findings],
        }
        for rep in reports
    ]
    data = {
        "files": files,
        "errors": [{"path": path, "reason": reason} for path, reason in errors],
        "summary": {**summary(reports), "unreadable": len(errors)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_extract(reports: Sequence[FileReport], fmt: str) -> str:
    """``extract`` output: jsonl (one citation a line), json (an array per file), or text."""
    if fmt == "jsonl":
        lines = []
        for rep in reports:
            for c in rep.citations:
                data = citation_json(rep, c, with_status=False)
                if len(reports) > 1:
                    data["path"] = rep.path
                lines.append(json.dumps(data, ensure_ascii=False))
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt == "json":
        out = [
            {
                "path": rep.path,
                "citations": [citation_json(rep, c, with_status=False) for c in rep.citations],
            }
            for rep in reports
        ]
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    rows = []
    for rep in reports:
        for c in rep.citations:
            pin = f"  [{c.pinpoint}]" if c.pinpoint else ""
            flag = " (short form)" if c.short_form else ""
            flag += " (ambiguous)" if c.ambiguous else ""
            cid = c.id or "?"
            rows.append(f"{where(rep, c.start)}: {cid}{pin}{flag}  «{_one_line(c.text)}»")
    return "\n".join(rows) + ("\n" if rows else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def where(rep: FileReport, offset: int) -> str:
    """``path:line:col`` plus, for extracted text, what the line refers to."""
    loc = rep.loc(offset)
    text = f"{rep.path}:{loc['line']}:{loc['column']}"
    if rep.extracted:
        text += f" [{loc.get('in', 'extracted text')}"
        text += f", {loc['where']}]" if loc.get("where") else "]"
    return text


def render_check_text(
    reports: Sequence[FileReport], *, colour: bool = False, unreadable: int = 0
) -> str:
    """``path:line:col: CODE [severity] message (id, status: what the source said)``."""
    rows: list[str] = []
    for rep in reports:
        for f in rep.findings:
            sev = f.severity.value
            if colour:
                sev = f"{_COLOURS[f.severity]}{sev}\x1b[0m"
            extra = ""
            if f.id:
                res = rep.resolutions.get(f.id)
                said = ""
                if res:
                    said = f", {res.get('status', 'not_checked')}"
                    if res.get("title"):
                        said += f": {_one_line(str(res['title']))}"
                extra = f" ({f.id}{said})"
            fix = "  [fixable]" if f.fix else ""
            rows.append(f"{where(rep, f.start)}: {f.code} [{sev}] {f.message}{extra}{fix}")
    rows.append(summary_line(reports, unreadable))
    return "\n".join(rows) + "\n"
