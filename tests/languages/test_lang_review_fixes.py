# ruff: noqa: E501  (table rows hold citation sentences)
"""French, Spanish and German EU forms a review of issue 14 found misread: a numbered item on
the next line taken into a pinpoint, a list of letters read as points of points (and back),
a chapter or section written before its annex dropped, "and following" and "sole article"
dropped, a sub-point of no lettered point guessed, the year of a statute-style OJ reference
that cannot be, and the number closing a line typed as an act's title without a title.
Made-up sentences in the reported shapes and their neighbours."""

from __future__ import annotations

import pytest
from eu_cases import check

from citecheck import stream
from citecheck.families import eu_acts
from citecheck.pipeline import extract

GDPR = "celex:32016R0679"

# 1. After a line break only a unit word, a list or range word or a letter goes on with a
# pinpoint; a number opening the next line is a new numbered item, unless a unit word ends
# the line before it ("des Artikels\n    3").
NEXT_LINE = [
    ("vu le règlement (UE) 2016/679, et notamment son article 3\n    7) Les États membres veillent",
     [(GDPR, "eu_act", "art. 3")]),
    ("vu le règlement (UE) 2016/679, article 36\n    12 États membres ont notifié",
     [(GDPR, "eu_act", "art. 36")]),
    ("gestützt auf die Verordnung (EU) 2016/679, insbesondere Artikel 3\n            2. Abschnitt",
     [(GDPR, "eu_act", "art. 3")]),
    ("visto el Reglamento (UE) 2016/679, y en particular su artículo 3,\n    1 Los Estados miembros",
     [(GDPR, "eu_act", "art. 3")]),
    ("gestützt auf die Verordnung (EU) 2016/679, insbesondere Artikel 5 Absatz 2\n    3. Die Mitgliedstaaten",
     [(GDPR, "eu_act", "art. 5(2)")]),
    # the number of a unit word ending the line before
    ("gemäß Artikel\n    3 Absatz 2 der Verordnung (EU) 2016/679 gilt",
     [(GDPR, "eu_act", "art. 3(2)")]),
    ("conformément au paragraphe 2 de l'article\n    3 du règlement (UE) 2016/679, les États",
     [(GDPR, "eu_act", "art. 3(2)")]),
    # a letter or a list word on the next line goes on
    ("visto el Reglamento (UE) 2016/679, y en particular su artículo 6, apartado 1, letras\n    a) y b),",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
    ("vu le règlement (UE) 2016/679, et notamment son article 6, paragraphe 1, points a)\n    et b),",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(b)")]),
]

# 2. A plural unit word, or a list going on with a letter, lists letters; a singular point
# followed by a small roman numeral names a point of that point.
LETTERS_OR_POINTS = [
    ("l'article 6, paragraphe 1, points a), c), i) et k), du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(c); art. 6(1)(i); art. 6(1)(k)")]),
    ("l'article 6, paragraphe 1, points c), i), du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(c); art. 6(1)(i)")]),
    ("Artikel 6 Absatz 1 Buchstaben c, d, i der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(c); art. 6(1)(d); art. 6(1)(i)")]),
    ("Artikel 6 Absatz 1 Buchstaben h, i und j der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(h); art. 6(1)(i); art. 6(1)(j)")]),
    ("el artículo 6, apartado 1, letras a), c), i) y k), del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a); art. 6(1)(c); art. 6(1)(i); art. 6(1)(k)")]),
    ("el artículo 6, apartado 1, letras h), i), del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(h); art. 6(1)(i)")]),
    # singular, the list going on with a letter: letters
    ("l'article 27, paragraphe 1, point h), i) et j), de la directive 2004/38/CE",
     [("celex:32004L0038", "eu_act", "art. 27(1)(h); art. 27(1)(i); art. 27(1)(j)")]),
    # singular: a point of the point, even after the letter before "i"
    ("l'article 27, paragraphe 1, point h), i), de la directive 2004/38/CE",
     [("celex:32004L0038", "eu_act", "art. 27(1)(h)(i)")]),
    ("l'article 27, paragraphe 1, point b), ii), de la directive 2004/38/CE",
     [("celex:32004L0038", "eu_act", "art. 27(1)(b)(ii)")]),
    ("el artículo 27, apartado 1, letra h), i), de la Directiva 2004/38/CE",
     [("celex:32004L0038", "eu_act", "art. 27(1)(h)(i)")]),
    ("Artikel 27 Absatz 1 Buchstabe h, i der Richtlinie 2004/38/EG",
     [("celex:32004L0038", "eu_act", "art. 27(1)(h)(i)")]),
]

