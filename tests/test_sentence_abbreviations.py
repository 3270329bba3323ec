"""An abbreviation's period ends no sentence, in every sentence splitter.

The back-reference family (how far back a definition "('the Directive')" looks for its act)
and the general comment family (a committee named earlier in the same sentence) used to end a
sentence at any full stop before a capital: "OJ No. L 281" or "as Mr. Smith said" cut the
sentence, and the act or committee before it was lost.  Both now ask
``language.abbreviation_stop`` (the lexicon's ``sentence_abbreviations``), as the language
reading of a phrase does.  The rows are made up, in the shapes of real texts.
"""

from __future__ import annotations

import pytest

from citecheck.families.backrefs import _sentence_start
from citecheck.families.general_comments import GeneralCommentsFamily
from citecheck.language import abbreviation_stop
from citecheck.pipeline import check


@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        ("(OJ No. L 281, 23.11.1995)", "No.", True),
        ("see, cf. Directive 95/46/EC", "cf.", True),
        ("as Mr. Smith said", "Mr.", True),
        ("see e.g. General comment No. 3", "e.g.", True),
        ("nach Abs. 2 Nr. 3 der Richtlinie", "Abs.", True),
        ("Commission v. Italy", "v.", True),
        # negative rows: a word that is no abbreviation, a sentence's end
        ("It was adopted. The Directive applies", "adopted.", False),
        ("Ibid. See also", "Ibid.", False),
        ("in the previous. No doubt", "previous.", False),
        ("Henv. Then", "Henv.", False),  # "v" inside a word is not the abbreviation "v."
        # a word that abbreviates only before its number ends a sentence without one
        ("take part in cultural life and in art. The", "art.", False),
        ("support for the arts. The", "arts.", False),
        ("the state of the art. It also", "art.", False),
        ("Maßnahmen dieser Art. Die", "Art.", False),
        ("the document cited as No. The", "No.", False),
        ("eine Liste ohne Nr. Die", "Nr.", False),
        ("as on p. A later page", "p.", False),
        ("Had it acted? No! The", "No!", False),  # only a full stop ends an abbreviation
        # "et seq." goes on only where the sentence plainly does
        ("see Art. 5 et seq. The new rules", "seq.", False),
        ("voir art. 5 et s. La Cour", "s.", False),
        ("véase art. 5 y ss. El Tribunal", "ss.", False),
        ("Articles 5 et seq. of the Directive", "seq.", True),
        ("art. 5 et s. du code", "s.", True),
        ("Articles 5 et seq., and 9", "seq.", True),
        ("(Articles 5 et seq.) apply", "seq.", True),
        ("Art. 5 et seq. GDPR apply", "seq.", True),
        ("Art. 101 et seq. TFEU, see", "seq.", True),
        ("art. 5 et s. C. civ.", "s.", True),
        ("art. 5 y ss. LOPD", "ss.", True),
        ("Articles 5 et seq. (OJ L 281)", "seq.", True),
        # ... and with its number it goes on
        ("(OJ No. L 281, 23.11.1995)", "No.", True),
        ("see Art. IV of the Treaty", "Art.", True),
        ("ECR p. I-3633", "p.", True),
        ("Buchst. c der Richtlinie", "Buchst.", True),
    ],
)
def test_an_abbreviations_period_is_told_from_a_sentences_end(
    text: str, period: str, expected: bool
) -> None:
    mark = text.index(period) + len(period) - 1
    assert abbreviation_stop(text, mark) is expected


@pytest.mark.parametrize(
    ("text", "period", "lang", "expected"),
    [
        ("la Commission c. France", "c.", "fr", True),
        ("M. Dupont a dit", "M.", "fr", True),
        ("Comisión c. España", "c.", "es", True),
        ("vgl. Art. 5", "vgl.", "de", True),
        # another language's abbreviation ends an English sentence
        ("under point c. The", "c.", "en", False),
        ("its Annex s. The", "s.", "en", False),
        ("the text in German. Vgl. The", "Vgl.", "en", False),
        # an abbreviation of no language is none in any
        ("It was adopted. The", "adopted.", "fr", False),
    ],
)
def test_only_the_passages_own_language_abbreviates(
    text: str, period: str, lang: str, expected: bool
) -> None:
    mark = text.index(period) + len(period) - 1
    assert abbreviation_stop(text, mark, lang=lang) is expected


