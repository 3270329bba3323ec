"""The hand-labelled development sets of benchmarks/devset are well formed, and the scoring of
benchmarks/accuracy.py --devset counts what it says.

Offsets and texts are checked against the shared corpus when it is there (skipped otherwise):
a label whose text no longer matches the document would silently score as a miss."""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "benchmarks" / "devset"
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = sorted(DEVSET.glob("*/*/*.jsonl"))

HEADER_KEYS = {"doc", "sha256", "excerpts", "genre", "lang"}
LABEL_KEYS = {"start", "end", "text", "id", "kind", "pinpoint", "short_form"}
LANGS = {"en", "fr", "es", "de"}
SETS = {"dev", "heldout", "fresh"}
INSTRUMENTS = {
    "udhr", "iccpr", "icescr", "cerd", "cedaw", "cat", "crc", "cmw", "crpd", "ced", "echr",
    "cfr", "teu", "tfeu", "ungp", "hrd-declaration", "rome-statute", "un-charter",
}  # fmt: skip
# scheme -> (kinds a label of that scheme may have, pattern of the whole id)
SCHEMES: dict[str, tuple[set[str], re.Pattern[str]]] = {
    "un": ({"un_document", "un_resolution"}, re.compile(r"un:(?:\?/)?[A-Z][A-Za-z0-9./()\-]*")),
    "gc": (
        {"general_comment"},
        re.compile(r"gc:(?:CCPR|CESCR|CRC|CEDAW|CERD|CAT|CRPD|CMW|CED)/\d+"),
    ),
    "spcomm": ({"sp_communication"}, re.compile(r"spcomm:[A-Z]{3} \d+/\d{4}")),
    "celex": ({"eu_act", "celex"}, re.compile(r"celex:[0-9CE]\d{4}[A-Z]{1,2}\d{4}")),
    "eli": ({"eli"}, re.compile(r"eli:\S+")),
    "oj": ({"oj"}, re.compile(r"oj:[LC]/\d{4}/[0-9A-Z]+(?:/p\d+)?")),
    "case": ({"cjeu_case"}, re.compile(r"case:(?:[CTF]-)?\d{1,4}/\d{2}(?: P)?")),
    "ecli": ({"ecli"}, re.compile(r"ecli:[A-Z]{2}:[A-Z0-9.]+:\d{4}:[A-Z0-9.]+")),
    "instrument": ({"instrument"}, re.compile(r"instrument:[a-z\-]+")),
}


def _load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return json.loads(lines[0]), [json.loads(ln) for ln in lines[1:]]


def _ids(path: Path) -> str:
    return str(path.relative_to(DEVSET))


def _files(dset: str, lang: str) -> list[Path]:
    return [p for p in FILES if p.parent.parent.name == dset and p.parent.name == lang]


def test_sets_are_large_enough() -> None:
    """The issues ask for >= 400 English citations from >= 10 documents, split dev/heldout."""
    en = _files("dev", "en") + _files("heldout", "en")
    docs = {_load(p)[0]["doc"] for p in en}
    n_labels = sum(len(_load(p)[1]) for p in en)
    assert len(docs) >= 10
    assert n_labels >= 400
    assert {p.parent.parent.name for p in FILES} == SETS


def test_fresh_set_is_large_enough() -> None:
    """fresh: >= 250 English labels from >= 5 documents, >= 40 labels in French, Spanish, German."""
    en = _files("fresh", "en")
    assert len({_load(p)[0]["doc"] for p in en}) >= 5
    assert sum(len(_load(p)[1]) for p in en) >= 250
    for lang in ("fr", "es", "de"):
        assert sum(len(_load(p)[1]) for p in _files("fresh", lang)) >= 40, lang


def _windows(dset: str) -> dict[str, list[list[int]]]:
    out: dict[str, list[list[int]]] = {}
    for p in FILES:
        if p.parent.parent.name == dset:
            header = _load(p)[0]
            out.setdefault(header["doc"], []).extend(header["excerpts"])
    return out


