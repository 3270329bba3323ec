"""Special Procedures communications: ``AL ISR 7/2021``, ``case No. EGY 6/2015``.

The stable core of a reference is ``<ISO3|OTH> <seq>/<yyyy>``; the type (AL,
UA, OL and the joint JAL, JUA, JOL) is kept as a separate field. A reference with a type is
recognised anywhere; one without a type only where the same line says it is a reference
("REFERENCE:", "case No.", "communication") or when it continues a typed list
("OL OTH 52/2019 and OTH 2/2020"), since ``ISR 7/2021`` alone is too weak a signal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
import regex

from citecheck.families import un_context as ctx
from citecheck.families.base import (
    HSPACE,
    PATTERN_HORIZON,
    Document,
    compile_pattern,
    literal_hits,
    matches_near,
)
from citecheck.model import Citation, Finding, Fix, Kind, Severity
from citecheck.patterns import unreadable_number
from citecheck.rules import Rule

_H = HSPACE
_W = r"[\s\u00a0]"

#: ISO 3166-1 alpha-3 codes (249, as listed by Debian iso-codes, iso_3166-1.json) plus OTH,
#: which OHCHR uses for non-State addressees (companies, international organizations).
ISO3 = frozenset(
    """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA
    BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN
    CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU
    EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB
    GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL
    ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO
    LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR
    MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER
    PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM
    SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
    TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM
    VUT WLF WSM YEM ZAF ZMB ZWE
    OTH
    """.split()  # noqa: SIM905
)

TYPES = ("AL", "UA", "OL", "JAL", "JUA", "JOL")


@attrs.frozen(slots=True)
class SPCommunicationRef:
    """A communication reference: addressee code, running number, year, and the type if any."""

    country: str
    number: int
    year: int
    type: str | None = None

    @property
    def reference(self) -> str:
        """The canonical reference without the type, ``ISR 7/2021`` (the id's value)."""
        return f"{self.country} {self.number}/{self.year}"


_REF = rf"""
    (?P<addr>[A-Z]{{2,3}})(?P<s2>{_W}{{1,6}}|/|(?<=(?:AL|UA|OL){_W}{{1,6}}[A-Z]{{3}}))
    (?P<a>\d{{1,4}})/(?P<b>\d{{1,4}})(?![\d/]|[^\W\d_])
"""
_MAIN = compile_pattern(
    rf"""(?<![\w/.])
    (?:(?P<type>J?(?:AL|UA|OL))(?P<s1>{_W}{{1,6}}|/))?
    {_REF}"""
)
_CONT = compile_pattern(
    rf"""(?:{_H}*[,;]{_H}*(?:and{_W}+)?|,?{_W}+and{_W}+)
    (?:(?P<type>J?(?:AL|UA|OL))(?P<s1>{_W}{{1,6}}|/))?
    {_REF}"""
)
# How close (characters) an untyped reference must follow another one to count as one.
_CHAIN = 160
#: A document that speaks of communications (these words) and of the special procedures
#: (`_SP_DOCUMENT`) cites them bare, in footnotes.
COMMUNICATION_WORDS = ("communication",)
_SP_DOCUMENT = ("special rapporteur", "special procedures", "ohchr", "working group")
#: Words whose presence anywhere in a text changes how the family reads it (a text of the
#: special procedures).
WHOLE_TEXT_WORDS = (COMMUNICATION_WORDS, _SP_DOCUMENT)
# Words that make an untyped ``ISR 7/2021`` a communication reference (same line, 200 back).
_CONTEXT = ("reference", "ref.", "case no", "communication")

SLASHES = Rule(
    "SP101",
    "spcomm-slashes",
    Severity.WARNING,
    "A communication reference is written with slashes between its parts.",
    "OHCHR writes the type, addressee and number separated by spaces: `AL ISR 7/2021`.",
    bad="AL/ISR/7/2021",
    good="AL ISR 7/2021",
    fixable=True,
)
REVERSED = Rule(
    "SP102",
    "spcomm-reversed",
    Severity.ERROR,
    "The running number and the year of a communication reference are swapped.",
    "The reference is `<code> <number>/<year>`, e.g. `AL ISR 7/2021`, not `AL ISR 2021/7`.",
    bad="AL ISR 2021/7",
    good="AL ISR 7/2021",
    fixable=True,
)
TWO_LETTER = Rule(
    "SP103",
    "spcomm-two-letter-code",
    Severity.ERROR,
    "A communication reference uses a two-letter country code.",
    "Addressees are ISO 3166-1 alpha-3 codes (or OTH): `ISR`, not `IS` (which is Iceland's "
    "alpha-2 code anyway).",
    bad="AL IS 7/2021",
    good="AL ISR 7/2021",
)
UNKNOWN_CODE = Rule(
    "SP104",
    "spcomm-unknown-code",
    Severity.ERROR,
    "The addressee code of a communication reference is not an ISO 3166-1 alpha-3 code.",
    "Communication references use ISO 3166-1 alpha-3 codes, or OTH for non-State addressees.",
    bad="AL ISX 7/2021",
    good="AL ISR 7/2021",
)
ZERO_PADDED = Rule(
    "SP105",
    "spcomm-zero-padded",
    Severity.INFO,
    "The running number of a communication reference is zero-padded.",
    "Real references never pad the number: `AL ISR 7/2021`.",
    bad="AL ISR 07/2021",
    good="AL ISR 7/2021",
    fixable=True,
)
FUTURE_YEAR = Rule(
    "SP106",
    "spcomm-future-year",
    Severity.ERROR,
    "The year of a communication reference is in the future.",
    "No communication can carry a year after the current one.",
    bad="AL ISR 7/2091",
    good="AL ISR 7/2021",
)

NO_SPACE = Rule(
    "SP107",
    "spcomm-missing-space",
    Severity.WARNING,
    "The addressee code and the number of a communication reference run together.",
    "`UA MRT1/2020` is `UA MRT 1/2020`; a reference without the space is not found by the "
    "OHCHR communications search.",
    bad="UA MRT1/2020",
    good="UA MRT 1/2020",
    fixable=True,
)

RULES = (SLASHES, REVERSED, TWO_LETTER, UNKNOWN_CODE, ZERO_PADDED, FUTURE_YEAR, NO_SPACE)


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


#: How far before its anchor "/" a reference can start: type, separator, code, separator and
#: running number ("JUA" + 6 + "ISR" + 6 + "1234" = 22).
_REACH = 32
#: How far past a hit the pattern may read.
_MAIN_AFTER = 40


def _anchors(text: str, slashes: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each "/" of ``slashes`` that can be a reference's: a year on one side ("7/2021",
    reversed "2021/7"), 1-4 digits on the left, then a space run, a "/" or nothing, then two
    capital letters.

    Every reference has one, so the pattern is tried only there. These are plain string
    checks, a superset of what the pattern accepts (``str.isspace`` covers ``\\s``).
    """
    for start, end in slashes:
        # The running number's last digit comes first: most slashes ("and/or", URLs, symbols)
        # have none before them and are refused by this one test.
        if not text[start - 1 : start].isdecimal():
            continue
        if text[end : end + 2] not in ("19", "20") and not (
            text[start - 4 : start - 2] in ("19", "20") and text[start - 2 : start].isdigit()
        ):
            continue
        i = start - 1
        while i > start - 5 and i >= 0 and text[i].isdecimal():
            i -= 1
        if i == start - 1 or i < 1:
            continue  # no running number, or nothing before it
        if text[i] == "/":
            i -= 1
        else:
            stop = i - 6
            while i > stop and i >= 0 and text[i].isspace():
                i -= 1
        if i >= 1 and "A" <= text[i] <= "Z" and "A" <= text[i - 1] <= "Z":
            yield start, end


def candidates(
    text: str, slashes: Iterable[tuple[int, int]] | None = None
) -> Iterator[regex.Match[str]]:
    """The matches of the reference pattern that carry a year, found near their anchors: the
    same as ``_MAIN.finditer`` keeps minus year-less ones, without running the pattern at
    every position of every document (the family has no literal prefilter to skip texts).
    ``slashes`` are the spans of every "/" of ``text`` where they are known (the document's
    anchor index); they are found here otherwise.
    """
    if slashes is None:
        slashes = literal_hits(text, ("/",))
    for m in matches_near(_MAIN, _anchors(text, slashes), text, before=_REACH, after=_MAIN_AFTER):
        if _is_year(m.group("a")) or _is_year(m.group("b")):
            yield m


class SPCommFamily:
    """Special Procedures communication references."""

    name = "spcomm"
    triggers: tuple[str, ...] = ("/",)  # every reference has one
    anchors = (*COMMUNICATION_WORDS, *_SP_DOCUMENT)
    priority = 10
    #: read past a citation: what its pattern reads past a hit
    reach_after = max(PATTERN_HORIZON, _MAIN_AFTER)
    rules: tuple[Rule, ...] = RULES

    def find(self, doc: Document) -> Iterator[Citation]:
        text = doc.text
        consumed = 0
        last_end = -(10**9)
        sp_document = doc.has_any(COMMUNICATION_WORDS) and doc.has_any(_SP_DOCUMENT)
        for m in candidates(text, doc.hits(("/",))):
            if m.start() < consumed:
                continue
            # An untyped reference close after another one belongs to the same enumeration
            # ("Japan (JPN 1/2024 (reply received ...)); Kyrgyzstan (KGZ 4/2021)").
            cit = self._citation(
                text, m, in_list=m.start() - last_end <= _CHAIN, sp_document=sp_document
            )
            if cit is None:
                continue
            yield cit
            pos = cit.end
            for _ in range(1000):  # a safety bound; real lists run to a few hundred
                nxt = _CONT.match(text, pos)
                if nxt is None:
                    break
                more = self._citation(text, nxt, in_list=True)
                if more is None:
                    break
                yield more
                pos = more.end
            consumed = last_end = pos

    def _citation(
        self, text: str, m: regex.Match[str], *, in_list: bool, sp_document: bool = False
    ) -> Citation | None:
        typ, addr, a, b = m.group("type"), m.group("addr"), m.group("a"), m.group("b")
        s1, s2 = m.group("s1") or " ", m.group("s2")
        start = m.start("type") if typ else m.start("addr")
        end = m.end()
        if _is_year(b) and not _is_year(a):
            seq, year, reversed_ = a, b, False
        elif _is_year(a) and not _is_year(b) and len(b) <= 3:
            seq, year, reversed_ = b, a, True
        else:
            return None
        if unreadable_number(seq, year) or int(seq) == 0:
            return None
        known = addr in ISO3
        if typ is None and not (known and len(addr) == 3):
            return None  # untyped: only a real code is a reference
        # A bare "[62] UKR 3/2021." footnote counts only in a text about SP communications.
        if (
            typ is None
            and not in_list
            and not self._in_context(text, start)
            and not (sp_document and 2000 <= int(year) <= ctx.current_year())
        ):
            return None
        slashed = "/" in (s1, s2)
        glued = s2 == ""
        if typ is None and slashed:
            return None
        ref = SPCommunicationRef(addr, int(seq), int(year), typ)
        cid = f"spcomm:{ref.reference}"
        canonical = f"{typ + ' ' if typ else ''}{ref.reference}"
        notes: list[Finding] = []
        if slashed:
            notes.append(SLASHES.finding(
                f"write the reference with spaces: {canonical}", start, end, id=cid,
                fix=Fix(start, end, canonical, "separate the parts with spaces"),
            ))  # fmt: skip
        if reversed_:
            notes.append(REVERSED.finding(
                f"number and year are swapped: {canonical}", start, end, id=cid,
                fix=Fix(start, end, canonical, "put the number before the year"),
            ))  # fmt: skip
        if glued:
            notes.append(NO_SPACE.finding(
                f"put a space between the code and the number: {canonical}", start, end,
                id=cid, fix=Fix(start, end, canonical, "insert the missing space"),
            ))  # fmt: skip
        if len(addr) == 2:
            notes.append(TWO_LETTER.finding(
                f"'{addr}' is a two-letter code; references use the three-letter ISO code "
                "(ISR, not IL)", start, end,
                id=cid,
            ))  # fmt: skip
        elif not known:
            notes.append(UNKNOWN_CODE.finding(
                f"'{addr}' is not a country's three-letter ISO code; write the addressee's "
                "code (ISR, EGY...) or OTH for one that is not a State", start, end, id=cid,
            ))  # fmt: skip
        if seq.startswith("0") and not (slashed or reversed_ or glued):
            num_start = m.start("b") if reversed_ else m.start("a")
            notes.append(ZERO_PADDED.finding(
                f"the running number is not padded: {canonical}", start, end, id=cid,
                fix=Fix(num_start, num_start + len(seq), str(int(seq)), "drop the leading zero"),
            ))  # fmt: skip
        return Citation(
            id=cid,
            kind=Kind.SP_COMMUNICATION,
            text=text[start:end],
            start=start,
            end=end,
            parts=ref,
            ambiguous=len(addr) == 2 or not known,
            family=self.name,
            notes=tuple(notes),
        )

    @staticmethod
    def _in_context(text: str, pos: int) -> bool:
        """Does the line before ``pos`` (at most 200 characters) say this is a reference?"""
        window = text[max(0, pos - 200) : pos]
        cut = window.rfind("\n")
        if cut != -1 and not window[cut + 1 :].strip():
            cut = window.rfind("\n", 0, cut)  # at a line start: the line before counts
        line = window[cut + 1 :]
        low = line.lower()
        return any(word in low for word in _CONTEXT)

    def validate(self, citation: Citation, doc: Document) -> Iterator[Finding]:
        ref = citation.parts
        if isinstance(ref, SPCommunicationRef) and ref.year > ctx.current_year():
            yield FUTURE_YEAR.finding(
                f"a communication of {ref.year} cannot exist yet; check the year",
                citation.start, citation.end,
                id=citation.id,
            )  # fmt: skip


FAMILY = SPCommFamily()

__all__ = ["FAMILY", "ISO3", "RULES", "SPCommFamily", "SPCommunicationRef"]
