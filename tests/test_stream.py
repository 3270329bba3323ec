"""Streaming extraction in overlapping windows equals whole-text extraction."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import citecheck
from citecheck.stream import check_stream, extract_stream, extract_text

PARAGRAPHS = (
    "See A/HRC/41/35, para. 66 and CCPR/C/GC/34, para. 3. Ibid., para. 5.",
    "Regulation (EU) 2016/679 of the European Parliament and of the Council, Article 6(1). "
    "Case C\u2011311/18, ECLI:EU:C:2020:559, paragraph 5.",
    "Joined Cases C-293/12 and C-594/12 Digital Rights Ireland. OJ L 119, 4.5.2016, p. 1.",
    "The Council adopted A/RES/60/251; see also E/C.12/GC/24, para. 12.",
    "Plain prose without citations but with look-alikes 12/34 and dates 1/2/2003 .",
)


def _key(cits: list[citecheck.Citation]) -> list[tuple[object, ...]]:
    return [(c.id, c.kind, c.start, c.end, c.text, str(c.pinpoint), c.antecedent) for c in cits]


def _text(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "\n\n".join(rng.choice(PARAGRAPHS) for _ in range(n))


@pytest.mark.parametrize(("window", "overlap"), [(4096, 512), (8192, 1024), (32768, 4096)])
def test_stream_equals_whole_text(window: int, overlap: int) -> None:
    text = _text(1500)
    assert len(text) > 3 * window  # several windows
    whole = citecheck.extract(text)
    assert len(whole) > 1000
    assert _key(extract_text(text, window=window, overlap=overlap)) == _key(whole)


@pytest.mark.parametrize("shift", range(0, 40, 3))
def test_citation_straddling_window_edge_found_once(shift: int) -> None:
    window, overlap = 4096, 256
    cite = "A/HRC/41/35, para. 66"
    # The emit limit of the first window is near window - overlap; put the citation across it
    # and across the window cut itself, at several shifts.
    for edge in (window - overlap, window):
        pos = edge - 10 + shift
        text = ("x " * pos)[: pos - 1] + " " + cite + " end." + " z" * 3000
        start = text.index(cite)
        assert start == pos
        found = [c for c in extract_text(text, window=window, overlap=overlap)]
        assert [(c.id, c.start, c.end) for c in found] == [
            ("un:A/HRC/41/35", start, start + len(cite))
        ]
        assert found[0].text == text[found[0].start : found[0].end]


def test_ibid_resolves_across_windows_to_carried_citation() -> None:
    window, overlap = 4096, 256
    text = "See A/HRC/41/35, para. 66. " + "words " * 2000 + "Ibid., para. 5."
    whole = citecheck.extract(text)
    streamed = extract_text(text, window=window, overlap=overlap)
    assert _key(streamed) == _key(whole)
    assert streamed[-1].short_form and streamed[-1].id == "un:A/HRC/41/35"
    assert streamed[-1].antecedent == 0
    assert str(streamed[-1].pinpoint) == "para. 5"


def test_ibid_without_antecedent_stays_unresolved() -> None:
    text = "words " * 2000 + "Ibid., para. 5."
    streamed = extract_text(text, window=4096, overlap=256)
    assert len(streamed) == 1 and streamed[0].id == "" and streamed[0].antecedent is None


def test_stream_from_file_matches_and_check_stream_findings(tmp_path: Path) -> None:
    text = _text(600, seed=2) + "\n\nCase C-311/2018, para. 3.\r\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    whole = citecheck.check("\ufeff" + text)  # CONTRACT.md: the BOM stays, as U+FEFF
    assert _key(list(extract_stream(path, window=8192, overlap=1024))) == _key(
        list(whole.citations)
    )
    results = list(check_stream(str(path), window=8192, overlap=1024))
    assert len(results) > 2
    findings = [f for r in results for f in r.findings]
    assert [(f.code, f.start, f.end) for f in findings] == [
        (f.code, f.start, f.end) for f in whole.findings
    ]


def test_text_without_whitespace_is_hard_cut_without_loss() -> None:
    text = ("A/HRC/41/35;" * 3000)[:-1]
    assert _key(extract_text(text, window=4096, overlap=256)) == _key(citecheck.extract(text))


def test_window_must_exceed_overlap() -> None:
    with pytest.raises(ValueError, match="overlap"):
        extract_text("A/HRC/41/35", window=1000, overlap=500)


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_stream_equals_whole_text_on_real_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    paths = sorted(CORPUS.glob("un_upr_slovenia/*.txt"), key=lambda p: -p.stat().st_size)[:2]
    paths += sorted((CORPUS / "derived").glob("*.txt"))[:4]
    if not paths:
        pytest.skip("no plain texts in the corpus")
    kinds: dict[str, int] = {}
    for path in paths:
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        whole = citecheck.extract(text)
        streamed = extract_text(text, window=32768, overlap=2048)
        assert _key(streamed) == _key(whole), path.name
        for c in whole:
            kinds[c.kind.value] = kinds.get(c.kind.value, 0) + 1
    print(f"stream == whole on {len(paths)} corpus texts; citations per kind: {kinds}")


def test_check_streams_texts_above_the_threshold_with_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``check`` on a huge text goes window by window (memory follows the window); what it
    reports is what the whole-text pass reports."""
    from citecheck import batch
    from citecheck.config import Config
    from citecheck.pipeline import check

    text = ("See A/HRC/41/35, para. 66, and Regulation (EU) 2016/679. Ibid., art. 6.\n" * 40) + (
        "Case C-293/12 and a/hrc/41/35.\n" * 40
    )
    whole = check(text)
    calls: list[int] = []
    real = batch.parallel.check  # the whole-text pass
    monkeypatch.setattr(
        batch.parallel, "check", lambda t, families=None: calls.append(1) or real(t, families)
    )
    monkeypatch.setattr("citecheck.report.STREAM_THRESHOLD", 1000)
    windows: list[int] = []

    def small_windows(source: Any) -> Any:
        for part in check_stream(source, window=800, overlap=100):
            windows.append(len(part.citations))
            yield part

    monkeypatch.setattr("citecheck.stream.check_stream", small_windows)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    result = batch.run_batch([str(path)], Config())
    assert result.errors == ()
    (report,) = result.reports
    assert calls == [] and len(windows) > 3  # window by window, not the whole-text pass
    got = [(c.id, c.start) for c in report.citations]
    assert got == [(c.id, c.start) for c in whole.citations]
    assert sorted((f.code, f.start) for f in report.findings) == sorted(
        (f.code, f.start) for f in whole.findings
    )


