"""Reading through invisible and look-alike characters inside citations.

A soft hyphen in ``A/HRC/41/3<SHY>5`` must not make the text read ``A/HRC/41/3`` (another real
document), and a Cyrillic ``А`` in ``А/HRC/41/35`` must not hide the citation. Before the
families scan, :func:`hidden_view` makes a view of the text with invisible characters removed
and look-alikes next to citation characters replaced by the ASCII character they imitate;
the families scan that view, and :meth:`HiddenView.restore` maps every span back to the
original text (``text == source[start:end]`` still holds) and adds a finding, with a fix, for
each such character inside a citation. Texts without them (nearly all) are scanned as they are.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

import attrs

from citecheck.lexicon import CHARACTERS
from citecheck.model import Citation, Finding, Fix, Severity
from citecheck.rules import Rule

INVISIBLE_CHARACTER = Rule(
    "CC102",
    "invisible-character",
    Severity.WARNING,
    "An invisible character (soft hyphen, zero-width space or joiner) sits inside a citation.",
    "Copying from PDFs and word processors leaves invisible characters inside symbols. "
    "citecheck reads the citation as if they were absent, and `check --fix` removes them, "
    "since a search engine or a reader copying the symbol would not find the document.",
    bad="A/HRC/41/3\u00ad5 (a soft hyphen before the 5)",
    good="A/HRC/41/35",
    fixable=True,
)
LOOK_ALIKE_CHARACTER = Rule(
    "CC103",
    "look-alike-character",
    Severity.WARNING,
    "A character that only looks like a Latin letter, digit or slash sits inside a citation.",
    "A Cyrillic or Greek capital, or a fullwidth solidus, looks like the ASCII character but "
    "is another one: searches for the symbol fail. citecheck reads the citation as if the "
    "ASCII character were written, and `check --fix` writes it.",
    bad="\u0410/HRC/41/35 (a Cyrillic capital A)",
    good="A/HRC/41/35",
    fixable=True,
)
RULES = (INVISIBLE_CHARACTER, LOOK_ALIKE_CHARACTER)

#: Every character the view may read through: the anchor pass finds them with the anchors.
CANDIDATES = frozenset(
    (*CHARACTERS.invisible, *CHARACTERS.look_alikes, *map(chr, range(0xFF01, 0xFF5F)))
)
_ANY = re.compile("[" + re.escape("".join(sorted(CANDIDATES))) + "]")
# ":" for ECLI identifiers ("ECLI:EU:C:2014:238").
_CITED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/.-:")
_REACH = 40  # how far a run of citation characters is followed each way


def _in_run(char: str) -> bool:
    """A citation character, a look-alike, or an invisible one (read through, as the scan
    does: "A/HRC/41/3<SHY><fullwidth 5>" is one run)."""
    return char in _CITED or char in CHARACTERS.invisible or CHARACTERS.look_alike(char) is not None


def _run(text: str, offset: int) -> tuple[int, int]:
    """The run of citation characters and look-alikes around ``offset`` (bounded)."""
    lo = offset
    while lo > max(0, offset - _REACH) and _in_run(text[lo - 1]):
        lo -= 1
    hi = offset + 1
    while hi < min(len(text), offset + _REACH) and _in_run(text[hi]):
        hi += 1
    return lo, hi


@attrs.frozen(slots=True)
class Hidden:
    """One character read through: its offset in the original text and what it stands for."""

    offset: int
    char: str
    #: the ASCII character a look-alike stands for; "" for an invisible character
    replacement: str


@attrs.frozen(slots=True)
class HiddenView:
    """The text as the families scan it, and how to map its offsets back."""

    text: str
    hidden: tuple[Hidden, ...]
    #: for removed character j (in order), its offset in the view: ``removed[j].offset - j``
    removed_at: tuple[int, ...]

    def original(self, offset: int) -> int:
        """Original offset of the view's character at ``offset`` (removed ones skipped)."""
        return offset + bisect.bisect_right(self.removed_at, offset)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the view's ``[start, end)``: from its first to its last character."""
        if end <= start:
            pos = self.original(start)
            return pos, pos
        return self.original(start), self.original(end - 1) + 1

    def restore(self, cit: Citation, source: str) -> Citation:
        """``cit`` found in the view, with offsets in ``source`` and a note per hidden char."""
        start, end = self.original_span(cit.start, cit.end)
        notes = [self._finding(f) for f in cit.notes]
        offsets = [h.offset for h in self.hidden]
        lo = bisect.bisect_left(offsets, start)
        hi = bisect.bisect_left(offsets, end)
        for h in self.hidden[lo:hi]:
            notes.append(_note(h, source, start, end, cit.id))
        lead = self.original(cit.start + cit.lead) - start if cit.lead else 0
        return attrs.evolve(
            cit, start=start, end=end, text=source[start:end], notes=tuple(notes), lead=lead
        )

    def _finding(self, finding: Finding) -> Finding:
        start, end = self.original_span(finding.start, finding.end)
        fix = finding.fix
        if fix is not None:
            fstart, fend = self.original_span(fix.start, fix.end)
            fix = attrs.evolve(fix, start=fstart, end=fend)
        return attrs.evolve(finding, start=start, end=end, fix=fix)


