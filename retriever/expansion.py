"""Query expansion for the lexical side: colloquial words → the formal terms policies use.

Workers ask "考了个中级证能补多少钱"; clauses say "取得职业资格证书…给予技能提升补贴". The mapping lives in
``resources/synonyms.txt`` (general domain vocabulary, one rule a line) so it can grow without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from ingest.normalize import match_normalize

RULE_ARROW = "=>"


@dataclass(frozen=True)
class ExpansionRule:
    triggers: tuple[str, ...]
    terms: tuple[str, ...]


def parse_rules(lines: list[str]) -> list[ExpansionRule]:
    """``trigger|trigger => term, term``; blank lines and ``#`` comments are skipped, bad lines raise ValueError."""
    rules = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        left, arrow, right = line.partition(RULE_ARROW)
        triggers = tuple(match_normalize(t.strip()) for t in left.split("|") if t.strip())
        terms = tuple(t.strip() for t in right.replace("，", ",").split(",") if t.strip())
        if not arrow or not triggers or not terms:
            raise ValueError(f"synonym rule {number} must look like 'a|b => X, Y': {line!r}")
        rules.append(ExpansionRule(triggers, terms))
    return rules


def bundled_rules() -> list[ExpansionRule]:
    text = resources.files("retriever.resources").joinpath("synonyms.txt").read_text(encoding="utf-8")
    return parse_rules(text.splitlines())


class QueryExpander:
    """Formal terms to add to a query, each once, in rule order (pure; build once)."""

    def __init__(self, rules: list[ExpansionRule]) -> None:
        self._rules = list(rules)

    def expansions(self, query: str) -> list[str]:
        text = match_normalize(query)
        added: list[str] = []
        for rule in self._rules:
            if any(trigger in text for trigger in rule.triggers):
                added.extend(term for term in rule.terms if term not in added and match_normalize(term) not in text)
        return added
