"""EU acts cited by their established short names (GDPR, RGPD, DSGVO, DSA, DMA, AI Act)."""

from __future__ import annotations

import pytest

from citecheck.families.eu_act_names import ActNameParts
from citecheck.pipeline import extract

GDPR = "celex:32016R0679"
DSA = "celex:32022R2065"
DMA = "celex:32022R1925"
AI_ACT = "celex:32024R1689"

FOUND = [
    # (text, id, cited text, pinpoint, language of the name)
    ("Article 17 GDPR", GDPR, "Article 17 GDPR", "art. 17", "en"),
    ("under Art. 9(2)(a) GDPR, consent", GDPR, "Art. 9(2)(a) GDPR", "art. 9(2)(a)", "en"),
    ("Article 6(1)(a) of the GDPR", GDPR, "Article 6(1)(a) of the GDPR", "art. 6(1)(a)", "en"),
    ("GDPR, Art. 17", GDPR, "GDPR, Art. 17", "art. 17", "en"),
    ("the GDPR requires a lawful basis", GDPR, "GDPR", "", "en"),
    ("the General Data Protection Regulation applies", GDPR,
     "General Data Protection Regulation", "", "en"),
    ("Article 5 of the general data protection regulation", GDPR,
     "Article 5 of the general data protection regulation", "art. 5", "en"),
    ("article 17 du RGPD", GDPR, "article 17 du RGPD", "art. 17", "fr"),
    ("l'article 6 du règlement général sur la protection des données", GDPR,
     "article 6 du règlement général sur la protection des données", "art. 6", "fr"),
    ("artículo 17 del RGPD", GDPR, "artículo 17 del RGPD", "art. 17", "es"),
    ("el artículo 9 del Reglamento General de Protección de Datos", GDPR,
     "artículo 9 del Reglamento General de Protección de Datos", "art. 9", "es"),
    ("Art. 17 DSGVO", GDPR, "Art. 17 DSGVO", "art. 17", "de"),
    ("Art. 6 Abs. 1 lit. a DS-GVO", GDPR, "Art. 6 Abs. 1 lit. a DS-GVO", "art. 6(1)(a)", "de"),
    ("Artikel 15 der Datenschutz-Grundverordnung", GDPR,
     "Artikel 15 der Datenschutz-Grundverordnung", "art. 15", "de"),
    ("Article 34 DSA", DSA, "Article 34 DSA", "art. 34", "en"),
    ("the Digital Services Act", DSA, "Digital Services Act", "", "en"),
    ("Article 6 DMA", DMA, "Article 6 DMA", "art. 6", "en"),
    ("the Digital Markets Act", DMA, "Digital Markets Act", "", "en"),
    ("Article 5 of the AI Act", AI_ACT, "Article 5 of the AI Act", "art. 5", "en"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "cid", "cited", "pinpoint", "language"), FOUND)
def test_short_name_is_an_eu_act_citation(
    text: str, cid: str, cited: str, pinpoint: str, language: str
) -> None:
    found = extract(text)
    assert [(c.id, c.kind.value, c.text, str(c.pinpoint)) for c in found] == [
        (cid, "eu_act", cited, pinpoint)
    ]
    parts = found[0].parts
    assert isinstance(parts, ActNameParts)
    assert parts.language == language
    assert parts.celex == cid.removeprefix("celex:")


NOT_FOUND = [
    "see https://example.eu/gdpr/rights",  # lower case in a URL path
    "gdpr compliance",  # an acronym keeps its case
    "les RGPDs nationaux",  # not a whole word
    "DSGVO-konform verarbeiten",  # part of a compound
    "GDPR-compliant tools",
    "the DSA said",  # too common alone: only after an article pinpoint
    "the DMA team",
    "Dsgvo",
    "the Tai Act",
    "Article 40(5) of the UK GDPR",  # the United Kingdom's law
    "the UK General Data Protection Regulation",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_a_short_name(text: str) -> None:
    assert [c for c in extract(text) if c.family == "eu_act_names"] == []


def test_name_closing_the_acts_own_title_is_no_second_citation() -> None:
    text = "Regulation (EU) 2016/679 (General Data Protection Regulation)"
    assert [c.text for c in extract(text)] == ["Regulation (EU) 2016/679"]


def test_acronym_defined_in_the_text_stays_a_short_form() -> None:
    text = "Regulation (EU) 2016/679 ('the GDPR'). Article 17 of the GDPR applies."
    found = extract(text)
    uses = [c for c in found if c.text == "Article 17 of the GDPR"]
    assert len(uses) == 1
    assert uses[0].short_form and uses[0].id == GDPR and str(uses[0].pinpoint) == "art. 17"
    assert all(c.family != "eu_act_names" for c in found)


def test_two_names_in_one_sentence() -> None:
    text = "Article 34 DSA and Article 17 GDPR"
    assert [(c.id, str(c.pinpoint)) for c in extract(text)] == [
        (DSA, "art. 34"),
        (GDPR, "art. 17"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Regulation (EU) 2016/679 (\u201cGDPR\u201d). Article 17 GDPR applies.",
        "Verordnung (EU) 2016/679 (\u201eDSGVO\u201c). Art. 17 DSGVO gilt.",
    ],
)
def test_name_the_text_defines_is_left_to_the_short_form_stage(text: str) -> None:
    assert all(c.family != "eu_act_names" for c in extract(text))
