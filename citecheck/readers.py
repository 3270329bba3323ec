"""Reading input files into text: the only place the command line touches file contents.

Bad input never stops a batch: an unreadable or binary file becomes an :class:`InputError`
with a message a person understands; invalid UTF-8 is repaired with U+FFFD and reported as a
CC101 finding so nothing is silently lost.

Formats: plain text and Markdown are checked as they are (offsets are code points of the file
decoded as UTF-8, no newline translation). HTML, DOCX and PDF are *extracted* first; offsets
then refer to the extracted text and :meth:`SourceText.location` says where that is (line of
the extracted text, plus paragraph, footnote or page).

DOCX footnotes and endnotes: the reference mark becomes ``[n]`` (``[en]`` for endnotes,
numbered in order of reference, as Word numbers them) and the note texts are appended after
the body, one line each, ``[n] text``, in that order. Notes thus keep their own reading order,
so an *Ibid.* in note 3 still points at note 2, and a mark never glues digits onto a citation.
"""

from __future__ import annotations

import array
import bisect
import codecs
import hashlib
import html.parser
import io
import os
import re
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from citecheck.families.base import Document
from citecheck.model import Finding
from citecheck.rules import CORE_RULES

_INVALID_UTF8 = next(r for r in CORE_RULES if r.code == "CC101")

#: Largest file read whole; larger inputs need the streaming path (see benchmarks/README.md).
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Largest uncompressed zip member of a .docx, and largest uncompressed total (zip bombs).
MAX_DOCX_MEMBER = 32 * 1024 * 1024
MAX_DOCX_TOTAL = 96 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".rst"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DEFAULT_EXTENSIONS: tuple[str, ...] = ("txt", "md", "html", "htm", "docx")
PDF_EXTRA_MESSAGE = (
    "reading PDF needs the optional extra: pip install 'legal-citecheck[pdf]' (installs pypdf)"
)


#: Why a directory named on the command line gave nothing to check (nothing was unreadable).
NO_FILE_TO_CHECK = "directory holds no file to check"


