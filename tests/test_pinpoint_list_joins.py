"""A paragraph or point read before an EU act is the article's only when "of" words join them
(``paragraphe 12 de l'article 6``, ``la letra b) del apartado 1 del artículo 6``); joined by a
list word (``par. 12, et l'article 6``, ``Ziff. 12 und Artikel 6``) it is some other text's, and
the act's pinpoint, with its span, starts at the article. Rows in French, Spanish and German,
with real paths that must stay one pinpoint."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.pinpoints import languages

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
