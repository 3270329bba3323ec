"""UN Official Document System (documents.un.org): a second opinion on UN symbols.

`api/symbol/access?s=..&l=en&t=pdf` answers 302 to the file when ODS has the document, and
HTTP 200 with a ~1.3 KB HTML page when it has not -- but the same HTML page is also served
under load.  So the verdict is read from what was sent (a PDF, or a redirect to a file on a
configured host), never from the status code, and an HTML page is only "ODS did not give the
file", not a definite "does not exist".

`OdsSource` is registered after the UN Digital Library for `un:` ids (the engine asks it):
* UN Digital Library unavailable (or its search disallowed by robots.txt) -> ODS file means
  resolved; an HTML page or an ODS failure stays unverified, because ODS alone is not definite.
* UN Digital Library definitely empty -> ODS is asked too (`confirms_missing`), because the
  library catalogues documents days after ODS publishes them; an ODS file turns `not_found`
  into resolved, anything else leaves the library's answer.
"""

from __future__ import annotations

import asyncio
import enum
import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs
import httpx

from citecheck.resolve.model import Resolution, Status
from citecheck.resolve.net import Fetcher, Unavailable, host_key

if TYPE_CHECKING:
    from citecheck.resolve.settings import Settings

ODS_URL = "https://documents.un.org"

_PEEK = 2048


class OdsVerdict(enum.Enum):
    """What one ODS request showed."""

    FILE = "file"
    NO_FILE = "no_file"


@attrs.frozen(slots=True)
class OdsAnswer:
    """Verdict plus the file location when ODS redirected to one."""

    verdict: OdsVerdict
    location: str | None = None


def access_url(ods_url: str, symbol: str, lang: str = "en") -> httpx.URL:
    """The ODS symbol-access URL for `symbol` (a PDF in `lang`)."""
    return httpx.URL(
        f"{ods_url.rstrip('/')}/api/symbol/access", params={"s": symbol, "l": lang, "t": "pdf"}
    )


async def check(fetcher: Fetcher, ods_url: str, symbol: str) -> OdsAnswer:
    """Ask ODS for the English PDF of `symbol`; `Unavailable` when the reply says nothing."""
    url = access_url(ods_url, symbol)
    reply = await fetcher.get(str(url), peek=_PEEK)
    if reply.status in (301, 302, 303, 307, 308):
        location = reply.headers.get("location")
        if not location:
            raise Unavailable(f"ODS answered {reply.status} without a Location")
        target = url.join(location)
        if host_key(target) not in fetcher.config.allowed_hosts:
            raise Unavailable(
                f"ODS redirected to {target.host}, which is not a configured source host"
            )
        ext = posixpath.splitext(target.path)[1].lower()
        if ext in (".pdf", ".doc", ".docx") or "/doc/" in target.path:
            return OdsAnswer(OdsVerdict.FILE, str(target))
        raise Unavailable(f"ODS redirected to {target.path}, which does not look like a file")
    if reply.status == 200:
        if reply.content_type == "application/pdf" or reply.content.startswith(b"%PDF"):
            return OdsAnswer(OdsVerdict.FILE, str(url))
        if reply.content_type in ("text/html", "application/xhtml+xml"):
            return OdsAnswer(OdsVerdict.NO_FILE)
        raise Unavailable(f"ODS answered 200 with unexpected content type {reply.content_type!r}")
    if reply.status == 404:
        return OdsAnswer(OdsVerdict.NO_FILE)
    raise Unavailable(f"ODS answered HTTP {reply.status}")


class OdsSource:
    """`un:` ids, one ODS request per symbol: a fallback after the UN Digital Library."""

    name: ClassVar[str] = "ods"
    schemes: ClassVar[tuple[str, ...]] = ("un",)
    needs_network: ClassVar[bool] = True
    url_settings: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("ods_url", "CITECHECK_ODS_URL", ODS_URL),
    )
    links: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    confirms_missing: ClassVar[bool] = True
    enabled_by: ClassVar[str | None] = "ods_fallback"
    batch_setting: ClassVar[str | None] = None  # one request per symbol
    answered_as: ClassVar[tuple[tuple[str, str], ...]] = (("ods", "ods_url"),)

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        self.fetcher = fetcher
        self.base = settings.ods_url

    async def resolve(self, ids: Sequence[str]) -> dict[str, Resolution]:
        """A file means resolved; an HTML page or a failure is unverified (never not_found)."""
        answers = await asyncio.gather(
            *(check(self.fetcher, self.base, i.split(":", 1)[1]) for i in ids),
            return_exceptions=True,
        )
        out: dict[str, Resolution] = {}
        for ident, answer in zip(ids, answers, strict=True):
            symbol = ident.split(":", 1)[1]
            if isinstance(answer, OdsAnswer) and answer.verdict is OdsVerdict.FILE:
                out[ident] = Resolution(
                    id=ident,
                    status=Status.RESOLVED,
                    url=f"https://undocs.org/{symbol}",
                    source="ods",
                    extra=[("ods_file", answer.location or "")],
                )
                continue
            if isinstance(answer, OdsAnswer):
                why = "ODS sent an HTML page instead of the file (it does so also under load)"
            elif isinstance(answer, Unavailable):
                why = f"ODS: {answer.reason}"
            elif isinstance(answer, Exception):
                raise answer
            else:
                raise answer
            out[ident] = Resolution(id=ident, status=Status.UNVERIFIED, source="ods", reason=why)
        return out
