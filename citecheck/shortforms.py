"""Stage 2: short forms and back-references point back at the citation they stand for.

``Ibid.``, ``supra note 3`` (found by :mod:`citecheck.families.shortforms`) and
back-references such as "the Decision" or "the Third Directive" take the id of their
antecedent; an instrument cited by its short name ("article 17 of the Covenant", "the
Covenant", resolved by the instruments family) after its full citation is marked a short form
pointing back to that citation. In notes, ``Ibid.`` repeats the last citation of its note or
of the preceding note, or nothing. One pass over the citations in document order, keeping only
the last citations seen (per note, per compatible type, per defined name).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

import attrs
import regex

from citecheck.families.backrefs import BackReferenceParts
from citecheck.families.base import Document
from citecheck.families.cjeu import CjeuParts
from citecheck.families.eu_acts import EUActParts
from citecheck.families.instruments import InstrumentParts, instruments_called
from citecheck.families.oj import OJParts
from citecheck.families.shortforms import (
    AMBIGUOUS_IBID,
    LONGEST_CITED_WORDS,
    NO_ANTECEDENT,
    NOTES_HEADINGS,
    UNKNOWN_ANTECEDENT,
    ShortFormParts,
    non_un_style,
    pinpoint_not_of_a_judgment,
)
from citecheck.lexicon import LANGUAGES, alternation, load
from citecheck.model import Citation, Finding, Kind
from citecheck.patterns import unreadable_number

# Notes marked as such: a line starting with <sup>N</sup>, [^N]: or ^N.
_MARKED_NOTE = regex.compile(
    r"^[ \t]*(?:<sup>(\d{1,4})</sup>|\[\^(\d{1,4})\]:|\^(\d{1,4})[ \t])", regex.MULTILINE
)
#: What opens a marked note, after the spaces at the start of its line.
_MARK = regex.compile(r"<sup>(\d{1,4})</sup>|\[\^(\d{1,4})\]:|\^(\d{1,4})[ \t]")
_MARK_LITERALS = ("<sup>", "^")  # "[^" holds "^"


def marked_notes(text: str) -> list[tuple[int, int]]:
    """(offset, number) of each ``_MARKED_NOTE`` opening, as its ``finditer`` gives them,
    found from the literals that start a mark: a mark counts where only spaces and tabs stand
    between its line's start and it (a bounded look back), and ``_MARK`` is matched there."""
    marks: set[int] = set()
    for literal in _MARK_LITERALS:
        pos = text.find(literal)
        while pos != -1:
            # "[^3]:": the mark starts at the bracket before the caret
            marks.add(pos - 1 if literal == "^" and pos > 0 and text[pos - 1] == "[" else pos)
            pos = text.find(literal, pos + 1)
    found = []
    for mark in sorted(marks):
        line_start = mark
        while line_start > 0 and text[line_start - 1] in " \t":
            line_start -= 1
        if line_start > 0 and text[line_start - 1] != "\n":
            continue
        m = _MARK.match(text, mark)
        if m is not None:
            found.append((line_start, int(next(g for g in m.groups() if g))))
    return found


# "[12] text" (and DOCX endnotes "[e3] text") at a line start, or after a sentence end where
# notes run on in one line ("... p. 5. [13] Ibid."); a reference mark glued to the text
# ("society.[12] They") is not an opening. The pattern is the mark; what stands before it is
# checked apart (a literal first keeps the scan fast).
_BRACKET_NOTE = regex.compile(r"\[(e?)(\d{1,3})\](?=[ \t]+\S)")
_BEFORE_BRACKET_NOTE = regex.compile(r"(?:^|\n)[ \t]{0,16}\Z|[.;:!?)\]\u201d\"\u2019][ \t]{1,3}\Z")
#: How far before a bracket mark ``_BEFORE_BRACKET_NOTE`` reads: a line break and 16 spaces.
_BRACKET_LEAD_REACH = 17


def bracket_note_marks(text: str) -> Iterator[regex.Match[str]]:
    """The bracket marks of `text` that open a note by what stands before them (group 1 the
    "e" of an endnote, group 2 the number)."""
    for m in _BRACKET_NOTE.finditer(text):
        lead_from = max(0, m.start() - _BRACKET_LEAD_REACH)
        if _BEFORE_BRACKET_NOTE.search(text, lead_from, m.start()) is not None:
            yield m


# After a "Notes" heading: "12 text", "12. text", "12) text", or "12" alone on its line with the
# text below (pdftotext endnotes); page numbers stand further right.
_SECTION_NOTE = regex.compile(
    r"^[ \t]{0,16}(\d{1,3})(?:[.)]?[ \t]+(?=\S)|[ \t]*(?=\r?\n))", regex.MULTILINE
)
#: The same opening after the line break before it: a literal first character lets the engine
#: skip from line break to line break, about twice as fast as ``^`` tried at every position.
_SECTION_NOTE_AFTER_BREAK = regex.compile(
    r"\n[ \t]{0,16}(\d{1,3})(?:[.)]?[ \t]+(?=\S)|[ \t]*(?=\r?\n))"
)
#: A numbered opening counts while the numbers run on: at most this many notes may be lost.
_NOTE_GAP = 3


