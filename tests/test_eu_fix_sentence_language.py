"""An EU act citation's fix is written in the language of its own sentence when a paragraph
mixes languages (French and English sentences side by side), both ways round."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.language import sentence_around

# text, the citation's written number, the fix its sentence's language asks for
ROWS = [
    # a French sentence, then an English one
    (
        "Le Conseil rappelle la directive 2016/680/UE. In English: Directive 2016/680/EU.",
        "2016/680/UE",
        "(UE) 2016/680",
    ),
    (
        "Le Conseil rappelle la directive 2016/680/UE. In English: Directive 2016/680/EU.",
        "2016/680/EU",
        "(EU) 2016/680",
    ),
    # an English sentence, then a French one (the English citation comes first)
    (
        "The Council recalls the Directive 2016/680/EU of the Parliament. "
        "Le Conseil rappelle aussi la directive 2016/680/UE du Parlement et du Conseil.",
        "2016/680/EU",
        "(EU) 2016/680",
    ),
    (
        "The Council recalls the Directive 2016/680/EU of the Parliament and of the Council, "
        "which it has applied since the date of its entry into force in all of the Member "
        "States. Le Conseil rappelle la directive 2016/680/UE.",
        "2016/680/UE",
        "(UE) 2016/680",
    ),
    # an English domain in a French sentence: still French (the sentence tells)
    (
        "The report is in English and it is long. Le Conseil rappelle la directive "
        "2016/680/EU.",
        "2016/680/EU",
        "(UE) 2016/680",
    ),
    # negative rows: a sentence without any frequent word leaves the text around it to tell
    (
        "Le Conseil rappelle que la Commission a pris note de la décision. Directive "
        "2016/680/UE.",
        "2016/680/UE",
        "(UE) 2016/680",
    ),
    (
        "The Council recalls that the Commission has taken note of the decision. Directive "
        "2016/680/EU.",
        "2016/680/EU",
        "(EU) 2016/680",
    ),
]


@pytest.mark.parametrize(("text", "written", "fixed"), ROWS)
def test_fix_follows_the_sentence_language(text: str, written: str, fixed: str) -> None:
    start = text.index(written)
    [finding] = [
        f for f in citecheck.check(text).findings if f.start <= start < f.end and f.fix
    ]
    assert finding.fix is not None and finding.fix.replacement == fixed


@pytest.mark.parametrize(
    ("text", "cited", "sentence"),
    [
        (
            "Il rappelle la directive 2016/680/UE. In English: X.",
            "directive",
            "Il rappelle la directive 2016/680/UE.",
        ),
        (
            "First one. Then see Art. 5 of Directive 95/46/EC. Next!",
            "Directive",
            "Then see Art. 5 of Directive 95/46/EC.",
        ),
        (
            "Il a dit « Voir la directive 95/46/CE. » Puis rien.",
            "directive",
            "Il a dit « Voir la directive 95/46/CE.",
        ),
        (
            "One paragraph\n\nDirective 95/46/EC here\n\nAnother",
            "Directive",
            "Directive 95/46/EC here",
        ),
        (
            "no capital after. the directive 95/46/EC stays",
            "directive",
            "no capital after. the directive 95/46/EC stays",
        ),
    ],
)
def test_sentence_around(text: str, cited: str, sentence: str) -> None:
    start = text.index(cited)
    end = start + len(cited)
    lo, hi = sentence_around(text, start, end, 0, len(text))
    assert text[lo:hi].strip() == sentence.strip()
