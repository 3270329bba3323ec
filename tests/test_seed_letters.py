"""Acceptance: the seed letters of ../shared/corpus/seeds give the citations they contain.

These files are read from the shared corpus (never copied into the project); without it the
tests are skipped with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
LETTER_003 = SEEDS / "003_d6adc09511b5a212.txt"

needs_seeds = pytest.mark.skipif(
    not LETTER_003.exists(), reason="../shared/corpus/seeds not present (CI and developers have it)"
)


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@needs_seeds
def test_letter_003_un_citations_with_spans() -> None:
    text = _read(LETTER_003)
    cits = citecheck.extract(text)
    for c in cits:
        assert text[c.start : c.end] == c.text
    un = [
        (c.id, c.text, str(c.pinpoint), c.short_form) for c in cits if c.scheme in ("un", "spcomm")
    ]
    expected = [
        ("spcomm:ISR 7/2021", "AL ISR 7/2021", "", False),
        ("un:A/HRC/RES/43/4", None, "", False),
        ("un:A/HRC/RES/44/15", "44/15", "", False),
        ("un:A/HRC/RES/41/12", "41/12", "", False),
        ("un:A/HRC/RES/43/16", "43/16", "", False),
        ("spcomm:OTH 52/2019", "OL OTH 52/2019", "", False),
        ("spcomm:OTH 2/2020", "OL OTH 2/2020", "", False),
        ("spcomm:SAU 10/2019", "AL SAU 10/2019", "", False),
        ("un:A/HRC/RES/17/31", "A/HRC/RES/17/31, Annex", "annex", False),
        ("un:A/HRC/41/35", "A/HRC/41/35, para. 60", "para. 60", False),
        ("un:A/HRC/41/35", "Ibid. para. 66", "para. 66", True),
        ("un:CCPR/C/BGR/CO/3", "CCPR/C/BGR/CO/3, para. 22", "para. 22", False),
        ("un:A/RES/68/167", "A/RES/68/167", "", False),
        ("un:A/RES/73/179", None, "", False),
        ("un:A/HRC/38/35/Add.2", "A/HRC/38/35/Add.2, para. 53", "para. 53", False),
        ("un:A/HRC/41/35", "A/HRC/41/35 para. 66", "para. 66", False),
        ("un:A/HRC/41/41", "A/HRC/41/41 para. 11", "para. 11", False),
        ("un:A/HRC/RES/17/31", "A/HRC/RES/17/31", "", False),
        ("un:A/HRC/47/39/Add.2", "A/HRC/47/39/Add.2", "", False),
    ]
    assert [u[0] for u in un] == [e[0] for e in expected]
    for got, want in zip(un, expected, strict=True):
        if want[1] is not None:
            assert got[1] == want[1]
            assert got[2:] == want[2:]
    # Prose spans end at the number they name.
    by_id = {c.id: c for c in cits}
    assert by_id["un:A/HRC/RES/43/4"].text.endswith("43/4")
    assert by_id["un:A/RES/73/179"].text.endswith("73/179")


@needs_seeds
def test_letter_003_has_no_findings_but_the_known_ones() -> None:
    """Offline, the letter is well-formed: A/HRC/RES/17/31 is only caught by the source."""
    result = citecheck.check(_read(LETTER_003))
    codes = {f.code for f in result.findings}
    assert not {c for c in codes if c.startswith(("UN", "SF", "SP"))}


@needs_seeds
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else [])
def test_every_seed_letter_extracts_without_error(path: Path) -> None:
    text = _read(path)
    result = citecheck.check(text)
    for c in result.citations:
        assert text[c.start : c.end] == c.text
    assert [c.start for c in result.citations] == sorted(c.start for c in result.citations)
