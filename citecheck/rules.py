"""Finding codes: one table of stable rule codes, like ruff's.

Each citation family declares the rules it can raise (``RULES`` in its module); the core and
the network layer declare theirs here. ``all_rules()`` is what ``citecheck rules`` lists.
"""

from __future__ import annotations

import functools

import attrs

from citecheck.model import Finding, Fix, Severity


@attrs.frozen(slots=True)
class Rule:
    """A documented finding code."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str = ""
    bad: str = ""
    good: str = ""
    fixable: bool = False
    #: The finding says the written document cannot exist: a source that holds the cited id
    #: proves it wrong, so it is withdrawn there (``resolve.policy.stands``).
    withdrawn_when_found: bool = False

    def finding(
        self,
        message: str,
        start: int,
        end: int,
        *,
        id: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this rule, so code and default severity cannot drift apart."""
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            id=id,
            fix=fix,
        )


CORE_RULES: tuple[Rule, ...] = (
    Rule(
        "CC101",
        "invalid-utf8",
        Severity.WARNING,
        "The file is not valid UTF-8; undecodable bytes were replaced.",
        "citecheck reads text as UTF-8. Bytes that are not valid UTF-8 are replaced by U+FFFD "
        "so the rest of the file is still checked; offsets refer to the repaired text. "
        "`check --fix` never rewrites such a file. Re-save it as UTF-8.",
        bad="a file saved as Latin-1: 'caf\\xe9, A/HRC/41/35'",
        good="the same file saved as UTF-8: 'café, A/HRC/41/35'",
    ),
    Rule(
        "RS101",
        "not-found",
        Severity.ERROR,
        "The source answered definitely that the cited document does not exist.",
        "Reported only on a definite answer: an empty exact-symbol search in the UN Digital "
        "Library, a Cellar 404, or a local index (citecheck index update) whose complete "
        "coverage makes the absence certain; the index answers also with --offline. "
        "Suggestions list similar identifiers that do exist.",
        bad="A/HRC/RES/17/31",
        good="A/HRC/17/31 (the report) or A/HRC/RES/17/4 (the resolution)",
    ),
    Rule(
        "RS102",
        "unverified",
        Severity.INFO,
        "The source could not be asked or gave no definite answer; the citation is unverified.",
        "Timeouts, rate limits (429), server errors, empty 202 replies, challenge pages and "
        "malformed replies never count as 'not found'. Run again later, or use the cache.",
        bad="A/HRC/41/35 checked while the UN Digital Library times out (status unverified)",
        good="A/HRC/41/35 checked again later, or from a warm cache (status resolved)",
    ),
    Rule(
        "RS103",
        "act-no-longer-in-force",
        Severity.WARNING,
        "The cited EU act is no longer in force: its record says not in force and its end "
        "of validity has passed or a repealing act is recorded; the finding names both.",
        "Read from the local index (or Cellar): the act's in-force flag, its end of validity "
        "and the acts recorded as repealing it. Cite the act in force, or say why the old one "
        "is meant (historical context, transitional provisions).",
        bad="Directive 95/46/EC governs the processing of personal data",
        good="Regulation (EU) 2016/679 governs the processing of personal data",
    ),
    Rule(
        "RS104",
        "act-status-contradictory",
        Severity.INFO,
        "The EU's record of the cited act does not settle its status: it says in force, but "
        "its end of validity has passed; or it says not in force, with no end of validity "
        "passed and no repealing act (perhaps not in force yet).",
        "citecheck does not guess which half of the record is right, nor claims 'no longer "
        "in force' for an act that may not be in force yet; check the act on EUR-Lex before "
        "relying on it.",
        bad="Regulation (EC) No 1/2003 (when its record says in force, ended 2019-01-01)",
        good="Regulation (EC) No 1/2003 (when its record says in force, no end date)",
    ),
)


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of the core and of every registered family, sorted by code."""
    from citecheck.families import FAMILIES
    from citecheck.hidden import RULES as HIDDEN_RULES

    rules: dict[str, Rule] = {r.code: r for r in (*CORE_RULES, *HIDDEN_RULES)}
    for family in FAMILIES:
        for rule in family.rules:
            if rule.code in rules and rules[rule.code] != rule:
                raise RuntimeError(f"rule code {rule.code} declared twice")
            rules[rule.code] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.code))


@functools.cache
def _rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


def rule_by_code(code: str) -> Rule:
    """Look a rule up by its code; KeyError names the unknown code.

    A dict, not a walk over the rules: the editor asks once per RS finding it shows."""
    rule = _rules_by_code().get(code.upper())
    if rule is None:
        raise KeyError(code)
    return rule


#: The families' names as headings of the rule reference, in code-prefix order.
_PREFIX_TITLES = {
    "CC": "Reading files",
    "CJ": "CJEU and General Court cases, ECLIs",
    "EU": "EU acts, CELEX numbers and ELIs",
    "GC": "Treaty-body general comments and recommendations",
    "IN": "Named instruments (treaties, declarations, principles)",
    "OJ": "Official Journal of the EU references",
    "RS": "Resolution against the sources",
    "SF": "Short forms (Ibid., supra, op. cit.)",
    "SP": "Special Procedures communications",
    "UN": "UN document symbols and resolutions",
}


def markdown() -> str:
    """The rule reference (``docs/rules.md``), generated so it cannot miss a code:
    ``citecheck rules --format markdown > docs/rules.md``."""
    lines = [
        "# Finding codes",
        "",
        "<!-- Generated by `citecheck rules --format markdown`; do not edit by hand. -->",
        "",
        "Every finding has a stable code: two letters for the family, three digits. Select or "
        "ignore them by prefix (`--select UN1`, `ignore = [\"SF103\"]`), silence one line with "
        "a comment `citecheck: ignore[CODE]`, and read one with `citecheck rules CODE`.",
        "",
        "| code | name | severity | fix |",
        "|---|---|---|---|",
    ]
    rules = all_rules()
    for rule in rules:
        fix = "safe fix" if rule.fixable else ""
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity.value} | {fix} |"
        )
    prefix = ""
    for rule in rules:
        if rule.code[:2] != prefix:
            prefix = rule.code[:2]
            lines += ["", f"## {prefix}: {_PREFIX_TITLES.get(prefix, prefix)}"]
        lines += ["", f"### {rule.code}", "", f"**{rule.name}** ({rule.severity.value}"]
        lines[-1] += ", safe fix with `citecheck check --fix`)" if rule.fixable else ")"
        lines += ["", rule.summary]
        if rule.explanation:
            lines += ["", rule.explanation]
        for label, example in (("Wrong", rule.bad), ("Right", rule.good)):
            if example:
                lines += ["", f"{label}:", "", "```text", example, "```"]
    return "\n".join(lines) + "\n"
