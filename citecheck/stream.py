"""Streaming extraction: texts far larger than memory, read in overlapping windows.

Why: whole-file mode (``citecheck.readers``) refuses inputs above ``MAX_INPUT_BYTES``; a
200 MB archive dump must still be checkable in bounded memory. The file is decoded
incrementally and scanned window by window (default 1 M code points). Consecutive windows
share ``overlap`` code points of *back context* (so look-behinds and keywords such as
``Case`` before a case number are seen) and the last ``overlap`` code points of a window are
only a *margin*: a window emits the citations that start in ``[emitted_to, cut - overlap)``,
the next window emits from there on. A citation straddling a window edge is therefore found
whole, exactly once, with global offsets (code points of the whole decoded text). Windows are
cut at whitespace. Citations (with their pinpoints) longer than ``overlap`` are not supported.

Short forms: ``Ibid.``/``Id.``/``op. cit.`` whose antecedent lies before the window's back
context resolve to the last full citation carried over from earlier windows, back-references
("that Directive", "article 17 of the Covenant") to the last act of that type or citation of
that instrument carried over, defined names ("the Third Directive") to the act their last
definition named; ``supra note N`` resolves only when footnote N lies in the same window, and
``Ibid.`` in a window's first note whose preceding note began before the window repeats the
last citation before that note (of any kind), not checking that it lies in that very note
(documented limitations).

Families hand their own state on (``Document.carry``): which instrument "the Charter" or "the
Covenant" means and whether the text is an EU text (instruments), the acts cited with their
domain so far (EU acts), the footnote markers after acts with the act and its date (OJ
references in a later note; the most recent ``oj.MARKS_KEPT``, in the whole text too). What
the whole-text pass infers from words *anywhere* in the text a window cannot know beyond its
own end (documented limitation): the committee a text mentions most (whose "general comment
No. 34" it is), and which covenant an unqualified "the Covenant" is when the text never named
one before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Protocol

import attrs

from citecheck.families import Document
from citecheck.families.backrefs import OWN_TITLE_REACH, BackReferenceParts
from citecheck.families.base import WindowCarry
from citecheck.families.eu_acts import EUActParts
from citecheck.families.instruments import InstrumentParts
from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult, gc_paused
from citecheck.scan import scan
from citecheck.shortforms import (
    back_reference_marker,
    cited_in_full,
    notes_heading,
    resolve_short_forms,
)
from citecheck.validate import validate

DEFAULT_WINDOW = 1 << 20
DEFAULT_OVERLAP = 4096


class Readable(Protocol):
    """What the windows read from: a text file or stream (``read(size)``, "" at the end)."""

    def read(self, size: int = -1, /) -> str: ...


class TextSlices:
    """A text already in memory, read in slices.

    Why: ``io.StringIO(text)`` copies the text into a buffer of 4 bytes a code point, so a
    50 MB text held as ASCII costs another 200 MB just to be read window by window."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0

    def read(self, size: int = -1, /) -> str:
        start = self._pos
        end = len(self._text) if size < 0 else min(len(self._text), start + size)
        self._pos = end
        return self._text[start:end]


Source = str | os.PathLike[str] | Readable


def _shift_finding(f: Finding, delta: int) -> Finding:
    fix = f.fix
    if fix is not None:
        fix = attrs.evolve(fix, start=fix.start + delta, end=fix.end + delta)
    return attrs.evolve(f, start=f.start + delta, end=f.end + delta, fix=fix)


def _shift(c: Citation, delta: int, antecedent: int | None) -> Citation:
    return attrs.evolve(
        c,
        start=c.start + delta,
        end=c.end + delta,
        notes=tuple(_shift_finding(n, delta) for n in c.notes),
        antecedent=antecedent,
    )


def _last_space(buf: str, lo: int, hi: int) -> int:
    """Offset just after the last whitespace in ``buf[lo:hi]``, or ``hi`` if there is none."""
    for i in range(hi - 1, lo - 1, -1):
        if buf[i].isspace():
            return i + 1
    return hi


