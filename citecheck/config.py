"""Project configuration: ``citecheck.toml`` or ``[tool.citecheck]`` in ``pyproject.toml``.

Found by walking up from the checked files (or the working directory); the nearest directory
with a ``citecheck.toml``, or a ``pyproject.toml`` that has a ``[tool.citecheck]`` table, wins.
Keys (all optional)::

    select = ["UN", "EU1"]            # code prefixes to report (ruff style)
    ignore = ["SP104"]                # code prefixes not to report
    fail-on = "warning"               # info | warning | error
    offline = false                   # default of --offline
    undl-url = "https://digitallibrary.un.org"   # also ods-url, cellar-url, sparql-url
    cache-dir = ".citecheck-cache"    # relative to the config file
    exclude = ["drafts/", "*.tmp.md"] # gitignore-style, relative to the config file
    extensions = ["txt", "md", "html", "htm", "docx"]   # walked in directories
    [per-file-ignores]                # gitignore-style glob -> code prefixes
    "archive/*.txt" = ["UN102"]

Unknown keys and bad values raise :class:`ConfigError`, which names the file and the key.
Command-line options override all of these.

A config file comes with the checked repository, so it is not trusted to choose where
requests go or where answers are cached: the source URLs and ``cache-dir`` are used only when
the user opts in (``--trust-config`` or ``CITECHECK_TRUST_CONFIG=1``); otherwise they are
ignored with a warning.  Everything else in it only changes what is reported.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pathspec

from citecheck.model import Severity
from citecheck.readers import DEFAULT_EXTENSIONS

CONFIG_NAMES = ("citecheck.toml", "pyproject.toml")
_URL_KEYS = ("undl-url", "ods-url", "cellar-url", "sparql-url")
#: Keys that decide which hosts are asked and where answers are cached: used only on opt-in.
TRUSTED_KEYS = (*_URL_KEYS, "cache-dir")
TRUST_ENV = "CITECHECK_TRUST_CONFIG"
_KNOWN = frozenset(
    {
        "select",
        "ignore",
        "fail-on",
        "per-file-ignores",
        "offline",
        "cache-dir",
        "exclude",
        "extensions",
        *_URL_KEYS,
    }
)


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names file and key (a
    ``ValueError``, so callers that catch bad values catch it too)."""

    def __init__(self, path: Path | str, key: str, reason: str) -> None:
        where = f"{path}: key {key!r}" if key else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.key = key
        self.reason = reason


def _spec(patterns: Iterable[str]) -> pathspec.PathSpec[Any]:
    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


def code_selected(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """ruff-style selection: kept if a select prefix matches (or none given) and no ignore."""
    code = code.upper()
    if select and not any(code.startswith(p.upper()) for p in select):
        return False
    return not any(code.startswith(p.upper()) for p in ignore)


def _resolved_root(cfg: Config) -> Path:
    return cfg.root.resolve()


def _exclude_spec(cfg: Config) -> pathspec.PathSpec[Any] | None:
    return _spec(cfg.exclude) if cfg.exclude else None


def _pfi_specs(cfg: Config) -> tuple[tuple[pathspec.PathSpec[Any], tuple[str, ...]], ...]:
    return tuple((_spec([glob]), codes) for glob, codes in cfg.per_file_ignores)


@attrs.frozen(slots=True)
class Config:
    """Settings of one run; ``path`` is the file they came from (None: defaults).

    The root is resolved and the ``exclude``/``per-file-ignores`` patterns are compiled once,
    when the config is built (``attrs.evolve`` rebuilds them), not once per checked file.
    """

    path: Path | None = None
    root: Path = attrs.field(factory=Path.cwd)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    offline: bool = False
    urls: Mapping[str, str] = attrs.field(factory=dict)
    cache_dir: Path | None = None
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    _root_resolved: Path = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_resolved_root, takes_self=True)
    )
    _exclude: pathspec.PathSpec[Any] | None = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_exclude_spec, takes_self=True)
    )
    _pfi: tuple[tuple[pathspec.PathSpec[Any], tuple[str, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_pfi_specs, takes_self=True)
    )

    def relative(self, path: str | Path) -> str | None:
        """``path`` relative to the config root (POSIX), or None when outside it."""
        try:
            return Path(path).resolve().relative_to(self._root_resolved).as_posix()
        except ValueError:
            return None

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        """The global ``ignore`` plus every per-file-ignores entry whose glob matches."""
        codes = list(self.ignore)
        rel = self.relative(path) if path != "<stdin>" and self._pfi else None
        if rel is not None:
            for spec, extra in self._pfi:
                if spec.match_file(rel):
                    codes.extend(extra)
        return tuple(codes)

    def is_excluded(self, path: str | Path) -> bool:
        if self._exclude is None:
            return False
        rel = self.relative(path)
        return rel is not None and self._exclude.match_file(rel)

    def is_excluded_dir(self, path: str | Path) -> bool:
        """A directory matched by ``exclude`` as ``dir/`` or ``dir`` (one path resolution)."""
        if self._exclude is None:
            return False
        rel = self.relative(path)
        return rel is not None and (
            self._exclude.match_file(rel + "/") or self._exclude.match_file(rel)
        )

    def untrusted_keys(self) -> tuple[str, ...]:
        """The keys of this file that need the user's opt-in (source URLs, cache-dir)."""
        keys = [k for k in _URL_KEYS if k in self.urls]
        return (*keys, "cache-dir") if self.cache_dir is not None else tuple(keys)

    def resolve_overrides(self, *, trusted: bool | None = None) -> dict[str, Any]:
        """Keyword overrides for ``settings_from_env`` of the resolution layer.

        Source URLs and the cache directory only when ``trusted`` (None: as
        ``CITECHECK_TRUST_CONFIG`` says), since a repository's file must not send requests
        to its own host or fill a shared cache with its answers.
        """
        if not (config_trusted() if trusted is None else trusted):
            return {}
        out: dict[str, Any] = {k.replace("-", "_"): v for k, v in self.urls.items()}
        if self.cache_dir is not None:
            out["cache_dir"] = self.cache_dir
        return out


def config_trusted(flag: bool = False, env: Mapping[str, str] | None = None) -> bool:
    """Whether the user opted in to the config file's source URLs and cache directory:
    ``--trust-config`` (``flag``) or ``CITECHECK_TRUST_CONFIG`` set to 1/true/yes/on."""
    value = (os.environ if env is None else env).get(TRUST_ENV, "")
    return flag or value.strip().lower() in ("1", "true", "yes", "on")


def _str_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):  # the documented type is a list: say how to write one
        raise ConfigError(
            path, key, f"must be a list of strings, not {value!r} (write [{value!r}])"
        )
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(path, key, f"must be a list of strings, not {value!r}")
    return tuple(value)


