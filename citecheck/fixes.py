"""Applying safe fixes: ``check --fix`` (in place, atomically) and ``check --diff``.

Safety rules: only non-overlapping fixes (the first in text order wins); only files read as
plain text that decoded as clean UTF-8 (never a file with CC101 replacements, never an
extracted HTML/DOCX/PDF text); only when the bytes on disk are still those that were read
(SHA-256 compared just before writing); written to a temporary file in the same directory,
fsynced, then ``os.replace``d over the original with its mode, owner, group and extended
attributes (so its POSIX ACLs) kept. A file the process may not write is refused (replacing
it would go around its permissions); a file with other hard links, one whose owner, group or
extended attributes the new file could not keep, or one in a directory where no temporary
file can be made is written in place instead (the new text is complete in memory), so that
no link, owner, group or attribute is lost: room for the new size is
reserved first and, should the write still fail, the old bytes (just read) are written back.
A path that is no longer a regular file (e.g. a FIFO put in its place) is never opened
blocking and counts as changed. Offsets are code points of
the decoded text, which was decoded without newline translation, so line endings are kept;
a byte order mark is part of the text (U+FEFF) and is written back as it is. A symlink is
followed: its target is rewritten and the link stays a link.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import enum
import errno
import hashlib
import os
import re
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from citecheck.model import Finding, Fix
from citecheck.readers import SourceText

if TYPE_CHECKING:
    from markdown_it.token import Token


class Outcome(str, enum.Enum):
    """What ``--fix`` did to one file."""

    WRITTEN = "written"
    NOTHING = "nothing to fix"
    CHANGED = "changed on disk since it was read; not written"
    NOT_CLEAN = "not valid UTF-8 (CC101); not rewritten"
    UTF16 = "UTF-16 text, not UTF-8; not rewritten"
    UTF32 = "UTF-32 text, not UTF-8; not rewritten"
    EXTRACTED = "text was extracted from another format; not rewritten"
    STDIN = "standard input cannot be fixed in place (use --diff to see the fixes)"
    FAILED = "could not be written"
    READ_ONLY = "may not be written"


class Plan(str, enum.Enum):
    """How a fixed file is written."""

    REPLACE = "replace"  # a temporary file renamed over the original (atomic)
    IN_PLACE = "in place"  # the original truncated and rewritten (keeps inode, links, owner)


def write_plan(*, nlink: int, owner_kept: bool, replace_possible: bool) -> Plan:
    """Atomic replacement when it changes nothing but the text; otherwise in place: a new
    inode would cut the file's other hard links or lose an owner or group the process
    cannot give back, and a directory the process may not write has no room for the
    temporary file."""
    if nlink > 1 or not owner_kept or not replace_possible:
        return Plan.IN_PLACE
    return Plan.REPLACE


class NotWritten(Exception):
    """A fixed file that could not be written: the outcome and the operating system's reason
    (a failure of the run, unlike the refusals ``write_fixed`` returns)."""

    def __init__(self, outcome: Outcome, reason: str) -> None:
        super().__init__(f"{outcome.value} ({reason})")
        self.outcome = outcome
        self.reason = reason


def select_fixes(
    findings: Iterable[Finding], text_length: int, protected: Sequence[tuple[int, int]] = ()
) -> list[Fix]:
    """The fixes to apply: in text order, duplicates merged, overlapping ones skipped, and
    none that touches a ``protected`` span (sorted, non-overlapping ``(start, end)``)."""
    fixes = sorted(
        {f.fix for f in findings if f.fix is not None},
        key=lambda x: (x.start, x.end, x.replacement),
    )
    starts = [start for start, _ in protected]
    chosen: list[Fix] = []
    for fix in fixes:
        if not 0 <= fix.start <= fix.end <= text_length:
            continue
        if _in_protected(protected, starts, fix):
            continue
        if chosen and fix.start < chosen[-1].end:
            continue
        if chosen and fix.start == fix.end == chosen[-1].end == chosen[-1].start:
            continue  # two insertions at one point: order would be a guess
        chosen.append(fix)
    return chosen


#: Markdown suffixes whose code and comments ``--fix`` leaves as written.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_BACKTICKS = re.compile(r"`+")
_NEWLINE = re.compile(r"\r\n?|\n")  # the line ends markdown-it counts
#: HTML blocks whose whole text is kept as written: comments, processing instructions,
#: CDATA sections, ``<pre>``, scripts, styles and text areas.
_QUOTING_HTML = re.compile(
    r" {0,3}<(?:!--|\?|!\[CDATA\[|(?:pre|script|style|textarea)(?=[\s>]|$))", re.I
)
#: HTML elements whose content is code or program text, not prose.
_CODE_ELEMENTS = ("code", "kbd", "samp", "pre", "script", "style", "textarea")
#: Raw HTML that quotes: a comment, a processing instruction, a CDATA section (each up to its
#: end marker) or the start or end tag of a code element (group ``close``/``name``).
_QUOTING_RAW = re.compile(
    r"<!--|<\?|<!\[CDATA\[|<(?P<close>/?)(?P<name>" + "|".join(_CODE_ELEMENTS) + r")(?=[\s/>])",
    re.I,
)
_RAW_ENDS = {"<!--": "-->", "<?": "?>", "<![CDATA[": "]]>"}
#: The rest of a tag after its name, up to its ">": quoted attribute values may hold ">".
_TAG_REST = re.compile(r"""(?:[^"'>]++|"[^"]*+"|'[^']*+')*+>""")


def is_markdown(path: str, extracted: bool = False) -> bool:
    """Whether a text read from ``path`` is Markdown whose code ``--fix`` must not touch."""
    return not extracted and Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def markdown_code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a Markdown text that quote rather than say, as CommonMark reads them:
    fenced and indented code blocks (an unclosed fence runs to the end of its container),
    HTML comment, processing instruction, CDATA, ``<pre>``, script and style blocks, in
    other HTML blocks their comments and code elements (``<pre>``, ``<code>``, ``<kbd>``,
    ``<samp>``...), and within a paragraph or heading its code spans, closed HTML comments,
    and the raw HTML markdown-it reads there (code elements, processing instructions,
    CDATA); sorted. A fix there would change what the code or comment says, so ``--fix``
    leaves them. The blocks come from markdown-it-py's line maps (lists, block quotes, tabs
    and lazy lines as CommonMark has them), the raw HTML of a paragraph from its
    ``html_inline`` tokens; their places from a scan of each block's lines, so none crosses
    a paragraph."""
    from markdown_it import MarkdownIt

    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    if starts[-1] < len(text):
        starts.append(len(text))
    last = len(starts) - 1
    spans: list[tuple[int, int]] = []
    # a byte order mark is no character of the first line (the parser would see a fence
    # opened by "\ufeff```" as text); a space in its place keeps every offset
    parsed = " " + text[1:] if text.startswith("\ufeff") else text
    for token in MarkdownIt("commonmark").parse(parsed):
        if token.map is None:
            continue
        lo, hi = starts[min(token.map[0], last)], starts[min(token.map[1], last)]
        if token.type in ("fence", "code_block"):
            spans.append((lo, hi))
        elif token.type == "html_block":
            if _QUOTING_HTML.match(token.content):
                spans.append((lo, hi))
            else:
                spans.extend(_raw_html_spans(text, lo, hi))
        elif token.type == "inline":
            spans.extend(_inline_spans(text, lo, hi, _html_inline(token.children or ())))
    return sorted(spans)


def _html_inline(children: Sequence[Token], in_alt: bool = False) -> list[tuple[str, bool]]:
    """The raw HTML of a paragraph in text order, each with whether it is inert: that of an
    image's alt text (the image token's own children) is, as CommonMark renders alt text as
    plain text, so a ``</code>`` there closes nothing. Each is matched to the next ``<`` of
    the text, the inert ones only to keep the others in step."""
    raw: list[tuple[str, bool]] = []
    for child in children:
        if child.type == "html_inline":
            raw.append((child.content, in_alt))
        elif child.children:
            raw.extend(_html_inline(child.children, in_alt or child.type == "image"))
    return raw


def _escaped(text: str, at: int, start: int) -> bool:
    """Whether ``text[at]`` follows an odd number of backslashes (CommonMark escape)."""
    before = at
    while before > start and text[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1


class _CodeElement:
    """The code element open in a run of raw HTML: where it started, its name and how deep
    elements of that name are nested (``<kbd><kbd>Ctrl</kbd>+<kbd>C</kbd></kbd>``)."""

    def __init__(self) -> None:
        self.start = -1
        self.name = ""
        self.depth = 0

    def tag(self, at: int, end: int, name: str, closing: bool) -> tuple[int, int] | None:
        """Note a start or end tag at ``text[at:end]``; the element's span once it closes."""
        name = name.lower()
        if self.depth == 0:
            if not closing:
                self.start, self.name, self.depth = at, name, 1
            return None
        if name != self.name:
            return None
        self.depth += -1 if closing else 1
        return (self.start, end) if self.depth == 0 else None

    def unclosed(self, end: int) -> list[tuple[int, int]]:
        """An element never closed in its block: its content runs to the block's end."""
        return [(self.start, end)] if self.depth else []


