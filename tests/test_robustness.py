"""Robustness: linear-time patterns and finders, hostile inputs, damaged files and caches.

How linearity is checked, deterministically (no wall-clock assertions):

* Python level: each family's ``find`` runs under ``sys.setprofile`` over adversarial
  documents of 10k, 20k and 40k code points built from the family's own trigger literals and
  pattern literals (near misses). The number of Python and C function calls it makes must grow
  about linearly (x4 input -> at most x6 calls). This catches the quadratic mistakes a family
  can make in Python: rescanning the rest of the document per match, re-reading from the start.
* Regex engine level: the ``regex`` module cannot report its step count, so every compiled
  pattern of every family module runs over the same kind of input with ``timeout=`` as a
  safety net with a generous limit (catastrophic backtracking takes exponential time and blows
  through any limit; a linear scan of 40k code points takes milliseconds). Both harnesses are
  themselves tested against a known-bad finder and a known-bad pattern.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

import citecheck
import citecheck.families as families_pkg
from citecheck.families import FAMILIES, Document, Family
from citecheck.readers import InputError, decode, read_source
from citecheck.resolve import cache as cache_mod
from citecheck.resolve import net
from citecheck.resolve.sources import cellar, undl

SIZES = (10_000, 20_000, 40_000)
REGEX_TIMEOUT = 30.0  # seconds; a safety net, not a measurement

_LITERAL = regex.compile(r"(?<![\\?<])[A-Za-z]{2,12}|[/.:()\-,;]")


def _pattern_modules() -> list[Any]:
    names = [f"citecheck.families.{m.name}" for m in pkgutil.iter_modules(families_pkg.__path__)]
    return [importlib.import_module(n) for n in [*names, "citecheck.pinpoints"]]


def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    out = []
    for mod in _pattern_modules():
        for attr, value in sorted(vars(mod).items()):
            if isinstance(value, regex.Pattern):
                out.append((f"{mod.__name__.rsplit('.', 1)[-1]}.{attr}", value))
    return out


def _near_misses(literals: list[str], size: int) -> Iterator[str]:
    """Documents of ``size`` code points made of the literals glued to digits and separators."""
    lits = list(dict.fromkeys(literals))[:40] or ["A"]
    glue = ("1/", "12", " ", "/", "-", ". ", "(1)", ",", "\u00a0", "\u2011", "\n")
    frag = "".join(f"{lit}{glue[i % len(glue)]}" for i, lit in enumerate(lits))
    yield (frag * (size // len(frag) + 1))[:size]  # the literals, densely
    yield (" ".join(lits[:3]) + " " + "1/" * 50 + " ") * (size // 120 + 1)  # long digit runs
    yield ((lits[0] + " ") * (size // (len(lits[0]) + 1) + 1))[:size]  # one literal repeated


def _literals_of(pattern: str) -> list[str]:
    return _LITERAL.findall(pattern)


# --- regex engine: every compiled pattern terminates quickly on hostile input -------------


@pytest.mark.parametrize(
    ("name", "pattern"), _patterns(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_pattern_has_no_catastrophic_backtracking(name: str, pattern: regex.Pattern[str]) -> None:
    lits = _literals_of(pattern.pattern)
    for text in _near_misses(lits, SIZES[-1]):
        for _ in pattern.finditer(text, timeout=REGEX_TIMEOUT):
            pass
        # Anchored use (``match`` at each offset) is how pinpoint readers call patterns.
        for pos in range(0, len(text), 997):
            pattern.match(text, pos, timeout=REGEX_TIMEOUT)


def test_regex_safety_net_catches_catastrophic_pattern() -> None:
    bad = regex.compile(r"(?:a|aa)+c")  # exponential: the regex module does not rescue it
    with pytest.raises(TimeoutError):
        for _ in bad.finditer("a" * 60, timeout=0.5):
            pass


# --- Python level: calls made by each family's finder grow linearly -----------------------


def _count_calls(func: Callable[[], object]) -> int:
    calls = 0

    def prof(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(prof)
    try:
        func()
    finally:
        sys.setprofile(None)
    return calls


def _family_literals(family: Family) -> list[str]:
    mod = sys.modules[type(family).__module__]
    lits = list(family.triggers)
    for value in vars(mod).values():
        if isinstance(value, regex.Pattern):
            lits.extend(_literals_of(value.pattern))
    # Trigger literals first (they pass the prefilter), then a realistic citation or two.
    return [*lits, "A/HRC/41/35", "C-311/18", "2016/679"]


def _assert_linear(
    find: Callable[[Document], Iterator[Any]], lits: list[str], sizes: tuple[int, ...] = SIZES
) -> None:
    for variant in range(3):
        counts = []
        for size in sizes:
            text = list(_near_misses(lits, size))[variant][:size]
            doc = Document(text)
            counts.append(_count_calls(lambda doc=doc: list(find(doc))))
        small, _, large = counts
        assert large <= 6 * small + 200, (
            f"variant {variant}: calls {counts} for sizes {sizes} grow faster than linearly"
        )


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_finder_makes_linearly_many_calls(family: Family) -> None:
    _assert_linear(family.find, _family_literals(family))


def test_linearity_harness_catches_quadratic_finder() -> None:
    pat = regex.compile(r"A/\d")

    def quadratic(doc: Document) -> Iterator[int]:
        for m in pat.finditer(doc.text):  # rescans the rest of the document per match
            yield sum(1 for _ in pat.finditer(doc.text, m.end()))

    with pytest.raises(AssertionError, match="faster than linearly"):
        _assert_linear(quadratic, ["A/1", "A/2"], sizes=(1000, 2000, 4000))


def test_whole_pipeline_calls_grow_linearly() -> None:
    unit = "See A/HRC/41/35, para. 66; Case C-311/18, paragraph 5; Ibid. Regulation (EU) 2016/679. "
    counts = [
        _count_calls(lambda n=n: citecheck.check((unit * (n // len(unit) + 1))[:n])) for n in SIZES
    ]
    assert counts[2] <= 6 * counts[0] + 500, counts


# --- hostile files ------------------------------------------------------------------------


def test_binary_input_refused_with_reason(tmp_path: Path) -> None:
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        read_source(str(p))


def test_invalid_utf8_repaired_with_cc101() -> None:
    src = decode(b"See A/HRC/41/35 \xff\xfe caf\xe9 para. 1", "x.txt")
    assert [f.code for f in src.findings] == ["CC101"]
    assert "\ufffd" in src.text
    f = src.findings[0]
    assert src.text[f.start : f.end] == "\ufffd"
    assert [c.id for c in citecheck.extract(src.text)] == ["un:A/HRC/41/35"]


def test_valid_utf8_has_no_cc101() -> None:
    assert decode("caf\u00e9 A/HRC/41/35".encode(), "x.txt").findings == ()


def test_nul_bytes_after_first_block_are_text() -> None:
    data = b"A/HRC/41/35 " * 1000 + b"\x00 A/HRC/38/35"
    src = decode(data, "x.txt")  # NULs beyond the sniffed block are kept as text
    ids = {c.id for c in citecheck.extract(src.text)}
    assert ids == {"un:A/HRC/41/35", "un:A/HRC/38/35"}


def test_one_megabyte_line() -> None:
    text = "x" * 1_000_000 + " A/HRC/41/35, para. 66 " + "y" * 1000
    (c,) = citecheck.extract(text)
    assert (c.id, c.start, str(c.pinpoint)) == ("un:A/HRC/41/35", 1_000_001, "para. 66")


def test_oversized_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.readers.MAX_INPUT_BYTES", 100)
    p = tmp_path / "big.txt"
    p.write_text("A/HRC/41/35 " * 20)
    with pytest.raises(InputError, match="larger than 100"):
        read_source(str(p))


# --- XML replies (resolve layer) ------------------------------------------------------------


def _xml_parsers() -> list[tuple[str, Callable[[bytes], Any]]]:
    return [
        ("cellar.parse_notice", cellar.parse_notice),
        ("undl.parse_collection", undl.parse_collection),
    ]


HOSTILE_XML = {
    "deep": b"<a>" * 100_000 + b"</a>" * 100_000,
    "billion_laughs": textwrap.dedent(
        """\
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <NOTICE><WORK>&lol3;</WORK></NOTICE>"""
    ).encode(),
    "external_entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><NOTICE>&e;</NOTICE>',
    "truncated": b"<NOTICE><WORK><RESOURCE_LEGAL_ID_CELEX><VALUE>3201",
    "huge_text": b"<NOTICE><WORK>" + b"x" * 30_000_000 + b"</WORK></NOTICE>",
    "empty": b"",
    "not_xml": b"\x00\xff garbage",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_XML))
def test_hostile_xml_is_unavailable_not_crash(case: str) -> None:
    for name, parse in _xml_parsers():
        try:
            result = parse(HOSTILE_XML[case])
        except net.Unavailable:
            continue
        # Parsed: then no entity may have been expanded or fetched.
        assert "root:" not in repr(result), name
        assert "lollol" not in repr(result), name


# --- cache survives a killed writer ------------------------------------------------------

_WRITER = """
import sys
from citecheck.resolve.cache import Cache
from citecheck.resolve.model import Resolution, Status
cache = Cache(sys.argv[1])
cache.put_many([Resolution(id="un:A/HRC/41/35", status=Status.RESOLVED, title="ok", source="undl")])
print("committed", flush=True)
i = 0
while True:
    print("writing", i, flush=True)
    cache.put_many(
        Resolution(id=f"un:A/{i}/{j}", status=Status.RESOLVED, title="t" * 200, source="undl")
        for j in range(5000)
    )
    i += 1
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL semantics are POSIX")
def test_cache_readable_after_writer_killed_mid_write(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "committed"
        # Kill right after the writer announces its third batch: it is inside put_many then.
        while proc.stdout.readline().strip() != "writing 2":
            pass
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    from citecheck.resolve.model import Resolution, Status

    with cache_mod.Cache(tmp_path) as cache:
        got = cache.get_many(["un:A/HRC/41/35", "un:A/0/0", "un:A/2/4999"])
        assert got["un:A/HRC/41/35"].title == "ok"
        assert "un:A/0/0" in got  # batch 0 committed before the kill
        # The batch being written when killed is all there or not at all, never half.
        partial = cache.get_many([f"un:A/2/{j}" for j in range(5000)])
        assert len(partial) in (0, 5000)
        assert cache.put_many([Resolution(id="un:X/1", status=Status.RESOLVED, source="undl")])
        assert "un:X/1" in cache.get_many(["un:X/1"])
