"""Stage 2: short forms and back-references point back at the citation they stand for.

``Ibid.``, ``supra note 3`` (found by :mod:`citecheck.families.shortforms`) and
back-references such as "the Decision" take the id of their antecedent; an instrument cited
by its short name ("article 17 of the Covenant", resolved by the instruments family) after
its full citation is marked a short form pointing back to that citation. One pass over the
citations in document order, keeping only the last citation seen (per compatible type).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

from citecheck.families.backrefs import BackReferenceParts
from citecheck.families.base import Document
from citecheck.families.eu_acts import EUActParts
from citecheck.families.instruments import InstrumentParts
from citecheck.families.shortforms import (
    AMBIGUOUS_IBID,
    NO_ANTECEDENT,
    UNKNOWN_ANTECEDENT,
    ShortFormParts,
)
from citecheck.model import Citation, Finding

# Footnote openings: a line starting with <sup>N</sup>, [^N]: or ^N.
_FOOTNOTE_START = regex.compile(
    r"^[ \t]*(?:<sup>(\d{1,4})</sup>|\[\^(\d{1,4})\]:|\^(\d{1,4})[ \t])", regex.MULTILINE
)


@attrs.frozen(slots=True)
class _Footnotes:
    """Footnote spans in document order: ``starts[i]``..``ends[i]`` is footnote ``numbers[i]``."""

    starts: list[int]
    ends: list[int]
    numbers: list[int]

    def number_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.ends[i]:
            return None
        return self.numbers[i]

    def previous(self, number: int) -> int | None:
        """The footnote before ``number`` in document order (None for the first)."""
        try:
            i = self.numbers.index(number)
        except ValueError:
            return None
        return self.numbers[i - 1] if i > 0 else None


def _footnote_index(doc: Document) -> _Footnotes:
    """Footnote spans, computed once: a footnote runs to its paragraph's end or the next one.

    The blank-line search is bounded by the next footnote's start, so the whole index costs
    one pass over the text however many footnotes there are.
    """
    text = doc.text
    if "<sup>" not in text and "[^" not in text and "^" not in text:
        return _Footnotes([], [], [])
    starts: list[int] = []
    numbers: list[int] = []
    for m in _FOOTNOTE_START.finditer(text):
        starts.append(m.start())
        numbers.append(int(next(g for g in m.groups() if g)))
    ends: list[int] = []
    for i, start in enumerate(starts):
        limit = starts[i + 1] if i + 1 < len(starts) else len(text)
        blank = text.find("\n\n", start, limit)
        ends.append(blank if blank != -1 else limit)
    return _Footnotes(starts, ends, numbers)


def resolve_short_forms(
    citations: Sequence[Citation],
    doc: Document,
    carried: Sequence[Citation] = (),
    taken: Iterable[str] = (),
) -> list[Citation]:
    """Give every short form the id of its antecedent; unresolved ones keep an empty id.

    Definite errors (SF101): ``supra note N`` naming a footnote that does not exist or is not
    earlier; ``Ibid.`` in the first footnote. When the antecedent is simply not a citation
    citecheck knows (a book, an article), the short form stays unresolved with info SF104.

    ``carried`` are antecedents for back-references from before the text (the last act of
    each type and instrument of a stream's earlier windows). They are not returned; an
    ``antecedent`` index ``i < len(carried)`` points at ``carried[i]``, a larger one at
    ``returned[i - len(carried)]``. ``taken`` are the act types a definition before the text
    bound to an act citecheck does not know (see :func:`back_reference_marker`).
    """
    notes_index = _footnote_index(doc)
    # Offset of the first non-blank character: a short form at or before it has nothing at
    # all to point back to (computed once, so each short form costs O(1) here).
    first_text = len(doc.text) - len(doc.text.lstrip())
    # Back-references: the last citation of each EU act type, and the types a definition
    # has bound to an act citecheck does not know.
    last_of_type: dict[str, int] = {}
    taken_types: set[str] = set(taken)
    # "article 17 of the Covenant": the last full citation of each instrument.
    last_instrument: dict[str, int] = {}
    first_in_note: dict[int, int] = {}
    ids_in_note: dict[int, set[str]] = {}
    out: list[Citation] = list(carried)
    for index, prior in enumerate(carried):
        if isinstance(prior.parts, EUActParts):
            last_of_type[prior.parts.act_type] = index
        elif isinstance(prior.parts, InstrumentParts):
            last_instrument[prior.id] = index
    last_full: int | None = None
    # The last full citation of each id, and for the citation just appended the one before it
    # with its id: what "l'observation générale no 34 précitée" repeats.
    last_of_id: dict[str, int] = {}
    repeated: int | None = None
    for cit in citations:
        note = notes_index.number_at(cit.start)
        if isinstance(cit.parts, BackReferenceParts):
            _back_reference(cit, cit.parts, out, last_of_type, taken_types)
            continue
        if isinstance(cit.parts, ShortFormParts) and cit.parts.device == "cited":
            _cited_above(cit, out, len(carried), repeated, doc)
            continue
        if not cit.short_form:
            index = len(out)
            repeated = last_of_id.get(cit.id)
            last_of_id[cit.id] = index
            if isinstance(cit.parts, InstrumentParts):
                target = last_instrument.get(cit.id)
                if cit.parts.resolved_by == "short" and target is not None:
                    # A short name ("the Covenant") after the instrument's full citation
                    # points back to it, as a short form does; "Ibid." then repeats it.
                    cit = attrs.evolve(cit, short_form=True, antecedent=target)
                else:
                    last_instrument[cit.id] = index
            out.append(cit)
            last_full = index
            if isinstance(cit.parts, EUActParts):
                last_of_type[cit.parts.act_type] = index
            if note is not None:
                first_in_note.setdefault(note, index)
                ids_in_note.setdefault(note, set()).add(cit.id)
            continue
        parts = cit.parts
        assert isinstance(parts, ShortFormParts)
        target, notes, ambiguous = _antecedent(
            cit, parts, note, notes_index, first_in_note, ids_in_note, last_full
        )
        if target is None and cit.start <= first_text and not carried:
            shown = cit.text.strip()
            msg = f"'{shown}' has nothing before it to point back to: cite the source in full"
            notes = [NO_ANTECEDENT.finding(msg, cit.start, cit.end)]
        if target is None:
            out.append(attrs.evolve(cit, notes=tuple(notes)))
            continue
        ante = out[target]
        pin = cit.pinpoint if cit.pinpoint else ante.pinpoint
        out.append(
            attrs.evolve(
                cit,
                id=ante.id,
                kind=ante.kind,
                pinpoint=pin,
                antecedent=target,
                ambiguous=ambiguous or ante.ambiguous,
                notes=tuple(notes),
            )
        )
    return out[len(carried) :]


#: What may stand between a citation and "précité(e)" / "citado" written after it.
_CITED_GAP = regex.compile(r"[\s\u00a0\u202f]{1,3}\Z")


def _cited_above(
    cit: Citation, out: list[Citation], own: int, repeated: int | None, doc: Document
) -> None:
    """ "<citation> précitée, par. 5": the citation just before repeats an earlier one (its
    ``repeated`` index, if the text cited it before) and takes the pinpoint written after the
    word; with no citation right before, the word names nothing citecheck can tell."""
    if len(out) <= own:
        return
    last = out[-1]
    if last.short_form or _CITED_GAP.match(doc.text, last.end, cit.start) is None:
        return
    out[-1] = attrs.evolve(
        last,
        text=doc.text[last.start : cit.end],
        end=cit.end,
        pinpoint=cit.pinpoint if cit.pinpoint else last.pinpoint,
        short_form=repeated is not None,
        antecedent=repeated,
    )


#: A definition "('the Decision')" this close after an act's citation names that act.
_DEFINITION_REACH = 12


def back_reference_marker(
    marker: Citation, last_of_type: dict[str, Citation], taken_types: set[str]
) -> None:
    """Apply a dropped back-reference marker (a definition, "the Regulation on ...") to state
    carried across texts, as :func:`resolve_short_forms` applies it within one text:
    ``last_of_type`` maps act types to their last citation."""
    parts = marker.parts
    assert isinstance(parts, BackReferenceParts)
    kind = parts.act_type
    if parts.other:
        last_of_type.pop(kind, None)
    elif parts.definition:
        target = last_of_type.get(kind)
        if target is None or marker.start - target.end > _DEFINITION_REACH:
            taken_types.add(kind)


def _back_reference(
    cit: Citation,
    parts: BackReferenceParts,
    out: list[Citation],
    last_of_type: dict[str, int],
    taken_types: set[str],
) -> None:
    """Append ``cit`` with the id of the nearest earlier act of its type, or drop it."""
    kind = parts.act_type
    if parts.other:
        last_of_type.pop(kind, None)  # the nearest act of this type is one citecheck lacks
        return
    target = last_of_type.get(kind)
    if parts.definition:
        if target is None or cit.start - out[target].end > _DEFINITION_REACH:
            taken_types.add(kind)  # the noun now names an act citecheck does not know
        return
    if target is None or kind in taken_types:
        return
    ante = out[target]
    out.append(
        attrs.evolve(cit, id=ante.id, kind=ante.kind, antecedent=target, ambiguous=ante.ambiguous)
    )


def _antecedent(
    cit: Citation,
    parts: ShortFormParts,
    note: int | None,
    footnotes: _Footnotes,
    first_in_note: dict[int, int],
    ids_in_note: dict[int, set[str]],
    last_full: int | None,
) -> tuple[int | None, list[Finding], bool]:
    """Index of the citation a short form points back to, its findings, and ambiguity."""
    shown = cit.text.strip()
    if parts.device == "supra" and parts.note is not None:
        n = parts.note
        if n not in footnotes.numbers or (note is not None and n >= note):
            where = "does not exist" if n not in footnotes.numbers else "is not an earlier note"
            msg = f"supra note {n}: footnote {n} {where}"
            return None, [NO_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        target = first_in_note.get(n)
        if target is None:
            msg = f"supra note {n}: footnote {n} cites no document citecheck recognises"
            return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        return target, [], False
    if parts.device in ("ibid", "id") and note is not None:
        previous = footnotes.previous(note)
        if previous is None:
            msg = f"'{shown}' in the first footnote has nothing to repeat"
            return None, [NO_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        if previous != note and previous not in ids_in_note:
            msg = (
                f"'{shown}' repeats footnote {previous}, which cites no document citecheck "
                "recognises"
            )
            return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        several = ids_in_note.get(previous, set()) if previous != note else set()
        if len(several) > 1:
            msg = (
                f"'{shown}' follows footnote {previous}, which cites {len(several)} documents "
                f"({', '.join(sorted(several))})"
            )
            return last_full, [AMBIGUOUS_IBID.finding(msg, cit.start, cit.end)], True
    if last_full is None:
        msg = f"'{shown}' points back to nothing citecheck recognises"
        return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
    return last_full, [], parts.device in ("opcit", "loccit")
