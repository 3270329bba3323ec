"""Short forms at their boundaries: which citation ``Ibid.``, ``supra``, "précité", "that
Directive" or "the Convention" stands for when notes restart, numbers skip, a definition
follows no act, or a mention lies just within or just beyond reach.

Each test states what a reader of the passage would say the short form cites.
"""

from __future__ import annotations

import pytest

import citecheck
from citecheck.model import Citation


def _cited(text: str) -> list[tuple[str, str]]:
    """(id, pinpoint) of every citation, in order."""
    return [(c.id, str(c.pinpoint)) for c in citecheck.extract(text)]


def _last(text: str) -> Citation:
    return citecheck.extract(text)[-1]


def _codes(text: str) -> list[str]:
    return [f.code for f in citecheck.check(text).findings]


# --- Ibid. in notes ---------------------------------------------------------------------


def test_ibid_in_a_note_numbered_1_of_a_second_series_has_nothing_to_repeat() -> None:
    """Footnotes, then endnotes numbered from 1 again: the second note 1 opens a series."""
    text = "<sup>1</sup> A/HRC/41/35, para. 2.\n\n<sup>1</sup> Ibid., para. 5.\n"
    ibid = _last(text)
    assert (ibid.id, ibid.antecedent) == ("", None)
    assert _codes(text) == ["SF101"]


@pytest.mark.parametrize(
    ("number", "repeats_body"),
    [
        (1, False),
        (3, False),  # notes 1-2 lost in extraction: still the text's first note
        (4, True),  # the notes before it lie before the text: the body citation is repeated
    ],
)
def test_ibid_in_the_texts_first_note_by_its_number(number: int, repeats_body: bool) -> None:
    text = f"Body A/HRC/41/35.\n\n<sup>{number}</sup> Ibid., para. 5.\n"
    ibid = _last(text)
    assert (ibid.id, ibid.antecedent) == (
        ("un:A/HRC/41/35", 0) if repeats_body else ("", None)
    )
    assert _codes(text) == ([] if repeats_body else ["SF101"])


def test_ibid_in_a_first_note_after_the_text_repeats_the_last_citation_before_it() -> None:
    """What precedes note 4 is the body's ``Ibid., para. 9``: its pinpoint is repeated."""
    text = "Body A/HRC/41/35, para. 4. Ibid., para. 9.\n\n<sup>4</sup> Ibid.\n"
    ibid = _last(text)
    assert (ibid.id, str(ibid.pinpoint), ibid.antecedent, ibid.ambiguous) == (
        "un:A/HRC/41/35",
        "para. 9",
        0,
        False,
    )


def test_ibid_in_a_first_note_after_a_body_citing_nothing_is_unknown() -> None:
    text = "Body text.\n\n<sup>4</sup> Ibid.\n"
    [finding] = citecheck.check(text).findings
    start = text.index("Ibid.")
    assert (finding.code, finding.start, finding.end) == ("SF104", start, start + len("Ibid."))
    assert finding.message == "'Ibid.' points back to nothing citecheck recognises"


def test_unknown_antecedent_finding_names_and_spans_the_short_form() -> None:
    text = "J. Smith, A Book (2001), p. 4. Ibid., para. 5."
    [finding] = citecheck.check(text).findings
    start = text.index("Ibid.")
    assert (finding.code, finding.start, finding.end) == ("SF104", start, len(text) - 1)
    assert finding.message == "'Ibid., para. 5' points back to nothing citecheck recognises"


@pytest.mark.parametrize(
    "text",
    [
        # in its own note, after one citation
        "<sup>1</sup> A/HRC/41/35, para. 4; ibid., para. 5.\n",
        # the preceding note cites one document
        "<sup>1</sup> A/HRC/41/35, para. 4.\n\n<sup>2</sup> Ibid., para. 5.\n",
        # in the body
        "A/HRC/41/35, para. 4. Ibid., para. 5.",
    ],
)
def test_ibid_after_one_document_is_not_ambiguous(text: str) -> None:
    ibid = _last(text)
    assert (ibid.id, str(ibid.pinpoint), ibid.ambiguous) == ("un:A/HRC/41/35", "para. 5", False)
    assert ibid.to_json()["ambiguous"] is False
    assert _codes(text) == []


# --- Notes after a "Notes" heading ------------------------------------------------------


