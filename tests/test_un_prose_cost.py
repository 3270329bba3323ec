"""The prose family reads what the whole text says about itself (``un_context.profile``: its
committees, Human Rights Council or General Assembly, the body of year-numbered resolutions)
only for a text where it builds an item (issue #12, speed): most texts with the word
"resolution" cite none in a form it reads. The answers are those of the eager profile."""

from __future__ import annotations

from typing import Any

import pytest

from citecheck.families import Document
from citecheck.families import un_context as ctx
from citecheck.families.un_prose import FAMILY


def _counting_profile(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = ctx.profile

    def counting(doc: Document) -> Any:
        calls.append(len(doc.text))
        return real(doc)

    monkeypatch.setattr(ctx, "profile", counting)
    return calls


@pytest.mark.parametrize(
    "text",
    [
        "The Council adopted a resolution on the right to food.",
        "Resolutions of the Human Rights Council are numbered by session.",
        "See decision 2/3/4 of the board and resolution IX of 1990.",
        "",
    ],
)
def test_a_text_without_an_item_is_not_profiled(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    calls = _counting_profile(monkeypatch)
    assert list(FAMILY.find(Document(text))) == []
    assert calls == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # a special session's resolution: its body only from the text's profile (HRC context)
        (
            "Human Rights Council. Human Rights Council. Human Rights Council. "
            "The Human Rights Council, recalling resolution S-30/1, decides.",
            ["un:A/HRC/RES/S-30/1"],
        ),
        # the same resolution where the text says nothing of the Council: body unknown
        ("Recalling resolution S-30/1, decides.", ["un:?/S-30/1"]),
        ("General Assembly resolutions 60/251 and 65/281", ["un:A/RES/60/251", "un:A/RES/65/281"]),
    ],
)
def test_a_text_with_items_is_profiled_as_before(
    monkeypatch: pytest.MonkeyPatch, text: str, ids: list[str]
) -> None:
    calls = _counting_profile(monkeypatch)
    doc = Document(text)
    assert [c.id for c in FAMILY.find(doc) if c.id] == ids
    assert calls and set(calls) == {len(text)}
    assert doc.__dict__["_un_profile"] == ctx.profile(Document(text))
