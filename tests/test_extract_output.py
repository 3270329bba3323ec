"""`citecheck extract` writes as it goes: files read one at a time, large texts in windows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import report
from citecheck.cli import main
from citecheck.pipeline import extract

PAGE = (
    "See A/HRC/41/35, para. 66 and Human Rights Council resolutions 43/4 and 44/15. "
    "Ibid., para. 3. Regulation (EU) 2016/679, art. 6(1)(b); Case C-293/12. "
)


def _jsonl(args: list[str]) -> list[dict[str, object]]:
    res = CliRunner().invoke(main, ["extract", "--format", "jsonl", *args])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines()]


def test_a_text_above_the_threshold_is_extracted_in_windows_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PAGE * 3000  # one long line, ~450 K code points
    f = tmp_path / "one-line.txt"
    f.write_text(text, encoding="utf-8")
    whole = extract(text)
    seen: list[bool] = []
    real = report.extract_stream

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        seen.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "STREAM_THRESHOLD", 100_000)
    monkeypatch.setattr(report, "extract_stream", spy)
    rows = _jsonl([str(f)])
    assert seen, "the long text was not streamed"
    assert [(r["id"], r["start"], r["end"], r["pinpoint"]) for r in rows] == [
        (c.id, c.start, c.end, str(c.pinpoint) if c.pinpoint else None) for c in whole
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)  # type: ignore[misc]


def test_json_output_of_several_files_and_an_unreadable_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("nothing here", encoding="utf-8")
    res = CliRunner().invoke(
        main,
        [
            "extract",
            "--format",
            "json",
            str(tmp_path / "a.txt"),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "b.txt"),
        ],
    )
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert [Path(d["path"]).name for d in data] == ["a.txt", "b.txt"]
    assert [c["id"] for c in data[0]["citations"]] == [c.id for c in extract(PAGE)]
    assert data[1]["citations"] == []
    assert "missing.txt" in res.stderr
