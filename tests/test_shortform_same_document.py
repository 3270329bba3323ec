"""Several names of one document side by side (a case number and its ECLI, an act and its OJ
publication, CELEX number or ELI) are one document: ``Ibid.`` after them is not ambiguous
(SF102), and it repeats the act, not the page of the Official Journal it was published on."""

from __future__ import annotations

import pytest

import citecheck

# (the note before "Ibid.", whether SF102 is reported)
NOTES = [
    # one judgment: case number and ECLI
    ("Judgment of 1 March 2021, *Alpha*, C-123/19, EU:C:2021:150, paragraph 4.", False),
    ("Case C-123/19 *Alpha*, EU:C:2021:150.", False),
    ("Case C-123/19 Alpha v Beta and Others EU:C:2021:150, para. 4.", False),
    ("*Alpha*, EU:C:2021:150 (C-123/19), para. 4.", False),
    # one act: the act and its OJ publication
    ("Regulation (EU) 2017/745 of 5 April 2017 (OJ L 117, 5.5.2017, p. 1).", False),
    ("Directive 2011/95/EU, OJ L 337, 20.12.2011, p. 9.", False),
    # two documents really cited: still ambiguous
    ("C-123/19, EU:C:2021:150; C-456/20, EU:C:2022:77.", True),
    ("A/HRC/41/35; A/HRC/38/35.", True),
    ("Regulation (EU) 2017/745 and Directive 2011/95/EU.", True),
    ("C-123/19, EU:C:2021:150, and Directive 2011/95/EU.", True),
    ("C-123/19; *Beta*, EU:C:2022:77.", True),
    ("C-123/19, paragraph 4, and the later judgment EU:C:2022:77.", True),
    ("*Beta*, EU:C:2022:77, and *Alpha*, C-123/19.", True),
    ("Directive 2011/95/EU (OJ L 337, 20.12.2011, p. 9); OJ L 180, 29.6.2013, p. 60.", True),
    # a case and an ECLI with another source opened between them: two judgments
    # (a list word alone does not open one: "C-311/18, Data Protection Commissioner, and
    # Facebook Ireland, EU:C:2020:559" is one party list; two judgments joined by it are told
    # apart by an ECLI older than the case, below, and otherwise read as one: a known limit)
    ("See Schrems, C-311/18, and Digital Rights Ireland, EU:C:2014:238.", True),
    ("See Alpha, C-123/19, and Beta, EU:C:2018:77.", True),
    ("Voir Alpha, C-123/19, et Beta, EU:C:2018:77.", True),
    ("Véase Alpha, C-123/19, y Beta, EU:C:2018:77.", True),
    ("Siehe Alpha, C-123/19, und Beta, EU:C:2018:77.", True),
    ("See Alpha, C-123/19, see also Beta, EU:C:2022:77.", True),
    ("See Alpha, C-123/19, cf. Beta, EU:C:2022:77.", True),
    ("Vgl. Alpha, C-123/19, vgl. Beta, EU:C:2022:77.", True),
    # an ECLI of a year before the case was lodged is another judgment
    ("Case C-311/18 Alpha v Beta EU:C:2014:238.", True),
    ("C-311/18, EU:C:2014:238.", True),
    # an OJ issue before the act's year, or years after it, is another act's publication
    ("See Regulation (EU) 2016/679 (OJ L 201, 31.7.2002, p. 37).", True),
    ("See Directive 95/46/EC (OJ L 119, 4.5.2016, p. 1).", True),
    # and still one document: parties joined by "and" without a comma, a judgment years
    # after its case, an act published the next year
    ("Case C-311/18 Facebook Ireland and Maximillian Schrems, EU:C:2020:559.", False),
    ("See C-311/18, Data Protection Commissioner, and Facebook Ireland, EU:C:2020:559.", False),
    ("See C-311/18, Facebook Ireland, Schrems, and others, EU:C:2020:559.", False),
    ("C-311/18, EU:C:2020:559.", False),
    ("C-311/18, EU:C:2018:1.", False),
    ("Regulation (EU) 2016/2031 (OJ L 317, 23.11.2016, p. 4).", False),
    ("Directive 2013/48/EU (OJ L 294, 6.11.2013, p. 1).", False),
    ("Regulation (EU) No 1215/2012 (OJ L 351, 20.12.2012, p. 1).", False),
    ("Regulation (EU) 2019/2033 (OJ L 314, 5.12.2019, p. 1).", False),
    ("Council Directive 2000/78/EC (OJ L 303, 2.12.2000, p. 16).", False),
    ("Directive 2003/86/EC (OJ L 251, 3.10.2003, p. 12).", False),
    ("Regulation (EU) 2019/2088 (OJ L 317, 9.12.2019, p. 1); see also its corrigendum.", False),
    ("Directive (EU) 2019/1937 (OJ L 305, 26.11.2019, p. 17).", False),
    ("Regulation (EU) 2020/2222 (OJ L 437, 28.12.2020, p. 1).", False),
    ("Regulation (EU) 2023/2854 (OJ L, 2023/2854, 22.12.2023).", False),
    ("Regulation (EU) 2020/2220 (OJ L 437, 28.12.2021, p. 1).", False),
    ("Regulation (EU) 2020/2220 (OJ L 437, 28.12.2022, p. 1).", False),
    ("Regulation (EU) 2020/2220 (OJ L 437, 28.12.2023, p. 1).", True),
]


@pytest.mark.parametrize(("note", "ambiguous"), NOTES)
def test_ibid_after_a_note_naming_one_document_twice(note: str, ambiguous: bool) -> None:
    text = f"Text.[^1] More.[^2]\n\n[^1]: {note}\n[^2]: Ibid., paragraph 5.\n"
    codes = [f.code for f in citecheck.check(text).findings if f.code.startswith("SF")]
    assert codes == (["SF102"] if ambiguous else [])
    [ibid] = [c for c in citecheck.extract(text) if c.short_form]
    assert ibid.id  # resolved either way
    assert ibid.ambiguous is ambiguous


# (text, the id "Ibid." repeats)
REPEATS = [
    (
        "Regulation (EU) 2017/745 of 5 April 2017 (OJ L 117, 5.5.2017, p. 1). Ibid., Article 5.",
        "celex:32017R0745",
    ),
    ("Directive 2011/95/EU, OJ L 337, 20.12.2011, p. 9. Ibid., Article 2.", "celex:32011L0095"),
    ("*Alpha*, C-123/19, EU:C:2021:150, paragraph 4. Ibid., paragraph 9.", "ecli:EU:C:2021:150"),
    ("*Alpha*, EU:C:2021:150 (C-123/19). Ibid., paragraph 9.", "ecli:EU:C:2021:150"),
    # an OJ reference cited on its own is what ibid. repeats
    ("See OJ L 117, 5.5.2017, p. 1. Ibid., p. 3.", "oj:L/2017/117/p1"),
    # an OJ reference after a semicolon is another document
    (
        "Directive 2011/95/EU; OJ L 117, 5.5.2017, p. 1. Ibid., p. 3.",
        "oj:L/2017/117/p1",
    ),
]


@pytest.mark.parametrize(("text", "repeated"), REPEATS)
def test_ibid_repeats_the_document_not_its_publication(text: str, repeated: str) -> None:
    [ibid] = [c for c in citecheck.extract(text) if c.short_form]
    assert ibid.id == repeated
