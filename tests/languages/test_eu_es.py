# ruff: noqa: E501  (table rows hold real citation sentences)
"""EU citations written in Spanish: acts of both eras, lists, pinpoints, OJ, CJEU, treaty articles; fixes in Spanish."""

from __future__ import annotations

import datetime

import pytest
from eu_cases import check, fixes

from citecheck.families.eu_acts import EUActParts
from citecheck.pipeline import extract

CASES = [
    ("Visto el Reglamento (UE) 2016/679 del Parlamento Europeo y del Consejo, de 27 de abril de 2016, relativo a la protección",
     [("celex:32016R0679", "eu_act", "")]),
    ("Vista la Directiva 95/46/CE del Parlamento Europeo y del Consejo",
     [("celex:31995L0046", "eu_act", "")]),
    ("Visto el Reglamento (CEE) nº 2913/92 del Consejo, de 12 de octubre de 1992, por el que se aprueba el código aduanero",
     [("celex:31992R2913", "eu_act", "")]),
    ("la Decisión Marco 2002/584/JAI del Consejo",
     [("celex:32002F0584", "eu_act", "")]),
    ("la Decisión (PESC) 2020/1999 del Consejo, de 7 de diciembre de 2020",
     [("celex:32020D1999", "eu_act", "")]),
    ("el Reglamento de Ejecución (UE) 2019/947 de la Comisión",
     [("celex:32019R0947", "eu_act", "")]),
    ("el Reglamento Delegado (UE) 2019/945 de la Comisión",
     [("celex:32019R0945", "eu_act", "")]),
    ("por el que se modifican los Reglamentos (CEE) nos 1362/87 y 1158/91 en lo relativo a",
     [("celex:31987R1362", "eu_act", ""), ("celex:31991R1158", "eu_act", "")]),
    ("de conformidad con el artículo 6, apartado 1, letra b), del Reglamento (UE) 2016/679, el tratamiento",
     [("celex:32016R0679", "eu_act", "art. 6(1)(b)")]),
    ("con arreglo al apartado 6 del artículo 12 del Reglamento (CEE) n° 2913/92 del Consejo",
     [("celex:31992R2913", "eu_act", "art. 12(6)")]),
    ("según la letra b) del apartado 1 del artículo 5 de la Directiva 91/414/CEE",
     [("celex:31991L0414", "eu_act", "art. 5(1)(b)")]),
    ("establecidos en el Anexo del Reglamento (CEE) n° 100/72 de la Comisión",
     [("celex:31972R0100", "eu_act", "annex")]),
    ("Visto el Reglamento (CEE) n° 804/68 del Consejo, de 27 de junio de 1968, por el que se establece la organización común de mercados (1), cuya última modificación la constituye el Reglamento (CE) n° 2931/95 de la Comisión (2), y, en particular, el apartado 5 de su artículo 7 y su artículo 28,",
     [("celex:31968R0804", "eu_act", "art. 7(5); art. 28"), ("celex:31995R2931", "eu_act", "")]),
    ("(DO L 119 de 4.5.2016, p. 1)",
     [("oj:L/2016/119/p1", "oj", "")]),
    ("sentencia de 16 de julio de 2020, Facebook Ireland y Schrems, C‑311/18, EU:C:2020:559, apartados 42 a 45",
     [("case:C-311/18", "cjeu_case", "paras. 42-45"), ("ecli:EU:C:2020:559", "ecli", "paras. 42-45")]),
    ("una petición de decisión prejudicial planteada con arreglo al artículo 267 TFUE",
     [("instrument:tfeu", "instrument", "art. 267")]),
    ("el derecho reconocido en el artículo 47 de la Carta",
     [("instrument:cfr", "instrument", "art. 47")]),
    ("el artículo 6, apartado 1, del TUE",
     [("instrument:teu", "instrument", "art. 6(1)")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spanish_citations(text: str, expected: list[tuple[str, str, str]]) -> None:
    check(text, expected)


def test_author_and_date_are_read_in_spanish() -> None:
    (cit,) = extract("Visto el Reglamento (CEE) nº 2913/92 del Consejo, de 12 de octubre de 1992, por el que")
    assert isinstance(cit.parts, EUActParts)
    assert (cit.parts.author, cit.parts.date, cit.parts.language) == ("Council", datetime.date(1992, 10, 12), "es")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el Reglamento (UE) n.º 2016/679", [("EU103", "(UE) 2016/679")]),
        ("el Reglamento (CE) 1049/2001", [("EU109", "(CE) n.º 1049/2001")]),
        ("la Directiva 2016/680/UE", [("EU106", "(UE) 2016/680")]),
        ("la Decisión PESC 2020/1999 del Consejo", [("EU102", "(PESC) 2020/1999")]),
        ("el Reglamento (CE) n.º 1049/2001 del Parlamento Europeo", []),
    ],
)
def test_fixes_are_written_in_spanish(text: str, expected: list[tuple[str, str]]) -> None:
    assert fixes(text) == expected
