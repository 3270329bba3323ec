"""An EU act citation's fix is written in the language of its own sentence when a paragraph
mixes languages (French and English sentences side by side), both ways round."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.language import phrase_spans

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


# A bracket that closed before the type word is part of the sentence around it, and an
# abbreviation's period ("v.", "c.", "cf.", "No.") ends no sentence: the English sentence
# decides, not the French words in the brackets or after the abbreviation.
ROWS += [
    (
        "The Council (le Conseil de l'Union européenne) recalls the Directive 2016/680/UE and "
        "notes that the Commission has been informed of the transposition in the Member States.",
        "2016/680/UE",
        "(EU) 2016/680",
    ),
    (
        "The Court in Case C-1/00 Commission v. France, point 5 et seq., applied Directive "
        "2016/680/UE to the facts of the case and found for the Commission.",
        "2016/680/UE",
        "(EU) 2016/680",
    ),
    (
        "The decision of the Tribunal (arrêt du 5 mai 2015, affaire 1/15) applied Directive "
        "2016/680/UE to the facts of the case and found for the Commission.",
        "2016/680/UE",
        "(EU) 2016/680",
    ),
    (
        "The Court in Commission c. Conseil de l'Union européenne applied Directive "
        "2016/680/UE to the facts of the case and found for the Commission.",
        "2016/680/UE",
        "(EU) 2016/680",
    ),
    (
        "The Court applied it, cf. Commission v. France, and then Directive 2016/680/UE to the "
        "facts of the case and found for the Commission.",
        "2016/680/UE",
        "(EU) 2016/680",
    ),
    # the other way round: English words in closed brackets inside a French sentence
    (
        "Le Conseil (the Council of the European Union) rappelle la directive 2016/680/EU et "
        "note que la Commission a été informée de la transposition dans les États membres.",
        "2016/680/EU",
        "(UE) 2016/680",
    ),
    # a full stop after a word that is no abbreviation still ends the sentence
    (
        "The Court ruled in Commission v. France. Le Conseil rappelle la directive "
        "2016/680/EU du Parlement et du Conseil.",
        "2016/680/EU",
        "(UE) 2016/680",
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
        # a bracket closed before the type word: the sentence around it
        ("One. The Council (le Conseil) recalls the Directive 95/46", "Directive",
         "The Council (le Conseil) recalls the "),
        ("One. The Court (arrêt du 5 mai 2015, affaire 1/15) applied Directive 95/46",
         "Directive", "The Court (arrêt du 5 mai 2015, affaire 1/15) applied "),
        # nested: the inner bracket closed, the outer still open
        ("One. The Court (in Case 1 (le Conseil) on Directive 95/46", "Directive",
         "in Case 1 (le Conseil) on "),
        # a sentence ended inside a bracket that closed: still the sentence around it
        ("One. The Court (Voir. Le Conseil.) applied Directive 95/46", "Directive",
         "The Court (Voir. Le Conseil.) applied "),
        # a bracket that closes a sentence: the next sentence starts after it
        ("One (see Case 1.) The Council applied Directive 95/46", "Directive",
         "The Council applied "),
        # abbreviations end no sentence; other words do
        ("One. In Commission v. France, Directive 95/46", "Directive",
         "In Commission v. France, "),
        ("One. In Commission c. France, la directive 95/46", "directive",
         "In Commission c. France, la "),
        ("One. See cf. Opinion, Directive 95/46", "Directive", "See cf. Opinion, "),
        ("One. See OJ No. L 281, Directive 95/46", "Directive", "See OJ No. L 281, "),
        # ... one that cites a number only with its number after it
        ("One. A list without No. Then Directive 95/46", "Directive", "Then "),
        ("One. The state of the art. Then Directive 95/46", "Directive", "Then "),
        ("One. See Mrs. Smith on Directive 95/46", "Directive", "See Mrs. Smith on "),
        ("One. Voir M. Dupont sur la directive 95/46", "directive", "Voir M. Dupont sur la "),
        ("One. Commission v. France. The Directive 95/46", "Directive", "The "),
        ("One. See Nov. Then Directive 95/46", "Directive", "Then "),
        ("One. See Iv. Then Directive 95/46", "Directive", "Then "),
    ],
)
def test_phrase_start(text: str, cited: str, opening: str) -> None:
    start = text.index(cited)
    assert text[phrase_spans(text, start)[0][0] : start] == opening


@pytest.mark.parametrize(
    ("text", "cited", "stretches"),
    [
        # the closed brackets are left out, an open one is the phrase
        ("One. The Council (le Conseil) recalls the Directive", "Directive",
         ["The Council ", " recalls the "]),
        ("One. A (b) c [d] e Directive", "Directive", ["A ", " c ", " e "]),
        ("One. A (b (c) d Directive", "Directive", ["b ", " d "]),
        ("One. A (b) cd. Then Directive", "Directive", ["Then "]),
        ("One. A b Directive", "Directive", ["A b "]),
    ],
)
def test_phrase_spans_leave_out_closed_brackets(
    text: str, cited: str, stretches: list[str]
) -> None:
    start = text.index(cited)
    assert [text[a:b] for a, b in phrase_spans(text, start)] == stretches