def _raw_html_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """In an HTML block ``text[start:end]``: comments, processing instructions and CDATA
    sections (closed, or to the block's end), and code elements (start tag to end tag, or
    to the block's end); one pass left to right."""
    spans: list[tuple[int, int]] = []
    element = _CodeElement()
    pos = start
    while (m := _QUOTING_RAW.search(text, pos, end)) is not None:
        name = m.group("name")
        if name is None:
            close = text.find(_RAW_ENDS[m.group()], m.end(), end)
            stop = end if close < 0 else close + len(_RAW_ENDS[m.group()])
            if element.depth == 0:
                spans.append((m.start(), stop))
            pos = stop
            continue
        # a quoted attribute may hold ">" or "/>" ("<code title='a/>b'>"); unclosed: to the end
        rest = _TAG_REST.match(text, m.end(), end)
        tag_end = end if rest is None else rest.end()
        if text[tag_end - 2 : tag_end] != "/>" or m.group("close"):
            done = element.tag(m.start(), tag_end, name, bool(m.group("close")))
            if done is not None:
                spans.append(done)
        pos = tag_end
    return spans + element.unclosed(end)


def _html_tag(raw: str) -> tuple[str, bool] | None:
    """The name of a code element ``raw`` (one ``html_inline`` token) opens or closes and
    whether it closes; None for any other raw HTML or a self-closing tag."""
    m = _QUOTING_RAW.match(raw)
    if m is None or m.group("name") is None or raw.endswith("/>"):
        return None
    return m.group("name"), bool(m.group("close"))


