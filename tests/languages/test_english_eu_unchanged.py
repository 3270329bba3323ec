"""English extraction on a fixed sample of the shared corpus is what it was before the French,
Spanish and German EU forms were added (``english_baseline.json``: per file, the number of
citations and a hash of their spans, families, ids and pinpoints, taken before that work).

Some files changed on purpose; their new hash is pinned here with the reason."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from citecheck.pipeline import extract

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
BASELINE = json.loads((Path(__file__).parent / "english_baseline.json").read_text("utf-8"))["files"]

#: file -> (hash now, why it differs from the baseline)
BACK_REFERENCES = (
    "back-references (issue 10, class 9): lower-case 'Article 3 of that regulation', defined "
    "names ('the SCC Decision'), a bare 'the Covenant' after the instrument's full citation, "
    "'Guiding Principles, principle 11', and Ibid. after a note citing no document has no id"
)
ARTICLE_RANGES = "a range of articles prints as 'arts. 2-4', as 'paras. 3-5' does"
ACT_PLACES = (
    "titles, chapters and sections of an act are pinpoints: 'Chapter II of Regulation (EU) "
    "2022/2065' -> chap. II, 'Chapter III, Section 2, of that Regulation' -> chap. III, sect. 2, "
    "'Chapter III of Title 1 of Directive (EU) 2017/1132' -> title 1, chap. III"
)
INSTRUMENT_NAMES = (
    "instrument names broken across lines keep the next line's indentation; the loose names "
    "'Convention for the Protection of All Persons from Enforced Disappearance', "
    "'International Convention on the Rights of Migrant Workers ...'; 'the FEU Treaty' is the TFEU"
)
OF_AND_TO = (
    "'Article 4(3) of, and Annex II to, Regulation ...' keeps both pinpoints; 'Article 7(4)(b) "
    "and (5)' lists paragraph 5 (art. 7(5)), not point (5) of paragraph 4"
)
ACRONYMS = (
    "an acronym defined right after an act's OJ reference ('the GDPR') names the act: "
    "'Article 45 of the GDPR' cites Regulation (EU) 2016/679, art. 45"
)
CASE_NAMES = (
    "'paragraph 72 of the judgment of 28 May 2013, Abdulrahim v Council and Commission "
    "(C-239/12 P, ...)': the paragraph is the case's; cases sharing one ECLI are one judgment"
)
NOT_PUBLISHED = (
    "'C-34/12 P, not published, EU:C:2013:552, paragraph 80': the paragraph after the Court's "
    "note 'not published' and the judgment's own ECLI is the case's too (one span with the ECLI)"
)
FOOTNOTE_CALLS = (
    "each act of a list followed by its footnote call is found: 'Directives 2013/54/EU (9) and "
    "2009/16/EC (10)', 'Regulations (EU) 2016/679 (2) and (EU) 2018/1725 (3)'"
)
POINT_RANGES = (
    "a range of points written before the article or annex is one range: 'points (2) to (23) "
    "of Article 2(5)' -> art. 2(5)(2)-(23), as 'Article 5(1) to (3)' is"
)
ADOPTION_YEARS = (
    "a general comment's year in parentheses names the one committee that adopted that number "
    "that year ('general recommendation No. 36 (2017)' is CEDAW's, 'general comment No. 8 "
    "(1997)' CESCR's): every committee's adoption years are known"
)
INTENDED = {
    "derived/cjeu_C-72-15_Rosneft.txt": (
        "086ba94ac2d5beca",
        "'Council Regulation (UE) No 833/2014' (a French domain in the English text) is found; "
        + BACK_REFERENCES
        + "; "
        + ARTICLE_RANGES
        + "; "
        + INSTRUMENT_NAMES
        + "; "
        + OF_AND_TO,
    ),
    "derived/cjeu_C-311-18_SchremsII.txt": (
        "85464e6156b18834",
        BACK_REFERENCES + "; " + ARTICLE_RANGES + "; " + ACRONYMS,
    ),
    "derived/gc_CCPR-C-GC-34.txt": (
        "c0107aed1e7439e7",
        "'general comment No. 32 on article 14', 'No. 27 on article 12': the article in a "
        "general comment's title is not a citation of the Covenant; " + BACK_REFERENCES,
    ),
    "derived/gc_E-C.12-GC-24.txt": (
        "adedb9239a66b07e",
        "Guiding Principles with principles, 'A/RES/61/295, annex,art. 32 (2)', the CEDAW "
        "Convention naming the committee of general recommendation No. 28, 'Ibid., art. 9'; "
        + BACK_REFERENCES
        + "; "
        + ADOPTION_YEARS,
    ),
    "derived/sp_A-71-373.txt": ("48abebe4ce6576d5", BACK_REFERENCES),
    "derived/sp_A-79-182.txt": (
        "7fef88f336c70984",
        "preambular/operative paragraphs, 'annex, art. 3 (2)', 'annex I, para. 7, and annex II', "
        "'Ibid., art. 3 (m)', the UDHR in a book title '(New York, 2023)' is not cited; "
        "'thirty-fourth preambular para.'; " + BACK_REFERENCES,
    ),
    "eu_cjeu_gdpr_judgments/cases_metadata.json": (
        "8201dcba9045f96b",
        BACK_REFERENCES + "; " + POINT_RANGES,
    ),
    "un_unhrd/documents_metadata.json": (
        "e1c609ab08f8f953",
        "'General Recommendation No. 15 on article 4 of the Convention': articles in general "
        "comment titles are not cited; five comments take the committee named in their record; "
        + BACK_REFERENCES
        + "; "
        + ADOPTION_YEARS,
    ),
    "un_upr_slovenia/cycle1__A_HRC_WG_6_7_SVN_1_National_Report.md": (
        "8494ff73bacc4343",
        BACK_REFERENCES + "; " + INSTRUMENT_NAMES,
    ),
    "un_upr_slovenia/cycle1__A_HRC_WG_6_7_SVN_3_Stakeholder_Summary.md": (
        "307661381cfa5894",
        BACK_REFERENCES + "; " + INSTRUMENT_NAMES,
    ),
    "un_upr_slovenia/cycle1__extracted__g0916919.txt": (
        "fa62ce6cadfbbc70",
        BACK_REFERENCES + "; " + INSTRUMENT_NAMES,
    ),
    "derived/cjeu_C-45-15P_SafaNicuSepahan.txt": (
        "d84df1a247db22a4",
        INSTRUMENT_NAMES + "; " + CASE_NAMES + "; " + NOT_PUBLISHED,
    ),
    "derived/eu_32020D0472.txt": (
        "8a9d6e129e5c9a1e",
        "'UNSCR 2292 (2016)', 'UNSCRs 2292 (2016) and 2473 (2019)' are Security Council "
        "resolutions",
    ),
    "un_upr_slovenia/cycle1__A_HRC_14_15_Working_Group_Report.md": (
        "ca9bab05a9a13589",
        INSTRUMENT_NAMES,
    ),
    "derived/eu_32019L1937.txt": (
        "f6e00f460670c056",
        "'Directive 2001/95/EC of the European Parliament and of the Council, of 3 December "
        "2001': the date after a comma belongs to the citation; " + FOOTNOTE_CALLS,
    ),
    "derived/eu_32020R1998.txt": ("ce04cbd3361cb765", FOOTNOTE_CALLS),
    "eu_formex_plaintext_misc/"
    "legal-in-force-EUROVOC-5188__35e93bb4-8905-11e9-9369-01aa75ed71a1.txt": (
        "fe31c7fa9f079e89",
        "'OJ 17, 6.10.1958, p. 385/58' (an issue before the L and C series) no longer gets the "
        "made-up id 'oj:1958/17/p385': OJ ids name a series",
    ),
    "eu_formex_plaintext_misc/large_CN_tariff_32016R1821.txt": ("4d625b22e9cad124", ARTICLE_RANGES),
    "eu_pypi_ai_act_articles/32016R0679_gdpr.txt": ("5f771d76013a1837", ARTICLE_RANGES),
    "eu_pypi_ai_act_articles/32022L2464_csrd.txt": (
        "f62b2673b2354be8",
        ARTICLE_RANGES + "; " + ACT_PLACES + "; " + POINT_RANGES,
    ),
    "eu_pypi_ai_act_articles/32022R2554_dora.txt": (
        "24158bceae480200",
        ARTICLE_RANGES + "; " + OF_AND_TO,
    ),
    "eu_pypi_ai_act_articles/32024R1689_eu-ai-act.txt": (
        "41fde20dd4ae2d13",
        ARTICLE_RANGES + "; " + ACT_PLACES,
    ),
}


def _digest(text: str) -> tuple[int, str]:
    rows = sorted([c.start, c.end, c.family, c.id, str(c.pinpoint)] for c in extract(text))
    return len(rows), hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()[
        :16
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
@pytest.mark.parametrize("name", sorted(BASELINE))
def test_english_extraction_is_unchanged(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} is not in this copy of the shared corpus")
    count, digest = _digest(path.read_text("utf-8", errors="replace"))
    if name in INTENDED:
        assert digest == INTENDED[name][0], INTENDED[name][1]
    else:
        assert (count, digest) == (BASELINE[name]["count"], BASELINE[name]["sha"])
