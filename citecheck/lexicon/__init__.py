"""The words and characters citations are written with, read from data files in one place.

A :class:`Lexicon` holds one language's words: month names, the words of each pinpoint unit
(``paragraph``/``para.``/``¶`` all name the unit ``para``), list and range words (``and``,
``to``) and ordinals (``second subparagraph``). :class:`Characters` holds what does not depend
on the language: dashes, horizontal spaces, invisible characters and look-alikes. Adding a
language is one more table, ``citecheck/data/lexicon/<code>.json``, with the same keys; the
pattern builders below turn any table into regular-expression alternations.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

#: The tables shipped with the package (``data/lexicon/<code>.json``).
LANGUAGES = ("de", "en", "es", "fr")


def _strings(raw: Any, what: str) -> tuple[str, ...]:
    """A list of non-empty strings from a table, or a clear error naming the key."""
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise ValueError(f"lexicon: '{what}' must be a list of non-empty strings")
    return tuple(raw)


def _endings(raw: Any) -> dict[str, str]:
    """The ``digit_ordinal_endings`` table: digits (or "" for any number) to a suffix."""
    valid = isinstance(raw, dict) and all(
        isinstance(k, str) and (not k or k.isdigit()) and isinstance(v, str) and v
        for k, v in raw.items()
    )
    if not valid or (raw and "" not in raw):
        raise ValueError(
            "lexicon: 'digit_ordinal_endings' must map digit endings (and '' for the rest) "
            "to suffixes"
        )
    return dict(raw)


#: The white space between the words of a phrase.
WORD_GAP = r"(?:[ \t]{0,3}\r?\n[ \t]{0,12}+|\s{1,3})"


#: Signs Unicode counts as letters that end an abbreviation, as ``°`` does (``nº`` is ``n°``
#: typed with the ordinal sign): a word may follow them closed up (``n ºC 83``).
_SIGNS = frozenset("ºª")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, closed by ``(?!\\w)`` where a word
    ends in a letter (so ``para`` does not match inside ``parallel``); case-insensitive. A space
    inside a word (``in particular``) matches one to three white-space characters, or a line
    break with the next line's indentation (plain text of laws wraps ``der Delegierten``)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    alts = [
        WORD_GAP.join(regex.escape(piece) for piece in w.split())
        + (r"(?!\w)" if w[-1].isalnum() and w[-1] not in _SIGNS else "")
        for w in ordered
    ]
    return "(?i:" + "|".join(alts) + ")"


#: The letters :meth:`Lexicon.ordinal_number` strips to find the digits of ``12th``.
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: The vowels before which a joined tens word drops its own (Spanish ``vigesimoctavo``).
_VOWELS = frozenset("aeiouáéíóú")


def _elides(joined: str, unit: str) -> bool:
    """Does ``joined`` + ``unit`` drop the tens word's last vowel (``vigesimo`` + ``octavo``)?"""
    return joined[-1:].lower() in _VOWELS and unit[:1].lower() in _VOWELS


def trie_alternation(words: Iterable[str]) -> str:
    """:func:`alternation` written as a trie (``erste[mnrs]?(?!\\w)``): it matches the same
    words in the same order, longest first, and compiles much faster where many words share
    their beginnings (declined and compound ordinals)."""
    return "(?i:" + _trie(_atoms(w, WORD_GAP, r"\s+", True) for w in _longest_first(words)) + ")"


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def _atoms(word: str, gap: str, splitter: str, closed: bool) -> list[str]:
    r"""``word`` as regex atoms: one per character, ``gap`` for each run of ``splitter``, and
    where ``closed``, ``(?!\w)`` after a last letter or digit."""
    atoms: list[str] = []
    for k, piece in enumerate(p for p in regex.split(splitter, word) if p):
        if k:
            atoms.append(gap)
        # lower case where that is one character: "(?i:)" reads both the same
        atoms += [regex.escape(c.lower() if len(c.lower()) == 1 else c) for c in piece]
    if closed and word[-1:].isalnum() and word[-1] not in _SIGNS:
        atoms.append(r"(?!\w)")
    return atoms


def _trie(words: Iterable[list[str]]) -> str:
    """Atom sequences as one pattern; at each branch the branch holding the longest word
    first (as inserted), the end of a word last, so longer words are tried first."""
    root: dict[str, Any] = {}
    for atoms in words:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        # letters followed by the same rest are one class ("[mnrs](?!\w)"): letters exclude
        # each other, so their order does not matter
        alts: list[tuple[list[str], str]] = []
        by_rest: dict[str, list[str]] = {}
        for atom, child in node.items():
            if not atom:
                continue
            rest = emit(child)
            if len(atom) == 1 and atom.isalpha() and rest in by_rest:
                by_rest[rest].append(atom)
                continue
            heads = [atom]
            if len(atom) == 1 and atom.isalpha():
                by_rest[rest] = heads
            alts.append((heads, rest))
        out = [_letters(heads) + rest for heads, rest in alts]
        if "" in node:
            out.append("")
        if len(out) == 2 and by_rest.get(out[1]) is alts[0][0]:
            return _letters(alts[0][0]) + "?" + out[1]  # "[mnrs](?!\w)|(?!\w)"
        return out[0] if len(out) == 1 else "(?:" + "|".join(out) + ")"

    return emit(root)


