"""Short forms (``Ibid.``, ``ibid., para. 5``, ``Id.``, ``op. cit.``, ``supra note 3``,
``supra, nota 3``, German ``ebd., Ziff. 14`` and ``a. a. O.``) and "cited above" after a
citation (``l'observation générale no 34 précitée, par. 5``, ``la resolución 8/8 antes
citada``).

The finder yields placeholders; the "resolve short forms" stage
(:func:`citecheck.shortforms.resolve_short_forms`) points each one back at the citation it
stands for, in one pass over the citations. "Cited above" only marks the citation right
before it as a repeat (and gives it the pinpoint after it); written after no citation
("l'arrêt précité") it names nothing citecheck can tell, and is dropped. ``infra`` ("see
below") points forward to a part of the same text, not back to a citation: it is not a
short form and nothing is emitted for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from citecheck import language as text_language
from citecheck.families.base import HSPACE, PATTERN_HORIZON, Document, compile_pattern
from citecheck.families.cjeu import judgment_paragraphs_after
from citecheck.lexicon import CHARACTERS, ENGLISH, LANGUAGES, alternation, load
from citecheck.model import NO_PINPOINT, Citation, Finding, Kind, Pinpoint, Severity
from citecheck.pinpoints import REACH_AFTER as PINPOINT_REACH
from citecheck.pinpoints import article_pinpoint_after, pinpoint_after
from citecheck.pinpoints.languages import read_after_comma
from citecheck.rules import Rule
from citecheck.un_languages import footnote_leads

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
    "The UN Editorial Manual uses only 'ibid.' for repeated references (a German text its "
    "'ebd.'). 'Id.' and 'supra' come from the Bluebook; 'op. cit.' needs an author to "
    "resolve and is often ambiguous.",
    bad="A/HRC/41/35, para. 4. Id., para. 5.",
    good="A/HRC/41/35, para. 4. Ibid., para. 5.",
)

# "supra note 12", "supra, nota 12", "supra Fn. 12": every language's footnote words
_NOTE_WORDS = alternation(w for lang in LANGUAGES for w in load(lang).words("footnote"))
_CITED_WORDS = alternation(w for lang in LANGUAGES for w in load(lang).cited_words)
# The first word of each "cited above" phrase, lower-cased: where such a match can start.
_CITED_FIRST = tuple(
    sorted({w.split()[0].lower() for lang in LANGUAGES for w in load(lang).cited_words})
)
#: The longest "cited above" phrase as the lexicon writes it ("op. cit.", "précitée").
LONGEST_CITED_WORDS = max(len(w) for lang in LANGUAGES for w in load(lang).cited_words)



#: The spaces a period inside an abbreviation may take after it: any horizontal space but a
#: tab, so ``a.\u00a0a.\u00a0O.`` with no-break spaces (typeset German) reads as ``a. a. O.``,
#: or a line break where a wrapped line cuts it (``a. a.\nO.``)
_INNER_SPACES = CHARACTERS.horizontal_spaces.replace("\t", "") + "\n"


def _dotted(word: str) -> str:
    """``a.a.O.`` as a pattern: one space (:data:`_INNER_SPACES`) may follow each period
    inside (``a. a. O.``), as the anchors (:func:`_spellings`) find it."""
    inner, last = word[:-1], word[-1]
    pieces = [regex.escape(p) for p in inner.split(".")]
    space = "[" + str(regex.escape(_INNER_SPACES)) + "]?"
    return (r"\." + space).join(pieces) + str(regex.escape(last))


def _spellings(word: str) -> list[str]:
    """``a.a.O.``, ``a. a.O.``, ``a.a. O.``, ``a. a. O.``: the ways :func:`_dotted` reads,
    lower-cased, with one of :data:`_INNER_SPACES` or none after a period (the literals the
    anchors look for)."""
    out = [""]
    for i, char in enumerate(word.lower()):
        out = [o + char for o in out]
        if char == "." and i < len(word) - 1:
            out += [o + space for o in out for space in _INNER_SPACES]
    return out


#: Every language's own "ibid." and "op. cit." (``ebd.``, ``a.a.O.``), lower-cased without
#: spaces -> (the device it is, the language it is written in)
_OWN_WORDS = {
    w.lower(): (device, lang)
    for lang in LANGUAGES
    for device, words in (("ibid", load(lang).ibid_words), ("opcit", load(lang).op_cit_words))
    for w in words
}
_OWN_PATTERN = "|".join(_dotted(w) for w in sorted(_OWN_WORDS, key=len, reverse=True))
#: What every such word starts with, lower-cased, as its spellings write it.
_OWN_FIRST = tuple(sorted({spelling for w in _OWN_WORDS for spelling in _spellings(w)}))

_SHORT = compile_pattern(
    r"""
    (?<![\w.])
    (?: (?P<ibid>[Ii]bid(?:em)?\b\.?(?![\w\-]))
      | (?P<own>(?i:"""
    + (_OWN_PATTERN or "(?!)")
    + r""")(?![\w\-]))
      | (?P<id>Id\.|id\.(?="""
    + HSPACE
    + r"""*,|"""
    + HSPACE
    + r"""+(?:at|para|par\.|párr\.)))
      | (?P<opcit>[Oo]p\."""
    + HSPACE
    + r"""?cit\.)
      | (?P<loccit>[Ll]oc\."""
    + HSPACE
    + r"""?cit\.)
      | (?P<supra>supra(?![\w\-])(?:,?"""
    + HSPACE
    + r"""+"""
    + _NOTE_WORDS
    + HSPACE
    + r"""*(?P<note>\d{1,4}))?)
      | (?P<cited>(?<![\w])"""
    + _CITED_WORDS
    # "précité, note 1", "cit. nota 1": the note citing it first, no place in it
    + r"""(?:,?"""
    + HSPACE
    + r"""+"""
    + _NOTE_WORDS
    + HSPACE
    + r"""*\d{1,4}(?!\d))?)
    )
    """
)


#: The words of a "Notes" heading, lower-cased (:func:`citecheck.shortforms.notes_heading`).
NOTES_HEADINGS = tuple(word.lower() for word in ENGLISH.notes_headings)

#: What every short form starts with, as written (the anchors, lower-cased, are indexed).
_STARTS = ("Ibid", "ibid", "Id.", "id.", "Op.", "op.", "Loc.", "loc.", "supra")


#: What may stand before a language's own "ibid." where it opens a note or a sentence of one:
#: the start of the line after a note's marker ("3 ", "3. ", "[^3]: ", "³ "), or the end of
#: a sentence; with a pinpoint after it also a reference in a list (";") or brackets.
_NOTE_OR_SENTENCE_START = (
    r"(?:(?:^|\n)"
    + HSPACE
    + r"*(?:\[\^?[^\]\s]{1,10}\]:?|\d{1,4}[.)]?|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,4})?|[.!?])"
)
_OWN_IBID_OPENS = regex.compile(_NOTE_OR_SENTENCE_START + HSPACE + r"*\Z")
_OWN_IBID_BEFORE = regex.compile(r"(?:" + _NOTE_OR_SENTENCE_START + r"|[;(])" + HSPACE + r"*\Z")
#: What may follow it where no pinpoint does: the end of the note or of the sentence.
_OWN_IBID_AFTER = regex.compile(HSPACE + r"*(?:[.;)]|\r?\n|\Z)")
#: ... or, after the word's own period, the next sentence ("Ebd. Vgl. auch ...").
_OWN_IBID_NEXT_SENTENCE = regex.compile(HSPACE + r"+\p{Lu}")


def _abbreviation_after(language: str) -> regex.Pattern[str]:
    """What may follow an abbreviated "ibid." (``ebd.``) anywhere: the end of the note or of
    the sentence, a colon (``Ebd.: Art. 8``) or "with further references" (``Ebd., m.w.N.``)."""
    further = load(language).further_references_words
    words = "|".join(_dotted(w) for w in sorted(further, key=len, reverse=True))
    return regex.compile(
        HSPACE
        + r"*(?:[.;:)]|\r?\n|\Z"
        + (rf"|,?{HSPACE}*(?:{words})(?!\w)" if words else "")
        + r")"
    )


def _lead_before(language: str) -> regex.Pattern[str]:
    """A footnote's lead right before (``Vgl. ebd. die Ausführungen``): what it leads to is
    a reference."""
    ordered = sorted(footnote_leads(language), key=len, reverse=True)
    leads = "|".join(regex.escape(w) for w in ordered)
    return regex.compile(rf"(?<!\w)(?:{leads or '(?!)'}){HSPACE}+\Z")


#: per language of an own "ibid.": what may follow its abbreviation, and a lead before it
_ABBREVIATION_AFTER = {lang: _abbreviation_after(lang) for _, lang in _OWN_WORDS.values()}
_LEAD_BEFORE = {lang: _lead_before(lang) for _, lang in _OWN_WORDS.values()}


def _own_ibid_placed(text: str, m: regex.Match[str], pin: object, language: str) -> bool:
    """Whether a language's own "ibid." (``Ebd.``, ``Ebenda, Rn. 5``) stands where a reader
    takes it as one. The abbreviation (``ebd.``, ``ebda.``, its own period) is no word of
    running prose: it counts anywhere before a pinpoint, the end of the note or sentence, a
    colon or "with further references", and after a footnote's lead (``Vgl. ebd. die ...``),
    or opening a note or a sentence followed by the next sentence. German "ebenda" written
    out is also the adverb "right there" ("Ebenda wurde ein Bericht vorgelegt", "in Bonn;
    ebenda befand sich ...", "wohnte (ebenda) lange"): it counts only opening a note or a
    sentence (with a pinpoint after it also after ";" or "(") and followed by a pinpoint or
    the end of the note or sentence."""
    start, end = m.start(), m.end()
    before = max(0, start - 24)
    if text[end - 1] == ".":  # the abbreviation
        if pin or _ABBREVIATION_AFTER[language].match(text, end) is not None:
            return True
        if _LEAD_BEFORE[language].search(text, before, start) is not None:
            return True
        return (
            _OWN_IBID_BEFORE.search(text, before, start) is not None
            and _OWN_IBID_NEXT_SENTENCE.match(text, end) is not None
        )
    if pin:
        return _OWN_IBID_BEFORE.search(text, before, start) is not None
    return (
        _OWN_IBID_OPENS.search(text, before, start) is not None
        and _OWN_IBID_AFTER.match(text, end) is not None
    )


#: How much text before a short form tells the language its pinpoint is written in.
_LANGUAGE_REACH = 300
#: ... and after it: the pinpoint's own words ("artículo", "apartado").
_LANGUAGE_AHEAD = 60
#: The languages with an article chain reader of their own (French, Spanish, German).
_CHAIN_LANGUAGES = frozenset(lang for lang in LANGUAGES if lang != "en")


def _pinpoint_after(
    text: str, pos: int, language: str | None, judgment: bool = True
) -> tuple[Pinpoint, int]:
    """The pinpoint written after a short form, read as after a full citation: by the article
    chain reader of English and of the language it is written in (``language``, else the
    text's around it: ``Ibid., artículo 7, apartado 2``, ``Ebd., Art. 7 Abs. 2``: art. 7(2)),
    the UN reader (``Ibid., párrs. 14 y 15``, ``Ebd., Ziff. 14``) and a judgment's paragraph
    words (``Ibid., point 45``, ``Ibid., apartado 45``: para. 45). Whatever the short form
    repeats, the reading that reaches furthest is the pinpoint; on a tie the first of that
    order (an article chain is one pinpoint, not an article and a paragraph). Without
    ``judgment``, a judgment's paragraph words are not read (what follows an act)."""
    written = language or text_language.detect(
        text, max(0, pos - _LANGUAGE_REACH), min(len(text), pos + _LANGUAGE_AHEAD)
    )
    readings: list[tuple[Pinpoint, int]] = [article_pinpoint_after(text, pos)]
    if written in _CHAIN_LANGUAGES:
        chain = read_after_comma(written, text, pos)
        if chain is not None:
            readings.append((chain.pinpoint, chain.end))
    # "Ibid., art. 3 (m)": the article of what was cited before
    readings.append(
        pinpoint_after(text, pos, articles=True, own_languages=True, written=language)
    )
    if judgment:
        readings.append(judgment_paragraphs_after(text, pos))
    best: tuple[Pinpoint, int] = (NO_PINPOINT, pos)
    for pin, end in readings:
        if pin and end > best[1]:
            best = pin, end
    return best


def pinpoint_not_of_a_judgment(short_form: Citation, text: str) -> tuple[Pinpoint, int] | None:
    """The pinpoint of a short form that repeats no judgment, and where it ends, when the one
    it was given came from a judgment's paragraph words ("Ibid., point 45" after a regulation:
    an act has points of an article or annex, no paragraph 45): what the other readers give,
    or nothing.  None when the judgment's words did not decide it."""
    m = _SHORT.match(text, short_form.start)
    if m is None or not short_form.pinpoint:
        return None
    language = None
    if m.group("own"):
        language = _OWN_WORDS["".join(m.group("own").lower().split())][1]
    pin, end = _pinpoint_after(text, m.end(), language, judgment=False)
    if pin == short_form.pinpoint and end == short_form.end:
        return None
    return (pin, end) if pin else (NO_PINPOINT, m.end())


@attrs.frozen(slots=True)
class ShortFormParts:
    """What kind of short form this is, and the footnote a ``supra note N`` names."""

    device: str
    note: int | None = None


class ShortFormFamily:
    """Finds repeated-reference devices; the short-form stage gives them their ids."""

    name = "shortforms"
    triggers = ("ibid", "id.", "cit.", "supra", *_CITED_FIRST, *_OWN_FIRST)
    #: with the words of a "Notes" heading, which the short-form stage looks for in the index
    anchors = ("ibid", "id.", "op.", "loc.", "supra", *_CITED_FIRST, *_OWN_FIRST, *NOTES_HEADINGS)
    priority = 0
    #: read past a citation: its pinpoint after it
    reach_after = max(PATTERN_HORIZON, PINPOINT_REACH)
    rules = (NO_ANTECEDENT, AMBIGUOUS_IBID, NON_UN_STYLE, UNKNOWN_ANTECEDENT)

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        for m in self._matches(doc):
            device = m.lastgroup or "ibid"
            language = None
            if device == "own":
                # "ebd., Ziff. 14": a German "ibid.", German pinpoint words after it
                device, language = _OWN_WORDS["".join(m.group("own").lower().split())]
            note = int(m.group("note")) if m.group("note") else None
            pin, end = _pinpoint_after(text, m.end(), language)
            if (
                language is not None
                and device == "ibid"
                and not _own_ibid_placed(text, m, pin, language)
            ):
                continue  # "Ebenda wurde ein Bericht vorgelegt": the adverb "right there"
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

    def _matches(self, doc: Document) -> Iterator[regex.Match[str]]:
        """The matches ``_SHORT.finditer`` gives, tried only where an anchor occurs."""
        text = doc.text
        last_end = tried = -1
        starts = doc.hits(_STARTS, exact=True)
        if _CITED_FIRST or _OWN_FIRST:
            starts = sorted(starts + doc.hits((*_CITED_FIRST, *_OWN_FIRST)))
        for start, _ in starts:
            if start < last_end or start == tried:
                continue
            tried = start
            m = _SHORT.match(text, start)
            if m is not None:
                last_end = m.end()
                yield m

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        if citation.id:
            finding = non_un_style(citation, doc, citation.id)
            if finding is not None:
                yield finding


def non_un_style(short_form: Citation, doc: Document, cited: str) -> Finding | None:
    """SF103 on a short form other than "ibid." ("Id.", "supra", "op. cit.", "a.a.O."),
    naming ``cited``, the id it stands for; also where the short form was merged into the
    citation right before it ("A/HRC/41/35, op. cit., par. 70"): the device is still there."""
    parts = short_form.parts
    if not isinstance(parts, ShortFormParts) or parts.device == "ibid":
        return None
    own = _SHORT.match(short_form.text)
    if own is not None and own.group("own"):
        word = own.group("own")  # "a. a. O.": its words, spaces and all
    elif own is not None and (own.group("opcit") or own.group("loccit")):
        word = own.group("opcit") or own.group("loccit")  # "op. cit.", not "op."
    else:
        word = short_form.text.split()[0].rstrip(",")  # "supra, note 3": "supra"
    return NON_UN_STYLE.finding(
        f"'{word}' is not UN editorial style; repeat the reference or use "
        f"'{_ibid_in(short_form, doc, own)}'",
        short_form.start,
        short_form.end,
        id=cited,
    )


#: The "ibid." each language's UN style writes where it is not "ibid." (German "ebd.").
_IBID_FORMS = {lang: load(lang).style_ibid[0] for lang in LANGUAGES if load(lang).style_ibid}


def _ibid_in(citation: Citation, doc: Document, own: regex.Match[str] | None) -> str:
    """The "ibid." of the language the short form is written in: that of its own word
    ("a.a.O.": German), else of the text around it where its words tell (not detection's
    fallback guess: "para." is no Spanish), else "ibid."."""
    if own is not None and own.group("own"):
        lang: str | None = _OWN_WORDS["".join(own.group("own").lower().split())][1]
    else:
        text = doc.text
        lo, hi = max(0, citation.start - _LANGUAGE_REACH), citation.end + _LANGUAGE_REACH
        lang = text_language.evidence(text, lo, min(len(text), hi))
    return _IBID_FORMS.get(lang or "", "ibid.")


FAMILY = ShortFormFamily()


