"""Plain-text footnotes under a footnote rule ("__________" then "1 See ..."), and ``supra
note N`` where no footnotes are recognised at all: never an error citecheck cannot be sure of."""

from __future__ import annotations

import pytest

import citecheck


def _body(rule: str, notes: str) -> str:
    return (
        "Submission\n\n"
        "1. The law violates article 17 of the Covenant.1 The Rapporteur agrees.2\n\n"
        "2. The Committee should follow the Rapporteur.3\n\n"
        f"{rule}\n{notes}"
    )


NOTES = (
    "1 See CCPR/C/GC/16, para. 3.\n"
    "2 A/HRC/41/35, para. 24.\n"
    "3 A/HRC/41/35, supra note 2, para. 26.\n"
)

# (rule line, notes, the id "supra note 2" repeats)
RULES = [
    ("__________", NOTES, "un:A/HRC/41/35"),
    ("____________________", NOTES, "un:A/HRC/41/35"),
    ("  _____", "\n" + NOTES, "un:A/HRC/41/35"),
    (
        "__________",
        NOTES.replace("\n2 ", "\n2. ").replace("\n3 ", "\n3. ").replace("1 See", "1. See"),
        "un:A/HRC/41/35",
    ),
]


@pytest.mark.parametrize(("rule", "notes", "repeated"), RULES)
def test_notes_under_a_footnote_rule_are_notes(rule: str, notes: str, repeated: str) -> None:
    text = _body(rule, notes)
    assert [f.code for f in citecheck.check(text).findings if f.code == "SF101"] == []
    [supra] = [c for c in citecheck.extract(text) if c.short_form]
    assert supra.id == repeated
    assert str(supra.pinpoint) == "para. 26"


# A line of underscores that is no footnote rule: a signature line, a form field, too short.
NOT_RULES = [
    "Signed: __________\n1 See CCPR/C/GC/16, para. 3.\n",  # text before it on its line
    "__________\nName of the author\n1 See CCPR/C/GC/16, para. 3.\n",  # no note right after
    "____\n1 See CCPR/C/GC/16, para. 3.\n",  # four underscores
]


@pytest.mark.parametrize("tail", NOT_RULES)
def test_other_underscore_lines_open_no_notes(tail: str) -> None:
    text = f"A/HRC/41/35, para. 2.\n\n{tail}\nA/HRC/38/35, supra note 1, para. 4.\n"
    [supra] = [c for c in citecheck.extract(text) if c.short_form]
    assert not supra.id  # no note 1 is read: nothing to repeat
    findings = [f for f in citecheck.check(text).findings if f.code.startswith("SF10")]
    assert [(f.code, f.severity.value) for f in findings if f.code != "SF103"] == [
        ("SF104", "info")
    ]


def test_supra_with_no_notes_recognised_is_no_error() -> None:
    text = "A/HRC/41/35, para. 2. See A/HRC/38/35, supra note 4, para. 7.\n"
    codes = [(f.code, f.severity.value) for f in citecheck.check(text).findings]
    assert ("SF101", "error") not in codes
    assert ("SF104", "info") in codes


def test_supra_to_a_missing_note_among_recognised_notes_stays_an_error() -> None:
    text = _body("__________", NOTES.replace("supra note 2", "supra note 7"))
    codes = [(f.code, f.severity.value) for f in citecheck.check(text).findings]
    assert ("SF101", "error") in codes
