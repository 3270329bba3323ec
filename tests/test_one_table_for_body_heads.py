"""A language's body heads, generic bodies and nouns of other documents live in one table.

English kept them in its lexicon table, German in the UN words table: two places to add a
word.  Both now read the lexicon table of the language (``data/lexicon/<code>.json``); the
UN words table holds none of them.
"""

from __future__ import annotations

import pytest

from citecheck import knowledge, un_languages
from citecheck.lexicon import load

FIELDS = ("body_heads", "generic_bodies", "other_document_words")


@pytest.mark.parametrize("field", FIELDS)
def test_the_un_words_table_holds_no_names_of_bodies_or_documents(field: str) -> None:
    table = knowledge.load("un_languages.json")["languages"]
    assert [code for code, raw in table.items() if field in raw] == []


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("language", [lang.language for lang in un_languages.languages()])
def test_a_languages_names_of_bodies_and_documents_are_its_lexicons(
    language: str, field: str
) -> None:
    [words] = [lang for lang in un_languages.languages() if lang.language == language]
    assert getattr(words, field) == getattr(load(language), field)


def test_the_german_words_are_read_from_the_german_lexicon() -> None:
    german = load("de")
    assert "Vorstand" in german.body_heads and "Beirats" in german.body_heads
    assert german.generic_bodies == ("Rat", "Rates", "Rats", "Kommission", "Versammlung")
    assert "Verordnung" in german.other_document_words
    assert un_languages.other_document_words("de") == german.other_document_words
    # French and Spanish have none: their pinpoints are never another document's by a noun
    assert un_languages.other_document_words("fr") == ()
