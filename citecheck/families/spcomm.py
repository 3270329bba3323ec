"""Placeholder for the spcomm family; replaced by its real implementation."""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.families.base import Document
from citecheck.model import Citation, Finding
from citecheck.rules import Rule


class _Placeholder:
    name = "spcomm"
    triggers: tuple[str, ...] = ("\x00never",)
    priority = 0
    rules: tuple[Rule, ...] = ()

    def find(self, doc: Document) -> Iterator[Citation]:
        return iter(())

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        return iter(())


FAMILY = _Placeholder()
