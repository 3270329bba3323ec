"""An older check's answer is reused only where no edit since may change it.

A citation's id, finding and fix depend on other text: the antecedent of ``Ibid.``, a
"(the Covenant)" definition, a list's head, the committee named before a general comment, the
head of the document, words anywhere in it.  The rows below are made-up texts in the shapes a
reviewer found answered wrongly: the citation's own text is untouched (the old rule moved it),
the fresh check reads it otherwise, and the view now gives nothing until that check.
"""

from __future__ import annotations

import pytest

from citecheck.lsp import reuse, server
from citecheck.lsp.positions import LineIndex, TextChange
from citecheck.lsp.reuse import (
    HEAD_REACH,
    MAX_STRETCH,
    REUSE_MARGIN,
    cached_reuse_limit,
    reuse_limit,
)
from citecheck.lsp.server import View
from citecheck.model import Citation, Finding
from citecheck.pipeline import CheckResult, check

#: Prose long enough to put an edit past the margin, with no citation in it
FILL = "The meeting was held in the large hall of the building. "
FAR = FILL * (REUSE_MARGIN // len(FILL) + 2)


def view_of(old: str, new: str, result: CheckResult | None = None) -> View:
    return View(
        None,  # type: ignore[arg-type]  # the state is not read here
        result or check(old),
        old,
        LineIndex(new),
        (TextChange(old, new),),
    )


def citation_at(result: CheckResult, text: str, needle: str) -> Citation:
    at = text.index(needle) + 1
    (c,) = [c for c in result.citations if c.start <= at < c.end]
    return c


def finding_at(result: CheckResult, text: str, needle: str, code: str) -> Finding | None:
    at = text.index(needle) + 1
    found = [f for f in result.findings if f.code == code and f.start <= at < f.end]
    return found[0] if found else None


# (old text, new text, a spot in the citation whose answer depends on the edit)
STALE_CITATIONS = [
    pytest.param(
        "See A/HRC/41/35.\nIbid., para. 5.\n",
        "See A/HRC/41/36.\nIbid., para. 5.\n",
        "Ibid.",
        id="short form, antecedent changed",
    ),
    pytest.param(
        "International Covenant on Civil and Political Rights (the Covenant). "
        "Article 14 of the Covenant applies.\n",
        "International Covenant on Economic, Social and Cultural Rights (the Covenant). "
        "Article 14 of the Covenant applies.\n",
        "Article 14 of the Covenant",
        id="definition changed",
    ),
    pytest.param(
        "International Covenant on Civil and Political Rights, article 9.\nIntro.\nId., para. 7.\n",
        "International Covenant on Civil and Political Rights, article 9.\n"
        "Intro. See A/HRC/40/1.\nId., para. 7.\n",
        "Id., para. 7",
        id="citation inserted before a short form",
    ),
    pytest.param(
        "Human Rights Council resolutions 5/1 and 5/2 apply.\n",
        "General Assembly resolutions 5/1 and 5/2 apply.\n",
        "5/2",
        id="list head changed",
    ),
    pytest.param(
        "Committee on the Rights of the Child, general comment No. 14, para. 3.\n",
        "Committee on Economic, Social and Cultural Rights, general comment No. 14, para. 3.\n",
        "general comment No. 14",
        id="committee changed",
    ),
    pytest.param(
        "Its general comment No. 14 applies.\n" + FAR,
        "Its general comment No. 14 applies.\n"
        + FAR
        + "The Committee on the Rights of the Child met. " * 3,
        "general comment No. 14",
        id="whole text: the committee it mentions most, far after",
    ),
    pytest.param(
        "The Covenant applies. Article 3 of the Covenant.\n" + FAR + " civil and political rights",
        "The Covenant applies. Article 3 of the Covenant.\n" + FAR + " economic, social and "
        "cultural rights",
        "Article 3 of the Covenant",
        id="whole text: which covenant, far after",
    ),
    pytest.param(
        "Under article 3 of the Convention, States act.\n"
        + FAR
        + "\nThe Committee against Torture (the Committee) met.\n",
        "Under article 3 of the Convention, States act.\n"
        + FAR
        + "\nThe Committee on the Rights of the Child (the Committee) met.\n",
        "article 3 of the Convention",
        id="head: the committee introducing itself, far after",
    ),
    pytest.param(
        "Recalling resolution 35/12, para. 3.\n"
        + FAR
        + "The Human Rights Council met; the Human Rights Council decided.\n"
        + FAR,
        "Recalling resolution 35/12, para. 3.\n"
        + FAR
        + "The Human Rights Council met; the Human Rights Council decided.\n"
        + FAR
        + "Annex: the Human Rights Council.\n",
        "resolution 35/12",
        id="whole text: a third Human Rights Council mention, far after",
    ),
    pytest.param(
        "Recalling resolution 1998/45 of 20 April 1998, para. 2.\n"
        + FAR
        + "The Commission on Human Rights met.\n"
        + FAR,
        "Recalling resolution 1998/45 of 20 April 1998, para. 2.\n"
        + FAR
        + "The Commission on Human Rights met.\n"
        + FAR
        + "The Commission on Human Rights met again.\n",
        "resolution 1998/45",
        id="whole text: the body a year resolution belongs to, far after",
    ),
    pytest.param(
        "[1] See A/HRC/41/35, para. 2.\n\nThe body recalls A/HRC/40/1.\n\n[17] Ibid., para. 4.\n\n"
        + FAR
        + "\n\n[18] Further remarks.\n",
        "[1] See A/HRC/41/35, para. 2.\n\nThe body recalls A/HRC/40/1.\n\n[17] Ibid., para. 4.\n\n"
        + FAR
        + "\n\n[19] Further remarks.\n",
        "Ibid., para. 4",
        id="notes: the opening after a gap in the numbering, far after",
    ),
]


def _untouched(old: str, new: str, start: int, end: int) -> bool:
    """The old rule: the edit leaves ``old[start:end]`` and a character either side alone."""
    change = TextChange(old, new)
    return end < change.start or start > change.old_end


def _ids_at(text: str, needle: str) -> set[str]:
    at = text.index(needle) + 1
    return {c.id for c in check(text).citations if c.start <= at < c.end}


@pytest.mark.parametrize(("old", "new", "needle"), STALE_CITATIONS)
def test_a_citation_whose_reading_an_edit_may_change_is_not_reused(
    old: str, new: str, needle: str
) -> None:
    result = check(old)
    view = view_of(old, new, result)
    at = old.index(needle) + 1
    there = [c for c in result.citations if c.start <= at < c.end]
    assert there and {c.id for c in there} != _ids_at(new, needle)  # read otherwise now
    for c in there:
        # its own text (and a character either side) is untouched: the old rule moved it
        assert _untouched(old, new, c.start, c.end)
        assert view.citation(c) is None


# (old text, new text, a spot in the finding, its code): the finding and its fix are gone
STALE_FINDINGS = [
    pytest.param(
        "Committee on the Elimination of Discrimination against Women, general comment "
        "No. 19 (1992), para. 7.\n",
        "Human Rights Committee, general comment No. 19 (1992), para. 7.\n",
        "comment No. 19",
        "GC103",
        id="the committee of a general comment changed",
    ),
    pytest.param(
        "General Assembly resolutions 29/3314 and 30/3379 apply.\n",
        "Human Rights Council resolutions 29/3314 and 30/3379 apply.\n",
        "30/3379",
        "UN205",
        id="the body of a resolution list changed",
    ),
]


@pytest.mark.parametrize(("old", "new", "needle", "code"), STALE_FINDINGS)
def test_a_finding_whose_reading_an_edit_may_change_is_not_reused(
    old: str, new: str, needle: str, code: str
) -> None:
    result = check(old)
    found = finding_at(result, old, needle, code)
    assert found is not None and found.fix is not None
    assert finding_at(check(new), new, needle, code) is None  # the fresh check has none
    assert _untouched(old, new, found.start, found.end)  # the old rule kept it
    assert view_of(old, new, result).finding(found) is None


HEAD = "Human Rights Council resolutions 5/1 and 5/2 apply. See A/HRC/41/35 and ibid.\n"

# edits that leave what the check read for the citations of HEAD the same: reused in place
KEPT = [
    pytest.param(HEAD + FAR, HEAD + FAR + "More words.", id="typed at the end, past the margin"),
    pytest.param(
        HEAD + FAR + "See A/HRC/40/1.",
        HEAD + FAR + "See A/HRC/40/2.",
        id="a citation edited past the margin",
    ),
    pytest.param(HEAD + FAR + FAR, HEAD + FAR + FAR.replace("hall", "room"), id="prose edited"),
]


@pytest.mark.parametrize(("old", "new"), KEPT)
def test_edits_past_the_margin_keep_what_was_read_before(old: str, new: str) -> None:
    result = check(old)
    fresh = check(new)
    view = view_of(old, new, result)
    kept = [c for c in result.citations if c.end < len(HEAD)]
    assert len(kept) >= 4
    for c in kept:
        placed = view.citation(c)
        assert placed == c  # where it was, as it was
        assert any(f.id == c.id and (f.start, f.end) == (c.start, c.end) for f in fresh.citations)
        assert view.parsed_offset(c.start) == c.start


def test_an_edit_within_the_margin_after_a_citation_drops_it() -> None:
    """Typing just after a citation may change the language read around it, a pinpoint or a
    list it heads: only citations ending `REUSE_MARGIN` before the edit are kept."""
    old = HEAD + FAR + "End."
    near = old.index("apply.") + 3  # just after "5/2"
    new = old[:near] + "Y" + old[near:]
    result = check(old)
    view = view_of(old, new, result)
    assert view.limit == near
    for c in result.citations:
        placed = view.citation(c)
        assert (placed is None) == (c.end + REUSE_MARGIN > near), c


def test_the_limit_is_the_first_edit_through_a_chain() -> None:
    old = HEAD + FAR + "End."
    mid = old.replace("End.", "End. More.")
    new = mid.replace("held in", "held at", 1)  # earlier than the first edit
    changes = (TextChange(old, mid), TextChange(mid, new))
    assert reuse_limit(old, new, changes) == old.index("held in") + len("held ")
    assert reuse_limit(old, old, ()) == len(old)


def test_an_edit_in_the_head_that_changes_nothing_it_reads_keeps_earlier_citations() -> None:
    old = HEAD + FAR + FAR + "End."
    new = old.replace("large hall", "small hall", 1)
    assert new.index("small hall") < HEAD_REACH
    assert reuse_limit(old, new, (TextChange(old, new),)) == old.index("large hall")


def test_whole_text_readings_are_compared_over_every_change_of_a_chain() -> None:
    """Typing far down, then naming a committee three times further on: the second change
    changes whose general comment "its general comment No. 14" is, through the chain."""
    old = "Its general comment No. 14 applies.\n" + FAR + "End.\n"
    mid = old + "More words.\n"
    new = mid + "The Committee on the Rights of the Child met. " * 3
    chain = (TextChange(old, mid), TextChange(mid, new))
    assert reuse_limit(old, new, chain) == 0
    assert reuse_limit(old, mid, chain[:1]) == len(old)
    # a chain that does not lead to the new text's length: the stretch runs to the end
    assert reuse_limit(old, new, chain[:1]) == 0


@pytest.mark.parametrize(
    ("before", "after", "elsewhere", "changed"),
    [
        ("The hall.", "The hall, ibid.", (), True),  # the short-form family may wake up
        ("The hall.", "The hall, ibid.", ("Ibid.",), False),  # it runs anyway
        ("The hall, ibid.", "The hall.", (), True),  # its last trigger may go
        ("The hall, ibid.", "The hall.", ("ibid., para. 3",), False),  # one is left
        ("The hall.", "The large hall.", (), False),  # no trigger typed
        ("The hall.", "See A/HRC/20/1.", ("A/HRC/41/35",), False),  # "/" was there
    ],
)
def test_a_family_woken_or_put_to_sleep_changes_the_whole_text(
    before: str, after: str, elsewhere: tuple[str, ...], changed: bool
) -> None:
    from citecheck.lsp.reuse import _families_woken_or_put_to_sleep

    assert _families_woken_or_put_to_sleep(before, after, elsewhere) is changed


def test_a_stretch_longer_than_the_bound_reuses_nothing() -> None:
    """Two edits far apart (a paste at the top, typing at the bottom), a lost log or a
    replace-all make the compared stretch long: nothing is reused rather than reading it on
    every request."""
    old = "See A/HRC/41/35.\n" + FAR + FILL * (MAX_STRETCH // len(FILL) + 1) + "End.\n"
    first_edit = len("See A/HRC/41/35.\n") + len(FAR) + 10
    mid = old[:first_edit] + "x" + old[first_edit:]
    far_apart = mid.replace("End.", "End. More.")
    near = mid[: first_edit + 100] + "y" + mid[first_edit + 100 :]  # typing on near it
    assert reuse_limit(old, far_apart, (TextChange(old, mid), TextChange(mid, far_apart))) == 0
    assert reuse_limit(old, far_apart, (TextChange(old, far_apart),)) == 0
    assert reuse_limit(old, near, (TextChange(old, mid), TextChange(mid, near))) == first_edit


def test_the_limit_is_computed_once_per_checked_and_current_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = "See A/HRC/41/35.\n" + FAR + "End.\n"
    new = old + "More.\n"
    result = check(old)
    calls: list[str] = []

    def counting(*args: object) -> int:
        calls.append(new)
        return reuse_limit(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(reuse, "reuse_limit", counting)
    changes = (TextChange(old, new),)
    first = cached_reuse_limit(old, new, changes, result.citations)
    assert first == len(old)
    assert cached_reuse_limit(old, new, changes, result.citations) == first
    assert len(calls) == 1
    assert cached_reuse_limit(old, new + "x", (TextChange(old, new + "x"),), result.citations)
    assert len(calls) == 2  # another current text: computed again
    check_of_other_config = check(old)
    cached_reuse_limit(old, new, changes, check_of_other_config.citations)
    assert len(calls) == 3  # another check of the same text: its own citations


def test_a_view_computes_the_limit_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A request answered without the parse (code actions while the text changed) never
    pays for the limit."""
    old = "See A/HRC/41/35.\n" + FAR
    asked: list[int] = []

    def counting(*args: object) -> int:
        asked.append(1)
        return 0

    monkeypatch.setattr(server, "cached_reuse_limit", counting)
    view = view_of(old, old + "More.\n")
    assert view.changes and not asked
    assert view.citation(view.result.citations[0]) is None
    view.citation(view.result.citations[0])
    assert asked == [1]  # once per view
