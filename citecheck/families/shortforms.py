"""Short forms (``Ibid.``, ``ibid., para. 5``, ``Id.``, ``op. cit.``, ``supra note 3``).

The finder yields placeholders; :func:`resolve_short_forms` (the "resolve short forms" stage)
points each one back at the citation it stands for, in one pass over the citations.
"""

from __future__ import annotations

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
    bad="Ibid., para. 5.  (as the first reference of the text)",
    good="A/HRC/41/35, para. 5.",
)
AMBIGUOUS_IBID = Rule(
    "SF102",
    "ambiguous-ibid",
    Severity.WARNING,
    "'Ibid.' follows a footnote that cites several sources; it is unclear which one is meant.",
    "Under OSCOLA and UN practice ibid. repeats the whole preceding footnote. When that "
    "footnote cites more than one document, repeat the reference you mean instead.",
    bad="1 A/HRC/41/35; A/HRC/38/35.  2 Ibid., para. 5.",
    good="2 A/HRC/41/35, para. 5.",
)
NON_UN_STYLE = Rule(
    "SF103",
    "non-un-short-form",
    Severity.INFO,
    "Id., supra, op. cit. and loc. cit. are not used in UN editorial style.",
    "The UN Editorial Manual uses only 'ibid.' for repeated references. 'Id.' and 'supra' "
    "come from the Bluebook; 'op. cit.' needs an author to resolve and is often ambiguous.",
    bad="supra note 3",
    good="A/HRC/41/35 (see note 3)",
)

_SHORT = compile_pattern(
    r"""
    (?<![\w.])
    (?: (?P<ibid>[Ii]bid(?:em)?\b\.?(?![\w\-]))
      | (?P<id>Id\.|id\.(?=""" + HSPACE + r"""*,|""" + HSPACE + r"""+(?:at|para)))
      | (?P<opcit>op\.""" + HSPACE + r"""?cit\.)
      | (?P<loccit>loc\.""" + HSPACE + r"""?cit\.)
      | (?P<supra>supra(?:""" + HSPACE + r"""+(?:note|n\.)""" + HSPACE + r"""*(?P<note>\d{1,4}))?)
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
    rules = (NO_ANTECEDENT, AMBIGUOUS_IBID, NON_UN_STYLE)

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


def _footnote_index(doc: Document) -> tuple[list[int], list[int]]:
    """Start offsets of footnotes and their numbers, in document order."""
    starts: list[int] = []
    numbers: list[int] = []
    if "<sup>" not in doc.text and "[^" not in doc.text and "^" not in doc.text:
        return starts, numbers
    for m in _FOOTNOTE_START.finditer(doc.text):
        starts.append(m.start())
        numbers.append(int(next(g for g in m.groups() if g)))
    return starts, numbers


def _footnote_of(offset: int, starts: list[int], numbers: list[int], doc: Document) -> int | None:
    """The footnote number an offset lies in (a footnote runs to the end of its paragraph)."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return None
    para_end = doc.text.find("\n\n", starts[i])
    if para_end != -1 and offset > para_end:
        return None
    return numbers[i]


def resolve_short_forms(citations: Sequence[Citation], doc: Document) -> list[Citation]:
    """Give every short form the id of its antecedent; unresolved ones keep an empty id."""
    starts, numbers = _footnote_index(doc)
    first_in_note: dict[int, int] = {}
    ids_in_note: dict[int, set[str]] = {}
    out: list[Citation] = []
    last_full: int | None = None
    last_note: int | None = None
    for cit in citations:
        note = _footnote_of(cit.start, starts, numbers, doc) if starts else None
        if not cit.short_form:
            index = len(out)
            out.append(cit)
            last_full = index
            if note is not None:
                first_in_note.setdefault(note, index)
                ids_in_note.setdefault(note, set()).add(cit.id)
            last_note = note
            continue
        parts = cit.parts
        assert isinstance(parts, ShortFormParts)
        target: int | None
        notes: list[Finding] = []
        ambiguous = False
        if parts.device == "supra" and parts.note is not None:
            target = first_in_note.get(parts.note)
            if target is None:
                notes.append(
                    NO_ANTECEDENT.finding(
                        f"supra note {parts.note}: footnote {parts.note} has no citation "
                        "before this point",
                        cit.start,
                        cit.end,
                    )
                )
        else:
            target = last_full
            if target is None:
                notes.append(
                    NO_ANTECEDENT.finding(
                        f"'{cit.text.strip()}' has no earlier citation to point back to",
                        cit.start,
                        cit.end,
                    )
                )
            elif parts.device in ("ibid", "id") and note is not None and last_note is not None:
                several = ids_in_note.get(last_note, set())
                if last_note != note and len(several) > 1:
                    ambiguous = True
                    notes.append(
                        AMBIGUOUS_IBID.finding(
                            f"'{cit.text.strip()}' follows footnote {last_note}, which cites "
                            f"{len(several)} documents ({', '.join(sorted(several))})",
                            cit.start,
                            cit.end,
                        )
                    )
            if parts.device in ("opcit", "loccit") and target is not None:
                ambiguous = True
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
        if note is not None:
            last_note = note
    return out
