"""The prefilter (``Document.has_each``) decides exactly as a ``lit in text`` test
per literal would, whatever the literals share or where they occur."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.families import FAMILIES, Document

_ALPHABET = "ac/-‑ts .e"
_LITERAL = st.text(_ALPHABET, min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(_ALPHABET, max_size=60),
    sets=st.lists(st.lists(_LITERAL, max_size=5).map(tuple), max_size=6),
)
def test_has_each_equals_has_any_per_set(text: str, sets: list[tuple[str, ...]]) -> None:
    doc = Document(text)
    assert doc.has_each(sets) == [doc.has_any(s) for s in sets]


def test_shared_literal_does_not_hide_another_set() -> None:
    # "decision" settles the first set; the second still needs its own "regulation" test.
    doc = Document("a decision, then a regulation")
    assert doc.has_each([("decision", "regulation"), ("regulation",), ("ibid",)]) == [
        True,
        True,
        False,
    ]


def test_family_triggers_on_real_words() -> None:
    doc = Document("Case C‑311/18, ibid., para. 5; Regulation (EU) 2016/679")
    triggered = doc.has_each([f.triggers for f in FAMILIES])
    assert triggered == [doc.has_any(f.triggers) for f in FAMILIES]
    assert any(triggered) and not all(triggered)


def test_non_ascii_trigger_found_only_in_non_ascii_text() -> None:
    sets = [("résolution", "resolution"), ("décision",)]
    assert Document("the résolution and décision").has_each(sets) == [True, True]
    assert Document("the resolution and decision").has_each(sets) == [True, False]
    assert Document("a décision only").has_each(sets) == [False, True]