class InputError(Exception):
    """A file that cannot be checked at all (missing, unreadable, binary, too large)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LineIndex(Document):
    """Where the lines of a text no longer held start: what locations need of it."""

    def __init__(self, line_starts: Sequence[int]) -> None:
        super().__init__("")
        self.__dict__["line_starts"] = array.array("q", line_starts)


@attrs.frozen(slots=True)
class SourceText:
    """The decoded (or extracted) text of one input and the findings reading produced.

    ``kind`` is ``text`` for files checked as they are, else the extracted format (``html``,
    ``docx``, ``pdf``). ``marks`` are ``(offset, label)`` pairs in offset order (paragraph,
    note or page starts) used to tell people where an offset is in an extracted text.
    ``digest`` is the SHA-256 of the bytes read, so ``--fix`` can tell whether the file
    changed before writing. A UTF-8 byte order mark stays in ``text`` as U+FEFF at offset 0
    (offsets are defined on the text ``open(path, encoding="utf-8", newline="")`` reads, which
    keeps it), so offsets match that reading and write-back keeps the mark; ``bom`` only records it.
    """

    path: str
    text: str
    findings: tuple[Finding, ...] = ()
    kind: str = "text"
    marks: tuple[tuple[int, str], ...] = ()
    digest: str = ""
    bom: bool = False
    anchors: tuple[tuple[int, int, int], ...] = ()
    encoding: str = "utf-8"
    stdin: bool = False  # read from standard input (``path`` is then its given name)
    _doc: Document = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: Document(self.text), takes_self=True),
        eq=False,
        repr=False,
    )

    @property
    def extracted(self) -> bool:
        return self.kind != "text"

    @property
    def clean_utf8(self) -> bool:
        """True for UTF-8 that decoding replaced nothing in (CC101 absent): only then may it be
        rewritten."""
        return self.encoding == "utf-8" and not any(f.code == "CC101" for f in self.findings)

    @property
    def doc(self) -> Document:
        """The text's :class:`Document` (line index built once, shared with the report)."""
        return self._doc

    def without_text(self) -> SourceText:
        """This source less its text, for a report that outlives the check: locations still
        work from the line index (8 bytes a line), so a batch does not hold every file's text.
        HTML keeps its text: its columns are counted in the text between anchors."""
        if self.anchors or not self.text:
            return self
        slim = attrs.evolve(self, text="")
        object.__setattr__(slim, "_doc", LineIndex(self._doc.line_starts))
        return slim

    def line_col(self, offset: int) -> tuple[int, int]:
        return self._doc.line_col(offset)

    def line_of(self, offset: int) -> int:
        return self._doc.line_col(offset)[0]

    def location(self, offset: int) -> dict[str, Any]:
        """Where an offset is, for a person: line and column (1-based) in the file itself for
        text and HTML; for DOCX and PDF, the paragraph, note or page, with the line and column
        of the extracted text as ``text_line``/``text_column``."""
        line, col = self._doc.line_col(offset)
        if not self.extracted:
            return {"line": line, "column": col}
        if self.anchors:
            src_line, src_col = self.source_line_col(offset)
            loc: dict[str, Any] = {"line": src_line, "column": src_col, "in": f"{self.kind} file"}
        else:
            loc = {"text_line": line, "text_column": col, "in": f"text extracted from {self.kind}"}
        if self.marks:
            i = bisect.bisect_right(self.marks, (offset, "\U0010ffff")) - 1
            if i >= 0:
                loc["where"] = self.marks[i][1]
        return loc

    def source_line_col(self, offset: int) -> tuple[int, int]:
        """Line and column in the source file of an offset of the extracted text (HTML).

        Exact at the start of each piece of text and across newlines inside it; a character
        reference (``&amp;``) is a piece of its own, so columns after it are those of the page.
        """
        i = bisect.bisect_right(self.anchors, (offset, 1 << 62, 0)) - 1
        if i < 0:
            return self._doc.line_col(offset)
        start, line, col = self.anchors[i]
        piece = self.text[start:offset]
        breaks = piece.count("\n")
        if breaks:
            return line + breaks, offset - (start + piece.rindex("\n") + 1) + 1
        return line, col + (offset - start)

    def marker_line(self, offset: int) -> int:
        """The line inline suppression markers count: the page's line for HTML (a marker
        after ``</li>`` on the same page line covers it), else the text's."""
        if self.anchors:
            return self.source_line_col(offset)[0]
        return self.line_of(offset)

    @property
    def has_lines(self) -> bool:
        """True when :meth:`location` gives a line and column in the file itself."""
        return not self.extracted or bool(self.anchors)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (a BOM is kept as U+FEFF); UTF-16 and UTF-32 with a byte order
    mark are decoded too (offsets are code points of the decoded text; such files are never
    rewritten by ``--fix``); binary data is refused, bad bytes replaced."""
    digest = _digest(data)
    for mark, name in _BOMS[1:]:
        if data.startswith(mark):
            text = data[len(mark) :].decode(name, errors="replace")
            findings: tuple[Finding, ...] = ()
            bad = text.find("\ufffd")
            if bad >= 0:
                findings = (
                    _INVALID_UTF8.finding(
                        f"not valid {name.upper()} (a {name.upper()} byte order mark starts "
                        "the file); undecodable bytes were replaced by U+FFFD",
                        bad,
                        bad + 1,
                    ),
                )
            return SourceText(path, text, findings, digest=digest, encoding=name)
    if b"\x00" in data[:8192]:
        raise InputError(
            path,
            "looks like a binary file (NUL bytes); not checked (UTF-16 and UTF-32 text "
            "needs a byte order mark)",
        )
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return SourceText(path, data.decode("utf-8"), digest=digest, bom=bom)
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.find("\ufffd")
        bad = max(bad, 0)
        finding = _INVALID_UTF8.finding(
            f"not valid UTF-8 (first bad byte at byte offset {exc.start}); undecodable bytes "
            "were replaced by U+FFFD",
            bad,
            min(bad + 1, len(text)),
        )
        return SourceText(path, text, (finding,), digest=digest, bom=bom)


def read_bytes(path: str) -> bytes:
    """The bytes of a regular file, at most ``MAX_INPUT_BYTES``, with errors a person
    understands. Devices, FIFOs and sockets are refused before opening (``/dev/zero`` never
    ends, a FIFO blocks), and the read is bounded whatever ``st_size`` claims."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file (device, FIFO or socket); not checked")
        if st.st_size > MAX_INPUT_BYTES:
            raise InputError(path, f"file of {st.st_size} bytes is larger than {MAX_INPUT_BYTES}")
        with open(path, "rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(path, f"file is larger than {MAX_INPUT_BYTES} bytes")
        return data
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


#: Standard input as read, with the stream it was read from: it can be read only once, and
#: a second reading of ``-`` in the same run (``check``'s in-memory fallback after a failed
#: spill) must get the same text, not an empty one.
_stdin_read: tuple[object, bytes] | None = None


def _stdin_bytes() -> bytes:
    global _stdin_read
    if _stdin_read is None or _stdin_read[0] is not sys.stdin:
        _stdin_read = (sys.stdin, sys.stdin.buffer.read(MAX_INPUT_BYTES + 1))
    return _stdin_read[1]


def read_source(path: str, stdin_name: str | None = None) -> SourceText:
    """Read one path (format chosen by its suffix), or standard input for ``-``: as text,
    called ``<stdin>``, unless ``stdin_name`` names it (``--stdin-filename``), whose suffix
    then chooses the format as a file's would."""
    if path == "-":
        name = stdin_name or "<stdin>"
        data = _stdin_bytes()
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(name, f"input larger than {MAX_INPUT_BYTES} bytes")
        stdin_reader = _READERS.get(Path(stdin_name).suffix.lower()) if stdin_name else None
        source = decode(data, name) if stdin_reader is None else stdin_reader(data, name)
        return attrs.evolve(source, stdin=True)
    suffix = Path(path).suffix.lower()
    reader = _READERS.get(suffix)
    data = read_bytes(path)
    if reader is None:
        return decode(data, path)
    return reader(data, path)


# --- HTML --------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math"})
#: Tags that may stand in <head>; any other tag, or text, ends an unclosed head (as browsers do).
_HEAD_TAGS = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template"})
_VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "base"})


