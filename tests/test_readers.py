"""Readers: plain text, HTML, DOCX (with real footnote XML), PDF extra, directory walking."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_builder import W, build_docx, note_ref, para, run

from citecheck import readers
from citecheck.cli import main
from citecheck.pipeline import extract
from citecheck.readers import InputError, read_source


def _ids(text: str) -> list[tuple[str, str]]:
    return [(c.id, str(c.pinpoint)) for c in extract(text)]


def test_docx_with_footnotes_gives_the_citations_of_its_text(tmp_path: Path) -> None:
    # Footnote ids deliberately out of order: numbering follows the order of reference.
    doc = build_docx(
        tmp_path / "letter.docx",
        [
            para(
                run("We refer to the report of the Special Rapporteur"),
                note_ref("footnote", 7),
                run(" and to Council resolution 17/4."),
            ),
            para(
                run("See also Case C"),
                "<w:r><w:noBreakHyphen/></w:r>",
                run("293/12."),
                note_ref("footnote", 3),
            ),
            para(run("Finally, see the Regulation."), note_ref("endnote", 2)),
        ],
        {7: "A/HRC/41/35, para. 66.", 3: "Ibid., para. 70."},
        {2: "Regulation (EU) 2016/679."},
    )
    src = read_source(str(doc))
    expected_text = (
        "We refer to the report of the Special Rapporteur[1] and to Council resolution 17/4.\n"
        "See also Case C\u2011293/12.[2]\n"
        "Finally, see the Regulation.[e1]\n"
        "[1] A/HRC/41/35, para. 66.\n"
        "[2] Ibid., para. 70.\n"
        "[e1] Regulation (EU) 2016/679.\n"
    )
    assert src.text == expected_text
    assert src.kind == "docx"
    assert _ids(src.text) == _ids(expected_text)
    ids = {i for i, _ in _ids(src.text)}
    assert {"un:A/HRC/41/35", "case:C-293/12", "celex:32016R0679"} <= ids
    # where a person finds it: the footnote, not a line of the extracted text only
    start = src.text.index("A/HRC/41/35")
    loc = src.location(start)
    assert loc["where"] == "footnote 1" and loc["in"] == "text extracted from docx"
    assert src.location(src.text.index("C\u2011293"))["where"] == "paragraph 2"
    result = CliRunner().invoke(main, ["extract", str(doc), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["location"]["in"] == "text extracted from docx" for r in rows)
    assert {"paragraph 2", "footnote 1"} <= {r["location"]["where"] for r in rows}


def test_docx_zip_bomb_and_entities_are_refused_safely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = build_docx(tmp_path / "big.docx", [para(run("A/HRC/41/35 " * 2000))], {})
    monkeypatch.setattr(readers, "MAX_DOCX_MEMBER", 10_000)
    with pytest.raises(InputError, match="inflates"):
        read_source(str(big))
    monkeypatch.undo()
    xxe = tmp_path / "xxe.docx"
    secret = tmp_path / "secret.txt"
    secret.write_text("A/HRC/99/99", encoding="utf-8")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:document xmlns:w="{W}"><w:body>{para(run("See &x; and S/RES/2231 (2015)."))}'
        "</w:body></w:document>"
    )
    with zipfile.ZipFile(xxe, "w") as zf:
        zf.writestr("word/document.xml", document)
    text = read_source(str(xxe)).text
    assert "A/HRC/99/99" not in text and "S/RES/2231 (2015)" in text
    not_zip = tmp_path / "fake.docx"
    not_zip.write_bytes(b"PK not really")
    with pytest.raises(InputError, match=r"not a \.docx"):
        read_source(str(not_zip))


def test_html_keeps_blocks_drops_scripts_and_keeps_suppression_comments(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<h1>Letter</h1><p>See <b>A/HRC/41/35</b>, para. 66.</p>"
        "<script>var s = 'A/HRC/1/1';</script>"
        "<p>See a/hrc/41/35. <!-- citecheck: ignore[UN102] --></p>"
        "<!-- an ordinary comment A/HRC/2/2 -->"
        '<p><img src="http://example.invalid/x.png">S/RES/2231 (2015)</p></body></html>',
        encoding="utf-8",
    )
    src = read_source(str(page))
    assert src.text.splitlines() == [
        "Letter",
        "See A/HRC/41/35, para. 66.",
        "See a/hrc/41/35. <!-- citecheck: ignore[UN102] -->",
        "S/RES/2231 (2015)",
    ]
    assert src.location(src.text.index("S/RES"))["where"].startswith("block")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(page)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert not data["files"][0]["findings"]
    assert data["files"][0]["citations"][0]["location"]["in"] == "html file"


def test_html_locations_are_lines_and_columns_of_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    content = (
        "<html>\n<body>\n  <p>First &amp; second.</p>\n"
        "  <p>See <b>A/HRC/41/35</b>,\n     para. 66 and a/hrc/41/35.</p>\n</body></html>\n"
    )
    page.write_text(content, encoding="utf-8")
    src = read_source(str(page))
    lines = content.splitlines()
    for needle, text in (("A/HRC/41/35", "A/HRC/41/35"), ("a/hrc", "a/hrc/41/35")):
        loc = src.location(src.text.index(needle))
        assert lines[loc["line"] - 1][loc["column"] - 1 :].startswith(text), loc
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "sarif", str(page)])
    result = json.loads(res.stdout)["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 19)
    assert lines[4][18:].startswith("a/hrc/41/35")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "github", str(page)])
    assert "line=5,col=19" in res.stdout


def test_deeply_nested_html_keeps_all_text(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    depth = 5000
    page.write_text(
        "<html><body>"
        + "<div>" * depth
        + "See A/HRC/41/35."
        + "</div>" * depth
        + "<p>And S/RES/2231 (2015).</p></body></html>",
        encoding="utf-8",
    )
    src = read_source(str(page))
    assert "A/HRC/41/35" in src.text and "S/RES/2231 (2015)" in src.text
    ids = [c.id for c in extract(src.text)]
    assert ids == ["un:A/HRC/41/35", "un:S/RES/2231(2015)"]


def test_unclosed_head_does_not_swallow_the_body(tmp_path: Path) -> None:
    page = tmp_path / "head.html"
    page.write_text("<html><head><title>T<body><p>See A/HRC/41/35.</p>", encoding="utf-8")
    assert "See A/HRC/41/35." in read_source(str(page)).text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "letter.txt"
    text = "See A/HRC/41/35, para. 66.\n"
    data = text.encode(encoding)
    if not encoding.endswith("-be") or not data.startswith((b"\xfe\xff", b"\x00\x00\xfe\xff")):
        bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")
        data = bom + data
    f.write_bytes(data)
    src = read_source(str(f))
    assert src.text == text and not src.findings and not src.clean_utf8
    assert [c.id for c in extract(src.text)] == ["un:A/HRC/41/35"]


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes("See A/HRC/41/35".encode("utf-16-le"))
    with pytest.raises(InputError, match="byte order mark"):
        read_source(str(f))


def test_plain_text_keeps_offsets_and_line_endings(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes("Line one\r\nSee A/HRC/41/35 \u00a0\r\n".encode())
    src = read_source(str(f))
    assert src.text == "Line one\r\nSee A/HRC/41/35 \u00a0\r\n"
    cit = extract(src.text)[0]
    assert src.text[cit.start : cit.end] == cit.text and src.kind == "text"
    assert src.location(cit.start) == {"line": 2, "column": 5}


def test_pdf_without_the_extra_is_an_error_for_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import fails as when not installed
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    good = tmp_path / "good.txt"
    good.write_text("S/RES/2231 (2015)", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(pdf), str(good)])
    assert res.exit_code == 2
    assert "legal-citecheck[pdf]" in res.stderr and "report.pdf" in res.stderr
    assert [Path(f["path"]).name for f in json.loads(res.stdout)["files"]] == ["good.txt"]


def test_directories_are_walked_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A/HRC/41/35", encoding="utf-8")
    (tmp_path / "b.md").write_text("S/RES/2231 (2015)", encoding="utf-8")
    (tmp_path / "c.py").write_text("A/HRC/1/1", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.htm").write_text("<p>A/HRC/41/41</p>", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.txt").write_text("A/HRC/2/2", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    paths = {Path(json.loads(line)["path"]).name for line in res.output.splitlines()}
    assert paths == {"a.txt", "b.md", "d.htm"}
