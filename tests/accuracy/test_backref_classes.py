"""Back-references (issue "Extraction people can trust", class 9): Ibid. in plain-text notes,
defined terms, demonstratives ("that directive") and bare instrument names ("the Covenant").

Each row is a passage written for these tests in the shapes UN and EU texts use, and every
citation citecheck must find in it, in order: (id, kind, short_form, pinpoint). Nothing else
may be found, so each row checks precision as well as recall. An ``Ibid.`` left without an id
is listed with the id "" and kind ``short_form``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import citecheck
from citecheck import Kind
from citecheck.readers import read_source

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docx_builder import build_docx, note_ref, para, run

Row = tuple[str, str, list[tuple[str, Kind, bool, str]]]

DOC, SF, ACT, INST = Kind.UN_DOCUMENT, Kind.SHORT_FORM, Kind.EU_ACT, Kind.INSTRUMENT

IBID_ROWS: list[Row] = [
    (
        "bracket-notes-ibid-after-a-book-gets-nothing",
        "Notes\n[1] See A/HRC/41/35, para. 4.\n[2] J. Doe, A Study of Speech (2019), p. 3.\n"
        "[3] Ibid., p. 4.\n",
        [("un:A/HRC/41/35", DOC, False, "para. 4"), ("", SF, True, "p. 4")],
    ),
    (
        "bracket-notes-ibid-repeats-the-preceding-note",
        "[1] A/HRC/41/35, para. 4.\n[2] E/C.12/GC/24, para. 8.\n[3] Ibid., para. 9.\n",
        [
            ("un:A/HRC/41/35", DOC, False, "para. 4"),
            ("un:E/C.12/GC/24", DOC, False, "para. 8"),
            ("un:E/C.12/GC/24", DOC, True, "para. 9"),
        ],
    ),
    (
        "ibid-after-an-unresolved-ibid-gets-nothing",
        "[4] A/HRC/38/35, para. 1.\n[5] Submission by a civil society group, p. 2.\n"
        "[6] Ibid.\n[7] Ibid.\n",
        [("un:A/HRC/38/35", DOC, False, "para. 1"), ("", SF, True, ""), ("", SF, True, "")],
    ),
    (
        "ibid-after-a-resolved-ibid-repeats-it",
        "[1] CCPR/C/GC/34, para. 3.\n[2] Ibid., para. 5.\n[3] Ibid.\n",
        [
            ("un:CCPR/C/GC/34", DOC, False, "para. 3"),
            ("un:CCPR/C/GC/34", DOC, True, "para. 5"),
            ("un:CCPR/C/GC/34", DOC, True, "para. 5"),
        ],
    ),
    (
        "notes-run-together-on-one-line",
        "[1] See A/HRC/35/22, para. 53. [2] Ibid., paras. 54-58. [3] Company X submission, p. 4."
        " [4] Ibid.",
        [
            ("un:A/HRC/35/22", DOC, False, "para. 53"),
            ("un:A/HRC/35/22", DOC, True, "paras. 54-58"),
            ("", SF, True, ""),
        ],
    ),
    (
        "ibid-after-a-citation-in-its-own-note",
        "[1] A Book (2001).\n[2] See A/HRC/41/35, para. 4; ibid., para. 5.\n",
        [("un:A/HRC/41/35", DOC, False, "para. 4"), ("un:A/HRC/41/35", DOC, True, "para. 5")],
    ),
    (
        "numbered-endnotes-after-a-notes-heading",
        "1. The Council met.\n\nNotes\n        1  A/HRC/28/15, para. 5.\n"
        "        2  Report of a national institution (2018).\n        3  Ibid., para. 6.\n"
        "        4  E/C.12/SVN/CO/2, para. 7.\n        5  Ibid., para. 8.\n",
        [
            ("un:A/HRC/28/15", DOC, False, "para. 5"),
            ("", SF, True, "para. 6"),
            ("un:E/C.12/SVN/CO/2", DOC, False, "para. 7"),
            ("un:E/C.12/SVN/CO/2", DOC, True, "para. 8"),
        ],
    ),
    (
        "endnote-number-alone-on-its-line",
        "Notes\n   1\n      A/HRC/28/15, para. 5.\n   2\n      A national report (2018).\n"
        "   3\n      Ibid., para. 6.\n",
        [("un:A/HRC/28/15", DOC, False, "para. 5"), ("", SF, True, "para. 6")],
    ),
    (
        "docx-style-marks-then-notes",
        "The State must act.[1] It has not.[2]\n[1] A/HRC/41/35, para. 4.\n"
        "[2] An article in a newspaper, 3 May 2020.\n[e1] Ibid.\n",
        [("un:A/HRC/41/35", DOC, False, "para. 4"), ("", SF, True, "")],
    ),
    (
        "text-without-notes-keeps-the-last-citation",
        "See A/HRC/41/35, para. 4. A book is also useful. Ibid., para. 5.",
        [("un:A/HRC/41/35", DOC, False, "para. 4"), ("un:A/HRC/41/35", DOC, True, "para. 5")],
    ),
    (
        "numbered-paragraphs-without-a-notes-heading-are-not-notes",
        "1. See A/HRC/41/35, para. 4.\n2. The Council met in Geneva.\n3. Ibid., para. 5.\n",
        [("un:A/HRC/41/35", DOC, False, "para. 4"), ("un:A/HRC/41/35", DOC, True, "para. 5")],
    ),
]


def _rows(rows: list[Row]) -> list[object]:
    return [pytest.param(text, expected, id=name) for name, text, expected in rows]


def _found(text: str) -> list[tuple[str, Kind, bool, str]]:
    found = citecheck.extract(text)
    for cit in found:
        assert text[cit.start : cit.end] == cit.text
    return [(c.id, c.kind, c.short_form, str(c.pinpoint)) for c in found]


@pytest.mark.parametrize(("text", "expected"), _rows(IBID_ROWS))
def test_ibid_in_plain_text_notes(text: str, expected: list[tuple[str, Kind, bool, str]]) -> None:
    assert _found(text) == expected


def test_ibid_after_a_note_without_citation_says_why() -> None:
    text = "[1] A/HRC/41/35.\n[2] A Book (2001), p. 3.\n[3] Ibid., p. 4.\n"
    result = citecheck.check(text)
    assert [(f.code, "footnote 2" in f.message) for f in result.findings] == [("SF104", True)]


def test_ibid_in_the_first_bracket_note_is_an_error() -> None:
    result = citecheck.check("A/HRC/41/35 in the body.\n\nNotes\n[1] Ibid., para. 5.\n")
    assert [f.code for f in result.findings] == ["SF101"]


def test_supra_names_the_note_by_its_number_among_repeated_numbers() -> None:
    # The marks in the body are numbered as the notes are; supra note 1 is the note.
    text = (
        "It acted. [1] It stopped. [2]\n\nNotes\n[1] A/HRC/41/35, para. 4.\n"
        "[2] See supra note 1, para. 6.\n"
    )
    supra = citecheck.extract(text)[-1]
    assert (supra.id, str(supra.pinpoint), supra.antecedent) == ("un:A/HRC/41/35", "para. 6", 0)


BARE_INSTRUMENT_ROWS: list[Row] = [
    (
        "covenant-after-its-full-name",
        "The International Covenant on Civil and Political Rights protects opinion. The "
        "Covenant also protects expression.",
        [("instrument:iccpr", INST, False, ""), ("instrument:iccpr", INST, True, "")],
    ),
    (
        "guiding-principles-after-their-full-name",
        "The United Nations Guiding Principles on Business and Human Rights were endorsed in "
        "2011. The Guiding Principles also require remedies; these Guiding Principles apply.",
        [
            ("instrument:ungp", INST, False, ""),
            ("instrument:ungp", INST, True, ""),
            ("instrument:ungp", INST, True, ""),
        ],
    ),
    (
        "convention-after-its-full-name",
        "Kenya ratified the Convention on the Rights of Persons with Disabilities in 2008. The "
        "Convention requires reasonable accommodation.",
        [("instrument:crpd", INST, False, ""), ("instrument:crpd", INST, True, "")],
    ),
    (
        "charter-in-an-eu-text-after-a-un-charter-mention",
        "The Charter of the United Nations was cited. Article 47 of the Charter of Fundamental "
        "Rights of the European Union applies with Article 267 TFEU; the Charter prevails.",
        [
            ("instrument:un-charter", INST, False, ""),
            ("instrument:cfr", INST, False, "art. 47"),
            ("instrument:tfeu", INST, False, "art. 267"),
            ("instrument:cfr", INST, True, ""),
        ],
    ),
    (
        "no-full-citation-before-nothing",
        "The Covenant protects expression, and the Guiding Principles apply to companies.",
        [],
    ),
    (
        "two-covenants-named-is-ambiguous",
        "Both the ICCPR and the ICESCR were ratified. The Covenant requires reports.",
        [("instrument:iccpr", INST, False, ""), ("instrument:icescr", INST, False, "")],
    ),
    (
        "another-convention-named-after",
        "The Convention on the Rights of the Child applies. The Convention on Cluster "
        "Munitions was signed. The Convention bans them.",
        [("instrument:crc", INST, False, "")],
    ),
    (
        "definition-of-the-short-name-is-not-a-citation",
        'The International Covenant on Civil and Political Rights ("the Covenant") applies.',
        [("instrument:iccpr", INST, False, "")],
    ),
    (
        "another-name-going-on",
        "The Convention on the Rights of the Child applies. The Convention Secretariat met; "
        "the Charter Review ended.",
        [("instrument:crc", INST, False, "")],
    ),
    (
        "guiding-principles-name-first-in-a-note",
        "[1] United Nations Guiding Principles on Business and Human Rights.\n"
        "[2] Guiding Principles, principles 11 and 13.\n",
        [
            ("instrument:ungp", INST, False, ""),
            ("instrument:ungp", INST, False, "principle 11; principle 13"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _rows(BARE_INSTRUMENT_ROWS))
def test_bare_instrument_short_name(text: str, expected: list[tuple[str, Kind, bool, str]]) -> None:
    assert _found(text) == expected


def test_bare_short_name_points_at_the_full_citation() -> None:
    _full, short = citecheck.extract(
        "The Convention on the Rights of the Child applies. The Convention requires care."
    )
    assert (short.antecedent, short.text) == (0, "Convention")


DEFINED_NAME_ROWS: list[Row] = [
    (
        "ordinal-name-defined-in-the-oj-bracket",
        "Council Directive 90/232/EEC of 14 May 1990 on the approximation of the laws of the "
        "Member States (OJ 1990 L 129, p. 33; \u2018the Third Directive\u2019). Article 1 of the "
        "Third Directive covers passengers; the Third Directive was amended.",
        [
            ("celex:31990L0232", ACT, False, ""),
            ("oj:L/1990/129/p33", Kind.OJ, False, ""),
            ("celex:31990L0232", ACT, True, "art. 1"),
            ("celex:31990L0232", ACT, True, ""),
        ],
    ),
    (
        "two-ordinal-names-each-their-act",
        "Directive 72/166/EEC (\u2018the First Directive\u2019) and Directive 84/5/EEC "
        "(\u2018the Second Directive\u2019) apply. Article 3(1) of the First Directive and "
        "Article 2 of the Second Directive are at issue.",
        [
            ("celex:31972L0166", ACT, False, ""),
            ("celex:31984L0005", ACT, False, ""),
            ("celex:31972L0166", ACT, True, "art. 3(1)"),
            ("celex:31984L0005", ACT, True, "art. 2"),
        ],
    ),
    (
        "undefined-ordinal-name-is-not-guessed",
        "Directive 72/166/EEC (\u2018the First Directive\u2019) applies; the Fourth Directive "
        "is not at issue.",
        [("celex:31972L0166", ACT, False, "")],
    ),
    (
        "bare-noun-defined-after-the-oj-bracket-beats-a-later-act",
        "Directive 2000/78/EC (OJ 2000 L 303, p. 16) (\u2018the Directive\u2019) applies. "
        "Directive 2006/54/EC does too. Article 2 of the Directive prohibits it; under that "
        "Directive equal pay is required.",
        [
            ("celex:32000L0078", ACT, False, ""),
            ("oj:L/2000/303/p16", Kind.OJ, False, ""),
            ("celex:32006L0054", ACT, False, ""),
            ("celex:32000L0078", ACT, True, "art. 2"),
            ("celex:32006L0054", ACT, True, ""),
        ],
    ),
    (
        "hereinafter-definition",
        "Regulation (EU) No 604/2013 (hereinafter \u2018the Dublin III Regulation\u2019) "
        "applies; Article 3(2) of the Dublin III Regulation governs transfers.",
        [
            ("celex:32013R0604", ACT, False, ""),
            ("celex:32013R0604", ACT, True, "art. 3(2)"),
        ],
    ),
    (
        "a-later-definition-rebinds-the-name",
        "Directive 2002/21/EC (\u2018the Framework Directive\u2019) was replaced. Directive "
        "(EU) 2018/1972 (\u2018the Framework Directive\u2019) now applies; see Article 5 of the "
        "Framework Directive.",
        [
            ("celex:32002L0021", ACT, False, ""),
            ("celex:32018L1972", ACT, False, ""),
            ("celex:32018L1972", ACT, True, "art. 5"),
        ],
    ),
    (
        "as-amended-by-names-the-act-amended",
        "Directive 2002/21/EC, as amended by Directive 2009/140/EC (\u2018the Framework "
        "Directive\u2019). Article 8 of the Framework Directive applies.",
        [
            ("celex:32002L0021", ACT, False, ""),
            ("celex:32009L0140", ACT, False, ""),
            ("celex:32002L0021", ACT, True, "art. 8"),
        ],
    ),
    (
        "definition-after-another-sentence-binds-nothing",
        "Directive 2002/58/EC applies. The national law (\u2018the Privacy Directive\u2019) "
        "differs; Article 4 of the Privacy Directive is national.",
        [("celex:32002L0058", ACT, False, "")],
    ),
    (
        "definition-of-another-type-binds-nothing",
        "Regulation (EU) 2016/679 of the Parliament and Commission Decision C(2021) 914 "
        "(\u2018the SCC Decision\u2019) apply. Clause 8 of the SCC Decision applies.",
        [("celex:32016R0679", ACT, False, "")],
    ),
]

DEMONSTRATIVE_ROWS: list[Row] = [
    (
        "lower-case-that-directive-with-pinpoint-before",
        "Directive 2011/95/EU applies; under Article 15 of that directive protection is due.",
        [
            ("celex:32011L0095", ACT, False, ""),
            ("celex:32011L0095", ACT, True, "art. 15"),
        ],
    ),
    (
        "the-said-regulation-lower-and-upper-case",
        "Regulation (EU) No 1215/2012 applies. Under the said regulation and the said "
        "Regulation, Article 7(1) governs.",
        [
            ("celex:32012R1215", ACT, False, ""),
            ("celex:32012R1215", ACT, True, ""),
            ("celex:32012R1215", ACT, True, "art. 7(1)"),
        ],
    ),
    (
        "annex-before-that-decision",
        "Council Decision (CFSP) 2020/1999 lists persons; annex I to that Decision names them.",
        [
            ("celex:32020D1999", ACT, False, ""),
            ("celex:32020D1999", ACT, True, "annex I"),
        ],
    ),
    (
        "a-directive-never-binds-to-a-regulation",
        "Regulation (EU) 2016/679 applies; Article 3 of that directive is unclear.",
        [("celex:32016R0679", ACT, False, "")],
    ),
    (
        "lower-case-that-as-a-conjunction-is-prose",
        "Regulation (EU) 2016/679 applies. It follows that regulation of data flows is needed.",
        [("celex:32016R0679", ACT, False, "")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _rows(DEFINED_NAME_ROWS + DEMONSTRATIVE_ROWS))
def test_defined_name_and_demonstrative(
    text: str, expected: list[tuple[str, Kind, bool, str]]
) -> None:
    assert _found(text) == expected


def test_defined_name_across_stream_windows() -> None:
    from citecheck.stream import extract_text

    filler = "The Member States shall report on the measures taken in that respect. " * 40
    text = (
        "Council Directive 90/232/EEC (OJ 1990 L 129, p. 33; \u2018the Third Directive\u2019) "
        "applies. Commission Decision C(2021) 914 (\u2018the Decision\u2019) was adopted. "
        + filler
        + "Article 1 of the Third Directive governs; Article 2 of the Decision does not. "
        + filler
        + "Council Decision (CFSP) 2020/1999 applies; see that Decision."
    )
    whole = citecheck.extract(text)
    streamed = extract_text(text, window=1024, overlap=64)

    def key(cits: list[citecheck.Citation]) -> list[tuple[object, ...]]:
        return [(c.id, c.start, str(c.pinpoint), c.short_form, c.antecedent) for c in cits]

    assert key(streamed) == key(whole)
    assert [(c.id, c.short_form, str(c.pinpoint)) for c in whole] == [
        ("celex:31990L0232", False, ""),
        ("oj:L/1990/129/p33", False, ""),
        ("celex:31990L0232", True, "art. 1"),
        ("celex:32020D1999", False, ""),
        ("celex:32020D1999", True, ""),
    ]


def test_ibid_in_docx_footnotes_follows_the_note_order(tmp_path: Path) -> None:
    """A DOCX's footnotes become "[n] text" lines after the body (citecheck.readers)."""
    doc = build_docx(
        tmp_path / "letter.docx",
        [
            para(
                run("The Council acted."),
                note_ref("footnote", 4),
                run(" It was criticised."),
                note_ref("footnote", 5),
                run(" It replied."),
                note_ref("footnote", 6),
            )
        ],
        {
            4: "A/HRC/41/35, para. 4.",
            5: "J. Doe, A Study of Speech (2019), p. 3.",
            6: "Ibid., p. 4.",
        },
    )
    source = read_source(str(doc))
    found = [(c.id, c.short_form, str(c.pinpoint)) for c in citecheck.extract(source.text)]
    assert found == [("un:A/HRC/41/35", False, "para. 4"), ("", True, "p. 4")]


def test_protocol_to_the_covenant_is_not_the_covenant() -> None:
    text = (
        "The International Covenant on Civil and Political Rights applies, and so does the "
        "Optional Protocol to the Covenant."
    )
    covenant = [c.text for c in citecheck.extract(text) if c.id == "instrument:iccpr"]
    assert covenant == ["International Covenant on Civil and Political Rights"]
