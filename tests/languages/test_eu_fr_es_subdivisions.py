# ruff: noqa: E501  (table rows hold citation sentences)
"""French and Spanish EU forms of issue 14 still missed: inserted articles past ``quater``
(``20 quinquies``), the number word written apart (``n º``), old ``ó`` between numbers,
``et notamment de ses articles``, points of points (``point b), ii)``, ``sous-point``,
``inciso``), parts and chapters of an annex, a numbered point with its letter before the
annex, and list items each followed by a footnote call. Made-up sentences in the shapes of
EU acts."""

from __future__ import annotations

import pytest
from eu_cases import check, found

FR = [
    # inserted articles: bis, ter, quater, quinquies, sexies... are a, b, c, d, e...
    ("la retenue visée à l'article 20 quinquies paragraphe 1 du règlement n° 136/66/CEE est utilisée",
     [("celex:31966R0136", "eu_act", "art. 20d(1)")]),
    ("conformément à l'article 4 sexies du règlement (CE) n° 1234/2007, les États membres",
     [("celex:32007R1234", "eu_act", "art. 4e")]),
    # the number word written in two pieces
    ("le règlement (CEE) n ° 1408/71 du Conseil s'applique",
     [("celex:31971R1408", "eu_act", "")]),
    ("la décision n º 3289/75/CECA de la Commission définit l'unité de compte",
     [("celex:31975D3289", "eu_act", "")]),
    # words that add nothing to a pinpoint
    ("les conditions visées aux articles 6 à 9 inclus du règlement (CEE) n° 1408/71 sont",
     [("celex:31971R1408", "eu_act", "arts. 6-9")]),
    ("au sens de l'article 4 paragraphe 1 in fine du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)")]),
    # unnumbered subdivisions named by any ordinal, feminine ones too, are left out
    ("conformément à l'article 4, paragraphe 1, second alinéa, point a), du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)(a)")]),
    ("conformément à l'article 4, paragraphe 1, première phrase, du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)")]),
    ("conformément à l'article 4, paragraphe 2, avant-dernier alinéa, du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(2)")]),
    ("conformément à l'article 4, paragraphe 1, phrase introductive, du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)")]),
    # texts in capitals drop the accent
    ("CONSIDERANT QUE L'ARTICLE 9 DU REGLEMENT ( CEE ) NO 2658/87 A FIXE LES REGLES GENERALES",
     [("celex:31987R2658", "eu_act", "art. 9")]),
    # "of" between the emphasis and the determiner
    ("sans préjudice de la directive 2000/31/CE, et notamment de ses articles 12 à 15 relatifs à la responsabilité",
     [("celex:32000L0031", "eu_act", "arts. 12-15")]),
    ("sans préjudice de la directive 2000/31/CE, en particulier de son article 14, les États membres",
     [("celex:32000L0031", "eu_act", "art. 14")]),
    # a point of a point: "point b), ii)" (the point word not repeated) and "sous-point"
    ("au sens de l'article 3, paragraphe 1, point b), ii), du règlement (CE) n° 1234/2007, le produit",
     [("celex:32007R1234", "eu_act", "art. 3(1)(b)(ii)")]),
    ("au sens de l'article 3, paragraphe 1, point b), sous-point iii), du règlement (CE) n° 1234/2007, le produit",
     [("celex:32007R1234", "eu_act", "art. 3(1)(b)(iii)")]),
    ("visées à l'article 4, paragraphe 1, point a), i) et ii), du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)(a)(i); art. 4(1)(a)(ii)")]),
    # a numbered point closed by its bracket
    ("un établissement financier au sens de l'article 2, point 7), de la directive 93/6/CEE (secteur",
     [("celex:31993L0006", "eu_act", "art. 2(7)")]),
    ("au sens de l'article 1er, points 1) et 5), de la directive 2000/12/CE, les",
     [("celex:32000L0012", "eu_act", "art. 1(1); art. 1(5)")]),
    # "ainsi que" joins parts as "et" does
    ("conformément aux articles 12 et 13 ainsi qu'à l'annexe II du règlement (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 12; art. 13; annex II")]),
    # a footnote call written with spaces, before the amended act's pinpoint
    ("vu le règlement ( CEE ) no 1411/71 du Conseil ( 1 ), modifié par le règlement ( CEE ) no 222/88 ( 2 ), et notamment son article 4 paragraphe 2 point b ),",
     [("celex:31971R1411", "eu_act", "art. 4(2)(b)"), ("celex:31988R0222", "eu_act", "")]),
    # the next letter of a list is a letter, not a roman numeral
    ("visés à l'article 3, paragraphe 1, points h), i) et j), du règlement (CE) n° 1234/2007",
     [("celex:32007R1234", "eu_act", "art. 3(1)(h); art. 3(1)(i); art. 3(1)(j)")]),
    # parts and chapters of an annex: the annex is the pinpoint
    ("les exigences visées à l'annexe II, partie A, du règlement (CEE) n° 2092/91 sont remplies",
     [("celex:31991R2092", "eu_act", "annex II")]),
    ("les exigences visées à l'annexe II, partie B, tirets 1 à 4, du règlement (CEE) n° 2092/91 sont remplies",
     [("celex:31991R2092", "eu_act", "annex II")]),
    ("les conditions fixées au point 3 de la partie A de l'annexe IV de la directive 79/112/CEE",
     [("celex:31979L0112", "eu_act", "annex IV")]),
    ("le respect des règles énoncées au chapitre V de l'annexe de la directive 91/493/CEE et",
     [("celex:31991L0493", "eu_act", "annex")]),
    # a numbered point with its letter, before the annex
    ("une dérogation au point 45 sous c) de l'annexe I de la directive 64/433/CEE pour la découpe",
     [("celex:31964L0433", "eu_act", "annex I, point 45(c)")]),
    # numbered points of points in an annex
    ("les exigences visées à l'annexe I, point 2.1, du règlement (CEE) n° 1408/71 sont",
     [("celex:31971R1408", "eu_act", "annex I, point 2.1")]),
    ("conformément aux points 4.1 et 4.2 de l'annexe II de la directive 91/414/CEE",
     [("celex:31991L0414", "eu_act", "annex II, point 4.1; annex II, point 4.2")]),
    # the pinpoint after the act's author and footnote call, with a comma only
    ("une adjudication au sens du règlement (CE) n° 800/1999 de la Commission (1), article 36, paragraphe 1, point c), ne spécifiant pas",
     [("celex:31999R0800", "eu_act", "art. 36(1)(c)")]),
    ("au sens du règlement (CE) n° 800/1999 de la Commission (1), article 36 du traité, les",
     [("celex:31999R0800", "eu_act", "")]),
    # each act of a list followed by its footnote call
    ("figurant dans les directives 64/433/CEE (7), 71/118/CEE (8), 77/99/CEE (9) et 91/495/CEE (10), les définitions",
     [("celex:31964L0433", "eu_act", ""), ("celex:31971L0118", "eu_act", ""),
      ("celex:31977L0099", "eu_act", ""), ("celex:31991L0495", "eu_act", "")]),
]

