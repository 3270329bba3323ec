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
INTENDED = {
    "derived/cjeu_C-72-15_Rosneft.txt": (
        "1b4310a0966d4e2b",
        "'Council Regulation (UE) No 833/2014' (a French domain in the English text) is found",
    ),
    "derived/eu_32019L1937.txt": (
        "630584a2c6efbbab",
        "'Directive 2001/95/EC of the European Parliament and of the Council, of 3 December "
        "2001': the date after a comma belongs to the citation",
    ),
    "eu_formex_plaintext_misc/"
    "legal-in-force-EUROVOC-5188__35e93bb4-8905-11e9-9369-01aa75ed71a1.txt": (
        "fe31c7fa9f079e89",
        "'OJ 17, 6.10.1958, p. 385/58' (an issue before the L and C series) no longer gets the "
        "made-up id 'oj:1958/17/p385': OJ ids name a series",
    ),
    # Issue #10 pinpoints and bodies (tests/test_accuracy_pinpoints.py has the rules).
    "derived/gc_CCPR-C-GC-34.txt": (
        "96cc5808c1b1cc84",
        "'general comment No. 32 on article 14', 'No. 27 on article 12': the article in a "
        "general comment's title is not a citation of the Covenant",
    ),
    "derived/gc_E-C.12-GC-24.txt": (
        "44cae64e1603bdbb",
        "Guiding Principles with principles, 'A/RES/61/295, annex,art. 32 (2)', the CEDAW "
        "Convention naming the committee of general recommendation No. 28, 'Ibid., art. 9'",
    ),
    "derived/sp_A-79-182.txt": (
        "d60464cb790636d0",
        "preambular/operative paragraphs, 'annex, art. 3 (2)', 'annex I, para. 7, and annex II', "
        "'Ibid., art. 3 (m)', the UDHR in a book title '(New York, 2023)' is not cited",
    ),
    "un_unhrd/documents_metadata.json": (
        "5e3692fb24f27f2e",
        "'General Recommendation No. 15 on article 4 of the Convention': articles in general "
        "comment titles are not cited; five comments take the committee named in their record",
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