@pytest.mark.parametrize(
    ("notes", "ambiguous"),
    [
        # a page number alone on its line does not open a note: Ibid. is in note 1
        ("1 A/HRC/41/35; A/HRC/38/35, para. 4.\n45\nIbid., para. 6.\n", False),
        # notes 2 and 3 lost: "4" still opens a note, so Ibid. follows note 1 (two documents)
        ("1 A/HRC/41/35; A/HRC/38/35.\n4 Ibid., para. 6.\n", True),
        # four numbers skipped without a run after them: "5" is a wrapped line, not a note
        ("1 A/HRC/41/35; A/HRC/38/35.\n5 Ibid., para. 6.\n", False),
        # a wrapped line starting with the note's own number, then note 3
        (
            "1 A/HRC/41/35.\n2 A/HRC/40/1; A/HRC/38/35, annex, chapter\n"
            "2 and ibid., para. 6.\n3 A/HRC/36/1.\n",
            False,
        ),
    ],
)
def test_which_numbered_lines_open_a_note(notes: str, ambiguous: bool) -> None:
    text = "Report.\n\nNotes\n" + notes
    ibid = next(c for c in citecheck.extract(text) if c.text.lower().startswith("ibid"))
    assert (ibid.id, ibid.ambiguous) == ("un:A/HRC/38/35", ambiguous)
    assert _codes(text) == (["SF102"] if ambiguous else [])


def test_numbers_lower_than_the_last_note_do_not_open_notes() -> None:
    """A numbered list inside note 5 ("2 that ...", "3 ...") stays in note 5."""
    text = (
        "Report.\n\nNotes\n1 A/HRC/41/35.\n2 A/HRC/40/1.\n3 A/HRC/39/1.\n4 A/HRC/38/1.\n"
        "5 A/HRC/37/3; A/HRC/36/1, which recommends\n2 that States act, and\n"
        "3 Ibid., para. 7.\n"
    )
    ibid = _last(text)
    assert (ibid.id, str(ibid.pinpoint), ibid.ambiguous) == ("un:A/HRC/36/1", "para. 7", False)
    assert _codes(text) == []


def test_numbered_paragraphs_before_the_notes_heading_are_not_notes() -> None:
    text = (
        "1. The Committee recalls A/HRC/41/35 and A/HRC/38/35.\n2. Ibid., para. 3.\n\n"
        "Notes\n1 A/HRC/1/1.\n"
    )
    ibid = citecheck.extract(text)[2]
    assert (ibid.id, ibid.antecedent, ibid.ambiguous) == ("un:A/HRC/38/35", 1, False)
    assert _codes(text) == []


def test_a_notes_heading_as_the_last_line_is_harmless() -> None:
    text = "See A/HRC/41/35. Ibid., para. 2.\n\nNotes"
    assert _cited(text) == [("un:A/HRC/41/35", ""), ("un:A/HRC/41/35", "para. 2")]
    assert _codes(text) == []


# --- "cited above" (précité, citado) ----------------------------------------------------


def test_cited_above_with_nothing_before_it_is_dropped() -> None:
    result = citecheck.check("Comme le rappelle l'arrêt précité, la Cour a jugé.")
    assert (result.citations, result.findings) == ((), ())


def test_cited_above_joins_the_citation_and_repeats_the_earlier_one() -> None:
    text = (
        "Voir l'observation générale no 34 (CCPR/C/GC/34). "
        "L'observation générale CCPR/C/GC/34 précitée, par. 7, le confirme."
    )
    repeat = _last(text)
    assert repeat.text == "CCPR/C/GC/34 précitée, par. 7"
    assert text[repeat.start : repeat.end] == repeat.text
    assert (repeat.id, str(repeat.pinpoint), repeat.short_form, repeat.antecedent) == (
        "un:CCPR/C/GC/34",
        "para. 7",
        True,
        1,
    )


def test_cited_above_without_its_own_pinpoint_keeps_the_citations() -> None:
    text = "Voir CCPR/C/GC/34, par. 5 précitée."
    [cit] = citecheck.extract(text)
    assert (cit.text, str(cit.pinpoint), cit.short_form) == (
        "CCPR/C/GC/34, par. 5 précitée",
        "para. 5",
        False,
    )
    assert cit.end == text.index(".", text.index("précitée"))


# --- EU back-references and definitions --------------------------------------------------


def test_that_directive_after_a_definition_of_the_directive_is_the_defined_act() -> None:
    text = (
        "Directive 2002/21/EC (hereinafter 'the Directive') applies. "
        "Article 3 of that Directive requires it. Under the Directive, more."
    )
    assert _cited(text) == [
        ("celex:32002L0021", ""),
        ("celex:32002L0021", "art. 3"),
        ("celex:32002L0021", ""),
    ]


def test_a_definition_of_the_directive_after_no_act_of_its_sentence_unbinds_it() -> None:
    """The directive of the previous sentence is not what 'the Directive' now names."""
    text = (
        "Directive 2002/21/EC applies. The Member State adopted its own rules on access "
        "(hereinafter 'the Directive'). Article 3 of that Directive requires it. "
        "Under the Directive, more."
    )
    assert _cited(text) == [("celex:32002L0021", "")]


def test_an_acronym_defined_after_a_judgment_does_not_name_the_act_before_it() -> None:
    text = (
        "Directive 95/46/EC, as interpreted in Case C-131/12 ('GS'), applies. "
        "Article 5 of the GS requires it."
    )
    assert [c.id for c in citecheck.extract(text)] == ["celex:31995L0046", "case:C-131/12"]
