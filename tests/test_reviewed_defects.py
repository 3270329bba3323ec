"""Defects found by reading the merged work of the accuracy and speed branches, one test each."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import anchors
from citecheck.families.base import Document
from citecheck.shortforms import notes_heading
from citecheck.stream import extract_text


@pytest.mark.parametrize("kind", ["compiled", "pure"])
def test_a_lone_surrogate_does_not_stop_the_scan(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes read with surrogateescape leave lone surrogates, which the compiled automaton
    cannot encode: the scan falls back to the pure path instead of failing."""
    if kind == "pure":
        monkeypatch.setenv("CITECHECK_PURE_SCAN", "1")
    ids = [c.id for c in citecheck.extract("x \udc80 See A/HRC/41/35, para. 66.")]
    assert ids == ["un:A/HRC/41/35"]


def test_the_compiled_finder_falls_back_on_a_lone_surrogate() -> None:
    pytest.importorskip("ahocorasick_rs", reason="the compiled engine's wheel is not installed")
    find = anchors._finder(frozenset({"a/"}), "compiled")
    assert find("x \udc80 a/ a/") == {"a/": [4, 7]}


def test_a_dotted_capital_i_does_not_shift_offsets() -> None:
    """``"İ".lower()`` is two characters: before the fix, every EU act and case after an
    "İstanbul" was lost, because offsets found in the lower-cased text were off by one."""
    text = (
        "The İstanbul Convention. Case C-293/12 and Article 6(1) of Regulation (EU) 2016/679, "
        "OJ L 119, 4.5.2016, p. 1"
    )
    found = {c.id: c for c in citecheck.extract(text)}
    assert set(found) >= {"case:C-293/12", "celex:32016R0679", "oj:L/2016/119/p1"}
    assert "C-293/12" in found["case:C-293/12"].text
    assert (
        found["case:C-293/12"].text
        == text[found["case:C-293/12"].start : found["case:C-293/12"].end]
    )
    assert len(Document(text).lower) == len(text)


def test_a_notes_heading_after_many_notes_in_prose() -> None:
    """ "notes" in prose is skipped line by line; the heading line is still found."""
    prose = "The Committee notes that. " * 2000
    text = f"{prose}\n\nNotes\n[1] A/HRC/41/35.\n"
    assert notes_heading(Document(text)) == text.index("Notes") + len("Notes")


def test_the_own_committee_is_read_from_the_head_in_a_stream() -> None:
    """A later window of a stream starts with a note, not the title: the committee of
    "general comment No. 14" must be the one heading the document, as on the whole text."""
    filler = "The State party should ensure that children are heard in all proceedings. " * 200
    text = (
        "CRC/C/GC/25\n\nGeneral comment No. 25 (2021) on children's rights\n\n"
        + filler
        + "See general comment No. 14 (2013), para. 3.\n"
    )
    whole = [c.id for c in citecheck.extract(text) if c.id.endswith("/14")]
    streamed = [c.id for c in extract_text(text, window=8000, overlap=1000) if c.id.endswith("/14")]
    assert whole == streamed == ["gc:CRC/14"]


@pytest.mark.parametrize("second", ["2", "6"])
def test_ibid_after_a_book_stays_unresolved_across_a_gap_in_note_numbers(second: str) -> None:
    """Notes numbered [1], [6], [7] (a gap): Ibid. in [7] repeats the book of [6], so it has
    no id; before the fix the gap switched note reading off and Ibid. took A/HRC/41/35."""
    text = (
        f"Text.\n\n[1] See A/HRC/41/35.\n[{second}] John Smith, Some Book (2001).\n"
        f"[{int(second) + 1}] Ibid., p. 4.\n"
    )
    ibid = [c for c in citecheck.extract(text) if c.text.startswith("Ibid")]
    assert len(ibid) == 1 and ibid[0].id == ""


@pytest.mark.parametrize(
    "text",
    [
        "Guiding Principle 6 of the Guiding Principles on Internal Displacement applies.",
        "See Guiding Principle 10 of the Guiding Principles on Extreme Poverty and Human Rights.",
    ],
)
def test_other_guiding_principles_are_not_the_ungp(text: str) -> None:
    assert all(c.id != "instrument:ungp" for c in citecheck.extract(text))


def test_guiding_principle_alone_is_still_the_ungp() -> None:
    cits = citecheck.extract("Guiding Principle 21 requires companies to report.")
    assert [(c.id, str(c.pinpoint)) for c in cits] == [("instrument:ungp", "principle 21")]


@pytest.mark.parametrize(
    "text",
    [
        "See paragraph 5 of the judgment of 6 October 2015, Schrems, cited above, and also "
        "Commission v Poland (C-619/18, EU:C:2019:531).",
        "As held in paragraph 73 of the judgment of 6 October 2015, Schrems, the Court in "
        "Commission v Poland (C-619/18) later agreed.",
    ],
)
def test_a_paragraph_of_one_judgment_is_not_given_to_a_later_case(text: str) -> None:
    """The case name between the date and the number is one name: across a comma it is
    another judgment's paragraph."""
    assert all(not c.pinpoint for c in citecheck.extract(text))


