"""Properties of extract/check with every family, over generated and adversarial text.

Never raises, every span equals its text, output in document order, terminates on
pathological input. No timing: hypothesis runs with ``deadline=None``; sizes are kept small
enough for the suite to stay fast.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.families import FAMILIES

#: Pieces that look like citations or their surroundings, for realistic-but-odd texts.
ATOMS = (
    "A/HRC/41/35",
    "A/HRC/",
    "CCPR/C/GC/34",
    "E/C.12/GC/",
    "A/RES/60/251",
    "/",
    "//",
    "Add.1",
    "Corr.",
    "Rev.2",
    ", para. 66",
    ", paras. 3 to 5",
    "para.",
    " annex",
    "p. 13",
    "Ibid.",
    "Ibid., para. 5",
    "Id.",
    "supra note 3",
    "op. cit.",
    "Case C-311/18",
    "C\u2011311/18",
    "Joined Cases C-293/12 and C-594/12",
    "C-501/12 to C-503/12",
    "ECLI:EU:C:2020:559",
    "EU:C:2014:238",
    "Regulation (EU) 2016/679",
    "Directive 95/46/EC",
    "Article 6(1)(b)",
    "OJ L 119, 4.5.2016, p. 1",
    "JO L 119 du 4.5.2016, p. 1",
    "règlement (UE) n° 2016/679",
    "Artikel 6 Absatz 1 Buchstabe b der Verordnung (EU) 2016/679",
    "artículo 267 TFUE",
    "Art. 267 AEUV",
    "article 47 de la Charte",
    "32016R0679",
    "CELEX:32016R0679",
    "eli/reg/2016/679/oj",
    "general comment No. 34",
    "resolution 60/251",
    "ICCPR",
    "Convention",
    "(",
    ")",
    "((((",
    "\u00a0",
    "\u2013",
    "\n",
    "\r\n",
    "\x00",
    "\ufffd",
    " ",
    ", ",
    "; ",
    "and",
    "to",
    "1",
    "12",
    "2016",
    "/1",
    "[[fn:3]]",
    "<sup>3</sup>",
    "[^3]: ",
    "\\[95/46\\]",
)

text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(ATOMS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(ATOMS), st.text(max_size=4)), max_size=60).map("".join),
)


def _assert_well_formed(
    text: str, citations: tuple[citecheck.Citation, ...] | list[citecheck.Citation]
) -> None:
    prev = (-1, -1)
    for c in citations:
        assert 0 <= c.start <= c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert (c.start, c.end) >= prev, "citations not in document order"
        prev = (c.start, c.end)
        if c.antecedent is not None:
            assert 0 <= c.antecedent < len(citations)


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extract_never_raises_and_spans_match(text: str) -> None:
    _assert_well_formed(text, citecheck.extract(text))


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_check_findings_lie_in_text(text: str) -> None:
    result = citecheck.check(text)
    _assert_well_formed(text, result.citations)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(text)


ADVERSARIAL = {
    "slashes_100k": "/" * 100_000,
    "repeated_A_HRC": "A/HRC/" * 20_000,
    "parens": "(" * 50_000 + ")" * 50_000,
    "nul_bytes": "\x00" * 50_000 + "A/HRC/41/35" + "\x00" * 10,
    "one_1MB_line": ("word 12/34 " * 100_000)[:1_000_000] + " A/HRC/41/35, para. 66",
    "digits_slashes": "1/" * 50_000,
    "case_dashes": "C-1/" * 20_000,
    "ecli_prefixes": "ECLI:EU:C:" * 10_000,
    "para_chain": "A/HRC/41/35, para. 1" + ", para. 1" * 10_000,
    "ibid_chain": "Ibid. " * 20_000,
    "list_and": "A/HRC/41/35" + " and Add.1" * 10_000,
    "article_parens": "Article 1" + "(1)" * 20_000,
    "regulation_no": "Regulation (EU) No " * 10_000,
    "nbsp_dashes": "C\u2011\u00a0" * 30_000,
    "pinpoint_chain_es": "artículo 1, apartado 2, letra a), " * 5_000
    + "del Reglamento (UE) 2016/679",
    "reversed_chain_es": "del apartado 1 " * 10_000 + "del artículo 5 de la Directiva 95/46/CE",
    "article_words_fr": "article 1 de la " * 10_000 + "Charte",
    "act_words_de": "Verordnung (EG) Nr. " * 10_000 + "1/2001",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_terminate(name: str) -> None:
    text = ADVERSARIAL[name]
    result = citecheck.check(text)
    _assert_well_formed(text, result.citations)
    if name in ("nul_bytes", "one_1MB_line"):
        assert "un:A/HRC/41/35" in [c.id for c in result.citations]


def test_all_families_are_exercised() -> None:
    """The properties above run through every registered family's prefilter and finder."""
    text = " ".join(ATOMS)
    low = text.lower()
    silent = [f.name for f in FAMILIES if f.triggers and not any(t in low for t in f.triggers)]
    assert silent == []
