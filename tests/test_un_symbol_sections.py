"""Sections of GA resolutions adopted in parts: ``A/RES/59/284 B`` is its own document.

The section letter stays part of the symbol (``un:A/RES/59/284B``), as in the prose form
``resolution 59/284 B`` and in the index's canonical 191 symbols; only GA resolutions and
decisions of the session/number form are adopted in lettered parts, and only a capital standing
alone and closed as in prose (punctuation, "of", "and", a year, a pinpoint, the end of a line
not followed by a lower-case word) is a section.
"""

from __future__ import annotations

import pytest

import citecheck
from citecheck.families.un_symbols import parse_symbol
from citecheck.index.oaipmh import canonical_symbol
from citecheck.lexicon import load

# (text, id of the first citation, its text, its pinpoint)
SECTIONS: list[tuple[str, str, str, str]] = [
    ("See A/RES/59/284 B.", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284 B, para. 3", "un:A/RES/59/284B", "A/RES/59/284 B, para. 3", "para. 3"),
    ("(A/RES/59/284 B)", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284 B", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("cited in A/RES/59/284 B\nThe Council", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284\u00a0B;", "un:A/RES/59/284B", "A/RES/59/284\u00a0B", ""),
    ("A/RES/59/284B, para. 3", "un:A/RES/59/284B", "A/RES/59/284B, para. 3", "para. 3"),
    ("decision A/DEC/31/406 E: the text", "un:A/DEC/31/406E", "A/DEC/31/406 E", ""),
    ("A/RES/ES-10/2 A.", "un:A/RES/ES-10/2A", "A/RES/ES-10/2 A", ""),
    ("A/RES/S-13/2 C,", "un:A/RES/S-13/2C", "A/RES/S-13/2 C", ""),
    # closed by a word that goes on the citation, as in prose
    ("resolution A/RES/59/284 B of 23 December 2004.", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/54/260 B and A/RES/54/261", "un:A/RES/54/260B", "A/RES/54/260 B", ""),
    ("A/RES/54/260 B adopted by", "un:A/RES/54/260B", "A/RES/54/260 B", ""),
    ("A/RES/54/260 B entitled", "un:A/RES/54/260B", "A/RES/54/260 B", ""),
    (
        "A/RES/59/284 B annex, para. 2",
        "un:A/RES/59/284B",
        "A/RES/59/284 B annex, para. 2",
        "annex; para. 2",
    ),
    ("A/RES/59/284 B section III", "un:A/RES/59/284B", "A/RES/59/284 B section III", "sect. III"),
    ("A/RES/59/284 B para. 4", "un:A/RES/59/284B", "A/RES/59/284 B para. 4", "para. 4"),
    ("A/RES/59/284 B's annex", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284 B\u2019s annex", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284 B (2004)", "un:A/RES/59/284B", "A/RES/59/284 B (2004)", ""),
    ("A/RES/59/284 B\nof 23 December 2004", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    ("A/RES/59/284 B\n\nNext", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    # negative rows: the capital is a word, a list, the next sentence or another series'
    ("A/RES/59/284 Building of", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("In A/RES/59/284 I annexed", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 A offered", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 I of 23 December 2004", "un:A/RES/59/284I", "A/RES/59/284 I", ""),
    ("A/RES/59/284 I, para. 3", "un:A/RES/59/284I", "A/RES/59/284 I, para. 3", "para. 3"),
    # "I" is also the pronoun: a section only before punctuation, a pinpoint or "of" + a date
    ("A/RES/59/284 I of", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("In A/RES/59/284 I and my colleagues found", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("In A/RES/59/284 I adopted a new approach", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("as stated in A/RES/59/284 I of course", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 I\nThink", "un:A/RES/59/284", "A/RES/59/284", ""),
    # "A" is also the article: a capital word on the next line goes on the sentence
    ("A/RES/59/284 A\nNumber of States rose.", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 A\n\nNext", "un:A/RES/59/284A", "A/RES/59/284 A", ""),
    ("A/RES/59/284 B\nNumber of States", "un:A/RES/59/284B", "A/RES/59/284 B", ""),
    # GA resolutions have no addenda: "and Add.1" closes no section and adds no addendum
    ("A/RES/59/284 A and Add.1", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 A and Corr.1", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("Following A/RES/59/284 A\nnumber of States", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("in A/RES/59/284 I\nthink", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/RES/59/284 Building on it", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("In A/RES/59/284 I found it", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("See A/RES/59/284.\nB. The next heading", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("See A/RES/59/284. B is next", "un:A/RES/59/284", "A/RES/59/284", ""),
    ("A/HRC/41/35 A.", "un:A/HRC/41/35", "A/HRC/41/35", ""),
    ("A/HRC/RES/17/4 B.", "un:A/HRC/RES/17/4", "A/HRC/RES/17/4", ""),
    ("E/RES/1990/4 B.", "un:E/RES/1990/4", "E/RES/1990/4", ""),
    ("A/59/284 B.", "un:A/59/284", "A/59/284", ""),
    ("A/51/40 (Vol. I) B.", "un:A/51/40(Vol.I)", "A/51/40 (Vol. I)", ""),
    ("A/RES/217 A (III)", "un:A/RES/217(III)", "A/RES/217 A (III)", ""),
]


@pytest.mark.parametrize(("text", "ident", "cited", "pinpoint"), SECTIONS)
def test_section_letter_after_a_symbol(text: str, ident: str, cited: str, pinpoint: str) -> None:
    first = citecheck.extract(text)[0]
    assert (first.id, first.text, str(first.pinpoint)) == (ident, cited, pinpoint)


@pytest.mark.parametrize("text", ["See A/RES/59/284 B.", "See resolution 59/284 B."])
def test_symbol_and_prose_name_the_same_section(text: str) -> None:
    assert [c.id for c in citecheck.extract(text)] == ["un:A/RES/59/284B"]


@pytest.mark.parametrize(
    ("symbol", "prose", "ident"),
    [
        (
            "A/RES/54/260 B of 15 June 2000",
            "resolution 54/260 B of 15 June 2000",
            "un:A/RES/54/260B",
        ),
        ("A/RES/54/260 B and A/RES/54/261", "resolution 54/260 B and 54/261", "un:A/RES/54/260B"),
        ("A/RES/59/284 B's annex", "resolution 59/284 B's annex", "un:A/RES/59/284B"),
        ("A/RES/59/284 B para. 2", "resolution 59/284 B para. 2", "un:A/RES/59/284B"),
        ("A/RES/59/284 A, I think", "resolution 59/284 A, I think", "un:A/RES/59/284A"),
        ("In A/RES/59/284 I and my", "In resolution 59/284 I and my", "un:A/RES/59/284"),
        ("In A/RES/59/284 I adopted", "In resolution 59/284 I adopted", "un:A/RES/59/284"),
        ("A/RES/59/284 I of course", "resolution 59/284 I of course", "un:A/RES/59/284"),
        ("A/RES/59/284 I of 1 May 2005", "resolution 59/284 I of 1 May 2005", "un:A/RES/59/284I"),
        ("A/RES/59/284 A and Add.1", "resolution 59/284 A and Add.1", "un:A/RES/59/284"),
        (
            "A/RES/59/284 B\nNumber of States",
            "resolution 59/284 B\nNumber of States",
            "un:A/RES/59/284B",
        ),
        ("A/RES/59/284 C\n\nNext", "resolution 59/284 C\n\nNext", "un:A/RES/59/284C"),
    ],
)
def test_symbol_and_prose_agree(symbol: str, prose: str, ident: str) -> None:
    assert citecheck.extract(symbol)[0].id == citecheck.extract(prose)[0].id == ident


def test_a_year_after_a_section_is_deleted_and_the_section_kept() -> None:
    text = "A/RES/59/284 B (2004)"
    (finding,) = citecheck.check(text).findings
    assert finding.code == "UN106" and finding.id == "un:A/RES/59/284B"
    assert finding.fix is not None
    fixed = text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]
    assert fixed == "A/RES/59/284 B"


# A list of sections cites each section, every one on the span of the whole list (as a range
# of symbols does): (text, ids, the text of each citation)
SECTION_LISTS: list[tuple[str, list[str], str]] = [
    ("See A/RES/59/284 A and B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"], "A/RES/59/284 A and B"),
    ("resolutions 59/284 A and B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "resolutions 59/284 A and B"),
    ("A/RES/59/284 A and B of 2004.", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "A/RES/59/284 A and B"),
    ("A/RES/59/284 A, B and C.", ["un:A/RES/59/284A", "un:A/RES/59/284B", "un:A/RES/59/284C"],
     "A/RES/59/284 A, B and C"),
    ("resolutions 59/284 A, B and C.",
     ["un:A/RES/59/284A", "un:A/RES/59/284B", "un:A/RES/59/284C"],
     "resolutions 59/284 A, B and C"),
    ("A/RES/59/284 A, B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"], "A/RES/59/284 A, B"),
    ("A/RES/59/284 A,B", ["un:A/RES/59/284A", "un:A/RES/59/284B"], "A/RES/59/284 A,B"),
    ("A/RES/59/284 A to C.", ["un:A/RES/59/284A", "un:A/RES/59/284B", "un:A/RES/59/284C"],
     "A/RES/59/284 A to C"),
    ("resolutions 59/284 A to C;", ["un:A/RES/59/284A", "un:A/RES/59/284B", "un:A/RES/59/284C"],
     "resolutions 59/284 A to C"),
    # hard-wrapped
    ("resolutions A/RES/59/284 A and\nB of 2004", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "A/RES/59/284 A and\nB"),
    ("resolutions 59/284 A,\nB and C", ["un:A/RES/59/284A", "un:A/RES/59/284B",
     "un:A/RES/59/284C"], "resolutions 59/284 A,\nB and C"),
    ("A/RES/59/284 A and B (2004)", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "A/RES/59/284 A and B"),
    ("A/RES/ES-10/2 A and B.", ["un:A/RES/ES-10/2A", "un:A/RES/ES-10/2B"],
     "A/RES/ES-10/2 A and B"),
    # French, Spanish, German joining words
    ("Voir la résolution 59/284 A et B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "résolution 59/284 A et B"),
    ("Voir A/RES/59/284 A et B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"], "A/RES/59/284 A et B"),
    ("Véase la resolución 59/284 A y B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "resolución 59/284 A y B"),
    ("Siehe Resolution 59/284 A und B.", ["un:A/RES/59/284A", "un:A/RES/59/284B"],
     "Resolution 59/284 A und B"),
    # negative rows: no list of sections
    ("In A/RES/59/284 I and my colleagues found", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("In resolution 59/284 I and my colleagues", ["un:A/RES/59/284"], "resolution 59/284"),
    ("A/RES/59/284 A, I think", ["un:A/RES/59/284A"], "A/RES/59/284 A"),
    ("resolution 59/284 A and Add.1", ["un:A/RES/59/284"], "resolution 59/284"),
    ("A/RES/59/284 A and Add.1", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("A/RES/59/284 A and Brazil", ["un:A/RES/59/284A"], "A/RES/59/284 A"),
    ("A/RES/59/284 A or B.", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("A/RES/59/284 A AND B.", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("See A/RES/59/284.\nA and B are next", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("A/RES/59/284 A and B\nnumber of States", ["un:A/RES/59/284"], "A/RES/59/284"),
    ("A/HRC/RES/17/4 A and B.", ["un:A/HRC/RES/17/4"], "A/HRC/RES/17/4"),
    ("A/59/284 A and B.", ["un:A/59/284"], "A/59/284"),
    ("Resolution 59/284 A und B der Generalversammlung", ["un:A/RES/59/284"], "Resolution 59/284"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ids", "cited"), SECTION_LISTS)
def test_a_list_of_sections_cites_each_section(text: str, ids: list[str], cited: str) -> None:
    found = citecheck.extract(text)
    assert [c.id for c in found] == ids
    assert {c.text for c in found} == {cited}


def test_a_pinpoint_after_a_list_of_sections_is_each_sections() -> None:
    found = citecheck.extract("A/RES/59/284 A to C, para. 2")
    assert [(c.id, str(c.pinpoint)) for c in found] == [
        ("un:A/RES/59/284A", "para. 2"),
        ("un:A/RES/59/284B", "para. 2"),
        ("un:A/RES/59/284C", "para. 2"),
    ]


def test_spaced_section_is_the_uns_own_style_not_a_non_canonical_form() -> None:
    assert [f.code for f in citecheck.check("See A/RES/59/284 B.").findings] == []
    lower = citecheck.check("See a/res/59/284 B.")
    assert [(f.code, f.fix.replacement if f.fix else None) for f in lower.findings] == [
        ("UN102", "A/RES/59/284 B")
    ]


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("See a/res/59/284 B, para. 3.", "A/RES/59/284 B"),
        ("See a/res/59/284\u00a0B;", "A/RES/59/284\u00a0B"),
    ],
)
def test_the_case_fix_keeps_the_authors_space_before_a_section(text: str, replacement: str) -> None:
    (finding,) = citecheck.check(text).findings
    assert finding.code == "UN102" and finding.fix is not None
    assert finding.fix.replacement == replacement


@pytest.mark.parametrize("text", ["A/RES/99/284 B.", "A/RES/99/284B."])
def test_a_sectioned_symbol_is_checked_like_any_ga_resolution(text: str) -> None:
    assert [f.code for f in citecheck.check(text).findings] == ["UN104"]


@pytest.mark.parametrize("written", ["A/RES/59/284 B", "A/RES/59/284B"])
def test_parts_of_a_section(written: str) -> None:
    sym = parse_symbol(written)
    assert sym is not None
    assert (sym.canonical, sym.session, sym.number, sym.part, sym.doc_type) == (
        "A/RES/59/284B",
        "59",
        "284",
        "B",
        "RES",
    )


def test_no_section_outside_ga_resolutions_and_decisions() -> None:
    assert parse_symbol("A/HRC/41/35 A") is None
    assert parse_symbol("A/RES/59/284") is not None and parse_symbol("A/RES/59/284").part is None


@pytest.mark.parametrize(
    ("catalogued", "canonical"),
    [
        ("A/RES/59/284 A", "A/RES/59/284A"),
        ("A/RES/59/284A", "A/RES/59/284A"),
        ("A/DEC/31/406 E", "A/DEC/31/406E"),
        ("A/RES/217 A (III)", "A/RES/217(III)"),
    ],
)
def test_index_and_text_spell_a_section_alike(catalogued: str, canonical: str) -> None:
    """The harvester stores 191 symbols as the text's ids are written, so they meet."""
    assert canonical_symbol(catalogued) == canonical
    assert citecheck.extract(catalogued)[0].id == f"un:{canonical}"


@pytest.mark.parametrize(
    "text",
    ["A/RES/59/284 A and Add.1", "A/RES/59/284 A and Corr.1", "resolution 59/284 A and Add.1"],
)
def test_no_addendum_is_made_of_a_section_list(text: str) -> None:
    """GA resolutions have no addenda: "A and Add.1" names the resolution once, no addendum."""
    assert [c.id for c in citecheck.extract(text)] == ["un:A/RES/59/284"]


def test_the_section_joining_words_are_the_lexicons() -> None:
    """Each language's table names the word that joins section letters; "or" joins none."""
    assert {lang: load(lang).section_list_words for lang in ("en", "fr", "es", "de")} == {
        "en": ("and",),
        "fr": ("et",),
        "es": ("y",),
        "de": ("und",),
    }
    assert [c.id for c in citecheck.extract("resolutions 59/284 A or B.")] == ["un:A/RES/59/284"]
