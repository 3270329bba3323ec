"""The Python API as a user of the library meets it: ``citecheck.check`` with options, the
result's summary and antecedents, short ``str()`` forms, and errors that say what to pass."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

import citecheck

LETTER = "See A/HRC/41/35, para. 66. Ibid., para. 3. Also a/hrc/41/35 and Guiding Principle 32."


def test_check_without_options_finds_and_validates_offline() -> None:
    result = citecheck.check(LETTER)
    assert [c.id for c in result.citations] == ["un:A/HRC/41/35"] * 3 + ["instrument:ungp"]
    assert [f.code for f in result.findings] == ["UN102", "IN102"]
    assert result.resolutions == {}


def test_summary_counts_and_reads_as_a_sentence() -> None:
    summary = citecheck.check(LETTER).summary
    assert (summary.citations, summary.findings) == (4, 2)
    assert summary.by_severity == {"warning": 1, "error": 1}
    assert summary.by_code == {"IN102": 1, "UN102": 1}
    assert summary.by_status == {"not_checked": 4}
    assert str(summary) == "4 citations, 2 findings (1 error, 1 warning)"


def test_antecedent_is_the_citation_not_an_index() -> None:
    result = citecheck.check(LETTER)
    ibid = result.citations[1]
    assert ibid.short_form
    assert result.antecedent(ibid) is result.citations[0]
    assert result.antecedent(result.citations[0]) is None


def test_str_of_citation_and_finding_is_short() -> None:
    result = citecheck.check(LETTER)
    assert [str(c) for c in result.citations[:2]] == [
        "un:A/HRC/41/35, para. 66",
        "un:A/HRC/41/35, para. 3",
    ]
    assert str(result.findings[1]).startswith("IN102 [error] Guiding Principle 32")
    lonely = citecheck.check("Ibid.").citations[0]
    assert str(lonely) == "Ibid. (points back to nothing)"


def test_select_and_ignore_take_prefixes_like_the_command_line() -> None:
    assert [f.code for f in citecheck.check(LETTER, select="UN").findings] == ["UN102"]
    assert [f.code for f in citecheck.check(LETTER, ignore=["UN1", "SF"]).findings] == ["IN102"]
    assert [f.code for f in citecheck.check(LETTER, select="UN1 IN").findings] == [
        "UN102",
        "IN102",
    ]


def test_unknown_code_raises_naming_it() -> None:
    with pytest.raises(ValueError, match=r"'EU1O2' \(did you mean EU102\?\)"):
        citecheck.check(LETTER, select=["EU1O2"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("EU1O2", "EU102"),
        ("EU1I2", "EU112"),
        ("EU1L1", "EU111"),
        # at every digit's place, the first too
        ("EUIO2", "EU102"),
        ("EUIOI", "EU101"),
        # a code's own letters stay letters ("IN", "OJ")
        ("IN1O1", "IN101"),
        ("INIO1", "IN101"),
        ("OJIO1", "OJ101"),
    ],
)
def test_letters_typed_for_digits_are_read_as_the_digits(typed: str, meant: str) -> None:
    """ "O" for 0, "I" or "l" for 1: EU1O2 is one keystroke from EU102 and from EU112 alike."""
    with pytest.raises(ValueError, match=rf"'{typed}' \(did you mean {meant}\?\)"):
        citecheck.check(LETTER, select=[typed])


def test_config_object_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "citecheck.toml").write_text('ignore = ["IN"]\n', encoding="utf-8")
    config = citecheck.load_config(tmp_path / "citecheck.toml")
    assert [f.code for f in citecheck.check(LETTER, config=config).findings] == ["UN102"]
    # an explicit option beats the config, as on the command line
    assert [f.code for f in citecheck.check(LETTER, config=config, ignore=()).findings] == [
        "UN102",
        "IN102",
    ]


def test_inline_suppression_applies_as_on_the_command_line() -> None:
    text = "a/hrc/41/35 # citecheck: ignore[UN102]\na/hrc/41/36\n"
    assert [f.start for f in citecheck.check(text).findings] == [text.index("a/hrc/41/36")]


def test_resolver_function_gives_statuses_and_rs101() -> None:
    asked: list[list[str]] = []

    def fake(ids: Sequence[str]) -> Mapping[str, Any]:
        asked.append(list(ids))
        return {
            "un:A/HRC/41/35": {"id": "un:A/HRC/41/35", "status": "resolved", "title": "Report"},
            "un:A/HRC/40/99": {
                "id": "un:A/HRC/40/99",
                "status": "not_found",
                "source": "the UN Digital Library",
            },
        }

    text = "A/HRC/41/35 and A/HRC/40/99. Ibid."
    result = citecheck.check(text, resolver=fake)
    assert asked == [["un:A/HRC/41/35", "un:A/HRC/40/99"]]  # each id once
    assert [result.status(c) for c in result.citations] == ["resolved", "not_found", "not_found"]
    assert result.resolutions["un:A/HRC/41/35"]["title"] == "Report"
    assert [(f.code, f.start) for f in result.findings] == [
        ("RS101", text.index("A/HRC/40/99")),
        ("RS101", text.index("Ibid.")),
    ]
    assert result.summary.by_status == {"resolved": 1, "not_found": 2}


def test_resolve_offline_makes_no_request_and_says_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a base URL nothing listens on: any request would end unverified, not not_checked
    for var in ("UNDL", "ODS", "CELLAR", "SPARQL"):
        monkeypatch.setenv(f"CITECHECK_{var}_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    result = citecheck.check("A/HRC/41/35", resolve=True, offline=True)
    assert [result.status(c) for c in result.citations] == ["not_checked"]
    assert result.findings == ()


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (b"A/HRC/41/35", "not bytes: decode it first"),
        (None, "not None"),
        (42, "not int"),
    ],
)
@pytest.mark.parametrize("function", ["extract", "check", "parse"])
def test_wrong_argument_type_says_what_to_pass(function: str, value: object, words: str) -> None:
    with pytest.raises(TypeError, match=f"{function}\\(\\) takes the text as a str, {words}"):
        getattr(citecheck, function)(value)


def test_file_object_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A/HRC/41/35", encoding="utf-8")
    with path.open(encoding="utf-8") as fh, pytest.raises(TypeError, match="read the file"):
        citecheck.extract(fh)  # type: ignore[arg-type]