_HEADING_LINE = regex.compile(r"[ \t#*]{0,8}(?P<word>\w+)[ \t*:]*")


# The rule a word processor writes above the footnotes of a page in plain text
# ("__________"), followed by the first note ("1 See ..."): a line of underscores alone is
# also a signature or form line, the note after it tells them apart.
_NOTE_RULE = regex.compile(
    r"[ \t]{0,16}_{5,}[ \t]*(?=\r?\n(?:[ \t]*\r?\n){0,2}[ \t]{0,16}\d{1,3}[.)]?[ \t]+\S)"
)


def _note_rule(text: str) -> int | None:
    """Where the first footnote rule line (:data:`_NOTE_RULE`) ends, or None."""
    pos = text.find("_____")
    while pos != -1:
        line_start = text.rfind("\n", 0, pos) + 1
        rule = _NOTE_RULE.match(text, line_start)
        if rule is not None:
            end: int = rule.end()
            return end
        line_end = text.find("\n", pos)  # one try per line: the scan stays linear
        pos = -1 if line_end == -1 else text.find("_____", line_end)
    return None


def notes_heading(doc: Document) -> int | None:
    """Where the line after the first "Notes" heading (a line holding only that word) or
    footnote rule (:data:`_NOTE_RULE`) starts."""
    words = _notes_word_heading(doc)
    rule = _note_rule(doc.text)
    if rule is None or (words is not None and words < rule):
        return words
    return rule


def _notes_word_heading(doc: Document) -> int | None:
    """Where the line after the first "Notes" heading (a line holding only that word)
    starts. Found from the occurrences of the words in the lower-cased text (the anchor index
    holds them): the word is common in prose ("the Committee notes"), a whole-line heading
    is not."""
    # The hits are offsets of the text (``Document.lower`` keeps every offset), and only
    # "\n" lower-cases to "\n": lines are found in the text, which is not lower-cased here.
    text = doc.text
    line_end = 0
    for start, end in doc.hits(NOTES_HEADINGS):
        if start < line_end:
            continue  # the rest of a line already read: one pass over the text in all
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        line = _HEADING_LINE.fullmatch(text, line_start, line_end)
        if line is not None and line.group("word").lower() in NOTES_HEADINGS:
            return line_end  # the first heading line: hits come in order
    return None


@attrs.frozen(slots=True)
class _Footnotes:
    """Notes in document order: ``starts[i]``..``ends[i]`` is note ``i``, numbered ``numbers[i]``.

    Notes are known by their place, not their number: a text may number its reference marks
    and then its notes the same way, or its footnotes and endnotes each from 1.
    """

    starts: list[int]
    ends: list[int]
    numbers: list[int]
    #: number -> the notes so numbered, in order
    by_number: dict[int, list[int]] = attrs.field(factory=dict)
    #: the text starts inside the notes (a later window of a stream): its first note is not
    #: the document's first, whatever its number
    continued: bool = False

    def note_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.ends[i]:
            return None
        return i

    def previous(self, note: int) -> int | None:
        """The note before ``note``: None when it is the first (numbered 1, or the text's
        first), ``-1`` when that note lies before the text (a stream window)."""
        if self.numbers[note] == 1 or (
            note == 0 and not self.continued and self.numbers[note] <= _NOTE_GAP
        ):
            return None
        return note - 1 if note > 0 else -1

    def latest(self, number: int, before: int) -> int | None:
        """The last note numbered ``number`` that opens before ``before``."""
        notes = self.by_number.get(number, [])
        i = bisect.bisect_left(notes, bisect.bisect_left(self.starts, before))
        return notes[i - 1] if i > 0 else None


