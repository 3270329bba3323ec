"""Pinpoints written before a citation: ``paragraph 179 of the judgment in C-411/17``,
``paragraphs 3 to 5 of document A/HRC/41/35``, ``paragraph 4 of general comment No. 34``.

Families call :func:`pinpoint_before` with the start of the citation they matched. It looks
back at most :data:`REACH` characters and only where a paragraph word and ``of`` occur there,
so a scan that calls it once per citation stays linear. The citation's span is not stretched
back over the prose.
"""

from __future__ import annotations

import regex

from citecheck.lexicon import CHARACTERS, ENGLISH, Lexicon, alternation
from citecheck.model import NO_PINPOINT, Pinpoint
from citecheck.pinpoints.after import case_folded, pinpoint_at, written_in
from citecheck.pinpoints.numbers import bare_letter, parse_numbers, sub_letters
from citecheck.un_languages import bare_letters as writes_bare_letters
from citecheck.un_languages import own_pinpoint_languages, pinpoint_lexicon

#: How far before a citation its pinpoint may start.
REACH = 240
#: How long a case's name between the judgment's date and its number may be.
NAME_REACH = 120


def paragraphs_pattern(lexicon: Lexicon, *units: str, bare_letters: bool = False) -> str:
    """The paragraphs a pinpoint before a citation names, without its ``of``: ``paragraph 12``,
    ``paras. 3 to 5``, ``operative paragraph 2``, ``the fourth preambular paragraph``. Read
    what it matched with :func:`read_paragraphs`; families embed it in their own head. With
    ``bare_letters`` a letter word's letter needs no bracket (``Ziff. 5 Buchst. c``; read it
    with ``read_paragraphs(..., bare_letters=True)``)."""
    dash = "[" + regex.escape(CHARACTERS.range_dashes) + "]"
    letters = sub_letters(lexicon)
    if bare_letters and lexicon.letter_words:
        letters = f"(?:{letters}|{bare_letter(lexicon)})"
    num = r"\d{1,4}(?:\.\d{1,3})?(?!\d)" + letters + "*"
    words = f"{lexicon.list_pattern}|{lexicon.range_pattern}"
    sep = rf"(?:\s{{0,3}}(?:,|{dash})\s{{0,3}}|\s{{1,3}}(?:{words})\s{{1,3}})"
    unit = lexicon.unit_pattern(*(units or ("para",)))
    kind_words = [w for ws in lexicon.paragraph_kinds.values() for w in ws]
    # no kinds: nothing (an empty alternation would match the space before "Rn. 42")
    kinds = alternation(kind_words) if kind_words else "(?!)"
    one = f"(?:{lexicon.ordinal_pattern})"
    ordinal = rf"{one}(?:(?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}(?:{words})\s{{1,3}}){one})*"
    return (
        rf"(?:{ordinal}\s{{1,3}}{kinds}\s{{1,3}}{unit}(?!\s{{0,3}}\d)"
        rf"|(?:{kinds}\s{{1,3}})?{unit}\s{{0,3}}{num}(?:{sep}{num}){{0,8}})"
    )


_NUMBERED = regex.compile(r"(?P<word>[^\W\d][^\s\d]*)\s{0,3}(?=\d)")


def read_paragraphs(
    written: str,
    lexicon: Lexicon = ENGLISH,
    unit: str | None = None,
    *,
    bare_letters: bool = False,
) -> Pinpoint:
    """The pinpoint of a match of :func:`paragraphs_pattern`: ``paras. 3 to 5`` -> ``paras.
    3-5``; a kind of paragraph (``fourth preambular paragraph`` -> ``preambular para. 4``) by
    the one reader of pinpoints after a citation. ``unit`` reads the numbers of any paragraph
    or point word as that unit (French ``point 42`` of a judgment is its paragraph 42);
    ``bare_letters`` reads a letter word's letter without its bracket (``Buchst. c``)."""
    if bare_letters and lexicon.letter_words:
        written = regex.sub(bare_letter(lexicon), r" \1 \2)", written)
    numbered = _NUMBERED.match(written)
    word_unit = lexicon.unit_of(numbered.group("word")) if numbered is not None else None
    unit = unit if word_unit is not None else None
    unit = unit or word_unit
    if numbered is not None and unit is not None:
        return Pinpoint(parse_numbers(unit, written[numbered.end() :], lexicon))
    pin, _ = pinpoint_at(" ".join(written.split()), 0)
    return pin