class _TextBuilder:
    """Accumulates extracted text, collapsing runs of block breaks into one newline.

    ``anchors`` are ``(offset, line, column)`` points (1-based, in the source file) at the
    start of each piece of text added, for formats whose source has lines (HTML)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[tuple[int, str]] = []
        self.anchors: list[tuple[int, int, int]] = []
        self._at_break = True

    def add(self, text: str, at: tuple[int, int] | None = None) -> None:
        if not text:
            return
        if at is not None:
            self.anchors.append((self.length, at[0], at[1]))
        self.parts.append(text)
        self.length += len(text)
        self._at_break = text.endswith("\n")

    def newline(self) -> None:
        if not self._at_break:
            self.add("\n")

    def mark(self, label: str) -> None:
        self.marks.append((self.length, label))

    def text(self) -> str:
        return "".join(self.parts)


#: Labels the HTML standard (WHATWG Encoding) maps to another decoder than Python's codec of
#: that name: browsers read "iso-8859-1" and "ascii" pages as windows-1252, and a ``<meta>``
#: naming UTF-16 (which a byte-order-mark-less page cannot be) as UTF-8.
_WHATWG_LABELS: dict[str, str] = {
    **dict.fromkeys(
        (
            "ansi_x3.4-1968",
            "ascii",
            "cp819",
            "csisolatin1",
            "ibm819",
            "iso-8859-1",
            "iso-ir-100",
            "iso8859-1",
            "iso88591",
            "iso_8859-1",
            "iso_8859-1:1987",
            "l1",
            "latin1",
            "us-ascii",
            "x-cp1252",
            "x-user-defined",
        ),
        "cp1252",
    ),
    **dict.fromkeys(
        (
            "csisolatin5",
            "iso-8859-9",
            "iso-ir-148",
            "iso8859-9",
            "iso88599",
            "iso_8859-9",
            "iso_8859-9:1989",
            "l5",
            "latin5",
        ),
        "cp1254",
    ),
    **dict.fromkeys(("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"), "cp874"),
    **dict.fromkeys(
        (
            "chinese",
            "csgb2312",
            "csiso58gb231280",
            "gb2312",
            "gb_2312",
            "gb_2312-80",
            "iso-ir-58",
            "x-gbk",
        ),
        "gbk",
    ),
    **dict.fromkeys(
        (
            "cseuckr",
            "csksc56011987",
            "euc-kr",
            "iso-ir-149",
            "korean",
            "ks_c_5601-1987",
            "ks_c_5601-1989",
            "ksc5601",
            "ksc_5601",
            "windows-949",
        ),
        "cp949",
    ),
    **dict.fromkeys(
        (
            "csshiftjis",
            "ms932",
            "ms_kanji",
            "shift-jis",
            "shift_jis",
            "sjis",
            "windows-31j",
            "x-sjis",
        ),
        "cp932",
    ),
    **dict.fromkeys(
        (
            "csunicode",
            "iso-10646-ucs-2",
            "ucs-2",
            "unicode",
            "unicodefffe",
            "utf-16",
            "utf-16be",
            "utf-16le",
            "unicode-1-1-utf-8",
            "unicode11utf8",
            "unicode20utf8",
            "x-unicode20utf8",
        ),
        "utf-8",
    ),
}


def _html_encoding(data: bytes) -> tuple[str, int]:
    """Encoding of an HTML page and the length of its byte order mark: BOM, else a
    ``<meta charset>`` in the first 2 KB read by the HTML standard's labels, else UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    m = _META_CHARSET.search(data[:2048])
    if m:
        label = m.group(1).decode("ascii").strip().lower()
        if label in _WHATWG_LABELS:
            return _WHATWG_LABELS[label], 0
        try:
            return codecs.lookup(label).name, 0
        except LookupError:
            pass
    return "utf-8", 0


