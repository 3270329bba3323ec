"""An EU act citation's fix is written in the language of its own sentence when a paragraph
mixes languages (French and English sentences side by side), both ways round."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.language import phrase_start

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
    # the words after the citation (a French title quoted) do not outweigh those before it
    (
        "In France the Directive 2016/680/EU was transposed by the loi du 1er août 2018 "
        "portant transposition de la directive (UE) 2016/680 du Parlement européen et du "
        "Conseil du 27 avril 2016 dans le code de procédure pénale.",
        "2016/680/EU",
        "(EU) 2016/680",
    ),
    # an English phrase in brackets after a French title: its own words tell
    (
        "La loi du 1er août 2018 portant diverses dispositions de la procédure pénale et de "
        "la protection des données (Law of 1 August 2018 transposing Directive 2016/680/UE).",
        "2016/680/UE",
        "(EU) 2016/680",
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


# a list item's phrase is its list's (the "et" of a list in an English sentence)
ROWS.append(
    (
        "The Council notes the following. Directives 2016/680/EU et 2016/682/EU apply to the "
        "Member States and to the Union in all of the cases that the Commission has noted.",
        "2016/682/EU",
        "(EU) 2016/682",
    )
)


@pytest.mark.parametrize(("text", "written", "fixed"), ROWS)
def test_fix_follows_the_sentence_language(text: str, written: str, fixed: str) -> None:
    start = text.index(written)
    [finding] = [
        f for f in citecheck.check(text).findings if f.start <= start < f.end and f.fix
    ]
    assert finding.fix is not None and finding.fix.replacement == fixed


@pytest.mark.parametrize(
    ("text", "cited", "opening"),
    [
        ("Il rappelle la directive 2016/680/UE. In English: X.", "directive", "Il rappelle la "),
        ("One. Then see Art. 5 of Directive 95/46/EC. Next!", "Directive", "Then see Art. 5 of "),
        ("Il a dit. « Voir la directive 95/46/CE. » Puis.", "directive", "« Voir la "),
        ("Fin. » Puis la directive 95/46/CE.", "directive", "Puis la "),
        ("One paragraph\n\nDirective 95/46/EC here", "Directive", ""),
        ("no capital after. the directive 95/46/EC", "directive", "no capital after. the "),
        ("Ministre de la Mer (Reference for a ruling — Directive 92/12/EEC", "Directive", ""),
        (
            "Ministre de la Mer (Law of 2013 transposing Directive 2011/16",
            "Directive",
            "Law of 2013 transposing ",
        ),
        ("la loi - see Directive 2011/16", "Directive", "see "),
    ],
)
def test_phrase_start(text: str, cited: str, opening: str) -> None:
    start = text.index(cited)
    assert text[phrase_start(text, start) : start] == opening
