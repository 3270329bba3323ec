"""How late the language server's final diagnostics are after a burst of typing.

Starts `python -m citecheck.lsp --no-resolve` (whichever citecheck is on PYTHONPATH), opens a
large document (default ~1.8 MB), sends `--changes` full-text changes `--gap` seconds apart
(a person typing, pausing past the 300 ms debounce), and prints the seconds from the last
change to the diagnostics of the last version, and how many versions were published.
With `--hover`, a hover on an unchanged citation follows each change, and the slowest
answer is printed (a request must not wait behind a running check).

    python benchmarks/lsp_flood.py --size-mb 1.8 --changes 10 --gap 0.5 [--hover]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

PARAGRAPH = (
    "Recalling Human Rights Council resolution 17/4 and A/HRC/17/31, para. 5, and Directive "
    "95/46/EC, see Case C-293/12, ECLI:EU:C:2014:238; the Committee notes CCPR/C/GC/34.\n"
)


async def run(size_mb: float, changes: int, gap: float, hover: bool = False) -> None:
    client = LanguageClient("lsp-flood-bench", "1")
    published: list[tuple[float, int | None]] = []
    last_seen = asyncio.Event()
    first_seen = asyncio.Event()
    want = changes + 1

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        published.append((time.perf_counter(), params.version))
        first_seen.set()
        if params.version == want:
            last_seen.set()

    await client.start_io(sys.executable, "-m", "citecheck.lsp", "--no-resolve")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    body = PARAGRAPH * int(size_mb * 1_000_000 / len(PARAGRAPH))
    uri = "untitled:bench"
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=body + "v1\n"
            )
        )
    )
    if hover:  # typing starts on a checked document (a hover before waits for that check)
        await asyncio.wait_for(first_seen.wait(), 600)
    began = time.perf_counter()
    sent = 0.0
    waits: list[float] = []
    for version in range(2, want + 1):
        await asyncio.sleep(gap)
        new_text = lsp.TextDocumentContentChangeWholeDocument(text=body + f"v{version}\n")
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[new_text],
            )
        )
        sent = time.perf_counter()
        if hover:
            asked = time.perf_counter()
            await client.text_document_hover_async(
                lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 45))
            )
            waits.append(time.perf_counter() - asked)
    await asyncio.wait_for(last_seen.wait(), 600)
    late = published[-1][0] - sent
    versions = [v for _, v in published]
    print(
        f"{len(body) / 1e6:.2f} MB, {changes} changes {gap} s apart: last version's diagnostics "
        f"{late:.1f} s after the last change; versions published: {versions}"
    )
    if waits:
        print(f"hovers after each change: slowest answer {max(waits):.2f} s")
        timeline = [(round(at - began, 1), v) for at, v in published if at >= began]
        print(f"(seconds after the first change, version) published: {timeline}")
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.8)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--gap", type=float, default=0.5)
    parser.add_argument("--hover", action="store_true", help="hover after each change")
    args = parser.parse_args()
    asyncio.run(run(args.size_mb, args.changes, args.gap, args.hover))


if __name__ == "__main__":
    main()