class _HtmlText(html.parser.HTMLParser):
    """Event-driven text extraction: no tree, so no nesting limit and no recursion (libxml2
    stops at 255 levels and lost the rest of the page silently); each piece of text keeps its
    line and column in the page."""

    def __init__(self, page: str) -> None:
        self._page = page
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        # Character references are decoded here, not by the parser, so that each piece of
        # text keeps the column it has in the page (``&amp;`` is 5 columns, 1 character).
        super().__init__(convert_charrefs=False)
        self.out = _TextBuilder()
        self.dropping: list[str] = []
        self.blocks = 0

    def _pos(self) -> tuple[int, int]:
        line, col = self.getpos()
        return line, col + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" or (self.dropping == ["head"] and tag not in _HEAD_TAGS):
            self.dropping.clear()  # an unclosed <head> ends where the body starts
        if tag in _DROP_TAGS:
            if tag not in _VOID_TAGS:
                self.dropping.append(tag)
            return
        if not self.dropping and tag in _BLOCK_TAGS:
            self.out.newline()
            if tag not in _VOID_TAGS:
                self.blocks += 1
                self.out.mark(f"block {self.blocks} <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.dropping and tag in _BLOCK_TAGS:
            self.out.newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.dropping:
            while self.dropping and self.dropping.pop() != tag:
                pass
            return
        if not self.dropping and tag in _BLOCK_TAGS:
            self.out.newline()

    def handle_data(self, data: str) -> None:
        if self.dropping == ["head"] and data.strip():
            self.dropping.clear()  # text cannot stand in <head>: the body has begun
        if not self.dropping:
            self.out.add(data, self._pos())

    def handle_entityref(self, name: str) -> None:
        # The parser does not say whether a ";" ended the reference; the page does.
        line, col = self.getpos()
        after = self._line_starts[line - 1] + col + 1 + len(name)
        ended = self._page.startswith(";", after)
        self.handle_data(html.unescape(f"&{name};" if ended else f"&{name}"))

    def handle_charref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        if not self.dropping and "citecheck:" in data:
            self.out.add(f"<!--{data}-->", self._pos())


def read_html(data: bytes, path: str) -> SourceText:
    """Text of an HTML page with block structure kept as line breaks; no network, no scripts.

    Comments are dropped except ``citecheck: ignore`` ones, kept verbatim so that inline
    suppression works on the line they were on.  :meth:`SourceText.location` gives the line
    and column in the page itself.
    """
    encoding, skip = _html_encoding(data)
    bad_byte: int | None = None
    try:
        page = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        bad_byte = exc.start + skip
        page = data[skip:].decode(encoding, errors="replace")
    except LookupError:  # pragma: no cover - codecs.lookup accepted the name
        page = data[skip:].decode("utf-8", errors="replace")
    parser = _HtmlText(page)
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError) as exc:  # the stdlib parser's own complaints
        raise InputError(path, f"cannot be parsed as HTML ({exc})") from None
    out = parser.out
    text = out.text()
    findings: tuple[Finding, ...] = ()
    if bad_byte is not None:
        name = codecs.lookup(encoding).name.upper()
        at = max(text.find("\ufffd"), 0)
        findings = (
            _INVALID_UTF8.finding(
                f"not valid {name} (first bad byte at byte offset {bad_byte}); undecodable "
                "bytes were replaced by U+FFFD",
                at,
                min(at + 1, len(text)),
            ),
        )
    return SourceText(
        path,
        text,
        findings,
        kind="html",
        marks=tuple(out.marks),
        anchors=tuple(out.anchors),
        digest=_digest(data),
    )