@attrs.define
class _State:
    """What crosses window boundaries: emitted spans, the last full citation, counters."""

    emitted_to: int = 0  # global offset: citations starting before it were emitted
    emitted_end: int = 0  # largest end of an emitted citation
    count: int = 0  # citations emitted so far (global index of the next one)
    last_full: tuple[int, Citation] | None = None  # (global index, citation in global offsets)
    recent: dict[tuple[int, int, str], int] = attrs.field(factory=dict)
    # Antecedents of back-references ("that Directive", "the Covenant"): the last EU act of
    # each type and the last full citation of each instrument, (global index, citation).
    antecedents: dict[str, tuple[int, Citation]] = attrs.field(factory=dict)
    # Names definitions gave ("('the Third Directive')"): the act named, or None for an act
    # citecheck does not know.
    terms: dict[str, tuple[int, Citation] | None] = attrs.field(factory=dict)
    # The opening of the text (its own title), for every window's back-references.
    head: str | None = None
    # Acronyms defined for an act so far ("('the GDPR')"): later windows find their uses.
    acronyms: set[str] = attrs.field(factory=set)
    # Where the first "Notes" heading ends (global offset): later windows start in the notes.
    notes_at: int | None = None
    # Emitted citations with an id from the last window's start on, (global index, citation):
    # the last one before a window is what Ibid. in its first note may repeat.
    tail: list[tuple[int, Citation]] = attrs.field(factory=list)
    # The families' own state where the next window starts (which Charter "the Charter" is).
    families: dict[str, object] = attrs.field(factory=dict)