def _name(char: str) -> str:
    return CHARACTERS.invisible.get(char) or unicodedata.name(char, "").lower() or "unnamed"


def _visible(text: str) -> str:
    """``text`` as a message can show it: invisible characters dropped."""
    return "".join(c for c in text if c not in CHARACTERS.invisible)


def _note(h: Hidden, source: str, start: int, end: int, cid: str) -> Finding:
    code = f"U+{ord(h.char):04X}"
    cited, before = _visible(source[start:end]), _visible(source[start : h.offset])
    where = f"after '{before}'" if before else "at its start"
    if h.replacement:
        return LOOK_ALIKE_CHARACTER.finding(
            f"'{cited}' contains {code} ({_name(h.char)}) {where}, which looks like "
            f"'{h.replacement}' but is another character; read as '{h.replacement}'",
            h.offset,
            h.offset + 1,
            id=cid,
            fix=Fix(h.offset, h.offset + 1, h.replacement, f"write '{h.replacement}'"),
        )
    return INVISIBLE_CHARACTER.finding(
        f"'{cited}' contains an invisible {code} ({_name(h.char)}) {where}; read as if absent",
        h.offset,
        h.offset + 1,
        id=cid,
        fix=Fix(h.offset, h.offset + 1, "", f"remove the invisible {code}"),
    )


def hidden_view(text: str, candidates: list[int] | None = None) -> HiddenView | None:
    """The view families scan, or None when the text has nothing to read through.

    ``candidates``: the offsets of every :data:`CANDIDATES` character in ``text``, in order,
    when the anchor pass found them already; else the text is read for them here."""
    if text.isascii():
        return None
    offsets = (m.start() for m in _ANY.finditer(text)) if candidates is None else candidates
    found: list[Hidden] = []
    run_end, run_has_ascii = -1, False
    for offset in offsets:
        char = text[offset]
        if char in CHARACTERS.invisible:
            found.append(Hidden(offset, char, ""))
            continue
        # A look-alike is read as ASCII only inside a run of citation characters that has a
        # real ASCII one ("\u0410/HRC/41/35"); a Cyrillic word in running text is left alone.
        if offset >= run_end:
            lo, run_end = _run(text, offset)
            run_has_ascii = any(c.isascii() and c.isalnum() for c in text[lo:run_end])
        ascii_char = CHARACTERS.look_alike(char)
        if ascii_char is not None and run_has_ascii:
            found.append(Hidden(offset, char, ascii_char))
    if not found:
        return None
    pieces: list[str] = []
    removed_at: list[int] = []
    pos = 0
    for h in found:
        pieces.append(text[pos : h.offset])
        if h.replacement:
            pieces.append(h.replacement)
        else:
            removed_at.append(h.offset - len(removed_at))
        pos = h.offset + 1
    pieces.append(text[pos:])
    return HiddenView("".join(pieces), tuple(found), tuple(removed_at))


__all__ = [
    "CANDIDATES",
    "INVISIBLE_CHARACTER",
    "LOOK_ALIKE_CHARACTER",
    "RULES",
    "Hidden",
    "HiddenView",
    "hidden_view",
]
