"""Short forms (``Ibid.``, ``ibid., para. 5``, ``Id.``, ``op. cit.``, ``supra note 3``).

The finder yields placeholders; :func:`resolve_short_forms` (the "resolve short forms" stage)
points each one back at the citation it stands for, in one pass over the citations.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import attrs
import regex

from citecheck.families.base import HSPACE, Document, compile_pattern
from citecheck.model import Citation, Finding, Kind, Severity
from citecheck.pinpoints import pinpoint_after
from citecheck.rules import Rule

NO_ANTECEDENT = Rule(
    "SF101",
    "short-form-without-antecedent",
    Severity.ERROR,
    "A short form (Ibid., Id., supra, op. cit.) has no citation to point back to.",
    "'Ibid.' repeats the immediately preceding reference; 'supra note N' the first reference "
    "of footnote N. When there is none (the first footnote, a missing footnote), a reader "
    "cannot tell what is cited.",
    bad="Ibid., para. 5.",
    good="A/HRC/41/35, para. 4. Ibid., para. 5.",
)
AMBIGUOUS_IBID = Rule(
    "SF102",
    "ambiguous-ibid",
    Severity.WARNING,
    "'Ibid.' follows a footnote that cites several sources; it is unclear which one is meant.",
    "Under OSCOLA and UN practice ibid. repeats the whole preceding footnote. When that "
    "footnote cites more than one document, repeat the reference you mean instead.",
    bad="[^1]: A/HRC/41/35; A/HRC/38/35.\n[^2]: Ibid., para. 5.",
    good="[^1]: A/HRC/41/35; A/HRC/38/35.\n[^2]: A/HRC/41/35, para. 5.",
)
UNKNOWN_ANTECEDENT = Rule(
    "SF104",
    "short-form-of-unknown-source",
    Severity.INFO,
    "A short form points back to a source citecheck does not recognise (a book, an article).",
    "The short form is left unresolved rather than attached to an older citation: 'Ibid.' "
    "after a footnote citing a book repeats the book, not the last UN document.",
    bad="[^1]: A/HRC/41/35.\n[^2]: D. Kaye, Speech Police (2019), p. 3.\n[^3]: Ibid., p. 4.",
    good="[^1]: A/HRC/41/35.\n[^2]: A/HRC/38/35, p. 3.\n[^3]: Ibid., p. 4.",
)
NON_UN_STYLE = Rule(
    "SF103",
    "non-un-short-form",
    Severity.INFO,
    "Id., supra, op. cit. and loc. cit. are not used in UN editorial style.",
    "The UN Editorial Manual uses only 'ibid.' for repeated references. 'Id.' and 'supra' "
    "come from the Bluebook; 'op. cit.' needs an author to resolve and is often ambiguous.",
    bad="A/HRC/41/35, para. 4. Id., para. 5.",
    good="A/HRC/41/35, para. 4. Ibid., para. 5.",
)

_SHORT = compile_pattern(
    r"""
    (?<![\w.])
    (?: (?P<ibid>[Ii]bid(?:em)?\b\.?(?![\w\-]))
      | (?P<id>Id\.|id\.(?="""
    + HSPACE
    + r"""*,|"""
    + HSPACE
    + r"""+(?:at|para)))
      | (?P<opcit>op\."""
    + HSPACE
    + r"""?cit\.)
      | (?P<loccit>loc\."""
    + HSPACE
    + r"""?cit\.)
      | (?P<supra>supra(?![\w\-])(?:"""
    + HSPACE
    + r"""+(?:note|n\.)"""
    + HSPACE
    + r"""*(?P<note>\d{1,4}))?)
    )
    """
)

# Footnote openings: a line starting with <sup>N</sup>, [^N]: or ^N.
_FOOTNOTE_START = regex.compile(
    r"^[ \t]*(?:<sup>(\d{1,4})</sup>|\[\^(\d{1,4})\]:|\^(\d{1,4})[ \t])", regex.MULTILINE
)


@attrs.frozen(slots=True)
class ShortFormParts:
    """What kind of short form this is, and the footnote a ``supra note N`` names."""

    device: str
    note: int | None = None


class ShortFormFamily:
    """Finds repeated-reference devices; :func:`resolve_short_forms` gives them their ids."""

    name = "shortforms"
    triggers = ("ibid", "id.", "cit.", "supra")
    priority = 0
    rules = (NO_ANTECEDENT, AMBIGUOUS_IBID, NON_UN_STYLE, UNKNOWN_ANTECEDENT)

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        for m in _SHORT.finditer(text):
            device = m.lastgroup or "ibid"
            note = int(m.group("note")) if m.group("note") else None
            pin, end = pinpoint_after(text, m.end())
            yield Citation(
                id="",
                kind=Kind.SHORT_FORM,
                text=text[m.start() : end],
                start=m.start(),
                end=end,
                pinpoint=pin,
                parts=ShortFormParts(device if device != "note" else "supra", note),
                short_form=True,
                family=self.name,
            )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        parts = citation.parts
        if isinstance(parts, ShortFormParts) and parts.device != "ibid" and citation.id:
            yield NON_UN_STYLE.finding(
                f"'{citation.text.split()[0]}' is not UN editorial style; repeat the reference "
                "or use 'ibid.'",
                citation.start,
                citation.end,
                id=citation.id,
            )


FAMILY = ShortFormFamily()


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


def resolve_short_forms(citations: Sequence[Citation], doc: Document) -> list[Citation]:
    """Give every short form the id of its antecedent; unresolved ones keep an empty id.

    Definite errors (SF101): ``supra note N`` naming a footnote that does not exist or is not
    earlier; ``Ibid.`` in the first footnote. When the antecedent is simply not a citation
    citecheck knows (a book, an article), the short form stays unresolved with info SF104.
    """
    notes_index = _footnote_index(doc)
    first_in_note: dict[int, int] = {}
    ids_in_note: dict[int, set[str]] = {}
    out: list[Citation] = []
    last_full: int | None = None
    for cit in citations:
        note = notes_index.number_at(cit.start)
        if not cit.short_form:
            index = len(out)
            out.append(cit)
            last_full = index
            if note is not None:
                first_in_note.setdefault(note, index)
                ids_in_note.setdefault(note, set()).add(cit.id)
            continue
        parts = cit.parts
        assert isinstance(parts, ShortFormParts)
        target, notes, ambiguous = _antecedent(
            cit, parts, note, notes_index, first_in_note, ids_in_note, last_full
        )
        if target is None and not doc.text[: cit.start].strip():
            # nothing at all before it: definitely nothing to point back to
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
    return out


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
