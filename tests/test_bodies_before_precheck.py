"""The look-back for named bodies (``un_context.bodies_before``) tries the body alternation
only where its pre-check says a name can start: the answer is the one of trying it at every
position, and the pre-check accepts the start of every match. Texts are built from the
words of the body grammar and of the language tables, in every case."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import un_languages as un
from citecheck.families import un_context as ctx

#: every word the body names are written with (the grammar's and the language tables')
_WORDS = sorted(
    {w for w in regex.findall(r"[^\W\d_]+", ctx.BODY_NAMES) if len(w) > 1}
    | {w for lang in un.languages() for name, _ in lang.bodies for w in name.split()}
)
_SEPARATORS = [" ", "  ", "\n", "\u00a0", "-", "'", "’", ", ", ". ", " (", "\n\n", "Sub-", "ſ"]
_CASES = [str, str.lower, str.upper, str.title, lambda w: w[:1].swapcase() + w[1:]]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 14))):
        word = draw(st.sampled_from(_WORDS))
        pieces.append(draw(st.sampled_from(_CASES))(word))
        pieces.append(draw(st.sampled_from(_SEPARATORS)))
    return "".join(pieces)


def _every_position(text: str, pos: int) -> list[tuple[tuple[ctx.Body, ...], bool]]:
    """The look-back as it was written before the pre-check: the alternation everywhere."""
    start, end = ctx.window_before(text, pos)
    found = [
        (
            ctx.body_from_match(m),
            bool(m.group("council") or m.group("commission") or m.group("nonun")),
        )
        for m in ctx._BODY_ANY.finditer(text, start, end)
    ]
    found.reverse()
    return found


@settings(max_examples=400, deadline=None)
@given(text=_texts(), lead=st.sampled_from(["", "x", "In ", "The "]))
def test_precheck_changes_no_answer(text: str, lead: str) -> None:
    text = lead + text
    for pos in {len(text), len(text) // 2}:
        assert ctx.bodies_before(text, pos) == _every_position(text, pos)


@settings(max_examples=400, deadline=None)
@given(text=_texts())
def test_precheck_accepts_the_start_of_every_match(text: str) -> None:
    for m in ctx._BODY_ANY.finditer(text):
        assert ctx._BODY_START.match(text, m.start()) is not None, m.group()


def test_every_body_name_of_the_tables_in_every_case() -> None:
    names = [name for lang in un.languages() for name, _ in lang.bodies] + [
        "General Assembly",
        "Security Council",
        "Economic and Social Council",
        "Human Rights Council",
        "Commission on Human Rights",
        "Sub-Commission",
        "World Health Assembly",
        "Commission on the Status of Women",
    ]
    for name in names:
        for case in _CASES:
            text = f"Recalling the {case(name)} resolution"
            pos = text.rindex(" resolution")
            assert ctx.bodies_before(text, pos) == _every_position(text, pos), text
    assert ctx.bodies_before("the Human Rights Council in", 27) == [((ctx.Body.HRC,), False)]