def _in_sequence(openings: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (offset, number) openings whose numbers run on (see :data:`_NOTE_GAP`); a run may
    start again at 1 (the reference marks in the text, then the notes)."""
    kept: list[tuple[int, int]] = []
    items = list(openings)
    for i, (offset, number) in enumerate(items):
        last = kept[-1][1] if kept else None
        if last is None or number == 1 or last < number <= last + _NOTE_GAP:
            kept.append((offset, number))
        elif i + 1 < len(items) and items[i + 1][1] == number + 1 and number > (last or 0):
            # a gap in the numbering ("[1]", then "[17]", "[18]"...): a new run starts where
            # two numbers follow each other, rather than no note being read after the gap
            kept.append((offset, number))
    return kept


def section_notes(text: str, heading: int) -> Iterator[tuple[int, int]]:
    """(offset, number) of each ``_SECTION_NOTE`` opening from ``heading`` on, in order, as
    its ``finditer`` gives them: a line start is the text's start or just after a line break."""
    if heading == 0 or text[heading - 1] == "\n":
        first = _SECTION_NOTE.match(text, heading)
        if first is not None:
            yield heading, int(first.group(1))
    for m in _SECTION_NOTE_AFTER_BREAK.finditer(text, heading):
        yield m.start() + 1, int(m.group(1))


def _footnote_index(doc: Document, in_notes: bool = False) -> _Footnotes:
    """Note spans, computed once in one pass per kind of opening.

    A marked or bracketed note runs to its paragraph's end or the next note; a note after a
    "Notes" heading runs to the next note (pdftotext endnotes hold blank lines). The
    blank-line search is bounded by the next note's start, so the whole index costs one pass
    over the text however many notes there are. ``in_notes``: the text starts inside the
    notes (a stream window after the "Notes" heading).
    """
    text = doc.text
    openings: list[tuple[int, int, bool]] = []  # (offset, number, runs to a blank line)
    openings.extend((offset, number, True) for offset, number in marked_notes(text))
    if "[" in text:
        runs: dict[str, list[tuple[int, int]]] = {}
        for m in bracket_note_marks(text):
            if unreadable_number(m.group(2)):
                continue
            runs.setdefault(m.group(1), []).append((m.start(), int(m.group(2))))
        for run in runs.values():
            openings.extend((offset, n, True) for offset, n in _in_sequence(run))
    heading = 0 if in_notes else notes_heading(doc)
    if heading is not None:
        openings.extend(
            (offset, n, False) for offset, n in _in_sequence(section_notes(text, heading))
        )
    if not openings:
        return _Footnotes([], [], [])
    openings.sort()
    starts = [o[0] for o in openings]
    ends: list[int] = []
    for i, (start, _, to_blank) in enumerate(openings):
        limit = starts[i + 1] if i + 1 < len(starts) else len(text)
        blank = text.find("\n\n", start, limit) if to_blank else -1
        ends.append(blank if blank != -1 else limit)
    numbers = [o[1] for o in openings]
    by_number: dict[int, list[int]] = {}
    for i, number in enumerate(numbers):
        by_number.setdefault(number, []).append(i)
    return _Footnotes(starts, ends, numbers, by_number, continued=in_notes)


def resolve_short_forms(
    citations: Sequence[Citation],
    doc: Document,
    carried: Sequence[Citation] = (),
    terms: Mapping[str, int | None] | None = None,
    bindings: list[tuple[int, str, int | None]] | None = None,
    carried_last: int | None = None,
    in_notes: bool = False,
    registered: Collection[int] | None = None,
    carried_note_last: int | None = None,
) -> list[Citation]:
    """Give every short form the id of its antecedent; unresolved ones keep an empty id.

    Definite errors (SF101): ``supra note N`` naming a footnote that does not exist (among
    the notes recognised; with none recognised, info SF104) or is not earlier; ``Ibid.`` in
    the first footnote. When the antecedent is simply not a citation
    citecheck knows (a book, an article), the short form stays unresolved with info SF104.

    ``carried`` are antecedents for back-references from before the text (the last act of
    each type and instrument of a stream's earlier windows). They are not returned; an
    ``antecedent`` index ``i < len(carried)`` points at ``carried[i]``, a larger one at
    ``returned[i - len(carried)]``. ``terms`` are the names definitions before the text gave
    ("third directive" -> index in ``carried``, None for an act citecheck does not know);
    each definition met here is appended to ``bindings`` as (its offset, the name, the index
    of the act it names or None), so a stream can carry them on. ``carried_last`` is the index
    in ``carried`` of the last full citation before the text (what ``Ibid.`` repeats there);
    ``in_notes`` says the text starts after a "Notes" heading. ``registered``: the indices in
    ``carried`` that are the last act of their type or citation of their instrument (default:
    all); the others are there only for a defined name or ``Ibid.``. ``carried_note_last``: the
    index in ``carried`` of the last citation before the text (of any kind), what ``Ibid.`` in
    the text's first note repeats when the note before it began before the text.
    """
    # Notes matter only to the short forms that repeat a note's citation (Ibid., supra): a
    # text without them (a 3 MB tariff with a "Notes" heading near its top) skips the index.
    notes_index = (
        _footnote_index(doc, in_notes) if _repeats_notes(citations) else _Footnotes([], [], [])
    )
    # Offset of the first non-blank character: a short form at or before it has nothing at
    # all to point back to (computed once, so each short form costs O(1) here).
    first_text = _first_non_blank(doc.text)
    # Back-references: the last citation of each EU act type, and the types a definition
    # has bound to an act citecheck does not know.
    acts = _Acts(dict(terms or {}), bindings)
    instruments = _Instruments()
    notes = _NoteCitations()
    document = _SameDocument()
    out: list[Citation] = list(carried)
    for index, prior in enumerate(carried):
        if registered is not None and index not in registered:
            continue
        if isinstance(prior.parts, EUActParts):
            acts.cited(index, prior.parts.act_type)
        elif isinstance(prior.parts, InstrumentParts):
            instruments.carry(index, prior)
    last_full: int | None = carried_last
    # The last citation before the first note: the end of the note before it, when that note
    # began before the text (a stream window).
    first_note = notes_index.starts[0] if notes_index.starts else -1
    note_before: int | None = carried_note_last
    # The last full citation of each id, and for the citation just appended the one before it
    # with its id: what "l'observation générale no 34 précitée" repeats.
    last_of_id: dict[str, int] = {}
    earlier_same_id: int | None = None
    for cit in citations:
        note = notes_index.note_at(cit.start)
        if isinstance(cit.parts, BackReferenceParts):
            bound = _back_reference(cit, cit.parts, out, acts, doc.text)
            if bound and note is not None:
                bound_to = out[-1].antecedent
                key = document.of(bound_to) if bound_to is not None else None
                notes.add(note, len(out) - 1, out[-1], full=False, document=key)
            if bound and cit.start < first_note:
                note_before = len(out) - 1
            continue
        if isinstance(cit.parts, ShortFormParts) and cit.parts.device == "cited":
            _cited_above(cit, out, len(carried), earlier_same_id, doc)
            continue
        if (
            isinstance(cit.parts, ShortFormParts)
            and cit.parts.device in ("opcit", "loccit")
            and _cited_above(cit, out, len(carried), earlier_same_id, doc)
        ):
            continue  # "A/HRC/41/35, op. cit., par. 20": one citation, as "précité"
        if not cit.short_form:
            index = len(out)
            if isinstance(cit.parts, InstrumentParts):
                placed = instruments.place(index, cit)
                if placed is None:
                    continue
                cit = placed
            earlier_same_id = last_of_id.get(cit.id)
            last_of_id[cit.id] = index
            out.append(cit)
            document.add(index, cit, doc.text)
            last_full = document.best
            if isinstance(cit.parts, EUActParts):
                acts.cited(index, cit.parts.act_type)
            elif "/DEC/" in cit.id:
                # "decision 2/102 ... paragraph 3 of that decision": the nearest decision is
                # a UN one, not the EU decision cited before it.
                acts.last_of_type.pop("decision", None)
            if note is not None:
                notes.add(note, index, cit, full=True, document=document.key)
                notes.last[note] = document.best
            if cit.start < first_note and cit.id:
                note_before = document.best
            continue
        parts = cit.parts
        assert isinstance(parts, ShortFormParts)
        target, found, ambiguous = _antecedent(
            cit, parts, note, notes_index, notes, last_full, note_before
        )
        if target is None and cit.start <= first_text and not carried:
            shown = cit.text.strip()
            msg = f"'{shown}' has nothing before it to point back to: cite the source in full"
            found = [NO_ANTECEDENT.finding(msg, cit.start, cit.end)]
        if target is None:
            out.append(attrs.evolve(cit, notes=tuple(found)))
            continue
        repeated = out[target]  # what is repeated: its pinpoint, unless the short form has one
        if repeated.short_form and repeated.antecedent is not None:
            target = repeated.antecedent
        ante = out[target]
        inherited = repeated.pinpoint
        if not _is_judgment(ante):
            act_reading = pinpoint_not_of_a_judgment(cit, doc.text)
            if act_reading is not None:
                # "Ibid., point 45" after an act: no paragraph 45 of it, nor its article 6
                pin, end = act_reading
                cit = attrs.evolve(cit, pinpoint=pin, end=end, text=doc.text[cit.start : end])
                inherited = pin
        resolved = attrs.evolve(
            cit,
            id=ante.id,
            kind=ante.kind,
            pinpoint=cit.pinpoint if cit.pinpoint else inherited,
            antecedent=target,
            ambiguous=ambiguous or ante.ambiguous,
            notes=tuple(found),
        )
        if note is not None:
            notes.add(note, len(out), resolved, full=False, document=document.of(target))
        if cit.start < first_note:
            note_before = len(out)
        out.append(resolved)
    return out[len(carried) :]


def _is_judgment(cit: Citation) -> bool:
    """Does the citation name a judgment (a case, an ECLI, a CELEX number of case law)?"""
    return cit.kind in (Kind.CJEU_CASE, Kind.ECLI) or cit.id.startswith("celex:6")


def _repeats_notes(citations: Iterable[Citation]) -> bool:
    """Is there a short form whose antecedent depends on the notes (``Ibid.``, ``supra note
    N``, ``op. cit.``)? The note index feeds nothing else."""
    return any(isinstance(c.parts, ShortFormParts) and c.parts.device != "cited" for c in citations)


def _first_non_blank(text: str) -> int:
    """``len(text) - len(text.lstrip())``, without copying the text."""
    i, n = 0, len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


#: Between a citation and "précité" / "op. cit." after it: spaces, or a comma and spaces
#: ("A/HRC/41/35, précité, par. 16").
_CITED_GAP_SPACES = 3
_CITED_GAP_COMMA = 3
_CITED_GAP = regex.compile(rf"(?:\s{{0,{_CITED_GAP_COMMA - 1}}},)?\s{{1,{_CITED_GAP_SPACES}}}\Z")

#: How far past a citation's end this stage reads: a "précitée" written right after it joins
#: it (``_cited_above``).  The numbering of notes after a citation, read however far, the
#: editor compares apart (``citecheck.lsp.reuse.note_openings``).
REACH_AFTER = _CITED_GAP_COMMA + _CITED_GAP_SPACES + LONGEST_CITED_WORDS


def _cited_above(
    cit: Citation, out: list[Citation], own: int, repeated: int | None, doc: Document
) -> bool:
    """ "<citation> précitée, par. 5" (also ``, op. cit.,``): the citation just before repeats
    an earlier one (its ``repeated`` index, if the text cited it before) and takes the
    pinpoint written after the word; with no citation right before, the word names nothing
    citecheck can tell. Whether there was one."""
    if len(out) <= own:
        return False
    last = out[-1]
    if last.short_form or _CITED_GAP.match(doc.text, last.end, cit.start) is None:
        return False
    # "op. cit." merged into the citation it follows is still not UN style (SF103 on it)
    cited = isinstance(cit.parts, ShortFormParts) and cit.parts.device == "cited"
    style = None if cited else non_un_style(cit, doc, last.id)
    out[-1] = attrs.evolve(
        last,
        notes=last.notes if style is None else (*last.notes, style),
        text=doc.text[last.start : cit.end],
        end=cit.end,
        pinpoint=cit.pinpoint if cit.pinpoint else last.pinpoint,
        short_form=repeated is not None,
        antecedent=repeated,
    )
    return True




#: A bare "the Convention" refers to an instrument mentioned at most this far before it
#: (code points): further back, a text may mean one it never names ("not planning to ratify
#: the Convention" after recommendations on another treaty).
_BARE_REACH = 3000


class _Instruments:
    """The instrument state of one pass: the last citation of each instrument that is not a
    short form, the instruments cited by name or abbreviation, and where each instrument was
    last mentioned in any way."""

    __slots__ = ("full", "last", "seen")

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.full: set[str] = set()
        self.seen: dict[str, int] = {}

    def carry(self, index: int, cit: Citation) -> None:
        """A citation from before the text (a stream's earlier windows)."""
        self.seen[cit.id] = max(cit.end, self.seen.get(cit.id, cit.end))
        if not cit.short_form:
            self.last[cit.id] = index
            if cited_in_full(cit.parts):
                self.full.add(cit.id)

    def place(self, index: int, cit: Citation) -> Citation | None:
        """``cit`` as it goes out: a short name ("article 17 of the Covenant", "the Covenant")
        after the instrument's citation points back to it, as a short form does ("Ibid." then
        repeats it); None drops a bare short name that stands for no one instrument."""
        parts = cit.parts
        assert isinstance(parts, InstrumentParts)
        if parts.resolved_by == "short" and not cit.pinpoint:
            slug = self._bare(parts, cit.start)
            if slug is None:
                return None
            cit = attrs.evolve(cit, id=f"instrument:{slug}", parts=attrs.evolve(parts, slug=slug))
        target = self.last.get(cit.id)
        if parts.resolved_by == "short" and target is not None:
            cit = attrs.evolve(cit, short_form=True, antecedent=target)
        else:
            self.last[cit.id] = index
            if cited_in_full(parts):
                self.full.add(cit.id)
        self.seen[cit.id] = cit.end
        return cit

    def _bare(self, parts: InstrumentParts, start: int) -> str | None:
        """The one instrument a bare short name ("The Convention requires ...") may stand for:
        cited by name or abbreviation before and mentioned not far back, else None (none,
        or two conventions: unclear). In an EU text "the Charter" is the EU Charter (as the
        instruments family read it) even after the Charter of the United Nations."""
        named = [s for s in instruments_called(parts.reference) if f"instrument:{s}" in self.full]
        if parts.slug == "cfr" and "cfr" in named:
            slug = "cfr"
        elif len(named) == 1:
            slug = named[0]
        else:
            return None
        if start - self.seen[f"instrument:{slug}"] > _BARE_REACH:
            return None
        return slug


def cited_in_full(parts: object) -> bool:
    """Does an instrument citation name its instrument (by name or abbreviation), rather than
    stand for it by a short name or continue the one cited before ("article 19")?"""
    return isinstance(parts, InstrumentParts) and parts.resolved_by in (
        "name",
        "abbreviation",
        "named",
    )


def back_reference_marker(marker: Citation, last_of_type: dict[str, Citation]) -> None:
    """Apply a dropped "the Regulation on ..." marker to state carried across texts, as
    :func:`resolve_short_forms` applies it within one text: ``last_of_type`` maps act types
    to their last citation."""
    parts = marker.parts
    assert isinstance(parts, BackReferenceParts)
    if parts.other:
        last_of_type.pop(parts.act_type, None)


#: How many of the last EU act citations a definition may bind to (the nearest in its
#: sentence before its bracket, of its type).
_DEFINABLE = 8
# "Directive 2002/21, as amended by Directive 2009/140 ('the Framework Directive')": the
# definition names the act amended, not the amending one.
_AMENDED_BY = regex.compile(r"amended\s{1,3}(?:\w+\s{1,3}){0,2}by\s{1,3}\Z")
# An act named in the title of the act cited before it ("... and repealing Directive 95/46/EC"),
# or the act a national law transposes ("transposing into Netherlands law Framework Decision").
_IN_TITLE = regex.compile(
    r"(?:amending|repealing|supplementing|implementing|replacing|transposing)\s{1,3}"
    r"(?:\w+\s{1,3}){0,3}\Z"
)


# Between an act's citation (or its OJ reference) and an acronym defined for it: brackets,
# separators and the opening of the definition ("(OJ 2016 L 119, p. 1) ('the GDPR')").
_DEFINITION_GAP = regex.compile(
    r"[\s)\];,(]{0,8}(?:\(https?://[^\s()]{1,300}\)[\s)\];,(]{0,8})?"  # a Markdown link's target
    r"(?:(?:hereinafter|hereafter)(?:\s{1,3}(?:referred\s{1,3}to\s{1,3}as|called))?"
    r"\s{1,3})?[\u2018'\u201c\"](?:the\s{1,3})?"
)


def _follows_act(marker: Citation, out: list[Citation], text: str) -> bool:
    """Does an acronym's definition come right after an EU act or its OJ reference? Only then
    does it name the act: "... of 12 May 2011 in favour of TV2/Danmark ('TV2')" names a firm."""
    if not out or out[-1].kind not in (Kind.EU_ACT, Kind.OJ):
        return False
    # matched in place, not on a copy of the gap: the act may lie far back
    return _DEFINITION_GAP.fullmatch(text, out[-1].end, marker.start) is not None


class _Acts:
    """The back-reference state of one pass: the last citation of each EU act type, the
    last few EU act citations (for definitions) and the names definitions gave."""

    __slots__ = ("bindings", "last_of_type", "recent", "terms")

    def __init__(
        self, terms: dict[str, int | None], bindings: list[tuple[int, str, int | None]] | None
    ) -> None:
        self.last_of_type: dict[str, int] = {}
        self.recent: list[int] = []
        self.terms = terms
        self.bindings = bindings

    def cited(self, index: int, act_type: str) -> None:
        self.last_of_type[act_type] = index
        self.recent.append(index)
        if len(self.recent) > _DEFINABLE:
            del self.recent[0]

    def define(
        self, marker: Citation, parts: BackReferenceParts, out: list[Citation], text: str
    ) -> None:
        """Bind a defined name to the act it follows; a definition of the bare noun after
        an act citecheck does not know means the noun names that act from now on."""
        bracket = marker.start - parts.bracket_back
        sentence = marker.start - parts.sentence_back
        target: int | None = None
        if not parts.act_type and not _follows_act(marker, out, text):
            self.terms[parts.term] = None  # "TV2/Danmark A/S ('TV2')": a name, not the act
            return
        for index in reversed(self.recent):
            cit = out[index]
            if cit.start < sentence:
                break
            if cit.end > bracket or not isinstance(cit.parts, EUActParts):
                continue
            if parts.act_type and cit.parts.act_type != parts.act_type:
                continue  # a defined acronym ("'the GDPR'") may name an act of any type
            if not parts.act_type and _IN_TITLE.search(text, max(0, cit.start - 40), cit.start):
                continue  # "..., and repealing Directive 95/46/EC (...) ('the GDPR')"
            if _AMENDED_BY.search(text, max(0, cit.start - 40), cit.start) is not None:
                continue
            target = index
            break
        self.terms[parts.term] = target
        if target is None and parts.plain:
            self.last_of_type.pop(parts.act_type, None)  # "that Decision" is that act now
        if self.bindings is not None:
            self.bindings.append((marker.start, parts.term, target))

    def antecedent(self, parts: BackReferenceParts) -> int | None:
        """The act a back-reference names: a defined name's act; for "that Directive" the
        nearest directive; for "the Directive" its definition, else the nearest."""
        if not parts.plain:
            return self.terms.get(parts.term)  # "the Third Directive": only once defined
        if parts.demonstrative or parts.act_type not in self.terms:
            return self.last_of_type.get(parts.act_type)
        return self.terms[parts.act_type]


def _back_reference(
    cit: Citation, parts: BackReferenceParts, out: list[Citation], acts: _Acts, text: str
) -> bool:
    """Append ``cit`` with the id of the act it names (True), or drop it."""
    if parts.other:
        acts.last_of_type.pop(parts.act_type, None)  # the nearest such act is one we lack
        return False
    if parts.definition:
        acts.define(cit, parts, out, text)
        return False
    target = acts.antecedent(parts)
    if target is None:
        return False
    ante = out[target]
    out.append(
        attrs.evolve(cit, id=ante.id, kind=ante.kind, antecedent=target, ambiguous=ante.ambiguous)
    )
    return True


#: Kinds of citation that may name one document in several ways side by side: an act, its
#: CELEX number, ELI and OJ publication; a case number and the ECLI of its judgment (and the
#: judgment's CELEX number). Their order is who stands for the document: an article of an act
#: is never an article of its OJ page, and the ECLI names one judgment of a case.
_SAME_DOCUMENT_KINDS = (
    (Kind.EU_ACT, Kind.CELEX, Kind.ELI, Kind.OJ),
    (Kind.ECLI, Kind.CJEU_CASE, Kind.CELEX),
)
#: What may stand between two such names of one document: spaces, a comma, an opening bracket
#: and the label of the next one ("C-311/18, EU:C:2020:559"; "Regulation 2016/679 (OJ L 119
#: ...)"; "..., CELEX: 32016R0679"). A semicolon or a word ("and", "see") separates documents.
_SAME_DOCUMENT_GAP = regex.compile(
    r"[\s\u00a0\u202f,(\[]{0,6}(?:(?:CELEX|ELI|ECLI)(?:[ \t]{0,2}(?:number|no\.))?[ \t]{0,2}:?"
    r"[\s\u00a0]{0,2})?"
)

#: Between a case number and the ECLI after it in the same reference, the parties' names
#: ("Case C-362/14 Schrems v Data Protection Commissioner EU:C:2015:650"): anything but a
#: semicolon, a line break or a number (a pinpoint, a date: "C-362/14, paragraph 4, and the
#: judgment of 2022, EU:C:2022:77" names another judgment), up to a reference's length.
_CASE_NAME_GAP = regex.compile(r"[^;\n\d]{0,150}")
#: What in those names opens another source: a signal ("see also", "cf.", "vgl.").  A list
#: word does not ("C-311/18, Data Protection Commissioner, and Facebook Ireland, EU:..." is
#: one party list); two judgments joined by one ("C-311/18, and Digital Rights Ireland,
#: EU:C:2014:238") are told apart by the ECLI's year when it is before the case's.
_NEW_SOURCE = regex.compile(
    r"(?i)(?<!\w)(?:"
    + alternation(w for lang in LANGUAGES for w in load(lang).new_source_words)
    + r")(?!\w)"
)
#: An OJ issue is an act's publication only from the year in its number up to this many years
#: later: acts are published days or weeks after adoption, one adopted late in a year the next
#: year; an issue years away is another act's.
_PUBLISHED_WITHIN = 2


def _dated(cit: Citation) -> tuple[str, int] | None:
    """What the citation's year dates, for telling whether two names can be one document:
    an act's number ("act"), its OJ issue ("published"), a case's lodging ("case"), a
    judgment's ECLI ("decided")."""
    parts = cit.parts
    if isinstance(parts, EUActParts):
        return "act", parts.year
    if isinstance(parts, OJParts) and parts.year is not None:
        return "published", parts.year
    if isinstance(parts, CjeuParts):
        if cit.kind is Kind.CJEU_CASE and parts.cases:
            return "case", max(case.year for case in parts.cases)
        if cit.kind is Kind.ECLI and parts.ecli is not None and parts.ecli.year.isdigit():
            return "decided", int(parts.ecli.year)
    return None


def _years_agree(dates: Mapping[str, int], cit: Citation) -> bool:
    """Can ``cit`` name the document already dated by ``dates``?  Not an OJ issue before the
    act's year or more than :data:`_PUBLISHED_WITHIN` years after it; not an ECLI of a year
    before the case's."""
    dated = _dated(cit)
    if dated is None:
        return True
    role, year = dated
    if role in ("act", "published"):
        act = dates.get("act") if role == "published" else year
        published = dates.get("published") if role == "act" else year
        return act is None or published is None or act <= published <= act + _PUBLISHED_WITHIN
    case = dates.get("case") if role == "decided" else year
    decided = dates.get("decided") if role == "case" else year
    return case is None or decided is None or decided >= case


class _SameDocument:
    """The citations just seen that name one document: each new full citation either names it
    once more (another kind of name, right after the last: "C-311/18, EU:C:2020:559") or
    starts the next document. ``key`` is the document's first id (what a note counts), ``best``
    the index of the name that stands for it (what ``Ibid.`` repeats)."""

    __slots__ = ("best", "best_kind", "dates", "end", "key", "keys", "kinds", "pinned")

    def __init__(self) -> None:
        self.kinds: tuple[Kind, ...] = ()
        self.end = -1
        self.key = ""
        self.best = -1
        self.best_kind: Kind | None = None
        #: what the names of the document date: {"act": 2016, "published": 2016}
        self.dates: dict[str, int] = {}
        #: the last citation has a pinpoint: its reference is over ("C-362/14, paragraph 4")
        self.pinned = False
        #: index of a full citation -> its document's key
        self.keys: dict[int, str] = {}

    def add(self, index: int, cit: Citation, text: str) -> None:
        group = self._joins(cit, text)
        if group is not None and self.best_kind is not None:
            if group.index(cit.kind) < group.index(self.best_kind):
                self.best, self.best_kind = index, cit.kind
            self.kinds = (*self.kinds, cit.kind)
            self.end = max(self.end, cit.end)
        else:
            self.kinds = (cit.kind,)
            self.key, self.best, self.best_kind, self.end = cit.id, index, cit.kind, cit.end
            self.dates = {}
        dated = _dated(cit)
        if dated is not None:
            self.dates.setdefault(*dated)
        self.keys[index] = self.key
        self.pinned = bool(cit.pinpoint)

    def _joins(self, cit: Citation, text: str) -> tuple[Kind, ...] | None:
        """The kinds of name ``cit`` shares a document with the last citations by, or None."""
        if not self.kinds or cit.kind in self.kinds or not cit.id:
            return None
        gap = (
            _CASE_NAME_GAP
            if self.kinds == (Kind.CJEU_CASE,) and cit.kind is Kind.ECLI and not self.pinned
            else _SAME_DOCUMENT_GAP
        )
        near = cit.start <= self.end or (
            gap.fullmatch(text, self.end, cit.start) is not None
            and (gap is not _CASE_NAME_GAP or not _NEW_SOURCE.search(text, self.end, cit.start))
        )
        if not near or not _years_agree(self.dates, cit):
            return None
        for group in _SAME_DOCUMENT_KINDS:
            if cit.kind in group and all(kind in group for kind in self.kinds):
                return group
        return None

    def of(self, index: int) -> str | None:
        """The key of the document the full citation at ``index`` names (None: none known)."""
        return self.keys.get(index)


class _NoteCitations:
    """What each note cites so far: its first full citation (``supra note N``), its last
    citation of any kind (what ``Ibid.`` in the next note repeats) and its ids."""

    __slots__ = ("first", "ids", "last")

    def __init__(self) -> None:
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.ids: dict[int, set[str]] = {}

    def add(
        self, note: int, index: int, cit: Citation, *, full: bool, document: str | None = None
    ) -> None:
        """``document``: the id of the first citation naming the same document (a case
        number before its ECLI), so that one document counts once; default ``cit.id``."""
        if not cit.id:
            return
        if full:
            self.first.setdefault(note, index)
        self.last[note] = index
        self.ids.setdefault(note, set()).add(document or cit.id)


def _antecedent(
    cit: Citation,
    parts: ShortFormParts,
    note: int | None,
    footnotes: _Footnotes,
    cited: _NoteCitations,
    last_full: int | None,
    note_before: int | None = None,
) -> tuple[int | None, list[Finding], bool]:
    """Index of the citation a short form repeats, its findings, and ambiguity.

    ``Ibid.`` in a note repeats the last citation before it in that note, else the last
    citation of the preceding note, else nothing: when that note cites a book or an
    article, ``Ibid.`` repeats the book, not an older UN document. When the preceding note
    began before the text, ``note_before`` is the last citation before the first note.
    """
    shown = cit.text.strip()
    if parts.device == "supra" and parts.note is not None:
        n = parts.note
        named = footnotes.latest(n, cit.start)
        here = footnotes.numbers[note] if note is not None else None
        if not footnotes.starts:
            # no notes recognised at all: the text may lay them out in a way citecheck does
            # not read, so it cannot say that note N does not exist
            msg = f"supra note {n}: citecheck recognises no footnotes in this text"
            return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        if named is None or (here is not None and n >= here):
            exists = n in footnotes.by_number
            where = "is not an earlier note" if exists else "does not exist"
            msg = f"supra note {n}: footnote {n} {where}"
            return None, [NO_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        target = cited.first.get(named)
        if target is None:
            msg = f"supra note {n}: footnote {n} cites no document citecheck recognises"
            return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        return target, [], False
    if parts.device in ("ibid", "id") and note is not None:
        if note in cited.last:
            return cited.last[note], [], False  # "A/HRC/41/35, para. 4; ibid., para. 5"
        previous = footnotes.previous(note)
        if previous is None:
            msg = f"'{shown}' in the first footnote has nothing to repeat"
            return None, [NO_ANTECEDENT.finding(msg, cit.start, cit.end)], False
        if previous >= 0:
            number = footnotes.numbers[previous]
            if previous not in cited.last:
                msg = (
                    f"'{shown}' repeats footnote {number}, which cites no document citecheck "
                    "recognises"
                )
                return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
            several = cited.ids[previous]
            if len(several) > 1:
                msg = (
                    f"'{shown}' follows footnote {number}, which cites {len(several)} "
                    f"documents ({', '.join(sorted(several))})"
                )
                return cited.last[previous], [AMBIGUOUS_IBID.finding(msg, cit.start, cit.end)], True
            return cited.last[previous], [], False
        if note_before is not None:
            return note_before, [], False
    if last_full is None:
        msg = f"'{shown}' points back to nothing citecheck recognises"
        return None, [UNKNOWN_ANTECEDENT.finding(msg, cit.start, cit.end)], False
    return last_full, [], parts.device in ("opcit", "loccit")
