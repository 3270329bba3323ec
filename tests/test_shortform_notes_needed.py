"""The short-form stage builds its note index only for the short forms that read it.

Why: the note index (every numbered line after a "Notes" heading, every bracketed or marked
note) costs a pass over the text, and only ``Ibid.``/``Id.``/``op. cit.``/``supra`` look at it.
These tests check that skipping it changes nothing: results with the index forced equal the
results without it, and every device the short-form grammar can yield (but "cited above")
asks for the index.
"""

from __future__ import annotations

import pytest

import citecheck
from citecheck import shortforms
from citecheck.families import shortforms as shortform_family
from citecheck.families.shortforms import ShortFormParts
from citecheck.model import Citation, Kind

#: Texts with notes but no short form that reads them: same results, no index built.
WITHOUT_NOTE_SHORT_FORMS = [
    "Report\n\nNotes\n1 A/HRC/41/35, para. 2.\n2 Directive 2000/78/EC.\n"
    "3 That Directive, art. 2.\n",
    "Text.[1]\n\n[1] Regulation (EU) 2016/679 ('the GDPR').\n[2] The GDPR, art. 5.\n",
    "<sup>1</sup> CCPR/C/GC/34, para. 4.\n\n<sup>2</sup> General comment No. 34.\n",
    "[^1]: Council Decision 2010/48/EC.\n[^2]: That Decision, art. 1.\n",
    "Notes\n12 l'observation générale no 34 du Comité (CCPR/C/GC/34) précitée, par. 5.\n",
    "Notes\n1 Article 17 of the International Covenant on Civil and Political Rights.\n"
    "2 Article 19 of the Covenant.\n",
    "No notes at all: A/HRC/41/35 and resolution 43/4.\n",
]

#: Texts whose short forms read the notes: the index is built and decides the antecedent.
WITH_NOTE_SHORT_FORMS = [
    ("Notes\n1 A/HRC/41/35, para. 2.\n2 Ibid., para. 5.\n", "un:A/HRC/41/35"),
    ("[^1]: A/HRC/38/35.\n[^2]: A/HRC/41/35.\n[^3]: See supra note 1.\n", "un:A/HRC/38/35"),
    ("<sup>1</sup> A/HRC/41/35, para. 2.\n\n<sup>2</sup> Id., para. 7.\n", "un:A/HRC/41/35"),
    ("Notes\n1 A/HRC/41/35.\n2 Kaye, op. cit., p. 3.\n", "un:A/HRC/41/35"),
]


def _results(text: str) -> list[tuple[object, ...]]:
    return [
        (c.id, c.start, c.end, str(c.pinpoint), c.antecedent, c.ambiguous, c.notes)
        for c in citecheck.extract(text)
    ] + [(f.code, f.start, f.end, f.message) for f in citecheck.check(text).findings]


def _index_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    build = shortforms._footnote_index

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shortforms, "_footnote_index", counted)
    return calls


@pytest.mark.parametrize("text", WITHOUT_NOTE_SHORT_FORMS)
def test_no_note_index_without_short_forms_and_same_results(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as forced:
        forced.setattr(shortforms, "_repeats_notes", lambda citations: True)
        with_index = _results(text)
    calls = _index_calls(monkeypatch)
    assert _results(text) == with_index
    assert calls == []


@pytest.mark.parametrize(("text", "repeated"), WITH_NOTE_SHORT_FORMS)
def test_note_index_built_for_short_forms_that_read_notes(
    text: str, repeated: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _index_calls(monkeypatch)
    short = [c for c in citecheck.extract(text) if isinstance(c.parts, ShortFormParts)]
    assert calls
    assert [c.id for c in short] == [repeated]


def _placeholder(device: str) -> Citation:
    return Citation(
        id="",
        kind=Kind.SHORT_FORM,
        text="x",
        start=0,
        end=1,
        parts=ShortFormParts(device),
        short_form=True,
        family="shortforms",
    )


#: Every device the short-form grammar names (its named groups; ``note`` is supra's number,
#: ``own`` a language's own words for one of the devices: German "ebd." is "ibid").
DEVICES = sorted(set(shortform_family._SHORT.groupindex) - {"note", "own"})


def test_the_grammar_names_the_devices_this_module_expects() -> None:
    assert DEVICES == ["cited", "ibid", "id", "loccit", "opcit", "supra"]


@pytest.mark.parametrize("device", DEVICES)
def test_every_device_but_cited_above_reads_the_notes(device: str) -> None:
    assert shortforms._repeats_notes([_placeholder(device)]) is (device != "cited")


def test_citations_that_are_not_short_forms_do_not_read_the_notes() -> None:
    assert not shortforms._repeats_notes(citecheck.extract("A/HRC/41/35; Directive 2000/78/EC"))