# --- DOCX --------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _zip_member(zf: zipfile.ZipFile, name: str, path: str, budget: list[int]) -> bytes | None:
    """A member's bytes, refusing anything that inflates past the limits (zip bombs)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_DOCX_MEMBER or info.file_size > budget[0]:
        raise InputError(path, f"{name} inflates to {info.file_size} bytes; refused")
    limit = min(MAX_DOCX_MEMBER, budget[0])
    try:
        # zipfile stops at the declared size; a member that inflates further fails its CRC
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(path, f"{name} is damaged or unreadable ({exc}); refused") from None
    if len(data) > limit:
        raise InputError(path, f"{name} inflates past {limit} bytes; refused")
    budget[0] -= len(data)
    return data


def _parse_xml(data: bytes, name: str, path: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"{name} is not well-formed XML ({exc})") from None


def _run_text(p: Any, on_ref: Callable[[str, str], str]) -> Iterator[str]:
    """The text of one paragraph, in order; note references become markers via ``on_ref``.

    Text boxes (``w:txbxContent``) are skipped: their paragraphs are read as paragraphs of
    their own, and reading them here too gave their text twice."""
    fallback = f"{{{_MC}}}Fallback"
    box = _w("txbxContent")
    for el in p.iter():
        if el.tag in (fallback, box):
            continue
        if any(a.tag == fallback for a in el.iterancestors()):
            continue
        if el is not p and _inside_box(el, p, box):
            continue
        tag = el.tag
        if tag == _w("t"):
            # Entity references stay unresolved nodes: skip them, keep the text after them.
            yield (el.text or "") + "".join(child.tail or "" for child in el)
        elif tag == _w("tab"):
            yield "\t"
        elif tag in (_w("br"), _w("cr")):
            yield "\n"
        elif tag == _w("noBreakHyphen"):
            yield "\u2011"
        elif tag == _w("footnoteReference"):
            yield on_ref("footnote", el.get(_w("id"), ""))
        elif tag == _w("endnoteReference"):
            yield on_ref("endnote", el.get(_w("id"), ""))


def _inside_box(el: Any, p: Any, box: str) -> bool:
    """Is ``el`` in a text box nested in paragraph ``p`` (not one ``p`` itself is in)?"""
    for a in el.iterancestors():
        if a is p:
            return False
        if a.tag == box:
            return True
    return False


def _notes(root: Any, kind: str) -> dict[str, list[Any]]:
    """Note id -> its paragraphs, separators skipped."""
    notes: dict[str, list[Any]] = {}
    if root is None:
        return notes
    for note in root.iter(_w(kind)):
        if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[note.get(_w("id"), "")] = list(note.iter(_w("p")))
    return notes


def read_docx(data: bytes, path: str) -> SourceText:
    """Body paragraphs in reading order, then footnotes and endnotes in order of reference."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a .docx (not a zip archive)") from None
    budget = [MAX_DOCX_TOTAL]
    with zf:
        doc_xml = _zip_member(zf, "word/document.xml", path, budget)
        if doc_xml is None:
            raise InputError(path, "not a .docx (no word/document.xml)")
        roots = {"document": _parse_xml(doc_xml, "word/document.xml", path)}
        for kind in ("footnotes", "endnotes"):
            raw = _zip_member(zf, f"word/{kind}.xml", path, budget)
            roots[kind] = _parse_xml(raw, f"word/{kind}.xml", path) if raw else None
    notes = {
        "footnote": _notes(roots["footnotes"], "footnote"),
        "endnote": _notes(roots["endnotes"], "endnote"),
    }
    order: dict[str, list[str]] = {"footnote": [], "endnote": []}

    def on_ref(kind: str, note_id: str) -> str:
        if note_id not in notes[kind]:
            return ""
        if note_id not in order[kind]:
            order[kind].append(note_id)
        n = order[kind].index(note_id) + 1
        return f"[{n}]" if kind == "footnote" else f"[e{n}]"

    out = _TextBuilder()
    body = roots["document"].find(_w("body"))
    paragraphs = [] if body is None else list(body.iter(_w("p")))
    fallback = f"{{{_MC}}}Fallback"
    number = 0
    for p in paragraphs:
        if any(a.tag == fallback for a in p.iterancestors()):
            continue
        number += 1
        out.mark(f"paragraph {number}")
        out.add("".join(_run_text(p, on_ref)))
        out.add("\n")
    for kind, prefix in (("footnote", ""), ("endnote", "e")):
        for n, note_id in enumerate(order[kind], 1):
            out.mark(f"{kind} {n}")
            texts = ["".join(_run_text(p, lambda k, i: "")) for p in notes[kind][note_id]]
            out.add(f"[{prefix}{n}] " + " ".join(t.strip() for t in texts if t.strip()) + "\n")
    return SourceText(path, out.text(), kind="docx", marks=tuple(out.marks), digest=_digest(data))


# --- PDF ---------------------------------------------------------------------------------


def read_pdf(data: bytes, path: str) -> SourceText:
    """Text of each page (pypdf, the ``pdf`` extra), pages separated by a blank line."""
    try:
        import pypdf  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise InputError(path, PDF_EXTRA_MESSAGE) from None
    try:
        pdf = pypdf.PdfReader(io.BytesIO(data))
        out = _TextBuilder()
        for number, page in enumerate(pdf.pages, 1):
            out.mark(f"page {number}")
            out.add((page.extract_text() or "").replace("\x00", ""))
            out.add("\n\n")
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise InputError(path, f"cannot be read as PDF ({exc})") from None
    return SourceText(path, out.text(), kind="pdf", marks=tuple(out.marks), digest=_digest(data))


_READERS: dict[str, Callable[[bytes, str], SourceText]] = {
    **{s: read_html for s in HTML_SUFFIXES},
    ".docx": read_docx,
    ".pdf": read_pdf,
}
