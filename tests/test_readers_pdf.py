"""The PDF reader (the ``pdf`` extra) against a real, hand-built two-page PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pypdf", reason="the PDF reader needs the optional 'pdf' extra (pypdf)")

from citecheck import extract
from citecheck.cli import main
from citecheck.readers import read_source

PAGE_1 = r"(See A/HRC/41/35, para. 66.) Tj"
PAGE_2 = r"(Ibid., para. 67. Regulation \(EU\) 2016/679) Tj"


def _content(show: str) -> bytes:
    return f"BT /F1 12 Tf 72 720 Td {show} ET".encode("latin-1")


def build_pdf(path: Path, pages: list[str]) -> Path:
    """A minimal valid PDF 1.4: catalog, page tree, Helvetica, one content stream per page."""
    n = len(pages)
    font_id = 3
    first_page = 4  # page i is object first_page + 2*i, its content stream the next one
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, show in enumerate(pages):
        page_id = first_page + 2 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>".encode()
        )
        stream = _content(show)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"  # each entry exactly 20 bytes
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    return build_pdf(tmp_path / "report.pdf", [PAGE_1, PAGE_2])


def test_hand_built_pdf_is_well_formed(pdf_file: Path) -> None:
    import pypdf

    data = pdf_file.read_bytes()
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[xref:].startswith(b"xref\n")
    # strict mode: a wrong xref offset or stream length would raise, not be repaired silently
    reader = pypdf.PdfReader(str(pdf_file), strict=True)
    assert len(reader.pages) == 2


def test_pdf_text_pages_in_order_with_citations_and_page_locations(pdf_file: Path) -> None:
    src = read_source(str(pdf_file))
    assert src.kind == "pdf" and src.extracted
    text = src.text
    first = text.index("See A/HRC/41/35, para. 66.")
    second = text.index("Ibid., para. 67. Regulation (EU) 2016/679")
    assert first < second
    # pages are separated by a blank line, as readers.py documents
    assert "\n\n" in text[first:second]
    assert [label for _, label in src.marks] == ["page 1", "page 2"]

    cits = extract(text)
    by_id = {c.id: c for c in cits if not c.short_form}
    assert {"un:A/HRC/41/35", "celex:32016R0679"} <= set(by_id)
    shorts = [c for c in cits if c.short_form]
    assert shorts, [(c.id, c.text) for c in cits]
    ibid = shorts[0]
    assert ibid.id == "un:A/HRC/41/35"
    assert "Ibid" in ibid.text
    assert str(ibid.pinpoint) == "para. 67"
    assert str(by_id["un:A/HRC/41/35"].pinpoint) == "para. 66"

    loc1 = src.location(by_id["un:A/HRC/41/35"].start)
    assert loc1["where"] == "page 1" and loc1["in"] == "text extracted from pdf"
    assert src.location(ibid.start)["where"] == "page 2"
    assert src.location(by_id["celex:32016R0679"].start)["where"] == "page 2"


def test_cli_check_reports_pdf_citations_with_their_page(pdf_file: Path) -> None:
    res = CliRunner().invoke(main, ["check", "--offline", "--format", "json", str(pdf_file)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    (report,) = data["files"]
    assert Path(report["path"]).name == "report.pdf"
    assert report["findings"] == []
    rows = [
        (c["id"], c["short_form"], c["pinpoint"], c["location"].get("where"))
        for c in report["citations"]
    ]
    assert rows == [
        ("un:A/HRC/41/35", False, "para. 66", "page 1"),
        ("un:A/HRC/41/35", True, "para. 67", "page 2"),  # the Ibid. points back to page 1
        ("celex:32016R0679", False, None, "page 2"),
    ]
    assert all(c["location"]["in"] == "text extracted from pdf" for c in report["citations"])