_FILLER = "The court considered the matter carefully at length. " * 60


@pytest.mark.parametrize(
    ("first", "later", "slug"),
    [
        (
            "Article 8(1) of the Charter of Fundamental Rights of the European Union applies. ",
            "Article 47 of the Charter. ",
            "cfr",
        ),
        (
            "Article 2 of the Charter of the United Nations applies. ",
            "Article 51 of the Charter. ",
            "un-charter",
        ),
        (
            "Article 14 of the International Covenant on Civil and Political Rights applies. ",
            "Article 9 of the Covenant. ",
            "iccpr",
        ),
        (
            "Article 6 of the International Covenant on Economic, Social and Cultural Rights. ",
            "Article 9 of the Covenant. ",
            "icescr",
        ),
    ],
)
def test_short_name_in_a_later_window_means_what_the_whole_text_means(
    first: str, later: str, slug: str
) -> None:
    """Which Charter or Covenant the text named, and whether it is an EU text, carry on to
    windows that do not see the naming."""
    text = first + _FILLER + later + _FILLER * 4 + later + _FILLER
    whole = [(c.start, c.id, c.short_form) for c in citecheck.extract(text)]
    streamed = extract_text(text, window=8000, overlap=1000)
    assert [(c.start, c.id, c.short_form) for c in streamed] == whole
    assert whole[-1][1] == f"instrument:{slug}"


_PROSE = "The Committee considered the matter. "


@pytest.mark.parametrize(
    ("note_before", "repeated"),
    [
        # a back-reference ends the note before: Ibid. repeats it, not the full citation
        (
            "Article 1 of the Third Directive governs.",
            "celex:31990L0232",
        ),
        # a short name of an instrument cited before ends it
        (
            "See article 19 of the Covenant.",
            "instrument:iccpr",
        ),
        # a full citation ends it
        (
            "See A/HRC/41/35, para. 4.",
            "un:A/HRC/41/35",
        ),
    ],
)
def test_ibid_in_a_windows_first_note_repeats_the_end_of_the_note_before(
    note_before: str, repeated: str
) -> None:
    """Wherever a window starts, Ibid. repeats the last citation of the note before it."""
    head = (
        "Council Directive 90/232/EEC (\u2018the Third Directive\u2019). "
        "Article 2 of the International Covenant on Civil and Political Rights. "
    )
    mismatches = []
    for filler in range(0, 120, 3):
        text = (
            head
            + _PROSE * 100
            + "\n\nNotes\n"
            + "".join(f"{i} {_PROSE * 3}\n" for i in range(1, 7))
            + "7 Article 17 of the Convention against Torture. "
            + _PROSE * filler
            + note_before
            + "\n8 Id.\n"
            + _PROSE * 120
        )
        whole = [(c.start, c.id, str(c.pinpoint)) for c in citecheck.extract(text)]
        assert whole[-1][1] == repeated
        streamed = extract_text(text, window=4000, overlap=500)
        if [(c.start, c.id, str(c.pinpoint)) for c in streamed] != whole:
            mismatches.append(filler)
    assert mismatches == []


@pytest.mark.parametrize(
    "later",
    [
        "It replaced, respectively, Directive 95/46 and Directive 97/66; it applies.",
        "Regulation 2016/679 applies.",
    ],
)
def test_act_cited_with_its_domain_in_an_earlier_window_is_known_later(later: str) -> None:
    """A later window reads "Directive 97/66" (no domain) as the act cited in full before."""
    text = (
        "Directive 95/46/EC and Directive 97/66/EC of the European Parliament and of the "
        "Council of 15 December 1997 and Regulation (EU) 2016/679 apply. "
        + _FILLER
        + "The Court recalls. " * 400
        + later
        + _FILLER
    )
    whole = [(c.start, c.id, str(c.pinpoint)) for c in citecheck.extract(text)]
    streamed = extract_text(text, window=8000, overlap=1000)
    assert [(c.start, c.id, str(c.pinpoint)) for c in streamed] == whole
    assert len(whole) > 3
