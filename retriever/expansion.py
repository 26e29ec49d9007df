"""Query expansion for the lexical side: colloquial words → the formal terms policies use.

Workers ask "考了个中级证能补多少钱"; clauses say "取得职业资格证书…给予技能提升补贴". The mapping is data
(``data/knowledge/synonyms.txt``, one rule a line, loaded by ``ingest.knowledge``) so it grows without code changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.knowledge import ExpansionRule
from ingest.textnorm import fold


class QueryExpander:
    """Formal terms to add to a query, each once, in rule order (pure; build once)."""

    def __init__(self, rules: Iterable[ExpansionRule]) -> None:
        self._rules = list(rules)

    def expansions(self, query: str) -> list[str]:
        text = fold(query)
        added: list[str] = []
        for rule in self._rules:
            if any(trigger in text for trigger in rule.triggers):
                added.extend(term for term in rule.terms if term not in added and fold(term) not in text)
        return added