ES = [
    ("el importe contemplado en el apartado 1 del artículo 20 quinquies del Reglamento n º 136/66/CEE se utilizará",
     [("celex:31966R0136", "eu_act", "art. 20d(1)")]),
    # the number word in two pieces, spaced brackets, and the "*" old conversions left for "º"
    ("en virtud del Reglamento ( CEE ) n º 543/69 , el conductor",
     [("celex:31969R0543", "eu_act", "")]),
    ("Visto el Reglamento ( CEE , Euratom , CECA ) n º 260/68 del Consejo , de 29 de febrero de 1968 ,",
     [("celex:31968R0260", "eu_act", "")]),
    ("contemplada en el artículo 17 del Reglamento n * 359/67/CEE , la restitución",
     [("celex:31967R0359", "eu_act", "art. 17")]),
    # "ó", the old written form of "o" between numbers
    ("de conformidad con los artículos 3 ó 15 del Reglamento (CE) n° 411/97, estarán autorizadas",
     [("celex:31997R0411", "eu_act", "art. 3; art. 15")]),
    ("previstas en los artículos 12 y 13, así como en el anexo II del Reglamento (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 12; art. 13; annex II")]),
    ("Sin perjuicio de la Directiva 2000/31/CE, y en particular de sus artículos 12 a 15,",
     [("celex:32000L0031", "eu_act", "arts. 12-15")]),
    ("las condiciones de los artículos 6 a 9, ambos inclusive, del Reglamento (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "arts. 6-9")]),
    ("de conformidad con el artículo 4, apartado 1, segunda frase, del Reglamento (CEE) n° 1408/71",
     [("celex:31971R1408", "eu_act", "art. 4(1)")]),
    # "inciso": a point of a lettered point, written before it
    ("el material mencionado en el inciso ii) de la letra b) del apartado 1 del artículo 4 del Reglamento (CE) n° 1774/2002",
     [("celex:32002R1774", "eu_act", "art. 4(1)(b)(ii)")]),
    ("declarado en virtud del inciso ii) de la letra a) y del inciso iii) de la letra c) del apartado 1 del artículo 4 del Reglamento (CE) n° 1774/2002",
     [("celex:32002R1774", "eu_act", "art. 4(1)(a)(ii); art. 4(1)(c)(iii)")]),
    ("el artículo 3, apartado 1, letra b), inciso ii), del Reglamento (CE) n° 1234/2007",
     [("celex:32007R1234", "eu_act", "art. 3(1)(b)(ii)")]),
    ("las Directivas que figuran en la parte A del anexo IV de la Directiva 2000/13/CE, sin",
     [("celex:32000L0013", "eu_act", "annex IV")]),
    ("en el anexo II, parte A, punto 3, del Reglamento (CEE) n° 2092/91",
     [("celex:31991R2092", "eu_act", "annex II")]),
    ("Véase el Reglamento (CE) n° 800/1999 de la Comisión (3), letra c) del apartado 1 del artículo 36.",
     [("celex:31999R0800", "eu_act", "art. 36(1)(c)")]),
    ("en las Directivas 64/433/CEE (7), 71/118/CEE (8) y 77/99/CEE (9), las de",
     [("celex:31964L0433", "eu_act", ""), ("celex:31971L0118", "eu_act", ""),
      ("celex:31977L0099", "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), FR + ES)
def test_subdivisions_and_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


HEADINGS = [
    # the title's first word gives the type
    ("DÉCISION DE LA COMMISSION du 7 février 1994 modifiant la décision 90/424/CEE du Conseil relative à certaines dépenses (94/77/CE)\nvu la décision 90/424/CEE du Conseil,\n",
     [("celex:31994D0077", "eu_act", ""), ("celex:31990D0424", "eu_act", "")]),
    ("DIRECTIVE DU CONSEIL du 17 décembre 1973 concernant l'aménagement intérieur des véhicules à moteur (74/60/CEE)\nvu la proposition de la Commission,\n",
     [("celex:31974L0060", "eu_act", "")]),
    ("Décision de la Commission\n(2002/79/CE)\nvu la directive 93/43/CEE du Conseil,\n",
     [("celex:32002D0079", "eu_act", ""), ("celex:31993L0043", "eu_act", "")]),
    ("DÉCISION DE LA COMMISSION du 12 février 1997 relative au produit national brut (Texte présentant de l'intérêt pour l'EEE) (97/157/CE, Euratom)\nvu le traité,\n",
     [("celex:31997D0157", "eu_act", "")]),
    # else the type the act gives itself after its title
    ("modifiant la décision 93/436/CEE fixant les conditions d'importation\n(2000/61/CE)\nvu le traité,\nA ARRÊTÉ LA PRÉSENTE DÉCISION:\nArticle premier\n",
     [("celex:31993D0436", "eu_act", ""), ("celex:32000D0061", "eu_act", "")]),
    ("por la que se modifica la Decisión 2000/532/CE en lo que se refiere a la lista de residuos\n(2001/118/CE)\nVisto el Tratado,\nHA ADOPTADO LA PRESENTE DECISIÓN:\n",
     [("celex:32000D0532", "eu_act", ""), ("celex:32001D0118", "eu_act", "")]),
    ("DIRECTIVA DEL CONSEJO de 17 de diciembre de 1973 relativa al acondicionamiento interior de los vehículos a motor (74/60/CEE)\nVista la propuesta de la Comisión,\n",
     [("celex:31974L0060", "eu_act", "")]),
    # older texts space the brackets
    ("de 13 de diciembre de 1976 tendente a coordinar las garantías exigidas ( 77/91/CEE )\nVista la propuesta de la Comisión ,\nHA ADOPTADO LA PRESENTE DIRECTIVA :\n",
     [("celex:31977L0091", "eu_act", "")]),
    # a directive and a decision share the numbering: with no type, no citation
    ("relative à la liste des déchets\n(2001/118/CE)\nvu le traité,\n", []),
    # not at the end of its line: not a title's number
    ("la liste figurant à l'annexe (2001/118/CE) est modifiée; la présente décision s'applique", []),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_the_number_closing_a_title(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


TITLED_LISTS = [
    # each act of the list written with its domain and number word after the title before it
    ("modifie les règlements (CEE) n° 613/91 du Conseil du 4 mars 1991 relatif au changement de registre des navires(9), (CE) n° 2978/94 du Conseil du 21 novembre 1994 concernant la résolution A.747(18) de l'OMI(10), et (CE) n° 417/2002 du Parlement européen et du Conseil relatif aux pétroliers.",
     [("celex:31991R0613", "eu_act", ""), ("celex:31994R2978", "eu_act", ""), ("celex:32002R0417", "eu_act", "")]),
    ("modifica los Reglamentos (CEE) n° 613/91 del Consejo, de 4 de marzo de 1991, relativo al cambio de registro de buques(9), (CE) n° 2978/94 del Consejo, sobre la Resolución A. 747 (18) de la OMI(10) y (CE) n° 417/2002 del Parlamento Europeo y del Consejo.",
     [("celex:31991R0613", "eu_act", ""), ("celex:31994R2978", "eu_act", ""), ("celex:32002R0417", "eu_act", "")]),
    # one act named (singular): no list to continue
    ("le règlement (CEE) n° 613/91 du Conseil relatif aux navires (CE), (CE) n° 2978/94 du Conseil.",
     [("celex:31991R0613", "eu_act", "")]),
]


@pytest.mark.parametrize(("text", "expected"), TITLED_LISTS)
def test_acts_of_a_list_after_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_a_titled_list_ends_at_the_next_act_word() -> None:
    # that act is cited once, by itself, with the further acts of its own list
    text = (
        "modifie les règlements (CEE) n° 613/91 du Conseil relatif aux navires et abrogeant les "
        "règlements (CE) n° 2978/94 du Conseil relatif aux citernes(3), et (CE) n° 417/2002 du Conseil."
    )
    assert [c[0] for c in found(text)] == ["celex:31991R0613", "celex:31994R2978", "celex:32002R0417"]


TREATY_NAMES = [
    # a full name without an article before it, with the pinpoint written after it
    ("vu le traité sur l'Union européenne, et notamment son article 34, paragraphe 2, point c),\nvu l'initiative du Royaume d'Espagne,\n",
     [("instrument:teu", "instrument", "art. 34(2)(c)")]),
    ("Visto el Tratado de la Unión Europea, y en particular, la letra b) del apartado 2 de su artículo 34,\nVista la iniciativa del Reino de España,\n",
     [("instrument:teu", "instrument", "art. 34(2)(b)")]),
    ("Los Estados miembros respetan los derechos garantizados por el Convenio Europeo para la Protección de los Derechos Humanos y de las Libertades Fundamentales y por la Carta de los Derechos Fundamentales de la Unión Europea.",
     [("instrument:echr", "instrument", ""), ("instrument:cfr", "instrument", "")]),
    ("Les États membres respectent les droits garantis par la convention européenne de sauvegarde des droits de l'homme et des libertés fondamentales, signée à Rome le 4 novembre 1950.",
     [("instrument:echr", "instrument", "")]),
    # read once when an article stands before it
    ("conformément à l'article 6 du traité sur l'Union européenne, les États membres",
     [("instrument:teu", "instrument", "art. 6")]),
    # other charters are not the EU's
    ("Los Estados miembros respetan la Carta Social Europea y la Carta de las Naciones Unidas.",
     [("instrument:un-charter", "instrument", "")]),
]


@pytest.mark.parametrize(("text", "expected"), TREATY_NAMES)
def test_treaty_names_without_an_article(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)
