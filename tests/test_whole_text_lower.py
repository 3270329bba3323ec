"""No family, and no stage of ``extract``/``check``, lower-cases a whole typical text.

Why: ``Document.lower`` (one whole-text ``str.lower``) cost about 50 ms over the benchmark
texts; the compiled anchor pass reads the text as written, and each family lower-cases only
the slices it compares. These tests keep it so: a family that reads ``doc.lower`` again
(back-references' act nouns, acronyms, ...) fails here, not only in the benchmark."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import anchors
from citecheck.families import FAMILIES, Document
from citecheck.scan import _anchor_literals

#: every family's citations and the back-references, acronyms and short forms that follow them,
#: in English, French, Spanish and German
TEXT = (
    "Council Regulation (EC) No 1049/2001, Case C-293/12, EU:C:2014:238, general comment No. 24 "
    "and observation générale no 3; Common Position 2003/444/CFSP; la directive 2016/680/UE et "
    "la Durchführungsverordnung (EU) 2019/947, ladite directive. Regulation (EU) 2016/679 (the "
    "General Data Protection Regulation, 'the GDPR'); Article 5 GDPR; the GDPR; that Directive; "
    "the Regulation. Human Rights Council resolution 31/1, A/HRC/31/1, CCPR/C/GC/36, the "
    "International Covenant on Civil and Political Rights, article 6; UN Charter; Article 8 of "
    "the Charter of Fundamental Rights; Article 267 TFEU; OJ L 119, 4.5.2016, p. 1; ibid., "
    "para. 4; communication No. 2751/2016; CELEX 32016R0679.\n"
) * 3


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ahocorasick_rs", reason="the pure anchor pass lower-cases the text")
    monkeypatch.delenv(anchors.PURE_ENV, raising=False)


@pytest.mark.usefixtures("compiled")
@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_leaves_the_text_as_written(family: object) -> None:
    doc = Document(TEXT)
    doc.index_anchors(_anchor_literals(FAMILIES))
    found = list(family.find(doc))  # type: ignore[attr-defined]
    assert found or family.name in ("spcomm", "eu_treaties", "eu_identifiers")  # type: ignore[attr-defined]
    assert "lower" not in doc.__dict__


@pytest.mark.usefixtures("compiled")
@pytest.mark.parametrize("run", [citecheck.extract, citecheck.check], ids=["extract", "check"])
def test_pipeline_leaves_the_text_as_written(run: object, monkeypatch: pytest.MonkeyPatch) -> None:
    lowered: list[int] = []
    whole = Document.lower.func  # type: ignore[attr-defined]

    def counted(self: Document) -> str:
        lowered.append(len(self.text))
        return whole(self)  # type: ignore[no-any-return]

    monkeypatch.setattr(Document, "lower", property(counted))
    assert run(TEXT)  # type: ignore[operator]
    assert lowered == []
