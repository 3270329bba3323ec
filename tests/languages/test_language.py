# ruff: noqa: E501  (table rows hold real sentences)
"""Language detection per document and per paragraph, from the lexicon tables' frequent words."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck import language
from citecheck.lexicon import from_table, load

MULTILINGUAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "multilingual"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The processing of personal data shall be lawful only if the data subject has given consent.", "en"),
        ("Le traitement des données à caractère personnel n'est licite que si la personne concernée y a consenti.", "fr"),
        ("El tratamiento de los datos personales solo será lícito si el interesado dio su consentimiento.", "es"),
        ("Die Verarbeitung personenbezogener Daten ist nur rechtmäßig, wenn die betroffene Person ihre Einwilligung gegeben hat.", "de"),
        ("Le délai de mise en conformité peut être fixé à vingt-quatre heures en cas d'extrême urgence.", "fr"),
    ],
)
def test_detect_one_sentence(text: str, lang: str) -> None:
    assert language.detect(text) == lang


def test_nothing_to_tell_gives_the_default() -> None:
    assert language.detect("C-311/18, EU:C:2020:559") == "en"
    assert language.detect("2016/679", default="fr") == "fr"


def test_paragraphs_of_a_mixed_text() -> None:
    text = (
        "The Committee recalls that the State party is bound by the Covenant.\n\n"
        "Le Comité rappelle que l'État partie est lié par le Pacte et que les droits sont garantis.\n\n"
        "Artikel 5\n\n"
        "Die Mitgliedstaaten sorgen dafür, dass die Verarbeitung rechtmäßig ist und den Vorschriften entspricht."
    )
    spans = list(language.paragraphs(text))
    assert [s.language for s in spans] == ["en", "fr", "de", "de"]
    # the heading is too short to tell: it takes the document's language
    assert text[spans[2].start : spans[2].end] == "Artikel 5"
    assert language.language_at(spans, text.index("Pacte")) == "fr"
    assert language.language_at(spans, len(text) + 5, default="es") == "es"


def test_a_fix_in_a_mixed_text_follows_its_paragraph() -> None:
    from citecheck.pipeline import extract

    text = (
        "This Directive 2016/680/EU applies to the processing of data by the authorities.\n\n"
        "Les autorités appliquent la directive 2016/680/UE et le règlement pour le traitement des données."
    )
    replacements = [n.fix.replacement for c in extract(text) for n in c.notes if n.fix]
    assert replacements == ["(EU) 2016/680", "(UE) 2016/680"]


def test_an_ambiguous_act_word_takes_the_language_of_its_sentence() -> None:
    from citecheck.pipeline import extract

    fr = "Les États membres appliquent la directive 2016/680/EU pour le traitement des données et les autorités."
    (cit,) = extract(fr)
    assert cit.parts.language == "fr"
    assert [n.fix.replacement for n in cit.notes if n.fix] == ["(UE) 2016/680"]


def test_every_table_has_stop_words_of_its_own() -> None:
    for lang in ("de", "en", "es", "fr"):
        words = set(load(lang).stop_words)
        others = set().union(*(load(o).stop_words for o in ("de", "en", "es", "fr") if o != lang))
        assert len(words - others) >= 10, lang


def test_stop_words_are_optional_in_a_table() -> None:
    table = {
        "months": [str(i) for i in range(12)],
        "units": {"para": ["para."]},
        **{k: ["x"] for k in ("plurals", "list_words", "range_words", "at_words", "of_words", "this_act_words",
                              "part_of_words", "document_words", "emphasis_words", "ordinals")},
    }
    assert from_table("xx", table).stop_words == ()
    with pytest.raises(ValueError, match="stop_words"):
        from_table("xx", {**table, "stop_words": [""]})


@pytest.mark.skipif(not MULTILINGUAL.is_dir(), reason="the shared multilingual corpus is not present")
@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_corpus_documents_are_recognised(lang: str) -> None:
    paths = sorted(MULTILINGUAL.glob(f"{lang}__*.txt"))
    assert paths
    for path in paths:
        text = path.read_text("utf-8")
        assert language.detect(text) == lang, path.name
        spans = list(language.paragraphs(text))
        own = sum(1 for s in spans if s.language == lang)
        assert own / len(spans) >= 0.95, path.name
