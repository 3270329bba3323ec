"""Back-references to an EU act cited earlier: "Article 5 of the Regulation", "that Directive".

"art. 1, par. c, iii and iv of the Decision" after "Council Decision (CFSP) 2020/1999" cites
that decision again. The finder yields placeholders (kind ``short_form``) with the act type
they name; the short-form stage (:mod:`citecheck.shortforms`) gives each one the id of the
nearest earlier citation of that act type, or drops it when there is none. Only the
capitalised nouns count ("the decision" is prose), never "this/the present Regulation" (the
text itself), and not a noun followed by what makes it another act's name ("the Decision of
12 May", "the Regulation on ...", "the Directive 2002/58").

In an act's own text "the Regulation" may be the act itself: there only "that Regulation"
counts. A title without a number ("the Regulation on markets in crypto-assets") names another act:
until the next citation of that type, "that Regulation" is not resolved. A definition
("... ('the Decision')") binds the noun to the act cited just before it; one
that follows anything else (an act citecheck does not know) means the noun names that other
act in the rest of the text, and the stage then leaves it alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from citecheck.families.base import HSPACE, Document, compile_pattern, matches_near
from citecheck.families.eu_pinpoints import read_after, read_before
from citecheck.model import NO_PINPOINT, Citation, Finding, Kind
from citecheck.rules import Rule

#: The act noun as written -> the ``act_type`` of :class:`EUActParts` it refers back to.
ACT_NOUNS = {
    "Regulation": "regulation",
    "Directive": "directive",
    "Decision": "decision",
    "Framework Decision": "framework decision",
}

_NOUN = r"(?P<noun>Framework" + HSPACE + r"{1,2}Decision|Regulation|Directive|Decision)"
_BACKREF = compile_pattern(
    rf"""
    # An act with its number ("Regulation [No 1234/2007]"): when the EU acts family does
    # not read it, it is still the nearest regulation, so it blocks back-references.
    (?<![\w])(?P<numbered>Framework{HSPACE}{{1,2}}Decision|Regulation|Directive|Decision)
        (?={HSPACE}{{0,2}}(?:\[|No\b|n[°o]\b|\d|\((?:EU|EC|EEC|CFSP|JHA|Euratom)\b))
  | (?<![\w])(?P<det>the|that|said|The|That)(?:{HSPACE}{{1,2}}said)?{HSPACE}{{1,2}}
    {_NOUN}
    (?![\w\-])
    # Another act's name or number follows: not a back-reference.
    (?!{HSPACE}{{0,2}}(?:\[|No\b|n[°o]\b|\d|\(?(?:EU|EC|EEC|CFSP|JHA|Euratom)\b))
    (?:(?P<other>\s{{1,3}}(?:on|establishing|laying|amending|implementing|concerning
        |supplementing|repealing)\b)
      # "the Decision of 12 May 2020", "the Regulation of the Council": another act's title.
      | (?!\s{{1,3}}of\s{{1,3}}(?:\d|the\s{{1,3}}(?:European|Council|Commission)))
        (?P<defn>['’”"])?)
    """
)
#: A match starts at most this far before its noun ("that said Framework Decision") and
#: looks this far past it; the pattern is tried only there.
_REACH = 32
_AFTER = 48

#: The opening of a definition just before "the Decision": "(", "('", "(hereinafter '".
_DEFINITION_OPEN = compile_pattern(
    r"""\(\s{0,2}(?:(?:hereinafter|hereafter)(?:\s{1,3}(?:referred\s{1,3}to\s{1,3}as|called))?
    \s{1,3})?[‘'“"]\Z"""
)


# The title of an EU act at the top of its own text: "REGULATION (EC) No 1185/2009 OF ...",
# "COMMISSION IMPLEMENTING DECISION (EU) 2021/914".
_OWN_TITLE = compile_pattern(
    r"""(?m)^[ \t\u00a0#*]{0,20}(?:(?:COUNCIL|COMMISSION)[ \t\u00a0]+)?
    (?:(?:IMPLEMENTING|DELEGATED)[ \t\u00a0]+)?
    (?P<type>FRAMEWORK[ \t\u00a0]+DECISION|REGULATION|DIRECTIVE|DECISION)\b"""
)
#: How far from the top of a text its own title is looked for (code points).
OWN_TITLE_REACH = 2000


def _own_act_type(text: str) -> str | None:
    """The act type of the document itself when it is an EU act (its title at the top)."""
    m = _OWN_TITLE.search(text, 0, OWN_TITLE_REACH)
    if m is None:
        return None
    return ACT_NOUNS[" ".join(m.group("type").split()).title()]


@attrs.frozen(slots=True)
class BackReferenceParts:
    """The act type a back-reference names; ``definition`` for "('the Decision')"; ``other``
    when the noun starts the title of an act named without its number."""

    act_type: str
    definition: bool = False
    #: the noun names another act: by its title ("the Regulation on ..."), or by a number
    #: the EU acts family did not read (placeholders it did read are dropped by the scan)
    other: bool = False


class BackReferencesFamily:
    """Finds "the Decision" / "that Directive" back-references to EU acts cited before."""

    name = "backrefs"
    triggers: tuple[str, ...] = ("regulation", "directive", "decision")
    anchors = triggers
    priority = 0
    rules: tuple[Rule, ...] = ()

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        own = _own_act_type(doc.head)
        hits = doc.hits(self.anchors)
        for m in matches_near(_BACKREF, hits, text, before=_REACH, after=_AFTER):
            if m.group("numbered"):
                kind = ACT_NOUNS[" ".join(m.group("numbered").split())]
                parts = BackReferenceParts(kind, other=True)
                yield self._placeholder(text, m.start(), m.end(), parts)
                continue
            act_type = ACT_NOUNS[" ".join(m.group("noun").split())]
            if act_type == own and (m.group("det") or "").lower() == "the":
                continue  # in a regulation, "the Regulation" may be the text itself
            start, end = m.start(), m.end("noun")
            if m.group("other"):
                # "the Regulation on markets in crypto-assets": another act, by its title.
                yield self._placeholder(text, start, end, BackReferenceParts(act_type, other=True))
                continue
            opened = _DEFINITION_OPEN.search(text, max(0, start - 40), start)
            if opened is not None and m.group("defn"):
                yield self._placeholder(text, start, end, BackReferenceParts(act_type, True))
                continue
            pinpoint = NO_PINPOINT
            before = read_before(text, start)
            if before is not None:
                pinpoint, start = before.pinpoint, before.start
            else:
                after = read_after(text, end)
                if after is not None:
                    pinpoint, end = after.pinpoint, after.end
            yield Citation(
                id="",
                kind=Kind.SHORT_FORM,
                text=text[start:end],
                start=start,
                end=end,
                pinpoint=pinpoint,
                parts=BackReferenceParts(act_type),
                short_form=True,
                family=self.name,
            )

    def _placeholder(self, text: str, start: int, end: int, parts: BackReferenceParts) -> Citation:
        return Citation(
            id="",
            kind=Kind.SHORT_FORM,
            text=text[start:end],
            start=start,
            end=end,
            parts=parts,
            short_form=True,
            family=self.name,
        )

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


FAMILY = BackReferencesFamily()
