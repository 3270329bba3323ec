"""Short forms: Ibid., Id., supra note N, op. cit. resolved to their antecedent."""

from __future__ import annotations

import citecheck


def _short(text: str) -> list[citecheck.Citation]:
    return [c for c in citecheck.extract(text) if c.short_form]


def test_ibid_with_new_pinpoint_points_back() -> None:
    text = "(see A/HRC/41/35, para. 60). We reiterate (Ibid. para. 66)."
    [ibid] = _short(text)
    assert (ibid.id, str(ibid.pinpoint), ibid.text) == (
        "un:A/HRC/41/35",
        "para. 66",
        "Ibid. para. 66",
    )
    assert ibid.antecedent == 0


def test_ibid_without_pinpoint_inherits_the_antecedents() -> None:
    [ibid] = _short("A/HRC/38/35/Add.2, para. 53. Ibid.")
    assert (ibid.id, str(ibid.pinpoint)) == ("un:A/HRC/38/35/Add.2", "para. 53")


def test_lower_case_ibid_with_comma_and_range() -> None:
    [ibid] = _short("A/HRC/41/35, para. 66; ibid., paras. 48-50.")
    assert (ibid.id, str(ibid.pinpoint)) == ("un:A/HRC/41/35", "paras. 48-50")


def test_ibid_after_ibid_keeps_the_same_antecedent() -> None:
    shorts = _short("CCPR/C/GC/34, para. 1. Ibid., para. 2. Ibid., para. 3.")
    assert [c.id for c in shorts] == ["un:CCPR/C/GC/34"] * 2
    assert [c.antecedent for c in shorts] == [0, 0]


def test_short_form_with_nothing_recognised_before_it_stays_unresolved() -> None:
    result = citecheck.check("J. Smith, A Book (2001), p. 4. Ibid., para. 5.")
    assert [f.code for f in result.findings] == ["SF104"]
    assert result.citations[0].id == ""


def test_short_form_with_no_text_at_all_before_it_is_an_error() -> None:
    result = citecheck.check("  Ibid., para. 5.")
    assert [(f.code, f.severity.value) for f in result.findings] == [("SF101", "error")]
    assert result.citations[0].id == ""


def test_ibid_in_the_first_footnote_is_an_error() -> None:
    text = "A/HRC/41/35 in the body.[^1]\n\n[^1]: Ibid., para. 5.\n"
    result = citecheck.check(text)
    assert [f.code for f in result.findings] == ["SF101"]


def test_ibid_after_a_footnote_citing_a_book_is_not_attached_to_an_older_citation() -> None:
    text = (
        "[^1]: A/HRC/41/35, para. 5.\n\n"
        "[^2]: D. Kaye, Speech Police (2019), p. 3.\n\n"
        "[^3]: Ibid., p. 4.\n"
    )
    [ibid] = _short(text)
    assert ibid.id == ""
    assert [f.code for f in citecheck.check(text).findings] == ["SF104"]


def test_supra_must_not_match_inside_words() -> None:
    assert _short("A/HRC/41/35. A supranational court and supra-national law.") == []


def test_footnote_index_is_linear_on_footnote_style_text() -> None:
    """Many footnotes and no blank line: each footnote's end is found within its own span."""
    from citecheck.families import Document
    from citecheck.shortforms import _footnote_index

    text = "".join(f"<sup>{i}</sup> A/HRC/41/{i}. Ibid., para. {i}.\n" for i in range(1, 3001))
    index = _footnote_index(Document(text))
    assert index.numbers == list(range(1, 3001))
    assert all(e <= s2 for e, s2 in zip(index.ends, index.starts[1:], strict=False))
    shorts = _short(text)
    assert len(shorts) == 3000
    assert shorts[10].id == "un:A/HRC/41/11"


def test_supra_note_points_to_the_first_citation_of_that_footnote() -> None:
    text = (
        "Text.[^1] More.[^2]\n\n"
        "[^1]: A/HRC/41/35, para. 2.\n\n"
        "[^2]: See supra note 1, para. 7; and Id. at para. 9.\n"
    )
    shorts = _short(text)
    assert [(c.id, str(c.pinpoint)) for c in shorts] == [
        ("un:A/HRC/41/35", "para. 7"),
        ("un:A/HRC/41/35", "para. 9"),
    ]
    codes = [f.code for f in citecheck.check(text).findings]
    assert codes == ["SF103", "SF103"]


def test_supra_to_a_missing_footnote_is_reported() -> None:
    text = "A/HRC/41/35.[^1]\n\n[^1]: supra note 4.\n"
    assert [f.code for f in citecheck.check(text).findings] == ["SF101"]


def test_ibid_after_a_footnote_with_several_sources_is_ambiguous() -> None:
    text = "<sup>1</sup> A/HRC/41/35; A/HRC/38/35.\n\n<sup>2</sup> Ibid., para. 5.\n"
    [ibid] = _short(text)
    assert ibid.ambiguous
    assert [f.code for f in citecheck.check(text).findings] == ["SF102"]


def test_words_that_merely_contain_ibid_are_not_short_forms() -> None:
    assert _short("The ibidem-like word Ibidi and an idea. Said id est.") == []


def test_op_cit_and_loc_cit_point_back_and_are_flagged() -> None:
    text = "Kaye, report A/HRC/38/35, para. 12. Kaye, op. cit., para. 14. Kaye, loc. cit."
    shorts = _short(text)
    assert [(c.id, str(c.pinpoint), c.ambiguous) for c in shorts] == [
        ("un:A/HRC/38/35", "para. 14", True),
        ("un:A/HRC/38/35", "para. 12", True),
    ]
    codes = [f.code for f in citecheck.check(text).findings]
    assert codes == ["SF103", "SF103"]
