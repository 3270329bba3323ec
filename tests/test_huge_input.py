"""Huge inputs: one line of many megabytes, citation floods and big batches stay correct
while memory follows the window and the files being checked (speed lives in
``benchmarks/memory_bench.py``)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import citecheck
from citecheck import parallel
from citecheck.batch import check_sources, run_batch
from citecheck.config import Config
from citecheck.model import Citation
from citecheck.readers import LineIndex, SourceText, read_source
from citecheck.resolve.policy import NEIGHBOUR_GAP, cited_together
from citecheck.stream import TextSlices, check_stream, extract_stream, extract_text

# Made-up paragraphs in the shapes of UN and EU texts: long citations with pinpoints,
# short forms, back-references and look-alikes, so window cuts fall inside all of them.
PARAGRAPHS = (
    "The Special Rapporteur recalls Human Rights Council resolution 41/35 and the report "
    "A/HRC/41/35, paras. 66\u201370, as well as general comment No. 34 (2011) of the Human "
    "Rights Committee (CCPR/C/GC/34, para. 21). Ibid., para. 5.",
    "Under Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April "
    "2016 (OJ L 119, 4.5.2016, p. 1), Article 6(1)(b), and Case C\u2011311/18, Facebook Ireland "
    "and Schrems, EU:C:2020:559, paragraph 134, transfers require safeguards.",
    "See also Joined Cases C-293/12 and C-594/12, Digital Rights Ireland, ECLI:EU:C:2014:238; "
    "Directive 95/46/EC; E/C.12/GC/24, para. 12; A/HRC/38/35/Add.1. Article 17 of that "
    "Directive applies. The heading 8471 30 00 and figures 12/34 are not citations.",
)


def _key(cits: list[Citation]) -> list[tuple[object, ...]]:
    return [(c.id, c.kind, c.start, c.end, c.text, str(c.pinpoint), c.antecedent) for c in cits]


def _one_line(paragraphs: int) -> str:
    """A text of one line: paragraphs joined by spaces, as a PDF or web export gives it."""
    return " ".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))


@pytest.mark.parametrize(("window", "overlap"), [(4096, 512), (5000, 600), (8192, 1024)])
def test_a_text_of_one_line_streams_to_the_whole_text_result(window: int, overlap: int) -> None:
    text = _one_line(200)
    assert "\n" not in text and len(text) > 5 * window
    whole = citecheck.extract(text)
    streamed = extract_text(text, window=window, overlap=overlap)
    assert _key(streamed) == _key(whole)
    spans = [(c.start, c.end, c.id) for c in streamed]
    assert len(spans) == len(set(spans))  # none found twice across a window edge


@pytest.mark.parametrize("shift", range(0, 120, 7))
def test_citations_across_window_edges_of_one_line_are_found_once(shift: int) -> None:
    """Every window edge (emit limit and cut) falls somewhere else in the citations of the
    line as the text is shifted; each citation is still reported once, whole."""
    text = "x" * shift + " " + _one_line(40)
    whole = citecheck.extract(text)
    streamed = extract_text(text, window=4096, overlap=400)
    assert _key(streamed) == _key(whole)
    assert all(c.text == text[c.start : c.end] for c in streamed)


def test_check_of_one_huge_line_equals_the_whole_text_check() -> None:
    text = _one_line(90)
    whole = citecheck.check(text)
    parts = list(check_stream(TextSlices(text), window=4096, overlap=512))
    assert len(parts) > 3
    assert _key([c for p in parts for c in p.citations]) == _key(list(whole.citations))
    assert sorted((f.code, f.start, f.end) for p in parts for f in p.findings) == sorted(
        (f.code, f.start, f.end) for f in whole.findings
    )


def test_text_slices_read_like_a_stream_of_the_text() -> None:
    text = "ab\r\ncd\u00e9\U0001f600" * 5
    slices = TextSlices(text)
    assert slices.read(3) + slices.read(4) + slices.read(-1) == text
    assert slices.read(10) == ""
    streamed = list(extract_stream(TextSlices(_one_line(60)), window=4096, overlap=512))
    from_io = list(extract_stream(io.StringIO(_one_line(60), newline=""), window=4096, overlap=512))
    assert _key(streamed) == _key(from_io) and streamed


# The symbol of the document alone on its line at a page break is a running header, not a
# citation; deciding it reads at most 200 code points before it and the blanks after it.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Text.\n\f" + " " * 199 + "A/HRC/41/35\nMore.", False),  # 200 before it: header
        ("Text.\n\f" + " " * 200 + "A/HRC/41/35\nMore.", True),  # 201 before it: not alone
        ("\f" + " " * 200 + "A/HRC/41/35\nMore.", True),  # the same at the very start
        ("\f" + " " * 199 + "A/HRC/41/35\nMore.", False),
        ("United Nations A/HRC/41/35 \t\u2003\nMore", False),  # blanks after it
        ("United Nations A/HRC/41/35 x\nMore", True),  # words after it on its line
        ("United Nations A/HRC/41/35", False),  # at the end of the text
        ("Text\n12\n\nA/HRC/41/35\n", False),  # after a page number
        ("Text 12 A/HRC/41/35 " + "word " * 100, True),  # inside a long line
    ],
)
def test_running_header_is_decided_from_the_line_near_the_symbol(text: str, kept: bool) -> None:
    ids = [c.id for c in citecheck.extract(text)]
    assert ids == (["un:A/HRC/41/35"] if kept else [])


def _cit(ident: str, start: int, end: int) -> Citation:
    (cit,) = citecheck.extract(ident.partition(":")[2])
    return attrs.evolve(cit, start=start, end=end)


def test_cited_together_pairs_only_citations_within_the_gap() -> None:
    a = _cit("un:A/HRC/41/35", 0, 11)
    b = _cit("un:CCPR/C/GC/34", 11 + NEIGHBOUR_GAP, 30 + NEIGHBOUR_GAP)  # exactly the gap
    c = _cit("un:E/C.12/GC/24", 31 + 2 * NEIGHBOUR_GAP, 45 + 2 * NEIGHBOUR_GAP)  # one past it
    near = cited_together([[c, a, b]])
    assert near == {
        "un:A/HRC/41/35": {"un:CCPR/C/GC/34"},
        "un:CCPR/C/GC/34": {"un:A/HRC/41/35"},
    }
    # many citations of one id side by side are no pair, and a far one still is not
    flood = [_cit("un:A/HRC/41/35", i * 12, i * 12 + 11) for i in range(2000)]
    far = flood[-1].end + NEIGHBOUR_GAP + 1
    assert cited_together([[*flood, _cit("un:E/C.12/GC/24", far, far + 14)]]) == {}


def _files(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"doc{i:02d}.txt"
        marked = "\nCase C-311/2018.  # citecheck: ignore[CJ]\n"
        body = PARAGRAPHS[i % 3] + marked + PARAGRAPHS[(i + 1) % 3]
        path.write_text(body + f"\nCase C-{i + 1}/2018.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _report_key(reports: object) -> list[object]:
    return [
        (
            r.path,
            [(c.id, c.start, r.loc(c.start)) for c in r.citations],
            [(f.code, f.start, r.loc(f.start)) for f in r.findings],
        )
        for r in reports  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_reports_without_texts_locate_and_suppress_as_with_them(
    tmp_path: Path, jobs: int
) -> None:
    paths = _files(tmp_path, 7)
    kept = run_batch(paths, Config(), jobs=jobs)
    slim = run_batch(paths, Config(), jobs=jobs, keep_texts=False)
    assert _report_key(slim.reports) == _report_key(kept.reports)
    assert all(r.text == "" for r in slim.reports) and all(s.text == "" for s in slim.sources)
    assert all(r.text for r in kept.reports)
    # the same malformed case number is silenced on the marker's line (2), not on line 4
    lines = {r.loc(f.start)["line"] for r in slim.reports for f in r.findings}
    assert 4 in lines and 2 not in lines


def test_html_keeps_its_text_since_columns_are_counted_in_it(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<p>See <b>A/HRC/41/35</b> &amp; CCPR/C/GC/34.</p>", encoding="utf-8")
    src = read_source(str(page))
    assert src.anchors and src.without_text() is src
    plain = SourceText("x.txt", "a\nb\r\nc A/HRC/41/35")
    slim = plain.without_text()
    assert slim.text == "" and isinstance(slim.doc, LineIndex)
    assert [slim.location(o) for o in (0, 2, 5, 7)] == [plain.location(o) for o in (0, 2, 5, 7)]


def test_a_batch_in_workers_reads_files_only_a_few_ahead(tmp_path: Path) -> None:
    paths = _files(tmp_path, 12)
    read: list[str] = []

    def sources() -> Iterator[SourceText]:
        for path in paths:
            read.append(path)
            yield read_source(path)

    pairs = parallel.imap_check(sources(), lambda s: s.text, jobs=2)
    first_src, first = next(pairs)
    assert first_src.path == paths[0] and not isinstance(first, str)
    assert len(read) <= 4  # 2 x jobs in flight, not the whole batch
    rest = list(pairs)
    assert [s.path for s, _ in rest] == paths[1:] and len(read) == 12
    serial = check_sources([read_source(p) for p in paths], Config())
    assert [[c.id for c in res.citations] for _, res in [(first_src, first), *rest]] == [
        [c.id for c in r.citations] for r in serial.reports
    ]


_PARENT = os.getpid()
_REAL_SAFE_CHECK = parallel.safe_check


def _dies_in_a_worker(text: str, families: tuple[str, ...] | None = None) -> object:
    if "KILL-WORKER" in text and os.getpid() != _PARENT:
        Path(os.environ["CITECHECK_TEST_KILLED"]).write_text("killed", encoding="utf-8")
        os._exit(3)
    return _REAL_SAFE_CHECK(text, families)


def test_a_dead_worker_leaves_its_files_to_this_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    killed = tmp_path / "killed"
    monkeypatch.setenv("CITECHECK_TEST_KILLED", str(killed))
    texts = [f"See A/HRC/41/{i}." for i in range(1, 9)]
    texts[3] = "KILL-WORKER. " + texts[3]
    monkeypatch.setattr(parallel, "safe_check", _dies_in_a_worker)
    out = list(parallel.imap_check(texts, str, jobs=2))
    assert [t for t, _ in out] == texts
    assert [[c.id for c in r.citations] for _, r in out] == [  # type: ignore[union-attr]
        [f"un:A/HRC/41/{i}"] for i in range(1, 9)
    ]
    assert killed.read_text(encoding="utf-8") == "killed"  # a worker did die


def test_imap_check_needs_a_worker() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(parallel.imap_check(["A/HRC/41/35"], str, jobs=0))


def test_the_streamed_check_pauses_the_collector_as_the_whole_text_pass_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A flood of citations makes no cycles: full collections of the growing heap only cost
    time, in the streamed pass too; the collector is back on afterwards."""
    import gc

    import citecheck.stream

    seen: list[bool] = []
    real = citecheck.stream.check_stream

    def recording(source: object) -> Iterator[object]:
        for part in real(source, window=4096, overlap=512):  # type: ignore[arg-type]
            seen.append(gc.isenabled())
            yield part

    monkeypatch.setattr("citecheck.report.STREAM_THRESHOLD", 1000)
    monkeypatch.setattr(citecheck.stream, "check_stream", recording)
    text = "See A/HRC/41/35.\n" + "Ibid., para. 2.\n" * 2000
    assert gc.isenabled()
    result = parallel.safe_check(text)
    assert not isinstance(result, str) and len(result.citations) == 2001
    assert len(seen) > 3 and not any(seen)
    assert gc.isenabled()


def test_one_file_with_jobs_is_checked_here_not_pickled_to_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = _files(tmp_path, 1)

    def no_workers(*args: object, **kwargs: object) -> object:
        raise AssertionError("a single file went to a worker process")

    monkeypatch.setattr(parallel, "imap_check", no_workers)
    (report,) = run_batch([path], Config(), jobs=2).reports
    assert [c.id for c in report.citations] == [
        c.id for c in citecheck.check(Path(path).read_text(encoding="utf-8")).citations
    ]