def _inline_spans(
    text: str, start: int, end: int, raw: Sequence[tuple[str, bool]] = ()
) -> list[tuple[int, int]]:
    """Code spans (a backtick run closed by a run of the same length; an escaped backtick
    opens none), closed HTML comments and the quoting raw HTML among ``raw`` (the block's
    ``html_inline`` tokens, in order, each with whether it is inert alt text: code elements,
    processing instructions, CDATA) in one
    block ``text[start:end]``, one pass left to right; an unclosed ``<!--`` is plain text,
    an unclosed code element runs to the block's end. A code element's tag in the text that
    is none of ``raw`` (in a link destination: ``[x](</code>)``) means the tags and the text
    no longer line up: the whole block is then quoted, as a fix in code must never happen."""
    spans: list[tuple[int, int]] = []
    unmatched: set[int] = set()  # run lengths with no closing run further on
    element = _CodeElement()
    waiting = 0  # the next of ``raw`` still to be found
    pos = start
    # each searched again only once passed (-1: none further): linear
    comment, tick = text.find("<!--", pos, end), text.find("`", pos, end)
    angle = text.find("<", pos, end) if raw else -1
    while pos < end:
        if 0 <= comment < pos:
            comment = text.find("<!--", pos, end)
        if 0 <= tick < pos:
            tick = text.find("`", pos, end)
        if 0 <= angle < pos:
            angle = text.find("<", pos, end)
        if tick < 0 and comment < 0 and angle < 0:
            break
        if angle >= 0 and (tick < 0 or angle < tick) and (comment < 0 or angle < comment):
            pos = angle + 1
            if _escaped(text, angle, start):
                continue
            token, inert = raw[waiting] if waiting < len(raw) else ("", False)
            first_line = token.split("\n", 1)[0]
            if not token or not text.startswith(first_line, angle):
                looks = _QUOTING_RAW.match(text, angle)
                if looks is not None and looks.group("name") is not None:
                    return [(start, end)]  # a code tag the parser did not read as one
                continue
            waiting += 1
            if inert:  # alt text: plain text, it opens and closes nothing
                pos = angle + len(first_line)
                continue
            if not token.startswith(("<?", "<![CDATA[")):
                pos = angle + len(first_line)  # "<b title='<code>'>" holds no tag
            tag = _html_tag(token)
            if tag is not None:
                # a tag written over several lines (in a block quote, "> " is between)
                tag_end = angle + len(token) if "\n" not in token else text.find(">", pos, end) + 1
                done = element.tag(angle, tag_end, tag[0], tag[1])
                if done is not None:
                    spans.append(done)
            elif element.depth == 0 and token.startswith(("<?", "<![CDATA[")):
                ender = "?>" if token.startswith("<?") else "]]>"
                close = text.find(ender, pos, end)
                stop = end if close < 0 else close + len(ender)
                spans.append((angle, stop))
                pos = stop
            continue
        if comment >= 0 and (tick < 0 or comment < tick):
            close = text.find("-->", comment + 4, end)
            if close < 0:  # no "-->" further on: neither this nor a later "<!--" is one
                comment = -1
                continue
            if _escaped(text, comment, start):
                pos = comment + 1
                continue
            if raw[waiting : waiting + 1] and raw[waiting][0].startswith("<!--"):
                waiting += 1  # markdown-it's token for this comment
            if element.depth == 0:
                spans.append((comment, close + 3))
            pos = close + 3
            continue
        if _escaped(text, tick, start):
            pos = tick + 1  # the rest of the run may still open a span
            continue
        run = _BACKTICKS.match(text, tick, end)
        assert run is not None
        length = len(run.group())
        pos = run.end()
        if length in unmatched:
            continue
        for closing in _BACKTICKS.finditer(text, pos, end):
            if len(closing.group()) == length:
                if element.depth == 0:
                    spans.append((tick, closing.end()))
                pos = closing.end()
                break
        else:
            unmatched.add(length)
    return spans + element.unclosed(end)


