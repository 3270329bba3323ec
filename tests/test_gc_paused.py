"""The cyclic garbage collector is paused while a text is scanned (a flood of short forms
otherwise spends a large share of its time in full collections), and always switched back
on: after an exception, and between the windows a stream hands to its caller."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import citecheck
from citecheck import pipeline, stream
from citecheck.stream import check_stream, extract_stream

TEXT = "See A/HRC/41/35, para. 3.\n" + "Ibid., para. 4.\n" * 20

ENTRY_POINTS: list[tuple[str, Any, Callable[[str], object]]] = [
    ("extract", pipeline, citecheck.extract),
    ("check", pipeline, citecheck.check),
    ("parse", pipeline, citecheck.parse),
    ("extract_stream", stream, lambda t: list(extract_stream(io.StringIO(t)))),
    ("check_stream", stream, lambda t: list(check_stream(io.StringIO(t)))),
]


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def _recording_scan(module: Any, monkeypatch: pytest.MonkeyPatch, fail: bool) -> list[bool]:
    seen: list[bool] = []
    real = module.scan

    def scan(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("family bug")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "scan", scan)
    return seen


@pytest.mark.parametrize(("name", "module", "run"), ENTRY_POINTS, ids=[e[0] for e in ENTRY_POINTS])
def test_paused_during_the_scan_and_on_after(
    monkeypatch: pytest.MonkeyPatch, name: str, module: Any, run: Callable[[str], object]
) -> None:
    gc.enable()
    seen = _recording_scan(module, monkeypatch, fail=False)
    run(TEXT)
    assert seen and not any(seen)
    assert gc.isenabled()


@pytest.mark.parametrize(("name", "module", "run"), ENTRY_POINTS, ids=[e[0] for e in ENTRY_POINTS])
def test_on_again_after_an_exception(
    monkeypatch: pytest.MonkeyPatch, name: str, module: Any, run: Callable[[str], object]
) -> None:
    gc.enable()
    seen = _recording_scan(module, monkeypatch, fail=True)
    with pytest.raises(RuntimeError, match="family bug"):
        run(TEXT)
    assert seen == [False]
    assert gc.isenabled()


def test_a_callers_choice_to_disable_it_is_kept() -> None:
    gc.disable()
    citecheck.extract(TEXT)
    citecheck.check(TEXT)
    assert not gc.isenabled()


def test_on_between_the_windows_of_a_stream() -> None:
    gc.enable()
    text = "".join(f"Paragraph {i}: see A/HRC/{i}/35 and Ibid.\n" for i in range(1, 400))
    states = [gc.isenabled() for _ in extract_stream(io.StringIO(text), window=4096, overlap=256)]
    assert len(states) > 400 and all(states)