def _letters(letters: list[str]) -> str:
    return letters[0] if len(letters) == 1 else "[" + "".join(letters) + "]"


@attrs.frozen(slots=True)
class Lexicon:
    """One language's citation words (see the module docstring)."""

    language: str
    months: tuple[str, ...]
    #: canonical unit -> the words that name it, lower-case, plural and abbreviations included
    units: Mapping[str, tuple[str, ...]]
    #: the words of ``units`` that name several ("paragraphs 1 and 2": both are paragraphs)
    plurals: frozenset[str]
    list_words: tuple[str, ...]
    range_words: tuple[str, ...]
    at_words: tuple[str, ...]
    of_words: tuple[str, ...]
    #: "thereof": the act named just before ("Regulation X, in particular Article 5 thereof")
    this_act_words: tuple[str, ...]
    #: "paragraph 12 of": a part of what follows
    part_of_words: tuple[str, ...]
    #: what may name the cited document between "paragraph 12 of (the)" and its citation
    document_words: tuple[str, ...]
    #: "in particular" before such a pinpoint
    emphasis_words: tuple[str, ...]
    ordinals: tuple[str, ...]
    #: what names a point of a paragraph, lettered or numbered (``sous b)``, ``letra b)``,
    #: ``Buchstabe b``, ``punto 3``, ``Nr. 3``)
    letter_words: tuple[str, ...] = ()
    #: the letters after the digits of an ordinal ("12th recital", "21st recital")
    digit_ordinal_suffixes: tuple[str, ...] = ()
    #: which suffix a number takes, by how its digits end, the longest ending deciding
    #: ("1": "st", "11": "th", "": "th"): "12st" is no ordinal; empty: any suffix agrees
    digit_ordinal_endings: Mapping[str, str] = attrs.field(factory=dict)
    #: what joins the section letters of a resolution adopted in parts ("59/284 A and B",
    #: "A et B"): only "and", as "A or B" names no list of sections
    section_list_words: tuple[str, ...] = ()
    #: what names a subdivision of a lettered point (``sous-point ii)``, ``inciso ii)``)
    subpoint_words: tuple[str, ...] = ()
    #: what names a part of an annex (``annexe II, partie A``, ``parte A del anexo IV``)
    part_words: tuple[str, ...] = ()
    #: words inside an EU act's pinpoint that add nothing to it (``articles 6 à 9 inclus``);
    #: never a word that changes what is cited ("et suivants", "article unique")
    filler_words: tuple[str, ...] = ()
    #: ``en liaison avec``, ``en relación con``: join another article of the same act to a
    #: pinpoint (``son article 43, en liaison avec son article 4``), read only before a
    #: possessive, since ``en liaison avec l'article 4 du traité`` names another source
    conjunction_words: tuple[str, ...] = ()
    #: articles and possessives that may stand inside a pinpoint (``de l'article``, ``su artículo``)
    determiners: tuple[str, ...] = ()
    #: the nouns a body's name ends with ("the Board", "the Supervisory Board", "the City
    #: Council"): a resolution whose body is named after it so is another organ's, unless
    #: the name is one of ``generic_bodies`` alone
    body_heads: tuple[str, ...] = ()
    #: the heads that alone name the UN body of the text ("the Council", "the Commission")
    generic_bodies: tuple[str, ...] = ()
    #: bodies outside the UN as written in any case ("the board of directors", "the general
    #: meeting of shareholders", "the municipal council"): a resolution "of" one is theirs
    bodies_any_case: tuple[str, ...] = ()
    #: the capitalised words that may stand right before "Security Council" for the UN's
    #: council ("UN", "United Nations"); any other one mid-sentence ("the National Security
    #: Council") names another council, whose bare resolution number is no UN symbol
    un_council_qualifiers: tuple[str, ...] = ()
    #: nouns of another document a UN pinpoint may be followed by ("paragraph 3 of the
    #: Regulation"): that pinpoint is the other document's, not the UN citation's
    other_document_words: tuple[str, ...] = ()
    #: the ``document_words`` that name a court's judgment or order, or its case ("des
    #: Urteils", "de l'arrêt", "of Case"): only a paragraph of these is a pinpoint of the
    #: case; an Advocate General's opinion numbers its own paragraphs
    judgment_words: tuple[str, ...] = ()
    #: frequent words of running text, for telling languages apart (:mod:`citecheck.language`)
    stop_words: tuple[str, ...] = ()
    #: abbreviations whose period ends no sentence ("v." in "Commission v. France", "cf.",
    #: "Mr."), for finding where a citation's sentence begins (:mod:`citecheck.language`)
    sentence_abbreviations: tuple[str, ...] = ()
    #: abbreviations that cite a number ("Art. 5", "No. L 281", "Nr. 3"): their period ends
    #: no sentence only when a number follows (the same words end one: "state of the art.")
    number_abbreviations: tuple[str, ...] = ()
    #: abbreviations that follow a number ("Art. 5 et seq.", "art. 5 et s."): their period
    #: ends no sentence only when the sentence plainly goes on (a lower-case word, a number,
    #: a comma or a closing bracket after it): "Art. 5 et seq. The Directive" ends one
    sequel_abbreviations: tuple[str, ...] = ()
    #: kinds of instrument another treaty is named by a word before ("the Istanbul
    #: Convention"): "the Convention" then does not mean the catalog's one
    other_treaty_kinds: tuple[str, ...] = ()
    #: capitalised words that never make such a name: determiners and prepositions
    #: ("This Convention", "Regarding Convention matters")
    not_treaty_names: tuple[str, ...] = ()
    #: "cited above" written right after a citation ("l'observation générale no 34 précitée"):
    #: the citation repeats an earlier one
    cited_words: tuple[str, ...] = ()
    #: the language's own "ibid." (``ebd.``, ``Ebenda``): repeats the last citation, as
    #: ``ibid.`` does; periods inside may be followed by a space
    ibid_words: tuple[str, ...] = ()
    #: words that open the reference to another source ("see also", "cf.", "vgl."): a case
    #: number and an ECLI with one of them between name two documents
    new_source_words: tuple[str, ...] = ()
    #: the form of "ibid." this language's UN style writes (German ``ebd.``); empty: ``ibid.``
    #: (UN French and Spanish texts write ``ibid.``, though Spanish also reads ``ibíd.``)
    style_ibid: tuple[str, ...] = ()
    #: the language's own "op. cit." (``a.a.O.``, also written ``a. a. O.``)
    op_cit_words: tuple[str, ...] = ()
    #: "with further references" after an "ibid." (``Ebd., m.w.N.``): it ends the reference
    further_references_words: tuple[str, ...] = ()
    #: before an act noun, an act cited earlier (``ledit règlement``, ``dicha Directiva``,
    #: ``der genannten Verordnung``); never the text's own act (``la présente directive``)
    back_reference_words: tuple[str, ...] = ()
    #: after an act noun, the same (``la directive précitée``)
    back_reference_after: tuple[str, ...] = ()
    #: ``ce``, ``esta``: a back-reference before an act noun (``cette directive``)
    demonstratives: tuple[str, ...] = ()
    #: ``son``, ``su``: the determiners that point back at the act just named (``le règlement X
    #: prévoit, à son article 6``)
    possessives: tuple[str, ...] = ()
    #: verbs saying what an act provides (``prévoit``, ``establece``): ``le règlement X prévoit,
    #: à l'article 15, que`` names X's article 15
    provision_verbs: tuple[str, ...] = ()
    #: ``qui``, ``que``, ``lequel``: a word opening a relative clause (``qui abroge la
    #: directive X``): an act inside one is not the subject of the verb after it
    relative_words: tuple[str, ...] = ()
    #: ``conformément à``, ``modifié par``: an act right after a preposition is its object,
    #: not the subject of the verb after it
    prepositions: tuple[str, ...] = ()
    #: ordinals in counting order from one ("first", "second"...): a word's number is its place
    numbered_ordinals: tuple[str, ...] = ()
    #: other spellings of a numbered ordinal -> the numbered one (``première`` -> ``premier``,
    #: ``primera`` -> ``primero``): gender and short forms count as the same place
    ordinal_variants: Mapping[str, str] = attrs.field(factory=dict)
    #: kinds of resolution paragraph -> the words naming them ("preambular", "operative"):
    #: ``sixth preambular para.`` is ``preambular para. 6``
    paragraph_kinds: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    #: the tens from twenty a compound ordinal opens with, cardinal or ordinal as the language
    #: writes it ("twenty", "vingt", "vigésimo"...): ``thirty-fourth``, ``vigésimo quinto`` are
    #: 30 + 4, 20 + 5
    tens: tuple[str, ...] = ()
    #: words that open a compound ordinal the tables do not read (``cent``, ``centésimo``): an
    #: ordinal right after one is part of it, so it gives no number
    compound_openers: tuple[str, ...] = ()
    #: ordinal tens from twentieth ("twentieth", "thirtieth"...)
    tens_ordinals: tuple[str, ...] = ()
    #: words that may stand between a tens word and its unit (French ``vingt et unième``)
    compound_joiners: tuple[str, ...] = ()
    #: a unit as a compound writes it -> the numbered ordinal (French ``unième`` -> ``premier``:
    #: ``vingt et unième`` is 21, ``unième`` alone is no ordinal)
    compound_units: Mapping[str, str] = attrs.field(factory=dict)
    #: tens words whose compounds count on to nineteen -> their value (French ``soixante``:
    #: ``soixante et onzième`` 71, ``soixante-dix-septième`` 77; ``quatre-vingt-onzième`` 91)
    teen_tens: Mapping[str, int] = attrs.field(factory=dict)
    #: a tens word as written joined to its unit in one word -> the tens word (Spanish
    #: ``vigesimo`` -> ``vigésimo``: ``vigesimoprimero`` is 21)
    joined_tens: Mapping[str, str] = attrs.field(factory=dict)
    #: a unit as written joined before a tens ordinal -> the numbered ordinal (German
    #: ``einund`` -> ``erste``: ``einundzwanzigste`` is 21, one word, the unit first)
    joined_units: Mapping[str, str] = attrs.field(factory=dict)
    #: "hundred" as written joined before an ordinal below a hundred (German ``hundert``:
    #: ``hundertzweite`` is 102, ``hunderteinundzwanzigste`` 121)
    hundreds: tuple[str, ...] = ()
    #: the forms of "hundredth" (German ``hundertste``, ``hundertsten``)
    hundredths: tuple[str, ...] = ()
    #: between a pinpoint's "of" and the document it names (``of the judgment``, ``de l'arrêt``);
    #: one ending with an apostrophe takes no space after it
    document_determiners: tuple[str, ...] = ()
    #: between a judgment and its date (``of``, ``vom``, ``du``; ``de`` also inside ``16 de
    #: julio de 2020``)
    date_of_words: tuple[str, ...] = ()
    #: between a judgment and its case number (``in Case``, ``in der Rechtssache``)
    case_lead_words: tuple[str, ...] = ()
    #: the word before a document's number, as written (``No.``: "Convention No. 5")
    number_words: tuple[str, ...] = ()
    #: does statute style write the act right after an article's pinpoint, on the same line
    #: and without an "of" word (German ``Art. 6 Abs. 1 lit. a Verordnung (EU) 2016/679``)?
    pinpoint_then_act: bool = False

    def ordinal_number(self, word: str) -> int | None:
        """``sixth`` -> 6, ``thirty-fourth`` -> 34, from :attr:`numbered_ordinals` and the
        tens; ``12th`` -> 12 (:attr:`digit_ordinal_suffixes`); None for another word."""
        digits = word.rstrip(_ASCII_LETTERS)
        if digits and digits.isascii() and digits.isdigit():
            suffix = word[len(digits) :].lower()
            number = int(digits)
            agrees = suffix in self.digit_ordinal_suffixes and self._suffix_agrees(digits, suffix)
            return number if number and agrees else None
        return self._ordinal_by_word.get(" ".join(word.lower().replace("-", " ").split()))

    def _suffix_agrees(self, digits: str, suffix: str) -> bool:
        """Does `suffix` go with a number written `digits` ("21st", "12th", not "12st")?"""
        if not self.digit_ordinal_endings:
            return True
        ending = max((e for e in self.digit_ordinal_endings if digits.endswith(e)), key=len)
        return self.digit_ordinal_endings[ending] == suffix

    @property
    def digit_ordinal_pattern(self) -> str:
        """``12th``, ``21st``: an ordinal written in digits (never matches without suffixes)."""
        if not self.digit_ordinal_suffixes:
            return "(?!)"
        return rf"(?<!\d)\d{{1,3}}{alternation(self.digit_ordinal_suffixes)}"

    @functools.cached_property
    def _ordinal_by_word(self) -> Mapping[str, int]:
        def key(word: str) -> str:
            return " ".join(word.lower().replace("-", " ").split())

        out = {key(w): i + 1 for i, w in enumerate(self.numbered_ordinals)}
        for i, ten in enumerate(self.tens_ordinals):
            out[key(ten)] = 20 + 10 * i
        for i, ten in enumerate(self.tens):
            for unit, word in enumerate(self.numbered_ordinals[:9], start=1):
                # "vigésima quinta": the variants of both words too
                for ten_form in self._forms(ten):
                    for unit_form in self._forms(word):
                        out[f"{key(ten_form)} {key(unit_form)}"] = 20 + 10 * i + unit
        for variant, word in self.ordinal_variants.items():
            out.setdefault(key(variant), out.get(key(word), 0))
        for word, number in self._compounds.items():
            out.setdefault(word, number)
        return {word: number for word, number in out.items() if number}

    @functools.cached_property
    def _compounds(self) -> Mapping[str, int]:
        """The compound ordinals of :attr:`compound_joiners`, :attr:`compound_units`,
        :attr:`teen_tens` and :attr:`joined_tens`, by their key in :meth:`ordinal_number`:
        the words :meth:`_compound_pattern` matches."""
        out: dict[str, int] = {}
        for tens, reach, joiners in self._compound_parts():
            for ten, value in tens.items():
                for unit, number in self._unit_forms(reach).items():
                    for joiner in joiners:
                        words = (ten, joiner, unit) if joiner else (ten, unit)
                        out[" ".join(w.lower().replace("-", " ") for w in words)] = value + number
        for joined, ten in self.joined_tens.items():
            value = self._tens_value(ten)
            for unit, number in self._unit_forms(9).items():
                out[(joined + unit).lower()] = value + number
                if _elides(joined, unit):
                    out[(joined[:-1] + unit).lower()] = value + number
        for joined, unit in self.joined_units.items():
            number = self.numbered_ordinals.index(unit) + 1
            for ten, value in self._tens_ordinal_forms().items():
                out[(joined + ten).lower()] = value + number
        if self.hundreds:
            below = {**self._below_hundred(), **out}
            for hundred in self.hundreds:
                for word, number in below.items():
                    out[(hundred + word).lower()] = 100 + number
            for word in self.hundredths:
                out[word.lower()] = 100
        return out

    def _tens_ordinal_forms(self) -> dict[str, int]:
        """Every form of the tens ordinals (``zwanzigste``, ``zwanzigsten``) with its value."""
        return {
            form.lower(): 20 + 10 * i
            for i, ten in enumerate(self.tens_ordinals)
            for form in self._forms(ten)
        }

    def _below_hundred(self) -> dict[str, int]:
        """The one-word ordinals below a hundred, every form (without joined compounds)."""
        out = {
            form.lower(): place
            for place, word in enumerate(self.numbered_ordinals, start=1)
            for form in self._forms(word)
        }
        return {**out, **self._tens_ordinal_forms()}

    def _tens_value(self, ten: str) -> int:
        return 20 + 10 * [t.lower() for t in self.tens].index(ten.lower())

    def _unit_forms(self, reach: int) -> dict[str, int]:
        """The unit words from one to ``reach``, every form, with their numbers."""
        out = {
            form: place
            for place, word in enumerate(self.numbered_ordinals[:reach], start=1)
            for form in self._forms(word)
        }
        for form, word in self.compound_units.items():
            out[form] = self.numbered_ordinals.index(word) + 1
        return out

    def _compound_parts(self) -> list[tuple[dict[str, int], int, tuple[str, ...]]]:
        """(tens words with their values, the highest unit after them, the joiners between):
        only where the table has joiners, compound units or teen tens ("" is no joiner)."""
        if not (self.compound_joiners or self.compound_units or self.teen_tens):
            return []
        joiners = ("", *self.compound_joiners)
        tens = {form: self._tens_value(t) for t in self.tens for form in self._forms(t)}
        return [(tens, 9, joiners), (dict(self.teen_tens), 19, joiners)]

    def _compound_pattern(self, compact: bool) -> str:
        """The words of :attr:`_compounds` as a pattern, hyphens or spaces between the words
        of a compound; empty where the table has none. ``compact``: as tries."""
        gap = r"[-\s]{1,2}"

        def words(ws: Iterable[str]) -> str:
            if compact:
                return _trie(_atoms(w, gap, r"[-\s]+", False) for w in _longest_first(ws))
            return "|".join(
                gap.join(regex.escape(piece) for piece in regex.split(r"[-\s]+", w))
                for w in _longest_first(ws)
            )

        alts = []
        for tens, reach, joiners in self._compound_parts():
            joiner = rf"(?:(?:{words(j for j in joiners if j)}){gap})?" if len(joiners) > 1 else ""
            alts.append(rf"(?:{words(tens)}){gap}{joiner}(?:{words(self._unit_forms(reach))})")
        joined_units = ""
        if self.joined_units:
            # "einundzwanzigste": the unit joined before the tens, one word
            tens_forms = words(self._tens_ordinal_forms())
            joined_units = rf"(?:{words(self.joined_units)})(?:{tens_forms})"
            alts.append(joined_units)
        if self.hundreds:
            # "hundertzweite", "hunderteinundzwanzigste", "hundertste"
            below = words(self._below_hundred())
            after = f"{joined_units}|{below}" if joined_units else below
            alts.append(rf"(?:{words(self.hundreds)})(?:{after})")
            alts.append(words(self.hundredths))
        if self.joined_tens:
            alts.append(rf"(?:{words(self.joined_tens)})(?:{words(self._unit_forms(9))})")
            # "vigesimoctavo": the joined tens word's vowel elided before the unit's
            units = self._unit_forms(9)
            elided = {j[:-1] for j in self.joined_tens for u in units if _elides(j, u)}
            if elided:
                vowel_units = [u for u in units if u[:1].lower() in _VOWELS]
                alts.append(rf"(?:{words(elided)})(?:{words(vowel_units)})")
        return "(?i:" + "|".join(f"(?:{a})" for a in alts) + r")(?!\w)" if alts else ""

    def _forms(self, word: str) -> tuple[str, ...]:
        """``word`` and its :attr:`ordinal_variants` (``quinto``, ``quinta``)."""
        low = word.lower()
        return (word, *(v for v, w in self.ordinal_variants.items() if w.lower() == low))

    @property
    def ordinal_pattern(self) -> str:
        """One ordinal word of :meth:`ordinal_number` (``sixth``, ``thirty-fourth``), every
        word written out (some readers take the words from the pattern's text)."""
        return self._ordinal_pattern(alternation, compact=False)

    @functools.cached_property
    def compact_ordinal_pattern(self) -> str:
        """:attr:`ordinal_pattern` as tries: the same matches, compiled several times faster
        (the French, Spanish and German pinpoint grammars hold it many times)."""
        return self._ordinal_pattern(trie_alternation, compact=True)

    def _ordinal_pattern(self, words: Callable[[Iterable[str]], str], compact: bool) -> str:
        one = words((*self.numbered_ordinals, *self.ordinal_variants))
        compound = self._compound_pattern(compact)
        if compound:
            one = f"{compound}|{one}"
        if not self.tens:
            # tens ordinals alone, with no tens words before units ("dreißigste")
            return f"{one}|{words(self.tens_ordinals)}" if self.tens_ordinals else one
        tens = words(f for ten in self.tens for f in self._forms(ten))
        units = words(f for word in self.numbered_ordinals[:9] for f in self._forms(word))
        return rf"(?:{tens})[-\s]{{1,2}}(?:{units})" + (
            rf"|{words(self.tens_ordinals)}|{one}" if self.tens_ordinals else rf"|{one}"
        )

    @property
    def ordinal_opening(self) -> str:
        """A look-ahead for the first three letters of an ordinal of :attr:`ordinal_pattern`:
        a cheap test before the whole alternation, which most words of a text fail."""
        words = (
            *self.numbered_ordinals,
            *self.ordinal_variants,
            *self.tens,
            *self.tens_ordinals,
            *self.teen_tens,
            *self.joined_tens,
            *self.joined_units,
            *self.hundreds,
            *self.hundredths,
        )
        prefixes = sorted({w[:3].lower() for w in words})
        return "(?=(?i:" + "|".join(regex.escape(p) for p in prefixes) + "))" if prefixes else ""

    def paragraph_kind_of(self, word: str) -> str | None:
        """The unit a paragraph-kind word names (``Preambular`` -> ``preambular_para``)."""
        return self._kind_by_word.get(word.lower())

    @functools.cached_property
    def _kind_by_word(self) -> Mapping[str, str]:
        return {w.lower(): kind for kind, words in self.paragraph_kinds.items() for w in words}
    #: a line holding only one of these opens the notes of a plain text ("Notes")
    notes_headings: tuple[str, ...] = ()

    @functools.cached_property
    def month_number(self) -> Mapping[str, int]:
        """``{"january": 1, ...}``."""
        return {name.lower(): i + 1 for i, name in enumerate(self.months)}

    def words(self, *units: str) -> tuple[str, ...]:
        """Every word naming one of ``units``."""
        return tuple(w for unit in units for w in self.units[unit])

    def unit_pattern(self, *units: str) -> str:
        """A regex matching any word of ``units`` (case-insensitive)."""
        return alternation(self.words(*units))

    def unit_of(self, word: str) -> str | None:
        """The canonical unit a written word names (``Paras.`` -> ``para``), or None."""
        return self._unit_by_word.get(word.lower())

    def is_plural(self, word: str) -> bool:
        """Does ``word`` name several units (``paragraphs``, ``paras.``)?"""
        return " ".join(word.lower().split()) in self.plurals

    @functools.cached_property
    def _unit_by_word(self) -> Mapping[str, str]:
        return {w.lower(): unit for unit, words in self.units.items() for w in words}

    @functools.cached_property
    def list_pattern(self) -> str:
        return alternation(self.list_words)

    @functools.cached_property
    def range_pattern(self) -> str:
        return alternation(self.range_words)

    @functools.cached_property
    def thereof_opening(self) -> str:
        """What opens a pinpoint of the act just named: ``, and in particular``."""
        emphasis = alternation(self.emphasis_words)
        return rf"\s{{0,3}},\s{{0,3}}(?:{self.list_pattern}\s{{1,3}})?(?:{emphasis}\s{{1,3}})?"

    @functools.cached_property
    def thereof_closing(self) -> str:
        """What closes it: `` thereof``."""
        return rf"\s{{1,3}}{alternation(self.this_act_words)}"


