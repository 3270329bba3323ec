# ruff: noqa: E501  (table rows hold citation sentences)
"""English instrument false matches (issue #14): five classes a careful reader states.

1. In a committee's text "the Convention" is the committee's own treaty, even just after
   another treaty named unmistakably ("ILO Convention No. 182", "the Worst Forms of Child
   Labour Convention, 1999 (No. 182)", "the 1954 Convention"): concluding observations cite
   the ILO conventions beside their own treaty. Without an own treaty, a treaty named just
   before keeps the catalog treaty named earlier from taking "the Convention".
2. A convention outside the catalog whose name ends in a word of a catalog name ("the Domestic
   Workers Convention": "Workers" is in the migrant workers convention's name) is another
   treaty; a name made only of catalog words ("the Migrant Workers Convention") is not, unless
   the ILO's title form follows it ("the Migrant Workers Convention, 1975 (No. 143)").
3. A name or acronym followed by a body's word ("the Convention against Torture Initiative",
   "the ICESCR Committee") names that body, not the instrument.
4. A bare "(art. 17)" in a sentence that opens with another instrument than the one whose
   article was cited before, and names no other, is the named one's ("The Convention on the
   Rights of the Child obliges States ... (art. 17)"), however long the sentence. A sentence
   naming two instruments, or naming one in a comparison or a clause ("Like the CRC, the
   Covenant ...", "States, which have ratified the CRC, ..."), gives no such reading.
5. "general comment No. 34 of the Human Rights Committee on article 19": the article is the
   comment's subject, in its title, with its committee named between, not a citation; with
   its instrument named after it ("... on article 19 of the Covenant") it is one (as before).

Made-up sentences in the shapes of UN texts; each negative row gave a citation before, each
positive row keeps its reading.
"""

from __future__ import annotations

import pytest
from eu_cases import found
from un_language_cases import ascii_id

CRC_DOC = "CRC/C/GC/11\nGeneral comment No. 11 (2009)\n1. "
CRC_FULL = "The Convention on the Rights of the Child applies. "


def instruments(text: str) -> list[tuple[str, str]]:
    return [(i, pin) for i, kind, pin in found(text) if kind == "instrument"]