def _determiners(lexicon: Lexicon) -> str:
    """The lexicon's determiners of a document with the space after them: none after an
    elided one (``de l'arrêt``)."""
    elided = [w for w in lexicon.document_determiners if w[-1:] in "'’"]
    spaced = [w for w in lexicon.document_determiners if w[-1:] not in "'’"]
    parts = [f"(?i:{alternation(spaced)})\\s{{1,3}}"] if spaced else []
    parts += [f"(?i:{alternation(elided)})\\s{{0,3}}"] if elided else []
    return f"(?:{'|'.join(parts)})?" if parts else ""


def _pattern(
    lexicon: Lexicon, bare_letters: bool = False, judgment: bool = False
) -> regex.Pattern[str]:
    of = alternation(lexicon.part_of_words)
    date_of = f"(?i:{alternation(lexicon.date_of_words)})" if lexicon.date_of_words else None
    # "of 16 July 2020", "vom 16. Juli 2020", "du 1er juillet 2020", "de 16 de julio de 2020"
    date = (
        rf"""(?:\s{{1,3}}{date_of}\s{{1,3}}\d{{1,2}}(?:\.|er)?\s{{1,3}}(?:{date_of}\s{{1,3}})?
              \w{{3,9}}\s{{1,3}}(?:{date_of}\s{{1,3}})?\d{{4}}
              # and the case's name: "of 22 January 2013, Commission v Tomkins (C-286/11 P";
              # one name, no comma: "…, Schrems, cited above, and Commission v Poland (" is two
              (?:\s{{0,3}},\s{{1,3}}\p{{Lu}}[^()\n;:,]{{0,{NAME_REACH}}}?(?=\s{{1,3}}\())?
           )?"""
        if date_of
        else ""
    )
    leads = (
        f"(?:(?i:{alternation(lexicon.case_lead_words)})\\s{{1,3}})?"
        if lexicon.case_lead_words
        else ""
    )
    pin = paragraphs_pattern(lexicon, "para", "point", bare_letters=bare_letters)
    documents = lexicon.judgment_words if judgment else lexicon.document_words
    return regex.compile(
        rf"""(?<![\w])(?P<pin>{pin})
        \s{{1,3}}{of}\s{{1,3}}{_determiners(lexicon)}
        (?:(?:{alternation(documents)})
           # "the judgment of 16 July 2020 in Case C-311/18"
           {date}
           \s{{0,3}},?\s{{1,3}}{leads}
        )?
        (?<=\s|\()(?:\(\s{{0,2}})?\Z""",
        regex.VERBOSE,
    )


def _unit_literals(lexicon: Lexicon) -> tuple[str, ...]:
    """Case-folded literals one of which is in every pinpoint :func:`_pattern` matches: the
    first piece of each paragraph or point word, less those that hold a shorter one."""
    pieces = {w.split()[0].casefold() for w in lexicon.words("para", "point")}
    return tuple(sorted(p for p in pieces if not any(q != p and q in p for q in pieces)))


def _last_words(lexicon: Lexicon) -> frozenset[str]:
    """The folded words a match of :func:`_pattern` can end with, before the space (and a
    comma, or an opening parenthesis) that ends it: its ``of``, ``the``, a document word, ``in``,
    ``case`` (their words in the lexicon's language); a date ends with its year and a case's
    name with the parenthesis."""
    words = (
        *lexicon.part_of_words,
        *lexicon.document_determiners,
        *lexicon.document_words,
        *lexicon.case_lead_words,
    )
    return frozenset(case_folded(word.split()[-1]) for word in words)


def _may_end(folded: str, last_words: frozenset[str]) -> bool:
    """Can a match of :func:`_pattern` end where the folded window ``folded`` ends? The last
    word before the space and comma must be one it ends with (or a year), or the window must
    end with an opening parenthesis."""
    tail = folded.rstrip()
    if tail.endswith("("):
        return True
    words = tail.rstrip(",").rsplit(None, 1)
    # "de l'arrêt": the word after an elided determiner
    last = regex.split("['’]", words[-1])[-1] if words else ""
    return last in last_words or (len(last) == 4 and last.isdecimal())


