"""``citecheck.check(text, resolve=True)`` asks the real sources' protocols (a loopback fake)
through the same resolver as the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakeserver import FakeData, FakeServer

import citecheck


def test_resolve_true_asks_the_sources_once_per_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = FakeData()
    data.add_un("A/HRC/41/35", title="Report of the Special Rapporteur")
    with FakeServer(data).running() as fake:
        env = fake.env(tmp_path / "cache")
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        result = citecheck.check("A/HRC/41/35, para. 66. Ibid., para. 2.", resolve=True)
        assert [result.status(c) for c in result.citations] == ["resolved", "resolved"]
        title = result.resolutions["un:A/HRC/41/35"]["title"]
        assert title == "Report of the Special Rapporteur"
        assert result.summary.by_status == {"resolved": 2}
        asked = len(fake.log)
        assert asked >= 1
        # answered from the cache the second time, even offline
        again = citecheck.check("A/HRC/41/35", resolve=True, offline=True)
        assert [again.status(c) for c in again.citations] == ["resolved"]
        assert len(fake.log) == asked