ROWS: list[tuple[str, list[tuple[str, str]]]] = [
    # 1. the committee's own treaty is "the Convention", even after an unmistakable other one
    (CRC_DOC + "The Committee refers to ILO Convention No. 182. Under article 3 of the Convention, the worst forms include slavery.",
     [("instrument:crc", "art. 3")]),
    (CRC_DOC + "The Committee refers to the Worst Forms of Child Labour Convention, 1999 (No. 182). Under article 3 of the Convention, the worst forms include slavery.",
     [("instrument:crc", "art. 3")]),
    (CRC_DOC + "The Committee refers to the ILO Indigenous and Tribal Peoples Convention. Article 6 of the Convention requires consultation.",
     [("instrument:crc", "art. 6")]),
    (CRC_DOC + "The Committee refers to the 1954 Convention. Under article 1 of the Convention, a stateless person is defined.",
     [("instrument:crc", "art. 1")]),
    (CRC_DOC + "The Committee welcomes the ratification of the Worst Forms of Child Labour Convention, 1999 (No. 182), the Minimum Age Convention, 1973 (No. 138) and the Domestic Workers Convention. It urges the State party to implement article 32 of the Convention.",
     [("instrument:crc", "art. 32")]),
    ("CEDAW/C/GC/35\n1. The State party ratified ILO Convention No. 189 in 2012. The Committee recommends that the State party, in line with article 11 of the Convention, protect domestic workers.",
     [("instrument:cedaw", "art. 11")]),
    # ... and a word before "Convention" alone
    (CRC_DOC + "The Committee refers to the Youth Convention strategy. Article 12 of the Convention requires that children be heard.",
     [("instrument:crc", "art. 12")]),
    ("CEDAW/C/GC/35\n1. The Committee refers to the Istanbul Convention. Under article 2 of the Convention, States condemn discrimination.",
     [("instrument:cedaw", "art. 2")]),
    # ... and, with no own treaty, every one does (as before)
    (CRC_FULL + "The Youth Convention strategy was adopted. Article 3 of the Convention applies.",
     [("instrument:crc", "")]),
    (CRC_FULL + "ILO Convention No. 182 applies. Under article 3 of the Convention, the worst forms include slavery.",
     [("instrument:crc", "")]),
    # ... nor does it without anything in between
    (CRC_DOC + "Article 12 of the Convention requires that children be heard.",
     [("instrument:crc", "art. 12")]),
    # 2. a convention outside the catalog ending in a catalog name's word
    (CRC_FULL + "The Domestic Workers Convention, 2011 (No. 189), applies. The Convention requires decent work.",
     [("instrument:crc", "")]),
    (CRC_FULL + "The Domestic Workers Convention applies. Article 10 of the Convention requires decent work.",
     [("instrument:crc", "")]),
    (CRC_FULL + "The ILO Migrant Workers Convention (No. 97) applies. The Convention requires equal treatment.",
     [("instrument:crc", "")]),
    # ... a name made only of catalog words is the catalog's
    ("The Convention against Torture applies. The Torture Convention is clear. Article 3 of the Convention applies.",
     [("instrument:cat", ""), ("instrument:cat", "art. 3")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", ""), ("instrument:cmw", "art. 11")]),
    # ... unless the ILO's title form (year, number in brackets) follows it
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention, 1975 (No. 143) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    # ... written with "of" before the year, or the ILO's "C" number
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention of 1975 (No. 143) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention, 1975 (C143) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers (Supplementary Provisions) Convention (C 143) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. ILO Convention No. 143 is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", "")]),
    # ... not a year or a number alone, nor in the committee's own text
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention of 1975 is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", ""), ("instrument:cmw", "art. 11")]),
    ("The International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families applies. The Migrant Workers Convention (Part C) is clear. Article 11 of the Convention applies.",
     [("instrument:cmw", ""), ("instrument:cmw", "art. 11")]),
    ("CMW/C/GC/2\nGeneral comment No. 2 (2013)\n1. The State party ratified the Migrant Workers Convention of 1975 (C143). Under article 11 of the Convention, all are protected.",
     [("instrument:cmw", "art. 11")]),
    # 3. a body or an initiative named after the instrument
    ("Fiji joined the Convention against Torture Initiative in 2019.", []),
    ("The ICESCR Committee and the ICCPR Committee met.", []),
    ("The Convention against Torture Secretariat wrote.", []),
    # ... the instrument itself still is
    ("Fiji ratified the Convention against Torture in 2016.", [("instrument:cat", "")]),
    ("The ICESCR applies; the Committee agreed.", [("instrument:icescr", "")]),
    # 4. a bare "(art. 17)" in a sentence naming another instrument than the one whose article
    # was cited before is that instrument's, not the earlier one's
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. The Convention on the Rights of the Child obliges States parties to ensure that children have access to information in order to support individual development and a capacity to participate in public life (art. 17).",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", ""), ("instrument:crc", "art. 17")]),
    ("It is protected by article 14 of the Convention on the Rights of Persons with Disabilities. The Convention for the Protection of Human Rights and Fundamental Freedoms from 1950 is the only human rights instrument at either the regional or global level that contemplates such an exception based on impairment (art. 5 (1) (e)).",
     [("instrument:crpd", "art. 14"), ("instrument:echr", ""), ("instrument:echr", "art. 5(1)(e)")]),
    # ... not when the sentence names two instruments, or names one in a comparison or a clause
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. Like the Convention on the Rights of the Child, the Covenant guarantees access to information (art. 19).",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", ""), ("instrument:iccpr", "")]),
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. The Convention on the Rights of the Child and the Convention against Torture oblige States to act (art. 17).",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", ""), ("instrument:cat", "")]),
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. States parties, which have also ratified the Convention on the Rights of the Child, must ensure participation (art. 25).",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", "")]),
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. The Convention on the Rights of the Child, unlike the ICESCR, obliges States to act (art. 17).",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", ""), ("instrument:icescr", "")]),
    # ... after a sentence's end, the article continues the one cited before (as before)
    ("The International Covenant on Civil and Political Rights applies. It is protected by article 25 of the Covenant. The Convention on the Rights of the Child was adopted in 1989 and it has been ratified by almost every State in the world since then, a record among the human rights treaties of the United Nations. All persons are equal before the law, and under article 26, all are equal.",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 25"), ("instrument:crc", ""), ("instrument:iccpr", "art. 26")]),
    # 5. the article a general comment is on, its committee named between, names its subject
    ("The Universal Declaration of Human Rights applies. As indicated in general comment No. 34 of the Human Rights Committee on article 19: Freedoms of opinion and expression, it extends to all bodies.",
     [("instrument:udhr", "")]),
    ("The Convention on the Rights of the Child applies. See general comment No. 12 (2009) of the Committee on the Rights of the Child on article 12, para. 3.",
     [("instrument:crc", "")]),
    ("The International Covenant on Civil and Political Rights applies. See general comment No. 34 of the Human Rights Committee on article 19 of the Covenant.",
     [("instrument:iccpr", ""), ("instrument:iccpr", "art. 19")]),
    ("The Universal Declaration of Human Rights applies. The Human Rights Committee relied on article 19 of the Declaration.",
     [("instrument:udhr", ""), ("instrument:udhr", "art. 19")]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[ascii_id(r[0][-60:], 50) for r in ROWS])
def test_english_instrument_false_matches(text: str, expected: list[tuple[str, str]]) -> None:
    assert instruments(text) == expected