def _in_protected(protected: Sequence[tuple[int, int]], starts: Sequence[int], fix: Fix) -> bool:
    i = bisect.bisect_right(starts, fix.end) - 1  # the last span starting at or before it
    return i >= 0 and _touches(protected[i], fix)


def quoted_spans(path: str, text: str, extracted: bool = False) -> list[tuple[int, int]]:
    """The spans whose fixes ``--fix`` leaves alone: Markdown code and comments."""
    return markdown_code_spans(text) if is_markdown(path, extracted) else []


def unquoted_fixes(
    findings: Iterable[Finding], quoted: Sequence[tuple[int, int]]
) -> Iterator[Finding]:
    """``findings`` with no fix where it would touch a ``quoted`` span: ``--fix`` does not
    apply those, so no report (text ``[fixable]``, JSON/SARIF ``fix``, editor quick fix)
    offers them."""
    starts = [start for start, _ in quoted]
    for f in findings:
        if f.fix is not None and quoted and _in_protected(quoted, starts, f.fix):
            yield attrs.evolve(f, fix=None)
        else:
            yield f


def _touches(span: tuple[int, int], fix: Fix) -> bool:
    start, end = span
    if fix.start == fix.end:  # an insertion: strictly inside the span
        return start < fix.start < end
    return start < fix.end and fix.start < end


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """``text`` with non-overlapping, sorted ``fixes`` applied."""
    out: list[str] = []
    pos = 0
    for fix in fixes:
        out.append(text[pos : fix.start])
        out.append(fix.replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _lines(text: str) -> list[str]:
    """Lines ended by ``\n`` only (``str.splitlines`` also splits on FF, lone CR, U+2028...,
    which ``patch`` and ``git apply`` do not), ends kept."""
    return _LINE.findall(text)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff (``a/path`` -> ``b/path``, keeping CR LF); empty when nothing changes."""
    if old == new:
        return ""
    lines = difflib.unified_diff(
        _lines(old),
        _lines(new),
        fromfile=path if path.startswith("/") else f"a/{path}",
        tofile=path if path.startswith("/") else f"b/{path}",
    )
    text = ""
    for line in lines:
        text += line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
    return text


def fixable(source: SourceText) -> Outcome | None:
    """Why a file must not be rewritten, or None when it may be."""
    if source.extracted:  # first: standard input named "x.html" is refused as x.html is
        return Outcome.EXTRACTED
    if source.stdin or source.path == "<stdin>":
        return Outcome.STDIN
    if source.encoding.startswith("utf-16"):
        return Outcome.UTF16
    if source.encoding.startswith("utf-32"):
        return Outcome.UTF32
    if not source.clean_utf8:
        return Outcome.NOT_CLEAN
    return None


def may_write(path: Path) -> OSError | None:
    """Why the process may not write ``path`` (None when it may): opened for writing without
    truncating, so the kernel decides (modes, ACLs, read-only mounts, root's rights)."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return exc
    os.close(fd)
    return None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _reserve(fd: int, size: int) -> None:
    """Make room for ``size`` bytes before anything is overwritten, so a full disk or a file
    size limit stops the write while the old text is still whole."""
    fallocate = getattr(os, "posix_fallocate", None)
    if fallocate is not None:
        try:
            fallocate(fd, 0, size)
            return
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
    if size > os.fstat(fd).st_size:
        os.ftruncate(fd, size)


#: Bytes written by one call when a file is rewritten in place, last chunk first.
_CHUNK = 1 << 16
Pwrite = Callable[[int, bytes, int], int]


def _first_difference(old: bytes, new: bytes) -> int:
    """Where ``new`` starts to differ from ``old`` (bytes before it need no writing)."""
    same = 0
    limit = min(len(old), len(new))
    while same < limit and old[same : same + _CHUNK] == new[same : same + _CHUNK]:
        same += _CHUNK
    same = min(same, limit)
    while same < limit and old[same] == new[same]:
        same += 1
    return same


#: The signals that end a run (Ctrl-C, kill, a closed terminal): held while a file is
#: rewritten in place, so that none can stop it between the first byte and the last.
_ENDING_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _ending_signals_held() -> Iterator[None]:
    """Hold the signals that end a run until the block is done (they are then delivered);
    where the platform cannot hold them, the put-back on an exception is the only guard."""
    hold = getattr(signal, "pthread_sigmask", None)
    if hold is None:
        yield
        return
    before = hold(signal.SIG_BLOCK, _ENDING_SIGNALS)
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, before)


def _write_in_place(fd: int, data: bytes, old: bytes, pwrite: Pwrite = os.pwrite) -> None:
    """Overwrite the open file ``fd`` (holding ``old``) with ``data``: room reserved first,
    then the changed bytes written last chunk first, so that a file size limit or a full
    disk stops the write before the start of the file is touched; on any error the bytes
    written so far are put back from ``old``. The signals that end a run are held
    meanwhile. Raises ``NotWritten`` saying whether the file was left as it was."""
    with _ending_signals_held():
        _overwrite(fd, data, old, pwrite)


def _overwrite(fd: int, data: bytes, old: bytes, pwrite: Pwrite) -> None:
    start = _first_difference(old, data)
    # the range that may differ from ``old`` on disk: widened BEFORE each write (a write
    # that lands and then raises must still be put back) and over the cut-off tail before
    # the file is cut to the new length
    dirty = [len(data), 0]
    try:
        _reserve(fd, len(data))
        for hi in range(len(data), start, -_CHUNK):
            lo = max(start, hi - _CHUNK)
            pos = lo
            while pos < hi:
                noted = dirty
                dirty = [min(noted[0], pos), max(noted[1], hi)]
                try:
                    n = pwrite(fd, data[pos:hi], pos)
                except OSError:
                    dirty = noted  # a write the system refused wrote nothing
                    raise
                if n <= 0:
                    dirty = noted
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
                dirty = [min(noted[0], pos), max(noted[1], pos + n)]  # what it did write
                pos += n
        dirty = [min(dirty[0], len(data)), max(dirty[1], len(old))]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    except BaseException as exc:  # also an interrupt halfway: the old bytes go back first
        try:
            pos, stop = dirty[0], min(dirty[1], len(old))
            while pos < stop:
                n = os.pwrite(fd, old[pos:stop], pos)
                if n <= 0:
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
                pos += n
            os.ftruncate(fd, len(old))
            os.fsync(fd)
        except OSError as again:
            raise NotWritten(
                Outcome.FAILED,
                f"{_describe(exc)}; putting the old text back failed too ({_reason(again)}): "
                "the file may be damaged",
            ) from None
        if not isinstance(exc, OSError):
            raise
        raise NotWritten(Outcome.FAILED, f"{_reason(exc)}; the file was left as it was") from None


def _describe(exc: BaseException) -> str:
    return _reason(exc) if isinstance(exc, OSError) else type(exc).__name__


def _open_regular(path: Path, flags: int) -> int:
    """``path`` opened without blocking (a FIFO put in its place must not hang the run);
    raises ``_NotRegular`` when it is no longer a regular file."""
    fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _NotRegular
    return fd


class _NotRegular(Exception):
    """The file was replaced by something that is not a regular file."""


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb", closefd=True) as fh:
        return fh.read()


@attrs.frozen
class XattrCalls:
    """The extended-attribute calls of the platform, one seam (tests give fakes)."""

    names: Callable[[str], list[str]]
    get: Callable[[str, str], bytes]
    set: Callable[[str, str, bytes], None]
    remove: Callable[[str, str], None]


def _platform_xattrs() -> XattrCalls | None:
    """``os``'s extended-attribute calls; None where the platform has none (not Linux)."""
    if not all(hasattr(os, f) for f in ("listxattr", "getxattr", "setxattr", "removexattr")):
        return None
    return XattrCalls(os.listxattr, os.getxattr, os.setxattr, os.removexattr)


#: What ``--fix`` copies extended attributes with (None: the platform has none).
XATTRS = _platform_xattrs()
_NO_XATTRS = frozenset({errno.ENOTSUP, errno.EOPNOTSUPP, getattr(errno, "ENODATA", errno.ENOENT)})


def copy_xattrs(source: str, target: str, calls: XattrCalls | None) -> str | None:
    """Make ``target``'s extended attributes those of ``source`` (POSIX ACLs are
    ``system.posix_acl_*``, SELinux labels ``security.selinux``, ``user.*``...): each copied
    unless already equal, those ``source`` lacks (a directory's default ACL the new file
    inherited) removed. Returns why one could not be (None when done, or when the file
    system has none)."""
    if calls is None:
        return None
    try:
        names = calls.names(source)
        extra = set(calls.names(target)) - set(names)
    except OSError as exc:
        if exc.errno in _NO_XATTRS:
            return None
        return f"its extended attributes cannot be listed ({_reason(exc)})"
    for name in names:
        try:
            value = calls.get(source, name)
        except OSError as exc:
            if exc.errno in _NO_XATTRS:
                continue  # gone since it was listed
            return f"its extended attribute {name} cannot be read ({_reason(exc)})"
        try:
            if calls.get(target, name) == value:
                continue  # already so (a label or ACL the new file was given)
        except OSError:
            pass
        try:
            calls.set(target, name, value)
        except OSError as exc:
            return f"its extended attribute {name} cannot be copied ({_reason(exc)})"
    for name in sorted(extra):
        try:
            calls.remove(target, name)
        except OSError as exc:
            return f"the new file's extended attribute {name} cannot be removed ({_reason(exc)})"
    return None


def _replace(path: Path, data: bytes, info: os.stat_result) -> bool:
    """Write ``data`` to a temporary file with the original's mode, owner, group and
    extended attributes (so its ACLs), then rename it over ``path``; False (nothing changed)
    when the temporary file cannot be made or cannot be given all of these: the file is then
    written in place, which keeps them all (its inode stays)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.fchown(fh.fileno(), info.st_uid, info.st_gid)
                except OSError:
                    Path(tmp).unlink(missing_ok=True)
                    return False
            if copy_xattrs(str(path), tmp, XATTRS) is not None:
                Path(tmp).unlink(missing_ok=True)
                return False
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_fixed(source: SourceText, new_text: str) -> Outcome:
    """Replace the file with ``new_text`` if it is unchanged since it was read (atomically
    unless ``write_plan`` says in place); raises ``NotWritten`` when it may not or could not
    be written."""
    refusal = fixable(source)
    if refusal is not None:
        return refusal
    if new_text == source.text:
        return Outcome.NOTHING
    path = Path(os.path.realpath(source.path))  # the target of a symlink, not the link
    try:
        try:
            current = _read_all(_open_regular(path, os.O_RDONLY))
        except _NotRegular:
            return Outcome.CHANGED
        if hashlib.sha256(current).hexdigest() != source.digest:
            return Outcome.CHANGED
        denied = may_write(path)
        if denied is not None:
            raise NotWritten(Outcome.READ_ONLY, _reason(denied))
        info = path.stat()
        data = new_text.encode("utf-8")  # a BOM, if any, is U+FEFF in the text
        plan = write_plan(
            nlink=info.st_nlink,
            owner_kept=os.getuid() == 0 or info.st_uid == os.getuid(),
            replace_possible=os.access(path.parent, os.W_OK | os.X_OK),
        )
        if plan is Plan.REPLACE and _replace(path, data, info):
            return Outcome.WRITTEN
        try:
            fd = _open_regular(path, os.O_RDWR)
        except _NotRegular:
            return Outcome.CHANGED
        try:
            # the file opened for writing must be the one read and checked: it may have been
            # saved or renamed over in between
            with os.fdopen(os.dup(fd), "rb") as fh:
                again = fh.read()
            if hashlib.sha256(again).hexdigest() != source.digest:
                return Outcome.CHANGED
            _write_in_place(fd, data, again)
        finally:
            os.close(fd)
    except OSError as exc:
        raise NotWritten(Outcome.FAILED, f"{_reason(exc)}; the file was left as it was") from None
    return Outcome.WRITTEN
