"""Property: streamed extraction equals whole-text extraction on real texts, for several
window and overlap sizes, in ids, spans and pinpoints.

The only differences allowed are the stated limitations below: what the whole-text pass
infers from words anywhere in the text (also after a window) a window cannot know.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.families.general_comments import GeneralCommentRef
from citecheck.families.instruments import InstrumentParts
from citecheck.model import Citation
from citecheck.stream import extract_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

#: UN and EU texts, English, French and Spanish, with notes, back-references and short names.
SAMPLE = [
    "derived/cjeu_C-311-18_SchremsII.txt",
    "derived/cjeu_C-72-15_Rosneft.txt",
    "derived/gc_CCPR-C-GC-34.txt",
    "derived/sp_A-HRC-38-35.txt",
    "derived/upr_A-HRC-WG.6-34-SVN-2.txt",
    "derived/eu_32019L1937.txt",
    "eu_cjeu_gdpr_judgments/decisions/C-268-21.md",
    "eu_cjeu_gdpr_judgments/decisions/C-492-23.md",
    "eu_cjeu_judgments_2017_2018/txt/ECLI_EU_C_2017_1000.txt",
    "multilingual/fr__rgpd_reglement_ue_2016-679.txt",
    "multilingual/es__rgpd_reglamento_ue_2016-679_articulos.txt",
]

SIZES = [(4000, 500), (9000, 1000), (20000, 2500)]

Key = tuple[int, int]


def _committee_from_whole_text(whole: Citation, streamed: list[Citation]) -> bool:
    """Limitation: a general comment whose committee the text does not name near it belongs
    to the committee the whole text mentions most; a window counts only its own text."""
    return (
        isinstance(whole.parts, GeneralCommentRef)
        and whole.parts.committee_source == "document"
        and any(
            (s.id, s.pinpoint) == (f"gc:?/{whole.parts.number}", whole.pinpoint) for s in streamed
        )
    )


def _guessed_instrument(whole: Citation, streamed: list[Citation], guesses: dict[str, int]) -> bool:
    """Limitation: "article 4 of the Covenant" in a text that never named a covenant before is
    guessed from words anywhere in the text ("civil and political"); a window lacking those
    words reads no instrument there, nor in what continues it ("article 4 (2)")."""
    return (
        not streamed
        and isinstance(whole.parts, InstrumentParts)
        and guesses.get(whole.id, whole.start + 1) <= whole.start
    )


def _spans(citations: list[Citation]) -> dict[Key, list[Citation]]:
    by_span: dict[Key, list[Citation]] = {}
    for c in citations:
        by_span.setdefault((c.start, c.end), []).append(c)
    return by_span


@pytest.mark.parametrize("rel", SAMPLE)
def test_streamed_equals_whole(rel: str) -> None:
    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"corpus text {rel} not present (the shared corpus is not checked out)")
    text = path.read_bytes().decode("utf-8", "replace")
    whole = citecheck.extract(text)
    assert whole, "a sample text without citations tests nothing"
    # where the whole text first guessed each instrument from the document's words
    guesses: dict[str, int] = {}
    for c in whole:
        if isinstance(c.parts, InstrumentParts) and c.ambiguous and c.parts.resolved_by == "short":
            guesses.setdefault(c.id, c.start)
    for window, overlap in SIZES:
        streamed = extract_text(text, window=window, overlap=overlap)
        got = _spans(streamed)
        explained: set[int] = set()  # whole-text citations a stated limitation accounts for
        explained_spans: set[Key] = set()
        unexplained = []
        for index, w in enumerate(whole):
            here = got.get((w.start, w.end), [])
            if any((s.id, s.pinpoint) == (w.id, w.pinpoint) for s in here):
                continue
            if (
                _committee_from_whole_text(w, here)
                or _guessed_instrument(w, here, guesses)
                # Ibid. or a short name repeating a citation a limitation accounts for
                or (w.short_form and w.antecedent in explained)
            ):
                explained.add(index)
                explained_spans.add((w.start, w.end))
                continue
            unexplained.append((w.start, w.end, w.id, str(w.pinpoint), [s.id for s in here]))
        spans = _spans(whole)
        extra = [
            (c.start, c.end, c.id)
            for c in streamed
            if not any(
                (w.id, w.pinpoint) == (c.id, c.pinpoint) for w in spans.get((c.start, c.end), [])
            )
            and not any(whole.index(w) in explained for w in spans.get((c.start, c.end), []))
        ]
        assert (unexplained, extra) == ([], []), (window, overlap)
