"""Short forms at their boundaries: which citation ``Ibid.``, ``supra``, "précité", "that
Directive" or "the Convention" stands for when notes restart, numbers skip, a definition
follows no act, or a mention lies just within or just beyond reach.

Each test states what a reader of the passage would say the short form cites.
"""

from __future__ import annotations

import io

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
    assert (ibid.id, ibid.antecedent) == (("un:A/HRC/41/35", 0) if repeats_body else ("", None))
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


@pytest.mark.parametrize(
    "text",
    [
        # caret notes, the first at the text's start
        "^1 A/HRC/41/35; A/HRC/38/35.\n\n^2 Ibid., para. 5.\n",
        # caret notes after a line of text, no blank line between them
        "Text.\n^1 A/HRC/41/35; A/HRC/38/35.\n^2 Ibid., para. 5.\n",
        # Markdown notes, the first at the text's start
        "[^1]: A/HRC/41/35; A/HRC/38/35.\n\n[^2]: Ibid., para. 5.\n",
        # an excerpt cut after an opening bracket
        "^1 A/HRC/41/35; A/HRC/38/35.\n\n^2 Ibid., para. 5. See [",
    ],
)
def test_ibid_follows_a_marked_note_citing_two_documents(text: str) -> None:
    ibid = _last(text)
    assert (ibid.text, ibid.id, ibid.ambiguous) == ("Ibid., para. 5", "un:A/HRC/38/35", True)
    assert _codes(text) == ["SF102"]


@pytest.mark.parametrize(
    ("before", "indent"),
    [("", " "), ("Text.\n", " "), ("Text.\n", "  "), ("Text.\n", "\t"), ("Text.\n", " \t ")],
)
def test_an_indented_note_mark_opens_a_note(before: str, indent: str) -> None:
    text = (
        f"{before}{indent}<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\n\n"
        f"{indent}<sup>2</sup> Ibid., para. 5.\n"
    )
    assert (_last(text).ambiguous, _codes(text)) == (True, ["SF102"])


def test_a_mark_glued_to_a_word_at_a_line_start_is_a_reference_mark() -> None:
    """ "X<sup>2</sup>" (a chapter numeral with its note mark) does not open note 2."""
    text = "<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\nX<sup>2</sup> Ibid., para. 5.\n"
    assert (_last(text).ambiguous, _codes(text)) == (False, [])


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "[1]"])
@pytest.mark.parametrize("end", ["\n", " "])
def test_a_marked_or_bracketed_note_ends_at_its_paragraph(mark: str, end: str) -> None:
    """Text after the first note's blank line is body text: "Ibid." there follows no note
    (the text's first note cites a book) and nothing citecheck knows."""
    text = f"{mark} J. Smith, A Book (2001), p. 4.\n\nThe Committee agrees. Ibid., para. 5."
    assert _codes(text + end) == ["SF104"]
    assert _codes(text + "\n\nMore text." + end) == ["SF104"]  # the first blank line ends it


def test_a_one_letter_word_glued_to_a_mark_at_the_texts_start_is_no_note() -> None:
    """ "I<sup>1</sup>" (a heading numeral with its mark) opens no note: note 2 is the text's
    first, and its "Ibid." has nothing to repeat."""
    text = "I<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\n<sup>2</sup> Ibid., para. 5.\n"
    assert (_last(text).id, _codes(text)) == ("", ["SF101"])


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [
        # footnotes [11], [12] and endnotes [e4], [e5] are numbered apart
        (
            "[11] A/HRC/40/1.\n[12] A/HRC/39/1.\n[e4] A/HRC/41/35; A/HRC/38/35.\n"
            "[e5] Ibid., para. 5.\n",
            True,
        ),
        # "[45]" out of sequence (a paragraph number quoted in note 1) opens no note
        ("[1] A/HRC/41/35; A/HRC/38/35.\n[45] Ibid., para. 5.\n", False),
    ],
)
def test_which_bracketed_numbers_open_a_note(text: str, ambiguous: bool) -> None:
    ibid = _last(text)
    assert (ibid.text, ibid.id, ibid.ambiguous) == ("Ibid., para. 5", "un:A/HRC/38/35", ambiguous)
    assert _codes(text) == (["SF102"] if ambiguous else [])


