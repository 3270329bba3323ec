"""The CJEU and instrument families over real judgments (/work/shared/corpus), with agreement
figures against the corpus metadata. Skips when the corpus is not there."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from citecheck.families.cjeu import CjeuParts
from citecheck.pipeline import check

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
JUDGMENTS = CORPUS / "eu_cjeu_judgments_2017_2018" / "txt"
GDPR = CORPUS / "eu_cjeu_gdpr_judgments"

# Metadata lines of the listing pages: "#Case C-334/16.2017-12-20celex:...,ecli:ECLI:EU:C:2017:1007"
_LISTING = re.compile(
    r"#(?:Joined )?Cases? (C-\d+/\d\d(?: PPU| P)?)[^#]{0,80}?\.\d{4}-\d\d-\d\d"
    r"celex:[0-9A-Z_]+,ecli:ECLI:(EU:C:\d{4}:\d+)"
)
_CASE_NO = re.compile(r"([CT])-(\d+)/(\d\d)")


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"corpus folder {path} not available")


def _ids(text: str) -> tuple[set[str], list[tuple[set[str], str]], collections.Counter[str]]:
    """Case/ECLI ids found, (cases, ecli) groups, and a count per kind."""
    result = check(text)  # runs every family and the offline checks: fails on any exception
    ids: set[str] = set()
    groups: list[tuple[set[str], str]] = []
    kinds: collections.Counter[str] = collections.Counter()
    seen_groups: set[tuple[int, int]] = set()
    for cit in result.citations:
        assert text[cit.start : cit.end] == cit.text
        if cit.family in ("cjeu", "instruments"):
            kinds[cit.kind.value] += 1
            ids.add(cit.id)
        parts = cit.parts
        if (
            isinstance(parts, CjeuParts)
            and parts.ecli is not None
            and parts.cases
            and (cit.start, cit.end) not in seen_groups
        ):
            seen_groups.add((cit.start, cit.end))
            groups.append(({f"case:{c.canonical}" for c in parts.cases}, parts.ecli.canonical))
    return ids, groups, kinds


def test_judgments_2017_2018() -> None:
    _need(JUDGMENTS)
    ecli_to_case: dict[str, str] = {}
    for listing in sorted(JUDGMENTS.glob("CaseLawCJEU*.txt")):
        for m in _LISTING.finditer(listing.read_text(encoding="utf-8")):
            ecli_to_case[m.group(2)] = f"case:{m.group(1)}"
    kinds: collections.Counter[str] = collections.Counter()
    own_total = own_found = 0
    pair_total = pair_agree = 0
    files = sorted(JUDGMENTS.glob("ECLI_*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        ids, groups, counts = _ids(text)
        kinds.update(counts)
        own_ecli = path.stem.removeprefix("ECLI_").replace("_", ":")
        if own_ecli in ecli_to_case:
            own_total += 1
            own_found += ecli_to_case[own_ecli] in ids
        for cases, ecli in groups:
            if ecli in ecli_to_case:
                pair_total += 1
                pair_agree += ecli_to_case[ecli] in cases
    print(f"\n2017-2018 judgments: {len(files)} files, citations per kind {dict(kinds)}")
    print(f"own case number found: {own_found}/{own_total}")
    print(f"case+ECLI pairs agreeing with the listing metadata: {pair_agree}/{pair_total}")
    assert len(files) > 500
    assert kinds["cjeu_case"] > 10000 and kinds["ecli"] > 5000
    assert own_total > 500 and own_found / own_total >= 0.99
    assert pair_total > 500 and pair_agree / pair_total >= 0.99


def _case_ids(number: str) -> set[str]:
    """'Joined Cases C-313/23, C-316/23 and C-332/23' -> the three case ids."""
    return {f"case:{c}-{n}/{y}" for c, n, y in _CASE_NO.findall(number)}


def test_gdpr_judgments_against_metadata() -> None:
    _need(GDPR)
    meta = json.loads((GDPR / "cases_metadata.json").read_text(encoding="utf-8"))
    by_file: dict[str, set[str]] = {}
    for case in meta["cases"]:
        first = _CASE_NO.search(case["caseNumber"])
        if first:
            by_file[f"{first.group(1)}-{first.group(2)}-{first.group(3)}.md"] = _case_ids(
                case["caseNumber"]
            )
    kinds: collections.Counter[str] = collections.Counter()
    own_total = own_found = 0
    found_by_case: dict[str, set[str]] = {}
    for path in sorted((GDPR / "decisions").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        ids, _groups, counts = _ids(text)
        kinds.update(counts)
        found_by_case["/".join(path.stem.rsplit("-", 1))] = ids  # C-129-21 -> C-129/21
        for own in by_file.get(path.name, set()):
            own_total += 1
            own_found += own in ids
    # Coded case-to-case citations between the decisions of the collection.
    edges_total = edges_found = 0
    edges = (GDPR / "ground_truth" / "internal_citation_edges.csv").read_text(encoding="utf-8")
    for line in edges.splitlines()[1:]:
        citing, cited = line.split(",")[:2]
        if citing in found_by_case:
            edges_total += 1
            edges_found += f"case:{cited}" in found_by_case[citing]
    print(f"\nGDPR judgments: citations per kind {dict(kinds)}")
    print(f"own case numbers found: {own_found}/{own_total}")
    print(f"coded case-to-case citations found: {edges_found}/{edges_total}")
    assert own_total >= 60 and own_found / own_total >= 0.97
    assert edges_total >= 150 and edges_found / edges_total >= 0.98
    assert kinds["instrument"] > 100  # the Charter, the TFEU, the GDPR's recitals aside
