"""Patterns tried only at the hits of the one anchor pass find exactly what the whole-text
passes they replace found (``finditer`` over the whole text, ``str.count``)."""

from __future__ import annotations

import re
from typing import cast

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citecheck import shortforms as shortform_stage
from citecheck.anchors import prefix_tree_pattern
from citecheck.families import (
    FAMILIES,
    Document,
    anchored,
    backrefs,
    base,
    cjeu,
    eu_acts,
    eu_identifiers,
    general_comments,
    instruments,
    shortforms,
    un_prose,
)
from citecheck.families import un_context as ctx
from citecheck.lexicon import ENGLISH
from citecheck.scan import _anchor_literals


def _indexed(text: str) -> Document:
    doc = Document(text)
    doc.index_anchors(_anchor_literals(FAMILIES))
    return doc


def _texts(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=30).map("".join)


_SHORT_TOKENS = [
    "Ibid.", "ibid", "Ibidem", "Id.", "id.", "op. cit.", "Op.cit.", "loc. cit.", "supra",
    " note 3", " n. 12", ", para. 4", ",", " ", ".", "x", "\u00a0", "said", "-", "İ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_SHORT_TOKENS))
def test_short_forms_as_finditer(text: str) -> None:
    got = [m.span() for m in shortforms.FAMILY._matches(_indexed(text))]
    assert got == [m.span() for m in shortforms._SHORT.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="12/ a\u0663.İ", max_size=40))
def test_slashed_numbers_as_finditer(text: str) -> None:
    expected = [m.start() for m in regex.finditer(r"\d/\d", text)]
    assert list(eu_acts._slashed_numbers(_indexed(text))) == expected
    assert list(eu_acts._slashed_numbers(Document(text))) == expected


_COMMITTEE_TOKENS = [
    "Human Rights Committee", "Human  Rights\nCommittee", "Committee against Torture",
    "Committee on the Rights of the Child", "CCPR/C/", "CRC/C/", "E/C.12/", "Covenant on Civil "
    "and Political Rights", "Racial Discrimination", "Comité des droits de l'homme",
    "Comité contre la torture", "Human Rights Council", "human rights council", "A/HRC/",
    "General Assembly", "Commission on Human Rights", "Economic and Social Council",
    "Sub-Commission", "sub-commissionsub-commission", "the ", " ", "Human", "Committee", "İ",
]  # fmt: skip


def _profile_by_finditer(doc: Document) -> ctx.DocumentProfile:
    """The profile as it was computed with whole-text passes."""
    counts: dict[str, int] = {}
    for m in ctx._DOC_COMMITTEE.finditer(doc.text):
        if m.lastgroup:
            counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    if "comit" in doc.lower:
        for m in ctx._DOC_COMMITTEE_LANG.finditer(doc.text):
            if m.lastgroup:
                counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    low = doc.lower
    hrc = low.count("human rights council") + low.count("a/hrc/")
    ga = low.count("general assembly")
    year_counts = {
        ctx.Body.CHR.value: low.count("commission on human rights"),
        ctx.Body.ECOSOC.value: low.count("economic and social council"),
        ctx.Body.SUBCOM.value: low.count("sub-commission"),
    }
    year_body = ctx._dominant(year_counts)
    return ctx.DocumentProfile(
        committee_counts=tuple(sorted(counts.items())),
        hrc_context=hrc >= 3 and hrc >= 3 * ga,
        year_body=ctx.Body(year_body) if year_body else None,
    )


@settings(max_examples=300, deadline=None)
@given(text=_texts(_COMMITTEE_TOKENS))
def test_document_profile_as_whole_text_passes(text: str) -> None:
    assert ctx.profile(_indexed(text)) == _profile_by_finditer(Document(text))
    assert ctx.profile(Document(text)) == _profile_by_finditer(Document(text))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab", max_size=30), lit=st.sampled_from(["a", "aa", "aba", "b"]))
def test_count_as_str_count(text: str, lit: str) -> None:
    doc = Document(text)
    doc.index_anchors([lit])
    assert doc.count(lit) == text.count(lit)