@attrs.frozen(slots=True)
class Characters:
    """Characters that do not depend on the language."""

    dashes: str
    range_dashes: str
    horizontal_spaces: str
    #: the signs written after "n"/"N" for "number" ("n°", "nº", "nᵒ", "n˚"): the degree
    #: sign, the ordinal indicator and their look-alikes
    number_signs: str
    #: invisible character -> its name (for messages)
    invisible: Mapping[str, str]
    #: look-alike character -> the ASCII character it imitates
    look_alikes: Mapping[str, str]

    @property
    def dash_class(self) -> str:
        return "[" + str(regex.escape(self.dashes)) + "]"

    @property
    def number_sign_class(self) -> str:
        return "[" + str(regex.escape(self.number_signs)) + "]"

    @property
    def hspace_class(self) -> str:
        return "[" + str(regex.escape(self.horizontal_spaces)) + "]"

    @property
    def word_gap(self) -> str:
        """The space between two words of a name: up to three spaces or line breaks, or one
        line break and the next line's indentation (text out of PDFs keeps it)."""
        h = self.hspace_class
        return rf"(?:\s{{1,3}}|{h}{{0,3}}\r?\n{h}{{4,40}})"

    def look_alike(self, char: str) -> str | None:
        """The ASCII character ``char`` imitates (fullwidth forms included), or None."""
        found = self.look_alikes.get(char)
        if found is not None:
            return found
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E:  # fullwidth ASCII block: a fixed offset from ASCII
            return chr(code - 0xFEE0)
        return None