# 3. The same place has one canonical form whichever order it is written in.
ANNEX_PLACES = [
    ("le chapitre V de l'annexe I du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "annex I, chap. V")]),
    ("l'annexe I, chapitre V, du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "annex I, chap. V")]),
    ("el capítulo V del anexo I del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "annex I, chap. V")]),
    ("Abschnitt A Nummer 1 des Anhangs I der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. A, point 1")]),
    ("Anhang I Abschnitt A Nummer 1 der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. A, point 1")]),
    ("Abschnitt A des Anhangs I der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. A")]),
    ("Anhang I Abschnitt A der Richtlinie 2014/65/EU",
     [("celex:32014L0065", "eu_act", "annex I, sect. A")]),
]

# 6. "And following" and "sole article" are not dropped: a pinpoint that cannot say them is
# not given (as English "Article 6 et seq. of" gives none).
NOT_DROPPED = [
    ("les articles 6 et suivants du règlement (UE) 2016/679", [(GDPR, "eu_act", "")]),
    ("los artículos 6 y siguientes del Reglamento (UE) 2016/679", [(GDPR, "eu_act", "")]),
    ("die Artikel 6 ff. der Verordnung (EU) 2016/679", [(GDPR, "eu_act", "")]),
    ("Article 6 et seq. of Regulation (EU) 2016/679", [(GDPR, "eu_act", "")]),
    ("l'article 2 et l'article unique de la décision 2000/61/CE",
     [("celex:32000D0061", "eu_act", "")]),
    ("el artículo único de la Decisión 2000/61/CE", [("celex:32000D0061", "eu_act", "")]),
    # words that add nothing still do not stop a pinpoint
    ("les articles 6 à 9 inclus du règlement (UE) 2016/679", [(GDPR, "eu_act", "arts. 6-9")]),
]

# 7. A sub-point of no lettered point cannot be placed: the article and paragraph only.
SUBPOINT_ALONE = [
    ("l'article 6, paragraphe 1, sous-point ii), du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)")]),
    ("el artículo 6, apartado 1, inciso ii), del Reglamento (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)")]),
    ("Artikel 6 Absatz 1 Ziffer ii der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)")]),
    # with its letter it is placed
    ("l'article 6, paragraphe 1, point a), sous-point ii), du règlement (UE) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a)(ii)")]),
    ("Artikel 6 Absatz 1 Buchstabe a Ziffer ii der Verordnung (EU) 2016/679",
     [(GDPR, "eu_act", "art. 6(1)(a)(ii)")]),
]

# 4. A year-less OJ reference (German statute style) is of the year of the date written with
# its act, where an issue of that number can come out after that date; else ambiguous.
STATUTE_YEAR = [
    ("Richtlinie 2003/109/EG des Rates vom 25. November 2003 (ABl. EG Nr. L 16 S. 44)",
     [("celex:32003L0109", "eu_act", ""), ("oj:L/?/16/p44", "oj", "")]),
    ("Richtlinie 2003/109/EG des Rates vom 25. November 2003 (ABl. EU 2004 Nr. L 16 S. 44)",
     [("celex:32003L0109", "eu_act", ""), ("oj:L/2004/16/p44", "oj", "")]),
    ("Richtlinie 2001/40/EG des Rates vom 28. Mai 2001 (ABl. EG Nr. L 149 S. 34)",
     [("celex:32001L0040", "eu_act", ""), ("oj:L/2001/149/p34", "oj", "")]),
    # early in the year a small issue number can be of that year
    ("Richtlinie 2004/1/EG der Kommission vom 9. Januar 2004 (ABl. EU Nr. L 7 S. 1)",
     [("celex:32004L0001", "eu_act", ""), ("oj:L/2004/7/p1", "oj", "")]),
    # a date that cannot be the act's (years before its number) gives no year
    ("Verordnung (EU) Nr. 575/2013 des Rates vom 28. Mai 2001 (ABl. L 176 S. 1)",
     [("celex:32013R0575", "eu_act", ""), ("oj:L/?/176/p1", "oj", "")]),
    # the date of another mention of the act does not spread to this one
    ("Die Richtlinie 2001/40/EG des Rates vom 28. Mai 2001 gilt. Ferner ist die Richtlinie 2001/40/EG (ABl. EG Nr. L 149 S. 34) anzuwenden.",
     [("celex:32001L0040", "eu_act", ""), ("oj:L/?/149/p34", "oj", "")]),
]