def test_fresh_excerpts_are_text_the_other_sets_do_not_cover() -> None:
    """fresh measures text nobody tuned to: no fresh excerpt overlaps a dev or heldout excerpt,
    and every English fresh document is one that dev and heldout do not use at all."""
    fresh = _windows("fresh")
    seen = _windows("dev")
    for doc, spans in _windows("heldout").items():
        seen.setdefault(doc, []).extend(spans)
    for doc, spans in fresh.items():
        for a, b in spans:
            assert not any(a < d and c < b for c, d in seen.get(doc, [])), (doc, a, b)
    en_fresh = {_load(p)[0]["doc"] for p in _files("fresh", "en")}
    en_seen = {_load(p)[0]["doc"] for s in ("dev", "heldout") for p in _files(s, "en")}
    assert not en_fresh & en_seen


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_label_file_format(path: Path) -> None:
    header, labels = _load(path)
    assert set(header) == HEADER_KEYS
    assert path.parent.parent.name in SETS
    assert header["lang"] == path.parent.name and header["lang"] in LANGS
    assert re.fullmatch(r"[0-9a-f]{64}", header["sha256"])
    assert header["genre"].strip()
    excerpts = header["excerpts"]
    assert excerpts and all(isinstance(a, int) and isinstance(b, int) for a, b in excerpts)
    assert all(0 <= a < b for a, b in excerpts)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(excerpts)), "sorted, disjoint"
    assert labels, "a label file without labels measures nothing"
    for lab in labels:
        assert set(lab) == LABEL_KEYS, lab
        assert isinstance(lab["start"], int) and isinstance(lab["end"], int)
        assert lab["start"] < lab["end"] and len(lab["text"]) == lab["end"] - lab["start"]
        assert any(a <= lab["start"] and lab["end"] <= b for a, b in excerpts), lab
        assert isinstance(lab["short_form"], bool)
        assert lab["pinpoint"] is None or (
            isinstance(lab["pinpoint"], str) and lab["pinpoint"] == lab["pinpoint"].strip() != ""
        ), lab
        scheme = lab["id"].split(":", 1)[0]
        assert scheme in SCHEMES, lab
        kinds, pattern = SCHEMES[scheme]
        assert lab["kind"] in kinds, lab
        assert pattern.fullmatch(lab["id"]), lab
        if scheme == "instrument":
            assert lab["id"].split(":", 1)[1] in INSTRUMENTS, lab
    starts = [lab["start"] for lab in labels]
    assert starts == sorted(starts), "labels in document order"


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_labels_match_the_corpus(path: Path) -> None:
    header, labels = _load(path)
    doc = CORPUS / header["doc"]
    if not doc.is_file():
        pytest.skip(f"{header['doc']} not available under {CORPUS} (shared checkout only)")
    if hashlib.sha256(doc.read_bytes()).hexdigest() != header["sha256"]:
        pytest.skip(f"{header['doc']} differs from the labelled version (sha256)")
    with doc.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert all(b <= len(text) for _, b in header["excerpts"])
    for lab in labels:
        assert text[lab["start"] : lab["end"]] == lab["text"], lab


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cit(start: int, end: int, id_: str, kind: str, pin: str | None = None) -> dict[str, Any]:
    return {"start": start, "end": end, "id": id_, "kind": kind, "pinpoint": pin}


def test_scoring_counts_matches_misses_and_pinpoints() -> None:
    acc = _accuracy()
    text = "See A/HRC/41/35, para. 66 and Directive 95/46/EC. Outside: A/HRC/1/1."
    labels = [
        _cit(4, 15, "un:A/HRC/41/35", "un_document", "para. 66"),
        _cit(30, 49, "celex:31995L0046", "eu_act"),
    ]
    preds = [
        _cit(4, 25, "un:A/HRC/41/35", "un_document", "para.  66"),  # right, spaces differ
        _cit(40, 49, "celex:31995L0064", "eu_act"),  # wrong id over a label
        _cit(60, 70, "un:A/HRC/1/1", "un_document"),  # outside the excerpt: ignored
    ]
    t = acc.DevTally()
    acc.score_document(text, labels, [[0, 50]], preds, ("dev", "en"), "doc.txt", t)
    rows = {(r["set"], r["lang"], r["kind"]): r for r in t.table()}
    un = rows[("dev", "en", "un_document")]
    assert (un["labels"], un["found"], un["preds"], un["correct"]) == (1, 1, 1, 1)
    assert (un["pin_n"], un["pin_ok"]) == (1, 1)
    eu = rows[("dev", "en", "eu_act")]
    assert (eu["labels"], eu["found"], eu["preds"], eu["correct"]) == (1, 0, 1, 0)
    total = rows[("dev", "ALL", "ALL")]
    assert total["recall"] == 0.5 and total["precision"] == 0.5
    assert [m["id"] for m in t.misses] == ["celex:31995L0046"]
    assert t.misses[0]["got"] == ["celex:31995L0064"]
    assert [f["labelled"] for f in t.false] == [["celex:31995L0046"]]


def test_scoring_short_form_counts_under_its_antecedents_kind() -> None:
    acc = _accuracy()
    text = "Ibid., para. 5."
    labels = [{**_cit(0, 5, "un:A/HRC/41/35", "un_document", "para. 5"), "short_form": True}]
    preds = [_cit(0, 14, "un:A/HRC/41/35", "short_form", "para. 6")]
    t = acc.DevTally()
    acc.score_document(text, labels, [[0, 15]], preds, ("heldout", "en"), "d", t)
    row = {(r["set"], r["kind"]): r for r in t.table()}[("heldout", "un_document")]
    assert (row["found"], row["correct"], row["pin_n"], row["pin_ok"]) == (1, 1, 1, 0)
    assert t.pin_wrong[0]["want"] == "para. 5" and t.pin_wrong[0]["got"] == "para. 6"


def test_fresh_examples_are_hidden_but_counted() -> None:
    """Misses of the fresh set are counted in the figures, and hide_examples drops only them."""
    acc = _accuracy()
    text = "See A/HRC/41/35 and A/HRC/1/1."
    labels = [_cit(4, 15, "un:A/HRC/41/35", "un_document")]
    preds = [_cit(20, 30, "un:A/HRC/1/1", "un_document")]
    t = acc.DevTally()
    acc.score_document(text, labels, [[0, 31]], preds, ("fresh", "en"), "f.txt", t)
    acc.score_document(text, labels, [[0, 31]], preds, ("dev", "en"), "d.txt", t)
    assert acc.hide_examples(t, acc.UNSEEN_SETS) == 2
    assert [m["doc"] for m in t.misses] == ["d.txt"] and [f["doc"] for f in t.false] == ["d.txt"]
    row = {(r["set"], r["kind"]): r for r in t.table()}[("fresh", "un_document")]
    assert (row["labels"], row["found"], row["preds"], row["correct"]) == (1, 0, 1, 0)
