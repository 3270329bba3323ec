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
that instrument carried over; ``supra note N``
resolves only when footnote N lies in the same window (documented limitation).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Protocol

import attrs

from citecheck.families import Document
from citecheck.families.backrefs import OWN_TITLE_REACH, BackReferenceParts
from citecheck.families.eu_acts import EUActParts
from citecheck.families.instruments import InstrumentParts
from citecheck.families.shortforms import NO_ANTECEDENT, ShortFormParts
from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult
from citecheck.scan import scan
from citecheck.shortforms import back_reference_marker, resolve_short_forms
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
    # Act types a definition bound to an act citecheck does not know ("('the Decision')").
    taken_types: set[str] = attrs.field(factory=set)
    # The opening of the text (its own title), for every window's back-references.
    head: str | None = None


def _windows(stream: Readable, window: int, overlap: int) -> Iterator[tuple[int, str, int, bool]]:
    """(global base, window text, local emit limit, is last) over the stream."""
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
            yield base, buf, len(buf), True
            return
        cut = _last_space(buf, window // 2, window)
        limit = cut - overlap
        yield base, buf[:cut], limit, False
        # The next window starts ``overlap`` or more before the emit limit, at whitespace.
        nxt = _last_space(buf, limit - 2 * overlap, limit - overlap)
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
    for base, text, limit, _last in _windows(stream, window, overlap):
        yield _window(base, text, limit, state, with_findings)


def _window(
    base: int, text: str, limit: int, state: _State, with_findings: bool
) -> tuple[list[Citation], list[Finding]]:
    if state.head is None:
        state.head = text[:OWN_TITLE_REACH]
    doc = Document(text, head=state.head)
    carried = sorted(state.antecedents.values(), key=lambda item: item[0])
    found_here = scan(doc)
    local = resolve_short_forms(
        found_here, doc, [_shift(c, -base, None) for _, c in carried], state.taken_types
    )
    g_limit = base + limit
    # Dropped markers ("the Regulation on ...", "('the Decision')") of the emitted part,
    # applied to the carried state in document order with the emitted citations.
    markers = [
        _shift(c, base, None)
        for c in found_here
        if isinstance(c.parts, BackReferenceParts)
        and (c.parts.other or c.parts.definition)
        and state.emitted_to <= c.start + base < g_limit
    ]
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
        out_local.append(c)
        out.append(shifted)
        if not c.short_form:
            state.last_full = (gidx, shifted)
            key = _antecedent_key(shifted)
            if key is not None:
                state.antecedents[key] = (gidx, shifted)
        state.recent[(shifted.start, shifted.end, shifted.id)] = gidx
        state.emitted_end = max(state.emitted_end, shifted.end)
    for marker in markers:
        _apply_marker(marker, state)
    state.count += len(out)
    state.emitted_to = g_limit
    found: list[Finding] = []
    if with_findings:
        found = [_shift_finding(f, base) for f in validate(out_local, doc)]
    return out, found


def _apply_marker(marker: Citation, state: _State) -> None:
    """A back-reference marker's effect on the carried antecedents and taken act types."""
    acts = {
        key[len("act:") :]: cit
        for key, (_, cit) in state.antecedents.items()
        if key.startswith("act:")
    }
    before = set(acts)
    back_reference_marker(marker, acts, state.taken_types)
    for kind in before - set(acts):
        del state.antecedents[f"act:{kind}"]


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
    """A short form's global antecedent; resolve it to the carried citation if need be."""
    if c.antecedent is not None:
        ante = local_to_global[c.antecedent]
        if ante is not None:
            return c, ante
    parts = c.parts
    unresolved = c.antecedent is None or not c.id
    if (
        unresolved
        and state.last_full is not None
        and isinstance(parts, ShortFormParts)
        and not (parts.device == "supra" and parts.note is not None)
    ):
        gidx, target = state.last_full
        c = attrs.evolve(
            c,
            id=target.id,
            kind=target.kind,
            pinpoint=c.pinpoint if c.pinpoint else target.pinpoint,
            ambiguous=c.ambiguous or target.ambiguous or parts.device in ("opcit", "loccit"),
            notes=tuple(n for n in c.notes if n.code != NO_ANTECEDENT.code),
        )
        return c, gidx
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