def test_ibid_after_a_note_ending_in_ibid_points_to_the_citation_in_full() -> None:
    """The repeated "ibid., para. 5" gives its pinpoint; the antecedent is the citation."""
    text = "[^1]: A/HRC/41/35, para. 4; ibid., para. 5.\n\n[^2]: Ibid.\n"
    result = citecheck.check(text)
    ibid = result.citations[-1]
    assert (ibid.id, str(ibid.pinpoint), ibid.antecedent) == ("un:A/HRC/41/35", "para. 5", 0)
    assert result.antecedent(ibid) == result.citations[0]


def test_supra_note_skips_a_short_form_opening_that_note() -> None:
    text = "[^1]: A/HRC/41/35.\n\n[^2]: Ibid., para. 3; A/HRC/38/35.\n\n[^3]: See supra note 2.\n"
    supra = _last(text)
    assert (supra.text, supra.id, supra.antecedent) == ("supra note 2", "un:A/HRC/38/35", 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ibid., para. 5.", "SF101"),
        ("  Ibid., para. 5.", "SF101"),  # only blanks before it: an error
        ("(Ibid., para. 5).", "SF104"),  # text before it, none citecheck knows
        (" (Ibid., para. 5).", "SF104"),
    ],
)
def test_a_short_form_with_only_blanks_before_it_is_an_error(text: str, code: str) -> None:
    assert _codes(text) == [code]


@pytest.mark.parametrize("text", ["", " \n\t "])
def test_an_empty_or_blank_text_has_no_short_forms(text: str) -> None:
    result = citecheck.check(text)
    assert (result.citations, result.findings) == ((), ())


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
        # pdftotext endnotes: "2" alone on its line, its text after a blank line
        ("1 A/HRC/41/35; A/HRC/38/35.\n\n2\n\nIbid., para. 6.\n", True),
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


def test_a_notes_heading_after_a_blank_first_line() -> None:
    text = "\nNotes\n1 A/HRC/41/35; A/HRC/38/35.\n2 Ibid., para. 5.\n"
    assert (_last(text).ambiguous, _codes(text)) == (True, ["SF102"])


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
        "L'observation générale CCPR/C/GC/34 précitée, par. 7, le confirme. "
        "Voir aussi A/HRC/41/35."
    )
    *_, repeat, after = citecheck.extract(text)
    assert after.id == "un:A/HRC/41/35"
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


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # an act inside the definition's own bracket is not what the definition names
        (
            "Directive 2009/136/EC (amending Directive 2002/22/EC; 'the Second Directive') "
            "applies. Article 2 of the Second Directive requires it.",
            ["celex:32009L0136", "celex:32002L0022", "celex:32009L0136"],
        ),
        # no space before the bracket: the act still precedes it
        (
            "Directive 2009/136/EC('the Second Directive') applies. "
            "Article 2 of the Second Directive requires it.",
            ["celex:32009L0136", "celex:32009L0136"],
        ),
    ],
)
def test_a_definition_names_the_act_before_its_bracket(text: str, ids: list[str]) -> None:
    assert [c.id for c in citecheck.extract(text)] == ids


@pytest.mark.parametrize(("between", "bound"), [(7, True), (8, False)])
def test_a_definition_reaches_back_over_at_most_seven_other_acts(between: int, bound: bool) -> None:
    """The last eight EU acts cited are candidates: a long list of regulations between a
    directive and its definition hides it."""
    numbers = [f"2015/{i}" for i in range(1, between + 1)]
    text = (
        f"Directive 2002/21/EC and Regulations (EU) {', '.join(numbers[:-1])} and "
        f"{numbers[-1]} ('the Framework Directive'). Article 5 of the Framework Directive "
        "requires it."
    )
    uses = [c.id for c in citecheck.extract(text) if c.text.startswith("Article 5")]
    assert uses == (["celex:32002L0021"] if bound else [])


# Words chosen for their lengths: the title word ("repealing", "amended ... by") starts 40
# or 41 code points before the act.
_WITHIN_40 = "comprehensively retroactively"
_BEYOND_40 = "comprehensively simultaneously"


@pytest.mark.parametrize(
    ("words", "named"),
    [(_WITHIN_40, "celex:32016R0679"), (_BEYOND_40, "celex:31995L0046")],
)
def test_an_act_in_the_title_before_an_acronym_is_looked_for_40_back(
    words: str, named: str
) -> None:
    """ "..., and repealing Directive 95/46/EC ('the GDPR')": the GDPR is the regulation."""
    text = (
        f"Regulation (EU) 2016/679 on data protection, and repealing {words} "
        "Directive 95/46/EC ('the GDPR'). Article 5 of the GDPR requires it."
    )
    use = _last(text)
    assert (use.text, use.id, str(use.pinpoint)) == ("Article 5 of the GDPR", named, "art. 5")


