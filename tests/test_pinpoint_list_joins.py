"""A paragraph or point read before an EU act is the article's only when "of" words join them
(``paragraphe 12 de l'article 6``, ``la letra b) del apartado 1 del artículo 6``); joined by a
list word (``par. 12, et l'article 6``, ``Ziff. 12 und Artikel 6``) it is some other text's, and
the act's pinpoint, with its span, starts at the article. Rows in French, Spanish and German,
with real paths that must stay one pinpoint."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.pinpoints import articles, languages

READ_BEFORE = [
    # (language, passage, where the act starts, pinpoint, the pinpoint's text)
    # a list word joins a lower unit to the next article or annex: two things
    (
        "fr",
        "Voir A/HRC/41/35, par. 12, et l'article 6 du règlement (UE) 2016/679.",
        "règlement",
        "art. 6",
        "article 6 du ",
    ),
    (
        "fr",
        "Voir le point 12, et l'article 6, paragraphe 1, du règlement (UE) 2016/679",
        "règlement",
        "art. 6(1)",
        "article 6, paragraphe 1, du ",
    ),
    (
        "fr",
        "Voir le paragraphe 3 et l'annexe II du règlement (UE) 2016/679",
        "règlement",
        "annex II",
        "annexe II du ",
    ),
    (
        "fr",
        "Voir le paragraphe 3 ainsi que l'article 7 du règlement (UE) 2016/679",
        "règlement",
        "art. 7",
        "article 7 du ",
    ),
    (
        "es",
        "Véase A/HRC/41/35, párr. 12, y el artículo 6 del Reglamento (UE) 2016/679.",
        "Reglamento",
        "art. 6",
        "artículo 6 del ",
    ),
    (
        "es",
        "Véase el apartado 2 y el artículo 6, apartado 1, letra b), del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 6(1)(b)",
        "artículo 6, apartado 1, letra b), del ",
    ),
    (
        "es",
        "Véase el punto 4 así como el anexo III del Reglamento (UE) 2016/679",
        "Reglamento",
        "annex III",
        "anexo III del ",
    ),
    (
        "de",
        "Siehe Ziff. 12 und Artikel 6 der Verordnung (EU) 2016/679",
        "Verordnung",
        "art. 6",
        "Artikel 6 der ",
    ),
    (
        "de",
        "Siehe Absatz 3 sowie Artikel 7 Absatz 2 der Verordnung (EU) 2016/679",
        "Verordnung",
        "art. 7(2)",
        "Artikel 7 Absatz 2 der ",
    ),
    (
        "de",
        "Siehe Nummer 4, und Anhang II der Verordnung (EU) 2016/679",
        "Verordnung",
        "annex II",
        "Anhang II der ",
    ),
    # negative rows: "of" words make one path, and a list after an article stays the act's
    (
        "fr",
        "Voir le point a) du paragraphe 1 de l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(1)(a)",
        "point a) du paragraphe 1 de l'article 6 du ",
    ),
    (
        "fr",
        "Voir le paragraphe 12 de l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(12)",
        "paragraphe 12 de l'article 6 du ",
    ),
    (
        "fr",
        "Voir l'article 6, paragraphe 1, et l'article 7 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(1); art. 7",
        "article 6, paragraphe 1, et l'article 7 du ",
    ),
    (
        "fr",
        "Voir les paragraphes 1 et 2 de l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(1); art. 6(2)",
        "paragraphes 1 et 2 de l'article 6 du ",
    ),
    (
        "fr",
        "Voir le paragraphe 1, sous b), et le paragraphe 2 de l'article 4 du règlement "
        "(UE) 2016/679",
        "règlement",
        "art. 4(1)(b); art. 4(2)",
        "paragraphe 1, sous b), et le paragraphe 2 de l'article 4 du ",
    ),
    (
        "fr",
        "Voir l'article 54 paragraphe 3 sous g) du règlement (UE) 2016/679",
        "règlement",
        "art. 54(3)(g)",
        "article 54 paragraphe 3 sous g) du ",
    ),
    (
        "es",
        "Véase la letra b) del apartado 1 del artículo 6 del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 6(1)(b)",
        "letra b) del apartado 1 del artículo 6 del ",
    ),
    (
        "es",
        "Véanse las letras a) y b) del apartado 1 y la letra b) del apartado 2 del artículo 5 "
        "del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 5(1)(a); art. 5(1)(b); art. 5(2)(b)",
        "letras a) y b) del apartado 1 y la letra b) del apartado 2 del artículo 5 del ",
    ),
    (
        "es",
        "Véase el apartado 1 del artículo 6 y el artículo 7 del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 6(1); art. 7",
        "apartado 1 del artículo 6 y el artículo 7 del ",
    ),
    (
        "de",
        "Siehe Artikel 6 Absatz 1 Buchstabe b der Verordnung (EU) 2016/679",
        "Verordnung",
        "art. 6(1)(b)",
        "Artikel 6 Absatz 1 Buchstabe b der ",
    ),
    (
        "fr",
        "Voir le point a) du paragraphe 1, et l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6",
        "article 6 du ",
    ),
    (
        "fr",
        "Voir l'application du paragraphe 12 et de l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6",
        "article 6 du ",
    ),
    (
        "es",
        "Véase la aplicación del apartado 2 y del artículo 6 del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 6",
        "artículo 6 del ",
    ),
    # a list word that joins values of one unit, or one after an article or annex, cuts nothing
    (
        "fr",
        "Voir les paragraphes 1 et 2, article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(1); art. 6(2)",
        "paragraphes 1 et 2, article 6 du ",
    ),
    (
        "fr",
        "Voir les points 12 et 13 de l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 6(12); art. 6(13)",
        "points 12 et 13 de l'article 6 du ",
    ),
    (
        "fr",
        "Voir l'annexe II, point 3, et l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "annex II, point 3; art. 6",
        "annexe II, point 3, et l'article 6 du ",
    ),
    (
        "fr",
        "Voir l'article 5, paragraphe 1, et le point 3, et l'article 6 du règlement (UE) 2016/679",
        "règlement",
        "art. 5(1)(3); art. 6",
        "article 5, paragraphe 1, et le point 3, et l'article 6 du ",
    ),
    (
        "es",
        "Véanse los apartados 1 y 2 del artículo 6 del Reglamento (UE) 2016/679",
        "Reglamento",
        "art. 6(1); art. 6(2)",
        "apartados 1 y 2 del artículo 6 del ",
    ),
    (
        "de",
        "Siehe Absatz 1 und 2 des Artikels 6 der Verordnung (EU) 2016/679",
        "Verordnung",
        "art. 6(1); art. 6(2)",
        "Absatz 1 und 2 des Artikels 6 der ",
    ),
    (
        "de",
        "Siehe Artikel 6 Absatz 1 und Artikel 7 der Verordnung (EU) 2016/679",
        "Verordnung",
        "art. 6(1); art. 7",
        "Artikel 6 Absatz 1 und Artikel 7 der ",
    ),
]


@pytest.mark.parametrize(("language", "text", "act", "pinpoint", "written"), READ_BEFORE)
def test_pinpoint_before_an_act(
    language: str, text: str, act: str, pinpoint: str, written: str
) -> None:
    found = languages.read_before(language, text, text.index(act))
    assert found is not None
    assert (str(found.pinpoint), text[found.start : found.end]) == (pinpoint, written)


EXTRACTED = [
    # (passage, (id, pinpoint) of each citation)
    (
        "Voir A/HRC/41/35, par. 12, et l'article 6 du règlement (UE) 2016/679.",
        [("un:A/HRC/41/35", "para. 12"), ("celex:32016R0679", "art. 6")],
    ),
    (
        "Véase A/HRC/41/35, párr. 12, y el artículo 6 del Reglamento (UE) 2016/679.",
        [("un:A/HRC/41/35", "para. 12"), ("celex:32016R0679", "art. 6")],
    ),
    (
        "Voir A/HRC/41/35, par. 12, et l'article 6, paragraphe 1, du règlement (UE) 2016/679.",
        [("un:A/HRC/41/35", "para. 12"), ("celex:32016R0679", "art. 6(1)")],
    ),
    # one path: the UN document is cited alone, the act with its whole pinpoint
    (
        "Voir A/HRC/41/35 ; le paragraphe 12 de l'article 6 du règlement (UE) 2016/679.",
        [("un:A/HRC/41/35", ""), ("celex:32016R0679", "art. 6(12)")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXTRACTED)
def test_the_citation_before_is_kept(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.id, str(c.pinpoint or "")) for c in citecheck.extract(text)]
    assert got == expected


FLOORS = [
    # (where the pinpoint may start, from the text's start: the text before it; what is read)
    ("", "art. 6(12)"),
    ("Voir A/HRC/41/35,", "art. 6(12)"),
    ("Voir A/HRC/41/35, ", "art. 6(12)"),
    ("Voir A/HRC/41/35, p", "art. 6"),
    ("Voir A/HRC/41/35, par. 12 de l'", "art. 6"),
    ("Voir A/HRC/41/35, par. 12 de l'a", None),
]
TEXT = "Voir A/HRC/41/35, par. 12 de l'article 6 du règlement (UE) 2016/679"


@pytest.mark.parametrize(("before", "pinpoint"), FLOORS)
def test_a_pinpoint_starts_at_its_floor(before: str, pinpoint: str | None) -> None:
    """Read again after another citation (``floor``), a pinpoint starts there or later."""
    assert TEXT.startswith(before)
    found = languages.read_before("fr", TEXT, TEXT.index("règlement"), len(before))
    assert (str(found.pinpoint) if found else None) == pinpoint
    assert found is None or found.start >= len(before)


ENGLISH = "See A/HRC/41/35, paragraph 12 of Article 6 of Regulation (EU) 2016/679"


@pytest.mark.parametrize(
    ("before", "pinpoint"),
    [
        ("", "art. 6(12)"),
        ("See A/HRC/41/35, ", "art. 6(12)"),
        ("See A/HRC/41/35, p", "art. 6"),
        ("See A/HRC/41/35, paragraph 12 of ", "art. 6"),
        ("See A/HRC/41/35, paragraph 12 of A", None),
    ],
)
def test_an_english_pinpoint_starts_at_its_floor(before: str, pinpoint: str | None) -> None:
    assert ENGLISH.startswith(before)
    found = articles.read_before(ENGLISH, ENGLISH.index("Regulation"), len(before))
    assert (str(found.pinpoint) if found else None) == pinpoint
    assert found is None or found.start >= len(before)
