"""The pinpoint error classes of "Extraction people can trust", one table row per sentence.

Each row is a realistic sentence (written for this test, in the shapes UN and EU texts use) and
the (id, pinpoint) pairs a careful reader takes from it, in document order. Every citation of
the sentence is listed, so a dropped, extra or misread citation fails as well as a wrong pinpoint.
"""

from __future__ import annotations

import pytest

from citecheck import check, extract

Row = tuple[str, list[tuple[str, str]]]

# 1. A pinpoint after a parenthesis belongs to the citation before it.
AFTER_PARENTHESIS: list[Row] = [
    (
        "See the report on the visit to Chile (A/HRC/52/7/Add.3 (visit to Chile), paras. 12 "
        "and 14).",
        [("un:A/HRC/52/7/Add.3", "para. 12; para. 14")],
    ),
    (
        "The Special Rapporteur recalled A/HRC/41/35 (2019), para. 66, on surveillance.",
        [("un:A/HRC/41/35", "para. 66")],
    ),
    (
        "As noted in A/HRC/40/52/Add.2 (mission to Tunisia), para. 21, the law was vague.",
        [("un:A/HRC/40/52/Add.2", "para. 21")],
    ),
    (
        "See E/CN.4/2006/120 (joint report), paras. 33-35.",
        [("un:E/CN.4/2006/120", "paras. 33-35")],
    ),
    # The citation alone in parentheses: the pinpoint after them is still its own.
    (
        "See concluding observations on Zambia (CCPR/C/ZMB/CO/4), para.25.",
        [("un:CCPR/C/ZMB/CO/4", "para. 25")],
    ),
    (
        "See concluding observations on Hungary (CCPR/C/HUN/CO/6) paragraph 19.",
        [("un:CCPR/C/HUN/CO/6", "para. 19")],
    ),
    (
        "Official Records of the General Assembly, Fifty-first Session, Supplement No. 40 "
        "(A/51/40), annex VIII, sect. B.",
        [("un:A/51/40", "annex VIII, sect. B")],
    ),
    # The pinpoint in parentheses of its own.
    (
        "The Commission, in its resolution 2001/62 (para. 38), requested ...",
        [("un:E/CN.4/RES/2001/62", "para. 38")],
    ),
    ("See CCPR/C/GC/34 (paras. 5 and 7).", [("un:CCPR/C/GC/34", "para. 5; para. 7")]),
    # A general comment's title stands between it and its pinpoint.
    (
        "See Human Rights Committee, general comment No. 27 (1999) on freedom of movement, "
        "paras. 11 and 13.",
        [("gc:CCPR/27", "para. 11; para. 13")],
    ),
    (
        "Human Rights Committee, general comment No. 36 (2018) on article 6 (right to life), "
        "para. 12.",
        [("gc:CCPR/36", "para. 12")],
    ),
]

# 2. Ranges stay ranges; lists are lists; both mixed.
RANGES: list[Row] = [
    (
        "The Committee's findings (A/HRC/40/52, paras. 23\u201325 and 73) remain valid.",
        [("un:A/HRC/40/52", "paras. 23-25; para. 73")],
    ),
    ("See A/HRC/38/35, paras. 3-5, 7.", [("un:A/HRC/38/35", "paras. 3-5; para. 7")]),
    ("See A/HRC/38/35, paras. 3 to 5.", [("un:A/HRC/38/35", "paras. 3-5")]),
    # UPR recommendations are numbered within a paragraph; PDF text breaks lines in lists.
    (
        "See A/HRC/42/12, paras. 117.1, 117.4–117.17 and 117.133.",
        [("un:A/HRC/42/12", "para. 117.1; paras. 117.4-117.17; para. 117.133")],
    ),
    (
        "See A/HRC/42/12, paras. 117.44–117.47, 117.62–\n\n     117.70 and 117.74.",
        [("un:A/HRC/42/12", "paras. 117.44-117.47; paras. 117.62-117.70; para. 117.74")],
    ),
    (
        "3 CERD/C/SVN/CO/8-11,\n\n           para. 18, and CEDAW/C/SVN/CO/5-6, para. 38.",
        [("un:CERD/C/SVN/CO/8-11", "para. 18"), ("un:CEDAW/C/SVN/CO/5-6", "para. 38")],
    ),
    ("See A/HRC/38/35, paras. 16\u221218.", [("un:A/HRC/38/35", "paras. 16-18")]),
    (
        "See A/HRC/40/64/Add.1, paras. 6 and 11\u201313.",
        [("un:A/HRC/40/64/Add.1", "para. 6; paras. 11-13")],
    ),
    (
        "Human Rights Committee, general comment No. 34 (2011), paras. 21-23 and 25.",
        [("gc:CCPR/34", "paras. 21-23; para. 25")],
    ),
    (
        "See the judgment in Case C-311/18, paragraphs 179 to 181 and 185.",
        [("case:C-311/18", "paras. 179-181; para. 185")],
    ),
]