@pytest.mark.parametrize(
    ("words", "named"),
    [
        ("comprehensively subsequently", "celex:32002L0021"),
        ("comprehensively retroactively", "celex:32009L0140"),
    ],
)
def test_an_amending_act_before_a_definition_is_looked_for_40_back(words: str, named: str) -> None:
    """ "Directive 2002/21, as amended by Directive 2009/140 ('the Framework Directive')"
    names the act amended."""
    text = (
        f"Directive 2002/21/EC, as amended {words} by Directive 2009/140/EC "
        "('the Framework Directive'). Article 5 of the Framework Directive requires it."
    )
    assert _last(text).id == named


@pytest.mark.parametrize(
    "text",
    [
        "repealing Directive 95/46/EC ('the GDPR'). Article 5 of the GDPR requires it.",
        "amended by Directive 2009/140/EC ('the Framework Directive'). "
        "Article 5 of the Framework Directive requires it.",
    ],
)
def test_a_title_word_at_the_very_start_of_the_text_counts(text: str) -> None:
    """An excerpt that starts in a title: the act is the one repealed or amending."""
    assert len(citecheck.extract(text)) == 1


# --- back-references in notes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("note_2", "repeated"),
    [
        ("See Article 5 of that Regulation.", "celex:32016R0679"),
        ("See the Regulation on roaming.", ""),  # another regulation, not cited
        ("National law (hereinafter 'the Regulation').", ""),  # a definition cites nothing
    ],
)
def test_ibid_after_a_note_holding_only_a_back_reference(note_2: str, repeated: str) -> None:
    text = f"[^1]: Regulation (EU) 2016/679.\n\n[^2]: {note_2}\n\n[^3]: Ibid., art. 4.\n"
    ibid = _last(text)
    assert (ibid.text, ibid.id) == ("Ibid., art. 4", repeated)
    assert _codes(text) == ([] if repeated else ["SF104"])


def test_ibid_after_a_note_whose_back_reference_names_no_act() -> None:
    text = "[^1]: A/HRC/41/35.\n\n[^2]: See Article 5 of that Regulation.\n\n[^3]: Ibid., art. 4.\n"
    assert (_last(text).id, _codes(text)) == ("", ["SF104"])


def test_ibid_without_pinpoint_after_a_back_reference_takes_its_article() -> None:
    text = (
        "[^1]: Regulation (EU) 2016/679.\n\n[^2]: See Article 5 of that Regulation.\n\n"
        "[^3]: Ibid.\n"
    )
    ibid = _last(text)
    assert (ibid.text, ibid.id, str(ibid.pinpoint)) == ("Ibid.", "celex:32016R0679", "art. 5")


def test_ibid_after_a_note_citing_a_document_and_a_back_reference_names_both() -> None:
    text = (
        "[^1]: Regulation (EU) 2016/679.\n\n[^2]: A/HRC/41/35.\n\n"
        "[^3]: A/HRC/40/1; Article 5 of that Regulation.\n\n[^4]: Ibid.\n"
    )
    [finding] = citecheck.check(text).findings
    assert (finding.code, finding.message) == (
        "SF102",
        "'Ibid.' follows footnote 3, which cites 2 documents (celex:32016R0679, un:A/HRC/40/1)",
    )


def test_supra_note_repeats_the_notes_first_full_citation_not_a_back_reference() -> None:
    text = (
        "Regulation (EU) 2016/679 applies.\n\n"
        "[^1]: Article 5 of that Regulation; A/HRC/41/35.\n\n[^2]: See supra note 1, para. 3.\n"
    )
    supra = _last(text)
    assert (supra.text, supra.id, str(supra.pinpoint)) == (
        "supra note 1, para. 3",
        "un:A/HRC/41/35",
        "para. 3",
    )


@pytest.mark.parametrize(
    ("body", "repeated"),
    [
        # a back-reference is the last citation before the notes: its article is repeated
        (
            "Regulation (EU) 2016/679 applies. See Article 5 of that Regulation.",
            ("celex:32016R0679", "art. 5"),
        ),
        # neither a short form that points back to nothing nor another regulation's title
        (
            "See A/HRC/41/35, para. 4, and supra note 7. The Regulation on roaming applies.",
            ("un:A/HRC/41/35", "para. 4"),
        ),
    ],
)
def test_ibid_in_a_first_note_numbered_4_repeats_the_bodys_last_citation(
    body: str, repeated: tuple[str, str]
) -> None:
    ibid = _last(body + "\n\n<sup>4</sup> Ibid.\n")
    assert (ibid.text, ibid.id, str(ibid.pinpoint)) == ("Ibid.", *repeated)


