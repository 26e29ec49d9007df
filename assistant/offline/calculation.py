"""Which calculator or eligibility check settles a question, and running it with the question's facts.

Nothing here names a rule: a rule is a candidate when its region's rules apply to the place asked about (or any
region when none is named), and it is chosen by the evidence — the rule whose clause the question's best supported
clause is — with its keywords and the facts it can use breaking ties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.calculators import CalculationResult, registry, run_calculator
from assistant.calculators.base import CalculatorSpec
from assistant.offline.evidence import Evidence
from ingest.knowledge import FactSpec
from retriever.understanding import Understanding


@dataclass(frozen=True)
class RuleView:
    """A calculator as routing sees it: identity, where it applies, what it rests on, what it reads."""

    spec: CalculatorSpec
    doc_id: str
    clause_path: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def region(self) -> str:
        return self.spec.region

    @property
    def inputs(self) -> set[str]:
        return set(self.spec.input_model.model_fields)


def rule_views() -> list[RuleView]:
    """Every loaded rule with the clause it cites (read from the rule itself)."""
    views = []
    for spec in registry().values():
        source = run_calculator(spec.name, {}).sources[0]
        views.append(RuleView(spec=spec, doc_id=source.doc_id, clause_path=source.clause_path))
    return views


class RuleRouter:
    def __init__(self, rules: list[RuleView], assumptions: Mapping[str, tuple[Any, str]], splits: list[FactSpec]):
        self.rules = rules
        self.assumptions = dict(assumptions)  # input → (value, phrase) for general questions ("按每名学徒计")
        self.splits = splits  # count_by_choice facts: run once per option, then sum

    def applicable(self, understanding: Understanding) -> list[RuleView]:
        if not understanding.places:
            return list(self.rules)
        return [rule for rule in self.rules if rule.region in understanding.regions]

    def keyword_score(self, rule: RuleView, understanding: Understanding) -> int:
        return sum(len(k) for k in rule.spec.keywords if k in understanding.normalized)

    def choose(self, understanding: Understanding, evidence: list[Evidence]) -> RuleView | None:
        """The applicable rule resting on the strongest supported clause (ties: keywords, then usable facts)."""
        candidates = self.applicable(understanding)
        for item in evidence[:3]:
            on_clause = [r for r in candidates
                         if (r.doc_id, r.clause_path) == (item.chunk.doc_id, item.chunk.clause_path)]
            if on_clause:
                return max(on_clause, key=lambda r: (self.keyword_score(r, understanding),
                                                     len(r.inputs & understanding.facts.keys())))
        return None

    def regions_with_rules(self, understanding: Understanding) -> list[RuleView]:
        """Rules anywhere whose keywords the question uses (for "which region regulates this")."""
        return [r for r in self.rules if self.keyword_score(r, understanding) > 0]

    # ---- running ---------------------------------------------------------------------------------------------
    def relevant_facts(self, rule: RuleView, facts: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in facts.items() if k in rule.inputs}

    def run(self, rule: RuleView, facts: Mapping[str, Any], *, assume: bool) -> tuple[CalculationResult, dict, list]:
        """(result, arguments, assumptions stated) — general questions get the rule's stated defaults."""
        arguments = self.relevant_facts(rule, facts)
        stated: list[str] = []
        if assume:
            for field, (value, phrase) in self.assumptions.items():
                if field in rule.inputs and field not in arguments:
                    arguments[field] = value
                    stated.append(phrase)
        return run_calculator(rule.name, arguments), arguments, stated

    def split(self, rule: RuleView, facts: Mapping[str, Any]) -> tuple[FactSpec, dict[str, int]] | None:
        """A count per option (2个中级工、4个高级工) for a rule that takes one option and one count."""
        for spec in self.splits:
            counts = facts.get(spec.name)
            if counts and spec.choice_input in rule.inputs and spec.count_input in rule.inputs:
                return spec, counts
        return None