def _read(name: str) -> dict[str, Any]:
    raw = (
        importlib.resources.files("citecheck")
        .joinpath("data", "lexicon", name)
        .read_text(encoding="utf-8")
    )
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon: {name} must hold a JSON object")
    return data


@functools.cache
def load(language: str = "en") -> Lexicon:
    """The lexicon of ``language`` (one of :data:`LANGUAGES`), read once."""
    if language not in LANGUAGES:
        raise ValueError(f"no lexicon for language {language!r} (known: {', '.join(LANGUAGES)})")
    return from_table(language, _read(f"{language}.json"))


@functools.cache
def _month_numbers() -> dict[str, int]:
    return {
        name.casefold(): number
        for language in LANGUAGES
        for name, number in load(language).month_number.items()
    }


def month_number(name: str) -> int | None:
    """The month a month name of any shipped language means, or None. Case-folded, as the
    patterns that find the names are case-insensitive (``ſeptember`` matches ``september``)."""
    return _month_numbers().get(name.casefold())


def from_table(language: str, data: dict[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from one table (the JSON object of ``data/lexicon/<code>.json``),
    checked: a table with a missing or malformed key is refused with the key's name."""
    units = data.get("units")
    if not isinstance(units, dict) or not units:
        raise ValueError("lexicon: 'units' must map unit names to lists of words")
    months = _strings(data.get("months"), "months")
    if len(months) != 12:
        raise ValueError("lexicon: 'months' must name twelve months")
    return Lexicon(
        language=language,
        months=months,
        units={unit: _strings(words, f"units.{unit}") for unit, words in units.items()},
        plurals=frozenset(w.lower() for w in _strings(data.get("plurals"), "plurals")),
        list_words=_strings(data.get("list_words"), "list_words"),
        range_words=_strings(data.get("range_words"), "range_words"),
        at_words=_strings(data.get("at_words"), "at_words"),
        of_words=_strings(data.get("of_words"), "of_words"),
        this_act_words=_strings(data.get("this_act_words"), "this_act_words"),
        part_of_words=_strings(data.get("part_of_words"), "part_of_words"),
        document_words=_strings(data.get("document_words"), "document_words"),
        emphasis_words=_strings(data.get("emphasis_words"), "emphasis_words"),
        ordinals=_strings(data.get("ordinals"), "ordinals"),
        letter_words=_strings(data.get("letter_words", []), "letter_words"),
        digit_ordinal_suffixes=_strings(
            data.get("digit_ordinal_suffixes", []), "digit_ordinal_suffixes"
        ),
        digit_ordinal_endings=_endings(data.get("digit_ordinal_endings", {})),
        section_list_words=_strings(data.get("section_list_words", []), "section_list_words"),
        subpoint_words=_strings(data.get("subpoint_words", []), "subpoint_words"),
        part_words=_strings(data.get("part_words", []), "part_words"),
        filler_words=_strings(data.get("filler_words", []), "filler_words"),
        conjunction_words=_strings(data.get("conjunction_words", []), "conjunction_words"),
        determiners=_strings(data.get("determiners", []), "determiners"),
        other_document_words=_strings(data.get("other_document_words", []), "other_document_words"),
        judgment_words=_strings(data.get("judgment_words", []), "judgment_words"),
        body_heads=_strings(data.get("body_heads", []), "body_heads"),
        generic_bodies=_strings(data.get("generic_bodies", []), "generic_bodies"),
        bodies_any_case=_strings(data.get("bodies_any_case", []), "bodies_any_case"),
        un_council_qualifiers=_strings(
            data.get("un_council_qualifiers", []), "un_council_qualifiers"
        ),
        stop_words=_strings(data.get("stop_words", []), "stop_words"),
        sentence_abbreviations=_strings(
            data.get("sentence_abbreviations", []), "sentence_abbreviations"
        ),
        number_abbreviations=_strings(data.get("number_abbreviations", []), "number_abbreviations"),
        sequel_abbreviations=_strings(data.get("sequel_abbreviations", []), "sequel_abbreviations"),
        other_treaty_kinds=_strings(data.get("other_treaty_kinds", []), "other_treaty_kinds"),
        not_treaty_names=_strings(data.get("not_treaty_names", []), "not_treaty_names"),
        cited_words=_strings(data.get("cited_words", []), "cited_words"),
        ibid_words=_strings(data.get("ibid_words", []), "ibid_words"),
        new_source_words=_strings(data.get("new_source_words", []), "new_source_words"),
        style_ibid=_strings(data.get("style_ibid", []), "style_ibid"),
        op_cit_words=_strings(data.get("op_cit_words", []), "op_cit_words"),
        further_references_words=_strings(
            data.get("further_references_words", []), "further_references_words"
        ),
        back_reference_words=_strings(data.get("back_reference_words", []), "back_reference_words"),
        back_reference_after=_strings(data.get("back_reference_after", []), "back_reference_after"),
        demonstratives=_strings(data.get("demonstratives", []), "demonstratives"),
        possessives=_strings(data.get("possessives", []), "possessives"),
        provision_verbs=_strings(data.get("provision_verbs", []), "provision_verbs"),
        relative_words=_strings(data.get("relative_words", []), "relative_words"),
        prepositions=_strings(data.get("prepositions", []), "prepositions"),
        numbered_ordinals=_strings(data.get("numbered_ordinals", []), "numbered_ordinals"),
        tens=_strings(data.get("tens", []), "tens"),
        tens_ordinals=_strings(data.get("tens_ordinals", []), "tens_ordinals"),
        compound_openers=_strings(data.get("compound_openers", []), "compound_openers"),
        ordinal_variants=_ordinal_variants(data),
        compound_joiners=_strings(data.get("compound_joiners", []), "compound_joiners"),
        compound_units=_ordinal_map(data, "compound_units", ("numbered_ordinals",), str),
        teen_tens=_ordinal_map(data, "teen_tens", (), int),
        joined_tens=_ordinal_map(data, "joined_tens", ("tens",), str),
        joined_units=_ordinal_map(data, "joined_units", ("numbered_ordinals",), str),
        hundreds=_strings(data.get("hundreds", []), "hundreds"),
        hundredths=_strings(data.get("hundredths", []), "hundredths"),
        document_determiners=_strings(data.get("document_determiners", []), "document_determiners"),
        date_of_words=_strings(data.get("date_of_words", []), "date_of_words"),
        case_lead_words=_strings(data.get("case_lead_words", []), "case_lead_words"),
        number_words=_strings(data.get("number_words", []), "number_words"),
        paragraph_kinds={
            kind: _strings(words, f"paragraph_kinds.{kind}")
            for kind, words in dict(data.get("paragraph_kinds") or {}).items()
        },
        notes_headings=_strings(data.get("notes_headings", []), "notes_headings"),
        pinpoint_then_act=_flag(data.get("pinpoint_then_act", False), "pinpoint_then_act"),
    )


def _ordinal_variants(data: dict[str, Any]) -> dict[str, str]:
    """``ordinal_variants`` checked: each maps to a word of ``numbered_ordinals`` or of the
    tens (``vigésima`` -> ``vigésimo``, ``trigésima`` -> ``trigésimo``)."""
    raw = data.get("ordinal_variants") or {}
    numbered = {
        w.lower()
        for field in ("numbered_ordinals", "tens", "tens_ordinals")
        for w in _strings(data.get(field, []), field)
    }
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.lower() in numbered for k, v in raw.items()
    ):
        raise ValueError(
            "lexicon: 'ordinal_variants' must map words to numbered_ordinals or tens"
        )
    return dict(raw)


def _ordinal_map(
    data: dict[str, Any], field: str, targets: tuple[str, ...], kind: type
) -> dict[str, Any]:
    """A compound-ordinal map checked: words to words of ``targets`` (or, with no targets, to
    numbers)."""
    raw = data.get(field) or {}
    allowed = {w.lower() for t in targets for w in _strings(data.get(t, []), t)}

    def fits(value: object) -> bool:
        if isinstance(value, str):
            return kind is str and value.lower() in allowed
        return kind is int and type(value) is int and 20 <= value < 100

    ok = isinstance(raw, dict) and all(isinstance(k, str) and fits(v) for k, v in raw.items())
    if not ok:
        what = " or ".join(targets) if targets else "numbers from 20 to 99"
        raise ValueError(f"lexicon: '{field}' must map words to {what}")
    return dict(raw)


def _flag(raw: Any, what: str) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"lexicon: '{what}' must be true or false")
    return raw


@functools.cache
def characters() -> Characters:
    """The language-independent character table, read once."""
    data = _read("characters.json")
    return Characters(
        dashes=str(data["dashes"]),
        range_dashes=str(data["range_dashes"]),
        horizontal_spaces=str(data["horizontal_spaces"]),
        number_signs=str(data["number_signs"]),
        invisible=dict(data["invisible"]),
        look_alikes=dict(data["look_alikes"]),
    )


#: The English lexicon every family reads today.
ENGLISH = load("en")
CHARACTERS = characters()

__all__ = [
    "CHARACTERS",
    "ENGLISH",
    "LANGUAGES",
    "Characters",
    "Lexicon",
    "alternation",
    "characters",
    "from_table",
    "load",
]
