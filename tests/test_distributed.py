"""check_archive on a small local Dask cluster with a fake resolver."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] not installed (extra 'dask')"
)

from citecheck.distributed import check_archive, distinct_ids  # noqa: E402
from citecheck.parallel import check_file  # noqa: E402
from citecheck.resolve.model import Status  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


CALLS: list[list[str]] = []


def fake_resolve(ids: Sequence[str]) -> Mapping[str, dict[str, object]]:
    CALLS.append(list(ids))
    return {
        i: {"id": i, "status": "not_found" if "RES/17/31" in i else "resolved", "title": i}
        for i in ids
    }


def test_archive_extracts_each_doc_and_resolves_each_id_once(
    tmp_path: Path, client: distributed.Client
) -> None:
    texts = [
        "See A/HRC/41/35, para. 66 and CCPR/C/GC/34.",
        "A/HRC/41/35 again; Ibid.",
        "Case C-311/18, paragraph 5.",
        "nothing here",
    ]
    paths = []
    for i, t in enumerate(texts):
        p = tmp_path / f"d{i}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    paths.append(tmp_path / "missing.txt")
    CALLS.clear()
    result = check_archive(paths, client, fake_resolve, batch_size=2)
    assert [f.path for f in result.files] == [str(p) for p in paths]
    assert [f.citations for f in result.files[:4]] == [
        check_file(str(p)).citations for p in paths[:4]
    ]
    assert result.files[4].error == "no such file"
    ids = distinct_ids(result.files)
    assert "un:A/HRC/41/35" in ids
    resolved = [i for batch in CALLS for i in batch]
    assert sorted(resolved) == ids  # every distinct id once, none twice
    assert all(len(b) <= 2 for b in CALLS)
    assert result.resolutions["un:A/HRC/41/35"].status is Status.RESOLVED
    assert result.resolutions["un:A/HRC/41/35"].title == "un:A/HRC/41/35"
    assert result.ids == tuple(ids)


def test_archive_findings_come_from_the_seam(tmp_path: Path, client: distributed.Client) -> None:
    """RS101 as in the CLI; the ambiguous `resolution 43/16` is never asked (policy rule)."""
    p = tmp_path / "a.txt"
    p.write_text("See A/HRC/RES/17/31 and resolution 43/16.", encoding="utf-8")
    CALLS.clear()
    result = check_archive([p], client, fake_resolve)
    assert [i for batch in CALLS for i in batch] == ["un:A/HRC/RES/17/31"]
    [finding] = result.resolution_findings(result.files[0])
    assert finding.code == "RS101" and finding.id == "un:A/HRC/RES/17/31"


def test_archive_offline(tmp_path: Path, client: distributed.Client) -> None:
    p = tmp_path / "a.txt"
    p.write_text("A/HRC/41/35", encoding="utf-8")
    result = check_archive([p], client, None)
    assert result.resolutions == {} and [c.id for c in result.files[0].citations] == [
        "un:A/HRC/41/35"
    ]


def test_a_resolved_symbol_withdraws_un103_and_its_fix(
    tmp_path: Path, client: distributed.Client
) -> None:
    """As in the CLI: the source holds HRC/RES/13/5 as written, so UN103 (and its fix, which
    would cite another document) goes; a symbol not found keeps it."""
    held, missing = tmp_path / "held.txt", tmp_path / "missing.txt"
    held.write_text("See HRC/RES/13/5 here.", encoding="utf-8")
    missing.write_text("See HRC/RES/17/31 here.", encoding="utf-8")
    assert [f.code for f in check_file(str(held)).findings] == ["UN103"]
    result = check_archive([held, missing], client, fake_resolve)
    assert result.resolutions["un:HRC/RES/13/5"].status is Status.RESOLVED
    assert [f.code for f in result.files[0].findings] == []
    assert result.resolution_findings(result.files[0]) == []
    [kept] = result.files[1].findings
    assert kept.code == "UN103" and kept.fix is not None
    assert [f.code for f in result.resolution_findings(result.files[1])] == ["RS101"]