_CODE_SEPARATORS = re.compile(r"[\s,]+")


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``["UN1, EU102", "SF"]`` or ``"UN1 EU102"`` -> ("UN1", "EU102", "SF"): commas and
    spaces both separate codes, so a list written either way means what it says."""
    return tuple(
        part.upper() for value in values for part in _CODE_SEPARATORS.split(value) if part
    )


def unknown_codes(prefixes: Iterable[str]) -> list[str]:
    """The prefixes that start no rule code: a typo must not silently select nothing."""
    from citecheck.rules import all_rules

    known = [r.code for r in all_rules()]
    return [p for p in prefixes if not any(code.startswith(p.upper()) for code in known)]


#: Letters typed for the digits they look like ("EU1O2" is EU102, not EU112).
_DIGIT_LOOK_ALIKES = str.maketrans("OIL", "011")


def _digits_folded(code: str, known: Sequence[str]) -> str:
    """``code`` in upper case, with look-alike letters read as digits after the letters of a
    known code ("EUIO2" and "EU1O2" both read EU102; "IN1O1" keeps its "IN"); without such
    letters, after its first digit."""
    upper = code.upper()
    heads = {k.rstrip("0123456789") for k in known}
    head = max((h for h in heads if upper.startswith(h)), key=len, default=None)
    if head is None:
        head = upper[: next((i for i, ch in enumerate(upper) if ch.isdigit()), len(upper))]
    return head + upper[len(head) :].translate(_DIGIT_LOOK_ALIKES)


def describe_unknown_codes(unknown: Sequence[str]) -> str:
    """``'ZZ' is not a rule code or prefix`` with the nearest real code when one is close."""
    from citecheck.rules import all_rules

    known = [r.code for r in all_rules()]
    parts = []
    for code in unknown:
        close = difflib.get_close_matches(_digits_folded(code, known), known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
        parts.append(f"{code!r}{hint}")
    noun = "is not a rule code or prefix" if len(parts) == 1 else "are not rule codes or prefixes"
    return f"{', '.join(parts)} {noun}; `citecheck rules` lists the codes"


def _codes(path: Path, key: str, value: Any) -> tuple[str, ...]:
    codes = split_codes(_str_list(path, key, value))
    bad = unknown_codes(codes)
    if bad:
        raise ConfigError(path, key, describe_unknown_codes(bad))
    return codes


def config_from_table(path: Path, table: Mapping[str, Any]) -> Config:
    """Validate one ``[tool.citecheck]``/``citecheck.toml`` table."""
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ConfigError(
            path, unknown[0], f"unknown key (known keys: {', '.join(sorted(_KNOWN))})"
        )
    root = path.parent
    kw: dict[str, Any] = {"path": path, "root": root}
    if "select" in table:
        kw["select"] = _codes(path, "select", table["select"])
    if "ignore" in table:
        kw["ignore"] = _codes(path, "ignore", table["ignore"])
    if "fail-on" in table:
        try:
            kw["fail_on"] = Severity(table["fail-on"])
        except ValueError:
            choices = ", ".join(s.value for s in Severity)
            raise ConfigError(
                path, "fail-on", f"must be one of {choices}, not {table['fail-on']!r}"
            ) from None
    if "offline" in table:
        if not isinstance(table["offline"], bool):
            raise ConfigError(path, "offline", f"must be true or false, not {table['offline']!r}")
        kw["offline"] = table["offline"]
    urls = {}
    for key in _URL_KEYS:
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not value.startswith(("http://", "https://")):
                raise ConfigError(path, key, f"must be an http(s) URL, not {value!r}")
            urls[key] = value.rstrip("/")
    kw["urls"] = urls
    if "cache-dir" in table:
        if not isinstance(table["cache-dir"], str) or not table["cache-dir"]:
            raise ConfigError(path, "cache-dir", "must be a directory path (a string)")
        kw["cache_dir"] = root / Path(table["cache-dir"]).expanduser()
    if "exclude" in table:
        kw["exclude"] = _str_list(path, "exclude", table["exclude"])
        try:
            _spec(kw["exclude"])
        except Exception as exc:
            raise ConfigError(path, "exclude", f"bad pattern ({exc})") from None
    if "extensions" in table:
        kw["extensions"] = tuple(
            e.lower().lstrip(".") for e in _str_list(path, "extensions", table["extensions"])
        )
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(path, "per-file-ignores", "must be a table of glob = [codes]")
        entries = []
        for glob, codes in pfi.items():
            key = f"per-file-ignores.{glob}"
            try:
                _spec([glob])
            except Exception as exc:
                raise ConfigError(path, key, f"bad glob ({exc})") from None
            entries.append((glob, _codes(path, key, codes)))
        kw["per_file_ignores"] = tuple(entries)
    return Config(**kw)


def load_config(path: Path | str) -> Config:
    """Read one config file (``citecheck.toml``: top level; ``pyproject.toml``: the tool table)."""
    path = Path(path)
    try:
        return _load_config(path)
    except RecursionError:  # tomllib and repr recurse once per level of nesting
        raise ConfigError(path, "", "is nested too deeply to be a configuration") from None


def _load_config(path: Path) -> Config:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(path, "", f"cannot be read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"is not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8; tomllib lets the decoder's error through
        byte = exc.object[exc.start]
        raise ConfigError(
            path, "", f"is not valid UTF-8 (byte {byte:#04x} at offset {exc.start})"
        ) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(path, "tool", "must be a table")
        table = tool.get("citecheck", {})
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.citecheck", "must be a table")
    else:
        table = data
    return config_from_table(path, table)


def _has_tool_table(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            raw = fh.read()
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError):  # ours if it names the table: then its
        return _names_tool_table(raw)  # error is reported
    except (OSError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "citecheck" in tool


_DOTTED_TABLE = re.compile(rb"""tool\s*\.\s*["']?citecheck\b""")
_TOOL_HEADER = re.compile(rb"""^[ \t]*\[[ \t]*["']?tool["']?[ \t]*\]""", re.M)
_CITECHECK_KEY = re.compile(rb"""^[ \t]*["']?citecheck["']?[ \t]*=""", re.M)


def _names_tool_table(raw: bytes) -> bool:
    """Whether a pyproject.toml that cannot be parsed seems to hold our table, written
    ``[tool.citecheck]``, ``tool.citecheck.key = ...`` or ``[tool]`` then ``citecheck = {...}``."""
    if _DOTTED_TABLE.search(raw):
        return True
    header = _TOOL_HEADER.search(raw)
    return header is not None and _CITECHECK_KEY.search(raw, header.end()) is not None


def find_config_file(start: Path) -> Path | None:
    """Nearest ``citecheck.toml`` or ``pyproject.toml`` with ``[tool.citecheck]`` upwards."""
    start = start.resolve()
    if start.is_file() or not start.exists():
        start = start.parent
    for folder in (start, *start.parents):
        own = folder / "citecheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def discover(paths: Sequence[str], explicit: str | None = None) -> Config:
    """The run's config: ``explicit`` if given, else found from the first real path or cwd."""
    if explicit:
        return load_config(Path(explicit))
    starts = [Path(p) for p in paths if p != "-"]
    start = starts[0] if starts else Path.cwd()
    found = find_config_file(start)
    return load_config(found) if found else Config()