@pytest.mark.parametrize(
    ("between", "resolved"),
    [
        ("The Council recalls it.", True),
        # the nearest decision is the UN one now, not the EU decision before it
        ("Human Rights Council decision 2/102 recalls it.", False),
    ],
)
def test_that_decision_after_a_un_decision(between: str, resolved: bool) -> None:
    text = (
        f"Commission Decision 2013/755/EU applies. {between} "
        "Under paragraph 3 of that decision, States act."
    )
    uses = [c.id for c in citecheck.extract(text) if "that decision" in c.text]
    assert uses == (["celex:32013D0755"] if resolved else [])


@pytest.mark.parametrize(
    ("act", "ambiguous"),
    [("Council Decision 2010/413", True), ("Commission Decision 2013/755/EU", False)],
)
def test_a_back_reference_is_as_ambiguous_as_its_act(act: str, ambiguous: bool) -> None:
    """A decision without its domain may be EU or CFSP: so is "that Decision"."""
    use = _last(f"{act} applies. Article 2 of that Decision requires it.")
    assert use.text == "Article 2 of that Decision"
    assert use.to_json()["ambiguous"] is ambiguous


# --- instruments by their short name -----------------------------------------------------


@pytest.mark.parametrize(("gap", "found"), [(2999, True), (3000, True), (3001, False)])
def test_a_bare_short_name_reaches_3000_back_to_its_instrument(gap: int, found: bool) -> None:
    head = "The State ratified the Convention against Torture"
    filler = ". The State party reported progress on many matters" * 70
    text = head + filler[: gap - 6] + ". The Convention requires it."
    assert text.rindex("Convention") - len(head) == gap
    later = citecheck.extract(text)[1:]
    assert [(c.id, c.text, c.antecedent) for c in later] == (
        [("instrument:cat", "Convention", 0)] if found else []
    )


def test_a_bare_short_name_carries_the_instruments_parse() -> None:
    text = "The Convention against Torture applies. The Convention requires States to act."
    bare = _last(text)
    assert (bare.id, bare.short_form, bare.antecedent) == ("instrument:cat", True, 0)
    assert (bare.parts.slug, bare.parts.resolved_by) == ("cat", "short")


@pytest.mark.parametrize(
    "first",
    [
        "The State ratified the ICCPR in 2002.",  # by its abbreviation
        "The State ratified the International Covenant on Civil and Political Rights.",
    ],
)
def test_a_bare_short_name_after_its_instrument_cited_by_abbreviation_or_name(
    first: str,
) -> None:
    bare = _last(first + " The Covenant requires States to act.")
    assert (bare.id, bare.text, bare.short_form, bare.antecedent) == (
        "instrument:iccpr",
        "Covenant",
        True,
        0,
    )


# --- streamed texts: what earlier windows cited ------------------------------------------

_FILLER = "The State party reported progress on many matters. " * 20  # 1,040 code points


def _streamed(text: str) -> list[tuple[str, str, bool, int | None]]:
    from citecheck.stream import extract_text

    cits = extract_text(text, window=1600, overlap=200)
    return [(c.id, c.text, c.short_form, c.antecedent) for c in cits]


@pytest.mark.parametrize(
    ("later", "cited"),
    [
        (
            "Article 17 of the Covenant protects privacy. ",
            ("Article 17 of the Covenant", "art. 17"),
        ),
        ("The Covenant requires it. ", ("Covenant", "")),
    ],
)
def test_an_instruments_short_name_windows_later_points_back(
    later: str, cited: tuple[str, str]
) -> None:
    text = (
        "Article 2 of the International Covenant on Civil and Political Rights applies. "
        + _FILLER * 2
        + later
        + _FILLER
    )
    whole = citecheck.extract(text)
    assert [(c.id, c.text, str(c.pinpoint), c.short_form, c.antecedent) for c in whole[1:]] == [
        ("instrument:iccpr", *cited, True, 0)
    ]
    assert _streamed(text) == [(c.id, c.text, c.short_form, c.antecedent) for c in whole]