_BEFORE = {ENGLISH.language: _pattern(ENGLISH)}
#: the patterns of the languages that write a letter bare after its word ("Buchst. c")
_BARE_BEFORE: dict[str, regex.Pattern[str]] = {}
#: the patterns that read a judgment's paragraphs before its case (``judgment_words``)
_JUDGMENT_BEFORE: dict[str, regex.Pattern[str]] = {}
_LAST = {ENGLISH.language: _last_words(ENGLISH)}
_OF = {ENGLISH.language: regex.compile(alternation(ENGLISH.part_of_words))}
_UNITS = {ENGLISH.language: _unit_literals(ENGLISH)}


def pinpoint_before(
    text: str,
    start: int,
    lexicon: Lexicon = ENGLISH,
    *,
    own_languages: bool = False,
    unit: str | None = None,
    judgment: bool = False,
) -> Pinpoint:
    """The pinpoint written just before the citation starting at ``start``, or none. With
    ``own_languages`` (a UN citation), where ``lexicon`` reads nothing, the words a language
    keeps to itself are read too if the text around is written in it ("Ziff. 66 des Berichts
    A/HRC/41/35"), as :func:`~citecheck.pinpoints.after.pinpoint_after` does after one.
    ``unit`` is passed on to :func:`read_paragraphs`.  With ``judgment`` (a case) only the
    words naming a judgment or an order may stand between (``Rn. 42 des Urteils``, not ``Rn.
    42 der Schlussanträge``: the opinion's paragraph is none of the judgment's)."""
    m = _match_before(text, start, lexicon, judgment=judgment)
    if m is not None or not own_languages:
        return NO_PINPOINT if m is None else read_paragraphs(m.group("pin"), lexicon, unit)
    for language in own_pinpoint_languages():
        # the pattern first: it refuses nearly every citation more cheaply than the language
        own = pinpoint_lexicon(language)
        bare = writes_bare_letters(language)
        m = _match_before(text, start, own, bare)
        if m is not None and (
            _opens_with_own_word(m.group("pin")) or written_in(language, text, start)
        ):
            return read_paragraphs(m.group("pin"), own, bare_letters=bare)
    return NO_PINPOINT


def _opens_with_own_word(written: str) -> bool:
    """Does a pinpoint open with a paragraph word English does not have (``Ziff.``,
    ``Randnr.``)? Before its language's "of" word that is evidence enough of the language."""
    numbered = _NUMBERED.match(written)
    return numbered is not None and ENGLISH.unit_of(numbered.group("word")) is None


def _match_before(
    text: str, start: int, lexicon: Lexicon, bare_letters: bool = False, judgment: bool = False
) -> regex.Match[str] | None:
    """The match of :func:`_pattern` ending at ``start``, after cheap refusals."""
    lo = max(0, start - REACH)
    units = _UNITS.get(lexicon.language) or _UNITS.setdefault(
        lexicon.language, _unit_literals(lexicon)
    )
    window = text[lo:start]
    # on ASCII, lower-casing is case-folding, several times faster
    window = window.lower() if window.isascii() else case_folded(window)
    for unit in units:
        if unit in window:
            break
    else:
        return None  # cheaper refusal still: most citations have no "para" this close
    last = _LAST.get(lexicon.language) or _LAST.setdefault(lexicon.language, _last_words(lexicon))
    if not _may_end(window, last):
        return None  # prose, not "of (the document)", goes on to the citation
    of = _OF.get(lexicon.language) or _OF.setdefault(
        lexicon.language, regex.compile(alternation(lexicon.part_of_words))
    )
    if of.search(text, lo, start) is None:
        return None  # cheap refusal: nearly no citation has "of" this close before it
    patterns = _JUDGMENT_BEFORE if judgment else _BARE_BEFORE if bare_letters else _BEFORE
    pattern = patterns.get(lexicon.language) or patterns.setdefault(
        lexicon.language, _pattern(lexicon, bare_letters, judgment)
    )
    return pattern.search(text, lo, start)


__all__ = ["REACH", "paragraphs_pattern", "pinpoint_before", "read_paragraphs"]
