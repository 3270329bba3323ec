"""MARC 21 pieces shared by the live UN Digital Library resolver and the index harvester.

Why one module: both read the same UNDL MARCXML (041 language codes, 856 file links), and a
language code read one way by the resolver and another way by the index would make the two
disagree about the same record.
"""

from __future__ import annotations

import re

MARC_NS = "http://www.loc.gov/MARC21/slim"

# MARC 041 codes (ISO 639-2/B) of the six official languages (and German, which UN records
# carry for some documents) to the two-letter codes people use.
LANGUAGE_CODES = {
    "ara": "ar",
    "chi": "zh",
    "eng": "en",
    "fre": "fr",
    "rus": "ru",
    "spa": "es",
    "ger": "de",
}
# 856 $y labels the library writes next to each file.
LANGUAGE_LABELS = {
    "arabic": "ar",
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "russian": "ru",
    "spanish": "es",
    "german": "de",
    "other": "",
}
_TWO_LETTER = frozenset(LANGUAGE_CODES.values())
# `.../files/A_HRC_17_31-EN.pdf` (also `-EN.pdf?version=1`)
_FILE_LANG = re.compile(r"-([A-Za-z]{2})\.[A-Za-z0-9]{2,5}(?:[?#].*)?\Z")


def split_languages(codes: str) -> list[str]:
    """`arachiengfrerusspa` -> ['ar', 'zh', 'en', 'fr', 'ru', 'es']."""
    codes = re.sub(r"[^a-z]", "", codes.lower())
    return [
        LANGUAGE_CODES.get(codes[i : i + 3], codes[i : i + 3]) for i in range(0, len(codes) - 2, 3)
    ]


def file_language(url: str | None, label: str | None) -> str | None:
    """Language of one 856 file from its name (`-EN.pdf`) or its $y label (`English`)."""
    if url:
        m = _FILE_LANG.search(url.strip())
        if m and m.group(1).lower() in _TWO_LETTER:
            return m.group(1).lower()
    if label:
        code = LANGUAGE_LABELS.get(label.strip().lower())
        if code:
            return code
        if label.strip().lower() in _TWO_LETTER:
            return label.strip().lower()
    return None
