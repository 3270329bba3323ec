"""Issuing bodies, lists, identifiers inside identifiers, volumes, back-references, context.

Each row is a realistic sentence (written for these tests, in the shapes UN and EU texts use)
and every citation citecheck must find in it, in order: (id, kind, short_form, pinpoint).
Nothing else may be found, so each row checks precision as well as recall.
"""

from __future__ import annotations

import pytest

import citecheck
from citecheck import Kind

Row = tuple[str, str, list[tuple[str, Kind, bool, str]]]

GC, RES, DOC, ACT = Kind.GENERAL_COMMENT, Kind.UN_RESOLUTION, Kind.UN_DOCUMENT, Kind.EU_ACT
INST, ECLI = Kind.INSTRUMENT, Kind.ECLI

ROWS: list[Row] = [
    # 5. The issuing body: a treaty names its committee; a committee named right before.
    (
        "5-treaty-names-committee",
        "The State party should be guided by ICCPR General Comment 20 on torture.",
        [("gc:CCPR/20", GC, False, "")],
    ),
    (
        "5-icescr-names-cescr",
        "See ICESCR general comment No. 14, para. 12, on the right to health.",
        [("gc:CESCR/14", GC, False, "para. 12")],
    ),
    (
        "5-named-committee-before-comma",
        "Committee on Economic, Social and Cultural Rights, general comment No. 22 (2016); and "
        "Committee on the Elimination of Discrimination against Women, general comment "
        "No. 35 (2017), para. 29.",  # the wrong term (GC103), but CEDAW is named
        [("gc:CESCR/22", GC, False, ""), ("gc:CEDAW/35", GC, False, "para. 29")],
    ),
    (
        "5-quoted-in-another-committees-text",
        "E/C.12/GC/99\n\nThe Committee on Economic, Social and Cultural Rights recalls that the "
        "Committee on the Rights of the Child, general comment No. 16, para. 28, addresses "
        "business. The Committee on Economic, Social and Cultural Rights adopts this.",
        [("un:E/C.12/GC/99", DOC, False, ""), ("gc:CRC/16", GC, False, "para. 28")],
    ),
    (
        "5-chr-text-its-resolutions",
        "E/CN.4/RES/1993/45\nCommission on Human Rights\nRecalling its resolutions 14 (XXXIV) "
        "of 6 March 1978 and 1992/23 of 28 February 1992,",
        [
            ("un:E/CN.4/RES/1993/45", DOC, False, ""),
            ("un:E/CN.4/RES/14(XXXIV)", RES, False, ""),
            ("un:E/CN.4/RES/1992/23", RES, False, ""),
        ],
    ),
    (
        "5-its-after-named-body-is-that-body",
        "Human Rights Council\nRecalling the Convention adopted by the General Assembly in its "
        "resolution 61/177 of 20 December 2006,",
        [("un:A/RES/61/177", RES, False, "")],
    ),
    # 6 and 13. Lists interrupted by a clause, dates, subjects and titles keep every item.
    (
        "6-list-with-relative-clause",
        "Recalling General Assembly resolutions 60/251 of 15 March 2006, by which it established "
        "the Council, and 65/281 of 17 June 2011,",
        [("un:A/RES/60/251", RES, False, ""), ("un:A/RES/65/281", RES, False, "")],
    ),
    (
        "13-list-with-dates-and-subjects",
        "Recalling General Assembly resolutions 73/327 of 25 July 2019 on sport, 76/13 of "
        "3 December 2021 on the Olympic Truce, and 78/10,",
        [
            ("un:A/RES/73/327", RES, False, ""),
            ("un:A/RES/76/13", RES, False, ""),
            ("un:A/RES/78/10", RES, False, ""),
        ],
    ),
    (
        "13-list-with-title",
        'Recalling General Assembly resolution 55/2 of 8 September 2000, entitled "United '
        'Nations Millennium Declaration", and 60/1,',
        [("un:A/RES/55/2", RES, False, ""), ("un:A/RES/60/1", RES, False, "")],
    ),
    (
        "13-sentence-end-is-not-a-list",
        "The mandate was created by Commission resolution 1985/33, in which it decided to "
        "appoint a rapporteur. It was renewed by Commission resolutions 1986/50 and 1987/29.",
        [
            ("un:E/CN.4/RES/1985/33", RES, False, ""),
            ("un:E/CN.4/RES/1986/50", RES, False, ""),
            ("un:E/CN.4/RES/1987/29", RES, False, ""),
        ],
    ),
    # 7. Identifiers inside identifiers: the ECtHR's ECLI; its ECHR is no treaty citation.
    (
        "7-echr-ecli",
        "See Kövesi v. Romania, CE:ECHR:2020:0505JUD000379418, paragraph 124, and "
        "CE:ECHR:2019:0124JUD005441413.",
        [
            ("ecli:CE:ECHR:2020:0505JUD000379418", ECLI, False, "para. 124"),
            ("ecli:CE:ECHR:2019:0124JUD005441413", ECLI, False, ""),
        ],
    ),
    # 8 and 14. Volumes, parts and sections stay in the symbol.
    (
        "8-volume",
        "Official Records of the General Assembly, Fifty-first Session, Supplement No. 40, "
        "A/51/40 (Vol. I), para. 5.",
        [("un:A/51/40(Vol.I)", DOC, False, "para. 5")],
    ),
    (
        "8-part",
        "Vienna Declaration and Programme of Action, A/CONF.157/24 (Part I), chap. III.",
        [("un:A/CONF.157/24(PartI)", DOC, False, "chap. III")],
    ),
    (
        "8-resolution-part-letter",
        "Pursuant to General Assembly resolution 59/284 A and resolution 60/1,",
        [("un:A/RES/59/284A", RES, False, ""), ("un:A/RES/60/1", RES, False, "")],
    ),
    # 9. Back-references to the nearest act of the same type.
    (
        "9-that-directive-with-pinpoint",
        "Large undertakings within the meaning of Article 3(4) of Directive 2013/34/EU are "
        "public-interest entities as defined in Article 2(1) of that Directive.",
        [
            ("celex:32013L0034", ACT, False, "art. 3(4)"),
            ("celex:32013L0034", ACT, True, "art. 2(1)"),
        ],
    ),
    (
        "9-the-regulation-without-pinpoint",
        "Regulation (EU) 2016/679 lays down certification mechanisms to show compliance with "
        "that Regulation.",
        [("celex:32016R0679", ACT, False, ""), ("celex:32016R0679", ACT, True, "")],
    ),
    (
        "9-nearest-of-the-same-type-wins",
        "Directive (EU) 2022/2555 and Regulation (EU) No 1024/2013 apply; the authority "
        "designated under Article 8 of that Directive cooperates with the ECB under that "
        "Regulation.",
        [
            ("celex:32022L2555", ACT, False, ""),
            ("celex:32013R1024", ACT, False, ""),
            ("celex:32022L2555", ACT, True, "art. 8"),
            ("celex:32013R1024", ACT, True, ""),
        ],
    ),
    (
        "9-no-antecedent-no-citation",
        "Article 5 of the Regulation applies, and this Decision enters into force today.",
        [],
    ),
    (
        "9-untitled-act-interrupts",
        "Regulation (EU) No 1024/2013 confers tasks on the ECB; for crypto-asset issuers "
        "authorised under the Regulation on markets in crypto-assets, the authority designated "
        "under that Regulation is competent.",
        [("celex:32013R1024", ACT, False, "")],
    ),
    (
        "9-definition-of-another-act",
        "Regulation (EU) 2016/679 applies. Commission Decision C(2021) 3972 ('the Decision') "
        "was adopted; Article 2 of the Decision lists safeguards.",
        [("celex:32016R0679", ACT, False, "")],
    ),
    (
        "9-definition-of-the-act-just-cited",
        "Council Decision (CFSP) 2020/1999 ('the Decision') concerns sanctions; under "
        "Article 3 of the Decision assets are frozen.",
        [("celex:32020D1999", ACT, False, ""), ("celex:32020D1999", ACT, True, "art. 3")],
    ),
    # 11. Context decides the instrument and the body.
    (
        "11-charter-in-eu-text",
        "The Charter of the United Nations was mentioned by the referring court. The applicant "
        "relies on Article 47 of the Charter and on Article 267 TFEU.",
        [
            ("instrument:un-charter", INST, False, ""),
            ("instrument:cfr", INST, False, "art. 47"),
            ("instrument:tfeu", INST, False, "art. 267"),
        ],
    ),
    (
        "11-ga-footnote-resolution",
        "A/RES/70/1\nGeneral Assembly\nTransforming our world.\n\nThe Declaration is recalled."
        "\n\n[^1]: Resolution 55/2.",
        [("un:A/RES/70/1", DOC, False, ""), ("un:A/RES/55/2", RES, False, "")],
    ),
    (
        "11-hrc-decision",
        "Human Rights Council\nRecalling its decision 2/102 of 6 October 2006,\n\n"
        "[^2]: See resolution 45/7.",
        [("un:A/HRC/DEC/2/102", RES, False, ""), ("un:A/HRC/RES/45/7", RES, False, "")],
    ),
    # 12. Short EU numbers.
    (
        "12-short-directive-numbers",
        "Directive 80/779/EEC set limit values; Directive 96/62 and Directives 80/779 and "
        "85/203 were later replaced.",
        [
            ("celex:31980L0779", ACT, False, ""),
            ("celex:31980L0779", ACT, False, ""),
            ("celex:31985L0203", ACT, False, ""),
        ],
    ),
    (
        "12-institution-named",
        "Council Directives 80/779 and 85/203 were repealed.",
        [("celex:31980L0779", ACT, False, ""), ("celex:31985L0203", ACT, False, "")],
    ),
    # 14. Treaty names broken across lines or with a footnote marker glued on.
    (
        "14-treaty-name-broken-and-footnoted",
        "under article 7 of the International Covenant on Civil and\nPolitical Rights and "
        "article 19 of the Convention on the Rights of the Child14 as well",
        [("instrument:iccpr", INST, False, "art. 7"), ("instrument:crc", INST, False, "art. 19")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_body_class(name: str, text: str, expected: list[tuple[str, Kind, bool, str]]) -> None:
    found = citecheck.extract(text)
    for cit in found:
        assert text[cit.start : cit.end] == cit.text
    assert [(c.id, c.kind, c.short_form, str(c.pinpoint)) for c in found] == expected


def test_running_page_header_is_not_a_citation() -> None:
    page = "Slovenia accepted the recommendations in A/HRC/28/15, para. 5, and in paragraph 6.\n"
    text = (
        "United Nations                          A/HRC/28/15\n\n"
        + page
        + "\f A/HRC/28/15\n\n"
        + page
        + "\f                                   A/HRC/28/15\n"
    )
    ids = [(c.id, c.start) for c in citecheck.extract(text)]
    in_sentences = [i for i, (cid, _) in enumerate(ids) if cid == "un:A/HRC/28/15"]
    assert len(in_sentences) == 2  # the two citations in the sentences, not the 3 headers
    assert all(text[start - 12 : start] == "commendations in "[-12:] for _, start in ids)


def test_single_symbol_on_its_own_line_is_still_a_citation() -> None:
    assert [c.id for c in citecheck.extract("A/HRC/41/35\n")] == ["un:A/HRC/41/35"]


def test_back_reference_points_at_its_antecedent() -> None:
    text = "Regulation (EU) 2016/679 applies. Article 33 of that Regulation is relevant."
    full, back = citecheck.extract(text)
    assert back.antecedent == 0 and back.short_form and back.text.startswith("Article 33")
    assert full.id == back.id == "celex:32016R0679"