def test_a_case_name_before_the_number_keeps_the_paragraph() -> None:
    text = "paragraph 39 of the judgment of 22 January 2013, Commission v Tomkins (C-286/11 P)"
    assert [str(c.pinpoint) for c in citecheck.extract(text)] == ["para. 39"]


def test_an_article_right_before_a_defined_acronym() -> None:
    """ "Article 88 GDPR", as "Article 267 TFEU": the article is the pinpoint of the act the
    acronym was defined for."""
    text = (
        "Regulation (EU) 2016/679 ('GDPR') applies. See Article 88 GDPR and Articles 5 and 6 GDPR."
    )
    got = [(c.id, str(c.pinpoint), c.text) for c in citecheck.extract(text)][1:]
    assert got == [
        ("celex:32016R0679", "art. 88", "Article 88 GDPR"),
        ("celex:32016R0679", "art. 5; art. 6", "Articles 5 and 6 GDPR"),
    ]


def test_a_stream_window_does_not_guess_the_committee_from_its_own_mentions() -> None:
    """Which committee a text mentions most is known from the whole text only: a window that
    names the Child committee more than the others must not make "general comment No. 4"
    the CRC's when the whole text says the CESCR's ("?" in a stream rather than wrong)."""
    escr = "The Committee on Economic, Social and Cultural Rights recalls its work.\n\n"
    child = "The Committee on the Rights of the Child was also consulted.\n\n"
    filler = "States must act with due diligence in all their activities and policies.\n\n"
    text = (
        escr * 12
        + filler * 80
        + child * 2
        + filler * 2
        + "In this respect, general comment No. 4, para. 8 (c), applies.\n"
    )
    whole = [c.id for c in citecheck.extract(text) if "/4" in c.id]
    streamed = [c.id for c in extract_text(text, window=4000, overlap=500) if "/4" in c.id]
    assert whole == ["gc:CESCR/4"]
    assert streamed == ["gc:?/4"]


def test_a_window_with_hidden_characters_keeps_the_documents_head() -> None:
    """A stream window holding an invisible character is scanned through a view of it: that
    view must keep the document's opening, or the window forgets whose text it is."""
    filler = "The State party should ensure that children are heard in all proceedings. " * 200
    text = (
        "CRC/C/GC/25\n\nGeneral comment No. 25 (2021) on children's rights\n\n"
        + filler
        + "See general comment No. 14 (2013), para. 3, and A/HRC/41/3\u00ad5.\n"
    )
    streamed = [c.id for c in extract_text(text, window=8000, overlap=1000) if c.id.endswith("/14")]
    assert streamed == ["gc:CRC/14"]


def test_guiding_principle_with_the_full_name_after_it_is_one_citation() -> None:
    text = "Guiding Principle 32 of the Guiding Principles on Business and Human Rights applies."
    got = [(c.id, str(c.pinpoint), c.text) for c in citecheck.extract(text)]
    assert got == [
        (
            "instrument:ungp",
            "principle 32",
            "Guiding Principle 32 of the Guiding Principles on Business and Human Rights",
        )
    ]


@pytest.mark.parametrize("first", [1, 2])
@pytest.mark.parametrize("gap", [40, 55, 67])
def test_ibid_in_a_later_windows_first_note_with_low_numbers(first: int, gap: int) -> None:
    """Endnotes numbered from 1: a window that starts inside the notes holds note 2 as its
    first note, which is not the document's first note; its Ibid. repeats note 1's citation,
    as on the whole text."""
    filler = "The committee considered the matter at length and noted several concerns. "
    notes = "".join(f"{i} {filler * 2}\n" for i in range(1, first))
    text = (
        "Title\n\nSee A/HRC/40/1. "
        + filler * 30
        + "\n\nNotes\n\n"
        + notes
        + f"{first} A/HRC/41/35, para. 4. "
        + filler * gap
        + f"\n{first + 1} Ibid., para. 5.\n"
        + filler * 3
    )
    whole = [(c.start, c.id, str(c.pinpoint)) for c in citecheck.extract(text)]
    streamed = [
        (c.start, c.id, str(c.pinpoint)) for c in extract_text(text, window=4000, overlap=500)
    ]
    assert whole[-1][1:] == ("un:A/HRC/41/35", "para. 5")
    assert streamed == whole


@pytest.mark.parametrize("pad", range(0, 1800, 150))
def test_bare_articles_after_a_window_start_continue_the_instrument(pad: int) -> None:
    """ "article 19 (3)" continuing the Covenant cited just before: a window boundary between
    them must not lose it (the instrument cited last is carried with its offset)."""
    filler = "The Special Rapporteur notes the following concerns in this regard. "
    text = (
        filler
        * 40
        + "Article 17 of the International Covenant on Civil and Political Rights protects "
        "privacy; "
        + "x"
        * pad
        + " restrictions must meet the tests of article 19 (3), and article 20 prohibits "
        "propaganda for war. " + filler * 40
    )
    whole = [(c.start, c.id, str(c.pinpoint)) for c in citecheck.extract(text)]
    streamed = [
        (c.start, c.id, str(c.pinpoint)) for c in extract_text(text, window=4000, overlap=500)
    ]
    assert ("instrument:iccpr", "art. 19(3)") in [w[1:] for w in whole]
    assert streamed == whole