# 3. The paragraph of a treaty article is part of the article pinpoint.
ARTICLE_PARAGRAPH: list[Row] = [
    (
        "International Covenant on Civil and Political Rights, art. 19, para. 3.",
        [("instrument:iccpr", "art. 19(3)")],
    ),
    (
        "Restrictions must meet the test in article 19, paragraph 3, of the International "
        "Covenant on Civil and Political Rights.",
        [("instrument:iccpr", "art. 19(3)")],
    ),
    (
        "Detention must be reviewed by a court (art. 9, para. 4, of the International Covenant "
        "on Civil and Political Rights).",
        [("instrument:iccpr", "art. 9(4)")],
    ),
    (
        "No one may be returned to torture (art. 3, para. 1, of the Convention against Torture).",
        [("instrument:cat", "art. 3(1)")],
    ),
    (
        "The author claims a violation of article 14, paragraphs 1 and 3 (d), of the "
        "International Covenant on Civil and Political Rights.",
        [("instrument:iccpr", "art. 14(1); art. 14(3)(d)")],
    ),
    (
        "The facts disclose violations of articles 9, paragraph 3, and 14, paragraph 3 (c), of "
        "the International Covenant on Civil and Political Rights.",
        [("instrument:iccpr", "art. 9(3); art. 14(3)(c)")],
    ),
    (
        "The State party invokes articles 7, 14, paragraphs 2 and 3 (a), 17 and 26 of the "
        "International Covenant on Civil and Political Rights.",
        [("instrument:iccpr", "art. 7; art. 14(2); art. 14(3)(a); art. 17; art. 26")],
    ),
    (
        "Special measures are not discrimination under the International Convention on the "
        "Elimination of All Forms of Racial Discrimination (arts. 1, para. 4, and 2, para. 2).",
        [("instrument:cerd", ""), ("instrument:cerd", "art. 1(4); art. 2(2)")],
    ),
    (
        "Controllers must comply with Article 14, paragraphs 1 and 2, of Regulation (EU) "
        "2016/679.",
        [("celex:32016R0679", "art. 14(1); art. 14(2)")],
    ),
    (
        "See Articles 9, paragraph 3, and 14 of Directive 95/46/EC.",
        [("celex:31995L0046", "art. 9(3); art. 14")],
    ),
    (
        "See article 14, paragraph 3 (b) and (d), of the International Covenant on Civil and "
        "Political Rights.",
        [("instrument:iccpr", "art. 14(3)(b); art. 14(3)(d)")],
    ),
]

# 4. Several articles of one act, and "thereof" pointing at the act just named.
SEVERAL_ARTICLES: list[Row] = [
    (
        "Article 31(2) and Article 33 of Regulation (EU) 2016/679 apply.",
        [("celex:32016R0679", "art. 31(2); art. 33")],
    ),
    (
        "The Council acts under Article 218(5) and (6) TFEU.",
        [("instrument:tfeu", "art. 218(5); art. 218(6)")],
    ),
    (
        "Having regard to Regulation (EU) 2016/679, and in particular Articles 42(4) and 43(2) "
        "thereof,",
        [("celex:32016R0679", "art. 42(4); art. 43(2)")],
    ),
    (
        "Having regard to Directive 95/46/EC, and in particular the second subparagraph of "
        "Article 8(2) thereof,",
        [("celex:31995L0046", "art. 8(2)")],
    ),
    (
        "Having regard to the Treaty on the Functioning of the European Union, and in particular "
        "Article 16 thereof,",
        [("instrument:tfeu", "art. 16")],
    ),
    (
        "Having regard to the Treaty on the Functioning of the European Union, and in particular "
        "Article 16, Articles 91 and 100 and Article 114 thereof,",
        [("instrument:tfeu", "art. 16; art. 91; art. 100; art. 114")],
    ),
    (
        "Derogation is barred by article 8 (2) (a) and (b) of the ICCPR.",
        [("instrument:iccpr", "art. 8(2)(a); art. 8(2)(b)")],
    ),
]

