"""The words EU act citations are written with in each language, read from
``data/eu_words.json`` in one place: act types (``règlement``, ``Reglamento``, ``Verordnung``),
domain abbreviations (``(UE)``, ``/CE``, ``(GASP)``), the number word (``n°``, ``n.º``,
``Nr.``), institutions (``du Conseil``) and the word opening a date (``du``, ``de``, ``vom``).

Why here: a new language is one more block of that file (and a lexicon table), not code.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Mapping
from typing import Any

import attrs


@attrs.frozen(slots=True)
class ActWords:
    """One language's EU act words; canonical values are the English ones of the families."""

    language: str
    #: written act word, lower-case -> canonical type ("règlement" -> "regulation")
    act_types: Mapping[str, str]
    #: written domain -> canonical domain ("UE" -> "EU", "GASP" -> "CFSP")
    domains: Mapping[str, str]
    #: canonical domain -> how this language writes it ("EU" -> "UE")
    canonical_domains: Mapping[str, str]
    no_words: tuple[str, ...]
    no_canonical: str
    date_opening: tuple[str, ...]
    #: written institution -> canonical author ("du Conseil" -> "Council")
    institutions: Mapping[str, str]
    #: what opens an amending act after a title ("modifié en dernier lieu par")
    amended_by: tuple[str, ...] = ()
    #: act words naming several acts ("directives"): a pinpoint before them is each act's
    plural_act_types: frozenset[str] = frozenset()
    #: the Official Journal's abbreviation ("JO", "DO", "ABl.") and the page word ("S.")
    oj_names: tuple[str, ...] = ()
    #: the Official Journal's name written in full ("Amtsblatt der Europäischen Union"): a
    #: reference only with a series letter, as "Amtsblatt Nr. 12" may be another gazette
    oj_long_names: tuple[str, ...] = ()
    #: the Community's initials after the OJ's name in older references ("ABl. EG Nr. L 281")
    oj_marks: tuple[str, ...] = ()
    #: the names statute style writes without the OJ's year where it is the year of the act's
    #: date ("ABl. EG Nr. L 149 S. 34" after an act "vom 28. Mai 2001")
    oj_names_without_year: tuple[str, ...] = ()
    page_words: tuple[str, ...] = ()
    #: what lists a corrigendum after an OJ reference ("S. 1, ber. L 314 vom 22.11.2016")
    corrigendum_words: tuple[str, ...] = ()
    #: what opens a citation of a preamble ("vu", "visto", "gestützt auf")
    citing_words: tuple[str, ...] = ()
    #: what names the text's own act before its type ("la présente décision")
    own_act_words: tuple[str, ...] = ()
    #: the words numbering a judgment's paragraphs only ("Rn.", "Randnr."): a party name or a
    #: Reports reference may stand between the case number and them ("C-362/14, Schrems, Rn. 73")
    judgment_paragraph_words: tuple[str, ...] = ()
    #: the European Court Reports' abbreviation ("Slg." in "Slg. 2007, I-3633")
    reports_names: tuple[str, ...] = ()
    #: the Court's note for a decision not printed in the Reports ("not published"), written
    #: between its case number and its ECLI
    unpublished_words: tuple[str, ...] = ()
    #: what names an Advocate General's Opinion ("Advocate General Bot", "Opinion of"): a
    #: paragraph after it, between a case number and it, is the Opinion's, not the judgment's
    opinion_words: tuple[str, ...] = ()
    #: the lower-case words a party name holds between its capitalised ones ("and", "v",
    #: "di"): an English name right after the case number, with no comma, is made of these
    party_connectors: tuple[str, ...] = ()
    #: after a paragraph's "of", what points back to the judgment just cited ("of which",
    #: "of the judgment."): that paragraph is the judgment's
    own_judgment_words: tuple[str, ...] = ()
    #: the words joining the case numbers of one list ("C-293/12 und C-594/12"), as "and"
    case_list_words: tuple[str, ...] = ()
    #: what opens the act's enacting formula before its type ("HAT FOLGENDE ENTSCHEIDUNG
    #: ERLASSEN"): the act's own type, before any other own-act word
    enacting_words: tuple[str, ...] = ()
    #: the acronym an act is known by -> its CELEX number ("DSGVO" -> "32016R0679"): not a
    #: citation by itself; a pinpoint after the act's title ending on it is that act's
    short_names: Mapping[str, str] = attrs.field(factory=dict)
    #: act words that end a compound name of an act ("Datenschutz-Grundverordnung (EU)
    #: 2016/679"): a German compound's last word is what it names
    compound_act_heads: tuple[str, ...] = ()
    #: the first parts of compounds that name a national act ("Landesverordnung",
    #: "Gemeinderatsbeschluss"): such a compound is never an EU act's name, domain or not
    national_compound_starts: tuple[str, ...] = ()