def test_only_a_stop_mark_can_be_an_abbreviations() -> None:
    text = "para\n\nNext"  # a blank line after an abbreviation's word still ends the sentence
    assert abbreviation_stop(text, text.index("\n")) is False


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # the abbreviation goes on: the sentence starts at the act
        ("Council Directive 95/46/EC (OJ No. L 281, p. 31) ('the", "Council Directive"),
        ("It applies. See, cf. Directive 95/46/EC ('the", "See, cf."),
        ("Das gilt. Die Richtlinie 95/46/EG (vgl. Art. 5 der) ('die", "Die Richtlinie"),
        # negative rows: a full stop before a capital and a blank line still end one
        ("The act was adopted. Directive 95/46/EC ('the", "Directive"),
        ("Regulation No. 1\n\nDirective 95/46/EC ('the", "Directive"),
        ("It covers works of art. The national rules ('the", "The national"),
        ("It reflects the state of the art. The national rules ('the", "The national"),
    ],
)
def test_a_definitions_sentence_runs_over_abbreviations(text: str, sentence: str) -> None:
    assert _sentence_start(text, len(text)) == text.index(sentence)


#: An act with its Official Journal reference as older texts write it, then a defined name
_DEFINED = (
    "Council Directive 95/46/EC of 24 October 1995 on the protection of individuals with"
    " regard to the processing of personal data ({oj}) ('the Data Directive'). Member States"
    " shall apply the Data Directive."
)


@pytest.mark.parametrize("oj", ["OJ No. L 281, 23.11.1995, p. 31", "OJ L 281, 23.11.1995, p. 31"])
def test_a_name_defined_after_an_oj_reference_with_no_names_its_act(oj: str) -> None:
    result = check(_DEFINED.format(oj=oj))
    [act] = [c for c in result.citations if c.text.startswith("Council Directive")]
    [named] = [c for c in result.citations if c.text == "the Data Directive"]
    assert named.id == act.id == "celex:31995L0046"
    assert result.antecedent(named) == act


#: A committee named early in a long sentence, a general comment late in it, and another
#: committee named more often elsewhere in the text
_OTHER = "The Human Rights Committee met. The Human Rights Committee adopted views.\n\n"
_SENTENCE = (
    "The Committee on the Rights of the Child, in its concluding observations on the combined"
    " third and fourth periodic reports of the State party adopted at its sixtieth session in"
    " Geneva, stressed this point at some length{mid}General comment No. 3"
)


@pytest.mark.parametrize(
    ("mid", "committees"),
    [
        (", as Mr. Smith said, see ", ["CRC"]),
        (", as Dr. Jones said, see ", ["CRC"]),
        (", see ", ["CRC"]),
        # negative rows: a sentence's end before the general comment hides the committee
        (". As Smith said, see ", []),
        (". Mr. Smith said, see ", []),
        (" in cultural life and in art. The ", []),
        (" in cultural life and in the arts. The ", []),
        (", a document cited as No. The ", []),
        (", referring to Articles 5 et seq. The ", []),
        (", referring to Articles 5 et seq. of its Convention, see ", ["CRC"]),
        (", referring to Art. 5 et seq. UNCRC, see ", ["CRC"]),
    ],
)
def test_a_committee_named_earlier_in_the_sentence_runs_over_abbreviations(
    mid: str, committees: list[str]
) -> None:
    text = _SENTENCE.format(mid=mid)
    assert GeneralCommentsFamily._committees_before(text, text.index("General")) == (
        committees,
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "works of art. The new national rules on such processing ('the Directive') apply.",
        "the state of the art. The new national rules on such processing ('the Directive') apply.",
        "data, cf. Art. 5 et seq. The new national rules on such processing ('the Directive')"
        " apply. Member States shall apply the Directive.",
    ],
)
def test_a_definition_after_a_sentence_ending_in_art_names_no_act_before(text: str) -> None:
    result = check(f"Council Directive 95/46/EC of 24 October 1995 also covers {text}")
    assert [c.text for c in result.citations] == ["Council Directive 95/46/EC of 24 October 1995"]


_DE_SENTENCE = (
    "Der Ausschuss für die Rechte des Kindes hat in seinen abschließenden Bemerkungen zum"
    " kombinierten dritten und vierten periodischen Bericht des Vertragsstaats, angenommen auf"
    " seiner sechzigsten Tagung in Genf, das Recht jedes Kindes betont{mid}Allgemeine Bemerkung"
    " Nr. 3"
)


@pytest.mark.parametrize(
    ("mid", "committees"),
    [
        (", vgl. Art. 5 des Übereinkommens, auf die ", ["CRC"]),
        # negative row: "Art." without its number ends the sentence
        (" Maßnahmen dieser Art. Die ", []),
    ],
)
def test_a_german_sentence_runs_over_its_own_abbreviations_only(
    mid: str, committees: list[str]
) -> None:
    text = _DE_SENTENCE.format(mid=mid)
    assert GeneralCommentsFamily._committees_before(text, text.index("Allgemeine")) == (
        committees,
        True,
    )


def test_the_committee_of_the_sentence_names_the_general_comment() -> None:
    text = _OTHER + _SENTENCE.format(mid=", as Mr. Smith said, see ") + ", para. 5."
    [comment] = check(text).citations
    assert comment.id == "gc:CRC/3"