# 5. A number closing a line is an act's only under its title (the block above begins with
# the type) or before its opening and enacting words ("vu le traité, ... A ARRÊTÉ LA
# PRÉSENTE DÉCISION").
TITLE_NUMBERS = [
    ("Le Conseil a adopté les textes suivants:\n— Mesures relatives au commerce avec le Chili\n(2000/61/CE)\n— Mesures relatives au Mexique\n(2000/62/CE)\nLes États membres appliquent la présente décision.",
     []),
    ("Rapport annuel\n…voir le document du Conseil\n(2000/61/CE)\n\nLa Commission a adopté la présente directive le 3 mars.",
     []),
    ("El Consejo adoptó los textos siguientes:\n— Medidas relativas a Chile\n(2000/61/CE)\nLos Estados miembros aplicarán la presente Decisión.",
     []),
    # a title over several lines, its type on its first
    ("DÉCISION DE LA COMMISSION\ndu 20 décembre 1999\nrelative aux mesures de protection\n(2000/61/CE)\n",
     [("celex:32000D0061", "eu_act", "")]),
    ("DIRECTIVA DEL CONSEJO\nde 17 de diciembre de 1973\nrelativa al acondicionamiento interior\n(74/60/CEE)\n",
     [("celex:31974L0060", "eu_act", "")]),
    # the type word on a line above a blank line is another text's
    ("DÉCISION DE LA COMMISSION\n\nMesures relatives au Chili\n(2000/61/CE)\n", []),
    # the act's opening after the number, then its enacting words
    ("relative aux mesures de protection\n(2000/61/CE)\n\nLA COMMISSION DES COMMUNAUTÉS EUROPÉENNES,\n\nvu le traité,\n\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\n",
     [("celex:32000D0061", "eu_act", "")]),
    # enacting words after another title's number are that act's
    ("relative aux mesures\n(2000/61/CE)\nvu le traité,\nrelative au Mexique\n(2000/62/CE)\nvu le traité,\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\n",
     [("celex:32000D0062", "eu_act", "")]),
    # a number closing a line of the citations, not followed by an opening, is no title
    ("relative aux mesures\n(2000/61/CE)\nvu le traité,\nvu la décision de la Commission\n(1999/3/CE)\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\n",
     [("celex:32000D0061", "eu_act", "")]),
    # enacting words too far after the title: no type
    ("relative aux mesures\n(2000/61/CE)\nvu le traité,\n" + "considérant ce qui suit. " * 140 + "\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\n",
     []),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    NEXT_LINE + LETTERS_OR_POINTS + ANNEX_PLACES + NOT_DROPPED + SUBPOINT_ALONE + STATUTE_YEAR + TITLE_NUMBERS,
)
def test_review_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_the_reach_of_an_acts_own_type_is_within_a_stream_overlap() -> None:
    """A window reads the enacting words of a title it holds, as the whole text does."""
    assert eu_acts._OWN_TYPE_REACH <= stream.DEFAULT_OVERLAP // 2


def test_a_statute_style_reference_far_from_its_act_reads_alike_in_a_stream() -> None:
    """The footnote marker of the act is handed on to the window holding the note."""
    text = (
        "Gemäß der Richtlinie 2001/40/EG des Rates vom 28. Mai 2001 (1) gilt Folgendes.\n\n"
        + "Die Mitgliedstaaten sorgen dafür, dass die Vorschriften eingehalten werden. " * 120
        + "\n\n(1) ABl. EG Nr. L 149 S. 34.\n"
    )
    whole = [(c.id, c.start) for c in extract(text)]
    assert ("oj:L/2001/149/p34", text.index("ABl.")) in whole
    for window, overlap in ((4096, 512), (2048, 256), (6000, 700)):
        streamed = [(c.id, c.start) for c in stream.extract_text(text, window=window, overlap=overlap)]
        assert streamed == whole, (window, overlap)


@pytest.mark.parametrize("lead", [27_000, 28_500, 29_500, 30_500])
def test_a_title_typed_by_its_enacting_words_reads_alike_in_a_stream(lead: int) -> None:
    """The enacting words within reach of the title's number fall in the window holding it."""
    title = "relative aux mesures\n(2000/61/CE)\nvu le traité,\n"
    recitals = "considérant ce qui suit. " * 70 + "\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\n"
    text = "Texte. " * (lead // 7) + "\n\n" + title + recitals + "Texte. " * 2000
    whole = [(c.id, c.start) for c in extract(text)]
    assert ("celex:32000D0061", text.index("2000/61")) in whole
    streamed = [(c.id, c.start) for c in stream.extract_text(text, window=32_768, overlap=4096)]
    assert streamed == whole
