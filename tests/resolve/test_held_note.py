"""The "did you mean" note on a series says what the index holds, never more: the highest
number is named as the end of an unbroken range only when every number below it is held."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.index.db import HarvestState, IndexDB, UnRecord
from citecheck.resolve import suggest
from citecheck.resolve.settings import Settings
from citecheck.resolve.sources.index import IndexSource


def _held(stem: str, session: int | None, numbers: list[int]) -> list[tuple[str, int]]:
    head = f"{stem}/{session}" if session is not None else stem
    return [(f"{head}/{n}", n) for n in sorted(numbers)]


@pytest.mark.parametrize(
    ("stem", "session", "numbers", "note"),
    [
        ("A/HRC/RES", 17, list(range(1, 26)), "A/HRC session 17 adopted resolutions 17/1 to 17/25"),
        (
            "A/HRC/RES",
            17,
            [1, 2, 3, 5, *range(7, 51)],
            "the index holds A/HRC session 17 resolutions 17/1 to 17/3, 17/5 and 17/7 to 17/50",
        ),
        # negative rows: no "adopted ... 17/1" when 17/1 and 17/2 are not held
        (
            "A/HRC/RES",
            17,
            list(range(3, 26)),
            "the index holds A/HRC session 17 resolutions 17/3 to 17/25",
        ),
        ("A/HRC/RES", 17, [4], "the index holds A/HRC session 17 resolutions 17/4"),
        ("A/HRC/RES", 17, [1, 50], "the index holds A/HRC session 17 resolutions 17/1 and 17/50"),
        (
            "A/HRC/RES",
            17,
            [1, 3, 5, 7, 9, 11],
            "the index holds 6 A/HRC session 17 resolutions between 17/1 and 17/11, with gaps",
        ),
        (
            "A/HRC",
            17,
            list(range(1, 40)),
            "the index holds A/HRC/17/1 to A/HRC/17/39 for session 17",
        ),
        (
            "A/HRC",
            17,
            [1, 2, 39],
            "the index holds 3 numbers between A/HRC/17/1 and A/HRC/17/39 for session 17, "
            "with gaps",
        ),
        ("CCPR/C/GC", None, [31, 32, 33, 34], "the index holds CCPR/C/GC/31 to CCPR/C/GC/34"),
        (
            "CCPR/C/GC",
            None,
            [31, 34],
            "the index holds 2 numbers between CCPR/C/GC/31 and CCPR/C/GC/34, with gaps",
        ),
    ],
)
def test_the_note_names_only_what_is_held(
    stem: str, session: int | None, numbers: list[int], note: str
) -> None:
    assert suggest.held_note(stem, session, _held(stem, session, numbers), complete=True) == note


def test_section_letters_of_one_number_are_one_number() -> None:
    held = [("A/RES/59/284A", 284), ("A/RES/59/284B", 284), ("A/RES/59/285", 285)]
    assert suggest.held_note("A/RES", 59, held, complete=True) == (
        "the index holds A session 59 resolutions 59/284 to 59/285"
    )


def _note(tmp_path: Path, numbers: list[int], complete: bool | None, ident: str) -> str | None:
    """The note from an index holding these HRC session 17 resolutions; `complete` None: the
    index has no UN harvest row."""
    with IndexDB(tmp_path / "index.sqlite3", write=True) as db:
        with db.transaction():
            db.put_un_records(
                UnRecord(recid=n, symbols=((f"A/HRC/RES/17/{n}", "own"),)) for n in numbers
            )
            if complete is not None:
                state = HarvestState("undl", "2026-11-01", complete, "1946-01-01", None, 0, None)
                db.set_harvest(state)
        _, note = suggest.from_index(IndexSource(db, Settings()), ident)
    return note


def test_a_not_found_resolution_in_a_session_with_gaps(tmp_path: Path) -> None:
    note = _note(tmp_path, [1, 2, 50], True, "un:A/HRC/RES/17/30")
    assert note == "the index holds A/HRC session 17 resolutions 17/1 to 17/2 and 17/50"


@pytest.mark.parametrize(
    ("complete", "note"),
    [
        (True, "A/HRC session 17 adopted resolutions 17/1 to 17/25"),
        (
            False,
            "the index holds A/HRC session 17 resolutions 17/1 to 17/25 "
            "(its UN harvest is partial: others may exist)",
        ),
        (
            None,
            "the index holds A/HRC session 17 resolutions 17/1 to 17/25 "
            "(its UN harvest is partial: others may exist)",
        ),
    ],
)
def test_adopted_only_from_a_complete_harvest(
    tmp_path: Path, complete: bool | None, note: str
) -> None:
    assert _note(tmp_path, list(range(1, 26)), complete, "un:A/HRC/RES/17/30") == note


@pytest.mark.parametrize(
    ("numbers", "note"),
    [
        (
            list(range(1, 26)),
            "the index holds A/HRC session 17 resolutions 17/1 to 17/25 "
            "(its UN harvest is partial: others may exist)",
        ),
        (
            [4],
            "the index holds A/HRC session 17 resolutions 17/4 "
            "(its UN harvest is partial: others may exist)",
        ),
    ],
)
def test_a_partial_harvest_claims_no_adopted_range(numbers: list[int], note: str) -> None:
    held = _held("A/HRC/RES", 17, numbers)
    assert suggest.held_note("A/HRC/RES", 17, held, complete=False) == note