def _windows(
    stream: Readable, window: int, overlap: int
) -> Iterator[tuple[int, str, int, int | None]]:
    """(global base, window text, local emit limit, local start of the next window or None
    for the last) over the stream."""
    buf = ""
    base = 0
    eof = False
    while True:
        while not eof and len(buf) < window:
            chunk = stream.read(window)
            if not chunk:
                eof = True
            buf += chunk
        if eof and len(buf) <= window:
            yield base, buf, len(buf), None
            return
        cut = _last_space(buf, window // 2, window)
        limit = cut - overlap
        # The next window starts ``overlap`` or more before the emit limit, at whitespace.
        nxt = _last_space(buf, limit - 2 * overlap, limit - overlap)
        yield base, buf[:cut], limit, nxt
        buf = buf[nxt:]
        base += nxt


def _run(
    source: Source, window: int, overlap: int, with_findings: bool
) -> Iterator[tuple[list[Citation], list[Finding]]]:
    if overlap < 1 or window < 8 * overlap:
        raise ValueError(f"window ({window}) must be at least 8 x overlap ({overlap}) >= 8")
    if isinstance(source, (str, os.PathLike)):
        # utf-8 (a BOM stays as U+FEFF) and newline="": the reading offsets are defined on, as
        # in citecheck.readers.decode, so offsets agree with whole-file mode.
        with open(source, encoding="utf-8", errors="replace", newline="") as fh:
            yield from _run_stream(fh, window, overlap, with_findings)
    else:
        yield from _run_stream(source, window, overlap, with_findings)


def _run_stream(
    stream: Readable, window: int, overlap: int, with_findings: bool
) -> Iterator[tuple[list[Citation], list[Finding]]]:
    state = _State()
    for base, text, limit, next_start in _windows(stream, window, overlap):
        with gc_paused():  # never across the yield: the caller runs with the collector on
            found = _window(base, text, limit, next_start, state, with_findings)
        yield found


def _window(
    base: int,
    text: str,
    limit: int,
    next_start: int | None,
    state: _State,
    with_findings: bool,
) -> tuple[list[Citation], list[Finding]]:
    if state.head is None:
        state.head = text[:OWN_TITLE_REACH]
    carry = WindowCarry(state.families, next_start)
    doc = Document(text, head=state.head, carry=carry, acronyms=state.acronyms)
    named = {gidx: c for gidx, c in state.antecedents.values()}
    antecedent_gidx = set(named)
    named.update({bound[0]: bound[1] for bound in state.terms.values() if bound is not None})
    if state.last_full is not None:
        named[state.last_full[0]] = state.last_full[1]
    before = [entry for entry in state.tail if entry[1].start < base]
    state.tail = [entry for entry in state.tail if entry[1].start >= base]
    note_last = before[-1] if before else None
    if note_last is not None:
        state.tail.insert(0, note_last)  # until a later window has a nearer one
        named[note_last[0]] = note_last[1]
    carried = sorted(named.items())
    position = {gidx: i for i, (gidx, _) in enumerate(carried)}
    terms = {
        term: None if bound is None else position[bound[0]] for term, bound in state.terms.items()
    }
    found_here = scan(doc)
    state.families = {**state.families, **carry.after}  # a family not run kept its state
    bindings: list[tuple[int, str, int | None]] = []
    last = None if state.last_full is None else position[state.last_full[0]]
    in_notes = state.notes_at is not None and state.notes_at <= base
    local = resolve_short_forms(
        found_here,
        doc,
        [_shift(c, -base, None) for _, c in carried],
        terms,
        bindings,
        last,
        in_notes,
        {position[gidx] for gidx in antecedent_gidx},
        None if note_last is None else position[note_last[0]],
    )
    if state.notes_at is None:
        heading = notes_heading(doc)
        if heading is not None:
            state.notes_at = base + heading
    g_limit = base + limit
    # Dropped "the Regulation on ..." markers of the emitted part, applied to the carried
    # state in document order with the emitted citations.
    markers = [
        _shift(c, base, None)
        for c in found_here
        if isinstance(c.parts, BackReferenceParts)
        and c.parts.other
        and state.emitted_to <= c.start + base < g_limit
    ]
    # Definitions of the emitted part, applied in document order with the emitted citations.
    defined = [b for b in bindings if state.emitted_to <= b[0] + base < g_limit]
    state.acronyms.update(
        c.text
        for c in found_here
        if isinstance(c.parts, BackReferenceParts)
        and c.parts.definition
        and not c.parts.act_type
        and state.emitted_to <= c.start + base < g_limit
    )
    # Citations of the back context that earlier windows emitted, by span and id.
    state.recent = {k: v for k, v in state.recent.items() if k[1] > base}
    local_to_global: list[int | None] = [gidx for gidx, _ in carried]
    emit_local: list[Citation] = []
    emit_index: list[int] = []
    for c in local:
        gs, ge = c.start + base, c.end + base
        known = state.recent.get((gs, ge, c.id))
        if gs >= state.emitted_to and gs < g_limit and gs >= state.emitted_end:
            local_to_global.append(state.count + len(emit_local))
            emit_local.append(c)
            emit_index.append(len(local_to_global) - 1)
        else:
            local_to_global.append(known)
    out_local: list[Citation] = []
    out: list[Citation] = []
    for idx, c in zip(emit_index, emit_local, strict=True):
        gidx = local_to_global[idx]
        assert gidx is not None
        ante: int | None = None
        if c.short_form:
            c, ante = _carry(c, local_to_global, state)
        shifted = _shift(c, base, ante)
        while markers and markers[0].start < shifted.start:
            _apply_marker(markers.pop(0), state)
        while defined and defined[0][0] + base < shifted.start:
            _apply_definition(defined.pop(0), base, carried, local, local_to_global, state)
        out_local.append(c)
        out.append(shifted)
        if not c.short_form:
            state.last_full = (gidx, shifted)
            key = _antecedent_key(shifted)
            if key is not None:
                state.antecedents[key] = (gidx, shifted)
            if cited_in_full(shifted.parts):
                # What a bare "the Convention" may stand for (see citecheck.shortforms).
                state.antecedents[f"full:{shifted.id}"] = (gidx, shifted)
        if isinstance(shifted.parts, InstrumentParts):
            state.antecedents[f"seen:{shifted.id}"] = (gidx, shifted)  # short forms too
        state.recent[(shifted.start, shifted.end, shifted.id)] = gidx
        if shifted.id:
            state.tail.append((gidx, shifted))
        state.emitted_end = max(state.emitted_end, shifted.end)
    for marker in markers:
        _apply_marker(marker, state)
    for definition in defined:
        _apply_definition(definition, base, carried, local, local_to_global, state)
    state.count += len(out)
    state.emitted_to = g_limit
    found: list[Finding] = []
    if with_findings:
        found = [_shift_finding(f, base) for f in validate(out_local, doc)]
    return out, found


def _apply_marker(marker: Citation, state: _State) -> None:
    """A "the Regulation on ..." marker's effect on the carried antecedents."""
    acts = {
        key[len("act:") :]: cit
        for key, (_, cit) in state.antecedents.items()
        if key.startswith("act:")
    }
    before = set(acts)
    back_reference_marker(marker, acts)
    for kind in before - set(acts):
        del state.antecedents[f"act:{kind}"]


def _apply_definition(
    definition: tuple[int, str, int | None],
    base: int,
    carried: list[tuple[int, Citation]],
    local: list[Citation],
    local_to_global: list[int | None],
    state: _State,
) -> None:
    """What a defined name ("('the Third Directive')") means from now on; a bare noun defined
    after an act citecheck does not know is no longer the nearest act of its type."""
    _, term, index = definition
    if index is None:
        state.terms[term] = None
        state.antecedents.pop(f"act:{term}", None)
        return
    gidx = local_to_global[index]
    if gidx is None:
        return
    if index < len(carried):
        state.terms[term] = (gidx, carried[index][1])
    else:
        state.terms[term] = (gidx, _shift(local[index - len(carried)], base, None))


def _antecedent_key(c: Citation) -> str | None:
    """Which back-references ``c`` can be the antecedent of (see citecheck.shortforms)."""
    if isinstance(c.parts, EUActParts):
        return f"act:{c.parts.act_type}"
    if isinstance(c.parts, InstrumentParts):
        return f"instrument:{c.id}"
    return None


def _carry(
    c: Citation, local_to_global: list[int | None], state: _State
) -> tuple[Citation, int | None]:
    """A short form's global antecedent. The window's pass already saw the carried citations
    (the last full one included), so one it left unresolved stays so."""
    if c.antecedent is not None:
        ante = local_to_global[c.antecedent]
        if ante is not None:
            return c, ante
    if c.antecedent is not None and state.last_full is not None:
        return c, state.last_full[0]  # antecedent in the context but not re-found: best effort
    return c, None


def extract_stream(
    source: Source, *, window: int = DEFAULT_WINDOW, overlap: int = DEFAULT_OVERLAP
) -> Iterator[Citation]:
    """Citations of a file (path) or text stream, in document order, with global offsets.

    Equal to ``citecheck.extract(whole_text)`` wherever citations and their context are
    shorter than ``overlap``; memory stays about ``window`` code points whatever the size.
    """
    for citations, _ in _run(source, window, overlap, False):
        yield from citations


def check_stream(
    source: Source, *, window: int = DEFAULT_WINDOW, overlap: int = DEFAULT_OVERLAP
) -> Iterator[CheckResult]:
    """Citations and offline findings, one :class:`CheckResult` per window, global offsets."""
    for citations, found in _run(source, window, overlap, True):
        yield CheckResult(tuple(citations), tuple(found))


def extract_text(
    text: str, *, window: int = DEFAULT_WINDOW, overlap: int = DEFAULT_OVERLAP
) -> list[Citation]:
    """Streamed extraction of an in-memory string (for tests and comparisons)."""
    return list(extract_stream(TextSlices(text), window=window, overlap=overlap))
