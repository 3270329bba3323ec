"""IN101 (article beyond the instrument's last article) in every language an instrument is read in.

Why: the French, Spanish and German treaty and Charter forms are read by their own family; the
article count is one check (``instruments.pinpoint_findings``), so ``Artikel 400 AEUV`` is as wrong
as ``Article 400 TFEU``."""

from __future__ import annotations

import pytest

import citecheck

OUT_OF_RANGE = [
    ("Article 400 TFEU.", "instrument:tfeu"),
    ("Article 400 TFUE.", "instrument:tfeu"),
    ("Voir l'article 360 TFUE.", "instrument:tfeu"),
    ("artículo 400 TFUE.", "instrument:tfeu"),
    ("Artikel 400 AEUV.", "instrument:tfeu"),
    ("Art. 60 IPbpR.", "instrument:iccpr"),
    ("article 60 de la Charte des droits fondamentaux de l'Union européenne.", "instrument:cfr"),
    ("Artikel 60 der Charta der Grundrechte der Europäischen Union.", "instrument:cfr"),
]

IN_RANGE = [
    "Article 40 TFUE.",
    "artículo 40 TFUE.",
    "Artikel 40 AEUV.",
    "Art. 53 IPbpR.",
    "article 54 de la Charte des droits fondamentaux de l'Union européenne.",
    "Artikel 6 EUV.",
]


@pytest.mark.parametrize(("text", "cid"), OUT_OF_RANGE)
def test_article_beyond_the_last_is_in101(text: str, cid: str) -> None:
    result = citecheck.check(text, offline=True)
    assert [c.id for c in result.citations] == [cid]
    assert [f.code for f in result.findings] == ["IN101"]


@pytest.mark.parametrize("text", IN_RANGE)
def test_article_in_range_raises_nothing(text: str) -> None:
    result = citecheck.check(text, offline=True)
    assert len(result.citations) == 1
    assert [f.code for f in result.findings] == []