# 14. Small forms: no dot, "at para." after a page, a pinpoint written before the citation.
SMALL_FORMS: list[Row] = [
    ("See A/HRC/41/35, para 3.", [("un:A/HRC/41/35", "para. 3")]),
    ("See A/HRC/41/35, paras 3 and 4.", [("un:A/HRC/41/35", "para. 3; para. 4")]),
    ("See A/HRC/41/35, p. 13, at para. 9.", [("un:A/HRC/41/35", "p. 13; para. 9")]),
    ("See A/HRC/41/35 at para. 9.", [("un:A/HRC/41/35", "para. 9")]),
    ("A/55/18 (2000) 152 at para. 29.", [("un:A/55/18", "p. 152; para. 29")]),
    ("See CCPR/C/GC/34, paras 11 & 12.", [("un:CCPR/C/GC/34", "para. 11; para. 12")]),
    (
        "guidelines on evictions ( A/HRC/4/18 , annex I), and",
        [("un:A/HRC/4/18", "annex I")],
    ),
    (
        "The Court held, in paragraph 179 of the judgment in C-311/18, that the transfer was "
        "unlawful.",
        [("case:C-311/18", "para. 179")],
    ),
    (
        "As stated in paragraphs 45 to 47 of the judgment of 16 July 2020 in Case C-311/18, ",
        [("case:C-311/18", "paras. 45-47")],
    ),
    (
        "In paragraph 5 of the judgment in Joined Cases C-293/12 and C-594/12, the Court ...",
        [("case:C-293/12", "para. 5"), ("case:C-594/12", "para. 5")],
    ),
    (
        "As noted in paragraphs 3 to 5 of document A/HRC/41/35, the practice continues.",
        [("un:A/HRC/41/35", "paras. 3-5")],
    ),
    (
        "It accepted recommendations 1 to 8 under paragraph 99 of the report (A/HRC/14/6).",
        [("un:A/HRC/14/6", "para. 99")],
    ),
    (
        "In paragraph 6 of its general comment No. 7 (2005), the Committee on the Rights of the "
        "Child noted ...",
        [("gc:CRC/7", "para. 6")],
    ),
]

# 10. Invisible and look-alike characters inside a symbol: read through, never misread.
HIDDEN: list[Row] = [
    ("See A/HRC/41/3\u00ad5, para. 4.", [("un:A/HRC/41/35", "para. 4")]),
    ("See A/HRC/41/\u200b35, para. 4.", [("un:A/HRC/41/35", "para. 4")]),
    ("See A/HRC/41/3\u200d5.", [("un:A/HRC/41/35", "")]),
    ("See A/\u200bHRC/41/35.", [("un:A/HRC/41/35", "")]),
    ("See \u0410/HRC/41/35.", [("un:A/HRC/41/35", "")]),
    ("See A\uff0fHRC\uff0f41\uff0f35, para. 2.", [("un:A/HRC/41/35", "para. 2")]),
    ("See A/HRC/S\u201130/1.", [("un:A/HRC/S-30/1", "")]),
    ("See CCPR/C/123/D/2\u20113/2019.", [("un:CCPR/C/123/D/2-3/2019", "")]),
]

ALL = [
    *[pytest.param(*row, id=f"parenthesis-{i}") for i, row in enumerate(AFTER_PARENTHESIS)],
    *[pytest.param(*row, id=f"range-{i}") for i, row in enumerate(RANGES)],
    *[pytest.param(*row, id=f"art-para-{i}") for i, row in enumerate(ARTICLE_PARAGRAPH)],
    *[pytest.param(*row, id=f"articles-{i}") for i, row in enumerate(SEVERAL_ARTICLES)],
    *[pytest.param(*row, id=f"small-{i}") for i, row in enumerate(SMALL_FORMS)],
    *[pytest.param(*row, id=f"hidden-{i}") for i, row in enumerate(HIDDEN)],
]


@pytest.mark.parametrize(("text", "expected"), ALL)
def test_ids_and_pinpoints(text: str, expected: list[tuple[str, str]]) -> None:
    found = extract(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    assert [(c.id, str(c.pinpoint)) for c in found if not c.short_form] == expected


def test_a_paragraph_of_an_article_in_a_title_is_not_the_general_comments() -> None:
    """"General recommendation No. 25 on article 4, paragraph 1, of the Convention": the
    paragraph is article 4's, so the recommendation has no pinpoint."""
    text = (
        "Committee on the Elimination of Discrimination against Women, general recommendation "
        "No. 25 on article 4, paragraph 1, of the Convention."
    )
    found = [(c.id, str(c.pinpoint)) for c in extract(text)]
    assert ("gc:CEDAW/25", "") in found


def test_paragraph_before_a_case_does_not_stretch_to_another_case() -> None:
    text = "In paragraph 12 of the judgment in C-311/18 and in C-623/17, the Court held ..."
    assert [(c.id, str(c.pinpoint)) for c in extract(text)] == [
        ("case:C-311/18", "para. 12"),
        ("case:C-623/17", ""),
    ]


def test_an_aside_holding_a_slash_is_not_skipped() -> None:
    """ "(see also A/HRC/1/2), para. 5": the aside is another citation; its pinpoint is not ours."""
    found = extract("See A/HRC/41/35 (see also A/HRC/38/35), para. 5.")
    assert [c.id for c in found] == ["un:A/HRC/41/35", "un:A/HRC/38/35"]
    assert not found[0].pinpoint


def test_look_alike_letters_in_running_cyrillic_text_are_left_alone() -> None:
    cyrillic = (
        "\u0412 \u0434\u043e\u043a\u043b\u0430\u0434\u0435 \u0421\u041e\u0412\u0415\u0422\u0410"
    )
    result = check(f"{cyrillic} (see A/HRC/41/35).")
    assert [c.id for c in result.citations] == ["un:A/HRC/41/35"]
    assert [f.code for f in result.findings if f.code in ("CC102", "CC103")] == []
