"""Per-file results and their renderings (text for people, JSON for tools)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any, Protocol

import attrs

from citecheck.families.base import Document
from citecheck.formats import printable_path
from citecheck.model import Citation, Finding, Severity, plural, severity_counts
from citecheck.pipeline import extract as pipeline_extract
from citecheck.readers import SourceText
from citecheck.resolve.policy import NO_NETWORK, resolvable
from citecheck.stream import TextSlices, extract_stream


@attrs.define
class Tally:
    """What the summary and the exit code need of reports, counted as they go: a report
    spilled to disk (``citecheck.spill``) is counted once, not read again for its figures.
    Counters keep the order in which their keys first appeared, as the summary shows them."""

    citations: int = 0
    #: (severity, code) -> number of findings
    findings: Counter[tuple[str, str]] = attrs.field(factory=Counter)
    #: status -> number of citations (``not_checked`` when nothing was resolved)
    statuses: Counter[str] = attrs.field(factory=Counter)
    #: citations a source can answer for that are not resolved (what ``--strict`` counts)
    not_resolved: int = 0
    #: citations left unverified because no source could be connected to
    without_network: int = 0

    def add_citations(
        self, citations: Iterable[Citation], resolutions: Mapping[str, Mapping[str, Any]]
    ) -> None:
        for cit in citations:
            self.citations += 1
            res = resolutions.get(cit.id, {})
            status = res.get("status")
            self.statuses[str(res.get("status", "not_checked"))] += 1
            if not resolvable(cit):
                continue
            if status not in ("resolved", "not_checked"):
                self.not_resolved += 1
            if status == "unverified" and res.get("reason") == NO_NETWORK:
                self.without_network += 1

    def add_findings(self, findings: Iterable[Finding]) -> None:
        self.findings.update((f.severity.value, f.code) for f in findings)

    def add(self, other: Tally) -> None:
        self.citations += other.citations
        self.findings.update(other.findings)
        self.statuses.update(other.statuses)
        self.not_resolved += other.not_resolved
        self.without_network += other.without_network


class ReportView(Protocol):
    """What the renderers read of one file's report: a :class:`FileReport` in memory, or one
    read back from disk piece by piece (``citecheck.spill``), whose citations and findings are
    iterated, not held."""

    @property
    def path(self) -> str: ...
    @property
    def citations(self) -> Iterable[Citation]: ...
    @property
    def findings(self) -> Iterable[Finding]: ...
    @property
    def resolutions(self) -> Mapping[str, Mapping[str, Any]]: ...
    @property
    def extracted(self) -> bool: ...
    def loc(self, offset: int) -> dict[str, Any]: ...
    def region(self, start: int, end: int) -> tuple[int, int, int, int] | None: ...
    def tally(self) -> Tally: ...


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

    def region(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """(line, column, end line, end column) in the file itself, or None when the file has
        no lines to point at (DOCX, PDF: the JSON ``location`` names paragraph or page)."""
        if self.source is None or not self.source.extracted:
            return (*self.location(start), *self.location(end))
        if self.source.has_lines:
            return (*self.source.source_line_col(start), *self.source.source_line_col(end))
        return None

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

    def tally(self) -> Tally:
        counts = Tally()
        counts.add_citations(self.citations, self.resolutions)
        counts.add_findings(self.findings)
        return counts


def _document(report: FileReport) -> Document:
    if report.source is not None and report.source.text is report.text:
        return report.source.doc
    return Document(report.text)


def citation_json(report: ReportView, cit: Citation, *, with_status: bool) -> dict[str, Any]:
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


def finding_json(report: ReportView, finding: Finding) -> dict[str, Any]:
    data = finding.to_json()
    data["location"] = report.loc(finding.start)
    return data


def summary(reports: Sequence[ReportView]) -> dict[str, Any]:
    """Counts over all files: citations, findings by severity, statuses."""
    total = Tally()
    for rep in reports:
        total.add(rep.tally())
    sev: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    for (severity, code), n in total.findings.items():
        sev[severity] += n
        codes[code] += n
    return {
        "files": len(reports),
        "citations": total.citations,
        "findings": sum(sev.values()),
        "by_severity": dict(sev),
        "by_code": dict(sorted(codes.items())),
        "by_status": dict(total.statuses),
    }


def summary_line(
    reports: Sequence[ReportView],
    unreadable: int = 0,
    not_written: int = 0,
    empty_dirs: Sequence[str] = (),
) -> str:
    """The last line of the text report, e.g. ``Checked 1 file: 3 citations, 2 findings
    (1 error, 1 warning).`` A run where no file could be read says so instead of ``0 files``;
    files ``--fix`` did not write are counted too (they make the run exit 2). Directories
    named that held no file to check (``empty_dirs``) are named: nothing in them was
    unreadable."""
    s = summary(reports)
    problems = []
    if empty_dirs:
        problems.append("no files to check in " + ", ".join(map(printable_path, empty_dirs)))
    if unreadable:
        problems.append(f"{plural(unreadable, 'file')} could not be read (see the errors above)")
    not_read = "; ".join(problems)
    unwritten = f"; {plural(not_written, 'file')} not written by --fix (see the errors above)"
    if not reports and not_read:
        return f"Nothing checked: {not_read}."
    line = (
        f"Checked {plural(s['files'], 'file')}: {plural(s['citations'], 'citation')}, "
        f"{plural(s['findings'], 'finding')}"
    )
    if s["by_severity"]:
        line += f" ({severity_counts(s['by_severity'])})"
    if not_read:
        line += f"; {not_read}"
    if not_written:
        line += unwritten
    return line + "."


def iter_check_json(
    reports: Sequence[ReportView],
    errors: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    not_written: Sequence[tuple[str, str]] = (),
) -> Iterator[str]:
    """The JSON report in pieces, one citation or finding at a time, so a flood of citations
    is never held as one document in memory (the text is what ``json.dumps(..., indent=2)``
    would give).  ``errors`` (path, reason) are the inputs that could not be read and
    ``not_written`` the files ``--fix`` did not write (both listed under ``errors``), so a run
    that failed does not look like a clean one; ``notices`` are what the run
    says once for all files (e.g. that there was no network)."""

    def one_file(rep: ReportView) -> Iterator[str]:
        pad = PAD * 3
        yield (
            "{\n"
            + pad
            + '"path": '
            + dumps_at(printable_path(rep.path), 3)
            + ",\n"
            + pad
            + '"citations": '
        )
        yield from json_array(
            ([dumps_at(citation_json(rep, c, with_status=True), 4)] for c in rep.citations), 3
        )
        yield ",\n" + pad + '"findings": '
        yield from json_array(([dumps_at(finding_json(rep, f), 4)] for f in rep.findings), 3)
        yield "\n" + PAD * 2 + "}"

    yield "{\n" + PAD + '"files": '
    yield from json_array((one_file(rep) for rep in reports), 1)
    rest = {
        "errors": [
            {"path": printable_path(path), "reason": reason}
            for path, reason in (*errors, *not_written)
        ],
        "summary": {
            **summary(reports),
            "unreadable": len(errors),
            "not_written": len(not_written),
        },
        "notices": list(notices),
    }
    for key, value in rest.items():
        yield ",\n" + PAD + dumps_at(key, 1) + ": " + dumps_at(value, 1)
    yield "\n}"


PAD = "  "


def dumps_at(value: Any, level: int) -> str:
    """``value`` as it appears ``level`` indents deep in a ``json.dumps(indent=2)`` text.

    Why not ``json.dumps(indent=2)`` itself: with an indent it encodes in Python, through
    closures that refer to one another, so every call leaves a reference cycle (about 30
    objects) for the collector; a flood of citations made millions. Here only the scalars go
    to ``json.dumps`` (its C encoder), and the layout is the same."""
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        inner = ",\n" + PAD * (level + 1)
        return (
            "{\n"
            + PAD * (level + 1)
            + inner.join(_scalar(k) + ": " + dumps_at(v, level + 1) for k, v in value.items())
            + "\n"
            + PAD * level
            + "}"
        )
    if isinstance(value, (list, tuple)) and value:
        inner = ",\n" + PAD * (level + 1)
        return (
            "[\n"
            + PAD * (level + 1)
            + inner.join(dumps_at(v, level + 1) for v in value)
            + "\n"
            + PAD * level
            + "]"
        )
    if isinstance(value, (dict, list, tuple)) and value:  # keys json.dumps turns into strings
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + PAD * level)
    return _scalar(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _scalar(value: Any) -> str:
    """A string, number, boolean, null or empty container as ``json.dumps`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)


def json_array(items: Iterable[Iterable[str]], level: int) -> Iterator[str]:
    """A JSON array ``level`` indents deep whose items are given in pieces."""
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + PAD * (level + 1)
        yield from item
        empty = False
    yield "[]" if empty else "\n" + PAD * level + "]"


#: Texts longer than this (code points) are extracted window by window, so memory follows
#: the window, not the number of citations (see ``citecheck.stream``).
STREAM_THRESHOLD = 4 << 20


def _citations_of(rep: FileReport) -> Iterator[Citation]:
    if rep.citations or len(rep.text) <= STREAM_THRESHOLD:
        yield from rep.citations or pipeline_extract(rep.text)
        return
    yield from extract_stream(TextSlices(rep.text))


def iter_extract(reports: Iterable[FileReport], fmt: str, *, many: bool) -> Iterator[str]:
    """``extract`` output piece by piece, each file's citations found as they are written:
    jsonl (one citation a line), json (an array of files), or text.  Reports whose
    ``citations`` are empty are extracted here, large ones in windows."""
    first = True
    if fmt == "json":
        yield "["
    for rep in reports:
        if fmt == "json":
            yield (
                ("" if first else ",")
                + '\n  {"path": '
                + json.dumps(printable_path(rep.path), ensure_ascii=False)
            )
            yield ', "citations": ['
        n = 0
        for c in _citations_of(rep):
            if fmt == "text":
                pin = f"  [{c.pinpoint}]" if c.pinpoint else ""
                flag = " (short form)" if c.short_form else ""
                flag += " (ambiguous)" if c.ambiguous else ""
                yield f"{where(rep, c.start)}: {c.id or '?'}{pin}{flag}  «{_one_line(c.text)}»\n"
                continue
            data = citation_json(rep, c, with_status=False)
            if fmt == "jsonl":
                if many:
                    data["path"] = printable_path(rep.path)
                yield json.dumps(data, ensure_ascii=False) + "\n"
            else:
                yield ("," if n else "") + "\n    " + json.dumps(data, ensure_ascii=False)
            n += 1
        if fmt == "json":
            yield ("\n  ]}" if n else "]}")
        first = False
    if fmt == "json":
        yield "\n]\n" if not first else "]\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def where(rep: ReportView, offset: int) -> str:
    """``path:line:col`` plus, for extracted text, what the line refers to."""
    loc = rep.loc(offset)
    if "line" in loc:
        text = f"{printable_path(rep.path)}:{loc['line']}:{loc['column']}"
    else:
        text = f"{printable_path(rep.path)}: {where_in_extracted(rep, offset)}"
    return text


def where_in_extracted(rep: ReportView, offset: int) -> str:
    """For files without lines of their own (DOCX, PDF): paragraph, note or page, and the
    line in the extracted text."""
    loc = rep.loc(offset)
    where = f"{loc['where']}, " if loc.get("where") else ""
    return f"{where}line {loc['text_line']}, column {loc['text_column']} of the {loc['in']}"


def render_check_text(
    reports: Sequence[ReportView], *, colour: bool = False, unreadable: int = 0
) -> str:
    """``path:line:col: CODE [severity] message (id, status: what the source said)``."""
    return "".join(iter_check_text(reports, colour=colour, unreadable=unreadable))


def iter_check_text(
    reports: Sequence[ReportView],
    *,
    colour: bool = False,
    unreadable: int = 0,
    not_written: int = 0,
    empty_dirs: Sequence[str] = (),
) -> Iterator[str]:
    """:func:`render_check_text` one line at a time."""
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
            fix = "  [fixable]" if f.fix and not rep.extracted else ""  # --fix refuses those
            yield f"{where(rep, f.start)}: {f.code} [{sev}] {f.message}{extra}{fix}\n"
    yield summary_line(reports, unreadable, not_written, empty_dirs) + "\n"
