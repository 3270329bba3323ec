"""Inputs, streaming and locations: odd HTML and DOCX, encodings, large texts read in windows
giving the same citations on every path, suppression and columns in HTML, broken pipes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import batch, readers
from citecheck.cli import main
from citecheck.config import Config
from citecheck.readers import read_html


def _flaky_reader(real: object, bad: str) -> object:
    def read(path: str, stdin_name: str | None = None) -> readers.SourceText:
        if path.endswith(bad):
            raise ValueError("a reader bug")
        return real(path, stdin_name)  # type: ignore[operator, no-any-return]

    return read


def test_an_unexpected_reader_error_is_one_files_error_in_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.txt").write_text("x\n")
    (tmp_path / "good.txt").write_text("See a/hrc/41/35.\n")
    monkeypatch.setattr(readers, "read_source", _flaky_reader(readers.read_source, "bad.txt"))
    monkeypatch.setattr(batch, "read_source", readers.read_source)
    monkeypatch.chdir(tmp_path)
    for cmd in (["check", "--offline"], ["extract", "--format", "text"]):
        res = CliRunner().invoke(main, [*cmd, "bad.txt", "good.txt"])
        assert res.exit_code == 2, res.output
        assert "internal error" not in res.output
        assert "bad.txt: cannot be read (ValueError: a reader bug)" in res.output
        assert "A/HRC/41/35" in res.output or "a/hrc/41/35" in res.output


def test_an_unexpected_reader_error_is_one_files_error_in_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad.txt").write_text("x\n")
    (tmp_path / "good.txt").write_text("See A/HRC/41/35.\n")
    monkeypatch.setattr(batch, "read_source", _flaky_reader(readers.read_source, "bad.txt"))
    result = batch.run_batch([str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")], Config())
    assert [e.reason for e in result.errors] == ["cannot be read (ValueError: a reader bug)"]
    assert sum(len(r.citations) for r in result.reports) == 1


def test_html_without_closing_head_or_body_tags_keeps_its_text() -> None:
    page = (
        b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Letter</title>\n'
        b"<p>See A/HRC/41/35, para. 66.</p>"
    )
    src = read_html(page, "p.html")
    assert src.text.strip() == "See A/HRC/41/35, para. 66."
    assert src.location(src.text.index("A/HRC"))["line"] == 3


def test_html_text_after_an_unclosed_head_starts_the_body() -> None:
    src = read_html(b"<html><head><title>T</title><style>p{}</style>\nSee A/HRC/41/35.", "p.html")
    assert src.text.strip() == "See A/HRC/41/35."
    assert "T" not in src.text and "p{}" not in src.text


FILLER = "word " * 5000  # longer than the small test window below


def _stream_ids(text: str) -> list[tuple[str, int]]:
    from citecheck.stream import extract_text

    return [(c.id, c.start) for c in extract_text(text, window=1 << 14, overlap=512)]


def _whole_ids(text: str) -> list[tuple[str, int]]:
    import citecheck

    return [(c.id, c.start) for c in citecheck.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        # In a regulation, "the Regulation" far down may be the text itself.
        "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT\n"
        "Regulation (EU) No 1025/2012 applies.\n" + FILLER + "Article 5 of the Regulation.",
        # "the Regulation on ..." names another act: the last one cited is no antecedent.
        "See Regulation (EU) No 1025/2012.\nThe Regulation on markets in crypto-assets "
        "applies.\n" + FILLER + "Article 5 of that Regulation.",
        # A definition far from any decision binds "the Decision" to an unknown act.
        "Commission Decision 2011/753/EU applies.\n"
        + "word " * 10
        + "A later measure ('the Decision') followed.\n"
        + FILLER
        + "Article 2 of the Decision.",
    ],
    ids=["own-title", "another-act", "definition"],
)
def test_streaming_carries_back_reference_state_across_windows(text: str) -> None:
    whole = _whole_ids(text)
    assert _stream_ids(text) == whole
    assert all(cid for cid, _ in whole)


def test_a_large_text_gives_the_same_citations_in_one_process_and_in_workers(
    tmp_path: Path,
) -> None:
    text = (
        "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT\nRegulation (EU) No 1025/2012 "
        "applies.\n" + "word " * 900000 + "Article 5 of the Regulation.\n"
    )
    big = tmp_path / "big.txt"
    big.write_text(text)
    (tmp_path / "big.txtx").write_text("See A/HRC/41/35.\n")
    counts = []
    for jobs in ("1", "2"):
        res = CliRunner().invoke(
            main,
            ["check", "--offline", "--format", "json", "-j", jobs, str(big), str(big) + "x"],
        )
        assert res.exit_code in (0, 1), res.output
        counts.append(res.output.count('"id"'))
    import citecheck

    assert counts[0] == counts[1]
    assert len(citecheck.check(text).citations) == len(citecheck.extract(text)) == 2


def test_docx_text_box_text_is_read_once(tmp_path: Path) -> None:
    from docx_builder import W

    body = (
        "<w:p><w:r><w:t>Outer A/HRC/41/35 </w:t></w:r><w:r><w:pict>"
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>Inner E/CN.4/2005/1</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    path = tmp_path / "tb.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", xml)
    src = readers.read_source(str(path))
    assert src.text.count("E/CN.4/2005/1") == 1
    assert src.text.splitlines() == ["Outer A/HRC/41/35 ", "Inner E/CN.4/2005/1"]


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii"])
def test_html_latin1_labels_decode_as_windows_1252(label: str) -> None:
    page = f'<meta charset="{label}"><p>Case C\x96293/12</p>'.encode("latin-1")
    src = read_html(page, "p.html")
    assert "Case C\u2013293/12" in src.text
    assert src.findings == ()


def test_html_meta_utf16_without_bom_is_read_as_utf8() -> None:
    page = '<meta charset="utf-16"><p>See A/HRC/41/35 \u2013 para. 6.</p>'.encode()
    src = read_html(page, "p.html")
    assert src.text.strip() == "See A/HRC/41/35 \u2013 para. 6."


def test_invalid_utf8_in_html_gives_cc101() -> None:
    src = read_html(b"<p>See A/HRC/41/35.</p><p>caf\xe9</p>", "p.html")
    (finding,) = src.findings
    assert finding.code == "CC101"
    assert src.text[finding.start] == "\ufffd"
    assert "byte offset 29" in finding.message


def test_api_check_honours_offline_in_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citecheck

    # a base URL nothing listens on: any request would end unverified, not not_checked
    for var in ("UNDL", "ODS", "CELLAR", "SPARQL"):
        monkeypatch.setenv(f"CITECHECK_{var}_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    result = citecheck.check("A/HRC/41/35", resolve=True, config=Config(offline=True))
    assert [result.status(c) for c in result.citations] == ["not_checked"]
    assert result.findings == ()


def test_html_columns_count_character_references_as_written() -> None:
    src = read_html(b"<p>&amp;&amp;&#38;&#x26; a/hrc/41/35 &lt;x&gt;</p>", "p.html")
    assert src.text.strip() == "&&&& a/hrc/41/35 <x>"
    assert src.source_line_col(src.text.index("a/hrc")) == (1, 26)
    assert src.source_line_col(src.text.index("x")) == (1, 42)


def test_html_unknown_and_unterminated_references_stay_text() -> None:
    src = read_html(b"<p>AT&T &foo; A/HRC/41/35</p>", "p.html")
    assert src.text.strip() == "AT&T &foo; A/HRC/41/35"
    assert src.source_line_col(src.text.index("A/HRC")) == (1, 15)


def test_html_suppression_after_a_closing_block_tag_on_the_same_line(tmp_path: Path) -> None:
    page = tmp_path / "s.html"
    page.write_text(
        "<ul>\n<li>See a/hrc/41/35.</li><!-- citecheck: ignore[UN102] -->\n"
        "<li>See a/hrc/41/36.</li>\n</ul>\n"
    )
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "text", str(page)])
    assert "a/hrc/41/35" not in res.output
    assert "s.html:3:9: UN102" in res.output


@pytest.mark.parametrize(
    ("text", "cid", "codes"),
    [
        ("See A/HRC/41/3\u00ad\uff15.", "un:A/HRC/41/35", ["CC102", "CC103"]),
        ("See ECLI:EU:\uff23:2014:238.", "ecli:EU:C:2014:238", ["CC103"]),
    ],
)
def test_look_alikes_next_to_invisible_characters_or_colons_are_read(
    text: str, cid: str, codes: list[str]
) -> None:
    import citecheck

    (cit,) = citecheck.extract(text)
    assert cit.id == cid
    assert sorted(n.code for n in cit.notes) == codes


def test_a_reader_closing_the_pipe_early_ends_extract_quietly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    many = tmp_path / "many.txt"
    many.write_text("See A/HRC/41/35, para. 66.\n" * 20000)  # far more than a pipe buffer
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "citecheck", "extract", str(many)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert b"A/HRC/41/35" in proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read()
    assert proc.wait() == 0
    assert err == b""


def test_pyproject_with_a_non_table_tool_key_is_a_config_error(tmp_path: Path) -> None:
    from citecheck.config import ConfigError, load_config

    path = tmp_path / "pyproject.toml"
    path.write_text("tool = 1\n")
    with pytest.raises(ConfigError, match="'tool': must be a table"):
        load_config(path)
    (tmp_path / "a.txt").write_text("See A/HRC/41/35.\n")
    res = CliRunner().invoke(
        main, ["check", "--offline", "--config", str(path), str(tmp_path / "a.txt")]
    )
    assert res.exit_code == 2
    assert "internal error" not in res.output and "must be a table" in res.output


def test_fix_refuses_utf16_files_naming_the_encoding(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    data = "\ufeffSee a/hrc/41/35.\n".encode("utf-16-le")
    f.write_bytes(data)
    res = CliRunner().invoke(main, ["check", "--offline", "--fix", str(f)])
    assert f.read_bytes() == data
    assert "UTF-16 text, not UTF-8; not rewritten" in res.stderr
    assert "CC101" not in res.output


def test_lone_cr_ends_a_line_in_reports(tmp_path: Path) -> None:
    f = tmp_path / "cr.txt"
    f.write_bytes(b"First line.\rSee a/hrc/41/35.\r\nThird a/hrc/41/36.\n")
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "text", str(f)])
    assert "cr.txt:2:5: UN102" in res.output
    assert "cr.txt:3:7: UN102" in res.output


def test_doc_links_with_anchors_name_existing_headings() -> None:
    import re

    root = Path(__file__).resolve().parents[1]
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for target, anchor in re.findall(r"\]\(([^)#\s:]+\.md)#([^)\s]+)\)", doc.read_text()):
            heads = (doc.parent / target).read_text().splitlines()
            slugs = {
                re.sub(r"[^\w\- ]", "", h.lstrip("#").strip().lower()).replace(" ", "-")
                for h in heads
                if h.startswith("#")
            }
            assert anchor in slugs, f"{doc.name}: {target}#{anchor}"