_HEAD_TOKENS = [
    "General Comment", "general comment", "GENERAL COMMENTS", "general recommendation",
    "General Recommendations", "general\u00a0comment", "general \n comment", " No. ", " Nos. ",
    ", including Nos. ", "5", "35", "XIV", " (2019)", " and ", "Human Rights Committee",
    "CEDAW", "ICCPR", "joint ", "Joint ", "Committee's ", " ", ",", "General", "İ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_HEAD_TOKENS))
def test_general_comment_heads_as_finditer(text: str) -> None:
    got = general_comments.matches_near(
        general_comments._HEAD,
        general_comments._general_hits(_indexed(text)),
        text,
        before=general_comments._HEAD_REACH,
        after=general_comments._HEAD_AFTER,
    )
    assert [m.span() for m in got] == [m.span() for m in general_comments._HEAD.finditer(text)]


_START_SCAN = re.compile(
    prefix_tree_pattern(instruments._ALL_START_WORDS)
)
_START_TOKENS = [
    *sorted(instruments._ALL_START_WORDS)[:40], "Convention", "CONVENTION", "convention",
    "Artículo", "Article", "Art.", "Arts.", "ICCPR", "UN", "x", " ", "_", "-", "İ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_START_TOKENS))
def test_instrument_starts_as_the_prefix_tree_scan(text: str) -> None:
    expected = [
        m.start()
        for m in _START_SCAN.finditer(text)
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
    ]
    assert list(instruments._start_positions(_indexed(text))) == expected
    assert list(instruments._start_positions(Document(text))) == expected


@settings(max_examples=400, deadline=None)
@given(text=_texts(["19", "20", "1", "0", "\u0663", "R", "L", "r", "x", "/", " ", "İ"]))
def test_celex_years_as_finditer(text: str) -> None:
    expected = [m.span() for m in regex.finditer(r"(?:19|20)\d\d[A-Z]", text)]
    assert list(eu_identifiers._celex_years(_indexed(text))) == expected
    assert list(eu_identifiers._celex_years(Document(text))) == expected


# Words that begin instrument citations and words that only look like them: the grammar is
# skipped where the small check of what must follow a start word fails.
_INSTRUMENT_TOKENS = [
    "Article", "articles", "art.", "Arts.", "ARTICLE", "Artículo", "Principle", "principles",
    "International", "INTERNATIONAL", "Covenant", "Convention", "European", "EU", "EUR", "UN",
    "United", "Nations", "Charter", "Universal", "Declaration", "Optional", "Protocol",
    "Guiding", "Principles", "ICCPR", "CRC", "Rome", "Statute", "on", "Civil", "and",
    "Political", "Rights", "of", "the", "Child", "Human", "for", "to", "Commentary",
    "Economic,", "Social", "Cultural", "Organization", "Union", "7", "12", " ", "  ", "\n",
    ",", "(", ")", "/", "x",
    "International Convention on the Elimination of All Forms of Racial Discrimination",
    "International Covenant on Civil and Political Rights", "Convention on the Rights of the ",
    "European Convention on Human Rights", "EU Charter of Fundamental Rights", "EU Treaty",
    "United Nations Convention against Torture", "United Nations Charter", "UN Charter",
    "Optional Protocol to the ", "Universal Declaration of Human Rights", "Guiding Principles",
]  # fmt: skip


def _instrument_matches_everywhere(doc: Document) -> list[tuple[int, int]]:
    """The grammar tried at every start position, with no check before it."""
    pattern, text, end, spans = instruments._pattern(), doc.text, 0, []
    for start in instruments._start_positions(doc):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            end = m.end()
            spans.append(m.span())
    return spans


@settings(max_examples=400, deadline=None)
@given(text=_texts(_INSTRUMENT_TOKENS))
def test_instrument_prechecks_reject_no_match(text: str) -> None:
    doc = _indexed(text)
    got = [m.span() for m in instruments.InstrumentsFamily._matches(doc)]
    assert got == _instrument_matches_everywhere(doc)


@pytest.mark.parametrize(
    ("text", "tried"),
    [
        ("the European Commission", False),
        ("the European Convention on Human Rights", True),
        ("United Nations Children's Fund", False),
        ("United Nations Convention on the Rights of the Child", True),
        ("the articles of association", False),
        ("articles 12 and 19", True),
        ("Principles of law", False),
        ("principle 11", True),
        ("EU law", False),
        ("EU Charter", True),
        ("Convention", True),  # a one-word short name: the grammar decides
    ],
)
def test_instrument_prechecks(text: str, tried: bool) -> None:
    word = next(instruments._start_hits(Document(text)))
    check = instruments._prechecks().get(word[1])
    assert (check is None or check.match(text, word[0]) is not None) is tried


_PROSE_TOKENS = [
    "resolution", "Resolutions", "DECISION", "decision", "résolution", "resoluciones",
    "Resolución", "General Assembly ", "Security Council ", "paragraph 3 of ", " ", "\u00a0",
    "\n", "60/251", "1325 (2000)", "217 (III)", "S-30/1", "ES-10/2", "2005/69", "12", "/",
    "x", "s", "\u0663", "İ", ",", "(", ")",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_PROSE_TOKENS))
def test_prose_heads_as_finditer(text: str) -> None:
    doc = _indexed(text)
    hits = base.hits_followed_by(doc, doc.hits(un_prose._LITERALS), un_prose._KW_THEN_NUMBER)
    got = base.matches_near(un_prose._HEAD, hits, text, before=un_prose._HEAD_REACH, after=64)
    assert [m.span() for m in got] == [m.span() for m in un_prose._HEAD.finditer(text)]


_CASE_TOKENS = [
    "C-293/12", "T-1/99", "Case", "Joined Cases ", "cases ", "6/64", "12/3456", "A/HRC/53/25",
    "1/2", "3", "/", ".", "-", "\u2011", " ", ", ", " and ", "EU:C:2014:238", "ECLI:",
    "ECLI:EU:C:2019:1", "x", "P", "\u0663",
]  # fmt: skip
# Not "İ": lower-casing it adds a code point, and the "/" hits of the lower-cased text then
# miss the case numbers after it, as they did before the check of what precedes a "/".


@settings(max_examples=400, deadline=None)
@given(text=_texts(_CASE_TOKENS))
def test_case_numbers_as_finditer(text: str) -> None:
    got = base.matches_near(cjeu._CASES, cjeu._case_hits(_indexed(text)), text, before=40, after=64)
    assert [m.span() for m in got] == [m.span() for m in cjeu._CASES.finditer(text)]


_BACKREF_TOKENS = [
    "Regulation", "regulation", "Directive", "directive", "Decision", "decision", "DECISION",
    "Framework Decision", "framework decision", "the ", "The ", "that ", "That ", "said ",
    "the said ", "of ", "under ", "VAT ", "Third ", "(", ")", "'", "\u2018", "\u2019", ";",
    "hereinafter ", " No 1234/2007", " 2020", " of the European", " on", "x", "\u00a0", " ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_BACKREF_TOKENS))
def test_back_references_as_finditer(text: str) -> None:
    got = base.matches_near(
        backrefs._BACKREF,
        backrefs._noun_hits(_indexed(text)),
        text,
        before=backrefs._REACH,
        after=backrefs._AFTER,
    )
    assert [m.span() for m in got] == [m.span() for m in backrefs._BACKREF.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    text=_texts(["\n", "\r\n", "\r", " ", "\t", "12", "3", ".", ")", "x", "\u0663", "Notes"]),
    heading=st.integers(min_value=0, max_value=8),
)
def test_section_notes_as_finditer(text: str, heading: int) -> None:
    heading = min(heading, len(text))
    expected = [
        (m.start(), int(m.group(1))) for m in shortform_stage._SECTION_NOTE.finditer(text, heading)
    ]
    assert list(shortform_stage.section_notes(text, heading)) == expected


_LANG_GENERAL_TOKENS = [
    "observation générale", "Observations  générales", "OBSERVATION GÉNÉRALE",
    "recommandation générale", "observación general", "Recomendaciones generales", "générale",
    "observaci", " ", "\n", "no ", "n° ", "No. ", "núm. ", "12", "IV", " (2004)", " [80]", ",",
    "x", "/", "\u017f", "İ", "observation générale 12", "Recommandations générales nos 3",
    "observaciones generales núm. 31 [80]", " observations\ngénérales no 4 (2004)",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_texts(_LANG_GENERAL_TOKENS))
def test_language_general_comment_heads_as_finditer(text: str) -> None:
    got = general_comments._lang_heads(_indexed(text))
    assert [m.span() for m in got] == [m.span() for m in general_comments._HEAD_LANG.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(
    text=_texts(["/", "//", "ab", "a", "b", " "]),
    literals=st.lists(st.sampled_from(["/", "a", "ab", "b/"]), min_size=1, max_size=3, unique=True),
)
def test_literal_hits_in_order(text: str, literals: list[str]) -> None:
    expected = sorted(
        (m.start(), m.start() + len(lit))
        for lit in literals
        for m in re.finditer(f"(?={re.escape(lit)})", text)
    )
    assert list(base.literal_hits(text, literals)) == expected


# The same patterns matched at their hits (``families.anchored``): the window before a hit is
# searched only where a head or back-reference can start there.
_PROSE_LEAD_TOKENS = [
    *_PROSE_TOKENS, "Human Rights Council ", "Council's ", "Sub-Commission ", "of ", "of its ",
    "the ", "Recalling ", "preamble ", "third preambular paragraph of ", "paragraphs 3 (a) ",
    "de la ", "du ", "\u2013", "xyz", "UNSCR", "UNSCRs ", "  ",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(text=_texts(_PROSE_LEAD_TOKENS))
def test_prose_heads_at_hits_as_in_windows(text: str) -> None:
    """The matches of the windows around every hit (which :func:`test_prose_heads_as_finditer`
    holds to ``finditer``), found with less searching."""
    doc = _indexed(text)
    hits = base.hits_followed_by(doc, doc.hits(un_prose._LITERALS), un_prose._KW_THEN_NUMBER)
    near = base.matches_near(un_prose._HEAD, hits, text, before=un_prose._HEAD_REACH, after=64)
    assert [m.span() for m in un_prose._heads(doc)] == [m.span() for m in near]


_BACKREF_LEAD_TOKENS = [
    *_BACKREF_TOKENS, "Council ", "\u2013", "-", "Dublin ", "III ", "3rd ", "('the ", "('",
    "(hereinafter referred to as '", "Article 5 ", "in ", "x ", "Framework ", "  ", "\n",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(text=_texts(_BACKREF_LEAD_TOKENS))
@example(text="in the EuropeanDirectivein That Framework Decision)")  # a noun inside a name word
@example(text="Directive 3rd The Third Directive of the European")
@example(text="arrest warrant \u2013Framework Decision 2002/584")
def test_back_references_at_hits_as_in_windows(text: str) -> None:
    doc = _indexed(text)
    near = base.matches_near(
        backrefs._BACKREF, backrefs._noun_hits(doc), text, before=backrefs._REACH,
        after=backrefs._AFTER,
    )  # fmt: skip
    assert [m.span() for m in backrefs._matches(doc)] == [m.span() for m in near]


@pytest.mark.parametrize(
    ("text", "keyword", "earliest"),
    [
        ("adopted by resolution 5/1", "resolution", "resolution"),  # "by": nothing leads in
        ("see its resolution 5/1", "resolution", "see"),  # "of its resolution" could
        ("In the preamble of the Human Rights Council resolution 5/1", "resolution", "preamble"),
        ("the Council\u2019s resolution 5/1", "resolution", "the"),
        ("text.\nparagraph 3 of resolution 5/1", "resolution", "text"),
        ("x resolution 5/1", "resolution", "resolution"),
    ],
)
def test_head_earliest(text: str, keyword: str, earliest: str) -> None:
    start = text.index(keyword)
    assert un_prose._head_earliest(text, start, 0) == text.index(earliest)


@pytest.mark.parametrize(
    ("text", "noun", "earliest"),
    [
        ("pursuant to Regulation (EU) 2016/679", "Regulation", "Regulation"),
        ("Article 5 of the Regulation", "Regulation", "of"),
        ("under the said Directive", "Directive", "the"),
        ("amending Council Framework Decision 2002/584", "Decision", "Council"),
        ("arrest warrant \u2013Framework Decision 2002/584", "Decision", "\u2013"),
        ("Article 1 of the Third Directive", "Directive", "of"),
        ("(OJ L 1, p. 1; 'the Directive')", "Directive", "("),
        ("a Decision", "Decision", "Decision"),
    ],
)
def test_backref_earliest(text: str, noun: str, earliest: str) -> None:
    start = text.index(noun)
    assert backrefs._backref_earliest(text, start, 0) == text.index(earliest)


@settings(max_examples=400, deadline=None)
@given(text=_texts(["<sup>1</sup>", "<sup>", "[^3]:", "[^4]", "^5 ", "^", "[", " ", "\t", "\n"]))
def test_marked_notes_as_finditer(text: str) -> None:
    expected = [
        (m.start(), int(next(g for g in m.groups() if g)))
        for m in shortform_stage._MARKED_NOTE.finditer(text)
    ]
    assert shortform_stage.marked_notes(text) == expected


_HEADING_TOKENS = [
    "Notes", "notes", "NOTES", "Endnotes", "Footnotes", "Notes:", "# ", "*", " ", "\n", "\r\n",
    "x", "the Committee ", "İ",
]  # fmt: skip


def _notes_heading_word_by_word(text: str, low: str) -> int | None:
    """:func:`notes_heading` read word by word, each word looked for on its own: how it read
    every text before the anchor index (the tests hold the index's answer to it)."""
    found: int | None = None
    for word in ENGLISH.notes_headings:
        pos = low.find(word.lower())
        while pos != -1 and (found is None or pos < found):
            line_start = low.rfind("\n", 0, pos) + 1
            line_end = low.find("\n", pos)
            line_end = len(low) if line_end == -1 else line_end
            line = shortform_stage._HEADING_LINE.fullmatch(text, line_start, line_end)
            if line is not None and line.group("word").lower() == word.lower():
                found = line_end
                break
            # the rest of this line cannot be a heading: one pass over the text in all
            pos = low.find(word.lower(), max(pos + 1, line_end))
    return found


@settings(max_examples=400, deadline=None)
@given(text=_texts(_HEADING_TOKENS))
def test_notes_heading_from_the_index(text: str) -> None:
    """From the anchor index, from a document without it, and word by word (as before)."""
    expected = _notes_heading_word_by_word(text, Document(text).lower)
    assert shortform_stage.notes_heading(_indexed(text)) == expected
    assert shortform_stage.notes_heading(Document(text)) == expected


_LANG_BACKREF_TOKENS = [
    "règlement", "Règlement", "directive", "Directive", "Directiva", "reglamento", "Verordnung",
    "Richtlinie", "décision-cadre", "règlement d'exécution", "delegierten Verordnung",
    "dudit ", "ladite ", "de ladite ", "dicha ", "de dicha ", "der genannten ", "die ",
    "cette ", "ce ", "l'", " précité", " citada", " susmentionnée", " (UE) 2016/679", " 12",
    " ", "  ", "\n", "x", "the ", "of ", "(", "\u00a0", "decisión marco", "Decisión\nmarco",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(text=_texts(_LANG_BACKREF_TOKENS))
def test_language_back_references_at_hits_as_in_windows(text: str) -> None:
    doc = _indexed(text)
    near = base.matches_near(
        backrefs._LANG_BACKREF, doc.hits(backrefs._LANG_HITS), text, before=backrefs._REACH,
        after=backrefs._AFTER,
    )  # fmt: skip
    assert [m.span() for m in backrefs._lang_matches(doc)] == [m.span() for m in near]


# Text packed with act nouns and keywords: the windows of neighbouring hits overlap, and each
# window searches on from where the windows before it ruled out every match.
def _dense_texts(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), min_size=20, max_size=120).map("".join)


_DENSE_BACKREF_TOKENS = [
    "Directive ", "Regulation ", "Decision ", "Framework Decision ", "the ", "the said ",
    "that ", "of the ", "Third ", "(", ")", "'", " No 1234/2007", " 2020", " on", "x",
    " ", "       ", "\n", "-X ", "s ",
]  # fmt: skip
_DENSE_LANG_TOKENS = [
    "directive ", "Directive ", "règlement ", "Richtlinie ", "Verordnung ", "reglamento ",
    "dudit ", "ladite ", "la ", "der genannten ", "dicha ", " précité", " (UE) 2016/679",
    " 12", " ", "       ", "\n", "x", "(",
]  # fmt: skip
_DENSE_PROSE_TOKENS = [
    "resolution ", "resolutions ", "decision ", "résolution ", "1 ", "60/251", "5/1 ",
    "1325 (2000)", "of the ", "of its ", "paragraph 3 of ", "General Assembly ", "and ", ", ",
    " ", "       ", "\n", "x", "(", ")",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=_dense_texts(_DENSE_BACKREF_TOKENS))
@example(text="Directive " * 60)
@example(text="the said Directive " * 40)
@example(text="Directive" + " " * 26 + "the Framework Decision-X Directive " * 8)
def test_back_references_on_dense_text_as_in_windows(text: str) -> None:
    doc = _indexed(text)
    near = base.matches_near(
        backrefs._BACKREF, backrefs._noun_hits(doc), text, before=backrefs._REACH,
        after=backrefs._AFTER,
    )  # fmt: skip
    assert [m.span() for m in backrefs._matches(doc)] == [m.span() for m in near]


@settings(max_examples=300, deadline=None)
@given(text=_dense_texts(_DENSE_LANG_TOKENS))
@example(text="la directive " * 50)
@example(text="dudit règlement " * 40)
def test_language_back_references_on_dense_text_as_in_windows(text: str) -> None:
    doc = _indexed(text)
    near = base.matches_near(
        backrefs._LANG_BACKREF, doc.hits(backrefs._LANG_HITS), text, before=backrefs._REACH,
        after=backrefs._AFTER,
    )  # fmt: skip
    assert [m.span() for m in backrefs._lang_matches(doc)] == [m.span() for m in near]


@settings(max_examples=300, deadline=None)
@given(text=_dense_texts(_DENSE_PROSE_TOKENS))
@example(text="resolution 1 " * 60)
@example(text="of the resolution 5/" * 40)
def test_prose_heads_on_dense_text_as_in_windows(text: str) -> None:
    doc = _indexed(text)
    hits = base.hits_followed_by(doc, doc.hits(un_prose._LITERALS), un_prose._KW_THEN_NUMBER)
    near = base.matches_near(un_prose._HEAD, hits, text, before=un_prose._HEAD_REACH, after=64)
    assert [m.span() for m in un_prose._heads(doc)] == [m.span() for m in near]


_RULED_OUT_PATTERNS = {
    "backrefs": backrefs._BACKREF,
    "backrefs in other languages": backrefs._LANG_BACKREF,
    "UN prose heads": un_prose._HEAD,
}


@pytest.mark.parametrize("name", sorted(_RULED_OUT_PATTERNS))
@settings(max_examples=150, deadline=None)
@given(
    text=_dense_texts(_DENSE_BACKREF_TOKENS + _DENSE_LANG_TOKENS + _DENSE_PROSE_TOKENS),
    cut=st.floats(0.0, 1.0),
    more=st.integers(1, 200),
)
def test_what_a_partial_search_rules_out_stays_ruled_out(
    name: str, text: str, cut: float, more: int
) -> None:
    """What :func:`matches_at_hits` relies on: where a partial search up to ``hi`` finds
    neither a match nor the beginning of one, no match starts with more text after ``hi``."""
    pattern = _RULED_OUT_PATTERNS[name]
    hi = int(len(text) * cut)
    found = pattern.search(text, 0, hi, partial=True)
    ruled_out_to = hi if found is None else found.start()
    later = pattern.search(text, 0, min(len(text), hi + more))
    assert later is None or later.start() >= ruled_out_to


class _CountingPattern:
    """A pattern that adds up how many characters its searches were handed."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern, self.searched = pattern, 0

    def search(self, text: str, pos: int, endpos: int, **kw: bool) -> regex.Match[str] | None:
        self.searched += endpos - pos
        return self.pattern.search(text, pos, endpos, **kw)

    def match(self, text: str, pos: int, endpos: int | None = None) -> regex.Match[str] | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


@pytest.mark.parametrize(
    ("unit", "family"),
    [
        ("Directive ", "backrefs"),
        ("Directive ", "backrefs in other languages"),
        ("la directive ", "backrefs in other languages"),
        ("Richtlinie ", "backrefs in other languages"),
        # "resolution 1" alone is a head (a Security Council resolution, once the Council is
        # named); "1a" is no number a head reads
        ("resolution 1a ", "UN prose heads"),
        ("of the resolution 5/", "UN prose heads"),
    ],
)
def test_dense_text_is_searched_a_bounded_number_of_times(unit: str, family: str) -> None:
    """On a flood of hits, every window of which finds nothing, the windows overlap ten times
    and more; each character is handed to a search about twice, however dense the hits."""
    text = unit * (20_000 // len(unit))
    doc = _indexed(text)
    counting = _CountingPattern(_RULED_OUT_PATTERNS[family])
    if family == "UN prose heads":
        hits = base.hits_followed_by(doc, doc.hits(un_prose._LITERALS), un_prose._KW_THEN_NUMBER)
        reach, after, earliest = un_prose._HEAD_REACH, 64, un_prose._head_earliest
    elif family == "backrefs":
        hits = backrefs._noun_hits(doc)
        reach, after, earliest = backrefs._REACH, backrefs._AFTER, backrefs._backref_earliest
    else:
        hits = doc.hits(backrefs._LANG_HITS)
        reach, after, earliest = backrefs._REACH, backrefs._AFTER, backrefs._lang_earliest
    assert len(hits) >= 1000
    pattern = cast("regex.Pattern[str]", counting)
    found = anchored.matches_at_hits(
        pattern, hits, text, before=reach, after=after, earliest=earliest
    )
    assert list(found) == []
    assert counting.searched <= 3 * len(text)