@pytest.mark.parametrize(
    ("between", "resolved"),
    [("See the report. ", True), ("See the Regulation on roaming. ", False)],
)
def test_a_title_of_another_regulation_windows_before_that_regulation(
    between: str, resolved: bool
) -> None:
    """ "the Regulation on roaming" is another regulation: "that Regulation" later is that
    one, which citecheck does not know, also when three windows lie between."""
    text = (
        "Regulation (EU) 2016/679 applies. "
        + _FILLER * 2
        + between
        + _FILLER * 2
        + "Article 5 of that Regulation requires it. "
        + _FILLER
    )
    whole = citecheck.extract(text)
    assert [c.id for c in whole] == ["celex:32016R0679"] * (2 if resolved else 1)
    assert _streamed(text) == [(c.id, c.text, c.short_form, c.antecedent) for c in whole]


def _notes_from_a_window_start(text_after: int) -> tuple[str, int]:
    """A report whose note 19 (citing two documents) starts at offset 1300, note 20 being
    "Ibid.", and the size of a window that makes the next window start exactly at note 19:
    the first window is cut after the space ``2 x overlap`` past note 19 (A's text is trimmed
    until that character is a space)."""
    notes = "".join(f"{i} A/HRC/{30 + i}/1, para. {i}; see the report.\n" for i in range(1, 19))
    intro = "Report of the Special Rapporteur.\n\n"
    pad = 1300 - len(intro) - len("Notes\n") - len(notes)
    head = intro + ("The State party reported progress. " * 60)[: pad - 2] + ".\nNotes\n" + notes
    words = "with the discussion of the obligations of States " * 8
    for trim in range(text_after, text_after + 40):
        text = (
            head
            + f"19 A/HRC/41/35; A/HRC/38/35, {words[:trim]}\n20 Ibid., para. 5.\n"
            + "21 See the report of the Committee on its session held in Geneva. " * 6
        )
        if text[len(head) + 400] == " ":
            return text, len(head) + 401
    raise AssertionError("no space where the window is cut")


def test_ibid_after_a_note_opening_a_streamed_window_inside_the_notes() -> None:
    """A window that starts with a note line inside the notes counts that line as a note:
    "Ibid." in the next note follows a note citing two documents (SF102), as in the whole
    text. (The text ends with a space, not a line break.)"""
    from citecheck.stream import check_stream, extract_text

    text, window = _notes_from_a_window_start(300)
    assert text[1300:1303] == "19 " and not text.endswith("\n")

    def ibids(cits: list[Citation]) -> list[tuple[str, str, bool]]:
        return [(c.text, c.id, c.ambiguous) for c in cits if c.text.startswith("Ibid")]

    expected = [("Ibid., para. 5", "un:A/HRC/38/35", True)]
    assert ibids(citecheck.extract(text)) == expected
    assert ibids(extract_text(text, window=window, overlap=200)) == expected
    results = list(check_stream(io.StringIO(text), window=window, overlap=200))
    assert [f.code for r in results for f in r.findings] == ["SF102"]


def test_ibid_windows_after_its_citation_repeats_it() -> None:
    from citecheck.stream import extract_text

    text = "See A/HRC/41/35, para. 4. " + _FILLER * 2 + "Ibid., para. 5. " + _FILLER
    expected = [("un:A/HRC/41/35", "para. 4", None), ("un:A/HRC/41/35", "para. 5", 0)]
    for cits in (citecheck.extract(text), extract_text(text, window=1600, overlap=200)):
        assert [(c.id, str(c.pinpoint), c.antecedent) for c in cits] == expected


def test_ibid_in_a_windows_first_note_repeats_the_end_of_the_note_before() -> None:
    """The window starts inside note 19, after its "ibid., para. 7": "Ibid." in note 20
    repeats that, pinpoint included, as in the whole text."""
    from citecheck.stream import extract_text

    text, _ = _notes_from_a_window_start(300)
    text = text.replace("19 A/HRC/41/35; A/HRC/38/35, ", "19 A/HRC/41/35; ibid., para. 7, ")
    text = text.replace("20 Ibid., para. 5.", "20 Ibid.")
    expected = [("Ibid.", "un:A/HRC/41/35", "para. 7")]
    for cits in (citecheck.extract(text), extract_text(text, window=1800, overlap=200)):
        assert [(c.text, c.id, str(c.pinpoint)) for c in cits if c.text == "Ibid."] == expected