@functools.cache
def _blocks() -> Mapping[str, Mapping[str, Any]]:
    """The language blocks of ``data/eu_words.json``, read once."""
    raw = json.loads(
        importlib.resources.files("citecheck")
        .joinpath("data", "eu_words.json")
        .read_text(encoding="utf-8")
    )
    return {lang: block for lang, block in sorted(raw.items()) if not lang.startswith("_")}


def _words(lang: str, block: Mapping[str, Any]) -> ActWords:
    return ActWords(
        language=lang,
        act_types={str(k).lower(): str(v) for k, v in block.get("act_types", {}).items()},
        domains=dict(block.get("domains", {})),
        canonical_domains=dict(block.get("canonical_domains", {})),
        no_words=tuple(block.get("no_words", ())),
        no_canonical=str(block.get("no_canonical", "")),
        date_opening=tuple(block.get("date_opening", ())),
        institutions=dict(block.get("institutions", {})),
        amended_by=tuple(block.get("amended_by", ())),
        plural_act_types=frozenset(block.get("plural_act_types", ())),
        oj_names=tuple(block.get("oj_names", ())),
        oj_long_names=tuple(block.get("oj_long_names", ())),
        oj_marks=tuple(block.get("oj_marks", ())),
        oj_names_without_year=tuple(block.get("oj_names_without_year", ())),
        page_words=tuple(block.get("page_words", ())),
        corrigendum_words=tuple(block.get("corrigendum_words", ())),
        citing_words=tuple(block.get("citing_words", ())),
        own_act_words=tuple(block.get("own_act_words", ())),
        judgment_paragraph_words=tuple(block.get("judgment_paragraph_words", ())),
        reports_names=tuple(block.get("reports_names", ())),
        unpublished_words=tuple(block.get("unpublished_words", ())),
        case_list_words=tuple(block.get("case_list_words", ())),
        opinion_words=tuple(block.get("opinion_words", ())),
        party_connectors=tuple(block.get("party_connectors", ())),
        own_judgment_words=tuple(block.get("own_judgment_words", ())),
        enacting_words=tuple(block.get("enacting_words", ())),
        short_names={str(k): str(v) for k, v in block.get("short_names", {}).items()},
        compound_act_heads=tuple(block.get("compound_act_heads", ())),
        national_compound_starts=tuple(block.get("national_compound_starts", ())),
    )


@functools.cache
def load() -> Mapping[str, ActWords]:
    """Every other language's act words, read once. Not English: the families hold its act
    words; its block holds only the words of judgment citations (:func:`english`)."""
    return {lang: _words(lang, block) for lang, block in _blocks().items() if lang != "en"}


@functools.cache
def english() -> ActWords:
    """The English words of judgment citations ("paragraph", "ECR", "not published") and the
    Official Journal's name in full."""
    return _words("en", _blocks().get("en", {}))


@functools.cache
def other_decision_authors() -> tuple[str, ...]:
    """Every language's bodies other than the EU's that adopt numbered decisions (a company's
    board, a court: "Der Vorstand fasste den Beschluss 2019/12"), English too."""
    return tuple(
        word for block in _blocks().values() for word in block.get("other_decision_authors", ())
    )


def short_names_of(language: str, celex: str) -> frozenset[str]:
    """The acronyms ``celex`` is known by in ``language`` (``DSGVO`` for ``32016R0679``)."""
    words = load().get(language)
    if words is None:
        return frozenset()
    return frozenset(name for name, number in words.short_names.items() if number == celex)


def languages_of_type(word: str) -> tuple[str, ...]:
    """The languages in which ``word`` names an act type (``directive``: French, and English)."""
    low = " ".join(word.lower().split())
    return tuple(lang for lang, w in load().items() if low in w.act_types)


@functools.lru_cache(maxsize=256)
def languages_of_domain(domain: str) -> tuple[str, ...]:
    """The languages writing this domain abbreviation (``CE``: French and Spanish); once per
    word, as every act citation of an ambiguous type word asks for its own."""
    return tuple(lang for lang, w in load().items() if domain in w.domains)
