"""``citecheck.check``: the command line's ``check`` for one text, from Python.

It goes through the same batch machinery as ``citecheck check`` (selection, inline
suppressions, one resolution per distinct id), so the library and the command line agree.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from citecheck.batch import ResolverFn, check_sources
from citecheck.config import Config, describe_unknown_codes, split_codes, unknown_codes
from citecheck.pipeline import CheckResult, require_text, select_families
from citecheck.readers import SourceText


def _codes(option: str, value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = split_codes([value] if isinstance(value, str) else value)
    bad = unknown_codes(codes)
    if bad:
        raise ValueError(f"{option}: {describe_unknown_codes(bad)}")
    return codes


def check(
    text: str,
    *,
    resolve: bool = False,
    offline: bool = False,
    config: Config | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    resolver: ResolverFn | None = None,
    families: Iterable[str] | None = None,
    index: str | os.PathLike[str] | None = None,
) -> CheckResult:
    """Find the citations in ``text`` and report what is wrong with them.

    - ``resolve``: also ask the sources (UN Digital Library, EUR-Lex Cellar) whether each
      cited document exists; adds ``resolutions`` and the findings RS101 (not found) and
      RS102 (unverified). Each distinct id is asked once; answers are cached.
    - ``offline``: with ``resolve``, answer from the local index and the cache only and make
      no request (also when ``config`` says ``offline = true``, as on the command line).
    - ``index``: the local index file to ask first (default: ``CITECHECK_INDEX`` or the user
      data directory; see ``citecheck index``).
    - ``families``: only these citation families (``{"eu_acts", "cjeu"}``); an unknown name
      raises ValueError naming it.
    - ``config``: settings as in ``citecheck.toml`` (``citecheck.config.load_config``);
      by default none is searched for.
    - ``select`` / ``ignore``: rule codes or prefixes (``"UN1"``, ``["EU102", "SF"]``);
      an unknown one raises ValueError naming it.
    - ``resolver``: a function from a list of ids to their answers
      (``{"un:A/HRC/41/35": {"status": "resolved", "title": ...}}``), used instead of the
      sources (for tests, or a source of your own); implies ``resolve``.
    """
    require_text(text, "check")
    chosen = None if families is None else tuple(f.name for f in select_families(families))
    cfg = config if config is not None else Config()
    chosen_select, chosen_ignore = _codes("select", select), _codes("ignore", ignore)
    cfg = attrs.evolve(
        cfg,
        select=cfg.select if chosen_select is None else chosen_select,
        ignore=cfg.ignore if chosen_ignore is None else chosen_ignore,
    )
    close: Callable[[], None] = _nothing
    if resolver is not None:
        resolver = _answers_checked(resolver)
    elif resolve:
        resolver, close = _source_resolver(cfg, offline=offline or cfg.offline, index=index)
    try:
        batch = check_sources(
            [SourceText("<stdin>", text)], cfg, resolver=resolver, families=chosen
        )
    finally:
        close()
    if batch.errors:
        raise RuntimeError(f"citecheck could not check this text: {batch.errors[0].reason}")
    (report,) = batch.reports
    return CheckResult(report.citations, report.findings, _plain(report.resolutions))


def _answers_checked(resolver: ResolverFn) -> ResolverFn:
    """``resolver`` whose answers are checked: a reply that is not a mapping fails like a
    resolver that raises (every id unverified, with the reason), and an answer that is not a
    mapping or has a status that does not exist is ``unverified`` saying so, never a crash or
    a silent guess."""
    from citecheck.resolve.model import Resolution, Status

    statuses = {s.value for s in Status}

    def checked(ids: Sequence[str]) -> Mapping[str, Any]:
        answers = resolver(ids)
        if not isinstance(answers, Mapping):
            raise TypeError(
                f"the resolver returned {type(answers).__name__}, not a mapping of id -> answer"
            )
        out: dict[str, Any] = {}
        for ident, answer in answers.items():
            if isinstance(answer, Resolution):
                out[ident] = answer
                continue
            status = answer.get("status", "unverified") if isinstance(answer, Mapping) else None
            if isinstance(status, Status):
                status = status.value
            if not isinstance(answer, Mapping):
                reason = f"the resolver answered {type(answer).__name__} {answer!r}, not a mapping"
            elif status not in statuses:
                reason = f"the resolver gave the status {status!r}, which is none of " + ", ".join(
                    sorted(statuses)
                )
            else:
                out[ident] = answer
                continue
            out[ident] = {"status": "unverified", "reason": reason}
        return out

    return checked


def _nothing() -> None:
    return None


def _source_resolver(
    config: Config, *, offline: bool, index: str | os.PathLike[str] | None
) -> tuple[ResolverFn | None, Callable[[], None]]:
    """The command line's resolver (environment, config, index, cache), built the same way."""
    from citecheck.cli import network_resolver

    return network_resolver(
        config,
        refresh=False,
        cache_dir=None,
        timeout=None,
        offline=offline,
        index_path=None if index is None else Path(index),
    )


def _plain(resolutions: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {ident: dict(res) for ident, res in resolutions.items()}


__all__: Sequence[str] = ["check"]
